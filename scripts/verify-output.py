#!/usr/bin/env python3
"""Independently verify the decks altbuild wrote against the decks it read.

Usage: scripts/verify-output.py INPUT_DIR OUTPUT_DIR [--altbuild PATH] [--libreoffice]

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
             now have non-empty ALT text in another state, or are decorative.
  5 pdf      (--libreoffice) soffice converts the output to PDF with as many
             pages as the input has slides; the input is converted too, and a
             page count difference the input shares (hidden slides) is a note,
             not a failure.

Prints one line per deck, then "N passed, M failed"; exits 1 on any failure.
Decks without an output are listed as SKIP and are not counted.
"""

import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
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


def check_zip(inp, out):
    problems = []
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
        if added:
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
        for info in out_infos:
            src = by_name.get(info.filename)
            if src is None:
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
            problems.append("non-slide entries changed: %s%s"
                            % ("; ".join(differing[:MAX_DETAILS]), more))
        slide_bytes = {n: (zin.read(by_name[n]), zout.read(n)) for n in changed_slides}
    return problems, slide_bytes


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


def check_inspect(altbuild, inp, out):
    problems, notes = [], []
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
                    details.append("%s (%s) not filled: state %s, descr %s"
                                   % (label, state, b.get("state"), short(b.get("descr"), 40)))
            else:
                details.append("%s has unknown input state %s" % (label, short(state)))
    if details:
        more = " (+%d more)" % (len(details) - MAX_DETAILS) if len(details) > MAX_DETAILS else ""
        problems.append("; ".join(details[:MAX_DETAILS]) + more)
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
        problems, slide_bytes = check_zip(inp, out)
        record("2 zip", problems)
        problems, more_notes = check_xml(slide_bytes)
        record("3 xml", problems, more_notes)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        record("2 zip", ["cannot read archives: %s" % error])
        slide_bytes = {}
    problems, more_notes, stats = check_inspect(args.altbuild, inp, out)
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
    summary.append("%.1fs" % (time.time() - started))
    return rel, failures, notes, ", ".join(summary)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("input_dir")
    parser.add_argument("output_dir")
    parser.add_argument("--altbuild", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", ".build", "debug", "altbuild"))
    parser.add_argument("--libreoffice", action="store_true",
                        help="also convert input and output to PDF with soffice")
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
    with tempfile.TemporaryDirectory(prefix="verify-output-") as work, \
            concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = [(rel, pool.submit(verify, rel, args, soffice, work)) for rel in present]
        for rel, future in futures:
            try:
                rel, failures, notes, summary = future.result()
            except Exception as error:  # a verifier bug must not hide other decks
                failures, notes, summary = ["verifier crashed: %r" % error], [], ""
            if failures:
                failed += 1
                print("FAIL %s: %s" % (rel, " | ".join(failures)))
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
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
