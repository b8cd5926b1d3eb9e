"""Peer test data as test cases: other projects' number and quantity specs, read as data.

Three peers live in `../shared/peer/` (see its README): Microsoft Recognizers-Text English specs,
quantulum3's test fixtures and Duckling's English numerals. Each loader turns a peer file into
`PeerCase`s: a sentence and the figures the peer expects in it (text span, value, bounds, unit).
`peer_skips.yaml` (beside this file) holds what our contract resolves differently: skip rules,
peer unit names mapped to ours, the categories we claim to support and the pass-rate floors.

`run_case` puts a case's sentence through `audit.pipeline.audit_text` and compares the claims.
Run `python tests/peer.py --report FILE` for a failure summary grouped by category.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml

HERE = Path(__file__).resolve().parent
SKIPS_PATH = HERE / "peer_skips.yaml"
DEFAULT_SHARED = HERE.parents[0].parent / "shared"

Expect = Literal["find", "forbid", "drop"]

RECOGNIZERS_FILES = {
    "Number/English/NumberModel.json": "number",
    "Number/English/NumberModelExperimentalMode.json": "number",
    "Number/English/NumberModelPercentMode.json": "number",
    "Number/English/NumberRangeModel.json": "number-range",
    "Number/English/NumberRangeModelExperimentalMode.json": "number-range",
    "Number/English/PercentModel.json": "percent",
    "Number/English/PercentModelPercentMode.json": "percent",
    "Number/English/OrdinalModel.json": "ordinal",
    "Number/English/OrdinalModelSuppressExtendedTypes.json": "ordinal",
    "NumberWithUnit/English/CurrencyModel.json": "currency",
    "NumberWithUnit/English/DimensionModel.json": "dimension",
    "NumberWithUnit/English/AgeModel.json": "age",
    "NumberWithUnit/English/TemperatureModel.json": "temperature",
}
QUANTULUM_DIR = "quantulum3/quantulum3/_lang/en_US/tests"
DUCKLING_FILE = "duckling/numeral_en_corpus.json"


@dataclass(frozen=True)
class Figure:
    """One figure a peer expects: `sentence[start:end] == text`, end exclusive."""

    text: str
    start: int
    end: int
    value: float | None
    peer_kind: str  # the peer's type: number, percentage, currency, dimension, numberrange, ordinal, ...
    peer_unit: str | None = None  # the peer's own unit name
    low: float | None = None
    high: float | None = None
    bounded: bool = False  # True when low/high are part of the expectation (ranges, comparisons)
    expect: Expect = "find"
    category: str = ""
    rule: str | None = None  # the skip rule that changed `expect`


@dataclass
class PeerCase:
    suite: str  # "recognizers/number", "quantulum3/quantities", "duckling/numeral", ...
    file: str
    index: int
    sentence: str
    figures: list[Figure]
    negative: bool = False  # the peer expects no figure at all in the sentence
    skip: str | None = None  # the reason, when the case conflicts with our contract

    @property
    def id(self) -> str:
        return f"{self.suite.split('/')[0]}/{Path(self.file).stem}:{self.index}"

    @property
    def checked(self) -> list[Figure]:
        return [f for f in self.figures if f.expect != "drop"]

    @property
    def categories(self) -> list[str]:
        cats = [f.category for f in self.checked]
        if self.negative:
            cats.append("no figure")
        return sorted(set(cats)) or ["robustness"]


@dataclass
class Outcome:
    case: PeerCase
    passed: bool
    problems: list[tuple[str, str]] = field(default_factory=list)  # (category, message)
    found: list[str] = field(default_factory=list)  # what we extracted, for the report


# --- loaders ---------------------------------------------------------------------------------


def load_all(shared: Path, skips: dict[str, Any] | None = None) -> list[PeerCase]:
    """Every peer case, categorised, with the skip rules of `peer_skips.yaml` applied."""
    skips = skips if skips is not None else load_skips()
    cases = [*load_recognizers(shared), *load_quantulum(shared), *load_duckling(shared)]
    return [apply_rules(categorise(c), skips) for c in cases]


def load_skips(path: Path = SKIPS_PATH) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    return data


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8-sig"))


def load_recognizers(shared: Path) -> Iterator[PeerCase]:
    root = shared / "peer" / "Recognizers-Text" / "Specs"
    seen: set[tuple[str, str, tuple[Any, ...]]] = set()
    for rel, model in RECOGNIZERS_FILES.items():
        path = root / rel
        if not path.is_file():
            continue
        for i, spec in enumerate(_read_json(path)):
            case = _recognizers_case(spec, f"recognizers/{model}", rel, i)
            key = (model, case.sentence, tuple((f.text, f.value, f.low, f.high) for f in case.figures))
            if key in seen:  # a mode variant that resolves this input like the default mode
                continue
            seen.add(key)
            yield case


def _recognizers_case(spec: dict[str, Any], suite: str, rel: str, index: int) -> PeerCase:
    sentence: str = spec["Input"]
    figures = [_recognizers_figure(sentence, r) for r in spec.get("Results", [])]
    return PeerCase(suite, rel, index, sentence, figures, negative=not figures)


def _recognizers_figure(sentence: str, result: dict[str, Any]) -> Figure:
    res = result.get("Resolution") or {}
    kind: str = result["TypeName"]
    start, end = _locate(sentence, result["Text"], result.get("Start"))
    text = sentence[start:end]
    raw = res.get("value")
    value, low, high, bounded = None, None, None, False
    if kind == "numberrange" and raw:
        low, high = _parse_interval(raw)
        bounded = True
        value = (low + high) / 2 if low is not None and high is not None else (low if high is None else high)
    elif raw not in (None, "null") and not kind.startswith("ordinal"):
        value = _to_float(str(raw).rstrip("%"))
    unit = res.get("isoCurrency") or res.get("unit")
    if kind == "percentage":
        unit = "percent"
    return Figure(text, start, end, value, kind, unit, low, high, bounded)


def _locate(sentence: str, text: str, start: int | None) -> tuple[int, int]:
    """Recognizers' `Start` is inclusive and its `Text` lower-cased: find the span case-insensitively."""
    lower = sentence.lower()
    needle = text.lower()
    if start is not None and lower[start : start + len(needle)] == needle:
        return start, start + len(needle)
    found = lower.find(needle)
    if found < 0:
        raise ValueError(f"{text!r} not in {sentence!r}")
    return found, found + len(needle)


_INTERVAL = re.compile(r"^[\[(]\s*([^,]*)\s*,\s*([^\])]*)\s*[\])]$")


def _parse_interval(raw: str) -> tuple[float | None, float | None]:
    m = _INTERVAL.match(raw.strip())
    if not m:
        raise ValueError(f"not an interval: {raw!r}")
    low, high = (m.group(i).strip() for i in (1, 2))
    return (_to_float(low) if low else None), (_to_float(high) if high else None)


def _to_float(text: str) -> float:
    return float(text.replace(",", ""))


def load_quantulum(shared: Path) -> Iterator[PeerCase]:
    root = shared / "peer" / QUANTULUM_DIR
    for name, suite in (("quantities.json", "quantities"), ("quantities.ambiguity.json", "ambiguity")):
        path = root / name
        if not path.is_file():
            continue
        for i, spec in enumerate(_read_json(path)):
            figures = list(_quantulum_figures(spec["req"], spec["res"]))
            yield PeerCase(
                f"quantulum3/{suite}",
                f"{QUANTULUM_DIR}/{name}",
                i,
                spec["req"],
                figures,
                negative=not figures,
            )
    errors = root / "errors.json"
    if errors.is_file():
        for i, text in enumerate(_read_json(errors)):
            yield PeerCase("quantulum3/errors", f"{QUANTULUM_DIR}/errors.json", i, text, [])


_RANGE_WORDS = re.compile(r"\bto\b|\bbetween\b|\d\s*[-–]\s*-?\d|\d-\s")


def _quantulum_figures(sentence: str, results: list[dict[str, Any]]) -> Iterator[Figure]:
    cursor = 0
    for r in results:
        surface: str = r["surface"]
        start = sentence.find(surface, cursor)
        if start < 0:
            start = sentence.find(surface)
        end = start + len(surface)
        cursor = end
        value = float(r["value"])
        unc = r.get("uncertainty")
        low = high = None
        bounded = False
        if unc is not None and _RANGE_WORDS.search(surface):
            low, high, bounded = value - unc, value + unc, True
        kind = "quantity" if unc is None or bounded else "uncertainty"
        unit = r.get("unit")
        yield Figure(
            surface, start, end, value, kind, None if unit == "dimensionless" else unit, low, high, bounded
        )


def load_duckling(shared: Path) -> Iterator[PeerCase]:
    path = shared / "peer" / DUCKLING_FILE
    if not path.is_file():
        return
    for i, spec in enumerate(_read_json(path)["cases"]):
        text: str = spec["text"]
        fig = Figure(text, 0, len(text), float(spec["value"]), "numeral")
        yield PeerCase("duckling/numeral", DUCKLING_FILE, i, text, [fig])


# --- categories --------------------------------------------------------------------------------

_WORD_NUM = (
    r"zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"hundred|thousand|million|billion|trillion|nought|naught"
)
_FORM_PATTERNS: list[tuple[str, str]] = [
    ("lakh/crore", r"\b(lakhs?|lkhs?|crores?|cr|lac|koti|krores?|kr|l)\b"),
    ("scientific notation", r"\d\s*[eE][-+]?\d|\^|[x×]\s*10"),
    ("negative numbers", r"^\s*[-−]|\bminus\b|\bnegative\b|\(\$"),
    ("digit fractions", r"\d\s*/\s*\d|[½⅓⅔¼¾⅕⅙⅛]"),
    (
        "fraction words",
        r"\b(half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|eighths?|ninths?"
        r"|tenths?|\w+ths?|\w+firsts?)\b|\bover\b|\bout of\b|\bin\b",
    ),
    ("dozens", r"\bdoz"),
    ("spoken decimals", r"\bpoint\b"),
    ("scale suffixes", r"\d\s*(k|m|mm|g|b|bn|bln|tln|mil|t)\b"),
    ("digits with scale words", r"\d\s+(hundreds?|thousands?|millions?|billions?|trillions?)\b"),
    ("number words with 'and'", rf"\b({_WORD_NUM})\b.*\band\b|&"),
    ("number words", rf"\b({_WORD_NUM})(s)?\b"),
    ("space-grouped digits", r"\d[ \u202f\u00a0]\d{3}\b"),
    ("digits", r"\d"),
]


def figure_category(fig: Figure) -> str:
    """The kind of figure, for grouping failures and choosing what we claim to support."""
    text = fig.text.lower()
    kind = fig.peer_kind
    if kind == "ordinal" or kind.startswith("ordinal"):
        return "ordinals"
    if fig.bounded:
        both = fig.low is not None and fig.high is not None
        return "ranges" if both and fig.low != fig.high else "comparative bounds"
    if kind == "uncertainty":
        return "plus-minus uncertainty"
    if kind == "percentage" or fig.peer_unit in ("percentage", "percent"):
        return "percentages"
    if kind == "currency" or _is_money_unit(fig.peer_unit):
        return _currency_category(text)
    if kind in ("temperature", "age"):
        return kind + "s"
    if kind == "dimension" or fig.peer_unit:
        unit = fig.peer_unit or ""
        return "compound units" if "per" in unit.split() or "/" in text else "measures"
    form = next((name for name, pat in _FORM_PATTERNS if re.search(pat, text)), "vague quantities")
    return form


_MONEY_UNITS = {"dollar", "pound sterling", "euro", "cent", "penny", "dime", "yen", "japanese yen"}


def _is_money_unit(unit: str | None) -> bool:
    return unit is not None and unit.lower() in _MONEY_UNITS


_CODES = r"usd|eur|gbp|cad|aud|nzd|hkd|jpy|cny|chf|mxn|sek|rmb|musd|meur|mgbp|maud"


def _currency_category(text: str) -> str:
    if re.search(r"\b(cents?|pence|penny|dimes?|sen|satoshi)\b|\d-cent", text):
        return "currency minor units"
    if re.search(rf"\b[a-z]{{1,3}}\s?\$|(\b|\d)({_CODES})(\b|\d)", text):
        return "currency codes and prefixes"
    if re.search(r"[$£€¥₹]", text):
        return "currency symbols"
    return "currency words"


def categorise(case: PeerCase) -> PeerCase:
    case.figures = [replace(f, category=figure_category(f)) for f in case.figures]
    return case


# --- skip rules -----------------------------------------------------------------------------------


def apply_rules(case: PeerCase, skips: dict[str, Any]) -> PeerCase:
    """Apply the first matching rule of `skips['rules']` to the case and to each of its figures."""
    for rule in skips.get("rules", []):
        if _case_rule_matches(rule, case) and rule.get("action", "skip") == "skip":
            case.skip = f"{rule['id']}: {rule['reason']}"
            return case
    case.figures = [_apply_figure_rules(case, f, skips.get("rules", [])) for f in case.figures]
    if case.figures and not case.checked and not case.negative:
        case.skip = "every figure dropped by a rule"
    return case


def _apply_figure_rules(case: PeerCase, fig: Figure, rules: list[dict[str, Any]]) -> Figure:
    for rule in rules:
        action = rule.get("action", "skip")
        if action not in ("drop", "forbid"):
            continue
        if _case_rule_matches(rule, case) and _figure_rule_matches(rule, fig):
            return replace(fig, expect=action, rule=rule["id"])
    return fig


def _case_rule_matches(rule: dict[str, Any], case: PeerCase) -> bool:
    if "suite" in rule and not fnmatch.fnmatch(case.suite, rule["suite"]):
        return False
    if "file" in rule and not re.search(rule["file"], case.file):
        return False
    if "input" in rule and not re.search(rule["input"], case.sentence, re.IGNORECASE):
        return False
    if "negative" in rule and bool(rule["negative"]) != case.negative:
        return False
    if rule.get("action", "skip") == "skip" and ("text" in rule or "category" in rule):
        return any(_figure_rule_matches(rule, f) for f in case.figures)
    return True


def _figure_rule_matches(rule: dict[str, Any], fig: Figure) -> bool:
    if "text" in rule and not re.search(rule["text"], fig.text, re.IGNORECASE):
        return False
    if "category" in rule and fig.category not in _as_list(rule["category"]):
        return False
    if "valueless" in rule and bool(rule["valueless"]) != (fig.value is None):
        return False
    return not ("peer_unit" in rule and fig.peer_unit not in _as_list(rule["peer_unit"]))


def _as_list(x: Any) -> list[Any]:
    return x if isinstance(x, list) else [x]


def rule_hits(cases: Iterable[PeerCase], skips: dict[str, Any]) -> Counter[str]:
    """How many cases or figures each rule touched: a rule that touches nothing is stale."""
    hits: Counter[str] = Counter()
    for case in cases:
        if case.skip and ":" in case.skip:
            hits[case.skip.split(":", 1)[0]] += 1
        for f in case.figures:
            if f.rule:
                hits[f.rule] += 1
    return hits


# --- running ------------------------------------------------------------------------------------


def audit_claims(text: str) -> list[Any]:
    """The claims of the whole pipeline (`audit.pipeline.audit_text`)."""
    from audit.pipeline import audit_text

    return audit_text(text).claims


def extract_claims(text: str) -> list[Any]:
    """The claims of load -> segment -> extract only, for reports while later stages are in flux."""
    from audit import extract, load, segment

    doc = load.from_text(text)
    doc.sentences = segment.segment(doc)
    return extract.extract(doc)


def run_case(
    case: PeerCase, skips: dict[str, Any] | None = None, claims_of: Callable[[str], list[Any]] = audit_claims
) -> Outcome:
    """Audit the sentence and compare the claims with what the peer expects."""
    skips = skips if skips is not None else load_skips()
    units = skips.get("units", {})
    scope = skips.get("negative_scope", {}).get(case.suite, "any")
    try:
        claims = claims_of(case.sentence)
    except Exception as exc:  # a crash is a failure of the case, reported, not raised
        return Outcome(case, False, [(case.categories[0], f"crash: {type(exc).__name__}: {exc}")])
    problems = [p for p in _span_problems(case, claims)]
    for fig in case.checked:
        problem = _compare(fig, claims, units)
        if problem:
            problems.append((fig.category, problem))
    if case.negative:
        extra = [c for c in claims if c.category != "date" and (scope == "any" or c.unit)]
        if extra:
            problems.append(("no figure", "reported " + ", ".join(_show(c) for c in extra)))
    return Outcome(case, not problems, problems, [_show(c) for c in claims])


def _span_problems(case: PeerCase, claims: list[Any]) -> Iterator[tuple[str, str]]:
    for c in claims:
        if case.sentence[c.start : c.end] != c.text:
            yield ("robustness", f"claim text {c.text!r} != source[{c.start}:{c.end}]")


def _show(claim: Any) -> str:
    unit = f" {claim.unit}" if claim.unit else ""
    return f"{claim.text!r}={_fmt(claim.value)}{unit}"


def _fmt(x: float | None) -> str:
    if x is None:
        return "None"
    return str(int(x)) if float(x).is_integer() and abs(x) < 1e15 else f"{x:.6g}"


def _compare(fig: Figure, claims: list[Any], units: dict[str, Any]) -> str | None:
    overlapping = [c for c in claims if c.start < fig.end and fig.start < c.end]
    if fig.expect == "forbid":
        bad = [c for c in overlapping if c.category != "date"]
        return f"{fig.text!r} is no figure, reported {', '.join(_show(c) for c in bad)}" if bad else None
    want_unit, factor = map_unit(fig, units)
    want = None if fig.value is None else fig.value * factor
    if not overlapping:
        return f"missed {fig.text!r} (want {_fmt(want)}{' ' + want_unit if want_unit else ''})"
    valued = [c for c in overlapping if want is None or _close(c.value, want) or _range_end(c, fig, want)]
    if not valued:
        got = ", ".join(_show(c) for c in overlapping)
        return f"{fig.text!r}: want {_fmt(want)}, got {got}"
    problems = [_check_claim(fig, c, want_unit, factor) for c in valued]
    if any(p is None for p in problems):
        return None
    return problems[0]


def _range_end(claim: Any, fig: Figure, want: float) -> bool:
    """A range claim that encloses the peer's single figure ('eight to 10 feet' for '10 feet'):
    the contract reports the whole range, so either end matching the figure is a match."""
    if fig.bounded or claim.qualifier != "range" or not (claim.start <= fig.start and fig.end <= claim.end):
        return False
    return _close(claim.low, want) or _close(claim.high, want)


def _check_claim(fig: Figure, claim: Any, want_unit: str | None, factor: float) -> str | None:
    if want_unit and not same_unit(claim.unit, want_unit):
        return f"{fig.text!r}: want unit {want_unit}, got {_show(claim)}"
    if fig.bounded:
        low = None if fig.low is None else fig.low * factor
        high = None if fig.high is None else fig.high * factor
        low_ok = _close(claim.low, low) if low is not None else claim.low in (None, 0)
        high_ok = _close(claim.high, high) if high is not None else claim.high is None
        if not (low_ok and high_ok):
            return (
                f"{fig.text!r}: want bounds [{_fmt(low)}, {_fmt(high)}], "
                f"got [{_fmt(claim.low)}, {_fmt(claim.high)}] ({claim.qualifier})"
            )
    return None


def _close(got: float | None, want: float | None) -> bool:
    if got is None or want is None:
        return got is want
    return math.isclose(got, want, rel_tol=1e-3, abs_tol=1e-9)


def map_unit(fig: Figure, units: dict[str, Any]) -> tuple[str | None, float]:
    """Our unit for the peer's unit name, and the factor from their value to ours (cents -> USD).

    `units[kind]` maps a peer's names explicitly (null: do not check the unit); other names are
    kept when they are ISO 4217 codes or names pint understands, else left unchecked."""
    if fig.peer_unit is None:
        return None, 1.0
    table: dict[str, Any] = units.get(fig.peer_kind) or {}
    if fig.peer_unit in table:
        entry = table[fig.peer_unit]
        if isinstance(entry, dict):
            return entry.get("unit"), float(entry.get("factor", 1.0))
        return entry, 1.0
    if re.fullmatch(r"[A-Z]{3}", fig.peer_unit) or fig.peer_unit in ("percent", "people"):
        return fig.peer_unit, 1.0
    name = fig.peer_unit.lower().replace(" per ", " / ")
    return (name if pint_units(name) is not None else None), 1.0


def same_unit(got: str | None, want: str) -> bool:
    """Equal names, or pint units that are the same unit under different spellings."""
    if got is None:
        return False
    if got == want:
        return True
    a, b = pint_units(got), pint_units(want)
    if a is None or b is None or a.dimensionality != b.dimensionality:
        return False
    try:
        return math.isclose(a.to(b.units).magnitude, 1.0)
    except Exception:
        return False


def pint_units(name: str) -> Any:
    """A quantity of 1 `name`, or None when pint does not know the name (currency codes, people)."""
    if name in ("people", "percent") or re.fullmatch(r"[A-Z]{3}", name):
        return None
    try:
        reg = _registry()
        return reg.Quantity(1, reg.parse_units(name))
    except Exception:
        return None


@cache
def _registry() -> Any:
    import pint

    return pint.UnitRegistry()


# --- summaries ----------------------------------------------------------------------------------


def active(cases: Iterable[PeerCase]) -> list[PeerCase]:
    return [c for c in cases if c.skip is None]


def supported(cases: Iterable[PeerCase], skips: dict[str, Any]) -> list[PeerCase]:
    """Cases whose every category is in the maintained `supported` list."""
    wanted = set(skips.get("supported", []))
    return [c for c in active(cases) if set(c.categories) <= wanted]


def pass_rates(outcomes: Iterable[Outcome]) -> dict[str, tuple[int, int]]:
    """suite -> (passed, total)."""
    rates: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for o in outcomes:
        rates[o.case.suite][0] += o.passed
        rates[o.case.suite][1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(rates.items())}


def category_rates(outcomes: Iterable[Outcome]) -> dict[str, tuple[int, int]]:
    rates: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for o in outcomes:
        for cat in o.case.categories:
            failed = any(p[0] == cat for p in o.problems) or (not o.passed and len(o.case.categories) == 1)
            rates[cat][0] += not failed
            rates[cat][1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(rates.items())}


def failure_report(outcomes: list[Outcome], cases: list[PeerCase], examples: int = 3) -> str:
    """Markdown: pass rates per suite and category, then failures grouped by category with examples."""
    lines = [
        "# Peer test data: failures by kind",
        "",
        "Regenerate: `python tests/peer.py --report FILE` (`--extract-only` skips attribute and check).",
        "Rules, unit map, supported categories and floors: `tests/peer_skips.yaml`.",
        "",
    ]
    lines += ["| suite | passed | cases | rate |", "|---|---|---|---|"]
    for suite, (ok, n) in pass_rates(outcomes).items():
        lines.append(f"| {suite} | {ok} | {n} | {ok / n:.0%} |")
    skipped = Counter(c.skip.split(":", 1)[0] for c in cases if c.skip)
    lines += [
        "",
        f"Skipped as conflicting with the contract: {sum(skipped.values())} cases "
        f"({', '.join(f'{k} {v}' for k, v in skipped.most_common())}).",
        "",
    ]
    lines += ["| category | passed | cases |", "|---|---|---|"]
    for cat, (ok, n) in sorted(category_rates(outcomes).items(), key=lambda kv: kv[1][0] / kv[1][1]):
        lines.append(f"| {cat} | {ok} | {n} |")
    groups: dict[str, list[tuple[Outcome, str]]] = defaultdict(list)
    for o in outcomes:
        for cat, message in o.problems:
            groups[cat].append((o, message))
    lines.append("")
    for cat, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        modes = Counter(failure_mode(message) for _, message in items)
        how = ", ".join(f"{mode} {n}" for mode, n in modes.most_common())
        lines += [f"## {cat}: {len(items)} failures ({how})", ""]
        for o, message in _spread(items, examples):
            found = "; ".join(o.found) or "nothing"
            lines.append(f"- `{o.case.id}` {o.case.sentence[:140]!r}: {message}. Found: {found}")
        lines.append("")
    return "\n".join(lines)


def failure_mode(message: str) -> str:
    """What went wrong, from a problem message: missed, wrong value, wrong unit, ..."""
    for needle, mode in (
        ("crash:", "crash"),
        ("missed ", "missed"),
        ("want unit", "wrong unit"),
        ("want bounds", "wrong bounds"),
        ("is no figure", "reported a non-figure"),
        ("reported ", "reported a non-figure"),
        ("!= source", "bad span"),
    ):
        if needle in message:
            return mode
    return "wrong value or split"


def _spread(items: list[tuple[Outcome, str]], n: int) -> list[tuple[Outcome, str]]:
    """Examples from different suites first."""
    picked: list[tuple[Outcome, str]] = []
    suites: set[str] = set()
    for item in items:
        if item[0].case.suite not in suites:
            picked.append(item)
            suites.add(item[0].case.suite)
    picked += [i for i in items if i not in picked]
    return picked[:n]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--report", type=Path, help="write the Markdown failure summary here")
    parser.add_argument("--examples", type=int, default=3)
    parser.add_argument("--extract-only", action="store_true", help="run load, segment and extract only")
    parser.add_argument("--suggest", action="store_true", help="print `supported` and `floors` for the YAML")
    args = parser.parse_args(argv)
    skips = load_skips()
    cases = load_all(args.shared, skips)
    claims_of = extract_claims if args.extract_only else audit_claims
    outcomes = [run_case(c, skips, claims_of) for c in active(cases)]
    report = failure_report(outcomes, cases, args.examples)
    if args.report:
        args.report.write_text(report + "\n", encoding="utf-8")
    for suite, (ok, n) in pass_rates(outcomes).items():
        print(f"{suite:28} {ok:4}/{n:<4} {ok / n:6.1%}")
    sup = {c.id for c in supported(cases, skips)}
    sup_out = [o for o in outcomes if o.case.id in sup]
    print(f"supported categories: {sum(o.passed for o in sup_out)}/{len(sup_out)} pass")
    if args.suggest:
        print(suggest(outcomes))
    return 0


def suggest(outcomes: list[Outcome], margin: float = 0.03, min_rate: float = 0.9) -> str:
    """YAML for `supported` (categories passing at `min_rate` or better), `known_failures` (the
    failing cases made only of supported categories) and `floors` (each suite's rate - margin)."""
    cats = category_rates(outcomes)
    wanted = {cat for cat, (ok, n) in cats.items() if ok / n >= min_rate}
    known = {
        o.case.id: o.problems[0][1][:100]
        for o in outcomes
        if not o.passed and set(o.case.categories) <= wanted
    }
    rates = pass_rates(outcomes)
    floors = {s: max(0.0, math.floor((ok / n - margin) * 100) / 100) for s, (ok, n) in rates.items()}
    data = {"supported": sorted(wanted), "known_failures": known, "floors": floors}
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=200)


def known_failure(case: PeerCase, skips: dict[str, Any]) -> str | None:
    """Why a supported case is known to fail today, or None."""
    reason: str | None = (skips.get("known_failures") or {}).get(case.id)
    return reason


if __name__ == "__main__":
    raise SystemExit(main())
