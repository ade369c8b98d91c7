"""National scale on one machine: how the audit grows with the number of reports.

    python bench/scale.py                 # N = 1,000 and 10,000
    python bench/scale.py --n 1000 10000 100000

For each N it generates N reports of realistic size and shape — HTML pages, pipe text and Word
files in turn, with defects at rates like the real ones (a table identity broken in about one
report in four, a prose figure that contradicts its table in one in ten) — and audits them with
-j 2 and a new history store, with the CSV, XLSX and dashboard exports.  It prints the time,
reports per second, the peak memory of the audit's main process (sampled from /proc) and of its
largest worker, the history's size per report, the export sizes, and a cached rerun's time.
Last, the growth per added report between the smallest and the largest N: for memory this is
the figure that must be near zero.

Targets (issue 26): main-process memory flat within 50 MB from 10^3 to 10^5 reports with the
time linear; the history at most 4 KB per report and at most 1 ms per report to write.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))      # tests.generators: the report generators
TEMPLATE = ROOT / "tests" / "fixtures" / "template-2021-blank.docx"


def make(folder: Path, n: int) -> None:
    from tests.generators.documents import to_docx, to_html, to_pipe_text
    from tests.generators.generate import consistent_doc

    writers = (("html", lambda d: to_html(d).encode()), ("txt", lambda d: to_pipe_text(d).encode()),
               ("docx", lambda d: to_docx(d, TEMPLATE)))
    for i in range(n):
        rng = random.Random(i)
        doc = consistent_doc(rng)
        doc["meta"]["body"] = f"示例{i // 40}县第{i % 40}局"
        doc["meta"]["title"] = f"{doc['meta']['body']}{doc['meta']['year']}年政府信息公开工作年度报告"
        roll = rng.random()
        if roll < 0.25:                                   # an identity of table 3 broken
            doc["tables"]["t3"]["result_total"][0] += 1
        elif roll < 0.35:                                 # the prose says another figure
            doc["sections"][0]["text"] += f"全年共收到政府信息公开申请{doc['tables']['t3']['new_received'][6] + 3}件。"
        ext, write = writers[i % 3]
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{i:06d}.{ext}").write_bytes(write(doc))


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []


def audit(folder: Path, store: Path, out: Path, extra: list[str]) -> tuple[float, int, int]:
    """(seconds, peak MB of the main process, peak MB of the largest worker)."""
    cmd = [sys.executable, "-m", "xxgk_lint", "audit", "--isolated", "-q", "-j", "2", "--history", str(store),
           "--csv", str(out / "f.csv"), "--xlsx", str(out / "f.xlsx"), "--html", str(out / "f.html"),
           *extra, str(folder)]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = {"main": 0, "worker": 0}

    def sample() -> None:
        while proc.poll() is None:
            peak["main"] = max(peak["main"], _rss(proc.pid))
            peak["worker"] = max([peak["worker"], *(_rss(c) for c in _children(proc.pid))])
            time.sleep(0.05)
    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    proc.wait()
    watcher.join()
    return time.perf_counter() - t, peak["main"], peak["worker"]


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, nargs="+", default=[1000, 10000])
    sizes = sorted(ap.parse_args().n)
    work = Path(tempfile.mkdtemp(prefix="xxgk-scale-"))
    rows = []
    try:
        print(f"{'reports':>8} {'make s':>7} {'audit s':>8} {'per s':>6} {'main MB':>8} {'worker MB':>9} "
              f"{'history/report':>15} {'dashboard':>10} {'xlsx':>8} {'csv':>8} {'cached s':>8}")
        for n in sizes:
            folder, out = work / f"r{n}", work / f"o{n}"
            folder.mkdir()
            out.mkdir()
            t = time.perf_counter()
            make(folder, n)
            made = time.perf_counter() - t
            store = work / f"h{n}.sqlite"
            dt, main_mb, worker_mb = audit(folder, store, out, [])
            again, _, _ = audit(folder, store, out, [])
            hist = size(store) / n
            rows.append((n, dt, main_mb))
            print(f"{n:>8} {made:>7.0f} {dt:>8.1f} {n / dt:>6.0f} {main_mb:>8} {worker_mb:>9} "
                  f"{hist / 1024:>12.1f} KB {size(out / 'f.html') / 1e6:>7.1f} MB {size(out / 'f.xlsx') / 1e6:>5.1f} MB "
                  f"{size(out / 'f.csv') / 1e6:>5.1f} MB {again:>8.1f}")
            shutil.rmtree(folder, ignore_errors=True)
        if len(rows) > 1:
            (n0, t0, m0), (n1, t1, m1) = rows[0], rows[-1]
            print(f"growth per added report, {n0} -> {n1}: memory {(m1 - m0) * 1024 / (n1 - n0):.1f} KB "
                  f"(target: near 0; flat within 50 MB), time {(t1 - t0) / (n1 - n0) * 1000:.2f} ms "
                  f"(linear: the same as {t0 / n0 * 1000:.2f} ms at {n0})")
    finally:
        shutil.rmtree(work, ignore_errors=True)
        os.sync()


if __name__ == "__main__":
    main()
