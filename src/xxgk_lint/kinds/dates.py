"""Dates and years that must be right: the publication date exists (META-DATE-INVALID), the
statistics period is the report's year (DATE-PERIOD), the title names that year (DATE-TITLE-YEAR),
every date in the prose exists (TEXT-DATE-INVALID) and the overview opens with the report's year
(TEXT-OPENING-YEAR).  One function per rule; the publication deadline is the parametric ``date``
kind (meta.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterator

from ..findings import Hit, Place
from ..labels import YEAR_SOURCES, both, section_label, table_label
from ..record import Tr
from ..model import Report
from . import Checks, Context, LazyPattern
from .scan import locate, paragraphs

DATES = Checks("dates", {"date", "year", "written", "section", "raw", "start", "end", "expected_start",
                         "expected_end", "evidence"})
_IN_TEXT = (LazyPattern(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"),
            LazyPattern(r"(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)"))
_OPENING_YEAR = LazyPattern(r"^\s*(\d{4})\s*年(?:度)?\s*[,，]")


@DATES.register("META-DATE-INVALID")
def published_exists(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """A publication date that does not exist (2023年2月30日), kept as written."""
    meta = report.meta
    if meta.published is None and meta.published_raw:
        yield Hit(meta.published_loc, Place(field="published"), {"raw": meta.published_raw})


@DATES.register("DATE-PERIOD")
def period(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """The statistics period is exactly 1 January – 31 December of the report's year."""
    meta, year = report.meta, report.meta.year
    start, end = meta.period_start, meta.period_end
    if year is None or start is None or end is None:
        return
    exp_s, exp_e = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if (start, end) != (exp_s, exp_e):
        yield Hit(meta.period_loc, Place(field="period"), {
            "start": start.isoformat(), "end": end.isoformat(), "year": year,
            "expected_start": exp_s.isoformat(), "expected_end": exp_e.isoformat()},
            doubt=meta.doubts.get("period") or meta.doubts.get("year"))


@DATES.register("META-PERIOD-MALFORMED")
def period_malformed(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """A period written with 年 or 月 dropped ("20231月1日"): read as meant, and said."""
    why = report.meta.doubts.get("period")
    if why is not None and report.meta.period_start is not None:
        yield Hit(report.meta.period_loc, Place(field="period"), {"raw": why})


@DATES.register("DATE-TITLE-YEAR")
def title_year(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """A title naming another year than the report's (decided from all the evidence)."""
    meta, year = report.meta, report.meta.year
    written = _title_year(meta)
    if year is not None and written is not None and written != year:
        yield Hit(meta.title_loc, Place(field="title"), {"written": written, "year": year, "evidence": _evidence(meta)})


@DATES.register("TEXT-DATE-INVALID")
def text_dates_exist(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """A date in the prose that cannot exist (2023年2月30日, 2023-13-01)."""
    corpus = report.corpus()
    text = corpus.text
    for rx, mark in zip(_IN_TEXT, ("日", "-")):
        if mark not in text:
            continue
        for m in rx.finditer(text):
            y, mo, d = (int(x) for x in m.group(1, 2, 3))
            try:
                dt.date(y, mo, d)
            except ValueError:
                sec, loc = locate(corpus.section_at, m.start(), m.end())
                yield Hit(loc, Place(section=sec.key), {"date": m.group(0)})


@DATES.register("TEXT-OPENING-YEAR")
def opening_year(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """The overview opening with a year that is not the report's ("2022年，我局…" in a 2023 report);
    not when the report's year was itself inferred from the text."""
    year = report.meta.year
    sec = report.section(1)
    if year is None or sec is None or report.meta.year_source == "text":
        return
    for off, para in paragraphs(sec.text):
        m = _OPENING_YEAR.match(para)
        if m:
            if int(m.group(1)) != year:
                yield Hit(sec.locate(off + m.start(1), off + m.end(1)), Place(section=1),
                          {"written": int(m.group(1)), "year": year})
            return       # only the opening of the overview


def _title_year(meta: Any) -> int | None:
    return next((y for src, y in meta.year_evidence if src == "title"), None)



def _evidence(meta: Any) -> Tr:
    """The sources that agree on the report's year: "统计期限、正文开头、发布日期"."""
    srcs = list(dict.fromkeys(src for src, y in meta.year_evidence if y == meta.year))
    return Tr("、".join(YEAR_SOURCES[s].zh for s in srcs), ", ".join(YEAR_SOURCES[s].en for s in srcs))


_SENTENCE_YEAR = LazyPattern(r"(?:^|(?<=[。；;！？]))\s*(?:[（(][一二三四五六七八九十][）)][^。；]{0,16}?[。：:\s]\s*)?"
                             r"((?:19|20)\d{2})\s*年度?\s*[,，]?")
_COMPARED = LazyPattern(r"较|比|同比|相比|增长|减少|下降|上升|去年|上年|以来|截至|截止")
_COUNTED = LazyPattern(r"\d+\s*(?:条|件|篇|期|次|个|项)")
_PLANNED = LazyPattern(r"将|计划|拟|继续|要|力争")


def _sentences_opening_with_a_year(report: Report, keys: tuple[int, ...]) -> Iterator[tuple[Any, int, Any, str]]:
    """(section, year, match, sentence) for each sentence of the sections that opens with a year."""
    for key in keys:
        sec = report.section(key)
        if sec is None:
            continue
        for m in _SENTENCE_YEAR.finditer(sec.text):
            end = next((k for k in range(m.end(), len(sec.text)) if sec.text[k] in "。；;！？\n"), len(sec.text))
            yield sec, int(m.group(1)), m, sec.text[m.end():end]


@DATES.register("TEXT-YEAR-STATS")
def stats_year(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """A statistics sentence of the year's work dated the year before ("2022年，全年主动公开…158条"
    in the 2023 report): last year's text left in.  A comparison with last year is no such
    sentence, and the overview's opening is TEXT-OPENING-YEAR's."""
    year = report.meta.year
    if year is None or report.meta.year_source == "text":
        return
    opening = report.section(1)
    first = len(opening.text.split("\n")[0]) if opening is not None else 0
    for sec, written, m, sentence in _sentences_opening_with_a_year(report, (1, 2, 3, 4)):
        if written != year - 1 or sec.key == 1 and m.start(1) < first:
            continue
        if _COUNTED.search(sentence) and not _COMPARED.search(sentence):
            yield Hit(sec.locate(m.start(1), m.end(1)), Place(section=sec.key),
                      {"written": written, "year": year, "section": both(section_label, sec.key)},
                      doubt=report.meta.doubts.get("year"))
    for note in report.notes:       # a table column headed with last year ("2022年本年制发件数")
        if note.code == "header-year" and note.args.get("year") == year - 1:
            tid = note.args.get("table_id", "")
            yield Hit(note.loc, Place(table=tid), {"written": year - 1, "year": year,
                                                   "section": both(table_label, tid)},
                      doubt=report.meta.doubts.get("year"))


@DATES.register("TEXT-YEAR-PLAN")
def plan_year(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """Section 五's plan dated the report's own year ("2023年，我局将…" in the 2023 report): the
    plan of last year's report, copied with its year."""
    year = report.meta.year
    if year is None:
        return
    for sec, written, m, sentence in _sentences_opening_with_a_year(report, (5,)):
        if written == year and _PLANNED.search(sentence[:20]):
            yield Hit(sec.locate(m.start(1), m.end(1)), Place(section=5),
                      {"written": written, "year": year, "section": both(section_label, 5)},
                      doubt=report.meta.doubts.get("year"))
