namespace Lscb.Site.Tests;

/// <summary>Drafts and embargoed cases: left out of every page, list, feed and sitemap.</summary>
public sealed class PublicationRulesTests
{
    private const string DraftWord = "zephyrdraftmarker";
    private const string EmbargoWord = "quillembargomarker";

    private static TestSite Planted() => new(new Dictionary<string, string>
    {
        ["input/cases/child-d.md"] = TestSite.Case($"Child D {DraftWord}", "draft: true", $"## What happened\n\n{DraftWord} body.\n"),
        ["input/cases/child-e.md"] = TestSite.Case($"Child E {EmbargoWord}", "published: 2030-05-01\nembargo: true", $"## What happened\n\n{EmbargoWord} body.\n"),
    });

    private static IEnumerable<(string Path, string Text)> AllOutput(TestSite site) =>
        Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(site.Output, f), File.ReadAllText(f)));

    [Fact]
    public void Given_a_draft_and_an_embargoed_case_When_built_Then_neither_appears_in_any_file()
    {
        using var site = Planted();
        var result = site.Build();
        Assert.False(result.Failed, string.Join('\n', result.Diagnostics));
        Assert.True(File.Exists(Path.Combine(site.Output, "cases/child-a/index.html")));
        Assert.False(Directory.Exists(Path.Combine(site.Output, "cases/child-d")));
        Assert.False(Directory.Exists(Path.Combine(site.Output, "cases/child-e")));
        foreach (var (path, text) in AllOutput(site))
        {
            Assert.False(text.Contains(DraftWord, StringComparison.Ordinal), $"draft word in {path}");
            Assert.False(text.Contains(EmbargoWord, StringComparison.Ordinal), $"embargoed word in {path}");
            Assert.False(text.Contains("child-d", StringComparison.Ordinal), $"draft URL in {path}");
            Assert.False(text.Contains("child-e", StringComparison.Ordinal), $"embargoed URL in {path}");
        }
    }

    [Fact]
    public void Given_drafts_are_asked_for_When_built_Then_the_draft_is_built()
    {
        using var site = Planted();
        var result = site.Build(drafts: true);
        Assert.False(result.Failed, string.Join('\n', result.Diagnostics));
        Assert.Contains(DraftWord, site.ReadOutput("cases/child-d/index.html"), StringComparison.Ordinal);
        Assert.Contains("child-d", site.ReadOutput("themes/neglect/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_the_embargo_date_has_come_When_built_Then_the_case_appears_everywhere()
    {
        using var site = Planted();
        var result = site.Build(today: new DateOnly(2030, 5, 1));
        Assert.False(result.Failed, string.Join('\n', result.Diagnostics));
        Assert.Contains(EmbargoWord, site.ReadOutput("cases/child-e/index.html"), StringComparison.Ordinal);
        Assert.Contains("cases/child-e/", site.ReadOutput("feed.xml"), StringComparison.Ordinal);
        Assert.Contains("cases/child-e/", site.ReadOutput("sitemap.xml"), StringComparison.Ordinal);
        Assert.Contains("cases/child-e/", site.ReadOutput("cases/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_page_links_to_a_draft_When_built_Then_the_link_becomes_text_with_a_warning()
    {
        using var site = Planted();
        site.Write("input/themes/neglect.md", "---\ntitle: Neglect\nsummary: About neglect.\n---\nSee [the draft](../cases/child-d.md).\n");
        var result = site.Build();
        Assert.False(result.Failed, string.Join('\n', result.Diagnostics));
        Assert.Contains(result.Diagnostics, d => d.Code == "SCR105" && d.At.File == "input/themes/neglect.md" && d.At.Line == 5);
        Assert.Contains("See the draft.", site.ReadOutput("themes/neglect/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_withheld_case_When_built_Then_it_has_no_feed_entry_and_no_report_link()
    {
        using var site = new TestSite(new Dictionary<string, string>
        {
            ["input/cases/child-w.md"] = TestSite.Case("Child W", "publication: withheld\nwithheld_reason: The Board decided not to publish."),
        });
        var result = site.Build();
        Assert.False(result.Failed, string.Join('\n', result.Diagnostics));
        Assert.DoesNotContain("child-w", site.ReadOutput("feed.xml"), StringComparison.Ordinal);
        var page = site.ReadOutput("cases/child-w/index.html");
        Assert.Contains("The Board decided not to publish.", page, StringComparison.Ordinal);
        Assert.Contains("govuk-notification-banner", page, StringComparison.Ordinal);
    }
}
