"""Snapshot tests: every renderer on one fixed set of findings (a broken report, a clean one and
an unreadable file).  A deliberate change of output is recorded with

    XXGK_UPDATE_SNAPSHOTS=1 pytest tests/test_snapshots.py

and reviewed in the diff like any other change."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from xxgk_lint import __version__
from xxgk_lint.cli import cli
from xxgk_lint.render import FORMATS

from .conftest import ROOT

SNAPSHOTS = ROOT / "tests" / "snapshots"
FILES = ["examples/broken-2021.txt", "examples/report-2021.yaml", "tests/data/empty.txt"]
SUFFIX = {"json": "json", "sarif": "json", "gitlab": "json", "jsonl": "jsonl", "junit": "xml"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_renderer_output_matches_its_snapshot(fmt, monkeypatch):
    monkeypatch.chdir(ROOT)                         # relative paths in the output
    result = CliRunner().invoke(cli, ["check", "--isolated", "--no-color", "--format", fmt, *FILES],
                                env={"COLUMNS": "120", "GITHUB_ACTIONS": "", "PRE_COMMIT": ""})
    assert result.exit_code == 2, result.output      # the empty file is an input error
    out = result.stdout.replace(__version__, "<version>")
    snap = SNAPSHOTS / f"{fmt}.{SUFFIX.get(fmt, 'txt')}"
    if os.environ.get("XXGK_UPDATE_SNAPSHOTS"):
        snap.write_text(out, encoding="utf-8")
    assert snap.exists(), f"no snapshot yet: XXGK_UPDATE_SNAPSHOTS=1 pytest {__file__}"
    assert out == snap.read_text(encoding="utf-8")
