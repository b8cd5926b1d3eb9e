"""The `audit` command. Subcommands load lazily so `audit extract` starts fast."""

from __future__ import annotations

import importlib

import click

from audit import __version__

# name -> "module:attribute" of a click command; each stage's owner keeps its command beside its code.
COMMANDS = {
    "extract": "audit.commands.extract:extract",
    "check": "audit.gate:check_command",
    "report": "audit.report:report_command",
    "corpus": "audit.corpus:corpus_command",
    "ledger": "audit.commands.ledger:ledger_command",
    "rules": "audit.rulebook:rules_command",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, attr = target.split(":")
        command: click.Command = getattr(importlib.import_module(module), attr)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="audit")
def main() -> None:
    """Audit the numeric claims and casualty figures in news copy."""


if __name__ == "__main__":
    main()
