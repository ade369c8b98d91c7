"""Traditional characters: a report written (or converted by its CMS) in traditional
characters is matched like a simplified one.  OpenCC converts; it is loaded only for
documents that need it, and only character-for-character results are used, so a location
still points at the original text.  A mirror's pinyin in brackets is taken out too; that
shortens lines, so the places (and the lines a diagnostic shows) are then the read text's."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import islice

# A PDF's text layer names some characters by the radical that shares their glyph: a browser's
# print to PDF (Chromium, with Noto CJK) writes 「人⺠政府」, 「（⼀）」, 「⾸⻚」 for 人民政府, （一）,
# 首页.  The Kangxi radicals (U+2F00–2FD5) have NFKC twins; the supplement's simplified forms are
# listed (those that stand as characters of their own).
RADICAL_TWINS: dict[int, int] = {
    **{c: ord(unicodedata.normalize("NFKC", chr(c))) for c in range(0x2F00, 0x2FD6)},
    **{ord(k): ord(v) for k, v in zip("⺟⺠⻅⻆⻉⻋⻓⻔⻙⻚⻛⻜⻢⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳",
                                      "母民见角贝车长门韦页风飞马鱼鸟卤麦黄黾齐齿龙龟")},
}


# Traditional forms of characters every report uses (總體情況, 報告, 統計, 開, 處理 …).
_MARKERS = re.compile("[總體況開處統計報與結轉辦條類國發區縣門會員設務網數據請機關]")


def looks_traditional(text: str, sample: int = 20000) -> bool:
    return sum(1 for _ in islice(_MARKERS.finditer(text, 0, sample), 5)) >= 5


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Simplified text of the same length (a conversion that changes the length is not used)."""
    out = _converter().convert(text)
    return out if len(out) == len(text) else text


# a character followed by its romanised reading, as mirror sites annotate pages: 統(tǒng)計, 數(shù)據(jù)
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])[(（](?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]")


def strip_pinyin(text: str) -> str:
    """Text without the pinyin a mirror site put after its characters (a reading with tone
    marks in brackets: never part of a report's own words), so labels and sentences match."""
    return _PINYIN.sub("", text) if "(" in text or "（" in text else text


def readable(text: str) -> str:
    """A page's text as the readers match it: without a mirror's pinyin, in simplified characters
    (done before the text is cut into lines and cells, so a heading in traditional characters
    is seen as one)."""
    text = strip_pinyin(text)
    return to_simplified(text) if looks_traditional(text) else text
