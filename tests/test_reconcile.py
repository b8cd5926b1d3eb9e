"""Cross-document reconciliation: event grouping, relays, grades, tolls over time."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from audit import segment
from audit.model import Claim, Document, Source
from audit.reconcile import (
    Mention,
    claim_context,
    group_events,
    name_key,
    originator_key,
    places_in,
    reconcile,
    subject_key,
    times_in,
)

DAY = datetime(2024, 3, 1, 9, tzinfo=UTC)


def mention(row: int, value: float, **kw: Any) -> Mention:
    defaults: dict[str, Any] = {
        "document": f"d{row}",
        "claim": "c1",
        "category": "killed",
        "places": ("mosul",),
        "published": DAY,
    }
    defaults.update(kw)
    return Mention(row=row, value=value, **defaults)


def said(*names: str) -> tuple[tuple[str, str | None], ...]:
    return tuple((name_key(n), None) for n in names)


# ---------------------------------------------------------------- words of the sentence


def test_places_follow_locative_prepositions() -> None:
    assert places_in("Twelve people were killed in the southern city of Basra on Friday.") == ["basra"]
    assert places_in("He opened fire at a Vancouver office Christmas party.") == ["vancouver"]
    assert places_in("In Baghdad, a car bomb killed 30 near the Syrian border.") == ["baghdad", "syrian"]


def test_calendar_words_titles_and_headline_capitals_are_no_places() -> None:
    assert places_in("The toll rose in March, at least in President Smith's view.") == []
    assert places_in("Bank Fire In Athens Amid Protests Kills Three") == ["athens"]


def test_times_are_years_months_weekdays_and_relative_days() -> None:
    assert times_in("On Friday, March 5, 2004, and again yesterday") == [
        "2004",
        "march",
        "friday",
        "yesterday",
    ]


def test_may_is_a_month_only_with_a_day_or_year() -> None:
    assert times_in("Officials May revise the toll.") == []
    assert times_in("The blast on May 5 killed 12.") == ["may"]
    assert times_in("It happened on 5 May.") == ["may"]


def _doc(text: str) -> Document:
    doc = Document(path="d.txt", source=text, prose=text)
    doc.sentences = segment.segment(doc)
    return doc


def _claim_at(doc: Document, number: str, sentence: int) -> Claim:
    start = doc.source.index(number)
    end = start + len(number)
    return Claim(
        "c1",
        number,
        start,
        end,
        1,
        start + 1,
        2000,
        2000,
        2000,
        sentence=sentence,
        number_start=start,
        number_end=end,
        category="killed",
    )


def test_claim_context_reads_its_own_sentence() -> None:
    doc = _doc(
        "Storm hits coast\n\nIn Dhaka 2000 people died in 2007.\n\nThe toll was revised in Chittagong."
    )
    ctx = claim_context(doc, _claim_at(doc, "2000", 1))
    assert ctx.places == ("dhaka",)
    assert ctx.place_source == "sentence"
    assert ctx.times == ("2007",)  # the figure itself is no year
    assert not ctx.correction


def test_claim_context_falls_back_to_the_lede_places_and_finds_corrections() -> None:
    doc = _doc("Floods in Dhaka\n\nRains kept falling.\n\nThe toll was revised to 2000, officials said.")
    ctx = claim_context(doc, _claim_at(doc, "2000", 2))
    assert ctx.places == ("dhaka",)
    assert ctx.place_source == "lede"
    assert ctx.correction


def test_keys_compare_names_and_subjects_loosely() -> None:
    assert name_key("The Health Ministry's") == "health ministry"
    assert originator_key("o2", "the Interior Ministry") == "interior ministry"
    assert originator_key("UN OCHA", "OCHA") == "un ocha"
    assert subject_key("the 12 Iraqi soldiers") == "iraqi soldier"
    assert subject_key("people") == subject_key(None) == ""


# ---------------------------------------------------------------- grouping


def test_same_place_category_and_time_is_one_event() -> None:
    events = group_events([mention(0, 12), mention(1, 12, outlet="B"), mention(2, 14)])
    assert [len(e.mentions) for e in events] == [3]


def test_different_place_subject_category_or_year_split_events() -> None:
    base = mention(0, 12)
    others = [
        mention(1, 12, places=("basra",)),
        mention(2, 12, subject="soldiers"),
        mention(3, 12, category="wounded"),
        mention(4, 12, times=("2003",)),
        mention(5, 12, published=DAY + timedelta(days=90)),
        mention(6, 500),  # forty times more: another toll
    ]
    base = mention(0, 12, times=("2004",))
    events = group_events([base, *others])
    assert len(events) == 7


def test_figures_without_places_stay_in_their_document() -> None:
    a = mention(0, 12, places=(), document="x")
    b = mention(1, 12, places=(), document="x", claim="c2")
    c = mention(2, 12, places=(), document="y")
    assert sorted(len(e.mentions) for e in group_events([a, b, c])) == [1, 2]


def test_only_casualty_figures_are_reconciled() -> None:
    assert group_events([mention(0, 12, category="count"), mention(1, 3, category="other")]) == []


# ---------------------------------------------------------------- grades


def test_two_originators_within_rounding_corroborate() -> None:
    a = mention(0, 3000, qualifier="approx", sources=said("Ministry of Health"), outlet="A")
    b = mention(1, 2700, sources=said("Red Cross"), outlet="B", step=100)
    (event,) = reconcile([a, b]).events
    assert event["grade"] == "corroborated"
    assert event["originators"] == ["ministry of health", "red cross"]
    assert (event["min"], event["max"]) == (2700, 3000)
    assert len(event["figures"]) == 1


def test_twenty_outlets_repeating_one_ministry_are_one_source() -> None:
    mentions = [mention(i, 40, sources=said("the Health Ministry"), outlet=f"outlet {i}") for i in range(20)]
    (event,) = reconcile(mentions).events
    assert event["grade"] == "single-source"
    assert event["independent_originators"] == 1
    assert len(event["originator_outlets"][0]["outlets"]) == 20


def test_relays_collapse_into_whom_they_cite() -> None:
    via = mention(0, 40, sources=(("nis", "yonhap"),), outlet="Korea Times")
    direct = mention(1, 40, sources=said("Yonhap"), outlet="Daily")
    relayed_outlet = mention(2, 40, sources=said("police"), outlet="Reuters")
    cites_outlet = mention(3, 40, sources=said("Reuters"), outlet="Gazette", places=("mosul",))
    result = reconcile([via, direct, relayed_outlet, cites_outlet])
    (event,) = result.events
    assert event["originators"] == ["nis", "police"]
    assert {"relay": "yonhap", "originator": "nis"} in event["relays"]
    assert {"relay": "reuters", "originator": "police"} in event["relays"]
    assert event["grade"] == "corroborated"


def test_originators_disagreeing_the_same_day_contest_the_toll() -> None:
    a = mention(0, 12, sources=said("police"), outlet="A")
    b = mention(1, 30, sources=said("hospital"), outlet="B", published=DAY + timedelta(hours=3))
    result = reconcile([a, b])
    (event,) = result.events
    assert event["grade"] == "contested"
    assert len(event["conflicts"]) == 1
    (finding,) = result.findings
    assert finding["rule"] == "archive-contested"
    assert finding["document"] == "d1"


def test_a_toll_rising_over_days_is_no_conflict_but_a_timeline() -> None:
    a = mention(0, 12, sources=said("police"), published=DAY)
    b = mention(1, 30, sources=said("hospital"), published=DAY + timedelta(days=3))
    (event,) = reconcile([a, b]).events
    assert event["conflicts"] == [] and event["falling"] == []
    assert event["grade"] == "single-source"
    assert [t["value"] for t in event["timeline"]] == [12, 30]
    assert event["best"] in (12, 30)


def test_a_toll_falling_later_without_a_correction_is_flagged() -> None:
    a = mention(0, 30, sources=said("police"), published=DAY)
    b = mention(1, 12, sources=said("police"), published=DAY + timedelta(days=3))
    result = reconcile([a, b])
    assert len(result.events[0]["falling"]) == 1
    assert [f["rule"] for f in result.findings] == ["archive-falling-toll"]


def test_a_toll_falling_with_a_correction_is_not_flagged() -> None:
    a = mention(0, 30, published=DAY)
    b = mention(1, 12, published=DAY + timedelta(days=3), correction=True)
    result = reconcile([a, b])
    assert result.events[0]["falling"] == [] and result.findings == []


def test_anonymous_sources_do_not_corroborate() -> None:
    officials = mention(0, 40, sources=said("officials"), anonymous=("officials",), outlet="A")
    sources = mention(1, 40, sources=said("security sources"), anonymous=("security sources",), outlet="B")
    ministry = mention(2, 40, sources=said("Interior Ministry"), outlet="C")
    (event,) = reconcile([officials, sources]).events
    assert event["grade"] == "single-source" and event["independent_originators"] == 1
    (event,) = reconcile([officials, sources, ministry]).events
    assert event["grade"] == "single-source" and event["anonymous_originators"] == [
        "officials",
        "security sources",
    ]


def test_a_range_corroborates_the_figure_it_allows_an_open_bound_does_not() -> None:
    at_least = mention(0, 30, qualifier="at_least", low=30, sources=said("police"), published=None)
    span = mention(1, 45, qualifier="range", low=40, high=50, sources=said("Red Crescent"))
    exact = mention(2, 41, sources=said("hospital"))
    (event,) = reconcile([at_least, exact]).events
    assert event["grade"] == "single-source" and event["conflicts"] == []
    (event,) = reconcile([at_least, exact, span]).events
    assert event["best"] == 41 and event["grade"] == "corroborated"
    assert [f["supported_by"] for f in event["figures"]] == [
        ["police"],
        ["hospital", "red crescent"],
        ["red crescent"],
    ]


def test_figures_of_one_article_are_no_archive_conflict() -> None:
    ministry = mention(0, 126, sources=said("the Defense Ministry"), document="d")
    taliban = mention(1, 190, sources=said("a Taliban spokesman"), document="d", claim="c2")
    (event,) = reconcile([ministry, taliban]).events
    assert event["conflicts"] == [] and event["grade"] == "single-source"
    other_paper = mention(2, 126, sources=said("the Defense Ministry"), document="e")
    (event,) = reconcile([ministry, taliban, other_paper]).events
    assert event["grade"] == "contested" and len(event["conflicts"]) == 1


def test_generic_originators_count_as_anonymous() -> None:
    from audit.reconcile import mentions_from_rows

    row = {
        "document": "d",
        "published": None,
        "outlet": None,
        "id": "c1",
        "category": "killed",
        "subject": None,
        "value": 3.0,
        "low": 3.0,
        "high": 3.0,
        "qualifier": "exact",
        "step": None,
        "originators": ["reports", "governor"],
        "vias": [None, None],
        "anonymous": [False, False],
        "places": [],
        "times": [],
        "correction": False,
        "start": 0,
        "end": 1,
        "line": 1,
        "column": 1,
    }
    (m,) = mentions_from_rows([row])
    assert m.anonymous == ("reports",)
    (event,) = reconcile([m]).events
    assert event["grade"] == "single-source" and event["independent_originators"] == 1


def test_unattributed_figures_are_unattributed_across_the_archive() -> None:
    (event,) = reconcile([mention(0, 12), mention(1, 12)]).events
    assert event["grade"] == "unattributed"


def test_rounding_applies_to_approximate_and_large_round_figures_only() -> None:
    assert mention(0, 3000, qualifier="approx", step=1000).bounds == (2500, 3500)
    assert mention(0, 3000, qualifier="approx").bounds == (2500, 3500)  # step implied by the zeros
    assert mention(0, 2700, step=100).bounds == (2650, 2750)
    assert mention(0, 30, step=10).bounds == (30, 30)
    assert mention(0, 40, qualifier="at_most", high=40, step=10).bounds == (0, 40)
    assert mention(0, 30, qualifier="at_least", low=30, step=10).bounds == (30, math.inf)


def test_disagreement_about_bounds_only_is_no_conflict() -> None:
    a = mention(0, 10, qualifier="at_least", low=10, high=None, sources=said("police"))
    b = mention(1, 14, sources=said("hospital"))
    (event,) = reconcile([a, b]).events
    assert event["conflicts"] == []


def test_mentions_from_claims_rows_read_sources_and_context() -> None:
    from audit.reconcile import mentions_from_rows

    claim = Claim(
        "c1",
        "12",
        0,
        2,
        1,
        1,
        12,
        12,
        12,
        category="killed",
        sources=[Source("Police", "said", 5, 15, via="AP", originator="police")],
    )
    row = {
        **claim.to_contract(),
        "document": "d",
        "published": None,
        "outlet": None,
        "step": None,
        "originators": ["police"],
        "vias": ["ap"],
        "places": ["mosul"],
        "times": [],
        "correction": False,
    }
    other = {**row, "category": "other"}
    (m,) = mentions_from_rows([other, row])
    assert m.row == 1 and m.sources == (("police", "ap"),) and m.places == ("mosul",)


# ---------------------------------------------------------------- properties

mentions_strategy = st.lists(
    st.builds(
        lambda v, place, cat, day, src: (v, place, cat, day, src),
        st.integers(min_value=0, max_value=5000),
        st.sampled_from(["mosul", "basra", ""]),
        st.sampled_from(["killed", "wounded"]),
        st.integers(min_value=0, max_value=60),
        st.sampled_from(["police", "hospital", ""]),
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None)
@given(mentions_strategy)
def test_every_casualty_figure_lands_in_exactly_one_event(raw: list[tuple[int, str, str, int, str]]) -> None:
    mentions = [
        mention(
            i,
            v,
            places=(p,) if p else (),
            category=c,
            published=DAY + timedelta(days=d),
            sources=said(s) if s else (),
        )
        for i, (v, p, c, d, s) in enumerate(raw)
    ]
    events = reconcile(mentions).events
    members = [(m["document"], m["claim"]) for e in events for m in e["members"]]
    assert sorted(members) == sorted((m.document, m.claim) for m in mentions)
    for e in events:
        assert e["min"] <= e["best"] <= e["max"]
        assert e["grade"] in {"corroborated", "single-source", "contested", "unattributed"}
        assert sum(len(f["documents"]) >= 1 for f in e["figures"]) == len(e["figures"])


@settings(max_examples=40, deadline=None)
@given(mentions_strategy, st.randoms(use_true_random=False))
def test_reconciliation_does_not_depend_on_the_order_rows_arrive_in(
    raw: list[tuple[int, str, str, int, str]], random: Any
) -> None:
    mentions = [
        mention(
            i,
            v,
            places=(p,) if p else (),
            category=c,
            published=DAY + timedelta(days=d),
            sources=said(s) if s else (),
        )
        for i, (v, p, c, d, s) in enumerate(raw)
    ]
    shuffled = list(mentions)
    random.shuffle(shuffled)
    assert reconcile(shuffled) == reconcile(mentions)
