"""The one path from a file to its findings, used by every command: read, prepare, check.

Whatever happens to one file is that file's result: an input error (the file's fault, exit 2)
or an internal error (ours, exit 3, with the traceback kept for --debug) — never an exception
that stops a batch."""

from __future__ import annotations

import traceback
from typing import TYPE_CHECKING, Callable

from .model import InputError, InternalError, Report
from .render import FileResult

if TYPE_CHECKING:
    from .engine import Engine


def lint_file(path: str, engine: Engine, prepare: Callable[[Report], None] | None = None) -> FileResult:
    """``prepare`` runs between reading and checking (an issuer kind set from the command line,
    an audit's identity mapping)."""
    from .readers import read_report

    try:
        report = read_report(path)
        if prepare is not None:
            prepare(report)
        return FileResult(path, report, engine.check(report))
    except InputError as e:
        return FileResult(path, error=e)
    except Exception as e:  # noqa: BLE001 - a bug costs one file, not the batch
        return FileResult(path, error=InternalError(e, path, traceback.format_exc()))
