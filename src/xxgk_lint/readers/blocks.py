"""The intermediate form every document reader produces: paragraphs and grids of cells.

A format reader (pipe text, HTML, DOCX, PDF) only has to turn its file into a list of
blocks with locations; ``assemble`` builds the report model from them, so section,
table and metadata recognition exist once for all formats.
"""

from __future__ import annotations

from typing import Any

from ..model import Location
from ..record import Record


class RawCell(Record):
    """A cell's text and where it stands.  Text readers give the position as (path, line, col)
    and the Location is made only if asked for: most cells of a page are padding."""

    __slots__ = ("text", "_loc", "_path", "_line", "_col")

    def __init__(self, text: str, loc: Location | None = None, path: str = "", line: int = 0, col: int = 0):
        self.text, self._loc, self._path, self._line, self._col = text, loc, path, line, col

    @property
    def loc(self) -> Location:
        if self._loc is None:
            self._loc = Location(self._path, self._line, self._col, self._line, self._col + len(self.text))
        return self._loc


class Para(Record):
    """A paragraph, or (``cont``) a line that goes on with the paragraph above it: a text
    hard-wrapped at a fixed width, or a line break inside a pair of brackets."""

    __slots__ = ("text", "loc", "cont")

    def __init__(self, text: str, loc: Location, cont: bool = False):
        self.text, self.loc, self.cont = text, loc, cont


class Grid(Record):
    """A table as rows of cells, merged cells already expanded by the reader;
    ``image`` when the document shows the table as an image only (``picture``: its bytes, when
    the reader has them, for OCR)."""

    __slots__ = ("rows", "loc", "image", "picture")

    def __init__(self, rows: list[list[RawCell]], loc: Location, image: bool = False, picture: bytes | None = None):
        self.rows, self.loc, self.image, self.picture = rows, loc, image, picture


class Document(Record):
    """A reader's output: blocks in order, plus the source lines for diagnostics."""

    __slots__ = ("path", "blocks", "lines", "reader", "_second_reading")

    def __init__(self, path: str, blocks: list[Para | Grid], lines: list[str] | None = None, reader: str = ""):
        self.path, self.blocks, self.lines, self.reader = path, blocks, lines if lines is not None else [], reader
        # OCR'd documents: a cell read again by the second recogniser (Location -> its doubt or None)
        self._second_reading: Any = None


class ListingReader:
    """Base of the readers of formats without lines (Word, PDF): they keep a text listing, one
    line per paragraph or table row, so a diagnostic can show a line and point a caret into it."""

    def __init__(self, path: str):
        self.path = path
        self.blocks: list[Para | Grid] = []
        self.lines: list[str] = []
        self.para_no = self.table_no = 0

    def listing_row(self, texts: list[str]) -> list[tuple[int, int]]:
        """Add a table row ("a | b | c") to the listing; each text's 1-based [start, end) columns."""
        listing, spans = "", []
        for text in texts:
            spans.append((len(listing) + 1, len(listing) + 1 + len(text)))
            listing += text + " | "
        self.lines.append(listing.rstrip())
        return spans
