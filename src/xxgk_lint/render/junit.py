"""JUnit XML: a test suite per file, a test case per rule that ran on it; findings are failures."""

from __future__ import annotations

from typing import Any, TextIO
from xml.etree import ElementTree as ET

from . import FileResult, where


def render(results: list[FileResult], lang: str, out: TextIO, options: dict[str, Any]) -> None:
    root = ET.Element("testsuites", name="xxgk-lint")
    rules = options.get("rules") or []
    total = failures = errors = 0
    for r in results:
        suite = ET.SubElement(root, "testsuite", name=r.path)
        if r.error is not None:
            case = ET.SubElement(suite, "testcase", classname=r.path, name="read")
            ET.SubElement(case, "error", message=r.error.message)
            suite.set("tests", "1")
            suite.set("errors", "1")
            suite.set("failures", "0")
            total, errors = total + 1, errors + 1
            continue
        by_rule: dict[str, list[Any]] = {}
        for f in r.findings:
            by_rule.setdefault(f.rule_id, []).append(f)
        ran = (rule.id for rule in rules if r.report is not None and rule.applies(r.report))
        names = sorted({*by_rule, *ran})
        for name in names:
            case = ET.SubElement(suite, "testcase", classname=r.path, name=name)
            found = by_rule.get(name, [])
            if found:
                fail = ET.SubElement(case, "failure", message=f"{len(found)} finding(s)",
                                     type=max(f.severity for f in found))
                fail.text = "\n".join(f"{where(f.loc, f.path, lang)}: {f.severity}: {f.message(lang)}" for f in found)
        n_fail = sum(1 for n in names if by_rule.get(n))
        suite.set("tests", str(len(names)))
        suite.set("failures", str(n_fail))
        suite.set("errors", "0")
        total, failures = total + len(names), failures + n_fail
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    out.write(ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n")
