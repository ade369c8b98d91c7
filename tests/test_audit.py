"""`xxgk-lint audit` over a folder of generated reports in every format, with planted errors."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from xxgk_lint import audit as A
from xxgk_lint.cli import cli
from xxgk_lint.testing.documents import to_docx, to_html, to_pipe_text
from xxgk_lint.testing.generate import consistent_doc, to_yaml

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
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    found = {(Path(r["file"]).name, r["rule"], r["place"]["row"]) for r in rows if r["severity"] == "error"}
    assert found == {(name, rule, row) for name, (rule, row) in planted.items()}
    assert all(r["severity"] == "error" for r in rows)
    loc = next(r for r in rows if r["file"].endswith(".txt"))
    assert loc["line"] and loc["col"]


def test_parallel_equals_serial(folder):
    root, _ = folder
    files = A.walk([str(root)])
    opts = {"isolated": True, "lang": "zh", "mapping": {}}
    serial, _ = A.run(files, opts, 1)
    parallel, _ = A.run(files, opts, 2)
    assert serial == parallel
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
    records, _ = A.run(files, {"isolated": True, "lang": "zh", "mapping": {}}, 1)
    # the report names no body: the file name does; its year comes from the report itself
    assert (records[0]["body"], records[0]["year"]) == ("示例乡", doc["meta"]["year"])
    mapping = tmp_path / "map.csv"
    mapping.write_text(f"file,body,year,kind\n{files[0]},示例乡人民政府,2024,township\n", encoding="utf-8")
    records, _ = A.run(files, {"isolated": True, "lang": "zh", "mapping": A.load_mapping(str(mapping))}, 1)
    assert (records[0]["body"], records[0]["year"], records[0]["kind"]) == ("示例乡人民政府", 2024, "township")


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
