"""``kg show [PATH] [--actor NAME] [--kind KIND]``: an export as readable tables.

Reads the export with :func:`kg.load` and prints three rich tables: the
actors, the commitments (who, what kind, to whom, what, when, where read) and
the statements.  ``--actor`` narrows to one actor (what they committed to,
what was asked of them, what they said); ``--kind`` to one kind of commitment.

>>> command(Path("no/such/graph.ttl"))
Traceback (most recent call last):
...
kg.errors.InputError: no such file: no/such/graph.ttl (kg build ARTICLES writes one to exports/graph.ttl)
>>> _kind("wishes")
Traceback (most recent call last):
...
kg.errors.InputError: unknown kind 'wishes'; choose from: promise, demand, proposal, expectation, agreement, refusal
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from kg.errors import InputError
from kg.types import COMMITMENT_KINDS

if TYPE_CHECKING:
    from rich.table import Table

    from kg.graph import KnowledgeGraph
    from kg.types import Actor, Commitment, Evidence, Statement

__all__ = ["command"]

DEFAULT_FILE = Path("exports/graph.ttl")


def _kind(value: str | None) -> str | None:
    """The commitment kind named by ``value`` ("Demands" is "demand")."""
    if value is None:
        return None
    key = value.strip().lower()
    for kind in (key, key.removesuffix("s")):
        if kind in COMMITMENT_KINDS:
            return kind
    raise InputError(f"unknown kind '{value}'; choose from: {', '.join(COMMITMENT_KINDS)}")


def _actor(graph: KnowledgeGraph, name: str, path: Path) -> Actor:
    from kg.queries import UnknownEntity
    from kg.types import Actor

    try:
        rec = graph.entity(name)
    except UnknownEntity as err:
        if err.candidates:  # known, but not one: "'Vell' is ambiguous: Rina Vell (Person), Tomas Vell (Person)"
            raise InputError(str(err)) from None
        raise InputError(f"unknown actor in {path}: {err}") from None
    if not isinstance(rec, Actor):
        raise InputError(f"unknown actor in {path}: '{name}' is a place, not an actor")
    return rec


def _where(evidence: list[Evidence]) -> str:
    # "a.txt:4" lines: the documents and 1-based sentence numbers to read.
    return "\n".join(dict.fromkeys(f"{ev.document}:{ev.sentence + 1}" for ev in sorted(set(evidence))))


def _actors_table(graph: KnowledgeGraph, actors: list[Actor]) -> Table:
    from rich.table import Column, Table
    from rich.text import Text

    counts: dict[str, int] = {}
    for c in graph.commitments():
        for iri in {c.actor, *c.partners}:
            counts[iri] = counts.get(iri, 0) + 1
    for s in graph.statements():
        counts[s.speaker] = counts.get(s.speaker, 0) + 1
    table = Table(Column("actor", ratio=2), Column("type", no_wrap=True), Column("roles", ratio=2),
                  Column("also called", ratio=3), Column("facts", justify="right", no_wrap=True),
                  title="Actors", title_justify="left")
    for a in actors:
        roles = ", ".join(dict.fromkeys(r.text for r in a.roles))
        aliases = ", ".join(x for x in dict.fromkeys(a.aliases) if x != a.name)
        # Text, not str: names and quotes are data, never rich markup.
        table.add_row(Text(a.name), a.type, Text(roles), Text(aliases), str(counts.get(a.iri, 0)))
    return table


def _commitments_table(graph: KnowledgeGraph, commitments: list[Commitment]) -> Table:
    from rich.table import Column, Table
    from rich.text import Text

    # The content gets the room: the other columns are capped, and "when" is
    # left out when no commitment says.
    dated = any(c.date or c.time for c in commitments)
    columns = [Column("kind", no_wrap=True), Column("by", max_width=20), Column("to", max_width=20),
               Column("what"), *([Column("when", max_width=12)] if dated else []),
               Column("read in", overflow="fold")]
    table = Table(*columns, title="Commitments", title_justify="left")
    for c in commitments:
        by = " and ".join(graph.name_of(x) or x for x in [c.actor, *c.partners])
        what = ("not " if c.negated else "") + c.content
        when = [Text(c.date or c.time or "")] if dated else []
        table.add_row(c.kind, Text(by), Text(graph.name_of(c.target) or ""), Text(what), *when, _where(c.evidence))
    return table


def _statements_table(graph: KnowledgeGraph, statements: list[Statement]) -> Table:
    from rich.table import Column, Table
    from rich.text import Text

    table = Table(Column("speaker", max_width=20), Column("said"), Column("quote", no_wrap=True),
                  Column("read in", overflow="fold"), title="Statements", title_justify="left")
    for s in statements:
        table.add_row(Text(graph.name_of(s.speaker) or s.speaker), Text(str(s)), "yes" if s.quote else "",
                      _where(s.evidence))
    return table


def command(
    path: Annotated[Path, typer.Argument(help="An export: .ttl, .nt, .jsonld or .trig (default: exports/graph.ttl).",
                                         show_default=False)] = DEFAULT_FILE,
    actor: Annotated[Optional[str], typer.Option("--actor", "-a", help="Only this actor: a name, alias, surname, "
                                                 "short name or role (\"the national security adviser\").")] = None,
    kind: Annotated[Optional[str], typer.Option("--kind", "-k", help="Only commitments of this kind: "
                                                f"{', '.join(COMMITMENT_KINDS)}.")] = None,
) -> None:
    """Show the actors, commitments and statements of an export as tables."""
    from rich.console import Console

    import kg

    kind = _kind(kind)  # a typo fails before the file is read
    graph = kg.load(path)
    actors = graph.actors()
    commitments = graph.commitments(kind)
    statements = graph.statements()
    if actor is not None:
        who = _actor(graph, actor, path)
        actors = [who]
        commitments = [c for c in commitments if who.iri in (c.actor, c.target, *c.partners)]
        statements = graph.statements(who)
    console = Console()
    console.print(f"{path}: {len(graph.actors())} actors, {len(graph.commitments())} commitments, "
                  f"{len(graph.statements())} statements from {len(graph.documents())} documents", highlight=False)
    console.print(_actors_table(graph, actors))
    console.print(_commitments_table(graph, commitments) if commitments else
                  f"no {kind or 'commitment'}s" + (f" by or to {actors[0].name}" if actor else ""), highlight=False)
    if kind is None:  # statements have no kind: --kind asks for commitments only
        console.print(_statements_table(graph, statements) if statements else
                      "no statements" + (f" by {actors[0].name}" if actor else ""), highlight=False)
