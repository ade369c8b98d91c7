"""Whose report, for which year: decided in one place for every command.

From the document first (its title, metadata and text, as the readers found them), then the
file name ("示例县2023年政府信息公开工作年度报告.pdf"), then an audit's mapping (a CSV of file,
body, year, kind that a supervisor keeps).  The command line's or the configuration's issuer
kind stands where no mapping row gives one.  What is decided is written into the report's
metadata, with where it came from, so every rule and output sees the same identity."""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from .model import InputError, Report
from .readers.year import FILE_YEAR
from .record import Record
from .web import is_url

if TYPE_CHECKING:
    from .session import Session

_YEAR_WORD = re.compile(r"(20\d{2})\s*年度?")
_TITLE_TAIL = re.compile(r"(政府信息公开|政务公开|信息公开|工作)?(年度)?(年报|报告).*$")


class Identity(Record):
    """Body, year and issuer kind of a report; ``source`` says what settled it: report, file
    name or mapping."""

    __slots__ = ("body", "year", "kind", "source")

    def __init__(self, body: str = "", year: int | None = None, kind: str = "unknown", source: str = "report"):
        self.body, self.year, self.kind, self.source = body, year, kind, source


def load_mapping(path: str, key: str = "file") -> dict[str, dict[str, str]]:
    """A CSV with columns file (or url), body, year[, kind] that overrides what a report says of
    itself."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
    except OSError as e:
        raise InputError(f"cannot read the mapping: {e.strerror}", path) from None
    except UnicodeDecodeError:
        raise InputError("the mapping is not UTF-8 text", path) from None
    if rows and key not in rows[0]:
        raise InputError(f"the mapping needs a {key!r} column (and body, year, kind)", path, 1)
    out = {}
    for n, r in enumerate(rows, 2):
        year = (r.get("year") or "").strip()
        if year and not re.fullmatch(r"\d{4}", year):
            raise InputError(f"year {year!r} is not a year", path, n)
        name = (r[key] or "").strip()
        if name:
            out[_key(name)] = {k: (v or "").strip() for k, v in r.items() if k != key}
    return out


def load_urls(path: str) -> tuple[list[str], dict[str, dict[str, str]]]:
    """The URLs of a list (one a line; # comments) or of a CSV with a url column and, like the
    mapping, body, year and kind: (URLs in order, their mapping rows)."""
    try:
        with open(path, encoding="utf-8-sig") as f:
            first = f.readline()
    except OSError as e:
        raise InputError(f"cannot read the URL list: {e.strerror}", path) from None
    except UnicodeDecodeError:
        raise InputError("the URL list is not UTF-8 text", path) from None
    if "," in first and "url" in [c.strip().lower() for c in first.split(",")]:
        mapping = load_mapping(path, "url")
        return list(mapping), {u: row for u, row in mapping.items() if any(row.values())}
    urls = []
    with open(path, encoding="utf-8-sig") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if not is_url(line):
                raise InputError(f"not an http(s) URL: {line[:80]!r}", path, n)
            urls.append(line)
    return urls, {}


def _key(name: str) -> str:
    """How a mapping names a report: a URL as written, a file path normalised."""
    return name if is_url(name) else os.path.normpath(name)


def from_name(path: str) -> tuple[str, int | None]:
    """The body and year a file's name gives ("" and None where it gives none)."""
    stem = Path(path).stem
    m = FILE_YEAR.search(stem)      # the year the readers also take from a file name
    body = _TITLE_TAIL.sub("", _YEAR_WORD.sub("", stem)).strip(" _-")
    return body, int(m.group(1)) if m else None


def identify(path: str, report: Report | None, session: Session) -> Identity:
    """The report's identity (also for a file that could not be read: from its name and the
    mapping), written into ``report.meta`` when there is a report."""
    meta = report.meta if report is not None else None
    body, year = (meta.body, meta.year) if meta is not None else ("", None)
    source = "report"
    if not body or year is None:
        name_body, name_year = from_name(path)
        if year is None and name_year is not None:
            year, source = name_year, "file name"
        if not body and name_body:
            body, source = name_body, "file name"
    kind = meta.kind if meta is not None else "unknown"
    if session.kind:
        kind = session.kind
    row = session.mapping.get(_key(path)) or session.mapping.get(Path(path).name)
    if row:
        body = row.get("body") or body
        year = int(row["year"]) if row.get("year") else year
        kind = row.get("kind") or kind
        source = "mapping"
    if meta is not None:
        if body != meta.body:
            meta.body, meta.body_source = body, source
        if year != meta.year:
            meta.year, meta.year_source = year, source
        meta.kind = kind
    return Identity(body, year, kind, source)
