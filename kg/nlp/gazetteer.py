"""Domain knowledge that holds for any article, read from ``kg/data/``.

Countries (names, abbreviations, demonyms, capitals, seats of government),
regions, international organisations and political parties become :class:`GazEntry` records,
and from them the patterns of the spaCy entity ruler.  Every pattern carries an
``id`` (``country:UA``, ``capital:UA``, ``demonym:UA``...) that the resolver
reads back from ``span.ent_id_``, so that no string is looked up twice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

__all__ = ["GazEntry", "Gazetteer", "load_gazetteer", "load_lexicon", "load_alternates", "cue_verbs"]


@dataclass(frozen=True)
class GazEntry:
    """One thing the gazetteer knows: a country, region or organisation."""

    key: str  # "country:UA", "region:europe", "org:nato"
    kind: str  # "Country", "Region", "Organization"
    name: str
    wikidata: str | None = None
    country: str | None = None  # for organisations of one country: its key
    capital: str | None = None
    capital_wikidata: str | None = None
    names: tuple[str, ...] = ()
    # Forms that are also adjectives or title words ("Labour", "Tories"): never
    # patterns, only read by the corpus merge to join nodes the NER already made.
    short_names: tuple[str, ...] = ()
    party: bool = False  # a political party (parties.json)


@dataclass
class Gazetteer:
    """Look-ups from surface strings to :class:`GazEntry` keys, and ruler patterns."""

    entries: dict[str, GazEntry] = field(default_factory=dict)
    patterns: list[dict] = field(default_factory=list)  # for the entity ruler
    lookup: dict[str, str] = field(default_factory=dict)  # surface form -> id, for NER's own spans
    # names that are also words ("Turkey", "Chad"): an id only for a span the NER itself labels GPE
    gpe_only: dict[str, str] = field(default_factory=dict)

    def get(self, key: str | None) -> GazEntry | None:
        if not key:
            return None
        base = key.split(":", 1)[1] if key.startswith(("capital:", "seat:", "demonym:", "people:")) else None
        if base is not None:
            # "capital:UA" and "demonym:UA" point at "country:UA"; "demonym:region:europe" at "region:europe"
            return self.entries.get(base if ":" in base else f"country:{base}")
        return self.entries.get(key)


def _read(name: str):
    path = resources.files("kg.data").joinpath(name)
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def _frozen(value):
    # Lists of words become frozensets: the extractors test membership per token.
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return frozenset(value)
    if isinstance(value, dict):
        return {k: _frozen(v) for k, v in value.items()}
    return value


@lru_cache(maxsize=1)
def load_lexicon() -> dict:
    """The lexicons of ``kg/data/lexicon.json`` (speech verbs, cues, titles...);
    word lists come as frozensets."""
    return {k: _frozen(v) for k, v in _read("lexicon.json").items()}


@lru_cache(maxsize=1)
def load_cue_table() -> dict:
    """The commitment constructions of ``kg/data/commitment_cues.json``, as written
    (:mod:`kg.extract.cues` reads them)."""
    return _read("commitment_cues.json")


@lru_cache(maxsize=1)
def cue_verbs() -> frozenset[str]:
    """Every speech or commitment verb: the verbs whose subject is an actor."""
    verbs = {w for row in load_cue_table()["constructions"] if row["frame"] == "verb" for w in row["words"]}
    return frozenset(load_lexicon()["speech_verbs"]) | verbs


def _add(patterns: list[dict], label: str, text: str, key: str) -> None:
    text = text.strip()
    if not text:
        return
    patterns.append({"label": label, "pattern": text, "id": key})
    if text.lower().startswith("the "):
        patterns.append({"label": label, "pattern": text[4:], "id": key})
    # Title-case headlines and sentence starts: "The White House" already covered.


@lru_cache(maxsize=1)
def load_alternates() -> dict:
    """``kg/data/alternates.json``: other names of well-known organisations,
    award names and fictional characters, read by the corpus merge (never
    patterns).  Shared between callers: do not modify."""
    return _read("alternates.json") or {"organizations": [], "awards": [], "characters": []}


@lru_cache(maxsize=1)
def _award_forms() -> frozenset[str]:
    return frozenset(n for a in load_alternates()["awards"] for n in [a["name"], *a["names"], *a["ambiguous_names"]])


def _add_demonyms(patterns: list[dict], record: dict, target: str) -> None:
    """"Ukrainian" -> ``demonym:UA`` (the state), "Ukrainians" -> ``people:UA`` (its people).

    A form that is also an award's name ("the Brits") is left out: read as the
    people, an award ceremony would become the country."""
    awards = _award_forms()
    for d in record.get("demonyms", []):
        if d not in awards:
            _add(patterns, "NORP", d, f"demonym:{target}")
    for d in record.get("plural_demonyms", []):
        if d not in awards:
            _add(patterns, "NORP", d, f"people:{target}")


def _add_country(gaz: Gazetteer, c: dict) -> None:
    """A country, its capital, seats of government and demonyms."""
    pats = gaz.patterns
    key = f"country:{c['code']}"
    names = [c["name"], *c.get("names", [])]
    gaz.entries[key] = GazEntry(
        key, "Country", c["name"], c.get("wikidata"), capital=c.get("capital"),
        capital_wikidata=c.get("capital_wikidata"), names=tuple(names),
    )
    if c.get("ambiguous"):
        # A country whose name is also a word or a given name ("Jordan",
        # "Chad") is left to the statistical NER: a rule would force it.
        names = [n for n in names if n != c["name"]]
        if c.get("gpe_means_country"):
            gaz.gpe_only[c["name"]] = key
    for n in names + list(c.get("abbreviations", [])):
        _add(pats, "GPE", n, key)
    code = c["code"]
    if c.get("capital"):
        for n in [c["capital"], *c.get("capital_names", [])]:
            _add(pats, "GPE", n, f"capital:{code}")
    for seat in c.get("seats", []):
        name = seat["name"] if isinstance(seat, dict) else seat
        _add(pats, "FAC", name, f"seat:{code}")
    _add_demonyms(pats, c, code)


def _add_region(gaz: Gazetteer, r: dict) -> None:
    key = f"region:{r['name'].lower()}"
    gaz.entries[key] = GazEntry(key, "Region", r["name"], r.get("wikidata"),
                                names=tuple([r["name"], *r.get("names", [])]))
    for n in [r["name"], *r.get("names", [])]:
        _add(gaz.patterns, "LOC", n, key)
    _add_demonyms(gaz.patterns, r, key)


def _add_organization(gaz: Gazetteer, o: dict, party: bool = False) -> None:
    """An organisation; a party's short names are no patterns (see GazEntry)."""
    key = f"org:{o['name'].lower()}"
    country = o.get("country")
    names = [o["name"], *o.get("names", []), *o.get("abbreviations", [])]
    gaz.entries[key] = GazEntry(key, "Organization", o["name"], o.get("wikidata"),
                                country=f"country:{country}" if country else None, names=tuple(names),
                                **({"short_names": tuple(o["short_names"]), "party": True} if party else {}))
    for n in names:
        _add(gaz.patterns, "ORG", n, key)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Read the data files once per process (they are the same for every document)."""
    gaz = Gazetteer()
    for c in _read("countries.json") or []:
        _add_country(gaz, c)
    for r in _read("regions.json") or []:
        _add_region(gaz, r)
    for o in _read("organizations.json") or []:
        _add_organization(gaz, o)
    for o in _read("parties.json") or []:
        _add_organization(gaz, o, party=True)
    pats = gaz.patterns
    # Dedupe for a smaller matcher; the first id of a surface form wins the look-up.
    seen: set = set()
    gaz.patterns = [p for p in pats if (k := (p["label"], p["pattern"], p["id"])) not in seen and not seen.add(k)]
    for p in gaz.patterns:
        gaz.lookup.setdefault(p["pattern"], p["id"])
    return gaz
