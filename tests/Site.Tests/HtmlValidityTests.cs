using Lscb.Site.Assets;

namespace Lscb.Site.Tests;

/// <summary>Every built page through the Nu Html Checker (npm vnu-jar, run on the machine's Java).</summary>
[Collection(RealSiteCollection.Name)]
public sealed class HtmlValidityTests(RealSiteFixture site)
{
    [Fact]
    public void Every_page_passes_the_Nu_Html_Checker_with_no_errors()
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
