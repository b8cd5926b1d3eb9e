"""Geometry for the report's inline SVG charts. Pure layout: numbers in, boxes out.

`templates/charts.html.j2` draws what these functions lay out, so every label goes through
Jinja's autoescape. Two pictures:

- a breakdown bar per `breakdown-sum` check: the parts stacked against the stated total,
  with the band of values the total covers once rounding and its qualifier are allowed for;
- figures per source: one bar per originator, split by the state of each figure.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from audit.model import Check, Claim

WIDTH = 640.0
LABEL_WIDTH = 190.0  # room for the row labels on the left
BAR_HEIGHT = 22.0
ROW_GAP = 10.0
BAND_HEIGHT = 8.0
OPEN_ABOVE = ("at_least", "more_than")
OPEN_BELOW = ("at_most", "less_than")


@dataclass(frozen=True)
class Box:
    """A rectangle in chart coordinates, with the claim it stands for (if any)."""

    x: float
    y: float
    width: float
    height: float
    label: str = ""
    claim_id: str = ""
    css: str = ""
    title: str = ""

    @property
    def fits(self) -> bool:
        """Whether the label fits inside the box (about 7 units a character at the chart's size)."""
        return self.width >= len(self.label) * 7 + 8


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass
class BreakdownChart:
    """Parts stacked on one row, the stated total and its band on the row below."""

    status: str
    message: str
    total_label: str
    parts: list[Box]
    total: Box
    band: Box
    band_open: bool  # the total has no upper bound ("at least 3,000")
    sum_x: float  # where the parts end
    sum_label: str
    sum_range: str  # what the parts add up to once each is allowed its rounding
    ticks: list[Tick]
    width: float = WIDTH
    height: float = 0.0


@dataclass
class SourceChart:
    rows: list[tuple[Box, list[Box]]]  # (label box, segments)
    ticks: list[Tick] = field(default_factory=list)
    width: float = WIDTH
    height: float = 0.0


def claim_band(claim: Claim) -> tuple[float, float | None]:
    """The values a stated figure covers: its qualifier's bounds widened by half its rounding step.

    `None` as the upper end means unbounded ("at least 3,000")."""
    value = claim.value or 0.0
    half = (claim.step or 0.0) / 2
    low = claim.low if claim.low is not None else (0.0 if claim.qualifier in OPEN_BELOW else value)
    high = claim.high if claim.high is not None else (None if claim.qualifier in OPEN_ABOVE else value)
    low = max(0.0, low - half)
    return low, (high + half if high is not None else None)


def breakdown_chart(
    check: Check, claims: Mapping[str, Claim], formatter: Any = None
) -> BreakdownChart | None:
    """Lay out one `breakdown-sum` check; `check.claims` is [total, part, part, ...].

    Returns None when the check names a claim that is missing or has no value."""
    fmt = formatter or _plain
    found = [claims.get(cid) for cid in check.claims]
    if len(found) < 2 or any(c is None or c.value is None for c in found):
        return None
    total, *parts = [c for c in found if c is not None]
    low, high = _detail_band(check.details) or claim_band(total)
    part_sum = sum(p.value or 0.0 for p in parts)
    sum_low, sum_high = _range(check.details.get("sum_range")) or _sum_band(parts)
    top = max(total.value or 0.0, part_sum, low, high or 0.0) * 1.08 or 1.0
    scale = (WIDTH - LABEL_WIDTH - 16) / top
    y_parts = 20.0
    y_total = y_parts + BAR_HEIGHT + ROW_GAP
    y_band = y_total + BAR_HEIGHT + 6
    boxes, x = [], LABEL_WIDTH
    for i, part in enumerate(parts):
        w = (part.value or 0.0) * scale
        label = (
            f"{fmt(part.value)} {part.category}"
            if part.category not in ("other", "count")
            else fmt(part.value)
        )
        boxes.append(Box(x, y_parts, w, BAR_HEIGHT, label, part.id, f"part part-{i % 4}", part.text))
        x += w
    total_box = Box(
        LABEL_WIDTH,
        y_total,
        (total.value or 0.0) * scale,
        BAR_HEIGHT,
        fmt(total.value),
        total.id,
        "total",
        total.text,
    )
    band_right = (high if high is not None else top) * scale + LABEL_WIDTH
    band = Box(
        LABEL_WIDTH + low * scale,
        y_band,
        band_right - LABEL_WIDTH - low * scale,
        BAND_HEIGHT,
        _band_label(low, high, fmt),
        total.id,
        "band",
    )
    return BreakdownChart(
        status=check.status,
        message=check.message,
        total_label=total.text,
        parts=boxes,
        total=total_box,
        band=band,
        band_open=high is None,
        sum_x=x,
        sum_label=fmt(part_sum),
        sum_range=_band_label(sum_low, sum_high, fmt),
        ticks=_ticks(top, scale, fmt),
        height=y_band + BAND_HEIGHT + 24,
    )


def source_chart(rows: Sequence[tuple[str, Sequence[tuple[str, int]]]]) -> SourceChart | None:
    """Figures per source: `rows` is [(originator name, [(state, count), ...]), ...]."""
    if not rows:
        return None
    top = max(sum(n for _, n in segs) for _, segs in rows) or 1
    scale = (WIDTH - LABEL_WIDTH - 40) / top
    out: list[tuple[Box, list[Box]]] = []
    for i, (name, segs) in enumerate(rows):
        y = 8 + i * (BAR_HEIGHT + 8)
        label = Box(LABEL_WIDTH - 8, y + BAR_HEIGHT * 0.68, 0, 0, _shorten(name, 28), title=name)
        x, boxes = LABEL_WIDTH, []
        for state, n in segs:
            if n:
                boxes.append(Box(x, y, n * scale, BAR_HEIGHT, str(n), css=f"s-{state}", title=f"{n} {state}"))
                x += n * scale
        total = sum(n for _, n in segs)
        boxes.append(Box(x + 6, y + BAR_HEIGHT * 0.68, 0, 0, str(total), css="count"))
        out.append((label, boxes))
    height = 8 + len(rows) * (BAR_HEIGHT + 8) + 4
    return SourceChart(rows=out, height=height)


def _detail_band(details: Mapping[str, Any]) -> tuple[float, float | None] | None:
    """The band the rules engine allowed the total, when it says: `total_range` [low, high|null]."""
    return _range(details.get("total_range"))


def _range(pair: Any) -> tuple[float, float | None] | None:
    if not isinstance(pair, list | tuple) or len(pair) != 2 or not isinstance(pair[0], int | float):
        return None
    high = pair[1]
    return float(pair[0]), (float(high) if isinstance(high, int | float) else None)


def _sum_band(parts: Sequence[Claim]) -> tuple[float, float | None]:
    bands = [claim_band(p) for p in parts]
    highs = [h for _, h in bands]
    return sum(lo for lo, _ in bands), (None if None in highs else sum(h for h in highs if h is not None))


def _ticks(top: float, scale: float, fmt: Any) -> list[Tick]:
    step = _nice_step(top / 4)
    return [Tick(LABEL_WIDTH + v * scale, fmt(v)) for v in _frange(0.0, top, step)]


def _nice_step(raw: float) -> float:
    if raw <= 0:
        return 1.0
    exp = 10 ** math.floor(math.log10(raw))
    return next(m * exp for m in (1, 2, 2.5, 5, 10) if m * exp >= raw)


def _frange(start: float, stop: float, step: float) -> list[float]:
    n = int(stop // step) + 1
    return [start + i * step for i in range(n) if start + i * step <= stop]


def _band_label(low: float, high: float | None, fmt: Any) -> str:
    return f"{fmt(low)}–{fmt(high)}" if high is not None else f"{fmt(low)} or more"


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _plain(x: float | None) -> str:
    if x is None:
        return ""
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.4g}"
