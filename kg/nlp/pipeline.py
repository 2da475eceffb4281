"""Assembling the spaCy pipeline: the chosen model plus kg's two components.

- ``kg_paragraphs`` (before the parser): a line break always ends a sentence,
  so headlines and paragraphs never run into each other.
- ``kg_gazetteer`` (an ``entity_ruler`` before ``ner``): countries, capitals,
  seats of government, regions and organisations from ``kg/data``; the
  statistical NER then predicts around them.
- ``kg_demonyms`` (an ``entity_ruler`` after ``ner``, not overwriting): the
  demonyms the NER left unlabelled ("British troops").
- ``kg_entity_ids``: gazetteer ids for the spans the NER found itself.

The loaded pipeline is the only global state of kg, cached per model name.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.config import DEFAULT_MODEL
from kg.errors import KgError, ModelNotFound
from kg.nlp.gazetteer import load_gazetteer

__all__ = ["load_pipeline", "paragraph_boundaries"]


@Language.component("kg_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break."""
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[i + 1].is_sent_start = True
    return doc


@Language.component("kg_entity_ids", requires=["doc.ents"], assigns=["doc.ents"])
def entity_ids(doc: Doc) -> Doc:
    """Give the NER's own spans the gazetteer id of their text ("Ukrainian"
    labelled by the model is still ``demonym:UA``), so later stages read one
    attribute whoever found the span."""
    lookup = load_gazetteer().lookup
    if any(not e.ent_id_ and e.text in lookup for e in doc.ents):
        doc.ents = [e if e.ent_id_ or e.text not in lookup else
                    Span(doc, e.start, e.end, label=e.label_, span_id=lookup[e.text]) for e in doc.ents]
    return doc


@lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load ``model`` (an installed spaCy package name or a path) with kg's components.

    Raises :class:`kg.errors.ModelNotFound` with an install hint if it is absent.
    """
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError:
        raise ModelNotFound(model) from None
    for name in ("parser", "ner"):
        if name not in nlp.pipe_names:
            raise KgError(f"spaCy model '{model}' has no '{name}' component; kg needs a pipeline with a parser and NER")
    nlp.add_pipe("kg_paragraphs", before="parser")
    ruler = nlp.add_pipe("entity_ruler", name="kg_gazetteer", before="ner",
                         config={"phrase_matcher_attr": "ORTH", "validate": False})
    ruler.add_patterns(load_gazetteer().patterns)
    filler = nlp.add_pipe("entity_ruler", name="kg_demonyms", after="ner",
                          config={"phrase_matcher_attr": "ORTH", "validate": False, "overwrite_ents": False})
    filler.add_patterns(load_gazetteer().fill_patterns)
    nlp.add_pipe("kg_entity_ids", after="kg_demonyms")
    return nlp
