#!/usr/bin/env bash
# The ARGO analyzers' own CPU time in real compiles of the benchmark, from a CPU profiler: ReportAnalyzer (run.sh)
# times each callback by the wall clock, which also counts the time a callback's thread waits for a core or for a
# garbage collection, and moves with the machine's load. Not a test: run it by hand after run.sh.
#
#   benchmarks/analyzers/cpu.sh [builds=3]
#
# Needs Linux `perf` (package linux-perf) and the projects that run.sh generates (benchmarks/analyzers/out). Each build
# is one `perf record` (CPU clock, 1,999 Hz, call stacks) of a rebuild of the argo project with the analyzers; the
# runtime writes a perf map so that JIT-compiled frames have names. A sample counts as ours when any frame of its stack
# is in ArgoSecure.Analyzers. Printed per build: the csc process's CPU time, ours, ours as a share of csc's CPU and of
# the Csc task's wall time (the denominator run.sh uses), and how much of ours was the JIT compiling our code.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
builds="${1:-3}"
out="$here/out"
hz=1999

if ! command -v perf >/dev/null 2>&1; then
  echo "error: perf is not installed; install Linux perf (Debian: apt-get install linux-perf) to measure CPU time." >&2
  exit 2
fi
if [[ ! -f "$out/argo/Bench.csproj" ]]; then
  echo "error: $out/argo/Bench.csproj is missing; run benchmarks/analyzers/run.sh first (it generates the projects)." >&2
  exit 2
fi

argo_dll="$root/src/ArgoSecure/bin/Release/net8.0/ArgoSecure.dll"
analyzers_dll="$root/src/ArgoSecure.Analyzers/bin/Release/netstandard2.0/ArgoSecure.Analyzers.dll"
lookalikes_dll="$out/pulumi-lookalikes/bin/Release/net10.0/Pulumi.Kubernetes.dll"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Names for JIT-compiled code: the perf map, and code pages that stay readable to perf.
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 DOTNET_CLI_TELEMETRY_OPTOUT=1 MSBUILDDISABLENODEREUSE=1

printf '%-6s %10s %10s %16s %16s %10s\n' build csc_cpu_s ours_ms 'share_csc_cpu_%' 'share_csc_wall_%' ours_jit_ms
for run in $(seq "$builds"); do
  perf record -q -e cpu-clock -F "$hz" -g -o "$work/perf.data" -- \
    dotnet build "$out/argo/Bench.csproj" -t:Rebuild --no-restore -nologo -nodeReuse:false -c Release \
      -p:UseArgoAnalyzers=true -p:ArgoSecureDll="$argo_dll" -p:ArgoAnalyzersDll="$analyzers_dll" \
      -p:PulumiLookalikesDll="$lookalikes_dll" -clp:PerformanceSummary -v:m >"$work/build.log" 2>&1
  csc_ms=$(grep -E '^\s+[0-9]+ ms\s+Csc\s' "$work/build.log" | tail -1 | awk '{print $1}')
  perf script -i "$work/perf.data" -F pid,ip,sym,dso 2>/dev/null | python3 -c '
import sys, collections
hz, csc_ms, run = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
total = collections.Counter(); ours = collections.Counter(); jit = collections.Counter(); roslyn = set()
def flush(pid, stack):
    if pid is None:
        return
    total[pid] += 1
    if any("Microsoft.CodeAnalysis.CSharp.dll" in f or "[Microsoft.CodeAnalysis.CSharp]" in f for f in stack):
        roslyn.add(pid)
    mine = [i for i, f in enumerate(stack) if "ArgoSecure.Analyzers" in f]
    if mine:
        ours[pid] += 1
        if any("libclrjit" in f for f in stack[:mine[0]]):
            jit[pid] += 1
pid, stack = None, []
for line in sys.stdin:
    if not line.strip():
        flush(pid, stack); pid, stack = None, []
    elif line[0] == "\t":
        stack.append(line.strip())
    else:
        pid, stack = line.split()[0], []
flush(pid, stack)
# The compiler: the process that ran the C# compiler code with the most samples.
csc = max(roslyn, key=lambda p: total[p]) if roslyn else None
if csc is None:
    sys.exit("error: no process in the profile ran the C# compiler; see the build log")
cpu_s, ours_ms, jit_ms = total[csc] / hz, 1000 * ours[csc] / hz, 1000 * jit[csc] / hz
print(f"{run:<6} {cpu_s:10.1f} {ours_ms:10.0f} {100 * ours_ms / 1000 / cpu_s:16.2f} {100 * ours_ms / csc_ms:16.2f} {jit_ms:10.0f}")
' "$hz" "${csc_ms:-0}" "$run"
done
echo "Diagnostics in the last build: $(grep -c 'warning ARGO' "$work/build.log" || true) ARGO warnings"
