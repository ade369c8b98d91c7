"""Hostile and careless input: no file stops a batch, no output destroys an input, exports are
safe to open.  Each test here would fail without the fix it names."""

from __future__ import annotations

import multiprocessing
import os
import random

import pytest
from click.testing import CliRunner

from xxgk_lint.cli import cli
from xxgk_lint.testing.generate import consistent_doc, to_yaml


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

    paths = {json.loads(ln)["path"] for ln in jsonl.read_text(encoding="utf-8").splitlines()}
    assert {os.path.basename(p) for p in paths} >= {f"r{i}.yaml" for i in range(8) if i != 3}
