"""Commitments: each kind with its attributes, on made-up texts of other stories."""

from __future__ import annotations

import pytest


def only(graph, kind):
    found = [c for c in graph.commitments() if c.kind == kind]
    assert found, f"no {kind} in {[(c.kind, c.content) for c in graph.commitments()]}"
    return found


@pytest.mark.parametrize("text, kind, actor, target", [
    ("Canada urged Mexico to lower its tariffs on steel.", "demand", "Canada", "Mexico"),
    ("The European Union demanded that China open its markets.", "demand", "European Union", "China"),
    ("Brazil pledged to cut deforestation by half.", "promise", "Brazil", None),
    ("India is ready to sign the climate accord.", "promise", "India", None),
    ("Japan proposed a joint fund for clean energy.", "proposal", "Japan", None),
    ("France and Germany agreed to share the costs of the program.", "agreement", "France", "Germany"),
    ("Poland refused to accept the migration quota.", "refusal", "Poland", None),
    ("Kenya expects the loan to be approved next month.", "expectation", "Kenya", None),
])
def test_each_kind(build_texts, text, kind, actor, target):
    g = build_texts([text], date="2024-05-10")
    c = only(g, kind)[0]
    assert g.name_of(c.actor) == actor
    if target:
        assert g.name_of(c.target) == target
    assert c.evidence[0].text == text
    assert c.evidence[0].document == "doc1"
    assert text[c.evidence[0].start - 0:c.evidence[0].end] == text


def test_modal_negation_and_relative_time(build_texts):
    g = build_texts(["Argentina will not pay the bondholders next week, Economy Minister Luis Pardo said."],
                    date="2024-05-10")
    c = only(g, "refusal")[0]  # "will not pay": a refusal, negated modal kept
    assert g.name_of(c.actor) == "Argentina"
    assert c.modality == "will" and c.negated is True
    assert c.time == "next week" and c.date == "2024-W20"
    assert g.name_of(c.reported_by) == "Luis Pardo"


def test_amount_and_place(build_texts):
    g = build_texts(["The World Bank pledged to lend $2.5 billion to build dams in Ethiopia."])
    c = only(g, "promise")[0]
    assert "$2.5 billion" in (c.amount or "")
    assert g.name_of(c.place) == "Ethiopia"


def test_nested_cue_is_part_of_the_content_not_a_second_commitment(build_texts):
    g = build_texts(["Chile urged Peru to agree to a ceasefire and to withdraw its troops."])
    assert [c.kind for c in g.commitments()] == ["demand"]
    assert "agree to a ceasefire" in g.commitments()[0].content


def test_reported_we_is_the_speakers_country(build_texts):
    g = build_texts([
        "Trade Secretary Ana Ruiz, the Spanish negotiator, said: “We will open our ports to Moroccan ships.”"
    ])
    c = only(g, "promise")[0]
    assert g.name_of(c.actor) == "Spain"
    assert g.name_of(c.reported_by) == "Ana Ruiz"


def test_same_commitment_in_two_articles_is_one_fact_with_two_sources(build_texts):
    g = build_texts([
        "Vietnam pledged to phase out coal power by 2040.",
        "On Friday Vietnam pledged to phase out coal power plants by 2040.",
    ])
    promises = only(g, "promise")
    assert len(promises) == 1
    assert {e.document for e in promises[0].evidence} == {"doc1", "doc2"}


def test_a_schedule_is_not_a_commitment(build_texts):
    g = build_texts(["The summit is expected to take place in Nairobi next week."])
    assert g.commitments() == []


def test_likely_is_the_speakers_expectation(build_texts):
    g = build_texts(["Minister Ana Silva said Brazil was likely to sign the deal."])
    c = only(g, "expectation")[0]
    assert g.name_of(c.actor) == "Ana Silva" and c.target is None  # about Brazil, not addressed to it
    alone = build_texts(["Brazil is likely to sign the deal."])
    assert alone.commitments() == []  # nobody in the text holds that expectation


def test_insisting_on_a_fact_is_a_claim_and_on_an_act_a_demand(build_texts):
    claim = build_texts(["Tanzania insists that the border runs down the middle of the lake."])
    assert claim.commitments() == []
    demand = build_texts(["Malawi has insisted that Tanzania withdraw its patrol boats."])
    assert [(demand.name_of(c.actor), c.kind) for c in demand.commitments()] == [("Malawi", "demand")]


def test_cutting_a_deficit_is_no_refusal_but_cutting_aid_is(build_texts):
    g = build_texts(["Finance Minister Ratna Sari said Indonesia will cut the deficit again.",
                     "Sweden cut aid to the region."])
    kinds = {(g.name_of(c.actor), c.kind) for c in g.commitments()}
    assert ("Indonesia", "promise") in kinds and ("Sweden", "refusal") in kinds


def test_an_organisations_its_and_its_members(build_texts):
    g = build_texts(["The Paris Club said its members would apply the new deadline."])
    c = only(g, "promise")[0]
    assert g.name_of(c.actor) == "Paris Club"


def test_passive_demand_in_reported_speech_is_the_speakers(build_texts):
    g = build_texts(["Head teachers have been told to keep schools open, the Birmingham City Council said."])
    c = only(g, "demand")[0]
    assert g.name_of(c.actor) == "Birmingham City Council"


def test_the_government_of_a_story_about_one_country(build_texts):
    g = build_texts(["Protests spread across Bolivia on Monday. Bolivia's opposition rejected the count, "
                     "and the unrest reached the capital of Bolivia. Interior Minister Carlos Rios said "
                     "the government would clear the blocked roads within hours."])
    c = only(g, "promise")[0]
    assert g.name_of(c.actor) == "Bolivia"
    # with two countries in balance, "the government" stays unresolved: no guess
    two = build_texts(["Chile and Peru met. Chile and Peru talked. Minister Ana Soto said the government "
                       "would clear the roads."])
    assert all(two.name_of(c.actor) not in ("Chile", "Peru") for c in two.commitments())


def test_a_forecast_about_others_is_the_speakers_expectation(build_texts):
    """An expectation is about the world: its subject is not its target (only a party it is shared with is)."""
    g = build_texts(['"Chile will lose export income this year," said Ana Kovac, an analyst at Zenith Bank.'])
    (c,) = g.commitments()
    assert (g.name_of(c.actor), c.kind, c.target) == ("Ana Kovac", "expectation", None)


def test_perfects_and_questions_bind_nobody(build_texts):
    g = build_texts(['"I would have played a match like that in the final," said Lena Marsh. '
                     '"Who would pay for that now?" she asked.'])
    assert g.commitments() == []


def test_counterfactuals_past_expectations_and_beliefs_bind_nobody(build_texts):
    g = build_texts(['"Acme should have withdrawn the product," said Lena Marsh. '
                     '"I was fully expecting a tough match," said Ana Kovac. '
                     '"We believe most investors accept the merger," Zenith Bank said in a statement. '
                     "Prime Minister Tomas Vell held talks with the union leaders on Monday."])
    assert g.commitments() == []


def test_a_belief_about_ones_own_plan_is_still_a_promise(build_texts):
    g = build_texts(["Ana Kovac believes her new plan will offer cheaper housing."])
    assert [(g.name_of(c.actor), c.kind) for c in g.commitments()] == [("Ana Kovac", "promise")]


def test_a_weekday_points_back_from_a_past_cue_and_ahead_from_a_commitment(build_texts):
    """The article is dated Friday 10 May 2024: a pledge made "on Monday" was made
    on the 6th; a plant to close "on Monday" closes on the 13th."""
    said = build_texts(["Acme Foods pledged on Monday to keep the plant open."], date="2024-05-10")
    ahead = build_texts(["Acme Foods will close the plant on Monday, its chairman said."], date="2024-05-10")
    assert [c.date for c in said.commitments()] == ["2024-05-06"]
    assert [c.date for c in ahead.commitments()] == ["2024-05-13"]


def test_ministers_of_a_story_of_one_countrys_parties_are_its_government(build_texts):
    """Britain is never named, but its parties are: "ministers" are the UK government."""
    g = build_texts(["The Conservative Party and the Liberal Democrats attacked the plan on Monday. "
                     "The Conservatives said the cuts were reckless. "
                     "Ministers said they would publish the full report next week."])
    assert [(g.name_of(c.actor), c.kind) for c in g.commitments()] == [("United Kingdom", "promise")]
    two = build_texts(["The Conservative Party and the Liberal Democrats attacked the plan. "
                       "Norway said it would oppose it. Ministers said they would publish the report."])
    assert "United Kingdom" not in [a.name for a in two.actors()]


def test_a_ministers_we_is_the_executive_the_story_names_by_that_word(build_texts):
    g = build_texts(['The executive said its care budget was secure. Health Minister Lena Marsh said: '
                     '"We will publish the full figures next week."'])
    assert [(g.name_of(c.actor), c.kind) for c in g.commitments()] == [("executive", "promise")]


def test_the_target_is_whose_demand_or_offer_the_object_is(build_texts):
    g = build_texts(["Norway rejected Sweden's demands for a new fishing quota. "
                     "Peru withdrew its offer for Chile's copper mines."])
    targets = {(g.name_of(c.actor), c.kind): g.name_of(c.target) for c in g.commitments()}
    assert targets[("Norway", "refusal")] == "Sweden"


def test_a_joint_act_is_the_first_partys_with_the_other_as_target(build_texts):
    g = build_texts(["Norway and Iceland will resume the fishing talks next month."])
    (c,) = g.commitments()
    # what two parties will do with each other binds them to each other: an agreement
    assert (g.name_of(c.actor), c.kind, g.name_of(c.target)) == ("Norway", "agreement", "Iceland")


def test_what_someone_hopes_another_will_do_is_their_expectation(build_texts):
    g = build_texts(["Minister Ana Silva said she hoped Peru would sign the deal."])
    assert [(g.name_of(c.actor), c.kind) for c in g.commitments()] == [("Ana Silva", "expectation")]


def test_no_commitment_in_a_purpose_a_past_quote_or_a_hypothetical_obligation(build_texts):
    g = build_texts(['In an effort to win votes, Peru cut fuel taxes. '
                     '"We expected a bit of this," said Ana Silva, a minister. '
                     '"Every member would have to travel to Lima," said Tomas Vell.'])
    assert [(c.kind, c.cue) for c in g.commitments()] == []


def test_of_a_joint_subject_the_first_party_we_know_commits(build_texts):
    g = build_texts(["Both the committee chair and Finance Minister Ola Berg have called for urgent action on debt."])
    assert ("Ola Berg", "demand") in {(g.name_of(c.actor), c.kind) for c in g.commitments()}


def test_recognising_a_border_is_an_act_recognising_that_is_a_view(build_texts):
    act = build_texts(["Peru will never recognise the new border, Foreign Minister Ana Silva said."])
    assert [c.kind for c in act.commitments()] == ["refusal"]
    view = build_texts(['"We must recognise that some people have doubts," Foreign Minister Ana Silva said.'])
    assert view.commitments() == []


def test_urged_joined_by_the_parser_to_the_reported_clause_is_the_speakers(build_texts):
    g = build_texts(["The Nordic Farmers Union said the ruling was long overdue and urged the Commission "
                     "to make Acme Foods pay its suppliers."])
    assert ("demand", "Commission") in {(c.kind, g.name_of(c.target)) for c in g.commitments()}


def test_a_contrasting_clause_is_its_own_commitment_and_a_passive_conjunct_is_passive(build_texts):
    g = build_texts(["Norway urged both sides to wait for the audit, while Iceland offered to host talks."])
    assert {(g.name_of(c.actor), c.kind) for c in g.commitments()} >= {("Norway", "demand"), ("Iceland", "promise")}
    p = build_texts(["Peru said the fishermen had entered its waters without licences but would be freed soon."])
    assert "fishermen" not in {g.name_of(c.actor) for c in p.commitments()}


def test_a_concession_and_a_thought_bind_nobody(build_texts):
    g = build_texts(['"The new port may look small, but it is growing fast," said Ana Silva, a Peruvian minister. '
                     "Peru is considering joining Chile in signing the treaty."])
    assert [(c.kind, c.cue) for c in g.commitments()] == []


def test_a_comparison_or_a_record_to_beat_is_nobodys_commitment(build_texts):
    g = build_texts(["Economists said the growth in exports was not as strong as could be expected. "
                     "If Ms Ana Vale wins the vote, she will surpass Tom Lund as the longest-serving mayor of Oslo."])
    assert g.commitments() == []


def test_what_others_expect_or_hope_someone_will_do_is_not_its_promise(build_texts):
    g = build_texts(["The dollar weakened despite widespread expectations that the Federal Reserve will raise "
                     "interest rates again. The Japanese gaming giant hopes the DS will maintain the firm's lead. "
                     "However, the migrants will undergo health checks, the Home Office said."])
    assert [c for c in g.commitments() if c.kind == "promise"] == []
    g = build_texts(["Nintendo said it hopes the DS will maintain the firm's lead."])
    assert [(g.name_of(c.actor), c.kind) for c in g.commitments()] == [("Nintendo", "expectation")]


def test_no_plans_is_a_negated_plan_and_a_belief_told_as_over_binds_nobody(build_texts):
    g = build_texts(["Nintendo said it had no plans to sell the adapter outside Japan."])
    (c,) = g.commitments()
    assert c.negated and "sell the adapter" in c.content
    g = build_texts(['"Never in a million years did I think this was going to happen," Ms Vale said. '
                     "Sony wants a quick launch, but gamers will now fear that the launch has been put back."])
    assert g.commitments() == []


def test_an_inverted_condition_and_a_quoted_headline_give_nothing(build_texts):
    g = build_texts(['"Should the union accept the offer, it would be the end of the matter," the spokesman said.'])
    assert g.commitments() == []
    g = build_texts(["Vale backs 'bigger budget'\n\nMayor Ana Vale said on Monday the city should spend more."])
    assert [c.evidence[0].sentence for c in g.commitments()] == [1]


def test_descriptions_truths_and_what_one_is_urged_to_do_give_nothing(build_texts):
    g = build_texts(["Chinese firms would be allowed to run 15 oil fields, which could produce a billion barrels, "
                     "Mr Tom Lund said. Portugal still cannot accept the simple truth about its debts. "
                     "Mr Tom Lund was being urged to push for a deal on fishing."])
    assert [c for c in g.commitments() if c.kind in ("expectation", "agreement")
            or g.name_of(c.actor) == "Tom Lund" and c.kind == "demand"] == []


def test_you_and_an_act_talked_about_commit_nobody(build_texts):
    g = build_texts(['"You now propose to borrow no less than £168 billion," Mr Howard told the chancellor. '
                     '"At the beginning of the season you would expect them to be fighting for the top four," '
                     "Mr Lund said. Agreeing to pay compensation did not mean the firms were admitting guilt, "
                     "the FSA added."])
    assert g.commitments() == []


def test_a_concern_is_no_promise_and_a_gerund_subject_is_a_forecast(build_texts):
    g = build_texts(['"The Acme Trust is concerned that patients will make hasty decisions," Mr Tom Lund said.'])
    assert [c for c in g.commitments() if c.kind == "promise"] == []
    g = build_texts(["The Pensions Policy Institute said replacing the state pension would help tackle inequality."])
    assert [(g.name_of(c.actor), c.kind) for c in g.commitments()] == [("Pensions Policy Institute", "expectation")]


def test_what_analysts_forecast_a_bank_will_do_is_not_the_banks_promise(build_texts):
    g = build_texts(["The figures prompted some analysts to forecast that the Bank of England will raise rates this year."])
    assert [c for c in g.commitments() if c.kind == "promise"] == []


def test_what_may_not_be_guaranteed_is_a_forecast_and_views_and_questions_give_nothing(build_texts):
    g = build_texts(["Charities said the policy may not guarantee the safety of those affected."])
    assert [c.kind for c in g.commitments()] == ["expectation"]
    g = build_texts(["There is only excitement at what might happen, Ms Vale said. "
                     "Opening his defence, Mr Tom Lund said he could not see the legal basis of the charges."])
    assert g.commitments() == []


def test_an_obligation_told_by_nobody_is_no_pledge_but_said_it_is_the_speakers_demand(build_texts):
    g = build_texts(["Portugal must now ratify the fishing treaty."])
    assert g.commitments() == []
    g = build_texts(["Portugal must ratify the fishing treaty, Ana Ruiz said."])
    assert [(g.name_of(c.actor), c.kind, g.name_of(c.target)) for c in g.commitments()] == \
        [("Ana Ruiz", "demand", "Portugal")]


def test_a_past_perfect_after_apostrophe_d_is_no_would(build_texts):
    g = build_texts(['"I thought I\'d burned my bridges with the club," Mr Tom Lund said.'])
    assert g.commitments() == []
    g = build_texts(['"I\'d open a new shop in Leeds tomorrow," Mr Tom Lund said.'])
    assert [c.kind for c in g.commitments()] == ["promise"]


def test_a_question_without_its_mark_and_a_plan_neither_would_fund_give_no_promise(build_texts):
    g = build_texts(["What new powers will be required to enforce the ban on fishing."])
    assert g.commitments() == []
    g = build_texts(["The lab closed because neither the Irish Government nor Acme Foods was willing to fund it."])
    assert {c.kind for c in g.commitments()} <= {"refusal"}


def test_the_critic_of_a_decision_does_not_own_it(build_texts):
    g = build_texts(["Mr Tom Lund has attacked the decision to close the hospital in Leeds."])
    assert [c for c in g.commitments() if g.name_of(c.actor) == "Tom Lund"] == []


def test_a_past_wish_told_and_a_past_going_to_in_a_quote_commit_nobody(build_texts):
    g = build_texts(["For its part, Acme Foods was keen to agree a deal with the union."])
    assert g.commitments() == []
    g = build_texts(['"We showed real character and we were never going to lose," Mr Tom Lund said.'])
    assert g.commitments() == []


def test_a_subject_the_parser_strands_and_a_title_after_the_name_still_commit(build_texts):
    g = build_texts(["Labour has already announced plans to help first-time buyers and the Tories "
                     "would extend right-to-buy schemes."])
    assert ("Conservative Party", "promise") in [(g.name_of(c.actor), c.kind) for c in g.commitments()]
    g = build_texts(["In the Commons, Tory frontbencher Andrew Tyrie MP demanded an immediate statement."])
    assert [(g.name_of(c.actor), c.kind) for c in g.commitments()] == [("Andrew Tyrie", "demand")]
    assert [a.name for a in g.actors()] == ["Andrew Tyrie"]


def test_an_elided_if_not_negates_nothing(build_texts):
    g = build_texts(["If not they will close the plant in Leeds, Acme Foods said."])
    assert [(c.kind, c.negated) for c in g.commitments()] == [("promise", False)]


def test_what_another_may_be_willing_to_do_is_the_speakers_guess_and_a_wh_question_commits_nobody(build_texts):
    g = build_texts(['"Portugal may be willing to lift the ban on beef," Mr Tom Lund said.'])
    assert [(g.name_of(c.actor), c.kind) for c in g.commitments()] == [("Tom Lund", "expectation")]
    g = build_texts(["How then will Acme Foods explain the figures to its workers!"])
    assert g.commitments() == []


def test_a_title_defended_is_a_fixture(build_texts):
    g = build_texts(["Kenya's Paul Tergat will defend the title he won last year in Boston."])
    assert g.commitments() == []


def test_what_one_could_not_say_and_a_past_wish_in_a_quote_commit_nobody(build_texts):
    g = build_texts(["Ms Ana Vale added she could not say whether a similar fault had occurred before."])
    assert g.commitments() == []
    g = build_texts(['"It was important to me that Rui Costa should stay for the same time," Mr Tom Lund said.'])
    assert g.commitments() == []


def test_every_chance_that_someone_will_is_no_ones_promise(build_texts):
    g = build_texts(['"There is every chance that Rui Costa will be making an impact from the bench," Mr Tom Lund said.'])
    assert [c for c in g.commitments() if g.name_of(c.actor) == "Rui Costa"] == []


def test_a_generic_you_asks_nobody_but_you_said_to_someone_is_a_demand(build_texts):
    g = build_texts(['"You have to enjoy it when the team plays like this," Mr Tom Lund said.'])
    assert g.commitments() == []
    g = build_texts(['"You must resign," Mr Tom Lund told the Portugal minister Ana Vale.'])
    assert [(g.name_of(c.actor), c.kind) for c in g.commitments()] == [("Tom Lund", "demand")]


def test_what_others_are_said_to_believe_is_their_expectation_and_there_is_more_to_come_is_none(build_texts):
    g = build_texts(['"Even successful farmers do not think the new tax will help Portugal," said Ms Ana Vale of the Acme Trust.'])
    assert [c for c in g.commitments() if g.name_of(c.actor) == "Ana Vale"] == []
    g = build_texts(["Rui Costa was right in there and there is definitely more to come from him."])
    assert g.commitments() == []
