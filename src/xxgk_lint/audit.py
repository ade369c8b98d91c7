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
import re
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable
from urllib.parse import quote

from .readers import MAX_BYTES, PATTERNS
from .readers.pageset import later_pages, pages
from .result import FileResult
from .web import Source, is_url

if TYPE_CHECKING:
    from .history import History
    from .session import Session
    from .web.batch import WebBatch

DEFAULT_INCLUDE = PATTERNS


def walk(paths: Iterable[str], include: tuple[str, ...] = DEFAULT_INCLUDE,
         exclude: tuple[str, ...] = ()) -> list[str]:
    """Files to audit, sorted: the files named, and under each folder those matching include —
    but not a saved page's pictures and files (``_page_pictures``), which are read with it."""
    out: set[str] = set()
    for p in paths:
        path = Path(p)
        if is_url(p):
            out.add(p)
        elif path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                pictures = _page_pictures(root, files) | later_pages(Path(root), files)
                for name in files:
                    full = os.path.join(root, name)
                    rel = os.path.relpath(full, path)
                    if any(fnmatch.fnmatch(name, g) for g in include) and name not in pictures and \
                            not any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(name, g) for g in exclude):
                        out.add(full)
        else:
            out.add(str(path))
    return sorted(out)


_PICTURE = re.compile(r"\.(png|jpe?g)$", re.I)
_PAGES = (".html", ".htm", ".shtml", ".xhtml")


def _page_pictures(root: str, files: list[str]) -> set[str]:
    """The files in a folder that belong to a saved page rather than being reports: all of a
    browser's "<page>_files" folder (or the one ``fetch`` writes, with its index.json), and a
    picture a saved page beside it names (``<img src="table3.png">``)."""
    folder = Path(root)
    stem = re.sub(r"[_.]files$", "", folder.name)
    if stem != folder.name and any((folder.parent / f"{stem}{ext}").is_file() for ext in _PAGES):
        return set(files)
    names = [f for f in files if _PICTURE.search(f)]
    if not names:
        return set()
    pages = [f for f in files if f.lower().endswith(_PAGES)]
    if not pages:
        return set()
    text = ""
    for page in pages:
        try:
            data = (folder / page).read_bytes()[:MAX_BYTES]
        except OSError:
            continue
        text += data.decode("utf-8", "ignore") + data.decode("gb18030", "ignore")   # a name may be Chinese
    return {n for n in names if n in text or quote(n) in text}


# --------------------------------------------------------------------------- checking (in workers)
def lint_for_audit(path: str, session: Session, source: Source | None = None) -> FileResult:
    """``lint_file``, keeping of the report only its snapshot (what the outputs and the
    cross-report rules read)."""
    from .lint import lint_file
    from .snapshot import snapshot

    result = lint_file(path, session, source=source)
    if result.report is not None:
        result.report = snapshot(result.report)
    return result


_session: Any = None


def _check(path: str, source: dict[str, Any] | None) -> dict[str, Any]:
    return lint_for_audit(path, _session, Source.from_plain(source) if source else None).to_plain()


def _worker_init(session: Session, parent: int) -> None:
    """Rules are compiled once per worker.  A worker exits when the audit that started it dies
    (even by kill -9): on Linux the kernel kills it at once; elsewhere it notices within a second."""
    import signal
    import threading
    import time

    global _session
    signal.signal(signal.SIGTERM, signal.SIG_DFL)     # the audit's own handler is for its main process
    # the workers already share the cores: OCR in each takes one thread, not all of them
    os.environ.setdefault("XXGK_LINT_OCR_THREADS", "1")
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


Work = dict[str, tuple[str, Any]]     # key (a path or a URL) -> what a worker checks: (path, source)


def _in_pool(todo: list[str], work: Work, session: Session, jobs: int, done: Callable[[FileResult], None],
             history: History | None = None, incoming: dict[Future, str] | None = None,
             start: Callable[[], dict[Future, str]] | None = None,
             arrived: Callable[[Future, str], str | None] | None = None) -> None:
    """Check files in worker processes, and the URLs' reports as their fetches arrive: ``start``
    begins the fetches into ``incoming``; ``arrived`` turns a finished fetch into a key to check,
    or None when it was answered without checking.  A worker that dies (killed, out of memory, a
    crash in C code) breaks the pool and every file in flight with it: those files are checked
    again one at a time, so the one that kills a worker is found, recorded as failed, and the
    audit goes on.

    Workers are forked only while no fetch thread runs (a child forked while another thread holds
    a lock can wait on it forever): the fetches start once the first pool's workers exist, and a
    pool rebuilt after a crash waits for the fetches in flight first."""
    from collections import deque
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    rules = session.rules
    incoming = incoming if incoming is not None else {}
    left, one = dict.fromkeys(todo), False       # the keys not done yet, in order
    while left or incoming or start:
        broken = False
        if incoming:                    # a rebuilt pool: no fetch may be running when it forks
            for fut in as_completed(list(incoming)):
                key = arrived(fut, incoming.pop(fut)) if arrived else None
                if key is not None:
                    left[key] = None
        if history is not None:
            history.close()             # workers start without the store: none holds it open
        with ProcessPoolExecutor(max_workers=1 if one else jobs, initializer=_worker_init,
                                 initargs=(session, os.getpid())) as pool:
            pool.submit(int)            # a fork pool starts every worker at its first task: now,
            if history is not None:     # before the store is open again, so no worker holds it
                history.open()
            if start is not None:       # ... and before any fetch thread
                incoming.update(start())
                start = None
            futures: dict[Future, str] = {}
            pending = deque(left)
            # a few tasks per worker in flight, not the whole list: waiting on n futures costs n,
            # and 20,000 of them at once made every completion cost 20,000
            window = 1 if one else jobs * 4

            def fill() -> None:
                while pending and len(futures) < window:
                    key = pending.popleft()
                    futures[pool.submit(_check, *work[key])] = key
            try:
                fill()
                while (futures or incoming) and not broken:
                    finished, _ = wait([*futures, *incoming], return_when=FIRST_COMPLETED)
                    for fut in finished:
                        if fut in incoming:
                            key = arrived(fut, incoming.pop(fut)) if arrived else None
                            if key is not None:
                                left[key] = None
                                pending.append(key)
                            continue
                        key = futures.pop(fut)
                        try:
                            result = FileResult.from_plain(fut.result(), rules)
                        except BrokenProcessPool:
                            broken = True
                            if not one:
                                continue                    # checked again, alone
                            result = failed(key, RuntimeError("the worker process checking it died"), session)
                        except Exception as e:  # noqa: BLE001 - a result that cannot come back is one failed file
                            result = failed(key, e, session)
                        done(result)
                        del left[key]
                    if not broken:
                        fill()
            except KeyboardInterrupt:
                for fut in [*futures, *incoming]:
                    fut.cancel()
                raise
        one = one or broken


def content_hash(path: str) -> str:
    """Of the file's bytes; of a page set's first page, of all its pages (readers/pageset.py)."""
    import hashlib

    h = hashlib.sha256()
    try:
        for page in pages(path) if _PICTURE.search(path) else [path]:
            with open(page, "rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    h.update(block)
    except OSError:
        return ""
    return h.hexdigest()


def run(files: list[str], session: Session, jobs: int, progress: Callable[[FileResult], None] | None = None,
        history: History | None = None, use_cache: bool = True,
        web: WebBatch | None = None) -> tuple[list[FileResult], bool]:
    """Check every file and URL (``web`` fetches the URLs, in threads, while the files are
    checked); returns (results in the given order, interrupted).

    With a history store, each finished report is stored at once (in its own transaction), and a
    file whose content and rule set are unchanged since it was stored is not read again; each
    fetch is recorded, and a URL whose content is unchanged is not checked again either."""
    results: dict[str, FileResult] = {}
    hashes: dict[str, str] = {}
    work: Work = {}
    ruleset = session.ruleset() if history is not None else ""
    interrupted = False
    firsts: dict[str, str] = {}         # content digest -> the first URL that gave it
    copies: list[FileResult] = []       # URLs that gave content already fetched: not checked again

    keep = history is None and bool(session.hierarchy)     # the reports the cross-report rules read

    def stored(key: str) -> Callable[[], list] | None:
        """The findings of a key's result as the store holds them, read on demand."""
        digest = hashes.get(key)
        if history is None or not digest:
            return None

        def load() -> list:
            plain = history.cached(key, digest, ruleset)
            return FileResult.from_plain(plain | {"report": None}, session.rules).findings if plain else []
        return load

    def done(result: FileResult) -> None:
        results[result.path] = result
        kept = result.cached
        if history is not None and not result.cached and hashes.get(result.path) and \
                not (result.error is not None and result.error.internal):
            history.put(result, hashes[result.path], ruleset)
            kept = True
        if not keep:                # in the store, or needed by nothing: memory stays flat
            result.release(stored(result.path) if kept else None)
        if progress:
            progress(result)

    def cached(key: str) -> bool:
        stored = history.cached(key, hashes[key], ruleset) if history is not None and use_cache and hashes[key] \
            else None
        if stored is not None:
            result = FileResult.from_plain(stored | {"report": None}, session.rules)
            result.cached = True
            done(result)
        return stored is not None

    def arrived(fut: Future, url: str) -> str | None:
        from .identify import identify
        from .model import InputError

        try:
            source, record = fut.result()
        except InputError as e:
            done(FileResult(url, error=e, identity=identify(url, None, session)))
            return None
        except Exception as e:  # noqa: BLE001 - our bug costs this URL, not the audit
            done(failed(url, e, session))
            return None
        if history is not None:
            history.put_fetch(record)
        digest = source.content_hash()
        first = firsts.setdefault(digest, url) if digest else url
        if first != url:
            copy = FileResult(url, identity=identify(url, None, session), source=source)
            copy.same_as = first
            copies.append(copy)
            done(copy)
            return None
        hashes[url], work[url] = digest, (source.archived, source.to_plain())
        return None if not source.changed() and cached(url) else url

    urls = [f for f in files if is_url(f)] if web is not None else []
    last = {u: history.last_fetch(u) for u in urls} if history is not None else {}
    incoming: dict[Future, str] = {}
    try:
        todo = []
        for path in files:
            if is_url(path):
                continue
            work[path] = (path, None)
            if history is not None:
                hashes[path] = content_hash(path)
                if cached(path):
                    continue
            todo.append(path)
        if jobs <= 1 or len(todo) + len(urls) < 4:
            if urls:
                incoming.update(web.start(urls, last))
            for path in todo:
                done(lint_for_audit(path, session))
            for fut in as_completed(incoming):
                key = arrived(fut, incoming[fut])
                if key is not None:
                    path, source = work[key]
                    done(lint_for_audit(path, session, Source.from_plain(source)))
        else:
            _in_pool(todo, work, session, jobs, done, history, incoming,
                     (lambda: web.start(urls, last)) if urls else None, arrived)
    except KeyboardInterrupt:
        interrupted = True
        for fut in incoming:
            fut.cancel()
    for copy in copies:         # the identity its content was read with
        if copy.same_as in results:
            copy.identity = results[copy.same_as].identity
    ordered = [results[p] for p in files if p in results]
    if not interrupted and (history is not None or session.hierarchy):
        from .crossreport import compare

        def load(r: FileResult) -> Any:
            import json

            from .snapshot import from_plain

            got = history.snapshot(r.path, hashes.get(r.path, ""), ruleset) if history is not None else None
            return from_plain(json.loads(got)) if got else None

        for result in compare(ordered, session, history, hashes, load):   # the store gets their new findings too
            if history is not None:
                history.put(result, hashes[result.path], ruleset)
                result.release(stored(result.path))
    return ordered, interrupted
