"""The corpus of real-report shapes: each document with a sidecar ``*.expect.yaml`` saying what
a correct reader extracts and what a correct linter finds.  The corpus test and
``bench/accuracy.py`` both score a run with ``score()``, so the figures README publishes are
the ones the test holds.

A sidecar::

    document: pipe-bureau-2024.txt      # beside the sidecar; or `real: NAME` for a report kept
                                        # in ../shared/corpus/real/ (read there, never copied)
    stands_for: 区级部门网页的管道文本抽取……
    shapes: [title-two-lines, period-no-second-year]
    meta: {body: …, kind: department, year: 2024, period: 2024-01-01/2024-12-31,
           published: 2025-01-20, template: "2021"}
    tables:                              # every cell the document shows, in template order;
      t3:                                # "" blank, "/" a placeholder as written, ~ not shown
        new_received: [58, 7, 0, 0, 1, 0, 66]
    findings:                            # the exact list a correct linter gives
      - {rule: CELL-NOT-NUMBER, at: t3, severity: error, defect: true, why: 空白单元格}

``at`` is the finding's logical place (``t3.new_received.total``, ``t3``, ``section:1``,
``field:published``, ``-``); ``line`` may be added where several findings share a place.
``defect: false`` marks a finding that is right about the file but is no defect of the report
(an excerpt cut off mid-table): it must be given, and counts neither way in precision.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from pathlib import Path
from typing import Any, Iterable

import yaml

from ..findings import Finding
from ..model import BLANK, MISSING, NUMBER, Report
from ..normalize import squash

META_FIELDS = ("body", "kind", "year", "period", "published", "template")


def shared_dir(repo: Path) -> Path:
    """Where the reference documents live: $XXGK_SHARED, else ../shared beside the checkout."""
    env = os.environ.get("XXGK_SHARED")
    return Path(env) if env else repo.parent / "shared"


class Case:
    """One corpus document and its expectations."""

    def __init__(self, name: str, document: Path, expect: dict[str, Any], real: bool):
        self.name, self.document, self.expect, self.real = name, document, expect, real

    @property
    def reader(self) -> str:
        return str(self.expect.get("reader") or "")

    def __repr__(self) -> str:
        return self.name


def cases(corpus: Path, shared: Path) -> list[Case]:
    out = []
    for side in sorted(corpus.rglob("*.expect.yaml")):
        expect = yaml.safe_load(side.read_text(encoding="utf-8"))
        if "real" in expect:
            doc, real = shared / "corpus" / "real" / expect["real"], True
        else:
            doc, real = side.parent / expect["document"], False
        out.append(Case(side.name[:-len(".expect.yaml")], doc, expect, real))
    return out


# --------------------------------------------------------------------------- places
def place_of(f: Finding) -> str:
    p = f.place
    if p.table:
        return ".".join(x for x in (p.table, p.row, p.col) if x)
    if p.field:
        return f"field:{p.field}"
    if p.section:
        return f"section:{p.section}"
    return "-"


def _line(f: Finding) -> int:
    return f.loc.line if f.loc is not None else 0


# --------------------------------------------------------------------------- scoring
class Score:
    """What one case got right and wrong; ``problems`` lists every difference in words."""

    def __init__(self, case: Case):
        self.case = case
        self.problems: list[str] = []
        self.cells = self.cells_right = 0
        self.meta = self.meta_right = 0          # metadata fields the sidecar names, and those read right
        self.meta_wrong: list[str] = []          # the fields read wrong
        # per severity: findings given that are real defects / that are false / real ones missed
        self.true = Counter[str]()
        self.false = Counter[str]()
        self.missed = Counter[str]()
        self.found = Counter[str]()     # findings given per severity (defect or not)


def _cell_matches(cell: Any, want: Any) -> bool:
    if want is None:
        return cell is None or cell.state == MISSING
    if cell is None:
        return False
    if want == "":
        return cell.state == BLANK
    if isinstance(want, bool):
        return False
    if isinstance(want, (int, float)):
        return cell.state == NUMBER and cell.value is not None and abs(cell.value - want) < 1e-9
    return cell.state not in (NUMBER, MISSING, BLANK) and squash(cell.raw or "") == squash(str(want))


def _show(cell: Any) -> str:
    if cell is None or cell.state == MISSING:
        return "missing"
    if cell.state == BLANK:
        return "blank"
    return repr(cell.value) if cell.state == NUMBER else repr(cell.raw)


def _meta_value(report: Report, name: str) -> Any:
    m = report.meta
    if name == "period":
        return f"{m.period_start}/{m.period_end}" if m.period_start or m.period_end else None
    if name == "published":
        return m.published.isoformat() if m.published else None
    if name == "template":
        return report.template
    return getattr(m, name) or None


def _plain(v: Any) -> Any:
    return v.isoformat() if isinstance(v, dt.date) else v


def score(case: Case, report: Report | None, findings: Iterable[Finding], error: str = "") -> Score:
    s = Score(case)
    exp = case.expect
    if report is None:
        s.problems.append(f"not read: {error}")
        s.meta = len(exp.get("meta") or {})
        s.meta_wrong = list(exp.get("meta") or {})
        for w in exp.get("findings") or []:
            if w.get("defect", True):
                s.missed[str(w.get("severity") or "error")] += 1
        return s
    for name, want in (exp.get("meta") or {}).items():
        got = _meta_value(report, name)
        s.meta += 1
        if str(_plain(want)) != str(got) and not (want is None and got is None):
            s.problems.append(f"meta.{name}: expected {_plain(want)!r}, read {got!r}")
            s.meta_wrong.append(name)
        else:
            s.meta_right += 1
    for tid, rows in (exp.get("tables") or {}).items():
        table = report.table(tid)
        wrong: list[str] = []
        for row, values in rows.items():
            if table is not None and row not in table.spec.row_by_id:
                wrong.append(f"{row}: not a row of the {table.spec.version} table read")
                s.cells += sum(v is not None for v in values)
                continue
            cols = table.spec.row_cols(table.spec.row_by_id[row]) if table is not None else ()
            for k, want in enumerate(values):
                if want is None:
                    continue
                s.cells += 1
                col = cols[k] if k < len(cols) else None
                cell = table.cell(row, col) if table is not None and col else None
                if _cell_matches(cell, want):
                    s.cells_right += 1
                else:
                    wrong.append(f"{row}.{col or k}: expected {want!r}, read {_show(cell)}")
        if table is None and wrong:
            s.problems.append(f"{tid}: not read as a table ({len(wrong)} cells expected)")
        else:
            s.problems += [f"{tid}.{w}" for w in wrong[:10]]
            if len(wrong) > 10:
                s.problems.append(f"{tid}: … and {len(wrong) - 10} more cells wrong")
    _score_findings(s, list(findings), list(exp.get("findings") or []))
    return s


def _score_findings(s: Score, given: list[Finding], wanted: list[dict[str, Any]]) -> None:
    left = list(wanted)
    told = Counter[str]()
    for f in given:
        s.found[f.severity] += 1
        place = place_of(f)
        hit = next((w for w in left if w["rule"] == f.rule_id and str(w.get("at", "-")) == place
                    and ("line" not in w or int(w["line"]) == _line(f))), None)
        if hit is None:
            s.false[f.severity] += 1
            told[f.rule_id] += 1
            if told[f.rule_id] <= 3:
                s.problems.append(f"unexpected {f.severity}[{f.rule_id}] at {place} (line {_line(f)}): "
                                  f"{f.message('zh')}")
            continue
        left.remove(hit)
        if hit.get("severity") and hit["severity"] != f.severity:
            s.problems.append(f"{f.rule_id} at {place}: severity {f.severity}, expected {hit['severity']}")
        if hit.get("defect", True):
            s.true[f.severity] += 1
    for rule, n in told.items():
        if n > 3:
            s.problems.append(f"… and {n - 3} more unexpected [{rule}]")
    for w in left:
        if w.get("defect", True):
            s.missed[str(w.get("severity") or "error")] += 1
        s.problems.append(f"missing {w.get('severity', '')}[{w['rule']}] at {w.get('at', '-')}"
                          + (f" (line {w['line']})" if "line" in w else "") + f": {w.get('why', '')}")


def run(case: Case, engine: Any) -> Score:
    """Read and check one case with ``engine`` and score it."""
    from ..model import InputError
    from ..readers import read_report

    try:
        report = read_report(str(case.document))
    except InputError as e:
        return score(case, None, (), str(e))
    return score(case, report, engine.check(report))
