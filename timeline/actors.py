"""Actor mentions: names, titles, demonyms and pronouns in parsed text -> canonical actors.

Works through an article in reading order, so that later mentions resolve to the actors
named before them: a surname ("Lee") to the full name seen earlier, a role ("the president",
"the US leader", "his host") to the office holder or the last person with that role, and a
pronoun ("he said") to the most salient person so far.
"""
from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from types import MappingProxyType

from .datafiles import one_of, read_table
from .lexicon import Lexicon, normalize, spelling, states_named
from .model import Actor, Mention
from .nlp import Doc, Span, Token, doc_text, span_text, word_keys
from .places import city_country, neighbours
from .rules import words
from .syntax import reporting_verb, subjects, unique, with_the

# Role nouns that refer back to a person in the article without a title of their own.
RELATIONAL_ROLES = frozenset({"host", "guest", "counterpart", "visitor"})
SUBJECT_PRONOUNS = frozenset({"he", "she"})
PRONOUN_GENDER = MappingProxyType({"she": "f", "her": "f", "he": "m", "him": "m", "his": "m"})
PLURAL_PRONOUNS = frozenset({"they", "their", "them"})
OBJECT_PRONOUNS = frozenset({"him", "her"})
PERSON_LABELS = frozenset({"PERSON"})
# Determiners and numbers that make a plural noun pick out a group already named ("the two sides").
DEFINITE_GROUP = frozenset({"the", "both", "these", "those", "two", "three", "four", "our", "their"})
GROUP_SIZES = {"three": 3, "four": 4, "five": 5, "six": 6, "3": 3, "4": 4, "5": 5, "6": 6}  # "the four countries"


@dataclass
class _Salience:
    """What the article has named so far: the working memory of coreference."""

    # (offset, actor, 2 subject of the main clause / 1 of another clause / 0 not a subject)
    persons: list[tuple[int, Actor, int]] = field(default_factory=list)
    titles: dict[str, list[tuple[int, Actor]]] = field(default_factory=dict)  # role title -> (offset, person) seen with it
    sentence: dict[int, int] = field(default_factory=dict)  # offset of a person -> of its sentence
    subject_parties: list[tuple[int, int, Actor]] = field(default_factory=list)  # (sentence, offset, state or body)
    last_sentence: int = 0  # offset of the last sentence of the paragraph read before
    spelled: dict[str, str] = field(default_factory=dict)  # a known person's name -> as the article writes it
    gender: dict[str, str] = field(default_factory=dict)  # a person's name -> "f" or "m", where the text tells (`_gender`)

    def other_gender(self, pronoun: str) -> list[str]:
        """The persons a pronoun cannot be: the men for "she" and "her", the women for "he", "him", "his"."""
        wanted = PRONOUN_GENDER.get(pronoun)
        return [name for name, g in self.gender.items() if wanted and g != wanted]

    @property
    def last_state(self) -> Actor | None:
        """The state named last as a subject: whose "the Foreign Ministry" is."""
        return next((a for _, _, a in reversed(self.subject_parties) if a.kind == "country"), None)

    def state_before(self, pos: int) -> Actor | None:
        """The state named last as a subject before article offset `pos`."""
        told = [(start, a) for _, start, a in self.subject_parties if a.kind == "country" and start < pos]
        return max(told, key=lambda t: t[0])[1] if told else None

    def add(self, offset: int, actor: Actor, subject: int, title: str | None = None, sentence: int = 0,
            gender: str | None = None) -> None:
        """Remember a person named at `offset`, with the title the text gives (if the actor has another)
        and the gender it tells, if any."""
        if actor.kind != "person":
            return
        if gender is not None:
            self.gender.setdefault(actor.name, gender)
        bisect.insort(self.persons, (offset, actor, subject), key=lambda p: p[0])
        self.sentence[offset] = sentence
        for t in {actor.title, title} - {None}:
            self.titles.setdefault(t, []).append((offset, actor))

    def same_person(self, name: str) -> Actor | None:
        """A person named before under another form of `name` ("Robert Gates": "Robert M. Gates")."""
        key = name_key(name)
        tail = key.split()
        for _, actor, _ in reversed(self.persons):
            # or the end of the name, two words or more ("Kayikwamba Wagner" after "Therese Kayikwamba Wagner")
            if actor.name != name and (name_key(actor.name) == key
                                       or len(tail) > 1 and name_key(actor.name).split()[-len(tail):] == tail):
                return actor
        return None

    def by_name_part(self, part: str) -> Actor | None:
        """The person so far most often named whose full name holds `part` ("Lee" -> "Lee Jae Myung")."""
        counts: dict[str, int] = {}
        latest: dict[str, tuple[int, Actor]] = {}
        part = normalize(part).casefold()
        for n, (_, actor, _) in enumerate(self.persons):
            if (part in _name_words(actor.name) or part in _name_words(self.spelled.get(actor.name, ""))) \
                    and normalize(actor.name).casefold() != part:
                counts[actor.name] = counts.get(actor.name, 0) + 1
                latest[actor.name] = (n, actor)
        if not counts:
            return None
        best = max(counts, key=lambda name: (counts[name], latest[name][0]))
        return latest[best][1]

    def most_named(self, before: int, exclude: Iterable[str] = ()) -> Actor | None:
        """The person named most often before `before` ("his host": the visit's main figure)."""
        counts: dict[str, tuple[int, int, Actor]] = {}
        for n, (offset, actor, _) in enumerate(self.persons):
            if offset < before and actor.name not in set(exclude):
                c = counts.get(actor.name, (0, 0, actor))
                counts[actor.name] = (c[0] + 1, n, actor)
        return max(counts.values(), key=lambda c: c[:2])[2] if counts else None

    def latest(self, before: int, *, subject_only: bool = False, exclude: Iterable[str] = ()) -> Actor | None:
        """The person named last before `before`; `subject_only`: the last subject, and in its sentence
        the subject of the main clause ("Blinken said tallies showed Gonzalez had won. He urged...")."""
        excluded = set(exclude)
        found = None
        for offset, actor, subject in reversed(self.persons):
            if offset >= before or actor.name in excluded or subject_only and not subject:
                continue
            if found is not None and self.sentence[offset] != self.sentence[found[0]]:
                break
            if not subject_only or subject == 2:
                return actor
            found = found or (offset, actor)
        return found[1] if found else None


# Words that do not tell one person from another: initials and generational suffixes.
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@functools.lru_cache(maxsize=4096)
def _name_words(name: str) -> tuple[str, ...]:
    """The casefolded words of a name without accents or hyphens ("Kim Jong-un": kim, jong, un)."""
    return tuple(normalize(name).casefold().replace(".", " ").replace(",", " ").split())


def name_key(name: str) -> str:
    """A person's name as compared across an article: no accents, middle initials or suffixes.

    >>> name_key("William J. Burns"), name_key("Martin Luther King Jr."), name_key("Álvaro Uribe")
    ('william burns', 'martin luther king', 'alvaro uribe')
    """
    words = [w for w in _name_words(name) if w not in _NAME_SUFFIXES]
    kept = [w for i, w in enumerate(words) if len(w) > 1 or i == 0 or i == len(words) - 1]
    return " ".join(kept)


@functools.lru_cache(maxsize=1)
def group_nouns() -> dict[str, str]:
    """Nouns for a group, and the generic actor they name when no group was named before
    (data/group_nouns.csv: "the rebels" -> "rebels")."""
    return {row["noun"]: row["generic"] for row in _group_rows()}


@functools.lru_cache(maxsize=1)
def generic_groups() -> frozenset[str]:
    """The generic actors group nouns name ("rebels", "protesters"): no group the article named."""
    return frozenset(group_nouns().values())


@functools.lru_cache(maxsize=1)
def referring_group_nouns() -> frozenset[str]:
    """Group nouns that refer back to the armed group last named ("the militants": Hamas; not
    "the opposition" or "the protesters")."""
    return frozenset(row["noun"] for row in _group_rows() if row["refers_back"] == "yes")


@functools.lru_cache(maxsize=1)
def following_group_nouns() -> frozenset[str]:
    """Group nouns for a leader's following: "Gbagbo's supporters", "supporters of Gutierrez" are
    the leader's side, told as the leader."""
    return frozenset(row["noun"] for row in _group_rows() if row["follows"] == "yes")


def _group_rows() -> list[dict[str, str]]:
    return read_table("group_nouns.csv", ("noun", "generic", "refers_back", "follows", "note"), required=("noun",),
                      checks={"refers_back": one_of(("yes",), allow_empty=True),
                              "follows": one_of(("yes",), allow_empty=True)})


# Sectors whose agent nouns stand for their country's state ("Sudanese officials", "Afghan troops").
STATE_SECTORS = frozenset({"government", "military", "police", "intelligence", "legislature", "judiciary"})
# Those that, with no country named, are the state's where the event happens ("police",
# "authorities"); not soldiers or bombers, who are often foreign.
LOCAL_FORCES = frozenset({"police", "government", "judiciary", "intelligence"})


@functools.lru_cache(maxsize=2)
def agent_nouns(words: int = 1) -> dict[str, str]:
    """Agent nouns (singular and plural) of one word (or of `words` words) -> their sector
    (agents.csv, from PETRARCH2's agents dictionary)."""
    out: dict[str, str] = {}
    for row in read_table("agents.csv", ("noun", "plural", "code", "sector", "source"), required=("noun", "code")):
        for form in (row["noun"], row["plural"]):
            if form and len(form.split()) == words:
                out.setdefault(form, row["sector"])
    return out


def agent_sector(tok: Token) -> str | None:
    """The sector of the agent noun a token heads, its compound included ("security forces": police,
    where "forces" alone is military)."""
    compound = next((c for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1), None)
    pair = agent_nouns(2).get(f"{compound.lower_} {tok.lower_}") if compound is not None else None
    return pair or agent_nouns().get(tok.lower_)


@functools.lru_cache(maxsize=1)
def collective_nouns() -> dict[str, str]:
    """Plural nouns for actors named together before -> the kind they refer to (collective_nouns.csv)."""
    rows = read_table("collective_nouns.csv", ("noun", "refers", "note"), required=("noun", "refers"),
                      checks={"refers": one_of(("any", "country", "person"))})
    return {row["noun"]: row["refers"] for row in rows}


def _is_subject(token: Token) -> bool:
    """The subject of a main clause: the most salient mention for a later 'he' or 'she'."""
    if token.dep_ in ("compound", "appos"):
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ not in ("relcl", "acl")


def joined_names(subj: Token, found: dict[int, Mention]) -> list[Actor]:
    """ "Iran and world powers resumed talks", "northern leader Omar al-Bashir and southern leader
    Salva Kiir began": names joined by "and" that the parser read as modifiers of the subject's last
    word; every actor the subject's own words name (two or more), else none."""
    own = [t for t in subj.subtree if t.i <= subj.i]
    if not any(t.dep_ == "cc" for t in own) or any(t.dep_ in ("prep", "relcl", "acl") for t in own):
        return []
    named = unique([m.actor for t in own if (m := found.get(t.i)) is not None and t.pos_ != "PRON"
                    and m.actor.kind != "unknown"])
    return named if len(named) > 1 else []


def _compounded(tok: Token, found: dict[int, Mention]) -> tuple[Actor, ...]:
    """A proper-noun subject's joined names (`joined_names`): a group "they" may refer to."""
    return tuple(joined_names(tok, found)) if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "PROPN" else ()


def _subject_rank(token: Token) -> int:
    """2: subject of the sentence's main verb (or of a verb joined to it); 1: of another clause
    ("showed Gonzalez had won"); 0: not a subject."""
    if not _is_subject(token):
        return 0
    verb = (token.head if token.dep_ not in ("compound", "appos") else token.head.head)
    while verb.dep_ == "conj":
        verb = verb.head
    return 2 if verb.dep_ == "ROOT" else 1


def _span_key(span: Span) -> str:
    """The text of a name without a trailing possessive."""
    return _without_possessive(span.text)


def _without_possessive(text: str) -> str:
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            return text[: -len(suffix)].rstrip()
    return text


def lexicon_names(tokens: Doc | Span, lexicon: Lexicon, on: str | None = None) -> Iterator[tuple[Span, Actor]]:
    """The names the actor lexicon knows in a document or sentence, longest first, left to right.

    Names are looked up only at a capitalised word that can start one (or "the" before it), or at
    the first word of a name the lexicon writes in lower case ("world powers").
    A name keeps no trailing "'s".
    """
    doc = tokens.doc if isinstance(tokens, Span) else tokens
    i, n = (tokens.start, tokens.end) if isinstance(tokens, Span) else (0, len(doc))
    starts, lower = lexicon.first_words, lexicon.lower_first_words
    # the words' texts and character bounds, read once: spans' texts are cut from the document's
    text = doc_text(doc)
    bounds = [(t.idx, t.idx + len(t)) for t in doc]
    words = [text[a:b] for a, b in bounds]
    while i < n:
        word = words[i]
        if not (word[:1].isupper() or word[:1].isdigit() or word in lower):
            i += 1
            continue
        key = normalize(word).casefold()
        if not (key in starts or key == "the" and i + 1 < n and normalize(words[i + 1]).casefold() in starts):
            i += 1
            continue
        hit = None
        longest = starts.get(key) or starts.get(normalize(words[i + 1]).casefold(), 0) + 1
        # spaCy splits "Jong-un" and "Russia's" further than words: a little slack
        for j in range(min(n, i + longest + 2), i, -1):
            name = text[bounds[i][0]:bounds[j - 1][1]]
            actor = lexicon.lookup(_without_possessive(name), on=on) or lexicon.lookup_demonym(name)
            if actor is not None:
                hit = (j, actor)
                break
        if hit is None:
            i += 1
            continue
        j, actor = hit
        if j - i > 1 and doc[j - 1].tag_ == "POS":
            j -= 1  # the name without its "'s"
        if actor.kind == "country" and _city_in_a_longer_name(doc, i, j):
            i = j  # "Santiago Pena", "the Washington Post": a capital's name inside another name
            continue
        if i > 0 and words[i - 1] in _region_prefixes():
            i = j  # "Latin American countries", "North American markets": a region's, not the country's
            continue
        yield doc[i:j], actor
        i = j


def _is_part_of_other_name(span: Span, actor: Actor) -> bool:
    """True when a known name is only part of another proper name ("Trump Tower", "Yoon Do-han"), or of
    another person's name the recogniser read whole ("Cameron Munter" is not David Cameron, "Fernando
    Solana" not Javier Solana)."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.ent_type_ == "PERSON" and before.ent_iob_ == "B" and span[0].ent_iob_ == "I" \
            and before.is_alpha and before.text[:1].isupper() and actor.kind == "person" \
            and normalize(span[0].text).casefold() not in _name_words(actor.name)[:1]:  # "Expatriates Ayman Safadi"
        return normalize(before.text).casefold() not in _name_words(actor.name)  # "Fernando Solana": not Javier
    if nxt is not None and nxt.ent_type_ == "PERSON" and nxt.ent_iob_ == "I" and nxt.is_alpha:
        return normalize(nxt.text).casefold() not in _name_words(actor.name)
    # the next word a proper noun, or the head the name hangs on further on ("Yoon Do-han": "Do" read as a verb)
    longer = nxt is not None and (nxt.pos_ == "PROPN" or span[-1].head.i > nxt.i)
    return (longer and nxt.text[:1].isupper() and span[-1].dep_ == "compound"
            and nxt.ent_type_ != "PERSON")


def _names_a_place(ent: Span, places: set[str]) -> bool:
    """An organisation the recogniser found that the article calls a place ("the town of Heglig");
    remembered in `places` for later mentions."""
    root = ent.root
    of = root.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
    if of is not None and of.head.lemma_.lower() in words()["place_noun"]:
        places.add(ent.text)
    return ent.text in places


def _feature_name(ent: Span) -> bool:
    """A name the recogniser read whose head is a feature of the land or sea ("the Canal", read as a
    person; "the Miraflores Locks"; words.csv feature_noun), or that a word of weather opens ("Cyclone
    Eline", "Hurricane Katrina"; words.csv storm_word): a place or a storm, no party."""
    return ent.label_ in ("PERSON", "ORG") and ent.root.lower_ in words()["feature_noun"] \
        or any(t.lower_ in words()["storm_word"] for t in ent[:2])


def _in_place_phrase(tok: Token) -> bool:
    """A noun after a preposition of place or motion (words.csv city_prep), or after "of" on a place
    noun ("the oil town of Zhanaozen")."""
    prep = tok.head
    return tok.dep_ == "pobj" and (prep.lower_ in words()["city_prep"] or prep.lower_ == "of"
                                   and prep.head.lemma_.lower() in words()["place_noun"])


def _unread_cities(doc: Doc, found: dict[int, Mention], lexicon: Lexicon) -> Iterator[tuple[Span, Actor]]:
    """A city where the sentence puts a place, whatever the recogniser reads it as ("struck the port
    of Odesa", "pounded positions above Tetovo", "in the oil town of Zhanaozen"): its name after a
    preposition of place or motion, or after "of" on a place noun (words.csv place_noun); with its state,
    if the lexicon knows it (a city of another names no one)."""
    for tok in doc:
        if tok.i in found or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or not _in_place_phrase(tok):
            continue
        start = tok.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head == tok \
                and doc[start - 1].pos_ == "PROPN":
            start -= 1
        span = doc[start : tok.i + 1]
        if not any(t.i in found for t in span) and (code := city_country(span.text)) is not None \
                and not _city_in_a_longer_name(doc, start, tok.i + 1) and (state := lexicon.country_actor(code)):
            yield span, state


def _body_named(tok: Token, named_before: list[tuple[Actor, str, int]], lexicon: Lexicon, before: int
                ) -> Actor | None:
    """The organisation named before `before` (`named_before`: with its words and offset) that "the
    council", "the bloc" is: one whose name has the word, else, for "the bloc" and "the alliance", the
    grouping of states named last; "the body" and "the organization" are the organisation named last."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ not in words()["body_noun"] \
            or not any(c.lower_ == "the" for c in tok.children):
        return None
    bodies = [(a, text) for a, text, at in sorted(named_before, key=lambda b: b[2]) if at < before]
    named = next((a for a, text in reversed(bodies) if tok.lower_ in _name_words(text)
                  or any(tok.lower_ in _name_words(alias) for row in lexicon.rows(a.name)
                         for alias in (row.name, *row.aliases))), None)
    if tok.lower_ in ("body", "organization", "organisation") and named is None:
        # "the pan-African body", "the organization": the organisation named last ("the world body" is
        # the UN's alias in actors.csv)
        return next((a for a, _ in reversed(bodies) if a.kind == "organization"), None)
    if named is not None or tok.lower_ not in ("bloc", "alliance"):
        return named
    # "ECOWAS leaders met ... The bloc suspended Mali": a grouping of states named last (not the UN's bodies)
    return next((a for a, _ in reversed(bodies) if a.kind == "organization" and a.country and a.country != "UN"
                 and lexicon.country_actor(a.country) == a), None)


def _region_prefixes() -> frozenset[str]:
    return words()["region_prefix"]


def _city_in_a_longer_name(doc: Doc, i: int, j: int) -> bool:
    """A city's name (or a capital's) as the first part of a person's or an organisation's:
    "Santiago Pena", "the Washington Post"; not "the Beijing Olympics". Or the venue that names an
    instrument or a meeting: "the Vienna Convention", "the Minsk agreements", "the Geneva talks"."""
    after = doc[j] if j < len(doc) else None
    return (after is not None and (after.pos_ == "PROPN" and after.ent_type_ in ("PERSON", "ORG")
                                   or after.lower_ in words()["venue_name"])
            and city_country(doc[i:j].text) is not None)


def _modifiers(tok: Token) -> list[Token]:
    """The words that say whose a noun is, with their coordinates: "African and European diplomats"."""
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
    return sorted({t.i: t for m in mods for t in (m, *m.conjuncts)}.values(), key=lambda t: t.i)


def _owners(tok: Token, found: dict[int, Mention], kinds: tuple[str, ...] = ("country", "organization")) -> list[Actor]:
    """The actors of those words, once each, in order ("American and Russian diplomats": both)."""
    return unique([found[m.i].actor for m in _modifiers(tok) if m.i in found and found[m.i].actor.kind in kinds])


def _group_noun(tok: Token, found: dict[int, Mention], last_named_group: Actor | None) -> Actor | None:
    """The group a group noun names: the one last named ("the militants"), else the generic
    actor, of a country when one qualifies it ("Syrian rebels": rebels, not Hamas named before); a
    noun that names a kind of group ("rights groups") refers to none."""
    lemma = tok.lemma_.lower()
    generic = group_nouns()[lemma]
    if lemma in following_group_nouns() and (leader := _leader_named(tok, found)) is not None:
        return leader
    country = next((a.country for a in _owners(tok, found, ("country",))), None)
    if country is not None and agent_nouns().get(tok.lower_) in STATE_SECTORS:
        return None  # "Vietnamese lawmakers": the state's own (`_agents`)
    kind_named = any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in tok.children)  # "rights groups", "aid groups"
    if country is None and lemma in referring_group_nouns() and last_named_group is not None and not kind_named:
        return last_named_group
    kinds = [c.lower_ for c in tok.subtree if c.i < tok.i and c.dep_ in ("compound", "amod")]
    if kind_named and not generic and kinds and kinds[-1] in words()["party_kind"]:
        generic = " ".join([*kinds, f"{lemma}s"])  # "human rights groups": a party of their own, not the group named last
    return Actor(name=generic, kind="group", country=country) if generic else None


def _leader_named(tok: Token, found: dict[int, Mention]) -> Actor | None:
    """Whose following a noun names: "Gbagbo's supporters", "opposition supporters", "supporters of
    Lucio Gutierrez"."""
    owners = [c for c in tok.children if c.dep_ in ("poss", "compound")] + [
        o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return next((found[o.i].actor for o in owners if o.i in found), None)


# "The two sides", "both countries": the actors named together at most this many sentences before.
GROUP_REACH = 5


SIDE_NOUNS = frozenset({"side", "party"})  # "both sides" are who acted or met, not who reported it
HEAD_NOUNS = frozenset({"president", "leader"})  # "the two presidents": heads of state or government
OFFICE_NOUNS = frozenset({"president", "premier", "king", "chancellor"})  # "the two presidents": who hold that office


def _clause_people(verb: Token, found: dict[int, Mention]) -> tuple[Actor, ...]:
    """The people one clause brings together: its subject and the people it meets, calls or
    is greeted by ("He held talks with Modi, and the two pledged"; "Xi was greeted by Sharif")."""
    if verb.pos_ != "VERB":
        return ()
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ in ("conj", "xcomp"):  # "arrived and was greeted by", "intended to raise it with"
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [o for head in (verb, *objects) for p in head.children
                if p.dep_ in ("prep", "agent") and p.lower_ in ("with", "by") for o in p.children if o.dep_ == "pobj"]
    sides = [unique([found[c.i].actor for t in words for c in (t, *t.conjuncts)
                     if c.i in found and found[c.i].actor.kind == "person"]) for words in (subjects, objects)]
    if not all(sides):
        return ()
    return tuple(unique(sides[0] + sides[1]))


def _crowd_group(tok: Token, found: dict[int, Mention]) -> Actor | None:
    """The group a plural noun of people names as one actor: "the protesters", "opposition supporters"."""
    if not _people_noun(tok):
        return None
    named = [tok] if tok.i in found else [c for c in tok.children if c.dep_ in ("compound", "amod") and c.i in found] \
        or [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.i in found]
    groups = [found[t.i].actor for t in named if found[t.i].actor.kind == "group"]
    return groups[0] if len(groups) == 1 and len(named) == 1 else None


def _plural_reporter(tok: Token, found: dict[int, Mention]) -> tuple[Actor, ...]:
    """Who a "they" that is the subject of what a plural noun says stands for: that noun's actors
    ("Vietnamese authorities said they had detained", "the rebels said they had seized the town")."""
    verb = tok.head
    if tok.lower_ != "they" or tok.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "ccomp" \
            or verb.head.lemma_.lower() not in words()["reporting"]:
        return ()
    said_by = [c for c in verb.head.children if c.dep_ == "nsubj" and c.tag_ == "NNS" and c.i < tok.i]
    return tuple(unique([found[t.i].actor for s in said_by for t in s.subtree if t.i in found]))


def _unnamed_party(tok: Token, found: dict[int, Mention]) -> Actor | None:
    """A plural noun for people (words.csv people_noun) that names no one the lexicon knows ("called on
    donors", "urged the mediators", "police detained several suspects"): the group it names, in its
    words, of the country its demonym tells; not a rank ("Major generals"), nor the members of a
    group named ("supporters of Hamas")."""
    if tok.tag_ != "NNS" or tok.lemma_.lower() not in words()["people_noun"] or tok.dep_ in ("poss", "compound") \
            or any(c.dep_ == "compound" or c.dep_ == "amod" and c.is_title and c.i not in found for c in tok.children):
        return None  # "the medics' claims", "Major generals" (a rank)
    if any(c.i in found for c in tok.subtree if c.i != tok.i and c.dep_ not in ("poss", "amod")):
        return None  # "members of the Pemon community", "supporters of Hamas": theirs; not "Russian nationalists"
    country = next((a.country for a in _owners(tok, found, ("country",))), None)
    return Actor(name=tok.lower_, kind="group", country=country)


def _people_noun(tok: Token) -> bool:
    """A plural noun that may name people: "protesters", "activists", "people", "the rebels", "supporters"
    (agents.csv, group_nouns.csv, words.csv crowd_noun)."""
    lemma = tok.lemma_.lower()
    return tok.tag_ == "NNS" and tok.dep_ != "compound" and (
        tok.lower_ in agent_nouns() or lemma in group_nouns() or lemma in words()["crowd_noun"]
        or lemma in words()["people_noun"])


def _plural_lemma(tok: Token) -> str:
    """A plural noun's lower-case lemma, a capitalised one too, which the tagger leaves as written
    ("the two Prime Ministers": "minister")."""
    lemma = tok.lemma_.lower()
    if tok.tag_ == "NNPS" and lemma == tok.lower_ and lemma.endswith("s"):
        return lemma[:-3] + "y" if lemma.endswith("ies") else lemma[:-1]
    return lemma


def _bare_pair(tok: Token) -> bool:
    """ "The two" or "both" standing alone as a subject: "the two pledged", "when the two meet"."""
    return (tok.lower_ in ("two", "both") and tok.dep_ in ("nsubj", "nsubjpass")
            and (tok.lower_ == "both" or any(c.lower_ == "the" for c in tok.children)))


def _own_forces(doc: Doc, found: dict[int, Mention], lexicon: Lexicon) -> Iterator[tuple[Token, Actor]]:
    """ "His government", "its army", "his country" (words.csv state_epithet), "his side" (own_side),
    and "the army" in what someone says ("Pakistani officials said the army had launched operations"):
    the state of the owner, else of the speaker; a side of someone of no state is theirs."""
    agents, w = agent_nouns(), words()
    for tok in doc:
        sector = agents.get(tok.lower_) in STATE_SECTORS
        if tok.i in found or tok.pos_ != "NOUN" or tok.tag_ != "NN" \
                or not (sector or tok.lower_ in w["state_epithet"] or tok.lower_ in w["own_side"]):
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is not None and owner.tag_ == "PRP$":  # the speaker's own, else the pronoun's
            actor = _speaker(tok, found) or (found[owner.i].actor if owner.i in found else None)
        elif owner is None and sector and with_the(tok) and not _modifiers(tok):
            actor = _speaker(tok, found)
        else:
            continue
        state = lexicon.country_actor(actor.country) if actor is not None and actor.country else None
        if state is not None and state.kind == "country":
            yield tok, state  # "his government", "his country", "its side": the state
        elif actor is not None and tok.lower_ in w["own_side"]:
            yield tok, actor  # "Abdulsalam said his side would not accept": the side he speaks for


def _acronym_after(ent: Span) -> str | None:
    """The acronym an organisation's name defines ("the International Commission against Impunity in
    Guatemala (CICIG)"): what the article calls it after, so its name."""
    doc = ent.doc
    for j in range(ent.end, min(ent.end + 4, len(doc) - 2)):
        if doc[j].text == "(":
            acronym = doc[j + 1].text
            if doc[j + 2].text == ")" and len(acronym) >= 2 and sum(c.isupper() for c in acronym) >= 2 \
                    and acronym.replace("-", "").isalpha():
                return acronym
            return None
        if doc[j].is_punct:
            return None
    return None


def _most_named_country(countries_named: Counter[str], lexicon: Lexicon) -> Actor | None:
    """The country the article has named most so far by its own names (the first named on a tie)."""
    return lexicon.country_actor(countries_named.most_common(1)[0][0]) if countries_named else None


def _story_state(parties: Counter[Actor]) -> Actor | None:
    """The state the story is about so far: the one it has named most, a person counting for their
    own (the first named on a tie)."""
    return next((a for a, _ in parties.most_common() if a.kind == "country"), None)


def _home_body(span: Span, actor: Actor, parties: Counter[Actor], lexicon: Lexicon,
               names: list[tuple[Span, Actor]]) -> Actor:
    """A legislature called by its bare name ("Congress": words.csv home_body) in a story about another
    state, which names the lexicon's state less than half as often, is that state's ("Peruvian Congress" in
    a story on Peru); not where the United States is a main party ("Clinton asked Congress to back the force
    in Bosnia"), nor in a sentence that names another of its actors ("Clinton asked Congress")."""
    if span.text.lower() not in words()["home_body"] or any(
            a.country == actor.country and s.sent == span.sent for s, a in names if s != span):
        return actor
    story = _story_state(parties)
    own = sum(n for a, n in parties.items() if a.country == actor.country)
    if story is None or story.country in (None, actor.country) or 2 * own >= parties[story]:
        return actor
    demonym = next((d for row in lexicon.rows(story.name) for d in row.demonyms), story.name)
    return Actor(name=f"{demonym} {span.text}", kind="organization", country=story.country)


def _bare_state_bodies(doc: Doc, found: dict[int, Mention], state: Actor | None) -> Iterator[tuple[Token, Actor]]:
    """ "The government", "the Government", "the authorities" with no owner or modifier (words.csv
    story_state_noun), that no earlier reading resolved: the state the story is about."""
    for tok in doc:
        mods = _modifiers(tok)
        named = tok.lower_ if not mods else " ".join([*(m.lower_ for m in mods), tok.lower_])  # "the ruling party"
        if state is not None and tok.i not in found and tok.pos_ in ("NOUN", "PROPN") and len(mods) <= 1 \
                and named in words()["story_state_noun"] and with_the(tok) \
                and not any(c.dep_ == "prep" for c in tok.children):
            yield tok, state


def _their_government(doc: Doc, found: dict[int, Mention]) -> Iterator[tuple[Token, Actor]]:
    """ "Sudan severed relations with Chad, accusing its government of backing the rebels": "its (his,
    their) government" is that of the party the sentence named last before it, not of its subject:
    a state for "its" and "their", a person for "his" and "her"."""
    for tok in doc:
        owner = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her")), None)
        if owner is None or tok.i in found or tok.lower_ not in words()["story_state_noun"]:
            continue
        subject = {found[s.i].actor.name for s in subjects(tok.sent.root) if s.i in found}
        kinds = ("person",) if owner.lower_ in ("his", "her") else ("country",)
        named = [found[i].actor for i in range(tok.sent.start, owner.i) if i in found and found[i].actor.kind in kinds
                 and found[i].actor.name not in subject and doc[i].pos_ != "PRON"]
        if named:
            yield tok, named[-1]


def _owned_before(doc: Doc, found: dict[int, Mention], owned: dict[str, Actor]) -> Iterator[tuple[Token, Actor]]:
    """ "The delegation" after "a U.S. delegation", "the police" after "Sudanese police": the owner the
    article named with that agent noun last."""
    for tok in doc:
        actor = owned.get(tok.lemma_.lower())
        if actor is not None and tok.i not in found and tok.pos_ == "NOUN" and with_the(tok) and not _modifiers(tok) \
                and not any(c.dep_ in ("nummod", "predet") or c.lower_ in ("both", "all") for c in tok.children):
            yield tok, actor  # not "the two governments": a group of its own


def _given_person(doc: Doc, ent: Span, name: str, lexicon: Lexicon, memory: _Salience) -> Actor | None:
    """The person of a one-word name read as an organisation after a given name the recogniser left
    out ("Gazprom chief executive Alexei [Miller]": Alexei Miller, not Poland's Jerzy Miller in office):
    a capitalised proper noun right before it that is no title; else None."""
    prev = doc[ent.start - 1] if ent.start > 0 and len(ent) == 1 else None
    if prev is None or prev.pos_ != "PROPN" or not prev.text[:1].isupper() or prev.ent_type_ \
            or not ent[0].text[:1].isupper() or lexicon.match_title(prev.lower_) is not None:
        return None
    return memory.same_person(f"{prev.text} {name}") or Actor(name=f"{prev.text} {name}", kind="person")


def _state_news_agencies(doc: Doc, found: dict[int, Mention]) -> Iterator[tuple[Span, Actor]]:
    """A news agency a state owns, named ("Libya's official news agency, Jana", "North Korea's official
    Korean Central News Agency"), speaks for that state: the name is the state's voice, no party of its own."""
    seen: set[int] = set()
    for tok in doc:
        m = found.get(tok.i)
        if m is None or id(m) in seen or m.actor.kind not in ("organization", "person"):
            continue
        seen.add(id(m))
        agency = tok.head if tok.dep_ in ("appos", "npadvmod", "compound") and tok.head.i not in found else tok
        while agency.dep_ == "compound" and agency.head.i in found and found[agency.head.i] is m:
            agency = agency.head  # the root of "Korean Central News Agency"
        if agency.lemma_.lower() != "agency" or not any(c.lower_ in ("news", "press") for c in agency.children):
            continue
        owners = [found[c.i].actor for c in agency.children
                  if c.dep_ == "poss" and c.i in found and found[c.i].actor.kind == "country"]
        if owners:
            tokens = [t.i for t in doc if found.get(t.i) is m]
            yield doc[tokens[0] : tokens[-1] + 1], owners[0]


def _epithets(doc: Doc, offset: int, found: dict[int, Mention], memory: _Salience) -> Iterator[tuple[Token, Actor]]:
    """ "The 71-year-old", "the veteran leader", "the incumbent": the article's protagonist, the
    person it has named most so far (words.csv epithet_noun); not "the Russian leader" (of a country)."""
    for tok in doc:
        if tok.i in found or tok.dep_ == "appos" or not with_the(tok):
            continue  # "the Dalai Lama, the exiled Tibetan spiritual leader": the name's own description
        if any(c.ent_type_ == "NORP" for c in tok.children):
            continue  # "the Tibetan leader": of a people named, not the protagonist
        aged = tok.lower_ == "old" and any(c.lower_ == "year" for c in tok.children)
        if not (aged or tok.tag_ == "NN" and tok.lemma_.lower() in words()["epithet_noun"]) \
                or _owners(tok, found, ("country", "organization")) or any(c.dep_ == "poss" for c in tok.children):
            continue
        actor = memory.most_named(offset + tok.idx)
        if actor is not None and actor.kind == "person":
            yield tok, actor


def _directional(doc: Doc, found: dict[int, Mention], named: Iterable[str],
                 lexicon: Lexicon) -> Iterator[tuple[Token, Actor]]:
    """ "The North", "the north's army", "northern forces": the state of that direction the article
    names (North Korea), else the one a southern state split from (Sudan, once South Sudan is named)."""
    states = [a for code in named if (a := lexicon.country_actor(code)) is not None and a.kind == "country"]
    agents = agent_nouns()
    for tok in doc:
        low = tok.lower_
        if tok.i in found or low not in _DIRECTIONS:
            continue
        if low in ("north", "south"):
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            alone = any(c.lower_ == "the" for c in tok.children) and not (
                nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper())
            if not (alone and (tok.text[0].isupper() or nxt is not None and nxt.tag_ == "POS")):
                continue  # "the North", "the north's army"; not "South Kordofan", "north of the city"
            where = tok
        elif tok.dep_ == "amod" and agents.get(tok.head.lower_) in STATE_SECTORS and tok.head.i not in found:
            where = tok.head  # "northern forces seized Abyei"
        else:
            continue
        state = _state_of_direction(_DIRECTIONS[low], states, lexicon)
        if state is not None:
            yield where, state


_DIRECTIONS = {"north": "north", "south": "south", "northern": "north", "southern": "south"}


def _state_of_direction(direction: str, states: list[Actor], lexicon: Lexicon) -> Actor | None:
    own = [a for a in states if direction in a.name.lower().split()]
    if len(own) == 1:
        return own[0]
    other = "south" if direction == "north" else "north"
    split = {b.name: b for a in states if other in a.name.lower().split()
             and (b := lexicon.lookup(" ".join(w for w in a.name.split() if w.lower() != other))) is not None
             and b.kind == "country"}
    if len(split) == 1:
        return next(iter(split.values()))
    # only the parent state named ("northern and southern Sudan" before the split): it is the north, and
    # the state that split from it in its direction the south
    twins = {a.name: (twin if d == direction else a) for a in states for d in (direction, other)
             if (twin := lexicon.lookup(f"{d.title()} {a.name}")) is not None and twin.kind == "country" and twin != a}
    return next(iter(twins.values())) if len(twins) == 1 else None


def _counterpart(tok: Token, found: dict[int, Mention], lexicon: Lexicon, on: str | None) -> Actor | None:
    """ "His Afghan counterpart": who holds the subject's office in that country, else the country."""
    country = next((found[c.i].actor.country for c in tok.children
                    if c.i in found and found[c.i].actor.kind == "country"), None)
    if country is None:
        return None
    title = None
    for t in tok.sent:
        m = found.get(t.i)
        if m is not None and m.actor.kind == "person" and m.actor.title and _is_subject(t):
            title = m.actor.title
            break
    holder = lexicon.holder(country, title, on) if title else None
    return holder or lexicon.country_actor(country)


def _styled(tok: Token, memory: _Salience) -> Actor | None:
    """ "The Secretary" in a readout that named "Secretary of State Marco Rubio": the one person
    named so far whose title holds that capitalised word."""
    if not tok.text[:1].isupper() or tok.i == tok.sent.start:
        return None
    word = tok.lower_
    named = {a.name: a for _, a, _ in memory.persons if a.title and word in a.title.lower().split()}
    return next(iter(named.values())) if len(named) == 1 else None


def _speaker(tok: Token, found: dict[int, Mention]) -> Actor | None:
    """Who says the clause `tok` is in: the subject of the reporting verb above it, if named."""
    said = reporting_verb(tok)
    return next((found[c.i].actor for c in said.children if c.dep_ == "nsubj" and c.i in found), None) if said else None


def _formal_state(ent: Span, found: dict[int, Mention]) -> Actor | None:
    """The country of a formal name read apart ("the State of Qatar", "the Republic of Korea")."""
    doc = ent.doc
    if len(ent) != 1 or ent.root.lower_ not in words()["state_form"] or ent.end + 1 >= len(doc) \
            or doc[ent.end].lower_ != "of" or (m := found.get(ent.end + 1)) is None:
        return None
    return m.actor if m.actor.kind == "country" else None


def _state_body(ent: Span, found: dict[int, Mention], last_country: Actor | None) -> Actor | None:
    """The state whose body the recogniser read as an organisation: its country owner ("Colombia's
    Foreign Ministry"), else, for "the Foreign Ministry" with no owner, the state named last."""
    # "Estonia's Consulate General": the body word need not be the name's head
    body = next((t for t in (ent.root, *ent) if agent_nouns().get(t.lower_) in STATE_SECTORS), None)
    if body is None:
        return None
    owner = next((a for t in (ent.root, body) for a in _owners(t, found, ("country",))), None)
    parts = [t for t in ent if t.lower_ != "the"]
    # "the Foreign Ministry", "the Ministry of Defence"; not "the National Liberation Army", a name of its own
    plain = len(parts) <= 2 or parts[0] == ent.root
    bare = (ent[0].lower_ == "the" or with_the(ent.root)) and plain
    return owner or (last_country if bare else None)


def _reports(tok: Token) -> bool:
    """ "Saudi Arabia and the United States have said": actors named together as who said it."""
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in words()["reporting"]


def _addressers(tok: Token, found: dict[int, Mention]) -> set[Actor]:
    """Who addresses the group a noun names: the subject of the verb it is the object of ("I called on
    both governments", "Miller said the United States urged the two governments")."""
    verb = tok.head if tok.dep_ == "dobj" else tok.head.head
    while verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head  # "condemned the violation and urged the two governments": the first verb's subject
    return {found[t.i].actor for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree
            if t.i in found and not _described(t, c)}


def _described(tok: Token, top: Token) -> bool:
    """Whether `tok` is in a phrase that describes `top` rather than names it: "China, Burma's main trading
    partner", "Moscow, which backs Haftar"."""
    while tok != top:
        if tok.dep_ in ("appos", "relcl", "acl", "poss", "prep"):
            return True
        tok = tok.head
    return False


def side_of(actors: list[Actor]) -> set[str]:
    """The names and countries of actors: who is on their side."""
    return {a.name for a in actors} | {a.country for a in actors if a.country}


def outside(actors: Iterable[Actor], own: set[str]) -> list[Actor]:
    """The actors, once each, not on the side `own` (`side_of`)."""
    return unique([a for a in actors if a.name not in own and a.country not in own])


def names_a_pair(tok: Token) -> bool:
    """ "The two", "both", "the two sides", "both countries", "all parties": a word for the sides."""
    return _bare_pair(tok) or any(c.lower_ in ("two", "both") for c in tok.children) or _all_sides(tok)


def _all_sides(tok: Token) -> bool:
    """ "Urged all parties", "all sides": the sides of the story, not "all political parties" (a kind), nor
    "all parties in Lesotho" (those of a place, `passes.parties_of_a_place`)."""
    return tok.lemma_.lower() in SIDE_NOUNS and any(c.lower_ == "all" for c in tok.children) \
        and not any(c.dep_ in ("amod", "compound", "prep") for c in tok.children)


def _one_side(members: tuple[Actor, ...]) -> bool:
    """A state and its own people only ("Bangladesh", "Hasina"): one side, where two rivals of one
    state ("Kiir and Machar", "the two candidates") are two."""
    return len(members) > 1 and len({a.country or a.name for a in members}) == 1 \
        and any(a.kind == "country" for a in members) and any(a.kind != "country" for a in members)


def _named_before(tok: Token, here: list[tuple[int, tuple[Actor, ...]]], own: set[str],
                  people: bool = False) -> tuple[Actor, ...]:
    """The actors named together last before `tok` in its sentence (people only, if asked), two of them at
    least not on the side `own` of who addresses them ("the credibility of Russia and Ukraine was at stake,
    and he urged them to"; "Russia welcomed it, and Guterres urged both sides": not Russia and the UN)."""
    return next((members for k, members in reversed(here) if k < tok.i and len(outside(members, own)) > 1
                 and (not people or _people(members))), ())


def _people(members: tuple[Actor, ...]) -> bool:
    return all(a.kind == "person" for a in members)


class GroupWords:
    """Words for several actors at once, and the groups an article has named so far."""

    def __init__(self, lexicon: Lexicon, memory: _Salience):
        self.lexicon = lexicon
        self.memory = memory  # the people named so far: "the two presidents" are the heads named most
        self.offset = 0  # article offset of the paragraph being read
        self.last_group: tuple[Actor, ...] = ()  # the latest actors named together as a subject
        self.last_named_together: tuple[Actor, ...] = ()  # the latest actors named together anywhere
        self.last_people_together: tuple[Actor, ...] = ()  # the latest people named together: "the two leaders"
        self.last_sides: tuple[Actor, ...] = ()  # the latest named together, not as who said something
        self.since_together = 0  # sentences read since then: "the two sides" reaches back only so far
        self.since_group = 0  # sentences read since last_group was named
        self.last_met: tuple[Actor, ...] = ()  # the latest people one clause brought together: "Xi met Sharif"
        self.together: list[tuple[Actor, ...]] = []  # every group named together so far: "the four countries"
        self.since_met = 0
        self.last_crowd: tuple[Actor, ...] = ()  # the latest group named by a plural noun: "the protesters"
        self.since_crowd = 0
        self.groups: dict[int, tuple[Actor, ...]] = {}  # token index -> the group a plural word names
        self.parties: Counter[Actor] = Counter()  # states (a person's own), groups and bodies named so far

    def read(self, doc: Doc, offset: int, found: dict[int, Mention]) -> None:
        """Words for several actors at once, in reading order: each sentence first reads the groups
        named before it, then names its own.

        "They", "their": the last actors named together as a subject ("Saudi Arabia and Iran
        agreed"); "the two sides", "the countries", "the European leaders": the last actors named
        together anywhere (collective_nouns.csv); "the foreign ministers of India and Pakistan":
        the actors of its "of" phrase.
        """
        self.groups, self.offset = {}, offset
        coordinating = {t.head.i for t in doc if t.dep_ == "conj"}  # the heads of a coordination
        for sent in doc.sents:
            self.since_together += 1
            self.since_group += 1
            self.since_met += 1
            self.since_crowd += 1
            if self.since_together > GROUP_REACH:
                self.last_named_together = self.last_people_together = self.last_sides = ()
            tokens = list(sent)  # one Token object per word for the three readings below
            here = [(t.i, members) for t in tokens if t.i in coordinating
                    and len(members := self._coordinated(doc, t, found)) > 1]  # "joined Abe and Turnbull, and the leaders"
            met = [(t.i, members) for t in tokens if (members := _clause_people(t, found))]  # "Xi met Sharif"
            crowds = [(t.i, (crowd,)) for t in tokens if (crowd := _crowd_group(t, found)) is not None]  # "the protesters"
            for tok in tokens:
                members = self._plural_word(tok, found, here, met, crowds)
                if members:
                    self.groups[tok.i] = members
            for tok in tokens:
                members = self._of_group(tok, found) or self._modified_group(tok, found)
                if members:
                    self.groups[tok.i] = members
            if met:
                self.last_met, self.since_met = met[-1][1], 0
            if crowds:
                self.last_crowd, self.since_crowd = crowds[-1][1], 0
            for tok in tokens:
                members = self._coordinated(doc, tok, found) if tok.i in coordinating else _compounded(tok, found)
                if tok.i in coordinating and len(every := self._coordinated(doc, tok, found, anywhere=True)) > 1:
                    self.together.append(every)
                if len(members) > 1:
                    self.last_named_together, self.since_together = members, 0
                    if not _reports(tok):
                        self.last_sides = members
                    if _people(members):
                        self.last_people_together = members
                    if tok.dep_ in ("nsubj", "nsubjpass"):
                        self.last_group, self.since_group = members, 0
            for k, members in self.groups.items():
                if sent.start <= k < sent.end and len(members) > 1 and doc[k].lower_ not in PLURAL_PRONOUNS:
                    self.last_named_together = self.last_sides = members  # "the ministers of India and Pakistan ... both"
                    self.since_together = 0
                    if _people(members):
                        self.last_people_together = members  # "The two leaders shook hands ... praised both leaders"
                    if doc[k].dep_ in ("nsubj", "nsubjpass") and any(c.lower_ in GROUP_SIZES for c in doc[k].children):
                        self.last_group, self.since_group = members, 0  # "the four countries cut ties ... They issued"

    def _plural_word(self, tok: Token, found: dict[int, Mention], here: list[tuple[int, tuple[Actor, ...]]],
                     met: list[tuple[int, tuple[Actor, ...]]],
                     crowds: list[tuple[int, tuple[Actor, ...]]]) -> tuple[Actor, ...]:
        """The actors a pronoun or collective word stands for, given the groups named in its sentence."""
        doc = tok.doc
        subject_here = next((members for k, members in reversed(here) if k < tok.i
                             and doc[k].dep_ in ("nsubj", "nsubjpass")), ())
        # "Fernandez had asked Obama to support talks when they met": the two people of its clause
        subject_here = subject_here or next((m for k, m in reversed(met) if k < tok.i and tok.dep_ == "nsubj"), ())
        if tok.lower_ in PLURAL_PRONOUNS and subject_here:
            return subject_here  # "Biden and Xi spoke, their first call since they met"
        if reporters := _plural_reporter(tok, found):
            return reporters  # "Vietnamese authorities said they had detained 1,000 people"
        if tok.lower_ == "them" and (crowd := self._crowd_before(tok, here, crowds)):
            return crowd  # "Thousands of supporters marched ... Police dispersed them"
        if tok.lower_ == "them" and (named := _named_before(tok, here, side_of(list(_addressers(tok, found))))):
            return named  # "the credibility of Russia and Ukraine was at stake, and he urged them to"
        if tok.lower_ in PLURAL_PRONOUNS and (self.last_group or self.last_named_together):
            # the last subject group, unless others were named together well after it
            recent = self.last_group and self.since_group <= self.since_together + 1
            return (self.last_group if recent else self.last_named_together) or self.last_group
        if tok.i in found:
            return ()
        if namesakes := self._namesakes(tok):
            return namesakes  # "both Koreas", "the two Sudans"
        if _bare_pair(tok) or self._is_collective(tok, found):
            speaking = _addressers(tok, found)
            group = self._collective(tok, here, met, speaking)
            if _one_side(group) and names_a_pair(tok):
                # "the two sides" are two: not a leader and their own state ("Hasina", "Bangladesh")
                return self._main_pair("any", speaking) or group
            return group
        return ()

    def _crowd_before(self, tok: Token, here: list[tuple[int, tuple[Actor, ...]]],
                      crowds: list[tuple[int, tuple[Actor, ...]]]) -> tuple[Actor, ...]:
        """The crowd a plural pronoun stands for ("police dispersed them"), if named after the last
        actors named together: earlier in its sentence, else in a sentence after theirs."""
        named_here = max((k for k, _ in here if k < tok.i), default=-1)
        # the latest plural noun before it ("killing nine people, among them": the nine, not the crowd)
        # (not the state's agents: "fought the police as the police detained 100 of them")
        plural = max((t.i for t in tok.sent if t.i < tok.i and _people_noun(t)
                      and agent_nouns().get(t.lower_) not in STATE_SECTORS), default=-1)
        crowd_here = next((members for k, members in reversed(crowds) if k == plural and named_here < k), ())
        if crowd_here or named_here >= 0 or plural >= 0:
            return crowd_here
        recent = self.last_crowd and self.since_crowd < min(self.since_group, self.since_together)
        return self.last_crowd if recent else ()

    def _namesakes(self, tok: Token) -> tuple[Actor, ...]:
        """ "both Koreas", "the two Sudans", "the Congos": a country's name word in the plural names every
        state whose name ends in it (North and South Korea, Sudan and South Sudan)."""
        if tok.tag_ != "NNPS" or not tok.text.endswith("s"):
            return ()
        found = states_named(self.lexicon, tok.text[:-1])
        return found if len(found) > 1 else ()

    def count_party(self, actor: Actor) -> None:
        """Count a mention towards the parties of the story: a person's own state, a group, a body."""
        party = self.lexicon.country_actor(actor.country) if actor.kind == "person" and actor.country else actor
        if party is not None and party.kind in ("country", "group", "organization") and party.name not in generic_groups():
            self.parties[party] += 1

    def _main_pair(self, refers: str, speaking: set[Actor], least: int = 1) -> tuple[Actor, ...]:
        """The two parties the article has named most, each `least` times at least ("both governments",
        "the two sides" said by a third party), not the speaker's side; states only for "the two countries"."""
        ranked = outside([a for a, n in self.parties.most_common() if (refers == "any" or a.kind == "country")
                          and n >= least], side_of(list(speaking)))
        return tuple(ranked[:2]) if len(ranked) > 1 else ()

    def _collective(self, tok: Token, here: list[tuple[int, tuple[Actor, ...]]],
                    met: list[tuple[int, tuple[Actor, ...]]], speaking: set[Actor]) -> tuple[Actor, ...]:
        """The group "the two sides", "the leaders", "the two" names: the last actors named together
        (people for a noun of people); for "the two" and "both", also the people a clause brought
        together ("He held talks with Modi, and the two pledged"), whichever came last; for "both
        sides" or "the two countries" with no pair in the sentence, the story's two main parties."""
        noun = _plural_lemma(tok)
        refers = "any" if _bare_pair(tok) else collective_nouns()[noun]
        pair = names_a_pair(tok)
        count = next((GROUP_SIZES[c.lower_] for c in tok.children if c.lower_ in GROUP_SIZES), None)
        sized = next((m for m in reversed(self.together) if len(self._as_kind(m, refers)) == count), ()) if count else ()
        if sized:  # "the four countries" years after "Saudi Arabia, the UAE, Bahrain and Egypt": the four named so
            return self._as_kind(sized, refers)
        if pair:
            here = sorted(here + met, key=lambda k_members: k_members[0])
        addressed = tok.dep_ == "dobj" or tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB"  # "urged both sides"
        # "Russia welcomed it, and Guterres urged both sides": not the addresser's own side
        named = _named_before(tok, here, side_of(list(speaking)) if addressed else set(), people=refers == "person")
        if named:
            return self._as_kind(named, refers)
        if pair and addressed and not _bare_pair(tok) and (refers == "country" or noun in SIDE_NOUNS):
            main = self._main_pair(refers, speaking)
            if main:
                return main
        if pair and self.last_met and self.since_met <= self.since_together:
            named = self.last_met
        if not named:
            people = refers == "person" and self.last_people_together  # "the two leaders": people
            sides = noun in SIDE_NOUNS and self.last_sides
            named = self.last_people_together if people else self.last_sides if sides else self.last_named_together
        if not named and pair and not _bare_pair(tok) and (refers == "country" or noun in SIDE_NOUNS):
            named = self._main_pair(refers, speaking, least=2)  # "The two sides have been negotiating", none named together
        heads = self._heads_before(self.offset + tok.idx) if pair and noun in HEAD_NOUNS else []
        speakers = {a.name for a in speaking}
        heads = [a for a in heads if a.name not in speakers]
        others = tuple(a for a in named if a.name not in speakers)
        if pair and noun not in SIDE_NOUNS and len(others) > 1:
            named = others  # "Michel will host Pashinyan and Aliyev ... 'Both leaders committed,' he wrote"
        if heads and (not any(a in heads for a in named) or any(a.name in speakers for a in named)):
            # "the two presidents" after "Yellen and Blinken will travel": the heads the article names most;
            # "Annan praised both leaders" after "witnessed by Annan and Albright": not his own group
            named = tuple(heads[:2]) if len(heads) > 1 and heads[0].country != heads[1].country else named
        office = noun if noun in OFFICE_NOUNS else None
        if pair and office and not all(office in (a.title or office).lower() for a in named):
            # "the two presidents" after "a visit by Prime Minister Kishida": not him
            holders = [a for a in unique([*named, *heads]) if office in (a.title or "").lower()]
            named = tuple(holders[:2]) if len(holders) > 1 else named
        if pair and len(named) > 2 and not _bare_pair(tok) and noun not in SIDE_NOUNS:
            # "the two leaders" after "Meles and Isaias signed ... witnessed by Annan and Albright": the first pair
            # named together among them ("Jaishankar met Wang Yi and Sergei Lavrov. The two ministers": the second)
            pairs = [m for m in self.together if len(m) == 2 and set(m) <= set(named)]
            named = min(pairs, key=lambda m: min(named.index(a) for a in m)) if pairs else named[:2]
        return self._as_kind(named, refers) if named else ()

    def _heads_before(self, before: int) -> list[Actor]:
        """The heads of state or government named before article offset `before`, most named first:
        by the lexicon's title or the one the text gave them ("Uzbek President Shavkat Mirziyoyev")."""
        titled = {a for title, seen in self.memory.titles.items() if self.lexicon.title_rank(title) == 1
                  for offset, a in seen if offset < before}
        counts = Counter(a for offset, a, _ in self.memory.persons if offset < before and (a in titled or a.title
                         and self.lexicon.title_rank(a.title) == 1))
        return [a for a, _ in counts.most_common()]

    def _coordinated(self, doc: Doc, tok: Token, found: dict[int, Mention], anywhere: bool = False) -> tuple[Actor, ...]:
        """The actors of a coordination headed by `tok` ("Saudi Arabia, Bahrain and Egypt"); not in a
        relative clause ("a panel that included Zenawi and Mbeki": not the parties of the story) unless
        `anywhere` (a group that a number names later: "the four countries")."""
        if not any(c.dep_ == "conj" for c in tok.children) or not anywhere and any(
                a.dep_ in ("relcl", "acl") for a in tok.ancestors):
            return ()
        members: list[Actor] = []
        for t in sorted([tok, *tok.conjuncts], key=lambda t: t.i):
            if t.i + 1 < len(doc) and doc[t.i + 1].tag_ == "POS":
                continue  # "he and Trump's son-in-law": Trump is not one of them
            if t.i in self.groups and t.lower_ not in PLURAL_PRONOUNS:
                found_here = list(self.groups[t.i])
            else:
                m = found.get(t.i) or next((found[c.i] for c in t.subtree if c.i in found), None)
                found_here = [m.actor] if m is not None and m.actor.kind != "unknown" else []
            members += [a for a in found_here if a not in members]
        return tuple(members)

    def _of_group(self, tok: Token, found: dict[int, Mention]) -> tuple[Actor, ...]:
        """ "The foreign ministers of India and Pakistan": a plural noun with coordinated actors after "of" or "from"."""
        if tok.tag_ not in ("NNS", "NNPS") or tok.i in found:
            return ()
        for prep in tok.children:
            # "negotiators from Iran and the P5+1" (an agent of states), not "partners from the US and Europe"
            if prep.dep_ == "prep" and (prep.lower_ == "of" or prep.lower_ == "from"
                                        and agent_nouns().get(tok.lower_) in STATE_SECTORS):
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        group = self.groups.get(obj.i, ()) if obj.lower_ not in PLURAL_PRONOUNS else ()
                        members = group or self._coordinated(tok.doc, obj, found)
                        if len(members) > 1:
                            return members
        return ()

    def _modified_group(self, tok: Token, found: dict[int, Mention]) -> tuple[Actor, ...]:
        """ "American and Russian diplomats": an agent noun of several states at once."""
        if tok.tag_ not in ("NNS", "NNPS") or agent_nouns().get(tok.lower_) not in STATE_SECTORS:
            return ()
        members = _owners(tok, found)
        return tuple(members) if len(members) > 1 else ()

    def _is_collective(self, tok: Token, found: dict[int, Mention]) -> bool:
        """A plural collective noun that picks out a known group: "the two sides", "both countries"."""
        lemma = _plural_lemma(tok)
        if lemma not in collective_nouns() or tok.tag_ not in ("NNS", "NNPS"):
            return False
        country_named = any(c.i in found and found[c.i].actor.kind == "country"
                            for c in tok.children if c.dep_ in ("amod", "compound", "poss"))
        if country_named:
            return False  # "the Russian leaders", "Iran's neighbours": of that country, not the group
        return any(c.lower_ in DEFINITE_GROUP for c in tok.children if c.dep_ in ("det", "predet", "nummod", "poss")) \
            or _all_sides(tok)

    def _as_kind(self, members: tuple[Actor, ...], refers: str) -> tuple[Actor, ...]:
        """The members as countries for "the countries" (Bashir and Kiir: Sudan and South Sudan)."""
        if refers != "country":
            return members
        out: list[Actor] = []
        for a in members:
            country = self.lexicon.country_actor(a.country) if a.kind == "person" and a.country else a
            if country is not None and country not in out:
                out.append(country)
        return tuple(out) if len(out) > 1 else members


class MentionFinder:
    """Finds and resolves actor mentions across the paragraphs of one article."""

    def __init__(self, lexicon: Lexicon, on: str | None):
        self.lexicon, self.on = lexicon, on
        self.memory = _Salience()
        self.max_tokens = max(1, lexicon.max_alias_tokens)
        self.resolved: dict[int, Mention] = {}  # article offset of a token -> its mention
        self.last_named_group: Actor | None = None  # the latest armed or political group named
        self.author: Actor | None = None  # who a statement's byline names: "I" and "we" outside quotes
        self.author_state: Actor | None = None  # the state its byline names ("..., Washington, DC:"): "we"
        self.owned: dict[str, Actor] = {}  # an agent noun -> the owner named with it last ("a U.S. delegation")
        self.countries_named: Counter[str] = Counter()  # country code -> mentions so far ("its neighbour")
        self.plurals = GroupWords(lexicon, self.memory)  # "they", "the two sides", "the ministers of India and Pakistan"
        self.bodies: list[tuple[Actor, str, int]] = []  # organisations named so far: (actor, its words, offset)
        self.places: set[str] = set()  # names the article calls places ("the town of Heglig")
        self.learned: dict[tuple[str, ...], Actor] = {}  # bodies the recogniser found, by their words: "Renamo"

    @property
    def spelled(self) -> dict[str, str]:
        """Known people's names -> as the article spells them ("Michel Sleiman" for Michel Suleiman)."""
        return self.memory.spelled

    def find(self, doc: Doc, offset: int) -> dict[int, Mention]:
        """Mentions of one parsed paragraph, keyed by token index (each token of a name maps)."""
        found: dict[int, Mention] = {}
        self._names(doc, offset, found)
        # before the recogniser, which may read them as people: cities (of a state the lexicon knows) and ships
        for span, state in [*_unread_cities(doc, found, self.lexicon), *_ships(doc, self.lexicon)]:
            self._add(found, span, offset, state)
        self._entities(doc, offset, found)
        for span, actor in _learned_names(doc, found, self.learned):  # where the recogniser missed them
            self._add(found, span, offset, actor)
        self._titled_names(doc, offset, found)
        self._surnames(doc, offset, found)
        self._roles(doc, offset, found)
        self._agents(doc, offset, found)
        for span, state in _state_news_agencies(doc, found):
            self._add(found, span, offset, state, remember=False)
        self._led(doc, offset, found)
        for tok, actor in _pronouns(doc, offset, found, self.memory):  # each named before the next is read
            self._add(found, doc[tok.i : tok.i + 1], offset, actor, remember=False)
        if offset == 0:
            self.author, self.author_state = _byline_author(doc, found), _byline_state(doc, found)
        for tok, actor in [*_epithets(doc, offset, found, self.memory), *_owned_before(doc, found, self.owned),
                           *_own_forces(doc, found, self.lexicon), *_their_government(doc, found),
                           *_first_person(doc, found, self.author, self.author_state, self.lexicon),
                           *_quoted_we(doc, found),
                           *_directional(doc, found, self.countries_named, self.lexicon),
                           *_state_epithets(doc, offset, found, self.memory)]:
            self._add(found, doc[tok.i : tok.i + 1], offset, actor, remember=False)
        for tok, state in _bare_state_bodies(doc, found, _story_state(self.plurals.parties)):
            self._add(found, doc[tok.i : tok.i + 1], offset, state, remember=False)
        self._bodies(doc, offset, found)
        self._neighbours(doc, offset, found)
        self.plurals.read(doc, offset, found)
        self.memory.last_sentence = offset + doc[-1].sent.start_char if len(doc) else self.memory.last_sentence
        return found

    @property
    def groups(self) -> dict[int, tuple[Actor, ...]]:
        """Token index -> the actors a plural word of the last paragraph read names."""
        return self.plurals.groups

    # -- names from the lexicon ------------------------------------------------------------
    def names(self, doc: Doc) -> list[tuple[Span, Actor]]:
        """The names the lexicon knows in a paragraph (`lexicon_names`), read once per document."""
        if "timeline.names" not in doc.user_data:
            doc.user_data["timeline.names"] = list(lexicon_names(doc, self.lexicon, self.on))
        return doc.user_data["timeline.names"]

    def _names(self, doc: Doc, offset: int, found: dict[int, Mention]) -> None:
        for span, named in self.names(doc):
            if named.kind == "person" and _is_part_of_other_name(span, named):
                continue
            if named.kind != "person" and span[0].ent_type_ == "PERSON" and span[0].ent_iob_ == "I":
                continue  # "Foreign Minister Therese Kayikwamba Wagner": her name, not the Wagner Group
            if span[-1].lower_ in words()["state_form"] and span.end < len(doc) and doc[span.end].lower_ == "of" \
                    and all(t.lower_ == "the" for t in span[:-1]):
                continue  # "the Commonwealth of Australia": a state's formal name (`_formal_state`), not the body
            actor = _surname_before(self.memory, span, offset) or named  # "Hague", "Gaddafi": the one named before
            actor = _home_body(span, actor, self.plurals.parties, self.lexicon, self.names(doc))
            if actor.kind == "person" and _spelled_otherwise(surface := _bare_name(span, self.lexicon), actor.name):
                self.memory.spelled.setdefault(actor.name, surface)
            self._add(found, span, offset, actor)

    # -- people and organisations found by NER ---------------------------------------------
    def _entities(self, doc: Doc, offset: int, found: dict[int, Mention]) -> None:
        for read in doc.ents:
            if any(t.i in found for t in read) or _feature_name(read) or _named_pair(read, self.memory):
                continue
            ent = read
            if read.label_ in PERSON_LABELS or (titled := _titled_name(read, self.lexicon)) is not None:
                ent = _hyphen_tail(read if read.label_ in PERSON_LABELS else titled)  # "Kim Yeon-chul", read as "Kim Yeon"
                actor = self._person(ent)
            elif (ent.label_ in ("GPE", "ORG") and not _city_in_a_longer_name(doc, ent.start, ent.end)
                  and (code := city_country(ent.text)) is not None):
                actor = self.lexicon.country_actor(code)  # "visited Massawa": Eritrea
            elif ent.label_ == "ORG" and ent.root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "agent"):
                state = _formal_state(ent, found) or _state_body(
                    ent, found, self.memory.last_state or _most_named_country(self.countries_named, self.lexicon))
                if state is not None:  # "the State of Qatar", "Colombia's Foreign Ministry": that state
                    self._add(found, ent, offset, state)
                    if ent.root.lower_ in agent_nouns():
                        self.owned[ent.root.lemma_.lower()] = state  # and "the ministry" after it
                    continue
                if _names_a_place(ent, self.places):
                    continue  # "the oil-producing town of Heglig", and "Heglig" after it: a place
                if _in_title(ent, self.lexicon):
                    continue  # "Secretary of State": part of a title, not an organisation
                name = _span_key(ent).removeprefix("the ").strip()
                if name.lower() in words()["body_noun"]:
                    continue  # "the Commission", "the Court": a body named before (`_bodies`), not a new one
                # "Wang" after "Wang Yi": the person again, not a new organisation
                # "Duterte" read as an organisation: the one of that name in office
                person = (self.memory.by_name_part(name) or self.lexicon.office_holder(name, self.on)) \
                    if len(ent) == 1 else None
                person = _given_person(doc, ent, name, self.lexicon, self.memory) or person  # "Alexei [Miller]"
                actor = person or Actor(name=_acronym_after(ent) or name, kind="organization")
                if person is None and ent.text[:1].isupper():
                    self.learned[tuple(t.text for t in ent if t.lower_ != "the")] = actor
            else:
                continue
            if actor is not None and actor.name:
                self._add(found, ent, offset, actor)

    def _surnames(self, doc: Doc, offset: int, found: dict[int, Mention]) -> None:
        """A lone capitalised name part of a person named before ("Kasuri is in Kabul"), where
        the entity recogniser did not read or did not see it."""
        if not self.memory.persons:
            return
        for tok in doc:
            if (tok.i in found or tok.pos_ not in ("PROPN", "NOUN") or not tok.text[:1].isupper() or len(tok.text) < 3
                    or tok.lower_ in self.lexicon.title_words or tok.ent_type_ in ("LOC", "NORP", "DATE")):
                continue
            if tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.head.i not in found:
                continue  # part of a longer unknown name
            actor = self.memory.by_name_part(tok.text)
            if actor is not None:
                self._add(found, doc[tok.i : tok.i + 1], offset, actor)

    def _titled_names(self, doc: Doc, offset: int, found: dict[int, Mention]) -> None:
        """A full name the entity recogniser missed, told by the title next to it (`_titled_spans`)."""
        for span in list(_titled_spans(doc, found, self.lexicon)):
            actor = self._person(span)
            if actor is not None:
                self._add(found, span, offset, actor)

    def _person(self, ent: Span) -> Actor | None:
        name = _bare_name(ent, self.lexicon)
        if not name or not name[0].isupper():
            return None
        parts = name.split()
        if len(parts) == 1:
            earlier = self.memory.by_name_part(name)
            if earlier is not None:
                return earlier
        known = self.lexicon.lookup(name, on=self.on) or self.lexicon.lookup(name_key(name), on=self.on)
        if known is not None and known.kind == "person":
            return known
        earlier = self.memory.same_person(name)
        if earlier is not None:
            return earlier
        country, title = _affiliation(ent, self.lexicon, self.on, self.memory)
        if len(parts) == 1 and country and title:
            # "South Korean President Lee": the holder of that office on the day, if the name is theirs
            holder = self.lexicon.holder(country, title, self.on)
            if holder is not None and normalize(name).casefold() in _name_words(holder.name):
                return holder
        holder = self.lexicon.office_holder(name, self.on) if len(parts) == 1 else None
        if holder is not None and country and holder.country != country:
            holder = None  # "Jordan's King Hussein" is not Iraq's Saddam Hussein
        # "Duterte" in 2016: the one of that name in office then
        return holder or Actor(name=name, kind="person", country=country, title=title)

    # -- roles: "the president", "the US leader", "his host" ------------------------------
    def _roles(self, doc: Doc, offset: int, found: dict[int, Mention]) -> None:
        for tok in doc:
            if tok.i in found or tok.pos_ != "NOUN" and tok.pos_ != "PROPN":
                continue
            if tok.dep_ == "compound" and tok.head.i in found:
                continue
            named = next((found[c.i] for c in _apposed(tok) if c.i in found and found[c.i].actor.kind == "person"), None)
            if named is not None:
                if tok.dep_ != "compound" and tok.pos_ == "NOUN":
                    # "The Kremlin spokesman, Dmitry Peskov, said", "the leader of the opposition coalition,
                    # Moaz al-Khatib, said": the role is the person named
                    self._add(found, doc[tok.i : tok.i + 1], offset, named.actor, remember=False)
                continue
            lower = tok.lower_
            if lower in RELATIONAL_ROLES:
                actor = _counterpart(tok, found, self.lexicon, self.on) or _relational(tok, offset, self.resolved, self.memory)
            elif diplomatic_protest(tok):
                continue  # "rejected the protest": a note a government lodged, not the protesters
            elif tok.lemma_.lower() in group_nouns() and (_definite(tok, found) or tok.tag_ == "NNS"
                                                          or tok.lower_ == "opposition"
                                                          or tok.dep_ == "compound" and tok.head.pos_ == "NOUN"):
                # "rebel positions", "militant strongholds": theirs
                actor = _group_noun(tok, found, self.last_named_group)  # "the militants freed three hostages": Hamas
                if actor is None:
                    continue
            elif (actor := _unnamed_party(tok, found)) is not None:
                self._add(found, doc[tok.i : tok.i + 1], offset, actor, remember=False)  # no antecedent of "they"
                continue
            else:
                title = _role_title(self.lexicon, tok)
                if not _definite(tok, found):
                    continue
                actor = self._role_holder(tok, title, found, offset) if title else _styled(tok, self.memory)
            if actor is not None:
                self._add(found, doc[tok.i : tok.i + 1], offset, actor)

    def _agents(self, doc: Doc, offset: int, found: dict[int, Mention]) -> None:
        """An agent noun of a state with its country: "Sudanese officials", "Pakistan's army",
        "Russian negotiators" are that country (the noun's own token names it); "its army" as a subject
        is the state named last as a subject."""
        agents = agent_nouns()
        for tok in doc:
            if tok.i in found or tok.pos_ != "NOUN" or agents.get(tok.lower_) not in STATE_SECTORS:
                continue
            owners = _owners(tok, found)  # "NATO officials": NATO
            if not owners and tok.dep_ in ("nsubj", "nsubjpass") \
                    and any(c.dep_ == "poss" and c.lower_ == "its" for c in tok.children):
                # "North Korea fired a missile. Its foreign ministry accused Japan": the state said before
                owners = [state] if (state := self.memory.state_before(offset + tok.idx)) is not None else []
            if owners:
                self._add(found, doc[tok.i : tok.i + 1], offset, owners[0], remember=False)
                self.owned[tok.lemma_.lower()] = owners[0]

    def _led(self, doc: Doc, offset: int, found: dict[int, Mention]) -> None:
        """ "U.S.-led forces", "a Saudi-led coalition": the forces are the actor that leads them."""
        keys = word_keys(doc)
        for tok in doc:
            if not keys[tok.i][1].endswith("led"):
                continue  # neither "U.S.-led" nor "led" after a hyphen
            actor = _leader(tok, found, self.lexicon, self.on)
            if actor is not None:
                self._add(found, doc[tok.head.i : tok.head.i + 1], offset, actor, remember=False)

    def _role_holder(self, tok: Token, title: str, found: dict[int, Mention], offset: int) -> Actor | None:
        if any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in tok.children):
            return None  # "Belgrade recalled its ambassador": a state's own envoy, not the ambassador named before
        country = None
        for c in tok.children:
            m = found.get(c.i)
            if m is not None and m.actor.country and m.actor.kind == "country":
                country = m.actor.country
        if country:
            holder = self.lexicon.holder(country, title, self.on)
            if holder is not None:
                return holder
            for _, actor, _ in reversed(self.memory.persons):
                if actor.country == country and actor.title == title:
                    return actor
            return self.lexicon.country_actor(country)  # "a U.S. envoy": the United States, not its president
        at = offset + tok.idx  # "The President spoke ... He also called President Putin": one named before
        holders = [a for where, a in self.memory.titles.get(title, []) if where < at]
        if not holders:
            return None
        # "the general": the holder the article names most (its protagonist), the latest on a tie
        times = Counter(a.name for a in holders)
        latest = {a.name: k for k, a in enumerate(holders)}
        best = max(times, key=lambda name: (times[name], latest[name]))
        return next(a for a in reversed(holders) if a.name == best)

    def _neighbours(self, doc: Doc, offset: int, found: dict[int, Mention]) -> None:
        """ "His South American neighbor", "neighboring countries" (after pronouns: whose neighbour)."""
        for tok in doc:
            actor = _neighbour(tok, found, self.countries_named, self.lexicon) if tok.i not in found else None
            if actor is not None:
                self._add(found, doc[tok.i : tok.i + 1], offset, actor, remember=False)

    def _bodies(self, doc: Doc, offset: int, found: dict[int, Mention]) -> None:
        """ "The council also called on Sudan", "the bloc": the organisation named last whose name has
        that word ("the African Union's Peace and Security Council", "the European bloc")."""
        for tok in doc:
            actor = _body_named(tok, self.bodies, self.lexicon, offset + tok.idx) if tok.i not in found else None
            if actor is not None:
                self._add(found, doc[tok.i : tok.i + 1], offset, actor, remember=False)

    # -- bookkeeping --------------------------------------------------------------------------
    def _add(self, found: dict[int, Mention], span: Span, offset: int, actor: Actor, remember: bool = True) -> None:
        if actor.name in words()["news_outlet"]:
            return  # "told The Associated Press by satellite phone": a news outlet is no party (words.csv)
        mention = Mention(text=span.text, start=(start := offset + span.start_char), end=offset + span.end_char, actor=actor)
        for t in span:
            found[t.i] = mention
            self.resolved[offset + t.idx] = mention
        if actor.kind == "country" and actor.country:
            self.countries_named[actor.country] += 1
        if actor.kind in ("country", "organization") and any(_is_subject(t) for t in span):
            self.memory.subject_parties.append((offset + span.sent.start_char, start, actor))  # who "It" may be next
        if remember:
            self.plurals.count_party(actor)
            self.memory.add(start, actor, max(_subject_rank(t) for t in span), _told_title(self.lexicon, span, actor),
                            offset + span.sent.start_char, _gender(span, actor))
            if actor.kind == "group" and actor.name not in generic_groups():
                self.last_named_group = actor  # a group named, not one told by a common noun
            if actor.kind == "organization":
                self.bodies.append((actor, span.text, start))


def _bare_name(span: Span, lexicon: Lexicon) -> str:
    """A person's name as written, without the titles before it ("King Hamad bin Isa Al Khalifa",
    "Sheikh Abdullah": the name only)."""
    parts = _span_key(span).split()
    while len(parts) > 1 and (lexicon.match_title(parts[0]) or parts[0].rstrip(".").lower() in words()["honorific"]):
        parts = parts[1:]  # "Mr Domingo Cavallo", as British papers write it: Domingo Cavallo
    return " ".join(parts)


def _spelled_otherwise(surface: str, name: str) -> bool:
    """Whether an article writes a known person's full name another way than the lexicon does
    ("Michel Sleiman" for Michel Suleiman, "Jonas Gahr Store" for Jonas Gahr Støre); not a part of
    it or the name with more in it ("Sleiman", "Robert M. Gates"). Letters are compared as an English
    reader sees them: "ø" and "o" differ, accents do not."""
    seen, known = ({w for w in spelling(text).split() if len(w) > 1} for text in (surface, name))
    return len(seen) > 1 and not (seen <= known or known <= seen)


def _apposed(tok: Token) -> list[Token]:
    """The words that may name who a role is: its compound or apposition, or the apposition
    the parser hung on its "for"/"to"/"of" phrase ("The UN envoy for Sudan, Volker Perthes,", "the
    leader of the opposition coalition, Moaz al-Khatib,")."""
    own = [c for c in tok.children if c.dep_ in ("compound", "appos")]
    hung = [a for p in tok.children if p.dep_ == "prep" and p.lower_ in ("for", "to", "in", "at", "of")
            for o in p.children if o.dep_ == "pobj" for a in o.children if a.dep_ == "appos"]
    return own + hung + [b for a in hung for b in a.children if b.dep_ == "appos"]  # "... Syrian National Coalition, Moaz al-Khatib,"


def _affiliation(ent: Span, lexicon: Lexicon, on: str | None, memory: _Salience) -> tuple[str | None, str | None]:
    """Country and title from the words before a name ("Germany's Defense Minister X")."""
    doc = ent.doc
    start = ent.start
    lo = max(ent.sent.start, start - 6)  # not the end of the sentence before ("resumed talks with world powers. Bennett")
    title = _title_before(lexicon, doc, start)
    country = None
    for k in range(start - 1, lo - 1, -1):
        tok = doc[k]
        if tok.lower_ in ("'s", "’s"):
            continue
        for j in range(max(lo, k - 2), k + 1):
            words = span_text(doc[j : k + 1])
            actor = lexicon.lookup(_without_possessive(words), on=on) or lexicon.lookup_demonym(words)
            if actor is None and words[:1].isupper():
                actor = memory.by_name_part(words) or None
            if actor is not None:
                if actor.country:
                    country = actor.country
                break
        if country:
            break
    return country or _appositive_country(ent, lexicon, on), title


def _ships(doc: Doc, lexicon: Lexicon) -> Iterator[tuple[Span, Actor]]:
    """Named ships and the state whose navy their prefix names ("USS George Washington", "HMS Illustrious":
    ship_prefixes.csv), whatever the recogniser read them as."""
    for ent in doc.ents:
        prefix = next((t for t in ent if t.lower_ != "the"), None)
        code = ship_prefixes().get(prefix.text) if prefix is not None and prefix.i < ent.end - 1 else None
        if code and (state := lexicon.country_actor(code)) is not None:
            yield ent, state


@functools.lru_cache(maxsize=1)
def ship_prefixes() -> dict[str, str]:
    """A ship's name prefix -> the code of the state whose navy it is (ship_prefixes.csv)."""
    return {row["prefix"]: row["country"] for row in read_table(
        "ship_prefixes.csv", ("prefix", "country", "note"), required=("prefix", "country"))}


def _appositive_country(ent: Span, lexicon: Lexicon, on: str | None) -> str | None:
    """The state a role noun in apposition to a name tells ("Vikas Swarup, spokesman for India's Ministry
    of External Affairs"): the first state named in it."""
    role = next((c for c in ent.root.children if c.dep_ == "appos" and c.pos_ == "NOUN"), None)
    for tok in role.subtree if role is not None else ():
        actor = lexicon.lookup(tok.text, on=on) if tok.pos_ == "PROPN" else lexicon.lookup_demonym(tok.text)
        if actor is not None and actor.kind == "country":
            return actor.country
    return None


def _role_title(lexicon: Lexicon, tok: Token) -> str | None:
    """The title a role noun says with the words that qualify it ("the prime minister", "the foreign minister":
    Prime Minister, Foreign Minister, not any minister), else the noun's own ("the president")."""
    words_before = [c for c in tok.lefts if c.dep_ in ("compound", "amod") and c.pos_ in ("ADJ", "NOUN", "PROPN")]
    if words_before and (title := lexicon.match_title(span_text(tok.doc[words_before[0].i:tok.i + 1]))):
        return title
    return lexicon.match_title(_hyphened(tok)) or lexicon.match_title(tok.text)


def _hyphened(tok: Token) -> str:
    """The hyphenated word the tokenizer split, ending at `tok` ("Secretary-General"), else the token."""
    doc, i = tok.doc, tok.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        return f"{doc[i - 2].text}-{tok.text}"
    return tok.text


def diplomatic_protest(tok: Token) -> bool:
    """ "Godal rejected the protest", "handed a protest note", "lodged a note of protest": a protest that a
    verb of words.csv note_verb takes is a government's note, not a crowd's."""
    if tok.lemma_.lower() != "protest" or tok.tag_ != "NN":
        return False
    note = tok.head if tok.dep_ == "compound" or tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok
    note = note.head if note.lower_ == "of" else note  # "a note of protest"
    return note.dep_ in ("dobj", "nsubjpass") and note.head.lemma_.lower() in words()["note_verb"]


def _named_pair(ent: Span, memory: _Salience) -> bool:
    """ "urging Kiir and Machar to turn a new page": a name the recogniser read across "and" whose
    parts are each a person named before (`_surnames` finds them), not a new organisation."""
    cut = next((t.i for t in ent[1:-1] if t.lower_ in ("and", "&")), None)
    return cut is not None and ent.label_ in ("ORG", "PERSON") and all(
        len(part) == 1 and memory.by_name_part(part.text) is not None
        for part in (ent.doc[ent.start:cut], ent.doc[cut + 1:ent.end]))


def _titled_name(ent: Span, lexicon: Lexicon) -> Span | None:
    """A title and a two-word name the recogniser read as an organisation ("Spokeswoman Morgan Ortagus",
    "rebel leader Foday Sankoh", and "Secretary-General Chief Emeka Anyaoku" with only "Anyaoku" read):
    the name's span, or None."""
    if ent.label_ != "ORG":
        return None
    doc = ent.doc
    if len(ent) == 3 and lexicon.match_title(ent[0].text) is not None:
        name, span = ent[1:], ent  # the title inside the entity
    elif len(ent) == 2 and ent.start > 0 and lexicon.match_title(doc[ent.start - 1].text) is not None:
        name = span = ent  # the title just before it
    elif (len(ent) == 1 and ent.start > 1 and not doc[ent.start - 1].ent_type_
          and lexicon.match_title(doc[ent.start - 2].text) is not None):
        name = span = doc[ent.start - 1:ent.end]  # the given name before it, the title before that
    else:
        return None
    return span if all(t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() for t in name) else None


def _in_title(ent: Span, lexicon: Lexicon) -> bool:
    """ "Secretary of State": a name that ends a title."""
    doc = ent.doc
    return any(lexicon.match_title(doc[k : ent.end].text) for k in range(max(0, ent.start - 3), ent.start))


def _told_title(lexicon: Lexicon, span: Span, actor: Actor) -> str | None:
    """The title a person is named with, just before the name, whatever their lexicon title ("voted out Prime
    Minister Serge Vohor", "U.S. Army Gen. Laura Richardson": "the prime minister", "the general" later)."""
    return _title_before(lexicon, span.doc, span.start) if actor.kind == "person" else None


def _title_before(lexicon: Lexicon, doc: Doc, start: int) -> str | None:
    """The title in the few words before a name ("Defense Minister X", "its foreign minister, X")."""
    for k in range(max(0, start - 6), start):
        t = lexicon.match_title(span_text(doc[k:start]).rstrip(" ,"))
        if t:
            return t
    return None


def _titled_spans(doc: Doc, found: dict[int, Mention], lexicon: Lexicon) -> Iterator[Span]:
    """Full names the entity recogniser missed, told by the title next to them: "The UN envoy
    for Sudan, Volker Perthes, said", "Foreign Minister Celso Amorim", "Dafallah al-Haj, a
    special envoy,". Two or three capitalised proper nouns no one has read."""
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j - i < 6 and (_name_part(doc[j], found, lexicon) or _hyphenated(doc, j) or j > i
                                              and doc[j].lower_ in words()["name_particle"] and j + 1 < len(doc)
                                              and _name_part(doc[j + 1], found, lexicon)):
            j += 1
        particles = sum(t.lower_ in words()["name_particle"] for t in doc[i:j])
        n = len(doc[i:j].text.split()) - particles if j > i else 0
        if 2 <= n <= 3 and _name_part(doc[i], found, lexicon) and not (j < len(doc) and doc[j].pos_ == "PROPN") \
                and _titled(doc, i, j, lexicon):
            yield doc[i:j]
        i = max(j, i + 1)


def _glued_hyphen(doc: Doc, k: int) -> bool:
    """A hyphen with no space on either side: inside one hyphenated word ("Do-han")."""
    return doc[k].text == "-" and k > 0 and not doc[k - 1].whitespace_ and not doc[k].whitespace_


def _hyphen_tail(ent: Span) -> Span:
    """A name with the rest the recogniser left out: a hyphenated word ("Kim Yeon" + "-chul") or a
    capitalised word the name hangs on ("Yoon" + "Do-han"), or a second name read as another person
    in the same noun ("Prince Salman" + "bin Hamad al-Khalifa")."""
    doc, end = ent.doc, ent.end
    while end + 1 < len(doc):
        tok, before = doc[end], doc[end - 1]
        if _glued_hyphen(doc, end) and doc[end + 1].is_alpha:
            end += 2
        elif (tok.is_alpha and (tok.text[:1].isupper() and not tok.ent_type_ or tok.ent_type_ == "PERSON")
              and before.dep_ == "compound" and before.head.i >= end):
            end += 1
        else:
            break
    return doc[ent.start:end]


def _hyphenated(doc: Doc, k: int) -> bool:
    """A piece of a hyphenated given name ("Yoon Do-han": "Do", "-", "han"), whatever the tagger made of it."""
    tok = doc[k]
    if _glued_hyphen(doc, k):
        return doc[k - 1].text[:1].isupper()
    if k > 0 and _glued_hyphen(doc, k - 1):
        return tok.is_alpha
    return tok.is_alpha and tok.text[:1].isupper() and k + 1 < len(doc) and _glued_hyphen(doc, k + 1)


def _titled(doc: Doc, start: int, end: int, lexicon: Lexicon) -> bool:
    """A title just before the name, or set off by commas before or after it."""
    if _title_before(lexicon, doc, start):
        return True
    if start >= 2 and doc[start - 1].text == "," and any(
            lexicon.match_title(t.text) for t in doc[max(0, start - 6) : start - 1]):
        return True
    return end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in ("a", "an", "the") and any(
        lexicon.match_title(t.text) for t in doc[end + 2 : end + 5])


def _name_part(tok: Token, found: dict[int, Mention], lexicon: Lexicon) -> bool:
    """A word that may be part of a person's name: a capitalised proper noun no one has read."""
    return (tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.i not in found and tok.is_alpha
            and tok.ent_type_ in ("", "PERSON", "FAC") and tok.lower_ not in lexicon.title_words)  # FAC: "Prince Hamzah"


def _learned_names(doc: Doc, found: dict[int, Mention], learned: dict[tuple[str, ...], Actor]) -> Iterator[tuple[Span, Actor]]:
    """The bodies the recogniser found so far in the article (this paragraph included), named again
    where it missed them ("The army accused Renamo ... Renamo denied the charge", "Renamo officials")."""
    for words_of, actor in learned.items():
        n = len(words_of)
        for i in range(len(doc) - n + 1):
            if doc[i].text == words_of[0] and all(doc[i + k].text == w for k, w in enumerate(words_of)) \
                    and not any(j in found for j in range(i, i + n)):
                yield doc[i : i + n], actor


def _pronouns(doc: Doc, offset: int, found: dict[int, Mention], memory: _Salience) -> Iterator[tuple[Token, Actor]]:
    """The actors pronouns name: "he", "she" the salient person; "it" a state or body
    (`_party_told_before`)."""
    for tok in doc:
        lower = tok.lower_
        if tok.i in found or lower not in SUBJECT_PRONOUNS | OBJECT_PRONOUNS | {"his", "her", "it"}:
            continue
        pos = offset + tok.idx
        other = memory.other_gender(lower)  # "she" is none of the men the text names, "he" none of the women
        if lower == "it":  # "North Korea rejected the offer a day after it blew up the office"; not "it is clear"
            actor = (_subject_in_sentence(tok, found, ("country", "organization", "group"))
                     or _party_told_before(tok, pos, memory, offset)) \
                if tok.dep_ == "nsubj" and tok.head.lemma_.lower() not in _COPULAS else None
        elif lower in SUBJECT_PRONOUNS:
            actor = _subject_in_sentence(tok, found)
            actor = actor if actor is not None and actor.name not in other else None
            actor = actor or memory.latest(pos, subject_only=True, exclude=other) or memory.latest(pos, exclude=other)
        elif lower in ("his", "her") and (own := _possessor_subject(tok, found)) is not None \
                and own.name not in other:
            actor = own  # "Brazil's president postponed his visit": his own
        else:
            subj = _clause_subject(tok, found)
            actor = memory.latest(pos, exclude=[subj.name, *other] if subj else other)
        if actor is not None:
            yield tok, actor


def _state_epithets(doc: Doc, offset: int, found: dict[int, Mention], memory: _Salience
                    ) -> Iterator[tuple[Token, Actor]]:
    """ "Saudi Arabia cut ties with Qatar. The kingdom also expelled...", "the island nation", "the
    Central Asian country" as a subject: a state told by a noun for a state (words.csv state_epithet)
    is the state named last as a subject before it."""
    for tok in doc:
        if (tok.i in found or tok.tag_ != "NN" or tok.dep_ not in ("nsubj", "nsubjpass")
                or tok.lemma_.lower() not in words()["state_epithet"]
                or not with_the(tok) or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
                or any(c.i in found for c in tok.children)):  # "the Qatari state": its adjective says which
            continue
        state = memory.state_before(offset + tok.idx)
        if state is not None:
            yield tok, state


def _party_told_before(tok: Token, pos: int, memory: _Salience, offset: int) -> Actor | None:
    """The state or body a main clause's "it" is ("Eritrea rejected the resolution. It has long accused
    Washington ..."): the one that was the subject of the sentence before."""
    if tok.head.dep_ != "ROOT" or any(t.pos_ in ("NOUN", "PROPN") for t in tok.sent if t.i < tok.i):
        return None
    before = offset + tok.doc[tok.sent.start - 1].sent.start_char if tok.sent.start > 0 else memory.last_sentence
    here = offset + tok.sent.start_char
    told = reversed(memory.subject_parties)
    return next((actor for sentence, start, actor in told if before <= sentence < here and start < pos), None)


_COPULAS = frozenset({"be", "seem", "appear", "remain", "take"})  # "it is clear", "it takes time": no state


def _gender(span: Span, actor: Actor) -> str | None:
    """ "f" or "m" for a person named by `span`, where the text or the name tells (words.csv): a title or
    role noun before or in the name ("Mrs. Clinton", "spokeswoman Victoria Nuland", "King Abdullah"), else
    a given name ("Hillary Clinton"); None if neither does."""
    if actor.kind != "person":
        return None
    w = words()
    before = [span.doc[span.start - 1]] if span.start > 0 else []
    for tok in [*before, *span]:
        word = tok.lower_.rstrip(".")
        if word in w["female_word"]:
            return "f"
        if word in w["male_word"]:
            return "m"
    name = normalize(actor.name).casefold()
    first = name.split()[0] if name else ""
    if first in w["female_name"] or name in w["female_name"]:
        return "f"
    return "m" if first in w["male_name"] else None


def _subject_in_sentence(tok: Token, found: dict[int, Mention], kinds: tuple[str, ...] = ("person",)) -> Actor | None:
    """The last actor of `kinds` (a person) named as a subject before `tok` in its sentence."""
    best = None
    for t in tok.sent:
        if t.i >= tok.i:
            break
        m = found.get(t.i)
        if m is not None and m.actor.kind in kinds and _is_subject(t):
            best = m.actor
    return best


# "..., Skopje, 18 October 2019 - Statement on", "Ministry of Foreign Affairs, Georgetown, 11 October 2013 - Press Release"
_ISSUER_FIRST = re.compile(r"\s[-–—]\s(?:(?:Press |Joint )?Statement|(?:Press |News |Media )Release|Communiqu[ée]|Readout)\b")
_BYLINE = re.compile(r"(?:The following )?(?:(?:Press |Joint )?Statement|Remarks|Readout|Op-Ed|Media Note"
                     r"|(?:Press |News |Media )Release)\b"
                     r"(?:[^\n]{0,40}?\bby\b"  # "The following statement was issued today by the Spokesman for"
                     r"|,"  # "Press Release, U.S. Agency for International Development, Washington, DC:"
                     r"| of the\b)"  # "Statement of the Department of Foreign Affairs, Manila, February 9, 1995:"
                     # "Government of the Republic of North Macedonia, Skopje, 18 October 2019 - Statement on ...",
                     # "Office of the Prime Minister, Ottawa, June 2, 1986 - Statement by the Prime Minister"
                     rf"|[^\n]{{0,120}}?,[^\n]{{0,80}}?{_ISSUER_FIRST.pattern}"
                     r"|The following is attributable to\b"
                     r"|[^\n]{0,120}\b(?:made|issued|released|delivered|gave) the following (?:statement|remarks|declaration)\b",
                     re.I)  # "The Minister for Europe and Foreign Affairs, Jean-Noël Barrot, made the following statement today:"


def _byline_author(doc: Doc, found: dict[int, Mention]) -> Actor | None:
    """The person a statement's opening byline names ("Press Statement by Antony J. Blinken,
    Secretary of State."), who is "I" in what follows; else the body that issues it ("The following
    press release was issued today by the U.S. Department of the Treasury:")."""
    return _named_in_byline(doc, found, "person") or _named_in_byline(doc, found, "organization") \
        or _speaker_after_issuer(doc, found)


def _speaker_after_issuer(doc: Doc, found: dict[int, Mention]) -> Actor | None:
    """Who speaks in an issuer line's statement ("Office of the Prime Minister, Ottawa, June 2, 1986 -
    Statement by the Prime Minister"): the first actor named after its "by", else the issuer (the state
    of the office), when the statement is by someone."""
    first = next(iter(doc.sents), None)
    issuer_first = _ISSUER_FIRST.search(first.text) if first is not None and len(first) <= 40 else None
    if issuer_first is None or not _BYLINE.match(first.text):
        return None
    after = first.start_char + issuer_first.end()
    by = next((t for t in first if t.idx >= after and t.lower_ == "by"), None)
    if by is None:
        return None  # "- Press Release": a body's, no one's "I"
    # "by the Prime Minister" that the issuer's office names before ("Office of the Prime Minister")
    return next((m.actor for t in first if t.i > by.i and (m := found.get(t.i)) is not None), None) \
        or _byline_state(doc, found)


def _named_in_byline(doc: Doc, found: dict[int, Mention], kind: str) -> Actor | None:
    """The first actor of `kind` named in a statement's opening byline, if the paragraph opens with one."""
    first = next(iter(doc.sents), None)
    if first is None or len(first) > 40 or not _BYLINE.match(first.text):
        return None
    issuer_first = _ISSUER_FIRST.search(first.text)  # the issuer is named before the dash, its subject after
    end = first.start_char + issuer_first.start() if issuer_first else first.end_char
    return next((m.actor for t in first if t.idx < end and (m := found.get(t.i)) is not None and m.actor.kind == kind),
                None)


def _byline_state(doc: Doc, found: dict[int, Mention]) -> Actor | None:
    """The state a statement's byline names ("Press Statement by Philip J. Crowley, Assistant Secretary,
    Bureau of Public Affairs, Washington, DC:"): "we" when its author's own state is unknown."""
    return _named_in_byline(doc, found, "country")


def _quoting(doc: Doc) -> Iterator[tuple[Token, bool]]:
    """Each word of a paragraph, and whether it stands inside quotation marks (a mark itself counts
    as inside when it opens a quote)."""
    quotes = 0
    for tok in doc:
        quotes += tok.text in ('"', "“", "”")
        yield tok, bool(quotes % 2)


FIRST_PERSON_SINGULAR = frozenset({"i", "me", "my"})  # a statement's author
FIRST_PERSON_PLURAL = frozenset({"we", "us", "our"})  # the state it speaks for
FIRST_PERSON = FIRST_PERSON_SINGULAR | FIRST_PERSON_PLURAL


def _first_person(doc: Doc, found: dict[int, Mention], author: Actor | None, byline_state: Actor | None,
                  lexicon: Lexicon) -> Iterator[tuple[Token, Actor]]:
    """ "I", "me", "my" outside quotes in a statement with a byline are its author; "we", "our",
    "us" the author's state, else the state the byline names (the issuer of "The following press
    release was issued today by the U.S. Department of the Treasury:")."""
    state = (lexicon.country_actor(author.country) if author is not None and author.country else None) or byline_state
    if author is None and state is None:
        return
    for tok, quoted in _quoting(doc):
        if tok.i in found or quoted:
            continue
        if tok.lower_ in FIRST_PERSON_SINGULAR and author is not None:
            yield tok, author
        elif tok.lower_ in FIRST_PERSON_PLURAL and tok.text != "US" and state is not None:
            yield tok, state  # an author of no known state ("NSC Spokesperson Adrienne Watson") is no "we"


def _quoted_we(doc: Doc, found: dict[int, Mention]) -> Iterator[tuple[Token, Actor]]:
    """ '"The Chinese side condemns the attacks," spokesman Hong Lei said. "We urge the Vietnamese
    side to ..."': "we" and "us" in a quoted sentence that names no speaker of its own are who the
    paragraph says speaks: the subject of the reporting verb last before them, else of the first after."""
    reporting = words()["reporting"]
    inside = [tok for tok, quoted in _quoting(doc) if quoted and tok.lower_ in ("we", "us") and tok.text != "US"
              and tok.i not in found and not any(t.lemma_.lower() in reporting for t in tok.sent)]
    said = [t for t in doc if t.lemma_.lower() in reporting and t.pos_ == "VERB" and any(s.i in found for s in subjects(t))]
    for tok in inside if said else []:  # the attribution last before it, else the first after it
        verb = next((t for t in reversed(said) if t.i < tok.i), said[0])
        yield tok, next(found[s.i].actor for s in subjects(verb) if s.i in found)


def _surname_before(memory: _Salience, span: Span, offset: int) -> Actor | None:
    """The person named before whose surname a one-word name of a place or body is ("Hague welcomed
    the outcome" after "Foreign Secretary William Hague"): the person, not the Netherlands; or of another
    person the lexicon holds under another spelling ("Gaddafi" after "Moammar Gaddafi": the one named
    before, not the lexicon's Muammar Gaddafi)."""
    if len(span) != 1 or not span[0].text[:1].isupper():
        return None
    at, word = offset + span.start_char, normalize(span.text).casefold()
    return next((a for where, a, _ in reversed(memory.persons)
                 if where < at and len(a.name.split()) > 1
                 and word in (normalize(n).casefold().split()[-1] for n in (a.name, memory.spelled.get(a.name, a.name)))),
                None)


def _possessor_subject(tok: Token, found: dict[int, Mention]) -> Actor | None:
    """The person subject of the clause, before it, that a possessive in the object refers to."""
    actor = _clause_subject(tok, found, deps=("nsubj",), before=True)
    return actor if actor is not None and actor.kind == "person" else None


def _clause_subject(tok: Token, found: dict[int, Mention], deps: tuple[str, ...] = ("nsubj", "nsubjpass"),
                    before: bool = False) -> Actor | None:
    """The actor subject of the clause of `tok` (`before`: only a subject that comes before it)."""
    verb = tok.head
    while verb.dep_ not in ("ROOT",) and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    for c in verb.children:
        if c.dep_ in deps and c.i in found and (not before or c.i < tok.i):
            return found[c.i].actor
    return None



def _definite(tok: Token, found: dict[int, Mention]) -> bool:
    return any(
        c.lower_ in ("the", "his", "her", "its", "their") or c.dep_ == "poss" or c.i in found
        for c in tok.children
    )


def _neighbour(tok: Token, found: dict[int, Mention], named: Counter[str], lexicon: Lexicon) -> Actor | None:
    """ "His South American neighbor", "neighboring countries": the bordering country of the
    clause's subject (or the noun's possessor) that the article has named most (GeoNames borders)."""
    if tok.pos_ != "NOUN" or not (tok.lemma_.lower() in words()["neighbour_noun"] or any(
            c.dep_ in ("amod", "compound") and c.lower_ in words()["neighbour_adj"] for c in tok.children)):
        return None
    owners = [c for c in tok.children if c.dep_ == "poss"]
    verb = tok
    for _ in range(8):  # the subject of the clause, else of the clause above ("Qatar said it will not ...")
        if verb.pos_ in ("VERB", "AUX"):
            owners += [c for c in verb.children if c.dep_ == "nsubj"]
        if verb.head.i == verb.i:
            break
        verb = verb.head
    own = next((found[c.i].actor.country for c in owners if c.i in found and found[c.i].actor.country), None)
    if own is None:
        return None
    best = max(neighbours(own), key=lambda code: (named[code], code), default=None)
    return lexicon.country_actor(best) if best is not None and named[best] else None


def _leader(tok: Token, found: dict[int, Mention], lexicon: Lexicon, on: str | None) -> Actor | None:
    """The country or organisation of "U.S.-led" or "Saudi-led" before a noun ("forces"), not yet
    an actor (not "Russia-backed separatists": who backs is not who acts)."""
    head, doc = tok.head, tok.doc
    if tok.dep_ not in ("amod", "nummod", "compound", "nmod") or head.i in found or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if tok.lower_.endswith("-led") and len(tok) > 4:
        actor = lexicon.lookup(tok.text[:-4], on) or lexicon.lookup_demonym(tok.text[:-4])
    elif tok.lower_ == "led" and tok.i >= 2 and doc[tok.i - 1].text == "-" and tok.i - 2 in found:
        actor = found[tok.i - 2].actor
    else:
        return None
    return actor if actor is not None and actor.kind in ("country", "organization") else None


def _relational(tok: Token, offset: int, resolved: dict[int, Mention], memory: _Salience) -> Actor | None:
    """ "His host", "the guest": the person the article names most, other than the sentence's subject."""
    subject = next((t for t in tok.sent if t.dep_ == "nsubj"), None)
    m = resolved.get(offset + subject.idx) if subject is not None else None
    return memory.most_named(offset + tok.idx, exclude=[m.actor.name] if m is not None else [])
