using System.Text.Json;
using System.Text.RegularExpressions;

namespace Lscb.Site.Tests;

/// <summary>
/// The real content says where it comes from and when it was true: every case and response names
/// its source with its date, every status carries its "as at" date, no page or export ties a
/// response to a review that its source does not, and the bulletin is published unchanged.
/// </summary>
[Collection(RealSiteCollection.Name)]
public sealed partial class SourcingTests(RealSiteFixture site)
{
    private const string Bulletin = "sources/bulletin-january-2017/index.html";
    private static readonly string Seed = Path.Combine(Repo.Root, "seeds", "000_e3ee0f105502bd18.txt");

    private IEnumerable<string> PagesUnder(string folder) =>
        site.HtmlFiles.Where(p => p.StartsWith(folder, StringComparison.Ordinal) && p != folder + "index.html");

    [Fact]
    public void Given_the_real_content_Then_every_case_and_response_page_shows_its_source_with_publisher_and_date()
    {
        var pages = PagesUnder("cases/").Concat(PagesUnder("responses/")).ToList();
        Assert.Equal(4 + 6, pages.Count);
        foreach (var path in pages)
        {
            var page = site.Page(path);
            var heading = page.QuerySelector("h2#sources");
            Assert.True(heading is not null, $"{path} has no Source section");
            var item = Assert.Single(page.QuerySelectorAll("ul.app-sources li"));
            Assert.Equal(RealSiteFixture.BasePath + "sources/bulletin-january-2017/", item.QuerySelector("a")!.GetAttribute("href"));
            Assert.Equal("Learning from Serious Case Reviews in Knowsley, Knowsley Local Safeguarding Children Board, January 2017", Squash(item.TextContent));
            Assert.Equal("2017-01", item.QuerySelector("time")!.GetAttribute("datetime"));
        }
    }

    [Fact]
    public void Given_the_real_content_Then_every_status_shown_anywhere_carries_its_as_at_date()
    {
        var shown = 0;
        foreach (var path in site.HtmlFiles)
        {
            foreach (var tag in site.Page(path).QuerySelectorAll("main .govuk-tag"))
            {
                shown++;
                var status = tag.ParentElement!;
                Assert.True(status.ClassList.Contains("app-status"), $"{path}: the status '{tag.TextContent}' is not in a dated status line");
                Assert.Matches(@"^(Planned|In progress|Completed|In place) as at January 2017$", Squash(status.TextContent));
                Assert.Equal("2017-01", status.QuerySelector("time")!.GetAttribute("datetime"));
            }
        }

        // Six responses on the responses index and the home page, and each on its own page, at least.
        Assert.True(shown >= 18, $"only {shown} statuses were found");
    }

    [Fact]
    public void Given_the_bulletins_words_Then_each_response_has_the_status_they_support()
    {
        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["neglect-strategy"] = "Completed",            // "has been reviewed and amended"
            ["graded-care-profile"] = "In progress",       // "has promoted the use of"
            ["domestic-abuse-action-plan"] = "In progress", // "is being delivered"
            ["sexually-harmful-behaviour-policy"] = "Completed", // "has been developed"
            ["voice-of-the-child-focus-group"] = "Planned", // "has been commissioned"
            ["targeted-training"] = "In progress",         // "has continued to be delivered"
        };
        foreach (var (slug, status) in expected)
        {
            var page = site.Page($"responses/{slug}/index.html");
            Assert.Equal($"{status} as at January 2017", Squash(page.QuerySelector(".govuk-summary-list .app-status")!.TextContent));
            Assert.Contains("This status is as at January 2017", page.QuerySelector(".app-currency")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Given_a_bulletin_that_lists_responses_for_all_reviews_together_Then_no_case_page_response_page_or_export_row_ties_one_to_a_review()
    {
        foreach (var path in PagesUnder("cases/"))
        {
            var main = site.Page(path).QuerySelector("main")!;
            Assert.DoesNotContain("says answer it", main.TextContent, StringComparison.Ordinal);
            var links = main.QuerySelectorAll("a[href*='/responses/']").ToList();
            Assert.NotEmpty(links);
            // Every response a case page links to is in the list labelled as the responses on its themes.
            foreach (var link in links)
            {
                var list = link.Closest("ul.app-response-list");
                Assert.True(list is not null, $"{path}: a response link outside the labelled list");
                Assert.Contains("not said to answer this review", list.PreviousElementSibling!.TextContent, StringComparison.Ordinal);
            }
        }

        foreach (var path in PagesUnder("responses/"))
        {
            var main = site.Page(path).QuerySelector("main")!;
            Assert.Empty(main.QuerySelectorAll("a[href*='/cases/']"));
            Assert.Contains("No source ties this response to a particular case review", main.TextContent, StringComparison.Ordinal);
        }

        using var json = JsonDocument.Parse(site.Text("data/cases.json"));
        foreach (var c in json.RootElement.GetProperty("cases").EnumerateArray())
            Assert.Empty(c.GetProperty("responses").EnumerateArray());
        var rows = DataExportTests.ParseCsv(site.Text("data/cases.csv"));
        var column = rows[0].IndexOf("responses");
        Assert.All(rows.Skip(1), r => Assert.Equal("", r[column]));
    }

    [Fact]
    public void Given_the_withheld_case_Then_no_publication_date_stands_beside_its_notice()
    {
        var page = site.Page("cases/child-n/index.html");
        var banner = page.QuerySelector(".govuk-notification-banner")!;
        var facts = page.QuerySelector(".app-facts")!;
        foreach (var part in new[] { banner, facts })
        {
            Assert.Empty(part.QuerySelectorAll("time"));
            Assert.DoesNotContain("2017", part.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("Published", part.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal("Serious case review. Commissioned between April 2015 and March 2016. Findings not published. "
            + "The learning describes practice at the time of the review, not today.", Squash(facts.TextContent));
    }

    [Fact]
    public void Given_a_published_case_Then_its_date_is_said_to_be_the_bulletins_and_the_learning_is_said_not_to_be_news()
    {
        foreach (var path in PagesUnder("cases/"))
        {
            var page = site.Page(path);
            Assert.Empty(page.QuerySelectorAll(".govuk-summary-list"));
            // The Board year in plain words, and when the learning dates from.
            var facts = Squash(page.QuerySelector(".app-facts")!.TextContent);
            Assert.Contains("Commissioned between April 2015 and March 2016", facts, StringComparison.Ordinal);
            Assert.DoesNotContain("Board year", facts, StringComparison.Ordinal);
            Assert.Contains("not today", facts, StringComparison.Ordinal);
        }

        var summarised = Squash(site.Page("cases/child-o/index.html").QuerySelector(".app-facts")!.TextContent);
        Assert.Equal("Serious case review. Commissioned between April 2015 and March 2016. "
            + "Summarised in Learning from Serious Case Reviews in Knowsley, January 2017. "
            + "The learning describes practice at the time of the review, not today.", summarised);
    }

    [Fact]
    public void Given_the_real_content_Then_every_footer_says_what_date_the_content_is_as_at_not_the_build_date()
    {
        foreach (var path in site.HtmlFiles)
        {
            var footer = site.Page(path).QuerySelector("footer")!;
            Assert.Contains("Content as at January 2017.", Squash(footer.TextContent), StringComparison.Ordinal);
            Assert.NotNull(footer.QuerySelector($"a[href='{RealSiteFixture.BasePath}sources/']"));
        }
    }

    [Fact]
    public void Given_the_sources_page_Then_it_lists_the_bulletin_with_every_page_drawn_from_it()
    {
        var page = site.Page("sources/index.html");
        var heading = Assert.Single(page.QuerySelectorAll("main h2"));
        Assert.Equal("Learning from Serious Case Reviews in Knowsley", heading.TextContent);
        var links = page.QuerySelectorAll("main ul.govuk-list a").Select(a => a.GetAttribute("href")!).ToList();
        foreach (var path in new[] { "cases/child-o/", "cases/child-n/", "responses/neglect-strategy/", "themes/toxic-trio/", "about/" })
            Assert.Contains(RealSiteFixture.BasePath + path, links);
    }

    [Fact]
    public void Given_the_bulletin_in_seeds_Then_its_page_shows_its_text_unchanged()
    {
        var page = site.Page(Bulletin);
        var text = page.QuerySelector("pre#source-text")!.TextContent;
        Assert.Equal(File.ReadAllText(Seed), text);
        // The text is kept out of the search index: every page drawn from it is indexed instead.
        Assert.Equal("all", page.QuerySelector("pre#source-text")!.GetAttribute("data-pagefind-ignore"));
    }

    [Fact]
    public void Given_a_page_that_quotes_the_bulletin_Then_the_quotation_is_in_the_bulletin_word_for_word()
    {
        // The bulletin's own text, without its bold marks and with its line breaks and spaces folded.
        var bulletin = Squash(File.ReadAllText(Seed).Replace("**", "", StringComparison.Ordinal));
        var quoted = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Root, "input"), "*.md", SearchOption.AllDirectories))
        {
            foreach (Match m in Quotation().Matches(Squash(File.ReadAllText(file))))
            {
                quoted++;
                var words = m.Groups[1].Value;
                Assert.True(bulletin.Contains(words, StringComparison.Ordinal), $"{Path.GetFileName(file)} quotes the bulletin as saying \"{words}\", which it does not");
            }
        }

        Assert.True(quoted >= 7, $"only {quoted} quotations of the bulletin were found");
    }

    private static string Squash(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    // "The bulletin says: "...", and "The bulletin also says: "..."".
    [GeneratedRegex("bulletin (?:also )?says: \"([^\"]+)\"")]
    private static partial Regex Quotation();
}

/// <summary>Theme pages say each thing once: a theme with nothing on it says so in words, and "through" is explained.</summary>
[Collection(RealSiteCollection.Name)]
public sealed class ThemePageTests(RealSiteFixture site)
{
    [Fact]
    public void Given_safe_sleeping_which_no_review_carries_Then_its_page_says_so_once_and_the_index_shows_no_zero_counts()
    {
        var main = site.Page("themes/safe-sleeping/index.html").QuerySelector("main")!;
        Assert.DoesNotContain(main.QuerySelectorAll("h2"), h => h.TextContent is "Case reviews" or "Board responses");
        Assert.Single(main.QuerySelectorAll("p"), p => p.TextContent.Contains("on this site is tied to this theme", StringComparison.Ordinal));

        // Nor do the themes index or the home page's grid of themes show zero counts.
        foreach (var page in new[] { "themes/index.html", "index.html" })
        {
            var text = site.Page(page).QuerySelector("main")!.TextContent;
            Assert.DoesNotMatch(@"\b0 (case reviews|Board responses)", text);
            Assert.Contains("Not tied to a case review or Board response on this site", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Given_the_home_page_Then_it_leads_with_one_sentence_then_themes_then_reviews_then_responses_each_listed_once()
    {
        var main = site.Page("index.html").QuerySelector("main")!;
        Assert.Equal(["Find learning by theme", "Case reviews", "What the Board did", "About this learning", "Source"],
            main.QuerySelectorAll("h2").Select(h => h.TextContent.Trim()).Where(h => h != "Worried about a child?"));
        // One sentence of what this is, between the title and the themes.
        var lead = main.QuerySelector("h1")!.NextElementSibling!;
        Assert.Equal("p", lead.LocalName);
        Assert.Single(Regex.Matches(lead.TextContent.Trim(), @"\.(\s|$)"));

        // Every theme in the grid, with its counts; every theme, case and response linked once.
        var tiles = main.QuerySelectorAll(".app-theme-grid__item");
        Assert.Equal(Directory.GetFiles(Path.Combine(Repo.Root, "input", "themes"), "*.md").Length, tiles.Length);
        Assert.Contains(tiles, t => t.TextContent.Contains("Neglect", StringComparison.Ordinal) && t.TextContent.Contains("1 case review, 2 Board responses", StringComparison.Ordinal));
        foreach (var folder in new[] { "themes", "cases", "responses" })
        {
            var links = main.QuerySelectorAll($"a[href^='{RealSiteFixture.BasePath}{folder}/']").Select(a => a.GetAttribute("href")).ToList();
            Assert.NotEmpty(links);
            Assert.True(links.Count == links.Distinct().Count(), $"the home page links to some {folder} more than once: {string.Join(", ", links.GroupBy(l => l).Where(g => g.Count() > 1).Select(g => g.Key))}");
        }
    }

    [Fact]
    public void Given_the_toxic_trio_Then_its_page_says_its_learning_once_and_explains_what_through_means()
    {
        var main = site.Page("themes/toxic-trio/index.html").QuerySelector("main")!;
        var text = Regex.Replace(main.TextContent, @"\s+", " ");
        Assert.Equal(1, Regex.Count(text, "understood by practitioners in all agencies"));
        Assert.Contains("listed here through Domestic abuse, a theme that toxic trio brings together", text, StringComparison.Ordinal);
    }
}

/// <summary>A reader is warned before the first words that describe harm to a child, wherever they are.</summary>
[Collection(RealSiteCollection.Name)]
public sealed class DistressWarningTests(RealSiteFixture site)
{
    // The words of the real summaries and texts that describe harm.
    private static readonly string[] Harm = ["took their own life", "death of a baby", "sexually exploited", "sexual assault", "convicted", "victim"];

    [Theory]
    [InlineData("cases/child-o/index.html")]
    [InlineData("cases/child-r/index.html")]
    [InlineData("cases/child-q-and-child-s/index.html")]
    [InlineData("cases/child-n/index.html")]
    [InlineData("index.html")]
    [InlineData("cases/index.html")]
    [InlineData("themes/child-sexual-exploitation/index.html")]
    [InlineData("sources/bulletin-january-2017/index.html")]
    public void Given_a_page_that_describes_harm_Then_the_warning_comes_before_the_first_words_that_do(string path)
    {
        var main = site.Page(path).QuerySelector("main")!;
        var text = main.TextContent;
        var warning = main.QuerySelector(".app-distressing");
        Assert.True(warning is not null, $"{path} has no warning");
        var firstHarm = Harm.Select(h => text.IndexOf(h, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        Assert.True(firstHarm >= 0, $"{path} was expected to describe harm");
        var warningAt = text.IndexOf(warning.TextContent, StringComparison.Ordinal);
        Assert.True(warningAt >= 0 && warningAt < firstHarm, $"{path}: the warning is at {warningAt}, after the first words of harm at {firstHarm}");
        // The warning's own words describe no harm.
        Assert.DoesNotContain(Harm, h => warning.TextContent.Contains(h, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Given_the_search_page_Then_a_warning_comes_before_the_results_which_quote_the_case_reviews()
    {
        var main = site.Page("search/index.html").QuerySelector("main")!;
        var warning = main.QuerySelector(".app-distressing");
        Assert.NotNull(warning);
        var results = main.QuerySelector("#search-results")!;
        Assert.True(warning.CompareDocumentPosition(results).HasFlag(AngleSharp.Dom.DocumentPositions.Following), "the warning must come before the results");
    }
}
