"""Extraction: pure functions from a Document to an Extraction. No I/O, no index, no CLI."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from contextlib import contextmanager

from bilat.extract.countries import matcher, settle_shared_demonyms
from bilat.extract.dates import FULL_KINDS, find_dates, header_dates, months_named, other_reading, parse_anchor, slash_readings, weekday_anchor
from bilat.extract.events import Sentence, find_events
from bilat.extract.figures import find_figures
from bilat.extract.people import PeopleFinder, acronyms_of
from bilat.extract.quotes import SpeakerResolver, find_quotes, is_quotation, spoken_name
from bilat.models import Date, Document, Extraction, Person, Quote
from bilat.rulebook import load, rules
from bilat.textutil import split_sentences


class ExtractionError(Exception):
    """A bug in one stage of extraction on one article: reported as such, never taken for an unreadable file."""

    def __init__(self, stage: str, error: BaseException):
        super().__init__(f"{stage}: {type(error).__name__}: {error}")
        self.stage = stage
        self.error = error


@contextmanager
def _stage(name: str):
    try:
        yield
    except ExtractionError:
        raise
    except Exception as e:  # noqa: BLE001 - any failure here is a bug to report with its stage
        raise ExtractionError(name, e) from e


def _anchor(doc: Document):
    """The date the article was written, which fixes "today", weekdays and years without a year."""
    if doc.prefix_date:
        return parse_anchor(doc.prefix_date), "prefix"
    printed = doc.header_dates + ([doc.dateline_date] if doc.dateline_date else [])
    for n, raw in enumerate(printed):
        readings = slash_readings(raw)
        if readings is not None:
            # "Published: 03/06/2026": June or March by who wrote it. The story's opening months, or another date the
            # page prints near one reading, decide; else the page has no date of its own (not a related story's)
            listed = [raw for line in doc.listed for raw in header_dates(line)]  # other stories' dates: of its time
            d = _reading_by_evidence(readings, doc, [parse_anchor(r) for r in printed[:n] + printed[n + 1:] + listed])
            if d is None:
                break
            return d, "dateline"
        d = parse_anchor(raw)
        if d:
            other = other_reading(raw)
            if other is not None:
                # "05.12.2026" on a page whose story opens on May and never names December: 12 May, printed month
                # first (a month named further down may be a recalled occasion's: "last year's edition, in October")
                named = months_named(doc.body[:doc.headline_lines + 3])
                if other.month in named and d.month not in named:
                    d = other
            return d, "dateline"
    if doc.dateline_date and len(doc.body) > doc.headline_lines:
        # "PHNOM PENH, Sept. 9 –" with "from September 7 to 9, 2023" in the lead: the lead's year completes the dateline.
        lead = doc.body[doc.headline_lines]
        years = {d.date.value[:4] for d in find_dates(lead, None)
                 if d.date is not None and d.kind in ("iso", "dmy_num", "dmy", "mdy", "range", "my")}
        # "RABAT, Nov 18 - … began the Atlas Tide 2024 exercise", "at the 2025 Shangri-La Dialogue": a year that
        # names an occasion in the story's opening completes the dateline; "since 2019", "in 2019", "a plan for 2024" do not.
        story = " ".join(doc.body[doc.headline_lines:doc.headline_lines + 3])
        years = years or {m.group("year") for m in rules().cue("year_of_occasion").finditer(story)}
        if len(years) == 1:
            d = parse_anchor(f"{doc.dateline_date} {years.pop()}")
            if d:
                return d, "dateline"
    if len(doc.body) > doc.headline_lines:
        lead = doc.body[doc.headline_lines]
        for d in find_dates(lead, None):
            if d.kind in FULL_KINDS and d.date is not None and rules().cue("report_dated").search(lead[:d.start]):
                return dt.date.fromisoformat(d.date.value), "text"
        d = weekday_anchor(doc.body[doc.headline_lines], doc.body[doc.headline_lines + 1:])
        if d:
            return d, "text"
    return None, None


def _reading_by_evidence(readings: tuple[dt.date, dt.date], doc: Document, others: list) -> dt.date | None:
    """Of a numeric date's two readings, the one the page bears out: the only one whose month the story's opening
    names, or the one within a month of another date the page prints while the other is not; else None."""
    named = months_named(doc.body[:doc.headline_lines + 3])
    by_month = [r for r in readings if r.month in named]
    if len(by_month) == 1:
        return by_month[0]
    near = [r for r in readings if any(o is not None and abs((r - o).days) <= 31 for o in others)]
    return near[0] if len(near) == 1 else None


def _main_pair(paragraphs: list[str], mentions: list[list], lead: tuple[int, tuple[int, int, str]] | None) -> list[str]:
    """The two countries the story is about.

    The lead's own sentence says it when it names a subject and a partner joined to it by "from",
    "with", "to" or "and" ("Poland signed up to buy tanks from South Korea, as the country that borders
    Russia and Ukraine …"); otherwise the countries named earliest and most often. A venue ("in Arequipa,
    Peru") is never the lead's subject and counts for less: it may be a host, or only the place.
    """
    def venue(i: int, c) -> bool:
        return bool(rules().cue("venue_before").search(paragraphs[i][max(0, c.start - 60):c.start]))

    if lead is not None:
        paragraph, sentence = lead
        found = [c for c in mentions[paragraph] if sentence[0] <= c.start < sentence[1] and not venue(paragraph, c)]
        text = sentence[2]
        # "The defence ministers of Chile and Peru met …": the two the subject belongs to.
        if len(found) >= 2 and found[0].code != found[1].code and rules().cue("members_of").search(
                text[:found[0].start - sentence[0]]) and rules().cue("coordination").fullmatch(
                text[found[0].end - sentence[0]:found[1].start - sentence[0]]):
            return [found[0].code, found[1].code]
        # A country after a preposition is an object ("met his counterparts from Rwanda"), not the subject.
        if found and not rules().cue("object_before").search(text[:found[0].start - sentence[0]]):
            subject = found[0]
            for c in found[1:]:
                if c.code != subject.code and rules().cue("partner_before").search(text[:c.start - sentence[0]]):
                    return [subject.code, c.code]
                if c.code != subject.code:
                    break
    score: Counter = Counter()
    for i, found in enumerate(mentions):
        for c in found:
            weight = 3.0 if i <= 1 else 1.0
            score[c.code] += weight * (rules().knob("venue_weight") if venue(i, c) else 1.0)
    return [code for code, _ in score.most_common(2)]


def _lead_sentence(doc: Document) -> tuple[int, tuple[int, int, str]] | None:
    """The story's first sentence: (paragraph, (start, end, text))."""
    if len(doc.body) <= doc.headline_lines:
        return None
    paragraph = doc.headline_lines
    sentences = split_sentences(doc.body[paragraph])
    if not sentences:
        return None
    start, text = sentences[0]
    return paragraph, (start, start + len(text), text)


def _sender_country(sender: str | None) -> str | None:
    """The one country a release's sender lines name ("SRI LANKA ARMY - NEWS"): the side the story is told from."""
    if not sender:
        return None
    # each sender line on its own: "MINISTRY OF NATIONAL DEFENCE – ROMANIA | Public Information and Press Directorate"
    lines = " | ".join(line.title() if line.isupper() else line for line in sender.split(" | "))
    codes = {c.code for c in matcher().find(lines)}
    return codes.pop() if len(codes) == 1 else None


def extract(doc: Document) -> Extraction:
    """Everything bilat reads out of one article: countries, people, quotes, engagements, figures, date.

    One analysis pass: countries, the anchor date, people and sentences (with their dates and
    mentions) are found once here, and every later stage reads them instead of the raw text.
    Raises ExtractionError naming the stage that failed.
    """
    paragraphs = doc.body
    with _stage("countries"):
        countries_found = settle_shared_demonyms([matcher().find(p) for p in paragraphs])
        gazetteer = matcher().gazetteer
        home = gazetteer.country_of_place(doc.dateline_place) or _sender_country(doc.sender)
        pair = _main_pair(paragraphs, countries_found, _lead_sentence(doc))
        if len(pair) < 2 and home and home not in pair:
            pair = pair + [home]  # "NEW DELHI - The army chief sets off for Australia": the dateline's country is a side
    with _stage("dates"):
        anchor, anchor_source = _anchor(doc)
        # The lead takes the anchor; a dateline date ("BAKU, March 9") refines it.
        anchor_date = Date(anchor.isoformat(), anchor_source) if anchor else None
        if doc.dateline_date and anchor:
            dl = find_dates(doc.dateline_date, anchor)
            if dl and dl[0].date:
                anchor_date = Date(dl[0].date.value, "dateline")
    with _stage("people"):
        finder = PeopleFinder(paragraphs, countries_found, pair, acronyms_of(paragraphs, countries_found), home)
        records = finder.run()
    with _stage("quotes"):
        quotes = _quotes(paragraphs, finder)
    with _stage("sentences"):
        sentences = _sentences(doc, countries_found, finder, anchor)

    def is_country_word(word: str) -> bool:
        code_kind = gazetteer.forms.get(word)
        return bool(code_kind) and code_kind[1] != "capital"

    with _stage("events"):
        events, main = find_events(sentences, pair, anchor_date, doc.dateline_place, is_country_word, doc.dateline_date, home)
    date = events[main].date if main is not None else anchor_date
    if (date is not None and anchor_date is not None and date.precision != "day"
            and date.value > anchor_date.value[:len(date.value)]):
        date = anchor_date  # "is set to begin assembling the drones in 2024": a plan is news on the day it is told
    with _stage("figures"):
        figures = find_figures([s.text for s in sentences if not s.headline])

    # other stories' headlines the page lists name countries of the page, though nothing of theirs is this story's
    listed = {c.code for line in doc.listed for c in matcher().find(line)}
    codes = sorted({c.code for found in countries_found for c in found} | listed)
    pairs = sorted({tuple(e.countries) for e in events if len(e.countries) == 2})
    people = [Person(name=p.name, country=p.country, role=p.role, variants=sorted(p.variants)) for p in records]
    return Extraction(date=date, countries=codes, pairs=[list(p) for p in pairs], people=people, quotes=quotes,
                      events=events, figures=figures, main_event=main)


def _quotes(paragraphs: list[str], finder: PeopleFinder) -> list[Quote]:
    """Quotations with their speakers; short quoted spans are resolved too, for the attributions they carry."""
    resolver = SpeakerResolver(paragraphs, finder)
    out = []
    for span in find_quotes(paragraphs):
        said = resolver.resolve(span)  # short spans too: the next quote may inherit their speaker
        if not is_quotation(span):
            continue
        who = said.person
        out.append(Quote(text=span.text, speaker=spoken_name(said), speaker_role=who.role if who else None,
                         speaker_country=who.country if who else None))
    return out


_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")
# Month and weekday names are the built-in lexicon's, as in dates.py.
_DAY_HEADING = re.compile(rf"(?:(?:{load().alternation('weekdays')})[,.]?\s+)?(?:\d{{1,2}}\s+(?:{load().alternation('months')})\.?|"
                          rf"(?:{load().alternation('months')})\.?\s+\d{{1,2}})(?:,?\s+\d{{4}})?")


def _day_heading(text: str, anchor) -> Date | None:
    """The day a paragraph that is nothing but a date names ("SATURDAY 30 MAY", "Friday, May 29"): a live blog's
    heading for the entries below it."""
    line = text.strip(" \t:–—-")
    if len(line) > 40:
        return None
    line = line.title() if line.isupper() else line
    if not _DAY_HEADING.fullmatch(line):
        return None
    # the weekday only confirms the day the date names
    days = [d.date for d in find_dates(line, anchor) if d.date is not None and d.kind != "weekday" and d.date.precision == "day"]
    return days[0] if len(days) == 1 else None


_UPDATE_STAMP = re.compile(r"\s*(?:updated?|correction|editor'?s note)\s*,?\s*(?P<date>[^:]{6,40}?(?:\d{1,2}:\d\d)?)\s*:\s", re.I)


def _update_stamp(text: str, anchor) -> Date | None:
    """The day an update or correction stamped at the head of its paragraph names ("Update, 25 March 2026, 11:20: …"):
    what the paragraph's weekdays count from."""
    m = _UPDATE_STAMP.match(text)
    if not m:
        return None
    days = [d.date for d in find_dates(m.group("date"), anchor) if d.date is not None and d.date.precision == "day"]
    return days[0] if len(days) == 1 else None


_YEAR_HEADING = re.compile(r"\s*(?P<year>(?:19|20)\d\d)\s*[—–:-]\s+\S")


def _year_heading(text: str, anchor) -> Date | None:
    """The year that heads a paragraph of a look back ("2019 — Nigeria's minister flew to Accra in May."): what the
    paragraph tells happened that year. Only a year before the article's own."""
    m = _YEAR_HEADING.match(text)
    if m is None or (anchor is not None and int(m.group("year")) >= anchor.year):
        return None
    return Date(m.group("year"), "text")


def _sentences(doc: Document, countries_found: list[list], finder: PeopleFinder, anchor) -> list[Sentence]:
    """Sentences with the countries they name (people's countries included, in text order) and their dates."""
    out: list[Sentence] = []
    reference = None  # the last date the story has reached, for "two years later" in the next sentence
    heading = None  # the day of the live blog's heading above, which fixes "this afternoon" and dates its entries
    located = [[] for _ in doc.body]  # the people's mentions with a country, by paragraph, in the finder's order
    for m in finder.mentions:
        # a person with neither a post nor a cue of their own has a guessed country, which names no side of anything
        if m.person.country and (m.person.role or m.person.cue > 0):
            located[m.paragraph].append(m)
    for i, text in enumerate(doc.body):
        heading = _day_heading(text, anchor) or heading  # (a date line may stand among the headline's lines)
        here = dt.date.fromisoformat(heading.value) if heading else anchor
        stamp = _update_stamp(text, anchor)
        if stamp is not None:
            here = dt.date.fromisoformat(stamp.value)  # "Update, 25 March 2026, 11:20: … met on Tuesday": that week's
        year = _year_heading(text, anchor)
        if year is not None:
            here = dt.date(int(year.value), 12, 31)  # "2019 — … flew to Accra in May": that year's May
        for start, sent in split_sentences(text):
            end = start + len(sent)
            named = [(c.start - start, c.end - start, c.code) for c in countries_found[i] if start <= c.start < end]
            # "UPDF and KDF troops": a force the text spelled out after its country ("Kenya Defence Forces (KDF)")
            if finder.acronyms:
                named = sorted(named + [(m.start(), m.end(), finder.acronyms[m.group(0)]) for m in _ACRONYM.finditer(sent)
                                        if m.group(0) in finder.acronyms])
            people = [(m.start - start, m.end - start, m.person.country) for m in located[i] if start <= m.start < end]
            codes = [c for _, _, c in sorted(named + people)]
            headline = i < doc.headline_lines
            lead = i == doc.headline_lines
            dates = find_dates(sent, here, reference)
            out.append(Sentence(i, start, sent, codes, dates, lead, headline, named, day_heading=year or heading))
            if not headline:
                reference = next((d.date for d in reversed(dates) if d.date is not None), reference)
    return out
