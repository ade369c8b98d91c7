"""HTML, Word and text in any encoding: the same figures must give the same model and the
same findings, whatever the document looks like."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xxgk_lint.cli import cli
from xxgk_lint.extract import to_yaml as extract_yaml
from xxgk_lint.model import BLANK, NUMBER, PLACEHOLDER, InputError, Report
from xxgk_lint.readers import read_data
from xxgk_lint.readers.structured import read
from tests.generators.documents import to_docx, to_html, to_pdf, to_pipe_text
from tests.generators.generate import consistent_doc, to_yaml

from .conftest import ROOT, SEED

TEMPLATE_DOCX = Path(__file__).parent / "fixtures" / "template-2021-blank.docx"
FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                      HealthCheck.function_scoped_fixture])


def renderings(doc) -> dict[str, Report]:
    out = {
        "yaml": read_data(to_yaml(doc).encode(), "r.yaml"),
        "pipe": read_data(to_pipe_text(doc).encode(), "r.txt"),
        "gb18030": read_data(to_pipe_text(doc).encode("gb18030"), "r-gb.txt"),
        "html": read_data(to_html(doc).encode(), "r.html"),
        "docx": read_data(to_docx(doc), "r.docx"),
        "pdf": read_data(to_pdf(doc), "r.pdf"),
    }
    if doc["meta"].get("template", "2021") == "2021":
        out["docx-template"] = read_data(to_docx(doc, TEMPLATE_DOCX), "t.docx")
    return out


def model(r: Report):
    cells = {(t, k): (c.value, c.state) for t, tab in r.tables.items() for k, c in tab.cells.items()}
    sections = [(s.key, s.heading, s.numeral, s.form, s.text) for s in r.sections if s.key]
    m = r.meta
    meta = (m.title, m.body, m.kind, m.year, m.published, m.period_start, m.period_end, m.template)
    return cells, sections, meta


@pytest.mark.parametrize("template", ["2021", "2019"])
@pytest.mark.parametrize("seed", range(4))
def test_same_figures_same_model_in_every_format(engine, template, seed):
    reports = renderings(consistent_doc(random.Random(seed), template))
    expected = model(reports["yaml"])
    for name, report in reports.items():
        assert model(report) == expected, name
        assert engine.check(report) == [], name
        assert report.notes == [], name


def test_same_error_found_at_the_same_cell_in_every_format(engine):
    doc = consistent_doc(random.Random(9))
    doc["tables"]["t3"]["withheld_process"][0] += 2
    for name, report in renderings(doc).items():
        found = {(f.rule_id, f.place.row, f.place.col) for f in engine.check(report)}
        assert found == {("T3-ROW-SUM", "withheld_process", "total"),
                         ("T3-RESULT-TOTAL", "result_total", "natural_person")}, name


def test_html_cell_location_is_its_td():
    report = read_data(to_html(consistent_doc(random.Random(1))).encode(), "r.html")
    lines = report.lines
    for cell in list(report.tables["t3"].cells.values())[:20]:
        assert lines[cell.loc.line - 1][cell.loc.col - 1:cell.loc.col + 2].lower() == "<td"


def test_docx_cell_location_is_table_row_and_column():
    report = read_data(to_docx(consistent_doc(random.Random(1)), TEMPLATE_DOCX), "t.docx")
    cell = report.tables["t3"].cell("new_received", "natural_person")
    assert (cell.loc.table, cell.loc.row, cell.loc.cell) == (2, 4, 4)
    assert report.lines[cell.loc.line - 1][cell.loc.col - 1:cell.loc.end_col - 1] == cell.raw
    t4 = report.tables["t4"].cell("litigation_after", "total")
    assert (t4.loc.table, t4.loc.row, t4.loc.cell) == (3, 4, 15)


# --------------------------------------------------------------------------- messy documents
def _html_with(doc, old: str, new: str) -> Report:
    text = to_html(doc)
    assert old in text
    return read_data(text.replace(old, new, 1).encode(), "m.html")


def test_html_blank_and_slash_cells_stay_states():
    doc = consistent_doc(random.Random(2))
    doc["tables"]["t4"]["litigation_after"] = ["/", None, 0, 0, 0]
    t4 = read_data(to_html(doc).encode(), "m.html").tables["t4"]
    assert t4.cell("litigation_after", "upheld").state == PLACEHOLDER
    assert t4.cell("litigation_after", "corrected").state == BLANK
    assert t4.cell("litigation_after", "other").state == NUMBER


def test_html_layout_table_and_gbk_charset(engine):
    doc = consistent_doc(random.Random(3))
    page = to_html(doc).replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gbk">')
    page = page.replace('<div class="article">', '<table class="layout"><tr><td><div class="article">')
    page = page.replace('<div class="footer">', '</td></tr></table><div class="footer">')
    report = read_data(page.encode("gbk"), "gbk.html")
    assert report.encoding == "gb18030"
    assert model(report) == model(read(to_yaml(doc), "r.yaml"))
    assert engine.check(report) == []


def test_html_table_as_image(engine):
    doc = consistent_doc(random.Random(4))
    text = to_html(doc)
    start = text.index("<table", text.index("三、收到和处理"))
    end = text.index("</table>", start) + len("</table>")
    report = read_data((text[:start] + '<p><img src="table3.png"></p>' + text[end:]).encode(), "img.html")
    assert report.tables["t3"].form == "image"
    assert [f.rule_id for f in engine.check(report)] == ["TBL-IMAGE"]


def test_html_missing_section_and_traditional_characters(engine):
    import opencc

    doc = consistent_doc(random.Random(5))
    doc["sections"] = [s for s in doc["sections"] if not s["heading"].startswith("五")]
    traditional = opencc.OpenCC("s2t").convert(to_html(doc))
    assert "總體情況" in traditional and "結轉下年度繼續辦理" in traditional
    report = read_data(traditional.encode(), "trad.html")
    assert {f.rule_id for f in engine.check(report)} == {"SEC-MISSING"}
    assert report.tables["t3"].cell("carried_forward", "total").state == NUMBER
    # matched as simplified; the source lines shown in diagnostics stay as written
    assert report.section(1).heading == "一、总体情况"
    assert any("一、總體情況" in line for line in report.lines)


def test_docx_from_scratch_with_messy_cells_and_missing_section(engine):
    doc = consistent_doc(random.Random(6))
    doc["tables"]["t2"]["penalty"]["decisions"] = "—"
    doc["sections"] = [s for s in doc["sections"] if not s["heading"].startswith("六")]
    report = read_data(to_docx(doc), "m.docx")
    assert report.tables["t2"].cell("penalty", "decisions").state == PLACEHOLDER
    assert {f.rule_id for f in engine.check(report)} == {"SEC-MISSING", "CELL-NOT-NUMBER"}


def test_docx_table_as_image(engine):
    import docx

    doc = consistent_doc(random.Random(7))
    data = to_docx(doc)
    d = docx.Document(io.BytesIO(data))
    t4 = d.tables[2]._tbl
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))
    para = d.add_paragraph()
    para.add_run().add_picture(io.BytesIO(png))
    t4.addprevious(para._p)
    t4.getparent().remove(t4)
    out = io.BytesIO()
    d.save(out)
    report = read_data(out.getvalue(), "img.docx")
    assert report.tables["t4"].form == "image"
    assert [f.rule_id for f in engine.check(report)] == ["TBL-IMAGE"]


def test_plain_text_tables_read_like_pipe_text():
    doc = consistent_doc(random.Random(8))
    pipe = to_pipe_text(doc)

    def cells(line: str) -> list[str]:
        parts = [p.strip() for p in line.split("|")]
        return parts[:-1] if not parts[-1] else parts

    tabs = "\n".join("\t".join(cells(l)) if "|" in l else l for l in pipe.splitlines())
    per_cell = "\n".join("\n".join(c for c in cells(l) if c) if "|" in l else l for l in pipe.splitlines())
    expected = model(read_data(pipe.encode(), "p.txt"))[0]
    for name, text in (("tabs", tabs), ("one cell per line", per_cell)):
        report = read_data(text.encode(), f"{name}.txt")
        assert model(report)[0] == expected, name


def test_space_aligned_table():
    text = """二、主动公开政府信息情况
信息内容        本年制发件数    本年废止件数    现行有效件数
规章            0               0               1
行政规范性文件  11              2               53
"""
    t2 = read_data(text.encode(), "s.txt").tables["t2"]
    assert [t2.cell("normative_docs", c).value for c in ("issued", "repealed", "in_force")] == [11, 2, 53]


def test_table_text_without_structure_is_reported_not_guessed(engine):
    text = "三、收到和处理政府信息公开申请情况\n本年新收申请 64 0 0 0 0 0 64 上年结转 0 0 0 0 0 0 0 办理结果 64 0 0\n"
    report = read_data(text.encode(), "u.txt")
    assert report.tables["t3"].form == "unreadable"
    assert "TBL-UNREADABLE" in {f.rule_id for f in engine.check(report)}


# --------------------------------------------------------------------------- extract
def _fixtures():
    doc = consistent_doc(random.Random(10))
    doc["tables"]["t3"]["new_received"][1] = "/"
    doc["tables"]["t4"]["reconsideration"][4] += 1
    yield "seed", SEED.read_bytes(), "seed.txt"
    yield "broken", (ROOT / "examples" / "broken-2021.txt").read_bytes(), "broken.txt"
    yield "yaml", (ROOT / "examples" / "report-2021.yaml").read_bytes(), "r.yaml"
    yield "html", to_html(doc).encode(), "d.html"
    yield "docx", to_docx(doc, TEMPLATE_DOCX), "d.docx"
    yield "2019 docx", to_docx(consistent_doc(random.Random(11), "2019")), "d19.docx"
    yield "pdf", to_pdf(doc, push_down=26), "d.pdf"
    yield "unruled pdf", to_pdf(doc, ruled=False, push_down=26, valign="TOP"), "u.pdf"
    old = consistent_doc(random.Random(12), "2019")
    old["meta"]["year"] = 2023
    yield "2019 tables in 2023", to_pipe_text(old).encode(), "old.txt"
    yield "unknown row", "二、主动公开政府信息情况\n规章 | 0 | 0 | 0 |\n地方性法规 | 1 | 0 | 1 |\n".encode(), "u.txt"


@pytest.mark.parametrize("name,data,path", list(_fixtures()), ids=[f[0] for f in _fixtures()])
def test_check_on_the_extract_equals_check_on_the_original(engine, name, data, path):
    original = read_data(data, path)
    extracted = read(extract_yaml(original), "extracted.yaml")

    def key(report):
        return sorted((f.rule_id, f.place.key(), f.message("zh")) for f in engine.check(report))

    assert key(extracted) == key(original)
    assert model(extracted)[0] == model(original)[0]


def test_extract_command(tmp_path):
    out = tmp_path / "seed.yaml"
    result = CliRunner().invoke(cli, ["extract", str(SEED), "-o", str(out)])
    assert result.exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "new_received: [64, 0, 0, 0, 0, 0, 64]" in text and "body: 耒阳市人民政府" in text
    result = CliRunner().invoke(cli, ["extract", str(out), "-o", str(out)])
    assert result.exit_code == 2 and "refusing to overwrite" in result.output
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "missing.docx")])
    assert result.exit_code == 2 and "file not found" in result.output


# --------------------------------------------------------------------------- robustness
cell_values = st.one_of(st.integers(0, 10**7), st.sampled_from(["/", "-", "无", None, "0.0", "12件"]))


@FAST
@given(values=st.lists(cell_values, min_size=15, max_size=15), seed=st.integers(0, 1000))
def test_random_cells_round_trip_through_html_and_docx(values, seed):
    doc = consistent_doc(random.Random(seed))
    doc["tables"]["t4"] = {"reconsideration": values[:5], "litigation_direct": values[5:10],
                           "litigation_after": values[10:]}
    expected = model(read(to_yaml(doc), "r.yaml"))[0]
    assert model(read_data(to_html(doc).encode(), "r.html"))[0] == expected
    assert model(read_data(to_docx(doc), "r.docx"))[0] == expected


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=3000), name=st.sampled_from(["x.html", "x.docx", "x.txt", "x.yaml"]))
def test_arbitrary_bytes_end_in_a_model_or_a_clean_error(data, name):
    for blob in (data, b"PK\x03\x04" + data, b"<html><body>" + data):
        try:
            assert isinstance(read_data(blob, name), Report)
        except InputError:
            pass


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize("name,data,message", [
    ("truncated.docx", None, "not a valid .docx"),
    ("bomb.docx", "bomb", "zip bomb"),
    ("nodoc.docx", "nodoc", "no word/document.xml"),
])
def test_bad_word_files_are_one_line_exit_2(tmp_path, name, data, message):
    if data is None:
        full = to_docx(consistent_doc(random.Random(1)))
        data = full[:len(full) // 2]
    elif data == "bomb":
        data = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<" + b"\0" * (80 * 1024 * 1024)})
    else:
        data = _zip({"hello.txt": b"hi"})
    path = tmp_path / name
    path.write_bytes(data)
    result = CliRunner().invoke(cli, ["check", "--isolated", str(path)])
    assert result.exit_code == 2 and message in result.output, result.output
    assert [line for line in result.output.splitlines() if line.startswith("xxgk-lint: error:")] == \
        [f"xxgk-lint: error: {path}: " + result.output.split(f"{path}: ", 1)[1].splitlines()[0]]


def test_the_other_files_of_a_batch_are_still_checked(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04garbage")
    good = tmp_path / "good.html"
    good.write_text(to_html(consistent_doc(random.Random(2))), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--isolated", "--format", "concise", str(bad), str(good)])
    assert result.exit_code == 2
    assert "bad.docx: not a valid .docx" in result.output and "检查文件 2 个" in result.output
