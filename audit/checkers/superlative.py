"""superlative: "the deadliest attack" must have the largest toll of the events the story reports.

"In Monday's deadliest attack ... at least 42 people were killed" ranks that toll above every other
event's. A later figure of the same category for another event that is larger than it (stated
values, with their rounding) contradicts the ranking. Aggregates ("in all", "the toll", "a wave of
attacks"), figures placed in another event or period ("last year", "a separate attack", a year),
figures in the same sentence, and figures above the story's overall toll stated before
the ranking (they count another period: "282 were killed in June") are no rivals. Every pairing
is less sure: failures are reported one severity lower.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from audit.checkers import Context, Outcome, checker
from audit.checkers.bounds import point
from audit.checkers.relate import headline_sentences, in_other_period, label, lexicon, of_sentence
from audit.lexicon import words_pattern
from audit.model import Claim

_CATEGORIES = ("killed", "wounded")


@checker("superlative", options={"approx_tolerance": 0.1})
def superlative(ctx: Context, options: dict[str, Any]) -> list[Outcome]:
    """The toll of "the deadliest attack" is at least that of every other event reported after it."""
    approx = options["approx_tolerance"]
    out = []
    heads = set(headline_sentences(ctx))
    for ranked in ctx.figures:
        if ranked.category not in _CATEGORIES or ranked.sentence in heads or not _ranked(ctx, ranked):
            continue
        for other in _rivals(ctx, ranked):
            top, rival = point(ranked, approx), point(other, approx)
            details = {"how": "superlative", "ranked_range": top.to_json(), "other_range": rival.to_json()}
            claims = [ranked, other]
            if rival.lo > top.hi:
                msg = f"{label(ranked)} is ranked the worst, but {label(other)} is larger"
                out.append(Outcome("fail", claims, msg, details, anchor=ranked, confidence="low"))
            else:
                msg = f"{label(ranked)} (ranked the worst) >= {label(other)}"
                out.append(Outcome("pass", claims, msg, details, confidence="low"))
    return out


def _ranked(ctx: Context, claim: Claim) -> bool:
    return ctx.sentence(claim) is not None and of_sentence(ctx, claim, _ranks)


def _ranks(sentence: str) -> bool:
    return bool(_SUPERLATIVE().search(sentence))


def _aggregates(sentence: str) -> bool:
    return bool(_AGGREGATE().search(sentence))


def _rivals(ctx: Context, ranked: Claim) -> list[Claim]:
    """Later figures of the category for other events: not aggregates, and not above the story's
    overall toll stated before the ranking (such a figure counts another period)."""
    before = [c.value or 0.0 for c in ctx.figures if c.end <= ranked.start and c.category == ranked.category]
    ceiling = max(before, default=float("inf"))
    return [
        c
        for c in ctx.figures
        if c.sentence > ranked.sentence
        and c.category == ranked.category
        and c.value is not None
        and c.value <= ceiling
        and not of_sentence(ctx, c, _aggregates)
        and not in_other_period(ctx, c)
    ]


@cache
def _SUPERLATIVE() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    words = words_pattern(lexicon()["superlatives"])
    events = words_pattern(lexicon()["superlative_events"])
    return re.compile(rf"\b(?:{words})\s+(?:[a-z-]+\s+){{0,2}}?(?:{events})\b", re.I)


@cache
def _AGGREGATE() -> re.Pattern[str]:  # noqa: N802
    return re.compile(rf"\b(?:{words_pattern(lexicon()['aggregate_words'])})\b", re.I)
