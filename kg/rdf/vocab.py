"""The vocabularies kg writes: its own ontology as a ``DefinedNamespace`` (a
typo raises instead of minting a wrong IRI) and the standard ones it reuses.

``KG`` mirrors ``ontology/kg.ttl`` term for term (a test checks both ways).

Examples
--------
>>> str(KG.Commitment)
'https://kg.example/ontology#Commitment'
>>> KG.Comitment
Traceback (most recent call last):
...
AttributeError: term 'Comitment' not in namespace 'https://kg.example/ontology#'
>>> KIND_CLASS["demand"] == KG.Demand
True
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Namespace, URIRef
from rdflib import namespace as rdfns  # a module: pytest's doctest finder probes
# every name of a module, and rdflib warns on each probe of a vocabulary class.

from kg.config import ONTOLOGY_IRI

__all__ = [
    "KG",
    "NIF",
    "SCHEMA",
    "WD",
    "SH",
    "PREFIXES",
    "KIND_CLASS",
    "ACTOR_CLASS",
    "ONTOLOGY_DIR",
    "ontology_file",
]

#: NLP Interchange Format: character offsets and the text of a passage.
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")
SH = Namespace("http://www.w3.org/ns/shacl#")


class KG(rdfns.DefinedNamespace):
    """The kg ontology (``ontology/kg.ttl``)."""

    _NS = Namespace(ONTOLOGY_IRI)
    _fail = True

    # classes
    Actor: URIRef
    Person: URIRef
    Organization: URIRef
    Country: URIRef
    Group: URIRef
    Place: URIRef
    Role: URIRef
    Commitment: URIRef
    Promise: URIRef
    Demand: URIRef
    Proposal: URIRef
    Expectation: URIRef
    Agreement: URIRef
    Refusal: URIRef
    Statement: URIRef
    Document: URIRef
    Evidence: URIRef
    Mention: URIRef
    # object properties
    role: URIRef
    affiliation: URIRef
    roleAffiliation: URIRef
    mention: URIRef
    locatedIn: URIRef
    evidence: URIRef
    actor: URIRef
    partner: URIRef
    target: URIRef
    place: URIRef
    reportedBy: URIRef
    speaker: URIRef
    # datatype properties
    roleName: URIRef
    roleText: URIRef
    content: URIRef
    modality: URIRef
    negated: URIRef
    time: URIRef
    date: URIRef
    amount: URIRef
    cue: URIRef
    quote: URIRef
    audience: URIRef
    sentenceIndex: URIRef
    sourceFile: URIRef


#: Prefixes of the vocabularies, bound in every export (instance namespaces
#: come from the base IRI, see :func:`kg.ids.namespaces`).
PREFIXES: dict[str, str] = {
    "kg": ONTOLOGY_IRI,
    "rdf": str(rdfns.RDF),
    "rdfs": str(rdfns.RDFS),
    "xsd": str(rdfns.XSD),
    "owl": str(rdfns.OWL),
    "skos": str(rdfns.SKOS),
    "prov": str(rdfns.PROV),
    "dcterms": str(rdfns.DCTERMS),
    "schema": str(SCHEMA),
    "nif": str(NIF),
    "wd": str(WD),
}

#: The class of each commitment kind (:data:`kg.types.COMMITMENT_KINDS`).
KIND_CLASS: dict[str, URIRef] = {
    "promise": KG.Promise,
    "demand": KG.Demand,
    "proposal": KG.Proposal,
    "expectation": KG.Expectation,
    "agreement": KG.Agreement,
    "refusal": KG.Refusal,
}

#: The class of each actor type (:data:`kg.types.ACTOR_TYPES`).
ACTOR_CLASS: dict[str, URIRef] = {
    "Person": KG.Person,
    "Organization": KG.Organization,
    "Country": KG.Country,
    "Group": KG.Group,
}

#: The ontology, shapes and JSON-LD context, shipped inside the package
#: (``kg/ontology`` links to the repository's ``ontology/``).
ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"


def ontology_file(name: str) -> Path:
    """The path of a shipped ontology file: ``kg.ttl``, ``shapes.ttl`` or ``context.jsonld``.

    >>> ontology_file("kg.ttl").name
    'kg.ttl'
    """
    return ONTOLOGY_DIR / name
