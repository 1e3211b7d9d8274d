using Lscb.Site.Core;

namespace Lscb.Site.Assets;

/// <summary>
/// Phase between Assemble and Render: makes sure the pinned npm tools are installed (running
/// <c>npm ci</c> when <c>node_modules</c> is missing or older than the lock file), bundles each
/// script in theme/js with esbuild (with only the GOV.UK Frontend components it imports), compiles
/// each stylesheet in theme/scss (GOV.UK Frontend styles) with sass and cuts the rules for classes
/// nothing on the site uses (<see cref="UnusedStyles"/>). Scripts and styles are cached under
/// <c>.cache/</c> by the hash of their inputs and the lock file, so an unchanged theme costs no
/// sass or esbuild run. Every page's HTML, CSS and JavaScript together must stay under 100 kB
/// (tests/Site.Tests/PageWeightTests.cs).
/// </summary>
public static class ThemeAssets
{
    /// <summary>
    /// How esbuild is run: tools/esbuild-bundle.cjs, given to <c>node -e</c> with the output folder and
    /// the entry points. Part of the cache key: changing it rebuilds the scripts.
    /// </summary>
    private static readonly string EsbuildScript = EmbeddedText.Read("tools/esbuild-bundle.cjs");

    /// <summary>How sass is run; part of the cache key.</summary>
    private static readonly string[] SassOptions = ["--no-source-map", "--style=compressed", "--load-path=node_modules", "--quiet-deps"];

    /// <summary>Builds the asset set, or returns null after reporting SCR040.</summary>
    public static ThemeAssetSet? Build(string themeRoot, DiagnosticBag diagnostics)
    {
        if (!NpmTools.Ensure(themeRoot, diagnostics)) return null;

        var scripts = BundleScripts(themeRoot, diagnostics);
        if (scripts is null) return null;
        var styles = CompileStyles(themeRoot, diagnostics);
        if (styles is null) return null;

        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (name, bytes) in scripts) files[$"assets/{name}.js"] = bytes;
        var used = UnusedStyles.UsedWords(scripts.Select(s => s.Bytes));
        foreach (var (name, bytes) in styles) files[$"assets/{name}.css"] = used is null ? bytes : UnusedStyles.Cut(bytes, used);
        var images = Path.Combine(themeRoot, "theme", "images");
        if (Directory.Exists(images))
        {
            foreach (var image in Directory.EnumerateFiles(images).Order(StringComparer.Ordinal))
                files[$"assets/{Path.GetFileName(image)}"] = File.ReadAllBytes(image);
        }

        using var hash = new HashBuilder();
        foreach (var (path, bytes) in files) hash.Add(path).Add(bytes);
        return new ThemeAssetSet(files, hash.ToHex()[..10]);
    }

    /// <summary>
    /// Compiles every theme/scss/NAME.scss that is not a partial (site.scss, search.scss) to NAME.css
    /// in one sass run; null after reporting SCR040.
    /// </summary>
    private static List<(string Name, byte[] Bytes)>? CompileStyles(string themeRoot, DiagnosticBag diagnostics)
    {
        var scssDir = Path.Combine(themeRoot, "theme", "scss");
        var entries = Entries(scssDir, "*.scss");
        var key = CacheKey(themeRoot, string.Join(' ', SassOptions),
            Directory.EnumerateFiles(scssDir, "*.scss", SearchOption.AllDirectories));
        return Cached(themeRoot, "css", ".css", entries, key, temp =>
        {
            var (code, output) = ToolRunner.Run("node",
                ["node_modules/sass/sass.js", .. SassOptions,
                 .. entries.Select(e => $"theme/scss/{e}.scss:{Relative(themeRoot, temp)}/{e}.css")], themeRoot);
            if (code == 0 && entries.All(e => File.Exists(Path.Combine(temp, e + ".css")))) return true;
            diagnostics.Report(DiagnosticCodes.FrontEndToolsFailed, SourceSpan.StartOf("theme/scss/site.scss"), $"the theme's styles did not compile: {ToolRunner.Tail(output)}");
            return false;
        });
    }

    /// <summary>
    /// Bundles every theme/js/NAME.mjs (site.mjs, search.mjs) with what it imports from node_modules
    /// into one minified ES module, NAME.js, in one esbuild run; null after reporting SCR040.
    /// A dynamic import of a computed URL (search.mjs loading Pagefind) is left as it is.
    /// </summary>
    private static List<(string Name, byte[] Bytes)>? BundleScripts(string themeRoot, DiagnosticBag diagnostics)
    {
        var jsDir = Path.Combine(themeRoot, "theme", "js");
        var entries = Entries(jsDir, "*.mjs");
        var key = CacheKey(themeRoot, EsbuildScript, Directory.EnumerateFiles(jsDir, "*", SearchOption.AllDirectories));
        return Cached(themeRoot, "js", ".js", entries, key, temp =>
        {
            var (code, output) = ToolRunner.Run("node",
                ["-e", EsbuildScript, Relative(themeRoot, temp), .. entries.Select(e => $"theme/js/{e}.mjs")], themeRoot);
            if (code == 0 && entries.All(e => File.Exists(Path.Combine(temp, e + ".js")))) return true;
            diagnostics.Report(DiagnosticCodes.FrontEndToolsFailed, SourceSpan.StartOf("theme/js/site.mjs"), $"the theme's scripts did not bundle: {ToolRunner.Tail(output)}");
            return false;
        });
    }

    /// <summary>The names (without extension) of the files directly in a folder that are not partials.</summary>
    private static List<string> Entries(string dir, string pattern) =>
        Directory.EnumerateFiles(dir, pattern)
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Where(n => !n.StartsWith('_'))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>A hash of the tool's recipe, every input file and the lock file (which pins the tools and GOV.UK Frontend).</summary>
    private static string CacheKey(string themeRoot, string recipe, IEnumerable<string> inputs)
    {
        var files = Hashes.OfFiles(inputs.Append(Path.Combine(themeRoot, "package-lock.json")), themeRoot);
        return Hashes.OfText(recipe + "\n" + files);
    }

    /// <summary>
    /// Returns .cache/KIND/NAME-KEY.EXT for every entry when all are there; otherwise runs the tool
    /// into a fresh temporary folder and moves its outputs into the cache (an atomic rename, so
    /// builds running side by side never read half a file).
    /// </summary>
    private static List<(string Name, byte[] Bytes)>? Cached(
        string themeRoot, string kind, string extension, IReadOnlyList<string> entries, string key, Func<string, bool> run)
    {
        var cacheDir = Path.Combine(themeRoot, ".cache", kind);
        string CachePath(string entry) => Path.Combine(cacheDir, $"{entry}-{key}{extension}");
        if (!entries.All(e => File.Exists(CachePath(e))))
        {
            var temp = Path.Combine(cacheDir, $"tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
            Directory.CreateDirectory(temp);
            try
            {
                if (!run(temp)) return null;
                foreach (var entry in entries) File.Move(Path.Combine(temp, entry + extension), CachePath(entry), overwrite: true);
            }
            finally
            {
                Directory.Delete(temp, recursive: true);
            }
        }

        return entries.Select(e => (Name: e, Bytes: File.ReadAllBytes(CachePath(e)))).ToList();
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
