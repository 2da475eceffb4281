"""Statements: each quotation style and reported speech, on made-up texts."""

from __future__ import annotations

import pytest


def speakers(graph):
    return [(graph.name_of(s.speaker), s.quote) for s in graph.statements()]


@pytest.mark.parametrize("text", [
    "“We will not back down,” Ana Ruiz said.",
    '"We will not back down," Ana Ruiz said.',
    "“We will not back down,” said Ana Ruiz.",
    "Ana Ruiz said: “We will not back down.”",
])
def test_quote_styles(build_texts, text):
    g = build_texts([text])
    assert speakers(g) == [("Ana Ruiz", True)]
    assert g.statements()[0].content.startswith("We will not back down")


def test_pronoun_attribution_and_continuation_paragraph(build_texts):
    g = build_texts([
        "Union leader Omar Haddad addressed the strikers on Monday.\n"
        "“The company has ignored us for years,” he said.\n"
        "“We are ready to stay out until the summer.”"
    ])
    assert speakers(g) == [("Omar Haddad", True), ("Omar Haddad", True)]


def test_reported_speech_keeps_the_clause_and_the_audience(build_texts):
    g = build_texts(["Governor Mei Lin told reporters in Taipei that the port would reopen."],
                    date="2024-01-02")
    s = g.statements()[0]
    assert g.name_of(s.speaker) == "Mei Lin" and s.quote is False
    assert "the port would reopen" in s.content
    assert s.audience and s.audience.startswith("reporters")
    assert s.date == "2024-01-02"


def test_quote_spanning_paragraphs(build_texts):
    g = build_texts([
        "Mayor Tom Hale spoke after the vote.\n"
        "“This is a good day for the city.\n"
        "“It took three years to get here,” Hale said."
    ])
    assert all(name == "Tom Hale" for name, _ in speakers(g))
    assert len(g.statements()) >= 1


def test_no_speaker_no_statement(build_texts):
    g = build_texts(["“Nothing will change,” read a sign at the protest."])
    assert g.statements() == []


def test_according_to_is_reported_speech(build_texts):
    g = build_texts(["Growth will slow to 2 percent next year, according to the World Bank."])
    s = g.statements()[0]
    assert g.name_of(s.speaker) == "World Bank" and s.quote is False
    assert s.content == "Growth will slow to 2 percent next year"


def test_the_date_of_the_speech_not_of_what_was_said(build_texts):
    g = build_texts(["Governor Mei Lin said on March 4 that the port would reopen next week."], date="2024-03-07")
    assert g.statements()[0].date == "2024-03-04"
    g = build_texts(["Governor Mei Lin said that the port would reopen next week."], date="2024-03-07")
    assert g.statements()[0].date == "2024-03-07"


def test_a_quote_of_three_sentences_is_three_statements_of_one_speaker(build_texts):
    g = build_texts(['"The harvest is late. Prices will rise. We are ready," said Farm Minister Tomas Vell.'])
    st = g.statements()
    assert [g.name_of(s.speaker) for s in st] == ["Tomas Vell"] * 3
    assert [s.evidence[0].text for s in st][0] == '"The harvest is late.'
    assert st[-1].evidence[0].text.endswith("said Farm Minister Tomas Vell.")


def test_beliefs_and_allegations_are_reported_statements(build_texts):
    g = build_texts(["The Acme Institute believes that rents will keep rising. "
                     "Zenith Mills alleged that the tender had been rigged."])
    assert sorted(g.name_of(s.speaker) for s in g.statements()) == ["Acme Institute", "Zenith Mills"]


def test_quotes_after_the_attribution_in_one_paragraph_stay_the_speakers(build_texts):
    g = build_texts(['"The plan is sound," said Lena Marsh, head of the Acme Institute. "But the timing is wrong. '
                     '"We will say more next week."'])
    assert [g.name_of(s.speaker) for s in g.statements()] == ["Lena Marsh"] * 3


def test_a_bare_quoted_paragraph_continues_a_reported_speaker(build_texts):
    g = build_texts(['"The harvest is late," said Tomas Vell.\n\n'
                     'Acme economist Ana Kovac said prices had risen in recent months.\n\n'
                     '"Rates are likely to stay on hold for some time."'])
    speakers = [g.name_of(s.speaker) for s in g.statements()]
    assert speakers == ["Tomas Vell", "Ana Kovac", "Ana Kovac"]
