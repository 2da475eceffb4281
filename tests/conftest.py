"""Shared fixtures: the spaCy pipeline and the example graph are built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def nlp():
    """The project's spaCy pipeline (the pinned model plus kg's components), loaded once."""
    from kg.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def example_graph(nlp):
    """The graph of the bundled example articles, as `make demo` builds it."""
    import kg

    return kg.build_files([EXAMPLES], nlp=nlp)


@pytest.fixture(scope="session")
def build_texts(nlp):
    """Build a graph from strings with the session's pipeline: build_texts(["..."], date=...)."""
    import kg

    def _build(texts, **kwargs):
        return kg.build(texts, nlp=nlp, **kwargs)

    return _build
