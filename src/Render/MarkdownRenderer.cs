using Lscb.Site.Assemble;
using Lscb.Site.Core;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SourceSpan = Lscb.Site.Core.SourceSpan;

namespace Lscb.Site.Render;

/// <summary>
/// Turns page bodies into HTML with one shared Markdig pipeline. Raw HTML is off, so Markdown cannot
/// inject markup or script; links to other pages are written as relative links to their .md files
/// (so they also work in GitHub's own preview) and become site URLs here, with every broken or
/// unsafe one reported at its line and column.
/// </summary>
public sealed partial class MarkdownRenderer
{
    /// <summary>
    /// The one pipeline: GitHub's Markdown as its preview shows it (tables, strikethrough, task lists,
    /// footnotes, bare addresses as links, alerts as GOV.UK inset and warning text) with heading
    /// anchors. Raw HTML is parsed only so that it can be reported and left out: it is never rendered.
    /// </summary>
    public static readonly MarkdownPipeline Pipeline = Build(autoLinks: true);

    // The same pipeline without bare addresses as links, for the many bodies that contain none:
    // looking for one at every 'h', 'f', 'm', 't' and 'w' of the text costs more than all the rest of
    // reading it. A bare address always starts "http://", "https://", "ftp://", "mailto:", "tel:" or
    // "www.", exactly as written, so a body with none of these reads the same through either.
    private static readonly MarkdownPipeline WithoutAutoLinks = Build(autoLinks: false);

    private static MarkdownPipeline Build(bool autoLinks)
    {
        var builder = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
            .UseTaskLists()
            .UseFootnotes();
        if (autoLinks) builder.UseAutoLinks();
        builder.UseAlertBlocks()
            .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub);
        builder.Extensions.Add(new GovukAlertRenderer.Extension());
        builder.Extensions.Add(new Abbreviations.Extension());
        return builder.Build();
    }

    /// <summary>The pipeline for <paramref name="body"/>: <see cref="Pipeline"/>, or the same without bare addresses when it has none.</summary>
    public static MarkdownPipeline PipelineFor(string body) =>
        body.Contains("://", StringComparison.Ordinal) || body.Contains("www.", StringComparison.Ordinal)
        || body.Contains("mailto:", StringComparison.Ordinal) || body.Contains("tel:", StringComparison.Ordinal)
            ? Pipeline : WithoutAutoLinks;

    private readonly SiteModel _site;
    private readonly LinkResolver _links;
    private readonly Abbreviations _abbreviations;

    /// <summary>A renderer for pages of <paramref name="site"/>.</summary>
    public MarkdownRenderer(SiteModel site, IReadOnlyCollection<string> allSources)
    {
        _site = site;
        _links = new LinkResolver(site, allSources);
        _abbreviations = new Abbreviations(site.Glossary);
    }

    /// <summary>The body of <paramref name="item"/> as HTML.</summary>
    public string Render(ContentItem item, DiagnosticBag diagnostics)
    {
        if (Reads.Recording) RecordInputs(item);
        try
        {
            return RenderChecked(item, diagnostics);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or InsufficientExecutionStackException)
        {
            // Markdig refuses text nested past its depth limit (hundreds of '>' or '[' or list levels).
            diagnostics.Report(DiagnosticCodes.NestedTooDeeply, new SourceSpan(item.Source.Path, item.Source.BodyLine, 1),
                "the text could not be read as Markdown: it is nested too deeply (quotes, lists or brackets inside each other); simplify it");
            return "";
        }
    }

    // What a body's HTML is made from, for the read log of the page showing it: the text and where it
    // starts in its file, and what the link and abbreviation tables were built from when this
    // renderer was made (the pages and files that exist, the glossary).
    private void RecordInputs(ContentItem item)
    {
        var path = item.Source.Path;
        if (Reads.IsNew(item.Source, "Body")) Reads.Query(path + "#Body",
            s => s.ItemAt(path) is { } now ? (now.Source.Body, now.Source.BodyLine) : Reads.Missing.Value, item);
        _ = _site.Urls.Count;
        _ = _site.Statics;
        _ = _site.Glossary;
    }

    private string RenderChecked(ContentItem item, DiagnosticBag diagnostics)
    {
        var source = item.Source;
        var pipeline = PipelineFor(source.Body);
        var document = Markdown.Parse(source.Body, pipeline);
        // Built only when a position is first needed: most bodies have no link and no mistake.
        var lines = new Lazy<LineIndex>(() => new LineIndex(source.Body), LazyThreadSafetyMode.None);
        // Positions come from the character offset, which stays right inside multi-line headings
        // where Markdig's own line numbers do not.
        SourceSpan At(MarkdownObject o)
        {
            var (line, column) = lines.Value.Find(o.Span.Start);
            return new SourceSpan(source.Path, source.BodyLine + line, column + 1);
        }

        // One walk over the whole tree: blocks get their classes as they come, links are collected
        // and rewritten afterwards, since unwrapping a link to a hidden page changes the tree.
        var previousLevel = 1;
        List<LinkInline>? links = null;
        List<AutolinkInline>? autolinks = null;
        List<MarkdownObject>? leaveOut = null;
        List<Markdig.Extensions.TaskLists.TaskList>? tasks = null;
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HtmlBlock html:
                    RawHtml(html.Lines.ToString(), At(html), diagnostics);
                    (leaveOut ??= []).Add(html);
                    break;
                case HtmlInline html:
                    RawHtml(html.Tag, At(html), diagnostics);
                    (leaveOut ??= []).Add(html);
                    break;
                case Markdig.Extensions.TaskLists.TaskList task:
                    (tasks ??= []).Add(task);
                    break;
                case CodeBlock code when code is not FencedCodeBlock && ListMarker().IsMatch(code.Lines.ToString()):
                    diagnostics.Report(DiagnosticCodes.TabIndentedList, At(code),
                        "this list is indented with a tab or four spaces, so it would show as a block of code; start each item at the left edge of the line with '- ' (or '1. ')");
                    break;
                case LinkInline link:
                    (links ??= []).Add(link);
                    break;
                case AutolinkInline autolink:
                    (autolinks ??= []).Add(autolink);
                    break;
                case HeadingBlock h:
                    if (h.Level == 1)
                        diagnostics.Report(DiagnosticCodes.TopLevelHeading, At(h), "use '##' for headings in the text: the page title is the page's only top-level heading");
                    else if (h.Level > previousLevel + 1)
                        diagnostics.Report(DiagnosticCodes.SkippedHeadingLevel, At(h), $"this heading jumps from level {previousLevel} to level {h.Level}; use {new string('#', previousLevel + 1)} so screen reader users do not miss a level");
                    previousLevel = h.Level;
                    h.GetAttributes().AddClass(h.Level <= 2 ? "govuk-heading-m" : "govuk-heading-s");
                    break;
                case ParagraphBlock p:
                    p.GetAttributes().AddClass("govuk-body");
                    break;
                case ListBlock l:
                    l.GetAttributes().AddClass(l.IsOrdered ? "govuk-list govuk-list--number" : "govuk-list govuk-list--bullet");
                    break;
                case QuoteBlock q:
                    q.GetAttributes().AddClass("govuk-inset-text");
                    break;
                case ThematicBreakBlock t:
                    t.GetAttributes().AddClass("govuk-section-break govuk-section-break--l govuk-section-break--visible");
                    break;
                case Markdig.Extensions.Tables.Table table:
                    table.GetAttributes().AddClass("app-table");
                    break;
            }
        }

        // Raw HTML and comments are never rendered; a task's box becomes words a screen reader says.
        foreach (var node in leaveOut ?? [])
        {
            if (node is Block block) block.Parent?.Remove(block);
            else if (node is Inline inline) inline.Remove();
        }

        foreach (var task in tasks ?? [])
            task.ReplaceBy(new LiteralInline(task.Checked ? "Done:" : "Not done:"));

        SpacesInLinks(source.Body, document, lines.Value, source, diagnostics);

        foreach (var link in links ?? [])
            _links.Rewrite(link, item, At(link), diagnostics);
        foreach (var link in autolinks ?? [])
            LinkResolver.Rewrite(link, At(link), diagnostics);

        _abbreviations.MarkFirstUses(document);

        // Markdig keeps a renderer per pipeline for reuse: setting one up costs more than a short page.
        return document.ToHtml(pipeline);
    }

    // What to write instead of each tag editors reach for; anything else is simply left out.
    private static void RawHtml(string html, SourceSpan at, DiagnosticBag diagnostics)
    {
        var text = html.Trim();
        // The opening tag is reported; its closing tag would only repeat the message.
        if (text.StartsWith("</", StringComparison.Ordinal)) return;
        if (text.StartsWith("<!--", StringComparison.Ordinal))
        {
            diagnostics.Report(DiagnosticCodes.HtmlComment, at,
                "this comment is not published, but anyone can read it here, because the repository is public; write notes for reviewers in the pull request's conversation instead, and remove it");
            return;
        }

        var tag = HtmlTagName().Match(text) is { Success: true } m ? m.Groups[1].Value.ToLowerInvariant() : "";
        var instead = tag switch
        {
            "br" => "for a new line, end the line above with a backslash (\\); for a new paragraph, leave a blank line",
            "p" or "div" or "span" => "leave a blank line between paragraphs, and remove the tag",
            "b" or "strong" => "write **bold** with two asterisks on each side",
            "i" or "em" => "write *italics* with one asterisk on each side",
            "a" => "write a link as [the words to click](address)",
            "img" => "write an image as ![a description of the image](../images/file-name.png)",
            "ul" or "ol" or "li" => "write a list with each item on its own line, starting '- ' (or '1. ')",
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => "write a heading as a line starting '## '",
            "table" or "tr" or "td" or "th" => "write a table with | between the cells (see docs/authoring.md, \"GitHub's preview and the site\")",
            "u" => "leave it out: underlined text reads as a link",
            _ => "write it in Markdown instead, or leave it out",
        };
        diagnostics.Report(DiagnosticCodes.RawHtml, at, $"HTML such as '{(text.Length > 30 ? text[..30] + "..." : text)}' is not shown on the site; {instead}");
    }

    // "[Child O](Child O)", "(../cases/Child O.md)": CommonMark reads an address with a space as plain text.
    private void SpacesInLinks(string body, MarkdownDocument document, LineIndex lines, SourceFile source, DiagnosticBag diagnostics)
    {
        if (!body.Contains("](", StringComparison.Ordinal)) return;
        var code = document.Descendants().Where(n => n is CodeInline or CodeBlock).Select(n => n.Span).ToList();
        foreach (System.Text.RegularExpressions.Match m in SpacedLink().Matches(body))
        {
            if (code.Any(c => c.Start <= m.Index && m.Index <= c.End)) continue;
            var (line, column) = lines.Find(m.Index);
            var at = new SourceSpan(source.Path, source.BodyLine + line, column + 1);
            var address = m.Groups["address"].Value.Trim();
            var image = m.Value.StartsWith('!');
            var suggestion = image ? null : _links.PageNamed(address, source.Path);
            diagnostics.Report(DiagnosticCodes.SpaceInAddress, at, image
                ? $"this image's address '{address}' has spaces, so it shows as text; rename the file with lower-case letters, digits and hyphens only, and use that name here"
                : $"this link's address '{address}' has spaces, so it shows as text, not a link; " +
                  (suggestion is null ? "link to the page's file, e.g. [Child O](../cases/child-o.md)" : $"write ({suggestion})"));
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s{0,3}(?:[-*+]|[0-9]{1,9}[.)])\s", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ListMarker();

    [System.Text.RegularExpressions.GeneratedRegex(@"^<\/?([A-Za-z][A-Za-z0-9]*)", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex HtmlTagName();

    [System.Text.RegularExpressions.GeneratedRegex(@"!?\[[^\]\n]+\]\((?<address>[^)\n]*\s[^)\n]*)\)", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex SpacedLink();

    /// <summary>Maps a character offset in a text to its 0-based line and column.</summary>
    private sealed class LineIndex
    {
        private readonly List<int> _starts = [0];

        public LineIndex(string text)
        {
            for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
                _starts.Add(i + 1);
        }

        public (int Line, int Column) Find(int offset)
        {
            offset = Math.Max(0, offset);
            var line = _starts.BinarySearch(offset);
            if (line < 0) line = ~line - 1;
            return (line, offset - _starts[line]);
        }
    }
}
