#!/usr/bin/env bash
# No-op build over 1,000 already-built decks: altbuild against ninja doing a
# no-op over a build.ninja with the same 1,000 inputs and outputs, timed side
# by side in one run (alternating, median of many runs).
#
# Usage: bench/noop-vs-ninja.sh [DECKS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
decks=${1:-1000}
runs=${2:-30}
bin=$PWD/.build/release/altbuild
[ -x "$bin" ] && [ -x "$(dirname "$bin")/altbuild-worker" ] || swift build -c release --static-swift-stdlib
command -v ninja >/dev/null || { apt-get install -y -qq ninja-build >/dev/null; }

work=bench/work/noop
rm -rf "$work"
mkdir -p "$work/decks"
# 1,000 decks in 10 folders, copies of the project's own examples.
examples=(examples/*.pptx)
for ((i = 0; i < decks; i++)); do
  dir="$work/decks/team$((i % 10))"
  mkdir -p "$dir"
  cp "${examples[$((i % ${#examples[@]}))]}" "$dir/deck$i.pptx"
done

# The same inputs and outputs for ninja: one edge per deck, with the deck's
# review file (alt-text/<deck>.json, written by altbuild's build) as an
# implicit input, since altbuild stats and keys it too.
( cd "$work" && "$bin" build decks -q >/dev/null )
{
  echo "rule copy"
  echo "  command = cp \$in \$out"
  for f in $(cd "$work" && find decks -name '*.pptx' | sort); do
    echo "build ninja-out/$f: copy $f | alt-text/$f.json"
  done
} > "$work/build.ninja"

( cd "$work" && ninja -f build.ninja >/dev/null )
( cd "$work" && "$bin" build decks | tail -1 && ninja -f build.ninja )

python3 - "$work" "$bin" "$runs" "$decks" <<'PY'
import statistics, subprocess, sys, time
work, binary, runs, decks = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
cmds = {"altbuild": [binary, "build", "decks"], "ninja": ["ninja", "-f", "build.ninja"]}

def noop(name, out):
    """Every timed no-op must really be one."""
    if name == "altbuild":
        assert f"{decks} decks: 0 built, 0 restored from cache, {decks} up to date, 0 failed" in out.stdout, out.stdout + out.stderr
    elif name == "ninja":
        assert "no work to do" in out.stdout, out.stdout

def timed(commands, rounds, check=None):
    """Wall times of each command, alternating them round by round."""
    times = {k: [] for k in commands}
    for _ in range(rounds):
        for name, c in commands.items():
            t = time.perf_counter()
            out = subprocess.run(c, cwd=work, capture_output=True, text=True)
            times[name].append(time.perf_counter() - t)
            if check: check(name, out)
    return times

for _ in range(3):  # warm the page cache
    for c in cmds.values(): subprocess.run(c, cwd=work, stdout=subprocess.DEVNULL)
times = timed(cmds, runs, noop)
a, n = statistics.median(times["altbuild"]), statistics.median(times["ninja"])
print(f"decks={decks} runs={runs}")
print(f"altbuild no-op: median {a*1000:.1f} ms (min {min(times['altbuild'])*1000:.1f} ms)")
print(f"ninja    no-op: median {n*1000:.1f} ms (min {min(times['ninja'])*1000:.1f} ms)")
print(f"ratio altbuild/ninja: {a/n:.2f} (goal: at most 2.00)")

# `check` reads the review files on top of what `status` plans: it is meant
# to cost what `status` costs. Both print a line per deck or problem; both
# exit 1 here (check: unreviewed slots), which is not an error for timing.
# "check (passing)" accepts every state, as a project whose reviews are all
# done would pass: the review files are then scanned, not decoded.
everything = [a for s in ("generated", "needs-review", "placeholder", "missing") for a in ("--allow", s)]
gate_times = timed({"status": [binary, "status", "decks"], "check": [binary, "check", "decks"],
                    "check (passing)": [binary, "check", "decks"] + everything}, max(5, runs // 3))

# The same no-op with an altbuild.toml holding every key (what `altbuild init`
# writes): finding it, reading it with TOMLKit and checking every key.
subprocess.run([binary, "init", "--force"], cwd=work, stdout=subprocess.DEVNULL, check=True)
with_config = timed(cmds, runs, noop)
ac, nc = statistics.median(with_config["altbuild"]), statistics.median(with_config["ninja"])
print(f"with altbuild.toml: altbuild no-op median {ac*1000:.1f} ms, ninja {nc*1000:.1f} ms, ratio {ac/nc:.2f}")
subprocess.run(["rm", "-f", work + "/altbuild.toml"], check=True)

s, c, p = (statistics.median(gate_times[k]) for k in ("status", "check", "check (passing)"))
print(f"status: median {s*1000:.1f} ms; check with problems in every deck: {c*1000:.1f} ms ({c/s:.2f}x status); "
      f"check passing: {p*1000:.1f} ms ({p/s:.2f}x status)")
PY
