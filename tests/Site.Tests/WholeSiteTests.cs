using System.Xml.Linq;
using AngleSharp.Dom;

namespace Lscb.Site.Tests;

/// <summary>The real content, built under a base path, checked page by page.</summary>
[Collection(RealSiteCollection.Name)]
public sealed class WholeSiteTests(RealSiteFixture site)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static IReadOnlyList<string> Links(IDocument page, string selector = "main a[href]") =>
        page.QuerySelectorAll(selector).Select(a => a.GetAttribute("href")!).ToList();

    [Fact]
    public void Given_the_real_content_When_built_Then_there_are_no_errors_or_warnings()
    {
        Assert.False(site.Result.Failed, string.Join('\n', site.Result.Diagnostics));
        Assert.Empty(site.Result.Diagnostics);
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("cases/index.html")]
    [InlineData("themes/index.html")]
    [InlineData("responses/index.html")]
    [InlineData("cases/child-o/index.html")]
    [InlineData("cases/child-r/index.html")]
    [InlineData("cases/child-q-and-child-s/index.html")]
    [InlineData("cases/child-n/index.html")]
    [InlineData("themes/neglect/index.html")]
    [InlineData("themes/domestic-abuse/index.html")]
    [InlineData("themes/child-sexual-exploitation/index.html")]
    [InlineData("themes/adult-mental-health/index.html")]
    [InlineData("themes/substance-misuse/index.html")]
    [InlineData("themes/safe-sleeping/index.html")]
    [InlineData("themes/toxic-trio/index.html")]
    [InlineData("themes/sexually-harmful-behaviour/index.html")]
    [InlineData("responses/neglect-strategy/index.html")]
    [InlineData("responses/graded-care-profile/index.html")]
    [InlineData("responses/domestic-abuse-action-plan/index.html")]
    [InlineData("responses/sexually-harmful-behaviour-policy/index.html")]
    [InlineData("responses/voice-of-the-child-focus-group/index.html")]
    [InlineData("responses/targeted-training/index.html")]
    [InlineData("accessibility/index.html")]
    [InlineData("privacy/index.html")]
    [InlineData("about/index.html")]
    [InlineData("404.html")]
    public void Given_an_expected_page_Then_it_exists_with_one_h1_and_the_language_set(string path)
    {
        var page = site.Page(path);
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal("en-GB", page.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector("main#main-content"));
    }

    [Fact]
    public void Given_the_neglect_theme_Then_its_page_lists_Child_O_and_the_neglect_responses()
    {
        var links = Links(site.Page("themes/neglect/index.html"));
        Assert.Contains(RealSiteFixture.BasePath + "cases/child-o/", links);
        Assert.Contains(RealSiteFixture.BasePath + "responses/neglect-strategy/", links);
        Assert.Contains(RealSiteFixture.BasePath + "responses/graded-care-profile/", links);
        Assert.DoesNotContain(RealSiteFixture.BasePath + "cases/child-n/", links);
    }

    [Fact]
    public void Given_the_toxic_trio_Then_its_page_lists_Child_R_and_the_themes_it_includes()
    {
        var links = Links(site.Page("themes/toxic-trio/index.html"));
        Assert.Contains(RealSiteFixture.BasePath + "cases/child-r/", links);
        Assert.Contains(RealSiteFixture.BasePath + "themes/domestic-abuse/", links);
        Assert.Contains(RealSiteFixture.BasePath + "themes/adult-mental-health/", links);
        Assert.Contains(RealSiteFixture.BasePath + "themes/substance-misuse/", links);
        // Listed through an included theme (domestic abuse), and said so.
        var plan = site.Page("themes/toxic-trio/index.html").QuerySelectorAll("main li")
            .Single(li => li.QuerySelector("a")?.GetAttribute("href") == RealSiteFixture.BasePath + "responses/domestic-abuse-action-plan/");
        Assert.Contains("through Domestic abuse", plan.TextContent, StringComparison.Ordinal);
        // Domestic violence is background to Child O's review, not a finding: not under domestic abuse or the trio.
        Assert.DoesNotContain(RealSiteFixture.BasePath + "cases/child-o/", links);
        Assert.DoesNotContain(RealSiteFixture.BasePath + "cases/child-o/", Links(site.Page("themes/domestic-abuse/index.html"), "main .app-card-list a[href]"));
    }

    [Fact]
    public void Given_a_case_page_Then_it_links_its_themes_and_responses()
    {
        var links = Links(site.Page("cases/child-r/index.html"));
        Assert.Contains(RealSiteFixture.BasePath + "themes/toxic-trio/", links);
        Assert.Contains(RealSiteFixture.BasePath + "responses/domestic-abuse-action-plan/", links);
    }

    [Fact]
    public void Given_a_response_page_Then_it_lists_its_themes_and_ties_it_to_no_review_that_its_source_does_not()
    {
        var page = site.Page("responses/sexually-harmful-behaviour-policy/index.html");
        var links = Links(page);
        Assert.Contains(RealSiteFixture.BasePath + "themes/sexually-harmful-behaviour/", links);
        Assert.DoesNotContain(links, l => l.StartsWith(RealSiteFixture.BasePath + "cases/", StringComparison.Ordinal));
        Assert.Contains("No source ties this response to a particular case review", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_the_withheld_case_Then_its_page_shows_the_notice_and_reason_and_no_report_link()
    {
        var page = site.Page("cases/child-n/index.html");
        var banner = page.QuerySelector(".govuk-notification-banner");
        Assert.NotNull(banner);
        Assert.Contains("decided not to publish the findings", banner.TextContent, StringComparison.Ordinal);
        Assert.Contains("ratified by the national panel", banner.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll("main a"), a => a.TextContent.Contains("report", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(RealSiteFixture.BasePath + "themes/sexually-harmful-behaviour/", Links(page));
    }

    [Fact]
    public void Given_the_real_content_built_under_a_base_path_Then_every_internal_link_and_asset_carries_it_and_resolves_to_a_file()
    {
        var checkedLinks = 0;
        foreach (var path in site.HtmlFiles)
        {
            var page = site.Page(path);
            foreach (var element in page.QuerySelectorAll("[href], [src]"))
            {
                var value = element.GetAttribute("href") ?? element.GetAttribute("src")!;
                if (value.StartsWith("http", StringComparison.Ordinal) || value.StartsWith('#') || value.StartsWith("mailto:", StringComparison.Ordinal) || value.StartsWith("tel:", StringComparison.Ordinal)) continue;
                Assert.StartsWith(RealSiteFixture.BasePath, value);
                var target = value[RealSiteFixture.BasePath.Length..].Split('?', '#')[0];
                if (target.Length == 0 || target.EndsWith('/')) target += "index.html";
                Assert.True(File.Exists(Path.Combine(site.Output, target)), $"{path} links to {value}, which is not in the output");
                checkedLinks++;
            }
        }

        Assert.True(checkedLinks > 500, $"only {checkedLinks} links checked");
    }

    [Fact]
    public void Given_the_real_content_Then_the_feed_has_one_entry_per_published_case_and_response_and_none_for_the_withheld_case()
    {
        var feed = XDocument.Parse(site.Text("feed.xml"));
        var ids = feed.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).Order(StringComparer.Ordinal).ToList();
        var expected = new[]
        {
            "cases/child-o/", "cases/child-q-and-child-s/", "cases/child-r/",
            "responses/domestic-abuse-action-plan/", "responses/graded-care-profile/", "responses/neglect-strategy/",
            "responses/sexually-harmful-behaviour-policy/", "responses/targeted-training/", "responses/voice-of-the-child-focus-group/",
        }.Select(u => RealSiteFixture.BaseUrl + u).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, ids);
        Assert.DoesNotContain("Child N", site.Text("feed.xml"), StringComparison.Ordinal);
        Assert.All(feed.Root.Elements(Atom + "entry"), e => Assert.StartsWith(RealSiteFixture.BaseUrl, e.Element(Atom + "link")!.Attribute("href")!.Value));
    }

    [Fact]
    public void Given_the_real_content_Then_the_sitemap_lists_every_page_under_the_base_url_and_robots_points_at_it()
    {
        var sitemap = XDocument.Parse(site.Text("sitemap.xml"));
        var locs = sitemap.Root!.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value).ToList();
        var pages = site.HtmlFiles.Where(p => p != "404.html").Select(p => RealSiteFixture.BaseUrl + p[..^"index.html".Length]).ToList();
        Assert.Equal(pages.Order(StringComparer.Ordinal), locs.Order(StringComparer.Ordinal));
        Assert.Contains($"Sitemap: {RealSiteFixture.BaseUrl}sitemap.xml", site.Text("robots.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_the_real_content_When_built_Then_the_search_index_is_beside_the_pages()
    {
        Assert.True(File.Exists(Path.Combine(site.Output, "pagefind", "pagefind.js")));
        Assert.True(Directory.EnumerateFiles(Path.Combine(site.Output, "pagefind", "fragment")).Any());
    }

    [Fact]
    public void Given_the_real_content_Then_cases_themes_and_responses_are_indexed_with_their_filters_but_the_withheld_case_is_not()
    {
        var childR = site.Page("cases/child-r/index.html");
        var main = childR.QuerySelector("main[data-pagefind-body]");
        Assert.NotNull(main);
        var filters = main.QuerySelectorAll("[data-pagefind-filter]").Select(e => $"{e.GetAttribute("data-pagefind-filter")}:{e.TextContent}").ToList();
        Assert.Contains("type:Case review", filters);
        Assert.Contains("theme:Toxic trio", filters);
        Assert.Contains("year:2015-16", filters);
        Assert.Equal("2017-01", main.QuerySelector("[data-pagefind-sort=published]")!.TextContent);
        Assert.Equal("Child R: serious case review", main.QuerySelector("[data-pagefind-meta=title]")!.TextContent);

        Assert.Null(site.Page("cases/child-n/index.html").QuerySelector("[data-pagefind-body]"));
        Assert.NotNull(site.Page("themes/neglect/index.html").QuerySelector("main[data-pagefind-body]"));
        Assert.NotNull(site.Page("responses/neglect-strategy/index.html").QuerySelector("main[data-pagefind-body]"));
        // Lists and the home page would only repeat what the pages themselves say.
        Assert.Null(site.Page("index.html").QuerySelector("[data-pagefind-body]"));
        Assert.Null(site.Page("cases/index.html").QuerySelector("[data-pagefind-body]"));
    }

    [Fact]
    public void Given_the_real_content_Then_every_page_has_one_search_box_whose_form_sends_no_words_to_the_host()
    {
        foreach (var path in site.HtmlFiles)
        {
            var page = site.Page(path);
            // One search box per page: the search page's own, or the header's on every other page.
            Assert.Single(page.QuerySelectorAll("input[type=search]"));
            var form = page.QuerySelector(path == "search/index.html" ? "main form[role=search]" : "header form[role=search]");
            Assert.NotNull(form);
            if (path != "search/index.html") Assert.Equal(RealSiteFixture.BasePath + "search/", form.GetAttribute("action"));
            // No control has a name, so even without the script the form puts no words in a request.
            Assert.Empty(form.QuerySelectorAll("[name]"));
            Assert.NotNull(page.QuerySelector($"label[for='{form.QuerySelector("input[type=search]")!.Id}']"));
        }
    }

    [Fact]
    public void Given_the_search_page_Then_it_offers_every_theme_type_and_year_as_a_labelled_filter()
    {
        var page = site.Page("search/index.html");
        var themes = page.QuerySelectorAll("input[data-filter=theme]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Contains("Neglect", themes);
        Assert.Contains("Toxic trio", themes);
        Assert.Equal(["Case review", "Theme", "Board response", "Page"], page.QuerySelectorAll("input[data-filter=type]").Select(i => i.GetAttribute("value")));
        Assert.Equal(["2015-16"], page.QuerySelectorAll("input[data-filter=year]").Select(i => i.GetAttribute("value")));
        Assert.All(page.QuerySelectorAll("input[type=checkbox]"), box => Assert.NotNull(page.QuerySelector($"label[for='{box.Id}']")));
        Assert.Equal("status", page.QuerySelector("#search-status")!.GetAttribute("role"));
    }

    [Fact]
    public void Given_the_indexes_Then_the_themes_index_counts_cases_and_responses_and_the_cases_index_groups_by_year()
    {
        var themes = site.Page("themes/index.html");
        var neglect = themes.QuerySelectorAll("main li").Single(li => li.QuerySelector("a")!.TextContent == "Neglect");
        Assert.Contains("1 case review, 2 Board responses", neglect.TextContent, StringComparison.Ordinal);
        var cases = site.Page("cases/index.html");
        Assert.Equal(["Board year 2015-16"], cases.QuerySelectorAll("main h2").Select(h => h.TextContent));
    }

    [Fact]
    public void Given_the_stylesheet_Then_it_uses_no_web_fonts_and_no_crown()
    {
        var css = site.Text("assets/site.css");
        Assert.DoesNotContain("@font-face", css, StringComparison.Ordinal);
        Assert.DoesNotContain("GDS Transport", css, StringComparison.Ordinal);
        Assert.DoesNotContain("govuk-header__logotype", site.Text("index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_the_real_content_Then_every_page_has_the_exit_button_pointing_at_the_configured_address()
    {
        foreach (var path in site.HtmlFiles)
        {
            var exit = site.Page(path).QuerySelector(".govuk-exit-this-page__button");
            Assert.NotNull(exit);
            Assert.Equal("https://www.bbc.co.uk/weather", exit.GetAttribute("href"));
        }
    }
}
