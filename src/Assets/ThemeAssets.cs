using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
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

    /// <summary>The script's site-relative URL: theme/js/site.mjs bundled with the GOV.UK Frontend components it uses.</summary>
    public string ScriptUrl => $"assets/site.js?v={Version}";

    /// <summary>The search page's script (theme/js/search.mjs, bundled).</summary>
    public string SearchScriptUrl => $"assets/search.js?v={Version}";

    /// <summary>Styles only the search page needs (its form controls), or null when they are in the main stylesheet.</summary>
    public string? SearchStylesheetUrl => Files.ContainsKey("assets/search.css") ? $"assets/search.css?v={Version}" : null;
}

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
    /// How esbuild is run, through its JavaScript API (which finds the platform's binary itself; its
    /// bin/esbuild is a JavaScript file or, after its install script has run, the native binary).
    /// The arguments are the output folder and the entry points. Each entry becomes one minified ES
    /// module holding everything it imports; a warning (such as an import.meta the target cannot
    /// have) fails the build like an error. Part of the cache key: changing it rebuilds the scripts.
    /// </summary>
    private const string EsbuildScript = """
        const [outdir, ...entryPoints] = process.argv.slice(1);
        const fail = (kind, messages) => {
          for (const m of messages) {
            const at = m.location ? `${m.location.file}:${m.location.line}:${m.location.column + 1}: ` : "";
            console.error(`${at}${kind}: ${m.text}`);
          }
          process.exit(1);
        };
        let result;
        try {
          result = require("esbuild").buildSync({
            entryPoints, outdir, entryNames: "[name]", outExtension: { ".js": ".js" },
            bundle: true, format: "esm", platform: "browser", minify: true, sourcemap: false,
            legalComments: "none", charset: "ascii",
            target: "es2017", supported: { "import-meta": true, "dynamic-import": true },
            logLevel: "silent", write: true,
          });
        } catch (e) {
          fail("error", e.errors && e.errors.length > 0 ? e.errors : [{ text: String(e && e.message || e) }]);
        }
        if (result.warnings.length > 0) fail("warning", result.warnings);
        """;

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

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, bytes) in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(path));
            hash.AppendData(bytes);
        }

        return new ThemeAssetSet(files, Convert.ToHexStringLower(hash.GetHashAndReset())[..10]);
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
            diagnostics.Error("SCR040", SourceSpan.StartOf("theme/scss/site.scss"), $"the theme's styles did not compile: {Tail(output)}");
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
            diagnostics.Error("SCR040", SourceSpan.StartOf("theme/js/site.mjs"), $"the theme's scripts did not bundle: {Tail(output)}");
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
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(recipe + "\n" + files)));
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

    internal static string Tail(string output)
    {
        var lines = output.Trim().Split('\n');
        return string.Join(" | ", lines.Skip(Math.Max(0, lines.Length - 6))).Trim();
    }
}

/// <summary>
/// Cuts from a compiled stylesheet the rules that can match nothing the site makes. GOV.UK
/// Frontend's component modules come whole, with variants the site never uses (summary cards,
/// inverse colours, input prefixes...); a selector is dropped when it needs a class that no string
/// in the generator (every Razor template's markup, the classes the C# code writes, such as the
/// Markdown renderer's) and no bundled script (with the GOV.UK components' own run-time classes)
/// contains as a word. Rules for classes the site uses stay whole, print and focus styles included.
/// Conservative on purpose: classes inside :not(), :is(), :has() or attribute selectors do not
/// count, a class with an escape in its name is kept, and a word ending in "-" or "_" (as in
/// <c>$"govuk-tag--{colour}"</c>) keeps every class it begins. Markdown cannot add classes (raw
/// HTML is off).
/// </summary>
internal static class UnusedStyles
{
    private static readonly Lazy<List<string>?> GeneratorStrings = new(ReadGeneratorStrings);

    /// <summary>
    /// The words in the generator's string literals and in the scripts, or null (cut nothing) when
    /// the generator's assembly cannot be read, as in a single-file build.
    /// </summary>
    public static HashSet<string>? UsedWords(IEnumerable<byte[]> scripts)
    {
        if (GeneratorStrings.Value is not { } strings) return null;
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in strings.Concat(scripts.Select(Encoding.UTF8.GetString)))
        {
            for (var i = 0; i < text.Length;)
            {
                if (!IsWordChar(text[i]))
                {
                    i++;
                    continue;
                }

                var start = i;
                while (i < text.Length && IsWordChar(text[i])) i++;
                words.Add(text[start..i]);
            }
        }

        return words;
    }

    /// <summary>The stylesheet without the rules and selectors that need a class not in <paramref name="used"/>.</summary>
    public static byte[] Cut(byte[] css, HashSet<string> used)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        var hasBom = css.AsSpan().StartsWith(bom);
        var text = Encoding.UTF8.GetString(hasBom ? css[3..] : css);
        var prefixes = used.Where(IsPrefix).ToList();
        bool IsUsed(string name) => name.Contains('\\', StringComparison.Ordinal) || used.Contains(name)
            || prefixes.Exists(p => name.StartsWith(p, StringComparison.Ordinal));

        string cut;
        try
        {
            cut = CutRules(text, IsUsed);
        }
        catch (FormatException)
        {
            return css; // not the CSS sass writes: better whole than broken
        }

        var bytes = Encoding.UTF8.GetBytes(cut);
        return hasBom ? [.. bom, .. bytes] : bytes;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_';

    /// <summary>A word like "govuk-tag--" or "filter-": letters first, ending in "-" or "_".</summary>
    private static bool IsPrefix(string word) => char.IsLetter(word[0]) && word[^1] is '-' or '_';

    private static string CutRules(string css, Func<string, bool> isUsed)
    {
        var output = new StringBuilder(css.Length);
        var i = 0;
        while (i < css.Length)
        {
            var open = Find(css, i, c => c is '{' or ';' or '}');
            if (open < 0)
            {
                output.Append(css, i, css.Length - i);
                break;
            }

            if (css[open] == '}') throw new FormatException("unbalanced braces");
            var prelude = css[i..open];
            if (css[open] == ';')
            {
                output.Append(prelude).Append(';'); // @charset, @import, @layer a, b;
                i = open + 1;
                continue;
            }

            var close = BlockEnd(css, open);
            var body = css[(open + 1)..close];
            if (prelude.StartsWith('@'))
            {
                var name = new string(prelude.Skip(1).TakeWhile(c => char.IsLetter(c) || c == '-').ToArray());
                if (name is "media" or "supports" or "layer" or "container")
                {
                    var inner = CutRules(body, isUsed);
                    if (inner.Length > 0) output.Append(prelude).Append('{').Append(inner).Append('}');
                }
                else
                {
                    output.Append(css, i, close + 1 - i); // @font-face, @keyframes, @page...: kept whole
                }
            }
            else
            {
                var selectors = SplitTopLevel(prelude, ',').Where(s => ClassesOf(s).All(isUsed)).ToList();
                if (selectors.Count > 0) output.AppendJoin(',', selectors).Append('{').Append(body).Append('}');
            }

            i = close + 1;
        }

        return output.ToString();
    }

    /// <summary>The classes a selector needs: those outside brackets, parentheses and strings.</summary>
    private static List<string> ClassesOf(string selector)
    {
        var classes = new List<string>();
        var depth = 0;
        for (var i = 0; i < selector.Length; i++)
        {
            var c = selector[i];
            if (c is '"' or '\'')
            {
                i = StringEnd(selector, i);
            }
            else if (c is '(' or '[')
            {
                depth++;
            }
            else if (c is ')' or ']')
            {
                depth--;
            }
            else if (c == '.' && depth == 0)
            {
                var start = i + 1;
                var end = start;
                while (end < selector.Length && (IsWordChar(selector[end]) || selector[end] == '\\'))
                    end += selector[end] == '\\' ? 2 : 1;
                end = Math.Min(end, selector.Length);
                classes.Add(selector[start..end]);
                i = end - 1;
            }
        }

        return classes;
    }

    private static List<string> SplitTopLevel(string text, char separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'') i = StringEnd(text, i);
            else if (c is '(' or '[') depth++;
            else if (c is ')' or ']') depth--;
            else if (c == separator && depth == 0)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    /// <summary>The index of the first of the characters outside strings and comments, or -1.</summary>
    private static int Find(string css, int from, Func<char, bool> match)
    {
        for (var i = from; i < css.Length; i++)
        {
            var c = css[i];
            if (c is '"' or '\'') i = StringEnd(css, i);
            else if (c == '/' && i + 1 < css.Length && css[i + 1] == '*') i = CommentEnd(css, i);
            else if (match(c)) return i;
        }

        return -1;
    }

    /// <summary>The index of the brace closing the block opened at <paramref name="open"/>.</summary>
    private static int BlockEnd(string css, int open)
    {
        var depth = 0;
        for (var i = open; ; i = Find(css, i + 1, c => c is '{' or '}'))
        {
            if (i < 0) throw new FormatException("unclosed block");
            depth += css[i] == '{' ? 1 : -1;
            if (depth == 0) return i;
        }
    }

    private static int StringEnd(string text, int quote)
    {
        for (var i = quote + 1; i < text.Length; i++)
        {
            if (text[i] == '\\') i++;
            else if (text[i] == text[quote]) return i;
        }

        throw new FormatException("unclosed string");
    }

    private static int CommentEnd(string css, int start)
    {
        var end = css.IndexOf("*/", start + 2, StringComparison.Ordinal);
        return end < 0 ? throw new FormatException("unclosed comment") : end + 1;
    }

    private static List<string>? ReadGeneratorStrings()
    {
        var location = typeof(UnusedStyles).Assembly.Location;
        if (location.Length == 0 || !File.Exists(location)) return null;
        using var stream = File.OpenRead(location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var strings = new List<string>();
        for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = metadata.GetNextHandle(handle))
            strings.Add(metadata.GetUserString(handle));
        return strings;
    }
}
