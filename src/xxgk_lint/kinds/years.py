"""The crossyear kind: a report against the same body's report of the year before.

Only an audit knows the previous report (from the same audit or its history store); it puts
it in ``ctx.previous``.  Without it these rules say nothing.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any, Iterator

from ..findings import Hit, Place
from ..labels import both, place_args, section_label
from ..model import NUMBER, Report
from . import Context, Kind, ParamError, one_of, str_list

CHECKS = ("carry", "in_force", "copied", "same_figures", "jump")


def _value(report: Report, table: str, row: str, col: str) -> Any:
    t = report.table(table)
    c = t.cell(row, col) if t is not None else None
    return c.value if c is not None and c.state == NUMBER else None


class CrossYear(Kind):
    """``check``: carry (table 3 二 = last year's 四, per column), in_force (table 2 in force =
    last year's + issued − repealed), copied (a section's text mostly the same as last year's,
    ``threshold``), same_figures (every figure as last year), jump (a total grown or shrunk by
    more than ``factor``)."""

    name = "crossyear"
    fields = frozenset({"table", "row", "col", "value", "expected", "previous", "section", "share", "factor",
                        "previous_year", "previous_path"})
    params = {"check": ((str,), True), "threshold": ((int, float), False), "factor": ((int, float), False),
              "cells": ((str, list), False), "min_value": ((int, float), False)}

    def build(self, params: dict[str, Any], rule: Any):
        mode = one_of(params, "check", CHECKS)
        threshold = float(params.get("threshold", 0.9))
        factor = float(params.get("factor", 10))
        min_value = float(params.get("min_value", 10))
        cells = [tuple(c.split(".")) for c in str_list(params, "cells")]
        for c in cells:
            if len(c) != 3:
                raise ParamError("'cells' are written table.row.column", "cells")

        def check(report: Report, ctx: Context) -> Iterator[Hit]:
            prev = ctx.previous
            if prev is None:
                return
            base = {"previous_year": prev.meta.year, "previous_path": prev.path}
            if mode == "carry":
                t3 = report.table("t3")
                if t3 is None:
                    return
                for col in (c.id for c in t3.spec.cols):
                    now, before = _value(report, "t3", "carried_over_prev", col), \
                        _value(prev, "t3", "carried_forward", col)
                    if now is not None and before is not None and now != before:
                        cell = t3.cell("carried_over_prev", col)
                        yield Hit(cell.loc, Place(table="t3", row="carried_over_prev", col=col),
                                  base | place_args("t3", "carried_over_prev", col) | {"value": now, "expected": before})
            elif mode == "in_force":
                t2 = report.table("t2")
                # the versions whose table 2 keeps documents in force (2021 on)
                if t2 is None or "in_force" not in t2.spec.col_by_id or prev.table("t2") is None \
                        or "in_force" not in prev.table("t2").spec.col_by_id:
                    return
                for row in ("regulations", "normative_docs"):
                    now = _value(report, "t2", row, "in_force")
                    parts = (_value(prev, "t2", row, "in_force"), _value(report, "t2", row, "issued"),
                             _value(report, "t2", row, "repealed"))
                    if now is None or None in parts:
                        continue
                    expected = parts[0] + parts[1] - parts[2]
                    if now != expected:
                        yield Hit(t2.cell(row, "in_force").loc, Place(table="t2", row=row, col="in_force"),
                                  base | place_args("t2", row, "in_force") | {"value": now, "expected": expected,
                                                                          "previous": parts[0]})
            elif mode == "copied":
                for sec in report.sections:
                    old = prev.section(sec.key) if sec.key else None
                    if old is None or len(sec.text) < 80 or len(old.text) < 80:
                        continue
                    matcher = SequenceMatcher(None, sec.text, old.text, autojunk=False)
                    if matcher.quick_ratio() < threshold:
                        continue
                    share = matcher.ratio()
                    if share >= threshold:
                        yield Hit(sec.loc, Place(section=sec.key), base | {
                            "section": both(section_label, sec.key),
                            "share": round(share * 100)})
            elif mode == "same_figures":
                now, before = _figures(report), _figures(prev)
                if now and now == before and any(v for v in now.values()):
                    yield Hit(None, Place(), base)
            else:   # jump
                for table, row, col in cells:
                    now, before = _value(report, table, row, col), _value(prev, table, row, col)
                    if now is None or before is None or max(now, before) < min_value:
                        continue
                    if min(now, before) == 0 or max(now, before) / min(now, before) > factor:
                        t = report.table(table)
                        yield Hit(t.cell(row, col).loc, Place(table=table, row=row, col=col),
                                  base | place_args(table, row, col) | {"value": now, "previous": before,
                                                                     "factor": factor})
        return check




def _figures(report: Report) -> dict[tuple[str, str, str], Any]:
    return {(tid, *k): v for tid, t in report.tables.items() if t.present for k, v in t.numbers().items()}


class Hierarchy(Kind):
    """A parent body's figures against the sum of its children's (``check: sum``), or the
    children whose reports are missing, which make that comparison impossible
    (``check: incomplete``).  The audit's hierarchy file names the children and the cells."""

    name = "hierarchy"
    fields = frozenset({"table", "row", "col", "value", "expected", "children", "missing", "count"})
    params = {"check": ((str,), True)}

    def build(self, params: dict[str, Any], rule: Any):
        mode = one_of(params, "check", ("sum", "incomplete"))

        def check(report: Report, ctx: Context) -> Iterator[Hit]:
            if ctx.children is None:
                return
            if mode == "incomplete":
                if ctx.missing_children:
                    yield Hit(None, Place(), {"missing": "、".join(ctx.missing_children),
                                              "count": len(ctx.missing_children)})
                return
            if ctx.missing_children:
                return              # cannot assess: the incomplete rule says why
            for table, row, col in ctx.aggregate:
                own = _value(report, table, row, col)
                parts = [_value(child, table, row, col) for child in ctx.children]
                if own is None or None in parts:
                    continue
                total = sum(parts)
                if own != total:
                    t = report.table(table)
                    yield Hit(t.cell(row, col).loc if t else None, Place(table=table, row=row, col=col),
                              place_args(table, row, col) | {"value": own, "expected": total,
                                                          "children": len(parts)})
        return check
