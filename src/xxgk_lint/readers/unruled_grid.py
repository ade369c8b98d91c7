"""The grid of a table drawn without rules (see unruled.py): value columns from where the
values stand, header text joined per column zone, row labels from the text left of the values.
Lines and runs are pdfpage's dicts (x0, x1, top, bottom, runs)."""

from __future__ import annotations

import re

from ..values import is_value_like
from .pdfpage import Cell

_ITEM_START = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+\s*[.．、])")


def line_size(ln: dict) -> float:
    return max(ln["bottom"] - ln["top"], 6.0)


def run_mid(run: dict) -> float:
    return (run["x0"] + run["x1"]) / 2


def is_title(head: list[dict]) -> bool:
    """Whether a header's first line is a title ("第二十条第（一）项"): one text, more lines below."""
    return len(head) > 1 and len(head[0]["runs"]) == 1


def is_value_line(ln: dict) -> bool:
    runs = ln["runs"]
    return len(runs) >= 2 and any(is_value_like(r["text"]) for r in runs[1:])


def _columns(body: list[dict], split: float) -> list[tuple[float, float]]:
    """Value columns: the x-extents of value runs, those overlapping merged.  Then neighbours
    that never both hold a value in one row are one column, as long as there are more columns
    than any row has values (a column's numbers aligned right and its "-15" left)."""
    rows = [[(r["x0"], r["x1"]) for r in ln["runs"] if run_mid(r) > split and is_value_like(r["text"])]
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


def header_stacks(head: list[dict], split: float, widest: float) -> list[list[float]]:
    """The x-extents of header texts standing one above the other (a wrapped "结果\n维持"),
    the title line left out; a text over two of them, or wider than ``widest``, is a group label."""
    runs = [r for ln in head[1 if is_title(head) else 0:] for r in ln["runs"] if run_mid(r) > split]
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
    stacks = header_stacks(head, split, 0.9 * pitch)
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


def band_rows(head: list[dict], body: list[dict], split: float, carry: list[dict] | None = None
          ) -> list[list[Cell | None]]:
    """A band's rows.  ``carry``: the header lines on the page before of a band continued here,
    to find its columns (one may be blank in every row)."""
    cols = _empty_columns(head or carry or [], _columns(body, split), split)
    anchors = [ln for ln in body if is_value_line(ln)]
    items = _labels(body, anchors, split)
    width = max((sum(1 for it in items if it.rows and k in it.rows) for k in range(len(anchors))), default=0)
    rows: list[list[Cell | None]] = []
    rows.extend(header_rows(head, cols, split, width))
    for k, ln in enumerate(anchors):
        labels = sorted((it for it in items if k in it.rows), key=lambda it: it.cell.bbox[0])
        # padded on the left: a reader takes the values right after a row's label
        row: list[Cell | None] = [None] * (width - len(labels)) + [it.cell for it in labels]
        vals: list[Cell | None] = [None] * len(cols)
        for r in ln["runs"]:
            if run_mid(r) > split and is_value_like(r["text"]):
                c = _zone(cols, run_mid(r))
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
        runs = [r for r in ln["runs"] if run_mid(r) <= split]
        next_open = []
        for run in runs:
            home = next((k for k, a in enumerate(anchors) if _overlaps(run, a)), None)
            item = next((it for it in open_items if it.last["x0"] < run["x1"] and run["x0"] < it.last["x1"]), None)
            if item is not None:
                item_home = next((k for k, a in enumerate(anchors) if _overlaps(item.last, a)), None)
                # a wrap: the line above filled its lane, or both are a label set a character a line
                wrap = item.full or (item.short and len(run["text"].strip()) <= 2)
                if _ITEM_START.match(run["text"]) or run["top"] - item.last["bottom"] > 0.8 * line_size(run) or \
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
            item.full = lane_end - run["x1"] < 2 * line_size(run)
            next_open.append(item)
        # an item stays open across a line that does not touch it (a value line between its lines)
        open_items = next_open + [it for it in open_items if it not in next_open
                                  and ln["top"] - it.last["bottom"] <= 0.8 * line_size(ln)]
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
    runs = [r for ln in head[1 if is_title(head) else 0:] for r in ln["runs"]
            if run_mid(r) > split and r["x1"] - r["x0"] <= 0.9 * pitch]

    def score(zs: list[tuple[float, float]]) -> tuple[int, int]:
        fits = [c for c in (_fit(zs, r) for r in runs) if c is not None]
        return len(set(fits)), len(fits)

    return max((zones(kind) for kind in ("mid", "right", "left")), key=score)


def _fit(zones: list[tuple[float, float]], run: dict) -> int | None:
    return next((c for c, (lo, hi) in enumerate(zones) if lo - 1 <= run["x0"] and run["x1"] <= hi + 1), None)


def header_rows(head: list[dict], cols: list[tuple[float, float]], split: float,
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
        title = k == 0 and is_title(head)
        group_row: list[Cell | None] = [None] * (width + len(cols))
        value_side = [r for r in ln["runs"] if run_mid(r) > split]
        # as many texts as columns: one heads each, in order, wherever the alignments put them
        in_order = {id(r): c for c, r in enumerate(value_side)} if len(value_side) == len(cols) > 1 else {}
        for r in ln["runs"]:
            cell = Cell(r["text"], (r["x0"], r["top"], r["x1"], r["bottom"]))
            mid = run_mid(r)
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
