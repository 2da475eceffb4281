"""The statement rules on hand-built parses, without the statistical model.

Each test builds a small :class:`spacy.tokens.Doc` of a made-up story with the
tags, dependency tree and entities spaCy's English pipeline gives it, and runs
:func:`kg.extract.extract_document` on it, checking one rule of
:mod:`kg.extract.statements`, :mod:`kg.extract.attribution` or
:mod:`kg.extract.sources`:

- quote blocks: every sentence of a quote is a statement of its speaker,
  before and after the attribution and in the quote that continues it;
- a quote with no attribution of its own (a continuation paragraph, a quote
  after reported speech) goes to the speaker in force;
- "he added" / "she added" is the speaker in force;
- attribution phrases ("in a statement", "in an interview", "on Tuesday")
  keep the clause, and the date of the speech is in the past;
- a speech verb that reports a clause of its own does not attribute a quote;
- "according to X and Y", reports that speak for their publisher.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg.extract import extract_document
from kg.extract.statements import COMMITMENT_SPEECH
from kg.types import Document

VOCAB = spacy.blank("en").vocab
NO_SPACE_BEFORE = {".", ",", "”", "?", "!", ":", ";", "'s"}
NO_SPACE_AFTER = {"“"}


def story(*paragraphs) -> Doc:
    """A Doc of paragraphs, each a list of sentences, each a list of rows
    ``(word, head, dep, pos, tag, lemma[, iob])`` with ``head`` counted from
    the sentence start (its root points at itself).  Paragraphs are joined by
    a blank line; spaces follow words except before punctuation and after an
    opening quote mark ('…' opens on its first mark and closes on its second)."""
    rows: list[tuple] = []
    for p, paragraph in enumerate(paragraphs):
        for s, sentence in enumerate(paragraph):
            if p and not s:  # the blank line hangs from the root of the sentence before it
                root = max(i for i, r in enumerate(rows) if r[2] == "ROOT")
                rows.append(("\n\n", root, "dep", "SPACE", "_SP", "\n\n", "O"))
            start = len(rows)
            for r in sentence:
                rows.append((r[0], start + r[1], r[2], r[3], r[4], r[5], r[6] if len(r) > 6 else "O"))
    words = [r[0] for r in rows]
    return Doc(VOCAB, words=words, spaces=_spaces(words), heads=[r[1] for r in rows],
               deps=[r[2] for r in rows], pos=[r[3] for r in rows], tags=[r[4] for r in rows],
               lemmas=[r[5] for r in rows], ents=[r[6] for r in rows])


def _spaces(words: list[str]) -> list[bool]:
    """Whether a space follows each word (see :func:`story`)."""
    out, single_open = [], False
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        if w == "'":
            single_open = not single_open
        space = nxt is not None and w not in NO_SPACE_AFTER and not w.isspace() and not nxt.isspace() \
            and nxt not in NO_SPACE_BEFORE and not (w == "'" and single_open) and not (nxt == "'" and single_open)
        out.append(space)
    return out


def said(doc: Doc, date: str | None = None) -> list[tuple[str, str, bool]]:
    """(speaker name, evidence text, quote?) of each statement of ``doc``."""
    facts = extract_document(doc, Document("story", doc.text, date=date))
    names = {e.key: e.name for e in facts.entities}
    return [(names.get(s.speaker, s.speaker), s.evidence[0].text, s.quote) for s in facts.statements]


def statements(doc: Doc, date: str | None = None):
    facts = extract_document(doc, Document("story", doc.text, date=date))
    names = {e.key: e.name for e in facts.entities}
    return [(names.get(s.speaker, s.speaker), s) for s in facts.statements]


# --- sentences ----------------------------------------------------------------------

HARVEST_IS_LATE = [  # “The harvest is late.
    ("“", 3, "punct", "PUNCT", "``", '"'),
    ("The", 2, "det", "DET", "DT", "the"),
    ("harvest", 3, "nsubj", "NOUN", "NN", "harvest"),
    ("is", 3, "ROOT", "AUX", "VBZ", "be"),
    ("late", 3, "acomp", "ADJ", "JJ", "late"),
    (".", 3, "punct", "PUNCT", ".", "."),
]
PRICES_WILL_RISE_SAID_VELL = [  # Prices will rise,” said Tomas Vell.
    ("Prices", 2, "nsubj", "NOUN", "NNS", "price"),
    ("will", 2, "aux", "AUX", "MD", "will"),
    ("rise", 5, "ccomp", "VERB", "VB", "rise"),
    (",", 5, "punct", "PUNCT", ",", ","),
    ("”", 5, "punct", "PUNCT", "''", '"'),
    ("said", 5, "ROOT", "VERB", "VBD", "say"),
    ("Tomas", 7, "compound", "PROPN", "NNP", "Tomas", "B-PERSON"),
    ("Vell", 5, "nsubj", "PROPN", "NNP", "Vell", "I-PERSON"),
    (".", 5, "punct", "PUNCT", ".", "."),
]
WE_ARE_READY = [  # “We are ready.”
    ("“", 2, "punct", "PUNCT", "``", '"'),
    ("We", 2, "nsubj", "PRON", "PRP", "we"),
    ("are", 2, "ROOT", "AUX", "VBP", "be"),
    ("ready", 2, "acomp", "ADJ", "JJ", "ready"),
    (".", 2, "punct", "PUNCT", ".", "."),
    ("”", 2, "punct", "PUNCT", "''", '"'),
]
HADDAD_SAID_STRIKE_GOES_ON = [  # Union leader Omar Haddad said the strike would go on.
    ("Union", 1, "compound", "PROPN", "NNP", "Union"),
    ("leader", 3, "compound", "NOUN", "NN", "leader"),
    ("Omar", 3, "compound", "PROPN", "NNP", "Omar", "B-PERSON"),
    ("Haddad", 4, "nsubj", "PROPN", "NNP", "Haddad", "I-PERSON"),
    ("said", 4, "ROOT", "VERB", "VBD", "say"),
    ("the", 6, "det", "DET", "DT", "the"),
    ("strike", 8, "nsubj", "NOUN", "NN", "strike"),
    ("would", 8, "aux", "AUX", "MD", "would"),
    ("go", 4, "ccomp", "VERB", "VB", "go"),
    ("on", 8, "prt", "ADP", "RP", "on"),
    (".", 4, "punct", "PUNCT", ".", "."),
]
READY_TO_STAY_OUT = [  # “We are ready to stay out until the summer.”
    ("“", 2, "punct", "PUNCT", "``", '"'),
    ("We", 2, "nsubj", "PRON", "PRP", "we"),
    ("are", 2, "ROOT", "AUX", "VBP", "be"),
    ("ready", 2, "acomp", "ADJ", "JJ", "ready"),
    ("to", 5, "aux", "PART", "TO", "to"),
    ("stay", 3, "xcomp", "VERB", "VB", "stay"),
    ("out", 5, "advmod", "ADV", "RB", "out"),
    ("until", 5, "prep", "ADP", "IN", "until"),
    ("the", 9, "det", "DET", "DT", "the", "B-DATE"),
    ("summer", 7, "pobj", "NOUN", "NN", "summer", "I-DATE"),
    (".", 2, "punct", "PUNCT", ".", "."),
    ("”", 2, "punct", "PUNCT", "''", '"'),
]
PARK_SAID_MILL_WOULD_CLOSE = [  # Lena Park said the mill would close.
    ("Lena", 1, "compound", "PROPN", "NNP", "Lena", "B-PERSON"),
    ("Park", 2, "nsubj", "PROPN", "NNP", "Park", "I-PERSON"),
    ("said", 2, "ROOT", "VERB", "VBD", "say"),
    ("the", 4, "det", "DET", "DT", "the"),
    ("mill", 6, "nsubj", "NOUN", "NN", "mill"),
    ("would", 6, "aux", "AUX", "MD", "would"),
    ("close", 2, "ccomp", "VERB", "VB", "close"),
    (".", 2, "punct", "PUNCT", ".", "."),
]
WE_HAD_NO_CHOICE = [  # “We had no choice.”
    ("“", 2, "punct", "PUNCT", "``", '"'),
    ("We", 2, "nsubj", "PRON", "PRP", "we"),
    ("had", 2, "ROOT", "VERB", "VBD", "have"),
    ("no", 4, "det", "DET", "DT", "no"),
    ("choice", 2, "dobj", "NOUN", "NN", "choice"),
    (".", 2, "punct", "PUNCT", ".", "."),
    ("”", 2, "punct", "PUNCT", "''", '"'),
]
MILL_WILL_CLOSE_SAID_PARK = [  # “The mill will close,” said Lena Park.
    ("“", 7, "punct", "PUNCT", "``", '"'),
    ("The", 2, "det", "DET", "DT", "the"),
    ("mill", 4, "nsubj", "NOUN", "NN", "mill"),
    ("will", 4, "aux", "AUX", "MD", "will"),
    ("close", 7, "ccomp", "VERB", "VB", "close"),
    (",", 7, "punct", "PUNCT", ",", ","),
    ("”", 7, "punct", "PUNCT", "''", '"'),
    ("said", 7, "ROOT", "VERB", "VBD", "say"),
    ("Lena", 9, "compound", "PROPN", "NNP", "Lena", "B-PERSON"),
    ("Park", 7, "nsubj", "PROPN", "NNP", "Park", "I-PERSON"),
    (".", 7, "punct", "PUNCT", ".", "."),
]
SALES_FELL = [  # Sales fell by a third.
    ("Sales", 1, "nsubj", "NOUN", "NNS", "sale"),
    ("fell", 1, "ROOT", "VERB", "VBD", "fall"),
    ("by", 1, "prep", "ADP", "IN", "by"),
    ("a", 4, "det", "DET", "DT", "a"),
    ("third", 2, "pobj", "NOUN", "NN", "third", "B-ORDINAL"),
    (".", 1, "punct", "PUNCT", ".", "."),
]
FIGURES_FROM_ACME_SHOW = [  # Figures from Acme Foods show that costs doubled.
    ("Figures", 4, "nsubj", "NOUN", "NNS", "figure"),
    ("from", 0, "prep", "ADP", "IN", "from"),
    ("Acme", 3, "compound", "PROPN", "NNP", "Acme", "B-ORG"),
    ("Foods", 1, "pobj", "PROPN", "NNP", "Foods", "I-ORG"),
    ("show", 4, "ROOT", "VERB", "VBP", "show"),
    ("that", 7, "dobj", "SCONJ", "IN", "that"),
    ("costs", 7, "nsubj", "NOUN", "NNS", "cost"),
    ("doubled", 4, "ccomp", "VERB", "VBD", "double"),
    (".", 4, "punct", "PUNCT", ".", "."),
]
PRICES_WILL_RISE_SHE_ADDED = [  # Prices will rise, she added.
    ("Prices", 2, "nsubj", "NOUN", "NNS", "price"),
    ("will", 2, "aux", "AUX", "MD", "will"),
    ("rise", 5, "ccomp", "VERB", "VB", "rise"),
    (",", 5, "punct", "PUNCT", ",", ","),
    ("she", 5, "nsubj", "PRON", "PRP", "she"),
    ("added", 5, "ROOT", "VERB", "VBD", "add"),
    (".", 5, "punct", "PUNCT", ".", "."),
]
WILL_NOT_GIVE_UP_SAID_RUIZ = [  # “We will not give up,” said Ana Ruiz.
    ("“", 8, "punct", "PUNCT", "``", '"'),
    ("We", 4, "nsubj", "PRON", "PRP", "we"),
    ("will", 4, "aux", "AUX", "MD", "will"),
    ("not", 4, "neg", "PART", "RB", "not"),
    ("give", 8, "ccomp", "VERB", "VB", "give"),
    ("up", 4, "prt", "ADP", "RP", "up"),
    (",", 8, "punct", "PUNCT", ",", ","),
    ("”", 8, "punct", "PUNCT", "''", '"'),
    ("said", 8, "ROOT", "VERB", "VBD", "say"),
    ("Ana", 10, "compound", "PROPN", "NNP", "Ana", "B-PERSON"),
    ("Ruiz", 8, "nsubj", "PROPN", "NNP", "Ruiz", "I-PERSON"),
    (".", 8, "punct", "PUNCT", ".", "."),
]
LEAGUE_OWES_US = [  # “The league owes us an answer.”
    ("“", 3, "punct", "PUNCT", "``", '"'),
    ("The", 2, "det", "DET", "DT", "the"),
    ("league", 3, "nsubj", "NOUN", "NN", "league"),
    ("owes", 3, "ROOT", "VERB", "VBZ", "owe"),
    ("us", 3, "dative", "PRON", "PRP", "we"),
    ("an", 6, "det", "DET", "DT", "an"),
    ("answer", 3, "dobj", "NOUN", "NN", "answer"),
    (".", 3, "punct", "PUNCT", ".", "."),
    ("”", 3, "punct", "PUNCT", "''", '"'),
]
SHE_ADDED_THAT_TALKS_RESUME = [  # She added that talks would resume.
    ("She", 1, "nsubj", "PRON", "PRP", "she"),
    ("added", 1, "ROOT", "VERB", "VBD", "add"),
    ("that", 5, "mark", "SCONJ", "IN", "that"),
    ("talks", 5, "nsubj", "NOUN", "NNS", "talk"),
    ("would", 5, "aux", "AUX", "MD", "would"),
    ("resume", 1, "ccomp", "VERB", "VB", "resume"),
    (".", 1, "punct", "PUNCT", ".", "."),
]
ACME_SAID_IN_A_STATEMENT = [  # Acme Foods said in a statement on Tuesday that it would close the mill.
    ("Acme", 1, "compound", "PROPN", "NNP", "Acme", "B-ORG"),
    ("Foods", 2, "nsubj", "PROPN", "NNP", "Foods", "I-ORG"),
    ("said", 2, "ROOT", "VERB", "VBD", "say"),
    ("in", 2, "prep", "ADP", "IN", "in"),
    ("a", 5, "det", "DET", "DT", "a"),
    ("statement", 3, "pobj", "NOUN", "NN", "statement"),
    ("on", 5, "prep", "ADP", "IN", "on"),
    ("Tuesday", 6, "pobj", "PROPN", "NNP", "Tuesday", "B-DATE"),
    ("that", 11, "mark", "SCONJ", "IN", "that"),
    ("it", 11, "nsubj", "PRON", "PRP", "it"),
    ("would", 11, "aux", "AUX", "MD", "would"),
    ("close", 2, "ccomp", "VERB", "VB", "close"),
    ("the", 13, "det", "DET", "DT", "the"),
    ("mill", 11, "dobj", "NOUN", "NN", "mill"),
    (".", 2, "punct", "PUNCT", ".", "."),
]
PARK_TOLD_THE_COURIER_IN_AN_INTERVIEW = [  # Lena Park told the Daily Courier in an interview that the mill would close.
    ("Lena", 1, "compound", "PROPN", "NNP", "Lena", "B-PERSON"),
    ("Park", 2, "nsubj", "PROPN", "NNP", "Park", "I-PERSON"),
    ("told", 2, "ROOT", "VERB", "VBD", "tell"),
    ("the", 5, "det", "DET", "DT", "the", "B-ORG"),
    ("Daily", 5, "compound", "PROPN", "NNP", "Daily", "I-ORG"),
    ("Courier", 2, "dobj", "PROPN", "NNP", "Courier", "I-ORG"),
    ("in", 2, "prep", "ADP", "IN", "in"),
    ("an", 8, "det", "DET", "DT", "an"),
    ("interview", 6, "pobj", "NOUN", "NN", "interview"),
    ("that", 13, "mark", "SCONJ", "IN", "that"),
    ("the", 11, "det", "DET", "DT", "the"),
    ("mill", 13, "nsubj", "NOUN", "NN", "mill"),
    ("would", 13, "aux", "AUX", "MD", "would"),
    ("close", 8, "relcl", "VERB", "VB", "close"),  # the parser hangs the clause on "interview"
    (".", 2, "punct", "PUNCT", ".", "."),
]
PARK_SAID_IN_MAY = [  # Lena Park said in May that the mill would close.
    ("Lena", 1, "compound", "PROPN", "NNP", "Lena", "B-PERSON"),
    ("Park", 2, "nsubj", "PROPN", "NNP", "Park", "I-PERSON"),
    ("said", 2, "ROOT", "VERB", "VBD", "say"),
    ("in", 2, "prep", "ADP", "IN", "in"),
    ("May", 3, "pobj", "PROPN", "NNP", "May", "B-DATE"),
    ("that", 9, "mark", "SCONJ", "IN", "that"),
    ("the", 7, "det", "DET", "DT", "the"),
    ("mill", 9, "nsubj", "NOUN", "NN", "mill"),
    ("would", 9, "aux", "AUX", "MD", "would"),
    ("close", 2, "ccomp", "VERB", "VB", "close"),
    (".", 2, "punct", "PUNCT", ".", "."),
]
PRICES_WILL_RISE_SAID_PARK = [  # “Prices will rise,” said Lena Park.
    ("“", 6, "punct", "PUNCT", "``", '"'),
    ("Prices", 3, "nsubj", "NOUN", "NNS", "price"),
    ("will", 3, "aux", "AUX", "MD", "will"),
    ("rise", 6, "ccomp", "VERB", "VB", "rise"),
    (",", 6, "punct", "PUNCT", ",", ","),
    ("”", 6, "punct", "PUNCT", "''", '"'),
    ("said", 6, "ROOT", "VERB", "VBD", "say"),
    ("Lena", 8, "compound", "PROPN", "NNP", "Lena", "B-PERSON"),
    ("Park", 6, "nsubj", "PROPN", "NNP", "Park", "I-PERSON"),
    (".", 6, "punct", "PUNCT", ".", "."),
]
WE_SAW_IT_COMING = [  # “We saw it coming.”
    ("“", 2, "punct", "PUNCT", "``", '"'),
    ("We", 2, "nsubj", "PRON", "PRP", "we"),
    ("saw", 2, "ROOT", "VERB", "VBD", "see"),
    ("it", 4, "nsubj", "PRON", "PRP", "it"),
    ("coming", 2, "ccomp", "VERB", "VBG", "come"),
    (".", 2, "punct", "PUNCT", ".", "."),
    ("”", 2, "punct", "PUNCT", "''", '"'),
]
EXPORTS_FELL_ACME_SAID = [  # Exports fell, Acme Foods said.
    ("Exports", 1, "nsubj", "NOUN", "NNS", "export"),
    ("fell", 5, "ccomp", "VERB", "VBD", "fall"),
    (",", 5, "punct", "PUNCT", ",", ","),
    ("Acme", 4, "compound", "PROPN", "NNP", "Acme", "B-ORG"),
    ("Foods", 5, "nsubj", "PROPN", "NNP", "Foods", "I-ORG"),
    ("said", 5, "ROOT", "VERB", "VBD", "say"),
    (".", 5, "punct", "PUNCT", ".", "."),
]
ACCORDING_TO_ACME_AND_BOREL = [  # Output will fall, according to Acme Foods and Borel Steel.
    ("Output", 2, "nsubj", "NOUN", "NN", "output"),
    ("will", 2, "aux", "AUX", "MD", "will"),
    ("fall", 2, "ROOT", "VERB", "VB", "fall"),
    (",", 2, "punct", "PUNCT", ",", ","),
    ("according", 2, "prep", "VERB", "VBG", "accord"),
    ("to", 4, "prep", "ADP", "IN", "to"),
    ("Acme", 7, "compound", "PROPN", "NNP", "Acme", "B-ORG"),
    ("Foods", 5, "pobj", "PROPN", "NNP", "Foods", "I-ORG"),
    ("and", 7, "cc", "CCONJ", "CC", "and"),
    ("Borel", 10, "compound", "PROPN", "NNP", "Borel", "B-ORG"),
    ("Steel", 7, "conj", "PROPN", "NNP", "Steel", "I-ORG"),
    (".", 2, "punct", "PUNCT", ".", "."),
]
REPORT_BY_ACME_FOUND = [  # A report by Acme Foods found that wages fell.
    ("A", 1, "det", "DET", "DT", "a"),
    ("report", 5, "nsubj", "NOUN", "NN", "report"),
    ("by", 1, "prep", "ADP", "IN", "by"),
    ("Acme", 4, "compound", "PROPN", "NNP", "Acme", "B-ORG"),
    ("Foods", 2, "pobj", "PROPN", "NNP", "Foods", "I-ORG"),
    ("found", 5, "ROOT", "VERB", "VBD", "find"),
    ("that", 8, "mark", "SCONJ", "IN", "that"),
    ("wages", 8, "nsubj", "NOUN", "NNS", "wage"),
    ("fell", 5, "ccomp", "VERB", "VBD", "fall"),
    (".", 5, "punct", "PUNCT", ".", "."),
]
THE_REPORT_SAID = [  # The report said that prices would rise.
    ("The", 1, "det", "DET", "DT", "the"),
    ("report", 2, "nsubj", "NOUN", "NN", "report"),
    ("said", 2, "ROOT", "VERB", "VBD", "say"),
    ("that", 6, "mark", "SCONJ", "IN", "that"),
    ("prices", 6, "nsubj", "NOUN", "NNS", "price"),
    ("would", 6, "aux", "AUX", "MD", "would"),
    ("rise", 2, "ccomp", "VERB", "VB", "rise"),
    (".", 2, "punct", "PUNCT", ".", "."),
]
I_CAN_TELL_SHE_IS_READY = [  # “I can tell she is ready   (the parser ends a sentence here)
    ("“", 3, "punct", "PUNCT", "``", '"'),
    ("I", 3, "nsubj", "PRON", "PRP", "I"),
    ("can", 3, "aux", "AUX", "MD", "can"),
    ("tell", 3, "ROOT", "VERB", "VB", "tell"),
    ("she", 5, "nsubj", "PRON", "PRP", "she"),
    ("is", 3, "ccomp", "AUX", "VBZ", "be"),
    ("ready", 5, "acomp", "ADJ", "JJ", "ready"),
]
SO_I_NEED_TO_PLAY_WELL_SAID_RUIZ = [  # so I need to play well,” said Ana Ruiz.
    ("so", 2, "advmod", "ADV", "RB", "so"),
    ("I", 2, "nsubj", "PRON", "PRP", "I"),
    ("need", 8, "ccomp", "VERB", "VBP", "need"),
    ("to", 4, "aux", "PART", "TO", "to"),
    ("play", 2, "xcomp", "VERB", "VB", "play"),
    ("well", 4, "advmod", "ADV", "RB", "well"),
    (",", 8, "punct", "PUNCT", ",", ","),
    ("”", 8, "punct", "PUNCT", "''", '"'),
    ("said", 8, "ROOT", "VERB", "VBD", "say"),
    ("Ana", 10, "compound", "PROPN", "NNP", "Ana", "B-PERSON"),
    ("Ruiz", 8, "nsubj", "PROPN", "NNP", "Ruiz", "I-PERSON"),
    (".", 8, "punct", "PUNCT", ".", "."),
]
HEADLINE_CUTS_ARE_FAIR = [  # Acme Foods says job cuts are 'fair'
    ("Acme", 1, "compound", "PROPN", "NNP", "Acme", "B-ORG"),
    ("Foods", 2, "nsubj", "PROPN", "NNP", "Foods", "I-ORG"),
    ("says", 2, "ROOT", "VERB", "VBZ", "say"),
    ("job", 4, "compound", "NOUN", "NN", "job"),
    ("cuts", 5, "nsubj", "NOUN", "NNS", "cut"),
    ("are", 2, "ccomp", "AUX", "VBP", "be"),
    ("'", 7, "punct", "PUNCT", "``", "'"),
    ("fair", 5, "acomp", "ADJ", "JJ", "fair"),
    ("'", 7, "punct", "PUNCT", "''", "'"),
]
ACME_SAID_IT_WOULD_CUT_JOBS = [  # Acme Foods said that it would cut 50 jobs.
    ("Acme", 1, "compound", "PROPN", "NNP", "Acme", "B-ORG"),
    ("Foods", 2, "nsubj", "PROPN", "NNP", "Foods", "I-ORG"),
    ("said", 2, "ROOT", "VERB", "VBD", "say"),
    ("that", 6, "mark", "SCONJ", "IN", "that"),
    ("it", 6, "nsubj", "PRON", "PRP", "it"),
    ("would", 6, "aux", "AUX", "MD", "would"),
    ("cut", 2, "ccomp", "VERB", "VB", "cut"),
    ("50", 8, "nummod", "NUM", "CD", "50", "B-CARDINAL"),
    ("jobs", 6, "dobj", "NOUN", "NNS", "job"),
    (".", 2, "punct", "PUNCT", ".", "."),
]


# --- quote blocks -------------------------------------------------------------------

def test_the_helper_builds_the_text_it_is_given():
    doc = story([HARVEST_IS_LATE, PRICES_WILL_RISE_SAID_VELL, WE_ARE_READY], [HEADLINE_CUTS_ARE_FAIR])
    assert doc.text == ("“The harvest is late. Prices will rise,” said Tomas Vell. “We are ready.”\n\n"
                        "Acme Foods says job cuts are 'fair'")
    assert len(list(doc.sents)) == 4


def test_a_quote_attributed_mid_block_gives_one_statement_per_sentence_of_its_speaker():
    """Three quoted sentences, the attribution after the second: three statements
    of the speaker, before the attribution and in the quote that goes on after it."""
    found = said(story([HARVEST_IS_LATE, PRICES_WILL_RISE_SAID_VELL, WE_ARE_READY]))
    assert found == [
        ("Tomas Vell", "“The harvest is late.", True),
        ("Tomas Vell", "Prices will rise,” said Tomas Vell.", True),
        ("Tomas Vell", "“We are ready.”", True),
    ]


def test_a_quote_cut_by_the_parser_where_no_sentence_ends_is_one_statement():
    found = said(story([I_CAN_TELL_SHE_IS_READY, SO_I_NEED_TO_PLAY_WELL_SAID_RUIZ]))
    assert found == [("Ana Ruiz", "“I can tell she is ready so I need to play well,” said Ana Ruiz.", True)]


def test_an_unattributed_continuation_paragraph_continues_the_speaker():
    found = said(story([HADDAD_SAID_STRIKE_GOES_ON], [READY_TO_STAY_OUT]))
    assert found == [
        ("Omar Haddad", "Union leader Omar Haddad said the strike would go on.", False),
        ("Omar Haddad", "“We are ready to stay out until the summer.”", True),
    ]


def test_a_quote_after_reported_speech_in_its_paragraph_is_the_reported_speaker():
    found = said(story([PARK_SAID_MILL_WOULD_CLOSE, WE_HAD_NO_CHOICE]))
    assert [(who, quote) for who, _, quote in found] == [("Lena Park", False), ("Lena Park", True)]


def test_a_verb_reporting_its_own_clause_does_not_attribute_the_quote_before_it():
    """'"…." Exports fell, Acme Foods said.': the quote goes on the first
    speaker's words; Acme Foods says only that exports fell."""
    found = said(story([PRICES_WILL_RISE_SAID_PARK, WE_SAW_IT_COMING, EXPORTS_FELL_ACME_SAID]))
    assert found == [
        ("Lena Park", "“Prices will rise,” said Lena Park.", True),
        ("Lena Park", "“We saw it coming.”", True),
        ("Acme Foods", "Exports fell, Acme Foods said.", False),
    ]


# --- "he added" ----------------------------------------------------------------------

def test_she_added_after_a_quote_is_the_speaker_in_force():
    found = said(story([WILL_NOT_GIVE_UP_SAID_RUIZ, LEAGUE_OWES_US, SHE_ADDED_THAT_TALKS_RESUME]))
    assert [who for who, _, _ in found] == ["Ana Ruiz"] * 3


def test_she_added_after_a_report_is_the_person_who_was_speaking():
    """A body spoke last (through its figures), and no person is named in the
    two sentences before: "she" is the person speaking in force."""
    found = said(story([MILL_WILL_CLOSE_SAID_PARK, SALES_FELL, FIGURES_FROM_ACME_SHOW, PRICES_WILL_RISE_SHE_ADDED]))
    assert [(who, text.split()[0]) for who, text, _ in found] == [
        ("Lena Park", "“The"), ("Acme Foods", "Figures"), ("Lena Park", "Prices")]


# --- attribution phrases -----------------------------------------------------------------

def test_said_in_a_statement_on_tuesday_keeps_its_clause_and_dates_the_speech_in_the_past():
    [(who, st)] = statements(story([ACME_SAID_IN_A_STATEMENT]), date="2024-03-07")  # a Thursday
    assert who == "Acme Foods" and st.quote is False
    assert st.content == "that it would close the mill"
    assert st.date == "2024-03-05"


def test_a_clause_hung_on_in_an_interview_is_still_what_was_said():
    [(who, st)] = statements(story([PARK_TOLD_THE_COURIER_IN_AN_INTERVIEW]))
    assert who == "Lena Park"
    assert st.content == "that the mill would close"
    assert st.audience == "the Daily Courier"


def test_a_month_the_speech_was_made_in_lies_before_the_article():
    [(_, st)] = statements(story([PARK_SAID_IN_MAY]), date="2024-03-07")
    assert st.date == "2023-05"


def test_according_to_two_sources_is_a_statement_of_each():
    found = said(story([ACCORDING_TO_ACME_AND_BOREL]))
    assert sorted(who for who, _, _ in found) == ["Acme Foods", "Borel Steel"]


def test_a_report_speaks_for_its_publisher_and_the_report_later_too():
    found = said(story([REPORT_BY_ACME_FOUND, THE_REPORT_SAID]))
    assert [(who, text.split()[1]) for who, text, _ in found] == [("Acme Foods", "report"), ("Acme Foods", "report")]


def test_a_headline_ending_on_a_quoted_word_gives_no_statement():
    found = said(story([HEADLINE_CUTS_ARE_FAIR], [ACME_SAID_IT_WOULD_CUT_JOBS]))
    assert found == [("Acme Foods", "Acme Foods said that it would cut 50 jobs.", False)]


# --- the commitment verbs ------------------------------------------------------------------

def test_commitment_speech_is_the_table_verbs_that_commit_whatever_they_take():
    """Read from the commitment table: "urge", "promise", "propose" are
    commitments when they report speech; "tell" and "warn" only in a
    construction ("tell X to", "warn of"), "predict" is an expectation: they
    stay speech verbs."""
    assert {"urge", "demand", "promise", "pledge", "vow", "propose", "suggest", "insist", "ask"} <= COMMITMENT_SPEECH
    assert not {"tell", "warn", "predict", "forecast", "conclude", "rule"} & COMMITMENT_SPEECH
