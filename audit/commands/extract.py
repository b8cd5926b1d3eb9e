"""`audit extract`: every numeric claim, in the claims contract."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from audit import inputs, load
from audit.commands.ledger import config_with_ledger, ledger_option
from audit.model import Audit
from audit.pipeline import audit_document
from audit.render import contract


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="json is the claims contract; csv one row per claim; table for people.",
)
@ledger_option
def extract(paths: tuple[str, ...], fmt: str, ledger_path: Path | None) -> None:
    """Extract every numeric claim from PATHS (files, folders, globs, - for stdin)."""
    config = config_with_ledger(ledger_path, "extract")
    audits: list[Audit] = []
    failed = False
    for path in inputs.expand(list(paths)):
        doc = load.load_path(path)
        for notice in doc.notices:
            click.echo(f"{path}: notice: {notice}", err=True)
        if doc.error:
            failed = True
            click.echo(f"{path}: error: {doc.error}", err=True)
        audits.append(audit_document(doc, config))
    if fmt == "json":
        out = contract.to_json(audits)
    elif fmt == "csv":
        out = contract.to_csv(audits)
    else:
        out = contract.to_table(audits, color=sys.stdout.isatty())
    click.echo(out, nl=False)
    sys.exit(2 if failed else 0)
