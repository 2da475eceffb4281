"""Actors that are not named entities: "analysts", "a Treasury spokesman",
"opposition MPs", "the junta", and documents that speak for their issuer.

News is full of them, and they speak and commit.  A common noun phrase is an
actor when

- its head is a people, group or institution noun of ``kg/data/actor_nouns.json``
  (or, as the subject of a speech verb, a plural agentive noun such as
  "bookmakers");
- it stands where actors stand: subject or agent of a verb, addressee of a
  verb of asking or telling ("urged farmers to..."), the other side of talks
  ("talks with unions"), or the source of "according to";
- no name already covers it (the resolver treats "Acme officials" and
  "British troops" with the named entity).

Its type follows the head: a plural or collective noun is a ``Group``, an
institution noun an ``Organization``, a singular person noun with an
indefinite article ("a spokesman", "one pupil") a ``Person``.  A document
("the report", "a study by X") stands for the issuer it names.

This module only finds the phrases (:func:`find_unnamed`); the resolver
attaches them and links their later mentions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Token

from kg.extract.clauses import in_quote
from kg.extract.mentions import pos_indices
from kg.nlp.gazetteer import cue_verbs, load_lexicon

__all__ = ["UnnamedMention", "actor_nouns", "find_unnamed", "governing", "modifiers"]


@dataclass(frozen=True)
class UnnamedMention:
    """One common-noun phrase that names an actor."""

    start: int  # token span of the phrase, leading "the" excluded
    end: int
    head: int  # the head noun's index
    kind: str  # "Group" | "Person" | "Organization" | "Document"
    aliases: tuple[str, ...]  # surface forms, longest first
    owner: int | None = None  # token of the organisation it speaks for ("a spokesman for X", "X's report")
    definite: bool = False  # "the analysts": may refer back to an earlier phrase
    acting: bool = True  # in an actor's position; if not, only a later mention of an earlier phrase


@lru_cache(maxsize=1)
def actor_nouns() -> dict:
    """The tables of ``kg/data/actor_nouns.json``, word lists as frozensets."""
    raw = json.loads(resources.files("kg.data").joinpath("actor_nouns.json").read_text(encoding="utf-8"))
    return {k: frozenset(v) if isinstance(v, list) else v for k, v in raw.items()}


def governing(tok: Token) -> Token:
    """The first conjunct: conjuncts share its role ("Acme and Zenith said")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _in_actor_position(tok: Token, table: dict) -> bool:
    """Subject, agent, addressee, partner in talks, or source of "according to"."""
    tok = governing(tok)
    dep, head = tok.dep_, tok.head
    if dep == "nsubj":
        return _cue(head) or head.pos_ == "VERB" and head.lemma_ not in table["weak_verbs"] and _plain_act(tok, head)
    if dep in ("dobj", "dative") and head.lemma_ in table["addressee_verbs"]:
        return True
    if dep in ("dobj", "dative") and head.lemma_ in table["addressee_verbs_with_clause"]:
        return any(c.dep_ == "xcomp" for c in head.children)  # "told farmers to...", not "told reporters"
    if dep == "poss" and head.lemma_ in table["claim_nouns"]:
        return True  # "opponents' calls for", "unions' demands"
    return dep == "pobj" and _actor_after_preposition(head.lower_, head.head, table)


def _actor_after_preposition(prep: str, gov: Token, table: dict) -> bool:
    """"claims from prisoners", "a call by campaigners", "agreed by X",
    "according to X", "called on ministers", "talks with X"."""
    if prep in ("from", "by", "of") and gov.pos_ == "NOUN" and gov.lemma_ in table["claim_nouns"]:
        return True
    if prep == "by" and gov.pos_ == "VERB":
        return True
    if prep == "to" and gov.lower_ == "according":
        return True
    if prep == "on" and gov.lemma_ == "call":
        return True
    return prep in ("with", "between") and gov.lemma_ in table["partner_heads"]


_MODALS = frozenset({"may", "might", "could", "would", "must", "should", "can"})


def _plain_act(subj: Token, verb: Token) -> bool:
    """A verb that reports what its subject did or does, not a generality in a
    quote ("Consumers adopt..."), a hypothesis ("supporters may switch") or a
    description ("where prisoners use...")."""
    if verb.dep_ in ("relcl", "acl") or any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "such" for c in subj.children) or any(c.dep_ == "appos" for c in subj.children):
        return False  # "Organisations such as Acme", "Nordic countries Sweden and Norway": named below
    return not in_quote(subj)


def _cue(verb: Token) -> bool:
    """A speech or commitment verb, or one that governs such a verb ("want to
    agree", "are expected to say")."""
    cues = cue_verbs()
    return verb.lemma_ in cues or any(c.dep_ == "xcomp" and c.lemma_ in cues for c in verb.children)


def _agentive(tok: Token, table: dict) -> bool:
    """"bookmakers said": a plural agentive noun as the subject of a speech verb."""
    if tok.tag_ not in ("NNS", "NNPS") or tok.lemma_ in table["not_agentive"]:
        return False
    if not any(tok.lower_.endswith(s) for s in table["agentive_suffixes"]):
        return False
    g = governing(tok)
    return g.dep_ in table["speech_subject_dependencies"] and g.head.lemma_ in load_lexicon()["speech_verbs"]


def _kind(tok: Token, table: dict) -> str | None:
    lemma = tok.lemma_.lower()
    dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "nummod")]
    plural = tok.tag_ in ("NNS", "NNPS")
    if lemma in table["document"] and tok.tag_ == "NN":
        return "Document"
    if plural and (lemma in table["group"] or _agentive(tok, table)):
        return "Group"
    if lemma in table["institution"] and tok.tag_ == "NN":
        return "Organization"
    if lemma in table["collective"] and tok.tag_ in ("NN", "NNS"):
        return "Group"  # "the drinks industry", "police", "the congregation"
    if lemma in table["person"] and tok.tag_ == "NN":
        if dets[:1] in (["a"], ["an"], ["one"], ["another"], ["the"]):
            return "Person"  # (definite: only as a later mention of "a spokesman")
    return None


def modifiers(tok: Token) -> frozenset[str]:
    """The words that narrow a head noun ("opposition" of "opposition MPs")."""
    return frozenset(c.lower_ for c in tok.children
                     if c.dep_ in ("amod", "compound", "nmod", "nummod", "poss") and c.pos_ != "PRON")


def _owner(tok: Token, token_key: dict[int, str]) -> int | None:
    """The organisation a spokesman or a report speaks for: "a spokesman for X",
    "an X spokesman", "X's report", "a report by X"."""
    for c in tok.children:
        if c.dep_ in ("compound", "poss", "nmod", "amod") and c.i in token_key:
            return c.i  # ("Palestinian officials": the demonym's country)
        if c.dep_ == "prep" and c.lower_ in ("for", "of", "by", "from", "at"):
            for o in c.children:
                if o.dep_ == "pobj" and o.i in token_key:
                    return o.i
    return None


def _phrase(doc: Doc, tok: Token, table: dict) -> tuple[int, int, tuple[str, ...]]:
    """The phrase's span (from its first modifier to its head, or through a
    following "of/at/for/from/across" phrase) and its surface forms."""
    left = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod", "nummod", "poss", "det", "advmod", "quantmod")]
    start = min([tok.i] + [c.left_edge.i for c in left])
    for t in doc[start:tok.i]:  # "the government and telecoms industry": the phrase starts after "and"
        if t.pos_ == "CCONJ" or t.text in (",", ";", "(", ")"):
            start = t.i + 1
    while start < tok.i and (doc[start].lower_ in ("the", "a", "an", "its", "their", "his", "her", "our", "my")
                             or doc[start].is_punct):
        start += 1
    article = doc[start - 1].lower_ if start > 0 and doc[start - 1].lower_ in ("a", "an") else None
    end = tok.i + 1
    core = doc[start:end].text
    forms = [core]
    bare = start
    while bare < tok.i and doc[bare].lower_ in table["quantifiers"]:
        bare += 1
    if bare > start:
        forms.append(doc[bare:end].text)  # "some economists" is also "economists"
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ in ("of", "at", "for", "from", "across", "in", "with") and c.right_edge.i - tok.i <= 8:
            full = doc[start:c.right_edge.i + 1]
            if "," not in full.text and '"' not in full.text:
                forms.insert(0, full.text)
                end = c.right_edge.i + 1
            break
    if article:
        forms.append(f"{article} {core}")
    return start, end, tuple(dict.fromkeys(forms))


def find_unnamed(doc: Doc, token_key: dict[int, str]) -> list[UnnamedMention]:
    """The common-noun actors of ``doc`` in text order (see module docs);
    tokens in ``token_key`` already stand for a named entity."""
    table = actor_nouns()
    out: list[UnnamedMention] = []
    for i in pos_indices(doc, (NOUN, PROPN)):
        tok = doc[i]
        if i in token_key or not tok.is_alpha:
            continue
        if tok.pos_ == "PROPN" and not tok.lower_ in ("mps", "police"):
            continue
        kind = _kind(tok, table)
        if kind is not None and _anaphoric(tok, table):
            continue
        acting = kind is not None and _in_actor_position(tok, table)
        if kind is None or not (acting or _definite_later(tok) or _bare_group(tok, kind)):
            continue
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children) and kind != "Document":
            continue  # "his officers", "their members": whose, the pronoun decides
        if _names_someone(tok, token_key):
            continue  # "Acme's chief executive, Ana Ruiz,": a role of a named person
        owner = _owner(tok, token_key)
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "these") for c in tok.children)
        if kind == "Document" and owner is None and not definite:
            continue  # a report speaks for its issuer: one it names, or the one of "the report" before
        start, end, aliases = _phrase(doc, tok, table)
        definite = definite or start > 0 and doc[start - 1].lower_ == "the"  # ("The environment committee", misparsed)
        out.append(UnnamedMention(start, end, tok.i, kind, aliases, owner, definite, acting))
    return out


def _anaphoric(tok: Token, table: dict) -> bool:
    """"the two firms", "both countries", "people": phrases that point back at
    named actors, or at nobody in particular."""
    if tok.lemma_ in table["generic_heads"]:
        return True
    return any(c.dep_ == "nummod" and c.lower_ in ("two", "three", "both") or c.dep_ in ("det", "predet") and c.lower_ == "both"
               for c in tok.children)


def _names_someone(tok: Token, token_key: dict[int, str]) -> bool:
    """Is the noun in apposition with a name ("a spokeswoman, Ana Ruiz, said")?"""
    if tok.dep_ == "appos" and tok.head.i in token_key:
        return True
    return any(c.dep_ == "appos" and any(t.i in token_key for t in c.subtree) for c in tok.children)


def _bare_group(tok: Token, kind: str) -> bool:
    # "police should act", "analysts": a bare plural may name the group named before, in any position.
    return kind == "Group" and not any(c.dep_ in ("det", "poss") for c in tok.children) and tok.dep_ not in ("compound", "amod")


def _definite_later(tok: Token) -> bool:
    # "the analysts", "the spokesman": a definite later mention, in any position.
    return any(c.dep_ == "det" and c.lower_ in ("the", "these") for c in tok.children) and tok.dep_ not in ("compound", "amod")

