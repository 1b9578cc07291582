"""Analysis helpers for the notebooks: a build as pandas tables, centrality, plots, Cypher and SPARQL.

Everything the notebooks in ``notebooks/`` do beyond one line lives here, so a notebook reads as a
sequence of questions and answers and the logic is tested like the rest of the library:

* tables of a build (:class:`~newsgraph.records.Corpus`): :func:`entities_frame`,
  :func:`entity_type_counts`, :func:`relations_frame`, :func:`relation_type_counts`,
  :func:`evidence_frame`, :func:`centrality_table`, :func:`supporters_frame`, :func:`accusation_matrix`;
* pictures (matplotlib): :func:`plot_supporters`, :func:`plot_accusations`;
* the interactive graph inline: :func:`graph_view`;
* Cypher from ``queries/`` on the embedded store or Neo4j: :func:`query_catalog`, :func:`query_frame`,
  :func:`connect`;
* RDF and SPARQL: :func:`load_rdf`, :func:`sparql_frame`, :func:`who_supports_whom`,
  :func:`supporting_sentences`.

Needs the ``notebooks`` extra (pandas, matplotlib; IPython for :func:`graph_view`).

>>> from newsgraph.records import Corpus, Entity, Relation, Evidence
>>> ev = Evidence("d", "Iran funds Hezbollah.", 0, 21, "funds", "verb:fund", 0.85)
>>> c = Corpus([], [Entity("iran", "Iran", "State"), Entity("hezbollah", "Hezbollah", "Group")],
...            [Relation("iran--SUPPORTS--hezbollah", "iran", "hezbollah", "SUPPORTS", [ev])])
>>> relation_type_counts(c).loc[0].to_dict()
{'type': 'SUPPORTS', 'relations': 1, 'sentences': 1, 'negated': 0, 'hedged': 0}
"""
from __future__ import annotations

import html
import os
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx
import pandas as pd

from newsgraph.records import ENTITY_TYPES, RELATION_TYPES, Corpus

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from rdflib import Graph

# The environment variable the notebooks read their output folder from (the tests point it at a
# temporary folder); unset, notebooks build into ``newsgraph-out`` next to themselves.
OUT_ENV = "NEWSGRAPH_NOTEBOOK_OUT"
NO_OUTLET = "(no outlet)"


def output_dir(default: str | os.PathLike[str] = "newsgraph-out") -> Path:
    """Where a notebook writes its build: ``$NEWSGRAPH_NOTEBOOK_OUT`` if set, else ``default``.

    >>> output_dir("my-out") == Path(os.environ.get(OUT_ENV) or "my-out")
    True
    """
    return Path(os.environ.get(OUT_ENV) or default)


# ------------------------------------------------------------------------------------------ tables

def _names(corpus: Corpus) -> dict[str, str]:
    return {e.id: e.name for e in corpus.entities}


def documents_frame(corpus: Corpus) -> pd.DataFrame:
    """One row per document: id, title, outlet, author, date, words."""
    cols = ["id", "title", "outlet", "author", "date", "words"]
    return pd.DataFrame([{c: d.to_dict()[c] for c in cols} for d in corpus.documents], columns=cols)


def entities_frame(corpus: Corpus, type: str | None = None) -> pd.DataFrame:
    """One row per entity (optionally only one ``type``): name, type, mentions, documents, aliases, wikidata, id.

    Sorted by type (in ``ENTITY_TYPES`` order), then most mentioned first, then name.

    >>> from newsgraph.records import Corpus, Entity, Mention
    >>> c = Corpus([], [Entity("bbc", "BBC", "MediaOutlet", mentions=[Mention("d", 0, 3, "BBC")])], [])
    >>> entities_frame(c)[["name", "type", "mentions", "documents"]].values.tolist()
    [['BBC', 'MediaOutlet', 1, 1]]
    """
    cols = ["name", "type", "mentions", "documents", "aliases", "wikidata", "id"]
    order = {t: i for i, t in enumerate(ENTITY_TYPES)}
    rows = [{"name": e.name, "type": e.type, "mentions": len(e.mentions),
             "documents": len({m.doc for m in e.mentions}), "aliases": ", ".join(sorted(set(e.aliases) - {e.name})),
             "wikidata": e.wikidata, "id": e.id}
            for e in corpus.entities if type is None or e.type == type]
    rows.sort(key=lambda r: (order.get(r["type"], len(order)), -r["mentions"], r["name"].lower(), r["id"]))
    return pd.DataFrame(rows, columns=cols)


def entity_type_counts(corpus: Corpus) -> pd.DataFrame:
    """Entities and mentions per entity type (every type of ``ENTITY_TYPES``, also when zero)."""
    entities: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    for e in corpus.entities:
        entities[e.type] += 1
        mentions[e.type] += len(e.mentions)
    types = list(ENTITY_TYPES) + sorted(set(entities) - set(ENTITY_TYPES))
    return pd.DataFrame([{"type": t, "entities": entities[t], "mentions": mentions[t]} for t in types],
                        columns=["type", "entities", "mentions"])


def relations_frame(corpus: Corpus, type: str | None = None, *, include_negated: bool = True) -> pd.DataFrame:
    """One row per relation: source, type, target, sentences (non-negated), negated, hedged, confidence, …

    ``hedged`` is True when every non-negated sentence hedges ("reportedly", "may").  With
    ``include_negated=False`` relations that are only ever denied are left out.
    """
    cols = ["source", "type", "target", "sentences", "negated", "hedged", "confidence", "asserted_by",
            "documents", "id"]
    names = _names(corpus)
    rows = []
    for r in corpus.relations:
        if type is not None and r.type != type:
            continue
        pos = r.positive_evidence
        if not include_negated and not pos:
            continue
        rows.append({"source": names.get(r.source, r.source), "type": r.type, "target": names.get(r.target, r.target),
                     "sentences": len(pos), "negated": len(r.evidence) - len(pos),
                     "hedged": bool(pos) and all(e.hedged for e in pos), "confidence": round(r.confidence, 3),
                     "asserted_by": ", ".join(names.get(a, a) for a in r.asserted_by),
                     "documents": ", ".join(sorted({e.doc for e in r.evidence})), "id": r.id})
    order = {t: i for i, t in enumerate(RELATION_TYPES)}
    rows.sort(key=lambda r: (order.get(r["type"], len(order)), r["source"].lower(), r["target"].lower(), r["id"]))
    return pd.DataFrame(rows, columns=cols)


def relation_type_counts(corpus: Corpus) -> pd.DataFrame:
    """Per relation type: relations, supporting sentences, negated and hedged sentences (types that occur)."""
    stats: dict[str, Counter[str]] = {}
    for r in corpus.relations:
        s = stats.setdefault(r.type, Counter())
        s["relations"] += 1
        for e in r.evidence:
            s["negated" if e.negated else "sentences"] += 1
            s["hedged"] += int(e.hedged and not e.negated)
    order = {t: i for i, t in enumerate(RELATION_TYPES)}
    cols = ["type", "relations", "sentences", "negated", "hedged"]
    return pd.DataFrame([{"type": t, **{c: stats[t][c] for c in cols[1:]}}
                         for t in sorted(stats, key=lambda t: (order.get(t, len(order)), t))], columns=cols)


def evidence_frame(corpus: Corpus, relation: str | None = None) -> pd.DataFrame:
    """One row per sentence behind a relation (optionally one relation id): who, what, whom, where, how sure."""
    cols = ["source", "type", "target", "document", "sentence", "trigger", "negated", "hedged", "confidence",
            "asserted_by", "relation_id"]
    names = _names(corpus)
    rows = [{"source": names.get(r.source, r.source), "type": r.type, "target": names.get(r.target, r.target),
             "document": e.doc, "sentence": e.sentence, "trigger": e.trigger, "negated": e.negated,
             "hedged": e.hedged, "confidence": e.confidence,
             "asserted_by": names.get(e.asserted_by, e.asserted_by) if e.asserted_by else None,
             "relation_id": r.id, "_start": e.start}
            for r in corpus.relations if relation is None or r.id == relation for e in r.evidence]
    rows.sort(key=lambda r: (r["relation_id"], r["document"], r["_start"]))
    return pd.DataFrame(rows, columns=cols)


def actor_graph(corpus: Corpus) -> nx.MultiDiGraph:
    """The entities and their typed relations with at least one non-negated sentence (no documents,
    no MENTIONS, no CO_MENTIONED): the graph whose structure says who matters."""
    from newsgraph.graph.assemble import to_networkx

    full = to_networkx(corpus, co_mentions=False)
    g = nx.MultiDiGraph()
    g.add_nodes_from((n, d) for n, d in full.nodes(data=True) if d.get("kind") == "Entity")
    g.add_edges_from((u, v, k, d) for u, v, k, d in full.edges(keys=True, data=True)
                     if d.get("kind") == "Relation" and d.get("evidence_count", 0) > 0)
    return g


def centrality_table(corpus: Corpus, top: int | None = 10) -> pd.DataFrame:
    """The most central actors: typed relations (degree), distinct partners, and betweenness.

    ``betweenness`` (0–1) is how often an actor lies on the shortest path between two others —
    a broker between camps scores high even with few relations.  Actors without relations are
    left out.  Sorted by relations, then betweenness, then name.

    >>> from newsgraph.records import Corpus, Entity, Relation, Evidence
    >>> ev = Evidence("d", "s", 0, 1, "t", "r", 0.9)
    >>> ents = [Entity(i, i.upper(), "Group") for i in "abc"]
    >>> rels = [Relation("a-b", "a", "b", "FIGHTS", [ev]), Relation("b-c", "b", "c", "SUPPORTS", [ev])]
    >>> centrality_table(Corpus([], ents, rels))[["entity", "relations", "betweenness"]].values.tolist()
    [['B', 2, 1.0], ['A', 1, 0.0], ['C', 1, 0.0]]
    """
    g = actor_graph(corpus)
    g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0])
    simple = nx.Graph(g.to_undirected())
    between = nx.betweenness_centrality(simple, normalized=True) if simple.number_of_nodes() > 2 else {}
    rows = [{"entity": d.get("label", n), "type": d.get("type"), "relations": g.degree(n),
             "partners": simple.degree(n), "betweenness": round(between.get(n, 0.0), 3), "id": n}
            for n, d in g.nodes(data=True)]
    rows.sort(key=lambda r: (-r["relations"], -r["betweenness"], str(r["entity"]).lower(), r["id"]))
    frame = pd.DataFrame(rows, columns=["entity", "type", "relations", "partners", "betweenness", "id"])
    return frame.head(top).reset_index(drop=True) if top is not None else frame


def supporters_frame(corpus: Corpus) -> pd.DataFrame:
    """Who supports whom: one row per SUPPORTS relation with non-negated sentences.

    Columns: supporter, supported, sentences, hedged (every sentence hedged), documents.
    """
    rel = relations_frame(corpus, "SUPPORTS", include_negated=False)
    out = rel.rename(columns={"source": "supporter", "target": "supported"})
    out = out[["supporter", "supported", "sentences", "hedged", "documents"]]
    return out.sort_values(["supporter", "supported"], key=lambda s: s.str.lower()).reset_index(drop=True)


def accusation_matrix(corpus: Corpus, rows: str = "outlet") -> pd.DataFrame:
    """Counts of accusing sentences (non-negated ACCUSES): a row per outlet (or accuser), a column per accused.

    ``rows="outlet"``: the outlet that voices the accusation — the accuser itself when it is a media
    outlet ("RT vilified the White Helmets"), else the outlet that published the document
    (``(no outlet)`` when the document names none).  ``rows="accuser"``: whoever accuses.
    """
    if rows not in ("outlet", "accuser"):
        raise ValueError(f"rows must be 'outlet' or 'accuser', not {rows!r}")
    names = _names(corpus)
    types = {e.id: e.type for e in corpus.entities}
    outlet_of = {d.id: d.outlet for d in corpus.documents}
    counts: Counter[tuple[str, str]] = Counter()
    for r in corpus.relations:
        if r.type != "ACCUSES":
            continue
        for e in r.positive_evidence:
            if rows == "accuser" or types.get(r.source) == "MediaOutlet":
                who = names.get(r.source, r.source)
            else:
                who = outlet_of.get(e.doc) or NO_OUTLET
            counts[who, names.get(r.target, r.target)] += 1
    index = sorted({a for a, _ in counts}, key=str.lower)
    columns = sorted({b for _, b in counts}, key=str.lower)
    frame = pd.DataFrame([[counts[a, b] for b in columns] for a in index], index=index, columns=columns, dtype=int)
    frame.index.name = "outlet" if rows == "outlet" else "accuser"
    frame.columns.name = "accused"
    return frame


# ------------------------------------------------------------------------------------------ plots

def plot_supporters(corpus: Corpus, ax: "Axes | None" = None) -> "Axes":
    """Who supports whom as a horizontal stacked bar chart: one bar per supporter, one segment per
    actor it supports (width = supporting sentences, hatched when every sentence is hedged)."""
    import matplotlib.pyplot as plt

    frame = supporters_frame(corpus)
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.6 * max(3, frame["supporter"].nunique()) + 1))
    if frame.empty:
        ax.text(0.5, 0.5, "no SUPPORTS relations in this build", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return ax
    supporters = sorted(frame["supporter"].unique(), key=str.lower)[::-1]
    colours = plt.get_cmap("tab20").colors
    colour_of = {name: colours[i % len(colours)] for i, name in enumerate(sorted(frame["supported"].unique(), key=str.lower))}
    for y, supporter in enumerate(supporters):
        left = 0
        for row in frame[frame["supporter"] == supporter].itertuples():
            ax.barh(y, row.sentences, left=left, color=colour_of[row.supported], edgecolor="black",
                    hatch="//" if row.hedged else None)
            ax.text(left + row.sentences / 2, y, row.supported + (" (hedged)" if row.hedged else ""),
                    ha="center", va="center", fontsize=8)
            left += row.sentences
    ax.set_yticks(range(len(supporters)), supporters)
    ax.set_xlabel("sentences stating support")
    ax.set_title("Who supports whom")
    ax.xaxis.get_major_locator().set_params(integer=True)
    return ax


def plot_accusations(corpus_or_matrix: Corpus | pd.DataFrame, ax: "Axes | None" = None) -> "Axes":
    """Heat map of :func:`accusation_matrix` (outlets × accused actors), each cell labelled with its count."""
    import matplotlib.pyplot as plt

    m = corpus_or_matrix if isinstance(corpus_or_matrix, pd.DataFrame) else accusation_matrix(corpus_or_matrix)
    if ax is None:
        _, ax = plt.subplots(figsize=(1.2 * max(3, m.shape[1]) + 2, 0.6 * max(3, m.shape[0]) + 1.5))
    if m.empty:
        ax.text(0.5, 0.5, "no accusations in this build", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return ax
    image = ax.imshow(m.values, cmap="Reds", vmin=0, aspect="auto")
    ax.set_xticks(range(m.shape[1]), m.columns, rotation=30, ha="right")
    ax.set_yticks(range(m.shape[0]), m.index)
    top = m.values.max()
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            value = int(m.iat[i, j])
            if value:
                ax.text(j, i, str(value), ha="center", va="center", color="white" if value > top / 2 else "black")
    ax.set_xlabel(m.columns.name or "accused")
    ax.set_ylabel(m.index.name or "outlet")
    ax.set_title("Accusations: who voices them, against whom")
    from matplotlib.ticker import MaxNLocator
    ax.figure.colorbar(image, ax=ax, label="sentences", ticks=MaxNLocator(integer=True))
    return ax


# ------------------------------------------------------------------------------------------ the interactive graph

def graph_view(path: str | os.PathLike[str], height: int = 650):
    """The self-contained ``graph.html`` of a build, shown inline in a notebook (an iframe with the page
    inlined, so it works wherever the build folder is, also outside the notebook server's root)."""
    from IPython.display import HTML

    page = Path(path).read_text(encoding="utf-8")
    # only & < > " ' are escaped: the attribute decodes to the exact page, so the script hashes of its
    # Content-Security-Policy still match (numeric references would not: &#133; decodes to U+2026)
    srcdoc = html.escape(page, quote=True)
    return HTML(f'<div><iframe srcdoc="{srcdoc}" style="width:100%;height:{int(height)}px;'
                f'border:1px solid #ccc" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe></div>')


# ------------------------------------------------------------------------------------------ Cypher

def query_catalog() -> pd.DataFrame:
    """Every query shipped in ``queries/``: its name and what it answers (its leading comment lines)."""
    from newsgraph.graph.querying import available_queries, describe

    rows = []
    for name, text in available_queries().items():
        lines = describe(text).splitlines()
        params = next((ln[len("params:"):].strip() for ln in lines if ln.startswith("params:")), "")
        question = " ".join(ln for ln in lines if not ln.startswith(("params:", "returns:")))
        rows.append({"name": name, "question": question, "params": "" if params == "none" else params})
    return pd.DataFrame(rows, columns=["name", "question", "params"])


def query_frame(query: str, params: dict[str, Any] | None = None, *, out_dir: str | os.PathLike[str] = "newsgraph-out",
                neo4j: bool = False) -> pd.DataFrame:
    """Rows of a query as a DataFrame: ``query`` is a name from ``queries/``, a ``.cypher`` file or Cypher text;
    run on the embedded store of ``out_dir`` (or on Neo4j, configured by ``NEO4J_*``, with ``neo4j=True``)."""
    from newsgraph.graph.querying import resolve_query, run_query

    rows, columns = run_query(resolve_query(query), params or {}, out_dir=out_dir, neo4j=neo4j)
    return pd.DataFrame(rows, columns=columns)


class Connection:
    """Where an analyst's questions go: the build's embedded store, or Neo4j.

    ``conn.run("who-supports", name="Hezbollah")`` runs a shipped query (or a ``.cypher`` file, or
    Cypher text) with parameters and returns a DataFrame.  Make one with :func:`connect`.
    """

    def __init__(self, out_dir: str | os.PathLike[str], neo4j: bool):
        self.out_dir = Path(out_dir)
        self.neo4j = neo4j

    @property
    def target(self) -> str:
        """A one-line description of where queries run (never shows a password)."""
        if self.neo4j:
            from newsgraph.graph.neo4j_store import Neo4jConfig
            cfg = Neo4jConfig.from_env()
            return f"Neo4j at {cfg.uri} (database {cfg.database or 'default'}, user {cfg.username})"
        return f"embedded FalkorDB store in {self.out_dir}"

    def __repr__(self) -> str:
        return f"<newsgraph connection: {self.target}>"

    def run(self, query: str, **params: Any) -> pd.DataFrame:
        """One query (name, ``.cypher`` file or Cypher text), ``params`` as keyword arguments."""
        return query_frame(query, params, out_dir=self.out_dir, neo4j=self.neo4j)

    def describe(self, name: str) -> str:
        """What a shipped query answers, its parameters and columns (its leading comment)."""
        from newsgraph.graph.querying import describe, resolve_query
        return describe(resolve_query(name))

    def load(self, corpus: Corpus | None = None) -> dict[str, Any]:
        """Write a build into Neo4j (idempotent: MERGE on ids), like ``newsgraph load``; a no-op for the
        embedded store, which every build already fills.  Returns row counts."""
        if not self.neo4j:
            return {"rows": 0, "note": "the embedded store is loaded by every build"}
        from newsgraph.api import load_build
        from newsgraph.graph.neo4j_store import Neo4jConfig, load_neo4j
        return load_neo4j(corpus if corpus is not None else load_build(self.out_dir), Neo4jConfig.from_env(),
                          progress=False)


def connect(out_dir: str | os.PathLike[str] = "newsgraph-out", *, neo4j: bool | None = None) -> Connection:
    """A :class:`Connection` to Neo4j when ``NEO4J_URI`` is set (or ``neo4j=True``), else to the embedded
    store of the build in ``out_dir``.

    >>> connect("newsgraph-out", neo4j=False)
    <newsgraph connection: embedded FalkorDB store in newsgraph-out>
    """
    if neo4j is None:
        neo4j = bool(os.environ.get("NEO4J_URI"))
    return Connection(out_dir, neo4j)


# ------------------------------------------------------------------------------------------ RDF and SPARQL

SPARQL_PREFIXES = """\
PREFIX ng: <https://w3id.org/newsgraph/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
"""

# Who supports whom: the plain triples (written only for relations with a non-negated sentence),
# with the supporters' and supported actors' types and the number of statements behind each.
WHO_SUPPORTS_WHOM = SPARQL_PREFIXES + """\
SELECT ?supporter ?supporter_type ?supported ?supported_type (COUNT(DISTINCT ?st) AS ?statements)
WHERE {
  ?a ng:supports ?b .
  ?a skos:prefLabel ?supporter ; rdf:type ?ta .
  ?b skos:prefLabel ?supported ; rdf:type ?tb .
  ?ta rdfs:subClassOf* ng:Entity . FILTER (?ta != ng:Entity)
  ?tb rdfs:subClassOf* ng:Entity . FILTER (?tb != ng:Entity)
  BIND (STRAFTER(STR(?ta), "#") AS ?supporter_type)
  BIND (STRAFTER(STR(?tb), "#") AS ?supported_type)
  OPTIONAL { ?st a ng:Statement ; rdf:subject ?a ; rdf:predicate ng:supports ; rdf:object ?b ; ng:negated false . }
}
GROUP BY ?supporter ?supporter_type ?supported ?supported_type
ORDER BY ?supporter ?supported
"""

# Statement provenance: the sentences (reified ng:Statement) behind relations, with the document
# they come from, whether they are negated or hedged, and who asserts them.  {filters} is filled in
# by supporting_sentences().
SUPPORTING_SENTENCES = SPARQL_PREFIXES + """\
SELECT ?source ?relation ?target ?document ?title ?sentence ?negated ?hedged ?asserted_by
WHERE {{
  ?st a ng:Statement ;
      rdf:subject ?s ; rdf:object ?o ;
      ng:relationType ?relation ; ng:sentence ?sentence ; ng:startOffset ?start ;
      ng:negated ?negated ; ng:hedged ?hedged ;
      prov:wasDerivedFrom ?doc .
  ?s skos:prefLabel ?source .
  ?o skos:prefLabel ?target .
  ?doc schema:identifier ?document .
  OPTIONAL {{ ?doc schema:headline ?title }}
  OPTIONAL {{ ?st prov:wasAttributedTo ?by . ?by skos:prefLabel ?asserted_by }}
{filters}}}
ORDER BY ?relation ?source ?target ?document ?start
"""


def _rdf_file(path: Path) -> Path:
    if path.is_file():
        return path
    for ext in ("ttl", "trig", "nt", "nq", "jsonld", "rdf"):
        if (path / f"graph.{ext}").is_file():
            return path / f"graph.{ext}"
    raise FileNotFoundError(f"no RDF export (graph.ttl, graph.trig, …) in {path}")


def load_rdf(path: str | os.PathLike[str] = "newsgraph-out", *, ontology: bool = True) -> "Graph":
    """The RDF export of a build (a folder holding ``graph.ttl`` etc., or the file itself) as one rdflib
    graph, named graphs merged, plus the newsgraph ontology (class hierarchy, labels) when ``ontology``."""
    from rdflib import Graph

    from newsgraph.graph.rdf import ontology_graph, read_rdf

    dataset = read_rdf(_rdf_file(Path(path)))
    graph = Graph()
    for prefix, ns in dataset.namespaces():
        graph.bind(prefix, ns, override=True)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    if ontology:
        graph += ontology_graph()
    return graph


def _python(term: Any) -> Any:
    if term is None:
        return None
    from rdflib import Literal
    if isinstance(term, Literal):
        value = term.toPython()
        return str(value) if isinstance(value, Literal) else value
    return str(term)


def sparql_frame(graph: "Graph", query: str) -> pd.DataFrame:
    """Run a SPARQL SELECT on ``graph``; literals become Python values, IRIs strings.

    >>> from rdflib import Graph, Literal, URIRef
    >>> g = Graph(); _ = g.add((URIRef("urn:a"), URIRef("urn:p"), Literal(2)))
    >>> sparql_frame(g, "SELECT ?s ?n WHERE { ?s <urn:p> ?n }").values.tolist()
    [['urn:a', 2]]
    """
    result = graph.query(query)
    columns = [str(v) for v in result.vars]
    return pd.DataFrame([[_python(row[i]) for i in range(len(columns))] for row in result], columns=columns)


def who_supports_whom(graph: "Graph") -> pd.DataFrame:
    """:data:`WHO_SUPPORTS_WHOM` on ``graph``: supporter, types, supported, number of statements."""
    return sparql_frame(graph, WHO_SUPPORTS_WHOM)


def supporting_sentences(graph: "Graph", source: str | None = None, relation: str | None = None,
                         target: str | None = None, *, include_negated: bool = True) -> pd.DataFrame:
    """The sentences behind relations (statement provenance), filtered by the source's and target's
    names (case-insensitive, name or alias) and the relation type (``SUPPORTS``…)."""
    from rdflib import Literal

    filters = []
    for var, entity, value in (("s", "source", source), ("o", "target", target)):
        if value is not None:
            wanted = Literal(value.lower()).n3()
            filters.append(f"  FILTER EXISTS {{ ?{var} skos:prefLabel|skos:altLabel ?{entity}_name . "
                           f"FILTER (LCASE(STR(?{entity}_name)) = {wanted}) }}\n")
    if relation is not None:
        filters.append(f"  FILTER (STR(?relation) = {Literal(relation.upper()).n3()})\n")
    if not include_negated:
        filters.append("  FILTER (?negated = false)\n")
    return sparql_frame(graph, SUPPORTING_SENTENCES.format(filters="".join(filters)))


def show_sparql(query: str) -> str:
    """A SPARQL query without its PREFIX lines, for reading in a notebook."""
    return "\n".join(line for line in query.splitlines() if not line.startswith("PREFIX "))

