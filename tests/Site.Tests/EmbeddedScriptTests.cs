using Lscb.Site.Assets;
using Lscb.Site.Core;

namespace Lscb.Site.Tests;

/// <summary>
/// The scripts in tools/ that the generator carries inside itself (Site.csproj's EmbeddedResource
/// items): every one is embedded, as it is in the repository, and is JavaScript Node.js can parse.
/// </summary>
public sealed class EmbeddedScriptTests
{
    public static TheoryData<string> Scripts => new(
        Directory.EnumerateFiles(Path.Combine(Repo.Root, "tools"))
            .Where(f => f.EndsWith(".mjs", StringComparison.Ordinal) || f.EndsWith(".cjs", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal))
            .Select(f => "tools/" + Path.GetFileName(f))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Given_a_script_in_tools_Then_the_generator_carries_it_as_it_is_in_the_repository(string script) =>
        Assert.Equal(File.ReadAllText(Path.Combine(Repo.Root, script)), EmbeddedText.Read(script));

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Given_a_script_in_tools_When_node_checks_it_Then_it_parses(string script)
    {
        var (code, output) = ToolRunner.Run("node", ["--check", script], Repo.Root);
        Assert.True(code != -1, "Node.js is needed to check the script: " + output);
        Assert.True(code == 0, $"{script} does not parse: {output}");
    }

    [Fact]
    public void Given_a_missing_script_When_read_Then_its_name_is_in_the_error()
    {
        var e = Assert.Throws<InvalidOperationException>(() => EmbeddedText.Read("tools/nothing.mjs"));
        Assert.Contains("tools/nothing.mjs", e.Message, StringComparison.Ordinal);
    }
}
