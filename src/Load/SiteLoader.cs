using System.Text.RegularExpressions;
using Lscb.Site.Core;

namespace Lscb.Site.Load;

/// <summary>Phase 1, Load: reads <c>statiq.config</c> and every file under <c>input/</c>.</summary>
public static partial class SiteLoader
{
    /// <summary>The settings file's name, at the site root.</summary>
    public const string ConfigFile = "statiq.config";

    /// <summary>The glossary's data file: read as data, never copied into the site.</summary>
    public const string GlossaryFile = "input/glossary.yml";

    /// <summary>Files larger than this are refused: no page of the bulletin comes near it.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    private static readonly Dictionary<string, ContentKind> Folders = new(StringComparer.Ordinal)
    {
        ["input/cases"] = ContentKind.Case,
        ["input/themes"] = ContentKind.Theme,
        ["input/responses"] = ContentKind.Response,
        ["input/pages"] = ContentKind.Page,
        ["input/sources"] = ContentKind.Source,
    };

    /// <summary>Reads the site at <paramref name="root"/>; problems go to <paramref name="diagnostics"/>.</summary>
    /// <param name="root">The site folder.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="cache">What earlier loads of this process read (preview); unchanged files are not read again.</param>
    public static LoadedSite Load(string root, DiagnosticBag diagnostics, SourceCache? cache = null)
    {
        string? config = null;
        var configPath = Path.Combine(root, ConfigFile);
        if (File.Exists(configPath))
            config = TextDecoder.Decode(File.ReadAllBytes(configPath), ConfigFile, diagnostics);
        else
            diagnostics.Report(DiagnosticCodes.ConfigMissing, SourceSpan.StartOf(ConfigFile), "the settings file statiq.config is missing from the site folder");

        var input = Path.Combine(root, "input");
        if (!Directory.Exists(input))
        {
            diagnostics.Report(DiagnosticCodes.InputMissing, SourceSpan.StartOf("input"), "the folder 'input' with the site's Markdown files is missing");
            return new LoadedSite(config, [], []);
        }

        var all = Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
            .Select(full => (full, rel: Path.GetRelativePath(root, full).Replace('\\', '/')))
            .Where(f => !Path.GetFileName(f.full).StartsWith('.'))
            .OrderBy(f => f.rel, StringComparer.Ordinal)
            .ToList();

        var markdown = all.Where(f => f.rel.EndsWith(".md", StringComparison.OrdinalIgnoreCase)).ToList();
        var statics = all.Except(markdown).Where(f => f.rel != GlossaryFile)
            .Select(f => new StaticFile(f.rel, f.rel["input/".Length..], f.full))
            .ToList();

        var files = new SourceFile?[markdown.Count];
        Parallel.For(0, markdown.Count, i => files[i] = cache is null
            ? Read(markdown[i].full, markdown[i].rel, diagnostics)
            : ReadThrough(cache, markdown[i].full, markdown[i].rel, diagnostics));
        cache?.KeepOnly(markdown.Select(m => m.rel));
        var language = Path.Combine(root, "checks", "language.yml");
        return new LoadedSite(config, files.OfType<SourceFile>().ToList(), statics)
        {
            Seeds = ReadSeeds(root),
            LanguageText = File.Exists(language) ? TextDecoder.Decode(File.ReadAllBytes(language), "checks/language.yml", diagnostics) : null,
            GlossaryText = File.Exists(Path.Combine(root, GlossaryFile)) ? TextDecoder.Decode(File.ReadAllBytes(Path.Combine(root, GlossaryFile)), GlossaryFile, diagnostics) : null,
        };
    }

    /// <summary>The file types a source's local copy may be: text that a page can show as it is.</summary>
    public static readonly IReadOnlySet<string> SeedExtensions = new HashSet<string>([".txt", ".md"], StringComparer.Ordinal);

    // Seeds are a handful of small documents, read whole. The site publishes them unchanged, so the
    // only change made is the one every file gets: Windows line ends become \n. One that is not UTF-8
    // text is not offered, and a source naming it is told so.
    private static Dictionary<string, string> ReadSeeds(string root)
    {
        var seeds = new Dictionary<string, string>(StringComparer.Ordinal);
        var folder = Path.Combine(root, "seeds");
        if (!Directory.Exists(folder)) return seeds;
        foreach (var full in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            if (!SeedExtensions.Contains(Path.GetExtension(full)) || new FileInfo(full).Length > MaxFileBytes) continue;
            var text = TextDecoder.Decode(File.ReadAllBytes(full), "seeds", new DiagnosticBag());
            if (text is not null) seeds[Path.GetRelativePath(root, full).Replace('\\', '/')] = text;
        }

        return seeds;
    }

    private static SourceFile? ReadThrough(SourceCache cache, string full, string path, DiagnosticBag diagnostics)
    {
        var info = new FileInfo(full);
        if (!cache.TryGet(path, info, out var entry))
        {
            var own = new DiagnosticBag();
            // The time is taken before reading, so a save during the read is seen by the next load.
            entry = new SourceCache.Entry(info.Length, info.LastWriteTimeUtc, Read(full, path, own), own.Sorted());
            cache.Store(path, entry);
        }

        foreach (var d in entry.Diagnostics) diagnostics.Add(d);
        return entry.File;
    }

    private static SourceFile? Read(string full, string path, DiagnosticBag diagnostics)
    {
        var kind = KindOf(path, diagnostics);
        if (kind is null) return null;

        var name = Path.GetFileName(path);
        var slug = name[..^3];
        if (kind != ContentKind.Home && !SlugPattern().IsMatch(slug))
        {
            var suggested = Slugs.From(slug);
            diagnostics.Report(DiagnosticCodes.BadName, SourceSpan.StartOf(path),
                $"the file name '{name}' must use only lower-case letters a-z, digits and hyphens; " +
                (suggested.Length > 0 ? $"rename it to '{suggested}.md'" : "rename it using only those characters"));
            return null;
        }

        if (!name.EndsWith(".md", StringComparison.Ordinal))
        {
            diagnostics.Report(DiagnosticCodes.BadName, SourceSpan.StartOf(path), $"the file name '{name}' must end in lower-case '.md'");
            return null;
        }

        var length = new FileInfo(full).Length;
        if (length > MaxFileBytes)
        {
            diagnostics.Report(DiagnosticCodes.FileTooLarge, SourceSpan.StartOf(path),
                $"this file is {length / 1024} KB; a page may be at most {MaxFileBytes / 1024} KB, so split it or remove pasted material");
            return null;
        }

        var text = TextDecoder.Decode(File.ReadAllBytes(full), path, diagnostics);
        if (text is null) return null;
        var parts = FrontMatterSplitter.Split(text, path, diagnostics);
        if (parts is not { } p) return null;
        return new SourceFile(path, kind.Value, slug, p.Yaml, p.YamlLine, p.Body, p.BodyLine);
    }

    private static ContentKind? KindOf(string path, DiagnosticBag diagnostics)
    {
        if (path == "input/index.md") return ContentKind.Home;
        var folder = path[..path.LastIndexOf('/')];
        if (Folders.TryGetValue(folder, out var kind)) return kind;
        diagnostics.Report(DiagnosticCodes.MarkdownOutsideContent, SourceSpan.StartOf(path),
            "Markdown files belong in input/cases, input/themes, input/responses, input/pages or input/sources (or input/index.md for the home page); move this file into one of them");
        return null;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    internal static partial Regex SlugPattern();
}
