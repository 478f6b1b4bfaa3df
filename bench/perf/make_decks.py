#!/usr/bin/env python3
"""Decks for bench/perf.sh, made with python-pptx and Pillow. No ALT text is set.

    make_decks.py decks OUT COUNT [--seed S] [--first K]
        COUNT decks OUT/deckNNNN.pptx (numbered from K), each of 6-12 slides.
        Every slide has a title, the shared logo (the same PNG at the same
        place on every slide of every deck) and one to three of: a picture
        (a distinct small PNG drawn with Pillow), a chart (bar or line, with
        categories), a table, a group of shapes. Deck n is the same bytes
        for the same seed, whatever else is asked for.
    make_decks.py big OUT BYTES [--seed S]
        One slide with one distinct picture, plus stored (uncompressed) random
        media parts (ppt/media/mediaN.mp4, video/mp4, linked from the slide)
        making the file BYTES long. Parts are at most 480 MiB each, under
        altbuild's 512 MiB per-entry read limit.
    make_decks.py edit DECK TEXT
        Sets the first slide's title to TEXT and saves the deck in place.
"""
import datetime
import io
import os
import random
import sys
import zipfile

import xlsxwriter
from PIL import Image, ImageDraw
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Inches, Pt

# python-pptx writes each chart's data as an embedded workbook with XlsxWriter,
# which stamps it with the current time; a fixed one keeps decks reproducible.
_workbook_init = xlsxwriter.Workbook.__init__


def _fixed_time_workbook(self, *args, **kwargs):
    _workbook_init(self, *args, **kwargs)
    self.set_properties({"created": datetime.datetime(2024, 1, 1)})


xlsxwriter.Workbook.__init__ = _fixed_time_workbook

WORDS = ("revenue growth pipeline market customer team region quarter forecast risk "
         "plan budget hiring product launch survey churn margin supply partner").split()
REGIONS = ["North", "South", "East", "West", "Central", "Overseas"]
SHAPES = [MSO_SHAPE.RECTANGLE, MSO_SHAPE.OVAL, MSO_SHAPE.ROUNDED_RECTANGLE, MSO_SHAPE.CHEVRON,
          MSO_SHAPE.RIGHT_ARROW, MSO_SHAPE.DIAMOND]


def png(draw_fn, size):
    image = Image.new("RGB", size, "white")
    draw_fn(ImageDraw.Draw(image))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def logo_png():
    """The shared logo: the same bytes in every deck."""
    def draw(d):
        d.rectangle((0, 0, 119, 39), fill=(20, 60, 140))
        d.ellipse((6, 6, 33, 33), fill=(250, 190, 30))
        d.text((42, 13), "ACME", fill="white")
    return png(draw, (120, 40))


def picture_png(rng, label):
    """A distinct small picture: random rectangles, ellipses and lines, and a label."""
    w, h = rng.choice([(160, 120), (200, 150), (240, 135), (180, 180)])
    def draw(d):
        d.rectangle((0, 0, w - 1, h - 1), fill=tuple(rng.randrange(180, 256) for _ in range(3)))
        for _ in range(rng.randrange(4, 10)):
            x0, y0 = rng.randrange(w), rng.randrange(h)
            box = (x0, y0, min(w - 1, x0 + rng.randrange(8, 80)), min(h - 1, y0 + rng.randrange(8, 60)))
            colour = tuple(rng.randrange(256) for _ in range(3))
            kind = rng.randrange(3)
            if kind == 0:
                d.rectangle(box, fill=colour)
            elif kind == 1:
                d.ellipse(box, fill=colour)
            else:
                d.line(box, fill=colour, width=rng.randrange(1, 5))
        d.text((4, h - 14), label, fill="black")
    return png(draw, (w, h))


def add_picture(shapes, data, *place):
    """A picture without ALT text (python-pptx would set descr to "image.png")."""
    picture = shapes.add_picture(io.BytesIO(data), *place)
    picture._element.nvPicPr.cNvPr.attrib.pop("descr", None)
    return picture


def words(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize()


def add_chart(slide, rng, x, y):
    data = CategoryChartData()
    cats = rng.sample(REGIONS, rng.randrange(3, 6))
    data.categories = cats
    for s in range(rng.randrange(1, 3)):
        data.add_series(f"{2023 + s}", [rng.randrange(10, 500) for _ in cats])
    kind = rng.choice([XL_CHART_TYPE.COLUMN_CLUSTERED, XL_CHART_TYPE.BAR_CLUSTERED, XL_CHART_TYPE.LINE_MARKERS])
    frame = slide.shapes.add_chart(kind, x, y, Inches(4.2), Inches(3), data)
    chart = frame.chart
    chart.has_title = True
    chart.chart_title.text_frame.text = words(rng, 3)


def add_table(slide, rng, x, y):
    rows, cols = rng.randrange(3, 6), rng.randrange(3, 5)
    table = slide.shapes.add_table(rows, cols, x, y, Inches(4.2), Inches(0.4) * rows).table
    table.cell(0, 0).text = "Region"
    for c in range(1, cols):
        table.cell(0, c).text = f"Q{c}"
    for r in range(1, rows):
        table.cell(r, 0).text = rng.choice(REGIONS)
        for c in range(1, cols):
            table.cell(r, c).text = f"{rng.randrange(100, 9999):,}"


def add_group(slide, rng, x, y):
    group = slide.shapes.add_group_shape()
    for k in range(rng.randrange(2, 4)):
        shape = group.shapes.add_shape(rng.choice(SHAPES), x + Inches(1.4) * k, y, Inches(1.2), Inches(0.8))
        shape.text_frame.text = rng.choice(WORDS).capitalize()


def save(prs, path):
    """Saves with a fixed timestamp on every zip entry, so the same deck is the same bytes."""
    buffer = io.BytesIO()
    prs.save(buffer)
    with zipfile.ZipFile(buffer) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = info.compress_type
            zout.writestr(fixed, zin.read(info.filename))


def make_deck(path, n, seed, logo):
    rng = random.Random(f"{seed}:{n}")
    prs = Presentation()
    prs.core_properties.title = f"Deck {n}"
    layout = prs.slide_layouts[5]  # title only
    for s in range(rng.randrange(6, 13)):
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = words(rng, 4)
        add_picture(slide.shapes, logo, Inches(8.4), Inches(0.1), Inches(1.5), Inches(0.5))
        kinds = rng.sample(["picture", "chart", "table", "group"], rng.randrange(1, 4))
        spots = [(Inches(0.4), Inches(1.8)), (Inches(5.0), Inches(1.8)), (Inches(0.4), Inches(5.0))]
        for kind, (x, y) in zip(kinds, spots):
            if kind == "picture":
                add_picture(slide.shapes, picture_png(rng, f"d{n} s{s}"), x, y, Inches(3.2))
            elif kind == "chart":
                add_chart(slide, rng, x, y)
            elif kind == "table":
                add_table(slide, rng, x, y)
            else:
                add_group(slide, rng, x, y)
    save(prs, path)


MEDIA_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/video"
PART_LIMIT = 480 << 20


def make_big(path, size, seed):
    """One picture slot, then random stored media parts until the file is `size` bytes."""
    rng = random.Random(f"{seed}:big")
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = "Product video"
    add_picture(slide.shapes, picture_png(rng, "big"), Inches(1), Inches(1.8), Inches(4))
    small = io.BytesIO()
    prs.save(small)
    with zipfile.ZipFile(small) as zin:
        entries = [(i, zin.read(i.filename)) for i in zin.infolist()]
    overhead = len(small.getvalue()) + 4096
    remaining = max(0, size - overhead)
    parts = []
    while remaining > 0:
        parts.append(min(PART_LIMIT, remaining))
        remaining -= parts[-1]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as zout:
        for info, data in entries:
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"<Default ", b'<Default Extension="mp4" ContentType="video/mp4"/><Default ', 1)
            elif info.filename == "ppt/slides/_rels/slide1.xml.rels":
                rels = "".join(f'<Relationship Id="rIdBench{k}" Type="{MEDIA_REL}" Target="../media/media{k}.mp4"/>'
                               for k in range(1, len(parts) + 1))
                data = data.replace(b"</Relationships>", rels.encode() + b"</Relationships>")
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = info.compress_type
            zout.writestr(fixed, data)
        for k, length in enumerate(parts, 1):
            info = zipfile.ZipInfo(f"ppt/media/media{k}.mp4", date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED
            with zout.open(info, "w", force_zip64=length >= (1 << 31)) as out:
                left = length
                while left:
                    chunk = min(left, 8 << 20)
                    out.write(rng.randbytes(chunk))
                    left -= chunk


def edit(path, text):
    prs = Presentation(path)
    prs.slides[0].shapes.title.text = text
    save(prs, path)


def main(argv):
    seed = 13
    if "--seed" in argv:
        i = argv.index("--seed"); seed = int(argv[i + 1]); del argv[i:i + 2]
    first = 0
    if "--first" in argv:
        i = argv.index("--first"); first = int(argv[i + 1]); del argv[i:i + 2]
    command = argv[1]
    if command == "decks":
        out, count = argv[2], int(argv[3])
        os.makedirs(out, exist_ok=True)
        logo = logo_png()
        for n in range(first, first + count):
            make_deck(os.path.join(out, f"deck{n:04d}.pptx"), n, seed, logo)
    elif command == "big":
        make_big(argv[2], int(argv[3]), seed)
    elif command == "edit":
        edit(argv[2], argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
