"""Tables 2, 3 and 4 from grids of cells, matched by label — never by row position.

Works on any reader's grid: repeated group labels (rowspan expanded or repeated in
text), group labels standing beside the first sub-row only or fused with its label in one
cell, spaced labels, split header rows.
What cannot be matched becomes a reader note, which the `reader` rules turn into findings.
"""

from __future__ import annotations

from ..model import MISSING, Cell, Location, Note, Table
from ..normalize import label_key
from ..template import PRE2019_ROWS, current, detect, table_spec
from ..values import is_value_like, parse_cell
from .blocks import Grid, RawCell
from ..record import Tr
from .labels import join_split_labels, match, merge_broken_rows, near_match, row_index, t3_fused, t3_group


def _distinct(cells: list[RawCell]) -> list[RawCell]:
    """Cells with a merged cell's repeats dropped (table 2 values span the unused columns)."""
    return [c for k, c in enumerate(cells) if k == 0 or c is not cells[k - 1]]


def _nonempty(cells: list[RawCell]) -> list[int]:
    return [i for i, c in enumerate(cells) if c.text.strip()]


def classify(grid: Grid) -> str | None:
    """Which table a grid is: t2, t3, t4, pre2019 — or None."""
    keys = {label_key(c.text) for row in grid.rows for c in row[:4] if c.text.strip()}
    t3 = row_index("t3")
    if any(t3.get(k) in ("new_received", "carried_over_prev", "carried_forward") for k in keys):
        return "t3"
    if any(k in keys for k in map(label_key, PRE2019_ROWS)):
        return "pre2019"
    if "信息内容" in keys or any(row_index("t2").get(k) in ("regulations", "licensing", "admin_fees") for k in keys):
        return "t2"
    allkeys = {label_key(c.text) for row in grid.rows for c in row}
    if "行政复议" in allkeys and any(k.startswith("行政诉讼") for k in allkeys):
        return "t4"
    return None


# --------------------------------------------------------------------------- helpers
class _Builder:
    def __init__(self, table: str, grid: Grid, notes: list[Note]):
        self.table, self.grid, self.notes = table, grid, notes
        self.values: dict[tuple[str, str], RawCell] = {}
        self.row_locs: dict[str, Location] = {}
        self.notes_text: list[tuple[str, Location]] = []
        # rows and columns read by a recovery (a label with a typo, a header read by position):
        # the reading each of their cells rests on
        self.doubt_rows: dict[str, Tr] = {}
        self.doubt_cols: dict[str, Tr] = {}
        self.said: set[str] = set()         # the recovery notes given, once a table each

    def note(self, code: str, loc: Location | None, **args) -> None:
        self.notes.append(Note(code, loc, {"table_id": self.table, **args}))

    def near(self, what: str, cell: RawCell) -> str | None:
        """The row or column a label with a typo names; its cells are then doubted, and the typo
        is said once for the table (READ-LABEL-TYPO)."""
        found = near_match(self.table, what, cell.text)
        if found is None:
            return None
        id_, label = found
        why = Tr(f"标签「{cell.text.strip()}」按「{label}」读取", f"label \"{cell.text.strip()}\" read as \"{label}\"")
        (self.doubt_rows if what == "row" else self.doubt_cols)[id_] = why
        if "label-typo" not in self.said:
            self.said.add("label-typo")
            self.note("label-typo", cell.loc, found=cell.text.strip(), expected=label)
        return id_

    def header_notes(self, cells: list[RawCell]) -> None:
        """Keep the header's longer texts (the identity note), once each."""
        for c in _distinct(cells):
            text = c.text.strip()
            if len(text) >= 12 and all(text != t for t, _ in self.notes_text):
                self.notes_text.append((text, c.loc))

    def put(self, row: str, col: str, cell: RawCell) -> None:
        self.values.setdefault((row, col), cell)

    def finish(self, version: str) -> Table:
        spec = table_spec(self.table, version)
        cells: dict[tuple[str, str], Cell] = {}
        for row, col in spec.cell_ids():
            raw = self.values.get((row, col))
            if raw is None:
                cells[(row, col)] = Cell(self.table, row, col, None, None, MISSING, self.row_locs.get(row))
            else:
                value, state = parse_cell(raw.text)
                cells[(row, col)] = Cell(self.table, row, col, raw.text.strip(), value, state, src=raw)
                why = self.doubt_rows.get(row) or self.doubt_cols.get(col)
                if why is not None:
                    raw.loc.doubtful(why)
        table = Table(spec, cells, self.grid.loc)
        table.notes = self.notes_text
        return table


def _after(cells: list[RawCell], i: int) -> int:
    """Index of the first cell after cells[i] that is not cells[i] itself repeated (a label
    merged over several grid columns is one object in each of them)."""
    j = i + 1
    while j < len(cells) and cells[j] is cells[i]:
        j += 1
    return j


def _take(cells: list[RawCell], start: int, n: int) -> list[RawCell | None]:
    out: list[RawCell | None] = list(cells[start:start + n])
    return out + [None] * (n - len(out))


# --------------------------------------------------------------------------- table 2
def build_t2(grid: Grid, notes: list[Note]) -> tuple[Table, str]:
    b = _Builder("t2", grid, notes)
    header: list[str | None] | None = None
    header_at: Location | None = None
    seen_rows: set[str] = set()
    seen_cols: set[str] = set()          # the evidence for the version (template.detect)
    for cells in merge_broken_rows(grid.rows, "t2"):
        idx = _nonempty(cells)
        if not idx:
            continue
        i0 = idx[0]
        first = label_key(cells[i0].text)
        if first == "信息内容":
            heads = [c for c in _distinct(cells[_after(cells, i0):]) if c.text.strip()]
            header = [match("t2", "col", c.text) or b.near("col", c) for c in heads]
            header_at = heads[0].loc if heads else cells[i0].loc
            seen_cols.update(c for c in header if c is not None)
            continue
        if first.startswith("第二十条") or first.startswith("第") and first.endswith("项"):
            header = None
            continue
        row = match("t2", "row", cells[i0].text) or (b.near("row", cells[i0]) if len(idx) > 1 else None)
        if row is None:
            if len(idx) > 1 and not is_value_like(cells[i0].text):
                b.note("unknown-row", cells[i0].loc, label=cells[i0].text.strip())
            continue
        seen_rows.add(row)
        b.row_locs[row] = cells[i0].loc
        row_cols = list(_t2_default_cols(row, detect("t2", seen_rows, seen_cols)))
        values = _distinct(cells[_after(cells, i0):])
        if header and None in header:       # a header cell cut or garbled past reading
            header = _by_position(b, header, row_cols, header_at, len(values))
        row_cols = header or row_cols
        for col, cell in zip(row_cols, _take(_distinct(cells[_after(cells, i0):]), 0, len(row_cols))):
            if col is not None and cell is not None:
                b.put(row, col, cell)
    version = detect("t2", seen_rows, seen_cols)
    return b.finish(version), version


def _by_position(b: _Builder, header: list[str | None], template: list[str], at: Location | None,
                 values: int) -> list[str | None]:
    """A header with cells nothing can be read from ("本年新" | "本年新" | "对外公开总数量", or two
    of them run into one): its columns are the template's for the row, by position, when the row
    has as many values as the template has columns and every header cell that was read stands in
    the template's order — a recovery, so the columns not read are doubted and the header is
    said once (READ-HEADER)."""
    known = [h for h in header if h is not None]
    if values != len(template) or len(header) > len(template) or known != [t for t in template if t in known]:
        return header
    why = Tr("表头残缺，按模板列序读取", "the header is cut; its columns are the template's, by position")
    for t in template:
        if t not in known:
            b.doubt_cols[t] = why
    if "header-position" not in b.said:
        b.said.add("header-position")
        b.note("header-position", at, found=len([h for h in header if h is None]))
    return list(template)


def _t2_default_cols(row: str, version: str) -> tuple[str, ...]:
    """A row's columns when the table prints no header: those of the version read so far."""
    spec = table_spec("t2", version)
    r = spec.row_by_id.get(row)
    return spec.row_cols(r) if r else ()


# --------------------------------------------------------------------------- table 3
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
    b = _Builder("t3", grid, notes)
    header_rows: list[list[RawCell]] = []
    columns: list[str] | None = None
    group = ""
    for cells in join_split_labels(merge_broken_rows(grid.rows, "t3"), "t3"):
        idx = _nonempty(cells)
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
                    row_id, start = "other_processing", _after(cells, i)     # the 2019 single row
                    break
                continue
            row_id = match("t3", "row", text) or (b.near("row", cells[i]) if not _label_only(cells, i) else None)
            if row_id == "other_other" and group not in ("other_processing", ""):
                row_id = None       # a bare "其他" belongs to （六）其他处理 only
            if row_id is None:
                break
            start = _after(cells, i)
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
    return len(_distinct(cells[_after(cells, i):])) >= len(_T3_ORG) + 2


def _put_row(b: _Builder, row_id: str, columns: list[str], cells: list[RawCell], start: int) -> None:
    n = len(columns)
    vals = _take(cells, start, n)
    for col, cell in zip(columns, vals):
        if cell is not None:
            b.put(row_id, col, cell)
    short = [c for c in vals if c is None]
    extra = [c for c in cells[start + n:] if c.text.strip()]
    loc = cells[start - 1].loc if start else cells[0].loc
    if short:
        b.note("short-row", loc, label=cells[start - 1].text.strip() if start else "", found=n - len(short),
               expected=n, row=row_id)
    if extra:
        b.note("extra-cells", extra[0].loc, label=cells[start - 1].text.strip() if start else "",
               found=n + len(extra), expected=n)


# --------------------------------------------------------------------------- table 4
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
        for c in _distinct(r):
            k = label_key(c.text)
            if k and k not in _T4_GROUP_WORDS and not is_value_like(c.text):
                out.append(k)
    return out


def _t4_chars_canonical(header_rows: list[list[RawCell]]) -> bool:
    """A header whose leaf labels were set one character per line comes out as lines of single
    characters; it is the template's header when its characters are those of the fifteen leaves."""
    from collections import Counter

    text = "".join(label_key(c.text) for r in header_rows for c in _distinct(r))
    for w in _T4_GROUP_WORDS:
        text = text.replace(w, "")
    leaves = "".join(label_key(c.zh) for c in current().tables["t4"].cols) * 3
    return bool(text) and Counter(text) == Counter(leaves)


def build_t4(grid: Grid, notes: list[Note]) -> tuple[Table, str]:
    b = _Builder("t4", grid, notes)
    header_rows: list[list[RawCell]] = []
    for cells in grid.rows:
        idx = _nonempty(cells)
        blank_row = not idx and header_rows and not b.values and len(_distinct(cells)) >= 15
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
            for col, cell in zip(_T4_LEAVES, _take(cells, _after(cells, idx[0]), 5)):
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
        for j, cell in enumerate(data[:15]):
            b.put(_T4_GROUP_ORDER[j // 5], order[j], cell)
        for g in _T4_GROUP_ORDER:
            b.row_locs[g] = cells[first].loc
    return b.finish(current().id), detect("t4")   # table 4 is the same in every version so far


BUILDERS = {"t2": build_t2, "t3": build_t3, "t4": build_t4}

