"""How two records of one real-world entity become one: the only such rule in kg.

The build's reduce folds the members of a node together with it
(:class:`kg.resolve.corpus.Merger`), joins a bare surname to its full name
with it, and :meth:`KnowledgeGraph.merge` joins the actors and places of two
loaded graphs with it.  It works on any record with ``aliases``, ``mentions``
and optionally ``roles``, ``affiliations``, ``wikidata``, ``country``,
``is_actor`` and ``is_place`` (:class:`~kg.types.LocalEntity`,
:class:`~kg.types.Actor`, :class:`~kg.types.Place`).

>>> from kg.types import Actor, Role
>>> a = Actor("urn:a", "Alia Noor", "Person", aliases=["Noor"], roles=[Role("minister", "Minister")])
>>> merge_entity(a, Actor("urn:a", "Alia Noor", "Person", aliases=["Noor", "Ms Noor"],
...                       roles=[Role("minister", "minister")], wikidata="Q1"))
>>> a.aliases, len(a.roles), a.wikidata
(['Noor', 'Ms Noor'], 1, 'Q1')
"""

from __future__ import annotations

__all__ = ["merge_entity"]


def merge_entity(dst, src) -> None:
    """Fold ``src`` into ``dst`` in place, ``dst`` first: names and affiliations
    in first-seen order, mentions all kept (the caller sorts and deduplicates
    them once, not at every fold), a role already held (same name and
    affiliation) keeping its first evidence, flags joined, and the first known
    Wikidata id and country kept."""
    dst.aliases.extend(a for a in src.aliases if a not in dst.aliases)
    dst.mentions.extend(src.mentions)
    if hasattr(dst, "roles"):
        held = {(r.name, r.affiliation) for r in dst.roles}
        for r in src.roles:
            if (r.name, r.affiliation) not in held:
                held.add((r.name, r.affiliation))
                dst.roles.append(r)
        dst.affiliations.extend(a for a in src.affiliations if a not in dst.affiliations)
    for flag in ("is_actor", "is_place"):
        if hasattr(dst, flag):
            setattr(dst, flag, getattr(dst, flag) or getattr(src, flag))
    dst.wikidata = dst.wikidata or src.wikidata
    if hasattr(dst, "country"):
        dst.country = dst.country or src.country
