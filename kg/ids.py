"""Node identity: minting IRIs, stable, deterministic, valid whatever the name.

One source of truth for every IRI kg writes, low in the package: the corpus
reduce (:mod:`kg.resolve.corpus`) mints nodes with it and the RDF writers
(:mod:`kg.rdf`) write them, neither importing the other.  Each kind of thing lives in its
own namespace under the base IRI (``actor/``, ``place/``, ``commitment/``...),
so that Turtle can shorten every IRI to a prefixed name such as
``actor:Donald_Trump``.

Names become local names the way Wikipedia builds its addresses: Unicode
normalised to NFC, runs of white space to one ``_``, letters, marks and digits
of any script kept as they are (IRIs allow them), everything else
percent-encoded as UTF-8.  The same name therefore gives the same IRI in every
run, and quotes, angle brackets or control characters can never break out of
an IRI.  Facts (commitments, statements) have no name: their IRIs end in a
short SHA-1 digest of the parts that identify them.

Examples
--------
>>> actor_iri("https://kg.example/", "Donald Trump")
'https://kg.example/actor/Donald_Trump'
>>> place_iri("https://kg.example/", "São Paulo")
'https://kg.example/place/São_Paulo'
>>> actor_iri("https://kg.example/", 'Dr. "X" <script>')
'https://kg.example/actor/Dr._%22X%22_%3Cscript%3E'
>>> fact_iri("https://kg.example/", "commitment", "https://kg.example/actor/Ukraine", "promise", "sign")
'https://kg.example/commitment/585533efb27e6f17'
>>> evidence_iri("https://kg.example/", "a.txt", 10, 42)
'https://kg.example/evidence/a.txt-10-42'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

__all__ = [
    "NAMESPACES",
    "namespaces",
    "encode_name",
    "digest",
    "actor_iri",
    "place_iri",
    "fact_iri",
    "role_iri",
    "document_iri",
    "evidence_iri",
    "mention_iri",
    "wikidata_iri",
]

#: The namespaces below the base IRI, one per kind of thing; the key is the
#: Turtle prefix.
NAMESPACES: tuple[str, ...] = (
    "actor", "place", "commitment", "statement", "document", "evidence", "mention", "role",
)

WIKIDATA = "http://www.wikidata.org/entity/"

_SPACE = re.compile(r"\s+")
_QID = re.compile(r"(?:^|[/:])(Q[1-9][0-9]*)$")
_KIND = re.compile(r"^[a-z][a-z0-9_-]*$")


def namespaces(base: str) -> dict[str, str]:
    """The instance namespaces under ``base``, by prefix.

    >>> namespaces("https://kg.example/")["actor"]
    'https://kg.example/actor/'
    """
    return {name: f"{base}{name}/" for name in NAMESPACES}


def _keep(ch: str) -> bool:
    # ASCII: only letters and digits (plus -, . and _, handled by the caller);
    # beyond ASCII: letters, marks and digits, which IRIs and Turtle local names
    # accept.  Symbols, punctuation, spaces, controls and format characters of
    # any script are percent-encoded.
    if ch.isascii():
        return ch.isalnum()
    return unicodedata.category(ch)[0] in "LMN"


def _pct(ch: str) -> str:
    # Lone surrogates cannot be encoded as UTF-8: they become U+FFFD.
    data = ("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch).encode("utf-8")
    return "".join(f"%{b:02X}" for b in data)


@lru_cache(maxsize=8192)  # a pure function; document ids repeat for every passage
def encode_name(name: str) -> str:
    """The local name for ``name``: NFC, ``_`` for white space, the rest safe.

    ``-`` and ``.`` are kept inside a name but encoded at its ends, where
    Turtle's prefixed names do not allow them.

    >>> encode_name("  Volodymyr   Zelenskyy ")
    'Volodymyr_Zelenskyy'
    >>> encode_name("U.S.")
    'U.S%2E'
    >>> encode_name("Procter & Gamble")
    'Procter_%26_Gamble'
    >>> encode_name("Кремль")
    'Кремль'
    >>> encode_name("")
    Traceback (most recent call last):
    ...
    ValueError: cannot mint an IRI from an empty name
    """
    s = _SPACE.sub(" ", unicodedata.normalize("NFC", name)).strip()
    if not s:
        raise ValueError("cannot mint an IRI from an empty name")
    out = []
    last = len(s) - 1
    for i, ch in enumerate(s):
        if ch == " ":
            out.append("_")
        elif ch == "_" or _keep(ch) or (ch in "-." and 0 < i < last):
            out.append(ch)
        else:
            out.append(_pct(ch))
    return "".join(out)


def digest(*parts: str | None, length: int = 16) -> str:
    """A short hex SHA-1 of ``parts`` (NFC, joined by a separator no text holds).

    >>> digest("a", "b")
    '687d61996b1c1278'
    >>> digest("a", "b") == digest("a", "b") != digest("ab")
    True
    """
    text = "\x1f".join(unicodedata.normalize("NFC", p or "") for p in parts)
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:length]


def actor_iri(base: str, name: str) -> str:
    """The IRI of the actor with canonical name ``name``.

    A country that is also used as a place keeps this one IRI in both roles.

    >>> actor_iri("https://kg.example/", "the United States")
    'https://kg.example/actor/the_United_States'
    """
    return f"{base}actor/{encode_name(name)}"


def place_iri(base: str, name: str) -> str:
    """The IRI of a place that is not an actor (cities, regions, facilities).

    >>> place_iri("https://kg.example/", "Kyiv")
    'https://kg.example/place/Kyiv'
    """
    return f"{base}place/{encode_name(name)}"


def fact_iri(base: str, kind: str, *parts: str | None) -> str:
    """The IRI of a fact of ``kind`` ("commitment", "statement") identified by ``parts``.

    Pass what makes the fact the same across runs and documents (actor IRI,
    kind, normalised content...), never offsets, so that two articles reporting
    one promise give one node.

    >>> fact_iri("https://kg.example/", "statement", "x") == fact_iri("https://kg.example/", "statement", "x")
    True
    """
    if not _KIND.match(kind):
        raise ValueError(f"not a namespace name: {kind!r}")
    return f"{base}{kind}/{digest(*parts)}"


def role_iri(base: str, actor: str, name: str, affiliation: str | None = None) -> str:
    """The IRI of the role ``name`` that ``actor`` holds (in ``affiliation``).

    >>> role_iri("https://kg.example/", "https://kg.example/actor/Mike_Waltz", "national security adviser")
    'https://kg.example/role/national_security_adviser-88ab3dd4'
    """
    return f"{base}role/{encode_name(name)}-{digest(actor, name, affiliation, length=8)}"


def document_iri(base: str, document: str) -> str:
    """The IRI of the source document with id ``document`` (also the name of
    the TriG graph that holds its evidence).

    >>> document_iri("https://kg.example/", "news/2025 03 06.txt")
    'https://kg.example/document/news%2F2025_03_06.txt'
    """
    return f"{base}document/{encode_name(document)}"


def _span(base: str, ns: str, document: str, start: int, end: int) -> str:
    return f"{base}{ns}/{encode_name(document)}-{int(start)}-{int(end)}"


def evidence_iri(base: str, document: str, start: int, end: int) -> str:
    """The IRI of the evidence passage ``document[start:end]``; facts read from
    one sentence share it.

    >>> evidence_iri("https://kg.example/", "b", 0, 7)
    'https://kg.example/evidence/b-0-7'
    """
    return _span(base, "evidence", document, start, end)


def mention_iri(base: str, document: str, start: int, end: int) -> str:
    """The IRI of the mention ``document[start:end]`` of an actor or place.

    >>> mention_iri("https://kg.example/", "b", 3, 9)
    'https://kg.example/mention/b-3-9'
    """
    return _span(base, "mention", document, start, end)


def wikidata_iri(qid: str | None) -> str | None:
    """The Wikidata entity IRI for ``"Q30"`` (or a Wikidata address); None if
    ``qid`` is not a Wikidata item id.

    >>> wikidata_iri("Q30")
    'http://www.wikidata.org/entity/Q30'
    >>> wikidata_iri("wd:Q212"), wikidata_iri("not an id")
    ('http://www.wikidata.org/entity/Q212', None)
    """
    if not qid:
        return None
    m = _QID.search(qid.strip())
    return WIKIDATA + m.group(1) if m else None
