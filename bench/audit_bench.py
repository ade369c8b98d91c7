"""Audit benchmark: 2,000 generated reports (YAML, pipe text, HTML, Word), `-j 1` and `-j 2`,
reports/s and peak memory; then the same audit again from the history store, in Chinese and then
in English (messages are worded at output: the store serves both).

    python bench/audit_bench.py [--reports 2000]

Targets: >= 200 reports/s with -j 2 on the 2-core machine; peak memory <= 500 MB; a second,
cached run >= 10x faster than the first, in either language.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))      # tests.generators: the report generators
TEMPLATE = ROOT / "tests" / "fixtures" / "template-2021-blank.docx"


def make(folder: Path, n: int) -> None:
    from tests.generators.documents import to_docx, to_html, to_pipe_text
    from tests.generators.generate import consistent_doc, to_yaml

    writers = (("yaml", lambda d: to_yaml(d).encode()), ("txt", lambda d: to_pipe_text(d).encode()),
               ("html", lambda d: to_html(d).encode()), ("docx", lambda d: to_docx(d, TEMPLATE)))
    for i in range(n):
        doc = consistent_doc(random.Random(i))
        doc["meta"]["body"] = f"示例{i}局"
        ext, write = writers[i % 4]
        (folder / f"{i:05d}.{ext}").write_bytes(write(doc))


def audit(folder: Path, jobs: int, store: Path, extra: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS MB of the audit and its workers)."""
    cmd = [sys.executable, "-m", "xxgk_lint", "audit", "--isolated", "-q", "-j", str(jobs), "--history", str(store),
           *extra, str(folder)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    dt = time.perf_counter() - t
    peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
    return dt, peak


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=2000)
    n = ap.parse_args().reports
    work = Path(tempfile.mkdtemp(prefix="xxgk-audit-bench-"))
    folder = work / "reports"
    folder.mkdir()
    t = time.perf_counter()
    make(folder, n)
    print(f"generated {n} reports in {time.perf_counter() - t:.1f} s (yaml, pipe text, html, docx in turn)")
    for jobs in (1, 2):
        store = work / f"h{jobs}.sqlite"
        dt, peak = audit(folder, jobs, store, ["--no-cache"])
        print(f"  -j {jobs}: {n / dt:6.0f} reports/s ({dt:.1f} s), peak memory {peak:.0f} MB "
              f"(targets: >= 200/s with -j 2, <= 500 MB)")
    dt2, _ = audit(folder, 2, work / "h2.sqlite", [])
    print(f"  cached second run (-j 2): {dt2:.2f} s, {dt / dt2:.0f}x faster (target >= 10x)")
    dt3, _ = audit(folder, 2, work / "h2.sqlite", ["--lang", "en"])
    print(f"  the same in English (-j 2): {dt3:.2f} s, {dt / dt3:.0f}x faster: no report read again")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
