"""A small on-disk cache for validated rule packs (parsing YAML is most of start-up).

Entries are keyed by the file's path, size, mtime and the tool version, hold only plain
data (dicts, lists, strings, numbers), and are read with an unpickler that refuses every
global — so a tampered entry cannot run code; it is just a miss.  The cache is never
required: an unwritable location means running without it.
"""

from __future__ import annotations

import os
import pickle
import zlib
from pathlib import Path
from typing import Any

from . import __version__


def _dir() -> Path | None:
    env = os.environ.get("XXGK_LINT_CACHE_DIR")
    if env == "":
        return None
    return Path(env) if env else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "xxgk-lint"


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name}: only plain data is cached")


def _entry(path: Path, kind: str) -> tuple[Path | None, str]:
    st = path.stat()
    key = f"{kind}|{__version__}|{path.resolve()}|{st.st_size}|{st.st_mtime_ns}"
    d = _dir()
    # crc32 names the entry (hashlib would load OpenSSL: 3 ms); the full key is checked on read
    return (d / f"{path.stem}-{zlib.crc32(key.encode()):08x}.pickle" if d else None), key


def get(path: Path, kind: str) -> Any:
    entry, key = _entry(path, kind)
    if entry is None or not entry.is_file():
        return None
    try:
        with open(entry, "rb") as f:
            stored_key, data = _PlainUnpickler(f).load()
    except Exception:   # corrupt, foreign or tampered: a miss
        return None
    return data if stored_key == key else None


def put(path: Path, kind: str, data: Any) -> None:
    entry, key = _entry(path, kind)
    if entry is None:
        return
    try:
        entry.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = entry.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump((key, data), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, entry)
    except OSError:      # read-only home, full disk: run without the cache
        pass
