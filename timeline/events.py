"""Events: the passes of `passes.py` run over each sentence of an article -> `Event` records.

For each sentence, every token whose lemma is a trigger of `data/triggers.csv` starts an
event. Its roles come from the parse (`roles.py`), its modality from cue words on the path from
the trigger up to its clause's reporting verb (`data/modality.csv`), and its date from the
temporal expression of its own clause, else the one of the clause it hangs from, else the
article's lead date or the publication date, as EVENTS.md describes. `passes.py` lists the
passes in order; every event's `rule` names the data rows and passes that made it.
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
import hashlib
import re
from collections.abc import Iterator
from datetime import date as _date

from .actors import FIRST_PERSON, MentionFinder
from .cameo import cameo_code, goldstein, quad_class
from .dates import DATELINE_END, DATELINE_PLACE, find_dates
from .lexicon import Lexicon, name_on
from .model import Article, Event, Mention, Timex
from .nlp import Doc, Span, load_nlp, span_text, word_keys
from .context import ARTICLE_PASSES
from .passes import ArticleContext, Candidate, SentenceState, run_passes
from .roles import Roles
from .rules import Rules, Trigger, load_rules, load_triggers, words  # noqa: F401  (the library API)
from .syntax import countries, names, present_timetable, unique

__all__ = ["EventExtractor", "Trigger", "load_rules", "load_triggers"]


class EventExtractor:
    """Extracts the events of one article, sentence by sentence, in reading order."""

    def __init__(self, article: Article, lexicon: Lexicon, rules: Rules, min_confidence: float = 0.55):
        self.article = article
        self.rules = rules
        self.min_confidence = min_confidence
        self.finder = MentionFinder(lexicon, article.date)
        self.timexes = find_dates(article.text, article.date, present_timetable(load_nlp()))
        self._timex_starts = [t.start for t in self.timexes]  # sorted: find_dates reads in text order
        self.context = ArticleContext(rules, Roles(self.finder, rules), article.date, self._lead_timex())
        self.seen_sentences: set[str] = set()
        self.sentence_index = 0

    def _lead_timex(self) -> Timex | None:
        """The article's lead date: its first day-precise date in the week up to publication."""
        if not self.article.date:
            return None
        pub = _date.fromisoformat(self.article.date)
        for t in self.timexes:
            if t.precision == "day" and t.date and not t.date_end:
                try:
                    d = _date.fromisoformat(t.date)
                except ValueError:
                    continue
                if 0 <= (pub - d).days <= 7:
                    return t
        return None

    def needs_entities(self, sent: Span, offset: int) -> bool:
        """Whether the entity recogniser should read a parsed sentence (paragraph at `offset`).

        Only where it may change an event: the sentence may hold one other than a bare
        statement, or names a speaker (whom a later "he" may be), and it has a proper noun that
        neither the actor lexicon (names, titles) nor a date explains.
        """
        lexicon = self.finder.lexicon
        known = {i for span, _ in self.finder.names(sent.doc) if sent.start <= span.start < sent.end
                 for i in range(span.start, span.end)}
        s0, s1 = offset + sent.start_char, offset + sent.end_char
        dates = [(t.start, t.end) for t in self._timexes_between(s0, s1)]
        unknown = any(t.pos_ == "PROPN" and t.text[:1].isupper() and t.i not in known
                      and t.lower_ not in lexicon.title_words
                      and not any(a <= offset + t.idx < b for a, b in dates) for t in sent)
        return unknown and any(self._may_start_event(sent.doc, i) for i in range(sent.start, sent.end))

    def _may_start_event(self, doc: Doc, i: int) -> bool:
        """Whether token i may start an event other than a bare statement (before mentions are known)."""
        lemma, lower = word_keys(doc)[i]
        if lemma in self.rules.word("reporting") or lower in self.rules.evaluations:
            return True  # "Spokeswoman Victoria Nuland said...": the speaker is who a later "she" is
        if not self.rules.may_start(lemma, lower):
            return False  # no trigger or partner trigger
        hit = self.rules.match(doc, i)
        return (hit is not None and not self.rules.policy(hit[0].type).reporting
                or bool(self.rules.partner_candidates(doc[i])))

    def finish(self, events: list[Event]) -> list[Event]:
        """The article's events after the article passes (a missing party from its context)."""
        for article_pass in ARTICLE_PASSES:
            events = article_pass(events, self.context)
        return [_named_on(e, self.article.date, self.article.text, self.finder.spelled) for e in events
                if e.confidence >= self.min_confidence]

    # -- per paragraph ------------------------------------------------------------------------
    def paragraph(self, doc: Doc, offset: int) -> Iterator[Event]:
        """Events of one parsed paragraph (sentences in order)."""
        mentions = self.finder.find(doc, offset)
        if self.context.lead_paragraph is None and not is_caption(doc.text):
            self.context.lead_paragraph = offset
        first = {}  # one entry per mention, not per token of a multi-word name
        for i, m in sorted(mentions.items()):
            if doc[i].lower_ not in FIRST_PERSON:  # a statement's "we" is who tells the story, not what it is about
                first.setdefault(m.start, (m.start, m.actor, _is_place(doc, i)))
        self.context.named.extend(first.values())
        texts = _mention_texts(mentions)  # the mentions stay as found for every sentence
        for sent in doc.sents:
            text = span_text(sent).strip()
            if not text:
                continue
            index = self.sentence_index
            self.sentence_index += 1
            key = re.sub(r"\W+", " ", text.lower()).strip()
            if key in self.seen_sentences or not key:
                continue  # a summary bullet repeating the body: its events once
            self.seen_sentences.add(key)
            state = SentenceState(self.context, sent, mentions, self._timex_heads(sent, offset), offset)
            events = [self._record(c, state, index, offset, texts) for c in run_passes(state, self.min_confidence)]
            # in reading order, the reports of speech after what they report ("Lavrov said Ukraine had
            # broken the truce": the criticism, then the statement)
            events.sort(key=lambda e: self.rules.policy(e.type).reporting)
            self.context.seen_types.update(e.type for e in events)
            yield from events

    def _timexes_between(self, start: int, end: int) -> list[Timex]:
        """The temporal expressions overlapping [start, end), found by bisection (long articles)."""
        k = bisect.bisect_left(self._timex_starts, start)
        while k > 0 and self.timexes[k - 1].end > start:  # one that starts before and reaches in
            k -= 1
        out = []
        for j in range(k, len(self.timexes)):  # no copy of the rest: O(found) per sentence
            tx = self.timexes[j]
            if tx.start >= end:
                break
            if tx.end > start:
                out.append(tx)
        return out

    def _timex_heads(self, sent: Span, offset: int) -> dict[int, Timex]:
        """Map token index -> the temporal expression attached to it in the parse.

        Tokens inside an expression map under their negated index minus one, so that they
        are not taken for triggers ("Monday's talks" keeps "talks", loses nothing).
        """
        heads: dict[int, Timex] = {}
        s0, s1 = offset + sent.start_char, offset + sent.end_char
        bounds = self.rules.word("boundary_prep")
        for tx in self._timexes_between(s0, s1):
            toks = [t for t in sent if offset + t.idx < tx.end and offset + t.idx + len(t) > tx.start]
            if not toks:
                continue
            ids = {t.i for t in toks}
            root = next((t for t in toks if t.head.i not in ids or t.head == t), toks[0])
            for t in toks:  # the expression's own words: no triggers; "2001 when forces ousted": its date
                heads.setdefault(-t.i - 1, tx)
            anchor = root.head
            if anchor.lower_ in bounds or toks[0].lower_ in bounds:
                continue  # "its first visit since 2015": a bound, not the event's date
            while (anchor.dep_ == "prep" or anchor.pos_ == "ADP") and anchor.head.i != anchor.i:
                anchor = anchor.head
            heads.setdefault(anchor.i, tx)
        return heads

    # -- one event ------------------------------------------------------------------------------
    def _record(self, c: Candidate, state: SentenceState, index: int, offset: int, texts: dict[str, str]) -> Event:
        """The `Event` record of a candidate that went through every pass (`texts`: `_mention_texts`)."""
        sent, doc, a = state.sent, state.sent.doc, self.article
        raw = span_text(sent)
        text = raw.strip()
        start = offset + sent.start_char + (len(raw) - len(raw.lstrip()))
        actors = unique(c.sources + c.targets)
        t_start, t_end = offset + doc[c.start].idx, offset + doc[c.end - 1].idx + len(doc[c.end - 1])
        when = c.when
        digest = hashlib.sha1(f"{a.id}|{t_start}|{c.type}".encode()).hexdigest()[:16]
        return Event(
            id=digest, type=c.type, cameo=cameo_code(c.cameo), plover=c.plover,
            date=when.date, date_end=when.date_end, date_precision=when.precision, date_text=when.text,
            date_basis=when.basis, modality=c.modality,
            source=tuple(names(c.sources)), target=tuple(names(c.targets)), actors=tuple(names(actors)),
            source_countries=countries(c.sources), target_countries=countries(c.targets), location=c.location,
            trigger=span_text(doc[c.start : c.end]), sentence=text, sentence_index=index, char_start=start,
            char_end=start + len(text), article_id=a.id, article_title=a.title, article_date=a.date,
            article_source=a.source, confidence=c.confidence, trigger_start=t_start, trigger_end=t_end,
            rule="|".join(c.trace), article_url=a.url,
            actor_kinds=tuple(x.kind for x in actors), actor_countries=tuple(x.country or "" for x in actors),
            actor_texts=tuple(texts.get(x.name, x.name) for x in actors),
            source_basis="text" if c.sources else "", target_basis=c.target_basis if c.targets else "",
            goldstein=goldstein(c.cameo), quad_class=quad_class(c.cameo), article_outlet=a.outlet,
        )


def _named_on(event: Event, on: str | None, text: str = "", spelled: dict[str, str] | None = None) -> Event:
    """The event with its actors called by the names they went by on the article's day, or by the
    article (`lexicon.name_on`); a person by the spelling of the article (`spelled`, from
    `MentionFinder.spelled`: "Sleiman" in an article that writes Michel Sleiman)."""
    spelled = spelled or {}
    renamed = {n: spelled.get(n) or name_on(n, on, text) for n in (*event.actors, *event.source, *event.target)}
    if all(k == v for k, v in renamed.items()):
        return event
    return dataclasses.replace(event, source=tuple(renamed[n] for n in event.source),
                               target=tuple(renamed[n] for n in event.target),
                               actors=tuple(renamed[n] for n in event.actors))


# "AUCKLAND, New Zealand, Nov 11 (Reuters) - ", "PARIS, Oct. 23 Kyodo - ", "WASHINGTON, June 14, 2019 — ": a
# wire dateline may carry a region of up to three words, the day it was filed and a bare agency name
_DATELINE_REGION = r"(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?"
_DATELINE_DAY = r"(?:,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
DATELINE = re.compile(rf"^{DATELINE_PLACE}{_DATELINE_REGION}{_DATELINE_DAY}"
                      rf"(?:{DATELINE_END}|\s+[A-Z][A-Za-z-]{{2,20}}\s+[-\u2013\u2014]{{1,2}}\s)")


def without_dateline(text: str) -> str:
    """The first paragraph of an article with its dateline blanked out, offsets kept.

    "MIAMI (Sept. 9, 2022) -- Gen. Richardson visited ...": the city is where the story was
    filed, not a party, and the parser reads the sentence better without it. The date itself is
    still read by `dates.find_dates` on the article's text (it is the article's lead date).

    >>> without_dateline("KYIV, Ukraine (AP) — Russia said ...").lstrip()
    'Russia said ...'
    >>> len(without_dateline("KYIV, Ukraine (AP) — Russia said ...")) == len("KYIV, Ukraine (AP) — Russia said ...")
    True
    """
    m = DATELINE.match(text)
    return text if m is None else " " * m.end() + text[m.end():]


def is_caption(text: str) -> bool:
    """A photo caption: it places people in the picture ("Kerry (R) and Zarif (L) shake hands",
    "Putin, center, meets with Merkel, left") with the position words of words.csv."""
    return _caption_marks().search(text) is not None


@functools.lru_cache(maxsize=1)
def _caption_marks() -> re.Pattern:
    where = "|".join(sorted(map(re.escape, words()["caption_position"]), key=len, reverse=True))
    return re.compile(rf"\((?:\d(?:st|nd|rd|th)\s+)?(?:{where})\)|,\s(?:{where}),", re.IGNORECASE)


def _is_place(doc: Doc, i: int) -> bool:
    """A mention that says where ("talks in Addis Ababa", "in the Togolese capital"), not who."""
    tok = doc[i] if 0 <= i < len(doc) else None
    if tok is not None and tok.dep_ in ("amod", "compound") and tok.head.lower_ in words()["place_noun"]:
        tok = tok.head  # "the Togolese capital": where, as "Lome" is
    return tok is not None and tok.dep_ == "pobj" and tok.head.lower_ in words()["place_prep"]


def _mention_texts(mentions: dict[int, Mention]) -> dict[str, str]:
    """Actor name -> the words of its first mention in the paragraph."""
    return {m.actor.name: m.text for m in sorted(mentions.values(), key=lambda m: -m.start)}
