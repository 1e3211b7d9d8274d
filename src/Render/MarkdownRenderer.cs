using Lscb.Site.Assemble;
using Lscb.Site.Core;
using Markdig;
using Markdig.Renderers;
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
public sealed class MarkdownRenderer
{
    /// <summary>The one pipeline: CommonMark with tables and heading anchors, raw HTML disabled.</summary>
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .DisableHtml()
        .Build();

    private readonly LinkResolver _links;

    /// <summary>A renderer for pages of <paramref name="site"/>.</summary>
    public MarkdownRenderer(SiteModel site, IReadOnlyCollection<string> allSources)
    {
        _links = new LinkResolver(site, allSources);
    }

    /// <summary>The body of <paramref name="item"/> as HTML.</summary>
    public string Render(ContentItem item, DiagnosticBag diagnostics)
    {
        try
        {
            return RenderChecked(item, diagnostics);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException or InsufficientExecutionStackException)
        {
            // Markdig refuses text nested past its depth limit (hundreds of '>' or '[' or list levels).
            diagnostics.Error("SCR029", new SourceSpan(item.Source.Path, item.Source.BodyLine, 1),
                "the text could not be read as Markdown: it is nested too deeply (quotes, lists or brackets inside each other); simplify it");
            return "";
        }
    }

    private string RenderChecked(ContentItem item, DiagnosticBag diagnostics)
    {
        var source = item.Source;
        var document = Markdown.Parse(source.Body, Pipeline);
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
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case LinkInline link:
                    (links ??= []).Add(link);
                    break;
                case AutolinkInline autolink:
                    (autolinks ??= []).Add(autolink);
                    break;
                case HeadingBlock h:
                    if (h.Level == 1)
                        diagnostics.Error("SCR025", At(h), "use '##' for headings in the text: the page title is the page's only top-level heading");
                    else if (h.Level > previousLevel + 1)
                        diagnostics.Warning("SCR104", At(h), $"this heading jumps from level {previousLevel} to level {h.Level}; use {new string('#', previousLevel + 1)} so screen reader users do not miss a level");
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

        foreach (var link in links ?? [])
            _links.Rewrite(link, item, At(link), diagnostics);
        foreach (var link in autolinks ?? [])
            LinkResolver.Rewrite(link, At(link), diagnostics);

        // Markdig keeps a renderer per pipeline for reuse: setting one up costs more than a short page.
        return document.ToHtml(Pipeline);
    }

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
