namespace Lscb.Site.Core;

/// <summary>What a Markdown file is, decided by the folder it sits in.</summary>
public enum ContentKind
{
    /// <summary><c>input/index.md</c>: the home page.</summary>
    Home,

    /// <summary><c>input/cases/*.md</c>: one case review.</summary>
    Case,

    /// <summary><c>input/themes/*.md</c>: a theme, which doubles as a tag page.</summary>
    Theme,

    /// <summary><c>input/responses/*.md</c>: something the Board did in response.</summary>
    Response,

    /// <summary><c>input/pages/*.md</c>: a plain page such as the accessibility statement.</summary>
    Page,

    /// <summary><c>input/sources/*.md</c>: a source document that pages draw on.</summary>
    Source,
}
