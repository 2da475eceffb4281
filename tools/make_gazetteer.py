#!/usr/bin/env python3
"""Build kg/data/countries.json from pycountry, countryinfo and hand curation.

Usage (from the repository root)::

    .venv/bin/pip install countryinfo       # generation only, never a runtime dependency
    .venv/bin/python tools/make_gazetteer.py            # rewrite kg/data/countries.json
    .venv/bin/python tools/make_gazetteer.py --check    # exit 1 if the file would change
    .venv/bin/python tools/make_gazetteer.py --format   # also re-serialise regions.json and
                                                        # organizations.json in canonical form

Where each field comes from (see kg/data/SOURCES.md for the full account):

* ``code``, ``alpha3`` and the official/common names: pycountry (ISO 3166-1).
* ``capital``, the demonym, the alternative spellings, ``region`` and ``subregion``:
  countryinfo's bundled JSON files (MIT licence).
* Everything else, and every correction of the two packages: tools/gazetteer_overrides.json.

The output is deterministic: countries sorted by code, keys sorted, lists de-duplicated
in a stable order, ``indent=1``, UTF-8, one trailing newline.  The same inputs always give
the same bytes, and tests/test_gazetteer_data.py checks that the committed file is what this
script produces.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any, Iterable

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "kg" / "data"
OVERRIDES = ROOT / "tools" / "gazetteer_overrides.json"
COUNTRIES_OUT = DATA / "countries.json"
HAND_CURATED = (DATA / "regions.json", DATA / "organizations.json", DATA / "parties.json", DATA / "alternates.json")

QID = re.compile(r"^Q[1-9]\d*$")
CODE_LIKE = re.compile(r"^[A-Z]{2,3}$")

# Words an alternative spelling from countryinfo may be made of, besides the words of the
# country's English names and demonyms: the vocabulary of English state titles
# ("Republic of ...", "Kingdom of the ...").  Anything else (native-language names such as
# "Bundesrepublik Deutschland", transliterations such as "Rossiya") is not written in English
# news and is dropped.
STATE_TITLE_WORDS = frozenset(
    """
    Republic Kingdom State States of the Commonwealth Federation Federal Principality Union
    Grand Duchy Sultanate Islamic People's Democratic United Independent Co-operative
    Cooperative Oriental Eastern Plurinational Bolivarian Hashemite Socialist Confederation
    Arab and Federated Emirates Islands
    """.split()
)

KEYS = (
    "abbreviations",
    "alpha3",
    "ambiguous",
    "ambiguous_demonyms",
    "ambiguous_names",
    "ambiguous_reason",
    "capital",
    "capital_names",
    "capital_wikidata",
    "code",
    "demonyms",
    "gpe_means_country",
    "name",
    "names",
    "notes",
    "plural_demonyms",
    "region",
    "seats",
    "subregion",
    "wikidata",
)

SEAT_KEYS = ("institution", "name", "names", "place", "the")

# Overrides keys a country entry may carry.
OVERRIDE_KEYS = frozenset(
    {
        "name",
        "names_add",
        "names_remove",
        "abbreviations",
        "demonyms",
        "plural_demonyms",
        "capital",
        "capital_names",
        "seats",
        "region",
        "subregion",
        "ambiguous_reason",
        "ambiguous_names",
        "ambiguous_demonyms",
        "gpe_means_country",
        "notes",
    }
)


# --------------------------------------------------------------------------- helpers


def ascii_fold(text: str) -> str:
    """``"Côte d'Ivoire"`` -> ``"Cote d'Ivoire"``: strip combining marks (NFKD)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def is_latin(text: str) -> bool:
    """True when every letter of ``text`` is a Latin letter (accents allowed)."""
    for ch in text:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def unique(items: Iterable[str], *, exclude: Iterable[str] = ()) -> list[str]:
    """De-duplicate in first-seen order, drop empties and anything in ``exclude``."""
    seen = set(exclude)
    out = []
    for item in items:
        item = " ".join(item.split())
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def with_folds(items: Iterable[str], blocked: frozenset[str]) -> list[str]:
    """Each item followed by its ASCII fold (when different and not a blocked word)."""
    out = []
    for item in items:
        out.append(item)
        folded = ascii_fold(item)
        if folded != item and folded not in blocked:
            out.append(folded)
    return out


def strip_the(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


def usable_name(name: str | None) -> bool:
    """A pycountry/countryinfo name is usable when it is not an inverted ISO form
    ("Korea, Republic of"), has no parenthesis, is not a code, and is in Latin script."""
    if not name:
        return False
    if "," in name or "(" in name:
        return False
    if CODE_LIKE.match(name):
        return False
    return is_latin(name)


def default_plural(demonym: str) -> str | None:
    """``Ukrainian`` -> ``Ukrainians``; None where English has no distinct plural noun
    (``French``, ``Chinese``, ``Swiss``) - those are written in the overrides when they exist
    (``Britons``, ``Danes``)."""
    if demonym.endswith(("ese", "ss", "sh", "ch", "ois", "Kyrgyz", "Turkmen")):
        return None
    if " " in demonym and demonym.split()[-1][0].islower():
        return None
    return demonym + "s"


# --------------------------------------------------------------------------- sources


def load_pycountry(code: str) -> dict[str, str | None]:
    import pycountry

    rec = pycountry.countries.get(alpha_2=code)
    if rec is None:
        return {"alpha3": None, "name": None, "official_name": None, "common_name": None}
    return {
        "alpha3": rec.alpha_3,
        "name": rec.name,
        "official_name": getattr(rec, "official_name", None),
        "common_name": getattr(rec, "common_name", None),
    }


def load_countryinfo(code: str) -> dict[str, Any]:
    """countryinfo's record for an ISO alpha-2 code, or {} when it has none (Kosovo)."""
    from countryinfo import CountryInfo

    try:
        info = CountryInfo(code).info()
    except Exception:  # countryinfo raises its own CountryNotFoundError
        return {}
    if (info.get("ISO") or {}).get("alpha2") != code:
        return {}
    return dict(info)


def versions() -> dict[str, str]:
    from importlib.metadata import version

    return {"pycountry": version("pycountry"), "countryinfo": version("countryinfo")}


# --------------------------------------------------------------------------- building


def split_demonyms(raw: str | None) -> list[str]:
    if not raw:
        return []
    return [part.strip() for part in re.split(r"[,/]", raw) if part.strip()]


def normalise_seat(seat: dict[str, Any], blocked: frozenset[str]) -> dict[str, Any]:
    unknown = set(seat) - set(SEAT_KEYS)
    if unknown:
        raise ValueError(f"seat {seat.get('name')!r}: unknown keys {sorted(unknown)}")
    name = seat["name"]
    return {
        "institution": seat.get("institution", "government"),
        "name": name,
        "names": unique(with_folds([name] + list(seat.get("names", [])), blocked), exclude=[name]),
        "place": bool(seat.get("place", True)),
        "the": bool(seat.get("the", False)),
    }


def build_country(
    code: str,
    pc: dict[str, str | None],
    ci: dict[str, Any],
    ov: dict[str, Any],
    overrides: dict[str, Any],
) -> dict[str, Any]:
    unknown = set(ov) - OVERRIDE_KEYS
    if unknown:
        raise ValueError(f"{code}: unknown override keys {sorted(unknown)}")
    blocked = frozenset(overrides["never_names"])
    extra = overrides.get("extra_countries", {}).get(code, {})

    name = ov.get("name") or pc["common_name"] or pc["name"] or extra.get("name")
    if not name:
        raise ValueError(f"{code}: no name")

    ambiguous_names = unique(ov.get("ambiguous_names", []))
    ambiguous_demonyms = unique(ov.get("ambiguous_demonyms", []))

    # Demonyms first: their words may appear in state titles ("Argentine Republic").
    if "demonyms" in ov:
        demonyms = list(ov["demonyms"])
    else:
        demonyms = split_demonyms(ci.get("demonym"))
    demonyms = unique(demonyms, exclude=ambiguous_demonyms)

    if "plural_demonyms" in ov:
        plurals = list(ov["plural_demonyms"])
    else:
        plurals = [p for p in (default_plural(d) for d in demonyms) if p]
    plurals = unique(plurals)

    # Names: pycountry's, countryinfo's English ones, then the hand-added ones.
    candidates: list[str] = []
    for raw in (pc["name"], pc["official_name"], pc["common_name"], ci.get("name")):
        if raw and usable_name(strip_the(raw)):
            candidates.append(strip_the(raw))
    english_words = set(STATE_TITLE_WORDS)
    for known in [name] + candidates + demonyms:
        english_words.update(known.split())
    for alt in ci.get("altSpellings") or []:
        alt = strip_the(alt.strip())
        if not usable_name(alt):
            continue
        if all(word in english_words for word in alt.split()):
            candidates.append(alt)
    candidates.extend(ov.get("names_add", []))
    removed = set(ov.get("names_remove", []))
    abbreviations = unique(ov.get("abbreviations", []))
    names = unique(
        with_folds([c for c in candidates if c not in removed], blocked),
        exclude=[name] + abbreviations + ambiguous_names + demonyms + plurals + ambiguous_demonyms,
    )
    names = [n for n in names if n not in blocked and n not in removed]
    # The canonical name's own ASCII fold is an alternative name too.
    if ascii_fold(name) != name and ascii_fold(name) not in names:
        names.append(ascii_fold(name))

    capital = ov.get("capital", ci.get("capital"))
    if isinstance(capital, list):
        capital = capital[0] if capital else None
    capital = capital or None
    capital_names = unique(
        with_folds(([capital] if capital else []) + list(ov.get("capital_names", [])), blocked),
        exclude=[capital] if capital else [],
    )

    seats = [normalise_seat(s, blocked) for s in ov.get("seats", [])]

    wikidata = overrides["wikidata"].get(code)
    capital_wikidata = overrides["capital_wikidata"].get(code)
    for label, qid in (("wikidata", wikidata), ("capital_wikidata", capital_wikidata)):
        if qid is not None and not QID.match(qid):
            raise ValueError(f"{code}: bad {label} {qid!r}")

    ambiguous_reason = ov.get("ambiguous_reason")
    record = {
        "abbreviations": abbreviations,
        "alpha3": pc["alpha3"] or extra.get("alpha3"),
        "ambiguous": bool(ambiguous_reason),
        "ambiguous_demonyms": ambiguous_demonyms,
        "ambiguous_names": ambiguous_names,
        "ambiguous_reason": ambiguous_reason,
        "capital": capital,
        "capital_names": capital_names,
        "capital_wikidata": capital_wikidata,
        "code": code,
        "demonyms": demonyms,
        # an ambiguous name that the NER labels GPE is the country (none of its other senses is a state)
        "gpe_means_country": bool(ov.get("gpe_means_country")),
        "name": name,
        "names": names,
        "notes": ov.get("notes"),
        "plural_demonyms": plurals,
        "region": ov.get("region", ci.get("region") or None),
        "seats": seats,
        "subregion": ov.get("subregion", ci.get("subregion") or None),
        "wikidata": wikidata,
    }
    assert tuple(sorted(record)) == KEYS, sorted(record)
    return record


def build(overrides: dict[str, Any]) -> list[dict[str, Any]]:
    codes = sorted(set(overrides["sovereign_codes"]) | set(overrides.get("extra_countries", {})))
    per_country = overrides["countries"]
    stray = set(per_country) - set(codes)
    if stray:
        raise ValueError(f"overrides for codes that are not countries: {sorted(stray)}")
    for table in ("wikidata", "capital_wikidata"):
        stray = set(overrides[table]) - set(codes)
        if stray:
            raise ValueError(f"{table}: codes that are not countries: {sorted(stray)}")
    out = []
    for code in codes:
        out.append(
            build_country(
                code,
                load_pycountry(code),
                load_countryinfo(code),
                per_country.get(code, {}),
                overrides,
            )
        )
    return out


# --------------------------------------------------------------------------- output


def dumps(data: Any) -> str:
    """The canonical serialisation of every kg/data/*.json file."""
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def render_countries() -> str:
    overrides = json.loads(OVERRIDES.read_text(encoding="utf-8"))
    return dumps(build(overrides))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if a file would change")
    parser.add_argument(
        "--format",
        action="store_true",
        help="also re-serialise the hand-curated regions.json and organizations.json canonically",
    )
    args = parser.parse_args(argv)

    outputs = {COUNTRIES_OUT: render_countries()}
    if args.format or args.check:
        for path in HAND_CURATED:
            outputs[path] = dumps(json.loads(path.read_text(encoding="utf-8")))

    changed = []
    for path, text in outputs.items():
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            changed.append(path)
            if not args.check:
                path.write_text(text, encoding="utf-8")
    for path in changed:
        verb = "would change" if args.check else "wrote"
        print(f"{verb} {path.relative_to(ROOT)}", file=sys.stderr)
    vers = versions()
    print(f"pycountry {vers['pycountry']}, countryinfo {vers['countryinfo']}", file=sys.stderr)
    return 1 if (args.check and changed) else 0


if __name__ == "__main__":
    sys.exit(main())
