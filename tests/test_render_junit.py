"""JUnit XML: a testsuite per draft, a testcase per check, failures at or above the threshold."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from gate_samples import audit_with, broken_sum_audit, gate_run

from audit.model import Audit, Check, Document
from audit.render import junit
from audit.results import FileResult, GateRun


def parse(run: GateRun) -> ET.Element:
    return ET.fromstring(junit.render(run).encode("utf-8"))


def test_one_suite_per_file_and_case_per_check() -> None:
    first = broken_sum_audit(path="a.md")
    first.checks.append(Check("subset", "consistency", "pass", ["c2", "c1"], "300 of 3,000"))
    root = parse(gate_run(first, broken_sum_audit(path="b.md")))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["a.md", "b.md"]
    names = [c.get("name") for c in suites[0].findall("testcase")]
    assert names == [
        "breakdown-sum [3,000 casualties; 300 killed; 1,700 wounded]",
        "percent-change [50%; 4]",
        "unattributed [300 killed]",
        "subset [300 killed; 3,000 casualties]",
    ]
    assert (suites[0].get("tests"), suites[0].get("failures"), suites[0].get("errors")) == ("4", "2", "0")
    assert (root.get("tests"), root.get("failures")) == ("7", "4")


def test_failures_follow_the_threshold() -> None:
    cases = parse(gate_run(broken_sum_audit(), fail_on="warning")).iter("testcase")
    failures = {c.get("name"): c.find("failure") for c in cases}
    assert all(f is not None for f in failures.values())
    warning = failures["unattributed [300 killed]"]
    assert (
        warning is not None
        and warning.text == "draft.md:3:65: warning[unattributed] unattributed fails on 300 killed"
    )


def test_findings_below_the_threshold_are_written_out_not_failed() -> None:
    cases = {c.get("name"): c for c in parse(gate_run(broken_sum_audit())).iter("testcase")}
    case = cases["unattributed [300 killed]"]
    assert case.find("failure") is None
    out = case.find("system-out")
    assert out is not None and "warning[unattributed]" in (out.text or "")


def test_unreadable_file_is_an_error_and_empty_file_one_passing_case() -> None:
    broken = Document(path="gone.md", source="", prose="", error="cannot read: No such file or directory")
    run = GateRun(
        [FileResult(Audit(document=broken), "gone.md"), *gate_run(audit_with("Calm.\n", [], [])).results]
    )
    root = parse(run)
    assert root.get("errors") == "1"
    empty = root.findall("testsuite")[1]
    assert [c.get("name") for c in empty.findall("testcase")] == ["no checks"]
