"""The small helpers that find_quotes, find_mentions, the role finders and the
fact context are split into: each does its one job."""

from __future__ import annotations

import pytest

from kg.extract import context, mentions, quotes, roles


# --- quotes ----------------------------------------------------------------
def test_find_quotes_curly_and_straight():
    found = quotes.find_quotes('He said: “We will go.” Then "no more," she said.')
    assert [q.text for q in found] == ["We will go.", "no more,"]


def test_find_quotes_over_paragraphs():
    text = "“We will fight,” he said.\n“And we will win.\n“Nobody stops us,” she said."
    assert [q.text for q in quotes.find_quotes(text)] == ["We will fight,", "And we will win.", "Nobody stops us,"]


def test_find_quotes_drops_a_quote_the_next_paragraph_does_not_continue():
    assert quotes.find_quotes("“Never closed\nHe left.") == []


def test_scan_paragraph_returns_the_open_quote():
    out: list[quotes.Quote] = []
    assert quotes._scan_paragraph("“Open", 0, "“Open", None, out) == 1
    assert out == []
    assert quotes._scan_paragraph("“Shut”", 0, "“Shut”", None, out) is None
    assert [q.text for q in out] == ["Shut"]


def test_rstrip_end_stops_at_start():
    assert quotes._rstrip_end("ab  \n", 0, 5) == 2
    assert quotes._rstrip_end("    ", 2, 4) == 2


# --- mentions ---------------------------------------------------------------
def test_has_name_label(nlp):
    doc = nlp("Kenya's minister spoke.")
    ents = list(doc.ents)
    assert ents and all(mentions._has_name_label(e) for e in ents if e.label_ in mentions.LABELS)


def test_sentence_index(nlp):
    doc = nlp("The talks resumed. They ended at noon.")
    sent_of, _ = mentions._sentence_index(doc)
    assert sent_of[0] == 0 and sent_of[len(doc) - 1] == 1


def test_compound_start(nlp):
    doc = nlp("Tom Hale said the plant would close.")
    assert mentions._compound_start(doc, doc[1]) == 0


def test_prepositional_usage_of_a_place(nlp):
    doc = nlp("Talks were held in Geneva.")
    assert mentions.usage_of(doc, doc[4]) == "place"


# --- roles ------------------------------------------------------------------
def test_prenominal_role(nlp):
    doc = nlp("National security adviser Mike Waltz said the talks would resume.")
    role = roles.prenominal_role(doc, 3)
    assert role is not None and (role.name, role.head, role.start, role.end) == ("national security adviser", "adviser", 0, 3)
    assert roles.prenominal_role(doc, 0) is None


def test_appositive_role_with_a_possessor(nlp):
    doc = nlp("Tom Hale, the company's chief executive, said the plant would close.")
    role = roles.appositive_role(doc, doc[1])
    assert role is not None and role.name == "chief executive" and role.qualified


def test_skip_function_words(nlp):
    doc = nlp("of the minister")
    assert roles._skip_function_words(doc, 0, 3) == 2
    assert roles._skip_function_words(doc, 0, 1) == 1


# --- context ----------------------------------------------------------------
@pytest.mark.parametrize("deps, expected", [(context._CLAUSES, "committed"), (("conj",), None)])
def test_clause_above(nlp, deps, expected):
    doc = nlp("Jansen has shown he is committed.")
    he = next(t for t in doc if t.lower_ == "he")
    head = context._clause_above(he, deps)
    assert (head.text if head is not None else None) == expected
