using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Lscb.Site.Assemble;
using Lscb.Site.Core;
using Lscb.Site.Load;
using Lscb.Site.Render;
using Lscb.Site.Validate;

namespace Lscb.Site.Tests;

/// <summary>The generator run as its own process (<c>dotnet Site.dll ...</c>), as CI and Board staff run it.</summary>
internal static class SiteProcess
{
    /// <summary>The generator, copied next to the test assembly by the project reference.</summary>
    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "Site.dll");

    /// <summary>The dotnet host running the tests (so the same runtime), else the one on PATH.</summary>
    public static string Dotnet { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p
        : "dotnet";

    public static ProcessStartInfo StartInfo(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        Assert.True(File.Exists(Dll), $"{Dll} is missing: the test project's reference to Site.csproj should copy it there");
        var info = new ProcessStartInfo(Dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        // Not in GitHub Actions' annotation mode, whatever the test run's own environment.
        info.Environment.Remove("GITHUB_ACTIONS");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        }

        return info;
    }

    /// <summary>Runs to the end (killed after <paramref name="timeout"/>, which fails the test).</summary>
    public static (int Code, string Out, string Err) Run(IEnumerable<string> args, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var process = Process.Start(StartInfo(args, environment))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"'Site {string.Join(' ', args)}' did not finish within {timeout.TotalSeconds} s:\n{Tail(stderr.Result)}");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public static string Head(string text, int lines) =>
        string.Join('\n', text.Split('\n').Take(lines).Select(l => l.Length > 300 ? l[..300] + "..." : l));

    public static string Tail(string text, int lines = 20) =>
        string.Join('\n', text.Split('\n').TakeLast(lines));
}

/// <summary>Every file of a folder by its SHA-256, and a readable account of how two such snapshots differ.</summary>
internal static class Snapshots
{
    public static SortedDictionary<string, string> Of(string dir) =>
        new(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(dir, f).Replace('\\', '/'),
            f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);

    /// <summary>Empty when equal; otherwise up to 20 lines naming the missing, extra and changed files.</summary>
    public static string Difference(IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual)
    {
        var lines = new List<string>();
        lines.AddRange(expected.Keys.Where(k => !actual.ContainsKey(k)).Select(k => "missing: " + k));
        lines.AddRange(actual.Keys.Where(k => !expected.ContainsKey(k)).Select(k => "extra:   " + k));
        lines.AddRange(expected.Where(p => actual.TryGetValue(p.Key, out var h) && h != p.Value).Select(p => "changed: " + p.Key));
        return lines.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture,
            $"{lines.Count} differences ({expected.Count} files expected, {actual.Count} found):\n{string.Join('\n', lines.Take(20))}");
    }
}

/// <summary>
/// The output folder only ever holds a whole site: a build killed while writing, or one whose last step
/// (the search index) fails, leaves the previous site byte for byte.
/// </summary>
public sealed class AtomicOutputTests
{
    /// <summary>Enough pages that writing the staged site and indexing it take seconds, not milliseconds.</summary>
    private const int BulkCases = 2500;

    private static readonly DateOnly Today = new(2026, 11, 26);

    [Fact]
    public async Task Given_a_build_process_killed_while_writing_the_staged_site_Then_output_is_byte_identical_and_the_next_build_removes_the_leftover()
    {
        using var site = new TestSite();
        var first = site.Build(today: Today);
        Assert.False(first.Failed, string.Join('\n', first.Diagnostics));
        var before = Snapshots.Of(site.Output);

        for (var i = 0; i < BulkCases; i++)
        {
            site.Write(string.Create(CultureInfo.InvariantCulture, $"input/cases/bulk-{i:D4}.md"), TestSite.Case(
                string.Create(CultureInfo.InvariantCulture, $"Bulk case {i}"), "themes: [neglect]\nresponses: [strategy]",
                string.Create(CultureInfo.InvariantCulture, $"## What happened\n\nBulk case {i}: enough words about learning, practice and agencies to index.\n")));
        }

        using var process = Process.Start(SiteProcess.StartInfo(["build", "--root", site.Root, "--now", "2026-11-26"]))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        string? staging = null;
        var killRequested = false;
        var clock = Stopwatch.StartNew();
        while (!process.HasExited && clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            staging = Directory.EnumerateDirectories(site.Root, ".output.staging-*").FirstOrDefault();
            if (staging is not null && HasAnyFile(staging))
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                    killRequested = true;
                }
                catch (InvalidOperationException)
                {
                    // It finished between the check and the kill; reported below.
                }

                break;
            }

            await Task.Delay(2); // polling interval, not an assertion
        }

        if (!killRequested && !process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"no staging folder with files appeared within {clock.Elapsed.TotalSeconds:F0} s:\n{SiteProcess.Tail(await stderr)}");
        }

        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            Assert.Fail("the killed build did not stop within 30 s");
        }

        var printed = await stdout;
        var built = printed.Contains("Built ", StringComparison.Ordinal);
        Assert.True(killRequested && process.ExitCode != 0 && !built,
            $"the build finished (exit {process.ExitCode}) before it could be killed while writing: make the site larger than {BulkCases} cases. " +
            $"stdout: {SiteProcess.Tail(printed, 3)}");
        Assert.True(staging is not null && Directory.Exists(staging),
            "a build killed while writing leaves its staging folder; it is gone, so the kill did not happen mid-write");

        var after = Snapshots.Of(site.Output);
        var difference = Snapshots.Difference(before, after);
        Assert.True(difference.Length == 0, $"the killed build changed output/: {difference}");

        var again = site.Build(today: Today);
        Assert.False(again.Failed, string.Join('\n', again.Diagnostics.Where(d => d.Severity == Severity.Error)));
        var leftovers = Directory.EnumerateDirectories(site.Root, ".output.*").Select(Path.GetFileName).ToList();
        Assert.True(leftovers.Count == 0, $"the next build left {string.Join(", ", leftovers)} beside output/");
        Assert.True(File.Exists(Path.Combine(site.Output, "cases/bulk-0000/index.html")), "the next build did not publish the new site");
    }

    /// <summary>
    /// The last step of a build, Pagefind indexing the staged site, fails: the site folder gets a theme
    /// root of its own (found before the repository's) whose node_modules links every real package
    /// except pagefind, which is replaced by a runner that exits 1.
    /// </summary>
    [Fact]
    public void Given_the_search_index_fails_as_the_last_step_When_built_Then_SCR041_and_output_is_byte_identical_with_no_staging_left()
    {
        using var site = new TestSite();
        var first = site.Build(today: Today);
        Assert.False(first.Failed, string.Join('\n', first.Diagnostics));
        var before = Snapshots.Of(site.Output);

        BreakPagefind(site.Root);
        Assert.Equal(Path.GetFullPath(site.Root), site.Options().ThemeRoot);
        site.Write("input/cases/child-b.md", TestSite.Case("Child B", "themes: [neglect]\nresponses: [strategy]"));
        var result = site.Build(today: Today);

        Assert.True(result.Failed, "the build should fail when the search index cannot be built");
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("SCR041", error.Code);
        Assert.Contains("pagefind exploded on purpose", error.Message, StringComparison.Ordinal);
        var difference = Snapshots.Difference(before, Snapshots.Of(site.Output));
        Assert.True(difference.Length == 0, $"a build that failed in its last step changed output/: {difference}");
        var leftovers = Directory.EnumerateDirectories(site.Root, ".output.*").Select(Path.GetFileName).ToList();
        Assert.True(leftovers.Count == 0, $"the failed build left {string.Join(", ", leftovers)} beside output/");
    }

    /// <summary>
    /// Pages are written into the staging folder as they are rendered, and a broken link in a page
    /// body is only found while rendering: by then part of the new site is on disk beside output/.
    /// </summary>
    [Fact]
    public void Given_an_error_found_while_pages_are_written_When_built_Then_output_is_byte_identical_with_no_staging_left()
    {
        using var site = new TestSite();
        var first = site.Build(today: Today);
        Assert.False(first.Failed, string.Join('\n', first.Diagnostics));
        var before = Snapshots.Of(site.Output);

        site.Write("input/cases/child-b.md", TestSite.Case("Child B", "themes: [neglect]\nresponses: [strategy]") + "\nSee [the plan](../responses/no-such-plan.md).\n");
        var result = site.Build(today: Today);

        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("SCR020", error.Code);
        Assert.Equal("input/cases/child-b.md", error.At.File);
        var difference = Snapshots.Difference(before, Snapshots.Of(site.Output));
        Assert.True(difference.Length == 0, $"a build that failed while writing pages changed output/: {difference}");
        var leftovers = Directory.EnumerateDirectories(site.Root, ".output.*").Select(Path.GetFileName).ToList();
        Assert.True(leftovers.Count == 0, $"the failed build left {string.Join(", ", leftovers)} beside output/");
    }

    private static bool HasAnyFile(string dir)
    {
        try
        {
            return Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Any();
        }
        catch (IOException)
        {
            return false;
        }
    }

    // The links are removed with the test site: a recursive delete removes a symbolic link, never what it points to.
    private static void BreakPagefind(string root)
    {
        Directory.CreateSymbolicLink(Path.Combine(root, "theme"), Path.Combine(Repo.Root, "theme"));
        Directory.CreateSymbolicLink(Path.Combine(root, ".cache"), Path.Combine(Repo.Root, ".cache"));
        File.Copy(Path.Combine(Repo.Root, "package.json"), Path.Combine(root, "package.json"));
        File.Copy(Path.Combine(Repo.Root, "package-lock.json"), Path.Combine(root, "package-lock.json"));
        var modules = Path.Combine(root, "node_modules");
        Directory.CreateDirectory(modules);
        foreach (var entry in Directory.EnumerateFileSystemEntries(Path.Combine(Repo.Root, "node_modules")))
        {
            var name = Path.GetFileName(entry);
            if (name is "pagefind" or ".site-lock-sha256" or ".bin") continue;
            if (Directory.Exists(entry)) Directory.CreateSymbolicLink(Path.Combine(modules, name), entry);
            else File.CreateSymbolicLink(Path.Combine(modules, name), entry);
        }

        var runner = Path.Combine(modules, "pagefind", "lib", "runner");
        Directory.CreateDirectory(runner);
        File.WriteAllText(Path.Combine(modules, "pagefind", "package.json"), "{\"name\":\"pagefind\",\"version\":\"0.0.0\"}\n");
        File.WriteAllText(Path.Combine(runner, "bin.cjs"), "process.stderr.write('pagefind exploded on purpose\\n');\nprocess.exit(1);\n");
        // The stamp NpmTools compares, so it does not run 'npm ci' over the prepared folder.
        File.WriteAllText(Path.Combine(modules, ".site-lock-sha256"), Hashes.OfFiles([Path.Combine(root, "package-lock.json")], root));
    }
}

/// <summary>The output does not depend on the machine's language, locale or time zone.</summary>
public sealed class CultureAndTimeZoneTests
{
    [Fact]
    public void Given_German_and_Turkish_locales_and_far_time_zones_When_built_as_processes_Then_every_output_file_is_byte_identical()
    {
        using var site = new TestSite(new Dictionary<string, string>
        {
            ["input/themes/invisible-children.md"] = "---\ntitle: Invisible children\nsummary: \"Children who are not seen: İ, ı, I and i.\"\n---\nText with \"quotes\", 1.234,5 and 3,5%.\n",
            ["input/cases/child-i.md"] = TestSite.Case("Child I",
                "themes: [invisible-children, neglect]\nresponses: [strategy, identity-and-inclusion]\npublished: 2016-11\nyear: 2016-17",
                "## What happened\n\nInformation about CHILD I was shared in İzmir on 31/12/2016; it is inconsistent with 1.5 and 2,5.\n\n| Item | Date |\n|---|---|\n| I | 2016-11-30 |\n"),
            ["input/cases/child-j.md"] = TestSite.Case("Child J", "themes: [invisible-children]\nresponses: [strategy]\npublished: 2017-02-28"),
            ["input/responses/identity-and-inclusion.md"] = "---\ntitle: Identity and inclusion\nsummary: INCLUSION is in place.\nstatus: in-progress\nas_at: 2017-03\nthemes: [invisible-children]\nsources: [bulletin]\ndate: 2017-03-09\n---\nText.\n",
        });

        // DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false overrides the InvariantGlobalization of Directory.Build.props
        // (Site.runtimeconfig.json), so the second and third builds really run with ICU's German and Turkish cultures.
        var environments = new (string Name, Dictionary<string, string?> Variables)[]
        {
            ("default", []),
            ("de_DE, Pacific/Auckland", new()
            {
                ["LANG"] = "de_DE.UTF-8", ["LC_ALL"] = "de_DE.UTF-8", ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "false", ["TZ"] = "Pacific/Auckland",
            }),
            ("tr_TR, America/St_Johns", new()
            {
                ["LANG"] = "tr_TR.UTF-8", ["LC_ALL"] = "tr_TR.UTF-8", ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "false", ["TZ"] = "America/St_Johns",
            }),
        };

        var snapshots = new List<(string Name, SortedDictionary<string, string> Files)>();
        for (var i = 0; i < environments.Length; i++)
        {
            var output = Path.Combine(site.Root, string.Create(CultureInfo.InvariantCulture, $"out-{i}"));
            var (code, _, err) = SiteProcess.Run(["build", "--root", site.Root, "--now", "2026-11-26", "--output", output],
                TimeSpan.FromMinutes(3), environments[i].Variables);
            Assert.True(code == 0, $"{environments[i].Name}: exit {code}\n{SiteProcess.Tail(err)}");
            snapshots.Add((environments[i].Name, Snapshots.Of(output)));
        }

        Assert.Contains("cases/child-i/index.html", snapshots[0].Files.Keys);
        Assert.Contains("themes/invisible-children/index.html", snapshots[0].Files.Keys);
        var turkish = File.ReadAllText(Path.Combine(site.Root, "out-2", "cases/child-i/index.html"));
        Assert.Contains("Child I", turkish, StringComparison.Ordinal);
        Assert.Contains("themes/invisible-children/", turkish, StringComparison.Ordinal);
        foreach (var (name, files) in snapshots.Skip(1))
        {
            var difference = Snapshots.Difference(snapshots[0].Files, files);
            Assert.True(difference.Length == 0, $"built under {name}, the output differs from the default build: {difference}");
        }
    }
}

/// <summary>
/// Thousands of seeded random front matter documents and Markdown bodies through the Load, Validate,
/// Assemble and Render phases in memory: nothing throws, every diagnostic points into an input file,
/// and every rejected document is told why. Set FUZZ_SEED to replay or vary a run.
/// </summary>
public sealed class RandomInputTests
{
    private const int Documents = 3000;
    private const int Batch = 100;
    private const int RandomByteArrays = 3000;

    private static readonly string[] Baseline = ["input/index.md", "input/themes/neglect.md", "input/themes/domestic-abuse.md", "input/themes/toxic-trio.md", "input/responses/strategy.md"];

    private static readonly string[] YamlTokens =
    [
        ": ", ":", "[", "]", "{", "}", "\"", "'", "#", "&", "*", "!", "|", ">", "%", "@", "\t", "- ", "? ", ",", "`", "~", "\\", "\\x01",
        "---\n", "...\n", "&a ", "*a", "!!str ", "!!binary ", "<<: ", "null", "yes", "no", "on", "2017-02-30", "0x1F", ".inf", "1e400",
    ];

    private static readonly string[] OddCharacters =
    [
        "\u0000", "\u0001", "\u0007", "\u001B", "\u007F", "\u0085", "\u00A0", "\u2028", "\u2029", "\u200B", "\u200E", "\u202E", "\uFEFF",
        "\uFFFE", "\uFFFF", "\uFFFD", "\uD800", "\uDFFF", "\U0001F600", "e\u0301", "İ", "ı", "ß", "ﬁ", "\u0130\u0131", "中文", "العربية", "\r", "\v", "\f",
    ];

    private static readonly string[] Schemes =
    [
        "javascript:alert(1)", "JavaScript:alert(1)", " javascript:x", "java\tscript:x", "&#106;avascript:x", "data:text/html,<b>x</b>", "vbscript:x",
        "http://example.org/", "https://example.org/a?b=c#d", "mailto:a@example.org", "ftp://x/", "//evil.example/", "file:///etc/passwd",
        "../cases/child-a.md", "../themes/neglect.md", "../themes/neglect.md#text", "../responses/strategy.md", "../cases/nope.md",
        "/cases/child-a/", "#anchor", "", "<>", "%", "..", "../../../etc/passwd", "cases/fuzz-1.md", "../pages/x.md", "tel:999", "\\\\share\\x",
    ];

    private static string Seeded() => Environment.GetEnvironmentVariable("FUZZ_SEED") is { Length: > 0 } s ? s : "20261126";

    [Fact]
    public async Task Given_thousands_of_random_documents_When_loaded_validated_assembled_and_rendered_in_memory_Then_nothing_throws_and_every_diagnostic_points_into_its_file()
    {
        var seed = int.Parse(Seeded(), CultureInfo.InvariantCulture);
        var clock = Stopwatch.StartNew();
        Failures failures;
        try
        {
            failures = await Task.Run(() => Fuzz(seed)).WaitAsync(TimeSpan.FromMinutes(2));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"seed {seed}: the random documents did not finish within 2 minutes (a hang?)");
            throw;
        }

        Assert.True(failures.Count == 0,
            $"seed {seed} (replay with FUZZ_SEED={seed}): {failures.Count} failures among {Documents} documents in {clock.Elapsed.TotalSeconds:F1} s.\n{failures.Report()}");
    }

    [Fact]
    public void Given_thousands_of_random_byte_arrays_When_decoded_Then_nothing_throws_and_the_text_or_one_SCR001_comes_back()
    {
        var seed = int.Parse(Seeded(), CultureInfo.InvariantCulture);
        var random = new Random(seed);
        var failures = new List<string>();
        for (var n = 0; n < RandomByteArrays; n++)
        {
            var bytes = RandomBytes(random);
            var path = string.Create(CultureInfo.InvariantCulture, $"input/cases/bytes-{n}.md");
            var bag = new DiagnosticBag();
            try
            {
                var text = TextDecoder.Decode(bytes, path, bag);
                var diagnostics = bag.Sorted();
                var lines = 1 + bytes.Count(b => b is (byte)'\n' or (byte)'\r');
                if (text is null)
                {
                    if (diagnostics.Count != 1 || diagnostics[0] is not { Code: "SCR001", Severity: Severity.Error } d || d.At.File != path
                        || d.At.Line < 1 || d.At.Column < 1 || d.At.Line > lines)
                        failures.Add($"#{n}: rejected with {Describe(diagnostics)}; bytes {Convert.ToHexString(bytes.AsSpan(0, Math.Min(64, bytes.Length)))}");
                }
                else if (diagnostics.Count != 0 || text.Contains('\r', StringComparison.Ordinal) || TextDecoder.IndexOfForbidden(text) >= 0)
                {
                    failures.Add($"#{n}: accepted with {Describe(diagnostics)}, a carriage return or a forbidden character; bytes {Convert.ToHexString(bytes.AsSpan(0, Math.Min(64, bytes.Length)))}");
                }
            }
            catch (Exception e)
            {
                failures.Add($"#{n}: {e.GetType().Name}: {e.Message}; bytes {Convert.ToHexString(bytes.AsSpan(0, Math.Min(64, bytes.Length)))}");
            }
        }

        Assert.True(failures.Count == 0, $"seed {seed} (replay with FUZZ_SEED={seed}): {failures.Count} failures:\n{string.Join('\n', failures.Take(10))}");
    }

    private static Failures Fuzz(int seed)
    {
        var random = new Random(seed);
        var config = File.ReadAllText(Path.Combine(Repo.Root, "statiq.config"));
        var failures = new Failures { Folder = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"lscb-fuzz-{seed}")) };
        if (Directory.Exists(failures.Folder)) Directory.Delete(failures.Folder, recursive: true);
        for (var start = 0; start < Documents; start += Batch)
        {
            var documents = Enumerable.Range(start, Batch).Select(n => MakeDocument(random, n)).ToList();
            var label = string.Create(CultureInfo.InvariantCulture, $"documents {start}-{start + Batch - 1}");
            try
            {
                RunBatch(config, documents, failures);
            }
            catch (Exception e)
            {
                failures.Add($"{e.GetType().Name} outside any one document", $"{label}: {e}");
            }
        }

        return failures;
    }

    private sealed record Doc(int Number, string Path, ContentKind Kind, string Slug, byte[] Bytes)
    {
        /// <summary>An upper bound for any line number in the file.</summary>
        public int Lines => 1 + Bytes.Count(b => b is (byte)'\n' or (byte)'\r');

        public string Excerpt()
        {
            var text = Encoding.UTF8.GetString(Bytes);
            var shown = text.Length > 400 ? text[..300] + $" ...[{text.Length} chars]... " + text[^80..] : text;
            var escaped = new StringBuilder();
            foreach (var c in shown)
            {
                if (c == '\n') escaped.Append("\\n\n");
                else if (char.IsControl(c) || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c)) escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                else escaped.Append(c);
            }

            return escaped.ToString();
        }
    }

    private static void RunBatch(string config, List<Doc> documents, Failures failures)
    {
        var bag = new DiagnosticBag();
        var files = new List<SourceFile>();
        foreach (var (path, text) in TestSite.Baseline.Where(p => Baseline.Contains(p.Key)))
        {
            var parts = FrontMatterSplitter.Split(text, path, bag)!.Value;
            var kind = path == "input/index.md" ? ContentKind.Home : path.Contains("/themes/", StringComparison.Ordinal) ? ContentKind.Theme : ContentKind.Response;
            files.Add(new SourceFile(path, kind, System.IO.Path.GetFileNameWithoutExtension(path), parts.Yaml, parts.YamlLine, parts.Body, parts.BodyLine));
        }

        var rejected = new List<Doc>();
        foreach (var doc in documents)
        {
            try
            {
                var text = TextDecoder.Decode(doc.Bytes, doc.Path, bag);
                var parts = text is null ? null : FrontMatterSplitter.Split(text, doc.Path, bag);
                if (parts is { } p) files.Add(new SourceFile(doc.Path, doc.Kind, doc.Slug, p.Yaml, p.YamlLine, p.Body, p.BodyLine));
                else rejected.Add(doc);
            }
            catch (Exception e)
            {
                failures.Add(doc, "loading", e);
            }
        }

        var byPath = documents.ToDictionary(d => d.Path, StringComparer.Ordinal);
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        ValidatedSite? validated;
        try
        {
            validated = ContentValidator.Validate(new LoadedSite(config, files, []), bag);
        }
        catch (Exception)
        {
            // Some of the batch made Validate throw: find which, each alone with the baseline, then go on without them.
            var culprits = documents.Where(d => files.Any(f => f.Path == d.Path) && ThrowsAlone(config, files, d, failures)).Select(d => d.Path).ToHashSet(StringComparer.Ordinal);
            if (culprits.Count == 0) throw;
            RunBatch(config, documents.Where(d => !culprits.Contains(d.Path)).ToList(), failures);
            return;
        }

        Assert.NotNull(validated);
        var valid = validated.Items.Select(i => i.Source.Path).ToHashSet(StringComparer.Ordinal);
        rejected.AddRange(documents.Where(d => files.Any(f => f.Path == d.Path) && !valid.Contains(d.Path)));

        var model = SiteAssembler.Assemble(validated, new PublicationRules(true, DateOnly.MaxValue));
        var renderer = new MarkdownRenderer(model, files.Select(f => f.Path).ToList());
        foreach (var item in validated.Items)
        {
            try
            {
                renderer.Render(item, bag);
            }
            catch (Exception e)
            {
                if (byPath.TryGetValue(item.Source.Path, out var doc)) failures.Add(doc, "rendering", e);
                else failures.Add($"{e.GetType().Name} rendering a baseline file", $"{item.Source.Path}: {e}");
            }
        }

        var inputs = files.Select(f => f.Path).Concat(documents.Select(d => d.Path)).Append(SiteLoader.ConfigFile).ToHashSet(StringComparer.Ordinal);
        foreach (var d in bag.Sorted())
        {
            if (!inputs.Contains(d.At.File))
            {
                failures.Add($"a {d.Code} names a file that is not an input", d.ToString());
                continue;
            }

            var bound = byPath.TryGetValue(d.At.File, out var doc) ? doc.Lines : int.MaxValue;
            if (d.At.Line < 1 || d.At.Column < 1 || d.At.Line > bound)
                failures.Add($"a {d.Code} points outside its file", $"{d}\n(the file has at most {bound} lines)" + (doc is null ? "" : "\n" + doc.Excerpt()), doc);
        }

        foreach (var doc in rejected.Where(d => bag.ErrorCount(d.Path) == 0))
            failures.Add("a document was rejected without an error for its file", $"{doc.Path}; its diagnostics: {Describe(bag.Sorted().Where(x => x.At.File == doc.Path).ToList())}\n{doc.Excerpt()}", doc);
    }

    private static bool ThrowsAlone(string config, List<SourceFile> files, Doc doc, Failures failures)
    {
        try
        {
            var alone = files.Where(f => Baseline.Contains(f.Path) || f.Path == doc.Path).ToList();
            ContentValidator.Validate(new LoadedSite(config, alone, []), new DiagnosticBag());
            return false;
        }
        catch (Exception e)
        {
            failures.Add(doc, "validating", e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerExceptions[0] : e);
            return true;
        }
    }

    /// <summary>What went wrong, grouped by kind so one bug hit a hundred times reads as one line.</summary>
    private sealed class Failures
    {
        private readonly List<(string Kind, string Detail)> _items = [];

        public int Count => _items.Count;

        /// <summary>Where the documents that failed are written, to replay them with 'Site check'.</summary>
        public string Folder { get; init; } = "";

        public void Add(string kind, string detail, Doc? doc = null)
        {
            _items.Add((kind, detail));
            if (doc is null || Folder.Length == 0) return;
            var file = System.IO.Path.Combine(Folder, doc.Path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, doc.Bytes);
        }

        public void Add(Doc doc, string phase, Exception e)
        {
            var frame = e.StackTrace?.Split('\n').Select(l => l.Trim())
                .FirstOrDefault(l => l.Contains("Lscb.Site.", StringComparison.Ordinal) && !l.Contains(".Tests.", StringComparison.Ordinal));
            Add($"{e.GetType().FullName} while {phase}: {e.Message.Split('\n')[0]} {frame}",
                $"{doc.Path} ({doc.Kind}):\n{doc.Excerpt()}", doc);
        }

        public string Report()
        {
            var groups = _items.GroupBy(i => i.Kind, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ToList();
            var report = new StringBuilder();
            if (Directory.Exists(Folder)) report.Append(CultureInfo.InvariantCulture, $"The failing documents are in {Folder}.\n");
            foreach (var g in groups) report.Append(CultureInfo.InvariantCulture, $"  {g.Count()} x {g.Key}\n");
            foreach (var g in groups.Take(8)) report.Append(CultureInfo.InvariantCulture, $"\n--- {g.Key}\nfirst example: {g.First().Detail}\n");
            return report.ToString();
        }
    }

    private static string Describe(IReadOnlyList<Diagnostic> diagnostics) =>
        diagnostics.Count == 0 ? "no diagnostics" : string.Join("; ", diagnostics.Select(d => d.ToString()));

    private static Doc MakeDocument(Random random, int n)
    {
        var (kind, folder) = random.Next(6) switch
        {
            0 or 1 or 2 => (ContentKind.Case, "cases"),
            3 => (ContentKind.Theme, "themes"),
            4 => (ContentKind.Response, "responses"),
            _ => (ContentKind.Page, "pages"),
        };
        var slug = string.Create(CultureInfo.InvariantCulture, $"fuzz-{n}");
        var text = FrontMatter(random, kind) + RandomMarkdown(random);
        var mutations = random.Next(10) < 2 ? 0 : random.Next(1, 7);
        for (var i = 0; i < mutations; i++) text = Mutate(random, text);

        text = random.Next(12) switch
        {
            0 => text.Replace("\n", "\r\n", StringComparison.Ordinal),
            1 => text.Replace("\n", "\r", StringComparison.Ordinal),
            2 => "\uFEFF" + text,
            3 => "\uFEFF" + text.Replace("\n", "\r\n", StringComparison.Ordinal),
            _ => text,
        };
        var bytes = random.Next(40) == 0 ? Encoding.Latin1.GetBytes(text) : Encoding.UTF8.GetBytes(text);
        return new Doc(n, $"input/{folder}/{slug}.md", kind, slug, bytes);
    }

    private static string FrontMatter(Random random, ContentKind kind)
    {
        var lines = new List<string> { $"title: {Pick(random, "Child X", "Neglect and more", "\"Quoted: title\"", "'Single ''quoted'''", "Child İ ı", "A")}", "summary: A short summary." };
        switch (kind)
        {
            case ContentKind.Case:
                lines.Add($"review_type: {Pick(random, "serious-case-review", "thematic-review", "Serious-case-review", "other")}");
                lines.Add($"year: {Pick(random, "2015-16", "2015-2016", "2019-20", "1999-00", "2015-17")}");
                lines.Add($"published: {Pick(random, "2017-01-31", "2017-06", "2030-05-01", "2017-02-30", "31/01/2017", "2017")}");
                if (random.Next(3) == 0)
                {
                    lines.Add("publication: withheld");
                    lines.Add("withheld_reason: The Board decided not to publish.");
                }
                else
                {
                    lines.Add("publication: published");
                    if (random.Next(3) == 0) lines.Add("report_url: " + Pick(random, "https://example.org/r.pdf", "http://example.org/", "javascript:x"));
                }

                lines.Add(random.Next(2) == 0 ? "themes: [neglect, domestic-abuse]" : "themes:\n  - neglect\n  - toxic-trio");
                if (random.Next(2) == 0) lines.Add("responses: [strategy]");
                if (random.Next(4) == 0) lines.Add("questions:\n  - What would you do?\n  - Who else knows?");
                break;
            case ContentKind.Theme:
                if (random.Next(2) == 0) lines.Add("related: [neglect]");
                if (random.Next(2) == 0) lines.Add("includes: [domestic-abuse, toxic-trio]");
                break;
            case ContentKind.Response:
                lines.Add($"status: {Pick(random, "planned", "in-progress", "in-place", "done")}");
                lines.Add("themes: [neglect]");
                if (random.Next(2) == 0) lines.Add($"date: {Pick(random, "2017-03-09", "2017-03", "2017-13-01")}");
                break;
        }

        if (random.Next(6) == 0) lines.Add("draft: " + Pick(random, "true", "false", "maybe", "TRUE"));
        Shuffle(random, lines);
        return "---\n" + string.Join('\n', lines) + "\n---\n";
    }

    private static string RandomMarkdown(Random random)
    {
        var body = new StringBuilder();
        var blocks = random.Next(0, 12);
        for (var i = 0; i < blocks; i++)
        {
            switch (random.Next(14))
            {
                case 12:
                    // A paragraph of several lines, with links, that a setext underline turns into a heading.
                    for (var l = random.Next(1, 5); l > 0; l--) body.Append(Words(random)).Append(' ').Append(random.Next(2) == 0 ? Link(random) : "").Append('\n');
                    body.Append(Pick(random, "===", "---", "=", "-----")).Append('\n');
                    break;
                case 0:
                    body.Append(new string('#', random.Next(1, 8))).Append(' ').Append(Words(random)).Append('\n');
                    break;
                case 1:
                    body.Append(Words(random)).Append(' ').Append(Link(random)).Append(' ').Append(Words(random)).Append('\n');
                    break;
                case 2:
                    body.Append("![").Append(random.Next(3) == 0 ? "" : Words(random)).Append("](").Append(Pick(random, Schemes)).Append(Pick(random, "", ".png", " \"title\"")).Append(")\n");
                    break;
                case 3:
                    body.Append(Pick(random, "<script>alert(1)</script>", "<b onclick=\"x\">bold</b>", "<!-- comment -->", "<iframe src=javascript:x>", "<div>\n\n*x*\n\n</div>", "&lt;&#x3C;&amp;&#0;&#xD800;"))
                        .Append('\n');
                    break;
                case 4:
                    var columns = random.Next(1, 5);
                    body.Append('|').Append(string.Concat(Enumerable.Repeat(" h |", columns))).Append('\n')
                        .Append('|').Append(string.Concat(Enumerable.Repeat(Pick(random, "---|", ":--|", "--:|", ":-:|", "-|"), random.Next(0, columns + 2)))).Append('\n');
                    for (var r = random.Next(0, 4); r > 0; r--) body.Append("| ").Append(Link(random)).Append(" | x | y |\n");
                    break;
                case 5:
                    var marks = Pick(random, "*", "_", "**", "__", "***", "~~", "`");
                    body.Append(string.Concat(Enumerable.Repeat(marks + Words(random), random.Next(1, 30)))).Append('\n');
                    break;
                case 6:
                    var depth = random.Next(1, random.Next(10) == 0 ? 200 : 8);
                    for (var d = 0; d < depth; d++) body.Append(new string(' ', d * 2)).Append(Pick(random, "- ", "* ", "1. ", "+ ")).Append(Words(random)).Append('\n');
                    break;
                case 7:
                    var fence = Pick(random, "```", "~~~", "````");
                    body.Append(fence).Append(Pick(random, "", "js", "html <script>")).Append('\n').Append(Words(random)).Append('\n');
                    if (random.Next(3) > 0) body.Append(fence).Append('\n');
                    break;
                case 8:
                    body.Append(new string('>', random.Next(1, random.Next(10) == 0 ? 200 : 6))).Append(' ').Append(Words(random)).Append('\n');
                    break;
                case 9:
                    body.Append('<').Append(Pick(random, "javascript:alert(1)", "http://example.org", "mailto:a@b.c", "data:x", "https://x")).Append(">\n");
                    break;
                case 10:
                    body.Append('[').Append(Words(random)).Append("][ref]\n\n[ref]: ").Append(Pick(random, Schemes)).Append('\n');
                    break;
                case 11:
                    var nest = random.Next(1, 300);
                    body.Append(new string('[', nest)).Append('x').Append(new string(']', random.Next(0, nest + 1))).Append("(../themes/neglect.md)\n");
                    break;
                default:
                    body.Append(Words(random)).Append(Pick(random, "\n", "  \n", "\\\n", "\n---\n", "\n===\n", "\n***\n")).Append(Words(random)).Append('\n');
                    break;
            }

            body.Append(random.Next(4) == 0 ? "" : "\n");
        }

        return body.ToString();
    }

    private static string Link(Random random) =>
        $"[{(random.Next(5) == 0 ? "" : Words(random))}]({Pick(random, Schemes)}{Pick(random, "", "", " \"title\"", " 'x'", ")")})";

    private static string Words(Random random)
    {
        var words = new[] { "child", "neglect", "Board", "review", "learning", "İstanbul", "ıi", "a", "the", "x:y", "#tag", "*", "_", "`code`", "\\*", "&amp;", "<b>" };
        return string.Join(' ', Enumerable.Range(0, random.Next(1, 8)).Select(_ => words[random.Next(words.Length)]));
    }

    private static string Mutate(Random random, string text)
    {
        // Mostly inside the front matter, where the parsing is.
        var end = text.Length > 3 ? text.IndexOf("\n---\n", 3, StringComparison.Ordinal) : -1;
        var limit = end > 0 && random.Next(3) > 0 ? end + 1 : text.Length;
        var at = limit == 0 ? 0 : random.Next(limit + 1);
        var lines = text.Split('\n').ToList();
        var line = random.Next(Math.Max(1, text[..Math.Min(limit, text.Length)].Count(c => c == '\n')));
        switch (random.Next(14))
        {
            case 0:
                return text.Length == 0 ? text : text.Remove(Math.Min(at, text.Length - 1), 1);
            case 1:
                return text.Insert(at, Pick(random, YamlTokens));
            case 2:
                return text.Insert(at, Pick(random, OddCharacters));
            case 3:
                return at < text.Length ? text.Insert(at, text.Substring(at, 1)) : text;
            case 4:
                lines.RemoveAt(line);
                return string.Join('\n', lines);
            case 5:
                lines.Insert(line, lines[line]);
                return string.Join('\n', lines);
            case 6:
                var other = random.Next(lines.Count);
                (lines[line], lines[other]) = (lines[other], lines[line]);
                return string.Join('\n', lines);
            case 7:
                var key = Pick(random, "title", "summary", "themes", "Title", "tïtle", "x", "report_url", "draft", "publication", "withheld_reason", "questions", "includes", "related", "status", "date", "?", "- a", "\"quoted key\"", "[a, b]");
                lines.Insert(line + 1, $"{key}: {Pick(random, "value", "[neglect]", "{a: b}", "", "|", ">-", "~", "\"\"", "2017-01-31", "- x", "true")}");
                return string.Join('\n', lines);
            case 8:
                return text.Insert(at, new string(Pick(random, 'a', 'x', ' ', '[', 'é'), random.Next(1_000, 20_000)));
            case 9:
                var depth = random.Next(1, random.Next(4) == 0 ? 1_500 : 50);
                var open = Pick(random, "[", "{", "- ");
                var close = open switch { "[" => "]", "{" => "}", _ => "" };
                lines.Insert(line + 1, "themes: " + string.Concat(Enumerable.Repeat(open, depth)) + (random.Next(4) == 0 ? "" : string.Concat(Enumerable.Repeat(close, depth))));
                return string.Join('\n', lines);
            case 10:
                lines[line] = Pick(random, "\t", "  ", "    ", " \t", "- ") + lines[line];
                return string.Join('\n', lines);
            case 11:
                var colon = lines[line].IndexOf(':', StringComparison.Ordinal);
                if (colon < 0) return text;
                lines[line] = lines[line][..(colon + 1)] + " " + Pick(random, "[a, b]", "{a: b}", "|\n  block", "123", "true", "~", "\"\"", "''", "\"unterminated", "[unclosed", "*alias", "&anchor x", "!!int x", "@x", "`x`", "%x", "> folded", "x # comment", "'it''s'", "\"\\x01\"", "\"\\u0000\"", "\"\\uFFFE\"");
                return string.Join('\n', lines);
            case 12:
                return text.Replace("---", Pick(random, "--", "----", "---\n---", "...", " ---"), StringComparison.Ordinal);
            default:
                return random.Next(2) == 0 ? text[..at] : text[at..];
        }
    }

    private static byte[] RandomBytes(Random random)
    {
        var parts = new List<byte>();
        if (random.Next(4) == 0) parts.AddRange("\uFEFF"u8.ToArray());
        var pieces = random.Next(0, 20);
        for (var i = 0; i < pieces; i++)
        {
            switch (random.Next(8))
            {
                case 0:
                    var noise = new byte[random.Next(1, 40)];
                    random.NextBytes(noise);
                    parts.AddRange(noise);
                    break;
                case 1:
                    parts.AddRange(Pick(random, new byte[][]
                    {
                        [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F], [0xFF], [0xFE], [0x80], [0xEF, 0xBF, 0xBE], [0xEF, 0xBF, 0xBF],
                    }));
                    break;
                case 2:
                    parts.AddRange(Pick(random, new byte[][] { [(byte)'\r'], [(byte)'\r', (byte)'\n'], [(byte)'\n'], [(byte)'\r', (byte)'\r', (byte)'\n'] }));
                    break;
                case 3:
                    parts.AddRange(Encoding.UTF8.GetBytes(Pick(random, OddCharacters)));
                    break;
                case 4:
                    parts.Add((byte)random.Next(0, 0x20));
                    break;
                default:
                    parts.AddRange(Encoding.UTF8.GetBytes(Pick(random, "---\n", "title: x\n", "ä", "€", "😀", "İı", " ", "text ", "\t")));
                    break;
            }
        }

        return [.. parts];
    }

    private static T Pick<T>(Random random, params T[] choices) => choices[random.Next(choices.Length)];

    private static void Shuffle<T>(Random random, List<T> list)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}

/// <summary>
/// Input nested deeper than the parsers allow: YamlDotNet overflows the stack (which no catch can stop)
/// and Markdig throws past its depth limit. Run as a process, so a crash fails this test and not the test run.
/// </summary>
public sealed class NestingDepthTests
{
    private static readonly Dictionary<string, (string Where, Func<string> Text)> Inputs = new(StringComparer.Ordinal)
    {
        ["front matter list 1,001 deep"] = ("themes", () => new string('[', 1_001) + new string(']', 1_001)),
        ["front matter list 60,000 deep, never closed"] = ("themes", () => new string('[', 60_000)),
        ["block quote 200 deep"] = ("body", () => new string('>', 200) + " quoted\n"),
        ["list 150 deep"] = ("body", () => string.Concat(Enumerable.Range(0, 150).Select(i => new string(' ', i * 2) + "- item\n"))),
        ["emphasis 10,000 deep"] = ("body", () => string.Concat(Enumerable.Repeat("*a _", 10_000)) + "x\n"),
        ["128 opening brackets in a line of text"] = ("body", () => new string('[', 128) + "x\n"),
    };

    public static TheoryData<string> Names() => new(Inputs.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Given_pathologically_nested_input_When_checked_as_a_process_Then_it_exits_1_with_an_error_for_the_file_and_no_crash(string name)
    {
        var (where, text) = Inputs[name];
        var nested = text();
        using var site = new TestSite(new Dictionary<string, string>
        {
            ["input/cases/child-n.md"] = where == "themes"
                ? TestSite.Case("Child N", "themes: " + nested)
                : TestSite.Case("Child N", "themes: [neglect]", "## What happened\n\n" + nested),
        });
        var (code, stdout, stderr) = SiteProcess.Run(["check", "--root", site.Root, "--now", "2026-11-26"], TimeSpan.FromMinutes(2));
        var printed = stdout + stderr;
        Assert.False(printed.Contains("Unhandled exception", StringComparison.Ordinal) || printed.Contains("Stack overflow", StringComparison.Ordinal)
            || printed.Contains("   at ", StringComparison.Ordinal),
            $"{name}: 'check' crashed (exit {code}):\n{SiteProcess.Head(printed, 4)}");
        Assert.True(code == 1, $"{name}: 'check' exited {code}, expected 1:\n{SiteProcess.Head(printed, 8)}");
        Assert.Matches(new Regex(@"^input/cases/child-n\.md\(\d+,\d+\): error SCR\d{3}: ", RegexOptions.Multiline), stderr);
    }
}

/// <summary>A diagnostic inside a heading written with an underline (setext) points at the line it is on.</summary>
public sealed class SetextHeadingPositionTests
{
    [Theory]
    [InlineData("===")]
    [InlineData("---")]
    public void Given_an_unsafe_link_in_a_heading_of_three_lines_with_an_underline_When_checked_Then_the_error_points_at_the_links_line(string underline)
    {
        using var site = new TestSite(new Dictionary<string, string>
        {
            ["input/pages/help.md"] = $"---\ntitle: Help\nsummary: Help.\n---\nRead [the notes](file:///etc/passwd)\nabout\nthis\n{underline}\n",
        });
        var result = site.Check();
        var error = Assert.Single(result.Diagnostics, d => d.Code == "SCR021");
        Assert.True((error.At.Line, error.At.Column) == (5, 6), $"expected input/pages/help.md(5,6), the link's place; got {error}");
    }
}

/// <summary>docs/authoring.md, the authoring guide for Board staff, explains every code the bad-input corpus produces.</summary>
public sealed partial class DiagnosticCodeDocumentationTests
{
    [Fact]
    public void Given_the_bad_input_corpus_Then_every_diagnostic_code_it_expects_has_a_heading_in_the_authoring_guide()
    {
        var corpus = Path.Combine(Repo.Root, "tests", "fixtures", "bad");
        var expected = Directory.GetFiles(corpus, "expected.txt", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadAllLines(f).Select(l => (File: Path.GetRelativePath(corpus, f), Match: ExpectedCode().Match(l))))
            .Where(x => x.Match.Success)
            .GroupBy(x => x.Match.Groups[1].Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.File).First(), StringComparer.Ordinal);
        Assert.True(expected.Count >= 20, $"only {expected.Count} codes found in {corpus}; is the corpus there?");

        var guide = File.ReadAllText(Path.Combine(Repo.Root, "docs", "authoring.md"));
        var documented = GuideHeading().Matches(guide).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var missing = expected.Keys.Where(c => !documented.Contains(c)).Order(StringComparer.Ordinal)
            .Select(c => $"{c} (expected by {expected[c]})").ToList();
        Assert.True(missing.Count == 0, $"docs/authoring.md has no '#### CODE' section for: {string.Join(", ", missing)}");
    }

    [GeneratedRegex(@"^\s*(SCR\d{3})\s", RegexOptions.CultureInvariant)]
    private static partial Regex ExpectedCode();

    [GeneratedRegex(@"^#### (SCR\d{3})\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex GuideHeading();
}
