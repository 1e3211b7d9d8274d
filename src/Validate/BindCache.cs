using System.Runtime.CompilerServices;
using Lscb.Site.Core;

namespace Lscb.Site.Validate;

/// <summary>
/// What binding each file's front matter gave, kept by <c>preview</c> between rebuilds. A file the
/// load phase did not read again is the same <see cref="SourceFile"/> object, so it is not parsed
/// again either, unless the settings it was checked against changed.
/// </summary>
public sealed class BindCache
{
    private readonly ConditionalWeakTable<SourceFile, Entry> _entries = new();

    internal bool TryGet(SourceFile file, string settings, out Entry entry) =>
        _entries.TryGetValue(file, out entry!) && entry.Settings == settings;

    internal void Store(SourceFile file, Entry entry) => _entries.AddOrUpdate(file, entry);

    internal sealed record Entry(string Settings, ContentItem? Item, bool Valid, IReadOnlyList<Diagnostic> Diagnostics);
}
