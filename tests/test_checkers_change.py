"""absolute-change: the cheap test of the text before a figure skips nothing the amount pattern matches."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from audit.checkers import change

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
