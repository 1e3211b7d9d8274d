using System.Collections.Concurrent;

namespace Lscb.Site.Core;

/// <summary>
/// Collects every diagnostic of a run. Phases add to it and carry on, so that staff see all
/// their mistakes at once rather than one per pull request push. Safe to add to from parallel work.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    /// <summary>True once any error has been added.</summary>
    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    /// <summary>Adds an error.</summary>
    public void Error(string code, SourceSpan at, string message) => _items.Enqueue(new Diagnostic(Severity.Error, code, at, message));

    /// <summary>Adds a warning.</summary>
    public void Warning(string code, SourceSpan at, string message) => _items.Enqueue(new Diagnostic(Severity.Warning, code, at, message));

    /// <summary>Every diagnostic, sorted by file, line, column and code so output is stable.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        _items.Distinct()
            .OrderBy(d => d.At.File, StringComparer.Ordinal)
            .ThenBy(d => d.At.Line)
            .ThenBy(d => d.At.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
}
