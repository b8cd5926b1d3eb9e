"""absolute-change: a change stated as an amount must be the difference of the values it cites.

"fell by more than £400 from £152,611 to £152,214": 152,611 - 152,214 = 397, not more than 400.
"rose by $3 to $58.24 from $55.10" passes. The old and new values are read the way percent-change
reads them ("from A to B", "to B, up from A"), so both rules pair the same figures.
"""

from __future__ import annotations

import re
from typing import Any

from audit.checkers import Context, Outcome, checker
from audit.checkers.bounds import Interval, fmt, interval, point
from audit.checkers.percent import change_direction, to_from
from audit.checkers.relate import is_percent, label, same_unit
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


@checker("absolute-change", options={"approx_tolerance": 0.1})
def absolute_change(ctx: Context, options: dict[str, Any]) -> list[Outcome]:
    """A stated amount of change must equal new minus old, within rounding and qualifiers."""
    out = []
    for amount in ctx.figures:
        if is_percent(amount) or not _amount_before(ctx.before(amount, 40)):
            continue
        direction = change_direction(ctx, amount)
        if direction == 0:
            continue
        sentence = ctx.figures_in(amount.sentence, amount.sentence)
        pair = to_from(ctx, [c for c in sentence if c is not amount], amount)
        if pair is not None and same_unit(amount, pair[0]):
            out.append(_check(amount, pair[0], pair[1], direction, options["approx_tolerance"]))
    return out


def _stated_bound(amount: Claim, approx: float) -> Interval:
    """ "more than £400" is above 400 itself: against a difference of two exact figures, an open
    bound is read as written, not widened by the rounding of its own number."""
    value = amount.value or 0.0
    if amount.qualifier in ("at_least", "more_than"):
        return Interval(value, float("inf"))
    if amount.qualifier in ("at_most", "less_than"):
        return Interval(0.0, value)
    return interval(amount, approx)


def _check(amount: Claim, new: Claim, old: Claim, direction: int, approx: float) -> Outcome:
    a, b = point(old, approx), point(new, approx)
    computed = Interval(b.lo - a.hi, b.hi - a.lo).scale(direction)
    stated = _stated_bound(amount, approx)
    difference = ((new.value or 0) - (old.value or 0)) * direction
    way = "rise" if direction > 0 else "fall"
    unit = f" {new.unit}" if new.unit and new.unit != "people" else ""
    msg = f"{label(old)} -> {label(new)} is a {way} of {fmt(round(difference, 4))}{unit}"
    details = {
        "computed": round(difference, 6),
        "computed_range": computed.to_json(),
        "stated_range": stated.to_json(),
    }
    claims = [amount, new, old]
    if computed.overlaps(stated):
        return Outcome("pass", claims, f"{msg}; stated {label(amount)}", details)
    return Outcome("fail", claims, f"{msg}, not {label(amount)}", details, anchor=amount)
