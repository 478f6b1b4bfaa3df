#!/usr/bin/env bash
# The hostile corpus (scripts/hostile_corpus.py) built in one batch with the
# release binary: wall time, the parent's peak RSS (from the build log's end
# line) and the largest worker's peak RSS (getrusage of the children, from
# GNU time). Goal: the parent stays under 100 MB whatever the decks hold.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$PWD/.build/release/altbuild
[ -x "$bin" ] && [ -x "$(dirname "$bin")/altbuild-worker" ] || swift build -c release --static-swift-stdlib
work=bench/work/hostile
rm -rf "$work"
mkdir -p "$work"
python3 scripts/hostile_corpus.py "$work/hostile" >/dev/null 2>&1
rm -f "$work/hostile/expected.json"
cases=$(ls "$work/hostile" | wc -l)
start=$(date +%s.%N)
( cd "$work" && /usr/bin/time -f "%M" -o time.txt "$bin" build hostile -j 2 --progress none -q >/dev/null 2>&1 ) || true
end=$(date +%s.%N)
log=$(ls "$work/.altbuild/logs/"*.jsonl | tail -1)
parent=$(grep '"event": "end"' "$log" | sed 's/.*"peak_rss_kib": "\([0-9]*\)".*/\1/')
failed=$(grep '"event": "end"' "$log" | sed 's/.*"failed": "\([0-9]*\)".*/\1/')
largest=$(tail -1 "$work/time.txt")
python3 -c "print(f'hostile corpus: $cases decks, $failed refused, {($end - $start):.2f} s; parent peak RSS $parent KiB (goal under 102400); largest process peak RSS $largest KiB')"
