"""Accuracy on the corpus of real-report shapes (tests/corpus and ../shared/corpus/real).

    python bench/accuracy.py            # the table README publishes
    python bench/accuracy.py -v         # and every difference, document by document

Precision of errors (and of warnings): the share of the findings given that the sidecars mark
as real defects — a finding not in the sidecar is false.  Recall: the share of the marked
real defects that were found.  Cell accuracy: the share of the cells a document shows that its
reader read exactly (value and state), per reader.  Findings a sidecar marks ``defect: false``
(right about an excerpt, not a defect of the report) count neither way.
"""

from __future__ import annotations

import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def main(argv: list[str]) -> int:
    from xxgk_lint.engine import Engine
    from xxgk_lint.rules import load_rules
    from xxgk_lint.testing.corpus import cases, run, shared_dir

    verbose = "-v" in argv
    engine = Engine(load_rules())
    all_cases = cases(ROOT / "tests" / "corpus", shared_dir(ROOT))
    cells = defaultdict(lambda: [0, 0])          # reader -> [right, expected]
    docs = Counter()
    true, false, missed = Counter(), Counter(), Counter()
    clean = 0
    started = time.perf_counter()
    for case in all_cases:
        if case.real and not case.document.exists():
            continue
        s = run(case, engine)
        reader = ("real " if case.real else "") + str(case.expect.get("producer") or case.document.suffix[1:])
        docs[reader] += 1
        cells[reader][0] += s.cells_right
        cells[reader][1] += s.cells
        true.update(s.true)
        false.update(s.false)
        missed.update(s.missed)
        clean += not s.problems
        if verbose and s.problems:
            print(f"\n{case.name}:\n  " + "\n  ".join(s.problems))
    took = time.perf_counter() - started

    def pct(a: int, b: int) -> str:
        return f"{100 * a / b:6.1f}%" if b else "     –"

    n = sum(docs.values())
    print(f"\nCorpus: {n} documents ({clean} read and checked exactly as their sidecars say), {took:.1f} s\n")
    print(f"{'reader':<16}{'docs':>5}{'cells':>8}{'cell accuracy':>15}")
    for reader in sorted(docs):
        right, total = cells[reader]
        print(f"{reader:<16}{docs[reader]:>5}{total:>8}{pct(right, total):>15}")
    right, total = map(sum, zip(*cells.values()))
    print(f"{'all':<16}{n:>5}{total:>8}{pct(right, total):>15}\n")
    print(f"{'findings':<16}{'given':>6}{'real':>6}{'false':>6}{'precision':>11}{'missed':>8}{'recall':>9}")
    for sev in ("error", "warning", "info"):
        given = true[sev] + false[sev]
        print(f"{sev:<16}{given:>6}{true[sev]:>6}{false[sev]:>6}{pct(true[sev], given):>11}{missed[sev]:>8}"
              f"{pct(true[sev], true[sev] + missed[sev]):>9}")
    t, f, m = sum(true.values()), sum(false.values()), sum(missed.values())
    print(f"{'all':<16}{t + f:>6}{t:>6}{f:>6}{pct(t, t + f):>11}{m:>8}{pct(t, t + m):>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
