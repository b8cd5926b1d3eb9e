"""Stage 6, suggest: which figure of a failed consistency check is probably wrong, and what it
probably should be.

For each failed consistency check, small edits of one of its figures as written are tried (one digit
changed, two adjacent digits swapped, a zero added or dropped, a scale word changed, the value of
another figure of the same unit in the paragraph), and the registered checkers run again on a copy of
the claims with that one figure changed. An edit is a repair when the failed check then passes,
every check of that figure passes, and no check fails that did not fail before. Repairs are ranked
by the failed checks they mend, then by how exactly the mended check holds (with the numbers exactly
as written; but for an open bound; with every figure read to its last printed digit, as a writer's
arithmetic leaves it; or only within the wider rounding and tolerances the rules allow), then by how
little the copy's passing checks rest on the figure edited. A currency conversion holds only within
a band of rates, never exactly, unless another conversion of the same pair in the copy fixes the
rate: a repair that restores that rate is as exact as a repair at the printed precision. One repair
ahead of the rest is the suggestion (`details.suggestion`, the finding says it, and it is a fix).
Repairs the copy cannot tell apart that way are weighed by a prior on what published figures are
like (`prior`: leading digits by Benford's law, rounder figures likelier; measured on published copy,
audit/data/suggest.yaml): one at least `min_odds` times as likely as the others together is said
with its odds and what else fits, never as a fix; else they are listed, at most three, with no
suggestion.

Percent changes are also read as reasoning slips, not typos: the change taken on the new value
instead of the old, and a difference in percentage points given as a percent; when one fits, typos
that would also explain the figure are listed after it, and none is the suggestion. Restatements say which
of the two statements the rest of the copy supports (the one more passing checks involve), or that
it cannot tell.

Cost: nothing unless a check failed. An edit is first screened by the check's own rule on the figures
of the check's sentences; only the most plausible few (`max_validated` in audit/data/suggest.yaml)
are run against the whole document (rule by rule, the check's own first, stopping at the first rule
that rejects the edit), and at most `max_failed_checks` checks a document are searched.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields, replace
from functools import cache
from typing import Any

from audit import numbers
from audit.checkers import Context, Outcome, load_builtin
from audit.checkers.bounds import Interval, interval, printed_unit, step
from audit.checkers.relate import is_percent, label, same_unit
from audit.config import Config
from audit.lexicon import data
from audit.model import Check, Claim, Document, Finding
from audit.rulebook import Rule, enabled, load_rules, severity

Key = tuple[str, tuple[str, ...]]
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_SCALE_TAIL = re.compile(r"^(\s*-?\s*)([A-Za-z]+)$")
_TINY_STEP = 1e-9  # "taken literally": a step so small the rounding band vanishes
_RESTATING = ("restatement", "qualifier-conflict")
_EDIT_ORDER = ("swap", "digit", "zero_added", "zero_dropped", "scale", "copy")
_TYPOS = ("digit", "swap")


@dataclass(frozen=True)
class Edit:
    """One figure's number as written (`old`), and what it would be after the edit (`new`)."""

    claim: str
    old: str
    new: str
    kind: str  # swap | digit | zero_added | zero_dropped | scale | copy

    def to_json(self) -> dict[str, str]:
        return {"claim": self.claim, "from": self.old, "to": self.new, "edit": self.kind}

    def describe(self) -> str:
        return f"{self.old} -> {self.new} ({edit_name(self.kind)})"


# How exactly a mended check holds, tightest first: with every figure as written (LITERAL); but for
# an open bound such as "at least" (OPEN); with every figure of the check read as a value rounded at
# its last printed digit, and no tolerance (PRINTED: "62 miles" for 100 km, which is 62.14; "44%"
# for $1.21bn -> $1.75bn, 44.6%, from figures themselves rounded); or only within the rounding and
# tolerances the house rules allow (LOOSE: "2,000" as 1,500-2,500, "about" as 10% either way, a
# currency's band of rates). A relation the writer computed holds in one of the first three; a wrong
# figure lands in the last by chance far more often, for that band is wide.
LITERAL, OPEN, PRINTED, LOOSE = range(4)


@dataclass(frozen=True)
class Repair:
    """An edit that mends a failed check without breaking any other."""

    edit: Edit
    fixed: int  # failed checks it mends, the one searched for included
    tier: int  # LITERAL, OPEN, PRINTED or LOOSE: how exactly the mended check holds
    closeness: float  # within LOOSE, the share of the rounding and tolerances it needs (0 to 1)
    support: int  # the figure's other checks that hold exactly as written and only loosely after the edit
    then: str  # the mended check's message
    involved: int = 0  # the figure's passing checks, exact or not: orders the list of equals, no more
    odds: float = 1.0  # how much likelier the repaired figure is as written than the figure it replaces

    def rank(self) -> tuple[int, int, int, float, float, int]:
        return (-self.fixed, self.tier, self.support, -self.odds, self.closeness, self.involved)

    def as_evident_as(self, other: Repair) -> bool:
        """Does the copy's arithmetic leave the two as plausible? Each mends as many failed checks,
        holds as exactly (a tier: how much of a rounding band a repair needs is no evidence, for a
        rounded figure's true value may lie anywhere in its band) and loosens as few of the copy's
        exact relations; only the prior on what writers write (`odds`) can then tell them apart."""
        return (self.fixed, self.tier, self.support) == (other.fixed, other.tier, other.support)


@dataclass
class _Edited(Claim):
    """A claim whose number reads `written` instead of the text at its offsets."""

    written: str = ""

    @property
    def number_text(self) -> str:
        return self.written


def edit_name(kind: str) -> str:
    names: dict[str, str] = data("suggest")["edit_names"]
    return names.get(kind, kind)


def suggest(
    doc: Document, claims: list[Claim], checks: list[Check], findings: list[Finding], config: Config
) -> None:
    """Annotate every failed consistency check (`details`) and its finding (`message`, `suggestion`)."""
    failed = [c for c in checks if c.family == "consistency" and c.status == "fail"]
    if not failed:
        return
    search = _Search(doc, claims, checks, config)
    by_key = {(f.rule, tuple(f.claims)): f for f in findings}
    budget = int(data("suggest")["max_failed_checks"])
    if len(failed) > budget:
        doc.notices.append(f"{len(failed)} failed checks: repairs were searched for the first {budget} only")
    for chk in failed[:budget]:
        if chk.rule not in search.rules:
            continue
        notes = _notes(search, chk)
        finding = by_key.get(_key(chk))
        # a pairing the rules are less sure of fails one severity lower: its repair is said, never a fix
        notes.doubtful = finding is not None and finding.severity != severity(search.rules[chk.rule], config)
        if notes:
            _annotate(chk, finding, notes)


@dataclass
class _Notes:
    repairs: list[Repair]
    slip: dict[str, Any] | None = None
    slip_text: str = ""
    slip_tier: int = LOOSE  # how exactly the slip explains the figure
    supported: str = ""  # restatements: what the rest of the copy says
    supported_claim: str | None = None  # ... and the statement it sides with, if any
    doubtful: bool = False  # the check's pairing is one the rules are less sure of

    def __bool__(self) -> bool:
        return bool(self.repairs or self.slip or self.supported)


def _notes(search: _Search, chk: Check) -> _Notes:
    notes = _Notes([])
    if chk.rule == "percent-change":
        found = _percent_slip(search, chk)
        if found is not None:
            notes.slip, notes.slip_text, notes.slip_tier = found
    notes.repairs = search.repairs(chk)
    if chk.rule in _RESTATING and len(set(chk.claims)) == 2:
        notes.supported_claim, notes.supported = search.supported(chk)
    return notes


def _annotate(chk: Check, finding: Finding | None, notes: _Notes) -> None:
    extra: list[str] = []
    ranked = notes.repairs[: int(data("suggest")["max_listed"])]
    # a reasoning slip that explains the figure as exactly is as plausible as any typo
    beats_slip = notes.slip is None or (bool(ranked) and ranked[0].tier < notes.slip_tier)
    unique = beats_slip and _one_ahead(notes.repairs)
    if notes.slip is not None:
        chk.details["slip"] = notes.slip
        if not beats_slip:  # said only where no typo explains the figure more exactly
            extra.append(notes.slip_text)
    if notes.supported:
        chk.details["supported"] = notes.supported_claim
        if notes.supported_claim or not (ranked and unique):
            extra.append(notes.supported)
    if ranked:
        chk.details["suggestions"] = [r.edit.to_json() for r in ranked]
    # chosen by the prior on published figures, not by the copy's own: said with its odds, never a fix
    by_prior = len(ranked) > 1 and ranked[0].as_evident_as(ranked[1])
    if ranked and unique:
        best = ranked[0]
        chk.details["suggestion"] = best.edit.to_json()
        why = edit_name(best.edit.kind)
        if by_prior:
            why += f"; {prior_reason(notes.repairs)}"
        said = f"{best.edit.old} is probably {best.edit.new} ({why}): then {best.then}"
        extra.append(f"if these figures belong together, {said}" if notes.doubtful else said)
        if by_prior:  # what the copy itself leaves open is shown with it
            others = "; ".join(r.edit.describe() for r in ranked[1:] if r.as_evident_as(best))
            extra.append(f"{data('suggest')['prior_others']}: {others}")
    elif ranked:
        listed = "; ".join(r.edit.describe() for r in ranked)
        extra.append(
            f"{'or a typo' if notes.slip and not beats_slip else 'equally plausible repairs'}: {listed}"
        )
    if finding is not None and extra:
        finding.message = ". ".join([finding.message.rstrip("."), *(_sentence(e) for e in extra)])
        if ranked and unique and not notes.doubtful and not by_prior:  # where the copy decides, surely
            finding.suggestion = ranked[0].edit.to_json()


def odds_against_equals(repairs: list[Repair]) -> float:
    """How much likelier the first repair is, by the prior on what writers write, than all the others
    the copy's arithmetic cannot tell apart from it together (infinite when there are none)."""
    best = repairs[0]
    others = sum(r.odds for r in repairs[1:] if r.as_evident_as(best))
    return best.odds / others if others else float("inf")


def _one_ahead(repairs: list[Repair]) -> bool:
    """Is the first repair the one to suggest? Alone, ahead of the rest on the copy's evidence, or,
    among repairs the copy cannot tell apart, likelier by the prior than all the others together by
    the odds `min_odds` of audit/data/suggest.yaml asks. A check that any smaller value passes ("the
    worst") has many such equals, and no value of them stands out."""
    return bool(repairs) and odds_against_equals(repairs) >= float(data("suggest")["min_odds"])


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _key(chk: Check) -> Key:
    return (chk.rule, tuple(chk.claims))


class _Search:
    """The document's consistency rules, run again on copies of its claims with one figure edited."""

    def __init__(self, doc: Document, claims: list[Claim], checks: list[Check], config: Config) -> None:
        self.doc, self.claims, self.config = doc, claims, config
        self.rules: dict[str, Rule] = {
            r.id: r for r in load_rules(config) if r.family == "consistency" and enabled(r, config)
        }
        self.registry = load_builtin()
        self.before: dict[Key, str] = {_key(c): c.status for c in checks if c.rule in self.rules}
        self.passing_of: dict[str, list[Key]] = {}  # each figure's passing checks: no pass over them all
        for key, status in self.before.items():
            for claim_id in dict.fromkeys(key[1]) if status == "pass" else ():
                self.passing_of.setdefault(claim_id, []).append(key)
        self.by_id = {c.id: c for c in claims}
        self.paragraph = {s.index: s.paragraph for s in doc.sentences}
        self.by_paragraph: dict[int, list[Claim]] = {}
        for c in claims:
            self.by_paragraph.setdefault(self.paragraph.get(c.sentence, -2), []).append(c)
        self._full: dict[Edit, _LazyRun] = {}
        self._edits: dict[Edit, Claim | None] = {}
        self._tiers: dict[Key, int] = {}
        self.by_sentence: dict[int, list[Claim]] = {}
        for c in claims:
            self.by_sentence.setdefault(c.sentence, []).append(c)
        self.opening = {i for i in self.by_sentence if i <= _OPENING}  # the headline and lede's figures
        self.position = {x.index: i for i, x in enumerate(doc.sentences)}
        self.rates = _document_rates([c for c in checks if c.status == "pass"], self.by_id)
        self.readings: dict[Hashable, Any] = {}  # what the rules read of the prose, shared by every run

    def run(self, claims: list[Claim], rules: list[Rule], share: float = 1.0) -> dict[Key, Outcome]:
        """The rules' outcomes on `claims`, with `share` of their tolerance for "about". The rules see
        the document's opening and the sentences of `claims` only, so a run costs what its figures
        cost, not what the whole document does."""
        ctx = self.context(claims)
        out: dict[Key, Outcome] = {}
        for rule in rules:
            out.update(self.outcomes(ctx, rule, share))
        return out

    def context(self, claims: list[Claim]) -> Context:
        """What the rules see of `claims`: their sentences and the opening, and the shared readings."""
        return Context(
            doc=self._sentences_of(claims), claims=claims, config=self.config, readings=self.readings
        )

    def outcomes(self, ctx: Context, rule: Rule, share: float = 1.0) -> dict[Key, Outcome]:
        """One rule's outcomes on `ctx`, with `share` of its tolerance for "about"."""
        options = dict(rule.options)
        for name, value in rule.options.items():
            if name.endswith("_tolerance"):
                options[name] = float(value) * share
        out: dict[Key, Outcome] = {}
        for o in self.registry[rule.checker].run(ctx, options):
            out[(rule.id, tuple(c.id for c in o.claims))] = o
        return out

    def _sentences_of(self, claims: list[Claim]) -> Document:
        """The document cut to its opening and the span of `claims`' sentences: every claim's sentence
        is in it, as the document's, so the runs share what they read of the prose."""
        if len(claims) == len(self.claims):
            return self.doc
        spots = [self.position.get(c.sentence, 0) for c in claims] or [0]
        first, last = max(min(spots), _OPENING + 1), max(spots)
        sentences = self.doc.sentences
        return replace(self.doc, sentences=sentences[: _OPENING + 1] + sentences[first : last + 1])

    def repairs(self, chk: Check) -> list[Repair]:
        """Edits that mend `chk`: screened on the figures of its sentences, ranked there, then the
        most plausible (at most `max_validated`) run against the whole document."""
        screened = self._screened(chk) or self._screened(chk, wide=True)
        order = {k: i for i, k in enumerate(_EDIT_ORDER)}
        ranked = sorted(screened.values(), key=lambda r: (r.rank(), order.get(r.edit.kind, 9)))
        found = []
        for repair in ranked[: int(data("suggest")["max_validated"])]:
            fixed = self._validate(chk, repair.edit)
            if fixed:
                found.append(replace(repair, fixed=fixed))
        return sorted(found, key=lambda r: (r.rank(), order.get(r.edit.kind, 9)))

    def _screened(self, chk: Check, wide: bool = False) -> dict[tuple[str, float], Repair]:
        """The candidate edits of the check's figures that mend it where it was screened, one per value.
        Screened first on the check's own sentences; only when nothing mends it there on the opening
        too (a pairing formed with the headline or lede: "in default on the $102.6bn")."""
        screened: dict[tuple[str, float], Repair] = {}
        for claim_id in dict.fromkeys(chk.claims):
            claim = self.by_id.get(claim_id)
            if claim is None:
                continue
            for edit in candidates(claim, self._neighbours(claim)):
                parsed = _parse(edit.new)
                slot = (claim_id, parsed.value if parsed else 0.0)
                if slot not in screened and (repair := self._screen(chk, edit, wide)) is not None:
                    screened[slot] = repair
        return screened

    def supported(self, chk: Check) -> tuple[str | None, str]:
        """Which of two restatements the copy's other passing checks side with (its id, and words)."""
        a, b = (self.by_id[i] for i in dict.fromkeys(chk.claims))
        sa, sb = self._support(a.id, _key(chk)), self._support(b.id, _key(chk))
        if sa == sb:
            return None, "the rest of the copy cannot tell which of the two is right"
        right, n = (a, sa) if sa > sb else (b, sb)
        checks = "check agrees" if n == 1 else "checks agree"
        return right.id, f"the rest of the copy supports {right.text!r} ({n} other {checks} with it)"

    def _support(self, claim_id: str, but: Key | None = None) -> int:
        return sum(1 for k in self.passing_of.get(claim_id, ()) if k != but)

    def _neighbours(self, claim: Claim) -> list[Claim]:
        here = self.paragraph.get(claim.sentence, -1)
        return [
            c
            for c in self.by_paragraph.get(here, ())
            if c.id != claim.id and c.value is not None and same_unit(c, claim)
        ]

    def _edited(self, edit: Edit) -> Claim | None:
        """The edited figure, or None when the edit cannot be read as a number."""
        if edit not in self._edits:
            self._edits[edit] = with_number(self.by_id[edit.claim], edit.new)
        return self._edits[edit]

    def _with_opening(self, claim_ids: Iterable[str]) -> list[int]:
        """The sentences of these figures and the story's opening, which several rules pair later
        figures with (a sum named back, the lede's toll): a check is screened where it was formed."""
        return sorted(set(self._sentences(claim_ids)) | self.opening)

    def _sentences(self, claim_ids: Iterable[str]) -> list[int]:
        """The sentences of these figures, in the order given."""
        return [self.by_id[i].sentence for i in claim_ids if i in self.by_id]

    def _claims_in(self, sentences: Iterable[int], edit: Edit) -> list[Claim]:
        """The figures of `sentences` (in document order) with the edited one in place."""
        edited = self._edited(edit)
        return [
            edited if c.id == edit.claim and edited is not None else c
            for i in sorted(set(sentences))
            for c in self.by_sentence.get(i, ())
        ]

    def _screen(self, chk: Check, edit: Edit, wide: bool = False) -> Repair | None:
        """The edit run on the figures of the check's sentences (`wide`: and of the story's opening):
        does the check pass, and how tightly."""
        if self._edited(edit) is None:
            return None
        rule = self.rules[chk.rule]
        sentences = self._with_opening(chk.claims) if wide else self._sentences(chk.claims)
        near = self._claims_in(sentences, edit)
        mended = self.run(near, [rule]).get(_key(chk))
        if mended is None or mended.status != "pass":
            return None
        tier, closeness = self._closeness(_key(chk), rule, near, mended)
        loosened = self._loosened(edit, _key(chk))
        odds = self._odds(chk, edit, tier)
        return Repair(edit, 1, tier, closeness, loosened, mended.message, self._support(edit.claim), odds)

    @staticmethod
    def _odds(chk: Check, edit: Edit, tier: int) -> float:
        """How much likelier the repaired figure is as written than the figure as it stands (`prior`).
        Only between typos (a digit changed, two swapped): how often a zero is dropped, a scale word
        slips or a neighbour's value is copied, against a digit, is not known. Only where the mended
        check holds at the printed precision or tighter: a band of rates or a wide tolerance pins no
        value. A restatement's two figures state one quantity, whose prior counts once, not twice."""
        if edit.kind not in _TYPOS or tier >= LOOSE:
            return 1.0
        odds = prior(edit.new) / prior(edit.old)
        return odds**0.5 if chk.rule in _RESTATING else odds

    def _loosened(self, edit: Edit, mending: Key) -> int:
        """The copy's support for a figure as written: how many of its other passing checks hold
        exactly (at the printed precision or tighter) with it and only loosely with the edit. A
        check that any nearby value passes as well ("the deadliest", a band of rates) is none."""
        lost = 0
        for key in self.passing_of.get(edit.claim, ()):
            if key != mending and self._tier_as_written(key) < LOOSE and self._tier_of(key, edit) == LOOSE:
                lost += 1
        return lost

    def _tier_as_written(self, key: Key) -> int:
        if key not in self._tiers:
            self._tiers[key] = self._tier_of(key, None)
        return self._tiers[key]

    def _tier_of(self, key: Key, edit: Edit | None) -> int:
        """How exactly a check holds on the figures of its sentences, with `edit` made if given."""
        rule = self.rules[key[0]]
        sentences = self._sentences(key[1])
        near = (
            self._claims_in(sentences, edit)
            if edit is not None
            else [c for i in sorted(set(sentences)) for c in self.by_sentence.get(i, ())]
        )
        outcome = self.run(near, [rule]).get(key)
        if outcome is None or outcome.status != "pass":
            return LOOSE + 1
        return self._tier(key, rule, near, outcome)

    def _at_document_rate(self, mended: Outcome) -> bool:
        """Does a mended currency conversion use the rate of another conversion of the same pair in
        the copy, within both conversions' printed rounding (one article, one day's rate)?"""
        pair, rate = _rate_of(mended) or ("", 0.0)
        mine = {c.id for c in mended.claims}
        slack = _relative_rounding(mended.claims)
        return any(
            abs(rate / other - 1) <= slack + other_slack
            for ids, other, other_slack in self.rates.get(pair, ())
            if not mine & set(ids)
        )

    def _validate(self, chk: Check, edit: Edit) -> int:
        """The edit run on the whole document: 0 when `chk` still fails there, or the edit breaks a
        check or leaves one of the figure's checks failing; else how many failed checks it mends.
        The rules run one at a time, `chk`'s first, and stop at the first that rejects the edit: most
        edits validated in a long document are rejected, and the later rules need not run."""
        full = self._full_run(chk, edit)
        mended = full.of(self.rules[chk.rule]).get(_key(chk))
        if mended is None or mended.status != "pass":
            return 0
        fixed = 0
        for rule in self.rules.values():
            for k, o in full.of(rule).items():
                if o.status == "fail" and (edit.claim in k[1] or self.before.get(k) != "fail"):
                    return 0
                if o.status == "pass" and self.before.get(k) == "fail":
                    fixed += 1
        return fixed

    def _full_run(self, chk: Check, edit: Edit) -> _LazyRun:
        """The edit's run on the figures around the first check it was validated for, rule by rule."""
        if edit not in self._full:
            self._full[edit] = _LazyRun(self, self.context(self._around(chk, edit)))
        return self._full[edit]

    def _around(self, chk: Check, edit: Edit) -> list[Claim]:
        """The figures an edit is validated on: the story's opening (headline and lede) and every
        sentence within `validation_reach` of the check's figures. An article is this whole; a
        document of many stories is not run again whole for every edit, so its cost stays linear."""
        if self._edited(edit) is None:
            return []
        reach = int(data("suggest")["validation_reach"])
        ids = {*chk.claims, edit.claim}
        sentences = self._sentences(ids)
        lo, hi = min(sentences) - reach, max(sentences) + reach
        return self._claims_in((i for i in self.by_sentence if i in self.opening or lo <= i <= hi), edit)

    def _closeness(self, key: Key, rule: Rule, claims: list[Claim], mended: Outcome) -> tuple[int, float]:
        """How exactly the mended check holds (its tier) and, when not exactly, the least share of the
        rounding and tolerances the wording allows with which it passes, to 1/64 (an order for the
        list, not evidence)."""
        tier = self._tier(key, rule, claims, mended)
        if tier < PRINTED:
            return tier, 0.0
        lo, hi = 0.0, 1.0
        for _ in range(6):
            mid = (lo + hi) / 2
            lo, hi = (lo, mid) if self._holds(key, rule, claims, mid) else (mid, hi)
        return tier, hi

    def _tier(self, key: Key, rule: Rule, claims: list[Claim], outcome: Outcome) -> int:
        """The tier of a check that passes on `claims` (`outcome`, as the rule reported it)."""
        if _rate_of(outcome) is not None:  # a currency's band of rates is a tolerance, not arithmetic
            return PRINTED if self._at_document_rate(outcome) else LOOSE
        if self._passes(key, rule, [_literal(c) for c in claims]):
            return LITERAL
        if self._holds(key, rule, claims, 0.0):
            return OPEN
        read = [_printed(c) if c.id in key[1] else _literal(c) for c in claims]
        return PRINTED if self._passes(key, rule, read) else LOOSE

    def _holds(self, key: Key, rule: Rule, claims: list[Claim], share: float) -> bool:
        return self._passes(key, rule, [_rounded(c, share) for c in claims], share)

    def _passes(self, key: Key, rule: Rule, claims: list[Claim], share: float = 0.0) -> bool:
        outcome = self.run(claims, [rule], share=share).get(key)
        return outcome is not None and outcome.status == "pass"


class _LazyRun:
    """A run of the rules on one context, each rule run when first asked for and kept."""

    def __init__(self, search: _Search, ctx: Context) -> None:
        self.search, self.ctx = search, ctx
        self._by_rule: dict[str, dict[Key, Outcome]] = {}

    def of(self, rule: Rule) -> dict[Key, Outcome]:
        if rule.id not in self._by_rule:
            self._by_rule[rule.id] = self.search.outcomes(self.ctx, rule)
        return self._by_rule[rule.id]


_OPENING = 5  # sentences: the headline and lede, which several rules pair later figures with


def _rounded(claim: Claim, share: float) -> Claim:
    """The claim with `share` of the rounding its wording allows."""
    return _with(claim, step=max(step(claim) * share, _TINY_STEP))


def _with(claim: Claim, **changes: Any) -> Claim:
    """`dataclasses.replace` for a claim, at a fraction of its cost (the search makes thousands): a
    claim computes nothing when made, so a shallow copy with the fields changed is the same."""
    copied = copy.copy(claim)
    for name, value in changes.items():
        setattr(copied, name, value)
    return copied


def _printed(claim: Claim) -> Claim:
    """The figure as a value rounded at its last printed digit, with no qualifier's latitude."""
    if claim.qualifier == "range" or claim.value is None:
        return _rounded(claim, 0.0)
    unit = printed_unit(claim) or _TINY_STEP
    return _with(claim, step=unit, qualifier="exact", low=claim.value, high=claim.value)


def _literal(claim: Claim) -> Claim:
    if claim.qualifier == "range" or claim.value is None:
        return _rounded(claim, 0.0)
    return _with(claim, step=_TINY_STEP, qualifier="exact", low=claim.value, high=claim.value)


def _rate_of(outcome: Outcome | Check) -> tuple[str, float] | None:
    """A currency conversion's pair ("USD/GBP") and the rate its figures imply, or None."""
    pair, rate = outcome.details.get("pair"), outcome.details.get("rate")
    if not isinstance(pair, str) or "/" not in pair or not isinstance(rate, int | float) or rate <= 0:
        return None
    return pair, float(rate)


def _relative_rounding(claims: Iterable[Claim]) -> float:
    """How far the figures' printed rounding lets a ratio of them move: half a last digit each."""
    return sum((printed_unit(c) or 0.0) / 2 / abs(c.value) for c in claims if c.value)


def _document_rates(
    passed: list[Check], by_id: dict[str, Claim]
) -> dict[str, list[tuple[tuple[str, ...], float, float]]]:
    """The rates the copy's passing currency conversions imply, each pair both ways round."""
    out: dict[str, list[tuple[tuple[str, ...], float, float]]] = {}
    for chk in passed:
        found = _rate_of(chk)
        if found is None:
            continue
        (pair, rate), ids = found, tuple(chk.claims)
        slack = _relative_rounding(by_id[i] for i in ids if i in by_id)
        a, _, b = pair.partition("/")
        out.setdefault(pair, []).append((ids, rate, slack))
        out.setdefault(f"{b}/{a}", []).append((ids, 1 / rate, slack))
    return out


# --- candidate edits --------------------------------------------------------------------------


def candidates(claim: Claim, neighbours: Sequence[Claim] = ()) -> list[Edit]:
    """The small edits of a figure's number as written, each once, surest kinds first."""
    written = claim.number_text
    m = _DIGITS.search(written)
    if m is None or claim.value is None or claim.qualifier == "range" or claim.kind in ("fraction", "date"):
        return []
    if _parse(written) is None:
        return []
    head, digits, tail = written[: m.start()], m.group(0), written[m.end() :]
    out: dict[str, str] = {}

    def add(new_digits: str, kind: str, new_tail: str = tail) -> None:
        new = head + new_digits + new_tail
        if new != written:
            out.setdefault(new, kind)

    for d in _swaps(digits):
        add(d, "swap")
    for d in _digit_edits(digits):
        add(d, "digit")
    for d, kind in _zeros(digits):
        add(d, kind)
    for t in _scales(tail):
        add(digits, "scale", t)
    for other in neighbours:
        text = other.number_text
        if other.value != claim.value and _parse(text) is not None:
            out.setdefault(text, "copy")
    return [Edit(claim.id, written, new, kind) for new, kind in out.items()]


def significant_digits(written: str) -> int:
    """Significant digits of a number as written: "3,400" has 2, "3,000" 1, "4.0" 2 (a printed
    decimal's zeros are its precision), "0.05" 1."""
    m = _DIGITS.search(written)
    if m is None:
        return 0
    digits = m.group(0).replace(",", "")
    if "." in digits:
        return len(digits.replace(".", "").lstrip("0"))
    return len(digits.strip("0"))


def prior(written: str) -> float:
    """How likely a figure is as written, against others of its length, by what published copy
    holds (audit/data/suggest.yaml, measured by tools/measure_figure_prior.py): its leading digit's
    share (Benford's law: a 1 leads three figures in ten, a 9 fewer than one in thirty), and a factor
    `roundness` fewer for each significant digit ("60" is several times likelier than "68")."""
    table = data("suggest")
    lead = table["leading_digit"].get(leading_digit(written), 1 / 9)
    return float(lead) * float(table["roundness"]) ** -significant_digits(written)


def prior_reason(repairs: list[Repair]) -> str:
    """Why the first of repairs the copy's arithmetic cannot tell apart is said: the odds against the
    others together, by the prior on published figures."""
    odds = odds_against_equals(repairs)
    said = f"{odds:.0f}" if odds >= 10 else f"{odds:.1f}".removesuffix(".0")
    return str(data("suggest")["prior_reason"]).format(odds=said)


def written_length(written: str) -> int:
    """Digits from the first significant one to the last written: "3,000" 4, "0.05" 1, "4.70" 3."""
    return len(_from_first_significant(written))


def leading_digit(written: str) -> str:
    """The first significant digit of a number as written ("0.05" -> "5"), or "" when there is none."""
    return _from_first_significant(written)[:1]


def _from_first_significant(written: str) -> str:
    """The digits of a number as written from its first significant one: "0.050" -> "50"."""
    m = _DIGITS.search(written)
    return m.group(0).replace(",", "").replace(".", "").lstrip("0") if m else ""


def _positions(digits: str) -> list[int]:
    return [i for i, ch in enumerate(digits) if ch.isdigit()]


def _integer_digits(digits: str) -> int:
    return len(digits.split(".")[0].replace(",", ""))


def _digit_edits(digits: str) -> Iterator[str]:
    """Every digit changed to every other; no leading zero."""
    positions = _positions(digits)
    for i in positions:
        for d in "0123456789":
            if d == digits[i] or (i == positions[0] and d == "0" and _integer_digits(digits) > 1):
                continue
            yield digits[:i] + d + digits[i + 1 :]


def _swaps(digits: str) -> Iterator[str]:
    """Two neighbouring digits swapped ("671.7" for "617.7"), across a thousands comma but not a point."""
    positions = _positions(digits)
    for i, j in zip(positions, positions[1:], strict=False):
        if "." in digits[i:j] or digits[i] == digits[j]:
            continue
        if i == positions[0] and digits[j] == "0" and _integer_digits(digits) > 1:
            continue
        chars = list(digits)
        chars[i], chars[j] = chars[j], chars[i]
        yield "".join(chars)


def _zeros(digits: str) -> Iterator[tuple[str, str]]:
    """A zero added to or dropped from the end of a whole number, grouped as the original is."""
    if "." in digits:
        return
    plain = digits.replace(",", "")
    grouped = "," in digits

    def styled(n: str) -> str:
        return f"{int(n):,}" if grouped or (len(n) >= 5 and len(plain) < 5) else n

    yield styled(plain + "0"), "zero_added"
    if len(plain) > 1 and plain.endswith("0"):
        yield styled(plain[:-1]), "zero_dropped"


def _scales(tail: str) -> Iterator[str]:
    m = _SCALE_TAIL.match(tail)
    if not m:
        return
    word = m.group(2)
    slips: dict[str, list[str]] = data("suggest")["scale_slips"]
    for other in slips.get(word.lower(), []):
        yield m.group(1) + (other.upper() if word.isupper() else other)


# --- applying an edit -------------------------------------------------------------------------


@cache
def _parse(written: str) -> numbers.Mention | None:
    """The number a figure's text reads as, when the whole text is one number in digits."""
    found = [m for m in numbers.find(written) if m.kind == "digits"]
    return found[0] if len(found) == 1 else None


@cache
def _claim_fields() -> tuple[str, ...]:
    return tuple(f.name for f in fields(Claim))


def with_number(claim: Claim, written: str) -> Claim | None:
    """A copy of `claim` whose number reads `written`: value, bounds and rounding step follow it
    (a figure scaled beyond its digits, "639m pence", keeps that scale)."""
    old, new = _parse(claim.number_text), _parse(written)
    if old is None or new is None or claim.value is None:
        return None
    factor = claim.value / old.value if old.value else 1.0  # "0" carries no scale of its own
    value = numbers._clean(new.value * factor)
    if value == claim.value:
        return None

    def moved(bound: float | None) -> float | None:
        """A bound that was the stated value follows it; "at least 30" stays "at least"."""
        if bound is None:
            return None
        return numbers._clean(bound * value / claim.value) if claim.value else value

    values = {name: getattr(claim, name) for name in _claim_fields()}
    rel_start, rel_end = claim.number_start - claim.start, claim.number_end - claim.start
    values.update(
        value=value,
        low=moved(claim.low),
        high=moved(claim.high),
        step=None if new.step is None or claim.step is None else new.step * abs(factor or 1.0),
        text=claim.text[:rel_start] + written + claim.text[rel_end:] if rel_start >= 0 else written,
    )
    return _Edited(**values, written=written)


# --- percent changes: reasoning slips ---------------------------------------------------------


def _percent_slip(search: _Search, chk: Check) -> tuple[dict[str, Any], str, int] | None:
    """ "rose 24% from 541 to 671.7" taken on the new value, or a change in points given in percent,
    and how exactly the slip explains the figure (a tier, as a repair's)."""
    if "computed" not in chk.details or len(chk.claims) != 3:
        return None
    p, new, old = (search.by_id[i] for i in chk.claims)
    if p.value is None or new.value is None or old.value is None or new.value == old.value:
        return None
    approx = float(search.rules[chk.rule].options.get("approx_tolerance", 0.1))
    if is_percent(new) and is_percent(old):
        points = abs(new.value - old.value)
        tier = _points_tier(p, new, old, approx)
        if tier is not None:
            text = (
                f"{label(p)} is the difference between {label(old)} and {label(new)} in percentage points, "
                f"not a percent change: a reasoning slip, not a typo"
            )
            if "percentage points" in chk.message:  # the check said so already
                text = "a reasoning slip, not a typo"
            return {"kind": "percentage-points", "claim": p.id, "computed": round(points, 3)}, text, tier
    readings = ((LITERAL, _literal, 0.0), (PRINTED, _printed, 0.0), (LOOSE, lambda c: c, approx))
    tier = next((t for t, read, a in readings if _on_new_value(read(p), read(new), read(old), a)), None)
    if tier is None:
        return None
    computed = abs(new.value - old.value) / new.value * 100
    change = f"the change from {label(old)} to {label(new)}"
    text = f"{label(p)} is {change} taken on the new value, not the old: a reasoning slip, not a typo"
    return {"kind": "base", "claim": p.id, "computed": round(computed, 3)}, text, tier


def _points_tier(p: Claim, new: Claim, old: Claim, approx: float) -> int | None:
    """How exactly a percent is the difference of two percentages in points, or None."""
    points, stated = abs((new.value or 0) - (old.value or 0)), p.value or 0
    if abs(points - stated) < _TINY_STEP:
        return LITERAL
    if abs(points - stated) <= sum((printed_unit(c) or 0.0) / 2 for c in (p, new, old)):
        return PRINTED
    if interval(p, approx).contains(points) or abs(points - stated) <= 0.5:
        return LOOSE
    return None


def _on_new_value(p: Claim, new: Claim, old: Claim, approx: float) -> bool:
    """Is the stated percent the change from `old` to `new` taken on the new value?"""
    n, o = interval(new, approx), interval(old, approx)
    if n.lo <= 0 or o.lo <= 0 or n.hi == float("inf") or o.hi == float("inf"):
        return False
    r = Interval(o.lo / n.hi, o.hi / n.lo)  # old / new
    rise = (new.value or 0) > (old.value or 0)
    on_new = (
        Interval((1 - r.hi) * 100, (1 - r.lo) * 100) if rise else Interval((r.lo - 1) * 100, (r.hi - 1) * 100)
    )
    return on_new.overlaps(interval(p, approx))
