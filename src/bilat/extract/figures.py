"""Numbers with what they count and when: "79 joint activities for this year", "a 72-point plan"."""
from __future__ import annotations

import re

from bilat.models import Figure
from bilat.rulebook import rules



def _cue(name: str) -> re.Pattern:
    return rules().cue(name)


def _is_date_like(value: str, text: str, start: int) -> bool:
    v = value.strip("$€£ .,")  # "in 2011, taking turns": the comma is not part of the year
    return bool(_cue("figure_is_year").fullmatch(v)) or bool(_cue("ordinal_after").match(text[start + len(value):]))


def _names_number(text: str, start: int) -> bool:
    """'Military Zone 5 High Command', 'Neighbours 21': a number right after a capitalised word (not the
    sentence's first) is part of a name."""
    before = text[:start].split()
    return len(before) >= 2 and before[-1][:1].isupper() and before[-1][-1].isalnum()


def find_figures(sentences: list[str]) -> list[Figure]:
    out: list[Figure] = []
    for text in sentences:
        for m in _cue("figure_to_value").finditer(text):
            when = _cue("figure_when").search(text)
            out.append(Figure(value=m.group("value").strip(), counts=m.group("what"), when=when.group("when") if when else None, evidence=text))
        for m in _cue("figure_counted").finditer(text):
            value = m.group("value").strip()
            if _is_date_like(value, text, m.start("value")) or any(f.value == value and f.evidence == text for f in out):
                continue
            if value.endswith((",", ".")) or _names_number(text, m.start("value")):
                continue  # "from November 17 to 24, Kazakhstan's": the words after the comma count nothing
            what = m.group("what").strip()
            if _cue("not_counted").match(what):
                continue
            if value.rstrip(".,").replace(",", "").isdigit() and int(value.rstrip(".,").replace(",", "")) < 2 and "-" not in m.group(0):
                continue
            window = rules().knob("figure_when_window")
            when = _cue("figure_when").search(text, m.end()) or next(
                reversed(list(_cue("figure_when_before").finditer(text[max(0, m.start() - window):m.start()]))), None)
            out.append(Figure(value=value.rstrip(".,"), counts=what, when=when.group("when") if when else None, evidence=text))
        # "79 joint activities for this year, compared to 48 in 2023": the second number counts the same thing.
        for m in _cue("figure_compared").finditer(text):
            earlier = [f for f in out if f.evidence == text and f.value != m.group("value")]
            if earlier:
                out.append(Figure(value=m.group("value"), counts=earlier[-1].counts, when=m.group("when"), evidence=text))
    return out
