"""The actor rules on hand-built parses, without the statistical model.

Each test builds a small :class:`spacy.tokens.Doc` of a made-up story with the
tags and the dependency tree spaCy's English parser gives such a sentence, and
checks one rule of

- :mod:`kg.resolve.unnamed` (common-noun actors: "analysts said", "a Treasury
  spokesman", "the junta", "a report by X");
- :mod:`kg.resolve.actorhood` (which named entities act in a document);
- :mod:`kg.extract.names` (``clean_name`` of a named span) and :mod:`kg.extract.mentions` (``_is_acronym_subject``).
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span
import spacy

from kg.extract.mentions import _is_acronym_subject
from kg.extract.names import clean_name as _clean
from kg.resolve.actorhood import acting_keys, participants
from kg.resolve.unnamed import find_unnamed, modifiers
from kg.types import Commitment, LocalEntity, Statement

VOCAB = spacy.blank("en").vocab

NO_SPACE_BEFORE = {".", ",", "'s", ")", "?", "!", ":", ";"}


def parse(rows, ents=None, spaces=None) -> Doc:
    """A Doc from rows ``(word, head, dep, pos, tag, lemma)``; ``head`` is an
    absolute index (the root points at itself).  Spaces follow the words
    except before punctuation, unless ``spaces`` is given."""
    words = [r[0] for r in rows]
    if spaces is None:
        spaces = [i + 1 < len(words) and words[i + 1] not in NO_SPACE_BEFORE and words[i] != "("
                  for i in range(len(words))]
    return Doc(VOCAB, words=words, spaces=spaces,
               heads=[r[1] for r in rows], deps=[r[2] for r in rows], pos=[r[3] for r in rows],
               tags=[r[4] for r in rows], lemmas=[r[5] for r in rows],
               ents=ents or ["O"] * len(rows))


# --- sentences --------------------------------------------------------------

FARM_UNIONS = [  # Farm unions said the new rules would ruin small growers.
    ("Farm", 1, "compound", "NOUN", "NN", "farm"),
    ("unions", 2, "nsubj", "NOUN", "NNS", "union"),
    ("said", 2, "ROOT", "VERB", "VBD", "say"),
    ("the", 5, "det", "DET", "DT", "the"),
    ("new", 5, "amod", "ADJ", "JJ", "new"),
    ("rules", 7, "nsubj", "NOUN", "NNS", "rule"),
    ("would", 7, "aux", "AUX", "MD", "would"),
    ("ruin", 2, "ccomp", "VERB", "VB", "ruin"),
    ("small", 9, "amod", "ADJ", "JJ", "small"),
    ("growers", 7, "dobj", "NOUN", "NNS", "grower"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

UNIONS_HAVE_DOUBTS = [  # Unions have doubts about the deal.
    ("Unions", 1, "nsubj", "NOUN", "NNS", "union"),
    ("have", 1, "ROOT", "VERB", "VBP", "have"),
    ("doubts", 1, "dobj", "NOUN", "NNS", "doubt"),
    ("about", 2, "prep", "ADP", "IN", "about"),
    ("the", 5, "det", "DET", "DT", "the"),
    ("deal", 3, "pobj", "NOUN", "NN", "deal"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

UNIONS_WANT_TO_AGREE = [  # Unions want to agree a deal.
    ("Unions", 1, "nsubj", "NOUN", "NNS", "union"),
    ("want", 1, "ROOT", "VERB", "VBP", "want"),
    ("to", 3, "aux", "PART", "TO", "to"),
    ("agree", 1, "xcomp", "VERB", "VB", "agree"),
    ("a", 5, "det", "DET", "DT", "a"),
    ("deal", 3, "dobj", "NOUN", "NN", "deal"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

FARMERS_AND_UNIONS = [  # Farmers and unions rejected the plan.
    ("Farmers", 3, "nsubj", "NOUN", "NNS", "farmer"),
    ("and", 0, "cc", "CCONJ", "CC", "and"),
    ("unions", 0, "conj", "NOUN", "NNS", "union"),
    ("rejected", 3, "ROOT", "VERB", "VBD", "reject"),
    ("the", 5, "det", "DET", "DT", "the"),
    ("plan", 3, "dobj", "NOUN", "NN", "plan"),
    (".", 3, "punct", "PUNCT", ".", "."),
]

TREASURY_SPOKESMAN = [  # A Treasury spokesman said the figures were encouraging.
    ("A", 2, "det", "DET", "DT", "a"),
    ("Treasury", 2, "compound", "PROPN", "NNP", "Treasury"),
    ("spokesman", 3, "nsubj", "NOUN", "NN", "spokesman"),
    ("said", 3, "ROOT", "VERB", "VBD", "say"),
    ("the", 5, "det", "DET", "DT", "the"),
    ("figures", 6, "nsubj", "NOUN", "NNS", "figure"),
    ("were", 3, "ccomp", "AUX", "VBD", "be"),
    ("encouraging", 6, "acomp", "ADJ", "JJ", "encouraging"),
    (".", 3, "punct", "PUNCT", ".", "."),
]

SPOKESMAN_FOR_ACME = [  # A spokesman for Acme Foods said the plant would close.
    ("A", 1, "det", "DET", "DT", "a"),
    ("spokesman", 5, "nsubj", "NOUN", "NN", "spokesman"),
    ("for", 1, "prep", "ADP", "IN", "for"),
    ("Acme", 4, "compound", "PROPN", "NNP", "Acme"),
    ("Foods", 2, "pobj", "PROPN", "NNP", "Foods"),
    ("said", 5, "ROOT", "VERB", "VBD", "say"),
    ("the", 7, "det", "DET", "DT", "the"),
    ("plant", 9, "nsubj", "NOUN", "NN", "plant"),
    ("would", 9, "aux", "AUX", "MD", "would"),
    ("close", 5, "ccomp", "VERB", "VB", "close"),
    (".", 5, "punct", "PUNCT", ".", "."),
]

TITLE_BEFORE_NAME = [  # Treasury spokesman Lena Marsh said the figures were encouraging.
    ("Treasury", 1, "compound", "PROPN", "NNP", "Treasury"),
    ("spokesman", 3, "compound", "NOUN", "NN", "spokesman"),
    ("Lena", 3, "compound", "PROPN", "NNP", "Lena"),
    ("Marsh", 4, "nsubj", "PROPN", "NNP", "Marsh"),
    ("said", 4, "ROOT", "VERB", "VBD", "say"),
    ("the", 6, "det", "DET", "DT", "the"),
    ("figures", 7, "nsubj", "NOUN", "NNS", "figure"),
    ("were", 4, "ccomp", "AUX", "VBD", "be"),
    ("encouraging", 7, "acomp", "ADJ", "JJ", "encouraging"),
    (".", 4, "punct", "PUNCT", ".", "."),
]

THE_JUNTA = [  # The junta has promised elections next year.
    ("The", 1, "det", "DET", "DT", "the"),
    ("junta", 3, "nsubj", "NOUN", "NN", "junta"),
    ("has", 3, "aux", "AUX", "VBZ", "have"),
    ("promised", 3, "ROOT", "VERB", "VBN", "promise"),
    ("elections", 3, "dobj", "NOUN", "NNS", "election"),
    ("next", 6, "amod", "ADJ", "JJ", "next"),
    ("year", 3, "npadvmod", "NOUN", "NN", "year"),
    (".", 3, "punct", "PUNCT", ".", "."),
]

A_JUNTA = [  # A junta took power.
    ("A", 1, "det", "DET", "DT", "a"),
    ("junta", 2, "nsubj", "NOUN", "NN", "junta"),
    ("took", 2, "ROOT", "VERB", "VBD", "take"),
    ("power", 2, "dobj", "NOUN", "NN", "power"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

REPORT_BY_INSTITUTE = [  # A report by the Nordland Institute warned that rents would rise.
    ("A", 1, "det", "DET", "DT", "a"),
    ("report", 6, "nsubj", "NOUN", "NN", "report"),
    ("by", 1, "prep", "ADP", "IN", "by"),
    ("the", 5, "det", "DET", "DT", "the"),
    ("Nordland", 5, "compound", "PROPN", "NNP", "Nordland"),
    ("Institute", 2, "pobj", "PROPN", "NNP", "Institute"),
    ("warned", 6, "ROOT", "VERB", "VBD", "warn"),
    ("that", 10, "mark", "SCONJ", "IN", "that"),
    ("rents", 10, "nsubj", "NOUN", "NNS", "rent"),
    ("would", 10, "aux", "AUX", "MD", "would"),
    ("rise", 6, "ccomp", "VERB", "VB", "rise"),
    (".", 6, "punct", "PUNCT", ".", "."),
]
INSTITUTE = {4: "org:nordland institute", 5: "org:nordland institute"}

INSTITUTES_REPORT = [  # The Nordland Institute's report warned that rents would rise.
    ("The", 2, "det", "DET", "DT", "the"),
    ("Nordland", 2, "compound", "PROPN", "NNP", "Nordland"),
    ("Institute", 4, "poss", "PROPN", "NNP", "Institute"),
    ("'s", 2, "case", "PART", "POS", "'s"),
    ("report", 5, "nsubj", "NOUN", "NN", "report"),
    ("warned", 5, "ROOT", "VERB", "VBD", "warn"),
    ("that", 9, "mark", "SCONJ", "IN", "that"),
    ("rents", 9, "nsubj", "NOUN", "NNS", "rent"),
    ("would", 9, "aux", "AUX", "MD", "would"),
    ("rise", 5, "ccomp", "VERB", "VB", "rise"),
    (".", 5, "punct", "PUNCT", ".", "."),
]

THE_REPORT_WARNED = [  # The report warned that rents would rise.
    ("The", 1, "det", "DET", "DT", "the"),
    ("report", 2, "nsubj", "NOUN", "NN", "report"),
    ("warned", 2, "ROOT", "VERB", "VBD", "warn"),
    ("that", 6, "mark", "SCONJ", "IN", "that"),
    ("rents", 6, "nsubj", "NOUN", "NNS", "rent"),
    ("would", 6, "aux", "AUX", "MD", "would"),
    ("rise", 2, "ccomp", "VERB", "VB", "rise"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

READ_A_REPORT = [  # He read a report by the Nordland Institute.
    ("He", 1, "nsubj", "PRON", "PRP", "he"),
    ("read", 1, "ROOT", "VERB", "VBD", "read"),
    ("a", 3, "det", "DET", "DT", "a"),
    ("report", 1, "dobj", "NOUN", "NN", "report"),
    ("by", 3, "prep", "ADP", "IN", "by"),
    ("the", 7, "det", "DET", "DT", "the"),
    ("Nordland", 7, "compound", "PROPN", "NNP", "Nordland"),
    ("Institute", 4, "pobj", "PROPN", "NNP", "Institute"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

BEEKEEPERS_SAID = [  # Beekeepers said the spring had been wet.
    ("Beekeepers", 1, "nsubj", "NOUN", "NNS", "beekeeper"),
    ("said", 1, "ROOT", "VERB", "VBD", "say"),
    ("the", 3, "det", "DET", "DT", "the"),
    ("spring", 5, "nsubj", "NOUN", "NN", "spring"),
    ("had", 5, "aux", "AUX", "VBD", "have"),
    ("been", 1, "ccomp", "AUX", "VBN", "be"),
    ("wet", 5, "acomp", "ADJ", "JJ", "wet"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

BEEKEEPERS_CUT = [  # Beekeepers cut prices.
    ("Beekeepers", 1, "nsubj", "NOUN", "NNS", "beekeeper"),
    ("cut", 1, "ROOT", "VERB", "VBD", "cut"),
    ("prices", 1, "dobj", "NOUN", "NNS", "price"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

NUMBERS_SUGGEST = [  # Numbers suggest the plan failed.
    ("Numbers", 1, "nsubj", "NOUN", "NNS", "number"),
    ("suggest", 1, "ROOT", "VERB", "VBP", "suggest"),
    ("the", 3, "det", "DET", "DT", "the"),
    ("plan", 4, "nsubj", "NOUN", "NN", "plan"),
    ("failed", 1, "ccomp", "VERB", "VBD", "fail"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

URGED_FARMERS = [  # The minister urged farmers to accept the offer.
    ("The", 1, "det", "DET", "DT", "the"),
    ("minister", 2, "nsubj", "NOUN", "NN", "minister"),
    ("urged", 2, "ROOT", "VERB", "VBD", "urge"),
    ("farmers", 2, "dobj", "NOUN", "NNS", "farmer"),
    ("to", 5, "aux", "PART", "TO", "to"),
    ("accept", 2, "xcomp", "VERB", "VB", "accept"),
    ("the", 7, "det", "DET", "DT", "the"),
    ("offer", 5, "dobj", "NOUN", "NN", "offer"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

TOLD_FARMERS_TO = [  # The minister told farmers to accept the offer.
    ("The", 1, "det", "DET", "DT", "the"),
    ("minister", 2, "nsubj", "NOUN", "NN", "minister"),
    ("told", 2, "ROOT", "VERB", "VBD", "tell"),
    ("farmers", 2, "dobj", "NOUN", "NNS", "farmer"),
    ("to", 5, "aux", "PART", "TO", "to"),
    ("accept", 2, "xcomp", "VERB", "VB", "accept"),
    ("the", 7, "det", "DET", "DT", "the"),
    ("offer", 5, "dobj", "NOUN", "NN", "offer"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

TOLD_REPORTERS_THAT = [  # The minister told reporters that the plan was dead.
    ("The", 1, "det", "DET", "DT", "the"),
    ("minister", 2, "nsubj", "NOUN", "NN", "minister"),
    ("told", 2, "ROOT", "VERB", "VBD", "tell"),
    ("reporters", 2, "dobj", "NOUN", "NNS", "reporter"),
    ("that", 7, "mark", "SCONJ", "IN", "that"),
    ("the", 6, "det", "DET", "DT", "the"),
    ("plan", 7, "nsubj", "NOUN", "NN", "plan"),
    ("was", 2, "ccomp", "AUX", "VBD", "be"),
    ("dead", 7, "acomp", "ADJ", "JJ", "dead"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

CALLED_ON_FARMERS = [  # The minister called on farmers to accept the offer.
    ("The", 1, "det", "DET", "DT", "the"),
    ("minister", 2, "nsubj", "NOUN", "NN", "minister"),
    ("called", 2, "ROOT", "VERB", "VBD", "call"),
    ("on", 2, "prep", "ADP", "IN", "on"),
    ("farmers", 3, "pobj", "NOUN", "NNS", "farmer"),
    ("to", 6, "aux", "PART", "TO", "to"),
    ("accept", 2, "xcomp", "VERB", "VB", "accept"),
    ("the", 8, "det", "DET", "DT", "the"),
    ("offer", 6, "dobj", "NOUN", "NN", "offer"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

TALKS_WITH_UNIONS = [  # The minister held talks with unions.
    ("The", 1, "det", "DET", "DT", "the"),
    ("minister", 2, "nsubj", "NOUN", "NN", "minister"),
    ("held", 2, "ROOT", "VERB", "VBD", "hold"),
    ("talks", 2, "dobj", "NOUN", "NNS", "talk"),
    ("with", 3, "prep", "ADP", "IN", "with"),
    ("unions", 4, "pobj", "NOUN", "NNS", "union"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

PROBLEMS_WITH_UNIONS = [  # He described problems with unions.
    ("He", 1, "nsubj", "PRON", "PRP", "he"),
    ("described", 1, "ROOT", "VERB", "VBD", "describe"),
    ("problems", 1, "dobj", "NOUN", "NNS", "problem"),
    ("with", 2, "prep", "ADP", "IN", "with"),
    ("unions", 3, "pobj", "NOUN", "NNS", "union"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

ACCORDING_TO_ECONOMISTS = [  # According to economists, prices will rise.
    ("According", 6, "prep", "VERB", "VBG", "accord"),
    ("to", 0, "prep", "ADP", "IN", "to"),
    ("economists", 1, "pobj", "NOUN", "NNS", "economist"),
    (",", 6, "punct", "PUNCT", ",", ","),
    ("prices", 6, "nsubj", "NOUN", "NNS", "price"),
    ("will", 6, "aux", "AUX", "MD", "will"),
    ("rise", 6, "ROOT", "VERB", "VB", "rise"),
    (".", 6, "punct", "PUNCT", ".", "."),
]

LETTER_TO_ECONOMISTS = [  # He sent a letter to economists.
    ("He", 1, "nsubj", "PRON", "PRP", "he"),
    ("sent", 1, "ROOT", "VERB", "VBD", "send"),
    ("a", 3, "det", "DET", "DT", "a"),
    ("letter", 1, "dobj", "NOUN", "NN", "letter"),
    ("to", 1, "prep", "ADP", "IN", "to"),
    ("economists", 4, "pobj", "NOUN", "NNS", "economist"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

SOME_ECONOMISTS = [  # Some economists said the deal was unlikely.
    ("Some", 1, "det", "DET", "DT", "some"),
    ("economists", 2, "nsubj", "NOUN", "NNS", "economist"),
    ("said", 2, "ROOT", "VERB", "VBD", "say"),
    ("the", 4, "det", "DET", "DT", "the"),
    ("deal", 5, "nsubj", "NOUN", "NN", "deal"),
    ("was", 2, "ccomp", "AUX", "VBD", "be"),
    ("unlikely", 5, "acomp", "ADJ", "JJ", "unlikely"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

OFFICIALS_AT_INSTITUTE = [  # Officials at the Nordland Institute said rents would rise.
    ("Officials", 5, "nsubj", "NOUN", "NNS", "official"),
    ("at", 0, "prep", "ADP", "IN", "at"),
    ("the", 4, "det", "DET", "DT", "the"),
    ("Nordland", 4, "compound", "PROPN", "NNP", "Nordland"),
    ("Institute", 1, "pobj", "PROPN", "NNP", "Institute"),
    ("said", 5, "ROOT", "VERB", "VBD", "say"),
    ("rents", 8, "nsubj", "NOUN", "NNS", "rent"),
    ("would", 8, "aux", "AUX", "MD", "would"),
    ("rise", 5, "ccomp", "VERB", "VB", "rise"),
    (".", 5, "punct", "PUNCT", ".", "."),
]

TWO_FIRMS = [  # The two firms said the deal was off.
    ("The", 2, "det", "DET", "DT", "the"),
    ("two", 2, "nummod", "NUM", "CD", "two"),
    ("firms", 3, "nsubj", "NOUN", "NNS", "firm"),
    ("said", 3, "ROOT", "VERB", "VBD", "say"),
    ("the", 5, "det", "DET", "DT", "the"),
    ("deal", 6, "nsubj", "NOUN", "NN", "deal"),
    ("was", 3, "ccomp", "AUX", "VBD", "be"),
    ("off", 6, "advmod", "ADV", "RB", "off"),
    (".", 3, "punct", "PUNCT", ".", "."),
]

PEOPLE_SAID = [  # People said the deal was off.
    ("People", 1, "nsubj", "NOUN", "NNS", "people"),
    ("said", 1, "ROOT", "VERB", "VBD", "say"),
    ("the", 3, "det", "DET", "DT", "the"),
    ("deal", 4, "nsubj", "NOUN", "NN", "deal"),
    ("was", 1, "ccomp", "AUX", "VBD", "be"),
    ("off", 4, "advmod", "ADV", "RB", "off"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

HIS_OFFICERS = [  # His three senior officers said the deal was off.
    ("His", 3, "poss", "PRON", "PRP$", "his"),
    ("three", 3, "nummod", "NUM", "CD", "three"),
    ("senior", 3, "amod", "ADJ", "JJ", "senior"),
    ("officers", 4, "nsubj", "NOUN", "NNS", "officer"),
    ("said", 4, "ROOT", "VERB", "VBD", "say"),
    ("the", 6, "det", "DET", "DT", "the"),
    ("deal", 7, "nsubj", "NOUN", "NN", "deal"),
    ("was", 4, "ccomp", "AUX", "VBD", "be"),
    ("off", 7, "advmod", "ADV", "RB", "off"),
    (".", 4, "punct", "PUNCT", ".", "."),
]

SENIOR_OFFICERS = [  # Senior officers said the deal was off.
    ("Senior", 1, "amod", "ADJ", "JJ", "senior"),
    ("officers", 2, "nsubj", "NOUN", "NNS", "officer"),
    ("said", 2, "ROOT", "VERB", "VBD", "say"),
    ("the", 4, "det", "DET", "DT", "the"),
    ("deal", 5, "nsubj", "NOUN", "NN", "deal"),
    ("was", 2, "ccomp", "AUX", "VBD", "be"),
    ("off", 5, "advmod", "ADV", "RB", "off"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

ACME_OFFICIALS = [  # Acme officials said the plant would close.
    ("Acme", 1, "compound", "PROPN", "NNP", "Acme"),
    ("officials", 2, "nsubj", "NOUN", "NNS", "official"),
    ("said", 2, "ROOT", "VERB", "VBD", "say"),
    ("the", 4, "det", "DET", "DT", "the"),
    ("plant", 6, "nsubj", "NOUN", "NN", "plant"),
    ("would", 6, "aux", "AUX", "MD", "would"),
    ("close", 2, "ccomp", "VERB", "VB", "close"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

MET_THE_ANALYSTS = [  # He met the analysts on Monday.
    ("He", 1, "nsubj", "PRON", "PRP", "he"),
    ("met", 1, "ROOT", "VERB", "VBD", "meet"),
    ("the", 3, "det", "DET", "DT", "the"),
    ("analysts", 1, "dobj", "NOUN", "NNS", "analyst"),
    ("on", 1, "prep", "ADP", "IN", "on"),
    ("Monday", 4, "pobj", "PROPN", "NNP", "Monday"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

MET_ANALYSTS = [  # He met analysts on Monday.
    ("He", 1, "nsubj", "PRON", "PRP", "he"),
    ("met", 1, "ROOT", "VERB", "VBD", "meet"),
    ("analysts", 1, "dobj", "NOUN", "NNS", "analyst"),
    ("on", 1, "prep", "ADP", "IN", "on"),
    ("Monday", 3, "pobj", "PROPN", "NNP", "Monday"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

OPPOSITION_MPS = [  # Opposition MPs said the bill was rushed.
    ("Opposition", 1, "compound", "NOUN", "NN", "opposition"),
    ("MPs", 2, "nsubj", "NOUN", "NNS", "mp"),
    ("said", 2, "ROOT", "VERB", "VBD", "say"),
    ("the", 4, "det", "DET", "DT", "the"),
    ("bill", 6, "nsubjpass", "NOUN", "NN", "bill"),
    ("was", 6, "auxpass", "AUX", "VBD", "be"),
    ("rushed", 2, "ccomp", "VERB", "VBN", "rush"),
    (".", 2, "punct", "PUNCT", ".", "."),
]


# --- kg.resolve.unnamed ------------------------------------------------------


def acting(found):
    """The mentions in an actor's position (a bare plural elsewhere, acting=False,
    only joins a group named acting in the same story)."""
    return [m for m in found if m.acting]


def test_plural_group_noun_as_subject_of_a_speech_verb_is_a_group():
    doc = parse(FARM_UNIONS)
    found = acting(find_unnamed(doc, {}))
    assert len(found) == 1  # "small growers", the object of "ruin", is no actor
    m = found[0]
    assert (m.start, m.end, doc[m.head].text) == (0, 2, "unions")
    assert m.kind == "Group" and m.aliases == ("Farm unions",)
    assert m.acting and not m.definite and m.owner is None


def test_group_noun_as_subject_of_a_weak_verb_is_no_actor():
    assert acting(find_unnamed(parse(UNIONS_HAVE_DOUBTS), {})) == []


def test_weak_verb_governing_a_commitment_verb_makes_its_subject_act():
    doc = parse(UNIONS_WANT_TO_AGREE)
    (m,) = find_unnamed(doc, {})
    assert doc[m.head].text == "Unions" and m.kind == "Group" and m.acting


def test_conjuncts_share_the_subject_position():
    doc = parse(FARMERS_AND_UNIONS)
    found = find_unnamed(doc, {})
    assert [doc[m.head].text for m in found] == ["Farmers", "unions"]
    assert all(m.kind == "Group" and m.acting for m in found)


def test_singular_person_noun_with_indefinite_article_is_a_person_with_its_owner():
    doc = parse(TREASURY_SPOKESMAN, ents=["O", "B-ORG"] + ["O"] * 7)
    (m,) = find_unnamed(doc, {1: "org:treasury"})
    assert m.kind == "Person" and (m.start, m.end) == (1, 3)
    assert m.aliases == ("Treasury spokesman", "a Treasury spokesman")
    assert m.owner == 1 and m.acting and not m.definite


def test_spokesman_for_an_organisation_names_its_owner_and_the_longer_alias():
    doc = parse(SPOKESMAN_FOR_ACME)
    (m,) = find_unnamed(doc, {3: "org:acme foods", 4: "org:acme foods"})
    assert m.kind == "Person" and m.owner == 4
    assert m.aliases[0] == "spokesman for Acme Foods"
    assert "a spokesman" in m.aliases


def test_title_before_a_name_is_not_an_unnamed_person():
    doc = parse(TITLE_BEFORE_NAME)
    token_key = {0: "org:treasury", 2: "person:lena marsh", 3: "person:lena marsh"}
    assert find_unnamed(doc, token_key) == []


def test_institution_noun_with_the_is_an_organisation():
    doc = parse(THE_JUNTA)
    (m,) = find_unnamed(doc, {})
    assert m.kind == "Organization" and m.aliases == ("junta",)
    assert (m.start, m.end) == (1, 2) and m.definite and m.acting


def test_institution_noun_with_a_is_an_organisation_too():
    # "A junta took power": an unnamed body acting is an actor, whatever its article.
    (m,) = find_unnamed(parse(A_JUNTA), {})
    assert m.kind == "Organization" and not m.definite


def test_report_by_a_named_issuer_is_a_document_owned_by_it():
    doc = parse(REPORT_BY_INSTITUTE, ents=["O", "O", "O", "O", "B-ORG", "I-ORG"] + ["O"] * 6)
    (m,) = find_unnamed(doc, INSTITUTE)
    assert m.kind == "Document" and doc[m.head].text == "report"
    assert m.owner == 5 and m.acting
    assert "a report" in m.aliases


def test_possessive_issuer_owns_the_report():
    doc = parse(INSTITUTES_REPORT)
    (m,) = find_unnamed(doc, {1: "org:nordland institute", 2: "org:nordland institute"})
    assert m.kind == "Document" and m.owner == 2


def test_report_without_an_issuer_is_left_to_the_resolver():
    # "The report warned" names no issuer: found as a definite Document with no
    # owner, which the resolver links only to the issuer of an earlier report.
    found = find_unnamed(parse(THE_REPORT_WARNED), {})
    assert [(m.kind, m.owner, m.definite) for m in found] == [("Document", None, True)]


def test_report_that_is_only_read_is_not_found():
    assert find_unnamed(parse(READ_A_REPORT), {6: "org:nordland institute", 7: "org:nordland institute"}) == []


def test_later_definite_report_is_found_for_the_resolver_to_link_to_its_issuer():
    doc = parse(REPORT_BY_INSTITUTE + [(w, h + 12, d, p, t, l) for w, h, d, p, t, l in THE_REPORT_WARNED])
    found = find_unnamed(doc, INSTITUTE)
    later = [m for m in found if m.head == 13]
    assert later and later[0].kind == "Document" and later[0].definite


def test_plural_agentive_noun_as_subject_of_a_speech_verb_is_a_group():
    doc = parse(BEEKEEPERS_SAID)  # "beekeeper" is in no table: the -er of a speaker does it
    (m,) = find_unnamed(doc, {})
    assert m.kind == "Group" and m.aliases == ("Beekeepers",) and m.acting


def test_plural_agentive_noun_of_another_verb_is_no_actor():
    assert find_unnamed(parse(BEEKEEPERS_CUT), {}) == []


def test_not_agentive_plural_is_no_speaker():
    assert find_unnamed(parse(NUMBERS_SUGGEST), {}) == []


def test_addressee_of_urge_is_an_actor():
    doc = parse(URGED_FARMERS)
    found = find_unnamed(doc, {})
    assert [(doc[m.head].text, m.kind, m.acting) for m in found] == [("farmers", "Group", True)]


def test_addressee_of_tell_acts_only_with_an_infinitive():
    doc = parse(TOLD_FARMERS_TO)
    assert [doc[m.head].text for m in find_unnamed(doc, {})] == ["farmers"]
    assert acting(find_unnamed(parse(TOLD_REPORTERS_THAT), {})) == []  # "told reporters that": an audience


def test_called_on_farmers_to_is_an_addressee():
    doc = parse(CALLED_ON_FARMERS)
    (m,) = find_unnamed(doc, {})
    assert doc[m.head].text == "farmers" and m.kind == "Group" and m.acting


def test_other_side_of_talks_is_an_actor():
    doc = parse(TALKS_WITH_UNIONS)
    (m,) = find_unnamed(doc, {})  # "the minister": a singular group noun is nobody unnamed
    assert doc[m.head].text == "unions" and m.kind == "Group" and m.acting


def test_with_after_a_noun_that_is_no_negotiation_is_no_actor():
    assert acting(find_unnamed(parse(PROBLEMS_WITH_UNIONS), {})) == []


def test_source_of_according_to_is_an_actor():
    doc = parse(ACCORDING_TO_ECONOMISTS)
    (m,) = find_unnamed(doc, {})
    assert doc[m.head].text == "economists" and m.kind == "Group" and m.acting


def test_object_of_another_to_is_no_actor():
    assert acting(find_unnamed(parse(LETTER_TO_ECONOMISTS), {})) == []


def test_quantifier_gives_a_shorter_alias():
    doc = parse(SOME_ECONOMISTS)
    (m,) = find_unnamed(doc, {})
    assert m.aliases == ("Some economists", "economists") and (m.start, m.end) == (0, 2)


def test_following_at_phrase_is_part_of_the_phrase_and_names_the_owner():
    doc = parse(OFFICIALS_AT_INSTITUTE)
    (m,) = find_unnamed(doc, {3: "org:nordland institute", 4: "org:nordland institute"})
    assert m.kind == "Group" and m.owner == 4 and (m.start, m.end) == (0, 5)
    assert m.aliases == ("Officials at the Nordland Institute", "Officials")


def test_numbered_and_generic_heads_point_back_at_nobody_new():
    assert find_unnamed(parse(TWO_FIRMS), {}) == []
    three = [("Three", 2, "nummod", "NUM", "CD", "three")] + HIS_OFFICERS[1:]  # "Three senior officers said"
    assert find_unnamed(parse(three), {}) == []
    assert find_unnamed(parse(PEOPLE_SAID), {}) == []


def test_pronoun_possessive_leaves_the_phrase_to_the_pronoun():
    assert find_unnamed(parse(HIS_OFFICERS), {}) == []
    doc = parse(SENIOR_OFFICERS)
    (m,) = find_unnamed(doc, {})
    assert m.kind == "Group" and m.aliases == ("Senior officers",)


def test_a_token_that_stands_for_a_name_is_no_unnamed_actor():
    doc = parse(ACME_OFFICIALS)
    assert find_unnamed(doc, {0: "org:acme", 1: "org:acme"}) == []
    (m,) = find_unnamed(doc, {0: "org:acme"})
    assert doc[m.head].text == "officials" and m.owner == 0


def test_definite_phrase_out_of_actor_position_is_a_later_mention_only():
    doc = parse(MET_THE_ANALYSTS)
    (m,) = find_unnamed(doc, {})
    assert doc[m.head].text == "analysts" and m.definite and not m.acting
    assert acting(find_unnamed(parse(MET_ANALYSTS), {})) == []


def test_modifiers_are_the_narrowing_words_without_pronouns():
    doc = parse(OPPOSITION_MPS)
    assert modifiers(doc[1]) == {"opposition"}
    (m,) = find_unnamed(doc, {})
    assert m.kind == "Group" and m.aliases == ("Opposition MPs",)
    doc = parse(HIS_OFFICERS)
    assert modifiers(doc[3]) == {"three", "senior"}
    assert modifiers(parse(FARMERS_AND_UNIONS)[0]) == frozenset()


# --- kg.resolve.actorhood ----------------------------------------------------

ACME = LocalEntity(0, "org:acme foods", "Acme Foods", "Organization")
FREEDONIA = LocalEntity(1, "country:FD", "Freedonia", "Country")
NORDLAND = LocalEntity(2, "country:NL", "Nordland", "Country")
MARSH = LocalEntity(3, "person:lena marsh", "Lena Marsh", "Person")
ENTITIES = {e.key: e for e in (ACME, FREEDONIA, NORDLAND, MARSH)}

ACME_SCANDAL = [  # The Acme scandal rocked the market.
    ("The", 2, "det", "DET", "DT", "the"),
    ("Acme", 2, "compound", "PROPN", "NNP", "Acme"),
    ("scandal", 3, "nsubj", "NOUN", "NN", "scandal"),
    ("rocked", 3, "ROOT", "VERB", "VBD", "rock"),
    ("the", 5, "det", "DET", "DT", "the"),
    ("market", 3, "dobj", "NOUN", "NN", "market"),
    (".", 3, "punct", "PUNCT", ".", "."),
]

ACME_REJECTED = [  # Acme Foods rejected the offer.
    ("Acme", 1, "compound", "PROPN", "NNP", "Acme"),
    ("Foods", 2, "nsubj", "PROPN", "NNP", "Foods"),
    ("rejected", 2, "ROOT", "VERB", "VBD", "reject"),
    ("the", 4, "det", "DET", "DT", "the"),
    ("offer", 2, "dobj", "NOUN", "NN", "offer"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

ACME_BANK = [  # The Acme bank said profits rose.
    ("The", 2, "det", "DET", "DT", "the"),
    ("Acme", 2, "compound", "PROPN", "NNP", "Acme"),
    ("bank", 3, "nsubj", "NOUN", "NN", "bank"),
    ("said", 3, "ROOT", "VERB", "VBD", "say"),
    ("profits", 5, "nsubj", "NOUN", "NNS", "profit"),
    ("rose", 3, "ccomp", "VERB", "VBD", "rise"),
    (".", 3, "punct", "PUNCT", ".", "."),
]

ACME_RADIO_STATION = [  # The Acme radio station reported the news.
    ("The", 3, "det", "DET", "DT", "the"),
    ("Acme", 3, "compound", "PROPN", "NNP", "Acme"),
    ("radio", 3, "compound", "NOUN", "NN", "radio"),
    ("station", 4, "nsubj", "NOUN", "NN", "station"),
    ("reported", 4, "ROOT", "VERB", "VBD", "report"),
    ("the", 6, "det", "DET", "DT", "the"),
    ("news", 4, "dobj", "NOUN", "NN", "news"),
    (".", 4, "punct", "PUNCT", ".", "."),
]

FREEDONIAS_CHANCELLOR = [  # Freedonia's chancellor resigned.
    ("Freedonia", 2, "poss", "PROPN", "NNP", "Freedonia"),
    ("'s", 0, "case", "PART", "POS", "'s"),
    ("chancellor", 3, "nsubj", "NOUN", "NN", "chancellor"),
    ("resigned", 3, "ROOT", "VERB", "VBD", "resign"),
    (".", 3, "punct", "PUNCT", ".", "."),
]

HOUSE_PRICES_IN = [  # House prices in Freedonia rose.
    ("House", 1, "compound", "NOUN", "NN", "house"),
    ("prices", 4, "nsubj", "NOUN", "NNS", "price"),
    ("in", 1, "prep", "ADP", "IN", "in"),
    ("Freedonia", 2, "pobj", "PROPN", "NNP", "Freedonia"),
    ("rose", 4, "ROOT", "VERB", "VBD", "rise"),
    (".", 4, "punct", "PUNCT", ".", "."),
]

FREEDONIA_REJECTED = [  # Freedonia rejected the plan.
    ("Freedonia", 1, "nsubj", "PROPN", "NNP", "Freedonia"),
    ("rejected", 1, "ROOT", "VERB", "VBD", "reject"),
    ("the", 3, "det", "DET", "DT", "the"),
    ("plan", 1, "dobj", "NOUN", "NN", "plan"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

REJECTED_BY_FREEDONIA = [  # The plan was rejected by Freedonia.
    ("The", 1, "det", "DET", "DT", "the"),
    ("plan", 3, "nsubjpass", "NOUN", "NN", "plan"),
    ("was", 3, "auxpass", "AUX", "VBD", "be"),
    ("rejected", 3, "ROOT", "VERB", "VBN", "reject"),
    ("by", 3, "agent", "ADP", "IN", "by"),
    ("Freedonia", 4, "pobj", "PROPN", "NNP", "Freedonia"),
    (".", 3, "punct", "PUNCT", ".", "."),
]

TALKS_WITH_FREEDONIA = [  # The government held talks with Freedonia.
    ("The", 1, "det", "DET", "DT", "the"),
    ("government", 2, "nsubj", "NOUN", "NN", "government"),
    ("held", 2, "ROOT", "VERB", "VBD", "hold"),
    ("talks", 2, "dobj", "NOUN", "NNS", "talk"),
    ("with", 3, "prep", "ADP", "IN", "with"),
    ("Freedonia", 4, "pobj", "PROPN", "NNP", "Freedonia"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

FREEDONIA_AND_NORDLAND = [  # Freedonia and Nordland rejected the plan.
    ("Freedonia", 3, "nsubj", "PROPN", "NNP", "Freedonia"),
    ("and", 0, "cc", "CCONJ", "CC", "and"),
    ("Nordland", 0, "conj", "PROPN", "NNP", "Nordland"),
    ("rejected", 3, "ROOT", "VERB", "VBD", "reject"),
    ("the", 5, "det", "DET", "DT", "the"),
    ("plan", 3, "dobj", "NOUN", "NN", "plan"),
    (".", 3, "punct", "PUNCT", ".", "."),
]

FREEDONIAN_TROOPS = [  # Freedonian troops crossed the border.
    ("Freedonian", 1, "amod", "ADJ", "JJ", "freedonian"),
    ("troops", 2, "nsubj", "NOUN", "NNS", "troop"),
    ("crossed", 2, "ROOT", "VERB", "VBD", "cross"),
    ("the", 4, "det", "DET", "DT", "the"),
    ("border", 2, "dobj", "NOUN", "NN", "border"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

FREEDONIAN_WINE = [  # Freedonian wine sold well.
    ("Freedonian", 1, "amod", "ADJ", "JJ", "freedonian"),
    ("wine", 2, "nsubj", "NOUN", "NN", "wine"),
    ("sold", 2, "ROOT", "VERB", "VBD", "sell"),
    ("well", 2, "advmod", "ADV", "RB", "well"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

DEATH_OF_MARSH = [  # Mourners marked the death of Lena Marsh.
    ("Mourners", 1, "nsubj", "NOUN", "NNS", "mourner"),
    ("marked", 1, "ROOT", "VERB", "VBD", "mark"),
    ("the", 3, "det", "DET", "DT", "the"),
    ("death", 1, "dobj", "NOUN", "NN", "death"),
    ("of", 3, "prep", "ADP", "IN", "of"),
    ("Lena", 6, "compound", "PROPN", "NNP", "Lena"),
    ("Marsh", 4, "pobj", "PROPN", "NNP", "Marsh"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def test_organisation_used_only_as_a_modifier_is_no_actor():
    assert acting_keys(parse(ACME_SCANDAL), {1: ACME.key}, ENTITIES) == set()


def test_organisation_as_subject_acts():
    assert acting_keys(parse(ACME_REJECTED), {0: ACME.key, 1: ACME.key}, ENTITIES) == {ACME.key}


def test_name_modifying_an_organisation_noun_acts_through_it():
    assert acting_keys(parse(ACME_BANK), {1: ACME.key}, ENTITIES) == {ACME.key}


def test_name_before_radio_station_acts_through_the_station():
    assert acting_keys(parse(ACME_RADIO_STATION), {1: ACME.key}, ENTITIES) == {ACME.key}


def test_country_possessive_is_no_act_of_the_state():
    doc = parse(FREEDONIAS_CHANCELLOR)
    assert acting_keys(doc, {0: FREEDONIA.key}, ENTITIES) == set()
    # an organisation's possessive is an argument (actor_dependencies has "poss"): countries are stricter
    assert acting_keys(doc, {0: ACME.key}, ENTITIES) == {ACME.key}


def test_country_as_a_location_is_no_act():
    assert acting_keys(parse(HOUSE_PRICES_IN), {3: FREEDONIA.key}, ENTITIES) == set()


def test_country_as_subject_agent_or_partner_acts():
    assert acting_keys(parse(FREEDONIA_REJECTED), {0: FREEDONIA.key}, ENTITIES) == {FREEDONIA.key}
    assert acting_keys(parse(REJECTED_BY_FREEDONIA), {5: FREEDONIA.key}, ENTITIES) == {FREEDONIA.key}
    assert acting_keys(parse(TALKS_WITH_FREEDONIA), {5: FREEDONIA.key}, ENTITIES) == {FREEDONIA.key}


def test_conjoined_countries_share_the_subject_role():
    doc = parse(FREEDONIA_AND_NORDLAND)
    assert acting_keys(doc, {0: FREEDONIA.key, 2: NORDLAND.key}, ENTITIES) == {FREEDONIA.key, NORDLAND.key}


def test_demonym_acts_through_a_collective_noun_only():
    assert acting_keys(parse(FREEDONIAN_TROOPS), {0: FREEDONIA.key}, ENTITIES) == {FREEDONIA.key}
    assert acting_keys(parse(FREEDONIAN_WINE), {0: FREEDONIA.key}, ENTITIES) == set()


def test_named_person_is_always_in_the_story():
    doc = parse(DEATH_OF_MARSH)
    assert acting_keys(doc, {5: MARSH.key, 6: MARSH.key}, ENTITIES) == {MARSH.key}


def test_key_without_an_entity_is_ignored():
    assert acting_keys(parse(FREEDONIA_REJECTED), {0: "country:XX"}, ENTITIES) == set()


def test_participants_are_the_keys_facts_name():
    commitments = [
        Commitment("c1", ACME.key, "promise", "to cut prices", target=None,
                   partners=[NORDLAND.key], reported_by=MARSH.key),
        Commitment("c2", FREEDONIA.key, "demand", "a ceasefire", target="org:zenith"),
    ]
    statements = [Statement("s1", "person:ana ruiz", "the deal is off", quote=True),
                  Statement("s2", "", "nothing", quote=False)]
    assert participants(commitments, statements) == {
        ACME.key, NORDLAND.key, MARSH.key, FREEDONIA.key, "org:zenith", "person:ana ruiz"}
    assert participants([], []) == set()


# --- kg.extract.mentions -----------------------------------------------------


def cleaned(rows, start=0, end=None, person=False, **kw):
    doc = parse(rows, **kw)
    span = Span(doc, start, len(doc) if end is None else end, label="PERSON" if person else "ORG")
    span = _clean(span, person=True) if person else _clean(span)
    return None if span is None else span.text


HEADLINE_RUN_ON = [  # "Acme Foods\n\nThe operator said..." (the NER ran the headline into the body)
    ("Acme", 1, "compound", "PROPN", "NNP", "Acme"),
    ("Foods", 1, "ROOT", "PROPN", "NNP", "Foods"),
    ("\n\n", 1, "dep", "SPACE", "_SP", "\n\n"),
    ("The", 4, "det", "DET", "DT", "the"),
    ("operator", 5, "nsubj", "NOUN", "NN", "operator"),
    ("said", 5, "ROOT", "VERB", "VBD", "say"),
]


def test_name_is_cut_at_a_line_break():
    spaces = [True, False, False, True, True, False]
    assert cleaned(HEADLINE_RUN_ON, 0, 4, spaces=spaces) == "Acme Foods"
    assert cleaned(HEADLINE_RUN_ON, 0, 2, spaces=spaces) == "Acme Foods"


SCORE = [  # Lena Marsh 6-3 7-5 (tokenised as spaCy does)
    ("Lena", 1, "compound", "PROPN", "NNP", "Lena"),
    ("Marsh", 1, "ROOT", "PROPN", "NNP", "Marsh"),
    ("6", 1, "nummod", "NUM", "CD", "6"),
    ("-", 4, "punct", "SYM", "SYM", "-"),
    ("3", 2, "prep", "NUM", "CD", "3"),
    ("7", 1, "nummod", "NUM", "CD", "7"),
    ("-", 7, "punct", "SYM", "SYM", "-"),
    ("5", 5, "prep", "NUM", "CD", "5"),
]

NUMBERED_NAME = [  # Acme 2000
    ("Acme", 1, "compound", "PROPN", "NNP", "Acme"),
    ("2000", 1, "ROOT", "NUM", "CD", "2000"),
]


def test_trailing_score_is_cut_but_a_number_in_a_name_is_kept():
    assert cleaned(SCORE, spaces=[True, True, False, False, True, False, False, False]) == "Lena Marsh"
    assert cleaned(NUMBERED_NAME) == "Acme 2000"


BANK_OF = [  # "... the Bank of" (the NER took the preposition)
    ("Bank", 0, "ROOT", "PROPN", "NNP", "Bank"),
    ("of", 0, "prep", "ADP", "IN", "of"),
]

BANK_OF_FREEDONIA = [
    ("Bank", 0, "ROOT", "PROPN", "NNP", "Bank"),
    ("of", 0, "prep", "ADP", "IN", "of"),
    ("Freedonia", 1, "pobj", "PROPN", "NNP", "Freedonia"),
]


def test_trailing_of_is_cut_but_an_inner_of_is_kept():
    assert cleaned(BANK_OF) == "Bank"
    assert cleaned(BANK_OF_FREEDONIA) == "Bank of Freedonia"


LENDER_ACME = [  # "a lender Acme Holdings"
    ("a", 1, "det", "DET", "DT", "a"),
    ("lender", 3, "compound", "NOUN", "NN", "lender"),
    ("Acme", 3, "compound", "PROPN", "NNP", "Acme"),
    ("Holdings", 3, "ROOT", "PROPN", "NNP", "Holdings"),
]


def test_leading_article_and_lower_case_descriptor_are_cut():
    assert cleaned(LENDER_ACME) == "Acme Holdings"
    assert cleaned(LENDER_ACME, 1) == "Acme Holdings"
    an = [("an", 2, "det", "DET", "DT", "an"), ("Acme", 2, "compound", "PROPN", "NNP", "Acme"),
          ("Holdings", 2, "ROOT", "PROPN", "NNP", "Holdings")]
    assert cleaned(an) == "Acme Holdings"


def test_capitalised_first_word_is_kept():
    rows = [("Nordland", 1, "compound", "PROPN", "NNP", "Nordland"),
            ("Institute", 1, "ROOT", "PROPN", "NNP", "Institute")]
    assert cleaned(rows) == "Nordland Institute"


UNCLOSED_BRACKET = [  # "Tom (Marsh" (the NER stopped inside the bracket)
    ("Tom", 0, "ROOT", "PROPN", "NNP", "Tom"),
    ("(", 0, "punct", "PUNCT", "-LRB-", "("),
    ("Marsh", 0, "appos", "PROPN", "NNP", "Marsh"),
]

CLOSED_BRACKET = [  # "Acme Foods (Freedonia)"
    ("Acme", 1, "compound", "PROPN", "NNP", "Acme"),
    ("Foods", 1, "ROOT", "PROPN", "NNP", "Foods"),
    ("(", 1, "punct", "PUNCT", "-LRB-", "("),
    ("Freedonia", 1, "appos", "PROPN", "NNP", "Freedonia"),
    (")", 1, "punct", "PUNCT", "-RRB-", ")"),
]


INNER_BRACKET = [  # "Acme (Freedonia) Holdings"
    ("Acme", 4, "compound", "PROPN", "NNP", "Acme"),
    ("(", 2, "punct", "PUNCT", "-LRB-", "("),
    ("Freedonia", 0, "appos", "PROPN", "NNP", "Freedonia"),
    (")", 2, "punct", "PUNCT", "-RRB-", ")"),
    ("Holdings", 4, "ROOT", "PROPN", "NNP", "Holdings"),
]


def test_name_is_cut_before_an_unclosed_bracket_but_not_a_closed_one():
    assert cleaned(UNCLOSED_BRACKET) == "Tom"
    assert cleaned(INNER_BRACKET, spaces=[True, False, False, True, False]) == "Acme (Freedonia) Holdings"


def test_closed_bracket_leaves_no_unclosed_bracket():
    text = cleaned(CLOSED_BRACKET)
    assert text is not None and text.count("(") == text.count(")")


SPACED_DASH = [  # "the Nordland Development Bank - one"
    ("the", 3, "det", "DET", "DT", "the"),
    ("Nordland", 3, "compound", "PROPN", "NNP", "Nordland"),
    ("Development", 3, "compound", "PROPN", "NNP", "Development"),
    ("Bank", 5, "compound", "PROPN", "NNP", "Bank"),
    ("-", 5, "punct", "PUNCT", "HYPH", "-"),
    ("one", 5, "ROOT", "NUM", "CD", "one"),
]

HYPHENATED = [  # "Acme-Zenith"
    ("Acme", 2, "compound", "PROPN", "NNP", "Acme"),
    ("-", 2, "punct", "PUNCT", "HYPH", "-"),
    ("Zenith", 2, "ROOT", "PROPN", "NNP", "Zenith"),
]


def test_name_is_cut_before_a_spaced_dash_but_not_at_a_hyphen():
    assert cleaned(SPACED_DASH) == "Nordland Development Bank"
    assert cleaned(HYPHENATED, spaces=[False, False, False]) == "Acme-Zenith"


DEMONYM_NAME = [  # "American Lena Marsh"
    ("American", 2, "compound", "PROPN", "NNP", "American"),
    ("Lena", 2, "compound", "PROPN", "NNP", "Lena"),
    ("Marsh", 2, "ROOT", "PROPN", "NNP", "Marsh"),
]


DEMONYM_COMPANY = [  # "American Widget Company"
    ("American", 2, "compound", "PROPN", "NNP", "American"),
    ("Widget", 2, "compound", "PROPN", "NNP", "Widget"),
    ("Company", 2, "ROOT", "PROPN", "NNP", "Company"),
]


def test_leading_demonym_before_a_capitalised_person_name_is_cut():
    assert cleaned(DEMONYM_NAME, person=True) == "Lena Marsh"


def test_demonym_alone_unknown_or_in_an_organisation_name_is_kept():
    assert cleaned([("American", 0, "ROOT", "PROPN", "NNP", "American")], person=True) == "American"
    unknown = [("Freedonian", 2, "compound", "PROPN", "NNP", "Freedonian")] + DEMONYM_NAME[1:]
    assert cleaned(unknown, person=True) == "Freedonian Lena Marsh"  # not a demonym the gazetteer knows
    assert cleaned(DEMONYM_COMPANY) == "American Widget Company"  # only a person's name loses it


def test_span_of_nothing_but_an_article_is_none():
    assert cleaned([("The", 0, "ROOT", "DET", "DT", "the")]) is None


ZQX_SAID = [  # ZQX said the service would start soon.
    ("ZQX", 1, "nsubj", "PROPN", "NNP", "ZQX"),
    ("said", 1, "ROOT", "VERB", "VBD", "say"),
    ("the", 3, "det", "DET", "DT", "the"),
    ("service", 5, "nsubj", "NOUN", "NN", "service"),
    ("would", 5, "aux", "AUX", "MD", "would"),
    ("start", 1, "ccomp", "VERB", "VB", "start"),
    ("soon", 5, "advmod", "ADV", "RB", "soon"),
    (".", 1, "punct", "PUNCT", ".", "."),
]

APPROVED_BY_ZQX = [  # The plan was approved by ZQX.
    ("The", 1, "det", "DET", "DT", "the"),
    ("plan", 3, "nsubjpass", "NOUN", "NN", "plan"),
    ("was", 3, "auxpass", "AUX", "VBD", "be"),
    ("approved", 3, "ROOT", "VERB", "VBN", "approve"),
    ("by", 3, "agent", "ADP", "IN", "by"),
    ("ZQX", 4, "pobj", "PROPN", "NNP", "ZQX"),
    (".", 3, "punct", "PUNCT", ".", "."),
]

SHARES_IN_CABLE_COMPANY = [  # Shares in cable company ZQX fell.
    ("Shares", 5, "nsubj", "NOUN", "NNS", "share"),
    ("in", 0, "prep", "ADP", "IN", "in"),
    ("cable", 3, "compound", "NOUN", "NN", "cable"),
    ("company", 4, "compound", "NOUN", "NN", "company"),
    ("ZQX", 1, "pobj", "PROPN", "NNP", "ZQX"),
    ("fell", 5, "ROOT", "VERB", "VBD", "fall"),
    (".", 5, "punct", "PUNCT", ".", "."),
]

SHARES_IN_ZQX = [  # Shares in ZQX fell.
    ("Shares", 3, "nsubj", "NOUN", "NNS", "share"),
    ("in", 0, "prep", "ADP", "IN", "in"),
    ("ZQX", 1, "pobj", "PROPN", "NNP", "ZQX"),
    ("fell", 3, "ROOT", "VERB", "VBD", "fall"),
    (".", 3, "punct", "PUNCT", ".", "."),
]


def test_unlabelled_acronym_as_subject_or_agent_is_an_organisation():
    assert _is_acronym_subject(parse(ZQX_SAID)[0])
    assert _is_acronym_subject(parse(APPROVED_BY_ZQX)[5])


def test_acronym_after_an_organisation_noun_is_an_organisation():
    assert _is_acronym_subject(parse(SHARES_IN_CABLE_COMPANY)[4])
    assert not _is_acronym_subject(parse(SHARES_IN_ZQX)[2])


def test_labelled_long_or_lower_case_words_are_no_acronym_subjects():
    assert not _is_acronym_subject(parse(ZQX_SAID, ents=["B-ORG"] + ["O"] * 7)[0])  # the NER has it already
    for word in ("Zqx", "ZQXWVUT", "Z", "2QX"):
        rows = [(word, 1, "nsubj", "PROPN", "NNP", word)] + ZQX_SAID[1:]
        assert not _is_acronym_subject(parse(rows)[0]), word
    rows = [("O2", 1, "nsubj", "PROPN", "NNP", "O2")] + ZQX_SAID[1:]
    assert _is_acronym_subject(parse(rows)[0])


def test_common_acronym_as_subject_is_no_organisation():
    rows = [("GDP", 1, "nsubj", "PROPN", "NNP", "GDP"), ("rose", 1, "ROOT", "VERB", "VBD", "rise"),
            (".", 1, "punct", "PUNCT", ".", ".")]  # GDP rose.
    assert not _is_acronym_subject(parse(rows)[0])
