"""Small graphs built straight from the dataclasses, for the HTML view's tests.

``sample_graph`` is a readable two-country story; ``hostile_graph`` is an
article written to break out of the page (script tags, handlers, quotes,
``javascript:`` links) in every field that reaches it.
"""

from __future__ import annotations

import re

from kg.graph import KnowledgeGraph
from kg.types import Actor, Commitment, Document, Evidence, Mention, Place, Role, Statement

A = "https://kg.example/actor/"
P = "https://kg.example/place/"
F = "https://kg.example/fact/"

#: What every payload in the hostile graph tries to do; the page must leave it unset.
PWNED = "window.__pwned"

SAMPLE_TEXT = (
    "Freedonia's prime minister Alia Noor vowed to hold a referendum on the ceasefire next week. "
    "Sylvania's foreign minister Marco Vell urged Freedonia to withdraw its troops from Port Azul. "
    "\"We will not sign this agreement,\" said Vell. The United Nations proposed talks in Geneva. "
    "Noor and Vell agreed to meet again in March."
)


def _sentences(doc: Document) -> list[Evidence]:
    spans = [m.span() for m in re.finditer(r"\S[^.]*?\.(?:\"|,\"[^.]*\.)?(?=\s|$)", doc.text)]
    return [Evidence(doc.id, i, s, e, doc.text[s:e]) for i, (s, e) in enumerate(spans)]


def _mention(doc: Document, sentence: int, name: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(name, start + 1)
    return Mention(doc.id, sentence, start, start + len(name), name)


def sample_graph() -> KnowledgeGraph:
    """Two people, two countries, an organisation, two places, five commitments, one quote."""
    doc = Document("ceasefire_a.txt", SAMPLE_TEXT, title="Ceasefire talks stall", date="2025-03-02",
                   url="https://news.example/ceasefire")
    ev = _sentences(doc)
    m = lambda s, name, nth=0: _mention(doc, s, name, nth)  # noqa: E731
    actors = [
        Actor(A + "alia-noor", "Alia Noor", "Person", aliases=["Noor"],
              roles=[Role("prime minister", "prime minister", A + "freedonia", ev[0])],
              mentions=[m(0, "Alia Noor"), m(4, "Noor", 1)]),
        Actor(A + "marco-vell", "Marco Vell", "Person", aliases=["Vell"],
              roles=[Role("foreign minister", "foreign minister", A + "sylvania", ev[1])],
              mentions=[m(1, "Marco Vell"), m(2, "Vell", 1), m(4, "Vell", 2)]),
        Actor(A + "freedonia", "Freedonia", "Country", wikidata="Q0",
              mentions=[m(0, "Freedonia"), m(1, "Freedonia", 1)]),
        Actor(A + "sylvania", "Sylvania", "Country", mentions=[m(1, "Sylvania")]),
        Actor(A + "united-nations", "United Nations", "Organization", aliases=["UN"],
              mentions=[m(3, "United Nations")]),
    ]
    places = [
        Place(P + "port-azul", "Port Azul", mentions=[m(1, "Port Azul")], country=A + "freedonia"),
        Place(P + "geneva", "Geneva", mentions=[m(3, "Geneva")]),
    ]
    commitments = [
        Commitment(F + "c1", A + "alia-noor", "promise", "hold a referendum on the ceasefire",
                   modality="will", time="next week", cue="vowed", evidence=[ev[0]]),
        Commitment(F + "c2", A + "marco-vell", "demand", "withdraw its troops from Port Azul",
                   target=A + "freedonia", place=P + "port-azul", cue="urged", evidence=[ev[1]]),
        Commitment(F + "c3", A + "marco-vell", "refusal", "sign this agreement", negated=True,
                   cue="will not", evidence=[ev[2]]),
        Commitment(F + "c4", A + "united-nations", "proposal", "talks in Geneva", place=P + "geneva",
                   cue="proposed", evidence=[ev[3]]),
        Commitment(F + "c5", A + "alia-noor", "agreement", "meet again in March",
                   partners=[A + "marco-vell"], time="in March", cue="agreed", evidence=[ev[4]]),
    ]
    statements = [Statement(F + "s1", A + "marco-vell", "We will not sign this agreement", True,
                            cue="said", evidence=[ev[2]])]
    return KnowledgeGraph(actors=actors, places=places, commitments=commitments,
                          statements=statements, documents=[doc])


#: Payloads, each of which sets window.__pwned if it ever runs.
SCRIPT = "<script>window.__pwned = 'script'</script>"
IMG = "<img src=x onerror=\"window.__pwned = 'img'\">"
SVG = "<svg onload=\"window.__pwned = 'svg'\"></svg>"
CLOSE = "</script><script>window.__pwned = 'close'</script>"
QUOTES = "O'Brien \"the boss\" \\ `tick` ${x}"


def hostile_graph() -> KnowledgeGraph:
    """An article whose names, quotes, titles and links all carry payloads."""
    sentences = [f"{IMG} met {QUOTES} in {SVG}.", f"{QUOTES} said \"{CLOSE}\".",
                 f"{SCRIPT} demanded that {QUOTES} resign."]
    text = " ".join(sentences)
    doc = Document(f"evil{SCRIPT}.txt", text, title=f"Breaking {IMG}", date="2025-01-01",
                   url="javascript:window.__pwned='url'")
    starts = [text.index(x) for x in sentences]
    ev = [Evidence(doc.id, i, s, s + len(x), x) for i, (s, x) in enumerate(zip(starts, sentences))]
    evil = A + 'evil"<img src=x onerror=1>'  # an IRI is data too
    actors = [
        Actor(evil, IMG, "Person", aliases=[SCRIPT, SVG],
              roles=[Role("chief", f"chief {SVG}", A + "obrien", ev[0])],
              mentions=[_mention(doc, 0, IMG)]),
        Actor(A + "obrien", QUOTES, "Organization", aliases=["O'Brien"],
              mentions=[_mention(doc, 0, QUOTES), _mention(doc, 1, QUOTES, 1)]),
        Actor(A + "script", SCRIPT, "Group", mentions=[_mention(doc, 2, SCRIPT)]),
    ]
    places = [Place(P + "svg", SVG, mentions=[_mention(doc, 0, SVG)], country=A + "nowhere</script>")]
    commitments = [Commitment(F + "c1", A + "script", "demand", f"{QUOTES} resign {CLOSE}",
                              target=A + "obrien", cue=IMG, evidence=[ev[2]])]
    statements = [Statement(F + "s1", A + "obrien", CLOSE, True, cue=SVG, audience=IMG,
                            evidence=[ev[1]])]
    return KnowledgeGraph(actors=actors, places=places, commitments=commitments,
                          statements=statements, documents=[doc])
