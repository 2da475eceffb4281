"""Actors on made-up articles, end to end: unnamed and collective actors,
names cut from the layout, countries that only set the scene."""

from __future__ import annotations


def names(graph):
    return {a.name: a.type for a in graph.actors()}


def test_unnamed_actors_speak_and_are_linked_within_the_article(build_texts):
    g = build_texts(["Dairy prices fell again in Nordland last month.\n\n"
                     "Farm unions said the cuts would ruin small growers. A Treasury spokesman said the "
                     "figures were encouraging. The unions added that they would strike in May."])
    found = names(g)
    assert found.get("Farm unions") == "Group"
    assert found.get("Treasury spokesman") == "Person" or found.get("a Treasury spokesman") == "Person"
    speakers = [g.name_of(s.speaker) for s in g.statements()]
    assert speakers.count("Farm unions") == 2  # "The unions added" is the same group


def test_a_report_speaks_for_its_issuer(build_texts):
    g = build_texts(["A report by the Nordland Institute warned that rents would keep rising. "
                     "The report said prices would fall."])
    assert [g.name_of(s.speaker) for s in g.statements()] == ["Nordland Institute", "Nordland Institute"]


def test_two_articles_analysts_are_two_actors(build_texts):
    g = build_texts(["Analysts said the merger of Acme Foods and Zenith Mills would cut jobs.",
                     "Analysts said the Freedonian central bank would raise rates."])
    assert sum(1 for a in g.actors() if a.name == "Analysts") == 2


def test_a_country_that_only_sets_the_scene_is_a_place_not_an_actor(build_texts):
    g = build_texts(["House prices in Freedonia rose by 3% in March, the Nordland Institute said."])
    assert "Freedonia" not in names(g)
    assert "Freedonia" in {p.name for p in g.places()}


def test_names_hold_no_line_breaks_or_scores(build_texts):
    g = build_texts(["Marsh beats Kovac in Vale\n\nLena Marsh beat Ana Kovac 6-3 7-5 in the final on Sunday. "
                     "Marsh said she was delighted."])
    for a in g.actors():
        for n in [a.name, *a.aliases]:
            assert "\n" not in n and "6-3" not in n, n


def test_part_of_a_country_is_a_place_of_its_own(build_texts):
    g = build_texts(["Floods hit northern Chile on Monday, and rescue teams from western Europe "
                     "arrived by evening. Chile asked its neighbours for help."])
    places = {p.name for p in g.places()}
    assert "northern Chile" in places and "western Europe" in places
    assert "Chile" in names(g)  # the state asked: an actor


def test_a_country_listed_or_possessing_is_a_place(build_texts):
    g = build_texts(["The Acme Institute ranked Sweden, Norway and Denmark first for broadband. "
                     "Peru's economy grew by 2%."])
    places = {p.name for p in g.places()}
    assert {"Sweden", "Norway", "Denmark", "Peru"} <= places


def test_a_demand_modal_in_a_quote_is_the_speakers_demand_of_the_subject(build_texts):
    g = build_texts(["“Farmers must accept the new rules,” said Elena Ruiz, the agriculture minister."])
    (c,) = g.commitments()
    assert (g.name_of(c.actor), c.kind, g.name_of(c.target)) == ("Elena Ruiz", "demand", "Farmers")


def test_a_named_spokeswoman_is_no_unnamed_actor(build_texts):
    g = build_texts(["A Nordbank spokeswoman, Lena Marsh, said the bank would cut fees."])
    assert not any("spokeswoman" in a.name for a in g.actors())
    assert [g.name_of(s.speaker) for s in g.statements()] == ["Lena Marsh"]


def test_a_demonym_with_officials_is_a_group_of_that_country(build_texts):
    g = build_texts(["Peruvian officials said the mine would stay closed."])
    grp = next(a for a in g.actors() if a.name == "Peruvian officials")
    assert grp.type == "Group" and [g.name_of(x) for x in grp.affiliations] == ["Peru"]


def test_initials_and_generations_do_not_split_a_name(build_texts):
    g = build_texts(["Robert K. Lane III, the company chairman, said profits would rise. Lane added that "
                     "the board agreed."])
    lane = next(a for a in g.actors() if a.name == "Robert K. Lane III")
    assert "Lane" in lane.aliases
    assert not any(a.name == "Lane" for a in g.actors())


def test_a_long_title_leaves_the_name_whole(build_texts):
    g = build_texts(["Deputy Interior Minister Ana Kovac-Lind said the border would reopen on Monday."])
    assert [a.name for a in g.actors()] == ["Ana Kovac-Lind"]


def test_a_hyphenated_pair_is_two_people_not_one_name(build_texts):
    g = build_texts(["After the Marsh-Kovac summit in Vale, Lena Marsh said the talks had gone well. "
                     "Ana Kovac agreed."])
    assert sorted(a.name for a in g.actors()) == ["Ana Kovac", "Lena Marsh"]


def test_a_spokesmans_we_is_the_body_he_speaks_for(build_texts):
    g = build_texts(["The Nordland Executive lost its appeal on Monday. An executive spokesman said: "
                     '"We will study this judgement in detail."'])
    (c,) = g.commitments()
    assert g.name_of(c.actor) == "Nordland Executive"
    assert [g.name_of(s.speaker) for s in g.statements()] == ["executive spokesman"]


def test_an_arrangement_is_the_subjects_promise(build_texts):
    g = build_texts(["Acme Motors is to cut 500 jobs at its Vale plant."])
    (c,) = g.commitments()
    assert (g.name_of(c.actor), c.kind, c.modality) == ("Acme Motors", "promise", "is to")


def test_two_indefinite_spokesmen_are_two_people(build_texts):
    g = build_texts(["A spokesman for the Nordland Institute said rents would rise. "
                     "A spokesman for the Acme Foods group said prices would fall."])
    spokesmen = [a for a in g.actors() if "spokesman" in a.name]
    assert len(spokesmen) == 2


def test_a_branch_is_not_its_parent(build_texts):
    g = build_texts(["Acme Europe said sales had risen. Acme said its shares would be listed in May."])
    assert not any(a.name == "Acme Europe" and "Acme" in a.aliases for a in g.actors())


def test_a_name_the_ner_cut_short_is_the_longer_name_the_gazetteer_knows(build_texts):
    g = build_texts(["Neither the Conservatives nor the Liberal Democrats wished to comment on the plan."])
    assert "Democratic Party" not in {a.name for a in g.actors()}


def test_lawyers_of_two_sides_are_two_groups(build_texts):
    g = build_texts(["Lawyers said the trial would start in May. Prosecution lawyers said the evidence was clear. "
                     "Mr Ruiz's lawyers said he would appeal."])
    groups = [a for a in g.actors() if "lawyers" in a.name.lower()]
    assert len(groups) == 3
