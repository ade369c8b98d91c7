"""Table 3 (收到和处理政府信息公开申请情况) from a grid, matched by label — never by row position:
repeated group labels (rowspan expanded or repeated in text), group labels beside the first
sub-row only or fused with its label in one cell, spaced labels, split header rows."""

from __future__ import annotations

from ..model import Note, Table
from ..template import detect
from ..values import is_value_like, parse_cell
from .blocks import Grid, RawCell
from .labels import join_split_labels, match, merge_broken_rows, t3_fused, t3_group
from .tablebuild import Builder, after, distinct, nonempty, take


_T3_ORG = ("commercial", "research", "public_welfare", "legal_service", "other_org")


def _t3_columns(header_rows: list[list[RawCell]]) -> list[str]:
    """Column order from the header: one row holding all seven leaves decides; else the org
    sub-header decides the order of the five organisation columns."""
    canonical = ["natural_person", *_T3_ORG, "total"]
    for cells in header_rows:
        leaves = [c for c in (match("t3", "col", x.text) for x in cells if x.text.strip()) if c]
        if sorted(leaves) == sorted(canonical) and leaves[0] == "natural_person" and leaves[-1] == "total":
            return leaves       # (a two-level header flattened into one row puts 总计 before the orgs)
        orgs = [c for c in leaves if c in _T3_ORG]
        if sorted(orgs) == sorted(_T3_ORG):
            return ["natural_person", *orgs, "total"]
    return canonical


def build_t3(grid: Grid, notes: list[Note]) -> tuple[Table, str]:
    b = Builder("t3", grid, notes)
    header_rows: list[list[RawCell]] = []
    columns: list[str] | None = None
    group = ""
    for cells in join_split_labels(merge_broken_rows(grid.rows, "t3"), "t3"):
        idx = nonempty(cells)
        if not idx:
            continue
        row_id, start = None, 0
        for i in idx:
            text = cells[i].text
            if is_value_like(text):
                break
            fused = t3_fused(text)
            if fused is not None:
                group, text = fused
            g = t3_group(text)
            if g is not None:
                # "三、本年度办理结果" repeated beside a sub-row does not leave the sub-group
                # named on an earlier row ("（六）其他处理" fused with its first sub-row only)
                group = group if g == "results" and group not in ("", "results") else g or group
                if g == "other_processing" and _next_is_value(cells, i):
                    row_id, start = "other_processing", after(cells, i)     # the 2019 single row
                    break
                continue
            row_id = match("t3", "row", text) or (b.near("row", cells[i]) if not _label_only(cells, i) else None)
            if row_id == "other_other" and group not in ("other_processing", ""):
                row_id = None       # a bare "其他" belongs to （六）其他处理 only
            if row_id is None:
                break
            start = after(cells, i)
            if columns is None and start >= len(cells) and match("t3", "col", text):
                row_id = None       # "总计" or "其他" alone on a header line: a column, not a row
            break
        if row_id is None:
            if columns is None and not any(is_value_like(cells[i].text) and cells[i].text.strip() for i in idx):
                header_rows.append(cells)   # still in the header
                b.header_notes(cells)
            elif any(parse_cell(cells[i].text)[1] == "number" for i in idx):
                label = next((cells[i].text.strip() for i in idx if not is_value_like(cells[i].text)), "")
                b.note("unknown-row", cells[idx[0]].loc, label=label or "?")
            continue
        if columns is None:
            columns = _t3_columns(header_rows)
        if row_id in b.row_locs:
            b.note("duplicate-row", cells[idx[0]].loc, label=cells[start - 1].text.strip())
            continue
        b.row_locs[row_id] = cells[start - 1].loc
        _put_row(b, row_id, columns, cells, start)
    version = detect("t3", set(b.row_locs))
    return b.finish(version), version


def _label_only(cells: list[RawCell], i: int) -> bool:
    """A label with no value after it on its row (a header's or a group's words)."""
    return not any(c.text.strip() and is_value_like(c.text) for c in cells[i + 1:])


def _next_is_value(cells: list[RawCell], i: int) -> bool:
    """Whether values follow the label at ``i``: the next text is a value, or a whole row of
    cells left blank follows it (the 2019 single （六）其他处理 row with nothing filled in)."""
    for c in cells[i + 1:]:
        if c.text.strip():
            return is_value_like(c.text)
    return len(distinct(cells[after(cells, i):])) >= len(_T3_ORG) + 2


def _put_row(b: Builder, row_id: str, columns: list[str], cells: list[RawCell], start: int) -> None:
    n = len(columns)
    vals = take(cells, start, n)
    for col, cell in zip(columns, vals):
        if cell is not None:
            b.put(row_id, col, cell)
    short = [c for c in vals if c is None]
    extra = [c for c in cells[start + n:] if c.text.strip()]
    loc = cells[start - 1].loc if start else cells[0].loc
    if short or extra:
        b.misaligned(row_id)
    if short:
        b.note("short-row", loc, label=cells[start - 1].text.strip() if start else "", found=n - len(short),
               expected=n, row=row_id)
    if extra:
        b.note("extra-cells", extra[0].loc, label=cells[start - 1].text.strip() if start else "",
               found=n + len(extra), expected=n)
        split = _split_cell([c.text.strip() for c in cells[start:start + n] + extra], n)
        if split is not None:
            b.note("split-cell", extra[0].loc, row=row_id, label=split[0], found=split[1], expected=split[2])


def _split_cell(texts: list[str], n: int) -> tuple[str, str, str] | None:
    """A number cut in two by the reading ("2", "0" for 20): the two adjacent single digits that,
    read as one number, leave the row its n values and its sum right — a hint, never a reading."""
    if len(texts) != n + 1:
        return None
    for i in range(n - 1):
        a, b = texts[i], texts[i + 1]
        if len(a) == len(b) == 1 and a.isdigit() and b.isdigit() and a != "0":
            merged = [*texts[:i], a + b, *texts[i + 2:]]
            values = [parse_cell(t)[0] for t in merged]
            if None not in values and sum(values[:-1]) == values[-1]:
                return a, b, a + b
    return None
