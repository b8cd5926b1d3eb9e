"""Render audits as the claims contract (JSON), CSV, or a readable table."""

from __future__ import annotations

import csv
import io
from typing import Any

from audit.model import SCHEMA, Audit
from audit.render import indented

CSV_FIELDS = [
    "path",
    "id",
    "text",
    "start",
    "end",
    "line",
    "column",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "category",
    "subject",
    "hedge",
    "grade",
    "sources",
]


def contract(audits: list[Audit]) -> dict[str, Any]:
    return {"schema": SCHEMA, "documents": [a.to_contract() for a in audits]}


def to_json(audits: list[Audit]) -> str:
    """Byte-identical for the same input: no timestamps, stable key order."""
    return indented.dumps(contract(audits)) + "\n"  # json.dumps(..., ensure_ascii=False, indent=2)


def to_csv(audits: list[Audit]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for audit in audits:
        for claim in audit.claims:
            row = claim.to_contract()
            row["sources"] = "; ".join(s.name for s in claim.sources)
            row["path"] = audit.document.path
            writer.writerow({k: row.get(k) for k in CSV_FIELDS})
    return buf.getvalue()


def to_table(audits: list[Audit], color: bool = False) -> str:
    from rich.console import Console
    from rich.table import Table

    out = io.StringIO()
    console = Console(file=out, force_terminal=color, width=140, color_system="auto" if color else None)
    for audit in audits:
        doc = audit.document
        if doc.error:
            console.print(f"{doc.path}: error: {doc.error}")
            continue
        table = Table(title=f"{doc.path}: {len(audit.claims)} claims", title_justify="left")
        for col in ("line:col", "text", "value", "bounds", "unit", "category", "subject", "sources", "grade"):
            table.add_column(col, overflow="fold")
        for c in audit.claims:
            bounds = f"{_fmt(c.low)}..{_fmt(c.high)}" if c.qualifier != "exact" else ""
            table.add_row(
                f"{c.line}:{c.column}",
                c.text,
                _fmt(c.value),
                f"{c.qualifier} {bounds}".strip(),
                c.unit or "",
                c.category,
                c.subject or "",
                ", ".join(s.name for s in c.sources) or "-",
                c.grade or "",
            )
        console.print(table)
    return out.getvalue()


def _fmt(x: float | None) -> str:
    if x is None:
        return ""
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.4g}"
