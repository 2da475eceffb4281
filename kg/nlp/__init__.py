"""spaCy pipeline assembly and the domain knowledge it carries."""

from kg.nlp.gazetteer import Gazetteer, GazEntry, load_gazetteer, load_lexicon
from kg.nlp.pipeline import load_pipeline

__all__ = ["load_pipeline", "load_gazetteer", "load_lexicon", "Gazetteer", "GazEntry"]
