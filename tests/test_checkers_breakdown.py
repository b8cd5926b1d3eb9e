"""breakdown-sum: the test for a named difference skips only clauses its patterns cannot match, on
generated text and on text built from the lexicon's own difference words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.checkers import breakdown
from audit.checkers.relate import lexicon
from audit.pipeline import audit_text

_WORDS = [*lexicon()["named_differences"], *lexicon()["difference_nouns"], "between", "exports", "and"]
_PIECES = st.sampled_from(
    [
        *_WORDS,
        *(w.upper() for w in _WORDS),
        *(w.title() for w in _WORDS),
        " ",
        "  ",
        "the ",
        "x",
        ",",
        "\u0131",
    ]
)


def _patterns_match(clause: str) -> bool:
    named, between = breakdown._DIFFERENCE_PATTERNS()
    return any(p.search(clause) for p, _ in named) or bool(between.search(clause))


@settings(max_examples=600, deadline=None)
@given(st.lists(_PIECES, max_size=10).map("".join))
def test_the_difference_test_passes_every_clause_a_pattern_matches(clause: str) -> None:
    if _patterns_match(clause):
        assert breakdown._may_name_a_difference(clause)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_the_difference_test_on_any_text(clause: str) -> None:
    if _patterns_match(clause):
        assert breakdown._may_name_a_difference(clause)


def test_the_terms_of_a_named_difference_are_still_read() -> None:
    assert breakdown._difference_terms("The trade gap reached ") == (("exports",), ("imports",))
    assert breakdown._difference_terms("the gap between exports and imports was ") == (
        ("exports",),
        ("imports",),
    )
    assert breakdown._difference_terms("profits rose to ") is None
    revenue, spending = breakdown._difference_terms("The budget shortfall widened to ") or ((), ())
    assert "receipts" in revenue and "expenditure" in spending


@pytest.mark.parametrize(
    ("businesses", "status"),
    [("£296,000", "pass"), ("£196,000", "fail")],
)
def test_the_total_made_up_of_its_parts_adds_up_to_the_sum_before(businesses: str, status: str) -> None:
    """ "The total was made up of A, B and C": all of the nearest sum of that unit before."""
    text = (
        "The hospice raised £900,000 for a new wing.\n\n"
        f"The total was made up of £512,000 in donations, {businesses} from businesses and £92,000 "
        "in legacies."
    )
    assert [c.status for c in audit_text(text).checks if c.rule == "breakdown-sum"] == [status]


def test_the_rest_of_a_split_in_its_own_sentence_itemizes_no_earlier_toll() -> None:
    """ "confirmed 12 of the deaths and are checking the remaining two": the rest completes the split
    of its own sentence, so the killed figures told before it are no parts of an earlier toll."""
    text = (
        "A landslide killed at least 14 people in the valley, officials said.\n\n"
        "The first toll of nine rose through the day. Five more bodies were found by evening.\n\n"
        "Three of the dead were children.\n\n"
        "Volunteers said they had named 12 of the deaths and were checking the remaining two."
    )
    assert "fail" not in [c.status for c in audit_text(text).checks if c.rule == "breakdown-sum"]


def _counted(text: str) -> list[str]:
    return [
        c.status
        for c in audit_text(text).checks
        if c.rule == "breakdown-sum" and c.details["how"] == "as many parts as the whole names"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the whole names its parts' number; exactly that many parts of its unit follow
        (
            "Two storms dumped a combined 310mm of rain on the valley.\n\n"
            "The first brought 140mm on Monday. The second added 170mm.",
            ["pass"],
        ),
        (
            "Two storms dumped a combined 310mm of rain on the valley.\n\n"
            "The first brought 140mm on Monday. The second added 107mm.",
            ["fail"],
        ),
        # the number is named in the first part's sentence
        (
            "The trust set a £7.4m budget.\n\nIt is shared four ways: £3.1m for wards, £2.2m for clinics, "
            "£1.3m for transport and £0.8m for training.",
            ["pass"],
        ),
        # a whole after its parts that sums them up
        (
            "Marsh won 6,120 votes, the count showed.\n\nPike took 4,310.\n\n"
            "A total of 12,430 votes were cast for the two candidates.",
            ["fail"],
        ),
        # more parts of the unit than the whole names: no telling which
        (
            "Two storms dumped a combined 310mm of rain.\n\nThe first brought 140mm, the second 170mm; "
            "last year's storm brought 95mm.",
            [],
        ),
        # an item among peers of its unit is no whole
        ("The quake damaged 12 schools, 30 mosques, 2 bridges and 28 shops.", []),
        # tolls have finders of their own
        ("Five miners died in two blasts.\n\nTwo died in the first blast and two in the second.", []),
        # ages are no counts: "29" with "two sons, aged four and seven"
        ("Resident Ann Lee, 29, who lives with her two sons, aged four and seven, said she ran.", []),
    ],
)
def test_a_whole_that_names_how_many_parts_it_has(text: str, expected: list[str]) -> None:
    """A whole whose sentence names how many parts it has ("two storms", "shared four ways", "the two
    candidates") and exactly that many figures of its unit around it add up to it."""
    assert _counted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The EU listed 31 targets - 12 individuals and 19 firms - under the new rules.", ["pass"]),
        ("The EU listed 31 targets - 12 individuals and 91 firms - under the new rules.", ["fail"]),
        # people by place after a count of places is no breakdown of the places
        ("The dead were in three towns: 40 people died in Arun, 22 in Besk and 9 in Coll.", []),
    ],
)
def test_a_count_of_entities_set_out_after_a_dash_holds_people_and_things(
    text: str, expected: list[str]
) -> None:
    assert [c.status for c in audit_text(text).checks if c.rule == "breakdown-sum"] == expected


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ("Members paid £1.3m and the state paid £2.9m.", ["pass"]),
        ("Members paid £1.3m and the state paid £2.7m.", []),
        # a per-head figure is no part of the whole
        ("Each member paid about £4,100; the state paid £2.9m.", []),
    ],
)
def test_amounts_that_add_up_to_a_whole_before_them_are_shown_as_its_parts(
    parts: str, expected: list[str]
) -> None:
    """Found only because they agree, so such parts only ever show a passing check."""
    text = f"The scheme cost £4.2m last year, the report said.\n\n{parts}"
    got = [
        c.status
        for c in audit_text(text).checks
        if c.rule == "breakdown-sum" and c.details["how"] == "the parts add up"
    ]
    assert got == expected


@pytest.mark.parametrize(("guards", "expected"), [("two", "pass"), ("five", "fail")])
def test_the_dead_listed_sentences_after_the_lede_add_up_to_its_toll(guards: str, expected: str) -> None:
    text = (
        "Fifteen people were killed when gunmen stormed a hotel, police said.\n\n"
        "The siege lasted 14 hours.\n\n"
        f"The dead were nine civilians, four soldiers and {guards} guards."
    )
    got = [c.status for c in audit_text(text).checks if c.rule == "breakdown-sum"]
    assert got == [expected]


@pytest.mark.parametrize(("before", "expected"), [("51", "pass"), ("50", "fail")])
def test_a_toll_risen_after_more_is_the_toll_before_plus_them(before: str, expected: str) -> None:
    """ "rose to 57 after six more died ... had put the number of dead at 51": 51 + 6 = 57."""
    text = (
        "The death toll from the bombing rose to 57 on Saturday after six more injured people died.\n\n"
        f"On Friday, officials had put the number of dead at {before}."
    )
    got = [c.status for c in audit_text(text).checks if c.rule == "breakdown-sum"]
    assert got == [expected]


@pytest.mark.parametrize(("rest", "expected"), [("36", "pass"), ("30", "fail")])
def test_a_part_and_its_rest_add_up_to_the_group_counted_before(rest: str, expected: str) -> None:
    text = (
        "Gunmen abducted 47 pupils from the school on Thursday, police said.\n\n"
        f"Troops have so far rescued 11 of the pupils. The remaining {rest} pupils are still held."
    )
    got = [c.status for c in audit_text(text).checks if c.rule == "breakdown-sum"]
    assert got == [expected]
