"""Whole articles of our own, in the shapes wire copy comes in, read end to end by the extractor."""
from pathlib import Path


from bilat.corpus import read_document
from bilat.extract import extract

ARTICLES = Path(__file__).parent / "articles"


def read(name: str):
    return extract(read_document(ARTICLES, ARTICLES / f"{name}.txt"))


def events(x):
    return {(e.type, tuple(e.countries), e.date.value if e.date else None) for e in x.events}


def test_prefix_weekday_counterpart_and_an_earlier_agreement():
    x = read("romania-poland-mou")
    assert x.date.value == "2024-06-13"  # "on Thursday" before a Friday prefix
    assert ("agreement", ("POL", "ROU"), "2024-06-13") in events(x)
    assert ("agreement", ("POL", "ROU"), "2019") in events(x)
    people = {p.name: p.country for p in x.people}
    assert people == {"Angel Tilvar": "ROU", "Tomasz Zielinski-Nowak": "POL"}
    assert [q.speaker for q in x.quotes] == ["Angel Tilvar"]


def test_delivery_under_an_earlier_deal_without_a_year_in_the_dateline():
    x = read("greece-rafale-delivery")
    assert x.date is None  # "Jan 19" and "Wednesday" with no year anywhere fix no date
    assert ("arms_transfer", ("FRA", "GRC"), "2021") in events(x)
    assert ("arms_transfer", ("FRA", "GRC"), None) in events(x)
    assert [q.speaker for q in x.quotes] == ["Nikos Andreou", "Nikos Andreou"]
    assert {p.name: p.country for p in x.people}["Claire Marchand"] == "FRA"


def test_exercise_dated_by_its_range_not_by_the_report():
    x = read("japan-india-exercise")
    assert ("exercise", ("IND", "JPN"), "2023-01-16") in events(x)  # "from January 16 to 26": the day it began
    assert ("mechanism", ("IND", "JPN"), "2023-03-09") in events(x)
    assert x.quotes[0].text.startswith("This exercise marks a new chapter")
    assert x.quotes[0].speaker_country == "IND"


def test_byline_and_related_articles_are_not_story():
    x = read("israel-morocco-mou")
    assert x.date is None
    assert ("agreement", ("ISR", "MAR"), None) in events(x)
    assert [e.place for e in x.events if e.date is None] == ["Rabat"]
    assert "Jane Doe" not in {p.name for p in x.people}
    assert {p.name: p.country for p in x.people} == {"Avi Shalev": "ISR", "Karim Benali": "MAR"}


def test_attribution_with_an_apposition_and_an_earlier_visit_in_another_month():
    x = read("russia-china-naval-drill")
    # "Joint Sea-2023" names the occasion, so its year completes "MOSCOW, July 21"; "The drills, which began on
    # July 20" gives the span's first day, which dates a multi-day engagement
    assert x.date.value == "2023-07-20"
    assert [q.speaker for q in x.quotes] == ["Yuri Petrov", "Yuri Petrov"]
    assert ("exercise", ("CHN", "RUS"), "2023-07-20") in events(x)
    assert ("meeting", ("CHN", "RUS"), "2023-04") in events(x)  # "visited Moscow in April": not the drill


def test_a_short_quote_still_carries_its_attribution_to_the_next():
    x = read("germany-lithuania-brigade")
    assert [q.speaker for q in x.quotes] == ["Boris Pistorius", "Arvydas Anusauskas"]
    assert ("agreement", ("DEU", "LTU"), "2023-12-18") in events(x)
    assert ("agreement", ("DEU", "LTU"), "2023-06") in events(x)


def test_person_named_like_a_country_and_a_us_state_named_like_one():
    x = read("jordan-us-exercise")
    assert x.countries == ["GEO", "JOR", "USA"]  # "Georgian troops" count, "Atlanta, Georgia" does not
    people = {p.name: p for p in x.people}
    assert people["Michael Jordan"].role == "spokesman for the U.S. embassy"
    assert x.quotes[0].speaker == "Michael Jordan"
    assert ("exercise", ("JOR", "USA"), "2024-02-08") in events(x)


def test_name_particles_single_quotes_and_a_trilateral_drill():
    x = read("uae-netherlands-vessels")
    assert ("industry", ("ARE", "NLD"), "2024-03-06") in events(x)  # "on Wednesday" before a Thursday date line
    assert ("exercise", ("ARE", "CYP", "GRC"), "2023") in events(x)
    assert ("ARE", "CYP") not in {tuple(p) for p in x.pairs}
    assert [p.name for p in x.people] == ["Hans van Dijk", "Matar Salem Ali Al Dhaheri"]
    assert [q.speaker for q in x.quotes] == ["Hans van Dijk"]


def test_talks_about_purchases_are_talks_and_an_agency_dateline_with_double_dash():
    x = read("korea-philippines-fa50")
    assert ("meeting", ("KOR", "PHL"), "2022-11-15") in events(x)
    assert ("arms_transfer", ("KOR", "PHL"), "2014") in events(x)
    assert not any(e.evidence.startswith("-") for e in x.events)
    assert {p.name: p.country for p in x.people} == {"Lee Jong-sup": "KOR", "Jose Faustino Jr": "PHL"}
    assert x.quotes[0].speaker == "Jose Faustino Jr"


def test_she_said_after_someone_told_reporters_and_a_week_after():
    x = read("india-france-talks")
    assert [q.speaker for q in x.quotes] == ["Claire Moreau", "Rajiv Menon"]
    assert ("meeting", ("FRA", "IND"), "2023-07-13") in events(x)
    assert ("arms_transfer", ("FRA", "IND"), "2016") in events(x)
    assert ("agreement", ("IND", "JPN"), "2023-07") in events(x)  # "a week after", from a 14 July article
    assert "CHN" in x.countries and ["CHN", "IND"] not in x.pairs


def test_a_dateline_without_a_year_takes_the_year_of_the_lead():
    x = read("vietnam-cambodia-visit")
    assert x.date.value == "2023-09-08"  # "on Friday" of the week the dated lead fixes
    assert all(e.date is None or not e.date.value.startswith("2024") for e in x.events)  # a 2024 plan is not dated 2024
    assert [q.speaker for q in x.quotes] == ["Tea Seiha", "Phan Van Giang"]


def test_prefix_after_breadcrumbs_a_run_on_quote_and_both_countries_with_a_third():
    x = read("bulgaria-romania-air-policing")
    assert x.date.value == "2024-10-03"
    assert x.quotes[0].text.startswith("Our skies are one sky") and "solidarity into procedure" in x.quotes[0].text
    assert [q.speaker for q in x.quotes] == ["Atanas Zapryanov", "Angel Tîlvăr"]
    assert ("agreement", ("BGR", "ROU"), "2021") in events(x)
    assert {("arms_transfer", ("BGR", "USA"), None), ("arms_transfer", ("ROU", "USA"), None)} <= events(x)


def test_names_of_exercises_are_not_quotations_and_clauses_joined_by_and():
    x = read("egypt-sudan-drills")
    assert [q.text for q in x.quotes] == ["reflects the strength of relations between the two armies"]
    assert "Hassan Othman al-Tayeb" in {p.name for p in x.people}
    assert ("agreement", ("EGY", "SDN"), None) in events(x)
    assert sum(1 for e in x.events if e.type == "exercise") == 2


def test_capitals_as_parties_according_to_and_the_lead_dates_the_main_engagement():
    x = read("belarus-russia-air-defence")
    assert x.pairs == [["BLR", "RUS"]]
    assert ("agreement", ("BLR", "RUS"), "2021-06-17") in events(x)  # "agreed on Thursday", a Friday article
    assert ("arms_transfer", ("BLR", "RUS"), "2019") in events(x)
    assert [q.speaker for q in x.quotes] == ["Viktor Gurin", "Pavel Sokolov"]
    assert {p.name: p.role for p in x.people}["Viktor Gurin"] == "chief of general staff"


def test_agreed_to_in_the_lead_and_a_demonym_inside_a_regional_adjective():
    x = read("brazil-chile-drone")
    assert x.countries == ["BRA", "CHL"]  # "South American" is not American
    assert ("industry", ("BRA", "CHL"), None) in events(x)
    assert ("arms_transfer", ("BRA", "CHL"), "2009") in events(x)
    assert {p.name: p.country for p in x.people} == {"Maya Fernández": "CHL", "José Múcio Monteiro": "BRA"}


def test_people_without_a_cue_belong_where_the_dateline_is():
    x = read("nigeria-china-patrol-ship")
    assert {p.name: p.country for p in x.people} == {"Bello Adamu": "NGA", "Awwal Gambo": "NGA"}
    assert ("arms_transfer", ("CHN", "NGA"), "2023-02-24") in events(x)
    assert ("agreement", ("CHN", "NGA"), "2021") in events(x)


def test_two_speakers_alternating_split_quotes_and_a_nested_quote():
    x = read("finland-sweden-talks")
    speakers = [q.speaker for q in x.quotes]
    assert speakers == ["Antti Häkkänen", "Antti Häkkänen", "Pål Jonson", "Pål Jonson", "Antti Häkkänen",
                        "Antti Häkkänen", "Antti Häkkänen"]
    assert "'one northern flank'" in x.quotes[1].text  # the nested quote stays inside its quotation
    assert {(e.type, tuple(e.countries)) for e in x.events} == {("meeting", ("FIN", "SWE"))}
