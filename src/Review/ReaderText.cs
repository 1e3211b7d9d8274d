using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Lscb.Site.Review;

/// <summary>
/// The text a reader sees on one of the site's pages, as lines: the page's title, then its main
/// content with headings marked '#', list items '- ' and images by their description. Navigation,
/// header, footer, hidden search data and scripts are left out. Written for this site's own HTML,
/// which the generator writes well-formed and with every attribute value encoded.
/// </summary>
public static partial class ReaderText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "tr", "pre", "blockquote", "ul", "ol", "dl",
        "section", "aside", "nav", "header", "footer", "table", "thead", "tbody", "figure", "figcaption", "details", "summary", "main", "form",
    };

    private static readonly HashSet<string> Void = new(StringComparer.Ordinal) { "br", "img", "hr", "meta", "link", "input", "source", "wbr" };

    /// <summary>The page's title (from its h1) and the lines of its main content.</summary>
    public static (string Title, IReadOnlyList<string> Lines) Of(string html)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.LastIndexOf("</main>", StringComparison.Ordinal);
        if (start < 0 || end < start) return ("", []);
        var lines = Lines(html[start..end]);
        var title = lines.FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..] ?? "";
        return (title, lines);
    }

    private static List<string> Lines(string html)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        var hiddenDepth = 0;
        var pre = 0;
        var open = new Stack<(string Tag, bool Hidden)>();

        void Flush()
        {
            var text = pre > 0 ? line.ToString().TrimEnd() : Squash(line.ToString());
            if (text.Length > 0 && text.Trim() is not ("-" or "#" or "##" or "###")) lines.Add(text);
            line.Clear();
        }

        var at = 0;
        foreach (Match tag in Tag().Matches(html))
        {
            if (hiddenDepth == 0) line.Append(WebUtility.HtmlDecode(html[at..tag.Index]));
            at = tag.Index + tag.Length;
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            var closing = tag.Groups["close"].Success;
            var attributes = tag.Groups["attrs"].Value;
            if (closing)
            {
                // Pop to the matching tag; the generator's HTML is well-formed, so this is exact.
                while (open.Count > 0)
                {
                    var (top, hidden) = open.Pop();
                    if (hidden) hiddenDepth--;
                    if (top == "pre") pre--;
                    if (top == name) break;
                }

                if (hiddenDepth == 0 && Blocks.Contains(name)) Flush();
                continue;
            }

            var hides = name is "script" or "style" or "template" || HiddenAttribute().IsMatch(attributes);
            if (!Void.Contains(name) && !tag.Value.EndsWith("/>", StringComparison.Ordinal))
            {
                open.Push((name, hides));
                if (hides) hiddenDepth++;
            }

            if (hiddenDepth > 0) continue;
            if (name == "br") Flush();
            else if (name == "img" && Alt().Match(attributes) is { Success: true } alt) line.Append("[image: ").Append(WebUtility.HtmlDecode(alt.Groups[1].Value)).Append(']');
            else if (Blocks.Contains(name))
            {
                Flush();
                if (name == "pre") pre++;
                if (name is ['h', >= '1' and <= '6']) line.Append('#', name[1] - '0').Append(' ');
                else if (name == "li") line.Append("- ");
            }
            else if (name is "td" or "th") line.Append(line.Length > 0 ? " | " : "");
        }

        if (hiddenDepth == 0) line.Append(WebUtility.HtmlDecode(html[at..]));
        Flush();
        return lines;
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"<(?<close>/)?(?<name>[A-Za-z][A-Za-z0-9]*)(?<attrs>[^>]*)>|<!--.*?-->", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?:^|\s)hidden(?:\s|=|$)", RegexOptions.CultureInvariant)]
    private static partial Regex HiddenAttribute();

    [GeneratedRegex(@"\balt=""([^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex Alt();
}
