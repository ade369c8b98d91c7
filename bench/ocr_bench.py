"""OCR benchmark: generated reports made into scans (tests/generators/scans.py: PDFium render at
150 and 300 dpi, 1–2° skew, grey paper, speckle, JPEG) and read back by each OCR engine, against
the same reports' text PDFs read in the same run.

    python bench/ocr_bench.py [--reports 3] [--engines rapidocr,openvino,tesseract] [--dpi 300,150]

Per engine and resolution: cell accuracy over tables 2–4 (state and value equal to the text
version's), pages/s on one core (ONNX Runtime and Tesseract held to one thread), and the peak
memory of reading one scan in a fresh process.  Targets: ≥ 99.5% at 300 dpi, ≥ 98% at 150 dpi,
≥ 1 page/s, ≤ 1 GB.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["OMP_THREAD_LIMIT"] = "1"            # tesseract: one thread
TABLES = ("t2", "t3", "t4")

# VmHWM, not ru_maxrss: a child's ru_maxrss starts from its parent's (this process holds an engine)
_PEAK = """
import sys
from xxgk_lint.readers import read_report
read_report(sys.argv[1])
print(next(l.split()[1] for l in open("/proc/self/status") if l.startswith("VmHWM")))
"""


def main() -> None:
    from tests.generators.documents import to_pdf
    from tests.generators.generate import consistent_doc
    from tests.generators.scans import image_pdf, scan_pages
    from xxgk_lint.readers import ocr, read_data

    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=3)
    ap.add_argument("--engines", default="rapidocr,openvino,tesseract")
    ap.add_argument("--dpi", default="300,150")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="xxgk-ocr-bench-"))
    docs = []
    for i in range(args.reports):
        pdf = to_pdf(consistent_doc(random.Random(100 + i)))
        docs.append((pdf, read_data(pdf, f"{i}.pdf")))
    print(f"{'engine':10s} {'dpi':>4s} {'cells':>7s} {'accuracy':>9s} {'pages/s':>8s} {'peak MB':>8s}")
    for engine in args.engines.split(","):
        os.environ["XXGK_LINT_OCR"] = engine
        os.environ["XXGK_LINT_OCR_THREADS"] = "1"
        ocr._engine = None
        if not ocr.available():
            print(f"{engine:10s} not installed")
            continue
        for dpi in map(int, args.dpi.split(",")):
            same = total = pages = 0
            seconds = 0.0
            for i, (pdf, text) in enumerate(docs):
                scans = scan_pages(pdf, dpi, random.Random(i))
                data = image_pdf(scans, dpi)
                (work / f"{engine}-{dpi}-{i}.pdf").write_bytes(data)
                start = time.perf_counter()
                try:
                    scan = read_data(data, "scan.pdf")
                except Exception as e:  # noqa: BLE001 - an engine that reads nothing scores nothing
                    print(f"  {engine} {dpi} report {i}: {e}")
                    scan = None
                seconds += time.perf_counter() - start
                pages += len(scans)
                for tid in TABLES:
                    for key, cell in text.tables[tid].cells.items():
                        total += 1
                        t = scan.tables.get(tid) if scan is not None else None
                        got = t.cells.get(key) if t is not None and t.present else None
                        same += got is not None and (got.state, got.value) == (cell.state, cell.value)
            peak = subprocess.run([sys.executable, "-c", _PEAK, str(work / f"{engine}-{dpi}-0.pdf")],
                                  capture_output=True, text=True, env=os.environ | {"PYTHONPATH": str(ROOT / "src")})
            mb = int(peak.stdout.split()[-1]) / 1024 if peak.returncode == 0 and peak.stdout.split() else float("nan")
            print(f"{engine:10s} {dpi:4d} {total:7d} {same / total:9.2%} {pages / seconds:8.2f} {mb:8.0f}")


if __name__ == "__main__":
    main()
