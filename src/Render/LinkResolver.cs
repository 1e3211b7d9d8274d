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
        var address = Address.Of(link, from, at, diagnostics);
        if (link.IsImage && string.IsNullOrWhiteSpace(AltText(link)))
            diagnostics.Report(DiagnosticCodes.ImageWithoutDescription, at, "this image has no description; write one between the brackets, e.g. ![A chart of referrals by year](chart.png)");

        HandlerFor(address)(address);
    }

    /// <summary>What a link's address is, the first that fits, and what is done with it.</summary>
    private Action<Address> HandlerFor(Address a) => a switch
    {
        { Scheme: { } scheme } when !SafeSchemes.Contains(scheme) => UnsafeScheme,
        { Scheme: not null, Link.IsImage: true } => ImageFromAnotherWebsite,
        { Scheme: not null } => AnotherWebsite,
        _ when a.Url.StartsWith("//", StringComparison.Ordinal) => WithoutScheme,
        { Url: "" } => NoAddress,
        _ when a.Url.StartsWith('#') => PlaceOnThisPage,
        _ when a.Path.StartsWith('/') => _pageByUrl.ContainsKey(SitePathKey(a.Path)) ? PageBySitePath : NotAPageOfThisSite,
        { Target: { } target } when _site.UrlBySource.ContainsKey(target) => Page,
        { Target: { } target } when _staticOutput.ContainsKey(target) => StaticFile,
        { Target: { } target } when _site.Hidden.Contains(target) => HiddenPage,
        { Target: { } target } when _allSources.Contains(target) => PageWithErrors,
        _ => NoSuchFile,
    };

    // 'javascript:', 'file:' and the like: the address is dropped.
    private static void UnsafeScheme(Address a)
    {
        a.Diagnostics.Report(DiagnosticCodes.UnsafeLink, a.At, $"links starting '{a.Scheme}:' are not allowed; link to a web address starting https://");
        a.Link.Url = "";
    }

    private static void ImageFromAnotherWebsite(Address a) =>
        a.Diagnostics.Report(DiagnosticCodes.RemoteImage, a.At, ImageFromElsewhere);

    // https://, http://, mailto: and tel: addresses are kept as they are.
    private static void AnotherWebsite(Address a) => MarkExternal(a.Link);

    // '//host/path' is another website's address without its https: part.
    private static void WithoutScheme(Address a)
    {
        a.Diagnostics.Report(a.Link.IsImage ? DiagnosticCodes.RemoteImage : DiagnosticCodes.BrokenLink, a.At, a.Link.IsImage
            ? ImageFromElsewhere
            : $"the link '{a.Url}' leaves out the start of the web address; write it in full, starting https://");
        a.Link.Url = "";
    }

    private static void NoAddress(Address a)
    {
        MarkAsLink(a.Link);
        a.Diagnostics.Report(DiagnosticCodes.BrokenLink, a.At, "this link has no address; write it between the round brackets, e.g. [neglect](../themes/neglect.md)");
    }

    // '#heading' is kept as it is.
    private static void PlaceOnThisPage(Address a) => MarkAsLink(a.Link);

    // '/cases/child-o/', the address of a page of this site: under the site's base path.
    private void PageBySitePath(Address a)
    {
        MarkAsLink(a.Link);
        a.Link.Url = _site.Href(_pageByUrl[SitePathKey(a.Path)]) + a.Fragment;
    }

    private static void NotAPageOfThisSite(Address a)
    {
        MarkAsLink(a.Link);
        a.Diagnostics.Report(DiagnosticCodes.BrokenLink, a.At, $"the link '{a.Url}' does not lead to a page of this site; link to the page's Markdown file instead, e.g. ../cases/child-o.md");
        // Reported here, at its line in the Markdown; not again as a broken link in the built page (SCR090).
        a.Link.Url = "";
    }

    // '../cases/child-o.md': the page made from that file.
    private void Page(Address a)
    {
        MarkAsLink(a.Link);
        a.Link.Url = _site.Href(_site.UrlBySource[a.Target!]) + a.Fragment;
    }

    // 'chart.png', a file under input/ published as it is.
    private void StaticFile(Address a)
    {
        MarkAsLink(a.Link);
        a.Link.Url = _site.Href(_staticOutput[a.Target!]);
    }

    private static void HiddenPage(Address a)
    {
        a.Diagnostics.Report(DiagnosticCodes.LinkToHiddenPage, a.At, $"'{a.Url}' is a draft or not yet published, so this link shows as plain text until it is");
        Unwrap(a.Link);
    }

    // The file exists but has errors of its own, reported at the file; the link is not reported too.
    private static void PageWithErrors(Address a) => Unwrap(a.Link);

    private void NoSuchFile(Address a)
    {
        MarkAsLink(a.Link);
        var suggestion = Suggest.Closest(a.Target ?? a.Path, _allSources.Concat(_staticOutput.Keys));
        a.Diagnostics.Report(DiagnosticCodes.BrokenLink, a.At,
            $"the link '{a.Url}' leads to a file that does not exist" +
            (suggestion is null ? "" : $"; did you mean '{Relative(a.From.Source.Path, suggestion)}'?"));
    }

    private const string ImageFromElsewhere =
        "images must be stored with the site (in input/) rather than loaded from another website, which would tell that website who is reading";

    private static string SitePathKey(string path) => path.EndsWith('/') ? path : path + "/";

    /// <summary>One link or image being rewritten, with its address taken apart.</summary>
    /// <param name="Link">The link or image.</param>
    /// <param name="Url">Its address, trimmed.</param>
    /// <param name="Scheme">The scheme the address starts with ("https" in "https://..."), or null.</param>
    /// <param name="Path">The address before any '#', unescaped.</param>
    /// <param name="Fragment">The '#' and what follows it, or "".</param>
    /// <param name="Target">The input path <see cref="Path"/> leads to from the page's own file; null when it climbs out of the site.</param>
    /// <param name="From">The page the link is on.</param>
    /// <param name="At">Where the link is in the page's file.</param>
    /// <param name="Diagnostics">Where mistakes are reported.</param>
    private sealed record Address(
        LinkInline Link, string Url, string? Scheme, string Path, string Fragment, string? Target,
        Core.ContentItem From, SourceSpan At, DiagnosticBag Diagnostics)
    {
        public static Address Of(LinkInline link, Core.ContentItem from, SourceSpan at, DiagnosticBag diagnostics)
        {
            var url = (link.Url ?? "").Trim();
            var scheme = LinkResolver.Scheme().Match(url);
            var hash = url.IndexOf('#', StringComparison.Ordinal);
            var path = Uri.UnescapeDataString(hash < 0 ? url : url[..hash]);
            return new Address(link, url, scheme.Success ? scheme.Groups[1].Value : null, path, hash < 0 ? "" : url[hash..],
                Combine(from.Source.Path, path), from, at, diagnostics);
        }
    }

    /// <summary>Checks and marks one autolink such as &lt;https://example.org&gt;.</summary>
    public static void Rewrite(AutolinkInline link, SourceSpan at, DiagnosticBag diagnostics)
    {
        var scheme = Scheme().Match(link.Url);
        if (!link.IsEmail && (!scheme.Success || !SafeSchemes.Contains(scheme.Groups[1].Value)))
        {
            diagnostics.Report(DiagnosticCodes.UnsafeLink, at, "only web addresses starting https:// may be written as automatic links");
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

    /// <summary>Styles a link (or an image) that stays in the page as a GOV.UK link.</summary>
    private static void MarkAsLink(LinkInline link) => link.GetAttributes().AddClass("govuk-link");

    private static void MarkExternal(LinkInline link)
    {
        MarkAsLink(link);
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
