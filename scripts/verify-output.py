#!/usr/bin/env python3
"""Independently verify the decks altbuild wrote against the decks it read.

Usage: scripts/verify-output.py INPUT_DIR OUTPUT_DIR [--altbuild PATH] [--libreoffice]
                                 [--long-descriptions]

For every deck under INPUT_DIR (.pptx .pptm .ppsx .potx) whose mirrored path
exists under OUTPUT_DIR, check:

  1 open     python-pptx opens the output; it has as many slides as the input.
  2 zip      the output holds exactly the input's entry names, in the same
             order; every entry other than a slide part (ppt/slides/slideN.xml)
             is byte-identical and not recompressed (same data, CRC, compressed
             size, compress_type and raw compressed bytes).
  3 xml      changed slide parts parse and differ from the input only in
             cNvPr/@descr and the decorative a:ext
             {C183D7F6-B498-43B3-948B-1728B52AA6E4} (plus its namespace
             declaration), compared as canonical XML (C14N).
  4 inspect  `altbuild inspect --json`: same slots; human/automatic/decorative
             slots keep descr and decorative flag; missing/placeholder slots
             now have non-empty ALT text in another state, or are decorative,
             or (with --review-dir) the deck's review file leaves them for a
             person with a reason.
  5 pdf      (--libreoffice) soffice converts the output to PDF with as many
             pages as the input has slides; the input is converted too, and a
             page count difference the input shares (hidden slides) is a note,
             not a failure.

With --long-descriptions (outputs of `altbuild build --long-descriptions
notes`), checks 1-3 also cover altbuild's block in the speaker notes, the
paragraphs between "── altbuild…──" marker paragraphs of a notes slide's
body placeholder (p:sp with p:ph type="body"; a paragraph's text is its a:t
texts, a:br read as a newline):

  1 open     each slide whose notes hold a block: python-pptx's
             slide.notes_slide.notes_text_frame.text contains it.
  2 zip      the output holds the input's entries in the same order, then
             possibly new ones, which may only be notes slides
             (ppt/notesSlides/), a notes master (ppt/notesMasters/), a theme
             (ppt/theme/) and their _rels. Entries that may change: slide
             parts, notes slides, [Content_Types].xml, ppt/presentation.xml
             and .rels parts; every other entry as above.
  3 xml      every notes slide of the input keeps its paragraphs outside any
             block (text and XML) and everything else but its body's
             paragraphs; an output notes slide holds at most one block, ended
             by its end marker, and a new one holds one; each new notes slide
             is related from exactly one slide, and back to it and to a notes
             master; presentation.xml has p:notesMasterIdLst (in schema order,
             pointing at a notes master) when notes slides exist and is
             otherwise unchanged; every new part is related from a part and
             has a content type Override of its kind; .rels parts and
             [Content_Types].xml changed only by additions.

Notes, not failures: a notes page whose only paragraphs were empty ones
that gave way to the block (altbuild fills a fresh page so); an input whose
block already lacked its end marker, left as it was; an input that already
had notes slides without p:notesMasterIdLst (python-pptx writes none); an
entry that may change, did not, yet is stored anew. The deck's line then also
counts the notes blocks written (new or changed), all blocks, their lines, and
the notes slides and notes masters made, and a last line sums them.

Prints one line per deck, then "N passed, M failed"; exits 1 on any failure.
Decks without an output are listed as SKIP and are not counted.
"""

import argparse
import concurrent.futures
import copy
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import zipfile

try:
    from lxml import etree
except ImportError:  # pragma: no cover
    sys.exit("verify-output: needs lxml (pip install lxml python-pptx)")
try:
    import pptx
except ImportError:  # pragma: no cover
    sys.exit("verify-output: needs python-pptx (pip install python-pptx)")

DECK_EXTENSIONS = (".pptx", ".pptm", ".ppsx", ".potx")
SLIDE_PART = re.compile(r"^ppt/slides/slide[0-9]+\.xml$")
DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
DECORATIVE_NS = "http://schemas.microsoft.com/office/drawing/2017/decorative"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
KEPT_STATES = {"human", "automatic", "decorative"}
FILLED_STATES = {"missing", "placeholder"}
MAX_DETAILS = 4

# --long-descriptions
NOTES_SLIDE_PART = re.compile(r"^ppt/notesSlides/[^/]+\.xml$")
NEW_NOTES_PART = re.compile(r"^ppt/(notesSlides|notesMasters|theme)/([^/]+\.xml|_rels/[^/]+\.xml\.rels)$")
CONTENT_TYPES_PART = "[Content_Types].xml"
PRESENTATION_PART = "ppt/presentation.xml"
P_URIS = ("http://schemas.openxmlformats.org/presentationml/2006/main",
          "http://purl.oclc.org/ooxml/presentationml/main")
A_URIS = (A_NS, "http://purl.oclc.org/ooxml/drawingml/main")
R_URIS = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
          "http://purl.oclc.org/ooxml/officeDocument/relationships")
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
NEW_PART_TYPES = {  # folder of a new part -> its content type
    "notesSlides": "application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml",
    "notesMasters": "application/vnd.openxmlformats-officedocument.presentationml.notesMaster+xml",
    "theme": "application/vnd.openxmlformats-officedocument.theme+xml",
}
# p:presentation's children that come after p:notesMasterIdLst (ECMA-376 CT_Presentation)
AFTER_NOTES_MASTER_ID_LST = ("handoutMasterIdLst", "sldIdLst", "sldSz", "notesSz", "smartTags",
                             "embeddedFontLst", "custShowLst", "photoAlbum", "custDataLst",
                             "kinsoku", "defaultTextStyle", "modifyVerifier", "extLst")


def short(value, limit=70):
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def find_decks(input_dir, output_dir):
    """Relative paths of every deck under input_dir, skipping output_dir."""
    output_real = os.path.realpath(output_dir)
    decks = []
    for root, dirs, files in os.walk(input_dir):
        dirs[:] = sorted(d for d in dirs
                         if os.path.realpath(os.path.join(root, d)) != output_real)
        for name in sorted(files):
            if name.lower().endswith(DECK_EXTENSIONS) and not name.startswith("~$"):
                decks.append(os.path.relpath(os.path.join(root, name), input_dir))
    return decks


# --------------------------------------------------------------- check 1: open

def pptx_slide_count(path):
    """(slide count, None) or (None, error text)."""
    try:
        return len(pptx.Presentation(path).slides), None
    except Exception as error:  # python-pptx raises many kinds
        return None, "%s: %s" % (type(error).__name__, str(error)[:120])


def check_open(inp, out):
    problems, notes = [], []
    in_count, in_error = pptx_slide_count(inp)
    out_count, out_error = pptx_slide_count(out)
    if out_error:
        if in_error:
            notes.append("python-pptx cannot open the input either (%s)" % in_error)
        else:
            problems.append("python-pptx cannot open output: %s" % out_error)
    elif in_error:
        notes.append("python-pptx opens the output but not the input (%s)" % in_error)
    elif in_count != out_count:
        problems.append("slide count %d in input, %d in output" % (in_count, out_count))
    return problems, notes, in_count


# ---------------------------------------------------------------- check 2: zip

def raw_member_bytes(zf, info):
    """The compressed bytes of one entry, read straight from the archive."""
    fp = zf.fp
    fp.seek(info.header_offset)
    header = fp.read(30)
    if header[:4] != b"PK\x03\x04":
        raise ValueError("bad local header for %s" % info.filename)
    name_len = int.from_bytes(header[26:28], "little")
    extra_len = int.from_bytes(header[28:30], "little")
    fp.seek(info.header_offset + 30 + name_len + extra_len)
    return fp.read(info.compress_size)


def may_change_with_notes(name):
    """With --long-descriptions: entries altbuild may rewrite."""
    return (SLIDE_PART.match(name) is not None or NOTES_SLIDE_PART.match(name) is not None
            or name in (CONTENT_TYPES_PART, PRESENTATION_PART) or name.endswith(".rels"))


def check_zip(inp, out, long_descriptions=False):
    """(problems, changed slide parts, package); package (every .xml and
    .rels entry of both archives, for check_notes) only with long_descriptions."""
    problems = []
    package = None
    with zipfile.ZipFile(inp) as zin, zipfile.ZipFile(out) as zout:
        bad = zout.testzip()
        if bad is not None:
            problems.append("output entry %s fails its CRC" % bad)
        in_infos, out_infos = zin.infolist(), zout.infolist()
        in_names = [i.filename for i in in_infos]
        out_names = [i.filename for i in out_infos]
        if len(set(out_names)) != len(out_names):
            dups = sorted({n for n in out_names if out_names.count(n) > 1})
            problems.append("duplicate output entries: %s" % ", ".join(dups[:MAX_DETAILS]))
        added = [n for n in out_names if n not in set(in_names)]
        dropped = [n for n in in_names if n not in set(out_names)]
        if long_descriptions:
            unexpected = [n for n in added if not NEW_NOTES_PART.match(n)]
            if unexpected:
                problems.append("entries not in input that are no notes slide, notes master, theme or "
                                "their _rels: %s" % ", ".join(unexpected[:MAX_DETAILS]))
            early = [n for i, n in enumerate(out_names)
                     if n in set(added) and i < len(out_names) - len(added)]
            if early:
                problems.append("new entries before the input's: %s" % ", ".join(early[:MAX_DETAILS]))
        elif added:
            problems.append("entries not in input: %s" % ", ".join(added[:MAX_DETAILS]))
        if dropped:
            problems.append("entries dropped: %s" % ", ".join(dropped[:MAX_DETAILS]))
        common_in = [n for n in in_names if n in set(out_names)]
        common_out = [n for n in out_names if n in set(in_names)]
        if common_in != common_out:
            first = next(i for i, (a, b) in enumerate(zip(common_in, common_out)) if a != b)
            problems.append("entry order differs at #%d: input %s, output %s"
                            % (first, common_in[first], common_out[first]))
        by_name = {i.filename: i for i in in_infos}
        changed_slides = []
        differing = []
        restored = []
        for info in out_infos:
            src = by_name.get(info.filename)
            if src is None:
                continue
            if long_descriptions and may_change_with_notes(info.filename):
                if zin.read(src) == zout.read(info):
                    if (src.compress_type, src.compress_size) != (info.compress_type, info.compress_size) \
                            or raw_member_bytes(zin, src) != raw_member_bytes(zout, info):
                        restored.append(info.filename)
                elif SLIDE_PART.match(info.filename):
                    changed_slides.append(info.filename)
                continue
            if SLIDE_PART.match(info.filename):
                if zin.read(src) != zout.read(info):
                    changed_slides.append(info.filename)
                continue
            what = []
            if zin.read(src) != zout.read(info):
                what.append("data")
            if src.CRC != info.CRC:
                what.append("CRC")
            if src.compress_type != info.compress_type:
                what.append("compress_type %d->%d" % (src.compress_type, info.compress_type))
            if src.compress_size != info.compress_size:
                what.append("compress_size %d->%d" % (src.compress_size, info.compress_size))
            if not what and raw_member_bytes(zin, src) != raw_member_bytes(zout, info):
                what.append("raw compressed bytes")
            if what:
                differing.append("%s (%s)" % (info.filename, ", ".join(what)))
        if differing:
            more = " (+%d more)" % (len(differing) - MAX_DETAILS) if len(differing) > MAX_DETAILS else ""
            if long_descriptions:
                problems.append("entries that may not change changed: %s%s"
                                % ("; ".join(differing[:MAX_DETAILS]), more))
            else:
                problems.append("non-slide entries changed: %s%s"
                                % ("; ".join(differing[:MAX_DETAILS]), more))
        slide_bytes = {n: (zin.read(by_name[n]), zout.read(n)) for n in changed_slides}
        if long_descriptions:
            wanted = lambda n: n.lower().endswith((".xml", ".rels"))
            package = {
                "in": {i.filename: zin.read(i) for i in in_infos if wanted(i.filename)},
                "out": {i.filename: zout.read(i) for i in out_infos if wanted(i.filename)},
                "added": added,
                "restored": restored,
            }
    return problems, slide_bytes, package


# ---------------------------------------------------------------- check 3: xml

def strip_alt_text(root):
    """Remove descr and the decorative a:ext from every cNvPr, in place."""
    for element in root.xpath("//*[local-name()='cNvPr']"):  # a list: safe to edit
        element.attrib.pop("descr", None)
        for ext_list in element.findall("{%s}extLst" % A_NS):
            removed = False
            for ext in ext_list.findall("{%s}ext" % A_NS):
                if ext.get("uri", "").upper() == DECORATIVE_URI:
                    ext_list.remove(ext)
                    removed = True
            if removed and len(ext_list) == 0:
                element.remove(ext_list)


def canonical(data):
    root = etree.fromstring(data)
    strip_alt_text(root)
    text = etree.tostring(root, method="c14n").decode("utf-8")
    # The decorative ext needs its namespace; tolerate (only) that declaration.
    return re.sub(r' xmlns:[A-Za-z0-9_.-]+="%s"' % re.escape(DECORATIVE_NS), "", text)


def first_difference(a, b, context=60):
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    start = max(0, i - context // 2)
    return "input ...%s... / output ...%s..." % (a[start:i + context], b[start:i + context])


def xml_prolog(data):
    match = re.match(rb"\s*<\?xml[^>]*\?>", data)
    return match.group(0) if match else b""


def check_xml(slide_bytes):
    problems, notes = [], []
    prologs = {}
    for name in sorted(slide_bytes, key=lambda n: int(re.findall(r"\d+", n)[-1])):
        before, after = slide_bytes[name]
        try:
            after_c14n = canonical(after)
        except etree.XMLSyntaxError as error:
            problems.append("%s does not parse: %s" % (name, error))
            continue
        try:
            before_c14n = canonical(before)
        except etree.XMLSyntaxError as error:
            notes.append("input %s does not parse: %s" % (name, error))
            continue
        if before_c14n != after_c14n:
            problems.append("%s differs beyond descr/decorative: %s"
                            % (name, first_difference(before_c14n, after_c14n)))
        if xml_prolog(before) != xml_prolog(after):
            prologs.setdefault((xml_prolog(before), xml_prolog(after)), []).append(name)
    for (before, after), names in prologs.items():
        notes.append("XML declaration %s -> %s in %d slide part(s)"
                     % (before.decode("utf-8", "replace"), after.decode("utf-8", "replace"), len(names)))
    return problems, notes


# ------------------------------------------- check 3 (--long-descriptions): notes

def local(element):
    return etree.QName(element).localname if isinstance(element.tag, str) else None


def is_in(element, uris, name):
    return isinstance(element.tag, str) and etree.QName(element).namespace in uris \
        and etree.QName(element).localname == name


def is_marker(paragraph):
    """altbuild's marker paragraph: "── altbuild ──", "── altbuild: … ──"."""
    text = paragraph.strip()
    return text.startswith("── altbuild") and text.endswith("──") and len(text) > len("── altbuild") + 1


def paragraph_text(paragraph):
    return "".join("\n" if is_in(e, A_URIS, "br") else (e.text or "")
                   for e in paragraph.iter() if is_in(e, A_URIS, "t") or is_in(e, A_URIS, "br"))


def notes_body(root):
    """The notes slide's body placeholder (first p:sp with p:ph type="body"), or None."""
    for shape in root.iter():
        if not is_in(shape, P_URIS, "sp"):
            continue
        for nv in shape:
            if is_in(nv, P_URIS, "nvSpPr"):
                for pr in nv:
                    if is_in(pr, P_URIS, "nvPr"):
                        for ph in pr:
                            if is_in(ph, P_URIS, "ph") and ph.get("type") == "body":
                                return shape
    return None


def body_paragraphs(root):
    """The a:p elements of the body placeholder's p:txBody ([] without one)."""
    body = notes_body(root)
    if body is None:
        return []
    for tx in body:
        if is_in(tx, P_URIS, "txBody"):
            return [p for p in tx if is_in(p, A_URIS, "p")]
    return []


def split_blocks(texts):
    """(indices outside every block, [block paragraph index ranges], unterminated start or None).
    A block runs from a marker to the next marker, both included."""
    outside, blocks, unterminated = [], [], None
    i = 0
    while i < len(texts):
        if is_marker(texts[i]):
            end = next((j for j in range(i + 1, len(texts)) if is_marker(texts[j])), None)
            if end is None:
                unterminated = i
                outside.extend(range(i + 1, len(texts)))
                break
            blocks.append(range(i, end + 1))
            i = end + 1
        else:
            outside.append(i)
            i += 1
    return outside, blocks, unterminated


def remove_keeping_tail(element):
    """Removes element; the text after it stays where it was."""
    parent, tail = element.getparent(), element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def exclusive_c14n(element):
    return etree.tostring(element, method="c14n", exclusive=True).decode("utf-8")


def notes_view(data):
    """What check_notes needs of one notes slide part."""
    root = etree.fromstring(data)
    paragraphs = body_paragraphs(root)
    texts = [paragraph_text(p) for p in paragraphs]
    outside, blocks, unterminated = split_blocks(texts)
    # Everything but the body's paragraphs (and a body or p:txBody altbuild may add).
    rest = etree.fromstring(data)
    body = notes_body(rest)
    if body is not None:
        for tx in body:
            if is_in(tx, P_URIS, "txBody"):
                for p in [p for p in tx if is_in(p, A_URIS, "p")]:
                    remove_keeping_tail(p)
    return {
        "texts": texts,
        "outside": [texts[i] for i in outside],
        "outside_xml": [exclusive_c14n(paragraphs[i]) for i in outside],
        "blocks": [[texts[i] for i in r] for r in blocks],
        "unterminated": unterminated is not None,
        "has_body": body is not None,
        "rest": rest,
    }


def rest_c14n(view, drop_body=False, drop_empty_tx=False):
    """The notes slide without its body's paragraphs; without the body
    (drop_body) or a p:txBody left empty (drop_empty_tx), for parts altbuild
    may have added."""
    root = copy.deepcopy(view["rest"])
    body = notes_body(root)
    if body is not None and drop_body:
        remove_keeping_tail(body)
    elif body is not None and drop_empty_tx:
        for tx in [t for t in body if is_in(t, P_URIS, "txBody")]:
            if all(local(c) in ("bodyPr", "lstStyle") for c in tx if isinstance(c.tag, str)):
                remove_keeping_tail(tx)
    return etree.tostring(root, method="c14n").decode("utf-8")


def rels_part_of(part):
    directory, base = posixpath.split(part)
    return posixpath.join(directory, "_rels", base + ".rels")


def source_of_rels(rels):
    directory, base = posixpath.split(rels)
    return posixpath.join(posixpath.dirname(directory), base[:-len(".rels")])


def resolve_target(source, target):
    target = urllib.parse.unquote(target.split("#")[0])
    if target.startswith("/"):
        return posixpath.normpath(target[1:])
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def parse_rels(data):
    """[{Id, Type, Target, TargetMode}] in document order."""
    root = etree.fromstring(data)
    return [{k: r.get(k) for k in ("Id", "Type", "Target", "TargetMode")}
            for r in root if isinstance(r.tag, str) and etree.QName(r).localname == "Relationship"]


def rel_kind(relationship):
    return (relationship.get("Type") or "").rsplit("/", 1)[-1]


def internal_targets(rels_name, relationships):
    source = source_of_rels(rels_name)
    return [(rel_kind(r), resolve_target(source, r["Target"] or ""), r) for r in relationships
            if (r.get("TargetMode") or "Internal") != "External" and r.get("Target")]


def lookup(parts, name):
    """The entry name for a part name, compared without case as OPC does."""
    if name in parts:
        return name
    lowered = name.lower()
    return next((n for n in parts if n.lower() == lowered), None)


def parse_content_types(data):
    root = etree.fromstring(data)
    defaults, overrides = {}, {}
    for element in root:
        if not isinstance(element.tag, str):
            continue
        if etree.QName(element).localname == "Default":
            defaults[(element.get("Extension") or "").lower()] = element.get("ContentType")
        elif etree.QName(element).localname == "Override":
            overrides[(element.get("PartName") or "").lower()] = element.get("ContentType")
    return defaults, overrides


def check_rels_additions(package, problems, notes):
    """Each input .rels keeps every Relationship (same Id, Type, Target, TargetMode)."""
    damaged = []
    for name, before in package["in"].items():
        if not name.endswith(".rels") or name not in package["out"]:
            continue
        after = package["out"][name]
        if before == after:
            continue
        try:
            old = parse_rels(before)
        except etree.XMLSyntaxError as error:
            notes.append("input %s does not parse: %s" % (name, error))
            continue
        try:
            new = {r["Id"]: r for r in parse_rels(after)}
        except etree.XMLSyntaxError as error:
            problems.append("%s does not parse: %s" % (name, error))
            continue
        for relationship in old:
            if new.get(relationship["Id"]) != relationship:
                damaged.append("%s %s %s -> %s" % (name, relationship["Id"], short(relationship, 60),
                                                   short(new.get(relationship["Id"]), 60)))
    if damaged:
        more = " (+%d more)" % (len(damaged) - MAX_DETAILS) if len(damaged) > MAX_DETAILS else ""
        problems.append("relationships changed or removed: %s%s" % ("; ".join(damaged[:MAX_DETAILS]), more))


def check_content_types(package, problems):
    """Only additions, and an Override of the right type for every new part."""
    try:
        defaults_in, overrides_in = parse_content_types(package["in"][CONTENT_TYPES_PART])
        defaults, overrides = parse_content_types(package["out"][CONTENT_TYPES_PART])
    except (KeyError, etree.XMLSyntaxError) as error:
        problems.append("cannot read [Content_Types].xml: %r" % error)
        return
    lost = ["Default %s" % k for k, v in defaults_in.items() if defaults.get(k) != v]
    lost += ["Override %s" % k for k, v in overrides_in.items() if overrides.get(k) != v]
    if lost:
        problems.append("[Content_Types].xml lost or changed: %s" % ", ".join(lost[:MAX_DETAILS]))
    for name in package["added"]:
        if not NEW_NOTES_PART.match(name):
            continue  # check 2 reports it
        if name.endswith(".rels"):
            if ("/" + name).lower() not in overrides and "rels" not in defaults:
                problems.append("new %s has no content type" % name)
            continue
        expected = NEW_PART_TYPES.get(name.split("/")[1]) if name.count("/") >= 2 else None
        actual = overrides.get(("/" + name).lower())
        if actual is None:
            problems.append("new part %s has no content type Override" % name)
        elif expected and actual != expected:
            problems.append("new part %s declared as %s" % (name, actual))


def presentation_notes_master(package, problems, notes, notes_exist):
    """Checks p:notesMasterIdLst and that presentation.xml changed by it only."""
    before = package["in"].get(PRESENTATION_PART)
    after = package["out"].get(PRESENTATION_PART)
    if before is None or after is None:
        notes.append("no %s" % PRESENTATION_PART)
        return
    try:
        root_in, root_out = etree.fromstring(before), etree.fromstring(after)
    except etree.XMLSyntaxError as error:
        problems.append("%s does not parse: %s" % (PRESENTATION_PART, error))
        return

    def lists(root):
        return [c for c in root if is_in(c, P_URIS, "notesMasterIdLst")]

    had = bool(lists(root_in))
    found = lists(root_out)
    if before != after:
        if had:
            if etree.tostring(root_in, method="c14n") != etree.tostring(root_out, method="c14n"):
                a, b = (etree.tostring(r, method="c14n").decode("utf-8") for r in (root_in, root_out))
                problems.append("%s changed: %s" % (PRESENTATION_PART, first_difference(a, b)))
        else:
            stripped = etree.fromstring(after)
            for element in lists(stripped):
                remove_keeping_tail(element)
            a, b = (etree.tostring(r, method="c14n").decode("utf-8") for r in (root_in, stripped))
            if a != b:
                problems.append("%s changed beyond p:notesMasterIdLst: %s"
                                % (PRESENTATION_PART, first_difference(a, b)))
    if len(found) > 1:
        problems.append("%s has %d p:notesMasterIdLst" % (PRESENTATION_PART, len(found)))
    if not found:
        if notes_exist:
            if had:
                problems.append("%s lost its p:notesMasterIdLst" % PRESENTATION_PART)
            elif any(NOTES_SLIDE_PART.match(n) for n in package["in"]):
                # python-pptx writes notes slides and a notes master without the list
                notes.append("the input has notes slides and no p:notesMasterIdLst already; the "
                             "output neither (%d notes slides added)" % len(package["new_notes"]))
            else:
                problems.append("%s has no p:notesMasterIdLst though the deck has notes slides"
                                % PRESENTATION_PART)
        return
    element = found[0]
    following = element.getnext()
    while following is not None and not isinstance(following.tag, str):
        following = following.getnext()
    previous = [local(c) for c in element.itersiblings(preceding=True) if isinstance(c.tag, str)]
    if (following is not None and local(following) not in AFTER_NOTES_MASTER_ID_LST) \
            or any(name in AFTER_NOTES_MASTER_ID_LST for name in previous):
        problems.append("p:notesMasterIdLst out of schema order (after %s, before %s)"
                        % (previous[:1], local(following) if following is not None else None))
    rels_name = rels_part_of(PRESENTATION_PART)
    try:
        relationships = {r["Id"]: r for r in parse_rels(package["out"][rels_name])}
    except (KeyError, etree.XMLSyntaxError) as error:
        problems.append("cannot read %s: %r" % (rels_name, error))
        return
    ids = [child for child in element if is_in(child, P_URIS, "notesMasterId")]
    if len(ids) != 1:
        problems.append("p:notesMasterIdLst holds %d p:notesMasterId" % len(ids))
    for child in ids:
        rid = next((v for k, v in child.attrib.items()
                    if etree.QName(k).namespace in R_URIS and etree.QName(k).localname == "id"), None)
        relationship = relationships.get(rid)
        if relationship is None or rel_kind(relationship) != "notesMaster":
            problems.append("p:notesMasterId r:id=%s is no notesMaster relationship" % rid)
        elif lookup(package["out"], resolve_target(PRESENTATION_PART, relationship["Target"])) is None:
            problems.append("p:notesMasterId points at missing %s" % relationship["Target"])


def check_notes(package):
    """The notes part of check 3, for --long-descriptions. (problems, notes, stats)."""
    problems, notes = [], []
    parts_in, parts_out = package["in"], package["out"]
    stats = {"blocks": 0, "lines": 0, "written": 0, "notes made": 0, "masters made": 0,
             "block parts": {}}
    check_rels_additions(package, problems, notes)

    # Every internal relationship of the output: (source, kind, target entry).
    relationships = []
    for name, data in parts_out.items():
        if not name.endswith(".rels"):
            continue
        try:
            for kind, target, _ in internal_targets(name, parse_rels(data)):
                relationships.append((source_of_rels(name), kind, lookup(parts_out, target) or target))
        except etree.XMLSyntaxError as error:
            if name in package["added"] or parts_in.get(name) != data:
                problems.append("%s does not parse: %s" % (name, error))
    from_slides = {}
    for source, kind, target in relationships:
        if kind == "notesSlide" and SLIDE_PART.match(source):
            from_slides.setdefault(target, []).append(source)
    for source in sorted({s for s, _, _ in relationships if SLIDE_PART.match(s)}):
        count = sum(1 for s, k, _ in relationships if s == source and k == "notesSlide")
        if count > 1:
            problems.append("%s has %d notesSlide relationships" % (source, count))

    added = set(package["added"])
    new_notes = sorted(n for n in added if NOTES_SLIDE_PART.match(n))
    package["new_notes"] = new_notes
    notes_parts = sorted(set(from_slides) | {n for n in parts_out if NOTES_SLIDE_PART.match(n)})
    notes_parts = [n for n in notes_parts if n in parts_out]
    stats["notes made"] = len(new_notes)
    stats["masters made"] = sum(1 for n in added if re.match(r"^ppt/notesMasters/[^/]+\.xml$", n))

    for name in sorted(notes_parts, key=lambda n: [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", n)]):
        try:
            view = notes_view(parts_out[name])
        except etree.XMLSyntaxError as error:
            problems.append("%s does not parse: %s" % (name, error))
            continue
        before = parts_in.get(name)
        view_in = None
        if before is not None:
            try:
                view_in = notes_view(before)
            except etree.XMLSyntaxError as error:
                notes.append("input %s does not parse: %s" % (name, error))
        if view["unterminated"]:
            if before == parts_out[name] and view_in is not None and view_in["unterminated"]:
                notes.append("%s: the input's block has no end marker; left as it was" % name)
            else:
                problems.append("%s: a block without its end marker" % name)
        if len(view["blocks"]) > 1:
            problems.append("%s holds %d blocks" % (name, len(view["blocks"])))
        for block in view["blocks"]:
            stats["blocks"] += 1
            stats["lines"] += len(block) - 2
        if view["blocks"]:
            stats["block parts"][name] = view["blocks"][0]
            if view_in is None or view_in["blocks"][:1] != view["blocks"][:1]:
                stats["written"] += 1
        if view_in is not None:
            persons_in, persons_out = view_in["outside"], view["outside"]
            blank = all(not t.strip() for t in persons_in) and all(not t.strip() for t in persons_out)
            if persons_in != persons_out and blank:
                notes.append("%s: the notes page's %d empty paragraph(s) gave way to the block"
                             % (name, len(persons_in)))
            elif persons_in != persons_out:
                problems.append("%s: the person's notes changed: %s -> %s"
                                % (name, short(persons_in, 120), short(persons_out, 120)))
            elif view_in["outside_xml"] != view["outside_xml"]:
                index = next(i for i, (a, b) in enumerate(zip(view_in["outside_xml"], view["outside_xml"]))
                             if a != b)
                problems.append("%s: the person's paragraph %d changed in its XML: %s"
                                % (name, index + 1, first_difference(view_in["outside_xml"][index],
                                                                     view["outside_xml"][index])))
            a = rest_c14n(view_in, drop_empty_tx=True)
            b = rest_c14n(view, drop_body=not view_in["has_body"], drop_empty_tx=True)
            if a != b:
                problems.append("%s changed outside its body's paragraphs: %s"
                                % (name, first_difference(a, b)))
        elif name in added:
            if not view["blocks"]:
                problems.append("new %s holds no block" % name)
            if any(t.strip() for t in view["outside"]):
                notes.append("new %s holds text outside the block: %s" % (name, short(view["outside"], 80)))

        sources = from_slides.get(name, [])
        if name in added or sources:
            if name in added and len(sources) != 1:
                problems.append("new %s is related from %d slides (%s)"
                                % (name, len(sources), ", ".join(sources[:MAX_DETAILS])))
        if name in added:
            back = [(k, t) for s, k, t in relationships if s == name]
            slides_back = [t for k, t in back if k == "slide"]
            masters = [t for k, t in back if k == "notesMaster"]
            if len(sources) == 1 and slides_back != sources:
                problems.append("new %s relates back to %s, not to %s" % (name, slides_back, sources[0]))
            if len(masters) != 1 or lookup(parts_out, masters[0]) is None:
                problems.append("new %s has notes master relationships %s" % (name, masters))
            elif not re.match(r"^ppt/notesMasters/", masters[0]):
                notes.append("new %s uses notes master %s" % (name, masters[0]))

    # New parts: related from somewhere; masters have a theme.
    targets = {t for _, _, t in relationships}
    for name in sorted(added):
        if not NEW_NOTES_PART.match(name):
            continue  # check 2 reports it
        if name.endswith(".rels"):
            if lookup(parts_out, source_of_rels(name)) is None:
                problems.append("new %s belongs to no part" % name)
            continue
        if name not in targets:
            problems.append("new part %s is not related from any part" % name)
        if name.startswith("ppt/notesMasters/"):
            themes = [t for s, k, t in relationships if s == name and k == "theme"]
            if len(themes) != 1 or lookup(parts_out, themes[0]) is None:
                problems.append("new %s has theme relationships %s" % (name, themes))
            if not any(s == PRESENTATION_PART and k == "notesMaster" and t == name
                       for s, k, t in relationships):
                problems.append("new %s is not related from %s" % (name, PRESENTATION_PART))
        try:
            etree.fromstring(parts_out[name])
        except etree.XMLSyntaxError as error:
            problems.append("new %s does not parse: %s" % (name, error))

    check_content_types(package, problems)
    presentation_notes_master(package, problems, notes, bool(from_slides))
    return problems, notes, stats


def check_open_notes(out, block_parts):
    """Check 1 for --long-descriptions: python-pptx reads each block in its slide's notes."""
    problems = []
    try:
        presentation = pptx.Presentation(out)
    except Exception as error:  # reported by check_open
        return ["python-pptx cannot open output for its notes: %s" % str(error)[:120]], 0
    seen = 0
    reached = set()
    for number, slide in enumerate(presentation.slides, start=1):
        try:
            if not slide.has_notes_slide:
                continue
            notes_slide = slide.notes_slide
            name = str(notes_slide.part.partname).lstrip("/")
            frame = notes_slide.notes_text_frame
            text = frame.text if frame is not None else None
        except Exception as error:  # python-pptx raises many kinds
            problems.append("slide %d: python-pptx cannot read its notes: %s: %s"
                            % (number, type(error).__name__, str(error)[:120]))
            continue
        name = lookup(block_parts, name) or name
        reached.add(name)
        block = block_parts.get(name)
        if block is None:
            continue
        seen += 1
        expected = "\n".join(p.replace("\n", "\v") for p in block)
        if text is None:
            problems.append("slide %d: python-pptx finds no notes text frame in %s" % (number, name))
        elif expected not in text:
            problems.append("slide %d: python-pptx's notes text lacks the block of %s: %s"
                            % (number, name, short(text, 100)))
    unreached = sorted(set(block_parts) - reached)
    if unreached:
        problems.append("python-pptx reaches no slide whose notes are %s" % ", ".join(unreached[:MAX_DETAILS]))
    return problems, seen


# ------------------------------------------------------------ check 4: inspect

def inspect(altbuild, path):
    """(inventory, None) or (None, error)."""
    try:
        result = subprocess.run([altbuild, "inspect", path, "--json"],
                                capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        return None, "timed out"
    if result.returncode != 0:
        message = (result.stderr or result.stdout).strip().splitlines()
        return None, "exit %d: %s" % (result.returncode, message[-1] if message else "")
    try:
        return json.loads(result.stdout), None
    except ValueError as error:
        return None, "invalid JSON: %s" % error


def slot_label(slide_no, slot):
    return "slide %s %s %s#%s" % (slide_no, slot.get("kind"), short(slot.get("name"), 30),
                                  slot.get("id", slot.get("ordinal")))


def left_for_a_person(review_file):
    """(slide, name) of every slot the deck's review file leaves for a person
    (needs-review or placeholder) with a reason: since altbuild writes no
    sentence that says nothing, such a slot is rightly unfilled."""
    if not review_file or not os.path.exists(review_file):
        return set()
    with open(review_file, encoding="utf-8") as f:
        entries = json.load(f).get("slots", [])
    return {(e.get("slide"), e.get("name")) for e in entries
            if e.get("state") in ("needs-review", "placeholder") and (e.get("reason") or "").strip()}


def check_inspect(altbuild, inp, out, review_file=None):
    problems, notes = [], []
    waiting = left_for_a_person(review_file)
    left = 0
    before, error = inspect(altbuild, inp)
    if error:
        return ["inspect input failed: %s" % error], notes, None
    after, error = inspect(altbuild, out)
    if error:
        return ["inspect output failed: %s" % error], notes, None
    in_slides, out_slides = before.get("slides", []), after.get("slides", [])
    if len(in_slides) != len(out_slides):
        problems.append("inspect slide count %d -> %d" % (len(in_slides), len(out_slides)))
    in_total = sum(len(s.get("slots", [])) for s in in_slides)
    out_total = sum(len(s.get("slots", [])) for s in out_slides)
    if in_total != out_total:
        problems.append("slot count %d -> %d" % (in_total, out_total))
    details = []
    filled = 0
    for index, (s_in, s_out) in enumerate(zip(in_slides, out_slides), start=1):
        slots_in, slots_out = s_in.get("slots", []), s_out.get("slots", [])
        if len(slots_in) != len(slots_out):
            details.append("slide %d slot count %d -> %d" % (index, len(slots_in), len(slots_out)))
        for a, b in zip(slots_in, slots_out):
            label = slot_label(s_in.get("number", index), a)
            identity = ("kind", "part", "ordinal", "id", "name")
            if any(a.get(k) != b.get(k) for k in identity):
                details.append("%s does not line up with output slot %s" % (label, slot_label(index, b)))
                continue
            state = a.get("state")
            if state in KEPT_STATES:
                if a.get("descr") != b.get("descr"):
                    details.append("%s (%s) descr changed %s -> %s"
                                   % (label, state, short(a.get("descr"), 40), short(b.get("descr"), 40)))
                if bool(a.get("decorative")) != bool(b.get("decorative")):
                    details.append("%s (%s) decorative %s -> %s"
                                   % (label, state, a.get("decorative"), b.get("decorative")))
            elif state in FILLED_STATES:
                filled += 1
                decorative = bool(b.get("decorative")) or b.get("state") == "decorative"
                text = (b.get("descr") or "").strip()
                if not decorative and (not text or b.get("state") in FILLED_STATES):
                    if (s_in.get("number", index), a.get("name")) in waiting:
                        left += 1
                        continue
                    details.append("%s (%s) not filled: state %s, descr %s"
                                   % (label, state, b.get("state"), short(b.get("descr"), 40)))
            else:
                details.append("%s has unknown input state %s" % (label, short(state)))
    if details:
        more = " (+%d more)" % (len(details) - MAX_DETAILS) if len(details) > MAX_DETAILS else ""
        problems.append("; ".join(details[:MAX_DETAILS]) + more)
    if left:
        notes.append("%d unfilled slot(s) left for a person, with a reason, in the review file" % left)
    return problems, notes, {"slots": in_total, "filled": filled}


# ---------------------------------------------------------------- check 5: pdf

def pdf_page_count(path):
    try:
        import pypdf
        return len(pypdf.PdfReader(path).pages)
    except ImportError:
        pass
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
        match = re.search(r"^Pages:\s+(\d+)", info, re.M)
        if match:
            return int(match.group(1))
    raise RuntimeError("cannot count PDF pages: pip install pypdf or apt-get install poppler-utils")


def convert_to_pdf(soffice, deck, work):
    """(page count, None) or (None, error). Each call has its own profile."""
    outdir = tempfile.mkdtemp(dir=work)
    profile = tempfile.mkdtemp(dir=work)
    command = [soffice, "-env:UserInstallation=file://" + profile, "--headless",
               "--convert-to", "pdf", "--outdir", outdir, deck]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        return None, "soffice timed out"
    pdfs = [f for f in os.listdir(outdir) if f.lower().endswith(".pdf")]
    if result.returncode != 0 or not pdfs:
        message = (result.stderr or result.stdout).strip().replace("\n", " | ")
        return None, "soffice exit %d, no PDF: %s" % (result.returncode, message[:150])
    try:
        return pdf_page_count(os.path.join(outdir, pdfs[0])), None
    except Exception as error:
        return None, "unreadable PDF: %s" % error
    finally:
        shutil.rmtree(outdir, ignore_errors=True)
        shutil.rmtree(profile, ignore_errors=True)


def check_pdf(soffice, work, inp, out, slide_count):
    problems, notes = [], []
    out_pages, out_error = convert_to_pdf(soffice, out, work)
    in_pages, in_error = convert_to_pdf(soffice, inp, work)
    if out_error:
        if in_error:
            notes.append("LibreOffice fails on the input too (%s)" % in_error)
        else:
            problems.append("output: %s (input converts to %d pages)" % (out_error, in_pages))
        return problems, notes
    if in_error:
        notes.append("output converts (%d pages) but input does not: %s" % (out_pages, in_error))
        in_pages = None
    if slide_count is None or out_pages == slide_count:
        if in_pages is not None and in_pages != out_pages:
            problems.append("output %d pages, input %d pages" % (out_pages, in_pages))
        return problems, notes
    if in_pages == out_pages:
        why = "LibreOffice renders an empty deck as one page" if slide_count == 0 else "hidden slides?"
        notes.append("PDF has %d pages for %d slides, same as the input's PDF (%s)"
                     % (out_pages, slide_count, why))
    else:
        problems.append("output PDF %d pages for %d slides (input PDF: %s pages)"
                        % (out_pages, slide_count, in_pages))
    return problems, notes


# ---------------------------------------------------------------------- main

def snapshot_altbuild(path, directory):
    """Run a private copy of the binary, so that a concurrent `swift build`
    can neither fail our runs (ETXTBSY) nor swap versions half way through."""
    copy = os.path.join(directory, "altbuild")
    for attempt in range(30):
        try:
            shutil.copy2(path, copy)
            # altbuild parses decks in altbuild-worker, found next to it.
            worker = os.path.join(os.path.dirname(os.path.abspath(path)), "altbuild-worker")
            if os.path.exists(worker):
                shutil.copy2(worker, os.path.join(directory, "altbuild-worker"))
            probe = subprocess.run([copy, "--version"], capture_output=True, text=True, timeout=60)
            if probe.returncode == 0:
                print("altbuild %s (%s)" % (probe.stdout.strip(), os.path.abspath(path)))
                return copy
        except OSError:
            pass
        time.sleep(2)  # the binary is probably being relinked
    sys.exit("verify-output: cannot run a copy of %s" % path)


def verify(rel, args, soffice, work):
    inp = os.path.join(args.input_dir, rel)
    out = os.path.join(args.output_dir, rel)
    failures, notes = [], []
    notes_stats = None
    started = time.time()

    def record(check, problems, extra_notes=()):
        failures.extend("[%s] %s" % (check, p) for p in problems)
        notes.extend("[%s] %s" % (check, n) for n in extra_notes)

    problems, more_notes, slide_count = check_open(inp, out)
    record("1 open", problems, more_notes)
    if slide_count is None:
        inventory, _ = inspect(args.altbuild, inp)
        slide_count = inventory.get("slideCount") if inventory else None
    try:
        problems, slide_bytes, package = check_zip(inp, out, args.long_descriptions)
        record("2 zip", problems)
        problems, more_notes = check_xml(slide_bytes)
        record("3 xml", problems, more_notes)
        if package is not None:
            if package["restored"]:
                record("2 zip", [], ["unchanged but stored anew: %s"
                                     % ", ".join(package["restored"][:MAX_DETAILS])])
            problems, more_notes, notes_stats = check_notes(package)
            record("3 xml", problems, more_notes)
            problems, notes_stats["reached"] = check_open_notes(out, notes_stats["block parts"])
            record("1 open", problems)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        record("2 zip", ["cannot read archives: %s" % error])
        slide_bytes = {}
    review_file = os.path.join(args.review_dir, rel + ".json") if args.review_dir else None
    problems, more_notes, stats = check_inspect(args.altbuild, inp, out, review_file)
    record("4 inspect", problems, more_notes)
    if soffice:
        problems, more_notes = check_pdf(soffice, work, inp, out, slide_count)
        record("5 pdf", problems, more_notes)
    summary = []
    if slide_count is not None:
        summary.append("%d slides" % slide_count)
    if stats:
        summary.append("%d slots, %d filled" % (stats["slots"], stats["filled"]))
    summary.append("%d slide parts changed" % len(slide_bytes))
    if notes_stats is not None:
        summary.append("%d notes blocks written (%d in all, %d lines), %d notes slides made, "
                       "%d notes masters made"
                       % (notes_stats["written"], notes_stats["blocks"], notes_stats["lines"],
                          notes_stats["notes made"], notes_stats["masters made"]))
    summary.append("%.1fs" % (time.time() - started))
    return rel, failures, notes, ", ".join(summary), notes_stats


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("input_dir")
    parser.add_argument("output_dir")
    parser.add_argument("--altbuild", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", ".build", "debug", "altbuild"))
    parser.add_argument("--libreoffice", action="store_true",
                        help="also convert input and output to PDF with soffice")
    parser.add_argument("--long-descriptions", action="store_true",
                        help="outputs of `altbuild build --long-descriptions notes`: allow and "
                             "check altbuild's block in the speaker notes")
    parser.add_argument("--review-dir", help="the build's review folder (alt-text/<input dir>): a slot its "
                        "review file leaves for a person, with a reason, may stay unfilled in check 4")
    parser.add_argument("--jobs", type=int, default=min(4, os.cpu_count() or 1))
    args = parser.parse_args()

    if not os.access(args.altbuild, os.X_OK):
        sys.exit("verify-output: no altbuild binary at %s (swift build, or --altbuild)" % args.altbuild)
    soffice = None
    if args.libreoffice:
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if not soffice:
            sys.exit("verify-output: --libreoffice given but soffice is not on PATH")

    decks = find_decks(args.input_dir, args.output_dir)
    snapshot_dir = tempfile.mkdtemp(prefix="verify-output-bin-")
    args.altbuild = snapshot_altbuild(args.altbuild, snapshot_dir)
    present = [d for d in decks if os.path.isfile(os.path.join(args.output_dir, d))]
    missing = [d for d in decks if d not in present]
    started = time.time()
    passed = failed = 0
    totals = {"decks": 0, "written": 0, "blocks": 0, "lines": 0, "notes made": 0, "masters made": 0}
    with tempfile.TemporaryDirectory(prefix="verify-output-") as work, \
            concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = [(rel, pool.submit(verify, rel, args, soffice, work)) for rel in present]
        for rel, future in futures:
            try:
                rel, failures, notes, summary, notes_stats = future.result()
            except Exception as error:  # a verifier bug must not hide other decks
                failures, notes, summary, notes_stats = ["verifier crashed: %r" % error], [], "", None
            if notes_stats is not None:
                totals["decks"] += 1 if notes_stats["blocks"] else 0
                for key in ("written", "blocks", "lines", "notes made", "masters made"):
                    totals[key] += notes_stats[key]
            if failures:
                failed += 1
                print("FAIL %s: %s" % (rel, " | ".join(failures)))
                if args.long_descriptions and summary:
                    print("     (%s)" % summary)
            else:
                passed += 1
                print("OK   %s (%s)" % (rel, summary))
            for note in notes:
                print("     note: %s" % note)
            sys.stdout.flush()
    for rel in missing:
        print("SKIP %s: no output in %s" % (rel, args.output_dir))
    print("%d decks without output skipped; checked in %.1fs%s"
          % (len(missing), time.time() - started, " with LibreOffice" if soffice else ""))
    shutil.rmtree(snapshot_dir, ignore_errors=True)
    if args.long_descriptions:
        print("notes: %d decks with blocks, %d blocks written (%d in all, %d lines), "
              "%d notes slides made, %d notes masters made"
              % (totals["decks"], totals["written"], totals["blocks"], totals["lines"],
                 totals["notes made"], totals["masters made"]))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
