"""Base for the model's small value classes, and ``Tr``: a text in both languages.

Plain ``__slots__`` classes with explicit ``__init__``: a dataclass costs ~0.4 ms at import
and a frozen one is slow to construct, and start-up time is a feature of this tool.
"""

from __future__ import annotations

from typing import Any, NamedTuple


class Record:
    __slots__ = ()

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={getattr(self, k)!r}" for k in self.__slots__ if not k.startswith("_"))
        return f"{type(self).__name__}({fields})"

    def __eq__(self, other: Any) -> bool:
        if type(self) is not type(other):
            return NotImplemented
        return all(getattr(self, k) == getattr(other, k) for k in self.__slots__ if not k.startswith("_"))

    __hash__ = None  # type: ignore[assignment]


class Tr(NamedTuple):
    """A text in Chinese and English — a message argument, a label, a name — the one shape every
    bilingual text outside the rule packs takes."""

    zh: str
    en: str

    def pick(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh
