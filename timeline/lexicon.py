"""The actor lexicon: countries, organisations, groups and office holders, with their names.

The lexicon is data (`timeline/data/actors.csv` and `timeline/data/titles.csv`), loaded and
validated by `load_lexicon` into an immutable `Lexicon` that answers three questions:
who does a surface form name (`lookup`, `lookup_demonym`), which canonical title does a
surface form name (`match_title`), and who held a title for a country on a date (`holder`).

actors.csv columns: ``name,kind,country,aliases,demonyms,title,valid_from,valid_to``.
One row per person and role held; a country or organisation row may name, in `title`, the
title of its chief executive (whom "the US leader" means). Lists are ``|``-separated.
titles.csv columns: ``title,aliases,rank`` (rank 1 head of state or government, 2 minister,
3 other); the row order breaks ties between equal ranks.
"""
from __future__ import annotations

import csv
import functools
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from .datafiles import matches, one_of, read_table, read_text
from .errors import LexiconError
from .model import ACTOR_KINDS, Actor

logger = logging.getLogger(__name__)

ACTOR_COLUMNS = ("name", "kind", "country", "aliases", "demonyms", "title", "valid_from", "valid_to")
TITLE_COLUMNS = ("title", "aliases", "rank")
OPTIONAL_ACTOR_COLUMNS = ("sector", "source")
LEADER = "Leader"
DERIVED_ACTOR_FILES = ("petrarch_people.csv", "petrarch_groups.csv", "petrarch_organizations.csv",
                       "petrarch_territories.csv")

_COUNTRY_CODE = re.compile(r"[A-Z]{3}")
_BODY_CODE = re.compile(r"[A-Z][A-Z0-9]{1,7}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# Short all-caps abbreviations collide with ordinary words ("US"/"us", "IS"/"is", "WHO"/"who").
_CASE_SENSITIVE = re.compile(r"(?:[A-Z]\.?){1,3}")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_DASHES = re.compile(r"[-\u2010\u2011\u2012\u2013]")
# Letters that Unicode decomposition leaves alone.
_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i",
                          "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE"})


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One row of actors.csv: an actor, or a person in one role for one term."""

    name: str
    kind: str
    country: str | None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    title: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    sector: str | None = None  # government, military, rebels, opposition, ... (petrarch_people.csv)

    def covers(self, start: str, end: str) -> bool:
        """Whether the term [valid_from, valid_to) overlaps the days start..end (ISO dates)."""
        return (self.valid_from is None or self.valid_from <= end) and (
            self.valid_to is None or self.valid_to > start
        )


@dataclass(frozen=True, slots=True)
class TitleEntry:
    """One row of titles.csv: a canonical title, its surface forms and its rank."""

    title: str
    aliases: tuple[str, ...]
    rank: int


@functools.lru_cache(maxsize=65536)
def spelling(name: str) -> str:
    """A name's letters as an English reader compares two spellings of it: lower case, accents and
    punctuation gone, letters such as "ø" kept apart from "o" ("Jonas Gahr Støre" and "Jonas Gahr
    Store" are two spellings; `normalize` would make them one).

    >>> spelling("Álvaro Uribe"), spelling("Jonas Gahr Støre")
    ('alvaro uribe', 'jonas gahr st re')
    """
    name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", name.lower()).split())


def normalize(text: str) -> str:
    """Normalise a surface form for matching, keeping its case.

    Unifies apostrophes, dashes, whitespace and diacritics, and drops a leading "the " and
    a trailing possessive.

    >>> normalize("the  Kremlin’s")
    'Kremlin'
    >>> normalize("Erdoğan"), normalize("Kim Jong-un")
    ('Erdogan', 'Kim Jong un')
    """
    if text.isascii():  # most names: no accents, curly quotes or special letters to undo
        s = text.replace("`", "'")
    else:
        s = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).translate(_LETTERS)
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = _DASHES.sub(" ", s)
    s = " ".join(s.split())
    if s[:4].lower() == "the " and len(s) > 4:
        s = s[4:]
    if s.endswith("'s"):
        s = s[:-2]
    elif s.endswith("s'"):
        s = s[:-1]
    return s


@functools.lru_cache(maxsize=65536)
def _is_capitalised(s: str) -> bool:
    """Whether a normalised text starts with a capital letter or has no lower-case letters."""
    first = next((c for c in s if c.isalpha()), None)
    if first is None:
        return False
    return first.isupper() or not any(c.islower() for c in s if c.isalpha())


def _case_sensitive(alias: str) -> bool:
    return len(alias) <= 6 and bool(_CASE_SENSITIVE.fullmatch(alias))


def _plural(demonym: str) -> str | None:
    """The regular plural of a demonym ("Russian" -> "Russians"), None when there is none."""
    if demonym.endswith(("s", "sh", "ch", "ese", "x", "z")):
        return None
    return demonym + "s"


def _people_by_country(entries: Iterable[ActorEntry]) -> dict[str, list[ActorEntry]]:
    out: dict[str, list[ActorEntry]] = {}
    for e in entries:
        if e.kind == "person" and e.country:
            out.setdefault(e.country, []).append(e)
    return out


def _group_by_surname(people: Iterable[ActorEntry]) -> dict[str, tuple[ActorEntry, ...]]:
    """The people by the casefolded first and last words of their names ("duterte"; "lee" of Lee Myung-bak)."""
    out: dict[str, list[ActorEntry]] = {}
    for e in people:
        words = normalize(e.name).casefold().split()
        for word in dict.fromkeys((words[0], words[-1])):
            out.setdefault(word, []).append(e)
    return {k: tuple(v) for k, v in out.items()}


def _date_bounds(on: str) -> tuple[str, str]:
    """The first and last day of an ISO date at any precision ("2025-08" -> 08-01..08-31)."""
    m = _PARTIAL_DATE.fullmatch(on.strip())
    if not m:
        raise ValueError(f"not an ISO date: {on!r}")
    year, month, day = m.groups()
    if day:
        return on, on
    if month:
        return f"{year}-{month}-01", f"{year}-{month}-31"
    return f"{year}-01-01", f"{year}-12-31"


class Lexicon:
    """The actor and title lexicon: an immutable value object with lookup indexes.

    >>> lex = load_lexicon()
    >>> lex.lookup("the Kremlin")
    Actor(name='Russia', kind='country', country='RUS', title=None)
    >>> lex.lookup("Trump", on="2019-06-30").title
    'President'
    >>> lex.lookup("us") is None
    True
    """

    __slots__ = (
        "_bodies_with_titles",
        "_by_name",
        "_countries",
        "_demonyms_exact",
        "_demonyms_folded",
        "_exact",
        "_folded",
        "_people_by_country",
        "_people_by_surname",
        "_title_index",
        "_title_order",
        "entries",
        "first_words",
        "lower_first_words",
        "max_alias_tokens",
        "title_words",
        "titles",
    )
    entries: tuple[ActorEntry, ...]
    titles: tuple[TitleEntry, ...]
    max_alias_tokens: int
    title_words: frozenset[str]
    lower_first_words: frozenset[str]
    _by_name: dict[str, tuple[ActorEntry, ...]]
    _exact: dict[str, str]
    _folded: dict[str, str]
    _demonyms_exact: dict[str, str]
    _demonyms_folded: dict[str, str]
    _title_index: dict[str, str]
    _title_order: dict[str, tuple[int, int]]
    _people_by_country: dict[str, list[ActorEntry]]
    _people_by_surname: dict[str, tuple[ActorEntry, ...]]
    _countries: dict[str, str]
    _bodies_with_titles: dict[str, tuple[ActorEntry, ...]]

    def __init__(self, entries: tuple[ActorEntry, ...], titles: tuple[TitleEntry, ...]):
        """Index `entries` (rows of actors.csv) and `titles` (rows of titles.csv).

        Aliases are assumed unique per name (`load_lexicon` validates that); when two names
        share an alias, the later entry wins.
        """
        entries, titles = tuple(entries), tuple(titles)
        by_name: dict[str, list[ActorEntry]] = {}
        exact: dict[str, str] = {}
        folded: dict[str, str] = {}
        dem_exact: dict[str, str] = {}
        dem_folded: dict[str, str] = {}
        max_tokens = 1
        for e in entries:
            by_name.setdefault(e.name, []).append(e)
            for alias in (e.name, *e.aliases):
                key = normalize(alias)
                exact[key] = e.name
                if not _case_sensitive(key):
                    folded[key.casefold()] = e.name
                max_tokens = max(max_tokens, len(key.split()))
            for dem in e.demonyms:
                for form in filter(None, (dem, _plural(dem))):
                    key = normalize(form)
                    dem_exact[key] = e.name
                    if not _case_sensitive(key):
                        dem_folded[key.casefold()] = e.name
        title_index: dict[str, str] = {}
        for t in titles:
            for form in (t.title, *t.aliases):
                title_index.setdefault(normalize(form).casefold(), t.title)
        fields = {
            "entries": entries,
            "titles": titles,
            "max_alias_tokens": max_tokens,
            "_by_name": {name: tuple(sorted(rows, key=lambda r: r.valid_from or "")) if len(rows) > 1 else (rows[0],)
                         for name, rows in by_name.items()},
            "_exact": exact,
            "_folded": folded,
            "_demonyms_exact": dem_exact,
            "_demonyms_folded": dem_folded,
            "_title_index": title_index,
            "_title_order": {t.title: (t.rank, i) for i, t in enumerate(titles)},
            "_people_by_country": _people_by_country(entries),
            "_people_by_surname": _group_by_surname(e for e in entries if e.kind == "person"),
            # country or organisation code -> the name of its own row ("AFG" -> "Afghanistan")
            "_countries": _bodies_by_code(entries),
            # a country's or organisation's own rows that name its chief executive's title
            "_bodies_with_titles": _group_by_country(e for e in entries if e.kind != "person" and e.title),
            # casefolded first words of every name and demonym: where a name can start
            "first_words": _first_words((*exact, *dem_exact)),
            # first words of the names written in lower case ("world powers"): a name may start there
            "lower_first_words": frozenset(k.split()[0] for k in exact if k.islower() and " " in k),
            # casefolded words of every title form ("prime", "minister", "secretary-general")
            "title_words": frozenset(w for form in title_index for w in form.replace("-", " ").split()),
        }
        for name, value in fields.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Lexicon is immutable: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Lexicon is immutable: cannot delete {name!r}")

    def __repr__(self) -> str:
        return f"<Lexicon {len(self._by_name)} actors, {len(self.titles)} titles>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Lexicon) and (self.entries, self.titles) == (other.entries, other.titles)

    def __hash__(self) -> int:
        return hash((self.entries, self.titles))

    # -- actors ---------------------------------------------------------------------------

    def names(self) -> tuple[str, ...]:
        """The canonical names of all actors, in file order."""
        return tuple(self._by_name)

    def rows(self, name: str) -> tuple[ActorEntry, ...]:
        """All rows of the actor called `name` (several for a person with several roles)."""
        return self._by_name.get(name, ())

    def _resolve(self, key: str, exact: dict[str, str], folded: dict[str, str]) -> str | None:
        if not key:
            return None
        name = exact.get(key)
        if name is None and _is_capitalised(key):
            name = folded.get(key.casefold())
        return name

    def lookup(self, text: str, on: str | None = None) -> Actor | None:
        """The canonical actor a surface form names, or None.

        text: a name, alias, abbreviation or capital ("Pyongyang", "the US", "Russia’s").
        on: an ISO date; for a person it selects the role (title, country) held that day;
            without it, the most recent role.

        >>> lex = load_lexicon()
        >>> lex.lookup("Pyongyang").name, lex.lookup("Zelenskiy").name
        ('North Korea', 'Volodymyr Zelensky')
        >>> lex.lookup("Trump", on="2022-06-01")
        Actor(name='Donald Trump', kind='person', country='USA', title=None)
        """
        name = self._resolve(normalize(text), self._exact, self._folded)
        return None if name is None else _namesake_in_office(self, text, name, on) or self.actor(name, on)

    def office_holder(self, surname: str, on: str | None) -> Actor | None:
        """The one person of that family name in office on `on` ("Duterte" in 2016); None for several ("Lee").

        >>> load_lexicon().office_holder("Duterte", "2016-10-20").name
        'Rodrigo Duterte'
        """
        if not on:
            return None
        start, end = _date_bounds(on)
        rows = [e for e in self._people_by_surname.get(normalize(surname).casefold(), ())
                if e.valid_from and e.covers(start, end)]
        return self.actor(rows[0].name, on) if len({e.name for e in rows}) == 1 else None

    def country_actor(self, code: str) -> Actor | None:
        """The country (or organisation) whose code is `code`, or None.

        >>> load_lexicon().country_actor("AFG").name
        'Afghanistan'
        """
        name = self._countries.get(code)
        return None if name is None else self.actor(name)

    def lookup_demonym(self, text: str) -> Actor | None:
        """The actor an adjectival or demonym form names ("North Korean", "Americans"), or None.

        >>> load_lexicon().lookup_demonym("North Korean").name
        'North Korea'
        """
        name = self._resolve(normalize(text), self._demonyms_exact, self._demonyms_folded)
        return None if name is None else self.actor(name)

    def actor(self, name: str, on: str | None = None) -> Actor | None:
        """The `Actor` for a canonical name, its title and country as on date `on`."""
        rows = self._by_name.get(name)
        if not rows:
            return None
        row, in_term = self._row_on(rows, on)
        return Actor(name=row.name, kind=row.kind, country=row.country,
                     title=row.title if row.kind == "person" and in_term else None)

    @staticmethod
    def _row_on(rows: tuple[ActorEntry, ...], on: str | None) -> tuple[ActorEntry, bool]:
        """The row in force on `on` (else the last one begun before it) and whether in term."""
        if on is None:
            return rows[-1], True
        start, end = _date_bounds(on)
        current = [r for r in rows if r.covers(start, end)]
        if current:
            return current[-1], True
        before = [r for r in rows if (r.valid_from or "") <= end]
        return (before[-1] if before else rows[0]), False

    def iter_aliases(self) -> Iterator[tuple[str, str]]:
        """Every surface form (names and aliases, as written in the data) with its actor's name."""
        seen: set[tuple[str, str]] = set()
        for e in self.entries:
            for alias in (e.name, *e.aliases):
                if (alias, e.name) not in seen and self._exact.get(normalize(alias)) == e.name:
                    seen.add((alias, e.name))
                    yield alias, e.name

    def iter_demonyms(self) -> Iterator[tuple[str, str]]:
        """Every demonym form (with the derived plurals) with its actor's name."""
        seen: set[tuple[str, str]] = set()
        for e in self.entries:
            for dem in e.demonyms:
                for form in filter(None, (dem, _plural(dem))):
                    if (form, e.name) not in seen:
                        seen.add((form, e.name))
                        yield form, e.name

    def aliases_by_length(self) -> list[tuple[str, str]]:
        """`iter_aliases()` sorted longest first (by tokens, then characters), for greedy matchers."""
        return sorted(self.iter_aliases(), key=lambda p: (-len(normalize(p[0]).split()), -len(p[0]), p[0]))

    def is_case_sensitive(self, alias: str) -> bool:
        """Whether `alias` only matches in its exact case (short all-caps abbreviations like "US")."""
        return _case_sensitive(normalize(alias))

    # -- titles ---------------------------------------------------------------------------

    def match_title(self, text: str) -> str | None:
        """The canonical title a surface form names, or None.

        >>> lex = load_lexicon()
        >>> lex.match_title("Defense Minister"), lex.match_title("top diplomat"), lex.match_title("envoy")
        ('Defence Minister', 'Foreign Minister', 'Envoy')
        """
        key = normalize(text).casefold()
        return self._title_index.get(key) if key else None

    def title_rank(self, title: str) -> int | None:
        """The rank of a title (1 head of state or government, 2 minister, 3 other), or None."""
        canon = self.match_title(title)
        return self._title_order[canon][0] if canon else None

    def holder(self, country: str, title: str, on: str | None = None) -> Actor | None:
        """Who held `title` for `country` on date `on` (the holder still in office when None), or None.

        country: an ISO alpha-3 code or an organisation's code ("USA", "NATO").
        title: a title or any surface form of one; "Leader" means the chief executive: the
            title the country's own row names, else the best-ranked office holder.

        >>> lex = load_lexicon()
        >>> lex.holder("USA", "President", "2025-08-26").name
        'Donald Trump'
        >>> lex.holder("DEU", "Chancellor", "2025-12-15").name
        'Friedrich Merz'
        >>> lex.holder("USA", "leader", "2023-01-01").name
        'Joe Biden'
        """
        canon = self.match_title(title)
        if canon is None:
            return None
        people = self._people_by_country.get(country, ())
        if on is None:  # the holder in office now: the open-ended term
            start = end = "9999-12-31"
        else:
            start, end = _date_bounds(on)
        holders = [e for e in people if e.title and e.covers(start, end)]
        if canon == LEADER:
            executive = self._executive_title(country, start, end)
            if executive:
                chosen = [e for e in holders if self.match_title(e.title or "") == executive]
                if chosen:
                    holders = chosen
            holders = [e for e in holders if self._title_order[self.match_title(e.title or "") or ""][0] == 1]
            holders.sort(key=lambda e: self._title_order[self.match_title(e.title or "") or ""])
            best = holders[:1]
        else:
            best = sorted((e for e in holders if self.match_title(e.title or "") == canon),
                          key=lambda e: e.valid_from or "", reverse=True)[:1]
        if not best:
            return None
        e = best[0]
        return Actor(name=e.name, kind=e.kind, country=e.country, title=e.title)

    def _executive_title(self, country: str, start: str, end: str) -> str | None:
        """The chief executive's title named by the country's (or organisation's) own row."""
        for e in self._bodies_with_titles.get(country, ()):
            if e.covers(start, end):
                return self.match_title(e.title or "")
        return None


# -- loading ------------------------------------------------------------------------------


def _group_by_country(entries) -> dict[str, tuple[ActorEntry, ...]]:
    out: dict[str, list[ActorEntry]] = {}
    for e in entries:
        if e.country:
            out.setdefault(e.country, []).append(e)
    return {k: tuple(v) for k, v in out.items()}


def _bodies_by_code(entries: tuple[ActorEntry, ...]) -> dict[str, str]:
    """Code -> the name of the first country row with it, else the first organisation row."""
    out: dict[str, str] = {}
    for kind in ("country", "organization"):
        for e in entries:
            if e.kind == kind and e.country:
                out.setdefault(e.country, e.name)
    return out


def _first_words(keys) -> dict[str, int]:
    """First word (casefolded) -> the most words a name starting with it has."""
    out: dict[str, int] = {}
    for k in keys:
        words = k.split()
        if words:
            first = words[0].casefold()
            out[first] = max(out.get(first, 0), len(words))
            lead = None if first.isalpha() else re.match(r"\w+", first)
            if lead and lead.group() != first:  # "P5+1": the tokenizer splits it at "+"
                out[lead.group()] = max(out.get(lead.group(), 0), len(words) + 2)
    return out


def _split(value: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in value.split("|") if p.strip())


def _read_rows(text: str, path: str, columns: tuple[str, ...], optional: tuple[str, ...] = ()) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) from a CSV text whose header must be `columns` (`sector` and `source` optional)."""
    try:
        rows = read_text(text, path, columns + optional, optional=optional)
    except csv.Error as e:  # a field over the csv module's limit (131,072 characters), a NUL...
        raise LexiconError(f"unreadable CSV: {e}", path=path) from e
    for row in rows:
        yield row.line, row


#: Words that are no one's name: an alias among them would make every "the" or "a" an actor.
_COMMON_WORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "is",
    "are", "was", "were", "be", "been", "he", "she", "it", "they", "we", "i", "you", "him", "her", "his", "its",
    "their", "them", "our", "us", "me", "my", "this", "that", "these", "those", "there", "here", "who", "what",
    "which", "said", "says", "mr", "mrs", "ms", "dr",
})
MAX_ALIAS_CHARS = 200


def _alias_problem(key: str) -> str | None:
    """Why a normalised alias can name no actor ("the", "a", "."), or None.

    >>> _alias_problem("the"), _alias_problem("."), _alias_problem("IS"), _alias_problem("Kremlin")
    ('is a common word', 'has no letter or digit', None, None)
    """
    if not any(c.isalnum() for c in key):
        return "has no letter or digit"
    if len(key) < 2:
        return "is a single character"
    if key.casefold() in _COMMON_WORDS and not _case_sensitive(key):  # "IS", the Islamic State, is no "is"
        return "is a common word"
    if len(key) > MAX_ALIAS_CHARS:
        return f"is longer than {MAX_ALIAS_CHARS} characters"
    return None


def _parse_titles(text: str, path: str) -> list[tuple[int, TitleEntry]]:
    out = []
    seen: dict[str, tuple[str, int]] = {}
    for line, row in _read_rows(text, path, TITLE_COLUMNS):
        if not row["title"]:
            raise LexiconError("missing title", path=path, position=line)
        try:
            rank = int(row["rank"])
        except ValueError:
            raise LexiconError(f"rank must be an integer, not {row['rank']!r}", path=path,
                               position=line) from None
        entry = TitleEntry(row["title"], _split(row["aliases"]), rank)
        for form in (entry.title, *entry.aliases):
            prev = seen.setdefault(normalize(form).casefold(), (entry.title, line))
            if prev[0] != entry.title:
                raise LexiconError(f"duplicate title form {form!r} (also on line {prev[1]})",
                                   path=path, position=line)
        out.append((line, entry))
    return out


def _check_date(value: str, column: str, path: str, line: int) -> str | None:
    if not value:
        return None
    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise LexiconError(f"{column} must be a date YYYY-MM-DD, not {value!r}", path=path,
                           position=line) from None
    return value


def _parse_actors(text: str, path: str, title_forms: set[str]) -> list[tuple[int, ActorEntry]]:
    """Parse and validate the rows of one actors file (aliases unique across names)."""
    out: list[tuple[int, ActorEntry]] = []
    kinds: dict[str, str] = {}
    alias_owner: dict[str, tuple[str, int]] = {}
    demonym_owner: dict[str, tuple[str, int]] = {}
    country_codes: dict[str, tuple[str, int]] = {}
    for line, row in _read_rows(text, path, ACTOR_COLUMNS, OPTIONAL_ACTOR_COLUMNS):
        name, kind, country = row["name"], row["kind"], row["country"]
        if not name:
            raise LexiconError("missing name", path=path, position=line)
        if kind not in ACTOR_KINDS:
            raise LexiconError(f"unknown kind {kind!r} (expected one of {', '.join(ACTOR_KINDS)})",
                               path=path, position=line)
        if kinds.setdefault(name, kind) != kind:
            raise LexiconError(f"{name!r} is a {kinds[name]} on another line, here a {kind}",
                               path=path, position=line)
        if kind == "country":
            if not _COUNTRY_CODE.fullmatch(country):
                raise LexiconError(f"country code must be 3 upper-case letters, not {country!r}",
                                   path=path, position=line)
            other = country_codes.setdefault(country, (name, line))
            if other[0] != name:
                raise LexiconError(f"duplicate country code {country!r} (also on line {other[1]})",
                                   path=path, position=line)
        elif country and not _BODY_CODE.fullmatch(country):
            raise LexiconError(f"bad country code {country!r}", path=path, position=line)
        title = row["title"]
        if title and normalize(title).casefold() not in title_forms:
            raise LexiconError(f"unknown title {title!r} (not in titles.csv)", path=path, position=line)
        valid_from = _check_date(row["valid_from"], "valid_from", path, line)
        valid_to = _check_date(row["valid_to"], "valid_to", path, line)
        if valid_from and valid_to and valid_from > valid_to:
            raise LexiconError(f"valid_from {valid_from} is after valid_to {valid_to}", path=path,
                               position=line)
        entry = ActorEntry(name, kind, country or None, _split(row["aliases"]), _split(row["demonyms"]),
                           title or None, valid_from, valid_to, row["sector"] or None)
        for forms, owner, what in ((( name, *entry.aliases), alias_owner, "alias"),
                                   (entry.demonyms, demonym_owner, "demonym")):
            for form in forms:
                key = normalize(form)
                if not key:
                    raise LexiconError(f"empty {what}", path=path, position=line)
                problem = _alias_problem(key)
                if problem:
                    raise LexiconError(f"{what} {form[:60]!r} {problem}", path=path, position=line)
                key = key if _case_sensitive(key) else key.casefold()
                prev = owner.setdefault(key, (name, line))
                if prev[0] != name:
                    raise LexiconError(f"duplicate {what} {form!r} (also on line {prev[1]})", path=path,
                                       position=line)
        out.append((line, entry))
    return out


def _merge(shipped: list[ActorEntry], user: list[ActorEntry]) -> tuple[ActorEntry, ...]:
    """User rows replace the shipped rows of their names and take over their aliases."""
    user_names = {e.name for e in user}
    taken = set()
    for e in user:
        for form in (e.name, *e.aliases, *e.demonyms):
            key = normalize(form)
            taken.add(key if _case_sensitive(key) else key.casefold())

    def free(forms: tuple[str, ...]) -> tuple[str, ...]:
        kept = []
        for f in forms:
            key = normalize(f)
            if (key if _case_sensitive(key) else key.casefold()) not in taken:
                kept.append(f)
        return tuple(kept)

    merged = []
    for e in shipped:
        if e.name in user_names:
            continue
        aliases, demonyms = free(e.aliases), free(e.demonyms)
        if (aliases, demonyms) != (e.aliases, e.demonyms):
            logger.debug("user lexicon takes over aliases of %s", e.name)
            merged.append(ActorEntry(e.name, e.kind, e.country, aliases, demonyms, e.title, e.valid_from, e.valid_to,
                                     e.sector))
        else:
            merged.append(e)
    return tuple(merged + list(user))


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"cannot read lexicon file: {exc.strerror}", path=str(path)) from exc
    except UnicodeDecodeError as exc:
        raise LexiconError(f"not UTF-8 text ({exc.reason})", path=str(path)) from exc


@functools.lru_cache(maxsize=16)
def _load(actors_file: str | None, titles_file: str | None) -> Lexicon:
    data = resources.files("timeline") / "data"
    title_rows = [t for _, t in _parse_titles((data / "titles.csv").read_text(encoding="utf-8"),
                                              "titles.csv")]
    if titles_file:
        user_titles = [t for _, t in _parse_titles(_read_text(Path(titles_file)), titles_file)]
        names = {t.title for t in user_titles}
        title_rows = [t for t in title_rows if t.title not in names] + user_titles
    forms = {normalize(f).casefold() for t in title_rows for f in (t.title, *t.aliases)}
    entries = [e for _, e in _parse_actors((data / "actors.csv").read_text(encoding="utf-8"),
                                           "actors.csv", forms)]
    # people, armed groups, international organisations and territories (New Caledonia, Hong Kong) of
    # PETRARCH2's dictionaries (tools/convert_petrarch.py): the hand-written rows win
    derived = [e for name in DERIVED_ACTOR_FILES
               for _, e in _parse_actors((data / name).read_text(encoding="utf-8"), name, forms)]
    entries = list(_merge(derived, entries))
    if actors_file:
        user = [e for _, e in _parse_actors(_read_text(Path(actors_file)), actors_file, forms)]
        merged = _merge(entries, user)
    else:
        merged = tuple(entries)
    return Lexicon(merged, tuple(title_rows))


def states_named(lexicon: Lexicon, word: str) -> tuple[Actor, ...]:
    """The states whose name ends in `word` ("Korea": North Korea and South Korea), among the states the
    lexicon codes (`country_actor`)."""
    return tuple(a for name in lexicon._countries.values() if name.split()[-1] == word
                 and (a := lexicon.actor(name)) is not None and a.kind == "country")


def name_on(name: str, on: str | None, text: str = "") -> str:
    """The name an actor went by on the day `on` (former_names.csv): the events of a 2001 article
    name Macedonia, those of 2020 North Macedonia; the country code stays the same. A former name
    some outlets still use (`still_used`) is followed in an article that uses it and never the new
    one ("Burma" in U.S. government news of 2007).

    >>> name_on("North Macedonia", "2001-08-13"), name_on("North Macedonia", "2020-01-01")
    ('Macedonia', 'North Macedonia')
    >>> name_on("Myanmar", "2007-09-28", "the junta in Burma"), name_on("Myanmar", "2007-09-28", "Myanmar, or Burma")
    ('Burma', 'Myanmar')
    """
    rows = _former_names().get(name, ())
    for row in rows if on else ():
        if on < row["until"]:
            return row["former_name"]
    for row in rows if text and not re.search(rf"\b{re.escape(name)}\b", text) else ():
        if row["still_used"] == "yes" and re.search(rf"\b{re.escape(row['former_name'])}\b", text):
            return row["former_name"]
    return name


@functools.cache
def _former_names() -> dict[str, tuple]:
    out: dict[str, list] = {}
    for row in read_table("former_names.csv", ("name", "former_name", "until", "still_used", "note"),
                          required=("name", "former_name", "until"),
                          checks={"until": matches(r"\d{4}-\d{2}-\d{2}", "an ISO date"),
                                  "still_used": one_of(("yes",), allow_empty=True)}):
        out.setdefault(row["name"], []).append(row)
    return {k: tuple(sorted(v, key=lambda r: r["until"])) for k, v in out.items()}


def _namesake_in_office(lexicon: Lexicon, text: str, name: str, on: str | None) -> Actor | None:
    """A family name whose person held no role on `on` names the one of that name in office that day
    ("Kabila" in 1998: Laurent Kabila, not his son Joseph, whose terms the alias's rows date from 2001),
    by a term with both its ends known (a row open since 2009 says when a role began, not that it lasts:
    "Chavez" in 2025 stays Hugo Chávez)."""
    rows = lexicon.rows(name)
    if not on or " " in text.strip() or not rows or rows[0].kind != "person":
        return None
    day = _date_bounds(on)
    if any(e.valid_from is None or e.covers(*day) for e in rows):
        return None
    holder = lexicon.office_holder(text, on)
    known_term = holder is not None and any(e.valid_to and e.covers(*day) for e in lexicon.rows(holder.name))
    return holder if known_term and holder.name != name else None


def load_lexicon(actors_file: str | Path | None = None, titles_file: str | Path | None = None) -> Lexicon:
    """Load the shipped lexicon, with a user's actors (and titles) file merged over it.

    actors_file: a CSV with the columns of actors.csv; its rows for a name replace the shipped
        rows of that name, new names are added, and its aliases win over shipped ones.
    titles_file: a CSV with the columns of titles.csv; its rows replace same-named titles.
    Returns a cached, immutable `Lexicon`. Raises `LexiconError` naming the file and line of
    a malformed row (duplicate alias, unknown kind, bad code or date, ...).

    >>> load_lexicon() is load_lexicon()
    True
    """
    return _load(str(Path(actors_file).resolve()) if actors_file else None,
                 str(Path(titles_file).resolve()) if titles_file else None)
