"""The audit's HTML dashboard, in a real headless Chromium: it loads offline without console
errors, sorting and filtering work, and a screenshot is kept as a test artefact."""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest

from xxgk_lint import audit as A
from xxgk_lint.render import write
from xxgk_lint.session import Session
from tests.generators.documents import to_html, to_pipe_text
from tests.generators.generate import consistent_doc, to_yaml

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTEFACTS = Path(__file__).parent.parent / "test-artifacts"

if not CHROMIUM:
    if os.environ.get("CI"):
        pytest.fail("CI must install Debian's chromium for the dashboard test (.ci/run does)", pytrace=False)
    pytest.skip("no chromium on this machine", allow_module_level=True)


@pytest.fixture(scope="module")
def page_path(tmp_path_factory):
    root = tmp_path_factory.mktemp("dash")
    for i in range(9):
        doc = consistent_doc(random.Random(i))
        doc["meta"]["body"] = f"示例{i}镇人民政府"
        if i % 3 == 0:
            doc["tables"]["t4"]["litigation_direct"][0] += 1
        fmt = ("yaml", "txt", "html")[i % 3]
        data = {"yaml": to_yaml(doc), "txt": to_pipe_text(doc), "html": to_html(doc)}[fmt]
        (root / f"r{i}.{fmt}").write_text(data, encoding="utf-8")
    (root / "broken.txt").write_bytes(b"\x80\xff" * 10)
    results, _ = A.run(A.walk([str(root)]), Session(), 1)
    out = root / "audit.html"
    write("dashboard", str(out), results, "zh")
    return out


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


def _open(browser, path):
    """A new page at ``path``, with the list its script errors go to."""
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    return page, errors


def test_dashboard_loads_sorts_filters(page_path, browser):
    page = browser.new_page(viewport={"width": 1200, "height": 1600})
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url) if not r.url.startswith("file:") else None)
    page.goto(page_path.as_uri())
    assert errors == [] and requests == []                     # offline, no script errors
    rows = page.locator("tr.report")
    assert rows.count() == 10
    assert "无法读取" in rows.nth(0).inner_text()             # worst first
    page.click("th[data-key=error]")                           # ascending error count
    page.click("th[data-key=error]")                           # descending
    first = [int(rows.nth(i).locator("td").nth(4).inner_text()) for i in range(rows.count())]
    assert first == sorted(first, reverse=True) and first[0] > 0
    page.fill("#filter", "示例3镇")
    assert rows.count() == 1 and "示例3镇人民政府" in rows.nth(0).inner_text()
    rows.nth(0).click()                                        # its findings, with locations
    assert "T4-SUM" in page.locator("tr.findings").nth(0).inner_text()
    page.fill("#filter", "")
    assert rows.count() == 10
    ARTEFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "dashboard.png"), full_page=True)
    assert (ARTEFACTS / "dashboard.png").stat().st_size > 10_000
    assert page.locator("svg.chart").count() == 2 and page.locator("table.heat td").count() > 0


def test_a_body_named_like_markup_still_shows_its_row(tmp_path, browser):
    """The embedded data cannot change the page: "<!--<script>" would otherwise swallow the rest."""
    names = ["<!--<script>", "</script><script>document.title='pwned'</script>", "示例镇人民政府"]
    for i, name in enumerate(names):
        doc = consistent_doc(random.Random(i))
        doc["meta"]["body"] = name
        (tmp_path / f"r{i}.yaml").write_text(to_yaml(doc), encoding="utf-8")
    results, _ = A.run(A.walk([str(tmp_path)]), Session(), 1)
    out = tmp_path / "audit.html"
    write("dashboard", str(out), results, "zh")
    page, errors = _open(browser, out)
    rows = page.locator("tr.report")
    assert errors == [] and rows.count() == 3 and page.title() != "pwned"
    shown = " ".join(rows.nth(i).inner_text() for i in range(3))
    assert "<!--<script>" in shown and "示例镇人民政府" in shown


def test_a_dashboard_of_many_reports_pages_its_table_and_filters_all_of_them(tmp_path, browser):
    """The table is drawn a page of 200 rows at a time (10^5 rows in the DOM would not open in
    seconds); the pager walks the pages, and the filter searches every report, not the page."""
    from xxgk_lint.identify import Identity
    from xxgk_lint.result import FileResult

    results = [FileResult(f"/r/{i:04d}.txt", identity=Identity(f"示例{i}局", 2024, "department", "title"))
               for i in range(450)]
    out = tmp_path / "audit.html"
    write("dashboard", str(out), results, "zh")
    page, errors = _open(browser, out)
    rows = page.locator("tr.report")
    assert errors == [] and rows.count() == 200 and "第 1 / 3 页，共 450 个报告" in page.inner_text("#pager")
    assert page.locator("#prev").is_disabled()
    page.click("#next")
    page.click("#next")
    assert rows.count() == 50 and page.locator("#next").is_disabled()
    page.fill("#filter", "示例449局")
    assert rows.count() == 1 and "示例449局" in rows.nth(0).inner_text()
    assert "第 1 / 1 页，共 1 个报告" in page.inner_text("#pager")
