"""Tables printed one cell per line, as some web extractions give them: every cell on a line of
its own, blank lines between them, with or without a bar ("规章 |" / "0 |", or "|" alone between
cells; a bar alone right after a row's label that leaves the row one cell too many is a cell the
page hid, not a blank one).  The rows are rebuilt from what the cells are: a row label (and the group labels before
it) followed by its values is a row; the labels before them are the header; 第二十条第（一）项
is a row of its own.  A label broken over two lines ("（四）无" / "法提供") is joined when the
two together name a row.  Blank cells cannot be told from the blank lines between cells, so a
row that lost one is reported short, never guessed.
"""

from __future__ import annotations

import re

from ..values import is_value_like
from .blocks import RawCell
from .labels import label_kind

_SENTENCE = re.compile(r"[。；;！!？?]")
MIN_CELLS = 4


def _cell(line: str) -> str | None:
    """The cell a line holds ("" for an empty one: a bar alone where every cell ends with a
    bar), or None for a line that is no single cell."""
    t = line.strip()
    if t.endswith("|"):
        t = t[:-1].strip()
    if t.startswith("|"):
        t = t[1:].strip()
    if "|" in t or len(t) > 60 or _SENTENCE.search(t):
        return None
    return t


def region(lines: list[str], start: int, table: str, path: str) -> tuple[list[list[RawCell]], int] | None:
    """The rows of a one-cell-per-line table starting at line ``start`` (0-based), and the index
    of the first line after it; None when the lines there are not such a table.  ``table`` is the
    table the section holds (t2/t3/t4), or "" when unknown."""
    from .assemble import classify_heading

    if _cell(lines[start]) is None:
        return None
    nxt = next((t for t in (ln.strip() for ln in lines[start + 1:start + 6]) if t and t != "|"), None)
    if nxt is None or _cell(nxt) is None:
        return None         # the cheap test first: one cell per line needs a next line of one cell
    window = [ln.strip() for ln in lines[start:start + 12] if ln.strip()]
    barred = sum(ln.endswith("|") for ln in window) * 2 > len(window) > 0
    cells: list[RawCell] = []
    i, end = start, start
    while i < len(lines):
        raw = lines[i]
        stripped = raw.strip()
        if not stripped or stripped == "|" and not barred or len(stripped) > 1 and not stripped.strip("|"):
            i += 1          # ("||", "|||||": a row's padding, no cell)
            continue
        if classify_heading(stripped) is not None and label_kind(stripped) is None:
            break
        text = _cell(raw)
        if text is None:
            break
        col = raw.find(text[0]) + 1 if text else 1
        cells.append(RawCell(text, None, path, i + 1, col))
        i += 1
        end = i
    values = sum(is_value_like(c.text) for c in cells)
    if len(cells) < MIN_CELLS or values < 2 or not any(label_kind(c.text, table) for c in cells):
        return None
    return _rows(_join_split_labels(cells, table), table), end


def _widths(label: str, table: str) -> set[int]:
    """How many values the row a label names has, in any template version."""
    from ..template import TABLES
    from .labels import match

    out = set()
    for tid in ((table,) if table else ("t2", "t3", "t4")):
        row = match(tid, "row", label)
        for (t, _), spec in TABLES.items():
            if t == tid and row in spec.row_by_id:
                out.add(len(spec.row_cols(spec.row_by_id[row])))
    return out


def _join_split_labels(cells: list[RawCell], table: str) -> list[RawCell]:
    out: list[RawCell] = []
    for c in cells:
        prev = out[-1] if out else None
        if prev is not None and c.text and not is_value_like(c.text) and not is_value_like(prev.text) and \
                label_kind(prev.text, table) is None and label_kind(prev.text + c.text, table) in ("row", "group", "col"):
            out[-1] = RawCell(prev.text + c.text, prev.loc)
            continue
        out.append(c)
    return out


def _rows(cells: list[RawCell], table: str) -> list[list[RawCell]]:
    rows: list[list[RawCell]] = []
    labels: list[RawCell] = []
    values: list[RawCell] = []
    hidden = False                  # a row showed a hidden cell after its label

    def flush() -> None:
        nonlocal hidden
        k = len(labels)
        row_labels: list[RawCell] = []
        if values and k and label_kind(labels[-1].text, table) in ("row", "group"):
            k -= 1
            row_labels.append(labels[k])
            while k and label_kind(labels[k - 1].text, table) == "group":
                k -= 1
                row_labels.insert(0, labels[k])
        header: list[RawCell] = []
        for c in labels[:k]:
            if label_kind(c.text, table) == "item":
                if header:
                    rows.append(header)
                    header = []
                rows.append([c])
            else:
                header.append(c)
        if header:
            rows.append(header)
        if values and row_labels and not values[0].text:
            widths = _widths(row_labels[-1].text, table)
            if hidden or len(values) - 1 in widths and len(values) not in widths:
                del values[0]   # a bar alone right after the label, one cell too many: a cell the page hid,
                hidden = True   # and the page's habit for its other rows
        if values:
            rows.append(row_labels + values)
        labels.clear()
        values.clear()

    for c in cells:
        if is_value_like(c.text):
            values.append(c)
        else:
            if values:
                flush()
            labels.append(c)
    flush()
    return rows
