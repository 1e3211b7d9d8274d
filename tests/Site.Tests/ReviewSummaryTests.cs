namespace Lscb.Site.Tests;

/// <summary>
/// The pull request summary: two versions of a small site are built, and the real command line's
/// <c>diff</c> writes what a reviewer reads, in Markdown.
/// </summary>
public sealed class ReviewSummaryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public void Given_a_page_added_one_changed_and_one_removed_When_diffed_Then_the_summary_shows_each_with_the_text_readers_see()
    {
        using var site = new TestSite(new Dictionary<string, string>
        {
            ["input/pages/privacy.md"] = "---\ntitle: Privacy and cookies\nsummary: No cookies.\n---\nThis website sets no cookies.\n",
            ["input/cases/child-b.md"] = TestSite.Case("Child B", body: "## What happened\n\nThe first sentence.\n\nThe old second sentence.\n"),
        });
        var before = Path.Combine(site.Root, "before");
        var after = Path.Combine(site.Root, "after");
        Build(site, before);

        site.Delete("input/pages/privacy.md");
        site.Write("input/cases/child-b.md", TestSite.Case("Child B", body: "## What happened\n\nThe first sentence.\n\nThe new second sentence.\n"));
        // On a theme Child A does not carry, so that Child A's list of related reviews, and its page, stay as they were.
        site.Write("input/cases/child-c.md", TestSite.Case("Child C", "themes: [toxic-trio]", body: "## What happened\n\nA new review's text.\n"));
        Build(site, after);
        var diagnostics = Path.Combine(site.Root, "check.txt");
        File.WriteAllText(diagnostics, "input/cases/child-c.md(12,1): warning SCR104: a heading\n");

        var (code, markdown, err) = SiteProcess.Run(["diff", before, after, "--diagnostics", diagnostics, "--artifact", "site-preview"], Timeout);

        // The privacy page went with no redirect: an error, on the removed file, after the summary is written.
        Assert.Equal(1, code);
        Assert.Contains("input/pages/privacy.md(1,1): error SCR091: the page /privacy/ (Privacy and cookies) was removed and nothing leads from its address", err, StringComparison.Ordinal);
        // Child B's page, and the lists that now show Child C (home, cases, its theme, sources, search).
        Assert.Matches(@"^## What readers will see\n\n1 page added, [2-9] changed, 0 moved, 1 removed; \d+ unchanged\.\n\n\*\*Pages were removed without a redirect", markdown);
        var added = Section(markdown, "### Added");
        Assert.Contains("#### Child C (`/cases/child-c/`)", added, StringComparison.Ordinal);
        Assert.Contains("A new review's text.", added, StringComparison.Ordinal);
        var changed = Section(markdown, "### Changed");
        Assert.Contains("#### Child B (`/cases/child-b/`)", changed, StringComparison.Ordinal);
        Assert.Contains("```diff\n", changed, StringComparison.Ordinal);
        Assert.Contains("\n The first sentence.\n-The old second sentence.\n+The new second sentence.\n", changed, StringComparison.Ordinal);
        // Only the reader's text is compared: no HTML, and the unchanged pages are not listed.
        Assert.DoesNotContain("<p", changed, StringComparison.Ordinal);
        Assert.DoesNotContain("#### Child A", markdown, StringComparison.Ordinal);
        Assert.Contains("+- Child C", Section(markdown, "### Changed"), StringComparison.Ordinal);
        var removed = Section(markdown, "### Removed");
        Assert.Contains("#### Privacy and cookies (`/privacy/`)", removed, StringComparison.Ordinal);
        Assert.Contains("SCR104", Section(markdown, "### Messages from `check`"), StringComparison.Ordinal);
        Assert.Contains("**site-preview**", Section(markdown, "### The built site"), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_the_same_site_twice_When_diffed_Then_no_page_is_listed_and_output_appends_to_the_file()
    {
        using var site = new TestSite();
        var built = Path.Combine(site.Root, "built");
        Build(site, built);
        var summary = Path.Combine(site.Root, "summary.md");
        File.WriteAllText(summary, "Earlier steps' summary.\n");

        var (code, _, err) = SiteProcess.Run(["diff", built, built, "--output", summary], Timeout);

        Assert.True(code == 0, err);
        var text = File.ReadAllText(summary);
        Assert.StartsWith("Earlier steps' summary.\n## What readers will see\n\n0 pages added, 0 changed, 0 moved, 0 removed;", text, StringComparison.Ordinal);
        Assert.Contains("No page reads differently.", text, StringComparison.Ordinal);
        Assert.Contains("### Messages from `check`\n\nNone.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_case_renamed_with_moved_from_When_diffed_Then_it_is_listed_as_moved_and_the_summary_passes()
    {
        using var site = new TestSite();
        var before = Path.Combine(site.Root, "before");
        var after = Path.Combine(site.Root, "after");
        Build(site, before);
        var text = File.ReadAllText(Path.Combine(site.Root, "input/cases/child-a.md"));
        site.Delete("input/cases/child-a.md");
        site.Write("input/cases/child-a-review.md", text.Replace("sources: [bulletin]", "sources: [bulletin]\nmoved_from: [cases/child-a/]", StringComparison.Ordinal));
        Build(site, after);

        var (code, markdown, err) = SiteProcess.Run(["diff", before, after], Timeout);

        Assert.True(code == 0, err);
        Assert.Matches(@"1 page added, \d+ changed, 1 moved, 0 removed;", markdown);
        Assert.Contains("#### Child A (`/cases/child-a/`)\n\nIts old address now leads to `/cases/child-a-review/`.", Section(markdown, "### Moved"), StringComparison.Ordinal);
        Assert.DoesNotContain("### Removed", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_theme_removed_that_cases_still_name_When_the_change_cannot_be_built_Then_the_error_is_also_reported_on_the_removed_file()
    {
        using var site = new TestSite();
        var before = Path.Combine(site.Root, "before");
        Build(site, before);
        site.Delete("input/themes/domestic-abuse.md");
        var check = SiteProcess.Run(["check", "--root", site.Root, "--now", "2026-11-26"], Timeout);
        Assert.Equal(1, check.Code);
        var diagnostics = Path.Combine(site.Root, "check.txt");
        File.WriteAllText(diagnostics, check.Err);

        var (code, markdown, err) = SiteProcess.Run(["diff", before, Path.Combine(site.Root, "not-built"), "--diagnostics", diagnostics], Timeout);

        Assert.Equal(1, code);
        Assert.Contains("input/themes/domestic-abuse.md(1,1): error SCR091: this page was removed, but other pages still name it: " +
            "input/cases/child-a.md(8,19), input/themes/toxic-trio.md(4,12)", err, StringComparison.Ordinal);
        Assert.Contains("**The site could not be built with this change**", markdown, StringComparison.Ordinal);
        Assert.Contains("- `input/themes/domestic-abuse.md` is still named by `input/cases/child-a.md(8,19)`, `input/themes/toxic-trio.md(4,12)`",
            Section(markdown, "### Removed, but still named by other pages"), StringComparison.Ordinal);
        Assert.Contains("SCR012", Section(markdown, "### Messages from `check`"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("only-one-folder")]
    [InlineData("a-missing-folder")]
    [InlineData("an-unknown-option")]
    public void Given_wrong_usage_When_diffed_Then_the_exit_status_is_2_with_a_message(string mistake)
    {
        using var site = new TestSite();
        string[] args = mistake switch
        {
            "only-one-folder" => ["diff", site.Root],
            "a-missing-folder" => ["diff", Path.Combine(site.Root, "no-such-site"), site.Root],
            _ => ["diff", site.Root, site.Root, "--colour"],
        };
        var (code, _, err) = SiteProcess.Run(args, Timeout);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", err, StringComparison.Ordinal);
    }

    private static void Build(TestSite site, string output)
    {
        var result = Lscb.Site.Build.SiteBuilder.Build(site.Options() with { Output = output, SearchIndex = false });
        Assert.False(result.Failed, string.Join('\n', result.Diagnostics));
    }

    // From a heading to the next heading of the same level.
    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no '{heading}' in:\n{markdown}");
        var next = markdown.IndexOf("\n### ", start + heading.Length, StringComparison.Ordinal);
        return next < 0 ? markdown[start..] : markdown[start..next];
    }
}
