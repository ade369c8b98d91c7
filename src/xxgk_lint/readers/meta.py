"""Metadata from the text of a report: title, issuing body and its kind, year, dates.

Each value records where it came from (title, metadata block, text), so a user sees
what was inferred.  Nothing found is left empty; the `metadata` rules report it.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import Location, Metadata
from ..normalize import norm_text, squash
from .blocks import Para

_YEAR = r"((?:19|20)\d{2})"
_TITLE = re.compile(r"(?:19|20)\d{2}\s*年.{0,30}(?:政府信息公开|政务公开|信息公开).{0,12}报告")
_TITLE_BODY = re.compile(r"^(?P<pre>.*?)(?:关于)?(?:" + _YEAR + r")\s*年度?(?P<post>.*?)(?:政府信息公开|政务公开|信息公开)")
_DATE_CN = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DATE_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DATE_LINE = re.compile(r"^[(（\[]?\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s*[)）\]]?$")
_META_KEY = re.compile(r"(索引号|发布机构|发文机关|发布单位|来源|发布日期|发文日期|成文日期|日期|标题)\s*[:：]\s*")
_PERIOD = re.compile(
    r"统计(?:期限|时限|期间|时间|区间|周期)\D{0,12}?(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:起)?\s*"
    r"(?:至|到|-|—|～|~)\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_CITED = (("2021", re.compile(r"〔2021〕\s*30\s*号|\[2021\]\s*30\s*号")),
          ("2019", re.compile(r"〔2019〕\s*60\s*号|\[2019\]\s*60\s*号")))
_OPENING = re.compile(r"^((?:19|20)\d{2})年[,，](?:我|全)?")
_PLACE_SUFFIXES = ("自治区", "自治州", "自治县", "省", "市", "县", "区", "州", "盟", "旗")


def _opening_place(text: str) -> tuple[int, str] | None:
    """(year, place) from an opening like "2023年，耒阳市坚持……" (squashed text)."""
    m = _OPENING.match(text)
    if not m:
        return None
    rest = text[m.end():m.end() + 14]
    for i in range(1, len(rest) - 1):
        for suffix in _PLACE_SUFFIXES:
            if rest.startswith(suffix, i) and "\u4e00" <= rest[i + len(suffix):i + len(suffix) + 1] <= "\u9fff":
                return int(m.group(1)), rest[:i + len(suffix)]
        if not "\u4e00" <= rest[i] <= "\u9fff":
            return None
    return None


_TOWNSHIP = tuple(p + s for p in ("乡", "镇", "街道") for s in ("", "人民政府", "办事处", "党政办公室", "政府"))
_DEPARTMENT = ("局", "委员会", "委", "办公室", "办", "中心", "厅", "署", "院", "所", "站", "队", "处", "部", "会")


def issuer_kind(body: str) -> str:
    """government / department / township / other, from the body's name ("" → unknown)."""
    b = squash(body)
    if not b:
        return "unknown"
    if b.endswith(_TOWNSHIP):
        return "township"
    if b.endswith("人民政府"):
        return "government"
    if b.endswith(_DEPARTMENT):
        return "department"
    if b.endswith("政府"):
        return "government"
    return "other"


def cited_template(text: str) -> str:
    """The template a text cites: 国办公开办函〔2021〕30号 → "2021", 〔2019〕60号 → "2019"."""
    for version, rx in _CITED:
        if rx.search(text):
            return version
    return ""


def parse_title(title: str) -> tuple[int | None, str]:
    """(year, body) named in a title like "某市人民政府2023年政府信息公开工作年度报告"."""
    m = _TITLE_BODY.search(squash(title)) if title else None
    if not m:
        return None, ""
    return int(m.group(2)), (m.group("pre") or m.group("post")).strip("的")


def _date(y: str, m: str, d: str) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def _loc_at(p: Para, start: int, end: int) -> Location:
    return p.loc.span(start, end)


def extract(paras: list[Para], preamble_count: int, opening: Para | None) -> Metadata:
    """``paras``: all paragraphs in order; the first ``preamble_count`` come before section 一.
    ``opening``: the first body paragraph of section 一 (where the body is often named)."""
    meta = Metadata()
    head = paras[:max(preamble_count, 0)][:40]
    tail = paras[-6:]
    full_text = "\n".join(p.text for p in paras)

    for p in head:                                   # metadata block printed by CMS pages
        t = norm_text(p.text)
        for m in _META_KEY.finditer(t):
            key = m.group(1)
            rest = t[m.end():]
            value = re.split(r"\s{2,}|\s(?=\S{2,6}[:：])|\t", rest.strip(), maxsplit=1)[0].strip()
            if key in ("发布机构", "发文机关", "发布单位") and value and not meta.body:
                meta.body, meta.body_source = value, "metadata"
            elif key in ("发布日期", "发文日期", "成文日期", "日期") and not meta.published_raw:
                _set_date(meta, value, _loc_at(p, m.end(), m.end() + len(value)))
            elif key == "标题" and value and not meta.title:
                meta.title, meta.title_loc = value, _loc_at(p, m.end(), m.end() + len(value))

    if not meta.title:
        for p in head:
            text = p.text.strip()
            if len(text) <= 80 and _TITLE.search(norm_text(text)) and not text.endswith("。") \
                    and not _PERIOD.search(text) and not text.startswith("本"):
                lead = len(p.text) - len(p.text.lstrip())
                meta.title, meta.title_loc = text, _loc_at(p, lead, lead + len(text))
                break

    year, meta.title_body = parse_title(meta.title)
    if year is not None:
        meta.year, meta.year_source = year, "title"
    if meta.title_body and not meta.body:
        meta.body, meta.body_source = meta.title_body, "title"

    if not meta.published_raw:
        for p in (*head[:12], *reversed(tail)):
            t = squash(p.text)
            if _DATE_LINE.match(t):
                _set_date(meta, t.strip("()（）[]"), p.loc)
                break

    for p in paras:
        m = _PERIOD.search(squash(p.text))
        if m:
            meta.period_raw = m.group(0)
            meta.period_start = _date(*m.group(1, 2, 3))
            meta.period_end = _date(*m.group(4, 5, 6))
            i = max(p.text.find("统计"), 0)
            meta.period_loc = _loc_at(p, i, i + 4)
            if meta.year is None and meta.period_end is not None:
                meta.year, meta.year_source = meta.period_end.year, "period"
            break

    found = _opening_place(squash(opening.text)) if opening is not None else None
    if found is not None:
        year, place = found
        if meta.year is None:
            meta.year, meta.year_source = year, "text"
        # a place named as the actor is the report of its government, if the text says so
        if not meta.body and (place + "人民政府" in full_text or place + "政府" in full_text):
            meta.body, meta.body_source = place + "人民政府", "text"

    meta.template_cited = cited_template(full_text)
    if meta.body:
        meta.kind, meta.kind_source = issuer_kind(meta.body), meta.body_source
    return meta


def _set_date(meta: Metadata, value: str, loc: Location) -> None:
    m = _DATE_CN.search(value) or _DATE_ISO.search(value)
    if not m:
        return
    meta.published_raw = m.group(0)
    meta.published = _date(*m.group(1, 2, 3))
    meta.published_loc = loc
