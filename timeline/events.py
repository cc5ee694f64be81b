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
from .dates import find_dates, resolve_date
from .errors import LexiconError
from .lexicon import Lexicon
from .model import Actor, Article, Event, EventDate, Mention, Timex
from .nlp import Doc, Span, Token

MODALITY_PRIORITY = ("negated", "hypothetical", "intended", "planned")
REPORTING_LEMMAS = frozenset(
    ["say", "tell", "add", "state", "announce", "declare", "note", "write", "post", "insist", "claim",
     "contend", "suggest", "argue", "explain", "stress", "acknowledge", "report", "confirm", "reiterate"]
)
CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "acl", "parataxis"})
PARTNER_PREPS = frozenset({"with", "between", "to", "against", "toward", "towards", "on", "into", "for", "at", "over", "among"})
SOURCE_PREPS = frozenset({"by", "from"})
PAST_MARKERS = frozenset({"once", "previously", "formerly", "earlier", "repeatedly", "frequently", "often", "long"})
NO_ACTOR_TYPES = frozenset({"statement"})
# Types whose unnamed perpetrators still happen somewhere: the country stands in as the target.
PLACE_TYPES = frozenset({"protest", "coercion", "military"})
BOUNDARY_PREPS = frozenset({"since", "until", "till"})
# Prepositions that introduce what an event is about ("accused X of", "called for", "sanctions on").
CONTENT_PREPS = frozenset({"of", "for", "on", "to", "against", "over", "about", "into", "toward", "towards", "from", "as",
                           "through", "via", "by"})
# Types that are someone's deliberate act: with no one named doing it, the text describes a thing.
AGENT_TYPES = frozenset({"praise", "rejection", "offer", "agreement"})
# Types that need someone on the receiving end: praise of nothing is an opinion, not an event.
DIRECTED_TYPES = frozenset({"praise", "criticism"})
QUANTITY_NOUNS = frozenset({"thousand", "hundred", "dozen", "million", "number", "contingent", "batch", "unit"})


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
    support_verbs: frozenset
    partners: dict  # first lemma -> ((Trigger, "object" | "with" | "any"), ...): triggers that need a partner

    def is_cue(self, tok: Token) -> str | None:
        """The modality a token signals, if it is a modality cue."""
        return self.cues.get(tok.lemma_.lower()) or self.cues.get(tok.lower_)

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
                if n > 1 and not (_in_sequence(tokens, i, trig.lemmas) or _with_object(tok, trig.lemmas)):
                    continue
                if best is None or n > len(best.lemmas):
                    best = trig
        if best is None:
            return None
        end = i + len(best.lemmas) if _in_sequence(tokens, i, best.lemmas) else i + 1
        return best, end

    def match_partner(self, tok: Token, mentions: dict) -> Trigger | None:
        """A trigger that counts only with a partner: "received Netanyahu", "spoke with Biden"."""
        candidates = self.partners.get(tok.lemma_.lower(), ()) + self.partners.get(tok.lower_, ())
        for trig, partner in candidates:
            lemmas = trig.lemmas
            if len(lemmas) > 1 and not _with_object(tok, lemmas):
                continue
            if trig.pos != "ANY" and tok.pos_ != trig.pos:
                continue
            kids = list(tok.children)
            if any(c.dep_ in ("oprd", "ccomp") for c in kids):
                continue  # "called the deal a betrayal"
            objs = [c for c in kids if c.dep_ in ("dobj", "nsubjpass")]  # "Ruto was received by Macron"
            withs = [p for c in kids if c.dep_ == "prep" and c.lower_ in ("with", "between") for p in c.children]
            heads = {"object": objs, "with": withs, "any": objs + withs}[partner]
            if partner == "any" or any(t.i in mentions for h in heads for t in [h, *_noun_phrase(h)]):
                return trig
        return None

    def may_start_event(self, tokens: Span | Doc, i: int) -> bool:
        """Whether token i may start an event other than a bare statement (before mentions are known)."""
        tok = tokens[i]
        hit = self.match(tokens, i)
        return (hit is not None and hit[0].type not in NO_ACTOR_TYPES or tok.lemma_.lower() in self.partners
                or tok.lower_ in self.partners or _reports_obligation(tok))

    def plover_of(self, cameo: str) -> str | None:
        """PLOVER category of a CAMEO code, per CAMEO2PLOVER (longest known prefix)."""
        for k in range(len(cameo), 1, -1):
            if cameo[:k] in self.plover:
                return self.plover[cameo[:k]]
        return None


def _same(tok: Token, lemma: str) -> bool:
    return tok.lemma_.lower() == lemma or tok.lower_ == lemma


def _in_sequence(tokens, i: int, lemmas: tuple[str, ...]) -> bool:
    """True when the tokens from i on spell the lemmas ("call for", "joint exercise")."""
    seq = tokens[i : i + len(lemmas)]
    return len(seq) == len(lemmas) and all(_same(t, lem) for t, lem in zip(seq, lemmas))


def _with_object(tok: Token, lemmas: tuple[str, ...]) -> bool:
    """True for a verb and the head of its object ("sent thousands of troops": "send troop")."""
    if len(lemmas) != 2 or tok.pos_ != "VERB":
        return False
    for c in tok.children:
        if c.dep_ == "dobj":
            heads = [c]
            if c.pos_ == "NUM" or c.lemma_.lower() in QUANTITY_NOUNS:  # "thousands of troops"
                heads += [p for q in c.children if q.dep_ == "prep" and q.lower_ == "of" for p in q.children]
            if any(_same(h, lemmas[1]) for h in heads):
                return True
    return False


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
    for _, row in _read_csv("modality.csv"):
        cues[(row.get("cue") or "").lower().strip()] = (row.get("modality") or "").strip()
    intentions = {row["type"]: row["cameo"] for _, row in _read_csv("intentions.csv")}
    support = frozenset(row["verb"].strip() for _, row in _read_csv("support_verbs.csv"))
    partners: dict[str, tuple] = {}
    for _, row in _read_csv("partner_triggers.csv"):
        lemmas = tuple(row["trigger"].lower().split())
        trig = Trigger(row["type"], lemmas, row["pos"].upper(), row["cameo"], row["plover"] or None)
        partners[lemmas[0]] = (*partners.get(lemmas[0], ()), (trig, row["partner"]))
    return TriggerLexicon({k: tuple(v) for k, v in by_lemma.items()}, cues, plover, intentions, support, partners)


# -- the parse -------------------------------------------------------------------------------
def _conjuncts(tok: Token) -> list[Token]:
    return [tok, *tok.conjuncts] if tok.dep_ != "conj" else [tok]


def _predicate(tok: Token) -> Token:
    """The verb a trigger belongs to: itself for a verb, the governing verb for a noun."""
    t = tok
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX") and t != tok or t.pos_ == "VERB":
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
        if not subj and t != verb:
            subj = [c for c in t.children if c.dep_ == "nsubjpass"]  # "Kim has been emboldened, securing..."
        if subj:
            s = subj[0]
            if s.lower_ in ("who", "which", "that") and t.dep_ == "relcl":
                return _conjuncts(_antecedent(t))
            return _conjuncts(s)
        if t.dep_ in ("xcomp", "conj", "advcl") and t.head != t:
            t = t.head
            continue
        if t.dep_ == "pcomp" and t.head.head != t.head:  # "after speaking with X, Trump said"
            t = t.head.head
            continue
        if t.dep_ == "relcl":
            return _conjuncts(_antecedent(t))
        if t.dep_ == "acl" and t.tag_ == "VBG":
            return _subjects(t.head) if t.head.pos_ in ("VERB", "AUX") else []
        break
    return []


def _antecedent(relcl: Token) -> Token:
    """The noun a relative clause describes ("Lee, a lawyer who...": Lee)."""
    head = relcl.head
    return head.head if head.dep_ == "appos" else head


REPORTED_DEMAND = Trigger("demand", ("say",), "VERB", "10", "REQUEST")


def _reports_obligation(tok: Token) -> bool:
    """A reporting verb whose clause says what someone must or should do."""
    return tok.lemma_.lower() in REPORTING_LEMMAS and any(
        c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in ("must", "should") for a in c.children)
        for c in tok.children
    )


def _in_adjunct(tok: Token) -> bool:
    """A noun in a time or circumstance phrase ("after three hours of talks") of another clause."""
    t = tok
    for _ in range(4):
        if t.dep_ == "pobj" and t.head.dep_ == "prep":
            if t.head.lower_ == "of" and t.head.head.pos_ == "NOUN":  # "after three hours of talks"
                t = t.head.head
                continue
            return t.head.lower_ not in CONTENT_PREPS
        if t.dep_ not in ("pobj", "prep", "compound"):
            return False
        t = t.head
    return False


def _told_by(c: _Candidate, governor: _Candidate) -> bool:
    """A deed named as what was approved, pledged or agreed ("approved new sanctions") is news
    of its own, beside the approval; other nested triggers are only the governor's content."""
    return (governor.trigger.type in ("offer", "agreement") and c.head.pos_ == "NOUN"
            and c.trigger.type in ("sanction", "aid", "military", "cooperation", "retreat"))


def _scheduled(verb: Token) -> bool:
    """Present simple of an act ("Biden hands over to Trump on Monday"): a timetable, the future."""
    return (verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() not in REPORTING_LEMMAS
            and verb.lemma_ != "be" and not any(c.dep_ == "aux" for c in verb.children))


def _refuses(verb: Token) -> bool:
    """A negated will/would/won't: someone declining to act, not an event said not to happen."""
    kids = list(verb.children)
    return any(c.dep_ == "neg" for c in kids) and any(
        c.dep_ == "aux" and c.lower_ in ("will", "would", "wo", "shall", "'ll") for c in kids)


def _definite(tok: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "these", "those", "their", "its", "his", "her")
               for c in tok.children)


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A trigger found in a sentence: its head token, its token span and its lexicon row."""

    head: Token
    start: int
    end: int
    trigger: Trigger


class EventExtractor:
    """Extracts the events of one article, sentence by sentence, in reading order."""

    def __init__(self, article: Article, lexicon: Lexicon, triggers: TriggerLexicon, min_confidence: float = 0.55):
        self.article = article
        self.triggers = triggers
        self.min_confidence = min_confidence
        self.finder = MentionFinder(lexicon, article.date)
        self.timexes = find_dates(article.text, article.date)
        self.lead: Timex | None = self._lead_timex()
        self.seen_sentences: set[str] = set()
        self.seen_types: set[str] = set()
        self.sentence_index = 0
        self.trigger_heads: set[int] = set()  # trigger tokens of the sentence being read

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
        statement, and it has a proper noun that neither the actor lexicon (names, titles) nor
        a date explains.
        """
        lexicon = self.finder.lexicon
        known = {i for span, _ in self.finder.names(sent.doc) if sent.start <= span.start < sent.end
                 for i in range(span.start, span.end)}
        s0, s1 = offset + sent.start_char, offset + sent.end_char
        dates = [(t.start, t.end) for t in self.timexes if t.start < s1 and t.end > s0]
        unknown = any(t.pos_ == "PROPN" and t.text[:1].isupper() and t.i not in known
                      and t.lower_ not in lexicon.title_words
                      and not any(a <= offset + t.idx < b for a, b in dates) for t in sent)
        return unknown and any(self.triggers.may_start_event(sent.doc, i) for i in range(sent.start, sent.end))

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
            events = list(self._sentence(sent, index, start, text, mentions, offset))
            self.seen_types.update(e.type for e in events)
            yield from events

    def _timex_heads(self, sent: Span, offset: int) -> dict[int, Timex]:
        """Map token index -> the temporal expression attached to it in the parse.

        Tokens inside an expression map under their negated index minus one, so that they
        are not taken for triggers ("Monday's talks" keeps "talks", loses nothing).
        """
        heads: dict[int, Timex] = {}
        s0, s1 = offset + sent.start_char, offset + sent.end_char
        for tx in self.timexes:
            if tx.end <= s0 or tx.start >= s1:
                continue
            toks = [t for t in sent if offset + t.idx < tx.end and offset + t.idx + len(t) > tx.start]
            if not toks:
                continue
            ids = {t.i for t in toks}
            root = next((t for t in toks if t.head.i not in ids or t.head == t), toks[0])
            anchor = root.head
            if anchor.lower_ in BOUNDARY_PREPS or toks[0].lower_ in BOUNDARY_PREPS:
                continue  # "its first visit since 2015": a bound, not the event's date
            while (anchor.dep_ == "prep" or anchor.pos_ == "ADP") and anchor.head is not anchor:
                anchor = anchor.head
            heads.setdefault(anchor.i, tx)
            for t in toks:
                heads.setdefault(-t.i - 1, tx)
        return heads

    def _candidates(self, sent: Span, mentions: dict[int, Mention], timex_at: dict[int, Timex]) -> list[_Candidate]:
        doc = sent.doc
        found: list[_Candidate] = []
        i = sent.start
        while i < sent.end:
            m = mentions.get(i)
            if -i - 1 in timex_at or (m is not None and doc[i].pos_ == "PROPN"):
                i += 1
                continue
            hit = self.triggers.match(doc, i)
            partner = self.triggers.match_partner(doc[i], mentions)
            if partner is not None and (hit is None or hit[0].type in NO_ACTOR_TYPES):
                hit = (partner, i + 1)
            if hit is None:
                i += 1
                continue
            trig, end = hit
            if trig.type in NO_ACTOR_TYPES and _reports_obligation(doc[i]):
                trig = REPORTED_DEMAND  # "Moscow has said Ukraine must be neutral": a demand
            span = doc[i:end]
            head = span.root
            if head.ent_type_ not in ("ORG", "FAC", "LAW", "WORK_OF_ART", "PRODUCT"):
                found.append(_Candidate(head, i, end, trig))
            i = end
        return found

    def _cue_only(self, c: _Candidate) -> bool:
        """A verb that governs another action is its modality, not an event ("hoped to meet")."""
        tok = c.head
        if not any(ch.dep_ == "xcomp" for ch in tok.children):
            return False
        cue = self.triggers.is_cue(tok)
        if cue in ("intended", "planned") and c.trigger.type not in ("offer", "threat", "agreement"):
            return True
        # "fought to join", "battled to keep": striving, not fighting
        return c.trigger.type in ("military", "protest")

    def _governor(self, c: _Candidate, at: dict[int, _Candidate]) -> _Candidate | None:
        """The trigger whose argument holds this one ("demanded Ukraine renounce..."), if any."""
        t = c.head
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.i in at and t.pos_ == "NOUN":
            return at[t.head.i]  # "the summit was hosted by Kishida": one event, told by the verb
        for _ in range(8):
            if t.head == t or t.dep_ in ("nsubj", "nsubjpass", "csubj", "relcl", "parataxis", "appos"):
                return None
            if t.dep_ == "advcl" and not any(m.dep_ == "mark" and m.lower_ == "for" for m in t.children):
                return None  # an adverbial clause is its own event; "called for Kyiv to cede" is content
            if t.dep_ == "prep" and t.lower_ not in CONTENT_PREPS:
                return None  # "in a draft", "with negotiations set to continue": adjuncts, not content
            if t.dep_ == "conj":
                t = t.head
                continue
            t = t.head
            g = at.get(t.i)
            if g is not None and g.trigger.type not in NO_ACTOR_TYPES and not self._cue_only(g):
                return g
        return None

    def _sentence(self, sent: Span, index: int, start: int, text: str, mentions: dict[int, Mention], offset: int):
        timex_at = self._timex_heads(sent, offset)
        cands = self._candidates(sent, mentions, timex_at)
        at = {c.head.i: c for c in cands}
        self.trigger_heads = {i for i, c in at.items() if c.trigger.type not in NO_ACTOR_TYPES}
        events: list[Event] = []
        for c in cands:
            governor = self._governor(c, at)
            if self._cue_only(c) or governor is not None and not _told_by(c, governor):
                continue
            ev = self._event(c, sent, index, start, text, mentions, timex_at, offset, events, governor)
            if ev is not None and ev.confidence >= self.min_confidence:
                events.append(ev)
        yield from _dedupe(events)

    # -- one event ------------------------------------------------------------------------------
    def _event(self, c: _Candidate, sent, index, start, text, mentions, timex_at, offset, earlier: list[Event],
               governor: _Candidate | None = None) -> Event | None:
        tok, trig = c.head, c.trigger
        verb = _predicate(tok)
        if trig.type in ("talks", "meeting") and self._by_phone(verb if verb != tok else tok):
            trig = Trigger("call", trig.lemmas, trig.pos, "041", "CONSULT")  # "spoke with Biden by telephone"
        sources, targets, rule = self._roles(tok, verb, mentions, trig.type)
        if rule == "none":
            return None
        if governor is not None and not sources:  # "the EU approved new sanctions": the EU's sanctions
            sources = self._subject_actors(governor.head, mentions)
            rule += "+governor"
        modality = self._modality(tok, verb)
        same = next((e for e in reversed(earlier) if e.type == trig.type), None) if tok.pos_ == "NOUN" else None
        own = {a.name for a in sources + targets}
        if same is not None and modality == same.modality and (
                tok.dep_ in ("appos", "attr") or own <= set(same.actors) or _in_adjunct(tok) and own & set(same.actors)):
            return None  # "Lee visited Tokyo ..., a stop praised by Trump": the same visit again
        if tok.pos_ == "NOUN" and not targets:
            if (same is None and _definite(tok) and trig.type in self.seen_types
                    and verb.lemma_.lower() not in self.triggers.support_verbs):
                return None  # "comment on the talks": a reference back to an event already told
            if same is not None:  # "talks ... with negotiations set to continue": the same sides
                sources = sources or [self._actor_by_name(n, mentions) for n in same.source]
                targets = [self._actor_by_name(n, mentions) for n in same.target]
                sources, targets = [a for a in sources if a], [a for a in targets if a]
                rule += "+coref"
        if not sources and not targets and trig.type in PLACE_TYPES:
            # "Gunmen abducted 280 pupils in Nigeria's Kaduna state": the country where it happened
            targets = _unique([m.actor for t in [verb, *_phrase(verb)] if (m := mentions.get(t.i)) is not None
                               and m.actor.kind == "country"])[:1]
            rule += "+place"
        if not sources and not targets:
            return None
        if trig.type in NO_ACTOR_TYPES and not sources or trig.type in DIRECTED_TYPES and not targets and len(sources) < 2:
            return None
        if not sources and (trig.type in AGENT_TYPES or tok.dep_ == "relcl" and trig.type not in PLACE_TYPES):
            return None  # "a deal that initially backed Moscow's demands": a description of a thing
        if modality == "negated" and trig.type not in NO_ACTOR_TYPES | {"rejection"} and _refuses(verb):
            # "said he would not provide support": the refusal is the news (CAMEO 12)
            trig, modality = Trigger("rejection", trig.lemmas, trig.pos, "12", "REJECT"), "occurred"
        when = self._date(tok, verb, timex_at, modality)
        cameo = trig.cameo or "00"
        if modality == "intended" and trig.type in self.triggers.intentions:
            cameo = self.triggers.intentions[trig.type]
        plover = self.triggers.plover_of(cameo) if cameo[:2] != "00" else None
        plover = plover or (trig.plover if cameo[:2] != "00" else None)
        src_names = _names(sources)
        targets = [a for a in targets if a.name not in src_names]
        actors = _unique(sources + targets)
        texts = {m.actor.name: m.text for m in sorted(mentions.values(), key=lambda m: -m.start)}
        doc = sent.doc
        t_start, t_end = offset + doc[c.start].idx, offset + doc[c.end - 1].idx + len(doc[c.end - 1])
        confidence = 0.4 + (0.3 if sources else 0) + (0.2 if targets else 0)
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and not targets:
            confidence -= 0.2  # "the raids denounced by Trump": a reference, not the news
        if "modifier" in rule and not targets:
            confidence -= 0.2  # "Russian attacks": the actor only qualifies the noun
        digest = hashlib.sha1(f"{self.article.id}|{t_start}|{trig.type}".encode()).hexdigest()[:16]
        return Event(
            id=digest, type=trig.type, cameo=cameo, plover=plover,
            date=when.date, date_end=when.date_end, date_precision=when.precision, date_text=when.text,
            date_basis=when.basis, modality=modality,
            source=tuple(src_names), target=tuple(_names(targets)), actors=tuple(a.name for a in actors),
            source_countries=_countries(sources), target_countries=_countries(targets),
            location=self._location(verb, sent, mentions),
            trigger=doc[c.start : c.end].text, sentence=text, sentence_index=index, char_start=start,
            char_end=start + len(text), article_id=self.article.id, article_title=self.article.title,
            article_date=self.article.date, article_source=self.article.source,
            confidence=round(max(0.0, min(confidence, 0.95)), 2), trigger_start=t_start, trigger_end=t_end,
            rule=rule, article_url=self.article.url,
            actor_kinds=tuple(a.kind for a in actors), actor_countries=tuple(a.country or "" for a in actors),
            actor_texts=tuple(texts.get(a.name, a.name) for a in actors),
        )

    def _by_phone(self, pred: Token) -> bool:
        """True when the clause says the exchange was remote ("by telephone", "in a video call")."""
        for t in _phrase(pred):
            hit = self.triggers.match(t.doc, t.i)
            if hit is not None and hit[0].type == "call":
                return True
        return False

    def _actor_by_name(self, name: str, mentions: dict[int, Mention]) -> Actor | None:
        for m in mentions.values():
            if m.actor.name == name:
                return m.actor
        for _, actor, _ in reversed(self.finder.memory.persons):
            if actor.name == name:
                return actor
        return Actor(name=name, kind="unknown")

    def _actor_of(self, tok: Token, mentions: dict[int, Mention], depth: int = 3) -> list[Actor]:
        """Actors named by the phrase headed by `tok` (and its conjuncts)."""
        if tok.i in self.finder.groups:
            return list(self.finder.groups[tok.i])
        phrase = _noun_phrase(tok)
        if any(t.dep_ == "cc" and t.lower_ in ("and", "&") for t in phrase):
            # "US President Donald Trump and Russian President Vladimir Putin": the parser often
            # nests such pairs oddly; every name in a coordinated phrase takes part
            named = [m.actor for t in [tok, *phrase] if (m := mentions.get(t.i)) is not None
                     and not _possessor(t) and (t.pos_ != "PRON" or t.dep_ in ("nsubj", "conj", "dobj", "pobj"))]
            people = _unique([a for a in named if a.kind == "person"])
            if len(people) > 1:
                return people
        out: list[Actor] = []
        for head in _conjuncts(tok):
            found = self._phrase_actor(head, mentions, depth)
            if found is not None and found.name not in {a.name for a in out}:
                out.append(found)
        return out

    def _phrase_actor(self, tok: Token, mentions: dict[int, Mention], depth: int) -> Actor | None:
        """The actor a noun phrase names: its head, else the nearest name below it.

        A possessor is the last resort ("Trump's predecessor Joe Biden" is Biden), and a
        pronoun counts only as the head itself ("his own rebuke" names no one).
        """
        for allow_poss in (False, True):
            frontier = [tok]
            for level in range(depth + 1):
                nxt = []
                found = [m.actor for t in frontier if (m := mentions.get(t.i)) is not None
                         and (level == 0 or t.pos_ != "PRON")]
                if found:  # "his Iranian counterpart Ebrahim Raisi": the person, not the demonym
                    return next((a for a in found if a.kind == "person"), found[0])
                for t in frontier:
                    nxt.extend(ch for ch in t.children if ch.dep_ not in CLAUSE_DEPS
                               and ch.dep_ not in ("conj", "cc", "punct") and (allow_poss or ch.dep_ != "poss"))
                frontier = nxt
        return None

    def _left_possessor(self, tok: Token, mentions: dict[int, Mention]) -> list[Actor]:
        """ "Hamas's October 7, 2023 attack": a possessor before the noun's modifiers, whatever the parse."""
        doc = tok.doc
        k = tok.i - 1
        while k >= max(0, tok.i - 8) and (doc[k].ent_type_ == "DATE" or doc[k].pos_ in ("ADJ", "NUM", "PUNCT")
                                           or doc[k].dep_ in ("compound", "amod", "nummod")):
            k -= 1
        if k >= 1 and doc[k].tag_ == "POS" and (m := mentions.get(k - 1)) is not None:
            return [m.actor]
        return []

    def _subject_actors(self, verb: Token, mentions: dict[int, Mention]) -> list[Actor]:
        """The actors of a verb's subject; a subject naming no one defers to the clause above."""
        t = verb
        for _ in range(4):
            subjects = _subjects(t)
            found = [a for s in subjects for a in self._actor_of(s, mentions)]
            if found or not subjects:
                return found
            top = subjects[0].head
            if t.dep_ != "conj" or top.head == top:
                return []
            t = top.head  # "the two sides had reached ... and urged": Putin said ... and urged
        return []

    def _pobj_actors(self, prep: Token, mentions: dict[int, Mention]) -> list[Actor]:
        return [a for p in prep.children if p.dep_ == "pobj" for a in self._actor_of(p, mentions)]

    def _roles(self, tok: Token, verb: Token, mentions: dict[int, Mention],
               etype: str) -> tuple[list[Actor], list[Actor], str]:
        if tok.pos_ in ("VERB", "AUX"):
            sources, targets, rule = self._verb_roles(tok, mentions, etype)
        else:
            sources, targets, rule = self._noun_roles(tok, verb, mentions)
        if etype in ("meeting", "talks", "visit") and rule != "none":
            for c in verb.children if verb != tok else tok.children:
                if c.dep_ == "prep" and c.lower_ == "in":
                    targets += [a for a in self._pobj_actors(c, mentions) if a.kind == "country"
                                and any(m.text.lower().lstrip("the ").startswith(a.name.lower()[:4])
                                        for m in mentions.values() if m.actor is a)]
        src_names = {a.name for a in sources}
        return _unique(sources), _unique([a for a in targets if a.name not in src_names]), rule

    def _verb_roles(self, tok, mentions, etype):
        sources: list[Actor] = []
        targets: list[Actor] = []
        passive = _is_passive(tok)
        dobj_without_actor = False
        for c in tok.children:
            if c.dep_ == "agent":
                sources += self._pobj_actors(c, mentions)
            elif c.dep_ == "nsubjpass":
                targets += self._actor_of(c, mentions)
            elif c.dep_ in ("dobj", "dative", "iobj", "attr", "oprd"):
                # "met Zelensky", not "meets one of Russia's war aims"
                found = self._actor_of(c, mentions, 1) if etype in ("meeting", "call") else self._actor_of(c, mentions)
                if not found and c.dep_ == "dobj" and etype not in ("meeting", "call"):
                    # "signed agreements to normalise relations with the UAE": who the object concerns
                    found = _unique([m.actor for t in c.subtree if (m := mentions.get(t.i)) is not None
                                     and t.pos_ != "PRON" and t.i != tok.i])[:3]
                targets += found
                dobj_without_actor |= c.dep_ == "dobj" and not found and not any(
                    t.i in self.trigger_heads for t in c.subtree)  # "hosted rounds of talks" is fine
            elif c.dep_ == "prep" and c.lower_ in PARTNER_PREPS:
                targets += self._pobj_actors(c, mentions)
        if dobj_without_actor and etype in ("meeting", "call") and not targets:
            return [], [], "none"  # "meets one of Russia's war aims": not a meeting
        if not passive:
            sources = self._subject_actors(tok, mentions) + sources
        elif tok.dep_ == "acl":
            targets += self._actor_of(tok.head, mentions)
        comps = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")
                 or c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)]
        for comp in comps:
            # the content of an offer, demand or agreement: who it concerns
            if etype not in NO_ACTOR_TYPES:
                src = {a.name for a in sources}
                found = [m.actor for t in [comp, *_phrase(comp)] if (m := mentions.get(t.i)) is not None
                         and t.pos_ != "PRON"]
                found = found or [m.actor for t in comp.subtree if (m := mentions.get(t.i)) is not None
                                  and t.pos_ != "PRON"]  # "denounce what he said was a purge in South Korea"
                targets += [a for a in _unique(found) if a.name not in src][:4]
        return sources, targets, "verb"

    def _noun_roles(self, tok, verb, mentions):
        sources: list[Actor] = []
        targets: list[Actor] = []
        rule = "noun"
        from_prep = False
        listed = False  # "a call between Trump, King Hamad and Netanyahu": the parties are named
        for c in tok.children:
            if c.dep_ == "poss":
                sources += self._actor_of(c, mentions)
            elif c.dep_ in ("compound", "nmod", "nummod") and c.i not in mentions:
                # "Hamas's October 7, 2023 attack": the possessor sits on the date
                sources += [a for t in c.children if t.dep_ == "poss" for a in self._actor_of(t, mentions)]
            elif c.dep_ in ("compound", "amod", "nmod") and c.i in mentions and c.pos_ != "PRON":
                sources += self._actor_of(c, mentions, 0)
                rule = "noun+modifier"
            elif c.dep_ == "prep" and c.lower_ in SOURCE_PREPS:
                found = self._pobj_actors(c, mentions)
                sources += found
                from_prep |= bool(found)
            elif c.dep_ == "prep" and (c.lower_ in PARTNER_PREPS or c.lower_ == "of"):
                found = self._pobj_actors(c, mentions)
                targets += found
                listed |= c.lower_ in ("between", "among") and len(found) > 1
            elif c.dep_ == "relcl":
                # "a meeting in which Lee praised Trump": the clause's people took part
                targets += [a for t in c.children if t.dep_ in ("nsubj", "dobj") for a in self._actor_of(t, mentions)]
        if not sources:
            sources += self._left_possessor(tok, mentions)
        if not targets:
            # "sanctions targeting Russia's banks", "negotiations mediated by Qatar"
            own = {a.name for a in sources}
            targets += _unique([m.actor for c in tok.children if c.dep_ in ("acl", "prep")
                                for t in c.subtree if (m := mentions.get(t.i)) is not None
                                and t.pos_ != "PRON" and m.actor.name not in own])[:3]
        if verb != tok:
            rule += "+verb"
            subj = self._subject_actors(verb, mentions)
            if tok.dep_ in ("nsubj", "nsubjpass"):
                targets += [a for c in verb.children if c.dep_ == "dobj" for a in self._actor_of(c, mentions)]
                targets += [a for c in verb.children if c.dep_ == "agent" for a in self._pobj_actors(c, mentions)]
            elif from_prep:
                targets = subj + targets  # "securing support from Russia": the subject receives
            elif subj and (verb.lemma_.lower() in self.triggers.support_verbs and tok.dep_ in ("dobj", "attr")
                           or not sources and not listed and not _in_adjunct(tok)):
                sources = subj + [a for a in sources if a.name not in {s.name for s in subj}]
            if not targets and verb.lemma_.lower() in self.triggers.support_verbs | {"be"}:
                # "held five hours of talks with US envoys", "imposed sanctions on Israel":
                # the partner hangs on the verb
                for c in list(verb.children) + list(tok.head.children if tok.dep_ == "pobj" else []):
                    if c.dep_ == "prep" and c.lower_ in PARTNER_PREPS:
                        targets += self._pobj_actors(c, mentions)
        return sources, targets, rule

    def _modality(self, tok: Token, verb: Token) -> str:
        """The strongest modality cue on the path from the trigger to its reporting verb."""
        found: set[str] = set()
        path = [tok]
        t = tok
        for _ in range(8):
            if t.head == t or (t != tok and t.dep_ in ("relcl", "advcl", "parataxis")):
                break
            if t.dep_ == "prep" and t.lower_ not in CONTENT_PREPS:
                break  # "offered ..., with negotiations set to continue": the adjunct has its own
            t = t.head
            if t.lemma_.lower() in REPORTING_LEMMAS:
                break
            path.append(t)
        reported = t.lemma_.lower() in REPORTING_LEMMAS
        for node in path:
            words = [node] + [c for c in node.children if c.dep_ in ("aux", "neg", "mark", "acl", "advmod", "acomp", "xcomp", "det")]
            for w in words:
                if w == tok and w != node:
                    continue
                if w.dep_ == "neg" and node in (tok, verb):
                    found.add("negated")
                    continue
                if w.dep_ == "det" and w.lower_ != "no":
                    continue
                if w != node and w.dep_ in ("acl", "xcomp") and node == tok and tok.pos_ in ("VERB", "AUX"):
                    continue
                if w.dep_ == "acl" and not any(x.dep_ == "xcomp" for x in w.children):
                    continue  # "talks aimed at finalising a deal": a purpose, not a plan
                cue = self.triggers.is_cue(w)
                if cue is None or (w == node and w == tok):
                    continue
                if w.lower_ == "would" and reported:
                    cue = "planned"
                if w.lower_ in ("if", "unless", "whether") and w.dep_ != "mark":
                    continue
                found.add(cue)
        for m in MODALITY_PRIORITY:
            if m in found:
                return m
        return "occurred"

    def _date(self, tok: Token, verb: Token, timex_at: dict[int, Timex], modality: str) -> EventDate:
        own = {tok.i, verb.i}
        earlier = self._before_lead(verb)
        if tok != verb:  # a noun's own phrase first: "negotiations set to continue on Monday"
            for d in _phrase(tok):
                tx = timex_at.get(d.i)
                if tx is not None and tx.date:
                    return EventDate(tx.date, tx.date_end, tx.precision, tx.text, "text")
        t = tok
        crossed = False
        for _ in range(10):
            tx = timex_at.get(t.i)
            if tx is not None and tx.date and crossed and earlier:
                break  # "said Monday he had met Modi": the meeting came before Monday
            if tx is not None and tx.date:
                basis = "text" if t.i in own or not crossed else "context"
                if basis == "text" and _scheduled(verb):
                    tx = resolve_date(tx.text, self.article.date, "future") or tx
                return EventDate(tx.date, tx.date_end, tx.precision, tx.text, basis)
            if t.head == t:
                break
            if t.dep_ in CLAUSE_DEPS or (t.dep_ == "conj" and t.pos_ == "VERB"):
                crossed = True
            t = t.head
        verbs = {i for i in self.trigger_heads if tok.doc[i].pos_ == "VERB"} - {tok.i, verb.i}
        for d in _phrase(verb if verb != tok else tok, absolute=False, stop=verbs):
            tx = timex_at.get(d.i)
            if tx is not None and tx.date:  # "in a draft disclosed last month called for..."
                return EventDate(tx.date, tx.date_end, tx.precision, tx.text, "text")
        if earlier:
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
            if t.dep_ in ("conj", "xcomp", "advcl") and t.head != t:
                t = t.head
                continue
            break
        return False

    def _tense(self, verb: Token) -> str:
        t = verb
        for _ in range(6):
            if t.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in t.children):
                return "past"
            if t.tag_ in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in t.children):
                return "present"
            if t.head == t:
                break
            t = t.head
        return "unknown"

    def _location(self, pred: Token, sent: Span, mentions: dict[int, Mention]) -> str | None:
        """The place of an event: a place name after "in" or "at" in its clause ("met in Berlin")."""
        for c in _phrase(pred):
            if c.dep_ != "pobj" or c.head.lower_ not in ("in", "at"):
                continue
            if c.ent_type_ in ("GPE", "FAC", "LOC"):
                ent = next((e for e in sent.ents if e.start <= c.i < e.end), None)
                if ent is not None:
                    return ent.text
            m = mentions.get(c.i)
            if m is not None and m.actor.kind in ("country", "organization") and sent.doc[c.i].pos_ == "PROPN":
                return m.text  # a place the lexicon knows, where the recogniser did not read
        return None


# What ends a predicate's own clause, and what ends a noun phrase (which keeps its conjuncts).
CLAUSE_BOUNDARY = frozenset({"relcl", "advcl", "ccomp", "parataxis", "conj"})
NOUN_PHRASE_BOUNDARY = frozenset({"relcl", "advcl", "ccomp", "acl", "parataxis"})


def _phrase(tok: Token, absolute: bool = True, stop: set[int] = frozenset(),
            boundary: frozenset = CLAUSE_BOUNDARY) -> Iterator[Token]:
    """The tokens of a predicate's own clause: its subtree without embedded clauses.

    With `absolute=False` an absolute construction ("with negotiations set to continue on
    Monday") is left out too, and so is the phrase of any token in `stop` ("an agreement
    signed in 2001"): each tells an event of its own.
    """
    stack = list(tok.children)
    while stack:
        t = stack.pop(0)
        if t.dep_ in boundary or t.i in stop:
            continue
        if not absolute and t.dep_ == "prep" and t.lower_ == "with" and any(
                v.dep_ == "acl" and v.pos_ == "VERB" for p in t.children for v in p.children):
            continue
        yield t
        stack.extend(t.children)


def _possessor(tok: Token) -> bool:
    """ "Trump" in "Trump's son-in-law Jared Kushner": a name that only says whose."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.dep_ == "poss" or tok.tag_ == "PRP$" or (nxt is not None and nxt.tag_ == "POS")


def _noun_phrase(tok: Token) -> list[Token]:
    """The tokens of a noun phrase with its coordinated parts, without its clauses."""
    return list(_phrase(tok, boundary=NOUN_PHRASE_BOUNDARY))


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
    """One event per (type, sides, modality) in a sentence: the first found."""
    seen: set[tuple] = set()
    for e in events:
        key = (e.type, e.source, e.target, e.modality)
        if key in seen:
            continue
        seen.add(key)
        yield e
