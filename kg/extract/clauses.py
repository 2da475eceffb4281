"""Clause grammar the fact extractors share: a verb's subject, modal, negation,
tense frame, and the clause it governs.

Pure functions of the dependency parse; nothing here knows about actors.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from spacy.tokens import Token

__all__ = ["children", "modality", "is_perfect", "is_planned", "has_to", "going_to", "subject_of", "content_of",
           "subtree_ids", "in_quote", "clause_of_noun", "of_gerund", "governing_verb", "detached_clause", "MODAL_WORDS",
           "fronted_auxiliaries", "CONDITION_AUXILIARIES"]

#: Every form of a modal auxiliary the tokenizer gives ("ca" of "can't", "wo" of "won't").
MODAL_WORDS = frozenset({"would", "could", "should", "might", "must", "may", "can", "will", "'d", "couldn't",
                         "wouldn't", "shouldn't", "ca", "wo", "sha"})


_FLOATING = frozenset({"each", "both", "all"})
_QUOTE_MARKS = frozenset({'"', "“", "”"})
_CONTRAST = frozenset({"while", "whereas", "although", "though", "but"})
_QUANTIFIERS = frozenset({"all", "each", "both", "some", "many", "most", "none", "one", "two", "three", "several",
                          "either", "neither", "any"})


def children(tok: Token, *deps: str) -> list[Token]:
    """The children of ``tok`` with one of the dependency labels ``deps``."""
    return [c for c in tok.children if c.dep_ in deps]


def modality(tok: Token, modals: Mapping[str, str]) -> tuple[str | None, bool]:
    """The modal on ``tok`` (normalised through ``modals``: "'ll" -> "will") and whether it is negated."""
    modal, neg = None, False
    for c in tok.children:
        if c.is_title and not c.is_sent_start and c.nbor(1).pos_ == "PROPN" if c.i + 1 < len(c.doc) else False:
            continue  # "and Will Greenwood sidelined": a name, not a modal
        if _is_had(c, tok):
            continue  # "I'd burned my bridges": "had", a past perfect, no modal
        if c.tag_ == "MD" or c.lower_ in modals and c.dep_ == "aux":
            modal = modals.get(c.lower_, c.lower_)
        if c.dep_ == "neg" and c.i > 0 and tok.doc[c.i - 1].lower_ == "if":
            continue  # "If not, they will be released": the "not" is the condition's, elided
        if c.dep_ == "neg" or c.dep_ in ("nsubj", "nsubjpass") and any(
                g.dep_ == "preconj" and g.lower_ == "neither" for g in c.children):
            neg = True  # "not", or "neither X nor Y was willing to"
    return modal, neg


def is_perfect(tok: Token) -> bool:
    """"have taken", "would have played", "I'd burned": a participle after "have"."""
    return tok.tag_ == "VBN" and any(c.dep_ == "aux" and (c.lemma_ == "have" or _is_had(c, tok)) for c in tok.children)


def _is_had(aux: Token, tok: Token) -> bool:
    """"'d" before a bare participle is "had" ("I'd burned"); before "have" it is "would"."""
    return aux.lower_ in ("'d", "’d") and tok.tag_ == "VBN" and not any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)


def _infinitive_head(tok: Token) -> Token | None:
    """The verb before a "to"-infinitive that complements it ("is to pay", "has to go"): its head."""
    if tok.tag_ == "VB" and tok.dep_ == "xcomp" and tok.head.i < tok.i \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return tok.head
    return None


def in_quote(tok: Token) -> bool:
    """Is ``tok`` inside quotation marks (an odd number of them before it in its sentence)?"""
    return sum(1 for t in tok.sent if t.i < tok.i and t.text in _QUOTE_MARKS) % 2 == 1


def is_planned(tok: Token) -> bool:
    """"X is to pay", "X was to meet": "be" + "to" + a verb, the English of an arrangement."""
    head = _infinitive_head(tok)
    return head is not None and head.lemma_ == "be"


def _climb(tok: Token) -> Token | None:
    """The verb whose subject ``tok`` shares: the first conjunct, the verb of an
    adjective complement, the controlling verb, or the verb a gerund hangs from."""
    head_pos = tok.head.pos_
    if tok.dep_ == "conj" and head_pos in ("VERB", "AUX", "ADJ"):
        return tok.head
    if tok.dep_ == "acomp" and head_pos in ("VERB", "AUX"):
        return tok.head
    if tok.dep_ in ("xcomp", "advcl") and head_pos in ("VERB", "AUX", "ADJ"):
        return tok.head
    if tok.dep_ == "pcomp" and tok.head.head.pos_ in ("VERB", "AUX"):
        return tok.head.head
    return None


def subject_of(tok: Token) -> tuple[Token | None, bool]:
    """The subject of ``tok`` (and whether it is a passive subject), climbing
    through conjunctions, control verbs and participles when it has none."""
    start = tok
    for _ in range(8):
        # The subject nearest the verb: a dateline ("BRUSSELS, June 4 — The EU
        # agreed") is often parsed as a second subject before the real one.
        subs = [c for c in tok.children if c.dep_ in ("nsubj", "csubj", "nsubjpass")]
        # A floating quantifier ("X and Y will each host") is parsed as a second subject.
        subs = [c for c in subs if c.lower_ not in _FLOATING] or subs
        if subs:
            c = _quantified(min(subs, key=lambda x: abs(tok.i - x.i)))
            own_passive = bool(children(start, "auxpass"))  # "... and would be freed": passive whatever the head
            return c, own_passive or c.dep_ == "nsubjpass" and (tok is start or _shares_passive(start))
        stray = _stray_subject(tok) if tok is start else None
        if stray is not None:
            return stray, bool(children(tok, "auxpass"))
        if tok.dep_ == "xcomp" and tok.head.pos_ in ("VERB", "AUX", "ADJ"):
            obj = children(tok.head, "dobj")
            if obj:  # object control: "urged X to go" -> X goes
                return obj[0], False
        if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return tok.head, False
        if tok.dep_ == "pcomp" and tok.head.lower_ == "for" and children(tok.head.head, "dobj"):
            return children(tok.head.head, "dobj")[0], False  # "praised X for agreeing": X agreed
        up = _climb(tok)
        if up is None:
            break
        tok = up
    return None, False


def _stray_subject(tok: Token) -> Token | None:
    """"X announced plans to help buyers and the Tories would extend...",
    'according to Mr Lund, Acme "were not planning to bid"': the parser joins
    the noun to the phrase before it and leaves the verb with no subject; the
    noun right before the auxiliary (and any quote mark) is its subject."""
    auxes = [c.i for c in tok.children if c.dep_ in ("aux", "auxpass") and c.i < tok.i]
    if not auxes or tok.dep_ not in ("ccomp", "conj", "ROOT"):
        return None
    i = min(auxes) - 1
    while i >= 0 and tok.doc[i].text in _QUOTE_MARKS:
        i -= 1
    prev = tok.doc[i] if i >= 0 else None
    if prev is None or prev.pos_ not in ("NOUN", "PROPN") or prev.dep_ not in ("conj", "dobj", "pobj", "appos") \
            or prev.head.i > prev.i or tok.dep_ != "ROOT" and prev.i <= tok.head.i:
        return None
    return prev


def _quantified(subj: Token) -> Token:
    """"All of the three DJs", "each of the firms": the group the quantifier picks from."""
    if subj.lower_ in _QUANTIFIERS:
        for prep in children(subj, "prep"):
            if prep.lower_ == "of":
                obj = children(prep, "pobj")
                if obj:
                    return obj[0]
    return subj


def _shares_passive(verb: Token) -> bool:
    """A conjoined participle with no auxiliary of its own ("was arrested and
    charged") shares the passive of the verb it is joined to; "has been
    appointed and will plan" does not."""
    return verb.tag_ == "VBN" and not children(verb, "aux", "auxpass")


def _has_own_subject(tok: Token) -> bool:
    return any(x.dep_ in ("nsubj", "nsubjpass") for x in tok.children)


def _not_content(cue: Token, c: Token) -> set[int]:
    """What a child of the cue adds that is not what is committed: the source
    ("according to X"), a contrasting clause of someone else ("..., while Y
    offered to host talks"), a conjoined clause with its own subject ("..., and
    X is leading") with the "and" before it."""
    if c.lower_ == "according":
        return {t.i for t in c.subtree}
    if c.i <= cue.i or not _has_own_subject(c):
        return set()
    if c.dep_ == "advcl" and any(x.dep_ == "mark" and x.lower_ in _CONTRAST for x in c.children):
        return {t.i for t in c.subtree}
    if c.dep_ == "conj":
        return {t.i for t in c.subtree} | {x.i for x in cue.children if x.dep_ == "cc" and x.i < c.i}
    return set()


def content_of(cue: Token, exclude: Collection[int]) -> list[Token]:
    """The clause ``cue`` governs, without ``exclude`` (its subject) and without
    what its children add that is not committed (see :func:`_not_content`)."""
    exclude = set(exclude)
    for c in cue.children:
        exclude |= _not_content(cue, c)
    toks = [t for t in cue.subtree if t.i not in exclude]
    while toks and (toks[0].is_punct or toks[0].dep_ in ("cc", "mark")):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    return toks


def subtree_ids(tok: Token | None) -> set[int]:
    """The token indices under ``tok`` (none for None)."""
    return {t.i for t in tok.subtree} if tok is not None else set()


# --- the clause of a cue noun, and the modals written as verbs ---------------------------

def clause_of_noun(c: Token) -> Token | None:
    """"a pledge to cut", "a demand that X go" (a to-, -ing or that-clause; no relative but a bare verb)."""
    if c.dep_ in ("acl", "relcl", "ccomp") and c.pos_ in ("VERB", "AUX") \
            and (c.tag_ in ("VB", "VBG") or any(x.dep_ == "mark" for x in c.children)) \
            and (c.dep_ != "relcl" or c.tag_ == "VB"):
        return c
    return None


def of_gerund(c: Token) -> Token | None:
    """"hopes of reaching a deal"."""
    if c.dep_ == "prep" and c.lower_ == "of":
        return next((g for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
    return None


def has_to(tok: Token) -> bool:
    """"has to go", "will have to pay": "have" + "to" + a verb, an obligation now
    or ahead (not "had to", what was, nor "is having to", a plight; nor "does not have to")."""
    head = _infinitive_head(tok)
    return (head is not None and head.lemma_ == "have" and head.tag_ in ("VBZ", "VBP", "VB") and head.dep_ != "relcl"
            and not any(c.dep_ == "neg" or c.lower_ in ("would", "could", "might", "'d") for c in head.children))


def going_to(tok: Token) -> bool:
    """"is going to build": "be going" + "to" + a verb (in a quote, '"we were
    going to lose"' is what was once ahead, not what is; in reported speech the
    past is the report's tense: "said they were going to cut jobs")."""
    head = _infinitive_head(tok)
    if head is None or head.lower_ != "going":
        return False
    be = [c for c in head.children if c.dep_ == "aux" and c.lemma_ == "be"]
    return bool(be) and not (be[0].lower_ in ("was", "were") and in_quote(tok))


def governing_verb(noun: Token) -> Token | None:
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


def detached_clause(noun: Token) -> Token | None:
    """"made an appeal to end the strike", "a decision earlier this week to
    halt aid": the parser often hangs the to-clause of a noun on the verb (as
    a purpose); it is the noun's when nothing but a time phrase stands between."""
    verb = governing_verb(noun)
    if verb is None:
        return None
    timing = {t.i for c in verb.children if c.dep_ in ("npadvmod", "advmod") for t in c.subtree}
    for c in verb.children:
        if c.dep_ == "advcl" and c.tag_ == "VB" and c.i > noun.i \
                and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children) \
                and all(i in timing for i in range(noun.right_edge.i + 1, c.left_edge.i)):
            return c
    return None


def fronted_auxiliaries(clause: Token) -> tuple[Token | None, list[Token]]:
    """The clause's subject and the auxiliaries placed before it ("Should the
    RFU resolve...", "Had X been", "How will the government..."): an inverted
    condition or a question."""
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None, []
    return subj, [c for c in clause.children if c.dep_ in ("aux", "auxpass") and c.i < subj.i]


#: Auxiliaries that, before the subject, make a condition ("Should X agree", "Had X known", "Were X to").
CONDITION_AUXILIARIES = frozenset({"should", "were", "had"})
