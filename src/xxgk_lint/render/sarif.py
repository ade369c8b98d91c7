"""SARIF 2.1.0: rules with their help and legal reference, results with a physical location
(line and column) or, for places without lines (Word, PDF), a logical one (table / row / column),
and stable fingerprints."""

from __future__ import annotations

import json
from typing import Any, TextIO

from .. import __version__
from ..labels import describe
from . import FileResult

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


def _rule(rule: Any, lang: str) -> dict[str, Any]:
    help_text = rule.text("help", lang)
    return {
        "id": rule.id,
        "name": rule.id.replace("-", "_").title().replace("_", ""),
        "shortDescription": {"text": rule.text("title", lang)},
        "fullDescription": {"text": rule.text("rationale", lang) or rule.text("title", lang)},
        "help": {"text": f"{help_text}\n{rule.reference}".strip(),
                 "markdown": f"{help_text}\n\n*{rule.reference}*".strip()},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"reference": rule.reference, "templates": list(rule.templates), "kind": rule.kind},
    }


def render(results: list[FileResult], lang: str, out: TextIO, options: dict[str, Any]) -> None:
    rules = {r.id: r for r in options.get("rules") or []}
    for res in results:
        for f in res.findings:
            rules.setdefault(f.rule_id, f.rule)
    order = sorted(rules)
    index = {rid: i for i, rid in enumerate(order)}
    sarif_results = []
    notifications = []
    for res in results:
        if res.error is not None:
            notifications.append({"level": "error", "message": {"text": res.error.message},
                                  "locations": [{"physicalLocation": {"artifactLocation": {"uri": res.path}}}]})
        for f in res.findings:
            loc = f.loc
            physical: dict[str, Any] = {"artifactLocation": {"uri": f.path}}
            if loc is not None and loc.line and not loc.table and not loc.para:
                region = {"startLine": loc.line}
                if loc.col:
                    region["startColumn"] = loc.col
                if loc.end_col and loc.end_line in (0, loc.line) and loc.end_col > loc.col:
                    region["endColumn"] = loc.end_col
                physical["region"] = region
            location: dict[str, Any] = {"physicalLocation": physical}
            place = describe(f.place, lang)
            logical = []
            if place:
                logical.append({"fullyQualifiedName": place, "kind": "element"})
            if loc is not None and (loc.table or loc.para or loc.page):
                detail = ", ".join(f"{k} {getattr(loc, k)}" for k in ("page", "table", "row", "cell", "para")
                                   if getattr(loc, k))
                logical.append({"fullyQualifiedName": detail, "kind": "element"})
            if logical:
                location["logicalLocations"] = logical
            sarif_results.append({
                "ruleId": f.rule_id, "ruleIndex": index[f.rule_id], "level": LEVELS[f.severity],
                "message": {"text": f.message(lang)}, "locations": [location],
                "partialFingerprints": {"xxgkLint/v1": f.fingerprint()},
            })
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "xxgk-lint", "version": __version__, "semanticVersion": __version__,
                            "rules": [_rule(rules[rid], lang) for rid in order]}},
        "results": sarif_results,
        "columnKind": "unicodeCodePoints",
    }
    if notifications:
        run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": notifications}]
    json.dump({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, out, ensure_ascii=False, indent=2)
    out.write("\n")
