"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Each finding is a result at its figure, with `partialFingerprints` keyed to the claims (so code
scanning tracks an alert across edits elsewhere) and related locations for the other claims the
check compared, and a `fix` replacing the figure's number when the check has one probable repair.
Rules carry their summary and rationale from the rule files.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from audit import __version__
from audit.model import Finding
from audit.results import RuleInfo, claim_label, rule_catalogue
from audit.suggest import edit_name

if TYPE_CHECKING:
    from audit.results import FileResult, GateRun

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "auditClaim/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(run: GateRun) -> str:
    return json.dumps(sarif_log(run), ensure_ascii=False, indent=2) + "\n"


def sarif_log(run: GateRun) -> dict[str, Any]:
    catalogue = {k: v for r in run.results for k, v in rule_catalogue(tuple(r.config.rule_dirs)).items()}
    rule_ids = sorted({f.rule for r in run.results for f in r.audit.findings})
    rules = [_rule(catalogue.get(rule_id) or _unknown_rule(rule_id, run)) for rule_id in rule_ids]
    index = {rule_id: n for n, rule_id in enumerate(rule_ids)}
    results = [_result(r, f, index[f.rule]) for r in run.results for f in r.audit.findings]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "audit", "version": __version__, "rules": rules}},
                "columnKind": "unicodeCodePoints",
                "results": results,
                "invocations": [_invocation(run)],
            }
        ],
    }


def _rule(info: RuleInfo) -> dict[str, Any]:
    level = LEVELS.get(info.severity, "warning")
    return {
        "id": info.id,
        "name": info.name,
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": info.rationale},
        "help": {"text": info.rationale, "markdown": _help_markdown(info)},
        "defaultConfiguration": {"level": level},
        "properties": {"tags": ["audit", info.family], "problem.severity": _problem_severity(level)},
    }


def _help_markdown(info: RuleInfo) -> str:
    return (
        f"**{info.summary}**\n\n{info.rationale}\n\n"
        f"Family: {info.family}; default severity: {info.severity}. To accept one occurrence, put "
        f"`<!-- audit: ignore[{info.id}] reason -->` above its paragraph, or record it in the baseline "
        f"with `audit check --baseline FILE --update-baseline`. `audit rules {info.id}` explains the rule."
    )


def _problem_severity(level: str) -> str:
    return {"error": "error", "warning": "warning"}.get(level, "recommendation")


def _result(result: FileResult, finding: Finding, rule_index: int) -> dict[str, Any]:
    out: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            _location(result.uri, finding.line, finding.column, finding.end_line, finding.end_column)
        ],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": {"family": finding.family, "claims": list(finding.claims)},
    }
    related = _related(result, finding)
    if related:
        out["relatedLocations"] = related
    fix = _fix(result, finding)
    if fix:
        out["fixes"] = [fix]
    return out


def _fix(result: FileResult, finding: Finding) -> dict[str, Any] | None:
    """The one probable repair as a replacement of the figure's number text."""
    s = finding.suggestion
    claim = next((c for c in result.audit.claims if s and c.id == s["claim"]), None)
    if s is None or claim is None or claim.number_start < 0:
        return None
    doc = result.document
    line, column = doc.position(claim.number_start)
    end_line, end_column = doc.position(claim.number_end)
    region = {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}
    return {
        "description": {"text": f"Replace {s['from']} with {s['to']} ({edit_name(s['edit'])})"},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": uri_reference(result.uri)},
                "replacements": [{"deletedRegion": region, "insertedContent": {"text": s["to"]}}],
            }
        ],
    }


def _related(result: FileResult, finding: Finding) -> list[dict[str, Any]]:
    by_id = {c.id: c for c in result.audit.claims}
    doc = result.document
    out: list[dict[str, Any]] = []
    for claim_id in finding.claims:
        claim = by_id.get(claim_id)
        if claim is None or claim.start == finding.start:
            continue
        end_line, end_column = doc.position(claim.end)
        location = _location(result.uri, claim.line, claim.column, end_line, end_column)
        location["id"] = len(out)
        location["message"] = {"text": f"{claim.id}: {claim_label(claim)}"}
        out.append(location)
    return out


def _location(uri: str, line: int, column: int, end_line: int, end_column: int) -> dict[str, Any]:
    region = {"startLine": max(line, 1), "startColumn": max(column, 1)}
    if end_line >= region["startLine"]:
        region["endLine"] = end_line
        region["endColumn"] = max(end_column, 1)
    return {"physicalLocation": {"artifactLocation": {"uri": uri_reference(uri)}, "region": region}}


def uri_reference(path: str) -> str:
    """A relative path as a URI reference: spaces, `%`, `#` and non-ASCII percent-encoded."""
    return quote(path, safe="/")


def _invocation(run: GateRun) -> dict[str, Any]:
    notes = [
        {
            "level": "error",
            "message": {"text": f"{r.uri}: {r.document.error}"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri_reference(r.uri)}}}],
        }
        for r in run.input_errors
    ]
    out: dict[str, Any] = {"executionSuccessful": not notes}
    if notes:
        out["toolExecutionNotifications"] = notes
    return out


def _unknown_rule(rule_id: str, run: GateRun) -> RuleInfo:
    sample = next(f for r in run.results for f in r.audit.findings if f.rule == rule_id)
    words = rule_id.replace("-", " ")
    return RuleInfo(
        rule_id, sample.family, sample.severity, f"The {words} check.", f"The {words} check failed."
    )
