#!/usr/bin/env python3
"""Issue 14's remote cache measurements, run by bench/remote.sh (which builds
altbuild, makes the venv and passes the paths). Every figure printed comes
from this run.

    run.py REPO ALTBUILD WORK VENV_PYTHON

A real nginx with WebDAV on 127.0.0.1 is the team's cache. Two clones of one
project hold the same N generated decks (bench/perf/make_decks.py), each with
its own .altbuild. Timed, in alternating rounds (medians):
  cold    a build with no cache at all, no remote (what a fresh clone costs alone);
  upload  the same cold build with --remote-cache, sending its results;
  remote  the second clone, empty .altbuild, building from the remote cache;
  local   the second clone again, outputs deleted, restoring from its local cache.
Bytes are nginx's own counts per request (request line, headers and body in,
status line, headers and body out) and altbuild's payload counts.
The builtin describer runs with OCR off (a PATH without tesseract), as in
bench/perf.sh: the cheapest cold build there is, so the ratio is a floor; a
vision model makes every avoided describer call seconds, not milliseconds.

REMOTE_QUICK=1 uses 20 decks and 2 rounds, for a quick check of the harness.
"""
import glob
import hashlib
import json
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import time

REPO, ALTBUILD, WORK, PY = sys.argv[1:5]
QUICK = os.environ.get("REMOTE_QUICK", "") not in ("", "0")
N, ROUNDS = (20, 2) if QUICK else (200, 3)
MAKE_DECKS = os.path.join(REPO, "bench", "perf", "make_decks.py")
sys.path.insert(0, os.path.dirname(MAKE_DECKS))
from no_ocr import no_ocr_path  # noqa: E402
SUMMARY = re.compile(r"(\d+) decks: (\d+) built, (\d+) restored from cache, (\d+) up to date, (\d+) failed; (\d+) describer calls")
REMOTE_LINE = re.compile(r"remote cache: (\d+) hits, (\d+) misses, (\d+) uploads")


def say(text=""):
    print(text, flush=True)


def fmt_mb(nbytes):
    return f"{nbytes / 1e6:.2f} MB"


ENV = {k: v for k, v in os.environ.items()
       if k not in ("ALTBUILD_CACHE_DIR", "ALTBUILD_REMOTE_HEADER", "GITHUB_ACTIONS")}
ENV["PATH"] = no_ocr_path(WORK)


class Nginx:
    """nginx with WebDAV PUT on a free 127.0.0.1 port, in a folder of its own, as the current user."""

    def __init__(self, folder):
        self.folder = folder
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(os.path.join(folder, "root"))
        os.makedirs(os.path.join(folder, "temp"))
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        with open(os.path.join(folder, "nginx.conf"), "w") as conf:
            conf.write(f"""daemon off;
master_process off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
load_module /usr/lib/nginx/modules/ngx_http_dav_ext_module.so;
events {{ worker_connections 512; }}
http {{
    log_format cache '$request_method $uri $status $request_length $bytes_sent';
    access_log {folder}/access.log cache;
    client_body_temp_path {folder}/temp/body;
    proxy_temp_path {folder}/temp/proxy;
    fastcgi_temp_path {folder}/temp/fastcgi;
    uwsgi_temp_path {folder}/temp/uwsgi;
    scgi_temp_path {folder}/temp/scgi;
    server {{
        listen 127.0.0.1:{self.port};
        root {folder}/root;
        client_max_body_size 0;
        gzip on;
        gzip_types *;
        location / {{
            dav_methods PUT DELETE;
            create_full_put_path on;
        }}
    }}
}}
""")
        self.process = subprocess.Popen(["/usr/sbin/nginx", "-p", folder, "-c", os.path.join(folder, "nginx.conf"),
                                         "-e", os.path.join(folder, "error.log")])
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        raise SystemExit("nginx did not start: " + open(os.path.join(folder, "error.log")).read())

    url = property(lambda self: f"http://127.0.0.1:{self.port}")

    def clear(self):
        """Empties the cache and the log (between rounds)."""
        for name in ("ac", "cas"):
            shutil.rmtree(os.path.join(self.folder, "root", name), ignore_errors=True)
        self.mark()

    def mark(self):
        self.seen = len(self.requests(all_lines=True))

    def requests(self, all_lines=False):
        """(method, status, bytes in, bytes out) of each request since the last mark."""
        path = os.path.join(self.folder, "access.log")
        lines = open(path).read().splitlines() if os.path.exists(path) else []
        rows = [(m, int(s), int(i), int(o)) for m, _, s, i, o in (line.split() for line in lines)]
        return rows if all_lines else rows[self.seen:]

    def stop(self):
        self.process.kill()
        self.process.wait()


def generated_decks():
    """N decks from make_decks.py, kept between runs in a folder keyed by the generator's text."""
    key = hashlib.sha256(open(MAKE_DECKS, "rb").read()).hexdigest()[:12]
    folder = os.path.join(os.path.dirname(WORK), "remote-decks", f"{key}-{N}")
    if not os.path.exists(os.path.join(folder, "complete")):
        shutil.rmtree(folder, ignore_errors=True)
        half = N // 2
        procs = [subprocess.Popen([PY, MAKE_DECKS, "decks", folder, str(n), "--first", str(first)])
                 for first, n in ((0, half), (half, N - half))]
        assert all(p.wait() == 0 for p in procs)
        open(os.path.join(folder, "complete"), "w").close()
    return folder


def clone(name, gen):
    project = os.path.join(WORK, name)
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(gen, os.path.join(project, "decks"), ignore=shutil.ignore_patterns("complete"))
    return project


def fresh(project):
    for name in (".altbuild", "build", "alt-text"):
        shutil.rmtree(os.path.join(project, name), ignore_errors=True)


def size(folder):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(folder) for f in files)


def build(project, *extra):
    """Runs `altbuild build decks -j 2`; returns (wall, user + sys of it and its workers, stdout)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([ALTBUILD, "build", "decks", "-j", "2", "--progress", "none", *extra],
                            cwd=project, env=ENV, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0 or result.stderr.strip():
        raise SystemExit(f"build failed or warned ({result.returncode}) in {project}: {result.stdout}\n{result.stderr}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu, result.stdout


def remote_counts(project):
    """The remote cache's counts in the project's newest build log (event remote_cache)."""
    log = sorted(glob.glob(os.path.join(project, ".altbuild", "logs", "*.jsonl")))[-1]
    for line in open(log, encoding="utf-8"):
        record = json.loads(line)
        if record.get("event") == "remote_cache":
            return record
    raise SystemExit(f"no remote_cache event in {log}")


def counts(stdout):
    match = SUMMARY.search(stdout)
    assert match, stdout
    return tuple(int(g) for g in match.groups())


def main():
    started = time.time()
    say(f"altbuild remote cache harness (issue 14){' — REMOTE_QUICK sizes' if QUICK else ''}")
    say(f"machine: {os.cpu_count()} cores; load average at start {' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
        f"{time.strftime('%Y-%m-%d %H:%M %Z')}")
    say(f"altbuild: {ALTBUILD}; nginx: {subprocess.run(['/usr/sbin/nginx', '-v'], capture_output=True, text=True).stderr.strip()}")
    gen = generated_decks()
    first, second = clone("first", gen), clone("second", gen)
    inputs = size(os.path.join(first, "decks"))
    server = Nginx(os.path.join(WORK, "nginx"))
    remote = ["--remote-cache", server.url]
    times = {"cold": [], "upload": [], "remote": [], "local": []}
    traffic = {}
    try:
        for round_ in range(ROUNDS):
            fresh(first)
            times["cold"].append(build(first)[:2])
            fresh(first)
            server.clear()
            wall, cpu, out = build(first, *remote)
            times["upload"].append((wall, cpu))
            up = server.requests()
            sent = remote_counts(first)
            made = counts(out)
            assert made[1] == N and made[4] == 0, out
            fresh(second)
            server.mark()
            wall, cpu, out = build(second, *remote)
            times["remote"].append((wall, cpu))
            down = server.requests()
            received = remote_counts(second)
            got = counts(out)
            assert got[2] == N and got[5] == 0, f"the second clone should restore all {N} with no describer call: {out}"
            shutil.rmtree(os.path.join(second, "build"))
            server.mark()
            wall, cpu, out = build(second, *remote)
            times["local"].append((wall, cpu))
            assert counts(out)[2] == N and not server.requests(), f"a local restore made requests: {out}"
            traffic = {"up": up, "down": down, "calls": made[5], "sent": sent, "received": received, "outputs": size(os.path.join(second, "build")),
                       "remote_store": size(os.path.join(server.folder, "root")), "altbuild": size(os.path.join(second, ".altbuild"))}
            say(f"round {round_ + 1}: " + ", ".join(f"{k} {v[-1][0]:.2f} s" for k, v in times.items()))
    finally:
        server.stop()

    med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in times.items()}
    say(f"\n## {N} generated decks ({fmt_mb(inputs)}), -j 2, builtin describer with OCR off, {ROUNDS} rounds (medians)\n")
    say("| build | wall | CPU (user + sys, with workers) |")
    say("|---|---|---|")
    labels = {"cold": "cold, no cache, no remote", "upload": "cold, sending to the remote",
              "remote": "second clone, from the remote", "local": "second clone again, from its local cache"}
    for key, label in labels.items():
        say(f"| {label} | {med[key][0]:.2f} s | {med[key][1]:.2f} s |")
    say(f"\nsecond clone from the remote against a cold build: {med['cold'][0] / med['remote'][0]:.2f}× faster "
        f"(wall), {med['cold'][1] / med['remote'][1]:.2f}× less CPU; the cold build made {traffic['calls']} describer calls, "
        f"the second clone none")

    def summed(rows, method=None):
        rows = [r for r in rows if method is None or r[0] == method]
        return len(rows), sum(r[2] for r in rows), sum(r[3] for r in rows)

    say("\n## Traffic (nginx's counts: request line, headers and body in; status line, headers and body out)\n")
    say("| build | requests | bytes to the server | bytes from the server | of the input decks |")
    say("|---|---|---|---|---|")
    for key, label in (("up", "first clone, cold, sending"), ("down", "second clone, from the remote")):
        n, i, o = summed(traffic[key])
        by_method = ", ".join(f"{m} {summed(traffic[key], m)[0]}" for m in ("GET", "HEAD", "PUT") if summed(traffic[key], m)[0])
        say(f"| {label} | {n} ({by_method}) | {fmt_mb(i)} | {fmt_mb(o)} | {100 * (i + o) / inputs:.1f}% |")
    say(f"\ninput decks {fmt_mb(inputs)}; the accessible decks written {fmt_mb(traffic['outputs'])}; "
        f"the remote cache holds {fmt_mb(traffic['remote_store'])}; the second clone's .altbuild {fmt_mb(traffic['altbuild'])}")
    say(f"requests per deck for the second clone: {summed(traffic['down'])[0] / N:.1f}")
    say(f"payload (altbuild's counts, bodies before HTTP compression): the first clone sent {fmt_mb(int(traffic['sent']['bytes_up']))} "
        f"in {traffic['sent']['objects_up']} objects and {traffic['sent']['uploads']} entries; the second received "
        f"{fmt_mb(int(traffic['received']['bytes_down']))} ({traffic['received']['hits']} hits)")
    say(f"\nload average at end {' '.join(f'{x:.2f}' for x in os.getloadavg())}; harness took {(time.time() - started) / 60:.1f} min")


main()
