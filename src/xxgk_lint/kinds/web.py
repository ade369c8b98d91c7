"""Checks over where a report was fetched from (``needs: previous_fetch``): WEB-CHANGED, a
published report whose content is not what it was at the URL's previous fetch."""

from __future__ import annotations

from typing import Any, Iterator

from ..findings import Hit, Place
from ..model import Report
from . import Checks, Context

WEB = Checks("web", {"url", "previous", "document"})


@WEB.register("WEB-CHANGED")
def changed(report: Report, ctx: Context, p: dict[str, Any]) -> Iterator[Hit]:
    """The archived copy of the previous fetch and today's differ, the page's pictures included
    (a 304 or the same bytes: not)."""
    source = ctx.source
    if source is not None and source.changed():
        yield Hit(None, Place(), {"url": source.url, "document": source.document,
                                  "previous": source.previous_at[:10]})
