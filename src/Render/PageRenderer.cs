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
/// Phase 4, Render: every page's Markdown body through the shared Markdig pipeline, then the
/// page's Razor component inside the layout through ASP.NET Core's <see cref="HtmlRenderer"/>.
/// Pages are rendered in parallel, one renderer per worker, since a renderer's dispatcher runs
/// one render at a time.
/// </summary>
public static class PageRenderer
{
    private sealed record Job(string Url, Type Component, Func<PageContext, Dictionary<string, object?>> Parameters, PageContext Context);

    /// <summary>Renders every page into <paramref name="staged"/>; returns the site-relative URLs of the pages for the sitemap.</summary>
    public static IReadOnlyList<string> RenderAll(SiteModel site, ThemeAssetSet assets, IReadOnlyCollection<string> allSources,
        StagedSite staged, DiagnosticBag diagnostics)
    {
        var markdown = new MarkdownRenderer(site, allSources);
        var jobs = Jobs(site, assets, markdown, diagnostics).ToList();

        using var services = new ServiceCollection().BuildServiceProvider();
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, jobs.Count / 8 + 1));
        var next = -1;
        var threads = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
            int i;
            while ((i = Interlocked.Increment(ref next)) < jobs.Count)
            {
                var job = jobs[i];
                var html = await renderer.Dispatcher.InvokeAsync(async () =>
                {
                    var output = await renderer.RenderComponentAsync(job.Component, ParameterView.FromDictionary(job.Parameters(job.Context)));
                    return output.ToHtmlString();
                });
                staged.AddText(OutputPath(job.Url), Normalise(html));
            }
        })).ToArray();
        Task.WaitAll(threads);

        return jobs.Where(j => j.Url != "404.html").Select(j => j.Url).ToList();
    }

    /// <summary>"cases/child-o/" is written as cases/child-o/index.html.</summary>
    public static string OutputPath(string url) => url.EndsWith(".html", StringComparison.Ordinal) ? url : url + "index.html";

    private static IEnumerable<Job> Jobs(SiteModel site, ThemeAssetSet assets, MarkdownRenderer markdown, DiagnosticBag diagnostics)
    {
        PageContext Ctx(string url, string title, string description, Section section, params Crumb[] crumbs) =>
            new(site, assets, url, title, description, section, crumbs);
        var home = new Crumb("Home", "");
        var casesCrumb = new Crumb("Case reviews", "cases/");
        var themesCrumb = new Crumb("Themes", "themes/");
        var responsesCrumb = new Crumb("Board responses", "responses/");

        // Bodies are rendered lazily inside the job, so the Markdown work runs in parallel too.
        Func<PageContext, Dictionary<string, object?>> With(ContentItem item, string key, object value) =>
            ctx => new() { ["Ctx"] = ctx, [key] = value, ["Body"] = new MarkupString(markdown.Render(item, diagnostics)) };

        if (site.Home is { } h)
            yield return new Job("", typeof(HomePage), With(h, "Item", h), Ctx("", h.Title, h.Summary, Section.None));

        yield return new Job("cases/", typeof(CasesIndex), ctx => new() { ["Ctx"] = ctx },
            Ctx("cases/", "Case reviews", $"Every case review published by the {site.Config.Organisation}.", Section.Cases, home));
        yield return new Job("themes/", typeof(ThemesIndex), ctx => new() { ["Ctx"] = ctx },
            Ctx("themes/", "Themes", "The themes the case reviews share, each with the reviews and Board responses that carry it.", Section.Themes, home));
        yield return new Job("responses/", typeof(ResponsesIndex), ctx => new() { ["Ctx"] = ctx },
            Ctx("responses/", "Board responses", "What the Board did in response to the learning from the case reviews.", Section.Responses, home));

        IReadOnlyList<string> ThemeTitles(IEnumerable<string> slugs) => site.ThemesOf(slugs).Select(t => t.Title).ToList();

        foreach (var c in site.Cases)
        {
            // A withheld case stays out of the index: its page carries only what the Board made public,
            // and search must not become a way to surface it out of context.
            var search = c.Publication == Publication.Withheld ? null
                : new SearchEntry("Case review", $"{c.Title}: {site.ReviewTypeLabel(c.ReviewType).ToLowerInvariant()}", ThemeTitles(c.Themes), c.Year, c.Published.ToString());
            yield return new Job(site.UrlOf(c), typeof(CasePage), With(c, "Item", c),
                Ctx(site.UrlOf(c), c.Title, c.Summary, Section.Cases, home, casesCrumb) with { Search = search });
        }

        foreach (var t in site.Themes)
            yield return new Job(site.UrlOf(t), typeof(ThemePage), With(t, "Item", t),
                Ctx(site.UrlOf(t), t.Title, t.Summary, Section.Themes, home, themesCrumb) with
                {
                    Search = new SearchEntry("Theme", $"Theme: {t.Title}", site.IncludedThemes[t.Slug].Prepend(t).Select(x => x.Title).ToList(), null, null),
                });
        foreach (var r in site.Responses)
            yield return new Job(site.UrlOf(r), typeof(ResponsePage), With(r, "Item", r),
                Ctx(site.UrlOf(r), r.Title, r.Summary, Section.Responses, home, responsesCrumb) with
                {
                    Search = new SearchEntry("Board response", $"Board response: {r.Title}", ThemeTitles(r.Themes), null, r.Date?.ToString()),
                });
        foreach (var p in site.Pages)
            yield return new Job(site.UrlOf(p), typeof(PlainPage), With(p, "Item", p),
                Ctx(site.UrlOf(p), p.Title, p.Summary, p.Slug == "about" ? Section.About : Section.None, home) with
                {
                    Search = new SearchEntry("Page", p.Title, [], null, null),
                });

        yield return new Job("search/", typeof(SearchPage), ctx => new() { ["Ctx"] = ctx },
            Ctx("search/", "Search", "Search the case reviews, themes and Board responses.", Section.None, home));

        yield return new Job("404.html", typeof(NotFoundPage), ctx => new() { ["Ctx"] = ctx },
            Ctx("404.html", "Page not found", "The page you were looking for could not be found.", Section.None));
    }

    // Razor writes \r\n on Windows for literal line breaks; output must not depend on the machine.
    private static string Normalise(string html) => html.Replace("\r\n", "\n", StringComparison.Ordinal) + (html.EndsWith('\n') ? "" : "\n");
}
