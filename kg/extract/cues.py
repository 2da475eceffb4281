"""The commitment constructions of ``kg/data/commitment_cues.json`` and the small
interpreter that checks their sense constraints on a parse.

A :class:`Construction` is one row of the table: the words that cue it, the
frame of the parse it reads (verb, adjective, noun, talks, adverb, modal), the
kind it gives, and constraints such as ``prep:for`` or ``object:@agreement_objects``
that keep a word to its commitment sense ("call on X", not "call X a liar").

>>> table = load_constructions()
>>> table.find("verb", "urge").kind
'demand'
>>> table.find("verb", "call").needs_any
('prep:on|for|upon', 'prt:on|for', 'for_clause')
>>> table.find("noun", "urge") is None
True
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Token

from kg.extract.clauses import children, modality, subject_of
from kg.nlp.gazetteer import load_cue_table, load_lexicon

__all__ = ["Construction", "ConstructionTable", "load_constructions", "holds", "first_holding", "CONSTRAINTS"]

FRAMES = ("verb", "adjective", "noun", "talks", "adverb", "modal")


@dataclass(frozen=True)
class Construction:
    """One row of the table (see ``_how_to_read`` in the data file)."""

    name: str
    frame: str
    kind: str
    words: tuple[str, ...]
    needs: tuple[str, ...] = ()
    needs_any: tuple[str, ...] = ()
    forbids: tuple[str, ...] = ()
    holder: str = "subject"
    passive_subject: str | None = None
    clause_modal_kind: Mapping[str, str | None] = field(default_factory=dict)
    own_modal_kind: Mapping[str, str] = field(default_factory=dict)  # "will scrap the tax" promises
    clause_kind: tuple[str, ...] = ()  # the kinds a governed cue verb may pass on ("a decision to reject")
    bare: bool = False
    complement_preps: tuple[str, ...] = ()
    examples: tuple[dict, ...] = ()
    not_examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class ConstructionTable:
    """The constructions, and an index from (frame, word) to the rows that list
    the word, in table order: a word may cue several constructions ("order
    them to leave" demands, "order 20 planes" is a deal), and the first row
    whose constraints hold is the one read."""

    rows: tuple[Construction, ...]
    index: Mapping[tuple[str, str], tuple[Construction, ...]]

    def candidates(self, frame: str, word: str) -> tuple[Construction, ...]:
        return self.index.get((frame, word), ())

    def find(self, frame: str, word: str) -> Construction | None:
        """The first row of ``frame`` that lists ``word``."""
        rows = self.index.get((frame, word))
        return rows[0] if rows else None

    def kinds(self, frame: str) -> dict[str, str]:
        """Word -> kind of its first row, for one frame."""
        return {w: rows[0].kind for (f, w), rows in self.index.items() if f == frame}


_KINDS = ("promise", "demand", "proposal", "expectation", "agreement", "refusal")


def _clause_kinds(value) -> tuple[str, ...]:
    """``true``: any kind; a list: those kinds."""
    return _KINDS if value is True else tuple(value or ())


def _row(raw: dict) -> Construction:
    if raw["frame"] not in FRAMES:
        raise ValueError(f"commitment_cues.json: {raw['name']!r} has an unknown frame {raw['frame']!r}")
    for cond in (*raw.get("needs", ()), *raw.get("needs_any", ()), *raw.get("forbids", ())):
        if cond.split(":", 1)[0] not in CONSTRAINTS:
            raise ValueError(f"commitment_cues.json: {raw['name']!r} has an unknown constraint {cond!r}")
    return Construction(
        name=raw["name"], frame=raw["frame"], kind=raw["kind"], words=tuple(raw["words"]),
        needs=tuple(raw.get("needs", ())), needs_any=tuple(raw.get("needs_any", ())),
        forbids=tuple(raw.get("forbids", ())), holder=raw.get("holder", "subject"),
        passive_subject=raw.get("passive_subject"), clause_modal_kind=dict(raw.get("clause_modal_kind", {})),
        own_modal_kind=dict(raw.get("own_modal_kind", {})),
        clause_kind=_clause_kinds(raw.get("clause_kind", ())), bare=bool(raw.get("bare", False)),
        complement_preps=tuple(raw.get("complement_preps", ())), examples=tuple(raw.get("examples", ())),
        not_examples=tuple(raw.get("not", ())))


@lru_cache(maxsize=1)
def load_constructions() -> ConstructionTable:
    """The table of ``kg/data/commitment_cues.json``, checked and indexed."""
    rows = tuple(_row(r) for r in load_cue_table()["constructions"])
    index: dict[tuple[str, str], tuple[Construction, ...]] = {}
    for row in rows:
        for w in row.words:
            index[row.frame, w] = index.get((row.frame, w), ()) + (row,)
    return ConstructionTable(rows, index)


def first_holding(rows: tuple[Construction, ...], tok: Token, actor: "Actor",
                  sense_only: bool = False) -> Construction | None:
    """The first of ``rows`` whose constraints hold at ``tok``."""
    return next((row for row in rows if holds(row, tok, actor, sense_only)), None)


# --- the constraints -------------------------------------------------------------
# Each takes the cue token, the argument after ':' ('' when none) and a function
# that names the actor a token stands for (None when it stands for none).
Actor = Callable[[Token], "str | None"]


def _words(arg: str) -> frozenset[str]:
    """'a|b' -> {a, b}; '@section' -> that lexicon section."""
    if arg.startswith("@"):
        return frozenset(load_lexicon()[arg[1:]])
    return frozenset(arg.split("|"))


def _has_dep(tok: Token, arg: str, actor: Actor) -> bool:
    return bool(children(tok, arg))


def _lacks_dep(tok: Token, arg: str, actor: Actor) -> bool:
    return not children(tok, arg)


def _child_word(dep: str) -> Callable[[Token, str, Actor], bool]:
    def check(tok: Token, arg: str, actor: Actor) -> bool:
        words = _words(arg)
        return any(c.lower_ in words for c in tok.children if dep in ("", c.dep_))
    return check


def _object(tok: Token, arg: str, actor: Actor) -> bool:
    objs = children(tok, "dobj")
    if not arg:
        return bool(objs)
    words = _words(arg)
    return any(o.lemma_.lower() in words or o.lower_ in words for o in objs)


def _acting_subject(tok: Token, arg: str, actor: Actor) -> bool:
    if arg == "own":
        while tok.dep_ == "conj" and not children(tok, "nsubj", "nsubjpass"):
            tok = tok.head
        if not children(tok, "nsubj", "nsubjpass"):
            return False
    subj, passive = subject_of(tok)
    return subj is not None and (not passive or arg == "any") and actor(subj) is not None


def _object_of(tok: Token, arg: str, actor: Actor) -> bool:
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in _words(arg)


def _modal(tok: Token, arg: str, actor: Actor) -> bool:
    return any(c.tag_ == "MD" for c in tok.children)


def _passive(tok: Token, arg: str, actor: Actor) -> bool:
    return bool(children(tok, "nsubjpass", "auxpass"))


def _passive_clause(tok: Token, arg: str, actor: Actor) -> bool:
    return any(x.dep_ == "auxpass" for c in children(tok, "xcomp", "ccomp") for x in c.children)


def _passive_on_passive(tok: Token, arg: str, actor: Actor) -> bool:
    return _passive(tok, arg, actor) and _passive_clause(tok, arg, actor)


def _expletive_subject(tok: Token, arg: str, actor: Actor) -> bool:
    verb = tok.head if tok.dep_ in ("acomp", "attr") else tok
    return any(c.lower_ == "it" for c in children(verb, "nsubj", "expl"))


def _for_clause(tok: Token, arg: str, actor: Actor) -> bool:
    return any(x.dep_ == "mark" and x.lower_ == "for" for c in children(tok, "advcl", "ccomp", "xcomp")
               for x in c.children)


def _indicative_clause(tok: Token, arg: str, actor: Actor) -> bool:
    finite = ("VBD", "VBZ", "VBP")
    for c in children(tok, "ccomp"):
        if any(x.tag_ == "MD" for x in c.children):
            return False
        if c.tag_ in finite or any(x.dep_ in ("aux", "auxpass") and x.tag_ in finite for x in c.children):
            return True
    return False


def _to_court(tok: Token, arg: str, actor: Actor) -> bool:
    courts = load_lexicon()["court_nouns"]
    return bool(children(tok, "dobj")) and any(
        p.lemma_.lower() in courts for c in children(tok, "prep") if c.lower_ == "to" for p in children(c, "pobj"))


def _binding_clause(tok: Token, arg: str, actor: Actor) -> bool:
    return any(x.tag_ == "MD" and x.lower_ in ("will", "would", "shall", "should", "must", "'ll", "wo")
               for c in children(tok, "ccomp") for x in c.children)


def _bare_participle(tok: Token, arg: str, actor: Actor) -> bool:
    return tok.tag_ == "VBN" and not children(tok, "aux", "auxpass")


def _modifier(tok: Token, arg: str, actor: Actor) -> bool:
    # "the agreed plan", "customers simply abandoning calls", "foreigners who were needed": describing a noun
    return tok.dep_ in ("amod", "compound", "relcl") or tok.dep_ == "acl" and tok.tag_ in ("VBG", "VBN")


def _object_control(tok: Token, arg: str, actor: Actor) -> bool:
    return bool(children(tok, "dobj")) and bool(children(tok, "xcomp"))


def _head(tok: Token, arg: str, actor: Actor) -> bool:
    return tok.head.i != tok.i and tok.head.lemma_.lower() in _words(arg)


def _future_clause(tok: Token, arg: str, actor: Actor) -> bool:
    return any(x.tag_ == "MD" for c in children(tok, "ccomp") for x in c.children)


def _infinitive_with_subject(tok: Token, arg: str, actor: Actor) -> bool:
    for c in children(tok, "ccomp", "xcomp"):
        if children(c, "nsubj", "nsubjpass") and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children):
            return True
    return False


def _tag(tok: Token, arg: str, actor: Actor) -> bool:
    return tok.tag_ in arg.split("|")


#: An object pronoun and the subject pronoun of the same person ("told me that I would").
_SAME_PERSON = {"me": "i", "him": "he", "her": "she", "us": "we", "them": "they", "you": "you"}


def _addressee_subject(tok: Token, arg: str, actor: Actor) -> bool:
    """The one told is the subject of what they are told ("told me that I would
    play", "assured Acme it would be paid"): a pledge to them, about them."""
    for obj in children(tok, "dobj", "dative"):
        for c in children(tok, "ccomp"):
            subj = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None:
                continue
            if _SAME_PERSON.get(obj.lower_) == subj.lower_ or actor(obj) is not None and actor(obj) == actor(subj):
                return True
    return False




def _mandative(tok: Token, arg: str, actor: Actor) -> bool:
    """The mandative subjunctive: "insisted that Kyiv require" (a base form,
    which after a singular subject the tagger reads as VBP) or a clause with
    should/must/need demands; "insists that the border runs" claims."""
    comp = children(tok, "ccomp")
    if not comp:
        return False
    inner = comp[0]
    modal, _ = modality(inner, load_lexicon()["modals"])
    subj = next((c for c in inner.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if modal is not None:
        return modal in ("should", "must")  # "insists he can win" claims
    subjunctive = inner.tag_ == "VB" or inner.tag_ == "VBP" and subj is not None and subj.tag_ in ("NN", "NNP")
    return subjunctive or any(c.lemma_ == "need" for c in inner.children)


def _schedule(tok: Token, arg: str, actor: Actor) -> bool:
    subj, passive = subject_of(tok)
    if not passive or subj is None or actor(subj) is not None:
        return False
    inner = children(tok, "xcomp")
    return bool(inner) and (inner[0].lemma_ in load_lexicon()["occurrence_verbs"] or inner[0].lemma_ == "be")


CONSTRAINTS: dict[str, Callable[[Token, str, Actor], bool]] = {
    "addressee_subject": _addressee_subject,
    "passive_on_passive": _passive_on_passive,
    "dep": _has_dep,
    "no": _lacks_dep,
    "prep": _child_word("prep"),
    "prt": _child_word("prt"),
    "word": _child_word(""),
    "object": _object,
    "acting_subject": _acting_subject,
    "tag": _tag,
    "object_control": _object_control,
    "head": _head,
    "modifier": _modifier,
    "binding_clause": _binding_clause,
    "bare_participle": _bare_participle,
    "to_court": _to_court,
    "indicative_clause": _indicative_clause,
    "for_clause": _for_clause,
    "expletive_subject": _expletive_subject,
    "passive_clause": _passive_clause,
    "passive": _passive,
    "future_clause": _future_clause,
    "infinitive_with_subject": _infinitive_with_subject,
    "modal": _modal,
    "object_of": _object_of,
    "mark": _child_word("mark"),
    "mandative": _mandative,
    "schedule": _schedule,
}


def _check(cond: str, tok: Token, actor: Actor) -> bool:
    name, _, arg = cond.partition(":")
    return CONSTRAINTS[name](tok, arg, actor)


def holds(row: Construction, tok: Token, actor: Actor, sense_only: bool = False) -> bool:
    """Is ``tok`` in the sense ``row`` needs: every 'needs', one 'needs_any', no
    'forbids'.  ``sense_only`` leaves out the subject's constraints, for a verb
    whose subject is elsewhere ("a decision to halt aid")."""
    needs = [c for c in row.needs if not (sense_only and c.startswith("acting_subject"))]
    if not all(_check(c, tok, actor) for c in needs):
        return False
    if row.needs_any and not any(_check(c, tok, actor) for c in row.needs_any):
        return False
    return not any(_check(c, tok, actor) for c in row.forbids)
