"""The suggest stage: which figure of a failed check is probably wrong, and what it should be."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from gate_samples import gate_run
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from audit import suggest
from audit.lexicon import data
from audit.load import load_path
from audit.model import Audit, Check
from audit.pipeline import audit_document, audit_text
from audit.render import github, sarif, text
from audit.report import page_view
from audit.suggest import candidates, with_number

CLASHES = (
    "North Korea suffered at least 3,000 casualties, officials say\n\n"
    "The regional health ministry said at least 3,000 casualties were recorded after the clashes, "
    "with 300 killed and 1,700 wounded.\n"
)


def failed(audit: Audit, rule: str) -> Check:
    return next(c for c in audit.checks if c.rule == rule and c.status == "fail")


def finding_message(audit: Audit, rule: str) -> str:
    return next(f.message for f in audit.findings if f.rule == rule)


# --- candidate edits --------------------------------------------------------------------------


def edits_of(sentence: str, number: str) -> dict[str, str]:
    claim = next(c for c in audit_text(sentence).claims if c.number_text == number)
    return {e.new: e.kind for e in candidates(claim)}


def test_candidates_are_the_small_slips_of_a_written_number() -> None:
    found = edits_of("Exports reached 617.7 tonnes.", "617.7")
    assert found["671.7"] == "swap" and found["167.7"] == "swap"
    assert found["617.1"] == "digit" and found["917.7"] == "digit"
    assert "017.7" not in found  # no leading zero
    assert "617.7" not in found
    assert len([k for k, v in found.items() if v == "digit"]) == 4 * 9 - 1


def test_a_zero_added_or_dropped_keeps_the_grouping() -> None:
    found = edits_of("The blast wounded 1,700 people.", "1,700")
    assert found["17,000"] == "zero_added" and found["170"] == "zero_dropped"
    assert found["7,100"] == "swap"  # across the thousands comma


def test_scale_words_and_suffixes_slip_to_their_neighbours() -> None:
    assert edits_of("The fund holds $1.2bn in cash.", "1.2bn")["1.2m"] == "scale"
    found = edits_of("About 2.5 million people fled.", "2.5 million")
    assert found["2.5 billion"] == found["2.5 thousand"] == "scale"


def test_words_and_ranges_are_not_edited() -> None:
    claims = audit_text("Fifty were hurt. Between 20 and 30 died.").claims
    assert [candidates(c) for c in claims] == [[], []]


def test_an_edited_claim_keeps_its_scale_and_reads_its_new_rounding() -> None:
    claim = next(c for c in audit_text("Profits were 639m pence.").claims)
    edited = with_number(claim, "693m")
    assert edited is not None and edited.number_text == "693m"
    assert edited.value == pytest.approx(6_930_000) and edited.high == pytest.approx(6_930_000)
    assert edited.text == "693m pence" and edited.start == claim.start
    assert with_number(claim, "639m") is None  # no change is no edit


# --- suggestions on failed checks -------------------------------------------------------------


def test_one_probable_repair_is_said_in_the_finding_and_the_details() -> None:
    audit = audit_text(CLASHES)
    check = failed(audit, "breakdown-sum")
    wounded = next(c for c in audit.claims if c.number_text == "1,700")
    want = {"claim": wounded.id, "from": "1,700", "to": "2,700", "edit": "digit"}
    assert check.details["suggestion"] == want
    message = finding_message(audit, "breakdown-sum")
    assert (
        "1,700 is probably 2,700 (one digit wrong): then 300 killed + 2,700 wounded = 3,000 casualties"
        in message
    )
    finding = next(f for f in audit.findings if f.rule == "breakdown-sum")
    assert finding.suggestion == want and finding.to_contract()["suggestion"] == want


def test_without_the_headline_only_the_prior_leans_and_no_fix_is_offered() -> None:
    """Without the headline that restates 3,000, lowering the total mends the sum as exactly as raising
    the wounded: the copy cannot tell them apart. Published figures lean to the total (a 2 leads
    more of them than a 3, and a 1 more than a 2), so 2,000 is said with its odds and the other
    repair beside it; a guess on the prior is never a fix to apply."""
    audit = audit_text(CLASHES.split("\n\n")[1])
    check = failed(audit, "breakdown-sum")
    assert (check.details["suggestion"]["from"], check.details["suggestion"]["to"]) == ("3,000", "2,000")
    listed = [(s["from"], s["to"]) for s in check.details["suggestions"]]
    assert ("1,700", "2,700") in listed and len(listed) <= 3
    message = finding_message(audit, "breakdown-sum")
    assert "2.6 to 1 on what published figures are like" in message
    assert "The copy's own figures fit as well with: 1,700 -> 2,700 (one digit wrong)" in message
    assert next(f for f in audit.findings if f.rule == "breakdown-sum").suggestion is None


def test_a_repair_never_breaks_a_passing_check() -> None:
    """Raising the killed to 1,300 would mend the sum but break the sum the killed take part in."""
    copy = (
        "At least 3,000 casualties were recorded, with 300 killed and 1,700 wounded. "
        "The 300 killed were 200 soldiers and 100 civilians."
    )
    audit = audit_text(copy)
    for s in failed(audit, "breakdown-sum").details.get("suggestions", []):
        assert s["from"] != "300"


def test_a_doubtful_pairing_says_its_repair_but_offers_no_fix() -> None:
    """Figures paired across sentences fail a severity lower; their repair is conditional, with no fix."""
    copy = (
        "Just over 54 million people use broadband, up from 36 million a year ago. "
        "The number of people with fast access had risen by 70% over the year."
    )
    audit = audit_text(copy)
    check = failed(audit, "percent-change")
    finding = next(f for f in audit.findings if f.rule == "percent-change")
    assert finding.severity == "warning" and finding.suggestion is None
    assert check.details["suggestion"]["to"] == "50"
    assert "If these figures belong together, 70 is probably 50 (one digit wrong)" in finding.message


def test_a_conversion_is_restored_to_the_rounding_of_the_exact_value() -> None:
    """2,500 metres is 8,202.1 feet: "8,202" holds at its printed digit; raising the metres to 2,800
    (9,186 feet) also brings "9,202" within the rule's tolerance, but only there. The repair that
    holds at the precision the figures are printed to is the one a writer's arithmetic would give."""
    audit = audit_text("The ridge is 2,500 metres (9,202 feet) high.")
    check = failed(audit, "unit-conversion")
    listed = [(s["from"], s["to"]) for s in check.details["suggestions"]]
    assert ("2,500", "2,800") in listed  # a repair too, but a loose one
    assert (check.details["suggestion"]["from"], check.details["suggestion"]["to"]) == ("9,202", "8,202")


def test_repairs_that_hold_only_as_loosely_as_the_figures_allow_are_listed_not_said() -> None:
    """Trillions to three figures pin a difference to the ten billion only: "690.4bn" made 630.4bn or
    620.4bn fits them equally, so a figure stated more finely than the others can check gets no
    suggestion (published copy whose figures come from different sources reads like this)."""
    copy = (
        "The gap between exports and imports reached $690.4bn last year. "
        "Exports grew to $1.83tn while imports rose to $2.46tn."
    )
    check = failed(audit_text(copy), "breakdown-sum")
    assert "suggestion" not in check.details
    assert {s["to"] for s in check.details["suggestions"]} == {"630.4bn", "620.4bn"}


def test_a_currency_conversion_is_restored_to_the_rate_the_copy_uses_elsewhere() -> None:
    """One article, one day's rate: $12.4bn = £6.6bn fixes it near 0.53, so "£7.52bn" for $2.85bn is
    probably £1.52bn, though £2.52bn, or $9.85bn, would also lie inside the band of plausible rates."""
    payment = "a first payment of $2.85bn (£7.52bn) is due in June."
    alone = failed(audit_text(f"The airline says {payment}"), "unit-conversion")
    assert "suggestion" not in alone.details  # any rate in the band will do: nothing to choose by
    check = failed(
        audit_text(f"The airline will spend $12.4bn (£6.6bn) on jets, and {payment}"), "unit-conversion"
    )
    assert (check.details["suggestion"]["from"], check.details["suggestion"]["to"]) == ("7.52bn", "1.52bn")


def test_a_check_any_nearby_value_passes_lends_a_figure_no_support() -> None:
    """£60m -> £40m is a third, not 20%: £50m or £48m mends it exactly. £40m also converts to $75m, but
    £48m converts to it inside the band of rates as well: that check pins nothing, so it cannot make
    the other figure the one to change. The two repairs tie on the copy's evidence, and only the
    prior on what writers write decides: £50m keeps one significant digit, £48m would add one."""
    audit = audit_text("The fund fell 20% to £40m ($75m) from £60m.")
    check = failed(audit, "percent-change")
    assert (check.details["suggestion"]["from"], check.details["suggestion"]["to"]) == ("60m", "50m")
    assert {s["to"] for s in check.details["suggestions"][:2]} == {"50m", "48m"}
    assert "on what published figures are like" in finding_message(audit, "percent-change")


def test_a_document_with_nothing_to_fix_gets_no_suggestion() -> None:
    audit = audit_text("The clashes left 30 casualties: 10 killed and 20 wounded.")
    assert all("suggestions" not in c.details for c in audit.checks)


def test_a_percent_change_taken_on_the_new_value_is_a_reasoning_slip() -> None:
    audit = audit_text(
        "Officials said the number of displaced people rose 50% from 4,000 to 8,000 overnight."
    )
    check = failed(audit, "percent-change")
    assert check.details["slip"]["kind"] == "base" and "suggestion" not in check.details
    message = finding_message(audit, "percent-change")
    assert "taken on the new value, not the old: a reasoning slip, not a typo" in message
    assert "Or a typo: 8,000 -> 6,000 (one digit wrong)" in message  # listed after the slip, never the fix


def test_a_typo_that_explains_a_percent_exactly_beats_a_slip_that_needs_rounding() -> None:
    """$1.2bn -> $660m is a 45% fall exactly; "85%" is the fall taken on the new value (81.8%) only
    within the rounding of "$1.2bn". The slip is kept in the details, the typo is the suggestion."""
    audit = audit_text("Spending fell 85% to $660m from $1.2bn.")
    check = failed(audit, "percent-change")
    assert check.details["slip"]["kind"] == "base"
    assert (check.details["suggestion"]["from"], check.details["suggestion"]["to"]) == ("85", "45")
    assert "reasoning slip" not in finding_message(audit, "percent-change")


def test_the_search_is_bounded_per_document() -> None:
    para = "At least {t:,} casualties were recorded, with 300 killed and {w:,} wounded.\n\n"
    audit = audit_text("".join(para.format(t=3000 + i, w=1700 + i) for i in range(21)))
    sums = [c for c in audit.checks if c.rule == "breakdown-sum" and c.status == "fail"]
    assert len(sums) == 21 and "suggestions" not in sums[-1].details and "suggestions" in sums[0].details
    assert any("repairs were searched for the first 20 only" in n for n in audit.document.notices)


def test_a_change_in_points_given_as_percent_is_a_reasoning_slip() -> None:
    audit = audit_text("The party's share rose 6% from 31% to 37% in the poll.")
    check = failed(audit, "percent-change")
    assert check.details["slip"]["kind"] == "percentage-points"
    assert "reasoning slip, not a typo" in finding_message(audit, "percent-change")


def test_a_restatement_says_which_statement_the_rest_of_the_copy_supports() -> None:
    copy = (
        "The storm killed 12 people, officials said: 5 men and 7 women. "
        "The 21 people killed were all in the north."
    )
    audit = audit_text(copy)
    check = failed(audit, "restatement")
    twelve = next(c for c in audit.claims if c.number_text == "12")
    assert check.details["supported"] == twelve.id
    assert check.details["suggestion"]["to"] == "12"
    assert "supports '12'" in finding_message(audit, "restatement")


def test_a_restatement_with_no_other_evidence_cannot_tell() -> None:
    audit = audit_text(
        "The storm killed 12 people, officials said. The 21 people killed were all in the north."
    )
    check = failed(audit, "restatement")
    assert check.details["supported"] is None and "suggestion" not in check.details
    assert "cannot tell which of the two is right" in finding_message(audit, "restatement")


# --- renderers --------------------------------------------------------------------------------


def test_sarif_carries_the_one_repair_as_a_fix(shared: Path) -> None:
    schema = json.loads((shared / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    audit = audit_text(CLASHES, path="clashes.md")
    log = json.loads(sarif.render(gate_run(audit)))
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    fixed = [r for r in log["runs"][0]["results"] if "fixes" in r]
    assert [r["ruleId"] for r in fixed] == ["breakdown-sum"]
    (change,) = fixed[0]["fixes"][0]["artifactChanges"]
    (replacement,) = change["replacements"]
    assert replacement["insertedContent"]["text"] == "2,700"
    region = replacement["deletedRegion"]
    line = CLASHES.splitlines()[region["startLine"] - 1]
    assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == "1,700"


def test_no_fix_when_several_repairs_are_equally_plausible() -> None:
    audit = audit_text(CLASHES.split("\n\n")[1], path="clashes.md")
    log = json.loads(sarif.render(gate_run(audit)))
    assert all("fixes" not in r for r in log["runs"][0]["results"])


def test_text_and_github_output_say_the_repair() -> None:
    run = gate_run(audit_text(CLASHES, path="clashes.md"))
    shown = text.render(run)
    assert "1,700 is probably 2,700" in shown
    assert "= help: clashes.md:3:114: replace 1,700 with 2,700 (one digit wrong)" in shown
    assert "1,700 is probably 2,700" in github.render(run)


def test_the_report_card_shows_the_repair() -> None:
    audit = audit_text(CLASHES)
    wounded = next(c for c in audit.claims if c.number_text == "1,700")
    (repair,) = page_view(audit).repairs_of[wounded.id]
    assert (repair.old, repair.new, repair.probable) == ("1,700", "2,700", True)


# --- properties -------------------------------------------------------------------------------


def small_repairs(numbers: list[int]) -> set[tuple[int, int]]:
    """(figure, value) for every edit of one figure that makes numbers[0] = numbers[1] + numbers[2]:
    a digit changed, two neighbouring digits swapped, a zero added or dropped, another's value."""
    out = set()
    for i, n in enumerate(numbers):
        w = str(n)
        tried = {w[:k] + d + w[k + 1 :] for k in range(len(w)) for d in "0123456789"}
        tried |= {w[:k] + w[k + 1] + w[k] + w[k + 2 :] for k in range(len(w) - 1)}
        tried |= {w + "0", w[:-1] if w.endswith("0") else w} | {
            str(m) for j, m in enumerate(numbers) if j != i
        }
        for new in tried:
            if (len(new) > 1 and new.startswith("0")) or int(new) == n:
                continue
            edited = [*numbers]
            edited[i] = int(new)
            if edited[0] == edited[1] + edited[2]:
                out.add((i, int(new)))
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    killed=st.integers(1, 60),
    wounded=st.integers(1, 60),
    part=st.sampled_from([1, 2]),
    position=st.integers(0, 1),
    digit=st.sampled_from("123456789"),
)
def test_a_corrupted_part_is_restored_when_that_is_the_only_repair(
    killed: int, wounded: int, part: int, position: int, digit: str
) -> None:
    """Counts under 100 are exact, so the exact repairs of a generated breakdown can be listed by hand."""
    assume(killed + wounded < 100)
    numbers = [killed + wounded, killed, wounded]
    written = str(numbers[part])
    assume(position < len(written) and written[position] != digit)
    corrupted = [*numbers]
    corrupted[part] = int(written[:position] + digit + written[position + 1 :])
    copy = f"The clashes left {corrupted[0]} casualties: {corrupted[1]} killed and {corrupted[2]} wounded."
    audit = audit_text(copy)
    check = failed(audit, "breakdown-sum")
    repairs = small_repairs(corrupted)
    listed = {(check.claims.index(s["claim"]), int(s["to"])) for s in check.details.get("suggestions", [])}
    if (
        len(repairs) <= 3
    ):  # all of them are listed first; a figure of 100 or more is rounded ("100" is 50-150)
        assert {r for r in listed if r[1] < 100} == repairs
    if repairs == {(part, numbers[part])}:
        suggestion: dict[str, Any] = check.details["suggestion"]
        assert suggestion["claim"] == check.claims[part]
        assert (suggestion["from"], suggestion["to"]) == (str(corrupted[part]), written)


def test_on_the_corpus_only_failed_checks_change(shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Published copy: documents whose checks all pass come out as without the stage; where a rule finds
    a real slip (the gold's "$671.7bn" trade gap), its check gains details and its finding a sentence."""
    paths = sorted((shared / "corpus").iterdir())
    with_stage = [audit_document(load_path(str(p))).to_contract() for p in paths]
    monkeypatch.setattr(suggest, "suggest", lambda *args: None)
    without = [audit_document(load_path(str(p))).to_contract() for p in paths]
    added = {"suggestion", "suggestions", "slip", "supported"}
    for after, before in zip(with_stage, without, strict=True):
        assert after["claims"] == before["claims"]
        for a, b in zip(after["checks"], before["checks"], strict=True):
            extra = set(a.get("details", {})) - set(b.get("details", {}))
            assert {**a, "details": b.get("details")} == {**b, "details": b.get("details")}
            assert not extra or (a["status"] == "fail" and extra <= added)
        for a, b in zip(after["findings"], before["findings"], strict=True):
            assert a["message"].startswith(b["message"].rstrip("."))
            assert "suggestion" not in a  # no single repair stands out in published copy


# --- the prior on what writers write: round figures, small leading digits ---------------------


@pytest.mark.parametrize(
    ("written", "digits"),
    [("3,000", 1), ("3,400", 2), ("26", 2), ("20", 1), ("4.0", 2), ("0.05", 1), ("1.13bn", 3), ("$639m", 3)],
)
def test_significant_digits_of_a_number_as_written(written: str, digits: int) -> None:
    assert suggest.significant_digits(written) == digits


def test_of_two_equally_simple_repairs_the_rounder_figure_is_suggested() -> None:
    """30 = 10 + 26 fails; 26 -> 20 and 30 -> 36 each mend it with one digit. Writers put round figures
    in copy far more often than others, so 20 is the likelier figure meant, and the message says why."""
    audit = audit_text("The clashes left 30 casualties: 10 killed and 26 wounded.")
    check = failed(audit, "breakdown-sum")
    assert (check.details["suggestion"]["from"], check.details["suggestion"]["to"]) == ("26", "20")
    assert "28 to 1 on what published figures are like" in finding_message(audit, "breakdown-sum")


@pytest.mark.parametrize(
    ("written", "lead", "length"), [("3,000", "3", 4), ("0.05", "5", 1), ("4.70", "4", 3), ("$639m", "6", 3)]
)
def test_leading_digit_and_written_length(written: str, lead: str, length: int) -> None:
    assert suggest.leading_digit(written) == lead and suggest.written_length(written) == length


def test_the_prior_is_what_published_figures_are_like() -> None:
    """Measured on published copy: a figure one significant digit rounder is several times likelier
    ("60" against "68"), and a 1 leads more figures than a 2, a 2 more than a 9 (Benford's law)."""
    shares = data("suggest")["leading_digit"]
    assert abs(sum(shares.values()) - 1) < 0.01
    assert suggest.prior("60") > 3 * suggest.prior("68")
    assert suggest.prior("1,700") > suggest.prior("2,700") > suggest.prior("9,700")
    assert suggest.prior("3,000") == suggest.prior("300") == suggest.prior("3bn")  # a length is no evidence


def test_a_guess_on_the_prior_is_said_with_its_odds_and_what_else_fits() -> None:
    """19 = 5 + 24 fails; 24 -> 14 and 19 -> 29 mend it as exactly. A 1 leads published figures more
    often than a 2 or a 3: 14 is said, with the odds and the repair the copy fits as well, and no fix."""
    audit = audit_text("The storm left 19 casualties: 5 killed and 24 injured.")
    check = failed(audit, "breakdown-sum")
    assert (check.details["suggestion"]["from"], check.details["suggestion"]["to"]) == ("24", "14")
    message = finding_message(audit, "breakdown-sum")
    assert "24 is probably 14 (one digit wrong; 2.8 to 1 on what published figures are like" in message
    assert "fit as well with: 19 -> 29 (one digit wrong)" in message
    assert next(f for f in audit.findings if f.rule == "breakdown-sum").suggestion is None


def test_repairs_the_prior_favours_by_less_than_two_to_one_are_listed_not_said() -> None:
    """90 = 17 + 63 fails: 90 -> 80, 17 -> 27 and 63 -> 73 each mend it, none twice as likely as the
    other two together."""
    check = failed(audit_text("The storm left 90 casualties: 17 killed and 63 injured."), "breakdown-sum")
    assert "suggestion" not in check.details
    assert {s["to"] for s in check.details["suggestions"]} == {"80", "27", "73"}


def test_a_restatement_weighs_its_one_quantity_once() -> None:
    """58 and 18 state one toll: the odds of 18 are a figure led by 1 against one led by 5 (under 4 to
    1), not that squared as two independent figures would give."""
    copy = "The storm killed 58 people, officials said. Rescuers said 18 people were killed in it."
    audit = audit_text(copy)
    lead = data("suggest")["leading_digit"]
    odds = f"{lead['1'] / lead['5']:.1f}"
    assert f"58 is probably 18 (one digit wrong; {odds} to 1" in finding_message(audit, "restatement")


def test_equally_round_repairs_still_tie() -> None:
    """18 = 5 + 12 fails; 12 -> 13 and 18 -> 17 each keep two significant digits: no suggestion."""
    check = failed(audit_text("The storm left 18 casualties: 5 killed and 12 injured."), "breakdown-sum")
    assert "suggestion" not in check.details
    assert len(check.details["suggestions"]) >= 2


def test_a_check_paired_with_the_opening_is_searched_with_the_opening() -> None:
    """ "in default on the $40.5bn - ..." names back the headline's sum: the rule needs the story's
    opening to pair them, so a search on the two sentences alone would find no repair at all."""
    text = (
        "Ruritania closes $48.5bn debt deal\n\n"
        "Ruritania will close its $40.5bn (£31bn) debt offer for bondholders on Friday, officials said.\n\n"
        "Bondholders are expected to accept the offer, which pays about 30% of face value.\n\n"
        "The country has been in default on the $40.5bn - most of it owed to foreign banks - since 2001."
    )
    check = failed(audit_text(text), "restatement")
    assert {(s["from"], s["to"]) for s in check.details["suggestions"]} >= {("48.5bn", "40.5bn")}
