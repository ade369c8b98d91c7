"""The corpus of real-report shapes (tests/corpus, and the real reports in ../shared/corpus/real):
every document read and checked exactly as its sidecar says — metadata, every cell shown, and
the exact list of findings a correct linter gives.  See tests/corpus/README.md."""

from __future__ import annotations

from collections import Counter

import pytest

from xxgk_lint.testing.corpus import cases, run, shared_dir

from .conftest import ROOT

CORPUS = ROOT / "tests" / "corpus"
CASES = cases(CORPUS, shared_dir(ROOT))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_corpus_document(case, engine):
    if case.real and not case.document.exists():
        pytest.skip(f"{case.document} is not here (the shared reference documents sit beside the checkout)")
    s = run(case, engine)
    if s.problems:
        pytest.fail(f"{case.name} ({case.document.name}):\n  " + "\n  ".join(s.problems), pytrace=False)


def test_corpus_is_broad_enough():
    own = [c for c in CASES if not c.real]
    assert len(own) >= 40
    formats = Counter(c.document.suffix for c in own)
    assert {".txt", ".html", ".docx", ".pdf"} <= set(formats)
    shapes = Counter(s for c in own for s in c.expect.get("shapes") or ())
    thin = sorted(s for s, n in shapes.items() if n < 2)
    assert not thin, f"shapes with fewer than two documents: {thin}"
    for c in own:
        assert c.document.exists(), c.document
        assert c.expect.get("stands_for"), f"{c.name}: say what the document stands for"
