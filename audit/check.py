"""Stage 5, check: the rules engine.

Grades every casualty figure (`claim.grade`), then runs each enabled rule's checker and turns its
outcomes into `checks` (every check run, passed or failed, arithmetic written out) and `findings`
(the failed ones a reader must act on, at the rule's configured severity).
"""

from __future__ import annotations

from audit.checkers import Context, Outcome, load_builtin
from audit.checkers.sourcing import grade_claims
from audit.config import Config
from audit.model import Check, Claim, Document, Finding, Severity
from audit.rulebook import Rule, enabled, load_rules, severity

_LOWER: dict[str, Severity] = {"error": "warning", "warning": "info", "info": "info"}


def check(doc: Document, claims: list[Claim], config: Config) -> tuple[list[Check], list[Finding]]:
    """Run every enabled rule on one document's claims."""
    ctx = Context(doc=doc, claims=claims, config=config)
    grade_claims(ctx)
    registry = load_builtin()
    checks: list[Check] = []
    findings: list[Finding] = []
    for rule in load_rules(config):
        if not enabled(rule, config):
            continue
        for outcome in registry[rule.checker].run(ctx, rule.options):
            checks.append(_check(rule, outcome))
            if outcome.status == "fail":
                findings.append(_finding(doc, rule, outcome, config))
    findings.sort(key=lambda f: (f.start, f.rule))
    return checks, findings


def _check(rule: Rule, outcome: Outcome) -> Check:
    return Check(
        rule=rule.id,
        family=rule.family,  # type: ignore[arg-type]
        status=outcome.status,
        claims=[c.id for c in outcome.claims],
        message=outcome.message,
        details=dict(outcome.details),
    )


def _finding(doc: Document, rule: Rule, outcome: Outcome, config: Config) -> Finding:
    anchor = outcome.anchor or outcome.claims[0]
    level: Severity = severity(rule, config)  # type: ignore[assignment]
    if outcome.confidence == "low":
        level = _LOWER[level]
    end_line, end_column = doc.position(anchor.end)
    return Finding(
        rule=rule.id,
        family=rule.family,  # type: ignore[arg-type]
        severity=level,
        message=outcome.finding or outcome.message,
        claims=[c.id for c in outcome.claims],
        start=anchor.start,
        end=anchor.end,
        line=anchor.line,
        column=anchor.column,
        end_line=end_line,
        end_column=end_column,
    )
