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


def fetch_pictures(fetcher: Fetcher, doc: Fetched, need_ocr: bool = True) -> dict[str, bytes]:
    """{src as the page writes it: the picture's bytes} for the pictures of ``doc``'s article
    (``need_ocr=False``: even without OCR — ``fetch`` keeps them as evidence)."""
    from ..readers import ocr
    from ..readers.html import picture_sources
    from ..readers.ocr import PICTURE_MAGIC
    from .find import is_html, page_text

    if not _IMG.search(doc.content) or not is_html(doc) or (need_ocr and not ocr.installed()):
        return {}
    try:
        srcs = picture_sources(page_text(doc), doc.final_url)
    except InputError:
        return {}        # a page the reader refuses: its error comes when it is read
    out: dict[str, bytes] = {}
    for src in list(dict.fromkeys(srcs))[:MAX_PICTURES]:
        url = urljoin(doc.final_url, src)
        if not url.startswith(("http://", "https://")):
            continue
        try:
            got = fetcher.get(url)
        except InputError:
            continue
        if got.content.startswith(PICTURE_MAGIC):
            out[src] = got.content
    return out
