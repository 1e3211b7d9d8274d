using Lscb.Site.Core;
using Lscb.Site.Load;

namespace Lscb.Site.Validate;

/// <summary>
/// The safeguarding review of every file under <c>input/</c>, drafts included (the repository is
/// public, so a draft is published to anyone who looks): identifying details are errors, language
/// that blames a child is a warning, and each page's <c>allow:</c> list lets through what is safe on
/// purpose. An allowance that matches nothing is an error, so allowances never outlive their text.
/// </summary>
public sealed class SafeguardingChecks
{
    private readonly IReadOnlySet<string> _sitePhones;
    private readonly LanguageList _language;
    private string? _fingerprint;

    /// <summary>Checks against the site's own numbers (never reported) and the language list.</summary>
    public SafeguardingChecks(SiteConfig config, LanguageList language)
    {
        _sitePhones = new[] { config.EmergencyPhone, config.NspccPhone, config.LocalContactPhone }.Concat(config.HelpLines.Select(h => h.Phone))
            .OfType<string>().Select(DetailScanner.Digits).Where(d => d.Length > 0).ToHashSet(StringComparer.Ordinal);
        _language = language;
    }

    /// <summary>What the checks depend on besides the file, for caches: the site's numbers and the language list.</summary>
    public string Fingerprint => _fingerprint ??= string.Join(',', _sitePhones.Order(StringComparer.Ordinal)) + "|" + _language.PhraseCount + "|" +
        string.Join('|', _language.Terms.SelectMany(t => t.Avoid.Append(t.Instead).Append(t.Why).Append(t.Guide)));

    // Preview reuses an unchanged file's SourceFile object, so what a file gave is remembered with it,
    // and dropped with it. A one-off build makes new objects and would never hit, so it remembers
    // nothing: a weak table's entry costs more to add, and to the garbage collector, than the check.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SourceFile, Tuple<string, List<Diagnostic>>> Remembered = new();

    /// <summary>Checks every loaded file, in parallel; <paramref name="bound"/> is what each bound to, in the same order.</summary>
    /// <param name="site">The loaded files.</param>
    /// <param name="config">The site's settings, for its own numbers.</param>
    /// <param name="bound">What each file bound to, for its allowances.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="remember">True in preview, whose next build reuses the unchanged files' objects: what each file gave is kept with it.</param>
    public static void CheckAll(LoadedSite site, SiteConfig config, IReadOnlyList<ContentItem?> bound, DiagnosticBag diagnostics, bool remember = false)
    {
        var checks = new SafeguardingChecks(config, LanguageList.Read(site.LanguageText, diagnostics));
        Parallel.For(0, site.Files.Count, i => checks.Check(site.Files[i], i < bound.Count ? bound[i] : null, diagnostics, remember));
    }

    /// <summary>Checks one file: its front matter (but for the <c>allow:</c> block itself) and its body.</summary>
    /// <param name="file">The file.</param>
    /// <param name="item">What its front matter bound to, for its allowances; null when it could not be read.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="remember">True to keep what the file gave with it, and to use what an earlier check kept.</param>
    public void Check(SourceFile file, ContentItem? item, DiagnosticBag diagnostics, bool remember = false)
    {
        if (!remember)
        {
            foreach (var d in CheckUncached(file, item)) diagnostics.Add(d);
            return;
        }

        var fingerprint = Fingerprint;
        if (!Remembered.TryGetValue(file, out var known) || known.Item1 != fingerprint)
        {
            known = Tuple.Create(fingerprint, CheckUncached(file, item));
            Remembered.AddOrUpdate(file, known);
        }

        foreach (var d in known.Item2) diagnostics.Add(d);
    }

    private List<Diagnostic> CheckUncached(SourceFile file, ContentItem? item)
    {
        List<Diagnostic>? diagnostics = null;
        var allowances = item?.Allowances ?? [];
        var (skipFirst, skipLast) = item?.AllowLines ?? (0, 0);
        var used = new bool[allowances.Count];
        foreach (var (text, firstLine) in new[] { (file.FrontMatter, file.FrontMatterLine), (file.Body, file.BodyLine) })
        {
            foreach (var finding in DetailScanner.Scan(text, _sitePhones).Concat(_language.Scan(text)))
            {
                var at = Position(file.Path, text, firstLine, finding.Index);
                if (skipFirst > 0 && at.Line >= skipFirst && at.Line <= skipLast) continue;
                var allowed = Allowing(allowances, text, finding);
                if (allowed >= 0)
                {
                    used[allowed] = true;
                    continue;
                }

                var message = finding.Message + (finding.IsWarning ? "" : "; if it is safe to publish (the Board's own public address, say), allow it in 'allow:' with the reason");
                (diagnostics ??= []).Add(Diagnostic.Of(finding.Code, at, message));
            }
        }

        for (var i = 0; i < allowances.Count; i++)
        {
            if (!used[i])
                (diagnostics ??= []).Add(Diagnostic.Of(DiagnosticCodes.UnusedAllowance, allowances[i].At,
                    $"nothing on this page that the safeguarding checks report is '{allowances[i].Text}'; remove this allowance, or correct its text to match the page exactly"));
        }

        return diagnostics ?? [];
    }

    // An allowance covers a finding when its text, found in the page, spans the whole finding.
    private static int Allowing(IReadOnlyList<Allowance> allowances, string text, Finding finding)
    {
        for (var i = 0; i < allowances.Count; i++)
        {
            var allowed = allowances[i].Text;
            var from = Math.Max(0, finding.Index + finding.Length - allowed.Length);
            var at = text.IndexOf(allowed, from, StringComparison.Ordinal);
            if (at >= 0 && at <= finding.Index && at + allowed.Length >= finding.Index + finding.Length) return i;
        }

        return -1;
    }

    private static SourceSpan Position(string path, string text, int firstLine, int index)
    {
        var span = text.AsSpan(0, index);
        var lineStart = span.LastIndexOf('\n') + 1;
        return new SourceSpan(path, firstLine + span.Count('\n'), index - lineStart + 1);
    }
}
