"""PDF: the text layer, read with PDFium (pypdfium2) and, on pages that draw rules, pdfplumber.

pdfplumber (pdfminer.six underneath) finds ruled tables from the page's lines and rectangles and
gives every cell's box, which PDFium does not; but its pure-Python parsing costs ~40 ms a page.
So PDFium reads every page's text runs (several times faster) and only a page that draws lines
or boxes goes through pdfplumber for its tables.  Each page becomes paragraphs (its text lines
outside tables, joined where a line runs on) and grids (its ruled tables, merged cells expanded
from their boxes); a table continued on the next page is read as one.

What cannot be read is said, not guessed: a page that is only a picture becomes an image block
(the section's table is then reported as an image), a document without any text, an encrypted
or a broken file is an InputError.  A cell is never given a value its characters do not show.
"""

from __future__ import annotations

import io
import re

from ..model import InputError, Location
from .assemble import classify_heading
from .blocks import Document, Grid, ListingReader, Para, RawCell

MAX_PAGES = 500
_TOL = 2.0                                   # points: two box edges this close are the same line
_PAGE_NUMBER = re.compile(r"^[-—–\s]*\d{1,3}[-—–\s]*$|^第\s*\d+\s*页(\s*共\s*\d+\s*页)?$|^\d+\s*/\s*\d+$")


def parse(data: bytes, path: str) -> Document:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise InputError("the PDF is encrypted (password protected): cannot read it", path) from None
        raise InputError(f"not a readable PDF ({str(e).split('(')[-1].rstrip(').') or e})", path) from None
    reader = _Reader(path)
    plumber = None
    try:
        if len(pdf) > MAX_PAGES:
            raise InputError(f"{len(pdf)} pages: more than any report ({MAX_PAGES})", path)
        for n in range(1, len(pdf) + 1):
            try:
                page = pdf[n - 1]
            except pdfium.PdfiumError:
                raise InputError(f"page {n} cannot be read (a broken page object)", path) from None
            try:
                if _has_rules(page):         # a ruled table may be here: pdfplumber finds it
                    plumber = plumber or _open_plumber(data, path)
                    reader.ruled_page(plumber.pages[n - 1], n)
                    plumber.pages[n - 1].close()     # drop its parsed objects: memory stays flat
                else:                        # text only: PDFium reads it several times faster
                    reader.text_page(page, n)
            except InputError:
                raise
            except Exception as e:  # noqa: BLE001 - a broken content stream
                raise InputError(f"page {n} cannot be read ({type(e).__name__})", path) from None
            finally:
                page.close()
    finally:
        pdf.close()
        if plumber is not None:
            try:
                plumber.close()
            except Exception:  # noqa: BLE001 - closing walks every page again; the error is reported
                pass
    if not reader.had_text:
        raise InputError("the PDF has no text layer (a scan): it needs OCR before it can be checked", path)
    reader.flush()
    reader.end_table()
    return Document(path, reader.blocks, reader.lines, "pdf")


def _pdfium_lines(page) -> tuple[list[dict], list[dict]]:
    """A page's text lines (PDFium's text runs, those on one baseline joined) and pictures, in
    pdfplumber's terms: points from the page's top left."""
    import pypdfium2.raw as raw

    height = page.get_height()
    textpage = page.get_textpage()
    runs = []
    for k in range(textpage.count_rects()):
        x0, bottom, x1, top = textpage.get_rect(k)
        text = textpage.get_text_bounded(x0, bottom, x1, top)
        if text.strip():
            runs.append({"text": text, "x0": x0, "x1": x1, "top": height - top, "bottom": height - bottom})
    textpage.close()
    lines: list[dict] = []
    for run in sorted(runs, key=lambda r: (r["top"], r["x0"])):
        if lines and abs(run["top"] - lines[-1]["top"]) <= _TOL:
            ln = lines[-1]
            ln["text"] += (" " if run["x0"] - ln["x1"] > 3 else "") + run["text"]
            ln["x1"], ln["bottom"] = max(ln["x1"], run["x1"]), max(ln["bottom"], run["bottom"])
        else:
            lines.append(run)
    images = []
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE]):
        left, bottom, right, top = obj.get_bounds()
        images.append({"x0": left, "x1": right, "top": height - top, "bottom": height - bottom,
                       "width": right - left, "height": top - bottom})
    return lines, images


def _has_rules(page) -> bool:
    """Whether the page draws lines or boxes (path objects), without which no ruled table exists."""
    import pypdfium2.raw as raw

    return next(iter(page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH])), None) is not None


def _open_plumber(data: bytes, path: str):
    import logging

    import pdfplumber

    # pdfminer warns on stderr about every quirk of a broken file; the one error line is ours
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as e:  # noqa: BLE001 - pdfminer raises many kinds of error on broken files
        raise InputError(f"not a readable PDF ({type(e).__name__})", path) from None


class _Reader(ListingReader):
    def __init__(self, path: str):
        super().__init__(path)
        self.had_text = False
        self.buf: list[dict] = []            # text lines of the paragraph being read
        self.buf_page = 0
        self.fragments: list[_Fragment] = []    # the parts (one per page) of the table being read

    # ------------------------------------------------------------------ pages
    def text_page(self, page, n: int) -> None:
        """A page without rules: PDFium's text runs and pictures."""
        lines, images = _pdfium_lines(page)
        self.place(n, page.get_width(), lines, [], images)

    def ruled_page(self, page, n: int) -> None:
        """A page with rules, through pdfplumber: its tables, and its text lines outside them."""
        chars = page.chars
        tables = page.find_tables() if chars else []
        boxes = [t.bbox for t in tables]

        def outside(obj) -> bool:
            return obj.get("object_type") != "char" or not any(
                b[0] - _TOL <= (obj["x0"] + obj["x1"]) / 2 <= b[2] + _TOL and
                b[1] - _TOL <= (obj["top"] + obj["bottom"]) / 2 <= b[3] + _TOL for b in boxes)

        text_page = page.filter(outside) if boxes else page
        lines = text_page.extract_text_lines(return_chars=False) if chars else []
        self.place(n, page.width, lines, [_Fragment(n, t, chars) for t in tables], page.images)

    def place(self, n: int, width: float, lines: list[dict], tables: list["_Fragment"], images: list[dict]) -> None:
        """A page's lines, tables and pictures, top to bottom, into paragraphs and grids."""
        lines = [ln for ln in lines if ln["text"].strip() and not _PAGE_NUMBER.match(ln["text"].strip())]
        if lines or tables:
            self.had_text = True
        # a picture as wide as a third of the page is a table or a scan, not a logo
        images = [im for im in images if im["width"] > width / 3 and im["height"] > 60]
        # the text column: tables span it, and margins are symmetric when no line is full
        left = min([ln["x0"] for ln in lines] + [t.bbox[0] for t in tables], default=0.0)
        right = max([ln["x1"] for ln in lines] + [t.bbox[2] for t in tables] + [width - left])
        items = sorted([(ln["top"], 0, ln) for ln in lines] + [(t.bbox[1], 1, t) for t in tables]
                       + [(im["top"], 2, im) for im in images], key=lambda x: (x[0], x[1]))
        for k, (_, kind, item) in enumerate(items):
            if kind == 0:
                self.end_table()
                self.text_line(item, n, left, right)
                continue
            self.flush()
            if kind == 2:
                self.end_table()
                self.lines.append(f"[page {n}: image]")
                self.blocks.append(Grid([], Location(self.path, len(self.lines), 1, page=n, bbox=(
                    item["x0"], item["top"], item["x1"], item["bottom"])), image=True))
                continue
            # a table first on its page, as wide as the one that ended the last page, continues it
            last = self.fragments[-1] if self.fragments else None
            if not (k == 0 and last and last.page == n - 1 and abs(last.bbox[0] - item.bbox[0]) < _TOL
                    and abs(last.bbox[2] - item.bbox[2]) < _TOL):
                self.end_table()
            self.fragments.append(item)

    # ------------------------------------------------------------------ paragraphs
    def text_line(self, ln: dict, page: int, left: float, right: float) -> None:
        text = ln["text"].strip()
        if not text:
            return
        size = max(ln["bottom"] - ln["top"], 6.0)
        starts_new = (not self.buf or ln["x0"] > left + 1.5 * size or classify_heading(text) is not None
                      or classify_heading(self.buf[-1]["text"]) is not None
                      or self.buf[-1]["x1"] < right - 2 * size)
        if starts_new:
            self.flush()
            self.buf_page = page
        self.buf.append(ln)

    def flush(self) -> None:
        if not self.buf:
            return
        first = self.buf[0]
        text = "".join(ln["text"].strip() for ln in self.buf)
        self.buf = []
        self.para_no += 1
        self.lines.append(text)
        line = len(self.lines)
        self.blocks.append(Para(text, Location(self.path, line, 1, line, len(text) + 1, page=self.buf_page,
                                               para=self.para_no,
                                               bbox=(first["x0"], first["top"], first["x1"], first["bottom"]))))

    # ------------------------------------------------------------------ tables
    def end_table(self) -> None:
        """One table from its ruled fragments (one per page): the grid's columns are every
        vertical edge of every fragment, so a fragment holding only a wide header row still
        lines up with the rows on the next page; a merged cell stands in each place it covers."""
        if not self.fragments:
            return
        fragments, self.fragments = self.fragments, []
        self.table_no += 1
        cols = _edges(x for f in fragments for c in f.cells for x in (c[0], c[2]))
        first_line = len(self.lines) + 1
        grid_rows: list[list[RawCell]] = []
        for frag in fragments:
            page = frag.page
            ys = _edges(y for c in frag.cells for y in (c[1], c[3]))
            rows: list[list[RawCell | None]] = [[None] * (len(cols) - 1) for _ in range(len(ys) - 1)]
            box_of: dict[int, tuple] = {}
            for bbox, text in zip(frag.cells, frag.texts):
                c0, c1, r0, r1 = _at(cols, bbox[0]), _at(cols, bbox[2]), _at(ys, bbox[1]), _at(ys, bbox[3])
                cell = RawCell(text)
                box_of[id(cell)] = bbox
                for r in range(r0, max(r1, r0 + 1)):
                    for c in range(c0, max(c1, c0 + 1)):
                        rows[r][c] = cell
            for row in rows:
                first_col: dict[int, int] = {}          # a merged cell is listed once, at its first column
                for c, cell in enumerate(row):
                    if cell is not None:
                        first_col.setdefault(id(cell), c)
                distinct = [row[c] for c in first_col.values()]
                spans = self.listing_row([cell.text for cell in distinct])
                line, row_no = len(self.lines), len(grid_rows) + 1
                for cell, (start, end) in zip(distinct, spans):
                    if cell._loc is None:    # the first row a merged cell stands in names it
                        cell._loc = Location(self.path, line, start, line, max(end, start + 1), page=page,
                                             table=self.table_no, row=row_no, cell=first_col[id(cell)] + 1,
                                             bbox=tuple(box_of[id(cell)]))
                grid_rows.append([cell if cell is not None else RawCell("", Location(
                    self.path, line, 1, page=page, table=self.table_no, row=row_no, cell=c + 1))
                    for c, cell in enumerate(row)])
        first = fragments[0]
        self.blocks.append(Grid(grid_rows, Location(self.path, first_line, 1, page=first.page, table=self.table_no,
                                                    bbox=first.bbox)))


class _Fragment:
    """A ruled table's part on one page: its cells' boxes and texts, taken while the page is
    open (the characters of each cell found by bisecting the grid lines, not by a scan of the
    page per cell)."""

    __slots__ = ("page", "bbox", "cells", "texts")

    def __init__(self, page: int, table, chars: list[dict]):
        from bisect import bisect_right

        self.page, self.bbox = page, tuple(table.bbox)
        self.cells = sorted(table.cells, key=lambda b: (b[1], b[0]))
        xs = _edges(x for c in self.cells for x in (c[0], c[2]))
        ys = _edges(y for c in self.cells for y in (c[1], c[3]))
        owner: dict[tuple[int, int], int] = {}
        for k, b in enumerate(self.cells):
            for r in range(_at(ys, b[1]), max(_at(ys, b[3]), _at(ys, b[1]) + 1)):
                for c in range(_at(xs, b[0]), max(_at(xs, b[2]), _at(xs, b[0]) + 1)):
                    owner[(r, c)] = k
        found: list[list[dict]] = [[] for _ in self.cells]
        x0, top, x1, bottom = self.bbox
        for ch in chars:
            cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
            if x0 <= cx <= x1 and top <= cy <= bottom:
                k = owner.get((bisect_right(ys, cy) - 1, bisect_right(xs, cx) - 1))
                if k is not None:
                    found[k].append(ch)
        self.texts = [_reading_order(cs) for cs in found]


def _reading_order(chars: list[dict]) -> str:
    """A cell's characters as text: lines top to bottom (tops within _TOL are one line), each
    left to right; the line breaks inside a cell are soft wraps and are dropped."""
    lines: list[list[dict]] = []
    for ch in sorted(chars, key=lambda ch: ch["top"]):
        if lines and ch["top"] - lines[-1][0]["top"] <= _TOL:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    return "".join(ch["text"] for line in lines for ch in sorted(line, key=lambda ch: ch["x0"])).strip()


def _edges(values) -> list[float]:
    """Distinct coordinates, those within _TOL of each other taken as one."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > _TOL:
            out.append(v)
    return out


def _at(edges: list[float], v: float) -> int:
    """The index of the edge at v."""
    from bisect import bisect_left

    i = bisect_left(edges, v - _TOL)
    return min(i, len(edges) - 1)
