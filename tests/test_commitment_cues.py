"""Every construction of ``kg/data/commitment_cues.json`` on the stored parse of
its example sentences (``tests/data/commitment_examples.json``, written by
``tools/parse_examples.py``), without the statistical model: each example gives
its commitment (kind, committer, target), each counter-example none of that cue.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract import extract_document
from kg.extract.binding import BLOCKERS
from kg.extract.cues import CONSTRAINTS, ConstructionTable, _row, holds, load_constructions
from kg.nlp.gazetteer import load_cue_table
from kg.types import Document

PARSES = {p["text"]: p for p in json.loads(
    (Path(__file__).parent / "data" / "commitment_examples.json").read_text(encoding="utf-8"))}
TABLE = load_constructions()
VOCAB = spacy.blank("en").vocab


def hand_doc(text: str) -> Doc:
    rows = PARSES[text]["tokens"]
    return Doc(VOCAB, words=[r[0] for r in rows], spaces=[r[1] for r in rows], heads=[r[2] for r in rows],
               deps=[r[3] for r in rows], pos=[r[4] for r in rows], tags=[r[5] for r in rows],
               lemmas=[r[6] for r in rows], ents=[r[7] for r in rows])


def facts(text: str):
    doc = hand_doc(text)
    out = extract_document(doc, Document("example", text))
    names = {e.key: e.name for e in out.entities}
    return out, names


def _cases():
    for row in TABLE.rows:
        for ex in row.examples:
            yield pytest.param(row, ex, id=f"{row.name}: {ex['text'][:40]}")


def _counter_cases():
    for row in TABLE.rows:
        for text in row.not_examples:
            yield pytest.param(row, text, id=f"{row.name}: not {text[:40]}")


def test_every_row_has_an_example_and_every_example_a_stored_parse():
    for row in TABLE.rows:
        assert row.examples, f"{row.name} has no example"
        for text in [e["text"] for e in row.examples] + list(row.not_examples):
            assert text in PARSES, f"no stored parse of {text!r}: run tools/parse_examples.py"
            assert "".join(r[0] + (" " if r[1] else "") for r in PARSES[text]["tokens"]).strip() == text


@pytest.mark.parametrize("row, example", list(_cases()))
def test_example_gives_its_commitment(row, example):
    out, names = facts(example["text"])
    found = [(c.kind, names.get(c.actor, c.actor), names.get(c.target, c.target)) for c in out.commitments]
    wanted = (example["kind"], example["committer"])
    assert any((k, a) == wanted for k, a, _ in found), f"{example['text']!r} gave {found}"
    if "target" in example:
        assert any((k, a, t) == (*wanted, example["target"]) for k, a, t in found), f"{example['text']!r} gave {found}"


@pytest.mark.parametrize("row, text", list(_counter_cases()))
def test_counter_example_gives_no_commitment_of_the_cue(row, text):
    out, _ = facts(text)
    words = set(row.words)
    cues = [c.cue for c in out.commitments if c.cue in words or c.kind == row.kind and row.frame != "modal"]
    assert not cues, f"{text!r} gave {[(c.kind, c.cue, c.content) for c in out.commitments]}"


@pytest.mark.parametrize("row, text", list(_counter_cases()))
def test_the_sense_constraint_is_what_rejects_the_counter_example(row, text):
    """Without its constraints the row's cue word would fire: the constraint is not dead weight."""
    if row.frame != "verb":
        pytest.skip("only verb rows carry sense constraints")
    doc = hand_doc(text)
    cue = next(t for t in doc if t.lemma_.lower() in row.words)
    assert not holds(row, cue, lambda t: "actor" if t.ent_type_ else None)
    bare = _row({"name": row.name, "frame": row.frame, "kind": row.kind, "words": list(row.words)})
    assert holds(bare, cue, lambda t: "actor" if t.ent_type_ else None)


def test_unknown_constraints_and_frames_are_refused():
    with pytest.raises(ValueError, match="unknown constraint"):
        _row({"name": "x", "frame": "verb", "kind": "promise", "words": ["x"], "needs": ["colour:red"]})
    with pytest.raises(ValueError, match="unknown frame"):
        _row({"name": "x", "frame": "gesture", "kind": "promise", "words": ["x"]})


def test_a_word_listed_twice_keeps_its_first_row():
    a = _row({"name": "a", "frame": "verb", "kind": "promise", "words": ["offer"]})
    b = _row({"name": "b", "frame": "verb", "kind": "proposal", "words": ["offer"]})
    table = ConstructionTable((a, b), {("verb", "offer"): (a, b)})
    assert table.find("verb", "offer").kind == "promise"
    assert [r.name for r in table.candidates("verb", "offer")] == ["a", "b"]


def test_a_word_of_two_senses_is_read_by_the_first_row_that_holds():
    """"order" demands with a to-clause and is a purchase with goods as its object."""
    rows = TABLE.candidates("verb", "order")
    assert len(rows) >= 2
    for text, kind in (("Qantas ordered twelve new jets from Boeing.", "agreement"),
                       ("Canada ordered the airline to refund its passengers.", "demand")):
        out, _ = facts(text)
        assert [c.kind for c in out.commitments if c.cue == "ordered"] == [kind]


def test_every_constraint_is_documented_in_the_table():
    documented = set(json.loads((Path(__file__).parent.parent / "kg" / "data" / "commitment_cues.json")
                                .read_text())["_constraints"])
    assert documented == set(CONSTRAINTS)


FRAMES = load_cue_table()["frames_that_bind_nobody"]


def test_every_frame_that_binds_nobody_is_a_check_and_every_check_is_in_the_table():
    assert [f["name"] for f in FRAMES] == list(BLOCKERS)


@pytest.mark.parametrize("frame, text", [pytest.param(f, t, id=f"{f['name']}: {t[:40]}") for f in FRAMES for t in f["not"]])
def test_a_frame_that_binds_nobody_gives_no_commitment(frame, text, monkeypatch):
    """The sentence gives none; without the frame's check it would give one (the check is not dead weight)."""
    out, _ = facts(text)
    assert out.commitments == [], f"{text!r} gave {[(c.kind, c.cue) for c in out.commitments]}"
    monkeypatch.setitem(BLOCKERS, frame["name"], lambda cue, ctx: False)
    without, _ = facts(text)
    assert without.commitments, f"{text!r} gives nothing even without the {frame['name']!r} check"


@pytest.mark.parametrize("frame, example", [pytest.param(f, e, id=f"{f['name']}: {e['text'][:40]}")
                                             for f in FRAMES for e in f.get("examples", [])])
def test_a_releasing_frame_leaves_what_it_governs_to_commit_on_its_own(frame, example):
    """A frame that 'releases' binds nobody itself, but the clause it governs still gives its commitment."""
    assert frame.get("releases"), "only a releasing frame has examples of what it lets through"
    out, names = facts(example["text"])
    found = [(c.kind, names.get(c.actor, c.actor)) for c in out.commitments]
    assert (example["kind"], example["committer"]) in found, f"{example['text']!r} gave {found}"
