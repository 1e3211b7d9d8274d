using System.Xml.Linq;
using Lscb.Site.Assemble;

namespace Lscb.Site.Write;

/// <summary>Writes <c>sitemap.xml</c> and <c>robots.txt</c>.</summary>
public static class SitemapWriter
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The sitemap of the given site-relative page URLs, sorted.</summary>
    public static string Sitemap(SiteModel site, IEnumerable<string> pageUrls) =>
        FeedWriter.Serialize(new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(Ns + "urlset",
                pageUrls.Order(StringComparer.Ordinal).Select(u => new XElement(Ns + "url", new XElement(Ns + "loc", site.Absolute(u)))))));

    /// <summary>Allows everything and points at the sitemap.</summary>
    public static string Robots(SiteModel site) =>
        $"User-agent: *\nAllow: /\n\nSitemap: {site.Absolute("sitemap.xml")}\n";
}
