"""The data lexicons: every file parses, and YAML's yes/no/on/off never turn words into booleans."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

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


def test_generated_currency_names_are_current() -> None:
    """Rebuild with `python tools/build_currency_names.py` when Babel's CLDR data changes; checked
    only with the Babel the table was built with (the table is data, Babel a build-time tool)."""
    babel = pytest.importorskip("babel")
    table = lexicon.data("currency_names")
    if table["babel"] != babel.__version__:
        pytest.skip(f"built with Babel {table['babel']}, {babel.__version__} installed")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    try:
        from build_currency_names import compute
    finally:
        sys.path.pop(0)
    assert table == compute()


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


def test_generated_unit_factors_are_current() -> None:
    """Rebuild with `python tools/build_unit_names.py` when quantulum3 or pint change."""
    assert lexicon.data("unit_factors") == lexicon.compute_unit_factors()


def test_units_left_out_of_the_factor_table_are_those_pint_converts_by_other_rules() -> None:
    """Logarithmic units and temperature differences; the rest never needs pint imported."""
    registry = lexicon.pint_registry()
    left_out = set(lexicon.unit_vocabulary()) - set(lexicon.data("unit_factors"))
    for name in left_out:
        root = [registry.Quantity(x, name).to_root_units().magnitude for x in (0.0, 1.0, 2.0)]
        assert "delta_" in name or root[2] - root[1] != pytest.approx(root[1] - root[0]), name
    assert len(left_out) <= 5


def test_tabled_conversions_agree_with_pint() -> None:
    registry = lexicon.pint_registry()
    factors = {k: v for k, v in lexicon.data("unit_factors").items() if v}
    by_dims: dict[str, list[str]] = {}
    for name, (dims, _, _) in factors.items():
        by_dims.setdefault(dims, []).append(name)
    for names in by_dims.values():
        for a in names:
            for b in names[:12]:
                for x in (0.0, 1.0, 37.5, -40.0, 1234567.0):
                    expected = registry.Quantity(x, a).to(b).magnitude
                    assert lexicon.convert(x, a, b) == pytest.approx(expected, rel=1e-12, abs=1e-9), (x, a, b)
    assert lexicon.convert(1.0, "mile", "hour") is None
    assert lexicon.convert(1.0, "people", "meter") is None
    assert lexicon.dimensionality("people") is None and lexicon.dimensionality("kilometer") == "[length]"


def test_the_conversion_rule_does_not_import_pint() -> None:
    code = (
        "import sys; from audit.pipeline import audit_text; "
        "a = audit_text('The wall is 8 metres (26 feet) high and the road 5 miles (8 km) long.'); "
        "assert any(c.rule == 'unit-conversion' for c in a.checks), a.checks; "
        "print('pint' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _alternation(words: list[str]) -> re.Pattern[str]:
    """The plain alternation the trie stands for: every word, the longest first."""
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    return re.compile("|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) or r"(?!x)x")


@given(
    st.lists(st.text(alphabet="abK k-.'’", min_size=1, max_size=6), min_size=1, max_size=12),
    st.text(alphabet="abK k-.'’\t", max_size=8),
)
def test_words_pattern_matches_its_words_whole(words: list[str], other: str) -> None:
    """The trie of a word list matches as the alternation of its words: each word whole (a space in
    a word any whitespace run), and nothing that is not one of them."""
    trie = re.compile(lexicon.words_pattern(words))
    for word in words:
        assert trie.fullmatch(word)
    assert bool(trie.fullmatch(other)) == bool(_alternation(words).fullmatch(other))


@given(
    st.lists(st.text(alphabet="abK-.'", min_size=1, max_size=6), min_size=1, max_size=12),
    st.text(alphabet="abK-.' ", max_size=10),
)
def test_words_pattern_takes_the_longest_word(words: list[str], text: str) -> None:
    """Where one word starts another ("kill", "killed"), the trie takes the longest, as the
    alternation with the longest word first does."""
    for pos in range(len(text) + 1):
        found = re.compile(lexicon.words_pattern(words)).match(text, pos)
        expected = _alternation(words).match(text, pos)
        assert (found and found.span()) == (expected and expected.span())


# the word tests: a text they rule out holds no match of the pattern built from the words
WORD_LISTS = st.lists(
    st.from_regex(r"[abk](?:[abk' -]{0,5}[abk])?|sub-", fullmatch=True), min_size=1, max_size=8
)
TEXTS = st.text(alphabet="abkABK -'\n\t.,1_\u00e9\u017f\u212a\u0130\u0131\u00a0", max_size=30)


@given(WORD_LISTS, TEXTS)
def test_a_text_without_a_key_holds_no_word_of_the_list(words: list[str], text: str) -> None:
    pattern = re.compile(rf"\b(?:{lexicon.words_pattern(words)})\b", re.I)
    if pattern.search(text):
        assert lexicon.may_hold(text, lexicon.runs_of(words))


@given(WORD_LISTS, TEXTS)
def test_a_text_that_ends_in_no_key_ends_in_no_word_of_the_list(words: list[str], text: str) -> None:
    for tail in (r"\s*$", r"\s+$", "$"):
        pattern = re.compile(rf"\b(?:{lexicon.words_pattern(words)}){tail}", re.I)
        if pattern.search(text):
            assert lexicon.may_end_with(text, lexicon.runs_of(words, last=True))


@given(st.text(alphabet="abAB -'\n.,1\u00e9\u00a0", max_size=20))
def test_the_last_run_is_the_pattern_s(text: str) -> None:
    m = re.search(r"([A-Za-z]*)\s*\Z", text)
    assert lexicon.last_run(text) == (m.group(1).lower() if m else "")


def test_lower_casing_text_that_does_not_fold_keeps_each_character_s_place_and_class() -> None:
    """What lexicon.folds promises of every other character: the word tests and the lower-cased
    readings of numbers.py rest on it."""
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        if lexicon.folds(ch):
            continue
        low = ch.lower()
        assert len(low) == 1, hex(code)
        assert (ch.isalnum(), ch.isdecimal(), ch.isspace()) == (low.isalnum(), low.isdecimal(), low.isspace())
        assert not (low.isascii() and low.isalpha()) or (ch.isascii() and ch.isalpha()), hex(code)
