"""Reports from the web: fetched politely (fetch.py), found inside their pages or column pages
(find.py), and kept as proof of what was published (archive.py).  httpx is imported only when a
URL is given."""

from __future__ import annotations

from typing import Any

from ..record import Record


def is_url(s: str) -> bool:
    return s.startswith(("http://", "https://"))


def shown(url: str) -> str:
    """A URL as it may be shown or saved: without a user and password (``user:pw@host``)."""
    if "@" not in url:
        return url
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


class Source(Record):
    """Where a checked document came from: the URL asked for, the document's own URL (an
    attachment's, an iframe's, or the page's after redirects), how it was found (``via``: page,
    attachment, iframe, direct), when it was fetched, and — when an archive keeps fetches — the
    document's digest and the previous fetch's digest and date; ``pictures``: the archived
    pictures of a page (a table printed as an image), by their ``src``, and
    ``previous_pictures`` their digests at the previous fetch."""

    __slots__ = ("url", "document", "via", "status", "fetched_at", "charset", "sha256", "previous_sha256",
                 "previous_at", "archived", "pictures", "previous_pictures")

    def __init__(self, url: str, document: str = "", via: str = "page", status: int = 200, fetched_at: str = "",
                 charset: str | None = None, sha256: str = "", previous_sha256: str = "", previous_at: str = "",
                 archived: str = "", pictures: dict[str, str] | None = None,
                 previous_pictures: dict[str, str] | None = None):
        self.url, self.document, self.via, self.status, self.fetched_at = url, document or url, via, status, fetched_at
        self.charset, self.sha256, self.previous_sha256 = charset, sha256, previous_sha256
        self.previous_at, self.archived, self.pictures = previous_at, archived, pictures or {}
        self.previous_pictures = previous_pictures or {}

    def changed(self) -> bool:
        """The document is not what it was at the previous fetch, or one of its pictures was
        replaced under the same src (a picture fetched now and not then — OCR installed since,
        a 404 mended — is no change of the report)."""
        if not self.previous_sha256:
            return False
        now = self._picture_digests()
        return self.sha256 != self.previous_sha256 or \
            any(now[src] != sha for src, sha in self.previous_pictures.items() if src in now)

    def content_hash(self) -> str:
        """What was read, as one digest: the document's, with its pictures' when it has some (a
        table picture replaced under the same src is read anew, not taken from the cache)."""
        if not self.pictures:
            return self.sha256
        import hashlib

        names = sorted(f"{src}\0{sha}" for src, sha in self._picture_digests().items())
        return hashlib.sha256("\0".join([self.sha256, *names]).encode()).hexdigest()

    def _picture_digests(self) -> dict[str, str]:
        """{src: SHA-256}: an archived picture's file is named by its digest."""
        import os

        return {src: os.path.basename(path) for src, path in self.pictures.items()}

    def picture_bytes(self) -> dict[str, bytes]:
        """The archived pictures' bytes by ``src`` (one gone from the archive is left out)."""
        out = {}
        for src, path in self.pictures.items():
            try:
                with open(path, "rb") as f:
                    out[src] = f.read()
            except OSError:
                continue
        return out

    def to_plain(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__ if getattr(self, k) not in ("", None, {})}

    @classmethod
    def from_plain(cls, d: dict[str, Any]) -> "Source":
        return cls(**{k: v for k, v in d.items() if k in cls.__slots__})
