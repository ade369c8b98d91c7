"""The crosscheck kind: a number stated in the prose against the table cells it restates.

Precision first: a number is bound only within its clause, to the first quantity with an
allowed measure word after the keyword; approximate numbers (约, 余, 多 …) only ever give info.
"""

from __future__ import annotations

from typing import Any, Iterator

from .. import expr
from ..findings import Hit, Place
from ..labels import col_label, place_args, row_label
from ..model import BLANK, NUMBER, Report
from ..record import Tr
from ..values import shown
from ..prose import clauses_with, fold, quantities
from . import Context, Kind, LazyPattern, ParamError, str_list
from .scan import locate, rx, texts, where_param
from .tables import col_ids, row_ids, table_param

# A clause about part of the year ("一季度收到申请9件") or another year is not the annual figure.
_PARTIAL = LazyPattern(r"季度|上半年|下半年|(?<![\d年])\d{1,2}月|[一二三四五六七八九十]{1,2}月|月份|同比|去年|往年|"
                      r"上一?年度?(?!结转)|前一?年")
_DEFAULT_GAP_STOP = r"其中|维持|纠正|撤销|驳回|确认|审结|结果|决定|不予|部分|予以|同比|增长|减少|下降|上升"


DERIVED = Tr("表三「总计」列有空白，总数按各列相加（空白按0计）", "table 3's total column is blank; totals are the "
             "sum of the columns (blank taken as 0)")


def _in_column(resolve: Any, col: str) -> Any:
    """A resolver that reads a figure's cells in one applicant column instead of the total."""
    return lambda name: [(row, col) for row, _ in resolve(name)]


def _with_derived_totals(table: Any, derived: list[bool]) -> Any:
    """Table 3's numbers, where a row's 总计 cell is blank its columns' sum (blank as 0) — a
    reading the table does not state, so ``derived`` records that it was used."""
    numbers = table.numbers()
    cols = [c.id for c in table.spec.cols if c.id != "total"]

    def get(key: tuple[str, str]) -> Any:
        v = numbers.get(key)
        if v is not None or key[1] != "total":
            return v
        total = table.cells.get(key)
        row = [table.cells.get((key[0], c)) for c in cols]
        if total is None or total.state != BLANK or any(c is None or c.state not in (NUMBER, BLANK) for c in row):
            return None
        if not any(c.state == NUMBER for c in row):
            return None
        derived.append(True)
        return sum(c.value for c in row if c.state == NUMBER)
    return get


def _one_column(value: Any, values: list[Any], by_column: dict[tuple[str, str], set]) -> Tr:
    """A hint when the prose figure is the figure of one applicant column only (自然人), or of one
    row of the figure in one column: the text quoted a column as the total.  Small figures match
    by chance and get none."""
    hits = [k for k, vs in by_column.items() if any(v is not None and abs(v - value) < 1e-9 for v in vs)]
    if value < 10 or len(hits) != 1 or any(abs(v - value) < 1e-9 for v in values):
        return Tr("", "")
    col, row = hits[0]
    where = Tr(f"「{row_label('t3', row, 'zh')}」行" if row else "", f"row \"{row_label('t3', row, 'en')}\", " if row else "")
    label = Tr(col_label("t3", col, "zh"), col_label("t3", col, "en"))
    return Tr(f"；{value:g} 恰为{where.zh}「{label.zh}」一列之数，正文可能只计了这一列",
              f"; {value:g} is the figure of {where.en}the \"{label.en}\" column alone: the text may count that column only")


_SENTENCE_START = LazyPattern(r"[。；;！？\n]")
_YEAR_SAID = LazyPattern(r"((?:19|20)\d{2})\s*年(?!\d|月)")


def _another_year(report: Report, text: str, start: int) -> bool:
    """A sentence dated another year than the report's ("2022年，…共制定规范性文件0件" in the 2023
    report): its figures are not the table's (TEXT-YEAR-STATS says when they should have been)."""
    year = report.meta.year
    if year is None:
        return False
    s0 = max((m.end() for m in _SENTENCE_START.finditer(text, max(start - 200, 0), start)), default=max(start - 200, 0))
    m = _YEAR_SAID.search(text, s0, start)
    return m is not None and int(m.group(1)) != year


class Crosscheck(Kind):
    """A number stated in the prose against the table.

    ``requires``: words, one of which every keyword match contains ("申请"), so that only the
    clauses around them are searched; ``keywords``: regex that introduces the number in a clause;
    ``expect``: expressions over
    cells of ``table`` (``row.col``), any of which the number may equal; ``units``: measure words
    the number must carry; ``scale``: {unit: factor} to convert (元 → 万元).  With ``absent``,
    ``keywords`` is a statement of absence ("未发生行政复议") and every ``expect`` must be 0.
    """

    name = "crosscheck"
    fields = frozenset({"value", "expected", "table", "row", "col", "section", "sentence", "hint"})
    params = {"table": ((str,), True), "expect": ((str, list), True), "keywords": ((str,), True),
              "requires": ((str,), True),
              "units": ((str,), False), "exclude": ((str,), False), "gap": ((int,), False),
              "gap_stop": ((str,), False), "absent": ((bool,), False), "in": ((str, int, list), False),
              "scale": ((dict,), False), "tolerance": ((int, float), False)}

    def build(self, params: dict[str, Any], rule: Any):
        table_id = table_param(params)
        where = where_param(params)
        keywords = rx(params, "keywords")
        requires = tuple(str(params["requires"]).split("|"))
        exclude = rx(params, "exclude")
        gap_stop = rx(params, "gap_stop", _DEFAULT_GAP_STOP)
        units = set(str(params.get("units", "件")).split("|"))
        scale = {str(k): float(v) for k, v in (params.get("scale") or {}).items()}
        units |= set(scale)
        gap = int(params.get("gap", 12))
        absent = bool(params.get("absent", False))
        tolerance = float(params.get("tolerance", 0))
        known_rows, known_cols = row_ids(table_id), col_ids(table_id)
        sides = []
        for src in str_list(params, "expect"):
            try:
                node = expr.parse(src)
            except expr.ExprError as e:
                raise ParamError(f"expect: {e}", "expect") from None
            for n in expr.names(node):
                parts = n.split(".")
                if len(parts) != 2 or parts[0] not in known_rows or parts[1] not in known_cols:
                    raise ParamError(f"expect: {n!r} is not a row.column of {table_id}", "expect")
            sides.append((src, node))

        def resolve(spec):
            def r(name: str) -> list[tuple[str, str]]:
                row, col = name.split(".")
                ids = spec.groups.get(row, (row,))
                keys = [(x, col) for x in ids]
                for k in keys:
                    if k[0] not in spec.row_by_id or k[1] not in spec.row_cols(spec.row_by_id[k[0]]):
                        raise KeyError(k)
                return keys
            return r

        bound: dict[Any, list[tuple[Any, Any, dict[str, Any]]]] = {}   # layout -> [(fn, first key, by column)]

        def bind_all(spec):
            out = []
            for _, node in sides:
                try:
                    fn, keys = expr.bind(node, resolve(spec))
                except KeyError:
                    continue          # this layout lacks a cell of that alternative
                columns = {}          # the same figure in one applicant column only (table 3)
                if all(k[1] == "total" for k in keys) and table_id == "t3":
                    for col in spec.col_by_id:
                        if col != "total":
                            columns[(col, "")] = expr.bind(node, _in_column(resolve(spec), col))[0]
                            if len({k[0] for k in keys}) > 1:    # or in one row of it, in one column
                                columns.update({(col, row): (lambda get, key=(row, col): get(key))
                                                for row in dict.fromkeys(k[0] for k in keys)})
                out.append((fn, keys[0], columns))
            return out

        def expected_values(report: Report):
            """(values the figure may equal, the cell to point at, the figure by single column,
            whether a total was derived from the row's columns)."""
            table = report.table(table_id)
            if table is None:
                return None, None, {}, False
            fns = bound.get(table.spec)
            if fns is None:
                fns = bound[table.spec] = bind_all(table.spec)
            numbers = table.numbers()
            derived: list[bool] = []
            get = _with_derived_totals(table, derived) if table_id == "t3" else numbers.get
            values, first_key, by_column = [], None, {}
            for fn, key, columns in fns:
                v = fn(get)
                if v is not None:
                    values.append(v)
                    first_key = first_key or key
                    for k, cfn in columns.items():
                        by_column.setdefault(k, set()).add(cfn(numbers.get))
            return (values or None), (table.cells[first_key] if first_key else None), by_column, bool(derived)

        def check(report: Report, ctx: Context) -> Iterator[Hit]:
            values = cell = None
            by_column: dict[str, set] = {}
            derived = False
            for text, to_section in texts(report, where):
                folded = None
                for start, end in clauses_with(text, requires):
                    m = keywords.search(text, start, end)
                    if m is None:
                        continue
                    if exclude is not None and exclude.search(text, start, end):
                        continue
                    if not absent and (_PARTIAL.search(text, start, end) or _another_year(report, text, start)):
                        continue
                    if values is None:
                        values, cell, by_column, derived = expected_values(report)
                        if values is None:
                            return
                    if absent:
                        if any(v != 0 for v in values):
                            sec, loc = locate(to_section, m.start(), m.end())
                            yield Hit(loc, Place(table=table_id, row=cell.row, col=cell.col, section=sec.key),
                                      place_args(table_id, cell.row, cell.col, sec.key)
                                      | {"value": 0, "expected": shown(values[0]), "sentence": m.group(0)},
                                      (cell.loc,) if cell.loc else ())
                        continue
                    if folded is None:
                        folded = fold(text)
                    q = next((q for q in quantities(text, m.end(), end, folded)
                              if q.unit in units and q.start - m.end() <= gap
                              and not (gap_stop and gap_stop.search(text, m.end(), q.start))), None)
                    if q is None:
                        continue
                    value = q.value * scale.get(q.unit, 1)
                    if any(abs(value - v) <= tolerance + 1e-9 for v in values):
                        continue
                    if q.approx and min(abs(value - v) for v in values) <= 0.1 * max(values):
                        continue     # "约60件" for 64: what "about" means
                    sec, loc = locate(to_section, q.start, q.end)
                    hit = Hit(loc, Place(table=table_id, row=cell.row, col=cell.col, section=sec.key),
                              place_args(table_id, cell.row, cell.col, sec.key)
                              | {"value": shown(value), "expected": shown(values[0]),
                                 "sentence": text[start:end].strip(), "hint": _one_column(value, values, by_column)},
                              (cell.loc,) if cell.loc else (), doubt=DERIVED if derived else None)
                    if q.approx:
                        hit.severity = "info"
                    yield hit
        return check




