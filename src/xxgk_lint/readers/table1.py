"""The statistics table of the reports before 2019 (t1): 指标名称 | 计量单位 | 本年度 | 历年累计 (some
provinces add a 代码 column or leave out the cumulative one).  Rows are matched by label ("其中：
1.当面申请数" is 当面申请数); the header, where there is one, says which cells are this year's and
which the cumulative figures; without one, the figures of a row are taken in that order."""

from __future__ import annotations

import re

from ..model import NUMBER, Note, Table
from ..template import TEMPLATE_PRE2019
from ..values import parse_cell
from .blocks import Grid
from .labels import match
from .tablebuild import Builder, distinct, nonempty

_LEAD = re.compile(r"^\s*(?:其中\s*[:：]?\s*)?")
_YEAR = re.compile(r"(?:19|20)\d{2}\s*年度?(?:数量|数)?")      # a header's "2017年度" is this year's column


def build_t1(grid: Grid, notes: list[Note]) -> tuple[Table, str]:
    b = Builder("t1", grid, notes)
    columns: dict[int, str] = {}         # grid column -> year / cumulative, from the header
    for cells in grid.rows:
        idx = nonempty(cells)
        if not idx:
            continue
        label = cells[idx[0]].text
        found = {k: match("t1", "col", cells[k].text) or ("year" if _YEAR.fullmatch(cells[k].text.strip()) else None)
                 for k in idx[1:]}
        if not columns and any(found.values()) and not any(parse_cell(cells[k].text)[1] == NUMBER for k in idx):
            columns = {k: c for k, c in found.items() if c}
            continue
        row = match("t1", "row", _LEAD.sub("", label))
        if row is None:
            if any(parse_cell(cells[k].text)[1] == NUMBER for k in idx[1:]):
                b.note("unknown-row", cells[idx[0]].loc, label=label.strip())
            continue
        b.row_locs[row] = cells[idx[0]].loc
        if columns:
            for k, col in columns.items():
                if k < len(cells) and cells[k].text.strip():
                    b.put(row, col, cells[k])
            continue
        figures = [c for c in distinct(cells[idx[0] + 1:]) if parse_cell(c.text)[1] == NUMBER]
        for col, cell in zip(("year", "cumulative"), figures):
            b.put(row, col, cell)
    return b.finish(TEMPLATE_PRE2019), TEMPLATE_PRE2019
