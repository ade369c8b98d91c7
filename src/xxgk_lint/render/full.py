"""Diagnostics the way rustc and ruff print them, drawn with rich::

    error[T3-BALANCE]: 表三「总计」列：一+二 = 64 + 0 = 64，三（七）+四 = 63 + 0 = 63，差 1
      --> report.txt:36:42
       = 位置：表三 / 一、本年新收 / 总计
       |
    36 | 一、本年新收政府信息公开申请数量 | 64 | 0 | 0 |
       |                                  ^^
       = 帮助：核对本年新收、上年结转、办理结果总计与结转下年度的数字。
"""

from __future__ import annotations

import os
import shutil
from typing import Any, TextIO

from rich.cells import cell_len, get_character_cell_size

from ..findings import Finding
from ..labels import describe
from . import FileResult, Summary, where
from .messages import file_header, summary_line
from .words import words

STYLES = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}


def _window(line: str, start: int, end: int, width: int) -> tuple[str, int, int]:
    """Cut a long source line to ``width`` cells around [start, end); returns the piece and
    the span's new offsets (in characters)."""
    if len(line) <= width // 2 or cell_len(line) <= width:
        return line, start, end
    w = [get_character_cell_size(ch) for ch in line[max(start - width, 0):start + width]]
    base = max(start - width, 0)        # w[i] is the width of line[base + i]
    budget = width - 2 - min(sum(w[start - base:end - base]), width // 2)
    lo, used = start, 0
    while lo > 0 and lo - 1 >= base and used + w[lo - 1 - base] <= budget // 3:
        lo -= 1
        used += w[lo - base]
    hi, used = lo, 0
    while hi < len(line) and hi - base < len(w) and used + w[hi - base] <= width - 2:
        used += w[hi - base]
        hi += 1
    hi = max(hi, min(end, len(line)))
    piece = ("…" if lo > 0 else "") + line[lo:hi] + ("…" if hi < len(line) else "")
    shift = lo - (1 if lo > 0 else 0)
    return piece, start - shift, min(end, hi) - shift


def _source(out: Any, f: Finding, lines: list[str], gutter: int, width: int) -> None:
    loc = f.loc
    if loc is None or not loc.line or loc.line > len(lines):
        return
    text = lines[loc.line - 1].replace("\t", " ")
    start = max(loc.col - 1, 0)
    end = loc.end_col - 1 if loc.end_line in (0, loc.line) and loc.end_col > loc.col else start + 1
    end = min(max(end, start + 1), max(len(text), start + 1))
    piece, s, e = _window(text, start, end, max(width - gutter - 3, 20))
    pad = " " * gutter
    out.append(f"{pad} |\n", style="blue")
    out.append(f"{loc.line:>{gutter}} | ", style="blue")
    out.append(piece + "\n")
    out.append(f"{pad} | ", style="blue")
    out.append(" " * cell_len(piece[:s]) + "^" * max(cell_len(piece[s:e]), 1) + "\n", style=STYLES[f.severity])


def _short(loc: Any, lang: str) -> str:
    if loc.table:
        return f"{loc.row}行{loc.cell}列" if lang == "zh" else f"r{loc.row}c{loc.cell}"
    return f"{loc.line}:{loc.col}"


def _finding(out: Any, f: Finding, lines: list[str], lang: str, width: int) -> None:
    w = words(lang)
    out.append(f"{f.severity}[{f.rule_id}]", style=STYLES[f.severity])
    out.append(": ")
    out.append(f.message(lang) + "\n", style="bold")
    gutter = max(len(str(f.loc.line)) if f.loc and f.loc.line else 1, 2)
    pad = " " * gutter
    out.append(f"{pad}--> ", style="blue")
    out.append(where(f.loc, f.path, lang) + "\n")
    place = describe(f.place, lang)
    if place:
        out.append(f"{pad} = ", style="blue")
        out.append(f"{w['place']}: {place}\n")
    _source(out, f, lines, gutter, width)
    if f.related and len(f.related) <= 6:
        also = ", ".join(_short(r, lang) for r in f.related if r.line or r.table)
        if also:
            out.append(f"{pad} = ", style="blue")
            out.append(f"{w['also']}: {also}\n", style="dim")
    help_text = f.rule.format("help", lang, f.args)
    if help_text:
        out.append(f"{pad} = ", style="blue")
        out.append(f"{w['help']}: ", style="bold")
        out.append(help_text + "\n")
    out.append("\n")


def _header(out: Any, r: FileResult, lang: str) -> None:
    if r.report is not None:
        out.append(f"── {r.path}  ", style="bold")
        out.append(file_header(r.report, lang, r.source) + "\n", style="dim")


class _Plain:
    """What rich.text.Text offers us (append with a style), for output without colour:
    rich is only imported when there is colour to draw (it is most of start-up)."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def append(self, text: str, style: str | None = None) -> None:
        self.parts.append(text)


def _wants_colour(out: TextIO, options: dict[str, Any]) -> bool:
    if options.get("no_color") or "NO_COLOR" in os.environ:
        return False
    if options.get("force_terminal") or os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(out, "isatty") and out.isatty() and os.environ.get("TERM") != "dumb"


def render(results: list[FileResult], lang: str, out: TextIO, options: dict[str, Any]) -> None:
    colour = _wants_colour(out, options)
    if colour:
        from rich.console import Console
        from rich.text import Text

        console = Console(file=out, highlight=False, force_terminal=True)
        text: Any = Text()      # one Text printed once: rich's per-print layout is costly
        width = console.width
    else:
        text, width = _Plain(), shutil.get_terminal_size((100, 24)).columns
    for r in results:
        if r.error is not None:
            continue
        if options.get("verbose"):
            _header(text, r, lang)
        lines = r.report.lines if r.report else []
        for f in r.findings:
            _finding(text, f, lines, lang, width)
    if not options.get("quiet"):
        s = Summary.of(results)
        worst = "error" if s.counts["error"] else "warning" if s.counts["warning"] else "info"
        text.append(summary_line(s, lang), style=STYLES[worst] if sum(s.counts.values()) else "bold green")
    if colour:
        console.print(text, soft_wrap=True)
    else:
        out.write("".join(text.parts) + "\n")
