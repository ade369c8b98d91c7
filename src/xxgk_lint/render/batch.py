"""What the audit's outputs count over many results: reports worst first, the rules that fired
most, bodies with several files for one year, one flat row per finding."""

from __future__ import annotations

import os
from typing import Any, Iterator

from . import FileResult, where
from .json import finding_dict

STATUSES = ("unreadable", "error", "warning", "info", "clean", "duplicate")
_RANK = {s: i for i, s in enumerate(STATUSES)}


def worst_first(results: list[FileResult]) -> list[FileResult]:
    def key(r: FileResult) -> tuple:
        c = r.counts()
        return (_RANK[r.status], -c["error"], -c["warning"], r.path)
    return sorted(results, key=key)


def rule_counts(results: list[FileResult], lang: str) -> list[tuple[str, str, int, int]]:
    """(rule, title, findings, reports) — most frequent first."""
    total: dict[str, list[Any]] = {}
    for r in results:
        for f in r.findings:
            entry = total.setdefault(f.rule_id, [f.rule.text("title", lang), 0, set()])
            entry[1] += 1
            entry[2].add(r.path)
    return sorted(((rid, t, n, len(k)) for rid, (t, n, k) in total.items()), key=lambda x: (-x[2], x[0]))


def duplicates(results: list[FileResult]) -> list[tuple[str, int, list[str]]]:
    """(body, year, files) for each body and year that more than one file claims."""
    seen: dict[tuple[str, Any], list[str]] = {}
    for r in results:
        if r.identity.body and r.identity.year is not None:
            seen.setdefault((r.identity.body, r.identity.year), []).append(r.path)
    return [(b, y, files) for (b, y), files in sorted(seen.items(), key=lambda kv: (kv[0][0], kv[0][1]))
            if len(files) > 1]


def finding_rows(results: list[FileResult], lang: str) -> Iterator[dict[str, Any]]:
    """One flat row per finding, with the report's identity and its place in the file (CSV, XLSX,
    JSONL, dashboard)."""
    for r in results:
        i = r.identity
        for f in r.findings:
            yield {"file": r.path, "body": i.body, "year": i.year, "kind": i.kind, **finding_dict(f, lang),
                   "where": where(f.loc, "", lang), "fingerprint": f.fingerprint()}


def relative(results: list[FileResult]) -> str:
    """The folder every result is under (the common part of paths says nothing)."""
    return os.path.commonpath([os.path.dirname(r.path) or "." for r in results]) if results else ""
