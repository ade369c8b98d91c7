"""Renderers: each turns checked files into output, and knows nothing of rules' internals.

One small module per format; ``get(name)`` imports only the one asked for (rich is heavy).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from typing import Any, Callable, TextIO

from ..findings import SEVERITY_RANK, Finding, Tr
from ..model import InputError, Location, Report

FORMATS = ("full", "concise", "json")


@dataclass
class FileResult:
    path: str
    report: Report | None = None
    findings: list[Finding] = field(default_factory=list)
    error: InputError | None = None


@dataclass
class Summary:
    files: int = 0
    input_errors: int = 0
    counts: dict[str, int] = field(default_factory=lambda: {"error": 0, "warning": 0, "info": 0})

    @classmethod
    def of(cls, results: list[FileResult]) -> "Summary":
        s = cls(files=len(results))
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


def where(loc: Location | None, path: str) -> str:
    if loc is None or not loc.line:
        return path
    return f"{path}:{loc.line}:{loc.col}" if loc.col else f"{path}:{loc.line}"


def worst_first(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (-SEVERITY_RANK[f.severity], f.sort_key()))
