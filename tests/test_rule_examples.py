"""Every rule's pass/fail examples, from every pack, run as tests (one parametrised test)."""

from __future__ import annotations

import pytest

from xxgk_lint.rules import load_rules
from xxgk_lint.testing import places, run_example

RULES = load_rules()
CASES = [(r, i, ex) for r in RULES for i, ex in enumerate(r.examples, 1)]


@pytest.mark.parametrize("rule,i,example", CASES, ids=[f"{r.id}-{i}-{ex['expect']}" for r, i, ex in CASES])
def test_example(rule, i, example):
    found = run_example(rule, example)
    messages = [f.message("en") for f in found]
    if example["expect"] == "pass":
        assert found == [], messages
    else:
        assert found, f"{rule.id} example {i} should fail"
        if "count" in example:
            assert len(found) == example["count"], messages
        # where each finding lands (its place, and its line for a document example), as
        # yamllint's problem=(line, col) and ruff's snapshots pin it
        assert places(rule, example, found) == [str(a) for a in example["at"]], messages


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_failing_example_says_where_its_findings_land(rule):
    missing = [i for i, ex in enumerate(rule.examples, 1) if ex["expect"] == "fail" and not ex.get("at")]
    assert not missing, f"{rule.id}: fail examples {missing} need 'at:' (the places of their findings)"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_rule_has_pass_and_fail_examples(rule):
    kinds = {ex["expect"] for ex in rule.examples}
    assert kinds == {"pass", "fail"}, f"{rule.id} needs both a passing and a failing example"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_rule_is_documented_in_both_languages(rule):
    for attr in ("title", "message", "rationale", "help"):
        texts = getattr(rule, attr)
        assert texts.get("zh") and texts.get("en"), f"{rule.id}: {attr} needs zh and en"
    assert rule.reference, f"{rule.id} needs a legal or template reference"


def test_failing_examples_render_in_both_languages():
    # every placeholder of every message is filled by the kind that runs it
    for rule, _, ex in CASES:
        if ex["expect"] != "fail":
            continue
        for f in run_example(rule, ex):
            for lang in ("zh", "en"):
                assert "?" not in f.message(lang).replace("？", ""), (rule.id, f.message(lang))


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_no_two_examples_of_a_rule_are_the_same(rule):
    import json

    seen = [json.dumps({k: v for k, v in ex.items() if k != "name"}, sort_keys=True, default=str)
            for ex in rule.examples]
    assert len(seen) == len(set(seen)), f"{rule.id} repeats an example"
