"""The baseline: fingerprints keyed to claims survive edits elsewhere; changed figures are new."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from gate_samples import BROKEN_SUM, Figure, audit_with, broken_sum_audit
from hypothesis import given
from hypothesis import strategies as st

from audit import baseline
from audit.atomic import write_atomic
from audit.model import Audit


def fingerprints(audit: Audit) -> list[str]:
    return [baseline.fingerprint(f, audit) for f in audit.findings]


def test_fingerprints_ignore_where_the_claims_stand() -> None:
    before = broken_sum_audit()
    moved = BROKEN_SUM.replace("# Shelling near the border\n", "# Shelling\n\nA new first paragraph.\n\n")
    after = audit_with(
        moved,
        [Figure(c.text, c.value or 0, c.category, c.subject) for c in before.claims],
        [(f.rule, f.severity, [int(cid[1:]) - 1 for cid in f.claims]) for f in before.findings],
    )
    assert after.findings[0].line != before.findings[0].line
    assert fingerprints(after) == fingerprints(before)


@pytest.mark.parametrize(
    "change",
    [
        {"value": 3100.0},
        {"category": "killed"},
        {"subject": "civilians"},
        {"qualifier": "at_least"},
    ],
)
def test_fingerprints_change_with_figure_category_or_subject(change: dict[str, object]) -> None:
    audit = broken_sum_audit()
    first = baseline.fingerprint(audit.findings[0], audit)
    audit.claims[0] = replace(audit.claims[0], **change)  # type: ignore[arg-type]
    assert baseline.fingerprint(audit.findings[0], audit) != first


def test_fingerprints_differ_by_rule_and_ignore_subject_case_and_spacing() -> None:
    audit = broken_sum_audit()
    first = baseline.fingerprint(audit.findings[0], audit)
    assert baseline.fingerprint(replace(audit.findings[0], rule="subset"), audit) != first
    audit.claims[0] = replace(audit.claims[0], subject="  Soldiers ")
    assert baseline.fingerprint(audit.findings[0], audit) == first


def test_the_figure_is_normalised_not_the_typing() -> None:
    audit = broken_sum_audit()
    first = baseline.fingerprint(audit.findings[0], audit)
    audit.claims[0] = replace(audit.claims[0], text="three thousand casualties")
    assert baseline.fingerprint(audit.findings[0], audit) == first


@given(st.integers(min_value=0, max_value=10_000))
def test_fingerprint_ignores_offsets(shift: int) -> None:
    audit = broken_sum_audit()
    first = fingerprints(audit)
    audit.claims = [
        replace(c, start=c.start + shift, end=c.end + shift, line=c.line + shift) for c in audit.claims
    ]
    assert fingerprints(audit) == first


def test_record_dump_load_and_split(tmp_path: Path) -> None:
    audit = broken_sum_audit(path=str(tmp_path / "desk" / "draft.md"))
    findings = [replace(f, fingerprint=baseline.fingerprint(f, audit)) for f in audit.findings]
    known = baseline.Baseline(path=tmp_path / "audit-baseline.json")
    known.record(audit.document.path, findings[:2])
    write_atomic(known.path, baseline.dumps(known))

    data = json.loads(known.path.read_text())
    assert data["schema"] == baseline.SCHEMA
    assert {e["path"] for e in data["findings"]} == {"desk/draft.md"}
    assert all("line" not in e for e in data["findings"])

    loaded = baseline.load(known.path)
    new, accepted = loaded.split(audit.document.path, findings)
    assert accepted == findings[:2] and new == findings[2:]
    assert loaded.split(str(tmp_path / "other.md"), findings) == (findings, [])


def test_each_entry_accepts_one_occurrence(tmp_path: Path) -> None:
    audit = broken_sum_audit()
    finding = replace(audit.findings[0], fingerprint="f" * 20)
    known = baseline.Baseline(path=tmp_path / "b.json")
    known.record("draft.md", [finding, finding])
    write_atomic(known.path, baseline.dumps(known))
    assert json.loads(known.path.read_text())["findings"][0]["count"] == 2
    new, accepted = baseline.load(known.path).split("draft.md", [finding] * 3)
    assert len(accepted) == 2 and len(new) == 1


def test_a_missing_baseline_is_empty(tmp_path: Path) -> None:
    assert baseline.load(tmp_path / "none.json").known == {}


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("{", "cannot read baseline"),
        ('{"schema": "other", "findings": []}', "not an audit baseline"),
        ('{"schema": "audit.baseline/1", "findings": [{"path": 1}]}', "findings[0]"),
        (
            '{"schema": "audit.baseline/1", "findings": [{"path": "a", "fingerprint": "b", "count": 0}]}',
            "'count'",
        ),
    ],
)
def test_bad_baselines_are_named_errors(tmp_path: Path, text: str, fragment: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(text)
    with pytest.raises(baseline.BaselineError) as raised:
        baseline.load(path)
    assert str(path) in str(raised.value) and fragment in str(raised.value)


def test_write_atomic_replaces_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.json"
    write_atomic(target, "one")
    write_atomic(target, "two")
    assert target.read_text() == "two"
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]


def test_paths_are_relative_to_the_baseline_even_outside_its_folder(tmp_path: Path) -> None:
    assert baseline.path_key(str(tmp_path / "drafts" / "a.md"), tmp_path / "ci") == "../drafts/a.md"
    assert baseline.path_key(str(tmp_path / "ci" / "a.md"), tmp_path / "ci") == "a.md"
    assert baseline.path_key("-", tmp_path) == "-"


def test_replace_rewrites_one_draft_and_keeps_the_others(tmp_path: Path) -> None:
    audit = broken_sum_audit()
    findings = [replace(f, fingerprint=baseline.fingerprint(f, audit)) for f in audit.findings]
    known = baseline.Baseline(path=tmp_path / "b.json")
    known.record(str(tmp_path / "a.md"), findings)
    known.record(str(tmp_path / "b.md"), findings)
    known.replace(str(tmp_path / "a.md"), findings[:1])
    assert sum(known.known["a.md"].values()) == 1
    assert sum(known.known["b.md"].values()) == 3
    assert {path for path, _ in known.notes} == {"a.md", "b.md"}
