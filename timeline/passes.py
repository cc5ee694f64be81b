"""The passes of extraction: small functions over one parsed sentence, run in the order below.

`SENTENCE_PASSES` find the candidate events of a sentence; `EVENT_PASSES` then fill in (or
drop) one candidate at a time, in reading order, and `finish_sentence` removes repeats. A pass
that names a rule appends its id to the candidate's `trace`, which becomes the event's `rule`
(`trigger:triggers.csv:42|role:verb|rewrite:by_phone|modality:modality.csv:30`).

Sentence passes           what they do
------------------------  ------------------------------------------------------------------
find_triggers             trigger words (triggers.csv), partner triggers (partner_triggers.csv),
                          rewrites of stage "trigger" (a reported obligation -> demand)
find_evaluations          evaluative words (evaluations.csv): "the talks were constructive", "called
                          the bans discriminatory"
attach_to_governors       a trigger inside another's argument is its content ("demanded X renounce")
drop_cue_verbs            a verb that governs another act is its modality ("hoped to meet")
drop_governed             content triggers go, unless governed.csv keeps them ("approved sanctions")

Event passes              what they do
------------------------  ------------------------------------------------------------------
find_predicate            the verb a trigger belongs to
rewrite_roles_stage       rewrites of stage "roles" (by phone -> call)
assign_roles              source and target from the parse (`roles.py`)
borrow_governor_subject   "the EU approved new sanctions": the EU's sanctions
find_modality             the strongest cue between trigger and reporting verb (modality.csv)
made_by_denial            "would not tolerate", "will not allow Moscow to": a threat or refusal only when denied
speaker_plans             a plan told with no doer is the speaker's ("said relations would be downgraded")
refer_back                a noun that re-mentions an event of the sentence or the article
address_the_fighting      a call to end fighting: to the sides of the last clash
judge_the_deed            praise or criticism of a deed: at the sides of the last such event
answer_the_accuser        the denial of a charge: to the accuser
answer_the_summarised     "..., a demand China resisted": at who made it
answer_the_author         "refused to recognize the ruling": at who ruled
warn_of_consequences      "Hanoi must bear full responsibility": a threat at the subject by the speaker
issue_the_document        "The resolution demands": its issuer's
protesting_crowd          "Several hundred people protested": the generic protesters
parties_of_a_place        "urged all parties in Lesotho": at Lesotho
place_fallback            unnamed perpetrators: the country where it happened (event_types.csv)
forces_addressed          "accused police of killing": the police of the state named there, or most
vote_of_the_country       an election naming no one: the country's
type_policy               who each type needs (event_types.csv); praise or criticism of a thing named
                          ("welcomed the letter") waits for the article's context to say at whom
rewrite_policy_stage      rewrites of stage "policy" (a refusal -> rejection)
find_date                 the temporal expression of its clause, else context, else publication
assign_codes              CAMEO, intent CAMEO (event_types.csv), PLOVER (CAMEO2PLOVER)
find_location             "met in Berlin"
drop_non_parties          no target a source again, one's own country or envoy; one's own people
                          named by their demonym are a party of their own ("called on all Indonesians")
score_confidence          how sure: both sides named, a modifier only, a reference

`finish_sentence` keeps one event per type, sides and modality, and per verb for sanctions
("expelled the ambassador and froze military agreements": two measures).
"""
from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date as _date

from .actors import (LOCAL_FORCES, STATE_SECTORS, agent_nouns, agent_sector, collective_nouns, diplomatic_protest, following_group_nouns,
                     generic_groups, group_nouns, names_a_pair, outside, side_of)
from .dates import number, resolve_date, shift
from .model import Actor, EventDate, Mention, Timex
from .nlp import Span, Token, word_keys
from .rules import Rewrite, Rules, Trigger, words
from .roles import doer_preps, held, names_people
from .syntax import (
    CLAUSE_DEPS, LEADING_PREPS, antecedent, aspect_verb, background, before_lead, definite, first_conjunct, in_adjunct, is_passive, named_object, naming_verb,
    noun_phrase, phrase, predicate, obligated, present_perfect, progressive, referent, refuses, scheduled, signed_instrument,
    subjects, tense, unique, with_the,
)

MODALITY_PRIORITY = ("negated", "hypothetical", "intended", "planned")


@dataclass
class Candidate:
    """A trigger found in a sentence and the event it is becoming, pass by pass."""

    head: Token
    start: int
    end: int
    trigger: Trigger
    trace: list[str] = field(default_factory=list)
    type: str = ""
    cameo: str = ""
    plover: str | None = None
    verb: Token | None = None
    governor: Candidate | None = None
    sources: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    modality: str = "occurred"
    when: EventDate = field(default_factory=EventDate)
    location: str | None = None
    confidence: float = 0.0
    governed_modality: str = ""  # the modality governed.csv gives it under its governor
    frame: str = ""  # an evaluation's frame (evaluations.csv): "evaluated" or "experiencer"
    target_basis: str = "text"  # "context": the targets come from the article, not the sentence
    answered: bool = False  # the object of a reply that names its own doer ("rejected an offer by Moon")

    def __post_init__(self):
        self.type = self.type or self.trigger.type
        self.cameo = self.cameo or self.trigger.cameo
        self.plover = self.plover or self.trigger.plover
        if not self.trace:
            self.trace.append(f"trigger:{self.trigger.ref}")

    def rewrite(self, row: Rewrite) -> None:
        self.type, self.cameo, self.plover = row.to_type, row.cameo, row.plover
        self.modality = row.modality or self.modality
        self.trace.append(f"rewrite:{row.id}")


@dataclass
class ArticleContext:
    """What the passes know of the article: rules, roles, publication and lead dates, types told."""

    rules: Rules
    roles: object  # roles.Roles
    article_date: str | None
    lead: Timex | None
    seen_types: set[str] = field(default_factory=set)
    named: list[tuple[int, Actor, bool]] = field(default_factory=list)  # (offset, actor, is a place) of every mention
    last_of_type: dict[str, Candidate] = field(default_factory=dict)  # the article's last event of each type
    last_deed: Candidate | None = None  # the article's last deed (`_is_deed`): "welcomed the outcome"
    authors: dict[str, list[Actor]] = field(default_factory=dict)  # who made the last ruling, proposal...
    carried_date: tuple[int, EventDate] | None = None  # (paragraph offset, date) of the last event dated by text
    last_told_date: EventDate | None = None  # the date the text gave the article's last event dated by it: "then"
    lead_paragraph: int | None = None  # offset of the lead: the first paragraph that is no photo caption


@dataclass
class SentenceState:
    """One parsed sentence and what the passes have made of it so far."""

    ctx: ArticleContext
    sent: Span
    mentions: dict[int, Mention]
    timex_at: dict[int, Timex]
    paragraph: int = 0  # offset of the sentence's paragraph in the article body
    candidates: list[Candidate] = field(default_factory=list)
    at: dict[int, Candidate] = field(default_factory=dict)  # head token -> candidate, before any drop
    trigger_heads: set[int] = field(default_factory=set)
    accepted: list[Candidate] = field(default_factory=list)

    @property
    def rules(self) -> Rules:
        return self.ctx.rules


# -- named conditions of rewrites.csv ---------------------------------------------------------
def _remote_exchange(state: SentenceState, c: Candidate) -> bool:
    """The clause says the exchange was remote ("by telephone", "in a video call")."""
    pred = c.verb if c.verb is not None and c.verb != c.head else c.head
    for t in phrase(pred):
        hit = state.rules.match(t.doc, t.i)
        if hit is not None and hit[0].type == "call":
            return True
    return False


def _speaks_again(state: SentenceState, c: Candidate) -> bool:
    """ "President Obama spoke by phone today with King Hamad ... the President also spoke with King
    Abdullah": speaking with someone, with no place named, after a call of the same speaker is a call too."""
    last = state.ctx.last_of_type.get("call")
    return (last is not None and c.head.lemma_.lower() in ("speak", "talk") and bool(c.sources)
            and {a.name for a in c.sources} <= {a.name for a in last.sources}
            and not any(k.dep_ == "prep" and k.lower_ in ("in", "at", "during") for k in c.head.children))


def _told_remotely(state: SentenceState, c: Candidate) -> bool:
    """ "told his Chinese counterpart Wang Yi in a telephone call": words said to someone over the line."""
    return bool(c.targets) and _remote_exchange(state, c)


def _refuser(state: SentenceState, c: Candidate) -> bool:
    """The one who declines is the event's source: "he would not provide support" (not "the bloc
    would not tolerate Tehran's support": Tehran does not refuse)."""
    subject = {a.name for a in state.ctx.roles.subject_actors(c.verb, state.mentions)}
    return not c.sources or {a.name for a in c.sources} <= subject


def _calls_for(state: SentenceState, c: Candidate) -> bool:
    """ "calls by the United States ... for an immediate cease-fire": a noun call with a "for" phrase."""
    return c.head.pos_ == "NOUN" and any(t.dep_ == "prep" and t.lower_ == "for" for t in phrase(c.head))


def _summons_home(state: SentenceState, c: Candidate) -> bool:
    """ "Brazil summoned its envoy home for consultations": its own envoy called back, a recall."""
    return c.head.lemma_.lower() == "summon" and any(k.lower_ == "home" for k in c.head.children)  # "envoy home" as one noun too


def _protests_to(state: SentenceState, c: Candidate) -> bool:
    """ "India's foreign ministry has protested to Beijing", "a protest with the Japanese embassy": a
    protest addressed to a government is a diplomatic complaint, not a demonstration; so is one an envoy
    is summoned for ("summoned the British ambassador to protest"), and a note ("handed a protest note",
    "lodged a formal protest": words.csv note_verb)."""
    tok = c.head
    if tok.lemma_.lower() != "protest":
        return False
    return any((m := state.mentions.get(p.i)) is not None and m.actor.kind in ("country", "organization", "person")
               for k in tok.children if k.dep_ == "prep" and k.lower_ in ("to", "with") for p in k.children
               if p.dep_ == "pobj") \
        or tok.pos_ == "VERB" and tok.dep_ in ("advcl", "xcomp") and tok.head.lemma_.lower() in state.rules.word("summon_verb") \
        or diplomatic_protest(tok)


def _blocks_passage(state: SentenceState, c: Candidate) -> bool:
    """ "Russia blocked the strait", "boats were blocked by Chinese vessels": a way barred, not a measure
    rejected ("blocked the resolution", "blocked the deal": an accord, a proposal or any event)."""
    if c.head.lemma_.lower() != "block" or c.head.pos_ != "VERB":
        return False
    things = [k for k in c.head.children if k.dep_ in ("dobj", "nsubjpass")]
    measures = state.rules.word("policy_noun") | state.rules.word("outcome_noun") | state.rules.word("measure_noun")
    return not any(_authored(t) or _event_kind(state, t) or t.lemma_.lower() in measures for k in things for t in k.subtree)


def _votes_on_measure(state: SentenceState, c: Candidate) -> bool:
    """ "The Security Council voted to impose an arms embargo", "voted for the resolution", "voted in
    favour of the text", "is to vote on imposing martial law": a vote on a measure, not an election (the
    measure, if a deed, is the news); not "voted for Obama"."""
    if c.head.lemma_.lower() != "vote" or c.head.pos_ != "VERB":
        return False
    kids = list(c.head.children)
    people = [p for k in kids if k.dep_ == "prep" and k.lower_ == "for" for p in k.children
              if p.dep_ == "pobj" and (m := state.mentions.get(p.i)) is not None and m.actor.kind == "person"]
    motion = [k for k in kids if k.dep_ == "prep" and (k.lower_ in ("for", "on", "against") or k.lower_ == "in" and any(
        p.lemma_.lower() in ("favor", "favour") for p in k.children)) and any(
        p.dep_ in ("pobj", "pcomp") and -p.i - 1 not in state.timex_at for p in k.children)]  # not "on Tuesday"
    # "voted to impose", "is expected to vote on Wednesday to suspend sanctions", "voted in favour of the text"
    purpose = any(k.dep_ == "xcomp" or k.dep_ == "advcl" and any(a.lower_ == "to" for a in k.children) for k in kids)
    return purpose or bool(motion) and not people


def _votes_against(state: SentenceState, c: Candidate) -> bool:
    """ "Libya voted against it": a vote against a measure rejects it."""
    return _votes_on_measure(state, c) and any(k.dep_ == "prep" and k.lower_ == "against" for k in c.head.children)


def _withholds_acceptance(state: SentenceState, c: Candidate) -> bool:
    """ "does not recognize Lukashenko", "has failed to honor the accord", "cannot accept this explanation" (whose
    maker the article says): refusing, whatever the tense."""
    return c.modality == "negated" and c.head.lemma_.lower() in state.rules.word("acceptance_verb")


def _keeps_accord(state: SentenceState, c: Candidate) -> bool:
    """ "would honour every point of the accord", "respects the ceasefire": keeping an accord agrees to it."""
    return (c.head.pos_ == "VERB" and c.modality != "negated" and c.head.lemma_.lower() in state.rules.word("acceptance_verb")
            and any(_is_accord(state, t) for o in c.head.children if o.dep_ == "dobj" for t in o.subtree))


def _undoes_measure(state: SentenceState, c: Candidate) -> bool:
    """ "suspended sanctions on Belarus", "halted the embargo": ending a measure eases it (undo_verb)."""
    return (c.head.pos_ == "VERB" and c.head.lemma_.lower() in state.rules.word("undo_verb")
            and any(_event_kind(state, o) in ("sanction", "coercion") for o in c.head.children if o.dep_ == "dobj"))


def _fires_riot_gear(state: SentenceState, c: Candidate) -> bool:
    """ "Security forces fired tear gas and water cannon at the crowd": riot control is repression, no
    armed attack (words.csv riot_gear)."""
    gear = state.rules.word("riot_gear")
    return c.head.pos_ == "VERB" and any(f"{t.nbor(-1).lower_} {t.lower_}" in gear for o in c.head.children
                                          if o.dep_ in ("dobj", "prep") for t in o.subtree if t.i > 0)


def _event_kind(state: SentenceState, tok: Token) -> str | None:
    """The type of the trigger starting at `tok` ("deal": agreement), or None."""
    hit = state.rules.match(tok.doc, tok.i)
    return hit[0].type if hit is not None else None


def _is_accord(state: SentenceState, tok: Token) -> bool:
    return _event_kind(state, tok) in ("agreement", "talks")


def _abandons_accord(state: SentenceState, c: Candidate) -> bool:
    """ "abandoned the deal", "quit the talks": an agreement or talks walked out of (exit_verb)."""
    return (c.head.pos_ == "NOUN" and c.verb != c.head and c.verb.lemma_.lower() in state.rules.word("exit_verb")
            and c.head.dep_ in ("dobj", "pobj"))


def _exits_accord(state: SentenceState, c: Candidate) -> bool:
    """ "pulling out of negotiations", "withdrew from the treaty", "walked out of IGAD": not a military
    retreat, nor a protest."""
    preps = [k for k in c.head.children if k.dep_ in ("prep", "prt")]
    preps += [k for p in preps for k in p.children if k.dep_ == "prep"]  # "out" "of"
    objs = [p for prep in preps if prep.lower_ in ("of", "from") for p in prep.children if p.dep_ == "pobj"]
    objs += [d for d in c.head.children if d.dep_ == "dobj"]
    return c.head.pos_ == "VERB" and any(_is_accord(state, o) or _is_body(state, o) for o in objs)


def _is_body(state: SentenceState, tok: Token) -> bool:
    """An organisation the lexicon knows ("IGAD"), or one the recogniser named for an instrument ("the Nuclear
    Non-Proliferation Treaty"); not a place the recogniser took for an organisation ("Gyandzha")."""
    m = state.mentions.get(tok.i)
    return m is not None and m.actor.kind == "organization" and (
        m.actor.country is not None or m.actor.name.split()[-1].lower() in state.rules.word("venue_name"))


def _is_force(state: SentenceState, tok: Token, actors: list[Actor]) -> bool:
    """A fighting side: a force noun ("troops"), or a group named as one ("the Taleban", "the rebels"),
    not unarmed people ("the delegates", "the protesters")."""
    forces, lemma = state.rules.word("force_noun"), tok.lemma_.lower()
    unarmed = lemma in state.rules.word("people_noun") or lemma in state.rules.word("crowd_noun") \
        or tok.lower_ in state.rules.word("crowd_group")
    return lemma in forces or tok.lower_ in forces or not unarmed and any(a.kind == "group" for a in actors)


def _supports_force(state: SentenceState, c: Candidate) -> bool:
    """ "supported the Taleban", "support for Russia's war effort": support of a fighting side."""
    objs = [t for t in c.head.children if t.dep_ in ("dobj", "pobj")]
    objs += [p for t in c.head.children if t.dep_ == "prep" and t.lower_ == "for" for p in t.children]
    return any(_is_force(state, o, c.targets if o.i in state.mentions else [])
               or any(t.lemma_.lower() in state.rules.word("war_noun") for t in [o, *noun_phrase(o)])
               for o in objs)


def _material_support(state: SentenceState, c: Candidate) -> bool:
    """ "securing critical support from Russia", "provided support to the rebels": support (words.csv
    support_noun) that is handed over (the object of a verb of giving or getting, support_transfer); not
    "sent his congratulations"."""
    tok = c.head
    return (tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") and tok.lemma_.lower() in state.rules.word("support_noun")
            and tok.head.lemma_.lower() in state.rules.word("support_transfer"))


def _bans_trade(state: SentenceState, c: Candidate) -> bool:
    """ "banned most food imports from the United States", "a ban on flights to Georgia": a ban on trade
    or travel with another country is an embargo (words.csv trade_noun), not coercion of people."""
    objects = [k for k in c.head.children if k.dep_ in ("dobj", "nsubjpass")
               or k.dep_ == "prep" and k.lower_ in ("on", "from")]  # "bar them from traveling"
    kinds = [k for k in c.head.children if k.dep_ == "compound"]  # "travel bans", "an import ban"
    return any(t.lemma_.lower() in state.rules.word("trade_noun") for k in objects for t in k.subtree) or any(
        k.lemma_.lower() in state.rules.word("trade_noun") for k in kinds)


def _designates_entity(state: SentenceState, c: Candidate) -> bool:
    """ "we today designated Iran's Revolutionary Guard Corps for supporting terrorism": designating a
    body, a state or a group (not a person to an office), or for what it did, is a sanction."""
    tok = c.head
    if tok.lemma_.lower() != "designate":
        return False
    for_deed = any(p.lower_ == "for" and any(o.tag_ == "VBG" for o in p.children) for p in tok.children)
    # "designated nine companies and five of its senior officials": many at once are no appointment;
    # "designated Nijjar a terrorist": a name given that accuses (words.csv misdeed_noun)
    many = any(o.dep_ == "dobj" and o.tag_ == "NNS" for o in tok.children)
    branded = any(t.lemma_.lower() in state.rules.word("misdeed_noun") for o in tok.children
                  if o.dep_ in ("dobj", "oprd", "attr", "xcomp") for t in o.subtree)
    return for_deed or many or branded or bool(c.targets) and all(a.kind != "person" for a in c.targets)


def _denies_charge(state: SentenceState, c: Candidate) -> bool:
    """ "a charge that Doha strongly denies", "denied any involvement", "denied that its shells had
    landed", "denied attacking its neighbour", "..., which Islamabad denied": the denial of an
    accusation rejects it."""
    tok, charges = c.head, state.rules.word("charge_noun")
    return tok.lemma_.lower() == "deny" and (
        _charge_object(state, tok) or any(o.dep_ in ("ccomp", "xcomp") for o in tok.children)
        or tok.dep_ == "relcl" and (tok.head.lemma_.lower() in charges
                                    or any(w.lower_ == "which" and w.dep_ == "dobj" for w in tok.children)))


def _charge_object(state: SentenceState, verb: Token) -> bool:
    """Whether a verb's object is a charge (words.csv charge_noun): "denied the allegation", "rejected the charge"."""
    charges = state.rules.word("charge_noun")
    return any(o.dep_ == "dobj" and o.lemma_.lower() in charges for o in verb.children)


def _names_a_charge(state: SentenceState, c: Candidate) -> bool:
    """ "Hissene called the accusation 'baseless'": the name a naming verb gives a charge rejects it."""
    verb = naming_verb(c.head) if c.frame == "named" else None
    obj = named_object(verb) if verb is not None else None
    return obj is not None and obj.lemma_.lower() in state.rules.word("charge_noun")


def _defended(state: SentenceState, c: Candidate) -> list[Token]:
    """The objects of a verb of defence (words.csv defence_verb): "defended the expulsion"."""
    if c.head.lemma_.lower() not in state.rules.word("defence_verb"):
        return []
    return [o for o in c.head.children if o.dep_ == "dobj"]


def _defends_own(state: SentenceState, c: Candidate) -> bool:
    """ "Ukraine will defend its territory", "reserves the right to defend itself", "vowed to defend every
    inch": a party that will defend its own ground warns whoever threatens it."""
    stake = state.rules.word("own_stake")
    return any(o.lower_ in ("itself", "themselves", "ourselves") or o.lemma_.lower() in stake
               for o in _defended(state, c))


def _defends_deed(state: SentenceState, c: Candidate) -> bool:
    """ "Chretien defended the action", "Fujimori defended his decision", "Russia defended the sale": a
    deed defended, not a party, rejects the criticism of it."""
    return any(o.pos_ == "NOUN" and state.mentions.get(o.i) is None and o.lemma_.lower() not in state.rules.word("own_stake")
               for o in _defended(state, c))


def _answers(state: SentenceState, c: Candidate) -> bool:
    return c.head.lemma_.lower() in state.rules.word("answer_verb")


def _promises_answer(state: SentenceState, c: Candidate) -> bool:
    """ "said it would respond if Israel violated the agreement", "vowed to respond": an answer
    promised, to a party that acts, warns it."""
    return _answers(state, c) and c.modality in ("planned", "intended", "hypothetical")


def _ready_to_strike(state: SentenceState, c: Candidate) -> bool:
    """ "Paris was ready to act if Jersey did not lift its conditions", "stands ready to take further
    action", "fully ready for war": a readiness for force or reprisal (words.csv reprisal_word) warns;
    not "ready to review the measures", "ready to send troops if Port of Spain asked" (help offered)."""
    if c.head.lower_ not in ("ready", "prepared"):
        return False
    reprisal = state.rules.word("reprisal_word")
    for k in c.head.children:
        taken = [o for o in k.children if o.dep_ == "dobj"] if k.dep_ == "xcomp" and k.lemma_ == "take" else []
        named = [o for o in k.children if o.dep_ == "pobj"] if k.dep_ == "prep" and k.lower_ == "for" else []
        if any(w.lemma_.lower() in reprisal for w in ([k] if k.dep_ == "xcomp" else []) + taken + named):
            return True
    return False


def _leaves_unanswered(state: SentenceState, c: Candidate) -> bool:
    """ "Algiers did not respond": no answer given is a rebuff."""
    return _answers(state, c) and c.modality == "negated"


def _vowed(state: SentenceState, c: Candidate) -> bool:
    """ "Lee vowed to retaliate massively", "swore to punish the attackers": force vowed is a threat."""
    return c.head.dep_ == "xcomp" and c.head.head.lemma_.lower() in state.rules.word("vow_verb")


def _forces_act(state: SentenceState, c: Candidate) -> bool:
    """ "U.S.-led forces ousted the Taleban government": armed forces as the subject of the trigger
    itself (not "the junta proposed staying in power before holding elections")."""
    subj = [s for s in subjects(c.verb)] if c.verb is not None and c.verb == c.head else []
    return any(_is_force(state, s, []) for s in subj)


def _troops_come(state: SentenceState, c: Candidate) -> bool:
    """ "The first 150 American soldiers arrived from Bosnia", "Russian troops landed in Kazakhstan": armed
    forces that come are deployed (words.csv force_noun, agents.csv military), no visit."""
    subj = subjects(c.verb) if c.verb is not None and c.verb == c.head else []
    return any(_is_force(state, s, []) or agent_sector(s) == "military"
               or any(m.lower_ == "military" and m.dep_ in ("amod", "compound") for m in s.children) for s in subj)


def _takes_ground(state: SentenceState, c: Candidate) -> bool:
    """ "whose guerrillas captured the provincial capital", "seized Gharyan, a town south of Tripoli", "the
    islands, seized by Soviet troops in 1945": ground taken by force (a place the recogniser or the lexicon
    names, or a words.csv place_noun or ground_noun) is occupied territory, military (CAMEO 192); not
    "seized their catch", "captured General Shamkeyev"."""
    if c.head.pos_ != "VERB" or c.head.lemma_.lower() not in state.rules.word("ground_verb"):
        return False
    ground = state.rules.word("place_noun") | state.rules.word("ground_noun")
    things = [k for k in c.head.children if k.dep_ in ("dobj", "nsubjpass")]
    if c.head.dep_ == "relcl" and all(k.tag_ == "WDT" for k in things):
        things = [antecedent(c.head)]  # "Bunagana, which the rebels had seized", "the islands seized in 1945"
    return any(t.ent_type_ in ("GPE", "LOC", "FAC") or t.lemma_.lower() in ground
               or t.tag_ == "NNP" and (m := state.mentions.get(t.i)) is not None  # not "seized the Japanese"
               and m.actor.kind == "country"
               for o in things for t in (o, *(a for a in o.children if a.dep_ == "appos")))


def _yields_policy(state: SentenceState, c: Candidate) -> bool:
    """ "withdrew a finance bill", "lifted a ban on gatherings": the thing given up is a policy."""
    policy = state.rules.word("policy_noun")
    objs = [t for t in c.head.children if t.dep_ in ("dobj", "nsubjpass")]
    objs += [p for t in c.head.children if t.dep_ == "prep" and t.lower_ == "of" for p in t.children]
    return any(o.lemma_.lower() in policy for o in objs)


def _hands_over_office(state: SentenceState, c: Candidate) -> bool:
    """ "hands over to Donald Trump", "turned over mediating duties to Adeniji": an office changes hands."""
    if c.head.lemma_.lower() not in state.rules.word("handover_verb"):
        return False
    objs = [t for t in c.head.children if t.dep_ in ("dobj", "nsubjpass")]  # "hostages were handed over": people
    if objs:
        return any(o.lemma_.lower() in state.rules.word("office_noun") or o.lower_ in state.rules.word("office_noun")
                   for o in objs)
    return any(a.kind == "person" for a in c.targets)


def _removes_office_holder(state: SentenceState, c: Candidate) -> bool:
    """ "Khasawneh dismissed the health minister, Nazir Obeidat", "Krasts dismissed him", "suspended the
    three officials": a verb of removal (words.csv removal_verb) whose object is a person or an office
    holder (a title of titles.csv, words.csv office_holder) takes them out of office; not "dismissed the
    charge", "fired missiles", "dismissed Mr. Blah as a puppet" (a judgement)."""
    if c.verb is None or c.verb != c.head or c.head.lemma_.lower() not in state.rules.word("removal_verb"):
        return False
    if any(p.dep_ == "prep" and p.lower_ == "as" for p in c.head.children):
        return False
    lexicon = state.ctx.roles.finder.lexicon
    return any(lexicon.match_title(o.lemma_) or o.lemma_.lower() in state.rules.word("office_holder")
               or o.pos_ in ("PROPN", "PRON") and (m := state.mentions.get(o.i)) is not None and m.actor.kind == "person"
               for o in c.head.children if o.dep_ == "dobj")


def _interrogates(state: SentenceState, c: Candidate) -> bool:
    """ "He had been questioned by police", "Police questioned the suspects": a person questioned is held
    to answer, no doubt cast on a deed ("questioned the legitimacy of the election")."""
    if c.verb is None or c.verb != c.head or c.head.lemma_.lower() != "question":
        return False
    questioned = [o for o in c.head.children if o.dep_ in ("dobj", "nsubjpass")]
    return any(o.lower_ in ("him", "her", "them") or names_people(o, state.ctx.roles.finder.lexicon)
               or (m := state.mentions.get(o.i)) is not None and m.actor.kind in ("person", "group")
               for o in questioned) or bool(questioned) and is_passive(c.head)


def _obliges_another(state: SentenceState, c: Candidate) -> bool:
    """ "Kerry said Russia must withdraw": a demand on Russia; not "Kerry said he must visit Paris"."""
    bound = obligated(c.head)
    speakers = {m.actor.name for s in subjects(c.head) if (m := state.mentions.get(s.i)) is not None}

    def the_speaker(t: Token) -> bool:
        m = state.mentions.get(t.i)
        return t.lower_ in ("i", "we") or m is not None and m.actor.name in speakers
    warning = any((w := state.rules.match(t.doc, t.head.i)) is not None and w[0].type == "threat" for t in bound)
    return bool(bound) and not warning and not any(the_speaker(t) for t in bound)  # "must bear responsibility": a warning


def _accused_in_report(state: SentenceState, c: Candidate) -> list[Actor]:
    """ "Lavrov said Ukraine had broken international law", "officials said Moscow had backtracked": a
    speaker telling what another named party did wrong (a misdeed_verb) accuses it; not "said they had
    violated" nor "said Russia had not violated". An armed act told is news of its own ("officials said
    Russian forces had seized the plant"), no accusation. Returns the accused, or nothing."""
    speakers, _ = _reported(state, c)
    for comp in _wrongs_told(state, c):
        accused = _named_subjects(state, comp)
        if accused and not side_of(accused) & speakers:  # "Lavrov said Russia's strikes hurt no one": its own
            return accused
    return []


def _deeds_reported_wrong(state: SentenceState, c: Candidate) -> list[Token]:
    """ "Preval said the expulsions violated human rights", "Psaki said the ban would hurt Russian
    consumers": a speaker telling that a deed (a noun that is an event's trigger, no party's name) did
    wrong (a misdeed_verb) accuses whoever did it. Returns those deeds, or nothing."""
    return [t for comp in _wrongs_told(state, c) for t in subjects(comp)
            if t.pos_ == "NOUN" and t.i not in state.mentions and state.rules.match(t.doc, t.i) is not None]


def _wrongs_told(state: SentenceState, c: Candidate) -> list[Token]:
    """The clauses a reporting verb reports that tell a wrong (`_misdeed`), not denied ("Russia had not
    violated", "the deal violates no law")."""
    _, clauses = _reported(state, c)
    return [comp for comp in clauses if _misdeed(state, comp) and not any(
        k.dep_ == "neg" or k.dep_ == "dobj" and any(d.lower_ == "no" for d in k.children) for k in comp.children)]


def _doers_of(state: SentenceState, c: Candidate, deeds: list[Token]) -> list[Actor]:
    """Who did the deeds, where the phrase says ("Nigeria's expulsions", "the Russian ban", "the
    expulsions by Nigeria"), else who did the article's last deed of that kind ("Nigeria expelled
    Ghanaian workers ... said the expulsions violated the ECOWAS treaty": Nigeria), not on the
    speaker's side; else no one, left to the article (`context`), never what the deed harmed."""
    owners = [k for d in deeds for k in d.children if k.dep_ in ("poss", "compound", "amod", "nmod")]
    agents = [p for d in deeds for k in d.children if k.dep_ == "prep" and k.lower_ == "by" for p in k.children]
    named = unique([state.mentions[t.i].actor for t in [*owners, *agents] if t.i in state.mentions])
    kinds = [hit[0].type for d in deeds if (hit := state.rules.match(d.doc, d.i)) is not None]
    before = [e for kind in kinds if (e := state.ctx.last_of_type.get(kind)) is not None]
    return named or outside([a for e in before for a in e.sources], side_of(c.sources))


def _reported(state: SentenceState, c: Candidate) -> tuple[set[str], list[Token]]:
    """The side of who reports with a reporting verb (`side_of` its subject) and the clauses it reports."""
    if c.head.pos_ != "VERB":
        return set(), []
    return (side_of(state.ctx.roles.subject_actors(c.head, state.mentions)),
            [comp for comp in c.head.children if comp.dep_ == "ccomp"])


def _conditioned_on(state: SentenceState, c: Candidate) -> list[Actor]:
    """ "Rantanen said the crossings would reopen only once Russia stopped sending migrants", "said
    relations could only be normal once the US lifted its embargo": a speaker telling what another
    party must do first (words.csv condition_only: "only once", "only if", "only when"; condition_until:
    "until") demands it of that party. Returns it, or nothing."""
    speakers, clauses = _reported(state, c)
    for comp in clauses:
        for clause in comp.subtree:
            marks = [m.lower_ for m in clause.children if m.dep_ == "mark"]
            only = any(w.lower_ == "only" for w in clause.children) or any(
                w.lower_ == "only" and w.i < clause.i for w in comp.children if w.dep_ == "advmod")
            # "said the tariff would stay until Belgrade recognised Kosovo" needs no "only"
            if clause.dep_ != "advcl" or not (only and set(marks) & state.rules.word("condition_only")
                                              or set(marks) & state.rules.word("condition_until")):
                continue
            bound = outside(_named_subjects(state, clause), speakers)
            if bound:
                return bound
    return []


def _warned_if(state: SentenceState, c: Candidate) -> list[Actor]:
    """ "Meshaal said his movement would respond if Israel violated the agreement", "said Israel would
    not hand over any land unless the Palestinians kept their commitments": a speaker telling what
    their side will do if another party acts (words.csv future_aux; condition_mark "if", "unless")
    warns that party. Returns it, or nothing."""
    speakers, clauses = _reported(state, c)
    for comp in clauses:
        future = any(a.dep_ == "aux" and a.lower_ in state.rules.word("future_aux") for a in comp.children)
        # the speaker's side: a pronoun ("it" of a state or body that speaks), "his movement", or its actor
        ours = any(t.pos_ == "PRON" and t.lower_ != "there" and (t.lower_ != "it" or speakers)
                   or any(p.dep_ == "poss" and p.pos_ == "PRON" for p in t.children) for t in subjects(comp)) \
            or side_of(_named_subjects(state, comp)) & speakers
        if not (ours and future):
            continue
        for clause in comp.children:
            marks = {m.lower_ for m in clause.children if m.dep_ == "mark"}
            if clause.dep_ == "advcl" and marks & {"if", "unless"} \
                    and (warned := outside(_named_subjects(state, clause), speakers)):
                return warned
    return []


def _named_subjects(state: SentenceState, clause: Token) -> list[Actor]:
    """The actors a clause's subjects name, pronouns left out ("said Ukraine had broken ...": Ukraine)."""
    return unique([a for t in subjects(clause) if t.pos_ != "PRON" for a in state.ctx.roles.actor_of(t, state.mentions)])


def _misdeed(state: SentenceState, verb: Token) -> bool:
    """A verb that tells a wrong (words.csv misdeed_verb), alone or with its object (misdeed_phrase:
    "had broken international law", "crossed the Line of Actual Control")."""
    lemma = verb.lemma_.lower()
    return lemma in state.rules.word("misdeed_verb") or any(
        f"{lemma} {o.lemma_.lower()}" in state.rules.word("misdeed_phrase") for o in verb.children if o.dep_ == "dobj")


def _crowd_acts(state: SentenceState, c: Candidate) -> bool:
    """ "Protesters stormed Syrian embassies", "Thousands of demonstrators stormed the parliament": a crowd
    (the protesters, or a crowd_noun) as the subject of a verb of a crowd's assault (words.csv
    crowd_assault; not "demonstrators launched missiles")."""
    if c.verb is None or c.verb != c.head or c.head.lemma_.lower() not in state.rules.word("crowd_assault"):
        return False
    return any(_crowd_or_protesters(state, s) for s in subjects(c.verb))


def _crowd_or_protesters(state: SentenceState, tok: Token) -> bool:
    """A noun of a crowd (`_crowd`) or a word that names the protesters."""
    return _crowd(state, tok) or (m := state.mentions.get(tok.i)) is not None \
        and m.actor.name == group_nouns()["protester"]


def _crowd(state: SentenceState, tok: Token) -> bool:
    """A noun of a crowd (words.csv crowd_noun): "thousands", "students", "people"."""
    return tok.lemma_.lower() in state.rules.word("crowd_noun")


def _gathers_no_crowd(state: SentenceState, c: Candidate) -> bool:
    """ "Leaders gathered in Brussels": those gathering are no crowd (not "protesters gathered outside")."""
    return c.head.lemma_.lower() == "gather" and c.head.pos_ == "VERB" and not any(
        _crowd_or_protesters(state, s) or s.lemma_.lower() in group_nouns() for s in subjects(c.head))


def _expects_of_none(state: SentenceState, c: Candidate) -> bool:
    """ "is expected to arrive", "did not expect lasting damage": a forecast, no party is expected to act
    (not "expects Damascus to end its support", "expected a clear commitment")."""
    kids = {k.dep_ for k in c.head.children}
    return c.head.lemma_.lower() == "expect" and (
        "nsubjpass" in kids or "auxpass" in kids or "neg" in kids or not kids & {"xcomp", "ccomp", "dobj"})


def _wishes_aloud(state: SentenceState, c: Candidate) -> bool:
    """ "We want the best possible relations with Algeria", "We want nothing to do with a country that...":
    a speaker's own wish for a thing is a statement of position; not "We want Russia to withdraw"."""
    tok = c.head
    return (tok.lemma_.lower() == "want" and tok.pos_ == "VERB"
            and any(s.lower_ in ("we", "i") for s in tok.children if s.dep_ == "nsubj")
            and not any(k.dep_ in ("xcomp", "ccomp") for k in tok.children))


def _shares_no_good(state: SentenceState, c: Candidate) -> bool:
    """ "which share a desert border", "whose language most Moldovans share", "the issues we share": what is
    shared is no good handed between parties (not "would keep sharing missile warning data")."""
    tok = c.head
    if tok.lemma_.lower() != "share" or tok.pos_ != "VERB":
        return False
    goods = state.rules.word("shared_good")
    return not any(o.lemma_.lower() in goods or o.lower_ in goods for o in tok.subtree
                   if o.dep_ in ("dobj", "compound", "conj"))


CONDITIONS: dict[str, Callable[[SentenceState, Candidate], bool]] = {
    "reports_obligation": _obliges_another,
    "reports_misdeed": lambda state, c: bool(_accused_in_report(state, c) or _deeds_reported_wrong(state, c)),
    "reports_condition": lambda state, c: bool(_conditioned_on(state, c)),
    "reports_warning": lambda state, c: bool(_warned_if(state, c)),
    "bans_trade": _bans_trade,
    "designates_entity": _designates_entity,
    "remote_exchange": _remote_exchange,
    "refuses": lambda state, c: c.modality == "negated" and refuses(c.verb) and _refuser(state, c),
    "calls_for": _calls_for,
    "told_remotely": _told_remotely,
    "speaks_again": _speaks_again,
    "withholds_acceptance": _withholds_acceptance,
    "keeps_accord": _keeps_accord,
    "undoes_measure": _undoes_measure,
    "fires_riot_gear": _fires_riot_gear,
    "votes_against": _votes_against,
    "summons_home": _summons_home,
    "protests_to": _protests_to,
    "blocks_passage": _blocks_passage,
    "votes_on_measure": _votes_on_measure,
    "supports_force": _supports_force,
    "material_support": _material_support,
    "denies_charge": _denies_charge,
    "names_a_charge": _names_a_charge,
    "vowed": _vowed,
    "shares_no_good": _shares_no_good,
    "wishes_aloud": _wishes_aloud,
    "gathers_no_crowd": _gathers_no_crowd,
    "expects_of_none": _expects_of_none,
    "promises_answer": _promises_answer,
    "leaves_unanswered": _leaves_unanswered,
    "ready_to_strike": _ready_to_strike,
    "defends_own": _defends_own,
    "defends_deed": _defends_deed,
    "forces_act": _forces_act,
    "troops_come": _troops_come,
    "takes_ground": _takes_ground,
    "crowd_acts": _crowd_acts,
    "yields_policy": _yields_policy,
    "hands_over_office": _hands_over_office,
    "removes_office_holder": _removes_office_holder,
    "interrogates": _interrogates,
    "abandons_accord": _abandons_accord,
    "exits_accord": _exits_accord,
}
STAGES = ("trigger", "roles", "policy")


def apply_rewrites(state: SentenceState, c: Candidate, stage: str) -> None:
    for row in state.rules.rewrites:
        if row.stage == stage and row.applies_to(c.type) and CONDITIONS[row.condition](state, c):
            c.rewrite(row)


# -- sentence passes ----------------------------------------------------------------------------
def find_triggers(state: SentenceState) -> None:
    """Candidates at trigger words, longest match first, outside names, dates and credit lines."""
    doc, rules = state.sent.doc, state.rules
    if _credit_line(state):
        return
    i, keys = state.sent.start, word_keys(doc)
    while i < state.sent.end:
        m = state.mentions.get(i)
        if not rules.may_start(*keys[i]) or -i - 1 in state.timex_at or (m is not None and doc[i].pos_ == "PROPN"):
            i += 1
            continue
        hit = rules.match(doc, i)
        partner = match_partner(state, doc[i])
        if partner is not None and (hit is None or rules.policy(hit[0].type).reporting):
            hit = (partner, i + 1)
        if hit is None or _inside_cue_phrase(rules, doc[i], hit[0]) or rules.idiom_at(doc, i) is not None:
            i += 1
            continue
        trig, end = hit
        head = doc[i:end].root
        if head.ent_type_ not in ("ORG", "FAC", "LAW", "WORK_OF_ART", "PRODUCT") and not _names_a_kind_of_agent(head):
            c = Candidate(head, i, end, trig)
            apply_rewrites(state, c, "trigger")
            state.candidates.append(c)
        i = end
    _index(state)


def _names_a_kind_of_agent(tok: Token) -> bool:
    """ "riot police", "aid workers", "protest leaders": the event noun says what kind of agent, it
    tells no event."""
    return tok.pos_ == "NOUN" and tok.dep_ == "compound" and tok.head.lower_ in agent_nouns()


def find_evaluations(state: SentenceState) -> None:
    """Evaluative words (evaluations.csv): "the talks were constructive", "impressed by the courage of"."""
    taken = {i for c in state.candidates for i in range(c.start, c.end)}
    doc, keys = state.sent.doc, word_keys(state.sent.doc)
    for i in range(state.sent.start, state.sent.end):
        row = state.rules.evaluations.get(keys[i][1])
        if row is None or doc[i].pos_ not in ("ADJ", "VERB", "NOUN"):
            continue
        tok = doc[i]
        named = naming_verb(tok) is not None
        frame = "named" if named else row[1]
        if row[1] == "named" and not named:
            if not _judged_in_report(state, tok):
                continue  # "a violent act" judges only in "called the launch a violent act"
            frame = "evaluated"  # "said the remarks were rude": the speaker judges the remarks' owner
        if i in taken:
            if not (row[1] == "named" and tok.pos_ == "NOUN"):
                continue
            # "called the accord a flagrant violation": the name given judges; it tells no violation
            state.candidates = [c for c in state.candidates if c.head.i != i]
        c = Candidate(tok, tok.i, tok.i + 1, row[0])
        c.frame = frame
        state.candidates.append(c)
    _judged_by_modifier(state)
    state.candidates.sort(key=lambda c: c.start)
    _index(state)


def _judged_by_modifier(state: SentenceState) -> None:
    """ "called the strike a reckless step", "a step toward annexation": a name given whose adjective
    (or the noun its phrase leads to, `syntax.LEADING_PREPS`) judges the other way takes that word's
    type (a criticism, not the praise of "a step"); the adjective goes."""
    by_head = {c.head.i: c for c in state.candidates if c.frame}
    for c in list(by_head.values()):
        if c.frame != "named" or c.head.pos_ != "NOUN":
            continue
        # "a step toward annexation": the noun its phrase leads to judges as its adjective does
        amods = [k for k in c.head.children if k.dep_ == "amod"]
        leads = [o for k in c.head.children if k.dep_ == "prep" and k.lower_ in LEADING_PREPS
                 for o in k.children if o.dep_ == "pobj"]
        judges = [by_head[k.i] for k in [*amods, *leads] if k.i in by_head]
        against = [judge for judge in judges if judge.type != c.type]
        if against and len(against) == len(judges):
            judge = against[0]
            c.type, c.cameo, c.plover = judge.type, judge.cameo, judge.plover
            c.trace.append(f"role:judged.by:{judge.trigger.ref}")
        # "a grave historic mistake": an adjective that agrees keeps the name's judgement; those
        # against it are part of the name
        state.candidates = [k for k in state.candidates if k not in against]


def _judged_in_report(state: SentenceState, tok: Token) -> bool:
    """ "told reporters that Kim Yo Jong's remarks were 'rude'", "said the vote was a farce": a name
    given as the predicate of a reported clause with a named subject judges like a naming verb."""
    be = tok.head
    if tok.dep_ not in ("acomp", "attr") or be.lemma_ != "be" or be.dep_ != "ccomp":
        return False
    return (be.head.lemma_.lower() in state.rules.word("reporting")
            and any(s.pos_ != "PRON" for s in subjects(be)))


def _index(state: SentenceState) -> None:
    """The candidates by head token, and the heads of those that are not reports of speech."""
    state.at = {c.head.i: c for c in state.candidates}
    state.trigger_heads = {i for i, c in state.at.items() if not state.rules.policy(c.type).reporting}


def _credit_line(state: SentenceState) -> bool:
    """ "Some information for this report was provided by AP": a credit, not news (words.csv)."""
    text = " ".join(t.lower_ for t in state.sent)
    return any(phrase in text for phrase in state.rules.word("credit_phrase"))


def _inside_cue_phrase(rules: Rules, tok: Token, trig: Trigger) -> bool:
    """ "called off his visit": the verb of a longer modality phrase is no trigger of its own."""
    hit = rules.cue_at(tok)
    return hit is not None and len(hit[0].lemmas) > len(trig.lemmas)


def match_partner(state: SentenceState, tok: Token) -> Trigger | None:
    """A trigger that counts only with a partner: "received Netanyahu", "spoke with Biden"."""
    for trig, partner in state.rules.partner_candidates(tok):
        if len(trig.lemmas) > 1 and not state.rules.with_object(tok, trig.lemmas):
            continue
        if trig.pos != "ANY" and tok.pos_ != trig.pos:
            continue
        kids = list(tok.children)
        named = _named_as_complement(state, kids)
        if any(c.dep_ in ("oprd", "ccomp") and c is not named
               or c.dep_ == "dobj" and any(naming_verb(a) == tok for a in c.children) for c in kids):
            continue  # "called the deal a betrayal", "called the accord "a flagrant violation""
        objs = [c for c in kids if c.dep_ in ("dobj", "nsubjpass") or c is named]  # "Ruto was received by Macron"
        withs = [p for c in kids if c.dep_ == "prep" and c.lower_ in ("with", "between") for p in c.children]
        # "help rebuild Afghanistan": the object of the act helped; "help the region's economy": its owner too
        # (not "helped negotiate a deal between Kibaki and Odinga": an act of its own)
        acts = [o for c in kids if c.dep_ == "xcomp" and state.rules.match(c.doc, c.i) is None
                for o in c.children if o.dep_ == "dobj"]
        heads = {"object": objs, "with": withs, "any": objs + withs, "beneficiary": objs + acts}[partner]
        if partner == "any" or any(t.i in state.mentions and _partner_named(state, t, h, partner, h in acts)
                                   for h in heads for t in [h, *noun_phrase(h)]):
            return trig
    return None


def _partner_named(state: SentenceState, tok: Token, head: Token, partner: str, acted_on: bool = False) -> bool:
    """Whether an actor's word names the partner of a partner trigger: someone, not someone's thing
    ("called Johnson's accusation shocking"; "helped the dissidents from Egypt": Egypt's); for the object
    of an act helped, that one or its owner ("help the region's economy"), not what a noun's adjective
    names ("help verify the Palestinian measures")."""
    if acted_on:
        return tok == head or tok.head == head and tok.dep_ == "poss"
    return not _someones_thing(state, tok, head, "object" if partner == "beneficiary" else partner)


def _named_as_complement(state: SentenceState, kids: list[Token]) -> Token | None:
    """An actor's name the parser read as an object complement though the verb has no object: "called
    Fujimori to congratulate him" (a call to Fujimori, not a naming); not "called the deal a betrayal"."""
    if any(c.dep_ in ("dobj", "nsubjpass") for c in kids):
        return None
    return next((c for c in kids if c.dep_ == "oprd" and c.pos_ == "PROPN" and c.i in state.mentions), None)


def _someones_thing(state: SentenceState, tok: Token, head: Token, partner: str) -> bool:
    """Whether `tok` only says whose `head`'s phrase is: in its possessor ("British Foreign Secretary Boris
    Johnson's accusation"), or, for an object partner, in the "of" phrase of a thing ("called the decision
    of Donald Trump unacceptable"; not of people: "received a delegation of Hamas leaders")."""
    while tok != head and tok.head != tok:
        if tok.dep_ == "poss" or partner == "object" and tok.dep_ == "pobj" and tok.head.lower_ == "of" \
                and tok.head.head.pos_ == "NOUN" and not names_people(tok.head.head, state.ctx.roles.finder.lexicon):
            return True
        tok = tok.head
    return False


def attach_to_governors(state: SentenceState) -> None:
    for c in state.candidates:
        c.governor = _governor(state, c)


def _governor(state: SentenceState, c: Candidate) -> Candidate | None:
    """The trigger whose argument holds this one ("demanded Ukraine renounce..."), if any."""
    t, at = c.head, state.at
    first = first_conjunct(t)  # 'called the attack "blatant and unacceptable"': the first of the list
    if c.frame == "named" and first.i > first.head.i and (first.dep_ == "amod" or first.dep_ == "oprd" and first.head.pos_ == "NOUN"):
        return None  # 'called the attacks "totally unacceptable"': the name judges the attacks, it is no content of them
    namer = naming_verb(t) if c.frame == "named" and first.dep_ != "amod" else None
    if namer is not None and any(k.dep_ in ("nsubj", "nsubjpass") for k in namer.children):
        return None  # 'condemned what he called "a serious setback"': the judge is named, the judgement is his own
    if t.dep_ in ("nsubj", "nsubjpass") and t.head.i in at and t.pos_ == "NOUN" \
            and not _cue_only(state.rules, at[t.head.i]):  # not "the talks are expected to continue"
        return at[t.head.i]  # "the summit was hosted by Kishida": one event, told by the verb
    for _ in range(8):
        if t.head == t or t.dep_ in ("nsubj", "nsubjpass", "csubj", "relcl", "parataxis", "appos"):
            return None
        if t.dep_ == "advcl" and _purpose_of_encounter(state, t):
            return at[t.head.i]  # "met Velasquez to discuss security": the meeting's content
        if t.dep_ == "advcl" and not any(m.dep_ == "mark" and m.lower_ == "for" for m in t.children):
            return None  # an adverbial clause is its own event; "called for Kyiv to cede" is content
        if t.dep_ == "prep" and t.lower_ in ("on", "during") and c.head.head == t \
                and state.rules.policy(c.type).destination:
            return None  # "met Mulino on the Secretary's first trip abroad": the trip is an event of its own
        if t.dep_ == "prep" and t.lower_ not in state.rules.word("content_prep") and not (
                t.lower_ == "in" and t.head.lemma_.lower() in state.rules.word("participation_verb")):
            return None  # "in a draft", "with negotiations set to continue": adjuncts, not content
        if t.dep_ == "conj" and t.tag_ in ("VBD", "VBZ") and t.head.tag_ == "VB":
            return None  # "was ready to sign and accused Belgrade": a finite verb is no conjunct of the infinitive
        if t.dep_ == "conj":
            t = t.head
            continue
        t = t.head
        g = at.get(t.i)
        if g is not None and not state.rules.policy(g.type).reporting and not _cue_only(state.rules, g):
            return g
    return None


def _purpose_of_encounter(state: SentenceState, clause: Token) -> bool:
    """An infinitival purpose clause that tells talks ("to discuss ...") of a meeting, visit or call:
    the same encounter ("met Velasquez to discuss security"); "arrived to deliver assurances" stays two."""
    head, own = state.at.get(clause.head.i), state.at.get(clause.i)
    return (head is not None and own is not None and state.rules.policy(head.type).absorbs_purpose
            and state.rules.policy(own.type).purpose and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children))


def _cue_only(rules: Rules, c: Candidate) -> bool:
    """A verb that governs another action is its modality, not an event ("hoped to meet"); signing an
    instrument (words.csv instrument_noun: "signed a decree suspending flights") is no agreement, its content is
    the news."""
    tok = c.head
    if c.type == "agreement" and tok.pos_ == "VERB" and any(signed_instrument(o) for o in tok.children):
        return True
    if not any(ch.dep_ == "xcomp" for ch in tok.children):
        return False
    policy = rules.policy(c.type)
    if rules.is_cue(tok) in ("intended", "planned") and not policy.commitment:
        return True
    return policy.striving  # "fought to join", "battled to keep": striving, not fighting


def drop_cue_verbs(state: SentenceState) -> None:
    state.candidates = [c for c in state.candidates if not _cue_only(state.rules, c)]


def drop_governed(state: SentenceState) -> None:
    """Content of another trigger goes, unless governed.csv keeps it ("approved new sanctions");
    the content of content that went goes too ("met X to discuss security cooperation")."""
    kept: dict[int, Candidate] = {}
    for c in sorted(state.candidates, key=_depth):
        if c.governor is not None and _only_when_denied(state, c.governor) and not refuses(c.governor.head):
            c.governor = c.governor.governor  # "allowed IAEA inspectors to visit the site": no refusal, the visit is the news
        row = None if c.governor is None else state.rules.governed_row(c.governor.type, c.type, c.head.pos_)
        if row is not None and row.direct and not _direct_object(c.head, c.governor.head):
            row = None  # "approved new sanctions" stays; "agreed to work on a cease-fire" is the agreement's content
        if row is not None and row.completed and progressive(c.governor.head):
            row = None  # "have been negotiating an agreement": not reached, the talks' content
        if row is None and c.governor is not None and _answered_act(state, c):
            c.answered = True
            c.trace.append("governed:answered")
            kept[c.head.i] = c
            continue
        if c.governor is None or row is not None and c.governor.head.i in kept:
            if row is not None:
                c.governed_modality = row.modality
                c.trace.append(f"governed:{row.ref}")
            kept[c.head.i] = c
    state.candidates = [c for c in state.candidates if c.head.i in kept]


def _answered_act(state: SentenceState, c: Candidate) -> bool:
    """The object of a reply whose own phrase names another doer ("rejected an offer by Moon",
    "welcomed the offer made by the crown prince", "turned down Qarase's request"): an act of its own.
    A possessive pronoun ("their mediation") or a modifier ("the Argyle meeting") is not enough."""
    tok, roles = c.head, state.ctx.roles
    # "would not tolerate Tehran's support for Moscow": what is not tolerated is done already
    if tok.pos_ != "NOUN" or not (state.rules.policy(c.governor.type).answers or _only_when_denied(state, c.governor)):
        return False
    own = [a for k in tok.children if k.dep_ == "poss" and k.pos_ != "PRON" for a in roles.actor_of(k, state.mentions)]
    own += [a for k in doer_preps(tok, state.rules) for a in roles.pobj_actors(k, state.mentions)]
    if any(referent(k).i in state.at for k in c.governor.head.children if k.dep_ == "nsubj"):
        return False  # "a deal that backed Moscow's demands": an act answers, no one
    return bool({a.name for a in own} - {a.name for a in roles.subject_actors(c.governor.head, state.mentions)})


def _direct_object(tok: Token, verb: Token) -> bool:
    """ "approved new sanctions", "approved a new round of sanctions": the verb's object, or what it counts."""
    if tok.dep_ == "dobj" and tok.head == verb:
        return True
    head = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
    return head is not None and head.dep_ == "dobj" and head.head == verb


def _depth(c: Candidate) -> int:
    """How many governors a candidate has above it: governors are decided first."""
    n, g = 0, c.governor
    while g is not None and n < 10:
        n, g = n + 1, g.governor
    return n


SENTENCE_PASSES = (find_triggers, find_evaluations, attach_to_governors, drop_cue_verbs, drop_governed)


# -- event passes: each takes the state and one candidate; False drops the candidate ----------
def find_predicate(state: SentenceState, c: Candidate) -> bool:
    c.verb = c.head if c.answered else predicate(c.head)  # "rejected an offer by Moon": the noun's own roles
    return True


def rewrite_roles_stage(state: SentenceState, c: Candidate) -> bool:
    apply_rewrites(state, c, "roles")
    return True


def assign_roles(state: SentenceState, c: Candidate) -> bool:
    if c.frame:
        c.sources, c.targets = state.ctx.roles.of_evaluation(c.head, c.verb, c.frame, state.mentions)
        c.trace.append(f"role:evaluation.{c.frame}")
        return True
    found = state.ctx.roles.of_trigger(c.head, c.verb, state.mentions, c.type, state.trigger_heads)
    if found is None:
        return False
    c.sources, c.targets, steps = found
    c.trace.extend(steps)
    # a statement retyped by what it reports is aimed at whom the clause names: "said Moscow had backtracked on
    # issues" (Moscow, the accused), "would reopen only once Russia stopped sending migrants" (Russia, the bound)
    told = REPORTED_PARTY.get(c.type) if c.trigger.type == "statement" else None
    if told is not None and (party := told[0](state, c)):
        c.targets = party
        c.trace.append(told[1])
    elif told is not None and c.type == "criticism" and (deeds := _deeds_reported_wrong(state, c)):
        c.targets = _doers_of(state, c, deeds)  # "said the expulsions violated the ECOWAS treaty": not ECOWAS
        c.trace.append("role:deed.doer")
    if not c.sources and c.head.pos_ == "VERB" and _agentless_passive(c.head):
        c.trace.append("voice:agentless")  # "Bristow was summoned to the ministry": the doer is left to the article
    if c.type == "coercion" and not c.targets and _crowd_patient(state, c):
        c.trace.append("role:crowd.patient")  # "police detained about 20 people": the crowd (`context.crowd_patient`)
    return True


def _crowd_patient(state: SentenceState, c: Candidate) -> bool:
    """ "police detained about 20 people", "hundreds were detained", "the arrest of dozens": the one
    coerced is a crowd the sentence does not name (words.csv crowd_noun)."""
    tok = c.head
    struck = _struck(state, tok) if tok.pos_ == "VERB" else [
        p for k in tok.children if k.dep_ == "prep" and k.lower_ == "of" for p in k.children]
    counted = [p for p in struck if p.pos_ == "NUM" and p.lower_ != "one"]  # "hundreds were detained"
    # "fired tear gas and water cannon": a weapon of crowd control is aimed at a crowd (words.csv crowd_weapon)
    aimed = tok.pos_ == "VERB" and any(o.dep_ == "dobj" and o.lemma_.lower() in state.rules.word("crowd_weapon")
                                       for o in tok.children)
    # "detained around 20 of them": a number of them is of a crowd ("them" no party of its own)
    return aimed or _unnamed_crowd(state, struck) or any(
        not any(t.i in state.mentions and t.pos_ != "PRON" for t in p.subtree) for p in counted)


REPORTED_PARTY = {"criticism": (_accused_in_report, "role:accused"), "demand": (_conditioned_on, "role:conditioned"),
                  "threat": (_warned_if, "role:warned_if")}


def _agentless_passive(verb: Token) -> bool:
    kids = [k.dep_ for k in verb.children]
    return ("nsubjpass" in kids or "auxpass" in kids) and "agent" not in kids


def borrow_governor_subject(state: SentenceState, c: Candidate) -> bool:
    if c.answered and c.governor.type != "praise":
        # "North Korea rejected an offer by Moon", "Britain refused Moscow's requests for access to
        # Skripal": aimed at the one who answers (one who welcomes it may be a bystander)
        c.targets = state.ctx.roles.subject_actors(c.governor.head, state.mentions) or c.targets
        c.trace.append("role:governor.subject.target")
    elif c.governor is not None and not c.sources:  # "the EU approved new sanctions": the EU's sanctions
        c.sources = state.ctx.roles.subject_actors(c.governor.head, state.mentions)
        c.trace.append("role:governor.subject")
    return True


def find_modality(state: SentenceState, c: Candidate) -> bool:
    """The strongest modality cue on the path from the trigger to its reporting verb."""
    found: dict[str, str] = {}
    path, reported = _modality_path(state.rules, c.head)
    if c.answered:  # "rejected an offer by Moon": the offer was made; the reply is not its modality
        path = path[:path.index(c.governor.head)] if c.governor.head in path else path
    # "rejected the charge, and said Washington had...": a verb the trigger is joined to is no cue
    # of its own ("reject" negates only what was rejected); its function words are ("would meet and sign")
    joined = {t.head for t in path if t.dep_ == "conj" and t.pos_ == "VERB"}
    for node in path:
        for w, cue, ref in _cues_at(state.rules, c, node):
            if w == node and node in joined:
                continue
            would_reported = cue == "hypothetical" and w.lower_ == "would" and reported  # "said he would"
            found.setdefault("planned" if would_reported else cue, ref)
    for m in MODALITY_PRIORITY:
        if m in found:
            c.modality = m
            c.trace.append(f"modality:{found[m]}")
            break
    if c.modality == "occurred" and c.governed_modality:
        c.modality = c.governed_modality  # "agreed to participate in talks": the talks are planned
    return True


def made_by_denial(state: SentenceState, c: Candidate) -> bool:
    """ "The alliance would not tolerate attacks", "France will not hesitate to take further measures",
    "Ukraine would not allow Moscow to earn billions": a word that is an event only when denied (words.csv
    denied_only: a threat, a refusal) is one made when it is, and no event when it is not ("tolerated
    dissent", "allowed inspectors in")."""
    if not _only_when_denied(state, c):
        return True
    if c.modality != "negated" or c.verb is None or not refuses(c.verb):
        return False  # a refusal to come ("will not tolerate"), not a habit ("Trump does not hesitate to pick fights")
    if c.type == "rejection" and not any(o.i in state.mentions and o.pos_ != "PRON" for o in _let_act(c.head)):
        return False  # another party refused leave ("would not allow Moscow to earn"), not a vow ("will not allow our border to be violated")
    c.modality = "occurred"
    c.trace.append(f"role:denied.{c.type}")
    return True


def _let_act(verb: Token) -> list[Token]:
    """Who a verb of leave lets act: its object, or the subject of its clause ("allow Moscow to earn", parsed
    either way)."""
    return [o for k in verb.children for o in ([k] if k.dep_ == "dobj" else [
        s for s in k.children if s.dep_ == "nsubj"] if k.dep_ in ("ccomp", "xcomp") else [])]


def _only_when_denied(state: SentenceState, c: Candidate) -> bool:
    """Whether a candidate's trigger is an event only when denied (words.csv denied_only)."""
    return " ".join(c.trigger.lemmas) in state.rules.word("denied_only")


def speaker_plans(state: SentenceState, c: Candidate) -> bool:
    """A plan told in the passive with no doer ("Turkey said relations would be downgraded", "Trump
    said sanctions will be imposed on North Korea") is the speaker's own: the one who announces it
    will do it. Only with its target named ("the pilot would be handed over" may be anyone's), and
    not one hoped for ("hoped French officials would be indicted": by a court)."""
    if c.sources or not c.targets or c.modality != "planned" or state.rules.policy(c.type).reporting:
        return True
    if c.head.pos_ == "VERB" and _agentless_passive(c.head):
        c.sources = state.ctx.roles.speaker(c.head, state.mentions)
        if c.sources:
            c.trace.append("role:speaker.plan")
    return True


def _modality_path(rules: Rules, tok: Token) -> tuple[list[Token], bool]:
    """The trigger and the words above it in its clause, up to (without) a reporting verb."""
    path = [tok]
    t = tok
    for _ in range(8):
        if t.head == t or t.dep_ in ("relcl", "parataxis") or t.dep_ == "advcl" and (
                t != tok or any(m.dep_ == "mark" and m.lower_ != "to" for m in t.children)):
            break  # "Milei, who has insulted Lula, did not apologize": the insult is not negated; "set fire
            # to the consulate a day after its embassy was torched": the time clause has its own
        if t.dep_ == "prep" and t.lower_ not in rules.word("content_prep"):
            break  # "offered ..., with negotiations set to continue": the adjunct has its own
        t = t.head
        if t.lemma_.lower() in rules.word("reporting"):
            break
        path.append(t)
    return path, t.lemma_.lower() in rules.word("reporting")


CUE_DEPS = ("aux", "neg", "mark", "acl", "advmod", "acomp", "xcomp", "det", "prt", "amod", "preconj", "cc")


def _cues_at(rules: Rules, c: Candidate, node: Token) -> Iterator[tuple[Token, str, str]]:
    """(word, modality, provenance) of the cues on one node of the path and its function words."""
    tok = c.head
    for w in [node] + [ch for ch in node.children if ch.dep_ in CUE_DEPS]:
        if w == tok and w != node:
            continue
        if w.dep_ == "neg" and node in (tok, c.verb):
            yield w, "negated", "neg"
            continue
        if w.dep_ == "det" and w.lower_ != "no":
            continue
        if w != node and w.dep_ in ("acl", "xcomp") and node == tok and tok.pos_ in ("VERB", "AUX"):
            continue
        if w.dep_ == "acl" and not any(x.dep_ == "xcomp" for x in w.children):
            continue  # "talks aimed at finalising a deal": a purpose, not a plan
        hit = rules.cue_at(w)
        own_cue = w == tok and tok.pos_ == "ADJ"  # "is due in Bangkok": the trigger says it is planned
        if hit is None or (w == node and w == tok or tok.i in hit[1]) and not own_cue:
            continue
        if w.lower_ in rules.word("condition_mark") and w.dep_ != "mark":
            continue
        yield w, hit[0].modality, hit[0].ref


def refer_back(state: SentenceState, c: Candidate) -> bool:
    """A noun that tells again an event already told: dropped, or given that event's sides.

    The subject of an aspectual verb (aspect_verbs.csv: "the talks will continue", "fighting
    erupted") is an event of its own, with the sides of the article's last event of its type.
    """
    tok = c.head
    if tok.pos_ == "NOUN" and any(e.head.lemma_ == tok.lemma_ and e.type != c.type for e in state.accepted):
        return False  # "a general strike ... said the strike would continue": the protest again, no air strike
    same = next((e for e in reversed(state.accepted) if e.type == c.type), None) if tok.pos_ == "NOUN" else None
    if tok.pos_ == "NOUN" and aspect_verb(tok, state.rules.aspect_verbs) is not None:
        last = same or state.ctx.last_of_type.get(c.type)
        if not c.sources and not c.targets and last is not None:
            c.sources, c.targets = list(last.sources), list(last.targets)
            c.trace.append("role:aspect.coref")
        return True
    own = {a.name for a in c.sources + c.targets}
    if same is not None and c.modality == same.modality:
        earlier = {a.name for a in same.sources + same.targets}
        if tok.dep_ in ("appos", "attr") or own <= earlier or in_adjunct(tok) and own & earlier:
            return False  # "Lee visited Tokyo ..., a stop praised by Trump": the same visit again
    if tok.pos_ != "NOUN" or c.targets:
        return True
    if (same is None and definite(tok) and c.type in state.ctx.seen_types
            and c.verb.lemma_.lower() not in state.rules.support_verbs):
        return False  # "comment on the talks": a reference back to an event already told
    if same is not None and c.modality == same.modality:
        return False  # "discussing alternatives ... if the talks fail": the same event told again in its sentence
    if same is not None:  # "talks ... with negotiations set to continue": another of the same sides
        c.sources = c.sources or list(same.sources)
        c.targets = list(same.targets)
        c.trace.append("role:coref")
    return True


def address_the_fighting(state: SentenceState, c: Candidate) -> bool:
    """A call to end fighting with no one named ("called for an end to the fighting", "urged all
    parties to stop hostilities") is addressed to the sides of the article's last armed clash."""
    if c.targets or not state.rules.policy(c.type).addresses_fighting:
        return True
    clash = next((state.at[t.i] for t in c.head.subtree if t.i in state.at and t.i != c.head.i
                  and state.at[t.i].type == "military"), None)
    last = state.ctx.last_of_type.get("military") if clash is not None else None  # the article's, before
    if last is not None:
        own = {a.name for a in c.sources}
        c.targets = [a for a in unique(last.sources + last.targets) if a.name not in own]
        c.target_basis = "context"
        c.trace.append("role:fighting.sides")
    return True


def sides_of_the_fighting(state: SentenceState, c: Candidate) -> bool:
    """Fighting told with no side named, as its clause's subject ("Fighting raged for hours in Omdurman",
    "since fighting broke out in late March"; words.csv fighting_noun), is between the sides of the
    article's last armed clash told in text."""
    if c.type != "military" or c.sources or c.targets or c.head.pos_ != "NOUN" or c.head.dep_ != "nsubj" \
            or c.head.lemma_.lower() not in state.rules.word("fighting_noun"):
        return True
    last = next((e for e in reversed(state.accepted) if e.type == "military"), None) \
        or state.ctx.last_of_type.get("military")
    if last is not None and last.sources and last.targets and last.target_basis == "text":
        c.sources, c.targets = list(last.sources), list(last.targets)
        c.target_basis = "context"
        c.trace.append("role:fighting.sides")
    return True


def judge_the_deed(state: SentenceState, c: Candidate) -> bool:
    """Praise or criticism of a deed named as its object ("Guterres welcomed the talks", "Abe called
    the launch a violent act", "voiced concerns about the conduct of the poll"), or another reply to
    it (event_types.csv `answers`: "rejected the result"), is aimed at the sides of the article's last
    event of that kind (a criticism at its doers), this sentence's first; so is a criticism that names
    only the deed's victims ("condemned the attack on protesters")."""
    if not (c.type == "criticism" or state.rules.policy(c.type).answers):
        return True  # "rejected the result", "accepted the outcome" answer a deed too
    verb = naming_verb(c.head) if c.frame == "named" else c.head
    obj = named_object(verb) if c.frame == "named" else next((o for o in verb.children if o.dep_ == "dobj"), None)
    judged = list(obj.subtree) if obj is not None else [  # "voiced concerns about the conduct of the poll"
        t for p in c.head.children if c.head.pos_ == "NOUN" and p.dep_ == "prep" and p.lower_ in ("about", "over", "at")
        for t in p.subtree]
    deed = next((kind for t in judged if (kind := _event_kind(state, t))
                 and kind != c.type and not state.rules.policy(kind).reporting), None)
    outcome = deed is None and obj is not None and obj.lemma_.lower() in state.rules.word("outcome_noun")
    if deed is None and not outcome or c.targets and not _victims_only(state, c, deed, judged):
        return True
    c.trace.append("role:judged.deed")  # a deed judged: the article says whose, even if this sentence does not
    if outcome:  # "Washington welcomed the outcome": of the last deed told
        last = next((e for e in reversed(state.accepted) if _is_deed(state.rules, e)), None) or state.ctx.last_deed
    else:
        last = next((e for e in reversed(state.accepted) if e.type == deed), None) or state.ctx.last_of_type.get(deed)
    if last is not None:
        own = {a.name for a in c.sources}
        # a criticism at the doers only: not at the victims of a deed whose doer is unknown ("113 people have
        # been killed ... condemned the attack on protesters")
        doers_only = c.type == "criticism" and (last.sources or last.type in ("military", "coercion"))
        sides = last.sources if doers_only else last.sources + last.targets
        c.targets = [a for a in unique(sides) if a.name not in own]
        c.target_basis = "context"
        c.trace.append("role:judged.sides")
    return True


def _victims_only(state: SentenceState, c: Candidate, deed: str | None, judged: list[Token]) -> bool:
    """A criticism of an armed or coercive deed whose only targets are named after "on" or "against"
    inside it ("condemned the attack on protesters"): they suffered it; its doer is aimed at."""
    victims = {m.actor.name for t in judged if (m := state.mentions.get(t.i)) is not None and t.dep_ == "pobj"
               and t.head.lower_ in ("on", "against", "upon") and _event_kind(state, t.head.head) == deed}
    return c.type == "criticism" and deed in ("military", "coercion") and all(a.name in victims for a in c.targets)


def _is_deed(rules: Rules, c: Candidate) -> bool:
    """An event with two sides that is not a statement: what "the outcome" and "the move" refer to."""
    return bool(c.sources and c.targets) and not rules.policy(c.type).reporting


def answer_the_accuser(state: SentenceState, c: Candidate) -> bool:
    """A denial of a charge that names no one ("French officials denied the allegation", "Mottaki rejected
    the charge") answers whoever made it: the sources of the latest accusation against the denier (this
    sentence first)."""
    rejects = c.head.pos_ == "VERB" and _charge_object(state, c.head)
    if c.targets or c.type != "rejection" or not (rejects or _denies_charge(state, c)):
        return True
    own = side_of(c.sources)
    told = [e for e in reversed(state.accepted) if e.type == "criticism"]
    earlier = state.ctx.last_of_type.get("criticism")
    for accusation in told + ([earlier] if earlier is not None else []):
        if own & side_of(accusation.targets):
            c.targets = [a for a in accusation.sources if a.name not in own]
            c.target_basis = "text" if accusation in told else "context"
            c.trace.append("role:charge.accuser")
            break
    return True


def answer_the_summarised(state: SentenceState, c: Candidate) -> bool:
    """A verb in a clause on a noun that sums up what the sentence told ("Vietnam pressed for a
    binding code, a demand China has resisted"; "Abbas plans to ask the U.N. ..., a move Washington
    opposes"; "officials said the Thai army used cluster munitions, a charge Bangkok denied") is
    aimed at who did it: the subject of the nearest clause above that names someone not on the
    verb's side (the speaker, for a charge its own side is accused of)."""
    noun = c.head.head
    if c.targets or c.head.dep_ != "relcl" or noun.dep_ not in ("appos", "npadvmod") or noun.pos_ != "NOUN" \
            or noun.head.i in state.mentions:
        return True  # "Lee, a progressive who supports diplomacy": a person described, no deed summed up
    own = side_of(c.sources)
    t = noun.head
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX"):
            found = outside(state.ctx.roles.subject_actors(t, state.mentions), own)
            if found:
                c.targets = found
                c.trace.append("role:summarised")
                return True
        if t.head == t:
            return True
        t = t.head
    return True


def answer_the_author(state: SentenceState, c: Candidate) -> bool:
    """A rejection of a thing someone made ("Beijing refused to recognize the ruling" after "An
    arbitration court ruled"; "The United States rejected the idea" after "Beijing's proposal")
    answers who made it: the author of the article's last thing of that kind (words.csv authored_*)."""
    if c.targets or c.type != "rejection":
        return True
    objects = [o for o in c.head.children if o.dep_ == "dobj"] + [
        o for x in c.head.children if x.dep_ == "xcomp" for o in x.children if o.dep_ == "dobj"]
    kind = next((k for o in objects if o.pos_ == "NOUN" and (k := _authored(o)) is not None), None)
    own = side_of(c.sources)
    # "turned down an offer by the United States": the maker the phrase names, else the last one
    named = outside([a for o in objects for k in o.children if k.dep_ == "prep" and k.lower_ == "by"
                     for a in state.ctx.roles.pobj_actors(k, state.mentions)], own)
    authors = named or outside(state.ctx.authors.get(kind, []), own)
    if authors:
        c.targets = authors
        c.target_basis = "text" if named else "context"
        c.trace.append("role:author")
    return True


def _authored(tok: Token) -> str | None:
    """The kind of thing made (words.csv list authored_*) a noun or verb names: "ruling" and "ruled"
    are both authored_ruling."""
    return _authored_kinds().get(tok.lemma_.lower())


@functools.lru_cache(maxsize=1)
def _authored_kinds() -> dict[str, str]:
    """Word -> the words.csv list authored_* it is in."""
    return {w: name for name, ws in words().items() if name.startswith("authored_") for w in ws}


def remember_authors(state: SentenceState) -> None:
    """Who made what the sentence says was made: the subject of "ruled", "proposed"; the owner of
    "Beijing's proposal"; the subject of "drafted a resolution" (words.csv authoring_verb). A
    definite noun ("the ruling") names something made before, not its maker; "Russia vetoed a
    resolution" names no maker."""
    for tok in state.sent:
        kind = _authored(tok) if tok.pos_ in ("VERB", "NOUN") else None
        if kind is None:
            continue
        roles = state.ctx.roles
        if tok.pos_ == "VERB":
            found = roles.subject_actors(tok, state.mentions)
        elif definite(tok) and not any(c.dep_ == "poss" for c in tok.children):
            continue
        else:
            made = tok.dep_ == "dobj" and tok.head.lemma_.lower() in state.rules.word("authoring_verb")
            said_in = tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.lemma_.lower() in state.rules.word("reporting")
            found = roles.left_possessor(tok, state.mentions) or (  # "said in a statement": the sayer's
                roles.subject_actors(tok.head if made else tok.head.head, state.mentions) if made or said_in else [])
        if found:
            state.ctx.authors[kind] = unique(found)


def warn_of_consequences(state: SentenceState, c: Candidate) -> bool:
    """ "Hong said Hanoi must bear full responsibility", "Israel would face consequences": the
    subject of a warning verb (words.csv consequence_verb) is the one warned; the warner is who
    says it, or the author of a statement ("The Algerian authorities will bear full responsibility");
    the warning itself is made."""
    if c.type != "threat" or c.head.pos_ != "VERB" or c.head.lemma_.lower() not in state.rules.word("consequence_verb"):
        return True
    warned = state.ctx.roles.subject_actors(c.head, state.mentions)
    # (the byline's author only here: made every reported clause's speaker, it named a "we" whose
    # author serves no known state, against the rule of `actors._first_person`)
    author = state.ctx.roles.finder.author
    warner = state.ctx.roles.speaker(c.head, state.mentions) or ([author] if author is not None else [])
    if not warned or not warner:
        return False  # "the firm will bear responsibility for the costs": no one warns anyone
    c.sources, c.targets = outside(warner, side_of(warned)), warned
    c.modality = "occurred"
    c.trace.append("role:warned")
    return bool(c.sources)


def parties_of_a_place(state: SentenceState, c: Candidate) -> bool:
    """ "urged all parties in Lesotho to exercise restraint", "called on the factions in Libya": an
    act addressed to the parties of a place (words.csv party_noun) is aimed at that state."""
    if c.targets or c.verb is None:
        return True
    kids = list(c.verb.children)
    addressed = [o for o in kids if o.dep_ == "dobj"] + [
        p for o in kids if o.dep_ == "prep" and o.lower_ == "on" for p in o.children if p.dep_ == "pobj"]  # "called on"
    places = [m.actor for n in addressed if n.lemma_.lower() in state.rules.word("party_noun")
              for k in n.children if k.dep_ == "prep" and k.lower_ == "in"
              for p in k.children if (m := state.mentions.get(p.i)) is not None and m.actor.kind == "country"]
    if places:
        c.targets = unique(places)
        c.trace.append("role:parties.place")
    return True


def protesting_crowd(state: SentenceState, c: Candidate) -> bool:
    """ "Several hundred people protested outside the Spanish consulate", "Thousands rallied": a
    crowd that protests (words.csv crowd_noun) is the generic protesters; and so is a crowd that
    forces fire on or detain once protests are told ("security forces killed 36 people during
    protests", "Thousands of people were detained then")."""
    if c.verb is None:
        return True
    protesters = [Actor(name=group_nouns()["protester"], kind="group")]
    if c.type == "protest":
        crowd, sources = subjects(c.verb), {a.name for a in c.sources}
        owners = {m.actor.name for w in crowd for p in w.children if p.dep_ == "poss" for t in p.subtree
                  if (m := state.mentions.get(t.i)) is not None}  # "Mr. Nasralla's supporters": not Nasralla
        nationals = _nationals(state, crowd)
        if sources <= owners and _unnamed_crowd(state, crowd):
            c.sources = protesters
            c.trace.append("role:crowd")
        elif sources and sources <= {a.name for a in nationals}:
            c.sources, c.targets = protesters, c.targets or nationals  # the people of a state protest to its government
            c.trace.append("role:crowd.nationals")
    elif c.type in ("coercion", "military") and not c.targets and _protests_told(state) and _unnamed_crowd(
            state, [o for o in _struck(state, c.verb) if all(_crowd(state, w) for p in o.children if p.lower_ == "of"
                                                    for w in p.children)]):  # not "hundreds of monks"
        c.targets = protesters  # "killed 36 people", "thousands of people", "fired tear gas at the crowd"
        c.trace.append("role:crowd")
    elif not c.sources and c.type in state.rules.word("crowd_speech") and _protests_told(state) \
            and _unnamed_crowd(state, subjects(c.verb)):
        c.sources = protesters  # "Several hundred people protested, accusing Washington of ...": the crowd speaks
        c.trace.append("role:crowd.speaks")
    return True


def _struck(state: SentenceState, verb: Token) -> list[Token]:
    """Who a verb of force acts on: its object, its passive subject, or what it fires at (words.csv
    struck_prep: "fired tear gas at the crowd", "opened fire on")."""
    return [o for o in verb.children if o.dep_ in ("dobj", "nsubjpass")] + [
        o for p in verb.children if p.dep_ == "prep" and p.lower_ in state.rules.word("struck_prep")
        for o in p.children if o.dep_ == "pobj"]


def _nationals(state: SentenceState, words: list[Token]) -> list[Actor]:
    """The states whose people these words name by a plural of nationality ("hundreds of Jordanians",
    "Serbs"), not by the state's own name ("the Palestinians")."""
    return unique([m.actor for w in words for t in w.subtree if t.tag_ in ("NNPS", "NNS")
                   and (m := state.mentions.get(t.i)) is not None and m.actor.kind == "country"
                   and t.text.lower() != m.actor.name.lower()])


def _unnamed_crowd(state: SentenceState, words: list[Token]) -> bool:
    """Whether these words name a crowd (words.csv crowd_noun) and no actor, but for whose it is
    ("Mr. Nasralla's supporters": a crowd, not Nasralla)."""
    crowd = [w for w in words if _crowd(state, w)]
    # a following told as its leader ("Mr. Nasralla's supporters": actors.following_group_nouns) is a crowd
    own = [w for w in crowd if w.lemma_.lower() not in following_group_nouns()]
    return bool(crowd) and not any(t.i in state.mentions for w in crowd for c in [w, *w.children]
                                   if c.dep_ not in ("poss", *CLAUSE_DEPS) for t in (c.subtree if c is not w else own))


def _protests_told(state: SentenceState) -> bool:
    """Whether the article has told of a crowd's protests so far, this sentence first (not a state's
    formal protest: "Iraq summoned Iran's envoy to protest against attacks that killed 13 people")."""
    told = [e for e in state.accepted if e.type == "protest"] + [state.ctx.last_of_type.get("protest")]
    return any(e is not None and e.sources and all(a.kind == "group" for a in e.sources) for e in told)


def issue_the_document(state: SentenceState, c: Candidate) -> bool:
    """ "The resolution demands that Eritrea stop", "The statement accused Seoul": a document that
    acts is its issuer's: the one its phrase names ("the council's resolution"), else the maker of
    the article's last document of that kind (words.csv authored_*), else for a resolution the
    body the article has named most."""
    if c.sources or c.verb is None:
        return True
    document, kind = next(((s, k) for s in subjects(c.verb) if s.pos_ == "NOUN" and (k := _authored(s)) in DOCUMENT_KINDS),
                          (None, None))
    if document is None:
        return True
    roles = state.ctx.roles
    named = roles.left_possessor(document, state.mentions) or roles.phrase_all(document, state.mentions)
    issuers = named or state.ctx.authors.get(kind, []) or (_most_named(state, "organization") if kind == "authored_resolution" else [])
    if issuers:
        c.sources = [a for a in issuers if a not in c.targets]
        c.trace.append("role:document.issuer")
    return True


DOCUMENT_KINDS = ("authored_statement", "authored_resolution", "authored_report")


def _where_it_happened(state: SentenceState, c: Candidate, joined: bool = True) -> list[Actor]:
    """The countries named in the verb's phrase, not in its subject's: where the act happened; with `joined`,
    also where the verbs joined to it did it ("blocked roads and burned tires in Tegucigalpa")."""
    verb = c.verb
    who = {t.i for s in verb.children if s.dep_ in ("nsubj", "nsubjpass") for t in s.subtree}
    tokens = list(phrase(verb))
    if joined:
        tokens = [verb, *tokens, *(t for v in verb.conjuncts if v.i > verb.i
                                   and not any(s.dep_.startswith("nsubj") for s in v.children) for t in phrase(v))]
    return unique([m.actor for t in tokens if (m := state.mentions.get(t.i)) is not None
                   and m.actor.kind == "country" and t.i not in who])


def place_fallback(state: SentenceState, c: Candidate) -> bool:
    """ "Gunmen abducted 280 pupils in Nigeria's Kaduna state": the country where it happened; and
    "Police detained 1,700 people in Russian cities": the state forces there are that country's."""
    generic = c.sources and not c.targets and all(a.name in generic_groups() for a in c.sources)
    if not state.rules.policy(c.type).place_fallback:
        return True
    if c.sources and not generic:
        # "Uzbek jets bombed villages in Tajikistan's Tavildara valley": an armed act of a named doer that names
        # no one struck is aimed at the other state where it struck, not its own (coercion so: worse on the sets)
        abroad = [a for a in _where_it_happened(state, c, joined=False) if not side_of([a]) & side_of(c.sources)]
        if c.type == "military" and not c.targets and abroad:
            c.targets = abroad[:1]
            c.trace.append("role:place.abroad")
        return True
    verb, where = c.verb, _where_it_happened(state, c)[:1]
    forces = not c.sources and any(agent_sector(s) in LOCAL_FORCES and s.i not in state.mentions for s in subjects(verb))
    if not c.sources and (_agentless_passive(verb) and c.head.lemma_.lower() in state.rules.word("authority_act")
                          or held(c.head) and c.targets):
        # "more than 1,200 people had been arrested": the state's where it happened, else the held person's own
        # ("Deuba has been under house arrest": Nepal's), else the article's
        c.sources = where or _own_state(state, c.targets) or _most_named_state(state)
        c.trace.append("role:setting.authorities")
        return True
    if forces and not where:  # "Police fired tear gas": the forces of the state the article is about
        c.sources = _most_named_state(state)
        c.trace.append("role:setting.forces")
    elif not c.targets:
        c.targets = where
        c.trace.append("role:place")
    elif where and forces:
        c.sources = where
        c.trace.append("role:place.forces")
    return True


def forces_addressed(state: SentenceState, c: Candidate) -> bool:
    """ "The NLA accused police of killing civilians": a state's forces or officials blamed with no
    country named are those of the state named there, else of the state the article names most, if
    not the accuser's own. (For every type, tried: "put the armed forces on alert", "halt hostilities
    against", "expelled diplomats" name the doer's own or others' people: worse on the test sets.)"""
    if c.type != "criticism" or c.targets or not c.sources or c.verb is None or c.verb.pos_ != "VERB":
        return True
    forces = [o for o in c.verb.children if o.dep_ == "dobj" and o.i not in state.mentions
              and agent_sector(o) in STATE_SECTORS and not any(p.dep_ == "poss" for p in o.children)]
    if not forces:
        return True
    where = [m.actor for t in phrase(c.verb) if (m := state.mentions.get(t.i)) is not None and m.actor.kind == "country"]
    c.targets = outside(where + _named_by_count(state, "country"), side_of(c.sources))[:1]
    c.trace.append("role:forces.object")
    return True


def unnamed_addressee(state: SentenceState, c: Candidate) -> bool:
    """ "urged member states to ...", "met party leaders", "called on the army to ...": people an act
    of address (words.csv addressee_type) is aimed at, whom the sentence names by a noun of agents
    (agents.csv; a plural of collective_nouns.csv: "countries") and no actor, are its target as written
    ("member states"), not the party the article is about. Not the press ("told reporters"), nor an
    event the sentence tells ("after it crushed an uprising"), nor the two sides ("pressed both men")."""
    if c.targets or not c.sources or c.verb is None or c.verb != c.head or c.type not in state.rules.word("addressee_type"):
        return True
    # its object, or the object of a preposition of the trigger ("called on", "appealed to")
    aimed = [o for o in c.verb.children if o.dep_ == "dobj"] + [
        o for p in c.verb.children if p.dep_ == "prep" and (p.i < c.end or p.lower_ == "to") for o in p.children if o.dep_ == "pobj"]
    o = aimed[0] if aimed else None
    if o is None or o.pos_ not in ("NOUN", "PROPN") or o.i in state.at or any(t.i in state.mentions for t in o.subtree) \
            or any(k.dep_ == "poss" and k.pos_ == "PRON" for k in o.children) or not _agents_noun(o) \
            or any(names_a_pair(t) for t in (o, *(k for k in o.children if k.dep_ == "poss"))) \
            or _crowd(state, o) and any(a.name in state.rules.word("crowd_group") for _, a, _ in state.ctx.named):
        return True  # a crowd ("arrested 150 people") is the one the article named before (context.crowd_patient)
    c.targets = [Actor(name=" ".join(t.text for t in [*(k for k in o.children if k.dep_ == "compound" and k.i < o.i), o]),
                       kind="group")]
    c.trace.append("role:addressee.noun")
    return True


def _agents_noun(tok: Token) -> bool:
    """A noun of agents other than the press: "ambassadors", "the junta", "member states" (not "the state")."""
    sector = agent_sector(tok)
    if sector is not None:
        return sector != "media"
    return tok.tag_ in ("NNS", "NNPS") and (tok.lemma_.lower() in collective_nouns() or tok.lower_.rstrip("s") in collective_nouns())


def _most_named_state(state: SentenceState) -> list[Actor]:
    """The state the article has named most so far (none before any is named)."""
    return _most_named(state, "country")


def _own_state(state: SentenceState, people: list[Actor]) -> list[Actor]:
    """The state the article named whose citizens or officials these people are (one only)."""
    codes = {a.country for a in people if a.kind == "person" and a.country}
    states = unique([a for _, a, _ in state.ctx.named if a.kind == "country" and a.country in codes])
    return states if len(states) == 1 else []


def _most_named(state: SentenceState, kind: str) -> list[Actor]:
    """The actor of this kind the article has named most so far (none before any is named)."""
    return _named_by_count(state, kind)[:1]


def _named_by_count(state: SentenceState, kind: str) -> list[Actor]:
    """The actors of this kind the article has named so far, most named first."""
    return [a for a, _ in Counter(a for _, a, _ in state.ctx.named if a.kind == kind).most_common()]


def vote_of_the_country(state: SentenceState, c: Candidate) -> bool:
    """An election that names no one ("last week's presidential election", "Sunday's presidential
    election in Russia") is the country's: the one its sentence names, else the one the article
    has named most so far (said to come from context)."""
    tok, lemma = c.head, c.head.lemma_.lower()
    if c.type != "election" or c.sources or c.targets or tok.pos_ != "NOUN" or not (
            lemma in state.rules.word("election_noun") or lemma in ("vote", "poll", "ballot")
            and any(a.lower_ in state.rules.word("electoral_adj") for a in tok.children if a.dep_ == "amod")):
        return True
    here = [m.actor for t in tok.subtree if (m := state.mentions.get(t.i)) is not None and m.actor.kind == "country"]
    if here:  # "Kenya's election", "the election in Russia"
        c.targets = here[:1]
    else:
        c.targets = _most_named_state(state)
        if not c.targets:
            return True
        c.target_basis = "context"
    c.trace.append("role:election.country")
    return True


def type_policy(state: SentenceState, c: Candidate) -> bool:
    """Who each type needs (event_types.csv): someone named, a source, a target."""
    policy = state.rules.policy(c.type)
    if not c.sources and not c.targets:
        return False
    if c.type == "protest" and _no_protest(state, c):
        return False
    if policy.reporting and not c.sources:
        return False
    if c.frame == "named" and c.modality == "negated":
        return False  # "this cannot be regarded as an interference": no judgement made
    if c.modality == "negated" and c.head.lemma_.lower() in state.rules.word("wish_verb"):
        return False  # "Thailand did not want a war with its neighbour": a wish denied, no demand
    judged = c.frame == "named" or "role:judged.deed" in c.trace or _judges_a_thing(c)
    if policy.needs_target and not c.targets and len(c.sources) < 2 and not judged:
        return False  # praise of nothing is an opinion, not an event; "called the bans discriminatory",
        # "condemned the strikes" judge whoever did them: the article says who
    # "a deal that backed Moscow's demands" tells no one's deed; "Micheletti, who was sworn in" tells Micheletti's
    relcl = c.head.dep_ == "relcl" and not policy.place_fallback and antecedent(c.head).i not in state.mentions
    return bool(c.sources) or not (policy.needs_source or relcl)


def _no_protest(state: SentenceState, c: Candidate) -> bool:
    """ "He told a rally", "addressed a rally": a crowd spoken to, no protest of its own; "7,000 FARC
    fighters will gather in 23 rural zones", "rebels marched on the capital": armed men (words.csv force_noun)
    are no crowd."""
    head = c.head
    if head.pos_ == "NOUN" and head.dep_ in ("dobj", "dative") \
            and head.head.lemma_.lower() in state.rules.word("reporting") | {"address"}:
        return True
    return head.pos_ == "VERB" and any(s.lemma_.lower() in state.rules.word("force_noun") for s in subjects(head))


def _judges_a_thing(c: Candidate) -> bool:
    """ "Morocco welcomed the letter", "San Roman condemned the takeover": praise or criticism (the types
    that need a target) of a thing named as the verb's object judges whoever made it; the article says who."""
    return bool(c.sources) and c.head.pos_ == "VERB" and any(
        o.dep_ == "dobj" and o.pos_ == "NOUN" and definite(o) for o in c.head.children)


def rewrite_policy_stage(state: SentenceState, c: Candidate) -> bool:
    apply_rewrites(state, c, "policy")
    return True


def find_date(state: SentenceState, c: Candidate) -> bool:
    """The date of the trigger's own phrase or clause, else of the clause above, else context."""
    c.when = (_phrase_date(state, c) or _shifted_date(state, c) or _own_clause_date(state, c)
              or _clause_date(state, c) or _adverbial_date(state, c) or _context_date(state, c))
    return True


def _shifted_date(state: SentenceState, c: Candidate) -> EventDate | None:
    """ "a day after he met Kasuri", "one month after Thai officials held talks": the main clause's
    date, shifted by that much (`dates.shift`), at that unit's precision."""
    mark = next((m for m in c.verb.children if m.dep_ == "mark" and m.lower_ in ("after", "before")), None)
    doc = c.verb.doc
    if mark is None or mark.i < 2 or doc[mark.i - 1].lower_.rstrip("s") not in ("day", "week", "month", "year"):
        return None
    unit, n = doc[mark.i - 1].lower_, number(doc[mark.i - 2].lower_)
    anchor = state.timex_at.get(c.verb.sent.root.i) or state.ctx.lead
    anchor_day = anchor.date if anchor is not None and anchor.precision == "day" else state.ctx.article_date
    if not n or not anchor_day or len(anchor_day) != 10:
        return None
    value = shift(_date.fromisoformat(anchor_day), -n if mark.lower_ == "after" else n, unit)
    return EventDate(value[0], None, value[2], f"{doc[mark.i - 2].text} {unit} {mark.lower_}", "context")


def _adverbial_date(state: SentenceState, c: Candidate) -> EventDate | None:
    """ "After arriving in Bogota Sept. 5, Richardson met ...": the date of a leading participle clause."""
    clauses = [k for k in c.verb.children if k.dep_ == "advcl" and k.tag_ in ("VBG", "VBN")]
    clauses += [p for k in c.verb.children if k.dep_ == "prep" and k.lower_ in ("after", "upon", "on")
                for p in k.children if p.dep_ == "pcomp" and p.tag_ == "VBG"]  # "After arriving ..."
    for clause in clauses:
        if clause.i > c.verb.i:
            continue
        for t in [clause, *phrase(clause)]:
            tx = state.timex_at.get(t.i)
            if tx is not None and tx.date and tx.precision == "day":
                return _event_date(tx, "context")
    return None


def _event_date(tx: Timex, basis: str) -> EventDate:
    return EventDate(tx.date, tx.date_end, tx.precision, tx.text, basis)


def _phrase_date(state: SentenceState, c: Candidate) -> EventDate | None:
    if c.head != c.verb:  # a noun's own phrase first: "negotiations set to continue on Monday"
        for d in [c.head, *phrase(c.head)]:  # "talks on Monday aimed at reviving the 2015 deal": Monday
            tx = state.timex_at.get(d.i)
            if tx is not None and tx.date:
                return _event_date(tx, "text")
    return None


def _own_clause_date(state: SentenceState, c: Candidate) -> EventDate | None:
    """A date in the event's own clause, on a word that is no other event ("won the most votes in
    Sunday's election"), before any date of the clauses above ("the United States said Thursday")."""
    if c.verb == c.head or state.timex_at.get(c.verb.i) is not None:
        return None  # a verb's own date: `_clause_date`
    others = {i for i in state.trigger_heads if state.at[i].type != c.type} - {c.head.i, c.verb.i}
    for d in phrase(c.verb, absolute=False, stop=others):
        tx = state.timex_at.get(d.i)
        if tx is not None and tx.date and not _names_a_thing(state, c, d, tx):
            return _event_date(tx, "text")
    return None


def _clause_date(state: SentenceState, c: Candidate) -> EventDate | None:
    """Up the parse from the trigger: the first temporal expression attached on the way."""
    own, earlier = {c.head.i, c.verb.i}, before_lead(c.verb)
    t, crossed = c.head, False
    for _ in range(10):
        tx = state.timex_at.get(t.i)
        if tx is not None and tx.date:
            if crossed and earlier:
                return None  # "said Monday he had met Modi": the meeting came before Monday
            basis = "text" if t.i in own or not crossed else "context"
            if basis == "text" and scheduled(c.verb):
                tx = resolve_date(tx.text, state.ctx.article_date, "future") or tx
            return _event_date(tx, basis)
        if t.head == t:
            break
        if t.dep_ == "relcl" and (tx := state.timex_at.get(-t.head.i - 1)) is not None and tx.date:
            return _event_date(tx, "text")  # "since 2001, when U.S.-led forces ousted the Taleban"
        if t.dep_ in CLAUSE_DEPS or (t.dep_ == "conj" and t.pos_ == "VERB"):
            crossed = True
        t = t.head
    return None


def _names_a_thing(state: SentenceState, c: Candidate, noun: Token, tx: Timex) -> bool:
    """A year inside the name of a thing ("would invoke the 1951 Mutual Defense Treaty") or a month or
    year that qualifies a noun ("a shaky September cease-fire"): it dates the thing, not the clause it
    sits in, unless the thing is the event again ("Under the 2015 deal, Iran agreed")."""
    if tx.precision == "month" and noun.pos_ == "NOUN" and noun.text not in tx.text:
        return noun != c.head  # "agreed to work on a shaky September cease-fire": a month on another noun
    if noun.pos_ not in ("NOUN", "PROPN") or tx.precision != "year" or not any(
            k.dep_ in ("nummod", "compound", "amod") and k.like_num for k in noun.children):
        return False
    return _event_kind(state, noun) != c.type


def _context_date(state: SentenceState, c: Candidate) -> EventDate:
    """A date in the verb's phrase outside other events' phrases, else the lead or publication date."""
    doc = c.head.doc
    verbs = {i for i in state.trigger_heads if doc[i].pos_ == "VERB"} - {c.head.i, c.verb.i}
    for d in phrase(c.verb, absolute=False, stop=verbs):
        tx = state.timex_at.get(d.i)
        if tx is not None and tx.date and not _names_a_thing(state, c, d, tx):  # "in a draft disclosed last month"
            return _event_date(tx, "text")
    then = state.ctx.last_told_date
    if then is not None and _then(c.verb):  # "In June, security forces killed 36 people. Thousands were detained
        return replace(then, basis="context")  # then": the date told last
    if before_lead(c.verb) or background(c.verb):
        return EventDate()
    if state.paragraph != state.ctx.lead_paragraph and present_perfect(c.verb):
        return EventDate()  # "Pyongyang has rebuffed overtures": before the news; a lead's is the news
    verb_tense = tense(c.verb)
    carried = state.ctx.carried_date
    if verb_tense == "past" and c.verb.tag_ == "VBD" and carried is not None and carried[0] == state.paragraph:
        return replace(carried[1], basis="context")  # "On Sunday, Chavez said ... He accused Uribe ..."
    if verb_tense == "past" and state.ctx.lead is not None:
        return _event_date(state.ctx.lead, "context")
    if verb_tense in ("past", "present") and state.ctx.article_date and c.modality in ("occurred", "negated"):
        return EventDate(state.ctx.article_date, None, "day", None, "publication")
    return EventDate()


def _then(verb: Token) -> bool:
    """ "were detained then", "has been under house arrest since then": a clause dated by the date told
    last (not "and then", a next step)."""
    for c in verb.children:
        if c.lower_ == "then" and c.dep_ == "advmod" and not any(k.dep_ == "cc" for k in verb.children if k.i == c.i - 1):
            return True
        if c.dep_ == "prep" and c.lower_ == "since" and any(o.lower_ == "then" for o in c.children):
            return True
    return False


def assign_codes(state: SentenceState, c: Candidate) -> bool:
    """CAMEO (the intent code of an intended act), then PLOVER by CAMEO2PLOVER."""
    cameo = c.cameo or "00"
    intent = state.rules.policy(c.type).intent_cameo
    if c.modality == "intended" and intent:
        cameo = intent
    c.cameo = cameo
    coded = cameo[:2] != "00"
    c.plover = (state.rules.plover_of(cameo) or c.plover) if coded else None
    return True


def find_location(state: SentenceState, c: Candidate) -> bool:
    """The place of an event: a place name after "in" or "at" in its clause ("met in Berlin")."""
    sent = state.sent
    for t in phrase(c.verb):
        if t.dep_ != "pobj" or t.head.lower_ not in state.rules.word("place_prep"):
            continue
        if t.ent_type_ in ("GPE", "FAC", "LOC"):
            ent = next((e for e in sent.ents if e.start <= t.i < e.end), None)
            if ent is not None:
                c.location = ent.text
                return True
        m = state.mentions.get(t.i)
        if m is not None and m.actor.kind in ("country", "organization") and t.pos_ == "PROPN":
            c.location = m.text  # a place the lexicon knows, where the recogniser did not read
            return True
    return True


def drop_non_parties(state: SentenceState, c: Candidate) -> bool:
    """Targets that are no other party: a source again; a person's own country ("Gates (USA) delivered
    assurances of the United States' commitment"), unless it names the people ("Yudhoyono called on all
    Indonesians": `_own_people`); a state's own envoy recalled ("India recalled its ambassador,
    Mukherjee"); the organisation an official serves ("Rasmussen promised that the alliance would help
    Ukraine": not NATO). (A news outlet is never a mention: `actors.MentionFinder`.)"""
    sources = {a.name for a in c.sources}
    own = {a.country for a in c.sources if a.kind == "person" and a.country} if len(c.sources) == 1 else set()
    people = _own_people(state, c, own)
    governed = _own_government(state, c, own)
    c.targets = [people.get(a.name, a) for a in c.targets if a.name not in sources
                 and not (a.kind == "country" and a.country in own and a.name not in people and a.name not in governed)
                 and not (a.country in own and _is_body_served(state, a))]
    objects = [o for o in c.verb.children if o.dep_ == "dobj"] if c.verb is not None else []
    if c.type == "sanction" and any(p.dep_ == "poss" and p.lower_ in ("its", "their") for o in objects for p in o.children):
        c.targets = [a for a in c.targets if a.kind != "person"]
    return True


def _is_body_served(state: SentenceState, actor: Actor) -> bool:
    """Whether `actor` is the organisation itself whose code an official bears (NATO for its Secretary
    General), not one of its organs ("Annan asked the Council": the Security Council)."""
    body = state.ctx.roles.finder.lexicon.country_actor(actor.country) if actor.country else None
    return body is not None and body.kind == "organization" and body.name == actor.name


def _own_government(state: SentenceState, c: Candidate, own: set[str]) -> set[str]:
    """A person's own state named only as "the government" ("Senator Hontiveros urged the government to expel
    the Chinese ambassador", words.csv story_state_noun): a party the person addresses, not their side; not
    "his government", nor where the sentence names the state too ("said the United States was troubled and
    urged the government": another state's). Adjectives do not name it ("Philippine Senator Hontiveros")."""
    bare, named = set(), set()
    for i in range(c.head.sent.start, c.head.sent.end):
        tok, m = c.head.doc[i], state.mentions.get(i)
        if m is None or m.actor.country not in own or tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("amod", "compound"):
            continue
        addressed = tok.lemma_.lower() in state.rules.word("story_state_noun") and with_the(tok) \
            and tok.dep_ not in ("nsubj", "nsubjpass")
        (bare if addressed else named).add(m.actor.name)
    return bare - named


def _own_people(state: SentenceState, c: Candidate, own: set[str]) -> dict[str, Actor]:
    """A leader's own people named by their demonym ("Yudhoyono called on all Indonesians", "Qarase
    urged Fijians to resist"): the people, a party of their own (a group), not the leader's state."""
    people = {}
    for i in range(c.head.sent.start, c.head.sent.end):
        m = state.mentions.get(i)
        tok = c.head.doc[i]
        if m is not None and m.actor.kind == "country" and m.actor.country in own and tok.tag_ in ("NNS", "NNPS") \
                and tok.text.endswith("s") and m.actor.name.lower() != tok.lower_:
            people[m.actor.name] = Actor(name=tok.text[:1].upper() + tok.text[1:], kind="group", country=m.actor.country)
    return people


def score_confidence(state: SentenceState, c: Candidate) -> bool:
    """How sure the event is: both sides named, or only a modifier, or a reference."""
    confidence = 0.4 + (0.3 if c.sources else 0) + (0.2 if c.targets else 0)
    if c.head.dep_ == "acl" and c.head.tag_ == "VBN" and not c.targets:
        confidence -= 0.2  # "the raids denounced by Trump": a reference, not the news
    if "role:noun.modifier" in c.trace and not c.targets:
        confidence -= 0.2  # "Russian attacks": the actor only qualifies the noun
    c.confidence = round(max(0.0, min(confidence, 0.95)), 2)
    return True


EVENT_PASSES = (
    find_predicate, rewrite_roles_stage, assign_roles, borrow_governor_subject, find_modality, made_by_denial,
    speaker_plans, refer_back,
    address_the_fighting, sides_of_the_fighting, judge_the_deed, answer_the_accuser, answer_the_summarised,
    answer_the_author, warn_of_consequences,
    issue_the_document, protesting_crowd, parties_of_a_place, place_fallback, forces_addressed, unnamed_addressee,
    vote_of_the_country, type_policy, rewrite_policy_stage, find_date, assign_codes, find_location, drop_non_parties,
    score_confidence,
)


def run_passes(state: SentenceState, min_confidence: float) -> list[Candidate]:
    """Every pass over one sentence: the candidates that became events, repeats removed."""
    for sentence_pass in SENTENCE_PASSES:
        sentence_pass(state)
    for c in state.candidates:
        if all(event_pass(state, c) for event_pass in EVENT_PASSES) and c.confidence >= min_confidence:
            state.accepted.append(c)
    events = finish_sentence(state.accepted)
    # a deed retyped is still one of its trigger's kind: "Protesters set fire to the consulate ... called
    # the attacks unacceptable" (a protest, referred to as attacks)
    state.ctx.last_of_type.update((c.trigger.type, c) for c in events if c.trigger.type != c.type
                                  and not state.rules.policy(c.trigger.type).reporting)
    state.ctx.last_of_type.update((c.type, c) for c in events)
    state.ctx.last_deed = next((c for c in reversed(events) if _is_deed(state.rules, c)), state.ctx.last_deed)
    remember_authors(state)
    told = [c.when for c in events if c.when.basis == "text" and c.when.date and not c.when.date_end]
    dated = [when for when in told if when.precision == "day"]
    if dated:
        state.ctx.carried_date = (state.paragraph, dated[-1])
    state.ctx.last_told_date = told[-1] if told else state.ctx.last_told_date
    return events


def finish_sentence(accepted: list[Candidate]) -> list[Candidate]:
    """One event per (type, sides, modality) in a sentence: the first found; sanctions told by two
    verbs ("expelled the ambassador and froze military agreements") are two measures."""
    seen: set[tuple] = set()
    out = []
    for c in accepted:
        key = (c.type, tuple(a.name for a in c.sources), tuple(a.name for a in c.targets), c.modality,
               c.verb.i if c.type == "sanction" and c.verb is not None and c.verb.pos_ in ("VERB", "AUX") else None)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out
