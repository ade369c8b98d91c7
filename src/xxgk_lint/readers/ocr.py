"""OCR: a page picture (a scanned PDF page, a PNG/JPEG of a report page) read into characters
with boxes and a confidence, in the PDF reader's terms (points from the page's top left,
x0/x1/top/bottom), so a scan goes through the same line, paragraph and unruled-table
reconstruction as a text layer: OCR adds a text source, not a second table reader.

Engines sit behind the optional extra ``xxgk-lint[ocr]``.  The default finds the text lines
from the ink (table cells one by one: no text detector) and reads them with PP-OCRv6 on ONNX
Runtime, a tiny recogniser first and a small one for what the tiny one is unsure of
(readers/ocr_layout.py, readers/ocr_rec.py).  ``XXGK_LINT_OCR=tesseract`` uses the ``tesseract``
program with ``chi_sim`` instead (Debian's tesseract-ocr-chi-sim).  Nothing is downloaded at run
time.  A skewed scan is straightened first.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from typing import Any, Callable

from ..model import InputError

INSTALL = "install OCR with: pip install 'xxgk-lint[ocr]'"
DPI = 300            # the resolution of a picture that names none
WORK_DPI = 200       # and read at most at this one
MAX_PICTURE_PAGES = 200

_engine: Any = None
# told (page, pages) before OCR reads a page: `check` shows it on a terminal, since OCR takes
# seconds a page where the rest of a check takes milliseconds
progress: Callable[[int, int], None] | None = None


def _name() -> str:
    return os.environ.get("XXGK_LINT_OCR", "rapidocr").strip().lower() or "rapidocr"


def available() -> bool:
    """An OCR engine is installed (and not turned off with XXGK_LINT_OCR=off); loads it."""
    if _name() == "off":
        return False
    try:
        _get_engine()
    except InputError:
        return False
    return True


def installed() -> bool:
    """What ``available`` says, without loading the engine's models: for a process that only
    decides whether pictures are worth fetching."""
    import importlib.util
    import shutil

    name = _name()
    if name == "off":
        return False
    if name == "tesseract":
        return shutil.which("tesseract") is not None
    return all(importlib.util.find_spec(m) is not None for m in ("rapidocr", "onnxruntime", "cv2"))


def _get_engine() -> Any:
    global _engine
    if _engine is None:
        name = _name()
        _engine = _Tesseract() if name == "tesseract" else _Cells()
    return _engine


def image_pdf(data: bytes | list[bytes], path: str) -> bytes:
    """PNG or JPEG pictures of report pages (one, or a list in page order) as a PDF holding only
    those pictures, a page each, so they are read like a scanned PDF (each picture's resolution,
    300 dpi when it gives none, sets its page's size): a table that runs on overleaf is one table."""
    import io

    if not available():
        raise InputError(f"a picture of a report needs OCR to be read; {INSTALL}", path)
    from PIL import Image, UnidentifiedImageError

    pages = []
    for one in data if isinstance(data, list) else [data]:
        try:
            image = Image.open(io.BytesIO(one))
            image.load()
        except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError) as e:
            raise InputError(f"not a readable picture ({type(e).__name__})", path) from None
        if image.width * image.height > 80_000_000:
            raise InputError(f"the picture is too large ({image.width}×{image.height} pixels)", path)
        dpi = image.info.get("dpi", (DPI, DPI))[0] or DPI
        pages.append((image.convert("RGB"), float(dpi)))
    if len(pages) > MAX_PICTURE_PAGES:
        raise InputError(f"{len(pages)} pictures: more pages than any report ({MAX_PICTURE_PAGES})", path)
    out = io.BytesIO()
    for k, (image, dpi) in enumerate(pages):      # each page at its own picture's resolution
        image.save(out, "PDF", resolution=dpi, append=k > 0)
    return out.getvalue()


def read_image(image: Any, scale: float) -> tuple[list[dict], list[dict]]:
    """The characters and the table rules of a page picture (PIL image); ``scale``: pixels per
    point.  Both come in the page's points, the picture straightened first.  Table cells are read
    one by one, their lines found from the ink (no text detector); so is the text around them."""
    engine = _get_engine()
    if isinstance(engine, _Tesseract):
        return _read_boxes(image.convert("L"), scale, engine)
    import numpy as np

    from . import ocr_layout, ocr_rec
    from .pdfpage import ruled_tables

    grey = image.convert("L")
    if scale > WORK_DPI / 72:         # the recogniser sees 48-px lines: more pixels only cost time
        f = WORK_DPI / 72 / scale
        grey = grey.resize((max(1, round(grey.width * f)), max(1, round(grey.height * f))), _resample("LANCZOS"))
        scale = WORK_DPI / 72
    grey = _straighten(grey, ocr_layout.skew(grey))
    a = np.asarray(grey)
    rules, rule_mask = ocr_layout.rules(a, scale)
    ink = ocr_layout.ink_mask(a, rule_mask, scale)
    inset = max(2, int(scale))
    regions: list[tuple[int, int, int, int]] = []
    outside = ink.copy()
    for bbox, cells in ruled_tables(rules) if rules else ():
        for c in cells:
            x0, top, x1, bottom = (int(v * scale) for v in c)
            regions.append((x0 + inset, top + inset, x1 - inset, bottom - inset))
        x0, top, x1, bottom = (int(v * scale) for v in bbox)
        outside[max(0, top - inset):bottom + inset, max(0, x0 - inset):x1 + inset] = 0
    boxes = ocr_layout.lines(ink, regions)
    boxes += ocr_layout.lines(outside, [(0, 0, a.shape[1], a.shape[0])])    # the text outside tables
    paper = int(np.percentile(a, 60))
    clean = a.copy()                 # no rule nor its blurred edge in a crop, to be read as "]" or "1"
    clean[rule_mask > 0] = paper
    crops = [np.pad(clean[t:b, x0:x1], max(1, (b - t) // 10), constant_values=paper) for x0, t, x1, b in boxes]
    chars: list[dict] = []
    for (x0, top, x1, bottom), crop, (text, conf, other) in zip(boxes, crops, ocr_rec.read_lines(crops)):
        got = _chars(text, conf, x0 / scale, x1 / scale, top / scale, bottom / scale)
        for ch in got:
            ch["crop"] = crop        # for a second reading of a cell a finding rests on
            if other is not None:    # the two recognisers disagree: the place is doubted
                ch["other"] = other
        chars += got
    return chars, rules


def second_reading(crops: list[Any]) -> str:
    """What the second (small) recogniser reads in these line crops, one after another."""
    from . import ocr_rec

    return "".join(_despeckle(text.strip()) for text, _ in ocr_rec.recogniser("small").read(crops))


def _chars(text: str, conf: float, x0: float, x1: float, top: float, bottom: float) -> list[dict]:
    text = text.strip()
    read = _despeckle(text)
    if read != text and not _SPECK.match(text):
        conf = min(conf, 0.6)    # a letter taken for the digit it resembles: not sure of it
    return _split(read, x0, x1, top, bottom, conf)


def _resample(name: str) -> Any:
    from PIL import Image

    return getattr(Image, name)


def _straighten(grey: Any, angle: float) -> Any:
    """The picture turned back by its skew (radians), the corners filled with the paper's shade."""
    if abs(angle) <= 0.002:          # under 0.1°: left as it is
        return grey
    import numpy as np

    paper = int(np.percentile(np.asarray(grey.resize((64, 64))), 75))
    return grey.rotate(math.degrees(angle), resample=_resample("BILINEAR"), fillcolor=paper)


def _read_boxes(grey: Any, scale: float, engine: Any) -> tuple[list[dict], list[dict]]:
    """A page read by an engine that finds and reads its text boxes itself (tesseract): the
    skew from the boxes' slope, the boxes turned with the picture."""
    import numpy as np

    from . import ocr_layout

    boxes = engine.boxes(grey.convert("RGB"))
    angle = _skew(boxes)
    cx, cy = grey.width / 2, grey.height / 2
    cos, sin = math.cos(angle), math.sin(angle)
    grey = _straighten(grey, angle)
    chars: list[dict] = []
    for quad, text, conf in boxes:
        pts = [(cx + (x - cx) * cos + (y - cy) * sin, cy - (x - cx) * sin + (y - cy) * cos) for x, y in quad]
        chars += _chars(text, conf, min(p[0] for p in pts) / scale, max(p[0] for p in pts) / scale,
                        min(p[1] for p in pts) / scale, max(p[1] for p in pts) / scale)
    return chars, ocr_layout.rules(np.asarray(grey), scale)[0]


_SPECK = re.compile(r"^[.,·'`:;。，]?(\d+)[.,·'`:;。，]?$")
_LOOKALIKE = str.maketrans("oOóòöDlI|", "000000111")


def _despeckle(text: str) -> str:
    """A figure with a dot beside it ("237.", ".0"): a speck of dust read as a full stop; a
    figure with a letter that looks like a digit ("ó", "l") in it, that digit."""
    m = _SPECK.match(text)
    if m is None and len(text) <= 6 and any(c.isdigit() or c in "oOóòö" for c in text):
        m = _SPECK.match(text.translate(_LOOKALIKE))
    return m.group(1) if m else text


def _skew(boxes: list) -> float:
    """The page's skew (radians) from the slope of its wider text boxes' top edges."""
    slopes = []
    for quad, _, _ in boxes:
        (x0, y0), (x1, y1) = quad[0], quad[1]
        if x1 - x0 > 100:
            slopes.append(math.atan2(y1 - y0, x1 - x0))
    if not slopes:
        return 0.0
    slopes.sort()
    return slopes[len(slopes) // 2]


def _split(text: str, x0: float, x1: float, top: float, bottom: float, conf: float) -> list[dict]:
    """One box's text as characters, the box's width shared by their widths (a CJK character
    or full-width sign counts 1, others ~0.55); a tall box's text stands one character a line."""
    if not text:
        return []
    if len(text) > 1 and bottom - top > 1.5 * (x1 - x0):    # set one character per line: a group label
        step = (bottom - top) / len(text)
        return [{"text": c, "x0": x0, "x1": x1, "top": top + k * step, "bottom": top + (k + 1) * step, "conf": conf}
                for k, c in enumerate(text)]
    weights = [1.0 if unicodedata.east_asian_width(c) in "WF" else 0.55 for c in text]
    unit = (x1 - x0) / sum(weights)
    out, x = [], x0
    for c, w in zip(text, weights):
        out.append({"text": c, "x0": x, "x1": x + w * unit, "top": top, "bottom": bottom, "conf": conf})
        x += w * unit
    return out


class _Cells:
    """The default engine: lines found from the ink (readers/ocr_layout.py), read by the PP-OCRv6
    recognisers on ONNX Runtime (readers/ocr_rec.py); models load when the first line is read."""

    def __init__(self) -> None:
        import importlib.util

        # OpenCV for the layout's morphology; RapidOCR's wheel ships the second recogniser's model
        if any(importlib.util.find_spec(m) is None for m in ("cv2", "onnxruntime", "rapidocr", "PIL")):
            raise InputError(f"OCR is not installed: {INSTALL}")


class _Tesseract:
    def __init__(self) -> None:
        import shutil

        if not shutil.which("tesseract"):
            raise InputError("OCR with tesseract needs the tesseract program and its chi_sim data "
                             "(Debian: apt install tesseract-ocr tesseract-ocr-chi-sim)")

    def boxes(self, image: Any) -> list[tuple[list[tuple[float, float]], str, float]]:
        import io
        import subprocess

        buf = io.BytesIO()
        image.save(buf, "PNG")
        tsv = subprocess.run(["tesseract", "stdin", "stdout", "-l", "chi_sim", "--psm", "11", "tsv"],
                             input=buf.getvalue(), capture_output=True, check=False).stdout.decode("utf-8", "replace")
        out = []
        for row in tsv.splitlines()[1:]:
            f = row.split("\t")
            if len(f) < 12 or not f[11].strip() or float(f[10]) < 0:
                continue
            x, y, w, h = map(float, f[6:10])
            out.append(([(x, y), (x + w, y), (x + w, y + h), (x, y + h)], f[11], float(f[10]) / 100))
        return out
