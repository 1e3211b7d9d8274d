using Lscb.Site.Core;
using Lscb.Site.Write;

namespace Lscb.Site.Build;

/// <summary>What a run produced.</summary>
/// <param name="Diagnostics">Every error and warning, sorted.</param>
/// <param name="Site">The staged files, when rendering got that far.</param>
public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, StagedSite? Site)
{
    /// <summary>True when any diagnostic is an error.</summary>
    public bool Failed => Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>Cases hidden until a later date, with that date, soonest first; <c>check</c> and <c>build</c> list them.</summary>
    public IReadOnlyList<(string Path, PartialDate Until)> Embargoed { get; init; } = [];

    /// <summary>0 for success, 1 for content errors.</summary>
    public int ExitCode => Failed ? 1 : 0;
}
