"""percent-change: the word-set readings of a figure's direction and of a multiplier find exactly what
the plain pattern searches find, on generated text and on text built from the lexicon's own words."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.checkers import percent
from audit.checkers.relate import cue_pattern, lexicon
from audit.pipeline import audit_text


def _plain_direction(before: str, after: str) -> int:
    """The direction as first written: each cue list's pattern searched over the last four words."""
    words = re.findall(r"[A-Za-z-]+", before)[-4:]
    tail = " ".join(words)
    for name, sign in (("increase_words", 1), ("decrease_words", -1)):
        if cue_pattern(name).search(tail) or re.match(rf"^\s*(?:{cue_pattern(name).pattern})", after, re.I):
            return sign
    return 0


def _plain_multiplier(sentence: str) -> float | None:
    factors: dict[str, float] = lexicon()["multiplier_words"]
    present = {" ".join(m.group(0).lower().split()) for m in percent._multiplier_words().finditer(sentence)}
    return next((float(f) for word, f in factors.items() if word.lower() in present), None)


_CUES = [*lexicon()["increase_words"], *lexicon()["decrease_words"], *lexicon()["multiplier_words"]]
_PIECES = st.sampled_from(
    [
        *_CUES,
        *(w.upper() for w in _CUES),
        *(w.title() for w in _CUES),
        "x",
        "-",
        " ",
        "  ",
        "\n",
        "5%",
        "$3",
        "by",
        "to",
        "ex",
        "s",
        "ing",
        "\u017f",
        "\u212a",
        "\u0131",
        "\u00e9",
        ",",
        ".",
    ]
)
_TEXT = st.lists(_PIECES, max_size=10).map("".join)


@settings(max_examples=500, deadline=None)
@given(_TEXT, _TEXT)
def test_direction_by_word_sets_is_the_patterns_direction(before: str, after: str) -> None:
    assert percent.direction_of(before, after) == _plain_direction(before, after)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.text(max_size=30))
def test_direction_on_any_text(before: str, after: str) -> None:
    assert percent.direction_of(before, after) == _plain_direction(before, after)


@settings(max_examples=500, deadline=None)
@given(_TEXT)
def test_multiplier_prefilter_skips_only_sentences_without_one(sentence: str) -> None:
    assert percent._multiplier(sentence) == _plain_multiplier(sentence)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_multiplier_on_any_text(sentence: str) -> None:
    assert percent._multiplier(sentence) == _plain_multiplier(sentence)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Of the 4,120 cases, 212 have been fatal, a death rate of about 5%.", ["pass"]),
        ("Of the 4,120 cases, 212 have been fatal, a death rate of about 9%.", ["fail"]),
        ("There have been 4,120 cases and 212 deaths, a fatality rate of 5.1%.", ["pass"]),
        ("There have been 4,120 cases and 212 deaths, a fatality rate of 8.1%.", ["fail"]),
        (
            "Officials have recorded 4,120 cases. Of those, 212 were fatal, a death rate of about 9%.",
            ["fail"],
        ),
        ("The clinic saw 300 patients, a rate of 12% above last year.", []),
    ],
)
def test_a_rate_beside_a_part_is_its_share_of_the_whole(text: str, expected: list[str]) -> None:
    """ "212 were fatal, a death rate of 5%": the rate is the part's share of the whole its clause
    opens on ("Of the 4,120 cases"), of the count joined to it by "and" ("4,120 cases and 212
    deaths"), or of the group "Of those" points at in the sentence before."""
    from audit.pipeline import audit_text

    assert [c.status for c in audit_text(text).checks if c.rule == "percent-of"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales grew by a fifth to £1.2bn from £1bn.", ["pass"]),
        ("Sales fell by a third to £500m from £1bn.", ["fail"]),
        ("Pre-tax profits rose 30% to £48m (£40m last year).", ["fail"]),
        ("Pre-tax profits rose 20% to £48m (£40m last year).", ["pass"]),
        ("Pre-tax profit was £48m, against £40m in 2003, up 30%.", ["fail"]),
        ("The pound rose 2% against the dollar to $1.90.", []),
    ],
)
def test_more_ways_a_change_names_its_values(text: str, expected: list[str]) -> None:
    """A change as a fraction word ("by a fifth"), the old value in brackets with its year, and "X,
    against Y, up P%" are recomputed like "rose P% to X from Y"."""
    from audit.pipeline import audit_text

    assert [c.status for c in audit_text(text).checks if c.rule == "percent-change"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Of the 650 seats, the party won 326, or 50.2%.", ["pass"]),
        ("Of the 650 seats, the party won 326, or 60.2%.", ["fail"]),
        ("The party won 326 seats out of 650 (60.2%).", ["fail"]),
        ("Some 1.2 million of the country's 4 million children, or 40%, are poor.", ["fail"]),
        ("Exports to China were worth $40bn, accounting for 20% of the total $200bn.", ["pass"]),
        ("Exports to China were worth $40bn, accounting for 30% of the total $200bn.", ["fail"]),
        ("The 35 seats won by the party amount to 22% of the 290 in parliament.", ["fail"]),
        ("The company has 5,000 employees. About 750 of them, 25%, work abroad.", ["fail"]),
        ("The firm employs 5,000 people, 25% of them abroad, or about 750.", ["fail"]),
        ("Sales of $40bn rose 20% of which $5bn came from China.", []),
    ],
)
def test_more_ways_a_share_names_its_part_and_whole(text: str, expected: list[str]) -> None:
    """A share linked to its part by "or", a bracket or a verb of making up ("accounting for",
    "amount to") and to a whole after "of the total"; "N seats out of M (P%)"; "Of the 650 seats, the
    party won 326, or P%"; "750 of them, P%," set apart by commas; "P% of them ..., or N"."""
    from audit.pipeline import audit_text

    assert [c.status for c in audit_text(text).checks if c.rule == "percent-of"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The storm destroyed 3,100 of the 12,400 homes in the district, or about 25%.", ["pass"]),
        ("The storm destroyed 3,100 of the 12,400 homes in the district, or about 52%.", ["fail"]),
        (
            "The camp hosts 64,000 refugees. Of these, 48,000, or 75 per cent, are women and children.",
            ["pass"],
        ),
        (
            "The camp hosts 64,000 refugees. Of these, 48,000, or 57 per cent, are women and children.",
            ["fail"],
        ),
    ],
)
def test_a_share_after_a_longer_whole_or_of_the_group_before(text: str, expected: list[str]) -> None:
    """ "3,100 of the 12,400 homes in the district, or about 25%": the whole's noun phrase may run on
    before the share; "Of these, 48,000, or 75 per cent": the whole is the group the sentence opens on."""
    from audit.pipeline import audit_text

    assert [c.status for c in audit_text(text).checks if c.rule == "percent-of"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the old value's own period between it and the change
        ("Police made 930 arrests, up from 700 at the same point last year, an increase of 33%.", "pass"),
        ("Police made 930 arrests, up from 700 at the same point last year, an increase of 43%.", "fail"),
        # the old value after the change's noun: "on last year's", "over the estimate of"
        ("Parks will get $52.8 million, a 10 per cent increase on last year's $48 million.", "pass"),
        ("Parks get $52.8 million, an increase of 20% over the revised estimate of $48 million.", "fail"),
    ],
)
def test_a_change_measured_on_an_old_value_named_after_it(text: str, expected: str) -> None:
    from audit.pipeline import audit_text

    assert [c.status for c in audit_text(text).checks if c.rule == "percent-change"] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the rate after a part whose whole opens the clause, past figures of other things
        ("Of the town's 9,000 adults, 6,300 have had two jabs, a coverage rate of 70 per cent.", "pass"),
        ("Of the town's 9,000 adults, 6,300 have had two jabs, a coverage rate of 79 per cent.", "fail"),
        # "Of those," opens on the group the sentence before counted
        ("The clinic saw 2,400 patients.\n\nOf those, 1,800 were seen in four hours, or 75%.", "pass"),
        ("The clinic saw 2,400 patients.\n\nOf those, 1,800 were seen in four hours, or 57%.", "fail"),
    ],
)
def test_a_share_of_a_whole_the_clause_opens_on(text: str, expected: str) -> None:
    from audit.pipeline import audit_text

    assert [c.status for c in audit_text(text).checks if c.rule == "percent-of"] == [expected]


@pytest.mark.parametrize(("rise", "expected"), [("21%", "pass"), ("31%", "fail")])
def test_a_ledes_change_with_its_values_to_and_from_in_the_next_sentence(rise: str, expected: str) -> None:
    from audit.pipeline import audit_text

    text = (
        f"Harrow Foods reported a {rise} rise in annual pre-tax profit on Thursday.\n\n"
        "Pre-tax profit for the year climbed to £86.4m from £71.2m a year earlier."
    )
    assert [c.status for c in audit_text(text).checks if c.rule == "percent-change"] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fair drew 84,000 visitors, up 17 per cent on the 72,000 who came last year.", "pass"),
        ("The fair drew 84,000 visitors, up 23 per cent on the 72,000 who came last year.", "fail"),
        # the new value is within ten times the old: "one" is no new value of 306,300
        ("A total of 312,450 students sat at least one exam, up 2% on last year's 306,300.", "pass"),
    ],
)
def test_up_by_a_percentage_on_an_old_value(text: str, expected: str) -> None:
    from audit.pipeline import audit_text

    assert [c.status for c in audit_text(text).checks if c.rule == "percent-change"] == [expected]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # a change named back ("The 4.2% increase") takes the change told last, whatever its words
        (
            "The port handled 2.48 million containers last year, up from 2.38 million the year before. "
            "Transshipment cargo made up most of the volume.\n\nThe 4.2% increase came from new routes.",
            "pass",
        ),
        (
            "The port handled 2.48 million containers last year, up from 2.38 million the year before. "
            "Transshipment cargo made up most of the volume.\n\nThe 2.4% increase came from new routes.",
            "fail",
        ),
        # "hike" is a rise
        ("Bus fares will go up from £2.00 to £2.30. The 15% hike takes effect in May.", "pass"),
        # a lede's change and the values given later in a clause that names its measure
        (
            "Retail sales fell 12.5 per cent in the half year, the company said.\n\n"
            "It blamed the weather. Shares slipped in early trading.\n\n"
            "Total sales were $280 million, down from $320 million a year earlier.",
            "pass",
        ),
        (
            "Retail sales fell 17.5 per cent in the half year, the company said.\n\n"
            "It blamed the weather. Shares slipped in early trading.\n\n"
            "Total sales were $280 million, down from $320 million a year earlier.",
            "fail",
        ),
    ],
)
def test_changes_named_back_or_told_later(text: str, status: str) -> None:
    assert [c.status for c in audit_text(text).checks if c.rule == "percent-change"] == [status]
