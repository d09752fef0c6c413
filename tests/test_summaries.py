"""A summary is a clause of the evidence that reads on its own, and two rows from one sentence say what differs."""
import pytest

from bilat.extract import extract
from bilat.wirecopy import parse_document


def events(text):
    return extract(parse_document("t", "t.txt", text)).events


def test_a_number_with_a_thousands_comma_stays_whole():
    found = events(" date 2024-03-02 Around 1,000 soldiers from Chile and Peru will hold a joint exercise next week.")
    assert found and found[0].summary.startswith("Around 1,000 soldiers from Chile and Peru")


def test_two_named_exercises_of_one_sentence_say_which_each_is():
    found = events(" date 2024-03-02 Chile and Peru held talks in Lima. The ministers praised the joint exercises "
                   "\"Condor\" and \"Pacific Shield\" held by the two armies.")
    exercises = [e for e in found if e.type == "exercise"]
    assert len(exercises) == 2
    assert {e.summary.split(":")[0] for e in exercises} == {"“Condor”", "“Pacific Shield”"}
    assert all(e.summary.count('"') % 2 == 0 for e in exercises)  # no quotation mark left without its partner


def test_a_clause_that_leans_on_the_one_before_takes_it():
    found = events(" date 2024-03-02 The Chilean army chief, General Tomas Ferro, held talks in Lima with his Peruvian "
                   "counterpart on Monday.")
    assert found and not found[0].summary[0].islower(), found[0].summary
    assert found[0].summary.startswith("The Chilean army chief")


def test_an_apostrophe_ends_no_exercise_name():
    found = events(" date 2024-03-02 Chilean and Peruvian units held the joint exercise \"Condor\" at the "
                   "\"People's Hero Ana Ruiz\" barracks in Arica.")
    assert found and not any(e.summary.startswith("“People”") for e in found)


@pytest.mark.parametrize("sentence", [
    "Serbia will buy twelve jets from France under a new defence accord, the ministry said on 2 May 2025.",
    "Kenya, which this month bought six helicopters from Italy, signed a training deal with Uganda on 2 May 2025.",
    "Peru and Chile, after the two met for bilateral talks on 2 May 2025, signed a border memorandum.",
])
def test_a_summary_never_opens_on_a_dependent_word_and_always_on_a_capital(sentence):
    events = extract(parse_document("t", "t.txt", sentence)).events
    assert events
    for e in events:
        first = e.summary.split()[0]
        assert first[0].isupper() or first[0] in "\"“‘'", e.summary
        assert first.lower() not in {"under", "which", "after", "that", "and"}, e.summary
