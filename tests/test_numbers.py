"""The number grammar: digits, scales, words, groups, vague plurals and fractions."""

from __future__ import annotations

import math

import pytest
from hypothesis import example, given, settings
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


# --- number formats from outside US and UK copy, signs, powers of ten, periods --------------------


def _indian(n: int) -> str:
    """n grouped the Indian way: the last three digits, then pairs ("3,00,000")."""
    digits = str(n)
    head, tail = digits[:-3], digits[-3:]
    pairs = []
    while len(head) > 2:
        head, pairs = head[:-2], [head[-2:], *pairs]
    return ",".join([p for p in [head, *pairs] if p] + [tail])


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3,00,000", 300_000),
        ("1,00,00,000", 10_000_000),
        ("12,34,567.89", 1_234_567.89),
        ("2 crore", 20_000_000),
        ("5 lakh", 500_000),
        ("4 lakhs", 400_000),
        ("300 cr", 3_000_000_000),
        ("three crores", 30_000_000),
    ],
)
def test_indian_grouping_and_scales(text: str, value: float) -> None:
    assert only(text).value == pytest.approx(value)


@given(st.integers(min_value=100_000, max_value=10**12))
def test_indian_grouped_integers_round_trip(n: int) -> None:
    assert only(_indian(n)).value == n


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u2009", "\u202f"])
@given(n=st.integers(min_value=1000, max_value=10**12))
def test_space_grouped_integers_round_trip(space: str, n: int) -> None:
    assert only(f"{n:,}".replace(",", space)).value == n


def test_digits_grouped_by_a_space_after_a_month_are_a_day_and_a_count() -> None:
    assert [m.value for m in numbers.find("On May 3 500 people marched")] == [3, 500]


@given(st.integers(min_value=1000, max_value=10**9), st.sampled_from([",", " ", "\u202f"]))
def test_no_piece_of_a_grouped_number_reads_as_zero(n: int, sep: str) -> None:
    assert all(m.value != 0 for m in numbers.find(f"They sent {n:,} tents".replace(",", sep)))


@pytest.mark.parametrize(
    ("text", "value"),
    [(".08", 0.08), ("($.50)", 0.5), ("-.5", -0.5)],
)
def test_leading_dot_decimals(text: str, value: float) -> None:
    assert only(text).value == pytest.approx(value)


def test_a_dot_after_a_word_or_number_starts_no_decimal() -> None:
    assert [m.value for m in numbers.find("No.5 and 1.2.3")] == [5, 1.2, 3]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2.998\u00d710\u22128", 2.998e-8),
        ("3.2 x 10^6", 3.2e6),
        ("6.02 \u00d7 10\u00b2\u00b3", 6.02e23),
        ("1.3e6", 1.3e6),
        ("12.32e+14", 1.232e15),
        ("-12e-1", -1.2),
    ],
)
def test_scientific_notation(text: str, value: float) -> None:
    assert only(text).value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [("minus 40", -40), ("Minus five", -5), ("negative 1,200", -1200), ("$-5.2bn", -5.2e9), ("-3.5", -3.5)],
)
def test_signs(text: str, value: float) -> None:
    assert [m.value for m in numbers.find(text)] == [pytest.approx(value)]


def test_a_negative_test_result_is_no_sign() -> None:
    assert [m.value for m in numbers.find("she tested negative 3 times")] == [3]


@pytest.mark.parametrize(
    ("text", "years", "qualifier"),
    [
        ("for a decade", 10, None),
        ("over the next decade", 10, None),
        ("a decade-long war", 10, None),
        ("decades of conflict", 20, "at_least"),
        ("a century ago", 100, None),
        ("centuries of trade", 200, "at_least"),
    ],
)
def test_a_period_noun_is_a_number_of_years(text: str, years: float, qualifier: str | None) -> None:
    m = only(text)
    assert (m.value, m.unit, m.qualifier) == (years, "year", qualifier)


@pytest.mark.parametrize(
    "text", ["the first recession of the decade", "a 21st-century city", "this century", "the 1990s decade"]
)
def test_a_period_noun_naming_a_period_is_no_number(text: str) -> None:
    assert [m for m in numbers.find(text) if m.unit == "year"] == []


def test_a_period_noun_after_a_number_is_left_to_the_unit_stage() -> None:
    assert [(m.value, m.unit) for m in numbers.find("two decades")] == [(2, None)]


# Text made of what a number is written with and what stands around one: digits, dots, commas,
# the four grouping spaces, letters and a minus sign.
_NUMBERISH = st.text(alphabet="0123456789.,-  \u00a0\u2009\u202fabx\n", max_size=40)


@given(_NUMBERISH)
def test_digit_lookahead_changes_no_match(text: str) -> None:
    """The digit pattern's leading lookahead ("a reading starts with a digit or a dot") only skips
    positions: every match is the one the bare alternation finds, from any starting position."""
    import re

    lookahead = r"(?=[\d.])"
    assert numbers._DIGITS.pattern.startswith(lookahead)
    bare = re.compile(numbers._DIGITS.pattern.removeprefix(lookahead))
    for pos in range(len(text) + 1):
        fast, slow = numbers._DIGITS.search(text, pos), bare.search(text, pos)
        assert (fast and fast.span()) == (slow and slow.span())


@pytest.mark.parametrize(
    ("written", "scale"),
    [
        ("seven million", 1e6),
        ("3bn", 1e9),
        ("2.5 billion", 1e9),
        ("three hundred", 100),
        ("50,000", 1),
        ("six", 1),
    ],
)
def test_the_scale_a_number_ends_on(written: str, scale: float) -> None:
    assert numbers.scale_of(written) == scale


@given(st.sampled_from(sorted(lexicon.data("numbers")["scale_suffixes"])), st.integers(1, 999))
def test_every_scale_suffix_of_the_lexicon_scales_the_digits_it_is_glued_to(suffix: str, n: int) -> None:
    factor = lexicon.data("numbers")["scale_suffixes"][suffix]
    (mention,) = numbers.find(f"a total of {n}{suffix} was paid")
    assert mention.value == n * factor


def test_a_capital_t_glued_after_a_currency_sign_is_trillions_and_alone_is_not() -> None:
    assert [m.value for m in numbers.find("a $1.9T bill")] == [1.9e12]
    assert [m.value for m in numbers.find("a 5T truck")] == [5]


# --- the word tests of find: a reader they skip would have found nothing -----------------------------

_NUMBER_WORDS = sorted(
    {
        *lexicon.data("numbers")["units"],
        *lexicon.data("numbers")["scales"],
        *lexicon.data("numbers")["groups"],
        *lexicon.data("numbers")["vague_plurals"],
        *lexicon.data("numbers")["fractions"],
        "in",
        "out of",
        "a",
        "minus",
        "negative",
        "decade",
        "and a half",
        "dozens",
    }
)
NUMBER_TEXTS = st.lists(
    st.one_of(
        st.sampled_from(_NUMBER_WORDS),
        st.sampled_from(["12", "3,000", "1/2", "\u0663", "Two", "TEN", "\u017fix", "\u0131n", ",", "-", "_"]),
        st.text(alphabet="aeinost\u017f\u0131 -\n1", max_size=5),
    ),
    max_size=10,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(NUMBER_TEXTS)
@example("5million people, x_two, \u00e9two and two\u00e9")
@example("tens  of\nthousands fled; one-third stayed")
@example("1 in 5 and one in ten")
@example("\u017feven in ten")
def test_a_reader_that_find_skips_finds_nothing(text: str) -> None:
    low = text.lower()
    digits, words, vague, fractions = numbers._readers(text, low)
    if not digits:
        assert numbers._digit_mentions(text) == []
    if not words:
        assert numbers._word_mentions(text, low) == []
    if not vague:
        assert numbers._vague_mentions(text, low) == []
    if not fractions:
        assert numbers._fraction_mentions(text, low) == []
        assert not numbers._FRACTION.search(text)
    keys = numbers._reader_keys()
    if numbers._MINUS_WORD.search(text):
        assert lexicon.may_end_with(text, keys["minus"])
    found = numbers._digit_mentions(text) + numbers._word_mentions(text, low)
    folded = lexicon.folds(text)
    if not numbers._holds(low, "dozen", folded):
        assert numbers._dozens(text, found) == []
    if not numbers._holds(low, "half", folded):
        assert numbers._and_a_half(text, found) == []
    if not numbers._holds(low, "sign", folded):
        assert numbers._negated(text, found) == found


@settings(max_examples=300, deadline=None)
@given(NUMBER_TEXTS.filter(lambda text: not lexicon.folds(text)))
def test_text_whose_letters_do_not_fold_is_read_lower_cased_as_written(text: str) -> None:
    low = text.lower()
    found = [(m.span(), m.groups()) for m in numbers._FRACTION_IN_LOWER.finditer(low)]
    assert found == [
        (m.span(), tuple(g and g.lower() for g in m.groups())) for m in numbers._FRACTION.finditer(text)
    ]
    words = [(m.span(), m.group(0)) for m in numbers._WORD_IN_LOWER.finditer(low)]
    assert words == [(m.span(), m.group(0).lower()) for m in numbers._WORD.finditer(text)]


@given(st.text(alphabet="ab 12\u0663\u00e9.", max_size=12))
def test_a_digit_is_found_as_the_pattern_finds_one(text: str) -> None:
    assert numbers._has_digit(text) == bool(numbers._DIGIT.search(text))


@given(st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-(10**15), 10**15)))
def test_clean_gives_what_twelve_significant_digits_give(x: float) -> None:
    expected = x if x == 0 or not math.isfinite(x) else float(f"{x:.12g}")
    found = numbers._clean(x)
    assert (found == expected or (math.isnan(found) and math.isnan(expected))) and type(found) is type(
        expected
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Sales grew by a fifth last year.", 0.2),
        ("Agents had a third more homes on their books.", 1 / 3),
        ("A minority larger than a third can block the bill.", 1 / 3),
        ("Nearly a third were children.", 1 / 3),
        ("Two were killed and a third was wounded.", None),
    ],
)
def test_a_fraction_word_is_a_share_by_its_context(text: str, value: float | None) -> None:
    """ "by a fifth", "a third more", "larger than a third", "nearly a third": a share without "of";
    "a third was wounded" stays an ordinal."""
    fractions = [m.value for m in numbers.find(text) if m.kind == "fraction"]
    assert fractions == ([] if value is None else [pytest.approx(value)])
