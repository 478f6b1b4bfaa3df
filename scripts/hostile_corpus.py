#!/usr/bin/env python3
"""Write a corpus of hostile decks for altbuild's end-to-end safety test.

Usage: scripts/hostile_corpus.py OUTDIR [--canary-port PORT]

Writes 50-odd .pptx files into OUTDIR and OUTDIR/expected.json, a list of

    {"file": NAME, "expect": {"code": "E_..."}, "why": ONE LINE}
    {"file": NAME, "expect": {"status": "built", ...extra checks}, "why": ONE LINE}

where the extra checks are
    "descr": {"part": P, "id": I, "present": BOOL}
        in the output deck, the cNvPr with id I in part P has (or has no) descr;
    "warning": TEXT
        the build's stderr or log says TEXT on a line naming the deck.

Every byte is generated here, from Python's standard library only: each deck
starts from one minimal valid deck (one slide, a title and one picture with a
real 2x2 PNG) and breaks one thing. Zip archives are written by hand (see
ZipWriter) because the interesting layouts (overlapping entries, lying headers,
names zipfile refuses) are exactly the ones zipfile will not make.

URLs in the corpus point at 127.0.0.1 on --canary-port (default 9, the discard
port, normally closed): a test can listen there and check nothing connects.

File-system cases (symlinks, FIFOs, folders named .pptx, decks deleted while
the build runs) are links and folders, not bytes, so the test makes them.
"""

import argparse
import json
import os
import random
import struct
import sys
import unicodedata
import zlib

# --------------------------------------------------------------------------
# Zip writing, by hand.

STORE, DEFLATE = 0, 8
DOS_TIME, DOS_DATE = 0, (2024 - 1980) << 9 | 1 << 5 | 1  # 2024-01-01 00:00, fixed so output is reproducible
UTF8_FLAG = 0x0800
ZIP64_MARK = 0xFFFFFFFF


def deflate(data, level=6):
    """Raw deflate (no zlib header), as zip stores it."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


class Entry:
    """One archive member. The overrides let a case make the headers lie."""

    def __init__(self, name, data, method=DEFLATE, central_name=None, crc=None, declared_size=None):
        self.name = name.encode("utf-8") if isinstance(name, str) else name
        self.data = data
        self.method = method
        self.central_name = (central_name.encode("utf-8") if isinstance(central_name, str) else central_name) or self.name
        self.crc = zlib.crc32(data) if crc is None else crc
        self.declared_size = len(data) if declared_size is None else declared_size
        self.payload = deflate(data) if method == DEFLATE else data


class Layout:
    """Where things landed in an archive, so truncation points can be chosen."""

    def __init__(self):
        self.local_offsets, self.data_offsets = [], []
        self.central_offset = self.end_offset = 0


def local_header(name, method, crc, compressed, size, zip64=False):
    extra = struct.pack("<HHQQ", 1, 16, size, compressed) if zip64 else b""
    if zip64:
        compressed = size = ZIP64_MARK
    return struct.pack("<IHHHHHIIIHH", 0x04034B50, 45 if zip64 else 20, UTF8_FLAG, method, DOS_TIME, DOS_DATE,
                       crc, compressed, size, len(name), len(extra)) + name + extra


def central_header(name, method, crc, compressed, size, offset, zip64=False):
    extra = struct.pack("<HHQQQ", 1, 24, size, compressed, offset) if zip64 else b""
    if zip64:
        compressed = size = offset = ZIP64_MARK
    return struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 45 if zip64 else 20, 45 if zip64 else 20, UTF8_FLAG, method,
                       DOS_TIME, DOS_DATE, crc, compressed, size, len(name), len(extra), 0, 0, 0, 0, offset) + name + extra


def end_records(count, central_offset, central_size, zip64=False):
    """The end of central directory record, preceded by the zip64 record and
    locator when asked for or when the entry count needs them."""
    if not zip64 and count <= 0xFFFF:
        return struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, central_size, central_offset, 0)
    zip64_end_offset = central_offset + central_size
    record = struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, count, count, central_size, central_offset)
    locator = struct.pack("<IIQI", 0x07064B50, 0, zip64_end_offset, 1)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, ZIP64_MARK, ZIP64_MARK, 0)
    return record + locator + end


def zip_bytes(entries, zip64=False, layout=None):
    """An archive of `entries` in order: local headers and data, the central
    directory, the end records. Fills `layout` if given."""
    layout = layout if layout is not None else Layout()
    out, central = bytearray(), bytearray()
    for entry in entries:
        layout.local_offsets.append(len(out))
        offset = len(out)
        out += local_header(entry.name, entry.method, entry.crc, len(entry.payload), entry.declared_size, zip64)
        layout.data_offsets.append(len(out))
        out += entry.payload
        central += central_header(entry.central_name, entry.method, entry.crc, len(entry.payload),
                                  entry.declared_size, offset, zip64)
    layout.central_offset = len(out)
    out += central
    layout.end_offset = len(out)
    out += end_records(len(entries), layout.central_offset, len(central), zip64)
    return bytes(out)


# --------------------------------------------------------------------------
# The minimal valid deck every case starts from.

NS_DECL = ('xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
           'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
SLIDE = "ppt/slides/slide1.xml"
SLIDE_RELS = "ppt/slides/_rels/slide1.xml.rels"
IMAGE = "ppt/media/image1.png"


def png(width, height, rows=None):
    """A PNG with a correct signature, IHDR, IDAT and IEND; `rows` is the
    filtered scanline data (RGBA, 8 bits), default a grey picture."""
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    if rows is None:
        rows = b"".join(b"\0" + b"\x80\x80\x80\xff" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


TINY_PNG = png(2, 2)


def picture(shape_id, name, embed="rIdImg", blip_extras=""):
    return (f'<p:pic><p:nvPicPr><p:cNvPr id="{shape_id}" name="{name}"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr>'
            f'<p:blipFill><a:blip r:embed="{embed}">{blip_extras}</a:blip><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
            '<p:spPr><a:xfrm><a:off x="1000000" y="1500000"/><a:ext cx="3000000" cy="2000000"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>')


TITLE = ('<p:sp><p:nvSpPr><p:cNvPr id="100" name="Title 1"/><p:cNvSpPr/><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr>'
         '<p:spPr/><p:txBody><a:bodyPr/><a:p><a:r><a:t>{title}</a:t></a:r></a:p></p:txBody></p:sp>')


def slide_xml(shapes=None, title="Quarterly office move"):
    if shapes is None:
        shapes = picture(2, "Picture 1")
    return (XML_HEADER + f'<p:sld {NS_DECL}><p:cSld><p:spTree>'
            '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>'
            + TITLE.format(title=title) + shapes + '</p:spTree></p:cSld></p:sld>')


def rels_xml(relationships):
    """`relationships`: (id, type suffix or full URI, target[, external])."""
    body = ""
    for rel in relationships:
        rel_id, kind, target = rel[:3]
        mode = ' TargetMode="External"' if len(rel) > 3 and rel[3] else ""
        uri = kind if "://" in kind else f"{REL}/{kind}"
        body += f'<Relationship Id="{rel_id}" Type="{uri}" Target="{target}"{mode}/>'
    return XML_HEADER + f'<Relationships xmlns="{RELS_NS}">{body}</Relationships>'


def content_types(slides=1):
    overrides = "".join(
        f'<Override PartName="/ppt/slides/slide{i}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.presentationml.slide+xml"/>'
        for i in range(1, slides + 1))
    defaults = "".join(f'<Default Extension="{ext}" ContentType="{mime}"/>' for ext, mime in [
        ("rels", "application/vnd.openxmlformats-package.relationships+xml"), ("xml", "application/xml"),
        ("png", "image/png"), ("jpeg", "image/jpeg"), ("gif", "image/gif"), ("emf", "image/x-emf"),
        ("svg", "image/svg+xml")])
    return (XML_HEADER + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' + defaults
            + '<Override PartName="/ppt/presentation.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/>'
            + overrides + '</Types>')


def base_parts(slide=None, slide_rels=None, image=TINY_PNG, image_name=IMAGE, slides=1, presentation_rels=()):
    """The parts of the minimal deck, in archive order, as {name: bytes}.
    A value of None for `image` leaves the image out."""
    slide_ids = "".join(f'<p:sldId id="{255 + i}" r:id="rIdS{i}"/>' for i in range(1, slides + 1))
    parts = {
        "[Content_Types].xml": content_types(slides),
        "_rels/.rels": rels_xml([("rId1", "officeDocument", "ppt/presentation.xml")]),
        "ppt/presentation.xml": XML_HEADER + f'<p:presentation {NS_DECL}><p:sldIdLst>{slide_ids}</p:sldIdLst>'
                                '<p:sldSz cx="12192000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>',
        "ppt/_rels/presentation.xml.rels": rels_xml(
            [(f"rIdS{i}", "slide", f"slides/slide{i}.xml") for i in range(1, slides + 1)] + list(presentation_rels)),
        SLIDE: slide_xml() if slide is None else slide,
        SLIDE_RELS: rels_xml([("rIdImg", "image", "../media/" + image_name.rsplit("/", 1)[1])]) if slide_rels is None else slide_rels,
    }
    if image is not None:
        parts[image_name] = image
    return {name: data.encode("utf-8") if isinstance(data, str) else data for name, data in parts.items()}


def entries(parts, method=DEFLATE):
    return [Entry(name, data, method) for name, data in parts.items()]


def base_deck(**changes):
    return zip_bytes(entries(base_parts(**changes)))


# --------------------------------------------------------------------------
# The cases. Each family returns [(file name, bytes, expect, why)].

def built(**checks):
    return {"status": "built", **checks}


def code(name):
    return {"code": name}


def described(present):
    """The picture (cNvPr id 2 on slide 1) has, or has no, ALT text in the output."""
    return {"descr": {"part": SLIDE, "id": "2", "present": present}}


def control_cases():
    """The one deck that is not hostile."""
    return [("valid.pptx", base_deck(), built(**described(True)),
             "the unbroken base deck: proves every refusal below is caused by the one thing each case breaks")]


def container_cases():
    """The zip container: cut short, damaged, lying about its layout, or not a zip at all."""
    cases = []
    layout = Layout()
    good = zip_bytes(entries(base_parts()), layout=layout)
    slide_index = list(base_parts()).index(SLIDE)
    # A download cut short can end anywhere; each point stops a reader in a
    # different state (mid-header, mid-name, mid-stream, mid-directory, no end record).
    cuts = [
        ("01-first-local-header", 10),
        ("02-first-entry-name", 35),
        ("03-first-entry-data", layout.data_offsets[0] + 40),
        ("04-at-a-local-header", layout.local_offsets[3]),
        ("05-slide-local-header", layout.local_offsets[slide_index] + 20),
        ("06-last-entry-data", layout.data_offsets[-1] + 20),
        ("07-at-central-directory", layout.central_offset),
        ("08-mid-central-directory", (layout.central_offset + layout.end_offset) // 2),
        ("09-at-end-record", layout.end_offset),
        ("10-mid-end-record", layout.end_offset + 12),
    ]
    # Every cut loses the end record, so every one is E_ZIP_TRUNCATED (E_ZIP_CORRUPT
    # would also be acceptable; this pins the one altbuild gives, so it stays stable).
    for label, cut in cuts:
        cases.append((f"truncated-{label}.pptx", good[:cut], code("E_ZIP_TRUNCATED"),
                      f"cut at byte {cut} of {len(good)}: a partial download must be refused, not half-read"))

    # The slide's CRC is wrong in both headers, so only checking the data catches it
    # (and an output copied "as stored" would carry the damage on).
    parts = base_parts()
    bad = [Entry(n, d, crc=(zlib.crc32(d) ^ 0xDEADBEEF) if n == SLIDE else None) for n, d in parts.items()]
    cases.append(("bad-crc.pptx", zip_bytes(bad), code("E_ZIP_CORRUPT"),
                  "slide1.xml's CRC-32 does not match its data: the bytes are damaged"))

    # The local header names a different part than the central directory: readers
    # that walk local headers (streaming unzip) and readers that trust the
    # directory would see different decks.
    smuggled = [Entry("ppt/slides/slideX.xml", d, central_name=SLIDE) if n == SLIDE else Entry(n, d)
                for n, d in parts.items()]
    cases.append(("name-mismatch.pptx", zip_bytes(smuggled), code("E_ZIP_CORRUPT"),
                  "local header says slideX.xml, central directory says slide1.xml: two readers, two decks"))

    cases.append(("overlap-shared-stream.pptx", overlap_shared_stream(), code("E_ZIP_OVERLAP"),
                  "300 central entries point at one local header and deflate stream (the 'better zip bomb')"))
    cases.append(("overlap-quoted.pptx", overlap_quoted(), code("E_ZIP_OVERLAP"),
                  "Fifield's quoted overlap: each entry's data contains the next entry, names all consistent"))

    # Two members with one name: which one a reader picks is up to the reader,
    # so altbuild could describe one slide and PowerPoint show the other.
    dup = entries(base_parts()) + [Entry(SLIDE, slide_xml(title="The other slide1.xml").encode())]
    cases.append(("duplicate-exact.pptx", zip_bytes(dup), code("E_ZIP_DUPLICATE"),
                  "two entries named ppt/slides/slide1.xml with different content"))
    dup_case = entries(base_parts()) + [Entry("PPT/Slides/Slide1.XML", slide_xml(title="Shadow slide").encode())]
    cases.append(("duplicate-ascii-case.pptx", zip_bytes(dup_case), code("E_ZIP_DUPLICATE"),
                  "PPT/Slides/Slide1.XML beside ppt/slides/slide1.xml: OPC part names compare ASCII-case-insensitively"))

    cases.append(("too-many-entries.pptx", too_many_entries(), code("E_ZIP_TOO_MANY_ENTRIES"),
                  "100,000 empty entries (the limit is 10,000): a directory that costs memory and time to index"))

    zip64 = zip_bytes(entries(base_parts()), zip64=True)
    cases.append(("zip64.pptx", zip64, built(**described(True)),
                  "every entry with zip64 extra fields and a zip64 end record: legal, and what large decks use"))

    cases.append(("not-a-zip.pptx", b"Quarterly figures, see the attached deck.\n" * 20, code("E_NOT_ZIP"),
                  "plain text with a .pptx name"))
    cases.append(("empty.pptx", b"", code("E_NOT_ZIP"),
                  "zero bytes, as left by a failed save or copy"))
    cases.append(("encrypted.pptx", ole_file(["EncryptionInfo", "EncryptedPackage"]), code("E_ENCRYPTED"),
                  "an OLE compound file holding EncryptedPackage: a password-protected deck"))
    cases.append(("legacy-ppt.pptx", ole_file(["PowerPoint Document", "Current User"]), code("E_LEGACY_PPT"),
                  "an OLE compound file without EncryptedPackage: a PowerPoint 97-2003 .ppt renamed"))
    cases += bomb_cases()
    return cases


def valid_deck_then(make_tail):
    """The valid deck's entries, then hand-made ones: `make_tail(offset)` gets
    the offset its bytes will start at and returns them with their central
    directory headers, which follow the valid deck's own."""
    layout = Layout()
    valid = zip_bytes(entries(base_parts()), layout=layout)
    body = valid[:layout.central_offset]
    tail, tail_central = make_tail(len(body))
    central = valid[layout.central_offset:layout.end_offset] + b"".join(tail_central)
    count = len(layout.local_offsets) + len(tail_central)
    return body + tail + central + end_records(count, len(body) + len(tail), len(central))


def overlap_shared_stream():
    """300 central directory entries for distinct names that all point at
    the same local header and deflate stream: each costs nothing in the file
    and its full size when extracted."""
    kernel = Entry("ppt/media/kernel.bin", b"\0" * 65536)  # under the 1 MiB ratio threshold: only the layout gives it away

    def shared(offset):
        local = local_header(kernel.name, DEFLATE, kernel.crc, len(kernel.payload), len(kernel.data)) + kernel.payload
        return local, [central_header(f"ppt/media/kernel{i:03d}.bin".encode(), DEFLATE, kernel.crc, len(kernel.payload),
                                      len(kernel.data), offset) for i in range(300)]
    return valid_deck_then(shared)


def overlap_quoted(count=100):
    """David Fifield's overlap without name mismatches: entry i's data is a
    stored deflate block quoting entry i+1's local header, followed by entry
    i+1's own data; the last entry holds the shared kernel. Every header is
    consistent; only the overlap of entries reveals the construction."""
    names = [f"ppt/media/q{i:03d}.bin".encode() for i in range(count)]
    kernel = b"\0" * 8192
    # Built from the last entry backwards: each entry's data is its quote of
    # the next header plus everything after it.
    plain, payload, headers = [b""] * count, [b""] * count, [b""] * count
    plain[-1], payload[-1] = kernel, deflate(kernel)
    headers[-1] = local_header(names[-1], DEFLATE, zlib.crc32(kernel), len(payload[-1]), len(kernel))
    for i in range(count - 2, -1, -1):
        quoted = headers[i + 1]
        stored_block = struct.pack("<BHH", 0, len(quoted), len(quoted) ^ 0xFFFF) + quoted  # BFINAL=0, BTYPE=00
        payload[i] = stored_block + payload[i + 1]
        plain[i] = quoted + plain[i + 1]
        headers[i] = local_header(names[i], DEFLATE, zlib.crc32(plain[i]), len(payload[i]), len(plain[i]))

    def quoted_chain(offset):
        central = []
        for i in range(count):
            central.append(central_header(names[i], DEFLATE, zlib.crc32(plain[i]), len(payload[i]), len(plain[i]), offset))
            offset += len(headers[i]) + 5  # the next header sits right after this one's stored-block header
        return headers[0] + payload[0], central
    return valid_deck_then(quoted_chain)


def too_many_entries():
    # Over 65,535 entries the count needs the zip64 end record, so this also
    # checks that the limit is applied to the real count.
    extra = [Entry(f"z/{i}", b"", STORE) for i in range(100_000)]
    return zip_bytes(entries(base_parts()) + extra)


def ole_file(streams):
    """A compound file binary header and one directory sector naming
    `streams` (UTF-16LE names, as MS-CFB stores them). Enough for a sniffer;
    no stream data."""
    header = bytearray(512)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)  # minor, major version, byte order, sector shifts
    struct.pack_into("<IIII", header, 44, 1, 0, 0, 0x1000)  # one FAT sector, directory starts at sector 0
    directory = bytearray()
    for index, name in enumerate(["Root Entry"] + streams):
        entry = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\0\0"
        entry[0:len(encoded)] = encoded
        struct.pack_into("<HBB", entry, 64, len(encoded), 5 if index == 0 else 2, 1)
        directory += entry
    directory += bytes(512 - len(directory) % 512)
    return bytes(header) + bytes(directory)


def bomb_cases():
    """Entries whose sizes or ratios are over the limits, however the headers put it."""
    cases = []
    # 8 MiB of zeros inflates about 1000:1, far over the 200:1 ratio limit.
    zeros = base_parts()
    zeros["ppt/media/zeros.bin"] = b"\0" * (8 << 20)
    cases.append(("bomb-ratio.pptx", zip_bytes(entries(zeros)), code("E_ZIP_BOMB"),
                  "an 8 MiB entry of zeros compressed about 1000:1 (limit 200:1)"))
    # The central directory declares 600 MiB for a small entry; a reader that
    # allocates what headers declare falls over before reading a byte.
    big = [Entry(n, d, declared_size=600 << 20) if n == IMAGE else Entry(n, d) for n, d in base_parts().items()]
    cases.append(("bomb-declared-size.pptx", zip_bytes(big), code("E_ZIP_BOMB"),
                  "image1.png declares 600 MiB uncompressed, over the 512 MiB per-entry limit"))
    # The slide declares its real size (and CRC) but the stream goes on
    # to 40 MiB of trailing newlines: only a read bounded by the declared size stops it.
    slide = slide_xml().encode()
    padded = slide + b"\n" * (40 << 20)
    lying = [Entry(n, padded, crc=zlib.crc32(slide), declared_size=len(slide)) if n == SLIDE else Entry(n, d)
             for n, d in base_parts().items()]
    cases.append(("bomb-lying-size.pptx", zip_bytes(lying), code("E_ZIP_BOMB"),
                  "slide1.xml declares its real 956 bytes but inflates to 40 MiB: the read must stop at the declared size"))
    return cases


def name_cases():
    """Entry names that escape a folder, hide behind a NUL, or collide with another name."""
    def with_extra(name, data=TINY_PNG):
        return zip_bytes(entries(base_parts()) + [Entry(name, data)])
    nfc = unicodedata.normalize("NFC", "ppt/media/café.png")
    nfd = unicodedata.normalize("NFD", "ppt/media/café.png")
    assert nfc != nfd
    nfc_nfd = zip_bytes(entries(base_parts()) + [Entry(nfc, TINY_PNG), Entry(nfd, TINY_PNG)])
    return [
        ("name-dotdot.pptx", with_extra("ppt/../../evil.xml"), code("E_ZIP_UNSAFE_NAME"),
         "an entry climbing out of the package (zip slip): '..' is never in a part name"),
        ("name-absolute.pptx", with_extra("/etc/cron.d/evil"), code("E_ZIP_UNSAFE_NAME"),
         "an absolute entry name: extracting it would write outside any folder"),
        ("name-nul.pptx", with_extra(b"ppt/media/image1.png\0.exe"), code("E_ZIP_UNSAFE_NAME"),
         "a NUL inside the name: C strings see ppt/media/image1.png, the directory says something else"),
        ("name-backslash.pptx", with_extra("ppt\\media\\image2.png"), code("E_ZIP_UNSAFE_NAME"),
         "backslash separators: one path on Windows, a single odd name elsewhere"),
        ("name-nfc-nfd.pptx", nfc_nfd, code("E_ZIP_DUPLICATE"),
         "café.png twice, NFC and NFD: the same name to macOS and to OPC's equivalence rules"),
    ]


XXE_FILE = '<!DOCTYPE p:sld [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def xml_cases(canary):
    """XML parts that attack the parser: DTDs and entities, depth, size, encodings."""
    def slide_with(head, body="&xxe;"):
        return slide_xml(title=body).replace(XML_HEADER, XML_HEADER + head, 1)
    billion = "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    laughs = f'<!DOCTYPE p:sld [<!ENTITY lol0 "lol">{billion}]>'
    # Deep nesting stays under 1 MiB so the ratio limit does not catch it first:
    # the parser (and any recursive scanner behind it) must meet all 10,000 levels.
    deep = "<p:grpSp>" * 10_000 + "</p:grpSp>" * 10_000
    invalid = slide_xml(title="Revenue MARK Q4").encode().replace(b"MARK", b"\xc3\x28\xff\xfe")
    utf16 = slide_xml().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    utf16_bytes = b"\xff\xfe" + utf16.encode("utf-16-le")
    xxe16 = slide_with(XXE_FILE).replace('encoding="UTF-8"', 'encoding="UTF-16"')
    xxe_rels = rels_xml([("rIdImg", "image", "../media/image1.png")]).replace(
        XML_HEADER, XML_HEADER + f'<!DOCTYPE Relationships [<!ENTITY % remote SYSTEM "{canary}/dtd"> %remote;]>', 1)
    return [
        ("xxe-file.pptx", base_deck(slide=slide_with(XXE_FILE)),
         code("E_XML_DTD"), "an external entity reading /etc/passwd into the slide title (and so into ALT text)"),
        ("xxe-url.pptx", base_deck(slide=slide_with(f'<!DOCTYPE p:sld [<!ENTITY xxe SYSTEM "{canary}/x">]>')),
         code("E_XML_DTD"), "an external entity fetched over HTTP from the canary port"),
        ("xxe-rels.pptx", base_deck(slide_rels=xxe_rels), code("E_XML_DTD"),
         "a parameter entity loading a remote DTD from a .rels part, not a slide"),
        ("xxe-utf16.pptx", base_deck(slide=b"\xff\xfe" + xxe16.encode("utf-16-le")), code("E_XML_DTD"),
         "the file:///etc/passwd entity in a UTF-16 slide, where a byte search for '<!DOCTYPE' finds nothing"),
        ("billion-laughs.pptx", base_deck(slide=slide_with(laughs, "&lol9;")), code("E_XML_DTD"),
         "nested internal entities expanding to 10^9 'lol's"),
        ("deep-nesting.pptx", base_deck(slide=slide_xml(shapes=deep + picture(2, "Picture 1"))), code("E_XML_MALFORMED"),
         "10,000 nested group shapes: stack exhaustion for recursive parsers and scanners (libxml2 stops at 256)"),
        ("invalid-utf8.pptx", base_deck(slide=invalid), code("E_XML_MALFORMED"),
         "bytes C3 28 FF FE in the title: not UTF-8, which the declaration promises"),
        ("utf16-slide.pptx", base_deck(slide=utf16_bytes), built(**described(True)),
         "a UTF-16LE slide with BOM and encoding declaration: legal XML, so it must build"),
        ("attribute-50mb.pptx", base_deck(slide=slide_xml(shapes=picture(2, "Picture 1").replace(
            'name="Picture 1"', 'name="' + fifty_megabytes() + '"'))), code("E_XML_MALFORMED"),
         "a 50 MB shape name, compressible only about 94:1 so the ratio limit passes it to the parser, "
         "whose 10 MB limit on one attribute (without XML_PARSE_HUGE) refuses it"),
    ]


def fifty_megabytes():
    """50 MB of mostly 'A' with a few random letters every kilobyte: deflate
    gets about 94:1, under the 200:1 bomb ratio, so the parser has to cope."""
    rng = random.Random(42)
    letters = "BCDEFGHIJKLMNOPQRSTUVWXYZ"
    chunks = ["A" * 990 + "".join(rng.choice(letters) for _ in range(10)) for _ in range(512)]
    return "".join(chunks[i % len(chunks)] for i in range(50_000))


def relationship_cases(canary):
    """Relationships that are missing, dangling, external, cyclic or self-referential:
    all legal enough to build, none may be followed off the package or forever."""
    picture_rel = ("rIdImg", "image", "../media/image1.png")
    # slide1 -> slide2 -> slide1, and slide1 -> layout -> master -> layout:
    # a resolver that follows relationships recursively never returns.
    two = base_parts(slides=2)
    two["ppt/slides/slide2.xml"] = slide_xml(title="Second slide").encode()
    two["ppt/slides/_rels/slide2.xml.rels"] = rels_xml([picture_rel, ("rIdBack", "slide", "slide1.xml")]).encode()
    two[SLIDE_RELS] = rels_xml([picture_rel, ("rIdNext", "slide", "slide2.xml"),
                                ("rIdLayout", "slideLayout", "../slideLayouts/slideLayout1.xml")]).encode()
    two["ppt/slideLayouts/slideLayout1.xml"] = (XML_HEADER + f'<p:sldLayout {NS_DECL}><p:cSld><p:spTree/></p:cSld></p:sldLayout>').encode()
    two["ppt/slideLayouts/_rels/slideLayout1.xml.rels"] = rels_xml([("rId1", "slideMaster", "../slideMasters/slideMaster1.xml"),
                                                                    ("rId2", "slide", "../slides/slide1.xml")]).encode()
    two["ppt/slideMasters/slideMaster1.xml"] = (XML_HEADER + f'<p:sldMaster {NS_DECL}><p:cSld><p:spTree/></p:cSld></p:sldMaster>').encode()
    two["ppt/slideMasters/_rels/slideMaster1.xml.rels"] = rels_xml([("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml")]).encode()
    # slide1 relates to itself, and a second picture embeds the slide itself as its "image".
    self_slide = slide_xml(shapes=picture(2, "Picture 1") + picture(3, "Picture 2", embed="rIdSelf"))
    self_rels = rels_xml([picture_rel, ("rIdSelf", "image", "slide1.xml"), ("rIdLoop", "slide", "slide1.xml")])
    no_rels = base_parts()
    del no_rels[SLIDE_RELS]
    external = rels_xml([("rIdImg", "image", f"{canary}/picture.png", True)])
    return [
        ("rels-missing.pptx", zip_bytes(entries(no_rels)), built(),
         "slide1.xml has no .rels at all, so r:embed resolves to nothing"),
        ("rels-dangling.pptx", base_deck(slide=slide_xml(shapes=picture(2, "Picture 1", embed="rIdNowhere"))), built(),
         "the picture's r:embed names a relationship id that does not exist"),
        ("rels-external.pptx", base_deck(slide_rels=external, image=None), built(),
         "the picture's relationship is TargetMode=External to the canary URL: it must never be fetched"),
        ("rels-cycle.pptx", zip_bytes(entries(two)), built(),
         "slide1 -> slide2 -> slide1 and slide1 -> layout -> master -> layout: recursive resolvers loop"),
        ("rels-self.pptx", base_deck(slide=self_slide, slide_rels=self_rels), built(),
         "slide1.xml relates to itself, and a picture embeds slide1.xml as its image"),
    ]


PIXEL_BUDGET = "pixel budget"


def media_cases(canary):
    """Pictures that lie about their size or type, refer to the network, or are huge."""
    def with_image(data, name):
        shapes = picture(2, "Picture 1")
        return base_deck(slide=slide_xml(shapes=shapes), image=data, image_name=name)
    # 40,000 x 40,000 is 1.6 gigapixels (6.4 GB as RGBA) behind a few hundred bytes.
    bomb_side = 40_000
    png_bomb = png(bomb_side, bomb_side, rows=b"\0" + bytes(bomb_side * 4))  # one row of data only
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100">'
           f'<style>@import url({canary}/style.css);</style>'
           f'<image href="{canary}/x" width="100" height="100"/>'
           '<image xlink:href="file:///etc/passwd" width="100" height="100"/>'
           f'<use href="{canary}/sprite.svg#a"/></svg>').encode()
    svg_blip = ('<a:extLst><a:ext uri="{96DAC541-7B7A-43D3-8B79-37D633B846F1}">'
                '<asvg:svgBlip xmlns:asvg="http://schemas.microsoft.com/office/drawing/2016/SVG/main" r:embed="rIdSvg"/>'
                '</a:ext></a:extLst>')
    svg_parts = base_parts(
        slide=slide_xml(shapes=picture(2, "Picture 1", blip_extras=svg_blip) + picture(3, "Picture 2", embed="rIdSvg")),
        slide_rels=rels_xml([("rIdImg", "image", "../media/image1.png"), ("rIdSvg", "image", "../media/image2.svg")]))
    svg_parts["ppt/media/image2.svg"] = svg
    bomb_checks = dict(**described(False), warning=PIXEL_BUDGET)
    return [
        ("pixels-png.pptx", with_image(png_bomb, IMAGE), built(**bomb_checks),
         "a PNG declaring 40,000 x 40,000 pixels in a few hundred bytes: over the 50-megapixel budget, so not decoded"),
        ("pixels-jpeg.pptx", with_image(jpeg_header(bomb_side, bomb_side), "ppt/media/image1.jpeg"), built(**bomb_checks),
         "a JPEG whose SOF0 declares 40,000 x 40,000 pixels, with almost no scan data"),
        ("pixels-gif.pptx", with_image(gif_header(bomb_side, bomb_side), "ppt/media/image1.gif"), built(**bomb_checks),
         "a GIF whose screen and image descriptor declare 40,000 x 40,000 pixels, one LZW code of data"),
        ("image-zero-bytes.pptx", with_image(b"", IMAGE), built(),
         "image1.png is empty: nothing to decode, but the slot still exists"),
        ("image-not-png.pptx", with_image(b"<html>This is not a picture</html>\n", IMAGE), built(),
         "image1.png holds HTML: the name and content type lie about the bytes"),
        ("svg-external.pptx", zip_bytes(entries(svg_parts)), built(),
         "an SVG picture (and the SVG blip of a PNG picture) referring to the canary URL and file:///etc/passwd"),
        ("emf-huge.pptx", with_image(emf(30 << 20, varied=True), "ppt/media/image1.emf"), built(),
         "30 MB of valid EMF line records compressing about 120:1: large, but inside every limit, so it builds"),
        ("emf-huge-repetitive.pptx", with_image(emf(30 << 20, varied=False), "ppt/media/image1.emf"), code("E_ZIP_BOMB"),
         "30 MB of one repeated EMF record compresses about 500:1, over the 200:1 ratio limit for entries over 1 MiB"),
    ]


def jpeg_header(width, height):
    """SOI, a JFIF APP0, one quantisation table, a baseline SOF0 declaring
    width x height, minimal Huffman tables, a scan of two bytes, EOI."""
    def segment(marker, body):
        return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body
    app0 = segment(0xE0, b"JFIF\0" + bytes([1, 1, 0]) + struct.pack(">HH", 1, 1) + b"\0\0")
    dqt = segment(0xDB, b"\0" + bytes([1] * 64))
    sof0 = segment(0xC0, struct.pack(">BHHB", 8, height, width, 1) + bytes([1, 0x11, 0]))
    dht_dc = segment(0xC4, b"\x00" + bytes([1] + [0] * 15) + b"\x00")
    dht_ac = segment(0xC4, b"\x10" + bytes([1] + [0] * 15) + b"\x00")
    sos = segment(0xDA, bytes([1, 1, 0x00, 0, 63, 0]))
    return b"\xff\xd8" + app0 + dqt + sof0 + dht_dc + dht_ac + sos + b"\x00\x00" + b"\xff\xd9"


def gif_header(width, height):
    """GIF89a with a two-colour table and one image descriptor of width x height."""
    screen = struct.pack("<HHBBB", width, height, 0x80, 0, 0)
    palette = b"\0\0\0\xff\xff\xff"
    descriptor = b"\x2c" + struct.pack("<HHHHB", 0, 0, width, height, 0)
    return b"GIF89a" + screen + palette + descriptor + b"\x02\x02\x44\x01\x00" + b"\x3b"


def emf(size, varied):
    """An enhanced metafile of about `size` bytes: EMR_HEADER, a MOVETOEX,
    EMR_LINETO records, EMR_EOF. `varied`: a polyline whose point moves every
    16 records, in a 1 MiB block repeated (deflate's window is 32 KiB, so
    the repeats gain it nothing); else one record repeated."""
    count = (size - 108 - 16 - 20) // 16
    lineto = struct.Struct("<IIii").pack
    if varied:
        block = b"".join(lineto(54, 16, (i // 16) % 256 * 40, (i // 4096) * 40) for i in range(65536))
        records = (block * (count // 65536 + 1))[:count * 16]
    else:
        records = lineto(54, 16, 100, 100) * count
    body = lineto(27, 16, 0, 0) + records + struct.pack("<IIIII", 14, 20, 0, 16, 20)
    total = 108 + len(body)
    header = struct.pack("<II4i4iIIIIHHIIIii", 1, 108, 0, 0, 10240, 640, 0, 0, 27093, 1693,
                         0x464D4520, 0x10000, total, count + 3, 1, 0, 0, 0, 0, 1920, 1080)
    header += struct.pack("<ii", 508, 285) + struct.pack("<III", 0, 0, 0) + struct.pack("<ii", 508000, 285000)
    assert len(header) == 108, len(header)
    return header + body


# --------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir")
    parser.add_argument("--canary-port", type=int, default=9,
                        help="port on 127.0.0.1 that every URL in the corpus points at (default 9, the discard port)")
    args = parser.parse_args()
    canary = f"http://127.0.0.1:{args.canary_port}"
    cases = (control_cases() + container_cases() + name_cases() + xml_cases(canary)
             + relationship_cases(canary) + media_cases(canary))
    os.makedirs(args.outdir, exist_ok=True)
    expected = []
    names = set()
    for name, data, expect, why in cases:
        assert name not in names, name
        names.add(name)
        with open(os.path.join(args.outdir, name), "wb") as f:
            f.write(data)
        expected.append({"file": name, "expect": expect, "why": why})
    with open(os.path.join(args.outdir, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    print(f"{len(cases)} decks in {args.outdir}", file=sys.stderr)


if __name__ == "__main__":
    main()
