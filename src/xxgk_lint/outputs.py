"""Writing outputs without harming inputs.

An output path is checked before any work starts: never one of the files being checked or
audited, its folder must exist, and what stands there must be a regular file (or a link, which
is replaced, never written through).  The file is written to a temporary file in the same folder
and renamed over the target, so an interrupted run leaves the old file or the new one, never half
of one."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path
from typing import IO, Iterable, Iterator

from .model import InputError


def check_output(path: str, option: str, inputs: Iterable[str] = ()) -> None:
    """Raise InputError (one line) unless ``path`` can take an output of ``option``."""
    if path == "-":
        return
    target = Path(path)
    try:
        there = os.stat(target)         # (through links) what would be overwritten
    except OSError:
        there = None                    # nothing yet: no input is there (every input exists)
    if there is not None:
        for src in inputs:              # one stat each: an audit names 10^5 inputs
            try:
                st = os.stat(src)
            except OSError:
                continue
            if (st.st_dev, st.st_ino) == (there.st_dev, there.st_ino):
                raise InputError(f"{option} {path}: refusing to overwrite an input file", path)
    folder = target.parent
    if not folder.is_dir():
        raise InputError(f"{option} {path}: the folder {str(folder) or '.'} does not exist", path)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(f"{option} {path}: the folder {folder} is not writable", path)
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return
    except OSError as e:
        raise InputError(f"{option} {path}: {e.strerror}", path) from None
    if stat.S_ISDIR(mode):
        raise InputError(f"{option} {path}: is a folder", path)
    if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
        raise InputError(f"{option} {path}: not a regular file", path)


@contextlib.contextmanager
def atomic(path: str, mode: str = "w", **kw) -> Iterator[IO]:
    """Open a temporary file beside ``path``; on success it replaces ``path`` (a link at ``path``
    is replaced, its target left alone), on failure it is removed."""
    target = Path(path)
    try:
        import tempfile     # here: a check that writes no file never imports it

        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    except OSError as e:
        raise InputError(f"cannot write {path}: {e.strerror}", path) from None
    try:
        with os.fdopen(fd, mode, **kw) as f:
            yield f
        os.chmod(tmp, 0o644 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
