using System.Text.RegularExpressions;
using Lscb.Site.Core;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Lscb.Site.Render;

/// <summary>
/// Marks up the first use of each glossary abbreviation on a page with its expansion,
/// <c>&lt;abbr title="Child sexual exploitation"&gt;CSE&lt;/abbr&gt;</c>, so that editors never write it by hand.
/// Only the page's own running text: not inside links, headings or code.
/// </summary>
public sealed class Abbreviations
{
    private readonly Dictionary<string, string> _titles;
    private readonly Regex? _pattern;

    /// <summary>The abbreviations of <paramref name="glossary"/>, each with its term.</summary>
    public Abbreviations(IEnumerable<GlossaryTerm> glossary)
    {
        _titles = glossary.SelectMany(t => t.Abbreviations.Select(a => (a, t.Term))).ToDictionary(x => x.a, x => x.Term, StringComparer.Ordinal);
        if (_titles.Count == 0) return;
        // Longest first, whole words only, exactly as written: "DA" in capitals, never "da" in a word.
        var choices = string.Join('|', _titles.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape));
        _pattern = new Regex($@"(?<![\p{{L}}\p{{N}}])(?:{choices})(?![\p{{L}}\p{{N}}])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>Replaces each abbreviation's first use in <paramref name="document"/>'s text.</summary>
    public void MarkFirstUses(MarkdownDocument document)
    {
        if (_pattern is null) return;
        var done = new HashSet<string>(StringComparer.Ordinal);
        // Listed first: the tree changes as literals are split.
        var literals = document.Descendants<LiteralInline>().Where(l => !Inside(l)).ToList();
        foreach (var literal in literals)
        {
            // Each first use in this run of text: the text after one is searched again for the next.
            var current = literal;
            while (_pattern.Matches(current.Content.ToString()).FirstOrDefault(m => !done.Contains(m.Value)) is { } match)
            {
                var text = current.Content.ToString();
                done.Add(match.Value);
                var after = new LiteralInline(text[(match.Index + match.Length)..]);
                current.InsertBefore(new LiteralInline(text[..match.Index]));
                current.InsertBefore(new AbbreviationInline(match.Value, _titles[match.Value]));
                current.ReplaceBy(after);
                current = after;
            }
        }
    }

    // Text in a link, a heading or code is left as it is.
    private static bool Inside(Inline inline)
    {
        var root = inline.Parent;
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is LinkInline) return true;
            root = parent;
        }

        return root?.ParentBlock is HeadingBlock;
    }

    /// <summary>An abbreviation with its expansion.</summary>
    public sealed class AbbreviationInline(string text, string title) : LeafInline
    {
        /// <summary>The abbreviation as written.</summary>
        public string Text { get; } = text;

        /// <summary>What it stands for.</summary>
        public string Title { get; } = title;
    }

    /// <summary>Writes <see cref="AbbreviationInline"/> as an HTML abbr element.</summary>
    public sealed class Renderer : HtmlObjectRenderer<AbbreviationInline>
    {
        /// <inheritdoc />
        protected override void Write(HtmlRenderer renderer, AbbreviationInline obj)
        {
            ArgumentNullException.ThrowIfNull(renderer);
            ArgumentNullException.ThrowIfNull(obj);
            renderer.Write("<abbr title=\"").WriteEscape(obj.Title).Write("\">").WriteEscape(obj.Text).Write("</abbr>");
        }
    }

    /// <summary>Adds the renderer to a pipeline.</summary>
    public sealed class Extension : IMarkdownExtension
    {
        /// <inheritdoc />
        public void Setup(MarkdownPipelineBuilder pipeline)
        {
        }

        /// <inheritdoc />
        public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
        {
            if (renderer is HtmlRenderer html) html.ObjectRenderers.Add(new Renderer());
        }
    }
}
