using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Lscb.Site.Assemble;
using Lscb.Site.Core;

namespace Lscb.Site.Write;

/// <summary>
/// Writes <c>feed.xml</c>: an Atom feed of the most recently published cases and responses. Feed
/// readers fetch the whole file every time they look for news, so it carries the newest
/// <see cref="MaxEntries"/>, not the whole collection; every case is in the sitemap and the data export.
/// </summary>
public static class FeedWriter
{
    /// <summary>How many entries the feed carries at most.</summary>
    public const int MaxEntries = 50;

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>The feed document. Withheld cases are left out: the feed carries summaries, and a withheld case has no findings to announce.</summary>
    public static string Write(SiteModel site)
    {
        var entries = site.Cases.Where(c => c.Publication == Publication.Published)
            .Select(c => (Item: (ContentItem)c, Date: (PartialDate?)c.Published))
            .Concat(site.Responses.Select(r => (Item: (ContentItem)r, Date: r.Date)))
            .OrderByDescending(e => e.Date?.Start ?? DateOnly.MinValue)
            .ThenBy(e => site.UrlOf(e.Item), StringComparer.Ordinal)
            .Take(MaxEntries)
            .ToList();

        // Derived from the content, never from the clock, so that two builds are byte-identical.
        var fallback = site.Cases.Select(c => c.Published.Start).DefaultIfEmpty(new DateOnly(2000, 1, 1)).Max();
        var updated = entries.Select(e => e.Date?.Start ?? fallback).DefaultIfEmpty(fallback).Max();

        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "title", site.Config.Title),
            new XElement(Atom + "subtitle", site.Config.Description),
            new XElement(Atom + "id", site.Absolute("")),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", site.Absolute("feed.xml"))),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", site.Absolute(""))),
            new XElement(Atom + "updated", Stamp(updated)),
            new XElement(Atom + "author", new XElement(Atom + "name", site.Config.Organisation)),
            entries.Select(e => new XElement(Atom + "entry",
                new XElement(Atom + "title", e.Item is CaseItem ? e.Item.Title : $"Board response: {e.Item.Title}"),
                new XElement(Atom + "id", site.Absolute(site.UrlOf(e.Item))),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", site.Absolute(site.UrlOf(e.Item)))),
                new XElement(Atom + "updated", Stamp(e.Date?.Start ?? fallback)),
                new XElement(Atom + "summary", e.Item.Summary),
                Categories(site, e.Item))));

        return Serialize(new XDocument(new XDeclaration("1.0", "utf-8", null), feed));
    }

    private static IEnumerable<XElement> Categories(SiteModel site, ContentItem item)
    {
        var themes = item switch
        {
            CaseItem c => c.Themes,
            ResponseItem r => r.Themes,
            _ => [],
        };
        return site.ThemesOf(themes).Select(t => new XElement(Atom + "category", new XAttribute("term", t.Slug), new XAttribute("label", t.Title)));
    }

    private static string Stamp(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    /// <summary>UTF-8 XML with \n line ends and two-space indentation.</summary>
    internal static string Serialize(XDocument document)
    {
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new System.Text.UTF8Encoding(false) };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings)) document.Save(writer);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
