"""The six sections of the template: there (SEC-MISSING), holding something (SEC-EMPTY), in
order (SEC-ORDER), numbered (SEC-NUMBER) and worded (SEC-HEADING-VARIANT) as the template
has them.  One function per rule."""

from __future__ import annotations

import re
from typing import Any, Iterator

from ..findings import Hit, Place
from ..labels import place_args
from ..model import Report, Section
from ..sections_spec import SECTION_BY_KEY
from . import Checks, Context, ParamError, str_list

SECTIONS = Checks("sections", {"section", "heading", "after", "expected", "numeral", "expected_numeral"})
_PUNCT = re.compile(r"[\s。，、；：:;,.!！?？\-—]+")


def section_keys(params: dict[str, Any], key: str = "sections") -> tuple[int, ...]:
    raw = str_list(params, key, [str(k) for k in SECTION_BY_KEY])
    try:
        keys = tuple(int(k) for k in raw)
    except ValueError:
        raise ParamError(f"{key!r} must list section numbers 1-6", key) from None
    if any(k not in SECTION_BY_KEY for k in keys):
        raise ParamError(f"{key!r} must list section numbers 1-6", key)
    return keys


_KEYS = {"sections": ((str, int, list), False)}


@SECTIONS.register("SEC-MISSING", _KEYS, section_keys)
def missing(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """A section of the template (``sections``, default all six) the report does not have."""
    for key in section_keys(p):
        if report.section(key) is None:
            yield Hit(None, Place(section=key), place_args(section=key), absent=True)


@SECTIONS.register("SEC-EMPTY", _KEYS | {"min_chars": ((int,), False)}, section_keys)
def empty(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """A section with fewer than ``min_chars`` characters besides punctuation and no table ("无。"
    says something: that there is nothing).  A report with no section found says nothing here."""
    if not any(s.key for s in report.sections):
        return
    min_chars = int(p.get("min_chars", 1))
    for key in section_keys(p):
        sec = report.section(key)
        if sec is not None and not sec.has_table and len(_PUNCT.sub("", sec.text)) < min_chars:
            yield Hit(sec.loc, Place(section=key), place_args(section=key) | {"heading": sec.heading}, absent=True)


@SECTIONS.register("SEC-ORDER")
def order(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """A section after one the template puts later."""
    highest: Section | None = None
    for sec in report.sections:
        if not sec.key:
            continue
        if highest is not None and sec.key < highest.key:
            yield Hit(sec.loc, Place(section=sec.key),
                      place_args(section=sec.key) | {"heading": sec.heading, "after": highest.heading})
        elif highest is None or sec.key > highest.key:
            highest = sec


def _heading_args(sec: Section) -> dict[str, Any]:
    spec = SECTION_BY_KEY[sec.key]
    return place_args(section=sec.key) | {"heading": sec.heading, "expected": f"{spec.numeral}、{spec.title}",
                                          "numeral": sec.numeral, "expected_numeral": spec.numeral}


@SECTIONS.register("SEC-NUMBER")
def number(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """A heading numbered otherwise than the template numbers its section ("七、其他需要报告的事项")."""
    for sec in report.sections:
        spec = SECTION_BY_KEY.get(sec.key)
        if spec is not None and sec.numeral and sec.numeral != spec.numeral:
            yield Hit(sec.loc, Place(section=sec.key), _heading_args(sec))


@SECTIONS.register("SEC-HEADING-VARIANT", {"forms": ((str, list), False)})
def wording(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """A heading worded as a legal variant or otherwise (``forms``: variant, other)."""
    forms = str_list(p, "forms", ("variant", "other"))
    for sec in report.sections:
        if sec.key in SECTION_BY_KEY and sec.form in forms:
            yield Hit(sec.loc, Place(section=sec.key), _heading_args(sec))


@SECTIONS.register("SEC-HEADING-TYPO")
def typo(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """A heading with the template's words but a character or two wrong ("行政法复议"): the section
    is there (not missing); its heading is the defect."""
    for sec in report.sections:
        if sec.key in SECTION_BY_KEY and sec.form == "garbled":
            yield Hit(sec.loc, Place(section=sec.key), _heading_args(sec))


@SECTIONS.register("SEC-STRUCTURE")
def structure(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """A report with none of the six numbered headings (its parts only （一）…（七）, or its own
    scheme): one finding for the structure, not six for the sections (SEC-MISSING is superseded).
    A document cut off before its first heading is READ-CUT's."""
    if any(s.key for s in report.sections) or report.cut is not None and report.cut.start:
        return
    yield Hit(None, Place(), {}, absent=True)
