"""`kg show`: an export as tables, and one-line errors, run in process."""

from __future__ import annotations

import subprocess
import sys

import pytest

import kg
from kg.cli import main
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def export(nlp, tmp_path_factory):
    graph = kg.build_files([EXAMPLES], date="2025-03-07", nlp=nlp)
    return graph.write(tmp_path_factory.mktemp("show") / "graph.ttl")


def show(capsys, monkeypatch, *args) -> tuple[int, str, str]:
    monkeypatch.setenv("COLUMNS", "220")  # wide enough that no cell wraps
    with pytest.raises(SystemExit) as exit_:
        main(["show", *map(str, args)])
    out, err = capsys.readouterr()
    return exit_.value.code, out, err


def test_show_prints_actors_commitments_and_statements(export, capsys, monkeypatch):
    code, out, err = show(capsys, monkeypatch, export)
    assert code == 0, err
    for title in ("Actors", "Commitments", "Statements"):
        assert title in out
    assert "Steve Witkoff" in out and "special envoy for the Middle East" in out
    assert "demand" in out and "ceasefire_talks_a.txt:" in out
    assert "2 documents" in out.splitlines()[0]


def test_show_one_actor_by_role(export, capsys, monkeypatch):
    code, out, err = show(capsys, monkeypatch, export, "--actor", "the national security adviser")
    assert code == 0, err
    assert "Mike Waltz" in out and "Steve Witkoff" not in out.split("Commitments")[0]
    assert "primary diplomatic team" in out
    assert "no statements by Mike Waltz" in out


def test_show_one_kind(export, capsys, monkeypatch):
    code, out, err = show(capsys, monkeypatch, export, "--kind", "Demands", "--actor", "Ukraine")
    assert code == 0, err
    rows = [line for line in out.splitlines() if line.startswith("│ ") and "demand" in line]
    assert rows and all("Ukraine" in line for line in rows)
    assert "promise" not in out and "Statements" not in out  # --kind asks for commitments only


@pytest.mark.parametrize("args, message", [
    (["missing.ttl"], "error: no such file: missing.ttl"),
    (["{export}", "--actor", "Nobody Atall"],
     "error: unknown actor in {export}: no actor or place named 'Nobody Atall'"),
    (["{export}", "--actor", "Witkof"], "did you mean: Steve Witkoff?"),
    (["{export}", "--actor", "Moscow"], "'Moscow' is a place, not an actor"),
    (["{export}", "--kind", "wish"],
     "error: unknown kind 'wish'; choose from: promise, demand, proposal, expectation, agreement, refusal"),
    ([str(EXAMPLES / "ceasefire_talks_a.txt")], "not an RDF export"),
])
def test_errors_are_one_line(export, capsys, monkeypatch, args, message):
    args = [a.replace("{export}", str(export)) for a in args]
    code, out, err = show(capsys, monkeypatch, *args)
    assert code == 2
    assert message.replace("{export}", str(export)) in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


@pytest.fixture(scope="module")
def small_export(tmp_path_factory):
    # Invented people: two Vells (one surname) and one Kane.
    from kg.graph import KnowledgeGraph
    from kg.types import Actor, Commitment, Document, Evidence

    a = "https://kg.example/actor/"
    ev = Evidence("harbour.txt", 0, 0, 38, "Ada Kane promised to dredge the port.")
    graph = KnowledgeGraph(
        actors=[Actor(f"{a}Ada_Kane", "Ada Kane", "Person", aliases=["Governor Ada Kane"]),
                Actor(f"{a}Tomas_Vell", "Tomas Vell", "Person"), Actor(f"{a}Rina_Vell", "Rina Vell", "Person"),
                Actor(f"{a}Harrow_Grain_Board", "Harrow Grain Board", "Organization")],
        commitments=[Commitment("https://kg.example/commitment/1", f"{a}Ada_Kane", "promise", "dredge the port",
                                target=f"{a}Harrow_Grain_Board", evidence=[ev])],
        documents=[Document("harbour.txt", ev.text, date="2025-05-02")])
    return graph.write(tmp_path_factory.mktemp("small") / "small.ttl")


def test_show_one_actor_by_surname(small_export, capsys, monkeypatch):
    code, out, err = show(capsys, monkeypatch, small_export, "--actor", "kane")
    assert code == 0, err
    assert "Ada Kane" in out and "dredge the port" in out and "Vell" not in out


def test_show_an_ambiguous_actor_is_a_one_line_error(small_export, capsys, monkeypatch):
    code, out, err = show(capsys, monkeypatch, small_export, "--actor", "Vell")
    assert code == 2 and out == ""
    assert err.strip() == "error: 'Vell' is ambiguous: Rina Vell (Person), Tomas Vell (Person)"


def test_show_is_a_registered_command():
    run = subprocess.run([sys.executable, "-m", "kg", "show", "--help"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0
    assert "--actor" in run.stdout and "--kind" in run.stdout
