"""Pictures inside a Word file or beside a saved HTML page (a table pasted as an image, or the
whole report as pictures of its pages), read by OCR as scans: what OCR reads in a picture takes
the picture's place.  Pictures that follow one another are read as the pages of one scan, so a
table that runs on to the next page's picture is one table."""

from __future__ import annotations

from typing import Any

from ..model import InputError, Location
from . import pdf
from .blocks import Document, Grid
from .ocr import available, image_pdf


def expand(doc: Any) -> Any:
    """A Word or HTML document with the pictures it holds read by OCR: each run of pictures'
    paragraphs and tables take its place (pictures OCR cannot read stay pictures).  Their listing
    lines follow the document's own, and their places name the first picture's paragraph or
    line; a cell a finding rests on can still be read a second time (``_second_reading``)."""
    if not available():
        return doc

    lines = list(doc.lines)
    origins: dict[tuple, tuple[Any, int, int, int]] = {}      # a place -> its scan's reader and place there
    pieces: list[Any] = []              # the blocks, each run of pictures one list among them
    for block in doc.blocks:
        if isinstance(block, Grid) and block.picture:
            if pieces and isinstance(pieces[-1], list):
                pieces[-1].append(block)
            else:
                pieces.append([block])
        else:
            pieces.append(block)
    out: list[Any] = []
    for run in pieces:
        if not isinstance(run, list):
            out.append(run)
            continue
        try:
            sub = pdf.parse(image_pdf([b.picture for b in run], doc.path), doc.path)
        except InputError:
            out += run
            continue
        offset, first = len(lines), run[0]
        lines += sub.lines
        for b in sub.blocks:
            for loc in ([b.loc] if not isinstance(b, Grid) else [b.loc, *(c.loc for row in b.rows for c in row)]):
                was = (loc.page, loc.para, loc.table)
                loc.line += offset
                loc.end_line = loc.end_line + offset if loc.end_line else 0
                loc.page, loc.para = 0, first.loc.para or loc.para
                if sub._second_reading is not None:
                    origins[_key(loc)] = (sub._second_reading, *was)
            out.append(b)
    expanded = Document(doc.path, out, lines, doc.reader + "+ocr")
    if origins:
        expanded._second_reading = lambda loc: _read_again(origins, loc)
    return expanded


def _key(loc: Location) -> tuple:
    return (loc.line, loc.table, loc.row, loc.cell)


def _read_again(origins: dict[tuple, tuple[Any, int, int, int]], loc: Location) -> Any:
    """The second reading of a place of a picture: asked of the scan it was read from, at its
    place there (a finding's copy of a paragraph's place keeps the paragraph's line)."""
    import copy

    found = origins.get(_key(loc)) or next((o for k, o in origins.items() if k[0] == loc.line and not loc.table), None)
    if found is None:
        return None
    reread, page, para, table = found
    there = copy.copy(loc)
    there.page, there.para, there.table = page, para, table
    return reread(there)
