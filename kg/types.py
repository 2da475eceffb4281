"""The data that crosses module lines: documents in, facts with evidence out.

Every fact the graph holds points back at the text it came from through
:class:`Evidence` (document, sentence, character offsets).  The per-document
stage (:mod:`kg.extract`) produces :class:`DocumentFacts` whose entities are
local to the document; the corpus stage (:mod:`kg.resolve.corpus`) merges them
into the global :class:`Actor` / :class:`Place` nodes that the API returns.

All classes are plain dataclasses so that they pickle cheaply between worker
processes and compare by value in tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "ACTOR_TYPES",
    "COMMITMENT_KINDS",
    "Document",
    "Evidence",
    "Mention",
    "Role",
    "Actor",
    "Place",
    "Commitment",
    "Statement",
    "LocalEntity",
    "DocumentFacts",
    "Skipped",
]

ActorType = Literal["Person", "Organization", "Country", "Group"]
CommitmentKind = Literal["promise", "demand", "proposal", "expectation", "agreement", "refusal"]

ACTOR_TYPES: tuple[str, ...] = ("Person", "Organization", "Country", "Group")
COMMITMENT_KINDS: tuple[str, ...] = ("promise", "demand", "proposal", "expectation", "agreement", "refusal")


@dataclass(frozen=True)
class Document:
    """One input article.  ``id`` is unique within a build (file name or JSONL id)."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO 8601 (YYYY-MM-DD) when known
    url: str | None = None
    source: str | None = None  # path the article was read from


@dataclass(frozen=True, order=True)
class Evidence:
    """Where a fact was read: the sentence of a document and its character span.

    ``start``/``end`` are character offsets of the sentence (or of the quoted
    passage for multi-sentence quotes) in the document text; ``sentence`` is the
    0-based index of the first sentence and ``text`` the passage itself.
    """

    document: str
    sentence: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, order=True)
class Mention:
    """One surface form of an entity in a document."""

    document: str
    sentence: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Role:
    """A role an actor holds, as written and normalised, with its affiliation."""

    name: str  # normalised: lower case, titles expanded ("national security adviser")
    text: str  # as written ("national security adviser")
    affiliation: str | None = None  # IRI of a country or organisation
    evidence: Evidence | None = None


@dataclass
class Actor:
    """A person, organisation, country or group: one real-world actor, one node."""

    iri: str
    name: str
    type: str  # one of ACTOR_TYPES
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)  # IRIs of actors
    wikidata: str | None = None  # "Q30"

    def __str__(self) -> str:
        return f"{self.name} ({self.type})"


@dataclass
class Place:
    """A place: a city, region, facility or a country used as a location."""

    iri: str
    name: str
    type: str = "Place"  # "Place", or "Country" when the place is also a country actor
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None  # IRI of the country it lies in, when known
    wikidata: str | None = None

    def __str__(self) -> str:
        return self.name


@dataclass
class Commitment:
    """Who binds themself to what (promise, agreement, refusal), or demands,
    proposes or expects what of whom.  ``actor``/``target``/``place`` are IRIs."""

    iri: str
    actor: str
    kind: str  # one of COMMITMENT_KINDS
    content: str
    target: str | None = None
    partners: list[str] = field(default_factory=list)  # co-committers ("X and Y agreed")
    modality: str | None = None  # will, would, might, should, must, can, could, may
    negated: bool = False
    time: str | None = None  # as written ("next week")
    date: str | None = None  # resolved ISO date or period ("2025-W11", "2025-02")
    place: str | None = None
    amount: str | None = None  # "over $800 billion"
    reported_by: str | None = None  # IRI of the actor who reported it
    cue: str = ""  # the word that signals the commitment ("urged")
    evidence: list[Evidence] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.kind}: {self.content}"


@dataclass
class Statement:
    """Who said what: a direct quote (``quote=True``) or reported speech."""

    iri: str
    speaker: str  # IRI
    content: str
    quote: bool
    cue: str = ""  # the speech verb ("said")
    audience: str | None = None  # "reporters at the White House"
    date: str | None = None
    evidence: list[Evidence] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{'“' + self.content + '”' if self.quote else self.content}"


# --- the per-document stage ------------------------------------------------


@dataclass
class LocalEntity:
    """An entity as resolved inside one document, before the corpus merge.

    ``key`` is the document-independent identity used by the corpus merge:
    ``"country:UA"`` for countries, ``"place:kyiv"`` for gazetteer places, or
    ``"person:volodymyr zelenskyy"`` style keys built from the canonical name.
    """

    id: int
    key: str
    name: str
    kind: str  # an actor type, or "Place"
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)  # keys of other LocalEntities
    wikidata: str | None = None
    is_actor: bool = True
    is_place: bool = False
    country: str | None = None  # key of the country a place lies in


@dataclass
class DocumentFacts:
    """Everything extracted from one document; entity references are keys."""

    document: Document
    sentences: int
    entities: list[LocalEntity]
    commitments: list[Commitment]  # actor/target/... hold LocalEntity keys here
    statements: list[Statement]
    words: int = 0


@dataclass(frozen=True)
class Skipped:
    """A document the map could not extract: reported and left out of the graph."""

    document: str  # the document's id
    reason: str
