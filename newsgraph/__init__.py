"""newsgraph: news and opinion articles about armed conflicts → a knowledge graph with provenance.

The package maps the project's top-level folders: ``extract/`` → ``newsgraph.extract`` (texts →
records, with spaCy), ``graph/`` → ``newsgraph.graph`` (records → networkx → stores and exports),
``queries/`` → ``newsgraph.queries`` (Cypher for analysts).  ``newsgraph.api`` is the library API.
"""
__version__ = "0.1.0"
