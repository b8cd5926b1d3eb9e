"""The number grammar: digits, scales, words, groups, vague plurals and fractions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from num2words import num2words

from audit import lexicon, numbers


def only(text: str) -> numbers.Mention:
    found = numbers.find(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("3,000", 3000, "digits"),
        ("6.4", 6.4, "digits"),
        ("$1.13bn", 1_130_000_000, "digits"),
        ("25m", 25_000_000, "digits"),
        ("10k", 10_000, "digits"),
        ("1.5 million", 1_500_000, "digits"),
        ("4 trillion", 4_000_000_000_000, "digits"),
        ("twenty-five", 25, "words"),
        ("three hundred", 300, "words"),
        ("three hundred and fifty thousand", 350_000, "words"),
        ("Two million", 2_000_000, "words"),
        ("a million", 1_000_000, "words"),
        ("a dozen", 12, "group"),
        ("dozens", 24, "vague"),
        ("tens of thousands", 20_000, "vague"),
        ("hundreds of thousands", 200_000, "vague"),
        ("two-thirds of", 2 / 3, "fraction"),
        ("a third of", 1 / 3, "fraction"),
        ("half of", 0.5, "fraction"),
        ("one in ten", 0.1, "fraction"),
        ("two thirds", 2 / 3, "fraction"),
        ("-504", -504, "digits"),
        ("10 1/2", 10.5, "digits"),
        ("two dozen", 24, "words"),
        ("3M", 3_000_000, "digits"),
        ("one-and-a-half million", 1_500_000, "words"),
        ("two and a half", 2.5, "words"),
        ("half a million", 500_000, "words"),
        ("a quarter of a million", 250_000, "words"),
        ("half a dozen", 6, "words"),
        ("three quarters of a billion", 750_000_000, "words"),
    ],
)
def test_values(text: str, value: float, kind: str) -> None:
    m = only(text)
    assert m.value == pytest.approx(value)
    assert m.kind == kind


def test_vague_plurals_are_at_least_twice_the_base() -> None:
    assert only("thousands").qualifier == "at_least"
    assert only("thousands").value == 2000


def test_an_ordinal_third_is_no_fraction() -> None:
    assert numbers.find("a third party") == []
    assert numbers.find("A third was also shot") == []


@pytest.mark.parametrize(
    "text",
    ["in the last quarter of 2004", "the second half of the year", "the third and fourth quarters of 2004"],
)
def test_a_fraction_after_an_ordinal_is_a_period(text: str) -> None:
    assert [m for m in numbers.find(text) if m.kind == "fraction"] == []


def test_the_other_half_is_still_a_share() -> None:
    assert [m.value for m in numbers.find("the other half of the money")] == [0.5]


def test_quarters_are_periods_unless_of_follows() -> None:
    assert [m.kind for m in numbers.find("the preceding three quarters")] == ["words"]
    assert [m.kind for m in numbers.find("three quarters of the votes")] == ["fraction"]


def test_a_hyphen_between_numbers_is_no_minus_sign() -> None:
    assert [m.value for m in numbers.find("200-300")] == [200, 300]


def test_a_minus_sign_stands_alone_before_its_digits() -> None:
    assert [m.value for m in numbers.find("from -5 to (\u22123")] == [-5, -3]
    assert [m.value for m in numbers.find("a 5-3 win")] == [5, 3]


def test_a_ratio_is_no_share_of_a_scale() -> None:
    assert [m.value for m in numbers.find("one in ten of a million")][:1] == [0.1]


def test_a_year_is_no_denominator() -> None:
    assert [m.value for m in numbers.find("2 in 1979")] == [2, 1979]


@pytest.mark.parametrize(("text", "step"), [("2,700", 100), ("3,000", 1000), ("6.4", 0.1), ("12", 1)])
def test_rounding_step(text: str, step: float) -> None:
    assert only(text).step == pytest.approx(step)


def test_million_step_scales() -> None:
    assert only("1.5 million").step == pytest.approx(100_000)


@given(st.integers(min_value=0, max_value=10**12))
def test_integers_with_separators_round_trip(n: int) -> None:
    assert only(f"{n:,}").value == n
    assert only(str(n)).value == n


@given(st.integers(min_value=1, max_value=999_999_999))
def test_integers_in_words_round_trip(n: int) -> None:
    words = num2words(n).replace(",", "")
    found = numbers.find(words)
    assert len(found) == 1 and found[0].value == n, (words, found)


@given(st.text(max_size=300))
def test_any_text_gives_ordered_mentions_inside_it(text: str) -> None:
    last = 0
    for m in numbers.find(text):
        assert last <= m.start < m.end <= len(text)
        last = m.end


def _groups_in(key: str) -> list[tuple[str, float]]:
    nums = lexicon.data("numbers")
    return [(word, float(nums["groups"][word]["value"])) for word in nums[key]]


@pytest.mark.parametrize(("word", "value"), _groups_in("shared_groups"))
def test_a_shared_group_of_the_lexicon_takes_a_share(word: str, value: float) -> None:
    assert only(f"half a {word}").value == pytest.approx(value / 2)


@pytest.mark.parametrize(("word", "value"), _groups_in("counted_groups"))
def test_a_counted_group_of_the_lexicon_is_counted(word: str, value: float) -> None:
    assert only(f"3 {word}s").value == pytest.approx(3 * value)
    assert only(f"four {word}").step == pytest.approx(value)


def test_a_group_that_needs_an_article_is_no_number_alone() -> None:
    assert only("a score of people").value == 20
    assert numbers.find("the final score") == []


def test_an_unshared_group_takes_no_share() -> None:
    assert [m.kind for m in numbers.find("half a couple")] == ["fraction", "group"]
