using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Lscb.Site.Bench;

/// <summary>One measured run of a program.</summary>
/// <param name="ExitCode">The exit status (-1 when it was killed).</param>
/// <param name="Wall">From just before the process was started until it had exited.</param>
/// <param name="Cpu">User and system CPU time of the process and every descendant it waited for (getrusage RUSAGE_CHILDREN, before and after).</param>
/// <param name="OthersCores">
/// Average number of cores busy with anything else on the machine while it ran (from /proc/stat,
/// less <paramref name="Cpu"/>): how noisy the shared machine was during this run.
/// </param>
/// <param name="PeakKiB">The process's own peak resident memory (VmHWM), in KiB.</param>
/// <param name="Descendants">
/// Every child and grandchild seen while it ran (the generator starts node, which starts Pagefind's
/// native binary), by process name, with the largest peak resident memory seen for that name.
/// </param>
/// <param name="Stdout">What it printed.</param>
/// <param name="Stderr">What it printed on standard error, with a note when the harness killed it.</param>
/// <param name="Killed">Why the harness killed it (time or memory limit), or null.</param>
internal sealed record ProcessRun(int ExitCode, TimeSpan Wall, TimeSpan Cpu, double OthersCores, long PeakKiB,
    IReadOnlyDictionary<string, long> Descendants, string Stdout, string Stderr, string? Killed)
{
    public bool Succeeded => ExitCode == 0 && Killed is null;

    /// <summary>
    /// The most resident memory the process and its descendants held at one moment (VmRSS added up
    /// over the tree, sampled every 50 ms), in KiB: a lower bound of the tree's true peak, where
    /// <see cref="PeakKiB"/> plus each descendant's peak is an upper bound.
    /// </summary>
    public long TreePeakKiB { get; init; }

    /// <summary>The peaks of every descendant, each process counted once, added up, in KiB (<see cref="Descendants"/> keeps one figure per name).</summary>
    public long DescendantPeaksKiB { get; init; }
}

/// <summary>
/// Runs a program as a fresh process and measures it from outside: wall time with a
/// <see cref="Stopwatch"/> around the whole process, CPU time with getrusage, and peak memory by
/// polling <c>/proc/PID/status</c> (VmHWM, the kernel's high-water mark of resident memory, which
/// only grows, so the last sample before exit is the peak up to the last few milliseconds). The
/// process tree is found through <c>/proc/PID/task/*/children</c>. Sampling runs on its own thread
/// every 10 ms (the process itself) and 50 ms (its descendants, and the memory guard); it costs
/// well under 1% of a core.
/// <para>
/// The memory guard protects the shared machine: when the tree's resident memory passes
/// <see cref="MemoryLimitKiB"/>, or the machine's MemAvailable falls under 2 GiB, the tree is
/// killed and the run reported as killed, rather than letting the kernel's OOM killer pick a victim.
/// </para>
/// </summary>
internal static partial class ProcessMeter
{
    private const int RusageChildren = -1;
    private const long MinAvailableKiB = 2 * 1024 * 1024;
    private const int SigTerm = 15;

    /// <summary>The most resident memory a measured process tree may use; see the class remarks.</summary>
    public static long MemoryLimitKiB { get; set; } = long.MaxValue;

    public static ProcessRun Run(string program, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var cpuBefore = ChildrenCpu();
        var busyBefore = MachineBusy();
        var clock = Stopwatch.StartNew();
        using var process = Start(program, arguments, workingDirectory, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var sampler = new TreeSampler(process);

        var limit = timeout ?? TimeSpan.FromMinutes(30);
        if (!process.WaitForExit(limit))
        {
            sampler.KilledBecause($"killed by the harness after {limit.TotalMinutes:0} minutes");
            process.WaitForExit();
        }

        process.WaitForExit();
        clock.Stop();
        sampler.Dispose();
        var cpu = ChildrenCpu() - cpuBefore;
        var busy = MachineBusy() - busyBefore;
        var others = clock.Elapsed.TotalSeconds > 0 ? Math.Max(0, (busy - cpu).TotalSeconds / clock.Elapsed.TotalSeconds) : 0;

        var killed = sampler.Killed;
        var err = stderr.GetAwaiter().GetResult();
        if (killed is not null) err += $"\n({killed})";
        return new ProcessRun(killed is null ? process.ExitCode : -1, clock.Elapsed, cpu, others, sampler.PeakKiB, sampler.Descendants,
            stdout.GetAwaiter().GetResult(), err, killed)
        { TreePeakKiB = sampler.TreePeakKiB, DescendantPeaksKiB = sampler.DescendantPeaksKiB };
    }

    /// <summary>Starts a program with its output and errors redirected (the caller reads them).</summary>
    public static Process Start(string program, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        if (environment is not null)
        {
            foreach (var (k, v) in environment) info.Environment[k] = v;
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
    }

    /// <summary>Asks a process to stop with SIGTERM (as a terminal's kill would); false when it could not be sent.</summary>
    public static bool Terminate(Process process) => SendSignal(process.Id, SigTerm) == 0;

    /// <summary>
    /// Samples a running process on its own thread until disposed: its peak resident memory every
    /// 10 ms, its descendants' every 50 ms, and kills the whole tree when the memory guard trips.
    /// </summary>
    internal sealed class TreeSampler : IDisposable
    {
        private readonly Process process;
        private readonly Dictionary<int, (string Name, long Peak)> descendants = [];
        private readonly ManualResetEventSlim stop = new();
        private readonly Thread thread;
        private long peak;
        private long treePeak;
        private string? killed;

        public TreeSampler(Process process)
        {
            this.process = process;
            var pid = process.Id;
            thread = new Thread(() =>
            {
                for (var tick = 0; !stop.IsSet; tick++)
                {
                    var (hwm, rss) = ReadMemory(pid);
                    Interlocked.Exchange(ref peak, Math.Max(Interlocked.Read(ref peak), hwm));
                    if (tick % 5 == 0)
                    {
                        long tree;
                        lock (descendants) tree = rss + SampleDescendants(pid, descendants);
                        Interlocked.Exchange(ref treePeak, Math.Max(Interlocked.Read(ref treePeak), tree));
                        var available = MemAvailableKiB();
                        if (tree > MemoryLimitKiB || available < MinAvailableKiB)
                        {
                            KilledBecause(tree > MemoryLimitKiB
                                ? $"killed by the harness: the process tree used {Format.MiB(tree)}, over the limit of {Format.MiB(MemoryLimitKiB)} (--memory-limit)"
                                : $"killed by the harness: the machine had only {Format.MiB(available)} of memory left (the process tree used {Format.MiB(tree)})");
                        }
                    }

                    stop.Wait(10);
                }
            })
            { IsBackground = true, Name = "memory sampler" };
            thread.Start();
        }

        /// <summary>The process's own peak resident memory (VmHWM) so far, in KiB.</summary>
        public long PeakKiB => Interlocked.Read(ref peak);

        /// <summary>The most resident memory the whole tree held at one sample so far, in KiB.</summary>
        public long TreePeakKiB => Interlocked.Read(ref treePeak);

        /// <summary>Why the harness killed the tree, or null.</summary>
        public string? Killed => Volatile.Read(ref killed);

        /// <summary>Every descendant seen so far, by process name, with the largest peak seen for that name.</summary>
        public IReadOnlyDictionary<string, long> Descendants
        {
            get
            {
                var byName = new Dictionary<string, long>(StringComparer.Ordinal);
                lock (descendants)
                {
                    foreach (var (name, p) in descendants.Values)
                        byName[name] = Math.Max(byName.GetValueOrDefault(name), p);
                }

                return byName;
            }
        }

        /// <summary>Every descendant's peak so far, added up (each process once, whatever its name), in KiB.</summary>
        public long DescendantPeaksKiB
        {
            get
            {
                lock (descendants) return descendants.Values.Sum(d => d.Peak);
            }
        }

        /// <summary>Kills the tree, remembering the first reason.</summary>
        public void KilledBecause(string reason)
        {
            Interlocked.CompareExchange(ref killed, reason, null);
            Kill(process);
        }

        public void Dispose()
        {
            stop.Set();
            thread.Join();
            stop.Dispose();
        }
    }

    /// <summary>Kills a process and its descendants (SIGKILL); nothing when it has already exited.</summary>
    public static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }
    }

    /// <summary>VmHWM and VmRSS of a process in KiB; 0 when it has gone (or is a zombie, which has no memory).</summary>
    private static (long Hwm, long Rss) ReadMemory(int pid)
    {
        long hwm = 0, rss = 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) hwm = KiB(line);
                else if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = KiB(line);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return (hwm, rss);
    }

    private static long KiB(string line) =>
        long.Parse(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);

    /// <summary>Records every descendant's peak; returns the sum of their current resident memory.</summary>
    private static long SampleDescendants(int root, Dictionary<int, (string Name, long Peak)> seen)
    {
        long rssSum = 0;
        var queue = new Queue<int>(Children(root));
        while (queue.Count > 0)
        {
            var pid = queue.Dequeue();
            var (hwm, rss) = ReadMemory(pid);
            rssSum += rss;
            // Read every time: a child seen between its fork and its exec still has its parent's name
            // (Pagefind's binary as "node"), and its peak then was its parent's copy, so it starts again.
            var known = seen.GetValueOrDefault(pid);
            var name = ReadName(pid) ?? known.Name;
            if (name is not null) seen[pid] = (name, name == known.Name ? Math.Max(known.Peak, hwm) : hwm);
            foreach (var child in Children(pid)) queue.Enqueue(child);
        }

        return rssSum;
    }

    private static List<int> Children(int pid)
    {
        var result = new List<int>();
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                var text = File.ReadAllText(Path.Combine(task, "children"));
                foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    result.Add(int.Parse(part, CultureInfo.InvariantCulture));
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return result;
    }

    private static string? ReadName(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>MemAvailable from /proc/meminfo, in KiB (long.MaxValue when unknown).</summary>
    public static long MemAvailableKiB()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/meminfo"))
            {
                if (line.StartsWith("MemAvailable:", StringComparison.Ordinal)) return KiB(line);
            }
        }
        catch (IOException)
        {
        }

        return long.MaxValue;
    }

    /// <summary>Time all cores have spent busy since boot (/proc/stat: everything but idle and iowait).</summary>
    private static TimeSpan MachineBusy()
    {
        try
        {
            var first = File.ReadLines("/proc/stat").First();
            var fields = first.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            // user nice system idle iowait irq softirq steal (guest time is already in user).
            var busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + (fields.Length > 7 ? fields[7] : 0);
            return TimeSpan.FromSeconds(busy / 100.0);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }

    private static TimeSpan ChildrenCpu()
    {
        if (GetRUsage(RusageChildren, out var u) != 0) return TimeSpan.Zero;
        return TimeSpan.FromSeconds(u.UserSeconds + u.UserMicroseconds / 1e6 + u.SystemSeconds + u.SystemMicroseconds / 1e6);
    }

    /// <summary>struct rusage on 64-bit Linux: two timevals, then fourteen longs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxRss, IxRss, IdRss, IsRss, MinFlt, MajFlt, NSwap, InBlock, OuBlock, MsgSnd, MsgRcv, NSignals, NvCsw, NivCsw;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetRUsage(int who, out RUsage usage);
}
