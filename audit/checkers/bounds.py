"""What a stated figure allows: rounding and qualifiers turned into an interval of true values.

"2,700" rounded to the hundred covers 2,650-2,750; "1.5 million" covers 1.45-1.55 million;
"about 50" widens by the approx tolerance; "at least 3,000" is open above. Every comparison the
rules make goes through these intervals, so published, consistent copy raises no false alarm.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from audit.model import Claim

INF = math.inf
DEFAULT_APPROX = 0.1  # "about 50" covers 45-55 unless a rule says otherwise

_DIGITS = re.compile(r"\d[\d,]*(?:\.(\d+))?")


@dataclass(frozen=True)
class Interval:
    lo: float
    hi: float

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def overlaps(self, other: Interval, slack: float = 1e-9) -> bool:
        return self.lo <= other.hi + slack and other.lo <= self.hi + slack

    def contains(self, x: float, slack: float = 1e-9) -> bool:
        return self.lo - slack <= x <= self.hi + slack

    def scale(self, factor: float) -> Interval:
        a, b = self.lo * factor, self.hi * factor
        return Interval(min(a, b), max(a, b))

    def show(self) -> str:
        if self.hi == INF:
            return f">= {fmt(self.lo)}"
        if self.lo <= 0 and self.hi != INF:
            return f"<= {fmt(self.hi)}"
        return f"{fmt(self.lo)}-{fmt(self.hi)}"

    def to_json(self) -> list[float | None]:
        return [_json(self.lo), _json(self.hi)]


_SCALED = re.compile(r"(?:\d|\s)(?:k|m|bn|tn|thousand|million|billion|trillion)\b", re.I)
_COUNTS = ("count", "bare")
_PERCENT_STEP = 1.0


def step(claim: Claim) -> float:
    """The rounding step of a figure; 0 for an exact head-count.

    The extractor's step when set, else read from the digits, with two house rules: a whole
    count under 100 ("30 killed", "12 others") is exact, not rounded to the ten, and a whole sum of
    money under 100 ("£50") is given to the unit; and a scaled
    figure is rounded at most to its scale ("$10bn" to the billion, not to ten billion) and at most
    5% either way ("$1bn" is 0.95-1.05bn); and a
    percentage at most to the whole percent ("20%" is 19.5-20.5, not "anywhere from 15% to 25%":
    copy writes a rough percentage as "about 20%", and "rose 20% to $6m from $4m" is a slip)."""
    return _step(claim.step, claim.number_text or claim.text, claim.value, claim.kind)


@functools.lru_cache(maxsize=65536)  # the rules ask for the same figures' steps again and again
def _step(claim_step: float | None, text: str, claim_value: float | None, kind: str) -> float:
    value = claim_value or 0.0
    raw = float(claim_step) if claim_step else derived_step(text, claim_value)
    scale = _scale_of(text, value)
    if scale is not None:
        raw = min(raw, scale, abs(value) * _SCALED_RELATIVE_STEP)
    if kind == "percent":
        raw = min(raw, _PERCENT_STEP)
    if kind in _COUNTS and float(value).is_integer() and (abs(value) < 100 or raw <= 1):
        return 0.0
    if kind == "money" and float(value).is_integer() and abs(value) < 100 and scale is None:
        return min(raw, 1.0)  # "to £50 from £40": a price under 100 is given to the unit, not the ten
    return raw


# A figure with a scale word is given to the precision copy uses for it: "$1bn" is about a billion
# (0.95-1.05bn), for a writer with $1.3bn to report writes "$1.3bn"; at most 5% either way.
_SCALED_RELATIVE_STEP = 0.1


def _scale_of(text: str, value: float) -> float | None:
    """The scale a figure is written in ("1.13bn" -> 1e9), or None for plain digits."""
    if not _SCALED.search(text):
        return None
    m = _DIGITS.search(text)
    if not m:
        return None
    stated = float(m.group(0).replace(",", ""))
    return abs(value) / stated if stated else None


def derived_step(number_text: str, value: float | None) -> float:
    """The step read from the digits: "2,700" -> 100, "1.13bn" -> 0.01 bn, "$10bn" -> 1 bn, "five" -> 1."""
    if value is None:
        return 1.0
    m = _DIGITS.search(number_text)
    if not m:
        return 1.0
    digits = m.group(0).replace(",", "")
    stated = float(digits)
    scale = abs(value) / stated if stated else 1.0
    decimals = m.group(1)
    if decimals:
        return scale * 10.0 ** -len(decimals)
    if not math.isclose(scale, 1.0):
        return scale  # "$10bn": to the billion
    if stated < 100:
        return 1.0
    trailing = len(digits) - len(digits.rstrip("0"))
    return 10.0 ** min(trailing, len(digits) - 1)


def interval(claim: Claim, approx: float = DEFAULT_APPROX) -> Interval:
    """The true values the stated figure allows, after rounding and its qualifier."""
    value = claim.value if claim.value is not None else 0.0
    half = step(claim) / 2
    low = claim.low if claim.low is not None else value
    high = claim.high if claim.high is not None else value
    q = claim.qualifier
    if q == "exact":
        return Interval(value - half, value + half)
    if q == "approx":
        width = max(half, approx * abs(value))
        return Interval(value - width, value + width)
    if q in ("at_least", "more_than"):
        return Interval(low - half, INF)
    if q in ("at_most", "less_than"):
        return Interval(0.0, high + half)
    return Interval(low - half, high + half)  # range


def beside(claim: Claim, partner: Claim, approx: float = DEFAULT_APPROX) -> Interval:
    """`interval` of a figure set beside another of its relation ("1,100 of the 2,000 pupils"): an
    exact round figure is read no coarser than its partner, for a writer who gives the part to the
    hundred gives the whole as finely ("2,000" is 1,950-2,050 there, not 1,500-2,500)."""
    own = step(claim)
    if claim.qualifier != "exact" or claim.value is None or own <= 0:
        return interval(claim, approx)
    finer = max(step(partner), printed_unit(claim) or 0.0)
    if finer >= own:
        return interval(claim, approx)
    return Interval(claim.value - finer / 2, claim.value + finer / 2)


_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def printed_unit(claim: Claim) -> float | None:
    """The value of a figure's last printed digit: 1 for "2000", 0.01bn for "5.38bn"; None for words."""
    m = _NUMBER.search(claim.number_text)
    if m is None or claim.value is None:
        return None
    digits = m.group(0).replace(",", "")
    stated = float(digits)
    scale = abs(claim.value / stated) if stated else 1.0
    decimals = len(digits.partition(".")[2])
    return scale * 10.0**-decimals


def as_written(claim: Claim) -> Interval:
    """The number a writer had in hand: the figure read at its last printed digit, with no
    qualifier's latitude ("about 10 miles" is 9.5-10.5); open bounds and ranges as `interval`."""
    unit = printed_unit(claim)
    if unit is None or claim.value is None or claim.qualifier not in ("exact", "approx"):
        return interval(claim)
    return Interval(claim.value - unit / 2, claim.value + unit / 2)


def point(claim: Claim, approx: float = DEFAULT_APPROX) -> Interval:
    """The stated figure itself with its rounding, ignoring open bounds: what a restatement repeats."""
    value = claim.value if claim.value is not None else 0.0
    half = step(claim) / 2
    if claim.qualifier == "approx":
        half = max(half, approx * abs(value))
    if claim.qualifier == "range" and claim.low is not None and claim.high is not None:
        return Interval(claim.low - half, claim.high + half)
    return Interval(value - half, value + half)


def total(claims: list[Claim], approx: float = DEFAULT_APPROX) -> Interval:
    out = Interval(0.0, 0.0)
    for c in claims:
        out = out + interval(c, approx)
    return out


def fmt(x: float) -> str:
    """A number as copy prints it: 3,000; 1.13; 76.8."""
    if x in (INF, -INF):
        return "unbounded"
    if abs(x) >= 1e9:
        return f"{x / 1e9:,.4g}bn"
    if abs(x) >= 1e6:
        return f"{x / 1e6:,.4g}m"
    if float(x).is_integer():
        return f"{int(x):,}"
    if abs(x) >= 1000:  # "10,827.12", never "1.083e+04"
        return f"{x:,.2f}".rstrip("0").rstrip(".")
    return f"{x:,.4g}" if abs(x) >= 1 else f"{x:.4g}"


def _json(x: float) -> float | None:
    if x in (INF, -INF):
        return None
    return round(x, 6)
