"""The one path from a file to its result, used by every command: read, identify, check.

Whatever happens to one file is that file's result: an input error (the file's fault, exit 2)
or an internal error (ours, exit 3, with the traceback kept for --debug) — never an exception
that stops a batch."""

from __future__ import annotations

import time
import traceback
from typing import TYPE_CHECKING

from .identify import identify
from .model import InputError, InternalError
from .result import FileResult

if TYPE_CHECKING:
    from .session import Session


def lint_file(path: str, session: Session, check: bool = True) -> FileResult:
    """``check=False`` reads only: the report as its document says (``extract``)."""
    from .readers import read_report

    start = time.perf_counter()
    timings: dict[str, float] = {}
    try:
        report = read_report(path)
        timings["read"] = time.perf_counter() - start
        if not check:
            return FileResult(path, report, timings=timings)
        identity = identify(path, report, session)
        findings = session.engine.check(report)
        timings["check"] = time.perf_counter() - start - timings["read"]
        return FileResult(path, report, findings, identity=identity, timings=timings)
    except Exception as e:  # noqa: BLE001 - a bug costs one file, not the batch
        error = e if isinstance(e, InputError) else InternalError(e, path, traceback.format_exc())
        return FileResult(path, error=error, identity=identify(path, None, session))
