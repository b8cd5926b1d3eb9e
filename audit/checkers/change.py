"""absolute-change: a change stated as an amount must be the difference of the values it cites.

"fell by more than £400 from £152,611 to £152,214": 152,611 - 152,214 = 397, not more than 400.
"rose by $3 to $58.24 from $55.10" passes, and so does an amount right after a verb of change ("fell
0.3 percentage points to 4.1% from 4.4%"). The old and new values are read the way percent-change
reads them ("from A to B", "to B, up from A"), with one shared precision, so both rules pair the same
figures.

A change between two percentages may be stated in points ("from 40% to 52%, a rise of 12
percentage points", "a drop of 0.3 points", basis points read in percentage points). An amount
stated with its percentage and only the new value ("rose 4p, or 0.7%, to 548p"; "down $2, or 3%, at
$62") implies the old value (548 - 4), so the percentage is recomputed from the amount: 4 / 544 =
0.74%.
"""

from __future__ import annotations

import re
from functools import cache, partial
from typing import Any

from audit.checkers import Context, Outcome, checker
from audit.checkers.bounds import Interval, fmt, interval, point
from audit.checkers.percent import change_direction, same_clause, shared_precision, to_from
from audit.checkers.relate import counted_noun, ends_with_cue, is_percent, label, lexicon, same_unit
from audit.lexicon import words_pattern
from audit.model import Claim

# "by $3", "a rise of 3,000", "a fall of more than £400": the amount of a change
_AMOUNT_BEFORE = re.compile(
    r"(?:\bby|\b(?:rise|increase|gain|jump|fall|drop|decline|decrease|loss|cut)\s+of)\s*[$\u00a3\u20ac\u00a5]?\s*$",
    re.I,
)


def _amount_before(before: str) -> bool:
    """ "by", "a rise of": the amount of a change. Every match ends in "by" or "of" before spaces and a
    currency sign, so most figures are passed over without the search."""
    tail = before.rstrip().rstrip("$\u00a3\u20ac\u00a5").rstrip()
    return tail[-2:].lower() in ("by", "of") and bool(_AMOUNT_BEFORE.search(before))


def _amount_read(ctx: Context, amount: Claim) -> tuple[bool, bool]:
    """Is the figure an amount of change: after "by" ("a rise of") or a verb of change ("fell 0.3
    points"), and before "or" a percentage?"""
    before = ctx.before(amount, 40)
    by_amount = _amount_before(before) or _verb_right_before(before)
    return by_amount, bool(_OR_AHEAD.match(ctx.after(amount, 12)))


@checker("absolute-change", options={"approx_tolerance": 0.1})
def absolute_change(ctx: Context, options: dict[str, Any]) -> list[Outcome]:
    """A stated amount of change must equal new minus old, within rounding and qualifiers."""
    out = []
    approx = options["approx_tolerance"]
    for amount in ctx.figures:
        if is_percent(amount):
            continue
        key = ("amount-of-change", amount.start, amount.end, amount.sentence)
        by_amount, or_ahead = ctx.read(key, partial(_amount_read, ctx, amount))
        if not by_amount and not or_ahead:
            continue  # neither "by $3" nor "4p, or 1%": no amount of change (a cheap test first)
        direction = change_direction(ctx, amount)
        if direction == 0:
            continue
        sentence = ctx.figures_in(amount.sentence, amount.sentence)
        with_percent = _percent_and_new_value(ctx, amount, sentence)
        if with_percent is not None:
            checked = _check_percent(amount, *with_percent, direction, approx)
            out.extend([checked] if checked is not None else [])
            continue
        if not by_amount:
            continue
        others = [c for c in sentence if c is not amount]
        pair = to_from(ctx, others, amount) or _up_from(ctx, others)
        if pair is None and _NAMED_BACK.search(ctx.before(amount, 40)):
            # "rise from £192bn to £226bn. The cash increase of £34bn ...": the change named back, the
            # change told last within `_NAMED_BACK_REACH` sentences
            pair = _change_told_last(ctx, amount)
        elif pair is None or not same_clause(ctx, amount, _nearer(amount, pair)):
            continue  # "at 6.4%, down from 6.8%, and expect the bank to cut rates by 25 basis points"
        if pair is None:
            continue
        if _other_things(ctx, amount, pair[0]):
            continue  # "shrink to 58 aircraft from 64, and ... drop 11 routes": another thing's number
        points = _points_of(amount, *pair) or _bare_points_of(ctx, amount, *pair)
        if same_unit(amount, pair[0]) or points or _counted_by_amount(amount, *pair):
            out.append(_check(amount, pair[0], pair[1], direction, approx, points))
    return out


# "4p or nearly 1%", "$2, or 3%,", "19 cents (0.3%)", "20.54 points, or 0.2%": a percentage beside the
# amount (an index's move is counted in points, the index itself bare)
_OR_PERCENT = re.compile(r"^\s*(?:points?\b|pts\b)?\s*,?\s*(?:or|\()\s*$", re.I)
_OR_AHEAD = re.compile(r"\s*(?:points?\b|pts\b)?\s*,?\s*(?:or\b|\()", re.I)
_AT = re.compile(r"\bat\s*[$\u00a3\u20ac\u00a5]?\s*$", re.I)
# after the new value: ", a rise of", ", an increase of", ", up", ", down" and the percentage
_A_CHANGE_OF = re.compile(
    r"^\s*(?:(?:a|an|per)\s+[a-z]+\s*)?,\s*"  # "$54.20 a barrel, a gain of 2.3%"
    r"(?:(?:an?\s+)?(?:rise|increase|gain|jump|fall|drop|decline|decrease|cut|loss)\s+of|up|down)\s*$",
    re.I,
)


# "The cash increase of", "That rise of", "the fall of": a change named back by its noun
_NAMED_BACK = re.compile(
    r"\b(?:the|this|that|its)\s+(?:[a-z]+\s+)?(?:rise|increase|gain|jump|fall|drop|decline|decrease|cut)"
    r"\s+of\s*[$\u00a3\u20ac\u00a5]?\s*$",
    re.I,
)
_UP_FROM_BETWEEN = re.compile(r"^\s*,?\s*(?:up|down)\s+from\s*[$\u00a3\u20ac\u00a5]?\s*$", re.I)


def _other_things(ctx: Context, amount: Claim, new: Claim) -> bool:
    """The amount counts a noun of its own and the new value another ("58 aircraft" ... "11 routes")."""
    noun = counted_noun(ctx, amount)
    word = _WORD_AFTER.match(ctx.after(new, 20))
    if noun is None or word is None or word.group(1).lower() in _NOT_NOUNS:
        return False
    return noun.lower()[:5] != word.group(1).lower()[:5]


_WORD_AFTER = re.compile(r"^\s+([a-z]{3,})\b")
_NOT_NOUNS = frozenset(
    [
        "from",
        "last",
        "this",
        "that",
        "with",
        "and",
        "the",
        "for",
        "per",
        "since",
        "over",
        "after",
        "before",
        "between",
        "in",
        "on",
        "at",
        "by",
        "a",
        "an",
        "or",
        "but",
        "than",
        "were",
        "was",
        "are",
        "had",
        "have",
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "earlier",
        "later",
        "ago",
        "now",
        "today",
    ]
)


def _change_told_last(ctx: Context, amount: Claim) -> tuple[Claim, Claim] | None:
    for index in range(amount.sentence - 1, max(-1, amount.sentence - _NAMED_BACK_REACH - 1), -1):
        pair = to_from(ctx, ctx.figures_in(index, index), None)
        if pair is not None:
            return pair
    return None


_NAMED_BACK_REACH = 4  # sentences: "rose to 71 per cent from 62 per cent ... the jump of 9 points"


def _nearer(amount: Claim, pair: tuple[Claim, Claim]) -> Claim:
    """The figure of the pair nearer the amount."""
    return min(pair, key=lambda c: abs(c.start - amount.start))


def _up_from(ctx: Context, claims: list[Claim]) -> tuple[Claim, Claim] | None:
    """(new, old) of "Turnout was 67%, up from 62%": the value just before ", up from" and the one after."""
    for new, old in zip(claims, claims[1:], strict=False):
        if same_unit(new, old) and _UP_FROM_BETWEEN.match(ctx.between(new, old)):
            return new, old
    return None


@cache
def _change_verb_before() -> re.Pattern[str]:
    """ "fell 0.3 percentage points to 4.1% from 4.4%": a verb of change right before the amount."""
    words = words_pattern([*lexicon()["increase_words"], *lexicon()["decrease_words"]])
    return re.compile(rf"(?<![\w-])(?:{words})\s+[$\u00a3\u20ac\u00a5]?\s*$", re.I)


def _verb_right_before(before: str) -> bool:
    return bool(_change_verb_before().search(before))


def _bare_points_of(ctx: Context, amount: Claim, new: Claim, old: Claim) -> bool:
    """ "from 3.2% to 2.9%, a drop of 0.3 points": "points" alone after a change between percentages."""
    return (
        amount.unit is None
        and is_percent(new)
        and is_percent(old)
        and bool(_POINTS.match(ctx.after(amount, 8)))
    )


_POINTS = re.compile(r"\s*(?:points?|pts)\b", re.I)


def _counted_by_amount(amount: Claim, new: Claim, old: Claim) -> bool:
    """ "shrank from 1,200 to 900, a cut of 300 jobs": bare old and new values, the amount naming
    what they count."""
    return amount.unit == "people" and new.unit is None and old.unit is None and amount.kind == "count"


def _points_of(amount: Claim, new: Claim, old: Claim) -> bool:
    """ "rose from 40% to 52%, a rise of 12 percentage points": a change between two percentages
    stated in points."""
    return amount.unit == "percentage_point" and is_percent(new) and is_percent(old)


def _percent_and_new_value(ctx: Context, amount: Claim, sentence: list[Claim]) -> tuple[Claim, Claim] | None:
    """(percent, new value) of "rose 4p or 1% to 548p" (the percentage right after the amount, then
    the first figure of the amount's unit after "to" or "at") or of "rose by 4p to 548p, a rise of
    0.7%" (the percentage after the new value), with no other figure before it and no "from" value
    (which absolute-change and percent-change check directly)."""
    if ends_with_cue(ctx.before(amount, 25), "to_words"):
        return None  # "rose to 548p, or 1%": the new value, not an amount
    after = [c for c in sentence if c.start >= amount.end]
    if len(after) < 2:
        return None
    if _OR_PERCENT.match(ctx.between(amount, after[0])) and is_percent(after[0]):
        percent, new = after[0], after[1]
    elif len(after) >= 2 and is_percent(after[1]) and _A_CHANGE_OF.match(ctx.between(after[0], after[1])):
        new, percent = after[0], after[1]  # "rose by 4p to 548p, a rise of 0.7%"
    else:
        return None
    before_new = ctx.doc.prose[max(0, new.start - 25) : new.start]
    if not (ends_with_cue(before_new, "to_words") or _AT.search(before_new)):
        return None
    if not same_unit(amount, new) or is_percent(new) or len(ctx.between(percent, new)) > 60:
        return None
    if any(ends_with_cue(ctx.doc.prose[max(0, c.start - 25) : c.start], "from_words") for c in after[2:]):
        return None
    return percent, new


def _check_percent(
    amount: Claim, percent: Claim, new: Claim, direction: int, approx: float
) -> Outcome | None:
    """None when the amount leaves no old value (a fall of 4p to 4p): there is nothing to check."""
    a, n = point(amount, approx), point(new, approx)
    if direction > 0:  # the old value: the new one less a rise, plus a fall
        old_lo, old_hi = n.lo - a.hi, n.hi - a.lo
    else:
        old_lo, old_hi = n.lo + a.lo, n.hi + a.hi
    claims = [amount, percent, new]
    if old_lo <= 0:
        return None
    computed = Interval(a.lo / old_hi * 100, a.hi / old_lo * 100)
    old = (new.value or 0) - direction * (amount.value or 0)
    pct = (amount.value or 0) / old * 100 if old else 0.0
    msg = f"a {_way(direction)} of {label(amount)} to {label(new)} is {fmt(round(pct, 2))}% of "
    msg += f"{fmt(round(old, 4))}{_unit(new)}"
    return _verdict(claims, msg, round(pct, 4), computed, interval(percent, approx), percent)


def _stated_bound(amount: Claim, approx: float) -> Interval:
    """ "more than £400" is above 400 itself: against a difference of two exact figures, an open
    bound is read as written, not widened by the rounding of its own number."""
    value = amount.value or 0.0
    if amount.qualifier in ("at_least", "more_than"):
        return Interval(value, float("inf"))
    if amount.qualifier in ("at_most", "less_than"):
        return Interval(0.0, value)
    return interval(amount, approx)


def _check(
    amount: Claim, new: Claim, old: Claim, direction: int, approx: float, points: bool = False
) -> Outcome:
    shared_new, shared_old = shared_precision(new, old)
    a, b = point(shared_old, approx), point(shared_new, approx)
    computed = Interval(b.lo - a.hi, b.hi - a.lo).scale(direction)
    difference = ((new.value or 0) - (old.value or 0)) * direction
    unit = " percentage points" if points else _unit(new)
    msg = f"{label(old)} -> {label(new)} is a {_way(direction)} of {fmt(round(difference, 4))}{unit}"
    stated = _stated_bound(amount, approx)
    return _verdict([amount, new, old], msg, round(difference, 6), computed, stated, amount)


def _verdict(
    claims: list[Claim], msg: str, computed_value: float, computed: Interval, stated: Interval, said: Claim
) -> Outcome:
    """Pass when what the figures give overlaps what `said` states; the arithmetic in the details."""
    details = {
        "computed": computed_value,
        "computed_range": computed.to_json(),
        "stated_range": stated.to_json(),
    }
    if computed.overlaps(stated):
        return Outcome("pass", claims, f"{msg}; stated {label(said)}", details)
    return Outcome("fail", claims, f"{msg}, not {label(said)}", details, anchor=said)


def _way(direction: int) -> str:
    return "rise" if direction > 0 else "fall"


def _unit(figure: Claim) -> str:
    return f" {figure.unit}" if figure.unit and figure.unit != "people" else ""
