"""Resolution inside one document: mentions -> local entities.

The rules, each for news in general:

- **Type by evidence.**  A name's type is voted over all its mentions: NER
  labels, titles before it, appositions, a surname shared with a full name.
- **Gazetteer first.**  Countries, capitals, seats of government, demonyms,
  regions and international organisations come with their identity.
- **Metonymy by usage.**  A capital or seat of government used as an actor
  ("Kyiv rejected...") is that country's government; used as a location it
  stays a place.
- **Aliases.**  A surname joins the one full name that ends with it; two full
  names with one surname leave the bare surname unresolved (a wrong merge is
  worse than a missed one).  Definite descriptions ("the president", "the
  Ukrainian leader") join the one person their title and nationality fit
  (see :mod:`kg.resolve.descriptions`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from kg.extract.roles import RoleMention, appositive_role, prenominal_role, title_heads
from kg.graph import family_name, normalize_name
from kg.extract.mentions import NameMention
from kg.resolve.descriptions import resolve_descriptions, resolve_org_descriptions
from kg.resolve.unnamed import UnnamedMention, find_unnamed, governing, modifiers
from kg.nlp.gazetteer import cue_verbs, load_gazetteer, load_lexicon
from kg.types import Evidence, LocalEntity, Mention, Role

__all__ = ["DocEntities", "resolve_document", "home_country", "home_government"]


@dataclass
class DocEntities:
    """The entities of one document and which tokens refer to them."""

    entities: dict[str, LocalEntity] = field(default_factory=dict)
    token_key: dict[int, str] = field(default_factory=dict)  # token index -> entity key (heads of mentions)
    mention_spans: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, key)

    def actor_key(self, key: str | None) -> str | None:
        ent = self.entities.get(key) if key else None
        return key if ent is not None and ent.is_actor else None


def _mention(doc: Doc, doc_id: str, sent_idx: dict[int, int], start: int, end: int) -> Mention:
    span = doc[start:end]
    return Mention(doc_id, sent_idx[start], span.start_char, span.end_char, span.text)


class _Builder:
    def __init__(self, doc: Doc, doc_id: str):
        self.doc = doc
        self.doc_id = doc_id
        self.gaz = load_gazetteer()
        self.lex = load_lexicon()
        self.out = DocEntities()
        self.sent_idx = {}
        for i, s in enumerate(doc.sents):
            for t in s:
                self.sent_idx[t.i] = i
        self._next = 0
        # Per person and title word: was the title ever given with / without a nationality?
        self.qualified: dict[str, dict[str, set[bool]]] = defaultdict(dict)
        self.pending_roles: list[tuple[LocalEntity, RoleMention]] = []

    def entity(self, key: str, name: str, kind: str, **kw) -> LocalEntity:
        ent = self.out.entities.get(key)
        if ent is None:
            ent = LocalEntity(self._next, key, name, kind, **kw)
            self._next += 1
            self.out.entities[key] = ent
        return ent

    def attach(self, ent: LocalEntity, start: int, end: int, surface: str | None = None,
               head: int | None = None) -> None:
        m = _mention(self.doc, self.doc_id, self.sent_idx, start, end)
        ent.mentions.append(m)
        text = surface or m.text
        if text not in ent.aliases:
            ent.aliases.append(text)
        self.out.token_key[end - 1 if head is None else head] = ent.key
        for i in range(start, end):
            self.out.token_key.setdefault(i, ent.key)
        self.out.mention_spans.append((start, end, ent.key))


def _gaz_country(b: _Builder, code_key: str) -> LocalEntity:
    g = b.gaz.get(code_key)
    return b.entity(g.key, g.name, "Country", wikidata=g.wikidata, is_actor=False)


def _collective_head(tok: Token) -> Token | None:
    """The noun a demonym modifies when it stands for the country's people or
    state ("British troops", "Ukrainian officials")."""
    lex = load_lexicon()
    head = tok
    while head.dep_ == "conj":
        head = head.head
    if head.dep_ in ("amod", "compound", "nmod") and head.head.lower_ in lex["collective_nouns_for_country"]:
        return head.head
    return None


def resolve_document(doc: Doc, doc_id: str, mentions: list[NameMention]) -> DocEntities:
    """Cluster ``mentions`` of ``doc`` into local entities (see module docs)."""
    b = _Builder(doc, doc_id)
    names: list[NameMention] = []
    for m in mentions:
        if not _attach_known(b, m):
            names.append(m)
    _resolve_names(b, names)
    _link_bracketed_initials(b)
    while _link_short_org_names(b):
        pass
    resolve_org_descriptions(b)  # "the tribunal's president, X": the tribunal first
    _add_pending_roles(b)
    _member_of(b)
    _propagate_names(b)
    _country_of_bodies(b)
    resolve_descriptions(b)
    _attach_unnamed(b)
    return b.out


def _bodies_country(b: _Builder) -> str | None:
    """The one country the story's known national bodies belong to (its parties,
    ministries, central bank), when they name two or more mentions and no other."""
    countries: dict[str, int] = {}
    for key, e in b.out.entities.items():
        g = b.gaz.get(key) if e.kind == "Organization" else None
        if g is not None and g.country:
            countries[g.country] = countries.get(g.country, 0) + len(e.mentions)
    if len(countries) != 1:
        return None
    (country, n), = countries.items()
    return country if n >= 2 else None


def _country_of_bodies(b: _Builder) -> None:
    """A story of Labour and the Tories is a British story even when it never
    names Britain: "the government" and "ministers" there are the UK's.  The
    country is added (not yet acting) for them to resolve to."""
    if home_country(b.out.entities) is not None or any(
            e.kind == "Country" and e.is_actor for e in b.out.entities.values()):
        return  # another country acts in the story: whose "ministers" is not clear
    country = _bodies_country(b)
    if country is not None and b.gaz.get(country) is not None:
        _gaz_country(b, country)


def _attach_known(b: _Builder, m: NameMention) -> bool:
    """Attach a mention whose identity the gazetteer or its NER label gives;
    False leaves it to the name vote."""
    handler = _gazetteer_handler(b, m.gaz)
    if handler is not None:
        handler(b, m, m.gaz)
    elif m.label == "NORP":
        _attach_norp(b, m)
    else:
        return False
    return True


def _gazetteer_handler(b: _Builder, gid: str | None) -> _MentionHandler | None:
    """The handler for a gazetteer id, by its prefix (the first that applies)."""
    if not gid:
        return None
    for prefixes, needs_entry, handler in _GAZETTEER_HANDLERS:
        if gid.startswith(prefixes) and (not needs_entry or b.gaz.get(gid)):
            return handler
    return None


def _attach_country(b: _Builder, m: NameMention, gid: str) -> None:
    """A country's name: the country, as an actor unless only a location."""
    ent = _gaz_country(b, gid)
    if _part_of(b, m, ent.key):
        return  # "northern Freedonia": a place of its own
    if not m.headline and _named_as_place(b.doc[m.root], m.usage):
        ent.is_place = True  # a country named and not acting is where things are ("Freedonia's economy")
    if m.usage != "place":
        ent.is_actor = True
    b.attach(ent, m.start, m.end, m.text)


def _attach_capital(b: _Builder, m: NameMention, gid: str) -> None:
    """A capital or seat of government: acting, the government it seats (see
    module docs); else a place in its country."""
    country = _gaz_country(b, gid)
    meto = b.lex["metonyms"].get(m.text)
    if m.usage == "actor" and meto and b.gaz.get(meto):
        # "Brussels insisted": by convention the EU, not Belgium.
        g = b.gaz.get(meto)
        b.attach(b.entity(g.key, g.name, g.kind, wikidata=g.wikidata), m.start, m.end, m.text)
    elif m.usage == "actor":
        country.is_actor = True
        b.attach(country, m.start, m.end, m.text)
    else:
        _attach_capital_place(b, m, gid, country)


def _attach_capital_place(b: _Builder, m: NameMention, gid: str, country: LocalEntity) -> None:
    """A capital or seat named as a location: a place of its own, in ``country``."""
    g = b.gaz.get(gid)
    wd = g.capital_wikidata if gid.startswith("capital:") and m.text == g.capital else None
    place = b.entity(f"place:{normalize_name(m.text)}", m.text.removeprefix("the ").removeprefix("The "),
                     "Place", is_actor=False, is_place=True, country=country.key, wikidata=wd)
    b.attach(place, m.start, m.end, m.text)


def _attach_region(b: _Builder, m: NameMention, gid: str) -> None:
    """A region: a place, or a group of its people when it modifies one."""
    g = b.gaz.get(gid)
    head = _collective_head(b.doc[m.root]) if m.usage == "modifier" else None
    if head is not None:
        _group(b, m.start, head)  # "Pacific leaders": people, not a place
        return
    if _part_of(b, m, None):
        return
    place = b.entity(g.key, g.name, "Place", is_actor=False, is_place=True, wikidata=g.wikidata)
    b.attach(place, m.start, m.end, m.text)


def _attach_gazetteer_org(b: _Builder, m: NameMention, gid: str) -> None:
    """An organisation the gazetteer knows: its own node."""
    g = b.gaz.get(gid)
    org = b.entity(g.key, g.name, "Organization", wikidata=g.wikidata)
    b.attach(org, m.start, m.end, m.text)


def _attach_norp(b: _Builder, m: NameMention) -> None:
    """A nationality, religious or political group the gazetteer lacks: a
    group when its plural acts ("Republicans said"); otherwise nothing."""
    if m.text.endswith("s") and m.usage == "actor":
        grp = b.entity(f"group:{normalize_name(m.text)}", m.text, "Group")
        b.attach(grp, m.start, m.end, m.text)


def _add_pending_roles(b: _Builder) -> None:
    """Give people the roles read with their names, once every name is attached
    (an entity merged away since takes none)."""
    for ent, role in b.pending_roles:
        if ent.key in b.out.entities:
            _add_role(b, ent, role)


def _attach_unnamed(b: _Builder) -> None:
    """Common-noun actors ("analysts", "a Treasury spokesman", "the junta"):
    a new entity for the first mention in an actor's position, later mentions
    joined to it (see :func:`_refers_back`).  Their keys carry the document:
    two articles' "analysts" are not one actor."""
    seen: list[tuple[UnnamedMention, LocalEntity]] = []
    first_of: dict[str, UnnamedMention] = {}  # entity key -> the phrase that first named it
    last_issuer: str | None = None
    waiting: list[UnnamedMention] = []
    found = find_unnamed(b.doc, b.out.token_key)
    _story_government(b, found)
    for m in found:
        owner_key = b.out.token_key.get(m.owner) if m.owner is not None else None
        if m.kind == "Document":
            last_issuer = _attach_document(b, m, owner_key, last_issuer)
            continue
        if _government_noun(b, m):
            continue
        known = _body_named(b, m)
        if known is not None:
            _attach_body(b, known, m)
            continue
        earlier = [e for um, e in reversed(seen) if um is first_of[e.key] and _refers_back(b, m, um, owner_key)]
        if earlier:
            ent = earlier[0]
        elif not m.acting or m.kind == "Person" and m.definite:
            if m.kind == "Group" and not m.definite:
                waiting.append(m)  # "police" before the sentence where police act: theirs, once they do
            continue  # "the spokesman" with no spokesman before: a title, or someone named elsewhere
        else:
            ent = b.entity(f"unnamed:{b.doc_id}:{normalize_name(m.aliases[0])}", m.aliases[0], m.kind)
        ent.aliases.extend(a for a in m.aliases[1:] if a not in ent.aliases)
        b.attach(ent, m.start, m.end, m.aliases[0], head=m.head)
        first_of.setdefault(ent.key, m)
        owner_key = owner_key or _named_body(b, b.doc[m.head])
        if owner_key and owner_key != ent.key and owner_key not in ent.affiliations:
            ent.affiliations.append(owner_key)
        seen.append((m, ent))
    _attach_waiting(b, waiting, [(um, e) for um, e in seen if um is first_of[e.key]])


def _attach_body(b: _Builder, known: LocalEntity, m: UnnamedMention) -> None:
    b.attach(known, m.start, m.end, m.aliases[-1] if m.kind == "Organization" else m.aliases[0], head=m.head)
    known.is_actor = known.is_actor or m.acting  # "ministers said": the government acts


def _government_noun(b: _Builder, m: UnnamedMention) -> bool:
    """"the government": attached to the story's government, if it has one;
    True when the phrase is dealt with ("the UK government" is the state
    named, and in a story of several states whose it is is not clear)."""
    if b.doc[m.head].lemma_ not in _GOVERNMENT_NOUNS:
        return False
    gov = _government(b) if _bare_government(b, m) else None
    if gov is not None:
        _attach_body(b, gov, m)
    return True


def _attach_waiting(b: _Builder, waiting: list[UnnamedMention], firsts: list[tuple[UnnamedMention, LocalEntity]]) -> None:
    """Bare plurals out of an actor's position ("police should...") join the
    group a later phrase named acting ("police said")."""
    for m in waiting:
        later = [e for um, e in firsts if not um.definite and _refers_back(b, m, um, None)]
        if later and m.head not in b.out.token_key:
            b.attach(later[0], m.start, m.end, m.aliases[0], head=m.head)


def _attach_document(b: _Builder, m: UnnamedMention, owner_key: str | None, last_issuer: str | None) -> str | None:
    """"the report by X said": the issuer speaks; "the report" later is the
    same one.  Returns the issuer in force."""
    issuer = owner_key or (last_issuer if m.definite else None)
    if issuer in b.out.entities and b.out.entities[issuer].kind in ("Organization", "Person", "Group"):
        b.attach(b.out.entities[issuer], m.start, m.end, m.aliases[-1], head=m.head)
        return issuer
    return last_issuer


def _body_named(b: _Builder, m: UnnamedMention) -> LocalEntity | None:
    """A named body the phrase stands for: "the executive" in a story about
    the Scottish Executive; "ministers" (by convention) the government they serve."""
    head = b.doc[m.head]
    if m.kind == "Organization" and m.definite:
        named = _orgs_named_with(b, head.lemma_.lower())
        if len(named) == 1:
            return named[0]
    if head.lemma_ == "minister" and head.tag_ == "NNS" \
            and modifiers(head) <= {"government", "executive", "cabinet", "senior", "junior"}:
        return _government(b)
    return None


_GOVERNMENT_NOUNS = frozenset({"government", "administration"})
# Words that leave "the government" the story's own ("the new government").
_GOVERNMENT_MODIFIERS = frozenset({"new", "current", "federal", "national", "central", "interim", "coalition"})


def _bare_government(b: _Builder, m: UnnamedMention) -> bool:
    """"the government", "the administration", with no one's name on it: by
    convention the government of the story's country, or, in a story that
    names none, an actor of its own."""
    head = b.doc[m.head]
    return head.lemma_ in _GOVERNMENT_NOUNS and head.tag_ == "NN" and m.definite \
        and m.owner is None and modifiers(head) <= _GOVERNMENT_MODIFIERS


def _story_government(b: _Builder, found: list[UnnamedMention]) -> None:
    """A story that says "the government" and names no state acting: its
    government is an actor of its own, there before its first mention, so that
    "ministers" earlier in the story are its voice too."""
    if home_government(b.out.entities) is not None or any(
            e.kind == "Country" and e.is_actor for e in b.out.entities.values()):
        return
    if any(_bare_government(b, m) for m in found):
        b.entity(f"unnamed:{b.doc_id}:government", "government", "Organization")


def _refers_back(b: _Builder, m: UnnamedMention, first: UnnamedMention, owner_key: str | None) -> bool:
    """Does ``m`` name the group that ``first`` named?  It must have the same
    head noun and number ("a manager" is not "managers") and say no more
    ("the candidates" after "opposition candidates"), or say more with "the"
    ("a committee of MPs" ... "the environment committee"); an indefinite
    phrase ("a spokesman for Y") is someone new, and so is one with another
    owner ("Mr Ruiz's lawyers")."""
    doc = b.doc
    head, then = doc[m.head], doc[first.head]
    if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in head.children):
        return False
    if then.lemma_ != head.lemma_ or (then.tag_ in ("NNS", "NNPS")) != (head.tag_ in ("NNS", "NNPS")):
        return False
    mods, before = modifiers(head), modifiers(then)
    if not (mods <= before or m.definite and before <= mods):
        return False
    return not (owner_key and b.out.token_key.get(first.owner) != owner_key)


def _named_body(b: _Builder, head: Token) -> str | None:
    """"an executive spokesman" in a story about the Scottish Executive: a
    common-noun modifier that names one organisation of the document."""
    for c in head.children:
        if c.dep_ not in ("compound", "amod") or c.i in b.out.token_key:
            continue
        fits = _orgs_named_with(b, c.lower_)
        if len(fits) == 1:
            return fits[0].key
    return None


def _orgs_named_with(b: _Builder, word: str) -> list[LocalEntity]:
    """The named organisations of the document with ``word`` in their name."""
    return [e for k, e in b.out.entities.items() if e.kind == "Organization" and not k.startswith("unnamed:")
            and word in e.name.lower().split()]


def home_country(entities: dict[str, LocalEntity]) -> str | None:
    """The country a story is about, when one clearly dominates it: named at
    least three times and twice as often as any other ("the government" said
    by a minister of no stated nationality is that country's)."""
    counts = sorted(((len(e.mentions), k) for k, e in entities.items() if e.kind == "Country"), reverse=True)
    if not counts or counts[0][0] < 3 or len(counts) > 1 and counts[0][0] < 2 * counts[1][0]:
        # else the country of its national bodies, added unnamed by the resolver (see _country_of_bodies)
        unnamed = [k for k, e in entities.items() if e.kind == "Country" and not e.mentions]
        return unnamed[0] if len(unnamed) == 1 else None
    return counts[0][1]


def home_government(entities: dict[str, LocalEntity]) -> str | None:
    """The government a story's ministers serve: the one organisation named as
    an executive or government ("the Scottish Executive"), else the country the
    story is about."""
    def executives(unnamed: bool) -> list[str]:
        return [k for k, e in entities.items() if e.kind == "Organization" and k.startswith("unnamed:") == unnamed
                and e.name.lower().split()[-1:] in (["executive"], ["government"], ["administration"])]

    named = executives(False)
    if len(named) == 1:
        return named[0]
    # else the country of the story, else the one "executive" or "government" it names only by that word
    country = home_country(entities)
    bare = executives(True)
    return country if country is not None or len(bare) != 1 else bare[0]


def _government(b: _Builder) -> LocalEntity | None:
    key = home_government(b.out.entities)
    return b.out.entities[key] if key else None


_COMPASS = frozenset({"northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
                      "north-east", "north-west", "south-east", "south-west", "north-eastern", "north-western",
                      "south-eastern", "south-western", "former", "rural", "coastal"})


def _part_of(b: _Builder, m: NameMention, country: str | None) -> bool:
    """"northern Cyprus", "western Europe", "the former Yugoslavia": a part of
    a country or region (or what it was) is a place of its own."""
    if m.start == 0 or b.doc[m.start - 1].lower_ not in _COMPASS or b.doc[m.start - 1].text[0].isupper():
        return False
    start = m.start - 1
    text = b.doc[start:m.end].text
    place = b.entity(f"place:{normalize_name(text)}", text, "Place", is_actor=False, is_place=True, country=country)
    b.attach(place, start, m.end, text)
    return True


def _named_as_place(tok: Token, usage: str) -> bool:
    """A country's name used for where things are: as a location, a possessor
    ("Freedonia's economy"), in a list or apposition ("countries such as
    Freedonia"), anything but a modifier, the counterpart of a preposition
    ("talks with Freedonia") or an act of the state."""
    if usage == "place" or _located(tok):
        return True
    if usage == "modifier" or _preposition(tok) in ("from", "with", "against", "between", "by"):
        return False
    g = governing(tok)
    return g.dep_ not in ("nsubj", "nsubjpass", "agent", "dative", "ROOT") and not (g.dep_ == "dobj" and usage == "actor"
                                                                            and g.head.lemma_ in _ADDRESSED)


_ADDRESSED = frozenset({"urge", "ask", "call", "press", "tell", "warn", "invite", "pressure", "force"})


def _group(b: _Builder, start: int, head: Token) -> None:
    start = min(start, head.left_edge.i)
    while b.doc[start].lower_ in ("the", "a", "some", "many", "several"):
        start += 1
    text = b.doc[start:head.i + 1].text
    grp = b.entity(f"group:{normalize_name(text)}", text, "Group")
    b.attach(grp, start, head.i + 1, text, head=head.i)


def _demonym(b: _Builder, m: NameMention, gid: str) -> None:
    target = gid.split(":", 1)[1]
    tok = b.doc[m.root]
    if target.startswith("region:"):
        head = _collective_head(tok)
        g = b.gaz.get(target)
        if head is not None and g is not None:
            _group(b, m.start, head)  # "European leaders": a group of people, not a state
        return
    country = _gaz_country(b, f"country:{target}")
    if gid.startswith("people:"):
        country.is_actor = True
        surface = b.doc[m.start - 1:m.end].text if m.start > 0 and b.doc[m.start - 1].lower_ == "the" else m.text
        b.attach(country, m.start, m.end, surface)
        return
    head = _collective_head(tok)
    if head is not None and head.lemma_ in b.lex["people_nouns_for_country"]:
        head = None  # "Palestinian officials": people of the country, a group of their own (see unnamed)
    if head is not None:
        country.is_actor = True
        b.attach(country, m.start, m.end, m.text)
        b.out.token_key[head.i] = country.key if tok.dep_ != "conj" else b.out.token_key.get(head.i, country.key)
    else:
        # Adjectival use ("Ukrainian President", "American support"): an alias,
        # but not on its own evidence that the country acts in the story
        # (the country stays out of the graph unless something else brings it in).
        b.attach(country, m.start, m.end, m.text)


_MentionHandler = Callable[[_Builder, NameMention, str], None]
# Gazetteer ids by prefix, in order of precedence: (prefixes, needs an entry, handler).
_GAZETTEER_HANDLERS: tuple[tuple[tuple[str, ...], bool, _MentionHandler], ...] = (
    (("country:",), True, _attach_country),
    (("capital:", "seat:"), True, _attach_capital),
    (("region:",), False, _attach_region),
    (("org:",), True, _attach_gazetteer_org),
    (("demonym:", "people:"), False, _demonym),
)


# --- names the gazetteer does not know ----------------------------------------

_NER_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place"}
_KEY_PREFIXES = {"Person": "person", "Organization": "org"}
_AMBIGUOUS = ""  # a link target meaning: more than one name fits, resolve to none
_Votes = dict[str, float]


def _resolve_names(b: _Builder, names: list[NameMention]) -> None:
    """Group the remaining names, vote their types, link surnames."""
    groups: dict[str, list[NameMention]] = defaultdict(list)
    for m in names:
        groups[normalize_name(m.text)].append(m)
    votes, roles = _vote_types(b, groups)
    links = _name_links(b.doc, groups, votes)
    for target, members in _clusters(groups, links).items():
        _attach_cluster(b, target, members, groups, votes, roles)


def _vote_types(b: _Builder, groups: dict[str, list[NameMention]]
                ) -> tuple[dict[str, _Votes], dict[str, list[RoleMention]]]:
    """Each name's type votes over its mentions, and the roles written with it."""
    heads = title_heads()
    votes: dict[str, _Votes] = {}
    roles: dict[str, list[RoleMention]] = defaultdict(list)
    for key, ms in groups.items():
        v: _Votes = defaultdict(float)
        for m in ms:
            cast, written = _mention_votes(b, key, m, heads)
            for label, n in cast:
                v[label] += n
            roles[key].extend(written)
        votes[key] = v
    return votes, roles


def _mention_votes(b: _Builder, key: str, m: NameMention, heads: frozenset[str]
                   ) -> tuple[list[tuple[str, int]], list[RoleMention]]:
    """The type votes one mention casts, and the roles written with it."""
    doc = b.doc
    cast = [(_NER_TYPES[m.label], 1)]
    pre, app = prenominal_role(doc, m.start), appositive_role(doc, doc[m.root])
    written = [r for r in (pre, app) if r is not None]
    cast += [("Person", 3)] * len(written)
    if m.start > 0 and doc[m.start - 1].lower_.rstrip(".") in heads:
        cast.append(("Person", 1))
    if _used_as_place(b, key, m):
        cast.append(("Place", 2))  # "rallies in Oruro and Potosí": whatever the NER said, a place
    if app is None and _org_apposition(doc[m.root], b.lex):
        cast.append(("Organization", 3))  # "Melodia, a Stockholm-based streaming company,"
    return cast, written


def _used_as_place(b: _Builder, key: str, m: NameMention) -> bool:
    """Is the mention a location, and not an organisation's name after a
    preposition ("economists at Acme", "sold to Acme": as the NER said)?"""
    return m.usage == "place" and not any(w in b.lex["org_nouns"] or w == "house" for w in key.split()) \
        and not (m.label == "ORG" and _preposition(b.doc[m.root]) in ("at", "to", "from", "with", "for"))


def _name_links(doc: Doc, groups: dict[str, list[NameMention]], votes: dict[str, _Votes]) -> dict[str, str]:
    """Short forms of a name -> the one full name they are ("" when several fit)."""
    multi = _FullNames([k for k in groups if len(k.split()) > 1])
    sexes = {k: {_honorific_sex(doc, m.start) for m in ms} - {None} for k, ms in groups.items()}
    links: dict[str, str] = {}
    for k in groups:
        if len(k.split()) == 1:
            target = _surname_target(k, multi, votes, sexes)
        else:
            target = _given_names_target(k, multi, votes)
        if target is not None:
            links[k] = target
    return links


class _FullNames:
    """The names of several words, by family name, first word and word prefix
    (a document naming thousands of people is linked in linear time)."""

    def __init__(self, names: list[str]) -> None:
        self.by_family: dict[str, list[str]] = defaultdict(list)
        self.by_first: dict[str, list[str]] = defaultdict(list)
        self.by_prefix: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for f in names:
            words = f.split()
            self.by_family[family_name(f)].append(f)
            self.by_first[words[0]].append(f)
            for n in range(1, len(words)):
                self.by_prefix[tuple(words[:n])].append(f)


def _surname_target(k: str, multi: _FullNames, votes: dict[str, _Votes],
                    sexes: dict[str, set[str]]) -> str | None:
    """The one full name a one-word name ends (or, alone, begins), ambiguous
    when several fit, None when none does."""
    if len(sexes[k]) > 1:
        return _AMBIGUOUS  # "Mr and Mrs Howard": two people
    # "Mrs Howard" is not Michael Howard if he is "Mr Howard" elsewhere.
    fulls = [f for f in multi.by_family.get(k, ()) if _looks_person(votes[f])
             and not (sexes[k] and sexes[f] and sexes[k] != sexes[f])]
    if not fulls and not sexes[k]:  # family name first ("Liao" of "Liao Wenjun"), when no one else has it
        fulls = [f for f in multi.by_first.get(k, ()) if _looks_person(votes[f])]
    if len(fulls) == 1:
        return fulls[0]
    return _AMBIGUOUS if fulls else None


def _given_names_target(k: str, multi: _FullNames, votes: dict[str, _Votes]) -> str | None:
    """"Juan Carlos" of "Juan Carlos Ferrero": given names alone, when one
    full name begins so and the short form votes person at all."""
    fulls = [f for f in multi.by_prefix.get(tuple(k.split()), ()) if _looks_person(votes[f])]
    return fulls[0] if len(fulls) == 1 and votes[k].get("Person", 0) > 0 else None


def _clusters(groups: dict[str, list[NameMention]], links: dict[str, str]) -> dict[str, list[str]]:
    """Each name that stands for itself -> the names linked to it (itself too)."""
    merged: dict[str, list[str]] = defaultdict(list)
    for k in groups:
        target = links.get(k, k)
        if target != _AMBIGUOUS:
            merged[target].append(k)
    return merged


def _attach_cluster(b: _Builder, target: str, members: list[str], groups: dict[str, list[NameMention]],
                    votes: dict[str, _Votes], roles: dict[str, list[RoleMention]]) -> None:
    """Make one entity of a name and its linked short forms, typed by their votes."""
    v = _cluster_votes(target, members, votes)
    kind = max(sorted(v), key=lambda lab: v[lab])
    ms = sorted((m for k in members for m in groups[k]), key=lambda m: m.start)
    if kind == "Person" and _lone_word(b, target, members, ms, roles):
        return  # news names a person in full first: a lone capitalised word is weak evidence
    display = _display_name(ms)
    if kind == "Place" and display.isupper() and not any(m.usage == "place" for m in ms):
        kind = "Organization"  # "BT said", tagged as a place: initials that act are an organisation
    ent = _name_entity(b, target, display, kind, ms)
    for m in ms:
        b.attach(ent, m.start, m.end, m.text)
    if kind == "Person":
        # Roles wait until every name is attached: their affiliation may be a later one.
        b.pending_roles.extend((ent, r) for k in members for r in roles[k])


def _cluster_votes(target: str, members: list[str], votes: dict[str, _Votes]) -> _Votes:
    """The members' votes summed, plus one for a person's name shape."""
    v: _Votes = defaultdict(float)
    for k in members:
        for label, n in votes[k].items():
            v[label] += n
    if len(members) > 1 or len(target.split()) > 1 and votes[target].get("Person", 0) > 0:
        v["Person"] += 1  # a full name and its surname: the shape of a person's name
    return v


def _lone_word(b: _Builder, target: str, members: list[str], ms: list[NameMention],
               roles: dict[str, list[RoleMention]]) -> bool:
    """A one-word name the NER called a person, said once, with no title and not speaking."""
    return len(members) == 1 and len(target.split()) == 1 and len(ms) == 1 \
        and not roles[target] and ms[0].label == "PERSON" and not _speaks(b.doc[ms[0].root])


def _display_name(ms: list[NameMention]) -> str:
    """The fullest form written (not shouted), in title case if all capitals."""
    display = max((m.text for m in ms), key=lambda t: (not t.isupper(), len(t.split()), len(t)))
    if display.isupper() and len(display) > 4:
        display = display.title()  # "MONTREAL" in a dateline is Montreal
    return display


def _name_entity(b: _Builder, target: str, display: str, kind: str, ms: list[NameMention]) -> LocalEntity:
    """The entity of a voted name: a person, an organisation or a place."""
    if kind != "Place":
        return b.entity(f"{_KEY_PREFIXES[kind]}:{target}", display, kind)
    # A name the NER called a place and the text never uses as one ("Marsh
    # played well") is no place; it may still be an organisation's short name.
    used = any(m.usage in ("place", "other") for m in ms) or bool(b.gaz.lookup.get(display))
    return b.entity(f"place:{target}", display, "Place", is_actor=False, is_place=used)


def _preposition(tok: Token) -> str | None:
    tok = governing(tok)
    return tok.head.lower_ if tok.dep_ == "pobj" else None


def _located(tok: Token) -> bool:
    return _preposition(tok) in ("in", "across", "throughout", "inside", "outside", "near")


_SEX = {"mr": "m", "mr.": "m", "sir": "m", "lord": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
        "miss": "f", "dame": "f", "lady": "f"}


def _honorific_sex(doc: Doc, start: int) -> str | None:
    """"Mrs" before a name (the mention itself has it stripped): who is meant."""
    return _SEX.get(doc[start - 1].lower_) if start > 0 else None


def _initials(name: str) -> str:
    # "Bradford & Bingley" is "B&B" as well as "BB"
    return "".join(w[0] for w in name.split() if w[:1].isupper() or w == "&")


def _link_short_org_names(b: _Builder) -> bool:
    """Short forms of an organisation's name in the same document are that
    organisation: the last word ("the Commission" for European Commission),
    the first word ("Acme" for Acme Motors), the initials ("UAW" for United
    Auto Workers), or the name without its legal form ("Acme Motors Inc.").
    A short form that fits two organisations is left alone."""
    suffixes = {x.lower() for x in b.lex["corporate_suffixes"]}
    orgs = [e for e in b.out.entities.values() if e.kind == "Organization"]
    # A one-word "place" that begins or ends an organisation's name is that
    # organisation's short name ("Northline" of "Northline Rail"), whatever the NER voted.
    ends = {w for o in orgs if len(o.name.split()) > 1 for w in (o.name.split()[0], o.name.split()[-1])}
    orgs += [e for e in b.out.entities.values() if e.kind == "Place" and e.key.startswith("place:")
             and len(e.name.split()) == 1 and not e.country and e.name in ends]

    def bare(name: str) -> str:
        words = name.replace(",", " ").split()
        while len(words) > 1 and words[-1].lower() in suffixes:
            words = words[:-1]
        return " ".join(words)

    bare_names = {o.key: bare(o.name) for o in orgs}
    index = _OrgIndex([o for o in orgs if o.kind == "Organization"], bare_names)
    merged: set[str] = set()
    for short in sorted(orgs, key=lambda o: len(bare_names[o.key])):
        if short.key in merged or short.key.startswith("org:") and b.gaz.get(short.key) is not None:
            continue  # gazetteer organisations keep their identity
        sname = bare_names[short.key]
        words = sname.split()

        def fits(o: LocalEntity) -> bool:
            oname = bare_names[o.key]
            ow = oname.split()
            if o is short or o.key in merged:
                return False
            if oname == sname and o.name != short.name:
                return len(o.name) > len(short.name)
            if oname.rstrip("s") == sname.rstrip("s") and oname != sname:
                return len(oname) > len(sname)  # "Acme Network" / "Acme Networks": one name, spelt two ways
            if len(ow) <= len(words):
                return False
            if len(words) == 1:
                org_nouns = b.lex["org_nouns"]
                if ow[-1].lower() == sname.lower():
                    # "the Commission" of "European Commission": the head noun, not any last word ("Islands")
                    return sname.lower() in org_nouns
                if ow[0] == sname and (short.is_place or b.gaz.lookup.get(sname)
                                       or b.gaz.lookup.get(" ".join(ow[1:]), "").startswith(("country:", "region:", "demonym:"))
                                       or ow[-1].lower() in org_nouns and sname.lower() not in org_nouns):
                    # "Acme" of "Acme Motors", but not "Manchester" (a place the text names) of
                    # "Manchester United", "Acme" of "Acme Europe" (a branch), "Vale" of "Vale High Court"
                    return False
                # initials match by initials only: "BBC" is not "BBC News" or "BBC Sport"
                return ow[-1].lower() == sname.lower() or ow[0] == sname and not sname.isupper() or (
                    sname.replace("&", "").isupper() and sname in (_initials(oname), _initials(oname).replace("&", "")))
            return ow[:len(words)] == words  # "Mitsubishi Tokyo" of "Mitsubishi Tokyo Financial Group"

        longer = [o for o in index.candidates(sname) if fits(o)]
        if len(longer) != 1:
            continue
        _merge_into(b, short, longer[0])
        merged.add(short.key)
    return bool(merged)


class _OrgIndex:
    """The organisations a short name may be the short form of, found by the
    parts of a name :func:`_link_short_org_names` compares (its bare name, its
    first and last word, its initials, its word prefixes), not by trying each."""

    def __init__(self, orgs: list[LocalEntity], bare_names: dict[str, str]) -> None:
        self._by: dict[str, list[LocalEntity]] = defaultdict(list)
        for o in orgs:
            oname = bare_names[o.key]
            ow = oname.split()
            if not ow:
                continue
            keys = {oname, oname.rstrip("s"), ow[-1].lower(), ow[0], _initials(oname), _initials(oname).replace("&", "")}
            keys |= {" ".join(ow[:n]) for n in range(1, len(ow))}
            for k in keys:
                self._by[k].append(o)

    def candidates(self, sname: str) -> list[LocalEntity]:
        """Organisations that may fit ``sname``: a superset of those that do, each once."""
        found = {id(o): o for k in (sname, sname.rstrip("s"), sname.lower()) for o in self._by.get(k, ())}
        return list(found.values())


def _merge_into(b: _Builder, short: LocalEntity, target: LocalEntity) -> None:
    target.mentions.extend(short.mentions)
    target.aliases.extend(a for a in short.aliases if a not in target.aliases)
    for i, key in list(b.out.token_key.items()):
        if key == short.key:
            b.out.token_key[i] = target.key
    b.out.mention_spans = [(st, en, target.key if k == short.key else k) for st, en, k in b.out.mention_spans]
    del b.out.entities[short.key]


def _link_bracketed_initials(b: _Builder) -> None:
    """"the Office for National Statistics (ONS)", "PricewaterhouseCoopers
    (PWC)": initials in brackets right after an organisation's name are that
    organisation's short name, whatever letters they take."""
    doc = b.doc
    for start, end, key in list(b.out.mention_spans):
        org = b.out.entities.get(key)
        if org is None or org.kind != "Organization" or end + 2 >= len(doc) or doc[end].text != "(":
            continue
        if doc[end + 2].text != ")" or not doc[end + 1].text.isupper():
            continue
        short_key = b.out.token_key.get(end + 1)
        short = b.out.entities.get(short_key) if short_key else None
        if short is None:
            b.attach(org, end + 1, end + 2)
        elif short is not org and short.kind in ("Organization", "Place", "Person") and not b.gaz.get(short.key):
            _merge_into(b, short, org)


def _propagate_names(b: _Builder) -> None:
    """Find the names the NER missed in some sentences: a person's full name or
    unambiguous surname, an organisation's name, wherever it stands again."""
    forms = _name_forms(b)
    lengths: dict[str, set[int]] = defaultdict(set)  # first word -> lengths of the forms it begins
    for words in forms:
        lengths[words[0]].add(len(words))
    texts = [t.text for t in b.doc]
    for tok in b.doc:
        if tok.i in b.out.token_key or not tok.text[:1].isupper() or tok.text not in lengths:
            continue
        _attach_form_at(b, tok, forms, texts, sorted(lengths[tok.text], reverse=True))


def _name_forms(b: _Builder) -> dict[tuple[str, ...], str | None]:
    """The word sequences that name a person or organisation of the document
    (None for a form two entities share)."""
    honorifics = load_lexicon()["honorifics"]
    forms: dict[tuple[str, ...], str | None] = {}
    for e in b.out.entities.values():
        if e.kind not in ("Person", "Organization"):
            continue
        for alias in {e.name, *(a for a in e.aliases if a[:1].isupper())}:
            words = tuple(alias.split())
            if words and words[0].lower() not in honorifics:
                _claim_form(forms, words, e.key)
        if e.kind == "Person" and len(e.name.split()) > 1:
            _claim_form(forms, (family_name(e.name),), e.key)
    return forms


def _claim_form(forms: dict[tuple[str, ...], str | None], words: tuple[str, ...], key: str) -> None:
    """Record that ``words`` name ``key``; a form two entities share names neither."""
    forms[words] = None if words in forms and forms[words] != key else key


def _attach_form_at(b: _Builder, tok: Token, forms: dict[tuple[str, ...], str | None],
                    texts: list[str], lengths: list[int]) -> None:
    """Attach the longest form written from ``tok`` on to its entity, if it
    names one and no mention covers its words (``lengths``: of the forms
    ``tok`` begins, longest first; ``texts``: the document's words)."""
    for n in lengths:
        end = tok.i + n
        words = tuple(texts[tok.i:end])
        if end <= len(texts) and words in forms:
            key = forms[words]
            if key and not any(i in b.out.token_key for i in range(tok.i, end)):
                b.attach(b.out.entities[key], tok.i, end)
            return


def _org_apposition(root: Token, lex: dict) -> bool:
    nouns = set(lex["org_nouns"]) | {"group", "organisation", "organization", "charity", "startup", "maker",
                                     "drugmaker", "automaker", "carmaker", "platform", "service", "network"}
    cands = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    return any(c.lemma_.lower() in nouns or c.lower_.endswith(("maker", "company")) for c in cands)


def _speaks(tok: Token) -> bool:
    """Is ``tok`` the subject of a speech or commitment verb ("Holm told...")?"""
    return tok.dep_ == "nsubj" and tok.head.lemma_ in cue_verbs()


def _looks_person(v: dict[str, float]) -> bool:
    return v.get("Person", 0) > 0 and v.get("Person", 0) >= v.get("Organization", 0)


def _add_role(b: _Builder, ent: LocalEntity, r: RoleMention) -> None:
    doc = b.doc
    aff_key = None
    for i in r.affiliation_tokens:
        gid = doc[i].ent_id_
        g = b.gaz.get(gid) if gid else None
        if g is not None:
            aff_key = g.key
            if g.kind == "Country":
                _gaz_country(b, g.key)  # the affiliation is a node of the document
            break
        key = b.out.token_key.get(i)
        if key:
            aff_key = key
            break
    if aff_key is None and r.affiliation_tokens:
        aff_key = _party_named(b, r.affiliation_tokens)
    ev_sent = doc[r.start].sent
    ev = Evidence(b.doc_id, b.sent_idx[r.start], ev_sent.start_char, ev_sent.end_char, ev_sent.text)
    role = Role(r.name, r.text, aff_key, ev)
    if not any(x.name == role.name and x.affiliation == role.affiliation for x in ent.roles):
        ent.roles.append(role)
    if aff_key and aff_key not in ent.affiliations:
        ent.affiliations.append(aff_key)
    # "President Ana Ruiz" is also a way the text names her.
    name_end = r.end
    while name_end < len(doc) and b.out.token_key.get(name_end) == ent.key:
        name_end += 1
    if r.end < len(doc) and b.out.token_key.get(r.end) == ent.key:
        alias = " ".join(doc[r.start:name_end].text.split("\n")[-1].split())  # never across a line break
        if " and " in alias or "," in alias:
            alias = None  # "X's minister Y and Z's minister W": the title phrase runs over another name
        if alias and alias not in ent.aliases:
            ent.aliases.append(alias)
    b.qualified[ent.key].setdefault(r.head, set()).add(r.qualified)


def _party_named(b: _Builder, toks: tuple[int, ...]) -> str | None:
    """"Tory leader X", "Liberal Democrat leader X": the party a party's
    adjective names (the document's node of it, or the gazetteer's)."""
    forms = _party_forms()
    first, last = min(toks), max(toks)
    for start in range(max(0, first - 2), first + 1):  # "Liberal Democrat" before "Democrat"
        if not all(t.is_title or t.is_upper for t in b.doc[start:first]):
            continue
        key = forms.get(normalize_name(b.doc[start:last + 1].text))
        if key is None:
            continue
        for ent in b.out.entities.values():
            if ent.key == key or ent.kind == "Organization" and any(
                    forms.get(normalize_name(n)) == key for n in (ent.name, *ent.aliases)):
                return ent.key
        g = b.gaz.get(key)
        return b.entity(g.key, g.name, "Organization", wikidata=g.wikidata, is_actor=False).key
    return None


@lru_cache(maxsize=1)
def _party_forms() -> dict[str, str]:
    """Every name and short name of a party in the gazetteer, normalised -> its key."""
    forms: dict[str, str] = {}
    for key, g in load_gazetteer().entries.items():
        if g.party:
            for n in (g.name, *g.names, *g.short_names):
                forms.setdefault(normalize_name(n), key)
    return forms


def _member_of(b: _Builder) -> None:
    """"Mariela Quispe of the opposition alliance Bolivia First": an affiliation
    without a title."""
    for start, end, key in list(b.out.mention_spans):
        ent = b.out.entities.get(key)
        if ent is None or ent.kind != "Person":
            continue
        root = b.doc[end - 1]
        for prep in root.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for obj in prep.children:
                # the organisation itself, or a noun naming it ("the alliance Bolivia First")
                after = [b.doc[obj.i + 1]] if obj.i + 1 < len(b.doc) else []  # a name right after, parsed apart
                for t in [obj, *obj.children, *after]:
                    aff = b.out.token_key.get(t.i)
                    target = b.out.entities.get(aff) if aff else None
                    if target is not None and target.kind in ("Organization", "Country") and aff not in ent.affiliations:
                        ent.affiliations.append(aff)
                        break
