"""The gate's text report, like ruff or rustc: a location line, then the source line with the figure
underlined.

    draft.md:3:18: error[breakdown-sum] 300 killed + 1,700 wounded = 2,000, not 3,000 casualties
      |
    3 | South Korea said at least 3,000 casualties ...
      |                  ^^^^^^^^^^^^^^^^^^^^^^^^^
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

import click

from audit.model import Document, Finding
from audit.results import claim_label
from audit.suggest import edit_name

if TYPE_CHECKING:
    from audit.results import FileResult, GateRun

_COLORS = {"error": "red", "warning": "yellow", "info": "blue"}


def render(run: GateRun, color: bool = False) -> str:
    blocks = [
        diagnostic(result, finding, color) for result in run.results for finding in result.audit.findings
    ]
    blocks += [_error_line(result, color) for result in run.input_errors]
    return "".join(blocks) + summary(run, color)


def diagnostic(result: FileResult, finding: Finding, color: bool = False) -> str:
    where = f"{result.uri}:{finding.line}:{finding.column}:"
    label = f"{finding.severity}[{finding.rule}]"
    head = (
        f"{_style(where, color, bold=True)} {_style(label, color, fg=_COLORS[finding.severity], bold=True)}"
    )
    lines = [f"{head} {finding.message}", *_snippet(result.document, finding, color)]
    lines += _related(result, finding)
    lines += _help(result, finding)
    return "\n".join(lines) + "\n\n"


def _help(result: FileResult, finding: Finding) -> list[str]:
    """The one probable repair, as rustc's `= help:` line."""
    s = finding.suggestion
    claim = next((c for c in result.audit.claims if s and c.id == s["claim"]), None)
    if s is None or claim is None:
        return []
    where = f"{result.uri}:{claim.line}:{claim.column}"
    return [f"  = help: {where}: replace {s['from']} with {s['to']} ({edit_name(s['edit'])})"]


def _snippet(doc: Document, finding: Finding, color: bool) -> list[str]:
    if not doc.source:
        return []
    line_start = finding.start - (finding.column - 1)
    line_end = _line_end(doc.source, line_start)
    source_line = doc.source[line_start:line_end]
    span_end = min(max(finding.end, finding.start + 1), line_end)
    lead = _width(source_line[: finding.start - line_start].expandtabs(4))
    marks = max(1, _width(doc.source[finding.start : span_end]))
    gutter = " " * len(str(finding.line))
    carets = _style("^" * marks, color, fg=_COLORS[finding.severity], bold=True)
    return [
        f"{gutter} |",
        f"{finding.line} | {source_line.expandtabs(4)}",
        f"{gutter} | {' ' * lead}{carets}",
    ]


def _related(result: FileResult, finding: Finding) -> list[str]:
    """Where the other claims of the check stand, as `= note:` lines."""
    by_id = {c.id: c for c in result.audit.claims}
    notes = []
    for claim_id in finding.claims:
        claim = by_id.get(claim_id)
        if claim is None or claim.start == finding.start:
            continue
        notes.append(f"  = note: {result.uri}:{claim.line}:{claim.column}: {claim_label(claim)}")
    return notes


def _line_end(source: str, start: int) -> int:
    ends = [i for i in (source.find("\n", start), source.find("\r", start)) if i >= 0]
    return min(ends, default=len(source))


def _width(text: str) -> int:
    """Terminal cells: wide East Asian characters take two, combining marks none."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def _error_line(result: FileResult, color: bool) -> str:
    return (
        f"{_style(result.uri + ':', color, bold=True)} {_style('error', color, fg='red', bold=True)}: "
        f"{result.document.error}\n\n"
    )


def summary(run: GateRun, color: bool = False) -> str:
    findings = [f for r in run.results for f in r.audit.findings]
    counts = {sev: sum(f.severity == sev for f in findings) for sev in ("error", "warning", "info")}
    parts = [f"{n} {sev}{'s' if n != 1 and sev != 'info' else ''}" for sev, n in counts.items() if n]
    failing = len(run.failing())
    files = len(run.results)
    if findings:
        line = (
            f"Found {len(findings)} finding{'s' if len(findings) != 1 else ''} ({', '.join(parts)}) "
            f"in {files} file{'s' if files != 1 else ''}; {failing} at or above {run.fail_on}."
        )
    else:
        line = f"All checks passed: {files} file{'s' if files != 1 else ''}, no findings."
    extras = []
    suppressed = sum(r.suppressed for r in run.results)
    baselined = sum(r.baselined for r in run.results)
    if suppressed:
        extras.append(f"{suppressed} suppressed inline")
    if baselined:
        extras.append(f"{baselined} accepted by the baseline")
    if run.input_errors:
        extras.append(f"{len(run.input_errors)} file{'s' if len(run.input_errors) != 1 else ''} unreadable")
    if extras:
        line += f" ({'; '.join(extras)}.)"
    return _style(line, color, bold=True) + "\n"


def _style(text: str, color: bool, **styles: object) -> str:
    return click.style(text, **styles) if color else text  # type: ignore[arg-type]
