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
from xxgk_lint.testing.documents import to_docx
from xxgk_lint.testing.generate import consistent_doc

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
