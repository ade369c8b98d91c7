"""Property tests: arithmetic rules are exact, and the pipe-text reader never raises."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xxgk_lint.model import InputError, Report
from xxgk_lint.readers import read_text
from xxgk_lint.readers.structured import read
from xxgk_lint.template import table_spec
from tests.generators.documents import to_pipe_text
from tests.generators.generate import consistent_doc, to_yaml

ARITHMETIC = {"T3-ROW-SUM", "T3-BALANCE", "T3-RESULT-TOTAL", "T4-SUM"}
T3 = table_spec("t3", "2021")
T4 = table_spec("t4", "2021")
BALANCE_ROWS = {"new_received", "carried_over_prev", "result_total", "carried_forward"}
RESULT_ROWS = {r.id for r in T3.rows} - BALANCE_ROWS
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def _fired(engine, report: Report) -> set[tuple[str, str, str]]:
    return {(f.rule_id, f.place.row, f.place.col) for f in engine.check(report) if f.rule_id in ARITHMETIC}


@SETTINGS
@given(seed=st.integers(0, 10**9), template=st.sampled_from(["2021", "2019"]))
def test_consistent_reports_have_no_finding_at_all(engine, seed, template):
    doc = consistent_doc(random.Random(seed), template)
    for report in (read(to_yaml(doc), "g.yaml"), read_text(to_pipe_text(doc), "g.txt")):
        assert [f.rule_id for f in engine.check(report)] == []


@SETTINGS
@given(seed=st.integers(0, 10**9), row=st.sampled_from([r.id for r in T3.rows]),
       col=st.integers(0, 6), delta=st.integers(1, 40))
def test_one_changed_t3_cell_fires_exactly_the_identities_that_contain_it(engine, seed, row, col, delta):
    doc = consistent_doc(random.Random(seed))
    doc["tables"]["t3"][row][col] += delta
    col_id = T3.cols[col].id
    expected = {("T3-ROW-SUM", row, "total")}
    if row in BALANCE_ROWS:
        expected.add(("T3-BALANCE", "new_received", col_id))
    if row in RESULT_ROWS or row == "result_total":
        expected.add(("T3-RESULT-TOTAL", "result_total", col_id))
    assert _fired(engine, read(to_yaml(doc), "g.yaml")) == expected
    assert _fired(engine, read_text(to_pipe_text(doc), "g.txt")) == expected


@SETTINGS
@given(seed=st.integers(0, 10**9), group=st.sampled_from([r.id for r in T4.rows]),
       col=st.integers(0, 4), delta=st.integers(1, 9))
def test_one_changed_t4_cell_fires_only_its_group_sum(engine, seed, group, col, delta):
    doc = consistent_doc(random.Random(seed))
    doc["tables"]["t4"][group][col] += delta
    assert _fired(engine, read_text(to_pipe_text(doc), "g.txt")) == {("T4-SUM", group, "total")}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("|一二三四五六、（）()总体情况本年新收自然人0123456789 \n/-年月日")),
               max_size=400) | st.text(max_size=300))
def test_pipe_text_reader_never_raises(text):
    try:
        report = read_text(text, "fuzz.txt")
    except InputError:
        return
    assert isinstance(report, Report)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**6), cut=st.integers(0, 4000), noise=st.text(max_size=30))
def test_mangled_real_reports_never_raise(engine, seed, cut, noise):
    """Truncated and spliced pipe text (what broken extractions look like) still reads and checks."""
    text = to_pipe_text(consistent_doc(random.Random(seed)))
    cut = cut % max(len(text), 1)
    report = read_text(text[:cut] + noise + text[cut + len(noise):], "m.txt")
    engine.check(report)
