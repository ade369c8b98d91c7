"""A rule's documentation, generated from its YAML so it cannot drift from what runs."""

from __future__ import annotations

import yaml

from .rules import Rule
from .yamlio import to_plain

HEAD = {"zh": {"severity": "级别", "kind": "类型", "templates": "适用模板", "issuers": "适用机关",
               "when": "适用条件", "why": "依据与理由", "reference": "出处", "message": "提示信息",
               "fix": "如何修改", "examples": "示例", "pass": "通过", "fail": "不通过", "pack": "规则包"},
        "en": {"severity": "severity", "kind": "kind", "templates": "templates", "issuers": "issuers",
               "when": "when", "why": "Why", "reference": "Reference", "message": "Message",
               "fix": "How to fix", "examples": "Examples", "pass": "pass", "fail": "fail", "pack": "pack"}}


def _example(ex: dict) -> str:
    body = {k: v for k, v in to_plain(ex).items() if k not in ("expect", "name", "count")}
    if not body:
        return "(the clean base report as it is)"
    return yaml.safe_dump(body, allow_unicode=True, sort_keys=False, default_flow_style=False).rstrip()


def explain_text(rule: Rule, lang: str) -> str:
    h = HEAD[lang]
    lines = [f"# {rule.id}: {rule.text('title', lang)}", ""]
    facts = [f"{h['severity']}: {rule.severity}", f"{h['kind']}: {rule.kind}",
             f"{h['templates']}: {', '.join(rule.templates)}", f"{h['pack']}: {rule.pack}"]
    if rule.issuers:
        facts.append(f"{h['issuers']}: {', '.join(rule.issuers)}")
    if rule.when_src:
        facts.append(f"{h['when']}: {rule.when_src}")
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
            label = h[ex["expect"]] + (f" — {ex['name']}" if ex.get("name") else "")
            lines += [f"### {label}", "", "```yaml", _example(ex), "```", ""]
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
            parts += [f"## {HEAD[lang]['pack']} `{pack}`", ""]
        parts.append(_demote(_demote(explain_text(rule, lang))))
    return "\n".join(parts).rstrip() + "\n"
