"""The OCR reader on scans made from the test figures (tests/generators/scans.py: rendered by
PDFium, turned 1–2°, grey paper, speckle, JPEG): the tables read as the text version reads them,
the same findings, every OCR'd cell with its confidence; a finding resting on an unsure reading
says so and is at most a warning; without OCR, one line saying how to install it."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("rapidocr")
pytest.importorskip("reportlab")

from tests.generators.scans import cjk_renders, image_pdf, png, scan_pages  # noqa: E402

if not cjk_renders():
    if os.environ.get("CI"):
        pytest.fail("CI must install a CJK font for the generated scans (.ci/run installs fonts-noto-cjk)",
                    pytrace=False)
    pytest.skip("no CJK font: the generated scans would have no Chinese (apt install fonts-noto-cjk)",
                allow_module_level=True)

from tests.generators.documents import to_pdf  # noqa: E402
from tests.generators.generate import consistent_doc  # noqa: E402
from xxgk_lint.cli import cli  # noqa: E402
from xxgk_lint.findings import Finding, Place  # noqa: E402
from xxgk_lint.model import Location  # noqa: E402
from xxgk_lint.readers import read_data  # noqa: E402

TABLES = ("t2", "t3", "t4")
ROOT = Path(__file__).resolve().parent.parent


def _broken_doc():
    doc = consistent_doc(random.Random(7))
    doc["tables"]["t4"]["reconsideration"][0] += 1      # one identity that fails: T4-SUM
    return doc


@pytest.fixture(scope="module")
def scanned():
    """(the text PDF's report, the 300 dpi scan's report, the scan's bytes, the pages)."""
    pdf = to_pdf(_broken_doc())
    pages = scan_pages(pdf, 300, random.Random(3))
    scan = image_pdf(pages, 300)
    return read_data(pdf, "report.pdf"), read_data(scan, "scan.pdf"), scan, pages


def _cell_accuracy(text, scan) -> float:
    same = total = 0
    for tid in TABLES:
        for key, cell in text.tables[tid].cells.items():
            total += 1
            got = scan.tables[tid].cells.get(key) if scan.tables[tid].present else None
            same += got is not None and (got.state, got.value) == (cell.state, cell.value)
    return same / total


def test_a_scanned_pdf_reads_as_its_text_version(scanned, engine):
    text, scan, _, _ = scanned
    assert scan.reader == "pdf+ocr" and all(scan.tables[t].present for t in TABLES)
    assert _cell_accuracy(text, scan) >= 0.995
    assert scan.meta.year == text.meta.year and scan.meta.title == text.meta.title

    def found(report):
        return sorted((f.rule_id, f.place.key()) for f in engine.check(report) if f.severity != "info")
    assert found(scan) == found(text) and any(rule == "T4-SUM" for rule, _ in found(scan))


def test_every_ocr_cell_keeps_its_confidence_and_box(scanned, tmp_path):
    _, scan, data, _ = scanned
    cells = [c for c in scan.tables["t3"].cells.values() if c.state == "number"]
    assert cells and all(c.loc.ocr is not None and 0 < c.loc.ocr <= 1 and c.loc.page and c.loc.bbox for c in cells)
    path = tmp_path / "scan.pdf"
    path.write_bytes(data)
    out = CliRunner().invoke(cli, ["check", "--isolated", "--format", "json", str(path)])
    finding = next(f for f in json.loads(out.stdout)["files"][0]["findings"] if f["rule"] == "T4-SUM")
    assert 0 < finding["location"]["ocr"] <= 1 and finding["location"]["bbox"]


def test_a_png_of_a_page_is_read(scanned):
    _, _, _, pages = scanned
    report = read_data(png(pages[-1]), "page.png")       # the page holding tables 3 and 4
    assert report.reader == "pdf+ocr" and report.tables["t4"].present
    assert report.tables["t4"].numbers()


def test_a_finding_on_an_unsure_reading_says_so_and_is_at_most_a_warning(engine):
    rule = next(r for r in engine.rules if r.id == "T4-SUM")
    sure = Location("scan.pdf", 3, 1, page=2, ocr=0.99)
    unsure = Location("scan.pdf", 3, 5, page=2, ocr=0.62)
    finding = Finding(rule, "error", "scan.pdf", sure, Place("t4"), {}, (unsure,))
    assert finding.uncertain() is unsure
    assert finding.message("zh").startswith("OCR 识别可能有误（第 2 页，置信度 0.62）：")
    assert finding.message("en").startswith("OCR reading may be wrong (page 2, confidence 0.62): ")
    assert Finding(rule, "error", "scan.pdf", sure, Place("t4"), {}).uncertain() is None


def test_the_engine_lowers_an_identity_that_fails_on_unsure_cells(scanned, engine):
    _, scan, _, _ = scanned
    for cell in scan.tables["t4"].cells.values():
        if cell.loc is not None:
            cell.loc.ocr = 0.5
    sums = [f for f in engine.check(scan) if f.rule_id == "T4-SUM"]
    assert sums and all(f.severity == "warning" and "OCR" in f.message("en") for f in sums)


def test_without_ocr_a_scan_says_how_to_install_it(scanned, tmp_path, monkeypatch):
    monkeypatch.setenv("XXGK_LINT_OCR", "off")
    _, _, data, pages = scanned
    (tmp_path / "scan.pdf").write_bytes(data)
    (tmp_path / "page.png").write_bytes(png(pages[0]))
    out = CliRunner().invoke(cli, ["check", "--isolated", str(tmp_path / "scan.pdf"), str(tmp_path / "page.png")])
    assert out.exit_code == 2 and out.output.count("pip install 'xxgk-lint[ocr]'") == 2
    assert "Traceback" not in out.output


def test_a_broken_picture_is_one_line(tmp_path):
    bad = tmp_path / "page.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    out = CliRunner().invoke(cli, ["check", "--isolated", str(bad)])
    assert out.exit_code == 2 and "not a readable picture" in out.output and "Traceback" not in out.output


def _picture_of_tables(pages) -> bytes:
    """The page holding tables 3 and 4, as a PNG (what a body pastes into Word or a web page)."""
    return png(pages[-1])


def test_a_picture_table_in_a_word_file_is_read(scanned, tmp_path):
    import docx
    from docx.shared import Inches

    text, _, _, pages = scanned
    (tmp_path / "t.png").write_bytes(_picture_of_tables(pages))
    d = docx.Document()
    d.add_paragraph(text.meta.title)
    d.add_paragraph("三、收到和处理政府信息公开申请情况")
    d.add_picture(str(tmp_path / "t.png"), width=Inches(6))
    d.save(tmp_path / "r.docx")
    report = read_data((tmp_path / "r.docx").read_bytes(), "r.docx")
    assert report.reader == "docx+ocr" and report.tables["t3"].present
    # the picture holds table 4 and table 3 from its third row on (the rest is on the page before)
    assert report.tables["t4"].numbers() == text.tables["t4"].numbers()
    got, want = report.tables["t3"].numbers(), text.tables["t3"].numbers()
    assert len(got) >= len(want) - 14 and all(want[k] == v for k, v in got.items())
    cell = next(c for c in report.tables["t3"].cells.values() if c.state == "number")
    assert cell.loc.ocr is not None and cell.loc.page == 0 and cell.loc.para == 3


def test_a_picture_table_beside_a_saved_page_is_read(scanned, tmp_path):
    from xxgk_lint.readers import read_report

    text, _, _, pages = scanned
    (tmp_path / "t.png").write_bytes(_picture_of_tables(pages))
    page = tmp_path / "r.html"
    page.write_text(f"<html><body><div class='nav'>首页</div><div class='article'><h1>{text.meta.title}</h1>"
                    "<p>一、总体情况</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>"
                    '<p><img src="t.png"></p><p><img src="/etc/passwd"><img src="missing.png"></p>'
                    "<p>五、存在的主要问题及改进情况</p></div></body></html>", encoding="utf-8")
    report = read_report(str(page))
    assert report.reader == "html+ocr" and report.tables["t4"].present
    assert report.tables["t4"].numbers() == text.tables["t4"].numbers()


def test_a_page_whose_report_is_pictures_of_its_pages_is_one_report(scanned, tmp_path):
    """A web page that shows the report only as pictures of its pages, one <img> a page and no
    report text: the pictures are read as the pages of one scan, so table 3, which runs from the
    first picture on to the second, is one table."""
    from xxgk_lint.readers import read_report

    text, _, _, pages = scanned
    for k, image in enumerate(pages, 1):
        (tmp_path / f"p{k}.png").write_bytes(png(image))
    page = tmp_path / "report.html"
    page.write_text("<html><body><div class='nav'>首页 &gt; 年度报告</div><div class='article'><h1>年度报告</h1>"
                    + "".join(f'<p><img src="p{k}.png"></p>' for k in range(1, len(pages) + 1))
                    + "</div></body></html>", encoding="utf-8")
    report = read_report(str(page))
    assert report.reader == "html+ocr" and all(report.tables[t].present for t in TABLES)
    assert _cell_accuracy(text, report) == 1.0
    assert [s.key for s in report.sections if s.key] == [1, 2, 3, 4, 5, 6]
    # a cell of a picture can be read a second time, at its place in the scan it came from
    cell = report.tables["t4"].cells[("reconsideration", "total")]
    assert report._second_reading is not None and report._second_reading(cell.loc) is None   # they agree


def test_a_folder_of_page_pictures_is_audited_as_one_report(scanned, tmp_path):
    """p1.png, p2.png in a folder: one report, read from its first page; a lone picture and a
    set whose numbering has a gap are each their own."""
    from xxgk_lint.audit import walk
    from xxgk_lint.readers import read_report
    from xxgk_lint.readers.pageset import pages

    text, _, _, scan_pages_ = scanned
    folder = tmp_path / "2024年报"
    folder.mkdir()
    for k, image in enumerate(scan_pages_, 1):
        (folder / f"p{k}.png").write_bytes(png(image))
    (folder / "seal.png").write_bytes(png(scan_pages_[0]))
    (folder / "x1.jpg").write_bytes(b"")
    (folder / "x3.jpg").write_bytes(b"")                     # no x2: not a page set
    assert [p.name for p in pages(folder / "p1.png")] == ["p1.png", "p2.png"]
    assert pages(folder / "x1.jpg") == [folder / "x1.jpg"] and pages(folder / "p2.png") == [folder / "p2.png"]
    assert [os.path.basename(f) for f in walk([str(tmp_path)])] == ["p1.png", "seal.png", "x1.jpg", "x3.jpg"]
    report = read_report(str(folder / "p1.png"))
    assert all(report.tables[t].present for t in TABLES) and _cell_accuracy(text, report) == 1.0
    out = CliRunner().invoke(cli, ["audit", "--isolated", "--no-history", "-j", "1", "--quiet", "--jsonl",
                                   str(tmp_path / "out.jsonl"), "--include", "p*.png", str(folder)])
    files = {json.loads(line)["file"] for line in (tmp_path / "out.jsonl").read_text().splitlines()}
    assert out.exit_code in (0, 1) and files == {str(folder / "p1.png")}


def _picture_page(title: str, body: str) -> str:
    return (f"<html><body><div class='nav'><img src='/logo.png'>首页</div><div class='article'><h1>{title}</h1>"
            "<p>一、总体情况</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>"
            f"{body}<p>五、存在的主要问题及改进情况</p></div></body></html>")


def test_a_picture_inline_in_a_page_is_read(scanned, tmp_path):
    """A table pasted into a page's editor as a data: URI (no file beside the page)."""
    import base64

    from xxgk_lint.readers import read_report

    text, _, _, pages = scanned
    data = base64.b64encode(_picture_of_tables(pages)).decode()
    page = tmp_path / "r.html"
    page.write_text(_picture_page(text.meta.title, f'<p><img src="data:image/png;base64,{data}"></p>'
                                                   '<p><img src="data:image/png;base64,!!not base64"></p>'),
                    encoding="utf-8")
    report = read_report(str(page))
    assert report.reader == "html+ocr" and report.tables["t4"].numbers() == text.tables["t4"].numbers()


@pytest.fixture()
def picture_site(scanned):
    from tests.test_web_audit import _etagged
    from tests.webserver import Site

    text, _, _, pages = scanned
    site = Site()
    page = _picture_page(text.meta.title, '<p><img src="/upload/2024/t34.png" alt="表三表四"></p><p><img src="gone.jpg"></p>')
    site.routes["/report.html"] = _etagged(page.encode(), '"p1"')
    site.page = page.encode()
    site.routes["/upload/2024/t34.png"] = _etagged(_picture_of_tables(pages), '"i1"', "image/png")
    site.routes["/logo.png"] = (200, {"Content-Type": "image/png"}, _picture_of_tables(pages))
    yield site
    site.close()


def test_a_picture_table_on_a_fetched_page_is_fetched_and_read(scanned, picture_site, engine):
    from xxgk_lint.lint import lint_url
    from xxgk_lint.session import Session
    from xxgk_lint.web.fetch import Fetcher

    text, _, _, _ = scanned
    with Fetcher(delay=0, timeout=5) as fetcher:
        result = lint_url(picture_site.url("/report.html"), Session(), fetcher)
    assert result.error is None and result.report.reader == "html+ocr"
    assert result.report.tables["t4"].numbers() == text.tables["t4"].numbers()
    assert "TBL-IMAGE" not in {f.rule_id for f in result.findings}
    # the article's pictures only: the site's logo is not asked for; a missing one is no error
    assert picture_site.hits.get("/upload/2024/t34.png") == 1 and "/logo.png" not in picture_site.hits
    assert picture_site.hits.get("/gone.jpg") == 1


def test_an_audit_archives_a_page_s_pictures_and_reads_them_again_from_there(scanned, picture_site, tmp_path):
    import sqlite3

    from tests.test_web_audit import WEB

    text, _, _, _ = scanned
    (tmp_path / "h").mkdir()
    history = tmp_path / "h" / "history.sqlite"
    url = picture_site.url("/report.html")

    def audit(*args):
        out = tmp_path / f"{len(args)}.jsonl"
        r = CliRunner().invoke(cli, ["audit", "--isolated", "-q", "--history", str(history), *WEB,
                                     "--jsonl", str(out), *args, url])
        assert r.exit_code in (0, 1), r.output
        return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]

    first = audit()
    assert not [f for f in first if f["rule"] == "TBL-IMAGE"]
    with sqlite3.connect(history) as db:
        (pictures,) = db.execute("SELECT pictures FROM fetches").fetchone()
    sha = json.loads(pictures)["/upload/2024/t34.png"]["sha256"]
    assert (history.parent / "archive" / sha[:2] / sha).is_file()
    # the page unchanged (304), its picture too (asked with its own ETag: 304), the cache off:
    # read again from the archive, pictures too
    again = audit("--no-cache")
    assert sorted(f["rule"] for f in again) == sorted(f["rule"] for f in first)
    assert picture_site.hits["/upload/2024/t34.png"] == 2 and picture_site.hits["/report.html"] == 2
    with sqlite3.connect(history) as db:
        rows = db.execute("SELECT status, pictures FROM fetches ORDER BY id").fetchall()
    assert [s for s, _ in rows] == [200, 304] and rows[0][1] == rows[1][1]
    shown = CliRunner().invoke(cli, ["history", str(history), "--url", url])
    assert shown.exit_code == 0 and "pictures" in shown.output, shown.output


def test_fetch_keeps_a_page_s_pictures_and_the_saved_page_reads_with_them(scanned, picture_site, tmp_path):
    text, _, _, _ = scanned
    got = tmp_path / "got"
    out = CliRunner().invoke(cli, ["fetch", "--delay", "0", "-o", str(got), picture_site.url("/report.html")])
    assert out.exit_code == 0, out.output
    (entry,) = [json.loads(line) for line in (got / "fetch.jsonl").read_text(encoding="utf-8").splitlines()]
    saved = got / entry["file"]
    assert saved.read_bytes() == picture_site.page          # the page as published, srcs untouched
    (picture,) = entry["pictures"].values()
    assert (got / picture).is_file() and list(entry["pictures"]) == ["/upload/2024/t34.png"]
    checked = CliRunner().invoke(cli, ["check", "--format", "json", str(saved)])
    report = json.loads(checked.output)
    assert not [f for f in report["files"][0]["findings"] if f["rule"] == "TBL-IMAGE"], checked.output
    # the audit of the folder reads the page with its picture, not the picture as a report
    audited = CliRunner().invoke(cli, ["audit", "--isolated", "-q", "--no-history", str(got)])
    assert audited.exit_code in (0, 1) and "t34" not in audited.output, audited.output


def test_a_picture_replaced_under_the_same_src_is_a_changed_report(scanned, tmp_path):
    import io

    from PIL import Image

    from tests.test_web_audit import WEB, _etagged
    from tests.webserver import Site

    text, _, _, pages = scanned
    first, second = _picture_of_tables(pages), io.BytesIO()
    Image.open(io.BytesIO(first)).save(second, "PNG", compress_level=1)     # other bytes, same table
    served = [first]
    site = Site()
    # the page answers 304 every time after the first: only its picture changes
    site.routes["/r.html"] = _etagged(_picture_page(text.meta.title, '<p><img src="t34.png"></p>').encode(), '"p"')
    site.routes["/t34.png"] = lambda handler: _etagged(served[0], f'"{len(served[0])}"', "image/png")(handler)
    (tmp_path / "h").mkdir()
    try:
        def rules(n):
            out = tmp_path / f"{n}.jsonl"
            r = CliRunner().invoke(cli, ["audit", "--isolated", "-q", "--history", str(tmp_path / "h" / "h.sqlite"),
                                         *WEB, "--jsonl", str(out), site.url("/r.html")])
            assert r.exit_code in (0, 1), r.output
            return [json.loads(line)["rule"] for line in out.read_text(encoding="utf-8").splitlines()]

        assert "WEB-CHANGED" not in rules(1)
        assert "WEB-CHANGED" not in rules(2)          # the same page, the same picture: no change
        served[0] = second.getvalue()
        assert "WEB-CHANGED" in rules(3)
    finally:
        site.close()


def test_ocr_tells_which_page_it_reads(scanned, monkeypatch):
    """`check` shows "OCR 识别 …：第 n/N 页" on a terminal from this hook (seconds a page)."""
    from xxgk_lint.readers import ocr

    _, _, scan, _ = scanned
    seen = []
    monkeypatch.setattr(ocr, "progress", lambda n, total: seen.append((n, total)))
    read_data(scan, "scan.pdf")
    assert seen == [(1, 2), (2, 2)]


def test_a_figure_s_cell_is_decoded_as_a_figure_at_its_own_width():
    """A figure drawn in a cell is read over the digits only, and its crop keeps its own narrow
    width (RapidOCR padded every crop to 320 px); a line of text is read over every character."""
    import io

    import numpy as np
    import pypdfium2 as pdfium
    from reportlab.pdfgen import canvas

    from xxgk_lint.readers import ocr_rec

    def crop(text: str):          # the text as the generator's PDFs print it, at 200 dpi
        out = io.BytesIO()
        c = canvas.Canvas(out, pagesize=(12 * len(text) + 8, 18))
        c.setFont("STSong-Light", 12)
        c.drawString(4, 4, text)
        c.save()
        doc = pdfium.PdfDocument(out.getvalue())
        try:
            return np.asarray(doc[0].render(scale=200 / 72, grayscale=True).to_pil().convert("L"))
        finally:
            doc.close()

    assert ocr_rec._normalise(crop("7")).shape[2] < 100      # not widened to 320
    tiny = ocr_rec.recogniser("tiny")
    read = [text for text, _ in tiny.read([crop("2024"), crop("0"), crop("本年新收")])]
    assert read[0] == "2024" and read[1] == "0" and read[2] == "本年新收"
    # decoded as a figure, an "l" or "O" the recogniser half-sees cannot stand in a figure's cell
    probs = np.zeros((4, len(tiny.keys)), np.float32)
    probs[:, tiny.keys.index("l")] = 0.6
    probs[:, tiny.keys.index("1")] = 0.4
    assert tiny._decode(probs, False)[0] == "l" and tiny._decode(probs, True)[0] == "1"


def test_a_cell_the_recognisers_read_differently_is_doubted_and_its_error_a_warning(scanned, engine, monkeypatch):
    """The cascade: a first reading the tiny recogniser is unsure of is read again by the small
    one; where they differ the cell is doubted.  And an error resting on cells read once is
    checked against a second reading: a misread figure is never the body's error."""
    from xxgk_lint.readers import ocr_rec

    _, _, _, pages = scanned
    tiny = ocr_rec.recogniser("tiny")
    real_read = type(tiny).read

    def misread(self, crops):           # the tiny recogniser sure of a 3 where a 4 is printed
        out = real_read(self, crops)
        if self is tiny:
            out = [("3", 0.99) if text == "4" else (text, conf) for text, conf in out]
        return out

    monkeypatch.setattr(type(tiny), "read", misread)
    report = read_data(png(pages[-1]), "t34.png")
    doubted = [c for t in ("t3", "t4") for c in report.tables[t].cells.values()
               if c.loc is not None and c.raw == "3" and c.loc.ocr is not None]
    assert doubted                       # the misread cells are there, read once, sure
    findings = engine.check(report)
    assert any(f.severity == "error" for f in findings)       # first reading: identities fail
    from xxgk_lint.lint import _read_again

    session = type("S", (), {"engine": engine})()
    again = _read_again(report, findings, session, None)
    assert report._second_reading is None                     # the crops are let go
    wrong = [f for f in again if f.certain and f.severity == "error"]
    assert all(f.rule_id == "T4-SUM" for f in wrong)          # only the report's own defect stays
    lowered = [f for f in again if "两次识别不一致" in f.message("zh")]
    assert lowered and all(f.severity == "warning" for f in lowered)
    assert "「3」与「4」" in lowered[0].message("zh")

    # a disagreement inside the cascade: the first reading unsure, the second different
    monkeypatch.setattr(ocr_rec, "FIRST_SURE", 1.01)          # every first reading re-read
    monkeypatch.setattr(type(tiny), "read", lambda self, crops: [
        ("3", 0.5) if text == "4" and self is tiny else (text, conf) for text, conf in real_read(self, crops)])
    report = read_data(png(pages[-1]), "t34.png")
    cells = [c for t in ("t3", "t4") for c in report.tables[t].cells.values() if c.raw == "4"]
    # the small recogniser's reading stands, doubted, naming both
    assert cells and all(c.loc.doubt is not None and "「4」与「3」" in c.loc.doubt.zh for c in cells)


def test_a_paragraph_ocr_read_can_be_read_a_second_time(scanned, monkeypatch):
    """A prose finding's place on a scan is read again like a cell: its paragraph's lines by the
    second recogniser; a difference doubts the paragraph, shown where the readings differ."""
    from xxgk_lint.readers import ocr

    _, _, data, _ = scanned
    report = read_data(data, "scan.pdf")
    para = next(loc for sec in report.sections for _, loc in sec.parts if loc.ocr is not None and sec.key == 1)
    assert report._second_reading(para) is None or "两次识别不一致" in report._second_reading(para).zh
    monkeypatch.setattr(ocr, "second_reading", lambda crops: "完全不同的一段文字" * 3)
    why = report._second_reading(para)
    assert why is not None and why.zh.startswith("OCR 两次识别不一致：「…") and "完全不同" in why.zh


def test_a_150_dpi_scan_reads_as_its_text_version(scanned, engine):
    text, _, _, _ = scanned
    pdf = to_pdf(_broken_doc())
    scan = read_data(image_pdf(scan_pages(pdf, 150, random.Random(4)), 150), "scan150.pdf")
    assert _cell_accuracy(text, scan) >= 0.98

    def found(report):
        return sorted((f.rule_id, f.place.key()) for f in engine.check(report) if f.severity == "error")
    # what the 150 dpi reading gets wrong is said with its doubt, never as the body's error
    assert found(scan) == found(text)


def test_a_table_printed_as_a_picture_in_a_text_pdf_is_read(scanned):
    """Text pages with a text layer, then the tables' page pasted in as a JPEG picture."""
    import io

    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    text, _, _, pages = scanned
    jpeg = io.BytesIO()
    pages[-1].save(jpeg, "JPEG", quality=75)
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(595, 842))
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c.setFont("STSong-Light", 12)
    for y, line in ((800, text.meta.title), (770, "一、总体情况"), (750, "本年度主动公开政府信息100条。"),
                    (720, "三、收到和处理政府信息公开申请情况")):
        c.drawString(60, y, line)
    c.showPage()
    c.drawImage(ImageReader(io.BytesIO(jpeg.getvalue())), 0, 0, 595, 842)
    c.showPage()
    c.save()
    report = read_data(out.getvalue(), "mixed.pdf")
    assert report.reader == "pdf+ocr" and report.meta.title == text.meta.title
    assert report.tables["t4"].numbers() == text.tables["t4"].numbers()
    assert all(c.loc.ocr is not None for c in report.tables["t4"].cells.values() if c.state == "number")


def test_a_rule_broken_by_specks_is_one_rule():
    """A scanned rule with white specks in it (paper showing through) is still one line, and a
    row of figures or a short dash is not taken for a rule."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    from xxgk_lint.readers import ocr_layout

    scale = 300 / 72
    image = Image.new("L", (1200, 400), 225)
    draw = ImageDraw.Draw(image)
    draw.line((100, 100, 1100, 100), fill=40, width=2)
    for x in (300, 520, 521, 800):                   # specks: one or two pixels of paper
        draw.line((x, 99, x, 101), fill=250)
    draw.line((100, 250, 160, 250), fill=40, width=2)            # a dash, under a third of an inch
    draw.text((300, 220), "1000000  2111111  0", fill=40, font=ImageFont.load_default(size=44))
    rules = [r for r in ocr_layout.rules(np.asarray(image), scale)[0] if r["orientation"] == "h"]
    assert len(rules) == 1
    assert rules[0]["x0"] * scale <= 101 and rules[0]["x1"] * scale >= 1099


def test_a_real_web_report_printed_and_scanned_reads_as_its_page(engine, tmp_path):
    """A real report page (平潭 2022, ../shared/corpus/real/) printed by Chromium and scanned at
    200 dpi: its tables are drawn as the browser draws border=1 — each cell its own light grey
    box, two rules a point apart between cells, short borders around single figures — and read
    back cell for cell as the page itself reads; no error the page has not."""
    import shutil
    import subprocess

    from xxgk_lint.testing.corpus import shared_dir

    page = shared_dir(ROOT) / "corpus" / "real" / "pingtan-2022.html"
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not page.is_file() or chromium is None:
        pytest.skip("needs the shared real documents and chromium")
    pdf = tmp_path / "printed.pdf"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", page.resolve().as_uri()], capture_output=True, timeout=120)
    scan = read_data(image_pdf(scan_pages(pdf.read_bytes(), 200, random.Random(4)), 200), "scan.pdf")
    text = read_data(page.read_bytes(), page.name)

    def errors(report):
        return {(f.rule_id, f.place.key()) for f in engine.check(report) if f.severity == "error"}
    # the print itself, a text PDF, reads cell for cell (its tables broken over pages gave six
    # false errors before they were joined whole)
    printed = read_data(pdf.read_bytes(), "printed.pdf")
    assert _cell_accuracy(text, printed) == 1.0 and errors(printed) <= errors(text)
    assert errors(scan) <= errors(text)         # whatever the reading got wrong, no false error
    accuracy = _cell_accuracy(text, scan)
    if accuracy < 0.99:
        # measured with Debian's Chromium 150: its print breaks table 3 after its first row and
        # table 4 inside its header, and the rules of a row cut by the page's foot are too faint in
        # the scan to find, so those rows are lost (0.91); with Chromium 156 the breaks fell
        # elsewhere and every cell read right.  The text PDF of the same print reads every cell.
        pytest.xfail(f"cells {accuracy:.2f}: rows at a scanned page's foot, cut by the break, are lost")
    assert accuracy >= 0.99
