"""Renderer texts that are not rule messages (summary lines, labels), in both languages."""

from __future__ import annotations

from . import Summary

KIND_NAMES = {"zh": {"government": "人民政府", "department": "政府部门", "township": "乡镇（街道）",
                     "other": "其他机关", "unknown": "类型不明"},
              "en": {"government": "people's government", "department": "department", "township": "township/street",
                     "other": "other body", "unknown": "kind unknown"}}
SOURCE_NAMES = {"zh": {"title": "标题", "metadata": "元数据", "text": "从正文推断", "period": "统计期限",
                       "config": "配置", "cli": "命令行"},
                "en": {"title": "title", "metadata": "metadata", "text": "inferred from the text",
                       "period": "statistics period", "config": "config", "cli": "command line"}}


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
