"""An audit of scanned reports, as a supervisor runs one: N image-only PDFs (generated reports
scanned at 150, 200 and 300 dpi in turn, with the faults of tests/generators/scans.py) audited
with ``xxgk-lint audit -j J --no-history``; prints the wall time, the pages, and the peak memory
of the largest process (a worker: it holds the OCR models).

    python bench/ocr_audit.py [--reports 100] [--jobs 2]
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from tests.generators.documents import to_pdf
    from tests.generators.generate import consistent_doc
    from tests.generators.scans import image_pdf, scan_pages

    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=100)
    ap.add_argument("--jobs", default="2")
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="xxgk-ocr-audit-"))
    pages = 0
    for i in range(args.reports):
        dpi = (150, 200, 300)[i % 3]
        scans = scan_pages(to_pdf(consistent_doc(random.Random(1000 + i))), dpi, random.Random(i))
        pages += len(scans)
        (folder / f"report-{i:03d}.pdf").write_bytes(image_pdf(scans, dpi))
    out = folder / "findings.jsonl"
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "xxgk_lint", "audit", "--isolated", "--no-history", "-q",
                          "-j", args.jobs, "--jsonl", str(out), "--include", "report-*.pdf", str(folder)],
                         capture_output=True, text=True)
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    lines = out.read_text("utf-8").splitlines() if out.is_file() else []
    errors = sum('"severity": "error"' in line for line in lines)
    print(f"{args.reports} scanned reports, {pages} pages, audit -j {args.jobs}: {wall:.0f} s wall "
          f"({pages / wall:.2f} pages/s), peak {peak:.0f} MB in the largest process, exit {run.returncode}, "
          f"{len(lines)} finding lines, {errors} errors")
    if run.returncode not in (0, 1):
        print(run.stderr[-2000:])


if __name__ == "__main__":
    main()
