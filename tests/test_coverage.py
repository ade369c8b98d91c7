"""The reader checks its own reading: every piece of a document's text lands somewhere in the
model — a section (heading or text), a table, the metadata — or is said to land nowhere
(READ-DROPPED).  Run over every document of the corpus and over the real reports."""

from __future__ import annotations

import pytest

from xxgk_lint.normalize import squash
from xxgk_lint.readers import sniff
from xxgk_lint.readers.assemble import _CHROME, assemble
from xxgk_lint.readers.blocks import Para
from xxgk_lint.testing.corpus import cases, shared_dir

from .conftest import ROOT

CASES = [c for c in cases(ROOT / "tests" / "corpus", shared_dir(ROOT)) if c.document.exists()]


def _document(path):
    from xxgk_lint.readers.encoding import decode

    data = path.read_bytes()
    kind = sniff(data, str(path))
    if kind in ("docx", "pdf"):
        from importlib import import_module

        return import_module(f"xxgk_lint.readers.{kind}").parse(data, str(path))
    text, _ = decode(data, str(path), html=kind == "html")
    if kind == "html":
        from xxgk_lint.readers.html import parse

        return parse(text, str(path), None)
    from xxgk_lint.readers.text import parse

    return parse(text, str(path))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_piece_of_text_lands_in_the_model_or_is_said_to_land_nowhere(case):
    doc = _document(case.document)
    report = assemble(doc)          # (traditional characters come out simplified, inline headings split out)
    blocks = list(doc.blocks)
    paras = [(b, squash(b.text)) for b in blocks if isinstance(b, Para)]
    grids = [b for b in blocks if not isinstance(b, Para)]
    placed = "\n".join(squash(s.heading) + "\n" + squash(s.text) for s in report.sections)
    dropped = {id(loc) for _, loc, _ in report.dropped}
    lost = [text for b, text in paras if text and text not in placed and not _CHROME.match(text)]
    assert not lost, f"paragraphs read but placed nowhere and not reported: {lost[:3]}"
    tables = {id(t.loc) for t in report.tables.values()}
    for g in grids:
        if g.image or id(g.loc) in tables or id(g.loc) in dropped:
            continue
        # a grid merged into the table above it (a page break), a metadata block, a table of
        # the obsolete format, or one without a word of Chinese: placed or nothing to place
        text = "".join(c.text for row in g.rows for c in row)
        placed_cells = any(squash(c.text) and squash(c.text) in placed for row in g.rows for c in row)
        assert placed_cells or any(t.present for t in report.tables.values()) or report.template == "pre2019" \
            or sum("\u4e00" <= ch <= "\u9fff" for ch in text) < 4, f"a grid placed nowhere: {text[:40]}"


def test_a_table_of_no_template_is_reported_dropped_and_doubts_what_is_missing(engine):
    from xxgk_lint.readers import read_text

    r = read_text("一、总体情况\n本年度工作情况。\n重点工作 | 完成情况 | 责任单位 |\n政策解读 | 已完成 | 办公室 |\n"
                  "六、其他需要报告的事项\n本年度未收取信息处理费。\n", "d.txt")
    assert [text for _, _, text in r.dropped] == ["重点工作 完成情况 责任单位 政策解读 已完成 办公室"]
    found = {f.rule_id: f for f in engine.check(r)}
    assert "READ-DROPPED" in found
    # what is missing may be in the text placed nowhere: an error becomes a warning that says why
    missing = [f for f in engine.check(r) if f.rule_id == "SEC-MISSING"]
    assert missing and all(f.severity == "warning" and "未能归入" in f.message("zh") for f in missing)
