using System.Diagnostics;
using System.Globalization;
using Lscb.Site.Core;

namespace Lscb.Site.Tests;

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
    /// except Pagefind, whose runner and binary are both replaced by programs that exit 1.
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
            if (name is "pagefind" or "@pagefind" or ".site-lock-sha256" or ".bin") continue;
            if (Directory.Exists(entry)) Directory.CreateSymbolicLink(Path.Combine(modules, name), entry);
            else File.CreateSymbolicLink(Path.Combine(modules, name), entry);
        }

        var runner = Path.Combine(modules, "pagefind", "lib", "runner");
        Directory.CreateDirectory(runner);
        File.WriteAllText(Path.Combine(modules, "pagefind", "package.json"), "{\"name\":\"pagefind\",\"version\":\"0.0.0\"}\n");
        File.WriteAllText(Path.Combine(runner, "bin.cjs"), "process.stderr.write('pagefind exploded on purpose\\n');\nprocess.exit(1);\n");
        // The build starts the platform's binary itself when it is there, as the runner would.
        var binary = Path.Combine(modules, "@pagefind", "linux-x64", "bin", "pagefind_extended");
        Directory.CreateDirectory(Path.GetDirectoryName(binary)!);
        File.WriteAllText(binary, "#!/bin/sh\necho 'pagefind exploded on purpose' >&2\nexit 1\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(binary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // The stamp NpmTools compares, so it does not run 'npm ci' over the prepared folder.
        File.WriteAllText(Path.Combine(modules, ".site-lock-sha256"), Hashes.OfFiles([Path.Combine(root, "package-lock.json")], root));
    }
}
