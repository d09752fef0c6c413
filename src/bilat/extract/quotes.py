"""Direct quotations of five words or more, and who said them.

Wire copy mixes curly and straight marks, uses a closing mark to open (`” Welcome …”`), glues
marks to words (`…”was in the form`) and runs one quotation over several paragraphs (a
paragraph that opens without closing, continued by one that opens again). Double marks are
paired by alternation within a paragraph; single marks only where they cannot be apostrophes.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from bilat.extract.people import PeopleFinder, PersonRecord
from bilat.rulebook import rules
from bilat.textutil import (DOUBLE_MARK, DOUBLE_MARKS, fold, fold_same_length, mask_title_stops, quoted_spans, sentence_start,
                             word_list)

_DOUBLE = DOUBLE_MARKS
_PRONOUN = re.compile(r"^(?:(?:as|and|but|so|then|when)\s+)?(?:he|she)$", re.I)  # "As he put it, '…'"
_POST_THEN_NAME = re.compile(r"[\"“]?[Tt]he\s+[^,.;]{3,90},\s+(?:[A-Z][\w.]*\s+){0,3}")
_PARTICIPLE_OPENER = re.compile(r"[\"“]?[A-Z][a-z]+(?:ed|ing)\b[^.;]*,\s*")


def _speech() -> str:
    return rules().alternation("speech_verbs")


def _phrase_start(head: str) -> int:
    """Where "X said:" ending head can begin, for the pattern in _before to be tried from there on: the phrase holds
    no full stop, semicolon or comma but one closing mark, so it starts after the last of them (the same match,
    found without trying every earlier start). 0 when the speech verbs might match such marks (a user's rules)."""
    if not _PLAIN_WORDS.fullmatch(_speech()):
        return 0
    body = head.rstrip()
    body = body[:-1] if body.endswith(",") else body
    return max(body.rfind("."), body.rfind(";"), body.rfind(",")) + 1


_PLAIN_WORDS = re.compile(r"[\w\s()|?:\[\]]*")  # regex text that can match no punctuation: words, groups, [sz]


@dataclass
class QuoteSpan:
    paragraph: int
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or paragraph end when it runs on)
    text: str
    last_paragraph: int
    close: int | None = None  # in the last paragraph of a run-on quotation, the offset just after its closing mark


def _double_spans(text: str) -> list[tuple[int, int]]:
    marks = [m.start() for m in DOUBLE_MARK.finditer(text)]
    spans = []
    for k in range(0, len(marks) - 1, 2):
        spans.append((marks[k], marks[k + 1] + 1))
    if len(marks) % 2:
        spans.append((marks[-1], len(text)))  # runs on into the next paragraph
    return spans


# The regex engine finds the few single marks; the rules below look only at them, not at every character.
_SINGLE_OPENER = re.compile("[‘']")
_SINGLE_CLOSER = re.compile("[’']")


def _single_spans(text: str, inside: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    closers = [m.start() for m in _SINGLE_CLOSER.finditer(text)]
    resume = 0  # after a span, the next opener comes after its closer
    for opener in _SINGLE_OPENER.finditer(text):
        i = opener.start()
        if i < resume:
            continue
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if (prev.isspace() or prev in "([—–-:") and (nxt.isalnum() or nxt in "$€£") and not any(s <= i < e for s, e in inside):
            # The closer: a ’ or ' after a non-space and before a non-letter.
            for j in closers[bisect_left(closers, i + 2):]:
                after = text[j + 1] if j + 1 < len(text) else " "
                if not text[j - 1].isspace() and not after.isalnum():
                    spans.append((i, j + 1))
                    resume = j + 1
                    break
    return spans


# A paragraph that opens with a single mark and never closes it runs on, British style, into the next one that
# opens with a single mark again.
_SINGLE_RUN_ON = re.compile("[‘'](?=[A-Z])")


def find_quotes(paragraphs: list[str]) -> list[QuoteSpan]:
    """Every quoted span, short ones included (they still carry attributions the next quote may inherit)."""
    out: list[QuoteSpan] = []
    carry: QuoteSpan | None = None
    single_carry: QuoteSpan | None = None
    for p, text in enumerate(paragraphs):
        doubles = _double_spans(text)
        if single_carry is not None:
            singles = _single_spans(text, doubles)
            if _SINGLE_RUN_ON.match(text) and not doubles:
                closed = singles[0] if singles and singles[0][0] == 0 else None
                single_carry.text += " " + _strip_marks(text[:closed[1]] if closed else text)
                single_carry.last_paragraph = p
                if closed is None:
                    continue  # runs on again
                single_carry.close = closed[1]
                out.append(single_carry)
                single_carry = None
                spans = sorted(sp for sp in doubles + singles if sp != closed)
                for s_, e_ in spans:
                    out.append(QuoteSpan(p, s_, e_, _strip_marks(text[s_:e_]), p))
                continue
            out.append(single_carry)
            single_carry = None
        if carry is not None:
            # A run-on quotation continues only where this paragraph opens with a mark.
            if doubles and doubles[0][0] == 0:
                s, e = doubles.pop(0)
                carry.text += " " + _strip_marks(text[s:e])
                carry.last_paragraph = p
                if e < len(text) or text[-1] in _DOUBLE:
                    out.append(carry)
                    carry = None
                    doubles = doubles
                else:
                    continue
            else:
                out.append(carry)
                carry = None
        spans = sorted(doubles + _single_spans(text, doubles))
        if (carry is None and not doubles and _SINGLE_RUN_ON.match(text) and not any(a == 0 for a, _ in spans)
                and p + 1 < len(paragraphs) and _SINGLE_RUN_ON.match(paragraphs[p + 1])):
            single_carry = QuoteSpan(p, 0, len(text), _strip_marks(text), p)
            continue
        for s, e in spans:
            q = QuoteSpan(p, s, e, _strip_marks(text[s:e]), p)
            if e == len(text) and text[-1] not in _DOUBLE + "’'" and (s, e) in doubles:
                carry = q
            else:
                out.append(q)
    if carry is not None:
        out.append(carry)
    if single_carry is not None:
        out.append(single_carry)
    return out


def is_quotation(q: QuoteSpan) -> bool:
    """Five words or more, and not a name: shorter fragments are scare quotes, title-case ones names of things."""
    words = q.text.split()
    if len(word_list(q.text)) < rules().knob("quote_min_words"):
        return False
    long_words = [w for w in words if len(w.strip(".,;:!?()")) > 3]
    named = long_words and all(w[:1].isupper() or w[:1].isdigit() for w in long_words) and not re.search(r"[.!?]", q.text)
    return not named


def _strip_marks(s: str) -> str:
    s = s.strip().strip(_DOUBLE + "‘’'").strip()
    s = re.sub(r"[,;:]$", "", s).strip()
    s = re.sub(r"\.,$", ".", s)
    return s


@dataclass
class Attribution:
    person: PersonRecord | None
    spelled: str | None  # the speaker's name as this attribution spells it ("Kovalenko" of "Kowalenko")


class SpeakerResolver:
    """Attribution after the quote, before it, in the paragraph before, or by the previous quote."""

    def __init__(self, paragraphs: list[str], finder: PeopleFinder):
        self.paragraphs = paragraphs
        # title stops masked, so that "said Lt. Cmdr. Ana Costa" reads as one stretch up to the comma
        self.folded = [mask_title_stops(fold_same_length(p)) for p in paragraphs]
        self.finder = finder
        self.last: PersonRecord | None = None
        self.last_paragraph = -2

    def resolve(self, q: QuoteSpan) -> Attribution:
        """Who said q, and how the attribution spells their name."""
        self._spelled = None
        p = q.paragraph
        text = self.folded[q.last_paragraph]
        end = q.end if q.last_paragraph == p else len(text)
        if q.last_paragraph != p and q.close is not None:
            end = q.close
        elif q.last_paragraph != p:
            # the close of a run-on quotation is in its last paragraph
            closes = [i for i, ch in enumerate(text) if ch in _DOUBLE]
            end = closes[1] + 1 if len(closes) >= 2 else len(text)
        found, who = self._after(q.last_paragraph, end)
        if found and who is None and self._according:
            # "X described the kingdom as "…", according to an official who attended": X said it, the official reports it
            said_before, before_who = self._before(p, q.start)
            if said_before and before_who is not None:
                who = before_who
        if not found:
            found, who = self._before(p, q.start)
        if not found and p > 0 and q.start == 0 and self.folded[p - 1].rstrip().endswith(":"):
            # "… the minister said:" or a speaker's label ("Press conference highlights. German Defence Minister X:")
            # over a quoted paragraph
            found, who = self._before(p - 1, len(self.folded[p - 1].rstrip()))
        if not found and p > 0 and q.start == 0 and self.last_paragraph < p - 1:
            # A quoted paragraph after one that reports someone speaking ("Novak … told reporters that …").
            prev = self.folded[p - 1]
            m = next(reversed(list(re.finditer(rf"\b{_speech()}\b", prev))), None)  # the last speech verb
            if m is not None and not any(ch in _DOUBLE for ch in prev):
                sent_start = sentence_start(prev, m.start())
                mentions = self._mentions_in(p - 1, sent_start, m.start())
                if mentions:
                    found, who = True, mentions[0].person
        if not found:
            if self.last_paragraph >= p - 1:
                who = self.last
            else:
                who = None
        self.last, self.last_paragraph = who, q.last_paragraph
        return Attribution(who, self._spelled if who else None)

    def _after(self, p: int, end: int) -> tuple[bool, PersonRecord | None]:
        text = self.folded[p][end:]
        speech, reach = _speech(), rules().knob("speaker_after_chars")
        m = re.match(rf"\s*[,.]?\s*(?:{speech}\s+(?P<who1>[^,.;]{{1,{reach}}}?)(?=[,.;]|\s+(?:at|in|on|during|after|before|adding|according|who|as|while|from)\b|$)|"
                     rf"(?!\s*(?:and|but|or|then|also)\b)(?P<who2>[^,.;“”\"]{{1,{reach}}}?)(?:,\s+(?:who|the|a|an|[a-z])[^“”\"]{{0,120}}?,)?\s+(?:\w+ly\s+)?(?:{speech}|also said)\b|"
                     # "…," the ministry's spokeswoman, Aizada Sultanbekova, told reporters: the name in apposition
                     rf"[^,.;“”\"]{{1,80}}?,\s+(?P<who3>[A-Z][^,.;“”\"]{{1,60}}?),\s+(?:\w+ly\s+)?(?:{speech})\b)", text)
        self._according = False
        if not m:
            m = re.match(r"\s*[,.]?\s*according to\s+(?P<who1>[^,.;]{1,60})", text)
            self._according = m is not None
        if not m:
            m = re.match(r"\s*[—–]\s*(?P<who1>[A-Z][^,.;]{1,60})", text)  # "…" — Nikoloz Chichinadze, Georgian Defence Minister
        if not m:
            return False, None
        group = next(g for g in ("who1", "who2", "who3") if g in m.groupdict() and m.group(g))
        who = m.group(group)
        if group == "who1" and text[m.end("who1"):].startswith(",") and not self._mentions_in(
                p, end + m.start("who1"), end + m.end("who1")):
            # "…," said the ministry's spokesman, Colonel Ana Costa: the name in apposition is the speaker, whoever
            # else the role noun could stand for
            rest = end + m.end("who1")
            stop = self.folded[p].find(".", rest + 1)
            named = self._mentions_in(p, rest, stop if stop > 0 else len(self.folded[p]))
            if named and not re.search(r"\b(?:and|with|to|of)\b", self.folded[p][rest:named[0].start]):
                self._spelled = " ".join(self.finder.paragraphs[p][named[0].start:named[0].end].split())
                return True, named[0].person
        return True, self._who(p, end + m.start(group), who)

    def _before(self, p: int, start: int) -> tuple[bool, PersonRecord | None]:
        text = self.folded[p]
        sent_start = max(sentence_start(text, start), start - rules().knob("speaker_before_window"))  # bounded: regexes below anchor at the end
        head = text[sent_start:start]
        relayed = rules().cue("relayed_speech").search(head)
        if relayed:  # "the spokesman quoted the minister as saying:": the minister spoke
            return True, self._who(p, sent_start + relayed.start("who"), relayed.group("who"))
        m = re.compile(rf"(?P<who>[^,.;]{{1,80}}?)\s+(?:\w+ly\s+)?{_speech()}(?:\s+to\s+(?:me|us|him|her|them|reporters|journalists))?"
                       rf"(?:\s+(?:on|at|in)\s+(?:(?!that\b)[\w'’-]+\s*){{1,6}})?(?:\s+that)?\s*[:,]?\s*$").search(
            head, _phrase_start(head))
        if m:
            return True, self._who(p, sent_start + m.start("who"), m.group("who"))
        colon = re.search(r"(?P<who>[A-Z][\w' -]{1,60}?)\s*:\s*$", head)
        if colon:
            # "Colonel Ana Costa:" names the speaker; "… activity in the High North:" does not, and the subject may
            who = self._who(p, sent_start + colon.start("who"), colon.group("who"))
            if who is not None:
                return True, who
        if not head.strip():
            return False, None
        # The sentence's subject: an organisation, a pronoun, or the first person named in it.
        subject = head.strip()
        first = subject.split(",")[0]
        if (rules().cue("institution_speaker").search(" ".join(first.split()[:4])) and not self._mentions_in(p, sent_start, sent_start + 40)
                and not rules().cue("person_of_institution").search(first)):
            return True, None
        mentions = self._mentions_in(p, sent_start, start)
        if mentions:
            return True, mentions[0].person
        if re.match(r"(?:he|she)\b", subject, re.I):
            return True, self._salient(p, sent_start)
        # "The Moroccan minister said that his country was "…"": a role noun as the subject
        role = rules().cue("speaker_role_noun").match(subject)
        if role and re.search(rf"\b{_speech()}\b", subject):
            post = re.match(rf"the\s+(.+?)\s+(?:\w+ly\s+)?{_speech()}\b", subject, re.I)
            return True, self._by_role(role.group("adj"), role.group("noun"), p, sent_start, post.group(1) if post else None)
        return False, None

    def _mentions_in(self, p: int, s: int, e: int):
        return sorted((m for m in self.finder.mentions if m.paragraph == p and s <= m.start < e), key=lambda m: m.start)

    def _who(self, p: int, offset: int, who: str) -> PersonRecord | None:
        who = who.strip()
        mentions = self._mentions_in(p, offset, offset + len(who) + 1)
        if mentions:
            m = mentions[-1]
            self._spelled = " ".join(self.finder.paragraphs[p][m.start:m.end].split())
            return m.person
        if _PRONOUN.match(who):
            return self._salient(p, offset)
        if who.lower() == "who":  # "Colonel X, who told reporters that …": the one named just before
            named = [m for m in self.finder.mentions if m.paragraph == p and m.end <= offset]
            return max(named, key=lambda m: m.start).person if named else None
        # "the minister added"; a headline's "Dutch minister in Bucharest: '…'" drops the article
        m = rules().cue("speaker_role_noun").match(who) or rules().cue("speaker_role_noun").match("the " + who)
        if m:
            return self._by_role(m.group("adj"), m.group("noun"), p, offset, re.sub(r"^[Tt]he\s+", "", who))
        nationality = self._demonym_subject(who)
        if nationality:
            return nationality
        if rules().cue("institution_speaker").search(who) or re.match(r"(?:it|they|we|the\s+\w+)$", who, re.I):
            return None
        # A name the people pass did not know by role: match it by surname.
        words = [w for w in re.findall(r"[A-Z][\w'-]+", who)]
        if words:
            return self.finder.find(words[-2:] if len(words) > 1 else words)
        return None

    def _demonym_subject(self, who: str) -> PersonRecord | None:
        """"the New Zealander said", "the Kenyan added": the one person of that nationality, if there is one."""
        from bilat.extract.countries import matcher

        m = re.fullmatch(r"the\s+(.+)", who.strip(), re.I)
        found = matcher().find(m.group(1)) if m else []
        if len(found) != 1 or found[0].kind != "demonym" or found[0].end - found[0].start != len(m.group(1).strip()):
            return None
        people = [p for p in self.finder.people if p.country == found[0].code]
        return people[0] if len(people) == 1 else None

    def _salient(self, p: int, offset: int) -> PersonRecord | None:
        """`he said`: the subject of the nearest sentence before that has a person as its subject."""
        before = [m for m in self.finder.mentions if (m.paragraph, m.start) < (p, offset)]
        # "The Jordanian general said …. '…,' he said": a role-noun subject nearer than any name is the one
        text = self.folded[p]
        last_name = max((m.start for m in before if m.paragraph == p), default=-1)
        for sent in reversed(list(re.finditer(r"(?:^|(?<=[.!?]\s))[^.!?]+", text[:offset]))):
            if sent.start() <= last_name:
                break
            opening = sent.group(0).lstrip("“\"' ")
            subject = rules().cue("speaker_role_noun").match(opening)
            if subject:
                who = self._by_role(subject.group("adj"), subject.group("noun"), p, sent.start())
                if who is not None:
                    return who
        for m in reversed(before):
            text = self.folded[m.paragraph]
            sent_start = sentence_start(text, m.start)
            lead = text[sent_start:m.start]
            # the subject is the first person of its sentence: in "X thanked Y for …" Y is the object
            first_named = not any(o.paragraph == m.paragraph and sent_start <= o.start < m.start for o in before)
            if first_named and ((len(lead.split()) <= rules().knob("subject_lead_words")
                                 and not re.search(r"\b(?:of|with|by|to|greeted|met|and)\s*$", lead))
                                or _POST_THEN_NAME.fullmatch(lead)):
                return m.person  # ("The Chief of the General Staff, General X, …, visited": a post, then its holder)
            if _PARTICIPLE_OPENER.fullmatch(lead):
                return m.person  # "Asked whether the talks had produced anything, X pointed to …": X is the subject
            if re.search(rf"\b{_speech()}\s+(?:{rules().alternation('honorifics')}\.?\s+)?$", lead, re.I):
                return m.person  # '"…," said Erlan Osmonov, an analyst. He added …': who spoke last
            if re.match(rf"\s*,?\s+(?:\w+ly\s+)?{_speech()}\b", text[m.end:]):
                return m.person  # "…, Moreau told reporters", "Vice Admiral X, said …": the one who spoke last
        if self.last is not None:
            return self.last
        return before[-1].person if before else None

    def _by_role(self, adj: str | None, noun: str, p: int, offset: int, post: str | None = None) -> PersonRecord | None:
        """"the minister said": the previous quote's speaker where that is such a person and spoke just before;
        else the person of that role named last before this point (not the one named most). A whole post named
        ("The Secretary of State underlined …") picks its holder over others of the same noun."""
        from bilat.extract.countries import matcher

        code = None
        if adj:
            found = matcher().find(adj)
            code = found[0].code if found else None
        people = [person for person in self.finder.people if code is None or person.country == code]
        noun = noun.lower()
        if noun not in ("leader", "official"):
            # "his Ghanaian counterpart X" holds the same post as the one named with it
            people = [person for person in people
                      if person.role and (noun in fold(person.role) or fold(person.role) == "counterpart")] or people
        if post and self.finder.home:
            # "the visiting minister" is the side from away, "the host minister" the side at home
            if rules().cue("visiting").search(post):
                people = [person for person in people if person.country not in (None, self.finder.home)] or people
            elif rules().cue("hosting").search(post):
                people = [person for person in people if person.country == self.finder.home] or people
        if not people:
            return None
        whole_post = post and fold(post).strip() != noun  # "the Secretary of State", not just "the minister"
        holders = [person for person in people if whole_post and person.role and fold(post) in fold(person.role)]
        if len(holders) == 1:
            return holders[0]
        # "Quitián said the deal …. '…,' the minister said": one of them named earlier in this paragraph goes first
        quoted = quoted_spans(self.folded[p])
        here = [m for m in self.finder.mentions if m.person in people and m.paragraph == p and m.start < offset
                and not any(a <= m.start < b for a, b in quoted)]
        if here:
            return max(here, key=lambda m: m.start).person
        if self.last in people and self.last_paragraph >= p - 1:
            return self.last
        named = [m for m in self.finder.mentions if m.person in people and (m.paragraph, m.start) < (p, offset)]
        if named:
            return max(named, key=lambda m: (m.paragraph, m.start)).person
        return max(people, key=lambda person: len(person.mentions))


def spoken_name(said: Attribution) -> str | None:
    """The person's name with the surname as the attribution spells it (Kovalenko where the profile has Kowalenko)."""
    person, surface = said.person, said.spelled
    if person is None:
        return None
    if not surface or len(surface.split()) != 1 or fold(surface) in person.tokens:
        return person.name
    return " ".join(person.name.split()[:-1] + [surface])
