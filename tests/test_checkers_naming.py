"""naming: the keys a figure is named by, which pair two figures by meaning."""

from __future__ import annotations

import pytest

from audit.checkers import naming
from audit.checkers.relate import lexicon
from audit.pipeline import audit_text


@pytest.mark.parametrize("group", lexicon()["group_synonyms"] + lexicon()["verb_synonyms"])
def test_every_word_of_a_synonym_set_shares_one_key(group: list[str]) -> None:
    assert len({naming.key(word) for word in group}) == 1


@pytest.mark.parametrize(
    ("a", "b"), [("cancelled", "cancellations"), ("rescued", "rescue"), ("Schools", "schools")]
)
def test_a_verb_and_its_noun_share_a_key(a: str, b: str) -> None:
    assert naming.key(a) == naming.key(b)


@pytest.mark.parametrize(
    ("words", "noun"),
    [
        (["secondary", "schools"], ["schools"]),
        (["job", "losses", "will"], ["job losses"]),
        (["crew"], ["crew"]),
        (["left", "behind"], []),
    ],
)
def test_the_noun_among_the_words_after_a_figure(words: list[str], noun: list[str]) -> None:
    assert naming.noun_words(words) == noun


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # a fine named back as a penalty
        ("A haulier was fined £2.3 million over the crash.\n\nThe £3.2 million penalty is a record.", "fail"),
        ("A haulier was fined £2.3 million over the crash.\n\nThe £2.3 million penalty is a record.", "pass"),
        # a rate named back by the head of its noun, over a preposition after it
        (
            "The council will impose a 10% water cut across the city from Monday.\n\n"
            "The 15 per cent cut will not apply to hospitals.",
            "fail",
        ),
        (
            "The council will impose a 10% water cut across the city from Monday.\n\n"
            "The 10 per cent cut will not apply to hospitals.",
            "pass",
        ),
    ],
)
def test_fines_and_rates_named_back(text: str, status: str) -> None:
    statuses = [c.status for c in audit_text(text).checks if c.rule == "restatement"]
    assert statuses == [status]


@pytest.mark.parametrize(("lede_value", "status"), [("2,180", "pass"), ("2,810", "fail")])
def test_a_short_verb_pairs_the_headline_and_the_lede(lede_value: str, status: str) -> None:
    """ "to cut 2,180 jobs" over "is to cut 2,810 roles": "cut" is a verb of three letters."""
    text = f"Carrier to cut 2,180 jobs\n\nThe carrier is to cut {lede_value} roles after a loss."
    assert [c.status for c in audit_text(text).checks if c.rule == "restatement"] == [status]


@pytest.mark.parametrize(("later", "status"), [("28,410", "pass"), ("24,810", "fail")])
def test_a_names_figure_is_named_back(later: str, status: str) -> None:
    """ "Okafor's 24,810 votes" names back the votes Okafor polled, not a rival's."""
    text = (
        "The returning officer said Okafor polled 28,410 votes to defeat his closest rival, Mrs. "
        "Adaeze Nwankwo of the Peoples Party, who scored 21,950 votes.\n\n"
        f"Okafor's {later} votes came largely from the northern wards."
    )
    assert [c.status for c in audit_text(text).checks if c.rule == "restatement"] == [status]
