"""Readers: a file in, the report model out — or an InputError naming the file and why.

The reader is chosen from the content, not only the extension.  Input files are only
ever opened for reading.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..model import InputError, Report

MAX_BYTES = 20 * 1024 * 1024   # no real report comes near this; a larger file is not one


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


def decode(data: bytes, path: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is refused clearly."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError("invalid UTF-16 text", path) from None
    if b"\x00" in data[:8192]:
        raise InputError("binary file, not a text report", path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        raise InputError(f"not valid UTF-8 text (byte {e.start}); save the file as UTF-8", path, line) from None


def sniff(text: str, path: str) -> str:
    """'structured' for YAML/JSON reports, 'text' otherwise."""
    ext = Path(path).suffix.lower()
    if ext in (".yaml", ".yml", ".json"):
        return "structured"
    head = text.lstrip()[:400]
    if head.startswith("{") or head.startswith("xxgk-report:") or head.startswith("meta:"):
        return "structured"
    return "text"


def read_report(path: str) -> Report:
    text = decode(read_bytes(path), path)
    if not text.strip():
        raise InputError("empty file", path)
    if sniff(text, path) == "structured":
        from .structured import read
        return read(text, path)
    from .assemble import assemble
    from .text import parse
    return assemble(parse(text, path))


def read_text(text: str, path: str = "<text>") -> Report:
    """Read pipe text already in memory (tests, benchmarks)."""
    from .assemble import assemble
    from .text import parse
    return assemble(parse(text, path))
