"""Assembling the spaCy pipeline: the chosen model plus kg's two components.

- ``kg_paragraphs`` (before the parser): a line break always ends a sentence,
  so headlines and paragraphs never run into each other.
- ``kg_gazetteer`` (an ``entity_ruler`` before ``ner``): countries, capitals,
  seats of government, regions and organisations from ``kg/data``; the
  statistical NER then predicts around them.
- ``kg_demonyms`` (an ``entity_ruler`` after ``ner``, not overwriting): the
  demonyms the NER left unlabelled ("British troops").

The loaded pipeline is the only global state of kg, cached per model name.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

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
    return nlp
