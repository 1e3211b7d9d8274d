using System.Text.RegularExpressions;
using Lscb.Site.Core;
using Lscb.Site.Validate;

namespace Lscb.Site.Tests;

/// <summary>The real site's case pages as briefings: key learning, related reviews, and help that fits the page.</summary>
[Collection(RealSiteCollection.Name)]
public sealed partial class BriefingTests(RealSiteFixture site)
{
    private static SiteConfig Config()
    {
        var bag = new DiagnosticBag();
        var config = ConfigReader.Read(File.ReadAllText(Path.Combine(Repo.Root, "statiq.config")), bag);
        Assert.True(config is not null, string.Join('\n', bag.Sorted()));
        return config;
    }

    // The themes a case's file names, read from the file itself, not from the page under test.
    private static Dictionary<string, List<string>> CaseThemes() =>
        Directory.GetFiles(Path.Combine(Repo.Root, "input", "cases"), "*.md").ToDictionary(
            f => Path.GetFileNameWithoutExtension(f),
            f => ThemesLine().Match(File.ReadAllText(f)).Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList());

    [GeneratedRegex(@"^themes: \[([^\]]*)\]", RegexOptions.Multiline)]
    private static partial Regex ThemesLine();

    private string? HelpBox(string path) => site.Page(path).QuerySelector("aside.app-help")?.InnerHtml;

    private static string Link(HelpLine line) =>
        $"href=\"tel:{new string(line.Phone.Where(char.IsAsciiDigit).ToArray())}\">{line.Phone}</a>";

    [Fact]
    public void Given_the_real_content_Then_every_help_line_is_on_the_pages_of_its_themes_and_of_the_cases_that_carry_them_and_nowhere_else()
    {
        var config = Config();
        Assert.NotEmpty(config.HelpLines);
        var cases = CaseThemes();
        var themeFiles = Directory.GetFiles(Path.Combine(Repo.Root, "input", "themes"), "*.md").Select(Path.GetFileNameWithoutExtension).ToList();
        // A theme that includes others (the toxic trio) shows their help lines too.
        var includes = themeFiles.ToDictionary(t => t!, t => Regex.Match(File.ReadAllText(Path.Combine(Repo.Root, "input", "themes", t + ".md")), @"^includes: \[([^\]]*)\]", RegexOptions.Multiline)
            .Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList());
        IEnumerable<string> Covered(IEnumerable<string> themes) => themes.SelectMany(t => includes.GetValueOrDefault(t, []).Prepend(t));

        foreach (var line in config.HelpLines)
        {
            var forThemes = line.Themes.Select(t => t.Slug).ToHashSet();
            foreach (var theme in themeFiles)
            {
                var box = HelpBox($"themes/{theme}/index.html") ?? "";
                Assert.True(Covered([theme!]).Any(forThemes.Contains) == box.Contains(Link(line), StringComparison.Ordinal),
                    $"{line.Name} on the theme page {theme}: expected {(Covered([theme!]).Any(forThemes.Contains) ? "shown" : "not shown")}");
            }

            foreach (var (slug, themes) in cases)
            {
                var named = File.ReadAllText(Path.Combine(Repo.Root, "input", "cases", slug + ".md")).Contains($"help_lines: [{line.Key}]", StringComparison.Ordinal);
                var expected = named || Covered(themes).Any(forThemes.Contains);
                var box = HelpBox($"cases/{slug}/index.html") ?? "";
                Assert.True(expected == box.Contains(Link(line), StringComparison.Ordinal), $"{line.Name} on the case page {slug}: expected {(expected ? "shown" : "not shown")}");
                if (expected)
                    Assert.Contains($"href=\"{line.Url.AbsoluteUri}\"", box, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Given_the_real_content_Then_the_pages_readers_at_risk_reach_first_offer_the_lines_the_issue_names()
    {
        // Child O took their own life: Samaritans is on the page. Child R's themes include domestic abuse.
        Assert.Contains("116 123", HelpBox("cases/child-o/index.html"), StringComparison.Ordinal);
        Assert.Contains("0808 2000 247", HelpBox("cases/child-r/index.html"), StringComparison.Ordinal);
        Assert.Contains("0800 1111", HelpBox("cases/child-q-and-child-s/index.html"), StringComparison.Ordinal);
        foreach (var path in site.HtmlFiles.Where(p => p.StartsWith("cases/", StringComparison.Ordinal) && p != "cases/index.html"))
        {
            var box = HelpBox(path)!;
            Assert.Contains("tel:999", box, StringComparison.Ordinal);
            Assert.Contains("tel:08088005000", box, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Given_the_real_content_Then_every_case_page_leads_with_three_to_five_points_of_key_learning_from_its_front_matter()
    {
        foreach (var slug in CaseThemes().Keys)
        {
            var text = File.ReadAllText(Path.Combine(Repo.Root, "input", "cases", slug + ".md"));
            var points = Regex.Match(text, @"^key_learning:\n((?:  - .*\n)+)", RegexOptions.Multiline).Groups[1].Value
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimStart(' ', '-')).ToList();
            Assert.InRange(points.Count, 3, 5);
            var page = site.Page($"cases/{slug}/index.html");
            var shown = page.QuerySelectorAll(".app-key-learning li").Select(li => li.TextContent).ToList();
            Assert.Equal(points.Select(System.Net.WebUtility.HtmlDecode), shown);
            // Straight after the warning, before any of the page's own text.
            Assert.Contains("govuk-warning-text", page.QuerySelector(".app-key-learning")!.PreviousElementSibling!.ClassName
                + page.QuerySelector(".app-key-learning")!.PreviousElementSibling!.PreviousElementSibling!.ClassName, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Given_the_real_content_Then_a_case_page_ends_with_the_other_reviews_that_share_its_themes()
    {
        var cases = CaseThemes();
        foreach (var (slug, themes) in cases)
        {
            var page = site.Page($"cases/{slug}/index.html");
            var heading = page.QuerySelectorAll("h2").FirstOrDefault(h => h.TextContent == "Other reviews on these themes");
            var sharing = cases.Where(c => c.Key != slug && c.Value.Intersect(themes).Any()).Select(c => c.Key).Order().ToList();
            if (sharing.Count == 0)
            {
                Assert.Null(heading);
                continue;
            }

            var links = heading!.NextElementSibling!.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!.Split('/')[^2]).Order().ToList();
            Assert.Equal(sharing, links);
        }

        // Child O and Child Q and Child S share multi-agency working, and the list says so.
        Assert.Contains("Child Q and Child S: Multi-agency working", site.Page("cases/child-o/index.html").QuerySelector(".app-related")!.TextContent, StringComparison.Ordinal);
    }
}
