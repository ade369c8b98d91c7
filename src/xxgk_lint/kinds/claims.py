"""Claims the prose makes about its own figures: a stated total and the parts it lists
(PROSE-PARTS-SUM), and "all upheld" said of cases the table shows otherwise (PROSE-T4-UPHELD).

Precision first: a total is compared only with parts that share its measure word and follow
it as "其中A 3条、B 5条…"; approximate figures (余, 约) are never summed; a short list of two
parts that falls short may be highlights, not all, and is left alone.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from ..findings import Hit, Place
from ..labels import both, col_label, row_label, section_label
from ..model import Report
from ..values import shown
from ..prose import fold, quantities
from . import Checks, Context, LazyPattern
from .scan import locate, rx, texts, where_param

_SENTENCE = re.compile(r"[。；;！!？?\n]")
_PARENS = re.compile(r"[（(][^（()）]*[）)]")
_CLAUSE = re.compile(r"[、，,]")
_PERCENT_ONLY = re.compile(r"^[^\d]{0,6}\d+(?:\.\d+)?%$")


CLAIMS = Checks("claims", {"total", "sum", "unit", "parts", "section", "sentence", "subject", "row", "col", "value"})
_IN = {"in": ((str, int, list), False)}


def _parts_params(p: dict[str, Any]) -> tuple[tuple[str, ...], Any, int]:
    return where_param(p), rx(p, "marker", r"其中[：:，,]?"), int(p.get("min_parts", 3))


@CLAIMS.register("PROSE-PARTS-SUM", {**_IN, "marker": ((str,), False), "min_parts": ((int,), False)},
                 prepare=_parts_params)
def parts_sum(report: Report, ctx: Context, p: tuple[tuple[str, ...], Any, int]) -> Iterator[Hit]:
    """A total and its parts: "全年主动公开政府信息465条，其中机构职能1条、政策文件34条…"."""
    where, marker, min_parts = p
    for text, to_section in texts(report, where):
        if "其中" not in text:
            continue
        # nested parts in brackets ("127条（其中领导信息2条…）") are not parts of the total
        flat = _PARENS.sub(lambda m: "　" * len(m.group()), fold(text))
        for m in marker.finditer(flat):
            found = _check(flat, m.start(), m.end(), min_parts)
            if found is None:
                continue
            total, parts = found
            sec, loc = locate(to_section, total.start, total.end)
            s0 = max((k.end() for k in _SENTENCE.finditer(flat, 0, total.start)), default=0)
            s1 = parts[-1].end
            yield Hit(loc, Place(section=sec.key), {
                "total": shown(total.value), "sum": shown(sum(p.value for p in parts)), "unit": total.unit,
                "parts": len(parts), "sentence": text[s0:s1].strip(),
                "section": both(section_label, sec.key)})


def _check(flat: str, start: int, end: int, min_parts: int):
    """(total, parts) when the parts after the marker at flat[start:end] do not add up."""
    before = [q for q in quantities(flat, max(start - 40, 0), start) if q.unit and q.unit != "%"]
    if not before:
        return None
    total = before[-1]
    between = flat[total.end:start]
    if total.approx or _SENTENCE.search(between.rstrip("。")) or len(between.strip("，,。 　")) > 2:
        return None      # the number right before 其中 is the total ("…465条，其中")
    stop = _SENTENCE.search(flat, end)
    stop_at = stop.start() if stop else len(flat)
    parts = []
    pos = end
    for clause in _CLAUSE.split(flat[end:stop_at]):
        c0 = pos
        pos += len(clause) + 1
        body = clause.strip("　 等")
        if not body:
            continue
        if _PERCENT_ONLY.match(body):
            continue                 # "占比5.8%" between parts
        qs = [q for q in quantities(flat, c0, c0 + len(clause)) if q.unit]
        if len(qs) != 1 or qs[0].unit != total.unit or qs[0].approx or \
                flat[qs[0].end:c0 + len(clause)].strip("　 等") or not flat[c0:qs[0].start].strip("　 "):
            break                    # not "<what><n><unit>": the list has ended
        parts.append(qs[0])
    if len(parts) < 2:
        return None
    got = sum(p.value for p in parts)
    if abs(got - total.value) < 1e-9 or (len(parts) < min_parts and got < total.value):
        return None
    return total, parts


_CLAIM = LazyPattern(r"(?:均|全部|都)(?:获|被|予以|为|是)?(?:维持|维持原)|结果均为维持")
_SUBJECTS = {"行政复议": ("reconsideration",), "行政诉讼": ("litigation_direct", "litigation_after")}
_NOT_UPHELD = ("corrected", "other", "pending")


@CLAIMS.register("PROSE-T4-UPHELD", _IN, prepare=where_param)
def upheld(report: Report, ctx: Context, where: tuple[str, ...]) -> Iterator[Hit]:
    """"行政复议2件、行政诉讼1件，均获维持" while table 4 shows cases corrected, ended otherwise or
    still pending for what the sentence names."""
    t4 = report.table("t4")
    if t4 is None:
        return
    get = t4.numbers().get
    for text, to_section in texts(report, where):
        for m in _CLAIM.finditer(text):
            s0 = max((k.end() for k in _SENTENCE.finditer(text, 0, m.start())), default=0)
            stop = _SENTENCE.search(text, m.end())
            sentence = text[s0:stop.start() if stop else len(text)]
            for word, rows in _SUBJECTS.items():
                if word not in sentence:
                    continue
                bad = next(((r, c) for r in rows for c in _NOT_UPHELD if (get((r, c)) or 0) > 0), None)
                if bad is None:
                    continue
                sec, loc = locate(to_section, m.start(), m.end())
                cell = t4.cell(*bad)
                yield Hit(loc, Place(table="t4", row=bad[0], col=bad[1], section=sec.key), {
                    "subject": word, "value": shown(get(bad)),
                    "row": both(row_label, "t4", bad[0]),
                    "col": both(col_label, "t4", bad[1]),
                    "section": both(section_label, sec.key),
                    "sentence": sentence.strip()}, (cell.loc,) if cell is not None and cell.loc else ())
