"""Readers: a file in, the report model out — or an InputError naming the file and why.

The reader is chosen from the content, not the extension alone.  Input files are only
ever opened for reading.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..model import InputError, Report

MAX_BYTES = 20 * 1024 * 1024   # no real report comes near this; a larger file is not one
# the files an audit of a folder reads (a file named on the command line is read whatever its name)
PATTERNS = ("*.yaml", "*.yml", "*.json", "*.txt", "*.html", "*.htm", "*.shtml", "*.xhtml", "*.docx", "*.pdf",
            "*.png", "*.jpg", "*.jpeg")


def read_bytes(path: str) -> bytes:
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        raise InputError("file not found", path) from None
    except OSError as e:
        raise InputError(f"cannot read file: {e.strerror}", path) from None
    if os.path.isdir(path):
        raise InputError("is a directory", path)
    if size > MAX_BYTES:
        raise InputError(f"file is too large ({size / 1048576:.1f} MB; limit {MAX_BYTES // 1048576} MB)", path)
    try:
        with open(path, "rb") as f:
            return f.read(MAX_BYTES + 1)
    except OSError as e:
        raise InputError(f"cannot read file: {e.strerror}", path) from None


PICTURE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")    # the pictures OCR reads: PNG, JPEG


def sniff(data: bytes, path: str) -> str:
    """Which reader a file needs, from its first bytes (the extension only breaks ties)."""
    ext = Path(path).suffix.lower()
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data[:1024].lstrip().startswith(b"%PDF"):
        return "pdf"
    if data.startswith(PICTURE_MAGIC):
        return "image"
    if data.startswith((b"\xd0\xcf\x11\xe0", b"{\\rtf")):
        raise InputError("old Word (.doc) and RTF files are not supported; save the report as .docx", path)
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):          # UTF-16: look at the decoded text
        try:
            head = data[:2048].decode("utf-16", errors="ignore").lstrip().lower().encode()
        except LookupError:
            head = b""
    if ext in (".yaml", ".yml", ".json") or head.startswith((b"{", b"xxgk-report:", b"meta:")):
        return "structured"
    if ext in (".html", ".htm", ".shtml", ".xhtml") or head.startswith((b"<!doctype html", b"<html", b"<?xml")) \
            or b"<body" in head or b"<meta" in head:
        return "html"
    return "text"


_NOT_REPORTS = ("README", "LICENSE", "LICENCE", "CHANGELOG", "CONTRIBUTING", "NOTICE", "AUTHORS")


def read_report(path: str) -> Report:
    """The report in a file; the first page of a folder of numbered page pictures is read with
    the pages after it, as one scan (readers/pageset.py).  A project's documentation (README,
    LICENSE, *.md) is plainly not a report."""
    name = os.path.basename(path)
    if name.lower().endswith((".md", ".rst")) or name.split(".")[0].upper() in _NOT_REPORTS:
        from ..model import NotAReportError

        raise NotAReportError("not a report: a project's documentation file", path)
    if path.lower().endswith((".png", ".jpg", ".jpeg")):
        from .pageset import pages

        got = pages(path)
        if len(got) > 1:
            from .ocr import image_pdf

            return read_data(image_pdf([read_bytes(str(p)) for p in got], path), path)
    return read_data(read_bytes(path), path)


def read_data(data: bytes, path: str, charset: str | None = None, pictures: dict[str, bytes] | None = None) -> Report:
    """Any supported report from its bytes (``charset``: what an HTTP header declared;
    ``pictures``: a fetched page's pictures by their ``src``, for OCR)."""
    if not data.strip():
        raise InputError("empty file", path)
    kind = sniff(data, path)
    if kind == "image":                 # a picture of a report page: read as a scanned PDF page
        from .ocr import image_pdf

        data, kind = image_pdf(data, path), "pdf"
    if kind in ("docx", "pdf"):
        from importlib import import_module

        from .assemble import assemble

        doc = import_module(f".{kind}", __name__).parse(data, path)
        return assemble(_with_pictures_read(doc))
    from .encoding import decode

    text, encoding = decode(data, path, html=kind == "html", charset=charset)
    if not text.strip():
        raise InputError("empty file", path)
    written = text
    if kind != "structured":
        from .chinese import readable

        text = readable(text)           # a mirror's "統(tǒng)計": read as 统计
    if kind == "structured":
        from .structured import read

        report = read(text, path)
    elif kind == "html":
        from .assemble import assemble
        from .html import parse as parse_html

        report = assemble(_with_pictures_read(parse_html(text, path, pictures.get if pictures is not None else None)))
    else:
        report = read_text(text, path)
    if text != written:
        shown = written.splitlines()
        if [len(line) for line in shown] == [len(line) for line in report.lines]:
            report.lines = shown        # the same places: diagnostics show the lines as written
        # (pinyin taken out shortens lines: the places are the read text's, and so are the lines)
    report.encoding = encoding
    return report


def _with_pictures_read(doc):
    """A Word or HTML document whose pictures (a table printed as an image) OCR reads."""
    if not any(getattr(b, "picture", None) for b in doc.blocks):
        return doc
    from .pictures import expand

    return expand(doc)


def read_text(text: str, path: str = "<text>") -> Report:
    """Read pipe text (or plain text) already in memory."""
    from .assemble import assemble
    from .text import parse

    return assemble(parse(text, path))
