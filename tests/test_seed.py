"""The real report in examples/leiyang-2023.txt (a county-level city, 2023), checked end to end.

Every finding it gets must be a real problem of that document, on the right line."""

from __future__ import annotations

import datetime as dt

from xxgk_lint.model import NUMBER
from xxgk_lint.readers import read_report

from .conftest import SEED


def test_seed_model():
    r = read_report(str(SEED))
    m = r.meta
    assert (m.year, m.year_source) == (2023, "period")
    assert m.published == dt.date(2024, 1, 10) and m.published_loc.line == 1
    assert (m.period_start, m.period_end) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert (m.body, m.kind, m.body_source) == ("耒阳市人民政府", "government", "text")
    assert m.template == "2021" and m.title == ""
    assert [(s.key, s.form, s.loc.line) for s in r.sections[1:]] == [
        (1, "canonical", 3), (2, "canonical", 10), (3, "canonical", 25), (4, "canonical", 54),
        (5, "canonical", 59), (6, "canonical", 62)]
    t2, t3, t4 = r.tables["t2"], r.tables["t3"], r.tables["t4"]
    assert all(c.state == NUMBER for t in (t2, t3, t4) for c in t.cells.values())
    assert len(t2.cells) == 10 and len(t3.cells) == 175 and len(t4.cells) == 15
    assert t2.cell("normative_docs", "in_force").value == 53
    assert (t2.cell("admin_fees", "amount").loc.line, t2.cell("admin_fees", "amount").loc.col) == (24, 11)
    assert t3.cell("new_received", "total").value == 64
    assert t3.cell("new_received", "total").loc.line == 29
    assert t3.cell("other_other", "natural_person").loc.line == 51
    assert [t4.cell("reconsideration", c).value for c in ("upheld", "corrected", "other", "pending", "total")] \
        == [0, 0, 1, 1, 2]
    assert r.notes == []


def test_seed_findings_are_the_real_problems(engine):
    found = sorted((f.rule_id, f.loc.line if f.loc else 0, f.loc.col if f.loc else 0)
                   for f in engine.check(read_report(str(SEED))))
    assert found == sorted([
        ("META-TITLE-MISSING", 0, 0),   # the extraction has no title line: nothing names body and year
        ("ART50-ASSESSMENT", 9, 4),     # a city government's report: no 社会评议 / 责任追究 results anywhere
        ("T2-FEE-MAGNITUDE", 24, 11),   # 149750 万元 = 1.5 billion yuan of fees for a county-level city
        ("SEC6-FEE", 62, 1),            # section 六 says only 无其他需要报告的事项: no fee statement
        # "所列中共衡阳市委、…政协的统计期限" and "本列中共衡阳市委、…的勾稽关系": 数据 replaced, one
        # defect in two places
        ("TEXT-BOILERPLATE", 2, 147),
        # the same replacement where only 数据 fits: "…库访问端", "…发布”专栏", "等…。", "网络…安全"
        ("TEXT-SUBSTITUTED", 7, 63),
        ("TEXT-NUMERAL-MISSING", 7, 227),   # "组织召开相关调度、培训、推进会议次"
        # "制定《…关于印发《…的通知》…、《关于印发《…》…5号)": two 《 never closed, a stray )
        ("TEXT-BRACKETS", 7, 242), ("TEXT-BRACKETS", 7, 300), ("TEXT-BRACKETS", 7, 375),
    ])


def test_one_defect_in_several_places_is_one_finding_listing_them(engine):
    found = {f.rule_id: f for f in engine.check(read_report(str(SEED)))}
    assert [(r.line, r.col) for r in found["TEXT-BOILERPLATE"].related] == [(26, 4)]
    assert [(r.line, r.col) for r in found["TEXT-SUBSTITUTED"].related] == [(7, 117), (7, 188), (9, 189)]


def test_seed_prose_figures_agree_with_the_tables(engine):
    # 办理申请64件, 新增规范性文件11件, 现行有效规范性文件53件: all match the tables
    assert not [f for f in engine.check(read_report(str(SEED))) if f.rule_id.startswith("PROSE-")]


def test_seed_arithmetic_is_clean(engine):
    ids = {f.rule_id for f in engine.check(read_report(str(SEED)))}
    assert not ids & {"T3-ROW-SUM", "T3-BALANCE", "T3-RESULT-TOTAL", "T4-SUM", "CELL-NOT-NUMBER"}
