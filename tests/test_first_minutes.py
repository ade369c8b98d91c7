"""What a new user meets first, and what stops an audit (issue 25): a selection that names no
rule is an error, not a clean pass; `check` of a folder checks the reports in it and skips what is
plainly not a report; the examples folder holds only reports; piped output never wraps; SIGTERM
stops an audit as Ctrl-C does, with its summary and exports."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from xxgk_lint.cli import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = str(ROOT / "examples" / "leiyang-2023.txt")


def test_a_selection_that_names_no_rule_is_an_error_naming_the_closest(tmp_path):
    out = CliRunner().invoke(cli, ["check", "--isolated", "--select", "T3-BALANCEE", EXAMPLE])
    assert out.exit_code == 2 and "'T3-BALANCEE' names no rule" in out.output and "T3-BALANCE" in out.output
    out = CliRunner().invoke(cli, ["check", "--isolated", "--ignore", "NOPE", EXAMPLE])
    assert out.exit_code == 2 and "ignore entry 'NOPE'" in out.output
    (tmp_path / ".xxgk-lint.yaml").write_text("select: [T3-BALANCEE]\n", encoding="utf-8")
    out = CliRunner().invoke(cli, ["check", "--config", str(tmp_path / ".xxgk-lint.yaml"), EXAMPLE])
    assert out.exit_code == 2 and "names no rule" in out.output
    assert CliRunner().invoke(cli, ["check", "--isolated", "--select", "T3", "-q", EXAMPLE]).exit_code in (0, 1)


def test_the_examples_are_all_reports_check_reads():
    names = sorted(p.name for p in (ROOT / "examples").iterdir())
    out = CliRunner().invoke(cli, ["check", "--isolated", "--format", "concise", *(str(ROOT / "examples" / n)
                                                                                   for n in names)])
    assert out.exit_code == 1 and "无法读取" not in out.output and f"检查文件 {len(names)} 个" in out.output


def test_check_of_a_folder_checks_its_reports_and_skips_what_is_not_one(tmp_path):
    (tmp_path / "report.txt").write_text(Path(EXAMPLE).read_text("utf-8"), encoding="utf-8")
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    (tmp_path / "tools.yaml").write_text("repos: []\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("# notes\n", encoding="utf-8")
    out = CliRunner().invoke(cli, ["check", "--isolated", "--format", "concise", str(tmp_path)])
    assert out.exit_code == 0 and "检查文件 1 个" in out.output
    assert "tools.yaml: skipped, not a report" in out.output and "Traceback" not in out.output
    # among several files named one by one, the same; alone, a non-report is an input error
    several = CliRunner().invoke(cli, ["check", "--isolated", str(tmp_path / "report.txt"),
                                       str(tmp_path / "README.md")])
    assert several.exit_code == 0 and "README.md: skipped, not a report" in several.output
    alone = CliRunner().invoke(cli, ["check", "--isolated", str(tmp_path / "tools.yaml")])
    assert alone.exit_code == 2 and "not a report" in alone.output


def test_the_summary_counts_unreadable_files_among_those_checked(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    out = CliRunner().invoke(cli, ["check", "--isolated", EXAMPLE, str(tmp_path / "empty.txt")])
    assert out.exit_code == 2 and "检查文件 2 个（其中 1 个无法读取）" in out.output


def test_piped_output_does_not_wrap():
    run = subprocess.run([sys.executable, "-m", "xxgk_lint", "rules"], capture_output=True, text=True,
                         env=os.environ | {"COLUMNS": "60"})
    lines = run.stdout.splitlines()
    assert run.returncode == 0 and all(line.split()[0].isupper() for line in lines[1:] if line.strip())
    assert any(len(line) > 80 for line in lines)            # one rule a line, titles not folded


def test_sigterm_stops_an_audit_like_ctrl_c(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    text = Path(EXAMPLE).read_text("utf-8")
    for i in range(3000):
        (folder / f"r{i:04d}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "xxgk_lint", "audit", "--isolated", "--no-history", "-j", "1",
                             "--jsonl", str(out), "--csv", str(tmp_path / "out.csv"), "--xlsx",
                             str(tmp_path / "out.xlsx"), "--html", str(tmp_path / "out.html"), str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(3)
    proc.send_signal(signal.SIGTERM)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 143, stderr[-500:]
    assert "已中断" in stdout and "Traceback" not in stderr
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    files = {line["file"] for line in lines[:-1]}
    assert 0 < len(files) < 3000
    # every export says it is incomplete, and how far it got
    last = lines[-1]
    assert last["incomplete"] is True and last["total"] == 3000 and 0 < last["finished"] < 3000
    note = f"只含已完成的 {last['finished']} 个文件，共 3000 个"
    assert note in last["message"]
    assert (tmp_path / "out.csv").read_text("utf-8-sig").splitlines()[-1].count("AUDIT-INCOMPLETE") == 1
    assert note in (tmp_path / "out.html").read_text("utf-8")
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "out.xlsx")
    assert book.active.title == "未完成" and note in book.active["A1"].value


def test_an_audit_never_writes_into_what_it_audits(tmp_path):
    """The history store goes to the user's data folder, keyed by the folder audited; a read-only
    folder audits fine; this audit's exports written into the folder are not audited next time."""
    from xxgk_lint.history import default_store

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(Path(EXAMPLE).read_text("utf-8"), encoding="utf-8")
    before = sorted(p.name for p in folder.iterdir())
    folder.chmod(0o555)
    try:
        out = CliRunner().invoke(cli, ["audit", "--isolated", "-q", "-j", "1", str(folder)])
        assert out.exit_code in (0, 1), out.output
        assert sorted(p.name for p in folder.iterdir()) == before and default_store(folder).is_file()
    finally:
        folder.chmod(0o755)
    report = folder / "out.html"
    for _ in range(2):
        out = CliRunner().invoke(cli, ["audit", "--isolated", "--no-history", "-j", "1", "--html", str(report),
                                       "--jsonl", str(folder / "f.jsonl"), str(folder)])
        assert out.exit_code in (0, 1) and report.is_file()
    lines = (folder / "f.jsonl").read_text("utf-8").splitlines()
    assert {json.loads(line)["file"] for line in lines} == {str(folder / "a.txt")}


def test_many_unreadable_files_are_summarised_not_listed_one_by_one(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    for i in range(60):
        (folder / f"e{i:02d}.txt").write_bytes(b"")
    out = CliRunner().invoke(cli, ["audit", "--isolated", "--no-history", "-q", "-j", "1", "--jsonl",
                                   str(tmp_path / "f.jsonl"), str(folder)])
    errors = [line for line in out.output.splitlines() if line.startswith("xxgk-lint: error:")]
    assert out.exit_code == 2 and len(errors) == 21 and "40 more files" in errors[-1]
    assert len((tmp_path / "f.jsonl").read_text("utf-8").splitlines()) == 60      # all of them exported


def test_the_history_writes_many_files_in_a_few_transactions_and_keeps_every_row(tmp_path):
    """A commit per file cost more than an empty file's whole check: 1,200 unreadable files are
    written in batches (three commits here), every one of them is stored, and a reader of the
    store in the same audit sees rows not yet committed (every read writes the batch first).
    The cost per file is measured by bench/many_files.py."""
    import sqlite3

    from xxgk_lint import audit as A
    from xxgk_lint.history import History
    from xxgk_lint.session import Session

    folder = tmp_path / "empty"
    folder.mkdir()
    for i in range(1200):
        (folder / f"e{i:04d}.txt").write_bytes(b"")
    store = History(tmp_path / "h.sqlite")
    commits: list[str] = []
    store.db.set_trace_callback(lambda sql: commits.append(sql) if sql.strip().upper() == "COMMIT" else None)
    results, interrupted = A.run(A.walk([str(folder)]), Session(), 1, history=store)
    assert not interrupted and len(results) == 1200 and all(r.error is not None for r in results)
    assert 1 <= len(commits) <= 4, len(commits)
    assert store.cached(results[-1].path, A.content_hash(results[-1].path), Session().ruleset()) is not None
    store.close()
    rows = sqlite3.connect(tmp_path / "h.sqlite").execute("SELECT COUNT(*) FROM reports").fetchone()[0]
    assert rows == 1200
