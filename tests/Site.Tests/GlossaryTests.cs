using Lscb.Site.Core;
using Lscb.Site.Validate;

namespace Lscb.Site.Tests;

/// <summary>The real glossary: enough terms, each defined from a named source, shown A to Z, and never published as a file.</summary>
[Collection(RealSiteCollection.Name)]
public sealed class GlossaryTests(RealSiteFixture site)
{
    private static IReadOnlyList<GlossaryTerm> Terms()
    {
        var bag = new DiagnosticBag();
        var themes = Directory.GetFiles(Path.Combine(Repo.Root, "input", "themes"), "*.md").Select(Path.GetFileNameWithoutExtension).OfType<string>().ToHashSet();
        var terms = GlossaryReader.Read(File.ReadAllText(Path.Combine(Repo.Root, "input", "glossary.yml")), themes, bag);
        Assert.True(bag.Sorted().Count == 0, string.Join('\n', bag.Sorted()));
        return terms;
    }

    [Fact]
    public void Given_the_glossary_Then_every_term_has_a_definition_and_a_source_and_the_bulletins_vocabulary_is_covered()
    {
        var terms = Terms();
        Assert.True(terms.Count >= 30, $"the glossary has {terms.Count} terms; it needs at least 30");
        Assert.All(terms, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Definition), t.Term);
            Assert.False(string.IsNullOrWhiteSpace(t.Source), t.Term);
        });
        var abbreviations = terms.SelectMany(t => t.Abbreviations).ToHashSet();
        foreach (var wanted in new[] { "CSE", "CCE", "DA", "DV", "HSB", "SHB", "SUDI", "SIDS", "GCP", "GCP2", "LAC", "CLA", "SCR", "CSPR", "LSCB", "MASH", "MARAC" })
            Assert.Contains(wanted, abbreviations);
        Assert.Contains(terms, t => t.Term.Equals("Toxic trio", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Given_the_glossary_When_built_Then_its_page_lists_every_term_A_to_Z_with_an_anchor_its_definition_and_source()
    {
        var terms = Terms();
        var page = site.Page("glossary/index.html");
        var shown = page.QuerySelectorAll("dl.app-glossary > dt").ToList();
        Assert.Equal(terms.Select(t => t.Anchor), shown.Select(dt => dt.Id));
        Assert.Equal(terms.Select(t => t.Term).Order(StringComparer.OrdinalIgnoreCase), shown.Select(dt => terms.Single(t => t.Anchor == dt.Id).Term));
        foreach (var (term, dt) in terms.Zip(shown))
        {
            var dd = dt.NextElementSibling!;
            Assert.Contains(term.Definition, dd.TextContent, StringComparison.Ordinal);
            Assert.Contains("Source: " + term.Source, dd.TextContent, StringComparison.Ordinal);
        }

        // The letters lead to their sections.
        foreach (var link in page.QuerySelectorAll(".app-az a"))
            Assert.NotNull(page.GetElementById(link.GetAttribute("href")!.TrimStart('#')));
        // The data file is read by the build, never published.
        Assert.False(File.Exists(Path.Combine(site.Output, "glossary.yml")));
        Assert.DoesNotContain(Directory.EnumerateFiles(site.Output, "*.yml", SearchOption.AllDirectories), _ => true);
    }

    [Fact]
    public void Given_a_theme_with_other_names_When_built_Then_they_are_shown_on_its_page_and_weighted_in_search()
    {
        var also = site.Page("themes/child-sexual-exploitation/index.html").QuerySelector(".app-also-called")!;
        Assert.Equal("Also called: CSE, sexual exploitation", also.TextContent);
        Assert.Equal("7", also.GetAttribute("data-pagefind-weight"));
    }

    [Fact]
    public void Given_an_abbreviation_used_several_times_When_built_Then_only_its_first_use_in_the_text_is_marked_up_with_its_expansion()
    {
        var html = site.Text("cases/child-q-and-child-s/index.html");
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(html, "<abbr title=\"Child sexual exploitation\">CSE</abbr>"));
        // It is used again later on the page, as plain text.
        Assert.True(System.Text.RegularExpressions.Regex.Count(html, @"\bCSE\b") > 1);
    }

    [Fact]
    public void Given_abbreviations_in_headings_links_and_words_When_built_Then_they_are_left_alone_there_and_marked_once_per_page()
    {
        using var test = new TestSite(new Dictionary<string, string>
        {
            ["input/glossary.yml"] = "terms:\n  - term: Child sexual exploitation\n    abbreviations: [CSE]\n    definition: A form of child sexual abuse.\n    source: Department for Education (2017)\n  - term: Domestic abuse\n    abbreviations: [DA, DV]\n    definition: Abusive behaviour between people who are personally connected.\n    source: Domestic Abuse Act 2021\n",
            ["input/cases/child-b.md"] = TestSite.Case("Child B", body:
                "## DV in the family\n\nThe [DV services](https://example.org/) were told. Then DV was recorded, and DV again; DATA and Dvorak are words.\n\nDA was named, and CSE too.\n"),
        });
        var result = Lscb.Site.Build.SiteBuilder.Build(test.Options());
        Assert.False(result.Failed, string.Join('\n', result.Diagnostics));
        var html = test.ReadOutput("cases/child-b/index.html");
        Assert.Contains(">DV in the family</h2>", html, StringComparison.Ordinal);
        Assert.Contains(">DV services</a>", html, StringComparison.Ordinal);
        Assert.Contains("Then <abbr title=\"Domestic abuse\">DV</abbr> was recorded, and DV again; DATA and Dvorak are words.", html, StringComparison.Ordinal);
        // Two abbreviations in one run of text are each marked.
        Assert.Contains("<abbr title=\"Domestic abuse\">DA</abbr> was named, and <abbr title=\"Child sexual exploitation\">CSE</abbr> too.", html, StringComparison.Ordinal);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(html, "<abbr "));
    }
}
