"""One finding per line: the fields of `--format json`, the report's identity, the place in the
file and a fingerprint; a file that could not be read is a line with its error."""

from __future__ import annotations

import json
from typing import Any, TextIO

from . import FileResult, incomplete_note
from .batch import finding_rows


def render(results: list[FileResult], lang: str, out: TextIO, options: dict[str, Any]) -> None:
    for r in results:
        if r.error is not None:
            i = r.identity
            out.write(json.dumps({"file": r.path, "body": i.body, "year": i.year, "kind": i.kind,
                                  "error": r.error.message}, ensure_ascii=False) + "\n")
        if r.same_as is not None:
            i = r.identity
            out.write(json.dumps({"file": r.path, "body": i.body, "year": i.year, "kind": i.kind,
                                  "same_as": r.same_as}, ensure_ascii=False) + "\n")
        for row in finding_rows([r], lang):
            out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    note = incomplete_note(options, lang)
    if note:
        done, total = options["incomplete"]
        out.write(json.dumps({"incomplete": True, "finished": done, "total": total, "message": note},
                             ensure_ascii=False) + "\n")
