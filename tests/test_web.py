"""Reports from the web, against a local server (127.0.0.1 only; no test touches any other
address): fetching done properly, the report found inside its page, per-URL errors, `check URL`.
The audit of URLs, the archive and WEB-CHANGED are in test_web_audit.py."""

from __future__ import annotations

import json
import random
import time

import pytest
from click.testing import CliRunner

from xxgk_lint.cli import cli
from xxgk_lint.lint import lint_url
from xxgk_lint.model import InputError
from xxgk_lint.session import Session
from xxgk_lint.web.fetch import USER_AGENT, Fetcher
from xxgk_lint.web.find import crawl, locate
from tests.generators.documents import to_docx, to_html, to_pdf
from tests.generators.generate import consistent_doc
from tests.webserver import Site, html, page_with


def _doc(seed: int = 7, year: int = 2023):
    doc = consistent_doc(random.Random(seed), year=year)
    doc["meta"]["body"] = "示例县商务局"
    doc["meta"]["kind"] = "department"
    doc["meta"]["title"] = f"示例县商务局{year}年政府信息公开工作年度报告"
    return doc


@pytest.fixture(scope="module")
def doc():
    return _doc()


@pytest.fixture(scope="module")
def site(doc):
    s = Site()
    page = to_html(doc)
    undeclared = page.replace('<meta charset="utf-8">', "")
    s.routes.update({
        "/utf8.html": html(page),
        "/gbk-undeclared.html": html(undeclared, charset=None, encoding="gbk"),
        "/gb2312-meta.html": html(page.replace('<meta charset="utf-8">', '<meta charset="gb2312">'),
                                  charset=None, encoding="gb18030"),
        "/header-gbk.html": html(undeclared, charset="GBK", encoding="gbk"),
        "/gzip.html": (200, {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"},
                       page.encode()),
        "/moved": (301, {"Location": "/moved-again"}, b""),
        "/moved-again": (302, {"Location": "/utf8.html"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/report.pdf": (200, {"Content-Type": "application/pdf"}, to_pdf(doc)),
        "/report.docx": (200, {"Content-Type": "application/vnd.openxmlformats-officedocument."
                                               "wordprocessingml.document"}, to_docx(doc)),
        "/stub-pdf.html": html(page_with('<p>详见附件。</p><p>附件：<a href="/report.pdf">示例县商务局2023年'
                                         '政府信息公开工作年度报告.pdf</a></p><a href="/other.xls">统计表</a>')),
        "/stub-docx.html": html(page_with('<p>附件：<a href="files/report.docx">年度报告（Word版）</a></p>')),
        "/files/report.docx": (200, {"Content-Type": "application/octet-stream"}, to_docx(doc)),
        "/framed.html": html(page_with('<iframe src="/utf8.html" width="100%"></iframe>')),
        "/nothing.html": html(page_with("<p>欢迎访问。</p>")),
        "/huge.html": (200, {"Content-Type": "text/html"}, b"<html><body>" + b"x" * (30 * 1024 * 1024)),
    })
    flaky = {"n": 0}

    def flaky_route(handler):
        flaky["n"] += 1
        return (500, {}, b"busy") if flaky["n"] == 1 else html(page)
    s.routes["/flaky.html"] = flaky_route

    def slow_route(handler):
        time.sleep(1.5)
        return html(page)
    s.routes["/slow.html"] = slow_route
    s.routes["/always-500.html"] = (503, {}, b"down")
    yield s
    s.close()


@pytest.fixture()
def fetcher():
    with Fetcher(timeout=5, per_host=4, delay=0, backoff=0.01) as f:
        yield f


def _meta(result):
    assert result.error is None, result.error
    return result.report.meta


@pytest.mark.parametrize("path", ["/utf8.html", "/gbk-undeclared.html", "/gb2312-meta.html", "/header-gbk.html",
                                  "/gzip.html"])
def test_a_page_is_read_in_its_encoding(site, fetcher, path):
    result = lint_url(site.url(path), Session(), fetcher)
    meta = _meta(result)
    assert meta.body == "示例县商务局" and meta.year == 2023
    assert result.report.table("t3") is not None
    assert result.source.via == "page"
    assert not [f for f in result.findings if f.severity == "error"], [f.message("en") for f in result.findings]


def test_the_encoding_comes_from_the_header_first(site, fetcher):
    result = lint_url(site.url("/header-gbk.html"), Session(), fetcher)
    assert result.report.encoding == "gb18030" and result.source.charset == "gbk"


def test_redirects_are_followed_and_bounded(site, fetcher):
    result = lint_url(site.url("/moved"), Session(), fetcher)
    assert _meta(result).body == "示例县商务局"
    assert result.source.document == site.url("/utf8.html") and result.path == site.url("/moved")
    with pytest.raises(InputError, match="too many redirects"):
        fetcher.get(site.url("/loop"))


@pytest.mark.parametrize("path, via, reader", [("/stub-pdf.html", "attachment", "pdf"),
                                               ("/stub-docx.html", "attachment", "docx"),
                                               ("/framed.html", "iframe", "html"),
                                               ("/report.pdf", "direct", "pdf")])
def test_the_report_is_found_where_the_page_keeps_it(site, fetcher, path, via, reader):
    result = lint_url(site.url(path), Session(), fetcher)
    assert _meta(result).year == 2023
    assert result.source.via == via and result.report.reader.startswith(reader)
    if via == "attachment":       # findings point into the attachment, by its own URL
        assert result.source.document.endswith((".pdf", ".docx")) and result.report.path == result.source.document


def test_errors_are_one_line_per_url(site):
    with Fetcher(timeout=0.5, retries=1, delay=0, backoff=0.01) as f:
        cases = {"/missing.html": "HTTP 404", "/nothing.html": "not a report page",
                 "/slow.html": "timed out after 0.5 s", "/always-500.html": "HTTP 503",
                 "/huge.html": "too large"}
        for path, message in cases.items():
            result = lint_url(site.url(path), Session(), f)
            assert result.error is not None and message in str(result.error), (path, result.error)
            assert str(result.error).startswith(site.url(path) + ": ") and "\n" not in str(result.error)
        closed = lint_url("http://127.0.0.1:9/report.html", Session(), f)
        assert "cannot connect" in str(closed.error)


def test_a_5xx_is_retried_and_a_4xx_is_not(site, fetcher):
    before = site.hits.get("/flaky.html", 0)
    assert _meta(lint_url(site.url("/flaky.html"), Session(), fetcher)).year == 2023
    assert site.hits["/flaky.html"] - before == 2
    before = site.hits.get("/gone.html", 0)
    assert lint_url(site.url("/gone.html"), Session(), fetcher).error is not None
    assert site.hits["/gone.html"] - before == 1


def test_requests_name_the_tool(site, fetcher):
    fetcher.get(site.url("/utf8.html"))
    assert site.agents[-1] == USER_AGENT and USER_AGENT.startswith("xxgk-lint/")


def test_one_host_is_never_hammered(site):
    """per_host=1 and delay=0.2: four fetches of one host take at least three delays."""
    from concurrent.futures import ThreadPoolExecutor

    with Fetcher(per_host=1, delay=0.2) as f, ThreadPoolExecutor(4) as pool:
        start = time.monotonic()
        list(pool.map(lambda _: f.get(site.url("/utf8.html")), range(4)))
        assert time.monotonic() - start >= 0.6


def test_check_takes_urls_and_files_together(site, tmp_path, doc):
    local = tmp_path / "local.html"
    local.write_text(to_html(doc), encoding="utf-8")
    out = CliRunner().invoke(cli, ["check", "--isolated", "--format", "json", site.url("/stub-pdf.html"),
                                   str(local), site.url("/missing.html")])
    assert out.exit_code == 2, out.output            # one URL could not be fetched
    data = json.loads(out.stdout)
    by_path = {f["path"]: f for f in data["files"]}
    web = by_path[site.url("/stub-pdf.html")]
    assert web["source"]["via"] == "attachment" and web["source"]["document"] == site.url("/report.pdf")
    assert web["meta"]["body"] == "示例县商务局" and by_path[str(local)]["source"] is None
    assert by_path[site.url("/missing.html")]["error"]["message"] == "HTTP 404"
    assert f"{site.url('/missing.html')}: HTTP 404" in out.stderr


def test_check_verbose_says_where_the_report_was_found(site):
    out = CliRunner().invoke(cli, ["check", "--isolated", "--format", "concise", "-v", site.url("/stub-docx.html")])
    assert "来源: 附件 " + site.url("/files/report.docx") in out.output


def test_a_finding_points_into_the_document_by_its_url(site, doc):
    broken = _doc()
    broken["tables"]["t4"]["reconsideration"][0] += 1
    site.routes["/broken.html"] = html(to_html(broken))
    site.routes["/broken-stub.html"] = html(page_with('<a href="/broken.pdf">2023年度报告.pdf</a>'))
    site.routes["/broken.pdf"] = (200, {"Content-Type": "application/pdf"}, to_pdf(broken))
    out = CliRunner().invoke(cli, ["check", "--isolated", "--format", "concise", site.url("/broken.html"),
                                   site.url("/broken-stub.html")])
    lines = [l for l in out.output.splitlines() if "T4-SUM" in l]
    assert len(lines) == 2
    assert lines[0].startswith(site.url("/broken.html") + ":74:")           # line:col in the page
    assert lines[1].startswith(site.url("/broken.pdf") + "（第 2 页，表格")   # page and cell in the attachment


def test_crawl_follows_pagination_and_keeps_report_links(site):
    site.routes["/nb/index.html"] = html(page_with(
        '<ul><li><a href="a2023.html">示例县商务局2023年政府信息公开工作年度报告</a></li>'
        '<li><a href="/news/1.html">商务局召开会议</a></li></ul>'
        '<script>createPageHTML(3, 0, "index", "html");</script>', "政府信息公开年报"))
    site.routes["/nb/index_1.html"] = html(page_with(
        '<a href="a2022.html" title="示例县商务局2022年政府信息公开工作年度报告">示例县商务局2022年…</a>'
        '<a href="index_2.html">下一页</a>', "政府信息公开年报"))
    site.routes["/nb/index_2.html"] = html(page_with(
        '<a href="https://127.0.0.1:1/elsewhere/a2021.html">2021年政府信息公开年报</a>'
        '<a href="a2021.html">示例县商务局2021年度政府信息公开工作年度报告</a>', "政府信息公开年报"))
    with Fetcher(delay=0) as f:
        links = crawl(f, site.url("/nb/index.html"), pages=5)
        assert links == [site.url("/nb/a2023.html"), site.url("/nb/a2022.html"),
                         "https://127.0.0.1:1/elsewhere/a2021.html", site.url("/nb/a2021.html")]
        assert crawl(f, site.url("/nb/index.html"), pages=1) == [site.url("/nb/a2023.html")]


def test_locate_refuses_a_page_without_a_report(site, fetcher):
    with pytest.raises(InputError, match="not a report page"):
        locate(fetcher, site.url("/nothing.html"))


def test_only_pictures_where_the_report_stands_are_worth_a_second_look():
    """A fetched page is parsed again for its pictures (in the audit's main process) only when
    an <img> stands between the report's first mark and its last section's heading."""
    from xxgk_lint.web.pictures import _within_report

    intro = "<p>全文包括总体情况、主动公开政府信息情况……存在的主要问题及改进情况、其他需要报告的事项。</p>"
    body = ("<h2>二、主动公开政府信息情况</h2>{t2}<h2>三、收到和处理政府信息公开申请情况</h2>{t3}"
            "<h2>五、存在的主要问题及改进情况</h2><p>…</p><h2>六、其他需要报告的事项</h2><p>无。</p>")
    logo, qr = '<img src="/logo.png">', '<div class="footer"><img src="qr.png"></div>'
    assert not _within_report(logo + intro + body.format(t2="<table></table>", t3="<table></table>") + qr)
    assert _within_report(logo + intro + body.format(t2="<table></table>", t3='<p><img src="t3.jpg"></p>') + qr)
    # the last sections missing: a picture after the tables may still be one of them
    assert _within_report(intro + '<h2>三、收到和处理政府信息公开申请情况</h2><p><IMG SRC="t34.png"></p>')
    assert not _within_report('<img src="a.png"><p>欢迎访问</p>')


def test_a_redirect_or_link_to_a_private_address_is_refused_before_any_connection():
    """The URL given may be local; a redirect to another loopback address, a link-local metadata
    address or a name that resolves to a private one is refused, and no request reaches it (a
    stub resolver and a mock transport: nothing leaves the process)."""
    import httpx

    from xxgk_lint.model import InputError
    from xxgk_lint.web.fetch import Fetcher

    seen: list[str] = []

    def answer(request):
        seen.append(str(request.url))
        target = {"/to-loopback": "http://127.0.0.2:8080/x", "/to-metadata": "http://169.254.169.254/latest/meta-data",
                  "/to-name": "http://intranet.example/admin"}.get(request.url.path)
        if target:
            return httpx.Response(302, headers={"Location": target})
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=b"<html><body>ok</body></html>")

    names = {"intranet.example": ["10.0.0.5"], "public.example": ["93.184.216.34"]}
    for strict in (True, False):
        with Fetcher(delay=0, retries=0, transport=httpx.MockTransport(answer), strict=strict,
                     resolve=lambda host: names.get(host, [host])) as f:
            f.allow("http://127.0.0.1:9/")
            for path, where in (("/to-loopback", "127.0.0.2"), ("/to-metadata", "169.254.169.254"),
                                ("/to-name", "10.0.0.5")):
                seen.clear()
                with pytest.raises(InputError, match=f"refused: .*{where}"):
                    f.get("http://127.0.0.1:9" + path)
                assert seen == ["http://127.0.0.1:9" + path]          # the redirect's target never asked
            with pytest.raises(InputError, match="refused"):
                f.get("http://127.0.0.2:9/page", followed=True)      # a link to another local origin
            assert f.get("http://public.example/page", followed=True).status == 200
    with Fetcher(delay=0, retries=0, transport=httpx.MockTransport(answer), allow_private=True, strict=True) as f:
        assert f.get("http://127.0.0.1:9/to-loopback").status == 200      # --allow-private: an intranet audit


def test_no_test_can_connect_outside_loopback():
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s, pytest.raises(AssertionError, match="outside"):
        s.connect(("10.0.0.5", 80))


def test_a_crawl_of_a_column_with_ten_thousand_links_is_bounded(site):
    links = "".join(f'<li><a href="r{i}.html">示例县{i}局2023年政府信息公开工作年度报告</a></li>' for i in range(10_000))
    site.routes["/big/index.html"] = html(page_with(f"<ul>{links}</ul>", "政府信息公开年报"))
    with Fetcher(delay=0) as f:
        skipped: list[int] = []
        found = crawl(f, site.url("/big/index.html"), pages=5, most=2000, skipped=skipped)
    assert len(found) == 2000 and skipped == [8000] and found[0].endswith("/big/r0.html")
    assert not any(path.startswith("/big/r") for path in site.hits)         # nothing fetched beyond the column
