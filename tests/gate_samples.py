"""Hand-built audits for the gate's tests: a document, claims at given words, findings over them.

The rules engine is not needed: `audit_with` places claims on the first occurrence of each figure
text and findings on claims, exactly as the check stage would hand them over.
"""

from __future__ import annotations

from dataclasses import dataclass

from audit.config import Config
from audit.gate import gate_audit
from audit.load import from_text
from audit.model import Audit, Category, Check, Claim, Finding, Severity
from audit.results import GateRun


@dataclass(frozen=True)
class Figure:
    text: str
    value: float
    category: Category = "other"
    subject: str | None = None
    occurrence: int = 0  # which occurrence of `text` in the source


def claim_at(source: str, figure: Figure, claim_id: str) -> Claim:
    start = -1
    for _ in range(figure.occurrence + 1):
        start = source.index(figure.text, start + 1)
    end = start + len(figure.text)
    doc = from_text(source)
    line, column = doc.position(start)
    return Claim(
        id=claim_id,
        text=figure.text,
        start=start,
        end=end,
        line=line,
        column=column,
        value=figure.value,
        low=figure.value,
        high=figure.value,
        category=figure.category,
        subject=figure.subject,
        number_start=start,
        number_end=end,
    )


def finding_on(claims: list[Claim], rule: str, severity: Severity = "error", message: str = "") -> Finding:
    anchor = claims[0]
    family = "sourcing" if severity != "error" else "consistency"
    return Finding(
        rule=rule,
        family=family,
        severity=severity,
        message=message or f"{rule} fails on {anchor.text}",
        claims=[c.id for c in claims],
        start=anchor.start,
        end=anchor.end,
        line=anchor.line,
        column=anchor.column,
    )


def audit_with(
    source: str,
    figures: list[Figure],
    findings: list[tuple[str, Severity, list[int]]],
    path: str = "draft.md",
    fmt: str = "markdown",
) -> Audit:
    """`findings`: (rule, severity, indexes into `figures`): the first index is where it points."""
    doc = from_text(source, path=path, fmt=fmt)
    claims = [claim_at(source, f, f"c{n + 1}") for n, f in enumerate(figures)]
    built = [finding_on([claims[i] for i in idx], rule, sev) for rule, sev, idx in findings]
    checks = [Check(f.rule, f.family, "fail", list(f.claims), f.message) for f in built]
    return Audit(document=doc, claims=claims, checks=checks, findings=built)


BROKEN_SUM = (
    "# Shelling near the border\n"
    "\n"
    "The ministry said at least 3,000 casualties were recorded, with 300 killed and 1,700 wounded.\n"
    "\n"
    "Bread prices rose 50% from 4 to 8 lari in a month.\n"
)


def broken_sum_audit(path: str = "draft.md") -> Audit:
    return audit_with(
        BROKEN_SUM,
        [
            Figure("3,000 casualties", 3000, "casualties", "soldiers"),
            Figure("300 killed", 300, "killed", "soldiers"),
            Figure("1,700 wounded", 1700, "wounded", "soldiers"),
            Figure("50%", 50),
            Figure("4", 4, occurrence=0),
        ],
        [
            ("breakdown-sum", "error", [0, 1, 2]),
            ("percent-change", "error", [3, 4]),
            ("unattributed", "warning", [1]),
        ],
        path=path,
    )


def gate_run(*audits: Audit, fail_on: Severity = "error") -> GateRun:
    """What the gate reports for hand-built audits, under the default config."""
    return GateRun([gate_audit(a, Config(), a.document.path) for a in audits], fail_on)
