"""Mentions: the named spans of a parsed document, cleaned, with their usage.

A :class:`Span` from spaCy's NER or the gazetteer ruler becomes a
:class:`NameMention` once its determiner, possessive and titles are stripped
and its *usage* in the sentence is known: ``actor`` (it does or says
something), ``place`` (a location) or ``other``.  Usage is what turns "Kyiv"
into Ukraine's government in "Kyiv rejected the plan" and into a city in
"talks in Kyiv".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from kg.extract.names import clean_name, title_words
from kg.nlp.gazetteer import Gazetteer, cue_verbs, load_gazetteer, load_lexicon

__all__ = ["NameMention", "find_mentions", "usage_of", "is_headline", "is_title_line"]

LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
# "much of X", "the rest of X": the quantity stands where X stands.
_QUANTITY_NOUNS = ("much", "most", "rest", "half", "all", "parts", "part")
# "a letter to X": X is an addressee, not a destination.
_MESSAGE_NOUNS = ("letter", "message", "call", "apology")


@dataclass
class NameMention:
    """One named span of the document with what the sentence says about it."""

    start: int  # token indices into the Doc, after cleaning
    end: int
    text: str  # surface form, cleaned ("Zelenskyy", "United States")
    label: str  # spaCy label or the ruler's
    gaz: str | None  # gazetteer id ("country:UA", "capital:UA"...)
    usage: str  # "actor" | "place" | "other"
    sentence: int
    headline: bool = False

    @property
    def root(self) -> int:
        return self.end - 1


def is_title_line(sent: Span, text: str | None = None) -> bool:
    """A headline or subhead: a whole line without final punctuation.

    ``text`` is the document's text, when the caller has it at hand.
    """
    text = sent.doc.text if text is None else text
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is None:
        return False
    # "Blair backs 'pre-election budget'": a closing quote ends a headline too, unless a stop is inside it
    words = sent.text.rstrip().rstrip("\"”’'").rstrip()
    if not words or words[-1] in ".?!":
        return False
    before = text[max(0, sent.start_char - 8):sent.start_char].rstrip(" \t")
    after = text[last.idx + len(last.text):last.idx + len(last.text) + 8].lstrip(" \t")
    return (sent.start_char == 0 or before.endswith("\n") or not before) and (not after or after.startswith("\n"))


def is_headline(sent: Span) -> bool:
    """A title-case headline: a line without final punctuation, most words capitalised."""
    words = [t for t in sent if t.is_alpha]
    if len(words) < 3 or sent[-1].text in ".?!\"”’'":
        return False
    caps = sum(1 for t in words if t.text[0].isupper() or len(t) <= 3)
    return caps / len(words) >= 0.8


def usage_of(doc: Doc, root: Token) -> str:
    """How the noun phrase headed by ``root`` is used: actor, place or other."""
    tok = root
    # Conjuncts share the role of the first conjunct ("between Moscow and Kyiv").
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    dep = tok.dep_
    if dep in ("nsubj", "nsubjpass", "agent", "dative", "poss", "dobj", "appos", "ROOT"):
        if dep == "nsubjpass" and tok.head.lemma_ in ("locate", "base", "situate"):
            return "place"
        return "actor"
    if dep == "pobj":
        return _prepositional_usage(doc, tok.head)
    if dep in ("compound", "amod", "nmod", "npadvmod"):
        return "modifier"
    return "other"


def _prepositional_usage(doc: Doc, prep: Token) -> str:
    """The usage of the object of preposition ``prep``: actor ("by X"), place ("in X") or other."""
    lex = load_lexicon()
    word = prep.lower_
    governor = prep.head
    if word == "by" and governor.pos_ in ("VERB", "AUX") or word == "against":
        return "actor"  # "imposed by X", "a complaint against Brussels", "sanctions against Moscow"
    if word in ("with", "between") and governor.lemma_ in lex["meeting_nouns"] | lex["agreement_objects"] \
            or word == "with" and governor.lemma_ in lex["dispute_nouns"]:
        return "actor"  # "talks with Kyiv", "a deal with Brussels", "a row with Paris" (a "clash between" peoples is not)
    if word == "of" and governor.lower_ in lex["location_head_nouns"]:
        return "place"
    if word == "of" and governor.lower_ in _QUANTITY_NOUNS:
        return usage_of(doc, governor)  # "across much of X" is where "much" is
    if word in ("from", "via", "over", "through"):
        # Only motion makes them locative: "troops sent from X", not "assurances from X".
        return "place" if governor.lemma_ in lex["motion_verbs"] else "other"
    if word in ("to", "toward", "towards") and governor.pos_ == "NOUN" and governor.lower_ in _MESSAGE_NOUNS:
        return "other"  # an addressee, not a destination
    if word in lex["locative_preps"]:
        return "place"
    return "other"


def find_mentions(doc: Doc) -> list[NameMention]:
    """The named mentions of ``doc`` in order, with headline words and
    non-entities removed."""
    gaz = load_gazetteer()
    not_entities = load_lexicon()["not_entities"]
    titles = title_words()
    sent_of, headlines = _sentence_index(doc)
    out: list[NameMention] = []
    for ent in _name_spans(doc):
        if not _has_name_label(ent):
            continue
        span = clean_name(ent, person=ent.label_ == "PERSON")
        if span is None or not _is_name(doc, ent, span, not_entities, titles):
            continue
        s = sent_of[span.start]
        out.append(_name_mention(doc, ent, span, s, s in headlines, gaz))
    out.extend(_unlabelled_speakers(doc, out, sent_of, headlines))
    out.sort(key=lambda m: m.start)
    return _drop_headline_noise(out)


def _sentence_index(doc: Doc) -> tuple[dict[int, int], set[int]]:
    """The sentence of every token, and the sentences that are title-case headlines."""
    sent_of = {}
    headlines = set()
    for i, s in enumerate(doc.sents):
        if is_headline(s):
            headlines.add(i)
        for t in s:
            sent_of[t.i] = i
    return sent_of, headlines


def _has_name_label(ent: Span) -> bool:
    """A label of a name, or a gazetteer id of a country, capital or organisation."""
    # (a country the NER mislabelled, "Chile" as a work of art, is still the country)
    return ent.label_ in LABELS or ent.ent_id_.startswith(("country:", "capital:", "org:"))


def _is_name(doc: Doc, ent: Span, span: Span, not_entities: frozenset[str], titles: frozenset[str]) -> bool:
    """Whether the cleaned ``span`` of ``ent`` is a name and not a word that looks like one."""
    text = span.text
    if not any(c.isalpha() for c in text):
        return False
    if text.lower() in not_entities or not any(c.isupper() for c in text):
        return False
    if not ent.ent_id_ and all(t.lower_ in titles for t in span) and usage_of(doc, span.root) != "actor":
        return False  # "Labour" in "Labour Minister X" is part of a title ("Labour said" is the party)
    if ent.label_ == "ORG" and _is_dateline_credit(doc, span):
        return False  # "BRUSSELS (Reuters) -": who filed the story, not an actor in it
    return not _is_verb_or_adjective(ent, span)


def _is_verb_or_adjective(ent: Span, span: Span) -> bool:
    """A capitalised verb, adverb or adjective the NER took for a name."""
    if ent.label_ == "NORP" or ent.ent_id_:
        return False
    if len(span) == 1 and span.text.isupper() and len(span.text) > 1:
        return False  # an acronym: "CBI chief economist X"
    return all(t.pos_ in ("VERB", "AUX", "ADV", "ADJ") for t in span)


def _name_mention(doc: Doc, ent: Span, span: Span, s: int, headline: bool, gaz: Gazetteer) -> NameMention:
    """The mention of the cleaned ``span`` of ``ent`` in sentence ``s``: label, gazetteer id, usage."""
    label = ent.label_ if ent.label_ in LABELS else ("ORG" if ent.ent_id_.startswith("org:") else "GPE")
    usage = usage_of(doc, span.root)
    gid = ent.ent_id_ or gaz.lookup.get(span.text)
    if label in ("GPE", "LOC", "ORG", "PERSON", "FAC") and _is_dateline(doc, span):
        # "MONTREAL, Nov. 10 —", "BASEL, Switzerland (AP) —": where the story was filed.
        label, usage = "GPE", "place"
        gid = gid or gaz.lookup.get(span.text.title())
    return NameMention(span.start, span.end, span.text, label, gid, usage, s, headline=headline)


def _name_spans(doc: Doc):
    """The NER's spans, with a place the NER ran into a name given back as its
    own span: "Glenurquhart School in Inverness" is a school and a town."""
    gaz = load_gazetteer()
    for ent in doc.ents:
        # "the Liberal Democrats" with only "Democrats" tagged: the longer name the gazetteer knows
        if ent.start > 0 and doc[ent.start - 1].text[:1].isupper() and not doc[ent.start - 1].ent_type_:
            gid = gaz.lookup.get(doc[ent.start - 1:ent.end].text)
            if gid:
                yield Span(doc, ent.start - 1, ent.end, label="GPE" if gid.startswith("country:") else "ORG", span_id=gid)
                continue
        cut = next((t.i for t in ent[1:-1] if t.lower_ in ("in", "near") and t.pos_ == "ADP"
                    and doc[t.i + 1].text[:1].isupper() and doc[t.i - 1].text[:1].isupper()), None)
        if cut is None or ent.label_ not in ("ORG", "FAC", "GPE", "LOC"):
            yield ent
            continue
        yield Span(doc, ent.start, cut, label=ent.label_)
        yield Span(doc, cut + 1, ent.end, label="GPE")


def _unlabelled_speakers(doc: Doc, found: list[NameMention], sent_of: dict[int, int],
                         headlines: set[int]) -> list[NameMention]:
    """Names the statistical NER missed where the grammar leaves no doubt: a
    run of two or more capitalised proper nouns that is the subject of a
    speech or commitment verb ("Ana Ruiz said") is a person."""
    verbs = cue_verbs()
    covered = {i for m in found for i in range(m.start, m.end)}
    extra = []
    for i in pos_indices(doc, (PROPN,)):
        if i in covered:
            continue
        tok = doc[i]
        org = _unlabelled_organisation(doc, tok, sent_of, headlines)
        if org is not None:
            extra.append(org)
            covered.add(i)
            continue
        span = _unlabelled_person(doc, tok, verbs, covered)
        if span is not None:
            s = sent_of[span.start]
            extra.append(NameMention(span.start, span.end, span.text, "PERSON", None, "actor", s, s in headlines))
    return extra


def _unlabelled_organisation(doc: Doc, tok: Token, sent_of: dict[int, int],
                             headlines: set[int]) -> NameMention | None:
    """A one-word organisation the NER missed: listed with organisations, or initials acting."""
    if _listed_with_organisations(tok):
        # "MCI, BT, Energis and NTT": an unlabelled name in a list of organisations is one
        usage = usage_of(doc, tok)
    elif _is_acronym_subject(tok):
        # "BT said", "NTL is trialling": an organisation's initials acting in the clause.
        usage = "actor"
    else:
        return None
    s = sent_of[tok.i]
    return NameMention(tok.i, tok.i + 1, tok.text, "ORG", None, usage, s, s in headlines)


def _unlabelled_person(doc: Doc, tok: Token, verbs: frozenset[str], covered: set[int]) -> Span | None:
    """The name of two or more capitalised words that ``tok`` ends, as the subject of a cue verb."""
    if tok.dep_ != "nsubj" or tok.pos_ != "PROPN" or tok.head.lemma_ not in verbs:
        return None
    span = doc[_compound_start(doc, tok):tok.i + 1]
    # Titles before the name are a role, not part of it.
    while len(span) > 1 and span[0].lower_.rstrip(".") in title_words():
        span = doc[span.start + 1:span.end]
    if len(span) < 2 or not all(t.is_alpha and t.text[0].isupper() for t in span):
        return None
    if any(i in covered for i in range(span.start, span.end)):
        return None
    return span


def _compound_start(doc: Doc, tok: Token) -> int:
    """The first token of the run of proper-noun compounds that ``tok`` heads."""
    start = tok.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN" \
            and doc[start - 1].head.i == tok.i:
        start -= 1
    return start


def pos_indices(doc: Doc, pos: tuple[int, ...]) -> list[int]:
    """Indices of the tokens of ``doc`` with a part of speech in ``pos`` (spaCy
    symbols), read from its arrays: creating a Token for every word of every
    pass is what extraction spends most on."""
    return [i for i, p in enumerate(doc.to_array([POS]).tolist()) if p in pos]


def _listed_with_organisations(tok: Token) -> bool:
    """A lone capitalised proper noun, not sentence-initial, conjoined between
    organisations the NER found ("MCI, BT, Energis and NTT")."""
    if tok.pos_ != "PROPN" or tok.ent_type_ or tok.is_sent_start or not tok.text[:1].isupper() or not tok.is_alpha:
        return False
    if any(c.dep_ == "compound" for c in tok.children) or tok.dep_ != "conj":
        return False
    near = [tok.head] + [c for c in tok.children if c.dep_ == "conj"]
    return len(near) >= 2 and all(n.ent_type_ == "ORG" for n in near)


def _is_acronym_subject(tok: Token) -> bool:
    """An unlabelled run of capitals ("BT", "NTL", "O2") as the subject or agent
    of a verb, or in apposition to an organisation noun ("cable company NTL")."""
    text = tok.text
    if text.lower() in load_lexicon()["not_entities"]:
        return False
    if tok.pos_ != "PROPN" or not (2 <= len(text) <= 6) or not text[0].isalpha() or not text.isupper() \
            or not text.isalnum() or tok.ent_type_:
        return False
    if text.lower() in title_words() and any(c.ent_type_ == "PERSON" for c in tok.children):
        return False  # "Andrew Tyrie MP said": a title after a name
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.head.pos_ == "VERB":
        return True
    org_nouns = load_lexicon()["org_nouns"]
    return any(c.dep_ == "compound" and c.lemma_.lower() in org_nouns for c in tok.children)


def _dateline_end(doc: Doc, span: Span) -> int | None:
    """If ``span`` lies in a dateline ("LA PAZ, Oct 21 (Reuters) -",
    "BASEL, Switzerland (AP) —"), the index of the dash that ends it."""
    start = span.start
    while start > 0 and "\n" not in doc[start - 1].text_with_ws and not doc[start - 1].is_space:
        start -= 1
        if span.start - start > 16:
            return None  # a dateline is the first few tokens of a paragraph
    first = doc[start]
    if not (first.text.isupper() and first.is_alpha and len(first.text) >= 2):
        return None
    for t in doc[start:min(len(doc), start + 16)]:
        if t.text in ("—", "–", "-", "--") and t.i >= span.end:
            return t.i
        if "\n" in t.text:  # (the parser often splits a dateline into sentences: ignore that)
            return None
    return None


def _is_dateline(doc: Doc, span: Span) -> bool:
    """A place name in the dateline that opens a paragraph: where the story was filed."""
    return _dateline_end(doc, span) is not None and not (span.start > 0 and doc[span.start - 1].text == "(")


def _is_dateline_credit(doc: Doc, span: Span) -> bool:
    """"(Reuters)" in a dateline: who filed the story, not an actor in it."""
    return (span.start > 0 and doc[span.start - 1].text == "(" and span.end < len(doc)
            and doc[span.end].text == ")" and _dateline_end(doc, span) is not None)


def _drop_headline_noise(mentions: list[NameMention]) -> list[NameMention]:
    """In a headline, capitalisation says nothing: keep only the names the
    gazetteer knows or the body of the article repeats."""
    body = {m.text.lower() for m in mentions if not m.headline}
    return [m for m in mentions if not m.headline or m.gaz or m.text.lower() in body]
