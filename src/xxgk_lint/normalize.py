"""Text normalisation used before matching labels and headings.

Matching happens on normalised keys; locations always point at the original text, so
nothing here is ever written back into the model's raw strings.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# NFKC folds full-width ASCII (（）：０-９) to half-width; quotes and dashes need a table.
_QUOTES = str.maketrans({
    "“": '"', "”": '"', "„": '"', "‟": '"', "「": '"', "」": '"', "『": '"', "』": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'",
    "—": "-", "–": "-", "－": "-", "―": "-", "‐": "-", "‑": "-", "−": "-",
    "〔": "[", "〕": "]", "【": "[", "】": "]", "［": "[", "］": "]",
    "．": ".",
})
_SPACE = re.compile(r"[\s\u00a0\u3000\u200b\u200c\u200d\ufeff]+")
# Label punctuation that varies between documents and carries no meaning for matching.
_LABEL_PUNCT = re.compile(r"[\"'()\[\]:：,，.。、;；/\\]")
# Leading enumerators: 一、 （一） (一) 1. 1、 ①
# an item number whose dot was lost ("2其他法律…": OCR of a small "2.") counts as one too
_ENUM = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\d+[、.]|\d(?=[\u4e00-\u9fff])|[①-⑳])+")


def norm_text(s: str) -> str:
    """NFKC plus unified quotes and dashes; spacing is kept."""
    return unicodedata.normalize("NFKC", s).translate(_QUOTES)


@lru_cache(maxsize=8192)
def squash(s: str) -> str:
    """Normalised text with every kind of whitespace removed ("自 然 人" -> "自然人")."""
    return _SPACE.sub("", norm_text(s))


@lru_cache(maxsize=8192)
def label_key(s: str) -> str:
    """Key for matching a row/column/heading label: no spaces, no enumerator, no punctuation."""
    t = squash(s)
    t = _ENUM.sub("", t)
    return _LABEL_PUNCT.sub("", t)
