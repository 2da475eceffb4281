"""The graph as the page draws it: vis-network nodes and edges, and what the side panel shows.

The structure comes from :meth:`kg.graph.KnowledgeGraph.to_networkx` (one
node per actor, place, commitment and statement; edges typed by relation), so
the page shows exactly the nodes every other export has.  The records behind
the nodes give the panel its details and evidence.

Everything here is plain data (str, int, float, lists, dicts); escaping for
HTML happens once, when the page is written (:mod:`kg.html.encode`).

Examples
--------
>>> from kg.graph import KnowledgeGraph
>>> from kg.types import Actor, Commitment, Document, Evidence, Mention
>>> doc = Document("d1", "Alia Noor vowed to vote.", title="Vote")
>>> ev = Evidence("d1", 0, 0, 24, doc.text)
>>> g = KnowledgeGraph(
...     actors=[Actor("urn:a", "Alia Noor", "Person", mentions=[Mention("d1", 0, 0, 9, "Alia Noor")])],
...     commitments=[Commitment("urn:c", "urn:a", "promise", "vote", evidence=[ev])],
...     documents=[doc])
>>> v = build_view(g)
>>> [(n["id"], n["group"]) for n in v.nodes]
[('urn:a', 'Person'), ('urn:c', 'promise')]
>>> [(e["from"], e["to"], e["label"]) for e in v.edges]
[('urn:a', 'urn:c', 'committer')]
>>> v.details["urn:a"]["evidence"], v.documents[0]["title"]
([[0, 'Alia Noor vowed to vote.']], 'Vote')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.html.style import CLASSES, EDGE_LABELS, node_size
from kg.types import Actor, Commitment, Evidence, Mention, Place, Statement

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["ViewData", "build_view", "sentence_around", "MAX_EVIDENCE", "LABEL_CHARS"]

#: Evidence passages kept per node: the panel is for reading, not for dumps,
#: and a head of state in a big corpus would otherwise carry thousands.
MAX_EVIDENCE = 12

#: Commitment and statement labels are cut to this many characters on the canvas.
LABEL_CHARS = 40

_SAFE_URL = re.compile(r"^https?://[^\s\"'<>]+$", re.I)
_QID = re.compile(r"^Q[0-9]+$")


@dataclass
class ViewData:
    """What the page needs, as JSON-ready data.

    ``nodes``/``edges`` are vis-network records; ``details`` maps a node id to
    its panel (``title``, ``kind``, ``aliases``, ``rows`` of ``[label, text,
    node id or None]``, ``evidence`` as ``[document index, passage]``, ``more`` when
    passages were left out); ``documents`` lists the sources evidence points to.
    """

    nodes: list[dict] = field(default_factory=list)
    edges: list[dict] = field(default_factory=list)
    details: dict[str, dict] = field(default_factory=dict)
    documents: list[dict] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def build_view(graph: KnowledgeGraph) -> ViewData:
    """The nodes, edges, panels and sources of ``graph`` for the page.

    Notes
    -----
    Linear in the size of the graph plus its evidence.
    """
    nxg = graph.to_networkx()
    docs = _Documents(graph)
    involved = _facts_by_participant(graph)
    view = ViewData()
    for iri, attrs in nxg.nodes(data=True):
        rec = graph.get(iri)
        group = _group(attrs, rec)
        node = {"id": iri, "label": _label(attrs, rec, iri), "group": group}
        if isinstance(rec, (Actor, Place)) or group == "Other":
            node["size"] = node_size(int(attrs.get("mentions", 0)))
        view.nodes.append(node)
        view.counts[group] = view.counts.get(group, 0) + 1
        view.details[iri] = _details(graph, rec, attrs, group, involved.get(iri, []), docs)
        view.details[iri]["title"] = view.details[iri]["title"] or node["label"]
    for i, (src, dst, attrs) in enumerate(nxg.edges(data=True)):
        view.edges.append({"id": i, "from": src, "to": dst, "label": _edge_label(attrs)})
    view.documents = docs.table
    return view


# --- nodes -----------------------------------------------------------------


def _group(attrs: dict, rec) -> str:
    if isinstance(rec, Commitment):
        return rec.kind if rec.kind in CLASSES else "Other"
    kind = attrs.get("kind")
    return kind if kind in CLASSES else "Other"


def _label(attrs: dict, rec, iri: str) -> str:
    if isinstance(rec, (Commitment, Statement)):
        text = " ".join(rec.content.split())
        text = text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1].rstrip() + "…"
        return f"“{text}”" if isinstance(rec, Statement) and rec.quote else text
    # A node only referenced by an edge has no record: show the end of its IRI.
    return attrs.get("label") or iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1] or iri


def _edge_label(attrs: dict) -> str:
    relation = attrs.get("relation", "")
    name = EDGE_LABELS.get(relation, relation.replace("_", " "))
    if relation == "role" and attrs.get("label"):
        return f"{name}: {attrs['label']}"
    return name


# --- the panel -------------------------------------------------------------


def _details(graph, rec, attrs: dict, group: str, facts: list, docs: _Documents) -> dict:
    cls = CLASSES[group]
    kind = cls.label if cls.section != "Commitments" else f"Commitment: {cls.label.lower()}"
    out = {"title": rec.name if isinstance(rec, (Actor, Place)) else attrs.get("label", ""),
           "kind": kind, "rows": []}
    rows = out["rows"]
    if isinstance(rec, (Actor, Place)) and rec.aliases:
        out["aliases"] = list(rec.aliases)  # the search box looks here too
    if isinstance(rec, Actor):
        _actor_rows(graph, rec, rows, is_place=bool(attrs.get("is_place")))
    elif isinstance(rec, Place):
        _place_rows(graph, rec, rows)
    elif isinstance(rec, Commitment):
        out["title"] = rec.content
        _commitment_rows(graph, rec, rows)
    elif isinstance(rec, Statement):
        out["title"] = rec.content
        _statement_rows(graph, rec, rows)
    else:
        rows.append(["Identifier", str(attrs.get("label") or ""), None])
    out["evidence"], more = _evidence(rec, facts, docs)
    if more:
        out["more"] = more
    return out


def _ref(graph, iri: str | None) -> list:
    return [graph.name_of(iri) or iri, iri]


def _actor_rows(graph, a: Actor, rows: list, is_place: bool) -> None:
    for r in a.roles:
        text = r.text or r.name
        if r.affiliation:
            rows.append(["Role", f"{text}, {graph.name_of(r.affiliation) or r.affiliation}", r.affiliation])
        else:
            rows.append(["Role", text, None])
    if a.aliases:
        rows.append(["Also called", ", ".join(a.aliases), None])
    for aff in a.affiliations:
        if not any(r.affiliation == aff for r in a.roles):
            rows.append(["Affiliation", *_ref(graph, aff)])
    if is_place:
        rows.append(["Also", "a place", None])
    _common_rows(a, rows)


def _place_rows(graph, p: Place, rows: list) -> None:
    if p.aliases:
        rows.append(["Also called", ", ".join(p.aliases), None])
    if p.country and p.country != p.iri:
        rows.append(["In", *_ref(graph, p.country)])
    _common_rows(p, rows)


def _common_rows(rec: Actor | Place, rows: list) -> None:
    if rec.wikidata and _QID.match(rec.wikidata):
        rows.append(["Wikidata", rec.wikidata, None])
    n_docs = len({m.document for m in rec.mentions})
    if rec.mentions:
        n = len(rec.mentions)
        rows.append(["Mentioned", f"{n} time{'s' * (n != 1)} in {n_docs} document{'s' * (n_docs != 1)}", None])


def _commitment_rows(graph, c: Commitment, rows: list) -> None:
    rows.append(["Who", *_ref(graph, c.actor)])
    rows.extend(["With", *_ref(graph, p)] for p in c.partners)
    if c.target:
        rows.append(["Addressed to", *_ref(graph, c.target)])
    for label, value in (("Modality", c.modality), ("Negated", "yes" if c.negated else None),
                         ("When", c.time), ("Date", c.date), ("Amount", c.amount), ("Cue", c.cue)):
        if value:
            rows.append([label, value, None])
    if c.place:
        rows.append(["Where", *_ref(graph, c.place)])
    if c.reported_by:
        rows.append(["Reported by", *_ref(graph, c.reported_by)])


def _statement_rows(graph, s: Statement, rows: list) -> None:
    rows.append(["Speaker", *_ref(graph, s.speaker)])
    rows.append(["Form", "direct quote" if s.quote else "reported speech", None])
    for label, value in (("Cue", s.cue), ("Audience", s.audience), ("Date", s.date)):
        if value:
            rows.append([label, value, None])


# --- evidence --------------------------------------------------------------


def _facts_by_participant(graph) -> dict[str, list]:
    """Each actor's and place's commitments and statements, in document order."""
    out: dict[str, list] = {}
    for c in graph.commitments():
        for iri in {c.actor, c.target, c.place, c.reported_by, *c.partners} - {None}:
            out.setdefault(iri, []).append(c)
    for s in graph.statements():
        out.setdefault(s.speaker, []).append(s)
    return out


def _evidence(rec, facts: list, docs: _Documents) -> tuple[list[list], int]:
    """The passages that support ``rec``, one per sentence, in reading order,
    as ``[document index, text]``, and how many more were left out.

    For an actor or place: its role sentences, the evidence of the facts it
    takes part in, and the sentences that merely mention it.
    """
    if isinstance(rec, (Commitment, Statement)):
        found: list[Evidence | Mention] = list(rec.evidence)
    elif isinstance(rec, (Actor, Place)):
        found = [r.evidence for r in getattr(rec, "roles", []) if r.evidence]
        found += [e for f in facts for e in f.evidence]
        found += rec.mentions
    else:
        return [], 0
    seen: set = set()
    unique = []
    for e in found:
        if (e.document, e.sentence) not in seen:
            seen.add((e.document, e.sentence))
            unique.append(e)
    unique.sort(key=lambda e: (docs.order(e.document), e.start))
    kept = unique[:MAX_EVIDENCE]
    # Only the kept mentions are widened to their sentence: that is the costly part.
    out = [[docs.index(e.document), docs.sentence_around(e) if isinstance(e, Mention) else e.text]
           for e in kept]
    return out, len(unique) - len(kept)


class _Documents:
    """The source documents evidence refers to, numbered in order of first use.

    A mention's passage is its surface form; it is widened to the sentence
    around it from the document text so that the panel shows context.
    """

    def __init__(self, graph) -> None:
        self._docs = {d.id: d for d in graph.documents()}
        self._order = {d: i for i, d in enumerate(self._docs)}
        self._index: dict[str, int] = {}
        self.table: list[dict] = []

    def index(self, doc_id: str) -> int:
        if doc_id not in self._index:
            self._index[doc_id] = len(self.table)
            d = self._docs.get(doc_id)
            row = {"id": doc_id}
            if d is not None:
                row.update({k: v for k, v in (("title", d.title), ("date", d.date)) if v})
                if d.url and _SAFE_URL.match(d.url):  # never a javascript: link
                    row["url"] = d.url
            self.table.append(row)
        return self._index[doc_id]

    def order(self, doc_id: str) -> tuple:
        """Sort key: reading order, unknown documents last by id."""
        return (self._order.get(doc_id, len(self._order)), doc_id)

    def sentence_around(self, m: Mention) -> str:
        d = self._docs.get(m.document)
        return sentence_around(d.text, m.start, m.end) if d is not None else m.text


def sentence_around(text: str, start: int, end: int, limit: int = 300) -> str:
    """The sentence of ``text`` that holds ``text[start:end]``, at most ``limit`` characters.

    >>> sentence_around("One. Alia Noor spoke. Three.", 5, 14)
    'Alia Noor spoke.'
    """
    left = max(text.rfind(p, max(0, start - limit), start) for p in (". ", "! ", "? ", "\n"))
    left = 0 if left < 0 else left + 1
    right = [i for i in (text.find(p, end, end + limit) for p in (". ", "! ", "? ", "\n")) if i >= 0]
    stop = min(right) + 1 if right else min(len(text), end + limit)
    return " ".join(text[left:stop].split())
