"""Atomic file output: a failed or killed run never leaves a half-written file behind.

Every writer in graph/ writes through ``atomic_path`` (or ``atomic_write``): the data goes to a
temporary file in the same folder, is flushed to disk, then renamed over the target.

Inside ``staged()`` (what ``newsgraph build`` uses) the renames wait until the block ends and
then happen together, with SIGINT and SIGTERM held back, so a build killed while writing leaves
all the previous outputs, not a mix of old and new files.  Temporary files are named
``.<target>.<random>.tmp``; ``remove_stale_temporaries`` clears those a ``kill -9`` left.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> with atomic_write(d / "x.txt") as f:
...     _ = f.write("ok")
>>> (d / "x.txt").read_text()
'ok'
>>> with staged():
...     with atomic_write(d / "x.txt") as f:
...         _ = f.write("new")
...     (d / "x.txt").read_text()            # not renamed yet
'ok'
>>> (d / "x.txt").read_text()
'new'
"""
from __future__ import annotations

import contextlib
import contextvars
import os
import signal
import stat
import tempfile
import threading
from pathlib import Path
from typing import IO, Iterator

# The renames waiting for the end of the innermost ``staged()`` block (None: rename at once).
_PENDING: contextvars.ContextVar[list[tuple[Path, Path]] | None] = contextvars.ContextVar("pending", default=None)
_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path next to ``target``; renamed onto ``target`` only if the block succeeds."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    handed_over = False
    try:
        yield tmp_path
        with open(tmp_path, "rb+") as f:
            os.fsync(f.fileno())
        if stat.S_IMODE(tmp_path.stat().st_mode) == 0o600:  # mkstemp's mode: give the usual one
            os.chmod(tmp_path, 0o666 & ~_umask())
        pending = _PENDING.get()
        if pending is None:
            os.replace(tmp_path, target)
        else:
            pending.append((tmp_path, target))
            handed_over = True
    finally:
        if not handed_over:
            with contextlib.suppress(FileNotFoundError):
                tmp_path.unlink()


@contextlib.contextmanager
def atomic_write(target: str | os.PathLike[str], mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temporary file for writing; it replaces ``target`` when the block ends without error."""
    with atomic_path(target) as tmp:
        kwargs = {"encoding": encoding, "newline": "\n"} if "b" not in mode else {}
        with open(tmp, mode, **kwargs) as f:
            yield f


@contextlib.contextmanager
def staged() -> Iterator[None]:
    """Defer every ``atomic_path`` rename in the block to its end, then commit them together.

    If the block fails (or is interrupted) nothing is renamed and the temporary files are removed.
    Code in the block must not read back a file it wrote: the target still has its old content.
    """
    pending: list[tuple[Path, Path]] = []
    token = _PENDING.set(pending)
    committed = False
    try:
        yield
        _PENDING.reset(token)
        token = None
        _commit(pending)
        committed = True
    finally:
        if token is not None:
            _PENDING.reset(token)
        if not committed:
            _discard(pending)


def _discard(pending: list[tuple[Path, Path]]) -> None:
    """Remove the temporary files of renames that will not happen."""
    for tmp, _target in pending:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


@contextlib.contextmanager
def handed_over() -> Iterator[list[tuple[Path, Path]]]:
    """Stage the renames of the block into a list of their own, for another process to commit.

    A forked writer writes inside this block and sends the list to its parent, which passes it to
    ``adopt``.  If the block fails, its temporary files are removed.
    """
    pending: list[tuple[Path, Path]] = []
    token = _PENDING.set(pending)
    ok = False
    try:
        yield pending
        ok = True
    finally:
        _PENDING.reset(token)
        if not ok:
            _discard(pending)


def adopt(pending: list[tuple[Path, Path]]) -> None:
    """Take over renames another process staged (see ``handed_over``): they wait for the end of
    the current ``staged()`` block with this process's own, or happen at once outside one."""
    current = _PENDING.get()
    if current is None:
        _commit(pending)
    else:
        current.extend(pending)


def _commit(pending: list[tuple[Path, Path]]) -> None:
    """Rename every staged file onto its target; SIGINT/SIGTERM wait until all are renamed."""
    block = threading.current_thread() is threading.main_thread() and hasattr(signal, "pthread_sigmask")
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS) if block else None
    try:
        for tmp, target in pending:
            os.replace(tmp, target)
        folders = {target.parent for _tmp, target in pending}
        for folder in folders:  # make the renames themselves durable
            with contextlib.suppress(OSError):
                fd = os.open(folder, os.O_RDONLY)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
    finally:
        if block:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)


def remove_stale_temporaries(folder: str | os.PathLike[str]) -> int:
    """Delete temporary files a killed run left in ``folder`` (call it holding the build lock)."""
    n = 0
    base = Path(folder)
    if not base.is_dir():
        return 0
    for tmp in base.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            if tmp.is_file() and not tmp.is_symlink():
                tmp.unlink()
                n += 1
    return n
