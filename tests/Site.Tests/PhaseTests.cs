using Lscb.Site.Assemble;
using Lscb.Site.Core;
using Lscb.Site.Load;
using Lscb.Site.Validate;
using Lscb.Site.Write;

namespace Lscb.Site.Tests;

/// <summary>Each phase on its own: Load's splitter and decoder, Assemble's derived links, Write's link checker and swap.</summary>
public sealed class PhaseTests
{
    [Fact]
    public void Given_front_matter_and_a_body_When_split_Then_the_line_on_which_the_body_starts_is_kept()
    {
        var bag = new DiagnosticBag();
        var parts = FrontMatterSplitter.Split("---\ntitle: A\nsummary: B\n---\nBody line\n", "x.md", bag);
        Assert.NotNull(parts);
        Assert.Equal("title: A\nsummary: B\n", parts.Value.Yaml);
        Assert.Equal("Body line\n", parts.Value.Body);
        Assert.Equal(5, parts.Value.BodyLine);
        Assert.False(bag.HasErrors);
    }

    [Fact]
    public void Given_a_byte_order_mark_and_mixed_line_ends_When_decoded_Then_the_mark_is_stripped_and_the_line_ends_normalised()
    {
        var bag = new DiagnosticBag();
        Assert.Equal("a\nb\nc", TextDecoder.Decode([0xEF, 0xBB, 0xBF, .. "a\r\nb\rc"u8], "x.md", bag));
        Assert.False(bag.HasErrors);
    }

    [Fact]
    public void Given_a_typo_and_an_unrelated_word_When_a_suggestion_is_sought_Then_the_typo_gets_one_and_the_word_none()
    {
        Assert.Equal("neglect", Suggest.Closest("neglct", ["neglect", "domestic-abuse"]));
        Assert.Equal("in-progress", Suggest.Closest("in-progres", ["planned", "in-progress", "in-place"]));
        Assert.Null(Suggest.Closest("weather", ["neglect", "domestic-abuse"]));
    }

    [Fact]
    public void Given_a_partial_date_When_parsed_Then_a_month_or_a_day_is_accepted_and_a_date_that_does_not_exist_refused()
    {
        Assert.True(PartialDate.TryParse("2017-01", out var month));
        Assert.Equal("January 2017", month.ToDisplay());
        Assert.True(PartialDate.TryParse("2017-01-31", out var day));
        Assert.Equal("31 January 2017", day.ToDisplay());
        Assert.False(PartialDate.TryParse("2017-02-30", out _));
        Assert.False(PartialDate.TryParse("31/01/2017", out _));
    }

    [Fact]
    public void Given_cases_When_assembled_Then_the_theme_and_response_lists_are_derived_from_them()
    {
        using var site = new TestSite(new Dictionary<string, string>
        {
            ["input/cases/child-b.md"] = TestSite.Case("Child B", "themes: [domestic-abuse]"),
            ["input/cases/child-c.md"] = TestSite.Case("Child C", "themes: [neglect]\ndraft: true"),
        });
        var bag = new DiagnosticBag();
        var validated = ContentValidator.Validate(SiteLoader.Load(site.Root, bag), bag)!;
        var model = SiteAssembler.Assemble(validated, new PublicationRules(false, new DateOnly(2026, 11, 26)));

        Assert.Equal(["Child A"], model.CasesByTheme["neglect"].Select(c => c.Title));
        Assert.Equal(["Child A", "Child B"], model.CasesByTheme["domestic-abuse"].Select(c => c.Title));
        Assert.Equal(["Child A", "Child B"], model.CasesUnder(model.ThemeBySlug["toxic-trio"]).Select(c => c.Title));
        Assert.Equal(["toxic-trio"], model.IncludedBy["domestic-abuse"].Select(t => t.Slug));
        Assert.Equal(["Child A"], model.CasesByResponse["strategy"].Select(c => c.Title));
        Assert.Contains("input/cases/child-c.md", model.Hidden);
        Assert.Equal("cases/child-b/", model.UrlOf(model.Cases[1]));
    }

    [Fact]
    public void Given_a_link_to_a_file_that_was_not_staged_When_links_are_checked_Then_it_is_reported()
    {
        var staged = new StagedSite();
        staged.AddText("index.html", "<a href=\"/repo/cases/\">ok</a> <a href=\"/repo/missing/\">broken</a> <a href=\"https://example.org/\">external</a>");
        staged.AddText("cases/index.html", "<link href=\"https://owner.github.io/repo/gone.css\" rel=\"stylesheet\">");
        var bag = new DiagnosticBag();

        var count = LinkChecker.Check(staged, "/repo/", "https://owner.github.io/repo/", bag);

        Assert.Equal(3, count);
        var errors = bag.Sorted();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("SCR090", e.Code));
        Assert.Contains(errors, e => e.At.File == "output/index.html" && e.Message.Contains("/repo/missing/", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.At.File == "output/cases/index.html" && e.Message.Contains("gone.css", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_background_work_When_a_tool_is_run_Then_it_runs_below_the_priority_of_other_work()
    {
        // Field 19 of /proc/PID/stat is the nice value; the shell reads its own after the priority is set.
        string[] script = ["-c", "sleep 0.3; cut -d ' ' -f 19 /proc/$$/stat"];
        var (backgroundExit, background) = Lscb.Site.Assets.ToolRunner.Run("sh", script, Path.GetTempPath(), background: true);
        var (normalExit, normal) = Lscb.Site.Assets.ToolRunner.Run("sh", script, Path.GetTempPath());

        Assert.Equal(0, backgroundExit);
        Assert.Equal(0, normalExit);
        static int Nice(string text) => int.Parse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Nice(background) > Nice(normal), $"background work ran at nice {background.Trim()}, other work at {normal.Trim()}");
    }

    [Fact]
    public void Given_HTML_and_a_feed_When_their_links_are_read_Then_every_link_attribute_and_feed_element_is_found_and_nothing_else()
    {
        const string html = "<a title=\"x=y\" href=\"/a/\">a=\"b\"</a><img alt=\"\" src=\"/b.svg\"><meta name=\"x\" content=\"/c\"><p class=\"href\">";
        Assert.Equal(["/a/", "/b.svg", "/c"], LinkChecker.References(System.Text.Encoding.UTF8.GetBytes(html), xml: false));
        Assert.Equal(["/f/", "/g/", "/h/", "/i/"], LinkChecker.References("<link href=\"/f/\"/><loc>/g/</loc><id>/h/</id><uri>/i/</uri>"u8, xml: true));
        Assert.Empty(LinkChecker.References("<loc>/g/</loc> href=\"unclosed"u8, xml: false));
    }

    [Fact]
    public void Given_a_staged_site_When_published_Then_it_replaces_the_old_site_whole_and_leaves_no_staging_folder()
    {
        var parent = Path.Combine(Path.GetTempPath(), "lscb-swap-" + Guid.NewGuid().ToString("N"));
        var output = Path.Combine(parent, "output");
        try
        {
            Directory.CreateDirectory(output);
            File.WriteAllText(Path.Combine(output, "old.html"), "old");
            using var staged = new StagedSite(OutputSwapper.StagingFolder(output));
            staged.AddText("index.html", "new");
            staged.AddText("cases/child-a/index.html", "case");

            OutputSwapper.Publish(staged, output);

            Assert.Equal(["cases/child-a/index.html", "index.html"],
                Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f)).Order(StringComparer.Ordinal));
            Assert.Equal(["output"], Directory.EnumerateDirectories(parent).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }
}
