using Lscb.Site.Assemble;
using Lscb.Site.Assets;
using Lscb.Site.Core;
using Lscb.Site.Theme;
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

    // What a page shows from the content is recorded as it renders (Reads); a job names only what
    // it is made from besides: its address, its component, its context and the item it is the page of.
    private sealed record Job(
        string Url, Type Component, Func<PageContext, DiagnosticBag, Dictionary<string, object?>> Parameters, PageContext Context, ContentItem? Item = null);

    /// <summary>Renders every page into <paramref name="staged"/>; returns the site-relative URLs of the pages for the sitemap.</summary>
    /// <param name="site">The assembled site.</param>
    /// <param name="assets">The theme's files.</param>
    /// <param name="allSources">Every input path, hidden or not, for link suggestions.</param>
    /// <param name="staged">Where the pages go.</param>
    /// <param name="diagnostics">Where problems in page bodies go.</param>
    /// <param name="cache">Pages from an earlier build of this process, reused when nothing they read changed; <see cref="RenderCache.BeginBuild"/> must have been called for this build.</param>
    public static IReadOnlyList<string> RenderAll(SiteModel site, ThemeAssetSet assets, IReadOnlyCollection<string> allSources,
        IPageSink staged, DiagnosticBag diagnostics, RenderCache? cache = null)
    {
        var markdown = new MarkdownRenderer(site, allSources);
        var jobs = Jobs(site, assets, markdown).ToList();
        // The long lists (indexes, themes, responses) first, so that no worker is left rendering a
        // large page alone at the end while the others have finished.
        var order = Enumerable.Range(0, jobs.Count).OrderBy(i => jobs[i].Component == typeof(CasePage)).ToArray();
        var global = cache is null ? "" : GlobalFingerprint(assets, allSources);

        using var services = new ServiceCollection().BuildServiceProvider();
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, jobs.Count / 8 + 1));
        var next = -1;
        var threads = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            // A renderer keeps every page it rendered until it is disposed, so each one renders a
            // batch of pages and is replaced; that keeps memory flat however many pages there are.
            var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
            using var buffer = new PageBuffer();
            var rendered = 0;
            int i;
            while ((i = Interlocked.Increment(ref next)) < jobs.Count)
            {
                // Only pages rendered count towards replacing the renderer: a reused page costs it nothing.
                if (!await RenderOrReuse(renderer, buffer, jobs[order[i]], global, staged, diagnostics, cache) || ++rendered % PagesPerRenderer != 0) continue;
                await renderer.DisposeAsync();
                renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
            }

            await renderer.DisposeAsync();
        })).ToArray();
        Task.WaitAll(threads);

        // Only real pages go in the sitemap: not the 404 page, not the redirects from old addresses.
        return jobs.Where(j => j.Url != "404.html" && j.Component != typeof(RedirectPage)).Select(j => j.Url).ToList();
    }

    // One page, rendered (true) or taken from the cache when nothing it read changed and the folder being updated still
    // holds it (after a failed write it may not), else rendered and staged.
    private static async Task<bool> RenderOrReuse(HtmlRenderer renderer, PageBuffer buffer, Job job, string global, IPageSink staged, DiagnosticBag diagnostics, RenderCache? cache)
    {
        var key = cache is null ? "" : JobKey(job, global);
        if (cache?.Find(job.Url, key) is { Staged: { } known } hit && staged.TryAddKnown(OutputPath(job.Url), known))
        {
            cache.Reuse();
            foreach (var d in hit.Diagnostics) diagnostics.Add(d);
            return false;
        }

        var local = new DiagnosticBag();
        var log = new Reads();
        var page = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            // Everything the page reads from the content, its body included, is recorded, but only for preview.
            using var recording = Reads.Begin(cache is null ? null : log);
            var output = await renderer.RenderComponentAsync(job.Component, ParameterView.FromDictionary(job.Parameters(job.Context, local)));
            output.WriteHtmlTo(buffer.Writer);
            return buffer.Take();
        });
        var found = local.Sorted();
        foreach (var d in found) diagnostics.Add(d);
        var file = staged.AddBytes(OutputPath(job.Url), page);
        cache?.Store(job.Url, key, log, found, file);
        return true;
    }

    /// <summary>"cases/child-o/" is written as cases/child-o/index.html.</summary>
    public static string OutputPath(string url) => url.EndsWith(".html", StringComparison.Ordinal) ? url : url + "index.html";

    // What every page is made from outside the content: the theme, and every input path, for the
    // suggestions in messages about broken links.
    private static string GlobalFingerprint(ThemeAssetSet assets, IReadOnlyCollection<string> allSources) =>
        RenderCache.Fingerprint(allSources.Order(StringComparer.Ordinal).Prepend(assets.Version));

    // A page's job, as text: everything about it that is worked out before it renders. Kept as it
    // is rather than hashed: it is compared for every page of every rebuild, and is short.
    private static string JobKey(Job job, string global)
    {
        var ctx = job.Context;
        var key = new System.Text.StringBuilder(256);
        void Part(string? text) => key.Append(text?.Length ?? -1).Append(':').Append(text).Append('\u001f');
        Part(global);
        Part(job.Url);
        Part(job.Component.FullName);
        Part(job.Item?.Source.Path);
        Part(ctx.Title);
        Part(ctx.Description);
        Part(ctx.Section.ToString());
        foreach (var crumb in ctx.Breadcrumbs)
        {
            Part(crumb.Text);
            Part(crumb.Url);
        }

        Part(ctx.IsSearchPage ? "search page" : "");
        if (ctx.Search is { } e)
        {
            Part(e.Type);
            Part(e.ResultTitle);
            foreach (var theme in e.Themes) Part(theme);
            Part(e.Year);
            Part(e.Published);
        }

        return key.ToString();
    }

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
        if (site.Home is { } h)
            yield return new Job("", typeof(HomePage), With(h, "Item", h), Ctx("", h.Title, h.Summary, Section.None), h);

        yield return new Job("cases/", typeof(CasesIndex), Plain,
            Ctx("cases/", "Case reviews", $"Every case review published by the {site.Config.Organisation}.", Section.Cases, home));
        yield return new Job("themes/", typeof(ThemesIndex), Plain,
            Ctx("themes/", "Themes", "The themes the case reviews share, each with the reviews and Board responses that carry it.", Section.Themes, home));
        yield return new Job("responses/", typeof(ResponsesIndex), Plain,
            Ctx("responses/", "Board responses", "What the Board did in response to the learning from the case reviews.", Section.Responses, home));

        IReadOnlyList<string> ThemeTitles(IEnumerable<string> slugs) => site.ThemesOf(slugs).Select(t => t.Title).ToList();

        foreach (var c in site.Cases)
        {
            // A withheld case stays out of the index: its page carries only what the Board made public,
            // and search must not become a way to surface it out of context.
            var search = c.Publication == Publication.Withheld ? null
                : new SearchEntry("Case review", $"{c.Title}: {site.ReviewTypeLabel(c.ReviewType).ToLowerInvariant()}", ThemeTitles(c.Themes), c.Year, c.Published.ToString());
            yield return new Job(site.UrlOf(c), typeof(CasePage), With(c, "Item", c),
                Ctx(site.UrlOf(c), c.Title, c.Summary, Section.Cases, home, casesCrumb) with { Search = search }, c);
        }

        foreach (var t in site.Themes)
            yield return new Job(site.UrlOf(t), typeof(ThemePage), With(t, "Item", t),
                Ctx(site.UrlOf(t), t.Title, t.Summary, Section.Themes, home, themesCrumb) with
                {
                    Search = new SearchEntry("Theme", $"Theme: {t.Title}", site.IncludedThemes[t.Slug].Prepend(t).Select(x => x.Title).ToList(), null, null),
                }, t);
        foreach (var r in site.Responses)
            yield return new Job(site.UrlOf(r), typeof(ResponsePage), With(r, "Item", r),
                Ctx(site.UrlOf(r), r.Title, r.Summary, Section.Responses, home, responsesCrumb) with
                {
                    Search = new SearchEntry("Board response", $"Board response: {r.Title}", ThemeTitles(r.Themes), null, r.Date?.ToString()),
                }, r);
        foreach (var p in site.Pages)
            yield return new Job(site.UrlOf(p), typeof(PlainPage), With(p, "Item", p),
                Ctx(site.UrlOf(p), p.Title, p.Summary, p.Slug == "about" ? Section.About : Section.None, home) with
                {
                    Search = new SearchEntry("Page", p.Title, [], null, null),
                }, p);

        if (site.SourceDocuments.Count > 0)
        {
            yield return new Job("sources/", typeof(SourcesIndex), Plain,
                Ctx("sources/", "Sources", "The documents this site's pages are drawn from, and the pages drawn from each.", Section.None, home));
        }

        var sourcesCrumb = new Crumb("Sources", "sources/");
        foreach (var d in site.SourceDocuments)
        {
            // Not in the search index: every page drawn from it is, and its text repeats theirs.
            yield return new Job(site.UrlOf(d), typeof(SourcePage), With(d, "Item", d),
                Ctx(site.UrlOf(d), d.Title, d.Summary.Length > 0 ? d.Summary : $"{d.Title}, {d.Publisher}, {d.Date.ToDisplay()}.", Section.None, home, sourcesCrumb), d);
        }

        if (site.Glossary.Count > 0)
        {
            yield return new Job("glossary/", typeof(GlossaryPage), Plain,
                Ctx("glossary/", "Glossary", "The words, abbreviations and other names used in safeguarding, each with a plain definition and its source.", Section.None, home) with
                {
                    Search = new SearchEntry("Page", "Glossary", [], null, null),
                });
        }

        yield return new Job("search/", typeof(SearchPage), Plain,
            Ctx("search/", "Search", "Search the case reviews, themes and Board responses.", Section.None, home) with { IsSearchPage = true });

        foreach (var (old, target) in site.Redirects.OrderBy(r => r.Key, StringComparer.Ordinal))
            yield return new Job(old, typeof(RedirectPage), (ctx, _) => new() { ["Ctx"] = ctx, ["Target"] = target },
                Ctx(old, target.Title, target.Summary, Section.None), target);

        yield return new Job("404.html", typeof(NotFoundPage), Plain,
            Ctx("404.html", "Page not found", "The page you were looking for could not be found.", Section.None));
    }

    /// <summary>
    /// Where one worker writes its pages: straight into UTF-8, the form they are written to disk in,
    /// through one writer and one growing buffer reused page after page, so a page costs its bytes
    /// and no more.
    /// </summary>
    private sealed class PageBuffer : IDisposable
    {
        private readonly MemoryStream _bytes = new(64 * 1024);

        public PageBuffer() => Writer = new StreamWriter(_bytes, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 16 * 1024);

        public StreamWriter Writer { get; }

        /// <summary>The page written since the last call, ending with one line end; the buffer is then empty again.</summary>
        public byte[] Take()
        {
            Writer.Flush();
            if (_bytes.Length == 0 || _bytes.GetBuffer()[_bytes.Length - 1] != (byte)'\n') _bytes.WriteByte((byte)'\n');
            var page = _bytes.GetBuffer().AsSpan(0, (int)_bytes.Length);
            // Razor writes \r\n on Windows for literal line breaks; output must not depend on the machine.
            var result = page.Contains((byte)'\r')
                ? System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(page).Replace("\r\n", "\n", StringComparison.Ordinal))
                : page.ToArray();
            _bytes.SetLength(0);
            return result;
        }

        public void Dispose() => Writer.Dispose();
    }
}
