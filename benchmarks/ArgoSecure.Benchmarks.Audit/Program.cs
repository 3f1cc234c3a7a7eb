using System.Diagnostics;
using System.Globalization;
using System.Text;
using ArgoSecure.Audit;
using ArgoSecure.Benchmarks.Audit;
using ArgoSecure.Input;

// Audit throughput on large inputs, timed the way the CLI runs (file read included). Usage:
//   dotnet run -c Release -- [objects] [runs]     one install and N workflow objects spread over namespaces
//   dotnet run -c Release -- fleet INSTALLS FILE  writes N renamed copies of the upstream cluster install, CRDs once
//   dotnet run -c Release -- audit FILE [runs]    times the audit of a file (0 runs: one cold audit, for its peak memory)
// fleet.sh writes and audits the fleets of 50, 500 and 5,000 installs, each audit in its own process (its own peak
// working set, nothing of the generator in it).
if (args.Length == 3 && args[0] == "fleet")
{
    using var writer = new StreamWriter(args[2], append: false, new UTF8Encoding(false));
    Fleet.WriteYaml(writer, Fleet.Build(UpstreamManifests(), int.Parse(args[1], CultureInfo.InvariantCulture)));
    return 0;
}

var given = args.Length > 1 && args[0] == "audit";
var count = !given && args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var runsArg = given ? args.ElementAtOrDefault(2) : args.ElementAtOrDefault(1);
var runs = runsArg is null ? 5 : int.Parse(runsArg, CultureInfo.InvariantCulture);
var file = given ? args[1] : Path.Combine(Path.GetTempPath(), $"argosecure-audit-bench-{count}-{Environment.ProcessId}.yaml");
if (!given)
{
    File.WriteAllText(file, BenchmarkInput.Generate(count));
}

var bytes = new FileInfo(file).Length;

// The large inputs go beyond the default reading limits (16 MiB a file, 20,000 objects): raise them, as a user of the
// CLI does with --max-file-size, --max-total-size, --max-documents, --max-nodes and --max-objects.
var limits = new ReadingLimits
{
    MaxFileBytes = 1L << 30,
    MaxTotalBytes = 1L << 30,
    MaxDocuments = 10_000_000,
    MaxNodes = 1_000_000_000,
    MaxObjects = 10_000_000,
};

// Warm-up until the JIT has settled (tiered compilation recompiles hot methods after their first calls: small inputs
// would otherwise be timed partly on unoptimized code), then timed runs: at least the runs asked for, and enough to
// fill 3 seconds. Wall time, and the process's CPU time (steadier on a shared machine).
using var process = Process.GetCurrentProcess();
// With 0 runs, one cold audit only: its peak working set is the memory one audit needs (the garbage of repeated runs
// would add to it).
var warmUp = Stopwatch.StartNew();
var warm = AuditEngine.Audit([file], limits: limits);
if (warm.Refused.Count > 0)
{
    throw new InvalidOperationException($"The input was refused: {warm.Refused[0].Reason}");
}

if (runs == 0)
{
    using var self = Process.GetCurrentProcess();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"one cold audit: {warmUp.Elapsed.TotalSeconds:F3} s, {warm.ObjectCount} objects, peak working set {self.PeakWorkingSet64 / 1048576.0:F0} MB ({self.PeakWorkingSet64 / 1024.0 / warm.ObjectCount:F1} KB/object)"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak|{self.PeakWorkingSet64 / 1048576.0:F0}"));
    return 0;
}

while (warmUp.Elapsed.TotalSeconds < 3)
{
    AuditEngine.Audit([file], limits: limits);
}

var times = new List<double>();
var cpuTimes = new List<double>();
var timed = Stopwatch.StartNew();
while (times.Count < runs || timed.Elapsed.TotalSeconds < 3)
{
    // Each run starts from a collected heap, as a CLI process starts with an empty one (and as BenchmarkDotNet does
    // between iterations): otherwise a run pays for collecting the trees of the runs before it.
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    process.Refresh();
    var cpuBefore = process.TotalProcessorTime;
    var stopwatch = Stopwatch.StartNew();
    var report = AuditEngine.Audit([file], limits: limits);
    stopwatch.Stop();
    process.Refresh();
    times.Add(stopwatch.Elapsed.TotalSeconds);
    cpuTimes.Add((process.TotalProcessorTime - cpuBefore).TotalSeconds);
    if (report.ObjectCount != warm.ObjectCount || report.Findings.Count != warm.Findings.Count)
    {
        throw new InvalidOperationException("The audit is not deterministic.");
    }
}

times.Sort();
cpuTimes.Sort();
var median = times[times.Count / 2];
var cpu = cpuTimes[cpuTimes.Count / 2];
var objects = warm.ObjectCount;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"input: {warm.Installs.Count} installs, {objects} objects, {bytes / 1048576.0:F1} MB, {warm.Findings.Count} findings"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wall, median of {times.Count} runs: {median:F3} s (min {times[0]:F3} s, max {times[^1]:F3} s): {objects / median:F0} objects/s, {median * 1e6 / objects:F1} µs/object, {bytes / 1048576.0 / median:F1} MB/s"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CPU, median of {times.Count} runs: {cpu:F3} s (min {cpuTimes[0]:F3} s): {objects / cpu:F0} objects/s, {cpu * 1e6 / objects:F1} µs/object"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set over all runs: {process.PeakWorkingSet64 / 1048576.0:F0} MB ({process.PeakWorkingSet64 / 1024.0 / objects:F1} KB/object); managed heap after runs: {GC.GetTotalMemory(false) / 1048576.0:F0} MB"));
Console.WriteLine($"runtime: {Environment.Version}, {Environment.ProcessorCount} CPU(s), {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"row|{warm.Installs.Count}|{objects}|{bytes / 1048576.0:F1}|{warm.Findings.Count}|{median:F3}|{cpu:F3}|{process.PeakWorkingSet64 / 1048576.0:F0}"));
if (!given && Environment.GetEnvironmentVariable("KEEP") is null) { File.Delete(file); }
return 0;

// ARGOSECURE_UPSTREAM, else ../shared/upstream beside the repository (as the tests find it).
static string UpstreamManifests()
{
    var root = Environment.GetEnvironmentVariable("ARGOSECURE_UPSTREAM");
    if (string.IsNullOrEmpty(root))
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ArgoSecure.Pulumi.sln")))
        {
            directory = directory.Parent;
        }

        root = Path.Combine(directory?.FullName ?? ".", "..", "shared", "upstream");
    }

    var manifests = Path.GetFullPath(Path.Combine(root, "argo-workflows", "v4.1.2", "manifests"));
    return Directory.Exists(manifests) ? manifests : throw new DirectoryNotFoundException($"Upstream manifests not found at {manifests}; set ARGOSECURE_UPSTREAM.");
}
