"""One PDF page's content through PDFium (pypdfium2): characters, ruling edges, pictures.

PDFium parses a page in C, several times faster than pdfminer.six (pdfplumber's parser, ~40 ms
for a table page).  The geometry of ruled tables — snapping and joining edges, intersections,
cells, tables — is pdfplumber's own, fed with the edges PDFium reads from the page's paths.
Coordinates are points from the page's top left, in pdfplumber's terms (x0, x1, top, bottom).
"""

from __future__ import annotations

import ctypes
import re

TOL = 2.0            # points: two box edges this close are the same line
_MARK = re.compile(r"\s")


class Cell:
    """A cell of an inferred grid; one object stands in every row a label spans."""

    __slots__ = ("text", "bbox")

    def __init__(self, text: str, bbox: tuple):
        self.text, self.bbox = text, bbox

    def add(self, run: dict, sep: str = "") -> None:
        x0, top, x1, bottom = self.bbox
        self.text += sep + run["text"]
        self.bbox = (min(x0, run["x0"]), min(top, run["top"]), max(x1, run["x1"]), max(bottom, run["bottom"]))


def chars(page) -> list[dict] | None:
    """The page's characters with their (loose, font-height) boxes; whitespace is kept (it
    separates words) but PDFium's generated spaces and line breaks are not.

    None when PDFium read nothing of a text object.  It happens with real text: a line that
    repeats one just above it is dropped as a fake-bold duplicate when the font is not embedded
    (common in PDFs made by CMS software), and the second line of a wrapped cell in reportlab's
    CJK output is not read at all ("科研机\n构").  The caller then reads the page with pdfminer."""
    out: list[dict] = []
    return None if _read_text(page, out) else out


def _text_objects(page) -> list:
    import pypdfium2.raw as raw

    objs = (raw.FPDFPage_GetObject(page.raw, k) for k in range(raw.FPDFPage_CountObjects(page.raw)))
    return [obj for obj in objs if raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_TEXT]


def _read_text(page, out: list[dict]) -> bool:
    """Append the characters PDFium reads on the page to ``out``; whether it read nothing of a
    text object (then ``out`` is left incomplete)."""
    import pypdfium2.raw as raw

    height = page.get_height()
    textpage = page.get_textpage()
    try:
        # the length in bytes of an object's UTF-16 text with the terminator: 2 = nothing read
        if any(raw.FPDFTextObj_GetText(obj, textpage.raw, None, 0) <= 2 for obj in _text_objects(page)):
            return True
        for i in range(textpage.count_chars()):
            if raw.FPDFText_IsGenerated(textpage.raw, i) == 1:
                continue
            code = raw.FPDFText_GetUnicode(textpage.raw, i)
            if code in (0, 0xFFFE, 0xFFFF, 0x0A, 0x0D) or 0xD800 <= code <= 0xDFFF:
                continue
            left, bottom, right, top = textpage.get_charbox(i, loose=True)
            out.append({"text": chr(code), "x0": left, "x1": right, "top": height - top, "bottom": height - bottom})
    finally:
        textpage.close()
    return False


def pictures(page) -> list[dict]:
    import pypdfium2.raw as raw

    height = page.get_height()
    out = []
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE]):
        left, bottom, right, top = obj.get_bounds()
        out.append({"x0": left, "x1": right, "top": height - top, "bottom": height - bottom,
                    "width": right - left, "height": top - bottom})
    return out


def edges(page) -> list[dict]:
    """The horizontal and vertical straight segments of the page's visible paths (forms
    included), as pdfplumber edges; curves and slanted lines cannot rule a table."""
    import pypdfium2.raw as raw

    height = page.get_height()
    out: list[dict] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    fill, stroke = ctypes.c_int(), ctypes.c_int()

    def walk(objs, parent: tuple) -> None:
        for obj in objs:
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_FORM:
                m = _matrix(obj)
                walk((raw.FPDFFormObj_GetObject(obj, k) for k in range(raw.FPDFFormObj_CountObjects(obj))),
                     _compose(m, parent))
                continue
            if kind != raw.FPDF_PAGEOBJ_PATH:
                continue
            raw.FPDFPath_GetDrawMode(obj, fill, stroke)
            if not fill.value and not stroke.value:
                continue
            a, b, c, d, e, f = _compose(_matrix(obj), parent)
            start = prev = None
            for k in range(raw.FPDFPath_CountSegments(obj)):
                seg = raw.FPDFPath_GetPathSegment(obj, k)
                raw.FPDFPathSegment_GetPoint(seg, x, y)
                pt = (a * x.value + c * y.value + e, height - (b * x.value + d * y.value + f))
                kind = raw.FPDFPathSegment_GetType(seg)
                if kind == raw.FPDF_SEGMENT_MOVETO:
                    start = pt
                elif prev is not None:
                    _add_edge(out, prev, pt)
                if raw.FPDFPathSegment_GetClose(seg) and start is not None:
                    _add_edge(out, pt, start)
                prev = pt

    top_level = raw.FPDFPage_CountObjects(page.raw)
    walk((raw.FPDFPage_GetObject(page.raw, k) for k in range(top_level)), (1, 0, 0, 1, 0, 0))
    return out


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


def _add_edge(out: list[dict], p: tuple, q: tuple) -> None:
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
    default settings ("lines" strategy)."""
    from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges
    from pdfplumber.utils import filter_edges

    merged = filter_edges(merge_edges(page_edges, 3, 3, 3, 3), min_length=3)
    cells = intersections_to_cells(edges_to_intersections(merged, 3, 3))
    out = []
    for group in cells_to_tables(cells):
        bbox = (min(c[0] for c in group), min(c[1] for c in group), max(c[2] for c in group), max(c[3] for c in group))
        out.append((bbox, group))
    return out


def text_lines(page_chars: list[dict]) -> list[dict]:
    """Characters grouped into lines (a character whose middle lies within the line's height
    joins it), left to right; each line keeps its runs — pieces split by gaps wider than 0.8
    of the line's height, the cells of a table drawn without rules."""
    lines: list[list[dict]] = []
    for ch in sorted(page_chars, key=lambda ch: ch["top"]):
        mid = (ch["top"] + ch["bottom"]) / 2
        if lines and lines[-1][0]["top"] - 0.5 <= mid <= lines[-1][0]["bottom"] + 0.5:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    out = []
    for group in lines:
        group.sort(key=lambda ch: ch["x0"])
        size = max(ch["bottom"] - ch["top"] for ch in group) or 10.0
        runs: list[dict] = []
        text, last = "", None
        for ch in group:
            if _MARK.match(ch["text"]):
                if text and not text.endswith(" "):
                    text += " "
                continue
            gap = ch["x0"] - last["x1"] if last is not None else 0.0
            if last is None or gap > 0.8 * size:
                runs.append({"text": ch["text"], "x0": ch["x0"], "x1": ch["x1"], "top": ch["top"],
                             "bottom": ch["bottom"], "chars": [ch]})
                if text and not text.endswith(" "):
                    text += " "
            else:
                run = runs[-1]
                run["text"] += ("" if gap < 0.25 * size or not text.endswith(" ") else " ") + ch["text"]
                run["chars"].append(ch)
                run["x1"] = max(run["x1"], ch["x1"])
                run["top"], run["bottom"] = min(run["top"], ch["top"]), max(run["bottom"], ch["bottom"])
            text += ch["text"]
            last = ch
        if not runs:
            continue
        out.append({"text": text.strip(), "x0": runs[0]["x0"], "x1": max(r["x1"] for r in runs),
                    "top": min(r["top"] for r in runs), "bottom": max(r["bottom"] for r in runs), "runs": runs})
    return out
