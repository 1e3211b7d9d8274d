using Lscb.Site.Core;
using Lscb.Site.Load;

namespace Lscb.Site.Validate;

/// <summary>
/// The files under <c>input/</c> that are not Markdown: only images and PDF documents are served,
/// under names that make clean addresses. Anything else (a page saved as <c>.txt</c>, a file with no
/// ending, a word-processor file) is an error and is never published, since it would be served as
/// it is, front matter, drafts and all. An image or document no page mentions is a warning: it is
/// published all the same, at an address anyone can guess.
/// </summary>
public static partial class StaticFileChecks
{
    /// <summary>The endings the site serves, in lower case.</summary>
    public static readonly IReadOnlySet<string> Served =
        new HashSet<string>([".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".pdf"], StringComparer.Ordinal);

    /// <summary>Checks every static file; returns those that may be published.</summary>
    public static IReadOnlyList<StaticFile> Check(IReadOnlyList<StaticFile> statics, IReadOnlyList<SourceFile> pages, DiagnosticBag diagnostics)
    {
        var ok = new List<StaticFile>();
        if (statics.Count == 0) return ok;
        // Every file name the pages mention, found in one pass over them, whatever the number of files.
        var mentioned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
            foreach (var text in new[] { page.FrontMatter, page.Body })
                foreach (System.Text.RegularExpressions.Match m in FileName().Matches(text)) mentioned.Add(m.Value);
        foreach (var file in statics)
        {
            var name = Path.GetFileName(file.Path);
            var extension = Path.GetExtension(name);
            if (!Served.Contains(extension.ToLowerInvariant()))
            {
                diagnostics.Report(DiagnosticCodes.UnservedFile, SourceSpan.StartOf(file.Path), NotServed(file.Path, name, extension));
                continue;
            }

            var stem = name[..^extension.Length];
            if (!SiteLoader.SlugPattern().IsMatch(stem) || extension.Any(char.IsUpper))
            {
                var better = Slugs.From(stem);
                diagnostics.Report(DiagnosticCodes.UnservedFile, SourceSpan.StartOf(file.Path),
                    $"the file name '{name}' has spaces, capitals or other characters that break its address; rename it to " +
                    $"'{(better.Length > 0 ? better : "picture")}{extension.ToLowerInvariant()}' (lower-case letters, digits and hyphens) and change the links to it");
                continue;
            }

            if (!mentioned.Contains(name))
                diagnostics.Report(DiagnosticCodes.UnlinkedFile, SourceSpan.StartOf(file.Path),
                    $"no page links to '{name}', but it is published all the same; link it from a page, or delete it if it is not meant to be public");
            ok.Add(file);
        }

        return ok;
    }

    private static string NotServed(string path, string name, string extension)
    {
        // A page saved with the wrong ending: child-t.txt, child-t.md.txt, child-t (no ending), child-t.markdown.
        var looksLikePage = extension is "" or ".txt" or ".markdown" or ".mdown" || name.EndsWith(".md.txt", StringComparison.OrdinalIgnoreCase);
        if (looksLikePage)
        {
            var stem = name.EndsWith(".md.txt", StringComparison.OrdinalIgnoreCase) ? name[..^7] : extension.Length > 0 ? name[..^extension.Length] : name;
            var folder = path[..(path.LastIndexOf('/') + 1)];
            return $"this file is not published: a page must be saved with the ending '.md'; if it is a page, rename it to {folder}{Slugs.From(stem)}.md";
        }

        return $"'{extension}' files are not published: only Markdown pages (.md), images (.png, .jpg, .gif, .svg, .webp) and PDF documents belong in input/; " +
               "remove this file, or save it as one of those";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[A-Za-z0-9._-]+\.(?:png|jpe?g|gif|svg|webp|pdf)(?![A-Za-z0-9])", System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex FileName();
}
