"""The rule pack: YAML rule files, validated, and the `audit rules` command.

A rule is data: one YAML file per rule (id, family, default severity, summary, rationale, the
checker kind it runs, that kind's options, and examples the test suite runs). The built-in rules
live in the repository's top-level `rules/` folder; `audit/rules` is a symlink to it, so a wheel
ships them as package data and a checkout or editable install reads the folder itself. Users add
rules by naming folders in `Config.rule_dirs`; a user rule with a built-in id replaces it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
import yaml

from audit.checkers import CheckerKind, load_builtin
from audit.config import DEFAULT, Config, ConfigError, rule_enabled

if TYPE_CHECKING:
    from audit.ledger import Ledger

FAMILIES = ("consistency", "sourcing")
SEVERITIES = ("error", "warning", "info")
EXPECTS = ("pass", "fail", "none")
_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_KEYS = {"id", "family", "severity", "summary", "rationale", "checker", "options", "examples"}
_REQUIRED = ("id", "family", "severity", "summary", "checker")
_EXAMPLE_KEYS = {"text", "expect", "note", "grade", "message", "ledger"}

_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader reads rules 10x faster


@dataclass(frozen=True)
class Example:
    text: str
    expect: str  # pass | fail | none: what this rule's checks on the text come to
    note: str = ""
    grade: str | None = None  # sourcing examples: the grade of the first casualty figure
    message: str | None = None  # a fragment some check's message must contain
    ledger_rows: tuple[dict[str, Any], ...] | None = None  # ledger rules: the desk's ledger, as written
    where: str = ""  # the file and key of this example, for the errors of its ledger rows

    @functools.cached_property
    def ledger(self) -> Ledger | None:
        """The desk's ledger the text is checked against, validated when first read: only the tests
        and `audit rules` read it, so a run of the pipeline does not load the ledger module for it."""
        if self.ledger_rows is None:
            return None
        from audit import ledger

        name = f"{self.where}.ledger"
        return ledger.Ledger(name, ledger.parse_rows(enumerate(self.ledger_rows, start=1), name, "row"))


@dataclass(frozen=True)
class Rule:
    id: str
    family: str
    severity: str
    summary: str
    rationale: str
    checker: str
    options: dict[str, Any]
    examples: tuple[Example, ...] = field(default_factory=tuple)
    path: Path | None = None


@functools.cache
def builtin_rules_dir() -> Path:
    """`audit/rules` (package data in a wheel, a symlink in a checkout), else the checkout's `rules/`."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise ConfigError(f"{here / 'rules'}: the built-in rule folder is missing from this installation")


def load_rules(config: Config = DEFAULT) -> list[Rule]:
    """Every rule: built-in first, then each folder of `config.rule_dirs` (later ids replace earlier)."""
    builtin = (str(builtin_rules_dir()), 0.0)  # package data: it does not change while we run
    return list(_load_cached((builtin, *(_stamp(Path(d)) for d in config.rule_dirs))))


def _stamp(folder: Path) -> tuple[str, float]:
    """A user's rule folder and its newest modification time: edited rule files are read again."""
    files = [*folder.glob("*.y*ml")] if folder.is_dir() else []
    return str(folder), max(
        [folder.stat().st_mtime if folder.exists() else 0.0, *(f.stat().st_mtime for f in files)]
    )


@functools.lru_cache(maxsize=16)
def _load_cached(stamps: tuple[tuple[str, float], ...]) -> tuple[Rule, ...]:
    rules: dict[str, Rule] = {}
    for folder, _ in stamps:
        for rule in load_folder(Path(folder)):
            rules[rule.id] = rule
    return tuple(sorted(rules.values(), key=lambda r: (FAMILIES.index(r.family), r.id)))


def load_folder(folder: Path) -> list[Rule]:
    if not folder.is_dir():
        raise ConfigError(f"{folder}: key 'rule-dirs': expected a folder of rule files, found none")
    files = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
    return [load_rule_file(p) for p in files]


def load_rule_file(path: Path) -> Rule:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: cannot read the rule file: {e}") from e
    except yaml.YAMLError as e:
        raise ConfigError(f"{path}: not valid YAML: {e}") from e
    return parse_rule(data, path)


def parse_rule(data: Any, path: Path) -> Rule:
    """Validate one rule's mapping; every error names the file and the key."""
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of rule keys, got {type(data).__name__}")
    unknown = sorted(set(map(str, data)) - _KEYS)
    if unknown:
        raise _bad(path, unknown[0], f"a known key ({', '.join(sorted(_KEYS))})", data[unknown[0]])
    for key in _REQUIRED:
        if key not in data:
            raise ConfigError(f"{path}: key '{key}': required but missing")
    rule_id = _string(path, data, "id")
    if not _ID.match(rule_id):
        raise _bad(path, "id", "lower-case words joined by hyphens", rule_id)
    family = _choice(path, data, "family", FAMILIES)
    severity = _choice(path, data, "severity", SEVERITIES)
    kind = _checker(path, data)
    return Rule(
        id=rule_id,
        family=family,
        severity=severity,
        summary=_string(path, data, "summary"),
        rationale=str(data.get("rationale") or "").strip(),
        checker=kind.name,
        options=_options(path, data.get("options"), kind),
        examples=_examples(path, data.get("examples")),
        path=path,
    )


def _bad(path: Path, key: str, expected: str, got: Any) -> ConfigError:
    return ConfigError(f"{path}: key '{key}': expected {expected}, got {got!r}")


def _string(path: Path, data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _bad(path, key, "a non-empty string", value)
    return value.strip()


def _choice(path: Path, data: dict[str, Any], key: str, allowed: tuple[str, ...]) -> str:
    value = data.get(key)
    if value not in allowed:
        raise _bad(path, key, f"one of {', '.join(allowed)}", value)
    return str(value)


def _checker(path: Path, data: dict[str, Any]) -> CheckerKind:
    registry = load_builtin()
    name = data.get("checker")
    if name not in registry:
        raise _bad(path, "checker", f"a registered checker kind ({', '.join(sorted(registry))})", name)
    return registry[str(name)]


def _options(path: Path, raw: Any, kind: CheckerKind) -> dict[str, Any]:
    if raw is None:
        return dict(kind.options)
    if not isinstance(raw, dict):
        raise _bad(path, "options", "a mapping of option names to values", raw)
    out = dict(kind.options)
    for name, value in raw.items():
        if name not in kind.options:
            known = ", ".join(sorted(kind.options)) or "none"
            raise _bad(path, f"options.{name}", f"an option of checker '{kind.name}' ({known})", value)
        default = kind.options[name]
        if not _same_type(default, value):
            raise _bad(path, f"options.{name}", f"a {type(default).__name__}", value)
        out[name] = value
    return out


def _same_type(default: Any, value: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, int | float):
        return isinstance(value, int | float)
    return isinstance(value, type(default))


def _examples(path: Path, raw: Any) -> tuple[Example, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise _bad(path, "examples", "a list of {text, expect}", raw)
    out = []
    for i, item in enumerate(raw):
        where = f"examples[{i}]"
        if not isinstance(item, dict):
            raise _bad(path, where, "a mapping with text and expect", item)
        unknown = sorted(set(map(str, item)) - _EXAMPLE_KEYS)
        if unknown:
            raise _bad(path, f"{where}.{unknown[0]}", f"one of {', '.join(sorted(_EXAMPLE_KEYS))}", item)
        text, expect = item.get("text"), item.get("expect")
        if not isinstance(text, str) or not text.strip():
            raise _bad(path, f"{where}.text", "a non-empty string", text)
        if expect not in EXPECTS:
            raise _bad(path, f"{where}.expect", f"one of {', '.join(EXPECTS)}", expect)
        grade, message = item.get("grade"), item.get("message")
        rows = _example_ledger(path, where, item.get("ledger"))
        note = str(item.get("note") or "")
        out.append(Example(text, str(expect), note, grade, message, rows, f"{path}: {where}"))
    return tuple(out)


def _example_ledger(path: Path, where: str, raw: Any) -> tuple[dict[str, Any], ...] | None:
    """An example's ledger: a list of rows with the ledger file's columns (`Example.ledger` validates
    their cells as a ledger file's)."""
    if raw is None:
        return None
    if not isinstance(raw, list) or not all(isinstance(r, dict) for r in raw):
        raise _bad(path, f"{where}.ledger", "a list of ledger rows (mappings of column to value)", raw)
    return tuple(raw)


def enabled(rule: Rule, config: Config) -> bool:
    return rule_enabled(config, rule.id, rule.family)


def severity(rule: Rule, config: Config) -> str:
    """The configured severity for this rule (by id, then by family), else its default."""
    return config.severity.get(rule.id) or config.severity.get(rule.family) or rule.severity


# --- `audit rules` ----------------------------------------------------------------------------


@click.command("rules")
@click.argument("rule_id", required=False)
@click.option(
    "--rule-dir",
    "rule_dirs",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Also load the rules in this folder (repeatable).",
)
def rules_command(rule_id: str | None, rule_dirs: tuple[Path, ...]) -> None:
    """List the rules, or print the documentation of RULE_ID (like `ruff rule`)."""
    try:
        rules = load_rules(Config(rule_dirs=list(rule_dirs)))
    except ConfigError as e:
        click.echo(f"error: {e}", err=True)
        raise SystemExit(2) from e
    if rule_id is None:
        click.echo(_listing(rules), nl=False)
        return
    rule = next((r for r in rules if r.id == rule_id), None)
    if rule is None:
        click.echo(f"error: no rule '{rule_id}'; `audit rules` lists them", err=True)
        raise SystemExit(2)
    try:
        click.echo(explain(rule), nl=False)
    except ConfigError as e:  # an example's ledger rows are validated when first read
        click.echo(f"error: {e}", err=True)
        raise SystemExit(2) from e


def _listing(rules: list[Rule]) -> str:
    width = max(len(r.id) for r in rules)
    lines = [f"{r.id:<{width}}  {r.family:<11}  {r.severity:<7}  {r.summary}" for r in rules]
    return "\n".join(lines) + "\n"


def explain(rule: Rule) -> str:
    """A rule's documentation in Markdown: what it checks, why, its options and examples."""
    out = [f"# {rule.id} ({rule.family}, default severity {rule.severity})", "", rule.summary, ""]
    if rule.rationale:
        out += ["## Why", "", rule.rationale, ""]
    out += ["## Checker", "", f"`{rule.checker}`", ""]
    if rule.options:
        out += ["## Options", ""]
        out += [f"- `{k}`: {v!r}" for k, v in sorted(rule.options.items())]
        out.append("")
    if rule.examples:
        out += ["## Examples", ""]
        for ex in rule.examples:
            out.append(f"- {ex.expect}: {ex.text!r}" + (f" ({ex.note})" if ex.note else ""))
            if ex.ledger is not None:
                out.append("  ledger: " + "; ".join(r.describe() for r in ex.ledger.rows))
        out.append("")
    if rule.path is not None:
        out += [f"Defined in {rule.path.name}", ""]
    return "\n".join(out)
