using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Lscb.Site.Build;
using Lscb.Site.Core;

namespace Lscb.Site.Tests;

/// <summary>
/// The corpus of bad inputs in <c>tests/fixtures/bad/</c>: one folder per mistake Board staff can make.
/// Each folder is laid over the baseline <see cref="TestSite"/> and checked three ways (check, build and
/// the command line), which must all report the expected diagnostics, with the right exit status and
/// never a stack trace.
/// </summary>
/// <remarks>
/// A folder holds:
/// <list type="bullet">
/// <item>the files to lay over the baseline site, at their real paths (<c>input/cases/child-b.md</c>,
/// or a whole replacement <c>statiq.config</c>);</item>
/// <item><c>delete.txt</c> (optional): baseline paths to remove, one a line (a folder is removed with
/// everything in it);</item>
/// <item><c>generate.txt</c> (optional): files the corpus cannot hold as plain text, made at test time,
/// one a line: <c>latin1 PATH</c> (re-encode as ISO-8859-1), <c>bom PATH</c> (add a UTF-8 byte order
/// mark), <c>crlf PATH</c> (Windows line ends), <c>char PATH MARKER HEX</c> (replace MARKER with the
/// character U+HEX), <c>big PATH BYTES</c> (pad the body with text to at least BYTES bytes);</item>
/// <item><c>expected.txt</c>: <c>exit: 0</c> or <c>exit: 1</c>, then one line per diagnostic that must
/// appear, <c>CODE FILE LINE COL | part of the message</c>, and for sites that build, optional
/// <c>contains PAGE | text</c> and <c>contains-not PAGE | text</c> checks on the built output.</item>
/// </list>
/// Every error reported must be listed in expected.txt, so a duplicate or misleading extra error fails
/// the case too; warnings need only be listed when the case is about them. Lines starting '#' are comments.
/// </remarks>
public sealed partial class BadInputCorpusTests
{
    private static readonly string Corpus = Path.Combine(Repo.Root, "tests", "fixtures", "bad");

    /// <summary>The error codes of the authoring guide's table (docs/authoring.md) that no content can produce, and why.</summary>
    private static readonly Dictionary<string, string> NotFromContent = new(StringComparer.Ordinal)
    {
        ["SCR040"] = "the front-end tools (Node.js, npm, sass) failing to run: needs a broken tool installation, not content",
        ["SCR041"] = "Pagefind failing to index the built site: needs a broken tool installation, not content",
        ["SCR090"] = "a built page linking to a file the build did not produce: a generator bug, since content mistakes are reported earlier (SCR020)",
        ["SCR091"] = "a page removed without a redirect: found by 'diff' comparing two built sites, not by check (ReviewSummaryTests)",
    };

    private static readonly DateOnly Today = new(2026, 11, 26);

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Corpus).Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(dir));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Given_a_bad_input_When_checked_built_and_run_from_the_command_line_Then_exactly_the_expected_diagnostics_are_reported(string name)
    {
        var fixture = Fixture.Read(Path.Combine(Corpus, name));
        using var site = fixture.Lay();

        var check = site.Check(today: Today);
        AssertDiagnostics(fixture, check, "check");

        var build = site.Build(today: Today);
        AssertDiagnostics(fixture, build, "build");
        if (fixture.Exit == 1)
        {
            Assert.False(Directory.Exists(site.Output), $"{name}: a failed build must not create {site.Output}");
        }
        else
        {
            foreach (var (page, text, present) in fixture.OutputChecks)
            {
                var html = site.ReadOutput(page);
                if (present) Assert.True(html.Contains(text, StringComparison.Ordinal), $"{name}: {page} should contain '{text}'");
                else Assert.False(html.Contains(text, StringComparison.Ordinal), $"{name}: {page} should not contain '{text}'");
            }
        }

        var (exit, stdout, printed) = SiteCommand.Run("check", "--root", site.Root, "--now", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.True(fixture.Exit == exit, $"{name}: 'check' exited {exit}, expected {fixture.Exit}:\n{printed}");
        Assert.DoesNotContain("   at ", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", printed + stdout, StringComparison.Ordinal);
        foreach (var e in fixture.Expected)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"{e.File}({e.Line},{e.Column}): {(e.IsWarning ? "warning" : "error")} {e.Code}: ");
            Assert.True(printed.Split('\n').Any(l => l.StartsWith(prefix, StringComparison.Ordinal) && l.Contains(e.Message, StringComparison.Ordinal)),
                $"{name}: 'check' did not print '{prefix}...{e.Message}':\n{printed}");
        }
    }

    [Fact]
    public void Given_the_corpus_Then_it_has_at_least_40_cases_and_covers_every_error_code_content_can_produce()
    {
        var folders = Directory.GetDirectories(Corpus);
        Assert.True(folders.Length >= 40, $"the corpus has {folders.Length} cases; it should have at least 40");

        // The table of codes is the "Quick list" of the authoring guide, docs/authoring.md (the README
        // keeps none): every error it lists must be expected by some case, or be in NotFromContent.
        var guide = File.ReadAllText(Path.Combine(Repo.Root, "docs", "authoring.md"));
        var documented = TableCode().Matches(guide).Where(m => m.Groups[2].Value == "error").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("SCR001", documented);
        Assert.Subset(documented, NotFromContent.Keys.ToHashSet(StringComparer.Ordinal));

        var covered = folders.SelectMany(f => Fixture.Read(f).Expected).Where(e => !e.IsWarning).Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
        var missing = documented.Except(NotFromContent.Keys).Except(covered).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"no case in tests/fixtures/bad expects {string.Join(", ", missing)}");
    }

    [Fact]
    public void Given_the_corpus_Then_every_case_is_well_formed_plain_text()
    {
        foreach (var folder in Directory.GetDirectories(Corpus))
        {
            var fixture = Fixture.Read(folder);
            Assert.True(fixture.Exit == 1 ? fixture.Expected.Any(e => !e.IsWarning) : fixture.Expected.All(e => e.IsWarning),
                $"{fixture.Name}: a case with exit 1 must expect an error, and a case with exit 0 none");
            Assert.True(fixture.Exit == 0 || fixture.OutputChecks.Count == 0, $"{fixture.Name}: only a site that builds has output to check");
            foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
            {
                var bytes = File.ReadAllBytes(file);
                Assert.False(bytes.Contains((byte)'\r'), $"{file}: carriage returns are made at test time by generate.txt");
                Assert.False(bytes.AsSpan().StartsWith("\uFEFF"u8), $"{file}: byte order marks are made at test time by generate.txt");
                Assert.True(bytes.Length < 64 * 1024, $"{file}: big files are made at test time by generate.txt");
            }
        }
    }

    private static void AssertDiagnostics(Fixture fixture, BuildResult result, string verb)
    {
        var all = string.Join('\n', result.Diagnostics);
        Assert.True(fixture.Exit == result.ExitCode, $"{fixture.Name}: {verb} exit status {result.ExitCode}, expected {fixture.Exit}:\n{all}");
        var unmatched = result.Diagnostics.ToList();
        foreach (var e in fixture.Expected)
        {
            var hit = unmatched.FirstOrDefault(d => d.Code == e.Code && d.At.File == e.File && d.At.Line == e.Line && d.At.Column == e.Column
                && d.Message.Contains(e.Message, StringComparison.Ordinal) && (d.Severity == Severity.Warning) == e.IsWarning);
            Assert.True(hit is not null, $"{fixture.Name}: {verb} did not report {e}; it reported:\n{all}");
            unmatched.Remove(hit);
        }

        var extra = unmatched.Where(d => d.Severity == Severity.Error).ToList();
        Assert.True(extra.Count == 0, $"{fixture.Name}: {verb} reported errors that expected.txt does not list:\n{string.Join('\n', extra)}");
    }

    /// <summary>A row of the authoring guide's table: <c>| [SCR012](#scr012) | error | ...</c>; group 1 the code, group 2 its kind.</summary>
    [GeneratedRegex(@"^\| \[(SCR\d{3})\]\(#scr\d{3}\) \| (error|warning) \|", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex TableCode();

    /// <summary>One expected diagnostic: <c>CODE FILE LINE COL | message part</c>. FILE may contain spaces.</summary>
    private sealed record Expectation(string Code, string File, int Line, int Column, string Message)
    {
        /// <summary>SCR1xx codes are warnings.</summary>
        public bool IsWarning => Code.StartsWith("SCR1", StringComparison.Ordinal);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Code} at {File}({Line},{Column}) containing '{Message}'");
    }

    /// <summary>One folder of the corpus, read.</summary>
    private sealed record Fixture(
        string Name,
        string Folder,
        int Exit,
        IReadOnlyList<Expectation> Expected,
        IReadOnlyList<(string Page, string Text, bool Present)> OutputChecks)
    {
        private static readonly string[] Special = ["expected.txt", "delete.txt", "generate.txt"];

        public static Fixture Read(string folder)
        {
            var name = Path.GetFileName(folder);
            var path = Path.Combine(folder, "expected.txt");
            Assert.True(File.Exists(path), $"{name}: expected.txt is missing");
            int? exit = null;
            var expected = new List<Expectation>();
            var checks = new List<(string, string, bool)>();
            foreach (var raw in File.ReadAllLines(path))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line.StartsWith('#')) continue;
                if (line.StartsWith("exit:", StringComparison.Ordinal))
                {
                    exit = int.Parse(line["exit:".Length..].Trim(), CultureInfo.InvariantCulture);
                    continue;
                }

                var bar = line.IndexOf(" | ", StringComparison.Ordinal);
                Assert.True(bar > 0, $"{name}: expected.txt line '{line}' has no ' | '");
                var head = line[..bar].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var text = line[(bar + 3)..];
                if (head[0] is "contains" or "contains-not")
                {
                    checks.Add((string.Join(' ', head[1..]), text, head[0] == "contains"));
                    continue;
                }

                Assert.True(head.Length >= 4 && head[0].StartsWith("SCR", StringComparison.Ordinal), $"{name}: expected.txt line '{line}' is not 'CODE FILE LINE COL | message'");
                expected.Add(new Expectation(head[0], string.Join(' ', head[1..^2]),
                    int.Parse(head[^2], CultureInfo.InvariantCulture), int.Parse(head[^1], CultureInfo.InvariantCulture), text));
            }

            Assert.True(exit is 0 or 1, $"{name}: expected.txt needs a line 'exit: 0' or 'exit: 1'");
            return new Fixture(name, folder, exit!.Value, expected, checks);
        }

        /// <summary>The baseline site with this case's files laid over it, deletions made and generated files written.</summary>
        public TestSite Lay()
        {
            var site = new TestSite();
            try
            {
                foreach (var file in Directory.GetFiles(Folder, "*", SearchOption.AllDirectories))
                {
                    var relative = Path.GetRelativePath(Folder, file).Replace('\\', '/');
                    if (Special.Contains(relative)) continue;
                    var target = Path.Combine(site.Root, relative);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.WriteAllBytes(target, File.ReadAllBytes(file));
                }

                foreach (var relative in Lines("delete.txt"))
                {
                    var target = Path.Combine(site.Root, relative);
                    if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
                    else if (File.Exists(target)) File.Delete(target);
                    else Assert.Fail($"{Name}: delete.txt names '{relative}', which the site does not have");
                }

                foreach (var line in Lines("generate.txt")) Generate(site.Root, line);
                return site;
            }
            catch
            {
                site.Dispose();
                throw;
            }
        }

        private void Generate(string root, string line)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(words.Length >= 2, $"{Name}: generate.txt line '{line}' names no file");
            var target = Path.Combine(root, words[1]);
            Assert.True(File.Exists(target), $"{Name}: generate.txt names '{words[1]}', which the site does not have");
            var bytes = File.ReadAllBytes(target);
            bytes = words[0] switch
            {
                "latin1" => Encoding.Latin1.GetBytes(Encoding.UTF8.GetString(bytes)),
                "bom" => [0xEF, 0xBB, 0xBF, .. bytes],
                "crlf" => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\n", "\r\n", StringComparison.Ordinal)),
                "char" when words.Length == 4 => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace(words[2],
                    char.ConvertFromUtf32(int.Parse(words[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture)), StringComparison.Ordinal)),
                "big" when words.Length == 3 => Pad(bytes, int.Parse(words[2], CultureInfo.InvariantCulture)),
                _ => throw new InvalidDataException($"{Name}: generate.txt line '{line}' is not one of latin1, bom, crlf, char, big"),
            };
            File.WriteAllBytes(target, bytes);
        }

        private static byte[] Pad(byte[] start, int size)
        {
            var text = new StringBuilder(Encoding.UTF8.GetString(start));
            while (text.Length < size) text.Append("A line of pasted material that makes the page far too long to read.\n");
            return Encoding.UTF8.GetBytes(text.ToString());
        }

        private IEnumerable<string> Lines(string file)
        {
            var path = Path.Combine(Folder, file);
            return File.Exists(path)
                ? File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList()
                : [];
        }
    }
}
