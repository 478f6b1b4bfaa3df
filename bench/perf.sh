#!/usr/bin/env bash
# Issue 13's goals a-i in one run, side by side with their peers: ninja, a
# python-pptx script, dd, the input bytes, a 10-deck build, the distinct
# images. Timed commands alternate round by round; figures are medians.
# Every figure printed comes from this run (bench/perf/run.py does the work;
# bench/perf/RESULTS-before.md is one run's output with notes).
#
# Usage: bench/perf.sh            (about 10 minutes on 2 cores)
#        PERF_ONLY=d,f bench/perf.sh  (only those goals; s: the strace counts)
#        PERF_QUICK=1 bench/perf.sh   (small sizes: checks the harness)
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v ninja >/dev/null || missing+=(ninja-build)
command -v strace >/dev/null || missing+=(strace)
[ -x /usr/bin/time ] || missing+=(time)
. bench/setup.sh
work=$PWD/bench/work/perf
rm -rf "$work"
mkdir -p "$work"
exec "$venv/bin/python" bench/perf/run.py "$PWD" "$bin" "$work" "$PWD/$venv/bin/python"
