#!/usr/bin/env python3
"""Generate altbuild's example decks.

Run from the repository root:

    python3 examples/generate.py

Writes quarterly-report.pptx, team-photos.pptx and design-notes.pptx next to
this script. Needs python-pptx and Pillow (`pip install python-pptx Pillow`).

The output is deterministic: pictures are drawn from fixed seeds, core
properties carry fixed timestamps, and every zip entry (including the Excel
workbooks embedded behind the charts) is rewritten with a fixed date, so
re-running the script produces byte-identical files for the same library
versions.
"""

import datetime
import io
import math
import os
import random
import re
import zipfile

from lxml import etree
from PIL import Image, ImageDraw
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Emu, Inches, Pt

HERE = os.path.dirname(os.path.abspath(__file__))

FIXED_TIME = datetime.datetime(2024, 3, 1, 9, 0, 0)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_ADEC = "http://schemas.microsoft.com/office/drawing/2017/decorative"
DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"

# python-pptx's default template layouts.
LAYOUT_TITLE = 0
LAYOUT_TITLE_ONLY = 5


# --------------------------------------------------------------------------
# Pictures (synthetic, drawn here)
# --------------------------------------------------------------------------

def _gradient(size, top, bottom):
    """A vertical gradient from colour `top` to colour `bottom`."""
    width, height = size
    img = Image.new("RGB", size)
    draw = ImageDraw.Draw(img)
    for y in range(height):
        t = y / max(height - 1, 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom))
        draw.line([(0, y), (width, y)], fill=colour)
    return img


def _encode(img, fmt, **options):
    buf = io.BytesIO()
    img.save(buf, format=fmt, **options)
    buf.seek(0)
    return buf


def photo_group(seed, fmt="JPEG"):
    """A 'group photo': sky-to-floor gradient with a row of simple figures."""
    rng = random.Random(seed)
    img = _gradient((320, 240), (170, 200, 235), (120, 95, 70))
    draw = ImageDraw.Draw(img)
    count = rng.randint(4, 6)
    spacing = 320 // (count + 1)
    for i in range(count):
        cx = spacing * (i + 1) + rng.randint(-8, 8)
        head_y = rng.randint(95, 115)
        shirt = tuple(rng.randint(40, 220) for _ in range(3))
        draw.ellipse([cx - 12, head_y - 12, cx + 12, head_y + 12], fill=(235, 200, 170))
        draw.rounded_rectangle([cx - 20, head_y + 14, cx + 20, head_y + 90], radius=10, fill=shirt)
    if fmt == "JPEG":
        return _encode(img, "JPEG", quality=80)
    return _encode(img.quantize(colors=64), "PNG", optimize=True)


def photo_board(seed):
    """A 'planning board': pale background with coloured sticky notes."""
    rng = random.Random(seed)
    img = _gradient((320, 240), (245, 245, 240), (215, 215, 205))
    draw = ImageDraw.Draw(img)
    palette = [(255, 235, 120), (255, 170, 170), (160, 220, 255), (170, 240, 170)]
    for row in range(3):
        for col in range(5):
            x = 20 + col * 58 + rng.randint(-4, 4)
            y = 25 + row * 70 + rng.randint(-4, 4)
            draw.rectangle([x, y, x + 46, y + 46], fill=rng.choice(palette), outline=(120, 120, 110))
            for k in range(3):
                draw.line([(x + 6, y + 12 + k * 10), (x + 40 - rng.randint(0, 14), y + 12 + k * 10)],
                          fill=(80, 80, 80), width=2)
    return _encode(img.quantize(colors=32), "PNG", optimize=True)


def photo_workbench(seed):
    """A 'workbench': dark bench, green circuit board, two figures."""
    rng = random.Random(seed)
    img = _gradient((320, 240), (200, 205, 210), (70, 60, 55))
    draw = ImageDraw.Draw(img)
    draw.rectangle([0, 170, 320, 240], fill=(95, 75, 55))                  # bench
    draw.rectangle([110, 150, 210, 185], fill=(30, 120, 60))               # board
    for _ in range(14):                                                    # chips
        x, y = rng.randint(115, 195), rng.randint(154, 175)
        draw.rectangle([x, y, x + 8, y + 6], fill=(20, 20, 20))
    for cx, shirt in ((70, (60, 90, 160)), (250, (160, 70, 60))):          # two people
        draw.ellipse([cx - 16, 60, cx + 16, 92], fill=(225, 190, 160))
        draw.rounded_rectangle([cx - 28, 95, cx + 28, 175], radius=12, fill=shirt)
    return _encode(img, "JPEG", quality=80)


def photo_room(seed, wall):
    """An 'office room': wall colour, window and a desk."""
    rng = random.Random(seed)
    img = _gradient((240, 180), wall, tuple(max(c - 60, 0) for c in wall))
    draw = ImageDraw.Draw(img)
    wx = rng.randint(20, 120)
    draw.rectangle([wx, 25, wx + 80, 85], fill=(200, 230, 255), outline=(255, 255, 255), width=4)
    draw.rectangle([30, 120, 210, 135], fill=(130, 90, 50))
    draw.rectangle([40, 135, 50, 175], fill=(110, 75, 40))
    draw.rectangle([190, 135, 200, 175], fill=(110, 75, 40))
    return _encode(img.quantize(colors=32), "PNG", optimize=True)


def divider_line():
    """A thin ornamental divider: a fading bar with a diamond in the middle."""
    width, height = 600, 16
    img = Image.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    for x in range(width):
        fade = 1 - abs(x - width / 2) / (width / 2)
        shade = round(255 - 170 * fade)
        draw.line([(x, 7), (x, 8)], fill=(shade, shade, 255))
    mid = width // 2
    draw.polygon([(mid, 0), (mid + 8, 8), (mid, 15), (mid - 8, 8)], fill=(60, 60, 200))
    return _encode(img.quantize(colors=16), "PNG", optimize=True)


def clipart_palette():
    """A 'palette sheet': swatches with text-like strokes (it looks like clipart with text)."""
    img = Image.new("RGB", (320, 200), (250, 250, 250))
    draw = ImageDraw.Draw(img)
    colours = [(231, 76, 60), (241, 196, 15), (46, 204, 113), (52, 152, 219), (155, 89, 182)]
    for i, colour in enumerate(colours):
        x = 20 + i * 58
        draw.ellipse([x, 30, x + 44, 74], fill=colour)
        draw.text((x + 4, 90), "#%02X%02X" % colour[:2], fill=(40, 40, 40))
    draw.text((20, 140), "PALETTE v2", fill=(20, 20, 20))
    draw.line([(20, 160), (300, 160)], fill=(180, 180, 180), width=2)
    return _encode(img.quantize(colors=32), "PNG", optimize=True)


def texture_tile(seed):
    """A woven 'fabric' texture used as a shape's picture fill."""
    rng = random.Random(seed)
    size = 128
    img = Image.new("RGB", (size, size))
    pixels = img.load()
    for y in range(size):
        for x in range(size):
            weave = (math.sin(x / 3.0) + math.sin(y / 3.0)) * 18
            noise = rng.randint(-6, 6)
            pixels[x, y] = (int(150 + weave + noise), int(110 + weave / 2 + noise), int(80 + noise))
    return _encode(img, "JPEG", quality=75)


# --------------------------------------------------------------------------
# XML helpers
# --------------------------------------------------------------------------

def set_descr(picture, text):
    """Sets (or, with None, removes) the ALT text of a picture."""
    cNvPr = picture._element.nvPicPr.cNvPr
    if text is None:
        cNvPr.attrib.pop("descr", None)
    else:
        cNvPr.set("descr", text)


def mark_decorative(picture):
    """PowerPoint's "Mark as decorative": a:extLst/a:ext/adec:decorative val=1 on cNvPr."""
    cNvPr = picture._element.nvPicPr.cNvPr
    cNvPr.attrib.pop("descr", None)
    ext_lst = cNvPr.find("{%s}extLst" % NS_A)
    if ext_lst is None:
        ext_lst = etree.SubElement(cNvPr, "{%s}extLst" % NS_A)
    ext = etree.SubElement(ext_lst, "{%s}ext" % NS_A)
    ext.set("uri", DECORATIVE_URI)
    flag = etree.SubElement(ext, "{%s}decorative" % NS_ADEC, nsmap={"adec": NS_ADEC})
    flag.set("val", "1")


def picture_fill(slide, shape, image_file):
    """Replaces `shape`'s fill with a stretched picture fill (spPr/a:blipFill)."""
    _, rId = slide.part.get_or_add_image_part(image_file)
    spPr = shape._element.spPr
    for tag in ("noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill"):
        for old in spPr.findall("{%s}%s" % (NS_A, tag)):
            spPr.remove(old)
    blip_fill = etree.Element("{%s}blipFill" % NS_A)
    blip = etree.SubElement(blip_fill, "{%s}blip" % NS_A)
    blip.set("{%s}embed" % NS_R, rId)
    stretch = etree.SubElement(blip_fill, "{%s}stretch" % NS_A)
    etree.SubElement(stretch, "{%s}fillRect" % NS_A)
    geometry = spPr.find("{%s}prstGeom" % NS_A)
    if geometry is None:
        geometry = spPr.find("{%s}custGeom" % NS_A)
    geometry.addnext(blip_fill)  # schema order: xfrm, geometry, fill, ln
    return rId


def add_caption(shapes, picture, text, gap=Inches(0.08), height=Inches(0.4)):
    """A caption text box directly below `picture`: same left edge and width."""
    box = shapes.add_textbox(picture.left, picture.top + picture.height + gap, picture.width, height)
    frame = box.text_frame
    frame.word_wrap = True
    frame.text = text
    frame.paragraphs[0].runs[0].font.size = Pt(12)
    frame.paragraphs[0].runs[0].font.italic = True
    return box


def add_text(shapes, left, top, width, height, text, size=16):
    box = shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    frame.text = text
    frame.paragraphs[0].runs[0].font.size = Pt(size)
    return box


def new_presentation(title, subject):
    prs = Presentation()
    props = prs.core_properties
    props.title = title
    props.subject = subject
    props.author = "altbuild examples"
    props.last_modified_by = "altbuild examples"
    props.keywords = "altbuild, alt text, example"
    props.comments = "Generated by examples/generate.py"
    props.category = "example"
    props.revision = 1
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME
    return prs


def title_only_slide(prs, title):
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    slide.shapes.title.text = title
    return slide


# --------------------------------------------------------------------------
# Deterministic saving
# --------------------------------------------------------------------------

_W3CDTF = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def _normalise_zip(data):
    """Rewrites a zip with fixed entry timestamps, keeping entry order; embedded
    workbooks are normalised too (XlsxWriter stamps 'now' into their core.xml)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename.endswith(".xlsx"):
                blob = _normalise_zip(blob)
            elif info.filename == "docProps/core.xml":
                stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                blob = _W3CDTF.sub(lambda m: m.group(1) + stamp + m.group(2), blob)
            entry = zipfile.ZipInfo(info.filename, ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, blob, compresslevel=9)
    return out.getvalue()


def save(prs, name):
    buf = io.BytesIO()
    prs.save(buf)
    path = os.path.join(HERE, name)
    with open(path, "wb") as handle:
        handle.write(_normalise_zip(buf.getvalue()))
    print("wrote %s (%d bytes)" % (os.path.relpath(path), os.path.getsize(path)))


# --------------------------------------------------------------------------
# Decks
# --------------------------------------------------------------------------

def chart_frame_geometry():
    return Inches(0.8), Inches(1.5), Inches(8.4), Inches(5.2)


def add_chart(slide, chart_type, data, title, legend=True):
    x, y, cx, cy = chart_frame_geometry()
    chart = slide.shapes.add_chart(chart_type, x, y, cx, cy, data).chart
    chart.has_title = True
    chart.chart_title.text_frame.text = title
    chart.has_legend = legend
    if legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    return chart


def quarterly_report():
    prs = new_presentation("Quarterly Report 2024", "Charts, a table and notes")

    # 1. Title slide.
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE])
    slide.shapes.title.text = "Quarterly Report 2024"
    slide.placeholders[1].text = "Sales by region, customers and product mix"

    # 2. Clustered column chart, with speaker notes.
    slide = title_only_slide(prs, "Revenue by quarter")
    data = CategoryChartData()
    data.categories = ["Q1", "Q2", "Q3", "Q4"]
    data.add_series("North", (120, 135, 150, 172))
    data.add_series("South", (90, 112, 104, 141))
    add_chart(slide, XL_CHART_TYPE.COLUMN_CLUSTERED, data, "Revenue by quarter")
    slide.notes_slide.notes_text_frame.text = (
        "Revenue in thousands of dollars. North grew every quarter; South dipped in Q3 "
        "after the warehouse move and recovered strongly in Q4.")

    # 3. Line chart.
    slide = title_only_slide(prs, "Customer growth")
    data = CategoryChartData()
    data.categories = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]
    data.add_series("Active customers", (410, 432, 455, 449, 488, 530))
    add_chart(slide, XL_CHART_TYPE.LINE_MARKERS, data, "Active customers per month", legend=False)
    slide.notes_slide.notes_text_frame.text = "April's small drop follows the price change."

    # 4. Pie chart.
    slide = title_only_slide(prs, "Product mix")
    data = CategoryChartData()
    data.categories = ["Hardware", "Software", "Services"]
    data.add_series("Share of revenue", (0.45, 0.35, 0.20))
    chart = add_chart(slide, XL_CHART_TYPE.PIE, data, "Revenue share by product")
    plot = chart.plots[0]
    plot.has_data_labels = True
    plot.data_labels.number_format = "0%"
    plot.data_labels.number_format_is_linked = False

    # 5. Table: 4 rows x 3 columns.
    slide = title_only_slide(prs, "Regional revenue (k$)")
    rows = [("Region", "Q1", "Q2"), ("North", "120", "135"), ("South", "90", "112"), ("West", "75", "81")]
    table = slide.shapes.add_table(4, 3, Inches(1.5), Inches(1.8), Inches(7), Inches(2.4)).table
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value

    save(prs, "quarterly-report.pptx")


def team_photos():
    prs = new_presentation("Team photos", "Pictures with captions, ALT text states, a group")

    # 1. Two photos with captions below: one placeholder ALT text, one missing.
    slide = title_only_slide(prs, "Our team")
    left_pic = slide.shapes.add_picture(photo_group(11), Inches(0.6), Inches(1.7), Inches(4.0), Inches(3.0))
    # python-pptx's default descr is the file name ("image.jpg"): a placeholder. Keep it.
    add_caption(slide.shapes, left_pic, "Figure 1: The team at the spring workshop")
    right_pic = slide.shapes.add_picture(photo_board(12), Inches(5.4), Inches(1.7), Inches(4.0), Inches(3.0))
    set_descr(right_pic, "")  # missing
    add_caption(slide.shapes, right_pic, "Figure 2: The planning board after the kickoff meeting")

    # 2. A picture that already has human-written ALT text.
    slide = title_only_slide(prs, "In the lab")
    pic = slide.shapes.add_picture(photo_workbench(13), Inches(2.0), Inches(1.6), Inches(6.0), Inches(4.5))
    set_descr(pic, "Two engineers reviewing a circuit board at a workbench")
    add_caption(slide.shapes, pic, "Figure 3: Prototype review in the hardware lab")

    # 3. A group: two pictures and a text box.
    slide = title_only_slide(prs, "Office tour")
    group = slide.shapes.add_group_shape()
    group.name = "Office tour collage"
    first = group.shapes.add_picture(photo_room(21, (230, 220, 200)), Inches(0.8), Inches(1.8), Inches(4.0), Inches(3.0))
    set_descr(first, "")
    second = group.shapes.add_picture(photo_room(22, (190, 215, 230)), Inches(5.2), Inches(1.8), Inches(4.0), Inches(3.0))
    set_descr(second, "")
    add_text(group.shapes, Inches(0.8), Inches(4.95), Inches(8.4), Inches(0.5),
             "Left: the reception area. Right: the quiet room on the second floor.", size=14)
    slide.notes_slide.notes_text_frame.text = "Both rooms were repainted in January."

    save(prs, "team-photos.pptx")


def design_notes():
    prs = new_presentation("Design notes", "Decorative, automatic ALT text and a picture fill")

    # 1. A decorative divider.
    slide = title_only_slide(prs, "Design notes")
    add_text(slide.shapes, Inches(1.0), Inches(1.7), Inches(8.0), Inches(1.0),
             "Principles for the 2024 refresh: calm colours, generous spacing, one accent per slide.")
    divider = slide.shapes.add_picture(divider_line(), Inches(1.0), Inches(3.0), Inches(8.0), Inches(0.2))
    divider.name = "Divider"
    mark_decorative(divider)
    add_text(slide.shapes, Inches(1.0), Inches(3.5), Inches(8.0), Inches(1.0),
             "Every slide uses the same divider under its introduction.")

    # 2. PowerPoint's unreviewed automatic ALT text.
    slide = title_only_slide(prs, "Palette exploration")
    pic = slide.shapes.add_picture(clipart_palette(), Inches(2.0), Inches(1.7), Inches(6.0), Inches(3.75))
    set_descr(pic, "A picture containing text, clipart\n\nDescription automatically generated")
    add_caption(slide.shapes, pic, "The second palette draft, with hex codes")

    # 3. An autoshape with a picture fill.
    slide = title_only_slide(prs, "Texture swatch")
    swatch = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, Inches(3.0), Inches(1.8), Inches(4.0), Inches(3.0))
    swatch.name = "Swatch"
    picture_fill(slide, swatch, texture_tile(31))
    swatch.line.fill.background()
    add_caption(slide.shapes, swatch, "Woven fabric texture proposed for the cover")

    save(prs, "design-notes.pptx")


def main():
    quarterly_report()
    team_photos()
    design_notes()


if __name__ == "__main__":
    main()
