"""Reports whose title line is not in the text (web extraction drops it, mirror sites lose it):
the body, its kind, the year and the period are read from the sentences, each marked as the
reading it is.  Shapes from real pages outside the corpus, in our own words and figures."""

from __future__ import annotations

import pytest

from xxgk_lint.readers import read_text

_TAIL = "\n六、其他需要报告的事项\n本年度未收取信息处理费。\n"


def _meta(text: str):
    return read_text(text + _TAIL, "page.txt").meta


@pytest.mark.parametrize("opening,body,kind,source", [
    # the publishing sentence names the place alone, the report right after it
    ("根据《条例》规定，现公布示例自治县2021年度政府信息公开工作年度报告。", "示例自治县", "government", "text"),
    ("根据《条例》规定，现发布《示例区2024年政府信息公开工作年度报告》。", "示例区", "government", "text"),
    ("根据《条例》规定，现公开区人民政府办公室2024年政府信息公开工作年度报告。", "区人民政府办公室", "department", "text"),
    # 由BODY根据《…》编制: the cited title between them is no part of the sentence
    ("本年度报告由示例省机关事务管理局根据《中华人民共和国政府信息公开条例》以及国务院办公厅政府信息与"
     "政务公开办公室《关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》要求编制而成。",
     "示例省机关事务管理局", "department", "text"),
    # the subject of a sentence: no year before it, or an adverbial phrase between
    ("一、总体情况\n区统计局紧紧围绕中心工作，扎实推进政府信息公开。", "区统计局", "department", "opening"),
    ("一、总体情况\n2022年，在区委区政府的正确领导下，示例经济开发区管理委员会认真贯彻《条例》。",
     "示例经济开发区管理委员会", "zone", "opening"),
    ("一、总体情况\n（一）主动公开\n2024年，示例街道办事处秉持认真负责的态度，及时公开信息。",
     "示例街道办事处", "township", "opening"),
    # who answers for it, an address in brackets before 联系: a body, but not a certain one
    ("如对本报告有疑问，请与示例县林业局办公室（地址：示例县人民路1号，电话：0000-1234567）联系。",
     "示例县林业局", "department", "contact"),
])
def test_the_body_named_only_in_a_sentence(opening, body, kind, source):
    m = _meta(opening + "\n一、总体情况\n2023年，本机关坚持公开为常态。")
    assert (m.body, m.kind, m.body_source) == (body, kind, source)
    assert ("body" in m.doubts) == (source == "contact")


@pytest.mark.parametrize("text,kind", [
    ("2023年，我局坚持公开为常态，我县各项工作顺利。", "department"),
    ("2023年，我镇坚持公开为常态。", "township"),
    ("2023年，我街道坚持公开为常态。", "township"),
    ("2023年，我县坚持公开为常态。", "government"),
    ("2023年，我委坚持公开为常态，管委会门户网站及时更新。", "zone"),
    ("2023年，我委坚持公开为常态。", "department"),
])
def test_the_kind_from_how_a_nameless_report_speaks_of_itself(text, kind):
    m = _meta("一、总体情况\n" + text)
    assert m.body == "" and m.kind == kind and "自称" in m.doubts["kind"].zh


def test_a_report_that_speaks_as_two_kinds_gets_none():
    m = _meta("一、总体情况\n2023年，我局指导我镇做好公开工作。")
    assert m.kind == "unknown" and "kind" not in m.doubts


def test_a_deadline_resting_on_a_kind_from_self_reference_is_a_warning(engine):
    r = read_text("发布日期：2024-03-20\n一、总体情况\n2023年，我局坚持公开为常态。" + _TAIL, "page.txt")
    late = [f for f in engine.check(r) if f.rule_id == "DATE-DEADLINE"]
    assert [f.severity for f in late] == ["warning"] and "自称" in late[0].message("zh")


def test_the_year_from_a_sentence_of_the_overview():
    m = _meta("一、总体情况\n（一）主动公开\n按要求公开各类文件。\n（二）依申请公开\n2022年共收到8项申请，均按时答复。"
              "2018年以来未发生行政复议。")
    assert m.year == 2022 and "year" in m.doubts


def test_no_year_from_an_overview_whose_sentences_disagree():
    m = _meta("一、总体情况\n2022年共收到8项申请。2021年共收到6项申请。")
    assert m.year is None


@pytest.mark.parametrize("sentence,start,end", [
    ("本报告所列数据的统计期限从2023年1月1日至12月31止。", "2023-01-01", "2023-12-31"),
    ("本报告所列数据的统计期限自2020年1月1日起至202020年12月31日止。", "2020-01-01", "2020-12-31"),
    ("本报告所列数据的统计期限自2023年1月1日起至202023年12月31日止。", "2023-01-01", "2023-12-31"),
])
def test_a_period_with_its_last_day_sign_lost_or_a_year_doubled_is_read_and_doubted(engine, sentence, start, end):
    r = read_text("示例县教育局2023年政府信息公开工作年度报告\n" + sentence + "\n一、总体情况\n正文。" + _TAIL, "r.txt")
    assert (str(r.meta.period_start), str(r.meta.period_end)) == (start, end)
    rules = {f.rule_id for f in engine.check(r)}
    assert "META-PERIOD-MALFORMED" in rules and "META-PERIOD-MISSING" not in rules


def test_a_missing_title_line_is_only_a_note_when_the_text_names_the_report_in_full(engine):
    named = "根据《条例》规定，现发布《示例区2024年政府信息公开工作年度报告》。\n一、总体情况\n正文。" + _TAIL
    found = [f for f in engine.check(read_text(named, "r.txt")) if f.rule_id == "META-TITLE-MISSING"]
    assert [f.severity for f in found] == ["info"] and "示例区2024年政府信息公开工作年度报告" in found[0].message("zh")
    bare = "一、总体情况\n正文。" + _TAIL
    found = [f for f in engine.check(read_text(bare, "r.txt")) if f.rule_id == "META-TITLE-MISSING"]
    assert [f.severity for f in found] == ["warning"] and found[0].doubt is None


def test_a_name_with_the_year_first_is_the_report_named_in_full(engine):
    text = "根据《条例》规定，特向社会公布2022年度示例市生态环境局示例分局政府信息公开工作年度报告。\n一、总体情况\n正文。" + _TAIL
    r = read_text(text, "r.txt")
    assert r.meta.named_report == "2022年度示例市生态环境局示例分局政府信息公开工作年度报告"


def test_a_title_line_whose_last_words_are_scrambled_is_a_title_worded_wrong(engine):
    text = "示例县示例镇2023年政府信息公开 工作告年度报\n一、总体情况\n正文。" + _TAIL
    r = read_text(text, "r.txt")
    assert (r.meta.body, r.meta.kind, r.meta.year) == ("示例县示例镇", "township", 2023)
    rules = {f.rule_id for f in engine.check(r)}
    assert "META-TITLE-WORDING" in rules and "META-TITLE-MISSING" not in rules
