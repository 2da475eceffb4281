"""What fact extraction knows about one document while it reads it.

:class:`FactContext` answers the question every extractor asks: *which actor
does this token stand for?*  It follows names, demonyms of collective nouns
("British troops"), definite descriptions, and pronouns: "I" and "we" inside
reported speech are the speaker and the speaker's government or company;
"he"/"she" are the person the sentence, or the last statement, is about.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.extract.mentions import is_title_line
from kg.nlp.gazetteer import load_lexicon
from kg.resolve.local import DocEntities, home_country, home_government
from kg.types import Document, Evidence

__all__ = ["FactContext", "Speech"]

# Titles whose holder speaks for a government ("we will" is the government's).
_GOVERNMENT_VOICES = frozenset({"minister", "secretary", "chancellor", "spokesman", "spokeswoman", "spokesperson"})


@dataclass
class Speech:
    """A stretch of reported or quoted speech and who said it."""

    speaker: str  # entity key
    tokens: set[int]  # token indices of what was said
    sentence: int
    cue: int | None = None  # index of the speech verb


@dataclass
class FactContext:
    doc: Doc
    document: Document
    ents: DocEntities
    sents: list[Span] = field(default_factory=list)
    sent_of: dict[int, int] = field(default_factory=dict)
    speeches: list[Speech] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.sents = list(self.doc.sents)
        for i, s in enumerate(self.sents):
            for t in s:
                self.sent_of[t.i] = i
        self.lex = load_lexicon()
        self.text = self.doc.text  # Doc.text joins every token on each access: read it once
        # Headlines restate the story: facts are read from its sentences.
        self.headlines = {i for i, s in enumerate(self.sents) if is_title_line(s, self.text)}

    # --- evidence -----------------------------------------------------------
    def evidence(self, first: int, last: int | None = None) -> Evidence:
        """Evidence for sentences ``first``..``last`` (indices)."""
        last = first if last is None else last
        a, b = self.sents[first], self.sents[last]
        start, end = a.start_char, b.end_char
        raw = self.text[start:end]
        text = raw.strip()
        start += len(raw) - len(raw.lstrip())
        return Evidence(self.document.id, first, start, start + len(text), text)

    # --- speech -------------------------------------------------------------
    def speech_at(self, i: int) -> Speech | None:
        for s in self.speeches:
            if i in s.tokens:
                return s
        return None

    def speech_for(self, tok: Token) -> Speech | None:
        """The speech ``tok`` is part of: inside what was said, or governed by
        the speech verb of its sentence ("..., suggesting that X might...")."""
        sp = self.speech_at(tok.i)
        if sp is not None:
            return sp
        s = self.sent_of[tok.i]
        for sp in self.speeches:
            if sp.cue is not None and self.sent_of.get(sp.cue) == s and (
                    sp.cue == tok.i or any(a.i == sp.cue for a in tok.ancestors)):
                return sp
        return None

    def last_speaker(self, before_sentence: int, window: int = 4) -> str | None:
        for s in reversed(self.speeches):
            if before_sentence - window <= s.sentence <= before_sentence:
                return s.speaker
        return None

    # --- actors -------------------------------------------------------------
    def entity_key(self, tok: Token) -> str | None:
        """The entity a noun token names (any entity, places included)."""
        return self.ents.token_key.get(tok.i)

    def actor(self, tok: Token | None) -> str | None:
        """The actor ``tok`` (the head of a noun phrase) stands for, or None."""
        if tok is None:
            return None
        key = self.ents.token_key.get(tok.i)
        if key is not None:
            return self.ents.actor_key(key)
        # "Norway's climate minister, Ingrid Haugen, said": the name in apposition.
        for c in tok.children:
            if c.dep_ == "appos":
                key = self.ents.token_key.get(c.i)
                if key and self.ents.actor_key(key):
                    return key
        low = tok.lower_
        if tok.pos_ == "PRON" or low in self.lex["first_person_plural"]:
            return self.pronoun(tok)
        # "the company would appeal", "our government will": in reported speech,
        # the speaker's own organisation or country.
        if tok.lemma_ in self.lex["org_nouns"] or low in ("government", "administration", "cabinet"):
            det = [c for c in tok.children if c.dep_ in ("det", "poss")]
            if det and det[0].lower_ in ("the", "our", "my", "his", "her", "its", "their"):
                owned = self._speaker_affiliation(tok)
                if owned:
                    return owned
        # "the United Auto Workers union", "the Acme board": an organisation named as a modifier.
        for c in tok.children if tok.lemma_ in self.lex["org_nouns"] else ():
            if c.dep_ == "compound":
                key = self.ents.token_key.get(c.i)
                ent = self.ents.entities.get(key) if key else None
                if ent is not None and ent.kind == "Organization":
                    return key
        # "US officials", "Freedonia's government", "a Novalis spokeswoman": the modifier is the actor.
        if low in self.lex["collective_nouns_for_country"] or tok.lemma_ in self.lex["collective_nouns_for_country"] \
                or tok.lemma_ in self.lex["unnamed_speakers"]:
            for c in tok.children:
                if c.dep_ in ("compound", "poss", "amod", "nmod"):
                    key = self.ents.token_key.get(c.i)
                    if key is None and c.dep_ == "poss" and c.pos_ == "PRON":
                        key = self.pronoun(c)  # "its members", "our negotiators"
                    if key and (self.ents.actor_key(key) or c.pos_ == "PRON"):
                        return key
        return None

    def _speaker_affiliation(self, tok: Token) -> str | None:
        speech = self.speech_for(tok)
        if speech is None:
            return None
        ent = self.ents.entities.get(speech.speaker)
        if ent is None:
            return None
        if ent.kind != "Person":
            return speech.speaker
        wanted = "Country" if tok.lower_ in ("government", "administration", "cabinet") else None
        for aff in ent.affiliations:
            a = self.ents.entities.get(aff)
            if a is not None and (wanted is None or a.kind == wanted):
                return aff
        return self._home_country() if wanted else None

    def _home_government(self) -> str | None:
        return home_government(self.ents.entities)

    def _home_country(self) -> str | None:
        return home_country(self.ents.entities)

    def pronoun(self, tok: Token) -> str | None:
        low = tok.lower_
        speech = self.speech_at(tok.i)
        if low in self.lex["first_person_singular"]:
            return speech.speaker if speech else None
        if low in self.lex["first_person_plural"]:
            if speech is None:
                return None
            ent = self.ents.entities.get(speech.speaker)
            if ent is not None and ent.kind == "Person":
                if ent.affiliations:
                    return ent.affiliations[0]
                # A minister's or spokesman's "we", with no body named: the government of the story.
                if any(r.name.split()[-1] in _GOVERNMENT_VOICES for r in ent.roles) \
                        or ent.key.startswith("unnamed:") and ent.name.split()[-1].lower() in _GOVERNMENT_VOICES:
                    return self._home_government()
                return None
            return speech.speaker
        if low in ("it", "its", "they", "their", "them"):
            return self._nonperson(tok)
        if low not in self.lex["third_person"]:
            return None
        return self._third_person(tok)

    def _is_body(self, key: str | None) -> bool:
        ent = self.ents.entities.get(key) if key else None
        return ent is not None and ent.kind in ("Organization", "Country", "Group")

    def _nonperson(self, tok: Token) -> str | None:
        """"it"/"they" for an organisation, country or group: "Swissmedic said
        it would...", "The company said its...".  An expletive "it" ("it is
        expected") finds no subject above it and stays unresolved."""
        head = tok.head
        while head.head.i != head.i and head.dep_ not in ("ccomp", "xcomp", "advcl", "conj"):
            head = head.head
        if head.dep_ in ("ccomp", "xcomp", "advcl", "conj"):
            for c in head.head.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i and c.i != tok.i:
                    key = self.actor(c) if c.pos_ != "PRON" else None
                    return key if self._is_body(key) else None
        s = self.sent_of[tok.i]
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in self.lex["speech_verbs"] and s > 0:
            prev = self.sents[s - 1]
            subj = [c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")]
            key = self.actor(subj[0]) if subj and subj[0].pos_ != "PRON" else None
            return key if self._is_body(key) else None
        if tok.lower_ in ("its", "their"):
            before = [t for t in self.sents[s] if t.i < tok.i and self._is_body(self.ents.token_key.get(t.i))]
            if before:
                return self.ents.token_key[before[-1].i]
        return None

    def _persons_before(self, tok: Token, sent: Span) -> list[Token]:
        out = []
        for t in sent:
            if t.i >= tok.i:
                break
            key = self.ents.token_key.get(t.i)
            ent = self.ents.entities.get(key) if key else None
            if ent is not None and ent.kind == "Person" and (t.i + 1 >= len(self.doc) or self.ents.token_key.get(t.i + 1) != key):
                out.append(t)
        return out

    def _third_person(self, tok: Token) -> str | None:
        s = self.sent_of[tok.i]
        sent = self.sents[s]
        # "X has shown he is committed": the subject of the clause above.
        head = tok.head
        while head.head.i != head.i and head.dep_ not in ("ccomp", "xcomp", "advcl"):
            head = head.head
        if head.dep_ in ("ccomp", "xcomp", "advcl"):
            gov = head.head
            for c in gov.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i:
                    key = self.ents.token_key.get(c.i)
                    if key and self.ents.entities[key].kind == "Person":
                        return key
                    if key is None and c.pos_ == "PROPN":
                        return None  # "Jansen said he...": a name we could not resolve; do not guess
        # "he added": the one who was speaking, unless the sentence before
        # had someone else as its subject and no speech ("X rejected it. 'No,' he wrote.").
        if tok.dep_ == "nsubj" and tok.head.lemma_ in self.lex["speech_verbs"]:
            if s > 0 and not any(sp.sentence == s - 1 for sp in self.speeches):
                prev = self.sents[s - 1]
                subj = [c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")]
                key = self.actor(subj[0]) if subj and subj[0].pos_ != "PRON" else None
                if key and self.ents.entities.get(key) is not None and self.ents.entities[key].kind == "Person":
                    return key
            speaker = self.last_speaker(s)
            ent = self.ents.entities.get(speaker) if speaker else None
            if ent is not None and ent.kind == "Person":
                return speaker  # "he added": the one speaking, if a person (never "pupils" or "the firm")
        before = self._persons_before(tok, sent)
        if before:
            return self.ents.token_key[before[-1].i]
        for prev in range(s - 1, max(-1, s - 3), -1):
            ps = self._persons_before(self.sents[prev][-1], self.sents[prev]) + [
                t for t in self.sents[prev][-1:] if self.ents.token_key.get(t.i) and
                self.ents.entities[self.ents.token_key[t.i]].kind == "Person"]
            subj = [t for t in ps if t.dep_ in ("nsubj", "nsubjpass")]
            pick = (subj or ps)
            if pick:
                return self.ents.token_key[pick[-1].i]
        return None
