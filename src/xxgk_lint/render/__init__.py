"""Renderers: each turns checked files into output, and knows nothing of rules' internals.

One small module per format; ``get(name)`` imports only the one asked for (rich is heavy).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any, Callable, TextIO

from ..record import Tr
from ..model import Location
from ..result import FileResult

FORMATS = ("full", "concise", "json", "jsonl", "sarif", "github", "gitlab", "junit")


def default_format(stdout_is_tty: bool) -> str:
    """full on a terminal, GitHub annotations in GitHub Actions, concise elsewhere (pre-commit, pipes)."""
    import os

    if os.environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    if os.environ.get("PRE_COMMIT"):
        return "concise"
    return "full" if stdout_is_tty else "concise"


def console(file: TextIO | None = None, **options: Any) -> Any:
    """A rich Console that wraps only on a terminal: into a pipe or a file (`audit … | less`,
    `rules | head`), a line stays one line, so names and titles are never split."""
    import sys

    from rich.console import Console

    out = file if file is not None else sys.stdout
    tty = hasattr(out, "isatty") and out.isatty()
    return Console(file=file, highlight=False, **({} if tty else {"width": 1000, "soft_wrap": True}), **options)


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


def write(name: str, path: str, results: list[FileResult], lang: str, options: dict[str, Any] | None = None) -> None:
    """A renderer's output into a file, atomically; a renderer module says how its file is
    opened (``OPEN``: the mode and its arguments) when not as UTF-8 text."""
    from ..outputs import atomic

    module = import_module(f".{name}", __name__)
    mode, kwargs = getattr(module, "OPEN", ("w", {"encoding": "utf-8"}))
    with atomic(path, mode, **kwargs) as out:
        module.render(results, lang, out, {"no_color": True, **(options or {})})


def incomplete_note(options: dict[str, Any], lang: str) -> str:
    """The line an export of an interrupted audit carries ("" when the audit finished):
    options["incomplete"] is (files finished, files in the audit)."""
    from .words import words

    if not options.get("incomplete"):
        return ""
    done, total = options["incomplete"]
    return words(lang)["incomplete"].format(done=done, total=total)


def plain_args(args: dict[str, Any], lang: str) -> dict[str, Any]:
    """Message values as JSON-able plain values in the chosen language."""
    return {k: (v.pick(lang) if isinstance(v, Tr) else v) for k, v in args.items()}


def where(loc: Location | None, path: str = "", lang: str = "zh") -> str:
    """Where a finding is, for every output: path:line:col for text formats; for Word and PDF the
    page, paragraph or table cell (their line numbers only index the reader's text listing).
    Without a path, only the place in the file ("12:5", "第 3 页，表格 2 第 4 行第 2 列")."""
    if loc is None or not (loc.line or loc.table or loc.para or loc.page):
        return path
    zh = lang == "zh"
    if loc.table or loc.para or loc.page:
        parts = []
        if loc.page:
            parts.append(f"第 {loc.page} 页" if zh else f"page {loc.page}")
        if loc.table:
            parts.append(f"表格 {loc.table} 第 {loc.row} 行第 {loc.cell} 列" if zh
                         else f"table {loc.table}, row {loc.row}, column {loc.cell}")
        elif loc.para:
            parts.append(f"第 {loc.para} 段" if zh else f"paragraph {loc.para}")
        inner = ("，" if zh else ", ").join(parts)
        return inner if not path else f"{path}（{inner}）" if zh else f"{path} ({inner})"
    at = f"{loc.line}:{loc.col}" if loc.col else f"{loc.line}"
    return f"{path}:{at}" if path else at
