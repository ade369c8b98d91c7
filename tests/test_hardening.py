"""Hostile and careless input: no file stops a batch, no output destroys an input, exports are
safe to open.  Each test here would fail without the fix it names."""

from __future__ import annotations

import multiprocessing
import os
import random

import pytest
from click.testing import CliRunner

from xxgk_lint.cli import cli
from tests.generators.generate import consistent_doc, to_yaml


def _reports(folder, n=6):
    """n reports, each with one planted finding (T4-SUM), so every file shows in an export."""
    folder.mkdir(exist_ok=True)
    paths = []
    for i in range(n):
        doc = consistent_doc(random.Random(i))
        doc["tables"]["t4"]["reconsideration"][0] += 1
        p = folder / f"r{i}.yaml"
        p.write_text(to_yaml(doc), encoding="utf-8")
        paths.append(p)
    return paths


def _crash_on(monkeypatch, name, how="raise"):
    """Make reading one file fail the way a bug in our own code would."""
    import xxgk_lint.readers as R

    real = R.read_report

    def read_report(path):
        if os.path.basename(path) == name:
            if how == "die":
                os._exit(9)             # a worker killed mid-file (out of memory, a crash in C code)
            raise ZeroDivisionError("planted bug")
        return real(path)

    monkeypatch.setattr(R, "read_report", read_report)


# --------------------------------------------------------------------------- one file's internal error
def test_check_reports_an_internal_error_for_its_file_and_checks_the_others(tmp_path, monkeypatch):
    paths = _reports(tmp_path / "in", 3)
    _crash_on(monkeypatch, "r1.yaml")
    result = CliRunner().invoke(cli, ["check", "--isolated", "--format", "json", *map(str, paths)])
    assert result.exit_code == 3, result.output
    errors = [ln for ln in result.stderr.splitlines() if "internal error" in ln]
    assert len(errors) == 1 and "r1.yaml" in errors[0] and "ZeroDivisionError" in errors[0] \
        and "please report" in errors[0] and "Traceback" not in result.stderr
    import json

    files = json.loads(result.stdout)["files"]
    assert [f["error"] is None for f in files] == [True, False, True]


def test_check_debug_shows_the_traceback(tmp_path, monkeypatch):
    paths = _reports(tmp_path / "in", 2)
    _crash_on(monkeypatch, "r0.yaml")
    result = CliRunner().invoke(cli, ["check", "--isolated", "--debug", *map(str, paths)])
    assert result.exit_code == 3 and "Traceback" in result.stderr and "planted bug" in result.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_audit_goes_on_after_an_internal_error(tmp_path, monkeypatch, jobs):
    _reports(tmp_path / "in", 6)
    _crash_on(monkeypatch, "r2.yaml")
    csv_path = tmp_path / "out.csv"
    result = CliRunner().invoke(cli, ["audit", "--isolated", "--no-history", "-j", jobs, "--csv", str(csv_path),
                                      str(tmp_path / "in")])
    assert result.exit_code == 3, result.output
    assert result.stderr.count("internal error") == 1 and "r2.yaml" in result.stderr
    assert csv_path.exists()


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="the planted crash reaches workers by fork")
def test_audit_goes_on_when_a_worker_process_dies(tmp_path, monkeypatch):
    _reports(tmp_path / "in", 8)
    _crash_on(monkeypatch, "r3.yaml", how="die")
    jsonl = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["audit", "--isolated", "--no-history", "-j", "2", "--jsonl", str(jsonl),
                                      str(tmp_path / "in")])
    assert result.exit_code == 3, result.output
    died = [ln for ln in result.stderr.splitlines() if "internal error" in ln]
    assert len(died) == 1 and "r3.yaml" in died[0] and "died" in died[0]
    import json

    rows = [json.loads(ln) for ln in jsonl.read_text(encoding="utf-8").splitlines()]
    assert {os.path.basename(r["file"]) for r in rows} >= {f"r{i}.yaml" for i in range(8) if i != 3}
    assert [os.path.basename(r["file"]) for r in rows if "error" in r] == ["r3.yaml"]


# --------------------------------------------------------------------------- outputs never destroy inputs
def _run(*args):
    return CliRunner().invoke(cli, [*args])


@pytest.mark.parametrize("option", ["-o", "--write-baseline"])
def test_check_refuses_to_write_over_a_file_it_checks(tmp_path, option):
    (path,) = _reports(tmp_path / "in", 1)
    before = path.read_bytes()
    args = ["check", "--isolated", "--format", "json", option, str(path), str(path)]
    result = _run(*args)
    assert result.exit_code == 2 and "refusing to overwrite an input file" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and path.read_bytes() == before


@pytest.mark.parametrize("option", ["--csv", "--jsonl", "--xlsx", "--html"])
def test_audit_refuses_to_write_over_a_report_it_audits(tmp_path, option):
    paths = _reports(tmp_path / "in", 2)
    before = paths[0].read_bytes()
    result = _run("audit", "--isolated", "--no-history", "-q", option, str(paths[0]), str(tmp_path / "in"))
    assert result.exit_code == 2 and "refusing to overwrite an input file" in result.stderr
    assert paths[0].read_bytes() == before


def test_extract_refuses_its_input_and_writes_dash_to_stdout(tmp_path):
    (path,) = _reports(tmp_path / "in", 1)
    assert _run("extract", str(path), "-o", str(path)).exit_code == 2
    result = _run("extract", str(path), "-o", "-")
    assert result.exit_code == 0 and "\nxxgk-report:" in result.stdout and not (tmp_path / "-").exists()


@pytest.mark.parametrize("where", ["no-folder/out.json", "/proc/self/status", "/dev/full"])
def test_an_output_that_cannot_be_written_is_one_line_and_exit_2(tmp_path, where, monkeypatch):
    (path,) = _reports(tmp_path / "in", 1)
    monkeypatch.chdir(tmp_path)
    result = _run("check", "--isolated", "--format", "json", "-o", where, str(path))
    assert result.exit_code == 2, result.output
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_history_in_a_folder_that_does_not_exist_is_an_error(tmp_path):
    _reports(tmp_path / "in", 2)
    result = _run("audit", "--isolated", "-q", "--history", str(tmp_path / "nowhere" / "h.sqlite"), str(tmp_path / "in"))
    assert result.exit_code == 2 and "does not exist" in result.stderr and not (tmp_path / "nowhere").exists()


def test_an_output_link_is_replaced_not_written_through(tmp_path):
    (path,) = _reports(tmp_path / "in", 1)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    link = tmp_path / "out.json"
    link.symlink_to(victim)
    result = _run("check", "--isolated", "--format", "json", "-o", str(link), str(path))
    assert result.exit_code in (0, 1), result.output
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not link.is_symlink() and link.read_text(encoding="utf-8").startswith("{")


def test_an_interrupted_write_leaves_the_old_file_whole(tmp_path):
    from xxgk_lint.outputs import atomic

    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        with atomic(str(target), "w", encoding="utf-8") as f:
            f.write("half of the new")
            raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "old" and os.listdir(tmp_path) == ["out.csv"]


# --------------------------------------------------------------------------- exports are safe to open
HOSTILE = ['=HYPERLINK("http://x")', "@SUM(1+1)*cmd|' /C calc'!A0", "+1+1", "-1-1", "\tx", "\rx", "<!--<script>",
           "</script><script>alert(1)</script>"]


@pytest.fixture(scope="module")
def hostile_exports(tmp_path_factory):
    """An audit of reports whose bodies are named like formulas and markup, exported every way."""
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "in"
    folder.mkdir()
    for i, body in enumerate(HOSTILE):
        doc = consistent_doc(random.Random(i))
        doc["meta"]["body"], doc["meta"]["title"] = body, body
        doc["tables"]["t4"]["reconsideration"][0] += 1
        (folder / f"r{i}.yaml").write_text(to_yaml(doc), encoding="utf-8")
    out = {k: root / f"out.{k}" for k in ("csv", "xlsx", "html")}
    result = _run("audit", "--isolated", "--no-history", "-q", "--csv", str(out["csv"]), "--xlsx", str(out["xlsx"]),
                  "--html", str(out["html"]), str(folder))
    assert result.exit_code in (0, 1), result.output
    return out


def test_csv_cells_never_start_a_formula(hostile_exports):
    import csv

    with open(hostile_exports["csv"], encoding="utf-8-sig", newline="") as f:
        cells = [c for row in csv.reader(f) for c in row]
    assert all(not c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)
    assert "'=HYPERLINK(\"http://x\")" in cells


def test_xlsx_cells_are_text_never_formulas(hostile_exports):
    from openpyxl import load_workbook

    wb = load_workbook(hostile_exports["xlsx"])
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert any(c.value == '=HYPERLINK("http://x")' for c in cells)


def test_dashboard_data_cannot_change_the_page(hostile_exports):
    page = hostile_exports["html"].read_text(encoding="utf-8")
    block = page.split('id="data"', 1)[1].split("</script>", 1)[0]
    assert "<" not in block.split(">", 1)[1] and "\\u003c!--\\u003cscript>" in block


# --------------------------------------------------------------------------- processes
def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc") or multiprocessing.get_start_method() != "fork",
                    reason="needs /proc and fork workers")
def test_workers_exit_when_the_audit_is_killed(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    script = ("import time, xxgk_lint.audit as A\n"
              "from xxgk_lint.session import Session\n"
              "A.lint_for_audit = lambda path, session, source=None: time.sleep(120)\n"
              "A.run([f'f{i}' for i in range(8)], Session(), 2)\n")
    parent = subprocess.Popen([sys.executable, "-c", script])
    try:
        children: list[int] = []
        for _ in range(100):
            time.sleep(0.1)
            with open(f"/proc/{parent.pid}/task/{parent.pid}/children", encoding="ascii") as f:
                children = [int(x) for x in f.read().split()]
            if len(children) >= 2:
                break
        assert len(children) >= 2, "the pool did not start"
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 10
        while any(_alive(c) for c in children) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(c) for c in children)
    finally:
        parent.kill()


@pytest.mark.skipif(not os.path.isdir("/proc") or multiprocessing.get_start_method() != "fork",
                    reason="needs /proc and fork workers")
def test_workers_do_not_hold_the_history_store(tmp_path, monkeypatch):
    import xxgk_lint.lint as L

    _reports(tmp_path / "in", 6)
    seen = tmp_path / "fds.txt"
    real = L.lint_file

    def lint_file(path, *args, **kwargs):         # runs in the worker: what does it hold open?
        with open(seen, "a", encoding="utf-8") as f:
            for fd in os.listdir("/proc/self/fd"):
                try:
                    f.write(os.readlink(f"/proc/self/fd/{fd}") + "\n")
                except OSError:
                    pass
        return real(path, *args, **kwargs)

    monkeypatch.setattr(L, "lint_file", lint_file)
    result = _run("audit", "--isolated", "-q", "-j", "2", str(tmp_path / "in"))
    assert result.exit_code in (0, 1), result.output
    opened = seen.read_text(encoding="utf-8")
    from xxgk_lint.history import default_store

    assert default_store(tmp_path / "in").name not in opened and default_store(tmp_path / "in").exists()


# --------------------------------------------------------------------------- limits
def _html_report():
    from tests.generators.documents import to_html

    return to_html(consistent_doc(random.Random(1)))


def _read(text, tmp_path, name="page.html"):
    from xxgk_lint.readers import read_report

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_report(str(path))


@pytest.mark.parametrize("depth", [300, 2000])
def test_html_nested_deep_is_read(tmp_path, depth):
    h = _html_report()
    i, j = h.index("<body>") + 6, h.index("</body>")
    report = _read(h[:i] + "<div>" * depth + h[i:j] + "</div>" * depth + h[j:], tmp_path)
    assert [s.key for s in report.sections] == [0, 1, 2, 3, 4, 5, 6] and set(report.tables) == {"t2", "t3", "t4"}


def test_html_nested_past_the_parser_says_so(tmp_path):
    from xxgk_lint.model import InputError

    h = _html_report()
    i, j = h.index("<body>") + 6, h.index("</body>")
    with pytest.raises(InputError, match="nested deeper than the HTML parser reads"):
        _read(h[:i] + "<div>" * 2100 + h[i:j] + "</div>" * 2100 + h[j:], tmp_path)


def test_html_with_more_elements_than_any_report_is_refused_at_once(tmp_path):
    from xxgk_lint.model import InputError
    from xxgk_lint.readers.html import MAX_ELEMENTS

    h = _html_report()
    j = h.index("</body>")
    cells = "<tr>" + "<td>1</td>" * 100 + "</tr>"
    with pytest.raises(InputError, match="more than 100,000 HTML elements"):
        _read(h[:j] + "<table>" + cells * (MAX_ELEMENTS // 100 + 1) + "</table>" + h[j:], tmp_path)


def test_one_rule_reports_at_most_a_thousand_findings_in_a_file(tmp_path, engine):
    from xxgk_lint.engine import MAX_PER_RULE

    h = _html_report()
    k = h.index("</", h.index("六、其他需要报告的事项"))
    report = _read(h[:k] + "</h2>" + "<p>认真做好《各项工作。</p>\n" * (MAX_PER_RULE + 200) + h[k:], tmp_path)
    found = [f for f in engine.check(report) if f.rule_id == "TEXT-BRACKETS"]
    # one defect repeated is one finding that lists its places, and the places stop at the limit
    assert len(found) <= 2 and sum(1 + len(f.related) for f in found) == MAX_PER_RULE


# --------------------------------------------------------------------------- bad figures
def _yaml_with(value: str) -> str:
    """A report whose table 3 first cell is written as ``value``."""
    doc = consistent_doc(random.Random(3))
    doc["tables"]["t3"]["new_received"][0] = 987654321
    text = to_yaml(doc)
    assert text.count("987654321") == 1
    return text.replace("987654321", value)


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan", "1e309", "9" * 401, "9" * 5000])
def test_a_figure_no_one_meant_is_a_finding_on_its_cell(tmp_path, value):
    from xxgk_lint.cli import cli as main

    y = (tmp_path / "r.yaml")
    y.write_text(_yaml_with(value), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--isolated", "--format", "concise", str(y)])
    assert result.exit_code == 1, result.output
    (line,) = [ln for ln in result.output.splitlines() if "CELL-NOT-NUMBER" in ln]
    assert "一、本年新收" in line and len(line) < 200


def test_a_huge_integer_in_json_is_a_finding_not_a_crash(tmp_path):
    import json

    from tests.generators.generate import consistent_doc as make

    doc = make(random.Random(4))
    path = tmp_path / "r.json"
    text = json.dumps(doc, ensure_ascii=False, default=str)
    path.write_text(text.replace('"new_received": [', '"new_received": [' + "7" * 4000 + ", ", 1)
                    if '"new_received": [' in text else text, encoding="utf-8")
    result = _run("check", "--isolated", "--format", "concise", str(path))
    assert result.exit_code in (1, 2) and "Traceback" not in result.output and "set_int_max_str_digits" not in result.output


@pytest.mark.parametrize("fmt", ["html", "txt"])
def test_a_401_digit_cell_in_a_document_is_a_finding(tmp_path, fmt):
    from tests.generators.documents import to_html, to_pipe_text

    doc = consistent_doc(random.Random(5))
    doc["tables"]["t3"]["new_received"][0] = int("9" * 401)
    text = to_html(doc) if fmt == "html" else to_pipe_text(doc)
    path = tmp_path / f"r.{fmt}"
    path.write_text(text, encoding="utf-8")
    result = _run("check", "--isolated", "--format", "concise", str(path))
    assert result.exit_code == 1, result.output
    assert any("CELL-NOT-NUMBER" in ln and "一、本年新收" in ln for ln in result.output.splitlines())


# --------------------------------------------------------------------------- messages
def test_a_json_file_is_reported_as_json(tmp_path):
    path = tmp_path / "r.json"
    path.write_text('{"xxgk-report": 1, "meta": {', encoding="utf-8")
    result = _run("check", "--isolated", str(path))
    assert result.exit_code == 2 and "invalid JSON" in result.stderr and "YAML" not in result.stderr


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read(tmp_path, codec):
    from tests.generators.documents import to_pipe_text

    path = tmp_path / "r.txt"
    path.write_bytes(to_pipe_text(consistent_doc(random.Random(6))).encode(codec))
    result = _run("check", "--isolated", "--format", "concise", str(path))
    assert result.exit_code in (0, 1) and "binary" not in result.output


def test_rules_never_cuts_an_id_short():
    from xxgk_lint.rules import load_rules

    result = CliRunner().invoke(cli, ["rules"], env={"COLUMNS": "60"})
    for r in load_rules():
        assert r.id in result.output


def test_readme_says_what_the_broken_example_prints():
    from .conftest import ROOT

    result = CliRunner().invoke(cli, ["check", "--isolated", "--format", "json", str(ROOT / "examples" / "broken-2021.txt")])
    import json

    findings = json.loads(result.stdout)["files"][0]["findings"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    words = {9: "nine", 10: "ten", 11: "eleven"}
    assert f"prints {words[len(findings)]}\nfindings" in readme or f"prints {words[len(findings)]} findings" in readme


def test_explain_in_chinese_has_no_english_words_of_its_own():
    import re

    from xxgk_lint.explain import explain_text
    from xxgk_lint.rules import load_rules

    for rule in load_rules():
        page = explain_text(rule, "zh")
        facts = page.splitlines()[2].replace(rule.pack, "")
        labels = [ln for ln in page.splitlines() if ln.startswith("### ")]
        assert not re.search(r"[A-Za-z]{2,}", facts), (rule.id, facts)
        assert not any(re.search(r"[A-Za-z]{2,}", ln) for ln in labels), (rule.id, labels)
        assert "the clean base report" not in page


def test_every_option_of_every_command_says_what_it_does():
    import click

    ctx = click.Context(cli)
    names = cli.list_commands(ctx)
    assert {"check", "audit", "fetch", "extract", "history", "rules", "explain"} <= set(names)
    for name in names:
        command = cli.get_command(ctx, name)
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"{name} {param.opts[0]} has no help text"


@pytest.mark.parametrize("extra,message", [
    ("dropped:\n  - {section: abc, text: 残句}\n", "dropped.section must be a section number 0-6"),
    ("dropped:\n  - {section: 9, text: 残句}\n", "dropped.section must be a section number 0-6"),
    ("cut: {end: 7}\n", "cut.end must be a section number 0-6"),
    ("cut: {tables: [t9]}\n", "cut.tables must list table ids"),
])
def test_a_bad_reading_record_in_yaml_is_an_input_error_with_its_place(tmp_path, extra, message):
    from xxgk_lint.cli import cli as main

    y = tmp_path / "r.yaml"
    y.write_text(to_yaml(consistent_doc(random.Random(3))) + extra, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--isolated", str(y)])
    assert result.exit_code == 2 and message in result.output + (result.stderr or "")
    assert "Traceback" not in result.output
