"""CI and review integrations: machine formats, baselines, the pre-commit hook."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner

from xxgk_lint.cli import cli
from tests.generators.documents import to_docx
from tests.generators.generate import consistent_doc

from .conftest import ROOT, SEED

BROKEN = ROOT / "examples" / "broken-2021.txt"
SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


def run(*args, env=None):
    return CliRunner().invoke(cli, ["check", "--isolated", *map(str, args)], env=env)


@pytest.fixture(scope="module")
def docx_report(tmp_path_factory):
    doc = consistent_doc(random.Random(4))
    doc["tables"]["t3"]["disclosed"][0] += 1
    path = tmp_path_factory.mktemp("d") / "r.docx"
    path.write_bytes(to_docx(doc))
    return path


def test_sarif_is_valid_2_1_0(tmp_path, docx_report):
    import jsonschema

    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    out = tmp_path / "r.sarif"
    run("--format", "sarif", "-o", out, SEED, BROKEN, docx_report, bad)
    doc = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(doc)
    run_ = doc["runs"][0]
    rules = {r["id"]: r for r in run_["tool"]["driver"]["rules"]}
    assert "T3-BALANCE" in rules and "国办公开办函" in rules["T3-BALANCE"]["help"]["text"]
    results = run_["results"]
    text = next(r for r in results if r["ruleId"] == "T3-BALANCE")
    assert text["locations"][0]["physicalLocation"]["region"] == {"startLine": 25, "startColumn": 20, "endColumn": 22}
    word = next(r for r in results if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(".docx"))
    assert "region" not in word["locations"][0]["physicalLocation"]
    assert any("table" in ll["fullyQualifiedName"] for ll in word["locations"][0]["logicalLocations"])
    assert all(r["partialFingerprints"]["xxgkLint/v1"] for r in results)
    assert run_["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"] == "empty file"


def test_github_annotations():
    result = run("--format", "github", BROKEN)
    lines = result.output.splitlines()
    assert "::error file=examples/broken-2021.txt,line=25,col=20,endColumn=22,title=T3-BALANCE 表三收支不平衡::" \
        "表三「自然人」列：一+二 = 20 + 2 = 22，三（七）+四 = 20 + 1 = 21，差 1" in [l.replace(str(ROOT) + "/", "") for l in lines]


def test_default_format_follows_the_environment():
    assert run(BROKEN, env={"GITHUB_ACTIONS": "true"}).output.startswith("::")
    out = run(BROKEN, env={"PRE_COMMIT": "1", "GITHUB_ACTIONS": ""}).output
    assert out.splitlines()[0].startswith(str(BROKEN)) and "warning[" in out


def test_gitlab_fingerprints_ignore_line_numbers(tmp_path):
    moved = tmp_path / "r.txt"
    moved.write_text("\n\n" + BROKEN.read_text(encoding="utf-8"), encoding="utf-8")
    first = json.loads(run("--format", "gitlab", moved).output)
    copy = tmp_path / "r.txt"
    copy.write_text(BROKEN.read_text(encoding="utf-8"), encoding="utf-8")
    second = json.loads(run("--format", "gitlab", copy).output)
    assert {i["fingerprint"] for i in first} == {i["fingerprint"] for i in second}
    assert {i["location"]["lines"]["begin"] for i in first} != {i["location"]["lines"]["begin"] for i in second}
    issue = first[0]
    assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}


def test_junit_and_jsonl_and_several_outputs_at_once(tmp_path):
    junit, jsonl = tmp_path / "r.xml", tmp_path / "r.jsonl"
    result = run("--format", "junit", "-o", junit, "--format", "jsonl", "-o", jsonl, "--format", "concise", BROKEN)
    assert "共 11 个问题" in result.output or "个问题" in result.output
    suite = ET.parse(junit).getroot().find("testsuite")
    failures = [c for c in suite.findall("testcase") if c.find("failure") is not None]
    assert {c.get("name") for c in failures} >= {"T3-BALANCE", "T4-SUM", "DATE-DEADLINE"}
    assert int(suite.get("failures")) == len(failures) and int(suite.get("tests")) > len(failures)
    rows = [json.loads(l) for l in jsonl.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(failures) + 1 and all("fingerprint" in r for r in rows)   # T3-BALANCE twice


def test_baseline_survives_line_shifts_and_reports_new_findings(tmp_path):
    report = tmp_path / "r.txt"
    text = BROKEN.read_text(encoding="utf-8")
    report.write_text(text, encoding="utf-8")
    base = tmp_path / "baseline.json"
    run("--write-baseline", base, report)
    assert run("--baseline", base, report).exit_code == 0
    report.write_text("\n\n\n" + text, encoding="utf-8")            # every line moves
    result = run("--baseline", base, "--format", "concise", report)
    assert result.exit_code == 0 and "共 0 个问题" in result.output
    worse = text.replace("四、结转下年度继续办理 | 1 | 0 |", "四、结转下年度继续办理 | 1 | 5 |")
    report.write_text(worse, encoding="utf-8")                      # a new finding of a known rule
    result = run("--baseline", base, "--format", "concise", report)
    assert result.exit_code == 1 and "T3-ROW-SUM" in result.output
    fixed = text.replace("七、其他需要报告的事项", "六、其他需要报告的事项")
    report.write_text(fixed, encoding="utf-8")
    result = run("--baseline", base, report)
    assert "1 baseline entry no longer occurs" in result.output


@pytest.mark.skipif(not shutil.which("git"), reason="git is needed")
def test_pre_commit_hook_refuses_a_broken_report(tmp_path):
    import yaml

    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    repo = tmp_path / "reports"
    repo.mkdir()
    env = {**os.environ, "XXGK_LINT_CACHE_DIR": "", "PRE_COMMIT_HOME": str(tmp_path / "pc"),
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    config = {"repos": [{"repo": "local", "hooks": [{
        "id": hook["id"], "name": hook["name"], "entry": f"{Path(sys.executable).parent / 'xxgk-lint'} check",
        "language": "system", "files": hook["files"], "exclude": hook["exclude"], "require_serial": True}]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")

    def git(*args):
        return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=120)

    git("init", "-q")
    pre_commit = [sys.executable, "-m", "pre_commit"]
    assert subprocess.run([*pre_commit, "install"], cwd=repo, env=env, capture_output=True).returncode == 0
    shutil.copy(BROKEN, repo / "broken.txt")
    git("add", ".")
    refused = git("commit", "-q", "-m", "broken report")
    assert refused.returncode != 0
    assert "T3-BALANCE" in refused.stdout + refused.stderr
    git("rm", "-q", "--cached", "broken.txt")
    (repo / "broken.txt").unlink()
    shutil.copy(ROOT / "examples" / "report-2021.yaml", repo / "report-2021.yaml")
    git("add", ".")
    accepted = git("commit", "-q", "-m", "clean report")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr


EXAMPLE_YAML = ROOT / "examples" / "report-2021.yaml"
ROW = "disclosed:                  [7, 1, 0, 0, 0, 0, 8]"


def _yaml_report(tmp_path, row_comment: str, year_comment: str = "") -> Path:
    text = EXAMPLE_YAML.read_text(encoding="utf-8")
    assert ROW in text
    text = text.replace(ROW, ROW.replace("8]", "9]") + row_comment)          # 总计 column now off by one
    text = text.replace("  year: 2023 ", "  year: 2023 " + year_comment, 1)
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_inline_suppression_with_reason_silences_only_its_line(tmp_path):
    path = _yaml_report(tmp_path, '  # xxgk-lint: ignore[T3-ROW-SUM] reason="原表如此，已核实"')
    out = run("--format", "concise", path).output
    assert "T3-ROW-SUM" not in out
    assert "T3-RESULT-TOTAL" in out                 # the same error seen from the total row is another line
    plain = run("--format", "concise", _yaml_report(tmp_path, "")).output
    assert "T3-ROW-SUM" in plain


def test_inline_suppression_without_reason_does_not_apply_and_is_reported(tmp_path):
    path = _yaml_report(tmp_path, "  # xxgk-lint: ignore[T3-ROW-SUM]")
    out = run("--format", "concise", path).output
    assert "SUP-NO-REASON" in out and "T3-ROW-SUM" in out


def test_unused_inline_suppression_is_reported_unless_its_rule_is_not_selected(tmp_path):
    path = _yaml_report(tmp_path, "", '# xxgk-lint: ignore[T3-BALANCE] reason="已核实"')
    result = run("--format", "concise", path)
    line = next(l for l in result.output.splitlines() if "SUP-UNUSED" in l)
    assert line.startswith(f"{path}:9:")
    assert "SUP-UNUSED" not in run("--format", "concise", "--select", "T3-ROW-SUM", "--select", "SUP", path).output


def test_suppressions_file_covers_comment_less_formats(tmp_path, monkeypatch):
    report = tmp_path / "reports" / "broken.txt"
    report.parent.mkdir()
    shutil.copy(BROKEN, report)
    before = run("--format", "concise", report).output
    assert before.count("T3-BALANCE") == 2
    (tmp_path / ".xxgk-lint-ignore.yaml").write_text(
        "- file: reports/*.txt\n  rule: T3-BALANCE\n  place: t3.*.natural_person\n  reason: 原件核对无误\n"
        "  by: 张三\n  date: 2024-03-02\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    after = CliRunner().invoke(cli, ["check", "--format", "concise", str(report)]).output
    assert after.count("T3-BALANCE") == 1             # the other column's finding stays
    assert "T3-BALANCE" in CliRunner().invoke(cli, ["check", "--isolated", str(report)]).output
    (tmp_path / ".xxgk-lint-ignore.yaml").write_text("- rule: T3\n  reasn: typo\n", encoding="utf-8")
    bad = CliRunner().invoke(cli, ["check", str(report)])
    assert bad.exit_code == 2 and ".xxgk-lint-ignore.yaml:2" in bad.output and "reasn" in bad.output


def test_show_config_names_where_each_value_comes_from(tmp_path, monkeypatch):
    (tmp_path / ".xxgk-lint.yaml").write_text("fail_on: warning\nignore: [PROSE]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = CliRunner().invoke(cli, ["check", "--show-config", "--lang", "en", str(BROKEN)]).output
    lines = {l.split(" = ")[0]: l for l in out.splitlines() if " = " in l}
    assert lines["fail_on"].endswith(".xxgk-lint.yaml") and "'warning'" in lines["fail_on"]
    assert lines["lang"].endswith("# command line") and lines["select"].endswith("# default")
    isolated = CliRunner().invoke(cli, ["check", "--show-config", "--isolated", str(BROKEN)]).output
    assert "config file: (none)" in isolated


def test_docs_rules_md_is_in_sync_with_the_packs():
    result = CliRunner().invoke(cli, ["rules", "--format", "markdown"])
    docs = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert result.output == docs, "regenerate: xxgk-lint rules --format markdown > docs/rules.md"
    assert "### T3-BALANCE" in docs and "#### 示例" in docs


def test_the_readme_rules_table_names_every_rule():
    from xxgk_lint.rules import load_rules

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [r.id for r in load_rules() if f"`{r.id}`" not in readme]
    assert not missing, f"add to README's rules table: {missing}"


def test_a_suppression_naming_no_known_rule_is_unused(tmp_path):
    path = _yaml_report(tmp_path, '  # xxgk-lint: ignore[T3-ROW-SUMM] reason="拼错了规则号"')
    out = run("--format", "concise", path).output
    assert "SUP-UNUSED" in out and "T3-ROW-SUM]" in out
