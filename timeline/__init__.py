"""timeline: diplomatic event timelines from news articles."""
from .errors import InputError, LexiconError, ModelError, OutputError, TimelineError
from .model import Actor, Article, Event, EventDate, Mention, Sentence, Timex

__all__ = [
    "Actor", "Article", "Event", "EventDate", "Mention", "Sentence", "Timex",
    "TimelineError", "InputError", "LexiconError", "ModelError", "OutputError",
]
