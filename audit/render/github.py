"""GitHub Actions workflow commands: one `::error file=...::message` annotation per finding, and a
Markdown table of every finding for `$GITHUB_STEP_SUMMARY`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from audit.results import GateRun

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """A command's message: `%`, CR and LF are percent-encoded (as @actions/core does)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command's property value: as data, plus `:` and `,`, which delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(run: GateRun) -> str:
    lines = []
    for result in run.results:
        for f in result.audit.findings:
            props = {"file": result.uri, "line": f.line, "col": f.column}
            if f.end_line:
                props["endLine"] = f.end_line
                props["endColumn"] = max(f.end_column - 1, f.column) if f.end_line == f.line else f.end_column
            props["title"] = f"audit {f.rule} ({f.severity})"
            lines.append(_command(COMMANDS[f.severity], props, f.message))
        if result.document.error:
            lines.append(
                _command(
                    "error", {"file": result.uri, "title": "audit: unreadable file"}, result.document.error
                )
            )
    return "".join(line + "\n" for line in lines)


def _command(name: str, props: dict[str, object], message: str) -> str:
    rendered = ",".join(f"{key}={escape_property(str(value))}" for key, value in props.items())
    return f"::{name} {rendered}::{escape_data(message)}"


def step_summary(run: GateRun) -> str:
    """A Markdown table of every finding the gate reports, for the job's summary page."""
    findings = [(r, f) for r in run.results for f in r.audit.findings]
    failing = len(run.failing())
    head = (
        f"### audit check: {len(findings)} finding{'s' if len(findings) != 1 else ''}, "
        f"{failing} at or above {run.fail_on}\n\n"
    )
    if not findings and not run.input_errors:
        drafts = len(run.results)
        return head + f"No findings in {drafts} draft{'s' if drafts != 1 else ''}.\n\n"
    rows = ["| File | Line | Column | Severity | Rule | Message |", "| --- | ---: | ---: | --- | --- | --- |"]
    rows += [
        f"| {_cell(r.uri)} | {f.line} | {f.column} | {f.severity} | `{f.rule}` | {_cell(f.message)} |"
        for r, f in findings
    ]
    rows += [
        f"| {_cell(r.uri)} | | | error | unreadable | {_cell(r.document.error or '')} |"
        for r in run.input_errors
    ]
    return head + "\n".join(rows) + "\n\n"


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())
