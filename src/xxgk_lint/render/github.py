"""GitHub Actions workflow commands: each finding becomes an annotation on the file."""

from __future__ import annotations

from typing import Any, TextIO

from . import FileResult

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def render(results: list[FileResult], lang: str, out: TextIO, options: dict[str, Any]) -> None:
    for r in results:
        if r.error is not None:
            out.write(f"::error file={_prop(r.path)},title=xxgk-lint::{_data(r.error.message)}\n")
        for f in r.findings:
            props = [f"file={_prop(f.path)}"]
            loc = f.loc
            if loc is not None and loc.line and not loc.table and not loc.para:
                props.append(f"line={loc.line}")
                if loc.col:
                    props.append(f"col={loc.col}")
                if loc.end_col and loc.end_line in (0, loc.line):
                    props.append(f"endColumn={loc.end_col}")
            props.append(f"title={_prop(f.rule_id + ' ' + f.rule.text('title', lang))}")
            out.write(f"::{LEVELS[f.severity]} {','.join(props)}::{_data(f.message(lang))}\n")
