using AngleSharp.Dom;

namespace Lscb.Site.Tests;

/// <summary>What readers get on every page: a strict content security policy, no referrer, briefings with help.</summary>
[Collection(RealSiteCollection.Name)]
public sealed class ReaderSafetyTests(RealSiteFixture site)
{
    private static string Csp(IDocument page) =>
        page.QuerySelector("meta[http-equiv='Content-Security-Policy']")?.GetAttribute("content") ?? "";

    [Fact]
    public void Given_the_real_content_Then_every_page_allows_only_the_site_itself_and_sends_no_referrer()
    {
        foreach (var path in site.HtmlFiles)
        {
            var page = site.Page(path);
            var csp = Csp(page);
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("http", csp, StringComparison.Ordinal);
            Assert.Equal(path == "search/index.html", csp.Contains("'wasm-unsafe-eval'", StringComparison.Ordinal));
            Assert.Equal("no-referrer", page.QuerySelector("meta[name=referrer]")?.GetAttribute("content"));
            Assert.Empty(page.QuerySelectorAll("script:not([src])"));
            Assert.Empty(page.QuerySelectorAll("[style]"));
        }
    }

    [Fact]
    public void Given_the_real_content_Then_every_page_has_a_title_description_canonical_address_and_open_graph_tags()
    {
        foreach (var path in site.HtmlFiles.Where(p => p != "404.html"))
        {
            var page = site.Page(path);
            Assert.False(string.IsNullOrWhiteSpace(page.Title));
            Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("meta[name=description]")?.GetAttribute("content")));
            var canonical = page.QuerySelector("link[rel=canonical]")?.GetAttribute("href");
            Assert.StartsWith(RealSiteFixture.BaseUrl, canonical);
            Assert.Equal(canonical, page.QuerySelector("meta[property='og:url']")?.GetAttribute("content"));
            Assert.NotNull(page.QuerySelector("meta[property='og:title']"));
        }
    }

    [Fact]
    public void Given_a_case_page_Then_it_is_a_briefing_with_facts_questions_a_warning_and_where_to_get_help()
    {
        var page = site.Page("cases/child-o/index.html");
        // One line of facts under the title, no box of them; the review type is not said twice.
        Assert.StartsWith("Serious case review.", page.QuerySelector("h1 + .app-facts")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".govuk-summary-list, .govuk-caption-l"));
        Assert.Contains("distressing", page.QuerySelector(".govuk-warning-text")!.TextContent, StringComparison.Ordinal);

        // Key learning, from the front matter, before what happened; the learning's own headings are
        // as large as every other section's.
        var key = page.QuerySelector(".app-key-learning")!;
        Assert.Equal(3, key.QuerySelectorAll("li").Length);
        Assert.Contains("large families where high levels of neglect", key.TextContent, StringComparison.Ordinal);
        var headings = page.QuerySelectorAll("main h2").ToList();
        Assert.True(headings.IndexOf(key.QuerySelector("h2")!) < headings.FindIndex(h => h.TextContent == "What happened"));
        Assert.Single(headings.Select(h => h.ClassName).Distinct());

        var heading = page.QuerySelectorAll("h2").Single(h => h.TextContent == "What this means for your practice");
        // The questions are the site's, and the page says so before them.
        Assert.Contains("this site's own", heading.NextElementSibling!.TextContent, StringComparison.Ordinal);
        var questions = heading.NextElementSibling!.NextElementSibling!;
        // The case's own question only: the site-wide ones stand in only on a case with none.
        var items = questions.QuerySelectorAll("li").Select(li => li.TextContent).ToList();
        Assert.Contains("large family", Assert.Single(items), StringComparison.Ordinal);
        Assert.Empty(questions.QuerySelectorAll("li[data-pagefind-ignore]"));

        var help = page.QuerySelector("aside.app-help")!;
        Assert.Contains("Worried about a child?", help.TextContent, StringComparison.Ordinal);
        Assert.NotNull(help.QuerySelector("a[href='tel:999']"));
        Assert.NotNull(help.QuerySelector("a[href='tel:08088005000']"));
        // The Board's own number ships empty, and nothing local is shown until it is set.
        Assert.DoesNotContain("report a concern", help.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_the_withheld_case_Then_it_adds_no_questions_of_its_own_so_it_shows_the_site_wide_ones_kept_out_of_search()
    {
        var page = site.Page("cases/child-n/index.html");
        var questions = page.QuerySelectorAll("h2").Single(h => h.TextContent == "What this means for your practice").NextElementSibling!.NextElementSibling!;
        Assert.Equal(3, questions.QuerySelectorAll("li[data-pagefind-ignore]").Length);
        Assert.Equal(3, questions.QuerySelectorAll("li").Length);
    }

    [Fact]
    public void Given_the_real_content_Then_no_two_case_pages_ask_the_same_list_of_questions()
    {
        var lists = site.HtmlFiles.Where(p => p.StartsWith("cases/", StringComparison.Ordinal) && p != "cases/index.html")
            .Select(p => (Path: p, Questions: string.Join('\n', site.Page(p).QuerySelectorAll("main ol.govuk-list--number li").Select(li => li.TextContent.Trim()))))
            .ToList();
        Assert.Equal(4, lists.Count);
        Assert.All(lists, l => Assert.NotEmpty(l.Questions));
        var repeated = lists.GroupBy(l => l.Questions).Where(g => g.Count() > 1).Select(g => string.Join(", ", g.Select(l => l.Path))).ToList();
        Assert.True(repeated.Count == 0, "case pages with the same questions: " + string.Join("; ", repeated));
    }

    [Fact]
    public void Given_the_real_content_Then_the_accessibility_statement_and_privacy_page_are_linked_from_every_footer()
    {
        foreach (var path in site.HtmlFiles)
        {
            var footer = site.Page(path).QuerySelector("footer")!;
            Assert.NotNull(footer.QuerySelector($"a[href='{RealSiteFixture.BasePath}accessibility/']"));
            Assert.NotNull(footer.QuerySelector($"a[href='{RealSiteFixture.BasePath}privacy/']"));
            Assert.NotNull(footer.QuerySelector($"a[href='{RealSiteFixture.BasePath}staying-safe-online/']"));
        }
    }
}
