"""Actor sectors and CAMEO actor codes: for whom each side of an event acts.

Run after extraction over what an event already carries (its actors' names, kinds, country
codes and words as found, and its sentence), with the actor lexicon. Each source and target gets
a sector (`government`, `military`, `rebels`, ... the vocabulary of `data/agents.csv` and
`data/petrarch_people.csv`; "" when nothing says) and a CAMEO actor code: the country's CAMEO
code and the sector's agent code (`data/sectors.csv`), "USAMIL", "RUSGOV", "SDNREB".

Where the sector comes from, first found first:

- a person: the title the sentence gives just before the name ("Foreign Minister Sergei
  Lavrov"), else the lexicon's sector of the role held on the event's date (petrarch_people.csv),
  else that role's title; a title is `government` unless sectors.csv lists it under another
  sector ("General": military);
- a country: an agent noun right after its name ("US troops": military, "Chinese officials":
  government, by agents.csv); a country alone has no sector, and CAMEO codes it by its country
  code alone ("USA");
- a group: the lexicon's sector, else an agent noun in or after its name, else `rebels`;
- an organisation: the lexicon's sector, else `international` for an international body (its
  code from data/cameo_countries.csv, "IGO" when unlisted), else an agent noun, else
  `government` for a state's body ("US Congress").

The project's country codes are ISO 3166-1 alpha-3, which CAMEO uses too except where
data/cameo_countries.csv says (East Timor TMP, Kosovo KSV).
"""
from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from .datafiles import matches, read_table
from .export import date_span
from .lexicon import Lexicon
from .model import Event

__all__ = ["SectorTable", "cameo_actor_code", "load_sectors", "with_sectors"]

#: The sector of a title that sectors.csv lists under none: offices of state.
TITLE_SECTOR = "government"
#: The sector of a non-state armed or political group that nothing else describes.
GROUP_SECTOR = "rebels"
INTERNATIONAL = "international"
_WORDS_RE = re.compile(r"[^\W\d_][\w.\-]*")
_FOLLOWING_RE = re.compile(r"(?:['\u2019]s?)?((?:\s+[^\W\d_][\w\-]*){1,4})")


@dataclass(frozen=True, slots=True)
class SectorTable:
    """The data behind sectors: sector -> agent code, title -> sector, country -> CAMEO code, agent nouns."""

    codes: dict[str, str]  # sectors.csv: sector -> CAMEO agent code
    titles: dict[str, str]  # sectors.csv: title of titles.csv -> sector
    countries: dict[str, str]  # cameo_countries.csv: the project's code -> CAMEO code
    agents: dict[tuple[str, ...], str]  # agents.csv: the words of an agent noun (lower case) -> sector
    longest: int  # the most words of an agent noun


@functools.cache
def load_sectors() -> SectorTable:
    """The shipped tables (cached); a bad row raises `LexiconError` naming its file and line."""
    sectors = read_table("sectors.csv", ("sector", "code", "titles", "source"), required=("sector", "code"),
                         checks={"code": matches(r"[A-Z]{3}", "a CAMEO agent code of 3 capitals")})
    titles = {t: r["sector"] for r in sectors for t in r["titles"].split("|") if t}
    countries = read_table("cameo_countries.csv", ("code", "cameo", "source"), required=("code", "cameo"),
                           checks={"cameo": matches(r"[A-Z]{3}(?:[A-Z]{3})*", "a CAMEO actor code")})
    agents: dict[tuple[str, ...], str] = {}
    for row in read_table("agents.csv", ("noun", "plural", "code", "sector", "source"), required=("noun", "code")):
        for form in (row["noun"], row["plural"]):
            if form and row["sector"]:
                agents.setdefault(tuple(form.lower().split()), row["sector"])
    return SectorTable({r["sector"]: r["code"] for r in sectors}, titles,
                       {r["code"]: r["cameo"] for r in countries}, agents, max(map(len, agents), default=1))


def cameo_actor_code(country: str, sector: str, state: bool, table: SectorTable | None = None) -> str:
    """The CAMEO actor code of an actor of `country` (a state's code if `state`, else a body's) in `sector`.

    >>> cameo_actor_code("USA", "military", True), cameo_actor_code("RUS", "", True)
    ('USAMIL', 'RUS')
    >>> cameo_actor_code("UN", "international", False), cameo_actor_code("", "rebels", False)
    ('IGOUNO', 'REB')
    """
    table = table or load_sectors()
    agent = table.codes.get(sector, "")
    if state:
        return table.countries.get(country, country) + agent
    if country:  # an international body: its own code holds its sector
        return table.countries.get(country, "IGO") + ("" if sector == INTERNATIONAL else agent)
    return agent


def with_sectors(event: Event, lexicon: Lexicon, table: SectorTable | None = None) -> Event:
    """`event` with `source_sectors`, `target_sectors`, `source_codes` and `target_codes` filled in.

    Deterministic: a function of the event and the lexicon only.
    """
    table = table or load_sectors()
    about = {name: (kind, country, text) for name, kind, country, text
             in zip(event.actors, event.actor_kinds, event.actor_countries, event.actor_texts)}
    on = event.date or event.article_date
    sides = {}
    for side in ("source", "target"):
        described = [_describe(name, *about.get(name, ("", "", name)), event.sentence, on, lexicon, table)
                     for name in getattr(event, side)]
        sides[f"{side}_sectors"] = tuple(s for s, _ in described)
        sides[f"{side}_codes"] = tuple(c for _, c in described)
    return dataclasses.replace(event, **sides)


def _describe(name: str, kind: str, country: str, text: str, sentence: str, on: str | None,
              lexicon: Lexicon, table: SectorTable) -> tuple[str, str]:
    """(sector, CAMEO actor code) of one actor of an event."""
    body = lexicon.country_actor(country) if country else None
    # a code the lexicon does not know: a state's if it has three letters (as the lexicon checks)
    state = body.kind == "country" if body is not None else bool(re.fullmatch(r"[A-Z]{3}", country))
    found = re.search(r"(?<!\w)" + re.escape(text) + r"(?!\w)", sentence) if text else None
    before, after = (sentence[:found.start()], sentence[found.end():]) if found else ("", "")
    sector = _sector(name, kind, country, state, before, _agent_sector(text, after, table), text, on, lexicon, table)
    return sector, cameo_actor_code(country, sector, state, table)


def _sector(name: str, kind: str, country: str, state: bool, before: str, noun: str, text: str, on: str | None,
            lexicon: Lexicon, table: SectorTable) -> str:
    """The sector of one actor (see the module's docstring); `noun` that of an agent noun at its mention."""
    if kind == "person":
        if country and not state:  # who serves an international body acts for it
            return INTERNATIONAL
        return _title_sector(before, text, lexicon, table) or _lexicon_sector(name, on, lexicon, table)
    if kind == "country":
        return noun
    if kind == "group":
        return _row_sector(name, on, lexicon) or noun or GROUP_SECTOR
    if kind == "organization":
        return _row_sector(name, on, lexicon) or (noun or TITLE_SECTOR if state else INTERNATIONAL)
    return noun


def _agent_sector(text: str, after: str, table: SectorTable) -> str:
    """The sector of an agent noun ending the mention ("the militants") or right after it ("US troops")."""
    own = tuple(w.lower() for w in _WORDS_RE.findall(text))
    for n in range(min(len(own), table.longest), 0, -1):
        if own[-n:] in table.agents:
            return table.agents[own[-n:]]
    m = _FOLLOWING_RE.match(after)
    following = tuple(w.lower() for w in m.group(1).split()) if m else ()
    for n in range(min(len(following), table.longest), 0, -1):
        if following[:n] in table.agents:
            return table.agents[following[:n]]
    return ""


def _title_sector(before: str, text: str, lexicon: Lexicon, table: SectorTable) -> str:
    """The sector of a title just before a person's name, or opening the mention ("General Smith")."""
    words = _WORDS_RE.findall(re.split(r"[,;:()\"\u201c\u201d]", before)[-1])[-4:]
    own = _WORDS_RE.findall(text)
    candidates = [" ".join(words[k:]) for k in range(len(words))] + [" ".join(own[:k]) for k in range(3, 0, -1)]
    for candidate in candidates:
        title = lexicon.match_title(candidate) if candidate else None
        if title:
            return table.titles.get(title, TITLE_SECTOR)
    return ""


def _row_sector(name: str, on: str | None, lexicon: Lexicon) -> str:
    """The `sector` of the lexicon row of `name` in force on `on` (the latest without a date)."""
    rows = lexicon.rows(name)
    start, end = date_span(on)
    if start and end:
        rows = tuple(r for r in rows if r.covers(start, end))
    return (rows[-1].sector or "") if rows else ""


def _lexicon_sector(name: str, on: str | None, lexicon: Lexicon, table: SectorTable) -> str:
    """A person's sector by the lexicon: the role's own sector, else its title's, on the event's date."""
    sector = _row_sector(name, on, lexicon)
    if sector:
        return sector
    actor = lexicon.actor(name, on)
    return table.titles.get(actor.title, TITLE_SECTOR) if actor is not None and actor.title else ""
