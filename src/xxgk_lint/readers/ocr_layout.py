"""Where the text stands in a page picture, found from its ink, without a text detector: the
page's skew (the angle whose rows of ink are sharpest), the table rules (long thin runs of ink),
and the text lines of a region (bands of inked rows, split at wide gaps).  Inside a table the
region is one cell, so every line read belongs to its (row, column) by construction: no detector
splits or merges a figure across cells, and nothing is detected at all (it cost as much as
reading a page's cells).  Pixels throughout; ``readers/ocr.py`` turns them into points."""

from __future__ import annotations

import math
from typing import Any

Box = tuple[int, int, int, int]          # x0, top, x1, bottom in pixels
RULE_INK = 0.88                          # a rule's pixels are darker than this share of the paper's shade


def skew(grey: Any) -> float:
    """The page's skew in radians (positive: turned clockwise), ±3° at most: the angle at which
    the rows of a downscaled ink mask are most unequal (text lines and rules line up)."""
    import cv2
    import numpy as np

    a = np.asarray(grey)
    f = 800 / max(a.shape)
    small = cv2.resize(a, (max(1, int(a.shape[1] * f)), max(1, int(a.shape[0] * f))), interpolation=cv2.INTER_AREA)
    ink = (small < np.percentile(small, 60) * 0.8).astype(np.float32)
    if ink.sum() < 50:
        return 0.0
    h, w = ink.shape
    centre = (w / 2, h / 2)

    def sharpness(deg: float) -> float:
        turned = cv2.warpAffine(ink, cv2.getRotationMatrix2D(centre, deg, 1.0), (w, h))
        return float(np.var(turned.sum(1)))

    best = max((d / 2 for d in range(-6, 7)), key=sharpness)                       # 0.5° steps
    best = max((best + d / 10 for d in range(-4, 5)), key=sharpness)               # then 0.1°
    best = max((best + d / 40 for d in range(-3, 4)), key=sharpness)               # then 0.025°
    return math.radians(best)


def ink_mask(a: Any, rule_mask: Any, scale: float) -> Any:
    """Text ink (1) of a page (numpy greyscale): darker than the paper, rules removed, specks of
    dust and toner (blobs smaller than a full stop) removed."""
    import cv2
    import numpy as np

    paper = float(np.percentile(a, 60))
    ink = (a < paper * 0.75).astype(np.uint8)
    ink[rule_mask > 0] = 0
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    least = max(3, int(0.5 * scale * scale))             # a full stop is ~1 pt across
    small = stats[:, cv2.CC_STAT_AREA] < least
    small[0] = False
    if small.any():
        ink[small[labels]] = 0
    return ink


def lines(ink: Any, regions: list[Box]) -> list[Box]:
    """The text lines inside each region of the ink mask (a table's cells, the page around them),
    top to bottom, each as its ink's bounding box; a line with a gap wider than 1.2 of its height
    splits there.  Bands of ink that are strokes of one character are joined by
    the page's line height, not the region's: a cell may hold one broken figure and nothing else."""
    import numpy as np

    banded = []
    for x0, top, x1, bottom in regions:
        region = ink[max(0, top):max(0, bottom), max(0, x0):max(0, x1)]
        if region.size and region.any():
            banded.append((max(0, x0), max(0, top), region, _runs(region.sum(1) > 0)))
    heights = sorted(b - a for *_, bands in banded for a, b in bands)
    if not heights:
        return []
    tall = heights[min(len(heights) - 1, int(len(heights) * 0.75))]
    out: list[Box] = []
    for x0, top, region, bands in banded:
        for a, b in _merge_strokes(bands, tall):
            pieces = _runs(region[a:b].sum(0) > 0)
            pieces = _join_gaps(pieces, 1.2 * (b - a))
            for c, d in pieces:
                sub = region[a:b, c:d]
                if sub.sum() < 4:
                    continue
                ys = np.flatnonzero(sub.sum(1))
                t, b2 = a + int(ys[0]), a + int(ys[-1]) + 1
                h, w = region.shape
                if _rule_bit(c, t, d, b2, w, h, tall):
                    continue
                # a margin of the picture itself, within the region: the faint edges of strokes
                # lighter than the ink threshold belong to the line
                m = max(1, (b2 - t) // 4)
                out.append((x0 + max(0, c - m), top + max(0, t - m), x0 + min(w, d + m), top + min(h, b2 + m)))
    return out


def _rule_bit(x0: int, top: int, x1: int, bottom: int, width: int, height: int, tall: int) -> bool:
    """Ink that is a piece of a rule or a speck, not text: flat and against the region's top or
    bottom (read as "_"); thin, against a side and taller than a line of text (read as "1");
    or a dot far smaller than a character, alone."""
    if bottom - top < 0.3 * tall and (top <= 1 or bottom >= height - 1):
        return True
    if bottom - top < 0.35 * tall and x1 - x0 < 0.35 * tall:      # a speck, or where two rules cross
        return True
    return x1 - x0 < 0.3 * tall and (x0 <= 1 or x1 >= width - 1) and bottom - top >= min(1.5 * tall, 0.9 * height)


def _runs(flags: Any) -> list[tuple[int, int]]:
    """The [start, end) runs of True in a 1-D boolean array."""
    import numpy as np

    padded = np.concatenate(([False], flags, [False]))
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    return list(zip(edges[::2].tolist(), edges[1::2].tolist()))


def _merge_strokes(bands: list[tuple[int, int]], tall: int) -> list[tuple[int, int]]:
    """Bands that are strokes of one character (三, 二 and 六 are flat strokes with gaps between)
    joined: neighbours a short gap apart whose union stays within a line's height."""
    out = [bands[0]]
    for a, b in bands[1:]:
        pa, pb = out[-1]
        if a - pb < 0.35 * tall and b - pa <= 1.3 * tall:
            out[-1] = (pa, b)
        else:
            out.append((a, b))
    return out


def _join_gaps(pieces: list[tuple[int, int]], widest: float) -> list[tuple[int, int]]:
    out = [pieces[0]]
    for c, d in pieces[1:]:
        if c - out[-1][1] <= widest:
            out[-1] = (out[-1][0], d)
        else:
            out.append((c, d))
    return out


def rules(a: Any, scale: float) -> tuple[list[dict], Any]:
    """The table rules drawn in a page (numpy greyscale) as PDF edges in points, and their mask.
    A rule is a thin run of ink a third of an inch long (longer than any stroke of text), or a
    shorter one (12 pt and more) whose two ends meet such rules across: a web table's cell drawn
    with its own border around a figure.  A web table drawn with separated borders (border=1,
    cellspacing) draws two rules a point or two apart between cells: they are one rule, as the
    text layer's reader merges them; the gaps between its cells' borders are bridged."""
    import cv2
    import numpy as np

    from .pdfpage import add_edge

    paper = float(np.percentile(a, 60))
    # a thin grey rule blurred by JPEG is much lighter than text, and a shaded row's fill is as
    # light: where the light ink is solid (a fill), only what is darker than the fill around it
    ink = (a < paper * RULE_INK).astype(np.uint8)
    thickest = max(3, int(scale * 4))
    solid = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((thickest, thickest), np.uint8)) > 0
    if solid.any():
        around = cv2.medianBlur(a, thickest | 1).astype(np.int16)
        ink[solid] = a[solid] < around[solid] - paper * (1 - RULE_INK)
    length, piece, bridge = max(int(scale * 24), 10), max(int(scale * 12), 6), max(3, int(scale * 3))

    def line(horizontal: bool, n: int) -> Any:
        return np.ones((1, n) if horizontal else (n, 1), np.uint8)

    runs, long_, plain = {}, {}, {}
    for horizontal in (True, False):
        # a rule broken by a speck of paper showing through (a pixel or two) is joined first
        found = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, line(horizontal, max(int(scale * 1.2), 3)))
        plain[horizontal] = cv2.morphologyEx(found, cv2.MORPH_OPEN, line(horizontal, length))
        found = cv2.morphologyEx(found, cv2.MORPH_OPEN, line(horizontal, piece))
        runs[horizontal] = cv2.morphologyEx(found, cv2.MORPH_CLOSE, line(horizontal, bridge))
        long_[horizontal] = cv2.morphologyEx(runs[horizontal], cv2.MORPH_OPEN, line(horizontal, length))
    # bridged rules only inside a table the unbroken rules draw: the strokes of a large heading's
    # characters, side by side, are no rule
    zone = _tables(plain[True] | plain[False], scale)
    for horizontal in (True, False):    # outside tables, a row of characters whose strokes line up is no rule
        outside = plain[horizontal] & ~zone
        if outside.any():
            plain[horizontal] = (plain[horizontal] & zone) | _clear(outside, ink, horizontal, bridge)
    out: list[dict] = []
    mask = np.zeros_like(ink)
    sure = {h: plain[h] | (zone & long_[h]) for h in (True, False)}
    for horizontal in (True, False):
        # a short run reaching a rule across at both ends is a cell's border wherever it stands
        found = sure[horizontal] | _boxed(runs[horizontal] & ~long_[horizontal], sure[not horizontal],
                                          horizontal, max(2, int(scale * 0.75)))
        found = cv2.morphologyEx(found, cv2.MORPH_CLOSE, line(not horizontal, bridge))     # double rules: one
        n, labels, stats, _ = cv2.connectedComponentsWithStats(found, connectivity=8)
        shaded = stats[:, cv2.CC_STAT_HEIGHT if horizontal else cv2.CC_STAT_WIDTH] > thickest
        shaded[0] = False
        if shaded.any():                 # a shaded row or column: not a rule
            found[shaded[labels]] = 0
        # a vertical rule's blurred edge beside a figure reads as "1": its edge is cleared wider
        mask |= found if horizontal else cv2.dilate(found, line(True, 2 * int(scale * 0.7) + 1))
        for x, y, w, h, _ in stats[1:n][~shaded[1:n]].tolist():     # plain ints: places end up in JSON and YAML
            if horizontal:
                mid = (y + h / 2) / scale
                add_edge(out, (x / scale, mid), ((x + w) / scale, mid))
            else:
                mid = (x + w / 2) / scale
                add_edge(out, (mid, y / scale), (mid, (y + h) / scale))
    # the rule's blurred edge, lighter than the thresholds above, is not text either
    edge = max(3, int(scale) | 1)
    return out, cv2.dilate(mask, np.ones((edge, edge), np.uint8))


def _clear(found: Any, ink: Any, horizontal: bool, reach: int) -> Any:
    """The runs with paper on one side or the other along most of their length: a run made by
    characters' strokes has ink close above and below it nearly all along."""
    import cv2
    import numpy as np

    n, labels, stats, _ = cv2.connectedComponentsWithStats(found, connectivity=8)
    if n <= 1:
        return found
    keep = np.zeros(n, np.uint8)
    for k, (x, y, w, h, _) in enumerate(stats[1:n].tolist(), 1):
        if horizontal:
            before, after = ink[max(0, y - reach):y, x:x + w].any(0), ink[y + h:y + h + reach, x:x + w].any(0)
        else:
            before, after = ink[y:y + h, max(0, x - reach):x].any(1), ink[y:y + h, x + w:x + w + reach].any(1)
        keep[k] = before.size == 0 or after.size == 0 or float((before & after).mean()) < 0.5
    return keep[labels].astype(found.dtype)


def _tables(rules: Any, scale: float) -> Any:
    """A mask of the boxes the rules of a table span (rules crossing each other over an inch)."""
    import cv2
    import numpy as np

    zone = np.zeros_like(rules)
    n, _, stats, _ = cv2.connectedComponentsWithStats(rules, connectivity=8)
    for x, y, w, h, _ in stats[1:n].tolist():
        if w > 72 * scale and h > 36 * scale:
            zone[y:y + h, x:x + w] = 1
    return zone


def _boxed(short: Any, across: Any, horizontal: bool, reach: int) -> Any:
    """The short runs whose two ends meet a rule across (within ``reach`` pixels)."""
    import cv2
    import numpy as np

    n, labels, stats, _ = cv2.connectedComponentsWithStats(short, connectivity=8)
    if n <= 1:
        return np.zeros_like(short)
    keep = np.zeros(n, np.uint8)
    near = cv2.dilate(across, np.ones((2 * reach + 1, 2 * reach + 1), np.uint8))
    for k, (x, y, w, h, _) in enumerate(stats[1:n].tolist(), 1):
        if horizontal:
            ends = near[y:y + h, x].any() and near[y:y + h, x + w - 1].any()
        else:
            ends = near[y, x:x + w].any() and near[y + h - 1, x:x + w].any()
        keep[k] = ends
    return keep[labels]
