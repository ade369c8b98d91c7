"""Rule packs are validated centrally, with file:line; third parties add packs and kinds."""

from __future__ import annotations

import re

import sys
import textwrap

import pytest
from click.testing import CliRunner

from xxgk_lint.cli import cli
from xxgk_lint.rules import RuleFileError, load_pack, load_rules

from .conftest import SEED

GOOD = """\
pack: extra
templates: ["2021"]
rules:
  - id: X-T3-NEW
    severity: warning
    kind: identity
    params: {table: t3, each: none, equation: new_received.total <= 1000}
    title: {zh: 申请量异常, en: Unusual number of requests}
    message: {zh: "本年新收 {lhs} 件", en: "{lhs} new requests"}
    reference: local rule
    examples:
      - {expect: pass}
      - {expect: fail, set: {tables.t3.new_received.total: 5000}}
"""


def pack(tmp_path, text: str, name: str = "p.yaml"):
    d = tmp_path / "rules"
    d.mkdir(exist_ok=True)
    (d / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return d


def test_extra_rules_dir_from_the_command_line(tmp_path):
    d = pack(tmp_path, GOOD)
    rules = load_rules([d])
    assert "X-T3-NEW" in {r.id for r in rules}
    result = CliRunner().invoke(cli, ["check", "--isolated", "--rules", str(d), "--select", "X", str(SEED)])
    assert result.exit_code == 0 and "共 0 个问题" in result.output


def test_extra_rules_dir_from_config(tmp_path, monkeypatch):
    pack(tmp_path, GOOD.replace("<= 1000", "<= 10"))
    (tmp_path / ".xxgk-lint.yaml").write_text("rules: [rules]\nselect: [X-T3-NEW]\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "--format", "concise", str(SEED)])
    assert "warning[X-T3-NEW] 本年新收 64 件" in result.output


@pytest.mark.parametrize("change,where,message", [
    (("severity: warning", "severity: fatal"), ":5:15:", "severity must be one of"),
    (("kind: identity", "kind: magic"), ":6:11:", "unknown kind 'magic'"),
    (("each: none,", "each: none, colour: red,"), ":7:", "unknown parameter 'colour'"),
    (("<= 1000", "<= import(os)"), ":7:47:", "unknown function 'import'"),
    (("new_received.total", "new_recieved.total"), ":7:47:", "unknown name 'new_recieved.total'"),
    (("id: X-T3-NEW", "id: lowercase"), ":4:", "must look like"),
    (('"{lhs} new requests"', '"{nonsense} new requests"'), ":9:", "message uses {nonsense}"),
    (("    reference: local rule", "    reference: local rule\n    colour: red"), ":11:5:", "unknown rule key 'colour'"),
    (("templates: [\"2021\"]", "templates: [\"2021\"]\nrules: []"), ":4:1:", "duplicate key 'rules'"),
])
def test_bad_rule_file_names_file_and_line(tmp_path, change, where, message):
    d = pack(tmp_path, GOOD.replace(*change))
    with pytest.raises(RuleFileError) as e:
        load_rules([d])
    text = str(e.value)
    assert f"p.yaml{where}" in text and message in text, text
    result = CliRunner().invoke(cli, ["check", "--isolated", "--rules", str(d), str(SEED)])
    assert result.exit_code == 2 and message in result.output
    assert len(result.output.strip().splitlines()) == 1


ONE_OFF = """pack: p
templates: ["2021"]
needs: previous_year
rules:
  - id: {id}
    kind: crossyear
    params: {params}
    title: {{zh: 示例, en: example}}
    message: {{zh: 示例, en: example}}
"""


@pytest.mark.parametrize("rule_id,params,message", [
    ("XY-ELSEWHERE", "{}", "kind 'crossyear' has no check for XY-ELSEWHERE (it has: XY-CARRY"),
    ("XY-JUMP", "{cells: [t3.total]}", "'cells' are written table.row.column"),
    ("XY-CARRY", "{check: carry}", "unknown parameter 'check' for XY-CARRY"),
])
def test_a_one_off_check_is_found_by_its_rule_id(tmp_path, rule_id, params, message):
    """A kind of one-off checks has a function per rule id: another id, or a parameter the
    function does not take, is an error naming the file and line."""
    d = tmp_path / "r"
    d.mkdir()
    (d / "p.yaml").write_text(ONE_OFF.format(id=rule_id, params=params), encoding="utf-8")
    with pytest.raises(RuleFileError, match=re.escape(message)):
        load_rules([d])


def test_duplicate_rule_id_across_packs(tmp_path):
    d = pack(tmp_path, GOOD.replace("X-T3-NEW", "T3-BALANCE"))
    with pytest.raises(RuleFileError, match="duplicate rule id T3-BALANCE"):
        load_rules([d])


def test_missing_rules_dir(tmp_path):
    with pytest.raises(RuleFileError, match="not found"):
        load_rules([tmp_path / "nowhere"])


def test_cache_is_used_and_invalidated(tmp_path, monkeypatch):
    monkeypatch.setenv("XXGK_LINT_CACHE_DIR", str(tmp_path / "cache"))
    d = pack(tmp_path, GOOD)
    assert load_pack(d / "p.yaml")[0].severity == "warning"
    assert list((tmp_path / "cache").glob("p-*.pickle"))
    (d / "p.yaml").write_text(GOOD.replace("severity: warning", "severity: info"), encoding="utf-8")
    assert load_pack(d / "p.yaml")[0].severity == "info"


def test_tampered_cache_cannot_run_code(tmp_path, monkeypatch):
    import pickle

    monkeypatch.setenv("XXGK_LINT_CACHE_DIR", str(tmp_path / "cache"))
    d = pack(tmp_path, GOOD)
    load_pack(d / "p.yaml")
    entry = next((tmp_path / "cache").glob("p-*.pickle"))

    class Evil:
        def __reduce__(self):
            return (exec, ("raise SystemExit('pwned')",))

    entry.write_bytes(pickle.dumps(("key", Evil())))
    assert load_pack(d / "p.yaml")[0].id == "X-T3-NEW"      # treated as a miss


def test_cached_rules_behave_like_fresh_ones(tmp_path, monkeypatch, engine):
    from xxgk_lint.engine import Engine
    from xxgk_lint.readers import read_report

    monkeypatch.setenv("XXGK_LINT_CACHE_DIR", str(tmp_path / "cache"))
    fresh = load_rules()          # fills the cache
    cached = load_rules()         # reads it
    report = read_report(str(SEED))
    key = lambda fs: [(f.rule_id, f.severity, f.message("zh"), f.loc) for f in fs]
    assert key(Engine(fresh).check(report)) == key(Engine(cached).check(report))
    assert [r.examples for r in fresh] == [r.examples for r in cached]


def test_kind_from_an_entry_point_plugin(tmp_path, monkeypatch):
    """A package registers a kind in the xxgk_lint.kinds group; a pack uses it."""
    site = tmp_path / "site"
    (site / "xxgk_demo_plugin").mkdir(parents=True)
    (site / "xxgk_demo_plugin" / "__init__.py").write_text(textwrap.dedent("""
        from xxgk_lint.findings import Hit, Place
        from xxgk_lint.kinds import Kind

        class ShortText(Kind):
            name = "short_text"
            fields = frozenset({"chars"})
            params = {"max": ((int,), True)}

            def build(self, params, rule):
                def check(report, ctx):
                    n = sum(len(s.text) for s in report.sections)
                    if n < params["max"]:
                        yield Hit(None, Place(), {"chars": n})
                return check
    """))
    dist = site / "xxgk_demo_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: xxgk-demo-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[xxgk_lint.kinds]\nshort_text = xxgk_demo_plugin:ShortText\n")
    monkeypatch.syspath_prepend(str(site))
    d = pack(tmp_path, """\
        pack: plugin
        rules:
          - id: X-SHORT
            kind: short_text
            params: {max: 100000}
            title: 太短
            message: "正文只有 {chars} 字"
            reference: demo
    """)
    rules = {r.id: r for r in load_rules([d])}
    result = CliRunner().invoke(cli, ["check", "--isolated", "--rules", str(d), "--select", "X-SHORT",
                                      "--format", "concise", str(SEED)])
    assert "X-SHORT" in rules and "error[X-SHORT] 正文只有" in result.output
    sys.modules.pop("xxgk_demo_plugin", None)
