"""The Python API of the build: strings and files in, one graph out, map then reduce."""

from __future__ import annotations

import pytest

import kg
from kg.build import extract_all
from kg.config import Settings
from kg.errors import InputError
from kg.graph import normalize_name
from kg.types import COMMITMENT_KINDS, Document


def test_every_named_person_country_and_organisation_is_one_actor(example_graph, nlp):
    """Each PERSON/ORG/GPE the parser names in the examples is found, and no
    surface form points at two actors (one real-world actor, one node)."""
    from tests.conftest import EXAMPLES

    seen = 0
    for path in sorted(EXAMPLES.glob("*.txt")):
        doc = nlp(path.read_text(encoding="utf-8"))
        for ent in doc.ents:
            if ent.label_ == "PERSON" and ent.text[0].isupper():
                assert example_graph.find(ent.text) is not None, ent.text
                seen += 1
    assert seen >= 5
    owners: dict[str, set[str]] = {}
    for a in example_graph.actors():
        for alias in {a.name, *a.aliases}:
            owners.setdefault(normalize_name(alias), set()).add(a.iri)
    shared = {k: v for k, v in owners.items() if len(v) > 1}
    assert shared == {}


def test_actor_types_and_commitment_kinds_use_the_contract_names(example_graph):
    assert {a.type for a in example_graph.actors()} <= {"Person", "Organization", "Country", "Group"}
    assert {c.kind for c in example_graph.commitments()} <= set(COMMITMENT_KINDS)
    assert any(a.type == "Person" for a in example_graph.actors())
    assert any(a.type == "Country" for a in example_graph.actors())


def test_every_fact_has_evidence_that_points_into_its_document(example_graph):
    texts = {d.id: d.text for d in example_graph.documents()}
    facts = [*example_graph.commitments(), *example_graph.statements()]
    assert facts
    for fact in facts:
        assert fact.evidence
        for ev in fact.evidence:
            assert texts[ev.document][ev.start:ev.end] == ev.text
            assert ev.sentence >= 0


def test_every_mention_points_into_its_document(example_graph):
    texts = {d.id: d.text for d in example_graph.documents()}
    for a in example_graph.actors():
        assert a.mentions
        for m in a.mentions:
            assert texts[m.document][m.start:m.end] == m.text


def test_facts_reference_known_actors(example_graph):
    iris = {a.iri for a in example_graph.actors()}
    places = {p.iri for p in example_graph.places()}
    for c in example_graph.commitments():
        assert c.actor in iris
        assert c.target is None or c.target in iris | places
        assert all(p in iris for p in c.partners)
        assert c.place is None or c.place in places
    for s in example_graph.statements():
        assert s.speaker in iris


def test_build_from_strings_names_documents_and_checks_input(build_texts):
    g = build_texts(["Peru pledged to protect the forest.", "  ", "Chile agreed to help."])
    assert [d.id for d in g.documents()] == ["doc1", "doc3"]
    with pytest.raises(InputError):
        kg.build([b"bytes are not text"])
    with pytest.raises(InputError):
        kg.build([""])
    with pytest.raises(InputError):
        kg.build(["Text."], date="tomorrow")


def test_map_is_per_document_and_order_preserving(nlp):
    docs = [Document(f"d{i}", t) for i, t in enumerate(
        ["Oman urged Yemen to talk.", "Fiji pledged to plant trees.", "Malta refused to sign."])]
    facts = list(extract_all(docs, Settings(), nlp=nlp))
    assert [f.document.id for f in facts] == ["d0", "d1", "d2"]
    # each document's facts are its own: rebuilding one alone gives the same facts
    alone = list(extract_all(docs[1:2], Settings(), nlp=nlp))[0]
    assert [c.content for c in alone.commitments] == [c.content for c in facts[1].commitments]


def test_build_files_reports_skips_and_progress(tmp_path, nlp):
    (tmp_path / "a.txt").write_text("Norway pledged to cut emissions.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01")
    skipped, done = [], []
    g = kg.build_files([tmp_path], nlp=nlp, on_skip=lambda w, why: skipped.append(w),
                       progress=lambda facts: done.append(facts.document.id))
    assert done == ["a.txt"] and len(skipped) == 1 and skipped[0].endswith("b.txt")
    assert g.find("Norway") is not None


def test_same_input_same_graph(nlp):
    texts = ["Ghana and Togo agreed to reopen the border.", "Ghana urged Togo to release the trucks."]
    a = kg.build(texts, nlp=nlp)
    b = kg.build(texts, nlp=nlp)
    assert [x.iri for x in a.actors()] == [x.iri for x in b.actors()]
    assert [x.iri for x in a.commitments()] == [x.iri for x in b.commitments()]


def test_a_document_longer_than_spacys_limit_is_built_in_pieces_with_its_offsets(nlp, monkeypatch):
    import kg
    from kg.nlp import pieces

    para = "Ghana pledged to cut tariffs on cocoa, Trade Minister Ama Mensah said. Togo urged Benin to open the border.\n\n"
    text = para * 60  # about 6,500 characters
    monkeypatch.setattr(nlp, "max_length", 2_000)  # spaCy itself would refuse the text (E088)
    monkeypatch.setattr(pieces, "PIECE_SIZE", 1_500)
    g = kg.build([text], nlp=nlp)
    assert len([c for c in g.commitments() if c.kind == "promise"]) >= 1
    for c in g.commitments():
        for ev in c.evidence:
            assert text[ev.start:ev.end] == ev.text  # offsets into the whole document, not into a piece
    assert {ev.start for c in g.commitments() for ev in c.evidence} > {0}  # facts from late pieces too
