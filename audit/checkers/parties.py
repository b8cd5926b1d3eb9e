"""interested-party: a belligerent's figure for its enemy's losses or its own.

Party names come from `Config.parties` when set, else audit/data/parties.yaml (whose `sides`
say who fights whom). The subject's party ("Russian troops") tells enemy from own losses.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from audit.checkers import Context, Outcome, checker
from audit.checkers.relate import label
from audit.checkers.sourcing import casualty_figures
from audit.lexicon import data, words_pattern
from audit.model import Claim

_ASK = ": seek an independent figure"


@cache
def _default() -> tuple[dict[str, tuple[str, ...]], tuple[tuple[str, ...], ...]]:
    raw = data("parties")
    parties = {str(k): tuple(str(n) for n in v) for k, v in raw["parties"].items()}
    sides = tuple(tuple(str(p) for p in side) for side in raw.get("sides", []))
    return parties, sides


def party_lists(ctx: Context) -> tuple[dict[str, tuple[str, ...]], tuple[tuple[str, ...], ...]]:
    if ctx.config.parties:
        return {k: tuple(v) for k, v in ctx.config.parties.items()}, ()
    return _default()


def party_of(text: str | None, parties: dict[str, tuple[str, ...]]) -> str | None:
    """The party whose name appears in `text` (the longest name wins: "North Korean" over "Korean")."""
    if not text or not _any_name(tuple(n for names in parties.values() for n in names)).search(text):
        return None
    lowered = text.lower() if text.isascii() else None
    best: tuple[int, str] | None = None
    for party, names in parties.items():
        for name in names:
            if lowered is not None and not may_name(lowered, name):
                continue  # its first word is not in the text: its pattern is neither built nor searched
            if _any_name((name,)).search(text) and (best is None or len(name) > best[0]):
                best = (len(name), party)
    return best[1] if best else None


def may_name(lowered: str, name: str) -> bool:
    """False only when an ASCII text (`lowered`: lower-cased) cannot hold `name` as its pattern reads
    it, case aside: when the name's first word is not in it. A non-ASCII name is always true (`re.I`
    folds some non-ASCII letters to ASCII ones)."""
    words = name.lower().split()
    return not (name.isascii() and words) or words[0] in lowered


@lru_cache(maxsize=1024)
def _any_name(names: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{words_pattern(names)})(?!\w)", re.I)


def _side(party: str, sides: tuple[tuple[str, ...], ...]) -> int:
    return next((i for i, side in enumerate(sides) if party in side), -1)


@checker("interested-party")
def interested_party(ctx: Context, options: dict[str, Any]) -> list[Outcome]:
    """Casualty figures that rest on a party to the conflict."""
    parties, sides = party_lists(ctx)
    out = []
    for claim in casualty_figures(ctx):
        if not claim.sources:
            continue
        outcome = _judge(ctx, claim, parties, sides)
        out.append(outcome)
    return out


def _judge(
    ctx: Context, claim: Claim, parties: dict[str, tuple[str, ...]], sides: tuple[tuple[str, ...], ...]
) -> Outcome:
    for source in claim.sources:
        party = party_of(source.name, parties)
        if party is None:
            continue
        about = party_of(claim.subject, parties)
        details = {"party": party, "subject_party": about}
        if about is None:
            msg = f"{label(claim)} comes from {source.name}, a party to the conflict{_ASK}"
        elif about == party or (_side(party, sides) == _side(about, sides) != -1):
            msg = f"{label(claim)} is {source.name}'s figure for its own side's losses{_ASK}"
        else:
            msg = f"{label(claim)} is {source.name}'s figure for its enemy's losses{_ASK}"
        return Outcome("fail", [claim], msg, details)
    names = ", ".join(s.name for s in claim.sources)
    return Outcome("pass", [claim], f"{label(claim)} rests on {names}, not a party to the conflict")
