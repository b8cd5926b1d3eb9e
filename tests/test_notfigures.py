"""What only looks like a figure: the cheap tests that run before the identifier patterns."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from audit.extract import notfigures
from audit.extract.vocab import WORD_BEFORE

BEFORE = st.text(alphabet=st.sampled_from(list("Page 12-to and or,\u2013\u00a0\n.'§x")), max_size=30)


@settings(max_examples=400, deadline=None)
@given(BEFORE)
def test_a_numbered_pair_is_looked_for_only_after_a_joining_word_or_sign(before: str) -> None:
    if notfigures._IDENTIFIER_PAIR_BEFORE.search(before):
        assert before.rstrip().endswith(notfigures._PAIR_JOINS)


@settings(max_examples=400, deadline=None)
@given(BEFORE)
def test_the_word_before_a_figure_is_the_pattern_s_word_lower_cased_without_a_final_dot(before: str) -> None:
    m = WORD_BEFORE.search(before)
    assert notfigures._word_before(before) == (m.group(1).lower().rstrip(".") if m else "")


def test_flight_numbers_and_dates_still_read_the_word_before() -> None:
    from audit.numbers import find

    text = "Flight 370 vanished on March 8 with 239 people aboard."
    kept = [text[m.start : m.end] for m in find(text) if notfigures.is_figure(text, m)]
    assert kept == ["239"]


def test_pc_glued_to_a_figure_is_a_percentage() -> None:
    """British copy writes "rose 3pc"; "sales rose 3pc to 4.7m" then counts millions, not metres."""
    from audit.extract import sentence_figures

    assert [(f.value, f.unit) for f in sentence_figures("The index fell 0.5pc.")] == [(0.5, "percent")]
    found = sentence_figures("Sales rose 3pc to 4.7m.")
    assert [(f.value, f.unit) for f in found] == [(3.0, "percent"), (4_700_000.0, None)]


def test_a_scale_joined_to_its_reading_is_a_figure_and_a_model_name_is_not() -> None:
    from audit.numbers import find

    text = "A magnitude-5.8 quake and a force-8 gale hit the coast where an F-16 and an Su-25 flew."
    kept = [text[m.start : m.end] for m in find(text) if notfigures.is_figure(text, m)]
    assert kept == ["5.8", "8"]


def test_a_clock_time_written_with_spaced_initials_is_no_figure() -> None:
    from audit.numbers import find

    text = "Shots rang out at about 10 a. m. and again after 4 p. m., when 12 people fled."
    kept = [text[m.start : m.end] for m in find(text) if notfigures.is_figure(text, m)]
    assert kept == ["12"]


def test_a_year_like_number_as_money_is_a_figure_and_a_year_s_dollars_are_not() -> None:
    from audit.numbers import find

    text = "She paid $1999 and he paid 2000 dollars, about $5bn in 2010 dollars, in 2004."
    kept = [text[m.start : m.end] for m in find(text) if notfigures.is_figure(text, m)]
    assert kept == ["1999", "2000", "5bn"]
