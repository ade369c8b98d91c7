"""Renderer sentences built from words.py: what was read from a file (check -v) and the summary line."""

from __future__ import annotations

from typing import Any

from ..model import Report
from ..issuers import kind_name
from . import Summary
from .words import words


def file_header(report: Report, lang: str, source: Any = None) -> str:
    """What was read from a file (for --verbose): body and its kind, year, template, reader, encoding."""
    m, w = report.meta, words(lang)
    src = w.get(f"from_{m.body_source.replace(' ', '_')}", "") if m.body_source else ""
    if "kind" in m.doubts:
        src = f"{src}{'，' if lang == 'zh' else ', '}{w['kind_doubt']}" if src else w["kind_doubt"]
    body = m.body or w["unknown"]
    body_part = f"{body}（{kind_name(m.kind).pick(lang)}{'，' + src if src else ''}）" if lang == "zh" else \
        f"{body} ({kind_name(m.kind).pick(lang)}{', ' + src if src else ''})"
    year = m.year if m.year is not None else w["unknown"]
    enc = f"  {w['encoding']}: {report.encoding}" if report.encoding else ""
    via = f"  {w['source']}: {w['via_' + source.via]} {source.document}" if source is not None else ""
    return (f"{w['body']}: {body_part}  {w['year']}: {year}  {w['template']}: {m.template}"
            f"  {w['reader']}: {report.reader}{enc}{via}")


def summary_line(s: Summary, lang: str) -> str:
    c = s.counts
    total = sum(c.values())
    if lang == "en":
        line = (f"{total} finding{'s' if total != 1 else ''} ({c['error']} errors, {c['warning']} warnings, "
                f"{c['info']} info) in {s.files} file{'s' if s.files != 1 else ''}")
        if s.input_errors:
            line += f" ({s.input_errors} of them could not be read)" if s.files > 1 else " (it could not be read)"
        return line
    line = f"共 {total} 个问题（错误 {c['error']}，警告 {c['warning']}，提示 {c['info']}），检查文件 {s.files} 个"
    if s.input_errors:
        line += f"（其中 {s.input_errors} 个无法读取）"
    return line
