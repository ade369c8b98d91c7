"""One finding per line: the fields of `--format json`, plus the file and a fingerprint."""

from __future__ import annotations

import json
from typing import Any, TextIO

from . import FileResult
from .json import finding_dict


def render(results: list[FileResult], lang: str, out: TextIO, options: dict[str, Any]) -> None:
    for r in results:
        if r.error is not None:
            out.write(json.dumps({"path": r.path, "error": r.error.message}, ensure_ascii=False) + "\n")
        for f in r.findings:
            out.write(json.dumps(finding_dict(f, lang) | {"fingerprint": f.fingerprint()},
                                 ensure_ascii=False, default=str) + "\n")
