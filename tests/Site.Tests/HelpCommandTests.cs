namespace Lscb.Site.Tests;

/// <summary>Help on every command and the version, through the real command line as a process.</summary>
public sealed class HelpCommandTests
{
    private static readonly string[] Verbs = ["build", "check", "preview", "new", "diff"];

    [Fact]
    public void Given_each_command_When_asked_for_help_Then_exit_0_with_its_usage_line_and_every_option_it_names()
    {
        var (_, all, _) = SiteProcess.Run(["--help"], TimeSpan.FromMinutes(1));
        foreach (var verb in Verbs)
        {
            foreach (var ask in new[] { "--help", "-h" })
            {
                var (code, stdout, stderr) = SiteProcess.Run([verb, ask], TimeSpan.FromMinutes(1));
                Assert.True(code == 0, $"{verb} {ask}: exit {code}\n{stderr}");
                Assert.Equal("", stderr);
                var usage = all.Split('\n').Single(l => l.StartsWith($"  Site {verb} ", StringComparison.Ordinal));
                Assert.Contains(usage, stdout, StringComparison.Ordinal);
                // Every option its usage line names is explained, and the other commands' usage lines are not shown.
                foreach (var option in usage.Split('[').Skip(1).Select(o => o.Split(' ', ']')[0]))
                    Assert.Contains("\n  " + option + " ", stdout, StringComparison.Ordinal);
                foreach (var other in Verbs.Where(v => v != verb))
                    Assert.DoesNotContain($"Site {other} ", stdout, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Given_help_after_a_mistake_When_run_Then_help_wins()
    {
        var (code, stdout, stderr) = SiteProcess.Run(["build", "--outptu", "x", "--help"], TimeSpan.FromMinutes(1));
        Assert.True(code == 0, stderr);
        Assert.Contains("  Site build ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_version_When_run_Then_exit_0_with_the_version_built()
    {
        var (code, stdout, stderr) = SiteProcess.Run(["--version"], TimeSpan.FromMinutes(1));
        Assert.True(code == 0, stderr);
        Assert.Matches(@"^Site [0-9]+\.[0-9]+\.[0-9]+", stdout);
    }
}
