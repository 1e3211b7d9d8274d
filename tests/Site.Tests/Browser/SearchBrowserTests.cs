using Lscb.Site.Build;
using Lscb.Site.Support;
using Microsoft.Playwright;

namespace Lscb.Site.Tests.Browser;

/// <summary>Search on the real site, under a base path, in a real browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchBrowserTests(BrowserFixture site)
{
    /// <summary>Opens the search page for a query string and returns the result links once the status says how many.</summary>
    internal static async Task<IReadOnlyList<string>> ResultsAsync(BrowserSession session, Uri baseUrl, string query)
    {
        await session.GoToAsync(new Uri(baseUrl, "search/" + query));
        return await WaitForResultsAsync(session.Page);
    }

    internal static async Task<IReadOnlyList<string>> WaitForResultsAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => /result/.test(document.getElementById('search-status')?.textContent ?? '')");
        return await page.EvalOnSelectorAllAsync<string[]>("#search-results a", "links => links.map(a => a.getAttribute('href'))");
    }

    private static string Path(string siteRelative) => BrowserFixture.BasePath + siteRelative;

    [Fact]
    public async Task Given_the_served_site_When_toxic_trio_is_searched_Then_Child_R_is_found()
    {
        await using var session = await site.OpenAsync();
        var links = await ResultsAsync(session, site.BaseUrl, "?q=toxic+trio");
        Assert.Contains(Path("cases/child-r/"), links);
        Assert.Contains(Path("themes/toxic-trio/"), links);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Given_the_served_site_When_sexual_exploitation_is_searched_Then_the_Child_Q_and_Child_S_review_is_found()
    {
        await using var session = await site.OpenAsync();
        var links = await ResultsAsync(session, site.BaseUrl, "?q=sexual+exploitation");
        Assert.Contains(Path("cases/child-q-and-child-s/"), links);
    }

    [Fact]
    public async Task Given_a_word_only_in_a_cases_own_text_When_searched_Then_the_case_is_found_and_not_the_themes_and_responses_that_list_it()
    {
        // "took" is only in Child O's summary and text; the Neglect theme and four responses list Child O
        // with its summary, and a list of other pages is not part of a page's own text.
        await using var session = await site.OpenAsync();
        var links = await ResultsAsync(session, site.BaseUrl, "?q=took");
        Assert.Contains(Path("cases/child-o/"), links);
        Assert.DoesNotContain(links, l => l.StartsWith(Path("themes/"), StringComparison.Ordinal) || l.StartsWith(Path("responses/"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_the_served_site_When_searched_Then_it_downloads_Pagefind_once_the_text_of_the_results_it_shows_and_no_filter_data()
    {
        await using var session = await site.OpenAsync();
        var links = await ResultsAsync(session, site.BaseUrl, "?q=neglect");
        await session.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var pagefind = session.Requests.Where(u => u.Contains("/pagefind/", StringComparison.Ordinal)).ToList();
        Assert.Single(pagefind, u => u.EndsWith("/pagefind/pagefind.js", StringComparison.Ordinal));
        Assert.DoesNotContain(pagefind, u => u.Contains("pagefind-worker", StringComparison.Ordinal));
        Assert.DoesNotContain(pagefind, u => u.Contains("/pagefind/filter/", StringComparison.Ordinal));
        Assert.Equal(links.Count, pagefind.Count(u => u.Contains("/pagefind/fragment/", StringComparison.Ordinal)));
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Given_the_Neglect_filter_and_no_words_When_searched_Then_Child_O_and_the_neglect_responses_are_listed()
    {
        await using var session = await site.OpenAsync();
        var links = await ResultsAsync(session, site.BaseUrl, "?theme=Neglect");
        Assert.Contains(Path("cases/child-o/"), links);
        Assert.Contains(Path("responses/neglect-strategy/"), links);
        Assert.Contains(Path("responses/graded-care-profile/"), links);
        Assert.DoesNotContain(Path("cases/child-r/"), links);
        Assert.Contains("filtered by Neglect", await session.Page.TextContentAsync("#search-status"), StringComparison.Ordinal);
        Assert.True(await session.Page.IsCheckedAsync("input[data-filter=theme][value=Neglect]"));
    }

    [Fact]
    public async Task Given_the_search_page_Then_the_filters_are_checkboxes_in_a_closed_disclosure_that_work_from_the_keyboard()
    {
        await using var session = await site.OpenAsync();
        await session.GoToAsync(new Uri(site.BaseUrl, "search/"));
        Assert.False(await session.Page.IsVisibleAsync("input[data-filter=type][value='Board response']"));
        await session.Page.FocusAsync("#search-filters summary");
        await session.Page.Keyboard.PressAsync("Enter");
        await session.Page.FocusAsync("input[data-filter=type][value='Board response']");
        await session.Page.Keyboard.PressAsync("Space");
        Assert.Equal("Filter and sort (1 chosen)", (await session.Page.TextContentAsync("#search-filters summary"))!.Trim());
        await session.Page.FocusAsync("#search-q");
        await session.Page.Keyboard.TypeAsync("training");
        await session.Page.Keyboard.PressAsync("Enter");

        var links = await WaitForResultsAsync(session.Page);
        Assert.EndsWith("search/#q=training&type=Board+response", session.Page.Url, StringComparison.Ordinal);
        Assert.Contains(Path("responses/targeted-training/"), links);
        Assert.All(links, l => Assert.StartsWith(Path("responses/"), l));
    }

    [Fact]
    public async Task Given_a_phone_When_searched_with_filters_Then_the_results_come_first_and_the_chosen_filters_are_counted_in_the_closed_disclosure()
    {
        await using var session = await site.OpenAsync(390, 844);
        await session.GoToAsync(new Uri(site.BaseUrl, "search/#q=neglect&theme=Neglect&sort=newest"));
        var links = await WaitForResultsAsync(session.Page);
        Assert.NotEmpty(links);
        Assert.False(await session.Page.EvaluateAsync<bool>("() => document.getElementById('search-filters').open"));
        Assert.Equal("Filter and sort (2 chosen)", (await session.Page.TextContentAsync("#search-filters summary"))!.Trim());
        var top = await session.Page.EvaluateAsync<double>("() => document.querySelector('#search-results li').getBoundingClientRect().top");
        Assert.True(top < 844, $"the first result starts at {top}px, below a 390 x 844 phone's first screen");
        // One search box on the page.
        Assert.Equal(1, await session.Page.Locator("input[type=search]").CountAsync());
    }

    [Fact]
    public async Task Given_a_search_Then_Show_more_is_absent_when_every_result_is_shown_and_brings_the_next_ones_when_there_are_more()
    {
        await using var session = await site.OpenAsync();
        await WaitForResultsAsync((await Go(session, "search/#q=focus+group")).Page);
        Assert.False(await session.Page.IsVisibleAsync("#search-more"));

        // "board" is on nearly every page: more than one page of ten results.
        var first = await WaitForResultsAsync((await Go(session, "search/#q=board")).Page);
        Assert.Equal(10, first.Count);
        var total = int.Parse(System.Text.RegularExpressions.Regex.Match((await session.Page.TextContentAsync("#search-status"))!, @"^(\d+) results").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(total > 10, $"expected more than 10 results for 'board', got {total}");
        Assert.True(await session.Page.IsVisibleAsync("#search-more"));
        await session.Page.ClickAsync("#search-more");
        await session.Page.WaitForFunctionAsync("n => document.querySelectorAll('#search-results li').length > n", 10);
        var shown = await session.Page.Locator("#search-results li").CountAsync();
        Assert.Equal(Math.Min(total, 20), shown);
        // Focus moves to the first new result.
        Assert.Equal(await session.Page.EvaluateAsync<string>("() => document.querySelectorAll('#search-results a')[10].getAttribute('href')"),
            await session.Page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')"));
        Assert.Equal(shown < total, await session.Page.IsVisibleAsync("#search-more"));
    }

    private async Task<BrowserSession> Go(BrowserSession session, string path)
    {
        // A fresh load each time: a change of '#' alone is a new search on the same page, tested below.
        await session.Page.GotoAsync("about:blank");
        await session.GoToAsync(new Uri(site.BaseUrl, path));
        return session;
    }

    [Theory]
    [InlineData("neglect")]
    [InlineData("training")]
    [InlineData("status")]
    [InlineData("themes")]
    [InlineData("review")]
    [InlineData("help")]
    public async Task Given_a_search_Then_the_excerpts_quote_the_pages_own_text_never_their_labels(string query)
    {
        string[] labels = ["Status", "Themes", "Case reviews that", "Case reviews whose", "Where to get help", "Worried about a child", "What this page says comes from",
            "Some readers may find", "What the Board did", "Key learning", "This theme brings together", "Related themes", "Source"];
        await using var session = await site.OpenAsync();
        await WaitForResultsAsync((await Go(session, "search/#q=" + query)).Page);
        var excerpts = await session.Page.EvalOnSelectorAllAsync<string[]>("#search-results li > p.govuk-body", "ps => ps.map(p => p.textContent)");
        foreach (var excerpt in excerpts)
            Assert.DoesNotContain(labels, l => excerpt.Contains(l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_a_search_from_any_box_Then_its_words_are_in_no_request_the_host_receives_and_a_link_with_q_still_works()
    {
        await using var session = await site.OpenAsync();
        const string word = "zanzibarquerymarker";
        // From the header box of another page...
        await session.GoToAsync(new Uri(site.BaseUrl, "cases/child-o/"));
        await session.Page.FillAsync("#site-search-q", word + " neglect");
        await session.Page.PressAsync("#site-search-q", "Enter");
        await WaitForResultsAsync(session.Page);
        Assert.Equal(new Uri(site.BaseUrl, "search/#q=" + word + "+neglect").AbsoluteUri, session.Page.Url);
        // ...from the search page's own box, with a filter...
        await session.Page.FillAsync("#search-q", "second" + word);
        await session.Page.PressAsync("#search-q", "Enter");
        await session.Page.WaitForFunctionAsync("w => document.getElementById('search-status').textContent.includes(w)", "second" + word);
        // ...and from a shared link written the old way, which is moved after '#'.
        var links = await ResultsAsync(session, site.BaseUrl, "?q=toxic+trio");
        Assert.Contains(Path("cases/child-r/"), links);
        Assert.Equal(new Uri(site.BaseUrl, "search/#q=toxic+trio").AbsoluteUri, session.Page.Url);
        Assert.Equal("toxic trio", await session.Page.InputValueAsync("#search-q"));

        Assert.DoesNotContain(site.RequestLog, line => line.Contains(word, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(session.Requests, url => url.Contains(word, StringComparison.OrdinalIgnoreCase));
        // The only request with the words is the shared link itself, which its sender wrote that way.
        Assert.Contains(site.RequestLog, line => line.EndsWith("/search/?q=toxic+trio", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_search_results_When_one_is_clicked_Then_its_page_opens()
    {
        await using var session = await site.OpenAsync();
        await ResultsAsync(session, site.BaseUrl, "?q=graded+care+profile");
        await session.Page.ClickAsync($"#search-results a[href='{Path("responses/graded-care-profile/")}']");
        await session.Page.WaitForURLAsync(new Uri(site.BaseUrl, "responses/graded-care-profile/").AbsoluteUri);
        Assert.Contains("Graded care profile", await session.Page.TextContentAsync("h1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_page_When_words_are_entered_in_its_header_box_Then_the_search_page_shows_results_for_them()
    {
        await using var session = await site.OpenAsync();
        await session.GoToAsync(new Uri(site.BaseUrl, "cases/child-o/"));
        await session.Page.FillAsync("#site-search-q", "safe sleeping");
        await session.Page.PressAsync("#site-search-q", "Enter");

        var links = await WaitForResultsAsync(session.Page);
        Assert.Equal(new Uri(site.BaseUrl, "search/#q=safe+sleeping").AbsoluteUri, session.Page.Url);
        Assert.Contains(Path("themes/safe-sleeping/"), links);
        Assert.Equal("safe sleeping", await session.Page.InputValueAsync("#search-q"));
    }
}

/// <summary>Drafts and embargoed cases, planted with unique words, cannot be found by any query.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchLeakBrowserTests(BrowserFixture browser)
{
    private const string DraftWord = "zephyrdraftmarker";
    private const string EmbargoWord = "quillembargomarker";
    private const string PublishedWord = "marigoldpublishedmarker";

    [Fact]
    public async Task Given_planted_draft_and_embargoed_words_When_searched_Then_they_find_nothing_while_a_published_word_is_found()
    {
        using var fixture = new TestSite(new Dictionary<string, string>
        {
            ["input/cases/child-d.md"] = TestSite.Case($"Child D {DraftWord}", "draft: true", $"## What happened\n\n{DraftWord} text.\n"),
            ["input/cases/child-e.md"] = TestSite.Case($"Child E {EmbargoWord}", "published: 2030-05-01\nembargo: true", $"## What happened\n\n{EmbargoWord} text.\n"),
            ["input/cases/child-p.md"] = TestSite.Case("Child P", "themes: [neglect]", $"## What happened\n\n{PublishedWord} text.\n"),
        });
        var result = SiteBuilder.Build(fixture.Options("http://127.0.0.1" + BrowserFixture.BasePath));
        Assert.False(result.Failed, string.Join('\n', result.Diagnostics));

        await using var server = await StaticSiteServer.StartAsync(fixture.Output, BrowserFixture.BasePath);
        await using var session = await browser.OpenAsync();

        Assert.Contains(BrowserFixture.BasePath + "cases/child-p/", await SearchBrowserTests.ResultsAsync(session, server.BaseUrl, "?q=" + PublishedWord));
        Assert.Empty(await SearchBrowserTests.ResultsAsync(session, server.BaseUrl, "?q=" + DraftWord));
        Assert.Empty(await SearchBrowserTests.ResultsAsync(session, server.BaseUrl, "?q=" + EmbargoWord));
        Assert.DoesNotContain(BrowserFixture.BasePath + "cases/child-e/", await SearchBrowserTests.ResultsAsync(session, server.BaseUrl, "?theme=Neglect"));
    }
}
