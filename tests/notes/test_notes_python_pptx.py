#!/usr/bin/env python3
"""Long descriptions in slide notes, read back by python-pptx.

python-pptx writes a deck the way many scripts do: a chart and no notes
master at all. altbuild (`--long-descriptions notes`) must then add a notes
slide, a notes master and a theme that another OOXML reader opens, with the
chart's full data between altbuild's markers; a second in-place build must
leave the file byte for byte alone, and a person's notes typed later (through
python-pptx, as an editor would) must survive the next build.

Needs `swift build` first and python-pptx in the running Python
(`make notes-test-deps` puts it in .build/venv).

    .build/venv/bin/python tests/notes/test_notes_python_pptx.py
"""

import hashlib
import os
import subprocess
import tempfile
import unittest
import zipfile

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ALTBUILD = os.path.join(ROOT, ".build", "debug", "altbuild")
START = "── altbuild: long descriptions ──"
END = "── altbuild: end ──"


def make_deck(path):
    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "Sales"
    data = CategoryChartData()
    data.categories = ["Q1", "Q2", "Q3"]
    data.add_series("East", (10, 20, 30))
    data.add_series("West", (5, 7, 9))
    slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(1.5), Inches(7), Inches(4), data)
    deck.save(path)


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class NotesReadBack(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.deck = os.path.join(self.dir.name, "sales.pptx")
        make_deck(self.deck)
        parts = Presentation(self.deck).part.package.iter_parts()
        self.assertFalse(any("notesMaster" in str(p.partname) for p in parts), "python-pptx wrote a notes master")

    def build(self, *extra):
        result = subprocess.run([ALTBUILD, "build", ".", "--in-place", "--long-descriptions", "notes", *extra],
                                cwd=self.dir.name, capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)

    def notes(self):
        slide = Presentation(self.deck).slides[0]
        self.assertTrue(slide.has_notes_slide)
        return slide.notes_slide.notes_text_frame.text.split("\n")

    def test_notes_master_notes_slide_and_block_open_in_python_pptx(self):
        self.build()
        deck = Presentation(self.deck)
        names = {str(p.partname) for p in deck.part.package.iter_parts()}
        self.assertIn("/ppt/notesMasters/notesMaster1.xml", names)
        self.assertIn("/ppt/notesSlides/notesSlide1.xml", names)
        self.assertEqual(self.notes(), [START, "Column chart", "Q1: East 10, West 5", "Q2: East 20, West 7",
                                        "Q3: East 30, West 9", END])
        frame = next(s for s in deck.slides[0].shapes if s.has_chart)
        descr = frame._element.xpath("./p:nvGraphicFramePr/p:cNvPr/@descr")[0]
        self.assertTrue(descr.endswith("Full data in the slide notes."), descr)

        before = digest(self.deck)
        self.build("--cache-dir", "fresh-cache")
        self.assertEqual(digest(self.deck), before)

    def test_python_pptxs_unlisted_notes_master_is_reused_and_listed(self):
        # python-pptx relates a notes master from the presentation but never lists it in
        # p:notesMasterIdLst; altbuild reuses that master for the new notes page and lists it.
        deck = Presentation(self.deck)
        extra = deck.slides.add_slide(deck.slide_layouts[5])
        extra.notes_slide.notes_text_frame.text = "Only words here."
        deck.save(self.deck)
        with zipfile.ZipFile(self.deck) as z:
            self.assertNotIn(b"notesMasterIdLst", z.read("ppt/presentation.xml"))
            masters = [n for n in z.namelist() if n.startswith("ppt/notesMasters/notesMaster")]
        self.build()
        with zipfile.ZipFile(self.deck) as z:
            presentation = z.read("ppt/presentation.xml").decode()
            self.assertEqual([n for n in z.namelist() if n.startswith("ppt/notesMasters/notesMaster")], masters)
        self.assertIn("<p:notesMasterIdLst><p:notesMasterId r:id=", presentation)
        self.assertEqual(self.notes()[0], START)
        self.assertEqual(Presentation(self.deck).slides[1].notes_slide.notes_text_frame.text, "Only words here.")

    def test_a_persons_notes_typed_later_survive_the_next_build(self):
        self.build()
        deck = Presentation(self.deck)
        frame = deck.slides[0].notes_slide.notes_text_frame
        frame.add_paragraph().text = "Say that West is a new region."
        deck.save(self.deck)
        self.build()
        notes = self.notes()
        self.assertEqual(notes.count(START), 1)
        self.assertEqual(notes[-1], "Say that West is a new region.")


if __name__ == "__main__":
    unittest.main(verbosity=2)
