"""One PDF page's content through PDFium (pypdfium2): characters, ruling edges, pictures.

PDFium parses a page in C, several times faster than pdfminer.six (pdfplumber's parser, ~40 ms
for a table page).  The geometry of ruled tables — snapping and joining edges, intersections,
cells, tables — is pdfplumber's own, fed with the edges PDFium reads from the page's paths.
Coordinates are points from the page's top left, in pdfplumber's terms (x0, x1, top, bottom).
"""

from __future__ import annotations

import ctypes
from operator import itemgetter

from .chinese import RADICAL_TWINS

TOL = 2.0            # points: two box edges this close are the same line


class Cell:
    """A table cell read from a page, its text and box; a merged cell (or a label spanning rows
    of an unruled table) is one object standing in each place it covers."""

    __slots__ = ("text", "bbox")

    def __init__(self, text: str, bbox: tuple):
        self.text, self.bbox = text, bbox

    def add(self, run: dict, sep: str = "") -> None:
        x0, top, x1, bottom = self.bbox
        self.text += sep + run["text"]
        self.bbox = (min(x0, run["x0"]), min(top, run["top"]), max(x1, run["x1"]), max(bottom, run["bottom"]))


def content(page) -> tuple[list[dict] | None, list[dict], list[dict]]:
    """The page's characters, ruling edges and pictures, from one walk over its objects.

    Characters have their (loose, font-height) boxes; whitespace is kept (it separates words)
    but PDFium's generated spaces and line breaks are not.  They are None when PDFium read
    nothing of a text object: it skips a text object whose glyphs have no outline (a font not
    embedded and not on the machine — common in Chinese PDFs made by CMS software) and which
    holds one character ("科研机\n构", a group label set one character per line), and a line
    repeating the one above it as a fake-bold duplicate.  The caller then reads the page with
    pdfminer (``Miner``)."""
    texts: list = []
    edges: list[dict] = []
    images: list[dict] = []
    _walk(page, texts, edges, images)
    return _read_text(page, texts), edges, images


def _read_text(page, texts: list) -> list[dict] | None:
    """The characters PDFium reads on the page; None if it read nothing of one of ``texts``."""
    import pypdfium2.raw as raw

    height = page.get_height()
    textpage = page.get_textpage()
    try:
        # the length in bytes of an object's UTF-16 text with the terminator: 2 = nothing read
        if any(raw.FPDFTextObj_GetText(obj, textpage.raw, None, 0) <= 2 for obj in texts):
            return None
        out: list[dict] = []
        tp, box = textpage.raw, raw.FS_RECTF()
        generated, unicode, loose_box = raw.FPDFText_IsGenerated, raw.FPDFText_GetUnicode, raw.FPDFText_GetLooseCharBox
        font_size = raw.FPDFText_GetFontSize
        twins = RADICAL_TWINS
        for i in range(raw.FPDFText_CountChars(tp)):
            code = unicode(tp, i)
            # PDFium generates spaces and line breaks only: ask about spaces alone
            if code in (0, 0xFFFE, 0xFFFF, 0x0A, 0x0D) or 0xD800 <= code <= 0xDFFF or \
                    code == 0x20 and generated(tp, i) == 1 or not loose_box(tp, i, box):
                continue
            # A loose box's bottom is the font's descent under the baseline, the same for every
            # glyph; its top follows the glyph when the font is on the machine ("，" lower than
            # "他"), which would split a line of a table cell in two.  The top is the bottom less
            # the font size, as pdfminer has it, whatever fonts are installed.
            bottom = height - box.bottom
            top = height - box.top
            size = font_size(tp, i)
            if 0.5 * (bottom - top) <= size <= 2.5 * (bottom - top):
                top = bottom - size
            out.append({"text": chr(twins.get(code, code)), "x0": box.left, "x1": box.right, "top": top,
                        "bottom": bottom})
    finally:
        textpage.close()
    return out


class Miner:
    """pdfminer.six's reading of a file, for the pages PDFium does not read whole: its chars
    only (no lines, rects or attributes — what pdfplumber adds costs a third more)."""

    def __init__(self, data: bytes):
        import io
        import logging

        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfinterp import PDFResourceManager
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser

        # pdfminer warns on stderr about every quirk of a broken file; the one error line is ours
        logging.getLogger("pdfminer").setLevel(logging.ERROR)
        self.pages = PDFPage.create_pages(PDFDocument(PDFParser(io.BytesIO(data))))
        self.seen: list = []
        self.resources = PDFResourceManager(caching=True)

    def chars(self, n: int, height: float) -> list[dict]:
        """Page n's characters, in the coordinates of ``chars`` (``height``: PDFium's page height)."""
        from pdfminer.converter import PDFPageAggregator
        from pdfminer.layout import LTChar
        from pdfminer.pdfinterp import PDFPageInterpreter

        while len(self.seen) < n:
            self.seen.append(next(self.pages))
        device = PDFPageAggregator(self.resources, laparams=None)
        PDFPageInterpreter(self.resources, device).process_page(self.seen[n - 1])
        out: list[dict] = []

        def walk(items) -> None:
            for item in items:
                if isinstance(item, LTChar):
                    x0, y0, x1, y1 = item.bbox
                    out.append({"text": item.get_text().translate(RADICAL_TWINS), "x0": x0, "x1": x1,
                                "top": height - y1, "bottom": height - y0})
                elif hasattr(item, "__iter__"):     # a form XObject (LTFigure)
                    walk(item)

        walk(device.get_result())
        return out


def _walk(page, texts: list, edges: list[dict], images: list[dict]) -> None:
    """Sort the page's objects (forms opened): text objects, the horizontal and vertical
    straight segments of visible paths as pdfplumber edges (curves and slanted lines cannot
    rule a table), and pictures' boxes."""
    import pypdfium2.raw as raw

    height = page.get_height()
    x, y = ctypes.c_float(), ctypes.c_float()
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()

    def walk(objs, parent: tuple) -> None:
        for obj in objs:
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_TEXT:
                texts.append(obj)
            elif kind == raw.FPDF_PAGEOBJ_FORM:
                walk((raw.FPDFFormObj_GetObject(obj, k) for k in range(raw.FPDFFormObj_CountObjects(obj))),
                     _compose(_matrix(obj), parent))
            elif kind == raw.FPDF_PAGEOBJ_IMAGE and raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                a, b, c, d, e, f = parent
                xs = [a * px + c * py + e for px in (left.value, right.value) for py in (bottom.value, top.value)]
                ys = [b * px + d * py + f for px in (left.value, right.value) for py in (bottom.value, top.value)]
                pw, ph = ctypes.c_uint(), ctypes.c_uint()      # its own pixels: a scan's resolution
                if not raw.FPDFImageObj_GetImagePixelSize(obj, pw, ph):
                    pw.value = 0
                images.append({"x0": min(xs), "x1": max(xs), "top": height - max(ys), "bottom": height - min(ys),
                               "width": max(xs) - min(xs), "height": max(ys) - min(ys), "pixels": pw.value})
            elif kind == raw.FPDF_PAGEOBJ_PATH:
                raw.FPDFPath_GetDrawMode(obj, fill, stroke)
                if fill.value or stroke.value:
                    _path_edges(obj, _compose(_matrix(obj), parent), height, edges, x, y)

    walk((raw.FPDFPage_GetObject(page.raw, k) for k in range(raw.FPDFPage_CountObjects(page.raw))),
         (1, 0, 0, 1, 0, 0))


def _path_edges(obj, m: tuple, height: float, out: list[dict], x, y) -> None:
    import pypdfium2.raw as raw

    a, b, c, d, e, f = m
    start = prev = None
    for k in range(raw.FPDFPath_CountSegments(obj)):
        seg = raw.FPDFPath_GetPathSegment(obj, k)
        raw.FPDFPathSegment_GetPoint(seg, x, y)
        pt = (a * x.value + c * y.value + e, height - (b * x.value + d * y.value + f))
        if raw.FPDFPathSegment_GetType(seg) == raw.FPDF_SEGMENT_MOVETO:
            start = pt
        elif prev is not None:
            add_edge(out, prev, pt)
        if raw.FPDFPathSegment_GetClose(seg) and start is not None:
            add_edge(out, pt, start)
        prev = pt


def _matrix(obj) -> tuple:
    import pypdfium2.raw as raw

    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, m):
        return (1, 0, 0, 1, 0, 0)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(m: tuple, parent: tuple) -> tuple:
    """m then parent (PDF row-vector convention)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = parent
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def add_edge(out: list[dict], p: tuple, q: tuple) -> None:
    (x0, y0), (x1, y1) = p, q
    if abs(y0 - y1) < 0.5 and abs(x0 - x1) >= 1:
        left, right = min(x0, x1), max(x0, x1)
        out.append({"object_type": "line", "orientation": "h", "x0": left, "x1": right, "top": y0, "bottom": y0,
                    "doctop": y0, "width": right - left, "height": 0.0})
    elif abs(x0 - x1) < 0.5 and abs(y0 - y1) >= 1:
        top, bottom = min(y0, y1), max(y0, y1)
        out.append({"object_type": "line", "orientation": "v", "x0": x0, "x1": x0, "top": top, "bottom": bottom,
                    "doctop": top, "width": 0.0, "height": bottom - top})


def ruled_tables(page_edges: list[dict]) -> list[tuple[tuple, list[tuple]]]:
    """Tables drawn by rules: (bbox, cell boxes) each, by pdfplumber's table finder with its
    default settings ("lines" strategy).  Boxes stacked in one column are not a table: a
    paragraph whose lines a word processor framed (a text box, paragraph borders) is text."""
    from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges
    from pdfplumber.utils import filter_edges

    groups = []
    for band in _bands(page_edges):
        merged = filter_edges(merge_edges(_closed(band), 3, 3, 3, 3), min_length=3)
        groups += cells_to_tables(intersections_to_cells(edges_to_intersections(merged, 3, 3)))
    out = []
    for group in groups:
        bbox = (min(c[0] for c in group), min(c[1] for c in group), max(c[2] for c in group), max(c[3] for c in group))
        if all(c[0] - bbox[0] < 3 and bbox[2] - c[2] < 3 for c in group):
            continue
        out.append((bbox, group))
    return out


def _bands(edges: list[dict], gap: float = 3.0) -> list[list[dict]]:
    """The page's edges in bands one above the other, each band's edges overlapping in height:
    the table finder snaps edges a few points apart to one, and a column edge of one table must
    not pull the border of the table above it off its corners (a table of one page then is no
    table at all)."""
    bands: list[list[dict]] = []
    bottom = float("-inf")
    for e in sorted(edges, key=itemgetter("top")):
        if e["top"] > bottom + gap:
            bands.append([])
        bands[-1].append(e)
        bottom = max(bottom, e["bottom"]) if e["top"] <= bottom + gap else e["bottom"]
    return bands


def _closed(band: list[dict]) -> list[dict]:
    """A table cut by a page break is open where it is cut: its rules run down to the foot of
    the page (or from its head) with no rule across, so the cells merged across the break —
    a group label's — are no cells, and their text is lost.  The cut is closed by a rule across
    the ends of the rules that reach it."""
    verticals = [e for e in band if e["orientation"] == "v"]
    across = [e for e in band if e["orientation"] == "h"]
    if len(verticals) < 2 or not across:
        return band
    x0, x1 = min(e["x0"] for e in verticals), max(e["x1"] for e in verticals)
    added = []
    for end, key in ((max(e["bottom"] for e in verticals), "bottom"), (min(e["top"] for e in verticals), "top")):
        reaching = [e for e in verticals if abs(e[key] - end) <= 3]
        if len(reaching) >= 2 and not any(abs(e["top"] - end) <= 3 and e["x1"] - e["x0"] > (x1 - x0) / 2 for e in across):
            add_edge(added, (x0, end), (x1, end))
    return band + added if added else band


def text_lines(page_chars: list[dict]) -> list[dict]:
    """Characters grouped into lines (a character whose middle lies within the line's height
    joins it), left to right; each line keeps its runs — pieces split by gaps wider than 0.8
    of the line's height, the cells of a table drawn without rules.  Whitespace becomes one
    space in the line's text, and in a run's where it stands in a gap a quarter of the height wide."""
    lines: list[list[dict]] = []
    for ch in sorted(page_chars, key=itemgetter("top")):
        mid = (ch["top"] + ch["bottom"]) / 2
        if lines and lines[-1][0]["top"] - 0.5 <= mid <= lines[-1][0]["bottom"] + 0.5:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    out = []
    for group in lines:
        group.sort(key=itemgetter("x0"))
        size = max(ch["bottom"] - ch["top"] for ch in group) or 10.0
        runs: list[dict] = []
        parts: list[str] = []                # the line's text
        run_parts: list[str] = []
        last, spaced = None, False
        for ch in group:
            t = ch["text"]
            if t.isspace():
                spaced = True
                continue
            if last is None or ch["x0"] - last["x1"] > 0.8 * size:
                run_parts = [t]
                runs.append({"parts": run_parts, "x0": ch["x0"], "x1": ch["x1"], "top": ch["top"],
                             "bottom": ch["bottom"], "chars": [ch]})
                if parts:
                    parts.append(" ")
            else:
                run = runs[-1]
                if spaced:
                    parts.append(" ")
                    if ch["x0"] - last["x1"] >= 0.25 * size:
                        run_parts.append(" ")
                run_parts.append(t)
                run["chars"].append(ch)
                run["x1"] = max(run["x1"], ch["x1"])
                run["top"], run["bottom"] = min(run["top"], ch["top"]), max(run["bottom"], ch["bottom"])
            parts.append(t)
            last, spaced = ch, False
        if not runs:
            continue
        for run in runs:
            run["text"] = "".join(run.pop("parts"))
        out.append({"text": "".join(parts), "x0": runs[0]["x0"], "x1": max(r["x1"] for r in runs),
                    "top": min(r["top"] for r in runs), "bottom": max(r["bottom"] for r in runs), "runs": runs})
    return out
