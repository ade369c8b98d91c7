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

from ..values import is_value_like
from .assemble import classify_heading
from .pdfpage import Cell
from .unruled_grid import band_rows, header_rows, header_stacks, is_value_line, line_size, run_mid


class UnruledTable:
    """A table read from its layout: ``rows`` of cells (None where nothing stands)."""

    ruled = False
    __slots__ = ("page", "bbox", "rows", "head")

    def __init__(self, page: int, bbox: tuple, rows: list[list[Cell | None]], head: list[dict]):
        self.page, self.bbox, self.rows = page, bbox, rows
        self.head = head                    # its last band's header lines: the columns of rows continuing it


def find(lines: list[dict], page: int, left: float, right: float,
         carry: list[dict] | None = None) -> tuple[list[UnruledTable], list[dict]]:
    """The unruled tables among a page's text lines (top to bottom), and the lines left over.
    ``carry``: the header lines of the table ending the page before, for rows continuing it."""
    values = [is_value_line(ln) for ln in lines]
    if sum(values) < 1:
        return [], lines
    width = max(right - left, 1.0)

    def prose(k: int) -> bool:
        return not values[k] and _prose(lines[k], width)

    def near(a: int, b: int, factor: float) -> bool:
        return lines[b]["top"] - lines[a]["bottom"] <= factor * line_size(lines[a])

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
        value_left = min(r["x0"] for ln in lines[start:end + 1] if is_value_line(ln)
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
            start == len(lines) or lines[start]["top"] - lines[start - 1]["bottom"] <= 3 * line_size(lines[start - 1])):
        start -= 1
    tail = lines[start:]
    if not any(len(ln["runs"]) >= 2 for ln in tail):
        return None, lines
    return _build(tail, page), lines[:start]


def _paragraph_tail(above: dict, ln: dict, left: float, right: float) -> bool:
    """A short line at the left margin right under a full one: a paragraph's last line."""
    size = line_size(ln)
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
    values = [is_value_line(ln) for ln in lines]
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
    heads = [not v and any(run_mid(r) > split for r in ln["runs"]) for ln, v in zip(lines, values)]

    def head_follows(k: int) -> bool:
        """A header line comes before the next value line, or no value line follows and line k
        stands apart from the one above (the next part's title, its rows on the next page):
        line k opens a new band."""
        for j in range(k + 1, len(lines)):
            if values[j]:
                return False
            if heads[j]:
                return True
        return lines[k]["top"] - lines[k - 1]["bottom"] > 0.8 * line_size(lines[k])

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
            rows.extend(band_rows(band["head"], band["body"], split, carry if k == 0 and not band["head"] else None))
        else:                               # a header whose rows are on the next page: its
            cols = [(a, b) for a, b in header_stacks(band["head"], split, float("inf"))]     # texts' columns
            rows.extend(header_rows(band["head"], cols, split, 0))
    if not rows:
        return None
    x0 = min(ln["x0"] for ln in lines)
    x1 = max(ln["x1"] for ln in lines)
    head = bands[-1]["head"] or (carry if len(bands) == 1 else None) or []
    return UnruledTable(page, (x0, lines[0]["top"], x1, lines[-1]["bottom"]), rows, head)
