"""The small pure helpers the resolution passes are made of, each on its own.

No spaCy model is needed: the helpers take plain names, votes and entities.
"""

from __future__ import annotations

from collections import Counter

import kg.extract  # noqa: F401  (kg.extract imports kg.resolve.local: import it first, as the build does)
from kg.extract.mentions import NameMention
from kg.resolve.corpus import Merger, _may_join, _place_aliases
from kg.resolve.local import (_AMBIGUOUS, _claim_form, _clusters, _cluster_votes, _display_name, _FullNames,
                              _given_names_target, _surname_target)
from kg.types import Document, DocumentFacts, LocalEntity, Mention


def name(text: str, start: int = 0, usage: str = "actor") -> NameMention:
    return NameMention(start, start + len(text.split()), text, "PERSON", None, usage, 0)


def person(votes: float = 1.0) -> dict[str, float]:
    return {"Person": votes}


# --- kg.resolve.local: names -------------------------------------------------


def test_a_surname_links_to_the_one_full_name_it_ends():
    multi = _FullNames(["ana ruiz", "piet lund"])
    votes = {"ana ruiz": person(), "piet lund": person(), "ruiz": person()}
    assert _surname_target("ruiz", multi, votes, {"ruiz": set(), "ana ruiz": set(), "piet lund": set()}) == "ana ruiz"


def test_a_surname_two_full_names_end_is_ambiguous_and_one_none_end_is_unlinked():
    names = ["ana ruiz", "juan ruiz"]
    multi = _FullNames(names)
    votes = {k: person() for k in (*names, "ruiz", "lund")}
    sexes = {k: set() for k in votes}
    assert _surname_target("ruiz", multi, votes, sexes) == _AMBIGUOUS
    assert _surname_target("lund", multi, votes, sexes) is None


def test_a_surname_with_two_honorifics_is_two_people():
    votes = {"ana howard": person(), "howard": person()}
    sexes = {"ana howard": set(), "howard": {"m", "f"}}
    assert _surname_target("howard", _FullNames(["ana howard"]), votes, sexes) == _AMBIGUOUS


def test_an_honorific_of_the_other_sex_does_not_link():
    votes = {"michael howard": person(), "howard": person()}
    sexes = {"michael howard": {"m"}, "howard": {"f"}}
    assert _surname_target("howard", _FullNames(["michael howard"]), votes, sexes) is None


def test_given_names_link_only_when_they_vote_person():
    multi = _FullNames(["juan carlos", "juan carlos ferrero"])
    votes = {"juan carlos": person(), "juan carlos ferrero": person()}
    assert _given_names_target("juan carlos", multi, votes) == "juan carlos ferrero"
    votes["juan carlos"] = {"Organization": 1.0}
    assert _given_names_target("juan carlos", multi, votes) is None


def test_clusters_drop_ambiguous_names_and_gather_linked_ones():
    groups = {"ana ruiz": [], "ruiz": [], "okafor": []}
    links = {"ruiz": "ana ruiz", "okafor": _AMBIGUOUS}
    assert _clusters(groups, links) == {"ana ruiz": ["ana ruiz", "ruiz"]}


def test_a_full_name_and_its_surname_vote_person_once_more():
    votes = {"ana ruiz": {"Organization": 1.0}, "ruiz": {"Organization": 1.0}}
    assert _cluster_votes("ana ruiz", ["ana ruiz", "ruiz"], votes) == {"Organization": 2.0, "Person": 1.0}
    assert _cluster_votes("ruiz", ["ruiz"], {"ruiz": {"Person": 1.0}}) == {"Person": 1.0}


def test_the_display_name_is_the_fullest_form_not_shouted():
    assert _display_name([name("Ruiz"), name("Ana Ruiz", 5), name("ANA MARIA RUIZ", 9)]) == "Ana Ruiz"
    assert _display_name([name("MONTREAL")]) == "Montreal"
    assert _display_name([name("BT")]) == "BT"  # initials stay initials


def test_a_form_two_entities_share_names_neither():
    forms: dict[tuple[str, ...], str | None] = {}
    _claim_form(forms, ("Ruiz",), "person:ana ruiz")
    _claim_form(forms, ("Ruiz",), "person:ana ruiz")
    assert forms[("Ruiz",)] == "person:ana ruiz"
    _claim_form(forms, ("Ruiz",), "person:juan ruiz")
    _claim_form(forms, ("Ruiz",), "person:ana ruiz")
    assert forms[("Ruiz",)] is None


# --- kg.resolve.corpus --------------------------------------------------------


def entity(key: str, name: str, kind: str, docs: int = 1, roles=()) -> LocalEntity:
    mentions = [Mention(f"d{i}", 0, 0, len(name), name) for i in range(docs)]
    return LocalEntity(0, key, name, kind, aliases=[name], mentions=mentions, roles=list(roles))


def test_a_marked_surname_joins_only_the_same_honorific():
    full, bare = entity("person:ana howard", "Ana Howard", "Person"), entity("person:howard", "Howard", "Person")
    assert _may_join(bare, full, Counter(Ms=2), Counter(Ms=1, Mr=0), set())
    assert not _may_join(bare, full, Counter(Mr=1), Counter(Ms=1), set())
    assert not _may_join(bare, full, Counter(Ms=1), Counter(), set())


def test_an_unmarked_surname_needs_a_full_name_seen_as_widely_and_twice_or_titled():
    bare = entity("person:welch", "Welch", "Person")
    assert not _may_join(bare, entity("person:raquel welch", "Raquel Welch", "Person"), Counter(), Counter(), set())
    assert _may_join(bare, entity("person:raquel welch", "Raquel Welch", "Person", docs=2), Counter(), Counter(), set())
    assert not _may_join(bare, entity("person:raquel welch", "Raquel Welch", "Person", docs=2), Counter(), Counter(),
                         {"welch"})  # the word names something else too


def test_a_country_as_a_place_is_named_by_its_own_names_only():
    lookup = {"Freedonia": "country:FD", "Kyiv": "capital:FD"}
    country = entity("country:FD", "Freedonia", "Country")
    country.aliases = ["Freedonia", "Kyiv", "the Freedonia"]
    assert _place_aliases(country, lookup) == ["Freedonia", "the Freedonia"]
    country.aliases = ["Kyiv"]
    assert _place_aliases(country, lookup) == ["Freedonia"]  # none of its own: its name
    city = entity("place:kyiv", "Kyiv", "Place")
    assert _place_aliases(city, lookup) == ["Kyiv"] and _place_aliases(city, lookup) is not city.aliases


def test_nodes_of_one_name_get_distinct_iris():
    ents = [entity(f"place:ardent {i}", "Ardent", "Place") for i in range(3)]  # three identities, one name
    for e in ents:
        e.is_actor, e.is_place = False, True
    m = Merger("https://kg.example/")
    m.add(DocumentFacts(Document("d0", "Ardent, Ardent and Ardent."), 1, ents, [], []))
    iris = [p.iri for p in m.graph().places()]
    assert len(iris) == 3 and len(set(iris)) == 3
