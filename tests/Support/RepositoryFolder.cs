namespace Lscb.Site.Support;

/// <summary>Where the repository is, for the tests and the benchmark alike.</summary>
internal static class RepositoryFolder
{
    /// <summary>
    /// The first folder with Site.csproj beside statiq.config, looking upwards from each of
    /// <paramref name="starts"/> in turn.
    /// </summary>
    public static string Find(params string[] starts)
    {
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Site.csproj")) && File.Exists(Path.Combine(dir.FullName, "statiq.config")))
                    return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"The repository (Site.csproj beside statiq.config) was not found above {string.Join(" or ", starts)}.");
    }
}
