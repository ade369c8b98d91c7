"""Generated reports for property tests and benchmarks: consistent figures, rendered as the
structured format or as pipe text the way web extraction prints it."""

from __future__ import annotations

import copy
import random
from typing import Any

import yaml

from xxgk_lint.template import table_spec
from xxgk_lint.testing import base_document

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


def consistent_doc(rng: random.Random, template: str = "2021", year: int | None = None) -> dict[str, Any]:
    doc = base_document(template)
    doc = copy.deepcopy(doc)
    body, kind = rng.choice(BODIES)
    drawn = rng.randint(2021, 2025) if template == "2021" else rng.choice((2019, 2020))
    year = year or drawn
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
    doc["sections"][0]["text"] = overview(doc, prose_facts(doc, rng), rng)
    return doc


class _Dumper(yaml.SafeDumper):
    """Multi-line text as literal blocks, as a person would write it."""


_Dumper.add_representer(str, lambda d, s: d.represent_scalar("tag:yaml.org,2002:str", s,
                                                              style="|" if "\n" in s else None))


def to_yaml(doc: dict[str, Any]) -> str:
    return yaml.dump(doc, Dumper=_Dumper, allow_unicode=True, sort_keys=False)


# --------------------------------------------------------------------------- prose from the figures
_CN_DIGITS = "零一二三四五六七八九"


def int_to_cn(n: int) -> str:
    """12 → 十二, 105 → 一百零五 (0–9999; enough for counts written in words)."""
    if n < 10:
        return _CN_DIGITS[n]
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, value)
        if d:
            if zero:
                out += "零"
            out += ("" if (unit == "十" and not out and d == 1) else _CN_DIGITS[d]) + unit
            zero = False
        elif out:
            zero = True
    return out


class Fact:
    """One figure stated in the prose: the rule that checks it, the sentence with a {n} slot,
    the number written, and every number the tables accept for it."""

    def __init__(self, rule: str, sentence: str, value: int, accepted: set[int]):
        self.rule, self.sentence, self.value, self.accepted = rule, sentence, value, accepted

    def render(self, rng: random.Random, value: int | None = None) -> str:
        v = self.value if value is None else value
        return self.sentence.format(n=int_to_cn(v) if v < 100 and rng.random() < 0.3 else v)


def prose_facts(doc: dict[str, Any], rng: random.Random) -> list[Fact]:
    """Sentences restating the tables' figures, in phrasings real reports use."""
    t3, t4 = doc["tables"]["t3"], doc["tables"]["t4"]
    new, prev, done, fwd = (t3[r][6] for r in ("new_received", "carried_over_prev", "result_total", "carried_forward"))
    facts = [
        Fact("PROSE-T3-RECEIVED", rng.choice(["全年共收到政府信息公开申请{n}件", "本年度新收政府信息公开申请{n}件",
                                              "共接收公民、法人和其他组织提出的政府信息公开申请{n}件"]),
             rng.choice([new, new + prev]), {new, new + prev}),
        Fact("PROSE-T3-HANDLED", rng.choice(["办结政府信息公开申请{n}件", "全年共办理政府信息公开申请{n}件",
                                             "依法答复政府信息公开申请{n}件"]), done, {done, new, new + prev}),
        Fact("PROSE-T3-CARRIED", rng.choice(["结转下年度继续办理{n}件", "转入下一年度办理的申请{n}件"]), fwd, {fwd}),
    ]
    recon = t4["reconsideration"][4]
    litig = t4["litigation_direct"][4] + t4["litigation_after"][4]
    if recon:
        facts.append(Fact("PROSE-T4-RECONSIDERATION", rng.choice(["被申请行政复议{n}件", "发生行政复议案件{n}件"]),
                          recon, {recon}))
    if litig:
        facts.append(Fact("PROSE-T4-LITIGATION", rng.choice(["被提起行政诉讼{n}件", "涉及行政诉讼{n}起"]),
                          litig, {litig}))
    if doc["meta"].get("template", "2021") == "2021":
        nd = doc["tables"]["t2"]["normative_docs"]
        facts += [Fact("PROSE-T2-NORMATIVE-ISSUED", rng.choice(["新增规范性文件{n}件", "制发行政规范性文件{n}件"]),
                       nd["issued"], {nd["issued"]}),
                  Fact("PROSE-T2-NORMATIVE-IN-FORCE", rng.choice(["现行有效规范性文件共计{n}件",
                                                                  "现行有效行政规范性文件{n}件"]),
                       nd["in_force"], {nd["in_force"]})]
    return facts


def overview(doc: dict[str, Any], facts: list[Fact], rng: random.Random, changed: dict[str, int] | None = None) -> str:
    """Section 一 built around the facts (a changed figure can be given per rule)."""
    said = {f.rule: f.render(rng, (changed or {}).get(f.rule)) for f in facts}
    t4 = doc["tables"]["t4"]
    absent = []
    if not t4["reconsideration"][4]:
        absent.append(rng.choice(["本年度未发生行政复议案件", "未发生因政府信息公开工作被申请行政复议的情况"]))
    if not (t4["litigation_direct"][4] + t4["litigation_after"][4]):
        absent.append(rng.choice(["未发生行政诉讼案件", "没有因政府信息公开被提起行政诉讼"]))
    year = doc["meta"]["year"]
    lines = [
        f"{year}年，示例市坚持以人民为中心，不断拓展政府信息公开内容。",
        "（一）主动公开。全年主动公开政府信息5025条。"
        + "，".join(said[r] for r in ("PROSE-T2-NORMATIVE-ISSUED", "PROSE-T2-NORMATIVE-IN-FORCE") if r in said) + "。",
        "（二）依申请公开。" + "，".join(said[r] for r in ("PROSE-T3-RECEIVED", "PROSE-T3-HANDLED",
                                                         "PROSE-T3-CARRIED")) + "。",
        "（三）政府信息管理。持续开展政策文件清理。",
        "（四）政府信息公开平台建设。持续推进政府网站集约化建设。",
        "（五）监督保障。将政务公开纳入绩效工作考核，组织开展社会评议，本年度未发生责任追究情况。"
        + "，".join([said[r] for r in ("PROSE-T4-RECONSIDERATION", "PROSE-T4-LITIGATION") if r in said] + absent)
        + "。",
    ]
    return "\n".join(line.replace("。。", "。") for line in lines)


def link_years(before: dict[str, Any], after: dict[str, Any]) -> None:
    """Make ``before`` (a body's report of the previous year) carry forward exactly what ``after``
    carries over, keeping both tables consistent: last year's result rows or new requests absorb
    the difference."""
    t3 = before["tables"]["t3"]
    target = after["tables"]["t3"]["carried_over_prev"]
    for c in range(6):
        delta = target[c] - t3["carried_forward"][c]
        t3["carried_forward"][c] = target[c]
        if delta >= 0:
            t3["new_received"][c] += delta
        else:
            t3["disclosed"][c] -= delta
            t3["result_total"][c] -= delta
    for row in ("carried_forward", "new_received", "disclosed", "result_total"):
        t3[row][6] = sum(t3[row][:6])
