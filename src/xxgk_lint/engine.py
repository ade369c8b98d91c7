"""The engine: selects rules for a report, runs their compiled checks, stamps findings.

Rules are pure: they yield hits; identity (rule id) and severity (after config
overrides) are stamped here, so no rule reads global configuration.
"""

from __future__ import annotations

from typing import Any, Iterable, NamedTuple

from .findings import SEVERITY_RANK, Finding, matches
from .issuers import DEFAULT_DEADLINES
from .kinds import Context
from .model import Report
from .rules import Rule


MAX_PER_RULE = 1000        # findings of one rule in one file


class Engine:
    def __init__(self, rules: list[Rule], *, select: Iterable[str] = (), ignore: Iterable[str] = (),
                 severity: dict[str, str] | None = None, deadlines: dict[str, str] | None = None):
        select, ignore = tuple(select), tuple(ignore)
        self.rules = [r for r in rules
                      if (not select or matches(r.id, select)) and not matches(r.id, ignore)]
        self.deselected = {r.id for r in rules} - {r.id for r in self.rules}
        overrides = dict(severity or {})
        self.severities = {r.id: next((level for p, level in overrides.items() if matches(r.id, (p,))), r.severity)
                           for r in self.rules}
        self.ctx = Context(deadlines=dict(deadlines or DEFAULT_DEADLINES))

    def check(self, report: Report, source: Any = None) -> list[Finding]:
        """``source``: where a fetched report came from (web.Source), for the rules that need
        its previous fetch."""
        ctx = self.ctx
        # a rule that needs other reports runs only where the audit gives them (crossreport.py);
        # one that needs the other rules' findings runs after them (inline suppressions)
        have = {"": True, "previous_year": ctx.previous is not None, "children": ctx.children is not None,
                "findings": False, "previous_fetch": bool(source is not None and source.previous_sha256)}
        ctx.source = source
        try:
            out = self._run([r for r in self.rules if have[r.needs]], report)
        finally:
            ctx.source = None
        if report.suppressions:
            out, used = self._suppress(report, out)
            ctx.findings = Checked(used, {r.id for r in self.rules}, self.deselected)
            out += self._run([r for r in self.rules if r.needs == "findings"], report)
            ctx.findings = None
        out.sort(key=Finding.sort_key)
        return out

    def _run(self, rules: list[Rule], report: Report) -> list[Finding]:
        out: list[Finding] = []
        for rule in rules:
            if not rule.applies(report):
                continue
            severity = self.severities[rule.id]
            for n, hit in enumerate(rule.check(report, self.ctx)):
                if n == MAX_PER_RULE:       # a 20 MB page of one mistake: enough said, memory bounded
                    break
                sev = hit.severity if hit.severity and SEVERITY_RANK[hit.severity] < SEVERITY_RANK[severity] \
                    else severity
                finding = Finding(rule, sev, report.path, hit.loc, hit.place, hit.args, hit.related)
                if sev == "error" and finding.uncertain() is not None:
                    finding.severity = "warning"    # what OCR may have misread is not the body's error
                out.append(finding)
        return out

    @staticmethod
    def _suppress(report: Report, findings: list[Finding]) -> tuple[list[Finding], set[int]]:
        """Inline suppressions: a reasoned comment on a finding's line silences it.  Returns the
        findings kept and the suppressions used (SUP-NO-REASON and SUP-UNUSED read them)."""
        valid = [s for s in report.suppressions if s.reason]
        used: set[int] = set()
        kept = []
        for f in findings:
            s = next((s for s in valid if f.loc is not None and f.loc.line == s.loc.line
                      and s.covers_rule(f.rule_id)), None)
            if s is None:
                kept.append(f)
            else:
                used.add(id(s))
        return kept, used


class Checked(NamedTuple):
    """What the rules found, for the rules that need it: the suppressions used (by id), the rules
    that ran and those this run left out (--select/--ignore)."""

    used: set[int]
    ran: set[str]
    left_out: set[str]
