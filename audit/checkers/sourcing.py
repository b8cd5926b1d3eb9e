"""Sourcing: who each casualty figure rests on, graded in the spirit of Airwars and Iraq Body Count.

`corroborated`: two or more independent originators (relay chains already collapsed by the
attribution stage); `single-source`: one originator, however many outlets repeat it; `contested`:
originators give figures that cannot both hold; `unattributed`: no originator at all. A figure the
document restates (a headline repeating the lede's attributed toll) rests on the restated one's
sources.
"""

from __future__ import annotations

from typing import Any

from audit.checkers import Context, Outcome, checker
from audit.checkers.bounds import fmt, point
from audit.checkers.relate import head, label, lexicon, same_subject
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
    return [c for c in ctx.figures if c.category in HARM_CATEGORIES]


def restates(a: Claim, b: Claim) -> bool:
    """Same category and subject, stated values compatible: plausibly the same figure."""
    return a.category == b.category and same_subject(a, b) and point(a).overlaps(point(b))


def effective_sources(claim: Claim, figures: list[Claim]) -> dict[str, Source]:
    """A claim's originators, or, when it has none, those of an attributed restatement of it."""
    own = originators(claim)
    if own:
        return own
    for other in figures:
        near = abs(other.sentence - claim.sentence) <= RESTATEMENT_REACH
        if near and other is not claim and other.sources and restates(claim, other):
            return originators(other)
    return {}


RESTATEMENT_REACH = 25  # sentences: a headline's toll is restated in the lede, not at the end of a long file


def contenders(claim: Claim, figures: list[Claim], ctx: Context, span: int = 2) -> list[Claim]:
    """Nearby figures for the same quantity from other originators that disagree with `claim`."""
    mine = set(originators(claim))
    if not mine:
        return []
    out = []
    for other in figures:
        if other.category != claim.category or abs(ctx.paragraph(other) - ctx.paragraph(claim)) > span:
            continue  # the cheap tests first: this runs for every pair of casualty figures
        theirs = set(originators(other))
        if (
            other is claim
            or not theirs
            or theirs & mine
            or other.category != claim.category
            or not _rival_subjects(ctx, claim, other)
            or abs(ctx.paragraph(other) - ctx.paragraph(claim)) > span
        ):
            continue
        if not point(claim).overlaps(point(other)):
            out.append(other)
    return out


def _rival_subjects(ctx: Context, a: Claim, b: Claim) -> bool:
    """Both name the same victims, or neither names any and they sit in one paragraph."""
    if a.subject is None and b.subject is None:
        return ctx.paragraph(a) == ctx.paragraph(b)
    return head(a.subject) is not None and head(a.subject) == head(b.subject)


def grade_claims(ctx: Context) -> None:
    """Set `grade` on every casualty figure."""
    figures = casualty_figures(ctx)
    for claim in figures:
        sources = effective_sources(claim, figures)
        if contenders(claim, figures, ctx):
            claim.grade = "contested"
        elif not sources:
            claim.grade = "unattributed"
        elif len(sources) >= 2 or _corroborated_elsewhere(ctx, claim, figures, set(sources)):
            claim.grade = "corroborated"
        else:
            claim.grade = "single-source"


def _corroborated_elsewhere(ctx: Context, claim: Claim, figures: list[Claim], mine: set[str]) -> bool:
    """Another originator gives the same figure for the same victims (named alike, or close by)."""
    for other in figures:
        if other is claim or not restates(claim, other) or not set(originators(other)) - mine:
            continue
        named = claim.subject is not None and other.subject is not None
        if named or abs(ctx.paragraph(other) - ctx.paragraph(claim)) <= 1:
            return True
    return False


def _names(sources: dict[str, Source]) -> str:
    return ", ".join(s.name for s in sources.values())


@checker("unattributed", options={"casualty_only": True})
def unattributed(ctx: Context, options: dict[str, Any]) -> list[Outcome]:
    """Every casualty figure should say who it rests on."""
    figures = casualty_figures(ctx) if options["casualty_only"] else ctx.figures
    harm = casualty_figures(ctx)
    out = []
    for claim in figures:
        sources = effective_sources(claim, harm)
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
            key, source = next(iter(effective_sources(claim, casualty_figures(ctx)).items()))
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
        rivals = contenders(claim, figures, ctx, options["paragraph_span"])
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
        for other in figures:
            if other is hedged or other.hedge or not restates(hedged, other):
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
