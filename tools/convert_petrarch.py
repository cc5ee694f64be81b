#!/usr/bin/env python3
"""Regenerate the lexicon files derived from the PETRARCH2 / Phoenix dictionaries (MIT licence).

    python tools/convert_petrarch.py [PETRARCH_DIR]   (default: ../shared/reference/petrarch2)

Writes, under timeline/data/:
  agents.csv          agent nouns ("official", "troops", "rebels") with their CAMEO agent code and
                      sector, from Phoenix.agents.txt
  petrarch_people.csv people of states with dated roles (columns of actors.csv plus `sector` and
                      `source`), from Phoenix.Countries.actors.txt

Only what helps news of today is kept: roles of leaders, diplomats, soldiers, elites, opposition and
rebels (KEPT_ROLES) still held in 2000 or later, names of two words or
more (a lone "Bashir" or "Ali" would turn common words and other people into actors), no alias
that starts with a title or that two people share, and no name or alias that the hand-written
actors.csv already gives to someone: actors.csv holds newer offices and wins. Each row names
the dictionary line it came from in `source`. See timeline/data/README.md.
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
    """Whether an alias is a full name: two name words or more, no title, no form of address."""
    words = plain(text).split()
    if not words or words[0] in NOT_NAME_WORDS or any(w in NOT_NAME_WORDS for w in words):
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


def main(argv: list[str]) -> int:
    src = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    print(f"agents.csv: {write_agents(src)} rows")
    print(f"petrarch_people.csv: {write_people(src)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
