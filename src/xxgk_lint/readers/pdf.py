"""PDF: the text layer, read with PDFium (pypdfium2); ruled tables found by pdfplumber's table
geometry on the rules PDFium reads (pdfpage), unruled ones rebuilt from the layout (unruled).

Each page becomes paragraphs (its text lines outside tables, joined where a line runs on) and
grids (its tables, merged cells expanded from their boxes); a table continued on the next page
is read as one.

What cannot be read is said, not guessed: a page that is only a picture becomes an image block
(the section's table is then reported as an image), a document without any text, an encrypted
or a broken file is an InputError.  A cell is never given a value its characters do not show.
"""

from __future__ import annotations

import re

from ..model import InputError, Location
from . import pdfpage, unruled
from .assemble import classify_heading
from .blocks import Document, Grid, ListingReader, Para, RawCell
from .pdfpage import TOL as _TOL
from .pdfocr import OCR_LAYOUT, OcrPages, figure_text, line_crops
from .pdfpage import Cell

MAX_PAGES = 500
_SENTENCE_END = ("。", "！", "？", "；", "：", "!", "?", ";", ":")
_PAGE_NUMBER = re.compile(r"^[-—–\s]*\d{1,3}[-—–\s]*$|^第\s*\d+\s*页(\s*共\s*\d+\s*页)?$|^\d+\s*/\s*\d+$")


def parse(data: bytes, path: str) -> Document:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise InputError("the PDF is encrypted (password protected): cannot read it", path) from None
        raise InputError(f"not a readable PDF ({str(e).split('(')[-1].rstrip(').') or e})", path) from None
    reader = _Reader(path, data)
    reader.pages = len(pdf)
    try:
        if len(pdf) > MAX_PAGES:
            raise InputError(f"{len(pdf)} pages: more than any report ({MAX_PAGES})", path)
        for n in range(1, len(pdf) + 1):
            try:
                page = pdf[n - 1]
            except pdfium.PdfiumError:
                raise InputError(f"page {n} cannot be read (a broken page object)", path) from None
            try:
                reader.page(page, n)
            except InputError:
                raise
            except Exception as e:  # noqa: BLE001 - a broken content stream
                raise InputError(f"page {n} cannot be read ({type(e).__name__})", path) from None
            finally:
                page.close()
    finally:
        pdf.close()
    reader.end_pages()
    if not reader.had_text:
        if reader.scanned and not reader.ocr_pages:
            from .ocr import INSTALL

            raise InputError(f"the PDF has no text layer (a scan): it needs OCR before it can be checked; {INSTALL}",
                             path)
        raise InputError("the PDF has no text" + (" (OCR found none in its pictures)" if reader.ocr_pages else ""),
                         path)
    reader.flush()
    reader.end_table()
    doc = Document(path, reader.blocks, reader.lines, "pdf+ocr" if reader.ocr_pages else "pdf")
    if reader.ocr_pages:
        doc._second_reading = reader.second_reading
    return doc


class _Reader(OcrPages, ListingReader):
    def __init__(self, path: str, data: bytes):
        super().__init__(path)
        self.data = data
        self.miner: pdfpage.Miner | None = None     # pdfminer's reading of the file, opened if needed
        self.pending: list | None = None     # the page read last, not yet placed
        self.column: tuple[float, float] | None = None      # the text column of the last full page
        self.had_text = False
        self.buf: list[dict] = []            # text lines of the paragraph being read
        self.buf_page = 0
        self.fragments: list = []            # the parts (one per page, ruled or not) of the table being read
        self.scanned = False                 # a page was a picture
        self.pages = 0
        self.ocr_pages: dict[int, list[dict]] = {}  # page -> the characters OCR read on it
        self.ocr_areas: dict[int, list[tuple]] = {}  # page -> the pictures OCR read
        self.para_crops: dict[int, tuple[str, list]] = {}   # paragraph -> its text and OCR's line crops

    # ------------------------------------------------------------------ pages
    def page(self, page, n: int) -> None:
        """A page's ruled tables, the unruled ones among its text lines, its other lines and pictures."""
        chars, edges, images = pdfpage.content(page)
        if chars is None:                    # PDFium skipped text here: pdfminer reads it whole
            chars = self.miner_chars(n, page.get_height())
        pictures = [im for im in images if _is_picture(im, page.get_width())]
        if pictures:
            self.scanned = True
            read = self.ocr(page, n, pictures, edges)
            if read:                             # OCR installed: the pictures' text joins the page's
                chars = chars + [ch for got in read for ch in got]
                images = [im for im, got in zip(pictures, read) if not got] + \
                    [im for im in images if im not in pictures]   # a picture without text stays one
        tables: list = [_Fragment(n, bbox, cells, chars) for bbox, cells in pdfpage.ruled_tables(edges)] \
            if edges and chars else []
        if tables:
            boxes = [t.bbox for t in tables]
            chars = [ch for ch in chars if not any(
                b[0] - _TOL <= (ch["x0"] + ch["x1"]) / 2 <= b[2] + _TOL and
                b[1] - _TOL <= (ch["top"] + ch["bottom"]) / 2 <= b[3] + _TOL for b in boxes)]
        lines = pdfpage.text_lines(chars)
        # a page number heads or foots the page; a lone number elsewhere may be a table's value
        lines = [ln for k, ln in enumerate(lines) if not (k in (0, len(lines) - 1) and _PAGE_NUMBER.match(ln["text"]))]
        width = page.get_width()
        left, right = _column(lines, tables, width)
        last = self.pending[3][-1] if self.pending and self.pending[3] else None
        found, rest = unruled.find(lines, n, left, right, getattr(last, "head", None))
        # a page is placed once the next one is read: an unruled table's header may be alone
        # at the foot of a page, and only a table opening the next page shows it is one
        opens = found and not tables and all(found[0].bbox[1] <= ln["top"] for ln in rest)
        header = self.end_pages(bool(opens))
        if header is not None:               # read again with that header's columns
            found, rest = unruled.find(lines, n, left, right, header.head)
        self.pending = [n, width, rest, sorted(tables + found, key=lambda t: t.bbox[1]), images, left, right]

    def end_pages(self, next_opens_with_unruled_table: bool = False) -> unruled.UnruledTable | None:
        """Place the page read last; the header found alone at its foot, if any."""
        if self.pending is None:
            return None
        n, width, lines, tables, images, left, right = self.pending
        self.pending = None
        header = None
        if next_opens_with_unruled_table and lines and all(t.bbox[1] < lines[-1]["top"] for t in tables):
            header, lines = unruled.header_tail(lines, n, left, right)
            if header is not None:
                tables = tables + [header]
        self.place(n, width, lines, tables, images)
        return header

    def miner_chars(self, n: int, height: float) -> list[dict]:
        if self.miner is None:
            self.miner = pdfpage.Miner(self.data)
        return self.miner.chars(n, height)

    def place(self, n: int, width: float, lines: list[dict], tables: list, images: list[dict]) -> None:
        """A page's lines, tables and pictures, top to bottom, into paragraphs and grids."""
        if lines or tables:
            self.had_text = True
        images = [im for im in images if _is_picture(im, width)]
        left, right = _column(lines, tables, width)
        # a page of a line or two (a signature's date alone on the last page) does not show the
        # margins: the pages before it do
        if len(lines) < 3 and not tables and self.column is not None:
            left, right = self.column
        elif len(lines) >= 3:
            self.column = (left, right)
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
            if not (k == 0 and last and last.page == n - 1 and last.ruled == item.ruled and (
                    not item.ruled or _continues(self.fragments, item))):
                self.end_table()
            self.fragments.append(item)

    # ------------------------------------------------------------------ paragraphs
    def text_line(self, ln: dict, page: int, left: float, right: float) -> None:
        text = ln["text"].strip()
        if not text:
            return
        size = max(ln["bottom"] - ln["top"], 6.0)
        prev = self.buf[-1] if self.buf else None
        # a line ending short of the margin ends its paragraph if it ends a sentence, or is far
        # short: text set ragged-right (not justified) stops a few characters early wherever
        # a number or a bracket pair cannot be split ("…以下简称《条" / "例》）和…")
        short = prev is not None and prev["x1"] < right - 2 * size and (
            prev["text"].rstrip().endswith(_SENTENCE_END) or prev["x1"] < right - 6 * size)
        # a line in a type a third larger or smaller (a title under the page's metadata), or a
        # blank line's height or more below the last, starts a paragraph too
        prev_size = max(prev["bottom"] - prev["top"], 6.0) if prev is not None else size
        apart = prev is not None and (max(size, prev_size) > 1.3 * min(size, prev_size) or
                                      ln["top"] - prev["bottom"] > 1.5 * max(size, prev_size))
        starts_new = (prev is None or ln["x0"] > left + 1.5 * size or classify_heading(text) is not None
                      or classify_heading(prev["text"]) is not None or short or apart)
        if starts_new:
            self.flush()
            self.buf_page = page
        self.buf.append(ln)

    def flush(self) -> None:
        if not self.buf:
            return
        first = self.buf[0]
        text = "".join(ln["text"].strip() for ln in self.buf)
        read = [ch for ln in self.buf for run in ln["runs"] for ch in run["chars"] if "crop" in ch]
        self.buf = []
        self.para_no += 1
        self.lines.append(text)
        line = len(self.lines)
        if read:                # read by OCR: its lines kept for a second reading
            self.para_crops[self.para_no] = (text, line_crops(read))
        self.blocks.append(Para(text, Location(self.path, line, 1, line, len(text) + 1, page=self.buf_page,
                                               para=self.para_no,
                                               bbox=(first["x0"], first["top"], first["x1"], first["bottom"]),
                                               ocr=min(ch["conf"] for ch in read) if read else None)))

    # ------------------------------------------------------------------ tables
    def end_table(self) -> None:
        """One table from its fragments (one per page).  The columns of ruled fragments are every
        vertical edge of every fragment, so a fragment holding only a wide header row still lines
        up with the rows on the next page; a merged cell stands in each place it covers."""
        if not self.fragments:
            return
        fragments, self.fragments = self.fragments, []
        self.table_no += 1
        # the fragments' edges as one set of columns: a rule drawn double (a browser's border=1,
        # two rules a point or two apart) is snapped to one or the other on each page, so the
        # same column edge may stand a few points apart on two pages — never a column of its own
        cols = _edges((x for f in fragments if f.ruled for c in f.cells for x in (c[0], c[2])), _SAME_EDGE)
        first_line = len(self.lines) + 1
        tops: list[int] = []            # the first row of each fragment after the first
        grid_rows: list[list[RawCell]] = []
        for frag in fragments:
            if grid_rows and frag.ruled:      # a merged cell is a ruled table's
                tops.append(len(grid_rows))
            page = frag.page
            raw_of: dict[int, RawCell] = {}     # by id(): one fragment's cells, alive while it is read
            for row in (frag.grid(cols) if frag.ruled else frag.rows):
                first_col: dict[int, int] = {}          # a merged cell is listed once, at its first column
                for c, cell in enumerate(row):
                    if cell is not None:
                        first_col.setdefault(id(cell), c)
                distinct = [row[c] for c in first_col.values()]
                spans = self.listing_row([cell.text for cell in distinct])
                line, row_no = len(self.lines), len(grid_rows) + 1
                for cell, (start, end) in zip(distinct, spans):
                    if id(cell) not in raw_of:      # the first row a merged cell stands in names it
                        raw_of[id(cell)] = RawCell(cell.text.strip(), Location(
                            self.path, line, start, line, max(end, start + 1), page=page, table=self.table_no,
                            row=row_no, cell=first_col[id(cell)] + 1, bbox=tuple(cell.bbox),
                            ocr=self.confidence(page, cell.bbox), doubt=self.disagreement(page, cell.bbox)))
                        if page in self.ocr_pages and raw_of[id(cell)].loc.doubt is None and \
                                not figure_text(cell.text):
                            raw_of[id(cell)].loc.doubt = OCR_LAYOUT  # a label: where it stands is OCR's guess
                grid_rows.append([raw_of[id(cell)] if cell is not None else RawCell("", Location(
                    self.path, line, 1, page=page, table=self.table_no, row=row_no, cell=c + 1))
                    for c, cell in enumerate(row)])
        for top in tops:
            _carry_labels(grid_rows, top)
        first = fragments[0]
        self.blocks.append(Grid(grid_rows, Location(
            self.path, first_line, 1, page=first.page, table=self.table_no, bbox=first.bbox,
            doubt=OCR_LAYOUT if any(f.page in self.ocr_pages for f in fragments) else None)))


def _carry_labels(rows: list[list[RawCell]], top: int) -> None:
    """A label merged down over a page break (a group label beside rows on two pages) is
    printed once, on the first page: on the next, its place is an empty cell, or none at all.
    The blank label cells opening a fragment, in the columns left of every figure, are the
    label above them continued."""
    from ..values import is_value_like

    firsts = [next((c for c, cell in enumerate(row) if is_value_like(cell.text) and cell.text.strip()), None)
              for row in rows[:top]]
    labels = min((c for c in firsts if c is not None), default=0)
    for c in range(labels):
        above = rows[top - 1][c] if c < len(rows[top - 1]) else None
        if above is None or not above.text:
            continue
        for row in rows[top:]:
            if c >= len(row) or row[c].text:
                break
            row[c] = above


def _is_picture(im: dict, width: float) -> bool:
    """A picture as wide as a third of the page is a table or a scan, not a logo or a seal."""
    return im["width"] > width / 3 and im["height"] > 60


def _column(lines: list[dict], tables: list, width: float) -> tuple[float, float]:
    """The text column: tables span it, and margins are symmetric when no line is full."""
    left = min([ln["x0"] for ln in lines] + [t.bbox[0] for t in tables], default=0.0)
    right = max([ln["x1"] for ln in lines] + [t.bbox[2] for t in tables] + [width - left])
    return left, right


class _Fragment:
    """A ruled table's part on one page: its cells' boxes and texts, taken while the page is
    open (the characters of each cell found by bisecting the grid lines, not by a scan of the
    page per cell)."""

    ruled = True
    __slots__ = ("page", "bbox", "cells", "texts", "ys")

    def __init__(self, page: int, bbox: tuple, cells: list[tuple], chars: list[dict]):
        from bisect import bisect_right

        self.page, self.bbox = page, bbox
        self.cells = sorted(cells, key=lambda b: (b[1], b[0]))
        xs = _edges((x for c in self.cells for x in (c[0], c[2])), _SAME_EDGE)
        self.ys = ys = _edges((y for c in self.cells for y in (c[1], c[3])), _SAME_EDGE)
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
        # a row edge only empty cells have is no row: a browser prints a label merged down over a
        # page break as an empty box on the next page, ending wherever it likes, mid-row
        edged = [y for b, text in zip(self.cells, self.texts) if text for y in (b[1], b[3])]
        self.ys = [y for k, y in enumerate(ys) if k in (0, len(ys) - 1) or
                   any(abs(y - e) < _SAME_EDGE for e in edged)]

    def grid(self, cols: list[float]) -> list[list[Cell | None]]:
        """Rows of cells on the table's columns ``cols``, a merged cell in each place it covers."""
        ys = self.ys
        rows: list[list[Cell | None]] = [[None] * (len(cols) - 1) for _ in range(len(ys) - 1)]
        for bbox, text in zip(self.cells, self.texts):
            c0, c1, r0, r1 = _at(cols, bbox[0]), _at(cols, bbox[2]), _at(ys, bbox[1]), _at(ys, bbox[3])
            cell = Cell(text, tuple(bbox))
            for r in range(r0, max(r1, r0 + 1)):
                for c in range(c0, max(c1, c0 + 1)):
                    rows[r][c] = cell
        return rows


def _reading_order(chars: list[dict]) -> str:
    """A cell's characters as text: lines top to bottom, each left to right; the line breaks
    inside a cell are soft wraps and are dropped.  A character joins a line when its middle lies
    within the line's height: a glyph's box is its ink, and a flat one (一, the dash) sits well
    below the tops of the characters beside it."""
    lines: list[tuple[list[dict], list[float]]] = []
    for ch in sorted(chars, key=lambda ch: ch["top"]):
        mid = (ch["top"] + ch["bottom"]) / 2
        if lines and lines[-1][1][0] - 0.5 <= mid <= lines[-1][1][1] + 0.5:
            line, span = lines[-1]
            line.append(ch)
            span[1] = max(span[1], ch["bottom"])
        else:
            lines.append(([ch], [ch["top"], ch["bottom"]]))
    return "".join(ch["text"] for line, _ in lines for ch in sorted(line, key=lambda ch: ch["x0"])).strip()


_SAME_EDGE = 6.0    # points: narrower than any column that can hold a character


def _continues(table: list["_Fragment"], item: "_Fragment") -> bool:
    """A ruled fragment opening a page continues the table that ended the page before (its
    fragments so far): the same right edge, and a left edge at one of its columns' edges — the
    same, or one further right when the first column is a cell merged down through the whole
    page (a group label's), which has no border above or below there and so is no cell."""
    right = max(f.bbox[2] for f in table)
    if abs(right - item.bbox[2]) >= _SAME_EDGE:
        return False
    return any(abs(x - item.bbox[0]) < _SAME_EDGE for f in table for c in f.cells for x in (c[0], c[2]) if x < right - 1)


def _edges(values, tol: float = _TOL) -> list[float]:
    """Distinct coordinates, those within ``tol`` of each other taken as one."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _at(edges: list[float], v: float) -> int:
    """The index of the edge nearest to v."""
    from bisect import bisect_left

    i = min(bisect_left(edges, v), len(edges) - 1)
    return i - 1 if i > 0 and v - edges[i - 1] < edges[i] - v else i
