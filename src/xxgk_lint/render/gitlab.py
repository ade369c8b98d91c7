"""GitLab Code Quality report (JSON): fingerprints carry no line number, so a finding keeps its
identity when the lines above it move."""

from __future__ import annotations

import json
from typing import Any, TextIO

from . import FileResult

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(results: list[FileResult], lang: str, out: TextIO, options: dict[str, Any]) -> None:
    issues = []
    for r in results:
        for f in r.findings:
            line = f.loc.line if f.loc is not None and f.loc.line else 1
            issues.append({
                "type": "issue", "check_name": f.rule_id, "description": f"{f.rule_id}: {f.message(lang)}",
                "categories": ["Compatibility"], "severity": SEVERITY[f.severity], "fingerprint": f.fingerprint(),
                "location": {"path": f.path, "lines": {"begin": line}},
            })
    json.dump(issues, out, ensure_ascii=False, indent=2)
    out.write("\n")
