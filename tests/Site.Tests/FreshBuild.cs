using Lscb.Site.Build;

namespace Lscb.Site.Tests;

/// <summary>What a build without a session writes, to hold preview's folder against.</summary>
internal static class FreshBuild
{
    /// <summary>The files a fresh build of the same input writes, built into a folder of its own and then removed.</summary>
    public static SortedDictionary<string, string> Of(TestSite site, BuildOptions options)
    {
        var folder = Path.Combine(site.Root, "fresh");
        var result = SiteBuilder.Build(options with { Output = folder });
        Assert.False(result.Failed, string.Join('\n', result.Diagnostics));
        var files = Snapshots.Of(folder);
        Directory.Delete(folder, recursive: true);
        return files;
    }

    /// <summary>Fails, naming the files, unless the site's output folder is byte for byte what a fresh build writes.</summary>
    public static void AssertSame(TestSite site, BuildOptions options)
    {
        var difference = Snapshots.Difference(Of(site, options), Snapshots.Of(site.Output));
        Assert.True(difference.Length == 0, $"the preview folder differs from a fresh build: {difference}");
    }
}
