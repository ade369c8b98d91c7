"""Pipe text: what web extraction produces — headings and prose as lines, each table row
as ``cell | cell | … |`` on one line.  Consecutive pipe lines form one grid."""

from __future__ import annotations

from ..model import Location
from .blocks import Document, Grid, Para, RawCell


def _split(line: str, path: str, lineno: int) -> list[RawCell]:
    cells: list[RawCell] = []
    pos = 0
    pieces = line.split("|")
    if not pieces[-1].strip():
        pieces.pop()        # "a | b |": the last bar ends the row, it opens no cell
    for raw in pieces:
        text = raw.strip()
        col = pos + 1 + (raw.find(text[0]) if text else 0)
        cells.append(RawCell(text, Location(path, lineno, col, lineno, col + len(text))))
        pos += len(raw) + 1
    return cells     # "| ||" padding stays: inside a row, an empty cell is a blank cell


def parse(text: str, path: str) -> Document:
    lines = text.splitlines()
    blocks: list[Para | Grid] = []
    grid: Grid | None = None
    for i, line in enumerate(lines, 1):
        if "|" in line:
            cells = _split(line, path, i)
            if grid is None:
                grid = Grid([], Location(path, i, 1))
                blocks.append(grid)
            grid.rows.append(cells)
            continue
        stripped = line.strip()
        if not stripped:
            continue          # a blank line does not end a table
        grid = None
        lead = len(line) - len(line.lstrip())
        blocks.append(Para(stripped, Location(path, i, lead + 1, i, lead + 1 + len(stripped))))
    return Document(path, blocks, lines, "text")
