"""timeline: diplomatic event timelines from news articles.

The public API: read articles, extract events, build the graph and the page.
"""
from .dates import find_dates, resolve_date
from .errors import InputError, LexiconError, ModelError, OutputError, TimelineError
from .evaluate import load_gold, score_events
from .export import read_events, write_events_csv, write_events_jsonl
from .ingest import read_articles, split_text_articles
from .lexicon import load_lexicon
from .model import Actor, Article, Event, EventDate, Mention, Sentence, Timex
from .pipeline import Options, article_dates, build, extract_article, extract_events, read_inputs, sort_events

__all__ = [
    "Actor", "Article", "Event", "EventDate", "Mention", "Sentence", "Timex",
    "TimelineError", "InputError", "LexiconError", "ModelError", "OutputError",
    "Options", "read_articles", "split_text_articles", "read_inputs", "extract_article", "extract_events",
    "article_dates", "sort_events", "build", "find_dates", "resolve_date", "load_lexicon",
    "read_events", "write_events_jsonl", "write_events_csv", "load_gold", "score_events",
]
