"""SARIF 2.1.0: valid against the OASIS schema and shaped the way GitHub code scanning reads it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from gate_samples import Figure, audit_with, broken_sum_audit, gate_run

from audit.model import Audit, Document
from audit.render import sarif
from audit.results import FileResult, GateRun


@pytest.fixture(scope="module")
def validator(shared: Path) -> jsonschema.protocols.Validator:
    schema = json.loads((shared / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def log_of(run: GateRun) -> dict[str, Any]:
    return json.loads(sarif.render(run))


def test_validates_against_the_schema(validator: jsonschema.protocols.Validator) -> None:
    validator.validate(log_of(gate_run(broken_sum_audit())))


def test_the_schema_check_can_fail(validator: jsonschema.protocols.Validator) -> None:
    log = log_of(gate_run(broken_sum_audit()))
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(log)


def test_results_carry_rule_level_region_and_fingerprint() -> None:
    run = log_of(gate_run(broken_sum_audit()))["runs"][0]
    first = run["results"][0]
    assert first["ruleId"] == "breakdown-sum" and first["level"] == "error"
    assert run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == "breakdown-sum"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "draft.md"
    assert location["region"] == {"startLine": 3, "startColumn": 28, "endLine": 3, "endColumn": 44}
    assert run["columnKind"] == "unicodeCodePoints"
    assert len(first["partialFingerprints"]["auditClaim/v1"]) == 20
    assert [r["level"] for r in run["results"]] == ["error", "warning", "error"]


def test_related_locations_are_the_other_claims_of_the_check() -> None:
    first = log_of(gate_run(broken_sum_audit()))["runs"][0]["results"][0]
    related = first["relatedLocations"]
    assert [r["message"]["text"] for r in related] == ["c2: 300 killed", "c3: 1,700 wounded"]
    assert related[0]["physicalLocation"]["region"]["startColumn"] == 65
    assert [r["id"] for r in related] == [0, 1]


def test_rules_have_descriptions_help_and_default_level() -> None:
    rules = log_of(gate_run(broken_sum_audit()))["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(r["id"] for r in rules)
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")


def test_the_gates_own_rule_is_described_from_its_data_file() -> None:
    audit = audit_with("<!-- audit: ignore[range-order] -->\nCalm.\n", [], [])
    log = log_of(gate_run(audit))
    (rule,) = log["runs"][0]["tool"]["driver"]["rules"]
    assert rule["id"] == "unused-suppression" and "silences nothing" in rule["shortDescription"]["text"]
    assert log["runs"][0]["results"][0]["level"] == "warning"


def test_fingerprints_survive_edits_elsewhere() -> None:
    before = broken_sum_audit()
    after = audit_with(
        "An added paragraph.\n\n" + before.document.source,
        [Figure(c.text, c.value or 0, c.category, c.subject) for c in before.claims],
        [(f.rule, f.severity, [int(cid[1:]) - 1 for cid in f.claims]) for f in before.findings],
    )

    def prints(audit: Audit) -> list[tuple[int, str]]:
        results = log_of(gate_run(audit))["runs"][0]["results"]
        return [
            (
                r["locations"][0]["physicalLocation"]["region"]["startLine"],
                r["partialFingerprints"]["auditClaim/v1"],
            )
            for r in results
        ]

    assert [line for line, _ in prints(after)] == [line + 2 for line, _ in prints(before)]
    assert [fp for _, fp in prints(after)] == [fp for _, fp in prints(before)]
    assert len({fp for _, fp in prints(before)}) == 3


def test_unreadable_files_are_tool_notifications(validator: jsonschema.protocols.Validator) -> None:
    broken = Document(path="gone.md", source="", prose="", error="cannot read: No such file or directory")
    run = GateRun([FileResult(Audit(document=broken), "gone.md"), *gate_run(broken_sum_audit()).results])
    log = log_of(run)
    validator.validate(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"].startswith("gone.md: cannot read")


def test_windows_and_nested_paths_use_forward_slashes(tmp_path: Path) -> None:
    from audit.gate import display_uri

    nested = tmp_path / "desk" / "a.md"
    assert display_uri(str(nested)).endswith("desk/a.md")
    assert display_uri("./desk/a.md") == "desk/a.md"
    assert display_uri("-") == "stdin"


def test_paths_become_uri_references(validator: jsonschema.protocols.Validator) -> None:
    log = log_of(gate_run(broken_sum_audit(path="desk notes/100% ü#1.md")))
    validator.validate(log)
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "desk%20notes/100%25%20%C3%BC%231.md"
