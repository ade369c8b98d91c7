"""Checks that compare a report with other reports, given by an audit: the same body's report of
the year before (``crossyear``, rules with ``needs: previous_year``) and a parent body's
children (``hierarchy``, ``needs: children``).  Each is one function registered under the id
of its rule; without the other reports the engine does not run them."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Any, Iterator

from ..findings import Hit, Place
from ..labels import both, place_args, section_label
from ..model import NUMBER, Report
from . import Checks, Context, ParamError, str_list

CROSSYEAR = Checks("crossyear", {"table", "row", "col", "value", "expected", "previous", "section", "share", "factor",
                                 "previous_year", "previous_path"})
HIERARCHY = Checks("hierarchy", {"table", "row", "col", "value", "expected", "children", "missing", "count"})


def _value(report: Report, table: str, row: str, col: str) -> Any:
    t = report.table(table)
    c = t.cell(row, col) if t is not None else None
    return c.value if c is not None and c.state == NUMBER else None


def _base(ctx: Context) -> dict[str, Any]:
    return {"previous_year": ctx.previous.meta.year, "previous_path": ctx.previous.path}


@CROSSYEAR.register("XY-CARRY")
def carry(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """Table 3 二、上年结转 equals last year's 四、结转下年度, column by column."""
    t3 = report.table("t3")
    if t3 is None:
        return
    for col in (c.id for c in t3.spec.cols):
        now, before = _value(report, "t3", "carried_over_prev", col), _value(ctx.previous, "t3", "carried_forward", col)
        if now is not None and before is not None and now != before:
            yield Hit(t3.cell("carried_over_prev", col).loc, Place(table="t3", row="carried_over_prev", col=col),
                      _base(ctx) | place_args("t3", "carried_over_prev", col) | {"value": now, "expected": before})


_CLEANED = re.compile(r"清理[^。；]{0,20}规范性文件|规范性文件[^。；]{0,12}清理")


@CROSSYEAR.register("XY-IN-FORCE")
def in_force(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """Table 2 in force = last year's in force + issued − repealed (the versions that keep it)."""
    t2, before = report.table("t2"), ctx.previous.table("t2")
    if t2 is None or before is None or "in_force" not in t2.spec.col_by_id or "in_force" not in before.spec.col_by_id:
        return
    if _CLEANED.search(report.corpus().text):
        return      # the report says its documents were cleaned up: the count starts afresh
    for row in ("regulations", "normative_docs"):
        now = _value(report, "t2", row, "in_force")
        parts = (_value(ctx.previous, "t2", row, "in_force"), _value(report, "t2", row, "issued"),
                 _value(report, "t2", row, "repealed"))
        if now is None or None in parts:
            continue
        expected = parts[0] + parts[1] - parts[2]
        if now != expected:
            yield Hit(t2.cell(row, "in_force").loc, Place(table="t2", row=row, col="in_force"),
                      _base(ctx) | place_args("t2", row, "in_force") | {"value": now, "expected": expected,
                                                                      "previous": parts[0]})


@CROSSYEAR.register("XY-COPIED", params={"threshold": ((int, float), False)})
def copied(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """A section's text mostly the same as last year's (``threshold``, a share of 0-1)."""
    threshold = float(p.get("threshold", 0.9))
    for sec in report.sections:
        old = ctx.previous.section(sec.key) if sec.key else None
        if old is None or len(sec.text) < 80 or len(old.text) < 80:
            continue
        matcher = SequenceMatcher(None, sec.text, old.text, autojunk=False)
        if matcher.quick_ratio() < threshold:
            continue
        share = matcher.ratio()
        if share >= threshold:
            yield Hit(sec.loc, Place(section=sec.key), _base(ctx) | {
                "section": both(section_label, sec.key), "share": round(share * 100)})


@CROSSYEAR.register("XY-SAME-FIGURES")
def same_figures(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """Every figure of tables 2-4 as last year's (the tables copied, not filled in)."""
    now, before = _figures(report), _figures(ctx.previous)
    if now and now == before and any(v for v in now.values()):
        yield Hit(None, Place(), _base(ctx))


def _cells(p: dict[str, Any]) -> None:
    if any(len(c.split(".")) != 3 for c in str_list(p, "cells")):
        raise ParamError("'cells' are written table.row.column", "cells")


@CROSSYEAR.register("XY-JUMP", params={"factor": ((int, float), False), "cells": ((str, list), False),
                                       "min_value": ((int, float), False)}, validate=_cells)
def jump(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """A figure (``cells``) grown or shrunk by more than ``factor`` from at least ``min_value``."""
    factor, min_value = float(p.get("factor", 10)), float(p.get("min_value", 10))
    for table, row, col in (tuple(c.split(".")) for c in str_list(p, "cells")):
        now, before = _value(report, table, row, col), _value(ctx.previous, table, row, col)
        if now is None or before is None or max(now, before) < min_value:
            continue
        if min(now, before) == 0 or max(now, before) / min(now, before) > factor:
            yield Hit(report.table(table).cell(row, col).loc, Place(table=table, row=row, col=col),
                      _base(ctx) | place_args(table, row, col) | {"value": now, "previous": before, "factor": factor})


def _figures(report: Report) -> dict[tuple[str, str, str], Any]:
    return {(tid, *k): v for tid, t in report.tables.items() if t.present for k, v in t.numbers().items()}


@HIERARCHY.register("HIER-SUM")
def children_sum(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """A parent's figures (the hierarchy file's cells) against the sum of its children's; not
    assessed while a child's report is missing (HIER-INCOMPLETE says so)."""
    if ctx.missing_children:
        return
    for table, row, col in ctx.aggregate:
        own = _value(report, table, row, col)
        parts = [_value(child, table, row, col) for child in ctx.children]
        if own is None or None in parts:
            continue
        total = sum(parts)
        if own != total:
            t = report.table(table)
            yield Hit(t.cell(row, col).loc if t else None, Place(table=table, row=row, col=col),
                      place_args(table, row, col) | {"value": own, "expected": total, "children": len(parts)})


@HIERARCHY.register("HIER-INCOMPLETE")
def children_missing(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """The children without a report, which make the sum impossible to check."""
    if ctx.missing_children:
        yield Hit(None, Place(), {"missing": "、".join(ctx.missing_children), "count": len(ctx.missing_children)})
