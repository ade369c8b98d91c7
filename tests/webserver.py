"""A local HTTP server for the web tests and the web benchmark: 127.0.0.1 only, threaded, in the
test process.  Routes are plain data (status, headers, body) or functions of the request, so a
test states exactly what a site does: redirects, a 500 that succeeds on retry, a slow answer,
ETag and Last-Modified with 304, content that changes between two audits."""

from __future__ import annotations

import gzip
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable

Response = tuple[int, dict[str, str], bytes]


class Site:
    """``routes``: path -> Response or a function (handler) -> Response.  ``hits`` counts the
    requests per path; ``agents`` keeps the User-Agent headers seen."""

    def __init__(self) -> None:
        self.routes: dict[str, Response | Callable[[Any], Response]] = {}
        self.hits: dict[str, int] = {}
        self.agents: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # headers and body go out as two writes: with Nagle's algorithm and the client's
            # delayed ACK, every response would wait ~40 ms for nothing
            disable_nagle_algorithm = True

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                site.hits[self.path] = site.hits.get(self.path, 0) + 1
                site.agents.append(self.headers.get("User-Agent", ""))
                route = site.routes.get(self.path)
                if route is None:
                    status, headers, body = 404, {"Content-Type": "text/html"}, b"<html><body>404</body></html>"
                else:
                    status, headers, body = route(self) if callable(route) else route
                if "gzip" in headers.get("Content-Encoding", ""):
                    body = gzip.compress(body)
                try:
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return self.base + path

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def html(body: str, charset: str | None = "utf-8", encoding: str = "utf-8") -> Response:
    ctype = "text/html" + (f"; charset={charset}" if charset else "")
    return 200, {"Content-Type": ctype}, body.encode(encoding)


def page_with(inner: str, title: str = "关于年度报告的公告") -> str:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>'
            f'<div class="nav"><a href="/">首页</a></div><h1>{title}</h1>{inner}</body></html>')
