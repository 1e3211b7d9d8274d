using System.Collections.Concurrent;

namespace Lscb.Site.Core;

/// <summary>
/// Collects every diagnostic of a run. Phases add to it and carry on, so that staff see all
/// their mistakes at once rather than one per pull request push. Safe to add to from parallel work.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();
    private readonly ConcurrentDictionary<string, int> _errorsByFile = new(StringComparer.Ordinal);

    /// <summary>True once any error has been added.</summary>
    public bool HasErrors => !_errorsByFile.IsEmpty;

    /// <summary>How many errors have been added for one file; constant time, for per-file checks on large sites.</summary>
    public int ErrorCount(string file) => _errorsByFile.GetValueOrDefault(file);

    /// <summary>Reports a problem of a kind listed in <see cref="DiagnosticCodes"/>, which gives its severity.</summary>
    public void Report(DiagnosticCode code, SourceSpan at, string message) => Add(Diagnostic.Of(code, at, message));

    /// <summary>Adds a diagnostic made elsewhere, such as one remembered from an earlier build.</summary>
    public void Add(Diagnostic diagnostic)
    {
        _items.Enqueue(diagnostic);
        if (diagnostic.Severity == Severity.Error) _errorsByFile.AddOrUpdate(diagnostic.At.File, 1, (_, n) => n + 1);
    }

    /// <summary>Every diagnostic, sorted by file, line, column and code so output is stable.</summary>
    public IReadOnlyList<Diagnostic> Sorted() => _items.IsEmpty ? [] :
        _items.Distinct()
            .OrderBy(d => d.At.File, StringComparer.Ordinal)
            .ThenBy(d => d.At.Line)
            .ThenBy(d => d.At.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
}
