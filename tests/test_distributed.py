"""Distributed extraction (dask.distributed): a build through a local cluster of two worker
processes writes byte-identical documents/entities/relations JSONL to a local build."""
from __future__ import annotations


import pytest

from conftest import PTC, SEEDS

distributed = pytest.importorskip("distributed")

# The two seed texts and eight gold-annotated PTC articles.
PTC_IDS = ["article694356862", "article700461600", "article701939679", "article718595845",
           "article723537899", "article727569885", "article755170235", "article755393220"]
CONTRACT = ("documents.jsonl", "entities.jsonl", "relations.jsonl")


@pytest.fixture(scope="module")
def inputs():
    files = sorted(SEEDS.glob("*.txt")) + [PTC / f"{i}.txt" for i in PTC_IDS]
    missing = [f for f in files if not f.is_file()]
    if missing or not SEEDS.is_dir():
        pytest.skip(f"corpus files not found: {missing[:3]}")
    return [str(f) for f in files]


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        with Client(c) as client:
            yield client


def _dask_engine(client, **kwargs):
    """extract_parallel routed through extract_dask (small batches: many tasks, ordering exercised)."""
    from newsgraph.extract.distributed import extract_dask, extractor_args_of

    def run(items, extractor, processes=1, **_ignored):
        return extract_dask(items, extractor_args_of(extractor), client, **kwargs)
    return run


def test_dask_build_is_byte_identical_to_local_build(tmp_path, monkeypatch, extractor, inputs, cluster):
    from newsgraph import api
    from newsgraph.extract import parallel

    local = api.build(inputs, tmp_path / "local", extractor=extractor, store=False, html=False, cache=False)
    monkeypatch.setattr(parallel, "extract_parallel", _dask_engine(cluster, batch_chars=8_000, window=2))
    remote = api.build(inputs, tmp_path / "dask", extractor=extractor, store=False, html=False, cache=False)
    assert remote.extracted == local.extracted == len(inputs)
    for name in CONTRACT:
        a = (tmp_path / "local" / name).read_bytes()
        b = (tmp_path / "dask" / name).read_bytes()
        assert a == b, f"{name} differs between the local and the dask build"
    assert len(local.corpus.relations) > 0


def test_extract_parallel_scheduler_argument_keeps_order(extractor, inputs, cluster):
    from newsgraph.extract.parallel import extract_parallel
    from newsgraph.extract.read import Skip, read_documents
    items = [g for g in read_documents(inputs[:4]) if not isinstance(g, Skip)]
    exts = list(extract_parallel(items, extractor, scheduler=cluster))
    assert [e.document for e in exts] == [d for d, _ in items]
    assert all(e.document is d for e, (d, _) in zip(exts, items))  # the client's objects, text intact
    local = list(extractor.extract_many(items))
    assert [(e.mentions, e.relations, e.co_mentions) for e in exts] == \
           [(e.mentions, e.relations, e.co_mentions) for e in local]


def test_worker_with_another_pipeline_is_refused(extractor, inputs, cluster):
    from newsgraph.extract.distributed import extract_dask
    from newsgraph.extract.read import Skip, read_documents
    items = [g for g in read_documents(inputs[:1]) if not isinstance(g, Skip)]
    args = {"model": None, "gazetteer": extractor.gazetteer, "fingerprint": "0000000000000000"}
    with pytest.raises(RuntimeError, match="differs from the client"):
        list(extract_dask(items, args, cluster))


def test_no_items_needs_no_cluster():
    from newsgraph.extract.distributed import extract_dask
    assert list(extract_dask([], {}, "tcp://127.0.0.1:1")) == []
