"""Who commits, and to whom: the committer of a noun cue, the speaker's side in
reported speech, the target of a cue, the other parties of a joint act.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.binding import Cue
from kg.extract.clauses import children, subject_of
from kg.extract.context import FactContext
from kg.nlp.gazetteer import load_gazetteer
from kg.resolve.local import home_government
from kg.resolve.unnamed import actor_nouns

__all__ = ["joint_subject", "noun_owner", "target_of", "partners", "speaker_side", "agent_of", "counterpart", "maker",
           "each_party", "is_joint", "own_target", "addressed_government"]


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


def joint_subject(noun: Token) -> Token | None:
    """The subject whose "their" a noun object is ("X and Y confirmed their
    willingness": "X"), or None."""
    poss = children(noun, "poss")
    if not poss or poss[0].lower_ != "their" or noun.dep_ != "dobj":
        return None
    return next(iter(children(noun.head, "nsubj")), None)


def noun_owner(noun: Token, ctx: FactContext) -> str | None:
    """Whose plan/decision/readiness a noun is: its possessor, the sender of
    the letter it is in, or the subject of the verb it is an object of."""
    poss = children(noun, "poss")
    joint = joint_subject(noun)
    if joint is not None and joint.conjuncts:
        # "X and Y confirmed their willingness": the joint subject's, the first party's
        owner = ctx.actor(joint)
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
            if head.pos_ in ("VERB", "AUX") and head.lemma_ in ctx.lex["judging_verbs"]:
                # "X attacked the decision (by Y) to...": the decision is Y's if anyone's, never its critic's
                return _from_actor(head, ctx) if node.dep_ == "dobj" else None
            if head.pos_ in ("VERB", "AUX"):
                return _verb_owner(head, ctx)
        elif node.dep_ == "acl":
            return ctx.actor(head) or _from_actor(head, ctx)
        node = head
    return None


def _cue_objects(cue: Token, content: list[Token], side_words: frozenset[str]) -> Iterator[Token]:
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
    args = [t for t in content if not _in_side_clause(t, cue, side_words)]
    yield from (t for t in args if t.dep_ == "pobj" and t.head.i in ids
                and (t.head.lower_ in ("to", "with", "from", "on") or t.head.dep_ == "agent"))  # "to be done by police"
    yield from (t for t in args if t.dep_ in ("nsubj", "dobj", "dative"))


def _in_side_clause(tok: Token, cue: Token, side_words: frozenset[str]) -> bool:
    """Is ``tok`` in a clause beside what is committed: its time or cause
    ("when Britain chairs the summit"), or a relative clause ("the men, who
    returned to the UK")?  (A purpose, "to help farmers", and a condition,
    "unless X acts", name whom the commitment is about.)"""
    while tok.i != cue.i and tok.head.i != tok.i:
        if tok.dep_ == "relcl" and any(c.tag_ in ("WDT", "WP", "WP$", "WRB") for c in tok.children):
            return True
        if tok.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in side_words for c in tok.children):
            return True
        tok = tok.head
    return False



def target_of(cue: Token, content: list[Token], committer: str | None, ctx: FactContext) -> str | None:
    """The addressee; never the committer or the committer's own country."""
    own = {committer}
    ent = ctx.ents.entities.get(committer) if committer else None
    if ent is not None:
        own.update(ent.affiliations)
    for tok in _cue_objects(cue, content, ctx.lex["side_clause_words"]):
        if tok.lemma_.lower() in actor_nouns()["document"]:
            continue  # "pledged to study the research": a document speaks for its issuer, is addressed by nobody
        a = ctx.actor(tok) or _addressed_body(tok, ctx)
        if a and a not in own:
            return a
    return None


def _addressed_body(tok: Token, ctx: FactContext) -> str | None:
    """A country, organisation or person not yet seen acting, addressed by the
    cue ("a demand for Turkey to...", "a complaint against Ruritania"): being
    addressed makes it an actor."""
    key = ctx.ents.token_key.get(tok.i)
    ent = ctx.ents.entities.get(key) if key else None
    return key if ent is not None and ent.kind in ("Country", "Organization", "Person", "Group") else None


def partners(subj: Token | None, ctx: FactContext, committer: str | None) -> list[str]:
    """The co-committers: the other conjuncts of the subject ("X and Y agreed")."""
    out: list[str] = []
    for t in subj.conjuncts if subj is not None else ():
        a = ctx.actor(t)
        if a and a != committer and a not in out:
            out.append(a)
    return out


def speaker_side(ctx: FactContext, tok: Token, personal: bool = False, officials_only: bool = False) -> str | None:
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


def agent_of(cue: Token) -> Token | None:
    """The "by X" of a passive."""
    return next((a for c in cue.children if c.dep_ == "agent" for a in c.children if a.dep_ == "pobj"), None)


def counterpart(ctx: FactContext, cue: Cue) -> str | None:
    """The other side of an expectation: an expectation is about the world, so
    its only target is a party it is shared with ("hope to reach a deal with
    X", "X and Y hope"), not the subject of the forecast."""
    for t in cue.content:
        if t.dep_ == "pobj" and t.head.lower_ in ("with", "between"):
            a = ctx.actor(t)
            if a and a != cue.committer:
                return a
    return cue.partners[0] if is_joint(cue, ctx) else None


def maker(ctx: FactContext, cue: Cue) -> str | None:
    """The other side of a purchase: the maker named with the goods ("an order
    for 70 Boeing jets" is a deal with Boeing)."""
    if cue.kind != "agreement":
        return None
    for t in cue.content:
        if t.dep_ in ("compound", "nmod") and t.head.pos_ in ("NOUN", "PROPN") and t.ent_type_ == "ORG":  # "Airbus A380"
            a = ctx.actor(t)
            if a and a != cue.committer:
                return a
    return None


def is_joint(cue: Cue, ctx: FactContext) -> bool:
    """Do the parties of ``cue`` act together?  An agreement, or an act done
    with one another ("X and Y hope to settle their dispute", "will meet",
    "jointly"), is one act of the first party with the others as target; what
    each says it will do ("X and Y vowed to cut their deficits", "X and Y will
    each host a show") is each party's own."""
    if not cue.partners or any(t.lower_ == "each" for t in cue.cue.children):
        return False
    if cue.kind == "agreement":
        return True
    words = ctx.lex["joint_act_words"] | ctx.lex["agreement_objects"] | ctx.lex["meeting_nouns"]
    return any(t.lemma_.lower() in words or t.lower_ in words for t in [cue.cue, *cue.content])


def each_party(cue: Cue, ctx: FactContext) -> list[Cue]:
    """The other parties' own commitments, when they do not act together (see
    :func:`is_joint`); a joint act stays the first party's, with the others as
    partners."""
    if not cue.partners or is_joint(cue, ctx):
        return []
    parties = [cue.committer, *cue.partners]
    return [Cue(cue.kind, cue.cue, p, cue.content, own_target(cue, p), [q for q in parties if q != p], cue.modality,
                cue.negated) for p in cue.partners]


def own_target(cue: Cue, party: str | None) -> str | None:
    """The target of one party's own share of a commitment made with others:
    never one of the fellow parties."""
    return None if cue.target in cue.partners or cue.target == party else cue.target


def addressed_government(ctx: FactContext, cue: Cue) -> str | None:
    """Whom a party's or a parliamentary committee's demand or proposal is
    made of when the sentence names nobody: the government of the story
    ("the Conservatives called for a delay"), unless it is the party's own."""
    if cue.kind not in ("demand", "proposal") or cue.committer is None:
        return None
    gov = home_government(ctx.ents.entities)
    if gov is None or gov == cue.committer or not _parliamentary(ctx, cue.committer):
        return None
    return gov if ctx.ents.actor_key(gov) else None


def _parliamentary(ctx: FactContext, key: str) -> bool:
    """A party, a member speaking for one, or a body of a parliament."""
    ent = ctx.ents.entities.get(key)
    if ent is None:
        return False
    gaz = load_gazetteer()
    for k in [key, *ent.affiliations]:
        g = gaz.get(k)
        if g is not None and g.party:
            return True
    # (bodies of a parliament, whose calls are made of the government: "MPs urged...")
    return ent.kind in ("Organization", "Group") and bool(set(ent.name.lower().split()) & ctx.lex["parliamentary_words"])
