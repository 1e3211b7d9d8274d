using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Lscb.Site.Assets;
using Microsoft.Playwright;

namespace Lscb.Site.Tests.Browser;

/// <summary>WCAG 2.2 AA with axe on every page, print as a briefing, and no request to any other site.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityBrowserTests(BrowserFixture site)
{
    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    [Fact]
    public async Task Axe_finds_no_WCAG_violations_on_any_page()
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
    public async Task With_WCAG_text_spacing_no_text_is_cut_off_or_scrolls_sideways(int width)
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
    public async Task A_case_page_prints_to_PDF_without_header_navigation_search_or_exit_button()
    {
        await using var session = await site.OpenAsync();
        await session.GoToAsync(site.UrlOf("cases/child-o/index.html"));
        var pdf = Path.Combine(Path.GetTempPath(), $"lscb-print-{Guid.NewGuid():N}.pdf");
        try
        {
            await session.Page.PdfAsync(new PagePdfOptions { Path = pdf, Format = "A4", PrintBackground = false });
            var (code, text) = ToolRunner.Run("pdftotext", ["-layout", pdf, "-"], Path.GetTempPath());
            Assert.True(code == 0, "pdftotext (Debian's poppler-utils) could not read the PDF: " + text);

            // The briefing is there...
            Assert.Contains("Child O", text, StringComparison.Ordinal);
            Assert.Contains("What happened", text, StringComparison.Ordinal);
            Assert.Contains("Questions for your practice", text, StringComparison.Ordinal);
            // ...with link addresses after their text...
            Assert.Contains("/lscb-learning/themes/neglect/", text, StringComparison.Ordinal);
            // ...and none of the page's furniture.
            Assert.DoesNotContain("Exit this page", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Skip to main content", text, StringComparison.Ordinal);
            // The Board's name is printed once, as the publisher of the page's source: not from the header or footer.
            Assert.Equal(1, text.Split("Knowsley Local Safeguarding Children Board").Length - 1);
            Assert.DoesNotContain("Published by the", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Learning from case reviews", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Search case reviews", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Privacy and cookies", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Menu", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(pdf);
        }
    }

    [Fact]
    public async Task No_page_requests_anything_from_another_site()
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
