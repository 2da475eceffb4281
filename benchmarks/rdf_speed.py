"""Serialising a large graph: rdflib against pyoxigraph, Turtle and N-Triples.

    python benchmarks/rdf_speed.py                     # ~1,000,000 triples
    python benchmarks/rdf_speed.py --triples 1000 --output /tmp/smoke.json

A synthetic :class:`kg.graph.KnowledgeGraph` (actors, places, commitments and
statements with evidence, like a large news corpus gives) is generated from a
fixed seed.  Each method then runs in a fresh child process, so that its peak
memory (the kernel's ``ru_maxrss``) is its own:

* ``rdflib-<fmt>``: the quads of :mod:`kg.rdf.convert` into an ``rdflib.Graph``,
  then ``Graph.serialize``;
* ``pyoxigraph-<fmt>``: kg's own writer, :func:`kg.rdf.write_rdf` (Turtle
  streamed from the records in its sorted order, :mod:`kg.rdf.turtle`;
  N-Triples streamed through pyoxigraph);
* ``store-turtle``: pyoxigraph's own serialisation of the same triples: kg's
  Turtle loaded into a ``pyoxigraph.Store`` (not timed), then ``Store.dump``
  to Turtle (timed), the yardstick for kg's writer.

Per method: seconds to build the in-memory graph (rdflib only), seconds to
serialise, the total, peak RSS and its rise over the RSS after generating the
KnowledgeGraph.  Results go to ``benchmarks/results/rdf_speed.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

METHODS = ("rdflib-turtle", "pyoxigraph-turtle", "store-turtle", "rdflib-nt", "pyoxigraph-nt")
#: Issue 15: kg's Turtle within this factor of pyoxigraph's own serialisation (store-turtle).
GOAL_FACTOR = 2.0
_WORDS = "cease fire talks peace deal aid troops border sanctions summit meeting accord vote".split()


def make_graph(units: int, seed: int = 7):
    """A deterministic synthetic graph: one unit is 2 actors, a place, 2
    commitments and a statement with their evidence (about 60 triples)."""
    from kg.config import DEFAULT_BASE_IRI as B
    from kg.graph import KnowledgeGraph
    from kg.ids import actor_iri, fact_iri, place_iri
    from kg.types import Actor, Commitment, Document, Evidence, Mention, Place, Role, Statement

    rng = random.Random(seed)
    n_docs = max(1, units // 20)
    docs = [Document(f"doc{i:06d}.txt", "", title=f"Article {i}", date="2025-03-06",
                     url=f"https://news.example/{i}") for i in range(n_docs)]
    actors, places, commitments, statements = [], [], [], []
    for u in range(units):
        doc = docs[u % n_docs].id
        start = (u // n_docs) * 200

        def ev(offset: int, text: str, doc=doc, start=start) -> Evidence:
            return Evidence(doc, offset // 100, start + offset, start + offset + len(text), text)

        words = " ".join(rng.choice(_WORDS) for _ in range(8))
        a1, a2 = f"Person {u}", f"Organization {u}"
        i1, i2 = actor_iri(B, a1), actor_iri(B, a2)
        e1, e2 = ev(0, f"{a1} promised to {words}."), ev(100, f"{a2} demanded that {words}.")
        actors.append(Actor(i1, a1, "Person", aliases=[f"P{u}"], roles=[Role("minister", "Minister", i2, e1)],
                            mentions=[Mention(doc, 0, start, start + 8, a1)], affiliations=[i2]))
        actors.append(Actor(i2, a2, "Organization", mentions=[Mention(doc, 1, start + 100, start + 110, a2)],
                            wikidata=f"Q{u + 1}"))
        p = place_iri(B, f"Place {u}")
        places.append(Place(p, f"Place {u}", country=None, mentions=[Mention(doc, 0, start + 20, start + 27, "Place")]))
        commitments.append(Commitment(fact_iri(B, "commitment", i1, "promise", words), i1, "promise", words,
                                      target=i2, modality="will", time="next week", date="2025-W11", place=p,
                                      cue="promised", evidence=[e1]))
        commitments.append(Commitment(fact_iri(B, "commitment", i2, "demand", words), i2, "demand", words,
                                      target=i1, cue="demanded", evidence=[e2]))
        statements.append(Statement(fact_iri(B, "statement", i1, words), i1, words, quote=True, cue="said",
                                    evidence=[e1]))
    return KnowledgeGraph(actors=actors, places=places, commitments=commitments, statements=statements,
                          documents=docs)


def _rss_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _child(method: str, units: int, out_dir: Path) -> dict:
    """Run one method in this (fresh) process and measure it."""
    graph = make_graph(units)
    baseline = _rss_mib()
    library, fmt = method.split("-")
    path = out_dir / f"{method}.{'ttl' if fmt == 'turtle' else 'nt'}"
    build = 0.0
    t0 = time.perf_counter()
    if library == "store":
        import pyoxigraph as ox

        from kg.rdf import write_rdf
        from kg.rdf.formats import prefixes

        write_rdf(graph, path, "turtle")
        store = ox.Store()
        store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
        t1 = time.perf_counter()
        store.dump(str(path), format=ox.RdfFormat.TURTLE, prefixes=prefixes(graph.base_iri),
                   from_graph=ox.DefaultGraph())
        serialize = time.perf_counter() - t1
        build = t1 - t0
        triples = len(store)
    elif library == "rdflib":
        import rdflib

        from kg.rdf.convert import Lit, quads
        from kg.rdf.formats import prefixes

        g = rdflib.Graph()
        for name, ns in prefixes(graph.base_iri).items():
            g.bind(name, ns)
        def term(o):
            if isinstance(o, Lit):
                return rdflib.Literal(o.value, datatype=o.datatype and rdflib.URIRef(o.datatype))
            return rdflib.URIRef(o)

        g.addN((rdflib.URIRef(s), rdflib.URIRef(p), term(o), g) for s, p, o, _ in quads(graph))
        build = time.perf_counter() - t0
        t1 = time.perf_counter()
        g.serialize(path, format=fmt)
        serialize = time.perf_counter() - t1
        triples = len(g)
    else:
        from kg.rdf import write_rdf

        write_rdf(graph, path, fmt)
        serialize = time.perf_counter() - t0
        triples = None
    total = serialize if library == "store" else time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"method": method, "build_seconds": round(build, 3), "serialize_seconds": round(serialize, 3),
            "total_seconds": round(total, 3), "peak_rss_mib": round(peak, 1),
            "rise_over_baseline_mib": round(peak - baseline, 1), "baseline_rss_mib": round(baseline, 1),
            "bytes": path.stat().st_size, "triples": triples}


def _count_triples(units: int) -> int:
    from kg.rdf.convert import quads

    return sum(1 for _ in quads(make_graph(units)))


def run(target: int, output: Path) -> dict:
    per_unit = _count_triples(20) / 20
    units = max(1, round(target / per_unit))
    triples = _count_triples(units) if target <= 50_000 else None
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for method in METHODS:
            proc = subprocess.run([sys.executable, __file__, "--child", method, "--units", str(units), "--dir", tmp],
                                  check=True, capture_output=True, text=True)
            result = json.loads(proc.stdout)
            triples = triples or result["triples"]
            results.append(result)
            print(f"{method:>18}: {result['total_seconds']:8.2f} s  peak {result['peak_rss_mib']:8.1f} MiB "
                  f"(+{result['rise_over_baseline_mib']:.1f})", file=sys.stderr)
        sizes = {r["method"]: r["bytes"] for r in results}
    by = {r["method"]: r for r in results}
    report = {
        "benchmark": "rdf_speed",
        "date": dt.date.today().isoformat(),
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count(), "load_average_1m_at_end": round(os.getloadavg()[0], 2)},
        "versions": _versions(),
        "triples": triples,
        "units": units,
        "results": results,
        "speedup_total": {
            fmt: round(by[f"rdflib-{fmt}"]["total_seconds"] / max(by[f"pyoxigraph-{fmt}"]["total_seconds"], 1e-9), 1)
            for fmt in ("turtle", "nt")
        },
        "bytes": sizes,
        # kg's Turtle writer (the whole write, from the records) against
        # pyoxigraph's own serialisation of the same triples.
        "kg_turtle_over_store_dump": round(by["pyoxigraph-turtle"]["total_seconds"]
                                           / max(by["store-turtle"]["serialize_seconds"], 1e-9), 2),
        "goal_factor": GOAL_FACTOR,
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(report, indent=2) + "\n")
    return report


def _versions() -> dict[str, str]:
    from importlib.metadata import version

    return {name: version(name) for name in ("rdflib", "pyoxigraph")}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="about how many triples to write")
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "results" / "rdf_speed.json")
    parser.add_argument("--child", choices=METHODS, help=argparse.SUPPRESS)
    parser.add_argument("--units", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--dir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_child(args.child, args.units, args.dir)))
        return
    report = run(args.triples, args.output)
    print(json.dumps({k: report[k] for k in ("triples", "speedup_total", "kg_turtle_over_store_dump")}))


if __name__ == "__main__":
    main()
