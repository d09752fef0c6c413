"""Engagements: who engaged whom, in what way, when and where, read sentence by sentence.

A sentence reports an engagement when it holds a trigger of one type (signed a plan, held
talks, joint drills, a purchase, co-production, a working group) and names its parties, by
country, by a person whose country is known, or as "the two countries". Mentions of one
occasion inside a document are merged; the most precise date wins.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bilat.extract.dates import DateMention
from bilat.models import Date, Event

# Trigger patterns per type, tried in this order: the outcome of an occasion names it.
TRIGGERS: list[tuple[str, re.Pattern]] = [
    ("mechanism", re.compile(r"\bworking group\b|\bjoint (?:\w+ ){0,3}(?:commission|committee|council|mechanism)\b|"
                             r"\bconsultation mechanism\b|\b(?:cooperation|strategic) council\b|\b2\+2\b|\bmechanism\b|"
                             r"\b(?:commission|committee) (?:talks|meeting|session)\b|\bsecurity commission\b", re.I)),
    ("exercise", re.compile(r"\bexercises?\b|\bdrills?\b|\bmanoeuvres?\b|\bmaneuvers?\b|\bwar ?games?\b", re.I)),
    ("arms_transfer", re.compile(r"\bpurchas\w*|\bbuy(?:s|ing)?\b|\bbought\b|\bsale\b|\bsold\b|\bdeliver(?:y|ed|ies)\b|"
                                 r"\bacquisition\b|\bcontract (?:for|to buy|covers)\b|\bordered\b|\btaken into service\b|"
                                 r"\bprocure\w*|\bsupply of\b|\bexport order\b|\bcontract with\b|\bsigns? for\b", re.I)),
    ("industry", re.compile(r"\bco-?produc\w*|\bproduced jointly\b|\bjoint venture\b|\bjoint development\b|"
                            r"\bcorvettes?\b|\btechnology transfer\b|\bjoint production\b|\bdefen[cs]e[- ]industr\w* (?:project|cooperation)\b|"
                            r"\bco-?develop\w*|\bshipyard\b|\blaunched? (?:a|the) \w+ built\b", re.I)),
    ("agreement", re.compile(r"\bsign(?:ed|s|ing)?\b|\bagreements?\b|\bmemorand(?:um|a)\b|\bplan\b|\bprotocol\b|"
                             r"\bdeclaration\b|\btreaty\b|\bpact\b|\baccords?\b|\bframework\b|\bletter of intent\b|"
                             r"\broad ?map\b|\bconcluded\b|\binks?\b|\bdeal\b|\bSOFA\b", re.I)),
    ("meeting", re.compile(r"\btalks\b|\bmet\b|\bmeets?\b|\bmeeting\b|\bvisit(?:s|ed|ing)?\b|\breceived\b|\bhosted\b|"
                           r"\bwelcom\w+ ceremony\b|\bconsultations\b|\bdialogue\b|\bcalled on\b", re.I)),
]
# What makes a trigger word not an engagement of its own.
_NOT_EVENT = re.compile(r"\b(?:expected to|will|would|could|might|plans? to|aims? to|wants? to|weighing|considering|"
                        r"looking at|if signed|ahead of|refus\w+|criticis\w+|rather have)\b", re.I)
_BOTH = re.compile(r"\b(?:the two|both) (?:countries|nations|sides|ministers|states|governments|armies|defence ministries|defense ministries|leaders|parties)\b|"
                   r"\bbilateral\b|\btheir (?:two )?countries\b|\beach other\b", re.I)
_MULTI = re.compile(r"\btrilateral\b|\bthree(?:-way| countries| nations)\b|\bmultinational\b|\ball three\b|\bsecurity pact with\b", re.I)

CAMEO = {
    "agreement": ("057", {"event": "AGREE", "mode": "sign", "context": "military"}),
    "meeting": ("042", {"event": "CONSULT", "mode": "visit", "context": "military"}),
    "exercise": ("062", {"event": "COOPERATE", "mode": "exercise", "context": "military"}),
    "arms_transfer": ("072", {"event": "AID", "mode": "military", "context": "military"}),
    "industry": ("062", {"event": "COOPERATE", "mode": "industry", "context": "military"}),
    "mechanism": ("046", {"event": "CONSULT", "mode": "multilateral", "context": "military"}),
}
LABEL = {"agreement": "Agreement", "meeting": "Meeting", "exercise": "Exercise", "arms_transfer": "Arms transfer",
         "industry": "Defence-industry project", "mechanism": "Joint body"}


@dataclass
class Sentence:
    paragraph: int
    start: int
    text: str
    countries: list[str]  # codes in order of mention, people's countries included
    dates: list[DateMention]
    lead: bool  # the article's first story sentence
    headline: bool


def _event_date(sentence: Sentence, anchor_date: Date | None) -> Date | None:
    usable = []
    for d in sentence.dates:
        if d.date is None:
            if d.kind in ("weekday", "md", "dm", "today", "rel_week", "ago"):
                usable.append(d)  # a date the text names but cannot fix: it must not fall back to another
            continue
        before = sentence.text[max(0, d.start - 12):d.start].lower()
        after = sentence.text[d.end:d.end + 3]
        if d.kind == "year" and (re.search(r"(?:for|through|until|till|to|–|-|from|year of|since)\s*$", before) or after.startswith(("-", "–"))):
            continue  # "a plan for 2024", "2023-2028", "since 2011": not when it happened
        usable.append(d)
    if not usable:
        return anchor_date if sentence.lead else None
    rank = {"day": 3, "month": 2, "year": 1}
    fixed = [d for d in usable if d.date is not None]
    if not fixed:
        return None
    best = max(fixed, key=lambda d: rank[d.date.precision])
    return best.date


def _place(text: str, is_country_word) -> str | None:
    for m in re.finditer(r"\b(?:in|at)\s+(?:the\s+(?:capital|city|port city)\s+(?:of\s+)?)?(?:[\w-]+,\s+)?([A-Z][\w'-]+(?:[- ][A-Z][\w'-]+)?)", text):
        place = m.group(1)
        if is_country_word(place) or re.match(r"(?:January|February|March|April|May|June|July|August|September|October|"
                                              r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                                              r"NATO|EU|The|This|That|His|Her|Their|Its|Europe|Asia|Africa|Central|South|North|East|West)\b", place):
            continue
        if re.search(r"\b(?:House|Palace|Hall|Ministry|Council|Group|Forces|Force|Organisation|Organization|Air|Base|Zone)\b", place):
            continue
        return place
    return None


def find_events(sentences: list[Sentence], main_pair: list[str], anchor_date: Date | None, dateline_place: str | None,
                is_country_word, is_capital) -> list[Event]:
    events: list[Event] = []
    for s in sentences:
        if s.headline:
            continue
        kinds = [kind for kind, rx in TRIGGERS if rx.search(s.text)]
        if not kinds:
            continue
        parties = _parties(s, main_pair)
        if not parties:
            continue
        kind = kinds[0]
        trigger = TRIGGERS[[k for k, _ in TRIGGERS].index(kind)][1].search(s.text)
        clause = s.text[max(0, trigger.start() - 60):trigger.end() + 40]
        if _NOT_EVENT.search(clause) and not re.search(r"\b(?:signed|held|concluded|completed)\b", clause, re.I):
            continue
        date = _event_date(s, anchor_date)
        place = _place(s.text, is_country_word) or (dateline_place if s.lead else None)
        for group in parties:
            cameo, plover = CAMEO[kind]
            if kind == "agreement" and re.search(r"letter of intent|intent to", s.text, re.I):
                cameo, plover = "0312", {"event": "AGREE", "mode": "intent", "context": "military"}
            events.append(Event(countries=group, type=kind, date=date, place=place,
                                summary=_summary(kind, group, place, s.text, trigger), evidence=s.text.strip(),
                                cameo=cameo, plover=dict(plover)))
    return _merge(events)


def _parties(s: Sentence, main_pair: list[str]) -> list[list[str]]:
    codes = list(dict.fromkeys(s.countries))
    if len(codes) >= 3:
        if _MULTI.search(s.text):
            return [sorted(codes)]
        if set(main_pair) <= set(codes) and len(main_pair) == 2:
            return [sorted(main_pair)]
        # "X already has agreements with A, B and C": X paired with each.
        m = re.search(r"\bwith\s+((?:[A-Z][\w-]+(?: [A-Z][\w-]+)?,\s+)+[A-Z][\w-]+(?: [A-Z][\w-]+)?,?\s+and\s+[A-Z][\w-]+)", s.text)
        if m and codes:
            head = codes[0]
            return [sorted([head, c]) for c in codes[1:]]
        return [sorted(codes[:2])]
    if len(codes) == 2:
        return [sorted(codes)]
    if len(main_pair) == 2 and (_BOTH.search(s.text) or (codes and codes[0] in main_pair and re.search(r"\b(?:counterpart|bilateral|two)\b", s.text))):
        return [sorted(main_pair)]
    return []


def _summary(kind: str, countries: list[str], place: str | None, text: str, trigger) -> str:
    from bilat.gazetteer import load

    names = " – ".join(load().name(c) for c in countries)
    where = f" in {place}" if place else ""
    return f"{LABEL[kind]}: {names}{where}"


def _merge(events: list[Event]) -> list[Event]:
    """Mentions of one occasion in one document become one event with the best date and place."""
    out: list[Event] = []
    for e in events:
        same = next((o for o in out if o.type == e.type and o.countries == e.countries and _compatible(o, e)), None)
        if same is None:
            out.append(e)
            continue
        if _better_date(e.date, same.date):
            same.date = e.date
        if same.place is None and e.place:
            same.place = e.place
    return out


def _compatible(a: Event, b: Event) -> bool:
    if a.date is None or b.date is None:
        return a.date is None and b.date is None and (a.place == b.place or not a.place or not b.place)
    x, y = a.date.value, b.date.value
    return x.startswith(y) or y.startswith(x) or (a.date.source == "prefix" or b.date.source == "prefix")


def _better_date(new: Date | None, old: Date | None) -> bool:
    if new is None:
        return False
    if old is None:
        return True
    rank = {"day": 3, "month": 2, "year": 1}
    if old.source == "prefix" and new.source != "prefix" and new.precision == "day":
        return True
    return rank[new.precision] > rank[old.precision]
