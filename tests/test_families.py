"""The harm families: a lemma in casualties.yaml stands for all its inflections."""

from __future__ import annotations

import pytest

from audit.extract.families import compute_forms, cues, noun_forms, past_forms, phrase_forms, verb_forms
from audit.lexicon import data


def test_a_verb_stands_for_every_inflection_irregular_ones_too() -> None:
    assert {"slay", "slays", "slew", "slain", "slaying"} <= verb_forms("slay")
    assert {"flee", "flees", "fled", "fleeing"} <= verb_forms("flee")
    assert past_forms("kill") == {"killed"}
    assert "killing" not in past_forms("kill")


def test_a_noun_stands_for_both_numbers() -> None:
    assert {"body", "bodies"} <= noun_forms("body")
    assert {"injury", "injuries"} <= noun_forms("injury")


@pytest.mark.parametrize(
    ("phrase", "form"),
    [
        ("take shelter", "taken shelter"),
        ("take shelter", "taking shelters"),
        ("lose their lives", "lost their lives"),
        ("shoot and kill", "shot and killed"),
        ("force to flee", "forced to flee"),
        ("burn to death", "burnt to death"),  # every form of a tense
    ],
)
def test_a_phrase_is_inflected_on_its_verbs_and_last_noun(phrase: str, form: str) -> None:
    assert form in phrase_forms(phrase)


def test_a_phrase_with_no_verb_stays_as_written() -> None:
    assert phrase_forms("in hospital") >= {"in hospital"}
    assert "shot and kill" not in phrase_forms("shoot and kill")  # the verbs move together


def test_every_family_word_lands_where_its_slot_says() -> None:
    families = data("casualties")["harm_families"]
    c = cues()
    for category, family in families.items():
        for verb in family.get("verbs", ()):
            assert verb_forms(verb) <= c.before[category], verb
            assert past_forms(verb) <= c.after[category], verb
        for verb in family.get("passive", ()):
            assert not verb_forms(verb) & c.before[category], verb  # "evacuated 300 citizens" is a rescue
        for verb in family.get("intransitive", ()):
            assert verb_forms(verb) <= c.after[category], verb
        for noun in family.get("events", ()):
            assert noun_forms(noun) <= c.noun_of[category] and not noun_forms(noun) & c.after[category]
    assert c.head_nouns["arrests"] == "captured" and c.head_nouns["refugees"] == "displaced"
    assert c.groups["arrested"] == "captured" and c.groups["evacuated"] == "displaced"


def test_generated_harm_forms_are_current() -> None:
    """Rebuild with `python tools/build_harm_forms.py` after adding a lemma or when lemminflect changes."""
    assert data("harm_forms") == compute_forms()
