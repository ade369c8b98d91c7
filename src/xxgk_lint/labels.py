"""Human labels for logical places (表三 / 一、本年新收 / 自然人), in Chinese or English."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable

from .findings import Place
from .record import Tr
from .sections_spec import SECTION_BY_KEY
from .template import TABLE_NAMES, TABLES

_META_FIELDS = {
    "title": Tr("标题", "title"), "body": Tr("发布机关", "issuing body"), "year": Tr("报告年度", "report year"),
    "published": Tr("发布日期", "publication date"), "period": Tr("统计期限", "statistics period"),
    "template": Tr("模板版本", "template version"),
}
# where the evidence for a report's year comes from (Metadata.year_evidence's sources)
YEAR_SOURCES = {"title": Tr("标题", "the title"), "period": Tr("统计期限", "the statistics period"),
                "text": Tr("正文开头", "the opening"), "preamble": Tr("前言", "the preamble"),
                "published": Tr("发布日期", "the publication date"), "file": Tr("文件名", "the file name"),
                "metadata": Tr("元数据", "the metadata")}


@lru_cache(maxsize=1024)
def _label(table: str, what: str, id_: str, lang: str) -> str:
    """A row's or column's label in any template version that has it (ids are shared)."""
    for (tid, _), spec in TABLES.items():
        item = (spec.row_by_id if what == "row" else spec.col_by_id).get(id_) if tid == table else None
        if item is not None:
            return item.en if lang == "en" else (item.short if what == "row" else item.zh)
    return id_


def row_label(table: str, row: str, lang: str) -> str:
    return _label(table, "row", row, lang)


def col_label(table: str, col: str, lang: str) -> str:
    return _label(table, "col", col, lang)


def table_label(table: str, lang: str) -> str:
    return TABLE_NAMES.get(table, Tr(table, table)).pick(lang)


def section_label(key: int, lang: str) -> str:
    s = SECTION_BY_KEY.get(key)
    if s is None:
        return "前言" if lang == "zh" else "preamble"
    return f"{s.numeral}、{s.title}" if lang == "zh" else f"Section {key} ({s.en})"


def field_label(name: str, lang: str) -> str:
    return _META_FIELDS.get(name, Tr(name, name)).pick(lang)


def describe(place: Place, lang: str) -> str:
    parts: list[str] = []
    if place.section:
        parts.append(section_label(place.section, lang))
    if place.table:
        parts.append(table_label(place.table, lang))
        if place.row:
            parts.append(row_label(place.table, place.row, lang))
        if place.col:
            parts.append(col_label(place.table, place.col, lang))
    if place.field:
        parts.append(field_label(place.field, lang))
    return " / ".join(parts)


def both(label: Callable[..., str], *args: Any) -> Tr:
    """A label in both languages, as a message argument: both(row_label, "t3", "new_received")."""
    return Tr(label(*args, "zh"), label(*args, "en"))


def place_args(table: str | None = None, row: str | None = None, col: str | None = None,
               section: int | None = None) -> dict[str, Tr]:
    """The message arguments that name a place ({table}, {row}, {col}, {section}) in both languages."""
    out: dict[str, Tr] = {}
    if table is not None:
        out["table"] = both(table_label, table)
    if row is not None:
        out["row"] = both(row_label, table or "", row)
    if col is not None:
        out["col"] = both(col_label, table or "", col)
    if section is not None:
        out["section"] = both(section_label, section)
    return out
