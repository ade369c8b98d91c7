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
from .scan import locate, paragraphs, rx, texts, where_param

_SENTENCE = re.compile(r"[。；;！!？?\n]")
_PARENS = re.compile(r"[（(][^（()）]*[）)]")
_CLAUSE = re.compile(r"[、，,]")
_PERCENT_ONLY = re.compile(r"^[^\d]{0,6}\d+(?:\.\d+)?%$")


CLAIMS = Checks("claims", {"total", "sum", "unit", "parts", "section", "sentence", "subject", "row", "col", "value",
                           "share", "bases"})
_IN = {"in": ((str, int, list), False)}


def _parts_params(p: dict[str, Any]) -> tuple[tuple[str, ...], Any, int]:
    # "…465条，其中A…" or "…320条：A…"
    return where_param(p), rx(p, "marker", r"其中[：:，,]?|(?<=[条件篇个项期次])[：:](?!\d)"), int(p.get("min_parts", 3))


@CLAIMS.register("PROSE-PARTS-SUM", {**_IN, "marker": ((str,), False), "min_parts": ((int,), False)},
                 prepare=_parts_params)
def parts_sum(report: Report, ctx: Context, p: tuple[tuple[str, ...], Any, int]) -> Iterator[Hit]:
    """A total and its parts: "全年主动公开政府信息465条，其中机构职能1条、政策文件34条…"."""
    where, marker, min_parts = p
    for text, to_section in texts(report, where):
        if "其中" not in text and "：" not in text and ":" not in text:
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
    parts, labels = [], []
    etc = other_unit = False
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
        if len(qs) == 1 and _SUBTOTAL.match(flat[c0:qs[0].start].strip("　 ")):
            if abs(qs[0].value - sum(p.value for p in parts)) < 1e-9:
                return None          # "…其他3条，共发布102条": the parts are a sub-list's, and add up
            break
        if len(qs) != 1 or qs[0].unit != total.unit or qs[0].approx or \
                flat[qs[0].end:c0 + len(clause)].strip("　 等") or not flat[c0:qs[0].start].strip("　 "):
            other_unit = any(q.unit != total.unit for q in qs)     # the list goes on in other units
            break                    # not "<what><n><unit>": the list has ended
        parts.append(qs[0])
        labels.append(flat[c0:qs[0].start].strip("　 "))
        etc = "等" in flat[qs[0].end:c0 + len(clause)]
    if len(parts) < 2:
        return None
    got = sum(p.value for p in parts)
    if abs(got - total.value) < 1e-9 or got < total.value and not _claims_whole(labels, etc, other_unit, got,
                                                                               total.value, min_parts):
        return None
    return total, parts


_SUBTOTAL = re.compile(r"^(?:共|合计|共计|总计|小计|累计)")


def _claims_whole(labels: list[str], etc: bool, other_unit: bool, got: float, total: float, min_parts: int) -> bool:
    """Whether parts that fall short of their total are said to be all of it: a list ending in
    其他 claims to be; one ending in 等, or going on in another measure word, says it is not;
    otherwise enough parts that come near the total (90%) are read as the whole breakdown with a
    figure wrong, a few far short of it as examples."""
    if etc or other_unit:
        return False
    if labels[-1].startswith("其他") or labels[-1].startswith("其它"):
        return True
    return len(labels) >= min_parts and got >= 0.9 * total


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


# "不予公开35件，占4.34%", "（占比5.8%）", "占总数的12%"
_SHARE = LazyPattern(r"[，,（(]?\s*(?:占比?|比例为|占总数的|占全部的)(?:达|为)?\s*(\d+(?:\.\d+)?)\s*[%％]")
_ABOUT_REQUESTS = LazyPattern(r"申请|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|办结|答复")
# the result categories a full breakdown of table 3's results names, and which rows each covers
_RESULTS = (("disclosed", r"(?<!不)予以公开"), ("partially_disclosed", r"部分公开"), ("withheld", r"不予公开"),
            ("unavailable", r"无法提供"), ("not_processed", r"不予处理"), ("other_processing", r"其他处理"))


def _shares(folded: str) -> list[tuple[Any, float, int, int, str]]:
    """(count, share, share start, share end, clause) for each "N件，占P%" in a text."""
    out = []
    for m in _SHARE.finditer(folded):
        before = [q for q in quantities(folded, max(m.start() - 24, 0), m.start()) if q.unit == "件"]
        if not before or before[-1].approx or folded[before[-1].end:m.start()].strip("，,（( 　"):
            continue
        s0 = max((k.end() for k in re.finditer(r"[。；;，,：:]", folded[:before[-1].start])), default=0)
        out.append((before[-1], float(m.group(1)), m.start(1), m.end(), folded[s0:m.end()]))
    return out


def _bases(report: Report, folded: str, upto: int) -> set[float]:
    """What a share of requests may be a share of: table 3's totals, and the counts the text
    gives before it (收到…件, 办结…件)."""
    out: set[float] = set()
    t3 = report.table("t3")
    if t3 is not None:
        get = t3.numbers().get
        for row in ("new_received", "result_total"):
            if get((row, "total")) is not None:
                out.add(get((row, "total")))
        if get(("new_received", "total")) is not None and get(("carried_over_prev", "total")) is not None:
            out.add(get(("new_received", "total")) + get(("carried_over_prev", "total")))
    out.update(q.value for q in quantities(folded, 0, upto) if q.unit == "件" and not q.approx)
    return {b for b in out if b}


def _fits(count: float, share: float, decimals: int, bases: set[float]) -> bool:
    tolerance = 10 ** -decimals if decimals else 1.0    # rounded or cut at the digits it shows
    return any(abs(100 * count / b - share) <= tolerance + 1e-9 for b in bases)


@CLAIMS.register("PROSE-SHARE", _IN, prepare=where_param)
def share(report: Report, ctx: Context, where: tuple[str, ...]) -> Iterator[Hit]:
    """"不予公开35件，占4.34%": the share must be the count over a base the report gives (the
    requests received or handled, in table 3 or in the text before it), within rounding."""
    for text, to_section in texts(report, where):
        if "占" not in text:
            continue
        folded = fold(text)
        for count, pct, s0, s1, clause in _shares(folded):
            if not _ABOUT_REQUESTS.search(clause) or count.value > 0 and pct == 0:
                continue
            bases = _bases(report, folded, count.start) - {count.value}
            decimals = len(text[s0:s1].split(".")[1].rstrip("%％ ")) if "." in text[s0:s1] else 0
            if not bases or _fits(count.value, pct, decimals, bases):
                continue
            sec, loc = locate(to_section, count.start, s1)
            yield Hit(loc, Place(section=sec.key), {
                "value": shown(count.value), "share": f"{pct:g}%", "section": both(section_label, sec.key),
                "bases": "、".join(str(shown(b)) for b in sorted(bases, reverse=True)[:3]),
                "sentence": text[count.start:s1]})


@CLAIMS.register("PROSE-SHARES-SUM", _IN, prepare=where_param)
def shares_sum(report: Report, ctx: Context, where: tuple[str, ...]) -> Iterator[Hit]:
    """The shares of a full breakdown of the results (予以公开…其他处理, each category named) add
    up to about 100%."""
    for text, to_section in texts(report, where):
        if text.count("占") < 3:
            continue
        folded = fold(text)
        found = _shares(folded)
        for para_start, para in paragraphs(folded):
            inside = [f for f in found if para_start <= f[0].start < para_start + len(para)]
            if len(inside) < 3:
                continue
            span = folded[max(inside[0][0].start - 24, 0):inside[-1][3] + 30]    # a last "其他处理0件" too
            named = {row for row, rx_ in _RESULTS if re.search(rx_, span)}
            if not ({"withheld", "unavailable", "not_processed", "other_processing"} <= named and
                    ("disclosed" in named or "partially_disclosed" in named)):
                continue          # not the whole breakdown: its shares need not add up
            total = sum(f[1] for f in inside)
            slack = 0.5 * len(inside) if all(f[1] == int(f[1]) for f in inside) else 0.1 * len(inside)
            if abs(total - 100) <= slack:
                continue
            first, last = inside[0], inside[-1]
            sec, loc = locate(to_section, first[0].start, last[3])
            yield Hit(loc, Place(section=sec.key), {
                "sum": f"{total:.4g}%", "parts": len(inside), "section": both(section_label, sec.key),
                "sentence": text[first[0].start:last[3]]})
