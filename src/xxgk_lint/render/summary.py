"""The audit's terminal summary: reports worst first, the rules that fired most, duplicates."""

from __future__ import annotations

import os
from typing import Any, TextIO

from . import FileResult
from .batch import duplicates, relative, rule_counts, worst_first
from .words import words

STYLE = {"unreadable": "bold magenta", "error": "bold red", "warning": "yellow", "info": "cyan", "clean": "green", "duplicate": "dim"}


def render(results: list[FileResult], lang: str, out: TextIO, options: dict[str, Any]) -> None:
    """``options``: total (files the audit found), interrupted, limit (rows shown)."""
    from . import console as new_console
    from rich.table import Table

    w = words(lang)
    limit = options.get("limit", 40)
    console = new_console(out, no_color=options.get("no_color", False))
    table = Table(box=None, header_style="bold", pad_edge=False)
    for col in ("file", "body", "year", "template", "error", "warning", "status"):
        table.add_column(w[col], justify="right" if col in ("year", "error", "warning") else "left",
                         overflow="fold")
    ordered = worst_first(results)
    common = relative(results)
    for r in ordered[:limit]:
        c, st = r.counts(), r.status
        table.add_row(os.path.relpath(r.path, common) if common else r.path, r.identity.body or "?",
                      str(r.identity.year or "?"), r.template, str(c["error"]), str(c["warning"]),
                      f"[{STYLE[st]}]{st}[/]")
    console.print(table)
    if len(ordered) > limit:
        console.print(w["more"].format(n=len(ordered) - limit))
    rules = rule_counts(results, lang)[:10]
    if rules:
        rt = Table(box=None, header_style="bold", pad_edge=False)
        for col in ("rule", "title", "findings", "reports"):
            rt.add_column(w[col], justify="right" if col in ("findings", "reports") else "left")
        for rid, t, n, k in rules:
            rt.add_row(rid, t, str(n), str(k))
        console.print()
        console.print(rt)
    for body, year, files in duplicates(results):
        shown = ", ".join(files[:5]) + (w["more_files"].format(n=len(files) - 5) if len(files) > 5 else "")
        console.print(f"[yellow]{w['dup']}[/]: {body} {year}: {shown}")
    states = [r.status for r in results]
    console.print()
    if options.get("interrupted"):
        console.print(f"[bold red]{w['interrupted']}[/]")
    console.print(w["total"].format(n=options.get("total", len(results)), done=len(results),
                                    u=states.count("unreadable"), e=states.count("error"), w=states.count("warning"),
                                    c=states.count("clean"))
                  + (w["same"].format(n=states.count("duplicate")) if "duplicate" in states else ""))
