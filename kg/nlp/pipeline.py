"""Assembling the spaCy pipeline: the chosen model plus kg's two components.

- the tokenizer is wrapped (:mod:`kg.nlp.tokenizer`) so that a run of
  thousands of characters without a space is tokenized in linear time.
- ``kg_paragraphs`` (before the parser): a line break always ends a sentence,
  so headlines and paragraphs never run into each other; nor does a stretch
  of 150 tokens without a full stop run on as one (:mod:`kg.nlp.sentence_cap`).
- ``kg_gazetteer`` (an ``entity_ruler`` after ``ner``, not overwriting):
  countries, capitals, seats of government, demonyms, regions and
  organisations from ``kg/data``, where the statistical NER found nothing
  ("Kyiv").  After, not before: the NER's own spans keep names such as
  "Bank Indonesia", "Paris Club" or "Canadian Rail Workers Union" whole.
- ``kg_entity_ids``: gazetteer ids for the spans the NER found itself
  ("Ukrainian", "the White House").
- the model's rule lemmatizer is applied over arrays (:mod:`kg.nlp.lemmatizer`):
  the same lemmas in a tenth of the time.
- ``kg_lemmas`` (after the lemmatizer): the few lemmas the model's
  lemmatizer gets wrong for words kg reads as cues ("hoped" is not "hop"),
  from ``lemma_fixes`` in ``kg/data/lexicon.json``.

The loaded pipeline is the only global state of kg, cached per model name.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.config import DEFAULT_MODEL
from kg.errors import KgError, ModelNotFound
from kg.nlp.gazetteer import load_gazetteer, load_lexicon
from kg.nlp.sentence_cap import set_sentence_starts, stretch_cuts
from kg.nlp.tokenizer import RunSafeTokenizer

__all__ = ["load_pipeline", "check_model", "paragraph_boundaries"]


@Language.component("kg_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break, and within any stretch of text
    too long to be one sentence (:func:`kg.nlp.sentence_cap.stretch_cuts`)."""
    starts = {i + 1 for i, tok in enumerate(doc[:-1]) if "\n" in tok.text or "\n" in tok.whitespace_}
    starts |= stretch_cuts(doc, starts)
    if starts:
        set_sentence_starts(doc, dict.fromkeys(starts, True))
    return doc


@Language.component("kg_entity_ids", requires=["doc.ents"], assigns=["doc.ents"])
def entity_ids(doc: Doc) -> Doc:
    """Give the NER's own spans the gazetteer id of their text ("Ukrainian"
    labelled by the model is still ``demonym:UA``), so later stages read one
    attribute whoever found the span."""
    gaz = load_gazetteer()

    def known(e: Span) -> str | None:
        text = e.text[4:] if e.text[:4] in ("the ", "The ") else e.text  # "the White House"
        return gaz.lookup.get(text) or (gaz.gpe_only.get(text) if e.label_ == "GPE" else None)

    if any(not e.ent_id_ and known(e) for e in doc.ents):
        doc.ents = [e if e.ent_id_ or not known(e) else
                    Span(doc, e.start, e.end, label=e.label_, span_id=known(e)) for e in doc.ents]
    return doc


@Language.component("kg_lemmas", assigns=["token.lemma"])
def lemma_fixes(doc: Doc) -> Doc:
    """Correct the lemmas of ``lemma_fixes`` (word form -> lemma)."""
    fixes = load_lexicon()["lemma_fixes"]
    for tok in doc:
        lemma = fixes.get(tok.lower_)
        if lemma is not None:
            tok.lemma_ = lemma
    return doc


def _lemmas_by_array(nlp: Language) -> None:
    """Run a rule or lookup lemmatizer through :mod:`kg.nlp.lemmatizer` (same
    lemmas, a tenth of the time); a lemmatizer that reads context is left as it is."""
    from spacy.pipeline import Lemmatizer

    import kg.nlp.lemmatizer  # noqa: F401 - registers the factory

    rules = nlp.get_pipe("lemmatizer")
    if not isinstance(rules, Lemmatizer) or rules.mode not in ("rule", "lookup"):
        return
    nlp.rename_pipe("lemmatizer", "lemmatizer_rules")
    nlp.add_pipe("kg_lemmatizer", name="lemmatizer", after="lemmatizer_rules", config={"rules": "lemmatizer_rules"})
    nlp.disable_pipe("lemmatizer_rules")  # kept: its tables and rules do the work


def check_model(model: str = DEFAULT_MODEL) -> None:
    """Raise :class:`kg.errors.ModelNotFound` unless ``model`` is an installed
    pipeline package or a folder, without loading it (for a cluster's workers
    to load)."""
    import spacy.util
    from pathlib import Path

    if not (spacy.util.is_package(model) or Path(model).is_dir()):
        raise ModelNotFound(model)


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
    nlp.tokenizer = RunSafeTokenizer(nlp.tokenizer)  # linear over runs without spaces
    nlp.add_pipe("kg_paragraphs", before="parser")
    # The ruler is filled in a tokenizer-only pipeline and then sourced: added
    # in place, its phrase patterns would go through the tagger, parser and
    # NER first (a second of start-up for 1,300 patterns, in every process).
    blank = spacy.blank(nlp.lang, vocab=nlp.vocab)
    ruler = blank.add_pipe("entity_ruler", name="kg_gazetteer",
                           config={"phrase_matcher_attr": "ORTH", "validate": False, "overwrite_ents": False})
    ruler.add_patterns(load_gazetteer().patterns)
    nlp.add_pipe("kg_gazetteer", source=blank, after="ner")
    nlp.add_pipe("kg_entity_ids", after="kg_gazetteer")
    if "lemmatizer" in nlp.pipe_names:
        _lemmas_by_array(nlp)
        nlp.add_pipe("kg_lemmas", after="lemmatizer")
    return nlp
