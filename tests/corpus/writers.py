"""Recipes into bytes: text (web extraction, PDF copy-paste), HTML pages, Word files and PDFs
from three producers.  See make.py for the block vocabulary."""

from __future__ import annotations

import html as _html
import io
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from tests.generators.documents import _docx_table, _grid_of, t3_layout, t4_layout
from xxgk_lint.template import table_spec

from figures import fmt
from tables_text import (T2_ITEMS, ascii_punct, logical_t2, logical_t3, logical_t4, serialise,
                         t4_char_header)


def render(doc) -> bytes:
    if doc.fmt == "txt":
        return text(doc).encode(doc.encoding)
    if doc.fmt == "html":
        return html(doc).encode(doc.encoding, errors="xmlcharrefreplace")
    if doc.fmt == "docx":
        return docx(doc)
    return {"reportlab": pdf_reportlab, "libreoffice": pdf_libreoffice, "wps": pdf_wps,
            "chromium": pdf_chromium}[doc.producer](doc)


def _blocks(doc):
    """Blocks as (kind, value, options) triples; a plain string is a paragraph."""
    for b in doc.blocks:
        if isinstance(b, str):
            yield "p", b, {}
        elif b[0] == "table":
            yield "table", b[1], (b[2] if len(b) > 2 else {})
        else:
            yield b[0], b[1], (b[2] if len(b) > 2 else {})


def _title_lines(value) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


# --------------------------------------------------------------------------- text
def text(doc) -> str:
    wrap = doc.options.get("wrap")
    lines: list[str] = []
    for kind, value, opt in _blocks(doc):
        if kind == "p":
            lines += _wrap(value, wrap, indent=doc.options.get("indent", "")) if wrap else [value]
        elif kind == "title":
            lines += _title_lines(value)
        elif kind in ("byline", "chrome", "h"):
            lines.append(value)
        elif kind == "metatable":
            for i in range(0, len(value), 2):
                pairs = value[i:i + 2]
                lines.append(" | ".join(x for k, v in pairs for x in (k, v)) + " |")
        elif kind == "table":
            lines += text_table(doc, value, opt)
        elif kind in ("lines", "sign"):
            lines += list(value)
        elif kind in ("head", "raw"):
            continue
        else:
            raise ValueError(kind)
    out = "\n".join(lines) + "\n"
    return ascii_punct(out) if doc.options.get("ascii") else out


_NO_LINE_START = "，。、；：）》”！？"


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    """A paragraph hard-wrapped as a PDF copy gives it: lines of ``width`` characters, a
    closing punctuation mark kept at the end of its line as typesetting does."""
    rest, out = indent + text, []
    while rest:
        n = width
        while n < len(rest) and rest[n] in _NO_LINE_START:
            n += 1
        out.append(rest[:n])
        rest = rest[n:]
    return out or [""]


def text_table(doc, tid: str, opt: dict[str, Any]) -> list[str]:
    fig = doc.figures[tid]
    style = opt.get("style", "pipe")
    if tid == "t2":
        rows = logical_t2(fig, doc.template, opt.get("col_labels"), opt.get("row_labels"))
    elif tid == "t3":
        rows = logical_t3(fig, doc.template, opt.get("groups", "first"), opt.get("header", "standard"))
    else:
        rows = logical_t4(fig)
    for old, new in (opt.get("replace") or {}).items():      # a label as this page prints it
        rows = [[new if c == old else c for c in row] for row in rows]
    if tid == "t4" and opt.get("header") == "chars":
        return t4_char_header() + serialise(rows[3:], style)
    split = opt.get("split_labels") or {}
    if split:                                  # a label broken over lines, values after its end
        out: list[str] = []
        for row in rows:
            label = next((c for c in row if c in split), None)
            if label is None:
                out += serialise([row], style, opt.get("pad", ""))
                continue
            k = row.index(label)
            head, tail = split[label]
            if style == "lines":
                out += serialise([row[:k]], style) if k else []
                out += [head, "", tail, ""]
                out += serialise([row[k + 1:]], style)
            else:
                out += serialise([[*row[:k], head]], "spaces" if style == "spaces" else style)
                out += serialise([[tail, *row[k + 1:]]], style, opt.get("pad", ""))
        return out
    return serialise(rows, style, opt.get("pad", ""))


# --------------------------------------------------------------------------- layouts with merged cells
def spans(doc, tid: str, opt: dict[str, Any]) -> list[list[tuple[str, int, int]]]:
    fig = doc.figures[tid]
    if tid == "t2":
        spec = table_spec("t2", doc.template)
        rows: list[list[tuple[str, int, int]]] = []
        for item, ids in T2_ITEMS[doc.template]:
            rows.append([(item, 1, 4)])
            cols = spec.row_cols(spec.row_by_id[ids[0]])
            last = 3 - len(cols)
            rows.append([("信息内容", 1, 1), *((spec.col_by_id[c].zh, 1, 1 + (last if i == len(cols) - 1 else 0))
                                             for i, c in enumerate(cols))])
            for r in ids:
                rows.append([(spec.row_by_id[r].zh, 1, 1), *((fmt(v), 1, 1 + (last if i == len(cols) - 1 else 0))
                                                             for i, v in enumerate(fig[r]))])
        out = rows
    elif tid == "t3":
        out = t3_layout(fig, doc.template, opt.get("fused", False))
    else:
        out = t4_layout(fig)
    labels = opt.get("labels") or {}         # a label as this document prints it ("（四）无\n法提供")
    return [[(labels.get(t, t), rs, cs) for t, rs, cs in row] for row in out]


# --------------------------------------------------------------------------- HTML
def html(doc) -> str:
    esc = _html.escape
    o = doc.options
    head = ['<!DOCTYPE html>', '<html><head>',
            f'<meta http-equiv="Content-Type" content="text/html; charset={o.get("charset", "utf-8")}">']
    page_title = o.get("page_title", "")
    body: list[str] = []
    article: list[str] = []
    in_article = False
    for kind, value, opt in _blocks(doc):
        target = article if in_article else body
        if kind == "head":
            head += [f'<meta name="{esc(k)}" content="{esc(v)}">' for k, v in value.items()]
        elif kind == "chrome":
            target.append(f'<div class="{opt.get("cls", "crumb")}">{esc(value)}</div>')
        elif kind == "metatable":
            cells = [f"<td class=\"label\">{esc(k)}</td><td>{esc(v)}</td>" for k, v in value]
            rows = ["<tr>" + "".join(cells[i:i + 2]) + "</tr>" for i in range(0, len(cells), 2)]
            target.append('<table class="xxgk_meta">' + "".join(rows) + "</table>")
        elif kind == "title":
            lines = _title_lines(value)
            tag = opt.get("tag", "div")
            target.append("".join(f'<{tag} class="article_title">{esc(t)}</{tag}>' for t in lines)
                          if opt.get("apart") else f'<{tag} class="article_title">' + "<br>".join(map(esc, lines))
                          + f"</{tag}>")
        elif kind == "byline":
            target.append(f'<div class="article_extend">{esc(value)}</div>')
            if not in_article and not opt.get("stay"):
                body.append(f'<div class="{o.get("article_class", "TRS_Editor")}">')
                in_article = True
        elif kind == "h":
            (article if in_article else body).append(
                f'<p style="text-indent:2em"><strong>{esc(value)}</strong></p>' if o.get("bold_headings", True)
                else f"<p>{esc(value)}</p>")
        elif kind == "p":
            if not in_article:
                body.append(f'<div class="{o.get("article_class", "TRS_Editor")}">')
                in_article = True
            article.append(f'<p style="text-indent:2em">{esc(value)}</p>')
        elif kind == "table":
            (article if in_article else body).append(html_table(spans(doc, value, opt), opt))
        elif kind == "raw":
            (article if in_article else body).append(value)
        elif kind == "sign":
            article += [f'<p style="text-align:right">{esc(t)}</p>' for t in value]
        else:
            raise ValueError(kind)
    head.append(f"<title>{esc(page_title)}</title></head><body>")
    tail = ["</div>" if in_article else "", f'<div class="footer">{esc(o.get("footer", "扫一扫在手机打开当前页"))}</div>',
            "</body></html>"]
    return "\n".join(head + body + article + tail) + "\n"


def html_table(layout, opt: dict[str, Any]) -> str:
    blank = opt.get("blank", "")
    out = ['<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">', "<tbody>"]
    for row in layout:
        cells = []
        for text, rs, cs in row:
            attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
            inner = "<br>".join(_html.escape(t) for t in text.split("\n")) if text else blank
            if opt.get("nested", True):
                inner = f'<p style="text-align:center"><span style="font-size:12px">{inner}</span></p>'
            cells.append(f"<td{attrs} valign=\"center\">{inner}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


# --------------------------------------------------------------------------- Word
def docx(doc) -> bytes:
    import docx as _docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn

    d = _docx.Document()
    style = d.styles["Normal"]
    style.font.name = "WenQuanYi Zen Hei"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "WenQuanYi Zen Hei")
    for kind, value, opt in _blocks(doc):
        if kind == "title":
            for t in _title_lines(value):
                p = d.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                p.add_run(t).bold = True
        elif kind in ("p", "byline", "h"):
            p = d.add_paragraph(value)
            if kind == "byline":
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            else:
                p.paragraph_format.first_line_indent = _docx.shared.Pt(21)
        elif kind == "metatable":
            t = d.add_table(rows=(len(value) + 1) // 2, cols=4)
            for i, (k, v) in enumerate(value):
                t.cell(i // 2, (i % 2) * 2).text = k
                t.cell(i // 2, (i % 2) * 2 + 1).text = v
        elif kind == "table":
            _docx_table(d, spans(doc, value, opt))
            d.tables[-1].style = "Table Grid"
        elif kind == "sign":
            for t in value:
                d.add_paragraph(t).alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif kind in ("chrome", "head", "raw", "lines"):
            continue
        else:
            raise ValueError(kind)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def pdf_libreoffice(doc) -> bytes:
    """The Word file exported by LibreOffice: fonts embedded as TrueType subsets."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{doc.name}.docx"
        src.write_bytes(docx(doc))
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(src)], check=True,
                       capture_output=True, timeout=180)
        return (Path(tmp) / f"{doc.name}.pdf").read_bytes()


def pdf_chromium(doc) -> bytes:
    """The web page printed to PDF by a browser (Chromium's "Save as PDF", as an office keeps the
    page it published): tables drawn as border=1 draws them, each cell its own box with two rules
    a point or two apart between cells, broken over pages wherever a page ends — a label merged
    down over the break printed once, its box on the next page empty and ending mid-row — and a
    text layer that names some characters by their radicals (⼀ for 一, ⻚ for 页)."""
    import shutil

    page = html(doc).replace('<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">',
                             '<table border="1">')
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "page.html", Path(tmp) / "page.pdf"
        src.write_text(page, encoding="utf-8")
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={out}", src.as_uri()], check=True, capture_output=True, timeout=180)
        return out.read_bytes()


# --------------------------------------------------------------------------- reportlab
def pdf_reportlab(doc) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    o = doc.options
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=10.5, leading=15, firstLineIndent=21,
                          wordWrap="CJK")
    title = ParagraphStyle("title", parent=body, fontSize=16, leading=22, alignment=1, firstLineIndent=0)
    centre = ParagraphStyle("centre", parent=body, alignment=1, firstLineIndent=0)
    right = ParagraphStyle("right", parent=body, alignment=2, firstLineIndent=0)
    cell = ParagraphStyle("cell", parent=body, fontSize=8, leading=10, firstLineIndent=0)
    number = ParagraphStyle("number", parent=cell, alignment=1)
    widths = {"t2": (5.2, 3.9, 3.9, 3.9), "t4": (1.13,) * 15, "t3": (0.9, 2.2, 3.9) + (1.43,) * 7}
    story: list[Any] = []
    for kind, value, opt in _blocks(doc):
        if kind == "title":
            story += [Paragraph(_html.escape(t), title) for t in _title_lines(value)]
        elif kind == "byline":
            story.append(Paragraph(_html.escape(value), centre))
        elif kind in ("p", "h"):
            story.append(Paragraph(_html.escape(value), body))
        elif kind == "sign":
            story += [Paragraph(_html.escape(t), right) for t in value]
        elif kind == "table":
            if opt.get("push_down"):
                story.append(Spacer(1, opt["push_down"] * 15))
            grid, commands = _grid_of(spans(doc, value, opt))
            data = [[Paragraph(_html.escape(t).replace("\n", "<br/>"), number if _numeric(t) else cell)
                     if t is not None else "" for t in row] for row in grid]
            style = [("VALIGN", (0, 0), (-1, -1), opt.get("valign", "MIDDLE")), *commands]
            if opt.get("ruled", True):
                style.append(("GRID", (0, 0), (-1, -1), 0.5, "black"))
            story.append(Table(data, colWidths=[w * cm for w in widths[value]], style=TableStyle(style),
                               repeatRows=opt.get("repeat", 0)))
    def foot(canvas: Any, page: Any) -> None:
        if o.get("page_numbers"):
            canvas.setFont("STSong-Light", 9)
            canvas.drawCentredString(A4[0] / 2, 1.2 * cm, f"- {page.page} -")

    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm,
                      bottomMargin=2 * cm).build(story, onFirstPage=foot, onLaterPages=foot)
    return out.getvalue()


def _numeric(t: str | None) -> bool:
    return bool(t) and t.replace(".", "", 1).lstrip("+-").isdigit()


# --------------------------------------------------------------------------- WPS-like
_WPS_FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"


def pdf_wps(doc) -> bytes:
    """Every character drawn as its own text object at its own position, an embedded TrueType
    font, table rules drawn as thin filled rectangles — the way WPS Office writes PDFs."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", _WPS_FONT, subfontIndex=0))
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, pageCompression=1)
    w, h = A4
    left, right, top, bottom = 80.0, w - 80.0, h - 72.0, 72.0
    y = top
    page_no = 1

    def new_page() -> None:
        nonlocal y, page_no
        if doc.options.get("page_numbers"):
            put_line(f"- {page_no} -", w / 2 - 12, 40, 9)
        c.showPage()
        page_no += 1
        y = top

    def put_line(t: str, x: float, yy: float, size: float) -> None:
        for ch in t:
            c.setFont("WQY", size)
            c.drawString(x, yy, ch)
            x += pdfmetrics.stringWidth(ch, "WQY", size)

    def para(t: str, size: float = 10.5, indent: float = 21.0, align: str = "left") -> None:
        nonlocal y
        first = True
        rest = t
        while rest:
            room = right - left - (indent if first else 0)
            n, used = 0, 0.0
            while n < len(rest) and used + pdfmetrics.stringWidth(rest[n], "WQY", size) <= room:
                used += pdfmetrics.stringWidth(rest[n], "WQY", size)
                n += 1
            while n < len(rest) and rest[n] in "，。、；：）》”":
                n += 1              # a closing mark stays on its line, past the margin
            piece, rest = rest[:max(n, 1)], rest[max(n, 1):]
            if y - size * 1.6 < bottom:
                new_page()
            width = pdfmetrics.stringWidth(piece, "WQY", size)
            x = {"left": left + (indent if first else 0), "centre": (w - width) / 2, "right": right - width}[align]
            put_line(piece, x, y - size, size)
            y -= size * 1.6
            first = False

    for kind, value, opt in _blocks(doc):
        if kind == "title":
            for t in _title_lines(value):
                para(t, 16, 0, "centre")
        elif kind == "byline":
            para(value, 10.5, 0, "centre")
        elif kind in ("p", "h"):
            para(value)
        elif kind == "sign":
            for t in value:
                para(t, 10.5, 0, "right")
        elif kind == "table":
            y -= opt.get("push_down", 0)
            y = _wps_table(c, doc, value, opt, left, right, y, bottom, new_page, put_line)
    if doc.options.get("page_numbers"):
        put_line(f"- {page_no} -", w / 2 - 12, 40, 9)
    c.save()
    return out.getvalue()


def _wps_table(c, doc, tid, opt, left, right, y, bottom, new_page, put_line) -> float:
    """A table as WPS draws it: rules as thin filled rectangles, each character placed by itself.
    A row that does not fit goes to the next page; a merged cell broken by the page is drawn in
    each part, its text flowing from the first part into the next."""
    from reportlab.pdfbase import pdfmetrics

    layout = spans(doc, tid, opt)
    grid, _ = _grid_of(layout)
    n_rows = len(grid)
    rel = opt.get("widths") or {"t2": (5.2, 3.9, 3.9, 3.9), "t4": (1.0,) * 15, "t3": (0.9, 2.2, 3.9) + (1.43,) * 7}[tid]
    scale = (right - left) / sum(rel)
    xs = [left]
    for r in rel:
        xs.append(xs[-1] + r * scale)
    size, lead = 7.5, 9.5
    boxes: list[tuple[int, int, int, int, str]] = []      # (row, col, rowspan, colspan, text)
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(layout):
        col = 0
        for text, rs, cs in row:
            while (r, col) in taken:
                col += 1
            taken.update((r + i, col + j) for i in range(rs) for j in range(cs))
            boxes.append((r, col, rs, cs, text))
            col += cs

    def wrapped(text: str, width: float) -> list[str]:
        per = max(int((width - 4) / size), 1)
        out: list[str] = []
        for part in text.split("\n"):
            out += [part[i:i + per] for i in range(0, len(part), per)] or [""]
        return out

    heights = [lead + 4.0] * n_rows
    for r, col, rs, cs, text in boxes:
        if rs == 1:
            heights[r] = max(heights[r], len(wrapped(text, xs[col + cs] - xs[col])) * lead + 4)
    # rows to pages: (page index, top) of each row
    place: list[tuple[int, float]] = []
    page, top = 0, y
    for r in range(n_rows):
        if top - heights[r] < bottom:
            page, top = page + 1, 841.89 - 72.0
        place.append((page, top))
        top -= heights[r]
    pages = place[-1][0] + 1
    for p in range(pages):
        if p:
            new_page()
        for r, col, rs, cs, text in boxes:
            rows = [k for k in range(r, r + rs) if place[k][0] == p]
            if not rows:
                continue
            x0, x1 = xs[col], xs[col + cs]
            y_top, y_bot = place[rows[0]][1], place[rows[-1]][1] - heights[rows[-1]]
            if opt.get("ruled", True):
                for yy in (y_top, y_bot):
                    c.rect(x0, yy - 0.25, x1 - x0, 0.5, stroke=0, fill=1)
                c.rect(x0 - 0.25, y_bot, 0.5, y_top - y_bot, stroke=0, fill=1)
                c.rect(x1 - 0.25, y_bot, 0.5, y_top - y_bot, stroke=0, fill=1)
            lines = wrapped(text, x1 - x0)
            # the lines this part shows: those the parts before it had no room for
            room = [int((sum(heights[k] for k in range(r, r + rs) if place[k][0] == q) - 4) // lead)
                    for q in range(place[r][0], p + 1)]
            done = sum(room[:-1])
            last = not any(place[k][0] > p for k in range(r, r + rs))
            shown = lines[done:] if last else lines[done:done + max(room[-1], 0)]
            ty = (y_top + y_bot) / 2 + len(shown) * lead / 2 - size
            for line in shown:
                width = pdfmetrics.stringWidth(line, "WQY", size)
                put_line(line, (x0 + x1 - width) / 2, ty, size)
                ty -= lead
    return place[-1][1] - heights[-1] - 8
