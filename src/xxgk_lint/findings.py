"""The one finding model every renderer reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from .model import Location

if TYPE_CHECKING:
    from .rules import Rule

SEVERITIES = ("error", "warning", "info")


class Tr(NamedTuple):
    """A message argument with a Chinese and an English form (labels, states)."""

    zh: str
    en: str

    def pick(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}


@dataclass(slots=True, frozen=True)
class Place:
    """A logical place in a report: table/row/column, or section, or a metadata field."""

    table: str = ""
    row: str = ""
    col: str = ""
    section: int = 0
    field: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__ if getattr(self, k)}


@dataclass(slots=True)
class Hit:
    """What a rule's check yields: where, and the values for the message template."""

    loc: Location | None
    place: Place
    args: dict[str, Any] = field(default_factory=dict)
    related: tuple[Location, ...] = ()


@dataclass(slots=True)
class Finding:
    rule: "Rule"
    severity: str
    path: str
    loc: Location | None
    place: Place
    args: dict[str, Any]
    related: tuple[Location, ...] = ()

    @property
    def rule_id(self) -> str:
        return self.rule.id

    def message(self, lang: str) -> str:
        return self.rule.format_message(lang, self.args)

    def sort_key(self) -> tuple:
        loc = self.loc
        return (self.path, loc.line if loc else 0, loc.col if loc else 0, self.rule.id)
