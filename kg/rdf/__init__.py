"""RDF for triple stores: the graph in the kg ontology, its formats, its checks.

One module a job: :mod:`~kg.rdf.vocab` (the ontology as Python names),
:mod:`~kg.ids` (minting IRIs), :mod:`~kg.rdf.convert` (graph -> quads,
rdflib Dataset), :mod:`~kg.rdf.formats` (Turtle, N-Triples, TriG, JSON-LD),
:mod:`~kg.rdf.validate` (SHACL), :mod:`~kg.rdf.sparql` (queries over exports)
and :mod:`~kg.rdf.gsp` (loading exports into a SPARQL store).

>>> from kg.rdf import actor_iri
>>> actor_iri("https://kg.example/", "Mike Waltz")
'https://kg.example/actor/Mike_Waltz'
"""

from kg.ids import (
    actor_iri,
    digest,
    document_iri,
    encode_name,
    evidence_iri,
    fact_iri,
    mention_iri,
    place_iri,
    role_iri,
    wikidata_iri,
)
from kg.rdf.convert import quads, to_rdf
from kg.rdf.formats import RDF_FORMATS, write_rdf
from kg.rdf.validate import validate

__all__ = [
    "to_rdf",
    "quads",
    "write_rdf",
    "RDF_FORMATS",
    "validate",
    "actor_iri",
    "place_iri",
    "fact_iri",
    "role_iri",
    "document_iri",
    "evidence_iri",
    "mention_iri",
    "wikidata_iri",
    "encode_name",
    "digest",
]
