using Lscb.Site.Load;
using Lscb.Site.Render;
using Lscb.Site.Validate;

namespace Lscb.Site.Build;

/// <summary>
/// What <c>preview</c> keeps between the builds of one run, so that an edit costs the files it
/// touches rather than the whole site: files are read and their front matter bound only when they
/// changed, pages are rendered only when what they show changed, and only changed files are written
/// into the preview folder, in place. A one-off <c>build</c> uses none of it.
/// </summary>
public sealed class BuildSession
{
    /// <summary>Input files, by path, size and modification time.</summary>
    public SourceCache Sources { get; } = new();

    /// <summary>Bound front matter, by file.</summary>
    public BindCache Bindings { get; } = new();

    /// <summary>What each page, and the feed, sitemap and export, read from the content when last made.</summary>
    public RenderCache Pages { get; } = new();

    /// <summary>Files written and removed by the last build.</summary>
    public (int Written, int Removed) LastWrite { get; internal set; }

    /// <summary>The SHA-256 of each file in the output folder after the last good build; null before one, or after a failed write.</summary>
    internal IReadOnlyDictionary<string, byte[]>? Published { get; set; }

    /// <summary>The output folder that <see cref="Published"/> describes.</summary>
    internal string? PublishedTo { get; set; }
}
