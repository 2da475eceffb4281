"""Commitments: promises, demands, proposals, expectations, agreements, refusals.

Read from the dependency parse with lexicons of cue words (``kg/data/lexicon.json``):

- **verbs** ("urged X to", "agreed to", "refused to", "plans to"),
- **adjectives** ("ready to", "willing to", "is committed to"),
- **nouns with a clause** ("a decision to halt", "his readiness to present",
  "an initiative proposing to"),
- **undertakings** ("is leading talks", "we are in discussions to arrange"),
- **modals** on an act ("will send" is a promise, "should" a demand, "might"
  an expectation; in reported speech an impersonal one belongs to the
  speaker's side).

Cues are visited from the root of each sentence down; the clause a cue governs
is its content, and cues inside that content are not separate commitments
("urged Ukraine to accept ... and to agree to a deal" is one demand).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from kg.extract.context import FactContext
from kg.extract.timex import resolve_time
from kg.types import Commitment

__all__ = ["extract_commitments", "Cue"]

MODAL_KIND = {"will": "promise", "shall": "promise", "would": "promise", "is to": "promise", "should": "demand",
              "must": "demand", "might": "expectation", "may": "expectation", "could": "expectation"}
# Verbs that take their committer as a passive subject: "he is committed to".
PASSIVE_COMMITTER = {"commit", "prepare", "determine", "resolve", "set", "poise"}
# Verbs of an event happening: "the meeting is expected to take place" is a
# schedule, not anybody's commitment.
OCCURRENCE = {"occur", "happen", "take", "begin", "start", "convene", "open", "hold", "conclude", "end", "last"}
STATE_VERBS = {"be", "have", "seem", "become", "remain", "appear", "look", "feel", "need", "want", "like",
               # cognition: "I would think" states a view, it binds nobody
               "think", "believe", "know", "consider", "see", "guess", "imagine", "say", "expect", "hope", "wish"}


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


def _kinds(ctx: FactContext, section: str) -> dict[str, str]:
    """Cue word -> kind, from a lexicon section; a word listed twice keeps its first kind."""
    out: dict[str, str] = {}
    for kind, words in ctx.lex[section].items():
        for w in words:
            out.setdefault(w, kind)
    return out


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _modality(tok: Token, ctx: FactContext) -> tuple[str | None, bool]:
    modal, neg = None, False
    for c in tok.children:
        if c.tag_ == "MD" or c.lower_ in ctx.lex["modals"] and c.dep_ == "aux":
            modal = ctx.lex["modals"].get(c.lower_, c.lower_)
        if c.dep_ == "neg":
            neg = True
    return modal, neg


def _binds(cue: Cue, ctx: FactContext) -> bool:
    """Is the cue in a frame that commits anyone?  Not a counterfactual ("should
    have withdrawn", "couldn't have asked"), not an expectation told in the past
    ("was expecting", "had expected"), not an act someone is said to believe in
    ("we believe investors accept"), not talks held in the past."""
    tok = cue.cue
    auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if _perfect(tok) and auxes & _MODAL_WORDS:
        return False
    if cue.kind == "expectation" and tok.lemma_ in ("expect", "anticipate", "predict", "forecast") \
            and (tok.tag_ == "VBN" and "had" in auxes or tok.tag_ == "VBG" and auxes & {"was", "were"}):
        return False
    if cue.kind in ("agreement", "refusal") and tok.dep_ == "ccomp" \
            and tok.head.lemma_ in ("believe", "think", "reckon", "feel", "suspect"):
        return False
    if tok.lemma_ in ("hold", "have") and tok.tag_ == "VBD" and any(
            c.dep_ == "dobj" and c.lemma_ in ("talk", "meeting", "discussion", "negotiation") for c in tok.children):
        return False  # "held talks with X": a past meeting, no undertaking
    return True


_MODAL_WORDS = frozenset({"would", "could", "should", "might", "must", "may", "can", "will", "'d", "couldn't",
                          "wouldn't", "shouldn't", "ca", "wo", "sha"})


def _no_commitment_frame(tok: Token, ctx: FactContext) -> bool:
    """A modal that binds nobody: a perfect ("would have played", "will have
    taken": what was or will be the case), or a question ("who would pay?")."""
    if _perfect(tok):
        return True
    sent = ctx.sents[ctx.sent_of[tok.i]]
    return sent.text.rstrip(' "”’\'').endswith("?")


def _perfect(tok: Token) -> bool:
    """"have taken", "would have played": a participle after "have"."""
    return tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)


def _planned(tok: Token) -> bool:
    """"X is to pay", "X was to meet": "be" + "to" + a verb, the English of an arrangement."""
    return (tok.tag_ == "VB" and tok.dep_ == "xcomp" and tok.head.lemma_ == "be" and tok.head.i < tok.i
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children))


def _subject(tok: Token) -> tuple[Token | None, bool]:
    """The subject of ``tok`` (and whether it is a passive subject), climbing
    through conjunctions, control verbs and participles when it has none."""
    seen = 0
    while seen < 8:
        seen += 1
        # The subject nearest the verb: a dateline ("BRUSSELS, June 4 — The EU
        # agreed") is often parsed as a second subject before the real one.
        subs = [c for c in tok.children if c.dep_ in ("nsubj", "csubj", "nsubjpass")]
        if subs:
            c = min(subs, key=lambda x: abs(tok.i - x.i))
            return c, c.dep_ == "nsubjpass"
        if tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX", "ADJ"):
            tok = tok.head
            continue
        if tok.dep_ in ("acomp",) and tok.head.pos_ in ("VERB", "AUX"):
            tok = tok.head
            continue
        if tok.dep_ in ("xcomp", "advcl") and tok.head.pos_ in ("VERB", "AUX", "ADJ"):
            # Object control: "urged X to go" -> X goes; otherwise the subject.
            obj = _children(tok.head, "dobj")
            if tok.dep_ == "xcomp" and obj:
                return obj[0], False
            tok = tok.head
            continue
        if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return tok.head, False
        if tok.dep_ == "pcomp" and tok.head.head.pos_ in ("VERB", "AUX"):
            tok = tok.head.head
            continue
        break
    return None, False


def _noun_owner(noun: Token, ctx: FactContext) -> str | None:
    """Whose plan/decision/readiness a noun is: its possessor, the sender of
    the letter it is in, or the subject of the verb it is an object of."""
    for c in noun.children:
        if c.dep_ == "poss":
            return ctx.actor(c)
    owner = _from_actor(noun, ctx)  # "a pledge from X"
    if owner:
        return owner
    node = noun
    for _ in range(6):
        head = node.head
        if head.i == node.i:
            return None
        if node.dep_ in ("dobj", "pobj", "attr", "nsubjpass", "conj", "appos") or head.dep_ == "prep":
            if head.pos_ in ("VERB", "AUX"):
                if head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN"):
                    owner = ctx.actor(head.head) or _from_actor(head.head, ctx)
                    if owner:
                        return owner
                subj, passive = _subject(head)
                if subj is not None and not passive:
                    return ctx.actor(subj)
                return None
            node = head
            continue
        if node.dep_ == "acl":
            return ctx.actor(head) or _from_actor(head, ctx)
        node = head
    return None


def _from_actor(noun: Token, ctx: FactContext) -> str | None:
    for prep in _children(noun, "prep"):
        if prep.lower_ in ("from", "by"):
            for p in _children(prep, "pobj"):
                return ctx.actor(p)
    return None


def _content(cue: Token, exclude: set[int]) -> list[Token]:
    """The clause ``cue`` governs, without ``exclude`` (its subject) and without
    conjoined clauses that have a subject of their own ("..., and X is leading")."""
    exclude = set(exclude)
    for c in cue.children:
        if c.lower_ == "according":
            exclude |= {t.i for t in c.subtree}  # the source, not the content
        if c.dep_ == "conj" and c.i > cue.i and any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children):
            exclude |= {t.i for t in c.subtree}
            exclude |= {x.i for x in cue.children if x.dep_ == "cc" and x.i < c.i}
    toks = [t for t in cue.subtree if t.i not in exclude]
    while toks and (toks[0].is_punct or toks[0].dep_ in ("cc", "mark")):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    return toks


def _subtree_ids(tok: Token | None) -> set[int]:
    return {t.i for t in tok.subtree} if tok is not None else set()


def _target_of(cue: Token, content: list[Token], committer: str | None, ctx: FactContext) -> str | None:
    """The addressee: the object of the cue ("urged X"), the subject of the
    clause it governs ("insisted that X"), or an actor after to/with/from/on;
    never the committer or the committer's own country."""
    own = {committer}
    ent = ctx.ents.entities.get(committer) if committer else None
    if ent is not None:
        own.update(ent.affiliations)

    def ok(tok: Token) -> str | None:
        a = ctx.actor(tok)
        return a if a and a not in own else None

    for c in cue.children:
        if c.dep_ in ("dobj", "dative") and ok(c):
            return ok(c)
    for c in cue.children:
        if c.dep_ in ("ccomp", "xcomp"):
            for s in c.children:
                if s.dep_ in ("nsubj", "nsubjpass") and ok(s):
                    return ok(s)
    for c in cue.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "with", "to", "from", "for"):
            for p in _children(c, "pobj"):
                if ok(p):
                    return ok(p)
    ids = {t.i for t in content}
    for t in content:
        if t.dep_ == "pobj" and t.head.lower_ in ("to", "with", "from", "on") and t.head.i in ids and ok(t):
            return ok(t)
    for t in content:
        if t.dep_ in ("nsubj", "dobj", "dative") and ok(t):
            return ok(t)
    return None


def _partners(subj: Token | None, ctx: FactContext, committer: str | None) -> list[str]:
    out = []
    if subj is None:
        return out
    for t in subj.conjuncts:
        a = ctx.actor(t)
        if a and a != committer and a not in out:
            out.append(a)
    return out


def _speaker_side(ctx: FactContext, tok: Token, personal: bool = False) -> str | None:
    """Who stands behind an impersonal commitment in reported speech: the
    speaker's country or organisation (an official speaks for it), or the
    speaker.  ``personal`` (a hope, "hopefully") keeps the speaker."""
    sp = ctx.speech_for(tok)
    if sp is None:
        return None
    if personal:
        return sp.speaker
    ent = ctx.ents.entities.get(sp.speaker)
    if ent is not None and ent.kind == "Person" and ent.affiliations:
        aff = ent.affiliations[0]
        if aff in ctx.ents.entities:
            ctx.ents.entities[aff].is_actor = True
        return aff
    return sp.speaker


def _has_under_plan(sent: Span, nouns: dict[str, str]) -> str | None:
    """"Under this proposal, ...": the kind of the plan the sentence is under."""
    for t in sent:
        if t.lower_ == "under":
            for p in _children(t, "pobj"):
                if p.lemma_ in nouns and nouns[p.lemma_] in ("proposal", "agreement"):
                    return nouns[p.lemma_]
    return None


class _Matcher:
    def __init__(self, ctx: FactContext):
        self.ctx = ctx
        self.lex = ctx.lex
        self.verbs = _kinds(ctx, "commitment_verbs")
        self.nouns = _kinds(ctx, "commitment_nouns")
        self.ready = {w: k for k, ws in self.lex["readiness_adjectives"].items() for w in ws}
        self.discussion = set(self.lex["discussion_nouns"])
        self.undertake = set(self.lex["undertaking_verbs"])
        self.agreement_objects = set(self.lex["agreement_objects"])

    # -- the cue kinds ------------------------------------------------------
    def match(self, tok: Token) -> Cue | None:
        if tok.pos_ in ("VERB", "AUX", "ADJ") or tok.tag_ == "VBN":
            if tok.lemma_.lower() in self.verbs:
                return self.verb(tok) or self.modal(tok)
            return self.adjective(tok) or self.modal(tok)
        if tok.pos_ in ("NOUN",):
            return self.noun(tok)
        if tok.pos_ == "ADV" and tok.lower_ in self.lex["hope_adverbs"]:
            return self.hope_adverb(tok)
        return None

    def _finish(self, kind: str, cue: Token, subj: Token | None, passive: bool, content_root: Token,
                personal_impersonal: bool = False) -> Cue | None:
        ctx = self.ctx
        committer = ctx.actor(subj) if subj is not None else None
        if passive and cue.lemma_ not in PASSIVE_COMMITTER:
            agent = next((a for c in cue.children if c.dep_ == "agent" for a in c.children if a.dep_ == "pobj"), None)
            committer = self.ctx.actor(agent) if agent is not None else None
            if committer is None and kind == "demand":
                # "Headteachers have been told to stay open, the council said": the speaker's side told them.
                committer = _speaker_side(self.ctx, cue)
            if committer is None:
                return None  # "X was urged", "what was promised": by whom, the text does not say
        if committer is None:
            if subj is not None and subj.lower_ in ctx.lex["first_person_singular"]:
                return None
            committer = _speaker_side(ctx, cue, personal=personal_impersonal)
        if committer is None:
            return None
        exclude = _subtree_ids(subj) if subj is not None and subj.i < cue.i else set()
        content = _content(content_root, exclude)
        modality, negated = _modality(cue, ctx)
        if MODAL_KIND.get(modality or "") == "demand" and not passive:
            side = _speaker_side(ctx, cue, personal=True)
            if side is not None and side != committer:
                # '"Farmers must accept the rules," the minister said': the minister's demand of them
                return Cue("demand", cue, side, content, committer, [], modality, negated)
        partners = _partners(subj, ctx, committer)
        target = _target_of(cue, content, committer, ctx)
        if kind == "agreement" and target is None and partners:
            target = partners[0]  # "X and Y agreed": each is the other's counterpart
        return Cue(kind, cue, committer, content, target, partners, modality, negated)

    def verb(self, tok: Token) -> Cue | None:
        lemma = tok.lemma_.lower()
        kind = self.verbs.get(lemma)
        if kind is None:
            return None
        xcomp = _children(tok, "xcomp")
        ccomp = _children(tok, "ccomp")
        preps = {c.lower_ for c in _children(tok, "prep")}
        prts = {c.lower_ for c in _children(tok, "prt")}
        objs = [c for c in _children(tok, "dobj")]
        # Cue words that need their construction to be a commitment.
        if lemma in ("tell", "warn", "ask", "press", "push", "order", "instruct", "force", "compel", "summon"):
            if not xcomp and not (lemma in ("ask", "press", "push") and "for" in preps):
                return None
        if lemma == "appeal" and not ({"to", "for"} & preps):
            return None  # "appeal the ruling" is a court appeal, not a plea
        if lemma == "call" and not ({"on", "for", "upon"} & preps or "on" in prts or "for" in prts):
            return None
        if lemma in ("reach", "strike", "seal", "conclude", "sign", "finalise", "finalize", "settle"):
            if not any(o.lemma_.lower() in self.agreement_objects or o.lower_ in ("deal", "agreement") for o in objs):
                if lemma != "sign" or not objs:
                    return None
        if lemma == "put" and "forward" not in prts and "forward" not in {c.lower_ for c in tok.children}:
            return None  # "put forward a plan", not "put out a fire"
        if lemma in ("table", "float", "draft") and not objs:
            return None
        if lemma == "insist" and ccomp and not xcomp and "on" not in preps:
            inner = ccomp[0]
            modal, _ = _modality(inner, self.ctx)
            subj = next((c for c in inner.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            # The mandative subjunctive: "insisted that Kyiv require" (base form after a
            # singular subject, which the tagger reads as VBP) demands; "insists that the
            # border runs" claims.
            subjunctive = inner.tag_ == "VB" or inner.tag_ == "VBP" and subj is not None and subj.tag_ in ("NN", "NNP")
            if not subjunctive and modal not in ("should", "must") and not any(
                    c.lemma_ == "need" for c in inner.children):
                return None
        if lemma == "rule" and "out" not in prts:
            return None
        if lemma in ("expect", "anticipate", "hope", "predict", "foresee", "forecast", "project"):
            subj, passive = _subject(tok)
            if passive and subj is not None and not self.ctx.actor(subj):
                inner = xcomp[0] if xcomp else None
                if inner is not None and (inner.lemma_ in OCCURRENCE or inner.lemma_ == "be"):
                    return None  # a schedule ("the meeting is expected to take place")
            return self._finish("expectation", tok, subj, False if passive and subj is not None and self.ctx.actor(subj) else passive,
                                tok)
        if lemma == "suggest":
            inner = ccomp[0] if ccomp else None
            if inner is not None:
                modal, _ = _modality(inner, self.ctx)
                if modal in ("should", "must"):
                    kind = "demand"
                elif modal in ("might", "may", "could"):
                    return None  # the inner clause is an expectation of its own
        if lemma == "cut" and not ("off" in prts or any(o.lemma_ in ("aid", "tie", "funding", "support", "supply",
                                                                      "relation", "assistance", "contact", "link")
                                                        for o in objs)):
            return None  # "cut the deficit" reduces; "cut aid", "cut off supplies" withholds
        if kind == "refusal" and lemma in ("halt", "suspend", "freeze", "stop", "pause", "cut", "withdraw",
                                           "cancel", "scrap", "abandon", "block", "end"):
            subj, passive = _subject(tok)
            if subj is None or passive or not self.ctx.actor(subj):
                return None
        if lemma in ("accept", "back", "join", "approve", "endorse", "ratify"):
            subj, passive = _subject(tok)
            if subj is None or passive or not self.ctx.actor(subj):
                return None
        if lemma in ("plan", "intend", "resolve", "aim", "threaten") and not xcomp and not objs:
            return None
        subj, passive = _subject(tok)
        return self._finish(kind, tok, subj, passive, tok)

    def adjective(self, tok: Token) -> Cue | None:
        kind = self.ready.get(tok.lower_) or self.ready.get(tok.lemma_)
        if kind is None or tok.dep_ not in ("acomp", "ROOT", "amod", "xcomp", "conj", "ccomp"):
            return None
        if not (_children(tok, "xcomp") or any(c.lower_ == "to" for c in _children(tok, "prep"))):
            return None
        subj, _ = _subject(tok if tok.dep_ not in ("acomp",) else tok.head)
        if kind == "expectation":
            # "X is likely to sign": the expectation is the writer's, or the
            # speaker's in reported speech; X is what it is about.
            holder = _speaker_side(self.ctx, tok)
            content = _content(tok, set())
            if holder is None:
                # Nobody holds it; still, "likely to sign" is no signature: block what it governs.
                return Cue("", tok, None, content)
            about = self.ctx.actor(subj) if subj is not None else None
            return Cue(kind, tok, holder, content, about if about != holder else None)
        return self._finish(kind, tok, subj, False, tok)

    def noun(self, tok: Token) -> Cue | None:
        lemma = tok.lemma_.lower()
        if lemma in self.discussion:
            return self._discussion(tok)
        kind = self.nouns.get(lemma)
        if kind is None:
            return None
        clause = [c for c in tok.children if c.dep_ in ("acl", "relcl", "ccomp") and c.pos_ in ("VERB", "AUX")
                  and (c.tag_ in ("VB", "VBG") or any(x.dep_ == "mark" for x in c.children))]
        clause = [c for c in clause if c.dep_ != "relcl" or c.tag_ == "VB"]
        if not clause:
            return None
        inner = clause[0]
        inner_kind = self.verbs.get(inner.lemma_.lower())
        if inner_kind in ("proposal", "refusal", "agreement", "demand") and lemma not in ("readiness", "willingness"):
            kind = inner_kind
        committer = _noun_owner(tok, self.ctx)
        if committer is None:
            return None
        content = _content(tok, set())
        modality, negated = _modality(inner, self.ctx)
        return Cue(kind, tok, committer, content, _target_of(inner, content, committer, self.ctx), [],
                   modality, negated)

    def _discussion(self, tok: Token) -> Cue | None:
        """"X is leading talks", "we are in discussions to arrange a meeting"."""
        clause = [c for c in tok.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VB"]
        head = tok.head
        via_prep = tok.dep_ == "pobj" and head.lower_ in ("in", "into") and head.head.pos_ in ("VERB", "AUX", "ADJ")
        verb = head.head if via_prep else head if tok.dep_ == "dobj" else None
        if verb is None:
            return None
        if tok.dep_ == "dobj" and verb.lemma_ not in self.undertake:
            return None
        if via_prep and not clause:
            return None
        subj, passive = _subject(verb)
        if subj is None or passive:
            return None
        committer = self.ctx.actor(subj)
        if committer is None:
            return None
        exclude = _subtree_ids(subj)
        content = _content(verb, exclude)
        modality, negated = _modality(verb, self.ctx)
        return Cue("promise", verb, committer, content, _target_of(verb, content, committer, self.ctx),
                   _partners(subj, self.ctx, committer), modality, negated)

    def hope_adverb(self, tok: Token) -> Cue | None:
        verb = tok.head
        committer = _speaker_side(self.ctx, tok, personal=True)
        if committer is None or verb.pos_ not in ("VERB", "AUX"):
            return None
        content = _content(verb, set())
        return Cue("expectation", tok, committer, content, _target_of(verb, content, committer, self.ctx))

    def modal(self, tok: Token) -> Cue | None:
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_ in STATE_VERBS and tok.pos_ == "AUX":
            return None
        modal, negated = _modality(tok, self.ctx)
        if modal is None:
            need = [c for c in tok.children if c.lemma_ == "need" and c.dep_ == "aux"]
            if need:
                modal = "should"
            elif _planned(tok):
                modal = "is to"  # "Acme is to cut 500 jobs": an arrangement, the subject's to keep
                negated = negated or any(c.dep_ == "neg" for c in tok.head.children)
            else:
                return None
        kind = MODAL_KIND.get(modal)
        if kind is None or _no_commitment_frame(tok, self.ctx):
            return None
        ctx = self.ctx
        subj, passive = _subject(tok)
        actor = ctx.actor(subj) if subj is not None else None
        in_speech = _speaker_side(ctx, tok, personal=True) is not None
        sent = ctx.sents[ctx.sent_of[tok.i]]
        under = _has_under_plan(sent, self.nouns)
        if passive and actor is not None and subj.lower_ not in ctx.lex["collective_nouns_for_country"] \
                and subj.lemma_ not in ctx.lex["collective_nouns_for_country"]:
            actor = None  # "X will be invited": X is the patient, not the one who commits
        if modal == "would" and under:
            kind = under
        elif modal == "would" and not in_speech:
            return None  # a hypothetical, not a commitment
        if kind == "demand":
            committer = _speaker_side(ctx, tok, personal=True)
            if committer is None or committer == actor:
                return None
            content = _content(tok, set())
            return Cue("demand", tok, committer, content, actor, [], modal, negated)
        if kind == "promise" and tok.lemma_ in ctx.lex["happening_verbs"]:
            # "Prices will fall", "Acme will face Zenith": a forecast, the speaker's if anyone's.
            kind = "expectation"
        if kind == "expectation":
            committer = _speaker_side(ctx, tok)
            if committer is None:
                return None
            content = _content(tok, set())
            return Cue("expectation", tok, committer, content, actor if actor != committer else None, [], modal, negated)
        # will / would / shall: an act of the subject, or, impersonal, of the speaker's side.
        if actor is None:
            if not in_speech or tok.lemma_ not in ctx.lex["undertaking_verbs"]:
                return None  # "X will not be blackmailed" binds nobody
            if subj is not None and subj.lower_ in ctx.lex["impersonal_subjects"] | {"everything", "nothing", "things"}:
                return None
            committer = _speaker_side(ctx, tok)
        else:
            if tok.lemma_ in STATE_VERBS:
                return None
            committer = actor
        if committer is None:
            return None
        exclude = _subtree_ids(subj) if subj is not None and actor is not None else set()
        content = _content(tok, exclude)
        return Cue(kind, tok, committer, content, _target_of(tok, content, committer, ctx),
                   _partners(subj, ctx, committer) if actor else [], modal, negated)


def _readable(cue: Cue) -> str:
    """What is committed to, as a clause: the complement of the cue verb
    ("urged X to accept a deal" -> "accept a deal"), else the clause itself."""
    toks = cue.content
    word = cue.cue
    comp = [c for c in word.children if c.dep_ in ("xcomp", "ccomp") and c.i > word.i]
    if word.pos_ in ("VERB", "ADJ") and comp:
        start = comp[0].left_edge.i
        toks = [t for t in toks if t.i >= start]
        while toks and (toks[0].dep_ in ("aux", "mark") and toks[0].lower_ in ("to", "that") or toks[0].is_punct):
            toks = toks[1:]
    elif word.pos_ == "NOUN":
        clause = [c for c in word.children if c.dep_ in ("acl", "relcl", "ccomp") and c.i > word.i]
        if clause:
            toks = [t for t in toks if t.i >= clause[0].left_edge.i]
            while toks and toks[0].dep_ in ("aux", "mark") and toks[0].lower_ in ("to", "that"):
                toks = toks[1:]
    if not toks:
        toks = cue.content
    doc = word.doc
    text = " ".join(doc[toks[0].i:toks[-1].i + 1].text.split())
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
    doc = ctx.doc
    date_ents = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
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
            if cue.committer is None or not _binds(cue, ctx):
                continue  # (what it governs stays consumed: a frame that binds nobody binds nothing below it)
            yield _commitment(ctx, cue, s_idx, ids, date_ents, money)


def _commitment(ctx: FactContext, cue: Cue, s_idx: int, ids: set[int], date_ents, money) -> Commitment:
    doc = ctx.doc
    lo, hi = min(ids), max(ids)
    content = _readable(cue)
    time = next((e for e in date_ents if lo <= e.start <= hi), None)
    amount = next((e for e in money if lo <= e.start <= hi), None)
    amount_text = None
    if amount is not None:
        start = amount.start
        while start > 0 and doc[start - 1].dep_ == "quantmod" or start > 0 and doc[start - 1].lower_ in ("over", "than", "more", "about", "nearly", "almost", "some", "around", "up"):
            start -= 1
            if start <= lo:
                break
        amount_text = doc[start:amount.end].text
    place = None
    for t in cue.content:
        key = ctx.entity_key(t)
        ent = ctx.ents.entities.get(key) if key else None
        if ent is not None and ent.is_place and t.dep_ == "pobj" and t.head.lower_ in ctx.lex["locative_preps"]:
            place = key
            break
    sp = ctx.speech_at(cue.cue.i)
    reporter = sp.speaker if sp is not None and sp.speaker != cue.committer else None
    if reporter is None:
        for s in ctx.speeches:
            if s.cue is not None and s.speaker != cue.committer and ctx.sent_of.get(s.cue) == s_idx and cue.cue.i in s.tokens:
                reporter = s.speaker
    time_text = time.text if time is not None else None
    return Commitment(
        iri="", actor=cue.committer, kind=cue.kind, content=content, target=cue.target,
        partners=cue.partners, modality=cue.modality, negated=cue.negated,
        time=time_text, date=resolve_time(time_text, ctx.document.date) if time_text else None,
        place=place, amount=amount_text, reported_by=reporter, cue=cue.cue.text.lower(),
        evidence=[ctx.evidence(s_idx)],
    )
