"""What attribution finds: an `Attribution` (who, through whom, facing which way) and a `Quotation`.

Plain records, decided nowhere here: cues.py and chains.py make attributions, quotations.py makes
quotations and gives them speakers, scope.py picks the one that governs each figure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from audit.attribute.originators import Mention

Direction = Literal["forward", "backward", "both"]


@dataclass
class Attribution:
    """One attribution in a sentence: who (`mentions`), through whom (`via`), which way it faces."""

    cue: str
    start: int  # the whole expression: mentions and cue
    end: int
    mentions: list[Mention]
    direction: Direction
    sentence: int
    via: list[Mention] = field(default_factory=list)
    in_quote: bool = False
    provenance: bool = False  # "the figures had been provided by the police": re-roots earlier figures
    corroborates: bool = False  # ", a figure confirmed by the ministry": a second originator, added
    place_record: bool = False  # "Lagos recorded 310 deaths": a place records nothing, a speaker counts


@dataclass
class Quotation:
    start: int
    end: int
    speaker: Attribution | None = None
    closed: bool = True  # False: no closing mark, cut at the end of its sentence
