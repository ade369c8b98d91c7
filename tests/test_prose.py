"""Prose: numbers found and bound correctly, no alarm on clean wording, exact crosschecks."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xxgk_lint.prose import clauses, cn_to_int, percent_value, quantities
from xxgk_lint.readers.structured import read
from xxgk_lint.testing import base_document, patch
from tests.generators.generate import consistent_doc, int_to_cn, overview, prose_facts, to_yaml

CLEAN = [line for line in (Path(__file__).parent / "data" / "clean_sentences.txt").read_text(
    encoding="utf-8").splitlines() if line and not line.startswith("#")]
PROSE_RULES = ("PROSE", "TEXT", "SEC1", "SEC5", "SEC6", "ART50")


@given(st.integers(0, 99_999_999))
def test_chinese_numerals_agree_with_cn2an(n):
    import cn2an

    assert cn_to_int(cn2an.an2cn(n)) == n


@pytest.mark.parametrize("text,value", [("十", 10), ("十二", 12), ("一百零五", 105), ("两千三百", 2300),
                                        ("一万二千", 12000), ("三十万", 300000), ("两", 2), ("零", 0)])
def test_chinese_numerals(text, value):
    assert cn_to_int(text) == value


@pytest.mark.parametrize("text", ["一二", "二零二三", "是", ""])
def test_not_numerals(text):
    assert cn_to_int(text) is None


@pytest.mark.parametrize("text,found", [
    ("收到申请64件", [(64, "件", False)]),
    ("收到申请１，２３４件", [(1234, "件", False)]),
    ("共计十二件", [(12, "件", False)]),
    ("办理即办件209 万余件", [(2090000, "件", True)]),
    ("约60件", [(60, "件", True)]),
    ("3-5件", [(3, "", True), (5, "件", True)]),
    ("收费12.5万元", [(12.5, "万元", False)]),
    ("第一次会议", []),
    ("达99.97%", [(99.97, "%", False)]),
])
def test_quantities(text, found):
    assert [(q.value, q.unit, q.approx) for q in quantities(text) if q.unit or q.approx] == found


def test_clauses_stop_at_clause_punctuation_not_thousands_separators():
    text = "收到申请1,234件，办结64件；结转2件。"
    assert [text[s:e] for s, e in clauses(text)] == ["收到申请1,234件", "办结64件", "结转2件"]


def test_percentages():
    assert [v for v, _, _ in percent_value("回复率100%，增长150％，百分之五十")] == [100, 150, 50]


def test_a_percentage_past_fifteen_digits_is_no_percentage():
    """A figure no count reaches is skipped (as in quantities); bounding the digit run also keeps a
    page with 40,000 digits in a row linear (the unbounded pattern took a minute on it)."""
    assert [v for v, _, _ in percent_value("1" * 16 + "%，12.5%")] == [12.5]
    assert list(percent_value("1" * 40_000)) == []


@pytest.mark.parametrize("sentence", CLEAN)
def test_clean_sentences_raise_no_prose_finding(engine, sentence):
    doc = patch(base_document("2021"), {"set": {"sections.1.text": base_document("2021")["sections"][0]["text"]
                                                + sentence}}, "2021")
    found = [f for f in engine.check(read(to_yaml(doc), "clean.yaml")) if f.rule_id.startswith(PROSE_RULES)]
    assert found == [], [f.message("zh") for f in found]


FAST = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@FAST
@given(seed=st.integers(0, 10**9), template=st.sampled_from(["2021", "2019"]), pick=st.integers(0, 99),
       delta=st.integers(1, 50))
def test_one_changed_figure_in_the_prose_fires_exactly_its_crosscheck(engine, seed, template, pick, delta):
    rng = random.Random(seed)
    doc = consistent_doc(rng, template)
    facts = prose_facts(doc, rng)
    doc["sections"][0]["text"] = overview(doc, facts, random.Random(seed))
    clean = read(to_yaml(doc), "g.yaml")
    assert [f.rule_id for f in engine.check(clean) if f.rule_id.startswith("PROSE")] == []
    fact = facts[pick % len(facts)]
    wrong = fact.value + delta
    while wrong in fact.accepted:
        wrong += 1
    doc["sections"][0]["text"] = overview(doc, facts, random.Random(seed), {fact.rule: wrong})
    fired = {f.rule_id for f in engine.check(read(to_yaml(doc), "g.yaml")) if f.rule_id.startswith("PROSE")}
    assert fired == {fact.rule}


@given(st.integers(0, 9999))
def test_int_to_cn_round_trips(n):
    assert cn_to_int(int_to_cn(n)) == n


def test_prose_finding_shows_the_sentence_and_the_cell(engine, tmp_path):
    from click.testing import CliRunner

    from xxgk_lint.cli import cli

    doc = base_document("2021")
    text = doc["sections"][0]["text"].replace("收到政府信息公开申请64件", "收到政府信息公开申请65件")
    path = tmp_path / "r.yaml"
    path.write_text(to_yaml(patch(doc, {"set": {"sections.1.text": text}}, "2021")), encoding="utf-8")
    out = CliRunner().invoke(cli, ["check", "--isolated", "--format", "full", "--select", "PROSE", str(path)]).output
    assert "error[PROSE-T3-RECEIVED]: 一、总体情况称收到申请 65 件，表三「一、本年新收」总计为 64 件" in out
    lines = out.splitlines()
    caret = lines[next(i for i, l in enumerate(lines) if "65件" in l and "|" in l) + 1]
    assert caret.rstrip().endswith("^^^")              # under "65件"
    assert "相关:" in out                                # the table cell
