using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lscb.Site.Assemble;
using Lscb.Site.Core;
using Lscb.Site.Load;
using Lscb.Site.Render;
using Lscb.Site.Validate;

namespace Lscb.Site.Tests;

/// <summary>
/// Thousands of seeded random front matter documents and Markdown bodies through the Load, Validate,
/// Assemble and Render phases in memory: nothing throws, every diagnostic points into an input file,
/// and every rejected document is told why. Set FUZZ_SEED to replay or vary a run.
/// </summary>
public sealed class RandomInputTests
{
    private const int Documents = 3000;
    private const int Batch = 100;
    private const int RandomByteArrays = 3000;

    private static readonly string[] Baseline = ["input/index.md", "input/themes/neglect.md", "input/themes/domestic-abuse.md", "input/themes/toxic-trio.md", "input/responses/strategy.md"];

    private static readonly string[] YamlTokens =
    [
        ": ", ":", "[", "]", "{", "}", "\"", "'", "#", "&", "*", "!", "|", ">", "%", "@", "\t", "- ", "? ", ",", "`", "~", "\\", "\\x01",
        "---\n", "...\n", "&a ", "*a", "!!str ", "!!binary ", "<<: ", "null", "yes", "no", "on", "2017-02-30", "0x1F", ".inf", "1e400",
    ];

    private static readonly string[] OddCharacters =
    [
        "\u0000", "\u0001", "\u0007", "\u001B", "\u007F", "\u0085", "\u00A0", "\u2028", "\u2029", "\u200B", "\u200E", "\u202E", "\uFEFF",
        "\uFFFE", "\uFFFF", "\uFFFD", "\uD800", "\uDFFF", "\U0001F600", "e\u0301", "İ", "ı", "ß", "ﬁ", "\u0130\u0131", "中文", "العربية", "\r", "\v", "\f",
    ];

    private static readonly string[] Schemes =
    [
        "javascript:alert(1)", "JavaScript:alert(1)", " javascript:x", "java\tscript:x", "&#106;avascript:x", "data:text/html,<b>x</b>", "vbscript:x",
        "http://example.org/", "https://example.org/a?b=c#d", "mailto:a@example.org", "ftp://x/", "//evil.example/", "file:///etc/passwd",
        "../cases/child-a.md", "../themes/neglect.md", "../themes/neglect.md#text", "../responses/strategy.md", "../cases/nope.md",
        "/cases/child-a/", "#anchor", "", "<>", "%", "..", "../../../etc/passwd", "cases/fuzz-1.md", "../pages/x.md", "tel:999", "\\\\share\\x",
    ];

    private static string Seeded() => Environment.GetEnvironmentVariable("FUZZ_SEED") is { Length: > 0 } s ? s : "20261126";

    [Fact]
    public async Task Given_thousands_of_random_documents_When_loaded_validated_assembled_and_rendered_in_memory_Then_nothing_throws_and_every_diagnostic_points_into_its_file()
    {
        var seed = int.Parse(Seeded(), CultureInfo.InvariantCulture);
        var clock = Stopwatch.StartNew();
        Failures failures;
        try
        {
            failures = await Task.Run(() => Fuzz(seed)).WaitAsync(TimeSpan.FromMinutes(2));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"seed {seed}: the random documents did not finish within 2 minutes (a hang?)");
            throw;
        }

        Assert.True(failures.Count == 0,
            $"seed {seed} (replay with FUZZ_SEED={seed}): {failures.Count} failures among {Documents} documents in {clock.Elapsed.TotalSeconds:F1} s.\n{failures.Report()}");
    }

    [Fact]
    public void Given_thousands_of_random_byte_arrays_When_decoded_Then_nothing_throws_and_the_text_or_one_SCR001_comes_back()
    {
        var seed = int.Parse(Seeded(), CultureInfo.InvariantCulture);
        var random = new Random(seed);
        var failures = new List<string>();
        for (var n = 0; n < RandomByteArrays; n++)
        {
            var bytes = RandomBytes(random);
            var path = string.Create(CultureInfo.InvariantCulture, $"input/cases/bytes-{n}.md");
            var bag = new DiagnosticBag();
            try
            {
                var text = TextDecoder.Decode(bytes, path, bag);
                var diagnostics = bag.Sorted();
                var lines = 1 + bytes.Count(b => b is (byte)'\n' or (byte)'\r');
                if (text is null)
                {
                    if (diagnostics.Count != 1 || diagnostics[0] is not { Code: "SCR001", Severity: Severity.Error } d || d.At.File != path
                        || d.At.Line < 1 || d.At.Column < 1 || d.At.Line > lines)
                        failures.Add($"#{n}: rejected with {Describe(diagnostics)}; bytes {Convert.ToHexString(bytes.AsSpan(0, Math.Min(64, bytes.Length)))}");
                }
                else if (diagnostics.Count != 0 || text.Contains('\r', StringComparison.Ordinal) || TextDecoder.IndexOfForbidden(text) >= 0)
                {
                    failures.Add($"#{n}: accepted with {Describe(diagnostics)}, a carriage return or a forbidden character; bytes {Convert.ToHexString(bytes.AsSpan(0, Math.Min(64, bytes.Length)))}");
                }
            }
            catch (Exception e)
            {
                failures.Add($"#{n}: {e.GetType().Name}: {e.Message}; bytes {Convert.ToHexString(bytes.AsSpan(0, Math.Min(64, bytes.Length)))}");
            }
        }

        Assert.True(failures.Count == 0, $"seed {seed} (replay with FUZZ_SEED={seed}): {failures.Count} failures:\n{string.Join('\n', failures.Take(10))}");
    }

    private static Failures Fuzz(int seed)
    {
        var random = new Random(seed);
        var config = File.ReadAllText(Path.Combine(Repo.Root, "statiq.config"));
        var failures = new Failures { Folder = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"lscb-fuzz-{seed}")) };
        if (Directory.Exists(failures.Folder)) Directory.Delete(failures.Folder, recursive: true);
        for (var start = 0; start < Documents; start += Batch)
        {
            var documents = Enumerable.Range(start, Batch).Select(n => MakeDocument(random, n)).ToList();
            var label = string.Create(CultureInfo.InvariantCulture, $"documents {start}-{start + Batch - 1}");
            try
            {
                RunBatch(config, documents, failures);
            }
            catch (Exception e)
            {
                failures.Add($"{e.GetType().Name} outside any one document", $"{label}: {e}");
            }
        }

        return failures;
    }

    private sealed record Doc(int Number, string Path, ContentKind Kind, string Slug, byte[] Bytes)
    {
        /// <summary>An upper bound for any line number in the file.</summary>
        public int Lines => 1 + Bytes.Count(b => b is (byte)'\n' or (byte)'\r');

        public string Excerpt()
        {
            var text = Encoding.UTF8.GetString(Bytes);
            var shown = text.Length > 400 ? text[..300] + $" ...[{text.Length} chars]... " + text[^80..] : text;
            var escaped = new StringBuilder();
            foreach (var c in shown)
            {
                if (c == '\n') escaped.Append("\\n\n");
                else if (char.IsControl(c) || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c)) escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                else escaped.Append(c);
            }

            return escaped.ToString();
        }
    }

    private static void RunBatch(string config, List<Doc> documents, Failures failures)
    {
        var bag = new DiagnosticBag();
        var files = new List<SourceFile>();
        foreach (var (path, text) in TestSite.Baseline.Where(p => Baseline.Contains(p.Key)))
        {
            var parts = FrontMatterSplitter.Split(text, path, bag)!.Value;
            var kind = path == "input/index.md" ? ContentKind.Home : path.Contains("/themes/", StringComparison.Ordinal) ? ContentKind.Theme : ContentKind.Response;
            files.Add(new SourceFile(path, kind, System.IO.Path.GetFileNameWithoutExtension(path), parts.Yaml, parts.YamlLine, parts.Body, parts.BodyLine));
        }

        var rejected = new List<Doc>();
        foreach (var doc in documents)
        {
            try
            {
                var text = TextDecoder.Decode(doc.Bytes, doc.Path, bag);
                var parts = text is null ? null : FrontMatterSplitter.Split(text, doc.Path, bag);
                if (parts is { } p) files.Add(new SourceFile(doc.Path, doc.Kind, doc.Slug, p.Yaml, p.YamlLine, p.Body, p.BodyLine));
                else rejected.Add(doc);
            }
            catch (Exception e)
            {
                failures.Add(doc, "loading", e);
            }
        }

        var byPath = documents.ToDictionary(d => d.Path, StringComparer.Ordinal);
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        ValidatedSite? validated;
        try
        {
            validated = ContentValidator.Validate(new LoadedSite(config, files, []), bag);
        }
        catch (Exception)
        {
            // Some of the batch made Validate throw: find which, each alone with the baseline, then go on without them.
            var culprits = documents.Where(d => files.Any(f => f.Path == d.Path) && ThrowsAlone(config, files, d, failures)).Select(d => d.Path).ToHashSet(StringComparer.Ordinal);
            if (culprits.Count == 0) throw;
            RunBatch(config, documents.Where(d => !culprits.Contains(d.Path)).ToList(), failures);
            return;
        }

        Assert.NotNull(validated);
        var valid = validated.Items.Select(i => i.Source.Path).ToHashSet(StringComparer.Ordinal);
        rejected.AddRange(documents.Where(d => files.Any(f => f.Path == d.Path) && !valid.Contains(d.Path)));

        var model = SiteAssembler.Assemble(validated, new PublicationRules(true, DateOnly.MaxValue));
        var renderer = new MarkdownRenderer(model, files.Select(f => f.Path).ToList());
        foreach (var item in validated.Items)
        {
            try
            {
                renderer.Render(item, bag);
            }
            catch (Exception e)
            {
                if (byPath.TryGetValue(item.Source.Path, out var doc)) failures.Add(doc, "rendering", e);
                else failures.Add($"{e.GetType().Name} rendering a baseline file", $"{item.Source.Path}: {e}");
            }
        }

        var inputs = files.Select(f => f.Path).Concat(documents.Select(d => d.Path)).Append(SiteLoader.ConfigFile).ToHashSet(StringComparer.Ordinal);
        foreach (var d in bag.Sorted())
        {
            if (!inputs.Contains(d.At.File))
            {
                failures.Add($"a {d.Code} names a file that is not an input", d.ToString());
                continue;
            }

            var bound = byPath.TryGetValue(d.At.File, out var doc) ? doc.Lines : int.MaxValue;
            if (d.At.Line < 1 || d.At.Column < 1 || d.At.Line > bound)
                failures.Add($"a {d.Code} points outside its file", $"{d}\n(the file has at most {bound} lines)" + (doc is null ? "" : "\n" + doc.Excerpt()), doc);
        }

        foreach (var doc in rejected.Where(d => bag.ErrorCount(d.Path) == 0))
            failures.Add("a document was rejected without an error for its file", $"{doc.Path}; its diagnostics: {Describe(bag.Sorted().Where(x => x.At.File == doc.Path).ToList())}\n{doc.Excerpt()}", doc);
    }

    private static bool ThrowsAlone(string config, List<SourceFile> files, Doc doc, Failures failures)
    {
        try
        {
            var alone = files.Where(f => Baseline.Contains(f.Path) || f.Path == doc.Path).ToList();
            ContentValidator.Validate(new LoadedSite(config, alone, []), new DiagnosticBag());
            return false;
        }
        catch (Exception e)
        {
            failures.Add(doc, "validating", e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerExceptions[0] : e);
            return true;
        }
    }

    /// <summary>What went wrong, grouped by kind so one bug hit a hundred times reads as one line.</summary>
    private sealed class Failures
    {
        private readonly List<(string Kind, string Detail)> _items = [];

        public int Count => _items.Count;

        /// <summary>Where the documents that failed are written, to replay them with 'Site check'.</summary>
        public string Folder { get; init; } = "";

        public void Add(string kind, string detail, Doc? doc = null)
        {
            _items.Add((kind, detail));
            if (doc is null || Folder.Length == 0) return;
            var file = System.IO.Path.Combine(Folder, doc.Path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, doc.Bytes);
        }

        public void Add(Doc doc, string phase, Exception e)
        {
            var frame = e.StackTrace?.Split('\n').Select(l => l.Trim())
                .FirstOrDefault(l => l.Contains("Lscb.Site.", StringComparison.Ordinal) && !l.Contains(".Tests.", StringComparison.Ordinal));
            Add($"{e.GetType().FullName} while {phase}: {e.Message.Split('\n')[0]} {frame}",
                $"{doc.Path} ({doc.Kind}):\n{doc.Excerpt()}", doc);
        }

        public string Report()
        {
            var groups = _items.GroupBy(i => i.Kind, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ToList();
            var report = new StringBuilder();
            if (Directory.Exists(Folder)) report.Append(CultureInfo.InvariantCulture, $"The failing documents are in {Folder}.\n");
            foreach (var g in groups) report.Append(CultureInfo.InvariantCulture, $"  {g.Count()} x {g.Key}\n");
            foreach (var g in groups.Take(8)) report.Append(CultureInfo.InvariantCulture, $"\n--- {g.Key}\nfirst example: {g.First().Detail}\n");
            return report.ToString();
        }
    }

    private static string Describe(IReadOnlyList<Diagnostic> diagnostics) =>
        diagnostics.Count == 0 ? "no diagnostics" : string.Join("; ", diagnostics.Select(d => d.ToString()));

    private static Doc MakeDocument(Random random, int n)
    {
        var (kind, folder) = random.Next(6) switch
        {
            0 or 1 or 2 => (ContentKind.Case, "cases"),
            3 => (ContentKind.Theme, "themes"),
            4 => (ContentKind.Response, "responses"),
            _ => (ContentKind.Page, "pages"),
        };
        var slug = string.Create(CultureInfo.InvariantCulture, $"fuzz-{n}");
        var text = FrontMatter(random, kind) + RandomMarkdown(random);
        var mutations = random.Next(10) < 2 ? 0 : random.Next(1, 7);
        for (var i = 0; i < mutations; i++) text = Mutate(random, text);

        text = random.Next(12) switch
        {
            0 => text.Replace("\n", "\r\n", StringComparison.Ordinal),
            1 => text.Replace("\n", "\r", StringComparison.Ordinal),
            2 => "\uFEFF" + text,
            3 => "\uFEFF" + text.Replace("\n", "\r\n", StringComparison.Ordinal),
            _ => text,
        };
        var bytes = random.Next(40) == 0 ? Encoding.Latin1.GetBytes(text) : Encoding.UTF8.GetBytes(text);
        return new Doc(n, $"input/{folder}/{slug}.md", kind, slug, bytes);
    }

    private static string FrontMatter(Random random, ContentKind kind)
    {
        var lines = new List<string> { $"title: {Pick(random, "Child X", "Neglect and more", "\"Quoted: title\"", "'Single ''quoted'''", "Child İ ı", "A")}", "summary: A short summary." };
        switch (kind)
        {
            case ContentKind.Case:
                lines.Add($"review_type: {Pick(random, "serious-case-review", "thematic-review", "Serious-case-review", "other")}");
                lines.Add($"year: {Pick(random, "2015-16", "2015-2016", "2019-20", "1999-00", "2015-17")}");
                lines.Add($"published: {Pick(random, "2017-01-31", "2017-06", "2030-05-01", "2017-02-30", "31/01/2017", "2017")}");
                if (random.Next(3) == 0)
                {
                    lines.Add("publication: withheld");
                    lines.Add("withheld_reason: The Board decided not to publish.");
                }
                else
                {
                    lines.Add("publication: published");
                    if (random.Next(3) == 0) lines.Add("report_url: " + Pick(random, "https://example.org/r.pdf", "http://example.org/", "javascript:x"));
                }

                lines.Add(random.Next(2) == 0 ? "themes: [neglect, domestic-abuse]" : "themes:\n  - neglect\n  - toxic-trio");
                if (random.Next(2) == 0) lines.Add("responses: [strategy]");
                if (random.Next(4) == 0) lines.Add("questions:\n  - What would you do?\n  - Who else knows?");
                break;
            case ContentKind.Theme:
                if (random.Next(2) == 0) lines.Add("related: [neglect]");
                if (random.Next(2) == 0) lines.Add("includes: [domestic-abuse, toxic-trio]");
                break;
            case ContentKind.Response:
                lines.Add($"status: {Pick(random, "planned", "in-progress", "in-place", "done")}");
                lines.Add("themes: [neglect]");
                if (random.Next(2) == 0) lines.Add($"date: {Pick(random, "2017-03-09", "2017-03", "2017-13-01")}");
                break;
        }

        if (random.Next(6) == 0) lines.Add("draft: " + Pick(random, "true", "false", "maybe", "TRUE"));
        Shuffle(random, lines);
        return "---\n" + string.Join('\n', lines) + "\n---\n";
    }

    private static string RandomMarkdown(Random random)
    {
        var body = new StringBuilder();
        var blocks = random.Next(0, 12);
        for (var i = 0; i < blocks; i++)
        {
            switch (random.Next(14))
            {
                case 12:
                    // A paragraph of several lines, with links, that a setext underline turns into a heading.
                    for (var l = random.Next(1, 5); l > 0; l--) body.Append(Words(random)).Append(' ').Append(random.Next(2) == 0 ? Link(random) : "").Append('\n');
                    body.Append(Pick(random, "===", "---", "=", "-----")).Append('\n');
                    break;
                case 0:
                    body.Append(new string('#', random.Next(1, 8))).Append(' ').Append(Words(random)).Append('\n');
                    break;
                case 1:
                    body.Append(Words(random)).Append(' ').Append(Link(random)).Append(' ').Append(Words(random)).Append('\n');
                    break;
                case 2:
                    body.Append("![").Append(random.Next(3) == 0 ? "" : Words(random)).Append("](").Append(Pick(random, Schemes)).Append(Pick(random, "", ".png", " \"title\"")).Append(")\n");
                    break;
                case 3:
                    body.Append(Pick(random, "<script>alert(1)</script>", "<b onclick=\"x\">bold</b>", "<!-- comment -->", "<iframe src=javascript:x>", "<div>\n\n*x*\n\n</div>", "&lt;&#x3C;&amp;&#0;&#xD800;"))
                        .Append('\n');
                    break;
                case 4:
                    var columns = random.Next(1, 5);
                    body.Append('|').Append(string.Concat(Enumerable.Repeat(" h |", columns))).Append('\n')
                        .Append('|').Append(string.Concat(Enumerable.Repeat(Pick(random, "---|", ":--|", "--:|", ":-:|", "-|"), random.Next(0, columns + 2)))).Append('\n');
                    for (var r = random.Next(0, 4); r > 0; r--) body.Append("| ").Append(Link(random)).Append(" | x | y |\n");
                    break;
                case 5:
                    var marks = Pick(random, "*", "_", "**", "__", "***", "~~", "`");
                    body.Append(string.Concat(Enumerable.Repeat(marks + Words(random), random.Next(1, 30)))).Append('\n');
                    break;
                case 6:
                    var depth = random.Next(1, random.Next(10) == 0 ? 200 : 8);
                    for (var d = 0; d < depth; d++) body.Append(new string(' ', d * 2)).Append(Pick(random, "- ", "* ", "1. ", "+ ")).Append(Words(random)).Append('\n');
                    break;
                case 7:
                    var fence = Pick(random, "```", "~~~", "````");
                    body.Append(fence).Append(Pick(random, "", "js", "html <script>")).Append('\n').Append(Words(random)).Append('\n');
                    if (random.Next(3) > 0) body.Append(fence).Append('\n');
                    break;
                case 8:
                    body.Append(new string('>', random.Next(1, random.Next(10) == 0 ? 200 : 6))).Append(' ').Append(Words(random)).Append('\n');
                    break;
                case 9:
                    body.Append('<').Append(Pick(random, "javascript:alert(1)", "http://example.org", "mailto:a@b.c", "data:x", "https://x")).Append(">\n");
                    break;
                case 10:
                    body.Append('[').Append(Words(random)).Append("][ref]\n\n[ref]: ").Append(Pick(random, Schemes)).Append('\n');
                    break;
                case 11:
                    var nest = random.Next(1, 300);
                    body.Append(new string('[', nest)).Append('x').Append(new string(']', random.Next(0, nest + 1))).Append("(../themes/neglect.md)\n");
                    break;
                default:
                    body.Append(Words(random)).Append(Pick(random, "\n", "  \n", "\\\n", "\n---\n", "\n===\n", "\n***\n")).Append(Words(random)).Append('\n');
                    break;
            }

            body.Append(random.Next(4) == 0 ? "" : "\n");
        }

        return body.ToString();
    }

    private static string Link(Random random) =>
        $"[{(random.Next(5) == 0 ? "" : Words(random))}]({Pick(random, Schemes)}{Pick(random, "", "", " \"title\"", " 'x'", ")")})";

    private static string Words(Random random)
    {
        var words = new[] { "child", "neglect", "Board", "review", "learning", "İstanbul", "ıi", "a", "the", "x:y", "#tag", "*", "_", "`code`", "\\*", "&amp;", "<b>" };
        return string.Join(' ', Enumerable.Range(0, random.Next(1, 8)).Select(_ => words[random.Next(words.Length)]));
    }

    private static string Mutate(Random random, string text)
    {
        // Mostly inside the front matter, where the parsing is.
        var end = text.Length > 3 ? text.IndexOf("\n---\n", 3, StringComparison.Ordinal) : -1;
        var limit = end > 0 && random.Next(3) > 0 ? end + 1 : text.Length;
        var at = limit == 0 ? 0 : random.Next(limit + 1);
        var lines = text.Split('\n').ToList();
        var line = random.Next(Math.Max(1, text[..Math.Min(limit, text.Length)].Count(c => c == '\n')));
        switch (random.Next(14))
        {
            case 0:
                return text.Length == 0 ? text : text.Remove(Math.Min(at, text.Length - 1), 1);
            case 1:
                return text.Insert(at, Pick(random, YamlTokens));
            case 2:
                return text.Insert(at, Pick(random, OddCharacters));
            case 3:
                return at < text.Length ? text.Insert(at, text.Substring(at, 1)) : text;
            case 4:
                lines.RemoveAt(line);
                return string.Join('\n', lines);
            case 5:
                lines.Insert(line, lines[line]);
                return string.Join('\n', lines);
            case 6:
                var other = random.Next(lines.Count);
                (lines[line], lines[other]) = (lines[other], lines[line]);
                return string.Join('\n', lines);
            case 7:
                var key = Pick(random, "title", "summary", "themes", "Title", "tïtle", "x", "report_url", "draft", "publication", "withheld_reason", "questions", "includes", "related", "status", "date", "?", "- a", "\"quoted key\"", "[a, b]");
                lines.Insert(line + 1, $"{key}: {Pick(random, "value", "[neglect]", "{a: b}", "", "|", ">-", "~", "\"\"", "2017-01-31", "- x", "true")}");
                return string.Join('\n', lines);
            case 8:
                return text.Insert(at, new string(Pick(random, 'a', 'x', ' ', '[', 'é'), random.Next(1_000, 20_000)));
            case 9:
                var depth = random.Next(1, random.Next(4) == 0 ? 1_500 : 50);
                var open = Pick(random, "[", "{", "- ");
                var close = open switch { "[" => "]", "{" => "}", _ => "" };
                lines.Insert(line + 1, "themes: " + string.Concat(Enumerable.Repeat(open, depth)) + (random.Next(4) == 0 ? "" : string.Concat(Enumerable.Repeat(close, depth))));
                return string.Join('\n', lines);
            case 10:
                lines[line] = Pick(random, "\t", "  ", "    ", " \t", "- ") + lines[line];
                return string.Join('\n', lines);
            case 11:
                var colon = lines[line].IndexOf(':', StringComparison.Ordinal);
                if (colon < 0) return text;
                lines[line] = lines[line][..(colon + 1)] + " " + Pick(random, "[a, b]", "{a: b}", "|\n  block", "123", "true", "~", "\"\"", "''", "\"unterminated", "[unclosed", "*alias", "&anchor x", "!!int x", "@x", "`x`", "%x", "> folded", "x # comment", "'it''s'", "\"\\x01\"", "\"\\u0000\"", "\"\\uFFFE\"");
                return string.Join('\n', lines);
            case 12:
                return text.Replace("---", Pick(random, "--", "----", "---\n---", "...", " ---"), StringComparison.Ordinal);
            default:
                return random.Next(2) == 0 ? text[..at] : text[at..];
        }
    }

    private static byte[] RandomBytes(Random random)
    {
        var parts = new List<byte>();
        if (random.Next(4) == 0) parts.AddRange("\uFEFF"u8.ToArray());
        var pieces = random.Next(0, 20);
        for (var i = 0; i < pieces; i++)
        {
            switch (random.Next(8))
            {
                case 0:
                    var noise = new byte[random.Next(1, 40)];
                    random.NextBytes(noise);
                    parts.AddRange(noise);
                    break;
                case 1:
                    parts.AddRange(Pick(random, new byte[][]
                    {
                        [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F], [0xFF], [0xFE], [0x80], [0xEF, 0xBF, 0xBE], [0xEF, 0xBF, 0xBF],
                    }));
                    break;
                case 2:
                    parts.AddRange(Pick(random, new byte[][] { [(byte)'\r'], [(byte)'\r', (byte)'\n'], [(byte)'\n'], [(byte)'\r', (byte)'\r', (byte)'\n'] }));
                    break;
                case 3:
                    parts.AddRange(Encoding.UTF8.GetBytes(Pick(random, OddCharacters)));
                    break;
                case 4:
                    parts.Add((byte)random.Next(0, 0x20));
                    break;
                default:
                    parts.AddRange(Encoding.UTF8.GetBytes(Pick(random, "---\n", "title: x\n", "ä", "€", "😀", "İı", " ", "text ", "\t")));
                    break;
            }
        }

        return [.. parts];
    }

    private static T Pick<T>(Random random, params T[] choices) => choices[random.Next(choices.Length)];

    private static void Shuffle<T>(Random random, List<T> list)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
