"""Accuracy on the corpus of real-report shapes (tests/corpus) and on the real published reports
(../shared/corpus/real), printed apart: our own documents are close to the fixes that built them,
the real ones are the yardstick.

    python bench/accuracy.py            # the tables README publishes
    python bench/accuracy.py -v         # and every difference, document by document

Precision of errors (and of warnings): the share of the findings given that the sidecars mark
as real defects — a finding not in the sidecar is false.  Recall: the share of the marked
real defects that were found.  Cell accuracy: the share of the cells a document shows that its
reader read exactly (value and state).  Metadata: the share of the fields a sidecar names (body,
kind, year, period, publication date, template) read right.  Findings a sidecar marks
``defect: false`` (right about an excerpt, not a defect of the report) count neither way.
"""

from __future__ import annotations

import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:6.1f}%" if b else "     –"


def findings_table(true: Counter, false: Counter, missed: Counter) -> None:
    print(f"{'findings':<16}{'given':>6}{'real':>6}{'false':>6}{'precision':>11}{'missed':>8}{'recall':>9}")
    for sev in ("error", "warning", "info"):
        given = true[sev] + false[sev]
        print(f"{sev:<16}{given:>6}{true[sev]:>6}{false[sev]:>6}{pct(true[sev], given):>11}{missed[sev]:>8}"
              f"{pct(true[sev], true[sev] + missed[sev]):>9}")
    t, f, m = sum(true.values()), sum(false.values()), sum(missed.values())
    print(f"{'all':<16}{t + f:>6}{t:>6}{f:>6}{pct(t, t + f):>11}{m:>8}{pct(t, t + m):>9}")


def main(argv: list[str]) -> int:
    from xxgk_lint.engine import Engine
    from xxgk_lint.rules import load_rules
    from xxgk_lint.testing.corpus import META_FIELDS, cases, run, shared_dir

    verbose = "-v" in argv
    engine = Engine(load_rules())
    all_cases = cases(ROOT / "tests" / "corpus", shared_dir(ROOT))
    started = time.perf_counter()
    own = {"cells": defaultdict(lambda: [0, 0]), "docs": Counter(), "true": Counter(), "false": Counter(),
           "missed": Counter(), "clean": 0, "meta": [0, 0]}
    real_rows = []
    real = {"true": Counter(), "false": Counter(), "missed": Counter(), "meta": [0, 0], "cells": [0, 0], "clean": 0,
            "fields": Counter()}
    for case in all_cases:
        if case.real and not case.document.exists():
            continue
        s = run(case, engine)
        if verbose and s.problems:
            print(f"\n{case.name}:\n  " + "\n  ".join(s.problems))
        if case.real:
            real["true"].update(s.true)
            real["false"].update(s.false)
            real["missed"].update(s.missed)
            real["meta"][0] += s.meta_right
            real["meta"][1] += s.meta
            real["cells"][0] += s.cells_right
            real["cells"][1] += s.cells
            real["clean"] += not s.problems
            real["fields"].update(s.meta_wrong)
            real_rows.append((case.document.name, s))
            continue
        reader = str(case.expect.get("producer") or case.document.suffix[1:])
        own["docs"][reader] += 1
        own["cells"][reader][0] += s.cells_right
        own["cells"][reader][1] += s.cells
        own["true"].update(s.true)
        own["false"].update(s.false)
        own["missed"].update(s.missed)
        own["meta"][0] += s.meta_right
        own["meta"][1] += s.meta
        own["clean"] += not s.problems
    took = time.perf_counter() - started

    n = sum(own["docs"].values())
    print(f"\nOur corpus: {n} documents ({own['clean']} read and checked exactly as their sidecars say)\n")
    print(f"{'reader':<16}{'docs':>5}{'cells':>8}{'cell accuracy':>15}")
    for reader in sorted(own["docs"]):
        right, total = own["cells"][reader]
        print(f"{reader:<16}{own['docs'][reader]:>5}{total:>8}{pct(right, total):>15}")
    right, total = map(sum, zip(*own["cells"].values())) if own["cells"] else (0, 0)
    print(f"{'all':<16}{n:>5}{total:>8}{pct(right, total):>15}   metadata {pct(*own['meta']).strip()}\n")
    findings_table(own["true"], own["false"], own["missed"])

    print(f"\nReal published reports (../shared/corpus/real): {len(real_rows)} documents "
          f"({real['clean']} read and checked exactly as their verdicts say)\n")
    print(f"{'document':<34}{'cells':>7}{'right':>7}{'meta':>6}{'given':>7}{'false':>6}{'missed':>7}")
    for name, s in real_rows:
        given = sum(s.found.values())
        print(f"{name:<34}{s.cells:>7}{pct(s.cells_right, s.cells):>7}{f'{s.meta_right}/{s.meta}':>6}"
              f"{given:>7}{sum(s.false.values()):>6}{sum(s.missed.values()):>7}")
    print(f"{'all':<34}{real['cells'][1]:>7}{pct(*real['cells']):>7}   metadata {pct(*real['meta']).strip()}"
          + (f" (wrong: {', '.join(f'{k} {v}' for k, v in real['fields'].most_common())})" if real["fields"] else ""))
    print()
    findings_table(real["true"], real["false"], real["missed"])
    print(f"\n{len(all_cases)} documents in {took:.1f} s; metadata fields: {', '.join(META_FIELDS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
