"""Safe YAML loading that keeps line/column of every value and refuses what is dangerous.

Used for reports, rule packs and config alike: duplicate keys are errors (a duplicated
top-level key silently drops half a file otherwise), alias expansion is bounded (YAML
bombs), and every mapping/list remembers where its values stand in the file.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any

import yaml
import zlib

try:  # the C loader is ~10x faster; the pure-Python one is a correct fallback
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from .model import InputError

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
_constructor = yaml.SafeLoader("")   # only for its scalar constructors (ints like 1_000, floats like .inf)


def _pos(node: yaml.Node) -> Pos:
    s, e = node.start_mark, node.end_mark
    return (s.line + 1, s.column + 1, e.column + 1 if e.line == s.line else 0)


def _scalar(node: yaml.ScalarNode) -> Any:
    tag = node.tag
    if tag == _STR:
        return node.value
    if tag == _INT:
        return _constructor.construct_yaml_int(node)
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
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise InputError(f"invalid YAML: {e.problem or e.context}", path, line, col) from None
    except yaml.YAMLError as e:
        raise InputError(f"invalid YAML: {e}", path) from None
    if root is None:
        return None
    budget = [MAX_NODES]

    def walk(node: yaml.Node, depth: int) -> Any:
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
        raise InputError(f"invalid YAML value: {e}", path) from None


def to_plain(value: Any) -> Any:
    """Strip location wrappers (for dumping)."""
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    return value


# --------------------------------------------------------------------------- rule-pack cache
# Parsing the packs is most of start-up; their parsed trees are cached per file (keyed by
# path, size, mtime and tool version) and read back with an unpickler that can only build
# the two container types and dates, so a tampered cache cannot run code.
_ALLOWED = {("xxgk_lint.yamlio", "LocDict"), ("xxgk_lint.yamlio", "LocList"), ("datetime", "date")}


def _cache_dir() -> Path | None:
    env = os.environ.get("XXGK_LINT_CACHE_DIR")
    if env == "":
        return None
    base = Path(env) if env else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "xxgk-lint"
    return base


class _SafeUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the cache")
        return super().find_class(module, name)


def load_file_cached(path: Path) -> Any:
    """``load`` of a file, through the cache when one is usable (never required)."""
    from . import __version__

    st = path.stat()
    key = f"{__version__}|{path.resolve()}|{st.st_size}|{st.st_mtime_ns}"
    cdir = _cache_dir()
    # crc32 names the entry (hashlib would load OpenSSL: 3 ms); the full key is checked on read
    cfile = cdir / f"{path.stem}-{zlib.crc32(key.encode()):08x}.pickle" if cdir else None
    if cfile is not None and cfile.is_file():
        try:
            with open(cfile, "rb") as f:
                stored_key, data = _SafeUnpickler(f).load()
            if stored_key == key:
                return data
        except Exception:   # a corrupt or foreign cache entry is just a miss
            pass
    data = load(path.read_text(encoding="utf-8"), str(path))
    if cfile is not None:
        try:
            cdir.mkdir(parents=True, exist_ok=True, mode=0o700)
            tmp = cfile.with_suffix(f".{os.getpid()}.tmp")
            with open(tmp, "wb") as f:
                pickle.dump((key, data), f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cfile)
        except OSError:      # read-only home, full disk: run without the cache
            pass
    return data
