"""Dates and years that must be right: the publication date exists (META-DATE-INVALID), the
statistics period is the report's year (DATE-PERIOD), the title names that year (DATE-TITLE-YEAR),
every date in the prose exists (TEXT-DATE-INVALID) and the overview opens with the report's year
(TEXT-OPENING-YEAR).  One function per rule; the publication deadline is the parametric ``date``
kind (meta.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterator

from ..findings import Hit, Place
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


_SOURCE_LABELS = {"title": Tr("标题", "the title"), "period": Tr("统计期限", "the statistics period"),
                  "text": Tr("总体情况开头", "the overview's opening"), "preamble": Tr("前言", "the preamble"),
                  "published": Tr("发布日期", "the publication date"), "file": Tr("文件名", "the file name"),
                  "metadata": Tr("元数据", "the metadata")}


def _evidence(meta: Any) -> Tr:
    """The sources that agree on the report's year: "统计期限、总体情况开头、发布日期"."""
    srcs = list(dict.fromkeys(src for src, y in meta.year_evidence if y == meta.year))
    return Tr("、".join(_SOURCE_LABELS[s].zh for s in srcs), ", ".join(_SOURCE_LABELS[s].en for s in srcs))
