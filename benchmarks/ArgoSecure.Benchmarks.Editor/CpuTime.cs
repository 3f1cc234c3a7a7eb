using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ArgoSecure.Benchmarks.Editor;

/// <summary>
/// CPU time used by this process, to the microsecond on Linux (<c>getrusage</c>): on a machine shared with other
/// builds, wall time mostly measures the queue for a core, CPU time what the work itself costs.
/// </summary>
internal static class CpuTime
{
    private const int RusageSelf = 0;

    /// <summary>The process's user + system CPU time so far, in milliseconds.</summary>
    public static double Milliseconds()
    {
        if (OperatingSystem.IsLinux() && NativeMethods.GetRusage(RusageSelf, out var usage) == 0)
        {
            return ((usage.UserSeconds + usage.SystemSeconds) * 1000.0) + ((usage.UserMicroseconds + usage.SystemMicroseconds) / 1000.0);
        }

        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "getrusage")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int GetRusage(int who, out Rusage usage);
    }

    // struct rusage on 64-bit Linux: two timevals, then fourteen longs.
    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxRss, IxRss, IdRss, IsRss, MinFlt, MajFlt, NSwap, InBlock, OuBlock, MsgSnd, MsgRcv, NSignals, NvCsw, NivCsw;
    }
}
