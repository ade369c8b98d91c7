"""Rule kinds: the code behind declarative rules.

A kind validates a rule's ``params`` once (``compile``) and returns a check, a callable
``check(report, ctx) -> iterable of Hit``.  Two shapes: a parametric kind (a ``Kind`` subclass:
identity, range, crosscheck, pattern …) serves many rules through their parameters; a
``Checks`` kind holds one-off checks, each a function registered under the id of the one rule
that uses it (presence, sections, dates, prose, wording, claims …).  Built-in kinds are imported on first use;
third-party kinds come from the ``xxgk_lint.kinds`` entry-point group, which is only
scanned when a rule names a kind that is not built in (so start-up stays fast).
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from importlib import import_module
from typing import Any, Callable, Iterable, Iterator

ENTRY_POINT_GROUP = "xxgk_lint.kinds"

# the modules that hold the built-in kinds, most used first; each kind names itself (Kind.name,
# Checks(name)), so a module is imported only when a rule names a kind not yet seen
MODULES = ("tables", "text", "crosscheck", "meta", "presence", "sections", "dates", "years", "prose",
           "wording", "claims", "web")
_cache: dict[str, Any] = {}
_imported: set[str] = set()
_builtin: set[str] = set()


class ParamError(ValueError):
    """A rule parameter that is wrong; ``key`` names it so the loader can point at its line."""

    def __init__(self, message: str, key: str = ""):
        super().__init__(message)
        self.key = key


class Context:
    """What checks may read besides the report: settings from config and the command line."""

    __slots__ = ("deadlines", "previous", "children", "missing_children", "aggregate", "findings", "source")

    def __init__(self, deadlines: dict[str, str]):
        self.deadlines = deadlines    # issuer kind -> "MM-DD" of year Y+1
        self.previous: Any = None     # the same body's report of the year before, when an audit has it
        # an audit with a hierarchy: the reports of a parent's children (same year), the children
        # without one, and the cells (table.row.col) the parent's figures aggregate
        self.children: list[Any] | None = None
        self.missing_children: list[str] = []
        self.aggregate: list[tuple[str, str, str]] = []
        # what the other rules found, for the rules that need it (inline suppressions): which
        # suppressions were used, which rules ran and which this run left out
        self.findings: Any = None
        self.source: Any = None       # a fetched report's web.Source (its previous fetch)


Check = Callable[[Any, Context], Iterable[Any]]


class Kind:
    """Base class.  Subclasses set ``name``, ``fields`` (message fields) and ``params``."""

    name = ""
    fields: frozenset[str] = frozenset()
    # param -> (types, required)
    params: dict[str, tuple[tuple[type, ...], bool]] = {}

    def compile(self, params: dict[str, Any], rule: Any) -> Check:
        _validate(params, self.params, f"kind {self.name!r}")
        return self.build(params, rule)

    def build(self, params: dict[str, Any], rule: Any) -> Check:  # pragma: no cover - abstract
        raise NotImplementedError


def _validate(params: dict[str, Any], allowed: dict[str, tuple[tuple[type, ...], bool]], what: str) -> None:
    for key in params:
        if key not in allowed:
            raise ParamError(f"unknown parameter {key!r} for {what} (allowed: {', '.join(sorted(allowed)) or 'none'})",
                             key)
    for key, (types, required) in allowed.items():
        if key not in params:
            if required:
                raise ParamError(f"{what} needs parameter {key!r}")
            continue
        if not isinstance(params[key], types) or isinstance(params[key], bool) and bool not in types:
            names = " or ".join(t.__name__ for t in types)
            raise ParamError(f"{key!r} must be {names}", key)


OneOff = Callable[[Any, "Context", dict[str, Any]], Iterable[Any]]


class Checks(Kind):
    """A kind whose checks are one-off: each a small function registered under the id of the one
    rule that uses it (the yamllint shape — the rule's YAML holds its texts, parameters and
    examples, the function only the check), instead of one class switching on a mode."""

    def __init__(self, name: str, fields: Iterable[str]):
        self.name, self.fields = name, frozenset(fields)
        self.functions: dict[str, tuple[OneOff, dict[str, tuple[tuple[type, ...], bool]], Any]] = {}

    def register(self, rule_id: str, params: dict[str, tuple[tuple[type, ...], bool]] | None = None,
                 validate: Callable[[dict[str, Any]], None] | None = None,
                 prepare: Callable[[dict[str, Any]], Any] | None = None) -> Callable[[OneOff], OneOff]:
        """``params``: what the rule may set (as Kind.params); ``validate`` checks their values
        when the rule loads (raising ParamError); ``prepare`` turns them, once, into what the
        function gets as its third argument (compiled patterns, defaults applied)."""
        def add(fn: OneOff) -> OneOff:
            self.functions[rule_id] = (fn, params or {}, validate, prepare)
            return fn
        return add

    def compile(self, params: dict[str, Any], rule: Any) -> Check:
        if rule.id not in self.functions:
            raise ParamError(f"kind {self.name!r} has no check for {rule.id} "
                             f"(it has: {', '.join(sorted(self.functions))})")
        fn, allowed, validate, prepare = self.functions[rule.id]
        _validate(params, allowed, rule.id)
        if validate is not None:
            validate(params)
        ready = prepare(params) if prepare is not None else params
        return lambda report, ctx: fn(report, ctx, ready)


def get_kind(name: str) -> Kind:
    kind = _cache.get(name)
    if kind is not None:
        return kind
    for module in MODULES:
        if module in _imported:
            continue
        _imported.add(module)
        for obj in vars(import_module(f".{module}", __name__)).values():
            if isinstance(obj, type) and issubclass(obj, Kind) and obj.name:
                _cache[obj.name] = obj()
                _builtin.add(obj.name)
            elif isinstance(obj, Checks):
                _cache[obj.name] = obj
                _builtin.add(obj.name)
        if name in _cache:
            return _cache[name]
    kind = _from_entry_points(name)
    if kind is None:
        raise KeyError(f"unknown kind {name!r} (built in: {', '.join(sorted(_builtin))}; "
                       f"plugins register kinds in the {ENTRY_POINT_GROUP!r} entry-point group)")
    _cache[name] = kind
    return kind


def _from_entry_points(name: str) -> Kind | None:
    from importlib.metadata import entry_points

    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name == name:
            try:
                obj = ep.load()
            except Exception as e:  # a broken plugin must not take the linter down
                raise KeyError(f"kind {name!r}: plugin {ep.value!r} failed to load: {e}") from None
            kind = obj() if isinstance(obj, type) else obj
            if not isinstance(kind, Kind):
                raise KeyError(f"kind {name!r}: plugin {ep.value!r} is not an xxgk_lint.kinds.Kind")
            return kind
    return None


class LazyPattern:
    """A regex compiled on first use.  Python compiles regexes in pure Python (0.2-0.5 ms for a
    CJK alternation), and a report rarely needs them all: a crosscheck whose words are absent
    never compiles its keywords."""

    __slots__ = ("src", "flags", "_rx")

    def __init__(self, src: str, flags: int = 0):
        self.src, self.flags, self._rx = src, flags, None

    def get(self) -> re.Pattern[str]:
        if self._rx is None:
            self._rx = re.compile(self.src, self.flags)
        return self._rx

    def search(self, *args: Any) -> Any:
        return self.get().search(*args)

    def match(self, *args: Any) -> Any:
        return self.get().match(*args)

    def finditer(self, *args: Any) -> Any:
        return self.get().finditer(*args)

    @property
    def groupindex(self) -> Any:
        return self.get().groupindex


_eager = [True]     # validate (compile) regexes now; rules rebuilt from the cache were validated before


@contextmanager
def trusted_params() -> Iterator[None]:
    """Build kinds from parameters validated earlier (the rule cache): regexes compile lazily."""
    _eager.append(False)
    try:
        yield
    finally:
        _eager.pop()


def regex(src: str | None, key: str, flags: int = 0) -> Any:
    """A parameter's regex: compiled now when validating (bad syntax is a ParamError on the
    parameter's line), else compiled on first use."""
    if src is None:
        return None
    if not _eager[-1]:
        return LazyPattern(src, flags)
    try:
        return re.compile(src, flags)
    except re.error as e:
        raise ParamError(f"{key}: bad regular expression: {e}", key) from None


def str_list(params: dict[str, Any], key: str, default: Iterable[str] = ()) -> tuple[str, ...]:
    """A parameter that may be one string or a list of strings."""
    v = params.get(key)
    if v is None:
        return tuple(default)
    if isinstance(v, (str, int)):
        return (str(v),)
    if not isinstance(v, list) or not all(isinstance(x, (str, int)) for x in v):
        raise ParamError(f"{key!r} must be a string or a list of strings", key)
    return tuple(str(x) for x in v)


def one_of(params: dict[str, Any], key: str, choices: Iterable[str], default: str | None = None) -> str:
    """A parameter that names one of a kind's modes (``check: sum``), validated when the rule loads."""
    choices = tuple(choices)
    value = params.get(key, default)
    if value not in choices:
        raise ParamError(f"{key!r} must be one of {', '.join(choices)}", key)
    return value
