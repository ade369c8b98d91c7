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
from ..values import is_value_like
from .assemble import classify_heading
from .blocks import Document, Grid, Para, RawCell

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


def _split(line: str, path: str, lineno: int) -> list[RawCell] | None:
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
    return None


def _label_like(text: str) -> bool:
    """A short line that can head a one-cell-per-line row ("行政规范性文件")."""
    return 0 < len(text) <= 60 and not _SENTENCE.search(text) and classify_heading(text) is None


def parse(text: str, path: str) -> Document:
    lines = text.splitlines()
    blocks: list[Para | Grid] = []
    grid: Grid | None = None
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        stripped = line.strip()
        lineno = i + 1
        i += 1
        if not stripped:
            continue          # a blank line does not end a table
        cells = _split(line, path, lineno)
        if cells is None and _label_like(stripped) and not is_value_like(stripped):
            # one cell per line: a label followed by lines that each hold one value
            j = i
            while j < n and lines[j].strip() and is_value_like(lines[j].strip()) and "|" not in lines[j]:
                j += 1
            if j > i:
                cells = _cells(line, None, path, lineno)
                for k in range(i, j):
                    cells.extend(_cells(lines[k], None, path, k + 1))
                i = j
        elif cells is None and is_value_like(stripped) and grid is not None:
            cells = _cells(line, None, path, lineno)      # a stray value line inside a table
        if cells is not None:
            if grid is None:
                grid = Grid([], Location(path, lineno, 1))
                blocks.append(grid)
            grid.rows.append(cells)
            continue
        if grid is not None and _label_like(stripped) and i < n and _split(lines[i], path, i + 1):
            # a header or item line between rows of one table ("第二十条第（五）项")
            grid.rows.append(_cells(line, None, path, lineno))
            continue
        grid = None
        lead = len(line) - len(line.lstrip())
        blocks.append(Para(stripped, Location(path, lineno, lead + 1, lineno, lead + 1 + len(stripped))))
    return Document(path, blocks, lines, "text")
