"""`xxgk-lint audit`: many reports at once, for supervisors.

Files are found under the given paths and go through ``lint_file`` in worker processes
(parsing is CPU-bound); each comes back as a ``FileResult`` holding a snapshot of its report
and its findings, worded only when the outputs are written.  One unreadable file is one result
with an error; it never stops the run, nor does a worker that dies.  Ctrl-C stops cleanly:
what was finished is summarised and exported.  With a history store, a file whose content and
rule set are unchanged since it was stored is not read again, whatever the language asked.
"""

from __future__ import annotations

import fnmatch
import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from .readers import PATTERNS
from .result import FileResult

if TYPE_CHECKING:
    from .history import History
    from .session import Session

DEFAULT_INCLUDE = PATTERNS


def walk(paths: Iterable[str], include: tuple[str, ...] = DEFAULT_INCLUDE,
         exclude: tuple[str, ...] = ()) -> list[str]:
    """Files to audit, sorted: the files named, and under each folder those matching include."""
    out: set[str] = set()
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    full = os.path.join(root, name)
                    rel = os.path.relpath(full, path)
                    if any(fnmatch.fnmatch(name, g) for g in include) and \
                            not any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(name, g) for g in exclude):
                        out.add(full)
        else:
            out.add(str(path))
    return sorted(out)


# --------------------------------------------------------------------------- checking (in workers)
def lint_for_audit(path: str, session: Session) -> FileResult:
    """``lint_file``, keeping of the report only its snapshot (what the outputs and the
    cross-report rules read)."""
    from .lint import lint_file
    from .snapshot import snapshot

    result = lint_file(path, session)
    if result.report is not None:
        result.report = snapshot(result.report)
    return result


_session: Any = None


def _check(path: str) -> dict[str, Any]:
    return lint_for_audit(path, _session).to_plain()


def _worker_init(session: Session, parent: int) -> None:
    """Rules are compiled once per worker.  A worker exits when the audit that started it dies
    (even by kill -9): on Linux the kernel kills it at once; elsewhere it notices within a second."""
    import signal
    import threading
    import time

    global _session
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)      # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
    _session = session
    session.engine          # noqa: B018 - compile the rules now, not on the first file


def failed(path: str, error: Exception, session: Session) -> FileResult:
    """The result of a file whose check never came back (its worker died)."""
    from .identify import identify
    from .model import InternalError

    return FileResult(path, error=InternalError(error, path), identity=identify(path, None, session))


def _in_pool(todo: list[str], session: Session, jobs: int, done: Callable[[FileResult], None],
             history: History | None = None) -> None:
    """Check files in worker processes.  A worker that dies (killed, out of memory, a crash in C
    code) breaks the pool and every file in flight with it: those files are checked again one at
    a time, so the one that kills a worker is found, recorded as failed, and the audit goes on."""
    from concurrent.futures.process import BrokenProcessPool

    rules = session.rules
    left, one = list(todo), False
    while left:
        batch = left[:1] if one else list(left)         # after a crash: one file at a time
        broken = False
        if history is not None:
            history.close()             # workers start without the store: none holds it open
        with ProcessPoolExecutor(max_workers=1 if one else jobs, initializer=_worker_init,
                                 initargs=(session, os.getpid())) as pool:
            futures = {pool.submit(_check, p): p for p in batch}
            if history is not None:
                history.open()          # every worker has started (a fork pool starts them all at once)
            try:
                for fut in as_completed(futures):
                    path = futures[fut]
                    try:
                        result = FileResult.from_plain(fut.result(), rules)
                    except BrokenProcessPool:
                        broken = True
                        if not one:
                            continue                    # checked again, alone
                        result = failed(path, RuntimeError("the worker process checking it died"), session)
                    except Exception as e:  # noqa: BLE001 - a result that cannot come back is one failed file
                        result = failed(path, e, session)
                    done(result)
                    left.remove(path)
            except KeyboardInterrupt:
                for fut in futures:
                    fut.cancel()
                raise
        one = one or broken


def content_hash(path: str) -> str:
    import hashlib

    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return ""
    return h.hexdigest()


def run(files: list[str], session: Session, jobs: int, progress: Callable[[FileResult], None] | None = None,
        history: History | None = None, use_cache: bool = True) -> tuple[list[FileResult], bool]:
    """Check every file; returns (results in file order, interrupted).

    With a history store, each finished report is stored at once (in its own transaction), and a
    file whose content and rule set are unchanged since it was stored is not read again."""
    results: dict[str, FileResult] = {}
    hashes: dict[str, str] = {}
    ruleset = session.ruleset() if history is not None else ""
    interrupted = False

    def done(result: FileResult) -> None:
        results[result.path] = result
        if history is not None and not result.cached and hashes.get(result.path) and \
                not (result.error is not None and result.error.internal):
            history.put(result, hashes[result.path], ruleset)
        if progress:
            progress(result)

    try:
        todo = []
        rules = session.rules
        for path in files:
            if history is not None:
                hashes[path] = content_hash(path)
                stored = history.cached(path, hashes[path], ruleset) if use_cache and hashes[path] else None
                if stored is not None:
                    result = FileResult.from_plain(stored[0] | {"report": None}, rules, stored[1])
                    result.cached = True
                    done(result)
                    continue
            todo.append(path)
        if jobs <= 1 or len(todo) < 4:
            for path in todo:
                done(lint_for_audit(path, session))
        else:
            _in_pool(todo, session, jobs, done, history)
    except KeyboardInterrupt:
        interrupted = True
    ordered = [results[p] for p in files if p in results]
    if not interrupted and (history is not None or session.hierarchy):
        from .crossreport import compare

        for result in compare(ordered, session, history, hashes):   # the store gets their new findings too
            if history is not None:
                history.put(result, hashes[result.path], ruleset)
    return ordered, interrupted
