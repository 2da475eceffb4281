"""Which of a document's entities are actors in it.

A name in an article is not yet an actor of the story: "the Enron scandal",
"UK house prices", "Germany's Chancellor X" or "the death of X" mention an
organisation, a country or a person without it doing, saying, promising or
being asked anything.  Such an entity stays out of the actors of the
document (a country used as a location is still a place).  The rules:

- an entity a fact names (speaker, committer, target, partner, reporter) acts;
- a named person is in the story (the parser too often reads a name as a
  compound of the next word for its use to say much);
- an organisation acts when one of its mentions is used as a clause
  argument (``actor_dependencies`` of the lexicon: subject, object, agent,
  apposition, possessor, object of a preposition...), not only as a
  modifier of another noun ("the Acme scandal", "an Acme console");
- a country acts only when its name or a collective noun standing for it
  ("British troops") is the subject, agent or object of a clause: a
  possessive ("Germany's chancellor"), a modifier ("UK house prices") or a
  location ("in Japan") is no act of the state.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from kg.nlp.gazetteer import load_lexicon
from kg.resolve.unnamed import actor_nouns, governing
from kg.types import Commitment, LocalEntity, Statement

__all__ = ["participants", "acting_keys"]


def participants(commitments: Iterable[Commitment], statements: Iterable[Statement]) -> set[str]:
    """The entity keys that the facts of a document name."""
    keys: set[str] = set()
    for c in commitments:
        keys.update(k for k in (c.actor, c.target, c.reported_by, *c.partners) if k)
    keys.update(s.speaker for s in statements if s.speaker)
    return keys


def _through_org_noun(tok: Token, org_nouns: frozenset[str]) -> Token:
    """"the Deutsche Welle radio station reported": a name that modifies a noun
    saying what it is stands for that noun."""
    head = tok
    while head.dep_ == "compound" and head.head.i != head.i and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
        if head.lemma_.lower() in org_nouns:
            return head
    return tok


def _collective_head(tok: Token, collective: frozenset[str]) -> Token | None:
    """"troops" of "British and French troops": the people a demonym stands for."""
    tok = governing(tok)
    if tok.dep_ in ("amod", "compound", "nmod") and tok.head.lower_ in collective:
        return tok.head
    return None


def _argument(tok: Token, deps: frozenset[str], by_preps: frozenset[str]) -> bool:
    tok = governing(tok)
    if tok.dep_ in deps:
        return True
    # "was bought by Acme", "talks with Zenith": the agent and the partner of a clause.
    return (tok.dep_ == "pobj" and tok.head.lower_ in by_preps
            and tok.head.head.pos_ in ("VERB", "AUX", "NOUN"))


def _thing(tok: Token, things: frozenset[str]) -> bool:
    """"Passport, a log-in program", "Acme's new console": the name is a
    product, a law or a show, or owns one, not an actor doing something."""
    tok = governing(tok)
    near = [c for c in tok.children if c.dep_ == "appos"] + ([tok.head] if tok.dep_ in ("appos", "poss") else [])
    return any(n.lemma_.lower() in things for n in near)


def _audience(tok: Token) -> bool:
    """"said on Radio Nord": where the words were said, not who acts (the one
    told, "told Radio Nord", is an addressee and counts); "an analyst at Acme
    Bank", "a service at Acme Cathedral": where someone works or something
    happens."""
    tok = governing(tok)
    if tok.dep_ == "pobj" and tok.head.lower_ == "at":
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.head.head.lemma_ in ("tell", "say", "speak")


def _country_acts(tok: Token, deps: frozenset[str], by_preps: frozenset[str], addressee_verbs: frozenset[str]) -> bool:
    """A country's name or capital acts as the subject or agent of a verb that
    is not "be", or as the one asked ("urged Freedonia to")."""
    g = governing(tok)
    if g.dep_ in ("nsubj", "nsubjpass") and g.head.lemma_ == "be":
        return False  # "Freedonia is the largest market": a description
    if g.dep_ in ("dobj", "dative"):
        return g.head.lemma_ in addressee_verbs
    return _argument(tok, deps, by_preps)


def acting_keys(doc: Doc, token_key: dict[int, str], entities: dict[str, LocalEntity]) -> set[str]:
    """The keys of ``entities`` with a mention used as a clause argument (see
    module docs); countries by the stricter ``country_actor_dependencies``.

    ``token_key`` maps tokens to the entity they stand for, the heads of
    collective nouns included ("troops" of "British troops")."""
    lex = load_lexicon()
    deps = frozenset(lex["actor_dependencies"])
    country_deps = frozenset(lex["country_actor_dependencies"])
    by_preps = frozenset(lex["actor_prepositions"])
    org_nouns = lex["org_nouns"]
    collective = lex["collective_nouns_for_country"]
    things = lex["thing_nouns"]
    addressee_verbs = actor_nouns()["addressee_verbs"]
    titles = frozenset(w for t in lex["titles"] for w in t.split())
    out: set[str] = set()
    products: set[str] = set()
    for i, key in token_key.items():
        ent = entities.get(key)
        if ent is None or key in out:
            continue
        tok = doc[i]
        if ent.kind not in ("Country", "Person") and _thing(tok, things) \
                or ent.kind == "Person" and tok.dep_ != "poss" and _thing(tok, things):
            products.add(key)
        elif ent.kind == "Person":
            # A named person is in the story (the parser often misreads names as
            # compounds), unless the "name" only qualifies a title: "Lib Dem leader X".
            if not (tok.dep_ == "compound" and tok.head.lower_ in titles and tok.head.i not in token_key):
                out.add(key)
        elif ent.kind == "Country" and tok.pos_ != "NOUN":
            # The name or demonym itself; "the government", "British troops" act as any noun does.
            people = _collective_head(tok, collective)
            if _country_acts(tok, country_deps, by_preps, addressee_verbs) \
                    or people is not None and _argument(people, deps, by_preps):
                out.add(key)
        elif not _audience(tok) and _argument(_through_org_noun(tok, org_nouns), deps, by_preps):
            out.add(key)
    return out - products
