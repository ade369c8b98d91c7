"""A small, typed copy of a checked report for what comes after the check: the audit's summary
and exports, its history store, and the rules that compare reports (cross-year, hierarchy).

It is a ``Report`` (so those rules run on it unchanged) holding the metadata, the sections'
text and every table cell with its source location — but not the source lines, reader notes or
paragraph offsets.  ``to_plain``/``from_plain`` turn it into JSON-able data and back; nothing
in it is code, so a history store read back cannot run anything.  A cell's location is kept as
a short list and made a ``Location`` only when a finding asks for it: a cached audit reads
hundreds of snapshots and points at a handful of cells."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .model import Cell, Location, Metadata, Report, Section, Table
from .record import Tr
from .template import table_spec

_DATES = ("published", "period_start", "period_end")
_LOCS = ("title_loc", "published_loc", "period_loc")
_PLAIN_META = ("body", "body_source", "kind", "year", "year_source", "published_raw", "title", "title_body",
               "template", "template_cited", "period_raw")


def snapshot(report: Report) -> Report:
    """The report without what only its own file's diagnostics need (the cells' locations are
    made now, while the reader's cells are still there)."""
    tables = {}
    for tid, t in report.tables.items():
        cells = {k: Cell(c.table, c.row, c.col, c.raw, c.value, c.state, c.loc) for k, c in t.cells.items()}
        tables[tid] = Table(t.spec, cells, t.loc, t.form)
    sections = [Section(s.key, s.heading, s.numeral, s.form, s.text, s.loc, has_table=s.has_table)
                for s in report.sections]
    out = Report(report.path, report.meta, sections, tables, reader=report.reader)
    out.encoding = report.encoding
    return out


def loc_plain(loc: Location | None) -> dict[str, Any] | None:
    if loc is None:
        return None
    out = loc.as_dict()
    if loc.doubt is not None:           # both languages: a stored result is shown in either
        out["doubt"] = list(loc.doubt)
    return out


def loc_from(d: dict[str, Any] | None) -> Location | None:
    if not d:
        return None
    d = dict(d)
    if d.get("bbox"):
        d["bbox"] = tuple(d["bbox"])
    if d.get("doubt") is not None:
        doubt = d["doubt"]
        d["doubt"] = Tr(*doubt) if isinstance(doubt, list) else Tr(doubt, doubt)
    return Location(**d)


_FIELDS = ("line", "col", "end_line", "end_col", "page", "table", "row", "cell", "para")


def _cell_loc(loc: Location | None) -> list[Any] | None:
    """A location in the report's own file, without the path: [line, col, …, para(, bbox(, ocr))]."""
    if loc is None:
        return None
    out: list[Any] = [getattr(loc, k) for k in _FIELDS]
    if loc.bbox or loc.ocr is not None:
        out.append([round(v, 1) for v in loc.bbox] if loc.bbox else None)
    if loc.ocr is not None:
        out.append(round(loc.ocr, 3))
    return out


class _Pending:
    """A cell's location as stored, made a Location on first use (Cell.loc reads ``src.loc``)."""

    __slots__ = ("path", "data")

    def __init__(self, path: str, data: list[Any]):
        self.path, self.data = path, data

    @property
    def loc(self) -> Location:
        d = self.data
        return Location(self.path, *d[:9], bbox=tuple(d[9]) if len(d) > 9 and d[9] else None,
                        ocr=d[10] if len(d) > 10 else None)


def to_plain(report: Report) -> dict[str, Any]:
    m = report.meta
    meta = {k: getattr(m, k) for k in _PLAIN_META}
    meta |= {k: getattr(m, k).isoformat() if getattr(m, k) else None for k in _DATES}
    meta |= {k: loc_plain(getattr(m, k)) for k in _LOCS}
    meta["year_evidence"] = [list(e) for e in m.year_evidence]
    return {
        "path": report.path, "reader": report.reader, "encoding": report.encoding, "meta": meta,
        "sections": [[s.key, s.heading, s.numeral, s.form, s.text, loc_plain(s.loc), s.has_table]
                     for s in report.sections],
        "tables": {tid: {"version": t.spec.version, "form": t.form, "loc": loc_plain(t.loc),
                         "cells": [[c.row, c.col, c.raw, c.value, c.state, _cell_loc(c.loc)]
                                   for c in t.cells.values()]}
                   for tid, t in report.tables.items()},
    }


def from_plain(d: dict[str, Any]) -> Report:
    m = Metadata()
    meta = d["meta"]
    for k in _PLAIN_META:
        setattr(m, k, meta[k])
    for k in _DATES:
        setattr(m, k, dt.date.fromisoformat(meta[k]) if meta[k] else None)
    for k in _LOCS:
        setattr(m, k, loc_from(meta[k]))
    m.year_evidence = [tuple(e) for e in meta["year_evidence"]]
    sections = [Section(key, heading, numeral, form, text, loc_from(loc), has_table=has_table)
                for key, heading, numeral, form, text, loc, has_table in d["sections"]]
    tables = {}
    for tid, t in d["tables"].items():
        path = d["path"]
        cells = {(row, col): Cell(tid, row, col, raw, value, state, src=_Pending(path, loc) if loc else None)
                 for row, col, raw, value, state, loc in t["cells"]}
        tables[tid] = Table(table_spec(tid, t["version"]), cells, loc_from(t["loc"]), t["form"])
    report = Report(d["path"], m, sections, tables, reader=d["reader"])
    report.encoding = d["encoding"]
    return report
