"""Bytes to text: UTF-8 (BOM or not), UTF-16 with BOM, or detected (GB18030/GBK, Big5 …)."""

from __future__ import annotations

import re

from ..model import InputError

# Encodings that Chinese reports come in; a detector's guess outside these is not trusted.
_CHINESE = ("gb18030", "gbk", "gb2312", "big5", "big5hkscs", "utf_8", "utf_16", "utf_32", "hz", "cp950", "cp936")
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


def decode(data: bytes, path: str, html: bool = False, charset: str | None = None) -> tuple[str, str]:
    """(text, encoding name).  ``charset``: what an HTTP header declared, believed before a
    page's <meta> and detection when the bytes decode with it.  Raises InputError for binary
    data or an undetectable encoding."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise InputError("invalid UTF-16 text", path) from None
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as e:
            raise _bad(data, e, path) from None
    if b"\x00" in data[:8192]:
        text = _utf16_without_bom(data)
        if text is not None:
            return text, "utf-16"
        raise InputError("binary file, not a text report (nor UTF-16 text)", path)
    if charset and _plausible(charset):
        name = _superset(charset)
        try:
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        first_error = e
    if html:   # a page that declares its charset is taken at its word
        m = _HTML_CHARSET.search(data[:4096])
        if m:
            name = _superset(m.group(1).decode("ascii"))
            try:
                return data.decode(name), name
            except (LookupError, UnicodeDecodeError):
                pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000], cp_isolation=list(_CHINESE)).best()
    if best is not None:
        try:
            return data.decode(best.encoding), best.encoding
        except (LookupError, UnicodeDecodeError):
            pass
    raise _bad(data, first_error, path)


def _plausible(name: str) -> bool:
    """A declared charset a Chinese page can be in (a server's default ISO-8859-1 decodes any
    bytes into nonsense and is not believed)."""
    import codecs

    try:
        return codecs.lookup(_superset(name)).name.replace("-", "_") in _CHINESE
    except LookupError:
        return False


def _superset(name: str) -> str:
    name = name.lower()
    return "gb18030" if name in ("gb2312", "gbk", "x-gbk") else name   # GB18030 is a superset of both


def _bad(data: bytes, e: UnicodeDecodeError, path: str) -> InputError:
    line = data[:e.start].count(b"\n") + 1
    return InputError(f"cannot decode the text: not UTF-8 (bad byte at offset {e.start}) and no Chinese "
                      f"encoding (GB18030/GBK/Big5) detected", path, line)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without its byte-order mark: ASCII characters (digits, newlines, the
    pipes of a table) leave a zero byte on one side of their pair; on the other side only a
    character such as 丐 (U+4E10) does."""
    head = data[:8192]
    if len(data) % 2 or len(head) < 16:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    pairs = len(head) // 2
    for zeros, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros >= pairs * 0.05 and other * 4 <= zeros:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            return text if text.isprintable() or all(c.isprintable() or c in "\r\n\t" for c in text[:4096]) else None
    return None
