"""The speeches of one document, kept in reading order and indexed.

Extractors ask, for every token and every sentence, "is this inside what
someone said?" and "who spoke last?".  A list scanned for each question makes
extraction quadratic in the length of the document (a long transcript, one
sentence repeated thousands of times); :class:`SpeechLog` answers each in
about constant time.  Speeches are ordered by sentence, and among speeches of
one sentence by the order they were added.

>>> log = SpeechLog()
>>> log.add(Speech("p:ana", {5, 6}, sentence=1, cue=3))
>>> log.add(Speech("o:acme", {1}, sentence=0))
>>> [sp.speaker for sp in log], log.at(6).speaker, log.at(2)
(['o:acme', 'p:ana'], 'p:ana', None)
>>> [sp.speaker for sp in log.back_from(1, window=4)]
['p:ana', 'o:acme']
"""

from __future__ import annotations

from bisect import bisect_right, insort
from collections.abc import Iterator
from dataclasses import dataclass, field

__all__ = ["Speech", "SpeechLog"]


@dataclass
class Speech:
    """A stretch of reported or quoted speech and who said it."""

    speaker: str  # entity key
    tokens: set[int]  # token indices of what was said
    sentence: int
    cue: int | None = None  # index of the speech verb
    order: int = field(default=0, compare=False, repr=False)  # set by SpeechLog.add


def _sentence(sp: Speech) -> int:
    return sp.sentence


class SpeechLog:
    """Speeches by sentence, with the speeches of each token and of each cue's sentence."""

    def __init__(self) -> None:
        self._speeches: list[Speech] = []
        self._by_token: dict[int, list[Speech]] = {}
        self._by_cue_sentence: dict[int, list[Speech]] = {}
        self._sentences: set[int] = set()

    def add(self, sp: Speech, cue_sentence: int | None = None) -> None:
        """Add ``sp``; ``cue_sentence`` is the sentence of its speech verb, if it has one."""
        sp.order = len(self._speeches)
        insort(self._speeches, sp, key=_sentence)  # after the speeches of its sentence so far
        for i in sp.tokens:
            self._by_token.setdefault(i, []).append(sp)
        if cue_sentence is not None:
            self._by_cue_sentence.setdefault(cue_sentence, []).append(sp)
        self._sentences.add(sp.sentence)

    def __iter__(self) -> Iterator[Speech]:
        return iter(self._speeches)

    def __len__(self) -> int:
        return len(self._speeches)

    def at(self, i: int) -> Speech | None:
        """The first speech (in reading order) whose words include token ``i``, or None."""
        found = self._by_token.get(i)
        return min(found, key=_reading_order) if found else None

    def cued_in(self, s: int) -> list[Speech]:
        """The speeches whose speech verb is in sentence ``s``, in reading order."""
        return sorted(self._by_cue_sentence.get(s, ()), key=_reading_order)

    def has_sentence(self, s: int) -> bool:
        """Whether some speech belongs to sentence ``s``."""
        return s in self._sentences

    def back_from(self, s: int, window: int) -> Iterator[Speech]:
        """The speeches of sentences ``s - window``..``s``, last first."""
        k = bisect_right(self._speeches, s, key=_sentence)
        while k > 0 and self._speeches[k - 1].sentence >= s - window:
            k -= 1
            yield self._speeches[k]


def _reading_order(sp: Speech) -> tuple[int, int]:
    return sp.sentence, sp.order
