"""Safe YAML loading that keeps line/column of every value and refuses what is dangerous.

Used for reports, rule packs and config alike: duplicate keys are errors (a duplicated
top-level key silently drops half a file otherwise), alias expansion is bounded (YAML
bombs), and every mapping/list remembers where its values stand in the file.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .model import InputError

# PyYAML is imported on first use: checking a text report with cached rule packs never needs it.

MAX_NODES = 200_000
MAX_DEPTH = 64

Pos = tuple[int, int, int]   # line, col (1-based), end_col (exclusive, same line; 0 if multi-line)


class LocDict(dict):
    """A mapping that remembers where each key's value (``locs``) and key (``key_locs``) stand."""

    __slots__ = ("pos", "locs", "key_locs")

    def __init__(self, pos: Pos):
        super().__init__()
        self.pos = pos
        self.locs: dict[Any, Pos] = {}
        self.key_locs: dict[Any, Pos] = {}


class LocList(list):
    __slots__ = ("pos", "locs")

    def __init__(self, pos: Pos):
        super().__init__()
        self.pos = pos
        self.locs: list[Pos] = []


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TS = "tag:yaml.org,2002:timestamp"


@lru_cache(maxsize=None)
def _yaml() -> tuple[Any, Any, Any]:
    """(yaml module, the fastest safe loader, a constructor for scalars like 1_000 and .inf)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # the C loader is ~10x faster
    return yaml, loader, yaml.SafeLoader("")


def _pos(node: Any) -> Pos:
    s, e = node.start_mark, node.end_mark
    return (s.line + 1, s.column + 1, e.column + 1 if e.line == s.line else 0)


def _scalar(node: Any) -> Any:
    _constructor = _yaml()[2]
    tag = node.tag
    if tag == _STR:
        return node.value
    if tag == _INT:
        try:
            return _constructor.construct_yaml_int(node)
        except ValueError:      # past Python's 4,300-digit limit: kept as text, reported as no number
            return node.value
    if tag == _FLOAT:
        return _constructor.construct_yaml_float(node)
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return _constructor.construct_yaml_bool(node)
    if tag == _TS:
        try:
            return _constructor.construct_yaml_timestamp(node)
        except ValueError:      # 2023-02-30: keep the text; the date rules report it
            return node.value
    return node.value


def load(text: str, path: str) -> Any:
    """Parse YAML/JSON text into LocDict/LocList/scalars, or raise InputError with file:line."""
    yaml, _Loader, _ = _yaml()
    what = "JSON" if path.lower().endswith(".json") or text.lstrip("\ufeff \t\r\n")[:1] in ("{", "[") else "YAML"
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise InputError(f"invalid {what}: {e.problem or e.context}", path, line, col) from None
    except yaml.YAMLError as e:
        raise InputError(f"invalid {what}: {e}", path) from None
    if root is None:
        return None
    budget = [MAX_NODES]

    def walk(node: Any, depth: int) -> Any:
        budget[0] -= 1
        if budget[0] < 0:
            raise InputError(f"too many YAML nodes (over {MAX_NODES:,}; alias expansion?)", path, *_pos(node)[:2])
        if depth > MAX_DEPTH:
            raise InputError(f"YAML nested deeper than {MAX_DEPTH} levels", path, *_pos(node)[:2])
        if isinstance(node, yaml.ScalarNode):
            return _scalar(node)
        if isinstance(node, yaml.SequenceNode):
            out = LocList(_pos(node))
            for item in node.value:
                out.append(walk(item, depth + 1))
                out.locs.append(_pos(item))
            return out
        out = LocDict(_pos(node))
        for knode, vnode in node.value:
            if not isinstance(knode, yaml.ScalarNode):
                raise InputError("mapping keys must be plain scalars", path, *_pos(knode)[:2])
            key = _scalar(knode)
            if key in out:
                line, col, _ = _pos(knode)
                first = out.key_locs[key][0]
                raise InputError(f"duplicate key {key!r} (first defined on line {first})", path, line, col)
            out[key] = walk(vnode, depth + 1)
            out.locs[key] = _pos(vnode)
            out.key_locs[key] = _pos(knode)
        return out

    try:
        return walk(root, 0)
    except (ValueError, TypeError) as e:   # e.g. a timestamp that is not a date
        raise InputError(f"invalid {what} value: {e}", path) from None


def to_plain(value: Any) -> Any:
    """Strip location wrappers (for dumping)."""
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    return value
