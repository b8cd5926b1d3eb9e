"""Rounding and qualifiers as intervals: what a stated figure allows."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from audit.checkers.bounds import Interval, beside, derived_step, fmt, interval, point, step
from audit.model import Claim


def claim(
    text: str,
    value: float,
    qualifier: str = "exact",
    kind: str = "count",
    step_: float | None = None,
    low: float | None = None,
    high: float | None = None,
) -> Claim:
    return Claim("c1", text, 0, len(text), 1, 1, value, low if low is not None else value,
                 high if high is not None else value, qualifier, None, "other",  # type: ignore[arg-type]
                 number_start=0, number_end=len(text), kind=kind, step=step_)  # fmt: skip


def test_derived_steps() -> None:
    assert derived_step("2,700", 2700) == 100
    assert derived_step("3,000", 3000) == 1000
    assert derived_step("76", 76) == 1
    assert math.isclose(derived_step("1.13bn", 1.13e9), 1e7)
    assert math.isclose(derived_step("1.5 million", 1.5e6), 1e5)
    assert derived_step("$10bn", 1e10) == 1e9
    assert derived_step("five", 5) == 1


def test_a_scaled_figure_is_given_to_within_five_percent() -> None:
    """ "$1bn" is about a billion, not anything from half a billion to one and a half: a writer with
    $1.3bn to report writes "$1.3bn". A figure whose own digits are finer keeps them."""
    lo, hi = interval(claim("$1bn", 1e9, kind="money")).to_json()
    assert math.isclose(lo, 0.95e9) and math.isclose(hi, 1.05e9)
    lo, hi = interval(claim("$25bn", 25e9, kind="money")).to_json()
    assert math.isclose(lo, 24.5e9) and math.isclose(hi, 25.5e9)
    lo, hi = interval(claim("$1.13bn", 1.13e9, kind="money")).to_json()
    assert math.isclose(lo, 1.125e9) and math.isclose(hi, 1.135e9)


def test_rounded_figures_cover_their_rounding() -> None:
    assert interval(claim("2,700", 2700, step_=100)) == Interval(2650, 2750)
    lo, hi = interval(claim("1.5 million", 1.5e6, kind="bare", step_=1e5)).to_json()
    assert math.isclose(lo or 0, 1.45e6) and math.isclose(hi or 0, 1.55e6)


def test_small_whole_counts_are_exact_and_scaled_figures_round_at_most_to_their_scale() -> None:
    assert step(claim("30", 30, step_=10)) == 0
    assert step(claim("214", 214, step_=1)) == 0
    assert step(claim("$10bn", 1e10, kind="money", step_=1e10)) == 1e9
    assert step(claim("76%", 76, kind="percent", step_=1)) == 1


def test_qualifiers_widen() -> None:
    assert interval(claim("at least 3,000", 3000, "at_least", step_=1000)) == Interval(2500, math.inf)
    assert interval(claim("up to 100", 100, "at_most", step_=100)) == Interval(0, 150)
    assert interval(claim("about 50", 50, "approx", step_=10)) == Interval(45, 55)
    assert interval(claim("200-300", 250, "range", step_=100, low=200, high=300)) == Interval(150, 350)
    assert point(claim("at least 5", 5, "at_least")) == Interval(5, 5)


def test_show_and_fmt() -> None:
    assert fmt(3000) == "3,000" and fmt(1.13e9) == "1.13bn" and fmt(math.inf) == "unbounded"
    assert fmt(10827.12) == "10,827.12" and fmt(6209.6) == "6,209.6"  # no exponent in a message
    assert Interval(2500, math.inf).show() == ">= 2,500"


@given(st.integers(100, 10**7), st.integers(1, 3))
def test_a_number_rounded_to_n_figures_lies_in_its_interval(n: int, figures: int) -> None:
    rounded = round(n, figures - len(str(n)))
    if rounded == 0:
        return
    written = f"{rounded:,}"
    c = claim(written, rounded, step_=derived_step(written, rounded))
    assert interval(c).contains(n), (n, written, interval(c))


def test_a_percentage_is_rounded_at_most_to_the_whole_percent() -> None:
    assert step(claim("100%", 100, kind="percent", step_=100)) == 1
    assert step(claim("20%", 20, kind="percent")) == 1
    assert (
        point(claim("100%", 100, kind="percent", step_=100)).hi < point(claim("200%", 200, kind="percent")).lo
    )
    assert step(claim("7.5%", 7.5, kind="percent")) == 0.1


def test_a_round_figure_is_read_as_finely_as_its_partner() -> None:
    """ "1,100 of the 2,000 pupils": the whole is 1,950-2,050 beside a part given to the hundred; beside a
    part as round as itself, or when it says "about", it keeps its own rounding."""
    whole = claim("2,000", 2000)
    assert beside(whole, claim("1,100", 1100)) == Interval(1950, 2050)
    assert beside(whole, claim("1,137", 1137)) == Interval(1999.5, 2000.5)
    assert beside(whole, claim("1,000", 1000)) == interval(whole)
    about = claim("about 2,000", 2000, qualifier="approx")
    assert beside(about, claim("1,137", 1137)) == interval(about)


@given(
    st.integers(min_value=1, max_value=99).map(lambda n: n * 1000),
    st.integers(min_value=100, max_value=99_999),
)
def test_beside_never_widens_a_figure(whole_value: int, partner_value: int) -> None:
    whole = claim(f"{whole_value:,}", whole_value)
    partner = claim(f"{partner_value:,}", partner_value)
    near, own = beside(whole, partner), interval(whole)
    assert own.lo <= near.lo and near.hi <= own.hi and near.contains(whole_value)


def test_a_whole_sum_under_100_is_given_to_the_unit() -> None:
    """ "£50" is a price to the pound, not anything from £45 to £55, whatever step the extractor set;
    "£50m" keeps its scale's rounding."""
    price = claim("£50", 50, kind="money", step_=10.0)
    assert interval(price) == Interval(49.5, 50.5)
    assert step(claim("£50m", 50e6, kind="money", step_=1e6)) == 1e6
