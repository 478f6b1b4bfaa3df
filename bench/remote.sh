#!/usr/bin/env bash
# Issue 14's remote cache figures: a second clone of 200 generated decks
# built from a real nginx WebDAV cache on 127.0.0.1, against a cold build of
# the same decks, and the bytes it moves (bench/remote/run.py does the work).
#
# Usage: bench/remote.sh                (a few minutes on 2 cores)
#        REMOTE_QUICK=1 bench/remote.sh  (20 decks: checks the harness)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$PWD/.build/release/altbuild
[ -x "$bin" ] && [ -x "$(dirname "$bin")/altbuild-worker" ] || swift build -c release --static-swift-stdlib
missing=()
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ -f /usr/lib/nginx/modules/ngx_http_dav_ext_module.so ] || missing+=(libnginx-mod-http-dav-ext)
python3 -c "import ensurepip" 2>/dev/null || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
venv=bench/work/venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c "import pptx, PIL" 2>/dev/null || "$venv/bin/pip" install -q python-pptx pillow
work=$PWD/bench/work/remote
rm -rf "$work"
mkdir -p "$work"
exec "$venv/bin/python" bench/remote/run.py "$PWD" "$bin" "$work" "$PWD/$venv/bin/python"
