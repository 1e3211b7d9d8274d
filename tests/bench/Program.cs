using System.Globalization;
using Lscb.Site.Bench;

// The benchmark harness; tests/bench/README.md describes it. Exit status: 0 when everything ran
// (targets met or not), 1 when a build or the setup failed, 2 for wrong usage.
try
{
    if (args.Length > 0 && args[0] == "generate") return Harness.GenerateOnly(args[1..]);
    var options = BenchOptions.Parse(args);
    if (options is null) return 0; // --help
    return await new Harness(options).RunAsync();
}
catch (UsageException e)
{
    await Console.Error.WriteLineAsync($"error: {e.Message}\n\n{BenchOptions.Usage}");
    return 2;
}

namespace Lscb.Site.Bench
{
    internal sealed class UsageException(string message) : Exception(message);

    /// <summary>The command line.</summary>
    internal sealed class BenchOptions
    {
        public const string Usage = """
            Usage:
              dotnet run --project tests/bench/Bench.csproj -c Release -- [options]
              dotnet run --project tests/bench/Bench.csproj -c Release -- generate N DIR [HUGO_DIR]

            Options:
              --sizes LIST      case counts to benchmark (default 100,1000,10000,50000)
              --runs K          timed runs of each build, with and without search (default 3)
              --runs-large K    timed runs for sizes of 50,000 and more (default: --runs); their
                                warm-up is a check, not a whole build
              --quick           --sizes 100,1000 --runs 1 --preview-runs 1: a smoke run of the
                                harness itself
              --query WORD      the search to measure (default neglect)
              --no-query        skip the browser (the search download, and the preview's reload
                                in Chromium)
              --skip-search     time only check and build --no-search (no Pagefind, no browser,
                                no preview), for quick experiments on the generator
              --no-real         skip the repository's own site (and the everyday command on it)
              --no-hugo         skip Hugo (which is measured when hugo is on PATH)
              --preview-runs K  timed saves in the preview (default 5, after one warm-up); 0 skips it
              --preview-max N   measure the preview on synthetic sites of up to N cases (default
                                10000; the real site is always measured)
              --no-preview      --preview-runs 0
              --no-build        use bin/Release/net10.0/Site.dll as it is
              --env NAME=VALUE  set an environment variable for every generator run (repeatable),
                                e.g. --env DOTNET_gcServer=1
              --memory-limit G  kill a measured process tree that holds more than G GiB, to protect
                                the shared machine (default: 75% of MemAvailable at the start)
              --work DIR        where sites and outputs go (default: a new folder in /tmp)
              --keep            keep the generated sites and outputs
              --results FILE    where the report goes (default tests/bench/RESULTS.md; - for none)

            generate N DIR writes the synthetic site with N cases into DIR and stops; with
            HUGO_DIR, it also writes the Hugo site made from it there.
            """;

        public List<int> Sizes { get; private set; } = [100, 1000, 10000, 50000];

        public int Runs { get; private set; } = 3;

        public int? RunsLarge { get; private set; }

        public bool Quick { get; private set; }

        public string Query { get; private set; } = "neglect";

        public bool MeasureQuery { get; private set; } = true;

        public bool SkipSearch { get; private set; }

        public bool RealSite { get; private set; } = true;

        public bool Hugo { get; private set; } = true;

        public int PreviewRuns { get; private set; } = 5;

        public int PreviewMax { get; private set; } = 10_000;

        public bool BuildGenerator { get; private set; } = true;

        public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

        public string? Work { get; private set; }

        public double? MemoryLimitGiB { get; private set; }

        public bool Keep { get; private set; }

        public string? Results { get; private set; }

        public string CommandLine { get; private set; } = "";

        public int RunsFor(int cases) => IsLarge(cases) ? RunsLarge ?? Runs : Runs;

        public static bool IsLarge(int cases) => cases >= 50_000;

        public static BenchOptions? Parse(string[] args)
        {
            var o = new BenchOptions { CommandLine = string.Join(' ', args) };
            for (var i = 0; i < args.Length; i++)
            {
                var a = args[i];
                string Value() => i + 1 < args.Length ? args[++i] : throw new UsageException($"{a} needs a value");
                int Count()
                {
                    var v = Value();
                    return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                        ? n : throw new UsageException($"{a} '{v}' must be a whole number above 0");
                }

                switch (a)
                {
                    case "--sizes":
                        var list = Value();
                        o.Sizes = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                            .Select(s => int.TryParse(s.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                                ? n : throw new UsageException($"--sizes: '{s}' is not a case count"))
                            .ToList();
                        break;
                    case "--runs": o.Runs = Count(); break;
                    case "--runs-large": o.RunsLarge = Count(); break;
                    case "--quick":
                        o.Quick = true;
                        o.Sizes = [100, 1000];
                        o.Runs = 1;
                        o.PreviewRuns = 1;
                        break;
                    case "--query": o.Query = Value(); break;
                    case "--no-query": o.MeasureQuery = false; break;
                    case "--skip-search":
                        o.SkipSearch = true;
                        o.MeasureQuery = false;
                        o.PreviewRuns = 0;
                        break;
                    case "--no-real": o.RealSite = false; break;
                    case "--no-hugo": o.Hugo = false; break;
                    case "--preview-runs":
                        var runs = Value();
                        o.PreviewRuns = int.TryParse(runs, NumberStyles.None, CultureInfo.InvariantCulture, out var k)
                            ? k : throw new UsageException($"--preview-runs '{runs}' must be a whole number");
                        break;
                    case "--preview-max": o.PreviewMax = Count(); break;
                    case "--no-preview": o.PreviewRuns = 0; break;
                    case "--no-build": o.BuildGenerator = false; break;
                    case "--env":
                        var pair = Value();
                        var eq = pair.IndexOf('=', StringComparison.Ordinal);
                        if (eq <= 0) throw new UsageException($"--env '{pair}' must be NAME=VALUE");
                        o.Environment[pair[..eq]] = pair[(eq + 1)..];
                        break;
                    case "--work": o.Work = Value(); break;
                    case "--memory-limit":
                        var g = Value();
                        o.MemoryLimitGiB = double.TryParse(g, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var gib) && gib > 0
                            ? gib : throw new UsageException($"--memory-limit '{g}' must be a number of GiB");
                        break;
                    case "--keep": o.Keep = true; break;
                    case "--results": o.Results = Value(); break;
                    case "-h" or "--help":
                        Console.WriteLine(Usage);
                        return null;
                    default: throw new UsageException($"unknown option '{a}'");
                }
            }

            return o;
        }
    }
}
