"""The pictures of a fetched report page: a table printed as an image (``<img src="…/t3.jpg">``)
is fetched with the page, so OCR reads it as it reads a picture beside a saved page.

Only the pictures in the page's article are asked for (the reader's own choice of article, so
the site's logos and banners are not), at most ``MAX_PICTURES``, and only when OCR is installed:
without it a picture is TBL-IMAGE whatever it holds (``fetch`` keeps them anyway, as evidence,
in a "<page>_files" folder with an index.json of their srcs, where the HTML reader finds them).
A picture that cannot be fetched, or is not a PNG or JPEG, is left out: it stays a picture, as
on a saved page."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from ..model import InputError

if TYPE_CHECKING:
    from .fetch import Fetched, Fetcher

MAX_PICTURES = 12          # a report's tables 2-4 are one to four pictures
_IMG = re.compile(rb"<img\b", re.I)
_IMG_TEXT = re.compile(r"<img\b", re.I)


def fetch_pictures(fetcher: Fetcher, doc: Fetched, need_ocr: bool = True) -> dict[str, Fetched]:
    """{src as the page writes it: the picture fetched} for the pictures of ``doc``'s article
    (``need_ocr=False``: even without OCR — ``fetch`` keeps them as evidence)."""
    from ..readers import ocr
    from ..readers.html import picture_sources
    from .find import is_html, page_text

    if not _IMG.search(doc.content) or not is_html(doc) or (need_ocr and not ocr.installed()):
        return {}
    text = page_text(doc)
    if not _within_report(text):
        return {}
    try:
        srcs = picture_sources(text, doc.final_url)
    except InputError:
        return {}        # a page the reader refuses: its error comes when it is read
    out: dict[str, Fetched] = {}
    for src in list(dict.fromkeys(srcs))[:MAX_PICTURES]:
        got = _get(fetcher, doc.final_url, src)
        if got is not None:
            out[src] = got
    return out


_LAST_SECTIONS = ("存在的主要问题及改进情况", "其他需要报告的事项")


def _within_report(text: str) -> bool:
    """An <img> stands where the report does: after its first mark (a section heading, a table
    label) and before its last section's heading — to the page's end when the last sections are
    missing.  A logo above the report or a QR code below it is no table, and a page with neither
    is not parsed a second time in the audit's main process, where pages arrive."""
    from .find import REPORT_MARKS

    starts = [k for mark in REPORT_MARKS if (k := text.find(mark)) >= 0]
    if not starts:
        return False
    k, mark = max((text.rfind(mark), mark) for mark in REPORT_MARKS)    # an intro names them early
    end = k if mark in _LAST_SECTIONS else len(text)
    start = min(starts)
    return _IMG_TEXT.search(text, start, end) is not None


def ask_again(fetcher: Fetcher, page_url: str, before: dict[str, dict[str, str]]) -> dict[str, Fetched | None]:
    """The pictures of a page that answered 304, each asked again conditionally (with its own
    ETag / Last-Modified): a picture swapped behind an unchanged page is a changed report.
    None for a picture that is unchanged (304) or cannot be asked now (kept as it was)."""
    return {src: _get(fetcher, page_url, src, rec.get("etag") or "", rec.get("last_modified") or "")
            for src, rec in before.items()}


def _get(fetcher: Fetcher, page_url: str, src: str, etag: str = "", last_modified: str = "") -> Fetched | None:
    from ..readers import PICTURE_MAGIC

    url = urljoin(page_url, src)
    if not url.startswith(("http://", "https://")):
        return None
    try:
        got = fetcher.get(url, etag, last_modified, followed=True)
    except InputError:
        return None
    return got if got.status != 304 and got.content.startswith(PICTURE_MAGIC) else None
