"""The fuzz cases: what a hostile or unlucky user gives kg, by class.

Each :class:`Case` makes its input under a temporary folder and says which
command to run on it.  What every case must show (checked by test_fuzz.py):
no traceback, an answer within the time limit, at most one error line, and,
for a build that succeeds, every document built or reported skipped and every
export valid in its format.  ``total`` is the number of documents the input
holds, where the case knows it.

Texts are made up; none comes from a real article.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ARTICLE = ("Mayor Ana Ruiz promised on Monday to rebuild the Elm Street bridge by June. "
           '"We will not wait for the province," she told reporters in Porto. '
           "The Transport Union demanded that the council pay its workers, a spokesman said.")
FORMATS = "ttl,nt,jsonld,trig,html,graphml,gexf,csv"


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], list[str]]  # writes the input under a folder, returns kg's arguments
    total: int | None = None  # documents the input holds (built + reported skipped), if known
    builds: bool | None = None  # True: must succeed; False: must fail (one line); None: either

    def __str__(self) -> str:
        return self.name


def _out(d: Path) -> str:
    return str(d / "out")


def files(entries: dict[str, str | bytes], args: list[str] | None = None, *, out: str | None = None,
          extra: tuple[str, ...] = ()) -> Callable[[Path], list[str]]:
    """Write ``entries`` (relative path -> text or bytes) and build ``args`` (default: all top-level entries)."""
    def make(d: Path) -> list[str]:
        for rel, content in entries.items():
            p = d / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            (p.write_bytes if isinstance(content, bytes) else lambda c: p.write_text(c, encoding="utf-8"))(content)
        targets = [str(d / a) for a in (args or sorted({rel.split("/")[0] for rel in entries}))]
        return ["build", *targets, "--out", out.format(d=d) if out else _out(d), "--format", FORMATS, "-q", *extra]
    return make


def jsonl(records: list[object], raw: bool = False) -> str:
    """A JSON Lines corpus: each record dumped (or written as it is, if ``raw``)."""
    return "".join((r if raw and isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def rec(**kw) -> dict:
    kw.setdefault("text", ARTICLE)
    return kw


# --- JSON Lines: fields of the wrong shape or value ---------------------------------

_BAD_DATES = ["2025-13-45", "2025-02-30", "0000-01-01", "9999-12-31", "२०२५-०३-०७", "٢٠٢٥-٠٣-٠٧", "2025-3-7",
              "", " 2025-03-07", "2025-03-07T10:00", 20250307, None, [], {}, True, "next week", "9999-12-31\n"]
_ODD_VALUES = [5, 3.5, [], ["a", "b"], {}, {"x": 1}, True, None, "", "  ", "x" * 100_000, "\u202eevil", "<b>x</b>",
               "a\nb", "\ud800", "\x00nul"]
_ODD_IDS = [" ", "   ", "0" * 5000, "", "../../etc/passwd", "a/b\\c", "a b", "ü-ñ-字", "\n", "#", "a#2", "%zz",
            "<x>", "x" * 300, 7, [1], {"a": 1}, None, "\ud800"]


def _jsonl_cases() -> list[Case]:
    out = []
    for i, date in enumerate(_BAD_DATES):
        text = ARTICLE.replace("Monday", "next year") if date == "9999-12-31" else ARTICLE
        out.append(Case(f"jsonl-date-{i}", files({"c.jsonl": jsonl([rec(id="a", date=date, text=text), rec(id="b")])}),
                        total=2, builds=True))
    for field in ("title", "url"):
        for i, v in enumerate(_ODD_VALUES):
            out.append(Case(f"jsonl-{field}-{i}", files({"c.jsonl": jsonl([rec(id="a", **{field: v}), rec(id="b")])}),
                            total=2, builds=True))
    for i, v in enumerate(_ODD_IDS):
        out.append(Case(f"jsonl-id-{i}", files({"c.jsonl": jsonl([rec(id=v), rec(id="b"), rec(id="b")])}),
                        total=3, builds=True))
    for i, v in enumerate([None, 5, [], {}, "", "   \n\t", "\ud800 lone", "\x00" * 50, "\u200b" * 100, ARTICLE * 300]):
        out.append(Case(f"jsonl-text-{i}", files({"c.jsonl": jsonl([{"id": "a", "text": v}, rec(id="b")])}),
                        total=2, builds=True))
    out += [
        Case("jsonl-ids-a-a-a#2", files({"c.jsonl": jsonl([rec(id="a"), rec(id="a"), rec(id="a#2")])}), total=3, builds=True),
        Case("jsonl-bom", files({"c.jsonl": "\ufeff" + jsonl([rec(id="a"), rec(id="b")])}), total=2, builds=True),
        Case("jsonl-crlf", files({"c.jsonl": jsonl([rec(id="a"), rec(id="b")]).replace("\n", "\r\n")}), total=2, builds=True),
        Case("jsonl-blank-lines", files({"c.jsonl": "\n\n" + jsonl([rec(id="a")]) + "\n   \n" + jsonl([rec(id="b")])}),
             total=2, builds=True),
        Case("jsonl-no-final-newline", files({"c.jsonl": jsonl([rec(id="a"), rec(id="b")]).rstrip("\n")}), total=2, builds=True),
        Case("jsonl-broken-lines", files({"c.jsonl": jsonl([rec(id="a"), '{"id": "x", "text": "cut', "[1, 2]", '"str"',
                                                           "null", "{}", '{"text": "a"} trailing', rec(id="b")], raw=True)}),
             total=8, builds=True),
        Case("jsonl-deep-nesting", files({"c.jsonl": jsonl(['{"text": ' + "[" * 100_000 + "]" * 100_000 + "}",
                                                           rec(id="b")], raw=True)}), total=2, builds=True),
        Case("jsonl-deep-nesting-in-title", files({"c.jsonl": jsonl(['{"text": "Mayor Ana Ruiz spoke.", "title": '
                                                                    + '{"a":' * 50_000 + "1" + "}" * 50_000 + "}",
                                                                    rec(id="b")], raw=True)}), total=2, builds=True),
        Case("jsonl-huge-number", files({"c.jsonl": jsonl(['{"id": ' + "9" * 5000 + ', "text": "Mayor Ana Ruiz spoke."}',
                                                          rec(id="b")], raw=True)}), total=2, builds=True),
        Case("jsonl-nan-and-infinity", files({"c.jsonl": jsonl(['{"id": NaN, "text": "x."}', '{"id": Infinity, "text": "y."}',
                                                               rec(id="b")], raw=True)}), total=3, builds=True),
        Case("jsonl-duplicate-keys", files({"c.jsonl": jsonl(['{"text": "a.", "text": "Mayor Ana Ruiz spoke."}'], raw=True)}),
             total=1, builds=True),
        Case("jsonl-latin1-line", files({"c.jsonl": jsonl([rec(id="a")]).encode() + '{"text": "caf\xe9"}\n'.encode("latin-1")
                                         + jsonl([rec(id="b")]).encode()}), total=3, builds=True),
        Case("jsonl-nul-bytes", files({"c.jsonl": jsonl([rec(id="a")]).encode() + b"\x00\x00\x00\n" + jsonl([rec(id="b")]).encode()}),
             total=3, builds=True),
        Case("jsonl-only-bad", files({"c.jsonl": "nope\n[]\n"}), total=2, builds=False),
        Case("jsonl-empty", files({"c.jsonl": ""}), builds=False),
        Case("jsonl-16mb-title", files({"c.jsonl": jsonl([rec(id="a", title="T" * (16 * 1024 * 1024 + 10)), rec(id="b")])}),
             total=2, builds=True),
        Case("jsonl-long-line", files({"c.jsonl": jsonl([rec(id="a", text=ARTICLE + " word" * 40_000)])}), total=1, builds=True),
    ]
    return out


# --- files and folders -----------------------------------------------------------------

def _non_utf8_name(d: Path) -> list[str]:
    (d / "in").mkdir()
    (d / "in" / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    with open(os.path.join(os.fsencode(d / "in"), b"caf\xe9.txt"), "wb") as f:
        f.write(ARTICLE.encode())
    return ["build", str(d / "in"), "--out", _out(d), "--format", FORMATS, "-q"]


def _special(kind: str) -> Callable[[Path], list[str]]:
    def make(d: Path) -> list[str]:
        (d / "in").mkdir()
        (d / "in" / "ok.txt").write_text(ARTICLE, encoding="utf-8")
        odd = d / "in" / "odd.txt"
        if kind == "fifo":
            os.mkfifo(odd)
        elif kind == "dangling-link":
            odd.symlink_to(d / "nowhere.txt")
        elif kind == "link-loop":
            odd.symlink_to(odd)
        elif kind == "dir-named-txt":
            odd.mkdir()
            (d / "in" / "x.jsonl").mkdir()
        elif kind == "link-to-dir":
            odd.symlink_to(d / "in")
        return ["build", str(d / "in"), "--out", _out(d), "--format", FORMATS, "-q"]
    return make


def _fifo_named(d: Path) -> list[str]:
    os.mkfifo(d / "a.txt")
    return ["build", str(d / "a.txt"), "--out", _out(d), "-q"]


def _file_cases() -> list[Case]:
    return [
        Case("folder-non-utf8-name", _non_utf8_name, builds=True),
        Case("folder-fifo", _special("fifo"), builds=True),
        Case("folder-dangling-link", _special("dangling-link"), builds=True),
        Case("folder-link-loop", _special("link-loop"), builds=True),
        Case("folder-dirs-named-like-files", _special("dir-named-txt"), builds=True),
        Case("folder-link-to-itself", _special("link-to-dir"), builds=True),
        Case("fifo-named", _fifo_named, builds=False),
        Case("folder-empty-jsonl", files({"in/a.jsonl": "", "in/b.txt": ARTICLE}), builds=True),
        Case("folder-empty-txt", files({"in/a.txt": "", "in/b.txt": ARTICLE}), builds=True),
        Case("folder-binary", files({"in/a.txt": bytes(range(256)) * 10, "in/b.txt": ARTICLE}), builds=True),
        Case("folder-latin1", files({"in/a.txt": "caf\xe9 d\xe9j\xe0".encode("latin-1"), "in/b.txt": ARTICLE}), builds=True),
        Case("folder-utf16", files({"in/a.txt": ARTICLE.encode("utf-16"), "in/b.txt": ARTICLE}), builds=True),
        Case("folder-nested", files({"in/a/b/c/d.txt": ARTICLE, "in/e.txt": ARTICLE}), builds=True),
        Case("folder-hidden-only", files({"in/.a.txt": ARTICLE}), builds=False),
        Case("folder-nothing", files({"in/readme.md": "x"}), builds=False),
        Case("file-empty", files({"a.txt": ""}), builds=False),
        Case("file-whitespace", files({"a.txt": " \n\t\n "}), builds=False),
        Case("file-binary", files({"a.txt": b"\x00\x01\x02\xff" * 100}), builds=False),
        Case("file-bom", files({"a.txt": "\ufeff" + ARTICLE}), total=1, builds=True),
        Case("file-crlf", files({"a.txt": ARTICLE.replace(". ", ".\r\n")}), total=1, builds=True),
        Case("file-cr-only", files({"a.txt": ARTICLE.replace(". ", ".\r")}), total=1, builds=True),
        Case("file-missing", lambda d: ["build", str(d / "missing.txt"), "--out", _out(d)], builds=False),
        Case("file-folder-named-txt", lambda d: (d / "a.txt").mkdir() or ["build", str(d / "a.txt"), "--out", _out(d)],
             builds=False),
        Case("file-device", lambda d: ["build", "/dev/null", "--out", _out(d)], builds=False),
        Case("file-proc", lambda d: ["build", "/proc/self/status", "--out", _out(d), "-q"]),
        Case("file-same-twice", lambda d: files({"a.txt": ARTICLE})(d)[:2] + [str(d / "a.txt"), "--out", _out(d), "-q"]),
    ]


# --- where to write ----------------------------------------------------------------------

def _out_case(kind: str) -> Callable[[Path], list[str]]:
    def make(d: Path) -> list[str]:
        (d / "a.txt").write_text(ARTICLE, encoding="utf-8")
        out = d / "out"
        if kind == "file":
            out.write_text("x")
        elif kind == "under-file":
            (d / "f").write_text("x")
            out = d / "f" / "out"
        elif kind == "folder-named-export":
            (out / "graph.ttl").mkdir(parents=True)
        elif kind == "proc":
            out = Path("/proc/kg-fuzz-out")
        elif kind == "newline":
            out = d / "a\nb"
        elif kind == "dangling-link":
            out.symlink_to(d / "nowhere")
        elif kind == "long-name":
            out = d / ("x" * 300)
        return ["build", str(d / "a.txt"), "--out", str(out), "--format", "ttl,html", "-q"]
    return make


def _out_cases() -> list[Case]:
    return [Case(f"out-{k}", _out_case(k)) for k in
            ("file", "under-file", "folder-named-export", "proc", "newline", "dangling-link", "long-name")]


# --- options ----------------------------------------------------------------------------

_BAD_IRIS = ["http://a b/", "http://ex.org/<x>/", "://", "http://ex.org/%zz/", "http://ex.org/\n", "http://[::1/",
             "", "relative/", "javascript:alert(1)", "http://ex.org/" + "x" * 10_000 + "/", "urn:", "http://ex.org/#frag#"]


def _option_cases() -> list[Case]:
    def with_args(*extra: str) -> Callable[[Path], list[str]]:
        return files({"a.txt": ARTICLE}, extra=extra)
    out = [Case(f"base-iri-{i}", with_args("--base-iri", v)) for i, v in enumerate(_BAD_IRIS)]
    out += [Case(f"date-{i}", with_args("--date", v), builds=False) for i, v in
            enumerate(["2025-02-30", "tomorrow", "२०२५-०३-०७", "", "9999-99-99"])]
    out += [Case("date-far", with_args("--date", "9999-12-31")), Case("date-zero", with_args("--date", "0001-01-01"))]
    out += [Case(f"format-{i}", lambda d, v=v: files({"a.txt": ARTICLE})(d)[:4] + ["--format", v, "-q"], builds=False)
            for i, v in enumerate(["", ",", "docx", "ttl,,ttl,docx", "../x"])]
    out += [Case("format-spaced-capitals", lambda d: files({"a.txt": ARTICLE})(d)[:4] + ["--format", " TTL , Nt ", "-q"])]
    out += [Case("format-repeated", lambda d: files({"a.txt": ARTICLE})(d)[:4] + ["--format", "ttl,ttl,TTL", "-q"])]
    out += [Case(f"processes-{v}", with_args("--processes", v), builds=False) for v in ("0", "-1", "x", "65")]
    out += [Case("model-missing", with_args("--model", "xx_no_such_model"), builds=False),
            Case("model-path", with_args("--model", "/nonexistent/model"), builds=False),
            Case("model-placeholder", with_args("--model", "en_core_web_trf"), builds=False)]
    return out


# --- texts that are hard to read -----------------------------------------------------------

def _texts() -> dict[str, str]:
    return {
        "punctuation-run": "Mayor Ana Ruiz said it. " + "!?.,;:-()[]{}\"'" * 1000,
        "spaced-punctuation": "Mayor Ana Ruiz said it. " + "! ? , ; - \" ' " * 2000,
        "one-long-sentence": "Mayor Ana Ruiz said " + " and ".join(f"the council would pay {i} pounds" for i in range(1500)) + ".",
        "huge-quote": 'Mayor Ana Ruiz said: "' + " ".join(["we will build the road and the council will pay"] * 1500) + '"',
        "unclosed-quote": '"We will pay, said Mayor Ana Ruiz. ' * 500,
        "quote-marks-only": '"' * 5000 + "\u201c" * 3000 + "\u201d" * 3000,
        "repeated-sentence": "Mayor Ana Ruiz promised to cut taxes. " * 1500,
        "short-lines": "\n".join(f"Line {i}" for i in range(8_000)),
        "blank-lines": "\n" * 50_000 + ARTICLE + "\n" * 50_000,
        "one-word": "government " * 20_000,
        "no-spaces": "x" * 200_000,
        "long-token-in-sentence": "Mayor Ana Ruiz promised to fix " + "y" * 2_000_000 + " roads.",
        "control-characters": "".join(chr(c) for c in range(32)) * 100 + ARTICLE,
        "zero-width": ARTICLE.replace(" ", " \u200b\u200c\u200d\ufeff"),
        "rtl-and-mixed": "\u202e" + ARTICLE + " مرحبا بالعالم. 你好，世界。 Привет, мир.",
        "combining-marks": "".join(c + "\u0301\u0302\u0303" for c in ARTICLE),
        "emoji": ARTICLE.replace(" ", " 🇺🇦👍🏽 "),
        "all-caps": ARTICLE.upper(),
        "all-lower": ARTICLE.lower(),
        "html-markup": "<html><body><p>" + ARTICLE + "</p><script>alert(1)</script></body></html>",
        "names-everywhere": " ".join(f"Jon Berg{i} met Ana Lind{i}." for i in range(2000)),
        "nested-speech": "".join(f"Minister Kalo{i} said that " for i in range(600)) + "the plan would work.",
        "numbers": " ".join(str(i) for i in range(10_000)),
        "dates": " ".join(["next Monday, 3 March 2025, on 2025-03-07, in 1999, next year"] * 800),
        "surrogate-escapes": ARTICLE + " \udcff\udc80",
        "private-use": "\ue000\uf8ff" * 1000 + ARTICLE,
        "nul-in-text": ARTICLE.replace(" ", "\x00 ", 3),
        # over spaCy's max_length (1,000,000 characters): built in pieces, never refused
        "over-max-length-spaces": ARTICLE + " " * 1_100_000 + ARTICLE,
        "over-max-length-lines": ARTICLE + "\n" * 600_000 + ARTICLE + "\n\n" * 300_000 + ARTICLE,
    }


def _text_cases() -> list[Case]:
    out = []
    for name, text in _texts().items():
        safe = text.encode("utf-8", "replace").decode("utf-8")  # a file holds UTF-8: lone surrogates cannot be in it
        out.append(Case(f"text-{name}", files({"a.txt": safe}), total=1))
        out.append(Case(f"jsonl-text-{name}", files({"c.jsonl": jsonl([{"id": "t", "text": text}, rec(id="b")])}), total=2))
    return out


# --- random mutations of an article ---------------------------------------------------------

_ALPHABET = ['"', "\u201c", "\u201d", "'", "\n", "\n\n", ".", ",", " said ", " will ", " not ", "Mr ", "(", ")", "-",
             "\t", "\u2014", "\u00a0", "\r", "?", "!", ":", ";", "Ana", "Ruiz", "the", "\x0b", "\x0c", "\u2028"]


def mutants(n: int, seed: int = 14) -> list[str]:
    """``n`` articles made from ARTICLE by random edits (seeded: the same every run)."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        s = list(ARTICLE * rng.randint(1, 4))
        for _ in range(rng.randint(1, 40)):
            op = rng.random()
            i = rng.randrange(len(s) + 1)
            if op < 0.4:
                s[i:i] = list(rng.choice(_ALPHABET))
            elif op < 0.7 and s:
                del s[i:i + rng.randint(1, 30)]
            elif op < 0.9:
                j = rng.randrange(len(s) + 1)
                s[i:i] = s[j:j + rng.randint(1, 80)]
            else:
                s[i:i] = [chr(rng.randrange(0x20, 0x3000))]
        out.append("".join(s))
    return out


def _mutant_cases() -> list[Case]:
    texts = mutants(60)
    return [Case("mutants-jsonl", files({"c.jsonl": jsonl([{"id": f"m{i}", "text": t} for i, t in enumerate(texts)])}),
                 total=len(texts), builds=True)]


BUILD_CASES = _jsonl_cases() + _file_cases() + _out_cases() + _option_cases() + _text_cases() + _mutant_cases()


# --- reading exports: kg show, query, validate, push, view ----------------------------------

def _export(d: Path, suffix: str) -> str:
    """A small real export (kg's own test graph) written as ``graph.<suffix>``; its text."""
    from kg.rdf import write_rdf
    from tests.test_rdf import make_graph

    fmt = {"ttl": "turtle", "nt": "nt", "trig": "trig", "jsonld": "json-ld"}[suffix]
    return write_rdf(make_graph(), d / f"good.{suffix}", fmt).read_text(encoding="utf-8")


def _rdf_file(name: str, content: Callable[[Path], str | bytes]) -> Callable[[Path], Path]:
    def make(d: Path) -> Path:
        data = content(d)
        p = d / name
        (p.write_bytes if isinstance(data, bytes) else lambda c: p.write_text(c, encoding="utf-8"))(data)
        return p
    return make


_HUGE = 17 * 1024 * 1024
_RDF_INPUTS: dict[str, Callable[[Path], Path]] = {
    "empty-ttl": _rdf_file("g.ttl", lambda d: ""),
    "random-bytes-ttl": _rdf_file("g.ttl", lambda d: bytes(random.Random(1).randrange(256) for _ in range(5000))),
    "truncated-ttl": _rdf_file("g.ttl", lambda d: _export(d, "ttl")[: len(_export(d, "ttl")) // 2]),
    "truncated-nt": _rdf_file("g.nt", lambda d: _export(d, "nt")[:777]),
    "truncated-trig": _rdf_file("g.trig", lambda d: _export(d, "trig")[:1500]),
    "truncated-jsonld": _rdf_file("g.jsonld", lambda d: _export(d, "jsonld")[:900]),
    "not-kg-data": _rdf_file("g.ttl", lambda d: "<http://e.org/a> <http://xmlns.com/foaf/0.1/name> \"A\" .\n"),
    "huge-literal-ttl": _rdf_file("g.ttl", lambda d: '<http://e.org/a> <http://e.org/p> "' + "x" * _HUGE + '" .\n'),
    "huge-literal-nt": _rdf_file("g.nt", lambda d: '<http://e.org/a> <http://e.org/p> "' + "x" * _HUGE + '" .\n'),
    "huge-iri": _rdf_file("g.nt", lambda d: "<http://e.org/" + "a" * _HUGE + "> <http://e.org/p> \"x\" .\n"),
    "bad-iri": _rdf_file("g.nt", lambda d: "<http://e.org/a b> <http://e.org/p> \"x\" .\n"),
    "jsonld-remote-context": _rdf_file("g.jsonld", lambda d: '{"@context": "http://127.0.0.1:9/ctx", "@id": "x"}'),
    "jsonld-remote-import": _rdf_file("g.jsonld", lambda d: '{"@context": {"@import": "http://127.0.0.1:9/c"}, "@id": "x"}'),
    "jsonld-not-json": _rdf_file("g.jsonld", lambda d: "{nope"),
    "jsonld-deep": _rdf_file("g.jsonld", lambda d: '{"a":' * 100_000 + "1" + "}" * 100_000),
    "jsonld-list": _rdf_file("g.jsonld", lambda d: "[1, 2, 3]"),
    "html-as-ttl": _rdf_file("g.ttl", lambda d: "<html><body>not rdf</body></html>"),
    "bom-ttl": _rdf_file("g.ttl", lambda d: "\ufeff" + _export(d, "ttl")),
    "nul-ttl": _rdf_file("g.ttl", lambda d: _export(d, "ttl").replace(" .\n", " .\n\x00", 1)),
    "latin1-ttl": _rdf_file("g.ttl", lambda d: _export(d, "ttl").encode("utf-8") + '# caf\xe9\n'.encode("latin-1")),
    "wrong-suffix": _rdf_file("g.txt", lambda d: _export(d, "ttl")),
    "no-suffix": _rdf_file("graph", lambda d: _export(d, "ttl")),
    "good-ttl": _rdf_file("g.ttl", lambda d: _export(d, "ttl")),
    "good-jsonld": _rdf_file("g.jsonld", lambda d: _export(d, "jsonld")),
    "folder": lambda d: (d / "g.ttl").mkdir() or d / "g.ttl",
    "missing": lambda d: d / "missing.ttl",
    "fifo": lambda d: os.mkfifo(d / "g.ttl") or d / "g.ttl",
    "dangling-link": lambda d: (d / "g.ttl").symlink_to(d / "nowhere.ttl") or d / "g.ttl",
}

_QUERIES = {
    "ask": "ASK { ?s ?p ?o }",
    "bad-sparql": "SELEC * WHERE {",
    "service": "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "load": "LOAD <http://127.0.0.1:9/data.ttl>",
    "empty": "",
    "huge": "ASK { ?s ?p ?o FILTER(?o IN (" + ", ".join(f'"v{i}"' for i in range(20_000)) + ")) }",
    "unicode": "SELECT * { ?s ?p \"\u202e\ud7ff\" }",
}


def _read_cases() -> list[Case]:
    out = []
    for name, make in _RDF_INPUTS.items():
        out.append(Case(f"show-{name}", lambda d, m=make: ["show", str(m(d))]))
        out.append(Case(f"validate-{name}", lambda d, m=make: ["validate", str(m(d))]))
        out.append(Case(f"query-{name}", lambda d, m=make: ["query", "ASK { ?s ?p ?o }", str(m(d))]))
    for name, q in _QUERIES.items():
        out.append(Case(f"query-text-{name}", lambda d, q=q: ["query", q, str(_RDF_INPUTS["good-ttl"](d))]))
    for name in ("missing", "folder", "html-as-ttl", "fifo"):
        out.append(Case(f"view-{name}", lambda d, m=_RDF_INPUTS[name]: ["view", str(m(d))], builds=False))
    for i, endpoint in enumerate(["http://[::1/", "ftp://127.0.0.1/", "http://127.0.0.1:9/store", "", "not a url",
                                  "http://127.0.0.1:0/", "file:///etc/passwd"]):
        out.append(Case(f"push-endpoint-{i}", lambda d, e=endpoint: ["push", str(_RDF_INPUTS["good-ttl"](d)), "-e", e,
                                                                      "--timeout", "2"], builds=False))
    return out


READ_CASES = _read_cases()
