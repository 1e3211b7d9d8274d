using System.Diagnostics;

namespace Lscb.Site.Bench;

/// <summary>What <see cref="HugoSite.Write"/> wrote.</summary>
/// <param name="Files">Content files (Markdown) in the Hugo site.</param>
/// <param name="Elapsed">How long writing it took (not part of any timing).</param>
internal sealed record HugoContent(int Files, TimeSpan Elapsed);

/// <summary>
/// The Hugo site the benchmark builds beside the generator's (tests/bench/README.md, "Compared with
/// Hugo"): the same synthetic content, with Hugo's configuration and a minimal layout from
/// <c>tests/bench/hugo/</c>. The Markdown files are copied unchanged, front matter and body (Hugo
/// reads every key the synthetic content has); only where they go changes:
/// <list type="bullet">
/// <item><c>input/cases/*.md</c>, <c>input/responses/*.md</c> and <c>input/sources/*.md</c> to
/// <c>content/cases/</c>, <c>content/responses/</c> and <c>content/sources/</c>, each section with an
/// <c>_index.md</c> giving its title;</item>
/// <item>each theme <c>input/themes/SLUG.md</c> to <c>content/themes/SLUG/_index.md</c>, the text of
/// the taxonomy term <c>SLUG</c> (the cases' and responses' <c>themes</c> lists are the taxonomy), so a
/// theme's page has its own text and lists its cases and responses, as the generator's does;</item>
/// <item><c>input/pages/*.md</c> to <c>content/</c> (<c>/about/</c> and so on) and <c>input/index.md</c>
/// to <c>content/_index.md</c>.</item>
/// </list>
/// The glossary (<c>input/glossary.yml</c>, one page on the generator's site) has no counterpart.
/// </summary>
internal static class HugoSite
{
    /// <summary>Debian's package, the one the README names.</summary>
    public const string InstallHint = "install it with `sudo apt-get install hugo` (Debian's package), then run the benchmark again";

    private static readonly (string Folder, string Title)[] Sections =
    [
        ("cases", "Case reviews"),
        ("responses", "Board responses"),
        ("sources", "Sources"),
        ("themes", "Themes"),
    ];

    /// <summary>The first <c>hugo</c> on PATH, or null.</summary>
    public static string? Executable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "hugo"))
            .FirstOrDefault(File.Exists);

    /// <summary>Writes the Hugo site for the synthetic site in <paramref name="site"/> into <paramref name="dir"/> (emptied first).</summary>
    /// <param name="repo">The repository, whose <c>tests/bench/hugo/</c> holds the configuration and layout.</param>
    /// <param name="site">A site folder written by <see cref="ContentGenerator"/>.</param>
    /// <param name="dir">Where the Hugo site goes.</param>
    public static HugoContent Write(string repo, string site, string dir)
    {
        var clock = Stopwatch.StartNew();
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Harness.CopyTree(Path.Combine(repo, "tests", "bench", "hugo"), dir);
        var input = Path.Combine(site, "input");
        var content = Path.Combine(dir, "content");
        var files = 0;
        void Copy(string from, string to)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to);
            files++;
        }

        void Write(string to, string text)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.WriteAllText(to, text);
            files++;
        }

        Copy(Path.Combine(input, "index.md"), Path.Combine(content, "_index.md"));
        foreach (var (folder, title) in Sections)
            Write(Path.Combine(content, folder, "_index.md"), $"---\ntitle: {title}\n---\n");
        foreach (var folder in new[] { "cases", "responses", "sources" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(input, folder), "*.md"))
                Copy(file, Path.Combine(content, folder, Path.GetFileName(file)));
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(input, "themes"), "*.md"))
            Copy(file, Path.Combine(content, "themes", Path.GetFileNameWithoutExtension(file), "_index.md"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(input, "pages"), "*.md"))
            Copy(file, Path.Combine(content, Path.GetFileName(file)));
        return new HugoContent(files, clock.Elapsed);
    }
}
