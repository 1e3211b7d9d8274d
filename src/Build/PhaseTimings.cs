using System.Diagnostics;

namespace Lscb.Site.Build;

/// <summary>
/// Prints how long each phase took to standard error when <c>SITE_TIMINGS=1</c>, for the
/// benchmark and for finding where a slow build spends its time. Silent otherwise.
/// </summary>
public sealed class PhaseTimings
{
    private readonly Stopwatch? _clock;
    private TimeSpan _last;
    private TimeSpan _lastCpu;
    private TimeSpan _lastPause;
    private long _lastAllocated;

    private PhaseTimings(bool on)
    {
        if (!on) return;
        _clock = Stopwatch.StartNew();
        _lastCpu = Process.GetCurrentProcess().TotalProcessorTime;
    }

    /// <summary>On when the environment variable SITE_TIMINGS is 1.</summary>
    public static PhaseTimings FromEnvironment() => new(Environment.GetEnvironmentVariable("SITE_TIMINGS") == "1");

    /// <summary>Prints the time and the CPU time since the previous mark, with the managed heap's size, how long the garbage collector paused the program and how much it allocated.</summary>
    public void Mark(string phase)
    {
        if (_clock is null) return;
        var now = _clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var pause = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes();
        Console.Error.WriteLine($"timing: {phase,-24} {(now - _last).TotalMilliseconds,8:F0} ms  cpu {(cpu - _lastCpu).TotalMilliseconds,8:F0} ms  (heap {GC.GetTotalMemory(false) / 1048576} MiB, collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, paused {(pause - _lastPause).TotalMilliseconds:F0} ms, allocated {(allocated - _lastAllocated) / 1048576} MiB)");
        _last = now;
        _lastCpu = cpu;
        _lastPause = pause;
        _lastAllocated = allocated;
    }
}
