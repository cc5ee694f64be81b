"""Tests for timeline/lexicon.py: the shipped actor lexicon and its loader."""
from __future__ import annotations

import csv
import itertools
from collections import Counter
from pathlib import Path

import pytest

from timeline.errors import LexiconError
from timeline.lexicon import ACTOR_COLUMNS, Lexicon, load_lexicon, normalize
from timeline.model import Actor


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return load_lexicon()


def write_actors(path: Path, rows: list[str]) -> Path:
    path.write_text(",".join(ACTOR_COLUMNS) + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("text, name, kind, country", [
    ("Pyongyang", "North Korea", "country", "PRK"),
    ("the Kremlin", "Russia", "country", "RUS"),
    ("The Kremlin", "Russia", "country", "RUS"),
    ("Kremlin’s", "Russia", "country", "RUS"),
    ("Moscow", "Russia", "country", "RUS"),
    ("Kyiv", "Ukraine", "country", "UKR"),
    ("Kiev", "Ukraine", "country", "UKR"),
    ("White House", "United States", "country", "USA"),
    ("Washington", "United States", "country", "USA"),
    ("WASHINGTON", "United States", "country", "USA"),
    ("US", "United States", "country", "USA"),
    ("U.S.", "United States", "country", "USA"),
    ("the US", "United States", "country", "USA"),
    ("America", "United States", "country", "USA"),
    ("UK", "United Kingdom", "country", "GBR"),
    ("Britain", "United Kingdom", "country", "GBR"),
    ("Türkiye", "Turkey", "country", "TUR"),
    ("Turkiye", "Turkey", "country", "TUR"),
    ("Czechia", "Czech Republic", "country", "CZE"),
    ("Burma", "Myanmar", "country", "MMR"),
    ("DRC", "Democratic Republic of the Congo", "country", "COD"),
    ("Côte d’Ivoire", "Ivory Coast", "country", "CIV"),
    ("Tokyo", "Japan", "country", "JPN"),
    ("Seoul", "South Korea", "country", "KOR"),
    ("Russia’s", "Russia", "country", "RUS"),
    ("Russia's", "Russia", "country", "RUS"),
    ("South  Korea", "South Korea", "country", "KOR"),
    ("NATO", "NATO", "organization", "NATO"),
    ("Nato", "NATO", "organization", "NATO"),
    ("EU", "European Union", "organization", "EU"),
    ("Brussels", "European Union", "organization", "EU"),
    ("UN", "United Nations", "organization", "UN"),
    ("U.N. Security Council", "UN Security Council", "organization", "UN"),
    ("IAEA", "International Atomic Energy Agency", "organization", "IAEA"),
    ("Hamas", "Hamas", "group", None),
    ("ISIS", "Islamic State", "group", None),
    ("al-Qaeda", "al-Qaeda", "group", None),
    ("Houthis", "Houthis", "group", None),
    ("Trump", "Donald Trump", "person", "USA"),
    ("Donald J. Trump", "Donald Trump", "person", "USA"),
    ("Zelenskiy", "Volodymyr Zelensky", "person", "UKR"),
    ("Zelenskyy", "Volodymyr Zelensky", "person", "UKR"),
    ("Kim Jong-un", "Kim Jong Un", "person", "PRK"),
    ("Lee Jae-myung", "Lee Jae Myung", "person", "KOR"),
    ("Erdoğan", "Recep Tayyip Erdoğan", "person", "TUR"),
    ("Erdogan", "Recep Tayyip Erdoğan", "person", "TUR"),
    ("Witkoff", "Steve Witkoff", "person", "USA"),
    ("Jared Kushner", "Jared Kushner", "person", "USA"),
    ("Pistorius", "Boris Pistorius", "person", "DEU"),
    ("Merz", "Friedrich Merz", "person", "DEU"),
    ("Yoon’s", "Yoon Suk Yeol", "person", "KOR"),
    ("Sybiha", "Andrii Sybiha", "person", "UKR"),
])
def test_lookup(lex, text, name, kind, country):
    actor = lex.lookup(text)
    assert actor is not None, text
    assert (actor.name, actor.kind, actor.country) == (name, kind, country)


@pytest.mark.parametrize("text", [
    "us", "Us", "is", "Is", "who", "Who", "kim", "Kim", "Lee", "pyongyang", "the", "", "  ", "Russian", "president",
])
def test_lookup_misses(lex, text):
    assert lex.lookup(text) is None


@pytest.mark.parametrize("text, on, title, country", [
    ("Trump", "2019-06-30", "President", "USA"),
    ("Trump", "2022-06-30", None, "USA"),  # between his terms: still Donald Trump
    ("Trump", "2025-08-26", "President", "USA"),
    ("Biden", "2012-01-01", "Vice President", "USA"),
    ("Putin", "2010-01-01", "Prime Minister", "RUS"),
    ("Putin", "2025", "President", "RUS"),
    ("Rutte", "2020-01-01", "Prime Minister", "NLD"),
    ("Rutte", "2025-12-15", "Secretary-General", "NATO"),
])
def test_lookup_on_date(lex, text, on, title, country):
    actor = lex.lookup(text, on=on)
    assert (actor.title, actor.country) == (title, country)


@pytest.mark.parametrize("text, name", [
    ("North Korean", "North Korea"),
    ("South Korean", "South Korea"),
    ("Russian", "Russia"),
    ("Russians", "Russia"),
    ("Americans", "United States"),
    ("American", "United States"),
    ("Chinese", "China"),
    ("British", "United Kingdom"),
    ("Israeli", "Israel"),
    ("Israelis", "Israel"),
    ("Emirati", "United Arab Emirates"),
    ("German", "Germany"),
])
def test_lookup_demonym(lex, text, name):
    assert lex.lookup_demonym(text).name == name


@pytest.mark.parametrize("text", ["Chineses", "Russia", "russian", "Korean", "Congolese"])
def test_lookup_demonym_misses(lex, text):
    assert lex.lookup_demonym(text) is None


@pytest.mark.parametrize("country, title, on, name", [
    ("USA", "President", "2019-06-30", "Donald Trump"),
    ("USA", "President", "2023-01-01", "Joe Biden"),
    ("USA", "President", "2025-08-26", "Donald Trump"),
    ("USA", "President", "2021-01-20", "Joe Biden"),  # the successor holds office on the handover day
    ("USA", "Leader", "2025-08-26", "Donald Trump"),
    ("USA", "leader", "2015-01-01", "Barack Obama"),
    ("USA", "Secretary of State", "2025-08-26", "Marco Rubio"),
    ("USA", "top diplomat", "2022-01-01", "Antony Blinken"),
    ("USA", "Defense Secretary", "2025-08-26", "Pete Hegseth"),
    ("USA", "envoy", "2025-12-15", "Steve Witkoff"),
    ("KOR", "President", "2025-08-26", "Lee Jae Myung"),
    ("KOR", "President", "2024-01-01", "Yoon Suk Yeol"),
    ("DEU", "Chancellor", "2025-12-15", "Friedrich Merz"),
    ("DEU", "Leader", "2025-12-15", "Friedrich Merz"),
    ("DEU", "Defense Minister", "2025-12-15", "Boris Pistorius"),
    ("DEU", "Chancellor", "2015-06", "Angela Merkel"),
    ("RUS", "Foreign Minister", "2025-12-15", "Sergei Lavrov"),
    ("RUS", "Leader", "2010-01-01", "Dmitry Medvedev"),
    ("UKR", "President", "2025-12-15", "Volodymyr Zelensky"),
    ("UKR", "Foreign Minister", "2025-12-15", "Andrii Sybiha"),
    ("PRK", "Leader", "2025-08-26", "Kim Jong Un"),
    ("ISR", "Leader", "2025-08-26", "Benjamin Netanyahu"),
    ("GBR", "Prime Minister", "2025-08-26", "Keir Starmer"),
    ("TUR", "Leader", "2010-01-01", "Recep Tayyip Erdoğan"),
    ("NATO", "Secretary-General", "2025-12-15", "Mark Rutte"),
    ("UN", "UN chief", "2025-12-15", "António Guterres"),
    ("EU", "Commission President", "2025-12-15", "Ursula von der Leyen"),
    ("EU", "EU foreign policy chief", "2025-12-15", "Kaja Kallas"),
])
def test_holder(lex, country, title, on, name):
    actor = lex.holder(country, title, on)
    assert actor is not None and actor.name == name
    assert actor.kind == "person"


@pytest.mark.parametrize("country, title, on", [
    ("USA", "Chancellor", "2025-01-01"),
    ("USA", "President", "1980-01-01"),
    ("XYZ", "President", "2025-01-01"),
    ("USA", "no such title", "2025-01-01"),
])
def test_holder_none(lex, country, title, on):
    assert lex.holder(country, title, on) is None


def test_holder_without_date_is_the_incumbent(lex):
    assert lex.holder("USA", "President").name == "Donald Trump"
    assert lex.holder("DEU", "Leader").name == "Friedrich Merz"


@pytest.mark.parametrize("text, title", [
    ("Defense Minister", "Defence Minister"),
    ("defence secretary", "Defence Minister"),
    ("Secretary of Defense", "Defence Minister"),
    ("top diplomat", "Foreign Minister"),
    ("Secretary of State", "Foreign Minister"),
    ("Foreign Secretary", "Foreign Minister"),
    ("envoy", "Envoy"),
    ("special envoy", "Envoy"),
    ("president", "President"),
    ("Pres.", "President"),
    ("premier", "Prime Minister"),
    ("PM", "Prime Minister"),
    ("leader", "Leader"),
    ("Secretary-General", "Secretary-General"),
    ("secretary general", "Secretary-General"),
    ("national security adviser", "Adviser"),
    ("spokeswoman", "Spokesperson"),
    ("King", "King"),
    ("the chancellor", "Chancellor"),
    ("plumber", None),
    ("", None),
])
def test_match_title(lex, text, title):
    assert lex.match_title(text) == title


def test_title_rank(lex):
    assert lex.title_rank("president") == 1
    assert lex.title_rank("top diplomat") == 2
    assert lex.title_rank("envoy") == 3


def test_country_rows_have_unique_codes(lex):
    codes: dict[str, str] = {}
    for e in lex.entries:
        if e.kind == "country":
            assert len(e.country) == 3 and e.country.isalpha() and e.country.isupper(), e
            assert codes.setdefault(e.country, e.name) == e.name, (e.country, e.name, codes[e.country])
    assert len(codes) >= 193 + 5  # UN members, plus observers and the states the brief names


def test_every_row_has_known_kind_and_title(lex):
    kinds = Counter(e.kind for e in lex.entries)
    assert set(kinds) <= {"country", "organization", "group", "person"}
    for e in lex.entries:
        if e.title:
            assert lex.match_title(e.title) is not None, e
        if e.valid_from and e.valid_to:
            assert e.valid_from <= e.valid_to, e


def test_terms_of_one_office_do_not_overlap(lex):
    shared = {"Adviser", "Envoy", "Spokesperson", "Ambassador", "Minister"}
    offices: dict[tuple[str, str], list] = {}
    for e in lex.entries:
        if e.kind == "person" and e.country and e.title and lex.match_title(e.title) not in shared:
            offices.setdefault((e.country, lex.match_title(e.title)), []).append(e)
    for office, rows in offices.items():
        terms = sorted((e.valid_from or "", e.valid_to or "9999", e.name) for e in rows)
        for (_, end, a), (start, _, b) in itertools.pairwise(terms):
            assert end <= start, (office, a, b)


def test_iter_aliases(lex):
    pairs = set(lex.iter_aliases())
    assert ("Kyiv", "Ukraine") in pairs
    assert ("Donald Trump", "Donald Trump") in pairs
    assert lex.max_alias_tokens >= 3
    longest = lex.aliases_by_length()
    assert len(normalize(longest[0][0]).split()) == lex.max_alias_tokens
    assert ("Americans", "United States") in set(lex.iter_demonyms())


def test_case_sensitivity(lex):
    assert lex.is_case_sensitive("US") and lex.is_case_sensitive("U.S.")
    assert not lex.is_case_sensitive("NATO")


def test_cached_and_immutable(lex):
    assert load_lexicon() is lex
    with pytest.raises(AttributeError):
        lex.entries[0].name = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        lex.entries = ()  # type: ignore[misc]


def test_shipped_csv_parses_as_plain_csv():
    path = Path(__file__).parent.parent / "timeline" / "data" / "actors.csv"
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert tuple(rows[0]) == ACTOR_COLUMNS
    counts = Counter(r["kind"] for r in rows)
    assert counts["country"] >= 198 and counts["person"] >= 100


# -- validation ---------------------------------------------------------------------------

@pytest.mark.parametrize("rows, line, message", [
    (["Foo,country,FOO,Foo City,,,,", "Bar,country,BAR,Foo City,,,,"], 3, "duplicate alias 'Foo City' (also on line 2)"),
    (["Foo,country,FOO,,,,,", "Bar,country,BAR,Foo,,,,"], 3, "duplicate alias 'Foo'"),
    (["Foo,country,FOO,,,,,", "Bar,country,FOO,,,,,"], 3, "duplicate country code 'FOO'"),
    (["Foo,country,FOO,,Fooish,,,", "Bar,country,BAR,,Fooish,,,"], 3, "duplicate demonym"),
    (["Foo,nation,FOO,,,,,"], 2, "unknown kind 'nation'"),
    (["Foo,country,FO,,,,,"], 2, "country code must be 3 upper-case letters"),
    (["Foo,country,foo,,,,,"], 2, "country code must be 3 upper-case letters"),
    (["Foo,organization,foo bar,,,,,"], 2, "bad country code"),
    (["Ann Foo,person,USA,,,President,2020-13-01,"], 2, "valid_from must be a date"),
    (["Ann Foo,person,USA,,,President,2020,"], 2, "valid_from must be a date"),
    (["Ann Foo,person,USA,,,President,2021-01-01,2020-01-01"], 2, "is after valid_to"),
    (["Ann Foo,person,USA,,,Grand Vizier,,"], 2, "unknown title 'Grand Vizier'"),
    (["Foo,country,FOO,,,,,", ",country,BAR,,,,,"], 3, "missing name"),
    (["Foo,country,FOO,,,,"], 2, "expected 8 fields"),
    (["Foo,country,FOO,,,,,", "Foo,person,FOO,,,,,"], 3, "is a country on another line"),
])
def test_validation_errors(tmp_path, rows, line, message):
    path = write_actors(tmp_path / "bad.csv", rows)
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    assert message in str(info.value)
    assert info.value.position == line
    assert str(info.value).startswith(f"{path.resolve()}:{line}: ")


def test_bad_header(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("name,kind\nFoo,country\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="header must be") as info:
        load_lexicon(path)
    assert info.value.position == 1


def test_missing_file(tmp_path):
    with pytest.raises(LexiconError, match="cannot read"):
        load_lexicon(tmp_path / "nope.csv")


def test_same_alias_on_rows_of_one_person_is_fine(tmp_path):
    path = write_actors(tmp_path / "ok.csv", [
        "Ann Foo,person,USA,Foo,,Senior Adviser,2001-01-01,2002-01-01",
        "Ann Foo,person,USA,Foo,,Special Envoy,2003-01-01,",
    ])
    lex = load_lexicon(path)
    assert lex.lookup("Foo", on="2001-06-01").title == "Senior Adviser"
    assert lex.lookup("Foo", on="2004-06-01").title == "Special Envoy"


# -- user files merged over the shipped lexicon ------------------------------------------

def test_user_file_adds_and_overrides(tmp_path):
    path = write_actors(tmp_path / "mine.csv", [
        # replaces all shipped rows of Donald Trump
        "Donald Trump,person,USA,Trump|The Donald,,President,2025-01-20,",
        # a new actor
        "Dmytro Example,person,UKR,Example,,Adviser,2024-01-01,",
        # takes over an alias that the shipped lexicon gives to Ukraine
        "Kyiv City Council,organization,,Kyiv,,,,",
    ])
    lex = load_lexicon(path)
    assert lex.lookup("The Donald").name == "Donald Trump"
    assert lex.lookup("Trump", on="2019-06-30").title is None  # the shipped first term is replaced
    assert lex.holder("USA", "President", "2019-06-30") is None
    assert lex.lookup("Example") == Actor("Dmytro Example", "person", "UKR", "Adviser")
    assert lex.lookup("Kyiv").name == "Kyiv City Council"
    assert lex.lookup("Kiev").name == "Ukraine"  # Ukraine's other aliases stay
    assert load_lexicon().lookup("Kyiv").name == "Ukraine"  # the shipped lexicon is untouched


def test_user_file_duplicate_within_itself(tmp_path):
    path = write_actors(tmp_path / "mine.csv", ["A One,person,USA,Ace,,,,", "B Two,person,USA,Ace,,,,"])
    with pytest.raises(LexiconError, match="duplicate alias 'Ace' \\(also on line 2\\)"):
        load_lexicon(path)


def test_user_titles_file(tmp_path):
    titles = tmp_path / "titles.csv"
    titles.write_text("title,aliases,rank\nGrand Vizier,vizier,2\n", encoding="utf-8")
    actors = write_actors(tmp_path / "a.csv", ["Ann Foo,person,TUR,,,Grand Vizier,2020-01-01,"])
    lex = load_lexicon(actors, titles_file=titles)
    assert lex.match_title("vizier") == "Grand Vizier"
    assert lex.holder("TUR", "vizier", "2024-01-01").name == "Ann Foo"
    assert lex.match_title("top diplomat") == "Foreign Minister"  # shipped titles remain


def test_title_words_are_the_words_of_every_title_form():
    lex = load_lexicon()
    assert {"prime", "minister", "secretary", "general", "president"} <= lex.title_words
    assert "trump" not in lex.title_words and "germany" not in lex.title_words


# -- people derived from PETRARCH2 (petrarch_people.csv, tools/convert_petrarch.py) ------------

@pytest.mark.parametrize("text, name, country, on", [
    ("Rangin Dadfar Spanta", "Rangin Dadfar Spanta", "AFG", "2008-01-01"),
    ("Ali Osman Taha", "Ali Osman Taha", "SDN", "2011-06-12"),
    ("Hoshyar Zebari", "Hoshyar Zebari", "IRQ", "2008-07-01"),
    ("Hoshyar Mahmud Zebari", "Hoshyar Zebari", "IRQ", "2008-07-01"),
    # a word that is also a title, inside a name: a name ("Sen", "Sheikh")
    ("Hun Sen", "Hun Sen", "KHM", "2011-02-07"),
    ("Sharif Sheikh Ahmed", "Sharif Sheikh Ahmed", "SOM", "2006-10-01"),
])
def test_people_from_petrarch(lex, text, name, country, on):
    actor = lex.lookup(text, on=on)
    assert (actor.name, actor.kind, actor.country) == (name, "person", country)


def test_hand_written_rows_win_over_petrarch(lex):
    assert lex.lookup("Hamid Karzai", on="2006-12-08").title == "President"
    assert all(r.sector is None for r in lex.rows("Hamid Karzai"))


def test_petrarch_rows_carry_a_sector(lex):
    assert {r.sector for r in lex.rows("Rangin Dadfar Spanta")} <= {"government", "military", "elites"}


@pytest.mark.parametrize("word", ["Official", "Forces", "Bashir", "Ali", "Minister", "Spokesman", "Government"])
def test_no_single_common_word_names_a_petrarch_person(lex, word):
    actor = lex.lookup(word)
    assert actor is None or not any(r.sector for r in lex.rows(actor.name))


def test_petrarch_names_have_two_words_or_more(lex):
    short = [(e.name, a) for e in lex.entries if e.sector and e.kind == "person"
             for a in (e.name, *e.aliases) if len(normalize(a).split()) < 2]
    assert short == []


# -- armed groups and organisations derived from PETRARCH2 (petrarch_groups.csv, petrarch_organizations.csv) --

@pytest.mark.parametrize("text, name, kind, country", [
    ("FARC", "FARC", "group", "COL"),
    ("The FARC", "FARC", "group", "COL"),
    ("Revolutionary Armed Forces of Colombia", "FARC", "group", "COL"),
    ("LTTE", "Liberation Tigers of Tamil Eelam", "group", "LKA"),
    ("Tamil Tigers", "Liberation Tigers of Tamil Eelam", "group", "LKA"),
    ("Moro Islamic Liberation Front", "Moro Islamic Liberation Front", "group", "PHL"),
    ("AUC", "AUC", "group", "COL"),
    ("Ansar al-Islam", "Ansar al-Islam", "group", "IRQ"),
    ("SAARC", "SAARC", "organization", None),
    ("East African Community", "East African Community", "organization", None),
    ("OPCW", "OPCW", "organization", None),
    ("Organisation for the Prohibition of Chemical Weapons", "OPCW", "organization", None),
    ("Asian Development Bank", "Asian Development Bank", "organization", None),
    # actors.csv wins: its rows and names stay as they were
    ("Hamas", "Hamas", "group", None),
    ("PKK", "PKK", "group", None),
    ("ASEAN", "ASEAN", "organization", "ASEAN"),
    ("OSCE", "OSCE", "organization", "OSCE"),
])
def test_groups_and_organizations_from_petrarch(lex, text, name, kind, country):
    actor = lex.lookup(text)
    assert actor is not None, text
    assert (actor.name, actor.kind, actor.country) == (name, kind, country)


@pytest.mark.parametrize("text", [
    "Red Line", "May 15", "Order", "Action", "Struggle", "Revolutionary Cells", "National Liberation Army",
    "Joseph Kony", "Anarchist Faction", "Southeast Asian Nations", "World Bank President",
])
def test_no_common_word_or_member_names_a_petrarch_body(lex, text):
    actor = lex.lookup(text)
    assert actor is None or actor.kind not in ("group", "organization") or not any(r.sector for r in lex.rows(actor.name))


def test_petrarch_bodies_carry_their_dictionary_line():
    for name in ("petrarch_groups.csv", "petrarch_organizations.csv"):
        rows = _data_rows(name)
        assert len(rows) > 50
        assert all(r["source"].startswith("PETRARCH2 Phoenix.") and "MIT" in r["source"] for r in rows), name
        assert {r["kind"] for r in rows} == {"group" if "groups" in name else "organization"}


# -- territories derived from PETRARCH2 (petrarch_territories.csv) ----------------------------

@pytest.mark.parametrize("text, name, country", [
    ("New Caledonia", "New Caledonia", "NCL"),
    ("Nouméa", "New Caledonia", "NCL"),
    ("Greenland", "Greenland", "GRL"),
    ("Nuuk", "Greenland", "GRL"),
    ("Hong Kong", "Hong Kong", "HKG"),
    ("HKSAR", "Hong Kong", "HKG"),
    ("Puerto Rico", "Puerto Rico", "PRI"),  # not Colombia, where GeoNames has a town of that name
    ("French Polynesia", "French Polynesia", "PYF"),
    ("Papeete", "French Polynesia", "PYF"),
    ("Guam", "Guam", "GUM"),
    ("Gibraltar", "Gibraltar", "GIB"),
    ("the Falklands", "Falkland Islands", "FLK"),
    ("Malvinas", "Falkland Islands", "FLK"),
    ("Faroe Islands", "Faroe Islands", "FRO"),
    ("Bermuda", "Bermuda", "BMU"),
    ("Isle of Man", "Isle of Man", "IMN"),
    ("Macau", "Macau", "MAC"),
])
def test_territories_from_petrarch(lex, text, name, country):
    actor = lex.lookup(text)
    assert actor is not None, text
    assert (actor.name, actor.kind, actor.country) == (name, "country", country)


@pytest.mark.parametrize("text, name", [
    ("Greenlandic", "Greenland"), ("Greenlanders", "Greenland"), ("New Caledonian", "New Caledonia"),
    ("Puerto Ricans", "Puerto Rico"), ("Faroese", "Faroe Islands"), ("Gibraltarian", "Gibraltar"),
    ("Samoan", "Samoa"),  # actors.csv's, not American Samoa's
])
def test_territory_demonyms(lex, text, name):
    assert lex.lookup_demonym(text).name == name


@pytest.mark.parametrize("text", ["Mayotte", "Republika Srpska", "Gaza", "Netherlands Antilles", "Hamilton",
                                  "George Town", "The Valley", "Channel Island"])
def test_no_province_or_other_place_is_a_territory(lex, text):
    """Coded as their state, no ISO code, no longer a territory, or another state's city: no territory row."""
    actor = lex.lookup(text)
    assert actor is None or not any(r.name == actor.name for r in _territory_rows())


def test_states_of_actors_csv_are_unchanged_by_territories(lex):
    states = [r for r in _data_rows("actors.csv") if r["kind"] == "country"]
    for row in states:
        rows = {(e.country, "|".join(e.aliases), "|".join(e.demonyms), e.valid_from or "") for e in lex.rows(row["name"])}
        assert (row["country"], row["aliases"], row["demonyms"], row["valid_from"]) in rows, row["name"]
        assert lex.country_actor(row["country"]).name == row["name"]
    codes = {r["country"] for r in states}
    assert all(r["country"] not in codes for r in _territory_rows())


def test_territories_carry_their_dictionary_line_and_cameo_code():
    rows = _territory_rows()
    assert len(rows) > 20 and {r["kind"] for r in rows} == {"country"}
    assert all(r["source"].startswith(("PETRARCH2 Phoenix.Countries.actors.txt:", "timeline (hand-written"))
               for r in rows)
    cameo = {r["code"]: r["cameo"] for r in _data_rows("cameo_countries.csv")}
    assert (cameo["NCL"], cameo["GRL"], cameo["PRI"], cameo["IMN"]) == ("FRANCL", "DNKGRL", "USAPRI", "GBRIMY")


def _territory_rows() -> list[dict[str, str]]:
    return _data_rows("petrarch_territories.csv")


def _data_rows(name: str) -> list[dict[str, str]]:
    """The rows of a shipped data file, as written (no checks)."""
    with (Path(__file__).parent.parent / "timeline" / "data" / name).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_a_family_name_is_the_namesake_in_office_on_the_day():
    """ "Kabila" is an alias of Joseph Kabila, president from 2001: in 1998 it names his father Laurent,
    in office that day (PETRARCH's people); a name with a role that day keeps it."""
    lexicon = load_lexicon()
    assert lexicon.lookup("Kabila", on="1998-08-10").name == "Laurent Desire Kabila"
    assert lexicon.lookup("Kabila", on="2005-01-01").name == "Joseph Kabila"
    assert lexicon.lookup("Trump", on="2022-06-01").name == "Donald Trump"  # no namesake in office
    # a namesake whose row is open since 2009 (PETRARCH's Arturo Chavez Chavez) is no term known to last
    assert lexicon.lookup("Chavez", on="2025-03-12").name == "Hugo Chávez"
