using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Lscb.Site.Tests;

/// <summary>
/// The page weight budget: every page's own HTML, CSS and JavaScript together stay under 100 kB
/// (uncompressed), for readers on slow or metered phones. Pagefind's search bundle (pagefind/),
/// which only a search loads, is not counted. Also checks that cutting unused styles from
/// GOV.UK Frontend (src/Assets/UnusedStyles.cs) cut nothing a page uses.
/// </summary>
[Collection(RealSiteCollection.Name)]
public sealed partial class PageWeightTests(RealSiteFixture site, ITestOutputHelper output)
{
    private const int Budget = 100 * 1024;

    private static readonly Uri SiteRoot = new(RealSiteFixture.BaseUrl);

    /// <summary>One file a page loads and its size.</summary>
    private sealed record Part(string Path, long Bytes);

    /// <summary>A page, what it loads and the total.</summary>
    private sealed record Weight(string Page, IReadOnlyList<Part> Parts)
    {
        public long Total => Parts.Sum(p => p.Bytes);

        public override string ToString() =>
            $"{Page}: {Total:N0} bytes ({Total / 1024.0:F1} kB)\n" + string.Join('\n', Parts.Select(p => $"  {p.Bytes,8:N0}  {p.Path}"));
    }

    [Fact]
    public void Given_the_real_content_When_built_Then_every_page_with_its_styles_and_scripts_is_under_100_kB()
    {
        var weights = site.HtmlFiles.Select(WeightOf).OrderByDescending(w => w.Total).ToList();
        Assert.NotEmpty(weights);
        var heaviest = weights[0];
        output.WriteLine($"Heaviest of {weights.Count} pages (budget {Budget:N0} bytes):\n{heaviest}");

        var over = weights.Where(w => w.Total >= Budget).ToList();
        Assert.True(over.Count == 0,
            $"{over.Count} page(s) at or over the {Budget:N0}-byte budget: {string.Join(", ", over.Select(w => $"{w.Page} ({w.Total:N0})"))}. The heaviest:\n{heaviest}");
    }

    [Fact]
    public void Given_the_home_and_search_pages_When_weighed_Then_their_own_styles_and_scripts_count_and_Pagefinds_bundle_does_not()
    {
        var home = WeightOf("index.html");
        output.WriteLine(home.ToString());
        Assert.Contains(home.Parts, p => p.Path == "index.html");
        Assert.Contains(home.Parts, p => p.Path.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(home.Parts, p => p.Path.EndsWith(".js", StringComparison.Ordinal));
        Assert.True(home.Total > 20 * 1024, $"the home page weighs only {home.Total:N0} bytes: is the budget measuring anything?\n{home}");

        // The search page's own styles and script are counted, Pagefind's bundle is not.
        var search = WeightOf("search/index.html");
        Assert.Contains(search.Parts, p => p.Path == "assets/search.css");
        Assert.Contains(search.Parts, p => p.Path == "assets/search.js");
        Assert.DoesNotContain(search.Parts, p => p.Path.StartsWith("pagefind/", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_the_built_scripts_Then_they_are_bundles_importing_nothing_and_the_search_script_finds_Pagefind_at_the_site_root()
    {
        foreach (var script in new[] { "assets/site.js", "assets/search.js" })
            Assert.Empty(StaticImports(site.Text(script)));
        Assert.False(File.Exists(Path.Combine(site.Output, "assets", "govuk-frontend.min.js")), "GOV.UK Frontend's whole bundle is still copied");

        // search.js imports Pagefind at run time from "../pagefind/pagefind.js" relative to its own URL.
        var searchJs = site.Text("assets/search.js");
        var specifier = Assert.Single(PagefindImport().Matches(searchJs)).Groups["specifier"].Value;
        var scriptUrl = new Uri(SiteRoot, ScriptSource("search/index.html", "search.js"));
        Assert.Equal(RealSiteFixture.BaseUrl + "pagefind/pagefind.js", new Uri(scriptUrl, specifier).AbsoluteUri);
        Assert.True(File.Exists(Path.Combine(site.Output, "pagefind", "pagefind.js")));
    }

    [Fact]
    public void Given_the_cut_down_GOV_UK_Frontend_styles_Then_every_class_a_page_or_script_uses_that_GOV_UK_Frontend_styles_is_still_styled()
    {
        var govuk = ClassesIn(File.ReadAllText(Path.Combine(Repo.Root, "node_modules", "govuk-frontend", "dist", "govuk", "govuk-frontend.min.css")));
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var styled = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string> Styled(string sheet) => styled.TryGetValue(sheet, out var c) ? c : styled[sheet] = ClassesIn(site.Text(sheet));

        foreach (var page in site.HtmlFiles)
        {
            var document = site.Page(page);
            var sheets = document.QuerySelectorAll("link[rel~=stylesheet][href]").Select(l => Styled(LocalPath(page, l.GetAttribute("href")!))).ToList();
            foreach (var name in document.QuerySelectorAll("[class]").SelectMany(e => e.ClassList).Distinct(StringComparer.Ordinal))
            {
                if (govuk.Contains(name) && !sheets.Exists(s => s.Contains(name))) missing.Add($"{name} (on {page})");
            }
        }

        // Classes GOV.UK Frontend's scripts add at run time (Exit this page's overlay and indicator, ...).
        // Not govuk-frontend-supported, set on <body>: GOV.UK styles only components under it (the
        // accordion, tabs...) and the site uses none of them.
        var siteCss = Styled("assets/site.css");
        foreach (var name in GovukWord().Matches(site.Text("assets/site.js")).Select(m => m.Value))
        {
            if (govuk.Contains(name) && !siteCss.Contains(name) && name != "govuk-frontend-supported") missing.Add($"{name} (added by assets/site.js)");
        }

        Assert.True(missing.Count == 0,
            "GOV.UK Frontend styles these classes, but the site's stylesheets do not (add the module to theme/scss/site.scss, or search.scss for the search page):\n"
            + string.Join('\n', missing));
        Assert.Contains("govuk-exit-this-page-overlay", siteCss);
    }

    /// <summary>The class names in a stylesheet's selectors (and a few words after dots in its values, which do no harm here).</summary>
    private static HashSet<string> ClassesIn(string css) =>
        CssClass().Matches(css).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

    private Weight WeightOf(string page)
    {
        var parts = new List<Part> { new(page, new FileInfo(Path.Combine(site.Output, page)).Length) };
        var seen = new HashSet<string>(StringComparer.Ordinal) { page };
        var document = site.Page(page);
        var loaded = document.QuerySelectorAll("link[rel~=stylesheet][href]").Select(l => l.GetAttribute("href")!)
            .Concat(document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!));
        foreach (var href in loaded) Add(LocalPath(page, href));
        return new Weight(page, parts);

        void Add(string path)
        {
            if (path.StartsWith("pagefind/", StringComparison.Ordinal) || !seen.Add(path)) return;
            var file = Path.Combine(site.Output, path);
            Assert.True(File.Exists(file), $"{page} loads {path}, which is not in the built site");
            parts.Add(new Part(path, new FileInfo(file).Length));
            if (!path.EndsWith(".js", StringComparison.Ordinal) && !path.EndsWith(".mjs", StringComparison.Ordinal)) return;
            var url = new Uri(SiteRoot, path);
            foreach (var specifier in StaticImports(File.ReadAllText(file)))
            {
                Assert.True(specifier.StartsWith("./", StringComparison.Ordinal) || specifier.StartsWith("../", StringComparison.Ordinal) || specifier.StartsWith('/'),
                    $"{path} imports \"{specifier}\", which a browser cannot resolve (a bare name needs bundling)");
                Add(LocalPath(url, specifier));
            }
        }
    }

    /// <summary>The output-relative path of a URL on a page (absolute, root-relative or relative; query dropped).</summary>
    private static string LocalPath(string page, string href) => LocalPath(new Uri(SiteRoot, page), href);

    private static string LocalPath(Uri from, string href)
    {
        var url = new Uri(from, href);
        Assert.True(url.Host == SiteRoot.Host && url.AbsolutePath.StartsWith(RealSiteFixture.BasePath, StringComparison.Ordinal),
            $"{from} loads {href}, which is not on the site");
        return Uri.UnescapeDataString(url.AbsolutePath[RealSiteFixture.BasePath.Length..]);
    }

    private string ScriptSource(string page, string endsWith) =>
        site.Page(page).QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!)
            .Single(src => new Uri(SiteRoot, src).AbsolutePath.EndsWith(endsWith, StringComparison.Ordinal));

    /// <summary>
    /// The specifiers of a module's static imports and re-exports: <c>import x from "./a.js"</c>,
    /// <c>import{a}from"./a.js"</c>, <c>import "./a.js"</c>, <c>export * from "./a.js"</c>; not <c>import(...)</c>.
    /// </summary>
    private static IEnumerable<string> StaticImports(string script) =>
        StaticImport().Matches(script).Select(m => m.Groups["specifier"].Value);

    [GeneratedRegex(@"(?<![\w$.""'])(?:import|export)\s*(?:[\w$\s{},*]*?\bfrom\s*)?(?<q>[""'])(?<specifier>[^""'\n]+)\k<q>")]
    private static partial Regex StaticImport();

    [GeneratedRegex(@"import\(new URL\((?<q>[""'])(?<specifier>[^""']+)\k<q>,\s*import\.meta\.url\)")]
    private static partial Regex PagefindImport();

    [GeneratedRegex(@"govuk-[A-Za-z0-9_-]+")]
    private static partial Regex GovukWord();

    [GeneratedRegex(@"\.(?<name>-?[A-Za-z_][A-Za-z0-9_-]*)")]
    private static partial Regex CssClass();
}
