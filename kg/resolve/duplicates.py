"""The same fact told twice: texts that share most of their words, found without comparing each pair.

The merge keeps one fact per actor and content: a statement whose words are,
for the most part, those of an earlier one of the same speaker is that
statement again.  Comparing each new text with every earlier one of its actor
is quadratic (a speaker quoted thousands of times across a corpus, or in one
transcript); :class:`NearDuplicates` finds the earlier texts that *can* reach
the overlap, by the words they must share, and compares only those.  Its
answer is the one a comparison with each earlier text in order would give.

>>> d = NearDuplicates(0.8)
>>> d.add("We will rebuild the bridge", "s1")
>>> d.add("Taxes will fall next year", "s2")
>>> d.find("we will rebuild the bridge soon"), d.find("The bridge is closed")
('s1', None)
>>> overlap("rebuild the bridge", "We will rebuild the bridge")
1.0
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Hashable
from functools import lru_cache
from typing import Generic, TypeVar

__all__ = ["NearDuplicates", "overlap", "words"]

_WORD = re.compile(r"\w+")
T = TypeVar("T")


@lru_cache(maxsize=65536)
def words(text: str) -> frozenset[str]:
    """The distinct words of ``text``, lower-cased (cached: the merge reads the same contents again and again)."""
    return frozenset(_WORD.findall(text.lower()))


def overlap(a: str, b: str, least: int = 1) -> float:
    """The share of the shorter text's words that both have; a shorter text of
    fewer than ``least`` words is measured against the longer one."""
    ta, tb = words(a), words(b)
    if not ta or not tb:
        return 0.0
    short = min(len(ta), len(tb))
    return len(ta & tb) / (short if short >= least else max(len(ta), len(tb)))


def _must_share(n: int, threshold: float) -> int:
    """The fewest words a text of ``n`` words shares with a text it overlaps by
    ``threshold`` as the shorter one (a hair under, for floating point)."""
    return max(1, math.ceil(threshold * n - 1e-9))


class NearDuplicates(Generic[T]):
    """Items by text; :meth:`find` returns the first added whose text overlaps a
    given one by ``threshold`` or more (see :func:`overlap`, with ``least``).

    Why it is exact: if two texts overlap by ``threshold`` of the shorter's
    ``k`` words, they share at least ``a = ceil(threshold * k)`` words, so the
    shorter misses at most ``k - a`` of its words in the longer, and any
    ``k - a + 1`` of them include a shared one.  Each text is indexed by all
    its words (found when it is the longer: the new text's rarest
    ``k - a + 1`` words are looked up) and by a "signature" of ``k - a + 1``
    of its words (found when it is the shorter: every word of the new text is
    looked up among signatures).  ``least`` only makes the test stricter, so
    the candidates stay a superset.
    """

    def __init__(self, threshold: float, least: int = 1) -> None:
        self.threshold = threshold
        self.least = least
        self._items: list[tuple[str, T]] = []
        self._by_word: dict[str, list[int]] = defaultdict(list)
        self._by_signature: dict[str, list[int]] = defaultdict(list)
        self._by_key: dict[Hashable, set[int]] = defaultdict(set)
        self._index_of: dict[int, int] = {}  # id(item) -> its place; the list keeps items alive

    def __len__(self) -> int:
        return len(self._items)

    def add(self, text: str, item: T, keys: tuple[Hashable, ...] = ()) -> None:
        """Add ``item`` under ``text``; ``keys``: other handles :meth:`find` may match it by."""
        n = len(self._items)
        self._items.append((text, item))
        self._index_of[id(item)] = n
        ws = words(text)
        # The signature: the words rarest so far, so that "the" and "will" stay out of it.
        rare = sorted(ws, key=lambda w: (len(self._by_word.get(w, ())), -len(w), w))
        for w in rare[:len(ws) - _must_share(len(ws), self.threshold) + 1]:
            self._by_signature[w].append(n)
        for w in ws:
            self._by_word[w].append(n)
        self.add_keys(item, keys)

    def add_keys(self, item: T, keys: tuple[Hashable, ...]) -> None:
        """Let :meth:`find` match the (already added) ``item`` by each of ``keys`` too."""
        n = self._index_of[id(item)]
        for k in keys:
            self._by_key[k].add(n)

    def find(self, text: str, accept: Callable[[T], bool] | None = None,
             keys: tuple[Hashable, ...] = ()) -> T | None:
        """The first added item that ``accept`` takes (all, if None) and whose
        text overlaps ``text`` by the threshold, or that has one of ``keys``."""
        ws = words(text)
        key_hits = {n for k in keys for n in self._by_key.get(k, ())}
        found = set(key_hits)
        if ws:
            # ``text`` the shorter: an earlier text holds one of its rarest words.
            rare = sorted(ws, key=lambda w: (len(self._by_word.get(w, ())), w))
            for w in rare[:len(ws) - _must_share(len(ws), self.threshold) + 1]:
                found.update(self._by_word.get(w, ()))
            # ``text`` the longer: it holds a word of the earlier text's signature.
            for w in ws:
                found.update(self._by_signature.get(w, ()))
        for n in sorted(found):
            other, item = self._items[n]
            if (accept is None or accept(item)) and (
                    n in key_hits or overlap(other, text, self.least) >= self.threshold):
                return item
        return None
