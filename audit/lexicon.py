"""The lexicons in audit/data/, loaded once and cached (like pint's one registry)."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def data(name: str) -> Any:
    """The parsed YAML data file audit/data/<name>.yaml."""
    text = resources.files("audit").joinpath("data", f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - CSafeLoader/SafeLoader only


def words_pattern(words: list[str] | set[str]) -> str:
    """An alternation matching any of `words` as whole words, longest first."""
    ordered = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@cache
def quantulum_units() -> dict[str, str]:
    """Surface form -> quantulum3 unit name, read straight from quantulum3's own lexicon
    file: importing quantulum3's loader costs seconds, reading its JSON milliseconds."""
    try:
        base = resources.files("quantulum3")
        raw = json.loads(base.joinpath("_lang", "en_US", "units.json").read_text(encoding="utf-8"))
    except (ModuleNotFoundError, FileNotFoundError, OSError, ValueError):
        return {}
    out: dict[str, str] = {}
    for name, unit in raw.items():
        if unit.get("entity") in (None, "dimensionless", "unknown", "currency"):
            continue
        for surface in unit.get("surfaces", []):
            out.setdefault(surface.lower(), name)
            out.setdefault(surface.lower() + "s", name)
    return out


@cache
def pint_registry() -> Any:
    """One pint registry for the process, built on first use only (it costs ~0.5 s)."""
    import pint

    return pint.UnitRegistry(cache_folder=":auto:")


def pint_name(unit: str) -> str | None:
    """pint's canonical long name for a unit expression, or None if pint does not know it."""
    try:
        return str(pint_registry().parse_units(unit.replace(" ", "_")))
    except Exception:  # pint raises several unrelated types for unknown names
        return None
