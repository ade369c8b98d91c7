"""Table 2 (主动公开政府信息情况) from a grid: its sub-tables' headers name the columns, the row
labels the rows, in either template version; a header cut past reading is mapped by position
where the row labels make it certain."""

from __future__ import annotations

import re

from ..model import Location, Note, Table
from ..normalize import label_key
from ..record import Tr
from ..template import detect, table_spec
from ..values import is_value_like
from .blocks import Grid, RawCell
from .labels import match, merge_broken_rows
from .tablebuild import Builder, after, distinct, nonempty, take


def build_t2(grid: Grid, notes: list[Note]) -> tuple[Table, str]:
    b = Builder("t2", grid, notes)
    header: list[str | None] | None = None
    header_at: Location | None = None
    seen_rows: set[str] = set()
    seen_cols: set[str] = set()          # the evidence for the version (template.detect)
    for cells in merge_broken_rows(grid.rows, "t2"):
        idx = nonempty(cells)
        if not idx:
            continue
        i0 = idx[0]
        first = label_key(cells[i0].text)
        if first == "信息内容":
            heads = [c for c in distinct(cells[after(cells, i0):]) if c.text.strip()]
            header = [_column(b, c) for c in heads]
            header_at = heads[0].loc if heads else cells[i0].loc
            seen_cols.update(c for c in header if c is not None)
            continue
        if first.startswith("第二十条") or first.startswith("第") and first.endswith("项"):
            header = None
            continue
        row = match("t2", "row", cells[i0].text) or (b.near("row", cells[i0]) if len(idx) > 1 else None)
        if row is None:
            if len(idx) > 1 and not is_value_like(cells[i0].text):
                b.note("unknown-row", cells[i0].loc, label=cells[i0].text.strip())
            continue
        seen_rows.add(row)
        b.row_locs[row] = cells[i0].loc
        row_cols = list(_t2_default_cols(row, detect("t2", seen_rows, seen_cols)))
        values = distinct(cells[after(cells, i0):])
        if header and None in header:       # a header cell cut or garbled past reading
            header = _by_position(b, header, row_cols, header_at, len(values))
        row_cols = header or row_cols
        for col, cell in zip(row_cols, take(distinct(cells[after(cells, i0):]), 0, len(row_cols))):
            if col is not None and cell is not None:
                b.put(row, col, cell)
    version = detect("t2", seen_rows, seen_cols)
    return b.finish(version), version


_HEADED_YEAR = re.compile(r"^\s*((?:19|20)\d{2})\s*年度?\s*")


def _column(b: Builder, cell: RawCell) -> str | None:
    """The column a header cell names; a year put in front of it ("2022年本年制发件数") is read
    past and noted (TEXT-YEAR-STATS compares it with the report's year)."""
    found = match("t2", "col", cell.text) or b.near("col", cell)
    m = _HEADED_YEAR.match(cell.text) if found is None else None
    if m is not None:
        found = match("t2", "col", cell.text[m.end():]) or b.near("col", RawCell(cell.text[m.end():], cell.loc))
        if found is not None and "header-year" not in b.said:
            b.said.add("header-year")
            b.note("header-year", cell.loc, year=int(m.group(1)), label=cell.text.strip())
    return found


def _by_position(b: Builder, header: list[str | None], template: list[str], at: Location | None,
                 values: int) -> list[str | None]:
    """A header with cells nothing can be read from ("本年新" | "本年新" | "对外公开总数量", or two
    of them run into one): its columns are the template's for the row, by position, when the row
    has as many values as the template has columns and every header cell that was read stands in
    the template's order — a recovery, so the columns not read are doubted and the header is
    said once (READ-HEADER)."""
    known = [h for h in header if h is not None]
    if values != len(template) or len(header) > len(template) or known != [t for t in template if t in known]:
        return header
    why = Tr("表头残缺，按模板列序读取", "the header is cut; its columns are the template's, by position")
    for t in template:
        if t not in known:
            b.doubt_cols[t] = why
    if "header-position" not in b.said:
        b.said.add("header-position")
        b.note("header-position", at, found=len([h for h in header if h is None]))
    return list(template)


def _t2_default_cols(row: str, version: str) -> tuple[str, ...]:
    """A row's columns when the table prints no header: those of the version read so far."""
    spec = table_spec("t2", version)
    r = spec.row_by_id.get(row)
    return spec.row_cols(r) if r else ()
