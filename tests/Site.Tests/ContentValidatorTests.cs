namespace Lscb.Site.Tests;

/// <summary>One small site per validation rule: the code, file, line, column and suggestion.</summary>
public sealed class ContentValidatorTests
{
    private static Lscb.Site.Build.BuildResult CheckWith(string path, string text)
    {
        using var site = new TestSite(new Dictionary<string, string> { [path] = text });
        return site.Check();
    }

    [Fact]
    public void Given_the_baseline_site_When_checked_Then_there_are_no_errors()
    {
        using var site = new TestSite();
        var result = site.Check();
        Assert.False(result.Failed, string.Join('\n', result.Diagnostics));
    }

    [Fact]
    public void Given_a_misspelt_theme_When_checked_Then_SCR012_points_at_it_with_a_suggestion()
    {
        var result = CheckWith("input/cases/child-b.md", TestSite.Case("Child B", "themes: [neglct]"));
        var d = Diagnostics.One(result, "SCR012", "input/cases/child-b.md", 8, 10, "did you mean 'neglect'?");
        Assert.Equal("input/cases/child-b.md(8,10): error SCR012: unknown theme 'neglct'; did you mean 'neglect'? (there is no input/themes/neglct.md; if it was renamed or removed, change this reference too)", d.ToString());
    }

    [Fact]
    public void Given_an_unknown_response_When_checked_Then_SCR013_suggests_the_nearest()
    {
        var result = CheckWith("input/cases/child-b.md", TestSite.Case("Child B", "themes: [neglect]\nresponses: [stratgy]"));
        Diagnostics.One(result, "SCR013", "input/cases/child-b.md", 9, 13, "did you mean 'strategy'?");
    }

    [Fact]
    public void Given_an_unknown_key_When_checked_Then_SCR006_names_it_and_the_nearest_key()
    {
        var result = CheckWith("input/cases/child-b.md", TestSite.Case("Child B", "themes: [neglect]\nsumary: extra"));
        Diagnostics.One(result, "SCR006", "input/cases/child-b.md", 9, 1, "did you mean 'summary'?");
    }

    [Fact]
    public void Given_a_missing_required_key_When_checked_Then_SCR007_names_it()
    {
        var result = CheckWith("input/themes/new.md", "---\ntitle: New\n---\nText.\n");
        Diagnostics.One(result, "SCR007", "input/themes/new.md", 1, 1, "'summary'");
    }

    [Fact]
    public void Given_a_list_where_text_is_expected_When_checked_Then_SCR008_points_at_the_value()
    {
        var result = CheckWith("input/themes/new.md", "---\ntitle: [a, b]\nsummary: S.\n---\nText.\n");
        Diagnostics.One(result, "SCR008", "input/themes/new.md", 2, 8, "'title' must be a single line of text");
    }

    [Fact]
    public void Given_a_date_that_does_not_exist_When_checked_Then_SCR009_says_so()
    {
        var result = CheckWith("input/cases/child-b.md", TestSite.Case("Child B", "published: 2017-02-30"));
        Diagnostics.One(result, "SCR009", "input/cases/child-b.md", 8, 12, "not a date that exists");
    }

    [Fact]
    public void Given_a_value_outside_the_allowed_set_When_checked_Then_SCR010_lists_them_and_suggests()
    {
        var result = CheckWith("input/responses/plan.md", "---\ntitle: Plan\nsummary: S.\nstatus: in-progres\nthemes: [neglect]\nas_at: 2017-01\nsources: [bulletin]\n---\n");
        Diagnostics.One(result, "SCR010", "input/responses/plan.md", 4, 9, "did you mean 'in-progress'?");
    }

    [Fact]
    public void Given_a_file_name_that_is_not_a_slug_When_checked_Then_SCR011_suggests_a_name()
    {
        var result = CheckWith("input/cases/Child B.md", TestSite.Case("Child B"));
        Diagnostics.One(result, "SCR011", "input/cases/Child B.md", 1, 1, "'child-b.md'");
    }

    [Fact]
    public void Given_a_second_file_whose_name_differs_only_in_case_When_checked_Then_SCR011_refuses_its_name()
    {
        using var site = new TestSite(new Dictionary<string, string>
        {
            ["input/cases/Child-A.md"] = TestSite.Case("Child A again"),
            ["input/cases/child-a.MD"] = TestSite.Case("Child A once more"),
        });
        var result = site.Check();
        Assert.Equal(["input/cases/Child-A.md", "input/cases/child-a.MD"],
            result.Diagnostics.Where(d => d.Code == "SCR011").Select(d => d.At.File).Order(StringComparer.Ordinal));
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void Given_a_plain_page_that_takes_an_address_the_site_uses_When_checked_Then_SCR014_is_reported()
    {
        var result = CheckWith("input/pages/cases.md", "---\ntitle: Cases\nsummary: S.\n---\n");
        Diagnostics.One(result, "SCR014", "input/pages/cases.md", 1, 1, "/cases/");
    }

    [Fact]
    public void Given_a_withheld_case_with_a_report_link_When_checked_Then_SCR015_is_reported()
    {
        var result = CheckWith("input/cases/child-b.md", TestSite.Case("Child B",
            "publication: withheld\nwithheld_reason: The Board decided not to publish.\nreport_url: https://example.org/report.pdf"));
        Diagnostics.One(result, "SCR015", "input/cases/child-b.md", 10, 13, "must not have a 'report_url'");
    }

    [Fact]
    public void Given_a_withheld_case_with_questions_When_checked_Then_SCR019_is_reported()
    {
        var result = CheckWith("input/cases/child-b.md", TestSite.Case("Child B",
            "publication: withheld\nwithheld_reason: The Board decided not to publish.\nquestions: [What now?]"));
        Diagnostics.One(result, "SCR019", "input/cases/child-b.md", 10, 12, "cannot add 'questions'");
    }

    [Fact]
    public void Given_only_one_of_the_local_contact_settings_When_checked_Then_SCR007_asks_for_both()
    {
        using var site = new TestSite();
        File.AppendAllText(Path.Combine(site.Root, "statiq.config"), "\n");
        var config = File.ReadAllText(Path.Combine(site.Root, "statiq.config")).Replace("local_contact_phone: \"\"", "local_contact_phone: \"0100 000 0000\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(site.Root, "statiq.config"), config);
        var result = site.Check();
        Assert.Contains(result.Diagnostics, d => d.Code == "SCR007" && d.At.File == "statiq.config" && d.Message.Contains("both", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_withheld_case_without_a_reason_When_checked_Then_SCR016_is_reported()
    {
        var result = CheckWith("input/cases/child-b.md", TestSite.Case("Child B", "publication: withheld"));
        Diagnostics.One(result, "SCR016", "input/cases/child-b.md", 8, 14, "withheld_reason");
    }

    [Fact]
    public void Given_a_published_case_with_a_withheld_reason_When_checked_Then_SCR017_is_reported()
    {
        var result = CheckWith("input/cases/child-b.md", TestSite.Case("Child B", "withheld_reason: Why."));
        Diagnostics.One(result, "SCR017", "input/cases/child-b.md", 9, 18);
    }

    [Fact]
    public void Given_themes_that_include_each_other_When_checked_Then_SCR018_reports_the_circle()
    {
        using var site = new TestSite(new Dictionary<string, string>
        {
            ["input/themes/domestic-abuse.md"] = "---\ntitle: Domestic abuse\nsummary: S.\nincludes: [toxic-trio]\n---\n",
        });
        var result = site.Check();
        Assert.Contains(result.Diagnostics, d => d.Code == "SCR018" && d.Message.Contains("circle", StringComparison.Ordinal));
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void Given_a_theme_that_includes_itself_When_checked_Then_SCR018_says_so()
    {
        var result = CheckWith("input/themes/loop.md", "---\ntitle: Loop\nsummary: S.\nincludes: [loop]\n---\n");
        Diagnostics.One(result, "SCR018", "input/themes/loop.md", 4, 12, "includes itself");
    }

    [Fact]
    public void Given_an_empty_title_When_checked_Then_SCR022_is_reported()
    {
        var result = CheckWith("input/themes/new.md", "---\ntitle: \"\"\nsummary: S.\n---\n");
        Diagnostics.One(result, "SCR022", "input/themes/new.md", 2, 8);
    }

    [Fact]
    public void Given_front_matter_that_is_never_closed_When_checked_Then_SCR003_is_reported()
    {
        var result = CheckWith("input/themes/new.md", "---\ntitle: New\nsummary: S.\n\nText.\n");
        Diagnostics.One(result, "SCR003", "input/themes/new.md", 1, 1, "never closed");
    }

    [Fact]
    public void Given_a_file_without_front_matter_When_checked_Then_SCR002_is_reported()
    {
        var result = CheckWith("input/themes/new.md", "# New\n\nText.\n");
        Diagnostics.One(result, "SCR002", "input/themes/new.md", 1, 1);
    }

    [Fact]
    public void Given_a_YAML_syntax_error_When_checked_Then_SCR004_points_at_the_character()
    {
        var result = CheckWith("input/themes/new.md", "---\ntitle: New\nsummary: Child O: a review\n---\n");
        var d = Diagnostics.One(result, "SCR004", "input/themes/new.md", 3, 17);
        Assert.Contains("must be put in quotes", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_tab_in_front_matter_When_checked_Then_SCR004_asks_for_spaces()
    {
        var result = CheckWith("input/themes/new.md", "---\ntitle: New\nsummary: S.\nrelated:\n\t- neglect\n---\n");
        Assert.Contains(result.Diagnostics, d => d.Code == "SCR004" && d.At.Line == 5 && d.Message.Contains("tab", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_key_written_twice_When_checked_Then_SCR004_says_so()
    {
        var result = CheckWith("input/themes/new.md", "---\ntitle: New\ntitle: Again\nsummary: S.\n---\n");
        var d = Assert.Single(result.Diagnostics, x => x.Code == "SCR004");
        Assert.Contains("written twice", d.Message, StringComparison.Ordinal);
        Assert.Equal(3, d.At.Line);
    }

    [Fact]
    public void Given_a_file_that_is_not_UTF8_When_checked_Then_SCR001_names_the_line()
    {
        using var site = new TestSite();
        File.WriteAllBytes(Path.Combine(site.Root, "input/themes/latin1.md"), [.. "---\ntitle: Caf"u8, 0xE9, .. "\nsummary: S.\n---\n"u8]);
        var result = site.Check();
        Diagnostics.One(result, "SCR001", "input/themes/latin1.md", 2, 1, "UTF-8");
    }

    [Fact]
    public void Given_a_byte_order_mark_and_CRLF_line_ends_When_checked_Then_the_file_is_read_normally()
    {
        using var site = new TestSite();
        File.WriteAllBytes(Path.Combine(site.Root, "input/themes/windows.md"),
            [0xEF, 0xBB, 0xBF, .. "---\r\ntitle: Windows\r\nsummary: S.\r\n---\r\nText.\r\n"u8]);
        var result = site.Check();
        Assert.False(result.Failed, string.Join('\n', result.Diagnostics));
    }

    [Fact]
    public void Given_several_mistakes_in_several_files_When_checked_Then_every_one_is_reported()
    {
        using var site = new TestSite(new Dictionary<string, string>
        {
            ["input/cases/child-b.md"] = TestSite.Case("Child B", "themes: [neglct]\nreview_type: serius-case-review"),
            ["input/themes/new.md"] = "---\ntitle: New\ncolour: red\n---\n",
        });
        var result = site.Check();
        var codes = result.Diagnostics.Where(d => d.Severity == Lscb.Site.Core.Severity.Error).Select(d => d.Code).Order().ToList();
        Assert.Equal(["SCR006", "SCR007", "SCR010", "SCR012"], codes);
    }

    [Fact]
    public void Given_an_unknown_key_in_the_settings_When_checked_Then_SCR006_points_into_statiq_config()
    {
        using var site = new TestSite();
        File.AppendAllText(Path.Combine(site.Root, "statiq.config"), "colour: red\n");
        var result = site.Check();
        Assert.Contains(result.Diagnostics, d => d.Code == "SCR006" && d.At.File == "statiq.config");
        Assert.Equal(1, result.ExitCode);
    }
}
