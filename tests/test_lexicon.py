"""The data lexicons: every file parses, and YAML's yes/no/on/off never turn words into booleans."""

from __future__ import annotations

from importlib import resources
from typing import Any

import pytest
import yaml

from audit import lexicon

DATA_FILES = sorted(
    p.name for p in resources.files("audit").joinpath("data").iterdir() if p.name.endswith(".yaml")
)


def _booleans(node: Any, path: str = "") -> list[str]:
    if isinstance(node, bool):
        return [path]
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in _booleans(k, f"{path}/key") + _booleans(v, f"{path}/{k}")]
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in _booleans(v, f"{path}[{i}]")]
    return []


@pytest.mark.parametrize("name", DATA_FILES)
def test_no_word_became_a_boolean(name: str) -> None:
    text = resources.files("audit").joinpath("data", name).read_text(encoding="utf-8")
    assert _booleans(yaml.safe_load(text)) == [], f"quote these words in {name}"


def test_measure_names_are_pint_units() -> None:
    for surface, name in lexicon.data("units")["measures"].items():
        assert lexicon.pint_name(name) is not None, (surface, name)


def test_quantulum_lexicon_is_read_without_importing_its_parser() -> None:
    surfaces, symbols = lexicon.quantulum_units()
    assert surfaces["kilometres"] == "kilometre"
    assert symbols["MW"] == "megawatt"


def test_generated_unit_names_are_current() -> None:
    """Rebuild with `python tools/build_unit_names.py` when quantulum3 or pint change."""
    assert lexicon.data("unit_names") == lexicon.compute_unit_names()


@pytest.mark.parametrize(
    ("unit", "name"),
    [
        ("mile / hour", "mile_per_hour"),
        ("mile per hour", "mile_per_hour"),
        ("kilometer / hour", "kilometer_per_hour"),
        ("kilowatt hour", "kilowatt_hour"),
        ("degree fahrenheit", "degree_Fahrenheit"),
        ("square foot", "square_foot"),
        ("megabit / second", "megabit / second"),  # pint names no such compound
        ("kilometer ** 2", "kilometer ** 2"),
        ("gal", "gallon"),  # one word is read as written, not matched by case to "Gal"
    ],
)
def test_units_are_named_as_pint_names_them(unit: str, name: str) -> None:
    assert lexicon.pint_name(unit) == name


def test_measure_names_are_pint_s_own_names() -> None:
    """The hand-written measures agree with what pint_name would call them."""
    for surface, name in lexicon.data("units")["measures"].items():
        assert lexicon.pint_name(name) == name, (surface, name)
