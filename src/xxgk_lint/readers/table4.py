"""Table 4 (政府信息公开行政复议、行政诉讼情况) from a grid: one labelled row per group, or the
template's own layout of fifteen values under a two-level header (its leaf labels wrapped,
truncated or set one character per line)."""

from __future__ import annotations

from ..model import Note, Table
from ..normalize import label_key
from ..template import current, detect
from ..values import is_value_like, parse_cell
from .blocks import Grid, RawCell
from .labels import match
from .tablebuild import Builder, after, distinct, nonempty, take


_T4_GROUP_WORDS = {label_key(w) for w in ("行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉")}
_T4_LEAVES = ("upheld", "corrected", "other", "pending", "total")
_T4_GROUP_ORDER = ("reconsideration", "litigation_direct", "litigation_after")


def _t4_leaf_order(tokens: list[str]) -> list[str] | None:
    """Map 15 header leaf tokens (possibly truncated: "结果", "尚未") to column ids, group by group."""
    if len(tokens) != 15:
        return None
    labels = {c.id: label_key(c.zh) for c in current().tables["t4"].cols}
    out: list[str] = []
    for g in range(3):
        free = list(_T4_LEAVES)
        for tok in tokens[g * 5:(g + 1) * 5]:
            hit = next((c for c in free if tok in labels[c] or labels[c] in tok), None)
            if hit is None:
                return None
            free.remove(hit)
            out.append(hit)
    return out


def _t4_header_tokens(header_rows: list[list[RawCell]], width: int) -> list[str]:
    """Leaf labels in column order.  Grids whose header rows span all columns are read per
    column (vertical labels like "结/果/维/持" join up); collapsed text rows are read in order."""
    full = [r for r in header_rows if len(r) == width]
    if full and len(full) == len(header_rows):
        tokens = []
        for j in range(width):
            parts = []
            for r in full:
                k = label_key(r[j].text)
                if k and k not in _T4_GROUP_WORDS and k not in parts and not is_value_like(r[j].text):
                    parts.append(k)
            tokens.append("".join(parts))
        if all(tokens):
            return tokens
    out: list[str] = []
    for r in header_rows:
        for c in distinct(r):
            k = label_key(c.text)
            if k and k not in _T4_GROUP_WORDS and not is_value_like(c.text):
                out.append(k)
    return out


def _t4_chars_canonical(header_rows: list[list[RawCell]]) -> bool:
    """A header whose leaf labels were set one character per line comes out as lines of single
    characters; it is the template's header when its characters are those of the fifteen leaves."""
    from collections import Counter

    text = "".join(label_key(c.text) for r in header_rows for c in distinct(r))
    for w in _T4_GROUP_WORDS:
        text = text.replace(w, "")
    leaves = "".join(label_key(c.zh) for c in current().tables["t4"].cols) * 3
    return bool(text) and Counter(text) == Counter(leaves)


def build_t4(grid: Grid, notes: list[Note]) -> tuple[Table, str]:
    b = Builder("t4", grid, notes)
    header_rows: list[list[RawCell]] = []
    for cells in grid.rows:
        idx = nonempty(cells)
        blank_row = not idx and header_rows and not b.values and len(distinct(cells)) >= 15
        if not idx and not blank_row:
            continue
        numeric = [i for i in idx if parse_cell(cells[i].text)[1] == "number"]
        if not numeric and not blank_row:       # (a row of fifteen blank cells under the header is the data row)
            if any(b.values):
                continue
            header_rows.append(cells)
            continue
        idx = idx or [0]
        label_row = match("t4", "row", cells[idx[0]].text) or b.near("row", cells[idx[0]]) \
            if not is_value_like(cells[idx[0]].text) else None
        if label_row is not None:       # layout with one labelled row per group
            b.row_locs[label_row] = cells[idx[0]].loc
            for col, cell in zip(_T4_LEAVES, take(cells, after(cells, idx[0]), 5)):
                if cell is not None:
                    b.put(label_row, col, cell)
            continue
        # one row of 15 values (the template's own layout); text before the first value is the
        # end of a header that extraction put on the same line ("总计" then fifteen numbers)
        first = next(i for i in range(len(cells)) if is_value_like(cells[i].text))   # blanks count
        data = cells[first:]
        while len(data) > 15 and not data[-1].text.strip():
            data = data[:-1]
        width = len(cells) - first if all(len(r) == len(cells) for r in header_rows) else len(data)
        heads = [r[first:] if len(r) == len(cells) else r for r in header_rows]
        if first > idx[0]:
            heads.append(cells[idx[0]:first])
        tokens = _t4_header_tokens(heads, width)
        order = _t4_leaf_order(tokens)
        if order is None and _t4_chars_canonical(heads):
            order = list(_T4_LEAVES) * 3     # the template's header set one character per line
        if order is None:
            order = list(_T4_LEAVES) * 3
            if tokens:
                b.note("t4-header", cells[first].loc, found=" ".join(tokens[:16]))
        if len(data) != 15:
            b.note("short-row" if len(data) < 15 else "extra-cells", cells[first].loc, label="",
                   found=len(data), expected=15)
            b.misaligned(*_T4_GROUP_ORDER)
        for j, cell in enumerate(data[:15]):
            b.put(_T4_GROUP_ORDER[j // 5], order[j], cell)
        for g in _T4_GROUP_ORDER:
            b.row_locs[g] = cells[first].loc
    return b.finish(current().id), detect("t4")   # table 4 is the same in every version so far
