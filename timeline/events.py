"""Events: trigger words and the dependency parse -> `Event` records.

For each sentence, every token whose lemma is a trigger of `data/triggers.csv` starts an
event. Its roles come from the parse (subject or passive agent is the source; object,
"with"/"between"/"to" partner is the target), its modality from cue words on the path from
the trigger up to its clause's reporting verb (`data/modality.csv`), and its date from the
temporal expression of its own clause, else the one of the clause it hangs from, else the
article's lead date or the publication date, as EVENTS.md describes.
"""
from __future__ import annotations

import csv
import functools
import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date as _date
from importlib import resources

from .actors import MentionFinder
from .dates import find_dates
from .errors import LexiconError
from .lexicon import Lexicon
from .model import Actor, Article, Event, EventDate, Mention, Timex
from .nlp import Doc, Span, Token

MODALITY_PRIORITY = ("negated", "hypothetical", "intended", "planned")
REPORTING_LEMMAS = frozenset(
    "say tell add state announce declare note write post insist claim contend suggest argue "
    "explain stress acknowledge report confirm reiterate".split()
)
CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "acl", "parataxis"})
PARTNER_PREPS = frozenset({"with", "between", "to", "against", "toward", "towards", "on", "into", "for", "at", "over", "among"})
SOURCE_PREPS = frozenset({"by", "from"})
PAST_MARKERS = frozenset({"once", "previously", "formerly", "earlier", "repeatedly", "frequently", "often", "long"})
NO_ACTOR_TYPES = frozenset({"statement"})
# Types whose two sides act together (the graph draws them both ways).
MUTUAL_TYPES = frozenset({"meeting", "talks", "call", "agreement", "cooperation"})


# -- lexicons ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Trigger:
    """One row of triggers.csv."""

    type: str
    lemmas: tuple[str, ...]
    pos: str
    cameo: str
    plover: str | None


@dataclass(frozen=True, slots=True)
class TriggerLexicon:
    """Triggers by first lemma, modality cues by lemma, and CAMEO -> PLOVER codes."""

    by_lemma: dict
    cues: dict
    plover: dict
    intentions: dict

    def match(self, tokens: Span | Doc, i: int) -> tuple[Trigger, int] | None:
        """The trigger starting at token i (longest multi-word match first) and its end index."""
        tok = tokens[i]
        keys = {tok.lemma_.lower(), tok.lower_}
        best = None
        for key in keys:
            for trig in self.by_lemma.get(key, ()):
                n = len(trig.lemmas)
                if trig.pos != "ANY" and tok.pos_ != trig.pos and not (trig.pos == "VERB" and tok.pos_ == "AUX"):
                    continue
                if n > 1:
                    seq = tokens[i : i + n]
                    if len(seq) < n or any(
                        t.lemma_.lower() != lem and t.lower_ != lem for t, lem in zip(list(seq)[1:], trig.lemmas[1:])
                    ):
                        continue
                if best is None or n > len(best.lemmas):
                    best = trig
        return (best, i + len(best.lemmas)) if best else None

    def plover_of(self, cameo: str) -> str | None:
        """PLOVER category of a CAMEO code, per CAMEO2PLOVER (longest known prefix)."""
        for k in range(len(cameo), 1, -1):
            if cameo[:k] in self.plover:
                return self.plover[cameo[:k]]
        return None


def _read_csv(name: str) -> list[tuple[int, dict]]:
    text = resources.files("timeline.data").joinpath(name).read_text(encoding="utf-8")
    rows = csv.DictReader(io.StringIO(text))
    return [(n, row) for n, row in enumerate(rows, 2)]


@functools.lru_cache(maxsize=1)
def load_triggers() -> TriggerLexicon:
    """Load triggers.csv, modality.csv, intentions.csv and CAMEO2PLOVER-2021.txt (cached)."""
    plover: dict[str, str] = {}
    table = resources.files("timeline.data").joinpath("CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8")
    for line in table.splitlines():
        m = re.match(r"\s*(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            plover[m.group(1)] = m.group(2)
    by_lemma: dict[str, list[Trigger]] = {}
    for n, row in _read_csv("triggers.csv"):
        lemmas = tuple((row.get("trigger") or "").lower().split())
        if not lemmas or not row.get("type"):
            raise LexiconError("trigger row without trigger or type", path="triggers.csv", position=n)
        cameo = (row.get("cameo") or "").strip()
        trig = Trigger(row["type"].strip(), lemmas, (row.get("pos") or "ANY").strip().upper(), cameo,
                       (row.get("plover") or "").strip() or None)
        by_lemma.setdefault(lemmas[0], []).append(trig)
    cues: dict[str, str] = {}
    for n, row in _read_csv("modality.csv"):
        cues[(row.get("cue") or "").lower().strip()] = (row.get("modality") or "").strip()
    intentions = {row["type"]: row["cameo"] for _, row in _read_csv("intentions.csv")}
    return TriggerLexicon({k: tuple(v) for k, v in by_lemma.items()}, cues, plover, intentions)


# -- the parse -------------------------------------------------------------------------------
def _conjuncts(tok: Token) -> list[Token]:
    return [tok, *tok.conjuncts] if tok.dep_ != "conj" else [tok]


def _predicate(tok: Token) -> Token:
    """The verb a trigger belongs to: itself for a verb, the governing verb for a noun."""
    t = tok
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX") and t is not tok or t.pos_ == "VERB":
            return t
        if t.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "pobj", "prep", "compound", "appos", "conj", "npadvmod"):
            t = t.head
        else:
            break
    return t if t.pos_ in ("VERB", "AUX") else tok


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _subjects(verb: Token) -> list[Token]:
    """Grammatical subjects of a verb, looking up through control and coordination."""
    t = verb
    for _ in range(5):
        subj = [c for c in t.children if c.dep_ in ("nsubj", "csubj")]
        if subj:
            s = subj[0]
            if s.lower_ in ("who", "which", "that") and t.dep_ == "relcl":
                return _conjuncts(t.head)
            return _conjuncts(s)
        if t.dep_ in ("xcomp", "conj", "advcl") and t.head is not t:
            t = t.head
            continue
        if t.dep_ == "relcl":
            return _conjuncts(t.head)
        if t.dep_ == "acl" and t.tag_ == "VBG":
            return _subjects(t.head) if t.head.pos_ in ("VERB", "AUX") else []
        break
    return []


class EventExtractor:
    """Extracts the events of one article, sentence by sentence, in reading order."""

    def __init__(self, article: Article, lexicon: Lexicon, triggers: TriggerLexicon):
        self.article = article
        self.triggers = triggers
        self.finder = MentionFinder(lexicon, article.date)
        self.timexes = find_dates(article.text, article.date)
        self.lead: Timex | None = self._lead_timex()
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

    # -- per paragraph ------------------------------------------------------------------------
    def paragraph(self, doc: Doc, offset: int) -> Iterator[Event]:
        """Events of one parsed paragraph (sentences in order)."""
        mentions = self.finder.find(doc, offset)
        for sent in doc.sents:
            text = sent.text.strip()
            if not text:
                continue
            index = self.sentence_index
            self.sentence_index += 1
            key = re.sub(r"\W+", " ", text.lower()).strip()
            if key in self.seen_sentences or not key:
                continue  # a summary bullet repeating the body: its events once
            self.seen_sentences.add(key)
            start = offset + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
            yield from self._sentence(sent, index, start, text, mentions, offset)

    def _timex_heads(self, sent: Span, offset: int) -> dict[int, Timex]:
        """Map token index -> the temporal expression attached to it in the parse."""
        heads: dict[int, Timex] = {}
        s0, s1 = offset + sent.start_char, offset + sent.end_char
        for tx in self.timexes:
            if tx.end <= s0 or tx.start >= s1:
                continue
            toks = [t for t in sent if offset + t.idx < tx.end and offset + t.idx + len(t) > tx.start]
            if not toks:
                continue
            ids = {t.i for t in toks}
            root = next((t for t in toks if t.head.i not in ids or t.head is t), toks[0])
            anchor = root.head
            while anchor.dep_ == "prep" or anchor.pos_ == "ADP":
                anchor = anchor.head
            heads.setdefault(anchor.i, tx)
            for t in toks:
                heads.setdefault(-t.i - 1, tx)  # tokens inside an expression are not triggers
        return heads

    def _sentence(self, sent: Span, index: int, start: int, text: str, mentions: dict[int, Mention], offset: int):
        timex_at = self._timex_heads(sent, offset)
        found: list[Event] = []
        i = sent.start
        doc = sent.doc
        used: set[int] = set()
        while i < sent.end:
            if -i - 1 in timex_at or i in mentions and mentions[i].actor.kind != "person" and doc[i].pos_ == "PROPN":
                i += 1
                continue
            hit = self.triggers.match(doc, i)
            if hit is None:
                i += 1
                continue
            trig, end = hit
            tok = doc[i]
            if tok.ent_type_ in ("ORG", "FAC", "LAW", "WORK_OF_ART", "PRODUCT") or self._embedded_in_rejection(tok, used):
                i = end
                continue
            ev = self._event(tok, end, trig, sent, index, start, text, mentions, timex_at, offset)
            if ev is not None:
                found.append(ev)
                used.add(tok.i)
            i = end
        yield from _dedupe(found)

    def _embedded_in_rejection(self, tok: Token, used: set[int]) -> bool:
        """A trigger governed by a refusal ("refused any talk") is covered by the refusal."""
        t = tok
        for _ in range(3):
            t = t.head
            if t.i in used:
                hit = self.triggers.match(t.doc, t.i)
                if hit and hit[0].type == "rejection":
                    return True
        return False

    # -- one event ------------------------------------------------------------------------------
    def _event(self, tok, end, trig, sent, index, start, text, mentions, timex_at, offset) -> Event | None:
        verb = _predicate(tok)
        sources, targets, rule = self._roles(tok, verb, mentions)
        if not sources and not targets and trig.type not in NO_ACTOR_TYPES:
            return None
        if trig.type in NO_ACTOR_TYPES and not sources:
            return None
        modality = self._modality(tok, verb)
        when = self._date(tok, verb, timex_at, modality)
        cameo = trig.cameo or "00"
        if modality in ("intended", "planned") and trig.type in self.triggers.intentions:
            cameo = self.triggers.intentions[trig.type]
        plover = self.triggers.plover_of(cameo) if cameo != "00" else None
        if plover is None and cameo[:2] != "00":
            plover = trig.plover
        actors: list[Actor] = []
        for a in sources + targets:
            if a.name not in {x.name for x in actors}:
                actors.append(a)
        src_names = _names(sources)
        tgt_names = [n for n in _names(targets) if n not in src_names]
        texts = {m.actor.name: m.text for m in mentions.values()}
        trigger_text = sent.doc[tok.i : end].text
        t_start = offset + tok.idx
        confidence = 0.5 + (0.25 if sources else 0) + (0.15 if targets else 0) - (0.1 if tok.pos_ == "NOUN" else 0)
        digest = hashlib.sha1(f"{self.article.id}|{t_start}|{trig.type}".encode()).hexdigest()[:16]
        return Event(
            id=digest, type=trig.type, cameo=cameo, plover=plover,
            date=when.date, date_end=when.date_end, date_precision=when.precision, date_text=when.text,
            date_basis=when.basis, modality=modality,
            source=tuple(src_names), target=tuple(tgt_names), actors=tuple(a.name for a in actors),
            source_countries=_countries(sources), target_countries=_countries([t for t in targets if t.name in tgt_names]),
            location=self._location(verb if verb is not tok else tok, sent),
            trigger=trigger_text, sentence=text, sentence_index=index, char_start=start, char_end=start + len(text),
            article_id=self.article.id, article_title=self.article.title, article_date=self.article.date,
            article_source=self.article.source, confidence=round(min(confidence, 0.95), 2),
            trigger_start=t_start, trigger_end=offset + sent.doc[end - 1].idx + len(sent.doc[end - 1]),
            rule=rule, article_url=self.article.url,
            actor_kinds=tuple(a.kind for a in actors), actor_countries=tuple(a.country or "" for a in actors),
            actor_texts=tuple(texts.get(a.name, a.name) for a in actors),
        )

    def _actor_of(self, tok: Token, mentions: dict[int, Mention], depth: int = 3) -> list[Actor]:
        """Actors named by the phrase headed by `tok` (and its conjuncts)."""
        out: list[Actor] = []
        for head in _conjuncts(tok):
            found = self._phrase_actor(head, mentions, depth)
            if found is not None and found.name not in {a.name for a in out}:
                out.append(found)
        return out

    def _phrase_actor(self, tok: Token, mentions: dict[int, Mention], depth: int) -> Actor | None:
        frontier = [tok]
        for _ in range(depth + 1):
            nxt = []
            for t in frontier:
                m = mentions.get(t.i)
                if m is not None:
                    return m.actor
                nxt.extend(c for c in t.children if c.dep_ not in CLAUSE_DEPS and c.dep_ not in ("conj", "cc", "punct"))
            frontier = nxt
        return None

    def _roles(self, tok: Token, verb: Token, mentions: dict[int, Mention]) -> tuple[list[Actor], list[Actor], str]:
        sources: list[Actor] = []
        targets: list[Actor] = []
        rule = "verb" if tok.pos_ in ("VERB", "AUX") else "noun"
        if tok.pos_ not in ("VERB", "AUX"):
            # the noun's own arguments: "Russia's invasion of Ukraine", "talks with US envoys"
            for c in tok.children:
                if c.dep_ == "poss":
                    sources += self._actor_of(c, mentions)
                elif c.dep_ == "compound" and c.i in mentions:
                    sources += self._actor_of(c, mentions, 0)
                elif c.dep_ == "prep" and c.lower_ in SOURCE_PREPS:
                    sources += [a for p in c.children if p.dep_ == "pobj" for a in self._actor_of(p, mentions)]
                elif c.dep_ == "prep" and (c.lower_ in PARTNER_PREPS or c.lower_ == "of"):
                    targets += [a for p in c.children if p.dep_ == "pobj" for a in self._actor_of(p, mentions)]
                elif c.dep_ == "amod" and c.i in mentions:
                    sources += self._actor_of(c, mentions, 0)
            if verb is not tok:
                subj = [a for s in _subjects(verb) for a in self._actor_of(s, mentions)]
                if tok.dep_ in ("nsubj", "nsubjpass"):
                    targets += [a for c in verb.children if c.dep_ == "dobj" for a in self._actor_of(c, mentions)]
                elif subj:
                    if sources and tok.dep_ == "pobj":
                        targets = subj + targets
                    else:
                        sources = subj + sources
                rule += "+verb"
        else:
            passive = _is_passive(tok)
            for c in tok.children:
                if c.dep_ == "agent":
                    sources += [a for p in c.children if p.dep_ == "pobj" for a in self._actor_of(p, mentions)]
                elif c.dep_ == "nsubjpass":
                    targets += self._actor_of(c, mentions)
                elif c.dep_ in ("dobj", "dative", "iobj", "attr", "oprd"):
                    targets += self._actor_of(c, mentions)
                elif c.dep_ == "prep" and c.lower_ in PARTNER_PREPS:
                    targets += [a for p in c.children if p.dep_ == "pobj" for a in self._actor_of(p, mentions)]
            if not passive:
                sources = [a for s in _subjects(tok) for a in self._actor_of(s, mentions)] + sources
            elif tok.dep_ == "acl":
                targets += self._actor_of(tok.head, mentions)
            if not targets:
                for c in tok.children:
                    if c.dep_ in ("xcomp", "ccomp"):
                        targets += [m.actor for t in c.subtree if (m := mentions.get(t.i)) is not None][:2]
        src_names = {a.name for a in sources}
        targets = [a for a in targets if a.name not in src_names]
        return _unique(sources), _unique(targets), rule

    def _modality(self, tok: Token, verb: Token) -> str:
        """The strongest modality cue on the path from the trigger to its reporting verb."""
        found: set[str] = set()
        cues = self.triggers.cues
        path = [tok]
        t = tok
        for _ in range(8):
            if t.head is t or t.lemma_.lower() in REPORTING_LEMMAS and t is not tok:
                break
            if t.dep_ in ("relcl", "advcl", "parataxis") and t is not tok:
                break
            t = t.head
            if t.lemma_.lower() in REPORTING_LEMMAS:
                break
            path.append(t)
        reported = t.lemma_.lower() in REPORTING_LEMMAS
        for node in path:
            words = [node] + [c for c in node.children if c.dep_ in ("aux", "neg", "mark", "acl", "advmod", "acomp", "xcomp") and c is not tok]
            for w in words:
                if w.dep_ == "neg" and node in (tok, verb):
                    found.add("negated")
                    continue
                if w is not node and w.dep_ in ("acl", "xcomp") and w.i > node.i and node is not tok:
                    continue
                cue = cues.get(w.lemma_.lower()) or cues.get(w.lower_)
                if cue is None:
                    continue
                if w.lower_ == "would" and reported:
                    cue = "planned"
                if w.lower_ in ("if", "unless") and w.dep_ != "mark":
                    continue
                found.add(cue)
        for m in MODALITY_PRIORITY:
            if m in found:
                return m
        return "occurred"

    def _date(self, tok: Token, verb: Token, timex_at: dict[int, Timex], modality: str) -> EventDate:
        own = {tok.i, verb.i}
        t = tok
        crossed = False
        for _ in range(10):
            tx = timex_at.get(t.i)
            if tx is not None and tx.date:
                basis = "text" if t.i in own or not crossed else "context"
                return EventDate(tx.date, tx.date_end, tx.precision, tx.text, basis)
            if t.head is t:
                break
            if t.dep_ in CLAUSE_DEPS or t.dep_ == "conj" and t.pos_ == "VERB":
                crossed = True
            t = t.head
        if self._before_lead(verb):
            return EventDate()
        tense = self._tense(verb)
        if tense == "past" and self.lead is not None:
            lx = self.lead
            return EventDate(lx.date, lx.date_end, lx.precision, lx.text, "context")
        if tense in ("past", "present") and self.article.date and modality == "occurred":
            return EventDate(self.article.date, None, "day", None, "publication")
        return EventDate()

    def _before_lead(self, verb: Token) -> bool:
        """Perfect aspect or a 'once'/'in the past' marker: an event before the article's news."""
        t = verb
        for _ in range(3):
            kids = list(t.children)
            if any(c.dep_ == "aux" and c.lemma_ == "have" for c in kids):
                return True
            if any(c.lower_ in PAST_MARKERS and c.dep_ == "advmod" for c in kids):
                return True
            if any(c.dep_ == "prep" and any(p.lower_ == "past" for p in c.children) for c in kids):
                return True
            if t.dep_ in ("conj", "xcomp") and t.head is not t:
                t = t.head
                continue
            break
        return False

    def _tense(self, verb: Token) -> str:
        t = verb
        for _ in range(6):
            if t.tag_ in ("VBD",) or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in t.children):
                return "past"
            if t.tag_ in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in t.children):
                return "present"
            if t.head is t:
                break
            t = t.head
        return "unknown"

    def _location(self, pred: Token, sent: Span) -> str | None:
        for c in pred.subtree:
            if c.dep_ == "pobj" and c.head.lower_ in ("in", "at") and c.ent_type_ in ("GPE", "FAC", "LOC"):
                ent = next((e for e in sent.ents if e.start <= c.i < e.end), None)
                if ent is not None:
                    return ent.text
        return None


def _unique(actors: list[Actor]) -> list[Actor]:
    seen: set[str] = set()
    out = []
    for a in actors:
        if a.name not in seen:
            seen.add(a.name)
            out.append(a)
    return out


def _names(actors: list[Actor]) -> list[str]:
    return [a.name for a in actors]


def _countries(actors: list[Actor]) -> tuple[str, ...]:
    out: list[str] = []
    for a in actors:
        if a.country and a.country not in out:
            out.append(a.country)
    return tuple(out)


def _dedupe(events: list[Event]) -> Iterator[Event]:
    """One event per (type, actors) in a sentence: the first found, which the parse supports best."""
    seen: set[tuple] = set()
    for e in events:
        key = (e.type, e.source, e.target, e.modality)
        if key in seen:
            continue
        seen.add(key)
        yield e
