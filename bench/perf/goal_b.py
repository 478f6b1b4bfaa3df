#!/usr/bin/env python3
"""Goal b of issue 13 for two builds of altbuild side by side with the
python-pptx peer: the cold build of run.py's 200 generated decks, `-j 2`,
builtin describer, OCR off, with run.py's own functions. Rounds alternate
(before, after, peer, the first rotating); figures are medians.

    bench/work/venv/bin/python bench/perf/goal_b.py BEFORE AFTER [ROUNDS] [--keep]

BEFORE and AFTER are altbuild executables with their altbuild-worker beside
them; bench/perf.sh makes the venv. --keep moves each run's outputs aside
instead of deleting them before the next: on a filesystem that, like ext4
without a journal, looks at every inode freed in the last 30 s when it
makes a file, deleting thousands just before a timed run inflates the
build's system time (BENCHMARKS.md, "CPU per deck").
"""
import itertools
import os
import shutil
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
args = [a for a in sys.argv[1:] if a != "--keep"]
KEEP = "--keep" in sys.argv[1:]
BEFORE, AFTER = (os.path.abspath(a) for a in args[:2])
ROUNDS = int(args[2]) if len(args) > 2 else 5
WORK = os.path.join(REPO, "bench", "work", "perf")
os.makedirs(WORK, exist_ok=True)
sys.argv = ["run.py", REPO, AFTER, WORK, sys.executable]
sys.path.insert(0, HERE)
import run  # noqa: E402  (reads sys.argv)

trash = os.path.join(REPO, "bench", "work", "perf-trash")
numbers = itertools.count()


def clear(*paths):
    for path in paths:
        if not os.path.exists(path):
            continue
        if KEEP:
            os.makedirs(trash, exist_ok=True)
            os.rename(path, os.path.join(trash, str(next(numbers))))
        else:
            shutil.rmtree(path)


project = run.project_with("cold", run.generated_decks(), run.N_COLD)
outputs = [os.path.join(project, name) for name in (".altbuild", "build", "alt-text")]
peer_out = os.path.join(project, "peer-out")


def build(binary):
    def timed():
        wall, user, system, result = run.run([binary, "build", "decks", "-j", "2", "--progress", "none", "-q"], project)
        counts = run.summary(result)
        assert counts[1] == run.N_COLD and counts[4] == 0, result.stdout + result.stderr
        return wall, user, system, os.getloadavg()[0]
    return (lambda: clear(*outputs), timed)


def peer():
    return run.run([sys.executable, os.path.join(HERE, "peer.py"), "decks", peer_out], project)[:3] + (os.getloadavg()[0],)


times = run.alternate({"before": build(BEFORE), "after": build(AFTER), "peer": (lambda: clear(peer_out), peer)}, ROUNDS)
shutil.rmtree(trash, ignore_errors=True)
for name, samples in times.items():
    def med(index):
        return statistics.median(s[index] for s in samples)
    print(f"{name:6}: median {med(0):.2f} s (user {med(1):.2f} s, sys {med(2):.2f} s); runs "
          + ", ".join(f"{s[0]:.2f}" for s in samples) + "; load " + ", ".join(f"{s[3]:.1f}" for s in samples))
peer_wall = statistics.median(s[0] for s in times["peer"])
for name in ("before", "after", "peer"):
    cpu = statistics.median(s[1] + s[2] for s in times[name])
    ratio = "" if name == "peer" else f"{peer_wall / statistics.median(s[0] for s in times[name]):.2f}x the peer, "
    print(f"{name}: {ratio}CPU {1000 * cpu / run.N_COLD:.1f} ms a deck")
