"""The quality benchmark (benchmarks/quality.py): its scorer, its adapters, its CLI,
its agreement with the reference scorer (../shared/gold/score.py), and the
consistency of the project's own gold set (benchmarks/gold/)."""

from __future__ import annotations

import copy
import doctest
import importlib.util
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "gold"
SHARED_GOLD = ROOT.parent / "shared" / "gold"  # read-only, beside the project (also in CI)
DEV = SHARED_GOLD / "dev"


def _load_module(name: str, path: Path):
    if name in sys.modules:  # tests/test_quality_floor.py loads it too
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


q = _load_module("kg_bench_quality", ROOT / "benchmarks" / "quality.py")

GOLD_DOC = {
    "document": "d.txt",
    "actors": [
        {"name": "Ana Ruiz", "type": "Person", "aliases": ["Trade Minister Ana Ruiz", "Ruiz", "the minister"]},
        {"name": "Mexico", "type": "Country", "aliases": ["Mexico", "Mexico City"]},
        {"name": "Canada", "type": "Country", "aliases": ["Canada", "Ottawa"]},
    ],
    "places": [{"name": "Mexico City", "aliases": ["Mexico City"]}],
    "commitments": [
        {"actor": "Mexico", "kind": "refusal", "target": "Canada", "content": "lift tariffs",
         "evidence": "Ruiz said Mexico City would not lift the steel tariffs before June."},
        {"actor": "Ana Ruiz", "kind": "expectation", "target": None, "content": "a deal by July",
         "evidence": "\"I expect a deal by July,\" Ruiz said."},
    ],
    "statements": [
        {"speaker": "Ana Ruiz", "evidence": "Ruiz said Mexico City would not lift the steel tariffs before June."},
        {"speaker": "Ana Ruiz", "evidence": "\"I expect a deal by July,\" Ruiz said."},
    ],
}


def _f1s(score) -> dict[str, float]:
    return {c: score.category(c).f1 for c in q.CATEGORIES}


# --- the scorer ---------------------------------------------------------------


def test_perfect_output_scores_one():
    score = q.score_document(GOLD_DOC, copy.deepcopy(GOLD_DOC))
    assert _f1s(score) == {c: 1.0 for c in q.CATEGORIES}
    assert score.actor_type.value == 1.0 and score.commitment_kind.value == 1.0
    assert score.commitments.tp == 2 and score.statements.tp == 2


@pytest.mark.parametrize("path", sorted(GOLD.glob("*.json")), ids=lambda p: p.stem)
def test_each_gold_file_scores_one_against_itself(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    score = q.score_document(gold, copy.deepcopy(gold))
    assert _f1s(score) == {c: 1.0 for c in q.CATEGORIES}
    assert score.commitment_kind.value == 1.0  # same-sentence commitments pair up by kind


def test_empty_output_scores_zero():
    score = q.score_document(GOLD_DOC, {})
    assert _f1s(score) == {c: 0.0 for c in q.CATEGORIES}
    assert score.actors.fn == 3 and score.actors.fp == 0
    assert score.actor_type.value is None  # no matched pair, no accuracy
    assert all(m["why"] == "nothing extracted from this sentence" for m in score.commitments.misses)


def test_an_empty_category_scores_zero_as_score_py_does():
    # Nothing to find and nothing found: P = tp/sys and R = tp/gold are taken as 0, as in score.py.
    score = q.score_document({"document": "d.txt", "actors": GOLD_DOC["actors"]},
                             {"actors": GOLD_DOC["actors"]})
    assert score.actors.f1 == 1.0
    assert score.places.figures() == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "sys": 0, "gold": 0}
    assert score.commitment_kind.value is None and score.commitment_kind.rounded() == 0.0


def test_split_actor_costs_precision_not_recall():
    system = {"actors": [{"name": "Ana Ruiz", "type": "Person", "aliases": ["Ana Ruiz"]},
                         {"name": "Ruiz", "type": "Person", "aliases": []}]}
    score = q.score_document({"document": "d.txt", "actors": GOLD_DOC["actors"][:1]}, system)
    assert (score.actors.tp, score.actors.fp, score.actors.fn) == (1, 1, 0)
    assert score.actors.precision == 0.5 and score.actors.recall == 1.0
    [fp] = score.actors.false_positives
    assert fp["name"] == "Ruiz" and fp["why"].startswith("split")


def test_the_first_fragment_of_a_split_in_system_order_is_the_match():
    system = {"actors": [{"name": "Ruiz", "type": "Organization"},
                         {"name": "Ana Ruiz", "type": "Person", "aliases": ["Trade Minister Ana Ruiz"]}]}
    score = q.score_document({"document": "d.txt", "actors": GOLD_DOC["actors"][:1]}, system)
    # score.py is greedy in system order: "Ruiz" comes first and takes the gold actor,
    # although "Ana Ruiz" shares more names with it.
    assert score.actors.false_positives[0]["name"] == "Ana Ruiz"
    assert score.actor_type.value == 0.0
    system["actors"].reverse()
    score = q.score_document({"document": "d.txt", "actors": GOLD_DOC["actors"][:1]}, system)
    assert score.actors.false_positives[0]["name"] == "Ruiz" and score.actor_type.value == 1.0


def test_merged_actor_misses_the_second_gold_actor():
    system = {"actors": [{"name": "Mexico", "type": "Country", "aliases": ["Canada"]}]}
    score = q.score_document({"document": "d.txt", "actors": GOLD_DOC["actors"]}, system)
    assert score.actors.tp == 1 and score.actors.fn == 2
    assert any("merged into system 'Mexico'" in m["why"] for m in score.actors.misses)


def test_wrong_committer_makes_a_commitment_miss():
    system = copy.deepcopy(GOLD_DOC)
    system["commitments"][0]["actor"] = "Canada"
    score = q.score_document(GOLD_DOC, system)
    assert (score.commitments.tp, score.commitments.fp, score.commitments.fn) == (1, 1, 1)
    [miss] = score.commitments.misses
    assert miss["actor"] == "Mexico" and "system has it by 'Canada'" in miss["why"]
    [fp] = score.commitments.false_positives
    assert "gold has it by 'Mexico'" in fp["why"]


def test_committer_matches_through_any_shared_name():
    # The system calls the committer by a metonym only the gold aliases know.
    system = {"actors": [{"name": "Mexico City", "type": "Organization"}],
              "commitments": [dict(GOLD_DOC["commitments"][0], actor="Mexico City")]}
    score = q.score_document(GOLD_DOC, system)
    assert score.commitments.tp == 1


def test_a_committer_without_system_actor_resolves_through_gold_aliases():
    fact = dict(GOLD_DOC["commitments"][0], actor="the Mexico City")  # a gold alias of Mexico, normalised
    assert q.score_document(GOLD_DOC, {"commitments": [fact]}).commitments.tp == 1
    fact["actor"] = "Estados Unidos Mexicanos"  # neither a system actor nor a gold name: no match
    score = q.score_document(GOLD_DOC, {"commitments": [fact]})
    assert score.commitments.tp == 0
    assert "is no gold actor" in score.commitments.false_positives[0]["why"]


def test_the_actor_mapping_beats_the_gold_alias_look_up():
    # The system actor "Mexico City" also carries "Ruiz", so it meets Ana Ruiz first (gold
    # order): its commitments are Ana Ruiz's, not Mexico's, whatever the gold aliases say.
    system = {"actors": [{"name": "Mexico City", "type": "Country", "aliases": ["Ruiz"]}],
              "commitments": [dict(GOLD_DOC["commitments"][0], actor="Mexico City")]}
    assert q.score_document(GOLD_DOC, system).commitments.tp == 0
    system["actors"][0]["aliases"] = []
    assert q.score_document(GOLD_DOC, system).commitments.tp == 1


def test_normalisation_rules():
    assert q.normalize("The Farmers’ Movement") == q.normalize("Farmers' Movement") == "farmers movement"
    assert q.normalize("  the   White  House ") == "white house"
    assert q.normalize("THE HAGUE") == "hague"
    assert q.normalize("a Treasury spokesman") == "treasury spokesman"
    assert q.normalize("An analyst") == "analyst"
    assert q.normalize("U.S.") == "u.s." != q.normalize("US")  # "." is kept
    assert q.normalize("Theodore") == q.normalize("theodore") == "theodore"  # only a whole leading word
    assert q.normalize("Anna") == "anna"
    assert q.normalize("Willem-Alexander") == "willem alexander"  # punctuation becomes a space
    assert q.normalize("“The president”") == "the president"  # the article goes before the punctuation
    gold = {"document": "d.txt", "places": [{"name": "The Hague", "aliases": ["The Hague"]}]}
    assert q.score_document(gold, {"places": [{"name": "the hague!"}]}).places.tp == 1


def test_one_to_one_fact_matching():
    one = {"speaker": "Ana Ruiz", "evidence": GOLD_DOC["statements"][1]["evidence"]}
    score = q.score_document(GOLD_DOC, {"actors": GOLD_DOC["actors"], "statements": [one, dict(one)]})
    assert (score.statements.tp, score.statements.fp, score.statements.fn) == (1, 1, 1)
    assert score.statements.false_positives[0]["why"].startswith("duplicate")
    # one system fact cannot satisfy two gold facts on one sentence
    gold = {"document": "d.txt", "actors": GOLD_DOC["actors"],
            "statements": [dict(one), dict(one)]}
    score = q.score_document(gold, {"actors": GOLD_DOC["actors"], "statements": [one]})
    assert (score.statements.tp, score.statements.fn) == (1, 1)


def test_containment_threshold_either_direction():
    gold_ev = "Ruiz said Mexico City would not lift the steel tariffs before June."
    passage = gold_ev + " She said Ottawa had to move first, and that talks would resume next week in Toronto."
    clause = "would not lift the steel tariffs"  # 6 of its 6 tokens are in the gold sentence
    far = "Ruiz said Mexico may talk"  # 3 of its 5 tokens (0.6) in gold; 3 of 12 the other way
    short = "Ruiz spoke of Mexico on Tuesday"  # 2 of 6 tokens
    for ev, hit in ((passage, True), (clause, True), (far, True), (short, False)):
        system = {"actors": GOLD_DOC["actors"], "statements": [{"speaker": "Ruiz", "evidence": ev}]}
        gold = {"document": "d.txt", "actors": GOLD_DOC["actors"], "statements": [GOLD_DOC["statements"][0]]}
        assert q.score_document(gold, system).statements.tp == int(hit), ev
    assert q.containment(q.tokens(far), q.tokens(gold_ev)) == pytest.approx(0.6)


def test_tokens_are_sets_of_lowercased_word_characters():
    assert q.tokens("The the THE, Ruiz’s") == frozenset({"the", "ruiz", "s"})
    assert q.containment(frozenset(), frozenset({"a"})) == 0.0


def test_type_and_kind_accuracy_over_matched_pairs():
    system = copy.deepcopy(GOLD_DOC)
    system["actors"][2]["type"] = "Organization"  # Canada
    system["commitments"][1]["kind"] = "promise"
    del system["commitments"][0]  # unmatched pairs do not count
    score = q.score_document(GOLD_DOC, system)
    assert (score.actor_type.correct, score.actor_type.total) == (2, 3)
    assert score.actor_type.errors[0]["system_type"] == "Organization"
    assert (score.commitment_kind.correct, score.commitment_kind.total) == (0, 1)
    assert score.commitment_kind.errors[0]["gold_kind"] == "expectation"


def test_an_unset_kind_is_never_right():
    gold = {"document": "d.txt", "actors": GOLD_DOC["actors"],
            "commitments": [dict(GOLD_DOC["commitments"][1], kind="")]}
    score = q.score_document(gold, copy.deepcopy(gold))
    assert score.commitments.tp == 1 and score.commitment_kind.value == 0.0


@pytest.mark.parametrize(("system_target", "gold_target", "right"), [
    (None, None, True),  # both null
    ("Ottawa", "Canada", True),  # through the actor mapping (the system actor "Canada" carries "Ottawa")
    ("Canada", "Canada", True),
    ("the Ottawa", "Canada", True),  # not a system actor name: the gold aliases decide
    ("Mexico", "Canada", False),
    (None, "Canada", False),
    ("Canada", None, False),
    ("Atlantis", None, False),  # a target that resolves to no gold actor is not "no target"
])
def test_target_accuracy_resolves_the_system_target_like_the_committer(system_target, gold_target, right):
    gold = copy.deepcopy(GOLD_DOC)
    gold["commitments"] = [dict(GOLD_DOC["commitments"][0], target=gold_target)]
    system = copy.deepcopy(gold)
    system["actors"][2] = {"name": "Ottawa", "type": "Country", "aliases": ["Canada"]}
    system["commitments"][0]["target"] = system_target
    score = q.score_document(gold, system)
    assert score.commitments.tp == 1
    assert (score.commitment_target.correct, score.commitment_target.total) == (int(right), 1)
    assert score.figures()["commitments"]["target_acc"] == float(right)
    if not right:
        assert score.commitment_target.errors[0]["system_target"] == system_target


def test_target_accuracy_counts_matched_pairs_only():
    system = copy.deepcopy(GOLD_DOC)
    del system["commitments"][1]  # the expectation (null target) is not matched
    system["commitments"][0]["target"] = None  # gold: Canada
    score = q.score_document(GOLD_DOC, system)
    assert (score.commitment_target.correct, score.commitment_target.total) == (0, 1)
    assert score.figures()["commitments"]["target_ok"] == 0


def test_same_sentence_commitments_pair_up_in_order_not_by_kind():
    # score.py pairs facts of equal overlap in system then gold order, kinds unseen:
    # a reversed pair costs kind accuracy, not F1.
    ev = "European leaders proposed a levy and urged Ottawa to back it."
    gold = {"document": "d.txt", "actors": [{"name": "European leaders", "type": "Group", "aliases": []}],
            "commitments": [{"actor": "European leaders", "kind": "proposal", "evidence": ev},
                            {"actor": "European leaders", "kind": "demand", "evidence": ev}]}
    system = copy.deepcopy(gold)
    assert q.score_document(gold, system).commitment_kind.value == 1.0
    system["commitments"].reverse()
    score = q.score_document(gold, system)
    assert score.commitments.tp == 2 and score.commitment_kind.value == 0.0


def test_the_highest_overlap_wins_the_system_fact():
    first = "Ruiz said Mexico City would not lift the steel tariffs before June."
    second = "Ruiz said Mexico City would not lift the tariffs on Canadian steel soon."  # overlap 10/12
    gold = {"document": "d.txt", "actors": GOLD_DOC["actors"],
            "statements": [{"speaker": "Ana Ruiz", "evidence": second}, {"speaker": "Ana Ruiz", "evidence": first}]}
    system = {"actors": GOLD_DOC["actors"], "statements": [{"speaker": "Ana Ruiz", "evidence": first}]}
    score = q.score_document(gold, system)
    # both gold facts are above the threshold; the exact one (1.0) beats the first in gold order
    assert score.statements.tp == 1 and score.statements.misses[0]["evidence"] == second


def test_micro_average_sums_counts_over_documents():
    a = q.score_document(GOLD_DOC, copy.deepcopy(GOLD_DOC))  # actors 3/3
    b_gold = {"document": "e.txt", "actors": [{"name": "Oslo", "type": "Country"}]}
    b = q.score_document(b_gold, {"actors": [{"name": "Bergen", "type": "Country"}]})  # 0/1, 1 fp
    micro = q.micro_average([a, b])
    assert (micro.actors.tp, micro.actors.fp, micro.actors.fn) == (3, 1, 1)
    assert micro.actors.precision == 0.75  # a macro average would say 0.5
    assert micro.actor_type.total == 3
    assert [m["document"] for m in micro.actors.misses] == ["e.txt"]


def test_doctests_of_the_module_pass():
    result = doctest.testmod(q)
    assert result.attempted > 5 and result.failed == 0


def test_report_ends_with_a_short_summary(capsys):
    scores = [q.score_document(GOLD_DOC, {"actors": GOLD_DOC["actors"][:2]})]
    q.print_report(scores, q.micro_average(scores), GOLD)
    tail = capsys.readouterr().out.rstrip("\n").splitlines()[-8:]
    assert tail[0].startswith("quality summary over 1 documents")
    text = "\n".join(tail)
    for word in (*q.CATEGORIES, "actor-type accuracy", "commitment-kind accuracy", "commitment-target accuracy"):
        assert word in text
    assert "actors       P 1.000  R 0.667  F1 0.800  (tp 2, sys 2, gold 3)" in text


# --- the adapters ----------------------------------------------------------------


def _two_document_graph():
    from kg.graph import KnowledgeGraph
    from kg.types import Actor, Commitment, Document, Evidence, Mention, Place, Statement

    t1 = "Ana Ruiz said Mexico would not lift tariffs."
    t2 = "Ruiz spoke in Toronto. We will not lift tariffs, she said."
    ruiz = Actor("urn:ruiz", "Ana Ruiz", "Person", aliases=["Ruiz"],
                 mentions=[Mention("d1", 0, 0, 8, "Ana Ruiz"), Mention("d2", 0, 0, 4, "Ruiz")])
    mexico = Actor("urn:mx", "Mexico", "Country", aliases=["Mexico City"],
                   mentions=[Mention("d1", 0, 14, 20, "Mexico")])
    toronto = Place("urn:to", "Toronto", mentions=[Mention("d2", 0, 14, 21, "Toronto")])
    ev1 = Evidence("d1", 0, 0, len(t1), t1)
    ev2 = Evidence("d2", 1, 23, len(t2), t2[23:])
    refusal = Commitment("urn:c1", "urn:mx", "refusal", "lift tariffs", target="urn:ruiz", evidence=[ev2, ev1])
    said = Statement("urn:s1", "urn:ruiz", "Mexico would not lift tariffs", quote=False,
                     evidence=[Evidence("d1", 0, 14, 20, "Mexico"), ev1, ev2])
    graph = KnowledgeGraph(actors=[ruiz, mexico], places=[toronto], commitments=[refusal], statements=[said],
                           documents=[Document("d1", t1), Document("d2", t2), Document("d3", "Nothing.")])
    return graph, t1, t2


def test_graph_to_annotations_projects_per_document():
    graph, t1, t2 = _two_document_graph()
    ann = q.graph_to_annotations(graph)

    assert set(ann) == {"d1", "d2", "d3"}
    assert [a["name"] for a in ann["d1"]["actors"]] == ["Ana Ruiz", "Mexico"]
    assert [a["name"] for a in ann["d2"]["actors"]] == ["Ana Ruiz"]  # Mexico has no mention in d2
    assert ann["d2"]["actors"][0] == {"name": "Ana Ruiz", "type": "Person", "aliases": ["Ruiz"]}
    assert ann["d2"]["places"] == [{"name": "Toronto", "aliases": []}] and ann["d1"]["places"] == []
    # one entry per document with evidence, carrying that document's evidence texts joined
    assert ann["d1"]["commitments"] == [{"actor": "Mexico", "kind": "refusal", "target": "Ana Ruiz", "evidence": t1}]
    assert [c["evidence"] for c in ann["d2"]["commitments"]] == [t2[23:]]
    assert [s["evidence"] for s in ann["d1"]["statements"]] == ["Mexico " + t1]
    assert ann["d3"] == {"document": "d3", "actors": [], "places": [], "commitments": [], "statements": []}

    # The committer has no mention in d2, yet the commitment scores: its name is a gold name.
    gold = {"document": "d2", "actors": [{"name": "Mexico", "type": "Country", "aliases": ["Mexico City"]}],
            "commitments": [{"actor": "Mexico", "kind": "refusal", "evidence": t2[23:]}]}
    assert q.score_document(gold, ann["d2"]).commitments.tp == 1


def test_system_annotations_project_the_whole_graph_as_evaluate_py_does():
    graph, t1, t2 = _two_document_graph()
    ann = q.system_annotations(graph)
    assert [a["name"] for a in ann["actors"]] == ["Ana Ruiz", "Mexico"]
    assert ann["places"] == [{"name": "Toronto", "aliases": []}]
    # every evidence text, in the graph's order, joined by spaces; names through graph.name_of
    assert ann["commitments"] == [{"actor": "Mexico", "kind": "refusal", "target": "Ana Ruiz",
                                   "evidence": f"{t2[23:]} {t1}"}]
    assert ann["statements"] == [{"speaker": "Ana Ruiz", "evidence": f"Mexico {t1} {t2[23:]}"}]
    if (SHARED_GOLD / "evaluate.py").is_file():
        assert ann == _reference().system_of(graph)


# --- agreement with the reference scorer (../shared/gold/score.py) ---------------

_NAMES = ["Ana Ruiz", "Ruiz", "the minister", "Minister", "Mexico", "mexico city", "The Mexico City", "Canada",
          "Ottawa", "an Ottawa", "Toronto", "Lima", "Trade Minister Ana Ruiz", "Ruiz’s", "Canada!"]
_TYPES = ["Person", "Country", "Organization", "Group"]
_KINDS = ["refusal", "expectation", "promise", "demand", "", None]
_SENTENCES = [
    "Ruiz said Mexico City would not lift the steel tariffs before June.",
    "\"I expect a deal by July,\" Ruiz said.",
    "Ruiz said Mexico City would not lift the tariffs on Canadian steel soon.",
    "Ottawa said it expected a deal by July.",
    "Ruiz said Mexico may talk",  # 3 of its 5 tokens in the first sentence: 0.6, a match
    "Ruiz said Mexico will talk again",  # 3 of 6: 0.5, no match
    "The minister spoke of Canada on Tuesday.",
    "",
]
#: a second made-up gold document: a gold name twice among aliases, facts on one sentence, places
_GOLD_B = {
    "document": "b.txt",
    "actors": [
        {"name": "Mexico", "type": "Country", "aliases": ["Mexico", "Mexico City"]},
        {"name": "Ana Ruiz", "type": "Person", "aliases": ["Ruiz", "the minister", "Mexico City"]},
        {"name": "Canada", "type": "Country", "aliases": ["Ottawa"]},
    ],
    "places": [{"name": "Toronto", "aliases": ["Toronto"]}, {"name": "Ottawa", "aliases": ["Ottawa"]},
               {"name": "Lima", "aliases": ["Lima", "Toronto"]}],
    "commitments": [
        {"actor": "Mexico", "kind": "refusal", "target": "Canada", "evidence": _SENTENCES[0]},
        {"actor": "Mexico", "kind": "expectation", "target": None, "evidence": _SENTENCES[0]},
        {"actor": "Canada", "kind": "expectation", "target": None, "evidence": _SENTENCES[3]},
        {"actor": "Ana Ruiz", "kind": "expectation", "target": "Mexico", "evidence": _SENTENCES[1]},
    ],
    "statements": [{"speaker": "Ana Ruiz", "evidence": x} for x in _SENTENCES[:3]]
    + [{"speaker": "Canada", "evidence": _SENTENCES[3]}],
}


def _reference():
    """../shared/gold/evaluate.py (and through it score.py), loaded once; skip without it."""
    if not (SHARED_GOLD / "evaluate.py").is_file() or not (SHARED_GOLD / "score.py").is_file():
        pytest.skip(f"the reference scorer is not there ({SHARED_GOLD}/score.py, evaluate.py)")
    saved_path, saved_flag = list(sys.path), sys.dont_write_bytecode
    sys.dont_write_bytecode = True  # shared/ is read-only: no __pycache__ there
    try:  # evaluate.py puts its folder on sys.path to import score.py
        return _load_module("kg_reference_evaluate", SHARED_GOLD / "evaluate.py")
    finally:
        sys.path[:] = saved_path
        sys.dont_write_bytecode = saved_flag


def _random_system(rng: random.Random) -> dict:
    def names(k: int) -> list[str]:
        return rng.sample(_NAMES, k=k)

    def fact(who_key: str) -> dict:
        out = {who_key: rng.choice([*_NAMES, None]), "evidence": rng.choice(_SENTENCES)}
        if who_key == "actor":
            out.update(kind=rng.choice(_KINDS), target=rng.choice([*_NAMES[:8], None, None]))
        return out

    return {
        "actors": [{"name": n, "type": rng.choice(_TYPES), "aliases": names(rng.randint(0, 2))}
                   for n in names(rng.randint(0, 6))],
        "places": [{"name": n, "aliases": names(rng.randint(0, 1))} for n in names(rng.randint(0, 4))],
        "commitments": [fact("actor") for _ in range(rng.randint(0, 6))],
        "statements": [fact("speaker") for _ in range(rng.randint(0, 6))],
    }


def _assert_same_figures(ours: dict, reference: dict) -> None:
    """Every figure score.py reports (P/R/F1 rounded as it rounds, tp/sys/gold, kind accuracy) is ours."""
    for c in q.CATEGORIES:
        assert reference[c], c
        assert {k: ours[c][k] for k in reference[c]} == reference[c], c


def test_the_scorer_agrees_with_score_py_on_made_up_outputs():
    ref = _reference()
    rng = random.Random(13)
    ours_all, refs_all, matched = [], [], 0
    for _ in range(400):
        gold = rng.choice([GOLD_DOC, _GOLD_B])
        system = _random_system(rng)
        ours, reference = q.score_document(gold, system), ref.score(copy.deepcopy(system), gold)
        _assert_same_figures(ours.figures(), reference)
        assert [m["evidence"][:90] for m in ours.commitments.misses] == reference["missed_commitments"]
        ours_all.append(ours)
        refs_all.append(reference)
        matched += ours.commitments.tp + ours.statements.tp
    _assert_same_figures(q.micro_average(ours_all).figures(), ref.micro(refs_all))
    assert matched > 100  # the made-up outputs do match facts, so the comparison has teeth


def _dev_sample() -> list:
    if not (DEV / "gold").is_dir():
        pytest.skip(f"the dev set is not there ({DEV})")
    return q.load_gold(DEV / "gold", DEV / "texts")[::8]  # 5 of the 40, across the topics


def _founding() -> list:
    if not (SHARED_GOLD.parent / "seeds").is_dir():
        pytest.skip(f"the founding set is not there ({SHARED_GOLD}, {SHARED_GOLD.parent / 'seeds'})")
    return q.load_gold(SHARED_GOLD, SHARED_GOLD.parent / "seeds")


@pytest.mark.parametrize("sample", [_founding, _dev_sample], ids=["founding", "dev-sample"])
def test_quality_gives_the_figures_of_evaluate_and_score_py(nlp, sample):
    import kg

    ref = _reference()
    golds = sample()
    ours = q.score_articles(golds, nlp)
    reference = [ref.score(ref.system_of(kg.build([path.read_text()], nlp=nlp)), gold) for gold, path in golds]
    assert [s.document for s in ours] == [g["document"] for g, _ in golds]
    for doc, reference_doc in zip(ours, reference):
        _assert_same_figures(doc.figures(), reference_doc)
    micro = q.micro_average(ours)
    _assert_same_figures(micro.figures(), ref.micro(reference))
    assert micro.actors.tp > 0 and micro.statements.tp > 0  # a broken build would agree trivially


# --- running sets and the command line ---------------------------------------------

TINY_TEXT = ("Mexico and Canada resumed trade talks in Toronto on Monday. "
             "Mexican Trade Minister Ana Ruiz said Mexico would not lift its steel tariffs.")
TINY_GOLD = {
    "document": "tiny.txt",
    "actors": [{"name": "Ana Ruiz", "type": "Person", "aliases": ["Mexican Trade Minister Ana Ruiz", "Ana Ruiz"]},
               {"name": "Mexico", "type": "Country", "aliases": ["Mexico", "Mexican"]},
               {"name": "Canada", "type": "Country", "aliases": ["Canada"]}],
    "places": [{"name": "Toronto", "aliases": ["Toronto"]}],
    "commitments": [{"actor": "Mexico", "kind": "refusal", "target": None, "content": "lift steel tariffs",
                     "evidence": "Mexican Trade Minister Ana Ruiz said Mexico would not lift its steel tariffs."}],
    "statements": [{"speaker": "Ana Ruiz",
                    "evidence": "Mexican Trade Minister Ana Ruiz said Mexico would not lift its steel tariffs."}],
}


def _tiny_set(folder: Path) -> Path:
    (folder / "tiny.txt").write_text(TINY_TEXT, encoding="utf-8")
    (folder / "tiny.json").write_text(json.dumps(TINY_GOLD), encoding="utf-8")
    other = dict(TINY_GOLD, document="other.txt", commitments=[], statements=[])
    (folder / "other.txt").write_text("Canada and Mexico met in Toronto again on Friday.", encoding="utf-8")
    (folder / "other.json").write_text(json.dumps(other), encoding="utf-8")
    return folder


def test_each_article_alone_and_one_graph(nlp, tmp_path):
    folder = _tiny_set(tmp_path)
    alone, micro = q.run(folder, folder, nlp=nlp)
    assert [s.document for s in alone] == ["other.txt", "tiny.txt"]
    assert micro.actors.n_gold == 6 and micro.actors.tp >= 4
    merged, _ = q.run(folder, folder, nlp=nlp, one_graph=True)
    assert [s.document for s in merged] == ["other.txt", "tiny.txt"]
    assert merged[1].actors.tp >= 2 and merged[1].places.tp == 1  # each document gets its own entities


def test_the_default_sets_are_the_founding_and_dev_sets():
    assert [s.name for s in q.DEFAULT_SETS] == ["founding", "dev"]
    founding, dev = q.DEFAULT_SETS
    assert (founding.gold, founding.texts) == (SHARED_GOLD, SHARED_GOLD.parent / "seeds")
    assert (dev.gold, dev.texts) == (DEV / "gold", DEV / "texts")
    if all(s.gold.is_dir() and s.texts.is_dir() for s in q.DEFAULT_SETS):
        assert q.selected_sets(None, None) == list(q.DEFAULT_SETS)
    [own] = q.selected_sets(GOLD, None)
    assert (own.gold, own.texts) == (GOLD, GOLD / "texts")
    with pytest.raises(ValueError):
        q.selected_sets(None, GOLD / "texts")


def test_side_by_side_table_shows_every_set(capsys):
    a = q.SetResult(q.GoldSet("first", GOLD, GOLD), [q.score_document(GOLD_DOC, copy.deepcopy(GOLD_DOC))],
                    q.micro_average([q.score_document(GOLD_DOC, copy.deepcopy(GOLD_DOC))]))
    empty = q.score_document(GOLD_DOC, {})
    b = q.SetResult(q.GoldSet("second", GOLD, GOLD), [empty], q.micro_average([empty]))
    q.print_side_by_side([a, b])
    out = capsys.readouterr().out
    assert "first (1 docs)" in out and "second (1 docs)" in out
    assert "3/3/3" in out and "0/0/3" in out  # actors tp/sys/gold of each set
    assert "commitment-target accuracy" in out and "1.000 (2/2)" in out


def test_cli_json_on_a_tiny_set(tmp_path):
    folder = _tiny_set(tmp_path)
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "quality.py"), "--gold", str(folder),
                           "--texts", str(folder), "--json"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["mode"] == "each-article-alone"
    [one] = result["sets"].values()
    assert list(one["documents"]) == ["other.txt", "tiny.txt"]
    micro = one["micro"]
    assert set(micro) >= {*q.CATEGORIES, "actor_type", "commitment_kind", "commitment_target"}
    assert micro["actors"]["tp"] + micro["actors"]["fn"] == micro["actors"]["gold"] == 6
    assert micro["actors"]["tp"] >= 4  # an NER that misses "Ana Ruiz" and "Mexico" is broken
    assert micro["places"]["r"] == 1.0
    figures = one["figures"]
    assert set(figures["commitments"]) >= {"p", "r", "f1", "tp", "sys", "gold", "kind_acc", "target_acc"}
    assert figures["actors"] == {k: micro["actors"][k] for k in ("p", "r", "f1", "tp", "sys", "gold")}


def test_cli_reports_a_missing_text(tmp_path):
    (tmp_path / "x.json").write_text(json.dumps({"document": "absent.txt"}), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "quality.py"), "--gold", str(tmp_path),
                           "--texts", str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "absent.txt" in proc.stderr


# --- the project's own gold set --------------------------------------------------

ACTOR_TYPES = {"Person", "Organization", "Country", "Group"}
KINDS = {"promise", "demand", "proposal", "expectation", "agreement", "refusal"}
GOLD_FILES = sorted(GOLD.glob("*.json"))


def test_the_gold_set_has_six_articles_of_news_length():
    assert len(GOLD_FILES) >= 6
    for path in GOLD_FILES:
        words = len((GOLD / "texts" / f"{path.stem}.txt").read_text(encoding="utf-8").split())
        assert 250 <= words <= 450, (path.name, words)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_annotations_are_verbatim_and_consistent(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert gold["document"] == f"{path.stem}.txt"
    text = (GOLD / "texts" / gold["document"]).read_text(encoding="utf-8")
    actors = {a["name"] for a in gold["actors"]}
    assert len(actors) == len(gold["actors"])
    for entity in gold["actors"] + gold["places"]:
        assert entity["aliases"], entity["name"]
        for alias in entity["aliases"]:
            assert alias in text, (entity["name"], alias)
    assert {a["type"] for a in gold["actors"]} <= ACTOR_TYPES
    for c in gold["commitments"]:
        assert c["evidence"] in text, c["evidence"]
        assert c["actor"] in actors and (c["target"] is None or c["target"] in actors), c
        assert c["kind"] in KINDS and c["content"]
    for s in gold["statements"]:
        assert s["evidence"] in text, s["evidence"]
        assert s["speaker"] in actors, s
    for r in gold.get("relations", []):
        assert r["evidence"] in text and r["subject"] in actors, r


def test_the_gold_set_stays_clear_of_the_founding_examples():
    banned = ("trump", "zelensk", "witkoff", "waltz", "ukrain", "kyiv")
    for path in GOLD.rglob("*"):
        if path.is_file():
            body = path.read_text(encoding="utf-8").lower()
            assert not any(b in body for b in banned), path.name


def test_the_gold_set_covers_every_kind_and_type():
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in GOLD_FILES]
    assert {c["kind"] for g in golds for c in g["commitments"]} == KINDS
    assert {a["type"] for g in golds for a in g["actors"]} == ACTOR_TYPES


def test_a_near_miss_shows_the_system_evidence():
    gold = {"document": "d.txt", "actors": GOLD_DOC["actors"], "statements": [GOLD_DOC["statements"][0]]}
    clipped = "Ruiz said Mexico City would wait for Ottawa and Washington to act"  # 5 of 12 each way
    score = q.score_document(gold, {"actors": GOLD_DOC["actors"],
                                    "statements": [{"speaker": "Ana Ruiz", "evidence": clipped}]})
    [miss] = score.statements.misses
    assert miss["why"].startswith("same speaker, evidence overlap only 0.42") and "Ottawa" in miss["why"]
