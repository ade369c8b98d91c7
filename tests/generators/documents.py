"""The same figures rendered as the documents reports are published in: pipe text (web
extraction), HTML pages with merged cells, and Word files (the real blank template filled in,
or built from scratch).  Readers must give identical models for all of them."""

from __future__ import annotations

import html as _html
import io
from pathlib import Path
from typing import Any, Iterator

from xxgk_lint.sections_spec import SECTIONS
from xxgk_lint.template import table_spec

# --------------------------------------------------------------------------- pipe text
_T2_ITEMS_2021 = (("第二十条第（一）项", ("regulations", "normative_docs")), ("第二十条第（五）项", ("licensing",)),
                  ("第二十条第（六）项", ("penalty", "coercion")), ("第二十条第（八）项", ("admin_fees",)))
_T2_ITEMS_2019 = (("第二十条第（一）项", ("regulations", "normative_docs")),
                  ("第二十条第（五）项", ("licensing", "other_services")),
                  ("第二十条第（六）项", ("penalty", "coercion")), ("第二十条第（八）项", ("admin_fees",)),
                  ("第二十条第（九）项", ("procurement",)))
_GROUP_LABEL = {"withheld": "（三）不予公开", "unavailable": "（四）无法提供", "not_processed": "（五）不予处理",
                "other_processing": "（六）其他处理"}


def _fmt(v: Any) -> str:
    if v is None:
        return ""
    return f"{v:g}" if isinstance(v, float) else str(v)


def _pipe(cells: list[Any]) -> str:
    return " | ".join(_fmt(c) for c in cells) + " |"


def t2_lines(t2: dict[str, dict[str, Any]], template: str) -> list[str]:
    spec = table_spec("t2", template)
    out = []
    for item, rows in (_T2_ITEMS_2019 if template == "2019" else _T2_ITEMS_2021):
        out.append(f"{item} | |||")
        cols = spec.row_cols(spec.row_by_id[rows[0]])
        out.append(_pipe(["信息内容", *(spec.col_by_id[c].zh for c in cols)]))
        for r in rows:
            out.append(_pipe([spec.row_by_id[r].zh, *(t2.get(r, {}).get(c) for c in cols)]))
    return out


def t3_lines(t3: dict[str, list[Any]], template: str) -> list[str]:
    spec = table_spec("t3", template)
    out = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 | ||||||",
           "自 然 人 | 法人或其他组织 | 总计 | ||||",
           "商业 企业 | 科研 机构 | 社会 公益 组织 | 法律 服务 机构 | 其 他 | ||"]
    seen_groups: set[str] = set()
    for r in spec.rows:
        labels = [r.zh]
        if r.id == "disclosed":
            labels = ["三、本年度办理结果", r.zh]
        if r.group in _GROUP_LABEL and r.group not in seen_groups and r.id != "other_processing":
            seen_groups.add(r.group)
            labels = [_GROUP_LABEL[r.group], r.zh]
        out.append(_pipe([*labels, *t3.get(r.id, [None] * 7)]))
    return out


def t4_lines(t4: dict[str, list[Any]]) -> list[str]:
    values = [*t4["reconsideration"], *t4["litigation_direct"], *t4["litigation_after"]]
    return ["行政复议 | 行政诉讼 | ||||||||||||",
            "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 | ||||||||",
            "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | |||||",
            _pipe(values)]


def outline(doc: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """The document in reading order, as (kind, value): title, date, para, heading, table (its id)."""
    meta, tables = doc["meta"], doc["tables"]
    pub = meta["published"]
    yield "title", meta["title"]
    yield "date", f"（{pub.year}年{pub.month}月{pub.day}日）"
    for line in doc.get("preamble", "").strip().splitlines():
        yield "para", line
    by_key = {i + 1: s for i, s in enumerate(doc["sections"])}
    for spec in SECTIONS:
        sec = by_key.get(spec.key)
        if sec is None:
            continue
        yield "heading", sec["heading"]
        for line in (sec.get("text") or "").strip().splitlines():
            yield "para", line
        tid = {2: "t2", 3: "t3", 4: "t4"}.get(spec.key)
        if tid in tables:
            yield "table", tid


def to_pipe_text(doc: dict[str, Any]) -> str:
    tables, template = doc["tables"], doc["meta"].get("template", "2021")
    lines = []
    for kind, value in outline(doc):
        if kind != "table":
            lines.append(value)
        elif value == "t2":
            lines += t2_lines(tables["t2"], template)
        elif value == "t3":
            lines += t3_lines(tables["t3"], template)
        else:
            lines += t4_lines(tables["t4"])
    lines.append("扫一扫在手机打开当前页")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- merged-cell layouts
Span = tuple[str, int, int]      # text, rowspan, colspan


def _c(text: Any, rs: int = 1, cs: int = 1) -> Span:
    return (_fmt(text), rs, cs)


def t2_layout(t2: dict[str, dict[str, Any]], template: str) -> list[list[Span]]:
    """Table 2 as the template draws it: 4 grid columns, item rows spanning all of them."""
    spec = table_spec("t2", template)
    rows: list[list[Span]] = []
    for item, row_ids in (_T2_ITEMS_2019 if template == "2019" else _T2_ITEMS_2021):
        rows.append([_c(item, 1, 4)])
        cols = spec.row_cols(spec.row_by_id[row_ids[0]])
        last = 3 - len(cols)          # the last column stretches over the rest of the 4-column grid
        rows.append([_c("信息内容"), *(_c(spec.col_by_id[c].zh, 1, 1 + (last if i == len(cols) - 1 else 0))
                                    for i, c in enumerate(cols))])
        for r in row_ids:
            vals = t2.get(r, {})
            rows.append([_c(spec.row_by_id[r].zh), *(_c(vals.get(c), 1, 1 + (last if i == len(cols) - 1 else 0))
                                                     for i, c in enumerate(cols))])
    return rows


def t3_layout(t3: dict[str, list[Any]], template: str, fused: bool = False) -> list[list[Span]]:
    """Table 3 on 10 grid columns: 3 for labels (group labels span rows — or, ``fused``, share
    the first sub-row's cell: "（三）不予公开 1.属于国家秘密"), 7 for numbers."""
    spec = table_spec("t3", template)
    rows: list[list[Span]] = [
        [_c("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), _c("申请人情况", 1, 7)],
        [_c("自然人", 2), _c("法人或其他组织", 1, 5), _c("总计", 2)],
        [_c("商业企业"), _c("科研机构"), _c("社会公益组织"), _c("法律服务机构"), _c("其他")],
    ]
    groups = {g: ids for g, ids in spec.groups.items()}
    n_results = sum(1 for r in spec.rows if r.id not in ("new_received", "carried_over_prev", "carried_forward"))
    for r in spec.rows:
        vals = [_c(v) for v in t3.get(r.id, [None] * 7)]
        if r.id in ("new_received", "carried_over_prev", "carried_forward"):
            rows.append([_c(r.zh, 1, 3), *vals])
            continue
        lead: list[Span] = [_c("三、本年度办理结果", n_results)] if r.id == "disclosed" else []
        members = groups.get(r.group, ())
        if r.group in _GROUP_LABEL and r.id != "other_processing" and fused:
            first = members[0] == r.id
            rows.append([*lead, _c(f"{_GROUP_LABEL[r.group]} {r.zh}" if first else r.zh, 1, 2), *vals])
        elif r.group in _GROUP_LABEL and r.id != "other_processing":
            if members[0] == r.id:
                lead.append(_c(_GROUP_LABEL[r.group], len(members)))
            rows.append([*lead, _c(r.zh), *vals])
        else:
            rows.append([*lead, _c(r.zh, 1, 2), *vals])
    return rows


def t4_layout(t4: dict[str, list[Any]]) -> list[list[Span]]:
    leaves = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    values = [*t4["reconsideration"], *t4["litigation_direct"], *t4["litigation_after"]]
    return [[_c("行政复议", 1, 5), _c("行政诉讼", 1, 10)],
            [*(_c(x, 2) for x in leaves), _c("未经复议直接起诉", 1, 5), _c("复议后起诉", 1, 5)],
            [*(_c(x) for x in leaves * 2)],
            [_c(v) for v in values]]


def layout(doc: dict[str, Any], tid: str, fused: bool = False) -> list[list[Span]]:
    tables, template = doc["tables"], doc["meta"].get("template", "2021")
    if tid == "t2":
        return t2_layout(tables["t2"], template)
    if tid == "t3":
        return t3_layout(tables["t3"], template, fused)
    return t4_layout(tables["t4"])


# --------------------------------------------------------------------------- HTML
def _html_table(layout: list[list[Span]]) -> str:
    out = ['<table border="1" cellspacing="0" style="width:100%">']
    for row in layout:
        cells = []
        for text, rs, cs in row:
            attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
            cells.append(f"<td{attrs}><p><span>{_html.escape(text)}</span></p></td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def to_html(doc: dict[str, Any]) -> str:
    """A government site's article page: navigation, metadata block, the article, a footer."""
    meta = doc["meta"]
    pub = meta["published"]
    esc = _html.escape
    parts = [
        "<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{esc(meta['title'])}_{esc(meta['body'])}门户网站</title>",
        f'<meta name="ArticleTitle" content="{esc(meta["title"])}">',
        f'<meta name="PubDate" content="{pub.isoformat()} 09:30">',
        f'<meta name="ContentSource" content="{esc(meta["body"])}">',
        "<style>td{border:1px solid #000}</style><script>var x = '一、总体情况';</script></head><body>",
        '<div class="top"><ul class="nav"><li><a href="/">首页</a></li><li>政务公开</li><li>互动交流</li></ul></div>',
        '<div class="crumb">当前位置：<a href="/">首页</a> &gt; 政府信息公开 &gt; 政府信息公开年报</div>',
        '<table class="xxgk-meta"><tr><td>索引号：11430481MB1234567X/2024-00012</td>'
        f"<td>发布机构：{esc(meta['body'])}</td></tr>"
        f"<tr><td>发布日期：{pub.isoformat()}</td><td>主题分类：政府信息公开年报</td></tr></table>",
        '<div class="article">',
    ]
    for kind, value in outline(doc):      # the date is in the metadata block, as sites print it
        if kind == "title":
            parts.append(f"<h1>{esc(value)}</h1>")
        elif kind == "heading":
            parts.append(f'<p style="text-indent:2em"><strong>{esc(value)}</strong></p>')
        elif kind == "para":
            parts.append(f"<p>{esc(value)}</p>")
        elif kind == "table":
            parts.append(_html_table(layout(doc, value)))
    parts += ["</div>", '<div class="footer"><p>扫一扫在手机打开当前页</p><img src="qr.png"></div>',
              "</body></html>"]
    return "\n".join(parts) + "\n"


# --------------------------------------------------------------------------- DOCX
def _docx_table(document: Any, layout: list[list[Span]]) -> None:
    width = sum(cs for _, _, cs in layout[0])
    table = document.add_table(rows=len(layout), cols=width)
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(layout):
        c = 0
        for text, rs, cs in row:
            while (r, c) in taken:
                c += 1
            cell = table.cell(r, c)
            if rs > 1 or cs > 1:
                cell = cell.merge(table.cell(r + rs - 1, c + cs - 1))
            cell.text = text
            taken.update((r + i, c + j) for i in range(rs) for j in range(cs))
            c += cs


def to_docx(doc: dict[str, Any], template: Path | None = None) -> bytes:
    """A Word file: the real blank 2021 template filled in when given (its merged cells as
    drafting offices have them), otherwise built from scratch with the same merges."""
    import docx

    meta = doc["meta"]
    if template is not None and meta.get("template", "2021") == "2021":
        return _fill_template(doc, template)
    document = docx.Document()
    for kind, value in outline(doc):
        if kind == "table":
            _docx_table(document, layout(doc, value))
        else:
            document.add_paragraph(value)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _fill_template(doc: dict[str, Any], template: Path) -> bytes:
    import copy

    import docx

    document = docx.Document(str(template))
    meta, tables = doc["meta"], doc["tables"]
    pub = meta["published"]
    title = next(p for p in document.paragraphs if "年度报告" in p.text)
    title.text = meta["title"]
    # date and preamble go right after the title, as published reports have them
    anchor = title._p
    for line in [f"（{pub.year}年{pub.month}月{pub.day}日）", *doc.get("preamble", "").strip().splitlines()]:
        new = copy.deepcopy(title._p)
        anchor.addnext(new)
        anchor = new
        docx.text.paragraph.Paragraph(new, title._parent).text = line
    by_heading = {s["heading"][:2]: s for s in doc["sections"]}
    for p in list(document.paragraphs):
        if p.text.startswith("（文字描述"):
            heading = p._p.getprevious()
            key = docx.text.paragraph.Paragraph(heading, p._parent).text[:2] if heading is not None else ""
            lines = (by_heading.get(key, {}).get("text") or "").strip().splitlines() or [""]
            p.text = lines[0]
            anchor = p._p
            for line in lines[1:]:
                new = copy.deepcopy(p._p)
                anchor.addnext(new)
                anchor = new
                docx.text.paragraph.Paragraph(new, p._parent).text = line
    t2, t3, t4 = document.tables
    t2_vals = tables.get("t2", {})
    spec2 = table_spec("t2", "2021")
    for row in t2.rows:
        label = row.cells[0].text.strip()
        rid = next((r.id for r in spec2.rows if r.zh == label), None)
        if rid:
            for i, col in enumerate(spec2.row_cols(spec2.row_by_id[rid])):
                row.cells[1 + i].text = _fmt(t2_vals.get(rid, {}).get(col))
    spec3 = table_spec("t3", "2021")
    order = [r.id for r in spec3.rows]
    for i, row in enumerate(t3.rows[3:]):
        for j, v in enumerate(tables.get("t3", {}).get(order[i], [None] * 7)):
            row.cells[3 + j].text = _fmt(v)
    values = [*tables["t4"]["reconsideration"], *tables["t4"]["litigation_direct"], *tables["t4"]["litigation_after"]]
    for j, v in enumerate(values):
        t4.rows[3].cells[j].text = _fmt(v)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --------------------------------------------------------------------------- PDF
_PDF_WIDTHS = {"t2": (5.2, 3.9, 3.9, 3.9), "t4": (1.13,) * 15,
               "t3": (0.9, 2.2, 3.9) + (1.43,) * 7}        # cm; t3's first column is one character wide


def to_pdf(doc: dict[str, Any], ruled: bool = True, repeat_header: bool = False, push_down: int = 0,
           valign: str = "MIDDLE", page_numbers: bool = False, numbers: str = "right", fused: bool = False) -> bytes:
    """A PDF as offices export it: a CJK CID font (STSong-Light, no font file needed), labels
    wrapping inside narrow cells (the group label of table 3 one character per line), tables
    breaking over pages (``push_down`` blank lines before the first table force a break inside
    it; ``repeat_header`` repeats the header rows on the next page), ruled or not, cell text
    centred vertically or at the top (``valign="TOP"``: a group label then stands beside its
    first sub-row only, and wrapped labels run below their numbers), with "- n -" at the foot
    of each page or not, numbers set to the right of their cells or centred (``numbers``), table
    3's group labels in cells of their own or ``fused`` with their first sub-row's label."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=10.5, leading=15, firstLineIndent=21,
                          wordWrap="CJK")
    title = ParagraphStyle("title", parent=body, fontSize=16, leading=22, alignment=1, firstLineIndent=0)
    centre = ParagraphStyle("centre", parent=body, alignment=1, firstLineIndent=0)
    cell = ParagraphStyle("cell", parent=body, fontSize=8, leading=10, firstLineIndent=0)
    number = ParagraphStyle("number", parent=cell, alignment={"right": 2, "centre": 1}[numbers])
    story: list[Any] = []
    first_table = True
    for kind, value in outline(doc):
        if kind == "title":
            story.append(Paragraph(_html.escape(value), title))
        elif kind == "date":
            story.append(Paragraph(_html.escape(value), centre))
        elif kind in ("para", "heading"):
            story.append(Paragraph(_html.escape(value), body))
        else:
            if first_table and push_down:
                story.append(Spacer(1, push_down * 15))
            first_table = False
            spans = layout(doc, value, fused)
            widths = _PDF_WIDTHS[value]
            grid, commands = _grid_of(spans)
            data = [[Paragraph(_html.escape(text), number if text.isdigit() or _is_decimal(text) else cell)
                     if text is not None else "" for text in row] for row in grid]
            style = [("VALIGN", (0, 0), (-1, -1), valign), *commands]
            if ruled:
                style.append(("GRID", (0, 0), (-1, -1), 0.5, "black"))
            header = {"t3": 3, "t4": 3, "t2": 0}[value] if repeat_header else 0
            story.append(Table(data, colWidths=[w * cm for w in widths], style=TableStyle(style), repeatRows=header))
    def foot(canvas: Any, page: Any) -> None:
        if page_numbers:
            canvas.setFont("STSong-Light", 9)
            canvas.drawCentredString(A4[0] / 2, 1.2 * cm, f"- {page.page} -")

    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm,
                      bottomMargin=2 * cm, title=doc["meta"]["title"]).build(story, onFirstPage=foot, onLaterPages=foot)
    return out.getvalue()


def _is_decimal(text: str) -> bool:
    return bool(text) and text.replace(".", "", 1).isdigit()


def _grid_of(spans: list[list[Span]]) -> tuple[list[list[str | None]], list[tuple]]:
    """A merged-cell layout as a full grid (covered places None) and reportlab SPAN commands."""
    width = sum(cs for _, _, cs in spans[0])
    grid: list[list[str | None]] = [[None] * width for _ in spans]
    taken: set[tuple[int, int]] = set()
    commands = []
    for r, row in enumerate(spans):
        c = 0
        for text, rs, cs in row:
            while (r, c) in taken:
                c += 1
            grid[r][c] = text
            for dr in range(rs):
                for dc in range(cs):
                    taken.add((r + dr, c + dc))
            if rs > 1 or cs > 1:
                commands.append(("SPAN", (c, r), (c + cs - 1, r + rs - 1)))
            c += cs
    return grid, commands
