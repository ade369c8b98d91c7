"""Tables drawn without rules, rebuilt from where their text stands on a PDF page.

No rules means no cell boxes, so the grid is inferred from the layout:

* a *value line* holds, after a gap, a run that reads as a table value (number, "/", "—"); a
  table is value lines and the lines around them that are not prose (no line filling the
  text column, no section heading), header lines above included;
* value columns are the runs of values that overlap horizontally; a table's *bands* (table 2
  has one per sub-table) each have their own columns, a band starting at a header line;
* row labels are the text left of the values: lines of one label join (a wrapped label, a
  label set one character per line) unless a line starts a new item ("（二）", "3.") or
  stands beside other values; a label stands in every row whose values it spans, like a
  merged cell in a ruled table;
* header text fitting one value column is joined top to bottom (a wrapped "结果\\n维持"),
  wider text (a group label over several columns) keeps a row of its own; a header text over
  no value column is a column left blank in every row;
* rows continuing on the next page take their columns from the header lines before them, and
  a header left alone at a page's foot joins the rows on the next page.

What is read is what the page shows: a value column with nothing in a row is a blank cell.
"""

from __future__ import annotations

import re

from ..values import is_value_like
from .assemble import classify_heading
from .pdfpage import Cell

_ITEM_START = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+\s*[.．、])")


class UnruledTable:
    """A table read from its layout: ``rows`` of cells (None where nothing stands)."""

    ruled = False
    __slots__ = ("page", "bbox", "rows", "head")

    def __init__(self, page: int, bbox: tuple, rows: list[list[Cell | None]], head: list[dict]):
        self.page, self.bbox, self.rows = page, bbox, rows
        self.head = head                    # its last band's header lines: the columns of rows continuing it


def _size(ln: dict) -> float:
    return max(ln["bottom"] - ln["top"], 6.0)


def _mid(run: dict) -> float:
    return (run["x0"] + run["x1"]) / 2


def _title(head: list[dict]) -> bool:
    """Whether a header's first line is a title ("第二十条第（一）项"): one text, more lines below."""
    return len(head) > 1 and len(head[0]["runs"]) == 1


def _is_value_line(ln: dict) -> bool:
    runs = ln["runs"]
    return len(runs) >= 2 and any(is_value_like(r["text"]) for r in runs[1:])


def find(lines: list[dict], page: int, left: float, right: float,
         carry: list[dict] | None = None) -> tuple[list[UnruledTable], list[dict]]:
    """The unruled tables among a page's text lines (top to bottom), and the lines left over.
    ``carry``: the header lines of the table ending the page before, for rows continuing it."""
    values = [_is_value_line(ln) for ln in lines]
    if sum(values) < 1:
        return [], lines
    width = max(right - left, 1.0)

    def prose(k: int) -> bool:
        return not values[k] and _prose(lines[k], width)

    def near(a: int, b: int, factor: float) -> bool:
        return lines[b]["top"] - lines[a]["bottom"] <= factor * _size(lines[a])

    tables, taken = [], set()
    k = 0
    while k < len(lines):
        if not values[k]:
            k += 1
            continue
        start = k
        while start > 0 and not prose(start - 1) and near(start - 1, start, 3) and (start - 1) not in taken:
            if start >= 2 and _paragraph_tail(lines[start - 2], lines[start - 1], left, right):
                break
            start -= 1
        end = j = k
        while j + 1 < len(lines) and not prose(j + 1) and near(j, j + 1, 3):
            j += 1
            if values[j]:
                end = j
        if j == len(lines) - 1:
            end = j                              # the table runs to the page's foot
        value_left = min(r["x0"] for ln in lines[start:end + 1] if _is_value_line(ln)
                         for r in ln["runs"][1:] if is_value_like(r["text"]))
        while end + 1 < len(lines) and not prose(end + 1) and near(end, end + 1, 1.2) \
                and lines[end + 1]["x1"] < value_left:
            end += 1                             # the wrapped label of the last row
        table = _build(lines[start:end + 1], page, carry if start == 0 else None)
        if table is not None:
            tables.append(table)
            taken.update(range(start, end + 1))
        k = end + 1
    return tables, [ln for k, ln in enumerate(lines) if k not in taken]


def _prose(ln: dict, width: float) -> bool:
    """A line of running text or a section heading: a table's border."""
    if len(ln["runs"]) != 1:
        return False
    return ln["x1"] - ln["x0"] > 0.5 * width or classify_heading(ln["text"]) is not None


def header_tail(lines: list[dict], page: int, left: float, right: float) -> tuple[UnruledTable | None, list[dict]]:
    """A table's header left alone at the foot of a page (its rows on the next page): the last
    lines that are not prose, one of them in columns.  The caller asks only when the next page
    starts with an unruled table."""
    width = max(right - left, 1.0)
    start = len(lines)
    while start > 0 and not _prose(lines[start - 1], width) and (
            start == len(lines) or lines[start]["top"] - lines[start - 1]["bottom"] <= 3 * _size(lines[start - 1])):
        start -= 1
    tail = lines[start:]
    if not any(len(ln["runs"]) >= 2 for ln in tail):
        return None, lines
    return _build(tail, page), lines[:start]


def _paragraph_tail(above: dict, ln: dict, left: float, right: float) -> bool:
    """A short line at the left margin right under a full one: a paragraph's last line."""
    size = _size(ln)
    return (len(ln["runs"]) == 1 and abs(ln["x0"] - left) < 2 and len(above["runs"]) == 1
            and above["x1"] > right - 2 * size and ln["top"] - above["bottom"] < 0.8 * size)


# --------------------------------------------------------------------------- the grid
def _resplit(ln: dict) -> dict:
    """A table line's runs split again where a number meets text across a narrower gap (a long
    label running up to the first value: "…只计这一情 0")."""
    runs = []
    for run in ln["runs"]:
        chars = run["chars"]
        size = max(ch["bottom"] - ch["top"] for ch in chars)
        piece = [chars[0]]
        for a, b in zip(chars, chars[1:]):
            if b["x0"] - a["x1"] >= 0.3 * size and (a["text"].isdigit() != b["text"].isdigit()):
                runs.append(_run(piece))
                piece = []
            piece.append(b)
        runs.append(_run(piece) if len(piece) < len(chars) else run)
    return {**ln, "runs": runs} if len(runs) > len(ln["runs"]) else ln


def _run(chars: list[dict]) -> dict:
    return {"text": "".join(ch["text"] for ch in chars), "x0": chars[0]["x0"], "x1": max(ch["x1"] for ch in chars),
            "top": min(ch["top"] for ch in chars), "bottom": max(ch["bottom"] for ch in chars), "chars": chars}


def _build(lines: list[dict], page: int, carry: list[dict] | None = None) -> UnruledTable | None:
    lines = [_resplit(ln) for ln in lines]
    # the label side: everything left of the first value of a value line
    values = [_is_value_line(ln) for ln in lines]
    boundary = None
    for ln, is_value in zip(lines, values):
        if is_value:
            first = next(k for k, r in enumerate(ln["runs"]) if is_value_like(r["text"]))
            labels = ln["runs"][:first]
            edge = max((r["x1"] for r in labels), default=None)
            if edge is not None:
                boundary = edge if boundary is None else max(boundary, edge)
    split = boundary if boundary is not None else float("-inf")

    # header lines: no value, some text over the values
    heads = [not v and any(_mid(r) > split for r in ln["runs"]) for ln, v in zip(lines, values)]

    def head_follows(k: int) -> bool:
        """A header line comes before the next value line, or no value line follows and line k
        stands apart from the one above (the next part's title, its rows on the next page):
        line k opens a new band."""
        for j in range(k + 1, len(lines)):
            if values[j]:
                return False
            if heads[j]:
                return True
        return lines[k]["top"] - lines[k - 1]["bottom"] > 0.8 * _size(lines[k])

    bands: list[dict] = []               # {"head": [lines], "body": [lines]}
    for k, ln in enumerate(lines):
        in_body = values[k] or (not heads[k] and bands and bands[-1]["body"] and not head_follows(k))
        if in_body:
            if not bands:
                bands.append({"head": [], "body": []})
            bands[-1]["body"].append(ln)
        else:
            if not bands or bands[-1]["body"]:
                bands.append({"head": [], "body": []})
            bands[-1]["head"].append(ln)
    rows: list[list[Cell | None]] = []
    for k, band in enumerate(bands):
        if band["body"]:
            rows.extend(_band(band["head"], band["body"], split, carry if k == 0 and not band["head"] else None))
        else:                               # a header whose rows are on the next page: its
            cols = [(a, b) for a, b in _stacks(band["head"], split, float("inf"))]     # texts' columns
            rows.extend(_header(band["head"], cols, split, 0))
    if not rows:
        return None
    x0 = min(ln["x0"] for ln in lines)
    x1 = max(ln["x1"] for ln in lines)
    head = bands[-1]["head"] or (carry if len(bands) == 1 else None) or []
    return UnruledTable(page, (x0, lines[0]["top"], x1, lines[-1]["bottom"]), rows, head)


def _columns(body: list[dict], split: float) -> list[tuple[float, float]]:
    """Value columns: the x-extents of value runs, those overlapping merged.  Then neighbours
    that never both hold a value in one row are one column, as long as there are more columns
    than any row has values (a column's numbers aligned right and its "-15" left)."""
    rows = [[(r["x0"], r["x1"]) for r in ln["runs"] if _mid(r) > split and is_value_like(r["text"])]
            for ln in body]
    cols: list[list[float]] = []
    for x0, x1 in sorted(span for row in rows for span in row):
        if cols and x0 <= cols[-1][1] + 0.5:
            cols[-1][1] = max(cols[-1][1], x1)
        else:
            cols.append([x0, x1])
    widest = max((len(row) for row in rows), default=0)

    def holds(col: list[float], row: list[tuple[float, float]]) -> bool:
        return any(col[0] <= (x0 + x1) / 2 <= col[1] for x0, x1 in row)

    while len(cols) > widest:
        pair = next((k for k in range(len(cols) - 1)
                     if not any(holds(cols[k], row) and holds(cols[k + 1], row) for row in rows)), None)
        if pair is None:
            break
        cols[pair:pair + 2] = [[cols[pair][0], cols[pair + 1][1]]]
    return [(a, b) for a, b in cols]


def _pitch(cols: list[tuple[float, float]]) -> float:
    """The usual distance between neighbouring value columns (infinite for one column)."""
    if len(cols) < 2:
        return float("inf")
    return sorted(b[0] + b[1] - a[0] - a[1] for a, b in zip(cols, cols[1:]))[(len(cols) - 2) // 2] / 2


def _stacks(head: list[dict], split: float, widest: float) -> list[list[float]]:
    """The x-extents of header texts standing one above the other (a wrapped "结果\n维持"),
    the title line left out; a text over two of them, or wider than ``widest``, is a group label."""
    runs = [r for ln in head[1 if _title(head) else 0:] for r in ln["runs"] if _mid(r) > split]
    stacks: list[list[float]] = []
    for r in sorted(runs, key=lambda r: r["x1"] - r["x0"]):      # the narrow leaves first
        hits = [g for g in stacks if g[0] < r["x1"] and r["x0"] < g[1]]
        if not hits and r["x1"] - r["x0"] <= widest:
            stacks.append([r["x0"], r["x1"]])
        elif len(hits) == 1:
            hits[0][0], hits[0][1] = min(hits[0][0], r["x0"]), max(hits[0][1], r["x1"])
    return sorted(stacks)


def _empty_columns(head: list[dict], cols: list[tuple[float, float]], split: float) -> list[tuple[float, float]]:
    """Value columns plus those with no value in any row (a column left blank), found from the
    header: a header text narrower than a column that stands in no column's share, or a share
    holding two header texts side by side, lends a column of its own."""
    if not head or len(cols) < 2:
        return cols
    zones = _zones(cols, head, split)
    pitch = _pitch(cols)
    stacks = _stacks(head, split, 0.9 * pitch)
    if len(stacks) <= len(cols):              # no more header texts than columns: none is missing
        return cols
    by_zone: dict[int, list[list[float]]] = {}
    extra = []
    for g in stacks:
        c = _fit(zones, {"x0": g[0], "x1": g[1]})
        if c is not None:
            by_zone.setdefault(c, []).append(g)
        elif not any(g[0] < x1 and x0 < g[1] for x0, x1 in cols):
            extra.append((g[0], g[1]))
    for c, group in by_zone.items():
        if len(group) > 1:              # the text nearest the values keeps the column
            x0, x1 = cols[c]
            keep = min(group, key=lambda g: abs((g[0] + g[1]) / 2 - (x0 + x1) / 2))
            extra += [(g[0], g[1]) for g in group if g is not keep]
    return sorted(cols + extra)


def _zone(cols: list[tuple[float, float]], x: float) -> int:
    """The column whose zone (halfway to its neighbours) holds x."""
    for k in range(len(cols) - 1):
        if x < (cols[k][1] + cols[k + 1][0]) / 2:
            return k
    return len(cols) - 1


def _band(head: list[dict], body: list[dict], split: float, carry: list[dict] | None = None
          ) -> list[list[Cell | None]]:
    """A band's rows.  ``carry``: the header lines on the page before of a band continued here,
    to find its columns (one may be blank in every row)."""
    cols = _empty_columns(head or carry or [], _columns(body, split), split)
    anchors = [ln for ln in body if _is_value_line(ln)]
    items = _labels(body, anchors, split)
    width = max((sum(1 for it in items if it.rows and k in it.rows) for k in range(len(anchors))), default=0)
    rows: list[list[Cell | None]] = []
    rows.extend(_header(head, cols, split, width))
    for k, ln in enumerate(anchors):
        labels = sorted((it for it in items if k in it.rows), key=lambda it: it.cell.bbox[0])
        # padded on the left: a reader takes the values right after a row's label
        row: list[Cell | None] = [None] * (width - len(labels)) + [it.cell for it in labels]
        vals: list[Cell | None] = [None] * len(cols)
        for r in ln["runs"]:
            if _mid(r) > split and is_value_like(r["text"]):
                c = _zone(cols, _mid(r))
                if vals[c] is None:
                    vals[c] = Cell(r["text"], (r["x0"], r["top"], r["x1"], r["bottom"]))
                else:
                    vals[c].add(r, " ")
        rows.append(row + vals)
    return rows


class _Item:
    __slots__ = ("cell", "last", "rows", "short", "full")

    def __init__(self, run: dict):
        self.cell = Cell(run["text"], (run["x0"], run["top"], run["x1"], run["bottom"]))
        self.last = run
        self.rows: set[int] = set()
        self.short = len(run["text"].strip()) <= 2
        self.full = False


def _overlaps(run: dict, ln: dict) -> bool:
    return run["top"] < ln["bottom"] and ln["top"] < run["bottom"]


def _labels(body: list[dict], anchors: list[dict], split: float) -> list[_Item]:
    """Label runs joined into items, each knowing the rows (anchors) it stands in."""
    items: list[_Item] = []
    open_items: list[_Item] = []          # items the next line may continue
    for ln in body:
        runs = [r for r in ln["runs"] if _mid(r) <= split]
        next_open = []
        for run in runs:
            home = next((k for k, a in enumerate(anchors) if _overlaps(run, a)), None)
            item = next((it for it in open_items if it.last["x0"] < run["x1"] and run["x0"] < it.last["x1"]), None)
            if item is not None:
                item_home = next((k for k, a in enumerate(anchors) if _overlaps(item.last, a)), None)
                # a wrap: the line above filled its lane, or both are a label set a character a line
                wrap = item.full or (item.short and len(run["text"].strip()) <= 2)
                if _ITEM_START.match(run["text"]) or run["top"] - item.last["bottom"] > 0.8 * _size(run) or \
                        (not wrap and home is not None and item_home is not None and home != item_home):
                    item = None
            if item is None:
                item = _Item(run)
                items.append(item)
            else:
                item.cell.add(run)
                item.last = run
                item.short = item.short and len(run["text"].strip()) <= 2
            # the lane ends at the next run on the line, or where the values begin
            lane_end = next((r["x0"] for r in ln["runs"] if r["x0"] > run["x1"]), split)
            item.full = lane_end - run["x1"] < 2 * _size(run)
            next_open.append(item)
        # an item stays open across a line that does not touch it (a value line between its lines)
        open_items = next_open + [it for it in open_items if it not in next_open
                                  and ln["top"] - it.last["bottom"] <= 0.8 * _size(ln)]
    for it in items:
        _, top, _, bottom = it.cell.bbox
        it.rows = {k for k, a in enumerate(anchors) if a["top"] < bottom and top < a["bottom"]}
        if not it.rows and anchors:         # between rows: the nearest
            mid = (top + bottom) / 2
            it.rows = {min(range(len(anchors)), key=lambda k: abs((anchors[k]["top"] + anchors[k]["bottom"]) / 2 - mid))}
    return items


def _zones(cols: list[tuple[float, float]], head: list[dict], split: float) -> list[tuple[float, float]]:
    """Each value column's share of the width, for placing header text.  Values and headers are
    often aligned differently (numbers to the right, labels to the left), so the boundaries are
    the values' right edges, their left edges or the midpoints between them — whichever gives
    the most columns a header text standing inside it (then the most such texts)."""
    def zones(kind: str) -> list[tuple[float, float]]:
        bounds = [split]
        for k in range(len(cols) - 1):
            bounds.append({"right": cols[k][1], "left": cols[k + 1][0],
                           "mid": (cols[k][1] + cols[k + 1][0]) / 2}[kind])
        bounds.append(float("inf"))
        return [(bounds[k], bounds[k + 1]) for k in range(len(cols))]

    # leaves only: a title line, or a group label as wide as a column, would fit a share anyway
    pitch = _pitch(cols)
    runs = [r for ln in head[1 if _title(head) else 0:] for r in ln["runs"]
            if _mid(r) > split and r["x1"] - r["x0"] <= 0.9 * pitch]

    def score(zs: list[tuple[float, float]]) -> tuple[int, int]:
        fits = [c for c in (_fit(zs, r) for r in runs) if c is not None]
        return len(set(fits)), len(fits)

    return max((zones(kind) for kind in ("mid", "right", "left")), key=score)


def _fit(zones: list[tuple[float, float]], run: dict) -> int | None:
    return next((c for c, (lo, hi) in enumerate(zones) if lo - 1 <= run["x0"] and run["x1"] <= hi + 1), None)


def _header(head: list[dict], cols: list[tuple[float, float]], split: float,
            width: int) -> list[list[Cell | None]]:
    """Header lines: a title line and wide texts (group labels) a row each, texts fitting one
    column joined top to bottom, the label side's text joined into the row's label."""
    if not head:
        return []
    zones = _zones(cols, head, split)
    rows: list[list[Cell | None]] = []
    label: Cell | None = None
    leaves: list[Cell | None] = [None] * len(cols)
    for k, ln in enumerate(head):
        title = k == 0 and _title(head)
        group_row: list[Cell | None] = [None] * (width + len(cols))
        value_side = [r for r in ln["runs"] if _mid(r) > split]
        # as many texts as columns: one heads each, in order, wherever the alignments put them
        in_order = {id(r): c for c, r in enumerate(value_side)} if len(value_side) == len(cols) > 1 else {}
        for r in ln["runs"]:
            cell = Cell(r["text"], (r["x0"], r["top"], r["x1"], r["bottom"]))
            mid = _mid(r)
            if title:
                group_row[0 if mid <= split or not cols else width + _zone(cols, mid)] = cell
            elif mid <= split or not cols:
                if label is None:
                    label = cell
                else:
                    label.add(r)
            else:
                c = in_order.get(id(r), _fit(zones, r))
                if c is None:
                    group_row[width + _zone(cols, mid)] = cell
                elif leaves[c] is None:
                    leaves[c] = cell
                else:
                    leaves[c].add(r)
        if any(group_row):
            rows.append(group_row)
    leaf_row: list[Cell | None] = [None] * width + leaves
    if label is not None:
        if width:
            leaf_row[0] = label
        else:                               # no label column in the rows (yet): before the leaves
            leaf_row.insert(0, label)
    if any(leaf_row):
        rows.append(leaf_row)
    return rows
