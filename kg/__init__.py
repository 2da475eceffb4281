"""kg: a knowledge graph of commitments and statements, built from news articles.

>>> import kg
>>> graph = kg.build(["Freedonia's prime minister Alia Noor urged Sylvania to sign the treaty."])  # doctest: +SKIP
>>> graph.find("Noor")  # doctest: +SKIP
>>> graph = kg.load("exports/graph.ttl")  # an export, read back  # doctest: +SKIP

The pipeline, top to bottom: text -> spaCy Doc (:mod:`kg.nlp`) -> mentions and
local entities (:mod:`kg.extract`) -> facts with evidence, per document (the
map) -> corpus-wide resolution and merge (:mod:`kg.resolve`, the reduce) ->
:class:`KnowledgeGraph` -> exports (:mod:`kg.export`).
"""

from kg.build import build, build_files
from kg.graph import KnowledgeGraph
from kg.load import load
from kg.types import Actor, Commitment, Document, Evidence, Mention, Place, Role, Statement

__all__ = [
    "build",
    "build_files",
    "load",
    "KnowledgeGraph",
    "Actor",
    "Place",
    "Role",
    "Commitment",
    "Statement",
    "Evidence",
    "Mention",
    "Document",
]

__version__ = "0.1.0"
