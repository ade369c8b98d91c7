"""Proof of what was published: every fetched document kept under its SHA-256 in a folder beside
the history store (``.xxgk-lint/archive/ab/abcdef…``), written once and never changed; the
history store records each fetch (URL, final URL, time, status, ETag, Last-Modified).

``obtain`` is what an audit asks for a URL: a conditional request when the URL was fetched
before (a 304 reuses the archived copy), the report found in the page, archived, and the fetch
record the main thread writes into the history (sqlite connections stay in their thread).  A
page's pictures (a table printed as an image) are archived with it and recorded by their src."""

from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path
from typing import Any

from ..model import InputError
from . import Source
from .fetch import Fetched, Fetcher
from .find import locate
from .pictures import ask_again, fetch_pictures


class Archive:
    def __init__(self, root: str | Path):
        self.root = Path(root)

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def put(self, content: bytes) -> tuple[str, Path]:
        """(SHA-256, path) of ``content``, stored if it was not yet."""
        sha = hashlib.sha256(content).hexdigest()
        path = self.path(sha)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            # a temporary name of this process and thread: two fetch threads (or two audits) that
            # store the same content at once each write their own, and either rename wins
            tmp = path.with_name(f".{sha}.{os.getpid()}.{threading.get_ident()}.tmp")
            tmp.write_bytes(content)
            os.replace(tmp, path)        # whole or absent
        return sha, path

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()


def obtain(fetcher: Fetcher, archive: Archive, url: str, last: dict[str, Any] | None) -> tuple[Source, dict[str, Any]]:
    """(the source of the report at ``url``, the fetch record to store).  ``last``: the URL's
    previous fetch record, if any."""
    doc: Fetched | None = None
    via = ""
    # {src: {sha256, etag, last_modified}} of the page's pictures at the previous fetch
    before: dict[str, dict[str, str]] = json.loads(last.get("pictures") or "{}") if last else {}
    earlier = {src: rec["sha256"] for src, rec in before.items()}
    # The document is asked conditionally, and on a 304 its pictures: when the report is an
    # attachment that is unchanged, a page that now links to another attachment goes unseen
    # until the attachment itself changes.
    if last and all(map(archive.has, [last["sha256"], *earlier.values()])) and \
            (last.get("etag") or last.get("last_modified")):
        got = fetcher.get(last["document"], last.get("etag") or "", last.get("last_modified") or "")
        if got.status == 304:
            pictures = {**before, **_archived(archive, {src: f for src, f in ask_again(
                fetcher, last["document"], before).items() if f is not None})}
            source = Source(url, last["document"], last["via"], 304, got.fetched_at, last.get("charset"),
                            last["sha256"], last["sha256"], last["fetched_at"], str(archive.path(last["sha256"])),
                            _paths(archive, pictures), earlier)
            return source, _record(source, pictures, last.get("content_type"), last.get("etag"),
                                   last.get("last_modified"))
        if last["document"] == url:
            # the page itself changed: look for the report in this answer (it may have become a
            # stub with an attachment) rather than asking again
            doc, via = locate(fetcher, url, fetched=got)
    if doc is None:
        doc, via = locate(fetcher, url)
    if not doc.content.strip():
        raise InputError("empty response", url)
    sha, path = archive.put(doc.content)
    pictures = _archived(archive, fetch_pictures(fetcher, doc))
    source = Source(url, doc.final_url, via, doc.status, doc.fetched_at, doc.charset, sha,
                    last["sha256"] if last else "", last["fetched_at"] if last else "", str(path),
                    _paths(archive, pictures), earlier)
    return source, _record(source, pictures, doc.content_type, doc.etag, doc.last_modified)


def _archived(archive: Archive, fetched: dict[str, Fetched]) -> dict[str, dict[str, str]]:
    """Each picture archived: {src: {sha256, etag, last_modified}} (what the next fetch asks with)."""
    return {src: {"sha256": archive.put(f.content)[0], "etag": f.etag, "last_modified": f.last_modified}
            for src, f in fetched.items()}


def _paths(archive: Archive, pictures: dict[str, dict[str, str]]) -> dict[str, str]:
    return {src: str(archive.path(rec["sha256"])) for src, rec in pictures.items()}


def _record(source: Source, pictures: dict[str, dict[str, str]], content_type: str | None, etag: str | None,
            last_modified: str | None) -> dict[str, Any]:
    return {"url": source.url, "document": source.document, "via": source.via, "sha256": source.sha256,
            "status": source.status, "content_type": content_type, "charset": source.charset, "etag": etag,
            "last_modified": last_modified, "fetched_at": source.fetched_at,
            "pictures": json.dumps(pictures, ensure_ascii=False) if pictures else None}
