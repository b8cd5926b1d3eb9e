"""relate: the end-of-text tests that spare pattern searches skip only texts the patterns cannot match,
on generated text and on text built from the lexicon's own cue words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from audit.checkers import relate
from audit.checkers.relate import THE_REST_BEFORE, cue_pattern, lexicon, may_end_with
from audit.checkers.restatement import _MEASURE_OF
from audit.checkers.subset import _GROUP_DETERMINERS, _OPENS_GROUP, _OTHER_OR_REMAINING

_END_LISTS = ("to_words", "from_words", "anaphora", "complement_words", "part_of_group_words")
_WORDS = [str(w) for name in _END_LISTS for w in lexicon()[name]]
_PIECES = st.sampled_from(
    [
        *_WORDS,
        *(w.upper() for w in _WORDS),
        *(w.title() for w in _WORDS),
        "the",
        "of",
        "among",
        "other",
        "remaining",
        "turnout rate",
        " ",
        "  ",
        "\n",
        ",",
        ".",
        "(",
        "$",
        "\u00a3",
        "-",
        "x",
        "5",
        "_",
        "\u0131",
        "\u017f",
        "\u212a",
        "\u00e9",
    ]
)
_TEXT = st.lists(_PIECES, max_size=8).map("".join)


@settings(max_examples=600, deadline=None)
@given(_TEXT, st.sampled_from(_END_LISTS))
def test_ends_with_cue_is_the_patterns_answer(text: str, name: str) -> None:
    assert relate.ends_with_cue(text, name) == bool(cue_pattern(name, "end").search(text))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.sampled_from(_END_LISTS))
def test_ends_with_cue_on_any_text(text: str, name: str) -> None:
    assert relate.ends_with_cue(text, name) == bool(cue_pattern(name, "end").search(text))


def _end_tests_hold(text: str) -> None:
    for pattern, words in (
        (THE_REST_BEFORE, _OTHER_OR_REMAINING),
        (_OPENS_GROUP, _GROUP_DETERMINERS),
        (_MEASURE_OF, ("of",)),
    ):
        if pattern.search(text):
            assert may_end_with(text, words)


@settings(max_examples=600, deadline=None)
@given(_TEXT)
def test_the_end_tests_pass_every_text_their_patterns_match(text: str) -> None:
    _end_tests_hold(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_the_end_tests_on_any_text(text: str) -> None:
    _end_tests_hold(text)


def test_the_end_tests_on_the_phrases_they_read() -> None:
    assert may_end_with("shot the other ", _OTHER_OR_REMAINING) and THE_REST_BEFORE.search("shot the other ")
    assert may_end_with("Of the ", _GROUP_DETERMINERS) and _OPENS_GROUP.search("Of the ")
    assert may_end_with("a turnout rate of $ ", ("of",)) and _MEASURE_OF.search("a turnout rate of $ ")
    assert not may_end_with("killed ", ("of",))
    assert may_end_with("remaın\u0131ng ", _OTHER_OR_REMAINING)  # not ASCII: left to the pattern
