#!/usr/bin/env bash
# Instructions per deck of a cold build, parent and pool worker apart, under
# valgrind's callgrind: counts that do not move with the machine's load, for
# goal b of issue 13 (BENCHMARKS.md, "CPU per deck").
#
# Usage: bench/perf/callgrind.sh [DECKS] [TOP]
#   DECKS  how many of bench/perf/make_decks.py's decks to build (default 20)
#   TOP    how many functions to list per process, by inclusive count (default 0)
#
# The build is `-j 1` with the builtin describer and Tesseract off PATH, as in
# bench/perf.sh. Valgrind 3.19 cannot read the DWARF 5 of a Swift release
# build, so the binaries are copied with their debug sections stripped (the
# symbol table, which is all a function-level profile needs, stays).
# Start-up is counted with the decks: compare runs of the same DECKS.
set -euo pipefail
cd "$(dirname "$0")/../.."
decks=${1:-20}
top=${2:-0}
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
[ -x .build/release/altbuild ] && [ -x .build/release/altbuild-worker ] || swift build -c release --static-swift-stdlib
venv=bench/work/venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c "import pptx, PIL" 2>/dev/null || "$venv/bin/pip" install -q python-pptx pillow
work=$PWD/bench/work/callgrind
source=$work/decks-$decks
if [ ! -e "$source/complete" ]; then
  rm -rf "$source"
  mkdir -p "$source"
  "$venv/bin/python" bench/perf/make_decks.py decks "$source" "$decks"
  touch "$source/complete"
fi
rm -rf "$work/bin" "$work/project" "$work/path" "$work"/callgrind.*
mkdir -p "$work/bin" "$work/project/decks" "$work/path"
cp .build/release/altbuild .build/release/altbuild-worker "$work/bin/"
strip --strip-debug "$work/bin/altbuild" "$work/bin/altbuild-worker"
cp "$source"/*.pptx "$work/project/decks/"
# OCR off: everything on PATH but tesseract.
IFS=: read -ra folders <<<"$PATH"
for folder in "${folders[@]}"; do
  [ -d "$folder" ] || continue
  for program in "$folder"/*; do
    name=${program##*/}
    [ "$name" = tesseract ] || [ -e "$work/path/$name" ] || ln -s "$program" "$work/path/$name"
  done
done
(cd "$work/project" && PATH=$work/path valgrind --tool=callgrind --trace-children=yes \
  --callgrind-out-file="$work/callgrind.%p" "$work/bin/altbuild" build decks -j 1 --progress none -q 2>"$work/valgrind.log")
for file in "$work"/callgrind.*; do
  command=$(sed -n 's/^cmd: *//p' "$file" | head -1)
  total=$(sed -n 's/^totals: *//p' "$file" | head -1)
  case "$command" in
    *altbuild-worker*) role=worker ;;
    *) role=parent ;;
  esac
  printf '%-7s %15s instructions, %6.1f M a deck  (%s)\n' "$role" "$total" "$(echo "$total / $decks / 1000000" | bc -l)" "$command"
  if [ "$top" -gt 0 ]; then
    callgrind_annotate --inclusive=yes "$file" 2>/dev/null | grep -E '^ *[0-9,]+ \(' | sed 1d \
      | grep -vE "'2 |swift_task_switch|swift_job_run|runJob|_dispatch|__swift_run_job|jobInvoke|start_thread|libc_start|below main|ld-linux|_main " \
      | head -n "$top" | swift demangle --simplified | cut -c1-160
  fi
done
