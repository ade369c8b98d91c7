"""Generated reports for property tests and benchmarks: consistent figures, rendered as the
structured format or as pipe text the way web extraction prints it."""

from __future__ import annotations

import copy
import random
from typing import Any

import yaml

from ..template import table_spec
from . import base_document

BODIES = [("示例市人民政府", "government"), ("示例县教育局", "department"), ("示例区卫生健康局", "department"),
          ("示例镇人民政府", "township"), ("示例市发展和改革委员会", "department"), ("示例县人民政府", "government")]
_T3_LEAD = ("new_received", "carried_over_prev")
_T3_TAIL = ("result_total", "carried_forward")


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    cuts = sorted(rng.randint(0, total) for _ in range(parts - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total])]


def consistent_t3(rng: random.Random, template: str = "2021", scale: int = 50) -> dict[str, list[int]]:
    """Table 3 whose three identities hold, column by column."""
    spec = table_spec("t3", template)
    result_rows = [r.id for r in spec.rows if r.id not in _T3_LEAD + _T3_TAIL]
    rows: dict[str, list[int]] = {r.id: [0] * 7 for r in spec.rows}
    for c in range(6):
        busy = rng.random() < (0.9 if c == 0 else 0.3)
        new = rng.randint(0, scale) if busy else 0
        prev = rng.randint(0, max(new // 10, 1)) if busy else 0
        fwd = rng.randint(0, prev + new) // 4
        handled = new + prev - fwd
        for r, v in zip(result_rows, _split(rng, handled, len(result_rows))):
            rows[r][c] = v
        rows["new_received"][c], rows["carried_over_prev"][c] = new, prev
        rows["result_total"][c], rows["carried_forward"][c] = handled, fwd
    for v in rows.values():
        v[6] = sum(v[:6])
    return rows


def consistent_t4(rng: random.Random) -> dict[str, list[int]]:
    out = {}
    for g in ("reconsideration", "litigation_direct", "litigation_after"):
        v = [rng.choice((0, 0, 0, 1, 2, 3)) for _ in range(4)]
        out[g] = [*v, sum(v)]
    return out


def consistent_doc(rng: random.Random, template: str = "2021") -> dict[str, Any]:
    doc = base_document(template)
    doc = copy.deepcopy(doc)
    body, kind = rng.choice(BODIES)
    year = rng.randint(2021, 2025) if template == "2021" else rng.choice((2019, 2020))
    old = doc["meta"]["year"]
    doc["meta"].update(body=body, kind=kind, year=year, title=f"{body}{year}年政府信息公开工作年度报告")
    doc["meta"]["published"] = doc["meta"]["published"].replace(year=year + 1, day=rng.randint(5, 25))
    doc["meta"]["period"] = {"start": doc["meta"]["period"]["start"].replace(year=year),
                             "end": doc["meta"]["period"]["end"].replace(year=year)}
    doc["preamble"] = doc["preamble"].replace(str(old), str(year))
    for s in doc["sections"]:
        if "text" in s:
            s["text"] = s["text"].replace(str(old), str(year))
    t2 = doc["tables"]["t2"]
    for cols in t2.values():
        for col in cols:
            if col == "change":
                cols[col] = rng.randint(-20, 20)
            elif col in ("amount", "procurement_amount"):
                cols[col] = round(rng.uniform(0, 500), 2)
            else:
                cols[col] = rng.randint(0, 3000)
    doc["tables"]["t3"] = consistent_t3(rng, template)
    doc["tables"]["t4"] = consistent_t4(rng)
    return doc


class _Dumper(yaml.SafeDumper):
    """Multi-line text as literal blocks, as a person would write it."""


_Dumper.add_representer(str, lambda d, s: d.represent_scalar("tag:yaml.org,2002:str", s,
                                                              style="|" if "\n" in s else None))


def to_yaml(doc: dict[str, Any]) -> str:
    return yaml.dump(doc, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
