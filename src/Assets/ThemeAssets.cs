using System.Security.Cryptography;
using System.Text;
using Lscb.Site.Core;

namespace Lscb.Site.Assets;

/// <summary>The compiled theme files and the URLs pages use for them.</summary>
/// <param name="Files">Output path (under assets/) to content.</param>
/// <param name="Version">A short hash of all asset contents, appended to URLs so browsers fetch new versions.</param>
public sealed record ThemeAssetSet(IReadOnlyDictionary<string, byte[]> Files, string Version)
{
    /// <summary>The stylesheet's site-relative URL.</summary>
    public string StylesheetUrl => $"assets/site.css?v={Version}";

    /// <summary>The script's site-relative URL.</summary>
    public string ScriptUrl => $"assets/site.mjs?v={Version}";

    /// <summary>The search page's script.</summary>
    public string SearchScriptUrl => $"assets/search.mjs?v={Version}";

    /// <summary>Styles only the search page needs (its form controls), or null when they are in the main stylesheet.</summary>
    public string? SearchStylesheetUrl => Files.ContainsKey("assets/search.css") ? $"assets/search.css?v={Version}" : null;
}

/// <summary>
/// Phase between Assemble and Render: makes sure the pinned npm tools are installed (running
/// <c>npm ci</c> when <c>node_modules</c> is missing or older than the lock file), compiles the
/// GOV.UK Frontend styles with sass, and collects the scripts. Compiled CSS is cached by the hash of
/// its inputs, so an unchanged theme costs no sass run.
/// </summary>
public static class ThemeAssets
{
    /// <summary>GOV.UK Frontend's ES module bundle, served beside site.mjs which imports it.</summary>
    private const string GovukScript = "node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js";

    /// <summary>Builds the asset set, or returns null after reporting SCR040.</summary>
    public static ThemeAssetSet? Build(string themeRoot, DiagnosticBag diagnostics)
    {
        if (!NpmTools.Ensure(themeRoot, diagnostics)) return null;

        var css = CompileStyles(themeRoot, diagnostics);
        if (css is null) return null;

        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal) { ["assets/site.css"] = css };
        foreach (var script in Directory.EnumerateFiles(Path.Combine(themeRoot, "theme", "js"), "*.mjs").Order(StringComparer.Ordinal))
            files[$"assets/{Path.GetFileName(script)}"] = File.ReadAllBytes(script);
        files["assets/govuk-frontend.min.js"] = File.ReadAllBytes(Path.Combine(themeRoot, GovukScript));
        var images = Path.Combine(themeRoot, "theme", "images");
        if (Directory.Exists(images))
        {
            foreach (var image in Directory.EnumerateFiles(images).Order(StringComparer.Ordinal))
                files[$"assets/{Path.GetFileName(image)}"] = File.ReadAllBytes(image);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, bytes) in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(path));
            hash.AppendData(bytes);
        }

        return new ThemeAssetSet(files, Convert.ToHexStringLower(hash.GetHashAndReset())[..10]);
    }

    private static byte[]? CompileStyles(string themeRoot, DiagnosticBag diagnostics)
    {
        var scssDir = Path.Combine(themeRoot, "theme", "scss");
        var key = Hashes.OfFiles(Directory.EnumerateFiles(scssDir, "*.scss", SearchOption.AllDirectories)
            .Append(Path.Combine(themeRoot, "package-lock.json")), themeRoot);
        var cacheDir = Path.Combine(themeRoot, ".cache", "css");
        var cached = Path.Combine(cacheDir, $"site-{key}.css");
        if (File.Exists(cached)) return File.ReadAllBytes(cached);

        Directory.CreateDirectory(cacheDir);
        var temp = Path.Combine(cacheDir, $"tmp-{Environment.ProcessId}-{Guid.NewGuid():N}.css");
        var (code, output) = ToolRunner.Run("node",
            ["node_modules/sass/sass.js", "--no-source-map", "--style=compressed", "--load-path=node_modules", "--quiet-deps",
             "theme/scss/site.scss", temp], themeRoot);
        if (code != 0 || !File.Exists(temp))
        {
            diagnostics.Error("SCR040", SourceSpan.StartOf("theme/scss/site.scss"), $"the theme's styles did not compile: {Tail(output)}");
            return null;
        }

        File.Move(temp, cached, overwrite: true);
        return File.ReadAllBytes(cached);
    }

    internal static string Tail(string output)
    {
        var lines = output.Trim().Split('\n');
        return string.Join(" | ", lines.Skip(Math.Max(0, lines.Length - 6))).Trim();
    }
}
