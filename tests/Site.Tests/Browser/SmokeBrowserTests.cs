using Microsoft.Playwright;

namespace Lscb.Site.Tests.Browser;

/// <summary>The real site in a real browser (headless Debian Chromium): what only a browser can tell.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SmokeBrowserTests(BrowserFixture site)
{
    private const string CasePage = "cases/child-o/index.html";
    private const string ExitUrl = "https://www.bbc.co.uk/weather";

    [Fact]
    public async Task Given_the_home_page_When_loaded_Then_it_requests_nothing_from_any_other_host()
    {
        await using var session = await site.OpenAsync();
        await session.GoToAsync(site.BaseUrl);
        await session.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Contains("Learning from case reviews", await session.Page.TitleAsync(), StringComparison.Ordinal);
        var requests = session.Requests;
        Assert.NotEmpty(requests);
        var elsewhere = requests.Where(url => !IsLocal(url, site.BaseUrl)).ToList();
        Assert.True(elsewhere.Count == 0, "requests that left the local server:\n" + string.Join('\n', elsewhere));
        // The page's own style and script came from the site, under its base path.
        Assert.Contains(requests, url => new Uri(url).AbsolutePath.StartsWith(BrowserFixture.BasePath + "assets/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_a_page_When_Tab_is_first_pressed_Then_it_lands_on_a_skip_link()
    {
        await using var session = await site.OpenAsync();
        await session.GoToAsync(site.BaseUrl);

        await session.Page.Keyboard.PressAsync("Tab");

        var classes = await session.Page.EvaluateAsync<string>("() => document.activeElement?.className ?? ''");
        var text = await session.Page.EvaluateAsync<string>("() => document.activeElement?.textContent?.trim() ?? ''");
        Assert.True(classes.Split(' ').Contains("govuk-skip-link"), $"the first Tab focused \"{text}\" (class \"{classes}\"), not a skip link");
    }

    [Fact]
    public async Task Given_a_phone_When_a_case_page_is_shown_Then_the_exit_button_stands_clear_of_the_search_button_on_a_solid_strip_and_the_heading_is_in_the_first_screen()
    {
        await using var session = await site.OpenAsync(390, 844);
        var cases = site.HtmlFiles.Where(f => f.StartsWith("cases/", StringComparison.Ordinal) && f != "cases/index.html").ToList();
        Assert.Equal(4, cases.Count);
        foreach (var file in cases)
        {
            await session.GoToAsync(site.UrlOf(file));
            var boxes = await session.Page.EvaluateAsync<double[]>("""
                () => {
                  const bottom = e => e.getBoundingClientRect().bottom, top = e => e.getBoundingClientRect().top;
                  return [bottom(document.querySelector('.app-site-search__button')), top(document.querySelector('.govuk-exit-this-page__button')),
                          top(document.querySelector('h1'))];
                }
                """);
            Assert.True(boxes[1] - boxes[0] >= 10, $"{file}: the exit button starts {boxes[1] - boxes[0]}px below the search button; it needs a clear gap");
            Assert.True(boxes[2] < 640, $"{file}: the case's heading starts at {boxes[2]}px, below the first 640px");

            var strip = await session.Page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.govuk-exit-this-page')).backgroundColor");
            Assert.False(strip is "rgba(0, 0, 0, 0)" or "transparent", $"{file}: the exit button's strip is {strip}: text would scroll through it");
        }
    }

    [Fact]
    public async Task Given_the_case_pages_as_a_reader_sees_them_Then_no_two_show_the_same_list_of_questions()
    {
        await using var session = await site.OpenAsync(390, 844);
        var lists = new Dictionary<string, string>();
        foreach (var file in site.HtmlFiles.Where(f => f.StartsWith("cases/", StringComparison.Ordinal) && f != "cases/index.html"))
        {
            await session.GoToAsync(site.UrlOf(file));
            // The questions as a reader sees them, under "What this means for your practice".
            var questions = await session.Page.EvaluateAsync<string>("""
                () => {
                  const h = [...document.querySelectorAll('main h2')].find(x => x.textContent.trim() === 'What this means for your practice');
                  return h ? [...h.nextElementSibling.nextElementSibling.querySelectorAll('li')].filter(li => li.getClientRects().length).map(li => li.innerText.trim()).join('\n') : '';
                }
                """);
            Assert.False(string.IsNullOrEmpty(questions), $"{file} shows no questions for practice");
            Assert.DoesNotContain(questions, lists.Values);
            lists[file] = questions;
        }

        Assert.Equal(4, lists.Count);
    }

    [Fact]
    public async Task Given_every_case_page_on_a_phone_Then_the_warning_is_shown_above_the_first_words_that_describe_harm()
    {
        // The words of the real pages that describe harm; the warning's own words use none of them.
        string[] harm = ["took their own life", "death of a baby", "sexually exploited", "sexual exploitation", "sexual assault", "convicted", "victim"];
        await using var session = await site.OpenAsync(390, 844);
        foreach (var file in site.HtmlFiles.Where(f => f.StartsWith("cases/", StringComparison.Ordinal) && f != "cases/index.html"))
        {
            await session.GoToAsync(site.UrlOf(file));
            // Where the warning is drawn, and where the first visible text that describes harm is drawn.
            var found = await session.Page.EvaluateAsync<double[]>("""
                harm => {
                  const warning = document.querySelector('main .app-distressing');
                  if (!warning) return [-1, -1];
                  const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
                  let first = -1;
                  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const el = node.parentElement;
                    if (warning.contains(el) || !el.getClientRects().length) continue;
                    if (harm.some(h => node.textContent.toLowerCase().includes(h))) { first = el.getBoundingClientRect().top; break; }
                  }
                  return [warning.getBoundingClientRect().bottom, first];
                }
                """, harm);
            Assert.True(found[0] >= 0, $"{file} has no warning");
            Assert.True(found[1] >= 0, $"{file} was expected to describe harm");
            Assert.True(found[0] <= found[1], $"{file}: the warning ends at {found[0]}px, below the first words of harm at {found[1]}px");
        }
    }

    [Fact]
    public async Task Given_a_window_320_pixels_wide_Then_no_page_scrolls_sideways()
    {
        await using var session = await site.OpenAsync(320, 640);
        var pages = site.HtmlFiles;
        Assert.NotEmpty(pages);
        var wide = new List<string>();
        foreach (var file in pages)
        {
            var url = site.UrlOf(file);
            await session.GoToAsync(url);
            var widths = await session.Page.EvaluateAsync<int[]>(
                "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            var (scroll, client) = (widths[0], widths[1]);
            if (scroll > client) wide.Add($"{url.AbsolutePath}: {scroll}px of content in a {client}px viewport");
        }

        Assert.True(wide.Count == 0, "pages that scroll sideways at 320px:\n" + string.Join('\n', wide));
    }

    [Fact]
    public async Task Given_a_case_page_When_Shift_is_pressed_three_times_Then_it_leaves_for_the_exit_page()
    {
        await using var session = await site.OpenAsync();
        // Never the real BBC: the exit page is answered here.
        await session.Context.RouteAsync("https://www.bbc.co.uk/**", route =>
            route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html", Body = "exit" }));
        await session.GoToAsync(site.UrlOf(CasePage));
        // GOV.UK Frontend marks a component it has started; only then does it listen for Shift.
        await session.Page.Locator(".govuk-exit-this-page[data-govuk-exit-this-page-init]").WaitForAsync();

        for (var i = 0; i < 3; i++) await session.Page.Keyboard.PressAsync("Shift");

        await session.Page.WaitForURLAsync(ExitUrl + "**");
        Assert.StartsWith(ExitUrl, session.Page.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData(CasePage)]
    [InlineData("search/index.html")]
    public async Task Given_a_page_When_loaded_Then_the_console_shows_no_errors(string file)
    {
        await using var session = await site.OpenAsync();
        await session.GoToAsync(site.UrlOf(file));
        await session.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // The site's script has run (it marks the body), so its errors, if any, have been reported.
        await session.Page.Locator("body.govuk-frontend-supported").WaitForAsync();

        Assert.True(session.Errors.Count == 0, string.Join('\n', session.Errors));
    }

    internal static bool IsLocal(string url, Uri site)
    {
        var uri = new Uri(url);
        return uri.Scheme is "data" or "blob" || (uri.Scheme == Uri.UriSchemeHttp && uri.Host == site.Host && uri.Port == site.Port);
    }
}
