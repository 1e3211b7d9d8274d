using System.Diagnostics;

namespace Lscb.Site.Tests;

/// <summary>
/// ./site, the everyday way to run the generator: builds it when its code changed, and otherwise runs
/// the compiled program directly. Run for real, as a process.
/// </summary>
public sealed class EverydayCommandTests
{
    private static (int Code, string Out, string Err) Site(params string[] args)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Repo.Root, "site"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repo.Root,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "./site did not finish within 5 minutes");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void Given_the_launcher_When_run_twice_Then_it_checks_a_site_and_builds_the_generator_at_most_once()
    {
        using var site = new TestSite();
        var (code, stdout, stderr) = Site("check", "--root", site.Root, "--now", "2026-11-26");
        Assert.True(code == 0, stderr);
        Assert.Contains("Checked the content: no errors", stdout, StringComparison.Ordinal);

        // Nothing in the generator changed: the compiled program runs, with no build first.
        (code, stdout, stderr) = Site("check", "--root", site.Root, "--now", "2026-11-26");
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("Building the generator", stderr, StringComparison.Ordinal);
        Assert.Contains("Checked the content: no errors", stdout, StringComparison.Ordinal);

        // The same exit statuses as the README's commands.
        site.Write("input/cases/child-a.md", TestSite.Case("Child A", "themes: [neglct]"));
        (code, _, stderr) = Site("check", "--root", site.Root, "--now", "2026-11-26");
        Assert.Equal(1, code);
        Assert.Contains("error SCR012", stderr, StringComparison.Ordinal);
        Assert.Equal(2, Site("chekc").Code);
    }
}
