"""Template versions are data: a made-up third version, defined here and nowhere in src/, is
detected from its own rows and columns, named by a citation, implied by a year, read, and
checked by its own pack — and the built-in versions keep being told apart while it exists."""

from __future__ import annotations

from pathlib import Path

import pytest

from xxgk_lint import template as T
from xxgk_lint.engine import Engine
from xxgk_lint.readers import read_report
from xxgk_lint.readers.meta import cited_template
from xxgk_lint.rules import load_pack
from xxgk_lint.testing import BASES

BASE_2021 = (Path(T.__file__).parent / "testing" / BASES["2021"]).read_text(encoding="utf-8")

# 2027: table 2 adds a column "本年数字化件数" for normative documents; the rest is 2021's
_DIGITAL = T.Col("digital", "本年数字化件数", "digitised this year", ("本年数字化件数",))


def _version_2027() -> T.TemplateVersion:
    v21 = T.VERSIONS["2021"].tables
    t2 = v21["t2"]
    rows = tuple(T.Row(r.id, r.zh, r.short, r.en, r.aliases, r.cols + (("digital",) if r.id == "normative_docs" else ()),
                       r.group) for r in t2.rows)
    return T.TemplateVersion(
        "2027", ("2027年版（示例〔2027〕1号）", "2027 (示例〔2027〕1号)"), r"示例〔2027〕\s*1\s*号", 2027,
        T.tables_of("2027", (rows, t2.cols + (_DIGITAL,)), (v21["t3"].rows, v21["t3"].cols),
                    (v21["t4"].rows, v21["t4"].cols)))


@pytest.fixture
def v2027():
    versions, tables = dict(T.VERSIONS), dict(T.TABLES)
    T.register(_version_2027())
    yield T.VERSIONS["2027"]
    T.VERSIONS.clear()
    T.VERSIONS.update(versions)
    T.TABLES.clear()
    T.TABLES.update(tables)
    T._evidence.clear()


def _report(tmp_path: Path, year: int, digital: int | None) -> Path:
    text = BASE_2021.replace("year: 2023", f"year: {year}").replace("2023年", f"{year}年")
    text = text.replace("published: 2024-01-20", f"published: {year + 1}-01-20")
    text = text.replace("start: 2023-01-01, end: 2023-12-31", f"start: {year}-01-01, end: {year}-12-31")
    if digital is not None:
        text = text.replace("normative_docs: {issued: 11, repealed: 2, in_force: 53}",
                            f"normative_docs: {{issued: 11, repealed: 2, in_force: 53, digital: {digital}}}")
    path = tmp_path / f"r{year}-{digital}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


PACK = """
pack: made-up-2027
templates: {templates}
rules:
  - id: X-DIGITAL-COUNT
    kind: range
    params: {{table: t2, cols: digital, min: 0, integer: true}}
    title: {{zh: 数字化件数须为非负整数, en: Digitised count is a non-negative integer}}
    message: {{zh: "数字化件数 {{value}} 不是非负整数", en: "digitised count {{value}} is not a non-negative integer"}}
"""


def test_detected_from_its_own_column_and_checked_by_its_own_pack(tmp_path, v2027):
    assert T.detect("t2", {"normative_docs"}, {"issued", "in_force", "digital"}) == "2027"
    assert T.detect("t2", {"normative_docs"}, {"issued", "in_force"}) == "2021"   # a table without it
    assert T.detect("t2", {"other_services"}, {"made"}) == "2019"
    assert T.detect("t4", {"reconsideration"}, {"upheld"}) == T.TEMPLATE_UNKNOWN     # the same in all
    report = read_report(str(_report(tmp_path, 2027, -3)))
    assert report.template == "2027" and report.tables["t2"].spec is v2027.tables["t2"]
    assert report.tables["t2"].cell("normative_docs", "digital").value == -3
    pack = tmp_path / "v2027.yaml"
    pack.write_text(PACK.format(templates='["2027"]'), encoding="utf-8")
    rules = load_pack(pack)
    assert [f.rule_id for f in Engine(rules).check(report)] == ["X-DIGITAL-COUNT"]
    older = read_report(str(_report(tmp_path, 2023, None)))
    assert older.template == "2021" and Engine(rules).check(older) == []


def test_since_and_all_name_versions_by_data(tmp_path, v2027):
    for templates, applies in (('"all"', {"2019", "2021", "2027"}), ("[\"2021\"]", {"2021"})):
        pack = tmp_path / f"p{len(templates)}.yaml"
        pack.write_text(PACK.format(templates=templates), encoding="utf-8")
        (rule,) = load_pack(pack)
        assert {v for v in T.VERSIONS if T.covers(rule.templates, v)} == applies
    pack = tmp_path / "since.yaml"
    pack.write_text(PACK.format(templates="x").replace("templates: x", 'since: "2021"'), encoding="utf-8")
    (rule,) = load_pack(pack)
    assert {v for v in T.VERSIONS if T.covers(rule.templates, v)} == {"2021", "2027"}
    assert T.since("2021") == ("2021", "2027")


def test_a_year_implies_it_and_a_citation_names_it(v2027):
    assert [T.implied_by_year(y) for y in (2018, 2019, 2024, 2027, 2030, None)] == \
        ["pre2019", "2019", "2021", "2027", "2027", "2027"]
    assert cited_template("根据示例〔2027〕1号要求编制") == "2027"
    assert cited_template("根据国办公开办函〔2021〕30号要求编制") == "2021"
    assert "2027" in T.known_templates() and T.current() is v2027


def test_without_it_nothing_knows_it():
    assert "2027" not in T.VERSIONS and T.current().id == "2021" and T.implied_by_year(2030) == "2021"
