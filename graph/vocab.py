"""The newsgraph RDF vocabulary, declared once: every class and property the RDF output uses.

``NG`` is an rdflib ``DefinedNamespace`` with ``_fail = True``, so a misspelt term raises
``AttributeError`` instead of silently minting a new IRI.  The ontology that defines these terms
(labels, comments, schema.org / PROV-O / SKOS mappings, CAMEO/PLOVER codes) is
``graph/data/newsgraph.ttl``; a test checks that the two list exactly the same terms.

>>> NG.supports
rdflib.term.URIRef('https://w3id.org/newsgraph/ontology#supports')
>>> RELATION_PROPERTIES["COOPERATES_WITH"] == NG.cooperatesWith
True
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

NG_NAMESPACE = "https://w3id.org/newsgraph/ontology#"
ONTOLOGY_IRI = "https://w3id.org/newsgraph/ontology"

SCHEMA = Namespace("https://schema.org/")
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"


class NG(DefinedNamespace):
    """Terms of ``https://w3id.org/newsgraph/ontology#``."""

    _NS = Namespace(NG_NAMESPACE)
    _fail = True

    # classes
    Entity: URIRef  # superclass of the six actor types
    Group: URIRef
    State: URIRef
    MediaOutlet: URIRef
    Place: URIRef
    Organization: URIRef
    Person: URIRef
    Document: URIRef
    Statement: URIRef  # one piece of evidence for a relation (reified)
    MentionCount: URIRef  # how often one document names one entity

    # relation properties (entity -> entity), one per records.RELATION_TYPES value
    relatedTo: URIRef  # super-property of all of them
    supports: URIRef
    fights: URIRef
    cooperatesWith: URIRef
    partOf: URIRef
    formerlyKnownAs: URIRef
    controls: URIRef
    locatedIn: URIRef
    operatesIn: URIRef
    accuses: URIRef
    threatens: URIRef
    reportsOn: URIRef

    # statement (evidence) properties
    relationType: URIRef
    relationId: URIRef
    sentence: URIRef
    startOffset: URIRef
    endOffset: URIRef
    trigger: URIRef
    rule: URIRef
    confidence: URIRef
    negated: URIRef
    hedged: URIRef
    assertedBy: URIRef

    # mentions
    mentions: URIRef
    inDocument: URIRef
    mentionOf: URIRef
    mentionCount: URIRef

    # entity and document attributes
    country: URIRef
    role: URIRef
    sha256: URIRef

    # annotations on relation properties, for joining with event data
    cameoCode: URIRef
    ploverCode: URIRef


# records.RELATION_TYPES value -> property
RELATION_PROPERTIES: dict[str, URIRef] = {
    "SUPPORTS": NG.supports,
    "FIGHTS": NG.fights,
    "COOPERATES_WITH": NG.cooperatesWith,
    "PART_OF": NG.partOf,
    "FORMERLY_KNOWN_AS": NG.formerlyKnownAs,
    "CONTROLS": NG.controls,
    "LOCATED_IN": NG.locatedIn,
    "OPERATES_IN": NG.operatesIn,
    "ACCUSES": NG.accuses,
    "THREATENS": NG.threatens,
    "REPORTS_ON": NG.reportsOn,
}

# records.ENTITY_TYPES value -> (newsgraph class, schema.org class written next to it)
ENTITY_CLASSES: dict[str, tuple[URIRef, URIRef]] = {
    "Group": (NG.Group, SCHEMA.Organization),
    "State": (NG.State, SCHEMA.Country),
    "MediaOutlet": (NG.MediaOutlet, SCHEMA.NewsMediaOrganization),
    "Place": (NG.Place, SCHEMA.Place),
    "Organization": (NG.Organization, SCHEMA.Organization),
    "Person": (NG.Person, SCHEMA.Person),
}


def all_terms() -> list[URIRef]:
    """Every term of ``NG``, sorted (``dir`` on a DefinedNamespace yields its IRIs)."""
    return sorted(URIRef(t) for t in dir(NG))
