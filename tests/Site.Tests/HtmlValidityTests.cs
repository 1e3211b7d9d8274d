using Lscb.Site.Assets;

namespace Lscb.Site.Tests;

/// <summary>Every built page through the Nu Html Checker (npm vnu-jar, run on the machine's Java).</summary>
[Collection(RealSiteCollection.Name)]
public sealed class HtmlValidityTests(RealSiteFixture site)
{
    [Fact]
    public void Given_the_real_content_When_built_Then_every_page_passes_the_Nu_Html_Checker_with_no_errors()
    {
        Assert.False(site.Result.Failed, string.Join('\n', site.Result.Diagnostics));
        var jar = Path.Combine(Repo.Root, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        Assert.True(File.Exists(jar), $"{jar} is missing: the build installs it with npm ci");

        var (code, output) = ToolRunner.Run("java", ["-jar", jar, "--errors-only", "--skip-non-html", "--format", "gnu", site.Output], Repo.Root);

        Assert.True(code != -1, "Java is needed to run the Nu Html Checker: " + output);
        Assert.True(code == 0, "The Nu Html Checker found errors:\n" + output);
        Assert.True(site.HtmlFiles.Count() >= 30, "the site should have at least 30 pages to check");
    }
}

/// <summary>The page kinds the real content does not have yet, through the same checker: a redirect from an old address, and GitHub's Markdown.</summary>
public sealed class ConstructValidityTests
{
    [Fact]
    public void Given_a_redirect_page_and_a_page_of_footnotes_task_lists_and_alerts_When_built_Then_they_pass_the_Nu_Html_Checker()
    {
        using var site = new TestSite(new Dictionary<string, string>
        {
            ["input/cases/child-a.md"] = TestSite.Case("Child A", "themes: [neglect]\nmoved_from: [cases/child-a-old/]"),
            ["input/pages/about.md"] = "---\ntitle: About\nsummary: About the site.\n---\nA note.[^1] ~~Old~~ new, at https://www.gov.uk/ today.\n\n" +
                "- [x] Read it\n- [ ] Share it\n\n> [!NOTE]\n> A note.\n\n> [!WARNING]\n> A warning.\n\n[^1]: The footnote.\n",
        });
        var result = site.Build();
        Assert.False(result.Failed, string.Join('\n', result.Diagnostics));
        Assert.True(File.Exists(Path.Combine(site.Output, "cases", "child-a-old", "index.html")));
        var jar = Path.Combine(Repo.Root, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

        var (code, output) = ToolRunner.Run("java", ["-jar", jar, "--errors-only", "--format", "gnu",
            Path.Combine(site.Output, "cases", "child-a-old", "index.html"), Path.Combine(site.Output, "about", "index.html")], Repo.Root);

        Assert.True(code != -1, "Java is needed to run the Nu Html Checker: " + output);
        Assert.True(code == 0, "The Nu Html Checker found errors:\n" + output);
    }
}
