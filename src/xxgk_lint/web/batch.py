"""The URLs of an audit, fetched in threads while the worker processes check what has arrived:
each URL's report found, archived and given its previous fetch (for conditional requests and
WEB-CHANGED).  A URL that fails is that URL's error; the others go on."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from .archive import Archive, obtain
from .fetch import Fetcher


class WebBatch:
    def __init__(self, fetcher: Fetcher, archive_root: str | Path, threads: int = 8):
        self.fetcher, self.archive = fetcher, Archive(archive_root)
        self.pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="fetch")

    def start(self, urls: list[str], last: dict[str, dict[str, Any] | None]) -> dict[Future, str]:
        """Fetch every URL (``last``: its previous fetch record, read by the caller's thread);
        each future gives (Source, the fetch record to store) or raises InputError."""
        return {self.pool.submit(obtain, self.fetcher, self.archive, url, last.get(url)): url for url in urls}

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.fetcher.close()
