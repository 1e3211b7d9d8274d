using Lscb.Site.Build;
using Lscb.Site.Core;
using Xunit.Abstractions;

namespace Lscb.Site.Tests;

/// <summary>
/// Preview re-renders a page when something it read from the content changed, and only then: what a
/// page read is recorded as it renders, not declared. For every kind of item and every setting, an
/// edit to a field that some page shows must leave preview's folder exactly as a fresh build leaves it.
/// </summary>
public sealed class RecordedReadsTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    // A site with one of everything a page can show: a second case with key learning, questions and
    // a report, a plain page, a glossary and a help line.
    private static readonly Dictionary<string, string> Extra = new()
    {
        ["input/cases/child-b.md"] = TestSite.Case("Child B", "themes: [toxic-trio]\nreport_url: https://example.org/child-b.pdf\n"
            + "key_learning:\n  - The first point.\n  - The second point.\n  - The third point.\nquestions:\n  - A question of its own?\nhelp_lines: [a-line]"),
        ["input/pages/about.md"] = "---\ntitle: About\nsummary: About the site.\n---\nAbout text.\n",
        ["input/sources/report.md"] = "---\ntitle: The report\npublisher: The Board\ndate: 2016-11\nurl: https://example.org/report\nlocal_copy: seeds/report.txt\n---\nText.\n",
        ["seeds/report.txt"] = "The text of the report.\n",
        ["input/glossary.yml"] = "terms:\n  - term: Domestic abuse\n    abbreviations: [DA]\n    definition: The first definition.\n    source: A national source\n    themes: [domestic-abuse]\n",
    };

    private const string HelpLines = "help_lines:\n  a-line:\n    name: A line\n    for: for anyone\n    phone: 0800 000 000\n    url: https://example.org/a-line\n    themes: [neglect]\n";

    /// <summary>File, text to replace, replacement: each changes one field that some page shows.</summary>
    public static TheoryData<string, string, string> Edits => new()
    {
        // The home page and a plain page.
        { "input/index.md", "title: Home", "title: Start" },
        { "input/index.md", "Welcome.", "Welcome, reader." },
        { "input/pages/about.md", "summary: About the site.", "summary: What the site is." },
        { "input/pages/about.md", "About text.", "Other text." },
        // A case: each field.
        { "input/cases/child-a.md", "title: Child A", "title: Child A renamed" },
        { "input/cases/child-a.md", "summary: A short summary.", "summary: Another summary." },
        { "input/cases/child-a.md", "year: 2015-16", "year: 2014-15" },
        { "input/cases/child-a.md", "published: 2017-01-31", "published: 2016-12-31" },
        { "input/cases/child-a.md", "review_type: serious-case-review", "review_type: thematic-review" },
        { "input/cases/child-a.md", "themes: [neglect, domestic-abuse]", "themes: [neglect]" },
        { "input/cases/child-a.md", "responses: [strategy]", "responses: []" },
        { "input/cases/child-a.md", "sources: [bulletin]", "sources: [bulletin, report]" },
        { "input/cases/child-a.md", "Text.", "Other text." },
        { "input/cases/child-a.md", "publication: published", "publication: withheld\nwithheld_reason: To protect the family." },
        { "input/cases/child-a.md", "publication: published", "publication: published\ndraft: true" },
        { "input/cases/child-a.md", "publication: published", "publication: published\nmoved_from: [cases/child-x/]" },
        { "input/cases/child-b.md", "report_url: https://example.org/child-b.pdf", "report_url: https://example.org/b.pdf" },
        { "input/cases/child-b.md", "  - The second point.", "  - A second point." },
        { "input/cases/child-b.md", "  - A question of its own?", "  - Another question?" },
        { "input/cases/child-b.md", "help_lines: [a-line]", "help_lines: []" },
        // A theme.
        { "input/themes/neglect.md", "title: Neglect", "title: Child neglect" },
        { "input/themes/neglect.md", "summary: About neglect.", "summary: What neglect is." },
        { "input/themes/toxic-trio.md", "includes: [domestic-abuse]", "includes: [domestic-abuse, neglect]" },
        { "input/themes/neglect.md", "summary: About neglect.", "summary: About neglect.\nrelated: [domestic-abuse]" },
        { "input/themes/neglect.md", "summary: About neglect.", "summary: About neglect.\nalso_known_as: [child neglect]" },
        { "input/themes/domestic-abuse.md", "Text.", "Other text." },
        // A response.
        { "input/responses/strategy.md", "title: Strategy", "title: The strategy" },
        { "input/responses/strategy.md", "status: in-place", "status: in-progress" },
        { "input/responses/strategy.md", "as_at: 2017-01", "as_at: 2016-05" },
        { "input/responses/strategy.md", "themes: [neglect]", "themes: [domestic-abuse]" },
        { "input/responses/strategy.md", "status: in-place", "status: in-place\ndate: 2016-10" },
        { "input/responses/strategy.md", "Text.", "Other text." },
        // A source and its local copy.
        { "input/sources/bulletin.md", "title: The bulletin", "title: The Board's bulletin" },
        { "input/sources/bulletin.md", "publisher: The Board", "publisher: The Safeguarding Board" },
        { "input/sources/report.md", "date: 2016-11", "date: 2016-10" },
        { "input/sources/report.md", "url: https://example.org/report", "url: https://example.org/the-report" },
        { "seeds/report.txt", "The text of the report.", "The new text of the report." },
        // The glossary.
        { "input/glossary.yml", "The first definition.", "Another definition." },
        { "input/glossary.yml", "abbreviations: [DA]", "abbreviations: [DA, DV]" },
        // Every setting that a page, the feed, the sitemap or the export shows.
        { "statiq.config", "title: Learning from case reviews", "title: Learning from reviews" },
        { "statiq.config", "organisation: Knowsley Local Safeguarding Children Board", "organisation: The Board" },
        { "statiq.config", "description: What Knowsley", "description: Here is what Knowsley" },
        { "statiq.config", "base_url: http://localhost:8080/", "base_url: https://example.org/learning/" },
        { "statiq.config", "language: en-GB", "language: en" },
        { "statiq.config", "exit_this_page_url: https://www.bbc.co.uk/weather", "exit_this_page_url: https://www.bbc.co.uk/news" },
        { "statiq.config", "serious-case-review: Serious case review", "serious-case-review: Serious case review (SCR)" },
        { "statiq.config", "Which other agencies know this family", "Which agencies know this family" },
        { "statiq.config", "emergency_phone: \"999\"", "emergency_phone: \"112\"" },
        { "statiq.config", "nspcc_phone: \"0808 800 5000\"", "nspcc_phone: \"0808 800 5001\"" },
        { "statiq.config", "local_contact_name: \"\"\nlocal_contact_phone: \"\"", "local_contact_name: \"The front door\"\nlocal_contact_phone: \"0151 000 0000\"" },
        { "statiq.config", "phone: 0800 000 000", "phone: 0800 000 001" },
        { "statiq.config", "themes: [neglect]\n", "themes: [domestic-abuse]\n" },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Given_an_edit_to_any_field_a_page_shows_When_preview_rebuilds_Then_its_folder_is_what_a_fresh_build_writes(string file, string from, string to)
    {
        using var site = NewSite();
        var session = new BuildSession();
        Build(site, session);
        var before = Snapshots.Of(site.Output);
        var all = session.Pages.Rendered;

        var path = Path.Combine(site.Root, file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
        Build(site, session);
        output.WriteLine($"{file}: {from} -> {to}: {session.Pages.Rendered} of {all} pages rendered again");

        var fresh = Fresh(site);
        Assert.NotEqual("", Snapshots.Difference(before, fresh));
        var difference = Snapshots.Difference(fresh, Snapshots.Of(site.Output));
        Assert.True(difference.Length == 0, $"after '{from}' became '{to}' in {file}, the preview folder differs from a fresh build: {difference}");
    }

    [Fact]
    public void Given_a_preview_When_a_value_a_page_read_changes_Then_only_the_pages_that_read_it_are_rendered_again()
    {
        using var site = NewSite();
        var session = new BuildSession();
        Build(site, session);
        var all = session.Pages.Rendered;

        // Child B's questions are read by its own page alone.
        Edit(site, "input/cases/child-b.md", "  - A question of its own?", "  - Another question?");
        Build(site, session);
        Assert.Equal(1, session.Pages.Rendered);

        // Its summary is read by every list that shows it, not by the pages that only link to it.
        Edit(site, "input/cases/child-b.md", "summary: A short summary.", "summary: Another summary.");
        Build(site, session);
        output.WriteLine($"a case's summary: {session.Pages.Rendered} of {all}");
        Assert.InRange(session.Pages.Rendered, 3, all - 1);
        Assert.Contains("Another summary.", site.ReadOutput("cases/index.html"), StringComparison.Ordinal);

        // A setting no page shows re-renders nothing.
        Edit(site, "statiq.config", "time_zone: Europe/London", "time_zone: Europe/Dublin");
        Build(site, session);
        Assert.Equal(0, session.Pages.Rendered);
        AssertSame(site);
    }

    [Fact]
    public void Given_a_component_that_shows_one_more_field_Then_the_read_is_recorded_without_being_declared_anywhere()
    {
        using var site = NewSite();
        var model = Model(site);
        var child = model.Cases.Single(c => c.Title == "Child B");

        // A page that shows one more field of an item than it did: nothing but the reading changes.
        var before = Record(() => child.Title);
        var after = Record(() => (child.Title, child.ReportUrl));
        Assert.DoesNotContain(before, r => r.Key.EndsWith("#ReportUrl", StringComparison.Ordinal));
        var read = Assert.Single(after, r => r.Key == "input/cases/child-b.md#ReportUrl");

        // The recorded read finds the field again in another build's content, so a change to it is seen.
        Edit(site, "input/cases/child-b.md", "report_url: https://example.org/child-b.pdf", "report_url: https://example.org/b.pdf");
        var changed = Model(site);
        Assert.Equal("https://example.org/child-b.pdf", read.Value(model));
        Assert.Equal("https://example.org/b.pdf", read.Value(changed));

        // Lists, lookups and settings are recorded the same way.
        var more = Record(() => (model.CasesUnder(model.ThemeBySlug["toxic-trio"]), model.Config.NspccPhone, model.IncludedThemes["toxic-trio"]));
        Assert.Contains(more, r => r.Key == "site#CasesUnder(toxic-trio)");
        Assert.Contains(more, r => r.Key == "site#ThemeBySlug[toxic-trio]");
        Assert.Contains(more, r => r.Key == "setting#NspccPhone");
        Assert.Contains(more, r => r.Key == "site#IncludedThemes[toxic-trio]");
        // The model's own work (following includes, sorting by title) is not: its result is.
        Assert.DoesNotContain(more, r => r.Key.EndsWith("#Title", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_no_page_being_made_Then_nothing_is_recorded()
    {
        using var site = NewSite();
        var model = Model(site);
        var log = new Reads();
        _ = model.Cases[0].Title;
        using (Reads.Begin(log))
        {
            using (Reads.Pause()) _ = model.Cases[0].Summary;
        }

        Assert.Empty(log.All);
        Assert.False(Reads.Recording);
        using (Reads.Begin(log)) _ = model.Cases[0].Summary;
        Assert.Equal(["site#Cases", "input/cases/child-a.md#Summary"], log.All.Select(r => r.Key));
    }

    private static IReadOnlyList<Read> Record(Func<object?> page)
    {
        var log = new Reads();
        using (Reads.Begin(log)) page();
        return log.All;
    }

    private static Assemble.SiteModel Model(TestSite site)
    {
        var diagnostics = new DiagnosticBag();
        var loaded = Load.SiteLoader.Load(site.Root, diagnostics);
        var validated = Validate.ContentValidator.Validate(loaded, diagnostics);
        Assert.True(validated is not null, string.Join('\n', diagnostics.Sorted()));
        return Assemble.SiteAssembler.Assemble(validated, new Assemble.PublicationRules(true, Today));
    }

    private static TestSite NewSite()
    {
        var site = new TestSite(Extra);
        var config = Path.Combine(site.Root, "statiq.config");
        File.AppendAllText(config, "\n" + HelpLines);
        return site;
    }

    private static void Edit(TestSite site, string file, string from, string to)
    {
        var path = Path.Combine(site.Root, file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    private static BuildOptions Options(TestSite site) => site.Options(drafts: false, today: Today) with { SearchIndex = false };

    private static void Build(TestSite site, BuildSession session)
    {
        var result = SiteBuilder.Build(Options(site), session);
        Assert.False(result.Failed, string.Join('\n', result.Diagnostics));
    }

    private static SortedDictionary<string, string> Fresh(TestSite site) => FreshBuild.Of(site, Options(site));

    private static void AssertSame(TestSite site) => FreshBuild.AssertSame(site, Options(site));
}
