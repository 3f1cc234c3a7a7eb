#!/usr/bin/env bash
# Time and peak memory of `argosecure audit` on hostile inputs (issue 12's done-when: each under 5 s and 500 MB,
# exit code 2, a message naming the file, the limit and the option). Prints one line per input.
#
#   benchmarks/hostile/run.sh            inputs are written to ${TMPDIR:-/tmp}/argosecure-hostile
#
# Needs GNU time (/usr/bin/time) and python3 (to write the inputs).
set -euo pipefail
cd "$(dirname "$0")/../.."
work=${TMPDIR:-/tmp}/argosecure-hostile
rm -rf "$work"
mkdir -p "$work"

dotnet build src/ArgoSecure.Cli -c Release -v q --nologo >/dev/null
cli=src/ArgoSecure.Cli/bin/Release/net8.0/ArgoSecure.Cli.dll

python3 - "$work" <<'PY'
import os, sys
work = sys.argv[1]
def write(name, text):
    with open(os.path.join(work, name), "w") as f:
        f.write(text)
# Billion laughs: nine levels of nine aliases (9^9 scalars once expanded), 13 lines.
levels = ["  a: &a [" + ",".join(['"lol"'] * 9) + "]"]
for i in range(1, 9):
    c, p = chr(ord("a") + i), chr(ord("a") + i - 1)
    levels.append(f"  {c}: &{c} [" + ",".join([f"*{p}"] * 9) + "]")
write("alias-bomb.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n" + "\n".join(levels) + "\n")
write("values-bomb.yaml", "controller:\n" + "\n".join(levels) + "\n")
# A million levels of nested lists (2 MB).
write("deep.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n  x: " + "[" * 1_000_000 + "]" * 1_000_000 + "\n")
# 3 million values in one 15 MB document: under the file-size limit, over the YAML-values limit.
write("many-values.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: many}\ndata:\n  x: [" + ",".join(["1"] * 3_000_000) + "]\n")
# 1 GiB of YAML (a sparse file would do for the size check; this one is real text).
line = b"# padding padding padding padding padding padding padding padding padding padding padding padding\n"
with open(os.path.join(work, "huge.yaml"), "wb") as f:
    block = line * ((1 << 20) // len(line))
    written = 0
    while written < (1 << 30):
        f.write(block)
        written += len(block)
# A folder with a link to its parent, beside a real manifest.
os.makedirs(os.path.join(work, "cycle", "sub"))
write("cycle/sub/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n")
os.symlink("..", os.path.join(work, "cycle", "sub", "up"))
PY

printf '%-34s %4s %8s %9s  %s\n' input exit seconds "peak MiB" "first message"
run() {
  local name=$1
  shift
  set +e
  /usr/bin/time -f '%e %M' -o "$work/time" dotnet "$cli" audit "$@" >"$work/out" 2>"$work/err" </dev/null
  local code=$?
  set -e
  read -r seconds kb < <(tail -n 1 "$work/time")
  printf '%-34s %4s %8s %9s  %s\n' "$name" "$code" "$seconds" "$((kb / 1024))" "$(grep -m1 -E '^audit: (refused|cannot)' "$work/err" | cut -c1-150)"
}
run "alias bomb (13 lines)" "$work/alias-bomb.yaml"
run "alias bomb as --helm-values" --helm-values "$work/values-bomb.yaml"
run "deep document (1,000,000 levels)" "$work/deep.yaml"
run "many values (3,000,000 in 6 MB)" "$work/many-values.yaml"
run "huge document (1 GiB)" "$work/huge.yaml"
[ -e /dev/zero ] && run "endless input (/dev/zero)" /dev/zero
run "link cycle (folder -> parent)" "$work/cycle"
rm -rf "$work"
