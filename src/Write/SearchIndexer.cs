using Lscb.Site.Assets;
using Lscb.Site.Core;

namespace Lscb.Site.Write;

/// <summary>
/// Runs Pagefind (npm <c>pagefind</c>, pinned) over the staged HTML, before the staged site is
/// swapped in, so a site is never published with a missing or stale index. Pagefind indexes only
/// pages marked <c>data-pagefind-body</c>: cases, themes, responses and plain pages, never a
/// withheld case, a draft or an embargoed page (those are not staged at all).
/// </summary>
public static class SearchIndexer
{
    /// <summary>Indexes <paramref name="stagedDir"/> into its <c>pagefind/</c> folder; false after reporting SCR041.</summary>
    public static bool Run(string themeRoot, string stagedDir, DiagnosticBag diagnostics)
    {
        var (code, output) = ToolRunner.Run("node",
            ["node_modules/pagefind/lib/runner/bin.cjs", "--site", stagedDir, "--force-language", "en", "--silent"], themeRoot);
        if (code == 0 && File.Exists(Path.Combine(stagedDir, "pagefind", "pagefind.js"))) return true;
        diagnostics.Error("SCR041", SourceSpan.StartOf("package.json"), $"the search index could not be built: {ThemeAssets.Tail(output)}");
        return false;
    }
}
