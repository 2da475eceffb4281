"""Where a fact was read: the documents and sentences behind it.

Examples
--------
>>> from kg.graph import KnowledgeGraph
>>> from kg.types import Commitment, Document, Evidence
>>> text = "Ann will vote. Bo agreed."
>>> g = KnowledgeGraph(commitments=[Commitment("urn:c", "urn:a", "promise", "vote",
...                                            evidence=[Evidence("d", 0, 0, 14, "Ann will vote.")])],
...                    documents=[Document("d", text, title="Votes", date="2025-03-07")])
>>> [(s.document.title, s.sentence, s.text) for s in sources(g, "urn:c")]
[('Votes', 0, 'Ann will vote.')]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.types import Commitment, Document, Evidence, Statement

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["Source", "sources"]


@dataclass(frozen=True, repr=False)
class Source:
    """One passage behind a fact: the document (title, date, url...) and the evidence."""

    document: Document
    evidence: Evidence

    @property
    def sentence(self) -> int:
        """The 0-based index of the (first) sentence in the document."""
        return self.evidence.sentence

    @property
    def text(self) -> str:
        """The passage itself."""
        return self.evidence.text

    def __str__(self) -> str:
        return f"{self.document.id}, sentence {self.sentence + 1}: {self.text}"

    def __repr__(self) -> str:  # the document's id, not its whole text
        return f"Source(document={self.document.id!r}, sentence={self.sentence}, text={self.text!r})"


def sources(graph: KnowledgeGraph, fact: Commitment | Statement | str) -> list[Source]:
    """The passages behind ``fact`` (a record or its IRI), by document and offset.

    A document the graph does not hold (evidence may cite one) is given by its
    id alone.
    """
    rec = graph.get(fact) if isinstance(fact, str) else fact
    if not isinstance(rec, Commitment | Statement):
        raise ValueError(f"not a commitment or statement of this graph: {fact!r}")
    return [Source(graph.document(ev.document) or Document(ev.document, ""), ev) for ev in sorted(set(rec.evidence))]
