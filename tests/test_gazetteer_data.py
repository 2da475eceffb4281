"""Invariants of the domain-knowledge files kg/data/{countries,regions,organizations}.json.

These files are read by entity resolution, so a wrong entry becomes a wrong match in every
article. The checks here are the ones that can actually fail when someone edits
tools/gazetteer_overrides.json or the hand-curated files: schema, identifier formats,
forms claimed by two entities, code-like or common-word aliases, and a few spot checks.
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "kg" / "data"
GENERATOR = ROOT / "tools" / "make_gazetteer.py"

QID = re.compile(r"^Q[1-9]\d*$")

COUNTRY_KEYS = {
    "abbreviations",
    "gpe_means_country",
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
    "name",
    "names",
    "notes",
    "plural_demonyms",
    "region",
    "seats",
    "subregion",
    "wikidata",
}
SEAT_KEYS = {"institution", "name", "names", "place", "the"}
REGION_KEYS = {"ambiguous_reason", "demonyms", "kind", "name", "names", "notes", "plural_demonyms", "the", "wikidata"}
ORG_KEYS = {"abbreviations", "ambiguous_names", "country", "kind", "name", "names", "part_of", "seat", "the", "wikidata"}

# Short all-capital forms that English news really uses for a country. Every other form of
# two or three capitals (ISO codes such as "IN", "IT", "NO", "UKR") must never be an alias.
COUNTRY_CAPS_WHITELIST = {"US", "UK", "NZ", "USA", "UAE", "DRC", "PRC", "ROK", "ROC", "KSA", "PNG", "CAR"}
# Of those, the ones that are also somebody's ISO 3166-1 code.
ISO_CODE_WHITELIST = {"US", "NZ", "USA", "PNG"}

# Forms that denote more than one country. Each must sit in the ambiguous_* lists of the
# countries named here (all of them, or all but the one country news usually means).
SHARED_FORMS = {
    "Congo": {"CD", "CG"},
    "Congolese": {"CD", "CG"},
    "Korea": {"KR", "KP"},
    "Korean": {"KR", "KP"},
    "Koreans": {"KR", "KP"},
    "Dominican": {"DO", "DM"},
    "Dominicans": {"DO", "DM"},
}

# Countries whose short name is also a common English word, a given name or another place:
# the resolver must ask for evidence before reading them as the country.
EXPECTED_AMBIGUOUS = {"FM", "GE", "GN", "JO", "NE", "TD", "TR"}

# Words that must never be a country's name or a place name, whatever the source data says
# (countryinfo lists "Island" for Iceland and "Thai" for Thailand; "Malé" folds to "Male").
# "Thai", "Lao", "Togolese" and "Montenegrin" are fine as demonyms, not as names.
NEVER_NAMES = {"Male", "Island", "Man", "Mann", "Thai", "Lao", "Togolese", "Montenegrin", "Us", "It", "In", "No", "Me"}


def load(name: str):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def countries() -> list[dict]:
    return load("countries.json")


@pytest.fixture(scope="module")
def by_code(countries) -> dict[str, dict]:
    return {c["code"]: c for c in countries}


@pytest.fixture(scope="module")
def regions() -> list[dict]:
    return load("regions.json")


@pytest.fixture(scope="module")
def organizations() -> list[dict]:
    return load("organizations.json")


def generator_module():
    spec = importlib.util.spec_from_file_location("make_gazetteer", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def claimed_forms(country: dict) -> list[tuple[str, str]]:
    """(field, form) for every form that should point at this country and nothing else."""
    out = [("name", country["name"])]
    for field in ("names", "abbreviations", "demonyms", "plural_demonyms", "capital_names"):
        out += [(field, f) for f in country[field]]
    if country["capital"]:
        out.append(("capital", country["capital"]))
    for seat in country["seats"]:
        out += [("seats", seat["name"])] + [("seats", n) for n in seat["names"]]
    return out


def ambiguous_forms(country: dict) -> list[tuple[str, str]]:
    return [("ambiguous_names", f) for f in country["ambiguous_names"]] + [
        ("ambiguous_demonyms", f) for f in country["ambiguous_demonyms"]
    ]


def key(field: str, form: str) -> str:
    """Abbreviations are matched case-sensitively ("US" is not "us"); everything else not."""
    return form if field == "abbreviations" else form.casefold()


# --------------------------------------------------------------------------- countries


def test_country_list_is_the_sovereign_states(countries, by_code):
    codes = [c["code"] for c in countries]
    assert codes == sorted(codes), "countries.json must be sorted by code"
    assert len(codes) == len(set(codes))
    # 193 UN members, 2 observer states, Taiwan and Kosovo.
    assert len(codes) == 197
    for code in ("US", "GB", "UA", "TW", "PS", "VA", "XK", "SS"):
        assert code in by_code
    for not_sovereign in ("PR", "HK", "GL", "AQ", "EH", "AS"):
        assert not_sovereign not in by_code


def test_country_schema(countries):
    for c in countries:
        assert set(c) == COUNTRY_KEYS, c["code"]
        assert re.fullmatch(r"[A-Z]{2}", c["code"]) and re.fullmatch(r"[A-Z]{3}", c["alpha3"]), c["code"]
        assert isinstance(c["name"], str) and c["name"], c["code"]
        for field in ("names", "abbreviations", "demonyms", "plural_demonyms", "capital_names",
                      "ambiguous_names", "ambiguous_demonyms"):
            values = c[field]
            assert isinstance(values, list) and all(isinstance(v, str) and v.strip() == v and v for v in values), (
                c["code"], field)
            assert len(values) == len(set(values)), (c["code"], field, "duplicates")
        assert c["name"] not in c["names"], c["code"]
        assert c["capital"] not in c["capital_names"], c["code"]
        assert isinstance(c["ambiguous"], bool)
        assert c["ambiguous"] == bool(c["ambiguous_reason"]), c["code"]
        assert c["region"] and c["subregion"], c["code"]
        for seat in c["seats"]:
            assert set(seat) == SEAT_KEYS, (c["code"], seat)
            assert isinstance(seat["the"], bool) and isinstance(seat["place"], bool)
            assert seat["name"] not in seat["names"]


def test_wikidata_ids(countries):
    ids = [c["wikidata"] for c in countries]
    assert all(i is None or QID.match(i) for i in ids)
    present = [i for i in ids if i]
    assert len(present) == len(set(present)), "two countries share a Wikidata id"
    for c in countries:
        cap = c["capital_wikidata"]
        assert cap is None or QID.match(cap), c["code"]
        if cap is not None:
            assert c["capital"], c["code"]
        # A capital's id equals the country's only for city-states, whose capital is the state.
        if cap is not None and cap == c["wikidata"]:
            assert c["code"] in {"SG", "VA"}, c["code"]
    caps = [c["capital_wikidata"] for c in countries if c["capital_wikidata"]]
    assert len(caps) == len(set(caps)), "two countries share a capital id"
    # Every country has an id: this is what the resolver links to.
    assert sum(1 for i in ids if i) == len(countries)


def test_no_form_is_claimed_by_two_countries(countries):
    owners: dict[str, set[str]] = defaultdict(set)
    ambiguous_owners: dict[str, set[str]] = defaultdict(set)
    for c in countries:
        claimed = {key(f, v) for f, v in claimed_forms(c)}
        ambiguous = {key(f, v) for f, v in ambiguous_forms(c)}
        assert not claimed & ambiguous, (c["code"], claimed & ambiguous)
        for k in claimed | ambiguous:
            owners[k].add(c["code"])
        for k in ambiguous:
            ambiguous_owners[k].add(c["code"])
    shared = {form.casefold(): codes for form, codes in SHARED_FORMS.items()}
    problems = []
    for form, codes in sorted(owners.items()):
        if len(codes) < 2:
            continue
        if shared.get(form) != codes:
            problems.append(f"{form!r} is claimed by {sorted(codes)}")
        elif len(codes - ambiguous_owners[form]) > 1:
            problems.append(f"{form!r} must be in ambiguous_* of all but one of {sorted(codes)}")
    assert not problems, "\n".join(problems)
    # The whitelist is not stale: each shared form is really shared.
    for form, codes in SHARED_FORMS.items():
        assert owners[form.casefold()] == codes, form


def test_no_code_like_or_common_word_aliases(countries):
    import pycountry

    iso_codes = {c.alpha_2 for c in pycountry.countries} | {c.alpha_3 for c in pycountry.countries}
    for c in countries:
        for field, form in claimed_forms(c) + ambiguous_forms(c):
            letters = form.replace(".", "")
            if re.fullmatch(r"[A-Z]{2,4}", letters):
                assert field == "abbreviations", (c["code"], field, form)
                assert letters in COUNTRY_CAPS_WHITELIST or form == "DPRK", (c["code"], form)
            if form in iso_codes:
                assert form in ISO_CODE_WHITELIST, (c["code"], form)
            if field not in ("demonyms", "plural_demonyms", "ambiguous_demonyms"):
                assert form not in NEVER_NAMES, (c["code"], field, form)
            if field != "abbreviations":
                assert not form.lower().startswith("the "), (c["code"], field, form)


def test_no_alias_is_an_english_stop_word(countries):
    from spacy.lang.en.stop_words import STOP_WORDS

    for c in countries:
        for field, form in claimed_forms(c) + ambiguous_forms(c):
            if field == "abbreviations":
                continue  # matched case-sensitively: "US" is not "us"
            assert form.lower() not in STOP_WORDS, (c["code"], field, form)


def test_ascii_spellings_are_present(countries):
    def fold(text: str) -> str:
        return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))

    for c in countries:
        names = [c["name"]] + c["names"]
        for n in names:
            assert fold(n) in names, (c["code"], n)
        if c["capital"] and fold(c["capital"]) != c["capital"] and fold(c["capital"]) != "Male":
            assert fold(c["capital"]) in c["capital_names"], c["code"]


def test_ambiguous_countries(countries):
    ambiguous = {c["code"] for c in countries if c["ambiguous"]}
    assert ambiguous == EXPECTED_AMBIGUOUS


def test_spot_checks(by_code):
    us = by_code["US"]
    assert us["name"] == "United States"
    assert {"U.S.", "US", "USA"} <= set(us["abbreviations"])
    assert "America" in us["names"]
    assert us["capital"] == "Washington" and us["capital_wikidata"] == "Q61"
    assert us["wikidata"] == "Q30"
    assert "White House" in [s["name"] for s in us["seats"]]
    assert us["demonyms"] == ["American"] and us["plural_demonyms"] == ["Americans"]

    gb = by_code["GB"]
    assert gb["demonyms"] == ["British"] and "Britons" in gb["plural_demonyms"]
    assert {"Britain", "Great Britain"} <= set(gb["names"]) and {"UK", "U.K."} <= set(gb["abbreviations"])
    assert gb["wikidata"] == "Q145"
    assert "Downing Street" in [s["name"] for s in gb["seats"]]

    ua = by_code["UA"]
    assert ua["capital"] == "Kyiv" and "Kiev" in ua["capital_names"] and ua["wikidata"] == "Q212"
    assert ua["demonyms"] == ["Ukrainian"] and ua["plural_demonyms"] == ["Ukrainians"]

    assert by_code["FR"]["demonyms"] == ["French"] and by_code["FR"]["wikidata"] == "Q142"
    assert "Élysée" in [s["name"] for s in by_code["FR"]["seats"]]
    assert "Elysee" in by_code["FR"]["seats"][0]["names"]
    assert [s["name"] for s in by_code["RU"]["seats"]] == ["Kremlin"] and by_code["RU"]["name"] == "Russia"
    assert by_code["DE"]["wikidata"] == "Q183" and by_code["CN"]["wikidata"] == "Q148"
    assert by_code["JP"]["wikidata"] == "Q17" and by_code["IN"]["wikidata"] == "Q668"
    assert by_code["SA"]["wikidata"] == "Q851" and "Saudi" in by_code["SA"]["demonyms"]
    assert by_code["AE"]["demonyms"] == ["Emirati"] and "UAE" in by_code["AE"]["abbreviations"]
    assert by_code["NL"]["demonyms"] == ["Dutch"] and "Holland" in by_code["NL"]["names"]
    assert by_code["TR"]["name"] == "Turkey" and {"Türkiye", "Turkiye"} <= set(by_code["TR"]["names"])
    assert by_code["MM"]["name"] == "Myanmar" and "Burma" in by_code["MM"]["names"]
    assert by_code["CZ"]["name"] == "Czech Republic" and "Czechia" in by_code["CZ"]["names"]
    assert by_code["CI"]["name"] == "Ivory Coast" and "Cote d'Ivoire" in by_code["CI"]["names"]
    assert by_code["KR"]["name"] == "South Korea" and by_code["KP"]["name"] == "North Korea"
    assert "DPRK" in by_code["KP"]["abbreviations"] and "DRC" in by_code["CD"]["abbreviations"]
    assert by_code["TW"]["name"] == "Taiwan" and by_code["PS"]["name"] == "Palestine"
    assert by_code["VA"]["name"] == "Vatican City" and "Holy See" in by_code["VA"]["names"]
    assert by_code["KZ"]["capital"] == "Astana" and by_code["BI"]["capital"] == "Gitega"
    assert by_code["IL"]["demonyms"] == ["Israeli"] and by_code["PS"]["demonyms"] == ["Palestinian"]


def test_iso_codes_match_pycountry(countries):
    import pycountry

    for c in countries:
        rec = pycountry.countries.get(alpha_2=c["code"])
        if c["code"] == "XK":  # user-assigned; not in ISO 3166-1
            assert rec is None
            continue
        assert rec is not None and rec.alpha_3 == c["alpha3"], c["code"]


# --------------------------------------------------------------------------- regions, orgs


def test_region_schema(regions):
    names = [r["name"] for r in regions]
    assert len(names) == len(set(names))
    for r in regions:
        assert set(r) == REGION_KEYS, r["name"]
        assert r["wikidata"] is None or QID.match(r["wikidata"]), r["name"]
        assert isinstance(r["the"], bool)
        assert r["kind"] in {"continent", "region", "political"}
        assert not r["name"].lower().startswith("the ")
    ids = [r["wikidata"] for r in regions if r["wikidata"]]
    assert len(ids) == len(set(ids))
    by_name = {r["name"]: r for r in regions}
    assert by_name["Europe"]["wikidata"] == "Q46" and by_name["Europe"]["demonyms"] == ["European"]
    assert by_name["Middle East"]["wikidata"] == "Q7204" and by_name["Middle East"]["the"]
    assert by_name["West"]["demonyms"] == ["Western"]
    for required in ("Asia", "Africa", "Latin America", "Gulf", "Balkans", "Caucasus", "Central Asia",
                     "Southeast Asia", "Scandinavia", "Arctic", "Pacific", "Caribbean", "Sahel",
                     "Horn of Africa", "Indo-Pacific"):
        assert required in by_name, required


def test_organization_schema(organizations, by_code):
    names = [o["name"] for o in organizations]
    assert len(names) == len(set(names))
    for o in organizations:
        assert set(o) == ORG_KEYS, o["name"]
        assert o["wikidata"] is None or QID.match(o["wikidata"]), o["name"]
        assert o["country"] is None or o["country"] in by_code, o["name"]
        assert o["part_of"] is None or o["part_of"] in names, o["name"]
        assert isinstance(o["the"], bool)
    ids = [o["wikidata"] for o in organizations if o["wikidata"]]
    assert len(ids) == len(set(ids))
    by_name = {o["name"]: o for o in organizations}
    assert by_name["NATO"]["wikidata"] == "Q7184" and "North Atlantic Treaty Organization" in by_name["NATO"]["names"]
    assert {"UN", "U.N."} <= set(by_name["United Nations"]["abbreviations"])
    assert "U.N. Security Council" in by_name["UN Security Council"]["names"]
    assert by_name["UN Security Council"]["part_of"] == "United Nations"
    assert by_name["Federal Reserve"]["country"] == "US"
    for required in ("European Union", "European Commission", "International Monetary Fund", "World Bank",
                     "World Trade Organization", "World Health Organization", "OPEC", "G7", "G20",
                     "African Union", "ASEAN", "Arab League", "OSCE", "International Criminal Court",
                     "International Court of Justice", "International Atomic Energy Agency",
                     "International Committee of the Red Cross", "UNHCR", "UNICEF", "Mercosur", "BRICS",
                     "Gulf Cooperation Council", "European Central Bank"):
        assert required in by_name, required


def test_organization_forms_are_unique(organizations):
    owners: dict[str, set[str]] = defaultdict(set)
    for o in organizations:
        forms = [("name", o["name"])] + [("names", n) for n in o["names"]] + [
            ("abbreviations", a) for a in o["abbreviations"]] + [("ambiguous_names", a) for a in o["ambiguous_names"]]
        for field, form in forms:
            owners[key(field, form)].add(o["name"])
            assert not form.lower().startswith("the "), (o["name"], form)
    clashes = {f: sorted(n) for f, n in owners.items() if len(n) > 1}
    assert not clashes, clashes


def test_regions_and_organizations_do_not_take_country_forms(countries, regions, organizations):
    country_forms = {}
    for c in countries:
        for field, form in claimed_forms(c):
            country_forms[form.casefold()] = c["code"]
    for r in regions:
        for form in [r["name"]] + r["names"] + r["demonyms"] + r["plural_demonyms"]:
            assert form.casefold() not in country_forms, (r["name"], form, country_forms.get(form.casefold()))
    for o in organizations:
        for form in [o["name"]] + o["names"] + o["abbreviations"] + o["ambiguous_names"]:
            assert form.casefold() not in country_forms, (o["name"], form, country_forms.get(form.casefold()))


# --------------------------------------------------------------------------- generation


def test_files_are_in_canonical_form():
    dumps = generator_module().dumps
    for name in ("countries.json", "regions.json", "organizations.json"):
        text = (DATA / name).read_text(encoding="utf-8")
        assert text == dumps(json.loads(text)), f"{name} is not canonically serialised; run tools/make_gazetteer.py --format"


def test_generator_reproduces_countries_json():
    pytest.importorskip(
        "countryinfo",
        reason="countryinfo is only needed to regenerate the data (pip install countryinfo); it is not a runtime dependency",
        exc_type=ImportError,
    )
    from importlib.metadata import version

    recorded = re.search(
        r"pycountry (\d[\w.]*\w), countryinfo (\d[\w.]*\w)", (DATA / "SOURCES.md").read_text(encoding="utf-8")
    )
    assert recorded, "SOURCES.md must record the versions the data was generated with"
    installed = (version("pycountry"), version("countryinfo"))
    if installed != recorded.groups():
        pytest.skip(f"generated with pycountry/countryinfo {recorded.groups()}, installed {installed}")
    text = generator_module().render_countries()
    assert text == (DATA / "countries.json").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- parties, alternates

PARTY_KEYS = {"abbreviations", "country", "name", "names", "notes", "short_names", "the", "wikidata"}
ALT_KEYS = {
    "organizations": {"abbreviations", "name", "names", "notes"},
    "awards": {"ambiguous_names", "name", "names", "notes"},
    "characters": {"name", "names", "notes"},
}
# Words that are also adjectives, title words or nouns of a person ("Labour MP X", "a Tory MP"):
# they may be a party's short name (read by the corpus merge only), never a pattern of the ruler.
TITLE_LIKE = {"Labour", "Tory", "Tories", "Conservative", "Conservatives", "Democrat", "Democrats", "Republican",
              "Republicans", "Liberal", "Liberals", "Lib Dem", "Lib Dems", "Congress", "Labor", "Greens", "Plaid"}


@pytest.fixture(scope="module")
def parties() -> list[dict]:
    return load("parties.json")


@pytest.fixture(scope="module")
def alternates() -> dict:
    return load("alternates.json")


def party_forms(p: dict) -> list[tuple[str, str]]:
    return [("name", p["name"])] + [("names", n) for n in p["names"]] + [
        ("abbreviations", a) for a in p["abbreviations"]] + [("short_names", s) for s in p["short_names"]]


def test_new_files_are_in_canonical_form():
    dumps = generator_module().dumps
    for name in ("parties.json", "alternates.json"):
        text = (DATA / name).read_text(encoding="utf-8")
        assert text == dumps(json.loads(text)), f"{name} is not canonically serialised (json.dumps indent=1, sorted keys)"
    sources = (DATA / "SOURCES.md").read_text(encoding="utf-8")
    assert "parties.json" in sources and "alternates.json" in sources


def test_party_schema(parties, by_code, organizations):
    names = [p["name"] for p in parties]
    assert len(names) == len(set(names))
    for p in parties:
        assert set(p) == PARTY_KEYS, p["name"]
        assert p["country"] is None or p["country"] in by_code, p["name"]
        assert p["wikidata"] is None or QID.match(p["wikidata"]), p["name"]
        assert isinstance(p["the"], bool)
        for field in ("names", "abbreviations", "short_names"):
            assert all(isinstance(v, str) and v.strip() == v and v for v in p[field]), (p["name"], field)
            assert p["name"] not in p[field], (p["name"], field)
    ids = [x["wikidata"] for x in [*parties, *organizations] if x["wikidata"]]
    assert len(ids) == len(set(ids)), "two organisations share a Wikidata id"
    by_name = {p["name"]: p for p in parties}
    for required in ("Conservative Party", "Labour Party", "Liberal Democrats", "Scottish National Party", "Plaid Cymru",
                     "UK Independence Party", "Democratic Party", "Republican Party", "Christian Democratic Union",
                     "Social Democratic Party of Germany", "Bharatiya Janata Party", "Indian National Congress"):
        assert required in by_name, required
    assert {"Tories", "Conservatives"} <= set(by_name["Conservative Party"]["short_names"])
    assert "Lib Dems" in by_name["Liberal Democrats"]["short_names"]
    assert by_name["Labour Party"]["short_names"][0] == "Labour"
    assert "GOP" in by_name["Republican Party"]["abbreviations"]
    assert (by_name["Conservative Party"]["wikidata"], by_name["Labour Party"]["wikidata"]) == ("Q9626", "Q9630")
    assert (by_name["Democratic Party"]["wikidata"], by_name["Republican Party"]["wikidata"]) == ("Q29552", "Q29468")


def test_no_form_is_claimed_twice_across_organisations_parties_and_alternates(parties, organizations, alternates,
                                                                               countries):
    owners: dict[str, set[str]] = defaultdict(set)
    for o in organizations:
        for field, form in [("name", o["name"])] + [("names", n) for n in o["names"]] + [
                ("abbreviations", a) for a in o["abbreviations"]]:
            owners[key(field, form)].add(o["name"])
    for p in parties:
        for field, form in party_forms(p):
            owners[key(field, form)].add(p["name"])
            assert not form.lower().startswith("the "), (p["name"], form)
    for section in ("organizations", "awards", "characters"):
        for a in alternates[section]:
            forms = [("name", a["name"])] + [("names", n) for n in a["names"]] + [
                ("abbreviations", x) for x in a.get("abbreviations", [])] + [
                ("ambiguous_names", x) for x in a.get("ambiguous_names", [])]
            for field, form in forms:
                owners[key(field, form)].add(a["name"])
    clashes = {f: sorted(n) for f, n in owners.items() if len(n) > 1}
    assert not clashes, clashes
    # An award's ambiguous names may be a country's demonym ("Brits"): the loader keeps them out of both.
    ambiguous = {f.casefold() for a in alternates["awards"] for f in a["ambiguous_names"]}
    country_forms = {form.casefold() for c in countries for _, form in claimed_forms(c)}
    taken = {f.casefold() for f in owners} & country_forms - ambiguous
    assert not taken, taken


def test_the_corpus_merge_folds_no_two_entries_together(parties, organizations, alternates):
    """The merge compares names folded (normalize_name): no two entries may fold alike."""
    from kg.graph import normalize_name

    owners: dict[str, set[str]] = defaultdict(set)
    for x in [*organizations, *parties, *alternates["organizations"], *alternates["awards"], *alternates["characters"]]:
        for form in [x["name"], *x["names"], *x.get("short_names", [])]:
            owners[normalize_name(form)].add(x["name"])
    assert not {f: n for f, n in owners.items() if len(n) > 1}


def test_short_names_and_title_words_are_never_patterns(parties):
    from kg.nlp.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    patterns = {p["pattern"] for p in gaz.patterns}
    for p in parties:
        for s in p["short_names"]:
            assert s not in patterns and s not in gaz.lookup, (p["name"], s)
    for word in TITLE_LIKE:
        assert word not in patterns, word
    assert gaz.lookup["SNP"] == gaz.lookup["Scottish National Party"] == "org:scottish national party"
    assert gaz.entries["org:conservative party"].country == "country:GB"
    assert "Tories" in gaz.entries["org:conservative party"].short_names


def test_awards_and_characters(alternates, countries):
    from kg.nlp.gazetteer import load_gazetteer

    by_name = {a["name"]: a for a in alternates["awards"]}
    for required in ("Academy Awards", "BAFTA Film Awards", "Brit Awards", "Grammy Awards", "Emmy Awards",
                     "Golden Globe Awards"):
        assert required in by_name, required
    assert "Oscars" in by_name["Academy Awards"]["names"] and "Brits" in by_name["Brit Awards"]["ambiguous_names"]
    # Every award form is kept out of the countries' demonyms: "the Brits" are not the United Kingdom.
    lookup = load_gazetteer().lookup
    for a in alternates["awards"]:
        for form in [a["name"], *a["names"], *a["ambiguous_names"]]:
            assert not lookup.get(form, "").startswith(("people:", "demonym:", "country:")), form
    gb = next(c for c in countries if c["code"] == "GB")
    assert "Brits" in gb["plural_demonyms"]  # the data stays true; the loader leaves the form out
    chars = {c["name"] for c in alternates["characters"]}
    assert {"James Bond", "Harry Potter"} <= chars


def test_a_broadcasters_divisions_are_not_its_names(alternates):
    bbc = next(o for o in alternates["organizations"] if o["name"] == "BBC")
    assert "British Broadcasting Corporation" in bbc["names"]
    assert not any(n.startswith("BBC ") for n in bbc["names"])  # BBC News, BBC Sport... are organisations of their own
