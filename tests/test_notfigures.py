"""What only looks like a figure: the cheap tests that run before the identifier patterns."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.extract import notfigures, sentence_figures
from audit.extract.vocab import WORD_BEFORE, notclaims
from audit.numbers import Mention
from audit.pipeline import audit_text

BEFORE = st.text(alphabet=st.sampled_from(list("Page 12-to and or,\u2013\u00a0\n\t.'§x\u00e9")), max_size=30)


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


ENDINGS = st.text(
    alphabet=st.sampled_from(list("Radio BBC 12-to and or,\u2013\u00a0\n\t./:_'x\u00e9\u0663")), max_size=30
)


@settings(max_examples=400, deadline=None)
@given(ENDINGS)
def test_the_patterns_anchored_at_the_end_find_there_what_a_full_search_finds(before: str) -> None:
    for pattern, width in [
        (notfigures._SLASH_OR_COLON_BEFORE, 2),
        (notfigures._DOTTED_BEFORE, 2),
        (notfigures._GLUED_BEFORE, 2),
        (notfigures._PIECE_BEFORE, 2),
        (notfigures._YEAR_SPAN_BEFORE, 5),
    ]:
        found, expected = notfigures._at_end(pattern, before, width), pattern.search(before)
        assert (found and found.span()) == (expected and expected.span())
    assert notfigures._word_before(before) == _plain_word_before(before)
    if notfigures._LABEL_BEFORE.search(before):
        assert "A" <= notfigures._last_token(before)[:1] <= "Z"
    if notfigures._MONTH_DAY_THEN.search(before):
        assert before.rstrip().endswith(("and", "to", "or", "-", "\u2013"))


def _plain_word_before(before: str) -> str:
    m = WORD_BEFORE.search(before)
    return m.group(1).lower().rstrip(".") if m else ""


def _plain_digit_artifact(before: str, raw: str, after: str, m: Mention) -> bool:
    nf = notfigures
    return bool(
        nf._ORDINAL.match(after)
        or nf._SLASH_OR_COLON_AFTER.match(after)
        or nf._SLASH_OR_COLON_BEFORE.search(before)
        or nf._DOTTED_AFTER.match(after)
        or nf._DOTTED_BEFORE.search(before)
        or (nf._LETTER.match(after) and not m.suffix and not nf._unit_glued(after))
        or (
            nf._GLUED_BEFORE.search(before)
            and not nf._money_prefix(before)
            and not nf._glued_qualifier(before)
        )
        or after[:1] == "_"
        or nf._CLOCK.match(raw)
        or nf._LONG_DIGIT_RUN.fullmatch(raw)
        or (nf._DECADE.match(after) and m.value >= 1000)
        or notclaims()["time"].match(after)
    )


AROUND = st.text(alphabet=st.sampled_from(list("aps tT:/._-\n\u00a05Gm\u017f\u212a'")), max_size=8)
AROUND_WORDS = st.one_of(
    AROUND, st.sampled_from([" pm", "th ", "s ", " GMT", "km", " o'clock", "sub-", "US$"])
)


@settings(max_examples=500, deadline=None)
@given(AROUND_WORDS, st.sampled_from(["12", "0800", "1990", "12345678901", "5"]), AROUND_WORDS)
def test_the_digit_artifact_tests_give_what_every_test_gives(before: str, raw: str, after: str) -> None:
    m = Mention(0, len(raw), float(raw), "digits")
    assert notfigures._is_digit_artifact(before, raw, after, m) == _plain_digit_artifact(
        before, raw, after, m
    )


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # "number" as a verb after a plural subject or "to": the figure counts
        ("Male inmates number 4,310, while women make up the rest.", [4310.0]),
        ("The militias were thought to number about 900 fighters.", [900.0]),
        # "number" as a label stays a label
        ("Take route number 9 to the coast.", []),
        ("This is number 5 on the list.", []),
    ],
)
def test_number_as_a_verb_counts(text: str, values: list[float]) -> None:
    assert [f.value for f in sentence_figures(text)] == values


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("Operators are rolling out 5G in the capital and 4G in the provinces.", []),
        ("Each sachet holds 5g of salt.", ["5g"]),
    ],
)
def test_a_mobile_network_generation_is_no_figure(text: str, figures: list[str]) -> None:
    assert [c.text for c in audit_text(text).claims] == figures
