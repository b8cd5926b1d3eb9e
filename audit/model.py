"""The one data model every stage shares: load -> segment -> extract -> attribute -> check -> render.

Stages communicate only through these types. Offsets are code-point offsets into
`Document.source` (the decoded raw file), end exclusive, as the claims contract says.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

Qualifier = Literal["exact", "approx", "at_least", "more_than", "at_most", "less_than", "range"]
Category = Literal[
    "killed", "wounded", "casualties", "missing", "captured", "displaced", "count", "other", "date"
]
Grade = Literal["corroborated", "single-source", "contested", "unattributed"]
Severity = Literal["error", "warning", "info"]
Family = Literal["consistency", "sourcing"]
Format = Literal["text", "markdown", "html"]

HARM_CATEGORIES = frozenset({"killed", "wounded", "casualties", "missing", "captured", "displaced"})
# The cues extraction gives a bare number that counts some of the group a sentence before counted
# ("Among them were three children", "The remaining 22 will appear in court"): the checkers read them
# as parts of that group, never as a whole toll.
GROUP_REFERRED_TO = "a group referred to"
REST_OF_A_GROUP = "the rest of a group"
PARTS_REFERRED_TO = frozenset({GROUP_REFERRED_TO, REST_OF_A_GROUP})
SCHEMA = "audit.claims/1"
_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Sentence:
    """A sentence of prose: `source[start:end]`, in paragraph `paragraph` (0-based)."""

    index: int
    start: int
    end: int
    paragraph: int
    text: str  # prose[start:end]: the source with markup blanked out, same length


@dataclass
class Document:
    """A decoded input file. `prose` has the length of `source`, with every character that
    is not article prose (markup, code, front matter, URLs, control bytes) replaced by a
    space, or by a newline where it separates blocks, so offsets never shift."""

    path: str
    source: str
    prose: str
    format: Format = "text"
    encoding: str = "utf-8"
    notices: list[str] = field(default_factory=list)
    error: str | None = None
    sentences: list[Sentence] = field(default_factory=list)

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0, *(m.end() for m in _LINE_END.finditer(self.source))]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset; CRLF and lone CR end lines too."""
        starts = self._line_starts
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1


@dataclass
class Source:
    """Who a figure rests on: one originator, with the words that attribute it."""

    name: str
    cue: str
    start: int
    end: int
    via: str | None = None  # the conduit, for "Yonhap, citing the NIS"
    anonymous: bool = False  # "officials said"
    originator: str = ""  # key shared by every mention of the same originator in a document

    def to_contract(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "cue": self.cue, "start": self.start, "end": self.end}
        if self.via:
            out["via"] = self.via
        if self.anonymous:
            out["anonymous"] = True
        return out


@dataclass
class Claim:
    """One numeric figure in the prose."""

    id: str
    text: str
    start: int
    end: int
    line: int
    column: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: Qualifier = "exact"
    unit: str | None = None
    category: Category = "other"
    subject: str | None = None
    hedge: str | None = None
    grade: Grade | None = None
    sources: list[Source] = field(default_factory=list)
    # Beyond the contract's required fields; shared by the later stages.
    sentence: int = -1  # index into Document.sentences
    number_start: int = -1  # the number's own span inside [start, end)
    number_end: int = -1
    kind: str = "bare"  # count | percent | percentage_point | money | measure | fraction | bare | date
    cue: str | None = None  # the words that gave `category` ("killed", "death toll")
    step: float | None = None  # rounding step the wording implies (2,700 -> 100; 1.5 million -> 100,000)

    @property
    def number_text(self) -> str:
        return self.text[self.number_start - self.start : self.number_end - self.start]

    def to_contract(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "value": _num(self.value),
            "low": _num(self.low),
            "high": _num(self.high),
            "qualifier": self.qualifier,
            "unit": self.unit,
            "category": self.category,
            "subject": self.subject,
            "hedge": self.hedge,
            "grade": self.grade,
            "sources": [s.to_contract() for s in self.sources],
            "kind": self.kind,
            "cue": self.cue,
        }


@dataclass
class Check:
    """One check a rule ran, passed or failed, with the arithmetic written out in `message`."""

    rule: str
    family: Family
    status: Literal["pass", "fail"]
    claims: list[str]
    message: str
    details: dict[str, Any] = field(default_factory=dict)

    def to_contract(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "family": self.family,
            "status": self.status,
            "claims": list(self.claims),
            "message": self.message,
        }
        if self.details:
            out["details"] = self.details
        return out


@dataclass
class Finding:
    """What a reader must act on: one diagnostic type for every rule, like ruff's."""

    rule: str
    family: Family
    severity: Severity
    message: str
    claims: list[str]
    start: int
    end: int
    line: int
    column: int
    end_line: int = 0
    end_column: int = 0
    fingerprint: str = ""
    suggestion: dict[str, str] | None = None  # {claim, from, to, edit}: the one probable repair

    def to_contract(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "family": self.family,
            "severity": self.severity,
            "message": self.message,
            "claims": list(self.claims),
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
        }
        if self.suggestion:
            out["suggestion"] = dict(self.suggestion)
        return out


@dataclass
class Audit:
    """Everything the pipeline found in one document."""

    document: Document
    claims: list[Claim] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def claim(self, claim_id: str) -> Claim:
        return next(c for c in self.claims if c.id == claim_id)

    def to_contract(self) -> dict[str, Any]:
        doc = self.document
        out: dict[str, Any] = {
            "path": doc.path,
            "claims": [c.to_contract() for c in self.claims],
            "checks": [c.to_contract() for c in self.checks],
            "findings": [f.to_contract() for f in self.findings],
        }
        if doc.error:
            out["error"] = doc.error
        if doc.notices:
            out["notices"] = list(doc.notices)
        return out


def _num(x: float | None) -> float | int | None:
    """Whole numbers print as integers so the JSON reads like the copy."""
    if x is None or not math.isfinite(x):
        return None  # JSON has no Infinity or NaN
    if float(x).is_integer() and abs(x) < 2**53:
        return int(x)
    return round(float(x), 6)
