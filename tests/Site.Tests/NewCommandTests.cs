using Lscb.Site.Cli;

namespace Lscb.Site.Tests;

/// <summary><c>new case|theme|response "Title"</c>: a valid draft, never an overwrite.</summary>
public sealed class NewCommandTests
{
    [Fact]
    public void Given_new_case_Child_T_When_checked_and_built_with_drafts_Then_it_passes_and_the_page_is_shown()
    {
        using var site = new TestSite();
        var (code, output, _) = SiteCommand.Run("new", "case", "Child T", "--root", site.Root);
        Assert.Equal(0, code);
        Assert.Contains("input/cases/child-t.md", output, StringComparison.Ordinal);
        Assert.Contains("-- preview", output, StringComparison.Ordinal);
        var text = File.ReadAllText(Path.Combine(site.Root, "input/cases/child-t.md"));
        Assert.Contains("draft: true", text, StringComparison.Ordinal);
        Assert.Contains("# One of: serious-case-review, thematic-review", text, StringComparison.Ordinal);
        Assert.Contains("## What happened", text, StringComparison.Ordinal);

        var check = SiteCommand.Run("check", "--root", site.Root);
        Assert.True(check.Code == 0, check.Err);
        Assert.Contains("SCR106", check.Err, StringComparison.Ordinal);

        var build = SiteCommand.Run("build", "--drafts", "--root", site.Root);
        Assert.True(build.Code == 0, build.Err);
        Assert.Contains("<h1 class=\"govuk-heading-xl\">Child T</h1>", site.ReadOutput("cases/child-t/index.html"), StringComparison.Ordinal);

        var published = SiteCommand.Run("build", "--root", site.Root, "--output", Path.Combine(site.Root, "public"));
        Assert.Equal(0, published.Code);
        Assert.False(Directory.Exists(Path.Combine(site.Root, "public", "cases", "child-t")));
    }

    [Theory]
    [InlineData("theme", "Parental conflict", "input/themes/parental-conflict.md")]
    [InlineData("response", "Early help review", "input/responses/early-help-review.md")]
    public void Given_a_new_theme_or_response_When_checked_Then_it_passes(string kind, string title, string path)
    {
        using var site = new TestSite();
        Assert.Equal(0, SiteCommand.Run("new", kind, title, "--root", site.Root).Code);
        Assert.True(File.Exists(Path.Combine(site.Root, path)));
        var check = SiteCommand.Run("check", "--root", site.Root);
        Assert.True(check.Code == 0, check.Err);
    }

    [Fact]
    public void Given_the_file_exists_When_new_is_run_again_Then_it_refuses_and_leaves_the_file_alone()
    {
        using var site = new TestSite();
        var before = File.ReadAllText(Path.Combine(site.Root, "input/cases/child-a.md"));
        var (code, _, err) = SiteCommand.Run("new", "case", "Child A", "--root", site.Root);
        Assert.Equal(1, code);
        Assert.Contains("already exists", err, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(site.Root, "input/cases/child-a.md")));
    }

    [Theory]
    [InlineData("Child T: county lines", "input/cases/child-t-county-lines.md")]
    [InlineData("Child #7", "input/cases/child-7.md")]
    [InlineData("Ünïcode Child É", "input/cases/unicode-child-e.md")]
    [InlineData("Child \"Q\" and the \\ sign", "input/cases/child-q-and-the-sign.md")]
    [InlineData("Łukasz’s Æsop Œuvre ß", "input/cases/lukaszs-aesop-oeuvre-ss.md")]
    public void Given_any_title_When_new_writes_a_case_Then_its_YAML_checks_and_the_page_shows_the_title_exactly(string title, string path)
    {
        using var site = new TestSite();
        var (code, output, err) = SiteCommand.Run("new", "case", title, "--root", site.Root);
        Assert.True(code == 0, err);
        Assert.Contains(path, output, StringComparison.Ordinal);

        var check = SiteCommand.Run("check", "--root", site.Root);
        Assert.True(check.Code == 0, check.Err);
        Assert.DoesNotContain(" error ", check.Err, StringComparison.Ordinal);
        var build = SiteCommand.Run("build", "--drafts", "--root", site.Root, "--no-search");
        Assert.True(build.Code == 0, build.Err);
        var url = path["input/".Length..^".md".Length] + "/index.html";
        var h1 = System.Net.WebUtility.HtmlEncode(title).Replace("&#39;", "&#x27;", StringComparison.Ordinal);
        Assert.Contains($"<h1 class=\"govuk-heading-xl\">{System.Net.WebUtility.HtmlDecode(h1)}</h1>",
            System.Net.WebUtility.HtmlDecode(site.ReadOutput(url)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("new", "page", "About us")]
    [InlineData("new", "case")]
    [InlineData("new", "case", "!!!")]
    [InlineData("new", "case", "  ")]
    [InlineData("new", "case", "Child T\nsecond line")]
    public void Given_wrong_usage_When_new_is_run_Then_exit_2(params string[] args)
    {
        using var site = new TestSite();
        Assert.Equal(2, SiteCommand.Run([.. args, "--root", site.Root]).Code);
    }

    [Theory]
    [InlineData(2026, 3, 31, "2025-26")]
    [InlineData(2026, 4, 1, "2026-27")]
    [InlineData(2099, 12, 1, "2099-00")]
    public void Given_a_date_Then_its_Board_year_runs_from_April_to_March(int year, int month, int day, string expected) =>
        Assert.Equal(expected, NewCommand.BoardYear(new DateOnly(year, month, day)));
}
