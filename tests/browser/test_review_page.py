#!/usr/bin/env python3
"""The review page in a real browser (headless Chromium through Selenium).

Builds a temporary project from the example decks with `altbuild build`,
starts `altbuild-review` on a free port, and through the page approves one
slot with the mouse and rewrites another with the keyboard; then checks the
review files on disk, the status line, escaping, the Host guard, and saves a
screenshot to .build/test-output/review-page.png.

Needs `swift build` first, Debian's chromium and chromium-driver, and
Selenium (`make browser-test-deps` installs them). Selenium is given the
browser and driver paths, so it never downloads either.

    .build/venv/bin/python tests/browser/test_review_page.py
"""

import http.client
import json
import os
import re
import select
import shutil
import subprocess
import tempfile
import time
import unittest

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.join(ROOT, ".build", "debug")
OUTPUT = os.path.join(ROOT, ".build", "test-output")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")

DECKS = ["quarterly-report.pptx", "team-photos.pptx"]
OPEN_STATES = {"generated", "needs-review", "placeholder", "missing"}
STATUS = re.compile(r"^(\d+) slots? left to review$")
# Markup and quotes in the new text: the page must show them as text.
NEW_TEXT = 'A whiteboard <b>covered</b> in sticky notes & "arrows" after the kickoff'


def review_path(deck):
    return os.path.join("alt-text", deck + ".json")


class ReviewPageTest(unittest.TestCase):
    def setUp(self):
        for name in ("altbuild", "altbuild-worker", "altbuild-review"):
            path = os.path.join(BIN, name)
            self.assertTrue(os.access(path, os.X_OK), f"{path} is missing: run `swift build` first")
        self.project = tempfile.mkdtemp(prefix="altbuild-review-test-")
        self.addCleanup(shutil.rmtree, self.project, ignore_errors=True)
        for deck in DECKS:
            shutil.copy(os.path.join(ROOT, "examples", deck), self.project)
        build = subprocess.run([os.path.join(BIN, "altbuild"), "build", "."], cwd=self.project,
                               capture_output=True, text=True, timeout=300)
        self.assertEqual(build.returncode, 0, f"altbuild build failed:\n{build.stdout}\n{build.stderr}")
        self.url, self.port = self.start_server()

    def start_server(self):
        arguments = [os.path.join(BIN, "altbuild-review"), "--port", "0",
                     "--worker", os.path.join(BIN, "altbuild-worker")]
        for deck in DECKS:
            arguments += ["--deck", deck + "=" + review_path(deck)]
        self.server_log = open(os.path.join(self.project, "server.log"), "w+")
        self.server = subprocess.Popen(arguments, cwd=self.project, stdout=subprocess.PIPE,
                                       stderr=self.server_log, text=True)
        self.addCleanup(self.stop_server)
        ready, _, _ = select.select([self.server.stdout], [], [], 120)
        line = self.server.stdout.readline() if ready else ""
        match = re.fullmatch(r"review page: (http://127\.0\.0\.1:(\d+)/)\n", line)
        if match is None:
            self.server_log.seek(0)
            self.fail(f"no address line from altbuild-review (got {line!r}); its stderr:\n{self.server_log.read()}")
        return match.group(1), int(match.group(2))

    def stop_server(self):
        self.server.terminate()
        try:
            self.server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.server.kill()
            self.server.wait()
        self.server.stdout.close()
        self.server_log.close()

    def start_browser(self):
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,2400"):
            options.add_argument(argument)
        driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
        self.addCleanup(driver.quit)
        return driver

    # Helpers

    def review_file(self, deck):
        with open(os.path.join(self.project, review_path(deck))) as file:
            return json.load(file)

    def entry(self, deck, slot):
        found = [entry for entry in self.review_file(deck)["slots"] if entry["slot"] == slot]
        self.assertEqual(len(found), 1, f"{slot} in {deck}")
        return found[0]

    def open_on_disk(self):
        return sum(1 for deck in DECKS for entry in self.review_file(deck)["slots"]
                   if entry["state"] in OPEN_STATES and not entry.get("stale"))

    def status_count(self):
        text = self.driver.find_element(By.ID, "status").text
        match = STATUS.match(text)
        return int(match.group(1)) if match else None

    def wait_for_status(self, count):
        try:
            WebDriverWait(self.driver, 10).until(lambda _: self.status_count() == count)
        except Exception:
            self.fail(f"status line never said {count} slots left; it says "
                      f"{self.driver.find_element(By.ID, 'status').text!r}, message "
                      f"{self.driver.find_element(By.ID, 'message').text!r}")

    def card(self, deck_index, slot):
        return self.driver.find_element(By.CSS_SELECTOR, f'article.slot[data-deck="{deck_index}"][data-slot="{slot}"]')

    # The test

    def test_approve_with_the_mouse_and_edit_with_the_keyboard(self):
        started = time.monotonic()
        approve_deck, edit_deck = 0, 1
        approve_slot = next(entry["slot"] for entry in self.review_file(DECKS[approve_deck])["slots"]
                            if entry["state"] == "generated")
        edit_slot = next(entry["slot"] for entry in self.review_file(DECKS[edit_deck])["slots"]
                         if entry["state"] == "needs-review" and entry["kind"] == "picture")

        self.driver = self.start_browser()
        self.driver.get(self.url)
        initial = self.open_on_disk()
        self.assertGreaterEqual(initial, 3)
        self.wait_for_status(initial)

        # The picture of the slot to edit is served by the worker's scan, and shows.
        image = self.card(edit_deck, edit_slot).find_element(By.CSS_SELECTOR, "img.picture")
        WebDriverWait(self.driver, 10).until(
            lambda _: self.driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth", image))
        # A chart shows its data as text, with its slide title.
        chart = self.card(approve_deck, approve_slot)
        self.assertIn("Chart", chart.find_element(By.CSS_SELECTOR, "pre.data").text)

        # Approve with the mouse.
        chart.find_element(By.CSS_SELECTOR, "button.approve").click()
        self.wait_for_status(initial - 1)
        self.assertEqual(self.entry(DECKS[approve_deck], approve_slot)["state"], "approved")
        self.assertEqual(self.card(approve_deck, approve_slot).get_attribute("data-state"), "approved")

        # Edit with the keyboard: focus the card, e, type, Enter.
        card = self.card(edit_deck, edit_slot)
        self.driver.execute_script("arguments[0].focus()", card)
        ActionChains(self.driver).send_keys("e").perform()
        area = self.driver.switch_to.active_element
        self.assertIn("edit-text", area.get_attribute("class"), "e should open the slot's editor")
        area.send_keys(NEW_TEXT)
        area.send_keys(Keys.ENTER)
        self.wait_for_status(initial - 2)
        edited = self.entry(DECKS[edit_deck], edit_slot)
        self.assertEqual(edited["state"], "edited")
        self.assertEqual(edited["text"], NEW_TEXT)
        # Shown as text, not parsed as markup.
        card = self.card(edit_deck, edit_slot)
        self.assertEqual(card.find_element(By.CSS_SELECTOR, ".text").text, NEW_TEXT)
        self.assertEqual(card.find_elements(By.TAG_NAME, "b"), [])
        self.assertEqual(self.open_on_disk(), initial - 2)

        # A decision that does not apply is refused, naming the file; nothing changes.
        other = next(entry["slot"] for entry in self.review_file(DECKS[edit_deck])["slots"]
                     if entry["state"] == "needs-review")
        self.driver.execute_script("arguments[0].focus()", self.card(edit_deck, other))
        ActionChains(self.driver).send_keys("a").perform()
        WebDriverWait(self.driver, 10).until(
            lambda _: "E_REVIEW_STATE" in self.driver.find_element(By.ID, "message").text)
        self.assertIn(review_path(DECKS[edit_deck]), self.driver.find_element(By.ID, "message").text)
        self.assertEqual(self.status_count(), initial - 2)
        self.assertEqual(self.entry(DECKS[edit_deck], other)["state"], "needs-review")

        os.makedirs(OUTPUT, exist_ok=True)
        screenshot = os.path.join(OUTPUT, "review-page.png")
        self.assertTrue(self.driver.save_screenshot(screenshot))
        self.assertGreater(os.path.getsize(screenshot), 10_000)

        # A reload shows the same count: it comes from the files, not the page.
        self.driver.refresh()
        self.wait_for_status(initial - 2)
        # No script error and no CSP violation; the refused approval above is the one expected failure.
        errors = [entry["message"] for entry in self.driver.get_log("browser")
                  if entry["level"] == "SEVERE" and "/api/decide" not in entry["message"]]
        self.assertEqual(errors, [])
        print(f"\nreview page test: {time.monotonic() - started:.1f}s in the browser; screenshot {screenshot}")

    def test_other_hosts_and_cross_origin_posts_are_refused(self):
        def request(method, path, headers, body=None):
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                return response.status, response.read()
            finally:
                connection.close()

        status, _ = request("GET", "/api/slots", {"Host": f"127.0.0.1:{self.port}"})
        self.assertEqual(status, 200)
        status, _ = request("GET", "/api/slots", {"Host": f"attacker.example:{self.port}"})
        self.assertEqual(status, 403)
        decision = json.dumps({"deck": 0, "slot": "slide2:3", "decision": "approve"})
        status, _ = request("POST", "/api/decide", {"Host": f"127.0.0.1:{self.port}", "Content-Type": "text/plain"}, decision)
        self.assertEqual(status, 403)
        status, _ = request("POST", "/api/decide", {"Host": f"127.0.0.1:{self.port}", "Content-Type": "application/json",
                                                    "Origin": "http://attacker.example"}, decision)
        self.assertEqual(status, 403)
        self.assertEqual(self.entry(DECKS[0], "slide2:3")["state"], "generated")


if __name__ == "__main__":
    unittest.main(verbosity=2)
