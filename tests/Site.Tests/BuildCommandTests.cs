namespace Lscb.Site.Tests;

/// <summary>The command line: exit statuses, messages, and the last good output kept on failure.</summary>
public sealed class BuildCommandTests
{
    [Fact]
    public void Given_a_misspelt_theme_When_built_Then_exit_1_names_file_line_and_suggestion_and_the_last_good_output_stays()
    {
        using var site = new TestSite();
        var (code, _, err) = SiteCommand.Run("build", "--root", site.Root, "--now", "2026-11-26");
        Assert.True(code == 0, err);
        var before = Snapshots.Of(site.Output);

        site.Write("input/cases/child-a.md", TestSite.Case("Child A", "themes: [neglct]"));
        (code, _, err) = SiteCommand.Run("build", "--root", site.Root, "--now", "2026-11-26");

        Assert.Equal(1, code);
        Assert.Contains("input/cases/child-a.md(8,10): error SCR012: unknown theme 'neglct'; did you mean 'neglect'?", err, StringComparison.Ordinal);
        Assert.Contains("The previous site was left as it was.", err, StringComparison.Ordinal);
        Assert.Equal(before, Snapshots.Of(site.Output));
    }

    [Fact]
    public void Given_an_output_folder_that_cannot_be_written_When_built_Then_exit_1_with_a_plain_message_and_no_stack_trace()
    {
        using var site = new TestSite();
        var blocker = Path.Combine(site.Root, "not-a-folder");
        File.WriteAllText(blocker, "a file where the output's parent folder should be");

        var (code, _, err) = SiteCommand.Run("build", "--root", site.Root, "--now", "2026-11-26", "--output", Path.Combine(blocker, "output"), "--no-search");

        Assert.Equal(1, code);
        Assert.Contains("error: a file could not be read or written: ", err, StringComparison.Ordinal);
        Assert.Contains("The previous site was left as it was.", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        Assert.Equal("a file where the output's parent folder should be", File.ReadAllText(blocker));
    }

    [Fact]
    public void Given_GitHub_Actions_When_a_build_fails_Then_each_error_is_also_a_workflow_command()
    {
        var d = new Lscb.Site.Core.Diagnostic(Lscb.Site.Core.Severity.Error, "SCR012", new("input/cases/child-a.md", 8, 10), "unknown theme 'neglct'");
        Assert.Equal("::error file=input/cases/child-a.md,line=8,col=10::SCR012: unknown theme 'neglct'", d.ToWorkflowCommand());
    }

    [Fact]
    public void Given_GitHub_Actions_When_check_finds_a_broken_fixture_Then_it_prints_the_workflow_command_for_the_diff()
    {
        using var site = new TestSite(new Dictionary<string, string> { ["input/cases/child-b.md"] = TestSite.Case("Child B", "themes: [neglct]") });
        var before = Environment.GetEnvironmentVariable("GITHUB_ACTIONS");
        Environment.SetEnvironmentVariable("GITHUB_ACTIONS", "true");
        try
        {
            var (code, _, err) = SiteCommand.Run("check", "--root", site.Root);
            Assert.Equal(1, code);
            Assert.Contains("input/cases/child-b.md(8,10): error SCR012: unknown theme 'neglct'", err, StringComparison.Ordinal);
            Assert.Contains("::error file=input/cases/child-b.md,line=8,col=10::SCR012: unknown theme 'neglct'; did you mean 'neglect'?", err, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("GITHUB_ACTIONS", before);
        }
    }

    [Fact]
    public void Given_two_builds_of_the_same_input_Then_the_outputs_are_byte_identical()
    {
        using var site = new TestSite();
        var other = Path.Combine(site.Root, "second");
        Assert.Equal(0, SiteCommand.Run("build", "--root", site.Root, "--now", "2026-11-26").Code);
        Assert.Equal(0, SiteCommand.Run("build", "--root", site.Root, "--now", "2026-11-26", "--output", other).Code);
        Assert.Equal(Snapshots.Of(site.Output), Snapshots.Of(other));
    }

    [Theory]
    [InlineData("publish")]
    [InlineData("build", "--colour")]
    [InlineData("build", "--base-url", "not a url")]
    [InlineData("build", "--now", "tomorrow")]
    [InlineData("build", "--output")]
    public void Given_wrong_usage_Then_exit_2_with_a_message(params string[] args)
    {
        var (code, _, err) = SiteCommand.Run(args);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_check_Then_nothing_is_written()
    {
        using var site = new TestSite();
        var (code, output, _) = SiteCommand.Run("check", "--root", site.Root);
        Assert.Equal(0, code);
        Assert.Contains("no errors", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void Given_embargoed_cases_When_checked_Then_each_is_listed_with_its_date_soonest_first_so_nobody_is_surprised()
    {
        using var site = new TestSite(new Dictionary<string, string>
        {
            ["input/cases/child-e.md"] = TestSite.Case("Child E", "published: 2027-02-01"),
            ["input/cases/child-f.md"] = TestSite.Case("Child F", "published: 2026-12-24"),
            ["input/cases/child-g.md"] = TestSite.Case("Child G", "published: 2029-06\nembargo: true"),
        });

        var (code, stdout, err) = SiteProcess.Run(["check", "--root", site.Root, "--now", "2026-11-26"], TimeSpan.FromMinutes(2));

        Assert.True(code == 0, err);
        var listed = stdout.Split('\n').Where(l => l.StartsWith("Embargoed:", StringComparison.Ordinal)).ToList();
        Assert.Equal(
        [
            "Embargoed: input/cases/child-f.md is hidden until 24 December 2026.",
            "Embargoed: input/cases/child-e.md is hidden until 1 February 2027.",
            "Embargoed: input/cases/child-g.md is hidden until June 2029.",
        ], listed);
        Assert.DoesNotContain("child-a.md", stdout, StringComparison.Ordinal);
    }
}
