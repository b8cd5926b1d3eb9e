"""Run configuration: which rules run, at what severity, with which lexicons.

The CI-gate work extends `load_config` to read `[tool.audit]` / `audit.toml`; every
stage receives a `Config` and never reads files of its own accord.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from audit.errors import ConfigError

if TYPE_CHECKING:
    from audit.ledger import Ledger

SEVERITIES = ("error", "warning", "info")


@dataclass
class Config:
    select: list[str] = field(default_factory=list)  # empty = every rule
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)  # rule id -> error|warning|info
    rule_dirs: list[Path] = field(default_factory=list)  # extra rule folders
    parties: dict[str, list[str]] = field(default_factory=dict)  # belligerent -> its names
    path: Path | None = None  # the file it was read from
    fail_on: str | None = None  # error|warning|info: the gate's threshold (None = the CLI default)
    baseline: Path | None = None  # the gate's baseline file
    exclude: list[str] = field(default_factory=list)  # globs of drafts the gate skips
    overrides: list[Override] = field(default_factory=list)  # per-glob select/ignore/severity
    ledger: Ledger | None = None  # the desk's ledger (audit/ledger.py), validated when read


@dataclass
class Override:
    """`[[tool.audit.overrides]]`: rule settings for the drafts matching `files` (globs, `**` allowed,
    relative to the config file's folder; a glob without `/` matches the file name at any depth)."""

    files: list[str]
    select: list[str] | None = None  # replaces the base selection
    ignore: list[str] = field(default_factory=list)  # added to the base ignores
    severity: dict[str, str] = field(default_factory=dict)  # merged over the base severities


DEFAULT = Config()

CONFIG_FILES = ("audit.toml", "pyproject.toml")
_KEYS = {
    "select": "a list of rule ids, families or globs",
    "ignore": "a list of rule ids, families or globs",
    "severity": "a table of rule id = error|warning|info",
    "rule-dirs": "a list of folder paths",
    "parties": "a table of party = list of names",
    "fail-on": "one of error, warning, info",
    "baseline": "a file path",
    "exclude": "a list of globs",
    "overrides": "an array of tables ([[tool.audit.overrides]])",
    "ledger": "a ledger file path (CSV or Parquet)",
}
_OVERRIDE_KEYS = {
    "files": "a non-empty list of globs",
    "select": _KEYS["select"],
    "ignore": _KEYS["ignore"],
    "severity": _KEYS["severity"],
}


def find_config_file(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest `audit.toml`, or `pyproject.toml` with a `[tool.audit]` table, walking up from `start`."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate_dir in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = candidate_dir / name
            if candidate.is_file():
                table = _audit_table(candidate)
                if table is not None:
                    return candidate, table
    return None


def load_config(start: Path) -> Config:
    """The config governing `start` (a file or folder): the nearest config file's, or the default."""
    found = find_config_file(start)
    if found is None:
        return Config()
    return _build(found[0], found[1])


def load_config_file(path: Path) -> Config:
    """Read one named config file (`--config`); a pyproject.toml must hold `[tool.audit]`."""
    if not path.is_file():
        raise ConfigError(f"{path}: no such config file")
    table = _audit_table(path)
    if table is None:
        raise ConfigError(f"{path}: no [tool.audit] table")
    return _build(path, table)


def config_for_file(config: Config, file: Path) -> Config:
    """`config` with the overrides whose globs match `file` applied, in the order they are written."""
    if not config.overrides or config.path is None:
        return config
    relative = _relative_posix(file, config.path.parent)
    out = config
    for override in config.overrides:
        if any(glob_match(pattern, relative) for pattern in override.files):
            out = replace(
                out,
                select=list(override.select) if override.select is not None else out.select,
                ignore=[*out.ignore, *override.ignore],
                severity={**out.severity, **override.severity},
            )
    return out


def is_excluded(config: Config, file: Path) -> bool:
    if not config.exclude or config.path is None:
        return False
    relative = _relative_posix(file, config.path.parent)
    return any(glob_match(pattern, relative) for pattern in config.exclude)


def glob_match(pattern: str, relative_path: str) -> bool:
    """Gitignore-like matching: `*` within a folder, `**` across folders; no `/` = any depth."""
    pattern = pattern.rstrip("/")
    if "/" not in pattern:
        pattern = "**/" + pattern
    regex = _glob_regex(pattern.lstrip("/"))
    parts = relative_path.split("/")
    prefixes = ("/".join(parts[: n + 1]) for n in range(len(parts)))  # a folder matches all inside it
    return any(regex.fullmatch(prefix) for prefix in prefixes)


def _glob_regex(pattern: str) -> re.Pattern[str]:
    parts: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            parts.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            parts.append(".*")
            i += 2
        elif pattern[i] == "*":
            parts.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            parts.append("[^/]")
            i += 1
        else:
            parts.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(parts))


def _relative_posix(file: Path, base: Path) -> str:
    resolved = file.resolve()
    try:
        return resolved.relative_to(base.resolve()).as_posix()
    except ValueError:
        return PurePosixPath(resolved.as_posix()).name


def _audit_table(path: Path) -> dict[str, Any] | None:
    import tomllib  # here: only a command that reads a config file pays for it

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from exc
    tool = data.get("tool")
    nested = tool.get("audit") if isinstance(tool, dict) else None
    if path.name == "pyproject.toml":
        return nested if isinstance(nested, dict) else None
    if isinstance(nested, dict) and set(data) == {"tool"}:
        return nested  # an audit.toml written like pyproject: [tool.audit]
    return data


def _build(path: Path, table: dict[str, Any]) -> Config:
    where = f"{path}: [tool.audit]" if path.name == "pyproject.toml" else str(path)
    values = _normalise_keys(table, _KEYS, where)
    folder = path.parent.resolve()
    return Config(
        select=_str_list(values, "select", where),
        ignore=_str_list(values, "ignore", where),
        severity=_severity_table(values, "severity", where),
        rule_dirs=[folder / d for d in _str_list(values, "rule-dirs", where)],
        parties=_parties(values, where),
        path=path.resolve(),
        fail_on=_fail_on(values, where),
        baseline=folder / values["baseline"] if _opt_str(values, "baseline", where) else None,
        exclude=_str_list(values, "exclude", where),
        overrides=_overrides(values, where),
        ledger=_ledger(values, folder, where),
    )


def _normalise_keys(table: dict[str, Any], known: dict[str, str], where: str) -> dict[str, Any]:
    """Keys with `_` or `-` alike; an unknown key names the known ones."""
    out: dict[str, Any] = {}
    for key, value in table.items():
        canonical = key.replace("_", "-")
        if canonical not in known:
            raise ConfigError(f"{where}: unknown key {key!r}; expected one of: {', '.join(sorted(known))}")
        out[canonical] = value
    return out


def _expected(where: str, key: str, what: str, value: Any) -> ConfigError:
    return ConfigError(f"{where}: key {key!r}: expected {what}, got {value!r}")


def _str_list(values: dict[str, Any], key: str, where: str, what: str | None = None) -> list[str]:
    value = values.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _expected(where, key, what or _KEYS[key], value)
    return list(value)


def _opt_str(values: dict[str, Any], key: str, where: str) -> str | None:
    value = values.get(key)
    if value is not None and not (isinstance(value, str) and value):
        raise _expected(where, key, _KEYS[key], value)
    return value


def _fail_on(values: dict[str, Any], where: str) -> str | None:
    value = _opt_str(values, "fail-on", where)
    if value is not None and value not in SEVERITIES:
        raise _expected(where, "fail-on", _KEYS["fail-on"], value)
    return value


def _severity_table(values: dict[str, Any], key: str, where: str) -> dict[str, str]:
    value = values.get(key, {})
    if not isinstance(value, dict):
        raise _expected(where, key, _KEYS["severity"], value)
    for rule, level in value.items():
        if level not in SEVERITIES:
            raise _expected(where, f"{key}.{rule}", "one of error, warning, info", level)
    return dict(value)


def _parties(values: dict[str, Any], where: str) -> dict[str, list[str]]:
    value = values.get("parties", {})
    if not isinstance(value, dict):
        raise _expected(where, "parties", _KEYS["parties"], value)
    return {party: _str_list(value, party, f"{where}: parties", "a list of names") for party in value}


def _ledger(values: dict[str, Any], folder: Path, where: str) -> Ledger | None:
    """The ledger the config names (relative to the config file), read and validated now."""
    name = _opt_str(values, "ledger", where)
    if name is None:
        return None
    from audit import ledger

    return ledger.load_path(folder / name)


def _overrides(values: dict[str, Any], where: str) -> list[Override]:
    value = values.get("overrides", [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise _expected(where, "overrides", _KEYS["overrides"], value)
    out: list[Override] = []
    for n, table in enumerate(value):
        here = f"{where}: overrides[{n}]"
        entry = _normalise_keys(table, _OVERRIDE_KEYS, here)
        files = _str_list(entry, "files", here, _OVERRIDE_KEYS["files"])
        if not files:
            raise _expected(here, "files", _OVERRIDE_KEYS["files"], files)
        out.append(
            Override(
                files=files,
                select=_str_list(entry, "select", here) if "select" in entry else None,
                ignore=_str_list(entry, "ignore", here),
                severity=_severity_table(entry, "severity", here),
            )
        )
    return out


def rule_matches(token: str, rule: str, family: str) -> bool:
    """A `select`/`ignore` entry names a rule id, a family, a glob of ids, or `ALL`."""
    return token in ("ALL", "*", rule, family) or fnmatch.fnmatchcase(rule, token)


def rule_enabled(config: Config, rule: str, family: str) -> bool:
    selected = not config.select or any(rule_matches(t, rule, family) for t in config.select)
    return selected and not any(rule_matches(t, rule, family) for t in config.ignore)
