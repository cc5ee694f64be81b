"""Questions asked of the dependency parse: a trigger's predicate, subjects, clause, phrase.

Pure functions of spaCy tokens (and the word lists of `data/words.csv`); the passes of
`passes.py` are written with them.
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterator

from .model import Actor
from .nlp import Doc, Token
from .rules import changed_thing, words

CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "acl", "parataxis"})
# What ends a predicate's own clause, and what ends a noun phrase (which keeps its conjuncts).
CLAUSE_BOUNDARY = frozenset({"relcl", "advcl", "ccomp", "parataxis", "conj"})
NOUN_PHRASE_BOUNDARY = frozenset({"relcl", "advcl", "ccomp", "acl", "parataxis"})


# Words that open a clause but that the parser may take for a preposition ("after X agreed")
SUBORDINATORS = frozenset({"after", "before", "since", "until", "till", "as", "once"})
FINITE = frozenset({"VBD", "VBZ", "VBP"})


def conjuncts(tok: Token) -> list[Token]:
    return [tok, *tok.conjuncts] if tok.dep_ != "conj" else [tok]


def first_conjunct(tok: Token) -> Token:
    """The first of the list a token ends: "blatant" for "unacceptable" in "blatant and unacceptable"."""
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
    return tok


def predicate(tok: Token) -> Token:
    """The verb a trigger belongs to: itself for a verb, the governing verb for a noun."""
    t = tok
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX") and t != tok or t.pos_ == "VERB":
            return t
        if t.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "pobj", "prep", "compound", "appos", "conj", "npadvmod", "acomp"):
            t = t.head
        else:
            break
    return t if t.pos_ in ("VERB", "AUX") else tok


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _in_parentheses(tok: Token) -> bool:
    """A word standing alone between parentheses: "(Reuters)"."""
    doc = tok.doc
    return 0 < tok.i < len(doc) - 1 and doc[tok.i - 1].text == "(" and doc[tok.i + 1].text == ")"


def subjects(verb: Token) -> list[Token]:
    """Grammatical subjects of a verb, looking up through control and coordination."""
    # "Maduro ordered the border closed": the border is what closed, Maduro the one who closes
    t = verb.head if verb.dep_ in ("ccomp", "oprd") and changed_thing(verb) is not None else verb
    for _ in range(5):
        subj = [c for c in t.children if c.dep_ in ("nsubj", "csubj")]
        if len(subj) > 1:  # "WELLINGTON, Feb 17 (Reuters) - New Zealand accused": not the agency of a dateline
            subj = [c for c in subj if not _in_parentheses(c)] or subj
        if not subj and t != verb:
            subj = [c for c in t.children if c.dep_ == "nsubjpass"]  # "Kim has been emboldened, securing..."
        if subj:
            s = referent(subj[0])  # "Micheletti, who was sworn in": Micheletti
            if s is not subj[0]:
                return conjuncts(s)
            return conjuncts(s) + _misparsed_conjuncts(subj)
        hung = _subordinate_subject(t) if t.dep_ in ("conj", "advcl") else []
        if hung:
            return hung
        listed = _relative_list_member(t) if t.dep_ == "conj" else None
        if listed is not None:
            return conjuncts(antecedent(listed))
        if t.dep_ == "conj" and t.lemma_.lower() in words()["speech_act_verb"] and t.head.dep_ == "ccomp" \
                and t.head.head.lemma_.lower() in words()["reporting"] \
                and any(t.head.i < c.i < t.i and c.dep_ not in ("cc", "punct") for c in t.head.children):
            # "Noboa's office said Glas had been convicted and accused Mexico": the speaker accuses; not
            # "said China 'appreciates and welcomes' the decision", two verbs of one reported clause
            t = t.head.head
            continue
        if (obj := misparsed_participle(t)) is not None:
            t = obj.head  # "warplanes began pounding positions": the subject of "began"
            continue
        if t.dep_ in ("xcomp", "conj", "advcl", "acomp", "oprd") and t.head != t:  # oprd: "kept its airspace closed"
            t = t.head  # "Clinton is due to arrive": xcomp of the acomp of "is"
            continue
        if t.dep_ == "pcomp" and t.head.head != t.head:  # "after speaking with X, Trump said"
            t = t.head.head
            continue
        if (signer := _instrument_signer(t)) is not None:
            t = signer
            continue
        if t.dep_ == "relcl":
            return conjuncts(antecedent(t))
        if t.dep_ == "acl" and t.tag_ == "VBG":
            if t.head.pos_ in ("VERB", "AUX"):
                return subjects(t.head)
            if t.head.lemma_.lower() in words()["message_noun"]:
                return _sender(t.head)
            return conjuncts(t.head) if t.head.pos_ in ("NOUN", "PROPN") else []  # "ministers, meeting in Jakarta"
        noun = t.head
        if (subject := main_verb_subject(t)) is not None:
            return conjuncts(subject)
        if t.dep_ == "acl" and t.tag_ == "VB" and noun.lemma_.lower() in words()["intent_noun"] \
                and noun.dep_ == "dobj" and not any(c.dep_ == "poss" for c in noun.children):
            t = noun.head  # "he had no plans to meet Hun Sen", "made a decision to expel": the one who had it
            continue
        poss = [c for c in t.head.children if c.dep_ == "poss"] if t.dep_ == "acl" and t.tag_ == "VB" else []
        if poss and any(c.lower_ == "to" for c in t.children) and t.head.lemma_.lower() not in words()["object_control"]:
            return conjuncts(poss[0])  # "his intention to visit"; not "Putin's invitation to meet"
        break
    return _stranded_subject(t)


def _instrument_signer(clause: Token) -> Token | None:
    """The verb that signs or issues the instrument (words.csv instrument_noun) a clause tells the content of:
    "Putin signed a decree suspending flights", "signed a law that imposes penalties": "signed"."""
    noun = antecedent(clause) if clause.dep_ == "relcl" else clause.head if clause.dep_ == "acl" else None
    return noun.head if noun is not None and signed_instrument(noun) else None


def signed_instrument(noun: Token) -> bool:
    """An instrument (words.csv instrument_noun) as the object of a verb: "signed a decree", "issued an order"."""
    return noun.dep_ == "dobj" and noun.lemma_.lower() in words()["instrument_noun"]


def _relative_list_member(verb: Token) -> Token | None:
    """ "condemned Fujimori, who suspended the constitution, dissolved Congress and ordered troops": a verb
    the parser joined to the main verb that continues, after a bare comma, the list of a relative clause
    just before it (the same tense): that relative clause's verb, else None."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != "," or verb.head.i >= verb.i:
        return None
    return next((t for t in doc[verb.head.i + 1:verb.i] if t.dep_ == "relcl" and t.tag_ == verb.tag_
                 and max(x.i for x in t.subtree) == verb.i - 2), None)


def main_verb_subject(verb: Token) -> Token | None:
    """The subject of the sentence's main verb that the parser hung as a reduced relative on a noun,
    leaving a noun as the root: on the apposition of the subject ("China, the North's only major ally,
    called on both Koreas": China), or on the subject itself, with no agent ("Several hundred
    activists protested outside the U.S. Embassy": the activists); else None."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD"):
        return None
    if noun.dep_ == "appos" and noun.head.dep_ == "ROOT" and noun.head.pos_ in ("NOUN", "PROPN") \
            and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
        return noun.head
    if noun.dep_ == "ROOT" and noun.pos_ == "NOUN" and verb.i == noun.i + 1 and noun.tag_ == "NNS" \
            and not any(c.dep_ == "agent" for c in verb.children):
        return noun
    return None


LEADING_PREPS = frozenset({"at", "toward", "towards"})  # "an attempt at annexation", "a step toward annexation"


def naming_verb(tok: Token) -> Token | None:
    """The verb that names its object with `tok` ("called the launch a violent act", "called the bans
    discriminatory", "described the move as a provocation"), or None."""
    t = tok
    for _ in range(3):
        # the parser hangs the name on the object ("called the accord "a flagrant violation"") or
        # makes it the object's object ("called King Gyanendra's move a serious setback")
        named = t.dep_ in ("appos", "dobj") and t.head.dep_ == "dobj" and t.i > t.head.i and t.pos_ != "PROPN"  # not a name
        adjective = t.dep_ == "advcl" and t.pos_ == "ADJ"  # "held Pyongyang fully responsible": so parsed
        # "Beijing brands the Dalai Lama a separatist": the parser makes the named one a dative
        dative = t.dep_ == "dobj" and any(c.dep_ == "dative" and c.i < t.i for c in t.head.children)
        # 'called the attacks "totally unacceptable"': the name after the object, parsed as its modifier
        # ('called the decision "completely senseless"': or as a clause on it)
        postposed = t.dep_ in ("amod", "acl") and t.i > t.head.i + 1 and t.head.dep_ == "dobj" and t.pos_ == "ADJ"
        if t.dep_ in ("oprd", "ccomp", "xcomp", "attr") or t.dep_ == "pobj" and t.head.lower_ == "as" or named \
                or adjective or dative or postposed:
            # 'called the calls "extremely regrettable"': the parser may hang the name on the object
            on_object = t.dep_ == "oprd" and t.head.dep_ == "dobj" and t.head.pos_ == "NOUN"
            verb = t.head.head if t.dep_ == "pobj" or named or postposed or on_object else t.head
            if verb.lemma_.lower() in words()["naming_verb"] and named_object(verb, t) is not None:
                return verb
            return None
        if t.dep_ == "pobj" and (t.head.lower_ == "of" or t.head.lower_ in LEADING_PREPS) and t.head.head.pos_ == "NOUN":
            t = t.head.head  # "called the shutdown a declaration of war", "an attempt at annexation": the phrase
            continue
        if t.dep_ not in ("amod", "compound", "conj"):
            return None
        t = t.head
    return None


def named_object(verb: Token, complement: Token | None = None) -> Token | None:
    """What a naming verb names: its object ("called the bans discriminatory"), its passive subject
    ("was declared the winner") or the subject of its small clause ("declared the incumbent the winner");
    the dative when the name is the object ("brands the Dalai Lama a separatist")."""
    if complement is not None and complement.dep_ == "dobj" and complement.head == verb:
        return next((c for c in verb.children if c.dep_ == "dative"), None)
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            return c
    if complement is not None and complement.dep_ == "oprd":
        # "called the U.S. strike on Syria a reckless step": the parser may make both complements
        before = [c for c in verb.children if c.dep_ == "oprd" and c.i < complement.i and c.pos_ in ("NOUN", "PROPN")]
        if before:
            return before[-1]
    comps = [complement] if complement is not None else [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    # 'called the burning "deeply disrespectful"': the parser may hang the object on the name
    return next((s for k in comps if k is not None for s in k.children
                 if s.dep_ == "nsubj" or s.dep_ in ("npadvmod", "nmod") and verb.i < s.i < k.i and s.pos_ in ("NOUN", "PROPN")), None)


def reciprocal_pronoun(tok: Token) -> bool:
    """ "each other", "one another" (or a preposition before them: "talked with each other")."""
    if tok.dep_ == "prep":
        return any(reciprocal_pronoun(p) for p in tok.children if p.dep_ == "pobj")
    nxt = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
    prev = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    return (tok.lower_ in ("other", "another") and prev in ("each", "one")
            or tok.lower_ in ("each", "one") and nxt in ("other", "another"))


def _sender(message: Token) -> list[Token]:
    """Who a message says what its participle says ("issued a joint statement urging...", "Iran's
    letter demanding..."): its possessor, or the subject of the verb it is the object of."""
    poss = [c for c in message.children if c.dep_ == "poss"]
    if poss:
        return conjuncts(poss[0])
    return subjects(message.head) if message.dep_ == "dobj" else []


def named_members(verb: Token) -> list[Token]:
    """ "Security forces detained 16 people on Saturday, including Bassem Awadallah" / "among them
    Bassem Awadallah": members of a crowd the verb acts on (words.csv crowd_noun, or a number of
    them), named in a phrase the parser hung on the verb."""
    crowd = any(o.dep_ in ("dobj", "nsubjpass") and (o.lemma_.lower() in words()["crowd_noun"]
                                                   or any(n.dep_ == "nummod" for n in o.children))
                for o in verb.children)
    if not crowd:
        return []
    return [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "including" for p in c.children
            if p.dep_ == "pobj"] + [c for c in verb.children if c.dep_ in ("dep", "appos", "npadvmod") and any(
                p.dep_ == "prep" and p.lower_ == "among" and any(o.lower_ == "them" for o in p.children)
                for p in c.children)]


def _stranded_subject(verb: Token) -> list[Token]:
    """ "Speaking with his counterpart, India's minister, Pranab Mukherjee, brushed aside ...": a
    subject the parser hung as an apposition inside the phrase before the verb, just before it; an
    acronym or name opening the sentence that the parser read as a modifier ("USAID has provided",
    "Nauru cut ties"; not a day: "Friday, ...")."""
    if verb.head != verb:
        return []
    first = verb.doc[verb.sent.start]
    if first.head == verb and first.dep_ in ("advmod", "npadvmod", "amod", "nmod", "dep") and len(first.text) > 1 \
            and (first.text.isupper() and first.is_alpha or first.dep_ == "npadvmod" and first.pos_ == "PROPN"
                 and verb.tag_ in FINITE and first.ent_type_ not in ("DATE", "TIME")):
        return [first]  # "USAID has provided...", the acronym read as an adverb: the subject
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return []
    k = verb.i - 1
    while k >= verb.sent.start and verb.doc[k].is_punct:
        k -= 1
    tok = verb.doc[k] if k >= verb.sent.start and k < verb.i - 1 else None
    if tok is not None:
        return [tok] if tok.dep_ == "appos" and tok.pos_ in ("PROPN", "NOUN") else []
    # "In a message read out by Merrem, U.N. Secretary-General Kofi Annan welcomed the accord": a name
    # right before the verb that the parser joined, across a comma, to the opening phrase
    tok, start = verb.doc[verb.i - 1], verb.sent.start
    opening = next((p for p in verb.children if p.dep_ == "prep" and p.i == start), None)
    joined = opening is not None and tok.pos_ == "PROPN" and tok in opening.subtree \
        and any(t.text == "," for t in verb.doc[start:tok.i])
    return [tok] if joined else []


def _subordinate_subject(verb: Token) -> list[Token]:
    """ "comes a month after Southeast Asian ministers, meeting in Jakarta, agreed on...": a finite verb
    the parser hung on the main verb with no "and" or subordinator of its own, after a subordinating
    "after"/"since"... it took for a preposition; its subject (and that of a participle just before it)
    is that preposition's object."""
    head = verb.head
    if verb.tag_ == "VBG":
        return next((_subordinate_subject(v) for v in head.children if v.i > verb.i and v.dep_ in ("conj", "advcl")
                     and v.tag_ in FINITE), [])
    if verb.tag_ not in FINITE or any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in verb.children) \
            or any(c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children):
        return []
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in SUBORDINATORS and head.i < prep.i < verb.i:
            obj = [c for c in prep.children if c.dep_ == "pobj" and c.i < verb.i]
            if obj:
                return conjuncts(obj[0])
    return _listed_after_subordinate(verb)


def _listed_after_subordinate(verb: Token) -> list[Token]:
    """ "The moves came a day after Riyadh gave the envoy 48 hours to leave, recalled its ambassador and
    banned all imports": verbs listed after a subordinate clause of a main clause whose subject is a
    common noun (a deed, not a doer); the parser hung them on the main verb, but they go on the list
    the subordinate clause began, and its subject is theirs."""
    head = verb.head
    if not any(c.dep_ == "nsubj" and c.pos_ == "NOUN" for c in head.children):
        return []
    clause = next((a for a in head.children if a.dep_ == "advcl" and head.i < a.i and a.right_edge.i < verb.i
                   and a.tag_ == verb.tag_ and any(m.dep_ == "mark" and m.lower_ in SUBORDINATORS for m in a.children)),
                  None)
    return subjects(clause) if clause is not None else []


def _misparsed_conjuncts(subj: list[Token]) -> list[Token]:
    """ "Kibaki and opposition leader Raila Odinga signed": two subjects joined by "and" that the
    parser left as two nsubj of the verb instead of a coordination."""
    out = []
    for prev, s in zip(subj, subj[1:]):
        if any(t.dep_ == "cc" for t in prev.doc[prev.i + 1 : s.left_edge.i]):
            out.append(s)
        else:
            break
    return out


def antecedent(relcl: Token) -> Token:
    """The noun a relative clause describes ("Lee, a lawyer who...": Lee)."""
    head = relcl.head
    return head.head if head.dep_ == "appos" else head


def referent(tok: Token) -> Token:
    """What a relative pronoun subject, "whose" or "whom" stands for ("Micheletti, who was sworn in": Micheletti;
    "Erdogan, whose fiery criticism of Israel": Erdogan); any other word itself (not the object in
    "militants, which Islamabad denied": what is denied is the charge)."""
    if tok.lower_ in ("who", "which", "that") and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "relcl":
        return antecedent(tok.head)
    # "Erdogan, whose fiery criticism"; "Mubarak, whom Mr. Clinton telephoned", "with whom he met"
    clause = next((t for t in tok.ancestors if t.dep_ == "relcl"), None) if tok.lower_ in ("whose", "whom") else None
    return antecedent(clause) if clause is not None else tok


def partitive_whole(tok: Token) -> Token:
    """The pronoun a number or quantifier (words.csv quantity_noun, partitive) takes a part of
    ("detained 100 of them", "some of them"): who the phrase is about; any other word itself (and
    "one of them, the activist Veera Somkwamkid": the one named)."""
    lemma = tok.lemma_.lower()
    part = tok.pos_ == "NUM" or lemma in words()["quantity_noun"] or lemma in words()["partitive"]
    if not part or tok.lower_ == "one" or any(c.dep_ == "appos" for c in tok.children):
        return tok
    whole = next((o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                  for o in p.children if o.dep_ == "pobj" and o.pos_ == "PRON"), None)
    return whole if whole is not None else tok


def obligated(tok: Token) -> list[Token]:
    """The subjects on whom a reporting verb's clause puts an obligation, none if it puts none
    ("said Ukraine must be neutral", "said it was imperative that Iran work with us"); the clause's
    verb itself when the clause names no subject."""
    if tok.lemma_.lower() not in words()["reporting"]:
        return []
    for c in tok.children:
        if c.dep_ != "ccomp":
            continue
        if any(a.dep_ == "aux" and a.lower_ in words()["obligation_aux"] for a in c.children):
            return subjects(c) or [c]
        if tok.lemma_.lower() in words()["mandative_verb"] and _subjunctive(c):
            return subjects(c)  # "Ankara insisted that Washington extradite the cleric"
        if c.lemma_ == "be" and any(a.dep_ == "acomp" and a.lower_ in words()["obligation_adj"] for a in c.children):
            # "it is imperative that Iran work with us": the obligation is on the that-clause's subject
            clause = next((k for k in c.children if k.dep_ == "ccomp" and any(m.lower_ == "that" for m in k.children)), None)
            if clause is not None:
                return subjects(clause) or [clause]
    return []


def _subjunctive(verb: Token) -> bool:
    """A clause in the subjunctive: a base-form verb with a subject of its own and no auxiliary
    ("that Washington extradite the cleric"), or "be" before a participle ("that the sanctions be
    lifted")."""
    kids = list(verb.children)
    if any(a.dep_ == "auxpass" and a.lower_ == "be" for a in kids):
        return not any(a.dep_ == "aux" for a in kids)
    return verb.tag_ == "VB" and any(a.dep_ == "nsubj" for a in kids) and not any(a.dep_ == "aux" for a in kids)


def in_adjunct(tok: Token) -> bool:
    """A noun in a time or circumstance phrase ("after three hours of talks") of another clause."""
    t = tok
    for _ in range(4):
        if t.dep_ == "pobj" and t.head.dep_ == "prep":
            if t.head.lower_ == "of" and t.head.head.pos_ == "NOUN":  # "after three hours of talks"
                t = t.head.head
                continue
            if t.head.lower_ == "in" and t.head.head.lemma_.lower() in words()["participation_verb"]:
                return False  # "will engage in four-way talks": what the subject takes part in
            return t.head.lower_ not in words()["content_prep"]
        if t.dep_ not in ("pobj", "prep", "compound"):
            return False
        t = t.head
    return False


def scheduled(verb: Token) -> bool:
    """Present simple of an act ("Biden hands over to Trump on Monday"): a timetable, the future."""
    return (verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() not in words()["reporting"]
            and verb.lemma_ != "be" and not any(c.dep_ == "aux" for c in verb.children))


def reporting_verb(tok: Token, reach: int = 4) -> Token | None:
    """The reporting verb ("said", "told") at most `reach` heads above `tok`: who says its clause."""
    t = tok
    for _ in range(reach):
        if t.head == t:
            return None
        t = t.head
        if t.lemma_.lower() in words()["reporting"]:
            return t
    return None


def refuses(verb: Token) -> bool:
    """A negated will/would/won't: someone declining to act, not an event said not to happen."""
    kids = list(verb.children)
    return any(c.dep_ == "neg" for c in kids) and any(
        c.dep_ == "aux" and c.lower_ in words()["future_aux"] for c in kids)


def with_the(tok: Token) -> bool:
    """ "the army", "the Foreign Ministry": a noun with "the" as its determiner."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


def definite(tok: Token) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in words()["definite_det"] for c in tok.children)


def phrase(tok: Token, absolute: bool = True, stop: set[int] = frozenset(),
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


def noun_phrase(tok: Token) -> list[Token]:
    """The tokens of a noun phrase with its coordinated parts, without its clauses."""
    return list(phrase(tok, boundary=NOUN_PHRASE_BOUNDARY))


def possessor(tok: Token) -> bool:
    """ "Trump" in "Trump's son-in-law Jared Kushner": a name that only says whose."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.dep_ == "poss" or tok.tag_ == "PRP$" or (nxt is not None and nxt.tag_ == "POS")


def tense(verb: Token) -> str:
    """past, present or unknown: the tense of a verb or of the first verb above it that has one."""
    t = verb
    for _ in range(6):
        if t.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in t.children):
            return "past"
        if t.tag_ in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP")
                                           for c in t.children):
            return "present"
        if t.head == t:
            break
        t = t.head
    return "unknown"


def before_lead(verb: Token) -> bool:
    """Past perfect, a 'once'/'in the past' marker, or a count of times: an event before the news.

    The present perfect of a news lead ("have held talks") is the news itself, unless it
    counts or spans ("has met him three times", "have been negotiating for a year").
    """
    t = verb
    for _ in range(3):
        kids = list(t.children)
        perfect = [c for c in kids if c.dep_ == "aux" and c.lemma_ == "have"]
        if any(c.tag_ == "VBD" for c in perfect) or perfect and _spans_time(t):
            return True
        if any(c.lower_ in words()["past_marker"] and c.dep_ == "advmod"
               and not any(g.lower_ == "as" for g in c.children) for c in kids):  # not "as long as"
            return True
        if any(c.dep_ == "prep" and any(p.lower_ == "past" for p in c.children) for c in kids):
            return True
        if t.dep_ in ("conj", "xcomp", "advcl") and t.head != t:
            t = t.head
            continue
        break
    return False


def progressive(verb: Token) -> bool:
    """ "are negotiating", "have been negotiating": going on, not done."""
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)


def present_perfect(verb: Token) -> bool:
    """ "has rebuffed", "have been negotiating": the event came before the news, it is not said when."""
    return any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _spans_time(verb: Token) -> bool:
    """ "three times", "for a year", "since 2001", "for weeks": the verb counts or spans time."""
    for c in verb.children:
        if c.lower_ in words()["count_word"] or any(g.lower_ in words()["count_word"] for g in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ in words()["span_prep"]:
            return True
        if c.lower_ in words()["past_marker"] or c.lower_ in words()["span_adverb"]:
            return True
    return False


def background(verb: Token) -> bool:
    """A relative clause that counts ("Trump, who met Kim three times"): told as background."""
    return verb.dep_ == "relcl" and _spans_time(verb)


def misparsed_participle(tok: Token) -> Token | None:
    """The object of a verb in -ing the parser made an adjective of the object of the verb right before it
    ("warplanes began pounding positions": "pounding" on "positions", the object of "began"), or None."""
    head = tok.head
    if tok.dep_ == "amod" and tok.tag_ == "VBG" and head.dep_ == "dobj" and head.head.i == tok.i - 1 \
            and head.head.pos_ == "VERB":
        return head
    return None


def aspect_verb(tok: Token, verbs: frozenset[str]) -> Token | None:
    """The aspectual verb a noun is the subject of: "the talks will continue", "fighting erupted",
    "the talks are expected to resume", "the fighting, which began last Friday"."""
    if tok.dep_ in ("nsubj", "nsubjpass"):
        t = tok.head
        for _ in range(3):
            if t.lemma_.lower() in verbs:
                return t
            t = next((c for c in t.children if c.dep_ == "xcomp"), None)
            if t is None:
                break
    for c in tok.children:
        if c.dep_ == "relcl" and c.lemma_.lower() in verbs and any(
                s.dep_ == "nsubj" and s.lower_ in ("which", "that") for s in c.children):
            return c
    return None


def unique(actors: list[Actor]) -> list[Actor]:
    seen: set[str] = set()
    out = []
    for a in actors:
        if a.name not in seen:
            seen.add(a.name)
            out.append(a)
    return out


def names(actors: list[Actor]) -> list[str]:
    return [a.name for a in actors]


def countries(actors: list[Actor]) -> tuple[str, ...]:
    out: list[str] = []
    for a in actors:
        if a.country and a.country not in out:
            out.append(a.country)
    return tuple(out)


def present_timetable(parse: Callable[[str], Doc]) -> Callable[[str, int, int], bool]:
    """A reader, for `dates.find_dates`, of whether the verb an expression belongs to is in the
    present tense ("The Spanish squad fly home on Monday", "we march on the palace Friday", "Eid,
    which falls on Friday"): a timetable, so a bare weekday is ahead. `parse` parses the sentence
    (a spaCy pipeline), once per sentence. Reporting verbs ("says Monday") are no timetable."""
    parse_once = functools.lru_cache(maxsize=32)(parse)

    def reads(text: str, start: int, end: int) -> bool:
        lo = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
        his = [k for k in (text.find(". ", end), text.find("\n", end)) if k >= 0]
        hi = min(his) + 1 if his else len(text)
        doc = parse_once(text[lo:hi])
        span = doc.char_span(start - lo, end - lo, alignment_mode="expand")
        verb = predicate(span.root) if span is not None else None
        if verb is None or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in words()["reporting"]:
            return False
        told = verb.head if verb.dep_ == "ccomp" and verb.i > verb.head.i else None  # "has told supporters that
        if told is not None and told.lemma_.lower() in words()["reporting"] and told.tag_ in ("VBD", "VBN"):
            return False  # she wants ..., after her release on Saturday": what is said now; a quote before
            # its "said" ("we march on the palace Friday," said Maher) keeps its timetable
        tags = [verb.tag_] + [c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
        return any(t in ("VBZ", "VBP") for t in tags) and not any(t in ("VBD", "MD") for t in tags)
    return reads
