"""Store the parse of every example sentence of ``kg/data/commitment_cues.json``.

The rule tests (``tests/test_commitment_cues.py``) run each construction on the
stored parse, so they test the rules, not the statistical model.  Run this after
adding or changing an example, then read the new parse: it is what the model
gives, and a wrong parse is a reason to choose another example.

    .venv/bin/python tools/parse_examples.py
"""

from __future__ import annotations

import json
from pathlib import Path

from kg.extract.cues import load_constructions
from kg.nlp import load_pipeline
from kg.nlp.gazetteer import load_cue_table

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "commitment_examples.json"


def sentences() -> list[str]:
    """Every example and counter-example of the table, and of the frames that bind nobody, once each."""
    out: list[str] = []
    for row in load_constructions().rows:
        for text in [e["text"] for e in row.examples] + list(row.not_examples):
            if text not in out:
                out.append(text)
    for frame in load_cue_table()["frames_that_bind_nobody"]:
        out.extend(t for t in frame["not"] + [e["text"] for e in frame.get("examples", [])] if t not in out)
    return out


def parse(nlp, text: str) -> dict:
    """Words, spaces, heads, labels, tags, lemmas and entities (IOB) of one sentence."""
    doc = nlp(text)
    ents = ["O"] * len(doc)
    for e in doc.ents:
        for t in e:
            ents[t.i] = ("B-" if t.i == e.start else "I-") + e.label_
    return {"text": text, "tokens": [
        [t.text, bool(t.whitespace_), t.head.i, t.dep_, t.pos_, t.tag_, t.lemma_, ents[t.i]] for t in doc]}


def main() -> None:
    nlp = load_pipeline()
    parses = [parse(nlp, text) for text in sentences()]
    OUT.parent.mkdir(exist_ok=True)
    body = ",\n".join(json.dumps(p, ensure_ascii=False) for p in parses)
    OUT.write_text("[\n" + body + "\n]\n", encoding="utf-8")
    print(f"{len(parses)} parses -> {OUT}")


if __name__ == "__main__":
    main()
