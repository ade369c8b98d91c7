"""Fetching politely with httpx: timeouts, bounded redirects, gzip, a size limit, retries with
backoff on 5xx and connection errors (never on 4xx), a User-Agent naming the tool, and per
host at most ``per_host`` requests at once, ``delay`` seconds apart — an audit of a province
must not hammer a county's small server.  Thread-safe: one Fetcher serves every fetch thread.

Every failure is an InputError naming the URL in one line (``HTTP 404``, ``timed out after
20 s``), so one bad URL is one unreadable result and the rest of a batch goes on."""

from __future__ import annotations

import datetime as dt
import threading
import time
from typing import Any
from urllib.parse import urlsplit

from .. import __version__
from ..model import InputError
from ..readers import MAX_BYTES
from ..record import Record

USER_AGENT = f"xxgk-lint/{__version__} (+https://pypi.org/project/xxgk-lint/; annual-report compliance check)"


class Fetched(Record):
    """One HTTP response: ``url`` asked, ``final_url`` after redirects, the body (empty on a 304),
    and what a later conditional request needs (ETag, Last-Modified)."""

    __slots__ = ("url", "final_url", "status", "content", "content_type", "charset", "etag", "last_modified",
                 "fetched_at")

    def __init__(self, url: str, final_url: str, status: int, content: bytes, content_type: str = "",
                 charset: str | None = None, etag: str = "", last_modified: str = "", fetched_at: str = ""):
        self.url, self.final_url, self.status, self.content = url, final_url, status, content
        self.content_type, self.charset, self.etag, self.last_modified = content_type, charset, etag, last_modified
        self.fetched_at = fetched_at or dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class _Host:
    __slots__ = ("slots", "lock", "last")

    def __init__(self, per_host: int):
        self.slots, self.lock, self.last = threading.BoundedSemaphore(per_host), threading.Lock(), 0.0


class Fetcher:
    def __init__(self, timeout: float = 20.0, retries: int = 2, per_host: int = 2, delay: float = 0.5,
                 max_bytes: int = MAX_BYTES, max_redirects: int = 5, backoff: float = 0.5,
                 transport: Any = None, allow_private: bool = False, resolve: Any = None, strict: bool = False):
        import httpx

        self.timeout, self.retries, self.per_host, self.delay = timeout, retries, per_host, delay
        # each read waits at most ``timeout``; the whole request (connect, headers, body) at most
        # three times that, so a server that drips a byte a second never holds a batch
        self.deadline = 3 * timeout
        self.max_bytes, self.backoff = max_bytes, backoff
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)), follow_redirects=True,
            max_redirects=max_redirects, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            limits=httpx.Limits(max_connections=64, max_keepalive_connections=16), transport=transport)
        self._hosts: dict[str, _Host] = {}
        self._auth: dict[tuple[str, int | None], tuple[str, str]] = {}
        self._lock = threading.Lock()
        # a redirect, link or iframe to a loopback, private, link-local or reserved address is
        # refused unless the user gave that origin (host and port) or --allow-private; ``strict``
        # (the command line): only the origins ``allow`` names are given, else every URL asked for
        # by get() itself (not a link it follows) is
        self.allow_private, self.strict, self.given = allow_private, strict, set()
        self._resolve = resolve or _resolve
        self._client.event_hooks["request"] = [self._policy]
        from .deadline import install

        install(self._client)

    def login(self, url: str) -> str:
        """A URL the user typed with a user and password (``https://user:pw@host/…``): they are
        kept for its origin (HTTP basic auth, never sent to another origin) and the URL without
        them is what the run shows, keys and saves."""
        from urllib.parse import unquote

        from . import shown

        parts = urlsplit(url)
        if parts.username is None:
            return url
        self._auth[_origin(url)] = (unquote(parts.username), unquote(parts.password or ""))
        return shown(url)

    def allow(self, url: str) -> None:
        """An origin the user typed: it may be local (an intranet server, a test on 127.0.0.1)."""
        self.given.add(_origin(url))

    def _policy(self, request: Any) -> None:
        if self.allow_private or _origin(str(request.url)) in self.given:
            return
        host = request.url.host
        for address in self._resolve(host):
            if _private(address):
                raise _Refused(f"refused: {host} is a private or local address ({address}); "
                               "only a URL given on the command line may be local (--allow-private)")

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def get(self, url: str, etag: str = "", last_modified: str = "", followed: bool = False) -> Fetched:
        """The response to GET ``url``; with ``etag``/``last_modified`` a conditional request,
        whose 304 comes back as a Fetched with status 304 and no content.  ``followed``: a link or
        frame of a page, never a given origin."""
        import httpx

        if not followed and not self.strict:
            self.allow(url)
        headers = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
        for attempt in range(self.retries + 1):
            try:
                with self._turn(url):
                    began = time.monotonic()
                    fetched = self._get(url, headers)
            except _Refused as e:
                raise InputError(str(e), url) from None
            except httpx.TooManyRedirects:
                raise InputError("too many redirects", url) from None
            except httpx.TimeoutException:
                if time.monotonic() >= began + self.deadline - 0.05:
                    raise InputError(self._too_slow(), url) from None
                raise InputError(f"timed out after {self.timeout:g} s", url) from None
            except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError) as e:
                if attempt == self.retries:
                    raise InputError(f"cannot connect: {_reason(e)}", url) from None
            except httpx.InvalidURL as e:
                raise InputError(f"not a URL that can be fetched: {e}", url) from None
            except httpx.HTTPError as e:
                raise InputError(f"fetch failed: {_reason(e)}", url) from None
            else:
                if fetched.status < 500 or attempt == self.retries:
                    if fetched.status >= 400:
                        raise InputError(f"HTTP {fetched.status}", url)
                    return fetched
            time.sleep(self.backoff * 2 ** attempt)
        raise AssertionError("unreachable")     # pragma: no cover

    def _too_slow(self) -> str:
        return f"too slow: not done after {self.deadline:g} s (the deadline is 3 × --timeout)"

    def _get(self, url: str, headers: dict[str, str]) -> Fetched:
        from .deadline import set_deadline

        ends = time.monotonic() + self.deadline
        set_deadline(ends)          # every socket operation of this request waits at most what is left
        try:
            return self._stream(url, headers, ends)
        finally:
            set_deadline(None)

    def _stream(self, url: str, headers: dict[str, str], ends: float) -> Fetched:
        with self._client.stream("GET", url, headers=headers, auth=self._auth.get(_origin(url))) as r:
            if r.status_code >= 300:
                return Fetched(url, str(r.url), r.status_code, b"", etag=r.headers.get("etag", ""),
                               last_modified=r.headers.get("last-modified", ""))
            declared = r.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.max_bytes:
                raise InputError(f"too large ({int(declared) / 1048576:.1f} MB; limit "
                                 f"{self.max_bytes // 1048576} MB)", url)
            chunks, size = [], 0
            for chunk in r.iter_bytes():
                if time.monotonic() > ends:
                    raise InputError(self._too_slow(), url)
                size += len(chunk)
                if size > self.max_bytes:
                    raise InputError(f"too large (over {self.max_bytes // 1048576} MB)", url)
                chunks.append(chunk)
            ctype = r.headers.get("content-type", "")
            return Fetched(url, str(r.url), r.status_code, b"".join(chunks), ctype.split(";")[0].strip().lower(),
                           _charset(ctype), r.headers.get("etag", ""), r.headers.get("last-modified", ""))

    def _turn(self, url: str) -> Any:
        """Wait for this host's turn: a free slot and ``delay`` since its last request began."""
        host_name = urlsplit(url).netloc.lower()
        with self._lock:
            host = self._hosts.get(host_name)
            if host is None:
                host = self._hosts[host_name] = _Host(self.per_host)
        return _Turn(host, self.delay)


class _Refused(Exception):
    pass


def _origin(url: str) -> tuple[str, int | None]:
    parts = urlsplit(url)
    return ((parts.hostname or "").lower(), parts.port or (443 if parts.scheme == "https" else 80))


def _resolve(host: str) -> list[str]:
    """The addresses a host name stands for (an IP address: itself); none when it does not resolve
    (the connection then fails on its own)."""
    import ipaddress
    import socket

    try:
        return [str(ipaddress.ip_address(host.strip("[]")))]
    except ValueError:
        pass
    try:
        return sorted({info[4][0] for info in socket.getaddrinfo(host, None)})
    except (OSError, UnicodeError):
        return []


def _private(address: str) -> bool:
    import ipaddress

    ip = ipaddress.ip_address(address.split("%")[0])
    return ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast \
        or ip.is_unspecified


class _Turn:
    __slots__ = ("host", "delay")

    def __init__(self, host: _Host, delay: float):
        self.host, self.delay = host, delay

    def __enter__(self) -> None:
        self.host.slots.acquire()
        with self.host.lock:
            wait = self.host.last + self.delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self.host.last = time.monotonic()

    def __exit__(self, *exc: Any) -> None:
        self.host.slots.release()


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'").lower()
    return None


def _reason(e: Exception) -> str:
    text = str(e) or type(e).__name__
    return " ".join(text.split())[:160]
