"""The wording of the prose: brackets left open or closed twice (TEXT-BRACKETS), and one phrase
put by a publishing system in place of a common word (TEXT-SUBSTITUTED)."""

from __future__ import annotations

import re
from typing import Any, Iterator

from ..findings import Hit, Place
from ..labels import both, section_label
from ..model import Report
from ..record import Tr
from . import Checks, Context, LazyPattern
from .scan import locate, paragraphs, rx, texts, where_param


_OPEN = {"《": "》", "（": "）", "“": "”", "【": "】", "〔": "〕"}
_OPENER_OF = {v: k for k, v in _OPEN.items()}
_BRACKET = re.compile(r"[《》（）()“”【】〔〕]")
_LIST_MARK = re.compile(r"(?:^|[\s，。；：:])[0-9A-Za-z一二三四五六七八九十]$")


# a page's font-size widget left in a byline by the extraction: 字体:【 大 中 小, 【字号, 【字体：
_WIDGET = re.compile(r"【\s*(?:字体|字号)[】:：]?|(?:字体|字号)\s*[:：]?\s*【|【\s*[大中小]\s*】?(?=\s*[大中小【]|\s*$)")


def _bracket_problems(text: str) -> Iterator[tuple[int, str]]:
    """(offset, bracket) of each bracket without its partner, paragraph by paragraph.
    Half- and full-width parentheses close each other; "1)" list markers are not brackets, nor
    are the brackets of a font-size widget (site chrome)."""
    for para_start, para in paragraphs(text):
        if "【" in para:                # (every widget has one)
            para = _WIDGET.sub(lambda m: " " * len(m.group()), para)
        stack: list[tuple[int, str, str]] = []
        for bm in _BRACKET.finditer(para):
            i, ch = bm.start(), bm.group(0)
            c = "（" if ch == "(" else "）" if ch == ")" else ch
            if c in _OPEN:
                stack.append((i, ch, c))
            elif c in _OPENER_OF:
                opener = _OPENER_OF[c]
                k = next((j for j in range(len(stack) - 1, -1, -1) if stack[j][2] == opener), None)
                if k is None:
                    if not (c == "）" and _LIST_MARK.search(para[:i])):
                        yield para_start + i, ch
                    continue
                for pos, b, _ in stack[k + 1:]:     # opened inside and never closed
                    yield para_start + pos, b
                del stack[k:]
        for pos, b, _ in stack:
            yield para_start + pos, b


WORDING = Checks("wording", {"bracket", "section", "context", "phrase", "count"})


@WORDING.register("TEXT-BRACKETS", {"in": ((str, int, list), False)}, prepare=where_param)
def brackets(report: Report, ctx: Context, where: tuple[str, ...]) -> Iterator[Hit]:
    """《》（）“”【】〔〕 that open without closing, or close without opening, in one paragraph —
    not in the line a cut document stops on (its partner is in the lost part)."""
    cut = report.cut.end if report.cut is not None and report.cut.end_at is not None else -1
    for text, to_section in texts(report, where):
        for pos, b in _bracket_problems(text):
            sec, off = to_section(pos)
            if sec.key == cut and "\n" not in sec.text[off:]:
                continue                # the line the document stops on
            loc = sec.locate(off, off + 1)
            yield Hit(loc, Place(section=sec.key),
                      {"bracket": b, "context": text[max(pos - 8, 0):pos + 12].replace("\n", " ")})


_CORE = LazyPattern(r"、(?:[\u4e00-\u9fff]{2,16}、)+")


def _substitution_params(p: dict[str, Any]) -> tuple[int, int, Any]:
    return int(p.get("min_length", 8)), int(p.get("min_count", 3)), rx(p, "contexts")


@WORDING.register("TEXT-SUBSTITUTED", {"min_length": ((int,), False), "min_count": ((int,), False),
                                       "contexts": ((str,), True)}, prepare=_substitution_params)
def substitution(report: Report, ctx: Context, p: tuple[int, int, Any]) -> Iterator[Hit]:
    """A long phrase that a publishing system put in place of a common word ("数据", "信息"):
    the same enumeration repeated where only that word fits (所列…的统计期限, …库, …安全)."""
    min_len, min_count, contexts = p
    texts = [s.text for s in report.sections]
    cores: dict[str, int] = {}
    for text in texts:        # the middle of each enumeration: "、乙局、丙局、"
        if text.count("、") < 2:
            continue
        for m in _CORE.finditer(text):
            cores[m.group(0)] = cores.get(m.group(0), 0) + 1
    for core, n in cores.items():
        if n < min_count:
            continue
        spots = [(k, i) for k, text in enumerate(texts) for i in _find_all(text, core)]
        left = _common(reversed(texts[k][max(i - 12, 0):i]) for k, i in spots)[::-1]
        right = _common(texts[k][i + len(core):i + len(core) + 12] for k, i in spots)
        phrase = left + core + right
        if len(phrase) < min_len:
            continue
        for k, i in spots:
            a, b = i - len(left), i + len(core) + len(right)
            around = texts[k][max(a - 4, 0):a] + "\0" + texts[k][b:b + 6]
            if contexts.search(around):
                sec = report.sections[k]
                yield Hit(sec.locate(a, b), Place(section=sec.key), {"phrase": phrase, "count": len(spots)})


def _find_all(text: str, sub: str) -> Iterator[int]:
    i = text.find(sub)
    while i >= 0:
        yield i
        i = text.find(sub, i + len(sub))


def _common(strings: Iterator[Any]) -> str:
    """Longest common prefix of the strings (iterables of characters)."""
    items = ["".join(s) for s in strings]
    if not items:
        return ""
    out = []
    for chars in zip(*items):
        if len(set(chars)) != 1 or not "\u4e00" <= chars[0] <= "\u9fff":
            break
        out.append(chars[0])
    return "".join(out)


_ITEM = LazyPattern(r"(?:^|(?<=[。；;：:，,\s）)]))([一二三四五六七八九十])是(?=[\u4e00-\u9fff“《（(])")
_ORDINAL = "一二三四五六七八九十"


@WORDING.register("TEXT-ITEM-NUMBER", {"in": ((str, int, list), False)}, prepare=where_param)
def item_numbers(report: Report, ctx: Context, where: tuple[str, ...]) -> Iterator[Hit]:
    """Items counted in the prose with a number said twice ("一是…三是…三是…"): a list starts at
    一是; where one number follows itself, the first item that broke the count is reported.  A
    count that only jumps (a list whose middle is elsewhere) is left alone."""
    for text, to_section in texts(report, where):
        if "是" not in text:
            continue
        lists: list[list[Any]] = []
        current: list[Any] | None = None
        for start, para in paragraphs(text):
            if current is not None and not _ITEM.match(para):
                current = None      # a list goes on into a paragraph only as its next item
            for m in _ITEM.finditer(text, start, start + len(para)):
                n = _ORDINAL.index(m.group(1)) + 1
                if n == 1:
                    current = [(n, m)]
                    lists.append(current)
                elif current is not None:
                    current.append((n, m))
        for items in lists:
            numbers = [n for n, _ in items]
            if not any(a == b for a, b in zip(numbers, numbers[1:])):
                continue
            k = next(k for k, n in enumerate(numbers) if n != k + 1)
            if k >= len(_ORDINAL):
                continue            # past 十是: no word to name the count by
            m = items[k][1]
            sec, loc = locate(to_section, m.start(), m.end())
            yield Hit(loc, Place(section=sec.key), {
                "phrase": m.group(0), "context": text[max(m.start() - 12, 0):m.end() + 12].replace("\n", " "),
                "section": both(section_label, sec.key), "count": _ORDINAL[k]})


_PARTS_LIST = LazyPattern(r"(?:包括|包含|由|分为|分)(?P<list>[^。；]{8,240}?)(?:等|共)?(?P<n>[一二三四五六七八九十])(?:个)?部分")


@WORDING.register("TEXT-PARTS-COUNT", {"in": ((str, int, list), False)}, prepare=where_param)
def parts_count(report: Report, ctx: Context, where: tuple[str, ...]) -> Iterator[Hit]:
    """A preamble that counts the report's parts ("…等六部分") against the parts it lists: six
    said and a part left out of the list, or another number said for the six listed.  The list's
    parts are the template's sections named in it."""
    from ..sections_spec import SECTIONS
    from ..normalize import label_key

    for text, to_section in texts(report, where):
        if "部分" not in text:
            continue
        for m in _PARTS_LIST.finditer(text):
            said = _ORDINAL.index(m.group("n")) + 1
            listed = label_key(m.group("list"))
            named = [spec for spec in SECTIONS if any(all(label_key(w) in listed for w in phrases)
                                                      for phrases in spec.keys)]
            if (said == 6) == (len(named) == 6):
                continue        # as many said as listed (or a list of some other scheme)
            left_out = [spec.title for spec in SECTIONS if spec not in named]
            sec, loc = locate(to_section, m.start("n"), m.end())
            missing = "、".join(left_out[:2])
            yield Hit(loc, Place(section=sec.key), {
                "phrase": m.group(0)[-12:], "count": len(named),
                "context": Tr(f"（未列：{missing}）", f" (not listed: {missing})") if missing else "",
                "section": both(section_label, sec.key)})
            break
