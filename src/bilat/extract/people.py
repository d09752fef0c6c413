"""Named people with a stated role, their country, and every later mention of them.

A person is a run of capitalised name words that a role introduces ("Serbian President
Ana Petrovic"), that an apposition follows ("Marie Dubois, Secretary General for …"), or
that leads a delegation or side. The country comes from the strongest cue the text gives:
the title's adjective or possessive, the apposition, "of <country>", a counterpart or delegation
adjective, an acronym of a national force ("HDF"), and only then from position and context.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from bilat.extract.countries import CountryMention
from bilat.literals import screened
from bilat.rulebook import rules
from bilat.textutil import fold, fold_same_length, quoted_spans, sentence_end, sentence_start

_WORD = re.compile(r"\S+")


def _words(name: str) -> frozenset[str]:
    return rules().words(name)


def _knob(name: str):
    return rules().knob(name)


def _cue(name: str) -> re.Pattern:
    return rules().cue(name)


class _Patterns:
    """The people stage's patterns, built from the lexicon once per rule set."""

    def __init__(self, book):
        # "N'Dri", "O'Donovan", "D’Arcy": a capital and an apostrophe may open a name
        token = rf"(?:{book.alternation('name_prefixes')}-|[A-Z]['’](?=[A-Z])|(?:{book.alternation('name_intercaps')})(?=[A-Z][a-z]))?[A-Z][a-z]+(?:-[A-Za-z][a-z]*|'(?!s\b)[A-Za-z][a-z]*)*"
        # "A.K.M. Rezaul Haque Talukder": glued initials open a name
        initials = r"(?:[A-Z]\.){2,4}\s+"
        particle = book.alternation("name_particles")
        suffix = book.alternation("name_suffixes")
        # Particles may follow one another ("van den Broek"); a generational suffix closes the name ("III", "Jr.").
        self.name = re.compile(
            rf"(?<![\w'-])(?:\((?P<paren>{token})\)\s+)?(?P<name>(?:{initials})?{token}(?:\s+(?:[A-Z]\.?(?=\s)|{particle}(?=\s+(?:{particle}\s+)*[A-Z])|{token}))*"
            rf"(?:,?\s+{suffix}(?![\w]))?)(?![\w-])")
        # Where a name can start: a capital or "(" (name_starts), or a prefix and its hyphen ("al-"). The name
        # pattern opens with a look-behind, so the engine would be started at every place of a text (see names_in).
        self.name_starts = re.compile(r"[(A-Z]")
        self.prefix_starts = re.compile(rf"(?:{book.alternation('name_prefixes')})-")
        role_plural = book.alternation("role_heads") + "s"
        # "the defence ministers of Kenya and Uganda, A and B": A is Kenya's, B Uganda's, both the role in the singular.
        self.plural_title = re.compile(
            rf"\b[Tt]he\s+(?P<role>(?:[\w-]+\s+){{0,3}}?{role_plural})\s+of\s+(?:the\s+)?(?P<first>[A-Z][\w' -]*?)\s+and\s+"
            rf"(?:the\s+)?(?P<second>[A-Z][\w' -]*?),\s+(?P<lead>[A-Z][\w' .-]*?\s+and\s+)?$")
        self.speech = book.alternation("speech_verbs")
        self.deed = book.alternation("subject_deeds")
        self.courtesy_before = re.compile(rf"\b(?:{book.alternation('courtesy_titles')})\.?\s+$", re.I)
        self.next_person_gap = re.compile(rf"\s+and\s+(?:the\s+)?(?:(?:{book.alternation('next_person_posts')})\s+of\s+(?:the\s+)?)?")
        self.role_head = re.compile(r"\b" + book.alternation("role_heads") + r"s?\b")
        # Answers by word of _is_role and _is_title_word: every capitalised word of every name candidate is asked.
        self.roles: dict[str, bool] = {}
        self.title_words: dict[str, bool] = {}
        self.ranks = book.words("ranks")
        self.honorific_alternation = book.alternation("honorifics")
        self.rank_or_honorific = self.ranks | book.words("honorifics")
        self.service = book.words("service_words")
        self.title_like = book.words("not_name") | self.rank_or_honorific
        # Unions asked for every candidate, made once here rather than at each question.
        self.rank_honorific_or_service = self.rank_or_honorific | self.service
        self.not_surname = self.title_like | book.words("title_words") | book.words("role_heads")
        title_token = r"(?:[A-Z(][\w'’().&-]*|of|the|for|in|and|&|" + book.alternation("title_words") + "|" + book.alternation("role_heads") + ")"
        # What may stand between two people of one list: separators, titles, and an opening "was joined by".
        self.list_gap = re.compile(r"(?:" + book.cue("joined_by").pattern + r"|\s*(?:,|\band\b)\s*)"
                                   r"(?:\s*(?:,|\band\b)\s*|" + title_token + r"(?:\s+|(?=,)))*")
        self.heads = book.alternation("heads_verbs")
        makers = sorted(book.makers, key=len, reverse=True)
        self.maker = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, makers)) + r")(?![\w-])") if makers else None
        self.makers = book.makers
        self.company_post = re.compile(r"\b(?:" + book.alternation("company_words") + "|" + book.alternation("independent_posts")
                                       + r")\b", re.I)
        self.independent_post = re.compile(r"\b(?:" + book.alternation("independent_posts") + r")\b", re.I)
        self.local_post = re.compile(r"\b(?:" + book.alternation("local_posts") + r")\b", re.I)
        self.delegation = book.alternation("delegation_verbs")
        # Asked of the text before every name, which seldom says "delegation" or "side": screened (literals.py).
        self.delegation_listing = screened(re.compile(rf"(\S+(?:\s\S+)?)\s+delegation\s+{self.delegation}\b"))
        self.led_by_before = screened(re.compile(
            # "The Kazakh delegation was led by", "while Kenya's team was headed by"
            r"\b(?:(?:[Tt]he|[Aa]n?)\s+(\S+(?:\s\S+){0,2})|([A-Z][\w-]*(?:\s[A-Z][\w-]*)?['’]s))\s+(?:delegation|side|team)\s+"
            r"(?:(?:was\s+)?(?:led|headed)\s+)?by\s+(?:(?!\b(?:delegation|side|team)\b)[^.;])*$"
            # "a delegation from Nigeria led by", "the team from the Philippines, headed by"
            r"|\b(?:delegation|side|team)\s+from\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,2}),?\s+(?:(?:was|which\s+was)\s+)?(?:led|headed)\s+by\s+"
            r"(?:(?!\b(?:delegation|side|team)\b)[^.;])*$"))


_compiled: dict[str, _Patterns] = {}


def patterns() -> _Patterns:
    book = rules()
    if book.fingerprint not in _compiled:
        _compiled[book.fingerprint] = _Patterns(book)
    return _compiled[book.fingerprint]


@dataclass
class PersonRecord:
    name: str
    tokens: list[str]  # folded name words
    role: str | None = None
    country: str | None = None
    cue: int = 0  # strength of the country cue: higher wins
    variants: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int, int]] = field(default_factory=list)  # (paragraph, start, end)

    @property
    def surname(self) -> str:
        return self.tokens[-1]


@dataclass
class Mention:
    person: PersonRecord
    paragraph: int
    start: int
    end: int


def names_in(text: str):
    """The name candidates of text, as patterns().name.finditer(text) gives them (leftmost first, none overlapping):
    the pattern is tried only where a name can start, the places its first characters are skipped to in C."""
    pats = patterns()
    name, capital, prefix = pats.name, pats.name_starts.search, pats.prefix_starts.search
    at_capital = capital(text)
    at_prefix = prefix(text) if "-" in text else None
    while at_capital is not None or at_prefix is not None:
        start = at_capital.start() if at_prefix is None or (at_capital is not None and at_capital.start() < at_prefix.start()) \
            else at_prefix.start()
        m = name.match(text, start)
        after = m.end() if m is not None else start + 1
        if m is not None:
            yield m
        if at_capital is not None and at_capital.start() < after:
            at_capital = capital(text, after)
        if at_prefix is not None and at_prefix.start() < after:
            at_prefix = prefix(text, after)


def _is_role(text: str) -> bool:
    pats = patterns()
    known = pats.roles.get(text)
    if known is None:
        if len(pats.roles) > 100_000:
            pats.roles.clear()  # bounded, whatever the corpus
        known = pats.roles[text] = bool(pats.role_head.search(fold(text)))
    return known


def _is_title_word(word: str) -> bool:
    """A word that is part of a title, never of a name: a title word, rank or honorific, a role, a possessive."""
    pats = patterns()
    known = pats.title_words.get(word)
    if known is None:
        if len(pats.title_words) > 100_000:
            pats.title_words.clear()
        folded = fold(word)
        known = pats.title_words[word] = folded in pats.title_like or _is_role(word) or folded.endswith("'s")
    return known


def _company_or_independent(role: str | None) -> bool:
    """A company's post ("chief executive", "head of sales at Nordwing", "CEO") or an analyst's, by its lower-case
    words: in "head of the Executive Affairs Authority" the capitalised word names a state body."""
    if not role:
        return False
    plain = " ".join(w for w in role.split() if not w[:1].isupper() or w.strip(".,()") == "CEO")
    return bool(patterns().company_post.search(plain))


def _outside(spans: list[tuple[int, int]], found: list[CountryMention]) -> list[CountryMention]:
    return [c for c in found if not any(a < c.start < b for a, b in spans)]


def _country_in(span_start: int, span_end: int, countries: list[CountryMention]) -> str | None:
    found = [c for c in countries if span_start <= c.start and c.end <= span_end]
    return found[0].code if found else None


def makers_in(text: str, start: int = 0, end: int | None = None) -> list[tuple[re.Match, str]]:
    """The defence companies (the rules' makers) named in text[start:end], each with its home country."""
    pats = patterns()
    if not pats.maker or not text:
        return []
    return [(m, pats.makers[m.group(0)]) for m in pats.maker.finditer(text, start, len(text) if end is None else end)]


def _maker_in(text: str) -> str | None:
    """The home country of the first defence company the text names."""
    found = makers_in(text)
    return found[0][1] if found else None


# "Hyundai Rotem's head of overseas land systems business, ": an owner's post right before a name.
_OWNED_POST = re.compile(r"(?P<owner>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3})['’]s\s+(?P<post>[a-z][^,.;:]{2,90}?),\s*$")

# The bodies a post may be "at" ("State Secretary at the Ministry of Defence").
_INSTITUTIONS = frozenset(("ministry", "department", "embassy", "office", "directorate", "headquarters", "command",
                           "secretariat", "agency", "general"))

# "called on", "met with": a lower-case verb opening what follows a name's comma makes it a predicate; "and the
# Kazakh delegation by …" opens the next conjunct
# A post after a clause's opening word and set off by a comma before the name (see _long_post_before).
_LONG_POST = re.compile(r"(?:\b(?:between|and|by|with|met|of|to|from|for|at)\s+|[;:]\s+)(?:the\s+)?"
                        r"(?P<post>(?:[A-Z][\w-]*['’]s\s+)?[^,;:.\"“”]{3,110}?),\s*$")
_COMPANY_NAME_REST = re.compile(r"(?:\s+(?:[A-Z][\w.-]*|&|and))*,\s*")  # "Embraer| Defense & Security, "
# "X, called on Y", "X, and Y", "X, in the presence of Y": what follows the comma is no post of X's
# (an adverb of time may open the predicate: "X, today held a video call with …")
_PREDICATE_OPENER = re.compile(r"(?:(?:today|yesterday|also|then|later|earlier|recently|again|on\s+\w+day),?\s+)?(?:"
                               r"[a-z]+(?:ed|s)\s+(?:on|with|to|for|by|at|in|the|a|an)\b|"
                               r"(?:and|or|but|while|whereas|whose|when|where|though|although|because)\s|"
                               r"(?:flew|went|came|met|held|made|took|sat|spoke|gave|left|led|paid|began|arrived|travell?ed)\s|"
                               r"(?:in|at|on|during|after|before|under|with|from|alongside|accompanied|watched)\s)")


def _clean_role(role: str, countries: list[CountryMention], offset: int) -> str | None:
    """The role as written, without country adjective, possessive, articles, honorifics and ranks after it."""
    stripped = role.lstrip(" ,")
    offset += len(role) - len(stripped)
    role = stripped.rstrip(" ,")
    opener = _cue("role_opener").match(role)  # "When the Commander of …, General X, visited": not the title
    if opener:
        role, offset = role[opener.end():], offset + opener.end()
    article = re.match(r"(?:the|a|an|his|her|their|its)\s+", role, flags=re.I)
    if article:
        role, offset = role[article.end():], offset + article.end()
    for c in countries:
        s, e = c.start - offset, c.end - offset
        if 0 <= s and e <= len(role) and s <= 1:
            role = re.sub(r"^(?:['’]s?)?\s*", "", role[e:])  # "Norway's state secretary", "Norwegian state secretary"
            role = re.sub(r"^(?:of|to|in)\s+(?:the\s+)?", "", role)  # "(visit to) Brasília of the Chief of Staff …"
            break
    words = role.split()
    post = list(words)
    while post and (fold(post[-1]).strip(".()") in patterns().rank_or_honorific or post[-1] in ("(Retd)", "(Rtd)", "the")):
        post.pop()  # ("Minister for Defence, the Hon.": the courtesy title and its article)
    # "Defence Minister General X": the post; "Dutch Rear Admiral X": the rank is all the text gives
    ranks = [w for w in words if fold(w).strip(".()") in patterns().ranks]
    if all(fold(w).strip(".()") in patterns().service for w in post):
        post = []  # "Retired", "Former": a qualifier, not a post
    role = " ".join(post or ranks).strip(" ,")
    return role or None


class PeopleFinder:
    """Finds people across the paragraphs of one document and resolves their later mentions."""

    def __init__(self, paragraphs: list[str], countries: list[list[CountryMention]], main_pair: list[str],
                 acronyms: dict[str, str], home: str | None = None):
        self.paragraphs = paragraphs
        self.folded = [fold_same_length(p) for p in paragraphs]
        self.countries = countries
        # The offsets inside a country's name, by paragraph: asked of every word of every name candidate and title.
        self._in_country = [frozenset(k for c in found for k in range(c.start, c.end)) for found in countries]
        # Words inside quotation marks never give anyone a country: context cues read only the narration.
        self.narrated = [_outside(quoted_spans(text), found) for text, found in zip(paragraphs, countries, strict=True)]
        self.main_pair = main_pair
        self.acronyms = acronyms
        self.home = home  # the country of the dateline's place, where the story is told from
        self.people: list[PersonRecord] = []
        self.mentions: list[Mention] = []
        self._last_found: tuple[int, int, PersonRecord] | None = None  # paragraph, end, person of the last name found

    # -- finding ----------------------------------------------------------------------------
    def run(self) -> list[PersonRecord]:
        # Each candidate's name words are worked out once: the finding pass and the linking pass both read them.
        candidates = [(i, m, self._name_tokens(i, m)) for i, text in enumerate(self.folded) for m in names_in(text)]
        for i, m, got in candidates:
            self._consider(i, m, got)
        for i, m, got in candidates:
            self._link(i, m, got)
        self._resolve_countries()
        return self.people

    def _name_tokens(self, i: int, m: re.Match) -> tuple[int, int, list[str]] | None:
        """Trim titles off the front and organisation words off the back; what is left must look like a name."""
        base = m.start("name")
        words = [(w.start() + base, w.end() + base, w.group(0)) for w in _WORD.finditer(m.group("name"))]
        in_country = self._in_country[i]
        not_name = _words("not_name")
        while words and (fold(words[-1][2]) in not_name or _is_role(words[-1][2])):
            words.pop()
        # The name is what follows the last title word (a title word, or a country's): "Ghana's Defence Cabinet
        # Secretary Kofi Mensah".
        cut = -1
        for k in range(len(words) - 1, -1, -1):  # from the end: the last is wanted
            if _is_title_word(words[k][2]) or words[k][0] in in_country:
                cut = k
                break
        words = words[cut + 1:]
        if not words:
            return None
        if any(fold(part) in not_name for w in words for part in w[2].split("-")):
            return None  # "Meeting-Plus", "Defence Forces": names of things
        start, end = words[0][0], words[-1][1]
        # A name word that is a country or demonym is not a name ("Hungarian", "Jordan" as a country).
        if any(c.start < end and start < c.end for c in self.countries[i]):
            return None
        return start, end, [w[2] for w in words]

    def _consider(self, i: int, m: re.Match, got: tuple[int, int, list[str]] | None) -> None:
        if not got:
            return
        start, end, words = got
        paren = m.group("paren")
        if paren and start == m.start("name"):
            words = [paren] + words
        if len(words) < 2 and "-" not in words[0][1:] and not self._titled_surname(i, start, words[0]):
            return  # one name word is a person only right after a title ("President Okafor")
        text = self.folded[i]
        original = self.paragraphs[i]
        role, country, cue = self._title_before(i, m.start() if paren and start == m.start("name") else start)
        if role is None:
            # "Embraer's vice-president for defence sales in Latin America, Marcelo Fontoura, said": an
            # organisation's post set off by a comma before the name, lower-case words and all
            owned = _OWNED_POST.search(text[max(0, start - 120):start])
            if owned and _is_role(owned.group("post")):
                base = start - len(owned.group(0))  # the match ends at the name
                role = _clean_role(self.paragraphs[i][base + owned.start("post"):base + owned.end("post")], self.countries[i],
                                   base + owned.start("post"))
                country = _maker_in(owned.group("owner")) or _country_in(base + owned.start("owner"), base + owned.end("owner"),
                                                                         self.countries[i])
                cue = _knob("cue_title") if country else 0
        if country is None:
            country, cue = self._delegation(i, start)
        employer = self._company_before(i, start)  # "… of the manufacturer Embraer Defense & Security, X"
        if country is None:
            country = self._ships_flag(i, start) or self._services_country(i, start) or employer
            cue = _knob("cue_title") if country else cue
        after_role, after_country, after_cue = self._apposition_after(i, end)
        if role is None and after_role is None:
            role, country, cue = self._long_post_before(i, start, country, cue)
        if role is None and after_role is None:
            plural = self._plural_title(i, start)
            if plural[0] is not None:
                role, country, cue = plural
        if role is None and after_role is None:
            # "Prime ministers A of Australia and B of Papua New Guinea": B shares A's title.
            last = self._last_found
            if last and last[0] == i and last[2].role and re.fullmatch(
                    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w' ]*?)?\s+and\s+", text[last[1]:start]):
                role = last[2].role
        if role is None and after_role is None and employer is None:
            speech = patterns().speech
            # "…, said Dr Mercy Kiprop": a speaker named right after the verb, an honorific between them; "X, who has
            # worked at the yard for 31 years, said"; "X signed the contract": a deed only a person does
            after_verb = re.search(rf"\b({speech})\s+(?:{patterns().honorific_alternation}\.?\s+)?$", text[max(0, start - 24):start], re.I)
            if after_verb and after_verb.group(1).lower() in _words("listener_verbs"):
                after_verb = None  # "told Radio Carpati that …": whom one tells is the listener, not the speaker
            # "…, Republic of Kenya, Dr. Patrick Omondi Wafula": a name of two words or more under a courtesy title
            courtesy = len(words) >= 2 and patterns().courtesy_before.search(text[max(0, start - 12):start])
            if not re.match(rf"(?:,?\s+|,\s+(?:who|whose)\b[^.;:\"“”]{{0,120}}?,\s+){speech}\b", text[end:]) and not after_verb and not courtesy and not (
                    len(words) >= 2 and re.match(rf"\s+(?:also\s+)?{patterns().deed}\b", text[end:])
                    and not _maker_in(text[start:end])):
                return
            if re.match(rf"\s+{speech}\s+(?:it|its)\b", text[end:]):
                return  # "Hyundai Rotem said it expected …": a company speaks of itself as "it"
        if len(words) < 2 and role is None:
            return
        if after_cue > cue:
            country, cue = after_country, after_cue
        if country is None:
            # "Hanwha Aerospace's chief executive X", "X, head of Rheinmetall": the company's country
            maker = _maker_in(" ".join(r for r in (role, after_role) if r))
            if maker:
                country, cue = maker, _knob("cue_title")
        if country is None and patterns().company_post.search(" ".join(r for r in (role, after_role) if r)):
            country = self._company_country_after(i, end)
            cue = _knob("cue_title") if country else cue
        name = " ".join(self._original_words(original, text, words, start, end, paren))
        person = self.find(words) or self._add(name, words)
        if len(person.tokens) < len(words) and person.tokens == [fold(w) for w in words][-len(person.tokens):]:
            person.variants.add(person.name)  # "President Okafor", then "Grace Okafor": the fuller name is the name
            person.name, person.tokens = name, [fold(w) for w in words]
        # "Retired US Navy Captain X, a consultant to …": a service and a rank are no post; the apposition is.
        rank_only = bool(role) and all(w.strip(".,()").lower() in patterns().rank_honorific_or_service
                                       or (w.isupper() and len(w.strip(".")) <= 3) for w in role.split())
        if after_role and rank_only and not person.role:
            person.role = after_role  # "Colonel General X, Russia's Deputy Minister for Defence": the post, not the rank
        elif role and not person.role:
            person.role = role
        elif after_role and not person.role:
            person.role = after_role
        if country and cue > person.cue:
            person.country, person.cue = country, cue
        self._last_found = (i, end, person)

    @staticmethod
    def _original_words(original: str, folded: str, words: list[str], start: int, end: int, paren: str | None) -> list[str]:
        out = original[start:end].split()
        if paren and len(out) == len(words) - 1:
            out = [paren] + out
        return out

    def _title_before(self, i: int, start: int) -> tuple[str | None, str | None, int]:
        """The role title right before a name, and any country it carries."""
        text = self.folded[i]
        offset = max(0, start - _knob("title_window"))
        left = text[offset:start]
        rank_or_honorific = patterns().rank_or_honorific
        # Stop at the start of the clause: a sentence end, a name, or a lower-case word that is not part of a title.
        tokens = list(re.finditer(r"\(?[\w'’.&-]+\)?,?|,", left))
        keep = len(tokens)
        crossed = None  # the token ending in the comma a bare rank reached back over
        for j in range(len(tokens) - 1, -1, -1):
            tok = tokens[j].group(0)
            bare = tok.strip(",()")
            if ":" in left[tokens[j].end():tokens[j + 1].start() if j + 1 < len(tokens) else len(left)]:
                break  # "VIETNAM – PHILIPPINES: Vietnamese Defence Minister X": a brief's label is no part of the title
            # the lower-case part of a country's name belongs to the title: "Minister of Defence of Côte d'Ivoire"
            in_country = offset + tokens[j].start() in self._in_country[i]
            if tok.endswith(",") and j != len(tokens) - 1:
                # "Kazakh Defence Minister, Colonel General X", "Chief of Army Staff, Lieutenant General X": a bare
                # rank reaches back over the comma to the post before it; the post is the role, the rank apart.
                so_far = [t.group(0).strip(",()").lower() for t in tokens[keep:]]
                # ("Australia's Minister for Defence, the Hon. X": a courtesy title after "the" reaches back too)
                so_far = so_far[1:] if len(so_far) > 1 and so_far[0] == "the" else so_far
                if crossed is not None or not so_far or not all(w.strip(".") in rank_or_honorific for w in so_far) or not (bare[:1].isupper() or in_country):
                    break
                crossed = j
            if bare.endswith(".") and bare.strip(".").lower() not in rank_or_honorific and len(bare) > 4:
                break  # the end of the previous sentence
            if bare.lower() == "and" and j > 0:
                prev = tokens[j - 1].group(0).strip(",()")
                if prev[:1].isupper() and fold(prev) not in _words("not_name") and not _is_role(prev) and not re.fullmatch(r"[A-Z]{2,6}", prev):
                    break
            if bare.lower().strip(".") in ("ret", "retd", "rtd"):
                keep = j  # "Rear Admiral (ret.) X": retired, inside the rank
                continue
            following = [t.group(0).strip(",").lower() for t in tokens[j + 1:j + 3]]
            if bare.lower() == "at" and following[:1] == ["the"] and following[1:2] and following[1] in _INSTITUTIONS:
                keep = j  # "State Secretary at the Ministry of Defence"; not "… at the Hôtel de Brienne"
                continue
            if bare[:1].isupper() or bare.lower() in ("of", "the", "and", "for", "in", "to", "&") or bare in ("(", ")") \
                    or re.fullmatch(r"\d+(?:st|nd|rd|th)", bare):  # "the Royal Thai Army's 4th Army Area"
                keep = j
                continue
            if in_country:
                keep = j
                continue
            if bare.lower().rstrip("s") in _words("role_heads") or bare.lower() in _words("title_words"):
                keep = j
                continue
            break
        if keep >= len(tokens):
            return None, None, 0
        if crossed is not None and not _is_role(left[tokens[keep].start():tokens[crossed].end()]):
            keep = crossed + 1  # what stood before the comma was no post: the rank alone is the title
        title_start = tokens[keep].start() + offset
        title = text[title_start:start]
        while title.split() and title.split()[0].lower() in ("of", "the", "and", "for", "in", "to", "at"):
            first = title.split()[0]
            title_start += title.index(first) + len(first)
            title = text[title_start:start]
        if not _is_role(title) or re.search(r"\b(?:for|of|at|with|in|to)\s*$", title, re.I):
            return None, None, 0  # "a spokeswoman for Rios Vivos": what follows the preposition is an organisation
        # "his Czech counterpart, Defence Minister X" or "…, Major X": the counterpart's adjective is the cue.
        before = text[max(0, title_start - _knob("counterpart_window")):title_start]
        cm = re.search(r"(?:his|her|their)\s+(\S+(?:\s\S+)?)\s+counterpart,?\s*$", before)
        counterpart = _country_in(title_start - len(before) + cm.start(1), title_start, self.countries[i]) if cm else None
        if all(w.strip(".,()").lower() in rank_or_honorific for w in title.split()):
            # a rank alone: still a stated role, with no country of its own
            return title.strip(" ,"), counterpart, (_knob("cue_title") if counterpart else 0)
        stripped = title.strip()
        title_start += len(title) - len(title.lstrip())
        # "the Netherlands' ambassador": the country's name may begin with the article stripped from the title; in
        # "to Brasília of the Chief of Staff of the Portuguese Army" a place the post's holder went to is not theirs
        in_title = [c for c in self.countries[i] if title_start - 4 <= c.start and title_start < c.end <= start]
        own = [c for c in in_title if not re.search(r"\b(?:to|in)\s+(?:the\s+)?$", text[max(0, c.start - 8):c.start])]
        country = own[0].code if own else None  # only places gone to: the fallback reads them as the host's
        cue = _knob("cue_title") if country else 0
        if country is None:
            country = self._acronym_country(title)
            cue = _knob("cue_acronym") if country else 0
        if country is None and counterpart:
            country, cue = counterpart, _knob("cue_title")
        role = _clean_role(self.paragraphs[i][title_start:title_start + len(stripped)], self.countries[i], title_start)
        return role, country, cue

    def _titled_surname(self, i: int, start: int, word: str) -> bool:
        """"President Okafor": a single name word right after a role word or rank, and a role title before it."""
        before = self.folded[i][max(0, start - 30):start].split()
        if not before or fold(word) in patterns().not_surname:
            return False
        head = fold(before[-1]).strip(".,")
        if head in _words("rank_modifiers"):
            return False
        clause = self.folded[i][max(0, start - 60):start].rsplit(",", 1)[-1]
        if re.match(r"\s*the\s", clause):
            return False  # "X, the British Army's Director Capability,": a post after "the" names no one
        return (head in _words("role_heads") or head in patterns().rank_or_honorific) and bool(self._title_before(i, start)[0])

    def _plural_title(self, i: int, start: int) -> tuple[str | None, str | None, int]:
        """"The defence ministers of Kenya and Uganda, A and B": each named person takes the country in the same place."""
        text = self.folded[i]
        m = patterns().plural_title.search(text[max(0, start - _knob("title_window")):start])
        if not m:
            return None, None, 0
        offset = max(0, start - _knob("title_window"))
        side = "second" if m.group("lead") else "first"
        country = _country_in(offset + m.start(side), offset + m.end(side), self.countries[i])
        role = self.paragraphs[i][offset + m.start("role"):offset + m.end("role") - 1]  # "ministers" → "minister"
        return role, country, (_knob("cue_title") if country else 0)

    def _apposition_after(self, i: int, end: int) -> tuple[str | None, str | None, int]:
        text = self.folded[i]
        right = text[end:end + _knob("apposition_window")]
        strong = _knob("cue_title")
        on_behalf = re.match(r"\s+for\s+(?:the\s+)?", right)
        if on_behalf:
            # "… signed for Norway, and agency president Katrin Lauer for Germany": whom one signs for
            code = next((c.code for c in self.countries[i] if c.start == end + on_behalf.end()), None)
            if code:
                return None, code, strong
        m = re.match(r"\s+of\s+(?:the\s+)?([A-Z][\w' ]+?)(?=[,.;]|\s+and\s|\s+[a-z])", right)
        if m:
            code = _country_in(end + m.start(1), end + m.end(1), self.countries[i])
            if code:
                return None, code, strong
        role = None
        m = re.match(rf"\.?,\s+(?P<who>who\s+{patterns().heads}\s+)?((?:[A-Z][\w'’]*'s\s+)?(?:the\s+)?(?:[\w'’ .-]|\([\w .-]{{1,12}}\))+?)"
                     r"(?=,|(?<![A-Z])\.|;|\)|\s+and\s+[A-Z]|\s+(?:said|told|says|was|is|has|had|who|will)\b|$)", right)
        if m and not m.group("who") and _PREDICATE_OPENER.match(m.group(2)):
            m = None  # "X, called on Rear Adm. Y": a predicate after a comma, not an apposition naming X's post
        if m and (m.group("who") or _is_role(m.group(2))) and len(m.group(2).split()) <= _knob("apposition_max_words"):
            s, e = end + m.start(2), end + m.end(2)
            named = [c for c in self.countries[i] if s <= c.start and c.end <= e]
            if named and named[0].kind == "capital" and patterns().independent_post.search(m.group(2)):
                named = []  # "a fellow at a New Delhi think tank": where the institute sits is not whose the fellow is
            country = (named[0].code if named else None) or self._acronym_country(m.group(2))
            role = _clean_role(self.paragraphs[i][s:e], self.countries[i], s)
            if m.group("who") and role:
                role = "head of " + (role if role.lower().startswith("the ") else "the " + role)
            if country:
                return role, country, strong
        m = re.match(r"\s+(?:led|headed)\s+the\s+(\S+(?:\s\S+)?)\s+(?:delegation|side)", right)
        if m:
            code = _country_in(end + m.start(1), end + m.end(1), self.countries[i])
            if code:
                return role, code, strong
        left = text[max(0, end - _knob("led_by_window")):end]
        # "The Uzbek delegation was headed by the First Deputy Minister, General X, and the Kazakh delegation by …, Y":
        # the nearest delegation before the name, its verb perhaps left out
        m = patterns().led_by_before.search(left)
        if m:
            side = next(k for k in (1, 2, 3) if m.group(k) is not None)
            code = _country_in(end - len(left) + m.start(side), end - len(left) + m.end(side), self.countries[i])
            if code:
                return role, code, strong
            if _cue("visiting").search(m.group(side)) and self.home and self._other(self.home):
                # "The visiting delegation was led by X" in a story datelined at home: X is the other side
                return role, self._other(self.home), _knob("cue_acronym")
        return role, None, 0

    def _delegation(self, i: int, start: int) -> tuple[str | None, int]:
        """"Hungary's delegation included A, B and C": everyone listed shares the delegation's country."""
        text = self.folded[i]
        sent_start = max(sentence_start(text, start), start - _knob("delegation_window"))
        m = patterns().delegation_listing.search(text[sent_start:start])
        if m:
            code = _country_in(sent_start + m.start(1), sent_start + m.end(1), self.countries[i])
            if code:
                return code, _knob("cue_acronym")
        return None, 0

    def _long_post_before(self, i: int, start: int, country: str | None, cue: int) -> tuple[str | None, str | None, int]:
        """"talks between Morocco's Minister Delegate in charge of the National Defence Administration, X, and the
        director general of Israel's defence ministry, Y": a post of many words, lower-case ones too, set off by a
        comma before the name and opening with a role word; its country is the one it names."""
        base = max(0, start - 130)
        m = _LONG_POST.search(self.folded[i][base:start])
        if not m or not _is_role(" ".join(m.group("post").split()[:4])):
            return None, country, cue
        s, e = base + m.start("post"), base + m.end("post")
        named = _country_in(s, e, self.countries[i])
        role = _clean_role(self.paragraphs[i][s:e], self.countries[i], s)
        return role, named or country, _knob("cue_title") if named else cue

    def _company_before(self, i: int, start: int) -> str | None:
        """"the vice-president for Africa of the Brazilian manufacturer Embraer Defense & Security, X": a company
        whose name, and nothing else, stands between it and the comma before X is X's employer."""
        left = self.paragraphs[i][max(0, start - 80):start]
        found = makers_in(left)
        if found and _COMPANY_NAME_REST.fullmatch(left[found[-1][0].end():]):
            return found[-1][1]
        return None

    def _company_country_after(self, i: int, end: int) -> str | None:
        """"X, chief executive of SkyLark, a subsidiary of Israel Aerospace Industries", "…, a Swedish drone maker":
        the country a second apposition gives the company named in X's post (its owner's, or its own)."""
        m = _cue("company_apposition").match(self.folded[i], end)
        if not m:
            return None
        s, e = m.span("what")
        return _maker_in(self.paragraphs[i][s:e]) or _country_in(s, e, self.countries[i])

    def _services_country(self, i: int, start: int) -> str | None:
        """"the Gabonese navy's Commander X": the country that owns the service named with a possessive before X."""
        base = max(0, start - 80)
        m = _cue("service_owner").search(self.folded[i][base:start])
        return _country_in(base + m.start("owner"), base + m.end("owner"), self.countries[i]) if m else None

    def _ships_flag(self, i: int, start: int) -> str | None:
        """"the frigate's commanding officer, Commander X": the country the story last named a frigate with ("the
        French frigate Vendémiaire", "a Japan Maritime Self-Defense Force destroyer"), or None."""
        post = _cue("vessel_post").search(self.folded[i][max(0, start - 80):start])
        if not post:
            return None
        noun = re.compile(rf"\b{re.escape(post.group('noun').lower())}\b", re.I)
        flag = None
        for j in range(i + 1):
            text = self.folded[j][:start] if j == i else self.folded[j]
            for m in noun.finditer(text):
                # a flag is a name or demonym ("French", "Portugal's"), not a base ("the Nouméa-based frigate")
                named = [c for c in self.narrated[j] if c.end <= m.start() and m.start() - c.end <= _knob("ship_flag_reach")
                         and c.kind != "capital" and not text.startswith("-based", c.end)
                         and not re.search(r"[.;]", text[c.end:m.start()])]
                if named:
                    flag = named[-1].code
        return flag

    def _acronym_country(self, text: str) -> str | None:
        for word in re.findall(r"\b[A-Z]{3,6}\b", text):
            if word in self.acronyms:
                return self.acronyms[word]
        return None

    # -- matching mentions to people -------------------------------------------------------
    def find(self, words: list[str]) -> PersonRecord | None:
        key = [fold(w) for w in words]
        for p in self.people:
            if key == p.tokens or (len(key) == 1 and key[0] in p.tokens) or key == p.tokens[-len(key):]:
                return p  # the full name, one of its words, or its tail ("Van Dijk" of "Hans van Dijk")
        for p in self.people:
            if len(key) >= 2 and key[-1] == p.surname and (key[0][:1] == p.tokens[0][:1] or len(p.tokens) == 1):
                return p
        # Spelling variants of one surname (Kowalczyk / Kovalchyk, Zelenskiy / Zelensky).
        for p in self.people:
            last = key[-1]
            if len(key) >= 2 and len(p.tokens) >= 2 and key[0][:1] != p.tokens[0][:1] and "-" in last and "-" in p.surname:
                continue  # "Gyeong Tae-hwan" is not "Ryu Tae-hun": near hyphenated given names, other family names
            if (last[:1] == p.surname[:1] and abs(len(last) - len(p.surname)) <= _knob("surname_length_slack")
                    and len(last) >= _knob("min_variant_length")
                    and difflib.SequenceMatcher(None, last, p.surname).ratio() >= _knob("name_similarity")):
                return p
        return None

    def _add(self, name: str, words: list[str]) -> PersonRecord:
        person = PersonRecord(name=name, tokens=[fold(w) for w in words])
        self.people.append(person)
        return person

    def _link(self, i: int, m: re.Match, got: tuple[int, int, list[str]] | None) -> None:
        if not got:
            return
        start, end, words = got
        person = self.find(words)
        if person is None:
            return
        # "Later Milosevsky": a capitalised sentence opener is not part of the name.
        while len(words) > 1 and fold(words[0]) not in person.tokens and fold(words[0])[:1] != person.tokens[0][:1]:
            start = self.folded[i].index(words[1], start + len(words[0]))
            words = words[1:]
        shown = " ".join(self.paragraphs[i][start:end].split())
        if fold(shown) != fold(person.name) and fold(shown) not in person.tokens:
            person.variants.add(shown)
        elif len(words) == 1:
            person.variants.add(shown)
        person.mentions.append((i, start, end))
        self.mentions.append(Mention(person, i, start, end))

    # -- countries by context ----------------------------------------------------------------
    def _resolve_countries(self) -> None:
        pair = self.main_pair
        for _round in range(2):
            for p in self.people:
                if p.country:
                    continue
                for (i, s, e) in p.mentions:
                    code = self._by_context(p, i, s, e, pair)
                    if code:
                        p.country, p.cue = code, _knob("cue_context")
                        break
        for p in self.people:
            if p.country is None and not _company_or_independent(p.role) and not self._local(p):
                # Nearest country named in the same sentence, before the name and then after it (not for analysts,
                # academics and a company's people, who speak for no side: without a cue of their own, null).
                for (i, s, e) in p.mentions:
                    text = self.folded[i]
                    sent_start = sentence_start(text, s)
                    sent_end = sentence_end(text, s)
                    before = [c for c in self.narrated[i] if sent_start <= c.start < s]
                    # "X asked whether the Russian fleet …": a third country in what X said, as in quotation marks,
                    # gives X no country (one of the story's two may: what people say is mostly of their own side)
                    said = re.search(rf"\b{patterns().speech}\b", text[e:sent_end])
                    told_end = e + said.start() if said else sent_end
                    after = [c for c in self.narrated[i] if e <= c.start < sent_end and (c.start < told_end or c.code in pair)]
                    # "held talks in Paris with …": where something happened is nobody's country
                    sides_after = [c for c in after if not _cue("venue_before").search(text[max(e, c.start - 40):c.start])]
                    home = next((c for c in after if _cue("home_before").search(text[max(e, c.start - 30):c.start])), None)
                    if home is not None:
                        p.country = home.code  # "X is due to return to New Delhi": X is Indian
                        break
                    if before and _cue("meets_before").search(text[before[-1].end:s]) and self._other(before[-1].code):
                        # "the Thai delegation also called on Vice Admiral X": X is whom the Thai side met
                        p.country = self._other(before[-1].code)
                        break
                    if before and _cue("destination_before").search(text[max(0, before[0].start - 25):before[0].start]) \
                            and self._other(before[0].code):
                        p.country = self._other(before[0].code)  # "the visit to Brasília … of the Minister …, X"
                    elif before:
                        p.country = before[0].code
                    elif after and patterns().next_person_gap.fullmatch(text[e:after[0].start]) and self._other(after[0].code):
                        # "Secretary X and Australia's Minister for Defence, Y", "Deputy Minister X and the head of South
                        # Korea's procurement agency, Y": the country names the next one's side
                        p.country = self._other(after[0].code)
                    elif after and _cue("counterpart_of_before").search(text[e:after[0].start]) and (
                            self.home not in (None, after[0].code) or self._other(after[0].code)):
                        # "X met his counterparts from Rwanda": X is the host's, or the story's other side
                        p.country = self.home if self.home not in (None, after[0].code) else self._other(after[0].code)
                    elif after and _cue("other_side_before").search(text[e:after[0].start]) and self._other(after[0].code):
                        # "General X met the Russian deputy minister", "signed with Danish officials": the other side
                        p.country = self._other(after[0].code)
                    elif after and _cue("meets_between").search(text[e:after[0].start]) and self._other(after[0].code):
                        # "X called on Admiral Y, … at Sri Lanka Navy headquarters": the country is whom X met
                        p.country = self._other(after[0].code)
                    elif sides_after and self.home in pair:
                        p.country = self.home  # a post with no nationality, in a story told from one side's capital
                    elif sides_after:
                        p.country = sides_after[0].code
                    if p.country:
                        break
        for p in self.people:
            # "Rao was accompanied by Defence Secretary Iyer": the company someone keeps, once their own side is known
            if p.country is None:
                p.country = next((code for (i, s, e) in p.mentions if (code := self._by_context(p, i, s, e, pair))), None)
        for p in self.people:
            # A company's people, analysts and academics speak for no side: without a cue, null, not a guess.
            if p.country is None and pair and not (p.role and patterns().company_post.search(p.role)):
                p.country = self.home if self.home in pair else None if self._local(p) else pair[0]

    def _local(self, p: PersonRecord) -> bool:
        """A local of the story's place ("Port Stephens Mayor X", "local aviation enthusiast and resident Y"): of the
        host, which only the dateline's own country tells."""
        first = p.mentions[0] if p.mentions else None
        before = self.folded[first[0]][max(0, first[1] - _knob("local_window")):first[1]] if first else ""
        return bool(patterns().local_post.search(p.role or "") or patterns().local_post.search(before))

    def _other(self, code: str) -> str | None:
        """The story's other country, where code is one of its two."""
        pair = self.main_pair
        return next((c for c in pair if c != code), None) if code in pair and len(pair) == 2 else None

    def _placed_people(self, i: int, start: int, end: int, but: PersonRecord) -> list[PersonRecord]:
        """The people other than but, already given a country, named in paragraph i between start and end, in order."""
        return [m.person for m in self.mentions if m.paragraph == i and start <= m.start < end
                and m.person is not but and m.person.country]

    def _by_context(self, p: PersonRecord, i: int, s: int, e: int, pair: list[str]) -> str | None:
        text = self.folded[i]
        sentence_rest = text[e:sentence_end(text, s)]
        other = lambda code: next((c for c in pair if c != code), None) if code in pair and len(pair) == 2 else None  # noqa: E731
        # "X … with his Hungarian counterpart": X is on the other side.
        m = re.search(r"\b(?:his|her|their)\s+(\S+(?:\s\S+)?)\s+counterpart", sentence_rest)
        if m:
            code = _country_in(e + m.start(1), e + m.end(1), self.narrated[i])
            if code and other(code):
                return other(code)
        # "between X and Y" / "X and Y signed": coordinated people of one engagement face each other.
        for q in self.people:
            if q is p or not q.country or q.cue < _knob("cue_acronym"):
                continue
            for (j, qs, qe) in q.mentions:
                if j != i:
                    continue
                gap = text[min(e, qe):max(s, qs)]
                # "A was joined by B and C": the "and" joins B and C; A and C face each other only when adjacent.
                # "met A, Morocco's minister, and B": commas make a list of one side, read by the list rule below
                # (the comma that opens an apposition right before B is no list: "A and the firm's chief, B").
                between = any(m.paragraph == i and min(e, qe) <= m.start < max(s, qs) for m in self.mentions)
                if (len(gap) < _knob("coordination_gap") and re.search(r"\band\b", gap) and not re.search(r"[.,;]", gap.rstrip(", "))
                        and not between and other(q.country)):
                    around = text[max(0, min(s, qs) - _knob("coordination_context_before")):max(e, qe) + _knob("coordination_context_after")]
                    if _cue("coordination_context").search(around):
                        return other(q.country)
        # "Petrov, Russia's deputy minister, also sat down with General X": whom someone meets is the other side.
        for q in self.people:
            if q is p or not q.country or q.cue < _knob("cue_acronym") or not other(q.country):
                continue
            for (j, _qs, qe) in q.mentions:
                gap = text[qe:s] if j == i and qe <= s else ""
                if gap and "." not in gap.replace(". ", ".") and _cue("meets_before").search(gap) and len(gap) < _knob("meets_gap"):
                    return other(q.country)
        # "X … was received by the Chief of Defence Staff, General Y": Y hosts X, the subject, so is X's other side.
        sent_start = sentence_start(text, s)
        received = _cue("received_by").search(text[sent_start:s])
        if received:
            guests = self._placed_people(i, sent_start, sent_start + received.start(), p)
            if guests and other(guests[0].country):
                return other(guests[0].country)
            sides = [c for c in self.narrated[i] if sent_start <= c.start < sent_start + received.start()]
            if not guests and sides and other(sides[0].code):
                return other(sides[0].code)  # "the Omani delegation was received … by the Chief of the Defence Staff, Y"
        # "X … was accompanied by his successor, Y": Y comes with X, so is of X's side.
        accompanied = _cue("accompanied_by").search(text[sent_start:s])
        if accompanied:
            hosts = self._placed_people(i, sent_start, sent_start + accompanied.start(), p)
            if hosts:
                return hosts[0].country
        # "X … led a delegation that included Y": the members are of X's side.
        led = _cue("led_delegation_of").search(text[sent_start:s])
        if led:
            leaders = self._placed_people(i, sent_start, sent_start + led.start(), p)
            if leaders:
                return leaders[-1].country
        # In a list after someone, a person without a cue of their own shares theirs: only titles and
        # separators may stand between them ("X was joined by Defense Minister A, … chief B and … head C").
        for q in self.people:
            if q is p or not q.country:
                continue
            for (j, _qs, qe) in q.mentions:
                gap = text[qe:s] if j == i and qe <= s else None
                if gap is not None and len(gap) < _knob("list_gap") and patterns().list_gap.fullmatch(gap + " "):
                    return q.country
        # A role noun named earlier with a country ("Egypt's military spokesman … spokesman X").
        heads = [w for w in fold(p.role or "").split() if w in _words("role_heads")]
        if heads:
            head = heads[0]
            for j in range(0, i + 1):
                for c in self.narrated[j]:
                    if j == i and c.start >= s:
                        break  # "X travelled to Tokyo and met Japan's defence minister": named after X, someone else
                    after = self.folded[j][c.end:c.end + _knob("role_noun_window")]
                    mm = re.match(rf"(?:'s)?\s+(?:[a-z]+\s+){{0,2}}{re.escape(head)}\b(?!\s+[A-Z])", after)
                    taken = any(q is not p and q.country == c.code and head in fold(q.role or "") for q in self.people)
                    # "… and met Japan's defence minister": whom someone met is nobody named with that role here
                    met = _cue("other_side_before").search(self.folded[j][max(0, c.start - 40):c.start])
                    if mm and not taken and not met:  # "the French defence minister" stands for the French minister named, if any
                        return c.code
        return None


def acronyms_of(paragraphs: list[str], countries: list[list[CountryMention]]) -> dict[str, str]:
    """`Hungarian Defence Forces` → HDF: initials of capitalised phrases that open with a country word."""
    out: dict[str, str] = {}
    for text, found in zip(paragraphs, countries, strict=True):
        for c in found:
            m = re.match(r"((?:\s+[A-Z][a-z]+(?:['’]s)?){1,4})", text[c.end:])  # "Uganda People's Defence Forces"
            if not m:
                continue
            words = [c.text.split()[0]] + m.group(1).split()
            for n in range(3, len(words) + 1):
                out.setdefault("".join(w[0] for w in words[:n]).upper(), c.code)
    return out
