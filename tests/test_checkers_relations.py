"""How the checkers relate figures in real sentences: pairings they must make, and the
published-copy patterns that must not raise a false alarm."""

from __future__ import annotations

import pytest

from audit.pipeline import audit_text


def statuses(text: str, rule: str) -> list[str]:
    return [c.status for c in audit_text(text).checks if c.rule == rule]


def consistency_errors(text: str) -> list[str]:
    audit = audit_text(text)
    return [f.message for f in audit.findings if f.family == "consistency" and f.severity == "error"]


@pytest.mark.parametrize(
    ("text", "rule", "expected"),
    [
        (
            "Quarterly profits jumped 76% to $1.13bn (£600m) for the three months to December, from $639m "
            "a year earlier.",
            "percent-change",
            ["pass"],
        ),
        (
            "Quarterly profits jumped 76% to $1.13bn (£600m) for the three months to December, from $639m "
            "a year earlier.",
            "unit-conversion",
            ["pass"],
        ),
        (
            "Quarterly profits jumped 76% to $1.13bn (£300m) for the three months.",
            "unit-conversion",
            ["fail"],
        ),
        (
            "The association estimates banks have 25bn rupees ($250m; £135m) of loans outstanding.",
            "unit-conversion",
            ["pass", "pass", "pass"],
        ),
        (
            "The association estimates banks have 25bn rupees ($125m; £135m) of loans outstanding.",
            "unit-conversion",
            ["fail", "pass", "fail"],
        ),
        (
            "She witnessed the blast from a distance of about 15 meters (50 feet).",
            "unit-conversion",
            ["pass"],
        ),
        (
            "She witnessed the blast from a distance of about 15 meters (25 feet).",
            "unit-conversion",
            ["fail"],
        ),
        (
            "The jury deadlocked at 9-3, with nine in favor of the death penalty and three voting for life.",
            "restatement",
            ["pass", "pass"],
        ),
        (
            "The jury deadlocked at 9-3, with four in favor of the death penalty and three voting for life.",
            "restatement",
            ["fail", "pass"],
        ),
        (
            "A petrol bomb killed three bank workers. The three bank workers died in the fire.",
            "restatement",
            ["pass"],
        ),
        (
            "A shooting at an office killed one man.\n\nThe gunman entered the party at 4pm.\n\n"
            "Police said 3 men were shot and killed at the party.",
            "restatement",
            ["fail"],
        ),
        (
            "The quake killed five people. One man died in a landslide. Four other people died in hospital.",
            "breakdown-sum",
            ["pass"],
        ),
        (
            "The quake killed five people. One man died in a landslide. Two other people died in hospital.",
            "breakdown-sum",
            ["fail"],
        ),
        (
            "There were around 50 people with injuries. There are around 30 people seriously injured.",
            "subset",
            ["pass"],
        ),
        (
            "There were around 50 people with injuries. There are around 130 people seriously injured.",
            "subset",
            ["fail"],
        ),
        (
            "The tsunami claimed at least 150,000 lives. In Thailand, where more than 5,000 people were "
            "killed, the event went ahead.",
            "subset",
            ["pass"],
        ),
        (
            "The tsunami claimed 150,000 lives. In Thailand, where more than 500,000 people were "
            "killed, the event went ahead.",
            "subset",
            ["fail"],
        ),
        ("Sales doubled to $8m from $4m.", "percent-change", ["pass"]),
        ("Sales doubled to $612m from $410m.", "percent-change", ["fail"]),
    ],
)
def test_pairings(text: str, rule: str, expected: list[str]) -> None:
    assert statuses(text, rule) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a partitive whole is not a restatement of its part
        "Indonesia was worst affected, with 94,000 of the 140,000 confirmed deaths so far.",
        "He said 30 of the 80 wounded remained in hospital.",
        # a percent change in one clause does not take its old value from another
        "GM earned $3.7bn, down from $3.8bn in 2003, while its annual revenue rose 4.5% to $193bn.",
        # a toll that rose is an update, not a contradiction of the headline
        "Aftershocks jolt island, death toll rises to 10\n\nThe death toll rose to 10. The bodies of two "
        "more victims were found in the village.",
        # a vague plural covers a precise figure
        "Hundreds killed in stampede\n\nAt least 345 people were killed in the stampede on Monday.",
        # a score is no breakdown
        "The jury deadlocked at 9-3 after four days.",
        # a toll from another time is not this story's toll
        "The quake killed one person on Sunday.\n\nThe catastrophe four years ago killed more than "
        "230,000 people, over 170,000 of them in Aceh.",
        # figures for different events in one paragraph
        "A car bomb killed 42 people in Baghdad. In Mosul, a suicide attack killed 12 people.",
    ],
)
def test_published_patterns_raise_no_error(text: str) -> None:
    assert consistency_errors(text) == []
