"""Who speaks through a publication: a report, study, survey or set of figures
that "says", "found" or "shows" speaks for the body that published it.

The publisher is named with the publication ("a report by X", "X's survey",
"official X figures", "figures from X", "a survey compiled by X", "X said in
a report"); a publication named without one ("the report said") is the last
one named before it, or, for "a study" that the next sentences name ("…, says
a study.  The report, by X, …"), the one just after.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.context import FactContext
from kg.nlp.gazetteer import load_lexicon

__all__ = ["inverted_subject", "is_publication", "named_publisher",
           "pobj_actor", "publication_source", "publisher", "speaks"]

# Children naming the publisher: "X's report", "X figures", "the X survey".
_PUBLISHER_DEPS = ("poss", "compound", "nmod")
# Prepositions naming the publisher: "a report by X", "figures from X".
_PUBLISHER_PREPS = ("by", "from")
# How far after an indefinite "a study" its publisher may still be named.
_FORWARD_SENTENCES = 2


def is_publication(tok: Token | None) -> bool:
    """Whether ``tok`` is the head noun of a publication ("report", "figures")."""
    if tok is None or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    lex = load_lexicon()  # "figures show", not "a party figure said"
    return tok.lemma_.lower() in lex["publication_nouns"] or tok.lower_ in lex["publication_plurals"]


def speaks(verb: Token, subject: Token | None, verbs: set[str]) -> bool:
    """Whether ``verb`` says something: a speech verb, or a publication's "found"/"showed"."""
    return verb.lemma_ in verbs or verb.lemma_ in load_lexicon()["publication_verbs"] and is_publication(subject)


def publisher(ctx: FactContext, noun: Token | None) -> str | None:
    """The actor a publication noun speaks for, or None (also for any other noun)."""
    if not is_publication(noun):
        return None
    return named_publisher(ctx, noun) or _publisher_in_force(ctx, noun)


def named_publisher(ctx: FactContext, noun: Token) -> str | None:
    """The actor named as the publisher of ``noun`` in its own phrase or clause."""
    for c in noun.children:
        key = _publisher_child(ctx, c)
        if key:
            return key
    return _speaker_of_medium(ctx, noun)


def _publisher_child(ctx: FactContext, c: Token) -> str | None:
    """The publisher a child of a publication noun names, or None."""
    if c.dep_ in _PUBLISHER_DEPS:
        return ctx.actor(c)
    if c.dep_ == "prep" and c.lower_ in _PUBLISHER_PREPS:
        return pobj_actor(ctx, c)
    if c.dep_ == "acl":  # "a round-up compiled by X"
        agent = next((g for g in c.children if g.dep_ == "agent"), None)
        return pobj_actor(ctx, agent) if agent is not None else None
    return None


def pobj_actor(ctx: FactContext, prep: Token) -> str | None:
    """The actor of a preposition's object ("by telecoms giant X" through the apposition)."""
    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    return ctx.actor(pobj) if pobj is not None else None


def _speaker_of_medium(ctx: FactContext, noun: Token) -> str | None:
    """"X says in a report": the report is X's."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.head.lemma_ not in ctx.lex["speech_verbs"]:
        return None
    subj = next((c for c in prep.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return ctx.actor(subj) if subj is not None else None


def _publisher_in_force(ctx: FactContext, noun: Token) -> str | None:
    """The publisher of the last publication named before ``noun``; for an
    indefinite one ("says a study") with none before, of one named just after."""
    for t in reversed(ctx.doc[:noun.i]):
        if is_publication(t):
            key = named_publisher(ctx, t)
            if key:
                return key
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
        return None
    stop = ctx.sents[min(ctx.sent_of[noun.i] + _FORWARD_SENTENCES, len(ctx.sents) - 1)].end
    for t in ctx.doc[noun.i + 1:stop]:
        if is_publication(t):
            key = named_publisher(ctx, t)
            if key:
                return key
    return None


def inverted_subject(verb: Token) -> Token | None:
    """A publication the parser made the object of a verb with no subject:
    "…, predicts the report by X" (the subject after its verb)."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and is_publication(c)), None)


def pronoun_publisher(ctx: FactContext, tok: Token) -> str | None:
    """"it says" right after a sentence in which a publication spoke: its publisher."""
    s = ctx.sent_of[tok.i]
    if tok.lower_ != "it" or tok.dep_ not in ("nsubj", "nsubjpass") or s == 0:
        return None
    for t in ctx.sents[s - 1]:
        if is_publication(t) and (t.dep_ == "nsubj" or t.dep_ == "dobj" and inverted_subject(t.head) is t):
            key = publisher(ctx, t)
            if key:
                return key
    return None


def publication_source(ctx: FactContext, tok: Token) -> str | None:
    """The publisher ``tok`` speaks for: of the publication it is, or of the one "it" continues."""
    return publisher(ctx, tok) or pronoun_publisher(ctx, tok)
