"""`xxgk-lint audit` over a folder of generated reports in every format, with planted errors."""

from __future__ import annotations

import csv
import json
import os
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from xxgk_lint import audit as A
from xxgk_lint.cli import cli
from xxgk_lint.identify import load_mapping
from xxgk_lint.session import Session
from tests.generators.documents import to_docx, to_html, to_pipe_text
from tests.generators.generate import consistent_doc, to_yaml

FORMATS = {"yaml": lambda d: to_yaml(d).encode(), "txt": lambda d: to_pipe_text(d).encode(),
           "html": lambda d: to_html(d).encode(), "docx": to_docx}


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """24 reports of distinct bodies (4 formats), three with a planted error, one broken file,
    one body and year submitted twice."""
    root = tmp_path_factory.mktemp("submitted")
    planted = {}
    for i in range(24):
        doc = consistent_doc(random.Random(100 + i))
        doc["meta"]["body"] = f"示例{i}县教育局"
        doc["meta"]["kind"] = "department"
        doc["meta"]["title"] = f"示例{i}县教育局{doc['meta']['year']}年政府信息公开工作年度报告"
        fmt = list(FORMATS)[i % 4]
        if i in (1, 6, 11):
            doc["tables"]["t4"]["reconsideration"][0] += 1          # 结果维持 off by one: the total is not
            planted[f"r{i:02d}.{fmt}"] = ("T4-SUM", "reconsideration")
        sub = root / ("a" if i % 2 else "b")
        sub.mkdir(exist_ok=True)
        (sub / f"r{i:02d}.{fmt}").write_bytes(FORMATS[fmt](doc))
        if i == 5:      # the same report sent again, as HTML
            (sub / "again.html").write_bytes(to_html(doc).encode())
    (root / "a" / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    (root / "a" / "notes.md").write_text("not a report", encoding="utf-8")
    return root, planted


def run(*args):
    return CliRunner().invoke(cli, ["audit", "--isolated", *map(str, args)])


def test_every_planted_error_found_and_nothing_else(folder, tmp_path):
    root, planted = folder
    out = tmp_path / "f.jsonl"
    result = run(root, "--jsonl", out, "-j", "1", "--quiet")
    assert result.exit_code == 2                      # the broken file
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if '"error":' not in line]
    found = {(Path(r["file"]).name, r["rule"], r["place"]["row"]) for r in rows if r["severity"] == "error"}
    assert found == {(name, rule, row) for name, (rule, row) in planted.items()}
    assert all(r["severity"] == "error" for r in rows)
    loc = next(r for r in rows if r["file"].endswith(".txt"))
    assert loc["line"] and loc["col"]


def test_parallel_equals_serial(folder):
    root, _ = folder
    files = A.walk([str(root)])
    serial, _ = A.run(files, Session(), 1)
    parallel, _ = A.run(files, Session(), 2)
    plain = lambda results: [r.to_plain() | {"timings": None} for r in results]
    assert plain(serial) == plain(parallel)
    assert [f.message("zh") for r in serial for f in r.findings] == \
        [f.message("zh") for r in parallel for f in r.findings]
    assert len(serial) == 26 and not any(p.endswith(".md") for p in files)


def test_summary_duplicates_and_unreadable(folder):
    root, _ = folder
    result = run(root, "-j", "2")
    out = result.output
    assert "xxgk-lint: error:" in out and "broken.docx" in out
    assert "同一机关同一年度有多个文件: 示例5县教育局" in out
    assert "T4-SUM" in out and "共审查 26 个文件（26 个完成）：无法读取 1，有错误 3" in out
    lines = out.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("文件"))
    assert lines[header + 1].split()[0] == "a/broken.docx"      # worst first, relative to the folder


def test_csv_and_xlsx(folder, tmp_path):
    from openpyxl import load_workbook

    root, planted = folder
    result = run(root, "--csv", tmp_path / "f.csv", "--xlsx", tmp_path / "a.xlsx", "--quiet")
    assert result.exit_code == 2
    with open(tmp_path / "f.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][:5] == ["文件", "发布机关", "年度", "规则", "级别"] and len(rows) == 1 + len(planted)
    wb = load_workbook(tmp_path / "a.xlsx")
    assert wb.sheetnames == ["汇总", "问题", "规则", "重复"]
    summary = wb["汇总"]
    assert summary.freeze_panes == "A2" and summary.auto_filter.ref
    assert [c.value for c in summary[1]][:3] == ["文件", "发布机关", "年度"]
    assert summary.max_row == 27 and summary["I2"].value == "无法读取"
    assert wb["问题"].max_row == 1 + len(planted)
    assert wb["规则"]["A2"].value == "T4-SUM" and wb["规则"]["C2"].value == len(planted)


def test_mapping_overrides_identity_and_file_names_fill_in(tmp_path):
    doc = consistent_doc(random.Random(3))
    text = to_pipe_text(doc).replace(doc["meta"]["title"], "年度报告")    # a title naming nothing
    (tmp_path / "示例乡2024年报告.txt").write_text(text, encoding="utf-8")
    files = A.walk([str(tmp_path)])
    results, _ = A.run(files, Session(), 1)
    # the report names no body: the file name does; its year comes from the report itself
    i = results[0].identity
    assert (i.body, i.year, i.source) == ("示例乡", doc["meta"]["year"], "file name")
    mapping = tmp_path / "map.csv"
    mapping.write_text(f"file,body,year,kind\n{files[0]},示例乡人民政府,2024,township\n", encoding="utf-8")
    session = Session(mapping=load_mapping(str(mapping)))
    results, _ = A.run(files, session, 1)
    i = results[0].identity
    assert results[0].report is None and results[0].template == "2021"   # an audit lets go of its reports
    meta = A.lint_for_audit(files[0], session).report.meta
    assert (i.body, i.year, i.kind, i.source) == ("示例乡人民政府", 2024, "township", "mapping")
    # the mapping's identity is the report's: rules and outputs see the same body, year and kind
    assert (meta.body, meta.year, meta.kind, meta.body_source) == ("示例乡人民政府", 2024, "township", "mapping")


def test_a_saved_page_s_pictures_are_not_audited_as_reports(tmp_path):
    """A picture a saved page shows is read with the page (by OCR), not as a report of its own;
    a scan alone in the folder is one."""
    (tmp_path / "r.html").write_text('<p><img src="t3.png"><img src="%E8%A1%A8%E5%9B%9B.jpg"></p>', encoding="utf-8")
    (tmp_path / "gbk.htm").write_bytes('<img src="表二.png">'.encode("gbk"))
    for name in ("t3.png", "表四.jpg", "表二.png", "scan-2023.png"):
        (tmp_path / name).write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "saved_files").mkdir()                   # a browser's "save page, complete"
    (tmp_path / "saved.html").write_text("<p>报告</p>", encoding="utf-8")
    (tmp_path / "saved_files" / "image001.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "saved_files" / "index.json").write_text('{"/a.jpg": "image001.jpg"}', encoding="utf-8")
    (tmp_path / "pages").mkdir()                         # pictures with no page: scans, each a report
    (tmp_path / "pages" / "p1.jpg").write_bytes(b"\xff\xd8\xff")
    names = sorted(os.path.relpath(f, tmp_path) for f in A.walk([str(tmp_path)]))
    assert names == ["gbk.htm", "pages/p1.jpg", "r.html", "saved.html", "scan-2023.png"]


def test_include_exclude_and_fail_on(folder):
    root, planted = folder
    files = A.walk([str(root)], ("*.txt",), ("b/*",))
    assert files and all(f.endswith(".txt") and "/a/" in f for f in files)
    result = run(root, "--include", "*.txt", "--fail-on", "error", "--quiet")
    expected = 1 if any(n.endswith(".txt") for n in planted) else 0
    assert result.exit_code == expected


def test_nothing_to_audit(tmp_path):
    result = run(tmp_path)
    assert result.exit_code == 2 and "no report files found" in result.output


# --------------------------------------------------------------------------- history store
def _two_years(root: Path, bodies: int = 6, broken_carry: tuple[int, ...] = (2,)) -> dict[str, str]:
    """The same bodies' reports for 2022 and 2023; the 2023 reports of ``broken_carry`` bodies
    carry over a different number than 2022 carried forward."""
    expect = {}
    for i in range(bodies):
        for year in (2022, 2023):
            doc = consistent_doc(random.Random(i * 10 + year))
            body = f"示例{i}区司法局"
            doc["meta"].update(body=body, kind="department", year=year,
                               title=f"{body}{year}年政府信息公开工作年度报告")
            doc["meta"]["published"] = doc["meta"]["published"].replace(year=year + 1, month=1, day=15)
            doc["meta"]["period"] = {"start": doc["meta"]["period"]["start"].replace(year=year),
                                     "end": doc["meta"]["period"]["end"].replace(year=year)}
            doc["sections"][0]["text"] = f"{year}年，本局依法做好政府信息公开工作。" + "主动公开、依申请公开、信息管理、平台建设、监督保障。" * (i + 1 + year % 3)
            t3 = doc["tables"]["t3"]
            if year == 2022:
                t3["carried_forward"] = [1, 0, 0, 0, 0, 0, 1]
                t3["result_total"] = [v - c for v, c in zip(
                    [a + b for a, b in zip(t3["new_received"], t3["carried_over_prev"])], t3["carried_forward"])]
            else:
                prev = 2 if i in broken_carry else 1
                t3["carried_over_prev"] = [prev, 0, 0, 0, 0, 0, prev]
                t3["result_total"] = [a + b - c for a, b, c in zip(t3["new_received"], t3["carried_over_prev"],
                                                                   t3["carried_forward"])]
            res_rows = [r for r in t3 if r not in ("new_received", "carried_over_prev", "result_total",
                                                   "carried_forward")]
            for r in res_rows:
                t3[r] = [0] * 7
            t3["disclosed"] = list(t3["result_total"])
            name = f"y{year}/body{i}.yaml"
            (root / f"y{year}").mkdir(parents=True, exist_ok=True)
            (root / name).write_text(to_yaml(doc), encoding="utf-8")
            if year == 2023 and i in broken_carry:
                expect[name] = "XY-CARRY"
    return expect


def test_cross_year_carry_found_within_one_audit(tmp_path):
    root = tmp_path / "sub"
    expect = _two_years(root)
    out = tmp_path / "f.jsonl"
    result = run(root, "--jsonl", out, "-j", "2", "--quiet", "--history", tmp_path / "h.sqlite")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if '"error":' not in line]
    xy = {(str(Path(r["file"]).relative_to(root)), r["rule"]) for r in rows if r["rule"].startswith("XY-")}
    assert {(n, "XY-CARRY") for n in expect} <= xy
    assert all(rule != "XY-CARRY" or name in expect for name, rule in xy)
    carry = next(r for r in rows if r["rule"] == "XY-CARRY")
    assert carry["values"]["value"] == 2 and carry["values"]["expected"] == 1
    # it points at the cell in the current report's own file
    lines = Path(carry["file"]).read_text(encoding="utf-8").splitlines()[:carry["line"]]
    key = next(x for x in reversed(lines) if not x.strip().startswith("-"))
    assert lines[-1].strip() == "- 2" and key.strip() == "carried_over_prev:"


def test_incremental_audit_reuses_the_store_and_sees_last_year(tmp_path):
    root = tmp_path / "sub"
    expect = _two_years(root)
    store = tmp_path / "h.sqlite"
    run(root / "y2022", "--quiet", "--history", store)             # last year, audited before
    out = tmp_path / "f.jsonl"
    run(root / "y2023", "--quiet", "--history", store, "--jsonl", out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if '"error":' not in line]
    assert {Path(r["file"]).name for r in rows if r["rule"] == "XY-CARRY"} == {Path(n).name for n in expect}
    files = A.walk([str(root / "y2023")])
    from xxgk_lint.history import History

    h = History(store)
    records, _ = A.run(files, Session(), 1, history=h, use_cache=False)
    again, _ = A.run(files, Session(), 1, history=h)
    assert all(r.cached for r in again) and not any(r.cached for r in records)
    strip = lambda results: [(r.path, sorted(f.rule_id for f in r.findings)) for r in results]
    assert strip(records) == strip(again)
    listing = list(h.listing())
    assert {(b, y) for b, y, *_ in listing} >= {("示例0区司法局", 2022), ("示例0区司法局", 2023)}
    h.close()
    result = CliRunner().invoke(cli, ["history", str(store)])
    assert result.exit_code == 0 and "示例0区司法局" in result.output


def test_another_language_reads_no_report_again(tmp_path):
    """Messages are worded when the outputs are written: the store serves every --lang."""
    root = tmp_path / "sub"
    _two_years(root)
    store = tmp_path / "h.sqlite"
    zh, en = tmp_path / "zh.jsonl", tmp_path / "en.jsonl"
    assert run(root, "--quiet", "--history", store, "--jsonl", zh).exit_code == 0
    read = []
    import xxgk_lint.audit as audit_module

    real = audit_module.lint_for_audit
    audit_module.lint_for_audit = lambda path, session, source=None: read.append(path) or real(path, session, source)
    try:
        assert run(root, "--quiet", "--history", store, "--jsonl", en, "--lang", "en", "-j", "1").exit_code == 0
    finally:
        audit_module.lint_for_audit = real
    assert read == []
    rows = {lang: [json.loads(x) for x in p.read_text(encoding="utf-8").splitlines()] for lang, p in
            (("zh", zh), ("en", en))}
    assert [(r["file"], r["rule"], r["line"]) for r in rows["zh"]] == [(r["file"], r["rule"], r["line"])
                                                                        for r in rows["en"]]
    carry = next(r for r in rows["en"] if r["rule"] == "XY-CARRY")
    assert carry["message"].startswith("Table 3 row 2") and carry["line"]


def test_killed_audit_leaves_a_consistent_store(tmp_path):
    import os
    import signal
    import sqlite3
    import subprocess
    import sys
    import time

    root = tmp_path / "sub"
    _two_years(root, bodies=20, broken_carry=())
    store = tmp_path / "h.sqlite"
    cmd = [sys.executable, "-m", "xxgk_lint", "audit", "--isolated", "-q", "-j", "1", "--history", str(store), str(root)]
    env = {**os.environ, "XXGK_LINT_CACHE_DIR": ""}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:            # kill it once a few reports are stored
        time.sleep(0.05)
        try:
            n = sqlite3.connect(str(store)).execute("SELECT COUNT(*) FROM reports").fetchone()[0]
        except sqlite3.Error:
            continue
        if n >= 3:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    from xxgk_lint.history import History

    stored = History(store)
    assert [path for _, _, path, *_ in stored.listing()]            # whole rows only: each one reads back
    stored.close()
    assert subprocess.run(cmd, env=env, capture_output=True, timeout=120).returncode == 0
    assert sqlite3.connect(str(store)).execute("SELECT COUNT(DISTINCT path) FROM reports").fetchone()[0] == 40


def test_two_audits_share_one_store(tmp_path):
    import os
    import sqlite3
    import subprocess
    import sys

    root = tmp_path / "sub"
    _two_years(root, bodies=8)
    store = tmp_path / "h.sqlite"
    env = {**os.environ, "XXGK_LINT_CACHE_DIR": ""}
    cmds = [[sys.executable, "-m", "xxgk_lint", "audit", "--isolated", "-q", "-j", "1", "--no-cache",
             "--history", str(store), str(root / y)] for y in ("y2022", "y2023")]
    procs = [subprocess.Popen(c, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for c in cmds]
    for p in procs:
        assert p.wait(timeout=120) == 0, p.stderr.read()
    db = sqlite3.connect(str(store))
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT COUNT(DISTINCT path) FROM reports").fetchone()[0] == 16


def test_hierarchy_sum_and_missing_children(tmp_path):
    root = tmp_path / "sub"
    root.mkdir()
    figures = {"示例县教育局": 10, "示例县公安局": 20, "示例县人民政府": 31}
    for body, total in figures.items():
        doc = consistent_doc(random.Random(len(body)))
        doc["meta"].update(body=body, title=f"{body}2023年政府信息公开工作年度报告", year=2023)
        doc["tables"]["t3"]["new_received"][6] = total     # only the aggregated cell matters here
        (root / f"{body}.yaml").write_text(to_yaml(doc), encoding="utf-8")
    tree = tmp_path / "tree.yaml"
    tree.write_text("cells: [t3.new_received.total]\nparents:\n  示例县人民政府: [示例县教育局, 示例县公安局]\n"
                    "  示例县教育局: [示例县第一中学]\n", encoding="utf-8")
    out = tmp_path / "f.jsonl"
    run(root, "--hierarchy", tree, "--jsonl", out, "--quiet", "--no-history", "--select", "HIER")
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if '"error":' not in line]
    got = {(r["body"], r["rule"]) for r in rows}
    assert got == {("示例县人民政府", "HIER-SUM"), ("示例县教育局", "HIER-INCOMPLETE")}
    s = next(r for r in rows if r["rule"] == "HIER-SUM")
    assert (s["values"]["value"], s["values"]["expected"]) == (31, 30)
    bad = tmp_path / "bad.yaml"
    bad.write_text("parents: [a, b]\n", encoding="utf-8")
    result = run(root, "--hierarchy", bad, "--quiet")
    assert result.exit_code == 2 and "a hierarchy has 'parents'" in result.output


def test_end_to_end_a_few_hundred_reports(tmp_path):
    """200 reports of 100 bodies over two years in four formats, with planted table errors,
    broken carry-overs, two unreadable files and a duplicate: exactly those are found."""
    from tests.generators.generate import link_years

    root = tmp_path / "sub"
    expect: set[tuple[str, str]] = set()
    for i in range(100):
        body = f"示例{i}市场监督管理局"
        docs = {y: consistent_doc(random.Random(i * 7 + y), year=y) for y in (2022, 2023)}
        link_years(docs[2022], docs[2023])
        for year, doc in docs.items():
            doc["meta"].update(body=body, kind="department", title=f"{body}{year}年政府信息公开工作年度报告")
            doc["meta"]["published"] = doc["meta"]["published"].replace(month=1, day=20)
            fmt = list(FORMATS)[(i + year) % 4]
            name = f"{year}/{i:03d}.{fmt}"
            t3 = doc["tables"]["t3"]
            if year == 2023 and i % 25 == 3:
                doc["tables"]["t4"]["litigation_after"][1] += 1
                doc["tables"]["t4"]["litigation_after"][4] += 1
                doc["tables"]["t4"]["litigation_after"][3] += 1          # parts +2, total +1
                expect.add((name, "T4-SUM"))
            if year == 2023 and i % 30 == 7:
                for c in (0, 6):
                    t3["carried_over_prev"][c] += 1
                    t3["disclosed"][c] += 1
                    t3["result_total"][c] += 1
                expect.add((name, "XY-CARRY"))
            doc["sections"][0]["text"] = overview_for(doc)
            (root / str(year)).mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(FORMATS[fmt](doc))
            if year == 2023 and i == 50:           # sent twice
                (root / str(year) / "again.yaml").write_text(to_yaml(doc), encoding="utf-8")
    (root / "2023" / "garbled.txt").write_bytes(b"\x80\xff" * 40)
    (root / "2023" / "empty.html").write_bytes(b"")
    out = tmp_path / "f.jsonl"
    result = run(root, "--jsonl", out, "-j", "2", "--history", tmp_path / "h.sqlite",
                 "--ignore", "XY-COPIED,XY-JUMP,XY-IN-FORCE")   # random table 2s do not follow on
    assert result.exit_code == 2 and result.output.count("xxgk-lint: error:") == 2
    assert "同一机关同一年度有多个文件: 示例50市场监督管理局 2023" in result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if '"error":' not in line]
    found = {(str(Path(r["file"]).relative_to(root)), r["rule"]) for r in rows}
    assert found == expect
    t4 = next(r for r in rows if r["rule"] == "T4-SUM")
    assert t4["place"] == {"table": "t4", "row": "litigation_after", "col": "total"}
    assert t4["line"] or (t4["location"] or {}).get("table")


def overview_for(doc):
    from tests.generators.generate import overview, prose_facts

    rng = random.Random(doc["meta"]["body"])
    return overview(doc, prose_facts(doc, rng), rng)


def test_ctrl_c_stops_cleanly_and_writes_what_was_finished(tmp_path):
    import os
    import signal
    import sqlite3
    import subprocess
    import sys
    import time

    root = tmp_path / "sub"
    _two_years(root, bodies=150, broken_carry=())
    out, xlsx, store = tmp_path / "f.jsonl", tmp_path / "a.xlsx", tmp_path / "h.sqlite"
    cmd = [sys.executable, "-m", "xxgk_lint", "audit", "--isolated", "-j", "1", "--history", str(store),
           "--jsonl", str(out), "--xlsx", str(xlsx), str(root)]
    env = {**os.environ, "XXGK_LINT_CACHE_DIR": ""}
    # Ctrl-C must reach the audit even when these tests run as a background job, whose children
    # inherit SIGINT ignored (and Python then installs no KeyboardInterrupt handler)
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:      # interrupt once some reports are done
        time.sleep(0.02)
        if not store.exists():
            continue
        try:
            db = sqlite3.connect(f"file:{store}?mode=ro", uri=True)    # never creates the store itself
            try:
                if db.execute("SELECT COUNT(*) FROM reports").fetchone()[0] >= 5:
                    break
            finally:
                db.close()
        except sqlite3.Error:
            continue
    assert proc.poll() is None, "the audit ended before the test saw five stored reports"
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert "Traceback" not in stderr
    assert proc.returncode == 130, stdout[-300:]
    assert "已中断" in stdout and xlsx.exists() and out.exists()
    done = int(stdout.split("（")[-1].split(" 个完成")[0])
    assert 5 <= done < 300


def test_a_store_of_the_first_schema_is_migrated_and_its_rows_read_again(tmp_path):
    """Schema 1 kept records worded in one language and documents as YAML: after the migration
    its rows are listed still, never served from the cache, and the files are read again."""
    import sqlite3

    from xxgk_lint.history import MIGRATIONS, History

    root = tmp_path / "sub"
    _two_years(root, bodies=2)
    store = tmp_path / "h.sqlite"
    db = sqlite3.connect(str(store))
    db.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")
    old = root / "y2023" / "body0.yaml"
    db.execute("INSERT INTO reports (path, content_hash, ruleset, body, year, kind, template, document, record,"
               " audited_at) VALUES (?, ?, 'old', '示例0区司法局', 2023, 'department', '2021', 'meta: {}',"
               " ?, '2025-01-01T00:00:00')", (str(old), A.content_hash(str(old)),
                                                 json.dumps({"path": str(old), "findings": [{"rule": "T3-X"}]})))
    db.commit()
    db.close()
    h = History(store)
    assert h.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    results, _ = A.run(A.walk([str(root)]), Session(), 1, history=h)
    assert not any(r.cached for r in results) and len(results) == 4
    assert h.previous("示例0区司法局", 2022) is not None and ("示例0区司法局", 2023) in {
        (b, y) for b, y, *_ in h.listing()}
    h.close()


def test_a_store_written_by_the_release_before_reads_packs_and_vacuums(tmp_path):
    """tests/fixtures/history-v4.sqlite was written by the release before packed stores (schema 4:
    snapshots and records as JSON text): `audit --history` of three bodies' 2022 reports
    (_two_years(bodies=3)).  This release opens it (schema 5), reads its rows, compares this
    year's reports with them (XY-CARRY on body 2, as when both years are audited at once), packs
    its own rows, and `history --vacuum` packs the old ones and keeps what a cross-year rule needs."""
    import shutil
    import sqlite3

    store = tmp_path / "h.sqlite"
    shutil.copy(Path(__file__).parent / "fixtures" / "history-v4.sqlite", store)
    root = tmp_path / "sub"
    _two_years(root, bodies=3)
    out = tmp_path / "f.jsonl"
    run(root / "y2023", "--quiet", "--history", store, "--jsonl", out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {Path(r["file"]).name for r in rows if r.get("rule") == "XY-CARRY"} == {"body2.yaml"}
    db = sqlite3.connect(store)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 5
    kinds = dict(db.execute("SELECT year, GROUP_CONCAT(DISTINCT typeof(snapshot)) FROM reports GROUP BY year"))
    assert kinds == {2022: "text", 2023: "blob"}          # old rows as they were, new ones packed
    db.close()
    listed = CliRunner().invoke(cli, ["history", str(store)])
    assert listed.exit_code == 0 and listed.output.count("示例") >= 6
    vacuumed = CliRunner().invoke(cli, ["history", "--vacuum", str(store)])
    assert vacuumed.exit_code == 0 and "6 results, 6 kept" in vacuumed.output, vacuumed.output
    db = sqlite3.connect(store)
    assert {t for (t,) in db.execute("SELECT DISTINCT typeof(snapshot) FROM reports")} == {"blob"}
    db.close()
    again = tmp_path / "g.jsonl"              # the packed 2022 rows still serve the cross-year rule
    run(root / "y2023", "--quiet", "--no-cache", "--history", store, "--jsonl", again)
    assert {Path(json.loads(line)["file"]).name for line in again.read_text(encoding="utf-8").splitlines()
            if json.loads(line).get("rule") == "XY-CARRY"} == {"body2.yaml"}


def test_a_store_keeps_about_a_kilobyte_a_report_and_vacuum_drops_old_results(tmp_path):
    """Packed with the store's own dictionary, a report's snapshot and result take about 1 KB
    (22 KB as JSON text); auditing a changed file again leaves its old result, which vacuum drops
    (the file's latest result stays, and so does each body and year's latest snapshot)."""
    import sqlite3

    root = tmp_path / "sub"
    _two_years(root, bodies=6)
    store = tmp_path / "h.sqlite"
    run(root, "--quiet", "--history", store)
    db = sqlite3.connect(store)
    per_report = db.execute("SELECT AVG(LENGTH(snapshot) + LENGTH(record)) FROM reports").fetchone()[0]
    db.close()
    assert per_report < 4096, per_report
    changed = root / "y2023" / "body0.yaml"
    changed.write_text(changed.read_text(encoding="utf-8").replace("依法做好", "认真做好"), encoding="utf-8")
    run(root, "--quiet", "--history", store)
    out = CliRunner().invoke(cli, ["history", "--vacuum", str(store)])
    assert out.exit_code == 0 and "13 results, 12 kept" in out.output, out.output


def test_the_store_s_dictionary_is_a_report_even_when_unreadable_files_come_first(tmp_path):
    import sqlite3

    root = tmp_path / "sub"
    _two_years(root, bodies=3)
    (root / "y2022" / "a-empty.txt").write_bytes(b"")          # sorted first, and unreadable
    store = tmp_path / "h.sqlite"
    run(root, "--quiet", "-j", "1", "--history", store)
    db = sqlite3.connect(store)
    (data,) = db.execute("SELECT data FROM dictionaries").fetchone()
    per_report = db.execute("SELECT AVG(LENGTH(snapshot)) FROM reports WHERE snapshot IS NOT NULL").fetchone()[0]
    db.close()
    assert "示例".encode() in data and per_report < 2048, per_report
