#!/usr/bin/env bash
# Two altbuild builds' no-op over the same 1,000 decks, timed side by side
# (alternating, with ninja as the yardstick): does a change make the no-op
# slower? Each binary keeps its own copy of the project, since their state
# formats may differ.
#
# Usage: bench/noop-side-by-side.sh OLD_ALTBUILD NEW_ALTBUILD [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
old=$(realpath "$1"); new=$(realpath "$2"); runs=${3:-30}
command -v ninja >/dev/null || apt-get install -y -qq ninja-build >/dev/null
work=bench/work/side-by-side
rm -rf "$work"
examples=(examples/*.pptx)
for side in old new; do
  mkdir -p "$work/$side/decks"
  for ((i = 0; i < 1000; i++)); do
    dir="$work/$side/decks/team$((i % 10))"
    mkdir -p "$dir"
    cp "${examples[$((i % ${#examples[@]}))]}" "$dir/deck$i.pptx"
  done
done
( cd "$work/old" && "$old" build decks -q >/dev/null )
( cd "$work/new" && "$new" build decks -q >/dev/null )
{
  echo "rule copy"
  echo "  command = cp \$in \$out"
  for f in $(cd "$work/new" && find decks -name '*.pptx' | sort); do echo "build ninja-out/$f: copy $f"; done
} > "$work/new/build.ninja"
( cd "$work/new" && ninja -f build.ninja >/dev/null )
python3 - "$work" "$old" "$new" "$runs" <<'PY'
import statistics, subprocess, sys, time
work, old, new, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
cmds = {"old": ([old, "build", "decks"], work + "/old"), "new": ([new, "build", "decks"], work + "/new"),
        "ninja": (["ninja", "-f", "build.ninja"], work + "/new")}
times = {k: [] for k in cmds}
for _ in range(3):
    for c, d in cmds.values(): subprocess.run(c, cwd=d, stdout=subprocess.DEVNULL)
for _ in range(runs):
    for name, (c, d) in cmds.items():
        t = time.perf_counter()
        out = subprocess.run(c, cwd=d, capture_output=True, text=True)
        times[name].append(time.perf_counter() - t)
        ok = "no work to do" in out.stdout if name == "ninja" else "1000 up to date, 0 failed" in out.stdout
        assert ok, (name, out.stdout)
m = {k: statistics.median(v) for k, v in times.items()}
for k in cmds: print(f"{k:5} no-op: median {m[k]*1000:.1f} ms (min {min(times[k])*1000:.1f} ms), ratio to ninja {m[k]/m['ninja']:.2f}")
print(f"new/old: {m['new']/m['old']:.3f}")
PY
