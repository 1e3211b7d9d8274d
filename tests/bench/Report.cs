using System.Globalization;
using System.Text;

namespace Lscb.Site.Bench;

/// <summary>The Markdown report: the main table, the targets, the details and the problems.</summary>
internal static class Report
{
    private const long KiBPerGiB = 1024 * 1024;
    private const long QueryBudgetBytes = 300_000;

    public static string Markdown(BenchOptions options, Machine machine, DateTimeOffset started, TimeSpan took, TimeSpan startup,
        IReadOnlyList<SiteResult> results, IReadOnlyList<string> problems)
    {
        var sb = new StringBuilder();
        void Line(string text = "") => sb.Append(text).Append('\n');

        Line("# Build benchmark results");
        Line();
        Line($"Written by `dotnet run --project tests/bench/Bench.csproj -c Release --{(options.CommandLine.Length > 0 ? " " + options.CommandLine : "")}`; " +
             "tests/bench/README.md says what each column means and how it is measured.");
        Line();
        Line($"- Date: {started:yyyy-MM-dd HH:mm zzz}, the whole run took {took.TotalMinutes.ToString("0.0", CultureInfo.InvariantCulture)} minutes");
        Line($"- Machine: {machine.Cores} cores (nproc), {machine.Cpu}, {machine.Memory}");
        Line($"- OS: {machine.Os}");
        Line($"- .NET: {machine.Dotnet}; Node.js {machine.Node}; Pagefind {machine.Pagefind}");
        Line($"- Hugo: {(!options.Hugo ? "not measured (--no-hugo)" : machine.Hugo == "unavailable" ? $"not on PATH, so not measured: {HugoSite.InstallHint}" : machine.Hugo)}");
        Line($"- Commit: {machine.Commit}; the generator measured is a copy of bin/Release/net10.0 built from it at the start, with a copy of theme/ (so later edits and builds by others do not reach the run)");
        Line($"- Load average (1, 5, 15 min) before: {machine.LoadBefore}; after: {machine.LoadAfter}. The machine is shared: compare ratios within one run.");
        Line($"- Generator runs: `dotnet WORK/generator/Site.dll build --root DIR --output OUT --now {Harness.Now} --base-url {Harness.BaseUrl} [--no-search]`, " +
             $"each a fresh process after one uncounted warm-up; runs per size: {string.Join(", ", results.Select(r => $"{r.Label} ×{r.NoSearch.Count}"))}" +
             (options.Environment.Count > 0 ? $"; environment: {string.Join(' ', options.Environment.Select(e => $"{e.Key}={e.Value}"))}" : "; environment: nothing added (the runtime settings are the generator's own, from its Site.runtimeconfig.json)"));
        Line($"- Memory guard: a measured process tree is killed above {machine.MemoryLimit} of resident memory, or when the machine has under 2 GiB left");
        Line($"- Start-up of the generator process alone (`Site.dll --help`, median of 5): {Format.Seconds(startup)}");
        Line();

        Line("| N | pages | build without search: median (min–max) | pages/s | peak memory (generator) | with search: median (min–max) | Pagefind share | output size | index size | query download | preview: save to reloaded page, median (min–max) |");
        Line("|---|---:|---|---:|---:|---|---|---:|---:|---:|---|");
        foreach (var r in results)
        {
            if (r.NoSearch.Count == 0)
            {
                Line($"| {r.Label} | failed: see problems | | | | | | | | | {PreviewCell(options, r)} |");
                continue;
            }

            var noSearch = r.MedianNoSearch;
            var searched = r.WithSearch.Count > 0;
            var withSearch = r.MedianWithSearch;
            var share = withSearch - noSearch;
            Line($"| {r.Label} | {Format.Int(r.Pages)} | {Stats.MedianAndSpread(r.NoSearch.Select(x => x.Wall).ToList())} | " +
                 $"{Format.Number(r.Pages / noSearch.TotalSeconds)} | {Format.MiB(r.PeakGeneratorKiB)} | " +
                 (options.SkipSearch ? "skipped (--skip-search) | n/a | " : searched
                     ? $"{Stats.MedianAndSpread(r.WithSearch.Select(x => x.Wall).ToList())} | {Format.Seconds(share)} ({Format.Number(100 * share / withSearch)}%) | "
                     : $"{(r.FailedSearchRun is { } f ? $"failed: {(f.Killed is null ? "exit " + f.ExitCode : "killed")} after {Format.Seconds(f.Wall)}" : "failed")} (see problems) | " +
                       $"{(r.PagefindAlone is { Succeeded: true } pa ? $"n/a; Pagefind on its own: {Format.Seconds(pa.Wall)}" : "n/a")} | ") +
                 $"{Format.Bytes(r.OutputBytes)} | {(r.IndexBytes > 0 ? Format.Bytes(r.IndexBytes) + Dagger(r) : "n/a")} | " +
                 $"{(r.Query is { } q ? Format.Bytes(q.Bytes) + Dagger(r) : "n/a")} | {PreviewCell(options, r)} |");
        }

        if (results.Any(r => r.IndexFromPagefindAlone))
        {
            Line();
            Line("† The build with search failed, so the index and the search were measured on the build without search after running Pagefind on it on its own (the same command the build runs).");
        }

        WriteEveryday(sb, options, results);
        WriteHugo(sb, options, results);

        Line();
        Line("## Targets");
        Line();
        var real = results.FirstOrDefault(r => r.Cases is null);
        var ten = results.FirstOrDefault(r => r.Cases == 10_000);
        var fifty = results.FirstOrDefault(r => r.Cases == 50_000);
        Line("- " + Target("the real site: check through ./site under 1.5 s wall, warm", real is not null,
            () => real!.SiteCheck.Count > 0 && Stats.Median(real.SiteCheck.Select(x => x.Wall).ToList()).TotalSeconds < 1.5,
            () => (real!.SiteCheck.Count > 0
                      ? $"`bash ./site check`: median {Stats.MedianAndSpread(real.SiteCheck.Select(x => x.Wall).ToList())} over {real.SiteCheck.Count} runs after one warm-up"
                      : "`bash ./site check` failed (see problems)") +
                  $"; `dotnet run --project Site.csproj -c Release -- check`: {(real.DotnetRunCheck.Count > 0 ? Stats.MedianAndSpread(real.DotnetRunCheck.Select(x => x.Wall).ToList()) : "failed (see problems)")}"));
        Line("- " + Target("the real site builds in under 1 s without Pagefind", real is { NoSearch.Count: > 0 },
            () => real!.MedianNoSearch.TotalSeconds < 1, () => $"median {Format.Seconds(real!.MedianNoSearch)}"));
        Line("- " + Target("10,000 cases build in under 3 s without Pagefind", ten is { NoSearch.Count: > 0 },
            () => ten!.MedianNoSearch.TotalSeconds < 3, () => $"median {Format.Seconds(ten!.MedianNoSearch)}, {Stats.MedianAndSpread(ten!.NoSearch.Select(x => x.Wall).ToList())}"));
        Line("- " + Target("10,000 cases build in under 1 GiB of peak memory", ten is { NoSearch.Count: > 0 },
            () => ten!.PeakGeneratorKiB < KiBPerGiB, () => $"generator peak {Format.MiB(ten!.PeakGeneratorKiB)} (without search {Format.MiB(ten.PeakNoSearchKiB)}, with search {Format.MiB(ten.PeakWithSearchKiB)}; Pagefind's own process {Format.MiB(PagefindPeak(ten))} beside it)"));
        Line("- " + Target("a query on 10,000 cases downloads under 300 kB", ten?.Query is not null,
            () => ten!.Query!.Bytes < QueryBudgetBytes, () => $"'{options.Query}': {Format.Int(ten!.Query!.Bytes)} bytes in {ten.Query.Requests} requests ({Format.Int(ten.Query.GzipBytes)} bytes with GitHub Pages' gzip)"));
        foreach (var (site, what, budgetMs) in new[] { (real, "under 300 ms on the real site", 300), (ten, "under 1 s at 10,000 cases", 1000) })
        {
            Line("- " + Target($"preview: a one-line edit of a case, from save to the reloaded page, {what}",
                site?.Preview is { Edits.Count: > 0 }, () => site!.Preview!.MedianToPage.TotalMilliseconds < budgetMs,
                () => $"{Spread(site!.Preview!.Edits.Select(e => e.ToPage))} over {Saves(site.Preview.Edits.Count)}; the preview printed \"{site.Preview.Edits[^1].Printed}\""));
        }

        // The checks' own phase, timed inside the same builds as the totals it is compared with.
        double Checks(SiteResult r) => PhaseMedian(r.NoSearch.Concat(r.WithSearch).Select(x => x.Stderr), "safeguarding checks");
        Line("- " + Target("the safeguarding checks cost under 10% of the build at 10,000 cases", ten is { WithSearch.Count: > 0 } && Checks(ten) > 0,
            () => Checks(ten!) < 0.1 * ten!.MedianWithSearch.TotalMilliseconds,
            () => $"{Ms(Checks(ten!))}, {Format.Number(100 * Checks(ten!) / ten!.MedianWithSearch.TotalMilliseconds, "0.0")}% of the build ({Format.Seconds(ten.MedianWithSearch)}); " +
                  $"{Format.Number(100 * Checks(ten) / ten.MedianNoSearch.TotalMilliseconds, "0.0")}% of the build without Pagefind ({Format.Seconds(ten.MedianNoSearch)})"));
        var hugoWhy = ten?.HugoNotMeasured;
        Line("- " + Target("10,000 cases with search: at most 0.6 x (Hugo + Pagefind)", ten is { PagefindOnHugoMeasured: true },
            () => ten!.WithSearch.Count > 0 && RatioWithSearch(ten) <= 0.6,
            () => ten!.WithSearch.Count == 0 ? "the generator's build with search failed (see problems)"
                : $"ratio {Format.Number(RatioWithSearch(ten), "0.00")} ({Format.Seconds(ten.MedianWithSearch)} / ({Format.Seconds(ten.MedianHugo)} + {Format.Seconds(ten.MedianPagefindOnHugo)} = {Format.Seconds(ten.MedianHugo + ten.MedianPagefindOnHugo)}), medians of {ten.WithSearch.Count} and {ten.Hugo.Count} runs)",
            hugoWhy ?? (options.SkipSearch ? "--skip-search" : null)));
        Line("- " + Target("10,000 cases without search: at most 0.5 x Hugo", ten is { HugoMeasured: true, NoSearch.Count: > 0 },
            () => RatioNoSearch(ten!) <= 0.5,
            () => $"ratio {Format.Number(RatioNoSearch(ten!), "0.00")} ({Format.Seconds(ten!.MedianNoSearch)} / {Format.Seconds(ten.MedianHugo)}, medians of {ten.NoSearch.Count} and {ten.Hugo.Count} runs)",
            hugoWhy));
        foreach (var (site, label, gib) in new[] { (ten, "10,000", 2), (fifty, "50,000", 7) })
        {
            Line("- " + Target($"peak memory (generator plus Pagefind) under {gib} GiB at {label} cases", site is not null && site.GeneratorPlusPagefindKiB > 0,
                () => site!.WithSearch.Count > 0 && site.GeneratorPlusPagefindKiB < gib * KiBPerGiB,
                () => MemoryNumbers(site!), options.SkipSearch ? "--skip-search" : null));
        }

        Line("- " + Target("time(50,000) / time(10,000) without search is at most 6", ten is { NoSearch.Count: > 0 } && fifty is { NoSearch.Count: > 0 },
            () => fifty!.MedianNoSearch / ten!.MedianNoSearch <= 6,
            () => $"ratio {Format.Number(fifty!.MedianNoSearch / ten!.MedianNoSearch, "0.00")} ({Format.Seconds(fifty.MedianNoSearch)} / {Format.Seconds(ten!.MedianNoSearch)}; 5 would be linear); " +
                  $"in CPU time {Format.Number(fifty.MedianCpuNoSearch / ten.MedianCpuNoSearch, "0.00")} ({Format.Seconds(fifty.MedianCpuNoSearch)} / {Format.Seconds(ten.MedianCpuNoSearch)})"));
        Line();

        Line("## Where the time goes");
        Line();
        Line("Medians of separate processes, so each difference carries the noise of two measurements. " +
             "`check` loads, validates and assembles the site and renders every page's Markdown, but renders no Razor page and writes nothing; " +
             "the generator's own figure is its \"Built N pages ... in X ms\", which leaves out the runtime's start-up and the process exit. " +
             "CPU time (user + system, the process and the node and Pagefind processes it waited for) is less sensitive to the other load on the machine than wall time; " +
             "the other load is the average number of cores busy with other processes during this size's runs (from /proc/stat). " +
             "The timed builds with search start with an empty index cache (cold); \"index of the same pages cached\" is one more build with search right after them, " +
             "when the generator can copy the index of identical pages instead of running Pagefind (1 run, one number).");
        Line();
        Line("| N | start-up | check | check − start-up (load, validate, assemble, Markdown) | build --no-search − check (Razor pages, assets, links, write) | generator's own ms, without / with search | Pagefind (with − without search) | Pagefind on its own | with search, index of the same pages cached | CPU time: check / without / with search | other load (cores) |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results.Where(r => r.NoSearch.Count > 0))
        {
            var check = r.MedianCheck;
            Line($"| {r.Label} | {Format.Seconds(startup)} | {Format.Seconds(check)} | {Format.Seconds(check - startup)} | {Format.Seconds(r.MedianNoSearch - check)} | " +
                 $"{Ms(r.InternalMsNoSearch)} / {Ms(r.InternalMsWithSearch)} | {(r.WithSearch.Count > 0 ? Format.Seconds(r.MedianWithSearch - r.MedianNoSearch) : "n/a")} | " +
                 $"{(r.PagefindAlone is { Succeeded: true } p ? Format.Seconds(p.Wall) : "n/a")} | " +
                 $"{(r.ReusedIndexRun is { } re ? Format.Seconds(re.Wall) + (re.Descendants.Keys.Any(k => k.StartsWith("pagefind", StringComparison.Ordinal)) ? " (not reused: Pagefind ran)" : "") : "n/a")} | " +
                 $"{Format.Seconds(Stats.Median(r.Checks.Select(x => x.Cpu).ToList()))} / {Format.Seconds(r.MedianCpuNoSearch)} / {(r.WithSearch.Count > 0 ? Format.Seconds(Stats.Median(r.WithSearch.Select(x => x.Cpu).ToList())) : "n/a")} | " +
                 $"{Format.Number(r.Checks.Concat(r.NoSearch).Concat(r.WithSearch).Select(x => x.OthersCores).DefaultIfEmpty(0).Average(), "0.0")} |");
        }

        var timed = results.Where(r => r.NoSearch.Any(x => Harness.Phases(x.Stderr).Count > 0)).ToList();
        if (timed.Count > 0)
        {
            // Phase names in the order the generator prints them; the last one of a build with search is its own column.
            var names = PhaseNames(timed.SelectMany(r => r.NoSearch.Select(x => x.Stderr)));

            const string SearchPhase = "search index, swap";
            Line();
            Line("Inside the generator (`SITE_TIMINGS=1`, which prints each phase's time): medians of the builds without search, " +
                 $"and of the builds with search for \"{SearchPhase}\" (Pagefind, then the swap); \"outside\" is the process's wall time less its phases " +
                 "(runtime start-up, loading and JIT before the first phase, exit).");
            Line();
            Line($"| N | {string.Join(" | ", names)} | {SearchPhase} (with search) | outside | heap after render |");
            Line($"|---|{string.Concat(names.Select(_ => "---:|"))}---:|---:|---:|");
            foreach (var r in timed)
            {
                var cells = names.Select(n => Ms(PhaseMedian(r.NoSearch.Select(x => x.Stderr), n)));
                var search = r.WithSearch.Any(x => Harness.Phases(x.Stderr).Any(p => p.Phase == SearchPhase)) ? Ms(PhaseMedian(r.WithSearch.Select(x => x.Stderr), SearchPhase)) : "n/a";
                var outside = Median(r.NoSearch.Select(x => x.Wall.TotalMilliseconds - Harness.Phases(x.Stderr).Sum(p => p.Ms)).ToList());
                var heap = r.NoSearch.SelectMany(x => Harness.Phases(x.Stderr)).Where(p => p.Phase == "render").Select(p => p.HeapMiB).DefaultIfEmpty(0).Max();
                Line($"| {r.Label} | {string.Join(" | ", cells)} | {search} | {Ms(outside)} | {(heap > 0 ? heap.ToString(CultureInfo.InvariantCulture) + " MiB" : "n/a")} |");
            }
        }

        WritePreview(sb, options, results);

        Line();
        Line("## Details");
        Line();
        Line("| N | cases / themes / responses (withheld) | Markdown in | generate | generator peak without / with search | Pagefind peak: in the build / on its own (polled; /usr/bin/time -v) | Pagefind peak per page | node peak | index files | query: requests, with gzip, status |");
        Line("|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            var g = r.Generated;
            var shape = g is null ? "the repository's input/" : $"{Format.Int(g.Shape.Cases)} / {g.Shape.Themes} / {g.Shape.Responses} ({g.Withheld})";
            var nodePeak = r.WithSearch.SelectMany(x => x.Descendants).Where(d => d.Key == "node").Select(d => d.Value).DefaultIfEmpty(0).Max();
            var killed = r.WithSearch.Count == 0 ? r.FailedSearchRun : null;
            var pagefindKilled = killed?.Descendants.Where(d => d.Key.StartsWith("pagefind", StringComparison.Ordinal)).Select(d => d.Value).DefaultIfEmpty(0).Max() ?? 0;
            var perPage = r.Pages > 0 ? PagefindPeak(r) / (double)r.Pages : 0;
            Line($"| {r.Label} | {shape} | {(g is null ? "" : Format.Bytes(g.MarkdownBytes))} | {(g is null ? "" : Format.Seconds(g.Elapsed))} | " +
                 $"{MiB(r.PeakNoSearchKiB)} / {(killed is not null ? $"{MiB(killed.PeakKiB)} when it failed" : MiB(r.PeakWithSearchKiB))} | " +
                 $"{(killed is not null ? $"{MiB(pagefindKilled)} when it failed" : MiB(r.PagefindInBuildKiB))} / " +
                 $"{MiB(r.PagefindAloneKiB)}; {(r.PagefindAloneMaxRssKiB is { } a ? Format.MiB(a) : "n/a")} | " +
                 $"{(perPage > 0 ? Format.Number(perPage) + " KiB" : "n/a")} | {MiB(nodePeak)} | {Format.Int(r.IndexFiles)} | " +
                 $"{(r.Query is { } q ? $"{q.Requests}, {Format.Bytes(q.GzipBytes)}, \"{q.Status}\"" : r.QueryError is null ? "n/a" : "n/a (" + r.QueryError + ")")} |");
        }

        var queries = results.Where(r => r.Query is not null).ToList();
        if (queries.Count > 0)
        {
            Line();
            Line($"What the search for '{options.Query}' downloaded (requests × bytes, as served without HTTP compression):");
            Line();
            foreach (var r in queries) Line($"- {r.Label}: {r.Query!.BreakdownText}");
        }

        Line();
        Line("## Problems");
        Line();
        if (problems.Count == 0) Line("None: every check, build, Pagefind run and search succeeded, and the synthetic content had no errors or warnings.");
        foreach (var p in problems) Line($"- {p.Replace("|", "\\|", StringComparison.Ordinal)}");
        return sb.ToString();
    }

    private static string PreviewCell(BenchOptions options, SiteResult r) => r.Preview switch
    {
        { Edits.Count: > 0 } p => $"{Spread(p.Edits.Select(e => e.ToPage))}, {Saves(p.Edits.Count)}",
        { } p => $"failed: {(p.Error is null ? "no save was timed" : "see problems")}",
        null when options.PreviewRuns == 0 => "not measured",
        null when (r.Cases ?? 0) > options.PreviewMax => $"not measured (over --preview-max {Format.Int(options.PreviewMax)})",
        null => "n/a",
    };

    /// <summary>The preview section: how each save was timed, the preview's own figures and its phases.</summary>
    private static void WritePreview(StringBuilder sb, BenchOptions options, IReadOnlyList<SiteResult> results)
    {
        var measured = results.Where(r => r.Preview is not null).ToList();
        if (measured.Count == 0) return;
        void Line(string text = "") => sb.Append(text).Append('\n');

        Line();
        Line("## Preview");
        Line();
        Line($"`dotnet WORK/generator/Site.dll preview --root COPY --port 0 --now {Harness.Now}` on a copy of the site, as its own process with `SITE_TIMINGS=1`. " +
             "Once it has printed its address, one line of a case's body is saved with its first word replaced by a new word, " +
             $"one uncounted warm-up save and then {options.PreviewRuns} timed saves, each once the preview is idle again. " +
             "Each save is timed from the moment the write completed: until the preview's event stream (`/__preview/events`, which open pages follow to reload) announces the new build, " +
             "and until a GET of the case's page, sent after that event, returns HTML with the new word (\"save to reloaded page\", the figure in the table above and the targets). " +
             "Both are read with HttpClient; \"in Chromium\" is a headless Chromium showing the case's page, timed until its load event after the reload with the new word on the page. " +
             $"Sites of more than {Format.Int(options.PreviewMax)} cases are not measured (`--preview-max`).");
        Line();
        Line("| N | edited | ready after (first build with drafts and search) | save to reload event | save to page with the edit (HTTP) | save to reloaded in Chromium | warm-up save: event / page | rebuilds per save | the preview printed (timed saves) | peak memory: preview / its Pagefind | on SIGTERM |");
        Line("|---|---|---:|---|---|---|---|---:|---|---:|---|");
        foreach (var r in measured)
        {
            var p = r.Preview!;
            var browser = p.Edits.All(e => e.InBrowser is not null) && p.Edits.Count > 0 ? Spread(p.Edits.Select(e => e.InBrowser!.Value)) : "n/a";
            var printed = p.Edits.Select(e => e.Rebuilt).OfType<(double Ms, int Rendered, int Unchanged)>().ToList();
            var said = printed.Count == 0 ? "n/a"
                : $"rebuilt in {Spread(printed.Select(x => x.Ms))}: " +
                  $"{Range(printed.Select(x => x.Rendered))} pages rendered, {Range(printed.Select(x => x.Unchanged))} unchanged";
            Line($"| {r.Label} | {p.Edited} | {Format.Seconds(p.Ready)} | {Spread(p.Edits.Select(e => e.ToEvent))} | {Spread(p.Edits.Select(e => e.ToPage))} | {browser} | " +
                 $"{(p.WarmUp is { } w ? $"{Ms(w.ToEvent.TotalMilliseconds)} / {Ms(w.ToPage.TotalMilliseconds)}" : "n/a")} | " +
                 $"{(p.Edits.Count > 0 ? Range(p.Edits.Select(e => e.Rebuilds)) : "n/a")} | {said} | {MiB(p.PeakKiB)} / {MiB(p.PagefindKiB)} | {p.Stop} |");
        }

        var names = PhaseNames(measured.SelectMany(r => r.Preview!.Edits.Select(e => e.Stderr)));
        if (names.Count == 0) return;
        Line();
        Line("Inside the preview's rebuilds (`SITE_TIMINGS=1`): each phase's median over the timed saves, so the phases need not add up to \"sum\", the median of each save's total of its phases. " +
             "A save's time to the reloaded page is that total plus the file watcher's notice, the preview's 50 ms wait for the editor to finish saving, the event and the GET.");
        Line();
        Line($"| N | {string.Join(" | ", names)} | sum |");
        Line($"|---|{string.Concat(names.Select(_ => "---:|"))}---:|");
        foreach (var r in measured.Where(r => r.Preview!.Edits.Count > 0))
        {
            var stderrs = r.Preview!.Edits.Select(e => e.Stderr).ToList();
            var sum = Median(stderrs.Select(e => Harness.Phases(e).Sum(p => p.Ms)).ToList());
            Line($"| {r.Label} | {string.Join(" | ", names.Select(n => Ms(PhaseMedian(stderrs, n))))} | {Ms(sum)} |");
        }
    }

    /// <summary>Phase names in the order the generator prints them.</summary>
    private static List<string> PhaseNames(IEnumerable<string> stderrs)
    {
        var names = new List<string>();
        foreach (var (phase, _, _) in stderrs.SelectMany(Harness.Phases))
        {
            if (!names.Contains(phase)) names.Add(phase);
        }

        return names;
    }

    /// <summary>The median over runs of one phase's time (summed, when a run printed it more than once).</summary>
    private static double PhaseMedian(IEnumerable<string> stderrs, string phase) =>
        Median(stderrs.Select(e => Harness.Phases(e).Where(p => p.Phase == phase).Sum(p => p.Ms)).ToList());

    private static string Saves(int n) => n == 1 ? "1 save" : $"{n} saves";

    /// <summary>Median and min–max in milliseconds.</summary>
    private static string Spread(IEnumerable<TimeSpan> times) => Spread(times.Select(t => t.TotalMilliseconds));

    private static string Spread(IEnumerable<double> milliseconds)
    {
        var ms = milliseconds.ToList();
        return ms.Count switch
        {
            0 => "n/a",
            1 => Ms(ms[0]),
            _ => $"{Ms(Median(ms))} ({Ms(ms.Min())}–{Ms(ms.Max())})",
        };
    }

    private static string Range(IEnumerable<int> values)
    {
        var list = values.ToList();
        return list.Min() == list.Max() ? Format.Int(list.Min()) : $"{Format.Int(list.Min())}–{Format.Int(list.Max())}";
    }

    /// <summary>The everyday check on the real site: through ./site and through dotnet run.</summary>
    private static void WriteEveryday(StringBuilder sb, BenchOptions options, IReadOnlyList<SiteResult> results)
    {
        var real = results.FirstOrDefault(r => r.Cases is null);
        if (real is null) return;
        void Line(string text = "") => sb.Append(text).Append('\n');

        Line();
        Line("## The everyday command");
        Line();
        Line("`check` on the repository's own site as an author runs it, from the repository root on the repository itself (not the frozen copy), with nothing added to the environment: " +
             "through the launcher `./site` (which runs bin/Release/net10.0/Site.dll directly, building it first only when the generator's code changed) and through `dotnet run`. " +
             $"One uncounted warm-up of each, then {Harness.EverydayRuns(options)} timed runs of each, alternating; wall time from start to exit.");
        Line();
        Line("| command | runs | wall: median (min–max) | CPU time, median | it printed |");
        Line("|---|---:|---|---:|---|");
        foreach (var (command, runs) in Harness.EverydayChecks.Select(Harness.Command).Zip([real.SiteCheck, real.DotnetRunCheck]))
        {
            var printed = runs.Count > 0 ? runs[^1].Stdout.Trim().Split('\n')[^1].Replace("|", "\\|", StringComparison.Ordinal) : "failed: see problems";
            Line($"| `{command}` | {runs.Count} | {Stats.MedianAndSpread(runs.Select(x => x.Wall).ToList())} | " +
                 $"{(runs.Count > 0 ? Format.Seconds(Stats.Median(runs.Select(x => x.Cpu).ToList())) : "n/a")} | {printed} |");
        }
    }

    /// <summary>The comparison with Hugo: its builds and Pagefind over them, beside the generator's figures, and the ratios.</summary>
    private static void WriteHugo(StringBuilder sb, BenchOptions options, IReadOnlyList<SiteResult> results)
    {
        var sizes = results.Where(r => r.Cases is not null).ToList();
        if (sizes.Count == 0) return;
        void Line(string text = "") => sb.Append(text).Append('\n');

        Line();
        Line("## Compared with Hugo");
        Line();
        Line("The same synthetic content built by Hugo: the Markdown files copied unchanged into a Hugo site with a minimal layout and the themes as a taxonomy (`tests/bench/hugo/`, described in tests/bench/README.md), " +
             "built with `hugo --source HUGO_SITE --destination OUT --cacheDir WORK/hugo-cache` into an emptied folder in the same working folder as the generator's output, " +
             "after one uncounted warm-up build, each timed run right after the generator's builds of the same round. " +
             $"After each Hugo build, Pagefind runs over its output as the generator runs it: `{Harness.PagefindBinary} --site OUT {string.Join(' ', Harness.PagefindOptions)}` (its npm runner through node when that binary is missing). " +
             "Ours without search is compared with Hugo alone, ours with search (the generator running Pagefind itself) with Hugo plus Pagefind: a ratio under 1 means the generator took less time. " +
             "Peak memory is each process's own VmHWM, polled as for the generator; \"generator + Pagefind\" adds up the peaks of the generator, node (when used) and Pagefind's binary in one build with search " +
             "(an upper bound of what they held at once), with the most the tree held at one sample beside it.");
        Line();
        Line("| N | pages: ours / Hugo | pages indexed: ours / Hugo | Hugo: median (min–max) | Pagefind over Hugo's output: median (min–max) | Hugo + Pagefind | ours without search | ours / Hugo | ours with search | ours / (Hugo + Pagefind) | CPU time: Hugo / Pagefind over it | peak memory: Hugo / Pagefind over it (node; its binary) | peak memory, ours with search: generator + Pagefind (sum of peaks; sampled at once) | output size: ours / Hugo | index size: ours / Hugo |");
        Line("|---|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in sizes)
        {
            if (!r.HugoMeasured)
            {
                Line($"| {r.Label} | not measured: {(r.HugoNotMeasured ?? "no Hugo run").Replace("|", "\\|", StringComparison.Ordinal)} | | | | | | | | | | | | | |");
                continue;
            }

            var pagefind = r.PagefindOnHugoMeasured;
            var ours = r.NoSearch.Count > 0;
            var oursSearch = r.WithSearch.Count > 0;
            var pfNode = r.PagefindOnHugo.Select(x => x.PeakKiB).DefaultIfEmpty(0).Max();
            var pfBinary = r.PagefindOnHugo.SelectMany(x => x.Descendants).Where(d => d.Key.StartsWith("pagefind", StringComparison.Ordinal)).Select(d => d.Value).DefaultIfEmpty(0).Max();
            Line($"| {r.Label} | {(ours ? Format.Int(r.Pages) : "n/a")} / {Format.Int(r.HugoPages)} | " +
                 $"{(r.IndexedPages > 0 ? Format.Int(r.IndexedPages) : "n/a")} / {(pagefind ? Format.Int(r.HugoIndexedPages) : "n/a")} | " +
                 $"{Stats.MedianAndSpread(r.Hugo.Select(x => x.Wall).ToList())} | " +
                 $"{(pagefind ? Stats.MedianAndSpread(r.PagefindOnHugo.Select(x => x.Wall).ToList()) : "not measured")} | " +
                 $"{(pagefind ? Format.Seconds(r.MedianHugo + r.MedianPagefindOnHugo) : "n/a")} | " +
                 $"{(ours ? Format.Seconds(r.MedianNoSearch) : "n/a")} | {(ours ? $"**{Format.Number(RatioNoSearch(r), "0.00")}**" : "n/a")} | " +
                 $"{(oursSearch ? Format.Seconds(r.MedianWithSearch) : "n/a")} | {(oursSearch && pagefind ? $"**{Format.Number(RatioWithSearch(r), "0.00")}**" : "n/a")} | " +
                 $"{Format.Seconds(Stats.Median(r.Hugo.Select(x => x.Cpu).ToList()))} / {(pagefind ? Format.Seconds(Stats.Median(r.PagefindOnHugo.Select(x => x.Cpu).ToList())) : "n/a")} | " +
                 $"{MiB(r.Hugo.Select(x => x.PeakKiB).Max())} / {(pagefind ? $"{MiB(pfNode)}; {MiB(pfBinary)}" : "n/a")} | " +
                 $"{(r.GeneratorPlusPagefindKiB > 0 ? $"{MiB(r.GeneratorPlusPagefindKiB)}; {MiB(r.GeneratorPlusPagefindSampledKiB)}" : "n/a")} | " +
                 $"{(ours ? Format.Bytes(r.OutputBytes) : "n/a")} / {Format.Bytes(r.HugoOutputBytes)} | " +
                 $"{(r.IndexBytes > 0 ? Format.Bytes(r.IndexBytes) : "n/a")} / {(pagefind ? Format.Bytes(r.HugoIndexBytes) : "n/a")} |");
        }

        if (options.SkipSearch)
        {
            Line();
            Line("With `--skip-search`, neither the generator nor the harness ran Pagefind, so only the builds without search are compared.");
        }
    }

    private static double RatioNoSearch(SiteResult r) => r.MedianNoSearch / r.MedianHugo;

    private static double RatioWithSearch(SiteResult r) => r.MedianWithSearch / (r.MedianHugo + r.MedianPagefindOnHugo);

    /// <summary>The build with search that held the most, process by process.</summary>
    private static string MemoryNumbers(SiteResult r)
    {
        var runs = r.WithSearch.Count > 0 ? r.WithSearch : [r.FailedSearchRun!];
        var top = runs.MaxBy(x => x.PeakKiB + x.DescendantPeaksKiB)!;
        var parts = string.Join(", ", new[] { $"generator {MiB(top.PeakKiB)}" }.Concat(top.Descendants.Select(d => $"{d.Key} {MiB(d.Value)}")));
        var failed = r.WithSearch.Count == 0 ? $"the build with search failed ({(top.Killed is null ? "exit " + top.ExitCode : "killed")}, see problems), having reached " : "";
        return $"{failed}{MiB(r.GeneratorPlusPagefindKiB)} ({parts}, each at its own peak, added up); {MiB(r.GeneratorPlusPagefindSampledKiB)} held at once (sampled every 50 ms); largest of {runs.Count} build(s) with search";
    }

    private static long PagefindPeak(SiteResult r) => Math.Max(r.PagefindInBuildKiB, r.PagefindAloneKiB);

    private static double Median(List<double> values)
    {
        if (values.Count == 0) return 0;
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }

    private static string MiB(long kib) => kib > 0 ? Format.MiB(kib) : "n/a";

    private static string Dagger(SiteResult r) => r.IndexFromPagefindAlone ? " †" : "";

    private static string Ms(double? ms) => ms is { } m ? Format.Int((long)m) + " ms" : "n/a";

    private static string Target(string what, bool measured, Func<bool> met, Func<string> numbers, string? notMeasuredBecause = null) =>
        !measured ? $"**not measured**: {what} ({notMeasuredBecause ?? "not in this run"})"
        : met() ? $"**met**: {what}: {numbers()}"
        : $"**not met**: {what}: {numbers()}";
}
