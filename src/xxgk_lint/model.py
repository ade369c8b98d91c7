"""The one model of a report: every reader produces it, every rule reads it.

Cells keep their raw text and a state; a blank or "/" cell is never turned into 0.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from .template import TEMPLATE_UNKNOWN, TableSpec


class InputError(Exception):
    """A file that cannot be read as a report.  Rendered as one line, exit code 2."""

    def __init__(self, message: str, path: str = "", line: int = 0, col: int = 0):
        super().__init__(message)
        self.message, self.path, self.line, self.col = message, path, line, col

    def __str__(self) -> str:
        where = self.path + (f":{self.line}" if self.line else "") + (f":{self.col}" if self.col else "")
        return f"{where}: {self.message}" if where else self.message


@dataclass(slots=True, frozen=True)
class Location:
    """A place in a source file.  line/col are 1-based; end_col is exclusive (0 = unknown)."""

    path: str
    line: int = 0
    col: int = 0
    end_line: int = 0
    end_col: int = 0
    page: int = 0          # PDF readers
    table: int = 0         # DOCX/PDF: 1-based table number in the document
    row: int = 0           # DOCX/PDF: 1-based row within that table
    cell: int = 0          # DOCX/PDF: 1-based grid column

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__ if getattr(self, k) not in (0, "")} | {"path": self.path}


# Cell states
NUMBER = "number"
BLANK = "blank"
PLACEHOLDER = "placeholder"   # "/", "-", "—", "无" …
TEXT = "text"
MISSING = "missing"           # the row or cell is absent from the document
STATES = (NUMBER, BLANK, PLACEHOLDER, TEXT, MISSING)


@dataclass(slots=True)
class Cell:
    table: str
    row: str
    col: str
    raw: str | None = None
    value: int | float | None = None
    state: str = MISSING
    loc: Location | None = None


@dataclass(slots=True)
class Table:
    spec: TableSpec
    cells: dict[tuple[str, str], Cell]
    loc: Location | None = None       # where the table starts
    present: bool = True
    image_only: bool = False          # heading present, table published as an image
    _numbers: dict[tuple[str, str], int | float] | None = field(default=None, repr=False, compare=False)

    def numbers(self) -> dict[tuple[str, str], int | float]:
        """Numeric cells only (computed once): what arithmetic rules read."""
        if self._numbers is None:
            self._numbers = {k: c.value for k, c in self.cells.items() if c.state == NUMBER and c.value is not None}
        return self._numbers

    @property
    def id(self) -> str:
        return self.spec.id

    def cell(self, row: str, col: str) -> Cell | None:
        return self.cells.get((row, col))

    def row_loc(self, row: str) -> Location | None:
        """The location of any cell of the row (for findings about a missing cell)."""
        for (r, _), c in self.cells.items():
            if r == row and c.loc is not None:
                return c.loc
        return None


@dataclass(slots=True)
class Section:
    key: int                  # 1..6
    heading: str              # as written, e.g. "五、存在问题及改进情况"
    numeral: str              # numeral as written ("七" for a misnumbered heading)
    form: str                 # "canonical" | "variant" | "other"
    text: str = ""            # body text (tables excluded)
    loc: Location | None = None
    parts: list[tuple[int, Location]] = field(default_factory=list)  # (offset in text, where that part starts)
    has_table: bool = False

    def locate(self, start: int, end: int) -> Location | None:
        """Source location of text[start:end] (within one part, i.e. one source line or paragraph)."""
        base: tuple[int, Location] | None = None
        for part in self.parts:
            if part[0] > start:
                break
            base = part
        if base is None:
            return self.loc
        off, loc = base
        col = loc.col + (start - off)
        return Location(loc.path, loc.line, col, loc.line, col + (end - start), loc.page, loc.table, loc.row, loc.cell)


@dataclass(slots=True)
class Metadata:
    body: str = ""
    body_source: str = ""     # "title" | "metadata" | "text" | "config" | "file"
    kind: str = "unknown"     # government | department | township | other | unknown
    kind_source: str = ""
    year: int | None = None
    year_source: str = ""
    published: _dt.date | None = None
    published_raw: str = ""   # as written (kept when the date does not exist)
    title: str = ""
    template: str = TEMPLATE_UNKNOWN
    template_cited: str = ""  # template named in the text (30号 → 2021, 60号 → 2019)
    period_start: _dt.date | None = None
    period_end: _dt.date | None = None
    period_raw: str = ""
    title_loc: Location | None = None
    published_loc: Location | None = None
    period_loc: Location | None = None


@dataclass(slots=True)
class Note:
    """Something a reader noticed (unknown row, unreadable header); turned into findings by rules of kind `reader`."""

    code: str
    loc: Location | None
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Report:
    path: str
    meta: Metadata
    sections: list[Section]
    tables: dict[str, Table]
    notes: list[Note] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)   # source lines, for diagnostics
    reader: str = ""

    def section(self, key: int) -> Section | None:
        for s in self.sections:
            if s.key == key:
                return s
        return None

    def table(self, table_id: str) -> Table | None:
        t = self.tables.get(table_id)
        return t if t is not None and t.present else None

    @property
    def template(self) -> str:
        """The template the report is checked against: detected, else implied by the year."""
        t = self.meta.template
        if t != TEMPLATE_UNKNOWN:
            return t
        y = self.meta.year
        if y is None or y >= 2021:
            return "2021"
        return "2019" if y >= 2019 else "pre2019"
