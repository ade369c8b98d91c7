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


def lines(ink: Any, regions: list[Box], split_gaps: bool = True) -> list[Box]:
    """The text lines inside each region of the ink mask (a table's cells, the page around them),
    top to bottom, each as its ink's bounding box; a line with a gap wider than 1.2 of its height
    splits there (``split_gaps``).  Bands of ink that are strokes of one character are joined by
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
            pieces = _join_gaps(pieces, 1.2 * (b - a)) if split_gaps else [(pieces[0][0], pieces[-1][1])]
            for c, d in pieces:
                sub = region[a:b, c:d]
                if sub.sum() < 4:
                    continue
                ys = np.flatnonzero(sub.sum(1))
                t, b2 = a + int(ys[0]), a + int(ys[-1]) + 1
                # a margin of the picture itself, within the region: the faint edges of strokes
                # lighter than the ink threshold belong to the line
                m = max(1, (b2 - t) // 4)
                h, w = region.shape
                out.append((x0 + max(0, c - m), top + max(0, t - m), x0 + min(w, d + m), top + min(h, b2 + m)))
    return out


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
    """The table rules drawn in a page (numpy greyscale) as PDF edges in points, and their mask:
    the long thin runs of ink left by a morphological opening with a line a third of an inch long
    (text strokes are shorter)."""
    import cv2
    import numpy as np

    from .pdfpage import add_edge

    paper = float(np.percentile(a, 60))
    ink = (a < paper * 0.8).astype(np.uint8)     # a thin rule blurred by JPEG is lighter than text
    length = max(int(scale * 72 / 3), 10)
    out: list[dict] = []
    mask = np.zeros_like(ink)
    for kernel, horizontal in ((np.ones((1, length), np.uint8), True), (np.ones((length, 1), np.uint8), False)):
        # a rule broken by a speck of paper showing through (a gap of a pixel or two) is
        # joined first, or its pieces are shorter than the kernel
        gap = np.ones((1, max(int(scale * 1.2), 3)) if horizontal else (max(int(scale * 1.2), 3), 1), np.uint8)
        found = cv2.morphologyEx(cv2.morphologyEx(ink, cv2.MORPH_CLOSE, gap), cv2.MORPH_OPEN, kernel)
        mask |= found
        n, _, stats, _ = cv2.connectedComponentsWithStats(found, connectivity=8)
        for x, y, w, h, _ in stats[1:n].tolist():      # plain ints: places end up in JSON and YAML
            if horizontal:
                mid = (y + h / 2) / scale
                add_edge(out, (x / scale, mid), ((x + w) / scale, mid))
            else:
                mid = (x + w / 2) / scale
                add_edge(out, (mid, y / scale), (mid, (y + h) / scale))
    # the rule's blurred edge, lighter than the threshold above, is not text either
    return out, cv2.dilate(mask, np.ones((3, 3), np.uint8))
