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
("urged Ukraine to accept ... and to agree to a deal" is one demand).  Who
commits and to whom is :mod:`kg.extract.parties`; the frames in which a cue
commits nobody are :mod:`kg.extract.binding`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Span, Token

from kg.extract.binding import Cue, binds, blockers
from kg.extract.clauses import (CONDITION_AUXILIARIES, children, clause_of_noun, content_of, detached_clause,
                                fronted_auxiliaries, going_to, has_to, in_quote, is_perfect, is_planned, modality,
                                of_gerund, subject_of, subtree_ids)
from kg.extract.context import FactContext
from kg.extract.cues import Construction, first_holding, holds, load_constructions
from kg.extract.parties import (addressed_government, agent_of, counterpart, each_party, is_joint, joint_subject, maker,
                                noun_owner, own_target, partners, speaker_side, target_of)
from kg.extract.timex import resolve_time
from kg.resolve.unnamed import actor_nouns
from kg.types import Commitment

__all__ = ["extract_commitments", "Cue"]


def _modality(tok: Token, ctx: FactContext) -> tuple[str | None, bool]:
    return modality(tok, ctx.lex["modals"])


# --- frames that bind nobody -------------------------------------------------------

def _no_commitment_frame(tok: Token, ctx: FactContext) -> bool:
    """A modal that binds nobody: a perfect ("would have played", "will have
    taken": what was or will be the case), an inverted condition ("should X
    agree, ..."), a comparison, or a question ("who would pay?")."""
    if is_perfect(tok) or _inverted(tok):
        return True
    if tok.head.pos_ in ("ADJ", "ADV") and any(c.dep_ == "mark" and c.lower_ in ("as", "than") for c in tok.children):
        return True  # "not as strong as could be expected", "more than would be needed": a comparison
    sent = ctx.sents[ctx.sent_of[tok.i]]
    if sent.text.rstrip(' "”’\'').endswith("?"):
        return True
    # '..., who would travel miles for that?" he asks.': the quote is the question
    after = [t for t in sent[tok.right_edge.i + 1 - sent.start:] if t.is_punct]
    return bool(after) and after[0].text == "?" or any(
        t.text == "?" and t.i > tok.i and t.head.i == tok.i for t in sent)


def _inverted(tok: Token) -> bool:
    """An auxiliary before the subject: an inverted condition ("Should the RFU
    resolve the issue, ...") or a wh-question, whatever its mark ("How then
    will the government fudge the figures!")."""
    _, auxes = fronted_auxiliaries(tok)
    if any(c.lower_ in CONDITION_AUXILIARIES for c in auxes):
        return True
    modals = [c for c in auxes if c.tag_ == "MD"]
    return bool(modals) and any(c.tag_ in ("WRB", "WP", "WDT") and c.i < modals[0].i for c in tok.subtree)


# --- who, to whom ----------------------------------------------------------------------

def _has_under_plan(sent: Span, nouns: dict[str, str]) -> str | None:
    """"Under this proposal, ...": the kind of the plan the sentence is under."""
    for t in sent:
        if t.lower_ == "under":
            for p in children(t, "pobj"):
                if nouns.get(p.lemma_) in ("proposal", "agreement"):
                    return nouns[p.lemma_]
    return None


def _mere_possibility(tok: Token, kind: str | None, modal: str, subj: Token | None) -> bool:
    """What could be, not what will: "nothing you could say" (a relative), "I could
    make a few dollars" (one's own chances), "it may look staid, but..." (a concession)."""
    if kind == "expectation" and (tok.dep_ == "relcl" or subj is not None and subj.lower_ == "i"):
        return True
    return modal in ("may", "might") and any(c.dep_ == "cc" and c.lower_ == "but" for c in tok.children)


def _asked_for(noun: Token, c: Token, row: Construction) -> Token | None:
    """"a call for talks": the noun after a preposition the row allows."""
    if c.dep_ == "prep" and c.lower_ in row.complement_preps and c.i > noun.i:
        return next((p for p in c.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")), None)
    return None


def _hoped(cue: Cue, ctx: FactContext) -> Cue:
    """"She hoped Peru would sign the deal", "Z fears the firm will close": what
    someone hopes or fears another will do is the holder's expectation."""
    if cue.kind not in ("promise", "agreement", "refusal") or cue.committer is None:
        return cue
    verb = cue.cue
    if verb.dep_ in ("acl", "ccomp") and verb.head.pos_ == "NOUN" and verb.head.lemma_ in ctx.lex["hope_nouns"]:
        # "expectations that the Fed will raise rates": whoever expects it, the Fed promised nothing
        owner = noun_owner(verb.head, ctx)
        return Cue("expectation", verb, owner, cue.content, None, [], cue.modality, cue.negated) \
            if owner is not None and owner != cue.committer else _nobody(cue)
    if verb.dep_ != "ccomp" or verb.head.lemma_ not in ctx.lex["hope_verbs"] | ctx.lex["hope_adjectives"]:
        return cue
    # ("CMF is concerned that patients will...": the holder is the subject of "is")
    holder, _ = subject_of(verb.head if verb.head.pos_ != "ADJ" else verb.head.head)
    key = ctx.actor(holder) if holder is not None else None
    if key == cue.committer:
        return cue
    if key is None:
        return _nobody(cue)  # "the gaming giant hopes the DS will...": a hope of someone we do not know, no promise
    return Cue("expectation", verb, key, cue.content, None, [], cue.modality, cue.negated)


def _nobody(cue: Cue) -> Cue:
    """The cue, bound to nobody (it stays consumed, and gives no commitment)."""
    return Cue(cue.kind, cue.cue, None, cue.content, None, [], cue.modality, cue.negated)


@lru_cache(maxsize=1)
def _people_nouns() -> frozenset[str]:
    """The nouns of people and bodies (``kg/data/actor_nouns.json``): a subject that acts, not a thing."""
    nouns = actor_nouns()
    return nouns["group"] | nouns["person"] | nouns["institution"] | nouns["collective"]


class _Matcher:
    """Reads each frame of the construction table at a token."""

    def __init__(self, ctx: FactContext):
        self.ctx = ctx
        self.table = load_constructions()
        self.nouns = self.table.kinds("noun")
        self.modal_kind = self.table.kinds("modal")
        self.people_nouns = _people_nouns()
        # verbs of a view: a modal on them with a that-clause commits nobody ("will fear that...")
        self.views = ctx.lex["cognition_verbs"] | ctx.lex["belief_verbs"] | ctx.lex["hope_verbs"] | ctx.lex["saying_verbs"]

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
        side = speaker_side(self.ctx, cue.cue, personal=True)
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
            agent = agent_of(cue)
            committer = ctx.actor(agent) if agent is not None else None
            if committer is None and kind == "demand":
                # "Headteachers have been told to stay open, the council said": the speaker's side told them.
                committer = speaker_side(ctx, cue)
            return committer  # else ("X was urged", "what was promised") the text does not say by whom
        if subj is None and cue.dep_ in ("csubj", "csubjpass"):
            return None  # "Agreeing to pay did not mean...": an act talked about, nobody's
        # (an unresolved "they", "he" or "you" is nobody we know, never the speaker's side)
        not_ours = ctx.lex["first_person_singular"] | ctx.lex["other_pronouns"]
        if subj is None or subj.tag_ == "PRP" and subj.lower_ not in not_ours \
                or subj.lower_ in ctx.lex["speaker_side_subjects"]:  # "both sides", "our manifesto", not "the other side"
            # "..., promising to act", an unresolved "we" or "it": the speaker's side (never "they" or "he")
            return ctx.actor(subj) or speaker_side(ctx, cue, personal=personal)
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
            side = speaker_side(ctx, cue, personal=True)
            if side is None:
                return None  # "the commission must now ratify the decision": an obligation, told, nobody's pledge
            if side != committer:
                # '"Farmers must accept the rules," the minister said': the minister's demand of them
                return Cue("demand", cue, side, content, committer, [], modal, negated)
        others = partners(subj, ctx, committer)
        target = target_of(cue, content, committer, ctx)
        if kind == "agreement" and target is None and others:
            target = others[0]  # "X and Y agreed": each is the other's counterpart
        return Cue(kind, cue, committer, content, target, others, modal, negated)

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
        for inner in children(tok, "xcomp") if row.clause_kind else ():
            inner_row = first_holding(self.table.candidates("verb", inner.lemma_.lower()), inner, self.ctx.actor,
                                      sense_only=True)
            if inner_row is not None and inner_row.kind in row.clause_kind:
                kind = inner_row.kind  # "we expect to resist the charges": an intention to refuse
        modal, negated = self._modal_of(tok)
        if not negated and modal in row.own_modal_kind:
            kind = row.own_modal_kind[modal]  # "the party would scrap the tax": a pledge to end it
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
        # "set for steady growth", "committed to doubling" (not "due to the onset": a cause)
        if not (comp or any(c.lower_ in row.complement_preps or c.lower_ == "to" and children(c, "pcomp")
                            for c in children(tok, "prep"))):
            return None
        if comp and comp[0].lemma_ in self.ctx.lex["cognition_verbs"]:
            return Cue("", tok, None, content_of(tok, set()))  # "it is important to remember that...": a reminder
        subj, _ = subject_of(verb)
        content = content_of(comp[0] if comp and comp[0].head.i != tok.i else tok, set())
        past = verb.tag_ == "VBD" and verb.lemma_ == "be"
        if row.holder != "speaker":
            if past and speaker_side(self.ctx, tok) is None:
                return Cue("", tok, None, content)  # "GM was keen to ward off criticism": a past wish, told
            return self._finish(row.kind, tok, subj, False, tok, verb=verb)
        if past and in_quote(tok):
            return Cue("", tok, None, content)  # '"It was important to me that X stay"': a past wish
        # "X is likely to sign": the expectation is the writer's, or the
        # speaker's in reported speech; X is what it is about.
        holder = speaker_side(self.ctx, tok, officials_only=True)
        if holder is None:
            return Cue("", tok, None, content)  # nobody holds it; still, "likely to sign" is no signature
        about = self.ctx.actor(subj) if subj is not None and subj.lower_ != "it" else None
        return Cue(row.kind, tok, holder, content, about if about != holder else None)

    def _noun_clause(self, tok: Token, row: Construction) -> Token | None:
        """The clause a cue noun governs: "a pledge to cut", "a demand that X go", "hopes of reaching";
        or the noun phrase it asks for ("a call for talks") where the row allows it."""
        for c in tok.children:
            found = _asked_for(tok, c, row) or clause_of_noun(c) or of_gerund(c)
            if found is not None:
                return found
        return detached_clause(tok)

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
        if inner_row is not None and inner_row.kind in row.clause_kind:
            kind = inner_row.kind  # "a decision to reject" refuses
        committer = noun_owner(tok, self.ctx)
        if committer is None:
            return None
        # "X and Y confirmed their willingness to...": both own it
        others = partners(joint_subject(tok), self.ctx, committer)
        content = content_of(tok, set())
        if inner.i not in {t.i for t in content}:
            content = sorted(content + list(inner.subtree), key=lambda t: t.i)
        modal, negated = _modality(inner, self.ctx)
        negated = negated or any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)  # "no plans to sell"
        # "a demand for Turkey to recognise...", "an appeal to voters to...": the noun's own addressee first
        target = target_of(tok, [], committer, self.ctx) or target_of(inner, content, committer, self.ctx)
        return Cue(kind, tok, committer, content, target, others, modal, negated)

    def _bare_noun(self, tok: Token, row: Construction) -> Cue | None:
        """"filed a complaint against X", "made ten recommendations": the noun is what is committed."""
        if not any(c.dep_ not in ("det", "poss", "punct", "cc", "case") for c in tok.children):
            return None  # "announced his plans": what they are, the sentence does not say
        committer = noun_owner(tok, self.ctx)
        if committer is None:
            return None
        content = content_of(tok, set())
        return Cue(row.kind, tok, committer, content, target_of(tok, content, committer, self.ctx))

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
        return Cue(row.kind, verb, committer, content, target_of(verb, content, committer, self.ctx),
                   partners(subj, self.ctx, committer), modal, negated)

    def adverb(self, tok: Token, row: Construction) -> Cue | None:
        """"Hopefully the talks will end the strike": the speaker's hope."""
        verb = tok.head
        committer = speaker_side(self.ctx, tok, personal=True)
        if committer is None or verb.pos_ not in ("VERB", "AUX"):
            return None
        content = content_of(verb, set())
        return Cue(row.kind, tok, committer, content, target_of(verb, content, committer, self.ctx))

    # -- the modal frame --------------------------------------------------------------
    def _modal_of(self, tok: Token) -> tuple[str | None, bool]:
        """The modal on a verb, "need to" (as should) or "is to" (an arrangement)."""
        modal, negated = _modality(tok, self.ctx)
        if modal is not None:
            return modal, negated
        if any(c.lemma_ == "need" and c.dep_ == "aux" for c in tok.children):
            return "should", negated
        if is_planned(tok) and not children(tok.head, "expl"):
            # "Acme is to cut 500 jobs": an arrangement, the subject's to keep ("there is more to come" is none)
            return "is to", negated or any(c.dep_ == "neg" for c in tok.head.children)
        if has_to(tok):  # "the council has to cut", "had to be taken into account"
            return "have to", negated or any(c.dep_ == "neg" for c in tok.head.children)
        if going_to(tok):  # "we are going to clamp down": the future, as "will"
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
        if kind == "promise" and any(c.dep_ == "advmod" and c.lower_ in self.ctx.lex["hedge_adverbs"]
                                     for c in tok.children):
            return "expectation"  # "they probably wouldn't open on Sunday": a guess, not an undertaking
        return kind

    def modal(self, tok: Token) -> Cue | None:
        """A modal on a verb of acting: the subject's promise, or the speaker's demand or expectation."""
        ctx = self.ctx
        if tok.pos_ not in ("VERB", "AUX") or not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
            return None  # (every modal, "need", "is to", "has to" and "going to" is an auxiliary of the verb)
        if tok.lemma_ in self.views and children(tok, "ccomp"):
            # "we must recognise that...", "gamers will fear that...", "could not say whether...": a view
            # or a saying; "will not recognise the border" refuses
            return None
        modal, negated = self._modal_of(tok)
        if modal is None or modal not in self.modal_kind or _no_commitment_frame(tok, ctx):
            return None
        subj, passive = subject_of(tok)
        if self._nobodys_modal(tok, subj, modal):
            return None
        actor = self._modal_actor(tok, subj, passive)
        in_speech = speaker_side(ctx, tok, personal=True) is not None
        kind = self._modal_kind(tok, modal, in_speech)
        if _mere_possibility(tok, kind, modal, subj):
            return None
        if actor is None and self._what_befalls(tok, kind, modal, subj, passive, in_speech):
            kind = "expectation"
        elif tok.lemma_ in ctx.lex["state_verbs"] and tok.pos_ == "AUX":
            return None  # "X will be there": a state, nobody's act
        if kind in ("demand", "expectation"):
            return self._speakers_modal(tok, kind, actor, modal, negated)
        if kind is None:
            return None
        committer = self._acting(tok, subj, actor, in_speech)
        if committer is None:
            return None
        if actor is None and self._forecaster(committer):
            kind = "expectation"  # '"the goal will be met," an analyst said': nobody's undertaking, a forecast
        content = content_of(tok, subtree_ids(subj) if subj is not None and actor is not None else set())
        return Cue(kind, tok, committer, content, target_of(tok, content, committer, ctx),
                   partners(subj, ctx, committer) if actor else [], modal, negated)

    def _nobodys_modal(self, tok: Token, subj: Token | None, modal: str) -> bool:
        """A modal clause about nobody's act: a question or free relative ("what
        might happen"), a view ("he could not see the basis"), a description
        ("fields which could produce a billion barrels")."""
        if subj is not None and tok.dep_ != "relcl" and (
                subj.tag_ == "WP" or any(c.dep_ == "det" and c.tag_ in ("WDT", "WP") for c in subj.children)):
            return True  # "what might happen", "what infrastructure will be required"
        if tok.lemma_ in ("see", "imagine", "understand") and modal in ("can", "could"):
            return True
        return tok.dep_ == "relcl" and subj is not None and subj.tag_ in ("WDT", "WP") \
            and self.ctx.actor(tok.head) is None

    def _what_befalls(self, tok: Token, kind: str | None, modal: str, subj: Token | None, passive: bool,
                      in_speech: bool) -> bool:
        """A modal of nobody's act, on what is to become of a thing: a forecast."""
        if kind == "promise" and modal != "is to":
            # "the new planes will help cut costs", "replacing the pension would help tackle inequality"
            return self._forecast(tok, subj, passive, in_speech) or tok.lemma_ != "be" and bool(children(tok, "csubj"))
        # "incomes should continue to grow": what should happen, asked of nobody
        return modal == "should" and self._thing(subj, tok) and self._happens(tok)

    def _happens(self, verb: Token) -> bool:
        """A verb of what befalls things ("grow", "fall"), also after "continue to"."""
        happening = self.ctx.lex["happening_verbs"]
        return verb.lemma_ in happening or verb.lemma_ in ("continue", "start", "begin", "keep") and any(
            c.lemma_ in happening for c in children(verb, "xcomp"))

    def _forecaster(self, key: str) -> bool:
        """Is ``key`` someone who judges what others do (an analyst, an economist)?"""
        ent = self.ctx.ents.entities.get(key)
        if ent is None or ent.kind != "Person":
            return False
        words = self.ctx.lex["forecaster_titles"]
        names = [r.name for r in ent.roles] + ([ent.name] if key.startswith("unnamed:") else [])
        return any(w in words for n in names for w in n.lower().split())

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
        if subj is not None and subj.tag_ == "WDT" and subj.head.dep_ == "relcl":
            subj = subj.head.head  # "my game, which will allow me to...": the game
        it = subj is not None and subj.lower_ == "it" and (verb is None or verb.lemma_ != "be")
        if subj is None or not (subj.pos_ in ("NOUN", "PROPN") or it):
            return False
        return subj.lemma_.lower() not in self.people_nouns and not children(subj, "poss")

    def _speakers_modal(self, tok: Token, kind: str, actor: str | None, modal: str, negated: bool) -> Cue | None:
        """"should"/"must" is the speaker's demand of the subject; "might" and a
        forecast the speaker's (or the speaker's side's) expectation about it."""
        ctx = self.ctx
        committer = speaker_side(ctx, tok, personal=kind == "demand", officials_only=True)
        if kind == "expectation":
            committer = self._believer(tok) or committer  # '"artists don't think lawsuits will help," X said'
        if committer is None or kind == "demand" and tok.lemma_ in ctx.lex["state_verbs"]:
            return None
        subj, _ = subject_of(tok)
        own = subj is not None and subj.lower_ in ctx.lex["first_person_plural"]
        if kind == "demand" and committer == actor and not own:
            return None  # "I have to do it": one's own necessity, no undertaking to anyone
        if kind == "demand" and subj is not None and subj.lower_ == "you" and not self._addressed(tok):
            return None  # '"You have to enjoy it," he said': anyone's lot, asked of nobody
        if kind == "demand" and own:
            # '"We must keep to this path," the minister said': an obligation one takes on oneself
            return Cue("promise", tok, actor, content_of(tok, set()), None, [], modal, negated) if actor else None
        if kind == "expectation" and negated and modal == "could" and actor is not None and actor == committer \
                and self._acts(tok):
            kind = "refusal"  # "he said he could not say sorry": what one says one cannot do, one refuses
        target = actor if actor != committer else None
        return Cue(kind, tok, committer, content_of(tok, set()), target, [], modal, negated)

    def _acts(self, tok: Token) -> bool:
        """Is ``tok`` an act (a saying is one), not a state ("be", "know")?"""
        return tok.lemma_ not in self.ctx.lex["state_verbs"] or tok.lemma_ in self.ctx.lex["speech_verbs"]

    def _believer(self, tok: Token) -> str | None:
        """Who is said to believe or fear the clause ``tok`` heads ("investors
        fear rates will rise"): the believer holds the expectation, not the reporter."""
        clause = tok
        while clause.dep_ == "xcomp" and clause.head.i != clause.i:
            clause = clause.head
        head = clause.head
        if clause.dep_ != "ccomp" or head.lemma_ not in self.ctx.lex["belief_verbs"] | self.ctx.lex["hope_verbs"]:
            return None
        subj, passive = subject_of(head)
        return self.ctx.actor(subj) if subj is not None and not passive else None

    def _addressed(self, tok: Token) -> bool:
        """Is the sentence said to someone ("he told the minister", "urged MPs")?"""
        sent = self.ctx.sents[self.ctx.sent_of[tok.i]]
        verbs = self.ctx.lex["addressing_verbs"]
        return any(t.lemma_ in verbs and children(t, "dobj", "dative") for t in sent)

    def _acting(self, tok: Token, subj: Token | None, actor: str | None, in_speech: bool) -> str | None:
        """Who a will/would/shall binds: the subject that acts, or, impersonal
        in reported speech ("the aid will be sent"), the speaker's side."""
        ctx = self.ctx
        if actor is not None:  # a state ("will be") or a receipt ("is to get 1bn") is nobody's act
            examines = any(c.lower_ in ctx.lex["examining_preps"].get(tok.lemma_, ()) for c in children(tok, "prep"))
            if examines:
                return actor  # "we will look at the findings", "will see to it": an act after all
            return None if tok.lemma_ in ctx.lex["state_verbs"] | ctx.lex["receiving_verbs"] else actor
        owner = next((ctx.actor(p) for p in children(subj, "poss")), None) if subj is not None else None
        if owner and tok.lemma_ in ctx.lex["undertaking_verbs"]:
            # "X's treaty would establish a fund": the treaty's owner's undertaking, unless someone
            # else says so ("Turkey's entry would provide a bridge, Mr Howard added": his view)
            return owner if not in_speech or speaker_side(ctx, tok) in (owner, None) else None
        if not in_speech or tok.lemma_ not in ctx.lex["undertaking_verbs"]:
            return None  # "X will not be blackmailed" binds nobody
        nobody = ctx.lex["impersonal_subjects"] | {"you", "everything", "nothing", "things"}
        if subj is not None and subj.lower_ in nobody:
            return None  # ("you will build robots that...": anyone's; "they say they would" is theirs)
        side = speaker_side(ctx, tok)
        named = children(subj, "compound", "amod", "nmod") if subj is not None else []
        if any(ctx.entity_key(c) not in (None, side) for c in named):
            return None  # '"Tory plans would cut deep," Mr Brown said': another's plan, judged by the speaker
        return side


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
        comp += [c for c in [detached_clause(word)] if c is not None]
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
    checks, releasers = blockers(), blockers(releasing=True)
    doc = ctx.doc
    dates = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
    money = [e for e in doc.ents if e.label_ == "MONEY"]
    for s_idx, sent in enumerate(ctx.sents):
        if s_idx in ctx.headlines:
            continue
        consumed: set[int] = set()
        found: dict[tuple[str, str], Commitment] = {}
        answered: dict[int, str] = {}  # another's claim -> who answers it
        for tok in _tree_order(sent):
            if tok.i in consumed:
                continue
            cue = matcher.match(tok)
            if cue is None or not cue.content:
                continue
            if not binds(cue, ctx, releasers):
                continue  # "is expected to say that he would not rest": the speech binds nobody, what it says may
            cue = _guessed(cue, ctx)
            cue.kind = _settled_kind(cue, ctx)
            if cue.target is None and tok.i in answered:
                cue.target = answered[tok.i]  # the union's demand is made of the side that rejects it
            ids = {t.i for t in cue.content} | {cue.cue.i}
            claim = _answered_claim(cue, matcher, ctx)
            consumed |= ids - {claim.i} if claim is not None else ids
            if cue.committer is None or not binds(cue, ctx, checks):
                continue  # (what it governs stays consumed: a frame that binds nobody binds nothing below it)
            if claim is not None:
                answered[claim.i] = cue.committer
            for one in [cue, *each_party(cue, ctx)]:
                _keep(found, _commitment(ctx, one, s_idx, ids, dates, money))
        yield from found.values()


def _keep(found: dict[tuple[str, str], Commitment], c: Commitment) -> None:
    """One commitment per actor, sentence and kind: a second cue of the same
    ("urged X to act, calling for talks") fills what the first left open."""
    first = found.setdefault((c.actor, c.kind), c)
    if first is not c:
        for name in ("target", "time", "date", "place", "amount"):
            if getattr(first, name) is None:
                setattr(first, name, getattr(c, name))


def _guessed(cue: Cue, ctx: FactContext) -> Cue:
    """'"Fiat may be willing to cancel the put," X said': what another may do is
    the speaker's guess about them; told by nobody, it is nobody's."""
    if cue.kind != "promise" or cue.modality not in ("may", "might", "could") or cue.committer is None:
        return cue
    side = speaker_side(ctx, cue.cue, personal=True)
    if side is None:
        return _nobody(cue)
    if side == cue.committer:
        return cue
    return Cue("expectation", cue.cue, side, cue.content, cue.committer, [], cue.modality, cue.negated)


def _settled_kind(cue: Cue, ctx: FactContext) -> str:
    """The kind of a promise, once its modal, negation and parties are known."""
    if cue.kind != "promise":
        return cue.kind
    if cue.modality in ("may", "might", "could"):
        return "expectation"  # "the policy may not guarantee their safety": what may be, not a pledge
    if cue.negated:
        return "refusal"  # "will not delete the records" refuses to
    # "X and Y confirmed their willingness to settle": bound to each other
    return "agreement" if is_joint(cue, ctx) else "promise"


def _answered_claim(cue: Cue, matcher: _Matcher, ctx: FactContext) -> Token | None:
    """"rejected the union's demand for...", "backed Acme's plan to...": the
    object is a claim someone else made, a commitment of its own."""
    if cue.cue.pos_ not in ("VERB", "AUX"):
        return None
    for obj in children(cue.cue, "dobj"):
        if not matcher.table.candidates("noun", obj.lemma_.lower()) or not children(obj, "poss"):
            continue
        owner = noun_owner(obj, ctx)
        if owner is not None and owner != cue.committer:
            return obj
    return None


_AMOUNT_LEAD = frozenset({"over", "than", "more", "about", "nearly", "almost", "some", "around", "up"})


def _amount(ctx: FactContext, money: list[Span], lo: int, hi: int) -> str | None:
    """The sum the commitment names, with its "over"/"nearly" ("over $800 billion")."""
    amount = _first_within(money, lo, hi)
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
    for s in ctx.speeches.cued_in(s_idx):
        if s.speaker != cue.committer and cue.cue.i in s.tokens:
            return s.speaker
    return None


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


def _first_within(spans: list[Span], lo: int, hi: int) -> Span | None:
    """The first of ``spans`` (in order, as ``doc.ents`` are) to start in ``lo``..``hi``."""
    i = bisect_left(spans, lo, key=lambda e: e.start)  # not a scan: a document may have thousands
    return spans[i] if i < len(spans) and spans[i].start <= hi else None


def _commitment(ctx: FactContext, cue: Cue, s_idx: int, ids: set[int], dates: list[Span],
                money: list[Span]) -> Commitment:
    lo, hi = min(ids), max(ids)
    when = _first_within(dates, lo, hi)
    time = when.text if when is not None else None
    # "X and Y agreed to...": a joint act is the first party's, with the other as target
    if cue.kind == "expectation":
        target = counterpart(ctx, cue)
    elif is_joint(cue, ctx):
        target = cue.target or maker(ctx, cue) or cue.partners[0]
    else:
        target = own_target(cue, cue.committer) or maker(ctx, cue) or addressed_government(ctx, cue)
    return Commitment(
        iri="", actor=cue.committer, kind=cue.kind, content=_readable(cue), target=target,
        partners=cue.partners, modality=cue.modality, negated=cue.negated,
        time=time, date=resolve_time(time, ctx.document.date, tense=_tense(when, cue)) if time else None,
        place=_place(ctx, cue), amount=_amount(ctx, money, lo, hi), reported_by=_reporter(ctx, cue, s_idx),
        cue=cue.cue.text.lower(), evidence=[ctx.evidence(s_idx)],
    )
