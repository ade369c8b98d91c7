"""PDF reports: the text layer read into the same model as every other format."""

from __future__ import annotations

import io
import json
import random

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xxgk_lint.cli import cli
from xxgk_lint.model import InputError
from xxgk_lint.readers import read_data
from tests.generators.documents import to_pdf
from tests.generators.generate import consistent_doc, to_yaml

from .test_documents import model

pytest.importorskip("reportlab")


def _blocks(data: bytes):
    from xxgk_lint.readers.pdf import parse

    return parse(data, "r.pdf").blocks


# blank lines before the first table, found by trying, that make reportlab break a table over pages
_BREAKS = {"t2 split": {"2021": 30, "2019": 30}, "t3 split in its rows": {"2021": 26, "2019": 28},
           "t3 last row alone": {"2021": 40, "2019": 42}, "t4 split": {"2021": 20, "2019": 22}}


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
@pytest.mark.parametrize("template", ["2021", "2019"])
@pytest.mark.parametrize("layout", ["flowing", *_BREAKS, "header repeated"])
def test_pdf_gives_the_model_of_the_same_figures(engine, template, layout, ruled):
    """Unruled tables too: rows from where the numbers stand, labels wrapped or set one
    character per line, headers left alone at the foot of a page."""
    doc = consistent_doc(random.Random(7), template)
    options = {"flowing": {}, "header repeated": {"push_down": 26, "repeat_header": True, "page_numbers": True}}[layout] \
        if layout not in _BREAKS else {"push_down": _BREAKS[layout][template]}
    data = to_pdf(doc, ruled=ruled, **options)
    report = read_data(data, "r.pdf")
    assert model(report) == model(read_data(to_yaml(doc).encode(), "r.yaml"))
    assert engine.check(report) == [] and report.notes == []
    grids = [b for b in _blocks(data) if hasattr(b, "rows")]
    assert len(grids) == 3                  # a table broken over pages is read as one
    if layout != "flowing":                 # … and this layout really broke one
        assert any(len({c.loc.page for row in g.rows for c in row}) == 2 for g in grids)


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
def test_wrapped_and_vertical_labels_are_read_whole(ruled):
    data = to_pdf(consistent_doc(random.Random(3)), ruled=ruled)
    rows = [r for b in _blocks(data) if hasattr(b, "rows") for r in b.rows]
    firsts = {r[0].text for r in rows}
    assert "三、本年度办理结果" in firsts                 # drawn one character per line
    assert any(c.text == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" for r in rows for c in r)


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
@pytest.mark.parametrize("template", ["2021", "2019"])
@pytest.mark.parametrize("layout", ["flowing", "t3 split in its rows"])
@pytest.mark.parametrize("numbers", ["right", "centre"])
def test_labels_at_the_top_of_their_cells(engine, template, layout, ruled, numbers):
    """Cell text at the top: a group label stands beside its first sub-row only (as in the
    seed's "（三）不予公开 | 1.属于国家秘密 | …"), wrapped labels run on below their numbers;
    numbers to the right or centred."""
    doc = consistent_doc(random.Random(11), template)
    options = {"push_down": _BREAKS[layout][template]} if layout in _BREAKS else {}
    report = read_data(to_pdf(doc, ruled=ruled, valign="TOP", numbers=numbers, **options), "top.pdf")
    assert model(report) == model(read_data(to_yaml(doc).encode(), "top.yaml"))
    assert engine.check(report) == [] and report.notes == []


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
@pytest.mark.parametrize("template", ["2021", "2019"])
def test_group_labels_fused_with_the_first_sub_row(engine, template, ruled):
    """"（三）不予公开 1.属于国家秘密" in one cell: the group's first row all the same."""
    doc = consistent_doc(random.Random(13), template)
    data = to_pdf(doc, ruled=ruled, fused=True)
    assert any(c.text.startswith("（三）不予公开") and "国家秘密" in c.text
               for b in _blocks(data) if hasattr(b, "rows") for row in b.rows for c in row)
    report = read_data(data, "f.pdf")
    assert model(report) == model(read_data(to_yaml(doc).encode(), "f.yaml"))
    assert engine.check(report) == [] and report.notes == []


@pytest.mark.parametrize("seed", range(4))
def test_unruled_tables_of_other_figures(engine, seed):
    """More figures, a header at a page's foot: no finding on a consistent report, and a
    changed figure is caught in its own cell."""
    doc = consistent_doc(random.Random(100 + seed), "2021" if seed % 2 else "2019")
    report = read_data(to_pdf(doc, ruled=False, push_down=30, page_numbers=True), "u.pdf")
    assert model(report) == model(read_data(to_yaml(doc).encode(), "u.yaml"))
    assert engine.check(report) == []
    doc["tables"]["t3"]["new_received"][0] += 3
    found = {(f.rule_id, f.place.row, f.place.col) for f in engine.check(read_data(to_pdf(doc, ruled=False), "u.pdf"))}
    assert ("T3-ROW-SUM", "new_received", "total") in found


@pytest.mark.parametrize("column,numbers,push_down", [(2, "right", 0), (6, "centre", 0), (0, "right", 10),
                                                     (4, "centre", 30), (1, "right", 40)])
def test_a_column_blank_in_every_row_of_an_unruled_table(engine, column, numbers, push_down):
    """No value stands in the column: the header shows it, on this page or the one before, and
    the blanks stay blanks instead of the next column's numbers sliding into it."""
    doc = consistent_doc(random.Random(20 + column), "2021")
    for row in doc["tables"]["t3"].values():
        row[column] = None
    report = read_data(to_pdf(doc, ruled=False, numbers=numbers, push_down=push_down), "b.pdf")
    assert model(report)[0] == model(read_data(to_yaml(doc).encode(), "b.yaml"))[0]
    assert {f.rule_id for f in engine.check(report)} == {"CELL-NOT-NUMBER"}


def test_text_lines_repeating_each_other_are_all_read():
    """PDFium drops a line repeating one just above it (non-embedded CJK font); the page is
    then read with pdfminer and nothing is lost."""
    doc = consistent_doc(random.Random(5))
    doc["sections"][4]["text"] = "\n".join(["无。"] * 4)
    report = read_data(to_pdf(doc), "r.pdf")
    five = next(s for s in report.sections if s.key == 5)
    assert five.text.count("无。") == 4


def test_a_finding_names_page_cell_and_box():
    doc = consistent_doc(random.Random(9))
    doc["tables"]["t3"]["withheld_process"][0] += 2
    data = to_pdf(doc, push_down=30)
    report = read_data(data, "r.pdf")
    from xxgk_lint.engine import Engine
    from xxgk_lint.rules import load_rules

    found = {(f.rule_id, f.place.row, f.place.col): f for f in Engine(load_rules()).check(report)}
    assert set(found) == {("T3-ROW-SUM", "withheld_process", "total"),
                          ("T3-RESULT-TOTAL", "result_total", "natural_person")}
    loc = found[("T3-ROW-SUM", "withheld_process", "total")].loc
    assert loc.page == 3 and loc.cell == 10 and len(loc.bbox) == 4
    x0, top, x1, bottom = loc.bbox
    assert 0 < x0 < x1 < 600 and 0 < top < bottom < 842
    assert report.lines[loc.line - 1][loc.col - 1:loc.end_col - 1] == str(doc["tables"]["t3"]["withheld_process"][6])


def test_json_and_full_output_carry_the_page(tmp_path):
    doc = consistent_doc(random.Random(9))
    doc["tables"]["t4"]["reconsideration"][4] += 1
    path = tmp_path / "r.pdf"
    path.write_bytes(to_pdf(doc))
    out = json.loads(CliRunner().invoke(cli, ["check", "--isolated", "--format", "json", str(path)]).output)
    loc = next(f for f in out["files"][0]["findings"] if f["rule"] == "T4-SUM")["location"]
    assert loc["page"] >= 1 and len(loc["bbox"]) == 4 and loc["table"] >= 1
    full = CliRunner().invoke(cli, ["check", "--isolated", "--format", "full", "--no-color", str(path)]).output
    assert f"（第 {loc['page']} 页，表格" in full and "T4-SUM" in full


def _image_pdf(pages_with_text: int) -> bytes:
    """A scan: pages that are only an image (and, optionally, a first page with text)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    png = io.BytesIO()
    from PIL import Image

    Image.new("RGB", (200, 200), "white").save(png, "PNG")
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    if pages_with_text:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        c.setFont("STSong-Light", 12)
        for y, line in ((800, "示例县教育局2023年政府信息公开工作年度报告"), (770, "一、总体情况"),
                        (750, "本年度主动公开政府信息100条。"), (720, "二、主动公开政府信息情况")):
            c.drawString(60, y, line)
        c.drawImage(ImageReader(io.BytesIO(png.getvalue())), 60, 300, 450, 380)
        c.showPage()
    c.drawImage(ImageReader(io.BytesIO(png.getvalue())), 0, 0, 595, 842)
    c.showPage()
    c.save()
    return out.getvalue()


def test_table_as_image_is_one_finding_and_the_rest_is_checked(engine):
    pytest.importorskip("PIL")
    report = read_data(_image_pdf(1), "scan.pdf")
    assert report.tables["t2"].form == "image"
    ids = {f.rule_id for f in engine.check(report)}
    assert "TBL-IMAGE" in ids and "SEC-MISSING" in ids


def test_scanned_encrypted_and_broken_pdfs_are_one_clear_line(tmp_path, monkeypatch):
    pytest.importorskip("PIL")
    monkeypatch.setenv("XXGK_LINT_OCR", "off")          # as without the [ocr] extra
    from reportlab.pdfgen import canvas

    scan = tmp_path / "scan.pdf"
    scan.write_bytes(_image_pdf(0))
    locked = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(locked), encrypt="secret")
    c.drawString(100, 700, "hello")
    c.save()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(to_pdf(consistent_doc(random.Random(1)))[:3000])
    result = CliRunner().invoke(cli, ["check", "--isolated", "--format", "concise", str(scan), str(locked), str(cut)])
    assert result.exit_code == 2
    assert "no text layer" in result.output and "encrypted" in result.output and "cut.pdf" in result.output
    assert "pip install 'xxgk-lint[ocr]'" in result.output
    assert "Traceback" not in result.output


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_truncated_and_corrupted_pdfs_end_in_a_clean_error(data):
    pdf = _SAMPLE
    cut = data.draw(st.integers(10, len(pdf) - 1))
    flips = data.draw(st.lists(st.tuples(st.integers(0, len(pdf) - 1), st.integers(0, 255)), max_size=8))
    damaged = bytearray(pdf[:cut] if data.draw(st.booleans()) else pdf)
    for pos, byte in flips:
        if pos < len(damaged):
            damaged[pos] = byte
    try:
        read_data(bytes(damaged), "d.pdf")
    except InputError as e:
        assert "d.pdf" in str(e)


_SAMPLE = to_pdf(consistent_doc(random.Random(2)))


CHROMIUM = __import__("shutil").which("chromium") or __import__("shutil").which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="needs chromium (CI installs it)")
def test_a_web_page_printed_by_chromium_reads_as_the_page(engine, tmp_path):
    """A report page with border=1 tables printed to PDF by Chromium, with the page breaks put in
    a different place each time (a space of growing height before table 2): the tables broken
    over pages — a row alone on the next page, merged labels printed once, double rules snapped
    apart — read cell for cell as the page does, with no finding the page has not."""
    import subprocess

    from tests.generators.documents import to_html

    doc = consistent_doc(random.Random(7), year=2023)
    page = to_html(doc).replace('<table border="1" cellspacing="0" style="width:100%">', '<table border="1">') \
        .replace("<style>td{border:1px solid #000}</style>", "")
    html_report = read_data(page.encode(), "page.html")
    assert engine.check(html_report) == []
    broken = 0
    for space in (0, 270, 360, 450, 540, 900):
        src, pdf = tmp_path / f"{space}.html", tmp_path / f"{space}.pdf"
        src.write_text(page.replace('<div class="article">', f'<div class="article"><div style="height:{space}px">'
                                    '</div>'), encoding="utf-8")
        subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf}", src.as_uri()], capture_output=True, timeout=120, check=True)
        report = read_data(pdf.read_bytes(), "page.pdf")
        assert model(report)[0] == model(html_report)[0], space           # every cell
        assert report.meta.title == html_report.meta.title and report.meta.published == html_report.meta.published
        assert [f.rule_id for f in engine.check(report)] == [], space
        grids = [b for b in _blocks(pdf.read_bytes()) if hasattr(b, "rows") and b.rows and len(b.rows[0]) > 4]
        broken += len({c.loc.page for b in grids for row in b.rows for c in row if c.loc.page}) > len(grids)
    assert broken >= 3          # the tables did break over pages


def test_radicals_in_a_text_layer_read_as_the_characters_they_print():
    from xxgk_lint.readers.chinese import RADICAL_TWINS

    assert "人⺠政府（⼀）⾸⻚，⻓期".translate(RADICAL_TWINS) == "人民政府（一）首页，长期"
    assert "一二三政府".translate(RADICAL_TWINS) == "一二三政府"
