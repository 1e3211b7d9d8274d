using System.Text;
using System.Text.RegularExpressions;
using Lscb.Site.Core;

namespace Lscb.Site.Tests;

/// <summary>
/// The documentation, split by audience: README.md for everyone, docs/authoring.md for Board staff,
/// CONTRIBUTING.md for developers and docs/architecture.md. The README stays short and gives the two
/// commands CI runs, no link leads nowhere, and every diagnostic code has its row and its section in
/// the authoring guide.
/// </summary>
public sealed partial class DocsTests
{
    /// <summary>The documents whose links are checked, relative to the repository root.</summary>
    public static readonly string[] Documents = ["README.md", "CONTRIBUTING.md", "docs/authoring.md", "docs/architecture.md"];

    public static TheoryData<string> DocumentData()
    {
        var data = new TheoryData<string>();
        foreach (var d in Documents) data.Add(d);
        return data;
    }

    [Fact]
    public void Given_the_README_Then_it_is_under_150_lines()
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.Root, "README.md")).Length;
        Assert.True(lines < 150, $"README.md has {lines} lines; keep it under 150 and move the detail to CONTRIBUTING.md, docs/authoring.md or docs/architecture.md");
    }

    [Fact]
    public void Given_the_CI_entry_point_Then_the_README_gives_its_build_and_test_commands_word_for_word()
    {
        var commands = File.ReadAllLines(Path.Combine(Repo.Root, ".ci", "run"))
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("dotnet run ", StringComparison.Ordinal) || l.StartsWith("bash tests/", StringComparison.Ordinal))
            .ToList();
        Assert.True(commands.Count == 2, $".ci/run should run one build command and one test command; found: {string.Join(" | ", commands)}");

        var readme = File.ReadAllLines(Path.Combine(Repo.Root, "README.md")).Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        foreach (var command in commands)
            Assert.True(readme.Contains(command), $"README.md does not give '{command}' on a line of its own, as .ci/run runs it");
    }

    [Theory]
    [MemberData(nameof(DocumentData))]
    public void Given_a_document_Then_every_relative_link_in_it_leads_to_a_file_and_heading_that_exist(string document)
    {
        var path = Path.Combine(Repo.Root, document);
        var links = Links(File.ReadAllText(path)).ToList();
        Assert.NotEmpty(links);

        var broken = new List<string>();
        foreach (var link in links)
        {
            if (Scheme().IsMatch(link)) continue;
            var hash = link.IndexOf('#', StringComparison.Ordinal);
            var file = hash < 0 ? link : link[..hash];
            var anchor = hash < 0 ? null : Uri.UnescapeDataString(link[(hash + 1)..]);
            var target = file.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, Uri.UnescapeDataString(file)));
            if (!File.Exists(target) && !Directory.Exists(target))
            {
                broken.Add($"({link}): {Path.GetRelativePath(Repo.Root, target)} does not exist");
                continue;
            }

            if (anchor is not null && target.EndsWith(".md", StringComparison.Ordinal) && !Anchors(File.ReadAllText(target)).Contains(anchor))
                broken.Add($"({link}): {Path.GetRelativePath(Repo.Root, target)} has no heading whose anchor is '#{anchor}'");
        }

        Assert.True(broken.Count == 0, $"{document} has links that lead nowhere:\n{string.Join('\n', broken)}");
    }

    [Fact]
    public void Given_a_small_document_Then_its_links_outside_code_and_its_anchors_are_read_as_GitHub_reads_them()
    {
        // The parts the theory relies on, on a document written here: links outside code are found,
        // examples inside code are not, and anchors are made as GitHub makes them.
        var text = "# Guide\n\nSee [the rules](#the-golden-rule) and [a page](missing.md).\n\n`[an example](not-a-link.md)`\n\n"
            + "```markdown\n[another example](nor-this.md)\n## Not a heading\n```\n\n## The golden rule\n\n### Case reviews (`input/cases/*.md`)\n\n## The golden rule\n";
        Assert.Equal(new[] { "#the-golden-rule", "missing.md" }, Links(text));
        Assert.Equal(new[] { "guide", "the-golden-rule", "case-reviews-inputcasesmd", "the-golden-rule-1" }, Anchors(text));
    }

    [Fact]
    public void Given_the_list_of_diagnostic_codes_Then_the_authoring_guide_has_a_row_with_its_severity_and_title_and_a_section_under_the_right_heading_for_each()
    {
        var codes = DiagnosticCodes.All;
        Assert.True(codes.Count >= 60, $"only {codes.Count} codes in DiagnosticCodes");

        var guide = File.ReadAllText(Path.Combine(Repo.Root, "docs", "authoring.md"));
        var problems = new List<string>();
        var rows = new Dictionary<string, (string Kind, string Title)>(StringComparer.Ordinal);
        foreach (Match m in GuideRow().Matches(guide))
            if (!rows.TryAdd(m.Groups[1].Value, (m.Groups[2].Value, m.Groups[3].Value))) problems.Add($"{m.Groups[1].Value}: two rows in the quick list");
        var sections = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match m in GuideSection().Matches(guide))
            if (!sections.TryAdd(m.Groups[1].Value, m.Index)) problems.Add($"{m.Groups[1].Value}: two sections");
        var warnings = guide.IndexOf("\n### Warnings\n", StringComparison.Ordinal);
        Assert.True(warnings > 0, "docs/authoring.md has no '### Warnings' heading");

        var anchors = Anchors(guide).ToHashSet(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            var (file, anchor) = (code.GuideAnchor.Split('#')[0], code.GuideAnchor.Split('#')[1]);
            if (file != "docs/authoring.md" || !anchors.Contains(anchor)) problems.Add($"{code}: its guide anchor {code.GuideAnchor} leads to no heading of docs/authoring.md");
            var kind = code.Severity == Severity.Error ? "error" : "warning";
            if (!rows.TryGetValue(code.Code, out var row)) problems.Add($"{code}: no row in the quick list ('| [{code}](#{code.Code.ToLowerInvariant()}) | {kind} | {code.Title} |')");
            else if (row != (kind, code.Title)) problems.Add($"{code}: the quick list says '{row.Kind} | {row.Title}', DiagnosticCodes says '{kind} | {code.Title}'");
            if (!sections.TryGetValue(code.Code, out var at)) problems.Add($"{code}: no '#### {code}' section");
            else if ((code.Severity == Severity.Warning) != at > warnings) problems.Add($"{code}: its section is under the wrong heading (errors before '### Warnings', warnings after)");
        }

        var known = codes.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(rows.Keys.Concat(sections.Keys).Distinct().Where(c => !known.Contains(c)).Select(c => $"{c}: in the guide, but not in DiagnosticCodes"));
        Assert.True(problems.Count == 0, "docs/authoring.md against src/Core/DiagnosticCodes.cs:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void Given_the_generator_Then_every_problem_is_reported_through_the_list_of_codes_and_every_code_in_it_is_used()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Repo.Root, "src"), "*.cs", SearchOption.AllDirectories).ToList();
        var registry = files.Single(f => f.EndsWith("DiagnosticCodes.cs", StringComparison.Ordinal));
        var others = files.Where(f => f != registry).Select(f => (File: Path.GetRelativePath(Repo.Root, f), Text: File.ReadAllText(f))).ToList();

        var literals = others.SelectMany(f => CodeInSource().Matches(f.Text).Select(m => $"{f.File}: {m.Value}")).ToList();
        Assert.True(literals.Count == 0, "report these through DiagnosticCodes instead of a literal code:\n" + string.Join('\n', literals));

        var unused = typeof(DiagnosticCodes).GetFields().Where(f => f.FieldType == typeof(DiagnosticCode))
            .Where(f => !others.Any(o => o.Text.Contains("DiagnosticCodes." + f.Name, StringComparison.Ordinal))).Select(f => f.Name).ToList();
        Assert.True(unused.Count == 0, "these codes are listed but nothing reports them: " + string.Join(", ", unused));
    }

    /// <summary>The targets of the Markdown links and images in <paramref name="markdown"/>, leaving out code blocks and code spans.</summary>
    public static IReadOnlyList<string> Links(string markdown) =>
        Link().Matches(InlineCode().Replace(string.Join('\n', OutsideFences(markdown)), "")).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The anchors GitHub gives the headings of <paramref name="markdown"/>, in order; a repeated one gets -1, -2, ...</summary>
    public static IReadOnlyList<string> Anchors(string markdown)
    {
        var result = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in OutsideFences(markdown))
        {
            var heading = Heading().Match(line);
            if (!heading.Success) continue;
            var text = LinkText().Replace(heading.Groups[1].Value.Trim(), "$1");
            var slug = new StringBuilder();
            foreach (var c in text.ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(c) || c is '-' or '_') slug.Append(c);
                else if (c == ' ') slug.Append('-');
            }

            var anchor = slug.ToString();
            if (seen.TryGetValue(anchor, out var n))
            {
                seen[anchor] = n + 1;
                anchor = $"{anchor}-{n + 1}";
            }
            else
            {
                seen[anchor] = 0;
            }

            result.Add(anchor);
        }

        return result;
    }

    // Lines outside fenced code blocks (``` or ~~~, indented or not).
    private static IEnumerable<string> OutsideFences(string markdown)
    {
        var inFence = false;
        foreach (var line in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (!inFence) yield return line;
        }
    }

    [GeneratedRegex(@"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+""[^""]*"")?\s*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"`[^`\n]*`", RegexOptions.CultureInvariant)]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:", RegexOptions.CultureInvariant)]
    private static partial Regex Scheme();

    [GeneratedRegex(@"^#{1,6}\s+(.+?)\s*#*\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Heading();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex LinkText();

    [GeneratedRegex(@"""(SCR\d{3})""", RegexOptions.CultureInvariant)]
    private static partial Regex CodeInSource();

    [GeneratedRegex(@"^\| \[(SCR\d{3})\]\(#scr\d{3}\) \| (error|warning) \| (.*) \|$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex GuideRow();

    [GeneratedRegex(@"^#### (SCR\d{3})\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex GuideSection();
}
