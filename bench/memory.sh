#!/usr/bin/env bash
# Peak RSS of the parent altbuild process building 15 and 150 distinct decks
# (each deck built for real in its workers). Goal: the 150-deck run stays
# within 20% of the 15-deck run. The figure comes from the build log's end
# marker (getrusage of the parent; workers are separate processes).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$PWD/.build/release/altbuild
[ -x "$bin" ] && [ -x "$(dirname "$bin")/altbuild-worker" ] || swift build -c release --static-swift-stdlib
work=bench/work/memory
rm -rf "$work"
mkdir -p "$work"
python3 - "$work" <<'PY'
import sys, zipfile, glob, os
work = sys.argv[1]
examples = sorted(glob.glob("examples/*.pptx"))
for count in (15, 150):
    folder = os.path.join(work, f"p{count}", "decks")
    os.makedirs(folder)
    for i in range(count):
        source = examples[i % len(examples)]
        target = os.path.join(folder, f"deck{i:03d}.pptx")
        with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                zout.writestr(item, zin.read(item.filename))
            # A small extra part makes every deck's bytes distinct, so each is really built.
            zout.writestr("docProps/bench.txt", f"deck {i}")
PY
for count in 15 150; do
  ( cd "$work/p$count" && "$bin" build decks --progress none -q >/dev/null )
  log=$(ls "$work/p$count/.altbuild/logs/"*.jsonl | tail -1)
  rss=$(grep '"event": "end"' "$log" | sed 's/.*"peak_rss_kib": "\([0-9]*\)".*/\1/')
  built=$(grep '"event": "end"' "$log" | sed 's/.*"built": "\([0-9]*\)".*/\1/')
  echo "decks=$count built=$built peak_rss_kib=$rss"
  eval "rss$count=$rss"
done
python3 -c "import sys; a,b=$rss15,$rss150; print(f'ratio 150/15: {b/a:.3f} (goal: at most 1.20)')"
