using Lscb.Site.Core;
using Lscb.Site.Load;

namespace Lscb.Site.Validate;

/// <summary>Reads and checks <c>input/glossary.yml</c>: every term with a definition and a source, no name used twice.</summary>
public static class GlossaryReader
{
    /// <summary>The terms, A to Z; those with errors are reported and left out.</summary>
    public static IReadOnlyList<GlossaryTerm> Read(string? text, IReadOnlySet<string> themes, DiagnosticBag diagnostics)
    {
        if (text is null) return [];
        const string path = SiteLoader.GlossaryFile;
        var root = YamlParser.Parse(text, path, 1, diagnostics);
        if (root is null) return [];
        var r = new FrontMatterReader(root, path, 1, diagnostics);
        var terms = new List<GlossaryTerm>();
        // Every name a reader may search with leads to one term only.
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in r.Mappings("terms", "a list of terms, each written '- term: ...' with 'definition:' and 'source:' indented under it"))
        {
            var t = r.Nested(entry, "under this term");
            var before = diagnostics.ErrorCount(path);
            var term = t.Text("term", required: true);
            var abbreviations = t.TextList("abbreviations");
            var others = t.TextList("other_names");
            var definition = t.Text("definition", required: true);
            var source = t.Text("source", required: true);
            var themeRefs = t.Slugs("themes", required: false);
            t.Finish();
            foreach (var theme in themeRefs.Where(s => !themes.Contains(s.Slug)))
                diagnostics.Report(DiagnosticCodes.UnknownTheme, theme.At, $"unknown theme '{theme.Slug}'{Suggest.DidYouMeanOrChoices(theme.Slug, themes)} (there is no input/themes/{theme.Slug}.md)");
            foreach (var abbreviation in abbreviations.Where(a => !a.All(ch => char.IsAsciiLetterUpper(ch) || char.IsAsciiDigit(ch))))
                diagnostics.Report(DiagnosticCodes.GlossaryClash, t.AtKey("abbreviations"), $"the abbreviation '{abbreviation}' must be written in capital letters and digits only, as practitioners write it, e.g. CSE or GCP2");
            if (term is not null)
            {
                foreach (var name in abbreviations.Concat(others).Prepend(term))
                {
                    if (names.TryGetValue(name, out var other) && other != term)
                        diagnostics.Report(DiagnosticCodes.GlossaryClash, t.AtKey(name == term ? "term" : abbreviations.Contains(name) ? "abbreviations" : "other_names"),
                            $"'{name}' already names the term '{other}'; a name or abbreviation can lead to one term only");
                    else names[name] = term;
                }
            }

            if (diagnostics.ErrorCount(path) == before)
                terms.Add(new GlossaryTerm(term!, abbreviations, others, definition!, source!, themeRefs));
        }

        r.Finish();
        return terms.OrderBy(x => x.Term, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
