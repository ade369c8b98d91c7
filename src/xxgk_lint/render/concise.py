"""One line per finding: ``path:line:col: severity[RULE] message`` — for editors, grep and hooks."""

from __future__ import annotations

from typing import Any, TextIO

from . import FileResult, Summary, where
from .messages import file_header, summary_line


def render(results: list[FileResult], lang: str, out: TextIO, options: dict[str, Any]) -> None:
    for r in results:
        if r.error is not None:
            continue    # input errors go to stderr, one line each (cli)
        if options.get("verbose") and r.report is not None:
            out.write(f"# {r.path}: {file_header(r.report, lang, r.source)}\n")
        for f in r.findings:
            out.write(f"{where(f.loc, f.path, lang)}: {f.severity}[{f.rule_id}] {f.message(lang)}\n")
    if not options.get("quiet"):
        out.write(summary_line(Summary.of(results), lang) + "\n")
