"""The structures that keep extraction and merging linear in the length of a
document give the answers of the plain scans they replace (timings are
benchmarks/linear.py's job, not a test's)."""

from __future__ import annotations

import random

from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.extract.speeches import Speech, SpeechLog
from kg.nlp.sentence_cap import MAX_SENTENCE_TOKENS, cap_sentences, cuts, set_sentence_starts
from kg.resolve.duplicates import NearDuplicates, overlap

WORDS = "we will pay the bridge road tax cut next year plan talks go".split()


def _first_by_scan(items, text, threshold, least, accept=None):
    return next((it for t, it in items if (accept is None or accept(it)) and overlap(t, text, least) >= threshold), None)


def test_near_duplicates_find_what_a_scan_finds():
    rng = random.Random(7)
    for threshold, least in ((0.8, 1), (0.6, 3), (0.6, 1)):
        index, items = NearDuplicates(threshold, least), []
        for n in range(600):
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 7)))
            item = f"t{n}"
            assert index.find(text) == _first_by_scan(items, text, threshold, least), (text, threshold, least)
            odd = index.find(text, accept=lambda it: int(it[1:]) % 2 == 1)
            assert odd == _first_by_scan(items, text, threshold, least, lambda it: int(it[1:]) % 2 == 1)
            if rng.random() < 0.7:
                index.add(text, item)
                items.append((text, item))
    assert len(index) > 300


def test_near_duplicates_match_by_key_as_well():
    index = NearDuplicates(0.6)
    first = object()
    index.add("the bridge", first, keys=(("d1", 40),))
    assert index.find("taxes", keys=(("d1", 40),)) is first
    assert index.find("taxes", keys=(("d1", 41),)) is None
    index.add_keys(first, (("d2", 0),))
    assert index.find("taxes", keys=(("d2", 0),)) is first


def _speeches_by_scan(log_items):
    return sorted(log_items, key=lambda sp: sp.sentence)  # a stable sort: the order speeches were added


def test_speech_log_keeps_reading_order_and_finds_by_token():
    rng = random.Random(3)
    log, added = SpeechLog(), []
    for n in range(300):
        s = rng.randint(0, 40)
        sp = Speech(f"p{n}", set(rng.sample(range(400), 3)), s, cue=rng.choice([None, rng.randint(0, 400)]))
        log.add(sp, cue_sentence=None if sp.cue is None else sp.cue // 10)
        added.append(sp)
    order = _speeches_by_scan(added)
    assert list(log) == order
    for i in range(400):
        assert log.at(i) is next((sp for sp in order if i in sp.tokens), None)
    for s in range(45):
        assert list(log.back_from(s, window=4)) == [sp for sp in reversed(order) if s - 4 <= sp.sentence <= s]
        assert log.cued_in(s) == [sp for sp in order if sp.cue is not None and sp.cue // 10 == s]
        assert log.has_sentence(s) == any(sp.sentence == s for sp in order)


def test_cuts_end_at_the_best_break_and_are_never_too_long():
    words = (["word"] * 7 + [","]) * 40 + ["and"] + ["word"] * 300
    doc = Doc(Vocab(), words=words)
    parts = cuts(doc, 0, len(doc), max_tokens=50)
    assert parts[0][0] == 0 and parts[-1][1] == len(doc)
    assert all(b - a <= 50 for a, b in parts) and all(parts[i][1] == parts[i + 1][0] for i in range(len(parts) - 1))
    assert doc[parts[0][1] - 1].text == ","  # after a comma, not in the middle of words


def test_sentence_starts_are_set_in_one_pass():
    doc = Doc(Vocab(), words=["a", "b", "c", "d", "e"])
    set_sentence_starts(doc, {0: True, 2: True, 1: False})
    assert [t.is_sent_start for t in doc] == [True, False, True, None, None]


def test_an_overlong_sentence_is_cut_and_an_article_is_left_alone(nlp):
    article = nlp("The council promised to repair the bridge. Work starts in May.")
    assert cap_sentences(nlp, article) is article
    # After the parser: any sentence over the cap is cut and parsed again.
    doc = cap_sentences(nlp, article, max_tokens=5)
    assert doc.text == article.text and max(len(s) for s in doc.sents) <= 5 < len(list(article.sents)[0])


def test_a_stretch_without_full_stops_is_cut_before_the_parser(nlp):
    text = "The mayor said " + " and ".join(f"the council would pay {i} pounds" for i in range(120)) + "."
    doc = nlp(text)
    lengths = [len(s) for s in doc.sents]
    assert max(lengths) <= MAX_SENTENCE_TOKENS < len(doc) == sum(lengths)
    assert cap_sentences(nlp, doc) is doc  # nothing left to cut: parsed once


def test_a_long_run_without_spaces_is_tokenized_in_pieces_and_the_text_kept():
    from spacy.lang.en import English

    from kg.nlp.tokenizer import LONG_RUN, PIECE, RunSafeTokenizer

    plain = English().tokenizer
    safe = RunSafeTokenizer(plain)
    article = 'The mayor said: "We will pay." See https://example.org/a?b=c&d=e, (page 4).\n\nDone.'
    assert [t.text for t in safe(article)] == [t.text for t in plain(article)]  # articles: spaCy's own tokens
    for text in ['"' * 5000, "Talks ended. " + "!?" * 3000 + "  \n Then " + "x" * (LONG_RUN + 7) + " .",
                 " " + "-" * LONG_RUN]:
        doc = safe(text)
        assert doc.text == text
        assert max(len(t.text) for t in doc) <= max([PIECE] + [len(w) for w in text.split() if len(w) < LONG_RUN])
