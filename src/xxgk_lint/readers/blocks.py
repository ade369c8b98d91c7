"""The intermediate form every document reader produces: paragraphs and grids of cells.

A format reader (pipe text, HTML, DOCX, PDF) only has to turn its file into a list of
blocks with locations; ``assemble`` builds the report model from them, so section,
table and metadata recognition exist once for all formats.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Location


@dataclass(slots=True)
class RawCell:
    text: str
    loc: Location


@dataclass(slots=True)
class Para:
    text: str
    loc: Location


@dataclass(slots=True)
class Grid:
    """A table as rows of cells, merged cells already expanded by the reader."""

    rows: list[list[RawCell]]
    loc: Location
    image: bool = False          # the document shows this table as an image only


@dataclass(slots=True)
class Document:
    path: str
    blocks: list[Para | Grid]
    lines: list[str] = field(default_factory=list)   # source lines, for diagnostics
    reader: str = ""
