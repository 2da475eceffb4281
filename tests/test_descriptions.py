"""Definite descriptions are resolved by who holds the role, in the document."""

from __future__ import annotations

STORY = ("Chancellor Mara Voss set out her budget on Tuesday. Shadow chancellor Piet Lund said the plan "
         "would fail. Deputy Prime Minister Ana Kovac-Lind backed it. The chancellor said growth would "
         "return. The prime minister was abroad.")


def aliases(graph, name):
    return next(a.aliases for a in graph.actors() if a.name == name)


def test_the_chancellor_is_never_the_shadow_chancellor(build_texts):
    g = build_texts([STORY])
    assert "The chancellor" in aliases(g, "Mara Voss")
    assert "The chancellor" not in aliases(g, "Piet Lund")


def test_a_deputy_does_not_answer_to_the_plain_title(build_texts):
    g = build_texts([STORY])
    assert "The prime minister" not in aliases(g, "Ana Kovac-Lind")


def test_a_party_in_the_description_must_be_the_holders(build_texts):
    g = build_texts(["Green leader Ida Berg met Liberal leader Olof Strand on Monday. "
                     "The Liberal leader said the talks had gone well."])
    assert "The Liberal leader" not in aliases(g, "Ida Berg")


def test_descriptions_stay_in_their_document(build_texts):
    g = build_texts(["Chancellor Mara Voss set out her budget on Tuesday.",
                     "The chancellor of the university, Jon Ekman, said fees would rise. The chancellor said so twice."])
    assert all(m.document == "doc1" for m in next(a for a in g.actors() if a.name == "Mara Voss").mentions)


def test_a_synonym_and_a_party_find_the_holder(build_texts):
    g = build_texts(["Labour leader Ida Berg spoke on Monday. Prime Minister Olof Strand replied. "
                     "But the Labour leader argued that the plan was wrong. The premier insisted the plan would work."])
    assert "the Labour leader" in aliases(g, "Ida Berg")
    assert "The premier" in aliases(g, "Olof Strand")
    assert [g.name_of(s.speaker) for s in g.statements()] == ["Ida Berg", "Olof Strand"]
