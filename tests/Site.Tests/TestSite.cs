using Lscb.Site.Build;
using Lscb.Site.Core;
using Lscb.Site.Support;

namespace Lscb.Site.Tests;

/// <summary>
/// A whole small site declared inline, written to a temporary folder: statiq.config and
/// checks/language.yml (the real ones unless replaced) and the given input files. Deleted on dispose.
/// </summary>
public sealed class TestSite : IDisposable
{
    public TestSite(IReadOnlyDictionary<string, string>? files = null, bool withBaseline = true)
    {
        Root = Path.Combine(Path.GetTempPath(), "lscb-site-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        // The real settings, less the help lines: they name the real site's themes, which a test site may not have.
        File.WriteAllText(Path.Combine(Root, "statiq.config"), WithoutHelpLines(File.ReadAllText(Path.Combine(Repo.Root, "statiq.config"))));
        Directory.CreateDirectory(Path.Combine(Root, "checks"));
        File.Copy(Path.Combine(Repo.Root, "checks", "language.yml"), Path.Combine(Root, "checks", "language.yml"));
        if (withBaseline)
        {
            foreach (var (path, text) in Baseline) Write(path, text);
        }

        foreach (var (path, text) in files ?? new Dictionary<string, string>()) Write(path, text);
    }

    /// <summary>A minimal valid site: home, a source, three themes (one including another), a response, a case.</summary>
    public static readonly IReadOnlyDictionary<string, string> Baseline = new Dictionary<string, string>
    {
        ["input/index.md"] = "---\ntitle: Home\nsummary: The home page.\n---\nWelcome.\n",
        ["input/sources/bulletin.md"] = "---\ntitle: The bulletin\npublisher: The Board\ndate: 2017-01\n---\nWhat the bulletin is.\n",
        ["input/themes/neglect.md"] = "---\ntitle: Neglect\nsummary: About neglect.\n---\nText.\n",
        ["input/themes/toxic-trio.md"] = "---\ntitle: Toxic trio\nsummary: About the trio.\nincludes: [domestic-abuse]\n---\nText.\n",
        ["input/themes/domestic-abuse.md"] = "---\ntitle: Domestic abuse\nsummary: About domestic abuse.\n---\nText.\n",
        ["input/responses/strategy.md"] = "---\ntitle: Strategy\nsummary: A strategy.\nstatus: in-place\nas_at: 2017-01\nthemes: [neglect]\nsources: [bulletin]\n---\nText.\n",
        ["input/cases/child-a.md"] = Case("Child A", "themes: [neglect, domestic-abuse]\nresponses: [strategy]"),
    };

    public string Root { get; }

    /// <summary>Settings text without its <c>help_lines:</c> block (the key's line and the indented lines under it).</summary>
    public static string WithoutHelpLines(string config)
    {
        var lines = config.Split('\n').ToList();
        if (SettingsText.HelpLinesBlock(lines) is not (var start, var end)) return config;
        lines.RemoveRange(start, end - start);
        return string.Join('\n', lines);
    }

    public string Output => Path.Combine(Root, "output");

    /// <summary>A case file with every required key; <paramref name="extra"/> adds or replaces lines.</summary>
    public static string Case(string title, string extra = "themes: [neglect]", string body = "## What happened\n\nText.\n")
    {
        var lines = new List<string>
        {
            $"title: {title}", "summary: A short summary.", "review_type: serious-case-review", "year: 2015-16",
            "published: 2017-01-31", "publication: published", "themes: [neglect]",
        };
        foreach (var line in extra.Split('\n'))
        {
            var key = line.Split(':')[0];
            lines.RemoveAll(l => l.StartsWith(key + ":", StringComparison.Ordinal));
            lines.Add(line);
        }

        // Last, so that the lines a test gives keep the numbers they had before cases named sources.
        if (!lines.Exists(l => l.StartsWith("sources:", StringComparison.Ordinal))) lines.Add("sources: [bulletin]");

        return "---\n" + string.Join('\n', lines) + "\n---\n" + body;
    }

    public void Write(string path, string text)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public void Delete(string path) => File.Delete(Path.Combine(Root, path));

    public BuildResult Build(string? baseUrl = null, bool drafts = false, DateOnly? today = null) =>
        SiteBuilder.Build(Options(baseUrl, drafts, today));

    public BuildResult Check(bool drafts = false, DateOnly? today = null) => SiteBuilder.Check(Options(null, drafts, today));

    public BuildOptions Options(string? baseUrl = null, bool drafts = false, DateOnly? today = null) =>
        new(Root, Output, baseUrl is null ? null : new Uri(baseUrl), drafts, today ?? new DateOnly(2026, 11, 26));

    public string ReadOutput(string path) => File.ReadAllText(Path.Combine(Output, path));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder; the OS cleans up what a test could not.
        }
    }
}

/// <summary>Where the repository is.</summary>
public static class Repo
{
    public static string Root { get; } = RepositoryFolder.Find(AppContext.BaseDirectory);
}

/// <summary>Assertions on diagnostics.</summary>
public static class Diagnostics
{
    /// <summary>Exactly one error with this code, at this file/line/column, whose message contains the given text.</summary>
    public static Diagnostic One(BuildResult result, string code, string file, int line, int column, string? contains = null)
    {
        var matches = result.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matches.Count == 1,
            $"expected one {code}, got {matches.Count}:\n{string.Join('\n', result.Diagnostics)}");
        var d = matches[0];
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal((file, line, column), (d.At.File, d.At.Line, d.At.Column));
        if (contains is not null) Assert.Contains(contains, d.Message, StringComparison.Ordinal);
        Assert.Equal(1, result.ExitCode);
        return d;
    }
}
