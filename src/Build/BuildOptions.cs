namespace Lscb.Site.Build;

/// <summary>What a run was asked to do.</summary>
/// <param name="Root">The site folder: statiq.config and input/.</param>
/// <param name="Output">Where the site goes; null for a check that writes nothing.</param>
/// <param name="BaseUrl">Overrides base_url from statiq.config.</param>
/// <param name="IncludeDrafts">Build drafts too (preview, --drafts).</param>
/// <param name="Today">The date embargoes are judged against; null for today in the Board's time zone.</param>
public sealed record BuildOptions(string Root, string? Output, Uri? BaseUrl, bool IncludeDrafts, DateOnly? Today)
{
    /// <summary>False to skip the search index (<c>--no-search</c>), for quick local builds and the benchmark.</summary>
    public bool SearchIndex { get; init; } = true;

    /// <summary>
    /// The folder holding theme/ and package.json: the site folder or one above it, else the folder the
    /// generator was built from (so a site folder needs only statiq.config and input/).
    /// </summary>
    public string ThemeRoot => FindThemeRoot(Root) ?? FindThemeRoot(AppContext.BaseDirectory)
        ?? throw new DirectoryNotFoundException("The theme folder (theme/scss/site.scss beside package.json) was not found.");

    private static string? FindThemeRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "theme", "scss", "site.scss")) && File.Exists(Path.Combine(dir.FullName, "package.json")))
                return dir.FullName;
        }

        return null;
    }
}
