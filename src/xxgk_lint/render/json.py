"""Versioned, stable JSON: every field of every finding, plus each file's metadata."""

from __future__ import annotations

import json
from typing import Any, TextIO

from .. import __version__
from ..findings import Finding
from ..labels import describe
from ..model import Report
from . import FileResult, Summary, plain_args

SCHEMA = "xxgk-lint/check"
VERSION = 1


def finding_dict(f: Finding, lang: str) -> dict[str, Any]:
    loc = f.loc
    return {
        "rule": f.rule_id,
        "severity": f.severity,
        "title": f.rule.text("title", lang),
        "message": f.message(lang),
        "help": f.rule.format("help", lang, f.args),
        "reference": f.rule.reference,
        "path": f.path,
        "line": loc.line if loc else None,
        "col": loc.col if loc else None,
        "end_line": (loc.end_line or None) if loc else None,
        "end_col": (loc.end_col or None) if loc else None,
        "location": loc.as_dict() if loc else None,
        "place": f.place.as_dict(),
        "place_label": describe(f.place, lang),
        "values": plain_args(f.args, lang),
        "related": [r.as_dict() for r in f.related],
        "doubt": f.doubt.pick(lang) if f.doubt is not None else None,   # the recovered reading it rests on
    }


def meta_dict(report: Report) -> dict[str, Any]:
    m = report.meta
    return {
        "title": m.title or None, "body": m.body or None, "body_source": m.body_source or None,
        "kind": m.kind, "year": m.year, "year_source": m.year_source or None,
        "published": m.published.isoformat() if m.published else (m.published_raw or None),
        "template": m.template, "template_cited": m.template_cited or None,
        "period": [m.period_start.isoformat() if m.period_start else None,
                   m.period_end.isoformat() if m.period_end else None] if m.period_raw else None,
        "reader": report.reader,
    }


def render(results: list[FileResult], lang: str, out: TextIO, options: dict[str, Any]) -> None:
    s = Summary.of(results)
    doc = {
        "schema": SCHEMA, "version": VERSION, "tool": {"name": "xxgk-lint", "version": __version__}, "lang": lang,
        "files": [{
            "path": r.path,
            "error": None if r.error is None else {"message": r.error.message, "line": r.error.line or None,
                                                   "col": r.error.col or None},
            "meta": meta_dict(r.report) if r.report is not None else None,
            "source": r.source.to_plain() if r.source is not None else None,
            "findings": [finding_dict(f, lang) for f in r.findings],
        } for r in results],
        "summary": {"files": s.files, "input_errors": s.input_errors, **s.counts},
    }
    json.dump(doc, out, ensure_ascii=False, indent=2, default=str)
    out.write("\n")
