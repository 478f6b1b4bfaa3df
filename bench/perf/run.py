#!/usr/bin/env python3
"""The measurements of issue 13's goals a-i, run by bench/perf.sh (which
builds altbuild, makes the venv and passes the paths). Every figure printed
comes from this run. Timed commands alternate round by round; a goal's
figure is the median of its rounds.

    run.py REPO ALTBUILD WORK VENV_PYTHON

PERF_QUICK=1 uses smaller sizes, for a quick check of the harness itself.
"""
import concurrent.futures
import glob
import hashlib
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
import zipfile

from no_ocr import no_ocr_path

REPO, ALTBUILD, WORK, PY = sys.argv[1:5]
HERE = os.path.join(REPO, "bench", "perf")
WORKER = os.path.join(os.path.dirname(ALTBUILD), "altbuild-worker")
QUICK = os.environ.get("PERF_QUICK", "") not in ("", "0")

if QUICK:
    N_COLD, N_NOOP, N_SMALL, N_STRACE = 40, 200, 10, 20
    BIG_D, BIG_F = 20_000_000, 200_000_000
    RUNS_COLD, RUNS_NOOP, RUNS_BIG, RUNS_EDIT, RUNS_SMALL = 3, 5, 3, 3, 3
else:
    N_COLD, N_NOOP, N_SMALL, N_STRACE = 200, 1000, 10, 50
    BIG_D, BIG_F = 100_000_000, 1_000_000_000
    RUNS_COLD, RUNS_NOOP, RUNS_BIG, RUNS_EDIT, RUNS_SMALL = 3, 7, 3, 5, 3

CORPUS = os.environ.get("PERF_CORPUS", os.path.join(os.path.dirname(REPO), "shared", "corpus"))
DECK_EXTENSIONS = (".pptx", ".pptm", ".ppsx", ".potx")
SUMMARY = re.compile(r"(\d+) decks: (\d+) built, (\d+) restored from cache, (\d+) up to date, (\d+) failed")
MB = 1_000_000


def say(text=""):
    print(text, flush=True)


def section(text):
    say(f"\n== {text} [load average {os.getloadavg()[0]:.2f}]")


def fmt_s(seconds):
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def fmt_mb(nbytes):
    return f"{nbytes / MB:,.1f} MB"


# ---------------------------------------------------------------- environment

ENV = {k: v for k, v in os.environ.items()
       if k not in ("ALTBUILD_CACHE_DIR", "ALTBUILD_WORKER", "ALTBUILD_WORKER_FAULT", "GITHUB_ACTIONS")}
ENV["PATH"] = no_ocr_path(WORK)


def run(cmd, cwd, env=None, check=True):
    """Runs cmd; returns (wall seconds, user, sys of it and its waited children, result)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, env=env or ENV, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if check and result.returncode != 0:
        raise SystemExit(f"failed ({result.returncode}): {' '.join(cmd)} in {cwd}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return wall, after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime, result


def summary(result):
    """(decks, built, restored, up to date, failed) from the summary line."""
    match = SUMMARY.search(result.stdout)
    assert match, result.stdout + result.stderr
    return tuple(int(g) for g in match.groups())


def altbuild(project, *args, env=None, expect_built=None, expect_up_to_date=None, check=True):
    wall, user, system, result = run([ALTBUILD, "build", *args, "--progress", "none", "-q"], project, env, check)
    counts = summary(result)
    if expect_built is not None:
        assert counts[1] == expect_built and counts[4] == 0, (project, args, result.stdout, result.stderr)
    if expect_up_to_date is not None:
        assert counts[3] == expect_up_to_date and counts[1] == 0, (project, args, result.stdout, result.stderr)
    return wall, user, system, result


def fresh(project):
    for name in (".altbuild", "build", "alt-text"):
        shutil.rmtree(os.path.join(project, name), ignore_errors=True)


def last_log_end(project):
    """The end marker of the newest build log: the parent's peak RSS (getrusage of itself)."""
    logs = sorted(glob.glob(os.path.join(project, ".altbuild", "logs", "*.jsonl")))
    for line in reversed(open(logs[-1], encoding="utf-8").read().splitlines()):
        record = json.loads(line)
        if record.get("event") == "end":
            return record
    raise SystemExit(f"no end marker in {logs[-1]}")


def du(path):
    out = subprocess.run(["du", "-sb", path], capture_output=True, text=True, check=True).stdout
    return int(out.split()[0])


def altbuild_folder_sizes(project):
    """du of each part of a project's .altbuild (the cache's folders one level down)."""
    base = os.path.join(project, ".altbuild")
    parts = []
    for name in sorted(os.listdir(base)):
        path = os.path.join(base, name)
        if name == "cache":
            for sub in sorted(os.listdir(path)):
                inner = os.path.join(path, sub)
                if sub == "actions":
                    parts += [(f"cache/actions/{a}", du(os.path.join(inner, a))) for a in sorted(os.listdir(inner))]
                else:
                    parts.append((f"cache/{sub}", du(inner)))
        else:
            parts.append((name, du(path)))
    objects = os.path.join(base, "cache", "objects")
    count = sum(len(files) for _, _, files in os.walk(objects))
    return ", ".join(f"{name} {fmt_mb(size)}" for name, size in parts if size >= 10_000) + f" ({count:,} objects)"


def deck_bytes(folder):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, names in os.walk(folder)
               for f in names if f.endswith(DECK_EXTENSIONS))


def alternate(commands, rounds):
    """{name: [(wall, user, sys), ...]}: every round runs each command once, the
    starting command rotating from round to round. A command is (prepare, timed):
    prepare() is not timed; timed() returns (wall, user, sys)."""
    names = list(commands)
    times = {n: [] for n in names}
    for r in range(rounds):
        for n in names[r % len(names):] + names[:r % len(names)]:
            prepare, timed = commands[n]
            if prepare:
                prepare()
            times[n].append(timed())
    return times


def med(samples, index=0):
    return statistics.median(s[index] for s in samples)


# ---------------------------------------------------------------- decks

def generated_decks():
    """N_NOOP decks made by make_decks.py, in a folder keyed by the generator's
    text, so a re-run reuses them (decks are inputs, not figures)."""
    key = hashlib.sha256(open(os.path.join(HERE, "make_decks.py"), "rb").read()).hexdigest()[:12]
    folder = os.path.join(os.path.dirname(WORK), "perf-decks", f"{key}-{N_NOOP}")
    if os.path.exists(os.path.join(folder, "complete")):
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    half = N_NOOP // 2
    start = time.perf_counter()
    procs = [subprocess.Popen([PY, os.path.join(HERE, "make_decks.py"), "decks", folder, str(n), "--first", str(first)])
             for first, n in ((0, half), (half, N_NOOP - half))]
    assert all(p.wait() == 0 for p in procs)
    open(os.path.join(folder, "complete"), "w").close()
    say(f"generated {N_NOOP} decks ({fmt_mb(deck_bytes(folder))}) in {time.perf_counter() - start:.1f} s")
    return folder


def project_with(name, gen, count, teams=0):
    """A project folder whose decks/ holds the first `count` generated decks,
    in `teams` subfolders (0: flat)."""
    project = os.path.join(WORK, name)
    shutil.rmtree(project, ignore_errors=True)
    for n in range(count):
        sub = os.path.join(project, "decks", f"team{n % teams}" if teams else "")
        os.makedirs(sub, exist_ok=True)
        shutil.copyfile(os.path.join(gen, f"deck{n:04d}.pptx"), os.path.join(sub, f"deck{n:04d}.pptx"))
    return project


def big_deck(project, size):
    os.makedirs(os.path.join(project, "decks"), exist_ok=True)
    path = os.path.join(project, "decks", "big.pptx")
    subprocess.run([PY, os.path.join(HERE, "make_decks.py"), "big", path, str(size)], check=True)
    return path


# ---------------------------------------------------------------- goals

rows = []      # (id, measure, peer, altbuild, ratio, goal, met)
notes = []     # lines printed after the table


def row(goal_id, measure, peer, ours, ratio, goal, met):
    rows.append((goal_id, measure, peer, ours, ratio, goal, "yes" if met else "**no**"))
    say(f"  -> {goal_id}: peer {peer}; altbuild {ours}; {ratio} (goal {goal}): {'met' if met else 'NOT met'}")


def goals_b_c_e(gen):
    section(f"b, c, e: cold build of {N_COLD} generated decks, builtin describer, OCR off; {RUNS_COLD} alternating rounds")
    project = project_with("cold", gen, N_COLD)
    inputs = deck_bytes(os.path.join(project, "decks"))
    slides = 0
    for name in os.listdir(os.path.join(project, "decks")):
        with zipfile.ZipFile(os.path.join(project, "decks", name)) as z:
            slides += sum(1 for n in z.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n))
    say(f"{N_COLD} decks, {slides} slides, {fmt_mb(inputs)}")
    sizes = []

    def cold(jobs):
        def timed():
            t = altbuild(project, "decks", "-j", str(jobs), expect_built=N_COLD)
            sizes.append((jobs, du(os.path.join(project, ".altbuild")), du(os.path.join(project, "build"))))
            return t[:3]
        return (lambda: fresh(project), timed)

    peer_out = os.path.join(project, "peer-out")
    peer = (lambda: shutil.rmtree(peer_out, ignore_errors=True),
            lambda: run([PY, os.path.join(HERE, "peer.py"), "decks", peer_out], project)[:3])
    times = alternate({"-j 2": cold(2), "-j 1": cold(1), "peer": peer}, RUNS_COLD)
    for name, samples in times.items():
        say(f"{name:5}: median {med(samples):.2f} s (runs {', '.join(f'{s[0]:.2f}' for s in samples)}); "
            f"user {med(samples, 1):.2f} s, sys {med(samples, 2):.2f} s")
    j2, j1, p = med(times["-j 2"]), med(times["-j 1"]), med(times["peer"])
    row("b", f"cold build, {N_COLD} decks ({slides} slides), `-j 2`, OCR off", f"python-pptx script {p:.2f} s",
        f"{j2:.2f} s", f"{p / j2:.2f}× (peer ÷ altbuild)", "≥ 10×", p / j2 >= 10)
    row("c", "the same cold build, `-j 2` against `-j 1`", f"`-j 1` {j1:.2f} s", f"`-j 2` {j2:.2f} s",
        f"{j1 / j2:.2f}×", "≥ 1.8×", j1 / j2 >= 1.8)
    cpu = {k: (med(v, 1), med(v, 2)) for k, v in times.items()}
    ours_cpu = sum(cpu["-j 2"])
    peer_cpu = sum(cpu["peer"])
    notes.append(f"b: CPU per deck: altbuild {1000 * ours_cpu / N_COLD:.0f} ms (user + sys, parent and workers), "
                 f"the peer {1000 * peer_cpu / N_COLD:.0f} ms. Even if nothing waited (no fsync, no process start-up "
                 f"latency, both cores busy throughout), altbuild `-j 2` would need {ours_cpu / 2:.2f} s against the peer's "
                 f"{peer_cpu:.2f} s of CPU: at best {peer_cpu / (ours_cpu / 2):.2f}× as fast, by CPU alone")
    notes.append(f"b/c CPU (median user / sys, altbuild and its workers): -j 2 {cpu['-j 2'][0]:.2f} / {cpu['-j 2'][1]:.2f} s, "
                 f"-j 1 {cpu['-j 1'][0]:.2f} / {cpu['-j 1'][1]:.2f} s, peer {cpu['peer'][0]:.2f} / {cpu['peer'][1]:.2f} s; "
                 f"wall -j 2 {j2:.2f} s, -j 1 {j1:.2f} s, peer {p:.2f} s")
    cache = statistics.median(s[1] for s in sizes if s[0] == 2)
    out = statistics.median(s[2] for s in sizes if s[0] == 2)
    notes.append(f"e: what `.altbuild` holds after (b) ({fmt_mb(cache)}; the input decks {fmt_mb(inputs)}, `build/` {fmt_mb(out)}): "
                 + altbuild_folder_sizes(project))
    row("e", f"`.altbuild` after (b) (`build/` is {fmt_mb(out)})", f"input {fmt_mb(inputs)}", fmt_mb(cache),
        f"{100 * cache / inputs:.0f}%", "≤ 15%", cache / inputs <= 0.15)
    return project


def goal_e_corpus():
    section(f"e: the shared corpus ({CORPUS})")
    if not os.path.isdir(CORPUS):
        rows.append(("e", "`.altbuild` after building ../shared/corpus/", "n/a (no corpus)", "n/a (no corpus)", "n/a", "≤ 15%", "n/a"))
        say("  -> e: n/a (no corpus)")
        return
    project = os.path.join(WORK, "corpus")
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(CORPUS, os.path.join(project, "decks"))
    subprocess.run(["chmod", "-R", "u+w", project], check=True)
    inputs = deck_bytes(os.path.join(project, "decks"))
    wall, _, _, result = altbuild(project, "decks", "-j", "2", check=False)
    decks, built, restored, _, failed = summary(result)
    cache = du(os.path.join(project, ".altbuild"))
    out = du(os.path.join(project, "build")) if os.path.isdir(os.path.join(project, "build")) else 0
    say(f"{decks} decks ({fmt_mb(inputs)}): {built} built, {restored} restored from cache, {failed} failed, {wall:.2f} s; .altbuild {fmt_mb(cache)}, build/ {fmt_mb(out)}")
    for line in result.stderr.splitlines()[:10]:
        say(f"  {line[:200]}")
    row("e", f"`.altbuild` after building ../shared/corpus/ ({decks} decks, {failed} failed)", f"input {fmt_mb(inputs)}",
        fmt_mb(cache), f"{100 * cache / inputs:.0f}%", "≤ 15%", cache / inputs <= 0.15)


def strace_steps(project, flags):
    """One more build of the big deck under strace: a timeline of the
    moments that mark its steps (who opens the deck, the worker's output
    being written and moved, syncs), each with the time since the one
    before, so the gaps say where the time goes."""
    fresh(project)
    trace = os.path.join(project, "steps.strace")
    run(["strace", "-f", "--seccomp-bpf", "-ttt", "-e", "trace=execve,exit_group,openat,rename,fsync,syncfs",
         "-e", "signal=none", "-o", trace, ALTBUILD, "build", "decks", *flags, "--progress", "none", "-q"], project)
    events = []
    for line in open(trace, encoding="utf-8", errors="replace"):
        parts = line.split(None, 2)
        if len(parts) == 3 and parts[0].isdigit():
            events.append((int(parts[0]), float(parts[1]), parts[2]))
    # The parent's threads have pids of their own under strace -f: a worker is a pid that ran altbuild-worker.
    workers = {pid for pid, _, text in events if text.startswith("execve(") and "altbuild-worker" in text}
    start, end = events[0][1], events[-1][1]
    marks, last = [], start
    for pid, t, text in events:
        who = "worker" if pid in workers else "parent"
        label = None
        if text.startswith("execve(") and "altbuild-worker" in text:
            label = "worker started"
        elif text.startswith("openat(") and 'decks/big.pptx"' in text:
            label = f"{who} opens the deck"
        elif text.startswith("openat(") and ".unchecked" in text and "O_CREAT" in text:
            label = f"{who} starts writing the new deck"
        elif text.startswith("rename(") and ".unchecked" in text:
            label = f"{who} has checked the new deck"
        elif text.startswith("rename(") and '"build/' in text:
            label = f"{who} moves it into build/"
        elif text.startswith("fsync(") or text.startswith("syncfs("):
            label = f"{who} {text.split('(')[0]}"
        if label:
            marks.append((label, last, t))
            last = t
    marks.append(("review file, state, finish", last, end))
    fsyncs = sum(1 for _, _, text in events if text.startswith("fsync("))
    return marks, end - start, fsyncs


def goal_d():
    section(f"d: one {fmt_mb(BIG_D)} deck, one picture slot described (--fallback context), against dd conv=fsync; {RUNS_BIG} rounds")
    project = os.path.join(WORK, "big")
    shutil.rmtree(project, ignore_errors=True)
    deck = big_deck(project, BIG_D)
    size = os.path.getsize(deck)
    flags = ["--fallback", "context"]
    dd_out = os.path.join(project, "dd.out")

    def ours():
        return altbuild(project, "decks", *flags, expect_built=1)[:3]

    times = alternate({
        "altbuild": (lambda: fresh(project), ours),
        "dd": (lambda: os.path.exists(dd_out) and os.unlink(dd_out),
               lambda: run(["dd", f"if={deck}", f"of={dd_out}", "bs=1M", "conv=fsync", "status=none"], project)[:3]),
    }, RUNS_BIG)
    for name, samples in times.items():
        say(f"{name:8}: median {med(samples):.3f} s (runs {', '.join(f'{s[0]:.3f}' for s in samples)}); "
            f"user {med(samples, 1):.2f} s, sys {med(samples, 2):.2f} s")
    text = json.load(open(os.path.join(project, "alt-text", "decks", "big.pptx.json")))["slots"]
    assert len(text) == 1 and text[0].get("text"), text
    rss = int(last_log_end(project)["peak_rss_kib"])
    a, d = med(times["altbuild"]), med(times["dd"])
    row("d", f"one {fmt_mb(size)} deck, one picture slot described, output fsynced", f"`dd … conv=fsync` {fmt_s(d)}",
        fmt_s(a), f"{a / d:.1f}×", "≤ 2.5×", a / d <= 2.5)
    marks, total, fsyncs = strace_steps(project, flags)
    notes.append(f"d: where the {fmt_mb(size)} deck's {fmt_s(total)} go (one more build under `strace -f -ttt`, "
                 f"{fsyncs} fsyncs; parent peak RSS {rss:,} KiB); each moment with the time since the one before:")
    for label, t0, t1 in marks:
        notes.append(f"    {label}: +{fmt_s(t1 - t0)}")
    shutil.rmtree(project, ignore_errors=True)


def goal_f():
    section(f"f: peak RSS building one {fmt_mb(BIG_F)} deck (one picture slot, --fallback context, -j 1)")
    project = os.path.join(WORK, "huge")
    shutil.rmtree(project, ignore_errors=True)
    deck = big_deck(project, BIG_F)
    size = os.path.getsize(deck)
    with zipfile.ZipFile(deck) as z:
        largest = max(i.file_size for i in z.infolist())
    worker_log = os.path.join(project, "worker-rss.txt")
    env = dict(ENV, ALTBUILD_WORKER=os.path.join(HERE, "worker-rss.sh"), PERF_REAL_WORKER=WORKER,
               PERF_WORKER_RSS_LOG=worker_log)
    wall, user, system, result = run(["/usr/bin/time", "-f", "%M", "-o", os.path.join(project, "time.txt"),
                                      ALTBUILD, "build", "decks", "--fallback", "context", "-j", "1", "--progress", "none"],
                                     project, env, check=False)
    counts = summary(result)
    end = last_log_end(project)
    parent = int(end["peak_rss_kib"]) * 1024
    workers = [(int(l.split()[0]) * 1024, l.split()[1]) for l in open(worker_log) if l.strip() and l.split()[0].isdigit()]
    worker = max(w for w, _ in workers) if workers else 0
    say(f"deck {size:,} bytes (largest entry {largest:,} bytes; altbuild reads at most 1 GiB a deck and 512 MiB an entry, "
        f"not configurable); exit {result.returncode}, {counts[1]} built, {counts[4]} failed, {wall:.1f} s "
        f"(user {user:.1f} s, sys {system:.1f} s)")
    say(f"parent peak RSS {parent // 1024:,} KiB; workers: " + ", ".join(f"{kind} {w // 1024:,} KiB" for w, kind in workers))
    if result.returncode != 0:
        say("stderr: " + result.stderr.strip()[-600:])
    status = "built" if counts[1] == 1 else f"failed: {result.stderr.strip()[-200:]}"
    notes.append(f"f: the {fmt_mb(size)} deck was {status} in {wall:.1f} s (user {user:.1f} s, sys {system:.1f} s); "
                 f"worker peaks: " + ", ".join(f"{kind} {w / MB:,.0f} MB" for w, kind in workers))
    limit = 200 * MB
    row("f", f"peak RSS of the parent, one {fmt_mb(size)} deck", "—", fmt_mb(parent), "—", "≤ 200 MB", parent <= limit)
    row("f", f"peak RSS of the largest worker, the same deck", "—", fmt_mb(worker), "—", "≤ 200 MB",
        0 < worker <= limit and counts[1] == 1)
    shutil.rmtree(project, ignore_errors=True)


def goals_h_a_g(gen):
    section(f"h: parent peak RSS, cold build of {N_NOOP} decks against {N_SMALL} decks (-j 2)")
    project = project_with("noop", gen, N_NOOP, teams=10)
    small = project_with("small", gen, N_SMALL, teams=0)
    wall, user, system, _ = altbuild(project, "decks", "-j", "2", expect_built=N_NOOP)
    big_rss = int(last_log_end(project)["peak_rss_kib"])
    say(f"{N_NOOP} decks: {wall:.1f} s (user {user:.1f} s, sys {system:.1f} s), parent peak RSS {big_rss:,} KiB")
    small_rss = []
    for _ in range(RUNS_SMALL):
        fresh(small)
        altbuild(small, "decks", "-j", "2", expect_built=N_SMALL)
        small_rss.append(int(last_log_end(small)["peak_rss_kib"]))
    s = statistics.median(small_rss)
    say(f"{N_SMALL} decks: parent peak RSS {', '.join(f'{x:,}' for x in small_rss)} KiB")
    row("h", f"parent peak RSS, cold build of {N_NOOP:,} decks against {N_SMALL}", f"{N_SMALL} decks {s:,.0f} KiB",
        f"{big_rss:,} KiB", f"{big_rss / s:.2f}×", "≤ 1.2×", big_rss / s <= 1.2)

    section(f"a: no-op over the {N_NOOP} built decks against ninja; {RUNS_NOOP} alternating rounds")
    decks = sorted(os.path.relpath(os.path.join(d, f), project) for d, _, names in os.walk(os.path.join(project, "decks"))
                   for f in names if f.endswith(".pptx"))
    with open(os.path.join(project, "build.ninja"), "w") as f:
        f.write("rule copy\n  command = cp $in $out\n")
        for deck in decks:  # the review file is an input of altbuild's target too
            f.write(f"build ninja-out/{deck}: copy {deck} | alt-text/{deck}.json\n")
    run(["ninja", "-f", "build.ninja"], project, dict(os.environ))

    def noop_altbuild():
        return altbuild(project, "decks", expect_up_to_date=N_NOOP)[:3]

    def noop_ninja():
        wall, user, system, result = run(["ninja", "-f", "build.ninja"], project, dict(os.environ))
        assert "no work to do" in result.stdout, result.stdout
        return wall, user, system

    for _ in range(2):  # warm the page cache; the first no-op after a build may re-hash racily clean decks
        run([ALTBUILD, "build", "decks", "-q"], project)
        noop_ninja()
    times = alternate({"altbuild": (None, noop_altbuild), "ninja": (None, noop_ninja),
                       "altbuild --version": (None, lambda: run([ALTBUILD, "--version"], project)[:3])}, RUNS_NOOP)
    a, n = med(times["altbuild"]), med(times["ninja"])
    version = med(times["altbuild --version"])
    ours_calls, _, _ = strace_c([ALTBUILD, "build", "decks", "-q"], project, ENV)
    ninja_calls, _, _ = strace_c(["ninja", "-f", "build.ninja"], project, dict(os.environ))

    def calls_text(counted):
        busiest = sorted(((k, v) for k, v in counted.items() if k != "total"), key=lambda kv: -kv[1])[:6]
        return (f"{counted['total']:,} system calls ({counted['total'] / N_NOOP:.1f} a deck): "
                + ", ".join(f"{k} {v:,}" for k, v in busiest))
    notes.append(f"a: altbuild's no-op {fmt_s(a)}, of which starting the process (`altbuild --version`) {fmt_s(version)}; "
                 f"ninja {fmt_s(n)}. `strace -c -f` of one no-op: altbuild {calls_text(ours_calls)}; "
                 f"ninja {calls_text(ninja_calls)}")
    say(f"altbuild no-op median {fmt_s(a)} (min {fmt_s(min(t[0] for t in times['altbuild']))}); "
        f"ninja {fmt_s(n)} (min {fmt_s(min(t[0] for t in times['ninja']))})")
    row("a", f"no-op, {N_NOOP:,} built decks", f"ninja {fmt_s(n)}", fmt_s(a), f"{a / n:.2f}×", "≤ 1.5×", a / n <= 1.5)

    section(f"g: build after editing 1 of the {N_NOOP} decks, against the no-op plus one cold deck; {RUNS_EDIT} rounds")
    edited = decks[len(decks) // 2]
    one = os.path.join(WORK, "one")
    rounds = iter(range(10 ** 6))

    def edit():
        subprocess.run([PY, os.path.join(HERE, "make_decks.py"), "edit", os.path.join(project, edited),
                        f"Edited title, round {next(rounds)}"], check=True)

    def cold_one():
        shutil.rmtree(one, ignore_errors=True)
        os.makedirs(os.path.join(one, os.path.dirname(edited)))
        shutil.copyfile(os.path.join(project, edited), os.path.join(one, edited))

    times = alternate({
        "edited": (edit, lambda: altbuild(project, "decks", expect_built=1)[:3]),
        "one cold deck": (cold_one, lambda: altbuild(one, "decks", expect_built=1)[:3]),
    }, RUNS_EDIT)
    e, c = med(times["edited"]), med(times["one cold deck"])
    say(f"after the edit: median {fmt_s(e)} (runs {', '.join(fmt_s(t[0]) for t in times['edited'])}); "
        f"one cold deck alone: {fmt_s(c)} (runs {', '.join(fmt_s(t[0]) for t in times['one cold deck'])}); no-op (a) {fmt_s(a)}")
    row("g", f"build after editing 1 of {N_NOOP:,} decks", f"no-op {fmt_s(a)} + one cold deck {fmt_s(c)} = {fmt_s(a + c)}",
        fmt_s(e), f"{e / (a + c):.2f}×", "≤ 1.3×", e / (a + c) <= 1.3)
    shutil.rmtree(project, ignore_errors=True)
    shutil.rmtree(one, ignore_errors=True)


def goal_i(cold_project):
    section(f"i: vision-model requests against distinct images, {N_COLD} decks, --describer ollama, fake server")
    project = os.path.join(WORK, "model")
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(os.path.join(cold_project, "decks"), os.path.join(project, "decks"))
    server = subprocess.Popen([sys.executable, os.path.join(HERE, "fake_model.py")], stdout=subprocess.PIPE, text=True)
    try:
        port = int(server.stdout.readline().split()[1])
        wall, _, _, result = altbuild(project, "decks", "--describer", "ollama", "--endpoint", f"http://127.0.0.1:{port}",
                                      "-j", "2", expect_built=N_COLD)
        stats = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/stats"))
    finally:
        server.terminate()
        server.wait()
    pictures = set()
    for name in os.listdir(os.path.join(project, "decks")):
        with zipfile.ZipFile(os.path.join(project, "decks", name)) as z:
            pictures.update(hashlib.sha256(z.read(n)).hexdigest() for n in z.namelist()
                            if n.startswith("ppt/media/") and n.endswith(".png"))
    r, d = stats["requests"], stats["distinct_images"]
    say(f"{wall:.2f} s; {r} requests carrying {stats['images']} images, {d} distinct; the decks hold {len(pictures)} "
        f"distinct pictures; most repeated: {stats['most_repeated'][:3]}")
    notes.append(f"i: {r} requests for {d} distinct images; the most repeated image went out {stats['most_repeated'][0][0]} times "
                 f"(the shared logo: one deck's first occurrence each; the later ones are decorative repeats)")
    row("i", f"vision-model requests, {N_COLD} decks", f"{d} distinct images sent", f"{r} requests", f"{r / d:.2f}×",
        "≤ 1.2×", r / d <= 1.2)


def strace_c(cmd, cwd, env, wall=False):
    """({syscall: calls}, {syscall: seconds}, the run) from `strace -c -f` (-w: wall time in calls); both dicts have "total"."""
    out = os.path.join(WORK, "strace-c.txt")
    result = run(["strace", "-c", "-f", *(["-w"] if wall else []), "-o", out, *cmd], cwd, env)[3]
    calls, seconds = {}, {}
    for line in open(out):
        parts = line.split()
        if len(parts) >= 5 and re.fullmatch(r"[\d.]+", parts[0]):
            calls[parts[-1]] = int(parts[3])
            seconds[parts[-1]] = float(parts[1])
    return calls, seconds, result


def strace_counts(gen):
    section(f"strace -c -f -w: cold build of {N_STRACE} of the decks, -j 1")
    project = project_with("strace", gen, N_STRACE)
    start = time.perf_counter()
    calls, seconds, result = strace_c([ALTBUILD, "build", "decks", "-j", "1", "--progress", "none", "-q"], project, ENV, wall=True)
    wall = time.perf_counter() - start
    assert summary(result)[1] == N_STRACE
    calls.pop("total", None)
    total = seconds.pop("total", sum(seconds.values()))
    group = [("fsync", ("fsync", "fdatasync")), ("rename", ("rename", "renameat", "renameat2")),
             ("mkdir", ("mkdir", "mkdirat")), ("clone/fork/vfork", ("clone", "clone3", "fork", "vfork")),
             ("execve", ("execve",)), ("wait4", ("wait4", "waitid"))]
    say(f"(under strace: {wall:.2f} s; {total:.2f} s of wall time inside system calls, all threads)")
    lines = []
    for label, names in group:
        n = sum(calls.get(x, 0) for x in names)
        s = sum(seconds.get(x, 0) for x in names)
        detail = ", ".join(f"{x} {calls[x]:,}" for x in names if x in calls)
        if label == "execve":
            detail += f" (altbuild itself and {n - 1} workers: {(n - 1) / N_STRACE:.1f} a deck)"
        lines.append(f"| {label} | {n:,} | {s:.3f} s | {detail} |")
    top = sorted(seconds.items(), key=lambda kv: -kv[1])[:6]
    return lines, top, total


# ---------------------------------------------------------------- main

def main():
    started = time.time()
    say(f"altbuild perf harness (issue 13){' — PERF_QUICK sizes' if QUICK else ''}")
    say(f"machine: {os.cpu_count()} cores, {os.uname().sysname} {os.uname().release}; load average at start "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}; {time.strftime('%Y-%m-%d %H:%M %Z')}")
    fs = subprocess.run(["df", "-T", WORK], capture_output=True, text=True).stdout.splitlines()[-1].split()
    say(f"work folder {WORK} on {fs[1]} ({fs[0]}); {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB RAM")
    say(f"altbuild: {ALTBUILD} ({subprocess.run([ALTBUILD, '--version'], capture_output=True, text=True).stdout.strip()}); "
        f"OCR off: PATH without tesseract ({ENV['PATH']})")
    # PERF_ONLY=d,f runs only those goals (letters as in the table; "s" is the strace counts).
    only = set(filter(None, os.environ.get("PERF_ONLY", "").replace(" ", "").split(",")))
    wanted = lambda *goals: not only or bool(only & set(goals))
    gen = generated_decks() if wanted("a", "b", "c", "e", "g", "h", "i", "s") else None
    cold = goals_b_c_e(gen) if wanted("b", "c", "e", "i") else None
    if wanted("e"):
        goal_e_corpus()
    if wanted("d"):
        goal_d()
    if wanted("f"):
        goal_f()
    if wanted("a", "g", "h"):
        goals_h_a_g(gen)
    if wanted("i"):
        goal_i(cold)
    strace_lines, top, total = strace_counts(gen) if wanted("s") else ([], [], 0.0)

    say("\n## Goals of issue 13\n")
    say("| # | measure | peer | altbuild | ratio | goal | met? |")
    say("|---|---|---|---|---|---|---|")
    for r in sorted(rows, key=lambda r: r[0]):
        say("| " + " | ".join(r) + " |")
    say(f"\n## strace -c -f -w, cold build of {N_STRACE} generated decks, -j 1\n")
    say("| calls | count | wall time in them | detail |")
    say("|---|---|---|---|")
    for line in strace_lines:
        say(line)
    say(f"\nLargest wall time in system calls (all threads, {total:.2f} s in all): "
        + ", ".join(f"{name} {s:.2f} s" for name, s in top))
    say("\n## Notes\n")
    for note in notes:
        say(note)
    say(f"\nload average at end {' '.join(f'{x:.2f}' for x in os.getloadavg())}; harness took {(time.time() - started) / 60:.1f} min")


if __name__ == "__main__":
    main()
