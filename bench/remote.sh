#!/usr/bin/env bash
# Issue 14's remote cache figures: a second clone of 200 generated decks
# built from a real nginx WebDAV cache on 127.0.0.1, against a cold build of
# the same decks, and the bytes it moves (bench/remote/run.py does the work).
#
# Usage: bench/remote.sh                (a few minutes on 2 cores)
#        REMOTE_QUICK=1 bench/remote.sh  (20 decks: checks the harness)
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ -f /usr/lib/nginx/modules/ngx_http_dav_ext_module.so ] || missing+=(libnginx-mod-http-dav-ext)
. bench/setup.sh
work=$PWD/bench/work/remote
rm -rf "$work"
mkdir -p "$work"
exec "$venv/bin/python" bench/remote/run.py "$PWD" "$bin" "$work" "$PWD/$venv/bin/python"
