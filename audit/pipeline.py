"""The pipeline, stage by stage: load -> segment -> extract -> attribute -> check -> suggest.

Rendering is left to the callers (CLI, gate, report, corpus)."""

from __future__ import annotations

from audit.config import DEFAULT, Config
from audit.model import Audit, Document


def audit_document(doc: Document, config: Config = DEFAULT) -> Audit:
    """Run every stage after loading on one document."""
    from audit import attribute, check, extract, segment, suggest

    if doc.error is not None:
        return Audit(document=doc)
    doc.sentences = segment.segment(doc)
    claims = extract.extract(doc)
    attribute.attribute(doc, claims)
    checks, findings = check.check(doc, claims, config)
    suggest.suggest(doc, claims, checks, findings, config)
    return Audit(document=doc, claims=claims, checks=checks, findings=findings)


def audit_text(text: str, path: str = "<text>", fmt: str | None = None, config: Config = DEFAULT) -> Audit:
    """Convenience for tests and library users: audit a string."""
    from audit import load

    return audit_document(load.from_text(text, path=path, fmt=fmt), config)
