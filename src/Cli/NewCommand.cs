using System.Globalization;
using System.Text;
using Lscb.Site.Core;
using Lscb.Site.Load;
using Lscb.Site.Validate;

namespace Lscb.Site.Cli;

/// <summary>
/// <c>new case|theme|response "Title"</c>: writes a new draft page with every required key, comments
/// showing the allowed values, and the recommended headings. Never overwrites a file.
/// </summary>
public static class NewCommand
{
    /// <summary>The kinds of page that can be created, and their folders.</summary>
    public static readonly IReadOnlyDictionary<string, string> Folders = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["case"] = "input/cases",
        ["theme"] = "input/themes",
        ["response"] = "input/responses",
    };

    /// <summary>Creates the file; returns the exit status (0 written, 1 refused, 2 wrong usage).</summary>
    public static int Run(string root, string kind, string title, DateOnly today, TextWriter stdout, TextWriter stderr)
    {
        if (!Folders.TryGetValue(kind, out var folder))
        {
            stderr.WriteLine($"error: 'new' makes a case, theme or response, not '{kind}'{Suggest.DidYouMean(kind, Folders.Keys)}");
            return 2;
        }

        title = title.Trim();
        var slug = Slugs.From(title);
        if (slug.Length == 0 || title.Contains('\n', StringComparison.Ordinal) || title.Contains('\r', StringComparison.Ordinal))
        {
            stderr.WriteLine("error: the title needs letters or digits, from which the file name is made, and must be on one line, e.g. new case \"Child T\"");
            return 2;
        }

        var relative = $"{folder}/{slug}.md";
        var path = Path.Combine(root, relative);
        if (File.Exists(path))
        {
            stderr.WriteLine($"error: {relative} already exists, and 'new' never overwrites a page; edit that file, or choose another title");
            return 1;
        }

        var themes = SlugsIn(root, "input/themes");
        var responses = SlugsIn(root, "input/responses");
        var sources = SlugsIn(root, "input/sources");
        var text = kind switch
        {
            "case" => CaseTemplate(title, today, ReviewTypes(root), themes, responses, sources),
            "theme" => ThemeTemplate(title, themes),
            _ => ResponseTemplate(title, today, themes, sources),
        };

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            // CreateNew: refuses to overwrite even if another process wrote the file a moment ago.
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            stream.Write(new UTF8Encoding(false).GetBytes(text));
        }
        catch (IOException) when (File.Exists(path))
        {
            stderr.WriteLine($"error: {relative} already exists, and 'new' never overwrites a page");
            return 1;
        }

        stdout.WriteLine($"Created {relative} (a draft: it is left out of the public site until you remove 'draft: true').");
        stdout.WriteLine("Preview it with: dotnet run --project Site.csproj -c Release -- preview");
        return 0;
    }

    /// <summary>The Board year (1 April to 31 March) that <paramref name="day"/> falls in, e.g. 2026-27.</summary>
    public static string BoardYear(DateOnly day)
    {
        var start = day.Month >= 4 ? day.Year : day.Year - 1;
        return string.Create(CultureInfo.InvariantCulture, $"{start}-{(start + 1) % 100:00}");
    }

    private static string CaseTemplate(string title, DateOnly today, List<string> reviewTypes, IReadOnlyList<string> themes, IReadOnlyList<string> responses,
        IReadOnlyList<string> sources) =>
        $"""
        ---
        title: {Quoted(title)}
        # One or two plain sentences for lists, search results and link previews (under 200 characters).
        summary: Write one or two plain sentences about this review.
        # One of: {string.Join(", ", reviewTypes)}
        review_type: {(reviewTypes.Count > 0 ? reviewTypes[0] : "serious-case-review")}
        # The Board year in which the review was commissioned (1 April to 31 March), e.g. 2015-16.
        year: {BoardYear(today)}
        # When the learning is published here: year-month-day, or year-month when the day is not known.
        # A date in the future keeps the case off the site until that day.
        published: {today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}
        # published, or withheld (then add withheld_reason, and never a report_url).
        publication: published
        # At least one of: {List(themes)}
        themes: []
        # The documents this page is written from, at least one of: {List(sources)}
        # The page may say only what they say.
        sources: []
        # Only responses that the source says answer this review, any of: {List(responses)}
        responses: []
        # Optional: the address of the full report, starting https://
        # report_url: https://
        # Remove this line, or write false, when the page is ready to publish.
        draft: true
        ---
        ## What happened

        ## What the review found

        ## Learning

        ## Recommendations

        """.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string ThemeTemplate(string title, IReadOnlyList<string> themes) =>
        $"""
        ---
        title: {Quoted(title)}
        # One or two plain sentences for lists, search results and link previews (under 200 characters).
        summary: Write one or two plain sentences about this theme.
        # Optional: themes to point readers to, any of: {List(themes)}
        related: []
        # Optional: themes this one brings together (as the toxic trio does), any of the above.
        includes: []
        # Remove this line, or write false, when the page is ready to publish.
        draft: true
        ---
        ## What practitioners should know

        ## What the reviews found

        """.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string ResponseTemplate(string title, DateOnly today, IReadOnlyList<string> themes, IReadOnlyList<string> sources) =>
        $"""
        ---
        title: {Quoted(title)}
        # One or two plain sentences for lists, search results and link previews (under 200 characters).
        summary: Write one or two plain sentences about what the Board did.
        # One of: planned, in-progress, completed, in-place: the least that the source's words support
        status: planned
        # The month (or day) on which the source says the response stood at that status: year-month or year-month-day.
        as_at: {today.ToString("yyyy-MM", CultureInfo.InvariantCulture)}
        # At least one of: {List(themes)}
        themes: []
        # The documents this page is written from, at least one of: {List(sources)}
        sources: []
        # Optional: when it was done, year-month-day or year-month.
        # date: 2017-01
        # Remove this line, or write false, when the page is ready to publish.
        draft: true
        ---
        ## What the Board did

        ## Why

        """.Replace("\r\n", "\n", StringComparison.Ordinal);

    // In double quotes, so that any title is valid YAML: "Child T: county lines", "Child #7".
    private static string Quoted(string title) => "\"" + title.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string List(IReadOnlyList<string> slugs) => slugs.Count == 0 ? "(none yet)" : string.Join(", ", slugs);

    private static List<string> SlugsIn(string root, string folder)
    {
        var dir = Path.Combine(root, folder);
        return Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, "*.md").Select(f => Path.GetFileNameWithoutExtension(f)).Where(s => SiteLoader.SlugPattern().IsMatch(s)).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    private static List<string> ReviewTypes(string root)
    {
        var config = Path.Combine(root, SiteLoader.ConfigFile);
        if (!File.Exists(config)) return [];
        var read = ConfigReader.Read(File.ReadAllText(config), new DiagnosticBag());
        return read?.ReviewTypes.Keys.ToList() ?? [];
    }
}
