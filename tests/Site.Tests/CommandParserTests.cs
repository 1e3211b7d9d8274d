using Lscb.Site.Cli;

namespace Lscb.Site.Tests;

/// <summary>The command line's parser: what each command line asks for, read without running anything.</summary>
public sealed class CommandParserTests
{
    private static readonly string Here = Path.GetTempPath();

    [Fact]
    public void Given_build_and_its_options_When_parsed_Then_they_are_read_into_the_build()
    {
        var command = CommandParser.Parse(["build", "--root", Here, "--output", "site", "--base-url", "https://owner.github.io/repo/", "--drafts", "--now", "2026-11-26", "--no-search"]);
        var options = Assert.IsType<ParsedCommand.BuildSite>(command).Options;
        Assert.Equal(Path.GetFullPath(Here), options.Root);
        Assert.Equal(Path.GetFullPath("site"), options.Output);
        Assert.Equal(new Uri("https://owner.github.io/repo/"), options.BaseUrl);
        Assert.True(options.IncludeDrafts);
        Assert.Equal(new DateOnly(2026, 11, 26), options.Today);
        Assert.False(options.SearchIndex);
    }

    [Fact]
    public void Given_check_or_preview_When_parsed_Then_each_is_its_own_command()
    {
        var check = Assert.IsType<ParsedCommand.CheckSite>(CommandParser.Parse(["check", "--root", Here]));
        Assert.Equal(Path.Combine(Path.GetFullPath(Here), "output"), check.Options.Output);
        Assert.True(check.Options.SearchIndex);
        Assert.Equal(8080, Assert.IsType<ParsedCommand.PreviewSite>(CommandParser.Parse(["preview", "--root", Here])).Port);
        Assert.Equal(0, Assert.IsType<ParsedCommand.PreviewSite>(CommandParser.Parse(["preview", "--port", "0", "--root", Here])).Port);
    }

    [Fact]
    public void Given_new_with_options_When_parsed_Then_its_kind_and_title_are_read_around_them()
    {
        var page = Assert.IsType<ParsedCommand.NewPage>(CommandParser.Parse(["new", "--root", Here, "case", "Child T"]));
        Assert.Equal(("case", "Child T"), (page.Kind, page.Title));
    }

    [Fact]
    public void Given_diff_When_parsed_Then_its_arguments_are_kept_for_it()
    {
        var diff = Assert.IsType<ParsedCommand.DiffSites>(CommandParser.Parse(["diff", "a", "b", "--artifact", "x"]));
        Assert.Equal(["a", "b", "--artifact", "x"], diff.Arguments);
    }

    [Fact]
    public void Given_help_or_nothing_When_parsed_Then_usage_is_shown_and_only_help_counts_as_asked()
    {
        Assert.True(Assert.IsType<ParsedCommand.ShowUsage>(CommandParser.Parse(["--help"])).Asked);
        Assert.False(Assert.IsType<ParsedCommand.ShowUsage>(CommandParser.Parse([])).Asked);
    }

    [Theory]
    [InlineData("buidl", "unknown command 'buidl'; did you mean 'build'?")]
    [InlineData("build --outptu x", "unknown option '--outptu' for 'build'; did you mean '--output'?")]
    [InlineData("build --root", "--root needs a value")]
    [InlineData("preview --port 70000", "--port '70000' must be a number from 0 to 65535")]
    [InlineData("build --base-url notaurl", "--base-url 'notaurl' must be a full address such as https://owner.github.io/repo/")]
    [InlineData("check --now 2026-1-1", "--now '2026-1-1' must be a date written YYYY-MM-DD")]
    [InlineData("new case", "write it as: new case \"Child T\" (or new theme \"...\", new response \"...\")")]
    [InlineData("build --root /nonexistent/place", "the site folder '/nonexistent/place' does not exist")]
    public void Given_a_mistake_When_parsed_Then_it_is_a_usage_error_that_says_what_is_wrong(string line, string message)
    {
        var mistake = Assert.IsType<ParsedCommand.UsageError>(CommandParser.Parse(line.Split(' ')));
        Assert.Equal(message, mistake.Message);
    }
}
