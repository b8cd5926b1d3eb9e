"""What only looks like a figure: the cheap tests that run before the identifier patterns."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from audit.extract import notfigures
from audit.extract.vocab import WORD_BEFORE

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
