"""Run rule examples: public, so authors of third-party packs test their rules the same way.

An example patches a clean base report (``clean-2021.yaml`` or ``clean-2019.yaml`` beside
this file) and states whether the rule must fire::

    examples:
      - expect: fail
        count: 1                                     # optional: exact number of findings
        set: {tables.t3.new_received.total: 65}      # dotted paths into the structured report
        drop: [sections.6]                           # remove a section (1-based position) or key
      - expect: pass
        text: |                                      # or a whole pipe-text document
          一、总体情况 …

Paths: ``meta.published``, ``sections.5.heading`` (sections by 1-based position),
``tables.t3.new_received.natural_person`` (a column id inside a row list).
The patched document goes through the real reader, so examples test reading too.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..engine import Engine
from ..findings import Finding
from ..model import Report
from ..readers import read_text
from ..readers.structured import read
from ..rules import Rule
from ..template import TEMPLATE_2019, table_spec
from ..yamlio import to_plain

BASES = {"2021": "clean-2021.yaml", "2019": "clean-2019.yaml", "pre2019": "clean-pre2019.yaml"}


@lru_cache(maxsize=None)
def base_document(name: str) -> dict[str, Any]:
    text = (Path(__file__).parent / BASES[name]).read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _step(container: Any, part: str, path: str, template: str) -> tuple[Any, Any]:
    """(container, key) for one path component."""
    if isinstance(container, list):
        if part.isdigit():
            return container, int(part) - 1
        # a column id inside a table row list: find the row's column order
        parts = path.split(".")
        table, row = parts[1], parts[2]
        spec = table_spec(table, template)
        return container, list(spec.row_cols(spec.row_by_id[row])).index(part)
    return container, part


def patch(doc: dict[str, Any], example: dict[str, Any], template: str) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    for path, value in (example.get("set") or {}).items():
        value = to_plain(value)
        parts = str(path).split(".")
        node: Any = doc
        for part in parts[:-1]:
            c, k = _step(node, part, path, template)
            if isinstance(c, dict) and k not in c:
                c[k] = {}
            node = c[k]
        c, k = _step(node, parts[-1], path, template)
        if isinstance(c, list) and k >= len(c):
            c.append(value)
        else:
            c[k] = value
    for path in sorted(example.get("drop") or [], key=lambda p: -int(p.split(".")[-1])
                       if p.split(".")[-1].isdigit() else 0):
        parts = str(path).split(".")
        node = doc
        for part in parts[:-1]:
            c, k = _step(node, part, path, template)
            node = c[k]
        c, k = _step(node, parts[-1], path, template)
        del c[k]
    return doc


def example_report(rule: Rule, example: dict[str, Any]) -> Report:
    if example.get("text"):
        return read_text(str(example["text"]), f"<{rule.id} example>")
    if example.get("yaml"):         # a structured report as written, comments included
        return read(str(example["yaml"]), f"<{rule.id} example>")
    template = str(example.get("base") or (rule.templates[0] if rule.templates in ((TEMPLATE_2019,), ("pre2019",))
                                           else "2021"))
    doc = patch(base_document(template), example, template)
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    return read(text, f"<{rule.id} example>")


def run_example(rule: Rule, example: dict[str, Any], engine_options: dict[str, Any] | None = None) -> list[Finding]:
    """The findings of ``rule`` alone on the example's report.  ``previous`` (cross-year rules)
    patches the same base into last year's report: its year is one less, then ``set``/``drop``.
    ``children``, ``missing`` and ``aggregate`` (hierarchy rules) give the child reports (patches),
    the children without a report, and the cells the parent aggregates.  ``fetch`` (web rules)
    gives where the report was fetched from: the fields of a ``web.Source``."""
    engine = Engine([rule], **(engine_options or {}))
    report = example_report(rule, example)
    if "previous" in example:
        prev = dict(example["previous"] or {})
        prev["set"] = {"meta.year": (report.meta.year or 2023) - 1, **(prev.get("set") or {})}
        engine.ctx.previous = example_report(rule, {"expect": "pass", **prev})
    if "children" in example:     # hierarchy rules: child reports patched from the same base
        engine.ctx.children = [example_report(rule, {"expect": "pass", **(c or {})}) for c in example["children"]]
        engine.ctx.missing_children = list(example.get("missing") or [])
        engine.ctx.aggregate = [tuple(c.split(".")) for c in example.get("aggregate") or []]
    source = None
    if "fetch" in example:
        from ..web import Source

        source = Source.from_plain({"url": "https://example.gov.cn/nb/2023.html", **(example["fetch"] or {})})
    return [f for f in engine.check(report, source=source) if f.rule is rule]


def places(rule: Rule, example: dict[str, Any], found: list[Finding]) -> list[str]:
    """Where each finding lands, as an example's ``at:`` lists them: its logical place (as a
    suppression file writes it: t3.new_received.total, section:3, title; "report" for the whole
    report) and, for examples written as a document (``text:``, ``yaml:``), "@LINE" after it."""
    from ..suppress import place_text

    lines = bool(example.get("text") or example.get("yaml"))
    return [(place_text(f.place) or "report") + (f" @{f.loc.line}" if lines and f.loc is not None and f.loc.line
                                                 else "") for f in found]


def example_failures(rule: Rule) -> list[str]:
    """Why each of the rule's examples does not behave as it says (empty when all do)."""
    problems = []
    for i, ex in enumerate(rule.examples, 1):
        found = run_example(rule, ex)
        name = ex.get("name") or f"example {i}"
        if ex["expect"] == "pass" and found:
            problems.append(f"{rule.id} {name}: expected no finding, got: "
                            + "; ".join(f.message("en") for f in found))
        elif ex["expect"] == "fail":
            want = ex.get("count")
            if not found or (want is not None and len(found) != want):
                problems.append(f"{rule.id} {name}: expected {want or 'some'} finding(s), got {len(found)}: "
                                + "; ".join(f.message("en") for f in found))
            elif "at" in ex and places(rule, ex, found) != [str(a) for a in ex["at"]]:
                problems.append(f"{rule.id} {name}: expected findings at {list(ex['at'])}, "
                                f"got {places(rule, ex, found)}")
    return problems
