"""Naming things: from what a reader types to the actor or place it means.

:func:`entity` is strict (one record or :class:`UnknownEntity`): it takes a
record, an IRI, a name (through :func:`candidates`, as
:meth:`KnowledgeGraph.find`) or a role ("the national security adviser", "the
U.S. envoy").  :func:`search` is lenient: a ranked list of near matches for a
misspelt or partial name, with difflib from the standard library doing the
fuzzy part.

A name is matched at the first of three levels that has any match, all on
folded names (:func:`kg.graph.normalize_name`: any case, no leading "the"):

1. an actor's name or alias;
2. a place's name or alias (actors before places);
3. a short form: a person's surname (:func:`surnames`) or an organisation's
   short name (:func:`short_names`).

One record at that level is the answer; several are ambiguous (``find`` gives
None, ``entity`` raises and lists them), and a lower level is not tried: a
full name always beats a short form, and "Washington" the place beats George
Washington's surname.

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

import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from kg.errors import KgError
from kg.types import Actor, Place

if TYPE_CHECKING:
    from kg.graph import KnowledgeGraph

__all__ = ["UnknownEntity", "Ref", "entity", "candidates", "surnames", "short_names", "by_role", "search"]

#: What a query accepts to name an actor or place.
Ref = str | Actor | Place


class UnknownEntity(KgError, LookupError):
    """A name, alias, role or IRI that names no actor or place of the graph, or several.

    ``candidates`` holds the records an ambiguous name fits (empty when it fits none).
    """

    def __init__(self, message: str, candidates: Sequence[Actor | Place] = ()) -> None:
        super().__init__(message)
        self.candidates = list(candidates)


def _norm(text: str) -> str:
    from kg.graph import normalize_name

    return normalize_name(text)


def _one_line(text: str) -> str:
    # Names read from text can hold line breaks ("Arsenal\n\n"); a message keeps to one line.
    return " ".join(text.split())


#: How many candidates an "is ambiguous" message lists before "and N more".
LISTED = 8


def _ambiguous(ref: str, records: list[Actor] | list[Actor | Place]) -> UnknownEntity:
    names = ", ".join(f"{_one_line(r.name)} ({r.type})" for r in records[:LISTED])
    more = f" and {len(records) - LISTED} more" if len(records) > LISTED else ""
    return UnknownEntity(f"'{_one_line(ref)}' is ambiguous: {names}{more}", records)


def entity(graph: KnowledgeGraph, ref: Ref) -> Actor | Place:
    """The one actor or place ``ref`` names; raises :class:`UnknownEntity`.

    Tried in turn: a record of the graph, an IRI, a name (:func:`candidates`),
    a role.  A name or role that fits several records raises at once, with
    the candidates on one line:

    >>> from kg.graph import KnowledgeGraph
    >>> g = KnowledgeGraph(actors=[Actor("urn:t", "Tomas Vell", "Person"), Actor("urn:r", "Rina Vell", "Person")])
    >>> entity(g, "vell")
    Traceback (most recent call last):
    ...
    kg.queries.lookup.UnknownEntity: 'vell' is ambiguous: Rina Vell (Person), Tomas Vell (Person)
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
    hits = candidates(graph, ref)
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise _ambiguous(ref, hits)
    holders = by_role(graph, ref)
    if len(holders) == 1:
        return holders[0]
    if holders:
        raise _ambiguous(ref, holders)
    near = [r.name for r in search(graph, ref, limit=3)]
    hint = f"; did you mean: {', '.join(near)}?" if near else ""
    raise UnknownEntity(f"no actor or place named '{ref}'{hint}")


def candidates(graph: KnowledgeGraph, name: str) -> list[Actor | Place]:
    """The records ``name`` fits at the first level with any fit (see the
    module's docstring), by name; one is an answer, several are ambiguous.

    >>> from kg.graph import KnowledgeGraph
    >>> g = KnowledgeGraph(actors=[Actor("urn:o", "Osric Dane", "Person"), Actor("urn:d", "Dane", "Group")])
    >>> [str(r) for r in candidates(g, "Dane")], [str(r) for r in candidates(g, "the osric dane")]
    (['Dane (Group)'], ['Osric Dane (Person)'])
    """
    key = _norm(name)
    exact = graph._name_index().get(key, [])
    found: list[Actor | Place] = [graph._actors[i] for i in exact if i in graph._actors]
    if not found:
        found = [graph._places[i] for i in exact if i in graph._places]
    if not found:
        found = [graph._actors[i] for i in graph._short_index().get(_short_key(key), [])]
    return sorted(found, key=lambda r: (r.name.lower(), r.type, r.iri))


# --- short forms -------------------------------------------------------------

#: Last words that say what kind of company a name is, not which one (compared
#: without dots, so "Inc." is "inc").
LEGAL_SUFFIXES = frozenset({"inc", "incorporated", "corp", "co", "ltd", "limited", "plc", "llc", "llp", "lp",
                            "ag", "sa", "nv", "bv", "gmbh", "spa", "pty"})
_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})
_THE = re.compile(r"^the\s+", re.I)


def _short_key(folded: str) -> str:
    # Short forms are compared without dots: "U.N.", "UN" and the initials "un" are one key.
    return " ".join(folded.replace(".", "").split())


def _words(name: str) -> list[tuple[str, bool]]:
    # The folded words of a name, "the" left off, each with whether it is
    # written capitalised: a proper name's own words are ("Bank of England"),
    # a description's are not ("the chancellor"), and only they give short forms.
    out = []
    for word in _THE.sub("", name.strip()).split():
        folded = _norm(word)
        if folded:
            out.append((folded, word[:1].isupper() or word[:1].isdigit()))
    return out


def surnames(person: Actor) -> set[str]:
    """The surnames a person can be called by: the last word of their name
    and of each alias, when it is written capitalised (a "Jr." or "III" after
    it is passed over), so "the governor" gives none.

    >>> sorted(surnames(Actor("urn:k", "Ada Kane Jr.", "Person", aliases=["Mrs Kane", "the governor", "Ada Quist"])))
    ['kane', 'quist']
    """
    out = set()
    for name in [person.name, *person.aliases]:
        words = _words(name)
        if words and _short_key(words[-1][0]) in _GENERATIONS:
            words = words[:-1]
        if words and words[-1][1]:
            out.add(_short_key(words[-1][0]))
    return out


def short_names(org: Actor) -> set[str]:
    """The short names an organisation can be called by, from its name and
    each alias (capitalised words only, "the" left off): the name without a
    legal suffix ("Inc.", "plc", "Ltd"...), and of a name of two words or more
    its first word and its initials (of the capitalised words).

    The last word is not one: it mostly says what kind of body it is
    ("Party", "Club", "Council"), not which.

    >>> sorted(short_names(Actor("urn:m", "Morrow Tide Holdings plc", "Organization", aliases=["the holdings"])))
    ['morrow', 'morrow tide holdings', 'mth']
    >>> sorted(short_names(Actor("urn:l", "League of Free Ports", "Organization")))
    ['league', 'lfp']
    """
    out = set()
    for name in [org.name, *org.aliases]:
        words = _words(name)
        if len(words) > 1 and _short_key(words[-1][0]) in LEGAL_SUFFIXES:
            words = words[:-1]
            out.add(_short_key(" ".join(w for w, _ in words)))
        if len(words) > 1 and words[0][1]:
            out.add(_short_key(words[0][0]))
        initials = "".join(w[0] for w, capital in words if capital)
        if len(initials) > 1:
            out.add(initials)
    return out


def short_index(actors: Iterable[Actor]) -> dict[str, list[str]]:
    """Surnames of people and short names of organisations -> the IRIs of the actors they fit."""
    index: dict[str, list[str]] = {}
    for actor in actors:
        if actor.type == "Person":
            keys = surnames(actor)
        elif actor.type == "Organization":
            keys = short_names(actor)
        else:  # countries have their short names as aliases (the gazetteer's); groups are not named for short
            continue
        for key in sorted(keys):
            index.setdefault(key, []).append(actor.iri)
    return index


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
