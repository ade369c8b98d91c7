"""The structured YAML/JSON report format (docs/format.md): written by hand or by `extract`.

Every value keeps its line and column, so a finding on a YAML report points at the
exact line.  Shape errors (unknown table/row/column ids, wrong types) are input errors
naming file:line, because in a hand-written file they are typos, not report defects.
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Any

from ..model import MISSING, NUMBER, TEXT, Cell, Cut, InputError, Location, Metadata, Note, Report, Section, Table
from ..record import Tr
from ..issuers import ISSUER_KINDS
from ..sections_spec import SECTION_BY_KEY
from ..template import (ALL_TABLE_IDS, SECTION_TABLE, TEMPLATE_PRE2019, TEMPLATE_UNKNOWN, VERSIONS,
                        TableSpec, current, detect, known_templates, table_spec)
from ..values import parse_cell, sane
from ..yamlio import LocDict, LocList, load
from .assemble import classify_heading
from .body import issuer_kind
from .meta import cited_template, date_match, parse_title

FORMAT_KEY = "xxgk-report"
FORMAT_VERSION = 1
TOP_KEYS = {FORMAT_KEY, "meta", "preamble", "sections", "tables", "notes", "cut", "dropped"}
CUT_KEYS = {"start", "end", "start_at", "end_at", "tables"}
NOTE_KEYS = {"code", "table_id", "label", "found", "expected", "row", "at"}
META_KEYS = {"title", "body", "kind", "year", "published", "template", "period", "source", "doubts"}
SECTION_KEYS = {"key", "heading", "text"}


class _Ctx:
    def __init__(self, path: str, lines: list[str]):
        self.path, self.lines = path, lines

    def err(self, msg: str, pos: Any) -> InputError:
        line, col = (pos[0], pos[1]) if pos else (0, 0)
        return InputError(msg, self.path, line, col)

    def loc(self, pos: Any) -> Location:
        line, col, end = pos
        return Location(self.path, line, col, line, end)


def _suggest(word: str, options: Any) -> str:
    close = difflib.get_close_matches(str(word), list(options), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _check_keys(ctx: _Ctx, d: LocDict, allowed: set[str], what: str) -> None:
    for k in d:
        if k not in allowed:
            raise ctx.err(f"unknown {what} key {k!r}{_suggest(k, allowed)}; allowed: {', '.join(sorted(allowed))}",
                          d.key_locs[k])


def read(text: str, path: str) -> Report:
    data = load(text, path)
    ctx = _Ctx(path, text.splitlines())
    if not isinstance(data, LocDict) or not any(k in TOP_KEYS for k in data):
        from ..model import NotAReportError

        e = ctx.err("not a report: a structured report is a mapping with 'meta', 'sections' and 'tables'",
                    getattr(data, "pos", None) if not isinstance(data, LocDict) else None)
        raise NotAReportError(e.message, e.path, e.line, e.col)
    _check_keys(ctx, data, TOP_KEYS, "top-level")
    version = data.get(FORMAT_KEY, FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise ctx.err(f"unsupported format version {version!r} (this xxgk-lint reads {FORMAT_VERSION})",
                      data.locs.get(FORMAT_KEY))
    meta = _meta(ctx, data.get("meta"), data.locs.get("meta"))
    sections = _sections(ctx, data)
    tables = _tables(ctx, data.get("tables"), data.locs.get("tables"), meta)
    meta.template_cited = cited_template("\n".join(s.text for s in sections))
    for sec in sections:    # sections 二-四 hold their table
        tid = SECTION_TABLE.get(sec.key)
        sec.has_table = tid in tables
    if meta.template == TEMPLATE_UNKNOWN:
        for tid in ("t2", "t3"):
            if tid in tables and tables[tid].present:
                meta.template = tables[tid].spec.version
                break
    report = Report(path, meta, sections, tables, _notes(ctx, data.get("notes"), data.locs.get("notes")),
                    ctx.lines, "yaml")
    report.cut = _cut(ctx, data.get("cut"), data.locs.get("cut"))
    report.dropped = _dropped(ctx, data.get("dropped"), data.locs.get("dropped"))
    if "xxgk-lint:" in text:
        from ..suppress import inline

        report.suppressions = inline(ctx.lines, path)
    return report


def _cut(ctx: _Ctx, d: Any, pos: Any) -> Cut | None:
    """Where the original document stopped or started in the middle (written by `extract`)."""
    if d is None:
        return None
    if not isinstance(d, LocDict):
        raise ctx.err("'cut' must be a mapping (start, end, start_at, end_at, tables)", pos)
    _check_keys(ctx, d, CUT_KEYS, "cut")
    for k in ("start", "end"):
        if not isinstance(d.get(k, 0), int) or not 0 <= d.get(k, 0) <= 6:
            raise ctx.err(f"cut.{k} must be a section number 0-6", d.locs[k])
    tables = d.get("tables") or []
    if not isinstance(tables, list) or any(t not in ALL_TABLE_IDS for t in tables):
        raise ctx.err("cut.tables must list table ids (t2, t3, t4; t1 before 2019)", d.locs.get("tables", pos))

    def said(key: str) -> Tr | None:
        v = d.get(key)
        return Tr(str(v), str(v)) if v else None
    return Cut(d.get("start", 0), d.get("end", 0), said("start_at"), said("end_at"), ctx.loc(pos), tuple(tables))


def _dropped(ctx: _Ctx, items: Any, pos: Any) -> list[tuple[int, Location, str]]:
    if items is None:
        return []
    if not isinstance(items, LocList) or not all(isinstance(i, LocDict) and isinstance(i.get("text"), str)
                                                 for i in items):
        raise ctx.err("'dropped' must be a list of {section, text}", pos)
    out = []
    for i, p in zip(items, items.locs):
        s = i.get("section")
        s = 0 if s is None else s
        if not isinstance(s, int) or isinstance(s, bool) or not 0 <= s <= 6:
            raise ctx.err("dropped.section must be a section number 0-6", i.locs.get("section", p))
        out.append((s, ctx.loc(p), i["text"]))
    return out


def _notes(ctx: _Ctx, items: Any, pos: Any) -> list[Note]:
    """What the reader of the original document noticed (written by `extract`)."""
    if items is None:
        return []
    if not isinstance(items, LocList):
        raise ctx.err("'notes' must be a list", pos)
    out = []
    for item, ipos in zip(items, items.locs):
        if not isinstance(item, LocDict) or not isinstance(item.get("code"), str):
            raise ctx.err("each note needs a 'code'", ipos)
        _check_keys(ctx, item, NOTE_KEYS, "note")
        args = {k: v for k, v in item.items() if k not in ("code", "at")}
        out.append(Note(item["code"], ctx.loc(ipos), args))
    return out


# --------------------------------------------------------------------------- meta
def _meta(ctx: _Ctx, d: Any, pos: Any) -> Metadata:
    meta = Metadata()
    if d is None:
        return meta
    if not isinstance(d, LocDict):
        raise ctx.err("'meta' must be a mapping", pos)
    _check_keys(ctx, d, META_KEYS, "meta")

    def text(key: str) -> str:
        v = d.get(key)
        if v is None:
            return ""
        if not isinstance(v, (str, int)):
            raise ctx.err(f"meta.{key} must be text", d.locs[key])
        return str(v).strip()

    meta.title = text("title")
    if meta.title:
        meta.title_loc = ctx.loc(d.locs["title"])
    meta.body = text("body")
    meta.body_source = "metadata" if meta.body else ""
    doubts = d.get("doubts")
    if doubts is not None:
        if not isinstance(doubts, LocDict) or not all(isinstance(v, str) for v in doubts.values()):
            raise ctx.err("meta.doubts must map a field to the reading it rests on", d.locs["doubts"])
        meta.doubts = {str(k): Tr(v, v) for k, v in doubts.items()}
    kind = text("kind")
    if kind:
        if kind not in ISSUER_KINDS:
            raise ctx.err(f"meta.kind must be one of {', '.join(ISSUER_KINDS)}", d.locs["kind"])
        meta.kind = kind
    elif meta.body:
        meta.kind = issuer_kind(meta.body)
    year = d.get("year")
    if year is not None:
        if not isinstance(year, int) or isinstance(year, bool) or not 1990 <= year <= 2200:
            raise ctx.err(f"meta.year must be a year like 2023, not {year!r}", d.locs["year"])
        meta.year, meta.year_source = year, "metadata"
    title_year, meta.title_body = parse_title(meta.title)
    if meta.year is None and title_year is not None:
        meta.year, meta.year_source = title_year, "title"
    meta.year_evidence = [(src, y) for src, y in (("metadata", year), ("title", title_year)) if y is not None]
    if "published" in d:
        meta.published, meta.published_raw = _date(ctx, d["published"], d.locs["published"], "meta.published")
        meta.published_loc = ctx.loc(d.locs["published"])
    template = text("template")
    if template:
        if template not in known_templates():
            raise ctx.err(f"meta.template must be one of {', '.join(known_templates())}", d.locs["template"])
        meta.template = template
    period = d.get("period")
    if period is not None:
        ppos = d.locs["period"]
        if isinstance(period, LocDict) and set(period) <= {"start", "end"} and len(period) == 2:
            meta.period_start, raw_s = _date(ctx, period["start"], period.locs["start"], "meta.period.start")
            meta.period_end, raw_e = _date(ctx, period["end"], period.locs["end"], "meta.period.end")
            meta.period_raw = f"{raw_s}/{raw_e}"
        else:
            raise ctx.err("meta.period must be a mapping with 'start' and 'end' dates", ppos)
        meta.period_loc = ctx.loc(ppos)
    return meta


def _date(ctx: _Ctx, v: Any, pos: Any, what: str) -> tuple[dt.date | None, str]:
    if isinstance(v, dt.datetime):
        return v.date(), v.date().isoformat()
    if isinstance(v, dt.date):
        return v, v.isoformat()
    if isinstance(v, str):
        m = date_match(v.strip(), whole=True)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))), v.strip()
            except ValueError:
                return None, v.strip()      # a date that does not exist: reported by a rule
    raise ctx.err(f"{what} must be a date like 2024-01-10, not {v!r}", pos)


# --------------------------------------------------------------------------- sections
def _sections(ctx: _Ctx, data: LocDict) -> list[Section]:
    out: list[Section] = []
    pre = data.get("preamble")
    sec0 = Section(0, "", "", "preamble", loc=Location(ctx.path, 1, 1))
    if pre is not None:
        if not isinstance(pre, str):
            raise ctx.err("'preamble' must be text", data.locs["preamble"])
        sec0.text, sec0.parts = pre.rstrip("\n"), _parts(ctx, pre, data.locs["preamble"])
    out.append(sec0)
    items = data.get("sections")
    if items is None:
        return out
    if not isinstance(items, LocList):
        raise ctx.err("'sections' must be a list of {heading, text}", data.locs["sections"])
    seen: set[int] = set()
    for item, pos in zip(items, items.locs):
        if not isinstance(item, LocDict):
            raise ctx.err("each section must be a mapping with 'heading' and 'text'", pos)
        _check_keys(ctx, item, SECTION_KEYS, "section")
        heading = item.get("heading")
        if not isinstance(heading, str) or not heading.strip():
            raise ctx.err("a section needs a 'heading'", pos)
        head = classify_heading(heading)
        key = item.get("key")
        if key is not None and key not in SECTION_BY_KEY:
            raise ctx.err("section 'key' must be 1-6", item.locs["key"])
        if head is None and key is None:
            raise ctx.err(f"heading {heading!r} is not one of the six sections; add 'key: N' (1-6)",
                          item.locs["heading"])
        k = key if key is not None else head[0]
        numeral, form = (head[1], head[2]) if head else ("", "other")
        if k in seen or not k:
            continue
        seen.add(k)
        text = item.get("text") or ""
        if not isinstance(text, str):
            raise ctx.err("section 'text' must be text", item.locs["text"])
        text = text.rstrip("\n")      # a literal block's final newline is not content
        sec = Section(k, heading.strip(), numeral, form, text, ctx.loc(item.locs["heading"]))
        if "text" in item:
            sec.parts = _parts(ctx, text, item.locs["text"])
        out.append(sec)
    return out


def _parts(ctx: _Ctx, text: str, pos: Any) -> list[tuple[int, Location]]:
    """Where each line of a text value stands in the file (block scalars start a line below;
    a quoted scalar folded over several lines is found line by line)."""
    line, col, end = pos
    src = ctx.lines[line - 1] if 0 < line <= len(ctx.lines) else ""
    indicator = src[col - 1:col] if col else ""
    if indicator in ("|", ">"):
        parts, off = [], 0
        for i, piece in enumerate(text.split("\n")):
            n = line + 1 + i
            body = ctx.lines[n - 1] if n <= len(ctx.lines) else ""
            indent = len(body) - len(body.lstrip())
            parts.append((off, Location(ctx.path, n, indent + 1)))
            off += len(piece) + 1
        return parts
    quoted = 1 if indicator in ("'", '"') else 0
    parts = [(0, Location(ctx.path, line, col + quoted))]
    if end:            # on one line
        return parts
    off, n = 0, line
    for piece in text.split("\n"):
        probe = piece.strip()[:12]
        if off and probe:
            for j in range(n, min(n + 40, len(ctx.lines))):
                k = ctx.lines[j].find(probe)
                if k >= 0:
                    n = j + 1
                    parts.append((off + piece.find(probe), Location(ctx.path, n, k + 1)))
                    break
        off += len(piece) + 1
    return parts


# --------------------------------------------------------------------------- tables
def _tables(ctx: _Ctx, d: Any, pos: Any, meta: Metadata) -> dict[str, Table]:
    if d is None:
        return {}
    if not isinstance(d, LocDict):
        raise ctx.err("'tables' must be a mapping of t2, t3, t4", pos)
    out: dict[str, Table] = {}
    for tid, rows in d.items():
        tpos = d.key_locs[tid]
        if tid not in ALL_TABLE_IDS:
            raise ctx.err(f"unknown table {tid!r}{_suggest(tid, ALL_TABLE_IDS)}; tables are t2, t3, t4 (t1: the "
                          "pre-2019 statistics table)", tpos)
        if rows in ("image", "unreadable"):
            out[tid] = Table(current().tables[tid], {}, ctx.loc(tpos), form=rows)
            continue
        if not isinstance(rows, LocDict):
            raise ctx.err(f"tables.{tid} must be a mapping of row id to values (or 'image', 'unreadable')",
                          d.locs[tid])
        spec = table_spec(tid, TEMPLATE_PRE2019 if tid == "t1" else _version(tid, rows, meta.template))
        out[tid] = _table(ctx, spec, rows, ctx.loc(tpos))
    return out


def _version(tid: str, rows: LocDict, declared: str) -> str:
    """A table's layout: from its own rows and columns (a 2021 report may print an old
    table), else the declared template, else the current one."""
    rows = {k: v for k, v in rows.items() if k != "header"}
    cols = {c for v in rows.values() if isinstance(v, dict) for c in v}
    found = detect(tid, set(rows), cols)
    if found != TEMPLATE_UNKNOWN:
        return found
    return declared if declared in VERSIONS else current().id


def _table(ctx: _Ctx, spec: TableSpec, rows: LocDict, loc: Location) -> Table:
    cells: dict[tuple[str, str], Cell] = {}
    notes: list[tuple[str, Location]] = []
    for row_id, values in rows.items():
        rpos = rows.key_locs[row_id]
        if row_id == "header":         # texts of the table's header (table 3's identity note)
            if not isinstance(values, LocList) or not all(isinstance(v, str) for v in values):
                raise ctx.err(f"{spec.id}.header must be a list of texts", rows.locs[row_id])
            notes = [(v, ctx.loc(p)) for v, p in zip(values, values.locs)]
            continue
        row = spec.row_by_id.get(row_id)
        if row is None:
            raise ctx.err(f"unknown row {row_id!r} in {spec.id} ({spec.version} template)"
                          f"{_suggest(row_id, spec.row_by_id)}", rpos)
        cols = spec.row_cols(row)
        if isinstance(values, LocList):
            if len(values) != len(cols):
                raise ctx.err(f"{spec.id}.{row_id} has {len(values)} values; the template has {len(cols)} "
                              f"({', '.join(cols)})", rows.locs[row_id])
            pairs = [(c, v, p) for c, v, p in zip(cols, values, values.locs)]
        elif isinstance(values, LocDict):
            for c in values:
                if c not in cols:
                    raise ctx.err(f"unknown column {c!r} for {spec.id}.{row_id}{_suggest(c, cols)}; "
                                  f"columns: {', '.join(cols)}", values.key_locs[c])
            pairs = [(c, values[c], values.locs[c]) for c in cols if c in values]
        else:
            raise ctx.err(f"{spec.id}.{row_id} must be a list or a mapping of values", rows.locs[row_id])
        for col, v, p in pairs:
            cells[(row_id, col)] = _cell(ctx, spec.id, row_id, col, v, p)
    for row_id, col in spec.cell_ids():
        if (row_id, col) not in cells:
            cells[(row_id, col)] = Cell(spec.id, row_id, col, None, None, MISSING, None)
    table = Table(spec, cells, loc)
    table.notes = notes
    return table


def _cell(ctx: _Ctx, tid: str, row: str, col: str, v: Any, pos: Any) -> Cell:
    loc = ctx.loc(pos)
    if isinstance(v, bool) or isinstance(v, (LocDict, LocList, dt.date)):
        raise ctx.err(f"{tid}.{row}.{col} must be a number, null or text, not {type(v).__name__}", pos)
    if isinstance(v, (int, float)):
        line = ctx.lines[pos[0] - 1] if 0 < pos[0] <= len(ctx.lines) else ""
        raw = line[pos[1] - 1:pos[2] - 1] if pos[2] else ""
        if not sane(v):                 # .inf, .nan, 1e309, 10^400: reported as a cell that is no number
            return Cell(tid, row, col, (raw or "…")[:40], None, TEXT, loc)
        return Cell(tid, row, col, raw or str(v), v, NUMBER, loc)
    value, state = parse_cell(v)
    return Cell(tid, row, col, v, value, state, loc)
