"""Renderer texts that are not rule messages (summary lines, labels), in both languages."""

from __future__ import annotations

from ..model import Report
from ..issuers import kind_name
from . import Summary

SOURCE_NAMES = {"zh": {"title": "标题", "metadata": "元数据", "text": "从正文推断", "period": "统计期限",
                       "file name": "文件名", "mapping": "对照表"},
                "en": {"title": "title", "metadata": "metadata", "text": "inferred from the text",
                       "period": "statistics period", "file name": "file name", "mapping": "mapping"}}


HEADER_WORDS = {"zh": {"year": "年度", "template": "模板", "body": "发布机关", "unknown": "未知", "reader": "读取为",
                       "encoding": "编码"},
                "en": {"year": "year", "template": "template", "body": "body", "unknown": "unknown",
                       "reader": "read as", "encoding": "encoding"}}


def file_header(report: Report, lang: str) -> str:
    """What was read from a file (for --verbose): body and its kind, year, template, reader, encoding."""
    m, words, sources = report.meta, HEADER_WORDS[lang], SOURCE_NAMES[lang]
    src = sources.get(m.body_source, "")
    body = m.body or words["unknown"]
    body_part = f"{body}（{kind_name(m.kind).pick(lang)}{'，' + src if src else ''}）" if lang == "zh" else \
        f"{body} ({kind_name(m.kind).pick(lang)}{', ' + src if src else ''})"
    year = m.year if m.year is not None else words["unknown"]
    enc = f"  {words['encoding']}: {report.encoding}" if report.encoding else ""
    return (f"{words['body']}: {body_part}  {words['year']}: {year}  {words['template']}: {m.template}"
            f"  {words['reader']}: {report.reader}{enc}")


def summary_line(s: Summary, lang: str) -> str:
    c = s.counts
    total = sum(c.values())
    if lang == "en":
        line = (f"{total} finding{'s' if total != 1 else ''} ({c['error']} errors, {c['warning']} warnings, "
                f"{c['info']} info) in {s.files} file{'s' if s.files != 1 else ''}")
        if s.input_errors:
            line += f"; {s.input_errors} file{'s' if s.input_errors != 1 else ''} could not be read"
        return line
    line = f"共 {total} 个问题（错误 {c['error']}，警告 {c['warning']}，提示 {c['info']}），检查文件 {s.files} 个"
    if s.input_errors:
        line += f"；{s.input_errors} 个文件无法读取"
    return line
