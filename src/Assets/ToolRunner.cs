using System.Diagnostics;

namespace Lscb.Site.Assets;

/// <summary>Runs a front-end tool (npm, node) and captures what it printed.</summary>
public static class ToolRunner
{
    /// <summary>The exit code and combined output; exit code -1 when the program could not be started.</summary>
    /// <param name="program">The program, found on the PATH.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="workingDirectory">Where it runs.</param>
    /// <param name="background">Run it (and what it starts) below normal priority, so it yields the processor to the work a person is waiting for.</param>
    public static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments, string workingDirectory, bool background = false)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(info)!;
            if (background) Lower(process);
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout + stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"{program} could not be started: {e.Message}");
        }
    }

    /// <summary>The last lines a tool printed, on one line, for a diagnostic.</summary>
    internal static string Tail(string output)
    {
        var lines = output.Trim().Split('\n');
        return string.Join(" | ", lines.Skip(Math.Max(0, lines.Length - 6))).Trim();
    }

    private static void Lower(Process process)
    {
        try
        {
            process.PriorityClass = ProcessPriorityClass.BelowNormal;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or PlatformNotSupportedException)
        {
            // Only a courtesy: the process may already have ended, or the system may not allow it.
        }
    }
}
