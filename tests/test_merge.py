"""Cross-document merging: the indexed merge agrees with comparing every report with every engagement."""
import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from bilat.merge import _same_engagement, merge_events

DATES = st.one_of(st.none(), st.sampled_from(["2024", "2025", "2024-03", "2025-03", "2025-04", "2024-03-01",
                                              "2025-03-01", "2025-03-02", "2025-04-01"]))
REPORT = st.fixed_dictionaries({"date": DATES, "place": st.sampled_from([None, "Ankara", "Belgrade"]),
                                "doc": st.sampled_from(["a", "b", "c", "d", "e", "f"])})
SURNAMES = st.dictionaries(st.sampled_from(["a", "b", "c", "d", "e", "f"]),
                           st.sets(st.sampled_from(["guler", "vucic", "gasic", "szalay"]), max_size=3))


def every_pair(raw: list[dict], surnames: dict) -> list[dict]:
    """The merge as first written: each report against every engagement before it, in order."""
    engagements: list[dict] = []
    for e in raw:
        same = next((o for o in engagements if _same_engagement(o, e, surnames)), None)
        if same is None:
            engagements.append(e)
            continue
        same["docs"].append(e["docs"][0])
        same["events"] += e["events"]
        if len(e["date"] or "") > len(same["date"] or ""):
            same["date"], same["date_precision"], same["date_source"] = e["date"], e["date_precision"], "other_report"
        same["place"] = same["place"] or e["place"]
    return engagements


@settings(max_examples=400, deadline=None)
@given(st.lists(REPORT, max_size=25), SURNAMES)
def test_indexed_merge_equals_comparing_every_pair(reports, surnames):
    raw = [{"date": r["date"], "date_precision": None, "date_source": "text", "place": r["place"], "docs": [r["doc"]],
            "events": [i]} for i, r in enumerate(sorted(reports, key=lambda r: r["doc"]))]
    assert merge_events(copy.deepcopy(raw), surnames) == every_pair(copy.deepcopy(raw), surnames)
