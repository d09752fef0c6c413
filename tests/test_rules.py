"""The rule files are their own test suite: every example sentence, every knob, every cue, and user rules."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bilat import index, rulebook
from bilat.extract import extract
from bilat.wirecopy import parse_document

BUILTIN = rulebook.load()
HERE = Path(__file__).parent
# Our own articles, the seeds, and short texts written to exercise one knob each (tests/texts/).
ARTICLES = sorted((HERE / "articles").glob("*.txt")) + sorted((HERE / "texts").glob("*.txt")) + sorted((HERE.parent / "seeds").glob("*.txt"))


def read(text: str):
    return extract(parse_document("t", "t.txt", text))


def examples(kind: str):
    return [pytest.param(rule.type, sentence, id=f"{rule.type}-{n}")
            for rule in BUILTIN.events for n, sentence in enumerate(getattr(rule, kind))]


@pytest.mark.parametrize(("type_", "sentence"), examples("positive"))
def test_positive_examples_read_as_their_type(type_, sentence):
    assert type_ in [e.type for e in read(sentence).events], sentence


@pytest.mark.parametrize(("type_", "sentence"), examples("negative"))
def test_negative_examples_are_not_engagements_of_their_type(type_, sentence):
    assert type_ not in [e.type for e in read(sentence).events], sentence


def test_every_event_type_has_examples_both_ways():
    for rule in BUILTIN.events:
        assert rule.positive and rule.negative, rule.type


def test_event_types_in_the_rules_are_the_models():
    from bilat.models import EVENT_TYPES

    assert sorted(e.type for e in BUILTIN.events) == sorted(EVENT_TYPES)


def test_every_knob_and_cue_says_why():
    for name, spec in BUILTIN.knob_specs.items():
        assert len(spec.get("why", "")) > 15, name
    for name, spec in BUILTIN.cue_specs.items():
        assert len(spec.get("why", "")) > 15, name


def test_every_set_and_cue_is_used_somewhere():
    """A set or cue nobody refers to is dead vocabulary: it would change nothing when edited."""
    source = "\n".join(p.read_text() for p in Path(rulebook.__file__).parent.rglob("*.py"))
    rules_text = "\n".join((rulebook.RULES_DIR / f).read_text() for f in rulebook.RULE_FILES)
    def named(name: str) -> bool:
        return any(form in rules_text or form in source for form in (f"{{{name}}}", f"{{!{name}}}")) or any(
            form in source for form in (f'"{name}"', f"'{name}'"))

    for name in list(BUILTIN.sets) + list(BUILTIN.cue_specs):
        assert named(name), name


# Knobs whose effect the articles above cannot show through the whole reading, tested at their function.
COVERED_BY_UNIT_TESTS = {"cue_context", "counterpart_window", "led_by_window", "surname_length_slack", "recent_days", "same_occasion_days"}


def _reading(book: rulebook.Rulebook) -> list:
    """The whole extraction of our own articles and the seeds under one rule set."""
    with rulebook.using(book):
        return [dataclasses.asdict(read(p.read_text(encoding="utf-8"))) for p in ARTICLES]


def _with_knob(name: str, value) -> rulebook.Rulebook:
    specs = {k: dict(v) for k, v in BUILTIN.knob_specs.items()}
    specs[name]["value"] = value
    return rulebook.Rulebook(BUILTIN.sets, BUILTIN.cue_specs, BUILTIN.event_specs, specs, fingerprint=f"knob-{name}-{value}")


@pytest.fixture(scope="module")
def baseline():
    return _reading(BUILTIN)


@pytest.mark.parametrize("name", sorted(set(BUILTIN.knob_specs) - COVERED_BY_UNIT_TESTS))
def test_every_knob_changes_what_is_read(name, baseline):
    """Set to nothing or to far too much, each knob must change the reading of some article: none is inert."""
    value = BUILTIN.knob(name)
    changed = any(_reading(_with_knob(name, v)) != baseline for v in ((1, value * 4) if value > 1 else (0.3, 0)))
    assert changed, f"knob {name} changes nothing on the test articles"


# -- user rules ----------------------------------------------------------------------------------
REHEARSAL = "Kenya and Tanzania staged a search-and-rescue rehearsal off Mombasa on 4 March 2025."


def test_a_user_trigger_makes_a_new_engagement(tmp_path):
    assert not read(REHEARSAL).events
    rules = tmp_path / "mine.toml"
    rules.write_text('[[event]]\ntype = "exercise"\ntriggers = ["rehearsals?"]\n', encoding="utf-8")
    rulebook.use(rules)
    try:
        events = read(REHEARSAL).events
    finally:
        rulebook.use(None)
    assert [(e.type, e.countries, e.date.value) for e in events] == [("exercise", ["KEN", "TZA"], "2025-03-04")]


def test_a_user_country_alias_and_set_word(tmp_path):
    rules = tmp_path / "mine.toml"
    rules.write_text('[countries.aliases]\n"Blighty" = "GBR"\n\n[sets]\nrole_heads = ["quartermaster"]\n', encoding="utf-8")
    rulebook.use(rules)
    try:
        x = read("Blighty and France held talks in Paris on 2 May 2024, said Quartermaster Anne Leclerc of France.")
    finally:
        rulebook.use(None)
    assert "GBR" in x.countries
    assert [(p.name, p.role) for p in x.people] == [("Anne Leclerc", "Quartermaster")]


def test_a_user_maker_gives_its_people_a_country(tmp_path):
    text = ("Kenya and Tanzania held talks in Mombasa on 4 March 2025. "
            "Amani Kiprono, head of Acme Shipyards, said the yard was ready.")
    assert {p.name: p.country for p in read(text).people}["Amani Kiprono"] != "NOR"
    rules = tmp_path / "mine.toml"
    rules.write_text('[countries.makers]\n"Acme Shipyards" = "NOR"\n', encoding="utf-8")
    rulebook.use(rules)
    try:
        people = {p.name: p.country for p in read(text).people}
    finally:
        rulebook.use(None)
    assert people["Amani Kiprono"] == "NOR"


@pytest.mark.parametrize(("text", "problem"), [
    ('[sets\nx = ["a"]\n', "line 1"),
    ('[countries.makers]\n"Acme" = "Norway"\n', "line 2: maker 'Acme' must map to an alpha-3 code"),
    ('[sets]\nroles = "minister"\n', "line 2: set 'roles' must be a list"),
    ('[[event]]\ntype = "parade"\ntriggers = ["march past"]\n', "unknown event type 'parade'"),
    ('[[event]]\ntype = "exercise"\ntriggers = ["joint (patrol"]\n', "not a valid pattern"),
    ('[[event]]\ntype = "exercise"\ntriggers = ["{nowhere} drills"]\n', "set {nowhere} is not defined"),
    ('[knobs]\nintent_window = { value = "far" }\n', "line 2: knob 'intent_window' needs a numeric `value`"),
    ('[knobs]\nwindow_of_doom = { value = 3 }\n', "unknown knob 'window_of_doom'"),
    ('[countries.aliases]\n"Blighty" = "UK"\n', "line 2: alias 'Blighty' must map to an alpha-3 code"),
    ('[countries.ambiguous_demonyms]\n"Congolese" = ["COD"]\n', "line 2: ambiguous demonym 'Congolese' must map to two"),
    ('[colours]\nred = 1\n', "line 1: unknown section 'colours'"),
])
def test_a_malformed_user_file_is_one_clear_error(tmp_path, text, problem):
    rules = tmp_path / "mine.toml"
    rules.write_text(text, encoding="utf-8")
    with pytest.raises(rulebook.RuleError) as e:
        rulebook.load(str(rules))
    assert str(rules) in str(e.value) and problem in str(e.value)
    assert "\n" not in str(e.value)


def test_a_rule_change_reads_every_article_again(corpus, tmp_path):
    location = tmp_path / "index.db"
    conn, _ = index.open_index(corpus, location)
    assert index.refresh(conn, corpus).unchanged == 5
    rules = tmp_path / "mine.toml"
    rules.write_text('[sets]\nrole_heads = ["quartermaster"]\n', encoding="utf-8")
    report = index.refresh(conn, corpus, rules_file=rules)
    assert report.updated == 5 and report.unchanged == 0
    assert index.refresh(conn, corpus, rules_file=rules).unchanged == 5
    rules.write_text('[sets]\nrole_heads = ["quartermaster", "purser"]\n', encoding="utf-8")
    assert index.refresh(conn, corpus, rules_file=rules).updated == 5
    rulebook.use(None)


def test_the_fingerprint_covers_rule_text_and_source(tmp_path, monkeypatch):
    before = rulebook.fingerprint()
    copy = tmp_path / "rules"
    copy.mkdir()
    for name in rulebook.RULE_FILES:
        (copy / name).write_text((rulebook.RULES_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(rulebook, "RULES_DIR", copy)
    assert rulebook.fingerprint() == before
    with (copy / "knobs.toml").open("a", encoding="utf-8") as f:
        f.write("\n# a comment is a change too\n")
    assert rulebook.fingerprint() != before




def test_cue_strengths_rank_title_over_acronym_over_context():
    assert BUILTIN.knob("cue_title") > BUILTIN.knob("cue_acronym") > BUILTIN.knob("cue_context") > 0


def test_counterpart_adjective_before_a_title_is_a_strong_cue():
    from bilat.extract.countries import matcher
    from bilat.extract.people import PeopleFinder

    text = "Brazil's minister Ana Lima received her Chilean counterpart, Defence Minister Jorge Soto, in Brasilia."
    finder = PeopleFinder([text], [matcher().find(text)], ["BRA", "CHL"], {})
    role, country, cue = finder._title_before(0, text.index("Jorge"))
    assert (role, country, cue) == ("Defence Minister", "CHL", BUILTIN.knob("cue_title"))


def test_transliterated_surnames_within_the_slack_are_one_person():
    from bilat.extract.people import PeopleFinder

    finder = PeopleFinder([""], [[]], [], {})
    person = finder._add("Oleksandr Kovalenko", ["Oleksandr", "Kovalenko"])
    assert finder.find(["Kowalenkow"]) is person  # one letter changed, one added: within two
    assert finder.find(["Kowalenkowski"]) is None  # four letters more


def test_a_day_more_than_a_week_before_the_article_is_an_earlier_engagement():
    from bilat.extract.events import _before_anchor
    from bilat.models import Date

    anchor = Date("2025-03-20", "prefix")
    assert _before_anchor(Date("2025-03-12", "text"), anchor)
    assert not _before_anchor(Date("2025-03-13", "text"), anchor)


def test_reports_within_a_week_of_the_anchor_may_be_one_occasion():
    from bilat.extract.events import _compatible
    from bilat.models import Event

    from bilat.models import Date

    def event(day: str, source: str) -> Event:
        return Event(["CHL", "PER"], "meeting", Date(day, source), None, "", "", "042", {})

    assert _compatible(event("2025-03-20", "prefix"), event("2025-03-13", "text"))
    assert not _compatible(event("2025-03-20", "prefix"), event("2025-03-12", "text"))


def test_a_delegation_led_by_someone_gives_them_its_country():
    from bilat.extract.countries import matcher
    from bilat.extract.people import PeopleFinder

    text = "After talks in Jakarta on Monday, the Malaysian delegation was led by Rear Admiral Ahmad Kamal."
    finder = PeopleFinder([text], [matcher().find(text)], ["IDN", "MYS"], {})
    end = text.index("Kamal") + len("Kamal")
    assert finder._apposition_after(0, end) == (None, "MYS", BUILTIN.knob("cue_title"))
    far = "The Malaysian delegation was led by " + "x" * BUILTIN.knob("led_by_window") + " Ahmad Kamal"
    finder = PeopleFinder([far], [matcher().find(far)], ["IDN", "MYS"], {})
    assert finder._apposition_after(0, len(far))[1] is None


def test_answers_kept_per_word_follow_the_rule_set():
    """people.py keeps whether a word is a role or a title word, per rule set: a rule set that adds a role reads it."""
    from bilat.extract import people

    assert not people._is_role("Quartermaster") and not people._is_title_word("Quartermaster")
    sets = dict(BUILTIN.sets, role_heads=BUILTIN.sets["role_heads"] + ["quartermaster"])
    book = rulebook.Rulebook(sets, BUILTIN.cue_specs, BUILTIN.event_specs, BUILTIN.knob_specs, fingerprint="with-quartermaster")
    with rulebook.using(book):
        assert people._is_role("Quartermaster") and people._is_title_word("Quartermaster")
    assert not people._is_role("Quartermaster")


def test_triggers_known_for_a_clause_follow_the_rule_set(tmp_path):
    """events.py keeps each clause's triggers while it reads a document; rules that add a trigger read it anew."""
    from bilat.extract import events

    clause = events.Sentence(0, 0, REHEARSAL, ["KEN", "TZA"], [], True, False)
    assert list(events._triggers(clause)) == []
    rules = tmp_path / "mine.toml"
    rules.write_text('[[event]]\ntype = "exercise"\ntriggers = ["rehearsals?"]\n', encoding="utf-8")
    rulebook.use(rules)
    try:
        assert [kind for kind, _ in events._triggers(clause)] == ["exercise"]
    finally:
        rulebook.use(None)
    assert list(events._triggers(clause)) == []
