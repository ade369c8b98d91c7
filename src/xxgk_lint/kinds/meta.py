"""Kinds over metadata: date, template, metadata (fields present), reader (reader notes)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Iterator

from ..findings import Hit, Place
from ..issuers import kind_name
from ..labels import both, table_label
from ..model import Report
from ..record import Tr
from ..template import PRE2019_NAME, TEMPLATE_PRE2019, VERSIONS, implied_by_year, known_templates
from . import Checks, Context, Kind, ParamError, str_list

_BOUND = re.compile(r"^Y([+-]\d+)?-(\d{2})-(\d{2})$")
def _template_name(template: str) -> Any:
    """A template version's name in both languages, as a message argument."""
    v = VERSIONS.get(template)
    return v.name if v is not None else PRE2019_NAME if template == TEMPLATE_PRE2019 else template


def _bound(spec: str, year: int, ctx: Context, kind: str) -> dt.date:
    if spec == "deadline":
        # the 2008 条例 (Art. 31) gave every body until 31 March; Art. 49 of the revised one applies
        # to the reports of 2019 on
        mmdd = (ctx.deadlines.get(kind) or ctx.deadlines["unknown"]) if year >= 2019 else "03-31"
        return dt.date(year + 1, int(mmdd[:2]), int(mmdd[3:]))
    m = _BOUND.match(spec)
    assert m is not None
    return dt.date(year + int(m.group(1) or 0), int(m.group(2)), int(m.group(3)))


class Date(Kind):
    """The publication date against bounds computed from the report year Y: ``not_after`` /
    ``not_before`` (``deadline`` = the issuer kind's deadline in Y+1, or ``Y+1-01-31``-style
    dates), and ``up_to``: only dates up to this bound (a later one is another rule's).  A year
    taken from the date itself cannot judge the date."""

    name = "date"
    fields = frozenset({"date", "bound", "year", "kind", "deadline"})
    params = {"not_after": ((str,), False), "not_before": ((str,), False), "up_to": ((str,), False)}

    def build(self, params: dict[str, Any], rule: Any):
        for key in ("not_after", "not_before", "up_to"):
            v = params.get(key)
            if v is not None and v != "deadline" and not _BOUND.match(v):
                raise ParamError(f"{key!r} must be 'deadline' or like 'Y+1-01-31'", key)
        if not (params.get("not_after") or params.get("not_before")):
            raise ParamError("kind 'date' needs not_after or not_before")

        def check(report: Report, ctx: Context) -> Iterator[Hit]:
            meta, year, published = report.meta, report.meta.year, report.meta.published
            if year is None or published is None or meta.year_source == "published":
                return
            up_to = params.get("up_to")
            if up_to and published > _bound(up_to, year, ctx, meta.kind):
                return
            for key, late in (("not_after", True), ("not_before", False)):
                spec = params.get(key)
                if not spec:
                    continue
                bound = _bound(spec, year, ctx, meta.kind)
                if (published > bound) if late else (published < bound):
                    yield Hit(meta.published_loc, Place(field="published"), {
                        "date": published.isoformat(), "bound": bound.isoformat(), "year": year,
                        "kind": kind_name(meta.kind),
                        "deadline": _bound("deadline", year, ctx, meta.kind).isoformat()},
                        doubt=meta.doubts.get("year") or (meta.doubts.get("kind") if spec == "deadline" else None))
        return check


class Template(Kind):
    """The report (or one of its tables) follows a template older (``outdated``) than the one its
    year requires (``expected``)."""

    name = "template"
    fields = frozenset({"template", "expected", "year", "table"})
    params = {"expected": ((str,), True), "outdated": ((str, list), True)}

    def build(self, params: dict[str, Any], rule: Any):
        expected = params["expected"]
        outdated = str_list(params, "outdated")
        for t in (expected, *outdated):
            if t not in known_templates():
                raise ParamError(f"unknown template {t!r} ({', '.join(known_templates())})",
                                 "expected" if t == expected else "outdated")

        def check(report: Report, ctx: Context) -> Iterator[Hit]:
            args = {"year": report.meta.year, "expected": _template_name(expected)}
            doubt = report.meta.doubts.get("year")
            if report.meta.template in outdated:
                yield Hit(None, Place(field="template"),
                          args | {"template": _template_name(report.meta.template), "table": ""}, doubt=doubt)
                return
            for tid, table in report.tables.items():   # a current report with one old table
                if table.present and table.spec.version in outdated:
                    yield Hit(table.loc, Place(table=tid),
                              args | {"template": _template_name(table.spec.version), "table": tid}, doubt=doubt)
        return check


CITATION = Checks("citation", {"cited", "template", "year"})


@CITATION.register("TPL-CITED")
def cited(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """The text cites one template (国办公开办函〔2021〕30号), the tables follow another — unless
    the citation is the one the year requires: then the tables are the outdated ones, and that is
    TPL-OUTDATED's to say."""
    cited, used = report.meta.template_cited, report.meta.template
    if cited and report.meta.year is not None and cited == implied_by_year(report.meta.year):
        return
    if cited and (used in VERSIONS or used == TEMPLATE_PRE2019) and cited != used:
        yield Hit(None, Place(field="template"), {"cited": _template_name(cited),
                                                  "template": _template_name(used), "year": report.meta.year})


_FIELDS = ("title", "title_body", "title_place", "body", "year", "published", "period", "kind")
# a name that says only what kind of office it is: a bare 县/市/区… before the organ ("县教育局",
# "市生态环境局"), or a government's office ("人民政府办公室"); "东风路街道", "五华科技产业园…" name a place
# (a place whose name begins with one of those characters names a place: 镇江市, 市中区, 乡宁县)
_UNPLACED = re.compile(r"^(?:[省市县区镇乡](?![\u4e00-\u9fff]{1,3}[省市县区旗])|(?:人民)?政府)")


class Metadata(Kind):
    """A metadata field that could not be found in the document."""

    name = "metadata"
    fields = frozenset({"field", "title"})
    params = {"field": ((str,), True)}

    def build(self, params: dict[str, Any], rule: Any):
        name = params["field"]
        if name not in _FIELDS:
            raise ParamError(f"'field' must be one of {', '.join(_FIELDS)}", "field")

        def check(report: Report, ctx: Context) -> Iterator[Hit]:
            m = report.meta
            if name in ("title_body", "title_place") and not m.title:
                return      # no title at all is the title rule's finding
            if name == "title_place" and not m.title_body:
                return      # naming no body at all is META-TITLE-BODY's
            value = {"title": m.title, "title_body": m.title_body, "body": m.body, "year": m.year,
                     "published": m.published or m.published_raw, "period": m.period_start or m.period_raw,
                     "kind": m.kind != "unknown",
                     "title_place": _UNPLACED.match(m.title_body) is None}[name]
            if not value:
                loc = m.title_loc if name in ("title_body", "title_place") else None
                hit = Hit(loc, Place(field="title" if name in ("title_body", "title_place") else name),
                          {"field": name, "title": m.title}, absent=name not in ("title_body", "title_place"))
                if name == "title" and m.named_report:
                    # the text names itself in full: attributable, and the title line may stand
                    # where the text was cut from (a page's heading the extraction lost)
                    hit.severity, hit.doubt = "info", Tr(
                        f"正文写明了报告全称「{m.named_report}」，标题可能在未读到的网页标题中",
                        f"the text names the report in full (\"{m.named_report}\"); the title may be in a page "
                        f"heading not read")
                yield hit
        return check


class Reader(Kind):
    """Turns what a reader noticed (unknown rows, unreadable headers) into findings."""

    name = "reader"
    fields = None            # any: the note's own arguments (a test checks every note code's message)
    params = {"codes": ((str, list), True)}

    def build(self, params: dict[str, Any], rule: Any):
        codes = set(str_list(params, "codes"))

        def check(report: Report, ctx: Context) -> Iterator[Hit]:
            for note in report.notes:
                if note.code in codes:
                    tid = note.args.get("table_id", "")
                    args = dict(note.args)
                    if tid:
                        args["table"] = both(table_label, tid)
                    yield Hit(note.loc, Place(table=tid), args)
        return check


SUPPRESSION = Checks("suppression", {"rules"})


@SUPPRESSION.register("SUP-NO-REASON")
def without_reason(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """An inline suppression without reason="…": it does not suppress."""
    for s in report.suppressions:
        if not s.reason:
            yield Hit(s.loc, Place(), {"rules": ", ".join(s.rules)})


@SUPPRESSION.register("SUP-UNUSED")
def unused(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """A reasoned suppression that silenced nothing — unless it names only rules this run left
    out (--select/--ignore); one naming no known rule (a typo) is unused."""
    checked = ctx.findings
    for s in report.suppressions:
        if s.reason and id(s) not in checked.used and (
                any(s.covers_rule(r) for r in checked.ran) or not any(s.covers_rule(r) for r in checked.left_out)):
            yield Hit(s.loc, Place(), {"rules": ", ".join(s.rules)})


BLANK_TEMPLATE = Checks("blank", {"tables", "chars"})
_PLACEHOLDER = re.compile(r"[（(][^（()）]{0,30}[）)]|[XＸ×x]{2,}|某某|_{2,}|＿{2,}|——")


@BLANK_TEMPLATE.register("TPL-BLANK")
def blank_template(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """The template itself, not a report: tables present with no figure in any cell, and hardly
    a word of text besides its placeholders."""
    present = [t for t in report.tables.values() if t.present]
    if len(present) < 2 or any(t.numbers() for t in present):
        return
    text = "".join(_PLACEHOLDER.sub("", s.text) for s in report.sections if s.key)
    chars = sum("\u4e00" <= ch <= "\u9fff" for ch in text)
    if chars <= 60:
        yield Hit(None, Place(), {"tables": len(present), "chars": chars})
