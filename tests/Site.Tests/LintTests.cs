using System.Diagnostics;

namespace Lscb.Site.Tests;

/// <summary>The site's own JavaScript (theme/js, tools) passes the project's lint rules (eslint.config.mjs).</summary>
public sealed class LintTests
{
    [Fact]
    public async Task Given_the_sites_own_scripts_When_linted_Then_eslint_finds_no_problem()
    {
        var eslint = Path.Combine(Repo.Root, "node_modules", "eslint", "bin", "eslint.js");
        Assert.True(File.Exists(eslint), $"{eslint} is missing: the build installs the npm tools (npm ci); build once first");
        var start = new ProcessStartInfo("node", [eslint, "--max-warnings", "0", "theme/js", "tools"])
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"eslint exit {process.ExitCode}:\n{stdout}\n{await stderr}");
    }
}
