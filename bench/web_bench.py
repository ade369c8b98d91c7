"""Web audit benchmark: N generated reports served by a local HTTP server (127.0.0.1), half as
article pages and half as stub pages whose report is a Word attachment, audited with
`audit --urls` (per-host limit lifted: --per-host 8 --delay 0) against the same documents
audited from disk, in the same run, both with `-j 2` and no history.

    python bench/web_bench.py [--reports 300]

Target: the web audit within 1.5x of the disk audit.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))      # tests.generators and tests.webserver


def main() -> None:
    from tests.generators.documents import to_docx, to_html
    from tests.generators.generate import consistent_doc
    from tests.webserver import Site, html, page_with

    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=3)
    n = ap.parse_args().reports
    rounds = ap.parse_args().rounds
    work = Path(tempfile.mkdtemp(prefix="xxgk-web-bench-"))
    folder = work / "reports"
    folder.mkdir()
    site = Site()
    urls = []
    for i in range(n):
        doc = consistent_doc(random.Random(i))
        doc["meta"]["body"] = f"示例{i}局"
        if i % 5 == 0:
            doc["tables"]["t4"]["reconsideration"][0] += 1     # findings to compare between the runs
        if i % 2:
            data = to_docx(doc)
            (folder / f"{i:05d}.docx").write_bytes(data)
            site.routes[f"/files/{i}.docx"] = (200, {"Content-Type": "application/octet-stream"}, data)
            site.routes[f"/art/{i}.html"] = html(page_with(f'<p>附件：<a href="/files/{i}.docx">年度报告.docx</a></p>'))
        else:
            page = to_html(doc)
            (folder / f"{i:05d}.html").write_text(page, encoding="utf-8")
            site.routes[f"/art/{i}.html"] = html(page)
        urls.append(site.url(f"/art/{i}.html"))
    (work / "urls.txt").write_text("\n".join(urls) + "\n", encoding="utf-8")
    base = [sys.executable, "-m", "xxgk_lint", "audit", "--isolated", "-q", "-j", "2", "--no-history"]
    runs = {"disk": [*base, str(folder)],
            "web": [*base, "--per-host", "8", "--delay", "0", "--urls", str(work / "urls.txt")]}
    # first, once each with a findings export: both must find the same (a web audit that fails
    # its fetches quickly would look fast)
    found = {}
    for name, cmd in runs.items():
        out = work / f"{name}.jsonl"
        subprocess.run([*cmd, "--jsonl", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        found[name] = Counter(json.loads(line)["rule"] for line in out.read_text(encoding="utf-8").splitlines())
    if found["web"] != found["disk"]:
        sys.exit(f"the web audit found other things than the disk audit: {found['web']} != {found['disk']}")
    best = {k: float("inf") for k in runs}
    for _ in range(rounds):         # alternate, best of each: a busy machine slows both alike
        for name, cmd in runs.items():
            t = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            best[name] = min(best[name], time.perf_counter() - t)
    site.close()
    hits = sum(site.hits.values())
    for name in runs:
        print(f"{name:5s} {best[name]:6.2f} s  {n / best[name]:6.1f} reports/s")
    print(f"findings: {sum(found['web'].values())} in each run, the same rules")
    print(f"web / disk: {best['web'] / best['disk']:.2f}x  (target <= 1.5x); {hits} requests served")


if __name__ == "__main__":
    main()
