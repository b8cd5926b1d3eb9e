"""The error every configuration problem raises: a config file, a rule file, a ledger.

It lives apart from `audit.config` so that modules the config reads (the ledger) can raise it
without importing the config back."""

from __future__ import annotations


class ConfigError(Exception):
    """An invalid configuration or rule file: names the file, the key and what was expected."""
