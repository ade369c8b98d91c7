"""One body's real reports for seven years (平潭综合实验区 2019–2025, in ../shared/corpus/real/),
audited together: the cross-year rules read each report against the year before it, and find
what the verdicts say and nothing else (pingtan-verdicts.md)."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from xxgk_lint.cli import cli
from xxgk_lint.testing.corpus import shared_dir

from .conftest import ROOT

REAL = shared_dir(ROOT) / "corpus" / "real"


def test_a_zone_bodys_seven_years_audited_together(tmp_path):
    files = sorted(REAL.glob("pingtan-20*.html"))
    if len(files) != 7:
        pytest.skip("the shared reference documents are not beside the checkout")
    folder = tmp_path / "pingtan"
    folder.mkdir()
    for f in files:             # audited where the test puts them: the shared folder stays read-only
        shutil.copy(f, folder / f.name)
    out = tmp_path / "f.jsonl"
    result = CliRunner().invoke(cli, ["audit", "--isolated", str(folder), "--history", str(tmp_path / "h.sqlite"),
                                      "--jsonl", str(out), "--quiet", "-j", "1"])
    assert result.exit_code in (0, 1), result.output
    found = sorted((r["file"].rsplit("/", 1)[-1][8:12], r["rule"]) for r in map(json.loads, out.read_text().splitlines()))
    assert found == [
        ("2019", "SEC1-TOPICS"),                # no sentence on requests, while table 3 has 23
        ("2020", "T3-RESULT-TOTAL"), ("2020", "T3-RESULT-TOTAL"),     # (七)总计 21 against results of 27
        ("2022", "SEC-HEADING-TYPO"),           # 行政法复议
        ("2023", "TEXT-ITEM-NUMBER"),           # 一是…三是…三是
        # 440 in force against 470 + 62 − 32 and 546 against 440 + 58 − 45, with no cleanup said
        # (2023's 470 follows its cleanup of 393 documents, which the report states)
        ("2024", "XY-IN-FORCE"), ("2025", "XY-IN-FORCE"),
    ]
