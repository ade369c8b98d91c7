"""A report kept as a folder of page pictures (p1.jpg, p2.jpg …; 报告_01.png, 报告_02.png …):
the pictures whose names differ only in a page number, from 1 (or 0) on without a gap, are the
pages of one report, read as one scan from its first page."""

from __future__ import annotations

import re
from pathlib import Path

_NUMBERED = re.compile(r"^(?P<stem>.*?)(?P<n>\d{1,3})(?P<ext>\.(?:png|jpe?g))$", re.I)


def pages(path: str | Path) -> list[Path]:
    """The pages of the report whose first page is ``path``, in order ([path] when it is not the
    first of two or more numbered pictures)."""
    path = Path(path)
    m = _NUMBERED.match(path.name)
    if m is None or int(m["n"]) > 1:
        return [path]
    numbered = _siblings(path.parent, m["stem"]).get(m["ext"][1:4].lower().replace("jpe", "jpg"), {})
    out, n = [], int(m["n"])
    while n in numbered:
        out.append(numbered[n])
        n += 1
    return out if len(out) > 1 and out[0] == path else [path]


def later_pages(folder: Path, names: list[str]) -> set[str]:
    """The names in a folder that are second or later pages of a page set (read with the first)."""
    out: set[str] = set()
    for name in names:
        got = pages(folder / name)
        if len(got) > 1:
            out.update(p.name for p in got[1:])
    return out


def _siblings(folder: Path, stem: str) -> dict[str, dict[int, Path]]:
    """The numbered pictures named stem<N>.<ext> in a folder, by extension kind and number."""
    out: dict[str, dict[int, Path]] = {}
    try:
        names = [p.name for p in folder.iterdir()]
    except OSError:
        return out
    for name in names:
        m = _NUMBERED.match(name)
        if m is not None and m["stem"] == stem:
            out.setdefault(m["ext"][1:4].lower().replace("jpe", "jpg"), {}).setdefault(int(m["n"]), folder / name)
    return out
