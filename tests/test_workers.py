"""``audit -j auto``: as many workers as the cores and the free memory allow, where a worker that
may read scans is counted at its OCR peak."""

from __future__ import annotations

from click.testing import CliRunner

from xxgk_lint import workers
from xxgk_lint.cli import cli


def test_auto_counts_memory_as_well_as_cores(monkeypatch):
    monkeypatch.setattr(workers.os, "sched_getaffinity", lambda pid: set(range(8)), raising=False)
    monkeypatch.setattr(workers, "available_mb", lambda: 2000.0)
    assert workers.jobs("auto", ["a/report.pdf", "b/report.docx"]) == 3        # 2,000 MB / 600 MB
    assert workers.jobs("auto", ["a/report.txt", "b/report.html"]) == 8        # text only: the cores
    monkeypatch.setattr(workers, "available_mb", lambda: 300.0)
    assert workers.jobs("auto", ["scan.png"]) == 1                              # never none
    monkeypatch.setattr(workers, "available_mb", lambda: None)                 # unknown: the cores
    assert workers.jobs("auto", ["scan.png"]) == 8
    assert workers.jobs("2", ["scan.png"]) == 2                                 # as given


def test_available_memory_is_read_on_linux():
    free = workers.available_mb()
    assert free is None or free > 0


def test_a_bad_jobs_value_is_a_usage_error(tmp_path):
    out = CliRunner().invoke(cli, ["audit", "--isolated", "--no-history", "-j", "many", str(tmp_path)])
    assert out.exit_code == 2 and "a number of workers" in out.output and "Traceback" not in out.output
