using System.Text.RegularExpressions;

namespace Lscb.Site.Tests;

/// <summary>
/// The dependency rule: each folder of <c>src/</c> (one namespace each) may use only <c>Core</c> and
/// the phases before it, in the order the build runs them; <c>Core</c> is a leaf. Read from the
/// source: every <c>using Lscb.Site.X</c>, <c>@using</c> in the theme, and every name qualified with a
/// folder (<c>Assemble.SiteAssembler</c>, <c>Lscb.Site.Core.Diagnostic</c>).
/// </summary>
public sealed partial class ArchitectureTests
{
    /// <summary>The phases, in the order they run; the theme's components belong to Render.</summary>
    public static readonly string[] Order = ["Core", "Load", "Validate", "Assemble", "Assets", "Render", "Write", "Build", "Review", "Preview", "Cli"];

    /// <summary>Edges against the rule that are still to be removed, each with why it is there. An edge that goes must leave this list.</summary>
    public static readonly Dictionary<(string From, string To), string> KnownBackEdges = new()
    {
    };

    private static string Folder(string ns) => ns == "Theme" ? "Render" : ns;

    [GeneratedRegex(@"^\s*@?using\s+Lscb\.Site\.(\w+)\s*;?", RegexOptions.Multiline)]
    private static partial Regex Using();

    [GeneratedRegex(@"(?<![\w.])(?:Lscb\.Site\.)?(Core|Load|Validate|Assemble|Assets|Render|Write|Build|Review|Preview|Cli|Theme)\.[A-Z]\w*")]
    private static partial Regex Qualified();

    [GeneratedRegex(@"^\s*@?namespace\s+Lscb\.Site\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    /// <summary>Every edge between folders: (from, to) with the files that make it.</summary>
    public static Dictionary<(string From, string To), List<string>> Edges(string root)
    {
        var edges = new Dictionary<(string, string), List<string>>();
        var files = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "theme"), "*.razor"));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var from = file.EndsWith(".razor", StringComparison.Ordinal) ? "Render" : Namespace().Match(text) is { Success: true } m ? Folder(m.Groups[1].Value) : null;
            if (from is null) continue;
            // Comments are not dependencies.
            var code = string.Join('\n', text.Split('\n').Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal) && !l.TrimStart().StartsWith("@*", StringComparison.Ordinal)));
            var targets = Using().Matches(code).Select(x => x.Groups[1].Value).Concat(Qualified().Matches(code).Select(x => x.Groups[1].Value)).Select(Folder);
            foreach (var to in targets.Where(t => t != from).Distinct())
            {
                if (!edges.TryGetValue((from, to), out var list)) edges[(from, to)] = list = [];
                list.Add(Path.GetRelativePath(root, file));
            }
        }

        return edges;
    }

    [Fact]
    public void Given_the_source_folders_Then_each_uses_only_Core_and_the_phases_before_it()
    {
        var edges = Edges(Repo.Root);
        Assert.NotEmpty(edges);
        var wrong = edges.Where(e => Array.IndexOf(Order, e.Key.To) >= Array.IndexOf(Order, e.Key.From) && !KnownBackEdges.ContainsKey(e.Key))
            .Select(e => $"{e.Key.From} -> {e.Key.To} in {string.Join(", ", e.Value)}").ToList();
        Assert.True(wrong.Count == 0, "these files use a phase that runs after their own; move what they share to Core or an earlier phase:\n" + string.Join('\n', wrong));

        // The list of known exceptions only shrinks: one that is gone must leave it.
        var gone = KnownBackEdges.Keys.Where(k => !edges.ContainsKey(k)).Select(k => $"{k.From} -> {k.To}").ToList();
        Assert.True(gone.Count == 0, "remove these from KnownBackEdges, as nothing uses them any more: " + string.Join(", ", gone));
    }

    [Fact]
    public void Given_a_copy_of_the_source_with_a_planted_back_edge_When_checked_Then_it_is_found()
    {
        // A copy of src/ and theme/ with one file of Validate reaching into Build.
        var root = Path.Combine(Path.GetTempPath(), "lscb-arch-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var dir in new[] { "src", "theme" })
                foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Root, dir), "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal)))
                {
                    var target = Path.Combine(root, Path.GetRelativePath(Repo.Root, file));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(file, target);
                }

            File.WriteAllText(Path.Combine(root, "src", "Validate", "Planted.cs"), "namespace Lscb.Site.Validate;\ninternal static class Planted { internal static object Use() => Build.SiteBuilder.Build(null!); }\n");
            var edges = Edges(root);
            Assert.True(edges.TryGetValue(("Validate", "Build"), out var files));
            Assert.Contains(Path.Combine("src", "Validate", "Planted.cs"), files);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
