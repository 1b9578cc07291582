"""Records → RDF: entities, documents, relation triples and statement-level provenance, plus SHACL checks.

What is written (terms from ``graph/vocab.py``, defined in ``graph/data/newsgraph.ttl``):

* each entity: its ``ng:`` class and a schema.org class, ``skos:prefLabel``/``rdfs:label`` (name),
  ``skos:altLabel`` (aliases), ``owl:sameAs`` its Wikidata IRI, ``ng:country``, ``ng:role``;
* each document: ``ng:Document``/``schema:NewsArticle`` with headline, author, publisher, date,
  url and ``ng:sha256``; ``ng:mentions`` each entity it names, with an ``ng:MentionCount``;
* the plain triple (``<a> ng:supports <b>``) for every relation with non-negated evidence;
* one ``ng:Statement`` (an ``rdf:Statement`` reification) per piece of evidence with sentence,
  offsets, trigger, rule, confidence, negated/hedged, ``prov:wasDerivedFrom`` the document and
  ``prov:wasAttributedTo`` the asserting entity.  In TriG/N-Quads these sit in one named graph per
  document; everything else is in the default graph.  Triple formats merge the two.

IRIs depend only on ids, so they are stable across runs and corpora, and every id is
percent-encoded into a single path segment, so no name or id can break the syntax of any format.
Output is deterministic: N-Triples/N-Quads are streamed in sorted chunks (entity by entity,
document by document) without building a graph; the other formats are one rdflib ``serialize``
call on a graph that iterates in sorted order (plus a sort of JSON-LD's top-level node list).
``validate_build`` / ``validate_graph`` check the RDF against ``graph/data/shapes.ttl`` (SHACL).

>>> from newsgraph.records import Corpus, Entity
>>> str(entity_iri("a b>c"))
'https://w3id.org/newsgraph/id/entity/a%20b%3Ec'
>>> g = to_rdf(Corpus([], [Entity("bbc", "BBC", "MediaOutlet")], []), named_graphs=False)
>>> (entity_iri("bbc"), SKOS.prefLabel, Literal("BBC")) in g
True
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import logging
import math
import os
import re
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import SimpleNamespace
from typing import IO, Iterator
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, SKOS

from newsgraph.errors import NewsgraphError
from newsgraph.graph.files import atomic_path
from newsgraph.graph.vocab import (ENTITY_CLASSES, NG_NAMESPACE, RELATION_PROPERTIES, SCHEMA, WIKIDATA_ENTITY,
                                   all_terms)
from newsgraph.records import Corpus, Document, Entity, Evidence, Relation

log = logging.getLogger("newsgraph")

DEFAULT_BASE = "https://w3id.org/newsgraph/id/"

# Accepted format names (CLI names plus common aliases) -> canonical name.
FORMATS = {
    "turtle": "turtle", "ttl": "turtle",
    "nt": "nt", "ntriples": "nt", "n-triples": "nt",
    "json-ld": "json-ld", "jsonld": "json-ld",
    "xml": "xml", "rdfxml": "xml", "rdf/xml": "xml", "rdf": "xml",
    "trig": "trig",
    "nquads": "nquads", "nq": "nquads", "n-quads": "nquads",
}
EXTENSIONS = {"turtle": "ttl", "nt": "nt", "json-ld": "jsonld", "xml": "rdf", "trig": "trig", "nquads": "nq"}
QUAD_FORMATS = frozenset({"trig", "nquads"})

# Literal characters that XML 1.0 cannot carry (and that N-Triples readers differ on): replaced by
# U+FFFD rather than dropped, so a sentence keeps its length and its offsets stay meaningful.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Characters never allowed inside an IRIREF of Turtle / N-Triples.
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_QID = re.compile(r"^Q[1-9][0-9]*$")
_WIKIDATA_IRI = re.compile(r"^https?://(?:www\.)?wikidata\.org/(?:entity|wiki)/(Q[1-9][0-9]*)$")


# ---------------------------------------------------------------------------------------------- IRIs

def check_base_iri(base: str) -> str:
    """``base`` if usable as a prefix for minted IRIs, else a one-line ``NewsgraphError``."""
    if not isinstance(base, str) or not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", base) \
            or _BAD_IRI.search(base) or not base.endswith(("/", "#")):
        raise NewsgraphError(f"base IRI {base!r} must be an absolute IRI ending in '/' or '#' "
                             f"(e.g. {DEFAULT_BASE})")
    return base


def _segment(value: str) -> str:
    """One id as one IRI path segment: everything but unreserved ASCII is percent-encoded (UTF-8)."""
    value = str(value)
    if not value:
        raise ValueError("cannot mint an IRI from an empty id")
    seg = quote(value, safe="")
    if not seg.strip("."):
        # "." and ".." are removed by IRI path normalisation; encode them so they stay ids.
        seg = seg.replace(".", "%2E")
    return seg


def entity_iri(entity_id: str, base: str = DEFAULT_BASE) -> URIRef:
    return URIRef(f"{base}entity/{_segment(entity_id)}")


def document_iri(doc_id: str, base: str = DEFAULT_BASE) -> URIRef:
    return URIRef(f"{base}document/{_segment(doc_id)}")


def document_graph_iri(doc_id: str, base: str = DEFAULT_BASE) -> URIRef:
    """The named graph holding the statements of one document (TriG / N-Quads)."""
    return URIRef(f"{base}graph/{_segment(doc_id)}")


def mention_iri(doc_id: str, entity_id: str, base: str = DEFAULT_BASE) -> URIRef:
    return URIRef(f"{base}mention/{_segment(doc_id)}/{_segment(entity_id)}")


def statement_iri(relation_id: str, evidence: Evidence, base: str = DEFAULT_BASE) -> URIRef:
    """IRI of one piece of evidence: relation id, document, sentence span and a short digest.

    The digest covers what tells two claims in the same sentence apart (trigger, rule, negation,
    hedging, source) but not the confidence, so re-scoring does not rename a statement.
    """
    key = "\x1f".join([evidence.trigger or "", evidence.rule or "", str(bool(evidence.negated)),
                       str(bool(evidence.hedged)), evidence.asserted_by or ""])
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return URIRef(f"{base}statement/{_segment(relation_id)}/{_segment(evidence.doc)}/"
                  f"{int(evidence.start)}-{int(evidence.end)}-{digest}")


def wikidata_iri(qid: str | None) -> URIRef | None:
    """The canonical Wikidata entity IRI for ``Q42`` or a Wikidata URL; None if malformed."""
    if not qid:
        return None
    qid = str(qid).strip()
    m = _WIKIDATA_IRI.match(qid)
    if m:
        qid = m.group(1)
    if not _QID.match(qid):
        return None
    return URIRef(WIKIDATA_ENTITY + qid)


def _web_iri(url: str | None) -> URIRef | None:
    """An http(s) URL as an IRI with unsafe characters percent-encoded (None for other values)."""
    if not url or not re.match(r"^https?://[^/\s]", url.strip(), re.I):
        return None
    return URIRef(quote(url.strip(), safe=":/?#[]@!$&'()*+,;=%~-._"))


# ---------------------------------------------------------------------------------------------- literals

def _text(value: str) -> Literal:
    return Literal(_BAD_CHARS.sub("\ufffd", str(value)))


def _decimal(value: float) -> Literal | None:
    value = float(value)
    if not math.isfinite(value):
        return None
    lexical = f"{value:.6f}".rstrip("0")
    if lexical.endswith("."):
        lexical += "0"
    if lexical == "-0.0":
        lexical = "0.0"
    return Literal(lexical, datatype=XSD.decimal)


def _date(value: str | None) -> Literal | None:
    """``schema:datePublished``: typed when it parses as an ISO date or date-time, else plain."""
    if not value:
        return None
    value = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            _dt.date.fromisoformat(value)
            return Literal(value, datatype=XSD.date)
        # xsd:dateTime needs seconds; anything looser stays a plain string
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?", value):
            _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
            return Literal(value, datatype=XSD.dateTime)
    except ValueError:
        pass
    return _text(value)


# ---------------------------------------------------------------------------------------------- triples

Triple = tuple  # (subject, predicate, object)

# NG terms as plain attributes: DefinedNamespace lookups are checked and slow, and these functions
# run once per triple.  Built from vocab.all_terms(), so a misspelt name still raises AttributeError.
ng = SimpleNamespace(**{str(t)[len(NG_NAMESPACE):]: t for t in all_terms()})
_TRUE, _FALSE = Literal(True), Literal(False)


def _bool(value) -> Literal:
    return _TRUE if value else _FALSE


def _int(value) -> Literal:
    return Literal(str(int(value)), datatype=XSD.integer)


def _entity_triples(e: Entity, base: str) -> Iterator[Triple]:
    s = entity_iri(e.id, base)
    classes = ENTITY_CLASSES.get(e.type)
    if classes is None:
        log.warning("entity %s has unknown type %r; typed ng:Entity only (SHACL will report it)", e.id, e.type)
        yield s, RDF.type, ng.Entity
    else:
        yield s, RDF.type, classes[0]
        yield s, RDF.type, classes[1]
    if e.name:
        yield s, SKOS.prefLabel, _text(e.name)
        yield s, RDFS.label, _text(e.name)
    for alias in sorted(set(e.aliases or ()) - {e.name}):
        if alias:
            yield s, SKOS.altLabel, _text(alias)
    yield s, SCHEMA.identifier, _text(e.id)
    if e.wikidata:
        wd = wikidata_iri(e.wikidata)
        if wd is None:
            log.warning("entity %s: %r is not a Wikidata QID; no owl:sameAs written", e.id, e.wikidata)
        else:
            yield s, OWL.sameAs, wd
    if e.country:
        yield s, ng.country, _text(e.country)
    if e.role:
        yield s, ng.role, _text(e.role)


def _relation_triple(r: Relation, base: str) -> Triple | None:
    prop = RELATION_PROPERTIES.get(r.type)
    if prop is None or not r.positive_evidence:
        return None
    return entity_iri(r.source, base), prop, entity_iri(r.target, base)


def _document_triples(d: Document, base: str) -> Iterator[Triple]:
    s = document_iri(d.id, base)
    yield s, RDF.type, ng.Document
    yield s, RDF.type, SCHEMA.NewsArticle
    yield s, SCHEMA.identifier, _text(d.id)
    yield s, RDFS.label, _text(d.title or d.id)
    if d.title:
        yield s, SCHEMA.headline, _text(d.title)
    if d.author:
        yield s, SCHEMA.author, _text(d.author)
    if d.outlet:
        yield s, SCHEMA.publisher, _text(d.outlet)
    date = _date(d.date)
    if date is not None:
        yield s, SCHEMA.datePublished, date
    if d.url:
        url = _web_iri(d.url)
        yield s, SCHEMA.url, url if url is not None else _text(d.url)
    if d.sha256:
        yield s, ng.sha256, _text(d.sha256)
    if d.language:
        yield s, SCHEMA.inLanguage, _text(d.language)
    if d.words:
        yield s, SCHEMA.wordCount, _int(d.words)


def _mention_triples(doc_id: str, entity_id: str, count: int, base: str) -> Iterator[Triple]:
    doc, ent, m = document_iri(doc_id, base), entity_iri(entity_id, base), mention_iri(doc_id, entity_id, base)
    yield doc, ng.mentions, ent
    yield m, RDF.type, ng.MentionCount
    yield m, ng.inDocument, doc
    yield m, ng.mentionOf, ent
    yield m, ng.mentionCount, _int(count)


def _statement_triples(r: Relation, ev: Evidence, base: str) -> Iterator[Triple]:
    s = statement_iri(r.id, ev, base)
    yield s, RDF.type, ng.Statement
    yield s, RDF.type, RDF.Statement
    yield s, RDF.subject, entity_iri(r.source, base)
    yield s, RDF.predicate, RELATION_PROPERTIES[r.type]
    yield s, RDF.object, entity_iri(r.target, base)
    yield s, ng.relationType, Literal(r.type)
    yield s, ng.relationId, _text(r.id)
    if ev.sentence:
        yield s, ng.sentence, _text(ev.sentence)
    yield s, ng.startOffset, _int(ev.start)
    yield s, ng.endOffset, _int(ev.end)
    if ev.trigger:
        yield s, ng.trigger, _text(ev.trigger)
    if ev.rule:
        yield s, ng.rule, _text(ev.rule)
    conf = _decimal(ev.confidence if ev.confidence is not None else float("nan"))
    if conf is not None:
        yield s, ng.confidence, conf
    yield s, ng.negated, _bool(ev.negated)
    yield s, ng.hedged, _bool(ev.hedged)
    yield s, PROV.wasDerivedFrom, document_iri(ev.doc, base)
    if ev.asserted_by:
        source = entity_iri(ev.asserted_by, base)
        yield s, ng.assertedBy, source
        yield s, PROV.wasAttributedTo, source


def _evidence_key(item: tuple[Relation, Evidence]):
    r, e = item
    return (r.id, e.start, e.end, e.trigger or "", e.rule or "", bool(e.negated), bool(e.hedged),
            e.asserted_by or "", -(e.confidence or 0.0))


def iter_chunks(corpus: Corpus, base_iri: str = DEFAULT_BASE) -> Iterator[tuple[URIRef | None, list[Triple]]]:
    """The RDF of ``corpus`` as ``(graph, triples)`` chunks; graph None is the default graph.

    Chunks come in id order: one per entity (its description and its outgoing relation triples),
    then per document its description and mention counts, then its statements (graph = the
    document's named graph).  Each triple occurs once overall, so chunks can be written as they
    come.  Only indexes of references are built, never a second copy of the data.
    """
    base = check_base_iri(base_iri)
    out_of: dict[str, list[Relation]] = defaultdict(list)
    evidence_of: dict[str, list[tuple[Relation, Evidence]]] = defaultdict(list)
    for r in corpus.relations:
        if r.type not in RELATION_PROPERTIES:
            log.warning("relation %s has unknown type %r; not written to RDF", r.id, r.type)
            continue
        out_of[r.source].append(r)
        for ev in r.evidence:
            evidence_of[ev.doc].append((r, ev))
    mentions_of: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for (doc_id, ent_id), count in corpus.mentions.items():
        mentions_of[doc_id].append((ent_id, count))

    entities = {e.id: e for e in corpus.entities}
    for ent_id in sorted(set(entities) | set(out_of)):
        triples: list[Triple] = list(_entity_triples(entities[ent_id], base)) if ent_id in entities else []
        for r in sorted(out_of.get(ent_id, ()), key=lambda r: r.id):
            t = _relation_triple(r, base)
            if t is not None:
                triples.append(t)
        yield None, triples

    documents = {d.id: d for d in corpus.documents}
    for doc_id in sorted(set(documents) | set(evidence_of) | set(mentions_of)):
        triples = list(_document_triples(documents[doc_id], base)) if doc_id in documents else []
        for ent_id, count in sorted(mentions_of.get(doc_id, ())):
            triples.extend(_mention_triples(doc_id, ent_id, count, base))
        yield None, triples
        statements: list[Triple] = []
        seen: set[URIRef] = set()
        for r, ev in sorted(evidence_of.get(doc_id, ()), key=_evidence_key):
            iri = statement_iri(r.id, ev, base)
            if iri in seen:  # the same claim twice (same sentence, trigger, rule...): keep the first
                continue
            seen.add(iri)
            statements.extend(_statement_triples(r, ev, base))
        if statements:
            yield document_graph_iri(doc_id, base), statements


# ---------------------------------------------------------------------------------------------- graphs

PREFIXES = {
    "ng": NG_NAMESPACE,
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "skos": str(SKOS),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "wd": WIKIDATA_ENTITY,
}


def _prefixes(base: str) -> dict[str, str]:
    return {**PREFIXES, "ent": f"{base}entity/", "doc": f"{base}document/", "stmt": f"{base}statement/",
            "mention": f"{base}mention/", "docgraph": f"{base}graph/"}


def _bind(graph: Graph, base: str) -> None:
    for prefix, ns in _prefixes(base).items():
        graph.bind(prefix, ns, override=True, replace=True)


def _term_key(term) -> tuple[str, str, str, str]:
    return (type(term).__name__, str(term), str(getattr(term, "datatype", None) or ""),
            str(getattr(term, "language", None) or ""))


def _triple_key(t):
    return tuple(_term_key(x) for x in t)


class _SortedGraph(Graph):
    """A Graph whose triple iteration is sorted: rdflib's XML and JSON-LD writers emit in store order,
    which depends on string hashing and so changes between runs.  Used only for writing."""

    def triples(self, triple):  # noqa: D102 - same contract as Graph.triples
        s, p, o = triple if isinstance(triple, tuple) else (None, None, None)
        if s is None and p is None and o is None:
            # serializers ask for everything several times; the graph no longer changes: sort once
            cached = self.__dict__.get("_all_sorted")
            if cached is None:
                cached = sorted(super().triples(triple), key=_triple_key)
                self.__dict__["_all_sorted"] = cached
            yield from cached
            return
        yield from sorted(super().triples(triple), key=_triple_key)


class _SortedDataset(Dataset):
    """A Dataset listing its named graphs in IRI order (the TriG writer keeps the store's set order)."""

    def contexts(self, triple=None):  # noqa: D102
        yield from sorted(super().graphs(triple), key=lambda g: _term_key(g.identifier))


def _build(corpus: Corpus, base: str, named_graphs: bool, for_writing: bool) -> Dataset | Graph:
    if named_graphs:
        ds = (_SortedDataset if for_writing else Dataset)()
        _bind(ds, base)
        for graph_iri, triples in iter_chunks(corpus, base):
            target = ds.default_graph if graph_iri is None else ds.graph(graph_iri)
            for t in triples:
                target.add(t)
        return ds
    g = (_SortedGraph if for_writing else Graph)(bind_namespaces="core")
    _bind(g, base)
    for _graph_iri, triples in iter_chunks(corpus, base):
        for t in triples:
            g.add(t)
    return g


def to_rdf(corpus: Corpus, base_iri: str = DEFAULT_BASE, *, named_graphs: bool = True) -> Dataset | Graph:
    """The RDF of ``corpus``: a Dataset with one named graph per document's statements, or one Graph.

    With ``named_graphs=False`` everything goes into a single ``Graph`` (what triple formats hold).
    """
    return _build(corpus, check_base_iri(base_iri), named_graphs, for_writing=False)


# ---------------------------------------------------------------------------------------------- N-Triples

# Canonical N-Triples string escapes (RDF 1.1/1.2): ECHAR for these, UCHAR for other controls.
_NT_ESCAPES = {0x5C: "\\\\", 0x22: '\\"', 0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t", 0x08: "\\b", 0x0C: "\\f"}
_NT_ESCAPES.update({c: f"\\u{c:04X}" for c in [*range(0x00, 0x20), 0x7F] if c not in _NT_ESCAPES})


def nt_term(term) -> str:
    """One term in N-Triples syntax (IRIs are checked, literals escaped canonically)."""
    kind = type(term)
    if kind is URIRef or isinstance(term, URIRef):
        if _BAD_IRI.search(term):
            raise ValueError(f"not a safe IRI: {term!r}")
        return f"<{term}>"
    if isinstance(term, Literal):
        text = str(term).translate(_NT_ESCAPES)
        if term.language:
            return f'"{text}"@{term.language}'
        datatype = term.datatype
        if datatype is not None and datatype != _XSD_STRING:
            return f'"{text}"^^<{datatype}>'
        return f'"{text}"'
    raise TypeError(f"blank nodes and {type(term).__name__} are not written: {term!r}")


_XSD_STRING = XSD.string


def _write_lines(corpus: Corpus, f: IO[str], base: str, quads: bool) -> int:
    n = 0
    for graph_iri, triples in iter_chunks(corpus, base):
        tail = " ." if (graph_iri is None or not quads) else f" {nt_term(graph_iri)} ."
        lines = sorted({f"{nt_term(s)} {nt_term(p)} {nt_term(o)}{tail}\n" for s, p, o in triples})
        f.writelines(lines)
        n += len(lines)
    return n


def stream_ntriples(corpus: Corpus, path: str | os.PathLike[str], base_iri: str = DEFAULT_BASE, *,
                    quads: bool = False) -> Path:
    """Write N-Triples (or N-Quads with ``quads=True``) chunk by chunk, each chunk's lines sorted.

    Memory stays at one chunk (one entity or one document), so any corpus size can be written;
    the same input always gives the same bytes.
    """
    base = check_base_iri(base_iri)
    with atomic_path(path) as tmp:
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            _write_lines(corpus, f, base, quads)
    return Path(path)


_PN_LOCAL_SAFE = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def stream_turtle(corpus: Corpus, path: str | os.PathLike[str], base_iri: str = DEFAULT_BASE) -> Path:
    """Write Turtle chunk by chunk, one block per subject, predicates and objects sorted.

    Much faster than rdflib's serializer on large graphs and as deterministic; IRIs whose local
    part is a plain name are written with the vocabulary's prefixes, the rest in full (``<...>``,
    escaped like N-Triples), so hostile ids cannot break the syntax.
    """
    base = check_base_iri(base_iri)
    prefixes = _prefixes(base)
    by_length = sorted(((ns, p) for p, ns in prefixes.items()), key=lambda x: -len(x[0]))

    iris: dict[str, str] = {}  # the same IRIs recur in every chunk: write each one once

    def term(t) -> str:
        if isinstance(t, URIRef):
            iri = str(t)
            done = iris.get(iri)
            if done is None:
                done = nt_term(t)  # the same safety check as for N-Triples
                for ns, prefix in by_length:
                    if iri.startswith(ns) and _PN_LOCAL_SAFE.fullmatch(iri[len(ns):]):
                        done = f"{prefix}:{iri[len(ns):]}"
                        break
                if len(iris) >= 500_000:  # bounded: memory follows the chunk, not the corpus
                    iris.clear()
                iris[iri] = done
            return done
        return nt_term(t)

    with atomic_path(path) as tmp:
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            for prefix, ns in sorted(prefixes.items()):
                f.write(f"@prefix {prefix}: <{ns}> .\n")
            for _graph_iri, triples in iter_chunks(corpus, base):
                by_subject: dict[str, set[tuple[str, str]]] = {}
                for s_, p_, o_ in triples:
                    by_subject.setdefault(term(s_), set()).add((term(p_), term(o_)))
                for subject in sorted(by_subject):
                    pairs = sorted(by_subject[subject])
                    f.write("\n" + subject + " " + " ;\n    ".join(f"{p_} {o_}" for p_, o_ in pairs) + " .\n")
    return Path(path)


# ---------------------------------------------------------------------------------------------- files

def normalize_format(fmt: str) -> str:
    try:
        return FORMATS[str(fmt).lower()]
    except KeyError:
        raise NewsgraphError(f"unknown RDF format {fmt!r} (use one of: "
                             f"{', '.join(sorted(set(FORMATS.values())))})") from None


def jsonld_context(base: str = DEFAULT_BASE) -> dict[str, str]:
    """The JSON-LD ``@context`` written with (and compacting) JSON-LD output."""
    return dict(sorted(_prefixes(check_base_iri(base)).items()))


def write_rdf(corpus: Corpus, path: str | os.PathLike[str], fmt: str = "turtle",
              base_iri: str = DEFAULT_BASE) -> Path:
    """Write the RDF of ``corpus`` to ``path`` (atomically) in ``fmt``; returns ``path``.

    ``fmt``: turtle, nt, json-ld, xml, trig or nquads.  N-Triples and N-Quads are streamed
    (:func:`stream_ntriples`); the others are one rdflib ``serialize`` call.
    """
    fmt = normalize_format(fmt)
    base = check_base_iri(base_iri or DEFAULT_BASE)
    if fmt in ("nt", "nquads"):
        return stream_ntriples(corpus, path, base, quads=fmt == "nquads")
    if fmt == "turtle":
        return stream_turtle(corpus, path, base)
    graph = _build(corpus, base, fmt in QUAD_FORMATS, for_writing=True)
    with atomic_path(path) as tmp:
        if fmt == "json-ld":
            # rdflib orders the top-level node list by a set; sort it by @id for byte-identical output
            data = json.loads(graph.serialize(format="json-ld", context=jsonld_context(base), auto_compact=True))
            if isinstance(data.get("@graph"), list):
                data["@graph"].sort(key=lambda node: str(node.get("@id", "")))
            tmp.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
        else:
            graph.serialize(destination=str(tmp), format=fmt, encoding="utf-8")
    return Path(path)


def read_rdf(path: str | os.PathLike[str], fmt: str | None = None) -> Dataset:
    """Parse an RDF file written by :func:`write_rdf` (format from the extension if not given)."""
    path = Path(path)
    if fmt is None:
        by_ext = {v: k for k, v in EXTENSIONS.items()}
        fmt = by_ext.get(path.suffix.lstrip(".").lower())
        if fmt is None:
            raise NewsgraphError(f"cannot tell the RDF format of {path} from its extension")
    fmt = normalize_format(fmt)
    ds = Dataset()
    ds.parse(str(path), format={"nt": "nt", "xml": "xml"}.get(fmt, fmt))
    return ds


# ---------------------------------------------------------------------------------------------- SHACL

@lru_cache(maxsize=1)
def _shapes_text() -> str:
    return resources.files("newsgraph.graph").joinpath("data/shapes.ttl").read_text(encoding="utf-8")


def shapes_graph() -> Graph:
    return Graph().parse(data=_shapes_text(), format="turtle")


def ontology_graph() -> Graph:
    text = resources.files("newsgraph.graph").joinpath("data/newsgraph.ttl").read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


def _as_graph(graph: Graph | Dataset) -> Graph:
    """SHACL validates one graph: a Dataset is merged (statements and the default graph together)."""
    if isinstance(graph, Dataset):
        merged = Graph()
        for s, p, o, _c in graph.quads((None, None, None, None)):
            merged.add((s, p, o))
        return merged
    return graph


def validate_graph(graph: Graph | Dataset) -> tuple[bool, str]:
    """SHACL-validate RDF against ``graph/data/shapes.ttl``; returns (conforms, readable report).

    The report has one line per violation, ``focus-node path value: message``, sorted, with IRIs
    shortened by the graph's prefixes (pyshacl's own text repeats every shape in full).
    """
    from pyshacl import validate
    from rdflib.namespace import SH

    data = _as_graph(graph)
    conforms, results, text = validate(data, shacl_graph=shapes_graph(), inference="none", advanced=True)
    if conforms:
        return True, "Conforms: True"
    nm = data.namespace_manager

    def short(term) -> str:
        if term is None:
            return ""
        if isinstance(term, Literal):
            return repr(str(term)) if len(str(term)) < 60 else repr(str(term)[:57] + "...")
        try:
            return term.n3(nm)
        except Exception:  # a path expression or an odd term: the plain text is fine
            return str(term)

    lines = []
    for result in results.objects(None, SH.result):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        message = results.value(result, SH.resultMessage) or results.value(result, SH.sourceConstraintComponent)
        where = " ".join(x for x in (short(focus), short(path), short(value) if value != focus else "") if x)
        lines.append(f"- {where}: {message}")
    if not lines:  # pyshacl could not run (e.g. a broken shapes file): its text says why
        return False, str(text).strip()
    lines.sort()
    return False, f"Conforms: False ({len(lines)} violation{'s' if len(lines) != 1 else ''})\n" + "\n".join(lines)


def validate_build(out_dir: str | os.PathLike[str]) -> tuple[bool, str]:
    """Validate a build folder: its RDF is regenerated from the JSONL records, whatever format was written."""
    from newsgraph.graph.jsonl import read_corpus

    corpus = read_corpus(out_dir)
    conforms, report = validate_graph(to_rdf(corpus, named_graphs=False))
    head = (f"{out_dir}: {len(corpus.entities)} entities, {len(corpus.relations)} relations, "
            f"{sum(len(r.evidence) for r in corpus.relations)} statements: "
            + ("conforms to" if conforms else "does NOT conform to") + " the newsgraph SHACL shapes")
    return conforms, head if conforms else f"{head}\n{report}"
