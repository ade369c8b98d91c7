"""What the template requires to be in the report: tables 2-4, readable as tables, with all their
rows and cells.  One function per rule (TBL-MISSING, TBL-IMAGE, TBL-UNREADABLE, TBL-ROW-MISSING,
TBL-CELL-MISSING); ``table`` limits any of them to some tables."""

from __future__ import annotations

from typing import Any, Iterator

from ..findings import Hit, Place
from ..record import Tr
from ..labels import both, place_args, row_label, table_label
from ..model import MISSING, Report, Table
from ..template import TABLE_IDS, TABLE_SECTION
from . import Checks, Context, ParamError, str_list

PRESENCE = Checks("presence", {"table", "row", "col", "rows", "count"})
_TABLE = {"table": ((str, list), False)}


def _tables(p: dict[str, Any]) -> tuple[str, ...]:
    return str_list(p, "table", TABLE_IDS)


def _known(p: dict[str, Any]) -> None:
    bad = [t for t in _tables(p) if t not in TABLE_IDS]
    if bad:
        raise ParamError(f"unknown table {bad[0]!r} (tables: {', '.join(TABLE_IDS)})", "table")


# a table's finding explains its section's being empty (SEC-EMPTY): one defect, one finding
_TABLE_AND_SECTION = {tid: (Place(table=tid), Place(section=key)) for tid, key in TABLE_SECTION.items()}


def _anchor(report: Report, table: str) -> Any:
    """Where to point for a missing table: the heading of its section, if any."""
    sec = report.section(TABLE_SECTION[table])
    return sec.loc if sec else None


@PRESENCE.register("TBL-MISSING", _TABLE, _known)
def tables_missing(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """A table the report does not have at all (pictures and unreadable tables have their own rules)."""
    for tid in _tables(p):
        if tid not in report.tables:
            yield Hit(_anchor(report, tid), Place(table=tid), {"table": both(table_label, tid)}, absent=True,
                      covers=_TABLE_AND_SECTION[tid])


def _shown_as(form: str):
    def check(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
        for tid in _tables(p):
            table = report.tables.get(tid)
            if table is not None and table.form == form:
                yield Hit(table.loc or _anchor(report, tid), Place(table=tid), {"table": both(table_label, tid)},
                          covers=_TABLE_AND_SECTION[tid])
    check.__doc__ = f"A table the document shows only as {form}."
    return check


PRESENCE.register("TBL-IMAGE", _TABLE, _known)(_shown_as("image"))
PRESENCE.register("TBL-UNREADABLE", _TABLE, _known)(_shown_as("unreadable"))


def _missing(table: Table, short: set[Any]) -> tuple[list[str], list[Any]]:
    """(rows missing whole, cells missing from rows that are there — not from a row the reader
    found short: that is its own finding, READ-SHORT-ROW)."""
    rows: list[str] = []
    cells: list[Any] = []
    for r in table.spec.rows:
        row = [table.cells[(r.id, c)] for c in table.spec.row_cols(r)]
        gone = [c for c in row if c.state == MISSING]
        if len(gone) == len(row):
            rows.append(r.id)
        elif gone and r.id not in short:
            cells.extend(gone)
    return rows, cells


def _short_rows(report: Report, tid: str) -> set[Any]:
    return {n.args.get("row") for n in report.notes if n.code == "short-row" and n.args.get("table_id") == tid}


@PRESENCE.register("TBL-ROW-MISSING", _TABLE, _known)
def rows_missing(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """Rows of the template missing from a table: one finding per table (20 rows missing are one
    problem, not 20), naming the first six."""
    for tid in _tables(p):
        table = report.table(tid)
        if table is None:
            continue
        rows, _ = _missing(table, set())
        if rows:
            listed = rows[:6]
            more = len(rows) - len(listed)
            args = place_args(tid, "", "")
            args.update(count=len(rows), rows=Tr(
                "、".join(f"「{row_label(tid, r, 'zh')}」" for r in listed) + ("等" if more else ""),
                ", ".join(f'"{row_label(tid, r, "en")}"' for r in listed) + (f" and {more} more" if more else "")))
            yield Hit(table.loc, Place(table=tid), args, absent=True)


@PRESENCE.register("TBL-CELL-MISSING", _TABLE, _known)
def cells_missing(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """Cells missing from rows that are there."""
    for tid in _tables(p):
        table = report.table(tid)
        if table is None:
            continue
        for cell in _missing(table, _short_rows(report, tid))[1]:
            args = place_args(tid, cell.row, cell.col)
            # in a table whose rows and columns OCR found in a picture, a cell missing may be the reading's
            yield Hit(cell.loc or table.row_loc(cell.row), Place(table=tid, row=cell.row, col=cell.col), args,
                      absent=True, doubt=table.loc.doubt if table.loc is not None else None)


DOCUMENT = Checks("document", {"where"})


@DOCUMENT.register("READ-CUT")
def cut(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """A document that starts or stops in the middle, said once (the absences it causes are not)."""
    c = report.cut
    if c is None:
        return
    parts = [x for x in (c.start_at, c.end_at) if x is not None]
    if not parts:           # a record that gives only the sections (a YAML `cut:` written by hand)
        parts = [*([Tr(f"始于第{c.start}部分", f"starts in section {c.start}")] if c.start else []),
                 *([Tr(f"止于第{c.end}部分", f"stops in section {c.end}")] if c.end else [])]
    yield Hit(c.loc, Place(), {"where": Tr("，".join(x.zh for x in parts), "; ".join(x.en for x in parts))})


DROPPED = Checks("dropped", {"count", "where", "text"})


@DROPPED.register("READ-DROPPED")
def dropped(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """Text the reader could place nowhere, said once with its first place (the findings that
    something is missing are doubted meanwhile: engine.py)."""
    if not report.dropped:
        return
    key, loc, text = report.dropped[0]
    where = Tr(f"第 {loc.page} 页" if loc.page else f"第 {loc.line} 行" if loc.line else "",
               f"page {loc.page}" if loc.page else f"line {loc.line}" if loc.line else "")
    yield Hit(loc, Place(section=key) if key else Place(),
              {"count": len(report.dropped), "where": where, "text": text[:30] + ("…" if len(text) > 30 else "")},
              related=tuple(x[1] for x in report.dropped[1:] if x[1] is not None))
