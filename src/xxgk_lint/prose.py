"""Quantities in prose: "收到申请64件", "十二件", "1.2万件", "6800余条", "达99.97%".

Numbers are found per clause (a clause ends at ，。；), so a number is only ever bound to
words of its own clause.  Offsets refer to the original text: the normalisation used here
maps character for character.
"""

from __future__ import annotations

import re
from typing import Iterator

from .record import Record
from .values import MAX_DIGITS

# Full-width digits and punctuation to ASCII, one character for one character.
_FOLD = str.maketrans("０１２３４５６７８９．，％：", "0123456789.,%:")
_CLAUSE_END = re.compile(r"[，。；;！？!?\n]|,(?!\d{3})")
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10_000, "亿": 100_000_000}
_CN = "零〇一二两三四五六七八九十百千万亿"

# Measure words a count is followed by; "年/月/日/号" are not among them, so dates are not counts.
MEASURES = ("件次", "人次", "万元", "件", "条", "个", "项", "次", "期", "篇", "场", "宗", "起", "份", "家", "人",
            "本", "批", "部", "类", "元", "户", "台", "处", "所", "名", "家次")
_QUANTITY = re.compile(
    r"(?P<pre>约|近|大约|将近|超过|逾|达)?"
    r"(?:(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)|(?P<cn>[" + _CN + r"]+))"
    r"(?:[ \u00a0\u3000]?(?P<big>[万亿](?![元])))?"
    r"(?P<post>余|多)?"
    r"(?:[ \u00a0\u3000]?(?P<unit>%|" + "|".join(sorted(MEASURES, key=len, reverse=True)) + r"))?"
    r"(?P<post2>余|多|左右|以上)?")


# a measure word that begins a span of time or a rate, not a count of things
_SPANS = {"个": ("工作日", "月", "小时", "季度", "百分点", "自然日", "日", "星期", "周"), "次": ("日",)}


class Quantity(Record):
    """A number in the text: value (万/亿 applied), span [start, end) of the whole expression,
    its unit (a measure word or "%"), and whether it is approximate (约, 余, 多, 左右 …)."""

    __slots__ = ("value", "start", "end", "unit", "approx", "text")

    def __init__(self, value: float, start: int, end: int, unit: str, approx: bool, text: str):
        self.value, self.start, self.end, self.unit, self.approx, self.text = value, start, end, unit, approx, text


def cn_to_int(s: str) -> int | None:
    """Chinese numerals as reports write counts: 十二, 一百零五, 两千三百, 一万二千, 三十万."""
    if not s or any(ch not in CN_DIGITS and ch not in CN_UNITS and ch not in CN_BIG for ch in s):
        return None
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in CN_DIGITS:
            if digit is not None and ch not in "零〇":
                return None         # "一二" is not a number
            digit = CN_DIGITS[ch] if ch not in "零〇" else digit
        elif ch in CN_UNITS:
            section += (1 if digit is None else digit) * CN_UNITS[ch]
            digit = None
        else:                       # 万 / 亿
            section += digit or 0
            if section == 0:
                return None
            total += section * CN_BIG[ch]
            section, digit = 0, None
    return total + section + (digit or 0)


_FULL = re.compile(r"[０-９％]")   # no full-width digits or %: nothing to fold


def fold(text: str) -> str:
    """Full-width digits and punctuation as ASCII; same length, so offsets hold."""
    return text.translate(_FOLD) if _FULL.search(text) else text


def clauses(text: str, folded: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of each clause of a text."""
    out, start = [], 0
    for m in _CLAUSE_END.finditer(folded if folded is not None else fold(text)):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


REACH = 80      # a clause longer than this is read as its 80 characters around the word


def clause_around(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the clause holding text[pos] (the clause ends of ``clauses``; a full-width
    comma ends one, a thousands separator does not)."""
    lo, hi = max(pos - REACH, 0), min(pos + REACH, len(text))
    start = lo
    for m in _CLAUSE_END.finditer(text, lo, pos):
        start = m.end()
    m = _CLAUSE_END.search(text, pos, hi)
    return start, m.start() if m else hi


def clauses_with(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """The clauses (start, end) that contain one of the words, each once, in order — found
    from the words' occurrences, so a text without them costs a substring search."""
    spans: set[tuple[int, int]] = set()
    for word in words:
        pos = text.find(word)
        while pos >= 0:
            spans.add(clause_around(text, pos))
            pos = text.find(word, pos + len(word))
    return sorted(spans)


def quantities(text: str, start: int = 0, end: int | None = None, folded: str | None = None) -> list[Quantity]:
    """Every quantity in text[start:end] (offsets relative to text)."""
    folded = folded if folded is not None else fold(text)
    end = len(text) if end is None else end
    out: list[Quantity] = []
    for m in _QUANTITY.finditer(folded, start, end):
        if _quoted(folded, m.start(), m.end()):
            continue
        num, cn = m.group("num"), m.group("cn")
        unit = m.group("unit") or ""
        if unit in _SPANS and folded.startswith(_SPANS[unit], m.end("unit")):
            continue                 # "7个工作日内", "3个月": a span of time, not a count
        if cn is not None:
            prev = folded[m.start("cn") - 1] if m.start("cn") > 0 else ""
            # a Chinese numeral counts only with a measure word, and not as an ordinal (第一次)
            if not unit or unit == "%" or prev == "第":
                continue
            value: float | None = cn_to_int(cn)
            if value is None:
                continue
        else:
            prev = folded[m.start("num") - 1] if m.start("num") > 0 else ""
            digits = num.replace(",", "")
            if prev.isdigit() or prev == "." or len(digits.split(".")[0]) > MAX_DIGITS:
                continue            # part of a longer number, or no count at all (401 digits)
            value = float(digits) if "." in digits else int(digits)
        if m.group("big"):
            value = value * CN_BIG[m.group("big")]
        approx = bool(m.group("pre") in ("约", "近", "大约", "将近", "超过", "逾") or m.group("post")
                      or m.group("post2"))
        nxt = folded[m.end():m.end() + 1]
        before = folded[max(m.start() - 2, 0):m.start()]
        if (nxt in ("-", "~", "～", "至", "到") and unit == "") or \
                (len(before) == 2 and before[1] in "-~～至到" and before[0].isdigit()):
            approx = True            # either end of a range: 3-5件
        out.append(Quantity(value, m.start(), m.end(), unit, approx, text[m.start():m.end()]))
    return out


_OPEN_QUOTES, _CLOSE_QUOTES = "“\"「『", "”\"」』"


def _quoted(text: str, start: int, end: int) -> bool:
    """A number inside a short quotation is a name, not a count: “三个一”机制, “两个清单”."""
    before = text[max(start - 8, 0):start]
    after = text[end:end + 8]
    k = max(before.rfind(q) for q in _OPEN_QUOTES)
    return k >= 0 and not any(q in before[k + 1:] for q in _CLOSE_QUOTES) and any(q in after for q in _CLOSE_QUOTES)


def percent_value(text: str, folded: str | None = None) -> Iterator[tuple[float, int, int]]:
    """(value, start, end) of each percentage, including 百分之X."""
    folded = folded if folded is not None else fold(text)
    # bounded digit runs that start a number: "\d+" rescanned every suffix of a long run (quadratic)
    for m in re.finditer(r"(?<!\d)(-?\d{1,15}(?:\.\d{1,15})?)\s*%", folded):
        yield float(m.group(1)), m.start(), m.end()
    for m in re.finditer(r"百分之([" + _CN + r"]+)", folded):
        v = cn_to_int(m.group(1))
        if v is not None:
            yield float(v), m.start(), m.end()
