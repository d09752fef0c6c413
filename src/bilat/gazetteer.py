"""Every country, its ISO codes, names, demonyms and capitals: from the countryinfo package, mended by data.

countryinfo is taken as the base because it carries alternative spellings, demonyms and capitals
for every ISO 3166-1 country. `data/countries_extra.json` adds what it lacks (Kosovo, Türkiye,
"Britain", "Kazakh", …) and removes what misleads in running text ("Island" for Iceland).
Where territories share a demonym or capital with a state ("Indian", "American"), the most
populous country wins, which is the sovereign state in every such case.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from bilat.countrynames import UnknownCountry  # noqa: F401 - where callers of old found it
from bilat.textutil import fold


@dataclass
class Country:
    code: str
    alpha2: str
    name: str
    population: int = 0
    names: set[str] = field(default_factory=set)
    demonyms: set[str] = field(default_factory=set)
    capitals: set[str] = field(default_factory=set)
    provinces: set[str] = field(default_factory=set)  # where a place is, never a mention of the country


def ambiguous_names() -> dict[str, list[str]]:
    """Names typed on the command line that stand for more than one country ("Korea", "Congo"), from the data file."""
    extra = json.loads(resources.files("bilat").joinpath("data/countries_extra.json").read_text(encoding="utf-8"))
    return {k: v for k, v in extra.get("ambiguous", {}).items() if not k.startswith("_")}


class Gazetteer:
    def __init__(self, countries: dict[str, Country], not_countries: list[str],
                 forms: dict[str, tuple[str, str]] | None = None, keys: dict[str, str] | None = None):
        self.countries = countries
        self.not_countries = not_countries
        # Surface form -> (code, kind), for text. Kinds rank: names beat demonyms beat capitals,
        # and within a kind the most populous country wins.
        self.forms = forms if forms is not None else self._forms(countries)
        # Folded key -> code, for what users type on the command line.
        self.keys = keys if keys is not None else self._fold_keys(countries, self.forms)

    @staticmethod
    def _forms(countries: dict[str, Country]) -> dict[str, tuple[str, str]]:
        forms: dict[str, tuple[str, str]] = {}
        ranked = sorted(countries.values(), key=lambda c: -c.population)
        for kind, attr in (("name", "names"), ("demonym", "demonyms"), ("capital", "capitals")):
            for c in ranked:
                for form in getattr(c, attr):
                    forms.setdefault(form, (c.code, kind))
        return forms

    @staticmethod
    def _fold_keys(countries: dict[str, Country], forms: dict[str, tuple[str, str]]) -> dict[str, str]:
        keys: dict[str, str] = {}
        for c in sorted(countries.values(), key=lambda c: -c.population):
            for key in (c.code, c.alpha2):
                keys.setdefault(key.lower(), c.code)
        for form, (code, _kind) in forms.items():
            keys.setdefault(fold(form), code)
        return keys

    def country_of_place(self, place: str | None) -> str | None:
        """The country a capital or province name lies in ("Lagos", "Istanbul"), when only one has it."""
        if not place:
            return None
        code_kind = self.forms.get(place)
        if code_kind and code_kind[1] == "capital":
            return code_kind[0]
        owners = [c.code for c in self.countries.values() if place in c.provinces]
        return owners[0] if len(owners) == 1 else None

    def name(self, code: str) -> str:
        c = self.countries.get(code)
        return c.name if c else code


def _read_countryinfo() -> list[dict]:
    import countryinfo

    folder = os.path.join(os.path.dirname(countryinfo.__file__), "data")
    rows = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as fh:
            try:
                rows.append(json.load(fh))
            except ValueError:
                continue
    return rows


_CACHE_FORMAT = 2  # bump when the cached JSON's shape changes


def _cache_file(extra_text: str) -> Path:
    """Where the built gazetteer is kept: reading 250 countryinfo files costs more than a command should."""
    # The installed countryinfo data, identified by its folder's path and time, without importing the package.
    spec = importlib.util.find_spec("countryinfo")
    origin = os.path.dirname(spec.origin) if spec and spec.origin else ""
    try:
        base = f"{origin}:{os.stat(os.path.join(origin, 'data')).st_mtime_ns}"
    except OSError:
        base = origin
    key = hashlib.sha1(f"{_CACHE_FORMAT}:{base}{extra_text}".encode()).hexdigest()[:12]
    return _cache_folder() / f"gazetteer-{key}.json"


def _cache_folder() -> Path:
    """The cache folder the Environment names ($XDG_CACHE_HOME/bilat): extraction workers load the gazetteer too."""
    from bilat.environment import Environment

    return Environment.from_os().cache


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    extra_text = resources.files("bilat").joinpath("data/countries_extra.json").read_text(encoding="utf-8")
    cached = _cache_file(extra_text)
    try:
        data = json.loads(cached.read_text(encoding="utf-8"))
        countries = {code: Country(code=code, alpha2=c["alpha2"], name=c["name"], population=c["population"],
                                   names=set(c["names"]), demonyms=set(c["demonyms"]), capitals=set(c["capitals"]),
                                   provinces=set(c["provinces"]))
                     for code, c in data["countries"].items()}
        forms = {form: (code, kind) for form, (code, kind) in data["forms"].items()}
        return Gazetteer(countries, data["not_countries"], forms, data["keys"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass  # missing, unreadable or damaged (another shape, hand-edited): built again below
    gazetteer = _build(json.loads(extra_text))
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"countries": {code: {"alpha2": c.alpha2, "name": c.name, "population": c.population,
                                                        "names": sorted(c.names), "demonyms": sorted(c.demonyms),
                                                        "capitals": sorted(c.capitals), "provinces": sorted(c.provinces)}
                                                 for code, c in gazetteer.countries.items()},
                                   "not_countries": gazetteer.not_countries, "forms": gazetteer.forms,
                                   "keys": gazetteer.keys}, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, cached)
    except OSError:
        pass  # a read-only cache only costs time
    return gazetteer


def _build(extra: dict) -> Gazetteer:
    """The gazetteer from countryinfo's files and our additions."""
    retired = set(extra["retired"])
    drop_names = set(extra["drop_names"])
    drop_capitals = set(extra["drop_capitals"])
    countries: dict[str, Country] = {}
    for row in _read_countryinfo():
        iso = row.get("ISO") or {}
        code = iso.get("alpha3")
        if not code or code in retired:
            continue
        c = countries.setdefault(code, Country(code=code, alpha2=iso.get("alpha2") or "", name=row.get("name") or code))
        c.population = max(c.population, int(row.get("population") or 0))
        c.names.add(row.get("name") or code)
        for alt in row.get("altSpellings") or []:
            # Codes and one-word native spellings like "Island" are not how English copy names a country.
            if len(alt) > 3 and alt not in drop_names and "," not in alt:
                c.names.add(alt)
        for demonym in str(row.get("demonym") or "").split(","):
            if demonym.strip() and "/" not in demonym:
                c.demonyms.add(demonym.strip())
        provinces = row.get("provinces")
        if isinstance(provinces, list):
            c.provinces.update(p for p in provinces if isinstance(p, str) and p.replace(" ", "").isalpha())
        capital = row.get("capital")
        for cap in capital if isinstance(capital, list) else [capital]:
            if cap and cap not in drop_capitals:
                c.capitals.add(cap)
    for row in extra["add"]:
        c = countries.setdefault(row["code"], Country(code=row["code"], alpha2=row["alpha2"], name=row["name"]))
        c.population = row.get("population", 0)
        c.names.add(row["name"])
        c.capitals.add(row["capital"])
        c.demonyms.add(row["demonym"])
    for kind in ("names", "demonyms", "capitals"):
        for code, forms in extra[kind].items():
            getattr(countries[code], kind).update(forms)
    # A dependent territory is read as its sovereign ("in Nouméa, New Caledonia" is France's side): its names and
    # capital become the sovereign's, and it is no country of its own.
    for code, sovereign in extra.get("territories", {}).items():
        if code.startswith("_") or code not in countries or sovereign not in countries:
            continue
        territory = countries.pop(code)
        countries[sovereign].names.update(territory.names)
        countries[sovereign].capitals.update(territory.capitals)
    # Common English names for the few countries countryinfo files under a formal one.
    preferred = {"TUR": "Türkiye", "KOR": "South Korea", "PRK": "North Korea", "CZE": "Czechia", "MKD": "North Macedonia",
                 "CIV": "Côte d'Ivoire", "SWZ": "Eswatini", "TLS": "Timor-Leste", "VAT": "Vatican City", "CPV": "Cabo Verde",
                 "BHS": "Bahamas", "GMB": "Gambia", "COG": "Republic of the Congo", "COD": "DR Congo", "PSE": "Palestine"}
    for code, name in preferred.items():
        if code in countries:
            countries[code].name = name
    return Gazetteer(countries, extra["not_countries"])
