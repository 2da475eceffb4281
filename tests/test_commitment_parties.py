"""Who a commitment is made of, and whose it is, on made-up texts of other
stories: the story's government, claims that others answer, parties that act
together or each alone, and the words that name no addressee."""

from __future__ import annotations


def facts(graph):
    """(actor, kind, target) of every commitment, by name."""
    return sorted((graph.name_of(c.actor), c.kind, graph.name_of(c.target) if c.target else None)
                  for c in graph.commitments())


def test_the_government_of_a_story_that_names_no_state_is_an_actor_of_its_own(build_texts):
    g = build_texts(["Hill farmers are angry about diesel prices. The Hill Farmers Union urged the government to cut fuel duty. "
                     "The government said it would study the plan."])
    assert "government" in [a.name for a in g.actors()]
    demands = [c for c in g.commitments() if c.kind == "demand"]
    assert demands and all(g.name_of(c.target) == "government" for c in demands)


def test_the_government_of_a_story_about_one_country_is_that_country(build_texts):
    g = build_texts(["Norway's fishing fleet is shrinking. Norway lost 300 boats last year and Norway expects to lose "
                     "more. The Norwegian Fishermen's Association urged the government to cut fuel taxes."])
    (c,) = [c for c in g.commitments() if c.kind == "demand"]
    assert g.name_of(c.target) == "Norway"


def test_a_claim_that_another_rejects_or_accepts_is_its_makers_too(build_texts):
    g = build_texts(["Acme Corp rejected Unite's demand for a 5% pay rise."])
    assert facts(g) == [("Acme Corp", "refusal", "Unite"), ("Unite", "demand", "Acme Corp")]
    g = build_texts(["Zenith Bank accepted Unite's proposal to end the strike."])
    assert facts(g) == [("Unite", "proposal", "Zenith Bank"), ("Zenith Bank", "agreement", "Unite")]


def test_what_each_of_two_parties_vows_is_each_ones_own(build_texts):
    g = build_texts(["Spain and Portugal vowed to cut their budget deficits next year."])
    assert facts(g) == [("Portugal", "promise", None), ("Spain", "promise", None)]


def test_what_two_parties_undertake_towards_each_other_is_one_agreement(build_texts):
    g = build_texts(['"Chile and Peru have confirmed their willingness to settle the dispute between them," '
                     'the mediator said.'])
    assert ("Chile", "agreement", "Peru") in facts(g)


def test_the_addressee_of_a_demand_for_someone_to_act(build_texts):
    g = build_texts(["The talks opened despite an EU demand for Turkey to withdraw its troops."])
    assert ("European Union", "demand", "Turkey") in facts(g)


def test_a_capital_that_a_complaint_is_against_is_its_government(build_texts):
    g = build_texts(["Canada filed a complaint against Washington with the WTO over steel tariffs."])
    assert facts(g) == [("Canada", "demand", "United States")]


def test_the_maker_of_the_goods_ordered_is_the_other_side(build_texts):
    g = build_texts(["Qantas said it had placed an order for 12 Boeing 787 jets."])
    assert facts(g) == [("Qantas", "agreement", "Boeing")]


def test_no_addressee_in_a_time_clause_or_a_document(build_texts):
    g = build_texts(["Mr Lula has said he will put climate at the top of the agenda when Argentina hosts the summit."])
    assert [c.target for c in g.commitments()] == [None]
    g = build_texts(["The Acme Institute published a study of rail fares. Transport Minister Ana Ruiz has pledged "
                     "to study the report."])
    assert [(g.name_of(c.actor), c.target) for c in g.commitments()] == [("Ana Ruiz", None)]


def test_the_agent_of_what_is_to_be_done_is_addressed(build_texts):
    g = build_texts(["Dr Lena Park believes more work is still needed to be done by Thames Water before the summer."])
    assert [(c.kind, g.name_of(c.target)) for c in g.commitments()] == [("demand", "Thames Water")]


def test_a_partys_call_that_names_no_addressee_is_made_of_the_government(build_texts):
    g = build_texts(["The Scottish Executive has unveiled its budget. The Scottish Executive said it would fund "
                     "free care. The Scottish National Party called for a delay."])
    assert ("Scottish National Party", "demand", "Scottish Executive") in facts(g)


def test_an_analysts_will_is_a_forecast(build_texts):
    g = build_texts(['"The target will be met," Ana Ruiz, an analyst at Banco Sol, told reporters.'])
    assert [(g.name_of(c.actor), c.kind) for c in g.commitments()] == [("Ana Ruiz", "expectation")]


def test_what_should_happen_to_a_thing_is_a_forecast(build_texts):
    g = build_texts(['"Wages should continue to grow," the Halden Building Society said.'])
    assert [c.kind for c in g.commitments()] == ["expectation"]


def test_it_is_not_the_plural_subject_before_it(build_texts):
    g = build_texts(["The European Commission warned the two countries were under scrutiny and it would act "
                     "if their deficits grew."])
    assert ("European Commission", "promise", None) in facts(g)


def test_looking_at_something_is_an_act(build_texts):
    g = build_texts(['Acme Rail said in a statement: "We will look at the complaints in great detail."'])
    assert [c.kind for c in g.commitments()] == ["promise"]


def test_a_later_bare_plural_is_the_group_named_acting(build_texts):
    g = build_texts(["Police should patrol the town centre at night, Ms Vale said. Police said they had a duty "
                     "to protect shoppers."])
    (demand,) = [c for c in g.commitments() if c.kind == "demand"]
    assert g.name_of(demand.target) == "Police"


# --- the same rules on hand-built parses (no statistical model) ---------------------

WILL_RAISE_WHEN_HOSTS = [  # Brazil will raise it when Peru hosts the summit.
    ("Brazil", 2, "nsubj", "PROPN", "NNP", "Brazil"), ("will", 2, "aux", "AUX", "MD", "will"),
    ("raise", 2, "ROOT", "VERB", "VB", "raise"), ("it", 2, "dobj", "PRON", "PRP", "it"),
    ("when", 6, "advmod", "SCONJ", "WRB", "when"), ("Peru", 6, "nsubj", "PROPN", "NNP", "Peru"),
    ("hosts", 2, "advcl", "VERB", "VBZ", "host"), ("the", 8, "det", "DET", "DT", "the"),
    ("summit", 6, "dobj", "NOUN", "NN", "summit"), (".", 2, "punct", "PUNCT", ".", "."),
]

WILL_RAISE_UNLESS_ACTS = [  # Brazil will raise it unless Peru acts.
    ("Brazil", 2, "nsubj", "PROPN", "NNP", "Brazil"), ("will", 2, "aux", "AUX", "MD", "will"),
    ("raise", 2, "ROOT", "VERB", "VB", "raise"), ("it", 2, "dobj", "PRON", "PRP", "it"),
    ("unless", 6, "mark", "SCONJ", "IN", "unless"), ("Peru", 6, "nsubj", "PROPN", "NNP", "Peru"),
    ("acts", 2, "advcl", "VERB", "VBZ", "act"), (".", 2, "punct", "PUNCT", ".", "."),
]


def test_a_time_clause_is_beside_the_commitment_a_condition_is_not():
    from kg.extract.parties import _in_side_clause
    from kg.nlp.gazetteer import load_lexicon
    from tests.test_actor_rules import parse

    side = load_lexicon()["side_clause_words"]
    when = parse(WILL_RAISE_WHEN_HOSTS)
    assert _in_side_clause(when[5], when[2], side) and _in_side_clause(when[8], when[2], side)
    assert not _in_side_clause(when[3], when[2], side)
    unless = parse(WILL_RAISE_UNLESS_ACTS)
    assert not _in_side_clause(unless[5], unless[2], side)  # "unless Peru acts": Peru is whom it is about


def test_it_stands_for_no_plural():
    from kg.extract.context import _plural_for_singular
    from tests.test_actor_rules import parse

    doc = parse([("The", 1, "det", "DET", "DT", "the"), ("two", 2, "nsubj", "NUM", "CD", "two"),
                 ("agreed", 2, "ROOT", "VERB", "VBD", "agree"), ("and", 2, "cc", "CCONJ", "CC", "and"),
                 ("it", 6, "nsubj", "PRON", "PRP", "it"), ("firms", 6, "nsubj", "NOUN", "NNS", "firm"),
                 ("act", 2, "conj", "VERB", "VB", "act")])
    assert _plural_for_singular(doc[4], doc[1]) and _plural_for_singular(doc[4], doc[5])
    assert not _plural_for_singular(doc[4], doc[0])


def test_a_short_content_merges_only_with_one_about_as_short():
    from kg.resolve.duplicates import overlap

    assert overlap("grow", "the market would continue to grow", least=3) < 0.6
    assert overlap("cut fuel duty", "cut fuel duty by 5p", least=3) == 1.0


def test_an_unresolved_they_is_not_the_speakers_side(build_texts):
    g = build_texts(['Mr Smith of UKIP said: "Our vote will move the Tories in the direction they are refusing to move."'])
    assert [c for c in g.commitments() if c.kind == "refusal"] == []


def test_an_ability_or_a_skill_binds_nobody(build_texts):
    g = build_texts(["Mr Blunkett told MPs the UK would still be able to reject proposals it did not agree with. "
                     'The US was "very bad at coordinating with anyone", Ms Short said.'])
    assert g.commitments() == []
