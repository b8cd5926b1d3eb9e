"""naming: the keys a figure is named by, which pair two figures by meaning."""

from __future__ import annotations

import pytest

from audit.checkers import naming
from audit.checkers.relate import lexicon


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
