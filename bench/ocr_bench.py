"""OCR benchmark: reports made into scans and read back, against the same reports' text layer
read in the same run.

    python bench/ocr_bench.py [--reports 3] [--dpi 300,200,150] [--no-real] [--steps] [--engine rapidocr]

Scans (tests/generators/scans.py): each page rendered by PDFium at the resolution, turned 1–2°,
on grey paper, with speckle, saved as JPEG (quality 60–80), wrapped as an image-only PDF.
- generated: ``--reports`` consistent reports from the test generator;
- real: every real report in ``../shared/corpus/real/`` (or $XXGK_SHARED/corpus/real) that has a
  text layer to score against: the PDF as published, and each HTML report printed to PDF by
  Chromium (its text layer is the truth; skipped without Chromium).

Per set and resolution: cells of tables 2–4 exact (state and value equal to the text layer's),
error findings on the scan that the text version does not have, pages per second on one core
(the recognisers held to one thread; models loaded before timing, as in a worker), table pages
and prose pages apart, and the peak memory of checking one scan in a fresh process.
``--steps`` reads the 150 dpi scans again with each step of the reader undone in turn.
Targets: cells ≥ 99.5% at 300 and 200 dpi, ≥ 98% at 150; ≥ 1 table page/s; ≤ 600 MB; no
error that the text version has not.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["XXGK_LINT_OCR_THREADS"] = "1"
os.environ["OMP_THREAD_LIMIT"] = "1"            # tesseract: one thread
TABLES = ("t2", "t3", "t4")
REAL = Path(os.environ.get("XXGK_SHARED", ROOT.parent / "shared")) / "corpus" / "real"

# VmHWM, not ru_maxrss: a child's ru_maxrss starts from its parent's
_PEAK = """
import sys
from xxgk_lint.cli import main
sys.argv = ["xxgk-lint", "check", "--isolated", "--quiet", sys.argv[1]]
try:
    main()
except SystemExit:
    pass
print(next(l.split()[1] for l in open("/proc/self/status") if l.startswith("VmHWM")))
"""


def generated(n: int) -> list[tuple[str, bytes, bytes]]:
    from tests.generators.documents import to_pdf
    from tests.generators.generate import consistent_doc

    pdfs = [to_pdf(consistent_doc(random.Random(100 + i))) for i in range(n)]
    return [(f"generated-{i}", pdf, pdf) for i, pdf in enumerate(pdfs)]


def real(work: Path) -> list[tuple[str, bytes, bytes]]:
    """The real reports with a text to score against: (name, PDF to scan, the truth's bytes): a
    PDF as published against its own text layer; an HTML report printed to PDF by Chromium
    against the HTML itself (the reading bench/accuracy.py scores)."""
    out = [(p.name, p.read_bytes(), p.read_bytes()) for p in sorted(REAL.glob("*.pdf"))]
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("  (no chromium: the real HTML reports are not printed)")
        return out
    for page in sorted(REAL.glob("*.html")):
        pdf = work / (page.stem + ".pdf")
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf}", page.resolve().as_uri()], capture_output=True, timeout=120)
        if pdf.is_file():
            out.append((page.name, pdf.read_bytes(), page.read_bytes()))
    return out


def score(text, scan) -> tuple[int, int]:
    same = total = 0
    for tid in TABLES:
        if tid not in text.tables or not text.tables[tid].present:
            continue
        for key, cell in text.tables[tid].cells.items():
            total += 1
            t = scan.tables.get(tid) if scan is not None else None
            got = t.cells.get(key) if t is not None and t.present else None
            same += got is not None and (got.state, got.value) == (cell.state, cell.value)
    return same, total


def prose_match(text, scan) -> float:
    """How much of the report's prose (its sections' text, spaces aside) the scan's reading
    matches: difflib's ratio of the two texts."""
    from difflib import SequenceMatcher

    def flat(report):
        return "".join("".join(s.text.split()) for s in report.sections) if report is not None else ""
    return SequenceMatcher(None, flat(text), flat(scan), autojunk=False).ratio()


def errors(path: Path) -> set[tuple[str, tuple]]:
    from xxgk_lint.lint import lint_file

    result = lint_file(str(path), _session())
    return {(f.rule_id, f.place.key()) for f in result.findings if f.severity == "error"}


_SESSION = None


def _session():
    global _SESSION
    if _SESSION is None:
        from xxgk_lint.session import Session

        _SESSION = Session()
    return _SESSION


def page_times(data: bytes) -> tuple[list[float], list[float]]:
    """Seconds of OCR for each table page and each prose page of an image-only PDF."""
    import pypdfium2 as pdfium

    from xxgk_lint.readers import ocr
    from xxgk_lint.readers.pdfpage import ruled_tables

    tables, prose = [], []
    doc = pdfium.PdfDocument(data)
    try:
        for i in range(len(doc)):
            image = doc[i].render(scale=ocr.WORK_DPI / 72).to_pil()
            start = time.process_time()
            _, rules = ocr.read_image(image, ocr.WORK_DPI / 72)
            (tables if ruled_tables(rules) else prose).append(time.process_time() - start)
    finally:
        doc.close()
    return tables, prose


def run(sets: dict[str, list[tuple[str, bytes, bytes]]], dpis: list[int], work: Path, timing: bool = True) -> None:
    from tests.generators.scans import image_pdf, scan_pages
    from xxgk_lint.readers import read_data

    print(f"{'set':10s} {'dpi':>4s} {'reports':>7s} {'cells':>6s} {'exact':>8s} {'prose':>7s} {'new errors':>10s} "
          f"{'table p/s':>9s} {'prose p/s':>9s} {'peak MB':>8s}")
    for name, docs in sets.items():
        for dpi in dpis:
            same = total = extra = 0
            ratios: list[float] = []
            tables: list[float] = []
            prose: list[float] = []
            first = None
            for i, (label, pdf, truth) in enumerate(docs):
                data = image_pdf(scan_pages(pdf, dpi, random.Random(i)), dpi)
                path = work / f"{name}-{dpi}-{i}.pdf"
                path.write_bytes(data)
                first = first or path
                text_path = work / f"{name}-text-{i}{Path(label).suffix or '.pdf'}"
                text_path.write_bytes(truth)
                truth_report, scan_report = read_data(truth, text_path.name), read_data(data, "scan.pdf")
                s, t = score(truth_report, scan_report)
                same, total = same + s, total + t
                ratios.append(prose_match(truth_report, scan_report))
                new = errors(path) - errors(text_path)
                extra += len(new)
                if new:
                    print(f"  {label} at {dpi} dpi: errors the text version has not: {sorted(new)}")
                if timing:
                    a, b = page_times(data)
                    tables, prose = tables + a, prose + b
            rate = (lambda xs: f"{len(xs) / sum(xs):9.2f}" if xs else f"{'-':>9s}")
            mb = peak(first) if timing and first else float("nan")
            print(f"{name:10s} {dpi:4d} {len(docs):7d} {total:6d} {same / max(total, 1):8.2%} "
                  f"{sum(ratios) / max(len(ratios), 1):7.2%} {extra:10d} "
                  f"{rate(tables)} {rate(prose)} {mb:8.0f}")


def peak(path: Path) -> float:
    out = subprocess.run([sys.executable, "-c", _PEAK, str(path)], capture_output=True, text=True,
                         env=os.environ | {"PYTHONPATH": str(ROOT / "src")})
    words = out.stdout.split()
    return int(words[-1]) / 1024 if words and words[-1].isdigit() else float("nan")


def steps(sets: dict[str, list[tuple[str, bytes, bytes]]], work: Path) -> None:
    """The 150 dpi scans read with each step undone in turn: what each one buys."""
    from xxgk_lint.readers import ocr_rec

    saved = (ocr_rec.MIN_WIDTH, ocr_rec.FIRST_SURE, ocr_rec._LIKE_FIGURE, dict(ocr_rec._loaded))
    undo = {
        "all steps": lambda: None,
        "no figure decoding": lambda: setattr(ocr_rec, "_LIKE_FIGURE", frozenset()),
        "crops padded to 320 px": lambda: setattr(ocr_rec, "MIN_WIDTH", 320),
        "no cascade (tiny only)": lambda: setattr(ocr_rec, "FIRST_SURE", 0.0),
        "small recogniser only": lambda: ocr_rec._loaded.__setitem__("tiny", ocr_rec.recogniser("small")),
    }
    for what, change in undo.items():
        change()
        print(f"\n{what}:")
        run(sets, [150], work, timing=True)
        ocr_rec.MIN_WIDTH, ocr_rec.FIRST_SURE, ocr_rec._LIKE_FIGURE = saved[:3]
        ocr_rec._loaded.clear()
        ocr_rec._loaded.update(saved[3])


def main() -> None:
    from xxgk_lint.readers import ocr, ocr_rec

    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=3)
    ap.add_argument("--dpi", default="300,200,150")
    ap.add_argument("--no-real", action="store_true")
    ap.add_argument("--steps", action="store_true", help="also measure what each step of the reader buys")
    ap.add_argument("--engine", default="rapidocr", help="rapidocr (the default reader) or tesseract")
    args = ap.parse_args()
    os.environ["XXGK_LINT_OCR"] = args.engine
    if not ocr.available():
        sys.exit(f"OCR engine {args.engine} is not installed")
    if args.engine != "tesseract":
        ocr_rec.recogniser("tiny"), ocr_rec.recogniser("small")      # loaded once, as in a worker
    work = Path(tempfile.mkdtemp(prefix="xxgk-ocr-bench-"))
    sets = {"generated": generated(args.reports)}
    if not args.no_real:
        sets["real"] = real(work)
    print(f"engine {args.engine}; scans in {work}; "
          + ", ".join(f"{k}: {len(v)} reports" for k, v in sets.items()))
    run(sets, [int(d) for d in args.dpi.split(",")], work)
    if args.steps:
        steps(sets, work)


if __name__ == "__main__":
    main()
