#!/usr/bin/env python3
"""tests/inkpage.py - every line of text of printed pages against pango.

    inkpage.py DIR INK LANG SET.yaml ROSTER.csv

DIR holds mimeo's PDFs and their --format tree files (NAME.pdf, NAME.tree,
NAME-key.pdf, NAME-key.tree), INK is tests/scripts_ink built.  For each
page, the display list (render_tree.c) says what is drawn: text items (a
shaped word is a span of glyph items, with its characters in the order
written), math (a span of other items), figures (a span holding lines and
shapes) and lines, boxes and circles.  Text on one baseline is cut into
pieces where the layout leaves a gap wider than a word space (a problem's
number, the name field's labels, choices in columns) or puts math or a
figure, and each item of math (a number, a sign) is a piece of its own;
each piece is set again by pango (pango-view, with the fonts, size and
colour of its items, right to left in an Arabic set), both are rasterized
by poppler at 300 dpi, and scripts_ink -b compares the ink.  Where math
puts its items, math on more than one baseline (fractions, powers) and
figures are not pango's to set: they are counted by kind, as are pieces a
rule, a key's circle or box runs through.

In an Arabic set the characters of a line are in drawn order, so the piece's
text in the order written is found again: drawn order reversed, runs of
digits and Latin letters kept as they are, brackets mirrored.  That would
hide words or numbers set in the wrong order, so the Arabic words and the
numbers of each line, read from the right, must also be those of the set,
its labels or its roster in the order written there (a line holds the end
of one text, then whole ones, then the start of another; a value put in a
text, {n}, stands for any number).

Prints "ok WHAT" or "bad WHAT" lines for tests/inkpage.sh, then the pages
compared ("page DOC N: pieces P lines L worst MISS (ITS PIECE) blob B":
scripts_ink's scores, the worst of the page) and the counts skipped.
"""
import glob
import html
import json
import os
import re
import subprocess
import sys
import unicodedata

import yaml

DPI = 300
PX = DPI / 72.0
PV = ["pango-view", "--no-display", "--dpi=72", "--hinting=none",
      "--hint-metrics=off", "--subpixel-positions", "--margin=10"]
# references set by one pango-view, SHEET_GAP points apart (scripts_ink
# cuts them at 100 blank rows: 24 points at 300 dpi)
SHEET = 40
SHEET_GAP = 60
# Arabic letters and their marks (not its comma, question mark or digits)
ARABIC = re.compile("[%s]+" % "".join(
    chr(c) for c in list(range(0x600, 0x700)) + list(range(0x750, 0x780))
    if unicodedata.category(chr(c))[0] in "LM"))
STRONG_L = re.compile(r"[0-9A-Za-z\u00c0-\u024f]")
MIRROR = {"(": ")", ")": "(", "[": "]", "]": "[", "{": "}", "}": "{",
          "<": ">", ">": "<", "«": "»", "»": "«"}


def font_names():
    """fc-list: a font file's name -> its pango family and style words."""
    out = subprocess.run(["fc-list", ":", "file", "family", "style"],
                         capture_output=True, text=True).stdout
    names = {}
    for line in out.splitlines():
        m = re.match(r"(.*?): (.*?):style=(.*)", line)
        if not m:
            continue
        style = m.group(3).split(",")[0]
        words = [w for w in ("Bold", "Italic") if w in style]
        names[os.path.basename(m.group(1))] = " ".join(
            [m.group(2).split(",")[0]] + words)
    return names


def parse_tree(path):
    """The pages of a --format tree file: fonts, and items per page."""
    fonts, pages = {}, []
    item = re.compile(r'  (\w+) (\S+) (\S+)(?: (f\d+) (\S+)(?: glyph\d+)?'
                      r'(?: "((?:[^"\\]|\\.)*)")?)?(.*)$')
    for line in open(path, encoding="utf-8"):
        if line.startswith("font "):
            p = line.split()
            fonts[p[1]] = p[2]
        elif line.startswith("page "):
            pages.append([])
        elif line.startswith("  "):
            m = item.match(line.rstrip("\n"))
            kind, x, y = m.group(1), float(m.group(2)), float(m.group(3))
            it = {"kind": kind, "x": x, "y": y, "font": fonts.get(m.group(4)),
                  "size": float(m.group(5)) if m.group(5) else 0,
                  "glyph": " glyph" in line.split('"')[0],
                  "text": re.sub(r"\\(.)", lambda e: "\n" if e.group(1) == "n" else e.group(1),
                                 m.group(6) or ""),
                  "rest": m.group(7)}
            c = re.search(r" color=([\d.]+),([\d.]+),([\d.]+)", it["rest"])
            it["color"] = tuple(float(v) for v in c.groups()) if c else (0, 0, 0)
            if kind == "line":
                q = re.match(r" to (\S+) (\S+) w(\S+)", it["rest"])
                x2, y2, w = (float(v) for v in q.groups())
                it["box"] = (min(x, x2) - w / 2, min(y, y2) - w / 2,
                             max(x, x2) + w / 2, max(y, y2) + w / 2)
            elif kind in ("rect", "image"):
                q = re.search(r" ([\d.]+)x([\d.]+)", line)
                w = re.search(r" w([\d.]+)", line)
                lw = float(w.group(1)) / 2 if w else 0
                it["box"] = (x - lw, y - lw, x + float(q.group(1)) + lw,
                             y + float(q.group(2)) + lw)
            elif kind in ("circle", "arc"):
                r = float(re.search(r" r([\d.]+)", line).group(1))
                w = re.search(r" w([\d.]+)", line)
                lw = float(w.group(1)) / 2 if w else 0
                it["box"] = (x - r - lw, y - r - lw, x + r + lw, y + r + lw)
            pages[-1].append(it)
    return fonts, pages


def dark(it):
    """Whether an item's stroke or fill is ink to scripts_ink (< mid-gray)."""
    def lum(c):
        return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]
    if it["kind"] == "image":
        return True
    f = re.search(r" fill=([\d.]+),([\d.]+),([\d.]+)", it["rest"])
    if f and lum([float(v) for v in f.groups()]) < 0.5:
        return True
    has_stroke = it["kind"] in ("line", "arc") or " w" in it["rest"]
    return has_stroke and lum(it["color"]) < 0.5


def units_of(page):
    """A page's items as units: word (a shaped span), plain (a text item),
    math (a span of text items), figure (a span with shapes) and shapes
    (lines, boxes...) as obstacles."""
    units, i = [], 0
    while i < len(page):
        it = page[i]
        if it["kind"] == "span":
            depth, j = 1, i + 1
            while depth:
                depth += {"span": 1, "end": -1}.get(page[j]["kind"], 0)
                j += 1
            kids = [k for k in page[i + 1:j - 1] if k["kind"] not in ("span", "end")]
            if any(k["kind"] != "text" for k in kids):
                units.append({"kind": "figure", "kids": kids, "y": it["y"]})
            elif len(kids) == 1 and MIRROR.get(it["text"]) == kids[0]["text"]:
                # a bracket turned round in right-to-left text, a span
                # that reads as written: drawn as its mirror
                units.append(dict(kids[0], kind="plain"))
            elif kids and all(k["glyph"] for k in kids):
                units.append({"kind": "word", "x": it["x"], "end": page[j - 1]["x"],
                              "y": it["y"], "font": it["font"], "size": it["size"],
                              "text": it["text"], "color": kids[0]["color"]})
            else:
                # math: its items, each a text pango can set, when all sit
                # on its baseline (not a fraction, a power or a root)
                flat = all(k["y"] == it["y"] and k["size"] == it["size"] for k in kids)
                units.append({"kind": "math", "x": it["x"], "end": page[j - 1]["x"],
                              "y": it["y"], "size": it["size"], "text": it["text"],
                              "kids": [dict(k, kind="plain", math=True) for k in kids] if flat else None})
            i = j
            continue
        if it["kind"] == "text":
            units.append({"kind": "plain", "x": it["x"], "y": it["y"],
                          "font": it["font"], "size": it["size"],
                          "text": it["text"], "color": it["color"]})
        elif it["kind"] != "end":
            units.append({"kind": it["kind"], "box": it["box"], "dark": dark(it)})
        i += 1
    return units


def measure(texts, names, work):
    """Widths (points) of plain items, by one pango-view --serialize-to."""
    texts = sorted(texts)
    if not texts:
        return {}
    markup = "\n".join('<span font="%s %g">%s</span>' % (
        names[f], s, html.escape(t, quote=False)) for f, s, t in texts)
    js = os.path.join(work, "widths.json")
    subprocess.run(PV + ["--markup", "--serialize-to=" + js, "-o",
                         os.path.join(work, "widths.pdf"), "--text", markup],
                   check=True, capture_output=True)
    lines = json.load(open(js))["output"]["lines"]
    if len(lines) != len(texts):
        sys.exit("inkpage.py: pango set %d lines of %d" % (len(lines), len(texts)))
    return {t: sum(g["width"] for r in ln["runs"] for g in r["glyphs"]) / 1024.0
            for t, ln in zip(texts, lines)}


def logical(drawn):
    """Tokens of a right-to-left piece, in drawn order (left to right), in
    the order written: reversed, runs of digits and Latin kept, brackets
    and quotation marks of the reversed part mirrored back."""
    rev = drawn[::-1]
    strong = [bool(STRONG_L.search(t["text"])) and not ARABIC.search(t["text"])
              for t in rev]
    out, i = [], 0
    while i < len(rev):
        if not strong[i]:
            t = dict(rev[i])
            t["text"] = "".join(MIRROR.get(c, c) for c in t["text"])
            out.append(t)
            i += 1
            continue
        # a left-to-right run: strong tokens and the separators between
        # them (1,800 or 2,50 or a Latin phrase)
        j = i
        while j + 1 < len(rev) and (strong[j + 1] or (
                j + 2 < len(rev) and strong[j + 2] and
                rev[j + 1]["text"] in ",.:/ " and
                (rev[j + 1]["text"] != " " or
                 re.search("[A-Za-z]", rev[j]["text"] + rev[j + 2]["text"])))):
            j += 1
        out.extend(rev[i:j + 1][::-1])
        i = j + 1
    return out


def markup_of(tokens, names):
    """Pango markup of tokens (text, font, size, color), runs merged."""
    spans = []
    for t in tokens:
        style = (t["font"], t["size"], t["color"])
        if spans and spans[-1][0] == style:
            spans[-1][1] += t["text"]
        else:
            spans.append([style, t["text"]])
    return "".join('<span font="%s %g" foreground="#%02x%02x%02x">%s</span>' % (
        names[f], s, *(round(v * 255) for v in c),
        html.escape(text, quote=False)) for (f, s, c), text in spans)


# what word order is checked on: Arabic words, numbers (1,800 as one) and,
# in a text, a value put in ({n}, {= a*b}) standing for any number
TOKEN = re.compile(r"\{[^}]*\}|\d+(?:[.,]\d+)*|" + ARABIC.pattern)


def tokens(text):
    """The Arabic words and numbers of text, in order; a value is "#"."""
    return ["#" if t.startswith("{") else t.replace(",", ".")
            for t in TOKEN.findall(text)]


def sources(setfile, roster, lang):
    """Arabic words and numbers of everything a page may print, text by
    text (not math: it is not compared, nor read here)."""
    texts = []

    def walk(v):
        if isinstance(v, str):
            texts.append(re.sub("`[^`]*`", " ", v))
        elif isinstance(v, (int, float)) and not isinstance(v, bool):
            texts.append(str(v))
        elif isinstance(v, dict):
            for k in v.values():
                walk(k)
        elif isinstance(v, list):
            for k in v:
                walk(k)
    walk(yaml.safe_load(open(setfile, encoding="utf-8")))
    walk(yaml.safe_load(open(os.path.join(os.environ.get("MIMEO_DATA", "."),
                                          "templates/labels/%s.yaml" % lang), encoding="utf-8")))
    for row in open(roster, encoding="utf-8"):
        texts.append(row.split(",")[0])
    return [w for w in (tokens(t) for t in texts) if w]


def in_order(words, srcs):
    """Whether words (tokens) are, in turn, the end of a text, whole texts,
    and the start of one (or lie within one): as a line of those texts
    would be."""
    n = len(words)
    if n == 0:
        return True
    ok = [False] * (n + 1)     # ok[i]: words[:i] are in order
    ok[0] = True
    for i in range(n):
        if not ok[i]:
            continue
        for s in srcs:
            for a in range(len(s)):
                k = 0
                while a + k < len(s) and i + k < n and (s[a + k] == words[i + k] or (
                        s[a + k] == "#" and words[i + k][0].isdigit())):
                    k += 1
                if k == 0:
                    continue
                # from the middle of a text only at the line's start; up to
                # its middle only at the line's end
                if a > 0 and i > 0:
                    continue
                if a + k < len(s) and i + k < n:
                    continue
                ok[i + k] = True
    return ok[n]


def wrong(toks, lang):
    """The piece as it must not print: a vowel sign after the consonant it
    goes before (hi), letters kept apart by ZWNJ (ar), an accent changed
    (fr); and, in Arabic, the words in drawn order instead."""
    out = []
    text = "".join(t["text"] for t in toks)
    if lang == "hi":
        m = re.search("([\u0915-\u0939])\u093f([\u0900-\u097f]*)", text)
        if m:
            out.append(("a vowel sign after its consonant", text.replace(
                m.group(0), m.group(1) + m.group(2) + "\u093f", 1)))
    elif lang == "ar":
        words = ARABIC.findall(text)
        w = max(words, key=len)
        out.append(("letters unjoined", text.replace(w, "\u200c".join(w), 1)))
        out.append(("words in the order written, left to right",
                    " ".join(text.split(" ")[::-1])))
    else:
        for a, b in (("é", "è"), ("è", "é"), ("ê", "e")):
            if a in text:
                out.append(("%s printed as %s" % (a, b), text.replace(a, b, 1)))
                break
    return out


class Run:
    """One set's comparison: what it compares, and what it found."""

    def __init__(self, work, ink, lang, setfile, roster):
        self.work, self.ink, self.lang = work, ink, lang
        self.rtl = lang in ("ar", "he", "fa", "ur")
        self.names = font_names()
        self.srcs = sources(setfile, roster, lang) if self.rtl else []
        self.refs = {}          # a piece's markup -> its reference's files
        self.jobs = []          # scripts_ink -b's lines
        self.toks = {}          # a job's tokens, written order, and line
        self.report = []        # [doc, page, [(job, text)], lines compared]
        self.skipped = {}       # what is not compared, by kind: how many
        self.math_items = 0     # pieces that are an item of math
        self.order_bad = []     # lines whose words are out of order

    def skip(self, what):
        self.skipped[what] = self.skipped.get(what, 0) + 1

    def markup(self, toks):
        """The markup of toks, right to left in a right-to-left set."""
        return ("\u200f" if self.rtl else "\u200e") + markup_of(toks, self.names)

    def render(self, mk, base, more=()):
        """pango-view sets mk; poppler rasterizes it to BASE-1.pgm."""
        st = subprocess.run(PV + (["--rtl"] if self.rtl else []) + list(more) +
                            ["--markup", "-o", base + ".pdf", "--text", mk],
                            capture_output=True, text=True)
        if st.returncode != 0:
            sys.exit("bad pango-view failed on %s: %s" % (mk, st.stderr.strip()[:200]))
        subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), base + ".pdf", base], check=True)
        return base + "-1.pgm"

    def compare(self, jobs):
        """scripts_ink -b on jobs: its line for each, by the job's id."""
        out = subprocess.run([self.ink, "-b"], input="\n".join(jobs) + "\n",
                             capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit("bad scripts_ink -b: %s" % out.stderr.strip()[:300])
        return dict(line.split(" ", 1) for line in out.stdout.splitlines())


def load(work):
    """The documents in work: name, pages' units, pages' images."""
    docs = []
    for tree in sorted(glob.glob(os.path.join(work, "*.tree"))):
        name = os.path.basename(tree)[:-5]
        pages = parse_tree(tree)[1]
        imgs = sorted(glob.glob(os.path.join(work, name + "-page-*.pgm")))
        if len(imgs) != len(pages):
            sys.exit("bad %s: %d pages in the tree, %d rasterized" % (name, len(pages), len(imgs)))
        docs.append((name, [units_of(p) for p in pages], imgs))
    return docs


def obstacles(us, run):
    """The shapes of a page that are ink: its lines, boxes, circles, and
    figures' shapes and numbers (these at a rough size)."""
    obst = [u for u in us if "box" in u and u["dark"]]
    for u in us:
        if u["kind"] != "figure":
            continue
        run.skip("figure")
        for k in u["kids"]:
            if "box" in k:
                if dark(k):
                    obst.append({"kind": "figure", "box": k["box"]})
            else:
                obst.append({"kind": "figure", "box": (
                    k["x"] - 1, k["y"] - k["size"],
                    k["x"] + k["size"] * 0.6 * len(k["text"]) + 1, k["y"] + 0.3 * k["size"])})
    return obst


def pieces_of(line, y, obst, run):
    """A baseline's units, left to right, cut where the layout leaves more
    than a word space, a shape or math between them; each item of math a
    piece of its own (where math puts them is not pango's to say)."""
    pieces, cur = [], []
    for u in line:
        if u["kind"] == "math":
            if u["kids"] is None:
                run.skip("math on more than one baseline")
            pieces += ([cur] if cur else []) + ([[k] for k in u["kids"]] if u["kids"] else [[u]])
            cur = []
            continue
        if cur:
            prev = cur[-1]
            between = any(o["box"][0] >= prev["end"] - 0.5 and o["box"][2] <= u["x"] + 0.5
                          and o["box"][1] < y + 0.3 * u["size"] and o["box"][3] > y - u["size"]
                          for o in obst)
            if u["x"] - prev["end"] > 0.6 * u["size"] or between or u["size"] != prev["size"]:
                pieces.append(cur)
                cur = []
        cur.append(u)
    return pieces + [cur] if cur else pieces


def piece_tokens(pc, size, widths, rtl):
    """A piece's tokens in the order written, a space where the layout
    left one, in the font whose space it left."""
    toks = []
    for i, u in enumerate(pc):
        gap = u["x"] - pc[i - 1]["end"] if i else 0
        if gap > 0.12 * size:
            near = min((pc[i - 1], u), key=lambda v: abs(widths[(v["font"], v["size"], " ")] - gap))
            toks.append(dict(near, text=" "))
        if u["kind"] == "word" or not rtl or u.get("math"):
            toks.append(u)
        else:
            toks.extend(dict(u, text=c) for c in u["text"])
    return logical(toks) if rtl else toks


def piece_box(pieces, k, y, size, obst):
    """The box of piece k on the page: to half way to what is beside it on
    the line, above and below what is beside it; CUT 1 when above a rule
    it is written on.  None and the kind of shape when one crosses it."""
    pc = pieces[k]
    x0, x1 = pc[0]["x"], max(u["end"] for u in pc)
    left = pieces[k - 1][-1]["end"] if k else x0 - size
    right = pieces[k + 1][0]["x"] if k + 1 < len(pieces) else x1 + size
    bx0 = max(x0 - 0.35 * size, (left + x0) / 2)
    bx1 = min(x1 + 0.35 * size, (x1 + right) / 2)
    by0, by1, cut = y - 1.3 * size, y + 0.8 * size, 0
    for o in obst:
        ox0, oy0, ox1, oy1 = o["box"]
        if ox1 < bx0 or ox0 > bx1 or oy1 < by0 or oy0 > by1:
            continue
        if ox1 <= x0 + 0.5:
            bx0 = max(bx0, ox1 + 0.3)
        elif ox0 >= x1 - 0.5:
            bx1 = min(bx1, ox0 - 0.3)
        elif oy1 <= y - 0.95 * size:
            by0 = max(by0, oy1 + 0.3)
        elif oy0 >= y + 0.3 * size:
            by1 = min(by1, oy0 - 0.3)
        elif o["kind"] == "line" and oy0 > y + 0.05 * size and oy1 - oy0 < 0.2 * size:
            by1 = min(by1, oy0 - 0.3)
            cut = 1
        else:
            return None, o["kind"]
    return (bx0, by0, bx1, by1), cut


def plain_units(us):
    """The text items of units us that are not shaped words, math's too."""
    for u in us:
        if u["kind"] == "plain":
            yield u
        elif u["kind"] == "math" and u["kids"]:
            yield from u["kids"]


def page_jobs(run, name, pno, us, img, widths):
    """The jobs of a page: a piece each, its reference to set."""
    for u in plain_units(us):
        u["end"] = u["x"] + widths[(u["font"], u["size"], u["text"])]
    obst = obstacles(us, run)
    lines = {}
    for u in us:
        if u["kind"] in ("word", "plain", "math"):
            lines.setdefault(u["y"], []).append(u)
    for line in lines.values():
        line.sort(key=lambda u: (u["x"], u["end"]))
    compared, done = set(), []
    for y, line in sorted(lines.items()):
        pieces, read = pieces_of(line, y, obst, run), []
        for k, pc in enumerate(pieces):
            if pc[0]["kind"] == "math" or all(not u["text"].strip() for u in pc):
                continue
            size = max(u["size"] for u in pc)
            toks = piece_tokens(pc, size, widths, run.rtl)
            text = "".join(t["text"] for t in toks).strip()
            if pc[0].get("math"):
                run.math_items += 1
            else:
                read.append((pc[0]["x"], text))
            box, cut = piece_box(pieces, k, y, size, obst)
            if box is None:
                run.skip("text crossed by a %s" % {"line": "rule", "rect": "box"}.get(cut, cut))
                continue
            # the lines above and below, whose ink may reach into the box
            others = sorted({"%.1f %.1f" % (oy * PX, max(v["size"] for v in ou) * PX)
                             for oy, ou in lines.items() if oy != y and abs(oy - y) < 3 * size and
                             any(v["x"] < box[2] and v["end"] > box[0] for v in ou)})
            mk = run.markup(toks)
            if mk not in run.refs:
                n = len(run.refs)
                run.refs[mk] = os.path.join(run.work, "refs%d-1.pgm:%d" % (n // SHEET, n % SHEET))
            jid = "%s/%d/%.2f/%d" % (name, pno, y, k)
            done.append((jid, text))
            run.toks[jid] = (toks, len(run.jobs))
            run.jobs.append("%s %s %s %d %d %d %d %.1f %.1f %d %d %s" % (
                jid, run.refs[mk], img, box[0] * PX, box[1] * PX, box[2] * PX, box[3] * PX,
                y * PX, size * PX, cut, len(others), " ".join(others)))
            compared.add(y)
        # the line as read: its pieces from the right, the math left out
        words = tokens(" ".join(t for _, t in sorted(read, reverse=run.rtl)))
        if run.rtl and not in_order(words, run.srcs):
            run.order_bad.append("%s page %d: %s" % (name, pno, " ".join(words)))
    run.report.append([name, pno, done, len(compared)])


def check_wrong(run):
    """The comparison can fail: the longest piece in the set's script,
    against references wrong as a defect would make them; and the order
    check, on that line read left to right and on the longest line with a
    number of two digits or more, that number read backwards."""
    script = {"hi": "[\u0900-\u097f]", "ar": "[\u0600-\u06ff]"}.get(run.lang, "[a-zé]")

    def read(j):
        return "".join(t["text"] for t in run.toks[j][0])
    best = max((j for j in run.toks if re.search(script, read(j))), key=lambda j: len(run.toks[j][0]))
    toks, n = run.toks[best]
    wjobs = []
    for k, (what, text) in enumerate(wrong(toks, run.lang)):
        f = run.jobs[n].split(" ")
        f[0] = "wrong%d" % k
        f[1] = run.render(run.markup([dict(toks[0], text=text)]), os.path.join(run.work, f[0]))
        wjobs.append((f[0], what, " ".join(f)))
    if not wjobs:
        print("bad no wrong reference for %s" % best)
    scores = run.compare([j for _, _, j in wjobs])
    for jid, what, _ in wjobs:
        if scores.get(jid, "").endswith(" differs"):
            print("ok the comparison tells %s: %s" % (what, scores[jid]))
        else:
            print("bad the comparison cannot tell %s in %s: %s" % (what, best, scores.get(jid)))
    if not run.rtl:
        return
    numbered = max((j for j in run.toks if re.search(r"\d\d", read(j)) and ARABIC.search(read(j))),
                   key=lambda j: len(read(j)))
    for what, jid, line in (
            ("words read left to right", best, tokens(read(best))[::-1]),
            ("a number's digits reversed", numbered, [
                w[::-1] if len(w) > 1 and w.isdigit() else w for w in tokens(read(numbered))])):
        if in_order(line, run.srcs) or line == tokens(read(jid)):
            print("bad the word order check cannot tell %s in %s" % (what, jid))
        else:
            print("ok the word order check tells %s (%s)" % (what, " ".join(line)))


def report(run, scores):
    """A line per piece, then per page, then the set's totals."""
    total_p = total_l = 0
    for name, pno, done, nlines in run.report:
        worst, wid, blob = -1.0, "", 0
        for jid, text in done:
            sc = scores.get(jid, "differs missing")
            m = re.search(r"miss ([\d.]+) blob (\d+)", sc)
            d, b = (float(m.group(1)), int(m.group(2))) if m else (1.0, 0)
            if d > worst:
                worst, wid = d, jid
            blob = max(blob, b)
            if sc.endswith(" same"):
                print("ok %s" % jid)
            else:
                print("bad %s page %d line at y=%s is not set as pango sets it: %s (%s)" % (
                    name, pno, jid.split("/")[2], sc, text))
        total_p += len(done)
        total_l += nlines
        print("page %s %d: pieces %d lines %d worst %.4f (%s) blob %d" % (
            name, pno, len(done), nlines, max(worst, 0), wid, blob))
    worst = max((float(m.group(1)), int(m.group(2))) for m in (
        re.search(r"miss ([\d.]+) blob (\d+)", sc) for sc in scores.values()) if m)
    print("total: pieces %d lines %d references %d" % (total_p, total_l, len(run.refs)))
    print("summary: %d pages, %d lines (%d pieces, %d of them items of math) compared with pango,"
          " worst miss %.4f blob %d; not compared: %s" % (
              len(run.report), total_l, total_p, run.math_items, worst[0], worst[1],
                                 ", ".join("%s %d" % kv for kv in sorted(run.skipped.items())) or "none"))


def main():
    run = Run(*sys.argv[1:6])
    docs = load(run.work)
    texts = {(u["font"], u["size"], t) for _, pages, _ in docs for us in pages
             for u in list(plain_units(us)) + [w for w in us if w["kind"] == "word"]
             for t in (u["text"] if u["kind"] == "plain" else " ", " ")}
    widths = measure(texts, run.names, run.work)
    for name, pages, imgs in docs:
        for pno, (us, img) in enumerate(zip(pages, imgs), 1):
            page_jobs(run, name, pno, us, img, widths)
    # each piece's reference once, SHEET a pango-view, one under the other
    refs = list(run.refs)
    for k in range(0, len(refs), SHEET):
        run.render("\n".join(refs[k:k + SHEET]), os.path.join(run.work, "refs%d" % (k // SHEET)),
                   ["--spacing=%d" % SHEET_GAP])
    # kept beside the pages' images for a look at a failure
    with open(os.path.join(run.work, "jobs"), "w") as f:
        f.write("\n".join(run.jobs) + "\n")
    scores = run.compare(run.jobs)
    check_wrong(run)
    for w in run.order_bad:
        print("bad words not in the order written: %s" % w)
    if run.rtl and not run.order_bad:
        print("ok words in the order written")
    report(run, scores)


main()
