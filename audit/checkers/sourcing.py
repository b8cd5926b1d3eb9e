"""Sourcing: who each casualty figure rests on, graded in the spirit of Airwars and Iraq Body Count.

`corroborated`: two or more independent originators (relay chains already collapsed by the
attribution stage); `single-source`: one originator, however many outlets repeat it; `contested`:
originators give figures that cannot both hold; `unattributed`: no originator at all. A figure the
document restates (a headline repeating the lede's attributed toll) rests on the restated one's
sources.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from audit.checkers import Context, Outcome, checker
from audit.checkers.bounds import fmt, point
from audit.checkers.relate import YEAR, head, label, lexicon, same_subject, sentence_text
from audit.model import HARM_CATEGORIES, Claim, Source


def originator_key(source: Source) -> str:
    return source.originator or source.name.casefold().strip()


def originators(claim: Claim) -> dict[str, Source]:
    """Distinct originators of a claim, first mention kept."""
    out: dict[str, Source] = {}
    for s in claim.sources:
        out.setdefault(originator_key(s), s)
    return out


def casualty_figures(ctx: Context) -> list[Claim]:
    """The casualty figures in document order (one list per document: do not modify it)."""
    return ctx.memo("casualty-figures", lambda: [c for c in ctx.figures if c.category in HARM_CATEGORIES])


def restates(a: Claim, b: Claim) -> bool:
    """Same category and subject, stated values compatible: plausibly the same figure."""
    return a.category == b.category and same_subject(a, b) and point(a).overlaps(point(b))


def restatements(ctx: Context, claim: Claim) -> list[Claim]:
    """The other casualty figures that `restates` pairs with `claim`, in document order.

    Looked up in an index of the figures by category and stated value, so that grading a long
    document costs what grading its parts would, not the square of its figures."""
    index = ctx.memo("restatement-index", lambda: _ValueIndex(casualty_figures(ctx)))
    return [o for o in index.overlapping(claim) if o is not claim and same_subject(claim, o)]


class _ValueIndex:
    """Figures by category, sorted by the low end of their stated value."""

    def __init__(self, figures: list[Claim]) -> None:
        self.order = {id(c): i for i, c in enumerate(figures)}
        rows: dict[str, list[tuple[float, float, Claim]]] = {}
        for c in figures:
            p = point(c)
            rows.setdefault(c.category, []).append((p.lo, p.hi, c))
        self.rows = {k: sorted(v, key=lambda r: r[0]) for k, v in rows.items()}
        self.lows = {k: [r[0] for r in v] for k, v in self.rows.items()}
        self.widest = {k: max(r[1] - r[0] for r in v) for k, v in self.rows.items()}

    def overlapping(self, claim: Claim, slack: float = 1e-9) -> list[Claim]:
        rows, lows = self.rows.get(claim.category, []), self.lows.get(claim.category, [])
        if not rows:
            return []
        p = point(claim)
        first = bisect.bisect_left(lows, p.lo - self.widest[claim.category] - 2 * slack)
        last = bisect.bisect_right(lows, p.hi + slack)
        found = [c for lo, hi, c in rows[first:last] if lo <= p.hi + slack and p.lo <= hi + slack]
        return sorted(found, key=lambda c: self.order[id(c)])


def effective_sources(ctx: Context, claim: Claim) -> dict[str, Source]:
    """A claim's originators, or, when it has none, those of an attributed restatement of it."""
    own = originators(claim)
    if own:
        return own
    for other in _nearby(ctx, "sentence", claim.sentence, RESTATEMENT_REACH):
        if (
            other is not claim
            and other.sources
            and restates(claim, other)
            and not _other_years(ctx, claim, other)
        ):
            return originators(other)
    return {}


RESTATEMENT_REACH = 25  # sentences: a headline's toll is restated in the lede, not at the end of a long file


def contenders(claim: Claim, ctx: Context, span: int = 2) -> list[Claim]:
    """Nearby figures for the same quantity from other originators that disagree with `claim`."""
    mine = set(originators(claim))
    if not mine:
        return []
    out = []
    for other in _nearby(ctx, "paragraph", ctx.paragraph(claim), span):
        if other.category != claim.category:
            continue  # the cheap test first: this runs for every pair of nearby casualty figures
        theirs = set(originators(other))
        if (
            other is claim
            or not theirs
            or theirs & mine
            or other.category != claim.category
            or not _rival_subjects(ctx, claim, other)
            or abs(ctx.paragraph(other) - ctx.paragraph(claim)) > span
            or _some_of_a_group(ctx, claim)
            or _some_of_a_group(ctx, other)
        ):
            continue
        if not point(claim).overlaps(point(other)):
            out.append(other)
    return out


def _the_toll(claim: Claim) -> bool:
    return "toll" in (claim.cue or "").lower()


def _some_of_a_group(ctx: Context, claim: Claim) -> bool:
    """ "15 of the dead were children": a part of a group, no rival count of it."""
    return bool(_OF_A_GROUP.match(ctx.after(claim, 20)))


_OF_A_GROUP = re.compile(r"\s+of\s+(?:the|those|these|them|its|their)\b", re.I)


def _nearby(ctx: Context, unit: str, at: int, reach: int) -> list[Claim]:
    """The casualty figures (in document order) whose sentence or paragraph (`unit`) is within
    `reach` of `at`: a slice of the document, so pairing nearby figures stays linear."""
    figures = casualty_figures(ctx)
    where = ctx.paragraph if unit == "paragraph" else (lambda c: c.sentence)
    keys = ctx.memo(f"casualty-{unit}s", lambda: [where(c) for c in figures])
    if not ctx.memo(f"casualty-{unit}s-ordered", lambda: keys == sorted(keys)):
        return [c for c, k in zip(figures, keys, strict=True) if abs(k - at) <= reach]
    return figures[bisect.bisect_left(keys, at - reach) : bisect.bisect_right(keys, at + reach)]


def _rival_subjects(ctx: Context, a: Claim, b: Claim) -> bool:
    """Both name the same victims, or neither names any and they sit in one paragraph, or one of
    them is given as the toll itself ("put the toll at 19")."""
    if a.subject is None and b.subject is None:
        return ctx.paragraph(a) == ctx.paragraph(b) or _the_toll(a) or _the_toll(b)
    return head(a.subject) is not None and head(a.subject) == head(b.subject)


def grade_claims(ctx: Context) -> None:
    """Set `grade` on every casualty figure."""
    figures = casualty_figures(ctx)
    for claim in figures:
        sources = effective_sources(ctx, claim)
        if contenders(claim, ctx):
            claim.grade = "contested"
        elif not sources:
            claim.grade = "unattributed"
        elif len(sources) >= 2 or _corroborated_elsewhere(ctx, claim, figures, set(sources)):
            claim.grade = "corroborated"
        else:
            claim.grade = "single-source"


def _corroborated_elsewhere(ctx: Context, claim: Claim, figures: list[Claim], mine: set[str]) -> bool:
    """Another originator gives the same figure for the same victims (named alike, or close by), not
    for another year ("85 deaths in 2016" is no second source for "64 to 116 from 2009 to 2015")."""
    for other in restatements(ctx, claim):
        if not set(originators(other)) - mine or _other_years(ctx, claim, other):
            continue
        named = claim.subject is not None and other.subject is not None
        if named or abs(ctx.paragraph(other) - ctx.paragraph(claim)) <= 1:
            return True
    return False


def _other_years(ctx: Context, a: Claim, b: Claim) -> bool:
    """Both sentences name years, and no year in common."""
    ya, yb = (set(YEAR.findall(sentence_text(ctx, c))) for c in (a, b))
    return bool(ya and yb and not ya & yb)


def _names(sources: dict[str, Source]) -> str:
    return ", ".join(s.name for s in sources.values())


@checker("unattributed", options={"casualty_only": True})
def unattributed(ctx: Context, options: dict[str, Any]) -> list[Outcome]:
    """Every casualty figure should say who it rests on."""
    figures = casualty_figures(ctx) if options["casualty_only"] else ctx.figures
    out = []
    for claim in figures:
        sources = effective_sources(ctx, claim)
        if sources:
            msg = f"{label(claim)} rests on {_names(sources)}"
            out.append(Outcome("pass", [claim], msg, {"sources": list(sources)}))
        else:
            msg = f"{label(claim)} has no source: say who gives this figure"
            out.append(Outcome("fail", [claim], msg))
    return out


@checker("single-source")
def single_source(ctx: Context, options: dict[str, Any]) -> list[Outcome]:
    """Casualty figures resting on one originator, grouped by that originator."""
    groups: dict[str, list[Claim]] = {}
    names: dict[str, str] = {}
    out = []
    for claim in casualty_figures(ctx):
        if claim.grade == "corroborated":
            msg = f"{label(claim)} is corroborated by independent originators"
            out.append(Outcome("pass", [claim], msg, {"grade": claim.grade}))
        elif claim.grade == "single-source":
            key, source = next(iter(effective_sources(ctx, claim).items()))
            groups.setdefault(key, []).append(claim)
            names[key] = source.name
    for key, claims in groups.items():
        figures = ", ".join(label(c) for c in claims)
        noun = "figure rests" if len(claims) == 1 else "figures rest"
        msg = f"{len(claims)} casualty {noun} on a single source, {names[key]}: {figures}"
        out.append(Outcome("fail", claims, msg, {"originator": names[key], "grade": "single-source"}))
    return out


@checker("contested", options={"paragraph_span": 2})
def contested(ctx: Context, options: dict[str, Any]) -> list[Outcome]:
    """Originators that give different figures for the same quantity: report the range."""
    figures = casualty_figures(ctx)
    seen: set[str] = set()
    out = []
    for claim in figures:
        if claim.id in seen:
            continue
        rivals = contenders(claim, ctx, options["paragraph_span"])
        if not rivals:
            continue
        group = sorted([claim, *rivals], key=lambda c: c.start)
        seen.update(c.id for c in group)
        values = [c.value for c in group if c.value is not None]
        who = "; ".join(f"{_names(originators(c))}: {c.number_text or c.text}" for c in group)
        msg = f"{claim.category} figures disagree ({who}): range {fmt(min(values))}-{fmt(max(values))}"
        details = {"min": min(values), "max": max(values)}
        out.append(Outcome("fail", group, msg, details))
    return out


@checker("anonymous-source", options={"casualty_only": True})
def anonymous_source(ctx: Context, options: dict[str, Any]) -> list[Outcome]:
    """Figures whose only sources are unnamed ("officials said")."""
    figures = casualty_figures(ctx) if options["casualty_only"] else ctx.figures
    out = []
    for claim in figures:
        if not claim.sources:
            continue
        if all(s.anonymous for s in claim.sources):
            who = _names(originators(claim))
            msg = f"{label(claim)} rests only on unnamed sources ({who}): name them or say why not"
            out.append(Outcome("fail", [claim], msg))
        else:
            out.append(Outcome("pass", [claim], f"{label(claim)} has a named source"))
    return out


@checker("hedged-figure")
def hedged_figure(ctx: Context, options: dict[str, Any]) -> list[Outcome]:
    """A figure hedged once ("estimated", "reportedly") and restated elsewhere as plain fact."""
    figures = casualty_figures(ctx)
    out = []
    hedges = {h.lower() for h in lexicon()["figure_hedges"]}
    for hedged in (c for c in figures if c.hedge and c.hedge.lower() in hedges):
        for other in restatements(ctx, hedged):
            if other.hedge:
                continue
            pair = sorted([hedged, other], key=lambda c: c.start)
            if other.sources:
                msg = f"{label(other)} restates the {hedged.hedge} {label(hedged)} with its own source"
                out.append(Outcome("pass", pair, msg, {"hedge": hedged.hedge}))
            else:
                msg = (
                    f"{label(other)} is stated as fact, but elsewhere as {hedged.hedge!r} "
                    f"({hedged.text!r}): keep the hedge or the attribution"
                )
                out.append(Outcome("fail", pair, msg, {"hedge": hedged.hedge}, anchor=other))
    return out
