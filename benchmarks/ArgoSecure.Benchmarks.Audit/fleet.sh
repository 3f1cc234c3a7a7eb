#!/usr/bin/env bash
# The audit at fleet scale: N renamed copies of the upstream cluster install (CRDs once), N = 50, 500, 5,000 by
# default (about 0.8k, 8k and 80k objects). Each fleet file is written by one process and audited by another, so the
# audit's peak working set holds nothing of the generator. Usage: fleet.sh [runs] [N...]
set -euo pipefail
cd "$(dirname "$0")"
runs="${1:-3}"
shift || true
sizes=("${@:-50 500 5000}")
dotnet build -c Release --nologo -v quiet . >/dev/null
bench="bin/Release/net8.0/ArgoSecure.Benchmarks.Audit.dll"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for n in ${sizes[@]}; do
  dotnet "$bench" fleet "$n" "$work/fleet-$n.yaml"
  echo "== $n installs"
  dotnet "$bench" audit "$work/fleet-$n.yaml" "$runs"
  rm -f "$work/fleet-$n.yaml"
done
