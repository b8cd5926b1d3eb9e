"""Inline suppressions in the copy itself.

Markdown and HTML (and text too): `<!-- audit: ignore[rule-id, other-rule] reason -->` silences
those rules in the next paragraph. Plain text: a comment line `# audit: ignore[rule-id] reason`
or `// audit: ignore[rule-id] reason` does the same. `ignore` without brackets silences every rule.
A suppression that silences nothing is itself reported as `unused-suppression`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from audit.model import Document, Finding

UNUSED_RULE = "unused-suppression"
ALL_RULES = "*"

_HTML_DIRECTIVE = re.compile(
    r"<!--[ \t]*audit:[ \t]*ignore(?:\[(?P<rules>[^\]\n]*)\])?(?P<reason>.*?)-->", re.DOTALL
)
_LINE_DIRECTIVE = re.compile(
    r"^[ \t]*(?:#|//)[ \t]*audit:[ \t]*ignore(?:\[(?P<rules>[^\]\n]*)\])?(?P<reason>[^\r\n]*)$",
    re.MULTILINE,
)
_BLANK_LINE = re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)")
_HTML_BLOCK_END = re.compile(
    r"</(?:p|li|h[1-6]|blockquote|div|td|th|dd|dt|figcaption|pre|section|article)\s*>", re.IGNORECASE
)


@dataclass
class Suppression:
    """One directive: `rules` are silenced for findings starting in `[scope_start, scope_end)`."""

    rules: tuple[str, ...]
    reason: str
    start: int  # the directive's own span
    end: int
    scope_start: int
    scope_end: int
    used: set[str] = field(default_factory=set)

    def covers(self, finding: Finding) -> bool:
        in_scope = self.scope_start <= finding.start < self.scope_end
        return in_scope and (ALL_RULES in self.rules or finding.rule in self.rules)


def parse(doc: Document) -> list[Suppression]:
    """Every suppression directive in the document's raw source, in order."""
    matches = list(_HTML_DIRECTIVE.finditer(doc.source))
    if doc.format == "text":
        matches += _LINE_DIRECTIVE.finditer(doc.source)
    out = [_suppression(doc, m) for m in sorted(matches, key=lambda m: m.start())]
    return out


def _suppression(doc: Document, match: re.Match[str]) -> Suppression:
    listed = match.group("rules")
    rules = tuple(r for r in re.split(r"[\s,]+", listed or "") if r) or (ALL_RULES,)
    scope_start, scope_end = _next_paragraph(doc, match.end())
    return Suppression(
        rules=rules,
        reason=match.group("reason").strip(),
        start=match.start(),
        end=match.end(),
        scope_start=scope_start,
        scope_end=scope_end,
    )


def _next_paragraph(doc: Document, after: int) -> tuple[int, int]:
    """The paragraph after `after`: skip blank space, then run to a blank line (or a closing block tag
    in HTML)."""
    source = doc.source
    start = after
    while start < len(source) and source[start].isspace():
        start += 1
    ends = [len(source)]
    blank = _BLANK_LINE.search(source, start)
    if blank:
        ends.append(blank.start())
    if doc.format == "html":
        block_end = _HTML_BLOCK_END.search(source, start)
        if block_end:
            ends.append(block_end.end())
    return start, min(ends)


def apply(
    doc: Document,
    findings: list[Finding],
    enabled: Callable[[str], bool] = lambda rule: True,
) -> tuple[list[Finding], list[Finding], list[Finding]]:
    """Split findings into (kept, suppressed, unused-suppression findings).

    Findings inside a directive itself (figures in its reason) are dropped as suppressed.
    A directive is only reported unused for rules that `enabled` says ran."""
    suppressions = parse(doc)
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    for finding in findings:
        if _silenced(finding, suppressions):
            suppressed.append(finding)
        else:
            kept.append(finding)
    return kept, suppressed, _unused(doc, suppressions, enabled)


def _silenced(finding: Finding, suppressions: list[Suppression]) -> bool:
    if any(s.start <= finding.start < s.end for s in suppressions):
        return True
    silenced = False
    for suppression in suppressions:
        if suppression.covers(finding):
            suppression.used.add(finding.rule if finding.rule in suppression.rules else ALL_RULES)
            silenced = True
    return silenced


def _unused(doc: Document, suppressions: list[Suppression], enabled: Callable[[str], bool]) -> list[Finding]:
    out: list[Finding] = []
    for suppression in suppressions:
        for rule in suppression.rules:
            if rule in suppression.used or (rule != ALL_RULES and not enabled(rule)):
                continue
            what = "every rule" if rule == ALL_RULES else f"`{rule}`"
            out.append(_unused_finding(doc, suppression, f"suppression of {what} silences nothing"))
    return out


def _unused_finding(doc: Document, suppression: Suppression, message: str) -> Finding:
    line, column = doc.position(suppression.start)
    end_line, end_column = doc.position(suppression.end)
    return Finding(
        rule=UNUSED_RULE,
        family="consistency",
        severity="warning",
        message=f"{message} in the paragraph that follows",
        claims=[],
        start=suppression.start,
        end=suppression.end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
    )
