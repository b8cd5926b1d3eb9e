"""Stage 5, check: the rules engine. STUB until the rules work lands."""

from __future__ import annotations

from audit.config import Config
from audit.model import Check, Claim, Document, Finding


def check(doc: Document, claims: list[Claim], config: Config) -> tuple[list[Check], list[Finding]]:
    return [], []
