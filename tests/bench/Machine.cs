using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Lscb.Site.Bench;

/// <summary>What the numbers were measured on.</summary>
internal sealed class Machine
{
    public required int Cores { get; init; }

    public required string Cpu { get; init; }

    public required string Memory { get; init; }

    public required string Os { get; init; }

    public required string Dotnet { get; init; }

    public required string Node { get; init; }

    public required string Pagefind { get; init; }

    /// <summary>What <c>hugo version</c> printed, or "unavailable" when there is no hugo on PATH.</summary>
    public required string Hugo { get; init; }

    public required string Commit { get; init; }

    public string MemoryLimit { get; set; } = "";

    public string LoadBefore { get; set; } = "";

    public string LoadAfter { get; set; } = "";

    public static Machine Describe(string repo)
    {
        var cpu = Lines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var memKiB = Lines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var os = Lines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? RuntimeInformation.OSDescription;
        var pagefind = Lines(Path.Combine(repo, "node_modules", "pagefind", "package.json"))
            .FirstOrDefault(l => l.TrimStart().StartsWith("\"version\"", StringComparison.Ordinal))?.Split(':', 2)[1].Trim().Trim(',', '"') ?? "unknown";
        var dirty = Output("git", ["--no-optional-locks", "status", "--porcelain"], repo).Length > 0;
        return new Machine
        {
            Cores = Environment.ProcessorCount,
            Cpu = cpu,
            Memory = memKiB is null ? "unknown" : Format.MiB(long.Parse(memKiB, System.Globalization.CultureInfo.InvariantCulture)) + " total",
            Os = $"{os} (Linux {Lines("/proc/sys/kernel/osrelease").FirstOrDefault()?.Trim() ?? "unknown"}, {RuntimeInformation.OSArchitecture})",
            Dotnet = $"{RuntimeInformation.FrameworkDescription}, SDK {Output("dotnet", ["--version"], repo)}",
            Node = Output("node", ["--version"], repo),
            Pagefind = pagefind,
            Hugo = Output("hugo", ["version"], repo),
            Commit = Output("git", ["rev-parse", "--short", "HEAD"], repo) + (dirty ? " with uncommitted changes in the working tree" : ""),
        };
    }

    public static string LoadAverage() => string.Join(' ', Lines("/proc/loadavg").FirstOrDefault()?.Split(' ').Take(3) ?? []);

    private static IEnumerable<string> Lines(string path) => File.Exists(path) ? File.ReadLines(path) : [];

    private static string Output(string program, string[] args, string cwd)
    {
        try
        {
            var info = new ProcessStartInfo(program) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in args) info.ArgumentList.Add(a);
            using var p = Process.Start(info)!;
            var text = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return text.Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unavailable";
        }
    }
}
