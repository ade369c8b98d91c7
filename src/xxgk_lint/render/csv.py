"""The audit's findings as CSV, one per row with the report's identity (Excel reads it: UTF-8
with a BOM).  A cell a spreadsheet would run as a formula is made plain text."""

from __future__ import annotations

import csv
import json
from typing import Any, Iterator, TextIO

from . import FileResult, incomplete_note
from .batch import finding_rows
from .words import words

OPEN = ("w", {"newline": "", "encoding": "utf-8-sig"})

# (field, column width in a workbook); headings are the renderers' words (words.py)
FINDING_COLUMNS = (("file", 40), ("body", 24), ("year", 7), ("rule", 22), ("severity", 9), ("message", 70),
                   ("where", 16), ("place_label", 30), ("values", 30))
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert(value: Any) -> Any:
    """A text a spreadsheet would run as a formula ("=HYPERLINK(…)", "@SUM(…)") made plain text,
    as OWASP advises for CSV: a leading apostrophe."""
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def finding_table(results: list[FileResult], lang: str) -> Iterator[dict[str, Any]]:
    """Row by row (an audit's findings are written as they are read, never all held)."""
    for row in finding_rows(results, lang):
        yield row | {"values": json.dumps(row["values"], ensure_ascii=False, default=str)}


def render(results: list[FileResult], lang: str, out: TextIO, options: dict[str, Any]) -> None:
    w = csv.writer(out)
    w.writerow([words(lang)[c[0]] for c in FINDING_COLUMNS])
    for row in finding_table(results, lang):
        w.writerow([inert(row.get(c[0], "")) for c in FINDING_COLUMNS])
    note = incomplete_note(options, lang)
    if note:        # the last row, where a reader of a cut-off list looks for its end
        w.writerow([inert(note if c[0] == "message" else "AUDIT-INCOMPLETE" if c[0] == "rule" else "")
                    for c in FINDING_COLUMNS])
