"""A rule's documentation, generated from its YAML so it cannot drift from what runs."""

from __future__ import annotations

import yaml

from .record import Tr
from .rules import Rule
from .yamlio import to_plain

HEAD = {"severity": Tr("级别", "severity"), "kind": Tr("类型", "kind"), "templates": Tr("适用模板", "templates"),
        "issuers": Tr("适用机关", "issuers"), "when": Tr("适用条件", "when"), "why": Tr("依据与理由", "Why"),
        "reference": Tr("出处", "Reference"), "message": Tr("提示信息", "Message"), "fix": Tr("如何修改", "How to fix"),
        "examples": Tr("示例", "Examples"), "pass": Tr("通过", "pass"), "fail": Tr("不通过", "fail"),
        "pack": Tr("规则包", "pack"), "needs": Tr("需要", "needs")}
NEEDS = {"previous_year": Tr("同一机关上一年度的报告（审查时）", "the same body's report of the year before (in an audit)"),
         "children": Tr("下级机关的报告（审查时给出层级文件）", "the children's reports (in an audit given a hierarchy)"),
         "findings": Tr("其他规则的检查结果（在其后运行）", "the other rules' findings (runs after them)"),
         "previous_fetch": Tr("同一网址上一次抓取的记录（审查网址时）", "the URL's previous fetch (in an audit of URLs)")}


# what the Chinese page says for the words the rule files keep in English (they are identifiers)
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
KIND_ZH = {"web": "网上发布", "claims": "正文所称", "prose": "正文陈述", "wording": "用词与符号", "cellstate": "单元格状态", "crosscheck": "正文与表格核对",
           "crossyear": "跨年度核对", "date": "发布期限", "dates": "日期与年度", "hierarchy": "上下级汇总",
           "identity": "勾稽关系", "metadata": "元数据", "pattern": "文字模式",
           "presence": "必备项", "range": "取值范围", "reader": "读取", "sections": "章节",
           "suppression": "忽略注释", "template": "模板版本", "citation": "模板引用", "blank": "空白模板",
           "document": "文档完整性", "dropped": "读取覆盖",
           "unitcell": "单元格单位", "applicants": "申请人类别"}

WHEN_ZH = {"year": "报告年度", "kind": "机关类型", "template": "模板", "and": "且", "or": "或", "not": "非"}


def _template_text(t: str, zh: bool) -> str:
    if t == "all":
        return "全部版本" if zh else "every version"
    if t.startswith("since:"):
        return f"{t[6:]}年版及以后" if zh else f"{t[6:]} and later"
    return "2019年以前" if zh and t == "pre2019" else t


def _example(ex: dict, lang: str) -> str:
    body = {k: v for k, v in to_plain(ex).items() if k not in ("expect", "name", "count", "at")}
    if not body:
        return "（基础报告原样）" if lang == "zh" else "(the clean base report as it is)"
    return yaml.safe_dump(body, allow_unicode=True, sort_keys=False, default_flow_style=False).rstrip()


def explain_text(rule: Rule, lang: str) -> str:
    h = {k: v.pick(lang) for k, v in HEAD.items()}
    lines = [f"# {rule.id}: {rule.text('title', lang)}", ""]
    zh = lang == "zh"
    facts = [f"{h['severity']}: {SEVERITY_ZH.get(rule.severity, rule.severity) if zh else rule.severity}",
             f"{h['kind']}: {KIND_ZH.get(rule.kind, rule.kind) if zh else rule.kind}",
             f"{h['templates']}: {', '.join(_template_text(t, zh) for t in rule.templates)}",
             f"{h['pack']}: {rule.pack}"]
    if rule.issuers:
        from .issuers import kind_name

        facts.append(f"{h['issuers']}: {', '.join(kind_name(i).pick(lang) for i in rule.issuers)}")
    if rule.when_src:
        when = rule.when_src
        if zh:
            import re

            when = re.sub(r"[A-Za-z_]+", lambda m: WHEN_ZH.get(m.group(), m.group()), when)
        facts.append(f"{h['when']}: {when}")
    if rule.needs:
        facts.append(f"{h['needs']}: {NEEDS[rule.needs].pick(lang)}")
    lines += [" · ".join(facts), ""]
    if rule.rationale:
        lines += [f"## {h['why']}", "", rule.text("rationale", lang), ""]
    if rule.reference:
        lines += [f"{h['reference']}: {rule.reference}", ""]
    lines += [f"## {h['message']}", "", rule.text("message", lang), ""]
    if rule.help:
        lines += [f"## {h['fix']}", "", rule.text("help", lang), ""]
    if rule.examples:
        lines += [f"## {h['examples']}", ""]
        for ex in rule.examples:
            # example names are notes in English for the rule's authors
            label = h[ex["expect"]] + (f" — {ex['name']}" if ex.get("name") and not zh else "")
            lines += [f"### {label}", "", "```yaml", _example(ex, lang), "```", ""]
    return "\n".join(lines).rstrip() + "\n"


def _demote(page: str) -> str:
    """One heading level down, leaving code blocks (YAML comments start with '#') alone."""
    out, fenced = [], False
    for line in page.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        out.append("#" + line if line.startswith("#") and not fenced else line)
    return "\n".join(out)


def rules_markdown(rules: list[Rule], lang: str) -> str:
    """Every rule's page, grouped by pack: docs/rules.md (a test keeps it in sync)."""
    head = "# 规则" if lang == "zh" else "# Rules"
    intro = ("由 `xxgk-lint rules --format markdown` 从规则包生成，请勿手工编辑。" if lang == "zh"
             else "Generated from the rule packs by `xxgk-lint rules --format markdown`; do not edit.")
    parts, pack = [head, "", intro, ""], None
    for rule in sorted(rules, key=lambda r: (r.pack, r.id)):
        if rule.pack != pack:
            pack = rule.pack
            parts += [f"## {HEAD['pack'].pick(lang)} `{pack}`", ""]
        parts.append(_demote(_demote(explain_text(rule, lang))))
    return "\n".join(parts).rstrip() + "\n"
