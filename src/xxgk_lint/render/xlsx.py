"""The audit as an XLSX workbook a supervisor can send on: summary, findings, rules and
duplicates sheets.  No cell is ever a live formula."""

from __future__ import annotations

from typing import Any, BinaryIO

from . import FileResult
from .batch import STATUS_LABELS, duplicates, rule_counts, worst_first
from .csv import FINDING_COLUMNS, finding_table

OPEN = ("wb", {})
SUMMARY_COLUMNS = (
    ("file", "文件", "file", 40), ("body", "发布机关", "body", 24), ("year", "年度", "year", 7),
    ("kind", "机关类型", "kind", 12), ("template", "模板", "template", 9), ("error", "错误", "errors", 7),
    ("warning", "警告", "warnings", 7), ("info", "提示", "info", 7), ("status", "状态", "status", 11),
    ("problem", "读取问题", "read error", 40),
)


def summary_table(results: list[FileResult], lang: str) -> list[dict[str, Any]]:
    return [{"file": r.path, "body": r.identity.body, "year": r.identity.year, "kind": r.identity.kind,
             "template": r.template, **r.counts(), "status": STATUS_LABELS[lang][r.status],
             "problem": str(r.error) if r.error is not None else ""} for r in worst_first(results)]


def render(results: list[FileResult], lang: str, out: BinaryIO, options: dict[str, Any]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    wb = Workbook()
    head_font, head_fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")

    def sheet(ws, columns, rows) -> None:
        ws.append([c[1] if lang == "zh" else c[2] for c in columns])
        for cell in ws[1]:
            cell.font, cell.fill = head_font, head_fill
        for row in rows:
            ws.append([row.get(c[0], "") for c in columns])
            for cell in ws[ws.max_row]:
                if cell.data_type == "f":       # text that starts with "=" is text, never a live formula
                    cell.data_type = "s"
        for i, c in enumerate(columns, 1):
            ws.column_dimensions[ws.cell(1, i).column_letter].width = c[3]
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions

    ws = wb.active
    ws.title = "汇总" if lang == "zh" else "Summary"
    sheet(ws, SUMMARY_COLUMNS, summary_table(results, lang))
    sheet(wb.create_sheet("问题" if lang == "zh" else "Findings"), FINDING_COLUMNS, finding_table(results, lang))
    rules = [{"rule": r, "title": t, "findings": n, "reports": k} for r, t, n, k in rule_counts(results, lang)]
    sheet(wb.create_sheet("规则" if lang == "zh" else "Rules"),
          (("rule", "规则", "rule", 24), ("title", "名称", "title", 40), ("findings", "问题数", "findings", 9),
           ("reports", "报告数", "reports", 9)), rules)
    dups = [{"body": b, "year": y, "files": "；".join(files)} for b, y, files in duplicates(results)]
    if dups:
        sheet(wb.create_sheet("重复" if lang == "zh" else "Duplicates"),
              (("body", "发布机关", "body", 24), ("year", "年度", "year", 7), ("files", "文件", "files", 80)), dups)
    wb.save(out)
