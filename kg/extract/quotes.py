"""Finding quoted passages in a text: curly or straight double quotes, and
quotes that run over paragraphs (a paragraph that opens a quote and does not
close it continues in the next paragraph, which opens again).

>>> [q.text for q in find_quotes('He said: “We will go.” Then "no more," she said.')]
['We will go.', 'no more,']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Quote", "find_quotes"]

OPEN = "“\""
CLOSE = "”\""


@dataclass(frozen=True)
class Quote:
    start: int  # character offsets of the inside of the quote
    end: int
    text: str


def find_quotes(text: str) -> list[Quote]:
    """The quoted passages of ``text`` in order."""
    out: list[Quote] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    open_at: int | None = None
    for p_start, p_end in paragraphs:
        para = text[p_start:p_end]
        if open_at is not None and para.lstrip()[:1] not in OPEN:
            # An unclosed quote that the next paragraph does not continue: drop it.
            open_at = None
        # A quote still open at the paragraph end is kept open for a continuation.
        open_at = _scan_paragraph(text, p_start, para, open_at, out)
    return [q for q in out if q.text.strip()]


def _scan_paragraph(text: str, p_start: int, para: str, open_at: int | None, out: list[Quote]) -> int | None:
    """Append the quotes closed in paragraph ``para`` (at ``p_start``) to ``out``;
    return where the quote still open at its end opened, or None."""
    for i, ch in enumerate(para):
        pos = p_start + i
        if open_at is None:
            if ch == "“" or (ch == '"' and _opens(para, i)):
                open_at = pos + 1
        elif ch == "”" or (ch == '"' and not _opens(para, i)):
            out.append(Quote(open_at, pos, text[open_at:pos]))
            open_at = None
        elif (ch in OPEN) and pos == p_start + len(para) - len(para.lstrip()) and open_at < p_start:
            # A continuation paragraph re-opens the quote: close the last part.
            end = _rstrip_end(text, open_at, p_start)
            out.append(Quote(open_at, end, text[open_at:end]))
            open_at = pos + 1
    return open_at


def _opens(para: str, i: int) -> bool:
    """A straight quote opens when it follows a space, a line start or an opening bracket."""
    return i == 0 or para[i - 1] in " \t([{—–-:"


def _rstrip_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over the whitespace before it, no further than ``start``."""
    while end > start and text[end - 1] in " \n\t":
        end -= 1
    return end
