"""Baselines: today's findings recorded by fingerprint (rule, file, logical place, values —
never a line number), so later runs report only what is new."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from .model import InputError

VERSION = 1


def write(path: str, results: list[Any]) -> None:
    entries = [{"fingerprint": f.fingerprint(), "rule": f.rule_id, "file": f.path, "place": f.place.as_dict()}
               for r in results for f in r.findings]
    from .outputs import atomic

    with atomic(path, "w", encoding="utf-8") as out:
        json.dump({"xxgk-lint-baseline": VERSION, "findings": entries}, out, ensure_ascii=False, indent=1)
        out.write("\n")


def apply(path: str, results: list[Any]) -> int:
    """Drop findings the baseline knows (as many times as it lists each); returns how many baseline
    entries no longer occur."""
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        known = Counter(e["fingerprint"] for e in data["findings"])
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise InputError(f"not a baseline written by --write-baseline: {e}", path) from None
    for r in results:
        kept = []
        for f in r.findings:
            fp = f.fingerprint()
            if known[fp] > 0:
                known[fp] -= 1
            else:
                kept.append(f)
        r.findings = kept
    return sum(known.values())
