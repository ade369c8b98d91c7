"""Word (.docx): word/document.xml read with lxml.

Paragraphs and tables in document order (content controls included); merged cells are
expanded from gridSpan and vMerge so a merged group label repeats in every row it covers.
A location names the paragraph, or the table/row/column; ``lines`` lists each paragraph and
each table row (as ``cell | cell``) so diagnostics can show the text with a caret.

Why not python-docx: reading needs only the body XML, and python-docx costs 57 ms to import
(a check of one report would take twice the start-up budget); the XML is parsed with entity
resolution and network access off.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from ..model import InputError, Location
from .blocks import Document, Grid, ListingReader, Para, RawCell

MAX_XML_BYTES = 64 * 1024 * 1024     # uncompressed document.xml: far above any real report
MAX_RATIO = 200                      # compression ratio above which a part is a zip bomb
MAX_SPAN = 64                        # columns one cell may span: wider than any report table
_SPAN = re.compile(r"[0-9]{1,4}")    # ASCII digits only: str.isdigit() accepts "²"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _check_zip(data: bytes, path: str) -> None:
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        infos = {i.filename: i for i in z.infolist()}
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError) as e:
        raise InputError(f"not a valid .docx (zip): {e}", path) from None
    doc = infos.get("word/document.xml")
    if doc is None:
        raise InputError("not a Word document: the zip has no word/document.xml", path)
    total = sum(i.file_size for i in infos.values())
    if doc.file_size > MAX_XML_BYTES or total > 4 * MAX_XML_BYTES or \
            any(i.compress_size and i.file_size / i.compress_size > MAX_RATIO and i.file_size > 1_000_000
                for i in infos.values()):
        raise InputError("refusing the .docx: it expands to far more than any report (zip bomb?)", path)


def parse(data: bytes, path: str) -> Document:
    _check_zip(data, path)
    from lxml import etree

    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        xml = z.read("word/document.xml")
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as e:
        what = "its entities expand far beyond any document" if "amplification" in str(e).lower() else \
            str(e).split(", line")[0]
        raise InputError(f"cannot read the .docx: word/document.xml line {e.lineno}: {what}", path) from None
    except RuntimeError as e:            # zipfile's way of saying "encrypted, needs a password"
        raise InputError(f"cannot read the .docx: it is encrypted ({e})", path) from None
    except NotImplementedError as e:     # a compression method or encryption zipfile lacks
        raise InputError(f"cannot read the .docx: unsupported zip feature ({e})", path) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, KeyError) as e:
        raise InputError(f"cannot read the .docx: the zip is damaged ({e})", path) from None
    body = root.find(_W + "body")
    if body is None:
        raise InputError("not a Word document: word/document.xml has no body", path)
    reader = _Reader(path)
    reader.zip, reader.pictures = z, _pictures(z)
    reader.container(body)
    return Document(path, reader.blocks, reader.lines, "docx")


_T, _TAB, _BR, _CR, _HYPHEN, _R = (_W + t for t in ("t", "tab", "br", "cr", "noBreakHyphen", "r"))
_TCPR, _GRID_SPAN, _VMERGE, _VAL = (_W + t for t in ("tcPr", "gridSpan", "vMerge", "val"))


def _text(p) -> str:
    """A paragraph's text as Word shows it: runs (hyperlinks and insertions included, deletions
    not), tabs and line breaks."""
    out = []
    for el in p.iter(_T, _TAB, _BR, _CR, _HYPHEN):
        if el.getparent().tag != _R:
            continue                      # w:tab inside w:tabs is a tab stop, not a tab
        tag = el.tag
        out.append(el.text or "" if tag == _T else "\t" if tag == _TAB else "-" if tag == _HYPHEN else "\n")
    return "".join(out)


_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"


def _pictures(z: zipfile.ZipFile) -> dict[str, str]:
    """The document's pictures (PNG, JPEG): relationship id -> part name (read when placed)."""
    import posixpath

    from lxml import etree

    try:
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"),
                                etree.XMLParser(resolve_entities=False, no_network=True))
    except (KeyError, etree.XMLSyntaxError, zipfile.BadZipFile, zlib.error, OSError):
        return {}
    out = {}
    for rel in rels:
        target = rel.get("Target") or ""
        if rel.get("TargetMode") != "External" and target.lower().endswith((".png", ".jpg", ".jpeg")):
            out[rel.get("Id")] = posixpath.normpath(posixpath.join("word", target))
    return out


class _Reader(ListingReader):
    zip: zipfile.ZipFile | None = None
    pictures: dict[str, str] = {}           # relationship id -> part name (``_pictures``)

    def picture(self, rel_id: str | None) -> bytes | None:
        name = self.pictures.get(rel_id or "")
        if name is None or self.zip is None:
            return None
        try:
            return self.zip.read(name)
        except (KeyError, zipfile.BadZipFile, zlib.error, OSError):
            return None

    def container(self, el) -> None:
        for child in el.iterchildren():
            tag = child.tag
            if tag == _W + "p":
                self.paragraph(child)
            elif tag == _W + "tbl":
                self.table(child)
            elif tag == _W + "sdt":          # content control: its content is ordinary body content
                content = child.find(_W + "sdtContent")
                if content is not None:
                    self.container(content)

    def paragraph(self, p) -> None:
        self.para_no += 1
        text = _text(p)
        self.lines.append(text)
        line = len(self.lines)
        if text.strip():
            lead = len(text) - len(text.lstrip())
            self.blocks.append(Para(text.strip(), Location(self.path, line, lead + 1, line, len(text.rstrip()) + 1,
                                                           para=self.para_no)))
        elif p.find(f".//{_W}drawing") is not None or p.find(f".//{_W}pict") is not None:
            blip = p.find(f".//{_BLIP}")
            self.blocks.append(Grid([], Location(self.path, line, 1, para=self.para_no), image=True,
                                    picture=self.picture(blip.get(_EMBED)) if blip is not None else None))

    def _cell_text(self, tc) -> str:
        return "\n".join(_text(p) for p in tc.iter(_W + "p"))

    def table(self, tbl) -> None:
        self.table_no += 1
        rows: list[list[RawCell]] = []
        above: dict[int, RawCell] = {}       # grid column -> cell a vMerge="continue" repeats
        first_line = len(self.lines) + 1
        # direct children only: rows and cells of a nested table belong to that table
        for r, tr in enumerate(tbl.iterchildren(_W + "tr"), 1):
            texts: list[tuple[str, int, int]] = []   # (text, grid column, span)
            col = 0
            for tc in tr.iterchildren(_W + "tc"):
                span, merge = 1, None
                # iterchildren, not find(): find() goes through ElementPath and costs 3x here
                for tcpr in tc.iterchildren(_TCPR):
                    for el in tcpr.iterchildren(_GRID_SPAN, _VMERGE):
                        if el.tag == _GRID_SPAN:
                            val = _SPAN.fullmatch(el.get(_VAL, "1").strip())
                            span = max(1, min(int(val[0]), MAX_SPAN)) if val else 1
                        else:
                            merge = el.get(_VAL, "continue")
                texts.append((self._cell_text(tc) if merge != "continue" else "\0", col, span))
                col += span
            offsets = self.listing_row(["" if t == "\0" else t.replace("\n", " ") for t, _, _ in texts])
            line = len(self.lines)
            row: list[RawCell] = []
            for (text, c, span), (start, end) in zip(texts, offsets):
                if text == "\0":
                    cell = above.get(c) or RawCell("", Location(self.path, line, start, line, end,
                                                                table=self.table_no, row=r, cell=c + 1))
                else:
                    cell = RawCell(text, Location(self.path, line, start, line, max(end, start + 1),
                                                  table=self.table_no, row=r, cell=c + 1))
                for k in range(span):
                    above[c + k] = cell
                    row.append(cell)
            rows.append(row)
        self.blocks.append(Grid(rows, Location(self.path, first_line, 1, table=self.table_no)))
