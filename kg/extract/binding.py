"""Frames in which a commitment cue commits nobody, and the cue record itself.

A :class:`Cue` is what a construction of ``kg/data/commitment_cues.json``
found before it becomes a :class:`kg.types.Commitment`.  The frames that bind
nobody ("should have withdrawn", "whether they would", "before agreeing to")
are named by ``frames_that_bind_nobody`` in the same file; each name is one
check here (:data:`BLOCKERS`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Token

from kg.extract.clauses import (CONDITION_AUXILIARIES, MODAL_WORDS, children, fronted_auxiliaries, going_to,
                                in_quote, is_perfect, subject_of)
from kg.extract.context import FactContext
from kg.nlp.gazetteer import load_cue_table
from kg.resolve.unnamed import actor_nouns

__all__ = ["Cue", "BLOCKERS", "blockers", "binds"]


@dataclass
class Cue:
    """A matched cue before it becomes a :class:`Commitment`."""

    kind: str
    cue: Token
    committer: str | None
    content: list[Token]
    target: str | None = None
    partners: list[str] = field(default_factory=list)
    modality: str | None = None
    negated: bool = False


def _auxes(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def _counterfactual(cue: Cue, ctx: FactContext) -> bool:
    """"should have withdrawn", "couldn't have asked", "would have allowed X to
    block"; "if I were him, I'd accept", "without it we'd be lost"."""
    tok = cue.cue
    if is_perfect(tok) and "to" in _auxes(tok):
        return True  # "it would have been better to have rejected it"
    if _auxes(tok) & {"would", "'d"} and _unreal_condition(tok):
        return True
    for _ in range(3):
        if is_perfect(tok) and _auxes(tok) & MODAL_WORDS:
            return True
        if tok.dep_ not in ("xcomp", "ccomp") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _unreal_condition(tok: Token) -> bool:
    """An "if" clause of a copular past "be" ("if I was Andrew, I'd...") or a
    "without" phrase ("without it we'd be lost") on a would-clause.  (Only
    the copula outside quotes: reported speech shifts tenses, and "warned it
    would act if deficits grew" is a real threat.)"""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "without":
            return True
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "if" for m in c.children) \
                and c.tag_ == "VBD" and (c.lemma_ == "be" or in_quote(tok)):
            return True  # (in a quote, no report shifts the tense: '"If the robots moved slower, users would..."')
        if c.dep_ == "advcl" and _inverted_condition(c):
            return True  # "Had England's kickers not been so bad, the position would be very different"
    return False


def _inverted_condition(clause: Token) -> bool:
    """"Had X been", "Were X to": a condition with its auxiliary before its
    subject; or "if Howard were applying": a subjunctive "were" after a
    singular subject."""
    subj, fronted = fronted_auxiliaries(clause)
    if subj is None:
        return False
    if any(c.lower_ in CONDITION_AUXILIARIES for c in fronted):
        return True
    singular = subj.tag_ in ("NN", "NNP") or subj.lower_ in ("i", "he", "she", "it")
    return singular and any(c.dep_ in ("aux", "auxpass") and c.lower_ == "were" for c in clause.children) and \
        any(m.dep_ == "mark" and m.lower_ == "if" for m in clause.children)


def _past_expectation(cue: Cue, ctx: FactContext) -> bool:
    """"was expecting", "had expected": an expectation told in the past."""
    tok, auxes = cue.cue, _auxes(cue.cue)
    clause = tok
    while clause.dep_ == "xcomp" and clause.head.i != clause.i:
        clause = clause.head  # ("was going to happen": the clause is "going")
    if clause.dep_ == "ccomp" and _past_belief(clause.head, ctx):
        return True  # "analysts had believed the product would...", "never did I think this was going to happen"
    if tok.lemma_ not in ("expect", "anticipate", "predict", "forecast", "hope"):
        return False
    if tok.tag_ == "VBN" and "had" in auxes or tok.tag_ == "VBG" and bool(auxes & {"was", "were", "had"}):
        return True
    # '"We expected a bit of this"': a simple past in the speaker's own words (in reported
    # speech, "said it expected growth" is the tense of the report, not of the expectation)
    return tok.tag_ == "VBD" and in_quote(tok)


def _past_belief(verb: Token, ctx: FactContext) -> bool:
    """A belief told as over: a past perfect ("had believed") or a "never did I think"."""
    if verb.lemma_ not in ctx.lex["belief_verbs"] | ctx.lex["hope_verbs"]:
        return False
    auxes = _auxes(verb)
    return verb.tag_ == "VBN" and "had" in auxes or "did" in auxes and any(c.lower_ == "never" for c in verb.children)


def _believed_act(cue: Cue, ctx: FactContext) -> bool:
    """"we believe investors accept", "I think the Fed would be prepared to":
    an act, or someone else's readiness, that someone is said to believe in."""
    tok = cue.cue
    verb = tok.head if tok.dep_ in ("acomp", "oprd") else tok
    if verb.dep_ != "ccomp" or verb.head.lemma_ not in ctx.lex["belief_verbs"]:
        return False
    if cue.kind in ("agreement", "refusal"):
        return True
    believer, _ = subject_of(verb.head)
    return cue.kind == "promise" and believer is not None and ctx.actor(believer) != cue.committer


def _alleged(cue: Cue, ctx: FactContext) -> bool:
    """"rejected claims that he pressured X", "allege that X may have fixed
    bids": what an allegation says was done."""
    node = cue.cue
    if node.dep_ == "ccomp" and node.head.lemma_ in ctx.lex["allegation_verbs"]:
        return True  # "prosecutors allege that the firms may have fixed bids"
    for _ in range(4):  # "reports that her beliefs would make her refuse to serve"
        head = node.head
        if node.dep_ in ("acl", "ccomp", "relcl") and head.pos_ == "NOUN" \
                and head.lemma_.lower() in ctx.lex["claim_nouns_of_report"]:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _past_talks(cue: Cue, ctx: FactContext) -> bool:
    """"held talks with X": a past meeting, no undertaking."""
    tok = cue.cue
    return tok.lemma_ in ("hold", "have") and tok.tag_ == "VBD" and any(
        c.dep_ == "dobj" and c.lemma_ in ctx.lex["meeting_nouns"] for c in tok.children)


def _attempt(cue: Cue, ctx: FactContext) -> bool:
    """"have been trying to agree a deal", "considering joining them in committing
    to...": an attempt or a thought is not yet an agreement or a pledge."""
    tok = cue.cue
    for _ in range(4):
        if tok.dep_ not in ("xcomp", "pcomp", "prep", "conj") or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.lemma_ in ctx.lex["attempt_verbs"]:
            return True
    return False


def _unrealised(cue: Cue, ctx: FactContext) -> bool:
    """"before committing himself to a contract", "without agreeing to", "close
    to striking a deal": not (yet) done."""
    tok = cue.cue
    if tok.dep_ != "pcomp":
        return False
    prep = tok.head
    return prep.lower_ in ctx.lex["unrealised_preps"] or prep.lower_ == "to" and \
        prep.head.lemma_.lower() in ctx.lex["unrealised_adjectives"]


def _open_question(cue: Cue, ctx: FactContext) -> bool:
    """"did not know whether they would pursue the case", "what the bank expects
    to happen", "how the board proposed to act": an open question binds nobody."""
    tok = cue.cue
    if going_to(tok):
        tok = tok.head  # "when it is going to happen": the question is on "going"
    if any(c.dep_ == "mark" and (c.lower_ == "whether" or c.lower_ == "if" and tok.dep_ == "ccomp")
           for c in tok.children):
        return True
    if tok.dep_ == "acl":  # "a decision on just how BMW will manage" (not "the day when", "a town where")
        return any(t.tag_ in ("WRB", "WP") and t.i < tok.i and t.lower_ not in ("when", "where")
                   for t in tok.children)
    return tok.dep_ in ("ccomp", "pcomp", "xcomp") and any(
        t.tag_ in ("WRB", "WP") and t.i < tok.i and t.dep_ != "nsubj" for t in tok.subtree)


def _receipt(cue: Cue, ctx: FactContext) -> bool:
    """"is set to learn", "is set to become minister": what befalls the subject,
    or a state it is to be in, is nobody's undertaking."""
    befall = ctx.lex["receiving_verbs"] | {"become", "be", "remain"}
    return cue.kind == "promise" and cue.cue.pos_ != "AUX" and any(
        c.lemma_ in befall for c in children(cue.cue, "xcomp"))


def _condition(cue: Cue, ctx: FactContext) -> bool:
    """"If they plan to stay, ...", "if rich countries are going to keep their
    promises, ...": the condition of a conditional."""
    tok = cue.cue
    while tok.dep_ == "xcomp" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children)


def _question(cue: Cue, ctx: FactContext) -> bool:
    """"Why should Acme pay?": a question."""
    sent = ctx.sents[ctx.sent_of[cue.cue.i]]
    return sent.text.rstrip(' "”’\'').endswith("?")


def _ability(cue: Cue, ctx: FactContext) -> bool:
    """"the UK would still be able to reject proposals", "unable to agree": a
    power (or the lack of one), not an undertaking."""
    head = cue.cue.head
    return cue.cue.dep_ == "xcomp" and head.lemma_.lower() in ("able", "unable") and head.i != cue.cue.i


def _aptitude(cue: Cue, ctx: FactContext) -> bool:
    """"the US was very bad at coordinating", "capable of agreeing": what
    someone is good, bad or capable at, not what they undertake."""
    tok = cue.cue
    prep = tok.head
    if tok.dep_ != "pcomp" or prep.dep_ != "prep":
        return False
    # "bad at": the preposition on the adjective, or (as often parsed) on "was" beside it
    adjectives = [prep.head] + [c for c in prep.head.children if c.dep_ == "acomp"]
    return any(a.pos_ == "ADJ" and a.lemma_.lower() in ctx.lex["aptitude_adjectives"] for a in adjectives)


def _contest(cue: Cue, ctx: FactContext) -> bool:
    """"Real Madrid will play the final minutes of their match", "will race in
    the marathon", "withdrew from the final": a fixture of sport, what the
    schedule says, not an undertaking nor a refusal."""
    tok = cue.cue
    if cue.kind not in ("promise", "refusal") or tok.pos_ not in ("VERB", "AUX"):
        return False
    if tok.lemma_ in ctx.lex["contest_verbs"]:
        return True  # "will compete against X for best actress"
    args = [c for c in tok.children if c.dep_ in ("dobj", "prep", "prt", "npadvmod")]
    words = ctx.lex["contest_nouns"]
    return any(t.lemma_.lower() in words and t.pos_ in ("NOUN", "PROPN") for a in args for t in a.subtree
               if t.dep_ in ("dobj", "pobj"))


def _asked_of(cue: Cue, ctx: FactContext) -> bool:
    """"X was being urged to push for action": what the one urged is to do is
    the content of someone else's demand (the passive leaves out whose)."""
    head = cue.cue.head
    return cue.cue.dep_ == "xcomp" and head.i != cue.cue.i and head.lemma_ in actor_nouns()["addressee_verbs"] \
        and any(c.dep_ == "auxpass" for c in head.children)


def _not_yet(cue: Cue, ctx: FactContext) -> bool:
    """"We have not yet offered him a contract": nothing refused, nothing done yet."""
    return cue.negated and any(c.lower_ == "yet" and c.dep_ == "advmod" for c in cue.cue.children)


def _denial(cue: Cue, ctx: FactContext) -> bool:
    """"refused to accept that the war had turned audiences": a claim denied;
    "denied he planned to join": a plan denied is no plan; "does not mean it
    should be barred": what is said not to follow."""
    head = cue.cue.head
    if cue.cue.dep_ == "ccomp" and (head.lemma_ in ctx.lex["denial_verbs"] or head.lemma_ in
                                    ctx.lex["implication_verbs"] and children(head, "neg")):
        return True
    return cue.kind == "refusal" and any(x.lemma_ in ctx.lex["admission_verbs"] and children(x, "ccomp")
                                         for x in children(cue.cue, "xcomp"))


def _speech_to_come(cue: Cue, ctx: FactContext) -> bool:
    """"He will argue that...", "is expected to stress the importance of...": a
    speech to come is said, not undertaken (what it says may commit, on its own)."""
    if cue.kind not in ("promise", "expectation"):
        return False  # ("more likely to say that...", "might argue": a saying, forecast)
    words = ctx.lex["saying_verbs"]
    # the cue itself under will/would ("will argue"), or the act a cue looks ahead to ("expected to stress")
    acts = ([cue.cue] if cue.modality is not None else []) + children(cue.cue, "xcomp")
    return any(a.lemma_ in words and not children(a, "xcomp") for a in acts)


#: The checks named by "frames_that_bind_nobody" in kg/data/commitment_cues.json.
BLOCKERS: dict[str, Callable[[Cue, FactContext], bool]] = {
    "counterfactual": _counterfactual, "past expectation": _past_expectation, "believed act": _believed_act,
    "past talks": _past_talks, "attempt": _attempt, "unrealised": _unrealised, "open question": _open_question,
    "receipt": _receipt, "alleged": _alleged, "condition": _condition, "question": _question,
    "ability": _ability, "aptitude": _aptitude, "contest": _contest, "not yet": _not_yet, "denial": _denial, "asked of": _asked_of,
    "speech to come": _speech_to_come,
}


def blockers(releasing: bool = False) -> tuple[Callable[[Cue, FactContext], bool], ...]:
    """The checks the table turns on, in its order: those whose frame binds
    nothing below it, or (``releasing``) those whose frame leaves what it
    governs to be read on its own ("will say that he would not rest")."""
    return tuple(BLOCKERS[row["name"]] for row in load_cue_table()["frames_that_bind_nobody"]
                 if bool(row.get("releases")) == releasing)


def binds(cue: Cue, ctx: FactContext, blockers: tuple[Callable[[Cue, FactContext], bool], ...]) -> bool:
    """Is the cue in a frame that commits anyone?"""
    return not any(test(cue, ctx) for test in blockers)
