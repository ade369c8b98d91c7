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
# shapes that belong to one format; every other shape is shown by two producers at least
FORMAT_BOUND = ("html-", "pdf-", "word-", "pipe-", "plain-", "cells-per-line", "t4-one-line", "meta-tags")


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
    producers: dict[str, set[str]] = {}
    for c in own:
        for s in c.expect.get("shapes") or ():
            producers.setdefault(s, set()).add(c.expect["producer"])
    one_format = sorted(s for s, p in producers.items() if len(p) < 2 and not s.startswith(FORMAT_BOUND))
    assert not one_format, f"shapes shown in one format only: {one_format}"
    for c in own:
        assert c.document.exists(), c.document
        assert c.expect.get("stands_for"), f"{c.name}: say what the document stands for"
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    unlisted = [c.document.name for c in own if f"`{c.document.name}`" not in readme]
    assert not unlisted, f"not in tests/corpus/README.md (python tests/corpus/make.py --readme): {unlisted}"


PDFS = [c for c in CASES if c.document.suffix == ".pdf" and not c.real]


@pytest.mark.parametrize("case", PDFS, ids=[c.name for c in PDFS])
def test_every_character_of_a_pdf_page_reaches_the_model(case):
    """Nothing a page shows is lost between the page and the model: every Chinese character of
    the page's text is in the reader's paragraphs and cells, and every paragraph is in the
    report (a section's text, a heading or the title).  A real PDF once lost two paragraphs."""
    import pypdfium2 as pdfium

    from xxgk_lint.readers.assemble import _CHROME, assemble
    from xxgk_lint.readers.pdf import parse

    data = case.document.read_bytes()
    pdf = pdfium.PdfDocument(data)
    page_text = "".join(pdf[k].get_textpage().get_text_range() for k in range(len(pdf)))
    doc = parse(data, str(case.document))
    read = "".join(b.text if hasattr(b, "text") else "".join(c.text for row in b.rows for c in row)
                   for b in doc.blocks)

    def han(text: str) -> Counter:
        return Counter(ch for ch in text if "\u4e00" <= ch <= "\u9fff")

    lost = han(page_text) - han(read)
    assert not lost, f"characters on the pages but not read: {''.join(sorted(lost.elements()))}"
    report = assemble(parse(data, str(case.document)))
    kept = "".join(s.heading + s.text for s in report.sections) + report.meta.title
    for b in doc.blocks:
        if hasattr(b, "text") and not b.text.startswith("- ") and not _CHROME.match(b.text):   # a page footer
            assert "".join(b.text.split()) in "".join(kept.split()) or b.text in report.meta.title, b.text
