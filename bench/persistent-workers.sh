#!/usr/bin/env bash
# Cold builds of N distinct decks (copies of examples/*.pptx, each with its
# own title, so nothing is restored from the cache), OCR off (tesseract taken
# off PATH), builtin describer: one altbuild against another, alternating,
# median wall time of RUNS, then one run of each under `strace -c -f` for the
# process and durability system calls.
#
# Usage: bench/persistent-workers.sh BEFORE_ALTBUILD AFTER_ALTBUILD [RUNS] [SIZES...]
set -euo pipefail
cd "$(dirname "$0")/.."
before=$1 after=$2 runs=${3:-3}
shift $(( $# < 3 ? $# : 3 ))
sizes=${*:-50 200}
work=$PWD/bench/work/workers
rm -rf "$work"
mkdir -p "$work/nobin"
# A PATH with everything in /usr/bin except tesseract.
for tool in /usr/bin/*; do [ "$(basename "$tool")" = tesseract ] || ln -s "$tool" "$work/nobin/"; done

python3 - "$work" $sizes <<'PY'
import glob, os, re, sys, zipfile
work, sizes = sys.argv[1], [int(n) for n in sys.argv[2:]]
examples = sorted(glob.glob("examples/*.pptx"))
for n in sizes:
    out = f"{work}/d{n}/decks"
    os.makedirs(out)
    for i in range(n):
        src = examples[i % len(examples)]
        with zipfile.ZipFile(src) as zin, zipfile.ZipFile(f"{out}/{os.path.basename(src)[:-5]}-{i:04d}.pptx", "w") as zout:
            for item in zin.infolist():
                data = zin.read(item.filename)
                if item.filename == "docProps/core.xml":
                    data = re.sub(rb"</dc:title>", f" copy {i}</dc:title>".encode(), data, count=1)
                zout.writestr(item, data)
PY

cold() {  # binary size jobs -> prints "wall user sys" in seconds
  local dir=$work/d$2
  rm -rf "$dir/.altbuild" "$dir/build"
  ( cd "$dir" && PATH=$work/nobin python3 -c '
import resource, subprocess, sys, time
start = time.monotonic()
out = subprocess.run(sys.argv[1:], capture_output=True, text=True)
assert out.returncode == 0 and " built, 0 restored" in out.stdout, out.stdout + out.stderr
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{time.monotonic() - start:.2f} {usage.ru_utime:.2f} {usage.ru_stime:.2f}")' "$1" build decks -j "$3" --progress none )
}

counts() {  # binary size jobs -> clone execve wait4 fsync
  local dir=$work/d$2
  rm -rf "$dir/.altbuild" "$dir/build"
  ( cd "$dir" && PATH=$work/nobin strace -f -c -o "$work/strace.txt" -e trace=clone,clone3,vfork,execve,wait4,fsync \
      "$1" build decks -j "$3" --progress none -q >/dev/null )
  # strace -c columns: % time, seconds, usecs/call, calls, [errors,] syscall.
  awk '$NF ~ /^(clone|clone3|vfork|execve|wait4|fsync)$/ { n[$NF] = $4 }
       END { printf "clone %d, execve %d, wait4 %d, fsync %d", n["clone"] + n["clone3"] + n["vfork"], n["execve"], n["wait4"], n["fsync"] }' "$work/strace.txt"
}

# The run with the median wall time, as "wall s (user u, sys s)".
median() { sort -n | awk '{ v[NR] = $0 } END { split(v[int((NR + 1) / 2)], f, " "); printf "%s s (user %s, sys %s)", f[1], f[2], f[3] }'; }

echo "| decks | -j | before: wall (user, sys) | after: wall (user, sys) | before: strace -c -f | after: strace -c -f |"
echo "|---|---|---|---|---|---|"
for n in $sizes; do
  for j in 1 2; do
    b=() a=()
    for ((r = 0; r < runs; r++)); do
      b+=("$(cold "$before" "$n" "$j")")
      a+=("$(cold "$after" "$n" "$j")")
    done
    echo "| $n | $j | $(printf '%s\n' "${b[@]}" | median) | $(printf '%s\n' "${a[@]}" | median) | $(counts "$before" "$n" "$j") | $(counts "$after" "$n" "$j") |"
  done
done
