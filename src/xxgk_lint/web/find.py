"""Where the report is on a website: the article page itself; an attachment the page links to
(a stub saying "详见附件" with a PDF or Word file); a page inside an iframe; and, on a column
page ("政府信息公开年报"), the links whose text is a report's title, over its pagination.

Only structure is read here (links, iframes, whether the text has the template's headings and
table labels); the document found is read by the readers like any file."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Callable
from urllib.parse import urljoin, urlsplit

from ..model import InputError

if TYPE_CHECKING:
    from .fetch import Fetched, Fetcher

# the words only a report's own text has: its section headings and table labels
REPORT_MARKS = ("主动公开政府信息情况", "收到和处理政府信息公开申请情况", "本年新收政府信息公开申请数量",
                 "政府信息公开行政复议", "存在的主要问题及改进情况", "其他需要报告的事项", "本年制发件数")
_ATTACHMENT = re.compile(r"\.(pdf|docx|doc|wps|xlsx|xls)$", re.I)
_READABLE = {"pdf": 0, "docx": 1, "doc": 2, "wps": 3, "xlsx": 4, "xls": 5}
_TITLE = re.compile(r"(?:政府信息公开|政务公开).{0,12}?(?:工作)?年度报告|信息公开(?:工作)?年报|\d{4}\s*年度?.{0,20}年报")
_NEXT = re.compile(r"^\s*(?:下一页|下页|后页|>|›|»)\s*$")
_PAGER = re.compile(r"createPageHTML\(\s*['\"]?(\d+)['\"]?\s*,\s*['\"]?(\d+)['\"]?\s*,\s*['\"]([\w-]+)['\"]\s*,"
                    r"\s*['\"](\w+)['\"]")


def is_html(fetched: Fetched) -> bool:
    if fetched.content_type in ("text/html", "application/xhtml+xml"):
        return True
    head = fetched.content[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return not fetched.content_type.startswith(("application/pdf", "application/vnd", "application/msword")) and \
        (head.startswith((b"<!doctype html", b"<html")) or b"<body" in head)


def page_text(fetched: Fetched) -> str:
    """The page's text, decoded by the readers' rules: header, then <meta>, then detection."""
    from ..readers.encoding import decode

    return decode(fetched.content, fetched.final_url, html=True, charset=fetched.charset)[0]


def _page(fetched: Fetched, text: str | None = None) -> Any:
    """The page as an lxml tree."""
    import lxml.html

    text = re.sub(r"^\s*<\?xml[^>]*>", "", page_text(fetched) if text is None else text)  # lxml refuses a
    return lxml.html.fromstring(text or "<html/>")                                   # declared encoding


def _text(tree: Any) -> str:
    return "".join(tree.xpath("//body//text()[not(ancestor::script) and not(ancestor::style)]"))


def looks_like_report(text: str) -> bool:
    return sum(mark in text for mark in REPORT_MARKS) >= 2


def locate(fetcher: Fetcher, url: str, depth: int = 2, fetched: Fetched | None = None,
           followed: bool = False) -> tuple[Fetched, str]:
    """(the document, how it was found: direct, page, attachment or iframe) for ``url``
    (``fetched``: its answer when the caller already has it; ``followed``: a frame of a page)."""
    fetched = fetched or fetcher.get(url, followed=followed)
    if not is_html(fetched):
        return fetched, "direct"
    # a report page is recognised in its source, without parsing it here (the reader parses it
    # in a worker); a heading split by markup is still found in the parsed text below
    text = page_text(fetched)
    if looks_like_report(text):
        return fetched, "page"
    tree = _page(fetched, text)
    if looks_like_report(_text(tree)):
        return fetched, "page"
    base = fetched.final_url
    attachments = sorted(_attachments(tree, base), key=lambda a: a[0])
    for _, link in attachments[:3]:
        try:
            doc = fetcher.get(link, followed=True)
        except InputError:
            continue
        if not is_html(doc):
            return doc, "attachment"
    if depth > 0:
        for src in tree.xpath("//iframe/@src | //frame/@src"):
            link = urljoin(base, src.strip())
            if not link.startswith(("http://", "https://")):
                continue
            try:
                doc, how = locate(fetcher, link, depth - 1, followed=True)
            except InputError:
                continue
            return doc, "iframe" if how == "page" else how
    if attachments:
        raise InputError(f"the report's attachment could not be fetched ({attachments[0][1]})", url)
    raise InputError("not a report page: no report text, attachment or iframe found", url)


def _attachments(tree: Any, base: str) -> list[tuple[tuple[int, int], str]]:
    """(rank, URL) of each link to a document file: a report-titled link first, then PDF, Word …"""
    out, seen = [], set()
    for a in tree.xpath("//a[@href]"):
        link = urljoin(base, a.get("href").strip())
        m = _ATTACHMENT.search(urlsplit(link).path)
        if not m or link in seen:
            continue
        seen.add(link)
        titled = bool(_TITLE.search(a.text_content() or "")) or "年报" in link or "附件" in (a.text_content() or "")
        out.append(((0 if titled else 1, _READABLE[m.group(1).lower()]), link))
    return out


MAX_REPORTS = 2000       # report links one crawl takes (a column of a whole province lists fewer)


def crawl(fetcher: Fetcher, url: str, pages: int = 5, progress: Callable[[str], None] | None = None,
          most: int = MAX_REPORTS, skipped: list[int] | None = None) -> list[str]:
    """The report links of a column page and of up to ``pages`` pages of it, in page order, at
    most ``most`` of them; how many more there were is added to ``skipped``."""
    found: list[str] = []
    known: set[str] = set()
    more = 0
    seen_pages: set[str] = set()
    next_url: str | None = url
    while next_url and len(seen_pages) < pages and next_url not in seen_pages:
        fetched = fetcher.get(next_url, followed=bool(seen_pages))      # the column's next pages are links
        seen_pages.add(next_url)
        if progress:
            progress(next_url)
        tree = _page(fetched)
        base = fetched.final_url
        for a in tree.xpath("//a[@href]"):
            text = " ".join((a.text_content() or a.get("title") or "").split())
            link = urljoin(base, a.get("href").strip())
            if (_TITLE.search(text) or _TITLE.search(a.get("title") or "")) and \
                    link.startswith(("http://", "https://")) and link not in known:
                known.add(link)
                if len(found) < most:
                    found.append(link)
                else:
                    more += 1
        next_url = _next_page(tree, base)
    if skipped is not None:
        skipped.append(more)
    return found


def _next_page(tree: Any, base: str) -> str | None:
    """A "下一页" link, else the next page of a createPageHTML(total, current, "index", "html")
    pager (the common government CMS writes pages index.html, index_1.html, …)."""
    for a in tree.xpath("//a[@href]"):
        href = a.get("href").strip()
        if _NEXT.match(a.text_content() or "") and href and not href.startswith(("javascript:", "#")):
            return urljoin(base, href)
    for script in tree.xpath("//script/text()"):
        m = _PAGER.search(script)
        if m:
            total, current, stem, ext = int(m.group(1)), int(m.group(2)), m.group(3), m.group(4)
            if current + 1 < total:
                return urljoin(base, f"{stem}_{current + 1}.{ext}")
    return None
