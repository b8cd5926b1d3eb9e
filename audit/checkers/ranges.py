"""range-order: a range runs low to high, and a best estimate lies inside its range.

"between 300 and 200" is reversed; "an estimated 500 (range 200-400)" puts the estimate outside.
"""

from __future__ import annotations

import re
from typing import Any

from audit.checkers import Context, Outcome, checker
from audit.checkers.bounds import fmt, interval
from audit.checkers.relate import label, same_unit
from audit.model import Claim

_ESTIMATE_THEN_RANGE = re.compile(
    r"^\s*(?:[A-Za-z]+\s+){0,2}(?:\(|,|;|\bwith\b)\s*(?:a\s+)?(?:range|ranging|between|from)?\s*(?:of\s+)?$",
    re.I,
)


@checker("range-order", options={"approx_tolerance": 0.1})
def range_order(ctx: Context, options: dict[str, Any]) -> list[Outcome]:
    """Ranges run low to high; a point estimate beside a range lies inside it."""
    out = []
    figures = ctx.figures
    for i, claim in enumerate(figures):
        if claim.qualifier != "range" or claim.low is None or claim.high is None:
            continue
        out.append(_order(claim))
        estimate = _estimate_for(ctx, figures, i)
        if estimate is not None:
            out.append(_inside(estimate, claim, options["approx_tolerance"]))
    return out


def _order(claim: Claim) -> Outcome:
    low, high = claim.low or 0.0, claim.high or 0.0
    details = {"low": low, "high": high}
    if low <= high:
        return Outcome("pass", [claim], f"{claim.text!r}: {fmt(low)} <= {fmt(high)}", details)
    return Outcome("fail", [claim], f"{claim.text!r} runs backwards: {fmt(low)} > {fmt(high)}", details)


def _estimate_for(ctx: Context, figures: list[Claim], i: int) -> Claim | None:
    """The point figure right before the range: "500 (200-800)", "500, with a range of 200-800"."""
    if i == 0:
        return None
    prev, rng = figures[i - 1], figures[i]
    if prev.sentence != rng.sentence or prev.qualifier == "range" or (rng.unit and not same_unit(prev, rng)):
        return None
    if len(ctx.between(prev, rng)) > 25 or not _ESTIMATE_THEN_RANGE.match(ctx.between(prev, rng)):
        return None
    return prev


def _inside(estimate: Claim, rng: Claim, approx: float) -> Outcome:
    span = interval(rng, approx)
    value = estimate.value or 0.0
    details = {"estimate": value, "range": span.to_json()}
    if span.contains(value):
        return Outcome("pass", [estimate, rng], f"{label(estimate)} lies inside {rng.text!r}", details)
    msg = f"{label(estimate)} lies outside its range {rng.text!r}"
    return Outcome("fail", [estimate, rng], msg, details, anchor=estimate)
