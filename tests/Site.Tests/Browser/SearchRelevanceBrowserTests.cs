using Xunit.Abstractions;

namespace Lscb.Site.Tests.Browser;

/// <summary>
/// Practitioners' queries, as they type them (acronyms, everyday words, typos, phrases, a withheld
/// review's name), each with the page that must be among the first three results, run in Chromium
/// against the real built site with its real Pagefind index. The score is printed; the table of headline figures in README.md keeps the last one.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchRelevanceBrowserTests(BrowserFixture site, ITestOutputHelper output)
{
    /// <summary>Query, then the page (site-relative) that must be in the first three results.</summary>
    public static readonly (string Query, string Page, string Kind)[] Set =
    [
        ("CSE", "themes/child-sexual-exploitation/", "acronym"),
        ("DV", "themes/domestic-abuse/", "acronym"),
        ("DA", "themes/domestic-abuse/", "acronym"),
        ("HSB", "themes/sexually-harmful-behaviour/", "acronym"),
        ("SHB", "themes/sexually-harmful-behaviour/", "acronym"),
        ("LAC", "themes/looked-after-children/", "acronym"),
        ("CLA", "themes/looked-after-children/", "acronym"),
        ("GCP2", "responses/graded-care-profile/", "acronym"),
        ("GCP", "responses/graded-care-profile/", "acronym"),
        ("SUDI", "themes/safe-sleeping/", "acronym"),
        ("SIDS", "themes/safe-sleeping/", "acronym"),
        ("MARAC", "glossary/", "acronym"),
        ("MASH", "glossary/", "acronym"),
        ("CSPR", "glossary/", "acronym"),
        ("suicide", "cases/child-o/", "everyday"),
        ("drugs", "themes/substance-misuse/", "everyday"),
        ("alcohol", "themes/substance-misuse/", "everyday"),
        ("children in care", "themes/looked-after-children/", "everyday"),
        ("co-sleeping", "themes/safe-sleeping/", "everyday"),
        ("cot death", "themes/safe-sleeping/", "everyday"),
        ("domestic violence", "themes/domestic-abuse/", "everyday"),
        ("mental health", "themes/adult-mental-health/", "everyday"),
        ("training", "responses/targeted-training/", "everyday"),
        ("focus group", "responses/voice-of-the-child-focus-group/", "everyday"),
        ("death of a baby", "cases/child-r/", "everyday"),
        ("exploitation", "themes/child-sexual-exploitation/", "everyday"),
        ("large family", "cases/child-o/", "everyday"),
        ("placed out of the borough", "cases/child-q-and-child-s/", "everyday"),
        ("neglct", "themes/neglect/", "typo"),
        ("domestic abuze", "themes/domestic-abuse/", "typo"),
        ("toxic trip", "themes/toxic-trio/", "typo"),
        ("exploitaton", "themes/child-sexual-exploitation/", "typo"),
        ("safe sleping", "themes/safe-sleeping/", "typo"),
        ("graded care profle", "responses/graded-care-profile/", "typo"),
        ("toxic trio", "cases/child-r/", "phrase"),
        ("neglect strategy", "responses/neglect-strategy/", "phrase"),
        ("voice of the child", "themes/voice-of-the-child/", "phrase"),
        ("sexually harmful behaviour policy", "responses/sexually-harmful-behaviour-policy/", "phrase"),
        ("multi-agency working", "themes/multi-agency-working/", "phrase"),
        ("Child N", "cases/child-n/", "withheld name"),
        ("child n", "cases/child-n/", "withheld name"),
        ("Child O", "cases/child-o/", "name"),
    ];

    /// <summary>How many of <see cref="Set"/> must hold.</summary>
    public const int MustHold = 40;

    [Fact]
    public async Task Given_practitioners_queries_When_searched_Then_the_right_page_is_in_the_first_three_results()
    {
        await using var session = await site.OpenAsync();
        var missed = new List<string>();
        foreach (var (query, page, kind) in Set)
        {
            await session.Page.GotoAsync("about:blank");
            await session.GoToAsync(new Uri(site.BaseUrl, "search/#q=" + Uri.EscapeDataString(query)));
            var links = await SearchBrowserTests.WaitForResultsAsync(session.Page);
            var top = links.Take(3).ToList();
            if (!top.Contains(BrowserFixture.BasePath + page))
                missed.Add($"'{query}' ({kind}): wanted /{page} in the first three, got {(top.Count == 0 ? "no results" : string.Join(", ", top))}");
        }

        var held = Set.Length - missed.Count;
        output.WriteLine($"Search relevance: {held} of {Set.Length} practitioner queries find the right page in the first three results.");
        foreach (var miss in missed) output.WriteLine("  missed " + miss);
        Assert.True(held >= MustHold, $"{held} of {Set.Length} held; at least {MustHold} must:\n{string.Join('\n', missed)}");
    }

    [Theory]
    [InlineData("zzqx")]
    [InlineData("sudo rm")]
    [InlineData("qwertyuiop")]
    public async Task Given_a_query_that_matches_nothing_meaningful_When_searched_Then_the_page_says_so_and_lists_the_themes_not_pages(string query)
    {
        await using var session = await site.OpenAsync();
        await session.GoToAsync(new Uri(site.BaseUrl, "search/#q=" + Uri.EscapeDataString(query)));
        var links = await SearchBrowserTests.WaitForResultsAsync(session.Page);
        Assert.Empty(links);
        Assert.StartsWith("0 results", (await session.Page.TextContentAsync("#search-status"))!, StringComparison.Ordinal);
        Assert.Contains("Nothing on this site matches", await session.Page.TextContentAsync("#search-none"), StringComparison.Ordinal);
        var themes = await session.Page.EvalOnSelectorAllAsync<string[]>("#search-help a", "links => links.map(a => a.getAttribute('href'))");
        Assert.Contains(BrowserFixture.BasePath + "themes/neglect/", themes);
    }

    [Fact]
    public async Task Given_a_mistyped_word_When_searched_Then_the_right_one_is_offered_as_a_link_that_searches_for_it()
    {
        await using var session = await site.OpenAsync();
        await session.GoToAsync(new Uri(site.BaseUrl, "search/#q=neglct"));
        await SearchBrowserTests.WaitForResultsAsync(session.Page);
        Assert.Equal("Did you mean neglect?", (await session.Page.TextContentAsync("#search-suggestion"))!.Trim());
        await session.Page.ClickAsync("#search-suggestion a");
        await session.Page.WaitForFunctionAsync("() => document.getElementById('search-status').textContent.startsWith('')  && /results? for \u2018neglect\u2019$/.test(document.getElementById('search-status').textContent)");
        Assert.EndsWith("search/#q=neglect", session.Page.Url, StringComparison.Ordinal);
        Assert.Null(await session.Page.QuerySelectorAsync("#search-suggestion"));
    }

    [Fact]
    public async Task Given_a_withheld_reviews_name_When_searched_Then_it_is_found_as_its_notice_and_nothing_else_of_it()
    {
        await using var session = await site.OpenAsync();
        await session.GoToAsync(new Uri(site.BaseUrl, "search/#q=Child+N"));
        var links = await SearchBrowserTests.WaitForResultsAsync(session.Page);
        Assert.Equal(BrowserFixture.BasePath + "cases/child-n/", links[0]);
        var first = (await session.Page.TextContentAsync("#search-results li"))!;
        Assert.Contains("The Board decided not to publish the findings of this review.", first, StringComparison.Ordinal);
        // Nothing of the review's own text: not its summary, nor the learning it made public.
        Assert.DoesNotContain("sexual", first, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("convicted", first, StringComparison.OrdinalIgnoreCase);
    }
}
