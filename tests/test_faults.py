"""Faults during a build: kills at any moment, two builds at once, re-runs, and secrets.

``newsgraph build`` runs as a real subprocess on the 60 smallest articles of the PTC corpus
(read from ``../shared/corpus/ptc-all``, never copied).  A build interrupted by SIGINT, SIGTERM
or ``kill -9`` must leave the previous outputs byte-identical, and the next run must finish the
job from the cache with the same bytes as a clean build.
"""
from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import PTC

OUTPUT_FILES = ("documents.jsonl", "entities.jsonl", "relations.jsonl", "resolution.jsonl", "co_mentions.jsonl",
                "graph.graphml", "graph.ttl", "graph.html", "skipped.jsonl")
NEWSGRAPH = [sys.executable, "-m", "newsgraph.cli"]

pytestmark = pytest.mark.skipif(not PTC.is_dir(), reason=f"PTC corpus not found at {PTC}")


def smallest_articles(n: int = 60) -> list[Path]:
    return sorted(PTC.glob("*.txt"), key=lambda p: (p.stat().st_size, p.name))[:n]


def snapshot(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUT_FILES if (out / name).exists()}


def start(args, **kw) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(NEWSGRAPH + [str(a) for a in args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env, **kw)


def wait_for(cond, proc: subprocess.Popen, timeout: float = 240) -> None:
    t0 = time.monotonic()
    while not cond():
        if proc.poll() is not None:
            out, err = proc.communicate()
            pytest.fail(f"build ended (rc {proc.returncode}) before the kill point:\n{out}\n{err}")
        if time.monotonic() - t0 > timeout:
            proc.kill()
            pytest.fail("kill point not reached in time")
        time.sleep(0.02)


def cache_entries(out: Path) -> int:
    return sum(1 for _ in (out / ".cache").glob("*/*.pkl"))


def temporaries(out: Path) -> list[Path]:
    return list(out.glob(".*.tmp"))


@pytest.fixture(scope="module")
def articles() -> list[Path]:
    return smallest_articles()


@pytest.fixture(scope="module")
def clean_build(tmp_path_factory, extractor, articles) -> dict[str, bytes]:
    """The reference: one uninterrupted build of all 60 articles, no cache."""
    from newsgraph.api import build
    out = tmp_path_factory.mktemp("clean")
    build(articles, out, extractor=extractor, store=False, cache=False)
    return snapshot(out)


def test_killed_builds_keep_previous_outputs_and_rerun_equals_clean_build(tmp_path, extractor, articles,
                                                                         clean_build):
    from newsgraph.api import build
    out = tmp_path / "out"
    build(articles[:15], out, extractor=extractor, store=False)  # the previous outputs
    previous = snapshot(out)
    assert set(previous) == set(OUTPUT_FILES)
    args = ["build", *articles, "--out", out, "--no-store"]
    base = cache_entries(out)

    # 1. SIGINT and 2. SIGTERM in the middle of extraction: clean message, 130/143, nothing written
    for sig, code, word, more in ((signal.SIGINT, 130, "interrupted", 3), (signal.SIGTERM, 143, "terminated", 3)):
        p = start(args)
        wait_for(lambda: cache_entries(out) >= base + more, p)
        p.send_signal(sig)
        stdout, stderr = p.communicate(timeout=120)
        assert p.returncode == code, stderr
        assert word in stderr and "Traceback" not in stderr and "Exception ignored" not in stderr, stderr
        assert snapshot(out) == previous
        assert not temporaries(out)
        assert cache_entries(out) > base  # finished extractions are kept: the next run resumes
        base = cache_entries(out)

    # 3. kill -9 while the outputs are being written: no rename has happened yet
    p = start(args)
    wait_for(lambda: bool(temporaries(out)), p)
    p.kill()
    p.communicate(timeout=60)
    after = snapshot(out)
    assert after == previous or after == clean_build, "a kill -9 mixed old and new output files"

    # 4. the next run finishes the job from the cache, equal to a clean build, leaving no debris
    p = start(args)
    stdout, stderr = p.communicate(timeout=300)
    assert p.returncode == 0, stderr
    assert snapshot(out) == clean_build
    assert not temporaries(out) and not list((out / ".cache").glob("*/.*.tmp"))
    assert "from cache" in stdout

    # 5. re-running is idempotent: same bytes, everything from the cache
    p = start(args)
    stdout, stderr = p.communicate(timeout=300)
    assert p.returncode == 0, stderr
    assert f"{len(articles)} documents ({len(articles)} from cache)" in stdout
    assert snapshot(out) == clean_build


def test_two_builds_into_one_folder_one_fails_clearly(tmp_path, articles):
    out = tmp_path / "out"
    first = start(["build", *articles[:30], "--out", out, "--no-store"])

    def locked() -> bool:
        lock = out / ".newsgraph.lock"
        if not lock.exists():
            return False
        with open(lock, "a+") as f:
            try:
                fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(f.fileno(), fcntl.LOCK_UN)
            return False
    try:
        wait_for(locked, first)
        second = start(["build", *articles[:5], "--out", out, "--no-store"])
        stdout, stderr = second.communicate(timeout=120)
        assert second.returncode == 1
        assert "another newsgraph build is writing into" in stderr
        assert "Traceback" not in stderr and stderr.strip().count("\n") == 0, stderr
    finally:
        first.send_signal(signal.SIGINT)
        first.communicate(timeout=120)


def test_neo4j_password_is_never_printed_or_written(tmp_path, extractor, articles):
    from newsgraph.api import build
    out = tmp_path / "out"
    build(articles[:2], out, extractor=extractor, store=False)
    secret = "s3cret-XYZ"
    for extra in ([], ["-vv"]):
        p = subprocess.run(NEWSGRAPH + [*extra, "load", str(out), "--password", secret, "--uri", "bolt://127.0.0.1:1"],
                           capture_output=True, text=True, timeout=120,
                           env={**os.environ, "NEO4J_PASSWORD": secret})
        assert p.returncode != 0
        assert secret not in p.stdout and secret not in p.stderr, p.stderr
        assert "Traceback" not in p.stderr, p.stderr
    for f in out.rglob("*"):
        if f.is_file():
            assert secret.encode() not in f.read_bytes(), f
