"""The clause grammar of :mod:`kg.extract.clauses` on hand-built parses (no statistical model):
subjects through conjunctions, quantifiers and floating "each", and which modal a verb carries."""

from __future__ import annotations

from kg.extract.clauses import modality, subject_of
from kg.nlp.gazetteer import load_lexicon
from tests.test_actor_rules import parse


APPOINTED_AND_WILL_PLAN = parse([  # Tom Berg was appointed and will plan the strategy.
    ("Tom", 1, "compound", "PROPN", "NNP", "Tom"), ("Berg", 3, "nsubjpass", "PROPN", "NNP", "Berg"),
    ("was", 3, "auxpass", "AUX", "VBD", "be"), ("appointed", 3, "ROOT", "VERB", "VBN", "appoint"),
    ("and", 3, "cc", "CCONJ", "CC", "and"), ("will", 6, "aux", "AUX", "MD", "will"),
    ("plan", 3, "conj", "VERB", "VB", "plan"), ("the", 8, "det", "DET", "DT", "the"),
    ("strategy", 6, "dobj", "NOUN", "NN", "strategy"), (".", 3, "punct", "PUNCT", ".", "."),
])

ARRESTED_AND_CHARGED = parse([  # Two men were arrested and charged.
    ("Two", 1, "nummod", "NUM", "CD", "two"), ("men", 3, "nsubjpass", "NOUN", "NNS", "man"),
    ("were", 3, "auxpass", "AUX", "VBD", "be"), ("arrested", 3, "ROOT", "VERB", "VBN", "arrest"),
    ("and", 3, "cc", "CCONJ", "CC", "and"), ("charged", 3, "conj", "VERB", "VBN", "charge"),
    (".", 3, "punct", "PUNCT", ".", "."),
])

ALL_OF_THE_FIRMS = parse([  # All of the firms will cut jobs.
    ("All", 5, "nsubj", "PRON", "DT", "all"), ("of", 0, "prep", "ADP", "IN", "of"),
    ("the", 3, "det", "DET", "DT", "the"), ("firms", 1, "pobj", "NOUN", "NNS", "firm"),
    ("will", 5, "aux", "AUX", "MD", "will"), ("cut", 5, "ROOT", "VERB", "VB", "cut"),
    ("jobs", 5, "dobj", "NOUN", "NNS", "job"), (".", 5, "punct", "PUNCT", ".", "."),
])

EACH_HOST = parse([  # Acme and Zenith will each host a show.
    ("Acme", 5, "nsubj", "PROPN", "NNP", "Acme"), ("and", 0, "cc", "CCONJ", "CC", "and"),
    ("Zenith", 0, "conj", "PROPN", "NNP", "Zenith"), ("will", 5, "aux", "AUX", "MD", "will"),
    ("each", 5, "nsubj", "PRON", "DT", "each"), ("host", 5, "ROOT", "VERB", "VB", "host"),
    ("a", 7, "det", "DET", "DT", "a"), ("show", 5, "dobj", "NOUN", "NN", "show"), (".", 5, "punct", "PUNCT", ".", "."),
])

AND_WILL_GREENWOOD = parse([  # Smith is injured and Will Greenwood sidelined.
    ("Smith", 2, "nsubjpass", "PROPN", "NNP", "Smith"), ("is", 2, "auxpass", "AUX", "VBZ", "be"),
    ("injured", 2, "ROOT", "VERB", "VBN", "injure"), ("and", 2, "cc", "CCONJ", "CC", "and"),
    ("Will", 6, "aux", "AUX", "MD", "will"), ("Greenwood", 6, "nsubj", "PROPN", "NNP", "Greenwood"),
    ("sidelined", 2, "conj", "VERB", "VBD", "sideline"), (".", 2, "punct", "PUNCT", ".", "."),
])


def test_a_conjoined_verb_with_its_own_modal_is_active_though_its_subject_is_passive():
    subj, passive = subject_of(APPOINTED_AND_WILL_PLAN[6])
    assert subj.text == "Berg" and not passive


def test_a_conjoined_participle_shares_the_passive():
    subj, passive = subject_of(ARRESTED_AND_CHARGED[5])
    assert subj.text == "men" and passive


def test_a_quantified_subject_is_the_group_it_picks_from():
    subj, _ = subject_of(ALL_OF_THE_FIRMS[5])
    assert subj.text == "firms"


def test_a_floating_each_is_not_the_subject():
    subj, _ = subject_of(EACH_HOST[5])
    assert subj.text == "Acme"


def test_a_capitalised_will_before_a_name_is_no_modal():
    assert modality(AND_WILL_GREENWOOD[6], load_lexicon()["modals"]) == (None, False)
    assert modality(EACH_HOST[5], load_lexicon()["modals"]) == ("will", False)
