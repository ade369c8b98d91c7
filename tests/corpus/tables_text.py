"""Tables 2-4 as the text of web extraction and of PDF copy-paste shows them.

``logical_*`` give a table's rows as lists of cell texts, with the variants real pages have
(group labels on the first sub-row only, left blank under a rowspan, or repeated; the header
of the organisations split over two rows); ``serialise`` writes rows in one of the layouts
seen in extracted text: pipe rows, one cell per line (blank-line separated, or each ending in
" |"), tab-separated, or space-separated as a PDF copy gives them."""

from __future__ import annotations

from typing import Any

from xxgk_lint.template import table_spec

from figures import fmt

T2_ITEMS = {"2021": (("第二十条第（一）项", ("regulations", "normative_docs")), ("第二十条第（五）项", ("licensing",)),
                     ("第二十条第（六）项", ("penalty", "coercion")), ("第二十条第（八）项", ("admin_fees",))),
            "2019": (("第二十条第（一）项", ("regulations", "normative_docs")),
                     ("第二十条第（五）项", ("licensing", "other_services")),
                     ("第二十条第（六）项", ("penalty", "coercion")), ("第二十条第（八）项", ("admin_fees",)),
                     ("第二十条第（九）项", ("procurement",)))}
GROUP_LABEL = {"withheld": "（三）不予公开", "unavailable": "（四）无法提供", "not_processed": "（五）不予处理",
               "other_processing": "（六）其他处理"}
T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T4_LEAVES = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")


def cell(v: Any) -> str:
    return fmt(v)


def logical_t2(fig: dict[str, list[Any]], template: str = "2021", col_labels: dict[str, str] | None = None,
               row_labels: dict[str, str] | None = None) -> list[list[str]]:
    spec = table_spec("t2", template)
    col_labels, row_labels = col_labels or {}, row_labels or {}
    rows: list[list[str]] = []
    for item, ids in T2_ITEMS[template]:
        rows.append([item])
        cols = spec.row_cols(spec.row_by_id[ids[0]])
        rows.append(["信息内容", *(col_labels.get(c, spec.col_by_id[c].zh) for c in cols)])
        for r in ids:
            rows.append([row_labels.get(r, spec.row_by_id[r].zh), *(cell(v) for v in fig[r])])
    return rows


def logical_t3(fig: dict[str, list[Any]], template: str = "2021", groups: str = "first",
               header: str = "standard") -> list[list[str]]:
    """groups: "first" (a group label beside its first sub-row), "lead-empty" (blank where a
    rowspan stood), "repeat" (every sub-row carries its group labels)."""
    spec = table_spec("t3", template)
    head = {"standard": [[T3_NOTE, "申请人情况"], ["自 然 人", "法人或其他组织", "总计"],
                         ["商业 企业", "科研 机构", "社会公益组织", "法律服务机构", "其他"]],
            "split": [[T3_NOTE, "申请人情况"], ["自然人", "法人或其他组织", "总计"],
                      ["商业", "科研", "社会公益组织", "法律服务机构", "其他"], ["企业", "机构"]],
            "leaves": [[T3_NOTE, "申请人情况"], ["法人或其他组织"],
                       ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]]}[header]
    rows = [list(r) for r in head]
    seen: set[str] = set()
    for r in spec.rows:
        vals = [cell(v) for v in fig[r.id]]
        if r.id in ("new_received", "carried_over_prev", "carried_forward"):
            rows.append([r.zh, *vals])
            continue
        group = r.group if r.group in GROUP_LABEL and r.id != "other_processing" else ""
        first_of_results = r.id == "disclosed"
        first_of_group = bool(group) and group not in seen
        seen.add(group)
        if groups == "repeat":
            lead = ["三、本年度办理结果"] + ([GROUP_LABEL[group]] if group else [])
        elif groups == "lead-empty":
            lead = ["三、本年度办理结果" if first_of_results else ""]
            if group:
                lead.append(GROUP_LABEL[group] if first_of_group else "")
        else:
            lead = (["三、本年度办理结果"] if first_of_results else []) + \
                ([GROUP_LABEL[group]] if first_of_group else [])
        rows.append([*lead, r.zh, *vals])
    return rows


def logical_t4(fig: dict[str, list[Any]]) -> list[list[str]]:
    return [["行政复议", "行政诉讼"], [*T4_LEAVES, "未经复议直接起诉", "复议后起诉"], [*T4_LEAVES, *T4_LEAVES],
            [cell(v) for g in ("reconsideration", "litigation_direct", "litigation_after") for v in fig[g]]]


def serialise(rows: list[list[str]], style: str = "pipe", pad: str = "") -> list[str]:
    """Rows as lines.  pipe: "a | b |" (+ ``pad``, the trailing bars of merged cells);
    lines: one cell per line, blank lines between; lines-pipe: each cell line ends with " |";
    tabs: tab-separated; spaces: single spaces, blank cells gone (a PDF copy)."""
    out: list[str] = []
    for row in rows:
        if style == "pipe":
            line = (" | ".join(row) + " |" + pad).lstrip()
            while "|  |" in line:
                line = line.replace("|  |", "| |")
            out.append(line)
        elif style == "lines":
            for c in row:
                out += [c, ""]
        elif style == "lines-pipe":
            out += [f"{c} |" for c in row]
        elif style == "tabs":
            out.append("\t".join(row))
        elif style == "spaces":
            out.append(" ".join(c for c in row if c))
        else:
            raise ValueError(style)
    return out


def t4_char_header() -> list[str]:
    """Table 4's header as a PDF copy gives it when the leaf labels are set one character per
    line in narrow columns: the characters of the fifteen leaves side by side, line by line."""
    leaves = T4_LEAVES * 3
    lines = ["行政复议 行政诉讼", "未经复议直接起诉 复议后起诉"]
    for k in range(4):
        lines.append(" ".join(leaf[k] if k < len(leaf) else "" for leaf in leaves).strip())
    return lines


ASCII = str.maketrans({"（": "(", "）": ")", "：": ":", "，": ",", "；": ";"})


def ascii_punct(text: str) -> str:
    """Web extraction as the seed report shows it: full-width brackets, colons and commas as ASCII."""
    return text.translate(ASCII)
