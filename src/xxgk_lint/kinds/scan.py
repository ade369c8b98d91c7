"""What every prose kind shares: which texts a rule reads (its ``in:`` sections, the preamble
or all of them as one text), how an offset in them becomes a source location, and a rule's
patterns compiled on first use.  Used by prose.py, wording.py, crosscheck.py and claims.py."""

from __future__ import annotations

from typing import Any, Iterator

from ..model import Report, Section
from ..sections_spec import SECTION_BY_KEY
from . import ParamError, regex, str_list


def texts(report: Report, where: tuple[str, ...]) -> list[tuple[str, Any]]:
    """(text, to_section) pairs to scan; to_section(pos) gives (section, offset in it).  All
    sections are scanned as one text: one regex pass instead of one per section."""
    if "all" in where:
        corpus = report.corpus()
        return [(corpus.text, corpus.section_at)]
    keys = {int(w) for w in where if w.isdigit()} | ({0} if "preamble" in where else set())
    return [(s.text, lambda pos, s=s: (s, pos)) for s in report.sections if s.key in keys]


def locate(to_section: Any, start: int, end: int) -> tuple[Section, Any]:
    sec, off = to_section(start)
    return sec, sec.locate(off, off + (end - start))


def where_param(params: dict[str, Any]) -> tuple[str, ...]:
    where = str_list(params, "in", ("all",))
    for w in where:
        if w not in ("all", "preamble") and not (w.isdigit() and int(w) in SECTION_BY_KEY):
            raise ParamError("'in' takes section numbers 1-6, preamble or all", "in")
    return where


def rx(params: dict[str, Any], key: str, default: str | None = None) -> Any:
    return regex(params.get(key, default), key)


def paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) of each line of a section's text: a paragraph each."""
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1
