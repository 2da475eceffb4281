"""Reading an export back: Turtle, N-Triples, JSON-LD or TriG -> :class:`KnowledgeGraph`.

:func:`load` is the inverse of the RDF writers (:mod:`kg.rdf.convert`): it
parses the file with pyoxigraph and maps the terms of ``ontology/kg.ttl`` back
onto the dataclasses of :mod:`kg.types`, so that every query of the Python API
works on an export as on a fresh build, with the same actors, commitments,
statements and evidence.

What an export does not hold cannot come back: the articles' full texts
(documents come back with ``text=""``; the evidence passages are all there),
the order of lists (aliases, partners, roles come back sorted), an alias equal
to the name (the writer leaves it out as redundant) and the per-document
records a build keeps for :meth:`KnowledgeGraph.merge`.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> from kg.graph import KnowledgeGraph
>>> from kg.types import Actor, Commitment, Document, Evidence
>>> ev = Evidence("a.txt", 0, 0, 24, "Alia Noor vowed to vote.")
>>> g = KnowledgeGraph(actors=[Actor("https://kg.example/actor/Alia_Noor", "Alia Noor", "Person", aliases=["Noor"])],
...                    commitments=[Commitment("https://kg.example/commitment/1", "https://kg.example/actor/Alia_Noor",
...                                            "promise", "vote", evidence=[ev])],
...                    documents=[Document("a.txt", "Alia Noor vowed to vote.", date="2025-03-07")])
>>> with tempfile.TemporaryDirectory() as tmp:
...     back = load(g.write(Path(tmp) / "g.ttl"))
>>> back.find("noor").name, back.commitments()[0].evidence == [ev]
('Alia Noor', True)
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote

import pyoxigraph as ox
from rdflib import namespace as rdfns

from kg.config import DEFAULT_BASE_IRI
from kg.errors import InputError
from kg.graph import KnowledgeGraph
from kg.rdf.convert import Lit
from kg.ids import WIKIDATA
from kg.rdf.read import parse_file
from kg.rdf.vocab import ACTOR_CLASS, KG, KIND_CLASS, NIF
from kg.types import Actor, Commitment, Document, Evidence, Mention, Place, Role, Statement

__all__ = ["load", "LOAD_FORMATS"]

Value = str | Lit  # an IRI (or "_:blank") or a literal

#: The formats :func:`load` reads, by file suffix.
LOAD_FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "json": ox.RdfFormat.JSON_LD,
}
_NAMES = {"turtle": "ttl", "n-triples": "nt", "ntriples": "nt", "n-quads": "nq", "json-ld": "jsonld"}

_TYPE, _PREF, _ALT = str(rdfns.RDF.type), str(rdfns.SKOS.prefLabel), str(rdfns.SKOS.altLabel)
_SAME, _DERIVED = str(rdfns.OWL.sameAs), str(rdfns.PROV.wasDerivedFrom)
_DC = {name: str(rdfns.DCTERMS[name]) for name in ("identifier", "title", "date", "source")}
_BEGIN, _END, _ANCHOR = str(NIF.beginIndex), str(NIF.endIndex), str(NIF.anchorOf)
K = {name: str(KG[name]) for name in KG.__annotations__}
_KIND_OF = {str(cls): kind for kind, cls in KIND_CLASS.items()}
# The first class that fits names the type: an organisation that is also
# typed kg:Country as a place stays an organisation.
_ACTOR_ORDER = [(str(ACTOR_CLASS[t]), t) for t in ("Person", "Organization", "Group", "Country")]


def _format(path: Path, format: str | None) -> ox.RdfFormat:
    key = (format or path.suffix.lstrip(".")).lower()
    key = _NAMES.get(key, key)
    if key not in LOAD_FORMATS:
        raise InputError(f"cannot load {path}: not an RDF export (kg.load reads .ttl, .nt, .jsonld and .trig; "
                         f"write one with: kg build ARTICLES --format ttl)")
    return LOAD_FORMATS[key]


def _value(term) -> Value:
    if isinstance(term, ox.Literal):
        return Lit(term.value, term.datatype.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def load(path: str | Path, format: str | None = None) -> KnowledgeGraph:
    """Read the kg export at ``path`` into a :class:`KnowledgeGraph`.

    The format comes from the suffix (``.ttl``, ``.nt``, ``.jsonld``, ``.trig``)
    unless ``format`` ("turtle", "nt", "json-ld", "trig") says otherwise.
    Raises :class:`kg.errors.InputError` for a missing file, a file that does
    not parse, or RDF that holds no kg data.
    """
    path = Path(path)
    if not path.is_file():
        what = "a folder, not an export file" if path.is_dir() else "no such file"
        raise InputError(f"{what}: {path} (kg build ARTICLES writes one to exports/graph.ttl)")
    fmt = _format(path, format)
    props: dict[str, dict[str, list[Value]]] = defaultdict(lambda: defaultdict(list))
    try:
        for q in parse_file(path, fmt):
            props[_value(q.subject)][q.predicate.value].append(_value(q.object))
    except (SyntaxError, ValueError, OSError) as err:
        raise InputError(f"cannot load {path}: {' '.join(str(err).split())[:300]}") from err
    graph = _Reader(props).graph()
    if not (graph.documents() or graph.actors() or graph.commitments() or graph.statements()):
        raise InputError(f"{path} holds no kg data (no documents, actors or facts in the kg ontology)")
    return graph


class _Reader:
    """The ontology terms of one parsed export, mapped back to records."""

    def __init__(self, props: dict[str, dict[str, list[Value]]]) -> None:
        self.props = props
        self.types = {s: set(p.get(_TYPE, ())) for s, p in props.items()}
        self.doc_ids = {s: self._doc_id(s) for s, t in self.types.items() if K["Document"] in t}
        self.base = self._base()

    # --- terms -------------------------------------------------------------
    def all(self, s: str, pred: str) -> list[Value]:
        # Sorted and deduplicated: the same graph gives the same records
        # whichever format (and triple order) it was read from.
        return sorted(set(self.props.get(s, {}).get(pred, ())), key=lambda v: (isinstance(v, Lit), str(v)))

    def iri(self, s: str, pred: str) -> str | None:
        vals = [v for v in self.all(s, pred) if not isinstance(v, Lit)]
        return vals[0] if vals else None

    def iris(self, s: str, pred: str) -> list[str]:
        return [v for v in self.all(s, pred) if not isinstance(v, Lit)]

    def text(self, s: str, pred: str) -> str | None:
        vals = [v.value for v in self.all(s, pred) if isinstance(v, Lit)]
        return vals[0] if vals else None

    def texts(self, s: str, pred: str) -> list[str]:
        return [v.value for v in self.all(s, pred) if isinstance(v, Lit)]

    def flag(self, s: str, pred: str) -> bool:
        return self.text(s, pred) in ("true", "1")

    def of_type(self, cls: str) -> list[str]:
        return sorted(s for s, t in self.types.items() if cls in t)

    @staticmethod
    def _local(iri: str) -> str:
        return unquote(iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]).replace("_", " ")

    def _doc_id(self, s: str) -> str:
        ident = self.text(s, _DC["identifier"])
        return ident if ident is not None else unquote(s.rsplit("/", 1)[-1])

    def _base(self) -> str:
        # Instance IRIs are {base}{namespace}/{name}: any of them gives the base.
        for ns, cls in (("document", "Document"), ("actor", "Actor"), ("commitment", "Commitment"),
                        ("statement", "Statement"), ("place", "Place")):
            for s in self.of_type(K[cls]):
                if f"/{ns}/" in s:
                    return s.rsplit(f"/{ns}/", 1)[0] + "/"
        return DEFAULT_BASE_IRI

    def _span(self, node: str, cls: type[Evidence] | type[Mention]) -> Evidence | Mention | None:
        doc = self.iri(node, _DERIVED)
        begin, end = self.text(node, _BEGIN), self.text(node, _END)
        if doc is None or begin is None or end is None:
            return None
        doc_id = self.doc_ids.get(doc) or unquote(doc.rsplit("/", 1)[-1])
        sentence = int(self.text(node, K["sentenceIndex"]) or 0)
        return cls(doc_id, sentence, int(begin), int(end), self.text(node, _ANCHOR) or "")

    def evidence(self, s: str) -> list[Evidence]:
        return sorted({ev for n in self.iris(s, K["evidence"]) if (ev := self._span(n, Evidence))})

    def mentions(self, s: str) -> list[Mention]:
        return sorted({m for n in self.iris(s, K["mention"]) if (m := self._span(n, Mention))})

    def wikidata(self, s: str) -> str | None:
        for iri in self.iris(s, _SAME):
            if iri.startswith(WIKIDATA):
                return iri[len(WIKIDATA):]
        return None

    # --- records -----------------------------------------------------------
    def documents(self) -> list[Document]:
        out = []
        for s, doc_id in self.doc_ids.items():
            url = self.all(s, _DC["source"])
            out.append(Document(doc_id, "", title=self.text(s, _DC["title"]), date=self.text(s, _DC["date"]),
                                url=(url[0].value if isinstance(url[0], Lit) else url[0]) if url else None,
                                source=self.text(s, K["sourceFile"])))
        return sorted(out, key=lambda d: d.id)

    def _participants(self) -> set[str]:
        # Facts make their participants actors (as the reduce does).
        out: set[str] = set()
        for s in [*self.of_type(K["Commitment"]), *self.of_type(K["Statement"])]:
            for pred in ("actor", "target", "partner", "reportedBy", "speaker"):
                out.update(self.iris(s, K[pred]))
        return out

    def _is_actor(self, s: str, participants: set[str]) -> bool:
        t = self.types[s]
        if t & {K["Person"], K["Organization"], K["Group"], K["Actor"]}:
            return True
        if K["Country"] not in t:
            return False
        # kg:Country + kg:Place is either a country actor used as a place, or a
        # country that is only a place (minted in the place/ namespace).
        return K["Place"] not in t or s.startswith(f"{self.base}actor/") or s in participants

    def roles(self, s: str) -> list[Role]:
        out = []
        for r in self.iris(s, K["role"]):
            name = self.text(r, K["roleName"]) or ""
            text = self.text(r, K["roleText"]) or name
            aff = self.iri(r, K["roleAffiliation"])
            # Two sentences giving one actor one role share the role's IRI: one
            # Role per passage, as the build had them.
            for ev in self.evidence(r) or [None]:
                out.append(Role(name, text, aff, ev))
        return sorted(out, key=lambda r: (r.evidence is None, r.evidence or Evidence("", 0, 0, 0, ""), r.name))

    def actors(self) -> list[Actor]:
        participants = self._participants()
        out = []
        for s, t in sorted(self.types.items()):
            if not self._is_actor(s, participants):
                continue
            kind = next((name for cls, name in _ACTOR_ORDER if cls in t), "Actor")
            name = self.text(s, _PREF) or self._local(s)
            out.append(Actor(s, name, kind, aliases=[a for a in self.texts(s, _ALT) if a != name],
                             roles=self.roles(s), mentions=self.mentions(s),
                             affiliations=self.iris(s, K["affiliation"]), wikidata=self.wikidata(s)))
        return out

    def places(self, actors: dict[str, Actor]) -> list[Place]:
        from kg.nlp.gazetteer import load_gazetteer

        lookup = load_gazetteer().lookup
        out = []
        for s in self.of_type(K["Place"]):
            actor = actors.get(s)
            kind = "Country" if K["Country"] in self.types[s] else "Place"
            if actor is None:
                name = self.text(s, _PREF) or self._local(s)
                aliases = [a for a in self.texts(s, _ALT) if a != name]
                wikidata = self.wikidata(s)
            else:
                name, wikidata = actor.name, self.wikidata(s) or actor.wikidata
                aliases = list(dict.fromkeys([name, *actor.aliases]))
                if kind == "Country":
                    # The reduce names a country-as-place by its own names only
                    # (not its capital or demonym): the same filter, reapplied.
                    aliases = [a for a in aliases if lookup.get(a.removeprefix("the ").removeprefix("The "), "")
                               .startswith("country:")] or [name]
            out.append(Place(s, name, kind, aliases=aliases, mentions=self.mentions(s),
                             country=self.iri(s, K["locatedIn"]), wikidata=wikidata))
        return out

    def commitments(self) -> list[Commitment]:
        out = []
        for s in self.of_type(K["Commitment"]):
            kind = next((_KIND_OF[t] for t in sorted(self.types[s]) if t in _KIND_OF), "")
            out.append(Commitment(
                s, self.iri(s, K["actor"]) or "", kind, self.text(s, K["content"]) or "",
                target=self.iri(s, K["target"]), partners=self.iris(s, K["partner"]),
                modality=self.text(s, K["modality"]), negated=self.flag(s, K["negated"]),
                time=self.text(s, K["time"]), date=self.text(s, K["date"]), place=self.iri(s, K["place"]),
                amount=self.text(s, K["amount"]), reported_by=self.iri(s, K["reportedBy"]),
                cue=self.text(s, K["cue"]) or "", evidence=self.evidence(s)))
        return out

    def statements(self) -> list[Statement]:
        return [Statement(s, self.iri(s, K["speaker"]) or "", self.text(s, K["content"]) or "",
                          self.flag(s, K["quote"]), cue=self.text(s, K["cue"]) or "",
                          audience=self.text(s, K["audience"]), date=self.text(s, K["date"]),
                          evidence=self.evidence(s))
                for s in self.of_type(K["Statement"])]

    def graph(self) -> KnowledgeGraph:
        actors = self.actors()
        places = self.places({a.iri: a for a in actors})
        docs = self.documents()
        g = KnowledgeGraph(actors, places, self.commitments(), self.statements(), docs, base_iri=self.base)
        g.stats["documents"] = len(docs)
        return g
