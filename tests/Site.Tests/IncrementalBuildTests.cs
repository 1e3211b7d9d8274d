using Lscb.Site.Build;
using Lscb.Site.Core;

namespace Lscb.Site.Tests;

/// <summary>
/// Preview's rebuilds reuse what the last build read, bound, rendered and wrote. Whatever they skip,
/// the folder they leave must be exactly what a fresh build of the same input writes.
/// </summary>
public sealed class IncrementalBuildTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static BuildOptions Options(TestSite site) => site.Options(drafts: true, today: Today) with { SearchIndex = false };

    private static SortedDictionary<string, string> Fresh(TestSite site) => FreshBuild.Of(site, Options(site));

    private static void AssertSame(TestSite site) => FreshBuild.AssertSame(site, Options(site));

    [Fact]
    public void Given_a_one_line_edit_When_preview_rebuilds_Then_only_the_files_it_changes_are_rewritten_and_the_folder_is_what_a_fresh_build_writes()
    {
        using var site = new TestSite(new Dictionary<string, string>
        {
            ["input/cases/child-b.md"] = TestSite.Case("Child B", "themes: [domestic-abuse]"),
        });
        var session = new BuildSession();
        Assert.False(SiteBuilder.Build(Options(site), session).Failed);
        var pages = session.LastWrite.Written;

        Assert.False(SiteBuilder.Build(Options(site), session).Failed);
        Assert.Equal((0, 0), session.LastWrite);
        Assert.Equal(0, session.Pages.Rendered);

        site.Write("input/cases/child-b.md", TestSite.Case("Child B", "themes: [domestic-abuse]", "## What happened\n\nA changed sentence.\n"));
        var result = SiteBuilder.Build(Options(site), session);

        Assert.False(result.Failed, string.Join('\n', result.Diagnostics));
        // Only the case page shows the case's text: the lists, feed and export show its front matter.
        Assert.Equal(1, session.Pages.Rendered);
        Assert.Equal((1, 0), session.LastWrite);
        Assert.True(pages > 10, $"the first build wrote only {pages} files");
        Assert.Contains("A changed sentence.", site.ReadOutput("cases/child-b/index.html"), StringComparison.Ordinal);
        AssertSame(site);
    }

    [Fact]
    public void Given_a_case_added_and_then_removed_When_preview_rebuilds_Then_every_list_follows_and_its_page_goes()
    {
        using var site = new TestSite();
        var session = new BuildSession();
        Assert.False(SiteBuilder.Build(Options(site), session).Failed);

        site.Write("input/cases/child-c.md", TestSite.Case("Child C", "themes: [domestic-abuse]"));
        Assert.False(SiteBuilder.Build(Options(site), session).Failed);
        Assert.Contains("Child C", site.ReadOutput("themes/toxic-trio/index.html"), StringComparison.Ordinal);
        AssertSame(site);

        site.Delete("input/cases/child-c.md");
        Assert.False(SiteBuilder.Build(Options(site), session).Failed);
        Assert.False(Directory.Exists(Path.Combine(site.Output, "cases", "child-c")), "the removed case's page folder is still there");
        Assert.True(session.LastWrite.Removed >= 1);
        AssertSame(site);
    }

    [Fact]
    public void Given_a_changed_title_or_setting_When_preview_rebuilds_Then_every_page_that_shows_it_is_rendered_again()
    {
        using var site = new TestSite();
        var session = new BuildSession();
        Assert.False(SiteBuilder.Build(Options(site), session).Failed);

        site.Write("input/cases/child-a.md", TestSite.Case("Child A renamed", "themes: [neglect, domestic-abuse]\nresponses: [strategy]"));
        Assert.False(SiteBuilder.Build(Options(site), session).Failed);
        Assert.Contains("Child A renamed", site.ReadOutput("themes/neglect/index.html"), StringComparison.Ordinal);
        Assert.Contains("Child A renamed", site.ReadOutput("feed.xml"), StringComparison.Ordinal);
        AssertSame(site);

        var config = Path.Combine(site.Root, "statiq.config");
        File.WriteAllText(config, File.ReadAllText(config).Replace("Which other agencies know this family", "Which agencies know this family", StringComparison.Ordinal));
        Assert.False(SiteBuilder.Build(Options(site), session).Failed);
        Assert.Contains("Which agencies know this family", site.ReadOutput("cases/child-a/index.html"), StringComparison.Ordinal);
        AssertSame(site);
    }

    [Fact]
    public void Given_a_renamed_review_When_preview_rebuilds_Then_the_pages_that_list_it_as_related_show_the_new_name()
    {
        using var site = new TestSite(new Dictionary<string, string> { ["input/cases/child-b.md"] = TestSite.Case("Child B") });
        var session = new BuildSession();
        Assert.False(SiteBuilder.Build(Options(site), session).Failed);
        Assert.Contains(">Child B</a>: Neglect", site.ReadOutput("cases/child-a/index.html"), StringComparison.Ordinal);

        site.Write("input/cases/child-b.md", TestSite.Case("Child B renamed"));
        Assert.False(SiteBuilder.Build(Options(site), session).Failed);
        Assert.Contains(">Child B renamed</a>: Neglect", site.ReadOutput("cases/child-a/index.html"), StringComparison.Ordinal);
        AssertSame(site);
    }

    [Fact]
    public void Given_a_broken_edit_When_preview_rebuilds_Then_nothing_in_the_folder_changes_and_the_next_good_edit_lands()
    {
        using var site = new TestSite();
        var session = new BuildSession();
        Assert.False(SiteBuilder.Build(Options(site), session).Failed);
        var before = Snapshots.Of(site.Output);

        site.Write("input/cases/child-a.md", TestSite.Case("Child A", "themes: [neglct]"));
        var broken = SiteBuilder.Build(Options(site), session);
        Assert.Equal("SCR012", Assert.Single(broken.Diagnostics, d => d.Severity == Severity.Error).Code);
        site.Write("input/cases/child-a.md", TestSite.Case("Child A", "themes: [neglect]", "## What happened\n\nA broken link to [a plan](../responses/no-plan.md).\n"));
        broken = SiteBuilder.Build(Options(site), session);
        Assert.Equal("SCR020", Assert.Single(broken.Diagnostics, d => d.Severity == Severity.Error).Code);
        Assert.Equal("", Snapshots.Difference(before, Snapshots.Of(site.Output)));

        site.Write("input/cases/child-a.md", TestSite.Case("Child A", "themes: [neglect]", "## What happened\n\nFixed.\n"));
        Assert.False(SiteBuilder.Build(Options(site), session).Failed);
        AssertSame(site);
    }

    [Fact]
    public void Given_a_file_saved_with_its_size_and_time_unchanged_Then_it_is_the_only_edit_a_session_misses_so_the_time_is_checked()
    {
        using var site = new TestSite();
        var session = new BuildSession();
        Assert.False(SiteBuilder.Build(Options(site), session).Failed);

        // Same length, new content, and a modification time set back to the old one: not seen.
        var path = Path.Combine(site.Root, "input/cases/child-a.md");
        var time = File.GetLastWriteTimeUtc(path);
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text.Replace("Text.", "Txet.", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, time);
        Assert.False(SiteBuilder.Build(Options(site), session).Failed);
        Assert.DoesNotContain("Txet.", site.ReadOutput("cases/child-a/index.html"), StringComparison.Ordinal);

        // Any save moves the time on, and the change is read.
        File.SetLastWriteTimeUtc(path, time.AddSeconds(1));
        Assert.False(SiteBuilder.Build(Options(site), session).Failed);
        Assert.Contains("Txet.", site.ReadOutput("cases/child-a/index.html"), StringComparison.Ordinal);
        AssertSame(site);
    }

    [Fact]
    public void Given_a_changed_status_date_When_preview_rebuilds_Then_the_pages_that_show_the_status_and_only_those_are_rendered_again()
    {
        using var site = new TestSite(new Dictionary<string, string>
        {
            ["input/pages/about.md"] = "---\ntitle: About\nsummary: About the site.\n---\nText.\n",
            // Shows the response only as one on its themes: no 'responses' of its own.
            ["input/cases/child-b.md"] = TestSite.Case("Child B", "themes: [neglect]"),
        });
        var session = new BuildSession();
        Assert.False(SiteBuilder.Build(Options(site), session).Failed);
        var all = session.Pages.Rendered;

        // Earlier than every other date, so the footer's "Content as at" stays and nothing else forces a re-render.
        site.Write("input/responses/strategy.md", File.ReadAllText(Path.Combine(site.Root, "input/responses/strategy.md"))
            .Replace("as_at: 2017-01", "as_at: 2016-05", StringComparison.Ordinal));
        Assert.False(SiteBuilder.Build(Options(site), session).Failed);

        foreach (var page in new[] { "responses/strategy/index.html", "responses/index.html", "themes/neglect/index.html", "cases/child-a/index.html", "cases/child-b/index.html", "index.html" })
            Assert.Contains("as at <time datetime=\"2016-05\">May 2016</time>", site.ReadOutput(page), StringComparison.Ordinal);
        Assert.InRange(session.Pages.Rendered, 6, all - 1);
        Assert.Contains("Content as at <time datetime=\"2017-01-31\">31 January 2017</time>", site.ReadOutput("about/index.html"), StringComparison.Ordinal);
        AssertSame(site);
    }

    [Fact]
    public void Given_a_changed_source_or_local_copy_When_preview_rebuilds_Then_the_pages_that_name_it_are_rendered_again()
    {
        using var site = new TestSite(new Dictionary<string, string>
        {
            ["input/sources/bulletin.md"] = "---\ntitle: The bulletin\npublisher: The Board\ndate: 2017-01\nlocal_copy: seeds/bulletin.txt\n---\nText.\n",
            ["seeds/bulletin.txt"] = "The first text of the bulletin.\n",
        });
        var session = new BuildSession();
        Assert.False(SiteBuilder.Build(Options(site), session).Failed);

        site.Write("input/sources/bulletin.md", File.ReadAllText(Path.Combine(site.Root, "input/sources/bulletin.md"))
            .Replace("title: The bulletin", "title: The Board's bulletin", StringComparison.Ordinal));
        Assert.False(SiteBuilder.Build(Options(site), session).Failed);
        foreach (var page in new[] { "cases/child-a/index.html", "responses/strategy/index.html", "sources/index.html", "sources/bulletin/index.html" })
            Assert.Contains("The Board&#x27;s bulletin", site.ReadOutput(page), StringComparison.Ordinal);
        AssertSame(site);

        site.Write("seeds/bulletin.txt", "The second text of the bulletin.\n");
        Assert.False(SiteBuilder.Build(Options(site), session).Failed);
        Assert.Equal(1, session.Pages.Rendered);
        Assert.Contains("The second text of the bulletin.", site.ReadOutput("sources/bulletin/index.html"), StringComparison.Ordinal);
        AssertSame(site);
    }
}
