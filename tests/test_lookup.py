"""Look-up by what a reader types: full names, surnames, short names, ambiguity.

Hand-built graphs of invented people, bodies and places (no spaCy); each rule
is also checked on the same graph read back from Turtle.
"""

from __future__ import annotations

import copy
import pickle

import pytest

import kg
from kg.graph import KnowledgeGraph, UnknownEntity
from kg.queries.lookup import short_names, surnames
from kg.types import Actor, Place, Role

B = "https://kg.example/"


def a(name: str) -> str:
    return f"{B}actor/{name.replace(' ', '_')}"


@pytest.fixture(scope="module")
def built() -> KnowledgeGraph:
    actors = [
        Actor(a("Tomas Vell"), "Tomas Vell", "Person", aliases=["Mr Vell"]),
        Actor(a("Rina Vell"), "Rina Vell", "Person"),
        Actor(a("Ada Kane"), "Ada Kane Jr.", "Person", aliases=["Governor Ada Kane", "the governor"]),
        Actor(a("Osric Dane"), "Osric Dane", "Person"),
        Actor(a("Dane"), "Dane", "Group"),  # exactly "Dane": beats Osric Dane's surname
        Actor(a("Pell Marrow"), "Pell Marrow", "Person"),  # "Marrow" is also a place
        Actor(a("Ines Quarry"), "Ines Quarry", "Person", aliases=["Quarry"]),
        Actor(a("Quarry Lane Trust"), "Quarry Lane Trust", "Organization"),  # "Quarry" is an alias of Ines
        Actor(a("Harrow Grain Board"), "Harrow Grain Board", "Organization", aliases=["the board"]),
        Actor(a("Morrow Tide Holdings"), "Morrow Tide Holdings plc", "Organization"),
        Actor(a("Lantern Gazette"), "The Lantern Gazette", "Organization"),
        Actor(a("Fenwick Rail"), "Fenwick Rail Company", "Organization"),
        Actor(a("Fenwick Mills"), "Fenwick Mills Inc.", "Organization"),
        Actor(a("Coastal Pilots"), "Coastal Pilots", "Group"),  # groups get no short names
        Actor(a("Ostrava Union"), "Ostrava Union", "Country"),  # nor do countries
        Actor(a("Nell Brisk"), "Nell Brisk", "Person", roles=[Role("harbour master", "harbour master")]),
        Actor(a("Ivo Stane"), "Ivo Stane", "Person", roles=[Role("harbour master", "harbour master")]),
    ]
    places = [Place(f"{B}place/Marrow", "Marrow"), Place(f"{B}place/Upper_Vell", "Upper Vell")]
    return KnowledgeGraph(actors, places)


@pytest.fixture(scope="module")
def loaded(built, tmp_path_factory) -> KnowledgeGraph:
    return kg.load(built.write(tmp_path_factory.mktemp("lookup") / "g.ttl"))


@pytest.fixture(params=["built", "loaded"])
def g(request) -> KnowledgeGraph:
    # Every rule holds on a fresh graph and on one read back from Turtle.
    return request.getfixturevalue(request.param)


# --- the rules ----------------------------------------------------------------

@pytest.mark.parametrize("name, found", [
    # a full name or alias, any case, "the" or not
    ("tomas vell", "Tomas Vell"),
    ("MR VELL", "Tomas Vell"),
    ("Lantern Gazette", "The Lantern Gazette"),
    ("the Harrow Grain Board", "Harrow Grain Board"),
    ("the board", "Harrow Grain Board"),
    # a surname: the last word of a person's name or alias
    ("Kane", "Ada Kane Jr."),  # "Jr." passed over
    ("Kane's", "Ada Kane Jr."),
    ("Marrow's", "Marrow"),  # a place's own name beats a person's surname
    # a short name of an organisation
    ("Harrow", "Harrow Grain Board"),  # its first word
    ("HGB", "Harrow Grain Board"),  # its initials
    ("the H.G.B.", "Harrow Grain Board"),
    ("Morrow Tide Holdings", "Morrow Tide Holdings plc"),  # without the legal suffix
    ("Morrow", "Morrow Tide Holdings plc"),
    ("MTH", "Morrow Tide Holdings plc"),
    ("Lantern", "The Lantern Gazette"),  # "The" is not its first word
    ("Fenwick Mills", "Fenwick Mills Inc."),
    # an exact name or alias beats a short form
    ("Dane", "Dane"),  # the group, not Osric Dane
    ("Quarry", "Ines Quarry"),  # her alias, not the trust's first word
    ("Upper Vell", "Upper Vell"),
])
def test_find_by_name_surname_and_short_name(g, name, found):
    assert g.find(name).name == found
    assert g.entity(name).name == found


@pytest.mark.parametrize("name", [
    "Ada",  # a first name is no surname
    "Gazette", "Holdings",  # an organisation's last word is no short name of it
    "Grain",  # nor a middle word
    "Coastal", "CP",  # groups have no short forms
    "Ostrava", "OU",  # countries neither (the gazetteer gives them their aliases)
    "Vel",  # no partial words
])
def test_what_is_no_short_form(g, name):
    assert g.find(name) is None


def test_short_forms_of_one_record():
    person = Actor("urn:p", "Ada Kane Jr.", "Person", aliases=["Governor Ada Kane", "the governor", "Mrs Quist"])
    assert surnames(person) == {"kane", "quist"}
    org = Actor("urn:o", "League of Free Ports Ltd", "Organization", aliases=["the league"])
    assert short_names(org) == {"league of free ports", "league", "lfp"}


# --- ambiguity ----------------------------------------------------------------

@pytest.mark.parametrize("name, message", [
    ("Vell", "'Vell' is ambiguous: Rina Vell (Person), Tomas Vell (Person)"),  # one surname, two people
    ("Fenwick", "'Fenwick' is ambiguous: Fenwick Mills Inc. (Organization), Fenwick Rail Company (Organization)"),
    ("the harbour master", "'the harbour master' is ambiguous: Ivo Stane (Person), Nell Brisk (Person)"),  # a role
])
def test_ambiguous_names_find_none_and_entity_says_which(g, name, message):
    assert g.find(name) is None  # none rather than a wrong one
    with pytest.raises(UnknownEntity) as err:
        g.entity(name)
    assert str(err.value) == message
    assert len(err.value.candidates) == 2


def test_a_short_form_fitting_a_person_and_an_organisation_is_ambiguous():
    g = KnowledgeGraph([Actor("urn:p", "Lia Harrow", "Person"), Actor("urn:o", "Harrow Grain Board", "Organization")])
    assert g.find("Harrow") is None
    with pytest.raises(UnknownEntity, match=r"^'Harrow' is ambiguous: Harrow Grain Board \(Organization\), "
                                            r"Lia Harrow \(Person\)$"):
        g.entity("Harrow")


def test_an_exact_tie_is_not_broken_by_a_short_form():
    # Two actors called "Tessa": ambiguous, even though only one has it as a surname.
    g = KnowledgeGraph([Actor("urn:1", "Tessa", "Group"), Actor("urn:2", "Tessa", "Organization"),
                        Actor("urn:3", "Bo Tessa", "Person")])
    with pytest.raises(UnknownEntity, match=r"Tessa \(Group\), Tessa \(Organization\)$"):
        g.entity("Tessa")


def test_the_message_stays_on_one_line():
    names = [f"Ida Lorn{'' if i else chr(10) * 2}" for i in range(2)] + [f"Kit {i} Lorn" for i in range(9)]
    g = KnowledgeGraph([Actor(f"urn:{i}", n, "Person") for i, n in enumerate(names)])
    with pytest.raises(UnknownEntity) as err:
        g.entity("Lorn")
    message = str(err.value)
    assert "\n" not in message and message.startswith("'Lorn' is ambiguous: Ida Lorn (Person), Ida Lorn (Person)")
    assert message.endswith(" and 3 more") and len(err.value.candidates) == 11


def test_unknown_names_keep_their_suggestions(g):
    with pytest.raises(UnknownEntity, match=r"^no actor or place named 'Tomas Vel'; did you mean: Tomas Vell") as err:
        g.entity("Tomas Vel")
    assert err.value.candidates == []


# --- caches -------------------------------------------------------------------

def test_a_merge_or_a_copy_rebuilds_the_short_names():
    g = KnowledgeGraph([Actor(a("Tomas Vell"), "Tomas Vell", "Person")])
    assert g.find("Vell").name == "Tomas Vell"
    assert pickle.loads(pickle.dumps(g)).find("vell").name == "Tomas Vell"
    g.merge(KnowledgeGraph([Actor(a("Rina Vell"), "Rina Vell", "Person")]))
    assert g.find("Vell") is None  # a second Vell came in
    with pytest.raises(UnknownEntity, match="'Vell' is ambiguous: Rina Vell"):
        copy.deepcopy(g).entity("Vell")
