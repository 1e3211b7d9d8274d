using System.Text.RegularExpressions;
using Lscb.Site.Core;

namespace Lscb.Site.Validate;

/// <summary>
/// Mistakes that would otherwise reach readers without a word: text left over from the <c>new</c>
/// command's templates, a withheld review's text repeated in its summary or title (which are shown
/// in lists, away from the notice), and a publication date so far ahead that it is more likely a
/// typing slip than an embargo.
/// </summary>
public static partial class PublishingChecks
{
    /// <summary>The sentences the <c>new</c> command writes for the editor to replace; never published.</summary>
    public static readonly IReadOnlyList<string> Placeholders =
    [
        "Write one or two plain sentences about this review.",
        "Write one or two plain sentences about this theme.",
        "Write one or two plain sentences about what the Board did.",
    ];

    /// <summary>How far ahead a publication date may be before it needs <c>embargo: true</c>.</summary>
    public const int EmbargoWarningDays = 366;

    /// <summary>
    /// What depends on one file alone: template text on a page that is not a draft, and a withheld
    /// case's text repeated in its summary or title. Run as the file is bound, so that preview
    /// remembers the result with the file and pays for it again only when the file changes.
    /// </summary>
    public static void CheckItem(ContentItem item, FrontMatterReader r, DiagnosticBag diagnostics)
    {
        var reader = new Lazy<FrontMatterReader?>(() => r);
        if (!item.Draft) Placeholder(item, reader, diagnostics);
        if (item is CaseItem { Publication: Publication.Withheld } c) Repeated(c, reader, diagnostics);
    }

    /// <summary>What depends on the day: a publication date so far ahead that it needs <c>embargo: true</c>.</summary>
    public static void Check(ValidatedSite site, DateOnly today, DiagnosticBag diagnostics)
    {
        foreach (var item in site.Items)
        {
            var r = new Lazy<FrontMatterReader?>(() => ContentValidator.Reread(item, new DiagnosticBag()));
            if (item is CaseItem c)
            {
                if (c.Published.Start > today.AddDays(EmbargoWarningDays) && !c.Embargo)
                    diagnostics.Report(DiagnosticCodes.FarFuturePublished, r.Value?.AtKey("published") ?? SourceSpan.StartOf(c.Source.Path),
                        $"'published' is {c.Published.ToDisplay()}, more than a year from now, so this case would stay hidden until then; " +
                        "check the year, or, if the embargo is meant, add the line 'embargo: true'");
            }
        }
    }

    /// <summary>The cases hidden until a later date, with that date, soonest first: <c>check</c> lists them.</summary>
    public static IReadOnlyList<(string Path, PartialDate Until)> Embargoed(ValidatedSite site, DateOnly today) =>
        site.Items.OfType<CaseItem>().Where(c => c.Published.Start > today).OrderBy(c => c.Published.Start).ThenBy(c => c.Source.Path, StringComparer.Ordinal)
            .Select(c => (c.Source.Path, c.Published)).ToList();

    private static void Placeholder(ContentItem item, Lazy<FrontMatterReader?> r, DiagnosticBag diagnostics)
    {
        foreach (var text in Placeholders)
        {
            if (item.Summary.Contains(text, StringComparison.Ordinal))
                diagnostics.Report(DiagnosticCodes.TemplateTextLeft, r.Value?.AtKey("summary") ?? SourceSpan.StartOf(item.Source.Path),
                    $"the summary is still the template's \"{text}\"; write the page's own summary before it is published (or keep 'draft: true')");
            var at = item.Source.Body.IndexOf(text, StringComparison.Ordinal);
            if (at >= 0)
                diagnostics.Report(DiagnosticCodes.TemplateTextLeft, BodySpan(item, at),
                    $"this is the template's \"{text}\"; replace it with the page's own text before it is published (or keep 'draft: true')");
        }

        // A heading the template wrote, left with nothing under it before the next heading of its level.
        foreach (Match m in EmptyHeading().Matches(item.Source.Body))
        {
            var level = m.Groups["level"].Length;
            var next = m.Groups["next"].Success ? m.Groups["next"].Length : 0;
            if (!TemplateHeadings.Contains(m.Groups["title"].Value) || (next > level)) continue;
            diagnostics.Report(DiagnosticCodes.TemplateTextLeft, BodySpan(item, m.Index),
                $"the heading '{m.Groups["title"].Value}' has no text under it: write that section, or remove the heading, before the page is published (or keep 'draft: true')");
        }
    }

    /// <summary>The headings the <c>new</c> command's templates write.</summary>
    public static readonly IReadOnlySet<string> TemplateHeadings = new HashSet<string>(
        ["What happened", "What the review found", "Learning", "Recommendations", "What practitioners should know", "What the reviews found", "What the Board did", "Why"],
        StringComparer.Ordinal);

    /// <summary>How many words in a row, shared by a withheld case's text and its summary, make a repeated sentence.</summary>
    public const int RepeatedWords = 9;

    // A run of words from a withheld case's text, found again in its summary or title. Nine words in a
    // row is a sentence or most of one; shorter runs are often only a service's or a theme's name
    // ("the child and adolescent mental health service").
    private static void Repeated(CaseItem c, Lazy<FrontMatterReader?> r, DiagnosticBag diagnostics)
    {
        var body = Words(c.Source.Body);
        if (body.Length < RepeatedWords) return;
        var runs = Runs(body, RepeatedWords).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, value) in new[] { ("summary", c.Summary), ("title", c.Title) })
        {
            var words = Words(value);
            var shared = Runs(words, RepeatedWords).FirstOrDefault(runs.Contains);
            if (shared is null) continue;
            diagnostics.Report(DiagnosticCodes.WithheldTextRepeated, r.Value?.AtKey(key) ?? SourceSpan.StartOf(c.Source.Path),
                $"the {key} of this withheld review repeats its text (\"{shared}\"); the {key} is shown in lists, the home page and search, away from the notice, " +
                "so say only what the review is about, e.g. 'A review whose findings were not published.'");
        }
    }

    private static IEnumerable<string> Runs(string[] words, int n)
    {
        for (var i = 0; i + n <= words.Length; i++) yield return string.Join(' ', words, i, n);
    }

    private static string[] Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToArray();

    private static SourceSpan BodySpan(ContentItem item, int index)
    {
        var before = item.Source.Body.AsSpan(0, index);
        return new SourceSpan(item.Source.Path, item.Source.BodyLine + before.Count('\n'), index - (before.LastIndexOf('\n') + 1) + 1);
    }

    [GeneratedRegex(@"[\p{L}\p{N}']+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    // A heading followed only by blank lines and then another heading or the end of the text.
    [GeneratedRegex(@"^(?<level>#{2,6})[ \t]+(?<title>[^\n]+?)[ \t]*(?:\n[ \t]*)*(?:(?=(?<next>#{1,6})[ \t])|\z)", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex EmptyHeading();
}
