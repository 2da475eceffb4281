"""Naming things: from what a reader types to the actor or place it means.

:func:`entity` is strict (one record or :class:`UnknownEntity`): it takes a
record, an IRI, a name or alias (through :meth:`KnowledgeGraph.find`) or a role
("the national security adviser", "the U.S. envoy").  :func:`search` is lenient:
a ranked list of near matches for a misspelt or partial name, with difflib
from the standard library doing the fuzzy part.

Examples
--------
>>> from kg.graph import KnowledgeGraph
>>> from kg.types import Actor, Role
>>> g = KnowledgeGraph(actors=[
...     Actor("urn:noor", "Alia Noor", "Person", aliases=["Noor"], roles=[Role("prime minister", "prime minister")]),
...     Actor("urn:sylvania", "Sylvania", "Country")])
>>> entity(g, "the prime minister").name
'Alia Noor'
>>> [r.name for r in search(g, "sylvana")]
['Sylvania']
>>> entity(g, "Freedonia")
Traceback (most recent call last):
...
kg.queries.lookup.UnknownEntity: no actor or place named 'Freedonia'
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from kg.errors import KgError
from kg.types import Actor, Place

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["UnknownEntity", "Ref", "entity", "by_role", "search"]

#: What a query accepts to name an actor or place.
Ref = str | Actor | Place


class UnknownEntity(KgError, LookupError):
    """A name, alias, role or IRI that names no actor or place of the graph, or several."""


def _norm(text: str) -> str:
    from kg.graph import normalize_name

    return normalize_name(text)


def entity(graph: KnowledgeGraph, ref: Ref) -> Actor | Place:
    """The one actor or place ``ref`` names; raises :class:`UnknownEntity`.

    Tried in turn: a record of the graph, an IRI, a name or alias, a role.
    """
    if isinstance(ref, Actor | Place):
        table = graph._actors if isinstance(ref, Actor) else graph._places
        if ref.iri not in table:
            raise UnknownEntity(f"{ref.name} ({ref.iri}) is not in this graph")
        return table[ref.iri]
    if not isinstance(ref, str):
        raise TypeError(f"name an actor or place with a str, an Actor or a Place, not {type(ref).__name__}")
    rec = graph._actors.get(ref) or graph._places.get(ref)
    if rec is not None:
        return rec
    rec = graph.find(ref)
    if rec is not None:
        return rec
    hits = [i for i in graph._name_index().get(_norm(ref), []) if i in graph._actors]
    if len(hits) > 1:
        names = ", ".join(sorted(graph._actors[i].name for i in hits))
        raise UnknownEntity(f"'{ref}' names several actors ({names}): use a full name or an IRI")
    holders = by_role(graph, ref)
    if len(holders) == 1:
        return holders[0]
    if holders:
        names = ", ".join(a.name for a in holders)
        raise UnknownEntity(f"'{ref}' is a role of several actors ({names}): use a name or an IRI")
    near = [r.name for r in search(graph, ref, limit=3)]
    hint = f"; did you mean: {', '.join(near)}?" if near else ""
    raise UnknownEntity(f"no actor or place named '{ref}'{hint}")


def _role_words(graph: KnowledgeGraph, actor: Actor) -> list[tuple[set[str], set[str]]]:
    # Each role as (its own words, the words of the countries or organisations
    # it is held in), so that "the U.S. envoy" finds the envoy of the United States.
    out = []
    for role in actor.roles:
        own = set(_norm(role.name).split()) | set(_norm(role.text).split())
        where: set[str] = set()
        for iri in {role.affiliation, *actor.affiliations} - {None}:
            rec = graph._actors.get(iri) or graph._places.get(iri)
            if rec is not None:
                for name in [rec.name, *rec.aliases]:
                    where |= set(_norm(name).split())
        out.append((own, where))
    return out


def by_role(graph: KnowledgeGraph, text: str) -> list[Actor]:
    """The actors holding the role ``text``, by name: an exact role name first,
    else every role that has all the words (affiliation words allowed).

    >>> from kg.graph import KnowledgeGraph
    >>> from kg.types import Role
    >>> g = KnowledgeGraph(actors=[Actor("urn:e", "Ed Ray", "Person", roles=[Role("special envoy", "special envoy")])])
    >>> [a.name for a in by_role(g, "the envoy")], by_role(g, "the minister")
    (['Ed Ray'], [])
    """
    query = _norm(text)
    words = set(query.split())
    if not words:
        return []
    exact, partial = [], []
    for actor in graph.actors():
        if any(query in (_norm(r.name), _norm(r.text)) for r in actor.roles):
            exact.append(actor)
        elif any(words & own and words <= own | where for own, where in _role_words(graph, actor)):
            partial.append(actor)
    return exact or partial


def _similarity(query: str, name: str) -> float:
    if not query or not name:
        return 0.0
    if query == name:
        return 1.0
    whole = SequenceMatcher(None, query, name).ratio()
    q, n = query.split(), name.split()
    # A part of the name typed right ("zelensky" for "volodymyr zelenskyy")
    # should not be punished for the words left out.
    per_word = sum(max(SequenceMatcher(None, w, x).ratio() for x in n) for w in q) / len(q)
    contained = 0.9 if f" {query} " in f" {name} " else 0.0
    return max(whole, 0.95 * per_word, contained)


def search(graph: KnowledgeGraph, text: str, limit: int | None = 10, cutoff: float = 0.7) -> list[Actor | Place]:
    """Actors and places whose name, alias or role is like ``text``, best first.

    Scores are difflib ratios on folded names (a whole-name match, or the
    typed words matched word by word); ties go to the more mentioned record.
    A country that is also a place is listed once, as an actor.
    """
    query = _norm(text)
    scored: list[tuple[float, int, str, Actor | Place]] = []
    records: list[Actor | Place] = [*graph.actors(), *(p for p in graph.places() if p.iri not in graph._actors)]
    for rec in records:
        names = {_norm(n) for n in [rec.name, *rec.aliases]}
        score = max((_similarity(query, n) for n in names), default=0.0)
        if isinstance(rec, Actor):
            roles = {_norm(r.name) for r in rec.roles}
            score = max([score, *(0.9 * _similarity(query, r) for r in roles)])
        if score >= cutoff:
            scored.append((-score, -len(rec.mentions), rec.name.lower(), rec))
    scored.sort(key=lambda t: t[:3])
    out = [t[3] for t in scored]
    return out if limit is None else out[:limit]
