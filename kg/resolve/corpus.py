"""The *reduce* of the build: per-document facts -> one knowledge graph.

Local entities with the same key (``country:UA``, ``person:ana ruiz``) are one
node with the mentions of every document; a bare surname from one document
joins a full name from another only when exactly one full name ends with it.
Facts are re-keyed to IRIs, and the same fact read in several articles
(same actor, kind and target, overlapping content) becomes one fact with
several pieces of evidence.

The merge is order-preserving and deterministic: the same documents give the
same graph, byte for byte once serialised.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from collections.abc import Iterable
from dataclasses import replace

from kg.graph import KnowledgeGraph, normalize_name
from kg.nlp.gazetteer import load_gazetteer
from kg.rdf.iris import actor_iri, fact_iri, place_iri
from kg.types import Actor, Commitment, DocumentFacts, LocalEntity, Place, Role, Statement

__all__ = ["Merger", "merge_documents"]

_WORD = re.compile(r"\w+")


@lru_cache(maxsize=65536)
def _tokens(text: str) -> frozenset[str]:
    # Cached: the merge compares each new fact with the earlier ones of the
    # same actor, so the same contents are tokenised again and again.
    return frozenset(_WORD.findall(text.lower()))


def _overlap(a: str, b: str) -> float:
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / min(len(ta), len(tb))


class Merger:
    """Accumulates :class:`DocumentFacts` one at a time; :meth:`graph` reduces them.

    Holding only the small per-document records (never spaCy Docs) keeps the
    memory of a build to the size of the graph itself.
    """

    def __init__(self, base_iri: str) -> None:
        self.base = base_iri
        self.entities: dict[str, LocalEntity] = {}
        self.kind_votes: dict[str, Counter] = defaultdict(Counter)
        self.commitments: list[Commitment] = []
        self.statements: list[Statement] = []
        self.documents = []
        self.sentences = 0
        self.words = 0

    def add(self, facts: DocumentFacts) -> None:
        self.documents.append(facts.document)
        self.sentences += facts.sentences
        self.words += facts.words
        for e in facts.entities:
            self.kind_votes[e.key][e.kind] += max(1, len(e.mentions))
            cur = self.entities.get(e.key)
            if cur is None:
                self.entities[e.key] = replace(e, aliases=list(e.aliases), mentions=list(e.mentions),
                                               roles=list(e.roles), affiliations=list(e.affiliations))
                continue
            if len(e.name.split()) > len(cur.name.split()) or (
                    len(e.name.split()) == len(cur.name.split()) and len(e.name) > len(cur.name)):
                cur.name = e.name
            cur.aliases.extend(a for a in e.aliases if a not in cur.aliases)
            cur.mentions.extend(e.mentions)
            cur.roles.extend(r for r in e.roles if not any(x.name == r.name and x.affiliation == r.affiliation for x in cur.roles))
            cur.affiliations.extend(a for a in e.affiliations if a not in cur.affiliations)
            cur.is_actor = cur.is_actor or e.is_actor
            cur.is_place = cur.is_place or e.is_place
            cur.wikidata = cur.wikidata or e.wikidata
            cur.country = cur.country or e.country
        self.commitments.extend(facts.commitments)
        self.statements.extend(facts.statements)

    # --- the reduce ----------------------------------------------------------
    def _surname_links(self) -> dict[str, str]:
        persons = [k for k, e in self.entities.items() if k.startswith("person:")]
        full = [k for k in persons if len(k.split(":", 1)[1].split()) > 1]
        links = {}
        for k in persons:
            name = k.split(":", 1)[1]
            if len(name.split()) == 1:
                fits = [f for f in full if f.split(":", 1)[1].split()[-1] == name]
                if len(fits) == 1:
                    links[k] = fits[0]
        return links

    def graph(self) -> KnowledgeGraph:
        links = self._surname_links()
        for src, dst in links.items():
            s, d = self.entities.pop(src), self.entities[dst]
            d.aliases.extend(a for a in s.aliases if a not in d.aliases)
            d.mentions.extend(s.mentions)
            d.roles.extend(r for r in s.roles if r not in d.roles)
            d.affiliations.extend(a for a in s.affiliations if a not in d.affiliations)
            d.is_actor = d.is_actor or s.is_actor
            self.kind_votes[dst] += self.kind_votes.pop(src)

        def canon(key: str | None) -> str | None:
            return links.get(key, key) if key else None

        # Facts make their participants actors ("we" -> the speaker's country).
        for c in self.commitments:
            for k in (c.actor, c.target, *c.partners, c.reported_by):
                k = canon(k)
                if k in self.entities:
                    self.entities[k].is_actor = True
        for s in self.statements:
            if canon(s.speaker) in self.entities:
                self.entities[canon(s.speaker)].is_actor = True

        iri_of: dict[str, str] = {}
        used: Counter = Counter()
        for key, e in self.entities.items():
            kind = self.kind_votes[key].most_common(1)[0][0] if self.kind_votes[key] else e.kind
            e.kind = "Country" if key.startswith("country:") else kind
            if e.kind == "Place" and e.is_actor:
                # A city or state that speaks or commits ("the state would
                # provide...") acts through its government: an organisation.
                e.kind = "Organization"
                e.is_place = True
            mint = actor_iri if e.is_actor and e.kind != "Place" else place_iri
            iri = mint(self.base, e.name)
            used[iri] += 1
            if used[iri] > 1:  # two entities, one name: keep both, distinctly
                iri = mint(self.base, f"{e.name} ({e.kind})") if used[iri] == 2 else mint(self.base, f"{e.name} {used[iri]}")
            iri_of[key] = iri

        def iri(key: str | None) -> str | None:
            return iri_of.get(canon(key)) if key else None

        lookup = load_gazetteer().lookup
        actors, places = [], []
        for key, e in self.entities.items():
            roles = [Role(r.name, r.text, iri(r.affiliation), r.evidence) for r in e.roles]
            mentions = sorted(set(e.mentions))
            if e.is_actor and e.kind != "Place":
                actors.append(Actor(iri_of[key], e.name, e.kind, aliases=list(e.aliases), roles=roles,
                                    mentions=mentions, affiliations=[x for x in map(iri, e.affiliations) if x],
                                    wikidata=e.wikidata))
            if e.is_place or e.kind == "Place":
                aliases = list(e.aliases)
                if e.kind == "Country":
                    # As a place, a country is named by its own names, not by
                    # its capital or demonym ("Tokyo" is a place of its own).
                    aliases = [a for a in aliases if lookup.get(a.removeprefix("the ").removeprefix("The "), "").startswith("country:")] or [e.name]
                places.append(Place(iri_of[key], e.name, "Country" if e.kind == "Country" else "Place",
                                    aliases=aliases, mentions=mentions, country=iri(e.country),
                                    wikidata=e.wikidata))
        commitments = self._merge_commitments(iri)
        statements = self._merge_statements(iri)
        g = KnowledgeGraph(actors, places, commitments, statements, self.documents, base_iri=self.base)
        g.stats.update(documents=len(self.documents), sentences=self.sentences, words=self.words)
        return g

    def _merge_commitments(self, iri) -> list[Commitment]:
        groups: dict[tuple, list[Commitment]] = defaultdict(list)
        out: list[Commitment] = []
        for c in self.commitments:
            actor = iri(c.actor)
            if actor is None:
                continue
            c = replace(c, actor=actor, target=iri(c.target), place=iri(c.place), reported_by=iri(c.reported_by),
                        partners=[p for p in map(iri, c.partners) if p], evidence=list(c.evidence))
            same = groups[(c.actor, c.kind, c.target)]
            twin = next((x for x in same if _overlap(x.content, c.content) >= 0.6
                         or any(e.document == f.document and e.start == f.start for e in x.evidence for f in c.evidence)), None)
            if twin is not None:
                twin.evidence.extend(e for e in c.evidence if e not in twin.evidence)
                twin.time, twin.date = twin.time or c.time, twin.date or c.date
                twin.place, twin.amount = twin.place or c.place, twin.amount or c.amount
                continue
            c.iri = fact_iri(self.base, "commitment", c.actor, c.kind, c.target or "", normalize_name(c.content))
            same.append(c)
            out.append(c)
        return out

    def _merge_statements(self, iri) -> list[Statement]:
        out: list[Statement] = []
        by_speaker: dict[str, list[Statement]] = defaultdict(list)
        for s in self.statements:
            speaker = iri(s.speaker)
            if speaker is None:
                continue
            s = replace(s, speaker=speaker, evidence=list(s.evidence))
            twin = next((x for x in by_speaker[speaker] if x.quote == s.quote and _overlap(x.content, s.content) >= 0.8), None)
            if twin is not None:
                twin.evidence.extend(e for e in s.evidence if e not in twin.evidence)
                continue
            s.iri = fact_iri(self.base, "statement", speaker, normalize_name(s.content))
            by_speaker[speaker].append(s)
            out.append(s)
        return out


def merge_documents(facts: Iterable[DocumentFacts], base_iri: str) -> KnowledgeGraph:
    """Reduce per-document facts to one :class:`KnowledgeGraph`."""
    m = Merger(base_iri)
    for f in facts:
        m.add(f)
    return m.graph()
