"""The lexicons in audit/data/, loaded once and cached (like pint's one registry); their word lists
as trie patterns, and the word tests that say from a text's words whether such a pattern can match."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# package data beside the modules (a wheel installs unzipped): read as files, without the ~15 ms that
# importing importlib.resources adds to every command's start
DATA_DIR = Path(__file__).resolve().parent / "data"


def data_text(filename: str) -> str:
    """The text of audit/data/<filename>."""
    return (DATA_DIR / filename).read_text(encoding="utf-8")


@cache
def data(name: str) -> Any:
    """The parsed YAML data file audit/data/<name>.yaml."""
    return yaml.load(data_text(f"{name}.yaml"), Loader=_Loader)  # noqa: S506 - CSafeLoader/SafeLoader only


def words_pattern(words: Iterable[str]) -> str:
    """An alternation matching any of `words`, the longest first; a space matches any whitespace run.

    Written as a trie ("kill(?:ed|ing)?" rather than "killed|killing|kill") so that the regex engine
    tries one branch per next character instead of every word at every position: word lists of
    hundreds of entries cost the same as a few. Built once per word set: callers may ask for it on
    every sentence."""
    return _words_pattern(tuple(sorted({w for w in words if w})))  # sorted: the same in every process


@cache
def _words_pattern(words: tuple[str, ...]) -> str:
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)[0]


def _trie_regex(node: dict[str, Any]) -> tuple[str, int]:
    """The pattern of a trie node and the length of its longest word."""
    # a run of nodes with one child and no word ending ("k-i-l-l" of "kill(?:ed|ing)?") is its
    # characters in a row: read in one loop, not one recursion per character
    run: list[str] = []
    while len(node) == 1 and "" not in node:
        ((ch, node),) = node.items()
        run.append(_char(ch))
    head = "".join(run)
    children = [(ch, *_trie_regex(child)) for ch, child in node.items() if ch]
    # deeper branches first: under re.IGNORECASE "K..." and "k..." can both match, and the longer wins
    children.sort(key=lambda c: -c[2])
    branches = [_char(ch) + pattern for ch, pattern, _ in children]
    depth = len(run) + max((d + 1 for _, _, d in children), default=0)
    if "" in node:
        return head + (f"(?:{'|'.join(branches)})?" if branches else ""), depth
    return head + (branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"), depth


@cache
def _char(ch: str) -> str:
    """One character of a word in a pattern: a space matches any whitespace run."""
    return r"\s+" if ch == " " else re.escape(ch)


# --- word tests: whether a word-list pattern can match at all, from the words of the text ---------------
#
# A pattern built from a word list ("\b(?:killed|wounded)\b", "\b(?:killing)\s*$") can only match where
# one of its words stands whole in the text: so each of its word's runs of letters is a whole run of
# letters of the text. Reading the text's runs once (or only its last) and looking them up in a set
# says, for most texts, that the pattern need not be searched at all.

_RUN = re.compile(r"[a-z]+")
# re.IGNORECASE matches these to an ASCII letter that lower() does not turn them into (long s, dotless
# and dotted i, the Kelvin sign): in a text holding one, the word tests say "maybe" and the pattern decides.
_FOLDS_TO_ASCII = ("\u017f", "\u0131", "\u0130", "\u212a")


def runs_of(words: Iterable[str], last: bool = False) -> frozenset[str]:
    """One run of letters of each word or phrase (lower-cased), that a whole-word match of it has in the
    text: its longest run (its rarest), or with `last` its last one ("" for a word that ends in another
    character, "sub-"), the keys of `may_hold` and `may_end_with`."""
    keys = set()
    for word in words:
        runs = _RUN.findall(word.lower())
        if last:
            keys.add(runs[-1] if runs and word.lower().endswith(runs[-1]) else "")
        else:
            keys.add(max(runs, key=len) if runs else "")
    return frozenset(keys)


def may_hold(text: str, keys: frozenset[str]) -> bool:
    """False only if no word of a list keyed by `runs_of` stands whole in `text`: the text has none of
    the keys as a run of letters (case aside; with a few keys, none even inside a word)."""
    if "" in keys or folds(text):
        return True
    if len(keys) <= _FEW_KEYS:  # a few substring tests cost less than reading the text's runs
        low = text.lower()
        return any(key in low for key in keys)
    return not keys.isdisjoint(_RUN.findall(text.lower()))


_FEW_KEYS = 16


def runs_in(text: str) -> frozenset[str] | None:
    """The runs of letters of `text`, lower-cased, to test several word lists against with `holds_any`;
    None for a text whose letters lower-casing does not fold as the patterns do (every test says maybe)."""
    return None if folds(text) else frozenset(_RUN.findall(text.lower()))


def holds_any(runs: frozenset[str] | None, keys: frozenset[str]) -> bool:
    """False only if none of `keys` (runs_of) is among a text's `runs` (runs_in)."""
    return runs is None or not runs.isdisjoint(keys)


def may_end_with(text: str, ends: frozenset[str]) -> bool:
    """False only if `text`, trailing white space aside, ends in no word of a list keyed by
    `runs_of(..., last=True)`: its last run of letters (or "" if it ends in another character) is
    none of the keys."""
    return ends_in(end_of(text), ends)


def end_of(text: str) -> str | None:
    """The run of letters `text` ends in (last_run), to test several lists against with `ends_in`;
    None for a text whose letters lower-casing does not fold as the patterns do (every test says maybe)."""
    return None if folds(text) else last_run(text)


def ends_in(end: str | None, ends: frozenset[str]) -> bool:
    """False only if a text's `end` (end_of) is none of `ends` (runs_of(..., last=True))."""
    return end is None or end in ends


def last_run(text: str) -> str:
    """The run of ASCII letters that ends `text` once trailing white space is dropped, lower-cased:
    "killed", "No." -> "", "the 1990s" -> "s"."""
    stripped = text.rstrip()
    word = stripped[stripped.rfind(" ") + 1 :]
    if word.isalpha() and word.isascii():
        return word.lower()
    end = len(word)
    start = end
    while start > 0 and word[start - 1] in _ASCII_LETTERS:
        start -= 1
    return word[start:end].lower()


_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def folds(text: str) -> bool:
    """Whether `text` holds a letter that re.IGNORECASE matches to an ASCII letter lower() does not
    give: word tests on its lower-cased copy may miss what a pattern finds. In any other text,
    lower-casing keeps each character's place and its class (word, digit, space), and makes an ASCII
    letter only of an ASCII letter: a pattern of ASCII words finds in the lower-cased copy, case
    aside, what it finds with re.IGNORECASE in the text."""
    return any(ch in text for ch in _FOLDS_TO_ASCII) if not text.isascii() else False


@cache
def quantulum_units() -> tuple[dict[str, str], dict[str, str]]:
    """(lower-case surface -> unit name, case-sensitive symbol -> unit name) from quantulum3's
    own unit lexicon, metric prefixes expanded. Read as a file: importing quantulum3's loader
    costs seconds, reading its JSON milliseconds."""
    try:
        spec = find_spec("quantulum3")
        if spec is None or not spec.submodule_search_locations:
            return {}, {}
        folder = Path(spec.submodule_search_locations[0])
        raw = json.loads((folder / "units.json").read_text(encoding="utf-8"))
    except (ModuleNotFoundError, FileNotFoundError, OSError, ValueError):
        return {}, {}
    prefixes: dict[str, str] = data("units")["metric_prefixes"]
    surfaces: dict[str, str] = {}
    symbols: dict[str, str] = {}
    for name, unit in raw.items():
        if unit.get("entity") in (None, "dimensionless", "unknown", "currency"):
            continue
        for pre_symbol, pre_name in [
            ("", ""),
            *((p, prefixes[p]) for p in unit.get("prefixes", []) if p in prefixes),
        ]:
            full = pre_name + name
            for surface in unit.get("surfaces", []):
                surfaces.setdefault((pre_name + surface).lower(), full)
                surfaces.setdefault((pre_name + surface).lower() + "s", full)
            for symbol in unit.get("symbols", []):
                if len(pre_symbol + symbol) >= 2:
                    symbols.setdefault(pre_symbol + symbol, full)
    return surfaces, symbols


@cache
def pint_registry() -> Any:
    """One pint registry for the process, built on first use only (it costs ~0.5 s)."""
    import pint

    return pint.UnitRegistry(cache_folder=":auto:")


def compute_unit_names() -> dict[str, str]:
    """Every quantulum3 unit name that pint knows, with pint's canonical name for it."""
    surfaces, symbols = quantulum_units()
    out: dict[str, str] = {}
    for name in sorted(set(surfaces.values()) | set(symbols.values())):
        canonical = pint_name(name)
        if canonical:
            out[name] = canonical
    return out


def unit_name(quantulum_name: str) -> str | None:
    """pint's name for a quantulum3 unit, from the generated table (no pint import)."""
    names: dict[str, str] = data("unit_names")
    return names.get(quantulum_name)


def unit_vocabulary() -> list[str]:
    """Every unit name the extractor can give a figure (measures, temperatures, weights, percent,
    currencies, people, and the generated quantulum3 names)."""
    units = data("units")
    names = {"people", "meter", "year", "degree", *units["currency_codes"], *data("unit_names").values()}
    for table in ("percent", "measures", "temperature", "weight_words"):
        names.update(units[table].values())
    return sorted(names)


def compute_unit_factors() -> dict[str, list[Any] | None]:
    """For each unit name of `unit_vocabulary`: [dimensionality, scale, offset] such that a value x
    is x * scale + offset in pint's root units; None for a name pint does not know. Units pint
    converts by other rules (logarithmic ones, temperature differences) are left out: they go
    through pint itself."""
    registry = pint_registry()
    out: dict[str, list[Any] | None] = {}
    for name in unit_vocabulary():
        try:
            dims = str(registry.parse_units(name).dimensionality)
        except Exception:  # pint raises several unrelated types for unknown names
            out[name] = None
            continue
        if "delta_" in name:
            continue
        try:
            root = [float(registry.Quantity(x, name).to_root_units().magnitude) for x in (0.0, 1.0, 2.0)]
        except Exception:  # an offset unit in a product ("degree_Celsius / hour")
            continue
        offset = root[0]
        if offset == 0:
            out[name] = [dims, root[1], 0.0]
        elif math.isclose(root[2] - root[1], root[1] - root[0], rel_tol=1e-9):  # an offset unit (°C, °F)
            step = 1e6  # a long step keeps the scale precise
            scale = (float(registry.Quantity(step, name).to_root_units().magnitude) - offset) / step
            out[name] = [dims, scale, offset]
    return out


def dimensionality(unit: str) -> str | None:
    """pint's dimensionality of a unit ("[length]"), None if pint does not know it; from the table
    generated by tools/build_unit_names.py, so pint is imported only for a unit outside it."""
    factors: dict[str, list[Any] | None] = data("unit_factors")
    if unit in factors:
        entry = factors[unit]
        return str(entry[0]) if entry else None
    try:
        return str(pint_registry().parse_units(unit).dimensionality)
    except Exception:  # pint raises several unrelated types for unknown names
        return None


def convert(value: float, unit: str, to: str) -> float | None:
    """`value` in `unit` expressed in `to` (None if they do not convert), from the generated table;
    through pint only for a unit outside it."""
    factors: dict[str, list[Any] | None] = data("unit_factors")
    if unit in factors and to in factors:
        a, b = factors[unit], factors[to]
        if a is None or b is None or a[0] != b[0]:
            return None
        if a[2] == 0 and b[2] == 0:
            return float(value * (a[1] / b[1]))
        return float((value * a[1] + a[2] - b[2]) / b[1])
    try:
        return float(pint_registry().Quantity(value, unit).to(to).magnitude)
    except Exception:  # unknown or incompatible units
        return None


def pint_name(unit: str) -> str | None:
    """pint's canonical long name for a unit expression, or None if pint does not know it. A unit
    that pint defines under a name of its own is called by it: "mile_per_hour", not "mile / hour";
    "degree_Fahrenheit", not "degree * delta_degree_Fahrenheit"; "kilowatt_hour", not "hour * kilowatt"."""
    registry = pint_registry()
    own = _defined_names(registry).get(unit.replace(" ", "_").lower()) if " " in unit.strip() else None
    if own is not None:
        return str(registry.parse_units(own))
    for spelling in (unit, unit.replace(" ", "_")):
        try:
            parsed = str(registry.parse_units(spelling))
        except Exception:  # pint raises several unrelated types for unknown names
            continue
        return _defined_compound(registry, parsed) or parsed
    return None


@cache
def _defined_names(registry: Any) -> dict[str, str]:
    """Lower-cased name -> the name pint defines ("degree_fahrenheit" -> "degree_Fahrenheit")."""
    names: dict[str, str] = {}
    for name in sorted(getattr(registry, "_units", {})):
        names.setdefault(name.lower(), name)
    return names


def _defined_compound(registry: Any, expression: str) -> str | None:
    """pint's own name for a product or quotient of two units ("kilometer / hour" is
    "kilometer_per_hour", "hour * kilowatt" "kilowatt_hour"), when it defines one equal to it."""
    parts = re.fullmatch(r"(\w+) ([*/]) (\w+)", expression)
    if parts is None:
        return None
    a, op, b = parts.groups()
    names = [f"{a}_per_{b}"] if op == "/" else [f"{a}_{b}", f"{b}_{a}"]
    for name in names:
        try:
            same = registry.Quantity(1, name).to(expression).magnitude
        except Exception:  # pint raises several unrelated types for unknown names
            continue
        if abs(same - 1) < 1e-9:
            return name
    return None
