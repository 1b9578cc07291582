"""The RDF output: vocabulary vs ontology, every format round-trips, rapper agrees, SHACL, determinism.

Hand-built corpora cover the hostile cases (names and ids with ``>``, ``"``, ``<script>``,
newlines, control characters, non-BMP unicode); the seed build covers the real pipeline.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.compare import isomorphic, to_isomorphic
from rdflib.namespace import OWL, PROV, SKOS

from newsgraph.cli import main
from newsgraph.errors import NewsgraphError
from newsgraph.graph import exporters
from newsgraph.graph.assemble import EVENT_CODES
from newsgraph.graph.jsonl import read_corpus, write_corpus
from newsgraph.graph.rdf import (DEFAULT_BASE, EXTENSIONS, QUAD_FORMATS, document_graph_iri, document_iri,
                                 entity_iri, ontology_graph, read_rdf, statement_iri, to_rdf, validate_build,
                                 validate_graph, write_rdf)
from newsgraph.graph.vocab import ENTITY_CLASSES, NG, NG_NAMESPACE, RELATION_PROPERTIES, SCHEMA, all_terms
from newsgraph.records import (ENTITY_TYPES, RELATION_TYPES, Corpus, Document, Entity, Evidence, Mention,
                               Relation)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared")) / "corpus" / "seeds"
RAPPER = shutil.which("rapper")
needs_rapper = pytest.mark.skipif(RAPPER is None, reason="rapper not installed (apt-get install raptor2-utils)")

HOSTILE_NAME = 'Evil "> <script>alert(1)</script>\nname\r\t\x00 ÿ Ωmega 𝄞 \\ """ end"'
HOSTILE_ID = 'id with space/>"<script>\n\u00e9 %41 #frag ?q'
RAPPER_SYNTAX = {"turtle": "turtle", "nt": "ntriples", "xml": "rdfxml", "trig": "trig", "nquads": "nquads"}


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def ev(doc: str, *, negated=False, hedged=False, by=None, sentence='The US "backs" Zenki.\n<b>bold</b>',
       trigger="backs", start=0, end=30) -> Evidence:
    return Evidence(doc, sentence, start, end, trigger, "verb:back", 0.9, negated, hedged, by)


def hostile_corpus() -> Corpus:
    docs = [
        Document("d1", "/x/d1.txt", "", sha("a"), title='T "1"\n<i>x</i>', outlet="BBC", author="A <b>",
                 date="2019-05-01", url="https://example.org/a b?x=<1>&y=\"2\""),
        Document("d 2>", "/x/d2.txt", "", sha("b"), date="May 2019", url="not a url"),
    ]
    ents = [
        Entity("united-states", "United States", "State", ["US", "the US"], "Q30",
               [Mention("d1", 0, 2, "US")], "US", "GOV"),
        Entity("nour-al-din-al-zenki", "Nour al-Din al-Zenki", "Group", ["Zenki"], None,
               [Mention("d1", 5, 10, "Zenki")]),
        Entity(HOSTILE_ID, HOSTILE_NAME, "Person", [HOSTILE_NAME + "2", "..."], "http://www.wikidata.org/entity/Q1"),
        Entity("..", "dots", "Place", wikidata="not-a-qid"),
        Entity("bbc", "BBC", "MediaOutlet", wikidata="Q9531"),
    ]
    rels = [
        Relation("united-states--SUPPORTS--nour-al-din-al-zenki", "united-states", "nour-al-din-al-zenki", "SUPPORTS",
                 [ev("d1"), ev("d 2>", by=HOSTILE_ID, hedged=True), ev("d1", trigger="arms", start=31, end=60)]),
        Relation("x--FIGHTS--y", HOSTILE_ID, "..", "FIGHTS", [ev("d1", negated=True)]),
        Relation("bbc--REPORTS_ON--united-states", "bbc", "united-states", "REPORTS_ON",
                 [ev("d 2>", sentence=HOSTILE_NAME, trigger="")]),
    ]
    return Corpus(docs, ents, rels, {("d1", "united-states"): 3, ("d1", "nour-al-din-al-zenki"): 1,
                                     ("d 2>", HOSTILE_ID): 1})


def quads(ds) -> set:
    return {(s, p, o, getattr(g, "identifier", g)) for s, p, o, g in ds.quads((None, None, None, None))}


def merged(ds) -> Graph:
    g = Graph()
    for s, p, o, _g in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def rapper_count(path: Path, syntax: str) -> int:
    proc = subprocess.run([RAPPER, "-i", syntax, "-c", str(path)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    line = [ln for ln in proc.stderr.splitlines() if "returned" in ln][-1]
    return int(line.split("returned")[1].split()[0])


# ------------------------------------------------------------------------------------------ fixtures

@pytest.fixture(scope="module")
def seed_rdf_build(tmp_path_factory, extractor) -> Path:
    """A real build of the seed texts without HTML or store (only the core pipeline and RDF)."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS}")
    from newsgraph.api import build
    out = tmp_path_factory.mktemp("rdf-seed-build")
    build([SEEDS], out, extractor=extractor, html=False, store=False, cache=False)
    return out


@pytest.fixture()
def hostile_build(tmp_path) -> Path:
    out = tmp_path / "hostile-build"
    write_corpus(hostile_corpus(), out)
    return out


# ------------------------------------------------------------------------------------------ vocabulary

def test_every_vocab_term_is_defined_in_the_ontology_and_vice_versa():
    onto = ontology_graph()
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}
    defined = {s for s in onto.subjects() if isinstance(s, URIRef) and str(s).startswith(NG_NAMESPACE)}
    assert set(all_terms()) == defined
    for term in all_terms():
        assert set(onto.objects(term, RDF.type)) & kinds, f"{term} has no OWL kind"
        assert onto.value(term, RDFS.label) is not None, f"{term} has no rdfs:label"
        assert onto.value(term, RDFS.comment) is not None, f"{term} has no rdfs:comment"


def test_misspelt_term_fails():
    with pytest.raises(AttributeError):
        NG.suports  # noqa: B018


def test_ontology_maps_types_relations_and_event_codes():
    onto = ontology_graph()
    assert set(ENTITY_CLASSES) == set(ENTITY_TYPES) and set(RELATION_PROPERTIES) == set(RELATION_TYPES)
    for typ, (cls, schema_cls) in ENTITY_CLASSES.items():
        assert (cls, RDFS.subClassOf, NG.Entity) in onto
        assert (cls, RDFS.subClassOf, schema_cls) in onto or (cls, OWL.equivalentClass, schema_cls) in onto
    for typ, prop in RELATION_PROPERTIES.items():
        assert str(onto.value(prop, SKOS.notation)) == typ
        assert (prop, RDFS.subPropertyOf, NG.relatedTo) in onto
        cameo, plover = EVENT_CODES[typ]
        assert str(onto.value(prop, NG.cameoCode) or "") == cameo
        assert str(onto.value(prop, NG.ploverCode) or "") == plover
    assert (NG.Statement, RDFS.subClassOf, PROV.Entity) in onto
    assert (NG.Document, RDFS.subClassOf, SCHEMA.NewsArticle) in onto
    assert (NG.fights, RDF.type, OWL.SymmetricProperty) in onto


@needs_rapper
@pytest.mark.parametrize("name", ["newsgraph.ttl", "shapes.ttl"])
def test_ontology_and_shapes_parse_with_rapper(name):
    path = ROOT / "graph" / "data" / name
    assert rapper_count(path, "turtle") == len(Graph().parse(path, format="turtle"))


# ------------------------------------------------------------------------------------------ IRIs

def test_iris_are_stable_percent_encoded_and_distinct():
    ids = [HOSTILE_ID, "a/b", "a%2Fb", "a b", "a+b", ".", "..", "é", "e\u0301", "x>y", 'x"y', "Q1#x"]
    iris = [entity_iri(i) for i in ids]
    assert len(set(iris)) == len(ids)
    for iri in iris:
        rest = str(iri)[len(DEFAULT_BASE + "entity/"):]
        assert rest and all(c.isascii() and (c.isalnum() or c in "-._~%") for c in rest), iri
        assert rest not in (".", "..")
    assert entity_iri("united-states") == URIRef(DEFAULT_BASE + "entity/united-states")
    assert entity_iri("x", "http://example.org/kg/") == URIRef("http://example.org/kg/entity/x")
    assert document_iri("d 2>") == URIRef(DEFAULT_BASE + "document/d%202%3E")
    e = ev("d1")
    assert statement_iri("r", e) == statement_iri("r", e)
    assert statement_iri("r", e) != statement_iri("r", ev("d1", trigger="arms"))
    assert statement_iri("r", e) != statement_iri("r", ev("d1", negated=True))


def test_bad_base_iri_is_a_user_error(tmp_path):
    for bad in ("relative/", "http://x.org/no-slash", "http://x.org/a b/", "http://x.org/<>/"):
        with pytest.raises(NewsgraphError):
            to_rdf(hostile_corpus(), bad)


# ------------------------------------------------------------------------------------------ content

def test_graph_content():
    c = hostile_corpus()
    ds = to_rdf(c)
    g = merged(ds)
    us, zenki, hostile = entity_iri("united-states"), entity_iri("nour-al-din-al-zenki"), entity_iri(HOSTILE_ID)
    assert {(us, RDF.type, NG.State), (us, RDF.type, SCHEMA.Country), (us, SKOS.prefLabel, Literal("United States")),
            (us, SKOS.altLabel, Literal("the US")), (us, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q30")),
            (us, NG.supports, zenki), (hostile, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q1"))} <= set(g)
    # a malformed QID is dropped, never written as a broken IRI
    assert g.value(entity_iri(".."), OWL.sameAs) is None
    # negated-only relations have statements but no plain triple
    assert (hostile, NG.fights, entity_iri("..")) not in g
    assert any(g.triples((None, RDF.predicate, NG.fights)))
    # statement provenance, in the document's named graph
    d2 = document_iri("d 2>")
    stmt = statement_iri("united-states--SUPPORTS--nour-al-din-al-zenki", ev("d 2>", by=HOSTILE_ID, hedged=True))
    named = ds.graph(document_graph_iri("d 2>"))
    assert (stmt, PROV.wasDerivedFrom, d2) in named and (stmt, PROV.wasAttributedTo, hostile) in named
    assert (stmt, NG.hedged, Literal(True)) in named
    assert (stmt, NG.confidence, Literal("0.9", datatype=XSD.decimal)) in named
    assert (stmt, RDF.subject, us) in named and (stmt, RDF.object, zenki) in named
    assert (us, NG.supports, zenki) in ds.default_graph and (us, NG.supports, zenki) not in named
    # documents and mention counts
    d1 = document_iri("d1")
    assert (d1, RDF.type, SCHEMA.NewsArticle) in g and (d1, NG.mentions, us) in g
    assert (d1, SCHEMA.url, URIRef("https://example.org/a%20b?x=%3C1%3E&y=%222%22")) in g
    counts = {int(g.value(m, NG.mentionCount)) for m in g.subjects(NG.mentionOf, us)}
    assert counts == {3}


# ------------------------------------------------------------------------------------------ formats

@pytest.mark.parametrize("fmt", sorted(EXTENSIONS))
def test_every_format_round_trips(tmp_path, fmt):
    c = hostile_corpus()
    path = write_rdf(c, tmp_path / f"g.{EXTENSIONS[fmt]}", fmt=fmt)
    back = read_rdf(path)
    if fmt in QUAD_FORMATS:
        expected = to_rdf(c)
        assert quads(back) == quads(expected)
        assert len({g for *_t, g in quads(back)}) == 1 + 2  # default graph + one per document with statements
    else:
        expected = to_rdf(c, named_graphs=False)
        got = merged(back)
        assert isomorphic(got, expected) and to_isomorphic(got) == to_isomorphic(expected)
    # the hostile strings survive (control characters other than \t \n \r become U+FFFD)
    assert Literal(HOSTILE_NAME.replace("\x00", "\ufffd")) in set(merged(back).objects(entity_iri(HOSTILE_ID),
                                                                                         SKOS.prefLabel))


@needs_rapper
@pytest.mark.parametrize("fmt", sorted(RAPPER_SYNTAX))
def test_rapper_agrees_with_rdflib(tmp_path, fmt):
    c = hostile_corpus()
    path = write_rdf(c, tmp_path / f"g.{EXTENSIONS[fmt]}", fmt=fmt)
    assert rapper_count(path, RAPPER_SYNTAX[fmt]) == len(merged(read_rdf(path))) == len(to_rdf(c, named_graphs=False))


def test_ntriples_are_sorted_per_chunk_and_nothing_repeats(tmp_path):
    path = write_rdf(hostile_corpus(), tmp_path / "g.nt", fmt="nt")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines))
    assert all(line.endswith(" .") and line.startswith("<") for line in lines)


def test_same_input_gives_identical_bytes_across_processes(hostile_build, tmp_path):
    """Different hash seeds change rdflib's set order; every format must still be byte-identical."""
    outputs = {}
    for seed in ("1", "2"):
        for fmt in EXTENSIONS:
            target = tmp_path / seed / f"g.{EXTENSIONS[fmt]}"
            code = ("import sys; from newsgraph.graph.exporters import export; "
                    "export(sys.argv[1], sys.argv[2], output=sys.argv[3])")
            subprocess.run([sys.executable, "-c", code, str(hostile_build), fmt, str(target)], check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}, timeout=120)
            outputs.setdefault(fmt, []).append(target.read_bytes())
    for fmt, (a, b) in outputs.items():
        assert a == b, f"{fmt} output differs between runs"


def test_base_iri_is_configurable(tmp_path):
    path = write_rdf(hostile_corpus(), tmp_path / "g.nt", fmt="nt", base_iri="http://example.org/kg/")
    text = path.read_text(encoding="utf-8")
    assert "<http://example.org/kg/entity/united-states>" in text and DEFAULT_BASE not in text


# ------------------------------------------------------------------------------------------ SHACL

def test_hand_built_graph_conforms():
    conforms, report = validate_graph(to_rdf(hostile_corpus()))
    assert conforms, report


def test_broken_graph_fails_with_readable_report():
    g = to_rdf(hostile_corpus(), named_graphs=False)
    us = entity_iri("united-states")
    g.add((us, RDF.type, NG.Group))  # two newsgraph types
    g.set((entity_iri("bbc"), OWL.sameAs, URIRef("https://www.wikidata.org/wiki/Q9531")))  # not an entity IRI
    stmt = next(g.subjects(RDF.type, NG.Statement))
    g.remove((stmt, NG.sentence, None))  # statement without sentence
    g.add((entity_iri("nour-al-din-al-zenki"), NG.threatens, us))  # plain triple without evidence
    conforms, report = validate_graph(g)
    assert not conforms
    lines = report.splitlines()
    assert lines[0] == "Conforms: False (4 violations)"
    assert any("ent:united-states rdf:type" in ln and "exactly one newsgraph type" in ln for ln in lines)
    assert any("ent:bbc owl:sameAs" in ln and "Wikidata entity IRI" in ln for ln in lines)
    assert any("ng:sentence" in ln and "exactly one non-empty ng:sentence" in ln for ln in lines)
    assert any("ng:threatens" in ln and "no non-negated ng:Statement" in ln for ln in lines)
    assert all(len(ln) < 400 for ln in lines)


def test_statement_without_document_fails():
    c = hostile_corpus()
    c.relations[0].evidence.append(ev("missing-doc"))
    conforms, report = validate_graph(to_rdf(c))
    assert not conforms and "prov:wasDerivedFrom" in report and "ng:Document" in report


# ------------------------------------------------------------------------------------------ seed build

def test_seed_build_writes_turtle_that_rapper_reads(seed_rdf_build):
    path = seed_rdf_build / "graph.ttl"
    assert path.is_file()
    g = Graph().parse(path, format="turtle")
    assert isomorphic(g, to_rdf(read_corpus(seed_rdf_build), named_graphs=False))
    if RAPPER:
        assert rapper_count(path, "turtle") == len(g)


def test_seed_build_conforms_to_shapes(seed_rdf_build):
    conforms, report = validate_build(seed_rdf_build)
    assert conforms, report


def test_sparql_who_supports_zenki(seed_rdf_build):
    g = Graph().parse(seed_rdf_build / "graph.ttl", format="turtle")
    rows = g.query("""
        PREFIX ng: <https://w3id.org/newsgraph/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT DISTINCT ?name ?sentence WHERE {
            ?target skos:prefLabel "Nour al-Din al-Zenki" .
            ?source ng:supports ?target ; skos:prefLabel ?name .
            ?st rdf:subject ?source ; rdf:predicate ng:supports ; rdf:object ?target ;
                ng:negated false ; ng:sentence ?sentence ; prov:wasDerivedFrom ?doc .
        }""")
    found = {(str(name), str(sentence)) for name, sentence in rows}
    assert "United States" in {name for name, _ in found}
    assert any("Zenki" in sentence for name, sentence in found if name == "United States")


def test_two_builds_give_identical_ntriples(seed_rdf_build, extractor, tmp_path):
    from newsgraph.api import build
    again = tmp_path / "again"
    build([SEEDS], again, extractor=extractor, html=False, store=False, cache=False, rdf_format="nt")
    first = write_rdf(read_corpus(seed_rdf_build), tmp_path / "first.nt", fmt="nt")
    a, b = first.read_bytes(), (again / "graph.nt").read_bytes()
    assert sorted(a.splitlines()) == sorted(b.splitlines())
    assert a == b


# ------------------------------------------------------------------------------------------ export / CLI

def test_graphml_round_trip_with_hostile_text(hostile_build, tmp_path):
    """Our GraphML writer: networkx and a plain XML parser read it; values survive except the
    characters XML 1.0 cannot hold (NUL here), which become U+FFFD."""
    import xml.etree.ElementTree as ET

    import networkx as nx

    from newsgraph.graph.assemble import _graphml_safe, to_networkx

    path = exporters.export(hostile_build, "graphml", output=tmp_path / "g.graphml")
    root = ET.parse(path).getroot()
    key_ids = [k.get("id") for k in root.iter("{http://graphml.graphdrawing.org/xmlns}key")]
    assert len(key_ids) == len(set(key_ids))  # unique, as the schema requires
    back = nx.read_graphml(path, force_multigraph=True)
    want = to_networkx(read_corpus(hostile_build))

    def clean(value):
        value = _graphml_safe(value)
        return value.replace("\x00", "\ufffd") if isinstance(value, str) else value

    assert dict(back.nodes(data=True)) == {n: {k: clean(v) for k, v in d.items()} for n, d in want.nodes(data=True)}
    assert sorted(back.edges(keys=True, data=True)) == sorted(
        (u, v, k, {kk: clean(vv) for kk, vv in d.items()}) for u, v, k, d in want.edges(keys=True, data=True))
    assert back.nodes[HOSTILE_ID]["label"] == HOSTILE_NAME.replace("\x00", "\ufffd")


def test_export_dispatch_and_errors(hostile_build, tmp_path):
    assert exporters.export(hostile_build, "ttl") == hostile_build / "graph.ttl"
    assert exporters.export(hostile_build, "nquads", output=tmp_path) == tmp_path / "graph.nq"
    graphml = exporters.export(hostile_build, "graphml")
    assert graphml.read_text(encoding="utf-8").startswith("<?xml")
    with pytest.raises(NewsgraphError, match="unknown export format"):
        exporters.export(hostile_build, "yaml")
    with pytest.raises(NewsgraphError, match="base IRI"):
        exporters.export(hostile_build, "nt", base_iri="not an iri")
    with pytest.raises(NewsgraphError, match="--base-iri"):
        exporters.export(hostile_build, "graphml", base_iri="http://example.org/")
    with pytest.raises(NewsgraphError):
        exporters.export(tmp_path / "nothing-here", "nt")


def test_cli_export_nt_and_validate(hostile_build):
    runner = CliRunner()
    result = runner.invoke(main, ["export", str(hostile_build), "--format", "nt"])
    assert result.exit_code == 0, result.output
    path = Path(result.output.strip())
    assert path == hostile_build / "graph.nt"
    assert isomorphic(Graph().parse(path, format="nt"), to_rdf(read_corpus(hostile_build), named_graphs=False))

    result = runner.invoke(main, ["validate", str(hostile_build)])
    assert result.exit_code == 0, result.output
    assert "conforms to the newsgraph SHACL shapes" in result.output


def test_cli_validate_reports_a_broken_build(tmp_path):
    c = hostile_corpus()
    c.entities[0].type = "Weapon"  # not a newsgraph type: the entity ends up with none
    write_corpus(c, tmp_path / "broken")
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "broken")])
    assert result.exit_code == 1
    assert "does NOT conform" in result.output and "exactly one newsgraph type" in result.output


def test_cli_errors_are_one_line(tmp_path):
    result = CliRunner().invoke(main, ["export", str(tmp_path), "--format", "nt"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output


def test_cli_export_seed_build(seed_rdf_build, tmp_path):
    result = CliRunner().invoke(main, ["export", str(seed_rdf_build), "--format", "trig",
                                       "-o", str(tmp_path / "s.trig")])
    assert result.exit_code == 0, result.output
    assert quads(read_rdf(tmp_path / "s.trig")) == quads(to_rdf(read_corpus(seed_rdf_build)))
    result = CliRunner().invoke(main, ["validate", str(seed_rdf_build)])
    assert result.exit_code == 0, result.output


def test_export_non_rdf_formats_of_seed_build(seed_rdf_build, tmp_path):
    """The dispatch reaches the GraphML, HTML and Neo4j writers with the arguments they take."""
    assert exporters.export(seed_rdf_build, "graphml", output=tmp_path / "g.graphml").is_file()
    html = exporters.export(seed_rdf_build, "html", output=tmp_path / "g.html", focus="Idlib", depth=1)
    assert html.is_file() and html.stat().st_size > 0
    csv_dir = exporters.export(seed_rdf_build, "neo4j-csv", output=tmp_path / "neo4j")
    assert csv_dir.is_dir() and any(csv_dir.glob("*.csv"))
    assert exporters.export(seed_rdf_build, "cypher", output=tmp_path / "g.cypher").is_file()


def test_cli_validate_on_a_folder_that_is_not_a_build(tmp_path):
    result = CliRunner().invoke(main, ["validate", str(tmp_path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
