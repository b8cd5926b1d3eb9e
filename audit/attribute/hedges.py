"""Hedges: the nearest hedge word ("estimated", "reportedly", "believed", "probably") in a figure's
clause; a hedge right before another number is that number's ("an estimated 900 homes in about 12
villages": the 12 is not estimated).

From audit/data/attribution.yaml: `hedges` (words, with `not_before`/`only_before`), `hedge_reach`,
`hedge_clause_breaks`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from audit.attribute.clauses import PREPOSITIONS
from audit.attribute.originators import lexicon, phrase_regex
from audit.attribute.vocab import needles_for

_NEVER = re.compile(r"(?!x)x")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _hedge_rules() -> list[tuple[re.Pattern[str], tuple[str, ...], tuple[str, ...], re.Pattern[str]]]:
    rules = []
    for entry in lexicon().raw.get("hedges", []):
        words = frozenset(str(w) for w in entry.get("words", []))
        not_before = tuple(str(x).lower() for x in entry.get("not_before", []))
        only_before = tuple(str(x).lower() for x in entry.get("only_before", []))
        pattern = entry.get("not_before_pattern")
        not_matching = re.compile(str(pattern), re.I) if pattern else _NEVER
        rules.append((phrase_regex(words), not_before, only_before, not_matching))
    return rules


@lru_cache(maxsize=1)
def _any_hedge() -> re.Pattern[str]:
    """Every hedge word of every rule: most figures have none near them, and one scan says so."""
    return phrase_regex([str(w) for entry in lexicon().raw.get("hedges", []) for w in entry.get("words", [])])


@lru_cache(maxsize=1)
def _hedge_breaks() -> re.Pattern[str]:
    breaks = sorted((str(b) for b in lexicon().raw.get("hedge_clause_breaks", [])), key=len, reverse=True)
    return re.compile("|".join(re.escape(b) for b in breaks) or r"(?!x)x")


# The only letters outside ASCII that re.IGNORECASE matches to an ASCII letter but str.lower()
# does not lower to it: a window holding one is searched whatever its words
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f]")


@lru_cache(maxsize=1)
def _hedge_needles() -> tuple[str, ...] | None:
    return needles_for(
        frozenset(str(w) for entry in lexicon().raw.get("hedges", []) for w in entry.get("words", []))
    )


def _may_hold_hedge(window: str) -> bool:
    """False when no hedge can be in `window`: it holds none of the words one of which every
    hedge holds ("estimate", "claim", ...). Substring tests spare most figures the search."""
    needles = _hedge_needles()
    if needles is None or _FOLDS_TO_ASCII.search(window):
        return True
    low = window.lower()
    return any(n in low for n in needles)


_WH_RELATIVE = re.compile(r"\b(?:which|who|whose|whom)\b", re.I)
_THAT = re.compile(r"\bthat\b", re.I)
# "the crash that", "believe the crash that": a noun phrase the "that" can be the relative of; not one
# inside a phrase of time or place ("claimed on Monday that", "said in a statement that")
_NOUN_BEFORE = re.compile(
    r"(?:^|(\w+))\s*(?:the|a|an|its|their|this|these|those)\s+[\w'-]+(?:\s+[\w'-]+)?\s*,?\s*$", re.I
)
_PREPOSITIONS = PREPOSITIONS | {"of"}


def _presupposed(text: str, hedge_end: int, pos: int) -> bool:
    """Is the figure at `pos`, after the hedge, inside a relative clause of what the hedge governs
    ("claim that the fire, which killed three workers, was set by protesters", "believe the crash
    that killed 40 was caused by ice")? The clause takes the figure as given: the claim is about
    something else. A single "that" after the verb or a phrase of time is the claim's own ("claimed
    on Monday that 300 had been killed")."""
    if hedge_end > pos:
        return False
    between = text[hedge_end:pos]
    if _WH_RELATIVE.search(between):
        return True
    thats = list(_THAT.finditer(between))
    if len(thats) != 1:
        return len(thats) > 1
    noun = _NOUN_BEFORE.search(between[: thats[0].start()])
    return noun is not None and (noun.group(1) or "").lower() not in _PREPOSITIONS


# "The army said 12 died and rebels claimed 30": a hedge verb after the figure with a subject of its
# own, joined by "and", opens a clause of its own and hedges what follows it, not the figure before
_OWN_SUBJECT_BEFORE = re.compile(r"\band\s+(?:the\s+)?[A-Za-z]+\s+$", re.I)


_NUMBER_NEXT = re.compile(r"\s*\d")


def _hedges_another_number(text: str, end: int, pos: int) -> bool:
    """ "At least 12, and possibly 20, are thought to have died": a hedge right before a number
    hedges that number, not the figure at `pos`."""
    m = _NUMBER_NEXT.match(text, end)
    return m is not None and m.end() - 1 != pos


def hedge_for(text: str, pos: int) -> str | None:
    """The nearest hedge in the clause of the figure at `pos` (offsets into `text`)."""
    reach = int(lexicon().raw.get("hedge_reach", 90))
    near = max(0, pos - reach), min(len(text), pos + reach)
    if not _may_hold_hedge(text[near[0] : near[1]]) or not _any_hedge().search(text, *near):
        return None
    lo, hi = 0, len(text)
    # only breaks within reach can narrow the clause searched below
    for m in _hedge_breaks().finditer(text, max(0, pos - reach - 20), min(len(text), pos + reach + 20)):
        if m.end() <= pos:
            lo = max(lo, m.end())
        elif m.start() > pos:
            hi = min(hi, m.start())
    best: tuple[int, str] | None = None
    for pattern, not_before, only_before, not_matching in _hedge_rules():
        for m in pattern.finditer(text, max(lo, pos - reach), min(hi, pos + reach)):
            after = text[m.end() : m.end() + 40].lstrip().lower()
            if (
                (not_before and after.startswith(not_before))
                or (only_before and not after.startswith(only_before))
                or not_matching.match(after)
                or _presupposed(text, m.end(), pos)
                or (m.start() > pos and _OWN_SUBJECT_BEFORE.search(text, pos, m.start()))
                or _hedges_another_number(text, m.end(), pos)
            ):
                continue
            d = abs(m.start() - pos)
            if best is None or d < best[0]:
                best = (d, m.group(0).lower())
    return _SPACES.sub(" ", best[1]) if best else None
