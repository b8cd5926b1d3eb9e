"""unit-conversion: both sides of "8 metres (26 feet)", "$10bn (£5.38bn)" or "40,000 barrels, or 6.4
million litres" must agree.

The figure converted is read as the writer had it, at its last printed digit ("10 miles" is 9.5-10.5);
the result within any rounding its digits allow ("300 km" for 322). Measures convert with pint's
factors, tabled in audit/data/unit_factors.yaml (pint itself is imported only for a unit outside the
table). Money goes through the
bands of audit/data/currencies.yaml: rates vary by date, so the band is wide and catches only gross
slips; conversions of one currency pair within a document must also agree with each other (one
article, one day's rate).
"""

from __future__ import annotations

import re
from typing import Any

from audit.checkers import Context, Outcome, Status, checker
from audit.checkers.bounds import Interval, as_written, interval, point, printed_unit, step
from audit.checkers.relate import label
from audit.lexicon import convert, data, dimensionality
from audit.model import Claim

# "8 metres (26 feet)"; "40,000 barrels a day, or about 6.4 million litres"; "£5m, the equivalent of $6.2m"
_OPENS = re.compile(
    r"^\s*(?:[A-Za-z]+\s+){0,2}?(?:[A-Za-z]+\s*)?(?:\(|,\s*or|,\s*(?:the\s+)?equivalent\s+(?:of|to))\s*"
    r"(?:about|around|some|roughly|approximately|nearly|almost)?\s*$",
    re.I,
)
_SEPARATES = re.compile(r"^\s*(?:[;,/]|\bor\b)\s*$", re.I)


@checker(
    "unit-conversion",
    options={
        "approx_tolerance": 0.1,
        "measure_tolerance": 0.05,
        "currency_tolerance": 0.1,
        "same_document_tolerance": 0.08,
    },
)
def unit_conversion(ctx: Context, options: dict[str, Any]) -> list[Outcome]:
    """A figure and its conversion in parentheses must agree, within rounding (money: a rate band)."""
    out: list[Outcome] = []
    rates: list[tuple[Claim, Claim, float]] = []
    for group in _groups(ctx):
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                outcome = _pair(a, b, options, _a_difference(ctx, a, b))
                if outcome is not None:
                    out.append(outcome)
                    if a.kind == "money" and outcome.status == "pass" and a.value and b.value:
                        rates.append((a, b, b.value / a.value))
    out.extend(_same_document(rates, options["same_document_tolerance"]))
    return out


def _groups(ctx: Context) -> list[list[Claim]]:
    """[figure, conversion, conversion...] for each "X (Y; Z)" in the prose."""
    figures = ctx.figures
    groups = []
    for i, a in enumerate(figures[:-1]):
        b = figures[i + 1]
        if a.sentence != b.sentence or not _OPENS.match(ctx.between(a, b)) or not _convertible(a, b):
            continue
        if _in_a_compound_time(ctx, figures, i) or _in_a_compound_time(ctx, figures, i + 1):
            continue  # "2min 58sec per kilometre, or about 4min 45sec per mile": parts of two times
        group = [a, b]
        for c in figures[i + 2 :]:
            if c.sentence != a.sentence or not _SEPARATES.match(ctx.between(group[-1], c)):
                break
            if _convertible(a, c):
                group.append(c)
        groups.append(group)
    return groups


def _in_a_compound_time(ctx: Context, figures: list[Claim], i: int) -> bool:
    """ "2min 58sec", "2 hours 4 minutes": a figure of time right next to another of time is part of
    one time, which no part converts."""
    c = figures[i]
    if c.unit not in _TIMES:
        return False
    neighbours = [figures[j] for j in (i - 1, i + 1) if 0 <= j < len(figures)]
    return any(
        n.unit in _TIMES
        and n.unit != c.unit
        and n.sentence == c.sentence
        and _ADJACENT.fullmatch(ctx.between(*sorted((c, n), key=lambda x: x.start)))
        for n in neighbours
    )


_TIMES = frozenset({"hour", "minute", "second"})
_ADJACENT = re.compile(r"\s*(?:,|and)?\s*")


def _convertible(a: Claim, b: Claim) -> bool:
    if a.unit == b.unit == "USD" and _LOCAL_DOLLAR in (_named_unit(a, b), _named_unit(b, a)):
        return a.value is not None and b.value is not None  # "$4.5 million (US$6.9 million)"
    if not a.unit or not b.unit or a.unit == b.unit or a.value is None or b.value is None:
        return False
    if a.kind == "money" or b.kind == "money":
        return a.kind == b.kind == "money"
    return a.kind == b.kind == "measure" or _pint_compatible(a.unit, b.unit)


def _pint_compatible(u: str, v: str) -> bool:
    dims = dimensionality(u)
    return dims is not None and dims == dimensionality(v) and dims != "dimensionless"


def _pair(a: Claim, b: Claim, options: dict[str, Any], difference: bool = False) -> Outcome | None:
    if a.kind == "money":
        return _money(a, b, options)
    if difference and a.unit in _DELTAS and b.unit in _DELTAS:  # "0.72C (1.3F) above the average"
        return _measure_as(a, b, _DELTAS[a.unit], _DELTAS[b.unit], options)
    return _measure(a, b, options)


# a temperature given as a difference converts by the scale alone: 1C of warming is 1.8F
_DELTAS = {"degree_Celsius": "delta_degree_Celsius", "degree_Fahrenheit": "delta_degree_Fahrenheit"}


def _a_difference(ctx: Context, a: Claim, b: Claim) -> bool:
    """ "0.72C (1.3F) above the average", "warmed by 1.5C (2.7F)": a temperature difference, not a reading."""
    return bool(_DIFFERENCE_AFTER.match(ctx.after(b, 25)) or _DIFFERENCE_BEFORE.search(ctx.before(a, 25)))


_DIFFERENCE_AFTER = re.compile(
    r"^\s*(?:\u00b0?\s*[CF]\b)?\s*\)?\s*(?:above|below|warmer|colder|cooler|hotter|higher|lower|more|less)\b",
    re.I,
)
_DIFFERENCE_BEFORE = re.compile(
    r"\b(?:by|an?\s+(?:rise|increase|fall|drop|difference)\s+of|up|down)\s+(?:about|around|some|nearly)?\s*$",
    re.I,
)


def _measure(a: Claim, b: Claim, options: dict[str, Any]) -> Outcome | None:
    if a.unit is None or b.unit is None or a.value is None:
        return None
    outcome = _measure_as(a, b, a.unit, b.unit, options)
    if outcome is None or outcome.status == "pass":
        return outcome
    for unit_a, unit_b in _other_readings(a.unit, b.unit):  # "110 gallons" may be imperial gallons
        other = _measure_as(a, b, unit_a, unit_b, options)
        if other is not None and other.status == "pass":
            other.message += f" (reading {_reading(a.unit, unit_a)}{_reading(b.unit, unit_b)})"
            return other
    return outcome


def _other_readings(unit_a: str, unit_b: str) -> list[tuple[str, str]]:
    """The pairs of regional readings of two units other than pint's own (`regional_variants`)."""
    variants: dict[str, list[str]] = data("units")["regional_variants"]
    readings_a, readings_b = [unit_a, *variants.get(unit_a, [])], [unit_b, *variants.get(unit_b, [])]
    return [(x, y) for x in readings_a for y in readings_b if (x, y) != (unit_a, unit_b)]


def _reading(unit: str, read_as: str) -> str:
    return f"{unit} as {read_as}" if unit != read_as else ""


def _measure_as(a: Claim, b: Claim, unit_a: str, unit_b: str, options: dict[str, Any]) -> Outcome | None:
    assert a.value is not None
    shown_a = _bound_as_written(a) if a.qualifier in _OPEN_BOUNDS else as_written(a)  # "up to 180 km/h"
    lo, hi, mid = (convert(x, unit_a, unit_b) for x in (shown_a.lo, shown_a.hi, a.value))
    if lo is None or hi is None or mid is None:  # unknown or incompatible units: no check
        return None
    tol = options["measure_tolerance"]
    converted = Interval(min(lo, hi) * (1 - tol), max(lo, hi) * (1 + tol))
    shown = _result(a, b, options["approx_tolerance"])
    details = {
        "converted": round(float(mid), 4),
        "converted_range": converted.to_json(),
        "shown_range": shown.to_json(),
        "unit": unit_b,
    }
    msg = f"{label(a)} = {mid:,.4g} {unit_b}"
    if converted.overlaps(shown):
        return Outcome("pass", [a, b], f"{msg}; shown as {label(b)}", details)
    return Outcome("fail", [a, b], f"{msg}, not {label(b)}", details, anchor=b)


def _result(a: Claim, b: Claim, approx: float) -> Interval:
    """What a conversion's result may stand for: the writer rounded it, to any step its digits allow
    ("300 km" for 322), and "about" on the result alone ("8 metres (about 26 feet)") widens it by
    `approx`; an "about" the result shares with the figure converted ("about $26m (£13.8m)") is no
    latitude of the arithmetic."""
    if b.qualifier in _OPEN_BOUNDS:  # "up to 180 km/h (121 mph)": the bound is converted as written
        return point(b, approx=0.0)
    return interval(b, approx=0.0 if a.qualifier == "approx" else approx)


_OPEN_BOUNDS = ("at_least", "more_than", "at_most", "less_than")


def _bound_as_written(claim: Claim) -> Interval:
    """An open bound's own number, read at its last printed digit: "up to 180 km/h" converts 180."""
    value = claim.value or 0.0
    half = (printed_unit(claim) or step(claim)) / 2
    return Interval(value - half, value + half)


def _bands() -> dict[str, list[float]]:
    return dict(data("currencies")["usd_per_unit"])


def _money(a: Claim, b: Claim, options: dict[str, Any]) -> Outcome | None:
    bands = _bands()
    if a.unit not in bands or b.unit not in bands:
        return None
    tol = options["currency_tolerance"]
    ia, ib = _sum_as_written(a), _result(a, b, options["approx_tolerance"])
    if ia.lo <= 0 or ia.hi == float("inf") or ib.hi == float("inf"):
        return None
    implied = Interval(ib.lo / ia.hi, ib.hi / ia.lo)  # units of b per unit of a
    a_unit, b_unit = _named_unit(a, b), _named_unit(b, a)
    lo, hi = _rate_band(a_unit, b_unit)
    allowed = Interval(lo * (1 - tol), hi * (1 + tol))
    rate = (b.value or 0) / (a.value or 1)
    details = {"rate": round(rate, 6), "allowed_rate": allowed.to_json(), "pair": f"{a_unit}/{b_unit}"}
    msg = f"{label(a)} = {label(b)} implies 1 {a_unit} = {rate:.4g} {b_unit}"
    if implied.overlaps(allowed):
        return Outcome("pass", [a, b], f"{msg} (plausible: {allowed.lo:.3g}-{allowed.hi:.3g})", details)
    return Outcome("fail", [a, b], f"{msg}, outside {allowed.lo:.3g}-{allowed.hi:.3g}", details, anchor=b)


_LOCAL_DOLLAR = "local $"


def _named_unit(claim: Claim, other: Claim) -> str:
    """The currency as the copy names it: a bare "$" beside "US$" is a local dollar it leaves unnamed
    ("backed by $4.5 million (US$6.9 million) from the state government")."""
    if claim.unit == other.unit == "USD" and _BARE_DOLLAR.match(claim.text) and _US_DOLLAR.match(other.text):
        return _LOCAL_DOLLAR
    return str(claim.unit)


_BARE_DOLLAR = re.compile(r"^(?:[A-Za-z]+\s+)*\$")  # "$4.5 million", "about $4.5 million"
_US_DOLLAR = re.compile(r"^(?:[A-Za-z]+\s+)*(?:US\s?\$|USD)")


def _rate_band(a: str, b: str) -> tuple[float, float]:
    """Units of `b` per unit of `a`: a pair's own history when it is tabled (`cross_rates`), else the
    two currencies' dollar bands taken apart; a local dollar is any of `local_dollars`."""
    cross = data("currencies")["cross_rates"]
    if f"{a}/{b}" in cross:
        lo, hi = cross[f"{a}/{b}"]
        return lo, hi
    if f"{b}/{a}" in cross:
        lo, hi = cross[f"{b}/{a}"]
        return 1 / hi, 1 / lo
    a_lo, a_hi = _usd_band(a)
    b_lo, b_hi = _usd_band(b)
    return a_lo / b_hi, a_hi / b_lo


def _usd_band(unit: str) -> tuple[float, float]:
    bands = _bands()
    if unit == _LOCAL_DOLLAR:
        dollars = [bands[code] for code in data("currencies")["local_dollars"]]
        return min(lo for lo, _ in dollars), max(hi for _, hi in dollars)
    lo, hi = bands[unit]
    return lo, hi


def _sum_as_written(claim: Claim) -> Interval:
    """A sum converted, at its last printed digit, but a scaled one within its 5% ("£2 billion" is
    1.9-2.1bn: a writer with £1.6bn to convert writes "£1.6 billion"); an open bound's number converts
    as written too ("less than $10bn (£5.17bn)")."""
    written = as_written(claim)
    rounding, value = step(claim), claim.value or 0.0
    if 0 < rounding < written.hi - written.lo:
        return Interval(value - rounding / 2, value + rounding / 2)
    return written


def _same_document(rates: list[tuple[Claim, Claim, float]], tolerance: float) -> list[Outcome]:
    """Conversions of one currency pair in one article use one rate."""
    by_pair: dict[tuple[str, str], list[tuple[Claim, Claim, float]]] = {}
    for a, b, rate in rates:
        by_pair.setdefault((str(a.unit), str(b.unit)), []).append((a, b, rate))
    out = []
    for (ua, ub), items in by_pair.items():
        if len(items) < 3:
            continue  # with two, neither is the odd one out
        import statistics  # here: a rare path, and the module costs every command's start ~3 ms

        median = statistics.median(r for _, _, r in items)
        for a, b, rate in items:
            step_slack = _relative_rounding(a) + _relative_rounding(b)
            off = abs(rate / median - 1)
            details = {"rate": round(rate, 6), "document_rate": round(median, 6)}
            msg = (
                f"{label(a)} = {label(b)} uses 1 {ua} = {rate:.4g} {ub}; "
                f"the article's other conversions use {median:.4g}"
            )
            status: Status = "pass" if off <= tolerance + step_slack else "fail"
            out.append(Outcome(status, [a, b], msg, details, anchor=b, confidence="low"))
    return out


def _relative_rounding(claim: Claim) -> float:
    i = interval(claim)
    if not claim.value or i.hi == float("inf"):
        return 0.0
    return (i.hi - i.lo) / 2 / abs(claim.value)
