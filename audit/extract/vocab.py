"""The extraction lexicons (audit/data/*.yaml), compiled once."""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache

from audit.extract.families import cues
from audit.lexicon import data, words_pattern


@cache
def months() -> frozenset[str]:
    return frozenset(data("notclaims")["months"])


@cache
def identifier_words() -> frozenset[str]:
    return frozenset(data("notclaims")["identifier_before"])


@cache
def notclaims() -> dict[str, re.Pattern[str]]:
    nc = data("notclaims")
    return {
        "idioms": re.compile(rf"\b(?:{words_pattern(nc['idioms'])})\b", re.IGNORECASE),
        "time": re.compile(rf"\s?(?:{words_pattern(nc['time_words'])})(?![A-Za-z])", re.IGNORECASE),
        "spans": re.compile("|".join(f"(?:{p})" for p in nc["non_figure_spans"].values()), re.IGNORECASE),
    }


WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.']*)[\s\u00a0]*$")


WORD_AFTER = re.compile(r"^[\s\u00a0]*([A-Za-z][A-Za-z']*\.?)")


@cache
def people_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in data("casualties")["people_nouns"])


def is_people_noun(word: str) -> bool:
    """A lower-cased noun that counts people: listed, or a plural in "-ists"/"-ians" ("communists",
    "Iranians") or a compound ending in a people noun ("mineworkers", "tribesmen") that is no
    listed exception ("assists", "specimen")."""
    if word in people_nouns():
        return True
    if word in _not_people():
        return False
    if len(word) >= 7 and word.endswith(_people_suffixes()):
        return True
    return any(len(word) >= len(head) + 3 and word.endswith(head) for head in _compound_heads())


@cache
def _compound_heads() -> tuple[str, ...]:
    return tuple(data("casualties")["people_compound_heads"])


@cache
def _people_suffixes() -> tuple[str, ...]:
    return tuple(data("casualties")["people_suffixes"])


@cache
def _not_people() -> frozenset[str]:
    return frozenset(data("casualties")["not_people_with_suffix"])


@cache
def modifier_stops() -> frozenset[str]:
    return frozenset(data("casualties")["modifier_stops"])


def head_nouns() -> dict[str, str]:
    """Nouns right after a figure that say what it counts: "3,000 casualties", "two arrests"."""
    return cues().head_nouns


@cache
def currency_words() -> dict[str, str | dict[str, str]]:
    """Currency words read after a number: units.yaml's `currency_words`, then the CLDR's full names
    ("somali shillings": SOS) and the endings whose currency the countries a document names decide
    (currency_names.yaml, built by tools/build_currency_names.py). A hand-written entry wins; one
    whose currency depends on the country gains the CLDR's countries after its own. An ending the
    hand-written table lacks has no default: it is money only where one of its countries is named."""
    words: dict[str, str | dict[str, str]] = dict(data("currency_names")["names"])
    for word, entry in data("units")["currency_words"].items():
        words[word] = dict(entry) if isinstance(entry, dict) else entry
    for ending, countries in data("currency_names")["by_country"].items():
        entry = words.setdefault(ending, {})
        if isinstance(entry, dict):
            for country, code in countries.items():
                entry.setdefault(country, code)
    return words


@cache
def not_units() -> frozenset[str]:
    return frozenset(data("units")["not_units"])


def counted_after(after: str) -> bool:
    """'1500 troops', '2000 people': a year-like number that is counting something."""
    wa = WORD_AFTER.match(after)
    if not wa:
        return bool(re.match(r"\s*%", after))
    w = wa.group(1).lower()
    return w in people_nouns() or w in data("units")["measures"] or w in ("percent", "per")


def plural_after(
    after: str, *, shortest: int, modifiers: Collection[str] = (), unless: Collection[str] = ()
) -> bool:
    """ "300m vaccines", "700 websites", "1,240 new cases": a lower-case plural noun (ending in one
    "s", at least `shortest` letters) follows, after any of `modifiers`, and is none of `unless`."""
    m = _plural_pattern(shortest, tuple(sorted(modifiers))).match(after)
    return m is not None and m.group(1) not in unless


@cache
def _plural_pattern(shortest: int, modifiers: tuple[str, ...]) -> re.Pattern[str]:
    skip = rf"(?:(?:{words_pattern(modifiers)})\s+)?" if modifiers else ""
    return re.compile(rf"\s+{skip}([a-z]{{{shortest - 2},}}[a-rt-z]s)\b")
