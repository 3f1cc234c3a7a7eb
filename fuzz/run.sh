#!/usr/bin/env bash
# Coverage-guided fuzzing of ArgoSecure's readers: SharpFuzz instruments ArgoSecure.dll and YamlDotNet.dll, AFL++
# drives each harness of fuzz/ArgoSecure.Fuzz for the time given, niced, one after another.
#
#   fuzz/run.sh SECONDS [HARNESS...]      harnesses: manifests helm-values options printed-yaml (default: all four)
#
# Needs AFL++ (apt-get install afl++) and the SharpFuzz.CommandLine tool
# (dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0); run as root or with core dumps not piped.
# Seeds: fuzz/seeds/HARNESS, plus small upstream Argo manifests (../shared/upstream, ARGOSECURE_UPSTREAM) for
# manifests, the chart's values.yaml for helm-values and samples/options for options.
# Work folder: FUZZ_OUT (default ${TMPDIR:-/tmp}/argosecure-fuzz); findings stay there, never in the repository.
# The target runs with a 512 MiB GC heap limit, so an input that needs more memory is a crash (OutOfMemoryException),
# and AFL's timeout (FUZZ_TIMEOUT_MS, default 5000) makes an input slower than that a hang.
# Prints per harness: executions, seconds, paths, crashes, hangs, the target's peak RSS (VmHWM, sampled every 5 s);
# replays every crash to show its exception.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ]; then
  sed -n '2,16p' "$0" >&2
  exit 2
fi
seconds=$1
shift
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(manifests helm-values options printed-yaml)
out=${FUZZ_OUT:-${TMPDIR:-/tmp}/argosecure-fuzz}
upstream=${ARGOSECURE_UPSTREAM:-../shared/upstream}
timeout_ms=${FUZZ_TIMEOUT_MS:-5000}
export PATH="$PATH:$HOME/.dotnet/tools"

for tool in afl-fuzz sharpfuzz; do
  command -v "$tool" >/dev/null || { echo "error: $tool not found; see the header of $0." >&2; exit 1; }
done

echo "== build and instrument ($out/build; $out/plain, not instrumented, replays crashes)"
rm -rf "$out/build" "$out/plain"
dotnet publish fuzz/ArgoSecure.Fuzz -c Release -o "$out/plain" -v q --nologo >/dev/null
cp -r "$out/plain" "$out/build"
for dll in ArgoSecure.dll YamlDotNet.dll; do
  sharpfuzz "$out/build/$dll" >/dev/null
done

for harness in "${harnesses[@]}"; do
  corpus="$out/corpus/$harness"
  findings="$out/findings/$harness"
  rm -rf "$corpus" "$findings"
  mkdir -p "$corpus" "$findings"
  cp fuzz/seeds/"$harness"/* "$corpus"/
  case $harness in
    manifests | printed-yaml)
      if [ -d "$upstream" ]; then
        find "$upstream" -name '*.yaml' -size -6k | sort | head -n 40 | while read -r f; do cp "$f" "$corpus/upstream-$(echo "${f#"$upstream"/}" | tr '/' '_')"; done
      fi ;;
    helm-values)
      values=$(find "$upstream" -path '*argo-workflows*' -name values.yaml 2>/dev/null | head -n 1)
      [ -z "$values" ] || cp "$values" "$corpus/chart-values.yaml" ;;
    options)
      cp samples/options/*.yaml "$corpus"/ ;;
  esac

  echo "== $harness: $(ls "$corpus" | wc -l) seeds, ${seconds}s"
  AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1 \
  AFL_FORKSRV_INIT_TMOUT=120000 DOTNET_GCHeapHardLimit=0x20000000 \
    nice -n 19 afl-fuzz -V "$seconds" -i "$corpus" -o "$findings" -t "$timeout_ms" -m none \
      -- dotnet "$out/build/ArgoSecure.Fuzz.dll" "$harness" > "$findings/afl.log" 2>&1 &
  afl=$!
  # Peak memory of the target: the highest VmHWM (peak resident set) of its processes, sampled every 5 seconds.
  peak=0
  while kill -0 "$afl" 2>/dev/null; do
    for pid in $(pgrep -f "$out/build/ArgoSecure.Fuzz.dll $harness" || true); do
      kb=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
      [ "${kb:-0}" -le "$peak" ] || peak=$kb
    done
    sleep 5
  done
  wait "$afl" || { echo "error: afl-fuzz failed; last lines of $findings/afl.log:" >&2; tail -n 20 "$findings/afl.log" >&2; exit 1; }
  echo "$peak" > "$findings/peak-rss-kb"

  stats="$findings/default/fuzzer_stats"
  stat() { awk -F': *' -v k="$1" '$1 ~ "^"k" *$" {print $2}' "$stats"; }
  crashes=$(find "$findings/default/crashes" -name 'id:*' 2>/dev/null | wc -l)
  hangs=$(find "$findings/default/hangs" -name 'id:*' 2>/dev/null | wc -l)
  printf '%s: %s executions in %s s (%s execs/s), %s paths, %s crashes, %s hangs, peak RSS %s MiB\n' \
    "$harness" "$(stat execs_done)" "$(stat run_time)" "$(stat execs_per_sec)" "$(stat corpus_count)" "$crashes" "$hangs" \
    "$(( $(cat "$findings/peak-rss-kb") / 1024 ))"
  if [ "$crashes" -gt 0 ]; then
    dotnet "$out/plain/ArgoSecure.Fuzz.dll" "$harness" "$findings"/default/crashes/id:* | grep -E '^(crash|   at ArgoSecure)' | cut -c1-300 || true
  fi
done
