"""What a gate run produced, as every renderer reads it: per-draft results, the run, the rule catalogue.

These types sit below both the gate (`audit/gate.py`, which builds them) and the renderers
(`audit/render/`, which print them), so neither has to import the other.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from audit.config import Config
from audit.lexicon import data_text
from audit.model import Audit, Claim, Document, Finding, Severity

SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


def reaches(severity: str, threshold: str) -> bool:
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold]


@dataclass
class FileResult:
    """One draft after the gate: `audit.findings` is what the gate reports."""

    audit: Audit
    uri: str  # the path as reports show it: relative when possible, forward slashes
    config: Config = field(default_factory=Config)
    suppressed: int = 0
    baselined: int = 0

    @property
    def document(self) -> Document:
        return self.audit.document


@dataclass
class GateRun:
    results: list[FileResult]
    fail_on: Severity = "error"

    def failing(self) -> list[tuple[FileResult, Finding]]:
        return [(r, f) for r in self.results for f in r.audit.findings if reaches(f.severity, self.fail_on)]

    @property
    def input_errors(self) -> list[FileResult]:
        return [r for r in self.results if r.document.error]

    def exit_code(self, exit_zero: bool = False) -> int:
        if self.input_errors:
            return 2
        return 1 if self.failing() and not exit_zero else 0


@dataclass(frozen=True)
class RuleInfo:
    """What reports say about a rule: its id, family, default severity, summary and rationale."""

    id: str
    family: str
    severity: str
    summary: str
    rationale: str

    @property
    def name(self) -> str:
        return "".join(part.capitalize() for part in self.id.split("-"))


@functools.lru_cache(maxsize=16)
def rule_catalogue(rule_dirs: tuple[Path, ...] = ()) -> dict[str, RuleInfo]:
    """Every rule the reports may name: the rule pack (with the config's extra folders) and the
    gate's own rules (audit/data/gate_rules.yaml)."""
    from audit.rulebook import load_rules

    text = data_text("gate_rules.yaml")
    entries = [RuleInfo(**entry) for entry in yaml.safe_load(text)]
    entries += [
        RuleInfo(r.id, r.family, r.severity, r.summary, _paragraphs(r.rationale) or r.summary)
        for r in load_rules(Config(rule_dirs=list(rule_dirs)))
    ]
    return {info.id: info for info in entries}


def _paragraphs(text: str) -> str:
    """Wrapped YAML prose as paragraphs: line breaks inside a paragraph become spaces."""
    return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()) if p.strip())


def claim_label(claim: Claim) -> str:
    """A claim as reports name it: its text, and what it counts when that is not in the text."""
    shown = claim.category not in ("other", "count", "date") and claim.category not in claim.text
    return f"{claim.text} ({claim.category})" if shown else claim.text
