using Lscb.Site.Core;

namespace Lscb.Site.Load;

/// <summary>Everything the Load phase read.</summary>
/// <param name="ConfigText">The text of <c>statiq.config</c>, or null when it is missing.</param>
/// <param name="Files">Markdown files, sorted by path.</param>
/// <param name="Statics">Other files under <c>input/</c>, sorted by path.</param>
public sealed record LoadedSite(string? ConfigText, IReadOnlyList<SourceFile> Files, IReadOnlyList<StaticFile> Statics)
{
    /// <summary>
    /// The text files under <c>seeds/</c> (the documents the content was written from), by path
    /// relative to the site root (<c>seeds/bulletin.txt</c>), exactly as they are; a source's
    /// <c>local_copy</c> names one of them.
    /// </summary>
    public IReadOnlyDictionary<string, string> Seeds { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The text of <c>checks/language.yml</c>, the language list; null when there is none.</summary>
    public string? LanguageText { get; init; }

    /// <summary>The text of <c>input/glossary.yml</c>; null when there is none.</summary>
    public string? GlossaryText { get; init; }
}
