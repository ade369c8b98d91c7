"""Reviewed exceptions: what a supervisor has checked once and does not want to hear again.

- Inline, in YAML reports: ``# xxgk-lint: ignore[RULE-ID, …] reason="…"`` on the line of the cell
  or section heading.  The reason is required; a suppression without one does not suppress and is
  reported (SUP-NO-REASON), and one that suppresses nothing is reported too (SUP-UNUSED).
- A file, ``.xxgk-lint-ignore.yaml``, for formats that cannot hold comments (HTML, Word, PDF)::

      - file: "reports/2023/*.html"      # glob
        rule: T2-FEE-MAGNITUDE           # id or prefix
        place: t2.admin_fees.amount      # optional glob: table.row.col, section:N, or a field (title …);
                                         # --format json shows each finding's place
        reason: 单位为元，已与发布机关核实
        by: 张三
        date: 2024-03-02
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path
from typing import Any

from .findings import matches
from .model import InputError, Location
from .record import Record

_INLINE = re.compile(r"#\s*xxgk-lint:\s*ignore\[([A-Za-z0-9,\s-]+)\](?:\s+reason=\"([^\"]*)\")?")
FILE_NAME = ".xxgk-lint-ignore.yaml"
_KEYS = {"file", "rule", "place", "reason", "by", "date"}


class Suppression(Record):
    __slots__ = ("rules", "reason", "loc", "file", "place", "origin")

    def __init__(self, rules: tuple[str, ...], reason: str, loc: Location | None, file: str = "", place: str = "",
                 origin: str = "inline"):
        self.rules, self.reason, self.loc, self.file, self.place, self.origin = rules, reason, loc, file, place, origin

    def covers_rule(self, rule_id: str) -> bool:
        return matches(rule_id, self.rules)


def inline(lines: list[str], path: str) -> list[Suppression]:
    out = []
    for n, line in enumerate(lines, 1):
        m = _INLINE.search(line)
        if m:
            rules = tuple(r.strip() for r in m.group(1).split(",") if r.strip())
            out.append(Suppression(rules, (m.group(2) or "").strip(), Location(path, n, m.start() + 1, n, m.end() + 1)))
    return out


def place_text(place: Any) -> str:
    """A finding's logical place as a suppression file writes it."""
    if place.table:
        return ".".join(x for x in (place.table, place.row, place.col) if x)
    if place.section:
        return f"section:{place.section}"
    return place.field


def load_file(path: Path) -> list[Suppression]:
    from .yamlio import LocDict, LocList, load

    data = load(path.read_text(encoding="utf-8"), str(path))
    if data is None:
        return []
    if not isinstance(data, LocList):
        raise InputError("a suppressions file is a list of {file, rule, place, reason, by, date}", str(path), 1)
    out = []
    for item, pos in zip(data, data.locs):
        if not isinstance(item, LocDict):
            raise InputError("each suppression is a mapping", str(path), pos[0])
        for k in item:
            if k not in _KEYS:
                raise InputError(f"unknown key {k!r} (allowed: {', '.join(sorted(_KEYS))})", str(path),
                                 item.key_locs[k][0])
        if not item.get("rule") or not item.get("reason"):
            raise InputError("a suppression needs a 'rule' and a 'reason'", str(path), pos[0])
        out.append(Suppression((str(item["rule"]),), str(item["reason"]), Location(str(path), pos[0], pos[1]),
                               str(item.get("file") or "*"), str(item.get("place") or ""), origin="file"))
    return out


def find_file(start: Path) -> Path | None:
    for d in (start, *start.parents):
        if (d / FILE_NAME).is_file():
            return d / FILE_NAME
    return None


def _names(path: str, base: Path) -> tuple[str, ...]:
    """A report's path as given and relative to the suppressions file's folder: globs match either."""
    try:
        return path, Path(path).resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return (path,)


def apply_file(suppressions: list[Suppression], results: list[Any]) -> None:
    """Drop the findings a suppressions file covers (file glob, rule, optional place)."""
    if not suppressions:
        return
    base = Path(suppressions[0].loc.path).parent
    for r in results:
        names = _names(str(r.path), base)
        mine = [s for s in suppressions if any(fnmatch.fnmatch(n, s.file) for n in names)]
        if mine:
            r.findings = [f for f in r.findings if not any(
                s.covers_rule(f.rule_id) and (not s.place or fnmatch.fnmatchcase(place_text(f.place), s.place))
                for s in mine)]
