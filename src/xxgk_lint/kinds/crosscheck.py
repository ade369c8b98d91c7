"""The crosscheck kind: a number stated in the prose against the table cells it restates.

Precision first: a number is bound only within its clause, to the first quantity with an
allowed measure word after the keyword; approximate numbers (约, 余, 多 …) only ever give info.
"""

from __future__ import annotations

from typing import Any, Iterator

from .. import expr
from ..findings import Hit, Place
from ..labels import place_args
from ..model import Report
from ..values import shown
from ..prose import clauses_with, fold, quantities
from . import Context, Kind, LazyPattern, ParamError, str_list
from .scan import locate, rx, texts, where_param
from .tables import col_ids, row_ids, table_param

# A clause about part of the year ("一季度收到申请9件") or another year is not the annual figure.
_PARTIAL = LazyPattern(r"季度|上半年|下半年|(?<![\d年])\d{1,2}月|[一二三四五六七八九十]{1,2}月|月份|同比|去年|往年|"
                      r"上一?年度?(?!结转)|前一?年")
_DEFAULT_GAP_STOP = r"其中|维持|纠正|撤销|驳回|确认|审结|结果|决定|不予|部分|予以|同比|增长|减少|下降|上升"


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
    fields = frozenset({"value", "expected", "table", "row", "col", "section", "sentence"})
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

        bound: dict[Any, list[tuple[Any, Any]]] = {}     # table layout -> [(fn, first cell key)]

        def expected_values(report: Report):
            table = report.table(table_id)
            if table is None:
                return None, None
            fns = bound.get(table.spec)
            if fns is None:
                fns = bound[table.spec] = []
                for _, node in sides:
                    try:
                        fn, keys = expr.bind(node, resolve(table.spec))
                    except KeyError:
                        continue      # this layout lacks a cell of that alternative
                    fns.append((fn, keys[0]))
            get = table.numbers().get
            values, first_key = [], None
            for fn, key in fns:
                v = fn(get)
                if v is not None:
                    values.append(v)
                    first_key = first_key or key
            return (values or None), (table.cells[first_key] if first_key else None)

        def check(report: Report, ctx: Context) -> Iterator[Hit]:
            values = cell = None
            for text, to_section in texts(report, where):
                folded = None
                for start, end in clauses_with(text, requires):
                    m = keywords.search(text, start, end)
                    if m is None:
                        continue
                    if exclude is not None and exclude.search(text, start, end):
                        continue
                    if not absent and _PARTIAL.search(text, start, end):
                        continue
                    if values is None:
                        values, cell = expected_values(report)
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
                              place_args(table_id, cell.row, cell.col, sec.key) | {"value": shown(value), "expected": shown(values[0]),
                                      "sentence": text[start:end].strip()},
                              (cell.loc,) if cell.loc else ())
                    if q.approx:
                        hit.severity = "info"
                    yield hit
        return check




