"""Generated reports for property tests and benchmarks: consistent figures, rendered as the
structured format or as pipe text the way web extraction prints it."""

from __future__ import annotations

import copy
import random
from typing import Any

import yaml

from ..template import SECTIONS, table_spec
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
    for row, cols in t2.items():
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


# --------------------------------------------------------------------------- pipe text
_T2_ITEMS_2021 = (("第二十条第（一）项", ("regulations", "normative_docs")), ("第二十条第（五）项", ("licensing",)),
                  ("第二十条第（六）项", ("penalty", "coercion")), ("第二十条第（八）项", ("admin_fees",)))
_T2_ITEMS_2019 = (("第二十条第（一）项", ("regulations", "normative_docs")),
                  ("第二十条第（五）项", ("licensing", "other_services")),
                  ("第二十条第（六）项", ("penalty", "coercion")), ("第二十条第（八）项", ("admin_fees",)),
                  ("第二十条第（九）项", ("procurement",)))
_GROUP_LABEL = {"withheld": "（三）不予公开", "unavailable": "（四）无法提供", "not_processed": "（五）不予处理",
                "other_processing": "（六）其他处理"}


def _fmt(v: Any) -> str:
    if v is None:
        return ""
    return f"{v:g}" if isinstance(v, float) else str(v)


def _pipe(cells: list[Any]) -> str:
    return " | ".join(_fmt(c) for c in cells) + " |"


def t2_lines(t2: dict[str, dict[str, Any]], template: str) -> list[str]:
    spec = table_spec("t2", template)
    out = []
    for item, rows in (_T2_ITEMS_2019 if template == "2019" else _T2_ITEMS_2021):
        out.append(f"{item} | |||")
        cols = spec.row_cols(spec.row_by_id[rows[0]])
        out.append(_pipe(["信息内容", *(spec.col_by_id[c].zh for c in cols)]))
        for r in rows:
            out.append(_pipe([spec.row_by_id[r].zh, *(t2.get(r, {}).get(c) for c in cols)]))
    return out


def t3_lines(t3: dict[str, list[Any]], template: str) -> list[str]:
    spec = table_spec("t3", template)
    out = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 | ||||||",
           "自 然 人 | 法人或其他组织 | 总计 | ||||",
           "商业 企业 | 科研 机构 | 社会 公益 组织 | 法律 服务 机构 | 其 他 | ||"]
    seen_groups: set[str] = set()
    for r in spec.rows:
        labels = [r.zh]
        if r.id == "disclosed":
            labels = ["三、本年度办理结果", r.zh]
        if r.group in _GROUP_LABEL and r.group not in seen_groups and r.id != "other_processing":
            seen_groups.add(r.group)
            labels = [_GROUP_LABEL[r.group], r.zh]
        out.append(_pipe([*labels, *t3.get(r.id, [None] * 7)]))
    return out


def t4_lines(t4: dict[str, list[Any]]) -> list[str]:
    values = [*t4["reconsideration"], *t4["litigation_direct"], *t4["litigation_after"]]
    return ["行政复议 | 行政诉讼 | ||||||||||||",
            "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 | ||||||||",
            "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | |||||",
            _pipe(values)]


def to_pipe_text(doc: dict[str, Any]) -> str:
    meta, tables = doc["meta"], doc["tables"]
    template = meta.get("template", "2021")
    lines = [meta["title"], f"（{meta['published'].year}年{meta['published'].month}月{meta['published'].day}日）"]
    lines += doc.get("preamble", "").strip().splitlines()
    by_key = {i + 1: s for i, s in enumerate(doc["sections"])}
    for spec in SECTIONS:
        sec = by_key.get(spec.key)
        if sec is None:
            continue
        lines.append(sec["heading"])
        lines += (sec.get("text") or "").strip().splitlines()
        if spec.key == 2 and "t2" in tables:
            lines += t2_lines(tables["t2"], template)
        elif spec.key == 3 and "t3" in tables:
            lines += t3_lines(tables["t3"], template)
        elif spec.key == 4 and "t4" in tables:
            lines += t4_lines(tables["t4"])
    lines.append("扫一扫在手机打开当前页")
    return "\n".join(lines) + "\n"
