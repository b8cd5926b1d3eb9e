"""Other projects' number and quantity test data, run through our pipeline (see tests/peer.py).

Cases in the categories `peer_skips.yaml` lists as supported must each pass; every suite's pass
rate must stay above its recorded floor, so the suite stays green while the extractor grows and
turns red when it regresses. `python tests/peer.py --report FILE` shows what fails and why.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import peer
import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.model import Claim

SKIPS = peer.load_skips()
_SHARED_FOR_IDS = Path(__file__).resolve().parents[1].parent / "shared"  # the `shared` fixture's folder


def _collect() -> list[peer.PeerCase]:
    """Cases for parametrising; the tests themselves still go through the `shared` fixture."""
    return peer.load_all(_SHARED_FOR_IDS, SKIPS) if _SHARED_FOR_IDS.is_dir() else []


CASES = _collect()
SUPPORTED = peer.supported(CASES, SKIPS)


@cache
def _suite_outcomes(suite: str) -> tuple[int, int]:
    outcomes = [peer.run_case(c, SKIPS) for c in peer.active(CASES) if c.suite == suite]
    return sum(o.passed for o in outcomes), len(outcomes)


def _claim(text: str, start: int, value: float | None, unit: str | None = None, **kw: object) -> Claim:
    low = kw.pop("low", value)
    high = kw.pop("high", value)
    return Claim("c1", text, start, start + len(text), 1, start + 1, value, low, high, unit=unit, **kw)  # type: ignore[arg-type]


# --- the peer data and the rules file -------------------------------------------------------------


def test_every_peer_suite_loads_with_spans_that_point_at_their_text(shared: Path) -> None:
    cases = peer.load_all(shared, SKIPS)
    suites = {c.suite for c in cases}
    expected = {"recognizers/number", "recognizers/currency", "quantulum3/quantities", "duckling/numeral"}
    assert expected <= suites
    for case in cases:
        for fig in case.figures:
            assert 0 <= fig.start < fig.end <= len(case.sentence), case.id
            assert case.sentence[fig.start : fig.end].lower() == fig.text.lower(), case.id


def test_every_skip_rule_still_matches_something(shared: Path) -> None:
    cases = peer.load_all(shared, SKIPS)
    hits = peer.rule_hits(cases, SKIPS)
    stale = [r["id"] for r in SKIPS["rules"] if hits[r["id"]] == 0]
    assert not stale, f"rules that touch no case: {stale}"


def test_skip_rules_are_well_formed() -> None:
    ids = [r["id"] for r in SKIPS["rules"]]
    assert len(ids) == len(set(ids))
    for rule in SKIPS["rules"]:
        assert rule.get("reason"), rule["id"]
        assert rule.get("action", "skip") in ("skip", "drop", "forbid"), rule["id"]
        for key in ("file", "input", "text"):
            if key in rule:
                re.compile(rule[key])


def test_mapped_units_are_ours() -> None:
    """Every unit we map a peer's name to is an ISO 4217 code, percent, or a name pint knows."""
    for kind, table in SKIPS["units"].items():
        for name, entry in table.items():
            unit = entry["unit"] if isinstance(entry, dict) else entry
            code = unit is not None and re.fullmatch(r"[A-Z]{3}", unit)
            known = unit in (None, "percent") or code or peer.pint_units(unit) is not None
            assert known, f"{kind}: {name} -> {unit}"


def test_known_failures_are_supported_cases(shared: Path) -> None:
    ids = {c.id for c in peer.supported(peer.load_all(shared, SKIPS), SKIPS)}
    stale = set(SKIPS.get("known_failures") or {}) - ids
    assert not stale, f"known failures that are no supported case: {sorted(stale)}"


def test_every_suite_with_active_cases_has_a_floor(shared: Path) -> None:
    suites = {c.suite for c in peer.active(peer.load_all(shared, SKIPS))}
    assert suites <= set(SKIPS["floors"])


# --- the comparison itself, on hand-made claims ---------------------------------------------------


def _case(sentence: str, *figures: peer.Figure, negative: bool = False) -> peer.PeerCase:
    case = peer.PeerCase("test/hand", "hand.json", 0, sentence, list(figures), negative=negative)
    return peer.categorise(case)


def test_a_figure_matches_an_overlapping_claim_with_its_value_and_unit() -> None:
    fig = peer.Figure("12 km", 4, 9, 12.0, "dimension", "Kilometer")
    case = _case("ran 12 km today", fig)
    right = peer.run_case(case, SKIPS, lambda _: [_claim("12 km", 4, 12, "kilometre")])
    wrong_unit = peer.run_case(case, SKIPS, lambda _: [_claim("12 km", 4, 12, "mile")])
    wrong_value = peer.run_case(case, SKIPS, lambda _: [_claim("12", 4, 1.2, "kilometer")])
    assert right.passed
    assert not wrong_unit.passed and "unit" in wrong_unit.problems[0][1]
    assert not wrong_value.passed and "want 12" in wrong_value.problems[0][1]


def test_cents_compare_as_hundredths_of_a_dollar() -> None:
    fig = peer.Figure("50 cents", 0, 8, 50.0, "currency", "Cent")
    case = _case("50 cents", fig)
    assert peer.run_case(case, SKIPS, lambda _: [_claim("50 cents", 0, 0.5, "USD")]).passed
    assert not peer.run_case(case, SKIPS, lambda _: [_claim("50 cents", 0, 50, "USD")]).passed


def test_a_percentage_needs_the_percent_unit() -> None:
    fig = peer.Figure("100 percentage", 0, 14, 100.0, "percentage", "percent")
    case = _case("100 percentage", fig)
    assert peer.run_case(case, SKIPS, lambda _: [_claim("100 percentage", 0, 100, "percent")]).passed
    assert not peer.run_case(case, SKIPS, lambda _: [_claim("100", 0, 100)]).passed


def test_a_range_needs_its_bounds() -> None:
    low, high = peer._parse_interval("[20,30)")
    fig = peer.Figure("between 20 and 30", 0, 17, 25.0, "numberrange", None, low, high, bounded=True)
    case = _case("between 20 and 30", fig)
    good = _claim("between 20 and 30", 0, 25, low=20, high=30, qualifier="range")
    bad = _claim("between 20 and 30", 0, 25, low=25, high=25)
    assert peer.run_case(case, SKIPS, lambda _: [good]).passed
    assert not peer.run_case(case, SKIPS, lambda _: [bad]).passed


def test_an_open_bound_must_stay_open() -> None:
    fig = peer.Figure("more than 30", 0, 12, 30.0, "numberrange", None, 30.0, None, bounded=True)
    case = _case("more than 30", fig)
    good = _claim("more than 30", 0, 30, low=30, high=None, qualifier="more_than")
    assert peer.run_case(case, SKIPS, lambda _: [good]).passed
    assert not peer.run_case(case, SKIPS, lambda _: [_claim("30", 10, 30)]).passed


def test_a_forbidden_span_fails_on_any_claim_but_a_date() -> None:
    fig = peer.Figure("1979", 9, 13, 1979.0, "quantity", expect="forbid")
    case = _case("since in 1979", fig)
    assert peer.run_case(case, SKIPS, lambda _: [_claim("1979", 9, 1979, category="date")]).passed
    assert not peer.run_case(case, SKIPS, lambda _: [_claim("1979", 9, 1979)]).passed


def test_a_negative_case_fails_on_any_claim() -> None:
    case = _case("Which one do you prefer?", negative=True)
    assert peer.run_case(case, SKIPS, lambda _: []).passed
    assert not peer.run_case(case, SKIPS, lambda _: [_claim("one", 6, 1)]).passed


def test_a_crash_is_a_failed_case_not_an_error() -> None:
    def boom(_: str) -> list[Claim]:
        raise ValueError("boom")

    outcome = peer.run_case(_case("x", negative=True), SKIPS, boom)
    assert not outcome.passed and "crash" in outcome.problems[0][1]


@given(st.text(alphabet=st.characters(codec="ascii"), min_size=1), st.data())
def test_a_lowercased_span_is_found_where_the_peer_says(sentence: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(sentence) - 1))
    end = data.draw(st.integers(start + 1, len(sentence)))
    assert peer._locate(sentence, sentence[start:end].lower(), start) == (start, end)


@given(st.integers(-(10**9), 10**9), st.integers(0, 10**9), st.sampled_from("[("), st.sampled_from("])"))
def test_an_interval_reads_back_its_bounds(low: int, width: int, left: str, right: str) -> None:
    assert peer._parse_interval(f"{left}{low},{low + width}{right}") == (low, low + width)
    assert peer._parse_interval(f"({low},)") == (low, None)


@pytest.mark.parametrize(
    ("got", "want", "same"),
    [
        ("kilometre", "kilometer", True),
        ("kilometer ** 2", "square kilometer", True),
        ("mile", "kilometer", False),
        ("USD", "USD", True),
        ("USD", "CAD", False),
        (None, "meter", False),
    ],
)
def test_unit_names_compare_through_pint(got: str | None, want: str, same: bool) -> None:
    assert peer.same_unit(got, want) is same


# --- our pipeline on the peer cases ---------------------------------------------------------------


def _marked(case: peer.PeerCase) -> object:
    """A supported case; the few known to fail today are expected failures (not strict: the suite
    stays green when the extractor fixes them; `--suggest` lists which to drop from the YAML)."""
    reason = peer.known_failure(case, SKIPS)
    marks = [pytest.mark.xfail(reason=reason, strict=False)] if reason else []
    return pytest.param(case, marks=marks, id=case.id)


@pytest.mark.parametrize("case", [_marked(c) for c in SUPPORTED])
def test_supported_peer_case(case: peer.PeerCase, shared: Path) -> None:
    outcome = peer.run_case(case, SKIPS)
    assert outcome.passed, f"{case.sentence!r}: {outcome.problems}; found {outcome.found}"


@pytest.mark.parametrize("suite", sorted(SKIPS["floors"]))
def test_suite_pass_rate_stays_above_its_floor(suite: str, shared: Path) -> None:
    passed, total = _suite_outcomes(suite)
    assert total, f"no active cases in {suite}"
    floor = SKIPS["floors"][suite]
    assert passed / total >= floor, f"{suite}: {passed}/{total} = {passed / total:.1%} < floor {floor:.0%}"
