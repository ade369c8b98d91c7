"""The history store's texts kept small: a report's snapshot and result as JSON, deflated with a
preset dictionary — the store's first report — so that what every report repeats (keys,
headings, table labels, the template's sentences) costs almost nothing: about 1 KB a report
instead of 22 KB.  The dictionary is kept in the store itself (never in this code), so any
store reads back with no other file, whatever report it started from.

A packed value is bytes: one byte numbering the dictionary (0: none), then a deflate stream.  A
value stored as text — by a release before this one — reads as it is."""

from __future__ import annotations

import zlib

LIMIT = 32768           # deflate looks back 32 KB: a longer dictionary is cut to its end


def pack(text: str | None, dictionary: bytes | None, number: int | None) -> bytes | None:
    if text is None:
        return None
    c = zlib.compressobj(6, zdict=dictionary) if dictionary else zlib.compressobj(6)
    return bytes([number if dictionary else 0]) + c.compress(text.encode("utf-8")) + c.flush()


def unpack(value: bytes | str | None, dictionaries: dict[int, bytes]) -> str | None:
    if value is None or isinstance(value, str):
        return value
    number = value[0]
    d = zlib.decompressobj(zdict=dictionaries[number]) if number else zlib.decompressobj()
    return (d.decompress(value[1:]) + d.flush()).decode("utf-8")


def dictionary_from(*texts: str | None) -> bytes:
    """A dictionary from a first report's texts: what later reports will repeat."""
    return "".join(t for t in texts if t).encode("utf-8")[-LIMIT:]
