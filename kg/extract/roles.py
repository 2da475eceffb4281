"""Roles: titles before a name and appositions beside it.

"national security adviser Mike Waltz", "Ukrainian President Ana Ruiz" and
"Tom Hale, the company's chief executive," give the person a role, kept as
written and normalised, and possibly an affiliation (a country from a demonym
or a country name inside the role, an organisation from a possessive).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from kg.nlp.gazetteer import load_lexicon

__all__ = ["RoleMention", "title_heads", "prenominal_role", "appositive_role", "normalize_role"]


@dataclass(frozen=True)
class RoleMention:
    text: str  # as written, without the affiliation words
    name: str  # normalised
    start: int  # token span of the whole title phrase (with affiliation words)
    end: int
    affiliation_tokens: tuple[int, ...] = ()  # token indices naming the affiliation
    head: str = ""  # the title's head word, lower case ("adviser")
    qualified: bool = False  # a nationality or organisation qualifies the title


@lru_cache(maxsize=1)
def title_heads() -> frozenset[str]:
    """The last words of the titles of the lexicon ("minister", "adviser"...)."""
    return frozenset(t.split()[-1].rstrip(".") for t in load_lexicon()["titles"])


def normalize_role(text: str) -> str:
    """Lower case, single spaces, "advisor" spelt "adviser", no leading article.

    >>> normalize_role("The  National Security Advisor")
    'national security adviser'
    """
    words = text.lower().replace("advisor", "adviser").split()
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


# Words that start a title phrase but are not part of the role ("of", "the").
_FUNCTION_WORDS = ("of", "the", "and", "for")
_ARTICLES = ("the", "a", "an")
_POSSESSIVE_MARKS = ("'s", "’s")
_LEADING_NOISE = _FUNCTION_WORDS + _POSSESSIVE_MARKS


def _is_affiliation(tok: Token) -> bool:
    """Whether ``tok`` is part of a country, nationality or organisation name."""
    return tok.ent_type_ in ("GPE", "NORP", "ORG")


def prenominal_role(doc: Doc, name_start: int) -> RoleMention | None:
    """The title phrase immediately before the name starting at ``name_start``."""
    heads = title_heads()
    if not _title_before(doc, name_start, heads):
        return None
    mods = set(load_lexicon()["title_modifiers"]) | heads
    start = _skip_function_words(doc, _title_phrase_start(doc, name_start - 1, mods), name_start)
    aff = tuple(t.i for t in doc[start:name_start] if _is_affiliation(t))
    words = [t for t in doc[start:name_start] if t.i not in aff]
    while words and words[0].lower_ in _LEADING_NOISE:
        words = words[1:]
    if not words:
        return None
    text = " ".join(t.text for t in words)
    return RoleMention(text, normalize_role(text), start, name_start, aff,
                       head=doc[name_start - 1].lower_.rstrip("."), qualified=bool(aff))


def _title_before(doc: Doc, name_start: int, heads: frozenset[str]) -> bool:
    """Whether the word before the name is a title's head ("minister Ana Ruiz")."""
    i = name_start - 1
    if i < 0 or doc[i].lower_.rstrip(".") not in heads:
        return False
    # "Leader X" opening a sentence is more often a name than a title.
    return not (doc[i].is_sent_start and doc[i].lower_ in ("leader",))


def _title_phrase_start(doc: Doc, last: int, mods: set[str]) -> int:
    """The first token of the run of title words and affiliations ending at ``last``."""
    start = last
    while start - 1 >= 0:
        t = doc[start - 1]
        if not (t.lower_.rstrip(".") in mods or _is_affiliation(t)):
            break
        start -= 1
    return start


def _skip_function_words(doc: Doc, start: int, end: int) -> int:
    """``start`` moved past leading function words ("of", "the"...), no further than ``end``."""
    while start < end and doc[start].lower_ in _FUNCTION_WORDS:
        start += 1
    return start


def appositive_role(doc: Doc, name_root: Token) -> RoleMention | None:
    """A title in apposition: "X, the U.S. envoy for Asia," or "the envoy, X,"."""
    heads = title_heads()
    cands = [c for c in name_root.children if c.dep_ == "appos"]
    if name_root.dep_ == "appos":
        cands.append(name_root.head)
    for noun in cands:
        if not _is_title_noun(noun, heads):
            continue
        toks = _title_tokens(name_root, noun)
        if toks:
            return _appositive_mention(doc, noun, toks)
    return None


def _is_title_noun(noun: Token, heads: frozenset[str]) -> bool:
    """Whether ``noun`` is a title's head word and not itself a person's name."""
    return (noun.lower_ in heads or noun.lemma_.lower() in heads) and noun.ent_type_ != "PERSON"


def _title_tokens(name_root: Token, noun: Token) -> list[Token]:
    """The title phrase: the noun's subtree without the name, without any
    clause hanging from it ("..., who chairs the talks,") and without a leading article."""
    name = set(range(name_root.left_edge.i, name_root.i + 1))
    clauses = {t.i for c in noun.subtree if c.dep_ in ("relcl", "acl") for t in c.subtree}
    toks = [t for t in noun.subtree if t.i not in name and t.i not in clauses
            and (not t.is_punct or t.text in ".-")]
    while toks and toks[0].lower_ in _ARTICLES:
        toks = toks[1:]
    return toks


def _appositive_mention(doc: Doc, noun: Token, toks: list[Token]) -> RoleMention:
    """The role of the title phrase ``toks`` headed by ``noun``."""
    start, end = toks[0].i, toks[-1].i + 1
    span = doc[start:end]
    aff = tuple(t.i for t in span if _is_affiliation(t) and t.i < noun.i)
    # "the tribunal's president": the possessor, whether a name or a description resolved later
    aff = aff or tuple(t.i for t in noun.children if t.dep_ == "poss" and t.pos_ != "PRON")
    kept = [t for t in span if t.i not in aff and t.text not in _POSSESSIVE_MARKS]
    # "Kenya's environment minister" is written "environment minister" once Kenya is the affiliation.
    text = doc[kept[0].i:end].text if kept and kept[0].i > start else span.text
    return RoleMention(text, normalize_role(" ".join(t.text for t in kept)), start, end, aff,
                       head=noun.lower_, qualified=bool(aff))
