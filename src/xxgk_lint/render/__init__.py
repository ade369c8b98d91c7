"""Renderers: each turns checked files into output, and knows nothing of rules' internals.

One small module per format; ``get(name)`` imports only the one asked for (rich is heavy).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any, Callable, TextIO

from ..findings import Finding, Tr
from ..model import InputError, Location, Report

FORMATS = ("full", "concise", "json", "jsonl", "sarif", "github", "gitlab", "junit")


def default_format(stdout_is_tty: bool) -> str:
    """full on a terminal, GitHub annotations in GitHub Actions, concise elsewhere (pre-commit, pipes)."""
    import os

    if os.environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    if os.environ.get("PRE_COMMIT"):
        return "concise"
    return "full" if stdout_is_tty else "concise"


class FileResult:
    """One checked file: its report and findings, or the input error that stopped it."""

    __slots__ = ("path", "report", "findings", "error")

    def __init__(self, path: str, report: Report | None = None, findings: list[Finding] | None = None,
                 error: InputError | None = None):
        self.path, self.report, self.findings, self.error = path, report, findings or [], error


class Summary:
    __slots__ = ("files", "input_errors", "counts")

    def __init__(self, files: int = 0):
        self.files, self.input_errors = files, 0
        self.counts = {"error": 0, "warning": 0, "info": 0}

    @classmethod
    def of(cls, results: list[FileResult]) -> "Summary":
        s = cls(len(results))
        for r in results:
            s.input_errors += r.error is not None
            for f in r.findings:
                s.counts[f.severity] += 1
        return s


Renderer = Callable[[list[FileResult], str, TextIO, dict[str, Any]], None]


def get(name: str) -> Renderer:
    return import_module(f".{name}", __name__).render


def plain_args(args: dict[str, Any], lang: str) -> dict[str, Any]:
    """Message values as JSON-able plain values in the chosen language."""
    return {k: (v.pick(lang) if isinstance(v, Tr) else v) for k, v in args.items()}


def where(loc: Location | None, path: str, lang: str = "zh") -> str:
    """path:line:col for text formats; for Word and PDF, the page, paragraph or table cell
    (their line numbers only index the reader's text listing)."""
    if loc is None or not (loc.line or loc.table or loc.para or loc.page):
        return path
    if loc.table or loc.para or loc.page:
        parts = []
        if loc.page:
            parts.append(f"第 {loc.page} 页" if lang == "zh" else f"page {loc.page}")
        if loc.table:
            parts.append(f"表格 {loc.table} 第 {loc.row} 行第 {loc.cell} 列" if lang == "zh"
                         else f"table {loc.table}, row {loc.row}, column {loc.cell}")
        elif loc.para:
            parts.append(f"第 {loc.para} 段" if lang == "zh" else f"paragraph {loc.para}")
        return f"{path}（{'，'.join(parts)}）" if lang == "zh" else f"{path} ({', '.join(parts)})"
    return f"{path}:{loc.line}:{loc.col}" if loc.col else f"{path}:{loc.line}"
