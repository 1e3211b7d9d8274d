using System.Text.RegularExpressions;
using Lscb.Site.Assets;
using YamlDotNet.RepresentationModel;

namespace Lscb.Site.Tests;

/// <summary>
/// The GitHub Actions workflows: valid for the real linter (npm @action-validator/cli), publishing
/// with the least permissions, and every action pinned to a commit.
/// </summary>
public sealed partial class WorkflowTests
{
    private static readonly string[] Workflows = ["ci.yml", "pages.yml"];

    public static TheoryData<string> WorkflowFiles => new(Workflows);

    private static string PathOf(string workflow) => Path.Combine(Repo.Root, ".github", "workflows", workflow);

    private static (int Code, string Output) Lint(string file)
    {
        var cli = Path.Combine(Repo.Root, "node_modules", "@action-validator", "cli", "cli.mjs");
        Assert.True(File.Exists(cli), $"{cli} is missing: the build installs it with npm ci");
        var (code, output) = ToolRunner.Run("node", [cli, file], Repo.Root);
        Assert.True(code != -1, "Node.js is needed to run the workflow linter: " + output);
        return (code, output);
    }

    private static YamlMappingNode Load(string workflow)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(PathOf(workflow)))
        {
            stream.Load(reader);
        }

        return Assert.IsType<YamlMappingNode>(Assert.Single(stream.Documents).RootNode);
    }

    private static YamlNode? Get(YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static YamlMappingNode Map(YamlNode node, string key) =>
        Assert.IsType<YamlMappingNode>(Get(node, key) ?? throw new Xunit.Sdk.XunitException($"no '{key}' key"));

    private static string? Text(YamlNode node, string key) => (Get(node, key) as YamlScalarNode)?.Value;

    /// <summary>A permissions block as "name: level" lines, sorted, so it can be compared whole.</summary>
    private static string[] Permissions(YamlNode owner) =>
        Get(owner, "permissions") is YamlMappingNode map
            ? map.Children.Select(kv => $"{((YamlScalarNode)kv.Key).Value}: {((YamlScalarNode)kv.Value).Value}").Order(StringComparer.Ordinal).ToArray()
            : [];

    private static IEnumerable<YamlMappingNode> Steps(YamlNode job) =>
        Get(job, "steps") is YamlSequenceNode steps ? steps.Children.Cast<YamlMappingNode>() : [];

    private static YamlMappingNode StepUsing(YamlNode job, string action) =>
        Assert.Single(Steps(job), s => Text(s, "uses")?.StartsWith(action + "@", StringComparison.Ordinal) == true);

    private static YamlMappingNode StepRunning(YamlNode job, string command) =>
        Assert.Single(Steps(job), s => Text(s, "run")?.Contains(command, StringComparison.Ordinal) == true);

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void Given_a_workflow_When_linted_Then_action_validator_accepts_it(string workflow)
    {
        var (code, output) = Lint(PathOf(workflow));

        Assert.True(code == 0, $"action-validator rejected .github/workflows/{workflow}:\n{output}");
    }

    [Theory]
    [InlineData("a job without runs-on", "on: pull_request\njobs:\n  test:\n    steps:\n      - run: echo hello\n")]
    [InlineData("a job with an unknown key", "on: pull_request\njobs:\n  test:\n    runs-on: ubuntu-latest\n    run-on: ubuntu-latest\n    steps:\n      - run: echo hello\n")]
    [InlineData("an unknown top-level key", "on: pull_request\npermission:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hello\n")]
    public void Given_a_broken_workflow_When_linted_Then_action_validator_rejects_it(string mistake, string yaml)
    {
        var dir = Directory.CreateTempSubdirectory("lscb-workflow-");
        try
        {
            var file = Path.Combine(dir.FullName, "broken.yml");
            File.WriteAllText(file, yaml);

            var (code, output) = Lint(file);

            Assert.True(code != 0, $"action-validator accepted a workflow with {mistake}:\n{output}");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Given_the_Pages_workflow_Then_its_build_passes_the_configure_pages_base_url_to_the_site_build()
    {
        var build = Map(Map(Load("pages.yml"), "jobs"), "build");

        var configure = StepUsing(build, "actions/configure-pages");
        Assert.Equal("pages", Text(configure, "id"));

        var run = Text(StepRunning(build, "dotnet run --project Site.csproj -c Release -- build"), "run")!;
        Assert.Matches(@"--base-url\s+""\$\{\{\s*steps\.pages\.outputs\.base_url\s*\}\}/""", run);
        Assert.DoesNotContain("--drafts", run, StringComparison.Ordinal);

        var upload = StepUsing(build, "actions/upload-pages-artifact");
        Assert.Equal("output", Text(Map(upload, "with"), "path"));
    }

    [Fact]
    public void Given_the_Pages_workflow_Then_it_grants_only_contents_read_at_the_top()
    {
        Assert.Equal(["contents: read"], Permissions(Load("pages.yml")));
    }

    [Fact]
    public void Given_the_Pages_workflow_Then_its_deploy_job_alone_can_write_pages_and_get_an_id_token()
    {
        var jobs = Map(Load("pages.yml"), "jobs");

        var deploy = Map(jobs, "deploy");
        Assert.Equal(["id-token: write", "pages: write"], Permissions(deploy));
        Assert.Equal("build", Text(deploy, "needs"));
        var environment = Map(deploy, "environment");
        Assert.Equal("github-pages", Text(environment, "name"));
        Assert.Equal("${{ steps.deployment.outputs.page_url }}", Text(environment, "url"));
        Assert.Equal("deployment", Text(StepUsing(deploy, "actions/deploy-pages"), "id"));

        foreach (var (name, job) in jobs.Children.Select(kv => (((YamlScalarNode)kv.Key).Value, kv.Value)))
        {
            if (name == "deploy") continue;
            var granted = Permissions(job);
            Assert.DoesNotContain(granted, p => p.EndsWith(": write", StringComparison.Ordinal) || p.StartsWith("id-token:", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Given_the_Pages_workflow_Then_deployments_share_one_group_and_a_running_one_is_never_cancelled()
    {
        var concurrency = Map(Load("pages.yml"), "concurrency");

        Assert.Equal("pages", Text(concurrency, "group"));
        Assert.Equal("false", Text(concurrency, "cancel-in-progress"));
    }

    [Fact]
    public void Given_the_Pages_workflow_Then_it_publishes_on_push_to_main_every_day_and_on_demand()
    {
        var on = Map(Load("pages.yml"), "on");

        var branches = Assert.IsType<YamlSequenceNode>(Get(Map(on, "push"), "branches"));
        Assert.Equal(["main"], branches.Children.Select(b => ((YamlScalarNode)b).Value));

        var schedule = Assert.IsType<YamlSequenceNode>(Get(on, "schedule"));
        var cron = Text(Assert.Single(schedule.Children), "cron");
        Assert.Matches(@"^\d{1,2} \d{1,2} \* \* \*$", cron);

        Assert.NotNull(Get(on, "workflow_dispatch"));
    }

    [Fact]
    public void Given_the_CI_workflow_Then_it_checks_builds_as_published_tests_and_uploads_the_preview_with_read_only_permissions()
    {
        var ci = Load("ci.yml");
        Assert.Equal(["contents: read"], Permissions(ci));
        Assert.NotNull(Get(Map(ci, "on"), "pull_request"));
        Assert.Equal("true", Text(Map(ci, "concurrency"), "cancel-in-progress"));

        var job = Assert.Single(Map(ci, "jobs").Children).Value;
        Assert.Equal("ubuntu-latest", Text(job, "runs-on"));
        Assert.Empty(Permissions(job));

        Assert.NotNull(StepRunning(job, "dotnet run --project Site.csproj -c Release -- check"));
        var build = Assert.Single(Steps(job), s => Text(s, "id") == "build");
        Assert.Equal("dotnet run --project Site.csproj -c Release -- build", Text(build, "run")!.Trim());

        var env = Map(StepRunning(job, "bash tests/run.sh"), "env");
        Assert.Equal("true", Text(env, "CI"));
        Assert.Equal("/usr/bin/google-chrome", Text(env, "CHROMIUM_PATH"));

        var upload = Map(StepUsing(job, "actions/upload-artifact"), "with");
        Assert.Equal("site-preview", Text(upload, "name"));
        Assert.Equal("output/", Text(upload, "path"));
    }

    [Fact]
    public void Given_the_CI_workflow_Then_it_builds_the_base_of_the_pull_request_and_writes_what_readers_will_see_to_the_step_summary()
    {
        var job = Assert.Single(Map(Load("ci.yml"), "jobs").Children).Value;
        var steps = Steps(job).ToList();
        Assert.Equal("0", Text(Map(StepUsing(job, "actions/checkout"), "with"), "fetch-depth"));

        // check's messages are kept for the summary, and a failing check still fails (bash runs with pipefail).
        var check = StepRunning(job, "-- check");
        Assert.Equal("bash", Text(check, "shell"));
        Assert.Contains("| tee \"$RUNNER_TEMP/check.txt\"", Text(check, "run"), StringComparison.Ordinal);

        // The base is built from the pull request's base commit, passed through the environment, not the script.
        var baseStep = Assert.Single(steps, s => Text(s, "id") == "base");
        Assert.Equal("(success() || failure()) && github.event_name == 'pull_request'", Text(baseStep, "if"));
        Assert.Equal("${{ github.event.pull_request.base.sha }}", Text(Map(baseStep, "env"), "BASE_SHA"));
        Assert.Contains("git worktree add --detach \"$RUNNER_TEMP/base\" \"$BASE_SHA\"", Text(baseStep, "run"), StringComparison.Ordinal);
        Assert.Contains("-- build --no-search --output \"$RUNNER_TEMP/base-site\"", Text(baseStep, "run"), StringComparison.Ordinal);

        var summary = StepRunning(job, "-- diff");
        var run = Text(summary, "run")!;
        Assert.Matches(@"diff ""\$RUNNER_TEMP/base-site"" output\s", run);
        Assert.Contains("--diagnostics \"$RUNNER_TEMP/check.txt\"", run, StringComparison.Ordinal);
        Assert.Contains("--artifact site-preview", run, StringComparison.Ordinal);
        Assert.Contains("--output \"$GITHUB_STEP_SUMMARY\"", run, StringComparison.Ordinal);
        Assert.Equal("(success() || failure()) && steps.base.outcome == 'success'", Text(summary, "if"));
        // After both builds: the head's in the build step, the base's in its own.
        Assert.True(steps.IndexOf(summary) > steps.IndexOf(baseStep) && steps.IndexOf(baseStep) > steps.FindIndex(s => Text(s, "id") == "build"));
        Assert.Equal("site-preview", Text(Map(StepUsing(job, "actions/upload-artifact"), "with"), "name"));
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public void Given_a_workflow_Then_every_action_is_pinned_to_a_full_commit_sha_with_its_version_named(string workflow)
    {
        var jobs = Map(Load(workflow), "jobs");
        var uses = jobs.Children.Values
            .SelectMany(job => Steps(job).Select(s => Text(s, "uses")).Append(Text(job, "uses")))
            .OfType<string>()
            .ToList();
        Assert.NotEmpty(uses);

        var unpinned = uses.Where(u => !PinnedAction().IsMatch(u)).ToList();
        Assert.True(unpinned.Count == 0, $"{workflow}: not pinned to a 40-hex commit SHA: {string.Join(", ", unpinned)}");

        // The YAML model drops comments, so the version comment is checked on the lines themselves.
        var lines = File.ReadAllLines(PathOf(workflow)).Where(l => UsesLine().IsMatch(l)).ToList();
        Assert.Equal(uses.Count, lines.Count);
        var unnamed = lines.Where(l => !PinnedLine().IsMatch(l)).ToList();
        Assert.True(unnamed.Count == 0, $"{workflow}: a pin without a '# vX.Y.Z' comment: {string.Join(" | ", unnamed)}");
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")]
    private static partial Regex PinnedAction();

    [GeneratedRegex(@"^\s*(-\s+)?uses:")]
    private static partial Regex UsesLine();

    [GeneratedRegex(@"^\s*(-\s+)?uses:\s+\S+@[0-9a-f]{40} # v\d+(\.\d+){0,2}\s*$")]
    private static partial Regex PinnedLine();
}
