"""What the builders of tables 2, 3 and 4 share: a table's cells gathered by (row, column), the
rows and columns read by a recovery (their cells doubted), and the notes for what could not be
matched, which the `reader` rules turn into findings."""

from __future__ import annotations

import copy

from ..model import MISSING, Cell, Location, Note, Table
from ..record import Tr
from ..template import table_spec
from ..values import parse_cell
from .blocks import Grid, RawCell
from .labels import near_match


def distinct(cells: list[RawCell]) -> list[RawCell]:
    """Cells with a merged cell's repeats dropped (table 2 values span the unused columns)."""
    return [c for k, c in enumerate(cells) if k == 0 or c is not cells[k - 1]]


def nonempty(cells: list[RawCell]) -> list[int]:
    return [i for i, c in enumerate(cells) if c.text.strip()]


class Builder:
    def __init__(self, table: str, grid: Grid, notes: list[Note]):
        self.table, self.grid, self.notes = table, grid, notes
        self.values: dict[tuple[str, str], RawCell] = {}
        self.row_locs: dict[str, Location] = {}
        self.notes_text: list[tuple[str, Location]] = []
        # rows and columns read by a recovery (a label with a typo, a header read by position):
        # the reading each of their cells rests on
        self.doubt_rows: dict[str, Tr] = {}
        self.doubt_cols: dict[str, Tr] = {}
        self.said: set[str] = set()         # the recovery notes given, once a table each

    def note(self, code: str, loc: Location | None, **args) -> None:
        layout = self.grid.loc.doubt if self.grid.loc is not None else None
        if layout is not None and loc is not None and loc.doubt is None:
            loc = copy.copy(loc).doubtful(layout)   # the table's structure is a reading (OCR): so is this
        self.notes.append(Note(code, loc, {"table_id": self.table, **args}))

    def misaligned(self, *rows: str) -> None:
        """Rows found short or long in a table whose rows and columns OCR found in a picture:
        which of their cells stands in which column is a guess (a page break through a header,
        a rule not seen), so every cell of theirs is doubted — a blank there is no error."""
        layout = self.grid.loc.doubt if self.grid.loc is not None else None
        if layout is not None:
            for row in rows:
                self.doubt_rows.setdefault(row, layout)

    def near(self, what: str, cell: RawCell) -> str | None:
        """The row or column a label with a typo names; its cells are then doubted, and the typo
        is said once for the table (READ-LABEL-TYPO) unless OCR read the table."""
        by_ocr = self.grid.loc is not None and self.grid.loc.doubt is not None
        found = near_match(self.table, what, cell.text, loose=by_ocr)
        if found is None:
            return None
        id_, label = found
        why = Tr(f"标签「{cell.text.strip()}」按「{label}」读取", f"label \"{cell.text.strip()}\" read as \"{label}\"")
        (self.doubt_rows if what == "row" else self.doubt_cols)[id_] = why
        # a label OCR read from a picture with a character wrong is the recogniser's typo as often
        # as the body's: its cells are doubted, but no typo is reported
        if "label-typo" not in self.said and not by_ocr:
            self.said.add("label-typo")
            self.note("label-typo", cell.loc, found=cell.text.strip(), expected=label)
        return id_

    def header_notes(self, cells: list[RawCell]) -> None:
        """Keep the header's longer texts (the identity note), once each."""
        for c in distinct(cells):
            text = c.text.strip()
            if len(text) >= 12 and all(text != t for t, _ in self.notes_text):
                self.notes_text.append((text, c.loc))

    def put(self, row: str, col: str, cell: RawCell) -> None:
        self.values.setdefault((row, col), cell)

    def finish(self, version: str) -> Table:
        spec = table_spec(self.table, version)
        cells: dict[tuple[str, str], Cell] = {}
        doubted = bool(self.doubt_rows or self.doubt_cols)
        for row, col in spec.cell_ids():
            raw = self.values.get((row, col))
            if raw is None:
                cells[(row, col)] = Cell(self.table, row, col, None, None, MISSING, self.row_locs.get(row))
            else:
                value, state = parse_cell(raw.text)
                cells[(row, col)] = Cell(self.table, row, col, raw.text.strip(), value, state, src=raw)
                why = (self.doubt_rows.get(row) or self.doubt_cols.get(col)) if doubted else None
                if why is not None:
                    raw.loc.doubtful(why)
        table = Table(spec, cells, self.grid.loc)
        table.notes = self.notes_text
        return table


def after(cells: list[RawCell], i: int) -> int:
    """Index of the first cell after cells[i] that is not cells[i] itself repeated (a label
    merged over several grid columns is one object in each of them)."""
    j = i + 1
    while j < len(cells) and cells[j] is cells[i]:
        j += 1
    return j


def take(cells: list[RawCell], start: int, n: int) -> list[RawCell | None]:
    out: list[RawCell | None] = list(cells[start:start + n])
    return out + [None] * (n - len(out))
