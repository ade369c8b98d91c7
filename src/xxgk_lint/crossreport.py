"""Rules that compare reports: after every file of an audit is checked, the rules that declare
``needs: previous_year`` run on each report with the same body's report of the year before
(from this audit or the history store), and those with ``needs: children`` on each parent body
with its children's reports of the same year (a hierarchy file names them).

Both read the reports' snapshots, which keep their source locations: a finding points at the
cell in the current report's own file.  A cached report whose inputs are the same files as
when it was stored keeps its findings (the basis of each need is kept in the result)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from .findings import Finding
from .model import Report
from .result import FileResult

if TYPE_CHECKING:
    from .history import History
    from .session import Session

NEEDS = ("previous_year", "children")


def load_hierarchy(path: str) -> dict[str, Any]:
    """A YAML file: ``cells`` (table.row.col a parent aggregates) and ``parents`` (body: [children])."""
    from .model import InputError
    from .yamlio import load, to_plain

    try:
        data = to_plain(load(Path(path).read_text(encoding="utf-8"), path))
    except OSError as e:
        raise InputError(f"cannot read the hierarchy: {e.strerror}", path) from None
    if not isinstance(data, dict) or not isinstance(data.get("parents"), dict) or \
            not isinstance(data.get("cells", []), list):
        raise InputError("a hierarchy has 'parents' (body: [children]) and 'cells' ([table.row.col])", path, 1)
    cells = [tuple(str(c).split(".")) for c in data.get("cells", [])]
    if any(len(c) != 3 for c in cells):
        raise InputError("hierarchy 'cells' are written table.row.col (t3.new_received.total)", path)
    return {"cells": cells, "parents": {str(k): [str(c) for c in v or []] for k, v in data["parents"].items()}}


class Source:
    """Another report a rule needs: its content hash (what a stored result's basis names) and
    the report itself, read only when the rule has to run."""

    __slots__ = ("hash", "_get")

    def __init__(self, hash: str, get: Callable[[], Report | None]):
        self.hash, self._get = hash, get

    @property
    def report(self) -> Report | None:
        return self._get()          # read each time, kept by none: an audit's memory stays flat


Inputs = tuple[list[Source], Any]      # the other reports, and what else the rules get


def compare(results: list[FileResult], session: Session, history: History | None,
            hashes: dict[str, str], load: Callable[[FileResult], Report | None] | None = None) -> list[FileResult]:
    """Run the rules that need other reports; returns the results whose findings changed, each
    holding its report again.  ``load``: the report of a result that let go of it (the store's
    snapshot), read when a rule needs it."""
    import json

    from .engine import Engine
    from .snapshot import from_plain

    engine = session.engine
    def identified(r: FileResult) -> bool:
        return r.error is None and r.same_as is None and bool(r.identity.body) and r.identity.year is not None

    def report_of(r: FileResult) -> Report | None:
        return r.report if r.report is not None or load is None else load(r)

    mine = {(r.identity.body, r.identity.year): r for r in results if identified(r)}
    stored: dict[tuple[str, int], Source | None] = {}

    def source(body: str, year: int) -> Source | None:
        r = mine.get((body, year))
        if r is not None:
            return Source(hashes.get(r.path, r.path), lambda: report_of(r))
        if history is None:
            return None
        if (body, year) not in stored:
            got = history.previous(body, year)
            stored[(body, year)] = Source(got[0], lambda: from_plain(json.loads(got[1]))) if got else None
        return stored[(body, year)]

    tree = session.hierarchy or {}
    parents = tree.get("parents", {})

    def inputs(need: str, r: FileResult) -> Inputs | None:
        body, year = r.identity.body, r.identity.year
        if need == "previous_year":
            prev = source(body, year - 1)
            return ([prev], None) if prev else None
        kids = parents.get(body)
        if kids is None:
            return None
        return [s for k in kids if (k, year) in mine and (s := source(k, year))], \
            ([k for k in kids if (k, year) not in mine], tree.get("cells", []))

    changed: dict[str, FileResult] = {}
    for need in NEEDS:
        rules = [rule for rule in engine.rules if rule.needs == need]
        if not rules:
            continue
        sub = Engine(rules, severity=engine.severities, deadlines=engine.ctx.deadlines)
        for r in results:
            got = inputs(need, r) if identified(r) else None
            basis = None
            if got is not None:
                h = hashlib.sha256(hashes.get(r.path, r.path).encode())
                for s in got[0]:
                    h.update(s.hash.encode())
                h.update(repr(got[1]).encode())
                basis = h.hexdigest()
            if r.cached and r.basis.get(need) == basis:
                continue                      # the same files as when stored: the same findings
            before = [f for f in r.findings if f.rule.needs == need]
            after: list[Finding] = []
            if got is not None:
                ctx = sub.ctx
                ctx.previous = ctx.children = None
                if need == "previous_year":
                    ctx.previous = got[0][0].report
                else:
                    ctx.children = [s.report for s in got[0]]
                    ctx.missing_children, ctx.aggregate = got[1]
                report = report_of(r)
                after = sub.check(report)
            if _key(after) != _key(before) or r.basis.get(need) != basis:
                if r.report is None and got is not None:
                    r.report = report           # stored again with its new findings
                r.findings = sorted([f for f in r.findings if f.rule.needs != need] + after, key=Finding.sort_key)
                r.basis[need] = basis
                changed[r.path] = r
    return list(changed.values())


def _key(findings: list[Finding]) -> list[tuple[str, str, str]]:
    return [(f.rule_id, f.severity, f.fingerprint()) for f in findings]
