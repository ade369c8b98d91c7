"""The PDF reader's pages read by OCR: their pictures read into characters (readers/ocr.py), the
confidence and the doubts of each place read that way, and a second reading of a place a
finding rests on (lint.py asks for it before an error stands)."""

from __future__ import annotations

import re

from ..model import Location
from ..record import Tr
from .pdfpage import TOL as _TOL


class OcrPages:
    """Mixed into the PDF reader: ``ocr_pages`` (page -> the characters OCR read on it),
    ``ocr_areas`` (page -> the pictures it read), ``para_crops`` (paragraph -> its text and line
    crops) and ``pages`` are the reader's."""

    ocr_pages: dict[int, list[dict]]
    ocr_areas: dict[int, list[tuple]]
    para_crops: dict[int, tuple[str, list]]
    pages: int

    def ocr(self, page, n: int, pictures: list[dict], edges: list[dict]) -> list[list[dict]] | None:
        """The characters OCR reads in each of the page's pictures (a scan, a table printed as an
        image), in page points, their table rules added to ``edges``; None without OCR installed."""
        from . import ocr

        if not ocr.available():
            return None
        if ocr.progress is not None:
            ocr.progress(n, self.pages)
        # the pictures' own resolution, at most the one OCR reads at: a finer scan is scaled down,
        # a coarser one is not blurred up
        native = max((im["pixels"] * 72 / im["width"] for im in pictures if im.get("pixels")), default=ocr.WORK_DPI)
        scale = max(100.0, min(native, ocr.WORK_DPI)) / 72
        image = page.render(scale=scale).to_pil()
        out: list[list[dict]] = []
        for im in pictures:
            got: list[dict] = []
            out.append(got)
            box = (max(0, int(im["x0"] * scale)), max(0, int(im["top"] * scale)),
                   min(image.width, int(im["x1"] * scale) + 1), min(image.height, int(im["bottom"] * scale) + 1))
            dx, dy = box[0] / scale, box[1] / scale
            chars, rules = ocr.read_image(image.crop(box), scale)
            for item in chars + rules:
                item["x0"] += dx
                item["x1"] += dx
                item["top"] += dy
                item["bottom"] += dy
                if "doctop" in item:
                    item["doctop"] += dy
            got += chars
            edges += rules
        self.ocr_pages[n] = [ch for got in out for ch in got]
        self.ocr_areas[n] = [(im["x0"], im["top"], im["x1"], im["bottom"]) for im in pictures]
        return out

    def confidence(self, page: int, bbox: tuple) -> float | None:
        """The lowest OCR confidence among the characters in ``bbox``; 0 for a place in a picture
        where OCR read nothing (a faint figure missed looks like a blank cell); None: not OCR'd."""
        x0, top, x1, bottom = bbox
        mx, my = (x0 + x1) / 2, (top + bottom) / 2
        if not any(a[0] <= mx <= a[2] and a[1] <= my <= a[3] for a in self.ocr_areas.get(page, ())):
            return None
        return min((ch["conf"] for ch in self._ocr_chars(page, bbox)), default=0.0)

    def _ocr_chars(self, page: int, bbox: tuple) -> list[dict]:
        x0, top, x1, bottom = bbox
        return [ch for ch in self.ocr_pages.get(page, ()) if x0 - _TOL <= (ch["x0"] + ch["x1"]) / 2 <= x1 + _TOL
                and top - _TOL <= (ch["top"] + ch["bottom"]) / 2 <= bottom + _TOL]

    def disagreement(self, page: int, bbox: tuple) -> Tr | None:
        """The doubt of a cell OCR read twice with two readings (the recognisers disagree)."""
        chars = self._ocr_chars(page, bbox)
        if not any("other" in ch for ch in chars):
            return None
        first = "".join(ch["text"] for ch in chars)
        return _two_readings(first, "".join(dict.fromkeys(ch.get("other", ch["text"]) for ch in chars)))

    def second_reading(self, loc: Location) -> Tr | None:
        """A cell OCR read once, read again by the second recogniser: the doubt where the two
        readings differ, else None (the reading is confirmed)."""
        if loc.bbox is None or loc.doubt is not None:
            return None
        from . import ocr

        if not loc.table and loc.para in self.para_crops:      # a paragraph: all its lines
            first, crops = self.para_crops[loc.para]
        else:
            chars = self._ocr_chars(loc.page, loc.bbox)
            first, crops = "".join(ch["text"] for ch in chars), line_crops(chars)
        if not crops:
            return None
        second = ocr.second_reading(crops)
        return None if first.replace(" ", "") == second.replace(" ", "") else _two_readings(first, second)


def line_crops(chars: list[dict]) -> list:
    """The line crops OCR read these characters from, once each, in order."""
    return list({id(ch["crop"]): ch["crop"] for ch in chars if "crop" in ch}.values())


# a table OCR read from a picture: its rows and columns are found from the picture's rules, so
# a row or cell missing from it, or a row too short, may be the reading's, not the report's
OCR_LAYOUT = Tr("表格的行列由 OCR 从图片中识别", "the table's rows and columns were found by OCR in a picture")
_FIGURE_TEXT = re.compile(r"^[\d.,，\s\-—/无]*$")


def figure_text(text: str) -> bool:
    """A cell's text is a figure (or nothing), not a label."""
    return _FIGURE_TEXT.match(text) is not None


def _two_readings(first: str, second: str) -> Tr:
    """The doubt of two readings, shown where they differ (a paragraph's: a few characters each side)."""
    first, second = first.replace(" ", ""), second.replace(" ", "")
    if max(len(first), len(second)) > 16:
        head = next((k for k, (a, b) in enumerate(zip(first, second)) if a != b), min(len(first), len(second)))
        tail = next((k for k, (a, b) in enumerate(zip(first[::-1], second[::-1])) if a != b or k >= min(
            len(first), len(second)) - head), 0)
        first = "…" + first[max(0, head - 4):len(first) - max(0, tail - 4)] + "…"
        second = "…" + second[max(0, head - 4):len(second) - max(0, tail - 4)] + "…"
    return Tr(f"OCR 两次识别不一致：「{first}」与「{second}」", f"two OCR readings differ: \"{first}\" and \"{second}\"")
