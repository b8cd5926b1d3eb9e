"""Run configuration: which rules run, at what severity, with which lexicons.

The CI-gate work extends `load_config` to read `[tool.audit]` / `audit.toml`; every
stage receives a `Config` and never reads files of its own accord.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class ConfigError(Exception):
    """An invalid configuration or rule file: names the file, the key and what was expected."""


@dataclass
class Config:
    select: list[str] = field(default_factory=list)  # empty = every rule
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)  # rule id -> error|warning|info
    rule_dirs: list[Path] = field(default_factory=list)  # extra rule folders
    parties: dict[str, list[str]] = field(default_factory=dict)  # belligerent -> its names
    path: Path | None = None  # the file it was read from


DEFAULT = Config()
