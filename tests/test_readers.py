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


def test_a_generated_id_never_takes_the_id_of_a_later_record(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps({"id": i, "text": f"Article {n}."}) for n, i in enumerate(["a", "a", "a#2"])),
                      encoding="utf-8")
    ids = [d.id for d in iter_documents([corpus])]
    assert len(ids) == 3 and len(set(ids)) == 3 and ids[:2] == ["a", "a#2"]


def test_a_byte_order_mark_does_not_cost_the_first_record(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(b"\xef\xbb\xbf" + (json.dumps({"id": "first", "text": "One."}) + "\n"
                                          + json.dumps({"id": "second", "text": "Two."})).encode("utf-8"))
    assert [d.id for d in iter_documents([corpus])] == ["first", "second"]


def test_an_empty_or_odd_corpus_file_inside_a_folder_is_skipped_not_fatal(tmp_path):
    (tmp_path / "a.txt").write_text("Fine.", encoding="utf-8")
    (tmp_path / "empty.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "x.jsonl").mkdir()  # a folder with a corpus's name
    (tmp_path / "x.jsonl" / "b.txt").write_text("Also fine.", encoding="utf-8")
    skipped = []
    docs = list(iter_documents([tmp_path], on_skip=lambda w, why: skipped.append((w, why))))
    assert [d.id for d in docs] == ["a.txt", "x.jsonl/b.txt"]
    assert [why for _, why in skipped] == [f"empty file: {tmp_path / 'empty.jsonl'}"]


@pytest.mark.parametrize("record, why", [
    ({"date": "2025-13-45"}, "bad date"),
    ({"date": "2025-02-30"}, "bad date"),
    ({"date": "0000-01-01"}, "bad date"),
    ({"date": "\u0662\u0660\u0662\u0665-01-01"}, "bad date"),  # Arabic-Indic digits
    ({"date": 20250101}, "bad date"),
    ({"id": "9" * 300}, "id longer"),
])
def test_bad_fields_skip_the_record_with_the_reason(tmp_path, record, why):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"text": "Ghana signed the deal.", **record}) + "\n"
                      + json.dumps({"text": "Togo signed too."}), encoding="utf-8")
    skipped = []
    docs = list(iter_documents([corpus], on_skip=lambda w, reason: skipped.append(reason)))
    assert [d.text for d in docs] == ["Togo signed too."]
    assert len(skipped) == 1 and why in skipped[0]


def test_odd_but_harmless_fields_keep_the_document(tmp_path):
    corpus = tmp_path / "c.jsonl"
    lines = [
        '{"id": "   ", "title": 42, "url": ["a"], "text": "One."}',
        '{"id": 7, "title": {"x": 1}, "text": "Two \\ud800 lone."}',
        '{"id": "t\\udc80", "title": "Tit\\ud800le", "text": "Three."}',
        '{"id": ' + "9" * 5000 + ', "text": "Four."}',
        '{"text": "Five.", "deep": ' + "[" * 100000 + "]" * 100000 + "}",
    ]
    corpus.write_text("\n".join(lines), encoding="utf-8")
    skipped = []
    docs = list(iter_documents([corpus], on_skip=lambda w, reason: skipped.append(reason)))
    assert [d.id for d in docs] == ["c-1", "7", "t\ufffd"]
    assert docs[0].title == "42" and docs[0].url is None and docs[1].title is None
    assert docs[1].text == "Two \ufffd lone." and docs[2].title == "Tit\ufffdle"
    for d in docs:  # every string can be written out as UTF-8
        for value in (d.id, d.text, d.title or ""):
            value.encode("utf-8")
    assert len(skipped) == 2 and all("not JSON" in s for s in skipped)


def test_a_fifo_named_or_in_a_folder_is_never_read(tmp_path):
    import os
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        check_paths([fifo])
    (tmp_path / "a.txt").write_text("Fine.", encoding="utf-8")
    assert [d.id for d in iter_documents([tmp_path])] == ["a.txt"]  # returns: the FIFO is not opened
