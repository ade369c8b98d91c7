"""A total deadline for each request, down to the socket.

httpx's timeouts apply to each read: a server that sends its headers (or its body) one byte a
second never times out.  The fetching thread sets its deadline here; every connect, read and
write of its request then waits at most what is left of it, and none starts after it — so a
request ends by its deadline whatever the server does, in the header phase as in the body.

This wraps httpcore's network backend (the layer under httpx that owns the sockets), in the
client's own transports, the default one and those for the environment's proxies."""

from __future__ import annotations

import threading
import time
from typing import Any

_local = threading.local()


def set_deadline(at: float | None) -> None:
    """The monotonic time by which this thread's request must end (None: no deadline)."""
    _local.at = at


def _left(timeout: float | None, kind: Any) -> float | None:
    at = getattr(_local, "at", None)
    if at is None:
        return timeout
    left = at - time.monotonic()
    if left <= 0:
        raise kind("the request's deadline passed")
    return left if timeout is None else min(timeout, left)


class _Stream:
    def __init__(self, stream: Any):
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        import httpcore

        return self._stream.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        import httpcore

        self._stream.write(buffer, _left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None) -> Any:
        import httpcore

        return _Stream(self._stream.start_tls(ssl_context, server_hostname, _left(timeout, httpcore.ConnectTimeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _Backend:
    def __init__(self, backend: Any):
        self._backend = backend

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, **kw: Any) -> Any:
        import httpcore

        return _Stream(self._backend.connect_tcp(host, port, _left(timeout, httpcore.ConnectTimeout), **kw))

    def connect_unix_socket(self, path: str, timeout: float | None = None, **kw: Any) -> Any:
        import httpcore

        return _Stream(self._backend.connect_unix_socket(path, _left(timeout, httpcore.ConnectTimeout), **kw))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


def install(client: Any) -> bool:
    """Put the deadline under every transport of an httpx Client; False when none could take
    it (a test's stub transport has no sockets), and only the body's reads are then bounded."""
    done = False
    for transport in [client._transport, *client._mounts.values()]:
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if backend is not None and not isinstance(backend, _Backend):
            pool._network_backend = _Backend(backend)
            done = True
    return done
