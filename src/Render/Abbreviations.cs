using System.Buffers;
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

    // Longest first, so that at one position "CSE" wins over "CS"; found with one vectorised search
    // for any of them, then checked to stand as a whole word.
    private readonly string[] _longestFirst = [];
    private readonly SearchValues<string>? _any;

    /// <summary>The abbreviations of <paramref name="glossary"/>, each with its term.</summary>
    public Abbreviations(IEnumerable<GlossaryTerm> glossary)
    {
        _titles = glossary.SelectMany(t => t.Abbreviations.Select(a => (a, t.Term))).ToDictionary(x => x.a, x => x.Term, StringComparer.Ordinal);
        if (_titles.Count == 0) return;
        _longestFirst = [.. _titles.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal)];
        _any = SearchValues.Create(_longestFirst, StringComparison.Ordinal);
    }

    /// <summary>Replaces each abbreviation's first use in <paramref name="document"/>'s text.</summary>
    public void MarkFirstUses(MarkdownDocument document)
    {
        if (_any is null) return;
        var done = new HashSet<string>(StringComparer.Ordinal);
        // Listed first: the tree changes as literals are split.
        var literals = document.Descendants<LiteralInline>().Where(l => !Inside(l)).ToList();
        foreach (var literal in literals)
        {
            // Each first use in this run of text: the text after one is searched again for the next.
            var current = literal;
            while (FirstNew(current.Content.ToString(), done) is { } match)
            {
                var text = current.Content.ToString();
                done.Add(match.Value);
                var after = new LiteralInline(text[(match.Index + match.Value.Length)..]);
                current.InsertBefore(new LiteralInline(text[..match.Index]));
                current.InsertBefore(new AbbreviationInline(match.Value, _titles[match.Value]));
                current.ReplaceBy(after);
                current = after;
            }
        }
    }

    /// <summary>
    /// The first abbreviation in <paramref name="text"/> that stands as a whole word, exactly as written
    /// ("DA" in capitals, never "da" in a word) and is not in <paramref name="done"/>. A use already
    /// marked is stepped over whole, so nothing inside it is found again.
    /// </summary>
    private (int Index, string Value)? FirstNew(string text, HashSet<string> done)
    {
        var from = 0;
        while (from < text.Length)
        {
            var found = text.AsSpan(from).IndexOfAny(_any!);
            if (found < 0) return null;
            var at = from + found;
            var word = WholeWordAt(text, at);
            if (word is null)
            {
                from = at + 1;
                continue;
            }

            if (!done.Contains(word)) return (at, word);
            from = at + word.Length;
        }

        return null;
    }

    // The longest abbreviation starting at this position with no letter or digit either side of it.
    private string? WholeWordAt(string text, int at)
    {
        if (at > 0 && IsWordChar(text[at - 1])) return null;
        foreach (var abbreviation in _longestFirst)
        {
            var end = at + abbreviation.Length;
            if (text.AsSpan(at).StartsWith(abbreviation, StringComparison.Ordinal) && (end == text.Length || !IsWordChar(text[end])))
                return abbreviation;
        }

        return null;
    }

    private static bool IsWordChar(char c) => char.IsLetter(c) || char.IsNumber(c);

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
