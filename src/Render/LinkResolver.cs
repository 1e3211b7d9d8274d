using System.Text.RegularExpressions;
using Lscb.Site.Assemble;
using Lscb.Site.Core;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace Lscb.Site.Render;

/// <summary>Checks and rewrites the links and images in page bodies.</summary>
public sealed partial class LinkResolver
{
    private static readonly HashSet<string> SafeSchemes = new(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" };

    private readonly SiteModel _site;
    private readonly HashSet<string> _allSources;
    private readonly Dictionary<string, string> _staticOutput;
    private readonly Dictionary<string, string> _pageByUrl;

    /// <summary>A resolver for <paramref name="site"/>; <paramref name="allSources"/> lists every input path, hidden or not.</summary>
    public LinkResolver(SiteModel site, IReadOnlyCollection<string> allSources)
    {
        _site = site;
        _allSources = allSources.ToHashSet(StringComparer.Ordinal);
        _staticOutput = site.Statics.ToDictionary(s => s.Path, s => s.OutputPath, StringComparer.Ordinal);
        _pageByUrl = site.UrlBySource.Values.ToDictionary(u => "/" + u, u => u, StringComparer.Ordinal);
    }

    /// <summary>Checks and rewrites one Markdown link or image.</summary>
    public void Rewrite(LinkInline link, Core.ContentItem from, SourceSpan at, DiagnosticBag diagnostics)
    {
        var url = (link.Url ?? "").Trim();
        if (link.IsImage && string.IsNullOrWhiteSpace(AltText(link)))
            diagnostics.Error("SCR024", at, "this image has no description; write one between the brackets, e.g. ![A chart of referrals by year](chart.png)");

        var scheme = Scheme().Match(url);
        if (scheme.Success)
        {
            if (!SafeSchemes.Contains(scheme.Groups[1].Value))
            {
                diagnostics.Error("SCR021", at, $"links starting '{scheme.Groups[1].Value}:' are not allowed; link to a web address starting https://");
                link.Url = "";
                return;
            }

            if (link.IsImage)
            {
                diagnostics.Error("SCR028", at, "images must be stored with the site (in input/) rather than loaded from another website, which would tell that website who is reading");
                return;
            }

            MarkExternal(link);
            return;
        }

        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            // '//host/path' is another website's address without its https: part.
            diagnostics.Error(link.IsImage ? "SCR028" : "SCR020", at, link.IsImage
                ? "images must be stored with the site (in input/) rather than loaded from another website, which would tell that website who is reading"
                : $"the link '{url}' leaves out the start of the web address; write it in full, starting https://");
            link.Url = "";
            return;
        }

        link.GetAttributes().AddClass("govuk-link");
        if (url.Length == 0)
        {
            diagnostics.Error("SCR020", at, "this link has no address; write it between the round brackets, e.g. [neglect](../themes/neglect.md)");
            return;
        }

        if (url.StartsWith('#')) return;
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash < 0 ? "" : url[hash..];
        var path = Uri.UnescapeDataString(hash < 0 ? url : url[..hash]);

        if (path.StartsWith('/'))
        {
            var key = path.EndsWith('/') ? path : path + "/";
            if (_pageByUrl.TryGetValue(key, out var siteRelative))
            {
                link.Url = _site.Href(siteRelative) + fragment;
                return;
            }

            diagnostics.Error("SCR020", at, $"the link '{url}' does not lead to a page of this site; link to the page's Markdown file instead, e.g. ../cases/child-o.md");
            // Reported here, at its line in the Markdown; not again as a broken link in the built page (SCR090).
            link.Url = "";
            return;
        }

        var target = Combine(from.Source.Path, path);
        if (target is not null && _site.UrlBySource.TryGetValue(target, out var pageUrl))
        {
            link.Url = _site.Href(pageUrl) + fragment;
            return;
        }

        if (target is not null && _staticOutput.TryGetValue(target, out var fileUrl))
        {
            link.Url = _site.Href(fileUrl);
            return;
        }

        if (target is not null && _site.Hidden.Contains(target))
        {
            diagnostics.Warning("SCR105", at, $"'{url}' is a draft or not yet published, so this link shows as plain text until it is");
            Unwrap(link);
            return;
        }

        if (target is not null && _allSources.Contains(target))
        {
            // The file exists but has errors of its own, reported at the file; do not report the link too.
            Unwrap(link);
            return;
        }

        var suggestion = Suggest.Closest(target ?? path, _allSources.Concat(_staticOutput.Keys));
        diagnostics.Error("SCR020", at,
            $"the link '{url}' leads to a file that does not exist" +
            (suggestion is null ? "" : $"; did you mean '{Relative(from.Source.Path, suggestion)}'?"));
    }

    /// <summary>Checks and marks one autolink such as &lt;https://example.org&gt;.</summary>
    public static void Rewrite(AutolinkInline link, SourceSpan at, DiagnosticBag diagnostics)
    {
        var scheme = Scheme().Match(link.Url);
        if (!link.IsEmail && (!scheme.Success || !SafeSchemes.Contains(scheme.Groups[1].Value)))
        {
            diagnostics.Error("SCR021", at, "only web addresses starting https:// may be written as automatic links");
            return;
        }

        link.GetAttributes().AddClass("govuk-link");
        if (!link.IsEmail && scheme.Groups[1].Value.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            link.GetAttributes().AddClass(ExternalClass);
            link.GetAttributes().AddProperty("rel", "noopener noreferrer");
        }
    }

    /// <summary>Marks links to other websites; the stylesheet adds "(another website)" after their text.</summary>
    public const string ExternalClass = "app-external-link";

    private static void MarkExternal(LinkInline link)
    {
        link.GetAttributes().AddClass("govuk-link");
        if ((link.Url ?? "").StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            link.GetAttributes().AddClass(ExternalClass);
            link.GetAttributes().AddProperty("rel", "noopener noreferrer");
        }
    }

    private static void Unwrap(LinkInline link)
    {
        var children = link.ToList();
        foreach (var child in children)
        {
            child.Remove();
            link.InsertBefore(child);
        }

        link.Remove();
    }

    /// <summary>
    /// The relative link to the page an address with spaces most likely means: a page whose title
    /// is the address ("Child O"), or whose file name the address makes ("../cases/Child O.md");
    /// null when no page fits exactly.
    /// </summary>
    public string? PageNamed(string address, string from)
    {
        var name = address.Split('/')[^1];
        if (name.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) name = name[..^3];
        var matches = _site.UrlBySource.Keys
            .Where(path => path.EndsWith("/" + Slugs.From(name) + ".md", StringComparison.Ordinal))
            .Concat(_site.Cases.Concat<Core.ContentItem>(_site.Themes).Concat(_site.Responses).Concat(_site.Pages)
                .Where(i => string.Equals(i.Title, name, StringComparison.OrdinalIgnoreCase)).Select(i => i.Source.Path))
            .Distinct(StringComparer.Ordinal).ToList();
        return matches.Count == 1 ? Relative(from, matches[0]) : null;
    }

    private static string AltText(LinkInline image) =>
        string.Concat(image.FindDescendants<LiteralInline>().Select(l => l.Content.ToString()));

    /// <summary>Resolves <paramref name="relative"/> against the folder of <paramref name="from"/>; null when it climbs out of the site.</summary>
    internal static string? Combine(string from, string relative)
    {
        var parts = from.Split('/').SkipLast(1).ToList();
        foreach (var segment in relative.Split('/'))
        {
            if (segment is "" or ".") continue;
            if (segment == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(segment);
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>The relative link from the file <paramref name="from"/> to the file <paramref name="to"/>.</summary>
    internal static string Relative(string from, string to)
    {
        var a = from.Split('/').SkipLast(1).ToArray();
        var b = to.Split('/');
        var common = 0;
        while (common < a.Length && common < b.Length - 1 && a[common] == b[common]) common++;
        return string.Concat(Enumerable.Repeat("../", a.Length - common)) + string.Join('/', b.Skip(common));
    }

    [GeneratedRegex("^([a-zA-Z][a-zA-Z0-9+.-]*):", RegexOptions.CultureInvariant)]
    private static partial Regex Scheme();
}
