"""Which statistics table a grid of cells is (classify), and the builder of each (BUILDERS):
tables 2, 3 and 4 are matched by label — never by row position — on any reader's grid.
What cannot be matched becomes a reader note, which the `reader` rules turn into findings.
"""

from __future__ import annotations

from ..normalize import label_key
from ..sections_spec import PRE2019_ROWS
from .blocks import Grid
from .labels import row_index
from .table1 import build_t1
from .table2 import build_t2
from .table3 import build_t3
from .table4 import build_t4


def classify(grid: Grid) -> str | None:
    """Which table a grid is: t2, t3, t4, pre2019 (the old format's statistics table, built as
    t1) — or None."""
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


BUILDERS = {"t1": build_t1, "t2": build_t2, "t3": build_t3, "t4": build_t4}
