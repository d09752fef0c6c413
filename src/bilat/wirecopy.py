"""Wire copy: the story separated from its furniture.

Real copy arrives with a ` date YYYY-MM-DD ` prefix glued to the first paragraph, headlines,
bylines, date lines, datelines (`BAKU, March 9 (AZERTAC) -`), embedded social-media posts and
site boilerplate. Only the story feeds extraction; the dates found in the furniture are kept
as anchors for resolving "on Friday" or "today".
"""
from __future__ import annotations

import re

from bilat.extract.dates import header_dates
from bilat.literals import screened
from bilat.models import Document
from bilat.textutil import fold
from bilat.rulebook import load

_PREFIX_DATE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*")
_MONTH = rf"{load().alternation('months')}\.?"
_WEEKDAY = load().alternation("weekdays")

# Lines that belong to the website, not the story, read from the lower-cased line (`_is_boilerplate`): those that
# open with one of these,
_BOILERPLATE = re.compile(
    r"^(?:related (?:news|articles?|posts?|stories)|(?:previous|next) (?:article|post|story)|comments?|ends|"
    r"show original|advertisement|share|print|e-?mail|tweet|read more.*|follow us.*|subscribe.*|tags?:.*|"
    r"kaynak:?.*|source:.*|photo:.*|press release:.*|©.*|copyright.*|more from .*|home\s*[›>»].*|"
    r"a licen[cs]e is needed.*|this news has been read.*|"
    r"(?:correction|clarification|editor'?s note)s?\s*:.*|(?:read|see) also\s*:.*|also read\s*:.*|"
    r"we use cookies.*)$"
)
# and those that say one of these anywhere. (One pattern of both, with `.*\bpaywall\b.*` as a branch, ran every
# line of every story to its end and back; screened, a story's line is turned away by one look for the words.)
_BOILERPLATE_ANYWHERE = screened(re.compile(r"\bpaywall\b|\byorumlar\b|\bcookies?\b.*\b(?:accept|consent|cookie policy|settings)\b"))


def _is_boilerplate(low: str) -> bool:
    """Whether a lower-cased line (one line: no line break) is the website's, not the story's."""
    return _BOILERPLATE.match(low) is not None or _BOILERPLATE_ANYWHERE.search(low) is not None
# Navigation, sharing and widget lines (the words are the lexicon's `page_clutter`), social handles,
# weather widgets and breadcrumbs.
_CLUTTER = re.compile(
    rf"(?i:{load().alternation('page_clutter')})|@\w+|[^.!?]{{0,40}}-?\d+\s*°\s*[CF]?[^.!?]{{0,40}}|"
    r"(?:[\w'&-]+(?: [\w'&-]+){0,3}\s*[>›»]\s*){1,6}[\w'&-]+(?: [\w'&-]+){0,3}")
_WIDGET_WORDS = re.compile(rf"(?i)(?<!\w)(?:{load().alternation('page_clutter')})(?!\w)")
# After one of these, everything else is site furniture too.
_TRAILER = re.compile(r"^(?:related (?:news|articles?|posts?|stories)|previous article|next article|comments|ends|kaynak:?|©.*|copyright.*)$")
# A date line the page labels as its own publication ("Posted: 2026/7/22", "Published 14:32 GMT, 3 June 2026"),
# which outranks dates of other stories listed on the page; and one it labels as a later change.
_PUBLISHED = re.compile(r"\W*(?:published|posted|released|first\s+published|date|publicado|publié|publicação)\b", re.I)
_MODIFIED = re.compile(r"\W*(?:updated|last\s+(?:modified|updated)|modified|actualizado|mis à jour)\b", re.I)
# A heading over a list of other stories' headlines, which is page furniture however it is dated.
_LIST_HEADING = re.compile(r"(?:related(?: (?:news|articles?|posts?|stories|content|coverage|links))?|read (?:also|more|next)|"
                           r"also read|see also|more (?:news|stories|on this topic)|other news|recommended(?: for you)?|"
                           r"you (?:may|might) also like|most (?:read|popular|viewed)|latest(?: news)?|top stories)\s*:?")
# A link to the story before or after this one: "Next: PN Ship Aslat exercises with the Saudi navy (18 Dec)".
_NEIGHBOUR_LINK = re.compile(r"(?:previous|prev|next)(?: (?:article|post|story))?\s*:\s*\S")
_SOCIAL = re.compile(r"pic\.twitter\.com/|https?://t\.co/|—\s*[^()]{1,60}\(@\w+\)")
_MASTHEAD = re.compile(r"(?:The\s+)?[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,2}")  # "Defence Herald", "The Baltic Ledger"
_BYLINE = re.compile(r"^(?:by|text:|written by|reporting by)\s+\S", re.I)
# A line that is a picture's caption: "[Image] The minister and his guest …", "[Photo: The frigate …]", "Photo: …"
_CAPTION_LINE = re.compile(r"\s*(?:\[\s*(?:image|photo|picture|video|caption|graphic)\b|\(\s*(?:photo|image)\b"
                           r"|(?:photo|image|picture|caption|pictured|file\s+photo)\s*[:—–-])", re.I)
_CAPTION = screened(re.compile(r"\s[-–—|]\s*photo\b.*$|\bphoto:\s.*$", re.I))  # screened: few lines say "photo"

# `BAKU, March 9 (AZERTAC) -`, `MINSK, December 19. /TASS/.`, `Washington, April 13:`,
# `ISLAMABAD:`, `Jakarta ●`, `BELGRADE, Serbia (AA) -`, `16 April 2024 –`, `SANTIAGO, May 9, 2025 -`, `ABU DHABI, 24th November 2022 (WAM) --`.
_DATELINE = re.compile(
    rf"^(?:(?P<place>[A-Z][A-Za-z\u00C0-\u024F'.-]*(?:\s[A-Z][A-Za-z\u00C0-\u024F'.-]*){{0,3}})"
    rf"(?:,\s*(?P<region>[A-Z][A-Za-z\u00C0-\u024F'.-]*(?:\s[A-Z][A-Za-z\u00C0-\u024F'.-]*){{0,2}}))??"
    rf"(?:(?:,|\s+[-–—])\s*(?:{_WEEKDAY},?\s+)?(?P<date>{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+\d{{4}})?))?"
    rf"|(?P<date_only>\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}))"
    r"\.?\s*(?:(?:\((?P<agency>[^)]{1,30})\)|/(?P<agency2>[A-Za-z]{2,12})/\.?)\s*(?:(?:--|[-–—:●•])\s*)?|(?:--|[-–—●•])\s+|:\s+)"
)


# Extraction cost grows faster than the length of a paragraph; real copy stays far below these,
# and a text dump without line breaks must not stall an index of thousands of files.
MAX_PARAGRAPH = 3000
MAX_STORY = 60_000


def _bounded(paragraphs: list[str]) -> list[str]:
    """Paragraphs cut at sentence ends (or spaces) to MAX_PARAGRAPH, the story to MAX_STORY characters."""
    out: list[str] = []
    total = 0
    for p in paragraphs:
        while len(p) > MAX_PARAGRAPH:
            cut = max(p.rfind(". ", 0, MAX_PARAGRAPH), p.rfind(" ", 0, MAX_PARAGRAPH // 2))
            cut = cut + 1 if cut > 0 else MAX_PARAGRAPH
            out.append(p[:cut].strip())
            p = p[cut:].strip()
        if p:
            out.append(p)
    kept = []
    for p in out:
        total += len(p)
        if total > MAX_STORY:
            break
        kept.append(p)
    return kept


def _at_least_words(n: int) -> re.Pattern:
    """Matches at the start of a line that holds at least n words of letters (runs of letters: "10:14" and "|" are
    none), reading no further than the nth: possessive, so a shorter line fails without trying anything twice."""
    return re.compile(rf"[\W\d_]*+(?:[^\W\d_]++[\W\d_]*+){{{n}}}")


_SEVEN_WORDS, _THIRTEEN_WORDS = _at_least_words(7), _at_least_words(13)


def _is_date_line(line: str) -> bool:
    """A short line that is mostly a date: `Oct 2, 2020`, `Published: 10 Feb, 2022`, `Jane Roe, Friday 19 Oct 2018`,
    `Published: 13 March 2026 - 10:14 | Updated: 13 March 2026 - 16:40` (times and bars are no words)."""
    # at most 6 words, or at most 12 not ending as a sentence does
    if _THIRTEEN_WORDS.match(line) or (_SEVEN_WORDS.match(line) and line.rstrip().endswith((".", "”", '"'))):
        return False  # asked first: most lines are sentences, and looking for dates in them costs more
    return bool(header_dates(line))


def _is_clutter(line: str) -> bool:
    """Page furniture a saved page or a copy-paste brings along: "Menu", "Back to top", "|", "@DefenceNews",
    "Lagos 31°C", "Home > Defence > Africa". A headline has words; these have none worth reading."""
    if _LETTERS.search(line) is None:
        return True  # "|", "•", "21°C", "12:45"
    if _CLUTTER.fullmatch(line.strip().rstrip(":")):
        return True
    # "Share Tweet WhatsApp Email Print", "Facebook X LinkedIn Copy link": nothing but widgets' words
    if len(line.split()) > 1 and _only_widget_words(line):
        return True
    # "Home | News | World | Asia | Defence", "EN | ID": a menu of short items, not a headline
    if "|" not in line and "•" not in line:
        return False  # one item: no menu (most lines, spared the split)
    menu = [x for x in re.split(r"\s*[|•]\s*", line.strip()) if x]
    return len(menu) >= 2 and line.count("|") + line.count("•") >= len(menu) - 1 and all(len(x.split()) <= 2 for x in menu)


_LETTERS = re.compile(r"[^\W\d_]{2,}")


def _only_widget_words(line: str) -> bool:
    """Whether no word of two letters is left once the widgets' words are taken out: `not _LETTERS.search(
    _WIDGET_WORDS.sub(" ", line))`, answered without running the widget pattern along a line of prose to its end.

    Widget words start and end at word edges, so a word is taken out only by the next widget word starting at or
    before it: trying those few places, leftmost first as sub does, the first word left standing answers."""
    pos = 0
    while (word := _LETTERS.search(line, pos)) is not None:
        widget = next((m for p in range(pos, word.start() + 1) if (m := _WIDGET_WORDS.match(line, p))), None)
        if widget is None:
            return False  # the word stays
        pos = widget.end()  # past the word, or past a one-letter widget ("X") before it: look again from there
    return True


_LETTERHEAD_GLUE = frozenset(("of", "the", "and", "for", "to"))
# "Accra, 9 December 2025", "Quito | Saturday, 14 March 2026" on a line of their own, as releases and papers print
# them: the place the story is told from.
_PLACE_THEN_DATE = re.compile(r"^(?P<place>[A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+){0,2})\s*(?:,|\||–|—)\s*(?P<date>.+)$")


def _is_letterhead(line: str) -> bool:
    """"MINISTRY OF DEFENCE", "REPUBLIC OF GHANA", "Press statement": the sender of a release, not its headline."""
    from bilat.extract.countries import matcher

    shown = line.title() if line.isupper() else line  # country names are found as written in running text
    for found in reversed(matcher().find(shown)):
        shown = shown[:found.start] + " " + shown[found.end:]
    words = re.findall(r"[\w']+", fold(shown))
    letterhead = load().words("letterhead_words")
    return bool(words) and len(words) <= 10 and all(w in letterhead for w in words) and any(
        w not in _LETTERHEAD_GLUE for w in words)


def _place_of_date_line(line: str) -> str | None:
    m = _PLACE_THEN_DATE.match(line)
    if not m or not header_dates(m.group("date")) or re.fullmatch(rf"(?i:{_WEEKDAY}|{_MONTH}|updated|published|posted)",
                                                                  m.group("place")):
        return None
    place = m.group("place").title() if m.group("place").isupper() else m.group("place")
    from bilat import gazetteer

    return place if gazetteer.load().country_of_place(place) else None  # a capital or city, not a byline's name


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 25 and not re.search(r"[.!?]$", line.rstrip("”\"'’ "))


def _dateline(first: str) -> tuple[str | None, str | None, str | None, str] | None:
    """(place, region, date, rest of the paragraph) of a dateline opening the story, or None."""
    m = _DATELINE.match(first)
    if not m or len(first) <= m.end() + 20:
        return None
    place = m.group("place")
    if place and (place.split()[0] in ("A", "An", "The") or (
            not place.isupper() and not (m.group("date") or m.group("region")) and not re.search(r"[-–—:●•]\s*$", m.group(0)))):
        return None  # "A Defense Cooperation Agreement (DCA) …" opens a sentence, not a dateline
    if place and place.isupper():
        place = place.title()
    date = m.group("date") or m.group("date_only")
    if not date and m.group("agency") and header_dates(m.group("agency")):
        date = m.group("agency")  # "ALAMEDA, Calif. (Aug. 21, 2025) —", as government news releases print it
    return place, m.group("region"), date, first[m.end():]


def parse_document(id_: str, path: str, text: str) -> Document:
    doc = Document(id=id_, path=path)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    lines = [line for line in lines if line]
    # The ` date ` prefix opens the story, after any breadcrumbs or paywall lines the site put first.
    for n, line in enumerate(lines[:4]):
        m = _PREFIX_DATE.match(line)
        if m:
            doc.prefix_date = m.group(1)
            lines[n] = line[m.end():]
            lines = [x for x in lines if x]
            break
        if not _is_boilerplate(line.lower()):
            break
    kept: list[str] = []
    published: list[str] = []
    listing = False  # under a "Related" or "Read also" heading: other stories' headlines, until a paragraph
    for n, line in enumerate(lines):
        low = line.lower()
        if kept and _LIST_HEADING.fullmatch(low.strip()):
            listing = True
            continue
        if _TRAILER.match(low) and kept:
            # the page's own date may stand under its footer ("Copyright © 2026 …", then "Posted: 2026/7/22")
            for rest in lines[n + 1:]:
                if _PUBLISHED.match(rest):
                    published += header_dates(rest)
                elif _MODIFIED.match(rest):
                    doc.header_dates += header_dates(rest)
            break
        if _PUBLISHED.match(line):
            published += header_dates(line)
        elif (listing and _looks_like_headline(line)) or _NEIGHBOUR_LINK.match(low):
            doc.listed.append(line)  # "Poland's 300th K9 gun handed over (Nov 18, 2026)": another story, its date its own
            continue
        listing = False
        if _is_boilerplate(low) and not _SOCIAL.search(line):
            if _is_date_line(line):
                doc.header_dates += header_dates(line)  # "Source: Huaxia | 2026-05-19 22:15:07 | Editor: …"
            continue
        if _is_clutter(line):
            doc.header_dates += header_dates(line)  # "Tuesday, 14 January 2025 | 21°C"
            continue
        if _CAPTION_LINE.match(line):
            continue  # a picture's caption, whose weekday is the picture's, not the story's lead
        if _SOCIAL.search(line) or (_BYLINE.match(line) and len(line.split()) <= 12) or _is_date_line(line):
            # Furniture, but its date is when the story was written.
            doc.header_dates += header_dates(line)
            doc.dateline_place = doc.dateline_place or _place_of_date_line(line)
            continue
        line = _CAPTION.sub("", line).strip()
        if line:
            kept.append(line)

    doc.header_dates = published + [d for d in doc.header_dates if d not in published]
    # Headline lines: short lines without sentence punctuation before the first real paragraph, after any
    # letterhead ("MINISTRY OF DEFENCE", "REPUBLIC OF GHANA"), which stays as context but is never the title.
    def sender(line: str) -> bool:
        # a one-word line above a headline is a section's name ("Defence"), a short line in capitals a masthead
        # ("THE ANDEAN POST"): neither is the headline
        words = len(line.split())
        return _is_letterhead(line) or words == 1 or (words <= 4 and line.isupper())

    body_start, candidates, senders = 0, [], []
    while body_start < len(kept) - 1:
        line = kept[body_start]
        if sender(line):  # asked once a line: it looks for countries
            senders.append(line)
            candidates = [(above, True) for above, _ in candidates]  # what stood above a sender line was furniture too
        elif _looks_like_headline(line) and sum(1 for _, above in candidates if not above) < 3:  # below the last sender
            candidates.append((line, False))
        else:
            break
        body_start += 1
    if candidates:
        # the headline is the first line after the last sender line ("NEWS RELEASE"), else the first line; a site's
        # name in capitalised words ("Defence Herald") above a longer line is the masthead, not the headline
        below = [line for line, above in candidates if not above] or [candidates[0][0]]
        if len(below) > 1 and _MASTHEAD.fullmatch(below[0]) and len(below[1].split()) > len(below[0].split()):
            below = below[1:]
        doc.title = below[0]
    doc.sender = " | ".join(senders) or None
    paragraphs = kept
    if body_start < len(paragraphs):
        dateline = _dateline(paragraphs[body_start])
        if dateline:
            place, region, date, rest = dateline
            doc.dateline_place, doc.dateline_date = place, date
            paragraphs = paragraphs[:body_start] + [rest] + paragraphs[body_start + 1:]
            if region:
                paragraphs.insert(body_start, f"{place}, {region}")  # "BELGRADE, Serbia": the region names a country
                body_start += 1
    doc.body = _bounded(paragraphs)
    doc.headline_lines = body_start
    if not doc.title:
        lead = paragraphs[body_start] if body_start < len(paragraphs) else ""
        first_sentence = re.split(r"(?<=[.!?])\s", lead, maxsplit=1)[0]
        doc.title = first_sentence  # whole: only the terminal view shortens
    return doc
