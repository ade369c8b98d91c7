"""Pictures inside a Word file or beside a saved HTML page (a table pasted as an image), read
by OCR as one-page scans: what OCR reads in a picture takes the picture's place."""

from __future__ import annotations

from typing import Any

from ..model import InputError
from . import pdf
from .blocks import Document, Grid
from .ocr import available, image_pdf


def expand(doc: Any) -> Any:
    """A Word or HTML document with the pictures it holds read by OCR: each picture's paragraphs
    and tables take its place (a picture OCR cannot read stays a picture).  Their listing lines
    follow the document's own, and their places name the picture's paragraph or line."""
    if not available():
        return doc

    blocks, lines = [], list(doc.lines)
    for block in doc.blocks:
        if not (isinstance(block, Grid) and block.picture):
            blocks.append(block)
            continue
        try:
            sub = pdf.parse(image_pdf(block.picture, doc.path), doc.path)
        except InputError:
            blocks.append(block)
            continue
        offset = len(lines)
        lines += sub.lines
        for b in sub.blocks:
            for loc in ([b.loc] if not isinstance(b, Grid) else [b.loc, *(c.loc for row in b.rows for c in row)]):
                loc.line += offset
                loc.end_line = loc.end_line + offset if loc.end_line else 0
                loc.page, loc.para = 0, block.loc.para or loc.para
            blocks.append(b)
    return Document(doc.path, blocks, lines, doc.reader + "+ocr")
