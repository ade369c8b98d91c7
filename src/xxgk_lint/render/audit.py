"""The audit's terminal summary: reports worst first, the rules that fired most, duplicates."""

from __future__ import annotations

import os
from typing import Any

from ..audit import counts, duplicates, rule_counts, status, worst_first

WORDS = {"zh": {"file": "文件", "body": "发布机关", "year": "年度", "template": "模板", "errors": "错误",
                "warnings": "警告", "status": "状态", "rule": "规则", "title": "名称", "findings": "问题数",
                "reports": "报告数", "dup": "同一机关同一年度有多个文件", "interrupted": "已中断：只汇总已完成的文件",
                "total": "共审查 {n} 个文件（{done} 个完成）：无法读取 {u}，有错误 {e}，有警告 {w}，未发现问题 {c}",
                "more": "（另有 {n} 个报告未列出，见导出文件）"},
         "en": {"file": "file", "body": "body", "year": "year", "template": "template", "errors": "errors",
                "warnings": "warnings", "status": "status", "rule": "rule", "title": "title", "findings": "findings",
                "reports": "reports", "dup": "Several files for one body and year",
                "interrupted": "Interrupted: only finished files are summarised",
                "total": "{n} files audited ({done} finished): {u} unreadable, {e} with errors, {w} with warnings, "
                         "{c} clean",
                "more": "({n} more reports not listed; see the exports)"}}
STYLE = {"unreadable": "bold magenta", "error": "bold red", "warning": "yellow", "info": "cyan", "clean": "green"}


def print_summary(records: list[dict[str, Any]], lang: str, interrupted: bool, total: int, limit: int = 40) -> None:
    from rich.console import Console
    from rich.table import Table

    w = WORDS[lang]
    console = Console(highlight=False)
    table = Table(box=None, header_style="bold", pad_edge=False)
    for col in ("file", "body", "year", "template", "errors", "warnings", "status"):
        table.add_column(w[col], justify="right" if col in ("year", "errors", "warnings") else "left",
                         overflow="fold")
    ordered = worst_first(records)
    # paths relative to the folder audited: the common part says nothing
    common = os.path.commonpath([os.path.dirname(r["path"]) or "." for r in records]) if records else ""
    for rec in ordered[:limit]:
        c, st = counts(rec), status(rec)
        meta = rec.get("meta") or {}
        table.add_row(os.path.relpath(rec["path"], common) if common else rec["path"], rec["body"] or "?", str(rec["year"] or "?"), meta.get("template", ""),
                      str(c["error"]), str(c["warning"]), f"[{STYLE[st]}]{st}[/]")
    console.print(table)
    if len(ordered) > limit:
        console.print(w["more"].format(n=len(ordered) - limit))
    rules = rule_counts(records)[:10]
    if rules:
        rt = Table(box=None, header_style="bold", pad_edge=False)
        for col in ("rule", "title", "findings", "reports"):
            rt.add_column(w[col], justify="right" if col in ("findings", "reports") else "left")
        for r, t, n, k in rules:
            rt.add_row(r, t, str(n), str(k))
        console.print()
        console.print(rt)
    for body, year, files in duplicates(records):
        console.print(f"[yellow]{w['dup']}[/]: {body} {year}: {', '.join(files)}")
    states = [status(r) for r in records]
    console.print()
    if interrupted:
        console.print(f"[bold red]{w['interrupted']}[/]")
    console.print(w["total"].format(n=total, done=len(records), u=states.count("unreadable"),
                                    e=states.count("error"), w=states.count("warning"), c=states.count("clean")))
