using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Lscb.Site.Assets;
using Microsoft.Playwright;

namespace Lscb.Site.Tests.Browser;

/// <summary>WCAG 2.2 AA with axe on every page, print as a briefing, and no request to any other site.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class AccessibilityBrowserTests(BrowserFixture site)
{
    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    [Fact]
    public async Task Given_the_served_site_When_axe_checks_every_page_Then_it_finds_no_WCAG_violations()
    {
        await using var session = await site.OpenAsync();
        var found = new List<string>();
        var checkedPages = 0;
        foreach (var file in site.HtmlFiles)
        {
            var url = site.UrlOf(file);
            await session.GoToAsync(url);
            await session.Page.Locator("body.govuk-frontend-supported").WaitForAsync();
            var result = await session.Page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags } });
            // axe really ran its WCAG rules on this page (and did not, say, fail to inject).
            Assert.True(result.Passes.Length > 10, $"axe passed only {result.Passes.Length} rules on {url}");
            foreach (var v in result.Violations)
            {
                found.Add($"{url.AbsolutePath}: {v.Id} ({v.Impact}) {v.Help}: " +
                    string.Join("; ", v.Nodes.Take(3).Select(n => $"{n.Target} {n.Html}")));
            }

            checkedPages++;
        }

        Assert.True(found.Count == 0, "axe found violations:\n" + string.Join('\n', found));
        Assert.True(checkedPages >= 30, $"only {checkedPages} pages checked");
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(640)]
    public async Task Given_WCAG_text_spacing_When_pages_are_shown_Then_no_text_is_cut_off_or_scrolls_sideways(int width)
    {
        // WCAG 2.2 SC 1.4.12: line height 1.5, paragraph spacing 2, letter spacing 0.12 and word
        // spacing 0.16 times the font size, applied by the reader's own style sheet. A 640 px viewport
        // is a 1280 px screen at 200% zoom (SC 1.4.4).
        const string spacing = "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }";
        await using var session = await site.OpenAsync(width, 900, readerStyles: true);
        var problems = new List<string>();
        foreach (var file in new[] { "index.html", "cases/child-o/index.html", "cases/child-n/index.html", "themes/toxic-trio/index.html", "search/index.html" })
        {
            var url = site.UrlOf(file);
            await session.GoToAsync(url);
            await session.Page.AddStyleTagAsync(new PageAddStyleTagOptions { Content = spacing });
            var found = await session.Page.EvaluateAsync<string[]>("""
                () => {
                  const out = [];
                  const root = document.documentElement;
                  if (root.scrollWidth > root.clientWidth) out.push(`page is ${root.scrollWidth}px wide in ${root.clientWidth}px`);
                  for (const el of document.querySelectorAll("body *")) {
                    const style = getComputedStyle(el);
                    if (style.display === "none" || style.visibility === "hidden" || el.closest(".govuk-visually-hidden, .govuk-skip-link, [hidden]")) continue;
                    const clips = ["hidden", "clip"].includes(style.overflowX) || ["hidden", "clip"].includes(style.overflowY);
                    if (clips && el.textContent.trim() && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1))
                      out.push(`${el.tagName.toLowerCase()}.${el.className} cuts off its text`);
                  }
                  return out;
                }
                """);
            problems.AddRange(found.Select(f => $"{url.AbsolutePath} at {width}px: {f}"));
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task Given_every_case_page_When_printed_Then_it_is_one_A4_page_with_the_Boards_name_and_its_full_address_and_no_furniture()
    {
        await using var session = await site.OpenAsync();
        var cases = site.HtmlFiles.Where(f => f.StartsWith("cases/", StringComparison.Ordinal) && f != "cases/index.html").ToList();
        Assert.Equal(4, cases.Count);
        foreach (var file in cases)
        {
            await session.GoToAsync(site.UrlOf(file));
            var pdf = Path.Combine(Path.GetTempPath(), $"lscb-print-{Guid.NewGuid():N}.pdf");
            try
            {
                await session.Page.PdfAsync(new PagePdfOptions { Path = pdf, Format = "A4", PrintBackground = false });
                var (infoCode, info) = ToolRunner.Run("pdfinfo", [pdf], Path.GetTempPath());
                Assert.True(infoCode == 0, "pdfinfo (Debian's poppler-utils) could not read the PDF: " + info);
                Assert.Matches(@"(?m)^Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)", info);
                var (code, text) = ToolRunner.Run("pdftotext", ["-layout", pdf, "-"], Path.GetTempPath());
                Assert.True(code == 0, "pdftotext (Debian's poppler-utils) could not read the PDF: " + text);
                Assert.True(PdfPages().Match(info) is { Success: true } m && m.Groups[1].Value == "1",
                    $"{file} prints on more than one A4 page; from the second on:\n{string.Join('\f', text.Split('\f').Skip(1))}");
                // Who published it, where it lives in full, and when its content dates from...
                Assert.Contains("Knowsley Local Safeguarding Children Board: Learning from case reviews", text, StringComparison.Ordinal);
                Assert.Contains("This page: http://127.0.0.1/lscb-learning/" + file[..^"index.html".Length], text, StringComparison.Ordinal);
                Assert.Contains("content as at January 2017", text, StringComparison.Ordinal);
                // ...the briefing...
                Assert.Contains("Key learning", text, StringComparison.Ordinal);
                Assert.Contains("What this means for your practice", text, StringComparison.Ordinal);
                // ...no address a reader cannot follow from paper...
                Assert.DoesNotMatch(@"(?<!http://127\.0\.0\.1)/lscb-learning/", text);
                // ...and none of the page's furniture: header, navigation, search, exit button, help box, footer.
                foreach (var furniture in new[] { "Exit this page", "Skip to main content", "Search case reviews", "Menu", "Worried about a child?",
                    "Where to get help", "Privacy and cookies", "Published by the", "Other reviews on these themes" })
                    Assert.DoesNotContain(furniture, text, StringComparison.Ordinal);
            }
            finally
            {
                File.Delete(pdf);
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?m)^Pages:\s+(\d+)")]
    private static partial System.Text.RegularExpressions.Regex PdfPages();

    [Fact]
    public async Task Given_every_page_and_a_search_When_loaded_Then_nothing_is_requested_from_another_site()
    {
        await using var session = await site.OpenAsync();
        foreach (var file in site.HtmlFiles)
        {
            await session.GoToAsync(site.UrlOf(file));
            await session.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        await session.GoToAsync(new Uri(site.BaseUrl, "search/?q=neglect"));
        await SearchBrowserTests.WaitForResultsAsync(session.Page);

        var requests = session.Requests;
        Assert.True(requests.Count > site.HtmlFiles.Count, "too few requests recorded to mean anything");
        var elsewhere = requests.Where(url => !SmokeBrowserTests.IsLocal(url, site.BaseUrl)).Distinct().ToList();
        Assert.True(elsewhere.Count == 0, "requests that left the local server:\n" + string.Join('\n', elsewhere));
        Assert.Contains(requests, url => url.Contains("/pagefind/", StringComparison.Ordinal));
    }
}
