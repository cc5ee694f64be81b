"""Temporal expressions in news text, resolved against the article's publication date.

Detection uses this module's own regular expressions (weekdays, month names, explicit dates,
guarded years, year ranges, decades, quarters, deictic words, "N units ago", durations,
times of day).  Normalisation follows the rules of EVENTS.md (section Dates): a relative
expression is resolved against the publication date (the *anchor*), a yearless month or a bare
weekday by the tense of the words around it, at the precision the expression itself carries
("June" is a month, never a day).  dateparser is only asked about what the patterns cannot
normalise structurally (numeric dates such as "7/8/07", and free-form expressions handed to
`resolve_date`); this is the only module that imports it.

Each kind of expression is one row of `KINDS`: its pattern (in `PATTERNS`), the context test
that drops its traps (`_keep_<kind>`) and the resolver that dates it (`_resolve_<kind>`).
"""
from __future__ import annotations

import calendar
import functools
import logging
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from types import MappingProxyType

import holidays
from dateparser.date import DateDataParser
from dateutil.easter import easter

from .errors import InputError
from .lexicon import load_lexicon
from .model import Timex

logger = logging.getLogger(__name__)

__all__ = ["find_dates", "resolve_date"]

# --------------------------------------------------------------------------- word lists

MONTHS = MappingProxyType({
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
})
WEEKDAYS = MappingProxyType({
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
})
NUMBER_WORDS = MappingProxyType({
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a couple of": 2, "a couple": 2,
})
ORDINALS = MappingProxyType({
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "final": 4,
})
# Named days and how each falls in a year: a fixed (month, day); the nth weekday of a month
# ("nth", month, weekday, n; n = -1 the last); days from Easter Sunday ("easter", days) or from
# Thanksgiving ("thanksgiving", days); a day of one year only ("once", year, month, day).
HOLIDAYS = MappingProxyType({
    "christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
    "new year's day": (1, 1), "new year's eve": (12, 31), "boxing day": (12, 26),
    "valentine's day": (2, 14), "halloween": (10, 31), "independence day": (7, 4), "fourth of july": (7, 4),
    "veterans day": (11, 11), "armistice day": (11, 11), "remembrance day": (11, 11),
    "bastille day": (7, 14), "canada day": (7, 1), "australia day": (1, 26),
    "st. patrick's day": (3, 17), "st patrick's day": (3, 17), "may day": (5, 1),
    "st. andrew's day": (11, 30), "st andrew's day": (11, 30), "st. david's day": (3, 1), "st david's day": (3, 1),
    "st. george's day": (4, 23), "st george's day": (4, 23),
    "thanksgiving": ("nth", 11, 3, 4), "thanksgiving day": ("nth", 11, 3, 4),
    "black friday": ("thanksgiving", 1), "cyber monday": ("thanksgiving", 4),
    "labor day": ("nth", 9, 0, 1), "memorial day": ("nth", 5, 0, -1),
    "martin luther king day": ("nth", 1, 0, 3), "martin luther king jr. day": ("nth", 1, 0, 3),
    "presidents day": ("nth", 2, 0, 3), "presidents' day": ("nth", 2, 0, 3),
    "easter": ("easter", 0), "easter sunday": ("easter", 0), "easter monday": ("easter", 1),
    "good friday": ("easter", -2), "palm sunday": ("easter", -7), "ash wednesday": ("easter", -46),
    "maundy thursday": ("easter", -3), "holy thursday": ("easter", -3), "holy saturday": ("easter", -1),
    "ascension day": ("easter", 39), "pentecost": ("easter", 49), "whit monday": ("easter", 50),
    "columbus day": ("nth", 10, 0, 2), "election day": ("election",), "inauguration day": ("inauguration",),
    "lunar new year's eve": ("table", -1), "chinese new year's eve": ("table", -1),
    "ve day": (5, 8), "v-e day": (5, 8), "cinco de mayo": (5, 5), "juneteenth": (6, 19), "burns night": (1, 25), "groundhog day": (2, 2),
    "earth day": (4, 22), "world aids day": (12, 1), "international women's day": (3, 8),
    "mother's day": ("nth", 5, 6, 2), "father's day": ("nth", 6, 6, 3),
    "lunar new year": ("table", 0), "chinese new year": ("table", 0),
    # holidays of other calendars: their first day in the public holidays of a country that keeps
    # them ("calendar", ISO country, name in the `holidays` package)
    "eid al-fitr": ("calendar", "EG", "Eid al-Fitr"), "eid ul-fitr": ("calendar", "EG", "Eid al-Fitr"),
    "eid al-adha": ("calendar", "EG", "Eid al-Adha"), "eid ul-adha": ("calendar", "EG", "Eid al-Adha"),
    "passover": ("calendar", "IL", "Pesach"), "pesach": ("calendar", "IL", "Pesach"),
    "rosh hashanah": ("calendar", "IL", "Rosh Hashanah"), "rosh hashana": ("calendar", "IL", "Rosh Hashanah"),
    "yom kippur": ("calendar", "IL", "Yom Kippur"), "diwali": ("calendar", "IN", "Diwali"),
    "deepavali": ("calendar", "IN", "Diwali"), "nowruz": ("calendar", "IR", "Nowruz"),
    # a state's own day: the one of the country the text gives it (`_national_days`), else none
    "national day": ("national",), "republic day": ("national",), "victory day": ("national",),
    "constitution day": ("national",), "liberation day": ("national",), "unification day": ("national",),
    "9/11": ("once", 2001, 9, 11), "sept. 11": ("once", 2001, 9, 11), "sept 11": ("once", 2001, 9, 11),
    "september 11": ("once", 2001, 9, 11), "september 11th": ("once", 2001, 9, 11),
})
# The first day of the lunar (Chinese) new year, 2000-2030 (Hong Kong Observatory calendar tables).
LUNAR_NEW_YEAR = MappingProxyType({
    2000: (2, 5), 2001: (1, 24), 2002: (2, 12), 2003: (2, 1), 2004: (1, 22), 2005: (2, 9), 2006: (1, 29),
    2007: (2, 18), 2008: (2, 7), 2009: (1, 26), 2010: (2, 14), 2011: (2, 3), 2012: (1, 23), 2013: (2, 10),
    2014: (1, 31), 2015: (2, 19), 2016: (2, 8), 2017: (1, 28), 2018: (2, 16), 2019: (2, 5), 2020: (1, 25),
    2021: (2, 12), 2022: (2, 1), 2023: (1, 22), 2024: (2, 10), 2025: (1, 29), 2026: (2, 17), 2027: (2, 6),
    2028: (1, 26), 2029: (2, 13), 2030: (2, 3),
})
# Capitalised words that turn a weekday into a name ("Black Monday", "Super Tuesday").
WEEKDAY_NAMERS = frozenset({
    "black", "bloody", "super", "cyber", "good", "ash", "holy", "easter", "palm", "fat", "maundy",
    "shrove", "giving", "blue", "man", "girl", "great", "spy", "orthodox",
})
# Words right before a four-digit number that make it a number, not a year.
YEAR_BLOCKERS = frozenset({
    "resolution", "resolutions", "article", "articles", "chapter", "section", "no", "nos", "number",
    "flight", "route", "highway", "interstate", "road", "room", "page", "pages", "paragraph",
    "clause", "code", "model", "unit", "units", "squadron", "regiment", "division", "brigade",
    "battalion", "channel", "bus", "line", "track", "gate", "terminal", "boeing", "airbus",
    "version", "type", "class", "series", "lot", "block", "apartment", "suite", "pier", "platform",
    "exit", "size", "rank", "ranked", "score", "scored", "level", "grade", "bill", "hr", "item",
    "cell", "ward", "row", "seat", "tower", "phase", "stage", "sector", "zone", "hill", "height",
    "heights", "altitude", "elevation", "kilometre", "km", "mile", "step", "law", "decree",
    "directive", "regulation", "order", "case", "file", "reference", "ref", "id", "iso", "en",
    "pin", "zip", "postcode", "extension", "ext", "tel", "fax", "p", "pp", "vol", "volume",
    "figure", "fig", "table", "annex", "appendix", "rule", "rules", "norm", "standard",
})
# Words after a number that make it a count ("2000 people", "1500 police").
COUNT_NOUNS = frozenset({
    "people", "police", "personnel", "staff", "aircraft", "men", "women", "children", "troops",
    "soldiers", "hours", "minutes", "seconds", "times", "feet", "metres", "meters", "km",
    "kilometres", "kilometers", "miles", "tons", "tonnes", "barrels", "dollars", "euros", "pounds",
    "yuan", "yen", "rubles", "roubles", "votes", "seats", "points", "jobs", "workers", "units",
    "gmt", "utc", "hrs", "est", "cet", "bst", "local", "percent", "per", "mph", "kph", "mw", "gw",
    "kg", "lb", "lbs", "acres", "hectares", "residents", "civilians", "refugees", "deaths",
    "casualties", "cases", "members", "delegates", "vehicles", "cars", "flights", "passengers",
    "kilograms", "shares", "dead", "killed", "wounded", "injured", "homes", "houses", "prisoners",
})
# Words after which a bare month name ("June", "May") is a month rather than a name or a verb.
MONTH_LEADS = frozenset({
    "in", "since", "until", "till", "til", "by", "from", "to", "through", "throughout", "during",
    "before", "after", "of", "last", "next", "this", "that", "early", "mid", "late", "between",
    "and", "or", "as", "around", "for", "into", "on", "each", "every", "end", "start", "beginning",
    "middle", "past", "earlier", "later", "near", "following", "previous", "coming", "than", "over",
})
_MODIFIER_MONTHS = frozenset({"January", "February", "April", "June", "July", "September", "October", "November",
                              "December"})
_MONTH_SUBJECT_VERBS = frozenset({"will", "would", "was", "is", "has", "had", "could", "should", "saw", "brought",
                                  "marks", "marked"})
_NOT_QUALIFIED = frozenset({"and", "or", "to", "is", "was", "said", "says", "has", "had", "will", "would", "of"})
# After these a capitalised "May" or "March" is the month even before "to" ("signed in March to add measures")
_SURE_MONTH_LEADS = frozenset({"in", "since", "until", "during", "early", "late", "mid", "by", "from", "through",
                               "between", "throughout"})
MONTH_DETERMINERS = frozenset({"the", "their", "its", "his", "her", "our", "a", "an", "s", "each", "every"})
FUTURE_CUES = frozenset({
    "will", "would", "'ll", "shall", "should", "won't", "wo", "scheduled", "upcoming", "planned",
    "plans", "planning", "expected", "expects", "intends", "intend", "next", "tomorrow", "might",
    "may", "aims", "hopes", "forthcoming", "slated", "due", "later", "expect", "could", "forecast", "can", "must",
    "pencilled", "penciled",
})
# Present-tense verbs of scheduled events: "the offer expires Friday", "talks begin on Monday".
SCHEDULED_PRESENT = frozenset({
    "begin", "begins", "starts", "opens", "expire", "expires", "resume", "resumes", "convene", "convenes",
    "leaves", "arrive", "arrives", "depart", "departs", "hands", "travels", "heads", "kicks", "reopen",
    "reopens", "open", "hold", "holds", "meet", "meets", "host", "hosts", "play", "plays", "takes", "close",
    "closes", "ends", "return", "returns", "go", "goes", "faces", "campaigns", "flies", "tours", "speaks", "attends",
    "testifies", "appears", "lands", "delivers", "unveils", "signs", "addresses", "announces",
})
# Present-tense verbs that are also plural nouns ("the most votes in Sunday's election"): a schedule
# only right after a name ("Taiwan votes Saturday", "Putin steps down on May 20").
SCHEDULED_AFTER_NAME = frozenset({"votes", "steps", "visits"})
FUTURE_BEFORE_TO = frozenset({"set", "due", "going", "is", "are", "plans", "plan", "expected", "hopes", "aims",
                              "hoped", "wanted", "intended", "vowed", "promised", "pledged", "decided", "threatened",
                              "likely", "unlikely", "poised", "was", "were"})
PAST_CUES = frozenset({
    "said", "says", "was", "were", "had", "did", "has", "have", "ago", "last", "earlier", "previously", "since",
    "told", "began", "came", "went", "met", "held", "made", "took", "gave", "saw", "left", "won",
    "lost", "fell", "rose", "hit", "sent", "spoke", "wrote", "broke", "became", "led", "ran", "sold", "bought", "paid", "struck", "shot", "flew", "chose", "drove", "found", "got",
    "grew", "knew", "brought", "thought", "sought", "felt", "kept", "meant", "heard", "stood",
    "quit", "froze", "rang", "sank", "swore", "tore", "wore", "woke", "forgot", "overtook",
    "withdrew", "undertook", "rejected", "yesterday",
    "spent", "built", "fought", "caught", "taught", "drew", "threw", "blew", "fled", "dealt", "sat", "slept",
    "upheld", "withheld", "overthrew", "underwent", "stole", "shook", "rode", "hid", "swept", "stuck",
})
NOT_PAST_ED = frozenset({"need", "indeed", "united", "hundred", "speed", "proceed", "exceed", "succeed",
                         "embed", "shed", "bed", "red", "seed", "feed", "breed", "greed", "weed", "bleed",
                         "deed", "creed", "steed", "tweed", "reed", "heed", "screed"})
# Beyond the nearest eight words only verbs of tense count ("agreed ... to hold a vote in the second
# half of next year": "next" is another expression's, not Tuesday's).
FAR_CUES = frozenset({"will", "would", "'ll", "shall", "won't", "wo", "said", "says", "was", "were", "had",
                      "scheduled", "due"})
CLAUSE_BREAKS = frozenset({".", ";", "!", "?", "\n", "that", "which", "who", "but", "because", "while",
                           "whereas", "although", "though", "when", "\"", "“", "”"})

# --------------------------------------------------------------------------- patterns

_SP = r"[ \t\xa0]+"
_MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MONTH = rf"(?P<month>{_MONTH_FULL}|{_MONTH_ABBR})"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WD_PREFIX = rf"(?:{_WEEKDAY},?{_SP})?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1\d{3}|20\d\d)"
_NUMW = (r"(?:a couple of|a couple|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
         r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
         r"seventy|eighty|ninety|hundred|a few|few|several|many|some)(?:-(?:one|two|three|four|five|six|"
         r"seven|eight|nine))?")
_NUM = rf"(?P<num>{_NUMW}|\d+(?:\.\d+)?)"
_UNIT = r"(?P<unit>second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ies))s?"
_APPROX = (r"(?:(?:nearly|almost|about|around|over|more than|less than|fewer than|some|at least|roughly|"
           r"approximately|just|only|up to|the past|the last|the next|the first|another|a further|"
           rf"the following|the previous|the coming){_SP})?")
_REL = r"(?P<rel>this|last|next|coming|previous|current|past)"
_PART_OF = rf"(?:(?:the{_SP})?(?P<part>end|beginning|start|middle|close|rest|remainder|turn){_SP}of{_SP})"
_DAYPART = rf"(?:{_SP}(?:morning|afternoon|evening|night))?"


def _rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


# The pattern of each kind of expression (KINDS, below, orders the kinds and says how each is
# kept and resolved). Every pattern is tried; overlapping candidates are settled by length.
PATTERNS: Mapping[str, re.Pattern[str]] = MappingProxyType({
    "iso": _rx(rf"(?<![\w./-]){_YEAR}-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?![\w/-]|[.,]\d)"),
    "numeric": _rx(r"(?<![\w./-])(?P<a>[0-3]?\d)([/.])(?P<b>[0-3]?\d)\2(?P<y>\d{4}|\d\d)(?![\w/-]|[.,]\d)"),
    "mdy": _rx(rf"(?<!\w)(?<!\w-){_WD_PREFIX}{_MONTH}\.?{_SP}{_DAY}(?:(?:{_SP})?[-–](?:{_SP})?(?P<day2>[0-3]?\d))?"
               rf"(?![\d:%.,]\d|\d)(?:,?{_SP}{_YEAR}(?![\w%]|[.,:]\d))?"),
    "dmy": _rx(rf"(?<![\w,.$])(?<!\w-){_WD_PREFIX}(?:the{_SP})?{_DAY}(?:(?:{_SP})?[-–](?:{_SP})?(?P<day2>[0-3]?\d))?"
               rf"(?:{_SP}of)?{_SP}{_MONTH}(?!\w)(?:,?{_SP}{_YEAR}(?![\w%]|[.,:]\d))?"),
    "month": _rx(rf"(?<!\w)(?<!\w-)(?:(?P<mod>early|mid|late|earlier this|later this|last|next|this|"
                 rf"the end of|the beginning of|the start of|the middle of|end|mid-)[ \t\xa0-]+)?"
                 rf"(?P<month>(?-i:{_MONTH_FULL}|{_MONTH_ABBR}))(?!\w)(?:(?:{_SP}of)?,?{_SP}{_YEAR}(?![\w%]|[.,:]\d)"
                 rf"|(?:{_SP}of)?{_SP}(?P<relyear>this|last|next|that|the following|the previous){_SP}year)?",
                 re.IGNORECASE),
    "year_range": _rx(r"(?<![\w$€£¥#./-])(?P<y1>1\d{3}|20\d\d)[ \t\xa0]?[-–—/][ \t\xa0]?"
                      r"(?P<y2>(?:1\d|20)?\d\d)(?![\w%-]|[.,]\d)"),
    "year": _rx(rf"(?<![\w$€£¥#./:+-])(?:(?P<mod>early|mid|late|mid-|the end of|the beginning of|"
                rf"the start of|the middle of|the spring of|the summer of|the autumn of|the fall of|"
                rf"the winter of|spring|summer|autumn|fall|winter)[ \t\xa0-]+)?{_YEAR}"
                r"(?![\w%]|[.,:]\d|[-–/]\d)", re.IGNORECASE),
    "short_year": _rx(r"(?<![\w'’])['’](?P<yy>\d\d)(?![\w'’%]|[.,]\d)"),
    "decade": _rx(rf"(?<![\w$-])(?:the{_SP})?(?:(?P<mod>early|mid|late)[ \t\xa0-]+)?"
                  r"(?P<dec>1\d\d0|20\d0|['’]\d0)['’]?s(?!\w)", re.IGNORECASE),
    "quarter": _rx(rf"(?<!\w)(?:the{_SP})?(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)"
                   rf"{_SP}(?P<what>quarter|half)(?:{_SP}of{_SP}(?:{_YEAR}|"
                   rf"(?:the{_SP})?(?P<relyear>this|last|next|the|the previous|the following)"
                   rf"{_SP}year))?(?!\w)", re.IGNORECASE),
    "qyear": _rx(rf"(?<!\w)(?P<half>[QH])(?P<n>[1-4])[ \t\xa0]*{_YEAR}(?!\w)"),
    "relative": _rx(rf"(?<!\w)(?:(?P<pre>earlier|later){_SP}|{_PART_OF})?(?:the{_SP})?{_REL}"
                    rf"{_SP}(?P<unit>week|month|year|weekend|decade)(?:'s)?(?!\w)", re.IGNORECASE),
    "same_period": _rx(rf"(?<!\w)(?:the|that){_SP}same{_SP}(?P<unit>period|month|quarter|week|day|time|season)"
                       rf"(?:{_SP}(?:of|in))?{_SP}(?:(?:a|one){_SP}year{_SP}(?:ago|earlier|before)"
                       rf"|(?:the{_SP})?(?:last|previous|prior|preceding){_SP}year|the{_SP}year{_SP}before)"
                       r"(?!\w)", re.IGNORECASE),
    "referred_unit": _rx(rf"(?<!\w)the{_SP}(?:(?P<rel>previous|prior|preceding|following|same|entire|whole|full)"
                         rf"{_SP}(?P<unit>year|month|week)|(?P<relday>previous|prior|preceding|following|next)"
                         rf"{_SP}(?:day|morning|afternoon|evening|night)|(?P<unit2>year|month|week|day|night|evening)"
                         rf"{_SP}(?P<rel2>before|earlier|previous|prior|after)"
                         # at the end of its phrase: "the day before, ...", "had overrun it the day before and
                         # threatened", not "the day before the vote"
                         r"(?=[ \t\xa0]*(?:[.,;:!?)\"”]|$)|[ \t\xa0]+(?:and|but)[ \t\xa0]+(?!the\b)[a-z]+ed\b))(?!\w)",
                         re.IGNORECASE),
    "streak_day": _rx(rf"(?<![\w-])(?:a|the){_SP}(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                      rf"[1-9]\d?(?:st|nd|rd|th)){_SP}(?P<mod>(?:straight|consecutive|successive){_SP})?"
                      rf"(?:trading{_SP})?(?:day|session)(?:{_SP}in{_SP}a{_SP}row)?(?!\w)", re.IGNORECASE),
    "that_time": _rx(rf"(?<![\w-])that{_SP}(?:time|date|year|month)(?!{_SP}of(?!\w))(?![\w-])", re.IGNORECASE),
    "the_unit": _rx(rf"(?<!\w){_PART_OF}the{_SP}(?P<unit>year|month|week)(?!\w)", re.IGNORECASE),
    "weekend": _rx(rf"(?<!\w)the{_SP}weekend(?!\w)", re.IGNORECASE),
    "ordinal_day": _rx(rf"(?<![\w-])the{_SP}(?P<day>[1-3]?\d)(?:st|nd|rd|th)(?![\w-])(?=[ \t\xa0]*(?:[.,;:!?)\"”]|and\b|or\b|$))"),
    "the_year": _rx(rf"(?<![\w-])(?:(?P<pre>[Ee]arlier|[Ll]ater){_SP}in{_SP})?the{_SP}(?P<new>new{_SP})?year(?![\w-])"
                    rf"(?!{_SP}(?:before|after|earlier|later|ago|old|long|of|when|in|that|to{_SP}(?:date|\d|[A-Z])|\d))"),
    "weekday": _rx(rf"(?<![\w-])(?:(?P<rel>last|next|this|this coming|coming|previous|past|the following|the previous)"
                   rf"{_SP})?"
                   rf"(?P<wd>{_WEEKDAY})(?:'s)?{_DAYPART}(?!\w)"),
    "deictic": _rx(rf"(?<![\w-])(?P<w>the day before yesterday|the day after tomorrow|(?:earlier|later){_SP}today"
                   rf"|today|tonight|yesterday|tomorrow|this{_SP}(?:morning|afternoon|evening)|last{_SP}night)"
                   rf"(?:'s)?(?:{_SP}(?:morning|afternoon|evening|night))?(?![\w-])", re.IGNORECASE),
    # "clashes overnight in Alexandria", "searched the rubble overnight and into Tuesday": not
    # "overnight rates" (an adjective)
    "overnight": _rx(r"(?<![\w-])overnight(?=[ \t\xa0]*(?:[.,;:!?)\"”]|$)|[ \t\xa0]+(?:in|into|and|on|at|as|after|before|"
                     r"when|while|to|from|but|with|across|near|outside|amid)\b)", re.IGNORECASE),
    "holiday": _rx(r"(?<!\w)(?P<h>Christmas(?: Day| Eve)?|New Year's (?:Day|Eve)|Boxing Day|Valentine's Day|"
                   r"Halloween|Independence Day|National Day|Republic Day|Victory Day|Constitution Day|Liberation Day|"
                   r"Unification Day|Fourth of July|Veterans Day|Armistice Day|Remembrance Day|Bastille Day|"
                   r"Canada Day|Australia Day|St\.? (?:Patrick|Andrew|David|George)'s Day|May Day|Thanksgiving(?: Day)?|Black Friday|"
                   r"Cyber Monday|Labor Day|Memorial Day|Martin Luther King(?: Jr\.)? Day|Presidents'? Day|"
                   r"Easter(?: Sunday| Monday)?|Good Friday|Palm Sunday|Ash Wednesday|Maundy Thursday|Holy Thursday|"
                   r"Holy Saturday|Ascension Day|Pentecost|Whit Monday|Columbus Day|(?:Lunar|Chinese) New Year(?:'s Eve)?|Election Day|Inauguration Day|"
                   r"V-?E Day|Cinco de Mayo|Juneteenth|Burns Night|Groundhog Day|Earth Day|World AIDS Day|International Women's Day|"
                   r"Mother's Day|Father's Day|Eid (?:al|ul)-(?:Fitr|Adha)|Passover|Pesach|Rosh Hashanah?|Yom Kippur|Diwali|Deepavali|Nowruz"
                   rf")(?:{_SP}{_YEAR})?(?!\w)"
                   # the attacks of 11 September 2001, by their name
                   r"|(?<![\w/])(?P<h911>9/11|Sept\.? 11|September 11(?:th)?)(?=(?:[ \t\xa0]+terror(?:ist)?)?"
                   r"[ \t\xa0]+attacks?\b|(?<=9/11)(?![\w/]))"),
    "season": _rx(rf"(?<!\w)(?:(?P<rel>this|last|next|early|late){_SP})(?P<season>spring|summer|autumn|fall|winter)"
                  r"(?!\w)", re.IGNORECASE),
    "anaphor": _rx(rf"(?<![\w-])(?:(?:late|early|later|earlier){_SP}in{_SP}the{_SP}day"
                   rf"|(?:(?:late|early|later|earlier){_SP})?(?:that|the{_SP}same){_SP}(?:morning|afternoon|evening|night)"
                   rf"|(?:(?:late|early|later|earlier){_SP})?that{_SP}day"
                   rf"|(?:(?:the{_SP})?(?:start|end|beginning|close|rest|middle){_SP}of{_SP})?"
                   rf"(?:(?:the{_SP}same|that(?:{_SP}same)?){_SP}day|the{_SP}day(?!{_SP}"
                   r"(?:before|after|of|when|that|which|on|in|he|she|it|they|we|I|to|for|and|is|was|will|has|had)"
                   r"(?!\w)|['’])))(?![\w-])", re.IGNORECASE),
    "ago": _rx(rf"(?<![\w-]){_APPROX}{_NUM}[ \t\xa0-]+{_UNIT}{_SP}ago(?!\w)", re.IGNORECASE),
    "offset": _rx(rf"(?<![\w-]){_NUM}[ \t\xa0-]+{_UNIT}{_SP}(?:(?P<dir>later|earlier)(?!\w)(?!{_SP}than\b)"
                  r"|(?P<dir2>before|after)(?=[ \t\xa0]*(?:[.,;:!?)\"”]|$)))", re.IGNORECASE),
    "duration": _rx(rf"(?<![\w$£€.,-]){_APPROX}{_NUM}[ \t\xa0-]+{_UNIT}(?!\w)", re.IGNORECASE),
    "time": _rx(r"(?<![\w:.])(?:(?:[01]?\d|2[0-3])[:.][0-5]\d(?:[ \t\xa0]?(?:[apAP]\.?[mM]\.?(?!\w)|UTC|GMT|"
                r"local time|[A-Z]{2,4}T)(?!\w))?|(?:1[0-2]|0?[1-9])[ \t\xa0]?[apAP]\.?[mM]\.?(?!\w)|noon|midnight"
                r"|(?:[01]\d|2[0-3])[0-5]\d[ \t\xa0]?(?:GMT|UTC|local time)"
                r"|(?:the[ \t\xa0]+)?(?:early|late|mid-?)[ \t\xa0]?(?:morning|afternoon|evening)|midday"
                # "in the afternoon", "well into the evening"; "since dawn"
                r"|(?:(?<=\bin )|(?<=\binto )|(?<=\bduring )|(?<=\buntil ))the[ \t\xa0]+(?:morning|afternoon|evening)"
                r"|(?:(?<=\bat )|(?<=\bsince )|(?<=\bbefore )|(?<=\buntil )|(?<=\bfrom ))(?:dawn|dusk))(?![\w:-])"),
})
# The end of a sentence (or a line) between two expressions
_SENTENCE_BREAK = re.compile(r"[.!?][\s\"”’]|\n")
# What joins the days of a list or a range: "Thursday and Friday", "10 to 22 December", "Thursday and peace on Friday"
_SEQUENCE = re.compile(r"\s*(?:,\s*)?(?:(?:and|or|then|to|through|until|till|followed by)\s+"
                       r"(?:(?!(?:earlier|before|previously|last|again|already|since)\s)[a-z-]+\s+){0,2}?"
                       r"(?:on\s+)?|[-–—]\s*)", re.IGNORECASE)
# A time of day beyond doubt ("8.35" may be a number): with a colon, a.m./p.m., noon, midnight or a zone
_CLOCK = re.compile(r"\d{1,2}:\d\d|.*(?:[apAP]\.?[mM]\.?|[Nn]oon|[Mm]idnight|GMT|UTC|local time|[A-Z]{2,4}T|morning|afternoon"
                    r"|evening|[Mm]idday|dawn|dusk)")
# What may stand between a clock time and its day: "8 a.m. Saturday", "Monday, at noon", "noon (1600 GMT) on Friday",
# "1:03 a.m. Pacific time on Dec. 5"
_NEXT_TO = re.compile(r"[\s,()]*(?:(?:on|at|of|local time|[A-Z][a-z]+ time|[A-Z]{1,4}T|GMT|UTC)[\s,()]*)*")
# Clock times of one range: "from 8 a.m. to 5 p.m. on Saturday"
_CLOCK_RANGE = re.compile(r"\s*(?:to|and|until|till|-|–)\s*", re.IGNORECASE)
# Cheap keyword searches over the lower-cased text; a pattern is only run in windows around
# their hits (a pattern opening with a look-behind or an optional modifier scans slowly).
_YEARISH = re.compile(r"[12]\d\d\d")
_MONTHISH = re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec")
_UNITISH = re.compile(r"week|month|year|decade")
TRIGGERS: Mapping[str, re.Pattern[str]] = MappingProxyType({
    "iso": re.compile(r"\d-[01]\d-"), "numeric": re.compile(r"\d/\d"), "year_range": _YEARISH, "year": _YEARISH,
    "short_year": re.compile(r"['’]\d\d"), "decade": re.compile(r"\d0['’]?s"), "qyear": re.compile(r"[qh][1-4]"), "mdy": _MONTHISH, "dmy": _MONTHISH, "month": _MONTHISH,
    "quarter": re.compile(r"quarter|half"), "relative": _UNITISH, "the_unit": _UNITISH,
    "same_period": re.compile(r"same"), "streak_day": re.compile(r"day|session"),
    "that_time": re.compile(r"that time|that date|that year|that month"), "referred_unit": re.compile(r"year|month|week|day|morning|afternoon|evening|night"),
    "weekend": re.compile(r"weekend"), "ordinal_day": re.compile(r"the [1-3]?\d(?:st|nd|rd|th)"), "the_year": re.compile(r"the (?:new )?year"), "weekday": re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"),
    "deictic": re.compile(r"today|tonight|yesterday|tomorrow|this morning|this afternoon|this evening|last night"),
    "overnight": re.compile(r"overnight"),
    "anaphor": re.compile(r"\bday\b|(?:that|same) (?:morning|afternoon|evening|night)"),
    # a holiday's name as the table writes it (HOLIDAYS), lower-cased
    "holiday": re.compile("|".join(re.escape(name) for name in sorted(HOLIDAYS, key=len, reverse=True))),
    "season": re.compile(r"spring|summer|autumn|fall|winter"), "ago": re.compile(r"ago"),
    "offset": re.compile(r"later|earlier|before|after"),
    "duration": re.compile(r"second|minute|hour|day|week|fortnight|month|year|decade|centur"),
    "time": re.compile(r"\d[:.]\d\d|\d ?[ap]\.?m|noon|midnight|\d ?gmt|\d ?utc|\d local time|morning|afternoon|evening|midday"
                       r"|dawn|dusk"),
})
_WINDOW = 48
# The dot of "p.m.", "U.S." or "Nov." does not end a clause.
_ABBREVIATION_DOT = re.compile(r"\b([A-Za-z]|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mrs?|Ms|Dr|St|Gen|Sen|Rep|"
                               r"Gov|Lt|Col|Maj|Sgt|Capt|Adm|Prof)\.")
# A verb in the third person present ("faces", "steps"; not "was", "has", "focus", "crisis")
_PRESENT_3SG = r"([a-z]{2,}[^su\Wi]s)\b"
_PRESENT_AFTER_SUBJECT = re.compile(r"(?:,\s+(?:who|which)\s[^,.;!?\n]{3,120},|\b[Hh]e|\b[Ss]he|\b(?:who|which|that)"
                                    rf"|\bwhose(?:\s+[\w-]+){{1,3}})(?:\s+[a-z]+ly)?\s+{_PRESENT_3SG}[^,.;!?\n]*$")
_SENTENCE_END = re.compile(r"(?<!Corp)(?<!Inc)(?<!Co)(?<!Ltd)(?<!Mr)(?<!Mrs)(?<!Dr)(?<!St)[.!?;]\s|\n")
# A bare day number after or before a day of a month, in a list or range ("June 4 and 5", "9 to 11 March")
_DAY_AFTER = re.compile(r"[ \t]*(?:and|or|to|through|until|-|–)[ \t]*(?P<n>[1-3]?\d)(?![\d:.,%]\d|\d|[ \t]*[%$]"
                        r"|[ \t]*(?!(?:to|and|or|in|at|on|for|with|when|as|but|respectively)\b)[A-Za-z])")
_DAY_BEFORE = re.compile(r"(?<![\d.,$£€])(?P<n>[1-3]?\d)[ \t]*(?:and|or|to|through|until|-|–)[ \t]*$")
# Modifiers of a month that place it from now ("last March"), not in a story's year ("late August")
_RELATIVE_MODS = frozenset({"last", "next", "this", "earlier this", "later this"})
# "the 12 months through October": a span that ends then, not a bound ahead
_SPAN_NOUNS = frozenset({"months", "weeks", "days", "year", "years", "quarter", "period", "month", "week"})
# Words between a bound and its time: "by the end", "until about noon Thursday"
_BOUND_FILLERS = frozenset({"the", "a", "about", "around", "noon", "midnight", "early", "late"})
_FRONT_WORDS = frozenset({"on", "in", "at", "by", "early", "late", "last", "this", "the", "since", "from", "until",
                          "and", "but", "then", "earlier", "later", "next"})
_TIMETABLE = re.compile(rf"(?:\b(?:[Hh]e|[Ss]he)|\b(?:Corp|Inc|Co|Ltd|Plc|AG|SA)\.?)\s+{_PRESENT_3SG}")
# Third-person present forms that are no timetable ("it takes", "he does")
NOT_TIMETABLE = frozenset({"does", "seems", "means", "remains", "needs", "wants", "knows", "thinks", "believes",
                           "hopes", "looks", "appears", "includes", "contains", "depends", "lives", "works"})
_TOKEN = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|'ll|(?<!\d)\.|\.(?!\d)|[;!?\n\"“”]")  # not the point of "1.7%"
_PERIOD_PLURALS = frozenset({"results", "earnings", "accounts", "figures", "elections", "forecasts", "budgets"})
_YEAR_CUES = frozenset({"in", "since", "until", "till", "by", "from", "of", "the", "during", "before",
                        "after", "early", "late", "mid", "year", "between", "and", "to", "through", "circa",
                        "c", "around", "spring", "summer", "autumn", "fall", "winter", "'s", "s"})

# --------------------------------------------------------------------------- dateparser


@functools.lru_cache(maxsize=1)
def _date_parser() -> DateDataParser:
    """The one dateparser instance (English, complete dates only)."""
    return DateDataParser(languages=["en"], settings={
        "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "MDY",
        "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_LOCALE_DATE_ORDER": False,
    })


def _dateparser_day(expression: str) -> date | None:
    """A complete calendar day read by dateparser, or None (its failures are not ours to raise)."""
    try:
        data = _date_parser().get_date_data(expression)
    except (ValueError, TypeError, OverflowError, LookupError, AttributeError, re.error) as exc:
        logger.debug("dateparser failed on %r: %s", expression, exc)
        return None
    if data is None or data.date_obj is None or data.period != "day":
        return None
    return data.date_obj.date()

# --------------------------------------------------------------------------- calendar helpers


def _parse_anchor(anchor: str | None) -> date | None:
    """The publication date as a `date`; raise InputError when it is not YYYY-MM-DD.

    >>> _parse_anchor("2025-08-26")
    datetime.date(2025, 8, 26)
    >>> _parse_anchor(None) is None
    True
    """
    if anchor is None or anchor == "":
        return None
    return _parse_anchor_cached(anchor)


@functools.lru_cache(maxsize=256)
def _parse_anchor_cached(anchor: str) -> date:
    try:
        return date.fromisoformat(anchor[:10])
    except (ValueError, TypeError) as exc:
        raise InputError(f"publication date {anchor!r} is not YYYY-MM-DD") from exc


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by `delta` months.

    >>> _add_months(2025, 12, 1), _add_months(2025, 1, -1)
    ((2026, 1), (2024, 12))
    """
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _safe_day(year: int, month: int, day: int) -> date | None:
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def _weekday_date(anchor: date, weekday: int, tense: str, rel: str | None) -> date:
    """The date of a weekday named in an article of `anchor`.

    >>> d = date(2025, 12, 15)  # a Monday
    >>> _weekday_date(d, 6, "past", None), _weekday_date(d, 0, "future", None)
    (datetime.date(2025, 12, 14), datetime.date(2025, 12, 15))
    >>> _weekday_date(d, 0, "past", "last"), _weekday_date(d, 4, "past", "next")
    (datetime.date(2025, 12, 8), datetime.date(2025, 12, 19))
    """
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if rel in ("last", "previous", "past"):
        return anchor - timedelta(days=back or 7)
    if rel in ("next", "coming", "this coming"):
        return anchor + timedelta(days=ahead or 7)
    if tense == "future":
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


def _month_year(anchor: date, month: int, tense: str, rel: str | None = None) -> int:
    """The year of a yearless month: the most recent (past) or the next (future) such month.

    With no tense cue ("unmarked") it is the most recent one, unless the next one is at most
    three months away (a month just ahead is rarely the same month of last year; a yearless day
    looks as far ahead, UPCOMING_DAYS).

    >>> d = date(2025, 8, 26)
    >>> _month_year(d, 6, "past"), _month_year(d, 6, "future"), _month_year(d, 8, "future")
    (2025, 2026, 2025)
    >>> _month_year(d, 8, "past", "last"), _month_year(d, 9, "past", "this")
    (2024, 2025)
    """
    if rel == "last":
        return anchor.year if month < anchor.month else anchor.year - 1
    if rel == "next":
        return anchor.year if month > anchor.month else anchor.year + 1
    if rel in ("this", "earlier this", "later this"):
        return anchor.year
    if tense == "unmarked" and 0 < (month - anchor.month) % 12 <= 3:
        tense = "future"
    if tense == "future":  # not the month just past, a year on ("delayed by the February election", in March)
        return anchor.year if month >= anchor.month or (anchor.month - month) == 1 else anchor.year + 1
    return anchor.year if month <= anchor.month else anchor.year - 1


# With no tense cue, a yearless day (or a holiday) at most this many days ahead is the upcoming one;
# news looks back further than ahead.
UPCOMING_DAYS = 120
# Even in the past tense, a yearless day at most this many days ahead is that one ("had announced a launch
# window to 22 December", "have postponed Halloween"), and in the future tense one at most this many days
# back ("open for 24 hours starting on Thanksgiving Day", the day before): the same day a year away would
# carry its year.
NEAR_DAYS = 31


def _month_day_year(anchor: date, month: int, day: int, tense: str) -> int:
    """The year of a yearless day ("January 20"), by tense, like `_month_year`.

    Unmarked, a day at most four months ahead is taken as upcoming, any other as past (news looks
    back further than ahead).

    >>> _month_day_year(date(2025, 8, 26), 1, 20, "past"), _month_day_year(date(2025, 12, 28), 1, 5, "future")
    (2025, 2026)
    >>> _month_day_year(date(2025, 8, 26), 9, 3, "unmarked"), _month_day_year(date(2025, 8, 26), 1, 20, "unmarked")
    (2025, 2025)
    """
    days = [d for y in range(anchor.year - 4, anchor.year + 5) if (d := _safe_day(y, month, day)) is not None]
    return _occurrence(days, anchor, tense).year if days else anchor.year  # 29 February recurs every four
    # years; "June 31" never (the caller finds no such day)

def _occurrence(days: list[date], anchor: date, tense: str) -> date:
    """Of the occurrences of a day that recurs (a yearless day, a holiday), the last one up to the anchor
    or the next one from it, by tense. Unmarked, the next one if at most UPCOMING_DAYS ahead; in any
    tense, the nearer one if either is at most NEAR_DAYS away (a year away it would carry its year)."""
    before = max(d for d in days if d <= anchor)
    after = min(d for d in days if d >= anchor)
    if tense == "unmarked":
        tense = "future" if (after - anchor).days <= UPCOMING_DAYS else "past"
    if min((after - anchor).days, (anchor - before).days) <= NEAR_DAYS:
        return after if (after - anchor).days <= (anchor - before).days else before
    return after if tense == "future" else before


def _number(word: str) -> int | None:
    """A small cardinal in words or digits; None for vague amounts ("a few", "several").

    >>> _number("two"), _number("twenty-one"), _number("12"), _number("several")
    (2, 21, 12, None)
    """
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    if "-" in word:
        tens, _, unit = word.partition("-")
        if tens in NUMBER_WORDS and unit in NUMBER_WORDS:
            return NUMBER_WORDS[tens] + NUMBER_WORDS[unit]
    return None


def _iso(d: date, precision: str) -> str:
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def _week_start(d: date) -> date:
    return d - timedelta(days=d.weekday())

# --------------------------------------------------------------------------- resolution
# One resolver per kind of expression: (match, anchor, tense) -> (date, date_end, precision).
# KINDS, below, says which resolver serves which kind.

Value = tuple[str | None, str | None, str]
Resolver = Callable[[re.Match[str], date | None, str], Value]
_UNKNOWN: Value = (None, None, "unknown")


def _needs_anchor(resolver: Resolver) -> Resolver:
    """A resolver of expressions that mean nothing without a publication date ("yesterday")."""
    @functools.wraps(resolver)
    def resolve(m: re.Match[str], anchor: date | None, tense: str) -> Value:
        return _UNKNOWN if anchor is None else resolver(m, anchor, tense)
    return resolve


def _day_value(d: date | None) -> Value:
    return (d.isoformat(), None, "day") if d else _UNKNOWN


_RELYEAR_STEP = MappingProxyType({"that": 0, "the following": 1, "the previous": -1})
_YEAR_AFTER = re.compile(r",?[ \t]+(?P<rel>this|last|next)[ \t]+year\b", re.IGNORECASE)  # "March 31 this year"


def _relyear(anchor: date, rel: str) -> int:
    """The year meant by "this", "last", "next", "the following", "the previous" (year)."""
    rel = rel.lower()
    return anchor.year + (1 if rel in ("next", "the following") else -1 if rel in ("last", "the previous") else 0)


def _resolve_iso(m: re.Match[str], anchor: date | None, tense: str) -> Value:
    """2025-08-26"""
    return _day_value(_safe_day(int(m["year"]), int(m["mon"]), int(m["day"])))


def _resolve_numeric(m: re.Match[str], anchor: date | None, tense: str) -> Value:
    """7/8/07, 26/08/2025, 26.08.2025"""
    d = _dateparser_day(m.group(0).replace(".", "/"))
    if d is None:  # day first ("26/08/2025"), which dateparser's MDY order refuses
        year = int(m["y"]) + (0 if len(m["y"]) == 4 else 2000 if int(m["y"]) < 50 else 1900)
        d = _safe_day(year, int(m["b"]), int(m["a"]))
    return _day_value(d)


def _resolve_month_day(m: re.Match[str], anchor: date | None, tense: str) -> Value:
    """March 3, 2024; 3 March; June 18-20, 2025; the 5th of June"""
    month, day = MONTHS[m["month"].rstrip(".").lower()], int(m["day"])
    if m["year"]:
        year = int(m["year"])
    elif anchor is None:
        return None, None, "day"
    else:
        year = _month_day_year(anchor, month, day, tense)
    d = _safe_day(year, month, day)
    if d is None:
        return _UNKNOWN
    end = _safe_day(year, month, int(m["day2"])) if m["day2"] else None
    if end is not None and end <= d:
        end = None
    return d.isoformat(), end.isoformat() if end else None, "day"


def _resolve_month(m: re.Match[str], anchor: date | None, tense: str) -> Value:
    """June, early June, last March, November 2006, October of next year"""
    month = MONTHS[m["month"].rstrip(".").lower()]
    mod = (m["mod"] or "").lower().replace("-", "").strip() or None
    if m["year"]:
        year = int(m["year"])
    elif anchor is None:
        return None, None, "month"
    elif m["relyear"]:
        year = _relyear(anchor, m["relyear"])
    else:
        year = _month_year(anchor, month, tense, mod)
    return f"{year:04d}-{month:02d}", None, "month"


def _resolve_year(m: re.Match[str], anchor: date | None, tense: str) -> Value:
    """1994, late 2006, mid-2026"""
    return m["year"], None, "year"


def _resolve_year_range(m: re.Match[str], anchor: date | None, tense: str) -> Value:
    """2017-2021, 2019-20"""
    y1, y2 = m["y1"], m["y2"]
    if len(y2) == 2:
        y2 = y1[:2] + y2
    if int(y2) <= int(y1) or int(y2) - int(y1) > 200:
        return _UNKNOWN
    return y1, y2, "year"


def _resolve_short_year(m: re.Match[str], anchor: date | None, tense: str) -> Value:
    """'82"""
    yy = int(m["yy"])
    pivot = (anchor.year % 100 + 10) if anchor else 30
    return f"{(2000 if yy <= pivot else 1900) + yy:04d}", None, "year"


def _resolve_decade(m: re.Match[str], anchor: date | None, tense: str) -> Value:
    """the 1990s, the early '80s"""
    dec = m["dec"]
    if not dec[0].isdigit():
        dd = int(dec[1:])
        pivot = anchor.year % 100 if anchor else 30
        dec = str((2000 if dd <= pivot else 1900) + dd)
    start, mod = int(dec), (m["mod"] or "").lower()
    lo, hi = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get(mod, (0, 9))
    if start % 100 == 0 and dec.endswith("00") and mod == "":
        hi = 9
    return str(start + lo), str(start + hi), "year"


def _quarter_span(what: str, n: int, year: int) -> Value:
    """The months of quarter or half `n` of `year`."""
    if what == "half" and n > 2:
        return _UNKNOWN
    size = 3 if what == "quarter" else 6
    first, last = (n - 1) * size + 1, n * size
    return f"{year:04d}-{first:02d}", f"{year:04d}-{last:02d}", "month"


def _resolve_quarter(m: re.Match[str], anchor: date | None, tense: str) -> Value:
    """the third quarter, the first half of 2024, the fourth quarter of last year"""
    what, n = m["what"].lower(), ORDINALS[m["ord"].lower()]
    if what == "half" and n > 2:
        return _UNKNOWN
    if m["year"]:
        year = int(m["year"])
    elif anchor is None:
        return None, None, "month"
    elif m["relyear"]:
        year = _relyear(anchor, m["relyear"])
    else:
        current = (anchor.month - 1) // (3 if what == "quarter" else 6) + 1
        if tense == "future":
            year = anchor.year if n >= current else anchor.year + 1
        else:
            year = anchor.year if n <= current else anchor.year - 1
    return _quarter_span(what, n, year)


def _resolve_qyear(m: re.Match[str], anchor: date | None, tense: str) -> Value:
    """Q3 2024, H1 2025"""
    return _quarter_span("quarter" if m["half"] == "Q" else "half", int(m["n"]), int(m["year"]))


def _resolve_holiday(m: re.Match[str], anchor: date | None, tense: str) -> Value:
    """Christmas, New Year's Eve 2024, Thanksgiving, Good Friday, the 9/11 attacks"""
    rule = HOLIDAYS[(m["h"] or m["h911"]).lower()]
    if rule[0] == "once":
        return date(*rule[1:]).isoformat(), None, "day"
    if m["year"]:
        d = _holiday_in(rule, int(m["year"]))
        return (d.isoformat(), None, "day") if d else _UNKNOWN
    if anchor is None:
        return None, None, "day"
    # four years either side: a holiday of every fourth year (Inauguration Day) has one each way
    days = [d for y in range(anchor.year - 4, anchor.year + 5) if (d := _holiday_in(rule, y)) is not None]
    if not any(d <= anchor for d in days) or not any(d >= anchor for d in days):
        return _UNKNOWN  # a year the table of a moving holiday does not reach
    return _occurrence(days, anchor, tense).isoformat(), None, "day"


def _holiday_in(rule: tuple, year: int) -> date | None:
    """The day a HOLIDAYS rule gives in `year`.

    >>> _holiday_in(HOLIDAYS["thanksgiving"], 2010), _holiday_in(HOLIDAYS["memorial day"], 2011)
    (datetime.date(2010, 11, 25), datetime.date(2011, 5, 30))
    >>> _holiday_in(HOLIDAYS["good friday"], 2014), _holiday_in(HOLIDAYS["black friday"], 2010)
    (datetime.date(2014, 4, 18), datetime.date(2010, 11, 26))
    """
    if rule[0] == "nth":
        _, month, weekday, n = rule
        days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1) if date(year, month, d).weekday() == weekday]
        return date(year, month, days[n - 1 if n > 0 else n])
    if rule[0] == "thanksgiving":
        return _holiday_in(HOLIDAYS["thanksgiving"], year) + timedelta(days=rule[1])
    if rule[0] == "easter":
        return easter(year) + timedelta(days=rule[1])
    if rule[0] == "election":  # the U.S. Election Day: the Tuesday after the first Monday of November
        return _holiday_in(("nth", 11, 0, 1), year) + timedelta(days=1)
    if rule[0] == "inauguration":  # a U.S. president's: 20 January of the year after an election, since 1937
        return date(year, 1, 20) if year >= 1937 and year % 4 == 1 else None
    if rule[0] == "calendar":
        return _calendar_holiday(rule[1], rule[2], year)
    if rule[0] == "table":
        return date(year, *LUNAR_NEW_YEAR[year]) + timedelta(days=rule[1]) if year in LUNAR_NEW_YEAR else None
    if rule[0] == "national":
        return None
    return date(year, *rule)


@functools.lru_cache(maxsize=256)
def _calendar_holiday(country: str, name: str, year: int) -> date | None:
    """The first day of holiday `name` in `year` among the public holidays of `country` (the
    `holidays` package: observed or estimated dates of the Islamic and Hebrew calendars, Diwali,
    Nowruz); None where the package has no such year.

    >>> _calendar_holiday("EG", "Eid al-Fitr", 2013), _calendar_holiday("IL", "Pesach", 2013)
    (datetime.date(2013, 8, 8), datetime.date(2013, 3, 26))
    """
    try:
        days = holidays.country_holidays(country, years=year, language="en_US")
    except (NotImplementedError, KeyError, ValueError):
        return None
    return min((d for d, names in days.items() if any(n.strip().startswith(name) for n in names.split(";"))),
               default=None)


@_needs_anchor
def _resolve_relative(m: re.Match[str], anchor: date, tense: str) -> Value:
    """last month, this year, next week, the end of this year, the past week (a duration)"""
    rel, unit = m["rel"].lower(), m["unit"].lower()
    if rel == "past" or (m.group(0).lower().startswith("the") and rel == "last" and not m["part"]):
        return _UNKNOWN  # "the past week", "the last year": durations
    step = 1 if rel in ("next", "coming") else -1 if rel in ("last", "previous") else 0
    if unit == "decade":
        start = anchor.year // 10 * 10 + 10 * step
        return str(start), str(start + 9), "year"
    if unit == "weekend":
        return _weekend(anchor, tense if step == 0 else ("future" if step > 0 else "past"), step)
    return _unit_value(anchor, unit, step)


def _unit_value(day: date, unit: str, step: int) -> Value:
    """The year, month, week or day `step` units away from the one holding `day`.

    >>> _unit_value(date(2025, 12, 17), "month", 1), _unit_value(date(2025, 12, 17), "week", -1)
    (('2026-01', None, 'month'), ('2025-12-08', '2025-12-14', 'day'))
    """
    if unit == "year":
        return f"{day.year + step:04d}", None, "year"
    if unit == "month":
        y, mo = _add_months(day.year, day.month, step)
        return f"{y:04d}-{mo:02d}", None, "month"
    if unit == "week":
        monday = _week_start(day) + timedelta(weeks=step)
        return monday.isoformat(), (monday + timedelta(days=6)).isoformat(), "day"
    return (day + timedelta(days=step)).isoformat(), None, "day"


@_needs_anchor
def _resolve_the_unit(m: re.Match[str], anchor: date, tense: str) -> Value:
    """the end of the year, the rest of the month"""
    unit = m["unit"].lower()
    if unit == "year":
        return f"{anchor.year:04d}", None, "year"
    if unit == "month":
        return _iso(anchor, "month"), None, "month"
    monday = _week_start(anchor)
    return monday.isoformat(), (monday + timedelta(days=6)).isoformat(), "day"


@_needs_anchor
def _resolve_ordinal_day(m: re.Match[str], anchor: date, tense: str) -> Value:
    """the 15th (of the month of the anchor, or the one before or after by tense)"""
    day = int(m["day"])
    if tense == "unmarked":  # the nearer: "driving back on the 27th" on the 23rd
        tense = "future" if day > anchor.day and day - anchor.day < 15 or day < anchor.day - 15 else "past"
    step = 0 if tense == "future" and day >= anchor.day or tense != "future" and day <= anchor.day \
        else (1 if tense == "future" else -1)
    year, month = _add_months(anchor.year, anchor.month, step)
    d = _safe_day(year, month, day)
    return (d.isoformat(), None, "day") if d else _UNKNOWN


@_needs_anchor
def _resolve_the_year(m: re.Match[str], anchor: date, tense: str) -> Value:
    """the year (the current one: "the lowest of the year", "climbed 29 percent for the year"), earlier in
    the year, the new year (the next one, but in January)"""
    return f"{anchor.year + (1 if m['new'] and anchor.month > 1 else 0):04d}", None, "year"


@_needs_anchor
def _resolve_weekend(m: re.Match[str], anchor: date, tense: str) -> Value:
    """the weekend"""
    return _weekend(anchor, tense, 0)


def _weekend(anchor: date, tense: str, step: int) -> tuple[str, str, str]:
    if step < 0 or tense != "future":
        back = (anchor.weekday() - 5) % 7  # days since the last Saturday
        saturday = anchor - timedelta(days=back)
        if step < 0 and back < 2:  # "last weekend" said during a weekend: the one before
            saturday -= timedelta(weeks=1)
    else:
        saturday = anchor + timedelta(days=(5 - anchor.weekday()) % 7)
        if anchor.weekday() == 6:
            saturday = anchor - timedelta(days=1)
        if step > 0 and anchor.weekday() < 5:
            saturday += timedelta(weeks=0)
    return saturday.isoformat(), (saturday + timedelta(days=1)).isoformat(), "day"


@_needs_anchor
def _resolve_weekday(m: re.Match[str], anchor: date, tense: str) -> Value:
    """Monday, last Friday, next Tuesday; "Sunday's referendum" with no tense: the nearer Sunday"""
    rel = (m["rel"] or "").lower() or None
    if rel is None and tense == "unmarked" and m.group(0).endswith(("'s", "’s")):
        tense = _nearer(anchor, WEEKDAYS[m["wd"].lower()])
    return _weekday_date(anchor, WEEKDAYS[m["wd"].lower()], tense, rel).isoformat(), None, "day"


def _nearer(anchor: date, weekday: int) -> str:
    """ "future" if the coming `weekday` is nearer `anchor` than the last one, else "past"."""
    return "future" if (weekday - anchor.weekday()) % 7 < (anchor.weekday() - weekday) % 7 else "past"


@_needs_anchor
def _resolve_anaphor(m: re.Match[str], anchor: date, tense: str) -> Value:
    """the same day, that day: find_dates puts the day mentioned last in its place"""
    return anchor.isoformat(), None, "day"


# Days from the day of speaking (the publication date, or the day a quote was said) of a deictic
# word; any other ("today", "this morning", "later today") is that day.
DEICTIC_DAYS = MappingProxyType({"yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2,
                                 "the day after tomorrow": 2})


@_needs_anchor
def _resolve_deictic(m: re.Match[str], anchor: date, tense: str) -> Value:
    """today, yesterday, tomorrow morning, last night"""
    offset = DEICTIC_DAYS.get(" ".join(m["w"].lower().split()), 0)
    return (anchor + timedelta(days=offset)).isoformat(), None, "day"


@_needs_anchor
def _resolve_overnight(m: re.Match[str], anchor: date, tense: str) -> Value:
    """overnight: the night before the publication date, told in the past (valued as its day,
    like "last night"); the coming night ahead"""
    return (anchor - timedelta(days=0 if tense == "future" else 1)).isoformat(), None, "day"


@_needs_anchor
def _resolve_season(m: re.Match[str], anchor: date, tense: str) -> Value:
    """last summer, next spring (at year precision)"""
    rel, season = m["rel"].lower(), m["season"].lower()
    ends = {"spring": 6, "summer": 9, "autumn": 11, "fall": 11, "winter": 3}
    if rel == "next":
        year = anchor.year + (1 if anchor.month > ends[season] - 3 else 0)
    elif rel == "last":
        year = anchor.year if anchor.month > ends[season] else anchor.year - 1
    else:
        year = anchor.year
    return f"{year:04d}", None, "year"


@_needs_anchor
def _resolve_ago(m: re.Match[str], anchor: date, tense: str) -> Value:
    """two weeks ago, a year ago, three months ago"""
    n = _number(m["num"]) if not re.fullmatch(r"\d+\.\d+", m["num"]) else None
    return (n is not None and shift(anchor, -n, m["unit"])) or _UNKNOWN


def _offset(m: re.Match[str]) -> int | None:
    """The signed count of units of an offset match ("two days later": 2, "a year earlier": -1)."""
    n = _number(m["num"]) if not re.fullmatch(r"\d+\.\d+", m["num"]) else None
    if n is None:
        return None
    return n if (m["dir"] or m["dir2"]).lower() in ("later", "after") else -n


@_needs_anchor
def _resolve_offset(m: re.Match[str], anchor: date, tense: str) -> Value:
    """a year earlier, two days later, a week before: in a text, find_dates moves them from the time
    mentioned last (`_refer_offset`); alone, only "earlier" has a time to move from, the anchor
    ("sales fell from a year earlier")"""
    n = _offset(m)
    if n is None or (m["dir"] or m["dir2"]).lower() != "earlier":
        return _UNKNOWN  # "one week later" alone follows a time the text does not give
    return shift(anchor, n, m["unit"]) or _UNKNOWN


def shift(anchor: date, n: int, unit: str) -> Value | None:
    """`anchor` moved by `n` units (back when negative), written at the unit's precision; None for
    units finer than a day, but whole days of hours.

    >>> shift(date(2025, 3, 12), -1, "month"), shift(date(2025, 3, 12), 2, "days")
    (('2025-02', None, 'month'), ('2025-03-14', None, 'day'))
    """
    unit = unit.lower()
    if unit.startswith("hour") and n % 24 == 0:  # "24 hours earlier", "48 hours later": whole days
        return (anchor + timedelta(days=n // 24)).isoformat(), None, "day"
    if unit.startswith(("second", "minute", "hour")):
        return None
    if unit.startswith("day"):
        return (anchor + timedelta(days=n)).isoformat(), None, "day"
    if unit.startswith(("week", "fortnight")):
        return (anchor + timedelta(weeks=n * (2 if unit.startswith("fortnight") else 1))).isoformat(), None, "day"
    if unit.startswith("month"):
        y, mo = _add_months(anchor.year, anchor.month, n)
        return f"{y:04d}-{mo:02d}", None, "month"
    years = n * (10 if unit.startswith("decade") else 100 if unit.startswith("centur") else 1)
    return f"{anchor.year + years:04d}", None, "year"


def number(word: str) -> int | None:
    """A small cardinal in words or digits ("a", "two", "12"), else None (see `_number`)."""
    return _number(word)


# How "the previous year", "the year before", "the following day", "the whole year" move from
# the time they refer to.
_REFERRED_STEP = MappingProxyType({
    "previous": -1, "prior": -1, "preceding": -1, "before": -1, "earlier": -1, "following": 1, "next": 1, "after": 1,
    "same": 0, "entire": 0, "whole": 0, "full": 0,
})


def _referred(m: re.Match[str]) -> tuple[str, int]:
    """(unit, step) of a referred_unit match."""
    unit = (m["unit"] or m["unit2"] or "day").lower()
    unit = "day" if unit in ("night", "evening") else unit  # "the night before": the day before
    return unit, _REFERRED_STEP[(m["rel"] or m["rel2"] or m["relday"]).lower()]


@_needs_anchor
def _resolve_referred_unit(m: re.Match[str], anchor: date, tense: str) -> Value:
    """the previous year, the year before, the following day, the whole year: alone, from the anchor;
    in a text, find_dates moves them from the time mentioned last (`_refer_unit`)"""
    unit, step = _referred(m)
    return _unit_value(anchor, unit, step)


@_needs_anchor
def _resolve_same_period(m: re.Match[str], anchor: date, tense: str) -> Value:
    """the same month a year ago, the same period last year: alone, last year; in a text, find_dates
    puts the time mentioned last, a year back, in its place (`_refer_year_back`)"""
    return f"{anchor.year - 1:04d}", None, "year"


@_needs_anchor
def _resolve_streak_day(m: re.Match[str], anchor: date, tense: str) -> Value:
    """(fell) for a third straight day: the anchor, or in a text the day named in the same sentence
    (`_refer_day_in_sentence`)"""
    return anchor.isoformat(), None, "day"


def _resolve_undated(m: re.Match[str], anchor: date | None, tense: str) -> Value:
    """five hours, 16:15 UTC: found (so that they are not read as something else) but not dated here;
    find_dates gives a clock time its day (`_date_clock_times`)"""
    return _UNKNOWN

# --------------------------------------------------------------------------- context tests
# One test per kind with traps: (match, text) -> whether the candidate is a temporal expression
# in its context. KINDS, below, says which test guards which kind.

Keeper = Callable[[re.Match[str], str], bool]


def _previous_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z$€£#]+)[ \t\xa0.-]*$", text[max(0, start - 30):start])
    return m.group(1) if m else ""


def _next_word(text: str, end: int) -> str:
    m = re.match(r"[ \t\xa0]*([A-Za-z%]+)", text[end:end + 30])
    return m.group(1) if m else ""


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start].rstrip(" \t\xa0\"'“‘(")
    return not before or before[-1] in ".!?\n:;"


def _keep_always(m: re.Match[str], text: str) -> bool:
    return True


def _keep_month(m: re.Match[str], text: str) -> bool:
    """A bare month name is a month only after a lead word ("in June"), not a name or a verb."""
    if m["mod"] or m["year"] or m["relyear"]:
        return True
    start, end, word = m.start(), m.end(), m["month"]
    if not word[0].isupper() or word.endswith(".") or word.lower() in ("jan", "feb", "mar", "apr", "jun", "jul",
                                                                       "aug", "sep", "sept", "oct", "nov", "dec"):
        return False
    if word[1:].isupper() and len(word) > 3 and not text[max(0, start - 20):start].isupper():
        return False
    lprev, nxt = _previous_word(text, start).lower(), _next_word(text, end)
    if lprev in MONTH_DETERMINERS and nxt[:1].islower():
        return True
    if _sentence_initial(text, start) and word in _MODIFIER_MONTHS and nxt in _MONTH_SUBJECT_VERBS:
        return True  # "April will probably be the low point", "\"January was brutal\""
    if lprev not in MONTH_LEADS:
        # a month that qualifies a noun: "November retail sales", "a strong report makes September tapering likely"
        return word in _MODIFIER_MONTHS and nxt.isalpha() and nxt.islower() and nxt not in _NOT_QUALIFIED \
            and not _previous_word(text, start)[:1].isupper()  # not "the group Black September"
    if word in ("May", "March") and lprev not in _SURE_MONTH_LEADS and nxt and nxt[0].islower() and nxt.lower() in (
            "on", "be", "have", "not", "also", "well", "still", "now", "to", "past", "through", "forward"):
        return False
    return not (nxt[:1].isupper() and lprev in ("and", "or", "to", "for", "as", "than") and nxt not in MONTHS)


def _keep_year_range(m: re.Match[str], text: str) -> bool:
    """A four-digit number is not a year in a price, a name, a numbering or a count."""
    start, end = m.start(), m.end()
    prev = _previous_word(text, start)
    lprev = prev.lower()
    if text[max(0, start - 3):start].lower().endswith(("us", "a$", "c$", "hk")) and start > 0 \
            and text[start - 1] in "$":
        return False
    if lprev in YEAR_BLOCKERS:
        return False
    if prev[:1].isupper() and lprev not in _YEAR_CUES and lprev not in MONTHS and lprev not in WEEKDAYS \
            and _next_word(text, end)[:1].isupper() and text[end:end + 1] == " ":
        return False  # inside a name: "Russell 2000 Index", "Windows 2000 Server"
    if re.search(r"(?:#|No\.?|no\.|n°|nº)[ \t\xa0]*$", text[max(0, start - 5):start]):
        return False
    nxt = _next_word(text, end).lower()
    if nxt in ("killed", "dead", "wounded", "injured") and lprev in ("in", "of", "since", "during") \
            and not m.group(0).endswith("00"):
        return True  # "the flu of 1918 killed millions"; not "a toll of 2000 dead"
    return nxt not in COUNT_NOUNS


def _keep_year(m: re.Match[str], text: str) -> bool:
    """A bare year also passes the tests of a number: not in a formula, a count, or out of range."""
    if not _keep_year_range(m, text):
        return False
    if m["mod"]:
        return True
    start, end, year = m.start(), m.end(), int(m["year"])
    lprev, nxt = _previous_word(text, start).lower(), _next_word(text, end).lower()
    if re.match(r"[ \t\xa0]*(?:[×x*+=<>]|-[ \t]?\d)", text[end:end + 3]):
        return False
    # a lowercase plural after a bare number is a count ("1500 civilians"), not a year; not the plurals
    # a year names the period of ("its 2020 results", "the 2019 accounts")
    if nxt.endswith("s") and not nxt.endswith(("ss", "us")) and len(nxt) > 3 and lprev not in _YEAR_CUES \
            and nxt not in _PERIOD_PLURALS \
            and text[end:end + 1] in " \t\xa0" and lprev not in ("s",):
        return False
    if year < 1800 and lprev not in ("in", "since", "of", "from", "until", "year", "the", "by", "before",
                                     "after", "c", "circa"):
        return False
    return year <= 2099


def _keep_short_year(m: re.Match[str], text: str) -> bool:
    """'82 is a year only after a word that announces one ("since '82")."""
    return _previous_word(text, m.start()).lower() in (
        "since", "in", "of", "from", "until", "till", "the", "to", "and", "class", "by")


def _keep_weekday(m: re.Match[str], text: str) -> bool:
    """Not a weekday inside a name: "Black Monday", "Sunday Times"."""
    if m["rel"]:
        return True
    prev = _previous_word(text, m.start())
    lprev = prev.lower()
    if lprev in WEEKDAY_NAMERS and prev[:1].isupper():
        return False
    nxt = _next_word(text, m.end())
    if nxt[:1].isupper() and nxt.lower() not in MONTHS and lprev not in (
            "on", "by", "until", "since", "from", "before", "after", "last", "next", "this", "late", "early"):
        return not _is_title_word(nxt)
    return True


def _keep_anaphor(m: re.Match[str], text: str) -> bool:
    """Not "the day" of an idiom: "carried the day", "saved the day"."""
    return _previous_word(text, m.start()).lower() not in (
        "carry", "carried", "carries", "save", "saved", "saves", "win", "won", "seize", "seized", "call",
        "called", "rule", "ruled", "all", "of")


def _keep_deictic(m: re.Match[str], text: str) -> bool:
    """Not "Today" inside a name: "USA Today", "Russia Today", "Today Show"."""
    start, end, word = m.start(), m.end(), m.group(0)
    if word[:1].isupper() and not _sentence_initial(text, start) and _previous_word(text, start)[:1].isupper():
        return False
    return not (word[:1].isupper() and _next_word(text, end)[:1].isupper() and not _sentence_initial(text, start))


# "the year" is the current one after these words ("for the year", "ended the year", "of the year")
_THE_YEAR_LEADS = frozenset({"for", "of", "ended", "ending", "end", "ends", "into", "during", "through",
                             "throughout", "until", "till", "over"})


def _keep_ordinal_day(m: re.Match[str], text: str) -> bool:
    """ "on the 15th", "by the 20th."; not "the 15th, a Sunday, ..." after a month name (the day is read there)."""
    return _previous_word(text, m.start()).lower() in ("on", "by", "until", "till", "since", "before", "after",
                                                          "from", "to", "through")


def _keep_the_year(m: re.Match[str], text: str) -> bool:
    """ "earlier in the year", "until the new year", "for the year"; not "the year he was born"."""
    return bool(m["pre"] or m["new"]) or _previous_word(text, m.start()).lower() in _THE_YEAR_LEADS


def _keep_streak_day(m: re.Match[str], text: str) -> bool:
    """"a third day" is a streak only after "for" ("closed for a third day"), or with "straight"."""
    return bool(m["mod"]) or m.group(0).lower().endswith("in a row") \
        or _previous_word(text, m.start()).lower() == "for"


def _keep_duration(m: re.Match[str], text: str) -> bool:
    """Not "a second week": an ordinal, not a second of time."""
    return not (m["unit"].lower() == "second" and re.match(r"[ \t\xa0]+[a-z]", text[m.end():m.end() + 2]))


_TITLE_WORDS = frozenset({"times", "telegraph", "mirror", "express", "herald", "post", "independent", "night",
                          "morning", "star", "observer", "sport", "football", "club"})


def _is_title_word(word: str) -> bool:
    return word.lower() in _TITLE_WORDS

# --------------------------------------------------------------------------- referring back
# Expressions that refer to the time mentioned before them ("the same day", "the previous year"):
# (match, expressions found so far, value alone) -> value. KINDS says which kinds refer back.

Referrer = Callable[[re.Match[str], list[Timex], Value], Value]
_FINE_ENOUGH = MappingProxyType({"year": ("year", "month", "day"), "month": ("month", "day"),
                                 "week": ("day",), "day": ("day",)})


def _refer_same_day(m: re.Match[str], found: list[Timex], alone: Value) -> Value:
    """"the same day", "that day": the day mentioned last; in the past tense, the last one not ahead
    of the publication date (`alone`): "The Senate approved a bill the same day" after "the deadline of
    Sept. 30" is not on the deadline."""
    past = alone[0] is not None and _tense(m.string, m.start(), m.end()) == "past"
    day = next((t for t in reversed(found) if t.precision == "day" and t.date_end is None
                and not (past and t.date and t.date > alone[0]) and not _quoted_deictic(m.string, t)), None)
    return alone if day is None or day.date is None else (day.date, None, "day")


def _named_in_sentence(m: re.Match[str], found: list[Timex], precision: str) -> Timex | None:
    """The last time of `precision` (one point, not a range) named before `m` in its sentence."""
    last = next((t for t in reversed(found) if t.precision == precision and t.date_end is None), None)
    return None if last is None or not last.date or _SENTENCE_BREAK.search(m.string, last.end, m.start()) else last


def _refer_day_in_sentence(m: re.Match[str], found: list[Timex], alone: Value) -> Value:
    """"fell on Tuesday for a third straight day": the day named in the same sentence, else the anchor."""
    day = _named_in_sentence(m, found, "day")
    return alone if day is None else (day.date, None, "day")


def _refer_any(m: re.Match[str], found: list[Timex], alone: Value) -> Value:
    """"by that time", "that date": the time mentioned last, at its own precision; "that year", "that
    month": at that precision."""
    unit = m.group(0).split()[-1].lower()
    size = 4 if unit == "year" else 7 if unit == "month" else 0
    ref = next((t for t in reversed(found) if t.date and len(t.date) >= size), None)  # "that month": a month's
    if ref is None or ref.date is None:
        return alone
    if unit in ("year", "month") and ref.date_end is None:  # "that year" after "in April 1998": 1998
        return (ref.date[:size], None, unit) if len(ref.date) >= size else alone
    return ref.date, ref.date_end, ref.precision


def _refer_year_in_sentence(m: re.Match[str], found: list[Timex], alone: Value) -> Value:
    """ "The Dow rose 26 percent in 1995, and ended the year at ...": the year named in the same sentence."""
    year = None if m["new"] else _named_in_sentence(m, found, "year")
    return alone if year is None else (year.date, None, "year")


def _refer_weekday(m: re.Match[str], found: list[Timex], alone: Value) -> Value:
    """ "the following Monday" after "polls close on January 15": the first Monday after that day
    ("the previous Friday": the last one before it)."""
    rel = (m["rel"] or "").lower()
    ref = next((t for t in reversed(found) if t.date and t.precision == "day" and not t.date_end), None)
    if not rel.startswith("the ") or ref is None:
        return alone
    step = "next" if rel == "the following" else "last"
    return _weekday_date(_first_day(ref.date), WEEKDAYS[m["wd"].lower()], "past", step).isoformat(), None, "day"


def _refer_unit(m: re.Match[str], found: list[Timex], alone: Value) -> Value:
    """"the previous year" after "in 2008": 2007; moved from the last time mentioned at least as
    precisely as its unit (the day before "the following day", not a year in between); alone,
    from the anchor."""
    unit, step = _referred(m)
    ref = next((t for t in reversed(found) if t.date and t.precision in _FINE_ENOUGH[unit]), None)
    if ref is None or ref.date is None:
        return alone
    return _unit_value(_first_day(ref.date), unit, step)


def _refer_offset(m: re.Match[str], found: list[Timex], alone: Value) -> Value:
    """"sank two days later" after "exploded on April 20": April 22; "a year earlier" after "in
    March 2010": 2009. Moved from the last time mentioned precisely enough for its unit."""
    n, unit = _offset(m), m["unit"].lower()
    fine = _FINE_ENOUGH.get(unit.rstrip("s"), ("year", "month", "day"))
    ref = next((t for t in reversed(found) if t.date and t.date_end is None and t.precision in fine), None)
    if n is None or ref is None or ref.date is None:
        return alone
    # the time it moves from is in its sentence, or in the one before when it opens its own ("in
    # 1984 ... . One year later he was fired") or counts days or weeks of a story ("had sold his shares
    # five days earlier"); "sales fell from a year earlier" is the anchor's
    # or tells what came next ("was dissolved in June. Morsy tried to reinstate it a month later")
    breaks = len(_SENTENCE_BREAK.findall(m.string, ref.end, m.start()))
    forward = (m["dir"] or m["dir2"] or "").lower() in ("later", "after")
    if breaks > 1 or breaks == 1 and not (_sentence_initial(m.string, m.start()) or unit.startswith(("day", "week", "hour"))
                                          or forward):
        return alone
    return shift(_first_day(ref.date), n, unit) or alone


def _first_day(value: str) -> date:
    """The first day of a YYYY, YYYY-MM or YYYY-MM-DD value."""
    y, mo, d = (value.split("-") + ["01", "01"])[:3]
    return date(int(y), int(mo), int(d))


def _refer_year_back(m: re.Match[str], found: list[Timex], alone: Value) -> Value:
    """"the same month a year ago" after "in January": January of the year before."""
    ref = next((t for t in reversed(found) if t.date), None)
    if ref is None or ref.date is None:
        return alone
    return _year_back(ref.date), _year_back(ref.date_end) if ref.date_end else None, ref.precision


def _year_back(value: str) -> str:
    """The same day, month or year one year earlier (29 February becomes the 28th).

    >>> _year_back("2009-02"), _year_back("2024-02-29"), _year_back("2010")
    ('2008-02', '2023-02-28', '2009')
    """
    year = int(value[:4]) - 1
    if len(value) == 10:
        month, day = int(value[5:7]), int(value[8:10])
        return (_safe_day(year, month, day) or date(year, month, 28)).isoformat()
    return f"{year:04d}{value[4:]}"

# --------------------------------------------------------------------------- the table of kinds


@dataclass(frozen=True, slots=True)
class ExpressionKind:
    """One kind of temporal expression and the functions that keep and resolve its matches."""

    name: str
    resolve: Resolver
    keep: Keeper = _keep_always
    tensed: bool = False  # the value depends on the tense of the words around it
    refer: Referrer | None = None  # in a text, the value depends on the time mentioned before

    @property
    def pattern(self) -> re.Pattern[str]:
        return PATTERNS[self.name]

    @property
    def trigger(self) -> re.Pattern[str]:
        return TRIGGERS[self.name]


# Every kind, its resolver and its context test. The order settles ties between overlapping
# candidates of the same length, and which kind reads an expression given alone to resolve_date.
KINDS: tuple[ExpressionKind, ...] = (
    ExpressionKind("iso", _resolve_iso),
    ExpressionKind("numeric", _resolve_numeric),
    ExpressionKind("holiday", _resolve_holiday, tensed=True),  # before mdy: "the Sept. 11 attacks"
    ExpressionKind("mdy", _resolve_month_day, tensed=True),
    ExpressionKind("dmy", _resolve_month_day, tensed=True),
    ExpressionKind("month", _resolve_month, _keep_month, tensed=True),
    ExpressionKind("year_range", _resolve_year_range, _keep_year_range),
    ExpressionKind("year", _resolve_year, _keep_year),
    ExpressionKind("short_year", _resolve_short_year, _keep_short_year),
    ExpressionKind("decade", _resolve_decade),
    ExpressionKind("quarter", _resolve_quarter, tensed=True),
    ExpressionKind("qyear", _resolve_qyear),
    ExpressionKind("same_period", _resolve_same_period, refer=_refer_year_back),
    ExpressionKind("referred_unit", _resolve_referred_unit, refer=_refer_unit),
    ExpressionKind("relative", _resolve_relative, tensed=True),
    ExpressionKind("the_unit", _resolve_the_unit),
    ExpressionKind("the_year", _resolve_the_year, _keep_the_year, refer=_refer_year_in_sentence),
    ExpressionKind("ordinal_day", _resolve_ordinal_day, _keep_ordinal_day, tensed=True),
    ExpressionKind("weekend", _resolve_weekend, tensed=True),
    ExpressionKind("weekday", _resolve_weekday, _keep_weekday, tensed=True, refer=_refer_weekday),
    ExpressionKind("deictic", _resolve_deictic, _keep_deictic),
    ExpressionKind("overnight", _resolve_overnight, tensed=True),
    ExpressionKind("season", _resolve_season, tensed=True),
    ExpressionKind("anaphor", _resolve_anaphor, _keep_anaphor, refer=_refer_same_day),
    ExpressionKind("streak_day", _resolve_streak_day, _keep_streak_day, refer=_refer_day_in_sentence),
    ExpressionKind("that_time", _resolve_undated, refer=_refer_any),
    ExpressionKind("ago", _resolve_ago),
    ExpressionKind("offset", _resolve_offset, refer=_refer_offset),
    ExpressionKind("duration", _resolve_undated, _keep_duration),
    ExpressionKind("time", _resolve_undated),
)
_KIND = MappingProxyType({k.name: k for k in KINDS})


def _match_expression(expression: str) -> tuple[ExpressionKind, re.Match[str]] | None:
    for kind in KINDS:
        m = kind.pattern.fullmatch(expression)
        if m:
            return kind, m
    return None


@functools.lru_cache(maxsize=8192)
def resolve_date(expression: str, anchor: str | None, tense: str = "past") -> Timex | None:
    """Resolve one temporal expression against the publication date `anchor`.

    `expression` is the expression alone ("last month", "June", "March 3, 2024"); `tense` is
    "past", "future" or "unmarked" (no cue either way) and decides yearless months, days and
    bare weekdays. Returns a Timex whose
    offsets cover the whole expression, with `date` None for durations and times of day (and
    for relative expressions when `anchor` is None), or None when the text is not a temporal
    expression at all.

    >>> resolve_date("Monday", "2025-08-26").date
    '2025-08-25'
    >>> resolve_date("June", "2025-08-26", "future").date
    '2026-06'
    >>> t = resolve_date("2017-2021", None)
    >>> t.date, t.date_end, t.precision
    ('2017', '2021', 'year')
    >>> resolve_date("five hours", "2025-08-26").date is None
    True
    >>> resolve_date("The Sun", "2025-08-26") is None
    True
    """
    expression = expression.strip()
    if not expression:
        return None
    found = _match_expression(expression)
    when = _parse_anchor(anchor)
    if found is None:
        d = _dateparser_day(expression) if re.search(r"\d", expression) else None
        return Timex(expression, 0, len(expression), d.isoformat(), None, "day") if d else None
    kind, m = found
    value, end, precision = kind.resolve(m, when, tense if tense in ("future", "unmarked") else "past")
    if value is None:
        precision = "unknown"
    return Timex(expression, 0, len(expression), value, end, precision)

# --------------------------------------------------------------------------- detection


# Events that are held on a day ("the October 3 election", "the election on September 22"): `_tense`
_EVENT_NOUNS = frozenset({"election", "elections", "vote", "referendum", "poll", "polls", "ballot", "runoff",
                          "parade", "deadline", "inauguration"})
_OF_AN_EVENT = re.compile(r"[ \t]+(?:(?:presidential|general|parliamentary|federal|national|local|state|snap|"
                          r"legislative|municipal|regional)[ \t]+)?(?:" + "|".join(sorted(_EVENT_NOUNS)) + r")\b")
# What is reported on a month that has gone by: "the December report", "its December jobs report"
_REPORTED_PERIOD = re.compile(r"[ \t]+(?:(?:jobs|payrolls|employment|unemployment|inflation|retail|trade|housing|"
                              r"factory|manufacturing|consumer|producer|industrial|sales)[ \t]+)?"
                              r"(?:reports?|data|figures|numbers|payrolls|survey|reading|statistics|sales)\b")


def _tense(text: str, start: int, end: int) -> str:
    """The tense of the cue word closest to the expression in its clause: "past", "future", or
    "unmarked" when there is none. A day of an event named in a clause in the past is unmarked ("has shaken
    up the campaign for the election on September 22", "left to run in the October 3 election"): the day of
    the event, not of the verb; the nearest, looking ahead further than back.

    >>> _tense("The trial is set to begin on Wednesday in London.", 29, 38)
    'future'
    >>> _tense("Apple announced Friday that it will give owners a case.", 16, 22)
    'past'
    """
    verdict = _clause_tense(text, start, end)
    return "unmarked" if verdict == "past" and _day_of_an_event(text, start, end) else verdict


def _day_of_an_event(text: str, start: int, end: int) -> bool:
    """Whether a date (no weekday) is the day of an event named with it: "the October 3 election" (before
    the event noun, `_OF_AN_EVENT`), "the election on September 22", "an election for June 2"."""
    if _WEEKDAY_ONLY.match(text, start):
        return False
    before = _TOKEN.findall(text[max(0, start - 40):start])[-2:]
    return before[-1:] == ["the"] and bool(_OF_AN_EVENT.match(text, end)) or len(before) == 2 \
        and before[1] in ("on", "for") and before[0].lower() in _EVENT_NOUNS


def _clause_tense(text: str, start: int, end: int) -> str:
    """The tense of the cue word closest to the expression in its clause (`_tense`)."""
    if re.match(r"\s+(?:delivery|contracts?|futures|settlement)\b", text[end:end + 12]):
        return "future"  # "crude for January delivery rose": a month ahead
    if _REPORTED_PERIOD.match(text, end):
        return "unmarked"  # "the December jobs report", "will report December sales": the nearest, whatever the verb
    left, right, schedule_verb = _words_around(text, start, end)
    left_open = right_open = True
    owned = text[start:end].endswith(("'s", "’s")) or text[end:end + 2] in ("'s", "’s")  # "Friday's close"
    if owned and left[:1] and left[0].lower() == "by":
        left = left[1:]  # "set off by Saturday's quake": an agent, not a deadline ("by Saturday")
    if not owned and left[:1] and left[0].lower() == "for" and _WEEKDAY_ONLY.match(text, start) \
            and len(left) > 1 and left[1].islower() and not left[1].endswith(("ed", "ing", "en")):
        return "future"  # "called a nationwide strike for Thursday": a day a thing is set for
    if _reduced_relative_past(left, right):
        return "past"
    if left[:1] and left[0].lower() in ("declared", "declares", "declare") and "holiday" in [w.lower() for w in right[:4]]:
        return "future"  # "declared Tuesday a public holiday": a day set apart ahead
    if left[:1] and left[0].lower() == "through" and _NIGHT_OF_DAY.fullmatch(text, start, end) and _past_clause(left, 0):
        return "past"  # "revellers danced on the beach through Sunday night": a night gone by, no bound ahead
    for i in range(24):
        if left_open and i < len(left):
            verdict = _left_verdict(left, i, schedule_verb)
            if verdict == "break":
                left_open = False
            elif verdict:
                return verdict
        if right_open and i < len(right):
            low = right[i].lower()
            if i == 0 and owned:
                pass  # "Friday's close", "Monday's vote was": the noun a day owns is no verb
            elif low in CLAUSE_BREAKS or low == "and" or low == "to" and right[i + 1:i + 2] and right[i + 1].islower() \
                    and right[i + 1] not in _DETERMINERS:
                right_open = False  # "will press it on Sunday to learn what it is made of": a purpose of its own
            elif i == 0 and low in ("is", "are") and not (left and left[0].lower() in _PREPOSITIONS):
                return "future"  # "as Monday is a national holiday", "Friday is the deadline"; not "launched in May is"
            elif not _a_name(right[i], right[i - 1] if i else "."):
                verdict = _cue(low, _word_at(right, i - 1, -1), right[i + 1].lower() if i + 1 < len(right) else "",
                               i < 8)
                if verdict:
                    return verdict
        if not left_open and not right_open:
            break
    if _in_headline(text, start) or _timetable_in_sentence(text, start, end):
        return "future"
    return "unmarked"


def _words_around(text: str, start: int, end: int) -> tuple[list[str], list[str], str | None]:
    """The words before an expression (nearest first), those after it in its phrase, and a verb before it
    that is a timetable."""
    before = _ABBREVIATION_DOT.sub(r"\1", text[max(0, start - 180):start].replace(".,", ","))
    # "will play Sweden, which beat Finland earlier Friday, for the gold on Sunday": a relative clause set off
    # by commas between a day and its verb is no part of their clause
    left = _TOKEN.findall(_RELATIVE_ASIDE.sub(" ", before))
    left.reverse()
    opening = next((k for k, tok in enumerate(left) if tok in CLAUSE_BREAKS), len(left))
    # the expression opens its clause ("that on Monday, ..."), not "which matures on Friday, was rescued"
    fronted = opening <= 2 and all(tok.lower() in _FRONT_WORDS for tok in left[:opening])
    after = text[end:end + 60]
    if not fronted:  # "idled for a review in March, will not restart": the comma ends its phrase
        after = after.split(",", 1)[0]
    right = _TOKEN.findall(_ABBREVIATION_DOT.sub(r"\1", after))
    # a verb in the third person present is a timetable after "he"/"she" ("she swims on Saturday"), a
    # relative pronoun ("Merkel, who faces an election in September", "whose term ends in July") or a
    # relative clause on its subject ("Chen, who has served two terms, steps down on May 20")
    present = _PRESENT_AFTER_SUBJECT.search(text, max(0, start - 160), start)
    schedule_verb = present.group(1) if present and present.group(1) not in PAST_CUES | {"does"} else None
    return left, right, schedule_verb


def _reduced_relative_past(left: list[str], right: list[str]) -> bool:
    """ "a judicial panel inaugurated on Monday would begin hearings": a day that dates a past participle
    on a noun (a reduced relative clause, its noun before it) before the main verb, ahead or not, comes
    after; not a participle of a plan (FUTURE_CUES: "scheduled", "planned", "expected")."""
    return (len(left) >= 3 and left[0].lower() in _PREPOSITIONS and re.fullmatch(r"[a-z]+ed", left[1]) is not None
            and left[1] not in FUTURE_CUES and left[2][:1].islower() and left[2].lower() not in _AUXILIARIES
            and bool(right) and right[0].lower() in _MODALS - {"to"})


def _left_verdict(left: list[str], i: int, schedule_verb: str | None) -> str | None:
    """The tense the i-th word before an expression signals, None for none, "break" at a clause break."""
    tok = left[i]
    low = tok.lower()
    if low == "when" and i >= 2 and left[i - 1].lower() in ("it", "he", "she") \
            and re.fullmatch(_PRESENT_3SG, left[i - 2]) and left[i - 2] not in PAST_CUES | NOT_TIMETABLE:
        return "future"  # "when it reaches New England late Sunday": a present in a "when" clause looks ahead
    if low in CLAUSE_BREAKS:
        return "break"
    if i == 0 and low == "ending":
        return "future"  # "the 12 months ending March 31": a period running to its end ahead
    if low in ("starting", "beginning") and (i == 0 or i == 1 and left[0].lower() == "on"):
        return "future"  # "declared three days of mourning starting on Wednesday": a period set to begin
    if low in ("until", "till", "before", "by", "through") and all(w.lower() in _BOUND_FILLERS for w in left[:i]) \
            and _bound_ahead(left, i):
        return "future"  # a bound ahead: "ending before Christmas", "by August", "before the Nov. 6 vote"
    if low in SCHEDULED_AFTER_NAME and i + 1 < len(left) and left[i + 1][:1].isupper() or low == schedule_verb:
        return "future"
    if low in ("set", "scheduled") and 1 < i <= 4 and left[i - 1].lower() not in ("for", "to") \
            and "for" in [w.lower() for w in left[:i]]:
        return "future"  # "set sentencing for March 28": what is set, for a time ahead
    if low in ("invited", "invites", "invite") and i <= 12 and "to" in [w.lower() for w in left[:i]]:
        return "future"  # "has invited the French president to Berlin on Monday": the visit, ahead
    if low in ("is", "are") and (i == 0 or i == 1 and left[0].lower() in ("on", "in")
                                 or "if" in [w.lower() for w in left[i + 1:i + 3]]):
        return "future"  # "the women's final is on Saturday", "Election Day is Nov. 6", "if there is no verdict on Thursday"
    if _a_name(tok, left[i + 1] if i + 1 < len(left) else "."):
        return None  # "at the US Open in September", "in May and June": names are no tense
    if low == "open" and any(w.lower() in _MAKING_OPEN for w in left[i + 1:i + 5]):
        return None  # "declared the Games open on Wednesday night", "gates forced open on Tuesday": no verb
    verdict = _cue(low, _word_at(left, i + 1, 1), left[i - 1].lower() if i else "", i < 8)
    if verdict == "past" and low.endswith("ed") and any(w.lower() in _MODALS for w in left[i + 2:i + 4]):
        return None  # "will visit damaged areas on Wednesday": a participle inside a verb phrase ahead
    if verdict == "past" and low.endswith("ed") and _word_at(left, i + 1, 1).lower() in _ORDINALS \
            and _word_at(left, i + 2, 1).lower() in ("the", "a", "an"):
        return None  # "to release the first detailed results on Thursday": an adjective
    if verdict == "future" and [w.lower() for w in left[i + 1:i + 4]][1:3] == ["been", "had"]:
        return "past"  # "had been due to fly to Boston on Monday": a plan of a time now past
    if verdict == "past" and _word_at(left, i + 1, 1).lower() == "have" and _word_at(left, i + 2, 1).lower() in (
            "will", "shall", "'ll"):
        return "future"  # "will have left by Friday": done by a time ahead
    return verdict


# verbs that make a thing open ("declared the Games open", "forced open"): "open" after them is no verb
_MAKING_OPEN = frozenset({"declared", "declare", "declares", "forced", "force", "thrown", "threw", "throw", "flung",
                          "pried", "prised", "broke", "broken", "burst", "kept", "keep", "keeps", "held", "left"})
_RELATIVE_ASIDE = re.compile(r",\s+(?:which|who|whose|whom|where)\b(?:[^,.;:!?\"“”]|,(?=\d))*,(?=\s)")  # not "5,000"
_STAYING = frozenset({"remain", "remains", "stay", "stays", "be", "been", "being", "keep", "keeps"})  # `_past_clause`


def _past_clause(left: list[str], i: int) -> bool:
    """Whether the verb of the clause before the i-th word is in the past: "revellers danced on the beach
    through Sunday night"; not "would remain closed through Monday night" (a participle after a modal or
    a verb of staying)."""
    for k in range(i + 1, min(i + 10, len(left))):
        word = left[k].lower()
        if word in CLAUSE_BREAKS or word in _MODALS:
            return False
        cue = _cue(word, _word_at(left, k + 1, 1), left[k - 1].lower(), True)
        if cue == "past":
            return not any(w.lower() in _MODALS | _STAYING for w in left[k + 1:k + 3])
        if cue is not None:
            return False
    return False


def _bound_ahead(left: list[str], i: int) -> bool:
    """Whether "until", "before", "by" or "through", the i-th word before an expression, bounds a
    time ahead; not "was not identified as Ebola until March" (when it first was), "the 12 months
    through October", "damaged by Friday's quake" (an agent), "signed just before midnight" (a moment)."""
    low = left[i].lower()
    prior = left[i + 1].lower() if i + 1 < len(left) else ""  # the word before it
    if low == "through":
        return _cue(prior, "", "", True) != "past" and prior not in _SPAN_NOUNS
    if low in ("until", "till"):
        return not any(w.lower() in ("not", "never") or w.lower().endswith("n't") for w in left[i + 1:i + 10])
    if low == "by":
        if not prior or prior in CLAUSE_BREAKS or prior == "and":
            # "By Saturday evening, sheriffs had warned residents", "landed at 6:25 a.m., and by Monday evening
            # thousands had waited": its clause's tense says
            return False
        # the verb before it: "damaged by Friday's quake" (right before), "cleared the building by
        # Wednesday evening" (its object between, no preposition, no modal before the verb): a past bound
        verb = next((k for k in range(i + 1, min(i + 7, len(left))) if _verb_like(left, k)), None)
        if verb is None:
            return True
        if verb == i + 1:
            return _cue(prior, _word_at(left, i + 2, 1), low, True) != "past"
        direct = not any(w.lower() in _PREPOSITIONS for w in left[i + 1:verb]) and (
            verb + 1 >= len(left) or left[verb + 1].lower() not in _MODALS)
        return not (direct and _cue(left[verb].lower(), _word_at(left, verb + 1, 1), "", True) == "past")
    # "signed just before midnight" (a moment); "promised before Thursday's referendum" (a bound then past)
    return not (low == "before" and (prior in ("just", "shortly", "right")
                                     or prior.endswith("ed") and _cue(prior, "", "", True) == "past"))


# what follows "to" as a preposition, the numbers before them left out of the words ("fell to 8.6 percent")
_NOT_INFINITIVE = frozenset({"percent", "per", "cent", "cents", "points", "million", "billion", "trillion", "them",
                             "him", "her", "us", "me", "about", "around", "more", "less", "power", "office", "court"})


def _verb_like(left: list[str], k: int) -> bool:
    """Whether the k-th word before an expression is a modal, a clause break or a word with a tense; not
    "to" as a preposition ("fell to 8.6 percent by Monday"), nor a word after a determiner ("reach the
    last sealed galleries by Saturday")."""
    low = left[k].lower()
    after, before = _word_at(left, k - 1, -1), _word_at(left, k + 1, 1)
    if low == "to":  # an infinitive's "to" ("ordered WorldCom to file by Monday"), not a preposition's
        # the word after it as written is lower-case: no number ("fell to 8.6 percent") nor name ("home to Dover")
        written = left[k - 1] if k >= 1 else ""
        return written[:1].islower() and after not in _DETERMINERS and after not in _NOT_INFINITIVE
    if low in _MODALS or left[k] in CLAUSE_BREAKS:
        return True
    return bool(_cue(low, before, "", True)) and before not in _BEFORE_ADJECTIVE


_MODALS = frozenset({"will", "would", "'ll", "shall", "can", "could", "may", "might", "must", "to"})
# words before a participle that make it a verb of its own clause, not a reduced relative ("was inaugurated")
_AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "not", "to"})
_PREPOSITIONS = frozenset({"in", "on", "at", "since", "by", "during", "until", "through", "from", "before", "after"})
_DETERMINERS = frozenset({"the", "a", "an", "their", "its", "his", "her", "our", "this", "that"})
_ORDINALS = frozenset({"first", "second", "third", "latest"})
_BEFORE_ADJECTIVE = _DETERMINERS | _ORDINALS | {"last", "next"}  # "the last sealed galleries": "sealed" no verb


def _timetable_in_sentence(text: str, start: int, end: int) -> bool:
    """With no cue near it, a day in a sentence whose verb is a third-person present after a pronoun or a
    company is on a timetable ("FedEx Corp. reports results for its quarter on Wednesday", "Friday, he
    visits the Church of the Nativity"); after other names the word may be a plural ("Boeing shares fell").
    Not in a clause reported with "that" ("has told supporters that she wants reconciliation, after her
    release on Saturday"): that present is what is said now, no timetable."""
    left = _SENTENCE_END.split(text[max(0, start - 160):start])[-1]
    right = _SENTENCE_END.split(text[end:end + 160])[0]
    both = left + " " + right
    return any(m.group(1) not in PAST_CUES and m.group(1) not in NOT_TIMETABLE
               and not both[:m.start()].rstrip().endswith(" that") for m in _TIMETABLE.finditer(both))


def _a_name(tok: str, before: str) -> bool:
    """A capitalised word that does not open its sentence: a name or a month ("the US Open", "May")."""
    return tok[:1].isupper() and tok != "I" and before not in CLAUSE_BREAKS


def _in_headline(text: str, start: int) -> bool:
    """Whether `start` is in a headline: a first line of its own that ends with no full stop. A day a
    headline names with no tense is ahead ("Champions head home for Berlin party Tuesday", "Dallas to
    spray from the air starting Thursday"); what is done is told in the present without a day."""
    line_end = text.find("\n")
    return 0 <= start < line_end and not text[:line_end].rstrip().endswith((".", "\"", "”")) \
        and text[line_end:line_end + 2] == "\n\n"


def _word_at(words: list[str], k: int, step: int) -> str:
    """words[k] lower-cased, past any "-ly" adverb in the direction `step` ("is officially reported":
    "is"); "" off the list."""
    while 0 <= k < len(words) and words[k].lower().endswith("ly") and len(words[k]) > 4:
        k += step
    return words[k].lower() if 0 <= k < len(words) else ""


def _cue(word: str, before: str, after: str, near: bool = True) -> str | None:
    """The tense a word signals given its neighbours, or None; beyond the nearest words (not `near`)
    only FAR_CUES count."""
    if word == "to" and before == "had":
        return "past"  # "had to be torn down in February": an obligation of the past
    if word == "to" and (before in FUTURE_BEFORE_TO or after == "be"):  # "a debate to be held on Monday"
        return "future"
    if word.endswith("'ll") or word.endswith("'d") and after in ("rather", "like", "love", "prefer"):
        return "future"  # "they'll have to cut again in October", "I'd rather do this than fight the crowds on Saturday"
    if word in ("earlier", "later") and after == "than":  # "no earlier than the April meeting"
        return None
    if word == "ahead" and after == "of":  # "ahead of Thursday's vote"
        return "future"
    if word == "for" and before in ("called", "calls", "call", "calling"):  # "called for protests on Friday"
        return "future"
    if word == "set" and after == "for":  # "was originally set for May 25", as "scheduled for"
        return "future"
    if word == "set" and after in ("up", "out", "off") and before not in _MODALS:
        return "past"  # "a swap line set up in April": a participle of the past
    if word == "forecast" and before in ("it", "he", "she"):
        return "past"  # "up from the $2.55 it forecast in July": the verb in the past (the present is "forecasts")
    if word in FUTURE_BEFORE_TO and after == "to":
        return "future"
    if word in ("planned", "expected", "scheduled", "proposed") and before in _DETERMINERS:
        return None  # "walking away from their planned merger on Wednesday": an adjective, no tense
    if word in FUTURE_CUES:
        if word == "may" and before == "":
            return "future"
        if word == "must" and after == "have":
            return "past"
        if word in ("planned", "expected") and before in ("was", "were", "had", "has", "have") or before == "been":
            # "had been scheduled for Tuesday", "A rerun had been pencilled in for November": planned
            # then, for a time that may be past or ahead now: the nearest
            return "unmarked"
        return "future"
    if word in SCHEDULED_PRESENT and before not in ("not", "did", "didn't", "never", "the", "a", "an", "to") \
            and after != "of":
        return "future"
    if word in ("has", "have", "had"):
        return "past" if word == "had" or (after != "been" and after.endswith(("ed", "en"))) else None
    if word == "last" and before in _MODALS | {"should"}:
        return "future"  # "measures that should last until early March": the verb, ahead
    if word in PAST_CUES:
        return None if before in ("be", "been", "being", "to") else "past"
    if not near and word not in FAR_CUES:
        return None
    if word.endswith("ing") and before in ("is", "are", "'re") and len(word) > 5:
        # "retailers are bracing for a surge of orders on Monday": a present progressive looks ahead (not "am",
        # which is also "a.m.": "recorded by 6 a.m., including one at 5:42 p.m. Tuesday")
        return "future"
    if near and word.endswith(("ed", "en")) and len(word) > 4 and before in ("is", "are") and word not in NOT_PAST_ED:
        return "future"  # "the semifinals are played Thursday", "the vote is held on Sunday": a timetable
    if word.endswith("ed") and len(word) > 4 and word not in NOT_PAST_ED \
            and before not in ("be", "been", "being", "is", "are", "to", "get", "gets", "the", "a", "an", "remain",
                               "remains", "stay", "stays", "become", "becomes"):
        return "past"
    return None


def find_dates(text: str, anchor: str | None,
               timetable: Callable[[str, int, int], bool] | None = None) -> list[Timex]:
    """Find every temporal expression of `text`, resolved against the publication date.

    `anchor` is the publication date (YYYY-MM-DD) or None, in which case only absolute
    expressions ("March 3, 2024", "in 1994") get a date. The result is in text order and
    `text[t.start:t.end] == t.text` for every Timex `t`. `timetable(text, start, end)`, if
    given, tells from a parse whether an expression's verb is in the present tense
    (`syntax.present_timetable`): a weekday no word tells the tense of is then ahead.

    >>> [(t.text, t.date) for t in find_dates("He said Monday that talks began in June.", "2025-08-26")]
    [('Monday', '2025-08-25'), ('June', '2025-06')]
    >>> [(t.text, t.date) for t in find_dates("Sales rose in June from the same month a year ago.", "2025-08-26")]
    [('June', '2025-06'), ('the same month a year ago', '2024-06')]
    """
    when = _parse_anchor(anchor)  # fails early on a malformed anchor
    found = _find_dates(text, when, timetable)
    written = _dateline_day(text, found, when)
    if written is not None and when is not None and (when - date.fromisoformat(written)).days == 1:
        # "BALTIMORE, Sept. 6 --" in a paper of Sept. 7: the story's today and tonight are the day its
        # dateline gives
        told = {(n.start, n.end): n for n in _find_dates(text, date.fromisoformat(written), timetable)}
        return [told.get((t.start, t.end), t) if PATTERNS["deictic"].fullmatch(t.text) else t for t in found]
    return found


def _find_dates(text: str, when: date | None, timetable: Callable[[str, int, int], bool] | None) -> list[Timex]:
    """`find_dates` against the day `when`."""
    anchor = when.isoformat() if when is not None else None
    taken = _matches(text)
    found = []
    for start, end, kind, m in taken:
        tense = _tense(text, start, end) if _KIND[kind].tensed else "past"
        if tense == "unmarked" and kind == "weekday" and timetable is not None and timetable(text, start, end):
            tense = "future"  # "The Spanish squad fly home on Monday"
        if kind == "weekday" and tense != "future" and when is not None and not m["rel"] \
                and _previous_word(text, start).lower() == "for":
            tense = _nearer(when, WEEKDAYS[m["wd"].lower()])  # "called a general strike for Tuesday": the day set
        # a look-around that saw the context ("the Sept. 11 attacks") resolves the match itself
        value, date_end, precision = (_resolve_match(kind, m.group(0), when, tense)
                                      or _KIND[kind].resolve(m, when, tense))
        if kind == "month" and m.group("relyear"):
            found += _month_of_year_phrase(m, found, (value, date_end, precision), anchor)
            continue
        refer = _KIND[kind].refer
        if refer is not None:
            value, date_end, precision = refer(m, found, (value, date_end, precision))
        if value and kind in ("weekday", "mdy", "dmy") and not (m.groupdict().get("year") or m.groupdict().get("rel")):
            value = _next_in_sequence(text, found, start, value)
        if value and kind in ("mdy", "dmy", "month") and not m["year"] \
                and (kind != "month" or (m["mod"] or "").lower() not in _RELATIVE_MODS):
            value = _in_told_year(text, found, start, value, tense)
        if value and when is not None and kind in ("mdy", "dmy", "holiday") and precision == "day" \
                and not m.groupdict().get("year") and (year_after := _YEAR_AFTER.match(text, end)) is not None:
            # "March 31 this year", "Valentine's Day last year"
            day = _safe_day(_relyear(when, year_after["rel"].lower()), int(value[5:7]), int(value[8:10]))
            value = day.isoformat() if day else value
        found.append(Timex(m.group(0), start, end, value, date_end, precision if value else "unknown"))
    found = _quoted_deictics(text, _range_ends(text, when, _given_holidays(text, _national_days(text, _listed_days(text, found),
                                                                                          when))), when)
    return _date_clock_times(text, found, when)


_QUOTE_MARKS = '"\u201c\u201d'
# Titles whose dot ends no sentence; not "a.m." and "p.m.", which often do ("landed at about 3 p.m. He then
# told ..."), nor a month (dates._ABBREVIATION_DOT, for reading a clause's tense, takes all of them)
_TITLE_ABBREVIATIONS = frozenset({"Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt", "St", "Jr",
                                  "Sr", "Prof", "Rev", "Sgt", "U.S", "U.N", "U.K"})
# The dot of an initial or a title in a speaker's name, which ends no sentence ("Dr. Lennard A. Fisk")
_NAME_DOT = "(?:" + "|".join([r"(?<=\b[A-Z])", *(rf"(?<=\b{re.escape(t)})" for t in sorted(_TITLE_ABBREVIATIONS))]) + r")\."
_SAYING = r"said|says|told|added|wrote|promised|vowed|declared|insisted|predicted|pledged"
# The attribution after a quote's closing mark ('", she said on Friday', '", Lula told tens of thousands of
# supporters on Sao Paulo's Avenida Paulista late Sunday'), up to a relative clause on the speaker ('", said
# Biden, who hands over to Trump on Monday'); a saying before its opening mark in its sentence ('Speaking on
# Friday, he said: "')
_ATTRIBUTION = re.compile(rf"(?:[^.!?\n\"\u201c\u201d]|{_NAME_DOT}){{0,80}}?\b(?:{_SAYING})\b(?:(?!,\s*(?:who|which|whose)\b)[^.!?\n\"\u201c\u201d]){{0,100}}")
_SAID_BEFORE = re.compile(rf"\b(?:{_SAYING}|[Ss]peaking)\b")
_SAID_BY_PRONOUN = re.compile(rf"[,\s]*(?:he|she)\s+(?:{_SAYING})\b")  # '," he said'
# a sentence that sets a speaker's words: "At a news conference here Sunday night, ...", "said on Friday"
_SPEECH_SETTING = re.compile(rf"\b(?:{_SAYING}|conference|rally|speech|message|interview|address|briefing|statement"
                             r"|he|she)\b")


def _sets_a_speaker(sentence: str) -> bool:
    """Whether a sentence tells of a speaker: a saying or a speech, "he" or "she", or a name ("De Klerk
    conceded defeat on May 2", "Bolsonaro won 46 percent on October 7"); not "On Wednesday the storm hit"."""
    words = re.findall(r"\b[A-Z][a-z]+", sentence)
    first = sentence.lstrip("\"\u201c ").split(" ", 1)[0]
    names = [w for k, w in enumerate(words) if w.lower() not in WEEKDAYS and w.lower() not in MONTHS
             and (k or w == first and w.lower() not in _OPENING_WORDS)]
    return bool(names or _SPEECH_SETTING.search(sentence))


# Capitalised words that open a sentence without naming anyone
_OPENING_WORDS = _PREPOSITIONS | _DETERMINERS | frozenset({
    "it", "there", "when", "while", "as", "last", "earlier", "later", "but", "and", "for", "with", "then", "meanwhile",
    "also", "some", "many", "most"})


def _sentence_start(text: str, lo: int, hi: int) -> int:
    """Where the sentence that `hi` ends in starts, at or after `lo`: after the last ". ", "? " or "! "
    before `hi` that does not follow an initial or a title ("Steven A. Ballmer", "Mr. Putin")."""
    for m in reversed(list(re.finditer(r"[.?!]\s", text[lo:hi]))):
        k = lo + m.start()
        word = text[max(lo, text.rfind(" ", lo, k) + 1):k]
        if text[k] == "." and (re.fullmatch(r"[A-Z]", word) or word in _TITLE_ABBREVIATIONS):
            continue
        return k + 2
    return lo



def _quoted_deictic(text: str, t: Timex) -> bool:
    """A today, yesterday or tomorrow inside a quote: the speaker's day, no day the story tells ('"Today
    the people showed that they want change," he said that evening': that evening is not today)."""
    line_start = text.rfind("\n", 0, t.start) + 1
    return bool(PATTERNS["deictic"].fullmatch(t.text)) and sum(
        text.count(q, line_start, t.start) for q in _QUOTE_MARKS) % 2 == 1


def _quoted_deictics(text: str, found: list[Timex], anchor: date | None = None) -> list[Timex]:
    """ "Yesterday the water was at my back step," Kettering said on Friday: a today, yesterday or
    tomorrow inside a quote counts from the day its attribution tells the words were said (a day of
    its own, next to the quote in its sentence), not from the publication date.

    >>> [(t.text, t.date) for t in find_dates('"Today it is in the kitchen," she said on Friday.', "2008-06-14")]
    [('Today', '2008-06-13'), ('Friday', '2008-06-13')]
    """
    out = list(found)
    for k, t in enumerate(out):
        if not t.date or not PATTERNS["deictic"].fullmatch(t.text):
            continue
        shift = DEICTIC_DAYS.get(" ".join(t.text.lower().split()), 0)
        line_start = text.rfind("\n", 0, t.start) + 1
        if not _quoted_deictic(text, t):
            continue
        close = min((i for q in _QUOTE_MARKS if (i := text.find(q, t.end)) >= 0), default=-1)
        opening = max(text.rfind(q, line_start, t.start) for q in _QUOTE_MARKS)
        lead = _sentence_start(text, line_start, opening)
        windows = [(m.start(), m.end()) for m in [_ATTRIBUTION.match(text, close + 1)] if close >= 0 and m]
        windows += [(lead, opening)] if _SAID_BEFORE.search(text, lead, opening) else []
        # a day of its own: "said on Friday", "told reporters Friday"; not "said Ahmed Maher of the April 6 movement"
        day = _day_within(text, out, windows)
        if day is None and close >= 0 and not text[lead:opening].strip() and lead > line_start:
            # a quote that opens its sentence and a speaker told just before ("he said", or named there:
            # "Mr Putin said"), in a setting that sentence dates ("At his final rally, on Thursday, he made a
            # direct appeal. "Tonight I want to speak," he said.")
            before = _sentence_start(text, line_start, lead - 2)
            told = _SAID_BY_PRONOUN.match(text, close + 1) or (m := _ATTRIBUTION.match(text, close + 1)) and any(
                name in text[before:lead] for name in re.findall(r"\b[A-Z][a-z]{2,}", m.group(0)))
            day = _day_within(text, out, [(before, lead)]) if told and _sets_a_speaker(text[before:lead]) else None
            if not told and (said := _quote_goes_on(text, close, before, lead)) is not None:
                day = _day_within(text, out, [said])
        if day is None:
            day = _last_night_quote(text, out, opening, close, anchor)
        if day is not None:
            spoken = date.fromisoformat(day) + timedelta(days=shift)
            out[k] = replace(t, date=spoken.isoformat())
    return out


def _last_night_quote(text: str, found: list[Timex], opening: int, close: int, anchor: date | None) -> str | None:
    """ "Tonight I stand here overwhelmed," in a story of a night the text last told as the one before
    publication ("Ripken played his 2,131st game last night"): words said that night, so its today and
    tonight are that day and its tomorrow the publication date."""
    if anchor is None or close < 0 or not re.search(r"\btonight\b", text[opening:close], re.IGNORECASE):
        return None
    before = next((k for k, t in enumerate(found) if t.start >= opening), len(found))
    told = _last_day_told(found, before)
    night_before = (anchor - timedelta(days=1)).isoformat()
    return night_before if told == night_before else None


def _quote_goes_on(text: str, close: int, before: int, lead: int) -> tuple[int, int] | None:
    """Where the sentence before a quote with no attribution of its own attributes the quote it ends
    with: the same speaker goes on ('"We waited a year," said Juanita Barnes outside a burning shopping
    center last night. "Tonight nobody here is going home."'); None if it does not."""
    rest = text[close + 1:close + 3]
    if rest.strip() and not rest.lstrip().startswith("\n"):
        return None
    marks = [i for i in range(before, lead) if text[i] in _QUOTE_MARKS]
    said = _ATTRIBUTION.match(text, marks[-1] + 1) if len(marks) >= 2 else None
    return (said.start(), said.end()) if said else None


def _day_within(text: str, found: list[Timex], windows: list[tuple[int, int]]) -> str | None:
    """The last day of its own in these stretches of text: "said on Friday", "told reporters Friday",
    "told reporters in Zurich yesterday afternoon", "At about 5pm local time" (of a day told); not "said
    Ahmed Maher of the April 6 movement"."""
    return next((n.date for n in reversed(found) if any(a <= n.start < b for a, b in windows)
                 and n.precision == "day" and n.date and n.date_end is None
                 and (_WEEKDAY_ONLY.match(n.text) or text[:n.start].endswith(("on ", "On "))
                      or PATTERNS["deictic"].match(n.text) or _CLOCK.fullmatch(n.text))), None)


_WEEKDAY_ONLY = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", re.IGNORECASE)
_NIGHT_OF_DAY = re.compile(rf"{_WEEKDAY_ONLY.pattern}\s+(?:night|evening)", re.IGNORECASE)  # `_tense`
_RANGE_TO = re.compile(r"\s*(?:to|until|till|through|-|–)\s*", re.IGNORECASE)


def _range_ends(text: str, when: date | None, found: list[Timex]) -> list[Timex]:
    """A bare weekday at one end of a range ("from Friday to May 5", "from 9 p.m. Sunday to 6 a.m.
    Monday") is the one nearest the other end on its side: the first after the start; the last
    before the end, unless the one it names alone is ahead and before the end ("will be on display from
    Friday until Oct. 11", a month ahead).

    >>> [(t.text, t.date) for t in find_dates("Offices close from Friday to May 5.", "2009-04-29")]
    [('Friday', '2009-05-01'), ('May 5', '2009-05-05')]
    """
    out = list(found)
    days = [k for k, t in enumerate(out) if _one_day(t) and not _CLOCK.fullmatch(t.text)]
    for i, j in zip(days, days[1:]):
        first, last = out[i], out[j]
        between = "".join(text[a.end:b.start] for a, b in zip(out[i:j], out[i + 1:j + 1]))  # past clocks
        if not _RANGE_TO.fullmatch(between) or not re.search(r"\bfrom\b", text[max(0, first.start - 16):first.start]):
            continue
        start, end = date.fromisoformat(first.date), date.fromisoformat(last.date)
        if _WEEKDAY_ONLY.fullmatch(last.text):
            end = start + timedelta(days=(end.weekday() - start.weekday()) % 7 or 7)
            out[j] = Timex(last.text, last.start, last.end, end.isoformat(), None, "day")
        elif _WEEKDAY_ONLY.fullmatch(first.text) and not (when is not None and when <= start <= end):
            # "on display from Friday until Oct. 11": the Friday ahead, if before the end
            start = end - timedelta(days=(end.weekday() - start.weekday()) % 7)
            out[i] = Timex(first.text, first.start, first.end, start.isoformat(), None, "day")
    return out


# "Passover, which begins April 22", "Eid al-Fitr, which this year falls on Friday"
_GIVEN_DAY = re.compile(r",?\s+which\s+(?:this\s+year\s+)?(?:falls|begins|starts|is)\s+(?:on\s+)?", re.IGNORECASE)


_APPOSED_HOLIDAY = re.compile(r",\s+(?:[\w .-]{1,30}?'s\s+)?")  # ", " or ", Afghanistan's "


NATIONAL_DAYS = frozenset({"independence day", "national day", "republic day", "victory day", "constitution day",
                           "liberation day", "unification day"})


def _national_days(text: str, found: list[Timex], anchor: date | None) -> list[Timex]:
    """A state's own day ("India's Independence Day", "National Day" in a story about China) is the one
    of the country named just before it, else of the country the text names most, in the public holidays
    of the `holidays` package; the United States' Independence Day, or none, with no other country.

    >>> [(t.text, t.date) for t in find_dates("India marked Independence Day on a rainy morning.", "2023-08-24")]
    [('Independence Day', '2023-08-15')]
    """
    out = list(found)
    for k, t in enumerate(out):
        if t.text.lower() not in NATIONAL_DAYS or anchor is None:
            continue
        country = _country_before(text, t.start) or _country_named_most(text)
        if country is None or country == "USA":
            continue
        days = [d for y in range(anchor.year - 1, anchor.year + 2) if (d := _calendar_holiday(country, t.text, y))]
        if any(d <= anchor for d in days) and any(d >= anchor for d in days):
            day = _occurrence(days, anchor, _tense(text, t.start, t.end))
            out[k] = replace(t, date=day.isoformat(), date_end=None, precision="day")
    return out


def _country_before(text: str, start: int) -> str | None:
    """The country of the name or demonym just before a holiday: "India's Independence Day"."""
    m = re.search(r"([A-Z][\w.]*(?: [A-Z][\w.]*)?)(?:'s|’s)?\s+$", text[max(0, start - 40):start])
    return _country_of(m.group(1)) if m else None


def _country_named_most(text: str) -> str | None:
    """The country the text names most (by name, capital or demonym in the lexicon), if any: in each run
    of capitalised words, the longest names first ("the United States", "Indian")."""
    counts: Counter[str] = Counter()
    for run in re.finditer(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*", text):
        words, i = run.group(0).split(), 0
        while i < len(words):
            n, code = next(((n, code) for n in (3, 2, 1) if (code := _country_of(" ".join(words[i:i + n])))),
                           (1, None))
            counts.update([code] if code else [])
            i += n
    return counts.most_common(1)[0][0] if counts else None


def _country_of(words: str) -> str | None:
    """The code of the country a name, capital or demonym names (the lexicon), else None."""
    lexicon = load_lexicon()
    actor = lexicon.lookup(words) or lexicon.lookup_demonym(words)
    return actor.country if actor is not None and actor.kind == "country" else None


def _given_holidays(text: str, found: list[Timex]) -> list[Timex]:
    """A holiday takes the day the text gives it ("Passover, which begins April 22", "by 25 January,
    Burns Night"): where its first evening counts, or the moon is sighted, the text knows better
    than a calendar."""
    out = list(found)
    for k in range(len(out) - 1):
        first, second = out[k], out[k + 1]
        if first.text.lower() in HOLIDAYS and _one_day(second) and _GIVEN_DAY.fullmatch(text, first.end, second.start):
            out[k] = replace(first, date=second.date, date_end=None, precision="day")
        elif second.text.lower() in HOLIDAYS and first.text.lower() not in HOLIDAYS and _one_day(first) \
                and _APPOSED_HOLIDAY.fullmatch(text, first.end, second.start):
            # "25 January, Burns Night", "on Thursday, Afghanistan's Independence Day"
            out[k + 1] = replace(second, date=first.date, date_end=None, precision="day")
    return out


_DAY_RANGE = re.compile(r"(?P<first>.*?\d{1,2})\s*[-–]\s*(?P<last>\d{1,2}\b.*)", re.S)


def range_parts(t: Timex) -> list[Timex]:
    """A range of days as TimeML writes it, two expressions ("Jan. 26-27": "Jan. 26" and "27"; "9-11 March":
    "9" and "11 March"); any other expression as it is.

    >>> [(p.text, p.date) for p in range_parts(Timex("Jan. 26-27", 5, 15, "2016-01-26", "2016-01-27", "day"))]
    [('Jan. 26', '2016-01-26'), ('27', '2016-01-27')]
    """
    m = _DAY_RANGE.fullmatch(t.text)
    if m is None or t.precision != "day" or not t.date_end or not t.date:
        return [t]
    first, last = m.span("first"), m.span("last")
    return [Timex(m["first"], t.start + first[0], t.start + first[1], t.date, None, "day"),
            Timex(m["last"], t.start + last[0], t.start + last[1], t.date_end, None, "day")]


def _matches(text: str) -> list[tuple[int, int, str, re.Match[str]]]:
    """The longest matches of every kind that keeps them, without overlap, in text order."""
    candidates: list[tuple[int, int, int, str, re.Match[str]]] = []
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lower-cased
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    windows: dict[re.Pattern[str], list[tuple[int, int]]] = {}
    for priority, kind in enumerate(KINDS):
        if kind.trigger not in windows:
            windows[kind.trigger] = _windows(kind.trigger, low)
        for lo, hi in windows[kind.trigger]:
            for m in kind.pattern.finditer(text, lo, hi):
                if m.end() > m.start() and kind.keep(m, text):
                    candidates.append((m.start(), m.end(), priority, kind.name, m))
    candidates.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    taken: list[tuple[int, int, str, re.Match[str]]] = []
    for start, end, _, kind, m in candidates:
        if all(end <= s or start >= e for s, e, _, _ in taken):
            taken.append((start, end, kind, m))
    return sorted(taken, key=lambda c: c[0])


def _month_of_year_phrase(m: re.Match[str], found: list[Timex], alone: Value, anchor: str | None) -> list[Timex]:
    """ "October of next year": the month takes the whole value, "next year" its own; "August of that
    year", "March of the following year": the year is the one mentioned last's."""
    text, start, end = m.string, m.start(), m.end()
    value, date_end, precision = alone
    rel_start = m.start("relyear")
    ref = next((t for t in reversed(found) if t.date), None)
    told = m["relyear"].lower() in ("that", "the following", "the previous") and ref is not None
    rel = Timex(text[rel_start:end], rel_start, end, f"{int(ref.date[:4]) + _RELYEAR_STEP[m['relyear'].lower()]:04d}",
                None, "year") if told else resolve_date(text[rel_start:end], anchor)
    if told and rel.date:
        value = f"{rel.date}-{MONTHS[m['month'].rstrip('.').lower()]:02d}"
    out = [Timex(text[start:m.end("month")], start, m.end("month"), value, date_end, precision if value else "unknown")]
    day = re.search(r"\b([1-3]?\d)[ \t]+$", text[max(0, start - 4):start])
    on = _safe_day(int(rel.date[:4]), MONTHS[m["month"].rstrip(".").lower()], int(day.group(1))) \
        if day is not None and rel is not None and rel.date else None
    if on is not None:  # "on 24 September next year": the day of that month
        first = start - len(day.group(0))
        out = [Timex(text[first:m.end("month")], first, m.end("month"), on.isoformat(), None, "day")]
    if rel is not None:
        out.append(Timex(rel.text, rel_start, end, rel.date, rel.date_end, rel.precision))
    return out


def _listed_days(text: str, found: list[Timex]) -> list[Timex]:
    """A bare day number listed with a day of a month is a day of that month ("on June 4 and 5",
    "from 9 to 11 March").

    >>> [(t.text, t.date) for t in find_dates("The summit runs from 9 to 11 March.", "2012-02-18")]
    [('9', '2012-03-09'), ('11 March', '2012-03-11')]
    """
    out = list(found)
    for t in found:
        if t.precision != "day" or not t.date or t.date_end:
            continue
        m = (_DAY_AFTER.match(text, t.end) if t.text[-1:].isdigit()
             else _DAY_BEFORE.search(text, max(0, t.start - 12), t.start) if t.text[:1].isdigit() else None)
        if m is None:
            continue
        start, end = m.span("n")
        day = _safe_day(int(t.date[:4]), int(t.date[5:7]), int(text[start:end]))
        if day is not None and all(end <= o.start or start >= o.end for o in out):
            out.append(Timex(text[start:end], start, end, day.isoformat(), None, "day"))
    return sorted(out, key=lambda t: t.start)


def _in_told_year(text: str, found: list[Timex], start: int, value: str, tense: str) -> str:
    """A yearless day or month in a "when" clause on a year, or in a sentence a year opens, is in that
    year ("memories of 2011, when Congress raised the debt ceiling on Aug. 2"; "Last year, an ice storm
    closed runways on Nov. 22").

    >>> [t.date for t in find_dates("It revived memories of 2011, when Congress acted on Aug. 2.", "2013-10-16")]
    ['2011', '2011-08-02']
    """
    pointed = _pointed_year(text, found, start, value)
    told = pointed if pointed != value else _narrative_year(text, found, start, value, tense)
    if told != value:
        return told
    year = next((t for t in reversed(found) if t.precision == "year" and t.date and not t.date_end), None)
    if year is None or _SENTENCE_BREAK.search(text, year.end, start) \
            or _previous_word(text, year.start).lower() in ("fiscal", "fy"):  # "fiscal 2014, when ... in August"
        return value
    when_clause = re.fullmatch(r"\d{4},?\s+when\b.*", text[year.start:start], re.DOTALL)
    if tense == "future" and not when_clause:
        return value
    opening = _sentence_initial(text, year.start) or _previous_word(text, year.start).lower() == "in" \
        and _sentence_initial(text, year.start - 3)  # "Last year, an ice storm closed runways on Nov. 22"
    if not (when_clause or opening and text[year.end:year.end + 1] == ","):
        return value
    told = f"{year.date}{value[4:]}"
    return told if _safe_day(int(told[:4]), int(told[5:7]), int(told[8:10]) if len(told) == 10 else 1) else value


_POINTED = re.compile(r"(?:\b(?:that|the same|that same|the following|the next|the previous)\s+)$", re.IGNORECASE)
_MONTH_AFTER = frozenset({"of", "in", "on", "at", "the", "he", "she", "they", "it", "we", "and", "when", "after", "before"})
_POINTED_STEP = MappingProxyType({"following": 1, "next": 1, "previous": -1})


def _pointed_year(text: str, found: list[Timex], start: int, value: str) -> str:
    """ "That December", "the following February": a month pointed back at is in the year of the date
    told last (that year), or the first such month after (before) it.

    >>> [t.date for t in find_dates("He was elected in 1984. He resigned that December.", "2012-06-01")]
    ['1984', '1984-12']
    """
    pointer = _POINTED.search(text, max(0, start - 16), start)
    ref = next((t for t in reversed(found) if t.date and not t.date_end and t.date[:4].isdigit()), None)
    after = re.match(r"[\w.]+[ \t]+([a-z]+)", text[start:start + 30])
    if pointer is None or ref is None or "\n" in text[ref.end:start] \
            or pointer.group(0).lower().startswith("that") and after is not None and after.group(1) not in _MONTH_AFTER:
        return value  # not "said that February sales rose": a clause "that" opens
    step = _POINTED_STEP.get(pointer.group(0).split()[-1].lower(), 0)
    year, month, ref_month = int(ref.date[:4]), int(value[5:7]), int(ref.date[5:7]) if len(ref.date) >= 7 else None
    if step and (ref_month is None or (month - ref_month) * step <= 0):
        year += step  # "the following February" after 1998 or after March 1998: 1999
    told = f"{year:04d}{value[4:]}"
    return told if _safe_day(year, month, int(told[8:10]) if len(told) == 10 else 1) else value


def _narrative_year(text: str, found: list[Timex], start: int, value: str, tense: str) -> str:
    """A yearless day or month told in the past right after a month or day of an earlier year, in the
    sentence before in its paragraph, follows on in that year, within half a year ("The collapse came
    in September 2008. On 30 September, ..."; "talks collapsed in October 2011. The last Americans
    left on Dec. 18")."""
    ref = next((t for t in reversed(found) if t.date and not t.date_end), None)
    if ref is None or ref.precision not in ("month", "day") or not re.search(r"\b\d{4}\b", ref.text) \
            or tense == "future" or "\n" in text[ref.end:start] or ref.date[:4] >= value[:4] \
            or len(re.findall(r"[.!?;][\s\"”’]", text[ref.end:start])) != 1 \
            or _previous_word(text, ref.start).lower() in ("since", "until", "by"):
        return value
    told = f"{ref.date[:4]}{value[4:]}"
    day = _safe_day(int(told[:4]), int(told[5:7]), int(told[8:10]) if len(told) == 10 else 1)
    later = day is not None and ref.date <= told[:len(ref.date)] and (day - _first_day(ref.date)).days < 190
    return told if later else value


def _next_in_sequence(text: str, found: list[Timex], start: int, value: str) -> str:
    """A yearless day listed after another ("on Thursday and Friday", "from 10 December to 22 December",
    "literature on Thursday and peace on Friday") is the first such day after it.

    >>> [t.date for t in find_dates("Service was canceled for Monday and Tuesday.", "2012-10-29")]
    ['2012-10-29', '2012-10-30']
    """
    prev = found[-1] if found else None
    between = text[prev.end:start] if prev is not None else ""
    if prev is None or prev.precision != "day" or not prev.date or prev.date_end or not _SEQUENCE.fullmatch(between) \
            or any(ch.isdigit() for ch in text[start:start + 12]) and len(between.split()) > 2 \
            and between.split()[-1].lower() not in ("until", "till", "to", "through"):
        return value  # a day of a month follows a bare "and", or a range ("opened on November 15 and ran until
        # December 8"): not "took office on June 30, 2012 and was removed on July 3"
    after, day = date.fromisoformat(prev.date), date.fromisoformat(value)
    if any(ch.isdigit() for ch in text[start:start + 12].split(",")[0]):  # a month and day
        nxt = _safe_day(after.year, day.month, day.day)
        if nxt is None or nxt <= after:
            nxt = _safe_day(after.year + 1, day.month, day.day)
        return nxt.isoformat() if nxt else value
    return (after + timedelta(days=(day.weekday() - after.weekday()) % 7 or 7)).isoformat()


STORY_DAY_REACH = 600  # characters: how far back the day a clock time is on may have been told


def _date_clock_times(text: str, found: list[Timex], anchor: date | None) -> list[Timex]:
    """A clock time takes its day: the day next to it ("8 a.m. Saturday", "on Monday, at noon",
    "10:30 a.m. (1430 GMT) Tuesday"), else that of a clock time before it in its sentence ("open at
    8 a.m. Saturday and close at 4 p.m."), else the publication date ("the ceremony began at 11 a.m.").

    >>> [(t.text, t.date) for t in find_dates("Polls open at 8 a.m. Saturday and close at 4 p.m.", "2008-03-21")]
    [('8 a.m.', '2008-03-22'), ('Saturday', '2008-03-22'), ('4 p.m.', '2008-03-22')]
    """
    out = list(found)
    clocks = [k for k, t in enumerate(out) if t.date is None and _CLOCK.fullmatch(t.text)]

    def day_next_to(k: int) -> str | None:
        t = out[k]
        return next((n.date for n in out[max(0, k - 1):k + 2] if n is not t and n.precision == "day"
                     and n.date and n.date_end is None
                     and (_NEXT_TO.fullmatch(between := text[min(n.end, t.end):max(n.start, t.start)])
                          or _CLOCK.fullmatch(n.text) and _CLOCK_RANGE.fullmatch(between))
                     # "6 am (2330 GMT Saturday)": no day across a parenthesis whose clock has a day of its own
                     and not (_CLOCK.fullmatch(n.text) and between.rstrip().endswith("(")
                              and not re.match(r"\s*(?:[A-Z]{1,4}T|GMT|UTC)?\s*\)", text[max(n.end, t.end):]))),
                    None)

    def day_before_in_sentence(k: int) -> str | None:
        return _day_before_in_sentence(text, out, k)

    def day_told(k: int) -> str | None:
        """ "Polling stations open at 8 a.m.", "Kick-off is at 8.30pm": a clock time not in the past
        is on the day the story told last, if that day is ahead. (In the past too, tried: the day
        before is more often the publication date after midnight, or another story's day.)"""
        t = out[k]
        last = _last_day_told(out, k, t.start - STORY_DAY_REACH)
        if last is None or anchor is None \
                or _previous_word(text, t.start).lower() in ("by", "until", "before"):
            return None
        return last if last > anchor.isoformat() and _tense(text, t.start, t.end) != "past" else None

    def clock_before(k: int) -> str | None:
        return _day_of_clock_before(text, out, k)

    def last_night(k: int) -> str | None:
        return _last_night(text, out[k], _last_day_told(out, k), anchor)

    def story_day(k: int) -> str | None:
        return _story_day(text, out, k, anchor)

    for step in (day_next_to, day_next_to, day_before_in_sentence, clock_before, last_night, story_day, day_told,
                 day_next_to):
        for k in reversed(clocks) if step is day_next_to else clocks:  # a day passes along "10:30 a.m. (1430 GMT)"
            day = out[k].date or step(k)
            if day:
                out[k] = Timex(out[k].text, out[k].start, out[k].end, day, None, "day")
    today = _dateline_day(text, out, anchor) or (anchor.isoformat() if anchor is not None else None)
    if today is not None:
        out = [Timex(t.text, t.start, t.end, today, None, "day") if k in clocks and t.date is None
               else t for k, t in enumerate(out)]
    return out


# A wire dateline: its place ("HOUSTON", "DAYTON, Ohio") and its end, an agency and a dash ("(Reuter) -",
# "--"); events.DATELINE is the two together, and a date may stand between ("HOUSTON, Feb. 1 --")
DATELINE_PLACE = r"[A-Z][A-Z.'\- ]{2,40}(?:,\s*[A-Z][A-Za-z.]+)?"
DATELINE_END = r"\s*(?:\([^)]{0,40}\))?\s*[-\u2013\u2014]{1,2}\s"
_DATED_PLACE = re.compile(rf"{DATELINE_PLACE},\s*")
_DATELINE_AFTER = re.compile(DATELINE_END)


def _dateline_day(text: str, found: list[Timex], anchor: date | None) -> str | None:
    """The day a dateline gives the story when it is just before the publication date ("HOUSTON, Feb. 1 --"
    in a paper of Feb. 2): a clock time with no day of its own is on it."""
    for t in found:
        line_start = text.rfind("\n", 0, t.start) + 1
        if (_one_day(t) and anchor is not None and 0 < (anchor - date.fromisoformat(t.date)).days <= 2
                and _DATED_PLACE.fullmatch(text, line_start, t.start)
                and _DATELINE_AFTER.match(text, t.end)):
            return t.date
    return None


def _day_before_in_sentence(text: str, out: list[Timex], k: int) -> str | None:
    """The day of the k-th (a clock time) from a clock time before it in its sentence, or from a day
    that opens the sentence ("On Wednesday, a cyber attack paralysed ... at around 2 pm"); the next
    day for a morning told after an evening ("Polls closed at 22:00 on Thursday, and the result
    became clear shortly after 06:00")."""
    t = out[k]
    before = next((p for p in reversed(out[:k]) if p.date and (
        _CLOCK.fullmatch(p.text) and not text[:p.start].rstrip().endswith("(")
        or p.precision == "day" and not p.date_end and text[p.end:p.end + 1] == ","
        and _sentence_initial(text, p.start - (3 if text[max(0, p.start - 3):p.start].lower() == "on " else 0)))
        and not _SENTENCE_BREAK.search(text, p.end, t.start)), None)
    return None if before is None else _day_after_clock(before, t)


def _day_after_clock(before: Timex, t: Timex) -> str:
    """The day of clock time `t` told after clock time `before`: the same day, or the next for a
    morning after an evening."""
    evening, morning = _clock_hour(before.text), _clock_hour(t.text)
    overnight = evening is not None and morning is not None and evening >= 18 and morning < 9
    return (date.fromisoformat(before.date) + timedelta(days=1)).isoformat() if overnight else before.date


def _day_of_clock_before(text: str, out: list[Timex], k: int) -> str | None:
    """ "pronounced dead at 2:26 p.m. Thursday ... The 911 call came at 12:21 p.m.": clock times told one
    after another in a paragraph tell one day: the k-th takes the day of the last expression before it
    when that is a clock time with its day (no other date between), unless that was an evening and
    this is an earlier hour."""
    t = out[k]
    p = out[k - 1] if k > 0 else None
    if p is not None and not _CLOCK.fullmatch(p.text) and k > 1 and _CLOCK.fullmatch(out[k - 2].text) \
            and out[k - 2].date == p.date and _NEXT_TO.fullmatch(text[out[k - 2].end:p.start]):
        p = out[k - 2]  # "at 2:26 p.m. Thursday": the clock time and its day
    if p is None or not p.date or not _CLOCK.fullmatch(p.text) or t.start - p.end > STORY_DAY_REACH \
            or "\n" in text[p.end:t.start]:
        return None
    # an earlier hour after an evening is left to the steps after ("10pm yesterday ... about 12.20am")
    evening, later = _clock_hour(p.text), _clock_hour(t.text)
    return None if evening is not None and later is not None and later < evening and evening >= 18 else p.date


def _clock_hour(expression: str) -> int | None:
    """The hour (0-23) of a clock time ("22:00 BST", "11 pm", "shortly after 06:00"), else None.

    >>> _clock_hour("22:00 BST"), _clock_hour("about 9.30am"), _clock_hour("11 p.m."), _clock_hour("noon")
    (22, 9, 23, 12)
    >>> _clock_hour("the afternoon")
    15
    >>> _clock_hour("12.20am")
    0
    """
    low = expression.lower()
    if low.endswith(("morning", "afternoon")):  # "yesterday morning", "the afternoon": its middle
        return 9 if low.endswith("morning") else 15
    if low.endswith(("noon", "midday")):
        return 12
    m = re.search(r"(\d{1,2})(?:[:.]?(\d\d))?\s*(a\.?m|p\.?m)?\b", low)
    if m is None or ":" not in low and "." not in low and m.group(3) is None and len(m.group(0)) < 4:
        return None
    hour = int(m.group(1)) if m.group(2) is not None or m.group(3) else int(m.group(0)[:2])
    if m.group(3) and m.group(3).startswith("p") and hour < 12:
        hour += 12
    elif m.group(3) and m.group(3).startswith("a") and hour == 12:
        hour = 0  # "12.20am": just after midnight
    return hour if hour < 24 else None


def _one_day(t: Timex) -> bool:
    """An expression dated to one day (not a range)."""
    return t.precision == "day" and bool(t.date) and not t.date_end


def _last_day_told(found: list[Timex], k: int, since: int = 0) -> str | None:
    """The day of the last expression of one day before the k-th that is no bare clock time (from
    offset `since` on)."""
    return next((p.date for p in reversed(found[:k]) if _one_day(p) and p.start >= since
                 and (not _CLOCK.fullmatch(p.text) or _DAY_WORD.search(p.text))), None)


# What a story tells was done later on its publication day, and the day before it (`_story_day`)
_DONE_TODAY = re.compile(r"(?:later )?(?:today|this afternoon|this evening|tonight)", re.IGNORECASE)
_YESTERDAY = re.compile(r"\byesterday\b|\blast night\b", re.IGNORECASE)
# A word that names a day in an expression that is also a time of day ("Wednesday evening", "this morning")
_DAY_WORD = re.compile(rf"{_WEEKDAY_ONLY.pattern}|yesterday|today|tonight|tomorrow|this", re.IGNORECASE)


def _last_night(text: str, t: Timex, told: str | None, anchor: date | None) -> str | None:
    """ "The ceremony began at 7 p.m. ET", "a bill he signed just before midnight": an evening told in
    the past, with no day of its own, is the evening before the publication date, unless the story's
    last day told (`told`) is the publication date ("white smoke on Wednesday ... At 8:22 p.m."); with
    no tense, only after the day before was told ("Mandela died Thursday ... at about 8:50 p.m.")."""
    hour = _clock_hour(t.text)
    evening = hour is not None and 19 <= hour <= 23 or t.text.lower().endswith("midnight") \
        and "before" in text[max(0, t.start - 8):t.start].lower()
    if anchor is None or not evening:
        return None
    before = (anchor - timedelta(days=1)).isoformat()
    tense = _tense(text, t.start, t.end)
    if tense != "past":
        return before if told == before and tense == "unmarked" else None
    return None if told == anchor.isoformat() else before


def _story_day(text: str, out: list[Timex], k: int, anchor: date | None) -> str | None:
    """ "Gordon Brown became prime minister yesterday ... the Queen received him at noon": a daytime clock
    time told in the past with no day of its own, in a story that has told one day only, a day or two
    before the publication date (a morning paper's "yesterday", an overnight wire's "Monday"), is on it.
    (Early hours stay on the publication date: "the quake struck at 1:32 a.m." in the next day's paper.)"""
    t = out[k]
    hour = _clock_hour(t.text)
    if anchor is None or hour is None or not 7 <= hour < 19 or _tense(text, t.start, t.end) != "past":
        return None
    before = [p for p in out[:k] if _one_day(p) and (not _CLOCK.fullmatch(p.text) or _DAY_WORD.search(p.text))
              and not _on_date_line(text, p)]
    told = {p.date for p in before}
    # an afternoon or evening told the morning after, in a story that says "yesterday" and tells nothing done
    # later today: that day, whatever else it told ("acquitted four officers yesterday ... By early today ...
    # The verdicts were read at 3:10 p.m."; not "slid 5.8 percent today ... at 4:15 p.m.", a web story's afternoon)
    done_today = any(_DONE_TODAY.fullmatch(p.text) and _tense(text, p.start, p.end) == "past"
                     and not text[max(0, p.start - 6):p.start].lower().endswith("early ") for p in before)
    yesterday = {p.date for p in before if _YESTERDAY.search(p.text)} if hour >= 12 and not done_today else set()
    day = told.pop() if len(told) == 1 else yesterday.pop() if len(yesterday) == 1 else None
    return day if day is not None and 1 <= (anchor - date.fromisoformat(day)).days <= 2 else None


def _on_date_line(text: str, t: Timex) -> bool:
    """Whether `t` is on a line of its own near the top, with no sentence: a date line ("Thursday June 28
    2007", "June 3, 1997 12:41 a.m. EDT", "Page last updated at 01:22 GMT, Monday, 12 July 2010"). Wider
    than `ingest.parse_date_line`, which takes a line for the article's date only when it is nothing but
    one (tried here: four date sets lost values)."""
    start, end = text.rfind("\n", 0, t.start) + 1, text.find("\n", t.end)
    line = text[start:end if end >= 0 else len(text)].strip()
    return start < 400 and len(line) < 90 and not re.search(r"[a-z]{3,}\.(?:\s|$)", line)


def _windows(trigger: re.Pattern[str], low: str) -> list[tuple[int, int]]:
    """Merged spans of text around the trigger's hits, wide enough for any full expression."""
    spans: list[tuple[int, int]] = []
    n = len(low)
    for hit in trigger.finditer(low):
        lo, hi = max(0, hit.start() - _WINDOW), min(n, hit.end() + _WINDOW)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    return spans


@functools.lru_cache(maxsize=16384)
def _resolve_match(kind: str, expression: str, anchor: date | None, tense: str
                   ) -> tuple[str | None, str | None, str] | None:
    """The value of an expression of `kind` read alone (cached); None when it only matches in its
    context."""
    m = _KIND[kind].pattern.fullmatch(expression)
    return None if m is None else _KIND[kind].resolve(m, anchor, tense)
