"""The corpus merge (the reduce): one node per real-world entity across documents.

Most tests build the per-document records by hand (made-up names and stories),
so that each rule is seen alone; the last ones run made-up articles through the
session's spaCy pipeline.
"""

from __future__ import annotations

import re

from kg.nlp.gazetteer import load_gazetteer
from kg.resolve.corpus import Merger, identity, merge_documents
from kg.types import Commitment, Document, DocumentFacts, Evidence, LocalEntity, Mention, Role, Statement

BASE = "https://kg.example/"


def entity(key: str, name: str, kind: str, text: str, doc: str, *surfaces: str, roles=()) -> LocalEntity:
    """A local entity whose mentions are the whole-word occurrences of ``surfaces``
    in ``text``, longest surface first, never overlapping."""
    mentions: list[Mention] = []
    for s in sorted(surfaces, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(s)}(?!\w)", text):
            if not any(x.start < m.end() and m.start() < x.end for x in mentions):
                mentions.append(Mention(doc, 0, m.start(), m.end(), s))
    assert mentions, (surfaces, text)
    mentions.sort()
    return LocalEntity(0, key, name, kind, aliases=list(dict.fromkeys(surfaces)), mentions=mentions, roles=list(roles))


def facts(doc: str, text: str, *specs, commitments=(), statements=()) -> DocumentFacts:
    """``specs``: (key, name, kind, surface...) tuples; places are not actors."""
    ents = [entity(k, n, kind, text, doc, *surfaces) for k, n, kind, *surfaces in specs]
    for i, e in enumerate(ents):
        e.id = i
        if e.kind == "Place":
            e.is_actor, e.is_place = False, True
    return DocumentFacts(Document(doc, text), 1, ents, list(commitments), list(statements))


def evidence(doc: str, text: str) -> Evidence:
    return Evidence(doc, 0, 0, len(text), text)


def by_name(graph, name: str):
    return [a for a in graph.actors() if a.name == name]


# --- one node per name, typed by the corpus vote ------------------------------------


def test_a_name_typed_differently_in_two_documents_is_one_node():
    t1 = "Northfield Rovers signed a striker."
    t2 = "Northfield Rovers lost. Northfield Rovers fans booed. Northfield Rovers sacked the coach."
    g = merge_documents([
        facts("d1", t1, ("person:northfield rovers", "Northfield Rovers", "Person", "Northfield Rovers")),
        facts("d2", t2, ("org:northfield rovers", "Northfield Rovers", "Organization", "Northfield Rovers")),
    ], BASE)
    [club] = by_name(g, "Northfield Rovers")
    assert club.type == "Organization" and len(club.mentions) == 4


def test_titles_and_honorifics_outvote_a_mislabelled_name():
    # Three ORG labels in one story; one title ("coach") in another: the title wins.
    t1 = "Dana Kovac left. Dana Kovac arrived. Dana Kovac spoke."
    t2 = "The coach Dana Kovac said the team was ready."
    role = Role("coach", "coach", None, evidence("d2", t2))
    p = entity("person:dana kovac", "Dana Kovac", "Person", t2, "d2", "Dana Kovac", roles=[role])
    d2 = DocumentFacts(Document("d2", t2), 1, [p], [], [])
    g = merge_documents([facts("d1", t1, ("org:dana kovac", "Dana Kovac", "Organization", "Dana Kovac")), d2], BASE)
    assert [a.type for a in by_name(g, "Dana Kovac")] == ["Person"]
    # An honorific is the same evidence, whatever the NER said around it.
    t3 = "Mr Tobin said the deal was off."
    g = merge_documents([facts("d1", "Idris Tobin agreed. Idris Tobin signed.", ("org:idris tobin", "Idris Tobin", "Organization", "Idris Tobin")),
                         facts("d3", "Idris Tobin, as Mr Tobin said...", ("group:idris tobin", "Idris Tobin", "Group", "Idris Tobin"))], BASE)
    assert [a.type for a in by_name(g, "Idris Tobin")] == ["Organization"]  # no honorific before the name itself
    g = merge_documents([facts("d1", "Tobin agreed. Tobin signed.", ("org:tobin", "Tobin", "Organization", "Tobin")),
                         facts("d3", t3, ("group:tobin", "Tobin", "Group", "Tobin"))], BASE)
    assert [a.type for a in by_name(g, "Tobin")] == ["Person"]  # 2 ORG < 1 GROUP + an honorific


def test_facts_of_both_documents_point_at_the_merged_node():
    t1 = "Northfield Rovers promised a new stadium."
    t2 = "Northfield Rovers said the fans would be pleased."
    c = Commitment("", "person:northfield rovers", "promise", "a new stadium", evidence=[evidence("d1", t1)])
    s = Statement("", "org:northfield rovers", "the fans would be pleased", False, evidence=[evidence("d2", t2)])
    g = merge_documents([
        facts("d1", t1, ("person:northfield rovers", "Northfield Rovers", "Person", "Northfield Rovers"), commitments=[c]),
        facts("d2", t2, ("org:northfield rovers", "Northfield Rovers", "Organization", "Northfield Rovers"), statements=[s]),
    ], BASE)
    [club] = by_name(g, "Northfield Rovers")
    assert [c.actor for c in g.commitments()] == [club.iri]
    assert [s.speaker for s in g.statements()] == [club.iri]


def test_countries_and_places_keep_their_keys():
    # A town and a club of the same name stay two nodes.
    t = "Port Ellis said it would build homes. Port Ellis won the cup."
    g = merge_documents([
        facts("d1", t, ("place:port ellis", "Port Ellis", "Place", "Port Ellis")),
        facts("d2", t, ("org:port ellis", "Port Ellis", "Organization", "Port Ellis")),
        facts("d3", "Freedonia", ("country:UA", "Ukraine", "Country", "Freedonia")),
    ], BASE)
    assert [a.type for a in by_name(g, "Port Ellis")] == ["Organization"]
    assert [p.name for p in g.places()] == ["Port Ellis"]
    assert identity(LocalEntity(0, "country:UA", "Ukraine", "Country")) == "country:UA"
    assert identity(LocalEntity(0, "place:port ellis", "Port Ellis", "Place")) == "place:port ellis"
    assert identity(LocalEntity(0, "person:port ellis", "Port Ellis", "Person")) == \
        identity(LocalEntity(0, "org:port ellis", "Port Ellis", "Organization"))


def test_the_merge_is_deterministic_and_does_not_depend_on_document_order():
    docs = [
        facts("d1", "Kelda Marsh won.", ("org:kelda marsh", "Kelda Marsh", "Organization", "Kelda Marsh")),
        facts("d2", "Kelda Marsh spoke. Kelda Marsh left.", ("person:kelda marsh", "Kelda Marsh", "Person", "Kelda Marsh")),
        facts("d3", "Mr Quill said no.", ("person:quill", "Quill", "Person", "Quill")),
        facts("d4", "Aldo Quill said yes.", ("person:aldo quill", "Aldo Quill", "Person", "Aldo Quill")),
    ]
    one, two = merge_documents(docs, BASE), merge_documents(docs, BASE)
    assert [(a.iri, a.type, a.aliases) for a in one.actors()] == [(a.iri, a.type, a.aliases) for a in two.actors()]
    rev = merge_documents(list(reversed(docs)), BASE)
    assert {(a.iri, a.type) for a in one.actors()} == {(a.iri, a.type) for a in rev.actors()}


def test_the_input_records_are_not_changed():
    d1 = facts("d1", "Kelda Marsh won.", ("org:kelda marsh", "Kelda Marsh", "Organization", "Kelda Marsh"))
    d2 = facts("d2", "Kelda Marsh spoke.", ("person:kelda marsh", "Kelda Marsh", "Person", "Kelda Marsh"))
    before = [(e.key, e.kind, list(e.mentions)) for f in (d1, d2) for e in f.entities]
    merge_documents([d1, d2], BASE)
    assert [(e.key, e.kind, list(e.mentions)) for f in (d1, d2) for e in f.entities] == before


# --- other names of parties and organisations ----------------------------------------


def test_a_partys_short_names_join_the_party():
    t1 = "The Tories said they would cut taxes."
    t2 = "The Conservatives promised more police."
    t3 = "The Conservative Party chose a leader."
    t4 = "The Lib Dems said no."
    g = merge_documents([
        facts("d1", t1, ("group:tories", "Tories", "Group", "Tories")),
        facts("d2", t2, ("org:conservatives", "Conservatives", "Organization", "Conservatives")),
        facts("d3", t3, ("org:conservative party", "Conservative Party", "Organization", "Conservative Party")),
        facts("d4", t4, ("person:lib dems", "Lib Dems", "Person", "Lib Dems")),
    ], BASE)
    [tories] = by_name(g, "Conservative Party")
    assert tories.type == "Organization" and tories.wikidata == "Q9626"
    assert {"Tories", "Conservatives", "Conservative Party"} <= set(tories.aliases)
    [libdems] = by_name(g, "Liberal Democrats")
    assert libdems.type == "Organization"  # parties are organisations, whatever the NER said
    assert not by_name(g, "Tories") and not by_name(g, "Lib Dems")


def test_an_organisations_abbreviation_joins_it_only_as_written():
    t1 = "The Ministry of Defence denied it."
    t2 = "The MoD said it would respond."
    g = merge_documents([
        facts("d1", t1, ("org:ministry of defence", "Ministry of Defence", "Organization", "Ministry of Defence")),
        facts("d2", t2, ("org:mod", "MoD", "Organization", "MoD")),
        facts("d3", "Mod fans gathered.", ("group:mod", "Mod", "Group", "Mod")),
    ], BASE)
    [mod] = by_name(g, "Ministry of Defence")
    assert "MoD" in mod.aliases and "Mod" not in mod.aliases


def test_a_broadcasters_news_division_is_its_own_organisation():
    t = "The BBC said BBC News would expand."
    g = merge_documents([facts("d1", t, ("org:bbc", "BBC", "Organization", "BBC"),
                               ("org:bbc news", "BBC News", "Organization", "BBC News")),
                         facts("d2", "The British Broadcasting Corporation agreed.",
                               ("person:british broadcasting corporation", "British Broadcasting Corporation", "Person",
                                "British Broadcasting Corporation"))], BASE)
    assert {a.name for a in g.actors()} == {"BBC", "BBC News"}
    assert "British Broadcasting Corporation" in by_name(g, "BBC")[0].aliases


# --- awards and fictional characters ------------------------------------------------


def test_awards_are_organisations_never_people():
    t1 = "The Oscars were held on Sunday."
    t2 = "She won an Oscar for the role."
    t3 = "The Academy Awards drew record viewers."
    g = merge_documents([
        facts("d1", t1, ("person:oscars", "Oscars", "Person", "Oscars")),
        facts("d2", t2, ("person:oscar", "Oscar", "Person", "Oscar")),
        facts("d3", t3, ("org:academy awards", "Academy Awards", "Organization", "Academy Awards")),
    ], BASE)
    assert [(a.name, a.type) for a in g.actors()] == [("Academy Awards", "Organization")]


def test_an_award_is_never_a_countrys_people():
    gaz = load_gazetteer()
    assert "Brits" not in gaz.lookup and "Brit" not in gaz.lookup
    assert gaz.lookup["Britons"] == "people:GB" and gaz.lookup["British"] == "demonym:GB"


def test_a_fictional_character_is_no_actor_and_takes_no_surname():
    t1 = "Harry Potter returns in a new film."
    t2 = "Mr Potter said the shop would close."
    g = merge_documents([
        facts("d1", t1, ("person:harry potter", "Harry Potter", "Person", "Harry Potter")),
        facts("d2", t2, ("person:potter", "Potter", "Person", "Potter")),
        facts("d3", "Gail Potter spoke.", ("person:gail potter", "Gail Potter", "Person", "Gail Potter")),
    ], BASE)
    assert not by_name(g, "Harry Potter")
    # Two full names end with "Potter" (one of them fictional): the bare surname stays alone.
    assert by_name(g, "Potter") and "Potter" not in by_name(g, "Gail Potter")[0].aliases


def test_a_fact_by_a_fictional_character_is_dropped():
    t = "James Bond promised to return."
    c = Commitment("", "person:james bond", "promise", "to return", evidence=[evidence("d1", t)])
    g = merge_documents([facts("d1", t, ("person:james bond", "James Bond", "Person", "James Bond"), commitments=[c])], BASE)
    assert g.commitments() == [] and g.actors() == []


# --- surnames across documents -----------------------------------------------------


def test_a_surname_joins_the_one_full_name_that_ends_with_it():
    g = merge_documents([
        facts("d1", "Edwin Hale said yes. Mr Hale left.", ("person:edwin hale", "Edwin Hale", "Person", "Edwin Hale", "Hale")),
        facts("d2", "Mr Hale spoke.", ("person:hale", "Hale", "Person", "Hale")),
    ], BASE)
    [hale] = g.actors()
    assert hale.name == "Edwin Hale" and len(hale.mentions) == 3


def test_a_surname_with_the_opposite_honorific_stays_apart():
    t1 = "Edwin Hale said yes. Mr Hale left."
    g = merge_documents([
        facts("d1", t1, ("person:edwin hale", "Edwin Hale", "Person", "Edwin Hale", "Hale")),
        facts("d2", "Mrs Hale wished him well.", ("person:hale", "Hale", "Person", "Hale")),
    ], BASE)
    assert sorted(a.name for a in g.actors()) == ["Edwin Hale", "Hale"]
    # The other way round: "Ms Varga" is not "Mr Varga".
    g = merge_documents([
        facts("d1", "Ms Varga spoke. Ilona Varga agreed.", ("person:ilona varga", "Ilona Varga", "Person", "Ilona Varga", "Varga")),
        facts("d2", "Mr Varga declined.", ("person:varga", "Varga", "Person", "Varga")),
    ], BASE)
    assert sorted(a.name for a in g.actors()) == ["Ilona Varga", "Varga"]


def test_a_surname_with_both_honorifics_is_two_people_and_stays_apart():
    g = merge_documents([
        facts("d1", "Edwin Hale said yes.", ("person:edwin hale", "Edwin Hale", "Person", "Edwin Hale")),
        facts("d2", "Mr Hale and Mrs Hale arrived.", ("person:hale", "Hale", "Person", "Hale")),
    ], BASE)
    assert sorted(a.name for a in g.actors()) == ["Edwin Hale", "Hale"]


def test_a_surname_of_two_full_names_stays_apart():
    g = merge_documents([
        facts("d1", "Edwin Hale said yes.", ("person:edwin hale", "Edwin Hale", "Person", "Edwin Hale")),
        facts("d2", "Rosa Hale said no.", ("person:rosa hale", "Rosa Hale", "Person", "Rosa Hale")),
        facts("d3", "Hale spoke.", ("person:hale", "Hale", "Person", "Hale")),
    ], BASE)
    assert sorted(a.name for a in g.actors()) == ["Edwin Hale", "Hale", "Rosa Hale"]


def test_a_surname_that_is_also_a_company_keeps_the_person_apart():
    t1 = "Pellham said profits rose. Pellham shares fell. Pellham hired staff."
    t2 = "Lord Pellham said the bill would pass."
    g = merge_documents([
        facts("d1", t1, ("org:pellham", "Pellham", "Organization", "Pellham")),
        facts("d2", t2, ("person:pellham", "Pellham", "Person", "Pellham")),
        facts("d3", "Edwin Pellham, the minister, agreed. Lord Pellham left.",
              ("person:edwin pellham", "Edwin Pellham", "Person", "Edwin Pellham", "Pellham")),
    ], BASE)
    assert sorted((a.name, a.type, len(a.mentions)) for a in g.actors()) == [
        ("Edwin Pellham", "Person", 3), ("Pellham", "Organization", 3)]


def test_merger_accepts_documents_one_at_a_time():
    m = Merger(BASE)
    m.add(facts("d1", "Kelda Marsh won.", ("org:kelda marsh", "Kelda Marsh", "Organization", "Kelda Marsh")))
    m.add(facts("d2", "Kelda Marsh spoke. Kelda Marsh left.", ("person:kelda marsh", "Kelda Marsh", "Person", "Kelda Marsh")))
    g = m.graph()
    assert [(a.name, a.type) for a in g.actors()] == [("Kelda Marsh", "Person")]
    assert g.stats["documents"] == 2


# --- through the pipeline ----------------------------------------------------------


def test_parties_through_the_pipeline(build_texts):
    g = build_texts([
        "The Tories said they would cut fuel duty. The Conservative Party denied the report.",
        "The Scottish National Party said it would hold a vote. The SNP leader, Moira Lennox, said the party would win.",
        "Tory MP Alan Brisk criticised the plan for the harbour.",
    ])
    [con] = by_name(g, "Conservative Party")
    assert con.type == "Organization" and "Tories" in con.aliases
    [snp] = by_name(g, "Scottish National Party")
    assert "SNP" in snp.aliases and snp.wikidata == "Q10658"
    # An adjective before a person's title is no actor ("Tory MP").
    assert [a.name for a in g.actors() if a.name in ("Tory", "Tories")] == []


def test_labour_as_a_title_word_makes_no_actor(build_texts):
    g = build_texts(["Labour MP Jane Doe said the plan for the new harbour would fail."])
    assert [a.name for a in g.actors()] == ["Jane Doe"]


def test_the_brits_are_not_the_united_kingdom(build_texts):
    g = build_texts(["The band won two awards at the Brits on Tuesday. The Brits organisers said the show drew record viewers."])
    uk = g.find("United Kingdom")
    assert uk is None or not {"Brits", "the Brits"} & set(uk.aliases)


def test_a_club_in_two_articles_is_one_node(build_texts):
    g = build_texts([
        "Kestrel Rovers beat Halton Town 2-0 on Saturday. Kestrel Rovers said the manager would stay.",
        "Kestrel Rovers manager Ian Dorsey said his players were tired.",
    ])
    assert len([a for a in g.actors() if a.name == "Kestrel Rovers"]) <= 1
