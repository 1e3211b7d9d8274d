namespace Lscb.Site.Tests;

/// <summary>Page bodies: no raw HTML, safe links, links between pages checked and rewritten.</summary>
public sealed class MarkdownRendererTests
{
    private static (Lscb.Site.Build.BuildResult Result, TestSite Site) BuildWithBody(string body, string? baseUrl = null)
    {
        var site = new TestSite(new Dictionary<string, string>
        {
            ["input/pages/about.md"] = "---\ntitle: About\nsummary: About the site.\n---\n" + body,
        });
        return (site.Build(baseUrl), site);
    }

    [Fact]
    public void Given_raw_HTML_and_a_script_When_built_Then_each_tag_is_an_error_at_its_place_and_nothing_is_published()
    {
        var (result, site) = BuildWithBody("<script>alert(1)</script>\n\nHello <b onclick=\"x()\">there</b>.\n");
        using (site)
        {
            Assert.True(result.Failed);
            Assert.Equal([("SCR033", 5, 1), ("SCR033", 7, 7)], result.Diagnostics.Select(d => (d.Code, d.At.Line, d.At.Column)));
            Assert.False(Directory.Exists(site.Output));
        }
    }

    [Fact]
    public void Given_an_HTML_comment_When_built_Then_it_is_left_out_of_the_page_and_a_warning_says_where_notes_belong()
    {
        var (result, site) = BuildWithBody("<!-- private: check the names -->\n\nSeen. <!-- also private -->\n");
        using (site)
        {
            Assert.False(result.Failed, string.Join('\n', result.Diagnostics));
            Assert.Equal(["SCR110", "SCR110"], result.Diagnostics.Select(d => d.Code));
            var html = site.ReadOutput("about/index.html");
            Assert.Contains("Seen.", html, StringComparison.Ordinal);
            Assert.DoesNotContain("private", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Given_a_relative_link_to_a_Markdown_file_When_built_under_a_base_path_Then_it_becomes_the_page_URL()
    {
        var (result, site) = BuildWithBody("Read about [neglect](../themes/neglect.md#learning).\n", "https://example.github.io/repo/");
        using (site)
        {
            Assert.False(result.Failed, string.Join('\n', result.Diagnostics));
            Assert.Contains("href=\"/repo/themes/neglect/#learning\"", site.ReadOutput("about/index.html"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Given_a_link_to_a_missing_page_When_built_Then_SCR020_suggests_the_nearest_file()
    {
        var (result, site) = BuildWithBody("Intro.\n\nRead about [neglect](../themes/neglct.md).\n");
        using (site)
        {
            Diagnostics.One(result, "SCR020", "input/pages/about.md", 7, 12, "did you mean '../themes/neglect.md'?");
            Assert.False(Directory.Exists(site.Output));
        }
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JavaScript:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[x](vbscript:msgbox)")]
    public void Given_a_script_or_data_link_When_built_Then_SCR021_refuses_it(string link)
    {
        var (result, site) = BuildWithBody(link + "\n");
        using (site) Diagnostics.One(result, "SCR021", "input/pages/about.md", 5, 1);
    }

    [Fact]
    public void Given_an_external_link_When_built_Then_it_gets_noopener_noreferrer()
    {
        var (result, site) = BuildWithBody("See [the NSPCC](https://www.nspcc.org.uk/).\n");
        using (site)
        {
            Assert.False(result.Failed, string.Join('\n', result.Diagnostics));
            var html = site.ReadOutput("about/index.html");
            Assert.Contains("rel=\"noopener noreferrer\"", html, StringComparison.Ordinal);
            Assert.Contains("class=\"govuk-link app-external-link\"", html, StringComparison.Ordinal);
            // The marker's words come from the stylesheet, so they are in every copy of the page.
            Assert.Contains(".app-external-link::after{content:\" (another website)\"}", site.ReadOutput("assets/site.css"), StringComparison.Ordinal);
        }
    }

    // Bodies without a bare address are read by a pipeline without the bare-address parser; each kind
    // must still choose the one with it, and become a link.
    [Theory]
    [InlineData("http://example.org/a", "href=\"http://example.org/a\"")]
    [InlineData("https://example.org/b", "href=\"https://example.org/b\"")]
    [InlineData("ftp://example.org/c", "href=\"ftp://example.org/c\"")]
    [InlineData("www.example.org", "href=\"http://www.example.org\"")]
    [InlineData("mailto:help@example.org", "href=\"mailto:help@example.org\"")]
    [InlineData("tel:+441234567890", "href=\"tel:+441234567890\"")]
    public void Given_a_bare_address_in_the_text_When_its_pipeline_is_chosen_Then_it_becomes_a_link(string address, string href)
    {
        // Some of these are refused by the safeguarding checks on a real page (SCR021, SCR063, SCR064):
        // here only the choice of pipeline is under test.
        var body = $"Contact us at {address} today.\n";
        Assert.Contains(href, Markdig.Markdown.ToHtml(body, Lscb.Site.Render.MarkdownRenderer.PipelineFor(body)), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_every_body_of_the_real_site_When_read_by_the_pipeline_chosen_for_it_Then_the_HTML_is_the_same_as_with_bare_addresses_on()
    {
        var bodies = Directory.EnumerateFiles(Path.Combine(Repo.Root, "input"), "*.md", SearchOption.AllDirectories)
            .Select(File.ReadAllText).ToList();
        Assert.True(bodies.Count > 20, "the real site's content was not found");
        Assert.Contains(bodies, b => !ReferenceEquals(Lscb.Site.Render.MarkdownRenderer.PipelineFor(b), Lscb.Site.Render.MarkdownRenderer.Pipeline));
        foreach (var body in bodies)
        {
            Assert.Equal(Markdig.Markdown.ToHtml(body, Lscb.Site.Render.MarkdownRenderer.Pipeline),
                Markdig.Markdown.ToHtml(body, Lscb.Site.Render.MarkdownRenderer.PipelineFor(body)));
        }
    }

    [Fact]
    public void Given_an_image_without_a_description_When_built_Then_SCR024_asks_for_one()
    {
        var (result, site) = BuildWithBody("![](chart.png)\n");
        using (site) Assert.Contains(result.Diagnostics, d => d.Code == "SCR024" && d.At.Line == 5);
    }

    [Fact]
    public void Given_a_level_one_heading_in_the_body_When_built_Then_SCR025_asks_for_level_two()
    {
        var (result, site) = BuildWithBody("Intro.\n\n# Heading\n");
        using (site) Diagnostics.One(result, "SCR025", "input/pages/about.md", 7, 1);
    }
}
