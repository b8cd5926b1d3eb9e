"""restatement: the ordinal prefilter skips only sentences where the ordinal pattern finds nothing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from audit.checkers import restatement
from audit.checkers.relate import lexicon

_ORDINALS = list(lexicon()["ordinals"])
_PIECES = st.sampled_from(
    [
        *_ORDINALS,
        *(w.upper() for w in _ORDINALS),
        *(w.title() for w in _ORDINALS),
        "a ",
        "an ",
        "another ",
        "A ",
        " ",
        "x",
        "killed",
        ",",
        ".",
        "\u0131",
        "\u017f",
        "\u212a",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=10).map("".join))
def test_the_prefilter_passes_every_sentence_with_an_ordinal(text: str) -> None:
    if restatement._ORDINAL().search(text):
        assert restatement._may_hold_an_ordinal(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_the_prefilter_on_any_text(text: str) -> None:
    if restatement._ORDINAL().search(text):
        assert restatement._may_hold_an_ordinal(text)
