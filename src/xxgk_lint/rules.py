"""Rule packs: loading, validation (with file:line), and the compiled Rule objects.

A pack is a YAML file under ``rules/`` (or a third-party directory).  Every rule is
validated when it loads and its check compiled once; a bad pack is a RuleFileError
(exit code 2) naming the file and line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from . import expr
from .findings import SEVERITIES, matches
from .record import Tr
from .kinds import ParamError, get_kind, trusted_params
from .model import InputError
from .issuers import ISSUER_KINDS
from .template import TEMPLATE_2021, VERSIONS, covers, known_templates
from . import cache
from .yamlio import LocDict, LocList, load, to_plain

RULE_ID = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$")
LANGS = ("zh", "en")

PACK_KEYS = {"pack", "description", "templates", "since", "needs", "rules"}
RULE_KEYS = {"id", "severity", "kind", "title", "message", "help", "rationale", "reference",
             "templates", "since", "issuers", "when", "needs", "params", "examples", "supersedes"}
# what a rule may need besides its report (an audit provides it; a rule without it does not run)
NEEDS = ("previous_year", "children", "findings", "previous_fetch")
EXAMPLE_KEYS = {"name", "expect", "count", "at", "base", "set", "drop", "text", "previous", "children", "missing",
                "fetch",
                "aggregate", "yaml"}
_FIELD = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


class RuleFileError(InputError):
    """A rule pack that cannot be loaded."""


class Rule:
    """A loaded rule: its texts (zh/en mappings), applicability, params, examples and the
    check its kind compiled from the params."""

    def __init__(self, *, id: str, severity: str, kind: str, title: dict[str, str], message: dict[str, str],
                 help: dict[str, str], rationale: dict[str, str], reference: str, templates: tuple[str, ...],
                 issuers: tuple[str, ...], when: Any, when_src: str, params: dict[str, Any],
                 examples: list[dict[str, Any]] | None, pack: str, source: str, needs: str = "",
                 supersedes: tuple[str, ...] = ()):
        self.id, self.severity, self.kind = id, severity, kind
        # rules (ids or prefixes) whose findings at the places a hit of this rule covers are the
        # same defect seen less precisely: they are dropped (one defect, one finding)
        self.supersedes = tuple(supersedes)
        self.title, self.message, self.help, self.rationale, self.reference = title, message, help, rationale, reference
        self.templates, self.issuers, self.when, self.when_src = templates, issuers, when, when_src
        self.params, self.pack, self.source, self.needs = params, pack, source, needs
        self._examples = examples  # None when loaded from the cache: read from the pack on demand
        self.check: Any = None     # compiled by the kind

    @property
    def examples(self) -> list[dict[str, Any]]:
        if self._examples is None:
            self._examples = _pack_examples(self.source.rsplit(":", 1)[0]).get(self.id, [])
        return self._examples

    _SPEC = ("id", "severity", "kind", "title", "message", "help", "rationale", "reference", "templates",
             "issuers", "when_src", "params", "pack", "source", "needs", "supersedes")

    def spec(self) -> dict[str, Any]:
        """The validated rule as plain data (what the cache keeps)."""
        return {k: to_plain(getattr(self, k)) for k in self._SPEC}

    def __repr__(self) -> str:
        return f"Rule({self.id})"

    def format_message(self, lang: str, args: dict[str, Any]) -> str:
        return self.format("message", lang, args)

    def format(self, attr: str, lang: str, args: dict[str, Any]) -> str:
        """A rule text (message, help) with the finding's values filled in."""
        texts: dict[str, str] = getattr(self, attr)
        template = texts.get(lang) or texts.get("zh", "")
        return _FIELD.sub(lambda m: _fmt(args.get(m.group(1), "?"), lang), template)

    def text(self, attr: str, lang: str) -> str:
        d: dict[str, str] = getattr(self, attr)
        return d.get(lang) or d.get("zh", "")

    def applies(self, report: Any) -> bool:
        if not covers(self.templates, report.template):
            return False
        if self.issuers and report.meta.kind not in self.issuers:
            return False
        if self.when is not None:
            return bool(self.when(report))
        return True


def _fmt(v: Any, lang: str) -> str:
    if isinstance(v, Tr):
        return v.pick(lang)
    if isinstance(v, float):
        return f"{v:g}" if v != v or abs(v) >= 1e15 or v == int(v) else f"{v:.6g}"
    text = str(v) if not isinstance(v, int) or abs(v) < 10 ** 60 else f"{v:.3e}"
    return text if len(text) <= 80 else text[:79] + "…"      # a 5,000-digit cell is named, not printed


def _err(msg: str, path: str, pos: tuple[int, int, int] | None) -> RuleFileError:
    line, col = (pos[0], pos[1]) if pos else (0, 0)
    return RuleFileError(msg, path, line, col)


def _texts(d: LocDict, key: str, path: str, required: bool) -> dict[str, str]:
    v = d.get(key)
    if v is None:
        if required:
            raise _err(f"rule is missing {key!r}", path, d.pos)
        return {}
    if isinstance(v, str):
        return {"zh": v, "en": v}
    if not isinstance(v, dict) or not v.get("zh") or any(k not in LANGS for k in v):
        raise _err(f"{key!r} must be a text or a mapping with 'zh' (and 'en')", path, d.locs[key])
    return {k: str(t).strip() for k, t in v.items()}


def _templates(d: Any, path: str) -> tuple[str, ...]:
    """What a pack or rule says it checks: ``templates: [ids]`` or ``all`` (every version), or
    ``since: "2021"`` (that version and every later one); () when it says nothing."""
    if "templates" in d and "since" in d:
        raise _err("give 'templates' or 'since', not both", path, d.locs["since"])
    if "since" in d:
        if str(d["since"]) not in VERSIONS:
            raise _err(f"'since': unknown template version {d['since']!r} (known: {', '.join(VERSIONS)})",
                       path, d.locs["since"])
        return (f"since:{d['since']}",)
    if d.get("templates") == "all":
        return ("all",)
    return _strings(d["templates"], "templates", known_templates(), path, d.locs["templates"]) if "templates" in d else ()


def _strings(v: Any, key: str, allowed: tuple[str, ...], path: str, pos: Any, free: bool = False) -> tuple[str, ...]:
    items = [v] if isinstance(v, (str, int)) else v
    if not isinstance(items, list):
        raise _err(f"{key!r} must be a list", path, pos)
    out = tuple(str(x) for x in items)
    for x in out:
        if free:
            if not re.match(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-?$", x):
                raise _err(f"{key!r}: {x!r} is not a rule id or prefix", path, pos)
        elif x not in allowed:
            raise _err(f"{key!r}: unknown value {x!r} (allowed: {', '.join(allowed)})", path, pos)
    return out


def _condition(src: str, path: str, pos: Any) -> Any:
    """Compile a ``when`` condition over report metadata (names: year, published_year)."""
    try:
        node = expr.parse(src)
    except expr.ExprError as e:
        raise _err(f"'when': {e}", path, pos) from None
    if node[0] != "cmp":
        raise _err("'when' must be a comparison, e.g. 'year >= 2021'", path, pos)
    allowed = ("year",)
    for n in expr.names(node):
        if n not in allowed:
            raise _err(f"'when': unknown name {n!r} (allowed: {', '.join(allowed)})", path, pos)
    left, _ = expr.bind(node[2], lambda n: [n])
    right, _ = expr.bind(node[3], lambda n: [n])
    op = node[1]

    def when(report: Any) -> bool:
        get = {"year": report.meta.year}.get
        a, b = left(get), right(get)
        return a is not None and b is not None and expr.compare(op, a, b)
    return when


def _rule(d: Any, pack: str, default_templates: tuple[str, ...], path: str, pos: Any, default_needs: str = "") -> Rule:
    if not isinstance(d, LocDict):
        raise _err("each rule must be a mapping", path, pos)
    for k in d:
        if k not in RULE_KEYS:
            raise _err(f"unknown rule key {k!r} (allowed: {', '.join(sorted(RULE_KEYS))})", path, d.key_locs[k])
    rid = d.get("id")
    if not isinstance(rid, str) or not RULE_ID.match(rid):
        raise _err(f"rule id {rid!r} must look like 'T3-BALANCE'", path, d.locs.get("id", d.pos))
    severity = d.get("severity", "error")
    if severity not in SEVERITIES:
        raise _err(f"{rid}: severity must be one of {', '.join(SEVERITIES)}", path, d.locs.get("severity"))
    kind = d.get("kind")
    if not isinstance(kind, str):
        raise _err(f"{rid}: rule needs a 'kind'", path, d.pos)
    try:
        kind_obj = get_kind(kind)
    except KeyError as e:
        raise _err(f"{rid}: {e.args[0]}", path, d.locs["kind"]) from None
    templates = _templates(d, path) or default_templates
    issuers = _strings(d["issuers"], "issuers", ISSUER_KINDS, path, d.locs["issuers"]) if "issuers" in d else ()
    needs = _needs(d, path) if "needs" in d else default_needs
    supersedes = _strings(d["supersedes"], "supersedes", (), path, d.locs["supersedes"], free=True) \
        if "supersedes" in d else ()
    when_src = d.get("when") or ""
    when = _condition(str(when_src), path, d.locs.get("when")) if when_src else None
    params = d.get("params") or LocDict(d.pos)
    if not isinstance(params, LocDict):
        raise _err(f"{rid}: 'params' must be a mapping", path, d.locs.get("params"))
    examples = d.get("examples") or []
    if not isinstance(examples, list):
        raise _err(f"{rid}: 'examples' must be a list", path, d.locs.get("examples"))
    for i, ex in enumerate(examples):
        if not isinstance(ex, LocDict) or ex.get("expect") not in ("pass", "fail"):
            raise _err(f"{rid}: each example needs 'expect: pass' or 'expect: fail'", path, examples.locs[i])
        for k in ex:
            if k not in EXAMPLE_KEYS:
                raise _err(f"{rid}: unknown example key {k!r}", path, ex.key_locs[k])
    rule = Rule(
        id=rid, severity=severity, kind=kind,
        title=_texts(d, "title", path, True), message=_texts(d, "message", path, True),
        help=_texts(d, "help", path, False), rationale=_texts(d, "rationale", path, False),
        reference=str(d.get("reference", "")), templates=templates, issuers=issuers,
        when=when, when_src=str(when_src), params=params, examples=list(examples),
        pack=pack, source=f"{path}:{d.pos[0]}", needs=needs, supersedes=supersedes,
    )
    try:
        rule.check = kind_obj.compile(params, rule)
    except ParamError as e:
        where = params.locs.get(e.key, params.key_locs.get(e.key, d.pos)) if e.key else d.locs.get("params", d.pos)
        raise _err(f"{rid}: params: {e}", path, where) from None
    for attr in ("message", "help"):
        for lang in LANGS:
            for name in _FIELD.findall(getattr(rule, attr).get(lang, "")):
                if kind_obj.fields is not None and name not in kind_obj.fields and name not in params:
                    raise _err(f"{rid}: {attr} uses {{{name}}}, which kind {kind!r} does not provide "
                               f"(it provides: {', '.join(sorted(kind_obj.fields))})", path, d.locs[attr])
    return rule


def _from_spec(spec: dict[str, Any]) -> Rule:
    """A rule from the cache: validated when it was cached, so only compiled here."""
    path = spec["source"].rsplit(":", 1)[0]
    rule = Rule(**{k: v for k, v in spec.items() if k != "when_src"}, when_src=spec["when_src"],
                when=_condition(spec["when_src"], path, None) if spec["when_src"] else None, examples=None)
    rule.templates, rule.issuers, rule.supersedes = tuple(rule.templates), tuple(rule.issuers), tuple(rule.supersedes)
    with trusted_params():
        rule.check = get_kind(rule.kind).compile(rule.params, rule)
    return rule


_examples_cache: dict[str, dict[str, list]] = {}


def _pack_examples(path: str) -> dict[str, list]:
    """Examples by rule id, read from the pack file (they are not needed to check reports)."""
    if path not in _examples_cache:
        data = load(Path(path).read_text(encoding="utf-8"), path)
        _examples_cache[path] = {r["id"]: list(r.get("examples") or []) for r in data["rules"]}
    return _examples_cache[path]


def load_pack(path: Path) -> list[Rule]:
    cached = cache.get(path, "pack")
    if cached is not None:
        try:
            return [_from_spec(spec) for spec in cached]
        except Exception:   # a kind changed since (plugin upgrade): validate afresh
            pass
    rules = _load_pack(path)
    cache.put(path, "pack", [r.spec() for r in rules])
    return rules


def _load_pack(path: Path) -> list[Rule]:
    spath = str(path)
    try:
        data = load(path.read_text(encoding="utf-8"), spath)
    except InputError as e:
        raise RuleFileError(e.message, e.path, e.line, e.col) from None
    if not isinstance(data, LocDict) or "rules" not in data:
        raise _err("a rule pack must be a mapping with 'pack' and 'rules'", spath, getattr(data, "pos", None))
    for k in data:
        if k not in PACK_KEYS:
            raise _err(f"unknown pack key {k!r} (allowed: {', '.join(sorted(PACK_KEYS))})", spath, data.key_locs[k])
    name = str(data.get("pack") or path.stem)
    templates = _templates(data, spath) or (TEMPLATE_2021,)
    needs = _needs(data, spath) if "needs" in data else ""
    rules = data["rules"]
    if not isinstance(rules, LocList):
        raise _err("'rules' must be a list", spath, data.locs["rules"])
    return [_rule(r, name, templates, spath, rules.locs[i], needs) for i, r in enumerate(rules)]


def _needs(d: Any, path: str) -> str:
    value = d["needs"]
    if value not in NEEDS:
        raise _err(f"'needs' must be one of {', '.join(NEEDS)}", path, d.locs.get("needs"))
    return value


def builtin_rules_dir() -> Path:
    """Rules ship inside the wheel as xxgk_lint/rules; in a source checkout they are at the top."""
    here = Path(__file__).resolve().parent
    inside = here / "rules"
    return inside if inside.is_dir() else here.parent.parent / "rules"


def load_rules(extra_dirs: list[Path] | tuple[Path, ...] = ()) -> list[Rule]:
    """Load the built-in packs and any extra rule directories; ids must be unique."""
    seen: dict[str, Rule] = {}
    out: list[Rule] = []
    for d in (builtin_rules_dir(), *extra_dirs):
        if not d.is_dir():
            raise RuleFileError("rules directory not found", str(d))
        for path in sorted(d.rglob("*.yaml")):
            for rule in load_pack(path):
                if rule.id in seen:
                    raise RuleFileError(f"duplicate rule id {rule.id} (also defined at {seen[rule.id].source})",
                                        *rule.source.rsplit(":", 1)[:1], int(rule.source.rsplit(":", 1)[1]))
                seen[rule.id] = rule
                out.append(rule)
    for rule in out:
        for p in rule.supersedes:
            if not any(matches(r.id, (p,)) for r in out if r is not rule):
                file, line = rule.source.rsplit(":", 1)
                raise RuleFileError(f"{rule.id}: supersedes {p!r}, which names no rule", file, int(line))
    return out
