"""Ranges: "200-300", "between 200 and 300", "one or two", "8- to 16-meter"."""

from __future__ import annotations

import re

from audit import numbers
from audit.extract.figure import Figure

# "rose from 4 to 8", "grew by 1.4 million to 44.9 million": a change and a new value, no range
_CHANGE_BEFORE = re.compile(r"\b(?:from|by|rose|fell|increased|decreased|up|down|cut|raised)\s+(?:\S+\s+)?$")
_SPAN_BEFORE = re.compile(
    r"\b(?:anywhere|somewhere|ranging|ranges?|ranged|varying|vary|varies)\s+from\s+(?:\S+\s+)?$"
)
_RANGE_GAP = re.compile(r"^\s*(?:-|\u2013|\u2014|-?\s*to|or|and)\s*$", re.IGNORECASE)


_PERCENT_GAP = re.compile(r"^(\s*%?\s*)")


def join_ranges(text: str, figs: list[Figure]) -> list[Figure]:
    out: list[Figure] = []
    i = 0
    while i < len(figs):
        a = figs[i]
        if i + 1 < len(figs) and _is_range(text, a, figs[i + 1]):
            b = figs[i + 1]
            between = re.search(r"\bbetween\s+(?:\S+\s+){0,1}$", text[max(0, a.start - 20) : a.start], re.I)
            start = a.start - len(between.group(0)) if between else a.start
            lo, hi = a.value, b.value
            scale = _shared_scale(text, a, b)  # "six or seven million": millions both
            lo = a.value * scale
            out.append(
                Figure(
                    start,
                    b.end,
                    a.number_start,
                    b.number_end,
                    (lo + hi) / 2,
                    lo,
                    hi,
                    "range",
                    kind=a.kind,
                    step=min((a.step or 1) * scale, b.step or 1),
                    mention=a.mention,
                )
            )
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _shared_scale(text: str, a: Figure, b: Figure) -> float:
    """The scale word of the second number, when the first has none and reads as less than the second
    with it ("six or seven million", "between 2 and 3bn", "two to three hundred"); else 1 ("from 40
    to 50,000", "500 to 2 million")."""
    scale = numbers.scale_of(text[b.number_start : b.number_end])
    if scale == 1 or numbers.scale_of(text[a.number_start : a.number_end]) != 1:
        return 1.0
    return scale if a.value * scale <= b.value else 1.0


def _is_range(text: str, a: Figure, b: Figure) -> bool:
    gap = text[a.end : b.start]
    gm = _PERCENT_GAP.match(gap)
    unit_gap = gap[len(gm.group(1)) :] if gm and "%" in gap else gap
    if not _RANGE_GAP.match(unit_gap):
        return False
    word = unit_gap.strip().lower()
    before = text[max(0, a.start - 25) : a.start].lower()
    if word == "and" and not re.search(r"\bbetween\s+(?:\S+\s+)?$", before):
        return False
    if word == "to" and _CHANGE_BEFORE.search(before) and not _SPAN_BEFORE.search(before):
        return False  # "rose from 4 to 8" is a change; "anywhere from 2,000 to 10,000" a range
    if word == "or" and a.kind != b.kind:
        return False
    if "%" in gap and not re.match(r"\s*(?:%|percent\b|per\s+cent\b)", text[b.end : b.end + 12], re.I):
        return False  # "rose 8% to 4.7m": a percentage and a new value, not a range
    if a.kind in ("vague", "fraction") or b.kind in ("vague", "fraction"):
        return False
    if word in ("-", "\u2013") and _IN_A_SCORE_LIST.search(text[max(0, a.start - 12) : b.end + 12]):
        return False  # "beat him 1-6, 7-6, 3-6": set scores, no ranges
    return a.value < b.value or (b.mention is not None and b.mention.value > a.value)


# two dashed pairs of small whole numbers side by side, by a comma or a bracket: a list of scores
_IN_A_SCORE_LIST = re.compile(
    r"\d{1,3}\s?[-\u2013]\s?\d{1,3}\s*(?:\([^)]*\)\s*)?[,;]\s*\d{1,3}\s?[-\u2013]\s?\d{1,3}"
)
