"""User-given IRIs: refused with the reason, never a traceback."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.iri import check_iri


@pytest.mark.parametrize("value, why", [
    ("http://a b/", "space"),
    ("http://ex.org/<x>/", "do not allow"),
    ("://", "no scheme"),
    ("http://ex.org/%zz/", "hex digits"),
    ("http://ex.org/\n/", "control"),
    ("http://[::1/", "IPv6"),
    ("http:///path/", "no host"),
    ("https://ex.org/base", "ends with"),
])
def test_a_bad_base_iri_is_refused_with_the_reason(value, why):
    with pytest.raises(InputError, match=why):
        check_iri(value, base=True)


def test_good_iris_pass():
    for value in ("https://kg.example/", "http://127.0.0.1:7878/store", "urn:kg:", "http://[::1]:7878/", "https://ex.org/a#"):
        assert check_iri(value) == value
    assert check_iri("urn:news:", base=False) == "urn:news:"
    with pytest.raises(InputError, match="http or https"):
        check_iri("ftp://ex.org/store", web=True)


@pytest.mark.parametrize("args", [
    ["build", "examples/", "--base-iri", "http://[::1/"],
    ["build", "examples/", "--base-iri", "http://ex.org/%zz/"],
    ["push", "exports/graph.ttl", "-e", "http://[::1/"],
])
def test_the_cli_says_it_in_one_line(args):
    import subprocess
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    run = subprocess.run([sys.executable, "-m", "kg", *args], cwd=root, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr and run.stderr.strip().count("\n") == 0
    assert "not an IRI" in run.stderr
