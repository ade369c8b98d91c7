"""What a pre-commit hook's `check` imports: the modules of the command it runs, the reader of
its file's format and the renderer it prints with — never the audit, the web, OCR, the other
readers, the workbook or the dashboard (a hook pays for every import on every commit).  The
start-up time itself is measured by bench/bench.py --only startup, as a ratio, never here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "report-2021.yaml"
TEXT = ROOT / "examples" / "leiyang-2023.txt"

PROBE = """
import json, sys
from xxgk_lint.cli import main
sys.argv = ["xxgk-lint", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
sys.stdout.flush()
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""

NEVER = ("xxgk_lint.audit", "xxgk_lint.history", "xxgk_lint.workers", "xxgk_lint.crossreport",
         "xxgk_lint.cli.audit", "xxgk_lint.cli.fetch", "xxgk_lint.cli.info",
         "xxgk_lint.web.fetch", "xxgk_lint.web.find", "xxgk_lint.readers.ocr", "xxgk_lint.readers.pdf",
         "xxgk_lint.readers.docx", "xxgk_lint.readers.html", "xxgk_lint.render.xlsx",
         "xxgk_lint.render.dashboard", "xxgk_lint.render.full", "xxgk_lint.render.sarif",
         "httpx", "openpyxl", "pdfplumber", "pypdfium2", "docx", "lxml", "numpy", "PIL", "sqlite3",
         "concurrent.futures.process", "rich", "tempfile")


def _imported(*args: str) -> set[str]:
    run = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=120)
    return set(json.loads(run.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize("report, reader", [(EXAMPLE, "xxgk_lint.readers.structured"),
                                            (TEXT, "xxgk_lint.readers.text")])
def test_check_of_one_file_imports_only_what_it_runs(report, reader):
    got = _imported("check", "--isolated", "--format", "concise", str(report))
    assert {"xxgk_lint.cli.check", "xxgk_lint.engine", reader, "xxgk_lint.render.concise"} <= got
    assert not [m for m in got if m in NEVER or m.split(".")[0] in NEVER], sorted(m for m in got if m in NEVER)


def test_a_command_is_imported_when_it_runs():
    got = _imported("rules")
    assert "xxgk_lint.cli.info" in got and "xxgk_lint.cli.audit" not in got and "xxgk_lint.cli.check" not in got
