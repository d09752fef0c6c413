"""The rule engine: extraction vocabulary, patterns and tuning knobs read from data files.

The rules live in `bilat/rules/*.toml` (see `rules/README.md`), in the manner of PETRARCH2's
dictionaries and spaCy's EntityRuler: named word sets defined once (`lexicon.toml`), one record per
event type with its triggers, CAMEO and PLOVER codes and examples (`events.toml`), named structural
cues built from the sets (`cues.toml`), and the numeric knobs with their reasons (`knobs.toml`).
A pattern names a set as `{set_name}`; the engine expands and compiles it once.

A user's rule file (`bilat --rules FILE`, `$BILAT_RULES`) has the same shape and is merged over the
built-in rules: sets and trigger lists grow, knobs and cues are replaced. The fingerprint of all rule
text and of the extraction source goes into the index, so any change re-reads the corpus once.
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Callable

from bilat import rulefiles
from bilat.literals import Alternatives, by_parts, screened
from bilat.rulefiles import RULE_FILES, RuleError  # RuleError lives there: fingerprint() raises it too

RULES_DIR = Path(rulefiles.RULES_DIR)
_REF = re.compile(r"\{(!?)([a-z][a-z0-9_]*)\}")  # `{name}` and `{!name}`; regex quantifiers `{0,3}` never match it
_SECTIONS = {"sets", "cues", "event", "knobs", "countries"}
_MANY_ENTRIES = 15  # a cue built around a set this long is scanned by the entries a text could match


@dataclass(frozen=True)
class Override:
    """Another CAMEO/PLOVER coding of an event type when its evidence matches `pattern`."""

    pattern: re.Pattern
    cameo: str
    plover: dict


@dataclass(frozen=True)
class EventRule:
    """One kind of engagement: how it is triggered and how it is coded."""

    type: str  # agreement, meeting, … (docs/contract.md)
    label: str  # what a person reads ("Arms transfer")
    trigger: re.Pattern  # every trigger of the type as one alternation, matched at word boundaries
    cameo: str  # default CAMEO code, a string that keeps its leading zero
    plover: dict  # default PLOVER event, mode and context
    overrides: tuple[Override, ...] = ()  # tried in order; the first that matches the evidence wins
    positive: tuple[str, ...] = ()  # sentences that must read as this type
    negative: tuple[str, ...] = ()  # sentences that must not read as an engagement of this type

    def coding(self, evidence: str) -> tuple[str, dict]:
        for o in self.overrides:
            if o.pattern.search(evidence):
                return o.cameo, dict(o.plover)
        return self.cameo, dict(self.plover)


@dataclass
class Rulebook:
    """The compiled rules. Extractors ask it for sets, cues, knobs and event rules by name."""

    sets: dict[str, list[str]]
    cue_specs: dict[str, dict]
    event_specs: list[dict]
    knob_specs: dict[str, dict]
    country_aliases: dict[str, str] = field(default_factory=dict)  # a user's extra name → alpha-3
    not_countries: list[str] = field(default_factory=list)  # phrases that name no country ("Turkish Airlines")
    fingerprint: str = ""
    makers: dict[str, str] = field(default_factory=dict)  # a defence company → the alpha-3 of its home country
    # a demonym that more than one country shares → those countries; the one the text names otherwise is meant
    ambiguous_demonyms: dict[str, list[str]] = field(default_factory=dict)

    # -- sets ----------------------------------------------------------------------------
    def alternation(self, name: str) -> str:
        """A set as one non-capturing regex group, longest entries first."""
        return self._alternations[name]

    def words(self, name: str) -> frozenset[str]:
        """A set of plain words, lower-cased, for membership tests."""
        return self._words[name]

    @cached_property
    def _alternations(self) -> dict[str, str]:
        return {name: "(?:" + "|".join(entries) + ")" for name, entries in self._entries.items()}

    @cached_property
    def _entries(self) -> dict[str, list[str]]:
        """Each set's entries with their own sets expanded, in the order its alternation tries them."""
        out: dict[str, list[str]] = {}

        def expand(name: str, trail: tuple[str, ...]) -> str:
            if name in out:
                return "(?:" + "|".join(out[name]) + ")"
            if name not in self.sets:
                raise RuleError(f"set {{{name}}} is not defined (referred to by {trail[-1] if trail else 'a pattern'})")
            if name in trail:
                raise RuleError(f"set {{{name}}} refers to itself through {' → '.join(trail)}")
            entries = [_REF.sub(lambda m: expand(m.group(2), trail + (name,)), e) for e in self.sets[name]]
            out[name] = sorted(entries, key=len, reverse=True)
            return "(?:" + "|".join(out[name]) + ")"

        for name in self.sets:
            expand(name, ())
        return out

    @cached_property
    def _words(self) -> dict[str, frozenset[str]]:
        return {name: frozenset(e.lower() for e in entries) for name, entries in self.sets.items()}

    def expand(self, pattern: str, where: str = "a pattern") -> str:
        """A pattern with every `{set}` replaced by that set's alternation, and every `{!set}` by one
        negative look-behind per entry (Python's look-behinds need a fixed width, so one each)."""
        def one(m: re.Match) -> str:
            negated, name = m.groups()
            if name not in self.sets:
                raise RuleError(f"{where}: set {{{name}}} is not defined")
            if negated:
                return "".join(f"(?<!{e} )" for e in self.sets[name])
            return self.alternation(name)

        return _REF.sub(one, pattern)

    def compile(self, pattern: str, ignore_case: bool = False, where: str = "a pattern") -> re.Pattern:
        return _compile(self.expand(pattern, where), re.I if ignore_case else 0, where)

    # -- cues, knobs, events -------------------------------------------------------------
    @cached_property
    def cue(self) -> Callable[[str], re.Pattern]:
        """cue(name): a named structural pattern of `cues.toml`, compiled. (The dict's own lookup, with no Python call
        around it: extraction asks for cues and knobs hundreds of times an article.)"""
        return self._cues.__getitem__

    @cached_property
    def _cues(self) -> dict[str, re.Pattern]:
        # Screened: a cue's search first looks for the words it cannot match without (most sentences hold none).
        return {name: self._cue(name, spec) for name, spec in self.cue_specs.items()}

    def _cue(self, name: str, spec: dict):
        where, flags = f"cue {name!r}", re.I if spec.get("ignore_case", False) else 0
        pattern = spec["pattern"]
        sets = [m for m in _REF.finditer(pattern) if not m.group(1) and len(self.sets.get(m.group(2), ())) >= _MANY_ENTRIES]
        if len(sets) == 1:
            # A cue made of one long set ('\b{doing_verbs}\b'): each text is scanned with only the entries whose words
            # it holds (literals.by_parts), as event triggers are.
            m = sets[0]
            head, tail = self.expand(pattern[:m.start()], where), self.expand(pattern[m.end():], where)
            parts = self._entries[m.group(2)]
            rx = _compile(head + "(?:" + "|".join(f"(?:{p})" for p in parts) + ")" + tail, flags, where)
            return by_parts(rx, head + "(?:", parts, ")" + tail)
        return screened(self.compile(pattern, bool(flags), where))

    @cached_property
    def knob(self) -> Callable[[str], Any]:
        """knob(name): a tuning constant of `knobs.toml` (a window in characters, a threshold, a cue strength)."""
        return {name: spec["value"] for name, spec in self.knob_specs.items()}.__getitem__

    @cached_property
    def events(self) -> list[EventRule]:
        """Event rules in priority order: when several types trigger, the first one names the engagement."""
        out = []
        # Every clause is scanned for every type's triggers, and most clauses hold the words of none or few of them:
        # each scan tries only the triggers whose words the clause holds (literals.Alternatives).
        group = Alternatives()
        for spec in self.event_specs:
            where = f"event {spec['type']!r}"
            triggers = [self.expand(t, where) for t in spec["triggers"]]
            head, tail = r"\b(?:", r")\b"
            trigger = group.add(_compile(head + "|".join(f"(?:{t})" for t in triggers) + tail, re.I, where), head, triggers, tail)
            overrides = tuple(Override(self.compile(o["if"], True, where), o["cameo"], o["plover"]) for o in spec.get("overrides", []))
            out.append(EventRule(spec["type"], spec["label"], trigger, spec["cameo"], spec["plover"], overrides,
                                 tuple(spec.get("examples", {}).get("positive", [])),
                                 tuple(spec.get("examples", {}).get("negative", []))))
        return out

    def event(self, type_: str) -> EventRule:
        return next(e for e in self.events if e.type == type_)

    def check(self) -> None:
        """Compile everything once, so a bad pattern is reported when the rules are loaded, not mid-corpus."""
        _ = self._alternations, self._cues, self.events
        for name in self.knob_specs:
            self.knob(name)


def _compile(pattern: str, flags: int, where: str) -> re.Pattern:
    try:
        return re.compile(pattern, flags)
    except re.error as e:
        raise RuleError(f"{where}: not a valid pattern ({e})") from None


# -- reading and merging -----------------------------------------------------------------
def _line_of(text: str, needle: str) -> str:
    """`, line N` for the first line holding needle, to point a user at a problem tomllib cannot place."""
    for n, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return f", line {n}"
    return ""


def _read(text: str, name: str) -> dict:
    import tomllib  # only when rules are compiled: a query that checks the fingerprint never parses them

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise RuleError(f"{name}: {e}") from None


def _validate(data: dict, text: str, name: str) -> None:
    """The shape every rule file shares; a problem is reported with the file and line it is on."""
    for key in data:
        if key not in _SECTIONS:
            raise RuleError(f"{name}{_line_of(text, key)}: unknown section {key!r} (expected one of {', '.join(sorted(_SECTIONS))})")
    for set_name, entries in data.get("sets", {}).items():
        if not isinstance(entries, list) or not all(isinstance(e, str) and e for e in entries):
            raise RuleError(f"{name}{_line_of(text, set_name)}: set {set_name!r} must be a list of non-empty strings")
    for cue_name, spec in data.get("cues", {}).items():
        if not isinstance(spec, dict) or not isinstance(spec.get("pattern"), str):
            raise RuleError(f"{name}{_line_of(text, cue_name)}: cue {cue_name!r} needs a `pattern` string")
    for knob_name, spec in data.get("knobs", {}).items():
        if not isinstance(spec, dict) or not isinstance(spec.get("value"), (int, float)) or isinstance(spec.get("value"), bool):
            raise RuleError(f"{name}{_line_of(text, knob_name)}: knob {knob_name!r} needs a numeric `value`")
    for spec in data.get("event", []):
        type_ = spec.get("type")
        if not isinstance(type_, str):
            raise RuleError(f"{name}{_line_of(text, '[[event]]')}: an [[event]] record needs a `type`")
        triggers = spec.get("triggers", [])
        if not isinstance(triggers, list) or not all(isinstance(t, str) and t for t in triggers):
            raise RuleError(f"{name}{_line_of(text, type_)}: triggers of {type_!r} must be a list of non-empty strings")
    countries = data.get("countries", {})
    for table in ("aliases", "makers"):
        for alias, code in countries.get(table, {}).items():
            if not (isinstance(code, str) and re.fullmatch(r"[A-Z]{3}", code)):
                raise RuleError(f"{name}{_line_of(text, alias)}: {dict(aliases='alias', makers='maker')[table]} {alias!r} must map to an alpha-3 code like \"GBR\"")
    for demonym, codes in countries.get("ambiguous_demonyms", {}).items():
        if not (isinstance(codes, list) and len(codes) >= 2 and all(isinstance(c, str) and re.fullmatch(r"[A-Z]{3}", c) for c in codes)):
            raise RuleError(f"{name}{_line_of(text, demonym)}: ambiguous demonym {demonym!r} must map to two or more "
                            "alpha-3 codes, the usual one first")


def _builtin_texts() -> list[tuple[str, str]]:
    return [(f, (RULES_DIR / f).read_text(encoding="utf-8")) for f in RULE_FILES]


def fingerprint(user_file: str | Path | None = None) -> str:
    """What the index stores to know which rules read its rows (see rulefiles.py, which a query reads alone)."""
    return rulefiles.fingerprint(user_file, RULES_DIR)


def _merge_into(book: dict, data: dict, user: bool, name: str) -> None:
    for set_name, entries in data.get("sets", {}).items():
        book["sets"].setdefault(set_name, [])
        book["sets"][set_name] += [e for e in entries if e not in book["sets"][set_name]]
    book["cues"].update(data.get("cues", {}))
    for knob_name, spec in data.get("knobs", {}).items():
        if user and knob_name not in book["knobs"]:
            raise RuleError(f"{name}: unknown knob {knob_name!r}")
        book["knobs"][knob_name] = {**book["knobs"].get(knob_name, {}), **spec}
    for spec in data.get("event", []):
        known = next((e for e in book["event"] if e["type"] == spec["type"]), None)
        if known is None:
            if user:
                raise RuleError(f"{name}: unknown event type {spec['type']!r} (user rules add triggers to "
                                f"{', '.join(e['type'] for e in book['event'])})")
            book["event"].append(dict(spec))
            continue
        known["triggers"] = known["triggers"] + [t for t in spec.get("triggers", []) if t not in known["triggers"]]
        examples = spec.get("examples", {})
        for kind in ("positive", "negative"):
            known.setdefault("examples", {}).setdefault(kind, [])
            known["examples"][kind] = known["examples"][kind] + examples.get(kind, [])
    countries = data.get("countries", {})
    book["aliases"].update(countries.get("aliases", {}))
    book["makers"].update(countries.get("makers", {}))
    book["ambiguous_demonyms"].update(countries.get("ambiguous_demonyms", {}))
    book["not_countries"] += countries.get("not_countries", [])


@lru_cache(maxsize=8)
def load(user_file: str | None = None) -> Rulebook:
    """The built-in rules, with a user's rule file merged over them; compiled and checked."""
    book: dict = {"sets": {}, "cues": {}, "knobs": {}, "event": [], "aliases": {}, "not_countries": [], "makers": {},
                  "ambiguous_demonyms": {}}
    for name, text in _builtin_texts():
        data = _read(text, name)
        _validate(data, text, name)
        _merge_into(book, data, False, name)
    if user_file:
        path = Path(user_file)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise RuleError(f"{path}: cannot read rule file ({e.strerror if isinstance(e, OSError) else 'not UTF-8'})") from None
        data = _read(text, str(path))
        _validate(data, text, str(path))
        _merge_into(book, data, True, str(path))
        where = str(path)
    else:
        where = "built-in rules"
    rules = Rulebook(book["sets"], book["cues"], book["event"], book["knobs"], book["aliases"], book["not_countries"],
                     fingerprint(user_file), book["makers"], book["ambiguous_demonyms"])
    try:
        rules.check()
    except RuleError as e:
        raise RuleError(f"{where}: {e}") from None
    return rules


_active: str | None = None  # the user's rule file extraction reads with, if any
_override: Rulebook | None = None  # a rule set made in code (tests that vary one knob)
_current: Rulebook | None = None  # load(_active), kept at hand: extraction asks rules() hundreds of times an article


def use(user_file: str | Path | None) -> Rulebook:
    """Make a user's rule file (or none) the one extraction reads; returns the merged rules."""
    global _active, _current
    _active = str(user_file) if user_file else None
    _current = None
    _current = load(_active)
    return _current


@contextmanager
def using(book: Rulebook):
    """Extract with a rule set built in code for the duration of a block."""
    global _override
    previous, _override = _override, book
    try:
        yield book
    finally:
        _override = previous


def rules() -> Rulebook:
    """The rules extraction reads now."""
    return _override or _current or use(_active)
