"""`xxgk-lint audit`: many reports at once, for supervisors.

Files are found under the given paths, checked in worker processes (parsing is CPU-bound),
and come back as plain records — the same fields as `check --format json` plus the report's
identity — that the summary and the exports (CSV, JSONL, XLSX) read.  One unreadable file is
one record with an error; it never stops the run.  Ctrl-C stops cleanly: what was finished
is summarised and exported.
"""

from __future__ import annotations

import csv
import fnmatch
import os
import re
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

DEFAULT_INCLUDE = ("*.yaml", "*.yml", "*.json", "*.txt", "*.html", "*.htm", "*.shtml", "*.docx", "*.pdf")
SEVERITIES = ("error", "warning", "info")
_YEAR_IN_NAME = re.compile(r"(20\d{2})")


# --------------------------------------------------------------------------- finding files
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


# --------------------------------------------------------------------------- identity
def load_mapping(path: str) -> dict[str, dict[str, str]]:
    """A CSV with columns file, body, year[, kind] that overrides what a report says of itself."""
    from .model import InputError

    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
    except OSError as e:
        raise InputError(f"cannot read the mapping: {e.strerror}", path) from None
    if rows and "file" not in rows[0]:
        raise InputError("the mapping needs a 'file' column (and body, year, kind)", path, 1)
    return {os.path.normpath(r["file"]): {k: (v or "").strip() for k, v in r.items() if k != "file"} for r in rows}


def _identity(path: str, meta: dict[str, Any] | None, mapping: dict[str, dict[str, str]]) -> dict[str, Any]:
    """Body, year and kind of a report: the mapping, else its metadata, else its file name."""
    meta = meta or {}
    body, year, kind, source = meta.get("body"), meta.get("year"), meta.get("kind"), "report"
    if not body or year is None:
        stem = Path(path).stem
        m = _YEAR_IN_NAME.search(stem)
        if year is None and m:
            year, source = int(m.group(1)), "file name"
        if not body:
            rest = re.sub(r"(20\d{2})\s*年度?", "", stem)
            rest = re.sub(r"(政府信息公开|政务公开|信息公开|工作)?(年度)?(年报|报告).*$", "", rest).strip(" _-")
            body, source = (rest or None), "file name"
    override = mapping.get(os.path.normpath(path)) or mapping.get(Path(path).name)
    if override:
        body = override.get("body") or body
        year = int(override["year"]) if override.get("year") else year
        kind = override.get("kind") or kind
        source = "mapping"
    return {"body": body or "", "year": year, "kind": kind or "unknown", "identity_source": source}


# --------------------------------------------------------------------------- checking (in workers)
_engine: Any = None
_options: dict[str, Any] = {}


def _init(options: dict[str, Any]) -> None:
    """Worker start: rules are loaded and compiled once per process."""
    global _engine, _options
    from .cli import _engine as make_engine, _settings

    cfg = _settings(options.get("config"), options.get("isolated", False))
    _engine = make_engine(cfg, tuple(options.get("select", ())), tuple(options.get("ignore", ())),
                          tuple(options.get("rules", ())))
    _options = options | {"cfg_kind": cfg.issuer_kind}


def check_file(path: str) -> dict[str, Any]:
    """One file's record: identity, metadata, findings (JSON fields) or the error that stopped it."""
    from .lint import lint_file
    from .render.json import finding_dict, meta_dict

    lang = _options.get("lang", "zh")
    mapping = _options.get("mapping", {})
    extra: dict[str, Any] = {}

    def prepare(report: Any) -> None:
        ident = _identity(path, meta_dict(report), mapping)
        if _options.get("history") or _options.get("hierarchy"):
            from .extract import to_yaml

            extra["document"] = to_yaml(report)
        kind = ident["kind"] if ident["identity_source"] == "mapping" else (_options.get("issuer_kind")
                                                                             or _options.get("cfg_kind"))
        if kind and kind != "unknown":
            report.meta.kind = kind
        extra.update(ident)

    result = lint_file(path, _engine, prepare)
    if result.error is not None:
        return failed(path, result.error, mapping)
    return {"path": path, "error": None, "meta": meta_dict(result.report),
            "findings": [finding_dict(f, lang) for f in result.findings], "document": None, **extra}


def failed(path: str, error: Any, mapping: dict[str, dict[str, str]] | None = None) -> dict[str, Any]:
    """The record of a file that could not be checked: its input error, or our internal one."""
    return {"path": path, "error": str(error), "internal": bool(getattr(error, "internal", True)), "meta": None,
            "findings": [], **_identity(path, None, mapping or {})}


def _worker_init(options: dict[str, Any], parent: int) -> None:
    """A worker exits when the audit that started it dies (even by kill -9): on Linux the kernel
    kills it at once; elsewhere it notices within a second."""
    import signal
    import threading
    import time

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
    _init(options)


def _in_pool(todo: list[str], options: dict[str, Any], jobs: int, done: Callable[[dict[str, Any]], None],
             history: Any = None) -> None:
    """Check files in worker processes.  A worker that dies (killed, out of memory, a crash in C
    code) breaks the pool and every file in flight with it: those files are checked again one at
    a time, so the one that kills a worker is found, recorded as failed, and the audit goes on."""
    from concurrent.futures.process import BrokenProcessPool

    from .model import InternalError

    left, one = list(todo), False
    while left:
        batch = left[:1] if one else list(left)         # after a crash: one file at a time
        broken = False
        if history is not None:
            history.close()             # workers start without the store: none holds it open
        with ProcessPoolExecutor(max_workers=1 if one else jobs, initializer=_worker_init,
                                 initargs=(options, os.getpid())) as pool:
            futures = {pool.submit(check_file, p): p for p in batch}
            if history is not None:
                history.open()          # every worker has started (a fork pool starts them all at once)
            try:
                for fut in as_completed(futures):
                    path = futures[fut]
                    try:
                        rec = fut.result()
                    except BrokenProcessPool:
                        broken = True
                        if not one:
                            continue                    # checked again, alone
                        rec = failed(path, InternalError(RuntimeError("the worker process checking it died"), path),
                                     options.get("mapping"))
                    except Exception as e:  # noqa: BLE001 - a result that cannot come back is one failed file
                        rec = failed(path, InternalError(e, path), options.get("mapping"))
                    done(rec)
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


def run(files: list[str], options: dict[str, Any], jobs: int,
        progress: Callable[[dict[str, Any]], None] | None = None,
        history: Any = None, use_cache: bool = True) -> tuple[list[dict[str, Any]], bool]:
    """Check every file; returns (records in file order, interrupted).

    With a history store, each finished report is stored at once (in its own transaction), and a
    file whose content and rule set are unchanged since it was stored is not read again."""
    results: dict[str, dict[str, Any]] = {}
    hashes: dict[str, str] = {}
    ruleset = options.get("ruleset", "")
    interrupted = False

    def done(rec: dict[str, Any]) -> None:
        results[rec["path"]] = rec
        if history is not None and not rec.get("cached") and not rec.get("internal") and hashes.get(rec["path"]):
            history.put({k: v for k, v in rec.items() if k != "document"}, hashes[rec["path"]], ruleset,
                        rec.get("document"))
        if progress:
            progress(rec)

    try:
        todo = []
        for path in files:
            if history is not None:
                hashes[path] = content_hash(path)
                rec = history.cached(path, hashes[path], ruleset) if use_cache and hashes[path] else None
                if rec is not None:
                    done(rec | {"cached": True})
                    continue
            todo.append(path)
        if jobs <= 1 or len(todo) < 4:
            if todo:
                _init(options)
            for path in todo:
                done(check_file(path))
        else:
            _in_pool(todo, options, jobs, done, history)
    except KeyboardInterrupt:
        interrupted = True
    records = [results[p] for p in files if p in results]
    if not interrupted and (history is not None or options.get("hierarchy")):
        _init(options)      # this audit's rules here too (workers had their own; an earlier run may have left others)
        docs = _documents(records, history)
        cross_year(records, history, options, docs)
        if options.get("hierarchy"):
            hierarchy(records, options, docs)
        if history is not None:      # the stored records get the second pass's findings too
            for rec in records:
                if hashes.get(rec["path"]) and not rec["error"] and rec.get("_changed"):
                    key = (rec["body"], rec["year"])
                    history.put({k: v for k, v in rec.items() if k not in ("document", "cached", "_changed")},
                                hashes[rec["path"]], ruleset, docs.get(key, (None, None))[1])
    for rec in records:
        rec.pop("document", None)
        rec.pop("_changed", None)
    return records, interrupted


def _documents(records: list[dict[str, Any]], history: Any) -> dict[tuple[str, int], tuple[str, str]]:
    """(body, year) -> (path, structured YAML) of the reports of this audit (cached ones from the store)."""
    docs = {}
    for rec in records:
        if rec["error"] or not rec["body"] or rec["year"] is None:
            continue
        doc = rec.get("document")
        if doc is None and history is not None:       # a cached record: its document is in the store
            stored = history.document(rec["body"], rec["year"])
            doc = stored[1] if stored else None
        if doc is not None:
            docs[(rec["body"], rec["year"])] = (rec["path"], doc)
    return docs


def _second_pass(records: list[dict[str, Any]], kind: str, prefix: str, options: dict[str, Any],
                 docs: dict[tuple[str, int], tuple[str, str]],
                 inputs: Callable[[dict[str, Any]], tuple[list[tuple[str, str]], Any] | None],
                 fill: Callable[[Any, list[Any], Any], None]) -> None:
    """Run the rules of one kind over the reports that have the other documents they need.

    ``inputs(rec)`` gives those documents [(path, YAML)] and any extra data, or None; ``fill`` puts
    them, read, in the engine's context.  A report whose inputs are unchanged since its stored
    audit keeps its findings (the basis of each pass is kept in the record).  The findings carry no
    line: they compare documents."""
    import hashlib

    from .engine import Engine
    from .readers.structured import read
    from .render.json import finding_dict

    rules = [r for r in _engine.rules if r.kind == kind]      # the audit's selection and severities
    if not rules:
        return
    engine = Engine(rules, severity=_engine.severities)
    lang = options.get("lang", "zh")
    for rec in records:
        key = (rec["body"], rec["year"])
        got = inputs(rec) if key in docs else None
        basis = None
        if got is not None:
            h = hashlib.sha256(docs[key][1].encode())
            for _, text in got[0]:
                h.update(text.encode())
            h.update(repr(got[1]).encode())
            basis = h.hexdigest()
        bases = rec.setdefault("basis", {})
        if rec.get("cached") and bases.get(kind) == basis:
            continue                      # same documents as when stored: same findings
        before = [f for f in rec["findings"] if f["rule"].startswith(prefix)]
        rec["findings"] = [f for f in rec["findings"] if not f["rule"].startswith(prefix)]
        after = []
        if got is not None:
            fill(engine.ctx, [read(text, path) for path, text in got[0]], got[1])
            for f in engine.check(read(docs[key][1], rec["path"])):
                d = finding_dict(f, lang)
                d.update(line=None, col=None, end_line=None, end_col=None, location=None)
                after.append(d)
        rec["findings"].extend(after)
        if after != before or bases.get(kind) != basis:
            bases[kind] = basis
            rec["_changed"] = True


def cross_year(records: list[dict[str, Any]], history: Any, options: dict[str, Any],
               docs: dict[tuple[str, int], tuple[str, str]]) -> None:
    """Each report against the same body's report of the year before, from this audit or the store."""

    def inputs(rec: dict[str, Any]) -> tuple[list[tuple[str, str]], Any] | None:
        prev = docs.get((rec["body"], rec["year"] - 1)) or (
            history.document(rec["body"], rec["year"] - 1) if history is not None else None)
        return ([prev], None) if prev else None

    def fill(ctx: Any, reports: list[Any], extra: Any) -> None:
        ctx.previous = reports[0]

    _second_pass(records, "crossyear", "XY-", options, docs, inputs, fill)


def load_hierarchy(path: str) -> dict[str, Any]:
    """A YAML file: ``cells`` (table.row.col a parent aggregates) and ``parents`` (body: [children])."""
    from .model import InputError
    from .yamlio import load, to_plain

    try:
        data = to_plain(load(Path(path).read_text(encoding="utf-8"), path))
    except OSError as e:
        raise InputError(f"cannot read the hierarchy: {e.strerror}", path) from None
    if not isinstance(data, dict) or not isinstance(data.get("parents"), dict) or \
            not isinstance(data.get("cells", []), list):
        raise InputError("a hierarchy has 'parents' (body: [children]) and 'cells' ([table.row.col])", path, 1)
    cells = [tuple(str(c).split(".")) for c in data.get("cells", [])]
    if any(len(c) != 3 for c in cells):
        raise InputError("hierarchy 'cells' are written table.row.col (t3.new_received.total)", path)
    return {"cells": cells, "parents": {str(k): [str(c) for c in v or []] for k, v in data["parents"].items()}}


def hierarchy(records: list[dict[str, Any]], options: dict[str, Any],
              docs: dict[tuple[str, int], tuple[str, str]]) -> None:
    """A parent's figures against its children's sum, for the same year in this audit."""
    tree = options.get("hierarchy") or {}
    parents = tree.get("parents", {})

    def inputs(rec: dict[str, Any]) -> tuple[list[tuple[str, str]], Any] | None:
        kids = parents.get(rec["body"])
        if kids is None:
            return None
        found = [docs[(k, rec["year"])] for k in kids if (k, rec["year"]) in docs]
        return found, ([k for k in kids if (k, rec["year"]) not in docs], tree.get("cells", []))

    def fill(ctx: Any, reports: list[Any], extra: Any) -> None:
        ctx.children, (ctx.missing_children, ctx.aggregate) = reports, extra

    _second_pass(records, "hierarchy", "HIER-", options, docs, inputs, fill)


# --------------------------------------------------------------------------- summary
def status(rec: dict[str, Any]) -> str:
    if rec["error"]:
        return "unreadable"
    sev = {f["severity"] for f in rec["findings"]}
    return "error" if "error" in sev else "warning" if "warning" in sev else "info" if sev else "clean"


_RANK = {"unreadable": 0, "error": 1, "warning": 2, "info": 3, "clean": 4}


def counts(rec: dict[str, Any]) -> dict[str, int]:
    c = dict.fromkeys(SEVERITIES, 0)
    for f in rec["findings"]:
        c[f["severity"]] += 1
    return c


def worst_first(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(records, key=lambda r: (_RANK[status(r)], -counts(r)["error"], -counts(r)["warning"], r["path"]))


def rule_counts(records: list[dict[str, Any]]) -> list[tuple[str, str, int, int]]:
    """(rule, title, findings, reports) — most frequent first."""
    total: dict[str, list[Any]] = {}
    for rec in records:
        for rule in {f["rule"] for f in rec["findings"]}:
            total.setdefault(rule, ["", 0, 0])[2] += 1
        for f in rec["findings"]:
            entry = total.setdefault(f["rule"], ["", 0, 0])
            entry[0], entry[1] = f["title"], entry[1] + 1
    return sorted(((r, t, n, k) for r, (t, n, k) in total.items()), key=lambda x: (-x[2], x[0]))


def duplicates(records: list[dict[str, Any]]) -> list[tuple[str, int, list[str]]]:
    """(body, year, files) for each body and year that more than one file claims."""
    seen: dict[tuple[str, Any], list[str]] = {}
    for rec in records:
        if rec["body"] and rec["year"] is not None:
            seen.setdefault((rec["body"], rec["year"]), []).append(rec["path"])
    return [(b, y, files) for (b, y), files in sorted(seen.items(), key=lambda kv: (kv[0][0], kv[0][1]))
            if len(files) > 1]


def finding_rows(records: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One flat row per finding, with the report's identity (CSV, XLSX, JSONL)."""
    for rec in records:
        for f in rec["findings"]:
            yield {"file": rec["path"], "body": rec["body"], "year": rec["year"], "kind": rec["kind"], **f}
