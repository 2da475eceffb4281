"""Statements: who said what, quoted or reported.

Quotes are attributed by :mod:`kg.extract.attribution`: to the subject of a
speech verb outside the quote ("…,” Ana Ruiz said", "said Ruiz", "he added"),
and a quote with no attribution of its own to the speaker in force.  Each
sentence of a quote is one statement of its speaker.  Reported speech is a
speech verb whose subject is an actor and that takes a clause ("Ruiz told
reporters that…", also when the parser hangs the clause on "in an interview"),
or an evaluative speech act on an object ("criticised the plan"); "according
to X (and Y)" gives the rest of the sentence to X (and Y).  A report, survey or
set of figures speaks for its publisher (:mod:`kg.extract.sources`).  Verbs
that are themselves commitments (urge, insist, propose...) are left to
:mod:`kg.extract.commitments` unless they introduce a quote.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from kg.extract.attribution import (AttributedQuote, QuoteReader, reported_content, speaker_of, speaker_subject,
                                    speech_to_come)
from kg.extract.context import FactContext, Speech
from kg.extract.cues import load_constructions
from kg.extract.sources import is_publication, named_publisher, pobj_actor, publisher, speaks
from kg.extract.timex import resolve_time
from kg.nlp.gazetteer import load_lexicon
from kg.types import Statement

__all__ = ["extract_statements", "COMMITMENT_SPEECH"]

# The kinds of commitment that are speech acts: saying them is committing.
_SPEECH_ACT_KINDS = frozenset({"promise", "demand", "proposal"})
_NOT_THE_OBJECT_PHRASE = ("nsubj", "nsubjpass", "conj", "cc", "ccomp")
# Modals that make a clause a demand ("insisted that X must go").
_DEMAND_MODALS = frozenset({"should", "must", "ought", "need"})
_QUOTE_MARKS = " ,\"“”‘’'"
# Children of a speech verb that hold what was said, not when it was said.
_CONTENT_DEPS = ("ccomp", "xcomp", "dobj")


def _commitment_speech() -> frozenset[str]:
    """Verbs of the commitment table that commit whatever clause they take:
    a commitment, not a statement, when they report speech.  Words whose
    commitment sense needs a construction ("tell X to", "warn of") stay
    speech verbs otherwise."""
    return frozenset(w for row in load_constructions().rows
                     if row.frame == "verb" and row.kind in _SPEECH_ACT_KINDS and not row.needs
                     for w in row.words)


#: Speech verbs that carry a commitment of their own (derived from the commitment table).
COMMITMENT_SPEECH = _commitment_speech()


def extract_statements(ctx: FactContext) -> Iterator[Statement]:
    """Yield the statements of the document; registers speech spans on ``ctx``
    so that commitments inside them know their reporter and "I"/"we"."""
    verbs = set(ctx.lex["speech_verbs"])
    reader = QuoteReader(ctx, verbs)
    out: list[Statement] = []
    # In reading order: who speaks in force is who spoke last, quoted or reported.
    for s in range(len(ctx.sents)):
        attributed, bare = reader.attribute(s)
        out.extend(st for q in attributed for st in _quote_statements(ctx, q))
        out.extend(_reported_statements(ctx, ctx.sents[s], verbs, reader))
        resolved = [q for q in map(reader.resolve, bare) if q is not None]
        out.extend(st for q in resolved for st in _quote_statements(ctx, q))
    out.extend(_according_to(ctx, reader.covered, reader.quoted))
    out.sort(key=lambda st: st.evidence[0].start)
    return iter(_one_per_speaker_and_sentence(out))


def _one_per_speaker_and_sentence(statements: Iterable[Statement]) -> list[Statement]:
    """The first statement of each speaker in each sentence ("X noted that...,
    suggesting that..." is one thing said)."""
    seen: set[tuple[str, int]] = set()
    unique = []
    for st in statements:
        key = (st.speaker, st.evidence[0].sentence)
        if key not in seen:
            seen.add(key)
            unique.append(st)
    return unique


def _clean_text(doc: Doc, first: Token, last: Token, strip: str) -> str:
    """The text from ``first`` to ``last`` on one line, ``strip`` characters trimmed."""
    return " ".join(doc[first.i:last.i + 1].text.split()).strip(strip)


def _is_headline(ctx: FactContext, s: int) -> bool:
    """Whether sentence ``s`` is a headline: a title line, or the document's
    first line, whole, ending on a quoted word ("Ministers deny sums 'wrong'")."""
    if s in ctx.headlines:
        return True
    if s != 0:
        return False
    first_line = ctx.text.lstrip().split("\n", 1)[0].strip()
    return first_line[-1:] in _QUOTE_MARKS.strip(" ,") and ctx.sents[0].text.strip() == first_line


def _covered(covered: list[tuple[int, int, str]], who: str, s: int) -> bool:
    """Whether sentence ``s`` is inside a quote of ``who`` (said once already)."""
    return any(sp == who and first <= s <= last for first, last, sp in covered)


# --- when and to whom -------------------------------------------------------------

def _audience(verb: Token) -> str | None:
    """Whom a speech verb addresses ("told reporters in Taipei"), or None."""
    if verb.lemma_ not in load_lexicon()["audience_verbs"]:  # "told reporters": the audience
        return None
    for c in verb.children:
        if c.dep_ in ("dobj", "dative"):
            toks = [t for t in c.subtree if t.dep_ not in ("ccomp", "relcl")]
            return c.doc[toks[0].i:toks[-1].i + 1].text if toks else None
    return None


def _statement_date(ctx: FactContext, verb: Token) -> str | None:
    """When it was said: a date on the speech verb itself ("said on March 6"),
    not one inside what was said; else the article's date."""
    own = {t.i for c in verb.children if c.dep_ not in _CONTENT_DEPS for t in c.subtree}
    for ent in (ctx.dates[i] for i in sorted(own) if i in ctx.dates):
        # What was said lies in the past ("on Tuesday" is the last Tuesday),
        # unless it is a speech to come ("will say on Friday").
        tense = "future" if speech_to_come(verb) else "past"
        resolved = resolve_time(ent.text, ctx.document.date, tense=tense)
        if resolved:
            return resolved
    return ctx.document.date


# --- quotes ----------------------------------------------------------------------

def _quote_statements(ctx: FactContext, quote: AttributedQuote) -> list[Statement]:
    """One statement per sentence of a quote, all the speaker's: a quote of
    three sentences is three things said.  The last one reaches to the
    attribution when the parser split it off ("…,” she said.")."""
    verb = quote.verb
    cue = verb.lemma_ if verb is not None else ""
    audience = _audience(verb) if verb is not None else None
    date = _statement_date(ctx, verb) if verb is not None else ctx.document.date
    parts = _quote_sentences(ctx, quote.tokens)
    out = []
    for n, (first, last, toks) in enumerate(parts):
        text = _clean_text(ctx.doc, toks[0], toks[-1], _QUOTE_MARKS)
        if n == len(parts) - 1:
            last = max(last, quote.last)
        out.append(Statement(iri="", speaker=quote.speaker, content=text, quote=True, cue=cue,
                             audience=audience, date=date, evidence=[ctx.evidence(first, last)]))
    return out


def _quote_sentences(ctx: FactContext, tokens: list[Token]) -> list[tuple[int, int, list[Token]]]:
    """(first, last sentence, tokens) of each sentence of a quote; a parser's
    break where no sentence ends ("…motivated by that / so I need…") is undone."""
    by_sent: dict[int, list[Token]] = {}
    for t in tokens:
        by_sent.setdefault(ctx.sent_of[t.i], []).append(t)
    parts: list[tuple[int, int, list[Token]]] = []
    for s in sorted(by_sent):
        toks = by_sent[s]
        if not any(c.isalnum() for c in _clean_text(ctx.doc, toks[0], toks[-1], _QUOTE_MARKS)):
            continue  # a quote mark or a dash left alone in its sentence
        if parts and not _ends_sentence(parts[-1][2]):
            first, _, before = parts.pop()
            parts.append((first, s, before + toks))
        else:
            parts.append((s, s, toks))
    return parts


def _ends_sentence(toks: list[Token]) -> bool:
    """Whether quoted words end on a sentence's final punctuation (quote marks aside)."""
    words = [t for t in toks if not (t.is_space or t.is_quote)]
    return bool(words) and words[-1].text[-1] in ".?!…:;"


# --- reported speech -------------------------------------------------------------

def _reported_statements(ctx: FactContext, sent: Span, verbs: set[str], reader: QuoteReader) -> list[Statement]:
    """Reported speech in ``sent``: a speech verb outside quotes with an actor subject and a clause."""
    out = []
    for tok in sent:
        if tok.i in reader.used_verbs or tok.i in reader.quoted or not _reports(ctx, tok, verbs):
            continue
        st = _reported_statement(ctx, tok, reader.covered)
        if st is not None:
            out.append(st)
    return out


def _reports(ctx: FactContext, tok: Token, verbs: set[str]) -> bool:
    """Whether ``tok`` is a speech verb that may report a statement of its own."""
    if tok.pos_ != "VERB" or not speaks(tok, speaker_subject(tok), verbs):
        return False
    if tok.lemma_ in COMMITMENT_SPEECH and not _claims(tok):
        return False  # "urged X to...": a commitment, read by kg.extract.commitments
    # Not a speech verb inside what someone else is reported to have said.
    return ctx.speech_at(tok.i) is None


def _reported_statement(ctx: FactContext, verb: Token, covered: list[tuple[int, int, str]]) -> Statement | None:
    """The statement a speech verb reports, registered as a speech; None if it reports none."""
    who, content = _speaker_and_content(ctx, verb)
    if not who or not content:
        return None
    s = ctx.sent_of[verb.i]
    if _is_headline(ctx, s) or _covered(covered, who, s):
        return None
    ctx.add_speech(Speech(who, {t.i for t in content}, s, verb.i))
    return Statement(
        iri="", speaker=who, content=_clean_text(ctx.doc, content[0], content[-1], " ,."), quote=False,
        cue=verb.lemma_, audience=_audience(verb), date=_statement_date(ctx, verb), evidence=[ctx.evidence(s)],
    )


def _speaker_and_content(ctx: FactContext, verb: Token) -> tuple[str | None, list[Token]]:
    """Who a speech verb has speaking and the tokens of what it reports."""
    subj = speaker_subject(verb)
    who = speaker_of(ctx, subj)
    content = reported_content(verb) or _object_content(verb)
    if subj is None and not content:
        return _misparsed_speech(ctx, verb)
    return who, content


def _object_content(verb: Token) -> list[Token]:
    """What a speech act on an object says: "criticised the plan", "welcomed
    the ruling", "outlined his view" (the verb phrase, without its subject)."""
    # "criticised the plan": a statement with no clause
    if verb.lemma_ not in load_lexicon()["object_speech_verbs"] or not any(c.dep_ == "dobj" for c in verb.children):
        return []
    # Not its subject, nor a verb conjoined to it ("praised X and criticised Y").
    other = {t.i for c in verb.children if c.dep_ in _NOT_THE_OBJECT_PHRASE for t in c.subtree}
    return [t for t in verb.subtree if t.i not in other and not t.is_punct]


def _claims(verb: Token) -> bool:
    """"insisted that Ana was speaking about adults" claims (a statement);
    "insisted that Ana must resign" demands (a commitment): only insist and
    suggest go both ways, by the mood of their clause."""
    if verb.lemma_ not in ("insist", "suggest"):
        return False
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return False
    modals = {c.lower_ for c in clause.children if c.dep_ == "aux"}
    return not modals & _DEMAND_MODALS and not (not modals and _is_subjunctive(clause))


def _is_subjunctive(clause: Token) -> bool:
    """The mandative subjunctive ("insisted that Kyiv require"): a base form,
    which the tagger reads as VBP after a singular subject."""
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return clause.tag_ == "VB" or clause.tag_ == "VBP" and subj is not None and subj.tag_ in ("NN", "NNP")


def _misparsed_speech(ctx: FactContext, verb: Token) -> tuple[str | None, list[Token]]:
    """A finite speech verb the parser failed to attach ("X, the envoy, informed
    reporters that ..." parsed as a noun phrase): the speaker is the main name
    before the verb and the content is the "that" clause after it."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return None, []
    sent = ctx.sents[ctx.sent_of[verb.i]]
    who = _last_named_before(ctx, sent, verb)
    that = next((t for t in sent if t.i > verb.i and t.lower_ == "that" and t.dep_ == "mark"), None)
    if who is None or that is None:
        return None, []
    return who, [t for t in sent if t.i > that.i and not (t.is_punct and t.i == sent.end - 1)]


def _last_named_before(ctx: FactContext, sent: Span, verb: Token) -> str | None:
    """The actor of the last root or subject of ``sent`` before ``verb``."""
    who = None
    for t in sent:
        if t.i >= verb.i:
            break
        if t.dep_ in ("ROOT", "nsubj") and ctx.actor(t):
            who = ctx.actor(t)
    return who


# --- according to ----------------------------------------------------------------

def _according_to(ctx: FactContext, covered: list[tuple[int, int, str]], quoted: set[int]) -> list[Statement]:
    """"..., according to X": the rest of the sentence is X's, reported."""
    if "ccording to" not in ctx.text:
        return []  # most articles: skip the walk over every token
    out = []
    for tok in ctx.doc:
        if tok.lower_ != "according" or tok.i in quoted:
            continue
        for who in _according_to_sources(ctx, tok):
            st = _according_to_statement(ctx, tok, who, covered)
            if st is not None:
                out.append(st)
    return out


def _according_to_sources(ctx: FactContext, according: Token) -> list[str]:
    """The actors of "according to X" ("X and Y": each), a report's publisher for a report."""
    to = next((c for c in according.children if c.lower_ == "to"), None)
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if pobj is None:
        return []
    out: list[str] = []
    for noun in [pobj, *_conjuncts(pobj)]:
        who = ctx.actor(noun) or _according_to_publisher(ctx, according, noun)
        if who and who not in out:
            out.append(who)
    return out


def _conjuncts(tok: Token) -> list[Token]:
    """The nouns conjoined to ``tok`` ("X, Y and Z": Y and Z)."""
    out = []
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend([c, *_conjuncts(c)])
    return out


def _according_to_publisher(ctx: FactContext, according: Token, noun: Token) -> str | None:
    """"according to a report (earlier this week) from X": the report's publisher,
    named with the report or on "according" itself."""
    if not is_publication(noun):
        return None
    beside = next((c for c in according.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
    return named_publisher(ctx, noun) or (pobj_actor(ctx, beside) if beside is not None else None) \
        or publisher(ctx, noun)


def _according_to_statement(ctx: FactContext, according: Token, who: str,
                            covered: list[tuple[int, int, str]]) -> Statement | None:
    """The statement ``who`` makes by one "according to", registered as a speech; None if none."""
    s = ctx.sent_of[according.i]
    if _is_headline(ctx, s) or _covered(covered, who, s):
        return None
    phrase = {t.i for t in according.subtree}
    content = _strip_punct([t for t in ctx.sents[s] if t.i not in phrase and not t.is_space])
    if not content:
        return None
    ctx.add_speech(Speech(who, {t.i for t in content}, s, None))
    return Statement(iri="", speaker=who, content=_clean_text(ctx.doc, content[0], content[-1], " ,"),
                     quote=False, cue="according to", date=ctx.document.date, evidence=[ctx.evidence(s)])


def _strip_punct(toks: list[Token]) -> list[Token]:
    """``toks`` without the punctuation at either end."""
    start, end = 0, len(toks)
    while end > start and toks[end - 1].is_punct:
        end -= 1
    while start < end and toks[start].is_punct:
        start += 1
    return toks[start:end]
