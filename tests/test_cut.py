"""Documents that are not whole (readers.cut): cut only where the text shows it, and then
nothing outside what it holds is reported missing."""

from __future__ import annotations

from xxgk_lint.readers import read_text

_HEAD = ("示例县教育局2023年政府信息公开工作年度报告\n本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。\n"
         "一、总体情况\n2023年，示例县教育局坚持公开为常态。\n五、存在的主要问题及改进情况\n存在问题。下一步将改进。\n"
         "六、其他需要报告的事项\n")


def _rules(engine, text):
    return {f.rule_id for f in engine.check(read_text(text, "r.txt"))}


def test_a_page_that_stops_after_its_lists_first_item_before_the_last_section_is_cut(engine):
    text = _HEAD.split("六、")[0].replace("存在问题。下一步将改进。", "（一）存在的问题：信息更新不够及时。") + "?\n"
    r = read_text(text, "r.txt")
    assert r.cut is not None and r.cut.end == 5 and "列表第一项" in r.cut.end_at.zh
    found = engine.check(r)
    assert "READ-CUT" in {f.rule_id for f in found}
    # 二–四 are missing from what the page holds; 六, after the cut, is not said to be
    assert sorted(f.place.section for f in found if f.rule_id == "SEC-MISSING") == [2, 3, 4]


def test_a_last_section_with_one_numbered_matter_is_whole(engine):
    # a whole report may end on its one numbered matter; 六 holding one item is no sign of a cut
    text = _HEAD + "1.本机关本年度未收取信息处理费。\n"
    assert read_text(text, "r.txt").cut is None
    assert "READ-CUT" not in _rules(engine, text)


def test_a_list_with_its_second_item_is_whole(engine):
    text = _HEAD + "（一）通过信用网站依法公开建设项目信息27条。\n（二）本年度未收取信息处理费。\n"
    assert read_text(text, "r.txt").cut is None
    assert "READ-CUT" not in _rules(engine, text)


def test_a_section_of_prose_ending_cleanly_is_whole(engine):
    text = _HEAD + "本年度未收取信息处理费。\n"
    assert read_text(text, "r.txt").cut is None


def test_a_page_that_stops_mid_sentence_before_the_last_section_is_cut(engine):
    text = _HEAD.split("五、")[0] + "（一）主动公开。全年公开信息120条，其中"
    r = read_text(text, "r.txt")
    assert r.cut is not None and r.cut.end == 1
    rules = _rules(engine, text)
    assert "READ-CUT" in rules and not {"SEC-MISSING", "SEC6-FEE"} & rules
