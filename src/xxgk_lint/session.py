"""A run's decisions, made once: configuration, rule packs compiled into an engine, language,
issuer kind, an audit's identity mapping and hierarchy.

Every command builds one Session and hands it to ``lint_file``.  Audit workers receive it
pickled without its engine, and each compiles the rules once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:
    from .config import Config
    from .engine import Engine
    from .rules import Rule


def split_ids(values: Iterable[str]) -> list[str]:
    """Rule ids from options that may repeat and hold comma-separated lists."""
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


class Session:
    def __init__(self, cfg: Config | None = None, *, select: Iterable[str] = (), ignore: Iterable[str] = (),
                 rules_dirs: Iterable[str] = (), issuer_kind: str = "", lang: str = "", fail_on: str = "",
                 mapping: dict[str, dict[str, str]] | None = None, hierarchy: dict[str, Any] | None = None):
        from .config import Config

        self.cfg = cfg if cfg is not None else Config()
        self.select = split_ids(select) or list(self.cfg.select)
        self.ignore = [*self.cfg.ignore, *split_ids(ignore)]
        self.rule_dirs = [*self.cfg.rules, *(Path(d) for d in rules_dirs)]
        # the command line's kind wins over the config's; a mapping row wins over both (identify)
        self.kind = issuer_kind or self.cfg.issuer_kind
        self.lang = lang or self.cfg.lang
        self.fail_on = fail_on or self.cfg.fail_on
        self.mapping = mapping or {}
        self.hierarchy = hierarchy
        self._engine: Engine | None = None

    @classmethod
    def load(cls, config_path: str | None = None, isolated: bool = False, **options: Any) -> "Session":
        """The configuration file named, else the nearest one (none with ``isolated``)."""
        from .config import find, load

        path = None if isolated else Path(config_path) if config_path else find(Path.cwd())
        return cls(load(path), **options)

    @property
    def engine(self) -> Engine:
        """Rule packs loaded, validated and compiled (once per process)."""
        if self._engine is None:
            from .engine import Engine
            from .issuers import DEFAULT_DEADLINES
            from .rules import load_rules

            cfg = self.cfg
            rules = load_rules(self.rule_dirs)
            _check_selection(rules, {"select": self.select, "ignore": self.ignore, "severity": list(cfg.severity)})
            self._engine = Engine(rules, select=self.select, ignore=self.ignore,
                                  severity=cfg.severity, deadlines={**DEFAULT_DEADLINES, **cfg.deadlines})
        return self._engine

    @property
    def rules(self) -> dict[str, Rule]:
        return {r.id: r for r in self.engine.rules}

    def ruleset(self) -> str:
        """What decides a report's findings besides its file: the tool's version, the rule packs
        and the settings.  Not the language: messages are worded when they are written."""
        import hashlib

        from . import __version__
        from .rules import builtin_rules_dir

        cfg = self.cfg
        h = hashlib.sha256(f"{__version__}|{self.select}|{self.ignore}|{self.kind}|{cfg.severity}|"
                           f"{cfg.deadlines}".encode())
        for d in (builtin_rules_dir(), *self.rule_dirs):
            for p in sorted(Path(d).rglob("*.yaml")):
                h.update(p.read_bytes())
        return h.hexdigest()[:16]

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "_engine"} | {"_engine": None}


def _check_selection(rules: list[Rule], lists: dict[str, list[str]]) -> None:
    """Every --select/--ignore entry and severity override names a rule or an id prefix: a typo
    (T3-BALANCEE) would otherwise turn rules off and a run would pass clean, checking nothing."""
    import difflib

    from .config import ConfigError
    from .findings import matches

    ids = [r.id for r in rules]
    for what, entries in lists.items():
        for entry in entries:
            if not any(matches(i, (entry,)) for i in ids):
                close = difflib.get_close_matches(entry.upper(), ids, n=3, cutoff=0.5)
                raise ConfigError(f"{what} entry {entry!r} names no rule" +
                                  (f" (closest: {', '.join(close)})" if close else "; see `xxgk-lint rules`"))
