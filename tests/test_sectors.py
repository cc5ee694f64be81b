"""Tests for timeline/sectors.py: each side's sector and CAMEO actor code, and the tables behind them."""
from __future__ import annotations

import csv
from importlib import resources

import pytest

from timeline.lexicon import load_lexicon
from timeline.model import Event
from timeline.sectors import cameo_actor_code, load_sectors, with_sectors


def event(sentence: str, source: list[tuple[str, str, str, str]], target: list[tuple[str, str, str, str]] = (),
          date: str = "2020-05-01") -> Event:
    """An event of `sentence` whose sides are (name, kind, country, text as found)."""
    actors = [*source, *target]
    return Event.from_dict({
        "id": "e1", "type": "meeting", "sentence": sentence, "date": date, "article_date": date,
        "source": [a[0] for a in source], "target": [a[0] for a in target], "actors": [a[0] for a in actors],
        "actor_kinds": [a[1] for a in actors], "actor_countries": [a[2] for a in actors],
        "actor_texts": [a[3] for a in actors],
    })


US = ("United States", "country", "USA", "US")
LAVROV = ("Sergei Lavrov", "person", "RUS", "Sergei Lavrov")


@pytest.mark.parametrize("sentence, side, sector, code", [
    ("US troops attacked rebel positions.", US, "military", "USAMIL"),
    ("US officials said so.", US, "government", "USAGOV"),
    ("Pakistan's army shelled the border.", ("Pakistan", "country", "PAK", "Pakistan"), "military", "PAKMIL"),
    ("Chinese government forces moved in.", ("China", "country", "CHN", "Chinese"), "military", "CHNMIL"),
    ("Russian Foreign Minister Sergei Lavrov met Wang Yi.", LAVROV, "government", "RUSGOV"),
    ("Lavrov met Wang Yi.", (*LAVROV[:3], "Lavrov"), "government", "RUSGOV"),  # the lexicon's title in 2020
    ("US General John Smith visited Kabul.", ("John Smith", "person", "USA", "John Smith"), "military", "USAMIL"),
    ("John Smith visited Kabul.", ("John Smith", "person", "USA", "John Smith"), "", "USA"),
    ("FARC rebels kidnapped two soldiers.", ("FARC", "group", "COL", "FARC"), "rebels", "COLREB"),
    ("The Taliban attacked a checkpoint.", ("Taliban", "group", "", "The Taliban"), "rebels", "REB"),
    ("Germany criticised France.", ("Germany", "country", "DEU", "Germany"), "", "DEU"),
    ("East Timor signed it.", ("East Timor", "country", "TLS", "East Timor"), "", "TMP"),
    ("The UN condemned the attack.", ("United Nations", "organization", "UN", "The UN"), "international", "IGOUNO"),
    ("NATO said so.", ("NATO", "organization", "NATO", "NATO"), "international", "IGOWSTNAT"),
    ("The IMF said so.", ("International Monetary Fund", "organization", "IMF", "The IMF"), "international", "IGO"),
    ("The US Congress passed it.", ("U.S. Congress", "organization", "USA", "US Congress"), "legislature", "USALEG"),
    ("The Bundestag passed it.", ("Bundestag", "organization", "DEU", "The Bundestag"), "government", "DEUGOV"),
    ("Guterres said so.", ("Antonio Guterres", "person", "UN", "Guterres"), "international", "IGOUNO"),
])
def test_sector_and_code_of_one_side(sentence, side, sector, code):
    e = with_sectors(event(sentence, [side]), load_lexicon())
    assert (e.source_sectors, e.source_codes) == ((sector,), (code,))
    assert e.target_sectors == e.target_codes == ()


def test_both_sides_are_parallel_to_source_and_target():
    e = with_sectors(event("Russian Foreign Minister Sergei Lavrov met Chinese officials and US troops.",
                           [LAVROV], [("China", "country", "CHN", "Chinese"), US]), load_lexicon())
    assert e.source_sectors == ("government",) and e.source_codes == ("RUSGOV",)
    assert e.target_sectors == ("government", "military") and e.target_codes == ("CHNGOV", "USAMIL")


def test_an_actor_named_by_context_not_in_the_sentence():
    e = with_sectors(event("The talks ended.", [US]), load_lexicon())
    assert (e.source_sectors, e.source_codes) == (("",), ("USA",))


def test_deterministic():
    e = event("US troops met Russian Foreign Minister Sergei Lavrov.", [US], [LAVROV])
    assert with_sectors(e, load_lexicon()) == with_sectors(e, load_lexicon())
    assert with_sectors(with_sectors(e, load_lexicon()), load_lexicon()) == with_sectors(e, load_lexicon())


@pytest.mark.parametrize("country, sector, state, code", [
    ("USA", "military", True, "USAMIL"), ("USA", "", True, "USA"), ("XKX", "police", True, "KSVCOP"),
    ("UN", "international", False, "IGOUNO"), ("EU", "military", False, "IGOEUREECMIL"), ("AU", "", False, "IGO"),
    ("", "rebels", False, "REB"), ("", "", False, ""),
    # territories (petrarch_territories.csv) carry PETRARCH's code of a state plus the territory
    ("NCL", "government", True, "FRANCLGOV"), ("GRL", "", True, "DNKGRL"), ("HKG", "", True, "HKG"),
])
def test_cameo_actor_code(country, sector, state, code):
    assert cameo_actor_code(country, sector, state) == code


def test_extracted_events_carry_sectors_and_codes():
    from timeline.model import Article
    from timeline.pipeline import extract_article

    article = Article(id="a1", title="Talks", date="2020-05-01",
                      text="Russian Foreign Minister Sergei Lavrov met Chinese officials in Beijing on Tuesday.")
    events = extract_article(article)
    assert events and all(len(e.source_codes) == len(e.source) and len(e.target_codes) == len(e.target) for e in events)
    meeting = next(e for e in events if e.source == ("Sergei Lavrov",))
    assert meeting.source_codes == ("RUSGOV",) and meeting.target == ("China",) and meeting.target_codes == ("CHNGOV",)
    assert extract_article(article) == events


# --- the tables -------------------------------------------------------------------------------------

def read_data(name: str) -> list[dict]:
    with (resources.files("timeline") / "data" / name).open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_every_sector_of_the_lexicons_has_a_code():
    codes = load_sectors().codes
    used = {r["sector"] for name in ("agents.csv", "petrarch_people.csv", "petrarch_groups.csv",
                                     "petrarch_organizations.csv") for r in read_data(name)} - {""}
    assert sorted(used - set(codes)) == []


def test_every_title_of_sectors_csv_is_a_title_and_every_code_an_actors():
    lexicon = load_lexicon()
    assert all(lexicon.match_title(t) == t for t in load_sectors().titles)
    assert all(lexicon.country_actor(code) is not None for code in load_sectors().countries)
