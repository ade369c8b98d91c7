"""The statistics period sentence ("本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止"), in any
of its wordings, and the same sentence written with characters dropped or doubled: read as meant,
and marked (``Metadata.doubts["period"]``, META-PERIOD-MALFORMED)."""

from __future__ import annotations

import datetime as dt
import re

from ..model import Location, Metadata
from ..normalize import squash
from ..record import Tr
from .blocks import Para

PERIOD = re.compile(
    r"(?:统计|所列数据|数据)[^\d。；;]{0,24}?(\d{4})年(\d{1,2})月(\d{1,2})日?(?:起)?[,，]?"
    r"(?:至|到|-|—|～|~)(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")
# the same sentence with its last 日 dropped or a year's digits doubled ("至202020年12月31日止")
_PERIOD_LOOSE = re.compile(
    r"(?:统计|所列数据|数据)[^\d。；;]{0,24}?(\d{4,6})年(\d{1,2})月(\d{1,2})日?(?:起)?[,，]?"
    r"(?:至|到|-|—|～|~)(?:(\d{4,6})年)?(\d{1,2})月(\d{1,2})(?:日|(?=止|[。，,；;]|$))")
# the same sentence with 年 or 月 dropped ("自20231月1日起至202312月31日止", "202311日至20231231日")
_GLUED = r"((?:19|20)\d{2})(年?\d{1,2}月\d{1,2}|年\d{2,4}|\d{2,4})日"
_PERIOD_GLUED = re.compile(r"(?:统计|所列数据|数据)[^\d。；;]{0,24}?" + _GLUED + r"(?:起)?[,，]?(?:至|到|-|—|～|~)" + _GLUED)


def make_date(y: str, m: str, d: str) -> dt.date | None:
    """The date, or None when it cannot exist (2月30日)."""
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def read_period(paras: list[Para], meta: Metadata) -> None:
    """The statistics-period sentence, in any of its wordings; a sentence broken by a line end is
    read across it."""
    for k, p in enumerate(paras):
        text = squash(p.text)
        m = PERIOD.search(text)
        if m is None and k + 1 < len(paras) and not text.endswith(("。", "；", ";")) and "统计" in text[-30:] \
                or m is None and k + 1 < len(paras) and re.search(r"统计.{0,24}\d{4}年?$", text):
            m = PERIOD.search(text + squash(paras[k + 1].text))
        if m is None and _loose_period(text, p, meta):
            return
        if m is None:
            g = _PERIOD_GLUED.search(text)
            if g is not None and g.group(1) == g.group(3):
                start, end = _glued(g.group(1), g.group(2), True), _glued(g.group(3), g.group(4), False)
                if start is not None and end is not None:
                    meta.period_raw, meta.period_start, meta.period_end = g.group(0), start, end
                    meta.period_loc = _period_loc(p)
                    raw = text[g.start(1):g.end()]
                    meta.doubts["period"] = Tr(f"统计期限「{raw}」缺字，按 {start} 至 {end} 读取",
                                               f"the period \"{raw}\" lacks characters; read as {start} – {end}")
                    return
            continue
        y1, m1, d1, y2, m2, d2 = m.groups()
        meta.period_raw = m.group(0)
        meta.period_start = make_date(y1, m1, d1)
        meta.period_end = make_date(y2 or y1, m2, d2)
        meta.period_loc = _period_loc(p)
        return


def _loose_period(text: str, p: Para, meta: Metadata) -> bool:
    """A period with its closing 日 dropped ("至12月31止") or a year's digits doubled
    ("至202020年12月31日"): read as meant, and said (META-PERIOD-MALFORMED)."""
    m = _PERIOD_LOOSE.search(text)
    if m is None:
        return False
    y1, m1, d1, y2, m2, d2 = m.groups()     # (nothing dropped or doubled: PERIOD had read it)
    first = y1[:4] if len(y1) == 4 or not y2 else next((c for c in (y1[:4], y1[-4:]) if c == y2[:4]), y1[:4])
    last = first if y2 is None else y2[:4] if len(y2) == 4 else next(
        (c for c in (y2[:4], y2[-4:]) if c == first), y2[:4])
    start, end = make_date(first, m1, d1), make_date(last, m2, d2)
    if start is None or end is None:
        return False
    meta.period_raw, meta.period_start, meta.period_end = m.group(0), start, end
    meta.period_loc = _period_loc(p)
    raw = text[m.start(1):m.end()]
    meta.doubts["period"] = Tr(f"统计期限「{raw}」多字或缺字，按 {start} 至 {end} 读取",
                               f"the period \"{raw}\" has characters doubled or dropped; read as {start} – {end}")
    return True


def _period_loc(p: Para) -> Location:
    i = max(p.text.find("统计"), 0)
    return p.loc.span(i, i + 4)


def _glued(year: str, rest: str, first: bool) -> dt.date | None:
    """A date whose 年 or 月 was dropped: "1月1" after the year, or its digits alone ("11",
    "1231"); where the digits split two ways, the period's own bound (1 January, 31 December)."""
    rest = rest.lstrip("年")
    if "月" in rest:
        return make_date(year, *rest.split("月"))
    splits = [(rest[:k], rest[k:]) for k in (1, 2) if 0 < k < len(rest) and len(rest) - k <= 2]
    found = [d for d in (make_date(year, mo, day) for mo, day in splits) if d is not None]
    bound = (1, 1) if first else (12, 31)
    return next((d for d in found if (d.month, d.day) == bound), found[0] if found else None)
