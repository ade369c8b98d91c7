"""The one model of a report: every reader produces it, every rule reads it.

Cells keep their raw text and a state; a blank or "/" cell is never turned into 0.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from .record import Record
from .template import TEMPLATE_UNKNOWN, TableSpec


class InputError(Exception):
    """A file that cannot be read as a report.  Rendered as one line, exit code 2."""

    internal = False

    def __init__(self, message: str, path: str = "", line: int = 0, col: int = 0):
        # one line, whatever the parser below said over several (PyYAML, lxml)
        message = " ".join(message.split())
        super().__init__(message)
        self.message, self.path, self.line, self.col = message, path, line, col

    def __str__(self) -> str:
        where = self.path + (f":{self.line}" if self.line else "") + (f":{self.col}" if self.col else "")
        return f"{where}: {self.message}" if where else self.message


class NotAReportError(InputError):
    """A file that is plainly something else (a tool's YAML config, a README): `check` skips it
    with a note when it came with other files or from a folder."""


class InternalError(InputError):
    """This program failed on one file (a bug, not the file's fault): reported for that file, the
    other files are checked, and the run ends with exit code 3."""

    internal = True

    def __init__(self, exc: BaseException | str, path: str = "", trace: str = ""):
        # a message already made (a result carried back from an audit worker) stays as it was
        super().__init__(exc if isinstance(exc, str) else f"internal error: {type(exc).__name__}: {str(exc)[:300]}"
                         " — please report it (--debug shows the traceback)", path)
        self.trace = trace


LOW_CONFIDENCE = 0.9     # an OCR reading below this is not sure enough to call the body wrong


class Location(Record):
    """A place in a source file.  line/col are 1-based; end_col is exclusive (0 = unknown).

    For formats without lines (DOCX, PDF), line/col point into the report's ``lines`` (a text
    listing made by the reader: one line per paragraph or table row) so a caret can be drawn,
    and page, para (paragraph number), table/row/cell (1-based grid position) say where the
    place is in the document; each is 0 where it does not apply."""

    __slots__ = ("path", "line", "col", "end_line", "end_col", "page", "table", "row", "cell", "para", "bbox", "ocr",
                 "doubt")

    def __init__(self, path: str, line: int = 0, col: int = 0, end_line: int = 0, end_col: int = 0,
                 page: int = 0, table: int = 0, row: int = 0, cell: int = 0, para: int = 0,
                 bbox: tuple[float, float, float, float] | None = None, ocr: float | None = None,
                 doubt: Any = None):
        self.path, self.line, self.col, self.end_line, self.end_col = path, line, col, end_line, end_col
        self.page, self.table, self.row, self.cell, self.para = page, table, row, cell, para
        self.bbox = bbox          # PDF: (x0, top, x1, bottom) in points from the page's top left
        self.ocr = ocr            # read by OCR: the recognition's confidence (0–1) of what stands here
        # what stands here was recovered, not read for certain (a label matched despite a typo, a
        # header mapped by position, a date with 年 dropped): a Tr naming the reading, else None
        self.doubt = doubt

    def __hash__(self) -> int:
        return hash((self.path, self.line, self.col, self.page, self.table, self.row, self.cell))

    def span(self, start: int, end: int) -> "Location":
        """The location of characters [start, end) of the text that starts here (same line)."""
        col = self.col + start
        return Location(self.path, self.line, col, self.line, col + (end - start), self.page, self.table,
                        self.row, self.cell, self.para, self.bbox, self.ocr, self.doubt)

    def as_dict(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in self.__slots__ if getattr(self, k) not in (0, "", None)}
        if self.bbox:
            out["bbox"] = [round(v, 1) for v in self.bbox]
        if self.ocr is not None:
            out["ocr"] = round(self.ocr, 3)
        if self.doubt is not None:
            out["doubt"] = self.doubt.zh
        return out | {"path": self.path}

    @property
    def uncertain(self) -> bool:
        """Read by OCR with a confidence too low to be sure of it."""
        return self.ocr is not None and self.ocr < LOW_CONFIDENCE

    def doubtful(self, why: Any) -> "Location":
        """This place, marked as read by a recovery (``why``: a Tr naming it)."""
        self.doubt = why
        return self


# Cell states
NUMBER = "number"
BLANK = "blank"
PLACEHOLDER = "placeholder"   # "/", "-", "—", "无" …
TEXT = "text"
MISSING = "missing"           # the row or cell is absent from the document


class Cell(Record):
    """One cell of a statistics table.  ``loc`` may come from ``src`` (a reader's cell), made
    only when a finding asks for it: most cells of most reports are never pointed at."""

    __slots__ = ("table", "row", "col", "raw", "value", "state", "_loc", "_src")

    def __init__(self, table: str, row: str, col: str, raw: str | None = None, value: int | float | None = None,
                 state: str = MISSING, loc: Location | None = None, src: Any = None):
        self.table, self.row, self.col, self.raw, self.value, self.state = table, row, col, raw, value, state
        self._loc, self._src = loc, src

    @property
    def loc(self) -> Location | None:
        if self._loc is None and self._src is not None:
            self._loc = self._src.loc
        return self._loc


class Table(Record):
    """A statistics table: every cell of its template layout, keyed by (row id, column id).

    ``form`` is "table", or "image" when the document shows the table only as a picture, or
    "unreadable" when its text is there but no table structure can be recovered from it;
    only a "table" has cells.  ``notes`` are the longer texts of its header (table 3's
    identity note), kept because text rules read them."""

    __slots__ = ("spec", "cells", "loc", "form", "notes", "_numbers")

    def __init__(self, spec: TableSpec, cells: dict[tuple[str, str], Cell], loc: Location | None = None,
                 form: str = "table"):
        self.spec, self.cells, self.loc, self.form = spec, cells, loc, form
        self.notes: list[tuple[str, Location]] = []
        self._numbers: dict[tuple[str, str], int | float] | None = None

    @property
    def present(self) -> bool:
        return self.form == "table"

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


class Section(Record):
    """One of the six sections (key 1-6), or the preamble before section 一 (key 0).

    heading and numeral as written ("七" for a misnumbered heading); form is canonical,
    variant (a legal variant), other (reworded) or preamble; text is the body without
    tables; parts maps offsets in text to where each paragraph starts in the source."""

    __slots__ = ("key", "heading", "numeral", "form", "text", "loc", "parts", "has_table")

    def __init__(self, key: int, heading: str, numeral: str, form: str, text: str = "",
                 loc: Location | None = None, parts: list[tuple[int, Location]] | None = None,
                 has_table: bool = False):
        self.key, self.heading, self.numeral, self.form, self.text, self.loc = key, heading, numeral, form, text, loc
        self.parts = parts if parts is not None else []
        self.has_table = has_table

    def locate(self, start: int, end: int) -> Location | None:
        """Source location of text[start:end] (within one part, i.e. one source line or paragraph)."""
        from bisect import bisect_right

        k = bisect_right(self.parts, start, key=lambda part: part[0]) - 1
        if k < 0:
            return self.loc
        off, loc = self.parts[k]
        return loc.span(start - off, end - off)


class Metadata(Record):
    """What identifies a report.  Each *_source says where a value came from: title,
    metadata (a metadata block or the structured file), text (inferred), config, cli."""

    __slots__ = ("body", "body_source", "kind", "year", "year_source", "published",
                 "published_raw", "title", "template", "template_cited", "period_start", "period_end",
                 "period_raw", "title_loc", "published_loc", "period_loc", "title_body", "year_evidence", "doubts",
                 "named_report")

    def __init__(self) -> None:
        self.body = self.body_source = self.year_source = ""
        self.kind = "unknown"            # government | department | township | zone | other | unknown
        self.year: int | None = None
        self.published: _dt.date | None = None
        self.published_raw = ""          # as written (kept when the date does not exist)
        self.title = ""
        self.title_body = ""             # the body the title names ("" when it names none)
        self.template = TEMPLATE_UNKNOWN
        self.template_cited = ""         # template named in the text (30号 → 2021, 60号 → 2019)
        self.period_start: _dt.date | None = None
        self.period_end: _dt.date | None = None
        self.period_raw = ""
        self.title_loc: Location | None = None
        self.published_loc: Location | None = None
        self.period_loc: Location | None = None
        self.year_evidence: list[tuple[str, int]] = []   # (source, year) of everything naming a year
        # fields read by a recovery rather than for certain (a body taken from the contact
        # sentence, a kind its name does not settle, a year on weak evidence): field -> a Tr naming
        # the reading; a finding resting on such a field is at most a warning and says so
        self.doubts: dict[str, Any] = {}
        # the report's full name as a sentence of the text gives it ("现公布《示例县2023年…报告》"),
        # read only where no title line is: the title may stand where the extraction lost it
        self.named_report = ""


class Cut(Record):
    """Where a document that is not whole starts or stops (a truncated download, one page of a
    flip-book, a page whose rest is behind a link): ``start`` is the first section it holds when
    it begins in the middle (0 when it begins at its beginning), ``end`` the last section it holds
    when it stops in the middle (0 when it ends at its end); ``start_at``/``end_at`` name where
    (a Tr), and ``tables`` the tables cut open.  Nothing outside what it holds is reported missing."""

    __slots__ = ("start", "end", "start_at", "end_at", "loc", "tables")

    def __init__(self, start: int, end: int, start_at: Any, end_at: Any, loc: "Location | None",
                 tables: tuple[str, ...] = ()):
        self.start, self.end, self.start_at, self.end_at, self.loc, self.tables = \
            start, end, start_at, end_at, loc, tables

    def holds(self, section: int) -> bool:
        """Whether the section's place lies inside what the document holds."""
        return (not self.start or section >= self.start) and (not self.end or section <= self.end)


class Note(Record):
    """Something a reader noticed (unknown row, unreadable header); turned into findings by rules of kind `reader`."""

    __slots__ = ("code", "loc", "args")

    def __init__(self, code: str, loc: Location | None, args: dict[str, Any] | None = None):
        self.code, self.loc, self.args = code, loc, args if args is not None else {}


class Corpus:
    """Section texts joined by newlines, with the way back from an offset to its section."""

    __slots__ = ("text", "starts", "sections")

    def __init__(self, sections: list[Section]):
        self.sections = sections
        self.starts: list[int] = []
        pos = 0
        for s in sections:
            self.starts.append(pos)
            pos += len(s.text) + 1
        self.text = "\n".join(s.text for s in sections)

    def section_at(self, pos: int) -> tuple[Section, int]:
        """The section holding offset pos, and pos within that section's text."""
        from bisect import bisect_right

        i = bisect_right(self.starts, pos) - 1
        return self.sections[i], pos - self.starts[i]

    def locate(self, start: int, end: int) -> Location | None:
        sec, off = self.section_at(start)
        return sec.locate(off, off + (end - start))


class Report(Record):
    """The report: metadata, sections (preamble first), tables by id, reader notes, the source
    lines (for diagnostics), the reader that made it and the text encoding it detected."""

    __slots__ = ("path", "meta", "sections", "tables", "notes", "lines", "reader", "encoding", "suppressions",
                 "cut", "dropped", "_second_reading", "_corpus")

    def __init__(self, path: str, meta: Metadata, sections: list[Section], tables: dict[str, Table],
                 notes: list[Note] | None = None, lines: list[str] | None = None, reader: str = ""):
        self.path, self.meta, self.sections, self.tables = path, meta, sections, tables
        self.notes = notes if notes is not None else []
        self.lines = lines if lines is not None else []
        self.reader = reader
        self.encoding = ""        # of a text file, as detected
        self.suppressions: list[Any] = []     # inline "# xxgk-lint: ignore[…]" comments (YAML reports)
        self.cut: Cut | None = None           # the document stops (or starts) in the middle
        # text of the source the reader could place nowhere: (section key it stood in, where, text)
        self.dropped: list[tuple[int, Location, str]] = []
        # read by OCR: a place read again by a second recogniser (Location -> a Tr doubt where
        # the readings differ, else None); dropped once the report is checked (it holds the crops)
        self._second_reading: Any = None
        self._corpus: Corpus | None = None

    def corpus(self) -> "Corpus":
        """All section texts as one text (computed once): text rules scan it in one pass."""
        if self._corpus is None:
            self._corpus = Corpus(self.sections)
        return self._corpus

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
        from .template import implied_by_year

        return implied_by_year(self.meta.year)
