using System.Collections.Concurrent;
using System.Text;
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
    /// <param name="utf8">The file, as the UTF-8 it is written in.</param>
    /// <param name="xml">True for the feed and the sitemap.</param>
    public static IReadOnlyList<string> References(ReadOnlySpan<byte> utf8, bool xml)
    {
        var found = new List<string>();
        // An attribute value starts after =" and every one is looked at, so the scan jumps from one
        // to the next instead of matching a pattern at every character of the page. Every character
        // looked for is ASCII, which in UTF-8 never occurs inside another character.
        var at = 0;
        int next;
        while ((next = utf8[at..].IndexOf("=\""u8)) >= 0)
        {
            at += next;
            var start = at + 2;
            var length = utf8[start..].IndexOf((byte)'"');
            if (length < 0) break;
            var name = utf8[..at];
            if (name.EndsWith("href"u8) || name.EndsWith("src"u8) || name.EndsWith("content"u8))
                found.Add(Encoding.UTF8.GetString(utf8.Slice(start, length)));
            at = start + length + 1;
        }

        if (xml)
            foreach (Match m in XmlReference().Matches(Encoding.UTF8.GetString(utf8)))
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
