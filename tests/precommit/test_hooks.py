#!/usr/bin/env python3
"""altbuild's pre-commit hooks under the real pre-commit, and the CI examples.

Makes a temporary git repository with two example decks and a
.pre-commit-config.yaml that uses this checkout's .pre-commit-hooks.yaml as a
hook repository (a snapshot of the working tree's file, committed in a repo of
its own, so uncommitted edits are tested too), puts the debug binaries on PATH
and runs `pre-commit run` as a user would: the fix hook rewrites the staged
decks, the check hook lists what needs a person until the review commands have
settled every slot, and then `git commit` passes through both.

Needs `swift build` first and pre-commit in the running Python
(`make precommit-test-deps` puts it in .build/venv). No network: both hooks
are `language: system`.

    .build/venv/bin/python tests/precommit/test_hooks.py
"""

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.join(ROOT, ".build", "debug")
DECKS = ["quarterly-report.pptx", "team-photos.pptx"]
MODIFIED = "files were modified by this hook"
# `check`'s line for one slot (README, "Reviewing ALT text").
CHECK_LINE = re.compile(r'^(?P<deck>[^:]+):slide \d+: shape ".*" \((?P<kind>[a-z-]+)\): (?P<state>[a-z-]+): .+$')
SETTLED = {"human", "approved", "edited", "decorative"}
# What the CI examples keep: build's reports, then check's.
REPORTS = ["altbuild-report.json", "altbuild-junit.xml", "altbuild-check-report.json", "altbuild-check-junit.xml"]


def count_alt_texts(deck_path):
    """Non-empty `descr` attributes over all slides: the ALT texts a deck carries."""
    with zipfile.ZipFile(deck_path) as deck:
        slides = [name for name in deck.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", name)]
        return sum(len(re.findall(rb'\bdescr="[^"]+"', deck.read(name))) for name in slides)


class PreCommitHooksTest(unittest.TestCase):
    def setUp(self):
        for name in ("altbuild", "altbuild-worker"):
            path = os.path.join(BIN, name)
            self.assertTrue(os.access(path, os.X_OK), f"{path} is missing: run `swift build` first")
        self.scratch = tempfile.mkdtemp(prefix="altbuild-precommit-test-")
        self.addCleanup(shutil.rmtree, self.scratch, ignore_errors=True)
        self.repo = os.path.join(self.scratch, "repo")
        self.env = self.isolated_environment()
        hooks_repo, rev = self.snapshot_hook_definitions()
        self.make_project(hooks_repo, rev)

    def isolated_environment(self):
        """The debug binaries first on PATH, pre-commit's cache in the scratch
        folder, and git without the user's or the system's configuration (a
        GIT_DIR from an outer hook would point git at the wrong repository)."""
        env = {key: value for key, value in os.environ.items() if not key.startswith(("GIT_", "PRE_COMMIT"))}
        env["PATH"] = os.pathsep.join([BIN, os.path.dirname(sys.executable), env.get("PATH", "")])
        env["PRE_COMMIT_HOME"] = os.path.join(self.scratch, "pre-commit-home")
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["GIT_CONFIG_GLOBAL"] = os.path.join(self.scratch, "gitconfig")
        env["NO_COLOR"] = "1"
        return env

    def run_in(self, folder, *arguments, timeout=300):
        return subprocess.run(arguments, cwd=folder, env=self.env, capture_output=True, text=True, timeout=timeout)

    def git(self, folder, *arguments):
        result = self.run_in(folder, "git", *arguments)
        self.assertEqual(result.returncode, 0, f"git {' '.join(arguments)}:\n{result.stdout}{result.stderr}")
        return result.stdout.strip()

    def init_repo(self, folder):
        os.makedirs(folder, exist_ok=True)
        self.git(folder, "init", "-q", "-b", "main")
        self.git(folder, "config", "user.name", "Hook Tester")
        self.git(folder, "config", "user.email", "hooks@example.invalid")
        self.git(folder, "config", "commit.gpgsign", "false")

    def snapshot_hook_definitions(self):
        """A hook repository holding this checkout's .pre-commit-hooks.yaml as
        it is on disk, committed, as pre-commit wants a rev to check out."""
        folder = os.path.join(self.scratch, "hooks")
        self.init_repo(folder)
        shutil.copy(os.path.join(ROOT, ".pre-commit-hooks.yaml"), folder)
        self.git(folder, "add", ".pre-commit-hooks.yaml")
        self.git(folder, "commit", "-q", "-m", "altbuild hooks")
        return folder, self.git(folder, "rev-parse", "HEAD")

    def make_project(self, hooks_repo, rev):
        """The user's repository: the configuration committed, the decks staged."""
        self.init_repo(self.repo)
        with open(os.path.join(self.repo, ".gitignore"), "w") as ignore:
            ignore.write(".altbuild/\n")
        with open(os.path.join(self.repo, ".pre-commit-config.yaml"), "w") as config:
            # check reads the state the in-place build left, so it gets the same flag.
            config.write(f"repos:\n"
                         f"  - repo: {json.dumps(hooks_repo)}\n"
                         f"    rev: {rev}\n"
                         f"    hooks:\n"
                         f"      - id: altbuild-fix\n"
                         f"      - id: altbuild-check\n"
                         f"        args: [--in-place]\n")
        self.git(self.repo, "add", ".gitignore", ".pre-commit-config.yaml")
        self.git(self.repo, "commit", "-q", "-m", "pre-commit configuration")
        for deck in DECKS:
            shutil.copy(os.path.join(ROOT, "examples", deck), self.repo)
        self.git(self.repo, "add", *DECKS)

    def pre_commit(self, *arguments):
        result = self.run_in(self.repo, sys.executable, "-m", "pre_commit", *arguments)
        return result.returncode, result.stdout + result.stderr

    def altbuild(self, *arguments):
        result = self.run_in(self.repo, os.path.join(BIN, "altbuild"), *arguments)
        self.assertEqual(result.returncode, 0, f"altbuild {' '.join(arguments)}:\n{result.stdout}{result.stderr}")
        return result.stdout

    def fix_until_clean(self):
        """What a user does after the fix hook changed files: stage them and
        run it again. The second run must pass without touching anything."""
        self.git(self.repo, "add", "-A")
        status, output = self.pre_commit("run", "altbuild-fix")
        if status != 0:
            self.assertIn(MODIFIED, output)
            self.git(self.repo, "add", "-A")
            status, output = self.pre_commit("run", "altbuild-fix")
        self.assertEqual(status, 0, output)
        self.assertRegex(output, r"altbuild \(write ALT text into staged decks\)\.+Passed")
        self.assertEqual(self.git(self.repo, "diff", "--name-only"), "", "the fix hook changed staged files")
        self.assertEqual(self.git(self.repo, "ls-files", "--others", "--exclude-standard"), "", "the fix hook left new files")

    def settle_every_slot(self):
        """The review step: approve what altbuild wrote, then write a text for
        each picture it could not describe and mark the rest decorative."""
        for deck in DECKS:
            self.altbuild("review", "approve", deck, "--all")
        items = json.loads(self.altbuild("review", "list", "--json", *DECKS))
        open_items = [item for item in items if item["state"] not in SETTLED and not item["stale"]]
        self.assertTrue(open_items, "approving everything left nothing for set or decorative: the test would prove less")
        for index, item in enumerate(open_items):
            if index % 2 == 0:
                self.altbuild("review", "set", item["deck"], item["slot"], f"A photo a person described, number {index}")
            else:
                self.altbuild("review", "decorative", item["deck"], item["slot"])

    def test_fix_modifies_decks_then_check_gates_on_review(self):
        before = {deck: count_alt_texts(os.path.join(self.repo, deck)) for deck in DECKS}

        status, output = self.pre_commit("run", "altbuild-fix")
        self.assertEqual(status, 1, output)
        self.assertIn(MODIFIED, output)
        for deck in DECKS:
            self.assertGreater(count_alt_texts(os.path.join(self.repo, deck)), before[deck],
                               f"{deck} has no more ALT text than before the hook")
            self.assertTrue(os.path.isfile(os.path.join(self.repo, "alt-text", deck + ".json")))
        # Staged as added, and changed since in the work tree, for the user to stage.
        changed = self.git(self.repo, "status", "--porcelain").splitlines()
        self.assertEqual(sorted(changed), sorted([f"AM {deck}" for deck in DECKS] + ["?? alt-text/"]))

        self.fix_until_clean()

        status, output = self.pre_commit("run", "altbuild-check")
        self.assertEqual(status, 1, output)
        problems = [match for match in map(CHECK_LINE.match, output.splitlines()) if match]
        states = {match["state"] for match in problems}
        self.assertIn("generated", states, output)
        self.assertIn("needs-review", states, output)
        self.assertEqual({match["deck"] for match in problems}, set(DECKS), output)

        self.settle_every_slot()
        self.fix_until_clean()
        status, output = self.pre_commit("run", "altbuild-check")
        self.assertEqual(status, 0, output)
        self.assertRegex(output, r"altbuild \(every ALT text reviewed\)\.+Passed")

        # Through git itself: the installed hook runs both, and the commit goes in.
        status, output = self.pre_commit("install")
        self.assertEqual(status, 0, output)
        commit = self.run_in(self.repo, "git", "commit", "-q", "-m", "accessible decks")
        self.assertEqual(commit.returncode, 0, commit.stdout + commit.stderr)
        committed = self.git(self.repo, "show", "--name-only", "--format=", "HEAD").splitlines()
        self.assertEqual(sorted(committed), sorted(DECKS + [f"alt-text/{deck}.json" for deck in DECKS]))

    def test_a_commit_without_decks_skips_both_hooks(self):
        self.git(self.repo, "reset", "-q")
        with open(os.path.join(self.repo, "notes.txt"), "w") as notes:
            notes.write("no decks here\n")
        self.git(self.repo, "add", "notes.txt")
        status, output = self.pre_commit("run")
        self.assertEqual(status, 0, output)
        self.assertEqual(output.count("(no files to check)Skipped"), 2, output)
        self.assertFalse(os.path.exists(os.path.join(self.repo, "alt-text")), "a hook ran altbuild on no decks")


class HookDefinitionsTest(unittest.TestCase):
    """What pre-commit reads from .pre-commit-hooks.yaml, field by field."""

    def setUp(self):
        with open(os.path.join(ROOT, ".pre-commit-hooks.yaml")) as definitions:
            self.hooks = {hook["id"]: hook for hook in yaml.safe_load(definitions)}

    def test_both_hooks_run_installed_altbuild_one_at_a_time_on_decks_only(self):
        self.assertEqual(set(self.hooks), {"altbuild-fix", "altbuild-check"})
        self.assertEqual(self.hooks["altbuild-fix"]["entry"], "altbuild build --in-place")
        self.assertEqual(self.hooks["altbuild-check"]["entry"], "altbuild check")
        for hook in self.hooks.values():
            self.assertEqual(hook["language"], "system")
            self.assertIs(hook["require_serial"], True)
            self.assertIs(hook.get("pass_filenames", True), True)
            selects = lambda path: bool(re.search(hook["files"], path)) and not re.search(hook["exclude"], path)
            for path in ["talks/intro.pptx", "a.pptm", "b.ppsx", "c.potx"]:
                self.assertTrue(selects(path), path)
            for path in ["talks/~$intro.pptx", "intro.ppt", "intro.pptx.json", "alt-text/intro.pptx.json"]:
                self.assertFalse(selects(path), path)


class CIExamplesTest(unittest.TestCase):
    """examples/ci/: valid YAML that builds, checks, caches and uploads."""

    def load(self, name):
        with open(os.path.join(ROOT, "examples", "ci", name)) as example:
            return yaml.safe_load(example)

    def test_github_actions(self):
        workflow = self.load("github-actions.yml")
        steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
        runs = "\n".join(step.get("run", "") for step in steps)
        self.assertRegex(runs, r"altbuild build .*--report altbuild-report\.json --junit altbuild-junit\.xml")
        self.assertRegex(runs, r"altbuild check .*--junit altbuild-check-junit\.xml")
        cache = next(step for step in steps if step.get("uses", "").startswith("actions/cache@"))
        self.assertEqual(cache["with"]["path"], ".altbuild/cache")
        self.assertIn("hashFiles('altbuild.toml')", cache["with"]["key"])
        upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact@"))
        self.assertEqual(upload["if"], "always()")
        self.assertEqual(upload["with"]["path"].split(), ["build/"] + REPORTS)

    def test_gitlab_ci(self):
        pipeline = self.load("gitlab-ci.yml")
        job = pipeline["altbuild"]
        script = "\n".join(job["script"])
        self.assertRegex(script, r"altbuild build .*--report altbuild-report\.json --junit altbuild-junit\.xml")
        self.assertRegex(script, r"altbuild check .*--junit altbuild-check-junit\.xml")
        self.assertEqual(job["cache"]["key"]["files"], ["altbuild.toml"])
        self.assertEqual(job["cache"]["paths"], [".altbuild/cache"])
        artifacts = job["artifacts"]
        self.assertEqual(artifacts["when"], "always")
        self.assertEqual(artifacts["reports"]["junit"], [name for name in REPORTS if name.endswith(".xml")])
        self.assertEqual(artifacts["paths"], ["build/"] + REPORTS)

    def test_github_actions_shards(self):
        workflow = self.load("github-actions-shards.yml")
        shard, assemble = workflow["jobs"]["shard"], workflow["jobs"]["assemble"]
        numbers = shard["strategy"]["matrix"]["shard"]
        self.assertEqual(numbers, list(range(1, len(numbers) + 1)), "K counts from 1")
        build = self.run_line(shard["steps"], "altbuild build --shard")
        self.assertIn('--remote-cache "$ALTBUILD_REMOTE_CACHE"', build)
        self.assertEqual(assemble["needs"], "shard")
        final = self.run_line(assemble["steps"], "altbuild build")
        self.assertNotIn("--shard", final)
        self.assertRegex(final, r'--remote-cache "\$ALTBUILD_REMOTE_CACHE" --report altbuild-report\.json --junit altbuild-junit\.xml')
        self.assertRegex(self.run_line(assemble["steps"], "altbuild check"), r"--junit altbuild-check-junit\.xml")
        upload = next(step for step in assemble["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
        self.assertEqual(upload["with"]["path"].split(), ["build/"] + REPORTS)
        total = len(numbers)
        self.assert_shards_build_every_deck_once(
            [build.replace("${{ matrix.shard }}", str(k)).replace("${{ strategy.job-total }}", str(total)) for k in numbers],
            final)

    def test_gitlab_ci_shards(self):
        pipeline = self.load("gitlab-ci-shards.yml")
        shard, assemble = pipeline["altbuild-shard"], pipeline["altbuild-assemble"]
        self.assertEqual(assemble["needs"], ["altbuild-shard"])
        self.assertEqual(pipeline["stages"].index(shard["stage"]) + 1, pipeline["stages"].index(assemble["stage"]))
        build = next(line for line in shard["script"] if line.startswith("altbuild build"))
        self.assertIn('--shard "$CI_NODE_INDEX/$CI_NODE_TOTAL" --remote-cache "$ALTBUILD_REMOTE_CACHE"', build)
        final = next(line for line in assemble["script"] if line.startswith("altbuild build"))
        self.assertNotIn("--shard", final)
        self.assertIn('--remote-cache "$ALTBUILD_REMOTE_CACHE"', final)
        self.assertEqual(assemble["artifacts"]["paths"], ["build/"] + REPORTS)
        total = shard["parallel"]
        self.assert_shards_build_every_deck_once(
            [build.replace("$CI_NODE_INDEX", str(k)).replace("$CI_NODE_TOTAL", str(total)) for k in range(1, total + 1)],
            final)

    @staticmethod
    def run_line(steps, prefix):
        return next(step["run"] for step in steps if step.get("run", "").startswith(prefix))

    def assert_shards_build_every_deck_once(self, shard_lines, final_line):
        """Runs the example's shard commands, then its final build, with the
        debug altbuild on the example decks. They share one folder here rather
        than a remote cache (the commands' --remote-cache is left out), so the
        final build finds every deck built: the shards' commands are valid and
        together build each deck once."""
        for name in ("altbuild", "altbuild-worker"):
            self.assertTrue(os.access(os.path.join(BIN, name), os.X_OK), f"{name} is missing: run `swift build` first")
        project = tempfile.mkdtemp(prefix="altbuild-ci-shards-")
        self.addCleanup(shutil.rmtree, project, ignore_errors=True)
        decks = sorted(name for name in os.listdir(os.path.join(ROOT, "examples")) if name.endswith(".pptx"))
        for name in decks:
            shutil.copy(os.path.join(ROOT, "examples", name), project)
        env = dict(os.environ, PATH=BIN + os.pathsep + os.environ["PATH"])
        env.pop("ALTBUILD_CACHE_DIR", None)

        def run(line):
            words = shlex.split(line)
            cut = words.index("--remote-cache")
            done = subprocess.run(words[:cut] + words[cut + 2:], cwd=project, env=env, capture_output=True, text=True)
            self.assertEqual(done.returncode, 0, line + "\n" + done.stdout + done.stderr)
            return done.stdout

        built = 0
        for k, line in enumerate(shard_lines, start=1):
            summary = re.search(rf"^shard {k}/{len(shard_lines)}: (\d+) of {len(decks)} decks: ", run(line), re.M)
            self.assertIsNotNone(summary, line)
            built += int(summary.group(1))
        self.assertEqual(built, len(decks))
        self.assertIn(f"{len(decks)} decks: 0 built, 0 restored from cache, {len(decks)} up to date, 0 failed; 0 describer calls",
                      run(final_line))


if __name__ == "__main__":
    unittest.main(verbosity=2)
