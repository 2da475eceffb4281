"""Statements: who said what, quoted or reported.

Quotes are attributed to the subject of a speech verb outside the quote in the
same sentence ("…,” Ana Ruiz said", "said Ruiz", "he added"); a quoted
paragraph with no attribution continues the previous speaker.  Reported
speech is a speech verb whose subject is an actor and that takes a clause
("Ruiz told reporters that…").  Verbs that are themselves commitments (urge,
insist, propose...) are left to :mod:`kg.extract.commitments` unless they
introduce a quote.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.extract.context import FactContext, Speech
from kg.extract.quotes import find_quotes
from kg.extract.timex import resolve_time
from kg.types import Statement

__all__ = ["extract_statements", "COMMITMENT_SPEECH"]

#: Speech verbs that carry a commitment of their own: a commitment, not a statement.
COMMITMENT_SPEECH = {"insist", "suggest", "urge", "demand", "propose", "vow", "pledge", "promise", "ask",
                     "call", "request", "recommend", "offer", "commit"}


def _speech_verbs(ctx: FactContext) -> set[str]:
    return set(ctx.lex["speech_verbs"])


def _subject(verb: Token) -> Token | None:
    subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subs:
        return min(subs, key=lambda x: abs(verb.i - x.i))  # nearest: not a dateline parsed as subject
    if verb.dep_ == "conj" or verb.dep_ == "advcl" and verb.tag_ == "VBG":
        return _subject(verb.head)  # "X refused ..., saying that ...": X says
    return None


def _audience(verb: Token) -> str | None:
    if verb.lemma_ not in ("tell", "inform", "brief", "assure", "warn"):
        return None
    for c in verb.children:
        if c.dep_ in ("dobj", "dative"):
            toks = [t for t in c.subtree if t.dep_ not in ("ccomp", "relcl")]
            return c.doc[toks[0].i:toks[-1].i + 1].text if toks else None
    return None


def _statement_date(ctx: FactContext, verb: Token) -> str | None:
    """When it was said: a date on the speech verb itself ("said on March 6"),
    not one inside what was said; else the article's date."""
    own = {t.i for c in verb.children if c.dep_ not in ("ccomp", "xcomp", "dobj") for t in c.subtree}
    for ent in ctx.doc.ents:
        if ent.label_ == "DATE" and ent.start in own:
            resolved = resolve_time(ent.text, ctx.document.date)
            if resolved:
                return resolved
    return ctx.document.date


def extract_statements(ctx: FactContext) -> Iterator[Statement]:
    """Yield the statements of the document; registers speech spans on ``ctx``
    so that commitments inside them know their reporter and "I"/"we"."""
    doc = ctx.doc
    verbs = _speech_verbs(ctx)
    used_verbs: set[int] = set()
    quotes = find_quotes(ctx.text)
    quoted_tokens: set[int] = set()
    quote_tokens: list[list[Token]] = []
    for q in quotes:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        toks = list(span) if span is not None else []
        quote_tokens.append(toks)
        quoted_tokens.update(t.i for t in toks)
    out: list[Statement] = []
    covered: list[tuple[int, int, str]] = []  # (first, last sentence, speaker) of each quote
    previous: tuple[int, str, int] | None = None  # (end offset, speaker, next token) of the last attributed quote
    bare: list[tuple[list[Token], int, int]] = []  # quoted paragraphs with no attribution of their own
    bare_end: int | None = None  # where the last of them ended
    for q, toks in zip(quotes, quote_tokens):
        if not toks:
            continue
        first, last = ctx.sent_of[toks[0].i], ctx.sent_of[toks[-1].i]
        speaker, verb = None, None
        span_sents = list(range(first, last + 1))
        if last + 1 < len(ctx.sents) and ctx.sents[last + 1].start_char <= q.end + 3 \
                and "\n" not in ctx.text[q.end:ctx.sents[last + 1].start_char]:
            span_sents.append(last + 1)  # "…,” she said." split off as its own sentence
        for s in span_sents:
            for t in ctx.sents[s]:
                if t.i in quoted_tokens or t.lemma_ not in verbs or t.pos_ not in ("VERB", "AUX"):
                    continue
                subj = _subject(t)
                if subj is None or subj.i in quoted_tokens:
                    continue
                who = ctx.actor(subj)
                if who:
                    speaker, verb = who, t
                    last = max(last, s)
                    break
            if speaker:
                break
        if speaker is None:
            # A bare quoted paragraph continues the previous speaker, and so does
            # a quote that follows an attributed one in the same paragraph
            # ('"A," said X. "B. "C."').
            para_start = ctx.text.rfind("\n", 0, q.start) + 1
            if ctx.text[para_start:q.start].strip() in ("“", '"', "") \
                    or bare_end is not None and "\n" not in ctx.text[bare_end:q.start]:
                bare.append((toks, first, last))  # who spoke last is known once reported speech is read
                bare_end = q.end
                continue
            if previous is not None and "\n" not in ctx.text[previous[0]:q.start] \
                    and not any(t.lemma_ in verbs for t in doc[previous[2]:toks[0].i] if t.i not in quoted_tokens):
                speaker = previous[1]
        if speaker is None:
            continue
        # (past its own attribution, "…," said X, the envoy.)
        previous, bare_end = (q.end, speaker, max(toks[-1].i + 1, ctx.sents[last].end)), None
        if verb is not None:
            used_verbs.add(verb.i)
        covered.append((first, last, speaker))
        ctx.speeches.append(Speech(speaker, {t.i for t in toks}, last, verb.i if verb is not None else None))
        out.extend(_quote_statements(ctx, toks, speaker, verb, last))
    # Reported speech.
    for tok in doc:
        if tok.i in used_verbs or tok.i in quoted_tokens or tok.pos_ not in ("VERB",):
            continue
        if tok.lemma_ not in verbs or tok.lemma_ in COMMITMENT_SPEECH and not _claims(tok):
            continue
        if any(tok.i in sp.tokens for sp in ctx.speeches):
            continue  # a speech verb inside what someone else is reported to have said
        subj = _subject(tok)
        who = ctx.actor(subj) if subj is not None else None
        content = _reported_content(tok)
        if subj is None and not content:
            who, content = _misparsed_speech(ctx, tok)
        if not who:
            continue
        if not content:
            continue
        s = ctx.sent_of[tok.i]
        if s in ctx.headlines:
            continue
        if any(sp == who and first <= s <= last for first, last, sp in covered):
            continue
        tokens = {t.i for t in content}
        ctx.speeches.append(Speech(who, tokens, s, tok.i))
        text = " ".join(doc[content[0].i:content[-1].i + 1].text.split()).strip(" ,.")
        out.append(Statement(
            iri="", speaker=who, content=text, quote=False, cue=tok.lemma_,
            audience=_audience(tok), date=_statement_date(ctx, tok), evidence=[ctx.evidence(s)],
        ))
    out.extend(_according_to(ctx, covered, quoted_tokens))
    ctx.speeches.sort(key=lambda sp: sp.sentence)
    for toks, first, last in bare:
        # A bare quoted paragraph continues whoever spoke just before, quoted or reported.
        speaker = ctx.last_speaker(first, window=2)
        if speaker is None:
            continue
        ctx.speeches.append(Speech(speaker, {t.i for t in toks}, last, None))
        ctx.speeches.sort(key=lambda sp: sp.sentence)
        out.extend(_quote_statements(ctx, toks, speaker, None, last))
    out.sort(key=lambda st: st.evidence[0].start)
    # One statement per speaker and sentence ("X noted that..., suggesting that...").
    seen: set[tuple[str, int]] = set()
    unique = []
    for st in out:
        key = (st.speaker, st.evidence[0].sentence)
        if key not in seen:
            seen.add(key)
            unique.append(st)
    return iter(unique)


def _quote_statements(ctx: FactContext, toks: list[Token], speaker: str, verb: Token | None,
                      last: int) -> list[Statement]:
    """One statement per sentence of a quote, all the speaker's: a quote of
    three sentences is three things said.  The last one reaches to the
    attribution when the parser split it off ("…,” she said.")."""
    by_sent: dict[int, list[Token]] = {}
    for t in toks:
        by_sent.setdefault(ctx.sent_of[t.i], []).append(t)
    sents = sorted(by_sent)
    out = []
    for s in sents:
        part = by_sent[s]
        text = " ".join(ctx.doc[part[0].i:part[-1].i + 1].text.split()).strip(" ,\"“”‘’'")
        if not any(c.isalnum() for c in text):
            continue
        out.append(Statement(
            iri="", speaker=speaker, content=text, quote=True,
            cue=verb.lemma_ if verb is not None else "",
            audience=_audience(verb) if verb is not None else None,
            date=_statement_date(ctx, verb) if verb is not None else ctx.document.date,
            evidence=[ctx.evidence(s, max(s, last) if s == sents[-1] else s)],
        ))
    return out


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
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # The mandative subjunctive ("insisted that Kyiv require"): base form, which the
    # tagger reads as VBP after a singular subject.
    subjunctive = not modals and (clause.tag_ == "VB" or clause.tag_ == "VBP" and subj is not None
                                  and subj.tag_ in ("NN", "NNP"))
    return not modals & {"should", "must", "ought", "need"} and not subjunctive


def _misparsed_speech(ctx: FactContext, verb: Token) -> tuple[str | None, list[Token]]:
    """A finite speech verb the parser failed to attach ("X, the envoy, informed
    reporters that ..." parsed as a noun phrase): the speaker is the main name
    before the verb and the content is the "that" clause after it."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return None, []
    sent = ctx.sents[ctx.sent_of[verb.i]]
    who = None
    for t in sent:
        if t.i >= verb.i:
            break
        if t.dep_ in ("ROOT", "nsubj") and ctx.actor(t):
            who = ctx.actor(t)
    that = next((t for t in sent if t.i > verb.i and t.lower_ == "that" and t.dep_ == "mark"), None)
    if who is None or that is None:
        return None, []
    toks = [t for t in sent if t.i > that.i and not (t.is_punct and t.i == sent.end - 1)]
    return who, toks


def _according_to(ctx: FactContext, covered, quoted: set[int]) -> list[Statement]:
    """"..., according to X": the rest of the sentence is X's, reported."""
    out = []
    if "ccording to" not in ctx.text:
        return out
    for tok in ctx.doc:
        if tok.lower_ != "according" or tok.i in quoted:
            continue
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        who = ctx.actor(pobj) if pobj is not None else None
        s = ctx.sent_of[tok.i]
        if not who or s in ctx.headlines or any(sp == who and a <= s <= b for a, b, sp in covered):
            continue
        phrase = {t.i for t in tok.subtree}
        content = [t for t in ctx.sents[s] if t.i not in phrase and not t.is_space]
        while content and content[-1].is_punct:
            content = content[:-1]
        while content and content[0].is_punct:
            content = content[1:]
        if not content:
            continue
        ctx.speeches.append(Speech(who, {t.i for t in content}, s, None))
        text = " ".join(ctx.doc[content[0].i:content[-1].i + 1].text.split()).strip(" ,")
        out.append(Statement(iri="", speaker=who, content=text, quote=False, cue="according to",
                             date=ctx.document.date, evidence=[ctx.evidence(s)]))
    return out


def _reported_content(verb: Token) -> list[Token]:
    """The clause a speech verb reports: its ccomp(s), or, for "…, he added",
    the clause the verb hangs from."""
    parts = [c for c in verb.children if c.dep_ in ("ccomp",)]
    if parts:
        toks = sorted({t for p in parts for t in p.subtree}, key=lambda t: t.i)
        # A clause conjoined to the reported one ("that X and that Y") is reported too.
        for p in parts:
            for c in p.children:
                if c.dep_ == "conj":
                    toks.extend(t for t in c.subtree if t not in toks)
        return sorted(toks, key=lambda t: t.i)
    if verb.dep_ in ("parataxis", "ccomp", "advcl") and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX"):
        return [t for t in verb.head.subtree if t.i < verb.i and t.text != ","]
    return []
