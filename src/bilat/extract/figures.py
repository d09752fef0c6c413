"""Numbers with what they count and when: "79 joint activities for this year", "a 72-point plan"."""
from __future__ import annotations

import re

from bilat.models import Figure

_NUMBER = r"(?P<value>\$?€?£?\d[\d,.]*(?:\s*(?:billion|million|thousand|bn|m))?(?:\s*(?:euros?|dollars?|percent|per cent|%))?)"
_STOP = r"(?:for|in|of|to|from|by|on|at|with|that|which|and|compared|while|since|over|under|the|a|an|this|per|as|is|are|was|were|will|have|has)"
_COUNTED = re.compile(rf"(?<![\w.-]){_NUMBER}[-\s]+(?P<what>(?:(?!{_STOP}\b)[a-zA-Z][\w-]*\s*){{1,3}})")
_WHEN = re.compile(r"\b(?:for|in|during|over)\s+(?P<when>(?:this|last|next) year|the (?:last|past|next) \d+ years|(?:19|20)\d\d)\b")
_WHEN_BEFORE = re.compile(r"\b(?:for|in|during)\s+(?P<when>(?:this|last|next) year|(?:19|20)\d\d)\b")
_TO_VALUE = re.compile(r"(?P<what>[a-z]+ (?:volume|value|spending|budget|turnover))\b[^.]*?\bto\s+(?P<value>\$?€?\d[\d,.]*\s*(?:billion|million|percent|per cent|%)?)")


def _is_date_like(value: str, text: str, start: int) -> bool:
    v = value.strip("$€£ ")
    return bool(re.fullmatch(r"(?:19|20)\d\d", v)) or bool(re.match(r"\s*(?:st|nd|rd|th)\b", text[start + len(value):]))


def find_figures(sentences: list[str]) -> list[Figure]:
    out: list[Figure] = []
    for text in sentences:
        for m in _TO_VALUE.finditer(text):
            when = _WHEN.search(text)
            out.append(Figure(value=m.group("value").strip(), counts=m.group("what"), when=when.group("when") if when else None, evidence=text))
        for m in _COUNTED.finditer(text):
            value = m.group("value").strip()
            if _is_date_like(value, text, m.start("value")) or any(f.value == value and f.evidence == text for f in out):
                continue
            what = m.group("what").strip()
            if re.match(r"(?:January|February|March|April|May|June|July|August|September|October|November|December|years?|days?|weeks?|months?|times)\b", what, re.I):
                continue
            if value.rstrip(".,").replace(",", "").isdigit() and int(value.rstrip(".,").replace(",", "")) < 2 and "-" not in m.group(0):
                continue
            when = _WHEN.search(text, m.end()) or next(reversed(list(_WHEN_BEFORE.finditer(text[max(0, m.start() - 40):m.start()]))), None)
            out.append(Figure(value=value.rstrip(".,"), counts=what, when=when.group("when") if when else None, evidence=text))
        # "79 joint activities for this year, compared to 48 in 2023": the second number counts the same thing.
        for m in re.finditer(r"\b(?:compared (?:to|with)|against|up from|down from|from|versus|vs\.?)\s+(?P<value>\d[\d,.]*)\s+(?:in|for|during)\s+(?P<when>(?:19|20)\d\d|last year)\b", text):
            earlier = [f for f in out if f.evidence == text and f.value != m.group("value")]
            if earlier:
                out.append(Figure(value=m.group("value"), counts=earlier[-1].counts, when=m.group("when"), evidence=text))
    return out
