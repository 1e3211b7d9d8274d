using System.Text.RegularExpressions;

namespace Lscb.Site.Tests;

/// <summary>
/// Input nested deeper than the parsers allow: YamlDotNet overflows the stack (which no catch can stop)
/// and Markdig throws past its depth limit. Run as a process, so a crash fails this test and not the test run.
/// </summary>
public sealed class NestingDepthTests
{
    private static readonly Dictionary<string, (string Where, Func<string> Text)> Inputs = new(StringComparer.Ordinal)
    {
        ["front matter list 1,001 deep"] = ("themes", () => new string('[', 1_001) + new string(']', 1_001)),
        ["front matter list 60,000 deep, never closed"] = ("themes", () => new string('[', 60_000)),
        ["block quote 200 deep"] = ("body", () => new string('>', 200) + " quoted\n"),
        ["list 150 deep"] = ("body", () => string.Concat(Enumerable.Range(0, 150).Select(i => new string(' ', i * 2) + "- item\n"))),
        ["emphasis 10,000 deep"] = ("body", () => string.Concat(Enumerable.Repeat("*a _", 10_000)) + "x\n"),
        ["128 opening brackets in a line of text"] = ("body", () => new string('[', 128) + "x\n"),
    };

    public static TheoryData<string> Names() => new(Inputs.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void Given_pathologically_nested_input_When_checked_as_a_process_Then_it_exits_1_with_an_error_for_the_file_and_no_crash(string name)
    {
        var (where, text) = Inputs[name];
        var nested = text();
        using var site = new TestSite(new Dictionary<string, string>
        {
            ["input/cases/child-n.md"] = where == "themes"
                ? TestSite.Case("Child N", "themes: " + nested)
                : TestSite.Case("Child N", "themes: [neglect]", "## What happened\n\n" + nested),
        });
        var (code, stdout, stderr) = SiteProcess.Run(["check", "--root", site.Root, "--now", "2026-11-26"], TimeSpan.FromMinutes(2));
        var printed = stdout + stderr;
        Assert.False(printed.Contains("Unhandled exception", StringComparison.Ordinal) || printed.Contains("Stack overflow", StringComparison.Ordinal)
            || printed.Contains("   at ", StringComparison.Ordinal),
            $"{name}: 'check' crashed (exit {code}):\n{SiteProcess.Head(printed, 4)}");
        Assert.True(code == 1, $"{name}: 'check' exited {code}, expected 1:\n{SiteProcess.Head(printed, 8)}");
        Assert.Matches(new Regex(@"^input/cases/child-n\.md\(\d+,\d+\): error SCR\d{3}: ", RegexOptions.Multiline), stderr);
    }
}
