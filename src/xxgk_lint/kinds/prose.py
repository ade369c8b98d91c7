"""Kinds over the prose: crosscheck (numbers in sentences against table cells) and the text
checks that need code (brackets, substituted phrases, years, dates, percentages, body name).

Precision first: a number is bound only within its clause, to the first quantity with an
allowed measure word after the keyword; approximate numbers (约, 余, 多 …) only ever give info.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Iterator

from .. import expr
from ..findings import Hit, Place, Tr
from ..labels import col_label, row_label, section_label, table_label
from ..model import Report, Section
from ..prose import fold, percent_value, quantities
from ..template import SECTION_BY_KEY
from . import Context, Kind, LazyPattern, ParamError, one_of, regex, str_list
from .tables import _known_cols, _known_rows, _table_param

# A clause about part of the year ("一季度收到申请9件") or another year is not the annual figure.
_PARTIAL = LazyPattern(r"季度|上半年|下半年|(?<![\d年])\d{1,2}月|[一二三四五六七八九十]{1,2}月|月份|同比|去年|往年|"
                      r"上一?年度?(?!结转)|前一?年")
_DEFAULT_GAP_STOP = r"其中|维持|纠正|撤销|驳回|确认|审结|结果|决定|不予|部分|予以|同比|增长|减少|下降|上升"


def _texts(report: Report, where: tuple[str, ...]) -> list[tuple[str, Any]]:
    """(text, to_section) pairs to scan; to_section(pos) gives (section, offset in it).  All
    sections are scanned as one text: one regex pass instead of one per section."""
    if "all" in where:
        corpus = report.corpus()
        return [(corpus.text, corpus.section_at)]
    keys = {int(w) for w in where if w.isdigit()} | ({0} if "preamble" in where else set())
    return [(s.text, lambda pos, s=s: (s, pos)) for s in report.sections if s.key in keys]


def _locate(to_section: Any, start: int, end: int) -> tuple[Section, Any]:
    sec, off = to_section(start)
    return sec, sec.locate(off, off + (end - start))


def _where_param(params: dict[str, Any]) -> tuple[str, ...]:
    where = str_list(params, "in", ("all",))
    for w in where:
        if w not in ("all", "preamble") and not (w.isdigit() and int(w) in SECTION_BY_KEY):
            raise ParamError("'in' takes section numbers 1-6, preamble or all", "in")
    return where


def _rx(params: dict[str, Any], key: str, default: str | None = None) -> Any:
    return regex(params.get(key, default), key)


def _num(v: float) -> int | float:
    return int(v) if float(v).is_integer() else round(v, 6)


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
        table_id = _table_param(params)
        where = _where_param(params)
        keywords = _rx(params, "keywords")
        requires = tuple(str(params["requires"]).split("|"))
        exclude = _rx(params, "exclude")
        gap_stop = _rx(params, "gap_stop", _DEFAULT_GAP_STOP)
        units = set(str(params.get("units", "件")).split("|"))
        scale = {str(k): float(v) for k, v in (params.get("scale") or {}).items()}
        units |= set(scale)
        gap = int(params.get("gap", 12))
        absent = bool(params.get("absent", False))
        tolerance = float(params.get("tolerance", 0))
        known_rows, known_cols = _known_rows(table_id), _known_cols(table_id)
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
            for text, to_section in _texts(report, where):
                folded = None
                for start, end in _clauses_with(text, requires):
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
                            sec, loc = _locate(to_section, m.start(), m.end())
                            yield Hit(loc, Place(table=table_id, row=cell.row, col=cell.col, section=sec.key),
                                      _base_args(table_id, cell, sec)
                                      | {"value": 0, "expected": _num(values[0]), "sentence": m.group(0)},
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
                    sec, loc = _locate(to_section, q.start, q.end)
                    hit = Hit(loc, Place(table=table_id, row=cell.row, col=cell.col, section=sec.key),
                              _base_args(table_id, cell, sec) | {"value": _num(value), "expected": _num(values[0]),
                                      "sentence": text[start:end].strip()},
                              (cell.loc,) if cell.loc else ())
                    if q.approx:
                        hit.severity = "info"
                    yield hit
        return check


_CLAUSE_PUNCT = "，。；;！？!?\n,"     # a thousands separator may end a clause early: a miss, not an alarm
_PUNCT = re.compile("[" + re.escape(_CLAUSE_PUNCT) + "]")
_REACH = 80      # a clause longer than this is read as its 80 characters around the word


def _clause_around(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the clause holding text[pos]."""
    lo, hi = max(pos - _REACH, 0), min(pos + _REACH, len(text))
    start = lo
    for m in _PUNCT.finditer(text, lo, pos):
        start = m.end()
    m = _PUNCT.search(text, pos, hi)
    return start, m.start() if m else hi


def _clauses_with(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """The clauses (start, end) that contain one of the words, each once, in order — found
    from the words' occurrences, so a text without them costs a substring search."""
    spans: set[tuple[int, int]] = set()
    for word in words:
        pos = text.find(word)
        while pos >= 0:
            spans.add(_clause_around(text, pos))
            pos = text.find(word, pos + len(word))
    return sorted(spans)


def _base_args(table_id: str, cell: Any, sec: Section) -> dict[str, Any]:
    return {"table": Tr(table_label(table_id, "zh"), table_label(table_id, "en")),
            "row": Tr(row_label(table_id, cell.row, "zh"), row_label(table_id, cell.row, "en")),
            "col": Tr(col_label(table_id, cell.col, "zh"), col_label(table_id, cell.col, "en")),
            "section": Tr(section_label(sec.key, "zh"), section_label(sec.key, "en"))}


# --------------------------------------------------------------------------- text checks
_OPEN = {"《": "》", "（": "）", "“": "”", "【": "】", "〔": "〕"}
_OPENER_OF = {v: k for k, v in _OPEN.items()}
_BRACKET = re.compile(r"[《》（）()“”【】〔〕]")
_LIST_MARK = re.compile(r"(?:^|[\s，。；：:])[0-9A-Za-z一二三四五六七八九十]$")


def _bracket_problems(text: str) -> Iterator[tuple[int, str]]:
    """(offset, bracket) of each bracket without its partner, paragraph by paragraph.
    Half- and full-width parentheses close each other; "1)" list markers are not brackets."""
    for para_start, para in _paragraphs(text):
        stack: list[tuple[int, str, str]] = []
        for bm in _BRACKET.finditer(para):
            i, ch = bm.start(), bm.group(0)
            c = "（" if ch == "(" else "）" if ch == ")" else ch
            if c in _OPEN:
                stack.append((i, ch, c))
            elif c in _OPENER_OF:
                opener = _OPENER_OF[c]
                k = next((j for j in range(len(stack) - 1, -1, -1) if stack[j][2] == opener), None)
                if k is None:
                    if not (c == "）" and _LIST_MARK.search(para[:i])):
                        yield para_start + i, ch
                    continue
                for pos, b, _ in stack[k + 1:]:     # opened inside and never closed
                    yield para_start + pos, b
                del stack[k:]
        for pos, b, _ in stack:
            yield para_start + pos, b


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


class Brackets(Kind):
    """《》（）“”【】〔〕 that open without closing, or close without opening, in one paragraph."""

    name = "brackets"
    fields = frozenset({"bracket", "section", "context"})
    params = {"in": ((str, int, list), False)}

    def build(self, params: dict[str, Any], rule: Any):
        where = _where_param(params)

        def check(report: Report, ctx: Context) -> Iterator[Hit]:
            for text, to_section in _texts(report, where):
                for pos, b in _bracket_problems(text):
                    sec, loc = _locate(to_section, pos, pos + 1)
                    yield Hit(loc, Place(section=sec.key),
                              {"bracket": b, "context": text[max(pos - 8, 0):pos + 12].replace("\n", " ")})
        return check


class Substitution(Kind):
    """A long phrase that a publishing system put in place of a common word ("数据", "信息"):
    the same enumeration repeated where only that word fits (所列…的统计期限, …库, …安全)."""

    name = "substitution"
    fields = frozenset({"phrase", "count", "section"})
    params = {"min_length": ((int,), False), "min_count": ((int,), False), "contexts": ((str,), True)}

    def build(self, params: dict[str, Any], rule: Any):
        min_len, min_count = int(params.get("min_length", 8)), int(params.get("min_count", 3))
        contexts = _rx(params, "contexts")
        core_rx = LazyPattern(r"、(?:[\u4e00-\u9fff]{2,16}、)+")

        def check(report: Report, ctx: Context) -> Iterator[Hit]:
            texts = [s.text for s in report.sections]
            cores: dict[str, int] = {}
            for text in texts:        # the middle of each enumeration: "、乙局、丙局、"
                if text.count("、") < 2:
                    continue
                for m in core_rx.finditer(text):
                    cores[m.group(0)] = cores.get(m.group(0), 0) + 1
            for core, n in cores.items():
                if n < min_count:
                    continue
                spots = [(k, i) for k, text in enumerate(texts) for i in _find_all(text, core)]
                left = _common(reversed(texts[k][max(i - 12, 0):i]) for k, i in spots)[::-1]
                right = _common(texts[k][i + len(core):i + len(core) + 12] for k, i in spots)
                phrase = left + core + right
                if len(phrase) < min_len:
                    continue
                for k, i in spots:
                    a, b = i - len(left), i + len(core) + len(right)
                    around = texts[k][max(a - 4, 0):a] + "\0" + texts[k][b:b + 6]
                    if contexts.search(around):
                        sec = report.sections[k]
                        yield Hit(sec.locate(a, b), Place(section=sec.key), {"phrase": phrase, "count": len(spots)})
        return check


def _find_all(text: str, sub: str) -> Iterator[int]:
    i = text.find(sub)
    while i >= 0:
        yield i
        i = text.find(sub, i + len(sub))


def _common(strings: Iterator[Any]) -> str:
    """Longest common prefix of the strings (iterables of characters)."""
    items = ["".join(s) for s in strings]
    if not items:
        return ""
    out = []
    for chars in zip(*items):
        if len(set(chars)) != 1 or not "\u4e00" <= chars[0] <= "\u9fff":
            break
        out.append(chars[0])
    return "".join(out)


_DATES = (LazyPattern(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"),
          LazyPattern(r"(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)"))
_OPENING_YEAR = LazyPattern(r"^\s*(\d{4})\s*年(?:度)?\s*[,，]")


class Dates(Kind):
    """``check: exists``: a date that cannot exist (2023年2月30日).  ``check: opening_year``: the
    overview opens with a year that is not the report's ("2022年，我局…" in a 2023 report)."""

    name = "dates"
    fields = frozenset({"date", "year", "written", "section"})
    params = {"check": ((str,), True)}

    def build(self, params: dict[str, Any], rule: Any):
        mode = one_of(params, "check", ("exists", "opening_year"))

        def check(report: Report, ctx: Context) -> Iterator[Hit]:
            if mode == "exists":
                corpus = report.corpus()
                text = corpus.text
                for rx, mark in zip(_DATES, ("日", "-")):
                    if mark not in text:
                        continue
                    for m in rx.finditer(text):
                        y, mo, d = (int(x) for x in m.group(1, 2, 3))
                        try:
                            dt.date(y, mo, d)
                        except ValueError:
                            sec, loc = _locate(corpus.section_at, m.start(), m.end())
                            yield Hit(loc, Place(section=sec.key), {"date": m.group(0)})
                return
            year = report.meta.year
            sec = report.section(1)
            if year is None or sec is None or report.meta.year_source == "text":
                return
            for off, para in _paragraphs(sec.text):
                m = _OPENING_YEAR.match(para)
                if m:
                    if int(m.group(1)) != year:
                        yield Hit(sec.locate(off + m.start(1), off + m.end(1)), Place(section=1),
                                  {"written": int(m.group(1)), "year": year})
                    return       # only the opening of the overview
        return check


class Percent(Kind):
    """Percentages outside 0–100 where a share is meant (rates), not a change (增长150%)."""

    name = "percent"
    fields = frozenset({"value", "section"})
    params = {"change_words": ((str,), False)}

    def build(self, params: dict[str, Any], rule: Any):
        change = _rx(params, "change_words", r"增长|增加|提高|提升|上升|下降|减少|降低|同比|环比|增幅|降幅|超")

        def check(report: Report, ctx: Context) -> Iterator[Hit]:
            corpus = report.corpus()
            text = corpus.text
            if "%" not in text and "％" not in text and "百分之" not in text:
                return
            for value, s, e in percent_value(text):
                if 0 <= value <= 100:
                    continue
                start, end = _clause_around(text, s)
                if not change.search(text, start, end):
                    sec, loc = _locate(corpus.section_at, s, e)
                    yield Hit(loc, Place(section=sec.key), {"value": _num(value)})
        return check


_SUBJECT = LazyPattern(r"^\s*\d{4}\s*年(?:度)?\s*[,，]\s*([\u4e00-\u9fff]{2,20}?(?:人民政府办公室|人民政府|委员会|局|委|办公室|办|中心|厅))"
                      r"(?=坚持|深入|认真|全面|紧紧|紧扣|围绕|持续|以|在|按照|严格|始终|聚焦|立足|贯彻|不断)")


class BodyName(Kind):
    """The overview names another body as the one reporting ("2023年，示例县卫健局坚持…" in the
    report of 示例县教育局): text copied from another body's report."""

    name = "body_name"
    fields = frozenset({"named", "body"})
    params = {}

    def build(self, params: dict[str, Any], rule: Any):
        def check(report: Report, ctx: Context) -> Iterator[Hit]:
            body = report.meta.body
            sec = report.section(1)
            if not body or sec is None or report.meta.body_source not in ("title", "metadata"):
                return
            for off, para in _paragraphs(sec.text):
                m = _SUBJECT.match(para)
                if m:
                    named = m.group(1)
                    if named not in body and body not in named and not _same_place_body(named, body):
                        yield Hit(sec.locate(off + m.start(1), off + m.end(1)), Place(section=1),
                                  {"named": named, "body": body})
                    return
        return check


def _same_place_body(named: str, body: str) -> bool:
    """"县政府" for "示例县人民政府", "本局": names of the body itself written short; a
    government's report is written by its office ("市人民政府办公室" for 示例市人民政府)."""
    if named.endswith(("政府办公室", "政府办")) and body.endswith("政府"):
        named = named[:-3] if named.endswith("办公室") else named[:-1]
    return named.replace("人民政府", "政府") in body.replace("人民政府", "政府") or \
        body.replace("人民政府", "政府").endswith(named.replace("人民政府", "政府"))
