using Lscb.Site.Assemble;
using Lscb.Site.Assets;
using Lscb.Site.Core;
using Lscb.Site.Load;
using Lscb.Site.Render;
using Lscb.Site.Validate;
using Lscb.Site.Write;

namespace Lscb.Site.Build;

/// <summary>
/// The orchestrator: runs the phases in their fixed order, Load, Validate, Assemble, Assets,
/// Render, Write, stopping before Write whenever there is an error, so a failed build never touches
/// the output folder.
/// </summary>
public static class SiteBuilder
{
    /// <summary>Validates only: everything up to rendering the page bodies, nothing written.</summary>
    public static BuildResult Check(BuildOptions options) => Run(options with { Output = null }, renderPages: false);

    /// <summary>Builds the site into <see cref="BuildOptions.Output"/>.</summary>
    /// <param name="options">What to build, and where.</param>
    /// <param name="cache">Pages from this process's earlier builds (preview), re-rendered only when what they show changed.</param>
    public static BuildResult Build(BuildOptions options, RenderCache? cache = null) => Run(options, renderPages: true, cache);

    private static BuildResult Run(BuildOptions options, bool renderPages, RenderCache? cache = null)
    {
        var diagnostics = new DiagnosticBag();
        var timings = PhaseTimings.FromEnvironment();
        var loaded = SiteLoader.Load(options.Root, diagnostics);
        timings.Mark("load");
        var validated = ContentValidator.Validate(loaded, diagnostics);
        timings.Mark("validate");
        if (validated is null) return new BuildResult(diagnostics.Sorted(), null);

        var config = options.BaseUrl is null ? validated.Config : validated.Config with { BaseUrl = options.BaseUrl };
        var today = options.Today ?? PublicationRules.TodayIn(config.TimeZone, DateTimeOffset.UtcNow);
        var model = SiteAssembler.Assemble(validated with { Config = config }, new PublicationRules(options.IncludeDrafts, today));
        var sources = loaded.Files.Select(f => f.Path).ToList();
        timings.Mark("assemble");

        // The bodies of pages that will not be rendered (drafts, embargoed pages, or all of them when
        // the front matter already has errors) are still checked, so check and build agree and every
        // mistake shows in one run.
        var checkAll = !renderPages || diagnostics.HasErrors;
        CheckBodies(validated with { Config = config }, model, sources, checkAll, diagnostics);
        timings.Mark("check bodies");
        if (checkAll) return new BuildResult(diagnostics.Sorted(), null);

        var assets = ThemeAssets.Build(options.ThemeRoot, diagnostics);
        if (assets is null) return new BuildResult(diagnostics.Sorted(), null);
        timings.Mark("assets");

        // Pages go straight into a staging folder beside the output as they are rendered, so memory
        // does not grow with the site; the folder is swapped in only when every check has passed.
        var staged = options.Output is null ? new StagedSite() : new StagedSite(OutputSwapper.StagingFolder(options.Output));
        try
        {
            var pageUrls = PageRenderer.RenderAll(model, assets, sources, staged, diagnostics, cache);
            timings.Mark("render");
            foreach (var (path, bytes) in assets.Files) staged.AddBytes(path, bytes);
            foreach (var file in model.Statics) staged.AddCopy(file.OutputPath, file.FullPath);
            staged.AddText("feed.xml", FeedWriter.Write(model));
            staged.AddText("sitemap.xml", SitemapWriter.Sitemap(model, pageUrls));
            staged.AddText("robots.txt", SitemapWriter.Robots(model));
            staged.AddText("data/cases.json", DataExport.Json(model));
            staged.AddText("data/cases.csv", DataExport.Csv(model));
            timings.Mark("feed, sitemap, export");
            LinkChecker.Check(staged, config.BasePath, config.BaseUrl.AbsoluteUri, diagnostics);
            timings.Mark("link check");

            if (diagnostics.HasErrors || options.Output is null) return new BuildResult(diagnostics.Sorted(), staged);
            OutputSwapper.Publish(staged, options.Output, options.SearchIndex ? dir =>
            {
                timings.Mark("write");
                return SearchIndexer.Run(options.ThemeRoot, dir, staged, diagnostics);
            } : null);
            timings.Mark(options.SearchIndex ? "search index, swap" : "swap");
            return new BuildResult(diagnostics.Sorted(), staged);
        }
        finally
        {
            // Publish removes the folder itself; this is for a build that failed or threw first.
            OutputSwapper.Discard(staged.Folder);
        }
    }

    private static void CheckBodies(ValidatedSite site, Assemble.SiteModel model, IReadOnlyCollection<string> sources, bool includeVisible, DiagnosticBag diagnostics)
    {
        var visible = new MarkdownRenderer(model, sources);
        // Hidden pages are checked as if everything were published, so their links to each other resolve.
        var everyone = new MarkdownRenderer(SiteAssembler.Assemble(site, new PublicationRules(true, DateOnly.MaxValue)), sources);
        Parallel.ForEach(site.Items, item =>
        {
            var shown = model.UrlBySource.ContainsKey(item.Source.Path);
            if (shown && includeVisible) visible.Render(item, diagnostics);
            else if (!shown) everyone.Render(item, diagnostics);
        });
    }
}