"""absolute-change: the cheap test of the text before a figure skips nothing the amount pattern matches."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.checkers import change
from audit.pipeline import audit_text

BEFORE = st.lists(
    st.sampled_from(
        ["fell", " by", " BY", " a rise of", " cut  of", "of", "$", "\u00a3", " ", "\n", "x", "\u00a0"]
    ),
    max_size=8,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(BEFORE)
def test_the_amount_test_agrees_with_the_pattern(before: str) -> None:
    assert change._amount_before(before) == bool(change._AMOUNT_BEFORE.search(before))


def test_a_stated_fall_is_still_checked() -> None:
    from audit.pipeline import audit_text

    audit = audit_text("Sales fell by more than £400 from £152,611 to £152,214 last year.")
    assert [c.status for c in audit.checks if c.rule == "absolute-change"] == ["fail"]


def _statuses(text: str) -> list[str]:
    from audit.pipeline import audit_text

    return [c.status for c in audit_text(text).checks if c.rule == "absolute-change"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb of change right before the amount, the new value before the old
        ("Unemployment fell 0.3 percentage points to 5.1% from 5.4%.", ["pass"]),
        ("Unemployment fell 0.7 percentage points to 5.1% from 5.4%.", ["fail"]),
        # "points" alone after a change between two percentages
        ("The rate fell from 3.2% to 2.9%, a drop of 0.3 points.", ["pass"]),
        ("The rate fell from 3.2% to 2.9%, a drop of 0.5 points.", ["fail"]),
        # bare old and new values, the amount naming what they count
        ("The staff shrank from 1,200 to 900, a cut of 300 jobs.", ["pass"]),
        ("The staff shrank from 1,200 to 900, a cut of 500 jobs.", ["fail"]),
        # a round value compared with a finer one shares its precision
        ("Output rose by 10,000 tonnes to 410,000 tonnes from 400,000 tonnes.", ["pass"]),
        ("Output rose by 60,000 tonnes to 410,000 tonnes from 400,000 tonnes.", ["fail"]),
        # basis points are hundredths of a percentage point
        ("Rates rose by 25 basis points to 5.25% from 5.00%.", ["pass"]),
        ("Rates rose by 75 basis points to 5.25% from 5.00%.", ["fail"]),
        # "X, up from Y", then the amount
        ("Turnout was 67%, up from 62% in 2019, a rise of five points.", ["pass"]),
        ("Turnout was 67%, up from 62% in 2019, a rise of eight points.", ["fail"]),
        ("Sales were £15m, down from £18m, a fall of £8m.", ["fail"]),
        # the amount and the new value, then the percentage after the new value
        ("Employment rose by 120,000 to 32.6 million, a rise of 0.4%.", ["pass"]),
        ("Employment rose by 120,000 to 32.6 million, a rise of 4%.", ["fail"]),
        ("Sales fell by $1.2bn to $32.6bn, down 3.5%.", ["pass"]),
        ("Sales fell by $1.2bn to $32.6bn, down 7%.", ["fail"]),
    ],
)
def test_more_ways_to_state_an_amount_of_change(text: str, expected: list[str]) -> None:
    assert _statuses(text) == expected


def test_a_percentage_after_a_price_per_unit_is_the_changes() -> None:
    """ "rose $1.20 to $54.20 a barrel, a gain of 2.3%": the unit after the new value does not part
    the percentage from it."""
    assert _statuses("Oil rose $1.20 to $54.20 a barrel, a gain of 2.3%.") == ["pass"]
    assert _statuses("Oil rose $1.20 to $54.20 a barrel, a gain of 5.3%.") == ["fail"]


@pytest.mark.parametrize(("amount", "expected"), [("£34bn", "pass"), ("£43bn", "fail")])
def test_a_change_named_back_in_the_next_sentence(amount: str, expected: str) -> None:
    """ "rise from £192bn to £226bn. The cash increase of £34bn": the change named back by its noun
    is the difference of the values the sentence before gave."""
    text = (
        "The health budget will rise from £192bn this year to £226bn in 2029, the Treasury said.\n\n"
        f"The cash increase of {amount} is the largest for any department."
    )
    assert [c.status for c in audit_text(text).checks if c.rule == "absolute-change"] == [expected]


def test_an_amount_of_other_things_is_no_change_of_the_values() -> None:
    """ "shrink to 40 aircraft from 46, and ... drop 9 routes": the routes are no fall of the fleet."""
    text = "The fleet will shrink to 40 aircraft from 46, and the carrier will drop 9 routes in winter."
    assert "fail" not in [c.status for c in audit_text(text).checks if c.rule == "absolute-change"]


@pytest.mark.parametrize(("points", "status"), [("9", "pass"), ("14.5", "fail")])
def test_a_change_named_back_sentences_later(points: str, status: str) -> None:
    """ "rose to 71 per cent from 62 per cent ... the jump of N percentage points": the change told last."""
    text = (
        "Coverage in the district rose to 71 per cent in 2024 from 62 per cent a year earlier, the "
        "department said.\n\nOf the 54,000 children due, most were reached in schools. Officials "
        f"praised the teams.\n\nThe health officer attributed the jump of {points} percentage points to "
        "catch-up rounds."
    )
    assert [c.status for c in audit_text(text).checks if c.rule == "absolute-change"] == [status]
