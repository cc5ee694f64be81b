"""Extraction rules as data: triggers, event-type policy, rewrites, modality cues and word lists.

Every table lives in `timeline/data/` and is read with `datafiles.read_table`, which checks it
and fails at load time with `file:line: what is wrong`. Every rule keeps the `file:line` of
its row, so that an event's `rule` can say which rows made it.

| file | what |
|---|---|
| `triggers.csv` | words that start an event: type, lemmas, part of speech, CAMEO, PLOVER |
| `partner_triggers.csv` | words that start an event only with a named partner ("received Netanyahu") |
| `support_verbs.csv` | light verbs whose object noun is the event ("held talks") |
| `modality.csv` | cue words and phrases of modality ("hoped to", "would like to", "called off") |
| `event_types.csv` | the policy of each event type (who it needs, mutual, intent code, colour, symbol) |
| `rewrites.csv` | type rewrites (by phone -> call, refusal -> rejection), with their named conditions |
| `words.csv` | word lists the passes use (reporting verbs, prepositions, markers) |
| `CAMEO2PLOVER-2021.txt` | CAMEO code -> PLOVER category |
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .datafiles import Row, data_text, matches, one_of, read_table

if TYPE_CHECKING:  # spaCy is imported by nlp.py only; the tables load without it
    from .nlp import Doc, Span, Token

POS_VALUES = ("ANY", "VERB", "NOUN", "ADJ", "ADV", "AUX", "ADP", "SCONJ", "CCONJ", "DET", "PART", "PROPN")
MODALITY_VALUES = ("intended", "planned", "hypothetical", "negated")
CAMEO = matches(r"\d{2,4}", "a CAMEO code of 2 to 4 digits")
PLOVER = matches(r"[A-Z]+", "a PLOVER category in capitals")
YES = one_of(("yes",), allow_empty=True)


@dataclass(frozen=True, slots=True)
class Trigger:
    """One row of triggers.csv (or partner_triggers.csv); `ref` is its `file:line`."""

    type: str
    lemmas: tuple[str, ...]
    pos: str
    cameo: str
    plover: str | None
    ref: str = ""


@dataclass(frozen=True, slots=True)
class EventType:
    """One row of event_types.csv: what an event type needs and how it is drawn."""

    name: str
    flags: frozenset[str]
    intent_cameo: str
    color: str
    symbol: str

    def __getattr__(self, flag: str) -> bool:
        """`policy.mutual`, `policy.needs_source`, ...: whether the row says yes."""
        if flag in EVENT_TYPE_FLAGS:
            return flag in self.flags
        raise AttributeError(flag)


EVENT_TYPE_FLAGS = ("reporting", "needs_source", "needs_target", "place_fallback", "mutual", "encounter",
                    "venue_target", "commitment", "striving", "dyadic", "destination", "absorbs_purpose", "purpose",
                    "addresses_fighting", "answers")


@dataclass(frozen=True, slots=True)
class Rewrite:
    """One row of rewrites.csv: at `stage`, when `condition` holds, a type becomes another."""

    id: str
    stage: str
    condition: str
    from_types: frozenset[str]
    excluded: frozenset[str]
    to_type: str
    cameo: str
    plover: str | None
    modality: str

    def applies_to(self, etype: str) -> bool:
        return etype not in self.excluded and ("*" in self.from_types or etype in self.from_types)


@dataclass(frozen=True, slots=True)
class Governed:
    """One row of governed.csv: a trigger inside another's argument that stays an event of its own."""

    governors: frozenset[str]
    governed: frozenset[str]
    pos: str
    modality: str
    ref: str
    direct: bool = False  # the governed word must be the governor's direct object ("approved sanctions")
    completed: bool = False  # only under a governor told as done, not going on ("negotiated a deal", not "are negotiating")

    def keeps(self, governor: str, governed: str, pos: str) -> bool:
        return governor in self.governors and governed in self.governed and self.pos in ("ANY", pos)


@dataclass(frozen=True, slots=True)
class Cue:
    """One row of modality.csv: a cue word or phrase and the modality it signals."""

    lemmas: tuple[str, ...]
    modality: str
    ref: str


@functools.lru_cache(maxsize=1)
def event_types() -> dict[str, EventType]:
    """The event types of event_types.csv, in the file's order (which is the legend's order)."""
    checks = {f: YES for f in EVENT_TYPE_FLAGS} | {"intent_cameo": CAMEO,
                                                    "color": matches(r"#[0-9A-Fa-f]{6}", "a colour #RRGGBB")}
    rows = read_table("event_types.csv", ("type", *EVENT_TYPE_FLAGS, "intent_cameo", "color", "symbol", "note"),
                      required=("type", "color", "symbol"), checks=checks)
    return {r["type"]: EventType(r["type"], frozenset(f for f in EVENT_TYPE_FLAGS if r[f]), r["intent_cameo"],
                                 r["color"], r["symbol"]) for r in rows}


@functools.lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    """The word lists of words.csv by name."""
    out: dict[str, set[str]] = {}
    for r in read_table("words.csv", ("list", "word", "note"), required=("list", "word")):
        out.setdefault(r["list"], set()).add(r["word"])
    return {k: frozenset(v) for k, v in out.items()}


def _trigger(r: Row) -> Trigger:
    return Trigger(r["type"], tuple(r["trigger"].lower().split()), (r["pos"] or "ANY").upper(), r["cameo"],
                   r["plover"] or None, r.ref)


def _trigger_rows(name: str, extra: tuple[str, ...] = ()) -> tuple[Row, ...]:
    types = one_of(event_types())
    checks = {"type": types, "pos": one_of(POS_VALUES, allow_empty=True), "cameo": CAMEO, "plover": PLOVER}
    if extra:
        checks["partner"] = one_of(("object", "with", "any", "beneficiary"))
    return read_table(name, ("type", "trigger", "pos", "cameo", "plover", *extra, "note"),
                      required=("type", "trigger", "cameo", *extra), checks=checks)


def _plover_table() -> dict[str, str]:
    plover: dict[str, str] = {}
    for line in data_text("CAMEO2PLOVER-2021.txt").splitlines():
        m = re.match(r"\s*(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            plover[m.group(1)] = m.group(2)
    return plover


@dataclass(frozen=True, slots=True)
class Rules:
    """All extraction rules, indexed for the passes (`load_rules`)."""

    by_lemma: dict  # first lemma -> (Trigger, ...)
    partners: dict  # first lemma -> ((Trigger, "object" | "with" | "any" | "beneficiary"), ...)
    cues: dict  # any lemma of a cue -> (Cue, ...), longest first
    plover: dict
    support_verbs: frozenset
    types: dict
    rewrites: tuple
    words: dict
    governed: tuple  # Governed rows
    aspect_verbs: frozenset
    idioms: tuple  # (lemmas, part of speech of the first word or "", ref) of phrases whose words are never triggers
    evaluations: dict  # word -> (Trigger, frame) of evaluations.csv
    # every word a trigger or a partner trigger starts with: a word outside it starts none
    starts: frozenset = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "starts", frozenset(self.by_lemma) | frozenset(self.partners))

    def may_start(self, lemma: str, lower: str) -> bool:
        """Whether a word (its lower-case lemma and text) can start a trigger or a partner trigger."""
        return lemma in self.starts or lower in self.starts

    def idiom_at(self, tokens, i: int) -> range | None:
        """The token range of an idiom that covers token i ("a great deal"), if any."""
        tok = tokens[i]
        keys = (tok.lemma_.lower(), tok.lower_)
        for lemmas, pos, _ in self.idioms:
            for k in range(len(lemmas)):
                if lemmas[k] in keys and i - k >= 0 and in_sequence(tokens, i - k, lemmas) \
                        and (not pos or tokens[i - k].pos_ == pos):
                    return range(i - k, i - k + len(lemmas))
        return None

    def governed_row(self, governor: str, governed: str, pos: str) -> Governed | None:
        """The governed.csv row that keeps a `governed` trigger under a `governor`, if any."""
        return next((r for r in self.governed if r.keeps(governor, governed, pos)), None)

    def policy(self, etype: str) -> EventType:
        return self.types[etype]

    def word(self, listname: str) -> frozenset[str]:
        return self.words[listname]

    # -- triggers ---------------------------------------------------------------------------
    def match(self, tokens: Span | Doc, i: int) -> tuple[Trigger, int] | None:
        """The trigger starting at token i (longest multi-word match first) and its end index."""
        tok = tokens[i]
        best = None
        for key in dict.fromkeys((tok.lemma_.lower(), tok.lower_)):
            for trig in self.by_lemma.get(key, ()):
                n = len(trig.lemmas)
                if trig.pos != "ANY" and tok.pos_ != trig.pos and not (
                        trig.pos == "VERB" and (tok.pos_ == "AUX" or misparsed_verb(tok))):
                    continue
                if n > 1 and not (sequence_end(tokens, i, trig.lemmas) or self.with_object(tok, trig.lemmas)
                                  or with_preposition(tok, trig.lemmas)):
                    continue
                if best is None or n > len(best.lemmas):
                    best = trig
        if best is None:
            return None
        return best, sequence_end(tokens, i, best.lemmas) or i + 1

    def partner_candidates(self, tok: Token) -> tuple:
        return self.partners.get(tok.lemma_.lower(), ()) + self.partners.get(tok.lower_, ())

    def with_object(self, tok: Token, lemmas: tuple[str, ...]) -> bool:
        """True for a verb and the head of its object ("sent thousands of troops": "send troop")."""
        if len(lemmas) != 2:
            return False
        for c in self._objects(tok):
            heads = [c]
            if c.pos_ == "NUM" or c.lemma_.lower() in self.word("quantity_noun") | self.word("partitive"):
                # "thousands of troops", "all of its border crossings", "its side of the bridge"
                heads += [p for q in c.children if q.dep_ == "prep" and q.lower_ == "of" for p in q.children]
            if c.pos_ == "PROPN":  # "recalled Meyer, its ambassador", "expelled Ambassador Serur"
                heads += [a for a in c.children if a.dep_ in ("appos", "compound")]
            if any(same(h, lemmas[1]) for h in heads):
                return True
        return False

    def _objects(self, tok: Token) -> list[Token]:
        """What a verb acts on: its object, the subject of its passive ("several crossings were closed"),
        the object of the verb it completes ("kept its airspace closed") and the subject of a verb that
        changes its subject (words.csv ergative_verb: "ordered the border closed")."""
        if tok.pos_ != "VERB":
            return []
        # "gave the ambassador 48 hours": with a dative, the parser may take the object for an adverb
        deps = ("dobj", "npadvmod") if any(c.dep_ == "dative" for c in tok.children) else ("dobj",)
        found = [c for c in tok.children if c.dep_ in (*deps, "nsubjpass")]
        if tok.dep_ == "oprd":
            found += [c for c in tok.head.children if c.dep_ == "dobj"]
        if not found and (thing := changed_thing(tok)) is not None:
            found = [thing]
        return found

    def plover_of(self, cameo: str) -> str | None:
        """PLOVER category of a CAMEO code, per CAMEO2PLOVER (longest known prefix)."""
        for k in range(len(cameo), 1, -1):
            if cameo[:k] in self.plover:
                return self.plover[cameo[:k]]
        return None

    # -- modality cues ----------------------------------------------------------------------
    def cue_at(self, tok: Token) -> tuple[Cue, tuple[int, ...]] | None:
        """The longest modality cue that `tok` is part of, and the token indices it covers.

        A phrase matches as consecutive tokens ("would like", "about to") or as a head and its
        particle or adverb ("called [the visit] off", "ruled out").
        """
        for cue in self.cues.get(tok.lemma_.lower(), ()) + self.cues.get(tok.lower_, ()):
            covered = _cue_span(tok, cue.lemmas)
            if covered is not None:
                return cue, covered
        return None

    def is_cue(self, tok: Token) -> str | None:
        """The modality a single token signals, if it is a one-word cue."""
        hit = self.cue_at(tok)
        return hit[0].modality if hit is not None and len(hit[0].lemmas) == 1 else None


def same(tok: Token, lemma: str) -> bool:
    return tok.lemma_.lower() == lemma or tok.lower_ == lemma


def with_preposition(tok: Token, lemmas: tuple[str, ...]) -> bool:
    """True for a verb and its own preposition or particle a few words on ("flew first to Lima",
    "pulled its forces out"): a verb-and-preposition trigger ("fly to") said with words between; an
    object between makes the preposition the object's ("called a rally for Friday" calls for nothing), and
    a preposition of time is none of the trigger's ("called Fujimori on Tuesday" calls on no one)."""
    if len(lemmas) != 2 or tok.pos_ != "VERB":
        return False
    kids = list(tok.children)
    return any(c.lower_ == lemmas[1] and 1 < c.i - tok.i <= 4 and (
        c.dep_ in ("prt", "advmod")  # "brushed the criticism aside": a particle parsed as an adverb
        or c.dep_ == "prep" and not any(o.dep_ == "dobj" and o.i < c.i for o in kids)
        and not any(o.ent_type_ in ("DATE", "TIME") for o in c.children)) for c in kids)


def changed_thing(verb: Token) -> Token | None:
    """The subject of a verb that changes its subject, with no object (words.csv ergative_verb): "the
    border" in "ordered the border closed"."""
    if verb.lemma_.lower() not in words()["ergative_verb"] or any(c.dep_ == "dobj" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def misparsed_verb(tok: Token) -> bool:
    """A verb the parser tagged as a noun but gave a subject: "when the two meet on Tuesday"; not a
    small clause's noun ("declared the ambassador persona non grata")."""
    return (tok.pos_ == "NOUN" and tok.dep_ not in ("ccomp", "xcomp", "oprd", "attr")
            and any(c.dep_ == "nsubj" for c in tok.children))


def in_sequence(tokens, i: int, lemmas: tuple[str, ...]) -> bool:
    """True when the tokens from i on spell the lemmas ("call for", "joint exercise")."""
    if i < 0:  # a slice's own reading of a negative start
        seq = tokens[i : i + len(lemmas)]
        return len(seq) == len(lemmas) and all(same(t, lem) for t, lem in zip(seq, lemmas))
    # token by token, stopping at the first that differs: no Span object for each try
    return i + len(lemmas) <= len(tokens) and all(same(tokens[i + k], lem) for k, lem in enumerate(lemmas))


QUOTES = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019"})


def sequence_end(tokens, i: int, lemmas: tuple[str, ...]) -> int | None:
    """The end index of the tokens from i on that spell the lemmas, quotation marks between them
    skipped ("would take 'all necessary action'"); None when they do not."""
    if i < 0:  # a slice's own reading of a negative start
        return i + len(lemmas) if in_sequence(tokens, i, lemmas) else None
    k = i
    for n, lem in enumerate(lemmas):
        while n and k < len(tokens) and tokens[k].text in QUOTES:
            k += 1
        if k >= len(tokens) or not same(tokens[k], lem):
            return None
        k += 1
    return k


def _cue_span(tok: Token, lemmas: tuple[str, ...]) -> tuple[int, ...] | None:
    doc = tok.doc
    for k, lem in enumerate(lemmas):
        if same(tok, lem) and tok.i - k >= 0 and in_sequence(doc, tok.i - k, lemmas):
            return tuple(range(tok.i - k, tok.i - k + len(lemmas)))
    if len(lemmas) > 1 and same(tok, lemmas[0]):  # "called the visit off", "rule out"
        kids = [c for c in tok.children if c.dep_ in ("prt", "advmod", "prep", "aux")]
        picked = [next((c for c in kids if same(c, lem)), None) for lem in lemmas[1:]]
        if all(picked):
            return (tok.i, *sorted(c.i for c in picked))
    return None


def _rewrites() -> tuple[Rewrite, ...]:
    from .passes import CONDITIONS, STAGES  # the named conditions live beside the passes

    rows = read_table("rewrites.csv", ("id", "stage", "condition", "from_types", "to_type", "cameo", "plover",
                                       "modality", "note"),
                      required=("id", "stage", "condition", "from_types", "to_type", "cameo"),
                      checks={"stage": one_of(STAGES), "condition": one_of(CONDITIONS), "cameo": CAMEO,
                              "plover": PLOVER, "to_type": one_of(event_types()),
                              "modality": one_of(("occurred", *MODALITY_VALUES), allow_empty=True)})
    out = []
    for r in rows:
        parts = r["from_types"].replace("|", " ").split()
        out.append(Rewrite(r["id"], r["stage"], r["condition"], frozenset(p for p in parts if p[0] != "!"),
                           frozenset(p[1:] for p in parts if p[0] == "!"), r["to_type"], r["cameo"],
                           r["plover"] or None, r["modality"]))
    return tuple(out)


def _cues() -> dict[str, tuple[Cue, ...]]:
    rows = read_table("modality.csv", ("cue", "modality", "pos", "note"), required=("cue", "modality"),
                      checks={"modality": one_of(MODALITY_VALUES), "pos": one_of(POS_VALUES, allow_empty=True)})
    cues: dict[str, list[Cue]] = {}
    for r in rows:
        cue = Cue(tuple(r["cue"].lower().split()), r["modality"], r.ref)
        for lem in dict.fromkeys(cue.lemmas):
            cues.setdefault(lem, []).append(cue)
    return {k: tuple(sorted(v, key=lambda c: (-len(c.lemmas), c.ref))) for k, v in cues.items()}


@functools.lru_cache(maxsize=1)
def load_rules() -> Rules:
    """Load and index every rule table (cached)."""
    by_lemma: dict[str, list[Trigger]] = {}
    for r in _trigger_rows("triggers.csv"):
        trig = _trigger(r)
        by_lemma.setdefault(trig.lemmas[0], []).append(trig)
    partners: dict[str, tuple] = {}
    for r in _trigger_rows("partner_triggers.csv", ("partner",)):
        trig = _trigger(r)
        partners[trig.lemmas[0]] = (*partners.get(trig.lemmas[0], ()), (trig, r["partner"]))
    support = frozenset(r["verb"] for r in read_table("support_verbs.csv", ("verb", "note"), required=("verb",)))
    aspect = frozenset(r["verb"] for r in read_table("aspect_verbs.csv", ("verb", "note"), required=("verb",)))
    return Rules({k: tuple(v) for k, v in by_lemma.items()}, partners, _cues(), _plover_table(), support,
                 event_types(), _rewrites(), words(), _governed(), aspect, _idioms(), _evaluations())


def _evaluations() -> dict[str, tuple[Trigger, str]]:
    rows = read_table("evaluations.csv", ("word", "frame", "type", "cameo", "plover", "note"),
                      required=("word", "frame", "type", "cameo"),
                      checks={"frame": one_of(("evaluated", "experiencer", "named")), "type": one_of(event_types()),
                              "cameo": CAMEO, "plover": PLOVER})
    return {r["word"]: (Trigger(r["type"], (r["word"],), "ANY", r["cameo"], r["plover"] or None, r.ref), r["frame"])
            for r in rows}


def _idioms() -> tuple:
    rows = read_table("idioms.csv", ("phrase", "pos", "note"), required=("phrase",))
    return tuple((tuple(r["phrase"].lower().split()), r["pos"] or "", r.ref) for r in rows)


def _type_list(value: str) -> str | None:
    unknown = [t for t in value.split("|") if t not in event_types()]
    return f"unknown event types {', '.join(unknown)}" if unknown else None


def _governed() -> tuple[Governed, ...]:
    rows = read_table("governed.csv", ("governor", "governed", "pos", "modality", "direct", "completed", "note"),
                      required=("governor", "governed", "pos"),
                      checks={"governor": _type_list, "governed": _type_list, "pos": one_of(("ANY", "NOUN", "VERB")),
                              "modality": one_of(MODALITY_VALUES, allow_empty=True), "direct": YES, "completed": YES})
    return tuple(Governed(frozenset(r["governor"].split("|")), frozenset(r["governed"].split("|")), r["pos"],
                          r["modality"], r.ref, r["direct"] == "yes", r["completed"] == "yes") for r in rows)


#: The older name of `load_rules`, kept for callers of the library API.
load_triggers = load_rules
