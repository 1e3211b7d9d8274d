using Lscb.Site.Core;

namespace Lscb.Site.Assemble;

/// <summary>
/// The assembled site: only what readers may see, with every derived list worked out once. Built
/// by <see cref="SiteAssembler"/>; read by the templates and the writers.
/// </summary>
public sealed class SiteModel
{
    /// <summary>The settings, with the base URL the build was asked for.</summary>
    public required SiteConfig Config { get; init; }

    /// <summary>The home page's content; null only for sites without input/index.md, which fail validation.</summary>
    public required PlainItem? Home { get; init; }

    /// <summary>Visible cases, sorted by title.</summary>
    public required IReadOnlyList<CaseItem> Cases { get; init; }

    /// <summary>Visible themes, sorted by title.</summary>
    public required IReadOnlyList<ThemeItem> Themes { get; init; }

    /// <summary>Visible responses, sorted by title.</summary>
    public required IReadOnlyList<ResponseItem> Responses { get; init; }

    /// <summary>Visible plain pages, sorted by title.</summary>
    public required IReadOnlyList<PlainItem> Pages { get; init; }

    /// <summary>Visible source documents, sorted by title.</summary>
    public required IReadOnlyList<SourceItem> SourceDocuments { get; init; }

    /// <summary>Source slug to the visible pages that name it, in the order cases, responses, themes, pages, each by title.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<ContentItem>> PagesBySource { get; init; }

    /// <summary>
    /// The newest date the content speaks of: the latest of the visible sources' dates, cases'
    /// published dates and responses' "as at" dates. The footer says "Content as at" this, so that
    /// readers judge how current the site is by its content, never by the day it was built.
    /// </summary>
    /// <remarks>Every page's footer asks, so it is worked out once: a walk over every case per page would be quadratic.</remarks>
    public PartialDate? ContentAsAt => (_contentAsAt ??= new(Newest)).Value;

    private Lazy<PartialDate?>? _contentAsAt;

    private PartialDate? Newest()
    {
        PartialDate? newest = null;
        foreach (var date in SourceDocuments.Select(s => s.Date).Concat(Cases.Select(c => c.Published)).Concat(Responses.Select(r => r.AsAt)))
        {
            // The later first day wins; on the same first day, "January 2017" over "1 January 2017", since it says less.
            if (newest is not { } n || date.Start > n.Start || (date.Start == n.Start && date.Day is null && n.Day is not null)) newest = date;
        }

        return newest;
    }

    /// <summary>
    /// Old addresses ("cases/child-x/") to the visible page that now has them (<c>moved_from</c>):
    /// each gets a redirect page, listed nowhere else. A hidden page's old addresses lead nowhere yet.
    /// </summary>
    public required IReadOnlyDictionary<string, ContentItem> Redirects { get; init; }

    /// <summary>Input paths of pages left out (drafts, embargoed): links to them are dropped, not broken.</summary>
    public required IReadOnlySet<string> Hidden { get; init; }

    /// <summary>Input path to site-relative URL ("cases/child-o/"), for every visible page.</summary>
    public required IReadOnlyDictionary<string, string> UrlBySource { get; init; }

    /// <summary>Every visible page's site-relative URL, for constant-time "does this page exist" checks.</summary>
    public IReadOnlySet<string> Urls => _urls ??= UrlBySource.Values.ToHashSet(StringComparer.Ordinal);

    private IReadOnlySet<string>? _urls;

    /// <summary>Theme slug to the visible cases that carry it, sorted by title.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<CaseItem>> CasesByTheme { get; init; }

    /// <summary>Theme slug to the visible responses that carry it, sorted by title.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<ResponseItem>> ResponsesByTheme { get; init; }

    /// <summary>Theme slug to the visible themes it includes, directly or through others.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<ThemeItem>> IncludedThemes { get; init; }

    /// <summary>Theme slug to the visible themes that include it.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<ThemeItem>> IncludedBy { get; init; }

    /// <summary>Response slug to the visible cases that list it, sorted by title.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<CaseItem>> CasesByResponse { get; init; }

    /// <summary>Visible themes by slug.</summary>
    public required IReadOnlyDictionary<string, ThemeItem> ThemeBySlug { get; init; }

    /// <summary>Visible responses by slug.</summary>
    public required IReadOnlyDictionary<string, ResponseItem> ResponseBySlug { get; init; }

    /// <summary>The glossary's terms, A to Z.</summary>
    public IReadOnlyList<GlossaryTerm> Glossary { get; init; } = [];

    /// <summary>Non-Markdown files under input/, copied as they are.</summary>
    public required IReadOnlyList<StaticFile> Statics { get; init; }

    /// <summary>The site-relative URL of a visible item.</summary>
    public string UrlOf(ContentItem item) => UrlBySource[item.Source.Path];

    /// <summary>The absolute path a link needs: the base path plus the site-relative URL.</summary>
    public string Href(string siteRelative) => Config.BasePath + siteRelative;

    /// <summary>The full address, with host, for feeds, sitemaps and canonical links.</summary>
    public string Absolute(string siteRelative) => new Uri(Config.BaseUrl, siteRelative).AbsoluteUri;

    /// <summary>Cases of a theme and of every theme it includes, without repeats.</summary>
    public IReadOnlyList<CaseItem> CasesUnder(ThemeItem theme) =>
        _casesUnder.GetOrAdd(theme.Slug, _ => Under(theme, CasesByTheme));

    /// <summary>Responses of a theme and of every theme it includes, without repeats.</summary>
    public IReadOnlyList<ResponseItem> ResponsesUnder(ThemeItem theme) =>
        _responsesUnder.GetOrAdd(theme.Slug, _ => Under(theme, ResponsesByTheme));

    // Worked out once per theme: every theme page, the themes index and the render fingerprints ask.
    // Items are told apart by identity; hashing a record would hash its whole text.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<CaseItem>> _casesUnder = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<ResponseItem>> _responsesUnder = new(StringComparer.Ordinal);

    private List<T> Under<T>(ThemeItem theme, IReadOnlyDictionary<string, IReadOnlyList<T>> byTheme) where T : ContentItem =>
        IncludedThemes[theme.Slug].Prepend(theme).SelectMany(t => byTheme[t.Slug]).Distinct(ReferenceEqualityComparer.Instance).Cast<T>()
            .OrderBy(c => c.Title, StringComparer.Ordinal).ToList();

    /// <summary>Visible themes among the given slugs, in the order written.</summary>
    public IReadOnlyList<ThemeItem> ThemesOf(IEnumerable<string> slugs) => Visible(slugs, ThemeBySlug);

    /// <summary>Visible sources among the given slugs, in the order written.</summary>
    public IReadOnlyList<SourceItem> SourcesOf(IEnumerable<string> slugs) => Visible(slugs, SourceBySlug);

    /// <summary>Visible sources by slug.</summary>
    public required IReadOnlyDictionary<string, SourceItem> SourceBySlug { get; init; }

    /// <summary>
    /// The visible responses on a case's themes (and the themes they include), by title: what a case
    /// page may show as "the Board's responses on this review's themes", which is not a claim that
    /// they answer that review.
    /// </summary>
    public IReadOnlyList<ResponseItem> ResponsesOnThemes(CaseItem item) =>
        // The case's page and its render fingerprint both ask; a case's themes are few, but there may be many cases.
        _onThemes.GetOrAdd(item.Source.Path, _ => ThemesOf(item.Themes).SelectMany(ResponsesUnder).Distinct(ReferenceEqualityComparer.Instance).Cast<ResponseItem>()
            .OrderBy(r => r.Title, StringComparer.Ordinal).ToList());

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<ResponseItem>> _onThemes = new(StringComparer.Ordinal);

    /// <summary>How many other reviews a case page lists as related.</summary>
    public const int RelatedCount = 5;

    /// <summary>
    /// Up to <see cref="RelatedCount"/> other visible cases that share a theme with this one (or a theme
    /// that one of its themes includes): the first theme's first, each theme's by title.
    /// </summary>
    public IReadOnlyList<CaseItem> RelatedCases(CaseItem item) =>
        // Taken a few at a time from the already sorted theme lists, so a large site costs no more per page.
        _related.GetOrAdd(item.Source.Path, _ => ThemesOf(item.Themes).SelectMany(t => CasesUnder(t).Where(c => !ReferenceEquals(c, item)).Take(RelatedCount))
            .Distinct(ReferenceEqualityComparer.Instance).Cast<CaseItem>().Take(RelatedCount).ToList());

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<CaseItem>> _related = new(StringComparer.Ordinal);

    /// <summary>
    /// The help lines for pages on these themes (and the themes they include), then those a case names
    /// itself, each once, in the order <c>statiq.config</c> lists them.
    /// </summary>
    public IReadOnlyList<HelpLine> HelpLinesFor(IEnumerable<string> themes, IEnumerable<string> named)
    {
        if (Config.HelpLines.Count == 0) return [];
        var covered = ThemesOf(themes).SelectMany(t => IncludedThemes[t.Slug].Prepend(t)).Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);
        var asked = named.ToHashSet(StringComparer.Ordinal);
        return Config.HelpLines.Where(h => asked.Contains(h.Key) || h.Themes.Any(t => covered.Contains(t.Slug))).ToList();
    }

    /// <summary>Visible responses among the given slugs, in the order written.</summary>
    public IReadOnlyList<ResponseItem> ResponsesOf(IEnumerable<string> slugs) => Visible(slugs, ResponseBySlug);

    // Called for every item of every list on every page, so a plain loop with one lookup each.
    private static List<T> Visible<T>(IEnumerable<string> slugs, IReadOnlyDictionary<string, T> bySlug)
    {
        var found = new List<T>();
        foreach (var slug in slugs)
            if (bySlug.TryGetValue(slug, out var item)) found.Add(item);
        return found;
    }

    /// <summary>The label of a review type key.</summary>
    public string ReviewTypeLabel(string key) => Config.ReviewTypes.TryGetValue(key, out var label) ? label : key;
}
