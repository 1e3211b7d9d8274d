using Lscb.Site.Core;

namespace Lscb.Site.Assemble;

/// <summary>
/// Phase 3, Assemble: applies the publication rules, computes URLs and derives the reverse links
/// (theme to cases and responses, response to cases) so that staff write each link once.
/// </summary>
public static class SiteAssembler
{
    /// <summary>Builds the model of what readers may see.</summary>
    public static SiteModel Assemble(ValidatedSite site, PublicationRules rules)
    {
        var visible = site.Items.Where(rules.IsVisible).ToList();
        var hidden = site.Items.Where(i => !rules.IsVisible(i)).Select(i => i.Source.Path).ToHashSet(StringComparer.Ordinal);

        List<T> Sorted<T>() where T : ContentItem =>
            visible.OfType<T>().OrderBy(i => i.Title, StringComparer.Ordinal).ThenBy(i => i.Slug, StringComparer.Ordinal).ToList();

        var cases = Sorted<CaseItem>();
        var themes = Sorted<ThemeItem>();
        var responses = Sorted<ResponseItem>();
        var pages = Sorted<PlainItem>().Where(p => p.Kind == ContentKind.Page).ToList();
        var sources = Sorted<SourceItem>();
        var sourceBySlug = sources.ToDictionary(s => s.Slug, StringComparer.Ordinal);
        var pagesBySource = sources.ToDictionary(s => s.Slug, _ => new List<ContentItem>(), StringComparer.Ordinal);
        foreach (var item in cases.Concat<ContentItem>(responses).Concat(themes).Concat(pages).Concat(visible.Where(i => i.Kind == ContentKind.Home)))
            foreach (var slug in item.Sources.Where(pagesBySource.ContainsKey))
                pagesBySource[slug].Add(item);
        var themeBySlug = themes.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        var responseBySlug = responses.ToDictionary(r => r.Slug, StringComparer.Ordinal);

        var casesByTheme = themes.ToDictionary(t => t.Slug, _ => new List<CaseItem>(), StringComparer.Ordinal);
        foreach (var c in cases)
            foreach (var t in c.Themes.Where(casesByTheme.ContainsKey))
                casesByTheme[t].Add(c);

        var responsesByTheme = themes.ToDictionary(t => t.Slug, _ => new List<ResponseItem>(), StringComparer.Ordinal);
        foreach (var r in responses)
            foreach (var t in r.Themes.Where(responsesByTheme.ContainsKey))
                responsesByTheme[t].Add(r);

        var casesByResponse = responses.ToDictionary(r => r.Slug, _ => new List<CaseItem>(), StringComparer.Ordinal);
        foreach (var c in cases)
            foreach (var r in c.Responses.Where(casesByResponse.ContainsKey))
                casesByResponse[r].Add(c);

        var included = themes.ToDictionary(t => t.Slug, t => (IReadOnlyList<ThemeItem>)Closure(t, themeBySlug), StringComparer.Ordinal);
        var includedBy = themes.ToDictionary(
            t => t.Slug,
            t => (IReadOnlyList<ThemeItem>)themes.Where(o => included[o.Slug].Contains(t)).ToList(),
            StringComparer.Ordinal);

        return new SiteModel
        {
            Config = site.Config,
            Home = visible.OfType<PlainItem>().FirstOrDefault(p => p.Kind == ContentKind.Home),
            Cases = cases,
            Themes = themes,
            Responses = responses,
            Pages = pages,
            SourceDocuments = sources,
            SourceBySlug = sourceBySlug,
            PagesBySource = pagesBySource.ToDictionary(p => p.Key, p => (IReadOnlyList<ContentItem>)p.Value, StringComparer.Ordinal),
            Hidden = hidden,
            Redirects = visible.SelectMany(i => i.MovedFrom.Select(old => (old, i))).GroupBy(p => p.old, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal),
            UrlBySource = visible.ToDictionary(i => i.Source.Path, i => i.PageUrl, StringComparer.Ordinal),
            CasesByTheme = casesByTheme.ToDictionary(p => p.Key, p => (IReadOnlyList<CaseItem>)p.Value, StringComparer.Ordinal),
            ResponsesByTheme = responsesByTheme.ToDictionary(p => p.Key, p => (IReadOnlyList<ResponseItem>)p.Value, StringComparer.Ordinal),
            CasesByResponse = casesByResponse.ToDictionary(p => p.Key, p => (IReadOnlyList<CaseItem>)p.Value, StringComparer.Ordinal),
            IncludedThemes = included,
            IncludedBy = includedBy,
            ThemeBySlug = themeBySlug,
            ResponseBySlug = responseBySlug,
            Statics = site.Statics,
            Glossary = site.Glossary,
        };
    }

    // Themes reachable through 'includes', breadth first, in the order written; cycles were refused by Validate,
    // and the visited set keeps this finite regardless.
    private static List<ThemeItem> Closure(ThemeItem theme, Dictionary<string, ThemeItem> bySlug)
    {
        var result = new List<ThemeItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { theme.Slug };
        var queue = new Queue<string>(theme.Includes);
        while (queue.Count > 0)
        {
            var slug = queue.Dequeue();
            if (!seen.Add(slug) || !bySlug.TryGetValue(slug, out var t)) continue;
            result.Add(t);
            foreach (var next in t.Includes) queue.Enqueue(next);
        }

        return result;
    }
}
