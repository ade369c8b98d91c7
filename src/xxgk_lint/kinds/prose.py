"""Kinds over the prose: the text checks that need code (brackets, substituted phrases, years,
dates, percentages, body name), and the helpers every prose kind uses to scan sections and
point into them (crosscheck.py and claims.py build on them)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Iterator

from ..findings import Hit, Place
from ..model import Report, Section
from ..values import shown
from ..prose import clause_around, percent_value
from ..template import SECTION_BY_KEY
from . import Context, Kind, LazyPattern, ParamError, one_of, regex, str_list



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
                start, end = clause_around(text, s)
                if not change.search(text, start, end):
                    sec, loc = _locate(corpus.section_at, s, e)
                    yield Hit(loc, Place(section=sec.key), {"value": shown(value)})
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
