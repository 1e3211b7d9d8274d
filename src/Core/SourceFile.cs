namespace Lscb.Site.Core;

/// <summary>
/// One Markdown file, split into its front matter and body, with the line numbers needed to point
/// staff at the exact place of a mistake.
/// </summary>
/// <param name="Path">Relative to the site root, forward slashes: <c>input/cases/child-o.md</c>.</param>
/// <param name="Kind">Decided by the folder.</param>
/// <param name="Slug">The file name without <c>.md</c>; becomes the URL segment.</param>
/// <param name="FrontMatter">The YAML between the <c>---</c> lines.</param>
/// <param name="FrontMatterLine">The file line on which the YAML's first line sits.</param>
/// <param name="Body">The Markdown after the front matter, with <c>\n</c> line ends.</param>
/// <param name="BodyLine">The file line on which the body's first line sits.</param>
public sealed record SourceFile(
    string Path,
    ContentKind Kind,
    string Slug,
    string FrontMatter,
    int FrontMatterLine,
    string Body,
    int BodyLine);

/// <summary>A file under <c>input/</c> that is not Markdown (an image, a PDF), copied as it is.</summary>
/// <param name="Path">Relative to the site root: <c>input/images/a.png</c>.</param>
/// <param name="OutputPath">Relative to the output root: <c>images/a.png</c>.</param>
/// <param name="FullPath">Where to copy it from.</param>
public sealed record StaticFile(string Path, string OutputPath, string FullPath);
