"""No sentence longer than news sentences are: overlong ones are cut and re-parsed.

A parse tree is walked many times per token (a token's children, its subtree,
the clause above it), and in spaCy each walk costs the width of the token's
subtree, so that one sentence of thousands of tokens (a list run together, a
transcript without full stops, a run of punctuation) makes extraction
quadratic in its length.  News sentences are short: the longest of 40 BBC
articles has 56 tokens.  So no sentence gets more than
:data:`MAX_SENTENCE_TOKENS` tokens, at two points:

- before the parser (:func:`stretch_cuts`, run by ``kg_paragraphs``), a
  stretch of that many tokens with no full stop, question or exclamation mark
  gets a sentence start at its last semicolon, colon, comma or conjunction;
- after it (:func:`cap_sentences`), a sentence still longer (the parser may
  join across a full stop) is cut the same way and the document parsed again
  with every boundary fixed.

Ordinary articles are never touched by either.

>>> from spacy.lang.en import English
>>> doc = English()("one, two, three, four, five")
>>> [doc[a:b].text for a, b in cuts(doc, 0, len(doc), max_tokens=4)]
['one, two,', 'three, four,', 'five']
"""

from __future__ import annotations

from spacy.attrs import SENT_START
from spacy.tokens import Doc

__all__ = ["cap_sentences", "cuts", "stretch_cuts", "set_sentence_starts", "MAX_SENTENCE_TOKENS"]

#: The most tokens a sentence may have: over twice the longest sentence of
#: ordinary news, and few enough that walks over a sentence stay cheap.
MAX_SENTENCE_TOKENS = 150

# Where a part may end, best first: after a sentence's end, after a semicolon
# or colon, after a comma or dash; else before a conjunction.
_ENDS_AFTER = ((".", "!", "?", "…"), (";", ":"), (",", "-", "–", "—"))
_CONJUNCTIONS = frozenset({"and", "but", "or", "while", "because"})


def cuts(doc: Doc, start: int, end: int, max_tokens: int = MAX_SENTENCE_TOKENS) -> list[tuple[int, int]]:
    """(start, end) token ranges covering ``doc[start:end]``, each at most ``max_tokens`` long."""
    parts = []
    pos = start
    while end - pos > max_tokens:
        cut = _best_cut(doc, pos + max(1, max_tokens // 2), pos + max_tokens)
        parts.append((pos, cut))
        pos = cut
    parts.append((pos, end))
    return parts


def _best_cut(doc: Doc, lo: int, hi: int) -> int:
    """The token in ``lo``..``hi`` before which a part should end (``hi`` if nothing better)."""
    for marks in _ENDS_AFTER:
        for j in range(hi, lo - 1, -1):
            if doc[j - 1].text in marks:
                return j
    for j in range(hi, lo - 1, -1):
        if doc[j].lower_ in _CONJUNCTIONS:
            return j
    return hi


def stretch_cuts(doc: Doc, starts: set[int], max_tokens: int = MAX_SENTENCE_TOKENS) -> set[int]:
    """Before the parser: where to start sentences so that no stretch of more
    than ``max_tokens`` tokens runs without a sentence start (``starts``) or a
    full stop, question or exclamation mark.  News never needs one (its full
    stops come far more often); a text without any is parsed once, not twice.

    >>> from spacy.lang.en import English
    >>> doc = English()("one two three four five. six seven")
    >>> sorted(stretch_cuts(doc, set(), max_tokens=3)), sorted(stretch_cuts(doc, set(), max_tokens=6))
    ([3], [])
    """
    out: set[int] = set()
    pos = 0  # where the current stretch began
    for tok in doc:
        i = tok.i
        if i in starts:
            pos = i
        elif i - pos >= max_tokens:
            pos = _best_cut(doc, pos + max(1, max_tokens // 2), i)
            out.add(pos)
        if tok.text[-1:] in ".!?…":
            pos = i + 1  # a sentence may end here: the parser decides
    return out


def cap_sentences(nlp, doc: Doc, max_tokens: int = MAX_SENTENCE_TOKENS) -> Doc:
    """``doc`` if no sentence is over ``max_tokens`` tokens, else ``doc``'s text
    parsed again with the overlong sentences cut (the same text and tokens)."""
    if not doc.has_annotation("SENT_START"):
        return doc  # a pipeline that finds no sentences: nothing to cut
    sents = [(s.start, s.end) for s in doc.sents]
    if all(b - a <= max_tokens for a, b in sents):
        return doc
    starts = {a for s in sents for a, _ in cuts(doc, *s, max_tokens=max_tokens)}
    again = nlp.make_doc(doc.text)
    if len(again) != len(doc):  # pragma: no cover - the tokenizer is deterministic
        return doc
    # Every token decided, start or not: the parser keeps these boundaries exactly.
    set_sentence_starts(again, {i: i in starts for i in range(len(again))})
    return nlp(again)


def set_sentence_starts(doc: Doc, starts: dict[int, bool]) -> None:
    """Mark token ``i`` as starting a sentence or not, for each ``i: bool`` of
    ``starts``; other tokens keep what they had.  In one pass over the Doc:
    setting ``Token.is_sent_start`` one token at a time checks the whole Doc
    each time, which is quadratic in its length."""
    values = doc.to_array([SENT_START]).astype("int64")
    for i, start in starts.items():
        values[i] = 1 if start else -1
    doc.from_array([SENT_START], values.astype("uint64").reshape(-1, 1))  # -1 wraps as spaCy stores it
