"""The harm families of audit/data/casualties.yaml, inflected: which words before and after a figure,
or after "of the", say that it counts people killed, wounded, captured, displaced ...

A family is written as lemmas ("kill", "injury"); lemminflect supplies every inflection, so "slay"
also matches "slew", "slain" and "slaying", and "take shelter" also "had taken shelter".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from lemminflect import getAllInflections

from audit.lexicon import data


def verb_forms(lemma: str) -> frozenset[str]:
    """Every inflection of a verb, the lemma included ("flee": flee, flees, fled, fleeing)."""
    return frozenset({lemma, *(f for forms in getAllInflections(lemma, upos="VERB").values() for f in forms)})


def past_forms(lemma: str) -> frozenset[str]:
    """The past tense and past participle of a verb ("slay": slew, slain; "kill": killed)."""
    infl = getAllInflections(lemma, upos="VERB")
    return frozenset(f for tag in ("VBD", "VBN") for f in infl.get(tag, ()))


def noun_forms(lemma: str) -> frozenset[str]:
    """A noun in the singular and the plural ("body": body, bodies)."""
    return frozenset({lemma, *(f for forms in getAllInflections(lemma, upos="NOUN").values() for f in forms)})


def phrase_forms(phrase: str) -> frozenset[str]:
    """A phrase with its first word inflected as a verb, a verb after "and" in the same tense, and
    its last word, if a noun, in both numbers: "take shelter" is also "had taken shelter" and "taking
    shelters"; "shoot and kill" also "shot and killed"; "in hospital" stays as it is."""
    words = phrase.split()
    tenses = getAllInflections(words[0], upos="VERB")
    variants = [
        [_inflect(w, tag) if i == 0 or words[i - 1] == "and" else w for i, w in enumerate(words)]
        for tag in ("VB", *tenses)
    ]
    if len(words) > 1 and words[-2] != "and" and getAllInflections(words[-1], upos="NOUN"):
        variants += [[*v[:-1], last] for v in variants for last in noun_forms(words[-1])]
    return frozenset(" ".join(v) for v in variants)


def _inflect(verb: str, tag: str) -> str:
    """`verb` in the tense `tag` ("VBD": killed), or as written if it has no such form."""
    forms = getAllInflections(verb, upos="VERB").get(tag) or getAllInflections(verb, upos="VERB").get(
        {"VBN": "VBD", "VBD": "VBN"}.get(tag, tag)
    )
    return forms[0] if forms else verb


@dataclass
class Cues:
    """The words of every harm family, by where they stand and the category they give."""

    before: dict[str, set[str]] = field(default_factory=dict)  # "killing 12", "the bodies of 12"
    after: dict[str, set[str]] = field(default_factory=dict)  # "12 were killed", "four workers died"
    noun_of: dict[str, set[str]] = field(default_factory=dict)  # "the deaths of 12", "the massacre of 40"
    persons: dict[str, set[str]] = field(default_factory=dict)  # "suffered serious injury"
    head_nouns: dict[str, str] = field(default_factory=dict)  # "12 deaths", "22,000 refugees"
    groups: dict[str, str] = field(default_factory=dict)  # "of the arrested", "among the evacuated"
    people: set[str] = field(default_factory=set)  # "refugees", unless a verb says more: "300 refugees died"


@cache
def cues() -> Cues:
    """The families of casualties.yaml, inflected."""
    cas = data("casualties")
    out = Cues(
        head_nouns={w.lower(): cat for w, cat in cas["head_nouns"].items()},
        groups={w.lower(): cat for w, cat in cas["harmed_groups"].items()},
    )
    for cat, family in cas["harm_families"].items():
        before, after = out.before.setdefault(cat, set()), out.after.setdefault(cat, set())
        for verb in family.get("verbs", ()):
            before |= verb_forms(verb)
            after |= past_forms(verb)
            for past in past_forms(verb):
                out.groups.setdefault(past, cat)
        for verb in family.get("passive", ()):
            after |= past_forms(verb)
            for past in past_forms(verb):
                out.groups.setdefault(past, cat)
        for verb in family.get("intransitive", ()):
            after |= verb_forms(verb)
        for phrase in family.get("phrases", ()):
            before |= phrase_forms(phrase)
            after |= phrase_forms(phrase)
        for adjective in family.get("adjectives", ()):
            after.add(adjective)
            out.groups.setdefault(adjective, cat)
        persons = {form for noun in family.get("persons", ()) for form in noun_forms(noun)}
        out.persons[cat] = persons
        plurals = {form for noun in family.get("persons", ()) for form in noun_forms(noun) - {noun}}
        after |= plurals
        out.people |= set(family.get("people", ()))
        for word in plurals | set(family.get("people", ())):
            out.head_nouns.setdefault(word, cat)
        events = {form for noun in family.get("events", ()) for form in noun_forms(noun)}
        out.noun_of[cat] = persons | events
        before |= set(family.get("before", ()))
    return out


@cache
def inflected(lemmas: tuple[str, ...]) -> frozenset[str]:
    """Every inflection of each verb in `lemmas`."""
    return frozenset(form for lemma in lemmas for form in verb_forms(lemma))
