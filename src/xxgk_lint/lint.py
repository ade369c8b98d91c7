"""The one path from a file to its result, used by every command: read, identify, check.

Whatever happens to one file is that file's result: an input error (the file's fault, exit 2)
or an internal error (ours, exit 3, with the traceback kept for --debug) — never an exception
that stops a batch."""

from __future__ import annotations

import time
import traceback
from typing import TYPE_CHECKING, Callable

from .identify import identify
from .model import InputError, InternalError, Report
from .result import FileResult

if TYPE_CHECKING:
    from .session import Session
    from .web import Source
    from .web.fetch import Fetcher


def lint_file(path: str, session: Session, check: bool = True, source: Source | None = None) -> FileResult:
    """``check=False`` reads only: the report as its document says (``extract``).  ``source``:
    the file is a fetched document (kept in the archive at ``path``), named by its URL."""
    from .readers import read_bytes, read_data, read_report

    if source is None:
        return _lint(lambda: read_report(path), path, session, check)
    return _lint(lambda: read_data(read_bytes(path), source.document, source.charset, source.picture_bytes()),
                 source.url, session, check, source)


def lint_url(url: str, session: Session, fetcher: Fetcher, check: bool = True) -> FileResult:
    """The report at ``url`` (the page, or the attachment or iframe it holds), fetched into
    memory and checked; a URL that cannot be fetched is that URL's result with its error."""
    from .web import Source
    from .web.find import locate

    try:
        doc, via = locate(fetcher, url)
    except InputError as e:
        return FileResult(url, error=e, identity=identify(url, None, session))
    from .readers import read_data
    from .web.pictures import fetch_pictures

    source = Source(url, doc.final_url, via, doc.status, doc.fetched_at, doc.charset)
    return _lint(lambda: read_data(doc.content, source.document, source.charset,
                                   {src: f.content for src, f in fetch_pictures(fetcher, doc).items()}),
                 url, session, check, source)


def _lint(read: Callable[[], Report], name: str, session: Session, check: bool,
          source: Source | None = None) -> FileResult:
    start = time.perf_counter()
    timings: dict[str, float] = {}
    try:
        report = read()
        timings["read"] = time.perf_counter() - start
        if not check:
            return FileResult(name, report, timings=timings, source=source)
        identity = identify(name, report, session)
        findings = session.engine.check(report, source=source)
        if report._second_reading is not None:
            findings = _read_again(report, findings, session, source)
        timings["check"] = time.perf_counter() - start - timings["read"]
        return FileResult(name, report, findings, identity=identity, timings=timings, source=source)
    except Exception as e:  # noqa: BLE001 - a bug costs one file, not the batch
        error = e if isinstance(e, InputError) else InternalError(e, name, traceback.format_exc())
        return FileResult(name, error=error, identity=identify(name, None, session), source=source)


def _read_again(report: Report, findings: list, session: Session, source: Source | None) -> list:
    """An error or a warning resting on cells or paragraphs OCR read once is checked against a
    second reading of them by the other recogniser: where the two differ, the place is doubted
    and the report checked again (a digit split or merged by the recogniser is no error of the
    report, and a finding on a misread word says that it may be the reading's).  The crops the
    second reading needs are dropped afterwards."""
    places = {id(loc): loc for f in findings if f.severity in ("error", "warning")
              for loc in (f.loc, *f.related) if loc is not None and loc.ocr is not None and loc.doubt is None}
    doubted = False
    for loc in places.values():
        why = report._second_reading(loc)
        if why is not None:
            loc.doubtful(why)
            if not loc.table:       # a finding holds a copy of a paragraph's place: the paragraph's own
                for sec in report.sections:
                    for _, part in sec.parts:
                        if part.para == loc.para and part.page == loc.page:
                            part.doubtful(why)
            doubted = True
    report._second_reading = None
    return session.engine.check(report, source=source) if doubted else findings
