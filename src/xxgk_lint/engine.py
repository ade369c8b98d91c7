"""The engine: selects rules for a report, runs their compiled checks, stamps findings.

Rules are pure: they yield hits; identity (rule id) and severity (after config
overrides) are stamped here, so no rule reads global configuration.
"""

from __future__ import annotations

from typing import Any, Iterable, NamedTuple

from .findings import SEVERITY_RANK, Finding, matches
from .record import Tr
from .issuers import DEFAULT_DEADLINES
from .kinds import Context
from .model import Report
from .rules import Rule
from .template import TABLE_SECTION


MAX_PER_RULE = 1000        # findings of one rule in one file
DROPPED = Tr("读取时有文字未能归入报告的任何部分（{where}），所缺内容可能就在其中",
             "some text could not be placed in the report ({where}); what is missing may be in it")


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
        covered: list[tuple[Rule, Finding, tuple]] = []      # hits that explain other rules' findings
        dropped = _dropped_note(report)
        for rule in rules:
            if not rule.applies(report):
                continue
            severity = self.severities[rule.id]
            same: dict[tuple, Finding] = {}
            for n, hit in enumerate(rule.check(report, self.ctx)):
                if n == MAX_PER_RULE:       # a 20 MB page of one mistake: enough said, memory bounded
                    break
                if hit.absent and report.cut is not None and _lost(report.cut, hit.place):
                    continue        # it may stand in the part of the document that is not here
                sev = hit.severity if hit.severity and SEVERITY_RANK[hit.severity] < SEVERITY_RANK[severity] \
                    else severity
                doubt = hit.doubt if hit.doubt is not None else dropped if hit.absent else None
                finding = Finding(rule, sev, report.path, hit.loc, hit.place, hit.args, hit.related, doubt)
                if sev == "error" and not finding.certain:
                    finding.severity = "warning"    # what the reading may have got wrong is not the body's error
                key = _args_key(finding.args)
                twin = same.get(key)
                if twin is not None:        # the same defect again: one finding that lists its places
                    if finding.loc is not None:
                        twin.related = (*twin.related, finding.loc)
                    if SEVERITY_RANK[finding.severity] > SEVERITY_RANK[twin.severity]:
                        twin.severity, twin.doubt = finding.severity, finding.doubt   # read for certain here
                else:
                    same[key] = twin = finding
                    out.append(finding)
                if rule.supersedes:
                    covered.append((rule, twin, hit.covers or (hit.place,)))
        if covered:
            out = _drop_superseded(out, covered)
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


def _dropped_note(report: Report) -> Tr | None:
    """Why a finding that something is missing may be wrong: text the reader placed nowhere."""
    if not report.dropped:
        return None
    _, loc, text = report.dropped[0]
    where = (f"第 {loc.page} 页，" if loc.page else f"第 {loc.line} 行，" if loc.line else "") + f"「{text[:16]}…」"
    where_en = (f"page {loc.page}, " if loc.page else f"line {loc.line}, " if loc.line else "") + f"\"{text[:16]}…\""
    return Tr(DROPPED.zh.format(where=where), DROPPED.en.format(where=where_en))




def _lost(cut: Any, place: Any) -> bool:
    """Whether what a finding says is missing could stand in the part of a cut document that is
    not there: a section or table outside what it holds, a table it cuts open, the section the
    cut falls in, the date (at either end), the title and period (at its start)."""
    if place.table:
        return place.table in cut.tables or not cut.holds(TABLE_SECTION.get(place.table, 0))
    if place.section:
        return not cut.holds(place.section) or (place.section == cut.end and cut.end_at is not None)
    if place.field:
        return place.field == "published" or bool(cut.start) and place.field in ("title", "period", "year")
    return True


def _args_key(args: dict[str, Any]) -> tuple:
    return tuple(sorted((k, v if isinstance(v, (str, int, float, Tr)) else repr(v)) for k, v in args.items()))


def _drop_superseded(findings: list[Finding], covered: list[tuple[Rule, Finding, tuple]]) -> list[Finding]:
    """Findings that a more precise finding explains (its rule ``supersedes`` theirs, at a place
    it covers): the same defect, said once."""
    def explained(f: Finding) -> bool:
        for rule, by, places in covered:
            if by is not f and matches(f.rule_id, rule.supersedes) and any(_within(f.place, p) for p in places):
                return True
        return False
    return [f for f in findings if not explained(f)]


def _within(place: Any, cover: Any) -> bool:
    """Whether a finding's place lies in what a covering place names (a table covers its cells,
    a row its cells; an empty place covers the whole report)."""
    if not (cover.table or cover.section or cover.field):
        return True
    if cover.table:
        return place.table == cover.table and (not cover.row or place.row == cover.row) and \
            (not cover.col or place.col == cover.col)
    if cover.field:
        return place.field == cover.field
    return place.section == cover.section and not place.table


class Checked(NamedTuple):
    """What the rules found, for the rules that need it: the suppressions used (by id), the rules
    that ran and those this run left out (--select/--ignore)."""

    used: set[int]
    ran: set[str]
    left_out: set[str]
