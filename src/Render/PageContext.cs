using Lscb.Site.Assemble;
using Lscb.Site.Assets;

namespace Lscb.Site.Render;

/// <summary>One step of the breadcrumb trail.</summary>
/// <param name="Text">The link text.</param>
/// <param name="Url">Site-relative URL.</param>
public sealed record Crumb(string Text, string Url);

/// <summary>The navigation sections, for marking the current one.</summary>
public enum Section
{
    /// <summary>The home page and plain pages.</summary>
    None,

    /// <summary>Case reviews.</summary>
    Cases,

    /// <summary>Themes.</summary>
    Themes,

    /// <summary>Board responses.</summary>
    Responses,

    /// <summary>About the site.</summary>
    About,
}

/// <summary>How a page enters the search index: its result title and its filter values.</summary>
/// <param name="Type">"Case review", "Theme", "Board response" or "Page".</param>
/// <param name="ResultTitle">The title shown in search results, which must make sense out of context.</param>
/// <param name="Themes">Theme titles, for the theme filter.</param>
/// <param name="Year">The Board year, for cases.</param>
/// <param name="Published">The published date as written, for sorting, for cases.</param>
public sealed record SearchEntry(string Type, string ResultTitle, IReadOnlyList<string> Themes, string? Year, string? Published);

/// <summary>What the layout needs to know about the page it wraps.</summary>
/// <param name="Site">The assembled site.</param>
/// <param name="Assets">The theme's files.</param>
/// <param name="Url">The page's site-relative URL ("" for home).</param>
/// <param name="Title">The page title, without the site name.</param>
/// <param name="Description">The page summary, for search engines and link previews.</param>
/// <param name="Section">The navigation item to mark as current.</param>
/// <param name="Breadcrumbs">The trail above the title; empty on the home page.</param>
public sealed record PageContext(
    SiteModel Site, ThemeAssetSet Assets, string Url, string Title, string Description, Section Section, IReadOnlyList<Crumb> Breadcrumbs)
{
    /// <summary>True for the search page, which loads the search styles and script.</summary>
    public bool IsSearchPage { get; init; }

    /// <summary>Set on pages that belong in the search index; null keeps the page out of it.</summary>
    public SearchEntry? Search { get; init; }

    /// <summary>A link to a site-relative URL, carrying the base path.</summary>
    public string Href(string siteRelative) => Site.Href(siteRelative);
}
