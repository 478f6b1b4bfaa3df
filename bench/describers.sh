#!/usr/bin/env bash
# Vision describers against a local fake server that takes 200 ms per request:
#   1. 64 distinct images: --concurrency 8 must be at least 6x faster than --concurrency 1;
#   2. the same 64 images in 10 decks must make exactly 64 requests.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$PWD/.build/release/altbuild
[ -x "$bin" ] && [ -x "$(dirname "$bin")/altbuild-worker" ] || swift build -c release --static-swift-stdlib
python3 -c "import pptx" 2>/dev/null || pip install -q python-pptx
work=$PWD/bench/work/describers
rm -rf "$work"
mkdir -p "$work"
python3 - "$work" <<'PY'
import io, os, struct, sys, zlib
from pptx import Presentation
from pptx.util import Inches
work = sys.argv[1]

def png(n):
    """A 64x64 PNG of one colour per n: 64 distinct images."""
    w = h = 64
    colour = bytes(((n * 37) % 256, (n * 91) % 256, (n * 53) % 256))
    raw = b"".join(b"\x00" + colour * w for _ in range(h))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")

def deck(path, images, name):
    prs = Presentation()
    prs.core_properties.title = name  # makes every deck's bytes distinct
    layout = prs.slide_layouts[5]
    for start in range(0, len(images), 8):
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = f"Photo set {start // 8 + 1}"
        for k, n in enumerate(images[start:start + 8]):
            slide.shapes.add_picture(io.BytesIO(png(n)), Inches(0.3 + (k % 4) * 2.4), Inches(1.6 + (k // 4) * 2.6), Inches(2), Inches(2))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    prs.save(path)

for d in range(8):                      # 8 decks x 8 distinct images = 64
    deck(f"{work}/distinct/deck{d}.pptx", list(range(d * 8, d * 8 + 8)), f"distinct {d}")
for d in range(10):                     # the same 64 images in each of 10 decks
    deck(f"{work}/repeated/deck{d}.pptx", list(range(64)), f"repeated {d}")
PY

start_server() {
  rm -f "$work/requests.jsonl"
  python3 Tests/Fixtures/fake_vlm_server.py --api ollama --delay 0.2 --log "$work/requests.jsonl" --max-seconds 600 > "$work/port" &
  server=$!
  for _ in $(seq 50); do grep -q PORT "$work/port" 2>/dev/null && break; sleep 0.1; done
  port=$(awk '/PORT/{print $2}' "$work/port")
}
posts() { grep -c '"method": "POST"' "$work/requests.jsonl"; }
timed_build() {  # folder concurrency
  local start end
  rm -rf "$work/cache" "$work/.altbuild" "$work/build"
  start=$(date +%s.%N)
  ( cd "$work" && "$bin" build "$1" --describer ollama --endpoint "http://127.0.0.1:$port" --concurrency "$2" -j 8 \
      --cache-dir "$work/cache" --progress none -q > /dev/null )
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.2f}')"
}

start_server
t1=$(timed_build distinct 1); p1=$(posts)
kill $server; start_server
t8=$(timed_build distinct 8); p8=$(posts)
kill $server; start_server
timed_build repeated 8 >/dev/null; prepeat=$(posts)
kill $server
echo "64 distinct images, 200 ms per request: concurrency 1: ${t1}s ($p1 requests); concurrency 8: ${t8}s ($p8 requests)"
python3 -c "r=$t1/$t8; print(f'speed-up: {r:.2f}x (goal: at least 6x)')"
echo "the same 64 images in 10 decks: $prepeat requests (goal: exactly 64)"
