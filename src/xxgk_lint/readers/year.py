"""The report's year, decided by the weight of the evidence.

The title, the statistics period, the opening (the overview's "2024年，…"; without a title or
period, the first sentence that opens with a year, or the year most of the overview's sentences
open with), the preamble's own naming of the report, the publication date and the file name
each point at a year.  The year
with the most weight is the report's; a source that disagrees is then the finding, on its own
line (the title's year, the period, the opening) — not the others that agree with each other.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import PurePath

from ..labels import YEAR_SOURCES
from ..model import Metadata
from ..normalize import squash
from ..record import Tr

# weight of each source, and the order that breaks a tie
WEIGHTS = {"title": 3.0, "period": 3.0, "text": 2.0, "preamble": 1.5, "published": 1.5, "file": 1.0}
_PREAMBLE = re.compile(r"((?:19|20)\d{2})年度?(?:政府信息公开|政务公开|信息公开)?(?:工作)?(?:年度)?报告")
FILE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def decide(meta: Metadata, title_year: int | None, opening_year: int | None, head: list, path: str) -> None:
    """Set meta.year, meta.year_source and meta.year_evidence from everything that names a year."""
    evidence: list[tuple[str, int, float]] = []
    if title_year is not None:
        evidence.append(("title", title_year, WEIGHTS["title"]))
    start, end = meta.period_start, meta.period_end
    if start is not None and end is not None:
        if start.year == end.year:
            evidence.append(("period", end.year, WEIGHTS["period"]))
        else:           # a range over two years (reversed, or copied half-way): both ends, half each
            evidence += [("period", start.year, WEIGHTS["period"] / 2), ("period", end.year, WEIGHTS["period"] / 2)]
    if opening_year is not None:
        evidence.append(("text", opening_year, WEIGHTS["text"]))
    preamble = {int(m.group(1)) for p in head if not _is_title(p, meta)
                for m in _PREAMBLE.finditer(squash(p.text))}
    if len(preamble) == 1:
        evidence.append(("preamble", preamble.pop(), WEIGHTS["preamble"]))
    if meta.published is not None:
        # a report comes out in the first months of the next year; a later date says less
        weight = WEIGHTS["published"] if meta.published.month <= 6 else WEIGHTS["published"] / 3
        evidence.append(("published", meta.published.year - 1, weight))
    files = {int(y) for y in FILE_YEAR.findall(PurePath(path).stem)} if path else set()
    if len(files) == 1:
        evidence.append(("file", files.pop(), WEIGHTS["file"]))
    meta.year_evidence = [(src, year) for src, year, _ in evidence]
    if not evidence:
        return
    score: dict[int, float] = defaultdict(float)
    for _, year, weight in evidence:
        score[year] += weight
    order = list(WEIGHTS)
    best = max(score, key=lambda y: (score[y], -min(order.index(s) for s, yy, _ in evidence if yy == y)))
    meta.year = best
    meta.year_source = next(src for src, year, _ in evidence if year == best)
    support = [src for src, year, _ in evidence if year == best]
    if not {"title", "period"} & set(support) and score[best] < 3.0:
        # no title or period names it, and little else does: a year to check, not to judge by
        names = "、".join(YEAR_SOURCES[s].zh for s in dict.fromkeys(support))
        names_en = ", ".join(YEAR_SOURCES[s].en for s in dict.fromkeys(support))
        meta.doubts["year"] = Tr(f"报告年度 {best} 仅据{names}推定", f"the year {best} is inferred from {names_en} only")


def _is_title(p, meta: Metadata) -> bool:
    return bool(meta.title) and squash(meta.title) in squash(p.text)
