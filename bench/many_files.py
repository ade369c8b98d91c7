"""Many small or unreadable files: what the history store and the worker pool cost per file.

    python bench/many_files.py [--files 20000]

A folder of empty files (each an unreadable result) and one of files that are not reports at
all (random bytes named .pdf) are audited three ways in the same run: without history, with a
new history store, and again from that store.  Prints seconds, files/s and the history's cost
per file, (with history - without) / files.

Targets (issue 25): the history costs at most 1 ms per file; the whole audit grows linearly (the
per-file time at N and at N/10 within 2x of each other); stderr names the first 20 errors and
counts the rest, not one line per file.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def audit(folder: Path, *extra: str, env: dict[str, str]) -> tuple[float, int]:
    """(seconds, lines on stderr)."""
    cmd = [sys.executable, "-m", "xxgk_lint", "audit", "--isolated", "-q", *extra, str(folder)]
    t = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    return time.perf_counter() - t, len(done.stderr.splitlines())


def make(folder: Path, n: int, kind: str) -> None:
    folder.mkdir(parents=True)
    for i in range(n):
        if kind == "empty":
            (folder / f"e{i:06d}.txt").write_bytes(b"")
        else:
            (folder / f"x{i:06d}.pdf").write_bytes(os.urandom(64))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=20000)
    n = ap.parse_args().files
    work = Path(tempfile.mkdtemp(prefix="xxgk-many-"))
    env = {**os.environ, "XXGK_LINT_DATA_DIR": str(work / "data")}
    try:
        print(f"{'folder':<10} {'files':>7} {'no history':>11} {'history':>9} {'again':>7} {'ms/file':>8} "
              f"{'history ms/file':>16} {'stderr':>7}")
        per_file = {}
        for kind in ("empty", "notreport"):
            for count in (n // 10, n):
                folder = work / f"{kind}-{count}"
                make(folder, count, kind)
                bare, lines = audit(folder, "--no-history", env=env)
                kept, _ = audit(folder, env=env)
                again, _ = audit(folder, env=env)
                cost = (kept - bare) / count * 1000
                per_file[(kind, count)] = bare / count * 1000
                print(f"{kind:<10} {count:>7} {bare:>10.1f}s {kept:>8.1f}s {again:>6.1f}s "
                      f"{bare / count * 1000:>8.2f} {cost:>16.3f} {lines:>7}")
        for kind in ("empty", "notreport"):
            ratio = per_file[(kind, n)] / per_file[(kind, n // 10)]
            print(f"{kind}: ms/file at {n} / at {n // 10} = {ratio:.2f} (linear: about 1; target <= 2)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
