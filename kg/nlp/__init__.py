"""spaCy pipeline assembly and the domain knowledge it carries."""

from kg.nlp.gazetteer import Gazetteer, GazEntry, cue_verbs, load_gazetteer, load_lexicon

__all__ = ["load_pipeline", "load_gazetteer", "load_lexicon", "cue_verbs", "Gazetteer", "GazEntry"]


def __getattr__(name: str):
    # The pipeline module imports spaCy: only when a pipeline is really wanted (PEP 562).
    if name == "load_pipeline":
        from kg.nlp.pipeline import load_pipeline

        return load_pipeline
    raise AttributeError(f"module 'kg.nlp' has no attribute {name!r}")
