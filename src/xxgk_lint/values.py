"""Parsing a table cell's text into (value, state).  Shared by every reader."""

from __future__ import annotations

import re
from functools import lru_cache

from .model import BLANK, NUMBER, PLACEHOLDER, TEXT
from .normalize import squash

_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
# A unit after the number ("12件", "251000元") is tolerated; the raw text is kept.
_UNIT = re.compile(r"(?:件次|人次|件|个|项|次|条|笔|起|宗|份|人|万元|元)$")
_COUNT_UNIT = re.compile(r"\d(?:件次|人次|件|个|项|次|条|笔|起|宗|份|人)$")
MAX_DIGITS = 15            # integer digits of any real figure (a fee in 元 stays far below 10^15)
PLACEHOLDERS = frozenset({"/", "-", "--", "---", "\\", "无", "空", "x", "X", "×", "*", "—", "——", "－", "N/A", "NA"})


@lru_cache(maxsize=4096)
def parse_cell(raw: str | None) -> tuple[int | float | None, str]:
    """Return (value, state) for a cell's text.  Integers stay int; "0.0" stays float 0.0."""
    if raw is None:
        return None, BLANK
    t = squash(raw)
    if not t:
        return None, BLANK
    if t in PLACEHOLDERS or set(t) <= {"-", "/"}:
        return None, PLACEHOLDER
    num = _UNIT.sub("", t) if not _NUMBER.match(t) else t
    if _NUMBER.match(num):
        num = num.replace(",", "")
        if len(num.split(".")[0].lstrip("+-")) > MAX_DIGITS:
            return None, TEXT       # 401 digits is no figure a person meant: the cell is reported
        if "." in num:
            return float(num), NUMBER
        return int(num), NUMBER
    return None, TEXT


def is_value_like(raw: str) -> bool:
    """True for a cell that reads as a table value rather than a label (number, blank, placeholder)."""
    return parse_cell(raw)[1] != TEXT


def sane(v: int | float) -> bool:
    """A number from a structured file that a person could have meant: finite, under 10^15."""
    return v == v and abs(v) < 10 ** MAX_DIGITS


def shown(v: int | float) -> int | float:
    """A number as a message shows it: computed floats rounded (0.1 + 0.2 → 0.3), whole ones as
    integers (3.0 → 3)."""
    if isinstance(v, float):
        v = round(v, 6)
        return int(v) if v.is_integer() else v
    return v


def counted_with_unit(raw: str | None) -> bool:
    """A count written with its measure word ("2笔", "3个"): read as the number, but no cell of a
    count holds a word (an amount with 元 is the 2019 template's own habit, and no count)."""
    return raw is not None and raw[-1:] > "\u4e00" and _COUNT_UNIT.search(squash(raw)) is not None
