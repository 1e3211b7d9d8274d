using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Lscb.Site.Support;

namespace Lscb.Site.Bench;

/// <summary>Everything measured for one site (the real one, or a synthetic one of N cases).</summary>
internal sealed class SiteResult(string label, int? cases)
{
    public string Label { get; } = label;

    public int? Cases { get; } = cases;

    public GeneratedSite? Generated { get; init; }

    public List<ProcessRun> Checks { get; } = [];

    public List<ProcessRun> NoSearch { get; } = [];

    public List<ProcessRun> WithSearch { get; } = [];

    public int Pages { get; set; }

    public long OutputBytes { get; set; }

    public long IndexBytes { get; set; }

    public int IndexFiles { get; set; }

    /// <summary>Pagefind run on its own over the no-search output (under /usr/bin/time -v when there is one).</summary>
    public ProcessRun? PagefindAlone { get; set; }

    /// <summary>Maximum resident set size reported by /usr/bin/time -v for the standalone Pagefind run.</summary>
    public long? PagefindAloneMaxRssKiB { get; set; }

    /// <summary>Peak of Pagefind's native binary in the standalone run, polled.</summary>
    public long PagefindAloneKiB => PagefindAlone?.Descendants.Where(d => d.Key.StartsWith("pagefind", StringComparison.Ordinal)).Select(d => d.Value).DefaultIfEmpty(0).Max() ?? 0;

    /// <summary>The build with search that failed (killed for memory, say), for what it had reached.</summary>
    public ProcessRun? FailedSearchRun { get; set; }

    /// <summary>A build with search run again with the index of the same pages in the generator's cache.</summary>
    public ProcessRun? ReusedIndexRun { get; set; }

    /// <summary>True when the index sizes and the search come from Pagefind run on its own (the build with search failed).</summary>
    public bool IndexFromPagefindAlone { get; set; }

    public QueryResult? Query { get; set; }

    public string? QueryError { get; set; }

    /// <summary>The preview, edited and timed (see <see cref="PreviewMeter"/>); null when not measured.</summary>
    public PreviewResult? Preview { get; set; }

    public bool Failed { get; set; }

    public List<string> Problems { get; } = [];

    /// <summary>The real site only: `bash ./site check` from the repository root, timed after one warm-up.</summary>
    public List<ProcessRun> SiteCheck { get; } = [];

    /// <summary>The real site only: `dotnet run --project Site.csproj -c Release -- check`, the same way.</summary>
    public List<ProcessRun> DotnetRunCheck { get; } = [];

    /// <summary>Pages Pagefind indexed in the build with search (files in pagefind/fragment).</summary>
    public int IndexedPages { get; set; }

    /// <summary>Hugo building the same content (synthetic sites only), each run into an emptied folder; see <see cref="HugoSite"/>.</summary>
    public List<ProcessRun> Hugo { get; } = [];

    /// <summary>Pagefind, with the generator's options, over the output of the Hugo build just before it.</summary>
    public List<ProcessRun> PagefindOnHugo { get; } = [];

    /// <summary>Why Hugo was not measured, or not to the end; null when it was.</summary>
    public string? HugoNotMeasured { get; set; }

    public bool HugoMeasured => HugoNotMeasured is null && Hugo.Count > 0;

    public bool PagefindOnHugoMeasured => HugoMeasured && PagefindOnHugo.Count == Hugo.Count;

    public int HugoPages { get; set; }

    public int HugoIndexedPages { get; set; }

    public long HugoOutputBytes { get; set; }

    public long HugoIndexBytes { get; set; }

    public TimeSpan MedianHugo => Stats.Median(Hugo.Select(r => r.Wall).ToList());

    public TimeSpan MedianPagefindOnHugo => Stats.Median(PagefindOnHugo.Select(r => r.Wall).ToList());

    /// <summary>
    /// The generator and everything it started (node, Pagefind) in a build with search, each at its
    /// own peak, added up (an upper bound of what they held together); the largest over the runs, or
    /// what a failed run had reached.
    /// </summary>
    public long GeneratorPlusPagefindKiB => SearchRuns.Select(r => r.PeakKiB + r.DescendantPeaksKiB).DefaultIfEmpty(0).Max();

    /// <summary>The same tree's resident memory at one moment, sampled every 50 ms (a lower bound); the largest over the runs.</summary>
    public long GeneratorPlusPagefindSampledKiB => SearchRuns.Select(r => r.TreePeakKiB).DefaultIfEmpty(0).Max();

    private IEnumerable<ProcessRun> SearchRuns => WithSearch.Count > 0 ? WithSearch : FailedSearchRun is { } f ? [f] : [];

    public TimeSpan MedianNoSearch => Stats.Median(NoSearch.Select(r => r.Wall).ToList());

    public TimeSpan MedianWithSearch => Stats.Median(WithSearch.Select(r => r.Wall).ToList());

    public TimeSpan MedianCpuNoSearch => Stats.Median(NoSearch.Select(r => r.Cpu).ToList());

    public TimeSpan MedianCheck => Stats.Median(Checks.Select(r => r.Wall).ToList());

    public long PeakGeneratorKiB => NoSearch.Concat(WithSearch).Select(r => r.PeakKiB).DefaultIfEmpty(0).Max();

    public long PeakNoSearchKiB => NoSearch.Select(r => r.PeakKiB).DefaultIfEmpty(0).Max();

    public long PeakWithSearchKiB => WithSearch.Select(r => r.PeakKiB).DefaultIfEmpty(0).Max();

    /// <summary>Largest peak of Pagefind's native binary seen under the generator during the with-search builds.</summary>
    public long PagefindInBuildKiB => WithSearch.SelectMany(r => r.Descendants)
        .Where(d => d.Key.StartsWith("pagefind", StringComparison.Ordinal)).Select(d => d.Value).DefaultIfEmpty(0).Max();

    /// <summary>The generator's own count of milliseconds ("Built N pages into ... in 318 ms"), median of the no-search runs.</summary>
    public double? InternalMsNoSearch => MedianOf(NoSearch.Select(r => Harness.InternalMs(r.Stdout)));

    public double? InternalMsWithSearch => MedianOf(WithSearch.Select(r => Harness.InternalMs(r.Stdout)));

    private static double? MedianOf(IEnumerable<double?> values)
    {
        var list = values.OfType<double>().Order().ToList();
        if (list.Count == 0) return null;
        return list.Count % 2 == 1 ? list[list.Count / 2] : (list[list.Count / 2 - 1] + list[list.Count / 2]) / 2;
    }
}

/// <summary>
/// Builds the generator once, then for the real site and each synthetic size: a warm-up build that is
/// not counted, the timed runs (check, build --no-search and build, each a fresh process, the
/// build runs interleaved), the output and index sizes, Pagefind on its own, and one search in the
/// browser. Writes the report.
/// </summary>
internal sealed partial class Harness(BenchOptions options)
{
    public const string Now = "2026-11-26";
    public const string BaseUrl = "https://example.github.io/lscb-learning/";

    /// <summary>Pagefind's runner in the pinned npm package, which the generator starts when the binary below is missing.</summary>
    public const string PagefindRunner = "node_modules/pagefind/lib/runner/bin.cjs";

    /// <summary>This machine's Pagefind binary in the pinned npm package, which the generator starts directly (src/Write/SearchIndexer.cs).</summary>
    public const string PagefindBinary = "node_modules/@pagefind/linux-x64/bin/pagefind_extended";

    /// <summary>
    /// The options the generator gives Pagefind (src/Write/SearchIndexer.cs, Options), for every
    /// Pagefind run the harness starts itself; <see cref="CheckPagefindOptions"/> compares them with that file.
    /// </summary>
    public static readonly string[] PagefindOptions =
        ["--force-language", "en", "--silent", "--exclude-selectors", ".app-help", "--exclude-selectors", ".app-distressing"];

    private readonly string repo = FindRepo();
    private readonly List<string> problems = [];

    /// <summary>The working folder: also the theme root of every measured site (see <see cref="PrepareAsync"/>).</summary>
    private string work = "";

    private string RepoSiteDll => Path.Combine(repo, "bin", "Release", "net10.0", "Site.dll");

    private string SiteDll => Path.Combine(work, "generator", "Site.dll");

    /// <summary>Hugo on PATH, or null (then the Hugo rows say how to install it and are not measured).</summary>
    private string? hugo;

    public static int GenerateOnly(string[] args)
    {
        if (args.Length is not (2 or 3) || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
            throw new UsageException("write it as: generate N DIR [HUGO_DIR]");
        var repo = FindRepo();
        var site = Path.GetFullPath(args[1]);
        var g = ContentGenerator.Generate(repo, site, n);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {g.Files} files ({g.Shape.Cases} cases, {g.Withheld} withheld, {g.Shape.Themes} themes, {g.Shape.Responses} responses, {Format.Bytes(g.MarkdownBytes)}) into {site} in {g.Elapsed.TotalSeconds:0.0} s."));
        if (args.Length == 3)
        {
            var h = HugoSite.Write(repo, site, Path.GetFullPath(args[2]));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote the Hugo site ({h.Files} content files) into {Path.GetFullPath(args[2])}."));
        }

        return 0;
    }

    public async Task<int> RunAsync()
    {
        var started = DateTimeOffset.Now;
        var clock = Stopwatch.StartNew();
        work = Path.GetFullPath(options.Work ?? Path.Combine(Path.GetTempPath(), $"lscb-bench-{Environment.ProcessId}"));
        Directory.CreateDirectory(work);
        Log($"Repository {repo}; working folder {work}");

        if (options.BuildGenerator)
        {
            Log("Building the generator: dotnet build Site.csproj -c Release");
            var build = ProcessMeter.Run("dotnet", ["build", Path.Combine(repo, "Site.csproj"), "-c", "Release", "-nologo", "-v", "q"], repo);
            if (!build.Succeeded)
            {
                await Console.Error.WriteLineAsync(build.Stdout + build.Stderr);
                Log("The generator did not build; nothing was measured.");
                return 1;
            }
        }

        if (!File.Exists(RepoSiteDll))
        {
            Log($"{RepoSiteDll} is missing; run without --no-build.");
            return 1;
        }

        var machine = Machine.Describe(repo);
        if (!await PrepareAsync()) return 1;
        CheckPagefindOptions();
        hugo = options.Hugo ? HugoSite.Executable() : null;
        if (options.Hugo && hugo is null)
            Log($"hugo is not on PATH, so the comparison with Hugo is not measured: {HugoSite.InstallHint}.");

        var available = ProcessMeter.MemAvailableKiB();
        ProcessMeter.MemoryLimitKiB = options.MemoryLimitGiB is { } g ? (long)(g * 1024 * 1024) : available * 3 / 4;
        Log($"Memory guard: a measured process tree is killed above {Format.MiB(ProcessMeter.MemoryLimitKiB)} (MemAvailable now {Format.MiB(available)})");
        machine.MemoryLimit = Format.MiB(ProcessMeter.MemoryLimitKiB);
        machine.LoadBefore = Machine.LoadAverage();

        // The runtime's own start-up, for reading the timings: the same process printing its usage.
        var startup = Enumerable.Range(0, 5).Select(_ => Generator(["--help"]).Wall).ToList();
        Log($"Start-up (Site --help): {Format.Seconds(Stats.Median(startup))}");

        var results = new List<SiteResult>();
        if (options.RealSite)
        {
            var real = await MeasureAsync(new SiteResult("real site", null), Path.Combine(work, "site-real"), work, "real", options.Runs, large: false);
            MeasureEverydayCheck(real);
            results.Add(real);
        }

        foreach (var n in options.Sizes)
        {
            var dir = Path.Combine(work, $"site-{n}");
            Log($"N = {n:#,0}: generating the site into {dir}");
            var generated = ContentGenerator.Generate(Path.Combine(work, "site-real"), dir, n);
            Log(string.Create(CultureInfo.InvariantCulture,
                $"  {generated.Files} files, {generated.Shape.Themes} themes, {generated.Shape.Responses} responses, {generated.Withheld} withheld, {Format.Bytes(generated.MarkdownBytes)} of Markdown, {generated.CaseBodyWords / (double)Math.Max(1, n):0} words per case body on average, in {generated.Elapsed.TotalSeconds:0.0} s"));
            var result = await MeasureAsync(new SiteResult(n.ToString("#,0", CultureInfo.InvariantCulture), n) { Generated = generated }, dir, work, n.ToString(CultureInfo.InvariantCulture), options.RunsFor(n), BenchOptions.IsLarge(n));
            results.Add(result);
            if (!options.Keep) Delete(dir);
            // A partial report after every size, so a long run that is stopped still leaves its numbers.
            if (n != options.Sizes[^1]) await WriteAsync(Report.Markdown(options, machine, started, clock.Elapsed, Stats.Median(startup), results, problems) + "\n(partial: the run is still going)\n");
        }

        machine.LoadAfter = Machine.LoadAverage();
        var report = Report.Markdown(options, machine, started, clock.Elapsed, Stats.Median(startup), results, problems);
        Console.WriteLine(report);
        await WriteAsync(report);

        if (!options.Keep)
        {
            // The link first, so that nothing can reach the repository's node_modules through it.
            File.Delete(Path.Combine(work, "node_modules"));
            Delete(work);
        }
        else
        {
            Log($"Kept {work}");
        }
        return results.Any(r => r.Failed) ? 1 : 0;
    }

    /// <summary>
    /// Freezes what is measured, so that others editing and building the repository during a long
    /// run cannot change it half-way: the built generator (bin/Release/net10.0) is copied to
    /// WORK/generator, and WORK becomes the theme root of every measured site (the generator looks
    /// for theme/ and package.json in the site folder and the folders above it) with a copy of
    /// theme/, package.json and package-lock.json and a link to the repository's node_modules.
    /// The asset and search-index caches are then WORK/.cache, which the harness may empty; the
    /// repository's own .cache is never touched. The real site is measured from a copy of
    /// statiq.config, input/, seeds/ and checks/ in WORK/site-real. Finally one build fills the asset cache.
    /// </summary>
    private async Task<bool> PrepareAsync()
    {
        var lockFile = Path.Combine(repo, "package-lock.json");
        var stamp = Path.Combine(repo, "node_modules", ".site-lock-sha256");
        if (!File.Exists(stamp) || await File.ReadAllTextAsync(stamp) != LockHash(await File.ReadAllBytesAsync(lockFile)))
        {
            // The generator would run npm ci in WORK, through the link, in the repository's node_modules.
            Log("node_modules is missing or was installed from another package-lock.json: run `dotnet run --project Site.csproj -c Release -- build` once, then the benchmark.");
            return false;
        }

        CopyTree(Path.Combine(repo, "bin", "Release", "net10.0"), Path.Combine(work, "generator"));
        CopyTree(Path.Combine(repo, "theme"), Path.Combine(work, "theme"));
        File.Copy(Path.Combine(repo, "package.json"), Path.Combine(work, "package.json"), overwrite: true);
        File.Copy(lockFile, Path.Combine(work, "package-lock.json"), overwrite: true);
        var link = Path.Combine(work, "node_modules");
        if (!Path.Exists(link)) Directory.CreateSymbolicLink(link, Path.Combine(repo, "node_modules"));
        var real = Path.Combine(work, "site-real");
        CopyTree(Path.Combine(repo, "input"), Path.Combine(real, "input"));
        // The source documents and the language list are part of the site too.
        foreach (var folder in new[] { "seeds", "checks" })
            if (Directory.Exists(Path.Combine(repo, folder))) CopyTree(Path.Combine(repo, folder), Path.Combine(real, folder));
        File.Copy(Path.Combine(repo, "statiq.config"), Path.Combine(real, "statiq.config"), overwrite: true);

        Log($"Generator and theme frozen in {work}; filling its asset cache");
        var prime = Build(real, Path.Combine(work, "out-prime"), search: false);
        Delete(Path.Combine(work, "out-prime"));
        if (!prime.Succeeded)
        {
            Log($"The real site did not build: {Tail(prime.Stdout + "\n" + prime.Stderr, 12)}");
            return false;
        }

        return true;
    }

    /// <summary>Lists a problem when the generator's Pagefind options are no longer <see cref="PagefindOptions"/>.</summary>
    private void CheckPagefindOptions()
    {
        var source = Path.Combine(repo, "src", "Write", "SearchIndexer.cs");
        var match = File.Exists(source) ? IndexerOptions().Match(File.ReadAllText(source)) : null;
        var theirs = match is { Success: true } ? QuotedString().Matches(match.Groups[1].Value).Select(m => m.Groups[1].Value).ToList() : null;
        if (theirs is null || !theirs.SequenceEqual(PagefindOptions))
        {
            var text = $"Pagefind's options: the harness runs Pagefind on its own with `{string.Join(' ', PagefindOptions)}`, but src/Write/SearchIndexer.cs " +
                       (theirs is null ? "has no Options list the harness can read" : $"gives `{string.Join(' ', theirs)}`") + ": update Harness.PagefindOptions";
            problems.Add(text);
            Log($"PROBLEM: {text}");
        }
    }

    /// <summary>What the generator writes in node_modules/.site-lock-sha256 (Hashes.OfFiles of the lock file).</summary>
    private static string LockHash(byte[] lockFile)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes("package-lock.json"));
        hash.AppendData(lockFile);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    internal static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
    }

    private async Task WriteAsync(string report)
    {
        var path = options.Results ?? Path.Combine(repo, "tests", "bench", "RESULTS.md");
        if (path == "-") return;
        await File.WriteAllTextAsync(path, report);
        Log($"Wrote {path}");
    }

    private async Task<SiteResult> MeasureAsync(SiteResult result, string root, string work, string tag, int runs, bool large)
    {
        var outNo = Path.Combine(work, $"out-{tag}-nosearch");
        var outYes = Path.Combine(work, $"out-{tag}-search");
        Log($"{result.Label}: {(large ? "a warm-up check" : "a warm-up build")}, then check, build --no-search and build, {runs} run(s) each, the builds interleaved");

        // Not counted: fills the page cache with the input and the runtime, and the asset cache.
        var warm = large ? Generator(["check", "--root", root, "--now", Now]) : Build(root, outNo, search: false);
        if (!warm.Succeeded)
        {
            Fail(result, large ? "warm-up check" : "warm-up build --no-search", warm);
            return result;
        }

        Log($"  warm-up: {Format.Seconds(warm.Wall)} ({warm.Stdout.Trim()})");
        var hugoSite = Path.Combine(work, $"hugo-{tag}");
        var outHugo = Path.Combine(work, $"out-{tag}-hugo");
        var hugoOn = PrepareHugo(result, root, hugoSite, outHugo);
        for (var i = 0; i < runs; i++)
        {
            Sync();
            var check = Generator(["check", "--root", root, "--now", Now]);
            if (!check.Succeeded)
            {
                Fail(result, "check", check);
                return result;
            }

            result.Checks.Add(check);
            if (i == 0 && !check.Stdout.Contains("no errors, 0 warnings", StringComparison.Ordinal))
                Problem(result, $"check reported warnings: {check.Stdout.Trim()} {Tail(check.Stderr, 5)}");
            Log($"  check {i + 1}/{runs}: {Describe(check)}");
        }

        var searchWorks = true;
        for (var i = 0; i < runs; i++)
        {
            foreach (var search in new[] { false, true })
            {
                if (search && (!searchWorks || options.SkipSearch)) continue;
                var output = search ? outYes : outNo;
                Delete(output);
                // Cold: the generator may reuse the index of a build with the same pages (WORK/.cache/pagefind).
                if (search) Delete(Path.Combine(work, ".cache", "pagefind"));
                Sync();
                var run = Build(root, output, search);
                if (!run.Succeeded)
                {
                    Fail(result, search ? "build" : "build --no-search", run);
                    // Without search the size is measured anyway; a failing Pagefind is itself the finding.
                    if (!search) return result;
                    result.FailedSearchRun = run;
                    searchWorks = false;
                    continue;
                }

                (search ? result.WithSearch : result.NoSearch).Add(run);
                if (!search && run.Descendants.Count > 0)
                    Problem(result, $"build --no-search run {i + 1} started {string.Join(", ", run.Descendants.Keys)}: the theme's styles or scripts were rebuilt (theme/ changed?), so this run includes sass or esbuild");
                Log($"  build{(search ? "            " : " --no-search")} {i + 1}/{runs}: {Describe(run)} ({InternalMs(run.Stdout)} ms inside)");
            }

            if (hugoOn) hugoOn = MeasureHugo(result, hugoSite, outHugo, i, runs);
        }

        if (hugoOn)
        {
            result.HugoPages = Directory.EnumerateFiles(outHugo, "*.html", SearchOption.AllDirectories).Count();
            result.HugoIndexBytes = DirectoryBytes(Path.Combine(outHugo, "pagefind"));
            result.HugoOutputBytes = DirectoryBytes(outHugo) - result.HugoIndexBytes;
            result.HugoIndexedPages = FileCount(Path.Combine(outHugo, "pagefind", "fragment"));
        }

        if (!options.Keep)
        {
            Delete(outHugo);
            Delete(hugoSite);
        }

        if (searchWorks && !options.SkipSearch)
        {
            // One more build with search, now with the index of the same pages in the cache, when the generator keeps one.
            Delete(outYes);
            Sync();
            var reused = Build(root, outYes, search: true);
            if (reused.Succeeded)
            {
                result.ReusedIndexRun = reused;
                Log($"  build, index cache present: {Describe(reused)}{(reused.Descendants.Keys.Any(k => k.StartsWith("pagefind", StringComparison.Ordinal)) ? " (Pagefind ran: no index was reused)" : "")}");
            }
            else
            {
                Problem(result, $"the build with search and the index cache present failed: {Tail(reused.Stdout + "\n" + reused.Stderr, 6)}");
            }
        }

        result.Pages = Directory.EnumerateFiles(outNo, "*.html", SearchOption.AllDirectories).Count();
        result.OutputBytes = DirectoryBytes(outNo); // before Pagefind on its own adds pagefind/ to it
        if (searchWorks && !options.SkipSearch)
        {
            var withPages = Directory.EnumerateFiles(outYes, "*.html", SearchOption.AllDirectories).Count();
            if (withPages != result.Pages) Problem(result, $"the builds with and without search wrote different page counts ({withPages} and {result.Pages})");
        }

        // Pagefind on its own adds pagefind/ to the no-search output, which is then the same site a
        // build with search writes: when that build failed, the index and the search are measured on it.
        var alone = !options.SkipSearch && MeasurePagefindAlone(result, outNo);
        var searched = options.SkipSearch ? null : searchWorks ? outYes : alone ? outNo : null;
        result.IndexFromPagefindAlone = !searchWorks && alone && !options.SkipSearch;
        if (searched is not null)
        {
            var index = Path.Combine(searched, "pagefind");
            result.IndexBytes = DirectoryBytes(index);
            result.IndexFiles = Directory.EnumerateFiles(index, "*", SearchOption.AllDirectories).Count();
            result.IndexedPages = FileCount(Path.Combine(index, "fragment"));
        }


        if (options.MeasureQuery && searched is not null)
        {
            try
            {
                Log($"  search for '{options.Query}' in Chromium");
                result.Query = await QueryMeter.MeasureAsync(searched, options.Query);
                Log($"  query: {Format.Bytes(result.Query.Bytes)} in {result.Query.Requests} requests ({result.Query.Status}); {result.Query.BreakdownText}");
            }
#pragma warning disable CA1031 // Any failure of the browser (missing, crashed, timed out) is reported as n/a, not a crash of the harness.
            catch (Exception e)
#pragma warning restore CA1031
            {
                result.QueryError = e.GetType().Name + ": " + FirstLine(e.Message);
                Problem(result, $"search in Chromium: {result.QueryError}");
            }
        }

        if (!options.Keep)
        {
            Delete(outNo);
            Delete(outYes);
        }

        if (options.PreviewRuns > 0 && (result.Cases ?? 0) <= options.PreviewMax)
            await MeasurePreviewAsync(result, root, tag);
        return result;
    }

    /// <summary>Starts the preview on a copy of the site, saves one line of a case again and again, and times each reload.</summary>
    private async Task MeasurePreviewAsync(SiteResult result, string root, string tag)
    {
        Log($"{result.Label}: preview, one warm-up save and {options.PreviewRuns} timed save(s) of one line of a case");
        var meter = new PreviewMeter(SiteDll, work, GeneratorEnvironment(), Log);
        var preview = await meter.MeasureAsync(root, tag, options.PreviewRuns, options.MeasureQuery);
        result.Preview = preview;
        if (preview.Error is not null) Problem(result, $"preview: {preview.Error}");
        if (preview.BrowserError is not null) Problem(result, $"preview in Chromium: {preview.BrowserError}");
        if (preview.Edits.Any(e => e.StaleAfterEvent))
            Problem(result, $"preview: after the reload event, the case's page was still the old one in {preview.Edits.Count(e => e.StaleAfterEvent)} of {preview.Edits.Count} saves");
        if (preview.Edits.Any(e => e.Rebuilds != 1))
            Problem(result, $"preview: one save caused {string.Join(", ", preview.Edits.Select(e => e.Rebuilds))} rebuilds");
        if (!preview.Stop.Contains("exit 0", StringComparison.Ordinal)) Problem(result, $"preview: on SIGTERM: {preview.Stop}");
    }

    private static string Describe(ProcessRun run)
    {
        var children = string.Join(", ", run.Descendants.Select(d => $"{d.Key} {Format.MiB(d.Value)}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{Format.Seconds(run.Wall)}, CPU {Format.Seconds(run.Cpu)}, peak {Format.MiB(run.PeakKiB)}{(children.Length > 0 ? $"; children: {children}" : "")}; others used {run.OthersCores:0.0} cores");
    }

    /// <summary>The everyday commands an author runs on the real site, from the repository root.</summary>
    internal static readonly (string Program, string[] Arguments)[] EverydayChecks =
    [
        ("bash", ["./site", "check"]),
        ("dotnet", ["run", "--project", "Site.csproj", "-c", "Release", "--", "check"]),
    ];

    /// <summary>At least 3 timed runs of each everyday check (see <see cref="EverydayChecks"/>).</summary>
    public static int EverydayRuns(BenchOptions options) => Math.Max(3, options.Runs);

    /// <summary>
    /// The everyday command on the repository's own site, as an author runs it: `bash ./site check`
    /// (the launcher, which runs the compiled generator directly unless its code changed) and, for
    /// comparison, `dotnet run --project Site.csproj -c Release -- check`, each from the repository
    /// root on the repository itself (not the frozen copy: the launcher is what is measured), one
    /// uncounted warm-up each, then the timed runs alternating. Unlike the builds, nothing is added
    /// to the environment.
    /// </summary>
    private void MeasureEverydayCheck(SiteResult real)
    {
        var runs = EverydayRuns(options);
        var lists = new[] { real.SiteCheck, real.DotnetRunCheck };
        Log($"{real.Label}: the everyday check from {repo}: one warm-up, then {runs} timed runs, of each of {string.Join(" and ", EverydayChecks.Select(Command))}");
        var working = new bool[EverydayChecks.Length];
        for (var round = -1; round < runs; round++)
        {
            for (var k = 0; k < EverydayChecks.Length; k++)
            {
                if (round >= 0 && !working[k]) continue;
                var (program, arguments) = EverydayChecks[k];
                var run = ProcessMeter.Run(program, arguments, repo);
                var what = round < 0 ? $"{Command(EverydayChecks[k])} (warm-up)" : $"{Command(EverydayChecks[k])} run {round + 1}";
                if (!run.Succeeded)
                {
                    Problem(real, $"{what} failed (exit {run.ExitCode}) after {Format.Seconds(run.Wall)}: {Tail(run.Stdout + "\n" + run.Stderr, 6)}");
                    working[k] = false;
                    continue;
                }

                working[k] = true;
                Log($"  {what}: {Describe(run)}");
                if (round < 0) continue;
                lists[k].Add(run);
                if (run.Stderr.Contains("Building the generator", StringComparison.Ordinal))
                    Problem(real, $"{what} rebuilt the generator (its code changed during the run), so that run includes a build");
            }
        }
    }

    internal static string Command((string Program, string[] Arguments) command) => $"{command.Program} {string.Join(' ', command.Arguments)}";

    /// <summary>
    /// Writes the Hugo site of a synthetic site's content and builds it once, uncounted (the warm-up,
    /// as the generator's); false, with the reason in the result, when Hugo is not to be measured.
    /// </summary>
    private bool PrepareHugo(SiteResult result, string root, string hugoSite, string outHugo)
    {
        if (result.Cases is null) return false; // The real site has no Hugo counterpart.
        if (!options.Hugo)
        {
            result.HugoNotMeasured = "--no-hugo";
            return false;
        }

        if (hugo is null)
        {
            result.HugoNotMeasured = $"hugo is not on PATH: {HugoSite.InstallHint}";
            return false;
        }

        var content = HugoSite.Write(repo, root, hugoSite);
        Log(string.Create(CultureInfo.InvariantCulture, $"  Hugo site: {content.Files} content files copied into {hugoSite} in {content.Elapsed.TotalSeconds:0.0} s; a warm-up Hugo build"));
        var warm = Hugo(hugoSite, outHugo);
        if (!warm.Succeeded)
        {
            HugoFailed(result, "Hugo's warm-up build", warm);
            return false;
        }

        Log($"  Hugo warm-up: {Describe(warm)} ({Tail(warm.Stdout, 1)})");
        return true;
    }

    /// <summary>One timed Hugo build, then Pagefind over its output (unless --skip-search); false once one failed.</summary>
    private bool MeasureHugo(SiteResult result, string hugoSite, string outHugo, int i, int runs)
    {
        Delete(outHugo);
        Sync();
        var build = Hugo(hugoSite, outHugo);
        if (!build.Succeeded)
        {
            HugoFailed(result, "a Hugo build", build);
            return false;
        }

        result.Hugo.Add(build);
        Log($"  hugo {i + 1}/{runs}: {Describe(build)}");
        if (options.SkipSearch) return true;
        Sync();
        var (program, arguments) = PagefindOver(outHugo);
        var index = ProcessMeter.Run(program, arguments, work);
        if (!index.Succeeded)
        {
            HugoFailed(result, "Pagefind over Hugo's output", index);
            return false;
        }

        result.PagefindOnHugo.Add(index);
        Log($"  Pagefind over Hugo's output {i + 1}/{runs}: {Describe(index)}");
        return true;
    }

    // Pagefind started as the generator starts it: its binary directly, or node's runner without one.
    private (string Program, string[] Arguments) PagefindOver(string site)
    {
        var binary = Path.Combine(work, PagefindBinary);
        return File.Exists(binary) ? (binary, ["--site", site, .. PagefindOptions]) : ("node", [PagefindRunner, "--site", site, .. PagefindOptions]);
    }

    private ProcessRun Hugo(string hugoSite, string output) =>
        ProcessMeter.Run(hugo!, ["--source", hugoSite, "--destination", output, "--cacheDir", Path.Combine(work, "hugo-cache")], work);

    private void HugoFailed(SiteResult result, string what, ProcessRun run)
    {
        result.HugoNotMeasured = $"{what} failed (see problems)";
        Problem(result, $"{what} failed (exit {run.ExitCode}) after {Format.Seconds(run.Wall)}: {Tail(run.Stdout + "\n" + run.Stderr, 8)}");
    }

    /// <summary>Runs Pagefind over the no-search output, leaving its pagefind/ there; true when it worked.</summary>
    private bool MeasurePagefindAlone(SiteResult result, string site)
    {
        var (program, arguments) = PagefindOver(site);
        var time = File.Exists("/usr/bin/time");
        Sync();
        var run = time
            ? ProcessMeter.Run("/usr/bin/time", ["-v", program, .. arguments], work)
            : ProcessMeter.Run(program, arguments, work);
        result.PagefindAlone = run;
        if (!run.Succeeded)
        {
            Problem(result, $"Pagefind on its own failed (exit {run.ExitCode}) after {Format.Seconds(run.Wall)}: {Tail(run.Stdout + run.Stderr, 5)}");
            return false;
        }

        var rss = MaxRss().Match(run.Stderr);
        if (rss.Success) result.PagefindAloneMaxRssKiB = long.Parse(rss.Groups[1].Value, CultureInfo.InvariantCulture);
        Log($"  Pagefind alone: {Describe(run)}; Pagefind's peak {Format.MiB(result.PagefindAloneKiB)} (/usr/bin/time -v: {(result.PagefindAloneMaxRssKiB is { } t ? Format.MiB(t) : "n/a")})");
        return true;
    }

    private ProcessRun Build(string root, string output, bool search) =>
        Generator(["build", "--root", root, "--output", output, "--now", Now, "--base-url", BaseUrl, .. search ? Array.Empty<string>() : ["--no-search"]]);

    private ProcessRun Generator(string[] args) => ProcessMeter.Run("dotnet", [SiteDll, .. args], work, GeneratorEnvironment());

    private Dictionary<string, string> GeneratorEnvironment()
    {
        // SITE_TIMINGS=1: the generator prints each phase's time on standard error (older versions ignore it).
        var environment = new Dictionary<string, string>(options.Environment, StringComparer.Ordinal);
        environment.TryAdd("SITE_TIMINGS", "1");
        return environment;
    }

    /// <summary>The generator's "timing: PHASE  N ms  [cpu C ms]  (heap M MiB[, collections ...])" lines, in order.</summary>
    internal static List<(string Phase, double Ms, long HeapMiB)> Phases(string stderr) =>
        PhaseLine().Matches(stderr).Select(m => (m.Groups["phase"].Value.Trim(),
            double.Parse(m.Groups["ms"].Value, CultureInfo.InvariantCulture),
            long.Parse(m.Groups["heap"].Value, CultureInfo.InvariantCulture))).ToList();

    private void Fail(SiteResult result, string what, ProcessRun run)
    {
        result.Failed = true;
        Problem(result, $"{what} failed (exit {run.ExitCode}) after {Format.Seconds(run.Wall)}: {Tail(run.Stdout + "\n" + run.Stderr, 12)}");
    }

    private void Problem(SiteResult result, string text)
    {
        problems.Add($"{result.Label}: {text}");
        Log($"  PROBLEM: {text}");
    }

    internal static double? InternalMs(string stdout)
    {
        var m = BuiltIn().Match(stdout);
        return m.Success ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    private static void Sync()
    {
        // Flushes the previous run's written pages to disk, so that one run's write-back does not land in the next.
        using var p = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false });
        p?.WaitForExit();
    }

    private static int FileCount(string dir) =>
        Directory.Exists(dir) ? Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Count() : 0;

    private static long DirectoryBytes(string dir) =>
        Directory.Exists(dir) ? new DirectoryInfo(dir).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;

    private static void Delete(string dir)
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }

    private static string Tail(string text, int lines)
    {
        var all = text.Trim().Split('\n');
        return string.Join(" | ", all.Skip(Math.Max(0, all.Length - lines))).Trim();
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    private static void Log(string text) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {text}");

    /// <summary>The repository above the current folder, else above the benchmark's own.</summary>
    private static string FindRepo() => RepositoryFolder.Find(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    [GeneratedRegex(@"^timing: (?<phase>.+?)\s+(?<ms>\d+) ms\s+(?:cpu\s+\d+ ms\s+)?\(heap (?<heap>\d+) MiB[,)]", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex PhaseLine();

    [GeneratedRegex(@" in (\d+) ms", RegexOptions.CultureInvariant)]
    private static partial Regex BuiltIn();

    [GeneratedRegex(@"string\[\] Options\s*=\s*\[([^\]]*)\]", RegexOptions.CultureInvariant)]
    private static partial Regex IndexerOptions();

    [GeneratedRegex("\"([^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedString();

    [GeneratedRegex(@"Maximum resident set size \(kbytes\): (\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex MaxRss();
}
