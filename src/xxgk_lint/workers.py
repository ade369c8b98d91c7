"""How many worker processes a batch runs: ``auto`` takes the cores the process may use and
the memory it can have, not only the cores — a worker that reads scans holds the OCR models and
a page's pictures (bench/ocr_bench.py measures its peak), so eight cores with 2 GB free run
three workers, not eight."""

from __future__ import annotations

import os
from pathlib import Path

OCR_WORKER_MB = 600      # the peak of a worker reading scans (bench/ocr_bench.py: ≤ 600 MB)
TEXT_WORKER_MB = 150     # of one reading only text, Word, HTML and PDFs with a text layer
_SCAN_SUFFIXES = (".pdf", ".png", ".jpg", ".jpeg")     # files that may need OCR


def jobs(value: str, files: list[str]) -> int:
    """The worker count for ``--jobs``: a positive number as given, or ``auto``."""
    value = value.strip().lower()
    if value != "auto":
        return max(1, int(value))
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    may_scan = any(str(f).lower().endswith(_SCAN_SUFFIXES) or "://" in str(f) for f in files)
    free = available_mb()
    if free is None:
        return cores
    return max(1, min(cores, int(free // (OCR_WORKER_MB if may_scan else TEXT_WORKER_MB))))


def available_mb() -> float | None:
    """Memory this process can still take (MB): the lesser of the machine's MemAvailable and
    what its cgroup (a container's limit) leaves; None where neither can be read."""
    found: list[float] = []
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                found.append(int(line.split()[1]) / 1024)
    except OSError:
        pass
    try:
        limit = Path("/sys/fs/cgroup/memory.max").read_text().strip()
        used = Path("/sys/fs/cgroup/memory.current").read_text().strip()
        if limit.isdigit() and used.isdigit():
            found.append((int(limit) - int(used)) / 2**20)
    except OSError:
        pass
    return min(found) if found else None
