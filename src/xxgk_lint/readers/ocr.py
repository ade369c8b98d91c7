"""OCR: a page picture (a scanned PDF page, a PNG/JPEG of a report page) read into characters
with boxes and a confidence, in the PDF reader's terms (points from the page's top left,
x0/x1/top/bottom), so a scan goes through the same line, paragraph and unruled-table
reconstruction as a text layer: OCR adds a text source, not a second table reader.

Engines sit behind the optional extra ``xxgk-lint[ocr]``: RapidOCR (PP-OCR models on ONNX
Runtime, shipped inside its wheel; the default); the same models on OpenVINO when
``XXGK_LINT_OCR=openvino`` (``pip install openvino``: faster on a CPU); or, when
``XXGK_LINT_OCR=tesseract``, the ``tesseract`` program with ``chi_sim`` (Debian's
tesseract-ocr-chi-sim).  Nothing is downloaded
at run time.  A skewed scan is straightened from the text boxes' own slope, not re-read.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from typing import Any, Callable

from ..model import InputError

INSTALL = "install OCR with: pip install 'xxgk-lint[ocr]'"
DPI = 300            # scanned PDF pages are rendered at this resolution
PICTURE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")    # the pictures OCR reads: PNG, JPEG

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
    runtime = "openvino" if name == "openvino" else "onnxruntime"
    return all(importlib.util.find_spec(m) is not None for m in ("rapidocr", runtime))


def _get_engine() -> Any:
    global _engine
    if _engine is None:
        name = _name()
        _engine = _Tesseract() if name == "tesseract" else _Rapid(openvino=name == "openvino")
    return _engine


def image_pdf(data: bytes, path: str) -> bytes:
    """A PNG or JPEG of a report page as a one-page PDF holding only that picture, so it is read
    like a scanned PDF (its resolution, 300 dpi when it gives none, sets the page's size)."""
    import io

    if not available():
        raise InputError(f"a picture of a report needs OCR to be read; {INSTALL}", path)
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError) as e:
        raise InputError(f"not a readable picture ({type(e).__name__})", path) from None
    if image.width * image.height > 80_000_000:
        raise InputError(f"the picture is too large ({image.width}×{image.height} pixels)", path)
    dpi = image.info.get("dpi", (DPI, DPI))[0] or DPI
    out = io.BytesIO()
    image.convert("RGB").save(out, "PDF", resolution=float(dpi))
    return out.getvalue()


def read_image(image: Any, scale: float) -> tuple[list[dict], list[dict]]:
    """The characters and the table rules of a page picture (PIL image); ``scale``: pixels per
    point.  Both come in the page's points, the picture straightened first."""
    grey = image.convert("L")
    boxes = _get_engine().boxes(grey.convert("RGB"))
    angle = _skew(boxes)
    cx, cy = grey.width / 2, grey.height / 2
    cos, sin = math.cos(angle), math.sin(angle)
    if abs(angle) > 0.002:           # over 0.1°: turn the picture back, and the boxes with it
        from PIL import Image

        import numpy as np

        paper = int(np.percentile(np.asarray(grey.resize((64, 64))), 75))     # the paper's shade
        grey = grey.rotate(math.degrees(angle), resample=Image.BILINEAR, fillcolor=paper)
    chars: list[dict] = []
    for quad, text, conf in boxes:
        pts = [(cx + (x - cx) * cos + (y - cy) * sin, cy - (x - cx) * sin + (y - cy) * cos) for x, y in quad]
        x0, x1 = min(p[0] for p in pts), max(p[0] for p in pts)
        top, bottom = min(p[1] for p in pts), max(p[1] for p in pts)
        text = text.strip()
        read = _despeckle(text)
        if read != text and not _SPECK.match(text):
            conf = min(conf, 0.6)    # a letter taken for the digit it resembles: not sure of it
        chars += _split(read, x0 / scale, x1 / scale, top / scale, bottom / scale, conf)
    return chars, _rules(grey, scale)


def _rules(grey: Any, scale: float) -> list[dict]:
    """The table rules drawn in a picture, as PDF edges (points): the long thin runs of ink
    left by a morphological opening with a line a third of an inch long (text strokes are shorter)."""
    import cv2
    import numpy as np

    from .pdfpage import add_edge

    a = np.asarray(grey)
    paper = float(np.percentile(a, 60))
    ink = (a < paper * 0.8).astype(np.uint8)     # a thin rule blurred by JPEG is lighter than text
    length = max(int(scale * 72 / 3), 10)
    out: list[dict] = []
    for kernel, horizontal in ((np.ones((1, length), np.uint8), True), (np.ones((length, 1), np.uint8), False)):
        # a rule broken by a speck of paper showing through (a gap of a pixel or two) is
        # joined first, or its pieces are shorter than the kernel
        gap = np.ones((1, max(int(scale * 1.2), 3)) if horizontal else (max(int(scale * 1.2), 3), 1), np.uint8)
        mask = cv2.morphologyEx(cv2.morphologyEx(ink, cv2.MORPH_CLOSE, gap), cv2.MORPH_OPEN, kernel)
        n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        for x, y, w, h, _ in stats[1:n].tolist():      # plain ints: places end up in JSON and YAML
            if horizontal:
                mid = (y + h / 2) / scale
                add_edge(out, (x / scale, mid), ((x + w) / scale, mid))
            else:
                mid = (x + w / 2) / scale
                add_edge(out, (mid, y / scale), (mid, (y + h) / scale))
    return out


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


class _Rapid:
    """RapidOCR's PP-OCR models on ONNX Runtime, or (``openvino``) the same model files on
    OpenVINO, 1.75 times faster on one core with the same readings (bench/ocr_bench.py)."""

    def __init__(self, openvino: bool = False) -> None:
        try:
            from rapidocr import RapidOCR
        except ImportError:
            raise InputError(f"OCR is not installed: {INSTALL}") from None
        # no angle classifier: report pages are upright; the detector sees the page at most
        # 2,000 px on its longer side
        params: dict[str, Any] = {"Global.use_cls": False, "Global.log_level": "critical"}
        threads = os.environ.get("XXGK_LINT_OCR_THREADS", "")
        if threads.isdigit():        # the runtime takes every core unless told
            params["EngineConfig.onnxruntime.intra_op_num_threads"] = int(threads)
            params["EngineConfig.openvino.inference_num_threads"] = int(threads)
        if openvino:
            params |= _openvino_params(RapidOCR(params=params).cfg)
        self.ocr = RapidOCR(params=params)

    def boxes(self, image: Any) -> list[tuple[list[tuple[float, float]], str, float]]:
        import numpy as np

        out = self.ocr(np.asarray(image)[:, :, ::-1])        # BGR, as OpenCV has it
        if out.boxes is None:
            return []
        return [([tuple(map(float, p)) for p in box], txt, float(score))
                for box, txt, score in zip(out.boxes, out.txts, out.scores)]


def _openvino_params(cfg: Any) -> dict[str, Any]:
    """RapidOCR's settings to run its detector and recogniser on OpenVINO from the model files
    its wheel ships for ONNX Runtime (OpenVINO reads ONNX): left to itself it would download."""
    from pathlib import Path

    import rapidocr
    from rapidocr.inference_engine.base import FileInfo, InferSession
    from rapidocr.utils.typings import EngineType

    try:
        import openvino  # noqa: F401
    except ImportError:
        raise InputError("XXGK_LINT_OCR=openvino needs OpenVINO: pip install openvino") from None
    out: dict[str, Any] = {}
    for part in ("Det", "Rec"):
        c = cfg[part]
        info = InferSession.get_model_url(FileInfo(engine_type=EngineType.ONNXRUNTIME, ocr_version=c.ocr_version,
                                                   task_type=c.task_type, lang_type=c.lang_type,
                                                   model_type=c.model_type))
        path = Path(rapidocr.__file__).parent / "models" / Path(info["model_dir"]).name
        if not path.is_file():
            raise InputError(f"RapidOCR's {part} model is not in its package ({path.name}); OCR needs no download")
        out |= {f"{part}.engine_type": EngineType.OPENVINO, f"{part}.model_path": str(path)}
    return out


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
