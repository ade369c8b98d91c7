"""Facts stated in the prose: a percentage that cannot be a share (TEXT-PERCENT), another body
named as the one reporting (TEXT-OTHER-BODY)."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Iterator

from ..findings import Hit, Place
from ..issuers import SUBJECT_VERBS
from ..record import Tr
from ..model import Report
from ..values import shown
from ..prose import clause_around, percent_value
from . import Checks, Context, LazyPattern
from .scan import locate, paragraphs, rx, texts


PROSE = Checks("prose", {"value", "section", "named", "body", "what"})
_WHAT_SUBJECT = Tr("总体情况的主语是", "The overview is about")
_WHAT_PORTAL = Tr("报告所说的下载网站是", "The report says it can be downloaded from")
_CHANGE = r"增长|增加|提高|提升|上升|下降|减少|降低|同比|环比|增幅|降幅|超"


@PROSE.register("TEXT-PERCENT", {"change_words": ((str,), False)}, prepare=lambda p: rx(p, "change_words", _CHANGE))
def percent(report: Report, ctx: Context, change: Any) -> Iterator[Hit]:
    """Percentages outside 0–100 where a share is meant (rates), not a change (增长150%)."""
    corpus = report.corpus()
    text = corpus.text
    if "%" not in text and "％" not in text and "百分之" not in text:
        return
    for value, s, e in percent_value(text):
        if 0 <= value <= 100:
            continue
        start, end = clause_around(text, s)
        if not change.search(text, start, end):
            sec, loc = locate(corpus.section_at, s, e)
            yield Hit(loc, Place(section=sec.key), {"value": shown(value)})


_SUBJECT = LazyPattern(r"^\s*\d{4}\s*年(?:度)?\s*[,，]\s*([\u4e00-\u9fff]{2,20}?(?:人民政府办公室|人民政府|委员会|局|委|办公室|办|中心|厅))"
                      r"(?=" + SUBJECT_VERBS + ")")


@PROSE.register("TEXT-OTHER-BODY")
def body_name(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """The overview names another body as the one reporting ("2023年，示例县卫健局坚持…" in the
    report of 示例县教育局): text copied from another body's report."""
    body = report.meta.body
    sec = report.section(1)
    if not body or sec is None or report.meta.body_source not in ("title", "metadata"):
        return
    for off, para in paragraphs(sec.text):
        m = _SUBJECT.match(para)
        if m:
            named = m.group(1)
            if named not in body and body not in named and not _same_place_body(named, body):
                yield Hit(sec.locate(off + m.start(1), off + m.end(1)), Place(section=1),
                          {"named": named, "body": body, "what": _WHAT_SUBJECT})
            break
        m = _WE_BUREAU.match(para)
        if m and report.meta.kind == "township":
            # "我局" in a town's report: the words of a bureau's report
            yield Hit(sec.locate(off + m.start(1), off + m.end(1)), Place(section=1),
                      {"named": m.group(1), "body": body, "what": _WHAT_SUBJECT})
            break
    yield from _other_portal(report, body)


_PORTAL = LazyPattern(r"([\u4e00-\u9fff]{2,8}?[省市县区])(?:(?:人民)?政府)?(?:门户)?网站[^。；]{0,30}?(?:下载|查阅|查询)")
# the words before the place that the lazy match takes in ("报告电子版可在乙市…"): the place follows them
_LEAD = re.compile(r"^.*(?:在|登录|访问|通过|到)")
_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,8}?[省市县区]")


def _other_portal(report: Report, body: str) -> Iterator[Hit]:
    """The report sends its readers to another place's portal for its download ("本报告电子版可在
    乙市人民政府网站下载" in 甲市's report): the words of another body's report.  Only a place of
    the same level as the body's own is compared (a county's report may well point to its city)."""
    own = _PLACE.match(body)
    if own is None:
        return
    for text, to_section in texts(report, ("all",)):
        if "下载" not in text and "查阅" not in text:
            continue
        for m in _PORTAL.finditer(text):
            lead = _LEAD.match(m.group(1))
            start = m.start(1) + (lead.end() if lead else 0)
            place = text[start:m.end(1)]
            if len(place) < 2 or place[0] in "本我该各全":
                continue
            if place[-1] == own.group(0)[-1] and place not in body and own.group(0) not in place:
                sec, loc = locate(to_section, start, m.end(1))
                yield Hit(loc, Place(section=sec.key), {"named": place, "body": body, "what": _WHAT_PORTAL})
                return


_WE_BUREAU = LazyPattern(r"^\s*(?:\d{4}\s*年度?\s*[,，]\s*)?(我局|本局)")
_ORGAN_END = ("分局", "局", "委员会", "委", "厅", "办公室", "办", "中心", "政府")


def _same_place_body(named: str, body: str) -> bool:
    """"县政府" for "示例县人民政府", "区公安分局" for "示例市公安局示例区分局", "县住建局" for
    "示例县住房和城乡建设局": names of the body itself written short (every character of the
    short form is in the full name, and both end as the same kind of organ); a government's
    report is written by its office ("市人民政府办公室" for 示例市人民政府)."""
    if named.endswith(("政府办公室", "政府办")) and body.endswith("政府"):
        named = named[:-3] if named.endswith("办公室") else named[:-1]
    n, b = named.replace("人民政府", "政府"), body.replace("人民政府", "政府")
    if n in b or b.endswith(n):
        return True
    end = next((e for e in _ORGAN_END if n.endswith(e)), "")
    return bool(end) and b.endswith(end) and not (Counter(n) - Counter(b))
