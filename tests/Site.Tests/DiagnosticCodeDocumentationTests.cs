using System.Text.RegularExpressions;

namespace Lscb.Site.Tests;

/// <summary>docs/authoring.md, the authoring guide for Board staff, explains every code the bad-input corpus produces.</summary>
public sealed partial class DiagnosticCodeDocumentationTests
{
    [Fact]
    public void Given_the_bad_input_corpus_Then_every_diagnostic_code_it_expects_has_a_heading_in_the_authoring_guide()
    {
        var corpus = Path.Combine(Repo.Root, "tests", "fixtures", "bad");
        var expected = Directory.GetFiles(corpus, "expected.txt", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadAllLines(f).Select(l => (File: Path.GetRelativePath(corpus, f), Match: ExpectedCode().Match(l))))
            .Where(x => x.Match.Success)
            .GroupBy(x => x.Match.Groups[1].Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.File).First(), StringComparer.Ordinal);
        Assert.True(expected.Count >= 20, $"only {expected.Count} codes found in {corpus}; is the corpus there?");

        var guide = File.ReadAllText(Path.Combine(Repo.Root, "docs", "authoring.md"));
        var documented = GuideHeading().Matches(guide).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var missing = expected.Keys.Where(c => !documented.Contains(c)).Order(StringComparer.Ordinal)
            .Select(c => $"{c} (expected by {expected[c]})").ToList();
        Assert.True(missing.Count == 0, $"docs/authoring.md has no '#### CODE' section for: {string.Join(", ", missing)}");
    }

    [GeneratedRegex(@"^\s*(SCR\d{3})\s", RegexOptions.CultureInvariant)]
    private static partial Regex ExpectedCode();

    [GeneratedRegex(@"^#### (SCR\d{3})\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex GuideHeading();
}
