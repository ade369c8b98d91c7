"""HTML: the published web page, parsed with lxml.

Finds the article among the site's chrome (navigation, breadcrumbs, 扫一扫 footers) as the
smallest element holding the section headings and statistics tables; reads the metadata
block and <meta>/<title> the CMS prints; expands rowspan/colspan so a rowspan="22" group
label repeats instead of shifting the numbers.  A cell's location is the line and column
of its <td> in the file.
"""

from __future__ import annotations

import re
from typing import Callable

from ..model import InputError, Location
from ..normalize import squash
from .assemble import classify_heading
from .blocks import Document, Grid, Para, RawCell
from .meta import has_field, is_label

_DATED = re.compile(r"^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")
from .tables import classify

MAX_SPAN = 64              # a hostile colspan="100000" must not allocate a huge grid
MAX_ELEMENTS = 100_000     # real report pages hold a few thousand elements
_START_TAG = re.compile(r"<[a-zA-Z]")
_DROP = ("script", "style", "noscript", "template", "iframe", "svg", "object", "select", "button", "head")
_BLOCK = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
                    "blockquote", "center", "pre", "dd", "dt", "dl", "header", "footer", "form", "fieldset",
                    "address", "main", "aside", "nav", "hr", "figure", "figcaption", "caption"})
_HEADING_HOSTS = frozenset({"span", "strong", "b", "font", "td"})
_META_NAMES = {"articletitle": "标题", "title": "标题", "pubdate": "发布日期", "publishdate": "发布日期",
               "firstpublishedtime": "发布日期", "contentsource": "发布机构", "source": "发布机构",
               "sitename": "", "author": ""}
_WS = re.compile(r"\s+")
_SPACES = re.compile(r"[ \t\r\n\u00a0]+")
_TD = re.compile(r"<t[dh][\s>/]", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def parse(text: str, path: str, pictures: Callable[[str], bytes | None] | None = None) -> Document:
    """The page's blocks.  ``pictures``: the bytes of an ``<img src>`` as written (a fetched
    page's pictures); by default a picture beside the saved page (``_local_picture``)."""
    from lxml import etree
    from lxml import html as lhtml

    if text.count("<") > MAX_ELEMENTS and _too_many_elements(text):
        # memory grows with elements, not bytes: 20 MB of <td>1</td> would take a gigabyte
        raise InputError(f"more than {MAX_ELEMENTS:,} HTML elements, more than any report page holds: not read",
                         path)
    lines = text.splitlines()
    # huge_tree lifts libxml2's depth limit from 256 to 2,048 levels (real CMS pages nest a few
    # dozen); the size it would also lift is bounded by the reader's file size limit
    parser = lhtml.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
    try:
        root = lhtml.document_fromstring(_XML_DECL.sub("", text, count=1), parser=parser)
    except (etree.ParserError, ValueError) as e:
        raise InputError(f"cannot parse the HTML: {e}", path) from None
    deep = next((e for e in parser.error_log if "depth" in e.message.lower()), None)
    if deep is not None:
        raise InputError("elements nested deeper than the HTML parser reads (2,048 levels): "
                         "not read", path, deep.line)
    head_blocks = _head_metadata(root, path, lines)
    for el in list(root.iter(*_DROP)):
        if el.getparent() is not None:
            el.drop_tree()
    body = root.find("body") if root.find("body") is not None else root
    td_cols = _td_columns(body, lines)
    article = _article(body)
    walker = _Walker(path, lines, td_cols, pictures or (lambda src: _local_picture(src, path)))
    walker.blocks.extend(head_blocks)
    if article is not body:
        walker.preface(body, article)
    walker.walk(article)
    walker.flush()
    return Document(path, walker.blocks, lines, "html")


def picture_sources(text: str, path: str) -> list[str]:
    """The ``src`` of each picture in the page's article, as written, in order: the pictures a
    fetched page is read with (a table printed as an image), not the site's logos and banners."""
    srcs: list[str] = []
    parse(text, path, lambda src: srcs.append(src) if src else None)
    return srcs


def _too_many_elements(text: str) -> bool:
    for k, _ in enumerate(_START_TAG.finditer(text)):
        if k >= MAX_ELEMENTS:
            return True
    return False


def _local_picture(src: str, path: str) -> bytes | None:
    """The file a saved page's picture names (``<img src="table3.png">``: a relative path), or
    the one ``fetch`` saved for it in "<page>_files/" (listed in its index.json by src as
    written); within the file size limit."""
    import json
    import os
    from pathlib import Path
    from urllib.parse import unquote

    if not src or not os.path.isfile(path):
        return None
    file = None
    if ":" not in src and not src.startswith(("/", "\\")) and "\0" not in src:
        file = Path(path).parent / unquote(src.split("?")[0].split("#")[0]).replace("\0", "")
    if file is None or not file.is_file():
        files = Path(path).with_name(f"{Path(path).stem}_files")
        try:
            name = json.loads((files / "index.json").read_text(encoding="utf-8")).get(src)
        except (OSError, ValueError, AttributeError):
            return None
        if not isinstance(name, str):
            return None
        file = files / Path(name).name           # a name, never a path out of the folder
    try:
        if not file.is_file() or file.stat().st_size > 20 * 1024 * 1024:
            return None
        data = file.read_bytes()
    except OSError:
        return None
    return data


def _loc_of(el, path: str) -> Location:
    return Location(path, el.sourceline or 0, 1)


def _head_metadata(root, path: str, lines: list[str]) -> list[Para]:
    """<title> and the <meta name="ArticleTitle|PubDate|ContentSource"> most CMSs print."""
    out: list[Para] = []
    for meta in root.iter("meta"):
        label = _META_NAMES.get((meta.get("name") or "").lower())
        content = (meta.get("content") or "").strip()
        if label and content:
            out.append(Para(f"{label}：{content}", _loc_of(meta, path)))
    title = root.find(".//title")
    if title is not None and (title.text or "").strip():
        # "报告标题_某某网" / "报告标题-某某政府网": the site name follows a separator
        text = re.split(r"\s*[_|｜]\s*|\s+-\s+", title.text.strip())[0]
        out.append(Para(text, _loc_of(title, path)))
    return out


def _td_columns(body, lines: list[str]) -> dict:
    """Column of each <td>/<th> start tag: the k-th cell element on a line is the k-th '<td' there."""
    positions: dict[int, list[int]] = {}
    seen: dict[int, int] = {}
    out = {}
    for el in body.iter("td", "th"):
        line = el.sourceline or 0
        if line not in positions:
            src = lines[line - 1] if 0 < line <= len(lines) else ""
            positions[line] = [m.start() + 1 for m in _TD.finditer(src)]
        k = seen.get(line, 0)
        seen[line] = k + 1
        cols = positions[line]
        out[el] = cols[k] if k < len(cols) else 1
    return out


def _article(body):
    """The smallest element that holds the report: every section heading and statistics table."""
    from itertools import islice

    from lxml.etree import Element

    marks = []
    stack = [body]
    while stack:
        el = stack.pop()
        tag = el.tag
        if tag == "table" and el.find(".//table") is None and _is_stat_table(el):
            marks.append(el)
            continue                      # its cells are table cells, never section headings
        if (tag in _BLOCK or tag in _HEADING_HOSTS) and next(islice(el.iterdescendants(Element), 6, None), None) is None:
            text = el.text_content()      # at most 6 descendants: a heading, not a container
            if len(text) <= 60 and classify_heading(text) is not None and \
                    not any(classify_heading(c.text_content()) for c in el):
                marks.append(el)
        stack.extend(reversed(el))
    if not marks:
        return body
    common = list(marks[0].iterancestors())[::-1] + [marks[0]]
    for m in marks[1:]:
        chain = set(m.iterancestors()) | {m}
        while common and common[-1] not in chain:
            common.pop()
    return common[-1] if common else body


def _is_stat_table(table) -> bool:
    rows = [[RawCell(td.text_content(), None) for td in tr.iter("td", "th")] for tr in table.iter("tr")]  # type: ignore[arg-type]
    return classify(Grid(rows, None)) is not None  # type: ignore[arg-type]


class _Walker:
    def __init__(self, path: str, lines: list[str], td_cols: dict, pictures: Callable[[str], bytes | None]):
        self.path, self.lines, self.td_cols, self.pictures = path, lines, td_cols, pictures
        self.blocks: list[Para | Grid] = []
        self.buf: list[tuple[str, object]] = []

    def picture(self, src: str) -> bytes | None:
        """A picture's bytes for OCR: inline (``data:image/png;base64,…``, as editors paste a
        table into a page) or from ``self.pictures``; None for anything but PNG or JPEG."""
        from . import PICTURE_MAGIC

        if src[:11].lower() == "data:image/":
            import base64
            import binascii

            head, _, body = src.partition(",")
            try:
                data = base64.b64decode(body) if head.lower().endswith(";base64") else None
            except (binascii.Error, ValueError):
                data = None
        else:
            data = self.pictures(src)
        return data if data and data.startswith(PICTURE_MAGIC) else None

    # ----------------------------------------------------------------- paragraphs
    def flush(self) -> None:
        if not self.buf:
            return
        text = _SPACES.sub(" ", "".join(t for t, _ in self.buf)).strip()
        first_el = self.buf[0][1]
        self.buf = []
        if text:
            self.blocks.append(Para(text, self._text_loc(text, first_el)))

    def _text_loc(self, text: str, el) -> Location:
        line = getattr(el, "sourceline", None) or 0
        probe = text[:6]
        for n in range(max(line, 1), min(max(line, 1) + 8, len(self.lines) + 1)):
            k = self.lines[n - 1].find(probe)
            if k >= 0:
                return Location(self.path, n, k + 1, n, k + 1 + len(text) if len(text) < 400 else 0)
        return Location(self.path, line, 1)

    def preface(self, body, article) -> None:
        """Elements before the article that carry metadata (索引号/发布机构/发布日期) or the title;
        the innermost of nested matches is taken.  A metadata block printed as a table (labels
        and values in cells of their own) is kept as a grid: assemble reads it as label/value pairs."""
        found = []
        ancestors = set(article.iterancestors())
        in_tables: set = set()          # the elements inside a metadata table already taken
        for el in body.iter():
            if el is article:
                break
            if el in ancestors or el in in_tables:
                continue
            if el.tag == "table" and el.find(".//table") is None and \
                    sum(is_label(td.text_content()) for td in el.iter("td", "th")) >= 2:
                in_tables.update(el.iter())
                found.append(el)
                continue
            if el.tag not in _BLOCK and el.tag not in ("td", "span", "li"):
                continue
            text = squash(el.text_content())
            if text and len(text) < 300 and (has_field(text) or el.tag in ("h1", "h2", "h3")
                                             or "title" in (el.get("class") or "")
                                             or len(text) < 60 and _DATED.match(text)):    # "2024-01-19 示例局"
                found.append(el)
        inner = [el for el in found if not any(o is not el and el in set(o.iterancestors()) for o in found)]
        for el in inner:
            if el.tag == "table":
                self.blocks.append(self._grid(el))
            else:
                self.blocks.append(Para(_WS.sub(" ", el.text_content()).strip(), _loc_of(el, self.path)))

    # ----------------------------------------------------------------- tree walk
    def walk(self, root) -> None:
        """Paragraphs and grids in document order; a stack, not recursion: pages nest deep."""
        stack: list[tuple[object, bool]] = [(root, False)]
        while stack:
            el, leaving = stack.pop()
            tag = el.tag if isinstance(el.tag, str) else ""
            block = tag in _BLOCK or tag in ("table", "tr", "td", "th", "tbody", "thead")
            if leaving:
                if block:
                    self.flush()
            elif tag == "table" and el.find(".//table") is None:
                self.flush()
                self.blocks.append(self._grid(el))
            elif tag == "img":
                self.flush()
                self.blocks.append(Grid([], _loc_of(el, self.path), image=True,
                                        picture=self.picture((el.get("src") or "").strip())))
            elif tag == "br":
                self.flush()
            else:
                if block:
                    self.flush()
                if el.text:
                    self.buf.append((el.text, el))
                stack.append((el, True))
                stack.extend((child, False) for child in reversed(el))
                continue
            if el is not root and el.tail:
                self.buf.append((el.tail, el))

    def _grid(self, table) -> Grid:
        rows: list[list[RawCell]] = []
        pending: dict[int, tuple[RawCell, int]] = {}   # column -> (cell, rows still covered)
        for tr in table.iter("tr"):        # no nested tables here: the walker recursed into those
            row: list[RawCell] = []
            for td in tr:
                if td.tag not in ("td", "th"):
                    continue
                _carry(row, pending)
                text = _WS.sub(" ", td.text_content()).strip()
                col = self.td_cols.get(td, 1)
                line = td.sourceline or 0
                cell = RawCell(text, Location(self.path, line, col, line, col + 3))
                rs, cs = td.get("rowspan"), td.get("colspan")
                rs, cs = _span(rs) if rs else 1, _span(cs) if cs else 1
                for _ in range(cs):
                    if rs > 1:
                        pending[len(row)] = (cell, rs - 1)
                    row.append(cell)
            _carry(row, pending)
            if row:
                rows.append(row)
        first = table.sourceline or 0
        return Grid(rows, Location(self.path, first, 1))


def _carry(row: list[RawCell], pending: dict[int, tuple[RawCell, int]]) -> None:
    """Fill the row's next columns with cells that a rowspan above still covers."""
    while len(row) in pending:
        cell, left = pending[len(row)]
        if left > 1:
            pending[len(row)] = (cell, left - 1)
        else:
            del pending[len(row)]
        row.append(cell)


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), MAX_SPAN))
    except ValueError:
        return 1
