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
from kg.extract.speeches import Speech, SpeechLog
from kg.nlp.gazetteer import cue_verbs, load_lexicon
from kg.resolve.local import DocEntities, home_country, home_government
from kg.types import Document, Evidence

__all__ = ["FactContext", "Speech"]

# Titles whose holder speaks for a government ("we will" is the government's).
_GOVERNMENT_VOICES = frozenset({"minister", "secretary", "chancellor", "spokesman", "spokeswoman", "spokesperson"})
# Nouns for a state's executive: "the government" in a minister's mouth is their country's.
_GOVERNMENT_NOUNS = frozenset({"government", "administration", "cabinet"})
# Determiners that make an organisation noun the speaker's own ("the company", "our government").
_OWNING_DETERMINERS = frozenset({"the", "our", "my", "his", "her", "its", "their"})
# Pronouns that stand for a body (an organisation, country or group), never a person.
_NONPERSON_PRONOUNS = frozenset({"it", "its", "they", "their", "them"})
_SUBJECTS = ("nsubj", "nsubjpass")
# Clauses whose subject a pronoun inside them can refer to ("X said it would...").
_CLAUSES = ("ccomp", "xcomp", "advcl")
_CLAUSES_AND_CONJUNCTS = _CLAUSES + ("conj",)


@dataclass
class FactContext:
    doc: Doc
    document: Document
    ents: DocEntities
    sents: list[Span] = field(default_factory=list)
    sent_of: dict[int, int] = field(default_factory=dict)
    speeches: SpeechLog = field(default_factory=SpeechLog)

    def __post_init__(self) -> None:
        self.sents = list(self.doc.sents)
        for i, s in enumerate(self.sents):
            for t in s:
                self.sent_of[t.i] = i
        self.lex = load_lexicon()
        self.text = self.doc.text  # Doc.text joins every token on each access: read it once
        # Headlines restate the story: facts are read from its sentences.
        self.headlines = {i for i, s in enumerate(self.sents) if is_title_line(s, self.text)}
        # Doc.ents builds every span on each access: the dates, by first token, once.
        self.dates = {e.start: e for e in self.doc.ents if e.label_ == "DATE"}

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
    def add_speech(self, sp: Speech) -> None:
        """Register a speech, in reading order (see :class:`SpeechLog`)."""
        self.speeches.add(sp, None if sp.cue is None else self.sent_of.get(sp.cue))

    def speech_at(self, i: int) -> Speech | None:
        """The speech whose words include token ``i``, or None."""
        return self.speeches.at(i)

    def speech_for(self, tok: Token) -> Speech | None:
        """The speech ``tok`` is part of: inside what was said, or governed by
        the speech verb of its sentence ("..., suggesting that X might...")."""
        sp = self.speech_at(tok.i)
        if sp is not None:
            return sp
        for sp in self.speeches.cued_in(self.sent_of[tok.i]):
            if sp.cue == tok.i or any(a.i == sp.cue for a in tok.ancestors):
                return sp
        return None

    def last_speaker(self, before_sentence: int, window: int = 4) -> str | None:
        """The speaker of the last speech within ``window`` sentences up to ``before_sentence``."""
        sp = next(self.speeches.back_from(before_sentence, window), None)
        return sp.speaker if sp is not None else None

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
        key = self._appositive_actor(tok)
        if key is not None:
            return key
        low = tok.lower_
        if tok.pos_ == "PRON" or low in self.lex["first_person_plural"]:
            return self.pronoun(tok)
        # "the company would appeal", "our government will": in reported speech,
        # the speaker's own organisation or country.
        owned = self._own_body(tok, low)
        if owned:
            return owned
        # "the United Auto Workers union", "the Acme board": an organisation named as a modifier.
        key = self._compound_organisation(tok)
        if key is not None:
            return key
        # "US officials", "Freedonia's government", "a Novalis spokeswoman": the modifier is the actor.
        return self._modifier_actor(tok, low)

    def _appositive_actor(self, tok: Token) -> str | None:
        """The actor named in apposition to ``tok``, or before a title after
        the name ("Andrew Tyrie MP": the parse makes "MP" the head), if any."""
        titled = tok.lower_ in self.lex["titles"]
        for c in tok.children:
            if c.dep_ == "appos" or titled and c.dep_ == "compound" and c.ent_type_ == "PERSON":
                key = self.ents.token_key.get(c.i)
                if key and self.ents.actor_key(key):
                    return key
        return None

    def _own_body(self, tok: Token, low: str) -> str | None:
        """"the company", "our government": the speaker's own organisation or country."""
        if tok.lemma_ not in self.lex["org_nouns"] and low not in _GOVERNMENT_NOUNS:
            return None
        if any(c.dep_ in ("compound", "amod", "nmod") and c.i in self.ents.token_key for c in tok.children):
            return None  # "the UK government" is the UK's, whoever speaks
        det = [c for c in tok.children if c.dep_ in ("det", "poss")]
        if det and det[0].lower_ in _OWNING_DETERMINERS:
            return self._speaker_affiliation(tok)
        return None

    def _compound_organisation(self, tok: Token) -> str | None:
        """An organisation named as a compound modifier of an organisation noun."""
        if tok.lemma_ not in self.lex["org_nouns"]:
            return None
        for c in tok.children:
            if c.dep_ == "compound":
                key = self.ents.token_key.get(c.i)
                ent = self.ents.entities.get(key) if key else None
                if ent is not None and ent.kind == "Organization":
                    return key
        return None

    def _modifier_actor(self, tok: Token, low: str) -> str | None:
        """The actor modifying a collective noun or an unnamed speaker ("US officials")."""
        collective = self.lex["collective_nouns_for_country"]
        if low not in collective and tok.lemma_ not in collective \
                and tok.lemma_ not in self.lex["unnamed_speakers"]:
            return None
        for c in tok.children:
            if c.dep_ in ("compound", "poss", "amod", "nmod"):
                key = self.ents.token_key.get(c.i)
                if key is None and c.dep_ == "poss" and c.pos_ == "PRON":
                    key = self.pronoun(c)  # "its members", "our negotiators"
                if key and (self.ents.actor_key(key) or c.pos_ == "PRON"):
                    return key
        return None

    def _speaker_affiliation(self, tok: Token) -> str | None:
        """The body the speaker of ``tok``'s speech belongs to (a country for "government")."""
        speech = self.speech_for(tok)
        if speech is None:
            return None
        ent = self.ents.entities.get(speech.speaker)
        if ent is None:
            return None
        if ent.kind != "Person":
            return speech.speaker
        wanted = "Country" if tok.lower_ in _GOVERNMENT_NOUNS else None
        for aff in ent.affiliations:
            a = self.ents.entities.get(aff)
            if a is not None and (wanted is None or a.kind == wanted):
                return aff
        return self._home_country() if wanted else None

    def _home_government(self) -> str | None:
        """The government the story is about, if one stands out."""
        return home_government(self.ents.entities)

    def _home_country(self) -> str | None:
        """The country the story is about, if one stands out."""
        return home_country(self.ents.entities)

    def pronoun(self, tok: Token) -> str | None:
        """The actor a pronoun stands for, or None."""
        low = tok.lower_
        speech = self.speech_at(tok.i)
        if low in self.lex["first_person_singular"]:
            return speech.speaker if speech else None
        if low in self.lex["first_person_plural"]:
            return self._first_person_plural(speech) if speech is not None else None
        if low in _NONPERSON_PRONOUNS:
            return self._nonperson(tok)
        if low not in self.lex["third_person"]:
            return None
        return self._third_person(tok)

    def _first_person_plural(self, speech: Speech) -> str | None:
        """"we" in a speech: the speaker's body, or the speaker if not a person."""
        ent = self.ents.entities.get(speech.speaker)
        if ent is None or ent.kind != "Person":
            return speech.speaker
        if ent.affiliations:
            return ent.affiliations[0]
        # A minister's or spokesman's "we", with no body named: the government of the story.
        if any(r.name.split()[-1] in _GOVERNMENT_VOICES for r in ent.roles) \
                or ent.key.startswith("unnamed:") and ent.name.split()[-1].lower() in _GOVERNMENT_VOICES:
            return self._home_government()
        return None

    def _is_body(self, key: str | None) -> bool:
        """Whether ``key`` is a known organisation, country or group."""
        ent = self.ents.entities.get(key) if key else None
        return ent is not None and ent.kind in ("Organization", "Country", "Group")

    def _is_person(self, key: str | None) -> bool:
        """Whether ``key`` is a known entity that is a person."""
        ent = self.ents.entities.get(key) if key else None
        return ent is not None and ent.kind == "Person"

    def _named_actor(self, tok: Token | None) -> str | None:
        """The actor of a subject that is not itself a pronoun (no chains of pronouns)."""
        return self.actor(tok) if tok is not None and tok.pos_ != "PRON" else None

    def _previous_subject(self, s: int) -> Token | None:
        """The first subject of the root of the sentence before sentence ``s``."""
        return next((c for c in self.sents[s - 1].root.children if c.dep_ in _SUBJECTS), None)

    def _nonperson(self, tok: Token) -> str | None:
        """"it"/"they" for an organisation, country or group: "Swissmedic said
        it would...", "The company said its...".  An expletive "it" ("it is
        expected") finds no subject above it and stays unresolved."""
        head = _clause_above(tok, _CLAUSES_AND_CONJUNCTS)
        while head is not None:
            # The first subject before the pronoun decides, body or not, if its number fits
            # ("the EC warned the two were... and it would act": "it" is not "the two").
            subj = next((c for c in head.head.children if c.dep_ in _SUBJECTS and c.i < tok.i), None)
            if subj is not None and not _plural_for_singular(tok, subj):
                key = self._named_actor(subj)
                return key if self._is_body(key) else None
            head = _clause_above(head, _CLAUSES_AND_CONJUNCTS) if subj is not None else None
        s = self.sent_of[tok.i]
        if tok.dep_ in _SUBJECTS and s > 0 and self._acts(tok.head):
            key = self._named_actor(self._previous_subject(s))
            return key if self._is_body(key) else None
        if tok.lower_ in ("its", "their"):
            return self._last_body_before(tok, self.sents[s])
        return None

    def _acts(self, verb: Token) -> bool:
        """Is ``verb`` an act of its subject: speech, a commitment verb, or a modal
        on a verb other than "be" ("It will cut 500 jobs"; not "It will be hard")."""
        if verb.lemma_ in cue_verbs():
            return True
        return verb.lemma_ != "be" and any(c.tag_ == "MD" for c in verb.children)

    def _last_body_before(self, tok: Token, sent: Span) -> str | None:
        """The last organisation, country or group named in ``sent`` before ``tok``."""
        before = [t for t in sent if t.i < tok.i and self._is_body(self.ents.token_key.get(t.i))]
        return self.ents.token_key[before[-1].i] if before else None

    def _persons_before(self, tok: Token, sent: Span) -> list[Token]:
        """The last tokens of the person names in ``sent`` before ``tok``."""
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
        """"he"/"she": the subject above, the one speaking, or the last person named."""
        s = self.sent_of[tok.i]
        # "X has shown he is committed": the subject of the clause above.
        decided, key = self._governing_person(tok)
        if decided:
            return key
        # "he added": the one who was speaking.
        if tok.dep_ == "nsubj" and tok.head.lemma_ in self.lex["speech_verbs"]:
            key = self._speaking_person(s)
            if key is not None:
                return key
        before = self._persons_before(tok, self.sents[s])
        if before:
            return self.ents.token_key[before[-1].i]
        return self._recent_person(s)

    def _governing_person(self, tok: Token) -> tuple[bool, str | None]:
        """(decided, key): the person subject of the clause governing ``tok``'s
        clause; decided with no key when that subject is an unresolved name."""
        head = _clause_above(tok, _CLAUSES)
        if head is None:
            return False, None
        for c in head.head.children:
            if c.dep_ in _SUBJECTS and c.i < tok.i:
                key = self.ents.token_key.get(c.i)
                if key and self.ents.entities[key].kind == "Person":
                    return True, key
                if key is None and c.pos_ == "PROPN":
                    return True, None  # "Jansen said he...": a name we could not resolve; do not guess
        return False, None

    def _speaking_person(self, s: int) -> str | None:
        """The person speaking at sentence ``s``, unless the sentence before had
        someone else as its subject and no speech ("X rejected it. 'No,' he wrote.")."""
        if s > 0 and not self.speeches.has_sentence(s - 1):
            key = self._named_actor(self._previous_subject(s))
            if key and self._is_person(key):
                return key
        speaker = self.last_speaker(s)
        # the one speaking, if a person (never "pupils" or "the firm")
        return speaker if speaker and self._is_person(speaker) else None

    def _recent_person(self, s: int) -> str | None:
        """The last person named in the two sentences before ``s``, subjects first."""
        for prev in range(s - 1, max(-1, s - 3), -1):
            key = self._person_of_sentence(self.sents[prev])
            if key is not None:
                return key
        return None

    def _person_of_sentence(self, sent: Span) -> str | None:
        """The last person named in ``sent``, preferring one that is a subject."""
        last = sent[-1]
        ps = self._persons_before(last, sent) + [
            t for t in sent[-1:] if self.ents.token_key.get(t.i) and
            self.ents.entities[self.ents.token_key[t.i]].kind == "Person"]
        subj = [t for t in ps if t.dep_ in _SUBJECTS]
        pick = subj or ps
        return self.ents.token_key[pick[-1].i] if pick else None


def _plural_for_singular(pronoun: Token, subj: Token) -> bool:
    """"it"/"its" cannot stand for a plural subject ("the two", "prices")."""
    return pronoun.lower_ in ("it", "its") and (subj.tag_ in ("NNS", "CD") or subj.lower_ in ("they", "we"))


def _clause_above(tok: Token, deps: tuple[str, ...]) -> Token | None:
    """The nearest ancestor clause of ``tok`` attached by one of ``deps``, or None."""
    head = tok.head
    while head.head.i != head.i and head.dep_ not in deps:
        head = head.head
    return head if head.dep_ in deps else None
