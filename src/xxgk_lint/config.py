"""Configuration: ``.xxgk-lint.yaml`` or ``[tool.xxgk-lint]`` in pyproject.toml, searched
upward from the working directory.  Unknown keys and bad values are errors naming the
file (and line, for YAML), exit code 2."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .model import InputError
from .record import Record
from .issuers import SETTABLE_KINDS

YAML_NAME = ".xxgk-lint.yaml"
KEYS = {"select", "ignore", "severity", "rules", "issuer_kind", "deadlines", "lang", "fail_on"}
LEVELS = ("error", "warning", "info")
FAIL_ON = ("error", "warning", "info", "never")
_MMDD = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")


class ConfigError(InputError):
    """A configuration file that is wrong."""


class Config(Record):
    """Effective settings; ``source`` is the file they came from ("" for the defaults)."""

    __slots__ = ("select", "ignore", "severity", "rules", "issuer_kind", "deadlines", "lang", "fail_on", "source")

    def __init__(self, source: str = ""):
        self.select: list[str] = []
        self.ignore: list[str] = []
        self.severity: dict[str, str] = {}
        self.rules: list[Path] = []
        self.issuer_kind = ""
        self.deadlines: dict[str, str] = {}
        self.lang, self.fail_on, self.source = "zh", "error", source


def find(start: Path) -> Path | None:
    """The nearest .xxgk-lint.yaml, or pyproject.toml with a [tool.xxgk-lint] table."""
    for d in (start, *start.parents):
        y = d / YAML_NAME
        if y.is_file():
            return y
        p = d / "pyproject.toml"
        if p.is_file() and "[tool.xxgk-lint" in p.read_text(encoding="utf-8", errors="replace"):
            return p
    return None


def load(path: Path | None) -> Config:
    if path is None:
        return Config()
    text = path.read_text(encoding="utf-8", errors="replace")
    spath = str(path)
    if path.name == "pyproject.toml":
        import tomllib

        try:
            data = tomllib.loads(text).get("tool", {}).get("xxgk-lint", {})
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(f"invalid TOML: {e}", spath) from None
        lines = {k: _toml_line(text, k) for k in data}
    else:
        from .yamlio import LocDict, load as load_yaml

        try:
            data = load_yaml(text, spath) or {}
        except InputError as e:
            raise ConfigError(e.message, e.path, e.line, e.col) from None
        if not isinstance(data, LocDict):
            raise ConfigError("configuration must be a mapping", spath, 1)
        lines = {k: data.key_locs[k][0] for k in data}
    return _build(data, lines, path)


def _toml_line(text: str, key: str) -> int:
    m = re.search(rf"^\s*{re.escape(key)}\s*=", text, re.M)
    return text[:m.start()].count("\n") + 1 if m else 0


def _build(data: dict[str, Any], lines: dict[str, int], path: Path) -> Config:
    spath = str(path)

    def err(key: str, msg: str) -> ConfigError:
        return ConfigError(f"{key}: {msg}", spath, lines.get(key, 0))

    cfg = Config(source=spath)
    for key, value in data.items():
        if key not in KEYS:
            raise ConfigError(f"unknown key {key!r} (allowed: {', '.join(sorted(KEYS))})", spath, lines.get(key, 0))
        if key in ("select", "ignore"):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise err(key, "must be a list of rule ids or prefixes")
            setattr(cfg, key, list(value))
        elif key == "severity":
            if not isinstance(value, dict) or any(v not in LEVELS for v in value.values()):
                raise err(key, f"must map rule ids to one of {', '.join(LEVELS)}")
            cfg.severity = {str(k): str(v) for k, v in value.items()}
        elif key == "rules":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise err(key, "must be a list of directories")
            cfg.rules = [(path.parent / v).resolve() for v in value]
        elif key == "issuer_kind":
            if value not in SETTABLE_KINDS:
                raise err(key, f"must be one of {', '.join(SETTABLE_KINDS)}")
            cfg.issuer_kind = value
        elif key == "deadlines":
            if not isinstance(value, dict) or any(k not in SETTABLE_KINDS for k in value) or \
                    any(not isinstance(v, str) or not _MMDD.match(v) for v in value.values()):
                raise err(key, f"must map {', '.join(SETTABLE_KINDS)} to dates like \"01-31\"")
            cfg.deadlines = dict(value)
        elif key == "lang":
            if value not in ("zh", "en"):
                raise err(key, "must be zh or en")
            cfg.lang = value
        elif key == "fail_on":
            if value not in FAIL_ON:
                raise err(key, f"must be one of {', '.join(FAIL_ON)}")
            cfg.fail_on = value
    return cfg


def describe(cfg: Config, cli: dict[str, Any], ignore_file: Any) -> str:
    """The effective settings, one per line, with where each comes from (--show-config)."""
    defaults = Config()
    lines = [f"# config file: {cfg.source or '(none)'}", f"# suppressions file: {ignore_file or '(none)'}"]
    for key in ("select", "ignore", "severity", "rules", "issuer_kind", "deadlines", "lang", "fail_on"):
        value, origin = getattr(cfg, key), cfg.source if getattr(cfg, key) != getattr(defaults, key) else "default"
        given = cli.get(key)
        if given:
            value, origin = (list(given) if isinstance(given, tuple) else given), "command line"
        lines.append(f"{key} = {value!r}    # {origin}")
    return "\n".join(lines)
