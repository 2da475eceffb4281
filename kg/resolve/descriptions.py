"""Definite descriptions inside one document: "the president", "the union".

A description joins the one entity of the document it fits: a person by the
title he or she holds ("the Ukrainian leader"), an organisation by the noun
in its name ("the tribunal") or, for "the company", by the company the story
is about.  A description that fits several, or none, is left alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Token

from kg.extract.mentions import pos_indices
from kg.extract.roles import title_heads
from kg.nlp.gazetteer import load_lexicon
from kg.types import LocalEntity, Role

if TYPE_CHECKING:  # the builder imports this module: only its type is needed here
    from kg.resolve.local import _Builder

__all__ = ["resolve_descriptions", "resolve_org_descriptions"]

_MODIFIER_DEPS = ("amod", "compound", "nmod")
_TITLE_SYNONYMS = {"premier": "prime minister", "pm": "prime minister"}
_LESSER = frozenset({"shadow", "deputy", "vice", "former", "ex", "assistant", "junior", "under", "acting", "interim"})


# --- people: "the president", "the Ukrainian leader" --------------------------


def resolve_descriptions(b: _Builder) -> None:
    """"the president", "the Ukrainian leader": join the one person they fit."""
    doc = b.doc
    heads = title_heads()
    leader_heads = {t.split()[-1] for t in load_lexicon()["leader_titles"]}
    persons = [e for e in b.out.entities.values() if e.kind == "Person"]
    for i in pos_indices(doc, (NOUN, PROPN)):
        _resolve_title(b, doc[i], heads, persons, leader_heads)
    resolve_org_descriptions(b)


def _resolve_title(b: _Builder, tok: Token, heads: frozenset[str], persons: list[LocalEntity],
                   leader_heads: set[str]) -> None:
    """Attach "the <title>" at ``tok`` to the one person whose role it names."""
    det = _bare_title_determiner(b, tok, heads)
    if det is None:
        return
    nat, named_mods = _description_modifiers(b, tok)
    word, mods = _title_words(tok, named_mods)
    fits = [p for p in persons if any(_role_fits(b, p, r, mods, word, leader_heads) for r in p.roles)]
    fits = _narrow_title_fits(b, fits, nat, word)
    if len(fits) > 1:
        fits = _most_recent(b, fits, tok.i)
    if len(fits) == 1:
        b.attach(fits[0], det.i, tok.i + 1, b.doc[det.i:tok.i + 1].text, head=tok.i)


def _bare_title_determiner(b: _Builder, tok: Token, heads: frozenset[str]) -> Token | None:
    """The "the" of an unattached title noun that stands alone, or None."""
    if tok.i in b.out.token_key or tok.lower_ not in heads:
        return None
    dets = [c for c in tok.children if c.dep_ == "det"]
    if not dets or dets[0].lower_ != "the" or tok.dep_ == "compound":
        return None
    if any(c.dep_ == "appos" for c in tok.children) or tok.dep_ == "appos":
        return None  # an apposition is a role, handled with the name
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return None  # "the president of the bank": another person
    return dets[0]


def _description_modifiers(b: _Builder, tok: Token) -> tuple[str | None, list[str]]:
    """The country a title's named modifiers give (the last one), and its other
    named modifiers ("the Labour leader": a party, matched like any word)."""
    nat = None
    named_mods: list[str] = []
    for c in tok.children:
        g = b.gaz.get(c.ent_id_) if c.dep_ in _MODIFIER_DEPS and c.ent_id_ else None
        if g is not None and g.kind == "Country":
            nat = g.key
        elif g is not None:
            named_mods.append(c.lower_)
    return nat, named_mods


def _title_words(tok: Token, named_mods: list[str]) -> tuple[str, list[str]]:
    """The title's head word and the words before it, synonyms spelt out
    ("the premier" is the prime minister)."""
    word = tok.lower_
    mods = [c.lower_ for c in tok.lefts if c.dep_ in _MODIFIER_DEPS and not c.ent_id_] + named_mods
    if word in _TITLE_SYNONYMS:
        *extra, word = _TITLE_SYNONYMS[word].split()
        mods = mods + extra
    return word, mods


def _narrow_title_fits(b: _Builder, fits: list[LocalEntity], nat: str | None, word: str) -> list[LocalEntity]:
    """Keep the people a nationality allows or, without one, the one person
    the writer titles bare."""
    if nat is not None:
        same = [p for p in fits if nat in p.affiliations]
        return same or [p for p in fits if not p.affiliations]
    if len(fits) > 1:
        # A writer who qualifies one president ("the Ukrainian President X")
        # and not another ("President Y") means Y by a bare "the president".
        unq = [p for p in fits if _titled_bare_only(b, p, word)]
        if len(unq) == 1:
            return unq
    return fits


def _titled_bare_only(b: _Builder, person: LocalEntity, word: str) -> bool:
    """Was ``person``'s title ``word`` only ever given without a nationality?"""
    qualified = b.qualified[person.key].get(word, set())
    return False in qualified and True not in qualified


def _role_fits(b: _Builder, person: LocalEntity, role: Role, mods: list[str], word: str,
               leader_heads: set[str]) -> bool:
    """Does "the <mods> <word>" name the holder of ``role``?  The title must
    fit from its last word back ("the prime minister" is no other minister),
    a shadow, deputy or former holder is not the plain one, and the words of
    the description the role lacks ("the Tory leader") must be in the role or
    the holder's names and affiliations."""
    words = role.name.split()
    seq = mods + [word]
    k = 0
    while k < min(len(words), len(seq)) and words[-(k + 1)] == seq[-(k + 1)]:
        k += 1
    if k == 0 and word == "leader" and words[-1] in leader_heads:
        k = 1  # "the leader": a president or prime minister leads
        seq = mods + [words[-1]]
    if k == 0:
        return False
    title, other = seq[-k:], seq[:-k]
    if any(w in _LESSER and w not in title for w in words[:-k]):
        return False
    known = _known_words(b, person, role, words)
    return all(m in known for m in other)


def _known_words(b: _Builder, person: LocalEntity, role: Role, words: list[str]) -> set[str]:
    """The words a description may add to a title: the role's, the holder's
    names ("Tory leader Ana Ruiz" says whose leader) and affiliations'."""
    known = set(w.lower() for w in role.text.split()) | set(words)
    known |= {w.lower() for a in person.aliases for w in a.split()}
    for aff in person.affiliations:
        ent = b.out.entities.get(aff)
        if ent is not None:
            known |= {w.lower() for a in (ent.name, *ent.aliases) for w in a.split()}
    return known


def _most_recent(b: _Builder, fits: list[LocalEntity], before: int) -> list[LocalEntity]:
    """Of several people a description fits, the one named last, if he or she
    was named in this sentence or the two before and nobody else was since."""
    s_now = b.sent_idx[before]
    last: dict[str, int] = {}
    for start, end, key in b.out.mention_spans:
        if start < before and b.sent_idx[start] >= s_now - 2:
            last[key] = max(last.get(key, -1), start)
    ranked = sorted((last[f.key], f.key) for f in fits if f.key in last)
    if not ranked:
        return fits
    best = ranked[-1][1]
    return [f for f in fits if f.key == best]


# --- organisations: "the union", "the company" --------------------------------


# Words that name a body that is not a company ("the company" is never the union).
_NOT_COMPANIES = frozenset({"union", "council", "association", "party", "committee", "court", "commission", "ministry",
                            "department", "agency", "federation", "institute", "university", "church", "league",
                            "assembly", "parliament", "congress", "senate", "tribunal", "authority", "government",
                            "executive", "alliance", "coalition", "movement", "foundation", "charity", "office",
                            "police", "army", "school", "hospital", "society", "club", "confederation", "chamber",
                            "chambers", "consortium", "organisation", "organization", "forum", "board"})
# Nouns that call an organisation a company, which its legal form or chief executive can identify.
_COMPANY_NOUNS = frozenset({"company", "firm", "group", "carrier", "airline", "broker", "operator",
                            "manufacturer", "retailer", "insurer", "lender", "producer"})


def resolve_org_descriptions(b: _Builder) -> None:
    """"the union", "the company": the one organisation the noun names
    ("Canadian Rail Workers Union"), or the one whose executive is quoted."""
    orgs = [e for e in b.out.entities.values() if e.kind == "Organization"]
    if not orgs:
        return
    execs = _executive_titles(b.lex)
    for i in pos_indices(b.doc, (NOUN, PROPN)):
        _resolve_org_noun(b, b.doc[i], orgs, execs)


def _executive_titles(lex: dict) -> set[str]:
    """The titles of a company's executives, in full and by their last word."""
    return {h for h in lex["company_titles"]} | {h.split()[-1] for h in lex["company_titles"]}


def _resolve_org_noun(b: _Builder, tok: Token, orgs: list[LocalEntity], execs: set[str]) -> None:
    """Attach "the <org noun>" at ``tok`` to the one organisation it fits."""
    det = _org_determiner(b, tok)
    if det is None:
        return
    mods = [c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")]
    fits = _described_orgs(b, tok, mods, orgs, execs)
    if len(fits) != 1:
        return
    start = det.i if det.dep_ == "det" else tok.left_edge.i
    if _not_one_phrase(b.doc, start, tok):
        return  # not one noun phrase ("the start-up, a trading company"): a misparse
    b.attach(fits[0], start, tok.i + 1, b.doc[start:tok.i + 1].text, head=tok.i)


def _org_determiner(b: _Builder, tok: Token) -> Token | None:
    """The determiner or possessor that makes an unattached singular
    organisation noun a definite reference to one body, or None."""
    if not _singular_org_noun(b, tok):
        return None  # ("the courts", "the media companies": several, not the one named)
    dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
    if not dets or tok.dep_ in ("compound", "appos"):
        return None
    if not _definite(b, dets[0]):
        return None  # "a company", "his company": not a definite reference
    if any(c.dep_ in ("prep", "relcl", "acl") for c in tok.children):
        return None  # "the company that...": another one
    return dets[0]


def _singular_org_noun(b: _Builder, tok: Token) -> bool:
    """A singular common noun for an organisation that no mention covers yet."""
    return tok.lemma_ in b.lex["org_nouns"] and tok.pos_ == "NOUN" and tok.i not in b.out.token_key \
        and tok.tag_ == "NN"


def _definite(b: _Builder, det: Token) -> bool:
    """"the", "this", or a possessor that is an entity ("Acme's company")."""
    if det.dep_ == "det":
        return det.lower_ in ("the", "this")
    return b.out.token_key.get(det.i) is not None


def _described_orgs(b: _Builder, tok: Token, mods: list[str], orgs: list[LocalEntity],
                    execs: set[str]) -> list[LocalEntity]:
    """The organisations the noun at ``tok`` with ``mods`` may stand for."""
    fits = [o for o in orgs if _names_org(o, tok, mods)]
    if fits or tok.lemma_ not in _COMPANY_NOUNS:
        return fits
    # A company: its legal form says so ("Inc.", "plc"), or its chief executive is named.
    fits = _companies(b, orgs, execs)
    if len(fits) != 1 and not mods:
        fits = _salient_company(b, orgs, tok.i)  # only a bare "the company": "the German group" is another
    return fits


def _names_org(o: LocalEntity, tok: Token, mods: list[str]) -> bool:
    """Is the noun, with its modifiers, in ``o``'s name?  "the electoral
    tribunal" fits "Supreme Electoral Tribunal"; "the rival company" fits none."""
    words = o.name.lower().split()
    return (tok.lemma_ in words or tok.lower_ in words) and all(m in words for m in mods)


def _companies(b: _Builder, orgs: list[LocalEntity], execs: set[str]) -> list[LocalEntity]:
    """The organisations known to be companies: a named executive or a legal form."""
    led = {r.affiliation for e in b.out.entities.values() if e.kind == "Person"
           for r in e.roles if r.affiliation and " ".join(r.name.split()[-2:]) in execs}
    return [o for o in orgs if o.key in led or o.name.split()[-1] in b.lex["corporate_suffixes"]]


def _not_one_phrase(doc: Doc, start: int, tok: Token) -> bool:
    """Do the words from ``start`` to ``tok`` hold punctuation, a second
    determiner, or more than five words?"""
    return any(t.is_punct or t.dep_ == "det" and t.i != start for t in doc[start:tok.i]) or tok.i - start > 5


def _salient_company(b: _Builder, orgs: list[LocalEntity], before: int) -> list[LocalEntity]:
    """"the company" with no other clue: the organisation the story is about so
    far, named most often before it (the latest named on a tie); bodies the
    gazetteer knows (the UN, the EU) are not companies."""
    companies = {o.key for o in orgs if not _NOT_COMPANIES & set(o.name.lower().split())
                 and not (o.key.startswith("org:") and b.gaz.get(o.key))}
    counts: dict[str, list[int]] = {}
    for start, _end, key in b.out.mention_spans:
        if start < before and key in companies:
            counts.setdefault(key, []).append(start)
    ranked = sorted(counts, key=lambda k: (len(counts[k]), max(counts[k])), reverse=True)
    if not ranked or len(counts[ranked[0]]) < 2 or len(ranked) > 1 and len(counts[ranked[0]]) < 2 * len(counts[ranked[1]]):
        return []  # no company clearly dominates the story so far
    return [o for o in orgs if o.key == ranked[0]]
