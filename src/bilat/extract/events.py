"""Engagements: who engaged whom, in what way, when and where, read sentence by sentence.

A sentence reports an engagement when it holds a trigger of one type (signed a plan, held
talks, joint drills, a purchase, co-production, a working group) and names its parties, by
country, by a person whose country is known, or as "the two countries". Mentions of one
occasion inside a document are merged; the most precise date wins.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from bilat.extract.dates import FULL_KINDS, DateMention, first_day_of_span, month_number
from bilat.extract.people import makers_in
from bilat.rulebook import rules
from bilat.models import EVENT_TYPES, Date, Event

def _cue(name: str) -> re.Pattern:
    return rules().cue(name)


def _knob(name: str):
    return rules().knob(name)


@dataclass
class Sentence:
    paragraph: int
    start: int
    text: str
    countries: list[str]  # codes in order of mention, people's countries included
    dates: list[DateMention]
    lead: bool  # in the article's first story paragraph
    headline: bool
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, code) within text, by position
    shared: Date | None = None  # a clause with no date of its own: the date of the clause before it in its sentence
    day_heading: Date | None = None  # the day a live blog's heading above it names ("SATURDAY 30 MAY"), or the year
    # that heads its paragraph in a look back ("2019 — …")
    subject: str | None = None  # a later clause of a list of deeds with one subject ("It signed for a submarine
    # from China in 2017, took delivery of a frigate from South Korea in 2019, …"): that subject's country


@dataclass
class _Found:
    event: Event
    recalled: bool
    order: int
    name: str | None = None  # a named exercise ("Iron Cat") stays apart from another named one
    lead: bool = False  # read from the story's first paragraph
    paragraph: int = -1
    planned: bool = False  # still to come ("will meet again later this year")
    remention: bool = False  # "hosted the meeting": an engagement named before, by its determiner
    unfixed_day: bool = False  # its sentence names a day the text cannot fix ("on Thursday", with no year known)
    handover: bool | None = None  # a transfer's stage: True handed over or arrived, False ordered or contracted


def _usable_dates(sentence: Sentence) -> list[DateMention]:
    usable = []
    stamp = _cue("update_stamp").match(sentence.text)
    for d in sentence.dates:
        if stamp and d.end <= stamp.end():
            continue  # "Update, 25 March 2026, 11:20:": when the paragraph was written
        if d.date is None:
            if d.kind in ("weekday", "md", "dm", "today", "rel_week", "ago", "m_alone", "m_rel", "narrative"):
                usable.append(d)  # a date the text names but cannot fix: it must not fall back to another
            continue
        before = sentence.text[max(0, d.start - _knob("year_context_before")):d.start].lower()
        after = sentence.text[d.end:d.end + 1]
        rest = sentence.text[d.end:]
        if _cue("since_phrase").search(sentence.text[:d.start]):
            continue  # "her first visit since taking office last year": the time of taking office, not of the visit
        where = _cue("where_clause").search(sentence.text[:d.start])
        if where and not _cue("where_deed").match(sentence.text, where.start()):
            continue  # "…, where piracy rose again last year": the time of what the place clause tells, not of the deed
        if d.kind == "year" and not _cue("year_of_when_clause").match(rest) and (
                _cue("year_not_when").search(before) or after in ("-", "–") or _cue("year_span_start").match(rest)
                or _cue("year_of_plan").match(rest)):
            continue  # "a plan for 2024", "a 2024 cooperation plan", "2023-2028", "since 2011": not when it happened
        usable.append(d)
    # "The minister, who arrived yesterday, was received today": the aside's own time; but "The exercise, which began
    # on Monday, ended today" gives the first day of the engagement itself
    asides = [m.span() for m in _cue("relative_aside").finditer(sentence.text) if not _cue("span_start").search(m.group(0))]
    if asides:
        outside = [d for d in usable if not any(a <= d.start < b for a, b in asides)]
        usable = outside if any(d.date is not None for d in outside) else usable
    # "last met in Naivasha in March 2025, when the two sides agreed to draft the accord signed yesterday": a day inside
    # the when-clause dates what that clause tells; the engagement has its own date before it
    when = _cue("when_clause").search(sentence.text)
    if when and any(d.date is not None and d.start < when.start() for d in usable):
        usable = [d for d in usable if d.start < when.start()]
    reported = _report_days(sentence, usable)
    return [d for d in usable if d not in reported] or reported


def _report_days(sentence: Sentence, usable: list[DateMention]) -> list[DateMention]:
    """"…, the ministry said on Friday": the day of the report, worth less than any date of the engagement itself."""
    return [d for d in usable if _cue("reported_on").search(sentence.text[max(0, d.start - _knob("report_window")):d.start])
            or (d.kind in FULL_KINDS and _cue("report_dated").search(sentence.text[:d.start]))]


def _event_date(sentence: Sentence, anchor_date: Date | None, usable: list[DateMention] | None = None) -> Date | None:
    usable = _usable_dates(sentence) if usable is None else usable
    if sentence.lead and anchor_date is not None and usable and all(
            d.kind == "year" and d.date is not None and anchor_date.value.startswith(d.date.value)
            and _cue("year_of_gathering").match(sentence.text[d.end:]) for d in usable):
        return anchor_date  # "on the sidelines of the 2025 Shangri-La Dialogue", datelined June 1: the dateline's day
    if not usable:
        return anchor_date if sentence.lead else None
    fixed = [d for d in usable if d.date is not None]
    if not fixed:
        return None
    if anchor_date is not None:
        # "concluded last year a contract for drones, the first of which are to be delivered in 2027": a deed done is
        # dated by when it was done, not by what it leads to later (asked only where a date lies ahead)
        done = [d for d in fixed if not _after(d.date, anchor_date)]
        if done and len(done) < len(fixed) and _cue("happened").search(sentence.text):
            fixed = done
    rank = {"day": 3, "month": 2, "year": 1}
    # "A day earlier, on Wednesday": the day named outranks the count, which runs from wherever the story had got to
    return max(fixed, key=lambda d: (rank[d.date.precision], d.date.source == "text", d.kind != "narrative")).date


def _place(text: str, is_country_word) -> str | None:
    for m in _cue("place").finditer(text):
        place = m.group(1)
        if is_country_word(place) or _cue("not_place").match(place) or _cue("institution").search(place) \
                or place.endswith(("'s", "’s")) or _titled(place.split()[0]) or _before_a_title(text, m.end()):
            continue  # "at Airbus's plant in Seville": an owner, and the place comes after; "General" is a rank
        return place
    return None


def _before_a_title(text: str, end: int) -> bool:
    """"the commander of the forces in Guiana, General X, …": the place is a post's, not the engagement's."""
    after = re.match(r",\s+([\w.]+)", text[end:])
    return after is not None and _titled(after.group(1))


def _titled(word: str) -> bool:
    """A rank, honorific or post ("in Guiana, General X"): never the first word of a place."""
    low = word.lower().strip(".")
    return low in rules().words("ranks") or low in rules().words("honorifics") or low in rules().words("role_heads")


def _in_enumeration(text: str, start: int, end: int) -> bool:
    """`plans for joint training, exercises, weapons procurement and …`: an item of a list, not an engagement."""
    if _cue("edition_name").fullmatch(text, start, end) or any(ch.isupper() for ch in text[start + 1:end]):
        return False  # "The first, Transcend-2014, was held …", "Last year, the India-Germany High Defence Committee,
        # which …, met": a name in apposition, not an item of a list of kinds of cooperation
    if re.match(r"\s+(?:\d|(?:two|three|four|five|six|eight|ten|twelve)\b)", text[end:]):
        return False  # "concluded, with Baykar, a contract for 18 drones": a counted order is no item of a list
    left = text[:start]
    right = text[end:]
    seg_start = max(left.rfind(","), left.rfind(";"))
    seg_end_candidates = [i for i in (right.find(","), right.find(" and ")) if i >= 0]
    seg_end = min(seg_end_candidates) if seg_end_candidates else -1
    item = text[seg_start + 1:end + (seg_end if seg_end >= 0 else len(right))]
    window = _knob("enumeration_window")
    commas = text[max(0, start - window):end + window].count(",")
    # "…, signed a technology transfer and licence agreement": a verb of doing makes it a clause, not a list item
    return (seg_start >= 0 and len(item.split()) <= _knob("enumeration_item_words") and commas >= _knob("enumeration_commas")
            and not _cue("happened").search(item))


class _Known:
    """What is known of each clause text of the document being read, under the rules it was read by: a clause, its
    asides and the parts around an earlier deal are asked for their triggers several times (find_events starts each
    document afresh)."""

    def __init__(self, book):
        self.book = book
        self.matches: dict[str, list[tuple[str, list[re.Match]]]] = {}  # each type's trigger matches, unfiltered
        self.triggers: dict[str, list[tuple[str, re.Match]]] = {}  # what _triggers gives


_known = _Known(None)


def _known_now() -> _Known:
    global _known
    if _known.book is not rules():
        _known = _Known(rules())
    return _known


def _matches(text: str) -> list[tuple[str, list[re.Match]]]:
    """Every match of each type's triggers in text, types in priority order."""
    known = _known_now().matches
    if text not in known:
        events = rules().events  # one group of patterns: the words of all their triggers are looked for at once
        known[text] = list(zip((rule.type for rule in events), events[0].trigger.group.finditer_each(text)))
    return known[text]


def _triggers(s: Sentence):
    """Trigger matches in type priority, then text order; list items and guest books are not triggers.

    A trigger inside a relative clause that follows another trigger comes last: "signed an agreement in 2014,
    which opened the way for joint exercises" reports the agreement; the exercises are its consequence. So does one
    inside a when-clause ("last met in 2019, when the accord was drafted")."""
    known = _known_now().triggers
    if s.text not in known:
        known[s.text] = list(_ordered_triggers(s))
    return iter(known[s.text])


def _ordered_triggers(s: Sentence):
    found = list(_trigger_matches(s))
    first = min((m.start() for _, m in found), default=None)
    relative = next((r for r in _cue("relative_clause").finditer(s.text)
                     if first is not None and r.start() > first
                     and (s.text[:r.start()].rstrip().endswith(",") or r.group(0).endswith(" by"))), None)
    # "last met in Busia in 2019, when the accord renewed last week was drafted": a when-clause with a time of its own
    # tells another occasion ("arrived in October 2023, when drones were delivered" tells the same one)
    when = next((w for w in _cue("when_clause").finditer(s.text) if first is not None and w.start() > first
                 and any(d.start > w.start() for d in s.dates)), None)
    bounds = [b.start() for b in (relative, when) if b is not None]
    if bounds:
        found = [h for h in found if h[1].start() < min(bounds)] + [h for h in found if h[1].start() >= min(bounds)]
    # a warship's class alone ("corvettes") is the weakest sign of a shipbuilding project: "the corvette ordered by
    # the navy from Fincantieri in 2023" is the order
    vessels = rules().words("vessel_nouns")
    weak = [h for h in found if h[0] == "industry" and h[1].group(0).lower().removesuffix("s") in vessels]
    if weak and any(k == "arms_transfer" for k, _m in found):
        found = [h for h in found if h not in weak] + weak
    yield from found


def _trigger_matches(s: Sentence):
    for kind, matches in _matches(s.text):
        for m in matches:
            if _in_enumeration(s.text, m.start(), m.end()):
                continue
            before = s.text[max(0, m.start() - _knob("topic_window")):m.start()]
            if kind != "meeting" and _cue("topic").search(before) and not _cue("signed_since").match(s.text[m.end():]):
                continue  # "discussed additional purchases", "to review joint exercises": the subject of talks
            if kind != "agreement" and _cue("document_content").search(s.text[:m.start()]):
                continue  # "the memorandum provides for joint exercises": what a document lays down
            if kind != "meeting" and _cue("focus_topic").search(s.text[:m.start()]):
                continue  # "held a video call on Monday, focusing on … joint production": what the talks were about
            arrival = "arriv" in m.group(0).lower()
            if arrival and _cue("port_call").search(s.text):
                if kind == "arms_transfer":
                    continue  # "the frigate arrived in Mombasa for a four-day port call": a visit, not a delivery
            elif kind == "industry" and _cue("port_call").search(s.text):
                continue  # "two Turkish corvettes called at Karachi": ships on a visit, not ships being built
            elif kind == "meeting" and arrival and _cue("equipment_arriving").search(before):
                continue  # "the first six aircraft arrived in April 2024": a delivery, which its own triggers read
            if kind == "arms_transfer" and m.group(0).lower().startswith("sign") and (
                    _cue("on_behalf_after").match(s.text, m.end()) or any(0 < a - m.end() <= 5 for a, _b, _c in s.mentions)):
                continue  # "X signed for his country", "signed for Fiji": on a side's behalf
            if _cue("negated_before").search(before):
                continue  # "though no agreement has been announced", "ended without a contract"
            if kind == "industry" and _cue("made_by_before").search(before):
                continue  # "a system developed by an Israeli-Singaporean joint venture": who made the equipment
            if kind == "industry" and _cue("site_toured").search(before):
                continue  # "visited Embraer and the Navy's shipyard": a visit, not an industrial project
            if kind == "arms_transfer" and m.group(0)[:1].isupper() and _cue("name_word_before").search(before) \
                    and _cue("name_of_body").match(s.text, m.end()):
                continue  # "the Defense Acquisition Program Administration": a word of a name
            if kind == "industry" and _cue("document_object").search(s.text[:m.start()]):
                continue  # "signed an amendment to their agreement for the jet, … the joint development programme"
            if kind in ("industry", "exercise") and _cue("document_subject").search(
                    s.text[max(0, m.start() - _knob("document_window")):m.start()]):
                continue  # "an agreement on defence industry cooperation": the document is the engagement
            if kind in ("industry", "exercise") and _cue("document_after").match(s.text, m.end()):
                continue  # "a defence industry cooperation agreement": likewise, the modifier of a paper
            if kind == "agreement" and _cue("guest_book").search(s.text) and not _cue("names_document").search(s.text):
                continue
            yield kind, m


def _trigger(s: Sentence) -> tuple[str, re.Match] | None:
    return next(_triggers(s), None)


def find_events(sentences: list[Sentence], main_pair: list[str], anchor_date: Date | None, dateline_place: str | None,
                is_country_word, dateline: str | None = None, home: str | None = None) -> tuple[list[Event], int | None]:
    """The engagements of one document, and the index of its main (first current) engagement."""
    global _known
    _known = _Known(rules())  # a new document: none of its clauses is known yet
    reader = _EventReader(sentences, main_pair, anchor_date, dateline_place, is_country_word, dateline, home)
    for order, s in enumerate(_clauses(sentences)):
        if not s.headline:
            reader.read(s, order)
    events = _merge(reader.found)
    # what took place at the top of the story is the news before what is only planned there ("will join next year's
    # exercise, the ministers announced after they met on Tuesday": the meeting)
    top = min((s.paragraph for s in sentences if s.lead), default=0) + 1
    done_at_top = [f for f in events if not f.recalled and not f.planned and 0 <= f.paragraph <= top]
    current = _headline_first(done_at_top + [f for f in events if not f.recalled and f not in done_at_top], sentences)
    # An earlier engagement is never the news of an article that is dated: without a current one, there is no main.
    main = (current or ([] if anchor_date is not None else events) or [None])[0]
    if main is not None and not main.recalled and not main.lead and main.event.date is None:
        # The story's own engagement happened when its lead says, even where the lead names no trigger
        # ("Moscow and Minsk agreed on Thursday …", then "the two signed a protocol").
        lead_dates = [_event_date(s, anchor_date) for s in sentences if s.lead]
        main.event.date = next((d for d in lead_dates if d is not None), None)
    return [f.event for f in events], (events.index(main) if main else None)


def _headline_first(current: list[_Found], sentences: list[Sentence]) -> list[_Found]:
    """The current engagements, the one the headline names first put first ("… live: Cambodia and Thailand talk,
    Japan courts Bangladesh" over a newest-first blog's order); as found where the headline names none of them."""
    named: dict[str, tuple[int, int]] = {}  # code → (paragraph, offset) of its first mention in the headline
    for s in (s for s in sentences if s.headline):
        for a, _b, code in s.mentions:
            named.setdefault(code, (s.paragraph, s.start + a))
    ranked = [f for f in current if f.event.countries and all(c in named for c in f.event.countries)]
    if len(ranked) < 2:
        return current
    first = min(ranked, key=lambda f: min(named[c] for c in f.event.countries))
    return [first] + [f for f in current if f is not first]


class _EventReader:
    """Reads engagements clause by clause, knowing the story's pair, anchor date, place and months."""

    def __init__(self, sentences, main_pair, anchor_date, dateline_place, is_country_word, dateline, home=None):
        self.main_pair = main_pair
        self.home = home  # the country of the dateline's place
        self.seller: str | None = None  # who sells in the story's own transfer, once a clause says so
        self.buyer: str | None = None  # and who buys in it
        self.anchor_date = anchor_date
        self.dateline_place = dateline_place
        self.is_country_word = is_country_word
        lead_text = " ".join(s.text for s in sentences if s.lead) + " " + (dateline or "")
        self.lead_months = {_month_name(m.group(0)) for m in _month_words().finditer(lead_text)}
        self.sentences = sentences
        self.found: list[_Found] = []

    def _with_each_counterpart(self, s: Sentence, date: Date | None) -> list[tuple[list[str], Date | None]]:
        """"met his counterparts from Rwanda, Ghana and Kenya", "talks with his Azerbaijani and Georgian
        counterparts": one meeting with each, the other side being the subject's country or the host's."""
        m = _cue("counterparts").search(s.text)
        if not m:
            return []
        named = [(a, b, c) for a, b, c in s.mentions if m.start() <= a < m.end()]
        partners = list(dict.fromkeys(c for _, _, c in named))
        if len(partners) < 2:
            return []
        before = [c for a, _, c in s.mentions if a < m.start() and c not in partners]
        subject = before[0] if before else (self.home if self.home not in partners else None)
        if subject is None:
            return []
        if _cue("multilateral").search(s.text):
            return [(sorted({subject, *partners}), date)]  # "hosted his Malaysian and Indonesian counterparts for a trilateral"
        return [(sorted({subject, p}), date) for p in partners]

    def _sentence_before(self, s: Sentence) -> Sentence | None:
        """The sentence right before s in its paragraph, if any."""
        return next((o for o in reversed(self.sentences) if o.paragraph == s.paragraph and o.start < s.start), None)

    def _pair_just_named(self, s: Sentence) -> list[str] | None:
        """The two countries the sentence before, in the same paragraph, names: whom "the two" of this one means
        (in a round-up of briefs, not the story's first pair)."""
        before = self._sentence_before(s)
        codes = sorted(set(before.countries)) if before else []
        return codes if len(codes) == 2 else None

    @staticmethod
    def _companies_sign(s: Sentence, trigger: re.Match) -> bool:
        """Whether companies sign: "the two companies signed", "Saab and Embraer signed", "KAI and Indonesia's state
        aircraft maker PTDI signed"."""
        subject = s.text[:trigger.start()]
        makers = makers_in(s.text, 0, trigger.start())
        return bool(_cue("companies_subject").search(subject)) or (
            len(makers) >= 2 and not any(a < trigger.start() for a, _b, _c in s.mentions)) or (
            len(makers) >= 1 and " and " in subject and bool(_cue("company_noun").search(subject))) or bool(
            _cue("signed_with_company").match(s.text, trigger.end()))

    def _topic_elsewhere(self, s: Sentence) -> bool:
        """Whether the sentence before, in the same paragraph, names a country outside the story's pair: then a
        sentence naming none may be about that one ("Romania signed for K9s in 2024. The first arrived in 2025")."""
        before = self._sentence_before(s)
        return before is not None and any(c not in self.main_pair for c in before.countries)

    def _participants(self, s: Sentence) -> list[str] | None:
        """"Ministers from eight countries met …": the first list of three or more countries the story gives, from
        this sentence on, names the participants; without one, nobody can be named."""
        for other in self.sentences[self.sentences.index(s) if s in self.sentences else 0:]:
            run = _country_list(other.text, other.mentions)
            if len(run) >= 3:
                return sorted({c for _, _, c in run})
        return None

    def read(self, s: Sentence, order: int) -> None:
        if _cue("topic_frame").match(s.text):
            return  # "Another topic was the mission in which …": what talks were about, not an engagement
        if _cue("retracted").search(s.text):
            return  # "An earlier version of this article said the exercise took place in 2022": what was not so
        shared = s.shared
        if s.text.rstrip(" \"'”’").endswith("?"):
            return  # "What has Brazil sold Angola?": a question reports nothing
        s = self._earlier_deal(s, order)
        lost = _cue("losing_bid").search(s.text)
        if lost:
            s = _without(s, lost.start(), lost.end())  # "… after a rival offer from France was rejected"
        invited = _cue("invited_aside").search(s.text)
        if invited:
            s = _without(s, invited.start(), invited.end())  # "…, which Australia has been invited to join": not yet a side
        triggers = list(_triggers(s))
        hit = next((h for h in triggers if _happened(s, h[1]) and not _habit(s, h)), None)
        if hit is not None and hit[0] == "meeting":
            # "The talks also covered the corvette ordered by the navy in 2023": talks named again, about a deed of its
            # own time, which is the engagement the sentence reports; so is "The two discussed the helicopters that
            # Slovenia received from Italy in December 2021", where the deed is a relative clause of what was discussed
            talks = hit[1]
            later = next((h for h in triggers if h[0] != "meeting" and h[1].start() > talks.end() and _happened(s, h[1])
                          and any(d.start > h[1].start() and d.date is not None for d in s.dates)), None)
            if later and (_rementioned(s.text, talks) or (
                    _cue("topic_verb").fullmatch(talks.group(0))
                    and _cue("relative_deed_between").match(s.text[talks.end():later[1].start()]))):
                hit = later
        if not hit:
            self._refine(s, triggers[0] if triggers else None)
            return
        kind, trigger = hit
        if _inside_quote(s.text, trigger.start()) and not _cue("happened").search(_narration(s.text)):
            return  # "'Serbia has no reason to fear an exercise …,' said the minister": talk about one, not a report
        if kind == "mechanism" and _cue("body_session").search(s.text, trigger.end()):
            pass  # "the joint commission concluded its fifth session with the signing of a memorandum": the session
        elif kind != "agreement" and _cue("intent_document").search(s.text):
            kind = "agreement"  # an intent document is an agreement, whatever it intends
        elif kind == "agreement" and self._companies_sign(s, trigger):
            # "the two companies signed an agreement", "Saab and Embraer signed an agreement": companies' papers are
            # an industrial project
            kind = "industry"
        if kind == "exercise" and not s.lead and (_cue("generic_exercise").search(s.text) or (
                _cue("multilateral").search(s.text) and len(set(s.countries)) < 3)):
            return  # generic or unnamed multinational drills are not an engagement of named parties
        usable = _usable_dates(s)
        told_aside = next((m for m in _cue("relative_aside").finditer(s.text) if m.start() <= trigger.start() < m.end()), None)
        if told_aside is not None and not shared and not _trigger(_without(s, told_aside.start(), told_aside.end())):
            # "The minister, who met his counterpart in Seoul in June, said the guns would arrive in 2028": the only
            # deed is the aside's, and so is its time
            aside = _sub_sentence(s, told_aside.start(), told_aside.end())
            usable = [replace(d, start=d.start + told_aside.start(), end=d.end + told_aside.start()) for d in _usable_dates(aside)]
        date = shared or _event_date(s, self.anchor_date, usable)
        heading = s.day_heading
        if heading is not None and (date is None or (date.precision == "year" and heading.value.startswith(date.value))):
            date = heading  # a live blog's entry without a day of its own happened on its heading's day
        if date is not None:
            date = first_day_of_span(s.text, date, kind)  # "today concluded a five-day port call"
        if date is None and kind == "exercise":
            named = _cue("year_in_name").search(s.text)
            date = Date(named.group("year"), "text") if named else None  # "the Shield-2021 drill"
        if date is None and not usable and self.anchor_date is not None and _cue("progressive_before").search(
                s.text[:trigger.start()]):
            date = self.anchor_date  # "Washington is handing over 12 vehicles": going on as the article is written
        remention = any(_rementioned(s.text, m) for m in next(found for k, found in _matches(s.text) if k == kind))
        if remention and date is not None and not self._recalled(s, date, usable):
            # "The deal was signed on Thursday", after "a deal announced today": the occasion's own day
            current = next((f for f in reversed(self.found) if f.event.type in self._paper_kinds(s, kind) and not f.recalled), None)
            if current is not None:
                self._restate(s, current.event, date)
        # On a calendar and not yet done ("will meet again later this year"): no current meeting is part of it.
        # (a clause that names no date is on no calendar: its intention words need not be looked for)
        planned = bool(s.dates) and _scheduled(s, list(_cue("intention").finditer(s.text))) and not _cue("happened").search(s.text)
        if (not planned and date is not None and date.precision != "day" and self.anchor_date is not None
                and _after(date, self.anchor_date) and not _cue("happened").search(s.text)
                and not _cue("on_calendar").search(s.text)):
            # "Japan's prime minister to visit Seoul next month": a vague time still ahead of the article, nothing
            # done, nothing put on a calendar ("kicks off on Monday", "scheduled for 2025" count)
            return
        if planned and kind == "arms_transfer" and not s.lead and date is not None and self.anchor_date is not None \
                and _after(date, self.anchor_date):
            return  # "the first of which are to be delivered in 2027": deliveries to come are no transfer yet (a lead's
            # "will supply … next year" is the news itself)
        recalled = self._recalled(s, date, usable)
        # the dateline is where the story's own engagement happened, not a recalled one the lead mentions
        place = _place(s.text, self.is_country_word) or (self.dateline_place if s.lead and not recalled else None)
        occasion = None
        if date is None and not usable and not recalled and _cue("same_occasion").search(s.text):
            occasion = self._occasion(s)
            if occasion is not None:
                date, place = occasion.date, place or occasion.place
        if kind == "exercise" and _unilateral(s, self.main_pair):
            return  # "Russia's Pacific Fleet held drills near Chile": one side's drills, near another's shores
        s = _without_topics(_without_bystanders(s, kind, self.main_pair), kind, trigger, self.main_pair)
        groups = _parties(s, self.main_pair, trigger, date, usable, self._pair_just_named(s), self._topic_elsewhere(s), kind)
        def of_occasion(group: list[str]) -> bool:  # its sides, or a gathering they were part of
            return set(group) <= set(occasion.countries) or set(group) >= set(occasion.countries)

        if occasion is not None and not all(of_occasion(group) for group, _ in groups):
            # "…, though it has also bought radars from Israel": a third country's deed is not of the occasion's day
            groups = [(group, group_date if of_occasion(group) else None) for group, group_date in groups]
            if all(group_date is None for _, group_date in groups):
                place = _place(s.text, self.is_country_word)
        if kind == "meeting":
            groups = self._with_each_counterpart(s, date) or groups
        if _cue("counted_countries").search(s.text) and len(set(s.countries)) < 3:
            participants = self._participants(s)
            groups = [(participants, date)] if participants else []
        if kind == "arms_transfer" and not recalled and self.seller is None and len(groups) == 1 and len(groups[0][0]) == 2:
            self.seller = _story_seller(s, trigger, groups[0][0])
            self.buyer = next((c for c in groups[0][0] if c != self.seller), None) if self.seller else None
        if kind == "arms_transfer":
            groups = self._from_sellers_to_story_buyer(s, usable) or groups
        if not groups and kind == "arms_transfer":
            groups = self._from_story_seller(s, trigger, date) or self._to_the_topic(s, trigger, date)
        if not groups and kind == "industry":
            # "Saab and Embraer signed an agreement": two companies of two countries, each for its own; "Hanwha
            # inaugurated its plant": a company of one of the story's two, with the other
            homes = {code for _m, code in makers_in(s.text, 0, trigger.start())}
            if homes and self._companies_sign(s, trigger):
                # "Hanwha Aerospace and Saudi Arabian Military Industries signed": a company named by its country
                homes |= {c for a, _b, c in s.mentions if a < trigger.start()}
            if len(homes) == 1 and len(self.main_pair) == 2 and homes <= set(self.main_pair) and date is not None:
                homes = set(self.main_pair)
            groups = [(sorted(homes), date)] if len(homes) == 2 else []
        if not groups:
            self._refine(s, triggers[0])  # no parties of its own: perhaps a closer date for one already reported
        for group, group_date in groups:
            # A transfer's direction (its first-named party) keeps "A bought from B, while B buys from A" apart.
            named = [c for _, _, c in s.mentions]
            direction = named[0] if kind == "arms_transfer" and len(set(named)) >= 2 else None
            exercises = _named_exercises(s, kind)
            for name in exercises or [direction]:
                event = _make(kind, group, group_date, place, s.text, trigger)
                if exercises:  # several named in one sentence: each row says which it is
                    event.summary = f"“{name}”: {event.summary}"
                unfixed = group_date is None and any(d.date is None and d.kind == "weekday" for d in usable)
                stage = bool(_cue("handover").search(trigger.group(0))) if kind == "arms_transfer" else None
                self.found.append(_Found(event, recalled, order, name, s.lead, s.paragraph, planned, remention, unfixed, stage))
            if kind in ("mechanism", "agreement"):
                self._session_and_papers(s, kind, trigger, event, recalled, order, planned)
        # "held under the agreement on military cooperation": a standing agreement is an engagement too.
        if kind != "agreement" and _cue("standing_agreement").search(s.text):
            for group, _ in _parties(s, self.main_pair, trigger, None, []):
                self.found.append(_Found(_make("agreement", group, None, None, s.text), True, order))
        # "The first edition was held in Rajasthan in January 2024, and the second in Abu Dhabi in December 2024": the
        # next of a series with its verb left out, its own place and date
        nxt = _cue("elliptic_next").search(s.text, trigger.end())
        if nxt and groups and self.found and self.found[-1].event.type == kind:
            later = [d for d in usable if d.start >= nxt.end() and d.date is not None]
            if later:
                base = self.found[-1]
                where = _place(s.text[nxt.end():later[0].end], self.is_country_word)
                self.found.append(_Found(_make(kind, base.event.countries, later[0].date, where, s.text), base.recalled, order))
        # Several recalled agreements with their years in one sentence ("adopted in 2011 and … signed in 2016").
        years = [d for d in usable if d.date is not None and d.kind == "year"]
        # Any kind, where the years are one list: "after similar handovers in 2004 and 2018".
        listed = kind == "agreement" or all(_cue("year_list_gap").fullmatch(s.text[a.end:b.start]) for a, b in zip(years, years[1:]))
        if listed and len({d.date.value for d in years}) >= 2 and self.found and recalled:
            base = self.found[-1]
            for d in years[1:]:
                self.found.append(_Found(_make(kind, base.event.countries, d.date, None, s.text), True, order))

    def _session_and_papers(self, s: Sentence, kind: str, trigger: re.Match, told: Event, recalled: bool, order: int,
                            planned: bool) -> None:
        """A joint body's session and the papers signed at its close, told in one clause: the one the clause's trigger
        did not make is made beside `told`."""
        def add(other_kind: str, date: Date | None, evidence: str) -> None:
            made = _make(other_kind, told.countries, date, told.place, evidence, None)
            self.found.append(_Found(made, recalled, order, None, s.lead, s.paragraph, planned, False, False))

        if kind == "mechanism":
            signing = _cue("session_signing").search(s.text, trigger.end())
            if signing:
                # "the seventh session … was held yesterday, ending with the signing of a cooperation plan"
                add("agreement", told.date, s.text[signing.start():])
        closing = _cue("close_of_session").search(s.text)
        if closing is None:
            return
        if kind == "mechanism" and closing.start() <= trigger.start() < closing.end() \
                and _cue("signed_before").search(s.text[:closing.start()]):
            # "India and South Africa yesterday signed a protocol at the close of the 11th session of their Joint
            # Defence Committee, which opened on Monday": the papers on the signing day, the session from its first
            signed = told.date
            told.date = _opening_day(s) or told.date
            add("agreement", signed, s.text[:closing.start()])
        elif kind == "agreement":
            # "signed a memorandum yesterday, at the close of a three-day session of the Joint Working Group": the
            # session too, from its first day
            first = first_day_of_span(s.text, told.date, "mechanism") if told.date is not None else None
            add("mechanism", first, s.text[closing.start():])

    def _from_sellers_to_story_buyer(self, s: Sentence, usable: list[DateMention]) -> list[tuple[list[str], Date | None]]:
        """"… the vehicles ordered from Sweden in 2024, and the fighters contracted with the United States in January
        2024", "a fleet of Mi-17s from Russia and helicopters donated by the United States in 2019": where every
        country named is one sold from (or only where equipment comes from), each seller sold to the story's buyer, each
        on its own date; an origin alone is no deal."""
        if self.buyer is None or not s.mentions:
            return []
        sellers, origins = [], 0
        for a, b, c in s.mentions:
            before = s.text[max(0, a - 40):a]
            if _cue("seller_before").search(before) or _cue("giver_by").search(before):
                sellers.append((c, b))
            elif _cue("origin_before").search(before):
                origins += 1
        if not sellers or len(sellers) + origins != len(s.mentions) or any(c == self.buyer for c, _ in sellers):
            return []
        return [(sorted({self.buyer, c}), _date_after(usable, end)) for c, end in dict(sellers).items()]

    def _to_the_topic(self, s: Sentence, trigger: re.Match, date: Date | None) -> list[tuple[list[str], Date | None]]:
        """"Tonga also has other partners. Australia handed over a patrol boat in 2019": a giver with no receiver
        named gives to the country of the story's two that the sentence before was about."""
        codes = set(s.countries)
        if len(codes) != 1 or not _cue("giving_verb").fullmatch(trigger.group(0)):
            return []
        giver = next(iter(codes))
        if not any(c == giver and a < trigger.start() for a, _b, c in s.mentions):
            return []  # the giver is the deed's subject, named before it
        before = [x for x in self.sentences if (x.paragraph, x.start + len(x.text)) <= (s.paragraph, s.start) and not x.headline]
        topic = before[-1].mentions[0][2] if before and before[-1].mentions else None
        if topic is None or topic == giver or topic not in self.main_pair:
            return []
        return [(sorted({giver, topic}), date)]

    def _from_story_seller(self, s: Sentence, trigger: re.Match, date: Date | None) -> list[tuple[list[str], Date | None]]:
        """"South Korea will supply 12 jets to Kazakhstan. … Poland ordered 48 in 2022": a third country that buys,
        with no seller named, buys from the seller of the story's own transfer."""
        codes = set(s.countries)
        if self.seller is None or len(codes) != 1 or self.seller in codes or not _cue("transfer_verb").fullmatch(trigger.group(0)):
            return []
        buyer = next(iter(codes))
        if not any(c == buyer and a < trigger.start() for a, _b, c in s.mentions):
            return []  # the buyer is the deed's subject, named before it
        return [(sorted({buyer, self.seller}), date)]

    def _refine(self, s: Sentence, hit: tuple[str, re.Match] | None) -> None:
        """"… will be deployed next week for a joint exercise. The training kicks off on Monday": a re-mention that
        dates the engagement more closely, within the span already known, gives it that date. `hit` is the clause's
        first trigger, if any."""
        if hit is not None and _rementioned(s.text, hit[1]):
            kind = hit[0]
        elif _cue("exercise_remention").search(s.text):
            kind = "exercise"  # "the training kicks off on Monday": a word that names the drill only once it is known
        elif _cue("paper_signed").search(s.text):
            kind = "agreement"  # "The contract was signed last Friday": papers named again, with their day
        elif _cue("session_remention").search(s.text):
            kind = "meeting"
        else:
            return
        date = _event_date(s, self.anchor_date)
        if date is None:
            return
        for f in reversed(self.found):
            e = f.event
            if e.type in self._paper_kinds(s, kind) and not f.recalled and e.date is not None:
                if len(date.value) > len(e.date.value) and date.value.startswith(e.date.value):
                    e.date = date
                elif _cue("span_start").search(s.text) and _began_before(date, e.date):
                    e.date = date  # "The exercise, which began on 19 December": a span is dated by its first day
                else:
                    self._restate(s, e, date)
                return

    def _paper_kinds(self, s: Sentence, kind: str) -> set[str]:
        """The kinds of engagement a re-mention of kind can stand for: a purchase's or a joint venture's contract too, a
        joint body's session for a meeting."""
        if kind == "meeting":
            return {"meeting", "mechanism"}  # "the two-day meeting" of a joint body's session
        paper = kind == "agreement" and _cue("purchase_paper").search(s.text)
        return {kind, "arms_transfer", "industry"} if paper else {kind}

    def _restate(self, s: Sentence, e: Event, stated: Date) -> None:
        """A date known only as the article's own day ("announced today", or the dateline lent to the lead) gives way
        to the day the text says the occasion's papers were signed, shortly before it ("… was signed last Friday").
        Only a signing: "the exercise ends on Sunday" is still to come."""
        if (_cue("paper_signed").search(s.text) and self.anchor_date is not None and e.date is not None
                and e.date.value == self.anchor_date.value
                and stated.precision == "day" and set(s.countries) <= set(e.countries)
                and 0 < _days_before(stated, self.anchor_date) <= _knob("same_occasion_days")):
            e.date = stated
            e.place = _place(s.text, self.is_country_word) or e.place

    def _occasion(self, s: Sentence) -> Event | None:
        """The dated current engagement reported just before, in this paragraph or the one before it (or any number
        of paragraphs back where the sentence names it: "At the end of the meeting, …")."""
        named = _cue("occasion_named").search(s.text)
        for f in reversed(self.found):
            if f.paragraph < s.paragraph - 1 and not named:
                break
            if not f.recalled and f.event.date is not None:
                return f.event
        return None

    def _earlier_deal(self, s: Sentence, order: int) -> Sentence:
        """"… builds on a 2023 deal": records the earlier deal and returns the rest of the sentence."""
        had = _cue("had_agreed").search(s.text)
        if had and len(self.main_pair) == 2:
            # "… cooperation that the two countries had agreed earlier": an agreement before this one.
            earlier = _sub_sentence(s, had.start(), had.end())
            self.found.append(_Found(_make("agreement", sorted(self.main_pair), _event_date(earlier, None), None, earlier.text),
                                     True, order))
            s = _sub_sentence(s, 0, had.start())
        builds = _cue("builds_on").search(s.text)
        # "are to repeat the exercise under a bilateral agreement": the intention is the exercise's; the agreement
        # stands. Only words inside the deal's own phrase make it a future one ("part of a plan to buy").
        speculative = builds and _cue("intention").search(s.text, builds.start()) and not _cue("happened").search(s.text)
        if not builds or speculative or _cue("future_deal").search(builds.group("what")):
            return s  # "part of a plan to buy 42 aircraft" frames a future, not an earlier deal
        if _cue("named_before").match(builds.group("what")) and not any(
                builds.start("what") <= d.start < builds.end("what") for d in s.dates):
            return s  # "under the first accord, Washington is handing over …": the accords just reported
        earlier = _sub_sentence(s, builds.start("what"), builds.end("what"))
        own = _event_date(earlier, None)
        if own is not None and self.anchor_date is not None and not _before_anchor(own, self.anchor_date):
            return s  # "will supply … under a contract signed in Accra on Tuesday": this week's contract, the news itself
        rest = before = _sub_sentence(s, 0, builds.start())
        if not _trigger(rest):
            # "Under a 2021 deal, Washington is handing over 12 vehicles": the deed follows the frame
            rest = _sub_sentence(s, builds.end("what"), len(s.text))
        hit = _trigger(earlier)
        if hit:
            kind = hit[0] if hit[0] in ("agreement", "arms_transfer", "industry") else "agreement"
            main = _trigger(rest)
            if kind == "agreement" and main and main[0] == "arms_transfer" and _cue("sale_document").search(earlier.text):
                kind = "arms_transfer"  # "launchers delivered under a 2022 contract": the contract was a purchase
            # "set up by Romania, Bulgaria and Türkiye under a memorandum signed in 2024": the list names its parties
            listed = len(_country_list(before.text, before.mentions)) >= 3
            groups = (listed and _parties(before, self.main_pair, hit[1], None, [])) or _parties(
                earlier, self.main_pair, hit[1], None, []) or _parties(rest, self.main_pair, hit[1], None, [])
            # "builds on a 2023 deal" dates the deal in its own words; "under a deal", "part of a deal" by the sentence.
            framed = _cue("framed_by").match(builds.group(0))
            when = _event_date(earlier, None) or (_event_date(rest, None) if framed else None)
            for group, _ in groups:
                self.found.append(_Found(_make(kind, group, when, None, earlier.text), True, order))
        return rest

    def _recalled(self, s: Sentence, date: Date | None, usable: list[DateMention]) -> bool:
        """Whether a clause tells of an earlier engagement than the story's own.

        The lead tells the story's own, unless it names its year and that is long before the article
        ("When Kazakhstan signed its first contract … in March 2014, few expected …" in a 2024 feature)."""
        if s.lead:
            # "… a mutual defence pact signed last year", where nothing fixes the year: earlier all the same
            past = any(d.kind in ("rel_week", "ago") and _cue("past_span").match(s.text[d.start:d.end]) for d in usable)
            return past or (date is not None and date.source == "text" and self.anchor_date is not None
                            and _days_before(date, self.anchor_date) > _knob("lead_recall_days"))
        # "signed on Wednesday under the 2015 programme": the framework is older, the papers of this week are not
        # "her first visit since taking office last year": what the since-phrase tells recalls nothing
        since = [(m.start(), _PHRASE_END.search(s.text, m.end()).start()) for m in _cue("since_doing").finditer(s.text)]
        recalling = [m for m in _cue("recalled").finditer(s.text) if not any(a <= m.start() < b for a, b in since)]
        framed_only = all(_cue("framework").match(m.group(0)) for m in recalling)
        if recalling and not (framed_only and date is not None and self.anchor_date is not None
                              and date.precision == "day" and not _before_anchor(date, self.anchor_date)):
            return True
        if date is not None and self.anchor_date is not None:
            return _before_anchor(date, self.anchor_date)
        if self.anchor_date is None and date is not None and date.precision != "day" and self.found:
            return True  # without an anchor, a year or month named after the main engagement dates an earlier one
        # "in April", when the story's own occasion is in another month
        return any(d.date is None and d.kind in ("md", "dm", "m_alone", "m_rel")
                   and _month_name(s.text[d.start:d.end]) not in self.lead_months for d in usable)


_PHRASE_END = re.compile(r"[,;.]|$")


def _unilateral(s: Sentence, main_pair: list[str]) -> bool:
    """Drills of one country only, not of the story's two, the others named only as where they were held ("near
    Chile", "off Japan"): no engagement between anyone."""
    venue = [c for a, _b, c in s.mentions if _cue("venue_before").search(s.text[:a])]
    sides = {c for a, _b, c in s.mentions if not _cue("venue_before").search(s.text[:a])}
    return bool(venue) and len(sides) == 1 and not sides & set(main_pair) and not _cue("joint_marker").search(s.text)


def _habit(s: Sentence, hit: tuple[str, re.Match]) -> bool:
    """"Croatia still buys most of its weapons from Germany": a transfer told in the simple present, outside the lead
    and the headline, with no date of its own, is what a country does, not an occasion."""
    kind, trigger = hit
    # (the dates asked last: every trigger of a sentence comes here, few are a transfer in the simple present)
    return (kind == "arms_transfer" and not s.lead and not s.headline and bool(_cue("habitual_transfer").fullmatch(trigger.group(0)))
            and not any(d.date is not None for d in _usable_dates(s)))


def _opening_day(s: Sentence) -> Date | None:
    """The day an aside says the engagement opened on: "…, which opened at the headquarters on Monday"."""
    opened = _cue("span_start_aside").search(s.text)
    return next((d.date for d in s.dates if opened and d.date is not None and opened.start() <= d.start < opened.end()), None)


def _without_bystanders(s: Sentence, kind: str, main_pair: list[str] = ()) -> Sentence:
    """Countries named as a venue ("in Arequipa, Peru"), as a journey's start ("From Astana he flew on to …"), as rivals ("over a rival offer from Italy", "competes with
    Turkey and China") or, for equipment, as its maker ("US-built jets bought from Norway") are not parties, unless
    they are named as a side too or no two other countries remain (or the one that remains is of the story's two, and
    the venue is not: "the meeting with Azman, held at a hotel in Manila")."""
    def bystander(a: int, b: int) -> bool:
        if _cue("venue_before").search(s.text[:a]) or _cue("rival_before").search(s.text[:a]):
            return True
        if _cue("departure_before").search(s.text[:a]) and _cue("travel_on").search(s.text):
            return True  # "From Astana the minister flew on to Bishkek": where the journey began
        return kind in ("arms_transfer", "industry") and bool(_cue("maker").match(s.text[b:]))

    flags: list[bool] = []
    for k, (a, b, _code) in enumerate(s.mentions):
        # a list goes on as it began: "competes with Turkey, China and South Korea"
        joined = k > 0 and flags[-1] and _cue("list_join").fullmatch(s.text[s.mentions[k - 1][1]:a])
        flags.append(bool(joined) or bystander(a, b))
    aside = {m[2] for m, flag in zip(s.mentions, flags, strict=True) if flag}
    if not aside:
        return s
    sides = {m[2] for m, flag in zip(s.mentions, flags, strict=True) if not flag}
    kept = [c for c in dict.fromkeys(s.countries) if c not in aside or c in sides]
    venues = {c for a, _b, c in s.mentions if _cue("venue_before").search(s.text[:a])}
    dropped = aside - sides
    if len(set(kept)) < 2 and not (kept and set(kept) < set(main_pair) and dropped <= venues and not dropped & set(main_pair)):
        return s
    mentions = [m for m in s.mentions if m[2] in kept]
    return replace(s, countries=kept, mentions=mentions)


def _without_topics(s: Sentence, kind: str, trigger: re.Match, main_pair: list[str]) -> Sentence:
    """Countries named as what talks were about ("held talks on Russia's war against Ukraine") or in a description
    of a place or thing (", which is also home to the US Navy's Seventh Fleet") are no parties, unless they are named
    as a side too or are the story's own two ("talks on cooperation between Romania and Turkey"); "the two ministers"
    then are the story's two."""
    spans = [m.span() for m in _cue("descriptive_aside").finditer(s.text)]
    m = _cue("talks_topic").search(s.text, trigger.start(), trigger.end() + 160) if kind in ("meeting", "mechanism") else None
    if m and m.end("noun") == trigger.end():  # the trigger must be the talks noun itself: after "a call on" comes the host
        stop = _cue("topic_end").search(s.text, m.end())
        spans.append((m.end(), stop.start() if stop else len(s.text)))
    if not spans:
        return s
    inside = lambda a: any(start <= a < end for start, end in spans)  # noqa: E731
    topical = {c for a, _b, c in s.mentions if inside(a)}
    topical -= {c for a, _b, c in s.mentions if not inside(a)} | set(main_pair)
    if not topical:
        return s
    kept = [c for c in dict.fromkeys(s.countries) if c not in topical]
    return replace(s, countries=kept, mentions=[x for x in s.mentions if x[2] in kept])


def _rementioned(text: str, trigger: re.Match) -> bool:
    """"the meeting", "these drills": the trigger is named again by a determiner, not reported anew."""
    return bool(_cue("remention").search(text[max(0, trigger.start() - _knob("remention_window")):trigger.start()]))


def _narration(text: str) -> str:
    """The sentence with what stands between quotation marks blanked: the words a quotation speaks are no report
    (a mark left open, a quotation running on into the next paragraph, blanks nothing here)."""
    return re.sub(r"\"[^\"]*\"|“[^”]*”", lambda m: " " * len(m.group(0)), text)


def _inside_quote(text: str, at: int) -> bool:
    """Whether position at lies between quotation marks of the sentence."""
    before = text[:at]
    straight = before.count('"') % 2 == 1
    return straight or before.rfind("“") > before.rfind("”")


def _sub_sentence(s: Sentence, start: int, end: int) -> Sentence:
    """A part of a sentence with its own countries and dates (lead-ness and mentions carried over)."""
    mentions = [(a - start, b - start, c) for a, b, c in s.mentions if start <= a < end]
    named_codes = [c for _, _, c in mentions]
    # People's countries are not positioned; keep those the part names by country or keeps them all when it names none.
    codes = named_codes or list(s.countries)
    dates = [DateMention(d.start - start, d.end - start, d.date, d.kind) for d in s.dates if start <= d.start < end]
    return replace(s, start=s.start + start, text=s.text[start:end], countries=codes, dates=dates, mentions=mentions)


def _without(s: Sentence, start: int, end: int) -> Sentence:
    """The sentence with [start, end) cut out, its mentions and dates moved to match."""
    gap = end - start

    def keep(a: int) -> bool:
        return not start <= a < end

    def moved(a: int) -> int:
        return a - gap if a >= end else a

    mentions = [(moved(a), moved(b), c) for a, b, c in s.mentions if keep(a)]
    codes = [c for _, _, c in mentions] or list(s.countries)
    dates = [DateMention(moved(d.start), moved(d.end), d.date, d.kind) for d in s.dates if keep(d.start)]
    return replace(s, text=s.text[:start] + s.text[end:], countries=codes, dates=dates, mentions=mentions)


def _asides(s: Sentence) -> list[Sentence]:
    """"Romania, which bought F-16s from the Netherlands in 2023, sent seven jets to Ukraine in 2024": a deed in a
    relative aside and one in the main clause are two, each read with the subject."""
    m = _cue("relative_aside").search(s.text)
    if not m:
        return [s]
    aside, main = _sub_sentence(s, 0, m.end() - 1), _without(s, m.start(), m.end())
    # the aside must tell of a deed ("which bought …"), not describe ("which oversees joint exercises")
    if not (_trigger(aside) and _cue("happened").search(m.group(0)) and _trigger(_sub_sentence(s, m.end(), len(s.text)))):
        return [s]
    return [aside, main]


def _clauses(sentences: list[Sentence]) -> list[Sentence]:
    out = []
    previous = None  # the last sentence that named a country, for a list of deeds whose subject is "it"
    for s in (part for whole in sentences for part in _asides(whole)):
        cuts = list(_cue("clause_split").finditer(s.text))
        if s.dates:  # the other splits each need a date after them: most sentences name none
            cuts += [m for name in ("clause_split_timed", "clause_split_before_after") for m in _cue(name).finditer(s.text)
                     if any(d.start >= m.end() for d in s.dates) and not any(c.start() == m.start() for c in cuts)]
            cuts += [m for name in ("clause_split_buyers", "clause_split_relative", "clause_split_followed",
                                    "clause_split_second_subject")
                     for m in _cue(name).finditer(s.text)
                     if any(d.start >= m.end() for d in s.dates) and any(d.end <= m.start() for d in s.dates)]
        cuts.sort(key=lambda m: m.start())
        deeds = [m for m in _cue("clause_split_deeds").finditer(s.text) if not any(c.start() == m.start() for c in cuts)
                 and any(d.start >= m.end() and d.date is not None for d in s.dates)
                 and any(d.end <= m.start() and d.date is not None for d in s.dates)] if s.dates else []
        opens_with_it = bool(_cue("country_pronoun_subject").match(s.text))
        subject = _list_subject(s, previous) if deeds or opens_with_it else None
        previous = s if s.mentions and not s.headline else previous
        cuts = sorted(cuts + deeds, key=lambda m: m.start())
        if not cuts:
            if opens_with_it and subject is not None and not any(c == subject for _a, _b, c in s.mentions):
                s = replace(s, subject=subject)  # "It signed a defence agreement with France in 2017": the one before's
            out.append(s)
            continue
        start, parts = 0, []
        for m in cuts:
            parts.append(_sub_sentence(s, start, m.start()))
            start = m.end()
        parts.append(_sub_sentence(s, start, len(s.text)))
        for cut, part in zip([None] + cuts, parts):
            if subject is not None and (cut in deeds or (cut is None and opens_with_it)) and not any(
                    c == subject for _a, _b, c in part.mentions):
                part.subject = subject
        for before, part in zip(parts, parts[1:]):
            usable = _usable_dates(part)
            if all(d in _report_days(part, usable) for d in usable) and not _cue("another_time").search(part.text):
                # "… held talks on Monday, and the two signed a memorandum, officials said on Tuesday": signed on Monday
                part.shared = _event_date(before, None) or before.shared
        out.extend(parts)
    return out


def _list_subject(s: Sentence, previous: Sentence | None) -> str | None:
    """The country whose deeds a sentence lists: the first named before any preposition, or, where the sentence
    opens with "it" or "the country", the first the sentence before named."""
    if _cue("country_pronoun_subject").match(s.text):
        return previous.mentions[0][2] if previous is not None and previous.mentions else None
    first = next(((a, c) for a, _b, c in s.mentions), None)
    if first is None or _cue("object_before").search(s.text[:first[0]]) or _cue("deed_verb").search(s.text[:first[0]]):
        return None
    return first[1]


def _month_words() -> re.Pattern:
    return rules().compile(r"\b{months}\b", where="month names")


def _month_name(text: str) -> int | None:
    m = _month_words().search(text)
    return month_number(m.group(0)) if m else None


def _happened(s: Sentence, trigger: re.Match) -> bool:
    """Whether the trigger reports something that took place, rather than an intention, a wish or a re-mention."""
    text = s.text
    ends = [i for i in (text.find(",", trigger.end()), text.find(";", trigger.end())) if i >= 0]
    relative = _cue("relative_clause").search(text, trigger.end())
    if relative and any(rule.trigger.search(text, relative.end()) for rule in rules().events):
        ends.append(relative.start())  # "an agreement under which Lima will buy …": the will is the purchase's
    reach = _knob("intent_window")
    window = text[max(0, trigger.start() - reach):min(ends) if ends else len(text)]
    intention = [m for m in _cue("intention").finditer(window) if not (s.lead and m.group(0).lower() == "agreed to")]
    # what was done in the window weighs only against an intention there (most windows hold none)
    done = [m for m in _cue("happened").finditer(window) if not _cue("negated_done_before").search(window[:m.start()])] \
        if intention else []
    scheduled = _scheduled(s, intention)
    if intention and not done:
        return scheduled  # (in the lead, "X and Y have agreed to …" is the news itself)
    before = trigger.start() - max(0, trigger.start() - reach)
    last_intent = max((m.start() for m in intention if m.start() < before), default=-1)
    last_done = max((m.start() for m in done if m.start() < before), default=-1)
    framed = any(m.group(0).lower() == "agreed that" and m.start() == last_done for m in done)
    if last_intent > last_done >= 0 and not framed:  # what was "agreed that" it would happen is the agreement
        return False  # "had signed an agreement that will lead to the purchase": the purchase is still to come
    # "X is expected to stress that … under an enhanced framework": a future frame governs all that follows it.
    if _cue("future_frame").search(text[:trigger.start()]) and not _cue("happened").search(text) and not scheduled:
        return False
    # "the agreement", "these drills" without a verb of doing: a re-mention of an engagement already reported.
    before = text[max(0, trigger.start() - _knob("remention_window")):trigger.start()]
    if s.lead or not _cue("remention").search(before):
        return True  # (asked first: few triggers follow a determiner, and the questions below cost more)
    specific = (_cue("specific_before").search(before) or _cue("specific_after").match(text[trigger.end():])
                or _cue("numbered_session").match(trigger.group(0)))
    subject = _cue("pair_subject_before").search(before)  # "when the two ministers meet": a subject, not a re-mention
    return bool(specific or subject or _cue("happened").search(text))


def _scheduled(s: Sentence, intention: list[re.Match]) -> bool:
    """"will hold drills from March 10 to 14", "is set to begin in 2024": an engagement on a calendar, not a wish.

    Every intention word must be one that schedules, and the clause must name a date (fixed or not: "from
    November 17 to 24" in a story that gives no year is scheduled all the same, and undated).
    """
    named = ("range", "md", "dm", "weekday", "m_alone", "m_rel")  # a calendar day the text names, year or not
    return bool(intention) and all(_cue("scheduled").match(m.group(0)) for m in intention) and any(
        d.date is not None or d.kind in named for d in _usable_dates(s) + [d for d in s.dates if d.kind == "range"])


def _after(date: Date, anchor: Date) -> bool:
    """Whether date lies wholly after the article's own day (next month, next year, a day ahead)."""
    return date.value > anchor.value[:len(date.value)]


def _before_anchor(date: Date, anchor: Date) -> bool:
    """A date that tells of an earlier occasion than an article written at anchor: an earlier year or month, or
    days earlier. A later one is scheduled, not recalled."""
    if date.precision != "day":
        return date.value < anchor.value[:len(date.value)]
    import datetime as dt

    d, a = dt.date.fromisoformat(date.value), dt.date.fromisoformat(anchor.value)
    return (a - d).days > _knob("recent_days")


def _span_end(date: Date):
    """The last day a date of any precision can mean (a month's is taken as its 28th)."""
    import datetime as dt

    return dt.date.fromisoformat({4: date.value + "-12-31", 7: date.value + "-28", 10: date.value}[len(date.value)])


def _days_before(date: Date, anchor: Date) -> int:
    """How many days the end of date's span lies before the anchor day."""
    import datetime as dt

    return (dt.date.fromisoformat(anchor.value) - _span_end(date)).days


def _named_exercises(s: Sentence, kind: str) -> list[str]:
    if kind != "exercise":
        return []
    names = _cue("named_exercise").findall(s.text)
    return names if len(names) >= 2 else []


def _make(kind: str, group: list[str], date: Date | None, place: str | None, text: str,
          trigger: re.Match | None = None) -> Event:
    cameo, plover = rules().event(kind).coding(text)
    return Event(countries=group, type=kind, date=date, place=place, summary=_summary(text, trigger),
                 evidence=text.strip(), cameo=cameo, plover=dict(plover))


def _parties(s: Sentence, main_pair: list[str], trigger: re.Match, date: Date | None,
             usable: list[DateMention], pair_just_named: list[str] | None = None,
             topic_elsewhere: bool = False, kind: str = "") -> list[tuple[list[str], Date | None]]:
    codes = list(dict.fromkeys(s.countries))
    text = s.text
    pair = main_pair if len(main_pair) == 2 else []
    if s.subject and s.subject not in codes and len(set(codes)) > 1 and all(
            _cue("from_before").search(text[max(0, a - 40):a]) for a, _b, _c in s.mentions):
        # "It has also bought second-hand F-16s from Norway and Portugal": each sold to the subject
        return [(sorted({s.subject, c}), date) for c in dict.fromkeys(codes)]
    seller = _seller(s, trigger)
    if seller is not None:
        return [(seller, date)]
    if s.subject and len(set(codes)) == 1 and codes[0] != s.subject:
        # "…, and flew an air exercise with the Chinese air force in 2025": the list's subject with the one named
        return [(sorted({s.subject, codes[0]}), date)]
    between = next((two for m in ([trigger] + [m for k, found in _matches(s.text) if k == kind for m in found])
                    if (two := _between_pair(s, m))), None)
    if between:
        return [(between, date)]
    if len(codes) >= 3:
        named = [(a, b, c) for a, b, c in s.mentions]
        # "Kosovo, Croatia and Albania signed …" / "between Australia, New Zealand and the United States"
        run = _country_list(text, named)
        if len(run) >= 3:
            first = run[0][0]
            subject = _cue("joint_deed").match(text[run[-1][1]:])
            if (_cue("multilateral").search(text) or _cue("assembly").search(text) or _cue("between_before").search(text[:first])
                    or subject):
                return [(sorted({c for _, _, c in run}), date)]
        if _cue("multilateral").search(text):
            return [(sorted(codes), date)]
        partners = _with_partners(text, named, trigger)
        if partners:
            partner_codes = {p for p, _ in partners}
            heads = [c for st_, en, c in named if c not in partner_codes and st_ < partners[0][1]]
            if not heads and codes[0] not in partner_codes:
                heads = codes[:1]  # "Patwardhan also held talks with …": the subject's country, from the person
            if len(partners) == 1:
                return [(sorted({h, partners[0][0]}), date) for h in dict.fromkeys(heads)]
            if heads:
                # "with Bahrain in 2019 and with Qatar in 2021" dates each; one date after the list dates them all
                shared = date if len(usable) <= 1 else None
                return [(sorted({heads[0], p}), _date_after(usable, end) or shared) for p, end in partners if p != heads[0]]
        if pair and set(pair) <= set(codes):
            obj = _cue("met_object").match(text[trigger.end():])
            extra = [c for st_, en, c in named if c not in pair and obj and trigger.end() <= st_ <= trigger.end() + len(obj.group(0))]
            if extra and s.text[trigger.start():trigger.end()].lower() in ("met", "meets", "meet"):
                return [(sorted(set(pair) | set(extra)), date)]
            return [(sorted(pair), date)]
        if pair and any(c in pair for c in codes):
            return [(sorted(pair), date)]
        return []
    outside = {c for c in codes if c not in pair}
    if pair and len(outside) == 1 and _cue("their_trilateral").search(text):
        return [(sorted(set(pair) | outside), date)]  # "their trilateral meeting with the United States": the pair and it
    if len(codes) == 2:
        if _cue("multilateral").search(text) and not pair:
            return []
        return [(sorted(codes), date)]
    if pair and _cue("both_sides").search(text):
        pair = pair_just_named or pair
        # "both countries bought F-16s from the United States": each with the third; "talks on the situation in
        # Haiti" names a topic, not a partner
        outside = [c for a, _b, c in s.mentions if c not in pair and _cue("partner_of_both").search(text[max(0, a - 30):a])]
        if len(set(outside)) == 1 and kind in ("exercise", "meeting", "mechanism"):
            return [(sorted(set(pair) | {outside[0]}), date)]  # "the two navies also exercise with Tanzania": all three
        if len(set(outside)) == 1:
            return [(sorted({c, outside[0]}), date) for c in pair]
        return [(sorted(pair), date)]
    if pair and codes and codes[0] in pair and (s.lead or _cue("happened").search(text)):
        return [(sorted(pair), date)]  # one side named, the other the story's: only for what took place
    if len(pair) == 2 and not codes and date is not None and (
            _done_besides(text, trigger) or _cue("year_named_before").search(text[:trigger.start()])
            or (not topic_elsewhere and _cue("passive_past").search(text, max(0, trigger.start() - 12), trigger.end()))):
        # "since the agreement was signed in 2014", "the 2006 agreement", "the first boat was handed over in March
        # 2026": no side named, a dated deed of the story's pair (unless the sentence before turned to another country)
        return [(sorted(pair), date)]
    return []


def _between_pair(s: Sentence, trigger: re.Match) -> list[str] | None:
    """"a defence protocol between Somalia and Egypt, signed in Cairo": the two countries named by "between … and"
    right after the trigger are its parties."""
    for (a, b, first), (c, _d, second) in zip(s.mentions, s.mentions[1:]):
        if (a >= trigger.end() and first != second and _cue("between_pair_after").match(s.text[trigger.end():a])
                and re.fullmatch(r"\s+and\s+(?:the\s+)?", s.text[b:c])):
            return sorted({first, second})
    return None


def _done_besides(text: str, trigger: re.Match) -> bool:
    """A verb of doing other than the trigger itself: "the first batch has been handed over, which is expected by
    2025" names a transfer, not a deed."""
    return any(not (m.start() >= trigger.start() and m.end() <= trigger.end()) for m in _cue("happened").finditer(text))


def _seller(s: Sentence, trigger: re.Match) -> list[str] | None:
    """"Warsaw ordered 48 aircraft from South Korea": the buyer is the subject before the deed, the seller the
    country after "from" in its clause, whatever else the sentence names."""
    sides = _buyer_and_seller(s, trigger)
    return sorted(sides) if sides else None


def _buyer_and_seller(s: Sentence, trigger: re.Match) -> tuple[str, str] | None:
    """(buyer, seller) of a transfer whose clause says who buys from whom ("A bought … from B") or who gives to whom
    ("A leased … to B"), else None."""
    if not trigger:
        return None
    buying = _cue("transfer_verb").fullmatch(trigger.group(0))
    if not buying and not _cue("giving_verb").fullmatch(trigger.group(0)):
        return None
    clause_end = min([i for i in (s.text.find(";", trigger.end()), s.text.find(" while ", trigger.end())) if i >= 0] or [len(s.text)])
    if trigger.group(0).lower().startswith("contract"):
        # "signed a contract with Portugal (… a rival offer from South Korea)": the seller is the one right after "with"
        others = [(a, c) for a, b, c in s.mentions
                  if a >= trigger.end() and re.fullmatch(r"\s*(?:the\s+)?", s.text[trigger.end():a])]
        others += [(m.start(), code) for m, code in makers_in(s.text, trigger.end(), clause_end)
                   if re.fullmatch(r"\s*(?:the\s+)?(?:[\w-]+\s+){0,2}", s.text[trigger.end():m.start()])]
    else:
        others = [(a, c) for a, b, c in s.mentions if trigger.end() <= a < clause_end
                  and _cue("from_before" if buying else "to_before").search(s.text[max(trigger.start(), a - 40):a])]
    subjects = [c for a, b, c in s.mentions if a < trigger.start() and not _cue("object_before").search(s.text[:a])]
    if not subjects and s.subject:
        subjects = [s.subject]  # "…, took delivery of a frigate from South Korea in 2019": the list's subject
    if not others and buying:
        # "ordered 17 Gripen from Saab", "bought … from the Korean firm Hanwha": a maker sells for its country
        others = [(m.start(), code) for m, code in makers_in(s.text, trigger.start(), clause_end)
                  if _cue("seller_word_before").search(s.text[max(0, m.start() - 40):m.start()])]
    if not others and buying:
        # "when it chose Sweden's Saab over Lockheed Martin, signing a contract for four Gripen": the chosen sells
        others = sorted([(a, c) for a, b, c in s.mentions if _cue("chosen_before").search(s.text[max(0, a - 30):a])]
                        + [(m.start(), code) for m, code in makers_in(s.text, 0, clause_end)
                           if _cue("chosen_before").search(s.text[max(0, m.start() - 30):m.start()])])
    if not others or not subjects or subjects[0] == others[0][1]:
        return None
    return (subjects[0], others[0][1]) if buying else (others[0][1], subjects[0])


def _story_seller(s: Sentence, trigger: re.Match, group: list[str]) -> str | None:
    """Who sells in a transfer between the two of group: the country after "from", or the one that is not after
    "supply … to"."""
    sides = _buyer_and_seller(s, trigger)
    if sides:
        return sides[1]
    sellers = [c for a, _b, c in s.mentions if c in group and _cue("from_before").search(s.text[max(0, a - 40):a])]
    if len(set(sellers)) == 1:
        return sellers[0]
    buyers = [c for a, _b, c in s.mentions if c in group and _cue("supply_to").search(s.text[:a])]
    if len(set(buyers)) == 1:
        return next(c for c in group if c != buyers[0])
    return None


def _country_list(text: str, named: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The longest run `A, B and C` of country mentions joined only by commas and one `and`."""
    best: list[tuple[int, int, str]] = []
    run: list[tuple[int, int, str]] = []
    for m in named:
        if run and _cue("list_join").fullmatch(text[run[-1][1]:m[0]]):
            run.append(m)
            continue
        if len(run) > len(best):
            best = run
        run = [m]
    return run if len(run) > len(best) else best


def _with_partners(text: str, named, trigger) -> list[tuple[str, int]]:
    """Countries after `with` in the trigger's clause: each is a partner of the sentence's other party."""
    out = []
    for m in _cue("with_partner").finditer(text):
        # "held talks with Indonesia's minister, …, and with the Australian minister": a second "with" joined to the
        # first goes on the list however far the first one's words ran
        joined = bool(out) and re.search(r"\band\s+$", text[max(0, m.start() - 16):m.start()])
        if trigger is not None and abs(m.start() - trigger.end()) > _knob("partner_window") and m.start() > trigger.start() \
                and not joined:
            continue  # "… at a time of friction with its neighbour Turkey": far from the deed, no partner of it
        relation = _cue("relation_with").search(text[max(0, m.start() - 30):m.end()])
        for st_, en, c in named:
            if st_ >= m.end() and _cue("partner_gap").fullmatch(text[m.end():st_]) is not None:
                if relation and _cue("relation_state_after").match(text, en):
                    break  # "when relations with Washington were cool": a relationship's state, not a partner
                out.append((c, en))
                # a list continues: "with Bahrain, Qatar and Kuwait"
                tail_end = en
                for st2, en2, c2 in named:
                    if st2 > tail_end and _cue("partner_list_join").fullmatch(text[tail_end:st2]):
                        out.append((c2, en2))
                        tail_end = en2
                break
    return list(dict.fromkeys(out))


def _date_after(usable: list[DateMention], end: int) -> Date | None:
    for d in usable:
        if 0 <= d.start - end <= _knob("partner_date_window"):
            return d.date
    return None


def _summary(text: str, trigger: re.Match | None) -> str:
    """The clause around the trigger, whole: a line that reads on its own. Labels and shortening are the view's."""
    at = trigger.start() if trigger else 0
    # A comma, semicolon or colon before a space ends a clause; one inside a number ("1,000", "10:30") does not.
    breaks = [m.start() for m in re.finditer(r"[,;:](?=\s)", text)]
    before = [i for i in breaks if i < at]
    start = before.pop() + 1 if before else 0
    end = min([i for i in breaks if i >= at and text[i] != ":"], default=len(text))
    # A clause that leans on the one before ("which had signed …", ", held talks", "2021) Japan and …") takes it too.
    while before:
        lean = _cue("summary_leans_on_before").match(text[start:].lstrip())
        if lean is None and text[start:end].count(")") <= text[start:end].count("("):
            break
        # A verb's subject may stand behind an apposition ("X, the Army Chief, sets off"): the sentence's start.
        start = 0 if lean is not None and lean.lastgroup == "verb" else before.pop() + 1
        if start == 0:
            break
    clause = " ".join(text[start:end].split()).strip(" .")
    # A quotation mark whose partner is outside the clause goes; '"Neighbours" and "Iron Cat"' stays whole.
    while clause and clause[-1] in _QUOTE_MARKS and _unpaired(clause, clause[-1]):
        clause = clause[:-1].rstrip(" .")
    while clause and clause[0] in _QUOTE_MARKS and _unpaired(clause, clause[0]):
        clause = clause[1:].lstrip()
    # "under a new accord", "which last week bought …", "a defence memorandum": a clause that opens on a dependent
    # word, or is too short to say anything, gives way to the whole sentence.
    words = clause.split()
    if start > 0 and (len(words) < _knob("summary_min_words") or words[0].lower().strip("\"“‘'") in rules().words("summary_dependent_openers")):
        clause = " ".join(text.split()).strip(" .")
    return clause[:1].upper() + clause[1:]


_QUOTE_MARKS = "\"“”'‘’"


def _unpaired(clause: str, mark: str) -> bool:
    if mark in "\"'":
        return clause.count(mark) % 2 == 1
    opening, closing = ("“", "”") if mark in "“”" else ("‘", "’")
    return clause.count(opening) != clause.count(closing)


# What talks can end in, and so be reported as (FORMAT's "one occasion"); a drill held during a visit is its own event.
_OUTCOMES = ("agreement", "arms_transfer", "industry", "mechanism")


def _merge(found: list[_Found]) -> list[_Found]:
    """Mentions of one occasion in one document become one event with the best date and place.

    Repeated mentions with agreeing dates merge; a mention without a date joins a dated event of
    the same parties and type; talks that end in a signing (or a purchase, a joint body …) are
    that outcome, so a current meeting joins the current outcome of the same parties.
    """
    out: list[_Found] = []
    for f in found:
        e = f.event
        same = next((o for o in out if o.event.type == e.type and o.event.countries == e.countries
                     and (o.name == f.name or _direction_unknown(o, f))
                     and o.recalled == f.recalled and (_compatible(o.event, e) or _one_visit(o, f))
                     and not _other_session(o.event, e) and not _other_stage(o, f) and not _told_anew(o, f)), None)
        # "The exercise, which began on 19 December, …": the first day of a span reported by its end dates it
        starts_span = e.date is not None and bool(_cue("span_start").search(e.evidence))
        if same is None and f.remention and starts_span:
            # a re-mention whose first day lies long enough before the article to read as recalled
            same = next((o for o in out if o.event.type == e.type and o.event.countries == e.countries and not o.recalled
                         and o.event.date is not None and _began_before(e.date, o.event.date)), None)
        if same is None:
            out.append(f)
        else:
            if starts_span and same.event.date is not None and _began_before(e.date, same.event.date):
                same.event.date = e.date
            _absorb(same.event, e)
    kept = list(out)
    for f in out:
        e = f.event
        if f.remention and e.date is None and not f.recalled:
            # "Slovakia's minister hosted the meeting": two of the nine at the meeting just reported
            whole = next((o for o in kept if o is not f and not o.recalled and o.event.type == e.type
                          and set(e.countries) < set(o.event.countries)), None)
            if whole is not None:
                kept.remove(f)
                continue
        others = [o for o in kept if o is not f and o.event.countries == e.countries]
        host = None
        if e.type == "meeting" and not f.recalled:
            # "held talks on Tuesday", where nothing fixes the week, joins no outcome dated by the text
            host = next((o for o in others if not o.recalled and not o.planned and o.event.type in _OUTCOMES
                         and _compatible_or_open(o.event, e) and not (f.unfixed_day and o.event.date is not None)
                         and not _ended_before(o.event, e) and not _elsewhere(o.event, e)
                         and not _remote_before(o.event, e)), None)
        elif e.type == "agreement" and not f.recalled and e.date is not None:
            # Documents signed at a purchase or a joint venture are that occasion; a plan signed at a joint body's
            # session is a deed of its own beside the session. A cooperation plan signed on the day of an order is a
            # document of its own; a contract is the order's.
            host = next((o for o in others if not o.recalled and o.event.type in ("arms_transfer", "industry")
                         and o.event.date is not None and _compatible(o.event, e)
                         and (o.event.type != "arms_transfer" or o.event.evidence == e.evidence
                              or _cue("purchase_paper").search(e.evidence) or f.remention)), None)
        if host is None and e.date is None:
            fits = ("agreement", "arms_transfer", "industry") if e.type == "agreement" else (e.type,)
            if e.type == "meeting" and not f.recalled:
                fits = EVENT_TYPES
            candidates = [o for o in others if o.event.type in fits
                          and (o.name == f.name or (None in (o.name, f.name) and (e.type == "arms_transfer" or (
                              o.event.type == "arms_transfer" and _cue("purchase_paper").search(e.evidence)))))
                          and o.recalled == f.recalled
                          and (o.event.place == e.place or not o.event.place or not e.place)]
            # "landed on Thursday" with no year to fix it is a day of its own, never another occasion's dated one
            host = (None if f.unfixed_day else next((o for o in candidates if o.event.date is not None), None)) or next(
                (o for o in candidates if kept.index(o) < kept.index(f) and (o.event.date is None or not f.unfixed_day)), None)
        if host is not None:
            _absorb(host.event, e)
            kept.remove(f)
    return kept


def _told_anew(a: _Found, b: _Found) -> bool:
    """"The first edition was held in January 2024 …. The two navies conducted a bilateral exercise off Abu Dhabi in
    2024": an earlier engagement told with an indefinite noun and a date of its own is another, even where its date
    could hold the first one's."""
    return (a.recalled and b.recalled and not b.remention and a.event.date is not None and b.event.date is not None
            and a.event.date.value != b.event.date.value and a.event.date.source == b.event.date.source == "text")


def _remote_before(outcome: Event, talks: Event) -> bool:
    """"…, who spoke by phone with his counterpart on Monday ahead of the signing": a call on a day before the signing
    is an engagement of its own, not the talks the signing ended."""
    return (_cue("remote_talks").search(talks.evidence) is not None and not _cue("remote_talks").search(outcome.evidence)
            and talks.date is not None and outcome.date is not None and talks.date.precision == outcome.date.precision == "day"
            and talks.date.value != outcome.date.value)


def _other_stage(a: _Found, b: _Found) -> bool:
    """"signed a contract for 15 more fighters on Monday" and "last week the first jet was handed over": an order and
    a handover, each dated, are two deeds, whichever dates they share."""
    return (None not in (a.handover, b.handover) and a.handover != b.handover
            and a.event.date is not None and b.event.date is not None)


def _direction_unknown(a: _Found, b: _Found) -> bool:
    """A transfer told from one side only ("the army has taken ownership of its first jet") may be either of the
    directions another mention of it gives ("Finland accepted its first jet from the United States")."""
    return a.event.type == "arms_transfer" and None in (a.name, b.name) and not a.recalled  # ("six more were
    # ordered later that year" is another order of the year before it, not the same)


def _session_number(evidence: str) -> str | None:
    m = _cue("session_number").search(evidence)
    return m.group("n") if m else None


def _other_session(a: Event, b: Event) -> bool:
    """"the 61st GBC meeting" and "the 49th meeting of the Regional Border Committee": numbered apart, two sessions."""
    x, y = _session_number(a.evidence), _session_number(b.evidence)
    return x is not None and y is not None and x != y


def _ended_before(outcome: Event, talks: Event) -> bool:
    """Whether the outcome's day lies before the talks' day: "the visit came a day after the handover" did not end in it."""
    return (outcome.date is not None and talks.date is not None and outcome.date.precision == talks.date.precision == "day"
            and outcome.date.value < talks.date.value)


def _elsewhere(outcome: Event, talks: Event) -> bool:
    """Talks in one city on another day than an outcome in another ("held talks in Paris on Wednesday", the frigate
    handed over in Lorient on Thursday) did not end in it."""
    return (outcome.place is not None and talks.place is not None and outcome.place != talks.place
            and outcome.date is not None and talks.date is not None
            and outcome.date.precision == talks.date.precision == "day" and outcome.date.value != talks.date.value)


def _one_visit(a: _Found, b: _Found) -> bool:
    """Two current meetings of one pair that no date tells apart are one visit, wherever its calls took place ("held
    talks at the headquarters in Rawalpindi", "also met the Chairman …")."""
    return (a.event.type == b.event.type == "meeting" and not a.recalled and not b.recalled
            and a.event.date is None and b.event.date is None)


def _began_before(stated: Date, known: Date) -> bool:
    """Whether stated, a day, lies shortly before the end of known: the first day of a span reported by its end."""
    return stated.precision == "day" and 0 < _days_before(stated, Date(_span_end(known).isoformat())) <= _knob("span_days")


def _compatible_or_open(a: Event, b: Event) -> bool:
    return a.date is None or b.date is None or _compatible(a, b)


def _absorb(into: Event, e: Event) -> None:
    if _better_date(e.date, into.date):
        into.date = e.date
    if into.place is None and e.place:
        into.place = e.place


def _compatible(a: Event, b: Event) -> bool:
    if a.date is None or b.date is None:
        return a.date is None and b.date is None and (a.place == b.place or not a.place or not b.place)
    x, y = a.date.value, b.date.value
    if x.startswith(y) or y.startswith(x):
        return True
    near_anchor = {"prefix", "dateline", "relative"}
    if a.date.source in near_anchor or b.date.source in near_anchor:
        import datetime as dt

        if len(x) == 10 and len(y) == 10:
            return abs((dt.date.fromisoformat(x) - dt.date.fromisoformat(y)).days) <= _knob("same_occasion_days")
    return False


def _better_date(new: Date | None, old: Date | None) -> bool:
    if new is None:
        return False
    if old is None:
        return True
    rank = {"day": 3, "month": 2, "year": 1}
    if old.source in ("prefix", "dateline") and new.source not in ("prefix", "dateline") and new.precision == "day":
        return True
    return rank[new.precision] > rank[old.precision]
