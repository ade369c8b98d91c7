"""The wheel carries the rule packs and the example bases; README and CI agree."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_wheel_contains_rules_and_bases(tmp_path):
    from hatchling.builders.wheel import WheelBuilder

    wheel = Path(next(WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])))
    names = set(zipfile.ZipFile(wheel).namelist())
    packs = {p.relative_to(ROOT / "rules").as_posix() for p in (ROOT / "rules").rglob("*.yaml")}
    assert packs and all(f"xxgk_lint/rules/{p}" in names for p in packs)
    assert "xxgk_lint/testing/clean-2021.yaml" in names and "xxgk_lint/testing/clean-2019.yaml" in names
    assert "xxgk_lint/cli/__init__.py" in names
    # the generators that need test-only libraries (python-docx, reportlab) are not installed
    assert not any("generators" in n or n.endswith(("documents.py", "generate.py")) for n in names)


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for marker in ("<!-- example-command -->", "<!-- test-command -->"):
        assert re.search(re.escape(marker) + r"\s*```sh\n.+\n```", readme), marker
    assert "README.md" in (ROOT / ".ci" / "run").read_text()
