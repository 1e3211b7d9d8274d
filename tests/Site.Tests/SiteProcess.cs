using System.Diagnostics;

namespace Lscb.Site.Tests;

/// <summary>The generator run as its own process (<c>dotnet Site.dll ...</c>), as CI and Board staff run it.</summary>
internal static class SiteProcess
{
    /// <summary>The generator, copied next to the test assembly by the project reference.</summary>
    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "Site.dll");

    /// <summary>The dotnet host running the tests (so the same runtime), else the one on PATH.</summary>
    public static string Dotnet { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p
        : "dotnet";

    public static ProcessStartInfo StartInfo(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        Assert.True(File.Exists(Dll), $"{Dll} is missing: the test project's reference to Site.csproj should copy it there");
        var info = new ProcessStartInfo(Dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        // Not in GitHub Actions' annotation mode, whatever the test run's own environment.
        info.Environment.Remove("GITHUB_ACTIONS");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        }

        return info;
    }

    /// <summary>Runs to the end (killed after <paramref name="timeout"/>, which fails the test).</summary>
    public static (int Code, string Out, string Err) Run(IEnumerable<string> args, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var process = Process.Start(StartInfo(args, environment))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"'Site {string.Join(' ', args)}' did not finish within {timeout.TotalSeconds} s:\n{Tail(stderr.Result)}");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public static string Head(string text, int lines) =>
        string.Join('\n', text.Split('\n').Take(lines).Select(l => l.Length > 300 ? l[..300] + "..." : l));

    public static string Tail(string text, int lines = 20) =>
        string.Join('\n', text.Split('\n').TakeLast(lines));
}
