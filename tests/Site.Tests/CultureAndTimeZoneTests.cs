using System.Globalization;

namespace Lscb.Site.Tests;

/// <summary>The output does not depend on the machine's language, locale or time zone.</summary>
public sealed class CultureAndTimeZoneTests
{
    [Fact]
    public void Given_German_and_Turkish_locales_and_far_time_zones_When_built_as_processes_Then_every_output_file_is_byte_identical()
    {
        using var site = new TestSite(new Dictionary<string, string>
        {
            ["input/themes/invisible-children.md"] = "---\ntitle: Invisible children\nsummary: \"Children who are not seen: İ, ı, I and i.\"\n---\nText with \"quotes\", 1.234,5 and 3,5%.\n",
            ["input/cases/child-i.md"] = TestSite.Case("Child I",
                "themes: [invisible-children, neglect]\nresponses: [strategy, identity-and-inclusion]\npublished: 2016-11\nyear: 2016-17",
                "## What happened\n\nInformation about CHILD I was shared in İzmir on 31/12/2016; it is inconsistent with 1.5 and 2,5.\n\n| Item | Date |\n|---|---|\n| I | 2016-11-30 |\n"),
            ["input/cases/child-j.md"] = TestSite.Case("Child J", "themes: [invisible-children]\nresponses: [strategy]\npublished: 2017-02-28"),
            ["input/responses/identity-and-inclusion.md"] = "---\ntitle: Identity and inclusion\nsummary: INCLUSION is in place.\nstatus: in-progress\nas_at: 2017-03\nthemes: [invisible-children]\nsources: [bulletin]\ndate: 2017-03-09\n---\nText.\n",
        });

        // DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false overrides the InvariantGlobalization of Directory.Build.props
        // (Site.runtimeconfig.json), so the second and third builds really run with ICU's German and Turkish cultures.
        var environments = new (string Name, Dictionary<string, string?> Variables)[]
        {
            ("default", []),
            ("de_DE, Pacific/Auckland", new()
            {
                ["LANG"] = "de_DE.UTF-8", ["LC_ALL"] = "de_DE.UTF-8", ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "false", ["TZ"] = "Pacific/Auckland",
            }),
            ("tr_TR, America/St_Johns", new()
            {
                ["LANG"] = "tr_TR.UTF-8", ["LC_ALL"] = "tr_TR.UTF-8", ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "false", ["TZ"] = "America/St_Johns",
            }),
        };

        var snapshots = new List<(string Name, SortedDictionary<string, string> Files)>();
        for (var i = 0; i < environments.Length; i++)
        {
            var output = Path.Combine(site.Root, string.Create(CultureInfo.InvariantCulture, $"out-{i}"));
            var (code, _, err) = SiteProcess.Run(["build", "--root", site.Root, "--now", "2026-11-26", "--output", output],
                TimeSpan.FromMinutes(3), environments[i].Variables);
            Assert.True(code == 0, $"{environments[i].Name}: exit {code}\n{SiteProcess.Tail(err)}");
            snapshots.Add((environments[i].Name, Snapshots.Of(output)));
        }

        Assert.Contains("cases/child-i/index.html", snapshots[0].Files.Keys);
        Assert.Contains("themes/invisible-children/index.html", snapshots[0].Files.Keys);
        var turkish = File.ReadAllText(Path.Combine(site.Root, "out-2", "cases/child-i/index.html"));
        Assert.Contains("Child I", turkish, StringComparison.Ordinal);
        Assert.Contains("themes/invisible-children/", turkish, StringComparison.Ordinal);
        foreach (var (name, files) in snapshots.Skip(1))
        {
            var difference = Snapshots.Difference(snapshots[0].Files, files);
            Assert.True(difference.Length == 0, $"built under {name}, the output differs from the default build: {difference}");
        }
    }
}
