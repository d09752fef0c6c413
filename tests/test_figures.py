"""A figure is a number with the thing it counts: units, magnitudes, clause breaks and names' numbers are not things."""
import pytest

from bilat.extract.figures import find_figures


@pytest.mark.parametrize("sentence", [
    "Trade between the two countries grew eightfold to $4.4 billion, the minister said.",
    "The navy will buy frigates worth 2.7 billion euros.",
    "The deal is worth 1.6 billion yen.",
    "The two armies have held the drill every year since 2011, taking turns as hosts.",
    "The drills ran in Ostrava district from November 17 to 24, Moravia's ministry said.",
    "The exercise was hosted by the Military Zone 5 High Command at its base.",
    "The two navies met in 2019 focusing on mine clearance.",
    "The wing flew in 2013 and can remain airborne for hours.",
])
def test_no_junk_figures(sentence):
    got = [(f.value, f.counts) for f in find_figures([sentence])]
    assert not [g for g in got if g[1].split()[0].lower() in {"billion", "euros", "yen", "taking", "moravia", "high",
                                                                "focusing", "can"}], got


def test_a_number_keeps_its_unit_and_counts_a_thing():
    got = {(f.value, f.counts) for f in find_figures(["The army ordered 24 combat aircraft and 180 tanks."])}
    assert got >= {("24", "combat aircraft"), ("180", "tanks")}
    money = {(f.value, f.counts) for f in find_figures(["Trade volume rose to $4.4 billion last year."])}
    assert ("$4.4 billion", "Trade volume") in money or any(v == "$4.4 billion" for v, _ in money)
