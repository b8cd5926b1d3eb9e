"""GitHub workflow commands: escaping of data and properties, levels, and the step-summary table."""

from __future__ import annotations

import re

import pytest
from gate_samples import Figure, audit_with, broken_sum_audit, gate_run
from hypothesis import given
from hypothesis import strategies as st

from audit.render import github


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        ("100%", "100%25", "100%25"),
        ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
        ("line1\nline2\r\n", "line1%0Aline2%0D%0A", "line1%0Aline2%0D%0A"),
        ("%0A literally", "%250A literally", "%250A literally"),
    ],
)
def test_escaping(raw: str, data: str, prop: str) -> None:
    assert github.escape_data(raw) == data
    assert github.escape_property(raw) == prop


def unescape(text: str) -> str:
    return re.sub(
        r"%(25|0D|0A|3A|2C)", lambda m: {"25": "%", "0D": "\r", "0A": "\n", "3A": ":", "2C": ","}[m[1]], text
    )


@given(st.text())
def test_escaped_property_round_trips_and_has_no_delimiters(raw: str) -> None:
    escaped = github.escape_property(raw)
    assert not set(escaped) & {":", ",", "\n", "\r"}
    assert unescape(escaped) == raw


def test_one_annotation_per_finding_with_location_and_level() -> None:
    lines = github.render(gate_run(broken_sum_audit())).splitlines()
    assert lines[0] == (
        "::error file=draft.md,line=3,col=28,endLine=3,endColumn=43,title=audit breakdown-sum (error)"
        "::breakdown-sum fails on 3,000 casualties"
    )
    assert lines[1].startswith("::warning file=draft.md,line=3,col=65,")
    assert lines[2].startswith("::error file=draft.md,line=5,col=19,")
    assert len(lines) == 3


def test_messages_and_paths_with_delimiters_are_escaped() -> None:
    audit = audit_with(
        "Rose 50% in a day.\n", [Figure("50%", 50)], [("percent-change", "info", [0])], path="desk:one,two.md"
    )
    audit.findings[0].message = "rose 50%: from 4,\nto 8"
    (line,) = github.render(gate_run(audit)).splitlines()
    assert line.startswith("::notice file=desk%3Aone%2Ctwo.md,line=1,col=6,")
    assert line.endswith("::rose 50%25: from 4,%0Ato 8")


def test_step_summary_is_a_markdown_table_of_every_finding() -> None:
    audit = broken_sum_audit()
    audit.findings[0].message = "a | b"
    summary = github.step_summary(gate_run(audit))
    rows = [r for r in summary.splitlines() if r.startswith("| draft.md")]
    assert len(rows) == 3
    assert rows[0] == "| draft.md | 3 | 28 | error | `breakdown-sum` | a \\| b |"
    assert summary.startswith("### audit check: 3 findings, 2 at or above error")


def test_step_summary_of_a_clean_run() -> None:
    summary = github.step_summary(gate_run(audit_with("Calm.\n", [], [])))
    assert summary == "### audit check: 0 findings, 0 at or above error\n\nNo findings in 1 draft.\n\n"
