"""The audit's history store: an embedded SQLite database of what each audit read and found.

Per file and content it keeps the audit's result in no language (identity, findings with their
message arguments), a snapshot of the report (metadata, section texts, every table cell with
its source location) and the rule set it was checked with, so that

- a file whose content and rule set are unchanged is not read again (incremental audits, in
  any language);
- cross-year rules find a body's report of the previous year, and point into its own file;
- `xxgk-lint history` lists what the store holds.

The schema is versioned (``PRAGMA user_version``) with forward migrations.  Writes are
batched: up to BATCH rows, or a second's worth, go in one transaction (a commit per file cost
more than an empty file's whole check); a row is all there or not there, so an interrupted
audit never leaves half a report, and one killed outright loses at most its last second, which
the next audit reads again.  Every read writes the batch first.  WAL and a busy timeout let
two audits share one store.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import time
from pathlib import Path
from typing import Any, Iterator

from .model import InputError
from .packed import dictionary_from, pack, unpack

def default_store(folder: Path) -> Path:
    """Where an audit of ``folder`` keeps its history when ``--history`` names no store: in the
    user's data folder ($XXGK_LINT_DATA_DIR, else $XDG_DATA_HOME/xxgk-lint or
    ~/.local/share/xxgk-lint; %LOCALAPPDATA%\\xxgk-lint on Windows), one store per audited folder,
    never inside the folder audited (an audit does not write into what it audits, and a
    read-only folder audits fine)."""
    import hashlib
    import os
    import re

    base = os.environ.get("XXGK_LINT_DATA_DIR")
    if not base:
        if os.name == "nt":
            base = os.path.join(os.environ.get("LOCALAPPDATA") or str(Path.home()), "xxgk-lint")
        else:
            base = os.path.join(os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share"), "xxgk-lint")
    folder = folder.resolve()
    name = re.sub(r"[^\w\-\u4e00-\u9fff]+", "_", folder.name or "root")[:40]
    return Path(base) / "history" / f"{name}-{hashlib.sha256(str(folder).encode()).hexdigest()[:12]}.sqlite"

MIGRATIONS = [
    # 1: reports as audited
    """
    CREATE TABLE IF NOT EXISTS reports (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        ruleset TEXT NOT NULL,
        body TEXT,
        year INTEGER,
        kind TEXT,
        template TEXT,
        document TEXT,          -- the report as structured YAML (figures and prose)
        record TEXT NOT NULL,   -- the audit record as JSON (identity, findings)
        audited_at TEXT NOT NULL,
        UNIQUE (path, content_hash, ruleset)
    );
    CREATE INDEX IF NOT EXISTS reports_body_year ON reports (body, year);
    """,
    # 2: results in no language (record) and report snapshots with their locations; rows of
    # schema 1 (a record worded in one language, the document as YAML) are no cache hit (their
    # rule-set key differs) and no previous year (no snapshot): audits read those files again
    """
    ALTER TABLE reports ADD COLUMN snapshot TEXT;
    """,
    # 3: every fetch of a report from the web, its content kept in the archive beside the store
    # (web/archive.py) under its SHA-256: proof of what was published, and when
    """
    CREATE TABLE IF NOT EXISTS fetches (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL,              -- the URL asked for
        document TEXT NOT NULL,         -- the report's own URL (attachment, iframe, after redirects)
        via TEXT NOT NULL,              -- page, attachment, iframe or direct
        sha256 TEXT NOT NULL,
        status INTEGER NOT NULL,        -- 200, or 304 when the archived copy was confirmed
        content_type TEXT,
        charset TEXT,
        etag TEXT,
        last_modified TEXT,
        fetched_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS fetches_url ON fetches (url, id);
    """,
    # 4: the pictures a fetched page shows (a table printed as an image), archived like the page:
    # JSON {src as the page writes it: {sha256, etag, last_modified}}
    """
    ALTER TABLE fetches ADD COLUMN pictures TEXT;
    """,
    # 5: snapshots and records packed (packed.py) with a dictionary kept here; rows of schema 4
    # and before (text) read as they are, and `history --vacuum` packs them
    """
    CREATE TABLE IF NOT EXISTS dictionaries (id INTEGER PRIMARY KEY, data BLOB NOT NULL);
    """,
]
FETCH_FIELDS = ("url", "document", "via", "sha256", "status", "content_type", "charset", "etag", "last_modified",
                "fetched_at", "pictures")


class History:
    BATCH = 500

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._batch: list[tuple[str, tuple[Any, ...]]] = []
        self._since = 0.0
        self._dicts: dict[int, bytes] = {}
        self.open(create=True)

    def open(self, create: bool = False) -> None:
        """Connect (again, after ``close``: an audit closes the store while its worker processes
        start, so that none of them holds it open)."""
        path = self.path
        try:
            if create:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
            self.db.execute("PRAGMA busy_timeout=30000")
            # WAL with synchronous=NORMAL never corrupts the store; a power cut may lose the last
            # reports written, which the next audit simply reads again
            self.db.execute("PRAGMA synchronous=NORMAL")
            # switching to WAL and creating the schema take a lock that the busy handler does not
            # always wait for when another audit opens the same new store: retry for a while
            for attempt in range(200):
                try:
                    self.db.execute("PRAGMA journal_mode=WAL")
                    self._migrate()
                    break
                except sqlite3.OperationalError as e:
                    if "locked" not in str(e) or attempt == 199:
                        raise
                    time.sleep(0.05)
        except (sqlite3.Error, OSError) as e:
            raise InputError(f"cannot open the history store: {e}", str(path)) from None

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise InputError(f"the history store has schema {version}, newer than this xxgk-lint "
                             f"({len(MIGRATIONS)}); upgrade xxgk-lint", str(self.path))
        for number, script in enumerate(MIGRATIONS[version:], version + 1):
            # the version is read again inside the write lock: two audits opening an old store at
            # once must not both run a step (ALTER TABLE cannot run twice)
            try:
                self.db.execute("BEGIN IMMEDIATE")
                if self.db.execute("PRAGMA user_version").fetchone()[0] < number:
                    for statement in filter(str.strip, script.split(";")):
                        self.db.execute(statement)
                    self.db.execute(f"PRAGMA user_version = {number}")
                self.db.execute("COMMIT")
            except sqlite3.Error:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                raise

    def close(self) -> None:
        self.flush()
        self.db.close()

    # ----------------------------------------------------------------- writing and reading
    def _write(self, sql: str, args: tuple[Any, ...]) -> None:
        if not self._batch:
            self._since = time.monotonic()
        self._batch.append((sql, args))
        if len(self._batch) >= self.BATCH or time.monotonic() - self._since > 1.0:
            self.flush()

    def flush(self) -> None:
        """Write the batch, in one transaction."""
        if not self._batch:
            return
        batch, self._batch = self._batch, []
        try:
            self.db.execute("BEGIN IMMEDIATE")
            number = None
            for sql, args in batch:
                if sql == _REPORT_ROW:      # its snapshot and record packed, in this transaction
                    if number is None:      # (two audits sharing a store agree on the dictionary)
                        number = self._dictionary(args[7], args[8])
                    d = self._dicts.get(number)
                    args = (*args[:7], pack(args[7], d, number), pack(args[8], d, number), *args[9:])
                self.db.execute(sql, args)
            self.db.execute("COMMIT")
        except sqlite3.Error as e:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise InputError(f"cannot write the history store: {e}", str(self.path)) from None

    def _dictionary(self, snapshot: str | None, record: str | None) -> int | None:
        """The number of the store's dictionary, made from this report if it has none yet (inside
        the write transaction); None while only unreadable files came (no snapshot: they would
        make a poor dictionary for every report after them)."""
        row = self.db.execute("SELECT id, data FROM dictionaries ORDER BY id DESC LIMIT 1").fetchone()
        if row is None:
            if snapshot is None:
                return None
            data = dictionary_from(snapshot, record)
            row = (self.db.execute("INSERT INTO dictionaries (data) VALUES (?)", (data,)).lastrowid, data)
        self._dicts[row[0]] = row[1]
        return row[0]

    def _unpack(self, value: Any) -> str | None:
        if isinstance(value, bytes) and value[0] and value[0] not in self._dicts:
            row = self.db.execute("SELECT data FROM dictionaries WHERE id = ?", (value[0],)).fetchone()
            if row is None:
                raise InputError("the history store lost a dictionary its reports were packed with", str(self.path))
            self._dicts[value[0]] = row[0]
        return unpack(value, self._dicts)

    def put(self, result: Any, content_hash: str, ruleset: str) -> None:
        """One report's result (a FileResult), in the next batch."""
        plain = result.to_plain(with_report=False)
        i = result.identity
        self._write(
            _REPORT_ROW,
            (result.path, content_hash, ruleset, i.body or None, i.year, i.kind, result.template or None,
             result.snapshot_json(), json.dumps(plain, ensure_ascii=False),
             dt.datetime.now().isoformat(timespec="seconds")))

    def cached(self, path: str, content_hash: str, ruleset: str) -> dict[str, Any] | None:
        """The stored result of this content checked with this rule set, as plain data (its
        snapshot is read only if a rule needs it: ``snapshot``)."""
        record = self._stored("record", path, content_hash, ruleset)
        return json.loads(record) if record is not None else None

    def snapshot(self, path: str, content_hash: str, ruleset: str) -> str | None:
        """The stored snapshot (JSON) of this content checked with this rule set."""
        return self._stored("snapshot", path, content_hash, ruleset)

    def _stored(self, column: str, path: str, content_hash: str, ruleset: str) -> str | None:
        self.flush()
        row = self.db.execute(f"SELECT {column} FROM reports WHERE path = ? AND content_hash = ? AND ruleset = ?",
                              (path, content_hash, ruleset)).fetchone()
        return self._unpack(row[0]) if row else None

    def previous(self, body: str, year: int) -> tuple[str, str] | None:
        """(content hash, report snapshot as JSON) of the latest stored report of a body and year."""
        self.flush()
        row = self.db.execute(
            "SELECT content_hash, snapshot FROM reports WHERE body = ? AND year = ? AND snapshot IS NOT NULL"
            " ORDER BY audited_at DESC, id DESC LIMIT 1", (body, year)).fetchone()
        return (row[0], self._unpack(row[1])) if row else None

    def put_fetch(self, fetch: dict[str, Any]) -> None:
        """One fetch of a URL (the FETCH_FIELDS), in the next batch."""
        self._write(f"INSERT INTO fetches ({', '.join(FETCH_FIELDS)}) VALUES ({', '.join('?' * len(FETCH_FIELDS))})",
                    tuple(fetch.get(k) for k in FETCH_FIELDS))

    def fetches(self, url: str | None = None) -> list[dict[str, Any]]:
        """The fetches of ``url`` (or of every URL), oldest first."""
        self.flush()
        where, args = ("WHERE url = ?", (url,)) if url else ("", ())
        rows = self.db.execute(f"SELECT {', '.join(FETCH_FIELDS)} FROM fetches {where} ORDER BY url, id", args)
        return [dict(zip(FETCH_FIELDS, row)) for row in rows]

    def last_fetch(self, url: str) -> dict[str, Any] | None:
        self.flush()
        row = self.db.execute(f"SELECT {', '.join(FETCH_FIELDS)} FROM fetches WHERE url = ? ORDER BY id DESC LIMIT 1",
                              (url,)).fetchone()
        return dict(zip(FETCH_FIELDS, row)) if row else None

    def listing(self) -> Iterator[tuple[str, int, str, str, int, str]]:
        """(body, year, path, template, findings, audited_at) of the latest audit of each file."""
        self.flush()
        rows = self.db.execute(
            "SELECT body, year, path, template, record, audited_at FROM reports r WHERE id = "
            "(SELECT MAX(id) FROM reports WHERE path = r.path) ORDER BY body, year, path")
        for body, year, path, template, record, at in rows:
            yield body or "", year, path, template or "", len(json.loads(self._unpack(record))["findings"]), at

    def vacuum(self) -> tuple[int, int, int, int]:
        """Drop what no audit will read again — of each file all but its latest row, unless that
        row is its body and year's latest report (what a cross-year rule compares with) — pack
        rows an older release stored as text, and give the space back.  Returns (rows before,
        rows after, bytes before, bytes after)."""
        self.flush()
        size = lambda: sum(p.stat().st_size for p in self.path.parent.glob(self.path.name + "*") if p.is_file())
        before, rows = size(), self.db.execute("SELECT COUNT(*) FROM reports").fetchone()[0]
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.execute(
                "DELETE FROM reports WHERE id NOT IN (SELECT MAX(id) FROM reports GROUP BY path)"
                " AND id NOT IN (SELECT MAX(id) FROM reports WHERE snapshot IS NOT NULL GROUP BY body, year)")
            old = self.db.execute("SELECT id, snapshot, record FROM reports WHERE typeof(record) = 'text'").fetchall()
            if old:
                with_snapshot = next((row for row in old if row[1] is not None), old[0])
                number = self._dictionary(with_snapshot[1], with_snapshot[2])
                d = self._dicts.get(number)
                self.db.executemany("UPDATE reports SET snapshot = ?, record = ? WHERE id = ?",
                                    [(pack(snap, d, number), pack(rec, d, number), id_) for id_, snap, rec in old])
            self.db.execute("COMMIT")
        except sqlite3.Error as e:
            self.db.execute("ROLLBACK")
            raise InputError(f"cannot vacuum the history store: {e}", str(self.path)) from None
        self.db.execute("VACUUM")
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        after = self.db.execute("SELECT COUNT(*) FROM reports").fetchone()[0]
        return rows, after, before, size()


_REPORT_ROW = ("INSERT OR REPLACE INTO reports (path, content_hash, ruleset, body, year, kind, template, snapshot,"
               " record, audited_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
