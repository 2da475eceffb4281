"""Reading articles: files, folders, JSON Lines; bad input named, corpus errors skipped."""

from __future__ import annotations

import json

import pytest

from kg.errors import InputError
from kg.io import check_date, check_paths, iter_documents


def test_text_file_folder_and_jsonl(tmp_path):
    (tmp_path / "a.txt").write_text("First article.", encoding="utf-8")
    sub = tmp_path / "more"
    sub.mkdir()
    (sub / "b.txt").write_text("Second article.", encoding="utf-8")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "x1", "text": "Third.", "title": "T", "date": "2024-02-01",
                                  "url": "https://example.org/x1"}) + "\n", encoding="utf-8")
    docs = list(iter_documents([tmp_path], date="2024-01-01"))
    assert [d.id for d in docs] == ["a.txt", "x1", "more/b.txt"]
    by_id = {d.id: d for d in docs}
    assert by_id["x1"].title == "T" and by_id["x1"].date == "2024-02-01" and by_id["x1"].url.endswith("x1")
    assert by_id["a.txt"].date == "2024-01-01"  # the default date fills in


def test_bad_jsonl_lines_are_skipped_and_reported(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join([
        json.dumps({"text": "Good one."}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": "Bad date.", "date": "yesterday"}),
        json.dumps({"text": "Good two.", "id": "g2"}),
    ]), encoding="utf-8")
    skipped = []
    docs = list(iter_documents([corpus], on_skip=lambda where, why: skipped.append((where, why))))
    assert [d.text for d in docs] == ["Good one.", "Good two."]
    assert [w.rsplit(":", 1)[1] for w, _ in skipped] == ["2", "3", "4", "5"]
    assert "not JSON" in skipped[0][1]


def test_bad_file_inside_a_folder_is_skipped(tmp_path):
    (tmp_path / "good.txt").write_text("Fine.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes("caf\xe9".encode("latin-1"))
    skipped = []
    docs = list(iter_documents([tmp_path], on_skip=lambda w, why: skipped.append(why)))
    assert [d.id for d in docs] == ["good.txt"]
    assert any("empty" in s for s in skipped) and any("UTF-8" in s for s in skipped)


@pytest.mark.parametrize("content, message", [
    (b"", "empty file"),
    (b"   \n\t", "empty file"),
    (b"\x89PNG\x00\x00binary", "binary"),
    (b"caf\xe9 au lait", "not UTF-8"),
])
def test_bad_named_file_is_an_error_naming_it(tmp_path, content, message):
    f = tmp_path / "article.txt"
    f.write_bytes(content)
    with pytest.raises(InputError) as err:
        check_paths([f])
    assert message in str(err.value) and str(f) in str(err.value)


def test_missing_path_and_empty_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        check_paths([tmp_path / "nope.txt"])
    with pytest.raises(InputError, match="no .txt"):
        check_paths([tmp_path])


def test_dates_are_checked():
    assert check_date("2025-03-07") == "2025-03-07"
    for bad in ("2025-13-01", "07/03/2025", "soon"):
        with pytest.raises(InputError):
            check_date(bad)


def test_duplicate_ids_are_made_unique(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps({"id": "same", "text": t}) for t in ("One.", "Two.")), encoding="utf-8")
    assert [d.id for d in iter_documents([corpus])] == ["same", "same#2"]
