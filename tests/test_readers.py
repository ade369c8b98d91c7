"""Readers: pipe-text variants real documents contain, metadata, YAML locations."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from xxgk_lint.model import BLANK, MISSING, NUMBER, PLACEHOLDER, TEXT, InputError
from xxgk_lint.readers import read_report, read_text
from xxgk_lint.readers.body import issuer_kind
from xxgk_lint.readers.structured import read
from tests.generators.documents import t3_lines, to_pipe_text
from tests.generators.generate import consistent_doc, to_yaml
from xxgk_lint.values import parse_cell


@pytest.mark.parametrize("raw,value,state", [
    ("12", 12, NUMBER), (" 1,234 ", 1234, NUMBER), ("０", 0, NUMBER), ("0.0", 0.0, NUMBER), ("14.975", 14.975, NUMBER),
    ("-3", -3, NUMBER), ("12件", 12, NUMBER), ("251000元", 251000, NUMBER), ("", None, BLANK), ("  ", None, BLANK),
    ("/", None, PLACEHOLDER), ("-", None, PLACEHOLDER), ("—", None, PLACEHOLDER), ("——", None, PLACEHOLDER),
    ("无", None, PLACEHOLDER), ("若干", None, TEXT), ("1 2", 12, NUMBER), (None, None, BLANK),
])
def test_cell_values_keep_blank_and_placeholder_apart_from_zero(raw, value, state):
    assert parse_cell(raw) == (value, state)


def _t3_doc(**changes):
    doc = consistent_doc(random.Random(7))
    return doc, "\n".join(["三、收到和处理政府信息公开申请情况", *t3_lines(doc["tables"]["t3"], "2021")])


def test_spaced_labels_repeated_groups_and_fullwidth_punctuation_read_the_same():
    doc, text = _t3_doc()
    messy = (text.replace("（一）予以公开", "(一) 予 以 公 开")
             .replace("1.本机关不掌握相关政府信息", "三、本年度办理结果 | （四）无法提供 | 1 . 本机关不掌握相关政府信息")
             .replace("（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                      "(二)部分公开(区分处理的,只计这一情形,不计其他情形)")
             .replace("危及“三安全一稳定”", '危及"三安全一稳定"'))
    a, b = read_text(text, "a.txt").tables["t3"], read_text(messy, "b.txt").tables["t3"]
    assert {k: c.value for k, c in a.cells.items()} == {k: c.value for k, c in b.cells.items()}
    assert all(c.state == NUMBER for c in b.cells.values())


@pytest.mark.parametrize("fused", [
    ("（三）不予公开 | 1.属于国家秘密", "（三）不予公开1.属于国家秘密"),
    ("（四）无法提供 | 1.本机关不掌握相关政府信息", "（四）无法提供 1.本机关不掌握相关政府信息"),
    ("（六）其他处理 | 1.申请人无正当理由", "（六）其他处理1.申请人无正当理由"),
    ("三、本年度办理结果 | （一）予以公开", "三、本年度办理结果（一）予以公开"),
])
def test_group_label_fused_with_the_first_sub_row_label(fused):
    """One cell for both labels (a lost cell border, a text extraction): still that sub-row,
    and "（六）其他处理1.…" is not the 2019 template's single （六） row."""
    doc, text = _t3_doc()
    separate, one_cell = fused
    assert separate in text
    a = read_text(text, "a.txt")
    b = read_text(text.replace(separate, one_cell), "b.txt")
    assert {k: c.value for k, c in a.tables["t3"].cells.items()} == {k: c.value for k, c in b.tables["t3"].cells.items()}
    assert b.notes == [] and b.template == a.template


def test_rows_are_matched_by_label_not_position():
    doc, text = _t3_doc()
    lines = text.splitlines()
    body = lines[4:]                  # after heading and three header rows
    shuffled = "\n".join([*lines[:4], *reversed(body)])
    a, b = read_text(text, "a.txt").tables["t3"], read_text(shuffled, "b.txt").tables["t3"]
    assert {k: c.value for k, c in a.cells.items()} == {k: c.value for k, c in b.cells.items()}


def test_org_columns_follow_the_header_order():
    text = """三、收到和处理政府信息公开申请情况
自然人 | 法人或其他组织 | 总计 |
科研机构 | 商业企业 | 社会公益组织 | 法律服务机构 | 其他 |
一、本年新收政府信息公开申请数量 | 1 | 2 | 3 | 4 | 5 | 6 | 21 |"""
    t3 = read_text(text).tables["t3"]
    assert t3.cell("new_received", "research").value == 2 and t3.cell("new_received", "commercial").value == 3


def test_blank_placeholder_and_missing_cells_are_states():
    text = """三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量 | 1 |  | / | 无 | - | 0 | |
二、上年结转政府信息公开申请数量 | 0 | 0 |
六、其他需要报告的事项
无。"""
    r = read_text(text)
    t3 = r.tables["t3"]
    states = [t3.cell("new_received", c.id).state for c in t3.spec.cols]
    assert states == [NUMBER, BLANK, PLACEHOLDER, PLACEHOLDER, PLACEHOLDER, NUMBER, BLANK]
    assert t3.cell("new_received", "commercial").value is None     # never 0
    assert t3.cell("carried_over_prev", "research").state == MISSING
    assert [n.code for n in r.notes] == ["short-row"]


def test_unknown_rows_are_notes_not_crashes():
    text = """二、主动公开政府信息情况
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
规章 | 0 | 0 | 0 |
地方性法规 | 1 | 0 | 1 |"""
    r = read_text(text)
    assert [(n.code, n.args["label"]) for n in r.notes] == [("unknown-row", "地方性法规")]
    assert r.tables["t2"].cell("regulations", "in_force").state == NUMBER


def test_template_2019_detected_from_the_tables():
    doc = consistent_doc(random.Random(3), "2019")
    r = read_text(to_pipe_text(doc))
    assert r.meta.template == "2019"
    assert r.tables["t2"].spec.version == "2019" and r.tables["t3"].spec.version == "2019"
    assert r.tables["t2"].cell("licensing", "change").value == doc["tables"]["t2"]["licensing"]["change"]


def test_t4_header_split_character_by_character_in_a_full_grid():
    head_a = " | ".join(["行政复议"] * 5 + ["行政诉讼"] * 10) + " |"
    head_b = " | ".join(["结", "结", "其", "尚", "总"] * 3) + " |"
    head_c = " | ".join(["果", "果", "他", "未", "计"] * 3) + " |"
    head_d = " | ".join(["维持", "纠正", "结果", "审结", ""] * 3) + " |"
    data = " | ".join(str(i) for i in range(15)) + " |"
    text = "\n".join(["四、政府信息公开行政复议、行政诉讼情况", head_a, head_b, head_c, head_d, data])
    r = read_text(text)
    t4 = r.tables["t4"]
    assert [t4.cell("litigation_after", c).value for c in ("upheld", "corrected", "other", "pending", "total")] \
        == [10, 11, 12, 13, 14]
    assert r.notes == []


def test_t4_columns_follow_a_reordered_header():
    text = """四、政府信息公开行政复议、行政诉讼情况
行政复议 | 行政诉讼 |
总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 未经复议直接起诉 | 复议后起诉 |
总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 |
3 | 1 | 1 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"""
    t4 = read_text(text).tables["t4"]
    assert t4.cell("reconsideration", "total").value == 3 and t4.cell("reconsideration", "pending").value == 0


@pytest.mark.parametrize("lines,title,body,kind,year,published", [
    (["示例市人民政府2023年政府信息公开工作年度报告", "（2024年3月1日）"],
     "示例市人民政府2023年政府信息公开工作年度报告", "示例市人民政府", "government", 2023, dt.date(2024, 3, 1)),
    (["2022年示例县教育局政府信息公开工作年度报告", "发布日期：2023-01-15"],
     "2022年示例县教育局政府信息公开工作年度报告", "示例县教育局", "department", 2022, dt.date(2023, 1, 15)),
    (["索引号：000/2024-01  发布机构：示例镇人民政府  发文日期：2024年01月20日", "示例镇2023年政务公开工作年度报告"],
     "示例镇2023年政务公开工作年度报告", "示例镇人民政府", "township", 2023, dt.date(2024, 1, 20)),
])
def test_metadata_from_the_first_lines(lines, title, body, kind, year, published):
    r = read_text("\n".join([*lines, "一、总体情况", "本年度工作。"]))
    m = r.meta
    assert (m.title, m.body, m.kind, m.year, m.published) == (title, body, kind, year, published)


def test_a_date_that_cannot_exist_is_kept_raw():
    r = read_text("示例县2023年政府信息公开工作年度报告\n（2024年2月30日）\n一、总体情况\n正文。")
    assert r.meta.published is None and r.meta.published_raw == "2024年2月30日"


@pytest.mark.parametrize("body,kind", [
    ("示例市人民政府", "government"), ("示例县教育局", "department"), ("示例市人民政府办公室", "department"),
    ("示例镇人民政府", "township"), ("示例街道办事处", "township"), ("示例市发展和改革委员会", "department"),
    ("示例大学", "other"), ("", "unknown"),
])
def test_issuer_kind_from_the_name(body, kind):
    assert issuer_kind(body) == kind


def test_yaml_cells_and_section_text_point_at_their_line(tmp_path):
    doc = consistent_doc(random.Random(5))
    text = to_yaml(doc)
    r = read(text, "r.yaml")
    lines = text.splitlines()
    cell = r.tables["t3"].cell("withheld_process", "total")
    assert lines[cell.loc.line - 1][cell.loc.col - 1:cell.loc.end_col - 1] == str(cell.value)
    sec = r.section(5)
    i = sec.text.index("改进措施")
    loc = sec.locate(i, i + 4)
    assert lines[loc.line - 1][loc.col - 1:loc.end_col - 1] == "改进措施"


def test_pipe_text_section_locations():
    text = "标题\n一、总体情况\n第一段。\n  第二段，考核。\n"
    r = read_text(text)
    sec = r.section(1)
    i = sec.text.index("考核")
    loc = sec.locate(i, i + 2)
    assert (loc.line, loc.col) == (4, 7)


def test_structured_and_pipe_text_give_the_same_model():
    doc = consistent_doc(random.Random(11))
    a, b = read(to_yaml(doc), "a.yaml"), read_text(to_pipe_text(doc), "b.txt")
    for tid in ("t2", "t3", "t4"):
        assert {k: (c.value, c.state) for k, c in a.tables[tid].cells.items()} == \
               {k: (c.value, c.state) for k, c in b.tables[tid].cells.items()}
    for attr in ("body", "kind", "year", "published", "period_start", "period_end", "template"):
        assert getattr(a.meta, attr) == getattr(b.meta, attr), attr
    assert [(s.key, s.heading) for s in a.sections] == [(s.key, s.heading) for s in b.sections]


def test_utf16_and_bom_are_read(tmp_path):
    text = to_pipe_text(consistent_doc(random.Random(2)))
    for enc, data in (("utf-16", text.encode("utf-16")), ("utf-8-sig", text.encode("utf-8-sig"))):
        p = tmp_path / f"r-{enc}.txt"
        p.write_bytes(data)
        assert read_report(str(p)).meta.year is not None


def test_directory_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="directory"):
        read_report(str(tmp_path))


@pytest.mark.parametrize("line,image", [
    ("d5b5f316b2d8c8b60cedb05304df1cf", True),       # a picture's hex id where the table stands
    ("1675156994710", True),                          # a picture named by its time in milliseconds
    ("表二.png", True),
    ("075512345678", False),                          # a telephone number is no picture
    ("13912345678", False),
])
def test_a_picture_id_where_a_table_stands_makes_the_table_an_image(line, image):
    r = read_text("二、主动公开政府信息情况\n" + line + "\n三、收到和处理政府信息公开申请情况\n正文。")
    t2 = r.tables.get("t2")
    assert (t2 is not None and t2.form == "image") == image
