using System.Collections.Concurrent;
using Lscb.Site.Assemble;
using Lscb.Site.Assets;
using Lscb.Site.Core;
using Lscb.Site.Theme;
using Lscb.Site.Write;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lscb.Site.Render;

/// <summary>
/// Phase 5, Render: every page's Markdown body through the shared Markdig pipeline, then the
/// page's Razor component inside the layout through ASP.NET Core's <see cref="HtmlRenderer"/>.
/// Pages are rendered in parallel, one renderer per worker, since a renderer's dispatcher runs
/// one render at a time.
/// </summary>
public static class PageRenderer
{
    private const int PagesPerRenderer = 64;

    // Own is the item whose body the page shows; of the other items it lists or links to, a page
    // shows only what their front matter says, so an edit to their text alone does not re-render it.
    // Extra is anything else the page shows that no file's front matter or body holds (a source's local copy).
    private sealed record Job(
        string Url, Type Component, Func<PageContext, DiagnosticBag, Dictionary<string, object?>> Parameters, PageContext Context,
        IEnumerable<ContentItem> Dependencies, ContentItem? Own = null, string Extra = "");

    /// <summary>Renders every page into <paramref name="staged"/>; returns the site-relative URLs of the pages for the sitemap.</summary>
    /// <param name="site">The assembled site.</param>
    /// <param name="assets">The theme's files.</param>
    /// <param name="allSources">Every input path, hidden or not, for link suggestions.</param>
    /// <param name="staged">Where the pages go.</param>
    /// <param name="diagnostics">Where problems in page bodies go.</param>
    /// <param name="cache">Pages from an earlier build of this process, reused when nothing they depend on changed.</param>
    public static IReadOnlyList<string> RenderAll(SiteModel site, ThemeAssetSet assets, IReadOnlyCollection<string> allSources,
        StagedSite staged, DiagnosticBag diagnostics, RenderCache? cache = null)
    {
        var markdown = new MarkdownRenderer(site, allSources);
        var jobs = Jobs(site, assets, markdown).ToList();
        // The long lists (indexes, themes, responses) first, so that no worker is left rendering a
        // large page alone at the end while the others have finished.
        var order = Enumerable.Range(0, jobs.Count).OrderBy(i => jobs[i].Component == typeof(CasePage)).ToArray();
        var global = cache is null ? "" : GlobalFingerprint(site, assets, allSources);
        cache?.BeginBuild();

        using var services = new ServiceCollection().BuildServiceProvider();
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, jobs.Count / 8 + 1));
        var next = -1;
        var threads = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            // A renderer keeps every page it rendered until it is disposed, so each one renders a
            // batch of pages and is replaced; that keeps memory flat however many pages there are.
            var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
            var rendered = 0;
            int i;
            while ((i = Interlocked.Increment(ref next)) < jobs.Count)
            {
                if (++rendered % PagesPerRenderer == 0)
                {
                    await renderer.DisposeAsync();
                    renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
                }

                var job = jobs[order[i]];
                var fingerprint = cache is null ? "" : RenderCache.Fingerprint(
                    job.Dependencies.Where(d => d != job.Own).Select(d => cache.HashOf(d.Source, withBody: false)).Order(StringComparer.Ordinal)
                        .Prepend(job.Own is null ? "" : cache.HashOf(job.Own.Source, withBody: true)).Prepend(job.Extra).Prepend(global).Prepend(job.Url));
                // A page whose inputs are unchanged is reused when the folder being updated still
                // holds it; otherwise (after a failed write, say) it is rendered again.
                if (cache?.Find(job.Url, fingerprint) is { } hit && staged.TryAddKnown(OutputPath(job.Url), hit.Staged))
                {
                    cache.Reuse();
                    foreach (var d in hit.Diagnostics) diagnostics.Add(d);
                    continue;
                }

                var local = new DiagnosticBag();
                var page = await renderer.Dispatcher.InvokeAsync(async () =>
                {
                    var output = await renderer.RenderComponentAsync(job.Component, ParameterView.FromDictionary(job.Parameters(job.Context, local)));
                    using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
                    output.WriteHtmlTo(writer);
                    return Normalise(writer.GetStringBuilder());
                });
                var found = local.Sorted();
                foreach (var d in found) diagnostics.Add(d);
                var file = staged.AddText(OutputPath(job.Url), page);
                cache?.Store(job.Url, new RenderCache.Entry(fingerprint, found, file));
            }

            await renderer.DisposeAsync();
        })).ToArray();
        Task.WaitAll(threads);

        // Only real pages go in the sitemap: not the 404 page, not the redirects from old addresses.
        return jobs.Where(j => j.Url != "404.html" && j.Component != typeof(RedirectPage)).Select(j => j.Url).ToList();
    }

    /// <summary>"cases/child-o/" is written as cases/child-o/index.html.</summary>
    public static string OutputPath(string url) => url.EndsWith(".html", StringComparison.Ordinal) ? url : url + "index.html";

    // What every page shares: settings, theme, the base address, and which pages exist (navigation,
    // footer and the links in bodies depend on it), and the footer's "Content as at" date. Any change
    // here re-renders everything.
    // Every input path is in it too, for the suggestions in messages about broken links.
    private static string GlobalFingerprint(SiteModel site, ThemeAssetSet assets, IReadOnlyCollection<string> allSources) =>
        RenderCache.Fingerprint(new[] { assets.Version, ConfigFingerprint(site), GlossaryFingerprint(site), site.ContentAsAt?.ToString() ?? "" }
            .Concat(site.UrlBySource.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => $"{u.Key}>{u.Value}"))
            .Concat(allSources.Order(StringComparer.Ordinal)));

    /// <summary>Every setting, so that any change to statiq.config is seen.</summary>
    internal static string ConfigFingerprint(SiteModel site) => System.Text.Json.JsonSerializer.Serialize(site.Config);

    /// <summary>The whole glossary: its page, the abbreviations marked up on every page and the search terms depend on it.</summary>
    internal static string GlossaryFingerprint(SiteModel site) => System.Text.Json.JsonSerializer.Serialize(site.Glossary);

    private static IEnumerable<Job> Jobs(SiteModel site, ThemeAssetSet assets, MarkdownRenderer markdown)
    {
        PageContext Ctx(string url, string title, string description, Section section, params Crumb[] crumbs) =>
            new(site, assets, url, title, description, section, crumbs);
        var home = new Crumb("Home", "");
        var casesCrumb = new Crumb("Case reviews", "cases/");
        var themesCrumb = new Crumb("Themes", "themes/");
        var responsesCrumb = new Crumb("Board responses", "responses/");

        // Bodies are rendered lazily inside the job, so the Markdown work runs in parallel too.
        Func<PageContext, DiagnosticBag, Dictionary<string, object?>> With(ContentItem item, string key, object value) =>
            (ctx, bag) => new() { ["Ctx"] = ctx, [key] = value, ["Body"] = new MarkupString(markdown.Render(item, bag)) };
        static Dictionary<string, object?> Plain(PageContext ctx, DiagnosticBag bag) => new() { ["Ctx"] = ctx };
        IEnumerable<ContentItem> Everything() =>
            site.Cases.Concat<ContentItem>(site.Themes).Concat(site.Responses).Concat(site.Pages).Concat(site.SourceDocuments)
                .Concat(site.Home is null ? [] : [site.Home]);

        if (site.Home is { } h)
            yield return new Job("", typeof(HomePage), With(h, "Item", h), Ctx("", h.Title, h.Summary, Section.None), Everything(), h);

        yield return new Job("cases/", typeof(CasesIndex), Plain,
            Ctx("cases/", "Case reviews", $"Every case review published by the {site.Config.Organisation}.", Section.Cases, home), site.Cases);
        yield return new Job("themes/", typeof(ThemesIndex), Plain,
            Ctx("themes/", "Themes", "The themes the case reviews share, each with the reviews and Board responses that carry it.", Section.Themes, home),
            site.Themes.Concat<ContentItem>(site.Cases).Concat(site.Responses));
        yield return new Job("responses/", typeof(ResponsesIndex), Plain,
            Ctx("responses/", "Board responses", "What the Board did in response to the learning from the case reviews.", Section.Responses, home), site.Responses);

        IReadOnlyList<string> ThemeTitles(IEnumerable<string> slugs) => site.ThemesOf(slugs).Select(t => t.Title).ToList();

        foreach (var c in site.Cases)
        {
            // A withheld case stays out of the index: its page carries only what the Board made public,
            // and search must not become a way to surface it out of context.
            var search = c.Publication == Publication.Withheld ? null
                : new SearchEntry("Case review", $"{c.Title}: {site.ReviewTypeLabel(c.ReviewType).ToLowerInvariant()}", ThemeTitles(c.Themes), c.Year, c.Published.ToString());
            yield return new Job(site.UrlOf(c), typeof(CasePage), With(c, "Item", c),
                Ctx(site.UrlOf(c), c.Title, c.Summary, Section.Cases, home, casesCrumb) with { Search = search },
                site.ThemesOf(c.Themes).Concat<ContentItem>(site.ResponsesOf(c.Responses)).Concat(site.ResponsesOnThemes(c))
                    .Concat(site.SourcesOf(c.Sources)).Concat(site.RelatedCases(c)).Prepend(c), c);
        }

        foreach (var t in site.Themes)
            yield return new Job(site.UrlOf(t), typeof(ThemePage), With(t, "Item", t),
                Ctx(site.UrlOf(t), t.Title, t.Summary, Section.Themes, home, themesCrumb) with
                {
                    Search = new SearchEntry("Theme", $"Theme: {t.Title}", site.IncludedThemes[t.Slug].Prepend(t).Select(x => x.Title).ToList(), null, null),
                },
                site.IncludedThemes[t.Slug].Concat(site.IncludedBy[t.Slug]).Concat(site.ThemesOf(t.Related)).Prepend(t)
                    .Concat<ContentItem>(site.CasesUnder(t)).Concat(site.ResponsesUnder(t)).Concat(site.SourcesOf(t.Sources)), t);
        foreach (var r in site.Responses)
            yield return new Job(site.UrlOf(r), typeof(ResponsePage), With(r, "Item", r),
                Ctx(site.UrlOf(r), r.Title, r.Summary, Section.Responses, home, responsesCrumb) with
                {
                    Search = new SearchEntry("Board response", $"Board response: {r.Title}", ThemeTitles(r.Themes), null, r.Date?.ToString()),
                },
                site.ThemesOf(r.Themes).Concat<ContentItem>(site.CasesByResponse[r.Slug]).Concat(site.SourcesOf(r.Sources)).Prepend(r), r);
        foreach (var p in site.Pages)
            yield return new Job(site.UrlOf(p), typeof(PlainPage), With(p, "Item", p),
                Ctx(site.UrlOf(p), p.Title, p.Summary, p.Slug == "about" ? Section.About : Section.None, home) with
                {
                    Search = new SearchEntry("Page", p.Title, [], null, null),
                },
                site.SourcesOf(p.Sources).Prepend<ContentItem>(p), p);

        if (site.SourceDocuments.Count > 0)
        {
            yield return new Job("sources/", typeof(SourcesIndex), Plain,
                Ctx("sources/", "Sources", "The documents this site's pages are drawn from, and the pages drawn from each.", Section.None, home),
                site.SourceDocuments.Concat(site.SourceDocuments.SelectMany(d => site.PagesBySource[d.Slug])));
        }

        var sourcesCrumb = new Crumb("Sources", "sources/");
        foreach (var d in site.SourceDocuments)
        {
            // Not in the search index: every page drawn from it is, and its text repeats theirs.
            yield return new Job(site.UrlOf(d), typeof(SourcePage), With(d, "Item", d),
                Ctx(site.UrlOf(d), d.Title, d.Summary.Length > 0 ? d.Summary : $"{d.Title}, {d.Publisher}, {d.Date.ToDisplay()}.", Section.None, home, sourcesCrumb),
                site.PagesBySource[d.Slug].Prepend(d), d, d.LocalCopyText ?? "");
        }

        if (site.Glossary.Count > 0)
        {
            // Its terms come from input/glossary.yml, which the global fingerprint covers.
            yield return new Job("glossary/", typeof(GlossaryPage), Plain,
                Ctx("glossary/", "Glossary", "The words, abbreviations and other names used in safeguarding, each with a plain definition and its source.", Section.None, home) with
                {
                    Search = new SearchEntry("Page", "Glossary", [], null, null),
                },
                site.Themes);
        }

        yield return new Job("search/", typeof(SearchPage), Plain,
            Ctx("search/", "Search", "Search the case reviews, themes and Board responses.", Section.None, home) with { IsSearchPage = true },
            site.Themes.Concat<ContentItem>(site.Cases));

        foreach (var (old, target) in site.Redirects.OrderBy(r => r.Key, StringComparer.Ordinal))
            yield return new Job(old, typeof(RedirectPage), (ctx, _) => new() { ["Ctx"] = ctx, ["Target"] = target },
                Ctx(old, target.Title, target.Summary, Section.None), [target]);

        yield return new Job("404.html", typeof(NotFoundPage), Plain,
            Ctx("404.html", "Page not found", "The page you were looking for could not be found.", Section.None), []);
    }

    // Razor writes \r\n on Windows for literal line breaks; output must not depend on the machine.
    // The page is finished in the builder it was written into, so it is copied only once.
    private static string Normalise(System.Text.StringBuilder html)
    {
        html.Replace("\r\n", "\n");
        if (html.Length == 0 || html[^1] != '\n') html.Append('\n');
        return html.ToString();
    }
}
