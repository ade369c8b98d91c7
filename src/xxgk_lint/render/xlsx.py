"""The audit as an XLSX workbook a supervisor can send on: summary, findings, rules and
duplicates sheets.  No cell is ever a live formula."""

from __future__ import annotations

from typing import Any, BinaryIO

from . import FileResult, incomplete_note
from .batch import duplicates, rule_counts, worst_first
from .csv import FINDING_COLUMNS, finding_table
from .words import status_label, words

OPEN = ("wb", {})
SUMMARY_COLUMNS = (("file", 40), ("body", 24), ("year", 7), ("kind", 12), ("template", 9), ("error", 7),
                   ("warning", 7), ("info", 7), ("status", 11), ("problem", 40))


def summary_table(results: list[FileResult], lang: str) -> list[dict[str, Any]]:
    return [{"file": r.path, "body": r.identity.body, "year": r.identity.year, "kind": r.identity.kind,
             "template": r.template, **r.counts(), "status": status_label(r.status, lang),
             "problem": str(r.error) if r.error is not None else
             words(lang)["same_as"].format(url=r.same_as) if r.same_as else ""} for r in worst_first(results)]


def render(results: list[FileResult], lang: str, out: BinaryIO, options: dict[str, Any]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    w = words(lang)
    wb = Workbook()
    head_font, head_fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")

    def sheet(ws, columns, rows) -> None:
        ws.append([w[c[0]] for c in columns])
        for cell in ws[1]:
            cell.font, cell.fill = head_font, head_fill
        for row in rows:
            ws.append([row.get(c[0], "") for c in columns])
            for cell in ws[ws.max_row]:
                if cell.data_type == "f":       # text that starts with "=" is text, never a live formula
                    cell.data_type = "s"
        for i, c in enumerate(columns, 1):
            ws.column_dimensions[ws.cell(1, i).column_letter].width = c[1]
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions

    ws = wb.active
    ws.title = w["sheet_summary"]
    sheet(ws, SUMMARY_COLUMNS, summary_table(results, lang))
    sheet(wb.create_sheet(w["sheet_findings"]), FINDING_COLUMNS, finding_table(results, lang))
    rules = [{"rule": r, "title": t, "findings": n, "reports": k} for r, t, n, k in rule_counts(results, lang)]
    sheet(wb.create_sheet(w["sheet_rules"]), (("rule", 24), ("title", 40), ("findings", 9), ("reports", 9)), rules)
    dups = [{"body": b, "year": y, "files": "；".join(files)} for b, y, files in duplicates(results)]
    if dups:
        sheet(wb.create_sheet(w["sheet_duplicates"]), (("body", 24), ("year", 7), ("files", 80)), dups)
    note = incomplete_note(options, lang)
    if note:        # the first sheet, open when the workbook opens
        ws = wb.create_sheet(w["sheet_incomplete"], 0)
        ws.append([note])
        ws["A1"].font = Font(bold=True, color="C0392B")
        ws.column_dimensions["A"].width = 90
        wb.active = 0
    wb.save(out)
