"""Scans made from the test figures, with the faults of real ones: a report's PDF rendered by
PDFium at a scanner's resolution, turned 1–2°, on a grey page, with speckle, saved as JPEG;
then wrapped as an image-only PDF (each page a picture, no text layer) or kept as PNG pages."""

from __future__ import annotations

import io
import random


def cjk_renders() -> bool:
    """PDFium draws the generator's Chinese: its PDFs name STSong-Light without embedding it,
    so a machine with no CJK font renders the labels as nothing (Debian: fonts-noto-cjk)."""
    import pypdfium2 as pdfium
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(60, 40))
    c.setFont("STSong-Light", 24)
    c.drawString(6, 10, "表")
    c.save()
    doc = pdfium.PdfDocument(out.getvalue())
    try:
        return doc[0].render(scale=1, grayscale=True).to_pil().getextrema()[0] < 128
    finally:
        doc.close()


def scan_pages(pdf: bytes, dpi: int, rng: random.Random, faults: bool = True) -> list:
    """The PDF's pages as greyscale PIL images at ``dpi``, each with the faults of a scan."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    pages = []
    try:
        for i in range(len(doc)):
            page = doc[i]
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            page.close()
            if faults:
                image = _faults(image, rng, dpi)
            image.info["dpi"] = (dpi, dpi)
            pages.append(image)
    finally:
        doc.close()
    return pages


def _faults(image, rng: random.Random, dpi: int):
    from PIL import Image, ImageOps

    angle = rng.choice((-1, 1)) * rng.uniform(1.0, 2.0)
    grey = rng.randint(205, 235)
    # a grey page: the paper is not white, the ink not quite black
    image = image.point(lambda v: int(30 + v * (grey - 30) / 255))
    image = image.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=grey)
    pixels = image.load()
    w, h = image.size
    for _ in range(w * h // 4000):               # speckle: dust and toner dots
        x, y = rng.randrange(w), rng.randrange(h)
        pixels[x, y] = rng.choice((20, 60, 250))
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=rng.randint(60, 80))
    return ImageOps.grayscale(Image.open(io.BytesIO(buf.getvalue())))


def image_pdf(pages: list, dpi: int) -> bytes:
    """An image-only PDF: each page one picture, no text layer (what a scanner writes)."""
    out = io.BytesIO()
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=float(dpi))
    return out.getvalue()


def png(image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG", dpi=image.info.get("dpi", (300, 300)))
    return out.getvalue()
