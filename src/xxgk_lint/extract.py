"""The report model written back as the structured format (docs/format.md).

`check` on what this writes gives the same findings as `check` on the original: every cell
(raw text kept where it differs from the value), the metadata as read, the sections, and
what the reader noticed (``notes``), since the YAML cannot show the original's layout.
"""

from __future__ import annotations

from typing import Any

from .model import BLANK, MISSING, NUMBER, Cell, Report, Table
from .readers.structured import FORMAT_KEY, FORMAT_VERSION

_NOTE_ARGS = ("label", "found", "expected", "row")


def _value(cell: Cell) -> Any:
    if cell.state == BLANK:
        return None
    if cell.state == NUMBER and cell.raw is not None and cell.raw == str(cell.value):
        return cell.value
    return cell.raw      # "12件", "1,234", "0.0", "/", "无": kept as printed


class _FlowList(list):
    """A table row: printed on one line."""


class _FlowDict(dict):
    """A table row by column id: printed on one line."""


def _table(table: Table) -> Any:
    if not table.present:
        return table.form
    spec, rows = table.spec, {}
    if table.notes:
        rows["header"] = [text for text, _ in table.notes]
    for r in spec.rows:
        cols = spec.row_cols(r)
        cells = [table.cells[(r.id, c)] for c in cols]
        present = [c for c in cells if c.state != MISSING]
        if not present:
            continue
        if len(present) == len(cells) and len(cols) > 1 and spec.id != "t2":
            rows[r.id] = _FlowList(_value(c) for c in cells)
        else:
            rows[r.id] = _FlowDict((c.col, _value(c)) for c in present)
    return rows


def to_document(report: Report) -> dict[str, Any]:
    m = report.meta
    meta: dict[str, Any] = {}
    if m.title:
        meta["title"] = m.title
    if m.body:
        meta["body"] = m.body
    if m.kind != "unknown":
        meta["kind"] = m.kind
    if m.year is not None:
        meta["year"] = m.year
    if m.published or m.published_raw:
        meta["published"] = m.published or m.published_raw
    if m.period_raw:
        meta["period"] = {"start": m.period_start or m.period_raw, "end": m.period_end or m.period_raw}
    meta["template"] = m.template
    if m.doubts:
        meta["doubts"] = {k: v.zh for k, v in m.doubts.items()}
    meta["source"] = report.path
    doc: dict[str, Any] = {FORMAT_KEY: FORMAT_VERSION, "meta": meta}
    pre = report.section(0)
    if pre is not None and pre.text:
        doc["preamble"] = pre.text
    doc["sections"] = [{"heading": s.heading, **({"key": s.key} if s.form == "other" else {}),
                        **({"text": s.text} if s.text else {})} for s in report.sections if s.key]
    doc["tables"] = {tid: _table(t) for tid, t in report.tables.items()}
    if report.cut is not None:
        c = report.cut
        doc["cut"] = {k: v for k, v in (("start", c.start), ("end", c.end), ("start_at", c.start_at and c.start_at.zh),
                                         ("end_at", c.end_at and c.end_at.zh), ("tables", list(c.tables))) if v}
    if report.dropped:
        doc["dropped"] = [{"section": key, "text": text} for key, _, text in report.dropped]
    if report.notes:
        doc["notes"] = [{"code": n.code, **{k: n.args[k] for k in ("table_id", *_NOTE_ARGS) if k in n.args},
                         **({"at": f"{n.loc.line}:{n.loc.col}"} if n.loc and n.loc.line else {})}
                        for n in report.notes]
    return doc


def to_yaml(report: Report) -> str:
    import yaml

    class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):    # the C emitter: dumping is 5x faster
        pass

    Dumper.add_representer(str, lambda d, s: d.represent_scalar(
        "tag:yaml.org,2002:str", s, style="|" if "\n" in s else None))
    Dumper.add_representer(_FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))
    Dumper.add_representer(_FlowDict, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v.items(),
                                                                       flow_style=True))
    head = f"# Extracted by xxgk-lint from {report.path} ({report.reader})\n"
    return head + yaml.dump(to_document(report), Dumper=Dumper, allow_unicode=True, sort_keys=False, width=120)
