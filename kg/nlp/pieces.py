"""Parsing a document too long for one pass, in pieces, into one Doc.

spaCy refuses a text over ``nlp.max_length`` characters (E088), and its
memory grows with the length of what it parses at once.  A long document is
cut at paragraph breaks (else at line breaks, else at spaces), each piece is
parsed on its own, and the pieces are joined back into one Doc whose text is
the document's, character for character: offsets of every fact stay right.
No sentence crosses a cut, and no fact does.

>>> from spacy.lang.en import English
>>> nlp = English()
>>> text = "One paragraph.\\n\\nAnother one.\\n\\nA third."
>>> doc = parse(nlp, text, piece_size=20)
>>> doc.text == text, len(cut(text, 20))
(True, 3)
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.nlp.sentence_cap import cap_sentences

__all__ = ["parse", "cut", "PIECE_SIZE"]

#: Characters parsed at once at most: far below spaCy's max_length, and small
#: enough that the parser's memory stays that of an ordinary article.
PIECE_SIZE = 100_000


def cut(text: str, piece_size: int = PIECE_SIZE) -> list[str]:
    """``text`` in pieces of at most ``piece_size`` characters whose
    concatenation is ``text``: each cut after a paragraph break if one is in
    reach, else after a line break, else after a space, else where it must."""
    pieces = []
    start = 0
    while len(text) - start > piece_size:
        window = text[start:start + piece_size]
        end = -1
        for sep in ("\n\n", "\n", ". ", " "):
            i = window.rfind(sep)
            if i > piece_size // 4:  # not a sliver
                end = i + len(sep)
                break
        end = start + (end if end > 0 else piece_size)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return [p for p in pieces if p]


def parse(nlp, text: str, piece_size: int = PIECE_SIZE) -> Doc:
    """One Doc of ``text``, parsed in pieces if it is longer than ``piece_size``."""
    if len(text) <= piece_size:
        return cap_sentences(nlp, nlp(text))
    docs = [cap_sentences(nlp, d) for d in nlp.pipe(cut(text, piece_size))]
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    assert doc.text == text  # the pieces are the text, in order, nothing added
    return doc
