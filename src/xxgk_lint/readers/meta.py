"""Metadata from the text of a report: title, issuing body and its kind, dates (the period: ``period``).

Each value records where it came from (title, metadata block, text), so a user sees what was
inferred.  Nothing found is left empty; the `metadata` rules report it.  The report's year is
decided from all the evidence together (``year.decide``).
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import Location, Metadata
from ..normalize import norm_text, squash
from ..record import Tr
from .blocks import Para
from .body import PLACE_SUFFIXES, QUOTED, issuer_kind, kind_doubt, kind_in_text, named_in_text, report_named
from .period import PERIOD, make_date, read_period
from .year import decide as decide_year

_YEAR = r"((?:19|20)\d{2})"
_OPEN = r"(?:政府信息公开|政务公开|信息公开)"
# a title: the year (its 年 sometimes dropped: "…局2023政府信息公开…"), then the report's name —
# or the year after 工作 ("…政府信息公开工作2023年度报告"), or the name's last words scrambled at the
# line's end ("…2023年政府信息公开 工作告年度报": a title, garbled — META-TITLE-WORDING's to say)
_TITLE = re.compile(r"(?:19|20)\d{2}\s*(?:年.{0,30}|(?=" + _OPEN + r"))" + _OPEN + r".{0,12}报告|"
                    + _OPEN + r"工作\s*(?:19|20)\d{2}\s*年度?报告|"
                    r"(?:19|20)\d{2}\s*年.{0,30}?" + _OPEN + r"[\s工作年度告]{0,8}报[\s工作年度告]{0,8}$")
_TITLE_BODY = re.compile(r"^(?P<pre>.*?)(?:关于)?(?:" + _YEAR + r")\s*(?:年度?|(?=" + _OPEN + r"))(?P<post>.*?)" + _OPEN
                         + r"|^(?P<pre2>.*?)" + _OPEN + r"工作\s*" + _YEAR + r"\s*年度?报告")
# a metadata label left in front of the title ("标　　题　…"), and openings that are no title
_TITLE_LABEL = re.compile(r"^(?:标\s*题|题\s*目|名\s*称)\s*[:：]?\s*")
_NOT_TITLE = re.compile(r"^(?:根据|按照|依据|依照|为|现将|本)|现将|如下|编制了")
_DATE_CN = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DATE_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")


def date_match(text: str, whole: bool = False) -> re.Match[str] | None:
    """A date written 2024年1月10日 or 2024-01-10 (/ and . too) in ``text`` (or as all of it):
    groups 1-3 are year, month and day as written."""
    if whole:
        return _DATE_ISO.fullmatch(text) or _DATE_CN.fullmatch(text)
    return _DATE_CN.search(text) or _DATE_ISO.search(text)
_DATE_LINE = re.compile(r"^[(（\[]?\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s*[)）\]]?$")
# a date with the publisher after it and no label ("2024-01-18      示例县统计局"), as a byline shows them
_DATE_BY = re.compile(r"^(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(?:\s+\d{1,2}:\d{2})?"
                      r"[\s\u3000]+([\u4e00-\u9fff（）()]{3,30})$")
# a year opening any sentence ("2022年共收到…"), not a span or a month ("2019年以来", "2023年3月")
_YEAR_STARTS = re.compile(r"(?:^|(?<=[。；;：:，,）)]))((?:19|20)\d{2})年度?(?!以来|起|至|底|前|以前|之前|末|初|\d|月|[-—~～])")
# a year opening a sentence ("2023年，我委…", "2024年度，"), not a document number's 〔2025〕
_YEAR_OPENS = re.compile(r"(?:^|(?<=[。；;：:，,]))\s*((?:19|20)\d{2})\s*年度?\s*[,，]")
_OPENING = re.compile(r"^((?:19|20)\d{2})年度?[,，](?:我|全)?")

# The labels of CMS metadata blocks and bylines ("发布时间：2025-01-14 08:18 来源：…").  A date's
# rank says which wins when a page shows several: publication over generation over drafting.
_FIELDS = {"发布机构": "body", "发文机关": "body", "发布单位": "body", "机构名称": "body",
           "发布日期": 1, "发布时间": 1, "公开日期": 1, "公开时间": 1, "发表日期": 1, "发表时间": 1,
           "日期": 1, "时间": 1, "发文日期": 2, "生成日期": 2, "成文日期": 3,
           "标题": "title", "名称": "title", "索引号": "", "来源": "posted", "信息来源": "posted", "文号": "",
           "发文字号": "",
           "主题分类": "", "分类": "", "更新日期": "", "更新时间": ""}
_TRAD = {"发": "發", "时": "時", "间": "間", "来": "來", "构": "構", "关": "關", "单": "單", "开": "開", "题": "題",
         "号": "號", "称": "稱", "类": "類", "机": "機", "生": "生", "标": "標", "成": "成", "表": "表", "文": "文"}


def _chars(key: str) -> str:
    """A label's pattern: spaces allowed between its characters ("索 引 号"), traditional forms too."""
    return r"\s*".join(f"[{ch}{_TRAD[ch]}]" if _TRAD.get(ch, ch) != ch else ch for ch in key)


# a label ends with a colon; a date's own label (发布日期, not a bare 时间) may also run straight
# into its date, as a metadata table printed to PDF runs its cells together
# ("…管理局发布日期2024-01-26 主题分类…")
_DATED = [k for k, v in _FIELDS.items() if isinstance(v, int) and len(k) == 4]
_FIELD_RX = re.compile("(?<![\u4e00-\u9fff])(" + "|".join(_chars(k) for k in sorted(_FIELDS, key=len, reverse=True))
                       + r")\s*[:：]\s*|(" + "|".join(_chars(k) for k in _DATED)
                       + r")\s*(?=(?:19|20)\d{2}\s*[-/.年]\s*\d)")


def has_field(text: str) -> bool:
    """Does a line hold a labelled metadata value ("发布时间：…", "來源：…")?"""
    return _FIELD_RX.search(text) is not None


def _label(text: str) -> str | None:
    """The metadata label a table cell holds ("发布机构", "索 引 号："), else None."""
    k = squash(text).rstrip(":：")
    return k if k in _FIELDS else None


def is_label(text: str) -> bool:
    return _label(text) is not None


def table_fields(rows: list[list]) -> list[Para]:
    """A metadata block printed as a table (索引号 | … | 发布机构 | …) as "label：value" lines:
    a cell holding a label, and the cell after it its value (unless that is a label too)."""
    out: list[Para] = []
    for cells in rows:
        distinct = [c for k, c in enumerate(cells) if k == 0 or c is not cells[k - 1]]
        for k, cell in enumerate(distinct):
            label = _label(cell.text)
            if label is None:
                continue
            nxt = distinct[k + 1] if k + 1 < len(distinct) else None
            value = nxt.text.strip() if nxt is not None and _label(nxt.text) is None else ""
            out.append(Para(f"{label}：{value}", cell.loc))
    return out


def cited_template(text: str) -> str:
    """The template a text cites: 国办公开办函〔2021〕30号 → "2021", 〔2019〕60号 → "2019"."""
    from ..template import VERSIONS

    return next((v.id for v in VERSIONS.values() if v.citation.search(text)), "")


def parse_title(title: str) -> tuple[int | None, str]:
    """(year, body) named in a title like "某市人民政府2023年政府信息公开工作年度报告"."""
    m = _TITLE_BODY.search(squash(title)) if title else None
    if not m:
        return None, ""
    if m.group("pre2") is not None:                  # "…政府信息公开工作2023年度报告"
        return int(m.group(5)), m.group("pre2").strip("的")
    return int(m.group(2)), (m.group("pre") or m.group("post")).strip("的")


def _fuller(posted_by: str, titled: str) -> bool:
    """The metadata's body is the title's place named in full ("示例镇" → "示例镇人民政府")."""
    return bool(posted_by) and posted_by.startswith(titled) and posted_by != titled and \
        issuer_kind(titled) in ("government", "zone", "township") and \
        issuer_kind(posted_by) in ("government", "township")


def _name_line(text: str) -> bool:
    """A short line that can be the body's half of a title split over two lines ("示例县交通运输局")."""
    t = squash(text)
    return 2 <= len(t) <= 30 and not re.search(r"[\d:：,，。；|]", t) and \
        bool(re.fullmatch(r"[\u4e00-\u9fff（）()]+", t)) and issuer_kind(t) != "other"


def _title(head: list[Para]) -> tuple[str, Location] | None:
    """The report's title among the first lines, joined when split over two lines (the body's name
    on one, "2024年政府信息公开工作年度报告" on the next; or broken inside a word)."""
    def ok(text: str) -> bool:
        t = text.strip()
        return len(t) <= 80 and not t.endswith(("。", "：", ":")) and not _NOT_TITLE.search(squash(t)) \
            and not _FIELD_RX.search(t)

    for i, p in enumerate(head):
        raw = p.text.strip()
        label = _TITLE_LABEL.match(raw) if len(raw) > 4 else None
        t = raw[label.end():] if label and _TITLE.search(norm_text(raw[label.end():])) else raw
        nxt = head[i + 1].text.strip() if i + 1 < len(head) else ""
        if ok(t) and not _TITLE.search(norm_text(t)) and re.search(r"(?:19|20)\d{2}\s*年|(?:19|20)\d{2}$", t) and \
                len(nxt) <= 20 and ok(nxt) and squash(nxt).endswith("报告") and _TITLE.search(norm_text(t + nxt)):
            return t + nxt, p.loc                                  # broken inside a word, or after a bare year
        if not ok(t) or not _TITLE.search(norm_text(t)) or PERIOD.search(squash(t)):
            continue
        if not parse_title(t)[1] and i and _name_line(head[i - 1].text):
            prev = head[i - 1]
            return prev.text.strip() + t, prev.loc                 # the body's name on the line above
        lead = len(p.text) - len(p.text.lstrip()) + len(raw) - len(t)
        return t, p.loc.span(lead, lead + len(t))
    return None


def _fields(head: list[Para], meta: Metadata) -> str:
    """Labelled values of the metadata block and bylines: body, title, publication date; returns
    the byline's source (来源：…)."""
    rank = 99
    loose: tuple[str, Location] | None = None
    posted = ""                      # the byline's 来源：…, the body only where nothing else names one
    for p in head:
        t = norm_text(p.text)
        found = list(_FIELD_RX.finditer(t))
        if found and loose is None and len(t) <= 80:
            # a byline's date without a label of its own ("来源：…管委会 2025/3/10 10:30")
            d = date_match(t)
            if d is not None:
                loose = (d.group(0), p.loc.span(d.start(), d.end()))
        for k, m in enumerate(found):
            label = squash(m.group(1) or m.group(2))
            end = found[k + 1].start() if k + 1 < len(found) else len(t)
            value = re.split(r"\s{2,}|\t|\|", t[m.end():end].strip(), maxsplit=1)[0].strip()
            what = _FIELDS[label]
            if not value or not what:
                continue
            if what == "body" and not meta.body:
                meta.body, meta.body_source = value, "metadata"
            elif what == "posted" and not posted:
                posted = re.split(r"\s", value)[0]
            elif what == "title" and not meta.title and _TITLE.search(value):
                meta.title, meta.title_loc = value, p.loc.span(m.end(), m.end() + len(value))
            elif isinstance(what, int) and what < rank:
                if _set_date(meta, value, p.loc.span(m.end(), m.end() + len(value))):
                    rank = what
    if rank == 99 and loose is not None:
        _set_date(meta, *loose)
    return posted


def extract(paras: list[Para], preamble_count: int, opening: Para | None, path: str = "") -> Metadata:
    """``paras``: all paragraphs in order; the first ``preamble_count`` come before section 一.
    ``opening``: the first body paragraph of section 一 (where the body is often named)."""
    meta = Metadata()
    head = paras[:max(preamble_count, 0)][:40]
    head_texts = [p.text for p in head]
    tail = paras[-6:]
    full_text = "\n".join(p.text for p in paras)

    posted = _fields(head, meta)
    if not parse_title(meta.title)[1]:
        found = _title(head)
        if found is not None and (not meta.title or parse_title(found[0])[1]):
            meta.title, meta.title_loc = found
    title_year, meta.title_body = parse_title(meta.title)
    if not meta.title:
        meta.named_report = report_named(head_texts)
    if meta.title_body and not _fuller(meta.body, meta.title_body):
        # whose report it is; a metadata block names who posted it ("县政府办公室" for the
        # county government's report) — unless the title names only the place ("示例镇")
        meta.body, meta.body_source = meta.title_body, "title"

    if not meta.published_raw:
        for p in (*head[:12], *reversed(tail)):
            t = squash(p.text)
            by = _DATE_BY.match(norm_text(p.text.strip()))
            if _DATE_LINE.match(t) or by and issuer_kind(by.group(2)) not in ("other", "unknown"):
                _set_date(meta, by.group(1) if by else t.strip("()（）[]"), p.loc)
                posted = posted or (by.group(2) if by else "")
                break

    read_period(paras, meta)
    opening_text = squash(opening.text) if opening is not None else ""
    early = [opening_text, *(p.text for p in paras[max(preamble_count, 0):max(preamble_count, 0) + 12])]
    if not meta.body:
        _body_from_text(meta, head_texts, early, posted)
    found = _opening_place(opening_text)
    if found is not None and meta.body_source in ("", "contact", "posted"):
        # a place named as the actor is the report of its government, if the text says so
        place = found[1]
        if place + "人民政府" in full_text or place + "政府" in full_text:
            meta.body, meta.body_source = place + "人民政府", "text"
            meta.doubts.pop("body", None)
            meta.doubts.pop("kind", None)
    decide_year(meta, title_year, _opening_year(opening_text, head, early, title_year, meta), head, path)

    meta.template_cited = cited_template(full_text)
    if meta.body:
        meta.kind = issuer_kind(meta.body)
        doubt = kind_doubt(meta.body)
        if doubt is not None:
            meta.doubts["kind"] = doubt
    elif (kind := kind_in_text(full_text)) is not None:
        meta.kind = kind
        meta.doubts["kind"] = Tr("机关类型据正文的自称（我局、我镇等）推断",
                                 "the kind of body is inferred from how the text speaks of itself (我局, 我镇 …)")
    return meta


def _opening_year(opening: str, head: list[Para], early: list[str], title_year: int | None,
                  meta: Metadata) -> int | None:
    """The year the overview opens with ("2023年，…"); where no title or period names one, the
    first sentence of the overview or the preamble that opens with a year ("…。2023年，我委…",
    "2024年度，"), else of the overview's first paragraphs (``early``)."""
    m = _OPENING.match(opening)
    if m:
        return int(m.group(1))
    if title_year is not None or meta.period_start is not None:
        return None
    for text in (opening, *(squash(p.text) for p in head)):
        m = _YEAR_OPENS.search(QUOTED.sub("", text))
        if m:
            return int(m.group(1))
    # else the year the overview's sentences open with ("2022年共收到8项申请"), if only one
    years = Counter(int(m.group(1)) for text in early for m in _YEAR_STARTS.finditer(QUOTED.sub("", squash(text))))
    top = years.most_common(2)
    return top[0][0] if len(top) == 1 or top and top[0][1] > top[1][1] else None


_WEAK_SOURCES = {"contact": Tr("发布机关取自联系方式一句", "the body is taken from the contact sentence"),
                 "posted": Tr("发布机关取自网页的“来源”", "the body is taken from the page's source line")}


def _body_from_text(meta: Metadata, head: list[str], early: list[str], posted: str) -> None:
    """A report without a title line: the body its text names (readers.body), else the page's
    byline; a body taken from who answers for the report or posted it is not certain."""
    found = named_in_text(head, early)
    if found is None and posted and issuer_kind(posted) not in ("other", "unknown"):
        found = (posted, "posted")
    if found is None:
        return
    if posted and found[1] != "posted" and squash(found[0]) in squash(posted) and \
            issuer_kind(posted) == issuer_kind(found[0]):
        found = (posted, found[1])      # the byline names in full the body the text names short
    meta.body, meta.body_source = found
    if meta.body_source in _WEAK_SOURCES:
        meta.doubts["body"] = meta.doubts["kind"] = _WEAK_SOURCES[meta.body_source]


_PREPOSITIONS = "在于按由经对向据根为从以随"


def _opening_place(text: str) -> tuple[int, str] | None:
    """(year, place) from an opening like "2023年，耒阳市坚持……" (squashed text)."""
    m = _OPENING.match(text)
    if not m:
        return None
    rest = text[m.end():m.end() + 14]
    if rest[:1] in _PREPOSITIONS:
        return None             # "2020年，在省政府…的领导下": no place is the actor
    for i in range(1, len(rest) - 1):
        for suffix in PLACE_SUFFIXES:
            if rest.startswith(suffix, i) and "\u4e00" <= rest[i + len(suffix):i + len(suffix) + 1] <= "\u9fff":
                return int(m.group(1)), rest[:i + len(suffix)]
        if not "\u4e00" <= rest[i] <= "\u9fff":
            return None
    return None


def _set_date(meta: Metadata, value: str, loc: Location) -> bool:
    m = date_match(value)
    if not m:
        return False
    meta.published_raw = m.group(0)
    meta.published = make_date(*m.group(1, 2, 3))
    meta.published_loc = loc
    return True
