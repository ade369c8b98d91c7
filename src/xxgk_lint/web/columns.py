"""The report links an audit takes from the report columns it crawls (``audit --crawl``): at most
``--max-reports`` a column and ``--max-per-host`` a host, each cut said in a note."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..result import FileResult
    from ..session import Session


def crawl_column(fetcher: Any, url: str, pages: int, session: Session,
                 most: int = 2000) -> tuple[list[str], list[FileResult]]:
    """The report links of a column page (and its next pages), at most ``most`` (a note says how
    many more the column listed); a column that cannot be read is one unreadable result, and the
    audit goes on."""
    import sys

    from ..identify import identify
    from ..model import InputError
    from ..result import FileResult
    from .find import crawl

    try:
        skipped: list[int] = []
        found = crawl(fetcher, url, pages, most=most, skipped=skipped)
        if skipped and skipped[0]:
            print(f"xxgk-lint: note: --crawl {url}: {len(found) + skipped[0]} report links; the first {len(found)} "
                  f"are audited (--max-reports {most})", file=sys.stderr)
        return found, []
    except InputError as e:
        return [], [FileResult(url, error=e, identity=identify(url, None, session))]


def cap_hosts(found: list[str], taken: dict[str, int], most: int, column: str) -> list[str]:
    """The links of a crawl, at most ``most`` from one host over all the crawl's columns
    (``taken`` counts them), with a note when the cap cut the list: a hostile column pointing
    thousands of links at one server must not make the audit a load on it."""
    import sys
    from urllib.parse import urlsplit

    kept, cut = [], 0
    for url in found:
        host = (urlsplit(url).hostname or "").lower()
        if taken.get(host, 0) >= most:
            cut += 1
            continue
        taken[host] = taken.get(host, 0) + 1
        kept.append(url)
    if cut:
        print(f"xxgk-lint: note: --crawl {column}: {cut} report links left out: at most {most} from one host "
              f"(--max-per-host)", file=sys.stderr)
    return kept
