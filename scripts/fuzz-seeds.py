#!/usr/bin/env python3
"""Fills a folder with seed decks for the fuzzer: `scripts/fuzz-seeds.py OUTDIR`.

Seeds are:
  * examples/*.pptx as they are (deflated, as PowerPoint writes them);
  * a slim copy of each with stored (uncompressed) entries and without the
    parts altbuild never reads (layouts, masters, themes, embedded workbooks),
    so the fuzzer's zip-aware mutator starts from small inputs;
  * two OLE files, the shapes of a legacy .ppt and of a password-protected deck;
  * a synthetic deck with what the examples lack: mc:AlternateContent, video
    and audio, SmartArt, chartex, OLE and 3-D model frames, and a Strict twin;
  * the hostile corpus, when scripts/hostile_corpus.py exists.
"""
import pathlib
import shutil
import subprocess
import sys
import tempfile
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent

# Parts of the examples the reader never opens; dropping them keeps seeds small.
UNREAD = ("ppt/slideLayouts/", "ppt/slideMasters/", "ppt/theme/", "ppt/notesMasters/",
          "ppt/embeddings/", "ppt/printerSettings/", "docProps/")

P = "http://schemas.openxmlformats.org/presentationml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
STRICT = {P: "http://purl.oclc.org/ooxml/presentationml/main",
          A: "http://purl.oclc.org/ooxml/drawingml/main",
          R: "http://purl.oclc.org/ooxml/officeDocument/relationships"}


def write_zip(path, entries):
    """Writes `entries` (name, bytes) stored, in order, with a fixed date."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for name, data in entries:
            archive.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data)


def slim(source, target):
    with zipfile.ZipFile(source) as archive:
        entries = []
        for info in archive.infolist():
            if info.filename.startswith(UNREAD):
                continue
            data = archive.read(info)
            # The reader hashes media but never decodes it: a few bytes do.
            if info.filename.startswith("ppt/media/"):
                data = data[:64]
            entries.append((info.filename, data))
    write_zip(target, entries)


def pic(shape_id, name, rid, extra_nv="", descr=""):
    return (f'<p:pic><p:nvPicPr><p:cNvPr id="{shape_id}" name="{name}" descr="{descr}"/><p:cNvPicPr/>'
            f'<p:nvPr>{extra_nv}</p:nvPr></p:nvPicPr><p:blipFill><a:blip r:embed="{rid}"/></p:blipFill>'
            f'<p:spPr><a:xfrm><a:off x="{shape_id}00" y="100"/><a:ext cx="1000" cy="1000"/></a:xfrm></p:spPr></p:pic>')


def frame(shape_id, uri_tail, body):
    return (f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{shape_id}" name="Frame {shape_id}"/>'
            f'<p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>'
            f'<p:xfrm><a:off x="0" y="0"/><a:ext cx="10" cy="10"/></p:xfrm><a:graphic>'
            f'<a:graphicData uri="http://schemas.openxmlformats.org/{uri_tail}">{body}</a:graphicData>'
            f'</a:graphic></p:graphicFrame>')


def features_deck(strict=False):
    """One slide with every slot kind the examples do not have."""
    video_ext = (f'<a:videoFile r:link="rId3"/><p:extLst><p:ext uri="{{DAA4B4D4-6D71-4841-9C94-3DE7FCFB9230}}">'
                 f'<p14:media xmlns:p14="{P14}" r:embed="rId4"/></p:ext></p:extLst>')
    shapes = "".join([
        f'<mc:AlternateContent xmlns:mc="{MC}"><mc:Choice Requires="p14">{pic(2, "Choice", "rId2")}</mc:Choice>'
        f'<mc:Fallback>{pic(3, "Fallback", "rId2")}</mc:Fallback></mc:AlternateContent>',
        pic(4, "Video", "rId2", video_ext),
        pic(5, "Audio", "rId2", '<a:audioFile r:link="rId3"/>'),
        frame(6, "drawingml/2006/diagram",
              '<dgm:relIds xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" r:dm="rId5"/>'),
        frame(7, "presentationml/2006/ole", '<p:oleObj progId="Excel.Sheet.12" r:id="rId6"/>'),
        frame(8, "drawingml/2006/chartex",
              '<cx:chart xmlns:cx="http://schemas.microsoft.com/office/drawing/2014/chartex" r:id="rId7"/>'),
        frame(9, "drawingml/2006/model3d", f'<am3d:model3d xmlns:am3d="http://schemas.microsoft.com/office/drawing/2017/model3d" r:embed="rId8"/>'),
        '<p:sp><p:nvSpPr><p:cNvPr id="10" name="Caption"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
        '<p:spPr><a:xfrm><a:off x="200" y="1150"/><a:ext cx="1000" cy="100"/></a:xfrm></p:spPr>'
        '<p:txBody><a:bodyPr/><a:p><a:r><a:rPr lang="de-DE"/><a:t>Bildunterschrift</a:t></a:r></a:p></p:txBody></p:sp>',
    ])
    slide = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             f'<p:sld xmlns:a="{A}" xmlns:p="{P}" xmlns:r="{R}"><p:cSld><p:spTree>'
             f'<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>'
             f'{shapes}</p:spTree></p:cSld></p:sld>')
    t = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    slide_rels = "".join(f'<Relationship Id="{rid}" Type="{t}{kind}" Target="{target}"{mode}/>' for rid, kind, target, mode in [
        ("rId2", "image", "../media/image1.png", ""),
        ("rId3", "video", "https://example.invalid/movie.mp4", ' TargetMode="External"'),
        ("rId4", "media", "../media/media1.mp4", ""),
        ("rId5", "diagramData", "../diagrams/data1.xml", ""),
        ("rId6", "oleObject", "../embeddings/oleObject1.bin", ""),
        ("rId7", "chartEx", "../charts/chartEx1.xml", ""),
        ("rId8", "model3d", "../media/model1.glb", ""),
    ])
    diagram = ('<dgm:dataModel xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram" '
               f'xmlns:a="{A}"><dgm:ptLst><dgm:pt modelId="1" type="doc"/><dgm:pt modelId="2">'
               '<dgm:t><a:p><a:r><a:t>Plan</a:t></a:r></a:p></dgm:t></dgm:pt></dgm:ptLst></dgm:dataModel>')
    chartex = ('<cx:chartSpace xmlns:cx="http://schemas.microsoft.com/office/drawing/2014/chartex" '
               f'xmlns:a="{A}"><cx:chartData><cx:data id="0"><cx:strDim type="cat"><cx:lvl ptCount="2">'
               '<cx:pt idx="0">A</cx:pt><cx:pt idx="1">B</cx:pt></cx:lvl></cx:strDim><cx:numDim type="val">'
               '<cx:lvl ptCount="2"><cx:pt idx="0">1</cx:pt><cx:pt idx="1">2</cx:pt></cx:lvl></cx:numDim>'
               '</cx:data></cx:chartData><cx:chart><cx:title><cx:tx><cx:rich><a:p><a:r><a:t>Flow</a:t></a:r>'
               '</a:p></cx:rich></cx:tx></cx:title><cx:plotArea><cx:plotAreaRegion>'
               '<cx:series layoutId="waterfall"/></cx:plotAreaRegion></cx:plotArea></cx:chart></cx:chartSpace>')
    presentation = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:presentation xmlns:p="{P}" '
                    f'xmlns:r="{R}"><p:sldIdLst><p:sldId id="256" r:id="rId2"/></p:sldIdLst>'
                    '<p:sldSz cx="9144000" cy="6858000"/></p:presentation>')
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/'
             'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
    parts = [
        ("[Content_Types].xml", types),
        ("_rels/.rels", f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{t}officeDocument" Target="ppt/presentation.xml"/></Relationships>'),
        ("ppt/presentation.xml", presentation),
        ("ppt/_rels/presentation.xml.rels", f'<Relationships xmlns="{RELS}"><Relationship Id="rId2" Type="{t}slide" Target="slides/slide1.xml"/></Relationships>'),
        ("ppt/slides/slide1.xml", slide),
        ("ppt/slides/_rels/slide1.xml.rels", f'<Relationships xmlns="{RELS}">{slide_rels}</Relationships>'),
        ("ppt/diagrams/data1.xml", diagram),
        ("ppt/charts/chartEx1.xml", chartex),
        ("ppt/media/image1.png", "\x89PNG\r\n\x1a\n"),
        ("ppt/media/media1.mp4", "....ftypmp42"),
        ("ppt/media/model1.glb", "glTF"),
        ("ppt/embeddings/oleObject1.bin", "\xd0\xcf\x11\xe0"),
    ]
    if strict:
        def to_strict(text):
            for transitional, strict_uri in STRICT.items():
                text = text.replace(transitional, strict_uri)
            return text
        parts = [(name, to_strict(data)) for name, data in parts]
    return [(name, data.encode("utf-8")) for name, data in parts]


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: scripts/fuzz-seeds.py OUTDIR")
    out = pathlib.Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for deck in sorted((ROOT / "examples").glob("*.pptx")):
        shutil.copyfile(deck, out / deck.name)
        slim(deck, out / f"{deck.stem}-slim.pptx")
    # Not zips at all: a legacy .ppt and a password-protected deck (OLE compound files).
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    (out / "legacy.ppt").write_bytes(ole + "PowerPoint Document".encode("utf-16-le"))
    (out / "encrypted.pptx").write_bytes(ole + "EncryptedPackage".encode("utf-16-le"))
    write_zip(out / "features.pptx", features_deck())
    write_zip(out / "features-strict.pptx", features_deck(strict=True))
    hostile = ROOT / "scripts" / "hostile_corpus.py"
    if hostile.exists():
        with tempfile.TemporaryDirectory() as scratch:
            subprocess.run([sys.executable, str(hostile), scratch], check=True, stdout=subprocess.DEVNULL)
            for item in sorted(pathlib.Path(scratch).rglob("*")):
                if item.is_file():
                    shutil.copyfile(item, out / f"hostile-{item.name}")
    print(f"{sum(1 for _ in out.iterdir())} seeds in {out}")


if __name__ == "__main__":
    main()
