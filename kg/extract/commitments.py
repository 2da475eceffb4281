"""Commitments: promises, demands, proposals, expectations, agreements, refusals.

The constructions are data (``kg/data/commitment_cues.json``, read by
:mod:`kg.extract.cues`); this module reads the frames they name off the
dependency parse:

- **verb** ("urged X to", "agreed to", "refused to", "plans to"),
- **adjective** ("ready to", "willing to", "is likely to"),
- **noun** with a clause ("a decision to halt", "his readiness to present"),
- **talks** ("is leading talks", "we are in discussions to arrange"),
- **adverb** ("hopefully"),
- **modal** on an act ("will send" is a promise, "should" a demand, "might"
  an expectation; in reported speech an impersonal one belongs to the
  speaker's side).

Cues are visited from the root of each sentence down; the clause a cue governs
is its content, and cues inside that content are not separate commitments
("urged Ukraine to accept ... and to agree to a deal" is one demand).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from kg.extract.clauses import (MODAL_WORDS, children, content_of, is_perfect, is_planned, modality,
                                subject_of, subtree_ids)
from kg.extract.context import FactContext
from kg.extract.cues import Construction, first_holding, holds, load_constructions
from kg.extract.timex import resolve_time
from kg.nlp.gazetteer import load_cue_table
from kg.resolve.unnamed import actor_nouns
from kg.types import Commitment

__all__ = ["extract_commitments", "Cue"]


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


def _modality(tok: Token, ctx: FactContext) -> tuple[str | None, bool]:
    return modality(tok, ctx.lex["modals"])


# --- frames that bind nobody -------------------------------------------------------

def _auxes(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def _counterfactual(cue: Cue, ctx: FactContext) -> bool:
    """"should have withdrawn", "couldn't have asked", "would have allowed X to block"."""
    tok = cue.cue
    for _ in range(3):
        if is_perfect(tok) and _auxes(tok) & MODAL_WORDS:
            return True
        if tok.dep_ not in ("xcomp", "ccomp") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _past_expectation(cue: Cue, ctx: FactContext) -> bool:
    """"was expecting", "had expected": an expectation told in the past."""
    tok, auxes = cue.cue, _auxes(cue.cue)
    if tok.lemma_ not in ("expect", "anticipate", "predict", "forecast"):
        return False
    if tok.tag_ == "VBN" and "had" in auxes or tok.tag_ == "VBG" and bool(auxes & {"was", "were", "had"}):
        return True
    # '"We expected a bit of this"': a simple past in the speaker's own words (in reported
    # speech, "said it expected growth" is the tense of the report, not of the expectation)
    return tok.tag_ == "VBD" and _in_quote(tok)


def _in_quote(tok: Token) -> bool:
    """Is ``tok`` inside quotation marks (an odd number of them before it in its sentence)?"""
    return sum(1 for t in tok.sent if t.i < tok.i and t.text in ('"', "“", "”")) % 2 == 1


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
    """"rejected claims that he pressured X": what an allegation says was done."""
    node = cue.cue
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
    """"have been trying to agree a deal": an attempt is not yet an agreement or a pledge."""
    tok = cue.cue
    return tok.dep_ == "xcomp" and tok.head.lemma_ in ctx.lex["attempt_verbs"]


def _unrealised(cue: Cue, ctx: FactContext) -> bool:
    """"before committing himself to a contract", "without agreeing to": not (yet) done."""
    tok = cue.cue
    return tok.dep_ == "pcomp" and tok.head.lower_ in ctx.lex["unrealised_preps"]


def _open_question(cue: Cue, ctx: FactContext) -> bool:
    """"did not know whether they would pursue the case", "what the bank expects
    to happen", "how the board proposed to act": an open question binds nobody."""
    tok = cue.cue
    if any(c.dep_ == "mark" and (c.lower_ == "whether" or c.lower_ == "if" and tok.dep_ == "ccomp")
           for c in tok.children):
        return True
    return tok.dep_ in ("ccomp", "pcomp", "xcomp") and any(
        t.tag_ in ("WRB", "WP") and t.i < tok.i and t.dep_ != "nsubj" for t in tok.subtree)


def _receipt(cue: Cue, ctx: FactContext) -> bool:
    """"is set to learn", "is set to become minister": what befalls the subject,
    or a state it is to be in, is nobody's undertaking."""
    befall = ctx.lex["receiving_verbs"] | {"become", "be", "remain"}
    return cue.kind == "promise" and cue.cue.pos_ != "AUX" and any(
        c.lemma_ in befall for c in children(cue.cue, "xcomp"))


def _condition(cue: Cue, ctx: FactContext) -> bool:
    """"If they plan to stay, ...": the condition of a conditional."""
    return cue.cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in cue.cue.children)


def _question(cue: Cue, ctx: FactContext) -> bool:
    """"Why should Acme pay?": a question."""
    sent = ctx.sents[ctx.sent_of[cue.cue.i]]
    return sent.text.rstrip(' "”’\'').endswith("?")


#: The checks named by "frames_that_bind_nobody" in kg/data/commitment_cues.json.
BLOCKERS: dict[str, Callable[[Cue, FactContext], bool]] = {
    "counterfactual": _counterfactual, "past expectation": _past_expectation, "believed act": _believed_act,
    "past talks": _past_talks, "attempt": _attempt, "unrealised": _unrealised, "open question": _open_question,
    "receipt": _receipt, "alleged": _alleged, "condition": _condition, "question": _question,
}


def _blockers() -> tuple[Callable[[Cue, FactContext], bool], ...]:
    """The checks the table turns on, in its order."""
    return tuple(BLOCKERS[row["name"]] for row in load_cue_table()["frames_that_bind_nobody"])


def _binds(cue: Cue, ctx: FactContext, blockers: tuple[Callable[[Cue, FactContext], bool], ...]) -> bool:
    """Is the cue in a frame that commits anyone?"""
    return not any(test(cue, ctx) for test in blockers)


def _no_commitment_frame(tok: Token, ctx: FactContext) -> bool:
    """A modal that binds nobody: a perfect ("would have played", "will have
    taken": what was or will be the case), or a question ("who would pay?")."""
    if is_perfect(tok):
        return True
    sent = ctx.sents[ctx.sent_of[tok.i]]
    if sent.text.rstrip(' "”’\'').endswith("?"):
        return True
    # '..., who would travel miles for that?" he asks.': the quote is the question
    after = [t for t in sent[tok.right_edge.i + 1 - sent.start:] if t.is_punct]
    return bool(after) and after[0].text == "?" or any(
        t.text == "?" and t.i > tok.i and t.head.i == tok.i for t in sent)


# --- who, to whom ----------------------------------------------------------------------

def _from_actor(noun: Token, ctx: FactContext) -> str | None:
    """"a pledge from X", "a call by X": X."""
    for prep in children(noun, "prep"):
        if prep.lower_ in ("from", "by"):
            for p in children(prep, "pobj"):
                return ctx.actor(p)
    return None


def _verb_owner(verb: Token, ctx: FactContext) -> str | None:
    """Whose is a noun that ``verb`` governs: the noun the verb qualifies, else its active subject."""
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        owner = ctx.actor(verb.head) or _from_actor(verb.head, ctx)
        if owner:
            return owner
    subj, passive = subject_of(verb)
    return ctx.actor(subj) if subj is not None and not passive else None


def _noun_owner(noun: Token, ctx: FactContext) -> str | None:
    """Whose plan/decision/readiness a noun is: its possessor, the sender of
    the letter it is in, or the subject of the verb it is an object of."""
    poss = children(noun, "poss")
    joint = children(noun.head, "nsubj") if poss and poss[0].lower_ == "their" and noun.dep_ == "dobj" else []
    if joint and joint[0].conjuncts:
        # "X and Y confirmed their willingness": the joint subject's, the first party's
        owner = ctx.actor(joint[0])
        if owner:
            return owner
    if poss:
        return ctx.actor(poss[0])
    owner = _from_actor(noun, ctx)
    if owner:
        return owner
    for c in children(noun, "compound", "amod", "nmod"):  # "an EU demand", "the British proposal"
        if c.i < noun.i and c.ent_type_ in ("ORG", "GPE", "NORP"):
            owner = ctx.actor(c)
            if owner:
                return owner
    node = noun
    for _ in range(6):
        head = node.head
        if head.i == node.i:
            return None
        if node.dep_ in ("dobj", "pobj", "attr", "nsubjpass", "conj", "appos") or head.dep_ == "prep":
            if head.pos_ in ("VERB", "AUX"):
                return _verb_owner(head, ctx)
        elif node.dep_ == "acl":
            return ctx.actor(head) or _from_actor(head, ctx)
        node = head
    return None


def _cue_objects(cue: Token, content: list[Token]) -> Iterator[Token]:
    """Where an addressee stands, most telling first: the object of the cue
    ("urged X"), the subject of the clause it governs ("insisted that X"), an
    actor after to/with/from/on/for, then the arguments inside the content."""
    yield from children(cue, "dobj", "dative")
    for obj in children(cue, "dobj"):  # "rejected the union's demands", "threw out a move by X", "an offer for X"
        yield from children(obj, "poss")
        for prep in children(obj, "prep"):
            if prep.lower_ in ("by", "from", "for"):
                yield from children(prep, "pobj")
    for c in children(cue, "ccomp", "xcomp"):
        yield from children(c, "nsubj", "nsubjpass")
    for c in children(cue, "prep", "dative"):  # "sold X to Y": a dative "to"
        if c.lower_ in ("on", "with", "to", "from", "for", "against"):
            yield from children(c, "pobj")
    ids = {t.i for t in content}
    yield from (t for t in content if t.dep_ == "pobj" and t.head.lower_ in ("to", "with", "from", "on") and t.head.i in ids)
    yield from (t for t in content if t.dep_ in ("nsubj", "dobj", "dative"))


def _target_of(cue: Token, content: list[Token], committer: str | None, ctx: FactContext) -> str | None:
    """The addressee; never the committer or the committer's own country."""
    own = {committer}
    ent = ctx.ents.entities.get(committer) if committer else None
    if ent is not None:
        own.update(ent.affiliations)
    for tok in _cue_objects(cue, content):
        a = ctx.actor(tok)
        if a and a not in own:
            return a
    return None


def _partners(subj: Token | None, ctx: FactContext, committer: str | None) -> list[str]:
    """The co-committers: the other conjuncts of the subject ("X and Y agreed")."""
    out: list[str] = []
    for t in subj.conjuncts if subj is not None else ():
        a = ctx.actor(t)
        if a and a != committer and a not in out:
            out.append(a)
    return out


def _speaker_side(ctx: FactContext, tok: Token, personal: bool = False, officials_only: bool = False) -> str | None:
    """Who stands behind an impersonal commitment in reported speech: the
    speaker's country or organisation (an official speaks for it), or the
    speaker.  ``personal`` (a hope, "hopefully") keeps the speaker;
    ``officials_only`` (a forecast) gives it to the country only, for an
    economist or analyst forecasts in their own name."""
    sp = ctx.speech_for(tok)
    if sp is None:
        return None
    if personal:
        return sp.speaker
    ent = ctx.ents.entities.get(sp.speaker)
    if ent is not None and ent.kind == "Person" and ent.affiliations:
        aff = ent.affiliations[0]
        # An unnamed spokesman speaks for the body; a named economist forecasts in their own name.
        if officials_only and getattr(ctx.ents.entities.get(aff), "kind", None) != "Country" \
                and not sp.speaker.startswith("unnamed:"):
            return sp.speaker
        if aff in ctx.ents.entities:
            ctx.ents.entities[aff].is_actor = True
        return aff
    return sp.speaker


def _has_under_plan(sent: Span, nouns: dict[str, str]) -> str | None:
    """"Under this proposal, ...": the kind of the plan the sentence is under."""
    for t in sent:
        if t.lower_ == "under":
            for p in children(t, "pobj"):
                if nouns.get(p.lemma_) in ("proposal", "agreement"):
                    return nouns[p.lemma_]
    return None


def _asked_for(noun: Token, c: Token, row: Construction) -> Token | None:
    """"a call for talks": the noun after a preposition the row allows."""
    if c.dep_ == "prep" and c.lower_ in row.complement_preps and c.i > noun.i:
        return next((p for p in c.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")), None)
    return None


def _clause_of_noun(c: Token) -> Token | None:
    """"a pledge to cut", "a demand that X go" (a to-, -ing or that-clause; no relative but a bare verb)."""
    if c.dep_ in ("acl", "relcl", "ccomp") and c.pos_ in ("VERB", "AUX") \
            and (c.tag_ in ("VB", "VBG") or any(x.dep_ == "mark" for x in c.children)) \
            and (c.dep_ != "relcl" or c.tag_ == "VB"):
        return c
    return None


def _of_gerund(c: Token) -> Token | None:
    """"hopes of reaching a deal"."""
    if c.dep_ == "prep" and c.lower_ == "of":
        return next((g for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
    return None


def _has_to(tok: Token) -> bool:
    """"has to go", "will have to pay": "have" + "to" + a verb, an obligation now
    or ahead (not "had to", what was, nor "is having to", a plight; nor "does not have to")."""
    head = tok.head
    return (tok.tag_ == "VB" and tok.dep_ == "xcomp" and head.lemma_ == "have" and head.i < tok.i
            and head.tag_ in ("VBZ", "VBP", "VB") and head.dep_ != "relcl"
            and not any(c.dep_ == "neg" or c.lower_ in ("would", "could", "might", "'d") for c in head.children)
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children))


def _going_to(tok: Token) -> bool:
    """"is going to build": "be going" + "to" + a verb."""
    head = tok.head
    return (tok.tag_ == "VB" and tok.dep_ == "xcomp" and head.lower_ == "going" and head.i < tok.i
            and any(c.dep_ == "aux" and c.lemma_ == "be" for c in head.children)
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children))


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun is an argument of, through prepositions ("followed the
    meeting with a decision": followed)."""
    node = noun
    for _ in range(4):
        if node.dep_ not in ("dobj", "pobj", "prep", "attr"):
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _detached_clause(noun: Token) -> Token | None:
    """"made an appeal to end the strike", "a decision earlier this week to
    halt aid": the parser often hangs the to-clause of a noun on the verb (as
    a purpose); it is the noun's when nothing but a time phrase stands between."""
    verb = _governing_verb(noun)
    if verb is None:
        return None
    timing = {t.i for c in verb.children if c.dep_ in ("npadvmod", "advmod") for t in c.subtree}
    for c in verb.children:
        if c.dep_ == "advcl" and c.tag_ == "VB" and c.i > noun.i \
                and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children) \
                and all(i in timing for i in range(noun.right_edge.i + 1, c.left_edge.i)):
            return c
    return None


def _hoped(cue: Cue, ctx: FactContext) -> Cue:
    """"She hoped Peru would sign the deal", "Z fears the firm will close": what
    someone hopes or fears another will do is the holder's expectation."""
    if cue.kind not in ("promise", "agreement", "refusal") or cue.committer is None:
        return cue
    verb = cue.cue
    if verb.dep_ != "ccomp" or verb.head.lemma_ not in ctx.lex["hope_verbs"]:
        return cue
    holder, _ = subject_of(verb.head)
    key = ctx.actor(holder) if holder is not None else None
    if key is None or key == cue.committer:
        return cue
    return Cue("expectation", verb, key, cue.content, None, [], cue.modality, cue.negated)


def _agent(cue: Token) -> Token | None:
    """The "by X" of a passive."""
    return next((a for c in cue.children if c.dep_ == "agent" for a in c.children if a.dep_ == "pobj"), None)


class _Matcher:
    """Reads each frame of the construction table at a token."""

    def __init__(self, ctx: FactContext):
        self.ctx = ctx
        self.table = load_constructions()
        self.nouns = self.table.kinds("noun")
        self.modal_kind = self.table.kinds("modal")
        nouns = actor_nouns()
        self.people_nouns = nouns["group"] | nouns["person"] | nouns["institution"] | nouns["collective"]

    def _read(self, frame: str, words: tuple[str, ...], tok: Token, read) -> Cue | None:
        """The cue of the first row of ``frame`` listing one of ``words`` whose
        constraints hold at ``tok`` and whose frame ``read`` finds in the parse."""
        for w in words:
            for row in self.table.candidates(frame, w):
                if holds(row, tok, self.ctx.actor):
                    cue = read(tok, row)
                    if cue is not None:
                        return self._held(cue, row)
        return None

    def _held(self, cue: Cue, row: Construction) -> Cue:
        """"Banks have a duty to protect savers," X said: X's demand of the banks."""
        if row.holder != "speaker_of_others" or cue.committer is None:
            return cue
        side = _speaker_side(self.ctx, cue.cue, personal=True)
        if side is None or side == cue.committer:
            return cue
        return Cue("demand", cue.cue, side, cue.content, cue.committer, [], cue.modality, cue.negated)

    def match(self, tok: Token) -> Cue | None:
        cue = self._match(tok)
        return _hoped(cue, self.ctx) if cue is not None else None

    def _match(self, tok: Token) -> Cue | None:
        if tok.pos_ in ("VERB", "AUX", "ADJ") or tok.tag_ == "VBN":
            lemma = tok.lemma_.lower()
            if self.table.candidates("verb", lemma):
                return self._read("verb", (lemma,), tok, self.verb) or self.modal(tok)
            return self._read("adjective", (tok.lower_, tok.lemma_), tok, self.adjective) or self.modal(tok)
        if tok.pos_ == "NOUN":
            lemma = tok.lemma_.lower()
            if self.table.candidates("talks", lemma):
                return self._read("talks", (lemma,), tok, self.talks)
            return self._read("noun", (lemma,), tok, self.noun)
        if tok.pos_ == "ADV":
            return self._read("adverb", (tok.lower_,), tok, self.adverb)
        return None

    # -- committer and content -------------------------------------------------------
    def _committer(self, kind: str, cue: Token, subj: Token | None, passive: bool,
                   personal: bool) -> str | None:
        """The subject, the agent of a passive, or the speaker's side."""
        ctx = self.ctx
        if passive:
            agent = _agent(cue)
            committer = ctx.actor(agent) if agent is not None else None
            if committer is None and kind == "demand":
                # "Headteachers have been told to stay open, the council said": the speaker's side told them.
                committer = _speaker_side(ctx, cue)
            return committer  # else ("X was urged", "what was promised") the text does not say by whom
        if subj is None or subj.tag_ == "PRP" and subj.lower_ not in ctx.lex["first_person_singular"] \
                or subj.lower_ in ctx.lex["speaker_side_subjects"]:  # "both sides", "our manifesto", not "the other side"
            # "..., promising to act", an unresolved "we" or "it": the speaker's side
            return ctx.actor(subj) or _speaker_side(ctx, cue, personal=personal)
        # a subject that names nobody we know ("the G8 of rich nations") is not the speaker; of
        # "both the premier and X", the first conjunct we know
        return ctx.actor(subj) or next((a for a in map(ctx.actor, subj.conjuncts) if a), None) \
            or self._misjoined_subject(cue)

    def _misjoined_subject(self, cue: Token) -> str | None:
        """"X said the deal was overdue and urged Y to...": the parser often joins
        "urged" to the reported clause, not to "said"; its subject is X's."""
        head = cue.head
        if cue.dep_ != "conj" or head.dep_ != "ccomp" or head.head.lemma_ not in self.ctx.lex["speech_verbs"]:
            return None
        subj, passive = subject_of(head.head)
        return self.ctx.actor(subj) if subj is not None and not passive else None

    def _finish(self, kind: str, cue: Token, subj: Token | None, passive: bool, content_root: Token,
                personal: bool = False, verb: Token | None = None) -> Cue | None:
        """The cue's committer, content, modal (on ``verb``, the copula of "should be ready to"), target."""
        ctx = self.ctx
        committer = self._committer(kind, cue, subj, passive, personal)
        if committer is None:
            return None
        content = content_of(content_root, subtree_ids(subj) if subj is not None and subj.i < cue.i else set())
        modal, negated = _modality(verb if verb is not None else cue, ctx)
        if self.modal_kind.get(modal or "") == "demand" and not passive:
            side = _speaker_side(ctx, cue, personal=True)
            if side is not None and side != committer:
                # '"Farmers must accept the rules," the minister said': the minister's demand of them
                return Cue("demand", cue, side, content, committer, [], modal, negated)
        partners = _partners(subj, ctx, committer)
        target = _target_of(cue, content, committer, ctx)
        if kind == "agreement" and target is None and partners:
            target = partners[0]  # "X and Y agreed": each is the other's counterpart
        return Cue(kind, cue, committer, content, target, partners, modal, negated)

    # -- the frames ------------------------------------------------------------------
    def verb(self, tok: Token, row: Construction) -> Cue | None:
        """A cue verb in its commitment sense (``row``); the subject (or the agent) commits."""
        kind = row.kind
        comp = children(tok, "ccomp")
        if row.clause_modal_kind and comp:
            modal, _ = _modality(comp[0], self.ctx)
            if modal in row.clause_modal_kind:
                kind = row.clause_modal_kind[modal]
                if kind is None:
                    return None  # the inner clause is a commitment of its own
        subj, passive = subject_of(tok)
        if passive and row.passive_subject == "commits" and subj is not None and self.ctx.actor(subj):
            passive = False  # "he is committed to", "X is expected to"
        return self._finish(kind, tok, subj, passive, tok)

    def adjective(self, tok: Token, row: Construction) -> Cue | None:
        """"ready to", "likely to": an adjective with a to-clause."""
        if tok.dep_ not in ("acomp", "ROOT", "amod", "xcomp", "conj", "ccomp"):
            return None
        verb = tok.head if tok.dep_ in ("acomp", "oprd") else tok
        # "ready to go", "confident that it will"; after an empty "it" the clause hangs on the copula
        # ("it is vital that X acts").
        comp = children(tok, "xcomp", "ccomp") or (children(verb, "xcomp", "ccomp") if verb is not tok else [])
        preps = ("to", *row.complement_preps)  # "ready to", "set for steady growth"
        if not (comp or any(c.lower_ in preps for c in children(tok, "prep"))):
            return None
        subj, _ = subject_of(verb)
        if row.holder != "speaker":
            return self._finish(row.kind, tok, subj, False, tok, verb=verb)
        # "X is likely to sign": the expectation is the writer's, or the
        # speaker's in reported speech; X is what it is about.
        holder = _speaker_side(self.ctx, tok, officials_only=True)
        content = content_of(comp[0] if comp and comp[0].head.i != tok.i else tok, set())
        if holder is None:
            return Cue("", tok, None, content)  # nobody holds it; still, "likely to sign" is no signature
        about = self.ctx.actor(subj) if subj is not None and subj.lower_ != "it" else None
        return Cue(row.kind, tok, holder, content, about if about != holder else None)

    def _noun_clause(self, tok: Token, row: Construction) -> Token | None:
        """The clause a cue noun governs: "a pledge to cut", "a demand that X go", "hopes of reaching";
        or the noun phrase it asks for ("a call for talks") where the row allows it."""
        for c in tok.children:
            found = _asked_for(tok, c, row) or _clause_of_noun(c) or _of_gerund(c)
            if found is not None:
                return found
        return _detached_clause(tok)

    def noun(self, tok: Token, row: Construction) -> Cue | None:
        """"a pledge to", "its decision to": a cue noun with a clause; its owner commits."""
        inner = self._noun_clause(tok, row)
        if inner is None and row.bare:
            return self._bare_noun(tok, row)
        if inner is None:
            return None
        kind = row.kind
        inner_rows = self.table.candidates("verb", inner.lemma_.lower()) if row.clause_kind else ()
        inner_row = first_holding(inner_rows, inner, self.ctx.actor, sense_only=True)
        if inner_row is not None:
            kind = inner_row.kind  # "a decision to reject" refuses
        committer = _noun_owner(tok, self.ctx)
        if committer is None:
            return None
        content = content_of(tok, set())
        if inner.i not in {t.i for t in content}:
            content = sorted(content + list(inner.subtree), key=lambda t: t.i)
        modal, negated = _modality(inner, self.ctx)
        return Cue(kind, tok, committer, content, _target_of(inner, content, committer, self.ctx), [],
                   modal, negated)

    def _bare_noun(self, tok: Token, row: Construction) -> Cue | None:
        """"filed a complaint against X", "made ten recommendations": the noun is what is committed."""
        committer = _noun_owner(tok, self.ctx)
        if committer is None:
            return None
        content = content_of(tok, set())
        return Cue(row.kind, tok, committer, content, _target_of(tok, content, committer, self.ctx))

    def talks(self, tok: Token, row: Construction) -> Cue | None:
        """"X is leading talks", "we are in discussions to arrange a meeting"."""
        clause = [c for c in tok.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VB"]
        head = tok.head
        # "we are in discussions to arrange"; "in an effort to" is a purpose, not an undertaking
        via_prep = tok.dep_ == "pobj" and head.lower_ in ("in", "into") and head.head.pos_ in ("VERB", "AUX", "ADJ") \
            and tok.lemma_.lower() in ("discussion", "talk", "talks", "negotiation", "consultation")
        verb = head.head if via_prep else head if tok.dep_ == "dobj" else None
        if verb is None or via_prep and not clause:
            return None
        if tok.dep_ == "dobj" and verb.lemma_ not in self.ctx.lex["undertaking_verbs"]:
            return None
        subj, passive = subject_of(verb)
        committer = self.ctx.actor(subj) if subj is not None and not passive else None
        if committer is None:
            return None
        content = content_of(verb, subtree_ids(subj))
        modal, negated = _modality(verb, self.ctx)
        return Cue(row.kind, verb, committer, content, _target_of(verb, content, committer, self.ctx),
                   _partners(subj, self.ctx, committer), modal, negated)

    def adverb(self, tok: Token, row: Construction) -> Cue | None:
        """"Hopefully the talks will end the strike": the speaker's hope."""
        verb = tok.head
        committer = _speaker_side(self.ctx, tok, personal=True)
        if committer is None or verb.pos_ not in ("VERB", "AUX"):
            return None
        content = content_of(verb, set())
        return Cue(row.kind, tok, committer, content, _target_of(verb, content, committer, self.ctx))

    # -- the modal frame --------------------------------------------------------------
    def _modal_of(self, tok: Token) -> tuple[str | None, bool]:
        """The modal on a verb, "need to" (as should) or "is to" (an arrangement)."""
        modal, negated = _modality(tok, self.ctx)
        if modal is not None:
            return modal, negated
        if any(c.lemma_ == "need" and c.dep_ == "aux" for c in tok.children):
            return "should", negated
        if is_planned(tok):  # "Acme is to cut 500 jobs": an arrangement, the subject's to keep
            return "is to", negated or any(c.dep_ == "neg" for c in tok.head.children)
        if _has_to(tok):  # "the council has to cut", "had to be taken into account"
            return "have to", negated or any(c.dep_ == "neg" for c in tok.head.children)
        if _going_to(tok):  # "we are going to clamp down": the future, as "will"
            return "will", negated or any(c.dep_ == "neg" for c in tok.head.children)
        return None, negated

    def _modal_actor(self, tok: Token, subj: Token | None, passive: bool) -> str | None:
        """The actor the subject names, unless it is the patient of a passive
        ("X will be invited"), collective nouns aside ("troops will be sent")."""
        ctx = self.ctx
        actor = ctx.actor(subj) if subj is not None else None
        if actor is not None and subj.lemma_.lower() in ctx.lex["thing_nouns"]:
            return None  # "the Mental Capacity Bill would allow...": a law does not promise
        collective = ctx.lex["collective_nouns_for_country"]
        if passive and actor is not None and subj.lower_ not in collective and subj.lemma_ not in collective:
            return None
        return actor

    def _modal_kind(self, tok: Token, modal: str, in_speech: bool) -> str | None:
        kind = self.modal_kind.get(modal)
        if modal == "would":
            sent = self.ctx.sents[self.ctx.sent_of[tok.i]]
            under = _has_under_plan(sent, self.nouns)
            if under:
                return under
            if not in_speech:
                return None  # a hypothetical, not a commitment
        if kind == "promise" and tok.lemma_ in self.ctx.lex["happening_verbs"]:
            return "expectation"  # "Prices will fall", "Acme will face Zenith": a forecast, the speaker's if anyone's
        return kind

    def modal(self, tok: Token) -> Cue | None:
        """A modal on a verb of acting: the subject's promise, or the speaker's demand or expectation."""
        ctx = self.ctx
        if tok.pos_ not in ("VERB", "AUX"):
            return None
        if tok.lemma_ in ctx.lex["cognition_verbs"] and children(tok, "ccomp"):
            return None  # "we must recognise that...": a view; "will not recognise the border" refuses
        modal, negated = self._modal_of(tok)
        if modal is None or modal not in self.modal_kind or _no_commitment_frame(tok, ctx):
            return None
        subj, passive = subject_of(tok)
        actor = self._modal_actor(tok, subj, passive)
        in_speech = _speaker_side(ctx, tok, personal=True) is not None
        kind = self._modal_kind(tok, modal, in_speech)
        if kind == "expectation" and (tok.dep_ == "relcl" or subj is not None and subj.lower_ == "i"):
            return None  # "nothing you could say", "I could make a few dollars": what could be, not what will
        if kind == "promise" and modal != "is to" and actor is None and self._forecast(tok, subj, passive, in_speech):
            kind = "expectation"  # "the new planes will help cut costs": a thing's future is a forecast
        elif tok.lemma_ in ctx.lex["state_verbs"] and tok.pos_ == "AUX":
            return None  # "X will be there": a state, nobody's act
        if kind in ("demand", "expectation"):
            return self._speakers_modal(tok, kind, actor, modal, negated)
        if kind is None:
            return None
        committer = self._acting(tok, subj, actor, in_speech)
        if committer is None:
            return None
        content = content_of(tok, subtree_ids(subj) if subj is not None and actor is not None else set())
        return Cue(kind, tok, committer, content, _target_of(tok, content, committer, ctx),
                   _partners(subj, ctx, committer) if actor else [], modal, negated)

    def _forecast(self, tok: Token, subj: Token | None, passive: bool, in_speech: bool) -> bool:
        """What will happen to a thing, or what will be done that nobody is said
        to do ("the action will be followed by others"), as against an act
        that someone is to carry out ("the aid will be sent": an undertaking)."""
        if passive:
            return in_speech and tok.lemma_ not in self.ctx.lex["undertaking_verbs"]
        return self._thing(subj, tok)

    def _thing(self, subj: Token | None, verb: Token | None = None) -> bool:
        """Does ``subj`` name a thing, not people ("its members") nor someone's own ("her plan")?
        ("It will be a huge match" judges; it forecasts nothing.)"""
        it = subj is not None and subj.lower_ == "it" and (verb is None or verb.lemma_ != "be")
        if subj is None or not (subj.pos_ in ("NOUN", "PROPN") or it):
            return False
        return subj.lemma_.lower() not in self.people_nouns and not children(subj, "poss")

    def _speakers_modal(self, tok: Token, kind: str, actor: str | None, modal: str, negated: bool) -> Cue | None:
        """"should"/"must" is the speaker's demand of the subject; "might" and a
        forecast the speaker's (or the speaker's side's) expectation about it."""
        ctx = self.ctx
        committer = _speaker_side(ctx, tok, personal=kind == "demand", officials_only=True)
        if committer is None or kind == "demand" and tok.lemma_ in ctx.lex["state_verbs"]:
            return None
        subj, _ = subject_of(tok)
        own = subj is not None and subj.lower_ in ctx.lex["first_person_plural"]
        if kind == "demand" and committer == actor and not own:
            return None  # "I have to do it": one's own necessity, no undertaking to anyone
        if kind == "demand" and own:
            # '"We must keep to this path," the minister said': an obligation one takes on oneself
            return Cue("promise", tok, actor, content_of(tok, set()), None, [], modal, negated) if actor else None
        target = actor if actor != committer else None
        return Cue(kind, tok, committer, content_of(tok, set()), target, [], modal, negated)

    def _acting(self, tok: Token, subj: Token | None, actor: str | None, in_speech: bool) -> str | None:
        """Who a will/would/shall binds: the subject that acts, or, impersonal
        in reported speech ("the aid will be sent"), the speaker's side."""
        ctx = self.ctx
        if actor is not None:  # a state ("will be") or a receipt ("is to get 1bn") is nobody's act
            return None if tok.lemma_ in ctx.lex["state_verbs"] | ctx.lex["receiving_verbs"] else actor
        owner = next((ctx.actor(p) for p in children(subj, "poss")), None) if subj is not None else None
        if owner and tok.lemma_ in ctx.lex["undertaking_verbs"]:
            return owner  # "X's treaty would establish a fund": the treaty's owner's undertaking
        if not in_speech or tok.lemma_ not in ctx.lex["undertaking_verbs"]:
            return None  # "X will not be blackmailed" binds nobody
        if subj is not None and subj.lower_ in ctx.lex["impersonal_subjects"] | {"everything", "nothing", "things"}:
            return None
        return _speaker_side(ctx, tok)


# --- the commitment as it is recorded ---------------------------------------------------

def _complement_start(cue: Cue) -> int | None:
    """Where the committed clause begins: the complement of a cue verb or adjective, the clause of a cue noun."""
    word = cue.cue
    if word.pos_ in ("VERB", "ADJ"):
        comp = [c for c in word.children if c.dep_ in ("xcomp", "ccomp") and c.i > word.i]
    elif word.pos_ == "NOUN":
        comp = [c for c in word.children if c.dep_ in ("acl", "relcl", "ccomp") and c.i > word.i]
        comp += [g for c in word.children if c.dep_ == "prep" and c.lower_ in ("of", "for") and c.i > word.i
                 for g in c.children if g.dep_ in ("pcomp", "pobj")]  # "hopes of reaching a deal", "a call for talks"
        comp += [c for c in [_detached_clause(word)] if c is not None]
    else:
        comp = []
    return comp[0].left_edge.i if comp else None


def _readable(cue: Cue) -> str:
    """What is committed to, as a clause: the complement of the cue verb
    ("urged X to accept a deal" -> "accept a deal"), else the clause itself."""
    toks = cue.content
    start = _complement_start(cue)
    if start is not None:
        toks = [t for t in toks if t.i >= start]
        verbal = cue.cue.pos_ != "NOUN"
        while toks and (toks[0].dep_ in ("aux", "mark") and toks[0].lower_ in ("to", "that") or verbal and toks[0].is_punct):
            toks = toks[1:]
    toks = toks or cue.content
    text = " ".join(cue.cue.doc[toks[0].i:toks[-1].i + 1].text.split())
    return text if len(text) <= 240 else text[:237].rsplit(" ", 1)[0] + "…"


def _tree_order(sent: Span) -> list[Token]:
    """The sentence's tokens from the root down, level by level, left to right."""
    level = [sent.root]
    out: list[Token] = []
    seen = {sent.root.i}
    while level:
        out.extend(sorted(level, key=lambda t: t.i))
        nxt = []
        for t in level:
            for c in t.children:
                if c.i not in seen:
                    seen.add(c.i)
                    nxt.append(c)
        level = nxt
    # Tokens a broken parse leaves outside the root's tree still get visited, last.
    out.extend(t for t in sent if t.i not in seen)
    return out


def extract_commitments(ctx: FactContext) -> Iterator[Commitment]:
    """Yield the commitments of the document (actor, target... are entity keys)."""
    matcher = _Matcher(ctx)
    blockers = _blockers()
    doc = ctx.doc
    dates = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
    money = [e for e in doc.ents if e.label_ == "MONEY"]
    for s_idx, sent in enumerate(ctx.sents):
        if s_idx in ctx.headlines:
            continue
        consumed: set[int] = set()
        for tok in _tree_order(sent):
            if tok.i in consumed:
                continue
            cue = matcher.match(tok)
            if cue is None or not cue.content:
                continue
            if cue.kind == "promise" and cue.negated:
                cue.kind = "refusal"  # "will not delete the records" refuses to
            ids = {t.i for t in cue.content} | {cue.cue.i}
            consumed |= ids
            if cue.committer is None or not _binds(cue, ctx, blockers):
                continue  # (what it governs stays consumed: a frame that binds nobody binds nothing below it)
            yield _commitment(ctx, cue, s_idx, ids, dates, money)
            for other in _each(cue):
                yield _commitment(ctx, other, s_idx, ids, dates, money)


def _each(cue: Cue) -> list[Cue]:
    """The other parties' own commitments: a demand made jointly is each party's
    ("X and Y called for talks"), as is what each will do ("X and Y will each
    host a show"); a joint promise or agreement stays the first party's, with
    the others as partners."""
    if not cue.partners:
        return []
    each = any(t.lower_ == "each" for t in cue.cue.children)
    if cue.kind != "demand" and not each:
        return []
    parties = [cue.committer, *cue.partners]
    return [Cue(cue.kind, cue.cue, p, cue.content, cue.target, [q for q in parties if q != p], cue.modality, cue.negated)
            for p in cue.partners]


_AMOUNT_LEAD = frozenset({"over", "than", "more", "about", "nearly", "almost", "some", "around", "up"})


def _amount(ctx: FactContext, money: list[Span], lo: int, hi: int) -> str | None:
    """The sum the commitment names, with its "over"/"nearly" ("over $800 billion")."""
    amount = next((e for e in money if lo <= e.start <= hi), None)
    if amount is None:
        return None
    doc, start = ctx.doc, amount.start
    while start > 0 and (doc[start - 1].dep_ == "quantmod" or doc[start - 1].lower_ in _AMOUNT_LEAD):
        start -= 1
        if start <= lo:
            break
    return doc[start:amount.end].text


def _place(ctx: FactContext, cue: Cue) -> str | None:
    """The place the content names after a locative preposition ("a plant in Leeds")."""
    for t in cue.content:
        key = ctx.entity_key(t)
        ent = ctx.ents.entities.get(key) if key else None
        if ent is not None and ent.is_place and t.dep_ == "pobj" and t.head.lower_ in ctx.lex["locative_preps"]:
            return key
    return None


def _reporter(ctx: FactContext, cue: Cue, s_idx: int) -> str | None:
    """Who reports the commitment, when it is not the committer."""
    sp = ctx.speech_at(cue.cue.i)
    if sp is not None and sp.speaker != cue.committer:
        return sp.speaker
    for s in ctx.speeches:
        if s.cue is not None and s.speaker != cue.committer and ctx.sent_of.get(s.cue) == s_idx and cue.cue.i in s.tokens:
            return s.speaker
    return None


def _counterpart(ctx: FactContext, cue: Cue) -> str | None:
    """The other side of an expectation: an expectation is about the world, so
    its only target is a party it is shared with ("hope to reach a deal with
    X", "X and Y hope"), not the subject of the forecast."""
    for t in cue.content:
        if t.dep_ == "pobj" and t.head.lower_ in ("with", "between"):
            a = ctx.actor(t)
            if a and a != cue.committer:
                return a
    return cue.partners[0] if cue.partners else None


def _tense(when: Span | None, cue: Cue) -> str:
    """Which way a bare "Tuesday" or "October" points: back when it dates a cue
    told in the past ("pledged on Monday to withdraw"), else ahead (a
    commitment's time is when it is to be kept)."""
    if when is None:
        return "future"
    head = when.root.head
    while head.dep_ == "prep" and head.head.i != head.i:
        head = head.head
    return "past" if head.i == cue.cue.i and "Past" in head.morph.get("Tense") else "future"


def _maker(ctx: FactContext, cue: Cue) -> str | None:
    """The other side of a purchase: the maker named with the goods ("an order
    for 70 Boeing jets" is a deal with Boeing)."""
    if cue.kind != "agreement":
        return None
    for t in cue.content:
        if t.dep_ in ("compound", "nmod") and t.head.pos_ == "NOUN" and t.ent_type_ == "ORG":
            a = ctx.actor(t)
            if a and a != cue.committer:
                return a
    return None


def _commitment(ctx: FactContext, cue: Cue, s_idx: int, ids: set[int], dates: list[Span],
                money: list[Span]) -> Commitment:
    lo, hi = min(ids), max(ids)
    when = next((e for e in dates if lo <= e.start <= hi), None)
    time = when.text if when is not None else None
    # "X and Y hoped to avoid...": a joint act is the first party's, with the other as target
    joint = cue.partners[0] if cue.partners and cue.kind != "demand" else None
    target = _counterpart(ctx, cue) if cue.kind == "expectation" else cue.target or _maker(ctx, cue) or joint
    return Commitment(
        iri="", actor=cue.committer, kind=cue.kind, content=_readable(cue), target=target,
        partners=cue.partners, modality=cue.modality, negated=cue.negated,
        time=time, date=resolve_time(time, ctx.document.date, tense=_tense(when, cue)) if time else None,
        place=_place(ctx, cue), amount=_amount(ctx, money, lo, hi), reported_by=_reporter(ctx, cue, s_idx),
        cue=cue.cue.text.lower(), evidence=[ctx.evidence(s_idx)],
    )
