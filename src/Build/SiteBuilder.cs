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
    /// <param name="session">What this process's earlier builds did (preview): only what an edit touched is read, rendered and written again.</param>
    public static BuildResult Build(BuildOptions options, BuildSession? session = null) => Run(options, renderPages: true, session);

    private static BuildResult Run(BuildOptions options, bool renderPages, BuildSession? session = null)
    {
        var diagnostics = new DiagnosticBag();
        var timings = PhaseTimings.FromEnvironment();
        // The content, the model and the theme are all held by Make alone: by the time the site is
        // written and indexed, nothing keeps them, and Pagefind has the memory they took.
        var (done, staged, embargoed) = Make(options, renderPages, session, diagnostics, timings);
        if (done is not null) return done;
        try
        {
            if (diagnostics.HasErrors || options.Output is null) return new BuildResult(diagnostics.Sorted(), staged) { Embargoed = embargoed };
            staged!.Finish();
            timings.Mark("write");
            Publish(options, session, staged, diagnostics, timings);
            return new BuildResult(diagnostics.Sorted(), staged) { Embargoed = embargoed };
        }
        finally
        {
            // Publishing removes the staging folder itself; this is for a build that failed or threw first.
            staged!.Dispose();
            OutputSwapper.Discard(staged.Folder);
        }
    }

    // Every phase up to a staged site whose links are checked: a finished result instead when the
    // build stops early (errors in the content, a check, no theme).
    private static (BuildResult? Done, StagedSite? Staged, IReadOnlyList<(string Path, PartialDate Until)> Embargoed) Make(
        BuildOptions options, bool renderPages, BuildSession? session, DiagnosticBag diagnostics, PhaseTimings timings)
    {
        var loaded = SiteLoader.Load(options.Root, diagnostics, session?.Sources);
        timings.Mark("load");
        var validated = ContentValidator.Validate(loaded, diagnostics, session?.Bindings);
        timings.Mark("validate");
        if (validated is null) return (new BuildResult(diagnostics.Sorted(), null), null, []);
        // Every file, drafts and files with other errors included: the repository itself is public.
        SafeguardingChecks.CheckAll(loaded, validated.Config, validated.Bound, diagnostics, remember: session is not null);
        timings.Mark("safeguarding checks");

        var config = options.BaseUrl is null ? validated.Config : validated.Config with { BaseUrl = options.BaseUrl };
        var today = options.Today ?? PublicationRules.TodayIn(config.TimeZone, DateTimeOffset.UtcNow);
        ContentValidator.CheckStatusAge(validated, today, diagnostics);
        PublishingChecks.Check(validated, today, diagnostics);
        var embargoed = PublishingChecks.Embargoed(validated, today);
        var model = SiteAssembler.Assemble(validated with { Config = config }, new PublicationRules(options.IncludeDrafts, today));
        var sources = loaded.Files.Select(f => f.Path).ToList();
        timings.Mark("assemble");

        // The bodies of pages that will not be rendered (drafts, embargoed pages, or all of them when
        // the front matter already has errors) are still checked, so check and build agree and every
        // mistake shows in one run.
        var checkAll = !renderPages || diagnostics.HasErrors;
        CheckBodies(validated with { Config = config }, model, sources, checkAll, diagnostics);
        timings.Mark("check bodies");
        if (checkAll) return (new BuildResult(diagnostics.Sorted(), null) { Embargoed = embargoed }, null, embargoed);

        var assets = ThemeAssets.Build(options.ThemeRoot, diagnostics);
        if (assets is null) return (new BuildResult(diagnostics.Sorted(), null) { Embargoed = embargoed }, null, embargoed);
        timings.Mark("assets");

        var staged = Stage(options, session);
        try
        {
            session?.Pages.BeginBuild(model);
            var pageUrls = PageRenderer.RenderAll(model, assets, sources, staged, diagnostics, session?.Pages);
            timings.Mark("render");
            foreach (var (path, bytes) in assets.Files) staged.AddBytes(path, bytes);
            foreach (var file in model.Statics) staged.AddCopy(file.OutputPath, file.FullPath);
            foreach (var (path, text) in Derived(model, pageUrls, session)) staged.AddText(path, text);
            timings.Mark("feed, sitemap, export");
            LinkChecker.Check(staged, config.BasePath, config.BaseUrl.AbsoluteUri, diagnostics);
            timings.Mark("link check");
            return (null, staged, embargoed);
        }
        catch
        {
            staged.Dispose();
            OutputSwapper.Discard(staged.Folder);
            throw;
        }
    }

    // Files made from the content alone. Preview makes each again only when something it read from
    // the content changed (recorded as it was made, like a page) or, for the sitemap, the set of pages.
    private static List<(string Path, string Text)> Derived(Assemble.SiteModel model, IReadOnlyList<string> pageUrls, BuildSession? session)
    {
        (string Path, string Job, Func<string> Write)[] files =
        [
            ("feed.xml", "", () => FeedWriter.Write(model)),
            ("sitemap.xml", string.Join('\n', pageUrls), () => SitemapWriter.Sitemap(model, pageUrls)),
            ("robots.txt", "", () => SitemapWriter.Robots(model)),
            ("data/cases.json", "", () => DataExport.Json(model)),
            ("data/cases.csv", "", () => DataExport.Csv(model)),
            (SearchTerms.Path, "", () => SearchTerms.Write(model)),
        ];
        // Independent of each other, so made side by side.
        var texts = new string[files.Length];
        Parallel.For(0, files.Length, i => texts[i] = session is null ? files[i].Write() : session.Pages.Derive(files[i].Path, files[i].Job, files[i].Write));
        return files.Select((f, i) => (f.Path, texts[i])).ToList();
    }

    // Pages go straight into a staging folder beside the output as they are rendered, so memory does
    // not grow with the site; the folder is swapped in only when every check has passed. Preview,
    // after its first good build, instead keeps only the files that changed and updates its folder.
    private static StagedSite Stage(BuildOptions options, BuildSession? session)
    {
        if (options.Output is null) return new StagedSite();
        if (session is { Published: { } published } && session.PublishedTo == options.Output && Directory.Exists(options.Output))
            return new StagedSite(options.Output, published);
        return new StagedSite(OutputSwapper.StagingFolder(options.Output), hashed: options.SearchIndex || session is not null);
    }

    private static void Publish(BuildOptions options, BuildSession? session, StagedSite staged, DiagnosticBag diagnostics, PhaseTimings timings)
    {
        var output = options.Output!;
        if (session is not null)
        {
            // Unknown until the write completes: a write that fails part-way leaves the folder unknown.
            session.Published = null;
            session.PublishedTo = null;
        }

        if (staged.UpdatesFolder is not null)
        {
            var written = OutputSwapper.Update(staged);
            if (session is not null) session.LastWrite = written;
            if (options.SearchIndex) SearchIndexer.Run(options.ThemeRoot, output, staged, diagnostics);
            timings.Mark(options.SearchIndex ? "update, search index" : "update");
        }
        else
        {
            // A one-off build ends here, and nothing it read or made is needed any more but the staged
            // files: the memory is handed back before Pagefind, which needs the most. Never in preview,
            // whose next build would only have to take it again.
            if (session is null && options.SearchIndex) GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            var published = OutputSwapper.Publish(staged, output, options.SearchIndex ? dir => SearchIndexer.Run(options.ThemeRoot, dir, staged, diagnostics) : null);
            timings.Mark(options.SearchIndex ? "search index, swap" : "swap");
            if (!published) return;
            if (session is not null) session.LastWrite = (staged.Paths.Count, 0);
        }

        if (session is null) return;
        session.Published = staged.Hashes;
        session.PublishedTo = output;
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