#!/usr/bin/env bash
# The audit at fleet scale: N renamed copies of the upstream cluster install (CRDs once), by default N = 0 (the CRDs
# alone: the fixed cost), 50, 500 and 5,000 (about 0.8k, 8k and 80k objects). Each fleet file is written by one process
# and audited by two others: one times repeated audits, one runs a single cold audit for its peak working set (nothing
# of the generator, nor the garbage of earlier runs, in it). Prints each run, then a table with the time per object, and
# the time per object beyond the CRDs-only run when N = 0 is measured.
# Usage: fleet.sh [runs] [N...]
set -euo pipefail
cd "$(dirname "$0")"
runs="${1:-3}"
shift || true
sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then sizes=(0 50 500 5000); fi
dotnet build -c Release --nologo -v quiet . >/dev/null
bench="bin/Release/net8.0/ArgoSecure.Benchmarks.Audit.dll"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for n in "${sizes[@]}"; do
  dotnet "$bench" fleet "$n" "$work/fleet-$n.yaml"
  echo "== $n installs"
  dotnet "$bench" audit "$work/fleet-$n.yaml" "$runs" | tee -a "$work/out"
  dotnet "$bench" audit "$work/fleet-$n.yaml" 0 | tee -a "$work/out"
  rm -f "$work/fleet-$n.yaml"
done
echo
echo "| installs | objects | YAML (MB) | findings | wall (s) | CPU (s) | CPU µs/object | objects/s (CPU) | CPU µs/object beyond the CRDs | peak working set of one audit (MB) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
grep -E '^(row|peak)\|' "$work/out" | awk -F'|' '
  $1 == "row" { row = $0; next }
  $1 == "peak" {
    split(row, r, "|")
    if (++n == 1 && r[2] == 0) { base_objects = r[3]; base_cpu = r[7] }
    beyond = (base_objects != "" && r[3] > base_objects) ? sprintf("%.1f", (r[7] - base_cpu) * 1e6 / (r[3] - base_objects)) : "-"
    printf "| %d | %d | %.1f | %d | %.3f | %.3f | %.1f | %.0f | %s | %d |\n", r[2], r[3], r[4], r[5], r[6], r[7], r[7] * 1e6 / r[3], r[3] / r[7], beyond, $2
  }'
