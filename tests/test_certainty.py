"""A finding may only be as certain as the reading it rests on: an error needs values read for
certain.  Every recovery the readers make (a label matched despite a typo, a header read by
position, a period whose 年 was dropped, a year on weak evidence, a kind of body its name does
not settle, a table-3 total derived from its columns) marks what it read, and a finding resting
on it is at most a warning that names the reading."""

from __future__ import annotations

from xxgk_lint.readers import read_text

from .conftest import SEED

ROW = "5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"


def _seed_with_row(label: str, total: int) -> str:
    text = SEED.read_text(encoding="utf-8")
    assert ROW in text
    return text.replace(ROW, f"{label} | 0 | 0 | 0 | 0 | 0 | 0 | {total} |")


def _found(engine, text, rule):
    return [f for f in engine.check(read_text(text, "r.txt")) if f.rule_id == rule]


def test_a_sum_failing_on_a_row_read_by_its_exact_label_is_an_error(engine):
    found = _found(engine, _seed_with_row("5.属于三类内部事务信息", 1), "T3-ROW-SUM")
    assert [f.severity for f in found] == ["error"] and found[0].doubt is None


def test_a_sum_failing_on_a_row_read_by_a_label_with_a_typo_is_a_warning_naming_the_reading(engine):
    text = _seed_with_row("5.属于三类内部事物信息", 1)          # 务 typed as 物
    found = _found(engine, text, "T3-ROW-SUM")
    assert [f.severity for f in found] == ["warning"]
    message = found[0].message("zh")
    assert message.startswith("读取不确定（标签「5.属于三类内部事物信息」按「属于三类内部事务信息」读取）")
    typo = _found(engine, text, "READ-LABEL-TYPO")
    assert len(typo) == 1 and "事物" in typo[0].message("zh")


def test_a_period_with_its_year_character_dropped_is_malformed_not_missing(engine):
    text = SEED.read_text(encoding="utf-8")
    good = "统计期限自2023年1月1日起至2023年12月31日止"
    assert good in text
    text = text.replace(good, "统计期限自20221月1日起至202212月31日止")
    r = read_text(text, "r.txt")
    assert (str(r.meta.period_start), str(r.meta.period_end)) == ("2022-01-01", "2022-12-31")
    rules = {f.rule_id: f for f in engine.check(r)}
    assert "META-PERIOD-MISSING" not in rules and rules["META-PERIOD-MALFORMED"].severity == "warning"
    # the recovered period against the report's year: a finding, at most a warning, naming the reading
    assert rules["DATE-PERIOD"].severity == "warning" and "缺字" in rules["DATE-PERIOD"].message("zh")


def test_a_deadline_on_a_year_only_the_opening_names_is_a_warning(engine):
    text = ("示例县教育局政府信息公开工作年度报告\n发布日期：2025-02-10\n一、总体情况\n"
            "2023年，示例县教育局坚持公开为常态。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n")
    r = read_text(text, "r.txt")
    assert r.meta.year == 2023 and "year" in r.meta.doubts
    late = [f for f in engine.check(r) if f.rule_id == "DATE-DEADLINE"]
    assert [f.severity for f in late] == ["warning"] and "仅据正文开头推定" in late[0].message("zh")
    # the title naming the year settles it: the same lateness is an error
    r = read_text(text.replace("示例县教育局政府", "示例县教育局2023年政府"), "r.txt")
    assert [f.severity for f in engine.check(r) if f.rule_id == "DATE-DEADLINE"] == ["error"]


def test_a_deadline_for_a_body_named_only_in_the_contact_sentence_is_a_warning(engine):
    text = ("2023年度政府信息公开工作年度报告\n发布日期：2024-03-20\n"
            "如对本报告有疑问，请与示例县教育局办公室联系。\n一、总体情况\n本年度工作情况。\n"
            "六、其他需要报告的事项\n本年度未收取信息处理费。\n")
    r = read_text(text, "r.txt")
    assert (r.meta.body, r.meta.kind, r.meta.body_source) == ("示例县教育局", "department", "contact")
    late = [f for f in engine.check(r) if f.rule_id == "DATE-DEADLINE"]
    assert [f.severity for f in late] == ["warning"] and "联系方式" in late[0].message("zh")


def test_a_figure_against_a_blank_total_column_is_doubted_and_a_one_column_figure_named(engine):
    """The real 2019 report of 上海市人民政府办公厅: its table 3 总计 column is blank, so the
    totals are its columns' sum (blank as 0), a reading the table does not state; the prose's
    "予以公开及部分公开258件" is the 自然人 column of 予以公开 alone."""
    import pytest

    from xxgk_lint.readers import read_report
    from xxgk_lint.testing.corpus import shared_dir

    from .conftest import ROOT

    path = shared_dir(ROOT) / "corpus" / "real" / "shanghai-office-2019.html"
    if not path.exists():
        pytest.skip("the shared reference documents are not beside the checkout")
    found = {f.rule_id: f for f in engine.check(read_report(str(path)))}
    partly = found["PROSE-T3-DISCLOSED-PARTLY"]
    assert partly.severity == "warning"
    message = partly.message("zh")
    assert message.startswith("读取不确定（表三「总计」列有空白") and "合计 275 件" in message
    assert "258 恰为「（一）予以公开」行「自然人」一列之数" in message


def test_one_defect_seen_doubted_then_certain_is_one_error(rules):
    """Twins merge into the first; a later certain reading of the same defect makes it certain."""
    import copy

    from xxgk_lint.engine import Engine
    from xxgk_lint.findings import Hit, Place
    from xxgk_lint.model import Location
    from xxgk_lint.record import Tr

    rule = copy.copy(next(r for r in rules if r.severity == "error" and not r.needs))
    doubted = Location("r.txt", 3, 1)
    doubted.doubt = Tr("标签按近似读取", "a label read by approximation")

    def check(report, ctx):
        yield Hit(doubted, Place(section=1), {"x": 1})
        yield Hit(Location("r.txt", 9, 1), Place(section=1), {"x": 1})
    rule.check, rule.when, rule.templates, rule.issuers = check, None, ("all",), ()
    found = Engine([rule]).check(read_text(SEED.read_text(encoding="utf-8"), "r.txt"))
    assert len(found) == 1 and found[0].severity == "error" and found[0].doubt is None
    assert [loc.line for loc in found[0].related] == [9]
