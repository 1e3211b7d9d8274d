using System.Text;
using System.Text.RegularExpressions;
using Lscb.Site.Core;

namespace Lscb.Site.Write;

/// <summary>
/// Checks that every internal link and asset reference in the staged HTML and XML leads to a staged
/// file. Linear in the size of the site: one pass over each file and a hash lookup per link.
/// </summary>
public static partial class LinkChecker
{
    /// <summary>Reports SCR090 for every internal reference without a target.</summary>
    /// <param name="site">The staged files.</param>
    /// <param name="basePath">"/" or "/repo/".</param>
    /// <param name="baseUrl">The absolute base URL, so that absolute links to the site itself are checked too.</param>
    /// <param name="diagnostics">Where broken links go.</param>
    public static int Check(StagedSite site, string basePath, string baseUrl, DiagnosticBag diagnostics)
    {
        var checkedLinks = 0;
        var staged = site.Paths.ToHashSet(StringComparer.Ordinal);
        var broken = new System.Collections.Concurrent.ConcurrentBag<(string File, string Link)>();
        Parallel.ForEach(site.Files, entry =>
        {
            var (path, file) = entry;
            if (file.Bytes is null || !(path.EndsWith(".html", StringComparison.Ordinal) || path.EndsWith(".xml", StringComparison.Ordinal))) return;
            var text = Encoding.UTF8.GetString(file.Bytes);
            var count = 0;
            foreach (Match m in Reference().Matches(text))
            {
                var value = System.Net.WebUtility.HtmlDecode(m.Groups["v"].Value);
                if (value.StartsWith(baseUrl, StringComparison.Ordinal)) value = basePath + value[baseUrl.Length..];
                else if (!value.StartsWith('/') || value.StartsWith("//", StringComparison.Ordinal)) continue;
                count++;
                if (!value.StartsWith(basePath, StringComparison.Ordinal))
                {
                    broken.Add((path, value));
                    continue;
                }

                var target = value[basePath.Length..];
                var cut = target.IndexOfAny(['#', '?']);
                if (cut >= 0) target = target[..cut];
                target = Uri.UnescapeDataString(target);
                if (target.Length == 0 || target.EndsWith('/')) target += "index.html";
                if (!staged.Contains(target)) broken.Add((path, value));
            }

            Interlocked.Add(ref checkedLinks, count);
        });

        foreach (var (file, link) in broken.Distinct().OrderBy(b => b.File, StringComparer.Ordinal).ThenBy(b => b.Link, StringComparer.Ordinal))
            diagnostics.Error("SCR090", SourceSpan.StartOf("output/" + file), $"the built page links to '{link}', which the build did not produce");
        return checkedLinks;
    }

    [GeneratedRegex("""(?:href|src|content)="(?<v>[^"]*)"|<loc>(?<v>[^<]*)</loc>|<(?:id|uri)>(?<v>[^<]*)</(?:id|uri)>""", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
