"""The *reduce* of the build: per-document facts -> one knowledge graph.

One node per real-world entity, across the corpus:

- **Countries, places and gazetteer organisations** keep their key
  (``country:UA``, ``place:kyiv``, ``org:nato``).
- **A person, organisation or group is its name**, whatever type one article
  gave it: a club read as a person in one article and as an organisation in
  another is one node, typed by the vote of all its mentions (NER labels,
  weighted by mentions, plus titles and honorifics for a person).  A one-word
  name that is also a person's surname ("Lord Sainsbury" beside the
  supermarket) keeps its honorific-marked mentions apart, as a person.
- **Other names** of a party or organisation (``kg/data/parties.json`` short
  names, ``kg/data/alternates.json``) and award names join its node; these only
  join nodes the NER already made, they make no new actor.  Awards are
  organisations, never people; fictional characters are no actors.
- **A bare surname** joins a full name from another document only when exactly
  one full name ends with it and nothing speaks against it: an honorific the
  full name does not carry ("Mrs Howard" is not Michael Howard), or, without
  one, a place or club of that name, a given name, a full name seen in fewer
  articles (see :func:`_surname_links`).  A wrong merge is worse than a missed one.

Facts are re-keyed to IRIs, and the same fact read in several articles
(same actor, kind and target, overlapping content) becomes one fact with
several pieces of evidence.

The merge is order-preserving and deterministic: the same documents give the
same graph, byte for byte once serialised.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from kg.graph import KnowledgeGraph, family_name, normalize_name
from kg.nlp.gazetteer import load_alternates, load_gazetteer
from kg.ids import actor_iri, fact_iri, place_iri
from kg.resolve.duplicates import NearDuplicates
from kg.resolve.merging import merge_entity
from kg.resolve.records import RecordFile
from kg.types import Actor, Commitment, Document, DocumentFacts, Evidence, LocalEntity, Mention, Place, Role, Statement

__all__ = ["Merger", "merge_documents", "identity"]

_NAMED = ("person", "org", "group")  # key prefixes of entities that are their name
_KIND_ORDER = ("Person", "Organization", "Group", "Place", "Country")  # ties go to the first
# Honorifics by the person they denote: "Mrs", "Ms" and "Miss" are styles of
# one woman, "Lord" is not "Mr" (Lord Armstrong is not Mr Armstrong).
_HONORIFICS = {"Mr": "Mr", "Mister": "Mr", "Mrs": "Ms", "Ms": "Ms", "Miss": "Ms", "Sir": "Sir", "Lord": "Lord",
               "Dame": "Dame", "Lady": "Lady", "Baroness": "Lady"}
_HONORIFIC = re.compile(r"(?<!\w)(" + "|".join(sorted(_HONORIFICS)) + r")\.?\s+$")
_PARTICLES = {"de", "da", "di", "del", "der", "van", "von", "la", "le", "du", "dos", "bin", "al", "ben", "y"}
_TITLE_VOTE = 3  # a title, apposition or honorific is worth three NER labels (as in kg.resolve.local)


# --- what the data says about names ------------------------------------------


@dataclass(frozen=True)
class _Known:
    forms: dict[str, str]  # normalised name -> node identity
    exact: dict[str, str]  # abbreviation, as written ("BA") -> node identity
    names: dict[str, str]  # node identity -> display name
    wikidata: dict[str, str]
    fixed: frozenset[str]  # identities whose type is Organization, whatever the votes
    characters: frozenset[str]  # identities of fictional characters


def _is_abbreviation(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


@lru_cache(maxsize=1)
def _known() -> _Known:
    gaz, alt = load_gazetteer(), load_alternates()
    forms: dict[str, str] = {}
    exact: dict[str, str] = {}
    names: dict[str, str] = {}
    wikidata: dict[str, str] = {}
    fixed: set[str] = set()
    for key, g in gaz.entries.items():
        if g.kind != "Organization":
            continue
        names[key] = g.name
        fixed.add(key)
        if g.wikidata:
            wikidata[key] = g.wikidata
        # Abbreviations are left to the ruler's case-sensitive look-up: folded,
        # "WHO" would be the band The Who.
        for n in (*g.names, *g.short_names):
            if not _is_abbreviation(n):
                forms.setdefault(normalize_name(n), key)
    for section in ("organizations", "awards", "characters"):
        for o in alt.get(section, []):
            key = f"name:{normalize_name(o['name'])}"
            names[key] = o["name"]
            if section != "characters":
                fixed.add(key)
            for n in (o["name"], *o["names"]):
                forms.setdefault(normalize_name(n), key)
            for a in o.get("abbreviations", []):
                exact.setdefault(a, key)
    characters = frozenset(f"name:{normalize_name(c['name'])}" for c in alt.get("characters", []))
    return _Known(forms, exact, names, wikidata, frozenset(fixed), characters)


def identity(e: LocalEntity) -> str:
    """The corpus identity of a local entity: its key for countries, places
    and gazetteer organisations; else its (normalised) name, or the name of
    the entity the data says it is another name of ("Tories" -> the
    Conservative Party)."""
    prefix, _, name = e.key.partition(":")
    if prefix not in _NAMED or load_gazetteer().get(e.key) is not None:
        return e.key
    known = _known()
    return known.exact.get(e.name) or known.forms.get(name) or f"name:{name}"


def _key_identity(key: str) -> str:
    """The identity of a key no entity of its document carries (a fact's stray reference)."""
    prefix, _, name = key.partition(":")
    if prefix not in _NAMED or load_gazetteer().get(key) is not None:
        return key
    return _known().forms.get(name) or f"name:{name}"


# --- honorifics -------------------------------------------------------------


def _honorific(text: str, m: Mention) -> str | None:
    """The honorific before (or at the start of) a mention, as its class ("Mr", "Ms", "Lord"...)."""
    first = m.text.split(maxsplit=1)
    word = first[0].rstrip(".") if len(first) == 2 else None
    if word not in _HONORIFICS:
        match = _HONORIFIC.search(text[max(0, m.start - 12):m.start])
        word = match.group(1) if match else None
    return _HONORIFICS.get(word) if word else None


def _honorifics_in(text: str, e: LocalEntity) -> Counter:
    """The honorifics of an entity's mentions in its document's ``text``."""
    return Counter(h for m in e.mentions if (h := _honorific(text, m)))


Member = tuple[str, LocalEntity, Counter]  # document id, local entity, its honorifics there


def _honorifics(members: list[Member]) -> Counter:
    out: Counter = Counter()
    for _, _, h in members:
        out.update(h)
    return out


def _vote(members: list[Member], honorifics: int) -> str:
    """The type of a node: its members' types weighted by mentions, a person's
    titles and honorifics counting as much as three NER labels."""
    score: Counter = Counter()
    for _, e, _ in members:
        score[e.kind] += max(1, len(e.mentions))
        if e.kind == "Person":
            score["Person"] += _TITLE_VOTE * len(e.roles)
    if honorifics:
        score["Person"] += _TITLE_VOTE * honorifics
    order = {k: i for i, k in enumerate(_KIND_ORDER)}
    return max(score, key=lambda k: (score[k], -order.get(k, len(order))))


def _better_name(a: str, b: str) -> bool:
    """Is ``a`` a fuller name than ``b`` (more words, then more letters)?"""
    return (len(a.split()), len(a)) > (len(b.split()), len(b))


def _proper(name: str) -> bool:
    """Written as a person's name: capitalised words ("Ana de la Cruz", "O'Neill"),
    not a description ("spokesman for Acme") nor an abbreviation ("GB")."""
    words = name.split()
    return all(w[:1].isupper() or w in _PARTICLES for w in words) and words[-1][:1].isupper() \
        and not any(w.isupper() and len(w) > 1 for w in words)


def _docs(n: LocalEntity) -> int:
    return len({m.document for m in n.mentions})


def _surname_links(nodes: dict[str, LocalEntity], honorifics: dict[str, Counter]) -> dict[str, str]:
    """A one-word person joins the one multi-word person whose name ends with
    it, and only when nothing speaks against it (a wrong merge is worse than a
    missed one).  With an honorific, the full name's mentions must carry the
    same one ("Mrs Howard" is not Michael Howard, Lord Armstrong not Mr
    Armstrong), and a surname given two ("Mr and Mrs Howard") joins nobody.
    Without one, the word must name nothing else (a place, a club, a band) nor
    begin another person's name (a given name: "Ray", "William"), and the full
    name must stand in as many articles as the surname and carry a title
    ("Prime Minister Anders Holm") or stand in two articles: one passing
    "Raquel Welch" does not make every "Welch" her."""
    known = _known()
    by_last, given, others = _name_index(nodes, known.characters)
    taken = others | given  # names a bare surname must not also be
    links = {}
    for ident, n in nodes.items():
        full = _surname_candidate(ident, n, by_last, known)
        if full is not None and _may_join(n, nodes[full], honorifics[ident], honorifics[full], taken):
            links[ident] = full
    return links


def _name_index(nodes: dict[str, LocalEntity], characters: frozenset[str]
                ) -> tuple[dict[str, list[str]], set[str], set[str]]:
    """Multi-word people (and characters) by family name, their given names,
    and the names of everything that is no person."""
    by_last: dict[str, list[str]] = defaultdict(list)
    given: set[str] = set()
    others: set[str] = set()
    for ident, n in nodes.items():
        words = normalize_name(n.name).split()
        if n.kind != "Person" and ident not in characters:
            others.add(normalize_name(n.name))
        elif len(words) > 1 and _proper(n.name):
            # Characters are candidates too, so that "Potter" is not given to the one real Potter.
            by_last[family_name(" ".join(words))].append(ident)
            given.add(words[0])
    return by_last, given, others


def _surname_candidate(ident: str, n: LocalEntity, by_last: dict[str, list[str]], known: _Known) -> str | None:
    """The one real full name a one-word person's name ends, if it is a bare surname at all."""
    word = normalize_name(n.name)
    if n.kind != "Person" or " " in word or not _proper(n.name) or ident in known.fixed | known.characters:
        return None
    fits = by_last.get(word, [])
    if len(fits) != 1 or fits[0] in known.characters:
        return None
    return fits[0]


def _may_join(n: LocalEntity, full: LocalEntity, mine: Counter, theirs: Counter, taken: set[str]) -> bool:
    """Does nothing speak against the surname ``n`` joining ``full``?  (See :func:`_surname_links`.)"""
    if mine:
        return len(mine) == 1 and bool(theirs) and max(theirs, key=theirs.get) in mine
    return normalize_name(n.name) not in taken and _docs(full) >= _docs(n) and (_docs(full) > 1 or bool(full.roles))


class Merger:
    """Accumulates :class:`DocumentFacts` one at a time; :meth:`graph` reduces them.

    In memory it keeps the entity table (every document's local entities by
    corpus identity, with their honorifics) and the documents; the records
    themselves go to a :class:`~kg.resolve.records.RecordFile` on disk, from
    which :meth:`graph` streams the facts and a merge replays the build.
    """

    def __init__(self, base_iri: str) -> None:
        self.base = base_iri
        # identity -> (document id, local entity, its honorifics) of every document, in order
        self.members: dict[str, list[Member]] = defaultdict(list)
        self.where: dict[tuple[str, str], str] = {}  # (document id, local key) -> identity
        self.records = RecordFile()
        self.documents: list[Document] = []
        self.sentences = 0
        self.words = 0

    def add(self, facts: DocumentFacts) -> None:
        doc = facts.document.id
        self.documents.append(facts.document)
        self.sentences += facts.sentences
        self.words += facts.words
        text = facts.document.text
        for e in facts.entities:
            ident = identity(e)
            self.members[ident].append((doc, e, _honorifics_in(text, e)))
            self.where[(doc, e.key)] = ident
        self.records.append(facts)

    def _ident(self, doc: str, key: str | None) -> str | None:
        if not key:
            return None
        return self.where.get((doc, key)) or _key_identity(key)

    # --- the reduce ----------------------------------------------------------
    def _nodes(self) -> dict[str, tuple[LocalEntity, list[Member]]]:
        """One merged entity per identity, typed by the corpus vote, with its
        members; its keys (affiliations, roles, country) rewritten to identities."""
        known = _known()
        nodes: dict[str, tuple[LocalEntity, list[Member]]] = {}
        for ident, members in self.members.items():
            groups = [(ident, members)]
            if ident.startswith("name:") and ident not in known.fixed and " " not in ident:
                groups = self._split_marked(ident, members)
            for gid, ms in groups:
                nodes[gid] = (self._node(gid, ms), ms)
        return nodes

    def _split_marked(self, ident: str, members: list[Member]) -> list[tuple[str, list[Member]]]:
        """A one-word name whose person mentions carry an honorific ("Lord
        Sainsbury", "Mr Ford") and whose other mentions vote otherwise (the
        supermarket, the carmaker) is two nodes: the person and the rest."""
        marked = [e.kind == "Person" and bool(h) for _, e, h in members]
        rest = [m for m, is_marked in zip(members, marked) if not is_marked]
        if not any(marked) or not rest or _vote(rest, sum(_honorifics(rest).values())) == "Person":
            return [(ident, members)]
        person = "person:" + ident.split(":", 1)[1]
        people = [m for m, is_marked in zip(members, marked) if is_marked]
        for d, e, _ in people:
            self.where[(d, e.key)] = person
        return [(ident, rest), (person, people)]

    def _node(self, ident: str, members: list[Member]) -> LocalEntity:
        known = _known()
        node: LocalEntity | None = None
        for doc, e, _ in members:
            e = replace(e, aliases=list(e.aliases), mentions=list(e.mentions),
                        roles=[replace(r, affiliation=self._ident(doc, r.affiliation)) for r in e.roles],
                        affiliations=[a for a in (self._ident(doc, x) for x in e.affiliations) if a],
                        country=self._ident(doc, e.country))
            if node is None:
                node = replace(e, key=ident)
                continue
            if _better_name(e.name, node.name):
                node.name = e.name
            merge_entity(node, e)
        assert node is not None
        node.name = known.names.get(ident, node.name)
        node.wikidata = node.wikidata or known.wikidata.get(ident)
        if ident.startswith("country:"):
            node.kind = "Country"
        elif ident in known.fixed:
            node.kind = "Organization"  # parties, awards, organisations: never a person
        else:
            node.kind = _vote(members, sum(_honorifics(members).values()))
        if ident in known.characters:
            node.is_actor = False  # a fictional character acts in no news
        return node

    def graph(self) -> KnowledgeGraph:
        """Reduce the documents added so far to one graph.

        The entity table is resolved first; the facts are then read back from
        the records on disk twice: once to mark who takes part in them (an
        actor is minted unlike a place), once to rewrite them to IRIs and pool
        their evidence, commitments and statements in the same pass.
        """
        nodes, links = self._linked_nodes()

        def canon(ident: str | None) -> str | None:
            return links.get(ident, ident) if ident else None

        for n in nodes.values():
            _canon_node(n, canon)
        characters = _known().characters
        _mark_participants(nodes, self._facts(canon), characters)
        _govern_acting_places(nodes)
        iri_of = self._mint_iris(nodes)

        def iri(key: str | None) -> str | None:
            # A fictional character is no node: facts by or about it are dropped.
            return iri_of.get(key) if key and key not in characters else None

        actors, places = _actors_and_places(nodes, iri_of, iri)
        add_commitment, commitments = self._commitment_pool(iri)
        add_statement, statements = self._statement_pool(iri)
        for f in self._facts(canon):
            (add_commitment if isinstance(f, Commitment) else add_statement)(f)
        g = KnowledgeGraph(actors, places, commitments, statements, self.documents, base_iri=self.base)
        g.stats.update(documents=len(self.documents), sentences=self.sentences, words=self.words)
        return g

    def _facts(self, canon: _Rewrite) -> Iterator[Commitment | Statement]:
        """Every fact of the records, in document order, its references rewritten to node identities."""
        for facts in self.records:
            doc = facts.document.id
            for c in facts.commitments:
                yield self._canon_commitment(doc, c, canon)
            for st in facts.statements:
                yield replace(st, speaker=canon(self._ident(doc, st.speaker)))

    def _linked_nodes(self) -> tuple[dict[str, LocalEntity], dict[str, str]]:
        """The merged nodes with bare surnames joined to their full names, and those links."""
        merged = self._nodes()
        nodes = {ident: node for ident, (node, _) in merged.items()}
        honorifics = {ident: _honorifics(members) for ident, (_, members) in merged.items()}
        links = _surname_links(nodes, honorifics)
        for src, dst in links.items():
            merge_entity(nodes[dst], nodes.pop(src))
        return nodes, links

    def _canon_commitment(self, doc: str, c: Commitment, canon: _Rewrite) -> Commitment:
        """A commitment of document ``doc`` with its references rewritten to node identities."""
        def ident(key: str | None) -> str | None:
            return canon(self._ident(doc, key))

        return replace(c, actor=ident(c.actor), target=ident(c.target), place=ident(c.place),
                       reported_by=ident(c.reported_by), partners=[p for p in map(ident, c.partners) if p])

    def _mint_iris(self, nodes: dict[str, LocalEntity]) -> dict[str, str]:
        """An IRI per node: actors and places by name, a second node of one
        name by its type, a third and more by number."""
        iri_of: dict[str, str] = {}
        used: Counter = Counter()
        for key, e in nodes.items():
            mint = actor_iri if e.is_actor and e.kind != "Place" else place_iri
            iri = mint(self.base, e.name)
            used[iri] += 1
            if used[iri] > 1:  # two entities, one name: keep both, distinctly
                iri = mint(self.base, f"{e.name} ({e.kind})") if used[iri] == 2 else mint(self.base, f"{e.name} {used[iri]}")
            iri_of[key] = iri
        return iri_of

    def _commitment_pool(self, iri) -> tuple[Callable[[Commitment], None], list[Commitment]]:
        """``add(c)`` and the list it fills: one commitment per undertaking, the
        same actor, kind and target and most of the words ("grow" is not "the
        market would continue to grow"), or the same sentence, evidence pooled."""
        groups: dict[tuple, NearDuplicates[Commitment]] = defaultdict(lambda: NearDuplicates(0.6, least=3))
        seen: dict[int, set[Evidence]] = {}
        out: list[Commitment] = []

        def add(c: Commitment) -> None:
            actor = iri(c.actor)
            if actor is None:
                return
            c = replace(c, actor=actor, target=iri(c.target), place=iri(c.place), reported_by=iri(c.reported_by),
                        partners=[p for p in map(iri, c.partners) if p], evidence=list(c.evidence))
            same = groups[(c.actor, c.kind, c.target)]
            where = tuple((e.document, e.start) for e in c.evidence)
            twin = same.find(c.content, keys=where)
            if twin is not None:
                _extend_evidence(twin, c.evidence, seen)
                twin.time, twin.date = twin.time or c.time, twin.date or c.date
                twin.place, twin.amount = twin.place or c.place, twin.amount or c.amount
                same.add_keys(twin, where)
                return
            c.iri = fact_iri(self.base, "commitment", c.actor, c.kind, c.target or "", normalize_name(c.content))
            same.add(c.content, c, keys=where)
            out.append(c)

        return add, out

    def _statement_pool(self, iri) -> tuple[Callable[[Statement], None], list[Statement]]:
        """``add(s)`` and the list it fills: one thing said per speaker, quoted
        or not alike, most of the words, evidence pooled."""
        by_speaker: dict[tuple[str, bool], NearDuplicates[Statement]] = defaultdict(lambda: NearDuplicates(0.8))
        seen: dict[int, set[Evidence]] = {}
        out: list[Statement] = []

        def add(s: Statement) -> None:
            speaker = iri(s.speaker)
            if speaker is None:
                return
            s = replace(s, speaker=speaker, evidence=list(s.evidence))
            said = by_speaker[(speaker, s.quote)]
            twin = said.find(s.content)
            if twin is not None:
                _extend_evidence(twin, s.evidence, seen)
                return
            s.iri = fact_iri(self.base, "statement", speaker, normalize_name(s.content))
            said.add(s.content, s)
            out.append(s)

        return add, out


def _extend_evidence(fact: Commitment | Statement, evidence: list[Evidence], seen: dict[int, set[Evidence]]) -> None:
    """Add to ``fact`` the pieces of ``evidence`` it lacks (``seen``: what each fact has, by id)."""
    have = seen.get(id(fact))
    if have is None:
        have = seen[id(fact)] = set(fact.evidence)
    for e in evidence:
        if e not in have:
            have.add(e)
            fact.evidence.append(e)


_Rewrite = Callable[[str | None], str | None]  # a reference (identity or key) -> its final form


def _canon_node(n: LocalEntity, canon: _Rewrite) -> None:
    """Rewrite a node's references (roles, affiliations, country) to final identities."""
    n.roles = [replace(r, affiliation=canon(r.affiliation)) for r in n.roles]
    n.affiliations = list(dict.fromkeys(a for a in map(canon, n.affiliations) if a and a != n.key))
    n.country = canon(n.country)


def _mark_participants(nodes: dict[str, LocalEntity], facts: Iterable[Commitment | Statement],
                       characters: frozenset[str]) -> None:
    """Facts make their participants actors ("we" -> the speaker's country)."""
    for f in facts:
        keys = (f.actor, f.target, *f.partners, f.reported_by) if isinstance(f, Commitment) else (f.speaker,)
        for k in keys:
            if k in nodes and k not in characters:
                nodes[k].is_actor = True


def _govern_acting_places(nodes: dict[str, LocalEntity]) -> None:
    """A city or state that speaks or commits ("the state would provide...")
    acts through its government: an organisation, still a place."""
    for e in nodes.values():
        if e.kind == "Place" and e.is_actor:
            e.kind = "Organization"
            e.is_place = True


def _actors_and_places(nodes: dict[str, LocalEntity], iri_of: dict[str, str], iri: _Rewrite
                       ) -> tuple[list[Actor], list[Place]]:
    """The graph's nodes: an actor per acting node, a place per place (a country can be both)."""
    lookup = load_gazetteer().lookup
    actors, places = [], []
    for key, e in nodes.items():
        mentions = sorted(set(e.mentions))  # one list, shared by a node's actor and place
        if e.is_actor and e.kind != "Place":
            actors.append(_actor(e, iri_of[key], mentions, iri))
        if e.is_place or e.kind == "Place":
            places.append(Place(iri_of[key], e.name, "Country" if e.kind == "Country" else "Place",
                                aliases=_place_aliases(e, lookup), mentions=mentions, country=iri(e.country),
                                wikidata=e.wikidata))
    return actors, places


def _actor(e: LocalEntity, node_iri: str, mentions: list[Mention], iri: _Rewrite) -> Actor:
    """The actor of a node, its references as IRIs."""
    roles = [Role(r.name, r.text, iri(r.affiliation), r.evidence) for r in e.roles]
    return Actor(node_iri, e.name, e.kind, aliases=list(e.aliases), roles=roles, mentions=mentions,
                 affiliations=[x for x in map(iri, e.affiliations) if x], wikidata=e.wikidata)


def _place_aliases(e: LocalEntity, lookup: dict[str, str]) -> list[str]:
    """A place's names; a country's are its own names only, not its capital
    or demonym ("Tokyo" is a place of its own)."""
    aliases = list(e.aliases)
    if e.kind != "Country":
        return aliases
    return [a for a in aliases if lookup.get(a.removeprefix("the ").removeprefix("The "), "").startswith("country:")] \
        or [e.name]


def merge_documents(facts: Iterable[DocumentFacts], base_iri: str) -> KnowledgeGraph:
    """Reduce per-document facts to one :class:`KnowledgeGraph`."""
    m = Merger(base_iri)
    for f in facts:
        m.add(f)
    return m.graph()
