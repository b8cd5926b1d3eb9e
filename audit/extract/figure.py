"""The figure being built, and the small mutations every step applies to it."""

from __future__ import annotations

from dataclasses import dataclass, field

from audit import numbers
from audit.numbers import Mention


@dataclass
class Figure:
    """A figure being built, offsets relative to its sentence."""

    start: int
    end: int
    number_start: int
    number_end: int
    value: float
    low: float | None
    high: float | None
    qualifier: str = "exact"
    unit: str | None = None
    kind: str = "bare"
    step: float | None = None
    category: str = "other"
    cue: str | None = None
    subject: str | None = None
    minor_unit: bool = False  # written in cents or pence, scaled to the main unit
    noun_end: int = -1  # end of the counted noun ("3,000 casualties"), if any
    mention: Mention | None = field(default=None, repr=False)

    @classmethod
    def of(cls, m: Mention) -> Figure:
        """A figure that is, so far, just the number as written."""
        return cls(
            m.start, m.end, m.start, m.end, m.value, m.value, m.value, kind=m.kind, step=m.step, mention=m
        )


def set_bounds(fig: Figure) -> None:
    v, q = fig.value, fig.qualifier
    if q == "range":
        return
    fig.low, fig.high = {
        "exact": (v, v),
        "approx": (None, None),
        "at_least": (v, None),
        "more_than": (v, None),
        "at_most": (None, v),
        "less_than": (None, v),
    }[q]


def scale(fig: Figure, factor: float) -> None:
    fig.value = numbers._clean(fig.value * factor)
    fig.low = None if fig.low is None else numbers._clean(fig.low * factor)
    fig.high = None if fig.high is None else numbers._clean(fig.high * factor)
    fig.step = None if fig.step is None else fig.step * factor
