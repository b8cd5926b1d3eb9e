"""Stage 4, attribute: who each figure rests on (sources, chains, hedges).

STUB until the attribution work lands: every figure is unattributed."""

from __future__ import annotations

from audit.model import Claim, Document


def attribute(doc: Document, claims: list[Claim]) -> None:
    for claim in claims:
        claim.sources = []
