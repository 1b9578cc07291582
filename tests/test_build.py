"""End to end: the seed texts through `newsgraph build` (CLI and API) — the foundation contract."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import IDLIB_SEED, SEEDS
from newsgraph.cli import main
from newsgraph.records import ENTITY_TYPES, RELATION_TYPES

EXPECTED = {
    "Hayat Tahrir al-Sham": "Group",
    "Jabhat al-Nusra": "Group",
    "Ahrar al-Sham": "Group",
    "Nour al-Din al-Zenki": "Group",
    "United States": "State",
    "Turkey": "State",
    "Russia": "State",
    "BBC": "MediaOutlet",
    "The Guardian": "MediaOutlet",
    "The New York Times": "MediaOutlet",
    "New Eastern Outlook": "MediaOutlet",
    "Idlib": "Place",
    "Daraa": "Place",
    "Ghouta": "Place",
    "USAID": "Organization",
}


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def texts_by_doc(build_dir: Path) -> dict[str, str]:
    out = {}
    for d in rows(build_dir / "documents.jsonl"):
        p = Path(d["path"])
        out[d["id"]] = p.read_bytes().decode("utf-8")
    return out


@pytest.fixture(scope="module")
def entities(seed_build):
    return {e["name"]: e for e in rows(seed_build / "entities.jsonl")}


@pytest.mark.parametrize("name,typ", sorted(EXPECTED.items()))
def test_seed_entities_have_the_right_type(entities, name, typ):
    assert name in entities, f"{name} not found; have {sorted(entities)}"
    assert entities[name]["type"] == typ


def test_nusra_spelling_variants_are_one_entity(entities):
    nusra = entities["Jabhat al-Nusra"]
    seen = {m["text"] for m in nusra["mentions"]}
    assert "Dzhebhat al-Nusra" in seen
    assert "Jabhat Al Nusra" in seen
    assert "Jabhat al-Nusra" in seen
    # formerly-known-as keeps Hayat Tahrir al-Sham a separate entity
    assert entities["Hayat Tahrir al-Sham"]["id"] != nusra["id"]


def test_every_mention_offset_is_exact(seed_build):
    texts = texts_by_doc(seed_build)
    n = 0
    for e in rows(seed_build / "entities.jsonl"):
        assert e["type"] in ENTITY_TYPES
        for m in e["mentions"]:
            assert texts[m["doc"]][m["start"]:m["end"]] == m["text"], (e["name"], m)
            n += 1
    assert n > 100


def test_markup_never_enters_names(seed_build):
    for e in rows(seed_build / "entities.jsonl"):
        for s in [e["name"], *(m["text"] for m in e["mentions"])]:
            assert not any(ch in s for ch in "*[]#\n"), (e["name"], s)
            assert not s.endswith(("'s", "’s")), s


def test_every_relation_sentence_contains_both_ends(seed_build):
    ents = {e["id"]: e for e in rows(seed_build / "entities.jsonl")}
    texts = texts_by_doc(seed_build)
    rels = rows(seed_build / "relations.jsonl")
    assert len(rels) >= 10
    for r in rels:
        assert r["type"] in RELATION_TYPES
        assert r["source"] in ents and r["target"] in ents
        assert r["evidence"]
        for ev in r["evidence"]:
            assert 0 <= ev["start"] < ev["end"] <= len(texts[ev["doc"]])
            for end in (r["source"], r["target"]):
                inside = [m for m in ents[end]["mentions"]
                          if m["doc"] == ev["doc"] and ev["start"] <= m["start"] and m["end"] <= ev["end"]]
                assert inside, (r["id"], end, ev["sentence"])


def test_seed_relations_first_version(seed_build):
    rels = {(r["source"], r["type"], r["target"]) for r in rows(seed_build / "relations.jsonl")}
    assert ("united-states", "SUPPORTS", "nour-al-din-al-zenki") in rels
    assert ("al-qaeda", "CONTROLS", "idlib") in rels


def test_all_outputs_exist_and_parse(seed_build):
    for name in ("documents.jsonl", "entities.jsonl", "relations.jsonl", "graph.graphml", "graph.ttl", "graph.html"):
        assert (seed_build / name).stat().st_size > 0, name
    docs = rows(seed_build / "documents.jsonl")
    assert [d["id"] for d in docs] == ["000_dea4024a69597ab2", "001_0063d54d765f9c49"]
    for d in docs:
        assert len(d["sha256"]) == 64 and d["title"]
    import networkx as nx
    g = nx.read_graphml(seed_build / "graph.graphml")
    assert g.number_of_nodes() > 20
    import rdflib
    assert len(rdflib.Graph().parse(seed_build / "graph.ttl", format="turtle")) > 100


def test_byline_gives_author_and_outlet(seed_build):
    doc = {d["id"]: d for d in rows(seed_build / "documents.jsonl")}["001_0063d54d765f9c49"]
    assert doc["author"] == "Tony Cartalucci"
    assert doc["outlet"] == "New Eastern Outlook"


def test_rebuild_is_byte_identical(tmp_path, extractor):
    from newsgraph.api import build
    a, b = tmp_path / "a", tmp_path / "b"
    build([SEEDS], a, extractor=extractor, store=False, cache=False)
    build([SEEDS], b, extractor=extractor, store=False)
    for name in ("documents.jsonl", "entities.jsonl", "relations.jsonl", "resolution.jsonl", "graph.ttl",
                 "graph.graphml", "graph.html"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    # and once more from the cache
    build([SEEDS], b, extractor=extractor, store=False)
    for name in ("entities.jsonl", "relations.jsonl"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


OUTPUTS = ("documents.jsonl", "entities.jsonl", "relations.jsonl", "resolution.jsonl", "co_mentions.jsonl",
           "graph.ttl", "graph.graphml", "graph.html", "skipped.jsonl")


def test_forked_writer_gives_the_bytes_of_writing_in_process(tmp_path, extractor, monkeypatch):
    """RDF and HTML come from a forked child unless other threads run; the bytes are the same."""
    import threading
    from newsgraph import api
    from newsgraph.graph import html
    forked, here = tmp_path / "forked", tmp_path / "here"
    writer_pids = tmp_path / "pids"
    original = html.write_html

    def recording(*args, **kwargs):
        with open(writer_pids, "a") as f:
            f.write(f"{os.getpid()}\n")
        return original(*args, **kwargs)
    monkeypatch.setattr(html, "write_html", recording)
    api.build([SEEDS], forked, extractor=extractor, store=False)
    assert writer_pids.read_text().split() != [str(os.getpid())], "graph.html was not written by a child"
    writer_pids.unlink()
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)  # a thread alive: the writers run in this process
    other.start()
    try:
        api.build([SEEDS], here, extractor=extractor, store=False)
    finally:
        stop.set()
        other.join()
    assert writer_pids.read_text().split() == [str(os.getpid())]
    for name in OUTPUTS:
        assert (forked / name).read_bytes() == (here / name).read_bytes(), name
    assert not list(forked.glob(".*.tmp")) and not list(here.glob(".*.tmp"))


def test_a_failing_forked_writer_commits_no_file(tmp_path, extractor, monkeypatch):
    """An error in the child (here: the disk refuses graph.html) is raised in the build, and
    every output keeps its previous bytes, the parent's JSONL files included."""
    from newsgraph import api
    from newsgraph.graph import html
    out = tmp_path / "out"
    api.build([IDLIB_SEED], out, extractor=extractor, store=False)
    before = {name: (out / name).read_bytes() for name in OUTPUTS}

    def refuse(*_args, **_kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(html, "write_html", refuse)  # the child is forked from this process
    with pytest.raises(OSError, match="No space left"):
        api.build([SEEDS], out, extractor=extractor, store=False)
    assert {name: (out / name).read_bytes() for name in OUTPUTS} == before
    assert not list(out.glob(".*.tmp"))


def test_texts_read_by_a_forked_child_give_the_bytes_of_reading_in_process(tmp_path, extractor, monkeypatch):
    """A build that loads its model reads the texts in a forked child meanwhile; one given its
    extractor reads them itself.  The outputs are the same bytes."""
    from newsgraph import api
    reader_pids = tmp_path / "pids"
    original = api.read_documents

    def recording(*args, **kwargs):
        with open(reader_pids, "a") as f:
            f.write(f"{os.getpid()}\n")
        yield from original(*args, **kwargs)
    monkeypatch.setattr(api, "read_documents", recording)
    api.build([SEEDS], tmp_path / "forked", store=False)
    assert reader_pids.read_text().split() != [str(os.getpid())], "the texts were not read by a child"
    reader_pids.unlink()
    api.build([SEEDS], tmp_path / "here", extractor=extractor, store=False)
    assert reader_pids.read_text().split() == [str(os.getpid())]
    for name in OUTPUTS:
        assert (tmp_path / "forked" / name).read_bytes() == (tmp_path / "here" / name).read_bytes(), name


def test_an_error_in_the_forked_reader_is_raised_by_the_build(tmp_path, monkeypatch):
    from newsgraph import api
    from newsgraph.errors import NewsgraphError

    def broken(*_args, **_kwargs):
        raise NewsgraphError("the disk went away")
        yield
    monkeypatch.setattr(api, "read_documents", broken)
    with pytest.raises(NewsgraphError, match="the disk went away"):
        api.build([SEEDS], tmp_path / "out", store=False)


def test_cli_build_with_bad_inputs_keeps_the_good_ones(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(IDLIB_SEED, src / "idlib.txt")
    (src / "empty.txt").write_text("")
    (src / "blank.md").write_text("  \n\n \t\n")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (src / "bad-utf8.txt").write_bytes(b"Idlib \xff\xfe\xfa broken \x80\x81 text " * 3 + b"\x00")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(src), str(tmp_path / "missing.txt"), "--out", str(out),
                                       "--no-store", "--no-progress"])
    assert result.exit_code == 3, result.output
    assert "Traceback" not in result.output
    err = result.stderr if hasattr(result, "stderr") else result.output
    for name in ("missing.txt", "empty.txt", "blank.md", "binary.txt", "bad-utf8.txt"):
        lines = [l for l in err.splitlines() if name in l]
        assert len(lines) == 1, (name, err)
    docs = rows(out / "documents.jsonl")
    assert [d["id"] for d in docs] == ["idlib"]
    skipped = rows(out / "skipped.jsonl")
    assert len(skipped) == 5
    assert any(e["name"] == "Hayat Tahrir al-Sham" for e in rows(out / "entities.jsonl"))


def test_strict_makes_a_skip_fatal(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "ok.txt").write_text("The United States backs the Free Syrian Army in Idlib.")
    result = CliRunner().invoke(main, ["build", str(tmp_path), "--out", str(tmp_path / "o"), "--strict",
                                       "--no-store", "--no-html", "--no-progress"])
    assert result.exit_code == 1


def test_missing_input_only_is_one_line(tmp_path):
    result = CliRunner().invoke(main, ["build", str(tmp_path / "nope"), "--out", str(tmp_path / "o"),
                                       "--no-store", "--no-progress"])
    assert "Traceback" not in result.output
    assert result.exit_code == 3
    assert (tmp_path / "o" / "entities.jsonl").read_text() == ""


def test_markdown_and_html_offsets(tmp_path, extractor):
    from newsgraph.api import build
    md = "# **Hayat Tahrir al-Sham** in [Idlib](http://x.test/idlib)\n\nTurkey backs the **Syrian National Army** in Afrin.\n"
    html = ("<html><head><style>.x{}</style><script>var BBC = 1;</script></head><body>"
            "<h1>Russia &amp; Iran</h1><p>The <b>BBC</b> reported that Iran funds Hezbollah.</p></body></html>")
    (tmp_path / "a.md").write_text(md)
    (tmp_path / "b.html").write_text(html)
    out = tmp_path / "out"
    build([tmp_path / "a.md", tmp_path / "b.html"], out, extractor=extractor, store=False, html=False)
    texts = {"a": md, "b": html}
    names = set()
    for e in rows(out / "entities.jsonl"):
        names.add(e["name"])
        for m in e["mentions"]:
            assert texts[m["doc"]][m["start"]:m["end"]] == m["text"]
            assert "*" not in m["text"] and "<" not in m["text"] and "[" not in m["text"]
    assert {"Hayat Tahrir al-Sham", "Idlib", "Turkey", "BBC", "Iran", "Hezbollah"} <= names
    bbc = [e for e in rows(out / "entities.jsonl") if e["name"] == "BBC"][0]
    assert all(m["start"] > html.index("<body>") for m in bbc["mentions"])  # not the script's "BBC"


def test_jsonl_input_uses_record_ids_and_metadata(tmp_path, extractor):
    from newsgraph.api import build
    src = tmp_path / "wire.jsonl"
    recs = [{"id": "w1", "text": "Iran arms Hezbollah in Lebanon.", "title": "T1", "outlet": "Wire", "author": "A. B."},
            {"id": "w2", "text": "Russia bombed Idlib."}]
    src.write_text("\n".join(json.dumps(r) for r in recs) + "\nnot json\n{\"id\": \"w3\"}\n")
    out = tmp_path / "out"
    result = build([src], out, extractor=extractor, store=False, html=False)
    docs = {d["id"]: d for d in rows(out / "documents.jsonl")}
    assert set(docs) == {"w1", "w2"}
    assert docs["w1"]["outlet"] == "Wire" and docs["w1"]["author"] == "A. B."
    assert any(":3" in s.path for s in result.skipped) and any(":4" in s.path for s in result.skipped)
    for e in rows(out / "entities.jsonl"):
        for m in e["mentions"]:
            text = {r["id"]: r["text"] for r in recs}[m["doc"]]
            assert text[m["start"]:m["end"]] == m["text"]


def test_help_shows_examples():
    runner = CliRunner()
    top = runner.invoke(main, ["--help"])
    assert top.exit_code == 0 and "Example" in top.output
    for cmd in main.commands:
        res = runner.invoke(main, [cmd, "--help"])
        assert res.exit_code == 0 and "Example" in res.output, cmd


def test_user_gazetteer_extends_and_overrides(tmp_path, extractor):
    from newsgraph.api import build
    from newsgraph.extract.pipeline import Extractor
    gz = tmp_path / "mine.jsonl"
    gz.write_text(json.dumps({"id": "zz-brigade", "name": "Liwa Example", "type": "Group",
                              "aliases": ["Example Brigade"], "wikidata": None}) + "\n")
    (tmp_path / "t.txt").write_text("The Example Brigade fought Hayat Tahrir al-Sham near Idlib.")
    ex = Extractor(extractor.nlp, __import__("newsgraph.extract.gazetteer", fromlist=["Gazetteer"]).Gazetteer.load([gz]))
    build([tmp_path / "t.txt"], tmp_path / "o", extractor=ex, store=False, html=False)
    ents = {e["name"]: e for e in rows(tmp_path / "o" / "entities.jsonl")}
    assert ents["Liwa Example"]["type"] == "Group"
    assert ents["Liwa Example"]["mentions"][0]["text"] == "Example Brigade"


def test_dask_engine_needs_a_scheduler(tmp_path):
    result = CliRunner().invoke(main, ["build", str(IDLIB_SEED), "--out", str(tmp_path / "o"), "--engine", "dask"])
    assert result.exit_code == 2 and "--scheduler" in result.output
