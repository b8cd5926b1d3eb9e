"""A baseline of known findings, keyed to the claims they are about rather than to line numbers.

A finding's fingerprint is a hash of its rule and, for each claim it involves, the normalised
figure, the category and the subject. Moving a paragraph or editing another one leaves it alone;
changing the figure, its category or its subject makes it a new finding that fails the gate.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audit.model import Audit, Claim, Finding, _num

SCHEMA = "audit.baseline/1"


class BaselineError(Exception):
    """A baseline file that cannot be read or does not hold a baseline."""


def normalised_figure(claim: Claim) -> str:
    """The figure as numbers, not as typed: "3,000", "3000" and "three thousand" agree."""
    if claim.value is None and claim.low is None and claim.high is None:
        return re.sub(r"[\s,]+", "", (claim.number_text or claim.text).lower())
    bounds = f"{_num(claim.low)}..{_num(claim.high)}"
    return f"{claim.qualifier} {_num(claim.value)} [{bounds}] {claim.unit or ''}".strip()


def claim_key(claim: Claim) -> str:
    subject = " ".join((claim.subject or "").lower().split())
    return f"{normalised_figure(claim)}|{claim.category}|{subject}"


def fingerprint(finding: Finding, audit: Audit) -> str:
    """Stable across edits elsewhere: rule + (figure, category, subject) of every claim involved."""
    by_id = {c.id: c for c in audit.claims}
    keys = sorted(claim_key(by_id[cid]) for cid in finding.claims if cid in by_id)
    if not keys:  # a finding about no known claim: its message is all there is
        keys = [" ".join(finding.message.lower().split())]
    digest = hashlib.sha256("\x1f".join([finding.rule, *keys]).encode("utf-8")).hexdigest()
    return digest[:20]


@dataclass
class Baseline:
    """Known findings per file: path (relative to the baseline's folder, forward slashes) ->
    fingerprint -> how many times it occurs."""

    path: Path
    known: dict[str, Counter[str]] = field(default_factory=dict)
    notes: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)

    def key_for(self, document_path: str) -> str:
        return path_key(document_path, self.path.parent)

    def split(self, document_path: str, findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
        """(new, known): each baseline entry accepts one finding with its fingerprint."""
        remaining = Counter(self.known.get(self.key_for(document_path), Counter()))
        new: list[Finding] = []
        known: list[Finding] = []
        for finding in findings:
            if remaining[finding.fingerprint] > 0:
                remaining[finding.fingerprint] -= 1
                known.append(finding)
            else:
                new.append(finding)
        return new, known

    def replace(self, document_path: str, findings: list[Finding]) -> None:
        """Forget what was recorded for this draft, then record `findings`: entries for drafts
        not checked this time stay as they were."""
        key = self.key_for(document_path)
        self.known.pop(key, None)
        self.notes = {k: v for k, v in self.notes.items() if k[0] != key}
        self.record(document_path, findings)

    def record(self, document_path: str, findings: list[Finding]) -> None:
        key = self.key_for(document_path)
        counts = self.known.setdefault(key, Counter())
        for finding in findings:
            counts[finding.fingerprint] += 1
            self.notes[(key, finding.fingerprint)] = {"rule": finding.rule, "message": finding.message}


def path_key(document_path: str, base: Path) -> str:
    """The draft's path relative to the baseline's folder (`..` allowed), so the file holds no
    machine's absolute paths."""
    if document_path == "-":
        return "-"
    try:
        return Path(os.path.relpath(Path(document_path).resolve(), base.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return Path(document_path).resolve().as_posix()


def load(path: Path) -> Baseline:
    """Read a baseline; a missing file is an empty baseline (the first `--update-baseline` writes it)."""
    baseline = Baseline(path=path)
    if not path.exists():
        return baseline
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc}") from exc
    if (
        not isinstance(data, dict)
        or data.get("schema") != SCHEMA
        or not isinstance(data.get("findings"), list)
    ):
        raise BaselineError(f"{path}: not an audit baseline (expected schema {SCHEMA!r} and a findings list)")
    for n, entry in enumerate(data["findings"]):
        _read_entry(baseline, entry, f"{path}: findings[{n}]")
    return baseline


def _read_entry(baseline: Baseline, entry: Any, where: str) -> None:
    if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("path", "fingerprint")):
        raise BaselineError(f"{where}: expected an object with string 'path' and 'fingerprint'")
    count = entry.get("count", 1)
    if not isinstance(count, int) or count < 1:
        raise BaselineError(f"{where}: key 'count': expected a positive integer, got {count!r}")
    baseline.known.setdefault(entry["path"], Counter())[entry["fingerprint"]] += count
    baseline.notes[(entry["path"], entry["fingerprint"])] = {
        k: entry[k] for k in ("rule", "message") if isinstance(entry.get(k), str)
    }


def dumps(baseline: Baseline) -> str:
    """Sorted and free of line numbers, so the file diffs quietly under review."""
    entries = []
    for path_key_, counts in sorted(baseline.known.items()):
        for fp, count in sorted(counts.items()):
            note = baseline.notes.get((path_key_, fp), {})
            entry: dict[str, Any] = {"path": path_key_, "fingerprint": fp, **note}
            if count > 1:
                entry["count"] = count
            entries.append(entry)
    entries.sort(key=lambda e: (e["path"], e.get("rule", ""), e["fingerprint"]))
    return json.dumps({"schema": SCHEMA, "findings": entries}, ensure_ascii=False, indent=2) + "\n"
