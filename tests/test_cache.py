"""The incremental extraction cache: only new or changed documents are parsed again; a gazetteer
change invalidates everything; a corrupt cache file is ignored and rewritten."""
from __future__ import annotations

import json
import pickle

import pytest

from newsgraph.api import build, extract_documents
from newsgraph.extract.cache import ExtractionCache
from newsgraph.extract.read import Skip, read_documents

TEXTS = {
    "a": "The United States backs the Syrian Democratic Forces in Raqqa.",
    "b": "Russia fought Hayat Tahrir al-Sham near Idlib, the BBC reported.",
    "c": "Turkey accused the YPG of attacks near Afrin.",
}


def write_texts(folder, texts):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")


def items_of(folder):
    return [g for g in read_documents([folder]) if not isinstance(g, Skip)]


def extract(items, extractor, cache_dir):
    stats: dict = {}
    exts = extract_documents(items, extractor, cache_dir=cache_dir, stats=stats)
    return exts, stats


def summary(exts):
    return [(e.document.id, e.mentions, e.relations, e.co_mentions) for e in exts]


def cache_files(cache_dir):
    return sorted(cache_dir.glob("*/*.pkl"))


def test_adding_one_article_extracts_only_it(tmp_path, extractor):
    src, cache = tmp_path / "in", tmp_path / "cache"
    write_texts(src, TEXTS)
    first, stats = extract(items_of(src), extractor, cache)
    assert stats == {"cached": 0, "extracted": 3}
    write_texts(src, {"d": "Iran supports Hezbollah in Syria."})
    second, stats = extract(items_of(src), extractor, cache)
    assert stats == {"cached": 3, "extracted": 1}
    assert summary(second[:3]) == summary(first)
    assert summary(second) == summary(extract(items_of(src), extractor, None)[0])  # same as no cache
    assert all(e.document.text for e in second)  # cached records get the current text back
    assert len(cache_files(cache)) == 4


def test_changed_document_is_extracted_again_alone(tmp_path, extractor):
    src, cache = tmp_path / "in", tmp_path / "cache"
    write_texts(src, TEXTS)
    extract(items_of(src), extractor, cache)
    write_texts(src, {"b": "Russia fought the Islamic State near Palmyra."})
    exts, stats = extract(items_of(src), extractor, cache)
    assert stats == {"cached": 2, "extracted": 1}
    b = next(e for e in exts if e.document.id == "b")
    assert any(m.mention.text == "Palmyra" for m in b.mentions)
    assert not any(m.mention.text == "Idlib" for m in b.mentions)
    assert len(cache_files(cache)) == 3  # the stale entry of the old text is pruned


def test_removed_document_is_pruned(tmp_path, extractor):
    src, cache = tmp_path / "in", tmp_path / "cache"
    write_texts(src, TEXTS)
    extract(items_of(src), extractor, cache)
    (src / "c.txt").unlink()
    _, stats = extract(items_of(src), extractor, cache)
    assert stats == {"cached": 2, "extracted": 0}
    assert len(cache_files(cache)) == 2


def test_gazetteer_change_invalidates_everything(tmp_path, extractor):
    from newsgraph.extract.gazetteer import Gazetteer
    from newsgraph.extract.pipeline import Extractor
    src, cache = tmp_path / "in", tmp_path / "cache"
    write_texts(src, TEXTS)
    extract(items_of(src), extractor, cache)
    gz = tmp_path / "mine.jsonl"
    gz.write_text(json.dumps({"id": "zz-brigade", "name": "Liwa Example", "type": "Group",
                              "aliases": ["Example Brigade"], "wikidata": None}) + "\n")
    other = Extractor(extractor.nlp, Gazetteer.load([gz]))
    assert other.fingerprint != extractor.fingerprint
    _, stats = extract(items_of(src), other, cache)
    assert stats == {"cached": 0, "extracted": 3}
    # the old fingerprint's entries are gone, only the new pipeline's remain
    assert {p.parent for p in cache_files(cache)} == {ExtractionCache(cache, other.fingerprint).folder}
    # the same gazetteer file again: everything cached
    _, stats = extract(items_of(src), Extractor(extractor.nlp, Gazetteer.load([gz])), cache)
    assert stats == {"cached": 3, "extracted": 0}


@pytest.mark.parametrize("garbage", [b"", b"not a pickle at all", b"\x80\x05\x95garbage",
                                     pickle.dumps({"not": "an extraction"}), None])
def test_corrupt_cache_file_is_ignored_and_rewritten(tmp_path, extractor, garbage):
    src, cache = tmp_path / "in", tmp_path / "cache"
    write_texts(src, TEXTS)
    items = items_of(src)
    first, _ = extract(items, extractor, cache)
    target = ExtractionCache(cache, extractor.fingerprint).folder / \
        f"{ExtractionCache(cache, extractor.fingerprint).key(items[1][0])}.pkl"
    assert target.is_file()
    good = target.read_bytes()
    target.write_bytes(good[: len(good) // 2] if garbage is None else garbage)  # None: truncated
    exts, stats = extract(items_of(src), extractor, cache)
    assert stats == {"cached": 2, "extracted": 1}
    assert summary(exts) == summary(first)
    # rewritten: the next run finds a valid entry for every document
    _, stats = extract(items_of(src), extractor, cache)
    assert stats == {"cached": 3, "extracted": 0}
    assert pickle.loads(target.read_bytes()).document.id == items[1][0].id


def test_second_build_is_all_cached_and_identical(tmp_path, extractor):
    src = tmp_path / "in"
    write_texts(src, TEXTS)
    first = build([src], tmp_path / "out", extractor=extractor, store=False, html=False)
    before = {n: (tmp_path / "out" / n).read_bytes() for n in ("documents.jsonl", "entities.jsonl", "relations.jsonl")}
    second = build([src], tmp_path / "out", extractor=extractor, store=False, html=False)
    assert (first.extracted, second.cached, second.extracted) == (3, 3, 0)
    after = {n: (tmp_path / "out" / n).read_bytes() for n in before}
    assert before == after


def test_the_cache_key_covers_every_data_file_that_shapes_extraction():
    # the town list retypes names and the word lists steer typing: a change to any of them must
    # not reuse an extraction made before it
    from importlib import resources
    from newsgraph.extract.relations import extraction_data_files
    names = extraction_data_files()
    assert {"cities.jsonl", "type_rules.jsonl", "relation_patterns.jsonl", "modality.jsonl"} <= set(names)
    folder = resources.files("newsgraph.extract").joinpath("data")
    assert names == sorted(p.name for p in folder.iterdir() if p.name.endswith(".jsonl"))
