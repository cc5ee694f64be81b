"""Merging: the mentions of one real-world event, across sentences and articles, share a `cluster_id`.

Five outlets' reports of one summit are five or more extracted events (mentions).
`cluster_ids` gives each the id of the real-world event it reports, `assign_clusters` sets it on
the events, and `merge_events` makes one row per real-world event (merged_events.jsonl: its best
date and parties, the counts of mentions, articles and outlets, and the ids of all its mentions),
as GDELT 2 keeps its Events table apart from its Mentions.

Two mentions report one event when

* their types are the same or a pair of data/merge_types.csv (a meeting told as "talks");
* their modality agrees: what happened stays apart from what was planned or wished, from the
  hypothetical and from the negated;
* their parties agree, compared as states (a president stands for his country through
  `actor_countries`) and as sets, since one report may leave a party out: source against source
  and target against target, or both sides at once for the mutual types of event_types.csv; two
  different people of one state ("Lavrov" and "Putin") keep events apart;
* their dates overlap: a day, a month, a year; a date carried from context may be a day off, a
  date that fell back to publication stands for "on or a few days before";
* a statement merges only with the same speaker's words reported alike in another article.

A mention that names one side only, or has no date of its own, joins a cluster only when exactly
one fits. Inside one article, a definite re-mention ("the talks", "their meeting") joins the
closest event of its kind, even when the sentence names other parties (its host, say).

Mentions are taken most specific first (a day read in the text, both sides named), in an order
that depends on their content only: the same events in any order, from any number of workers,
give the same clusters, whose id is a hash of their sorted mention ids. Clusters are found
through an index on (type group, modality, party, month), never by comparing all pairs.
"""
from __future__ import annotations

import calendar
import datetime
import difflib
import functools
import hashlib
import json
import os
import re
import zlib
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import groupby
from urllib.parse import urlsplit

from .datafiles import one_of, read_table
from .export import EventSpool, atomic_open, csv_cell, csv_writer, sorted_events, spool_events
from .lexicon import spelling
from .model import EVENT_TYPES, Event
from .rules import event_types, words

#: The columns of merged_events.jsonl / .csv, in order.
MERGED_FIELDS = (
    "id", "type", "types", "cameo", "plover", "date", "date_end", "date_precision", "date_text", "date_basis",
    "modality", "source", "target", "actors", "source_countries", "target_countries", "location",
    "num_mentions", "num_articles", "num_sources", "outlets", "article_ids", "first_article_date",
    "last_article_date", "sentence", "evidence_id", "article_title", "article_url", "confidence", "mention_ids",
)
MERGED_LIST_FIELDS = ("types", "source", "target", "actors", "source_countries", "target_countries", "outlets",
                      "article_ids", "mention_ids")

#: Modalities that may describe one happening: a plan and a wish for the same future meeting.
MODALITY_GROUPS = {"occurred": "occurred", "planned": "future", "intended": "future",
                   "hypothetical": "hypothetical", "negated": "negated"}
#: Days before publication that a date fallen back to the publication date may stand for.
PUBLICATION_WINDOW = 3
#: Days a date carried from context may be off (the report's day for the event's).
CONTEXT_SLACK = 1
#: A mention that is not specific enough (one side only, or no firm day) joins the best of several
#: clusters only when it fits that one by this much more than the next (a shared date or place).
CLEAR_MARGIN = 1.0
#: An undated mention (a background event) joins another article's event only when the two
#: articles came out within this many days: the same story's coverage, not any story's.
NEWS_CYCLE = 7
#: Beyond this many candidate clusters a mention without a date is ambiguous.
MAX_CANDIDATES = 50
#: A statement joins another article's report of the same words: shared content words (at least
#: STATEMENT_WORDS, and this share of the shorter sentence's).
STATEMENT_OVERLAP = 0.5
STATEMENT_WORDS = 3

_RANK_BY_PRECISION = {"day": 0, "month": 2, "year": 4}
_RANK_PUBLICATION, _RANK_NONE = 5, 6


@functools.lru_cache(maxsize=1)
def merge_types() -> frozenset[frozenset[str]]:
    """Pairs of different event types that may report one event (data/merge_types.csv)."""
    types = one_of(event_types())
    rows = read_table("merge_types.csv", ("type", "other", "note"), required=("type", "other"),
                      checks={"type": types, "other": types})
    return frozenset(frozenset((r["type"], r["other"])) for r in rows)


@functools.lru_cache(maxsize=1)
def _type_groups() -> dict[str, str]:
    """Each type's block: the first type of its group of mergeable types (meeting for talks)."""
    group = {t: t for t in EVENT_TYPES}
    for pair in sorted(sorted(p) for p in merge_types()):
        a, b = (group[t] for t in pair)
        low, high = min(a, b), max(a, b)
        group = {t: (low if g == high else g) for t, g in group.items()}
    return group


def types_compatible(a: str, b: str) -> bool:
    """Whether events of types `a` and `b` may report one real-world event.

    >>> types_compatible("meeting", "talks"), types_compatible("talks", "agreement")
    (True, False)
    """
    return a == b or frozenset((a, b)) in merge_types()


@dataclass(frozen=True, slots=True)
class _Mention:
    """What merging needs of an event: compact, since a corpus holds hundreds of thousands."""

    order: tuple  # the processing order: rank, completeness, then content only
    id: str
    article: str
    type: str
    modality: str  # its MODALITY_GROUPS group
    span: tuple[int, int] | None  # first and last day of its date (ordinals)
    reach: tuple[int, int] | None  # the days it may stand for: its span, and a day or so more when not from the text
    rank: int  # 0 (a day read in the text) ... 6 (no date)
    sides: tuple[frozenset[str], frozenset[str]]  # party keys (source, target); mutual: (all, ())
    names: frozenset[str]
    persons: frozenset[tuple[str, str]]  # (country, person) of people who serve a state
    place: str | None
    sentence_index: int
    remention: bool  # a definite noun trigger ("the talks") that may refer back
    words: bytes | None  # content-word hashes of a statement's sentence
    full: bool  # both sides named (two parties for a mutual type)
    published: int  # the article's publication day (ordinal), 0 if unknown


@dataclass(slots=True)
class _Cluster:
    first: _Mention
    members: list[int] = field(default_factory=list)
    types: set[str] = field(default_factory=set)
    span: tuple[int, int] | None = None
    sides: tuple[set[str], set[str]] = field(default_factory=lambda: (set(), set()))
    names: set[str] = field(default_factory=set)
    persons: dict[str, set[str]] = field(default_factory=dict)
    places: set[str] = field(default_factory=set)
    articles: dict[str, int] = field(default_factory=dict)  # article -> last sentence index seen
    words: list[bytes] = field(default_factory=list)
    published: tuple[int, int] = (0, 0)  # first and last publication day of its articles


@functools.cache
def _mutual(etype: str) -> bool:
    policy = event_types().get(etype)
    return bool(policy and policy.mutual)


def _hard(keys: Iterable[str]) -> set[str]:
    """The keys that name a state, an international body or an armed group, not an unplaced name."""
    return {k for k in keys if not k.startswith("@")}


def cluster_ids(events: Iterable[Event]) -> list[str]:
    """The `cluster_id` of each event, in the order of `events`.

    Args:
        events: extracted events (mentions), from one article or a whole corpus.
    Returns:
        one id per event: the hash of the sorted ids of the mentions of its real-world event.

    >>> a = Event.from_dict({"id": "a", "type": "meeting", "date": "2025-08-23", "date_precision": "day",
    ...     "date_basis": "text", "source": ["Japan"], "target": ["South Korea"], "actors": ["Japan", "South Korea"],
    ...     "actor_countries": ["JPN", "KOR"], "actor_kinds": ["country", "country"], "article_id": "1"})
    >>> b = replace(a, id="b", type="talks", article_id="2")
    >>> c = replace(a, id="c", date="2025-08-24", article_id="3")
    >>> ids = cluster_ids([a, b, c])
    >>> ids[0] == ids[1] != ids[2]
    True
    """
    interner: dict = {}
    mentions = [_mention(e, interner) for e in events]
    del interner
    return _Clusterer(mentions).run()


def assign_clusters(events: Iterable[Event]) -> Iterator[Event]:
    """The events, in their order, each with its `cluster_id` set (see `cluster_ids`).

    A list or an `EventSpool` is read twice; any other iterable is parked in a temporary file first.
    """
    if isinstance(events, (list, tuple, EventSpool)):
        ids = cluster_ids(events)
        for e, cid in zip(events, ids, strict=True):
            yield replace(e, cluster_id=cid)
        return
    with spool_events(events) as spool:
        yield from assign_clusters(spool)


class _Clusterer:
    """Greedy clustering of mentions, most specific first, over a blocking index."""

    def __init__(self, mentions: list[_Mention]):
        self.mentions = mentions
        self.clusters: list[_Cluster] = []
        self.of: list[int] = [-1] * len(mentions)
        self.index: dict[tuple, list[int]] = defaultdict(list)
        self.by_article: dict[str, list[int]] = defaultdict(list)

    def run(self) -> list[str]:
        for k in sorted(range(len(self.mentions)), key=lambda k: self.mentions[k].order):
            m = self.mentions[k]
            c, widen = self._choose(m)
            if c is None:
                c = len(self.clusters)
                self.clusters.append(_Cluster(first=m, span=m.span))  # its own date, not its reach
            self._add(c, k, m, widen)
        ids = [_cluster_hash(sorted(self.mentions[k].id for k in c.members)) for c in self.clusters]
        return [ids[c] for c in self.of]

    def _choose(self, m: _Mention) -> tuple[int | None, bool]:
        """The cluster `m` joins (None: a new one), and whether its parties count for that cluster.

        A re-mention joins by reference, not by its parties: they do not widen the cluster.
        """
        scored = []
        for c in self._candidates(m):
            s = _fits(m, self.clusters[c])
            if s is not None:
                scored.append((s, c))
        # ties go to the cluster begun first in processing order: an order of content only
        scored.sort(key=lambda sc: (-sc[0], self.clusters[sc[1]].first.order))
        if m.full and m.rank < _RANK_PUBLICATION:
            return (scored[0][1] if scored else None), True
        if scored:
            unambiguous = len(scored) == 1 or scored[0][0] >= scored[1][0] + CLEAR_MARGIN
            return (scored[0][1] if unambiguous else None), True
        if m.remention or not (m.sides[0] or m.sides[1]):
            c = self._referent(m)
            return c, c is None
        return None, True

    def _candidates(self, m: _Mention) -> list[int]:
        keys = m.sides[0] | m.sides[1]
        group = _type_groups()[m.type]
        if m.span is None:
            found = {c for key in keys for c in self.index.get((group, m.modality, key, None), ())}
            found |= {c for c in self.by_article.get(m.article, ())}
            return sorted(found)[:MAX_CANDIDATES] if len(found) <= MAX_CANDIDATES else []
        found = set()
        for month in _months(m.reach):
            for key in keys:
                found.update(self.index.get((group, m.modality, key, month), ()))
        return sorted(found)

    def _referent(self, m: _Mention) -> int | None:
        """The cluster a definite re-mention refers to: of its article, its kind, the closest before it."""
        best = None
        for c in self.by_article.get(m.article, ()):
            cl = self.clusters[c]
            if cl.first.modality != m.modality or not all(types_compatible(m.type, t) for t in cl.types):
                continue
            if not _dates_meet(m.reach, cl.span) or m.type == "statement":
                continue
            last = cl.articles[m.article]
            key = (last > m.sentence_index, abs(last - m.sentence_index), cl.first.order)
            if best is None or key < best[0]:
                best = (key, c)
        return best[1] if best else None

    def _add(self, c: int, k: int, m: _Mention, widen: bool) -> None:
        cl = self.clusters[c]
        self.of[k] = c
        cl.members.append(k)
        cl.types.add(m.type)
        if m.reach is not None and cl.span is not None and len(cl.members) > 1:
            cl.span = (max(cl.span[0], m.reach[0]), min(cl.span[1], m.reach[1]))
        if m.article not in cl.articles:
            self.by_article[m.article].append(c)
        cl.articles[m.article] = max(cl.articles.get(m.article, -1), m.sentence_index)
        if m.published:
            lo, hi = cl.published
            cl.published = (min(lo, m.published) if lo else m.published, max(hi, m.published))
        if m.words is not None and len(cl.words) < 5:
            cl.words.append(m.words)
        if not widen:
            return
        new_keys = (m.sides[0] | m.sides[1]) - cl.sides[0] - cl.sides[1]
        cl.sides[0].update(m.sides[0])
        cl.sides[1].update(m.sides[1])
        cl.names.update(m.names)
        for country, person in m.persons:
            cl.persons.setdefault(country, set()).add(person)
        if m.place:
            cl.places.add(m.place)
        group, months = _type_groups()[m.type], (_months(cl.first.span) if cl.first.span else ())
        for key in (new_keys if len(cl.members) > 1 else m.sides[0] | m.sides[1]):
            self.index[(group, cl.first.modality, key, None)].append(c)
            for month in months:
                self.index[(group, cl.first.modality, key, month)].append(c)


def _fits(m: _Mention, cl: _Cluster) -> float | None:
    """How well mention `m` fits cluster `cl`; None when they cannot report one event."""
    if m.modality != cl.first.modality or not all(types_compatible(m.type, t) for t in cl.types):
        return None
    # a mention with one side only and no day of its own has no slack on its date
    if not _dates_meet(m.reach if m.full or m.rank == 0 else m.span, cl.span):
        return None
    if m.span is None and m.article not in cl.articles and not _same_news_cycle(m, cl):
        return None
    if _sides_conflict(m, cl) or _persons_conflict(m, cl):
        return None
    shared = len(_hard(m.sides[0] | m.sides[1]) & _hard(cl.sides[0] | cl.sides[1]))
    shared_names = len(m.names & cl.names)
    if not shared and not shared_names:
        return None
    score = min(shared, 3) + 0.5 * min(shared_names, 4)
    if m.type == "statement":
        if m.article in cl.articles or not shared_names or not _same_words(m.words, cl.words):
            return None
        score += 2
    if m.span and cl.span and m.span == cl.span and m.rank <= 1:
        score += 1
    if m.place and cl.places:
        score += 1 if m.place in cl.places else -2
    if m.article in cl.articles:
        score += 0.5
    return score


def _same_news_cycle(m: _Mention, cl: _Cluster) -> bool:
    """Whether an undated mention's article came out within NEWS_CYCLE days of one of the cluster's."""
    lo, hi = cl.published
    return bool(m.published and lo) and lo - NEWS_CYCLE <= m.published <= hi + NEWS_CYCLE


def _dates_meet(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    """Whether two day intervals overlap; an unknown date meets any."""
    return a is None or b is None or (a[0] <= b[1] and b[0] <= a[1])


def _sides_conflict(m: _Mention, cl: _Cluster) -> bool:
    """Whether the states on either side exclude each other (neither set holds the other)."""
    if _mutual(m.type) != _mutual(cl.first.type):  # a mutual type beside a directed one: compare all parties
        pairs = [(m.sides[0] | m.sides[1], cl.sides[0] | cl.sides[1])]
    else:
        pairs = list(zip(m.sides, cl.sides, strict=True))
    for mine, theirs in pairs:
        a, b = _hard(mine), _hard(theirs)
        if a and b and not (a <= b or b <= a):
            return True
    return False


def _persons_conflict(m: _Mention, cl: _Cluster) -> bool:
    """Whether the two name different people, and no one in common, for one state. One person spelled
    two ways by two outlets ("Michel Suleiman", "Michel Sleiman": events keep each article's spelling)
    is one person."""
    mine: dict[str, set[str]] = {}
    for country, person in m.persons:
        mine.setdefault(country, set()).add(person)
    return any(country in cl.persons and not (people & cl.persons[country]) and not any(
        _same_person(a, b) for a in people for b in cl.persons[country]) for country, people in mine.items())


@functools.lru_cache(maxsize=4096)
def _same_person(a: str, b: str) -> bool:
    """Two spellings of one name: nearly the same letters, accents aside ("Yousuf Raza Gilani", "Yousaf
    Raza Gilani"); not two people of one family ("Raul Castro", "Fidel Castro")."""
    return difflib.SequenceMatcher(None, spelling(a), spelling(b)).ratio() >= SAME_PERSON_RATIO


SAME_PERSON_RATIO = 0.85  # "michel suleiman" ~ "michel sleiman" 0.97; "raul castro" ~ "fidel castro" 0.61


def _same_words(words: bytes | None, others: list[bytes]) -> bool:
    if not words:
        return False
    a = set(array("I", words))
    for w in others:
        b = set(array("I", w))
        common = len(a & b)
        if common >= STATEMENT_WORDS and common >= STATEMENT_OVERLAP * min(len(a), len(b)):
            return True
    return False


def _months(span: tuple[int, int]) -> range:
    """The months (year * 12 + month - 1) that a day interval touches."""
    lo, hi = (datetime.date.fromordinal(d) for d in span)
    return range(lo.year * 12 + lo.month - 1, hi.year * 12 + hi.month)


def _cluster_hash(ids: list[str]) -> str:
    return hashlib.sha1("\n".join(ids).encode("utf-8")).hexdigest()[:16]


# --- mentions ---------------------------------------------------------------------------------

_CONTENT_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z]{4,}(?![\w-])")


def _mention(e: Event, interner: dict) -> _Mention:
    span, rank = _date_span(e)
    reach = _reach(span, e)
    keys, persons = _party_keys(e)
    src = frozenset(keys.get(a, "@" + a) for a in e.source)
    tgt = frozenset(keys.get(a, "@" + a) for a in e.target)
    sides = (src | tgt, frozenset()) if _mutual(e.type) else (src, tgt)
    sides = tuple(interner.setdefault(s, s) for s in sides)
    full = _is_full(e.type, sides)
    statement_words = None
    if e.type == "statement":
        hashes = sorted({zlib.crc32(w.encode()) for w in _CONTENT_WORD.findall(e.sentence)})
        statement_words = array("I", hashes).tobytes()
    names = frozenset(e.actors)
    return _Mention(
        order=(rank, not full, span or (0, 0), e.article_id, e.sentence_index, e.trigger_start, e.type, e.id),
        id=e.id, article=e.article_id, type=e.type, modality=MODALITY_GROUPS.get(e.modality, e.modality),
        span=span, reach=reach, rank=rank, sides=sides, names=interner.setdefault(names, names),
        persons=interner.setdefault(persons, persons), place=_place(e.location), sentence_index=e.sentence_index,
        remention=_is_remention(e), words=statement_words, full=full,
        published=(_interval(e.article_date) or (0, 0))[0])


def _is_full(etype: str, sides: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Whether a mention names both sides: two states for a mutual type, a source and a target for
    another; a speaker for a statement, a perpetrator for an attack (types with a place fallback)."""
    src, tgt = _hard(sides[0]), _hard(sides[1])
    if _mutual(etype):
        return len(src) >= 2
    policy = event_types().get(etype)
    one_party = bool(policy and (policy.reporting or policy.place_fallback))
    return bool(src and (tgt or one_party))


def _party_keys(e: Event) -> tuple[dict[str, str], frozenset[tuple[str, str]]]:
    """Each actor's key (its state's code, or its name) and the (state, person) pairs of `e`."""
    keys, persons = {}, set()
    for k, name in enumerate(e.actors):
        code = e.actor_countries[k] if k < len(e.actor_countries) else ""
        kind = e.actor_kinds[k] if k < len(e.actor_kinds) else ""
        # a body or person of no known state is matched by name only, never against a state
        keys[name] = code or (("#" if kind in ("group", "country") else "@") + name)
        if kind == "person" and code:
            persons.add((code, name))
    return keys, frozenset(persons)


def _date_span(e: Event) -> tuple[tuple[int, int] | None, int]:
    """The days the event may have happened on (ordinals), and how firm that is (see `_RANK_*`)."""
    if not e.date or e.date_basis == "none":
        return None, _RANK_NONE
    if e.date_basis == "publication":
        day = _interval(e.article_date or e.date)
        return ((day[1] - PUBLICATION_WINDOW, day[1]) if day else None), _RANK_PUBLICATION
    span = _interval(e.date)
    if span is None:
        return None, _RANK_NONE
    end = _interval(e.date_end) if e.date_end else None
    if end:
        span = (span[0], max(span[1], end[1]))
    precision = "day" if span[0] == span[1] else ("month" if span[1] - span[0] < 31 else "year")
    rank = _RANK_BY_PRECISION[precision] + (e.date_basis == "context" and precision != "year")
    return span, rank


def _reach(span: tuple[int, int] | None, e: Event) -> tuple[int, int] | None:
    """The days a mention may stand for: a day carried from context may be the report's, a day after the event
    (or before it, for what is planned)."""
    if span is None or e.date_basis != "context" or span[0] != span[1]:
        return span
    if MODALITY_GROUPS.get(e.modality) == "future":
        return span[0], span[1] + CONTEXT_SLACK
    return span[0] - CONTEXT_SLACK, span[1]


def _interval(iso: str | None) -> tuple[int, int] | None:
    """First and last day of an ISO date at its precision, as ordinals; None if not a date.

    >>> [datetime.date.fromordinal(d).isoformat() for d in _interval("2024-02")]
    ['2024-02-01', '2024-02-29']
    """
    try:
        parts = [int(p) for p in (iso or "").split("-")]
        if len(parts) == 3:
            d = datetime.date(*parts).toordinal()
            return d, d
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return datetime.date(parts[0], parts[1], 1).toordinal(), datetime.date(parts[0], parts[1], last).toordinal()
        if len(parts) == 1:
            return datetime.date(parts[0], 1, 1).toordinal(), datetime.date(parts[0], 12, 31).toordinal()
    except (ValueError, TypeError):
        pass
    return None


def _place(location: str | None) -> str | None:
    return re.sub(r"^the\s+", "", location.strip().lower()) if location else None


def _is_remention(e: Event) -> bool:
    """Whether the trigger is a noun after a definite word ("the talks", "their meeting")."""
    at = e.trigger_start - e.char_start
    if at <= 0 or at > len(e.sentence):
        return False
    before = e.sentence[:at].split()
    return bool(before) and before[-1].lower() in words().get("definite_det", frozenset())


# --- merged events ------------------------------------------------------------------------------

def merge_events(events: Iterable[Event]) -> Iterator[dict]:
    """One row per real-world event (the columns of MERGED_FIELDS), in date order, undated last.

    Args:
        events: events whose `cluster_id` is set (`assign_clusters`); an `EventSpool` is
            re-ordered on disk, never read into memory.
    Returns:
        the merged rows, ordered by date, then id.
    """
    keys = {}
    for cid, group in groupby(sorted_events(events, key=_by_cluster), key=lambda e: e.cluster_id):
        best = _best_date(list(group))
        keys[cid] = (best.date is None, best.date or "", cid)
    for _, group in groupby(sorted_events(events, key=lambda e: (keys[e.cluster_id], _by_cluster(e))),
                            key=lambda e: e.cluster_id):
        yield merged_row(list(group))


def _by_cluster(e: Event) -> tuple:
    return (e.cluster_id, e.article_date or "", e.article_id, e.char_start, e.trigger_start, e.type, e.id)


def merged_row(mentions: list[Event]) -> dict:
    """The merged row of the mentions of one real-world event (see MERGED_FIELDS)."""
    types = Counter(e.type for e in mentions)
    etype = min(types, key=lambda t: (-types[t], EVENT_TYPES.index(t) if t in EVENT_TYPES else 99, t))
    best = _best_date(mentions)
    evidence = min(mentions, key=lambda e: _evidence_rank(e, etype))
    cameos = Counter((e.cameo, e.plover) for e in mentions if e.type == etype)
    cameo, plover = min(cameos, key=lambda cp: (-cameos[cp], cp[0] or "", cp[1] or ""))
    source, target, actors, countries = _parties(mentions, evidence)
    modalities = {e.modality for e in mentions}
    modality = next((m for m in ("occurred", "planned", "intended", "hypothetical", "negated") if m in modalities),
                    evidence.modality)
    places = Counter(e.location for e in mentions if e.location)
    articles = {e.article_id: e for e in mentions}
    outlets = sorted({_outlet(e) for e in mentions} - {""})
    published = sorted(e.article_date for e in mentions if e.article_date)
    return {
        "id": mentions[0].cluster_id or _cluster_hash(sorted(e.id for e in mentions)),
        "type": etype, "types": sorted(types, key=lambda t: (-types[t], t)), "cameo": cameo, "plover": plover,
        "date": best.date, "date_end": best.date_end, "date_precision": best.date_precision,
        "date_text": best.date_text, "date_basis": best.date_basis, "modality": modality,
        "source": source, "target": target, "actors": actors,
        "source_countries": _codes(source, countries), "target_countries": _codes(target, countries),
        "location": min(places, key=lambda p: (-places[p], p)) if places else None,
        "num_mentions": len(mentions), "num_articles": len(articles), "num_sources": len(outlets),
        "outlets": outlets, "article_ids": sorted(articles),
        "first_article_date": published[0] if published else None,
        "last_article_date": published[-1] if published else None,
        "sentence": evidence.sentence, "evidence_id": evidence.id, "article_title": evidence.article_title,
        "article_url": evidence.article_url, "confidence": max(e.confidence for e in mentions),
        "mention_ids": sorted(e.id for e in mentions),
    }


_BASIS_RANK = {"text": 0, "context": 1, "publication": 2, "none": 3}
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "unknown": 3}


def _best_date(mentions: list[Event]) -> Event:
    """The mention whose date is best: read in a text or its context, the most precise, the most told."""
    told = Counter((e.date, e.date_end) for e in mentions if e.date)
    return min(mentions, key=lambda e: (
        e.date is None or e.date_basis in ("publication", "none"), _PRECISION_RANK.get(e.date_precision, 3),
        _BASIS_RANK.get(e.date_basis, 3), -told[(e.date, e.date_end)], e.date or "", e.id))


def _evidence_rank(e: Event, etype: str) -> tuple:
    return (e.type != etype, not (e.source and e.target), _BASIS_RANK.get(e.date_basis, 3), -e.confidence,
            e.article_date or "9999", e.id)


def _parties(mentions: list[Event], evidence: Event) -> tuple[list[str], list[str], list[str], dict[str, str]]:
    """Source, target and all actors of the merged event: each actor on the side most reports give it."""
    as_source, as_target, seen, countries = Counter(), Counter(), Counter(), {}
    for e in mentions:
        as_source.update(set(e.source))
        as_target.update(set(e.target))
        seen.update(set(e.actors))
        for k, name in enumerate(e.actors):
            if k < len(e.actor_countries) and e.actor_countries[k]:
                countries.setdefault(name, e.actor_countries[k])
    first = {a: k for k, a in enumerate(evidence.actors)}

    def ranked(names) -> list[str]:
        return sorted(names, key=lambda a: (-seen[a], first.get(a, len(first)), a))

    source = ranked(a for a in as_source if as_source[a] >= as_target[a])
    target = ranked(a for a in as_target if as_target[a] > as_source[a])
    others = ranked(a for a in seen if a not in as_source and a not in as_target)
    return source, target, source + target + others, countries


def _codes(names: list[str], countries: dict[str, str]) -> list[str]:
    return list(dict.fromkeys(countries[a] for a in names if a in countries))


def _outlet(e: Event) -> str:
    """The outlet of an event's article: `article_outlet` if the record has one, else the URL's site."""
    outlet = getattr(e, "article_outlet", None)
    if outlet:
        return str(outlet)
    if e.article_url:
        host = urlsplit(e.article_url).hostname or ""
        if host:
            return host.removeprefix("www.")
    return e.article_source.split(":", 1)[0] if e.article_source else ""


def merged_to_row(row: dict) -> dict:
    """A merged row as a flat CSV row, list fields joined by `;`."""
    return {k: (";".join(row[k]) if k in MERGED_LIST_FIELDS else ("" if row[k] is None else row[k]))
            for k in MERGED_FIELDS}


def write_merged_events(events: Iterable[Event], jsonl_path: str | os.PathLike,
                        csv_path: str | os.PathLike | None = None) -> int:
    """Write merged_events.jsonl (and the CSV beside it) atomically; return the number of rows.

    Args:
        events: events whose `cluster_id` is set.
        jsonl_path: the JSONL file to write; csv_path: the CSV file, if any.
    """
    with atomic_open(jsonl_path) as fj, (atomic_open(csv_path) if csv_path else _no_file()) as fc:
        w = csv_writer(fc) if fc else None
        if w:
            w.writerow(MERGED_FIELDS)
        n = 0
        for row in merge_events(events):
            fj.write(json.dumps(row, ensure_ascii=False) + "\n")
            if w:
                flat = merged_to_row(row)
                w.writerow([csv_cell(flat[k]) for k in MERGED_FIELDS])  # no spreadsheet formula
            n += 1
    return n


class _no_file:
    def __enter__(self):
        return None

    def __exit__(self, *exc) -> None:
        return None


def read_merged_events(path: str | os.PathLike) -> Iterator[dict]:
    """Read the rows of a merged_events.jsonl written by `write_merged_events`."""
    from .export import iter_jsonl

    for _, row in iter_jsonl(path):
        yield row


def merge_event_files(events_path: str | os.PathLike, out_dir: str | os.PathLike) -> tuple[int, int]:
    """Re-merge an events JSONL file: write `out_dir`/events.jsonl with fresh cluster ids, and merged_events.*.

    Args:
        events_path: events as `timeline extract` or `build` wrote them, filtered or corrected by hand.
        out_dir: the folder to write into (it may hold `events_path` itself: the input is read first).
    Returns:
        the number of events and of merged (real-world) events.
    """
    from pathlib import Path

    from .export import read_events, write_events_jsonl
    from .pipeline import event_order

    out = Path(out_dir)
    with spool_events(read_events(events_path), out) as mentions, \
            spool_events(assign_clusters(mentions), out, key=event_order) as spool:
        with atomic_open(out / "events.jsonl") as f:
            count = write_events_jsonl(spool, f)
        merged = write_merged_events(spool, out / "merged_events.jsonl", out / "merged_events.csv")
    return count, merged
