"""Tokenizing in time linear in the text, even across long runs without a space.

spaCy's tokenizer strips prefixes and suffixes off each space-free stretch one
at a time, copying the rest each time: a run of 8,000 quote marks takes 6 s,
twice as many four times as long.  :class:`RunSafeTokenizer` wraps the
pipeline's tokenizer: text whose space-free runs are all shorter than
:data:`LONG_RUN` characters (every real article: the longest word or URL is
far shorter) goes to it unchanged; a longer run is tokenized in pieces of
:data:`PIECE` characters, and the pieces joined into one Doc whose text is
the input's, character for character.

>>> from spacy.lang.en import English
>>> nlp = English()
>>> nlp.tokenizer = RunSafeTokenizer(nlp.tokenizer)
>>> text = 'Officials said "' + '!' * 3000 + '" on Monday.'
>>> doc = nlp(text)
>>> doc.text == text, doc[0].text, doc[-1].text
(True, 'Officials', '.')
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

__all__ = ["RunSafeTokenizer", "LONG_RUN", "PIECE"]

#: Characters without a space from which a run is tokenized in pieces.
LONG_RUN = 1000
#: Characters per piece of a long run.
PIECE = 100

_LONG = re.compile(r"\S{%d,}" % LONG_RUN)


class RunSafeTokenizer:
    """A tokenizer that gives spaCy's own result unless a space-free run is
    :data:`LONG_RUN` characters or more (see the module's docstring)."""

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        if len(text) < LONG_RUN or not _LONG.search(text):
            return self.tokenizer(text)
        docs = [self.tokenizer(part) for part in _parts(text)]
        return Doc.from_docs(docs, ensure_whitespace=False)

    def pipe(self, texts, batch_size: int = 1000):
        """Like the wrapped tokenizer's ``pipe``, through this tokenizer."""
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str):
        # Everything else (vocab, rules, to_disk...) is the wrapped tokenizer's.
        return getattr(self.tokenizer, name)

    def __reduce__(self):  # worker processes receive the pipeline pickled
        return (RunSafeTokenizer, (self.tokenizer,))


def _parts(text: str) -> list[str]:
    """``text`` cut before and after each long run, and each run in pieces."""
    parts, pos = [], 0
    for m in _LONG.finditer(text):
        if m.start() > pos:
            parts.append(text[pos:m.start()])
        parts.extend(text[i:min(i + PIECE, m.end())] for i in range(m.start(), m.end(), PIECE))
        pos = m.end()
    if pos < len(text):
        parts.append(text[pos:])
    return parts
