using Lscb.Site.Core;

namespace Lscb.Site.Assemble;

/// <summary>
/// The assembled site: only what readers may see, with every derived list worked out once. Built
/// by <see cref="SiteAssembler"/>; read by the templates and the writers.
/// </summary>
/// <remarks>
/// Every list, lookup and query here tells the read log of the page being made what it was asked
/// (<see cref="Reads"/>), with how to ask the same of a later build's model; the model's own work
/// (sorting, following includes) is not recorded, since its result is.
/// </remarks>
public sealed class SiteModel : IReadSource
{
    /// <summary>The settings, with the base URL the build was asked for.</summary>
    public required SiteConfig Config { get; init; }

    /// <summary>The home page's content; null only for sites without input/index.md, which fail validation.</summary>
    public required PlainItem? Home { get { Whole(nameof(Home), static m => m.Home); return field; } init; }

    /// <summary>Visible cases, sorted by title.</summary>
    public required IReadOnlyList<CaseItem> Cases { get { Whole(nameof(Cases), static m => m.Cases); return field; } init; }

    /// <summary>Visible themes, sorted by title.</summary>
    public required IReadOnlyList<ThemeItem> Themes { get { Whole(nameof(Themes), static m => m.Themes); return field; } init; }

    /// <summary>Visible responses, sorted by title.</summary>
    public required IReadOnlyList<ResponseItem> Responses { get { Whole(nameof(Responses), static m => m.Responses); return field; } init; }

    /// <summary>Visible plain pages, sorted by title.</summary>
    public required IReadOnlyList<PlainItem> Pages { get { Whole(nameof(Pages), static m => m.Pages); return field; } init; }

    /// <summary>Visible source documents, sorted by title.</summary>
    public required IReadOnlyList<SourceItem> SourceDocuments { get { Whole(nameof(SourceDocuments), static m => m.SourceDocuments); return field; } init; }

    /// <summary>Source slug to the visible pages that name it, in the order cases, responses, themes, pages, each by title.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<ContentItem>> PagesBySource { get => _pagesBySource; init => _pagesBySource = new(nameof(PagesBySource), value, static m => ((SiteModel)m)._pagesBySource.Inner); }

    private RecordedDictionary<IReadOnlyList<ContentItem>> _pagesBySource = null!;

    /// <summary>
    /// The newest date the content speaks of: the latest of the visible sources' dates, cases'
    /// published dates and responses' "as at" dates. The footer says "Content as at" this, so that
    /// readers judge how current the site is by its content, never by the day it was built.
    /// </summary>
    /// <remarks>Every page's footer asks, so it is worked out once: a walk over every case per page would be quadratic.</remarks>
    public PartialDate? ContentAsAt
    {
        get
        {
            Whole(nameof(ContentAsAt), static m => m.ContentAsAt);
            using (Quiet()) return (_contentAsAt ??= new(Newest)).Value;
        }
    }

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
    public required IReadOnlyDictionary<string, ContentItem> Redirects { get => _redirects; init => _redirects = new(nameof(Redirects), value, static m => ((SiteModel)m)._redirects.Inner); }

    private RecordedDictionary<ContentItem> _redirects = null!;

    /// <summary>Input paths of pages left out (drafts, embargoed): links to them are dropped, not broken.</summary>
    public required IReadOnlySet<string> Hidden { get => _hidden; init => _hidden = new(nameof(Hidden), value, static m => ((SiteModel)m)._hidden.Inner); }

    private RecordedSet _hidden = null!;

    /// <summary>Input path to site-relative URL ("cases/child-o/"), for every visible page.</summary>
    public required IReadOnlyDictionary<string, string> UrlBySource { get => _urlBySource; init => _urlBySource = new(nameof(UrlBySource), value, static m => ((SiteModel)m)._urlBySource.Inner); }

    private RecordedDictionary<string> _urlBySource = null!;

    /// <summary>Every visible page's site-relative URL, for constant-time "does this page exist" checks.</summary>
    public IReadOnlySet<string> Urls => _urls ??= new(nameof(Urls), _urlBySource.Inner.Values.ToHashSet(StringComparer.Ordinal), static m => ((SiteModel)m).Urls);

    private RecordedSet? _urls;

    /// <summary>Theme slug to the visible cases that carry it, sorted by title.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<CaseItem>> CasesByTheme { get => _casesByTheme; init => _casesByTheme = new(nameof(CasesByTheme), value, static m => ((SiteModel)m)._casesByTheme.Inner); }

    private RecordedDictionary<IReadOnlyList<CaseItem>> _casesByTheme = null!;

    /// <summary>Theme slug to the visible responses that carry it, sorted by title.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<ResponseItem>> ResponsesByTheme { get => _responsesByTheme; init => _responsesByTheme = new(nameof(ResponsesByTheme), value, static m => ((SiteModel)m)._responsesByTheme.Inner); }

    private RecordedDictionary<IReadOnlyList<ResponseItem>> _responsesByTheme = null!;

    /// <summary>Theme slug to the visible themes it includes, directly or through others.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<ThemeItem>> IncludedThemes { get => _includedThemes; init => _includedThemes = new(nameof(IncludedThemes), value, static m => ((SiteModel)m)._includedThemes.Inner); }

    private RecordedDictionary<IReadOnlyList<ThemeItem>> _includedThemes = null!;

    /// <summary>Theme slug to the visible themes that include it.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<ThemeItem>> IncludedBy { get => _includedBy; init => _includedBy = new(nameof(IncludedBy), value, static m => ((SiteModel)m)._includedBy.Inner); }

    private RecordedDictionary<IReadOnlyList<ThemeItem>> _includedBy = null!;

    /// <summary>Response slug to the visible cases that list it, sorted by title.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<CaseItem>> CasesByResponse { get => _casesByResponse; init => _casesByResponse = new(nameof(CasesByResponse), value, static m => ((SiteModel)m)._casesByResponse.Inner); }

    private RecordedDictionary<IReadOnlyList<CaseItem>> _casesByResponse = null!;

    /// <summary>Visible themes by slug.</summary>
    public required IReadOnlyDictionary<string, ThemeItem> ThemeBySlug { get => _themeBySlug; init => _themeBySlug = new(nameof(ThemeBySlug), value, static m => ((SiteModel)m)._themeBySlug.Inner); }

    private RecordedDictionary<ThemeItem> _themeBySlug = null!;

    /// <summary>Visible responses by slug.</summary>
    public required IReadOnlyDictionary<string, ResponseItem> ResponseBySlug { get => _responseBySlug; init => _responseBySlug = new(nameof(ResponseBySlug), value, static m => ((SiteModel)m)._responseBySlug.Inner); }

    private RecordedDictionary<ResponseItem> _responseBySlug = null!;

    /// <summary>The glossary's terms, A to Z.</summary>
    public IReadOnlyList<GlossaryTerm> Glossary { get { Whole(nameof(Glossary), static m => m.Glossary); return field; } init; } = [];

    /// <summary>Non-Markdown files under input/, copied as they are.</summary>
    public required IReadOnlyList<StaticFile> Statics { get { Whole(nameof(Statics), static m => m.Statics.Select(f => f.Path).ToList()); return field; } init; }

    /// <summary>The site-relative URL of a visible item.</summary>
    /// <remarks>Not recorded: a visible item's address follows from its input path alone.</remarks>
    public string UrlOf(ContentItem item) => _urlBySource.Inner[item.Source.Path];

    /// <summary>The absolute path a link needs: the base path plus the site-relative URL.</summary>
    public string Href(string siteRelative) => Config.BasePath + siteRelative;

    /// <summary>The full address, with host, for feeds, sitemaps and canonical links.</summary>
    public string Absolute(string siteRelative) => new Uri(Config.BaseUrl, siteRelative).AbsoluteUri;

    /// <summary>Cases of a theme and of every theme it includes, without repeats.</summary>
    public IReadOnlyList<CaseItem> CasesUnder(ThemeItem theme)
    {
        var slug = theme.Source.Slug;
        if (Reads.IsNew(theme, nameof(CasesUnder))) Query($"CasesUnder({slug})", m => m._themeBySlug.Inner.TryGetValue(slug, out var t) ? m.CasesUnder(t) : Reads.Missing.Value);
        using (Quiet()) return _casesUnder.GetOrAdd(slug, _ => Under(theme, _casesByTheme.Inner));
    }

    /// <summary>Responses of a theme and of every theme it includes, without repeats.</summary>
    public IReadOnlyList<ResponseItem> ResponsesUnder(ThemeItem theme)
    {
        var slug = theme.Source.Slug;
        if (Reads.IsNew(theme, nameof(ResponsesUnder))) Query($"ResponsesUnder({slug})", m => m._themeBySlug.Inner.TryGetValue(slug, out var t) ? m.ResponsesUnder(t) : Reads.Missing.Value);
        using (Quiet()) return _responsesUnder.GetOrAdd(slug, _ => Under(theme, _responsesByTheme.Inner));
    }

    // Worked out once per theme: every theme page, the themes index and the render fingerprints ask.
    // Items are told apart by identity; hashing a record would hash its whole text.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<CaseItem>> _casesUnder = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<ResponseItem>> _responsesUnder = new(StringComparer.Ordinal);

    private List<T> Under<T>(ThemeItem theme, IReadOnlyDictionary<string, IReadOnlyList<T>> byTheme) where T : ContentItem =>
        _includedThemes.Inner[theme.Slug].Prepend(theme).SelectMany(t => byTheme[t.Slug]).Distinct(ReferenceEqualityComparer.Instance).Cast<T>()
            .OrderBy(c => c.Title, StringComparer.Ordinal).ToList();

    /// <summary>Visible themes among the given slugs, in the order written.</summary>
    public IReadOnlyList<ThemeItem> ThemesOf(IEnumerable<string> slugs) => Visible(nameof(ThemesOf), slugs, _themeBySlug.Inner, static m => m._themeBySlug.Inner);

    /// <summary>Visible sources among the given slugs, in the order written.</summary>
    public IReadOnlyList<SourceItem> SourcesOf(IEnumerable<string> slugs) => Visible(nameof(SourcesOf), slugs, _sourceBySlug.Inner, static m => m._sourceBySlug.Inner);

    /// <summary>Visible sources by slug.</summary>
    public required IReadOnlyDictionary<string, SourceItem> SourceBySlug { get => _sourceBySlug; init => _sourceBySlug = new(nameof(SourceBySlug), value, static m => ((SiteModel)m)._sourceBySlug.Inner); }

    private RecordedDictionary<SourceItem> _sourceBySlug = null!;

    /// <summary>
    /// The visible responses on a case's themes (and the themes they include), by title: what a case
    /// page may show as "the Board's responses on this review's themes", which is not a claim that
    /// they answer that review.
    /// </summary>
    public IReadOnlyList<ResponseItem> ResponsesOnThemes(CaseItem item)
    {
        var path = item.Source.Path;
        if (Reads.IsNew(item, nameof(ResponsesOnThemes))) Query($"ResponsesOnThemes({path})", m => m.ItemAt(path) is CaseItem c ? m.ResponsesOnThemes(c) : Reads.Missing.Value);
        // Worked out once per case: a case's themes are few, but there may be many cases.
        using (Quiet())
        {
            return _onThemes.GetOrAdd(path, _ => ThemesOf(item.Themes).SelectMany(ResponsesUnder).Distinct(ReferenceEqualityComparer.Instance).Cast<ResponseItem>()
                .OrderBy(r => r.Title, StringComparer.Ordinal).ToList());
        }
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<ResponseItem>> _onThemes = new(StringComparer.Ordinal);

    /// <summary>How many other reviews a case page lists as related.</summary>
    public const int RelatedCount = 5;

    /// <summary>
    /// Up to <see cref="RelatedCount"/> other visible cases that share a theme with this one (or a theme
    /// that one of its themes includes): the first theme's first, each theme's by title.
    /// </summary>
    public IReadOnlyList<CaseItem> RelatedCases(CaseItem item)
    {
        var path = item.Source.Path;
        if (Reads.IsNew(item, nameof(RelatedCases))) Query($"RelatedCases({path})", m => m.ItemAt(path) is CaseItem c ? m.RelatedCases(c) : Reads.Missing.Value);
        // Taken a few at a time from the already sorted theme lists, so a large site costs no more per page.
        using (Quiet())
        {
            return _related.GetOrAdd(path, _ => ThemesOf(item.Themes).SelectMany(t => CasesUnder(t).Where(c => !ReferenceEquals(c, item)).Take(RelatedCount))
                .Distinct(ReferenceEqualityComparer.Instance).Cast<CaseItem>().Take(RelatedCount).ToList());
        }
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<CaseItem>> _related = new(StringComparer.Ordinal);

    /// <summary>
    /// The help lines for pages on these themes (and the themes they include), then those a case names
    /// itself, each once, in the order <c>statiq.config</c> lists them.
    /// </summary>
    public IReadOnlyList<HelpLine> HelpLinesFor(IEnumerable<string> themes, IEnumerable<string> named)
    {
        if (Reads.Recording)
        {
            string[] t = [.. themes], n = [.. named];
            (themes, named) = (t, n);
            if (Reads.IsNew(t, nameof(HelpLinesFor))) Query($"HelpLinesFor({string.Join(',', t)}|{string.Join(',', n)})", m => m.HelpLinesFor(t, n));
        }

        using var quiet = Quiet();
        if (Config.HelpLines.Count == 0) return [];
        var covered = ThemesOf(themes).SelectMany(t => _includedThemes.Inner[t.Slug].Prepend(t)).Select(t => t.Slug).ToHashSet(StringComparer.Ordinal);
        var asked = named.ToHashSet(StringComparer.Ordinal);
        return Config.HelpLines.Where(h => asked.Contains(h.Key) || h.Themes.Any(t => covered.Contains(t.Slug))).ToList();
    }

    /// <summary>Visible responses among the given slugs, in the order written.</summary>
    public IReadOnlyList<ResponseItem> ResponsesOf(IEnumerable<string> slugs) => Visible(nameof(ResponsesOf), slugs, _responseBySlug.Inner, static m => m._responseBySlug.Inner);

    // Called for every item of every list on every page, so a plain loop with one lookup each.
    private static List<T> Visible<T>(string query, IEnumerable<string> slugs, IReadOnlyDictionary<string, T> bySlug, Func<SiteModel, IReadOnlyDictionary<string, T>> inOther)
    {
        if (Reads.Recording)
        {
            var asked = slugs as IReadOnlyList<string> ?? [.. slugs];
            slugs = asked;
            if (Reads.IsNew(asked, query)) Query($"{query}({string.Join(',', asked)})", m => Visible(query, asked, inOther(m), inOther));
        }

        var found = new List<T>();
        foreach (var slug in slugs)
            if (bySlug.TryGetValue(slug, out var item)) found.Add(item);
        return found;
    }

    /// <summary>The label of a review type key.</summary>
    public string ReviewTypeLabel(string key) => Config.ReviewTypes.TryGetValue(key, out var label) ? label : key;

    /// <summary>The visible item read from this input file, for looking up a recorded read again.</summary>
    public ContentItem? ItemAt(string path)
    {
        if (_byPath is null)
        {
            using (Quiet())
            {
                _byPath = Cases.Concat<ContentItem>(Themes).Concat(Responses).Concat(Pages).Concat(SourceDocuments).Concat(Home is null ? [] : [Home])
                    .ToDictionary(i => i.Source.Path, StringComparer.Ordinal);
            }
        }

        return _byPath.TryGetValue(path, out var item) ? item : null;
    }

    private Dictionary<string, ContentItem>? _byPath;

    // Reads of a whole member of the model.
    private void Whole(string name, Func<SiteModel, object?> value)
    {
        if (Reads.IsNew(this, name)) Reads.Query(name, m => value((SiteModel)m));
    }

    private static void Query(string key, Func<SiteModel, object?> value)
    {
        Reads.Query(key, m => value((SiteModel)m));
    }

    // The model's own work is not recorded: its result is.
    private static Reads.Scope? Quiet() => Reads.Recording ? Reads.Pause() : null;
}
