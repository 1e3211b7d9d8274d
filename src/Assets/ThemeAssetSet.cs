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
