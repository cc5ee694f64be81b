"""Roles: who acts (source) and who is acted on (target) for a trigger, from the parse.

A verb's subject or passive agent is the source; its object, or its "with"/"between"/"to"
partner, the target. A noun's possessor, modifier or "by"/"from" phrase is the source, its
"with"/"of"/"on" phrase the target, and the verb it hangs from lends its subject. Each answer
comes with the role steps that gave it (`role:verb`, `role:noun.modifier`, ...), which become
part of the event's `rule`.
"""
from __future__ import annotations

from .actors import MentionFinder, agent_nouns, collective_nouns, joined_names
from .lexicon import Lexicon
from .model import Actor, Mention
from .nlp import Token
from .rules import Rules, misparsed_verb, words
from .syntax import (CLAUSE_DEPS, conjuncts, in_adjunct, is_passive, main_verb_subject, misparsed_participle, named_members, named_object,
                     naming_verb, noun_phrase, partitive_whole, phrase, possessor, reciprocal_pronoun, referent, reporting_verb, subjects, unique)

Mentions = dict[int, Mention]


class Roles:
    """Actors of the phrases around a trigger, for one article (its mentions and its memory)."""

    def __init__(self, finder: MentionFinder, rules: Rules):
        self.finder = finder
        self.rules = rules

    # -- actors of phrases --------------------------------------------------------------------
    def actor_of(self, tok: Token, mentions: Mentions, depth: int = 3) -> list[Actor]:
        """Actors named by the phrase headed by `tok` (and its conjuncts, or its antecedent's: `referent`)."""
        tok = partitive_whole(referent(tok))  # "detained 100 of them": them
        if tok.i in self.finder.groups:
            return list(self.finder.groups[tok.i])
        words = noun_phrase(tok)
        if any(t.dep_ == "cc" and t.lower_ in ("and", "&") for t in words):
            # "US President Donald Trump and Russian President Vladimir Putin": the parser often
            # nests such pairs oddly; every name in a coordinated phrase takes part
            named = [m.actor for t in [tok, *words] if (m := mentions.get(t.i)) is not None
                     and not possessor(t) and (t.pos_ != "PRON" or t.dep_ in ("nsubj", "conj", "dobj", "pobj"))]
            people = unique([a for a in named if a.kind == "person"])
            if len(people) > 1:
                return people
            if any(t.dep_ == "prep" and t.lower_ in ("between", "among") for t in words) and len(unique(named)) > 1:
                return unique(named)  # "welcomed the talks between India and China": both
        out: list[Actor] = []
        for head in conjuncts(tok):
            found = self.phrase_actor(head, mentions, depth)
            if found is not None and found.name not in {a.name for a in out}:
                out.append(found)
        return out

    def phrase_actor(self, tok: Token, mentions: Mentions, depth: int) -> Actor | None:
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
                if found:  # "his Iranian counterpart Ebrahim Raisi": the person, not the demonym; "Ethiopian
                    # opposition leaders": the group, whose state the demonym tells
                    return next((a for kind in ("person", "group") for a in found if a.kind == kind), found[0])
                for t in frontier:
                    nxt.extend(_phrase_children(t, allow_poss))
                frontier = nxt
        return None

    def left_possessor(self, tok: Token, mentions: Mentions) -> list[Actor]:
        """ "Hamas's October 7, 2023 attack": a possessor before the noun's modifiers, whatever the parse."""
        doc = tok.doc
        k = tok.i - 1
        while k >= max(0, tok.i - 8) and (doc[k].ent_type_ == "DATE" or doc[k].pos_ in ("ADJ", "NUM", "PUNCT")
                                           or doc[k].dep_ in ("compound", "amod", "nummod")):
            k -= 1
        if k >= 1 and doc[k].tag_ == "POS" and (m := mentions.get(k - 1)) is not None:
            return [m.actor]
        return []

    def subject_actors(self, verb: Token, mentions: Mentions) -> list[Actor]:
        """The actors of a verb's subject; a subject naming no one defers to the clause above."""
        t = verb
        for _ in range(4):
            subj = subjects(t)
            found = [a for s in subj for a in self.actor_of(s, mentions)]
            if len(subj) == 1 and len(found) == 1:
                found = joined_names(subj[0], mentions) or found
            if not found and subj and subj[0].lower_ in ("it", "we", "they") and (t.lemma_ != "be" or _is_to_do(t)):
                return self.speaker(t, mentions)  # "Petrobras said it would suspend investments", "it was ready to"
            if found or not subj or agent_nouns().get(subj[0].lower_):
                return found  # "Police dispersed them ... and detained 100": the police's, not the speaker's
            top = subj[0].head
            if t.dep_ != "conj" or top.head == top or top == t and subj[0].pos_ != "PRON":
                return []  # "..., and Republican leaders have said": a subject of its own, naming no one
            t = top.head  # "the two sides had reached ... and urged": Putin said ... and urged
        return []

    def pobj_actors(self, prep: Token, mentions: Mentions) -> list[Actor]:
        return [a for p in prep.children if p.dep_ == "pobj" for a in self.actor_of(p, mentions)]

    # -- roles of a trigger -----------------------------------------------------------------
    def of_trigger(self, tok: Token, verb: Token, mentions: Mentions, etype: str,
                   trigger_heads: set[int]) -> tuple[list[Actor], list[Actor], list[str]] | None:
        """(sources, targets, role steps) of a trigger; None when its object rules it out."""
        if tok.pos_ in ("VERB", "AUX") or misparsed_verb(tok):
            if (found := self.verb_roles(tok, mentions, etype, trigger_heads)) is None:
                return None
            sources, targets, steps = found
        else:
            sources, targets, steps = self.noun_roles(tok, verb, mentions, self.rules.policy(etype).place_fallback)
        if self.rules.policy(etype).venue_target:
            targets += venue_countries(self, verb if verb != tok else tok, mentions)
        if self.rules.policy(etype).destination:
            places = self.destinations(tok, verb, mentions)
            if places:  # where the visit goes comes first; other countries named were not visited
                targets = places + [a for a in targets if a.kind != "country"]
        src_names = {a.name for a in sources}
        return unique(sources), unique([a for a in targets if a.name not in src_names]), steps

    def of_evaluation(self, tok: Token, verb: Token, frame: str, mentions: Mentions):
        """(sources, targets) of an evaluative word.

        "evaluated": the speaker of the reported clause judges the subject's owner ("Mbeki's
        efforts have been encouraging"); "experiencer": the subject judges the object of its
        "by", "with", "of", "to", "about", "over" or "at" phrase ("we are impressed by the courage of the
        Belarusian people", "deeply concerned about the violence in Tigray").
        """
        if frame == "named":  # "Abe called the launch a violent act": Abe judges whoever launched
            namer = naming_verb(tok)
            obj = named_object(namer)
            judged = self.object_actors(obj, namer, mentions, False) if obj is not None else []
            return self.subject_actors(namer, mentions) or self.speaker(namer, mentions), judged
        subj = subjects(verb) or [c for c in verb.children if c.dep_ == "nsubjpass"]  # "he was impressed"
        subject = [a for s in subj for a in self.phrase_all(s, mentions)]
        if frame == "evaluated":
            return self.speaker(verb, mentions), subject
        sources = subject or [a for c in tok.children if c.dep_ == "poss" for a in self.actor_of(c, mentions)]
        objects = [p for h in (tok, verb) for c in h.children if c.dep_ in ("prep", "agent")
                   and c.lower_ in ("by", "with", "of", "to", "about", "over", "at") for p in c.children if p.dep_ == "pobj"]
        return sources or self.speaker(verb, mentions), unique([a for o in objects for a in self.phrase_all(o, mentions)])

    def phrase_all(self, tok: Token, mentions: Mentions) -> list[Actor]:
        """The actor a phrase names, its possessor or "of" phrase included ("the courage of the Belarusian people")."""
        return self.actor_of(tok, mentions) or unique(
            [m.actor for t in noun_phrase(tok) if (m := mentions.get(t.i)) is not None and t.pos_ != "PRON"])[:2]

    def speaker(self, verb: Token, mentions: Mentions) -> list[Actor]:
        """Who says the clause of `verb`: the subject of the reporting verb above it."""
        said = reporting_verb(verb)
        return self.subject_actors(said, mentions) if said is not None else []

    def destinations(self, tok: Token, verb: Token, mentions: Mentions) -> list[Actor]:
        """Countries named as where a visit goes: "visited Massawa", "is in Kabul for a visit"."""
        heads = [tok] if verb == tok else [tok, verb]
        out = []
        for h in heads:
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in ("to", "in"):
                    out += [a for a in self.pobj_actors(c, mentions) if a.kind == "country"]
                elif c.dep_ == "dobj" and h.pos_ == "VERB":
                    out += [a for a in self.actor_of(c, mentions, 1) if a.kind == "country"]
        return unique(out)

    def verb_roles(self, tok: Token, mentions: Mentions, etype: str, trigger_heads: set[int]):
        sources: list[Actor] = []
        targets: list[Actor] = []
        encounter = self.rules.policy(etype).encounter
        dobj_without_actor = False
        active = any(c.dep_ == "nsubj" for c in tok.children) and not is_passive(tok)
        for c in tok.children:
            if c.dep_ == "agent":  # of an active verb, a "by" the parser hung on it from its object: the deed's
                (targets if active else sources).extend(self.pobj_actors(c, mentions))  # doer, "condemned the pardon by X"
            elif c.dep_ == "nsubjpass":
                targets += self.actor_of(c, mentions)
            elif c.dep_ in ("dobj", "dative", "iobj", "attr", "oprd"):
                found = self.object_actors(c, tok, mentions, encounter, self.rules.policy(etype).place_fallback)
                targets += found
                dobj_without_actor |= c.dep_ == "dobj" and not found and not names_people(c, self.finder.lexicon) \
                    and not any(t.i in trigger_heads for t in c.subtree)  # "hosted rounds of talks" is fine
            elif c.dep_ == "prep" and c.lower_ in self.rules.word("partner_prep"):
                targets += self.pobj_actors(c, mentions)
        targets += [a for t in named_members(tok) for a in self.actor_of(t, mentions)]  # "..., among them Awadallah"
        if (obj := misparsed_participle(tok)) is not None:  # "began pounding positions of the militia"
            targets += self.object_actors(obj, tok, mentions, encounter, self.rules.policy(etype).place_fallback)
        if not targets and tok.lemma_.lower() in words()["withdrawal_verb"]:  # "recalled its ambassador from Paris"
            targets += [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
                        for a in self.pobj_actors(c, mentions)]
        reciprocal = any(c.dep_ in ("dobj", "prep") and reciprocal_pronoun(c) for c in tok.children)
        if dobj_without_actor and encounter and not targets and not reciprocal:
            return None  # "meets one of Russia's war aims": not a meeting
        own_object = any(p.dep_ == "poss" and p.lower_ in ("our", "its", "their", "my")
                         for c in tok.children if c.dep_ == "dobj" for p in c.children)
        if etype == "aid" and not targets and own_object:
            return None  # "we will continue to supply our troops": one's own, no one else's
        # "Serbia, backed by Russia", "soldiers killed in Ukraine"; not a main verb misparsed so
        reduced = tok.dep_ == "acl" and tok.tag_ == "VBN" and main_verb_subject(tok) is None
        if not (is_passive(tok) or reduced):
            sources = self.subject_actors(tok, mentions) + sources
        elif tok.dep_ == "acl":
            targets += self.actor_of(tok.head, mentions)
        elif tok.dep_ in ("conj", "xcomp") and not any(c.dep_ == "nsubjpass" for c in tok.children):
            # "Abiy flew to Assab and was greeted by Isaias", "Mugabe is expected to be sworn in"
            targets += self.subject_actors(tok, mentions)
        if reciprocal and len(sources) > 1 and not targets:
            return sources[:1], sources[1:], ["role:verb", "role:reciprocal"]  # "accused each other"
        if not self.rules.policy(etype).reporting and not unnamed_addressee(tok, mentions, self.finder.lexicon):
            targets += content_actors(tok, sources, mentions)
        return sources, targets, ["role:verb"]

    def object_actors(self, obj: Token, verb: Token, mentions: Mentions, encounter: bool,
                      places: bool = False) -> list[Actor]:
        """Whom a verb's object names: "met Zelensky", not "meets one of Russia's war aims"."""
        if encounter:  # "met officials of the African Union": whom a phrase of people names
            people = obj.dep_ == "dobj" and names_people(obj, self.finder.lexicon)
            return self.actor_of(obj, mentions, 1) or (self.actor_of(obj, mentions) if people else [])
        found = self.actor_of(obj, mentions)
        if not found and obj.dep_ == "dobj" and obj.lemma_.lower() not in self.rules.word("freeing_noun"):
            # "signed agreements to normalise relations with the UAE": who the object concerns; where it
            # happened only for deeds done in a place ("killed dozens of people in the Nuseirat camp")
            found = unique([m.actor for t in (obj.subtree if places else not_where(obj, mentions))
                            if (m := mentions.get(t.i)) is not None and t.pos_ != "PRON" and t.i != verb.i])[:3]
        return found

    def noun_roles(self, tok: Token, verb: Token, mentions: Mentions, places: bool):
        sources, targets, steps, from_prep, listed = self.noun_phrase_roles(tok, mentions)
        if not sources:
            sources += self.left_possessor(tok, mentions)
        if (asked := asked_at_request(self, tok, mentions)) is not None:  # "the Council met at Russia's request"
            return sources or targets, asked, [*steps, "role:request.doer"]
        if not targets:
            # "sanctions targeting Russia's banks", "negotiations mediated by Qatar"; "talks in Vienna"
            # were held there, "airstrikes in Syria" hit it (`places`)
            own = {a.name for a in sources}
            targets += unique([m.actor for c in tok.children if c.dep_ in ("acl", "prep")
                               and (places or not says_where(c, mentions))
                               for t in c.subtree if (m := mentions.get(t.i)) is not None
                               and t.pos_ != "PRON" and m.actor.name not in own])[:3]
        if verb != tok:
            steps.append("role:noun.verb")
            sources, targets = self.verb_of_noun(tok, verb, mentions, sources, targets, from_prep, listed)
        elif tok.dep_ in ("ccomp", "xcomp", "oprd") and tok.head.lemma_.lower() in words()["declaring_verb"] \
                and not sources:
            # "Quito declared Mexico's ambassador persona non grata": a small clause on the verb's object
            steps.append("role:noun.complement")
            sources = self.subject_actors(tok.head, mentions)
            targets = targets or [a for c in list(tok.children) + list(tok.head.children) if c.dep_ in ("nsubj", "dobj")
                                  and c.i < tok.i for a in self.actor_of(c, mentions)]
        if not sources and (own := mentions.get(tok.i)) is not None and own.actor.kind == "group":
            sources = [own.actor]  # "Protests broke out": the protesters
        return sources, targets, steps

    def noun_phrase_roles(self, tok: Token, mentions: Mentions):
        """Roles inside a noun trigger's own phrase: possessor, modifiers, "by"/"with" phrases."""
        sources: list[Actor] = []
        targets: list[Actor] = []
        steps = ["role:noun"]
        from_prep = listed = False  # listed: "a call between Trump, King Hamad and Netanyahu"
        for c in tok.children:
            if c.dep_ == "poss":
                sources += self.actor_of(c, mentions)
            elif c.dep_ in ("compound", "nmod", "nummod") and c.i not in mentions:
                # "Hamas's October 7, 2023 attack": the possessor sits on the date
                sources += [a for t in c.children if t.dep_ == "poss" for a in self.actor_of(t, mentions)]
            elif c.dep_ in ("compound", "amod", "nmod") and c.i in mentions and c.pos_ != "PRON":
                sources += self.actor_of(c, mentions, 0)
                if "role:noun.modifier" not in steps:
                    steps.append("role:noun.modifier")
            elif c.dep_ == "prep" and (c.lower_ in self.rules.word("partner_prep") or c.lower_ == "of"):
                found = self.pobj_actors(c, mentions)
                if c.lower_ in ("between", "among") and len(found) == 1:
                    found += _list_after(c, mentions, found)  # "between Trump, King Hamad and Netanyahu"
                targets += found
                listed |= c.lower_ in ("between", "among") and len(found) > 1
            elif c.dep_ == "relcl" and any(p.dep_ == "prep" and any(w.lower_ in ("which", "whom") for w in p.children)
                                           for p in c.children):
                # "a meeting in which Lee praised Trump": the clause's people took part (not "a campaign
                # that Netanyahu says is aimed at...")
                targets += [a for t in c.children if t.dep_ in ("nsubj", "dobj") for a in self.actor_of(t, mentions)]
        for prep in doer_preps(tok, self.rules):
            found = self.pobj_actors(prep, mentions)
            sources += found
            from_prep |= bool(found)
        return sources, targets, steps, from_prep, listed

    def verb_of_noun(self, tok: Token, verb: Token, mentions: Mentions, sources: list[Actor],
                     targets: list[Actor], from_prep: bool, listed: bool):
        """What the verb a noun trigger hangs from adds: its subject, object or partner."""
        if felt_about(tok, verb) or judges(verb) and tok.dep_ in ("dobj", "nsubjpass"):
            return sources, targets  # "sorrow for the shootings", "Abe condemned the launch": not the actor
        subj = self.subject_actors(verb, mentions)
        if held(tok) or within(tok, verb):  # "Deuba is under house arrest", "Iran is in talks with the EU"
            return in_state(tok, subj, sources, targets)
        if received(tok, verb):
            own = {a.name for a in subj}
            givers = [a for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                      for a in self.pobj_actors(c, mentions)]
            return (unique([a for a in givers + sources if a.name not in own]),
                    unique(subj + [a for a in targets if a.name not in own]))
        support = self.rules.support_verbs
        if tok.dep_ in ("nsubj", "nsubjpass"):
            targets += [a for c in verb.children if c.dep_ == "dobj" for a in self.actor_of(c, mentions)]
            targets += [a for c in verb.children if c.dep_ == "agent" for a in self.pobj_actors(c, mentions)]
            if not targets:  # "an Ethiopian offensive pushed deep into Eritrean territory": where it struck
                targets += [a for c in verb.children if c.dep_ == "prep" and c.lower_ in words()["struck_prep"]
                            for a in self.pobj_actors(c, mentions)]
        elif from_prep:
            targets = subj + targets  # "securing support from Russia": the subject receives
        elif subj and not sources and targets and met_before_or_after(tok):
            sources = [a for a in subj if a.name not in {t.name for t in targets}]
        elif subj and (verb.lemma_.lower() in support and tok.dep_ in ("dobj", "attr")
                       or not sources and not listed and not in_adjunct(tok)):
            # "imposed their own sanctions": a possessive pronoun is the subject, not the group last named
            pronoun = any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in tok.children)
            sources = subj + ([] if pronoun else [a for a in sources if a.name not in {s.name for s in subj}])
        return sources, targets or _partner_on_verb(self, tok, verb, mentions, sources + subj)


def judges(verb: Token) -> bool:
    """A verb that judges or reports the deed it takes as its object ("condemned the launch", "called the
    bans discriminatory"); a verb that also convenes (words.csv convening_verb) only with a name given,
    not "called an emergency summit"."""
    lemma = verb.lemma_.lower()
    return lemma in words()["judging_verb"] and (
        lemma not in words()["convening_verb"] or any(naming_verb(t) == verb for t in verb.subtree))


def _partner_on_verb(roles: Roles, tok: Token, verb: Token, mentions: Mentions, own: list[Actor]) -> list[Actor]:
    """The partner of a noun trigger hung on its verb: after a support verb ("held five hours of
    talks with US envoys", "imposed sanctions on Israel", "sent his congratulations to Mugabe"), or
    the recipient after "to" of any verb whose object it is ("was reviewing its economic aid to Moscow")."""
    if verb.lemma_.lower() in roles.rules.support_verbs | {"be"}:
        found = [a for c in list(verb.children) + list(tok.head.children if tok.dep_ == "pobj" else [])
                 if c.dep_ in ("prep", "dative") and c.lower_ in roles.rules.word("partner_prep")
                 for a in roles.pobj_actors(c, mentions)]
        if found:
            return found
    if tok.dep_ != "dobj":
        return []
    names = {a.name for a in own}
    return [a for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
            for p in c.children if p.dep_ == "pobj" for a in roles.actor_of(p, mentions, 0) if a.name not in names]


def _phrase_children(tok: Token, allow_poss: bool) -> list[Token]:
    """The words below `tok` that may still name its phrase's actor: not a clause, a conjunct, or a
    possessor unless allowed; not where a noun is ("officials in Islamabad" are Pakistan, "a meeting in
    Luxembourg" is not), nor who is freed ("demanded the release of Jonathan Pollard": what is asked)."""
    skip = words()["place_prep"] if tok.pos_ == "NOUN" and tok.lower_ not in agent_nouns() else frozenset()
    if tok.lemma_.lower() in words()["freeing_noun"]:
        skip = skip | {"of"}
    return [ch for ch in tok.children if ch.dep_ not in CLAUSE_DEPS and ch.dep_ not in ("conj", "cc", "punct")
            and (allow_poss or ch.dep_ != "poss") and not (ch.dep_ == "prep" and ch.lower_ in skip)]


def venue_countries(roles: Roles, pred: Token, mentions: Mentions) -> list[Actor]:
    """ "met in Germany": a country named as the place of a meeting, talks or a visit."""
    return [a for c in pred.children if c.dep_ == "prep" and c.lower_ == "in"
            for a in roles.pobj_actors(c, mentions) if a.kind == "country"
            and any(m.text.lower().lstrip("the ").startswith(a.name.lower()[:4]) for m in mentions.values()
                    if m.actor is a)]


def in_state(tok: Token, subj: list[Actor], sources: list[Actor], targets: list[Actor]):
    """(sources, targets) of a noun its clause's subject is in: held in custody, the subject a target;
    in talks, a party to them."""
    if held(tok):
        return sources, unique(targets + [a for a in subj if a not in sources])
    return unique(subj + sources), targets


STATE_VERBS = frozenset({"be", "remain", "stay"})  # "is in talks with", "remained in close consultation with"


def within(tok: Token, verb: Token) -> bool:
    """A noun its clause's subject is in: "Iran is in talks with the EU", "remained in close consultation"."""
    return (tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head == verb
            and verb.lemma_.lower() in STATE_VERBS)


def held(tok: Token) -> bool:
    """A detention noun its clause's subject is in: "under house arrest", "in custody" (words.csv held_noun)."""
    return tok.lemma_.lower() in words()["held_noun"] and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "into", "under")


def _is_to_do(be: Token) -> bool:
    """ "it was ready to help", "it is willing to talk": the copula says what its subject will do
    (not "it is clear that")."""
    return any(c.dep_ == "acomp" and any(x.dep_ == "xcomp" for x in c.children) for c in be.children)


def doer_preps(tok: Token, rules: Rules) -> list[Token]:
    """The phrases of a noun trigger that name its doer: "an offer from Kyiv", "a request by Qarase",
    "the offer made on Sunday by the crown prince" (a support verb's agent; not "a deal brokered by China",
    nor "the deal, announced by Trump": who tells of it)."""
    found = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in rules.word("source_prep")]
    return found + [a for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower()
                    in rules.support_verbs - rules.word("reporting") for a in c.children if a.dep_ == "agent"]


def _list_after(prep: Token, mentions: Mentions, found: list[Actor]) -> list[Actor]:
    """The rest of a list of names the parser cut off after the first ("between Trump, King Hamad
    and Netanyahu", where "King Hamad and Netanyahu" hang elsewhere): names, commas and "and" only."""
    pobj = next((p for p in prep.children if p.dep_ == "pobj"), None)
    if pobj is None:
        return []
    out: list[Actor] = []
    k, doc = pobj.right_edge.i + 1, prep.doc
    while k < prep.sent.end:
        t = doc[k]
        m = mentions.get(k)
        if m is not None:
            if m.actor not in found and m.actor not in out:
                out.append(m.actor)
        elif not (t.text == "," or t.lower_ == "and" or t.pos_ == "PROPN"):
            break  # "bin Isa Al" inside a name the lexicon knows by its ends
        k += 1
    return out if any(doc[j].lower_ == "and" for j in range(pobj.i, k)) else []  # a list ends with "and"


def not_where(tok: Token, mentions: Mentions) -> list[Token]:
    """The words of a phrase less those that say where ("welcomed the talks in Addis Ababa": the
    talks concern their parties, not Ethiopia); "officials in Islamabad" still name Pakistan."""
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        where = t.pos_ == "NOUN" and t.lower_ not in agent_nouns()
        stack.extend(ch for ch in t.children if not (where and says_where(ch, mentions)))
    return sorted(out, key=lambda t: t.i)


def says_where(prep: Token, mentions: Mentions) -> bool:
    """ "in Addis Ababa", "at the camp": a place phrase (not "at the African Union", "in what he
    described as talks with Berri")."""
    return prep.dep_ == "prep" and prep.lower_ in words()["place_prep"] and any(
        p.dep_ == "pobj" and (p.pos_ == "NOUN" and p.lower_ not in agent_nouns()
                              or (m := mentions.get(p.i)) is not None and m.actor.kind == "country")
        for p in prep.children)


def met_before_or_after(tok: Token) -> bool:
    """ "Karzai spoke after a meeting with Kasuri", "following talks with Pakistani officials":
    a time adjunct with a partner; the clause's subject took part."""
    t = tok.head if tok.dep_ == "pobj" else None
    if t is not None and t.lower_ == "of" and t.head.dep_ == "pobj":  # "after three hours of talks with"
        t = t.head.head
    return (t is not None and t.dep_ == "prep" and t.lower_ in words()["meeting_time_prep"]
            and any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children))


def felt_about(tok: Token, verb: Token) -> bool:
    """A noun trigger that is what a feeling is about ("sorrow for the shootings", "concern over
    the sanctions"): the one who feels it is not the one who acted."""
    t = tok
    while t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head != verb:
        t = t.head.head
        if t.lemma_.lower() in words()["reaction_noun"]:
            return True
    return False


def received(tok: Token, verb: Token) -> bool:
    """A noun trigger in what the subject receives ("received assurances", "received $2 billion in
    military aid"): the subject is on the receiving end."""
    if verb.lemma_.lower() not in words()["receipt_verb"]:
        return False
    t = tok
    while t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ in ("in", "of") and t.head.head != verb:
        t = t.head.head  # "$2 billion in aid", "a package of aid"
    return t.head == verb and t.dep_ == "dobj"


def names_people(tok: Token, lexicon: Lexicon) -> bool:
    """A noun for people ("leaders", "ambassadors", "the governor"): one meets them even unnamed."""
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and (tok.lower_ in agent_nouns() or lemma in agent_nouns()
                                   or lemma in words()["people_noun"] or lemma in words()["crowd_noun"]
                                   or lexicon.match_title(lemma) is not None)


def asked_at_request(roles: Roles, tok: Token, mentions: Mentions) -> list[Actor] | None:
    """Who was asked, for a request noun in "at Russia's request", "at the request of the AU": the doer of
    the clause the phrase qualifies ("the Council met", "drafted by Uganda"); None for any other noun."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("at", "upon") or tok.lemma_.lower() not in words()["request_noun"]:
        return None
    clause = tok.head.head
    return roles.subject_actors(clause, mentions) or [
        a for c in clause.children if c.dep_ == "agent" for a in roles.pobj_actors(c, mentions)]


def unnamed_addressee(verb: Token, mentions: Mentions, lexicon: Lexicon) -> bool:
    """Whether the verb is addressed to people it does not name ("urged both governments to honor the
    Dakar agreement", "called on the military to guarantee the safety of Mr. Tandja"): the content's
    actors are not the addressees; the article says who they are."""
    heads = [c for c in verb.children if c.dep_ == "dobj"]
    heads += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "to") and c.i == verb.i + 1
              for p in c.children if p.dep_ == "pobj"]
    return any(h.pos_ == "NOUN" and (names_people(h, lexicon) or h.lemma_.lower() in collective_nouns())
               and not any(t.i in mentions for t in h.subtree) for h in heads)


def content_actors(tok: Token, sources: list[Actor], mentions: Mentions) -> list[Actor]:
    """Whom the content of an offer, demand or agreement concerns (its complement clause)."""
    comps = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")
             or c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)]
    out: list[Actor] = []
    for comp in comps:
        src = {a.name for a in sources}
        found = [m.actor for t in [comp, *phrase(comp)] if (m := mentions.get(t.i)) is not None
                 and t.pos_ != "PRON"]
        found = found or [m.actor for t in comp.subtree if (m := mentions.get(t.i)) is not None
                          and t.pos_ != "PRON"]  # "denounce what he said was a purge in South Korea"
        out += [a for a in unique(found) if a.name not in src][:4]
    return out
