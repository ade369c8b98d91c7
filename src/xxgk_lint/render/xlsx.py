"""The audit as an XLSX workbook a supervisor can send on: summary, findings, rules and
duplicates sheets.  No cell is ever a live formula."""

from __future__ import annotations

from typing import Any, BinaryIO, Iterator

from . import FileResult, incomplete_note
from .batch import duplicates, rule_counts, worst_first
from .csv import FINDING_COLUMNS, finding_table
from .words import status_label, words

OPEN = ("wb", {})
SUMMARY_COLUMNS = (("file", 40), ("body", 24), ("year", 7), ("kind", 12), ("template", 9), ("error", 7),
                   ("warning", 7), ("info", 7), ("status", 11), ("problem", 40))


def summary_table(results: list[FileResult], lang: str) -> Iterator[dict[str, Any]]:
    return ({"file": r.path, "body": r.identity.body, "year": r.identity.year, "kind": r.identity.kind,
             "template": r.template, **r.counts(), "status": status_label(r.status, lang),
             "problem": str(r.error) if r.error is not None else
             words(lang)["same_as"].format(url=r.same_as) if r.same_as else ""} for r in worst_first(results))


def render(results: list[FileResult], lang: str, out: BinaryIO, options: dict[str, Any]) -> None:
    """Written in openpyxl's write-only mode, row by row: a workbook of 10^5 reports is streamed
    out, never held as cells (appending to a normal sheet re-measures it: quadratic)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    w = words(lang)
    wb = Workbook(write_only=True)
    head_font, head_fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")

    def styled(ws, value: Any, **style: Any) -> Any:
        cell = WriteOnlyCell(ws, value)
        for k, v in style.items():
            setattr(cell, k, v)
        return cell

    def sheet(title: str, columns, rows) -> None:
        ws = wb.create_sheet(title)
        for i, c in enumerate(columns, 1):
            ws.column_dimensions[get_column_letter(i)].width = c[1]
        ws.freeze_panes = "A2"
        ws.append([styled(ws, w[c[0]], font=head_font, fill=head_fill) for c in columns])
        n = 1
        for row in rows:
            values = [row.get(c[0], "") for c in columns]
            # text that starts with "=" is text, never a live formula
            ws.append([styled(ws, v, data_type="s") if isinstance(v, str) and v.startswith("=") else v
                       for v in values])
            n += 1
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{n}"

    note = incomplete_note(options, lang)
    if note:        # the first sheet, open when the workbook opens
        ws = wb.create_sheet(w["sheet_incomplete"])
        ws.column_dimensions["A"].width = 90
        ws.append([styled(ws, note, font=Font(bold=True, color="C0392B"))])
    sheet(w["sheet_summary"], SUMMARY_COLUMNS, summary_table(results, lang))
    sheet(w["sheet_findings"], FINDING_COLUMNS, finding_table(results, lang))
    rules = [{"rule": r, "title": t, "findings": n, "reports": k} for r, t, n, k in rule_counts(results, lang)]
    sheet(w["sheet_rules"], (("rule", 24), ("title", 40), ("findings", 9), ("reports", 9)), rules)
    dups = [{"body": b, "year": y, "files": "；".join(files)} for b, y, files in duplicates(results)]
    if dups:
        sheet(w["sheet_duplicates"], (("body", 24), ("year", 7), ("files", 80)), dups)
    wb.save(out)
