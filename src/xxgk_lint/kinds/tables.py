"""Kinds over the statistics tables: presence, identity, range, cellstate."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterator

from .. import expr
from ..findings import Hit, Place
from ..record import Tr
from ..labels import both, col_label, place_args, row_label
from ..model import BLANK, MISSING, NUMBER, PLACEHOLDER, TEXT, Report, Table
from ..values import counted_with_unit, shown
from ..template import ALL_TABLE_IDS, TABLE_IDS, TABLES, TableSpec
from . import Checks, Context, Kind, ParamError, one_of, str_list

_STATE_LABELS = {
    BLANK: Tr("空白", "blank"), PLACEHOLDER: Tr("占位符", "placeholder"),
    TEXT: Tr("文字", "text"), MISSING: Tr("缺失", "missing"), NUMBER: Tr("数字带单位", "a number with a unit"),
}


def table_param(params: dict[str, Any]) -> str:
    t = params.get("table")
    if t not in ALL_TABLE_IDS:
        raise ParamError(f"'table' must be one of {', '.join(ALL_TABLE_IDS)}", "table")
    return t


def row_ids(table: str) -> set[str]:
    out: set[str] = set()
    for (tid, _), spec in TABLES.items():
        if tid == table:
            out.update(spec.row_by_id)
            out.update(spec.groups)
    return out


def col_ids(table: str) -> set[str]:
    return {c for (tid, _), spec in TABLES.items() if tid == table for c in spec.col_by_id}


def _expand_rows(spec: TableSpec, names: tuple[str, ...]) -> list[str]:
    if not names:
        return [r.id for r in spec.rows]
    out: list[str] = []
    for n in names:
        out.extend(spec.groups.get(n, (n,) if n in spec.row_by_id else ()))
    return out




@lru_cache(maxsize=256)
def _selection(spec: TableSpec, rows: tuple[str, ...], cols: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((row, col) for row in _expand_rows(spec, rows) for col in spec.row_cols(spec.row_by_id[row])
                 if not cols or col in cols)


def _selected_cells(report: Report, tables: tuple[str, ...], rows: tuple[str, ...],
                    cols: tuple[str, ...]) -> Iterator[tuple[Table, Any]]:
    """(table, cell) for every cell the rule selects, in template order."""
    for tid in tables:
        table = report.table(tid)
        if table is None:
            continue
        cells = table.cells
        for key in _selection(table.spec, rows, cols):
            cell = cells.get(key)
            if cell is not None:
                yield table, cell


def _cell_hit(table: Table, cell: Any, **extra: Any) -> Hit:
    args = place_args(table.id, cell.row, cell.col)
    args.update(extra)
    return Hit(cell.loc or table.row_loc(cell.row), Place(table=table.id, row=cell.row, col=cell.col), args)


class _CellSelection(Kind):
    """Shared parameter handling for kinds that select cells of one or all tables."""

    def _select(self, params: dict[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        tables = str_list(params, "table", TABLE_IDS)
        for t in tables:
            if t not in TABLE_IDS:
                raise ParamError(f"unknown table {t!r} (tables: {', '.join(TABLE_IDS)})", "table")
        rows, cols = str_list(params, "rows"), str_list(params, "cols")
        for t in tables:
            if rows and len(tables) == 1:
                bad = [r for r in rows if r not in row_ids(t)]
                if bad:
                    raise ParamError(f"unknown row {bad[0]!r} in {t}", "rows")
            if cols and len(tables) == 1:
                bad = [c for c in cols if c not in col_ids(t)]
                if bad:
                    raise ParamError(f"unknown column {bad[0]!r} in {t}", "cols")
        return tables, rows, cols


class Identity(Kind):
    """An equation between cells, evaluated for each column, each row, or once."""

    name = "identity"
    fields = frozenset({"table", "row", "col", "lhs", "rhs", "diff", "lhs_terms", "rhs_terms", "hint"})
    params = {
        "table": ((str,), True), "equation": ((str,), True), "each": ((str,), False),
        "rows": ((str, list), False), "cols": ((str, list), False), "tolerance": ((int, float), False),
        "anchor": ((str,), False),
    }

    def build(self, params: dict[str, Any], rule: Any):
        table_id = table_param(params)
        each = one_of(params, "each", ("row", "column", "none"), "none")
        try:
            node = expr.parse(params["equation"])
        except expr.ExprError as e:
            raise ParamError(f"equation: {e} (at character {e.pos + 1})", "equation") from None
        if node[0] != "cmp":
            raise ParamError("equation must compare two sides, e.g. 'total == a + b'", "equation")
        rows_sel, cols_sel = str_list(params, "rows"), str_list(params, "cols")
        known_rows, known_cols = row_ids(table_id), col_ids(table_id)
        for n in expr.names(node):
            parts = n.split(".")
            ok = (len(parts) == 2 and parts[0] in known_rows and parts[1] in known_cols) or (
                len(parts) == 1 and (parts[0] in (known_rows if each in ("column",) else known_cols)))
            if not ok:
                raise ParamError(f"equation: unknown name {n!r} for {table_id} with each={each}", "equation")
        tolerance = float(params.get("tolerance", 0))
        anchor = params.get("anchor")
        op, lhs_node, rhs_node = node[1], node[2], node[3]
        bound: dict[str, list[tuple]] = {}   # spec version -> instances

        def instances(spec: TableSpec) -> list[tuple]:
            out = []
            if each == "column":
                loop = [("", c.id) for c in spec.cols if not cols_sel or c.id in cols_sel]
            elif each == "row":
                loop = [(r, "") for r in _expand_rows(spec, rows_sel)]
            else:
                loop = [("", "")]
            for row, col in loop:
                def resolve(name: str, row: str = row, col: str = col) -> list[tuple[str, str]]:
                    parts = name.split(".")
                    if len(parts) == 2:
                        keys = [(r, parts[1]) for r in _expand_rows(spec, (parts[0],))]
                    elif each == "column":
                        keys = [(r, col) for r in _expand_rows(spec, (name,))]
                    else:
                        keys = [(row, name)]
                    for k in keys:
                        r = spec.row_by_id.get(k[0])
                        if r is None or k[1] not in spec.row_cols(r):
                            raise KeyError(k)
                    if not keys:
                        raise KeyError(name)
                    return keys
                try:
                    lf, lkeys = expr.bind(lhs_node, resolve)
                    rf, rkeys = expr.bind(rhs_node, resolve)
                except KeyError:
                    continue    # this layout lacks a cell the equation needs: not applicable here
                akey = resolve(anchor)[0] if anchor else lkeys[0] if lkeys else rkeys[0]
                out.append((row, col, lf, rf, lkeys, rkeys, akey, resolve))
            return out

        def check(report: Report, ctx: Context) -> Iterator[Hit]:
            table = report.table(table_id)
            if table is None:
                return
            spec = table.spec
            inst = bound.get(spec.version)
            if inst is None:
                inst = bound[spec.version] = instances(spec)
            get = table.numbers().get
            for row, col, lf, rf, lkeys, rkeys, akey, resolve in inst:
                a, b = lf(get), rf(get)
                if a is None or b is None or expr.compare(op, a, b, tolerance):
                    continue
                cells = table.cells
                related = tuple(cells[k].loc for k in (*lkeys, *rkeys) if k != akey and cells[k].loc)
                args = place_args(table_id, row or akey[0], col or akey[1])
                diff = a - b
                args.update(lhs=shown(a), rhs=shown(b), diff=shown(abs(diff)),
                            lhs_terms=expr.render(lhs_node, resolve, get, shown),
                            rhs_terms=expr.render(rhs_node, resolve, get, shown),
                            hint=_split_hint(report, table_id, row))
                yield Hit(cells[akey].loc, Place(table=table_id, row=row or akey[0], col=col or akey[1]),
                          args, related)
        return check


def _split_hint(report: Report, table_id: str, row: str) -> Tr:
    """What the reader saw of a number cut in two on this row (a "split-cell" note): a hint."""
    note = next((n for n in report.notes if n.code == "split-cell" and n.args.get("table_id") == table_id
                 and n.args.get("row") == row and row), None)
    if note is None:
        return Tr("", "")
    a, b, ab = note.args.get("label"), note.args.get("found"), note.args.get("expected")
    return Tr(f"；若「{a}」「{b}」是被拆成两格的同一个数「{ab}」，本行即平衡",
              f"; if \"{a}\" and \"{b}\" are one number, {ab}, cut into two cells, the row adds up")


class Range(_CellSelection):
    """Numeric cells within bounds (and integral where counts are)."""

    name = "range"
    fields = frozenset({"table", "row", "col", "value", "min", "max"})
    params = {"table": ((str, list), False), "rows": ((str, list), False), "cols": ((str, list), False),
              "min": ((int, float), False), "max": ((int, float), False), "integer": ((bool,), False)}

    def build(self, params: dict[str, Any], rule: Any):
        tables, rows, cols = self._select(params)
        lo, hi = params.get("min"), params.get("max")
        integer = bool(params.get("integer", False))
        if lo is None and hi is None and not integer:
            raise ParamError("give at least one of 'min', 'max', 'integer'")

        def check(report: Report, ctx: Context) -> Iterator[Hit]:
            for table, cell in _selected_cells(report, tables, rows, cols):
                v = cell.value
                if v is None:
                    continue
                if (lo is not None and v < lo) or (hi is not None and v > hi) or (integer and v != int(v)):
                    yield _cell_hit(table, cell, value=cell.raw if cell.raw is not None else v, min=lo, max=hi)
        return check


class CellState(_CellSelection):
    """Cells that are present but hold no number: blank, a placeholder like "/", or text.

    One habit repeated over a table (two columns left blank, "/" down a column) is one finding
    per table and state, naming the cells — not fifty findings that bury the one broken
    identity.  The first cell is the location; the others are related locations."""

    name = "cellstate"
    fields = frozenset({"table", "row", "col", "raw", "state", "what", "count", "cells"})
    params = {"table": ((str, list), False), "rows": ((str, list), False), "cols": ((str, list), False),
              "states": ((str, list), False)}

    def build(self, params: dict[str, Any], rule: Any):
        tables, rows, cols = self._select(params)
        states = str_list(params, "states", (BLANK, PLACEHOLDER, TEXT))
        for s in states:
            if s not in (BLANK, PLACEHOLDER, TEXT):
                raise ParamError(f"unknown state {s!r} (blank, placeholder, text)", "states")

        def check(report: Report, ctx: Context) -> Iterator[Hit]:
            groups: dict[tuple[str, str], list[tuple[Table, Any]]] = {}
            for table, cell in _selected_cells(report, tables, rows, cols):
                if cell.state in states:
                    groups.setdefault((table.id, cell.state), []).append((table, cell))
            for (_, state), found in groups.items():
                yield _group_hit(found, state)
        return check


def _short(raw: str) -> str:
    return raw if len(raw) <= 24 else raw[:23] + "…"


def _group_hit(found: list[tuple[Table, Any]], state: str) -> Hit:
    table, first = found[0]
    cells = [c for _, c in found]
    raws = list(dict.fromkeys(_short(c.raw or "") for c in cells))
    rows = list(dict.fromkeys(c.row for c in cells))
    cols = list(dict.fromkeys(c.col for c in cells))
    label = _STATE_LABELS[state]
    shown = "" if state == BLANK else "「" + "」「".join(raws[:3]) + "」"
    hit = _cell_hit(table, first, raw=raws[0], state=label, what=Tr(label.zh + shown, label.en + " " + shown),
                    count=len(cells), cells=_describe_cells(table.id, rows, cols, len(cells)))
    if len(cells) > 1:
        hit.place = Place(table=table.id, row=rows[0] if len(rows) == 1 else "",
                          col=cols[0] if len(cols) == 1 else "")
        hit.related = tuple(c.loc for c in cells[1:] if c.loc is not None)
    return hit


def _describe_cells(table: str, rows: list[str], cols: list[str], count: int) -> Tr:
    """「row」/「col」 for one cell; for many, which rows and columns they stand in."""
    def names(ids: list[str], label: Any, lang: str) -> str:
        shown = [label(table, i, lang) for i in ids[:3]]
        if lang == "zh":
            return "、".join(f"「{s}」" for s in shown) + (f"等 {len(ids)} {'行' if label is row_label else '列'}"
                                                          if len(ids) > 3 else "")
        return ", ".join(f'"{s}"' for s in shown) + (f" and {len(ids) - 3} more" if len(ids) > 3 else "")

    if count == 1:
        return Tr(f"「{row_label(table, rows[0], 'zh')}」/「{col_label(table, cols[0], 'zh')}」",
                  f'"{row_label(table, rows[0], "en")}" / "{col_label(table, cols[0], "en")}"')
    return Tr(f"共 {count} 个单元格（行：{names(rows, row_label, 'zh')}；列：{names(cols, col_label, 'zh')}）",
              f"{count} cells (rows {names(rows, row_label, 'en')}; columns {names(cols, col_label, 'en')})")


_AMOUNTS = ("amount", "procurement_amount")      # money, not counts (251000元 is the 2019 table's habit)


class UnitCell(_CellSelection):
    """Count cells written with a measure word ("2笔", "3个"): the figure is read, the word is a
    slip, said once per table like a blank habit."""

    name = "unitcell"
    fields = CellState.fields
    params = {"table": ((str, list), False), "rows": ((str, list), False), "cols": ((str, list), False)}

    def build(self, params: dict[str, Any], rule: Any):
        tables, rows, cols = self._select(params)

        def check(report: Report, ctx: Context) -> Iterator[Hit]:
            found: dict[str, list[tuple[Table, Any]]] = {}
            for table, cell in _selected_cells(report, tables, rows, cols):
                if cell.state == NUMBER and cell.col not in _AMOUNTS and counted_with_unit(cell.raw):
                    found.setdefault(table.id, []).append((table, cell))
            for cells in found.values():
                yield _group_hit(cells, NUMBER)
        return check


APPLICANTS = Checks("applicants", {"table", "more", "less", "diff", "col", "row"})
_BALANCE_IN = ("new_received", "carried_over_prev")
_BALANCE_OUT = ("result_total", "carried_forward")


@APPLICANTS.register("T3-WRONG-COLUMN")
def wrong_column(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """Two applicant columns that fail table 3's balance by opposite amounts while the 总计 column
    holds: requests booked under the wrong kind of applicant — one finding naming both columns,
    in place of two T3-BALANCE findings (it supersedes them)."""
    t3 = report.table("t3")
    if t3 is None:
        return
    get = t3.numbers().get
    deltas: dict[str, Any] = {}
    for col in (c.id for c in t3.spec.cols):
        values = [get((r, col)) for r in (*_BALANCE_IN, *_BALANCE_OUT)]
        if None in values:
            return
        deltas[col] = values[0] + values[1] - values[2] - values[3]
    off = [c for c, d in deltas.items() if d and c != "total"]
    if deltas.get("total") != 0 or len(off) != 2 or deltas[off[0]] + deltas[off[1]] != 0:
        return
    more, less = sorted(off, key=lambda c: -deltas[c])
    cell = t3.cell("new_received", more)
    yield Hit(cell.loc if cell is not None else t3.loc, Place(table="t3", col=more), place_args("t3") | {
        "more": both(col_label, "t3", more), "less": both(col_label, "t3", less), "diff": shown(deltas[more])},
        related=tuple(c.loc for c in (t3.cell("new_received", less),) if c is not None and c.loc),
        covers=(Place(table="t3", col=more), Place(table="t3", col=less)))
