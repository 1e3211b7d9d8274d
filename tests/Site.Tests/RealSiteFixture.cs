using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Lscb.Site.Build;

namespace Lscb.Site.Tests;

/// <summary>The real input/ built once under a GitHub Pages project base path, shared by the whole-site tests.</summary>
public sealed class RealSiteFixture : IDisposable
{
    public const string BaseUrl = "https://example.github.io/lscb-learning/";
    public const string BasePath = "/lscb-learning/";

    public RealSiteFixture()
    {
        Output = Path.Combine(Path.GetTempPath(), "lscb-real-" + Guid.NewGuid().ToString("N"));
        Result = SiteBuilder.Build(new BuildOptions(Repo.Root, Output, new Uri(BaseUrl), false, new DateOnly(2026, 11, 26)));
    }

    public string Output { get; }

    public BuildResult Result { get; }

    public IEnumerable<string> HtmlFiles =>
        Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Output, f).Replace('\\', '/')).Order(StringComparer.Ordinal);

    public IDocument Page(string path) => new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(Output, path)));

    public string Text(string path) => File.ReadAllText(Path.Combine(Output, path));

    public void Dispose()
    {
        if (Directory.Exists(Output)) Directory.Delete(Output, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class RealSiteCollection : ICollectionFixture<RealSiteFixture>
{
    public const string Name = "real site";
}
