"""Audit exports a supervisor can send on: CSV and JSONL (one finding per row/line) and an
XLSX workbook (summary, findings, rules), all read from the audit records."""

from __future__ import annotations

import csv
import json
from typing import Any

from .audit import counts, duplicates, finding_rows, rule_counts, status, worst_first
from .outputs import atomic

# (key, Chinese header, English header, column width)
FINDING_COLUMNS = (
    ("file", "文件", "file", 40), ("body", "发布机关", "body", 24), ("year", "年度", "year", 7),
    ("rule", "规则", "rule", 22), ("severity", "级别", "severity", 9), ("message", "问题", "message", 70),
    ("where", "位置", "location", 16), ("place_label", "对象", "place", 30), ("values", "数值", "values", 30),
)
SUMMARY_COLUMNS = (
    ("file", "文件", "file", 40), ("body", "发布机关", "body", 24), ("year", "年度", "year", 7),
    ("kind", "机关类型", "kind", 12), ("template", "模板", "template", 9), ("error", "错误", "errors", 7),
    ("warning", "警告", "warnings", 7), ("info", "提示", "info", 7), ("status", "状态", "status", 11),
    ("problem", "读取问题", "read error", 40),
)
STATUS_LABELS = {"zh": {"unreadable": "无法读取", "error": "有错误", "warning": "有警告", "info": "仅提示",
                        "clean": "未发现问题"},
                 "en": {s: s for s in ("unreadable", "error", "warning", "info", "clean")}}


def where(f: dict[str, Any], lang: str) -> str:
    """A finding's location, short: line:col, or table/row/column, or paragraph (Word)."""
    loc = f.get("location") or {}
    if loc.get("table"):
        return (f"表格{loc['table']} 行{loc.get('row')} 列{loc.get('cell')}" if lang == "zh"
                else f"table {loc['table']} row {loc.get('row')} col {loc.get('cell')}")
    if loc.get("para"):
        return f"第{loc['para']}段" if lang == "zh" else f"paragraph {loc['para']}"
    return f"{f['line']}:{f['col']}" if f.get("line") else ""


def finding_table(records: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    rows = []
    for row in finding_rows(records):
        rows.append({**row, "where": where(row, lang),
                     "values": json.dumps(row.get("values") or {}, ensure_ascii=False, default=str)})
    return rows


def summary_table(records: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    out = []
    for rec in worst_first(records):
        meta = rec.get("meta") or {}
        out.append({"file": rec["path"], "body": rec["body"], "year": rec["year"], "kind": rec["kind"],
                    "template": meta.get("template", ""), **counts(rec),
                    "status": STATUS_LABELS[lang][status(rec)], "problem": rec["error"] or ""})
    return out


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert(value: Any) -> Any:
    """A text a spreadsheet would run as a formula ("=HYPERLINK(…)", "@SUM(…)") made plain text,
    as OWASP advises for CSV: a leading apostrophe."""
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def write_csv(path: str, records: list[dict[str, Any]], lang: str) -> None:
    with atomic(path, "w", newline="", encoding="utf-8-sig") as f:   # the BOM lets Excel read UTF-8
        w = csv.writer(f)
        w.writerow([c[1] if lang == "zh" else c[2] for c in FINDING_COLUMNS])
        for row in finding_table(records, lang):
            w.writerow([_inert(row.get(c[0], "")) for c in FINDING_COLUMNS])


def write_jsonl(path: str, records: list[dict[str, Any]]) -> None:
    with atomic(path, "w", encoding="utf-8") as f:
        for row in finding_rows(records):
            f.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")


def write_xlsx(path: str, records: list[dict[str, Any]], lang: str) -> None:
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
    sheet(ws, SUMMARY_COLUMNS, summary_table(records, lang))
    sheet(wb.create_sheet("问题" if lang == "zh" else "Findings"), FINDING_COLUMNS, finding_table(records, lang))
    rules = [{"rule": r, "title": t, "findings": n, "reports": k} for r, t, n, k in rule_counts(records)]
    sheet(wb.create_sheet("规则" if lang == "zh" else "Rules"),
          (("rule", "规则", "rule", 24), ("title", "名称", "title", 40), ("findings", "问题数", "findings", 9),
           ("reports", "报告数", "reports", 9)), rules)
    dups = [{"body": b, "year": y, "files": "；".join(files)} for b, y, files in duplicates(records)]
    if dups:
        sheet(wb.create_sheet("重复" if lang == "zh" else "Duplicates"),
              (("body", "发布机关", "body", 24), ("year", "年度", "year", 7), ("files", "文件", "files", 80)), dups)
    with atomic(path, "wb") as f:
        wb.save(f)
