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


def _is_affiliation(tok: Token) -> bool:
    return tok.ent_type_ in ("GPE", "NORP", "ORG")


def prenominal_role(doc: Doc, name_start: int) -> RoleMention | None:
    """The title phrase immediately before the name starting at ``name_start``."""
    lex = load_lexicon()
    heads = title_heads()
    mods = set(lex["title_modifiers"]) | heads
    i = name_start - 1
    if i < 0 or doc[i].lower_.rstrip(".") not in heads or doc[i].is_sent_start and doc[i].lower_ in ("leader",):
        return None
    start = i
    while start - 1 >= 0:
        t = doc[start - 1]
        if t.lower_.rstrip(".") in mods or _is_affiliation(t) or (t.ent_type_ in ("GPE", "NORP", "ORG") and t.ent_iob_ == "I"):
            start -= 1
            continue
        break
    # No leading function words in the role ("of", "the", "and").
    while start < name_start and doc[start].lower_ in ("of", "the", "and", "for"):
        start += 1
    aff = tuple(t.i for t in doc[start:name_start] if t.ent_type_ in ("GPE", "NORP", "ORG"))
    words = [t for t in doc[start:name_start] if t.i not in aff]
    while words and words[0].lower_ in ("of", "the", "and", "for", "'s", "’s"):
        words = words[1:]
    if not words:
        return None
    text = " ".join(t.text for t in words)
    return RoleMention(text, normalize_role(text), start, name_start, aff,
                       head=doc[name_start - 1].lower_.rstrip("."), qualified=bool(aff))


def appositive_role(doc: Doc, name_root: Token) -> RoleMention | None:
    """A title in apposition: "X, the U.S. envoy for Asia," or "the envoy, X,"."""
    heads = title_heads()
    cands = [c for c in name_root.children if c.dep_ == "appos"]
    if name_root.dep_ == "appos":
        cands.append(name_root.head)
    for noun in cands:
        if (noun.lower_ not in heads and noun.lemma_.lower() not in heads) or noun.ent_type_ == "PERSON":
            continue
        # The title phrase: the noun's subtree without the name and without
        # any clause hanging from it ("..., who chairs the talks,").
        name = set(range(name_root.left_edge.i, name_root.i + 1))
        clauses = {t.i for c in noun.subtree if c.dep_ in ("relcl", "acl") for t in c.subtree}
        toks = [t for t in noun.subtree if t.i not in name and t.i not in clauses
                and (not t.is_punct or t.text in ".-")]
        while toks and toks[0].lower_ in ("the", "a", "an"):
            toks = toks[1:]
        if not toks:
            continue
        start, end = toks[0].i, toks[-1].i + 1
        span = doc[start:end]
        aff = tuple(t.i for t in span if t.ent_type_ in ("GPE", "NORP", "ORG") and t.i < noun.i)
        # "the tribunal's president": the possessor, whether a name or a description resolved later
        aff = aff or tuple(t.i for t in noun.children if t.dep_ == "poss" and t.pos_ != "PRON")
        kept = [t for t in span if t.i not in aff and t.text not in ("'s", "’s")]
        # "Kenya's environment minister" is written "environment minister" once Kenya is the affiliation.
        text = doc[kept[0].i:end].text if kept and kept[0].i > start else span.text
        return RoleMention(text, normalize_role(" ".join(t.text for t in kept)), start, end, aff,
                           head=noun.lower_, qualified=bool(aff))
    return None
