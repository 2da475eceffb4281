"""Is extraction linear in the length of a document?  Pathological inputs, doubled.

    python benchmarks/linear.py                    # every case at 1x, 2x and 4x
    python benchmarks/linear.py --cases long_sentence,huge_quote --update-readme
    python benchmarks/linear.py --check 2.6        # exit 1 if a doubling costs more than 2.6x

Each case is a made-up text that grows with ``n`` the way hostile or unlucky
input does: one sentence of thousands of clauses, runs of punctuation (spaced or
not), one huge quote, a sentence repeated thousands of times, tens of thousands of short
lines, a document naming thousands of people or companies.  For each size we
time the parse (``kg.nlp.pieces.parse`` and the sentence cap, once), the
extraction (``kg.extract.extract_document`` on that Doc, median of
``--repeat`` runs) and the merge into a graph (``kg.resolve.corpus.Merger``,
median), and report how each grows when the text doubles: about 2 is linear,
4 is quadratic.  The ratio that decides is the one between the two largest
sizes, where fixed costs weigh least.  Results go to
``benchmarks/results/linear.json``; ``--update-readme`` writes the table into
``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

README = HERE / "README.md"
TABLE_BEGIN = "<!-- linear-table:begin -->"
TABLE_END = "<!-- linear-table:end -->"


_SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "de", "bu")


def _name(i: int) -> str:
    """A made-up name for number ``i``, without digits ("Kalomi"), that the NER reads alike for every ``i``."""
    return "".join(_SYLLABLES[int(d)] for d in str(i)).capitalize()


def _long_sentence(n: int) -> str:
    return "The mayor said " + " and ".join(
        f"the council promised that it would pay {i} pounds to the workers" for i in range(n)) + "."


def _nested_speech(n: int) -> str:
    return "".join(f"Minister Ana {_name(i)} said that " for i in range(n)) + "the plan would work."


def _punctuation_run(n: int) -> str:
    return "The union said it would strike. " + "! ? , ; - ( ) \" ' " * n


def _punctuation_unspaced(n: int) -> str:
    return "The union said it would strike. " + '"!?' * n


def _huge_quote(n: int) -> str:
    return 'The minister said: "' + " ".join(
        ["we will build the road and the council will pay for it"] * n) + '", adding that it would work.'


def _quoted_sentences(n: int) -> str:
    return 'Ana Ruiz said: "' + " ".join(f"We will open school {i} next year." for i in range(n)) + '"'


def _repeated_sentence(n: int) -> str:
    return " ".join(["The president promised to cut taxes, Mr Smith said."] * n)


def _short_lines(n: int) -> str:
    return "\n".join(f"Item {i}" for i in range(n))


def _many_people(n: int) -> str:
    return " ".join(f"Jon {_name(i)} told Ana {_name(i)}sen in Oslo that he would resign." for i in range(n))


def _many_companies(n: int) -> str:
    return " ".join(f"{_name(i)} Corp promised to pay {_name(i)}tex Ltd, its chief Ola {_name(i)}berg said."
                    for i in range(n))


def _words_without_punctuation(n: int) -> str:
    return " ".join(["government"] * n)


def _quote_chain(n: int) -> str:
    return '"We will go," Ana Ruiz said. ' + " ".join(f'"We will pay {i}," she added.' for i in range(n))


#: name -> (text of size n, base n): each base gives some 2,000-4,000 tokens.
CASES: dict[str, tuple[Callable[[int], str], int]] = {
    "long_sentence": (_long_sentence, 200),
    "nested_speech": (_nested_speech, 400),
    "punctuation_run": (_punctuation_run, 250),
    "punctuation_unspaced": (_punctuation_unspaced, 700),
    "huge_quote": (_huge_quote, 200),
    "quoted_sentences": (_quoted_sentences, 300),
    "repeated_sentence": (_repeated_sentence, 300),
    "short_lines": (_short_lines, 1200),
    "many_people": (_many_people, 250),
    "many_companies": (_many_companies, 200),
    "words_without_punctuation": (_words_without_punctuation, 3000),
    "quote_chain": (_quote_chain, 300),
}


def _median_time(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()  # each run starts with no garbage of the one before (the collector stays on)
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def measure(case: str, nlp, sizes: tuple[int, ...] = (1, 2, 4), repeat: int = 3) -> dict:
    """Times of one case at each multiple of its base size."""
    from kg.extract import extract_document
    from kg.nlp import pieces
    from kg.resolve.corpus import Merger
    from kg.types import Document

    make, base = CASES[case]
    rows = []
    for k in sizes:
        text = make(base * k)
        t = time.perf_counter()
        doc = pieces.parse(nlp, text)
        parse = time.perf_counter() - t
        document = Document(id="d1", text=text)
        facts = extract_document(doc, document)

        def merge():
            m = Merger("http://example.org/kg/")
            m.add(facts)
            return m.graph()

        rows.append({
            "multiple": k, "characters": len(text), "tokens": len(doc), "sentences": sum(1 for _ in doc.sents),
            "parse_s": parse,
            "extract_s": _median_time(lambda: extract_document(doc, document), repeat),
            "merge_s": _median_time(merge, repeat),
            "entities": len(facts.entities), "commitments": len(facts.commitments), "statements": len(facts.statements),
        })
    out = {"case": case, "base_n": base, "sizes": rows}
    for stage in ("parse_s", "extract_s", "merge_s"):
        a, b = rows[-2][stage], rows[-1][stage]
        out[f"{stage[:-2]}_growth"] = b / a if a > 0 else None
    # What was found (entities and facts) grows too, and not always twice (the parse of a doubled text differs).
    found = [r["entities"] + r["commitments"] + r["statements"] for r in rows[-2:]]
    out["facts_growth"] = found[1] / found[0] if found[0] else None
    return out


def table(results: list[dict]) -> str:
    lines = ["| case | tokens at 1x / 4x | sentences at 4x | parse at 4x | extract at 1x / 2x / 4x | "
             "extract growth 2x→4x | merge growth 2x→4x | parse growth 2x→4x | found 2x→4x |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        s = r["sizes"]
        ext = " / ".join(f"{x['extract_s']:.2f}" for x in s)
        lines.append(f"| {r['case']} | {s[0]['tokens']:,} / {s[-1]['tokens']:,} | {s[-1]['sentences']:,} | "
                     f"{s[-1]['parse_s']:.1f} s | {ext} s | {r['extract_growth']:.2f} | {r['merge_growth']:.2f} | "
                     f"{r['parse_growth']:.2f} | {_growth(r['facts_growth'])} |")
    return "\n".join(lines)


def _growth(g: float | None) -> str:
    return "none found" if g is None else f"{g:.2f}"


def _update_readme(text: str) -> None:
    readme = README.read_text(encoding="utf-8")
    a, b = readme.index(TABLE_BEGIN) + len(TABLE_BEGIN), readme.index(TABLE_END)
    README.write_text(readme[:a] + "\n" + text + "\n" + readme[b:], encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated case names (default: all)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing of extraction and merge (median)")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: kg's)")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "linear.json")
    parser.add_argument("--check", type=float, default=None, metavar="RATIO",
                        help="exit 1 if extraction or merge grows more than RATIO times when the text doubles")
    parser.add_argument("--update-readme", action="store_true")
    args = parser.parse_args(argv)
    cases = [c.strip() for c in args.cases.split(",") if c.strip()]
    unknown = [c for c in cases if c not in CASES]
    if unknown:
        parser.error(f"unknown case {', '.join(unknown)}; known: {', '.join(CASES)}")

    from kg.config import DEFAULT_MODEL
    from kg.nlp import load_pipeline

    nlp = load_pipeline(args.model or DEFAULT_MODEL)
    started = time.time()
    results = []
    for case in cases:
        r = measure(case, nlp, repeat=args.repeat)
        results.append(r)
        s = r["sizes"]
        print(f"{case:26} tokens {s[0]['tokens']:>6,}..{s[-1]['tokens']:>7,}  extract "
              + " ".join(f"{x['extract_s']:.3f}" for x in s)
              + f" s  growth extract {r['extract_growth']:.2f} merge {r['merge_growth']:.2f} parse {r['parse_growth']:.2f}",
              flush=True)
    text = table(results)
    stamp = (f"`linear.json`, {dt.date.today().isoformat()}: {platform.machine()} × {os.cpu_count()}, "
             f"Python {platform.python_version()}, load average {os.getloadavg()[0]:.2f} at the end; "
             f"{time.time() - started:.0f} s in all. Extraction and merge are medians of {args.repeat} runs; "
             "parse is one run.")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"stamp": stamp, "results": results}, indent=1) + "\n", encoding="utf-8")
    print("\n" + text + "\n\n" + stamp)
    if args.update_readme:
        _update_readme(text + "\n\n" + stamp)
    if args.check is not None:
        worst = [(r["case"], g) for r in results for g in (r["extract_growth"], r["merge_growth"])
                 if g is not None and g > args.check]
        if worst:
            print("grows faster than linear: " + ", ".join(f"{c} ({g:.2f}x)" for c, g in worst), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
