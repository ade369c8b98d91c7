"""The pattern kind: text that must (or must not) be in a part of the report."""

from __future__ import annotations

import re
from typing import Any, Iterator

from ..findings import Hit, Place
from ..labels import place_args
from ..model import Location, Report
from ..sections_spec import SECTION_BY_KEY
from . import Context, Kind, ParamError, regex, str_list


class Pattern(Kind):
    """Text that must (``must_match``, ``all_of``) or must not (``must_not_match``) appear.

    ``in`` is a list of section numbers, ``title``, ``preamble``, ``all`` (every section) or
    ``tables`` (the texts of the tables' headers, such as table 3's identity note).  A section that is absent
    is not assessed (its own rule reports it).  A match's group named ``span`` is what is
    reported and pointed at (the corrupted words inside a fixed sentence); with alternatives,
    name the groups ``span``, ``span2`` ….  ``requires`` lists words one of which every
    must_not_match match contains, so texts without them are not searched.
    """

    name = "pattern"
    fields = frozenset({"section", "match", "missing", "title"})
    params = {"in": ((str, int, list), True), "must_match": ((str,), False), "requires": ((str,), False),
              "must_not_match": ((str,), False), "all_of": ((list,), False), "anchor": ((int,), False),
              "anchor_text": ((str,), False), "flags": ((str,), False)}

    def build(self, params: dict[str, Any], rule: Any):
        where = str_list(params, "in")
        for w in where:
            if w not in ("title", "preamble", "all", "tables") and not (w.isdigit() and int(w) in SECTION_BY_KEY):
                raise ParamError("'in' takes section numbers 1-6, title, preamble, all or tables", "in")
        flags = re.IGNORECASE if params.get("flags") == "i" else 0

        def rx(key: str, src: str) -> Any:
            return regex(src, key, flags)

        must = rx("must_match", params["must_match"]) if "must_match" in params else None
        must_not = rx("must_not_match", params["must_not_match"]) if "must_not_match" in params else None
        all_of = [(p, rx("all_of", p)) for p in params.get("all_of", [])]
        if not (must or must_not or all_of):
            raise ParamError("give one of must_match, must_not_match, all_of")
        anchor = params.get("anchor")
        # must_not_match only: words one of which any match contains; a text without them is skipped
        requires = tuple(str(params["requires"]).split("|")) if "requires" in params else ()
        # where missing content belongs (e.g. the 监督保障 paragraph), to point there
        anchor_rx = rx("anchor_text", params["anchor_text"]) if "anchor_text" in params else None

        def targets(report: Report) -> list[tuple[str, Any]]:
            """(text, locator) pairs; locator maps a span to a Location."""
            out: list[tuple[str, Any]] = []
            for w in where:
                if w == "title":
                    if report.meta.title:
                        loc = report.meta.title_loc
                        out.append((report.meta.title, lambda s, e, loc=loc: _shift(loc, s, e)))
                elif w == "all":
                    corpus = report.corpus()
                    out.append((corpus.text, corpus.locate))
                elif w == "tables":
                    out.extend((text, loc.span) for t in report.tables.values() for text, loc in t.notes)
                else:
                    sec = report.section(0 if w == "preamble" else int(w))
                    if sec is not None:
                        out.append((sec.text, sec.locate))
            return out

        def check(report: Report, ctx: Context) -> Iterator[Hit]:
            texts = targets(report)

            def section_of(text: str, pos: int) -> int:
                """The section a match in the joined text of all sections belongs to."""
                corpus = report.corpus()
                return corpus.section_at(pos)[0].key if text is corpus.text else 0

            if not texts:
                return
            place = Place(section=int(where[0])) if where[0].isdigit() else Place(field="title") \
                if where[0] == "title" else Place()
            base_args: dict[str, Any] = {"title": report.meta.title}
            if place.section:
                base_args |= place_args(section=place.section)
            if must_not is not None:
                spans = [g for g in must_not.groupindex if g.startswith("span")]
                for text, locate in texts:
                    if requires and not any(w in text for w in requires):
                        continue
                    for m in must_not.finditer(text):
                        g = next((s for s in spans if m.group(s) is not None), 0)
                        key = section_of(text, m.start(g)) if "all" in where else place.section
                        args = base_args | (place_args(section=key) if key else {})
                        yield Hit(locate(m.start(g), m.end(g)), Place(section=key) if key else place,
                                  args | {"match": m.group(g)})
            anchor_loc = _anchor_loc(report, anchor, where)
            if anchor_rx is not None:
                spot = next(((locate, m) for t, locate in texts if (m := anchor_rx.search(t))), None)
                if spot is not None:
                    anchor_loc = spot[0](spot[1].start(), spot[1].end())
            if must is not None and not any(must.search(t) for t, _ in texts):
                yield Hit(anchor_loc, place, base_args, absent=True)
            if all_of:
                # an alternative "a|b|c" is named by its first word in the message
                missing = [_first_word(p) for p, r in all_of if not any(r.search(t) for t, _ in texts)]
                if missing:
                    yield Hit(anchor_loc, place, base_args | {"missing": "、".join(missing)}, absent=True)
        return check


def _first_word(pattern: str) -> str:
    """The first alternative of a pattern without its regex syntax: "主动公开(?!政府信息情况)|…" → 主动公开."""
    first = re.split(r"\|(?![^(]*\))", pattern)[0]
    return re.sub(r"\(\?<?[!=][^)]*\)|[\\()\[\]{}.*+?^$]", "", first)


def _shift(loc: Location | None, start: int, end: int) -> Location | None:
    return loc.span(start, end) if loc is not None else None


def _anchor_loc(report: Report, anchor: int | None, where: tuple[str, ...]) -> Location | None:
    if where[0] == "title":
        return report.meta.title_loc
    key = anchor if anchor is not None else int(where[0]) if where[0].isdigit() else None
    sec = report.section(key) if key is not None else None
    return sec.loc if sec else None
