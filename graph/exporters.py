"""`newsgraph export`: write an existing build folder in another format (RDF, GraphML, HTML, Neo4j).

Every export starts from the build's JSONL records (``read_corpus``), so it works whatever the
build itself wrote.  Default output paths live in the build folder: ``graph.<ext>`` for RDF
(ttl, nt, jsonld, rdf, trig, nq), ``graph.graphml``, ``graph.html``, ``neo4j/`` for Neo4j CSV
and ``graph.cypher`` for a Cypher script.

>>> sorted(FORMATS)[:3]
['cypher', 'graphml', 'html']
"""
from __future__ import annotations

import os
from pathlib import Path

from newsgraph.errors import NewsgraphError
from newsgraph.graph.jsonl import read_corpus
from newsgraph.graph.rdf import DEFAULT_BASE, EXTENSIONS, check_base_iri, normalize_format, write_rdf
from newsgraph.graph.rdf import FORMATS as RDF_ALIASES

RDF_FORMATS = ("turtle", "nt", "json-ld", "xml", "trig", "nquads")
OTHER_FORMATS = ("graphml", "html", "neo4j-csv", "cypher")
FORMATS = RDF_FORMATS + OTHER_FORMATS

# Default output name inside the build folder, per format (neo4j-csv writes a folder).
DEFAULT_NAMES = {**{f: f"graph.{EXTENSIONS[f]}" for f in RDF_FORMATS},
                 "graphml": "graph.graphml", "html": "graph.html", "neo4j-csv": "neo4j", "cypher": "graph.cypher"}


def _target(out_dir: Path, fmt: str, output: str | os.PathLike[str] | None) -> Path:
    """Where to write: ``output`` (a file, or an existing folder to write the default name into)."""
    if output is None:
        return out_dir / DEFAULT_NAMES[fmt]
    path = Path(output)
    if fmt == "neo4j-csv":
        if path.exists() and not path.is_dir():
            raise NewsgraphError(f"--output {path} is a file; neo4j-csv writes a folder of CSV files")
        return path
    if path.is_dir():
        return path / DEFAULT_NAMES[fmt]
    return path


def export(out_dir: str | os.PathLike[str], fmt: str, output: str | os.PathLike[str] | None = None,
           base_iri: str | None = None, focus: str | None = None, depth: int = 2) -> Path:
    """Export the build in ``out_dir`` as ``fmt``; returns the file (or folder) written."""
    name = str(fmt).lower()
    if name not in OTHER_FORMATS:
        if name not in RDF_ALIASES:
            raise NewsgraphError(f"unknown export format {fmt!r} (use one of: {', '.join(FORMATS)})")
        name = normalize_format(name)  # accepts aliases: ttl, ntriples, jsonld, nq...
    if base_iri is not None and name not in RDF_FORMATS:
        raise NewsgraphError(f"--base-iri applies to RDF formats only, not {name}")
    if (focus is not None) and name != "html":
        raise NewsgraphError(f"--focus applies to the html format only, not {name}")
    out = Path(out_dir)
    if not out.is_dir():
        raise NewsgraphError(f"{out} is not a folder (run `newsgraph build ... --out {out}` first)")
    corpus = read_corpus(out)
    target = _target(out, name, output)

    if name in RDF_FORMATS:
        return write_rdf(corpus, target, fmt=name, base_iri=check_base_iri(base_iri or DEFAULT_BASE))
    if name == "graphml":
        from newsgraph.graph.assemble import to_networkx, write_graphml
        return write_graphml(to_networkx(corpus), target)
    if name == "html":
        from newsgraph.graph.html import write_html
        return Path(write_html(corpus, target, focus=focus, depth=depth))
    if name == "neo4j-csv":
        from newsgraph.graph.neo4j_export import write_neo4j_csv
        write_neo4j_csv(corpus, target)
        return target
    from newsgraph.graph.neo4j_export import write_cypher_script
    write_cypher_script(corpus, target)
    return target
