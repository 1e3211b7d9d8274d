using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Lscb.Site.Core;

namespace Lscb.Site.Write;

/// <summary>
/// Checks that every internal link and asset reference in the staged HTML and XML leads to a staged
/// file. Linear in the size of the site: the references are found once, as each file is staged
/// (<see cref="References"/>), and each distinct one is then resolved once with a hash lookup.
/// </summary>
public static partial class LinkChecker
{
    private static readonly string[] Attributes = ["href", "src", "content"];

    /// <summary>Reports SCR090 for every internal reference without a target.</summary>
    /// <param name="site">The staged files.</param>
    /// <param name="basePath">"/" or "/repo/".</param>
    /// <param name="baseUrl">The absolute base URL, so that absolute links to the site itself are checked too.</param>
    /// <param name="diagnostics">Where broken links go.</param>
    /// <returns>How many internal references were checked.</returns>
    public static int Check(StagedSite site, string basePath, string baseUrl, DiagnosticBag diagnostics)
    {
        var staged = site.Paths.ToHashSet(StringComparer.Ordinal);
        var verdicts = new ConcurrentDictionary<string, Verdict>(StringComparer.Ordinal);
        var checkedLinks = 0;
        var broken = new List<(string File, string Link)>();
        foreach (var (path, file) in site.Files)
        {
            foreach (var link in file.Links)
            {
                var verdict = verdicts.GetOrAdd(link, v => Resolve(v, staged, basePath, baseUrl));
                if (verdict.Value is null) continue;
                checkedLinks++;
                if (!verdict.Found) broken.Add((path, verdict.Value));
            }
        }

        foreach (var (file, link) in broken.Distinct().OrderBy(b => b.File, StringComparer.Ordinal).ThenBy(b => b.Link, StringComparer.Ordinal))
            diagnostics.Report(DiagnosticCodes.BrokenBuiltLink, SourceSpan.StartOf("output/" + file), $"the built page links to '{link}', which the build did not produce");
        return checkedLinks;
    }

    /// <summary>
    /// The values of the <c>href</c>, <c>src</c> and <c>content</c> attributes of an HTML file, as
    /// written; in XML also the text of <c>loc</c>, <c>id</c> and <c>uri</c> elements.
    /// </summary>
    /// <param name="text">The file.</param>
    /// <param name="xml">True for the feed and the sitemap.</param>
    public static IEnumerable<string> References(string text, bool xml)
    {
        var found = new List<string>();
        // An attribute value starts after =" and every one is looked at, so the scan jumps from one
        // to the next instead of matching a pattern at every character of the page.
        var at = 0;
        while ((at = text.IndexOf("=\"", at, StringComparison.Ordinal)) >= 0)
        {
            var start = at + 2;
            var end = text.IndexOf('"', start);
            if (end < 0) break;
            var name = text.AsSpan(0, at);
            foreach (var attribute in Attributes)
            {
                if (!name.EndsWith(attribute, StringComparison.Ordinal)) continue;
                found.Add(text[start..end]);
                break;
            }

            at = end + 1;
        }

        if (xml)
            foreach (Match m in XmlReference().Matches(text))
                found.Add(m.Groups["v"].Value);
        return found;
    }

    private static Verdict Resolve(string raw, HashSet<string> staged, string basePath, string baseUrl)
    {
        var value = System.Net.WebUtility.HtmlDecode(raw);
        if (value.StartsWith(baseUrl, StringComparison.Ordinal)) value = basePath + value[baseUrl.Length..];
        else if (!value.StartsWith('/') || value.StartsWith("//", StringComparison.Ordinal)) return new Verdict(null, true);
        if (!value.StartsWith(basePath, StringComparison.Ordinal)) return new Verdict(value, false);

        var target = value[basePath.Length..];
        var cut = target.IndexOfAny(['#', '?']);
        if (cut >= 0) target = target[..cut];
        target = Uri.UnescapeDataString(target);
        if (target.Length == 0 || target.EndsWith('/')) target += "index.html";
        return new Verdict(value, staged.Contains(target));
    }

    // Value is null for a reference that is not internal (nothing to check).
    private readonly record struct Verdict(string? Value, bool Found);

    [GeneratedRegex("""<loc>(?<v>[^<]*)</loc>|<(?:id|uri)>(?<v>[^<]*)</(?:id|uri)>""", RegexOptions.CultureInvariant)]
    private static partial Regex XmlReference();
}
