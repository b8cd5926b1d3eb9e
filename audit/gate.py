"""`audit check`: the CI gate on drafted copy.

Finds each draft's config (the nearest config file, its per-glob overrides) and runs the pipeline
with it, then applies, in order: the config's rule selection, inline suppressions, the baseline,
and the `--fail-on` threshold.
Exit 0 when nothing reaches the threshold, 1 when something does, 2 for usage, input or config errors.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, cast

import click

from audit import baseline as baseline_mod
from audit import inputs, load, suppress
from audit.atomic import write_atomic
from audit.commands.ledger import ledger_option
from audit.config import (
    SEVERITIES,
    Config,
    ConfigError,
    config_for_file,
    is_excluded,
    load_config,
    load_config_file,
    rule_enabled,
)
from audit.model import Audit, Document, Finding, Severity
from audit.pipeline import audit_document
from audit.results import FileResult, GateRun, rule_catalogue

if TYPE_CHECKING:
    from audit.ledger import Ledger

FORMATS = ("text", "json", "sarif", "github", "junit")


def display_uri(path: str) -> str:
    """Relative to the working folder when the draft is under it, always with forward slashes."""
    if path == "-":
        return "stdin"
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.resolve().relative_to(Path.cwd().resolve())
        except ValueError:
            return candidate.as_posix()
    text = candidate.as_posix()
    return text[2:] if text.startswith("./") else text


def located(finding: Finding, doc: Document, audit: Audit) -> Finding:
    """The finding with line/column, end line/column and fingerprint filled in from its offsets."""
    line, column = doc.position(finding.start)
    end_line, end_column = doc.position(max(finding.end, finding.start))
    return replace(
        finding,
        line=finding.line or line,
        column=finding.column or column,
        end_line=finding.end_line or end_line,
        end_column=finding.end_column or end_column,
        fingerprint=finding.fingerprint or baseline_mod.fingerprint(finding, audit),
    )


def enabled_only(findings: list[Finding], config: Config) -> list[Finding]:
    """Drop findings of rules the config turns off (the rules engine runs only enabled rules; this
    also covers the gate's own rules and any finding a custom stage adds)."""
    return [f for f in findings if rule_enabled(config, f.rule, f.family)]


def gate_findings(unused: list[Finding], config: Config) -> list[Finding]:
    """The gate's own findings, at the severity the config chooses (by rule id, then family)."""
    out = []
    for finding in enabled_only(unused, config):
        chosen = config.severity.get(finding.rule) or config.severity.get(finding.family) or finding.severity
        out.append(replace(finding, severity=cast(Severity, chosen)))
    return out


def gate_audit(audit: Audit, config: Config, uri: str) -> FileResult:
    """The config, then inline suppressions: what is left is what the gate reports. Severities
    are the rules engine's (it applies the config's, and lowers low-confidence findings)."""
    doc = audit.document
    found = enabled_only([located(f, doc, audit) for f in audit.findings], config)
    families = {rule_id: info.family for rule_id, info in rule_catalogue(tuple(config.rule_dirs)).items()}
    kept, suppressed, unused = suppress.apply(
        doc, found, enabled=lambda rule: rule not in families or rule_enabled(config, rule, families[rule])
    )
    kept += gate_findings([located(f, doc, audit) for f in unused], config)
    kept.sort(key=lambda f: (f.line, f.column, f.rule))
    return FileResult(replace(audit, findings=kept), uri, config, suppressed=len(suppressed))


def apply_baseline(result: FileResult, baseline: baseline_mod.Baseline) -> None:
    """Keep only the findings the baseline does not know."""
    new, known = baseline.split(result.document.path, result.audit.findings)
    result.audit.findings = new
    result.baselined = len(known)


def load_document(path: str) -> Document:
    """The loader's document; an unreadable file becomes a document with `error` set."""
    try:
        return load.load_path(path)
    except (OSError, UnicodeError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return Document(path=path, source="", prose="", error=f"cannot read: {reason}")


class ConfigResolver:
    """The config for each draft: `--config` for all, else the nearest config file, cached by folder."""

    def __init__(self, explicit: Config | None, ledger: Ledger | None = None) -> None:
        self.explicit = explicit
        self.ledger = ledger  # `--ledger`: replaces every config's ledger
        self._by_folder: dict[Path, Config] = {}

    def base_for(self, path: str) -> Config:
        if self.explicit is not None:
            return self.explicit
        folder = Path.cwd() if path == "-" else Path(path).resolve().parent
        if folder not in self._by_folder:
            self._by_folder[folder] = load_config(folder)
        return self._by_folder[folder]

    def for_file(self, path: str) -> Config:
        base = self.base_for(path)
        config = base if path == "-" else config_for_file(base, Path(path))
        return replace(config, ledger=self.ledger) if self.ledger is not None else config


def run_gate(
    paths: list[str],
    resolver: ConfigResolver,
    baseline: baseline_mod.Baseline | None,
    fail_on: Severity,
    update_baseline: bool = False,
    on_document: Callable[[Document], None] = lambda doc: None,
) -> GateRun:
    results: list[FileResult] = []
    for path in inputs.expand(paths):
        if path != "-" and is_excluded(resolver.base_for(path), Path(path)):
            continue
        config = resolver.for_file(path)
        doc = load_document(path)
        on_document(doc)
        result = gate_audit(audit_document(doc, config), config, display_uri(path))
        if baseline is not None:
            if update_baseline:
                baseline.replace(path, result.audit.findings)
            apply_baseline(result, baseline)
        results.append(result)
    return GateRun(results, fail_on)


def render(run: GateRun, fmt: str, color: bool = False) -> str:
    from audit.render import contract, github, junit, sarif, text

    if fmt == "text":
        return text.render(run, color=color)
    if fmt == "json":
        return contract.to_json([r.audit for r in run.results])
    renderers: dict[str, Callable[[GateRun], str]] = {
        "sarif": sarif.render,
        "github": github.render,
        "junit": junit.render,
    }
    return renderers[fmt](run)


def _ledger(path: Path | None) -> Ledger | None:
    """`--ledger`: read and validated here, so a bad row is a config error (exit 2)."""
    if path is None:
        return None
    from audit.ledger import load_path

    return load_path(path)


def _report_document(doc: Document) -> None:
    for notice in doc.notices:
        click.echo(f"{display_uri(doc.path)}: notice: {notice}", err=True)
    if doc.error:
        click.echo(f"{display_uri(doc.path)}: error: {doc.error}", err=True)


def _fail(message: str) -> None:
    click.echo(f"audit check: error: {message}", err=True)
    sys.exit(2)


@click.command("check")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text for people, json the claims contract, sarif for code scanning, "
    "github for workflow annotations, junit for test reports.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to FILE (atomically) instead of standard output.",
)
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES),
    default=None,
    help="Lowest severity that fails the gate [default: the config's fail-on, else error].",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings reach the threshold.")
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Accept the findings recorded in this baseline file; only new ones fail.",
)
@click.option(
    "--update-baseline",
    is_flag=True,
    help="Record every current finding in the baseline file, then report against it.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Use this config file for every draft instead of searching upwards.",
)
@ledger_option
def check_command(
    paths: tuple[str, ...],
    fmt: str,
    output: Path | None,
    fail_on: str | None,
    exit_zero: bool,
    baseline_path: Path | None,
    update_baseline: bool,
    config_path: Path | None,
    ledger_path: Path | None,
) -> None:
    """Check the figures in drafts: PATHS are files, folders (searched for .md, .markdown, .txt,
    .html), globs, or - for standard input.

    Exit status: 0 nothing reaches the threshold, 1 something does, 2 usage, input or config error.
    """
    try:
        explicit = load_config_file(config_path) if config_path else None
        run_config = explicit or load_config(Path.cwd())
        baseline_file = baseline_path or run_config.baseline
        if update_baseline and baseline_file is None:
            raise click.UsageError("--update-baseline needs --baseline FILE (or `baseline` in the config)")
        baseline = baseline_mod.load(baseline_file) if baseline_file else None
        threshold = cast(Severity, fail_on or run_config.fail_on or "error")
        run = run_gate(
            list(paths),
            ConfigResolver(explicit, _ledger(ledger_path)),
            baseline,
            threshold,
            update_baseline,
            on_document=_report_document,
        )
    except (ConfigError, baseline_mod.BaselineError) as exc:
        _fail(str(exc))
        return
    if update_baseline and baseline is not None:
        write_atomic(baseline.path, baseline_mod.dumps(baseline))
        click.echo(f"audit check: wrote the baseline {baseline.path}", err=True)
    _emit(run, fmt, output)
    sys.exit(run.exit_code(exit_zero))


def _emit(run: GateRun, fmt: str, output: Path | None) -> None:
    color = output is None and fmt == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    report = render(run, fmt, color=color)
    if output is not None:
        write_atomic(output, report)
    else:
        click.echo(report, nl=False)
    if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        from audit.render import github

        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as summary:
            summary.write(github.step_summary(run))
