"""The spaCy pipeline kg assembles: its components, its gazetteer ids, its errors."""

from __future__ import annotations

import pytest

from kg.errors import ModelNotFound
from kg.nlp import load_pipeline


def test_components_in_order(nlp):
    names = nlp.pipe_names
    assert names.index("kg_paragraphs") < names.index("parser")
    assert names.index("ner") < names.index("kg_gazetteer") < names.index("kg_entity_ids")


def test_line_breaks_end_sentences(nlp):
    doc = nlp("Talks Resume In Geneva\nDiplomats met on Monday")
    assert [s.text.strip() for s in doc.sents] == ["Talks Resume In Geneva", "Diplomats met on Monday"]


def test_gazetteer_ids_on_rule_and_model_spans(nlp):
    doc = nlp("Kyiv and the U.S. agreed. British troops and Ukrainian officials arrived at the Kremlin.")
    ids = {e.text: e.ent_id_ for e in doc.ents}
    assert ids["Kyiv"] == "capital:UA"
    assert ids["U.S."] == "country:US"
    assert ids["British"] == "demonym:GB"
    assert ids["Ukrainian"] == "demonym:UA"
    assert ids["Kremlin"] == "seat:RU"


def test_names_inside_an_organisation_name_are_left_to_the_ner(nlp):
    doc = nlp("The Canadian Shippers Council urged Parliament to act, and the Paris Club agreed.")
    assert not any(e.text in ("Canadian", "Paris") for e in doc.ents)


def test_missing_model_says_how_to_install():
    with pytest.raises(ModelNotFound, match="not installed; install it with"):
        load_pipeline("xx_model_that_does_not_exist")


def test_the_lemmas_the_model_gets_wrong_for_cue_words_are_corrected(nlp):
    doc = nlp("She hoped the talks would work, hopes they will, and is hoping for more.")
    assert [t.lemma_ for t in doc if t.lower_.startswith("hop")] == ["hope", "hope", "hope"]


def test_the_array_lemmatizer_gives_the_model_lemmatizer_lemmas(nlp):
    import spacy

    from kg.config import DEFAULT_MODEL
    from kg.nlp.gazetteer import load_lexicon

    assert "lemmatizer_rules" in nlp.disabled and "lemmatizer" in nlp.pipe_names
    model = spacy.load(DEFAULT_MODEL)  # the model as it comes, its own lemmatizer
    text = ("The ministers were meeting again; she said they had met twice, and better offers "
            "would be made. Mice ran. He's going to the U.N. offices, isn't he? Amb. Ruiz agreed, hoping.")
    fixes = load_lexicon()["lemma_fixes"]
    for t in (text, text.upper(), text.lower()):
        got, want = nlp(t), model(t)
        assert [tok.pos_ for tok in got] == [tok.pos_ for tok in want]
        assert [tok.lemma_ for tok in got] == [fixes.get(tok.lower_, tok.lemma_) for tok in want]


def test_a_doc_of_no_tokens_passes_the_array_lemmatizer(nlp):
    assert len(nlp("")) == 0


def test_the_rules_word_index_is_searched_as_sets(nlp):
    # spaCy ships it as lists and scans them for every new word form
    index = nlp.get_pipe("lemmatizer_rules").lookups.get_table("lemma_index")
    assert index and all(isinstance(words, frozenset) for words in index.values())
    assert "meet" in index["verb"] and "mouse" in index["noun"]
