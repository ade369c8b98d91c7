"""`audit --urls`, `--crawl`, `fetch` and the archive against a local server (127.0.0.1 only):
conditional requests and 304, WEB-CHANGED when a published report changes, the history's
record of every fetch, per-URL errors in the summary and the exports."""

from __future__ import annotations

import csv
import json
import random
import sqlite3
from urllib.parse import quote

import pytest
from click.testing import CliRunner

from xxgk_lint.cli import cli
from tests.generators.documents import to_docx, to_html, to_pdf
from tests.generators.generate import consistent_doc
from tests.webserver import Site, html, page_with

WEB = ["--delay", "0", "--timeout", "5"]


def _doc(i: int, year: int = 2023):
    doc = consistent_doc(random.Random(300 + i), year=year)
    doc["meta"]["body"] = f"示例{i}县司法局"
    doc["meta"]["kind"] = "department"
    doc["meta"]["title"] = f"示例{i}县司法局{year}年政府信息公开工作年度报告"
    return doc


def _etagged(body: bytes, etag: str, ctype: str = "text/html; charset=utf-8"):
    def route(handler):
        if handler.headers.get("If-None-Match") == etag:
            return 304, {"ETag": etag}, b""
        return 200, {"Content-Type": ctype, "ETag": etag, "Last-Modified": "Mon, 05 Feb 2024 08:00:00 GMT"}, body
    return route


@pytest.fixture()
def site():
    s = Site()
    for i in range(4):
        s.routes[f"/r{i}.html"] = _etagged(to_html(_doc(i)).encode(), f'"v{i}"')
    s.routes["/stub.html"] = html(page_with('<p>附件：<a href="/r9.pdf">示例9县司法局2023年年度报告.pdf</a></p>'))
    s.routes["/r9.pdf"] = (200, {"Content-Type": "application/pdf"}, to_pdf(_doc(9)))
    s.routes["/r8.docx"] = (200, {"Content-Type": "application/octet-stream"}, to_docx(_doc(8)))
    yield s
    s.close()


def _audit(tmp_path, *args):
    return CliRunner().invoke(cli, ["audit", "--isolated", "-q", "--history", str(tmp_path / "h" / "history.sqlite"),
                                    *WEB, *args])


def test_audit_a_url_list_with_a_folder(site, tmp_path):
    (tmp_path / "h").mkdir()
    local = tmp_path / "local"
    local.mkdir()
    (local / "a.html").write_text(to_html(_doc(5)), encoding="utf-8")
    urls = tmp_path / "urls.txt"
    urls.write_text("# 司法局\n" + "\n".join(site.url(p) for p in ("/r0.html", "/r1.html", "/stub.html",
                                                                   "/missing.html", "/r8.docx")) + "\n",
                    encoding="utf-8")
    out = _audit(tmp_path, "-j", "2", "--urls", str(urls), "--csv", str(tmp_path / "f.csv"),
                 "--jsonl", str(tmp_path / "f.jsonl"), str(local))
    assert out.exit_code == 2, out.output                       # one URL is unreadable
    assert f"{site.url('/missing.html')}: HTTP 404" in out.stderr
    records = [json.loads(l) for l in (tmp_path / "f.jsonl").read_text(encoding="utf-8").splitlines()]
    assert not [r for r in records if r.get("severity") == "error"], records
    with sqlite3.connect(tmp_path / "h" / "history.sqlite") as db:
        bodies = dict(db.execute("SELECT path, body FROM reports"))
        fetched = db.execute("SELECT url, document, via, status FROM fetches ORDER BY url").fetchall()
    assert bodies[site.url("/stub.html")] == "示例9县司法局" and bodies[site.url("/r8.docx")] == "示例8县司法局"
    assert bodies[str(local / "a.html")] == "示例5县司法局"
    assert (site.url("/stub.html"), site.url("/r9.pdf"), "attachment", 200) in fetched
    assert len(fetched) == 4                                     # the 404 is no fetch of a report
    archived = list((tmp_path / "h" / "archive").rglob("*"))
    assert len([p for p in archived if p.is_file()]) == 4


def test_a_mapping_csv_of_urls_gives_identities(site, tmp_path):
    (tmp_path / "h").mkdir()
    urls = tmp_path / "urls.csv"
    with open(urls, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["url", "body", "year", "kind"])
        w.writerow([site.url("/r0.html"), "示例县司法局（对照表）", "2023", "department"])
        w.writerow([site.url("/r1.html"), "", "", ""])
    out = _audit(tmp_path, "--urls", str(urls), "--jsonl", str(tmp_path / "f.jsonl"))
    assert out.exit_code in (0, 1), out.output
    with sqlite3.connect(tmp_path / "h" / "history.sqlite") as db:
        bodies = dict(db.execute("SELECT path, body FROM reports"))
    assert bodies[site.url("/r0.html")] == "示例县司法局（对照表）" and bodies[site.url("/r1.html")] == "示例1县司法局"


def test_a_second_audit_asks_conditionally_and_reuses_the_archive(site, tmp_path):
    (tmp_path / "h").mkdir()
    urls = [site.url(f"/r{i}.html") for i in range(3)]
    first = _audit(tmp_path, *urls)
    assert first.exit_code in (0, 1), first.output
    second = _audit(tmp_path, "--jsonl", str(tmp_path / "f.jsonl"), *urls)
    assert second.exit_code in (0, 1), second.output
    with sqlite3.connect(tmp_path / "h" / "history.sqlite") as db:
        statuses = [s for (s,) in db.execute("SELECT status FROM fetches ORDER BY id")]
        rows = db.execute("SELECT COUNT(*) FROM reports").fetchone()[0]
    assert statuses == [200, 200, 200, 304, 304, 304] and rows == 3
    assert "WEB-CHANGED" not in (tmp_path / "f.jsonl").read_text(encoding="utf-8")
    shown = CliRunner().invoke(cli, ["history", str(tmp_path / "h" / "history.sqlite"), "--url", urls[0]])
    assert shown.exit_code == 0 and shown.output.count("304") == 1 and shown.output.count("200") >= 1


def test_a_server_with_only_last_modified_is_asked_if_modified_since(site, tmp_path):
    (tmp_path / "h").mkdir()
    stamp, asked = "Tue, 06 Feb 2024 09:30:00 GMT", []
    body = to_html(_doc(5)).encode()

    def route(handler):
        asked.append(handler.headers.get("If-Modified-Since"))
        if handler.headers.get("If-Modified-Since") == stamp:
            return 304, {}, b""
        return 200, {"Content-Type": "text/html; charset=utf-8", "Last-Modified": stamp}, body
    site.routes["/lm.html"] = route
    for _ in range(2):
        assert _audit(tmp_path, site.url("/lm.html")).exit_code in (0, 1)
    assert asked == [None, stamp]
    with sqlite3.connect(tmp_path / "h" / "history.sqlite") as db:
        assert [s for (s,) in db.execute("SELECT status FROM fetches ORDER BY id")] == [200, 304]


def test_a_page_that_became_a_stub_is_followed_to_its_attachment(site, tmp_path):
    (tmp_path / "h").mkdir()
    url = site.url("/r0.html")
    assert _audit(tmp_path, url).exit_code in (0, 1)
    site.routes["/r0.html"] = _etagged(page_with('<p>附件：<a href="/r9.pdf">2023年年度报告.pdf</a></p>').encode(),
                                       '"v0-stub"')
    out = _audit(tmp_path, "--jsonl", str(tmp_path / "f.jsonl"), url)
    assert out.exit_code in (0, 1), out.output
    with sqlite3.connect(tmp_path / "h" / "history.sqlite") as db:
        last = db.execute("SELECT via, document FROM fetches ORDER BY id DESC LIMIT 1").fetchone()
    assert last == ("attachment", site.url("/r9.pdf"))
    assert "WEB-CHANGED" in (tmp_path / "f.jsonl").read_text(encoding="utf-8")


def test_a_report_changed_after_publication_is_reported(site, tmp_path):
    (tmp_path / "h").mkdir()
    url = site.url("/r0.html")
    assert _audit(tmp_path, url).exit_code in (0, 1)
    edited = _doc(0)
    edited["sections"][0]["text"] = edited["sections"][0]["text"] + "（本报告已更新）"
    site.routes["/r0.html"] = _etagged(to_html(edited).encode(), '"v0-edited"')
    out = _audit(tmp_path, "--jsonl", str(tmp_path / "f.jsonl"), "--lang", "en", url)
    assert out.exit_code in (0, 1), out.output
    changed = [json.loads(l) for l in (tmp_path / "f.jsonl").read_text(encoding="utf-8").splitlines()
               if "WEB-CHANGED" in l]
    assert len(changed) == 1 and changed[0]["severity"] == "info"
    assert url in changed[0]["message"] and "fetched on 20" in changed[0]["message"]
    with sqlite3.connect(tmp_path / "h" / "history.sqlite") as db:
        shas = [s for (s,) in db.execute("SELECT sha256 FROM fetches ORDER BY id")]
    assert len(set(shas)) == 2 and all((tmp_path / "h" / "archive" / s[:2] / s).is_file() for s in shas)


def test_crawl_audits_the_column_s_reports(site, tmp_path):
    (tmp_path / "h").mkdir()
    site.routes["/col/index.html"] = html(page_with(
        f'<a href="{site.url("/r0.html")}">示例0县司法局2023年政府信息公开工作年度报告</a>'
        '<a href="/news.html">工作动态</a><script>createPageHTML(2, 0, "index", "html");</script>', "年报专栏"))
    site.routes["/col/index_1.html"] = html(page_with(
        '<a href="/r1.html">示例1县司法局2023年政府信息公开工作年度报告</a>'
        '<a href="/missing.html">示例县2022年政府信息公开工作年度报告</a>', "年报专栏"))
    out = _audit(tmp_path, "--crawl", site.url("/col/index.html"), "--crawl", site.url("/col/none.html"),
                 "--jsonl", str(tmp_path / "f.jsonl"))
    assert out.exit_code == 2, out.output
    assert f"{site.url('/col/none.html')}: HTTP 404" in out.stderr
    assert f"{site.url('/missing.html')}: HTTP 404" in out.stderr
    with sqlite3.connect(tmp_path / "h" / "history.sqlite") as db:
        paths = {p for (p,) in db.execute("SELECT path FROM reports")}
    assert paths == {site.url("/r0.html"), site.url("/r1.html")}
    errors = [json.loads(l) for l in (tmp_path / "f.jsonl").read_text(encoding="utf-8").splitlines() if '"error"' in l]
    assert {(e["file"], e["error"]) for e in errors} == {(site.url("/col/none.html"), "HTTP 404"),
                                                        (site.url("/missing.html"), "HTTP 404")}


def test_audit_without_history_still_reads_urls(site, tmp_path):
    out = CliRunner().invoke(cli, ["audit", "--isolated", "-q", "--no-history", *WEB,
                                   "--jsonl", str(tmp_path / "f.jsonl"), site.url("/stub.html")])
    assert out.exit_code in (0, 1), out.output
    lines = (tmp_path / "f.jsonl").read_text(encoding="utf-8")
    assert "T4-SUM" not in lines


def test_fetch_saves_documents_and_a_manifest(site, tmp_path):
    out = CliRunner().invoke(cli, ["fetch", *WEB, "-o", str(tmp_path / "got"), site.url("/stub.html"),
                                   site.url("/r1.html"), site.url("/missing.html")])
    assert out.exit_code == 2 and "HTTP 404" in out.stderr
    manifest = [json.loads(l) for l in (tmp_path / "got" / "fetch.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [m["via"] for m in manifest] == ["attachment", "page"]
    saved = tmp_path / "got" / manifest[0]["file"]
    assert saved.read_bytes().startswith(b"%PDF") and manifest[0]["file"].endswith(".pdf")
    checked = CliRunner().invoke(cli, ["audit", "--isolated", "-q", "--no-history", str(tmp_path / "got")])
    assert checked.exit_code in (0, 1), checked.output


def test_fetch_names_never_carry_credentials_and_a_long_name_does_not_stop_the_batch(site, tmp_path):
    """An attachment linked as http://<300 characters of user:password>@host/…: the saved name has
    the host only, under 200 bytes, and nothing shown or saved carries the user or password."""
    secret = "u" * 150 + ":" + "p" * 150
    host = site.base.split("//", 1)[1]
    site.routes["/cred.html"] = html(page_with(f'<p>附件：<a href="http://{secret}@{host}/{"报告" * 90}.pdf">'
                                               "示例县2023年年度报告.pdf</a></p>"))
    site.routes["/" + quote("报告" * 90) + ".pdf"] = (200, {"Content-Type": "application/pdf"}, to_pdf(_doc(9)))
    out = CliRunner().invoke(cli, ["fetch", *WEB, "-o", str(tmp_path / "got"), site.url("/cred.html"),
                                   site.url("/r1.html")])
    manifest = (tmp_path / "got" / "fetch.jsonl").read_text(encoding="utf-8")
    names = [json.loads(line)["file"] for line in manifest.splitlines()]
    assert len(names) == 2, out.output                     # the next URL was fetched too
    assert "uuuu" not in manifest and "uuuu" not in out.output and "pppp" not in out.output
    assert all(len(n.encode()) < 200 for n in names) and names[0].startswith("127.0.0.1_")


class _Drip:
    """A server that drips: ``headers`` sends its headers at once, then one byte of body every half
    second, for a minute; ``header`` drips the headers themselves (a byte every half second:
    no read ever times out, and no response object exists yet); ``stall`` reads the request and
    never answers."""

    def __init__(self, mode: str = "headers") -> None:
        import socketserver
        import threading
        import time

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                try:
                    self.request.recv(4096)
                    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n"
                    if mode == "stall":
                        time.sleep(60)
                    elif mode == "header":
                        for byte in head + b"X-Slow: " + b"y" * 200:
                            self.request.sendall(bytes([byte]))
                            time.sleep(0.5)
                    else:
                        self.request.sendall(head + b"\r\n")
                        for _ in range(120):
                            self.request.sendall(b"x")
                            time.sleep(0.5)
                except OSError:
                    pass

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/slow.html"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_a_dripping_server_ends_at_its_deadline_and_holds_back_no_other_result(site, tmp_path):
    """Headers at once, then a byte every 0.5 s: each read is quick, so only the request's total
    deadline (3 × --timeout) ends it; the audit finishes, with the good URL's result."""
    import time

    drip = _Drip()
    try:
        start = time.monotonic()
        one = CliRunner().invoke(cli, ["check", "--isolated", "--timeout", "1", "--delay", "0", drip.url])
        assert one.exit_code == 2 and "too slow" in one.output and time.monotonic() - start < 15
        (tmp_path / "urls.txt").write_text(f"{drip.url}\n{site.url('/r1.html')}\n", encoding="utf-8")
        (tmp_path / "h").mkdir()
        start = time.monotonic()
        out = CliRunner().invoke(cli, ["audit", "--isolated", "--no-history", "--delay", "0", "--timeout", "1",
                                       "--urls", str(tmp_path / "urls.txt")])
        assert time.monotonic() - start < 30 and out.exit_code == 2, out.output
        assert "r1.html" in out.stdout and "too slow" in out.output      # the good report is there
    finally:
        drip.close()


def test_headers_dripped_a_byte_at_a_time_end_at_the_deadline_too(site, tmp_path):
    """The header phase is bounded as well as the body: a server dripping its status line and
    headers ends at 3 × --timeout; a stalled server (no byte at all) at --timeout; both beside a
    good report in one audit, whose result comes through."""
    import time

    header, stall = _Drip("header"), _Drip("stall")
    try:
        start = time.monotonic()
        one = CliRunner().invoke(cli, ["check", "--isolated", "--timeout", "1", "--delay", "0", header.url])
        assert one.exit_code == 2 and "too slow" in one.output, one.output
        assert time.monotonic() - start < 8
        (tmp_path / "urls.txt").write_text(f"{header.url}\n{stall.url}\n{site.url('/r1.html')}\n", encoding="utf-8")
        start = time.monotonic()
        out = CliRunner().invoke(cli, ["audit", "--isolated", "--no-history", "--delay", "0", "--timeout", "1",
                                       "--urls", str(tmp_path / "urls.txt")])
        assert time.monotonic() - start < 20 and out.exit_code == 2, out.output
        assert "r1.html" in out.stdout and "too slow" in out.output and "timed out after 1 s" in out.output
    finally:
        header.close()
        stall.close()


def test_one_report_under_many_urls_is_read_once_and_reported_as_duplicates(site, tmp_path):
    """A column that lists one report under many URLs (a hostile site, or a CMS that links each
    report from every page): its content is checked once; every other URL is a duplicate of the
    first, in the summary, the exports and the history (one report row, a fetch per URL)."""
    (tmp_path / "h").mkdir()
    body = to_html(_doc(2)).encode()
    links = ""
    for i in range(30):
        site.routes[f"/same/r{i}.html"] = (200, {"Content-Type": "text/html; charset=utf-8"}, body)
        links += f'<li><a href="/same/r{i}.html">示例2县司法局2023年政府信息公开工作年度报告</a></li>'
    site.routes["/same/index.html"] = html(page_with(f"<ul>{links}</ul>", "政府信息公开年报"))
    out = CliRunner().invoke(cli, ["audit", "--isolated", "--history", str(tmp_path / "h" / "history.sqlite"), *WEB,
                                   "--crawl", site.url("/same/index.html"), "--jsonl", str(tmp_path / "f.jsonl"),
                                   "--xlsx", str(tmp_path / "f.xlsx")])
    assert out.exit_code == 0, out.stderr
    assert "另有 29 个网址内容与已检查的相同" in out.stdout and "等（另有 25 个）" in out.stdout
    lines = [json.loads(line) for line in (tmp_path / "f.jsonl").read_text("utf-8").splitlines()]
    copies = [line for line in lines if "same_as" in line]
    # the URL checked is the one whose fetch came first; every copy names it
    checked = {c["same_as"] for c in copies}
    assert len(copies) == 29 and len(checked) == 1 and checked.isdisjoint(c["file"] for c in copies)
    assert all(c["body"] == "示例2县司法局" for c in copies)
    assert not any(line.get("file") in {c["file"] for c in copies} and "rule" in line for line in lines)
    with sqlite3.connect(tmp_path / "h" / "history.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM reports").fetchone()[0] == 1
        assert db.execute("SELECT COUNT(*) FROM fetches").fetchone()[0] == 30
    from openpyxl import load_workbook

    summary = load_workbook(tmp_path / "f.xlsx").worksheets[0]
    states = [row[8] for row in summary.iter_rows(min_row=2, values_only=True)]
    assert states.count("内容重复") == 29


def test_a_crawl_takes_at_most_max_per_host_links_from_one_host(site, tmp_path):
    """Two columns on one host, 3 + 3 links: --max-per-host 4 keeps the first four and says so."""
    for c in ("a", "b"):
        links = "".join(f'<li><a href="/{c}/r{i}.html">示例{i}县{c}局2023年政府信息公开工作年度报告</a></li>'
                        for i in range(3))
        site.routes[f"/{c}/index.html"] = html(page_with(f"<ul>{links}</ul>", "政府信息公开年报"))
        for i in range(3):
            site.routes[f"/{c}/r{i}.html"] = html(to_html(_doc(i)))
    out = CliRunner().invoke(cli, ["audit", "--isolated", "--no-history", *WEB, "--max-per-host", "4",
                                   "--crawl", site.url("/a/index.html"), "--crawl", site.url("/b/index.html"),
                                   "--jsonl", str(tmp_path / "f.jsonl")])
    assert "2 report links left out: at most 4 from one host (--max-per-host)" in out.stderr, out.output
    assert not any(p.startswith("/b/r1") or p.startswith("/b/r2") for p in site.hits)
    assert "/b/r0.html" in site.hits


def test_a_typed_user_and_password_log_in_and_are_never_shown_or_stored(site, tmp_path):
    """``https://user:password@host/…`` typed by the user: the password is sent as HTTP basic auth
    to that origin alone, and the URL is shown, exported and stored without it (check, audit)."""
    import base64

    page = to_html(_doc(3)).encode()
    token = "Basic " + base64.b64encode(b"clerk:s3cretpw").decode()

    def guarded(handler):
        if handler.headers.get("Authorization") != token:
            return 401, {"WWW-Authenticate": 'Basic realm="x"'}, b""
        return 200, {"Content-Type": "text/html; charset=utf-8"}, page
    site.routes["/private/r3.html"] = guarded
    url = site.url("/private/r3.html").replace("http://", "http://clerk:s3cretpw@")
    one = CliRunner().invoke(cli, ["check", "--isolated", "--format", "json", *WEB, url])
    assert one.exit_code in (0, 1), one.output
    assert "s3cretpw" not in one.output and "clerk" not in one.output
    assert site.url("/private/r3.html") in one.stdout
    (tmp_path / "urls.txt").write_text(url + "\n", encoding="utf-8")
    store = tmp_path / "h" / "history.sqlite"
    (tmp_path / "h").mkdir()
    out = CliRunner().invoke(cli, ["audit", "--isolated", "--history", str(store), *WEB, "--urls",
                                   str(tmp_path / "urls.txt"), "--jsonl", str(tmp_path / "f.jsonl")])
    assert out.exit_code in (0, 1), out.output
    assert "s3cretpw" not in out.output and "s3cretpw" not in (tmp_path / "f.jsonl").read_text("utf-8")
    with sqlite3.connect(store) as db:
        dump = "\n".join(db.iterdump())
    assert "s3cretpw" not in dump and site.url("/private/r3.html") in dump
