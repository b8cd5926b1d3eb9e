"""The fast indented JSON writer gives exactly the standard library's text."""

from __future__ import annotations

import json
from enum import IntEnum

from hypothesis import given, settings
from hypothesis import strategies as st

from audit.render import indented

SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(VALUES)
def test_the_text_is_json_dumps_with_an_indent_of_two(value: object) -> None:
    assert indented.dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


class Level(IntEnum):
    LOW = 1


def test_values_it_does_not_know_are_left_to_json_dumps() -> None:
    for value in ({1: "a", "b": [2.5, None]}, [Level.LOW, "é\u2028"], {"nested": {"x": float("nan")}}):
        assert indented.dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)
