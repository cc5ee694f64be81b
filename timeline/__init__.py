"""timeline: diplomatic event timelines from news articles.

The public API: read articles, extract events, build the graph and the page.
"""
from .dates import find_dates, resolve_date
from .errors import InputError, LexiconError, ModelError, OutputError, TimelineError
from .evaluate import load_gold, score_events
from .export import (
    datapackage,
    events_frame,
    read_events,
    write_datapackage,
    write_events_csv,
    write_events_jsonl,
    write_events_parquet,
)
from .ingest import read_articles, split_text_articles
from .lexicon import load_lexicon
from .model import Actor, Article, Event, EventDate, Mention, Sentence, Timex
from .pipeline import Options, article_dates, build, extract_article, extract_events, read_inputs, sort_events

__all__ = [
    "Actor",
    "Article",
    "Event",
    "EventDate",
    "InputError",
    "LexiconError",
    "Mention",
    "ModelError",
    "Options",
    "OutputError",
    "Sentence",
    "TimelineError",
    "Timex",
    "article_dates",
    "build",
    "datapackage",
    "events_frame",
    "extract_article",
    "extract_events",
    "find_dates",
    "load_gold",
    "load_lexicon",
    "read_articles",
    "read_events",
    "read_inputs",
    "resolve_date",
    "score_events",
    "sort_events",
    "split_text_articles",
    "write_datapackage",
    "write_events_csv",
    "write_events_jsonl",
    "write_events_parquet",
]
