"""The examples in these pages run as doctests, from the repository root
(they read ``examples/`` as a reader who cloned the repository would)."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _from_repository_root(monkeypatch):
    monkeypatch.chdir(ROOT)
