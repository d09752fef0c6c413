"""Country mentions in text: names, short and old names, demonyms, and capitals standing for governments."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from bilat.rulebook import Rulebook, rules
from bilat.gazetteer import Gazetteer, load
from bilat.literals import screened
from bilat.textutil import alternation, fold_same_length


@dataclass(frozen=True)
class CountryMention:
    start: int
    end: int
    code: str
    kind: str  # name, demonym, capital
    text: str


class CountryMatcher:
    """The gazetteer's names, with a user's aliases and blocked phrases from the rules merged in."""

    def __init__(self, gazetteer: Gazetteer, book: Rulebook):
        self.gazetteer = gazetteer
        self._leads = book.words("country_leads")
        self._state_names = book.words("country_names_of_states")
        self._currency_after = re.compile(rf"(?:\$|\s+(?:{book.alternation('currency_names')})\b)")
        # "Sofia Berg", "Santiago Ruiz": a capital that is also a given name, before a capitalised word, is a person
        self._given_name = re.compile(rf"(?:{book.alternation('given_name_capitals')})\s+[A-Z][a-z]")
        self._water_before = re.compile(rf"\b(?:{book.alternation('water_before_of')})\s+of\s+(?:the\s+)?$")
        self._feature_after = re.compile(rf"\s+(?:{book.alternation('feature_after_name')})\b")
        forms = sorted(gazetteer.forms, key=len, reverse=True)
        self._by_folded = {fold_same_length(alias): (code, "name") for alias, code in book.country_aliases.items()}
        for form in forms:
            self._by_folded.setdefault(fold_same_length(form), gazetteer.forms[form])
        # One alternation of every form, in two (see _names): the forms that open with a capital (or a letter of another
        # script), whose first character the engine skips to, with "no letter or digit before" asked after it (the
        # first character is never a line break, which `.` would not take); and the few others ("the Netherlands").
        capital = [f for f in self._by_folded if not (f[0].isascii() and not f[0].isupper())]
        rest = [f for f in self._by_folded if f[0].isascii() and not f[0].isupper()]
        self._rx = re.compile(rf"(?:{alternation(capital, after_first='(?<![A-Za-z0-9].)')})(?![A-Za-z0-9])")
        self._rest = screened(re.compile(rf"(?<![A-Za-z0-9])(?:{alternation(rest)})(?![A-Za-z0-9])")) if rest else None
        not_countries = list(gazetteer.not_countries) + book.not_countries
        blocked = alternation(fold_same_length(p).lower() for p in not_countries)  # lower: re.I reads them alike
        # Screened (literals.py): every paragraph is asked, and few name any of these phrases.
        self._blocked = screened(re.compile(rf"(?<![A-Za-z0-9])(?:{blocked})(?![A-Za-z0-9])", re.I))

    def find(self, text: str) -> list[CountryMention]:
        folded = fold_same_length(text)
        blocked = None  # looked for at the first name found: a text that names no country needs no blocked phrases
        out = []
        for m in self._names(folded):
            if blocked is None:
                blocked = [(b.start(), b.end()) for b in self._blocked.finditer(folded)]
            if any(s <= m.start() and m.end() <= e for s, e in blocked):
                continue
            code, kind = self._by_folded[m.group(0)]
            if kind == "capital" and self._given_name.match(folded, m.start()):  # "Sofía Landaburu" as "Sofia …"
                continue
            # "US", "UAE" are codes, never surnames; "Jordan" after "Michael" may be one
            if (kind in ("name", "capital") and " " not in m.group(0) and not m.group(0).isupper()
                    and self._is_person_name(folded, m.start())):
                continue
            # the words right before: these patterns end there, so a window reads as the whole text would
            before = folded[max(0, m.start() - 40):m.start()]
            if kind == "demonym" and _LANGUAGE_AFTER.match(folded, m.end()) and (
                    _LANGUAGE_BEFORE.search(before) or folded.startswith("language", m.end() + 1)):
                continue  # "translated from Portuguese", "in the Spanish language": a language, not a country
            surface = text[m.start():m.end()]
            if (kind == "demonym" and surface != m.group(0) and surface not in self.gazetteer.forms
                    and _CAPITALISED_WORD_AFTER.match(text, m.end())):
                continue  # "Germán Alirio Quitián": a given name that folds to a demonym, before another name
            if kind == "name" and (self._feature_after.match(folded, m.end()) or self._water_before.search(before)):
                continue  # "the Gulf of Oman", "through the Panama Canal": waters and works, not the country
            if kind in ("name", "demonym") and self._currency_after.match(folded, m.end()):
                continue  # "148 million US dollars", "Japanese yen", "US$": a currency, not a country
            if kind == "capital" and _PLACE_PARTICLE_BEFORE.search(before):
                continue  # "Mocímboa da Praia": a capital's name inside another place's
            if kind == "name" and m.group(0).lower() in self._state_names and self._state_after_place(text, m.start(), code):
                continue  # "Marietta, Georgia": the US state; "Tbilisi, Georgia" stays the country
            out.append(CountryMention(m.start(), m.end(), code, kind, text[m.start():m.end()]))
        return out

    def _names(self, folded: str):
        """The forms named in folded, as finditer of the one alternation of them all gives them: leftmost first, none
        overlapping. A capital's form and another can never start at one place (their first characters differ),
        so the earlier of the two patterns' next matches is the alternation's."""
        if self._rest is None:
            return self._rx.finditer(folded)
        out = []
        capital, other = self._rx.search(folded), self._rest.search(folded)
        while capital is not None or other is not None:
            m = capital if other is None or (capital is not None and capital.start() < other.start()) else other
            out.append(m)
            if capital is not None and capital.start() < m.end():
                capital = self._rx.search(folded, m.end())
            if other is not None and other.start() < m.end():
                other = self._rest.search(folded, m.end())
        return out

    def _state_after_place(self, text: str, start: int, code: str) -> bool:
        """Whether a country's name that is also a state's follows "Place, " where the place is not its capital."""
        m = _PLACE_COMMA_BEFORE.search(text[max(0, start - 40):start])
        if not m:
            return False
        country = self.gazetteer.countries.get(code)
        capitals = {fold_same_length(c).lower() for c in (country.capitals if country else ())}
        return fold_same_length(m.group(1)).lower() not in capitals

    def _is_person_name(self, text: str, start: int) -> bool:
        """`Michael Jordan`, `Lake Chad`: a one-word name right after a capitalised word is not the country."""
        m = re.search(r"(?:^|[^\w.,;:'\"“‘(\-])([A-Z][a-z]+) $", text[max(0, start - 30):start])
        return bool(m) and m.group(1).lower() not in self._leads


# A demonym standing for a language: after "from", "into", "in (the)", with nothing after it but punctuation or
# "language" ("a translation from Portuguese]", "two copies in the Spanish language").
_LANGUAGE_AFTER = re.compile(r"(?:\s+language\b|\s*(?:[.,;:)\]]|$))")
_LANGUAGE_BEFORE = re.compile(r"\b(?:from|into|in(?:\s+the)?|spoke|speaks|speaking)\s+$")
_CAPITALISED_WORD_AFTER = re.compile(r"\s+[A-Z]")
_PLACE_COMMA_BEFORE = re.compile(r"\b([A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+)?),\s+$")
_PLACE_PARTICLE_BEFORE = re.compile(r"[A-Z][\w'-]+\s+(?:da|de|do|dos|das|del|di|du)\s+$")


def settle_shared_demonyms(found: list[list[CountryMention]]) -> list[list[CountryMention]]:
    """"Congolese sailors" in a story that names Pointe-Noire's Congo-Brazzaville and never the DR Congo are of the
    Republic of the Congo: a demonym two countries share is the one the text otherwise names, when it names one."""
    shared = {fold_same_length(k).lower(): codes for k, codes in rules().ambiguous_demonyms.items()}
    if not shared:
        return found
    in_text = {c.code for mentions in found for c in mentions if c.kind != "demonym"}
    out = []
    for mentions in found:
        here = {c.code for c in mentions if c.kind != "demonym"}
        row = []
        for c in mentions:
            options = shared.get(fold_same_length(c.text).lower()) if c.kind == "demonym" else None
            meant: list[str] = []
            for named in (here, in_text) if options else ():  # the paragraph first (a round-up's brief), then the text
                meant = [o for o in options if o in named]
                if meant:
                    break
            row.append(replace(c, code=meant[0]) if len(meant) == 1 and meant[0] != c.code else c)
        out.append(row)
    return out


def matcher() -> CountryMatcher:
    return _matcher(rules().fingerprint)


@lru_cache(maxsize=4)
def _matcher(_fingerprint: str) -> CountryMatcher:
    return CountryMatcher(load(), rules())
