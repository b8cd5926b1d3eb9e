"""JUnit XML for CI test-report views: one testsuite per draft, one testcase per check a rule ran on
its claims (and per finding no check covers); a finding at or above the threshold is a failure."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from audit.config import rule_enabled
from audit.model import Check, Finding
from audit.results import reaches

if TYPE_CHECKING:
    from audit.results import FileResult, GateRun


def render(run: GateRun) -> str:
    root = ET.Element("testsuites", name="audit check")
    for result in run.results:
        root.append(_suite(result, run.fail_on))
    for key in ("tests", "failures", "errors"):
        root.set(key, str(sum(int(suite.get(key, "0")) for suite in root)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suite(result: FileResult, fail_on: str) -> ET.Element:
    suite = ET.Element("testsuite", name=result.uri)
    if result.document.error:
        case = _case(suite, result, "load")
        ET.SubElement(case, "error", type="input", message=result.document.error).text = result.document.error
    remaining = list(result.audit.findings)
    for check in result.audit.checks:
        if not rule_enabled(result.config, check.rule, check.family):
            continue
        matched = [f for f in remaining if _belongs(f, check)]
        remaining = [f for f in remaining if f not in matched]
        _add_findings(_case(suite, result, _check_name(result, check)), result, matched, fail_on)
    for finding in remaining:
        name = _check_name(result, Check(finding.rule, finding.family, "fail", finding.claims, ""))
        if not finding.claims:
            name += f" at {finding.line}:{finding.column}"
        _add_findings(_case(suite, result, name), result, [finding], fail_on)
    if not len(suite):
        _case(suite, result, "no checks")
    cases = suite.findall("testcase")
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(sum(case.find("failure") is not None for case in cases)))
    suite.set("errors", str(sum(case.find("error") is not None for case in cases)))
    return suite


def _belongs(finding: Finding, check: Check) -> bool:
    return finding.rule == check.rule and set(finding.claims) == set(check.claims)


def _check_name(result: FileResult, check: Check) -> str:
    texts = {c.id: c.text for c in result.audit.claims}
    figures = "; ".join(texts.get(cid, cid) for cid in check.claims)
    return f"{check.rule} [{figures}]" if figures else check.rule


def _case(suite: ET.Element, result: FileResult, name: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", classname=result.uri, name=name, file=result.uri)


def _add_findings(case: ET.Element, result: FileResult, findings: list[Finding], fail_on: str) -> None:
    lines = [f"{result.uri}:{f.line}:{f.column}: {f.severity}[{f.rule}] {f.message}" for f in findings]
    failing = [(f, line) for f, line in zip(findings, lines, strict=True) if reaches(f.severity, fail_on)]
    if failing:
        failure = ET.SubElement(case, "failure", type=failing[0][0].rule, message=failing[0][0].message)
        failure.text = "\n".join(line for _, line in failing)
    below = [line for f, line in zip(findings, lines, strict=True) if not reaches(f.severity, fail_on)]
    if below:
        ET.SubElement(case, "system-out").text = "\n".join(below)
