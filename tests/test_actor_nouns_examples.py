"""Each example sentence of ``kg/data/actor_nouns.json`` ("_examples", one per
rule), parsed by the real pipeline, gives the unnamed actor it illustrates."""

from __future__ import annotations

import pytest

from kg.extract.mentions import LABELS
from kg.resolve.unnamed import actor_nouns, find_unnamed

EXAMPLES = actor_nouns()["_examples"]

# rule -> (the phrase as written, article included; its kind; the owner's word or None)
EXPECTED = {
    "group": ("Farm unions", "Group", None),
    "person": ("A Treasury spokesman", "Person", None),
    "institution": ("The junta", "Organization", None),
    "document": ("A report", "Document", "Institute"),
    "agentive": ("Bookmakers", "Group", None),
    "collective": ("The drinks industry", "Group", None),
    "claim": ("opponents", "Group", None),
}


def test_every_example_has_an_expectation():
    assert set(EXAMPLES) == set(EXPECTED)


def _surface(doc, m):
    """The phrase of ``m`` with the article find_unnamed leaves out."""
    start = m.start - 1 if m.start > 0 and doc[m.start - 1].lower_ in ("a", "an", "the") else m.start
    return doc[start:m.end].text


@pytest.mark.parametrize("rule", sorted(EXAMPLES))
def test_example_sentence_gives_its_unnamed_actor(nlp, rule):
    sentence = EXAMPLES[rule]
    phrase, kind, owner_word = EXPECTED[rule]
    doc = nlp(sentence)
    token_key = {t.i: f"{e.label_.lower()}:{e.text.lower()}" for e in doc.ents if e.label_ in LABELS for t in e}
    found = find_unnamed(doc, token_key)
    matching = [m for m in found if _surface(doc, m) == phrase]
    assert matching, f"{sentence!r}: {phrase!r} not found in {[(_surface(doc, m), m.kind) for m in found]}"
    (m,) = matching
    assert m.kind == kind and m.acting
    assert phrase.lower().removeprefix("the ") in {a.lower() for a in m.aliases}
    if owner_word is not None:
        owner = next((t for t in doc if t.text == owner_word), None)
        if owner is not None and owner.i in token_key:
            assert m.owner == owner.i
        else:
            pytest.fail(f"{sentence!r}: the NER gave no name for {owner_word!r} ({[(e.text, e.label_) for e in doc.ents]})")
    if rule == "institution":
        assert m.definite
