"""The command line as users and CI see it: output formats, exit codes, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from xxgk_lint.cli import cli
from xxgk_lint.testing import BASES

from .conftest import SEED

CLEAN = Path(__file__).parent.parent / "src" / "xxgk_lint" / "testing" / BASES["2021"]


def run(*args: str, env: dict | None = None):
    result = CliRunner().invoke(cli, ["check", "--isolated", *args], env=env, catch_exceptions=False)
    return result.exit_code, result.output, result.stderr if hasattr(result, "stderr") else ""


def write(tmp_path: Path, name: str, text: str | bytes) -> str:
    p = tmp_path / name
    p.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return str(p)


BROKEN = """示例县教育局2023年政府信息公开工作年度报告
（2024年1月20日）
本年度报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量 | 64 | 0 | 0 | 0 | 0 | 0 | 64 |
六、其他需要报告的事项
本年度未收取信息处理费。
"""


def test_clean_report_exits_0():
    code, out, _ = run(str(CLEAN))
    assert code == 0, out
    assert "共 0 个问题" in out


def test_seed_has_warnings_only_so_exit_0_unless_fail_on_warning():
    assert run(str(SEED))[0] == 0
    assert run("--fail-on", "warning", str(SEED))[0] == 1
    assert run("--fail-on", "never", str(SEED))[0] == 0


def test_findings_exit_1_and_concise_lines(tmp_path):
    path = write(tmp_path, "r.txt", BROKEN)
    code, out, _ = run("--format", "concise", path)
    assert code == 1
    lines = out.splitlines()
    assert f"{path}: error[SEC-MISSING] 未找到「一、总体情况」部分" in lines
    assert sum("[SEC-MISSING]" in line for line in lines) == 4
    assert any(line.startswith(f"{path}:5:1: error[TBL-ROW-MISSING] 表三缺少 24 行") for line in lines)
    assert lines[-1] == "共 7 个问题（错误 7，警告 0，提示 0），检查文件 1 个"


def test_full_format_shows_location_source_line_and_caret(tmp_path):
    doc = CLEAN.read_text(encoding="utf-8").replace("new_received:               [60, 2, 0, 0, 1, 1, 64]",
                                                    "new_received:               [61, 2, 0, 0, 1, 1, 64]")
    path = write(tmp_path, "r.yaml", doc)
    code, out, _ = run("--format", "full", path)
    assert code == 1
    line_no = next(i for i, l in enumerate(doc.splitlines(), 1) if "new_received:" in l)
    assert f"--> {path}:{line_no}:" in out
    assert "error[T3-ROW-SUM]: 表三「一、本年新收」：总计 64 ≠ 各申请人之和 61 + 2 + 0 + 0 + 1 + 1 = 65，差 1" in out
    assert "位置: 表三 / 一、本年新收 / 总计" in out
    caret_line = out.splitlines()[out.splitlines().index(next(l for l in out.splitlines()
                                                              if l.startswith(f"{line_no} |"))) + 1]
    assert caret_line.strip().endswith("^^")
    assert "帮助:" in out


def test_english_messages():
    code, out, _ = run("--lang", "en", "--format", "concise", str(SEED))
    assert "Section 6 does not state" in out and "10 findings" in out


def test_json_is_versioned_and_complete(tmp_path):
    code, out, _ = run("--format", "json", str(SEED))
    doc = json.loads(out)
    assert doc["schema"] == "xxgk-lint/check" and doc["version"] == 1
    f = next(f for f in doc["files"][0]["findings"] if f["rule"] == "T2-FEE-MAGNITUDE")
    assert f["line"] == 24 and f["col"] == 11 and f["severity"] == "info"
    assert f["place"] == {"table": "t2", "row": "admin_fees", "col": "amount"}
    assert f["values"]["value"] == "149750"
    assert set(f) >= {"rule", "severity", "title", "message", "help", "reference", "path", "line", "col",
                      "end_line", "end_col", "location", "place", "place_label", "values", "related"}
    assert doc["files"][0]["meta"]["year"] == 2023
    assert doc["summary"] == {"files": 1, "input_errors": 0, "error": 0, "warning": 9, "info": 1}


def test_select_and_ignore():
    code, out, _ = run("--format", "json", "--select", "SEC6,META", str(SEED))
    assert {f["rule"] for f in json.loads(out)["files"][0]["findings"]} == {"SEC6-FEE", "META-TITLE-MISSING"}
    code, out, _ = run("--format", "json", "--ignore", "SEC6-FEE", "--ignore", "T2,TEXT", str(SEED))
    assert {f["rule"] for f in json.loads(out)["files"][0]["findings"]} == {"ART50-ASSESSMENT", "META-TITLE-MISSING"}


def test_issuer_kind_override_changes_deadline(tmp_path):
    doc = CLEAN.read_text(encoding="utf-8").replace("published: 2024-01-20", "published: 2024-02-20")
    path = write(tmp_path, "r.yaml", doc)
    assert run(path)[0] == 0                                       # a government: due 31 March
    code, out, _ = run("--issuer-kind", "department", path)         # a department: due 31 January
    assert code == 1 and "DATE-DEADLINE" in out


def test_config_file_is_found_upward_and_applied(tmp_path, monkeypatch):
    (tmp_path / ".xxgk-lint.yaml").write_text("ignore: [SEC6-FEE]\nlang: en\nseverity: {ART50-ASSESSMENT: error}\n")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    result = CliRunner().invoke(cli, ["check", "--format", "concise", str(SEED)])
    assert "SEC6-FEE" not in result.output
    assert "error[ART50-ASSESSMENT]" in result.output and "findings" in result.output
    assert result.exit_code == 1


def test_pyproject_config(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.xxgk-lint]\nselect = ["T2"]\n')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(SEED)])
    assert {f["rule"] for f in json.loads(result.output)["files"][0]["findings"]} == {"T2-FEE-MAGNITUDE"}


@pytest.mark.parametrize("text,expect", [
    ("colour: red\n", ".xxgk-lint.yaml:1: unknown key 'colour'"),
    ("fail_on: sometimes\n", ".xxgk-lint.yaml:1: fail_on: must be one of"),
    ("lang: zh\nlang: en\n", ".xxgk-lint.yaml:2:1: duplicate key 'lang'"),
])
def test_bad_config_is_one_line_exit_2(tmp_path, monkeypatch, text, expect):
    (tmp_path / ".xxgk-lint.yaml").write_text(text)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", str(SEED)])
    assert result.exit_code == 2
    assert expect in result.output and len(result.output.strip().splitlines()) == 1


# --------------------------------------------------------------------------- bad input
def _bomb() -> str:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [{', '.join(['*' + chr(96 + i)] * 10)}]")
    return "\n".join(lines) + "\n"


BAD_INPUTS = [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file"),
    ("binary.txt", bytes(range(256)) * 4, "binary file"),
    ("garbled.txt", b"\x80\xff" * 50, "cannot decode the text"),
    ("noreport.txt", "这是一个普通的网页，没有年度报告。\n欢迎访问。".encode(), "no report found"),
    ("noreport.html", "<html><body><nav>首页</nav><p>欢迎访问本网站</p></body></html>".encode(), "no report found"),
    ("notzip.docx", b"PK\x03\x04 this is not a zip", "not a valid .docx"),
    ("doc.pdf", b"%PDF-1.7 ...", "not a readable PDF"),
    ("types.yaml", b"meta:\n  year: soon\n", "types.yaml:2:9: meta.year must be a year"),
    ("cell.yaml", b"tables:\n  t3:\n    new_received: [1, 2]\n", "has 2 values; the template has 7"),
    ("row.yaml", b"tables:\n  t3:\n    new_recieved: [0,0,0,0,0,0,0]\n", "did you mean 'new_received'"),
    ("list.yaml", b"- 1\n- 2\n", "not a report"),
    ("syntax.yaml", b"meta: [unclosed\n", "invalid YAML"),
    ("bomb.yaml", _bomb().encode(), "too many YAML nodes"),
]


@pytest.mark.parametrize("name,data,expect", BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_is_one_line_exit_2(tmp_path, name, data, expect):
    path = write(tmp_path, name, data)
    t = time.perf_counter()
    result = CliRunner().invoke(cli, ["check", "--isolated", path])
    assert time.perf_counter() - t < 10
    assert result.exit_code == 2, result.output
    errors = [l for l in result.output.splitlines() if l.startswith("xxgk-lint: error:")]
    assert len(errors) == 1 and path in errors[0] and expect in errors[0], result.output
    assert "Traceback" not in result.output


def test_huge_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(50 * 1024 * 1024)
    result = CliRunner().invoke(cli, ["check", "--isolated", str(path)])
    assert result.exit_code == 2 and "too large" in result.output


def test_missing_file_and_directory(tmp_path):
    result = CliRunner().invoke(cli, ["check", "--isolated", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2 and "file not found" in result.output


def test_batch_goes_on_after_a_bad_file_and_inputs_are_untouched(tmp_path):
    bad = write(tmp_path, "bad.txt", b"")
    broken = write(tmp_path, "broken.txt", BROKEN)
    before = {p: Path(p).stat().st_mtime_ns for p in (bad, broken, str(SEED))}
    result = CliRunner().invoke(cli, ["check", "--isolated", "--format", "concise", bad, broken, str(SEED)])
    assert result.exit_code == 2            # an unreadable input wins over findings
    assert f"{broken}:" in result.output and f"{SEED}:" in result.output
    assert "检查文件 3 个（其中 1 个无法读取）" in result.output
    assert before == {p: Path(p).stat().st_mtime_ns for p in before}


def test_usage_error_exit_2():
    result = CliRunner().invoke(cli, ["check", "--format", "xml", str(SEED)])
    assert result.exit_code == 2


def test_internal_error_exit_3_without_traceback(monkeypatch):
    import xxgk_lint.engine

    def boom(self, report, source=None):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(xxgk_lint.engine.Engine, "check", boom)
    result = CliRunner().invoke(cli, ["check", "--isolated", str(SEED)])
    assert result.exit_code == 3
    assert "internal error: RuntimeError: kaboom" in result.output and "Traceback" not in result.output


def test_rules_and_explain():
    result = CliRunner().invoke(cli, ["rules"])
    assert result.exit_code == 0 and "T3-BALANCE" in result.output
    result = CliRunner().invoke(cli, ["explain", "t3-balance", "--lang", "en"])
    assert result.exit_code == 0
    assert "# T3-BALANCE" in result.output and "国办公开办函〔2021〕30号" in result.output
    assert "new_received.natural_person: 61" in result.output
    result = CliRunner().invoke(cli, ["explain", "T3-BALANCES"])
    assert result.exit_code == 2 and "did you mean T3-BALANCE" in result.output


def test_console_script_runs_in_a_real_process():
    env = {**os.environ, "XXGK_LINT_CACHE_DIR": ""}
    proc = subprocess.run([sys.executable, "-m", "xxgk_lint", "check", "--isolated", str(SEED)],
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0
    assert "SEC6-FEE" in proc.stdout
