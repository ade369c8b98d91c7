"""Text: pipe text as web extraction gives it (headings and prose as lines, each table row as
``cell | cell | … |``), and plain text whose tables are tab- or space-aligned or printed one
cell per line.  Table rows that follow one another form one grid.

How a line becomes cells:
- ``|`` separates cells (the closing bar of a row opens no cell);
- a tab separates cells;
- two or more spaces separate cells when a value (a number, "/", "-") follows — so a sentence
  with double spaces stays a sentence;
- a short label followed by lines holding one value each ("规章" / "0" / "0" / "0") is one row.
"""

from __future__ import annotations

import re

from ..model import Location
from ..template import SECTION_TABLE
from ..values import is_value_like
from .assemble import classify_heading
from .blocks import Document, Grid, Para, RawCell
from .cellines import region
from .labels import label_kind

_GAP = re.compile(r"[ \u3000\u00a0]{2,}|\t")
_SENTENCE = re.compile(r"[。；;！!？?]")


def _cells(line: str, sep: re.Pattern[str] | None, path: str, lineno: int) -> list[RawCell]:
    """Cells split at ``sep`` (tabs or wide gaps), or the whole line as one cell."""
    cells: list[RawCell] = []
    bounds, pos = [], 0
    if sep is not None:
        for m in sep.finditer(line):
            bounds.append((pos, line[pos:m.start()]))
            pos = m.end()
    bounds.append((pos, line[pos:]))
    for pos, raw in bounds:
        text = raw.strip()
        col = pos + 1 + (raw.find(text[0]) if text else 0)
        cells.append(RawCell(text, Location(path, lineno, col, lineno, col + len(text))))
    return cells     # "| ||" padding stays: inside a row, an empty cell is a blank cell


def _pipe_cells(line: str, path: str, lineno: int) -> list[RawCell]:
    """The hot path of pipe text (most lines of most inputs): _cells for "|", unrolled."""
    pieces = line.split("|")
    n = len(pieces)
    if not pieces[-1].strip():
        n -= 1              # "a | b |": the last bar ends the row, it opens no cell
    while n > 2 and not pieces[n - 1].strip() and not pieces[n - 2].strip():
        n -= 1              # "| ||||" padding: one trailing blank cell says all it can
    cells = []
    pos = 0
    for k in range(n):
        raw = pieces[k]
        text = raw.strip()
        if text:
            cells.append(RawCell(text, None, path, lineno, pos + 1 + len(raw) - len(raw.lstrip())))
        elif k:             # "| a | b |": nor does a bar that opens the line
            cells.append(RawCell("", None, path, lineno, pos + 1))
        pos += len(raw) + 1
    return cells


def _split(line: str, path: str, lineno: int, table: str = "") -> list[RawCell] | None:
    """The line's cells, or None for a line of prose."""
    if "|" in line:
        return _pipe_cells(line, path, lineno)
    stripped = line.strip()
    if "\t" in stripped:
        return _cells(line, _GAP, path, lineno)
    if _GAP.search(stripped) and not _SENTENCE.search(stripped):
        cells = _cells(line, _GAP, path, lineno)
        if len(cells) > 1 and any(is_value_like(c.text) and c.text.strip() for c in cells[1:]):
            return cells
    return _spaced(line, path, lineno, table)


def _spaced(line: str, path: str, lineno: int, table: str) -> list[RawCell] | None:
    """A row whose cells single spaces separate, as a PDF copy gives it: a label and its values
    ("一、本年新收政府信息公开申请数量 46 3 0 1 2 1 53"), values alone ("2 0 0 1 3 …"), or a header
    of labels the tables know ("信息内容 本年制发件数 本年废止件数 现行有效件数").  Only where the
    labels or the count of values make it certain: prose stays prose."""
    tokens = [(m.start(), m.group()) for m in re.finditer(r"\S+", line)]
    if len(tokens) < 2 or _SENTENCE.search(line):
        return None
    k = len(tokens)
    while k and is_value_like(tokens[k - 1][1]):
        k -= 1
    values = len(tokens) - k
    if values and k:
        if any(is_value_like(t) for _, t in tokens[:k]):
            return None     # values inside the label: rows run together, nothing is certain
        label = " ".join(t for _, t in tokens[:k])
        known = label_kind(label, table) in ("row", "group")
        if not known and (values < 3 or len(label) > 40 or label_kind(label) == "col"):
            return None
        parts = [(tokens[0][0], label), *tokens[k:]]
    elif values >= 2:
        parts = tokens
    elif all(label_kind(t, table) for _, t in tokens) or len(tokens) >= 5 and all(len(t) == 1 for _, t in tokens) \
            or table == "t4" and len(tokens) >= 4 and all(len(t) == 1 or label_kind(t, table) for _, t in tokens):
        parts = tokens      # a header: known labels, or one character per column (结 结 其 尚 …)
    else:
        return None
    return [RawCell(text, None, path, lineno, pos + 1) for pos, text in parts]


def _label_like(text: str) -> bool:
    """A short line that can head a one-cell-per-line row ("行政规范性文件")."""
    return 0 < len(text) <= 60 and not _SENTENCE.search(text) and classify_heading(text) is None


# what a web extraction leaves of a picture: its file name, or the long id a CMS named it by
# (a hex id has a letter, a numeric one is a time in milliseconds, 13 digits: a shorter run of
# digits alone is a phone number)
_PICTURE = re.compile(r"^(?:(?=[0-9]*[a-fA-F])[0-9a-fA-F]{12,40}|1\d{12}|[\w\-]{1,80}\.(?:jpe?g|png|gif|bmp|webp))$")


_END = ("。", "！", "？", "；", "：", "!", "?", ";", ":")


def _wrap_width(lines: list[str]) -> int:
    """The width a text is hard-wrapped at (a PDF copied as text: every line of a paragraph but
    its last as long as the others), or 0 when its lines are whole paragraphs."""
    lengths = sorted(len(s) for s in (ln.strip() for ln in lines)     # prose lines, not table rows
                     if len(s) >= 12 and "|" not in s and "\t" not in s and s.count(" ") < 3)
    if len(lengths) < 6:
        return 0
    width = lengths[int(len(lengths) * 0.8)]
    full = sum(width - 2 <= n <= width + 2 for n in lengths)
    return width if width <= 60 and full >= max(4, len(lengths) // 3) else 0


def _goes_on(prev: Para, text: str, wrap: int) -> bool:
    """Does this line continue the paragraph on the line above?  When the text is hard-wrapped
    and that line is full; never after a sentence's end, and a heading is never part of a
    paragraph.  (A line break inside brackets, in any format, is assemble's to join.)"""
    p = prev.text
    return bool(wrap) and len(p) >= wrap - 2 and not p.endswith(_END) and classify_heading(p) is None \
        and classify_heading(text) is None


def parse(text: str, path: str) -> Document:
    lines = text.splitlines()
    wrap = _wrap_width(lines)
    blocks: list[Para | Grid] = []
    grid: Grid | None = None
    table = ""                # the table the current section holds, as far as headings say
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        stripped = line.strip()
        lineno = i + 1
        i += 1
        if not stripped:
            continue          # a blank line does not end a table
        head = classify_heading(stripped) if len(stripped) <= 40 and stripped.count("|") < 3 else None
        if head is not None and label_kind(stripped) is None:
            table = SECTION_TABLE.get(head[0], "")
        if table and _PICTURE.match(stripped):
            grid = None           # a picture's file name or id where the table stands: the table is an image
            blocks.append(Grid([], Location(path, lineno, 1, lineno, 1 + len(stripped)), image=True))
            continue
        cells = _split(line, path, lineno, table)
        if cells == []:
            continue          # a bar alone ("|"), outside a table of one cell per line: no cell at all
        if cells is None or len(cells) == 1:
            found = region(lines, i - 1, table, path)
            if found is not None:          # one cell per line
                rows, i = found
                if grid is None:
                    grid = Grid([], Location(path, lineno, 1))
                    blocks.append(grid)
                grid.rows.extend(rows)
                continue
        if cells is None and is_value_like(stripped) and grid is not None:
            cells = _cells(line, None, path, lineno)      # a stray value line inside a table
        if cells is not None:
            if grid is None:
                grid = Grid([], Location(path, lineno, 1))
                blocks.append(grid)
            if not _continues_label(grid, cells, table):
                grid.rows.append(cells)
            continue
        if grid is not None and _label_like(stripped) and i < n and _split(lines[i], path, i + 1, table):
            # a header or item line between rows of one table ("第二十条第（五）项"), or the first
            # part of a label broken over two lines
            grid.rows.append(_cells(line, None, path, lineno))
            continue
        grid = None
        lead = len(line) - len(line.lstrip())
        prev = blocks[-1] if blocks and isinstance(blocks[-1], Para) and blocks[-1].loc.line == lineno - 1 else None
        blocks.append(Para(stripped, Location(path, lineno, lead + 1, lineno, lead + 1 + len(stripped)),
                           prev is not None and _goes_on(prev, stripped, wrap)))
    return Document(path, blocks, lines, "text")


def _continues_label(grid: Grid, cells: list[RawCell], table: str) -> bool:
    """A row whose label goes on from the line above ("（二）部分公开（区分处理的，只计这一" /
    "情形，不计其他情形） 6 0 0 …"): the two lines are one row, merged in place."""
    prev = grid.rows[-1] if grid.rows else None
    if prev is None or len(prev) != 1 or is_value_like(prev[0].text) or is_value_like(cells[0].text) \
            or label_kind(cells[0].text, table) is not None:
        return False
    joined = prev[0].text + cells[0].text
    if label_kind(joined, table) not in ("row", "group"):
        return False
    grid.rows[-1] = [RawCell(joined, prev[0].loc), *cells[1:]]
    return True
