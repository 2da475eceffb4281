"""Who said a quote: the attribution of each quoted passage of a document.

A quote is attributed to the actor subject of a speech verb outside the quote
in its own sentences ("…,” Ana Ruiz said", "said Ruiz", "he added"), or in the
next sentence when the parser split "…,” she said." off; a speech verb that
reports a clause of its own ('"…." Prices rose, the bank said.') does not
attribute it.  A quote with no attribution of its own continues the previous
speaker when it follows an attributed one in the same paragraph ('"A," said X.
"B."'); a bare quoted paragraph, or a quote opening a sentence after reported
speech ('X said A. "B."'), goes to the speaker in force: whoever spoke last,
quoted or reported, just before it.  Quotes are read sentence by sentence
between the reported speech (see :func:`kg.extract.statements.extract_statements`),
so that "he added" and the speaker in force know who spoke last.

The subject of a speech verb may be a person, a body, a report (its
publisher, :mod:`kg.extract.sources`), or "he"/"she" for the person speaking.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from kg.extract.context import FactContext, Speech
from kg.extract.quotes import Quote, find_quotes
from kg.extract.sources import inverted_subject, publication_source, speaks
from kg.nlp.gazetteer import load_lexicon

__all__ = ["AttributedQuote", "BareQuote", "QuoteReader", "reported_content", "speaker_in_force", "speaker_of",
           "speaker_subject", "speech_to_come"]

# What may stand between a paragraph start and a quote that opens it.
_PARAGRAPH_OPENERS = ("“", '"', "")


@dataclass(frozen=True)
class AttributedQuote:
    """A quote and who said it; ``last`` is the last sentence its attribution reaches."""

    tokens: list[Token]
    speaker: str
    verb: Token | None
    first: int
    last: int


@dataclass(frozen=True)
class BareQuote:
    """A quote with no attribution of its own: a quoted paragraph, or a quote
    after reported speech in its paragraph (``paragraph`` is where that
    paragraph starts, and the speaker it continues must have spoken there)."""

    tokens: list[Token]
    first: int
    last: int
    paragraph: int | None = None


@dataclass(frozen=True)
class _Previous:
    """The last attributed quote: where it ended, who said it, the token after its attribution."""

    end: int
    speaker: str
    next_token: int


def speaker_subject(verb: Token) -> Token | None:
    """The subject of a speech verb, or of the verb it continues."""
    subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subs:
        return min(subs, key=lambda x: abs(verb.i - x.i))  # nearest: not a dateline parsed as subject
    inverted = inverted_subject(verb)
    if inverted is not None:
        return inverted
    if verb.dep_ == "conj" or verb.dep_ == "advcl" and verb.tag_ == "VBG":
        return speaker_subject(verb.head)  # "X refused ..., saying that ...": X says
    if verb.dep_ == "xcomp" and verb.head.lemma_ in load_lexicon()["announcing_words"]:
        return speaker_subject(verb.head)  # "X is expected to say that ...": X will say
    return None


def speech_to_come(verb: Token) -> bool:
    """"will say", "is expected to tell": a speech announced, not yet made."""
    if verb.dep_ == "xcomp" and verb.head.lemma_ in load_lexicon()["announcing_words"]:
        return True
    return any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in verb.children)


class QuoteReader:
    """Reads the quotes of a document in order, sentence by sentence, so that
    reported speech read between them tells who is speaking."""

    def __init__(self, ctx: FactContext, verbs: set[str]) -> None:
        self.ctx, self.verbs = ctx, verbs
        quotes = [(q, _quote_tokens(ctx, q)) for q in find_quotes(ctx.text)]
        self.quoted = {t.i for _, toks in quotes for t in toks}  # token indices inside any quote
        self._starting: dict[int, list[tuple[Quote, list[Token]]]] = {}
        for q, toks in quotes:
            if toks:
                self._starting.setdefault(ctx.sent_of[toks[0].i], []).append((q, toks))
        self.used_verbs: set[int] = set()  # speech verbs that attribute a quote, not reported speech
        self.covered: list[tuple[int, int, str]] = []  # (first, last sentence, speaker) of each
        self._previous: _Previous | None = None
        self._bare_end: int | None = None  # where the last bare quote of the paragraph ended

    def attribute(self, s: int) -> tuple[list[AttributedQuote], list[BareQuote]]:
        """The quotes that start in sentence ``s``: those attributed (each
        registered as a speech at once) and those left bare."""
        attributed: list[AttributedQuote] = []
        bare: list[BareQuote] = []
        for q, toks in self._starting.get(s, ()):
            found = self._attribute(q, toks)
            if isinstance(found, AttributedQuote):
                self._register(found)
                attributed.append(found)
            elif found is not None:
                bare.append(found)
        return attributed, bare

    def resolve(self, bare: BareQuote) -> AttributedQuote | None:
        """A bare quote given to the speaker in force, registered; None if there is none."""
        speaker = speaker_in_force(self.ctx, bare)
        if speaker is None:
            return None
        found = AttributedQuote(bare.tokens, speaker, None, bare.first, bare.last)
        self.ctx.add_speech(Speech(speaker, {t.i for t in bare.tokens}, bare.last, None))
        return found

    def _attribute(self, q: Quote, toks: list[Token]) -> AttributedQuote | BareQuote | None:
        """Who said one quote, or the bare quote to resolve later, or None."""
        ctx = self.ctx
        first, last = ctx.sent_of[toks[0].i], ctx.sent_of[toks[-1].i]
        speaker, verb, last = _own_attribution(ctx, q, toks, first, last, self.verbs, self.quoted)
        if speaker is None and _is_bare(ctx.text, q, self._bare_end):
            self._bare_end = q.end
            return BareQuote(toks, first, last)
        if speaker is None:
            speaker = _continued_speaker(ctx, q, toks, self._previous, self.verbs, self.quoted)
        if speaker is None and _opens_sentence(ctx, toks):
            # After reported speech ('X said A. "B."'): whoever spoke last in the paragraph.
            self._bare_end = q.end
            return BareQuote(toks, first, last, ctx.text.rfind("\n", 0, q.start) + 1)
        if speaker is None:
            return None  # a phrase in quotation marks in an unattributed sentence
        # Continuation starts past its own attribution ("…," said X, the envoy.).
        self._previous = _Previous(q.end, speaker, max(toks[-1].i + 1, ctx.sents[last].end))
        self._bare_end = None
        return AttributedQuote(toks, speaker, verb, first, last)

    def _register(self, quote: AttributedQuote) -> None:
        """Record an attributed quote and register it as a speech on the context."""
        self.covered.append((quote.first, quote.last, quote.speaker))
        verb = quote.verb.i if quote.verb is not None else None
        if verb is not None:
            self.used_verbs.add(verb)
        self.ctx.add_speech(Speech(quote.speaker, {t.i for t in quote.tokens}, quote.last, verb))


def speaker_of(ctx: FactContext, subj: Token | None) -> str | None:
    """The actor the subject of a speech verb stands for: an actor, the
    publisher of a report, or for "he"/"she" the person speaking in force."""
    if subj is None:
        return None
    return ctx.actor(subj) or publication_source(ctx, subj) or _person_in_force(ctx, subj)


def _person_in_force(ctx: FactContext, pronoun: Token) -> str | None:
    """"…, he added" when the last speaker was a body or a report: the last
    person who spoke within the four sentences before."""
    if pronoun.lower_ not in ctx.lex["third_person"] or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    s = ctx.sent_of[pronoun.i]
    for sp in ctx.speeches.back_from(s, window=4):
        ent = ctx.ents.entities.get(sp.speaker)
        if ent is not None and ent.kind == "Person":
            return sp.speaker
    return None


def speaker_in_force(ctx: FactContext, bare: BareQuote) -> str | None:
    """Who a bare quote continues: the last speaker before it within two
    sentences, who must have spoken in the quote's paragraph if it has one."""
    start = bare.tokens[0].i
    for sp in ctx.speeches.back_from(bare.first, window=2):
        if not sp.tokens or min(sp.tokens) >= start:
            continue  # out of reach, or said after the quote
        if bare.paragraph is not None and ctx.sents[sp.sentence].start_char < bare.paragraph:
            return None
        return sp.speaker
    return None


def _opens_sentence(ctx: FactContext, toks: list[Token]) -> bool:
    """Whether a quote starts its sentence: said in full, not a phrase in quotation marks."""
    sent = ctx.sents[ctx.sent_of[toks[0].i]]
    lead = [t for t in sent if t.i < toks[0].i and not (t.is_punct or t.is_space)]
    return not lead


def _quote_tokens(ctx: FactContext, q: Quote) -> list[Token]:
    """The tokens of a quote; none when its characters fall in no token."""
    span = ctx.doc.char_span(q.start, q.end, alignment_mode="expand")
    return list(span) if span is not None else []


def _attribution_sentences(ctx: FactContext, q: Quote, first: int, last: int) -> list[int]:
    """The sentences that may attribute a quote: its own, and the next one when
    it starts right after the quote in the same paragraph ("…,” / she said.")."""
    sents = list(range(first, last + 1))
    nxt = last + 1
    if nxt < len(ctx.sents) and ctx.sents[nxt].start_char <= q.end + 3 \
            and "\n" not in ctx.text[q.end:ctx.sents[nxt].start_char]:
        sents.append(nxt)
    return sents


def _verb_speaker(ctx: FactContext, tok: Token, verbs: set[str], quoted: set[int],
                  own: set[int]) -> str | None:
    """The actor a speech verb outside any quote has as its subject, or None;
    ``own`` are the tokens of the quote it would attribute."""
    if tok.i in quoted or tok.pos_ not in ("VERB", "AUX"):
        return None
    subj = speaker_subject(tok)
    if not speaks(tok, subj, verbs) or subj is None or subj.i in quoted:
        return None
    if any(a.lemma_ in verbs and a.i not in quoted for a in tok.ancestors):
        return None  # "X insisted Y was speaking about… "…"": inside what X says
    content = reported_content(tok)
    if content and not any(t.i in own for t in content):
        # It reports a clause of its own, not this quote: '"…." Prices rose,
        # the bank said.' or 'When X asked how…, Y began: "…"'.
        return None
    return speaker_of(ctx, subj)


def _own_attribution(ctx: FactContext, q: Quote, toks: list[Token], first: int, last: int, verbs: set[str],
                     quoted: set[int]) -> tuple[str | None, Token | None, int]:
    """(speaker, speech verb, last sentence) of the first attribution in the
    quote's sentences; (None, None, last) when there is none."""
    own = {t.i for t in toks}
    for s in _attribution_sentences(ctx, q, first, last):
        for tok in ctx.sents[s]:
            if s > last and tok.dep_ != "ROOT":
                continue  # split off, "she said." is a sentence of its own, not "He went on to…"
            who = _verb_speaker(ctx, tok, verbs, quoted, own)
            if who:
                return who, tok, max(last, s)
    return None, None, last


def _is_bare(text: str, q: Quote, bare_end: int | None) -> bool:
    """A quote that opens its paragraph, or follows a bare quote in the same paragraph."""
    para_start = text.rfind("\n", 0, q.start) + 1
    if text[para_start:q.start].strip() in _PARAGRAPH_OPENERS:
        return True
    return bare_end is not None and "\n" not in text[bare_end:q.start]


def _continued_speaker(ctx: FactContext, q: Quote, toks: list[Token], previous: _Previous | None,
                       verbs: set[str], quoted: set[int]) -> str | None:
    """The previous quote's speaker for a quote later in the same paragraph,
    unless a speech verb between the two may speak for someone else."""
    if previous is None or "\n" in ctx.text[previous.end:q.start]:
        return None
    between = ctx.doc[previous.next_token:toks[0].i]
    if any(t.lemma_ in verbs for t in between if t.i not in quoted):
        return None
    return previous.speaker


def reported_content(verb: Token) -> list[Token]:
    """The clause a speech verb reports: its ccomp(s), or, for "…, he added",
    the clause the verb hangs from."""
    parts = [c for c in verb.children if c.dep_ == "ccomp"] or _clauses_in_phrases(verb)
    if parts:
        return _clause_tokens(parts)
    if _hangs_from_clause(verb):
        return [t for t in verb.head.subtree if t.i < verb.i and t.text != ","]
    return []


def _clauses_in_phrases(verb: Token) -> list[Token]:
    """A "that" clause the parser hung on an attribution phrase ("told the Post
    in an interview that…" read as the interview's clause): the verb's own."""
    nouns = load_lexicon()["speech_nouns"]
    out = []
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for noun in (t for t in prep.subtree if t.dep_ == "pobj" and (t.lower_ in nouns or t.lemma_ in nouns)):
            out.extend(c for c in noun.children if c.dep_ in ("acl", "relcl", "ccomp") and _that_clause(c))
    return out


def _that_clause(clause: Token) -> bool:
    """A content clause opened by "that" (not a relative one: "a statement that said…")."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _hangs_from_clause(verb: Token) -> bool:
    """"…, he added", "…, predicts the report": the verb follows the clause it
    reports; as a ccomp, only set off by punctuation (not "X insisted Y was speaking")."""
    if verb.head.i >= verb.i or verb.head.pos_ not in ("VERB", "AUX"):
        return False
    if verb.dep_ == "ccomp":
        edge = min(t.i for t in verb.subtree if not t.is_punct)
        return edge > 0 and verb.doc[edge - 1].is_punct
    return verb.dep_ in ("parataxis", "advcl") or verb.dep_ == "conj" and inverted_subject(verb) is not None


def _clause_tokens(parts: list[Token]) -> list[Token]:
    """The tokens of the reported clauses, with the clauses conjoined to them
    ("that X and that Y" reports both), in order."""
    toks = sorted({t for p in parts for t in p.subtree}, key=lambda t: t.i)
    for p in parts:
        for c in p.children:
            if c.dep_ == "conj":
                toks.extend(t for t in c.subtree if t not in toks)
    return sorted(toks, key=lambda t: t.i)
