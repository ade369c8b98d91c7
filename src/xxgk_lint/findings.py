"""The one finding model every renderer reads."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from .model import Location
from .record import Record, Tr

if TYPE_CHECKING:
    from .rules import Rule

SEVERITIES = ("error", "warning", "info")


SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}
OCR_NOTE = Tr("OCR 识别可能有误（{where}置信度 {conf}）：", "OCR reading may be wrong ({where}confidence {conf}): ")
DOUBT_NOTE = Tr("读取不确定（{why}）：", "Uncertain reading ({why}): ")


def matches(rule_id: str, patterns: Iterable[str]) -> bool:
    """A pattern names a rule by its id or an id prefix ("T3" and "T3-" name T3-BALANCE):
    --select, --ignore, severity overrides and suppressions all say rules this way."""
    return any(rule_id == p or rule_id.startswith(p.rstrip("-") + "-") for p in patterns)


class Place(Record):
    """A logical place in a report: table/row/column, or section, or a metadata field."""

    __slots__ = ("table", "row", "col", "section", "field")

    def __init__(self, table: str = "", row: str = "", col: str = "", section: int = 0, field: str = ""):
        self.table, self.row, self.col, self.section, self.field = table, row, col, section, field

    def key(self) -> tuple:
        return (self.table, self.row, self.col, self.section, self.field)

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__ if getattr(self, k)}


class Hit(Record):
    """What a rule's check yields: where, and the values for the message template.

    ``doubt``: the reading the hit rests on was a recovery (a Tr naming it), so the finding is at
    most a warning and says so; ``absent``: the hit says something is missing (text the reader
    could not place may hold it); ``covers``: the places whose findings of the rules this rule
    ``supersedes`` it explains (one defect, one finding)."""

    __slots__ = ("loc", "place", "args", "related", "severity", "doubt", "absent", "covers")

    def __init__(self, loc: Location | None, place: Place, args: dict[str, Any] | None = None,
                 related: tuple[Location, ...] = (), doubt: Tr | None = None, absent: bool = False,
                 covers: tuple[Place, ...] = ()):
        self.loc, self.place, self.args, self.related = loc, place, args if args is not None else {}, related
        self.severity = ""      # a check may lower the rule's severity for one hit (an approximate number)
        self.doubt, self.absent, self.covers = doubt, absent, covers


class Finding(Record):
    """A hit stamped by the engine with its rule and effective severity."""

    __slots__ = ("rule", "severity", "path", "loc", "place", "args", "related", "doubt")

    def __init__(self, rule: "Rule", severity: str, path: str, loc: Location | None, place: Place,
                 args: dict[str, Any], related: tuple[Location, ...] = (), doubt: Tr | None = None):
        self.rule, self.severity, self.path, self.loc = rule, severity, path, loc
        self.place, self.args, self.related = place, args, related
        # the recovered reading this finding rests on (its own, or a place's): it is then at most
        # a warning, and its message names the reading
        self.doubt = doubt if doubt is not None else next(
            (x.doubt for x in (loc, *related) if x is not None and x.doubt is not None), None)

    @property
    def rule_id(self) -> str:
        return self.rule.id

    def uncertain(self) -> Location | None:
        """The least sure OCR reading this finding rests on, when one is below the threshold:
        the finding may be the recognition's error rather than the body's."""
        low = [loc for loc in (self.loc, *self.related) if loc is not None and loc.uncertain]
        return min(low, key=lambda loc: loc.ocr) if low else None   # type: ignore[arg-type,return-value]

    def message(self, lang: str) -> str:
        text = self.rule.format_message(lang, self.args)
        if self.doubt is not None:
            text = DOUBT_NOTE.pick(lang).format(why=self.doubt.pick(lang)) + text
        low = self.uncertain()
        if low is None:
            return text
        where = (f"第 {low.page} 页，" if lang == "zh" else f"page {low.page}, ") if low.page else ""
        return OCR_NOTE.pick(lang).format(where=where, conf=f"{low.ocr:.2f}") + text

    @property
    def certain(self) -> bool:
        """Read for certain: no recovery and no unsure OCR reading under it (an error needs this)."""
        return self.doubt is None and self.uncertain() is None

    def fingerprint(self) -> str:
        """Stable identity of a finding: rule, file, logical place and values — never a line number,
        so it survives edits elsewhere in the file (baselines, SARIF, GitLab)."""
        import hashlib

        args = sorted((k, v.zh if isinstance(v, Tr) else str(v)) for k, v in self.args.items())
        key = f"{self.rule.id}|{self.path}|{self.place.key()}|{args}"
        return hashlib.sha256(key.encode()).hexdigest()[:20]

    def sort_key(self) -> tuple:
        loc = self.loc
        return (self.path, loc.line if loc else 0, loc.col if loc else 0, self.rule.id)
