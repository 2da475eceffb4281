"""Names as they are, not as the layout or the NER cut them.

:func:`clean_name` takes the span the NER (or the gazetteer ruler) gave a name
and returns the name itself, one small step at a time, each a pure function
of ``(doc, start, end)`` to a narrower ``(start, end)``:

- one line only ("Eurotunnel\\n\\nThe operator": a headline run into the body);
- nothing after an unclosed bracket or a spaced dash ("Mike (Ruddock",
  "Korea Development Bank - one"), nothing before a closing one;
- no leading "the"/"a", honorific or lower-case descriptor ("bank UFJ Holdings");
- no trailing possessive, preposition, punctuation or score ("Ana Ruiz 6-3 7-5");
- for people, no sentence-initial adjective, title, party or nationality
  before the name ("New", "MEP", "Lib Dem", "American");
- for organisations, a known name's initials the NER ran into the next word
  are cut back ("SNP Holyrood leader").

A span with nothing left, or with a bracket inside a token ("Party(BNP"), is
no name (None).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from kg.nlp.gazetteer import load_gazetteer, load_lexicon

__all__ = ["clean_name", "POSSESSIVE"]

POSSESSIVE = {"'s", "’s", "'", "’"}
_OPENERS = frozenset({"new", "former", "veteran", "top", "young", "rising", "late", "ex", "legendary", "embattled",
                      "newly", "outgoing", "incoming", "disgraced", "jailed", "fellow"})
_PARTY_WORDS = frozenset({"lib", "dem", "tory", "labour", "conservative", "democrat", "republican", "green", "snp",
                          "ukip", "mep", "mp", "msp", "am"})
_SCORE = re.compile(r"(\s*\d+\s*[-–]\s*\d+)+$")


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Every word of a title or title modifier ("deputy", "foreign", "minister")."""
    lex = load_lexicon()
    return frozenset({w for t in lex["titles"] for w in t.split()} | set(lex["title_modifiers"]))


def _one_line(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The part on one line, the one holding the span's root if it can."""
    span = doc[start:end]
    pieces, a = [], start
    for t in span:
        if t.is_space or "\n" in t.text:
            pieces.append((a, t.i))
            a = t.i + 1
        elif "\n" in t.whitespace_:
            pieces.append((a, t.i + 1))
            a = t.i + 1
    pieces = [(x, y) for x, y in pieces + [(a, end)] if y > x]
    if not pieces:
        return start, start
    return next(((x, y) for x, y in pieces if x <= span.root.i < y), pieces[0])


def _cut_brackets(doc: Doc, start: int, end: int) -> tuple[int, int]:
    for t in doc[start:end]:  # "Mike (Ruddock", "Korea Development Bank - one": the name is before
        if t.text in ("(", "[") and not any(u.text in (")", "]") for u in doc[t.i:end]) \
                or t.text in ("-", "–", "—") and t.i > start and t.whitespace_ and doc[t.i - 1].whitespace_:
            end = t.i
            break
    closing = next((t.i for t in doc[start:end] if ")" in t.text and "(" not in doc[start:t.i + 1].text), None)
    if closing is not None:
        start = closing + 1  # "Nasa) Ames Research Center": the end of a bracket before the name
    return start, end


def _trim_front(doc: Doc, start: int, end: int) -> tuple[int, int]:
    honorifics = load_lexicon()["honorifics"]
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].lower_ in honorifics
                           or doc[start].is_alpha and doc[start].text.islower() and doc[start].pos_ == "NOUN"):
        start += 1
    return start, end


def _is_tail(tok: Token) -> bool:
    """A word the NER let into the end of a name: a score ("6-3"), a preposition
    or conjunction ("of"), punctuation."""
    return (tok.is_punct or tok.pos_ in ("ADP", "CCONJ", "DET", "PART") and tok.text.islower()
            or any(c.isdigit() for c in tok.text) and "-" in tok.text)


def _trim_back(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while end > start and (doc[end - 1].text in POSSESSIVE or _is_tail(doc[end - 1])):
        if doc[end - 1].text in (")", "]") and any(t.text in ("(", "[") for t in doc[start:end - 1]):
            break  # "Acme Foods (Freedonia)": a closed bracket stays whole
        end -= 1
    score = _SCORE.search(doc[start:end].text) if end > start else None
    if score and score.start() > 0:  # "Ana Ruiz 6-3 7-5": a result, not a name
        while end > start and doc[end - 1].idx - doc[start].idx >= score.start():
            end -= 1
    return start, end


def _trim_person(doc: Doc, start: int, end: int) -> tuple[int, int]:
    lookup = load_gazetteer().lookup
    while end - start > 2 and doc[start].is_sent_start and doc[start].lower_ in _OPENERS:
        start += 1  # "New Ana Ruiz film...": a sentence-initial adjective
    while end - start > 2 and doc[start].lower_.rstrip(".") in title_words() | _PARTY_WORDS:
        start += 1  # "MEP Ana Ruiz", "Lib Dem Ana Ruiz": a title or party
    while end - start > 1 and lookup.get(doc[start].text, "").startswith("demonym:") and doc[start + 1].text[:1].isupper():
        start += 1  # "American Ana Ruiz": a nationality
    return start, end


def _trim_organisation(doc: Doc, start: int, end: int) -> tuple[int, int]:
    lookup = load_gazetteer().lookup
    if end - start >= 2 and not lookup.get(doc[start:end].text):
        # "SNP Holyrood leader": a known organisation's initials run into the next word
        known = next((k for k in range(end - 1, start, -1) if lookup.get(doc[start:k].text, "").startswith("org:")
                      and doc[k - 1].text.isupper()), None)
        if known is not None:
            end = known
    return start, end


def clean_name(span: Span, person: bool = False) -> Span | None:
    """The name in ``span`` (see module docs); ``person`` when it names a person.

    The steps are pure and applied in order, so that each sees the name as the
    one before left it.
    """
    doc = span.doc
    start, end = span.start, span.end
    steps = (_one_line, _cut_brackets, _trim_front, _trim_back, _trim_person if person else _trim_organisation)
    for step in steps:
        start, end = step(doc, start, end)
        if start >= end:
            return None
    text = doc[start:end].text
    if text.count("(") != text.count(")"):
        return None  # "Party(BNP": a bracket inside a token, no name to cut out cleanly
    return doc[start:end]
