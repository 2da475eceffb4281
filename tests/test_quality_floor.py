"""The CI floor (issue 13): kg's micro figures on the dev set (../shared/gold/dev, the
40 articles each built alone, as the reference evaluate.py builds them) must not fall
below benchmarks/floor.json.  A floor on the whole set, not on sentences: one rule
may trade a miss for a hit anywhere, as long as the set as a whole holds."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "gold" / "dev"  # read-only, beside the project (also in CI)
FLOOR_FILE = ROOT / "benchmarks" / "floor.json"
F1_CATEGORIES = ("actors", "places", "commitments", "statements")

pytestmark = pytest.mark.skipif(not (DEV / "gold").is_dir() or not (DEV / "texts").is_dir(),
                                reason=f"the dev set is not there ({DEV}/gold, {DEV}/texts)")


def _load_quality() -> Any:
    name = "kg_bench_quality"
    if name in sys.modules:  # tests/test_quality.py loads it too
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "quality.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


q = _load_quality()


def _floor() -> dict[str, Any]:
    return json.loads(FLOOR_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dev_scores(nlp) -> list[Any]:
    """The scores of the 40 dev articles, each built alone with the session pipeline."""
    return q.score_articles(q.load_gold(DEV / "gold", DEV / "texts"), nlp)


@pytest.fixture(scope="module")
def dev_micro(dev_scores) -> Any:
    return q.micro_average(dev_scores)


def test_the_floor_file_names_every_figure():
    floor = _floor()
    assert set(floor["f1"]) == set(F1_CATEGORIES)
    for value in [*floor["f1"].values(), floor["commitment_kind_accuracy"], floor["commitment_target_accuracy"]]:
        assert isinstance(value, float) and 0.0 < value <= 1.0, value


@pytest.mark.parametrize("category", F1_CATEGORIES)
def test_dev_f1_holds_the_floor(dev_micro, category):
    measured, floor = dev_micro.category(category).f1, _floor()["f1"][category]
    assert measured >= floor, (f"dev {category} micro F1 {measured:.3f} is below its floor {floor:.2f} "
                               f"({FLOOR_FILE.relative_to(ROOT)})")


def test_dev_commitment_kind_accuracy_holds_the_floor(dev_micro):
    measured = dev_micro.commitment_kind.value or 0.0
    floor = _floor()["commitment_kind_accuracy"]
    assert measured >= floor, (f"dev commitment-kind accuracy {measured:.3f} "
                               f"({dev_micro.commitment_kind.correct}/{dev_micro.commitment_kind.total}) "
                               f"is below its floor {floor:.2f} ({FLOOR_FILE.relative_to(ROOT)})")


def test_dev_commitment_target_accuracy_holds_the_floor(dev_micro):
    measured = dev_micro.commitment_target.value or 0.0
    floor = _floor()["commitment_target_accuracy"]
    assert measured >= floor, (f"dev commitment-target accuracy {measured:.3f} "
                               f"({dev_micro.commitment_target.correct}/{dev_micro.commitment_target.total}) "
                               f"is below its floor {floor:.2f} ({FLOOR_FILE.relative_to(ROOT)})")


def test_the_floor_is_taken_on_the_whole_set(dev_scores):
    assert len(dev_scores) == len(list((DEV / "gold").glob("*.json"))) == 40
