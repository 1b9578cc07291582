"""Work that runs beside a build: a value computed in a forked child (``Forked``: the texts read
while the model loads, RDF and HTML written while this process writes JSONL and GraphML) and the
embedded store loaded in a thread (``StoreLoad``).

Pure-Python jobs in two threads of one process take turns on the GIL; a forked child runs on the
other core, and nothing is pickled on the way in.
"""
from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import threading
from pathlib import Path
from typing import Callable

from newsgraph.errors import NewsgraphError
from newsgraph.graph.files import adopt, handed_over, remove_stale_temporaries
from newsgraph.records import Corpus


def _die_with_parent(parent: int) -> None:
    """Linux: the kernel kills this process when its parent dies (a ``kill -9`` of the build
    must not leave a writer behind that goes on creating files)."""
    with contextlib.suppress(Exception):
        import ctypes
        import signal
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before the call
        os._exit(1)


class Forked:
    """Calls ``fn`` in a forked child process; ``result()`` waits for its return value (or raises
    its exception).  The value comes back pickled, so it must be picklable.

    Without fork, or when this process already runs other threads (forking a threaded process can
    leave the child waiting on a lock no thread will release), ``fallback`` (default ``fn``) runs in
    ``result()`` instead.
    """

    def __init__(self, fn: Callable[[], object], name: str, fallback: Callable[[], object] | None = None) -> None:
        self._fallback = fallback or fn
        self._proc = None
        if hasattr(os, "fork") and threading.active_count() == 1:
            ctx = mp.get_context("fork")
            self._recv, send = ctx.Pipe(duplex=False)
            self._proc = ctx.Process(target=_call_in_child, args=(fn, send, os.getpid()), name=name, daemon=True)
            self._proc.start()
            send.close()

    def result(self):
        if self._proc is None:
            return self._fallback()
        try:
            kind, payload = self._recv.recv()
        except EOFError:
            self._proc.join()
            raise NewsgraphError(f"the {self._proc.name} process died (exit code {self._proc.exitcode})") from None
        self._proc.join()
        if kind == "error":
            raise payload
        return payload

    def stop(self) -> bool:
        """End a child still running (the build failed or was interrupted); True if there was one."""
        if self._proc is not None and self._proc.is_alive():
            self._proc.terminate()
            self._proc.join()
            return True
        return False


def _call_in_child(fn: Callable[[], object], send, parent: int) -> None:
    _die_with_parent(parent)
    try:
        value = fn()
    except BaseException as exc:  # raised again in the parent by Forked.result
        try:
            send.send(("error", exc))
        except Exception:  # an exception that cannot be pickled
            send.send(("error", NewsgraphError(f"{type(exc).__name__}: {exc}")))
        return
    send.send(("ok", value))


class SideWriter:
    """Runs output writers in a forked child process; ``result()`` waits for their paths and takes
    over the renames they staged (``graph.files.adopt``).  In-process (see ``Forked``) the writers
    stage their files in this process's own ``staged()``."""

    def __init__(self, jobs: list[tuple[str, Callable[[], Path]]], folder: Path) -> None:
        self._folder = folder
        self._call = Forked(lambda: _write_staged(jobs), "newsgraph-writer",
                            fallback=lambda: ({name: job() for name, job in jobs}, [])) if jobs else None

    def result(self) -> dict[str, Path]:
        if self._call is None:
            return {}
        outputs, pending = self._call.result()
        adopt(pending)
        return outputs

    def stop(self) -> None:
        """End a child still writing and drop its temporary files (this process's own are dropped
        by ``staged()``; the build lock is held)."""
        if self._call is not None and self._call.stop():
            remove_stale_temporaries(self._folder)


def _write_staged(jobs: list[tuple[str, Callable[[], Path]]]) -> tuple[dict[str, Path], list]:
    with handed_over() as pending:
        outputs = {name: job() for name, job in jobs}
    return outputs, pending


class ReadAhead(Forked):
    """Reads the inputs in a forked child (``read`` returns their list, in order) while the build
    loads its model; a class of its own so that benchmarks can time the wait in ``result()``."""

    def __init__(self, read: Callable[[], list]) -> None:
        super().__init__(read, "newsgraph-reader")


class StoreLoad:
    """Loads the embedded store in a thread while the files are written.

    The FalkorDB server does its share of the work in its own process, on the other core, and the
    thread mostly waits on its socket; run after the files, this load was a fifth of an
    incremental rebuild.
    """

    def __init__(self, corpus: Corpus, out: Path) -> None:
        from newsgraph.graph.falkor import load_embedded

        self._cancel = threading.Event()
        self._outcome: list = []
        # a new thread starts with an empty context: its writes are not part of ``staged()``
        self._thread = threading.Thread(target=self._run, args=(load_embedded, corpus, out),
                                        name="newsgraph-store-load", daemon=True)
        self._thread.start()

    def _run(self, load_embedded, corpus: Corpus, out: Path) -> None:
        try:
            self._outcome.append(load_embedded(corpus, out, cancel=self._cancel))
        except BaseException as exc:  # handed to the building thread by result()
            self._outcome.append(exc)

    def result(self) -> Path:
        self._thread.join()
        outcome = self._outcome[0]
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    def stop(self) -> None:
        """Cancel a load still running (the build failed or was interrupted) and wait for it."""
        self._cancel.set()
        self._thread.join()
