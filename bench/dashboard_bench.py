"""How the audit dashboard opens at scale: N results (real ones from an audit of generated pipe-text
reports, repeated under new names to reach N), written as the dashboard, opened in Chromium.

    python bench/dashboard_bench.py [--n 10000 100000]

Prints the page's size, the time to write it, and the time from navigation until the table's
first page is drawn (load + JSON.parse + sort + the first 200 rows); the ratio to the same
time for 1,000 results in the same run is the figure to watch.  Target (issue 26): opens within
2 s at 10^5 reports.  Needs chromium and playwright (the test extra).
"""

from __future__ import annotations

import argparse
import copy
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def results(n: int, base: list) -> list:
    out = []
    for i in range(n):
        r = copy.copy(base[i % len(base)])
        r.path = f"/reports/{i // 1000:03d}/{i:06d}.txt"
        out.append(r)
    return out


def main() -> None:
    from playwright.sync_api import sync_playwright

    from tests.generators.documents import to_pipe_text
    from tests.generators.generate import consistent_doc
    from xxgk_lint import audit as A
    from xxgk_lint.render import write
    from xxgk_lint.session import Session

    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, nargs="+", default=[10000, 100000])
    sizes = [1000, *ap.parse_args().n]
    work = Path(tempfile.mkdtemp(prefix="xxgk-dash-"))
    try:
        for i in range(400):           # one report in four with a broken identity, as in bench/scale.py
            rng = random.Random(i)
            doc = consistent_doc(rng)
            if rng.random() < 0.25:
                doc["tables"]["t3"]["result_total"][0] += 1
            (work / f"{i:04d}.txt").write_text(to_pipe_text(doc), encoding="utf-8")
        base, _ = A.run(A.walk([str(work)]), Session(), 2)
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
            first = None
            for n in sizes:
                page_path = work / f"dash-{n}.html"
                t = time.perf_counter()
                write("dashboard", str(page_path), results(n, base), "zh")
                written = time.perf_counter() - t
                page = browser.new_page()
                t = time.perf_counter()
                page.goto(page_path.as_uri())
                page.wait_for_selector("tr.report")
                opened = time.perf_counter() - t
                page.close()
                first = first or opened
                print(f"{n:>7} results: {page_path.stat().st_size / 1e6:6.1f} MB, written in {written:5.1f} s, "
                      f"opened in {opened:5.2f} s ({opened / first:.1f}x the 1,000-report page)")
            browser.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
