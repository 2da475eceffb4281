"""One document, start to finish: a parsed Doc in, :class:`DocumentFacts` out.

This is the *map* of the build: it reads nothing but its own document and
keeps no state, so documents can be processed in any order, in any process.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.commitments import extract_commitments
from kg.extract.context import FactContext
from kg.extract.mentions import find_mentions
from kg.extract.statements import extract_statements
from kg.resolve.actorhood import acting_keys, participants
from kg.resolve.local import resolve_document
from kg.types import Document, DocumentFacts

__all__ = ["extract_document"]


def extract_document(doc: Doc, document: Document) -> DocumentFacts:
    """Mentions -> local entities -> statements -> commitments, for one document."""
    ents = resolve_document(doc, document.id, find_mentions(doc))
    ctx = FactContext(doc, document, ents)
    statements = list(extract_statements(ctx))  # first: commitments need the speakers
    commitments = list(extract_commitments(ctx))
    # Only entities that act in the story are its actors; the rest may be places.
    named = participants(commitments, statements)
    acting = acting_keys(doc, ents.token_key, ents.entities) | named
    for key, e in ents.entities.items():
        if e.is_actor and key not in acting:
            e.is_actor = False
        elif key in named:
            e.is_actor = True  # a town that speaks ("Vale said") acts through its council or team
    # Keep what a kept entity points at: a role's country is a node of the graph (a party
    # named only by an adjective, "Tory leader X", stays an affiliation unless it acts).
    for e in list(ents.entities.values()):
        if e.is_actor or e.is_place:
            for key in e.affiliations:
                aff = ents.entities.get(key)
                if aff is not None and not aff.is_place and (aff.mentions or aff.kind == "Country"):
                    aff.is_actor = True
    entities = [e for e in ents.entities.values() if e.is_actor or e.is_place]
    return DocumentFacts(
        document=document,
        sentences=len(ctx.sents),
        entities=entities,
        commitments=commitments,
        statements=statements,
        words=len(document.text.split()),
    )
