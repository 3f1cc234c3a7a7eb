#!/usr/bin/env bash
# Measures what the ARGO analyzers add to compile time. Not a test: run it by hand and copy the figures
# into docs/performance.md.
#
#   benchmarks/analyzers/run.sh [files=2400] [repetitions=3]
#
# 1. builds ArgoSecure and ArgoSecure.Analyzers (Release);
# 2. generates out/argo (ArgoSecure Args + Pulumi look-alike infra code + ordinary C#) and out/plain
#    (ordinary C# only, referencing neither library), and builds the look-alike types as the assembly the argo
#    project references (a real program references Pulumi.Kubernetes.dll);
# 3. for each project, rebuilds it (compile only, no dependencies) with and without the analyzers,
#    interleaved, and reports the median wall time and the median and minimum Csc task time;
# 4. as many builds with -p:ReportAnalyzer=true give the time of each analyzer, and the median share of the ARGO
#    analyzers in the compile, against two denominators from the same build: the Csc task's wall time, and the csc
#    process's CPU time (user + system, all threads; csc runs through a small wrapper that records it).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
files="${1:-2400}"
reps="${2:-3}"
out="$here/out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 MSBUILDDISABLENODEREUSE=1

dotnet build "$root/src/ArgoSecure/ArgoSecure.csproj" -c Release -nologo -v:q -nodeReuse:false >/dev/null
dotnet build "$root/src/ArgoSecure.Analyzers/ArgoSecure.Analyzers.csproj" -c Release -nologo -v:q -nodeReuse:false >/dev/null
argo_dll="$root/src/ArgoSecure/bin/Release/net8.0/ArgoSecure.dll"
analyzers_dll="$root/src/ArgoSecure.Analyzers/bin/Release/netstandard2.0/ArgoSecure.Analyzers.dll"

rm -rf "$out"
python3 "$here/generate.py" "$files"
dotnet build "$out/pulumi-lookalikes/Pulumi.Kubernetes.csproj" -c Release -nologo -v:q -nodeReuse:false >/dev/null
lookalikes_dll="$out/pulumi-lookalikes/bin/Release/net10.0/Pulumi.Kubernetes.dll"
props=(-p:ArgoSecureDll="$argo_dll" -p:ArgoAnalyzersDll="$analyzers_dll" -p:PulumiLookalikesDll="$lookalikes_dll")

for project in argo plain; do
  dotnet restore "$out/$project/Bench.csproj" -nologo -v:q >/dev/null
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

measure() { # project useAnalyzers -> prints "wall_ms csc_ms"
  local project="$1" use="$2" log start end
  log="$out/$project-$use.log"
  start=$(date +%s%N)
  dotnet build "$out/$project/Bench.csproj" -t:Rebuild --no-restore -nologo -nodeReuse:false -c Release \
    -p:UseArgoAnalyzers="$use" "${props[@]}" -clp:PerformanceSummary -v:m >"$log" 2>&1
  end=$(date +%s%N)
  local csc
  csc=$(grep -E '^\s+[0-9]+ ms\s+Csc\s' "$log" | tail -1 | awk '{print $1}')
  echo "$(( (end - start) / 1000000 )) ${csc:-0}"
}

printf '%-6s %-10s %10s %10s %10s\n' project analyzers wall_med csc_med csc_min
for project in argo plain; do
  measure "$project" false >/dev/null # warm-up
  declare -A walls=() cscs=()
  # Interleave with/without so that load from other users drifts over both alike.
  for _ in $(seq "$reps"); do
    for use in false true; do
      read -r wall csc < <(measure "$project" "$use")
      walls[$use]+="$wall "; cscs[$use]+="$csc "
    done
  done
  for use in false true; do
    w=$(printf '%s\n' ${walls[$use]} | median); c=$(printf '%s\n' ${cscs[$use]} | median)
    m=$(printf '%s\n' ${cscs[$use]} | sort -n | head -1)
    printf '%-6s %-10s %10s %10s %10s   (csc runs: %s)\n' "$project" "$use" "$w" "$c" "$m" "${cscs[$use]}"
  done
  unset walls cscs
done

echo
echo "Per-analyzer time (argo project, -p:ReportAnalyzer=true, $reps builds; the table is the last one's):"
# ReportAnalyzer adds up the wall time of each analyzer's callbacks over all threads. Two shares per build:
# - of the Csc task's wall time: an elapsed time, so the share grows with the cores the compile keeps busy;
# - of the csc process's CPU time: both sides summed over threads. ReportAnalyzer's wall time is never less than the
#   callbacks' CPU time, so this share is an upper bound of the analyzers' share of the compile's CPU.
# Both move with the machine's load: the target is checked on the median of several builds, each share taken
# within its own build.
real_csc="$(dotnet msbuild "$out/argo/Bench.csproj" -getProperty:RoslynTargetsPath)/bincore/csc"
if [[ ! -x "$real_csc" ]]; then
  echo "error: the SDK's csc was not found at $real_csc (RoslynTargetsPath/bincore/csc of the argo project);" \
    "run with the .NET SDK that builds the project (dotnet --info lists it), not a runtime-only install" >&2
  exit 2
fi
mkdir -p "$out/csc-timed"
cat >"$out/csc-timed/csc-timed" <<'WRAPPER'
#!/usr/bin/env bash
# Runs the SDK's csc with the Csc task's arguments, then writes its CPU time (the shell's children: user, system).
"$ARGO_BENCH_REAL_CSC" "$@"
rc=$?
times >"$ARGO_BENCH_CSC_TIMES.all"
tail -1 "$ARGO_BENCH_CSC_TIMES.all" >"$ARGO_BENCH_CSC_TIMES"
exit $rc
WRAPPER
chmod +x "$out/csc-timed/csc-timed"
seconds() { # "1m2.500s 0m0.250s" -> 62.750
  awk '{ t = 0; for (i = 1; i <= NF; i++) { split($i, p, "m"); sub("s", "", p[2]); t += p[1] * 60 + p[2] }; printf "%.3f", t }'
}
wall_shares=(); cpu_shares=()
for run in $(seq "$reps"); do
  log="$out/report-analyzer-$run.log"
  rm -f "$out/csc-timed/cpu.txt"
  ARGO_BENCH_REAL_CSC="$real_csc" ARGO_BENCH_CSC_TIMES="$out/csc-timed/cpu.txt" \
    dotnet build "$out/argo/Bench.csproj" -t:Rebuild --no-restore -nologo -nodeReuse:false -c Release \
      -p:UseArgoAnalyzers=true "${props[@]}" -p:ReportAnalyzer=true -p:CscToolPath="$out/csc-timed" -p:CscToolExe=csc-timed \
      -clp:PerformanceSummary -v:d >"$log" 2>&1
  argo_s=$(grep -E '^\s*[<0-9.]+\s+[<0-9]+\s+ArgoSecure\.Analyzers, Version=' "$log" | head -1 | awk '{print $1}' | tr -d '<')
  csc_ms=$(grep -E '^\s+[0-9]+ ms\s+Csc\s' "$log" | tail -1 | awk '{print $1}')
  cpu_s=$(seconds <"$out/csc-timed/cpu.txt" 2>/dev/null || true)
  if [[ -n "$argo_s" && -n "$csc_ms" && -n "$cpu_s" ]]; then
    wall_share=$(awk -v a="$argo_s" -v c="$csc_ms" 'BEGIN { printf "%.2f", 100 * a * 1000 / c }')
    cpu_share=$(awk -v a="$argo_s" -v c="$cpu_s" 'BEGIN { printf "%.2f", 100 * a / c }')
    wall_shares+=("$wall_share"); cpu_shares+=("$cpu_share")
    printf 'build %d: ArgoSecure.Analyzers %.3f s; Csc task %.3f s wall (%s %%), csc %.3f s CPU (%s %%)\n' \
      "$run" "$argo_s" "$(awk -v c="$csc_ms" 'BEGIN { print c / 1000 }')" "$wall_share" "$cpu_s" "$cpu_share"
  else
    echo "build $run: no figures; the build failed or printed no ReportAnalyzer table: see $log" >&2
  fi
done
grep -E 'Total analyzer execution time' "$log" | sed 's/^ *//' | head -1
# Each assembly once (the log lists analyzers, then generators), then the ARGO analyzers one by one.
grep -E '^\s*[<0-9.]+\s+[<0-9]+\s+[A-Za-z][^ ]*, Version=' "$log" | sed 's/^ *//' | awk '!seen[$3]++' | head -12
grep -E '^\s*[<0-9.]+\s+[<0-9]+\s+ArgoSecure\.Analyzers\.' "$log" | sed 's/^ *//' | awk '!seen[$3]++' | cut -c1-100
if (( ${#cpu_shares[@]} > 0 )); then
  echo "ArgoSecure.Analyzers, median of ${#cpu_shares[@]} builds (target: at most 2 %):"
  echo "  share of the csc process's CPU time: $(printf '%s\n' "${cpu_shares[@]}" | median) %"
  echo "  share of the Csc task's wall time:   $(printf '%s\n' "${wall_shares[@]}" | median) %"
fi
echo
echo "Diagnostics in the argo project: $(grep -c 'warning ARGO' "$out/argo-true.log" || true) ARGO warnings in the last log"
