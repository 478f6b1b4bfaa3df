#!/usr/bin/env python3
"""Description-quality figures for issue 12, over a folder of real decks.

Usage: scripts/quality_metrics.py ALTBUILD CORPUS_DIR

Copies the decks to a temporary project, builds them with the builtin
describer, and counts from `inspect --json` (the source decks) and the review
files (what the build decided):
  - placeholders caught: slots whose existing text is classed placeholder or
    automatic, of all slots with text;
  - trend claims on unordered axes: chart texts with a trend word
    (rises/falls/overall/level) whose categories are not ordered (years,
    quarters, months, numbers, dates);
  - texts cut mid-word: a "…" right after a fragment that is a proper prefix
    of a word in the deck's own text, and not itself such a word;
  - decorative decisions: slots the build marked decorative, by reason.
"""
import json, os, re, shutil, subprocess, sys, tempfile, collections

binary, corpus = os.path.abspath(sys.argv[1]), sys.argv[2]
work = tempfile.mkdtemp(prefix="altbuild-quality-")
for root, _, files in os.walk(corpus):
    for f in files:
        if f.lower().endswith((".pptx", ".pptm", ".ppsx", ".potx")):
            rel = os.path.relpath(os.path.join(root, f), corpus)
            os.makedirs(os.path.join(work, "decks", os.path.dirname(rel)), exist_ok=True)
            shutil.copy(os.path.join(root, f), os.path.join(work, "decks", rel))
subprocess.run([binary, "build", "decks", "-q"], cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

MONTHS = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|mars|avr|mai|juin|juil|août|sept|déc|märz|okt|dez|ene|abr|ago|dic)[a-zéû]*\.?"
def ordered(categories):
    cats = [c.strip() for c in categories if c and c.strip()]
    if len(cats) < 2: return True
    pats = [r"^-?\d+([.,]\d+)?$", r"^(fy|cy)?'?\d{2,4}$", r"^q[1-4]([ /-]?\d{2,4})?$", r"^\d{4}[ /-]?q[1-4]$",
            r"^" + MONTHS + r"([ /-]?\d{2,4})?$", r"^\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?$", r"^(week|wk|w|day|month|year|h|s)\s?\d+$"]
    return all(any(re.match(p, c.lower()) for p in pats) for c in cats)

def strings(value, out):
    if isinstance(value, str): out.append(value)
    elif isinstance(value, list):
        for v in value: strings(v, out)
    elif isinstance(value, dict):
        for v in value.values(): strings(v, out)

stats = collections.Counter()
decorative = collections.Counter()
examples = collections.defaultdict(list)
for root, _, files in os.walk(os.path.join(work, "decks")):
    for f in files:
        deck = os.path.relpath(os.path.join(root, f), work)
        inspected = subprocess.run([binary, "inspect", "--json", deck], cwd=work, capture_output=True, text=True)
        if inspected.returncode != 0: continue
        doc = json.loads(inspected.stdout)
        slots = [s for slide in doc["slides"] for s in slide["slots"]]
        words = set()
        source_texts = []
        strings(doc, source_texts)
        for text in source_texts:
            words.update(w.lower() for w in re.findall(r"\w+", text))
        for s in slots:
            if s.get("descr", "").strip():
                stats["slots with text"] += 1
                if s["state"] in ("placeholder", "automatic"):
                    stats["placeholders caught"] += 1
        review_path = os.path.join(work, "alt-text", deck + ".json")
        if not os.path.exists(review_path): continue
        review = json.load(open(review_path))
        by_id = {s.get("slot"): s for s in slots}
        for entry in review["slots"]:
            text = entry.get("text") or ""
            if entry["state"] == "decorative":
                decorative[entry.get("reason") or "in the deck"] += 1
            if entry["state"] == "generated" and text:
                stats["generated texts"] += 1
                if len(text) > 150: stats["generated texts over 150 characters"] += 1
            slot = by_id.get(entry["slot"], {})
            chart = slot.get("chart")
            if chart and text and re.search(r"\b(rises|falls|overall|level)\b", text):
                stats["chart texts with a trend word"] += 1
                if not ordered(chart.get("categories", [])):
                    stats["trend claims on unordered axes"] += 1
                    examples["trend"].append(text[:90])
            for m in re.finditer(r"(\w+)…", text):
                fragment = m.group(1).lower()
                if fragment not in words and any(w.startswith(fragment) and w != fragment for w in words):
                    stats["texts cut mid-word"] += 1
                    examples["cut"].append(text[:90])
                    break
print(json.dumps({"figures": stats, "decorative decisions by reason": decorative,
                  "examples": {k: v[:4] for k, v in examples.items()}}, indent=1, ensure_ascii=False))
shutil.rmtree(work)
