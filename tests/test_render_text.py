"""The text report: file:line:col, severity[rule], message, the line with the figure underlined."""

from __future__ import annotations

from gate_samples import Figure, audit_with, broken_sum_audit, gate_run

from audit.model import Document
from audit.render import text
from audit.results import FileResult, GateRun


def test_location_rule_message_and_caret_under_the_figure() -> None:
    report = text.render(gate_run(broken_sum_audit()))
    lines = report.splitlines()
    head = lines.index("draft.md:3:28: error[breakdown-sum] breakdown-sum fails on 3,000 casualties")
    assert lines[head + 1] == "  |"
    assert lines[head + 2].startswith("3 | The ministry said at least 3,000 casualties")
    caret_line = lines[head + 3]
    source_line = lines[head + 2]
    start = caret_line.index("^")
    assert source_line[start : start + len("3,000 casualties")] == "3,000 casualties"
    assert caret_line[start:] == "^" * len("3,000 casualties")


def test_related_claims_are_noted_and_summary_counts() -> None:
    report = text.render(gate_run(broken_sum_audit()))
    assert "  = note: draft.md:3:65: 300 killed" in report
    assert "  = note: draft.md:3:80: 1,700 wounded" in report
    assert report.splitlines()[-1] == (
        "Found 3 findings (2 errors, 1 warning) in 1 file; 2 at or above error."
    )


def test_findings_are_ordered_by_position() -> None:
    report = text.render(gate_run(broken_sum_audit()))
    heads = [line.split(" ")[0] for line in report.splitlines() if line.startswith("draft.md:")]
    assert heads == ["draft.md:3:28:", "draft.md:3:65:", "draft.md:5:19:"]


def test_tabs_and_wide_characters_keep_the_caret_aligned() -> None:
    source = "\t东京 said 40 killed.\n"
    audit = audit_with(source, [Figure("40 killed", 40, "killed")], [("x", "error", [0])], fmt="text")
    lines = text.render(gate_run(audit)).splitlines()
    assert lines[2] == "1 |     东京 said 40 killed."
    assert lines[3] == "  | " + " " * 14 + "^" * 9  # tab = 4 cells, each ideograph 2


def test_no_colour_unless_asked_and_colour_when_asked() -> None:
    run = gate_run(broken_sum_audit())
    assert "\x1b[" not in text.render(run)
    coloured = text.render(run, color=True)
    assert "\x1b[31m" in coloured and "\x1b[33m" in coloured  # red errors, yellow warnings


def test_clean_run_and_unreadable_file() -> None:
    clean = gate_run(audit_with("Nothing to see.\n", [], []))
    assert text.render(clean) == "All checks passed: 1 file, no findings.\n"
    broken = Document(path="gone.md", source="", prose="", error="cannot read: No such file or directory")
    from audit.model import Audit

    run = GateRun([FileResult(Audit(document=broken), "gone.md")])
    report = text.render(run)
    assert "gone.md: error: cannot read: No such file or directory" in report
    assert "1 file unreadable" in report
