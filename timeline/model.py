"""The data model: immutable records that every stage reads and writes.

Standard library only (the type table is read from data/event_types.csv). `Event` mirrors the event record of EVENTS.md field for field
(plus a few provenance fields); `Event.to_dict` / `Event.from_dict` are the JSON form.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from .rules import event_types

#: Event fields in the order of EVENTS.md, then this project's extensions.
EVENT_FIELDS = (
    "id", "type", "cameo", "plover", "date", "date_end", "date_precision", "date_text", "date_basis",
    "modality", "source", "target", "actors", "source_countries", "target_countries", "location",
    "trigger", "sentence", "sentence_index", "char_start", "char_end", "article_id", "article_title",
    "article_date", "article_source", "confidence",
    # extensions: provenance of the event inside its sentence, and the article's URL
    "trigger_start", "trigger_end", "rule", "article_url",
    # parallel to `actors`: each actor's kind, country code ("" for none) and text as found
    "actor_kinds", "actor_countries", "actor_texts",
    # where each side came from: "text" (the sentence names it), "context" (inferred from the
    # article: the party it is about), "" (no such side)
    "source_basis", "target_basis",
    # from the CAMEO code (cameo.py): its Goldstein score and GDELT's quad class (1-4); null for no code
    "goldstein", "quad_class",
    # the id of the real-world event this mention reports, shared by all its mentions (merge.py)
    "cluster_id",
    # the article's site or publication: a page's site name, an `outlet` input column, the URL's domain
    "article_outlet",
    # parallel to `source` and `target`: each actor's sector ("government", "military", "" unknown)
    # and CAMEO actor code ("USAMIL", "RUSGOV", "USA" for a country alone) (sectors.py)
    "source_sectors", "target_sectors", "source_codes", "target_codes",
)
LIST_FIELDS = (
    "source", "target", "actors", "source_countries", "target_countries",
    "actor_kinds", "actor_countries", "actor_texts",
    "source_sectors", "target_sectors", "source_codes", "target_codes",
)

#: The event types of data/event_types.csv (their policy, colour and symbol live there), in its order.
EVENT_TYPES = tuple(event_types())
MODALITIES = ("occurred", "planned", "intended", "hypothetical", "negated")
PRECISIONS = ("day", "month", "year", "unknown")
DATE_BASES = ("text", "context", "publication", "none")
ACTOR_KINDS = ("person", "country", "organization", "group")


@dataclass(frozen=True, slots=True)
class Article:
    """One news article. `text` is the body; every offset in the project points into it."""

    id: str
    title: str
    text: str
    date: str | None = None  # publication date, YYYY-MM-DD
    source: str = ""  # file path (or path:record) the article was read from
    url: str | None = None
    outlet: str = ""  # the site or publication: a page's site name, an `outlet` column, the URL's domain


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article body with its character offsets."""

    index: int
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor: a person, a country, an organisation or a non-state group.

    `country` is the ISO 3166-1 alpha-3 code of the state the actor is or serves, or the
    code of an international organisation ("NATO", "EU", "UN"); None for non-state actors.
    """

    name: str
    kind: str
    country: str | None = None
    title: str | None = None  # "President", "Defense Minister", ...


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that names an actor."""

    text: str
    start: int
    end: int
    actor: Actor


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression found in a text, with its resolved calendar value.

    `date` is ISO at its precision (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`) or None when the
    expression is not a calendar date (a duration) or cannot be resolved; a time of day carries
    its day.
    """

    text: str
    start: int
    end: int
    date: str | None
    date_end: str | None = None
    precision: str = "unknown"


@dataclass(frozen=True, slots=True)
class EventDate:
    """The date of an event and where it came from (EVENTS.md: `date_basis`)."""

    date: str | None = None
    date_end: str | None = None
    precision: str = "unknown"
    text: str | None = None
    basis: str = "none"


@dataclass(frozen=True, slots=True)
class Event:
    """One extracted event: the record of EVENTS.md. List fields are tuples."""

    id: str
    type: str
    cameo: str | None  # None: no CAMEO code (elections)
    plover: str | None
    date: str | None
    date_end: str | None
    date_precision: str
    date_text: str | None
    date_basis: str
    modality: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    actors: tuple[str, ...]
    source_countries: tuple[str, ...]
    target_countries: tuple[str, ...]
    location: str | None
    trigger: str
    sentence: str
    sentence_index: int
    char_start: int
    char_end: int
    article_id: str
    article_title: str
    article_date: str | None
    article_source: str
    confidence: float
    trigger_start: int = 0  # offsets of the trigger in the article body
    trigger_end: int = 0
    rule: str = ""  # the rule or pattern that produced the event
    article_url: str | None = None
    actor_kinds: tuple[str, ...] = ()
    actor_countries: tuple[str, ...] = ()
    actor_texts: tuple[str, ...] = ()
    source_basis: str = ""
    target_basis: str = ""
    goldstein: float | None = None
    quad_class: int | None = None
    cluster_id: str = ""
    article_outlet: str = ""
    source_sectors: tuple[str, ...] = ()
    target_sectors: tuple[str, ...] = ()
    source_codes: tuple[str, ...] = ()
    target_codes: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        """The event as a JSON-ready dict with the fields in contract order.

        >>> e = Event.from_dict({"id": "e1", "type": "meeting", "source": ["A"]})
        >>> e.to_dict()["source"], e.to_dict()["modality"]
        (['A'], 'occurred')
        """
        d = asdict(self)
        return {k: (list(d[k]) if k in LIST_FIELDS else d[k]) for k in EVENT_FIELDS}

    @classmethod
    def from_dict(cls, d: dict) -> Event:
        """Build an event from its dict form; missing fields take neutral defaults."""
        defaults = {
            "cameo": "", "plover": None, "date": None, "date_end": None, "date_precision": "unknown",
            "date_text": None, "date_basis": "none", "modality": "occurred", "location": None,
            "trigger": "", "sentence": "", "sentence_index": 0, "char_start": 0, "char_end": 0,
            "article_id": "", "article_title": "", "article_date": None, "article_source": "",
            "confidence": 0.0, "trigger_start": 0, "trigger_end": 0, "rule": "", "article_url": None,
            "source_basis": "", "target_basis": "", "cluster_id": "", "article_outlet": "",
        }
        names = {f.name for f in fields(cls)}
        values = {}
        for name in names:
            v = d.get(name, defaults.get(name))
            if name in LIST_FIELDS:
                v = tuple(v or ()) if not isinstance(v, str) else tuple(v.split(";")) if v else ()
            values[name] = v
        return cls(**values)
