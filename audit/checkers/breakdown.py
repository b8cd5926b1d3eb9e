"""breakdown-sum: a total and its parts ("3,000 casualties = 300 killed + 2,700 wounded").

Ways a text presents a breakdown, from surest to least sure:
- explicit: a total, a colon or dash (or "comprising"), then its parts in the same sentence; or a
  head-count of people, a comma, then its parts ("employs 4,500 people, 3,000 in Britain and 1,500
  abroad"; less sure for a plain count than for a toll);
- casualty taxonomy: "X killed and Y wounded" with a casualty aggregate in the same sentence or
  elsewhere (casualties >= killed + wounded; equal when the pair is presented as the whole);
- difference: "A is B less than C" (A + B = C); a difference named beside its two terms ("exports
  of $1.2tn and imports of $1.8tn left a deficit of $600bn"), or elsewhere ("the trade gap");
- in all: "Nine soldiers and six civilians were killed. In all, 15 people died" (less sure; not a
  running total over a span of time);
- per event: "seven killed in two explosions", then one figure of that category for each event
  in the sentences that follow;
- itemized: a toll, then later figures of the same category that account for it: up to a part
  marked as the rest ("one man ... four other people"), or the lede's toll listed by group ("two
  women and a man"), both read from meaning; else parts that add up exactly (found by value).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, partial
from typing import Any, Literal

from audit.checkers import Confidence, Context, Outcome, checker
from audit.checkers.bounds import Interval, fmt, interval, total
from audit.checkers.relate import (
    NAMED_A_PART,
    OF_THE_OPENS,
    RISEN_TO,
    SEVERE_STATE,
    counted_noun,
    ends_with_cue,
    has_cue,
    head,
    headline_sentences,
    in_other_period,
    is_percent,
    label,
    lede_sentences,
    lexicon,
    number_end,
    of_sentence,
    other_period,
    other_period_or_event,
    running_total,
    same_subject,
    same_unit,
    sentence_text,
    sentence_up_to,
    side_of_a_score,
    starts_with_cue,
    superseded,
    updated,
    vague,
)
from audit.checkers.sourcing import originators
from audit.checkers.tolls import part_of_group
from audit.lexicon import data, words_pattern
from audit.model import HARM_CATEGORIES, PARTS_REFERRED_TO, Claim

Relation = Literal["eq", "le"]
PART_CATEGORIES = ("killed", "wounded", "missing", "captured")
_DASH_OR_COLON = re.compile(r"(?:[:\u2013\u2014]|\s-|-)\s*$")
_IN_ALL_WORDS = r"in\s+all|in\s+total|altogether"  # a total summing up parts given beside it
_JOINER = re.compile(r"^[\s,;]*(?:and|or|plus|as well as|while|with|\u2013|\u2014|-)?[\s,;]*$", re.I)
_CLAUSE = re.compile(r"[.;!?]|\b(?:but|while|whereas|although|after|before|when|because)\b", re.I)


@dataclass
class Breakdown:
    total: Claim
    parts: list[Claim]
    relation: Relation
    confidence: Confidence
    how: str


@checker("breakdown-sum", options={"approx_tolerance": 0.1, "max_joiner_chars": 45})
def breakdown_sum(ctx: Context, options: dict[str, Any]) -> list[Outcome]:
    """A total must equal (or, for casualties, be at least) the sum of its parts, allowing for rounding."""
    found: list[Breakdown] = []
    seen: set[tuple[str, ...]] = set()
    finders = (
        _explicit,
        _total_after,
        _in_all_next,
        _split_next,
        _group_were,
        _rest_of_a_total,
        _rest_closing_a_list,
        _part_and_its_rest,
        _named_whole_listed,
        _brought_to,
        _risen_after_more,
        _taxonomy,
        _difference,
        _named_difference,
        _difference_beside,
        _per_event,
        _itemized,
        _counted_parts,
        _amounts_adding_up,
        _items_exceeding,
    )
    for finder in finders:
        for b in finder(ctx, options):
            key = tuple(sorted(c.id for c in [b.total, *b.parts]))
            if b.relation == "eq" and _a_part_told_without_a_figure(ctx, b):
                continue
            if key not in seen and not any(set(key) <= set(k) for k in seen):
                seen.add(key)
                found.append(b)
    return [_outcome(b, options["approx_tolerance"]) for b in found]


def _a_part_told_without_a_figure(ctx: Context, b: Breakdown) -> bool:
    """ "The state has committed $30 million, and the council is seeking the same amount from
    Canberra": a part told by reference to another has no figure of its own, so the figures listed
    are not all the parts."""
    figures = [b.total, *b.parts]
    start, end = min(c.start for c in figures), max(c.end for c in figures)
    return bool(_SAME_AMOUNT.search(ctx.doc.prose, start, end))


_SAME_AMOUNT = re.compile(
    r"\b(?:the\s+same\s+(?:amount|sum|figure|number)|an?\s+(?:equal|matching|similar|like)\s+(?:amount|sum|"
    r"figure|number)|as\s+much\s+again|the\s+same\s+again)\b",
    re.I,
)


def _outcome(b: Breakdown, approx: float) -> Outcome:
    parts_sum = total(b.parts, approx)
    whole = _total_interval(b, approx)
    stated = sum(c.value or 0.0 for c in b.parts)
    expr = " + ".join(label(p) for p in b.parts)
    details = {
        "how": b.how,
        "relation": "=" if b.relation == "eq" else "<=",
        "sum": stated,
        "sum_range": parts_sum.to_json(),
        "total_range": whole.to_json(),
    }
    claims = [b.total, *b.parts]
    ok = parts_sum.overlaps(whole) if b.relation == "eq" else parts_sum.lo <= whole.hi + 1e-9
    if ok:
        sign = "=" if b.relation == "eq" else "<="
        if stated == b.total.value:
            msg = f"{expr} = {label(b.total)}"
        elif whole.hi == float("inf") or whole.lo <= 0:
            msg = f"{expr} = {fmt(stated)}, consistent with {b.total.text!r}"
        else:
            msg = f"{expr} = {fmt(stated)} {sign} {label(b.total)} (within rounding)"
        return Outcome("pass", claims, msg, details, confidence=b.confidence)
    if parts_sum.lo > whole.hi:
        why = f"the parts exceed {label(b.total)} (at most {fmt(whole.hi)})"
    else:
        why = f"the parts fall short of {label(b.total)} (at least {fmt(whole.lo)})"
    msg = f"{expr} = {fmt(stated)}, but {why}"
    if b.how == "a named difference":
        small, gap = b.parts
        difference = (b.total.value or 0.0) - (small.value or 0.0)
        computed = f"{label(b.total)} - {label(small)} = {fmt(difference)}"
        msg = f"{computed}, but the difference is given as {gap.text}"
        return Outcome("fail", claims, msg, details, anchor=gap, confidence=b.confidence)
    return Outcome("fail", claims, msg, details, anchor=b.total, confidence=b.confidence)


def _total_interval(b: Breakdown, approx: float) -> Interval:
    """A difference total ("less than the £37.5bn") is the stated figure, not a bound."""
    if b.how == "difference" and b.total.value is not None:
        return interval(_as_exact(b.total), approx)
    return interval(b.total, approx)


def _as_exact(claim: Claim) -> Claim:
    from dataclasses import replace

    return replace(claim, qualifier="exact", low=claim.value, high=claim.value)


def _by_sentence(ctx: Context) -> dict[int, list[Claim]]:
    return ctx.figures_by_sentence


def _run(ctx: Context, claims: list[Claim], first: int, max_gap: int, ok: Any) -> list[Claim]:
    """Claims from index `first` on joined by "and"/commas and all satisfying `ok`."""
    run = [claims[first]]
    for nxt in claims[first + 1 :]:
        gap = _gap_text(ctx, run[-1], nxt)
        if len(gap) > max_gap or _CLAUSE.search(gap) or not ok(nxt):
            break
        run.append(nxt)
    return run


def _gap_text(ctx: Context, a: Claim, b: Claim) -> str:
    return ctx.between(a, b)


def _explicit(ctx: Context, options: dict[str, Any]) -> list[Breakdown]:
    out = []
    for claims in _by_sentence(ctx).values():
        for i, whole in enumerate(claims[:-2] if len(claims) > 2 else claims[:-1]):
            gap = ctx.between(whole, claims[i + 1])
            apposition = whole.unit == "people" and bool(_PEOPLE_COMMA.match(gap))
            # "killed 27 people across the country over the weekend: 12 in Bayan, ...": a colon ends it
            colon_later = bool(_COLON_ENDS_CLAUSE.fullmatch(gap))
            too_far = len(gap) > options["max_joiner_chars"] and not colon_later
            if too_far or not (_presents_whole(gap) or apposition or colon_later):
                continue

            def fits(c: Claim, w: Claim = whole, listed: bool = colon_later) -> bool:
                # after a toll's colon, bare numbers by place count its people: "12 in Bayan, 9 in Tarsh";
                # a bare count of entities holds people and things: "23 targets - nine individuals and
                # 14 companies"
                return (
                    _compatible(w, c)
                    or (listed and w.unit == "people" and c.unit is None and c.kind == "bare")
                    or (_bare_count(w) and (_bare_count(c) or c.unit == "people"))
                )

            parts = [p for p in _run(ctx, claims, i + 1, options["max_joiner_chars"], fits) if fits(p)]
            if _bare_count(whole) and all(p.unit == "people" for p in parts):
                continue  # "in three provinces: 112 people were killed in Herat, 87 ...": no count of them
            if len(parts) >= 2 and _parts_joined(ctx, parts):
                # a head-count set out after a comma: surer of a harm's toll than of a plain count
                sure = _presents_whole(gap) or whole.category in HARM_CATEGORIES
                out.append(Breakdown(whole, parts, "eq", "high" if sure else "low", "explicit"))
    return out


def _bare_count(c: Claim) -> bool:
    """A whole number with no unit: a count of things or entities ("23 targets", "14 companies")."""
    return c.unit is None and c.kind == "bare" and float(c.value or 0).is_integer()


def _presents_whole(gap: str) -> bool:
    """ "30 casualties: 12 ...", "the three workers - two ...", "comprising": not "9-3" (a score)."""
    if has_cue(gap, "whole_breakdown_cues"):
        return True
    return bool(_DASH_OR_COLON.search(gap)) and bool(_A_LETTER.search(gap) or ":" in gap)


_A_LETTER = re.compile(r"[A-Za-z]")


# the rest of the whole's clause, then a colon: "people across the country over the weekend: "
_COLON_ENDS_CLAUSE = re.compile(r"[^.;:,()\d]{0,70}:\s*")


# "killed 12 people, eight soldiers and four civilians": a toll of people in general, then its parts
_PEOPLE_COMMA = re.compile(r"^\s*(?:people|persons|others|victims),\s*$", re.I)


def _total_after(ctx: Context, options: dict[str, Any]) -> list[Breakdown]:
    """ "eight soldiers and three civilians, 12 people in all", "..., a total of 12": the parts
    first, then the whole that sums them up."""
    out = []
    for claims in _by_sentence(ctx).values():
        for j, whole in enumerate(claims):
            if j < 2 or not (_TOTAL_OF.search(ctx.before(whole, 20)) or _IN_ALL.match(ctx.after(whole, 25))):
                continue
            gap = ctx.between(claims[j - 1], whole)
            if not _BEFORE_TOTAL.match(gap):
                continue
            parts = [c for c in claims[:j] if _part_before_a_total(whole, c)]
            run = _listed_run(ctx, parts)
            if any(_EACH_BEFORE.search(ctx.before(p, 30)) for p in run):
                continue  # "a grant of $120 for each adult and $60 for each child, a total of $161,000"
            if run and _parts_joined(ctx, run) and run[-1] is claims[j - 1]:
                run = _opening_further_back(ctx, whole, run, parts, options["approx_tolerance"])
                out.append(Breakdown(whole, run, "eq", "high", "explicit, the total after its parts"))
    return out


def _opening_further_back(
    ctx: Context, whole: Claim, run: list[Claim], parts: list[Claim], approx: float
) -> list[Claim]:
    """ "fined him £1,950, the equivalent of 150 per cent of his weekly income of £1,300, and ordered
    him to pay £780 and £90 costs, a total of £2,820": a list whose total its listed run does not
    make may open further back in its sentence, past a clause and the base of a share. The longer
    run is taken only when it makes the total exactly as stated."""
    if total(run, approx).overlaps(interval(whole, approx)):
        return run
    earlier = [c for c in parts if c.start < run[0].start and not _base_of_a_share(ctx, c)]
    for k in range(len(earlier) - 1, -1, -1):
        longer = [*earlier[k:], *run]
        if sum(c.value or 0 for c in longer) == whole.value:
            return longer
    return run


def _base_of_a_share(ctx: Context, c: Claim) -> bool:
    """ "150 per cent of his weekly income of £1,300": the whole a share is taken of."""
    before = [o for o in ctx.figures_in(c.sentence, c.sentence) if o.end <= c.start]
    if not before or not is_percent(before[-1]):
        return False
    return bool(_OF_ITS_BASE.fullmatch(ctx.between(before[-1], c)))


_OF_ITS_BASE = re.compile(
    r"\s+of\s+(?:[\w'\u2019-]+\s+){0,4}?(?:of\s+)?[$\u00a3\u20ac\u00a5\u20b9]?\s*", re.I
)


def _in_all_next(ctx: Context, options: dict[str, Any]) -> list[Breakdown]:
    """ "Nine soldiers and six civilians were killed. In all, 15 people died": a sentence opening with
    "In all" (in total, altogether) sums up the parts listed in the sentence before (less
    sure)."""
    out = []
    by_sentence = _by_sentence(ctx)
    for index, claims in by_sentence.items():
        whole = claims[0]
        sentence = ctx.sentence(whole)
        if sentence is None or not _IN_ALL_OPENS.fullmatch(ctx.doc.prose[sentence.start : whole.start]):
            continue
        if (
            _SPAN_OF_TIME.search(sentence.text)
            or in_other_period(ctx, whole)
            or of_sentence(ctx, whole, running_total)
        ):
            continue  # "In all, 300 soldiers have died this year": a running total, not the sum
        before = [
            c for c in by_sentence.get(index - 1, []) if _compatible(whole, c) or _counted_with(whole, c)
        ]
        run = _listed_run(ctx, before)
        if run and _parts_joined(ctx, run) and not any(c.category == "casualties" for c in run):
            out.append(Breakdown(whole, run, "eq", "low", "in all, the sentence before's parts"))
    return out


def _split_next(ctx: Context, options: dict[str, Any]) -> list[Breakdown]:
    """ "The attack killed 12 people. Eight were soldiers and four were civilians": a sentence that
    opens by splitting the harmed group the sentence before counted ("Eight were soldiers", "Twelve
    were released, and the remaining 18 ...": parts extraction reads as that group's), its parts
    joined by "and", adds up to it (less sure)."""
    out = []
    by_sentence = _by_sentence(ctx)
    for index, claims in by_sentence.items():
        parts = [c for c in claims if c.cue in PARTS_REFERRED_TO]
        if len(parts) < 2 or parts[0] is not claims[0] or not _parts_joined(ctx, parts):
            continue
        if any(updated(ctx, p) for p in parts):
            continue  # "Two more were found and three more ...": added to the group, no split of it
        harmed = [c for c in by_sentence.get(index - 1, []) if c.category == parts[0].category]
        if harmed and all(p.category == harmed[-1].category for p in parts):
            out.append(Breakdown(harmed[-1], parts, "eq", "low", "the group before, split"))
    return out


def _group_were(ctx: Context, options: dict[str, Any]) -> list[Breakdown]:
    """ "Police arrested 57 people ... Those detained were 34 men, 19 women and two minors", "The 23
    dead were nine soldiers, five police officers and seven civilians": a group named back with
    "were", then its members listed, adds up to the group (its own number, or the harm's last count
    in the sentence before, or else the lede's toll of that harm; less sure)."""
    out = []
    by_sentence = _by_sentence(ctx)
    for index, claims in by_sentence.items():
        sentence = ctx.sentence_at(index)
        if sentence is None:
            continue
        opener = _GROUP_WERE.match(sentence.text)
        if opener is None:
            continue
        own = [c for c in claims if c.start - sentence.start < opener.end()]
        listed = [c for c in claims if c.start - sentence.start >= opener.end()]
        run = (
            _run(ctx, listed, 0, options["max_joiner_chars"], lambda c: c.unit == "people") if listed else []
        )
        if len(run) < 2 or not _parts_joined(ctx, run):
            continue
        category = run[0].category
        earlier = [c for c in by_sentence.get(index - 1, []) if c.category == category and c.unit == "people"]
        if not earlier and category in HARM_CATEGORIES:  # "The dead included ..." later: the lede's toll
            earlier = [
                c
                for i in lede_sentences(ctx)
                if i < index
                for c in by_sentence.get(i, [])
                if c.category == category and c.unit == "people" and not vague(c)
            ][:1]
        whole = own[-1] if own else (earlier[-1] if earlier and category in HARM_CATEGORIES else None)
        if whole is not None and whole.value:
            out.append(Breakdown(whole, run, "eq", "low", "the group named back, listed"))
    return out


def _rest_of_a_total(ctx: Context, options: dict[str, Any]) -> list[Breakdown]:
    """ "Revenue rose to $12.6bn. The cloud division contributed $7.9bn and the devices business the
    remaining $4.7bn"; "326 new cases ... Of these, 212 were in the capital and the remaining 114 in
    the east": figures of one unit up to one marked as the rest, in a sentence after a figure of
    that unit, add up to it (the nearest such figure in the sentence before; less sure). Harmed
    groups are `_itemized`'s."""
    out = []
    by_sentence = _by_sentence(ctx)
    for index, claims in by_sentence.items():
        for j, rest in enumerate(claims):
            if j == 0 or rest.category in HARM_CATEGORIES or is_percent(rest):
                continue
            if not _REST_BEFORE.search(ctx.before(rest, 25)):
                continue  # "the remaining $4.1bn", not "52-30 the rest of the way"
            noun = counted_noun(ctx, rest)  # "five smaller parties ... the remaining 20 seats": parties
            parts = [
                c
                for c in claims[:j]
                if _alike_part(ctx, c, rest)
                and not _OTHER_AFTER.match(ctx.after(c, 12))
                and not _sharers(ctx, c)
                and (noun is None or counted_noun(ctx, c) in (None, noun))
            ]
            if any(_EACH_BEFORE.search(ctx.before(p, 30)) for p in parts):
                continue  # "The Centre and the state will each contribute ₹960 crore": two shares of it
            parts.append(rest)  # not "five other candidates shared the remaining 53,700": candidates
            opening = parts[0] if OF_THE_OPENS.search(ctx.before(parts[0], 30)) else None
            named = _OF_THE_NOUN_OPENS.match(ctx.before(parts[0], 60))
            if opening is not None:  # "Of the 150 seats, the Alliance won 71, ... the remaining 17"
                parts, earlier = parts[1:], [opening]
            elif named is not None:  # "Of the jobs to go, 620 ...": the figure of jobs before
                earlier = [c for c in by_sentence.get(index - 1, []) if _counts(ctx, c, named.group(1))]
            else:  # not "£4.9m of the extra cost": itself a part of the whole
                earlier = [
                    c
                    for c in by_sentence.get(index - 1, [])
                    if same_unit(c, rest) and not is_percent(c) and not _OF_THE_AFTER.match(ctx.after(c, 12))
                ]
            if len(parts) < 2 or len(earlier) != 1:
                continue  # one total before, or no telling which ("41,920 votes ... of the 80,000")
            if _A_FURTHER_OPENS.search(ctx.before(parts[0], 20)):
                continue  # "17.6 million plan to drive. Another 2.1 million will fly": a sibling, no whole
            whole = earlier[0]
            if _SHARE_OF_A_WHOLE_AFTER.match(ctx.after(whole, 60)):
                continue  # "the largest item at £168.2m, just over 40 per cent of the total": a part
            if noun is not None and counted_noun(ctx, whole) == noun and opening is None and named is None:
                continue  # "came second with 52 seats. ... won 21 seats ... the remaining 20 seats": a peer
            if (whole.value or 0) > max(p.value or 0 for p in parts):
                out.append(Breakdown(whole, parts, "eq", "low", "the parts up to the rest"))
    return out


def _rest_closing_a_list(ctx: Context, options: dict[str, Any]) -> list[Breakdown]:
    """ "welcomed 2,450,318 visitors ... South Korea ... with 712,406 arrivals, or about 29 percent of
    the total. The United States followed with 431,877, then Japan with 268,295 ... Visitors from all
    other markets accounted for the remaining 762,688"; "completed 4,720 homes ... Private sales
    accounted for 3,180 completions, with the remaining 1,090": the rest of a total, marked so, closes
    the parts told since the total, up to `_LIST_REACH` sentences back. Walking back from the rest,
    the total is the first figure of its unit larger than every part after it that is no share of a
    whole itself; an old value, another period's figure or a vague one is passed over (less sure)."""
    out = []
    for rest in ctx.figures:
        if rest.category in HARM_CATEGORIES or is_percent(rest) or vague(rest):
            continue
        if not _REST_BEFORE.search(ctx.before(rest, 25)):
            continue
        found = _list_before_rest(ctx, rest)
        if found is None:
            continue
        whole, parts = found
        near = _NEAR_SUM[0] <= sum(p.value or 0 for p in parts) / (whole.value or 1) <= _NEAR_SUM[1]
        each = any(_EACH_BEFORE.search(ctx.before(p, 30)) for p in parts)
        if near and not each and not _RANKED_PEER.search(ctx.before(whole, 60)):
            out.append(Breakdown(whole, parts, "eq", "low", "a list closed by its rest"))
    return out


_LIST_REACH = 3  # sentences back from "the remaining N" to the total it closes
# A list told over sentences is read as the total's partition only when its parts come near it: far
# off, they are another list's ("took 33,600 votes ... shared the remaining 4,480" after "of the
# 80,000 valid ballots"), while a typo of one figure leaves the sum within a quarter of the total.
_NEAR_SUM = (0.75, 1.25)
# "The largest of the three housed 64,000", "came second with 52 seats": a peer of the parts ranked
_RANKED_PEER = re.compile(
    r"\b(?:largest|biggest|smallest|second|third|fourth|fifth|first)\b(?:[^.;:]|(?<=\d)\.(?=\d)){0,50}$", re.I
)
# "The Centre and the state will each contribute ₹1,388 crore": one share of several alike
_EACH_BEFORE = re.compile(r"\beach\s+(?:[a-z]+\s+){0,2}$", re.I)


def _list_before_rest(ctx: Context, rest: Claim) -> tuple[Claim, list[Claim]] | None:
    """Walking back from the rest over the figures of its unit, up to `_LIST_REACH` sentences: each is
    a part until one may total those gathered, two or more ("gave KSh21.6 million, while companies
    gave KSh11.2 million. The remaining KSh4.6 million ...": the larger part before the rest is no
    total of it). A figure listed in a sentence with a part, or with a larger figure of its unit
    ("took 9,214 votes, ahead of ... on 7,886"), is an item of a list, never its total."""
    parts = [rest]
    earlier = [
        c
        for c in ctx.figures_in(rest.sentence - _LIST_REACH, rest.sentence)
        if c.start < rest.start and _alike_in_a_list(ctx, c, rest)
    ]
    for c in reversed(earlier):
        if c.sentence < rest.sentence and _totals(ctx, c, parts, earlier):
            exact = c.qualifier != "approx"
            return (c, parts[::-1]) if exact and not _a_hole_in_the_list(ctx, c, rest, earlier) else None
        parts.append(c)
    return None


def _a_hole_in_the_list(ctx: Context, whole: Claim, rest: Claim, listed: list[Claim]) -> bool:
    """Does a figure of the rest's unit that is no part of the list ("Another 1.8 million will be on
    foot", read as an update) sit between the total and the rest? The list is then not told whole."""
    return any(
        whole.start < c.start < rest.start
        and c not in listed
        and same_unit(c, rest)
        and not is_percent(c)
        and not vague(c)
        and c.unit not in _SPANS_OF_TIME
        and not _COMPARED_WITH.search(ctx.before(c, 40))  # "than last year's $2.05m": no item
        for c in ctx.figures_in(whole.sentence, rest.sentence)
    )


def _totals(ctx: Context, c: Claim, parts: list[Claim], figures: list[Claim]) -> bool:
    """May `c` total `parts`: two or more of them, no part itself, not listed beside a part or a
    larger figure of its own sentence, and near their sum? An "about" figure totals nothing a list is
    told of ("on about 60 motorcycles")."""
    if len(parts) < 2 or _named_as_a_part(ctx, c) or any(p.sentence == c.sentence for p in parts):
        return False
    if any((o.value or 0) > (c.value or 0) for o in figures if o.sentence == c.sentence):
        return False
    return _may_total(c, parts)


def _may_total(c: Claim, parts: list[Claim]) -> bool:
    """Larger than every part and near their sum, not merely larger than each ("France followed with
    251,870, then Italy with 190,455 ...": an item bigger than the next ones is no total)."""
    value = c.value or 0
    return value > max(p.value or 0 for p in parts) and value >= _NEAR_SUM[0] * sum(
        p.value or 0 for p in parts
    )


def _named_as_a_part(ctx: Context, c: Claim) -> bool:
    """ "or about 29 percent of the total", "including £6.1 billion for health", "Of the 90,000 valid
    ballots, Ms Arden won 46,800", "£5.1m of the extra cost came from corrosion": a part, named so."""
    return (
        _is_a_share(ctx, c)
        or bool(NAMED_A_PART.search(ctx.before(c, 20)))
        or bool(_OF_A_FIGURE_OPENS.match(sentence_up_to(ctx, c)))
        or bool(_OF_THE_AFTER.match(ctx.after(c, 12)))
    )


def _sharers(ctx: Context, c: Claim) -> bool:
    """ "two independents shared the remaining 4,500": those who share the rest are no part of it."""
    return bool(_SHARERS_AFTER.match(ctx.after(c, 40)))


_SHARERS_AFTER = re.compile(r"^\s+(?:[\w-]+\s+){0,3}?(?:shared|share|shares|split|divided)\b", re.I)


def _alike_in_a_list(ctx: Context, c: Claim, rest: Claim) -> bool:
    """A figure that may be a part or the total of the rest's list: of its unit (a head-count of
    people and a bare count alike), no share, no old value, no other period's, not vague."""
    unit_fits = same_unit(c, rest) or {c.unit, rest.unit} <= {None, "people"}
    if not unit_fits or c.category in HARM_CATEGORIES or side_of_a_score(ctx, c) or _sharers(ctx, c):
        return False
    if is_percent(c) or vague(c) or c.kind == "fraction" or c.unit in _SPANS_OF_TIME:
        return False
    old = ends_with_cue(ctx.before(c, 25), "from_words")  # "up 16.4 per cent from N2.07 trillion"
    of_a_group = _OF_BEFORE.search(ctx.before(c, 12))  # "only one of the two recommended doses"
    compared = _COMPARED_WITH.search(ctx.before(c, 40))  # "14 per cent more than last year's $2.05m"
    # a figure in the rest's own sentence is told of the rest's period, whatever it is; one beside a
    # figure set against it ("raised $2.34m, 14 per cent more than last year's $2.05m") is the current
    other = c.sentence != rest.sentence and in_other_period(ctx, c) and not _beside_a_comparison(ctx, c)
    return not (old or of_a_group or compared or other or updated(ctx, c))


def _beside_a_comparison(ctx: Context, c: Claim) -> bool:
    """Is a later figure of the sentence the one set against `c` ("than last year's $2.05m", "up
    from ₹16,050 crore a year ago"), so that the sentence's other period is that figure's?"""
    return any(
        o is not c
        and o.start > c.end
        and (_COMPARED_WITH.search(ctx.before(o, 40)) or ends_with_cue(ctx.before(o, 25), "from_words"))
        for o in ctx.figures_in(c.sentence, c.sentence)
    )


_COMPARED_WITH = re.compile(
    r"(?:\bthan\s+(?:[\w'\u2019-]+\s+){0,3}|\b(?:last|previous|the\s+previous)\s+(?:year|month|week|season)"
    r"['\u2019]s\s+)[$\u00a3\u20ac\u00a5]?\s*$",
    re.I,
)


_OF_A_FIGURE_OPENS = re.compile(r"\W*(?:of|among)\s+(?:the\s+)?[$\u00a3\u20ac\u00a5]?\d[^,.;:]{0,60},", re.I)


_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+|its\s+|their\s+)?$", re.I)


def _is_a_share(ctx: Context, c: Claim) -> bool:
    """ "712,406 arrivals, or about 29 percent of the total", "34,210 detainees, more than a quarter of
    the national total": the figure's own clause gives it as a share of a whole."""
    after = ctx.after(c, 60)
    return bool(_SHARE_OF_A_WHOLE_AFTER.match(after) or _ITS_SHARE_AFTER.match(after))


# "Reede, 251,900, or 34.9%", "12,037 (36.8 per cent)": a figure given with its share of the whole
_ITS_SHARE_AFTER = re.compile(
    r"^[\sa-z]{0,25}?(?:,\s*or\s+(?:about\s+|nearly\s+|some\s+)?|\(\s*)\d[\d.]*\s*(?:%|per\s*cent|percent)",
    re.I,
)


def _counted_parts(ctx: Context, options: dict[str, Any]) -> list[Breakdown]:
    """ "Three wildfires have burned a combined 48,300 hectares" then the three fires' hectares; "a
    $5.9m budget. The money is split three ways: $3.2m ..., $1.1m ... and $0.6m ..."; "41,212 votes
    ... 33,870 ... 9,455 votes. In all, 84,537 votes were cast for the three candidates": a whole
    whose sentence says how many parts it has ("three wildfires", "split three ways", "the three
    candidates"; the first part's sentence may say it too) and exactly that many figures of its
    unit, each smaller than it, in the two sentences after it (or, when it sums up, "in all", "a
    total of", "combined", in the two before it) add up to it (less sure)."""
    out = []
    for whole in ctx.figures:
        if not _may_be_counted_whole(ctx, whole):
            continue
        readings = [_parts_after(ctx, whole)]
        if _SUMS_UP.search(sentence_text(ctx, whole)):
            readings.append(_parts_before(ctx, whole))
        for parts, counted_in in readings:
            count = _part_count(ctx, counted_in, exclude={whole.id, *(p.id for p in parts)})
            if count is not None and count == len(parts) and _plain_parts(ctx, whole, parts):
                out.append(Breakdown(whole, parts, "eq", "low", "as many parts as the whole names"))
                break
    return out


def _may_be_counted_whole(ctx: Context, whole: Claim) -> bool:
    """A plain figure that is no toll (tolls have finders of their own), no share, no old value
    ("from 7.92 billion kroner a year earlier") and no item of a list of its unit ("42 buildings, 14
    hotels, 40 mosques, 8 bridges and 4 schools")."""
    if whole.value is None or is_percent(whole) or vague(whole) or whole.kind == "fraction":
        return False
    if whole.category in HARM_CATEGORIES or updated(ctx, whole) or in_other_period(ctx, whole):
        return False
    if (whole.unit is None and counted_noun(ctx, whole) is None) or whole.unit in _SPANS_OF_TIME:
        return False  # "Ann Lee, 29, ... her two sons, aged four and seven": ages, no count of anything
    if ends_with_cue(ctx.before(whole, 25), "from_words"):
        return False
    peers = ctx.figures_in(whole.sentence, whole.sentence)
    return not any(c.start < whole.start and _compatible(whole, c) for c in peers)


def _parts_after(ctx: Context, whole: Claim) -> tuple[list[Claim], tuple[int, ...]]:
    """The figures of the whole's unit in its sentence after it and in the two sentences after; the
    sentences where their number may be named (the whole's and the first part's)."""
    parts = [
        c
        for c in ctx.figures_in(whole.sentence, whole.sentence + 2)
        if c.start > whole.start and _compatible(whole, c) and not is_percent(c)
    ]
    return parts, (whole.sentence, parts[0].sentence) if parts else ()


def _parts_before(ctx: Context, whole: Claim) -> tuple[list[Claim], tuple[int, ...]]:
    parts = [
        c
        for c in ctx.figures_in(whole.sentence - 2, whole.sentence)
        if c.start < whole.start and _compatible(whole, c) and not is_percent(c)
    ]
    return parts, (whole.sentence,)


def _part_count(ctx: Context, sentences: Iterable[int], exclude: set[str]) -> int | None:
    """The number of parts a sentence names: "three wildfires", "the three candidates", "split
    three ways", "a three-way contest" (a small whole number before a plural noun or "ways")."""
    counts = {
        int(c.value or 0)
        for i in set(sentences)
        for c in ctx.figures_in(i, i)
        if c.id not in exclude
        and c.kind in ("bare", "count")
        and c.category in ("count", "other")
        and c.value in _SMALL_COUNTS
        and _COUNTED_NOUN_AFTER.match(ctx.after(c, 30))
    }
    return counts.pop() if len(counts) == 1 else None


def _plain_parts(ctx: Context, whole: Claim, parts: list[Claim]) -> bool:
    """Two or more parts, each smaller than the whole, none vague, a change or another period's; for a
    bare whole, whole numbers that count what it counts ("46.3 overs" is no part of "268")."""
    if len(parts) < 2:
        return False
    if whole.unit is None and any(
        counted_noun(ctx, p) not in (None, counted_noun(ctx, whole)) or not float(p.value or 0).is_integer()
        for p in parts
    ):
        return False
    return all(
        (p.value or 0) < (whole.value or 0)
        and not vague(p)
        and not updated(ctx, p)
        and not of_sentence(ctx, p, other_period_or_event)
        for p in parts
    )


_SMALL_COUNTS = frozenset(float(n) for n in range(2, 13))
_COUNTED_NOUN_AFTER = re.compile(r"^(?:-way\b|\s+ways\b|\s+(?:[a-z-]+\s+)?[a-z]{3,}s\b)", re.I)
_SUMS_UP = re.compile(r"\b(?:in\s+all|in\s+total|altogether|a\s+total\s+of|combined|overall)\b", re.I)


def _part_and_its_rest(ctx: Context, options: dict[str, Any]) -> list[Breakdown]:
    """ "abducted 47 pupils ... rescued 11 of the pupils ... the remaining 36 pupils": a part named
    "N of the X" and then "the remaining (or other) M X" within two sentences add up to the earlier
    figure that counts X (the nearest before the part that is no part itself). Less sure."""
    out = []
    figures = ctx.figures
    for rest in figures:
        if not _REST_BEFORE.search(ctx.before(rest, 25)):
            continue
        noun = counted_noun(ctx, rest)
        if noun is None:
            continue
        of_the_noun = re.compile(rf"^\s+of\s+(?:the|those|these)\s+(?:[a-z-]+\s+)?{re.escape(noun)}\b", re.I)
        part = next(
            (
                c
                for c in reversed(ctx.figures_in(rest.sentence - 2, rest.sentence))
                if c.end <= rest.start
                and of_the_noun.match(ctx.doc.prose[number_end(c) : number_end(c) + 40])
            ),
            None,
        )
        if part is None or not same_unit(part, rest) and not {part.unit, rest.unit} <= {None, "people"}:
            continue
        wholes = [
            c
            for c in ctx.figures_in(part.sentence - 6, part.sentence)
            if c.end <= part.start
            and counted_noun(ctx, c) == noun
            and not _PARTITIVE_AFTER.match(ctx.after(c, 30))
            and not vague(c)
        ]
        if wholes and (wholes[-1].value or 0) > max(part.value or 0, rest.value or 0):
            out.append(Breakdown(wholes[-1], [part, rest], "eq", "low", "a part and its rest"))
    return out


def _named_whole_listed(ctx: Context, options: dict[str, Any]) -> list[Breakdown]:
    """ "The UN appealed for $480m ... The appeal includes $260m for food, $150m for water and $90m
    for health": a sentence that opens on a whole by its noun ("the appeal", "the package") and lists
    amounts of its unit; the whole is the earlier figure of that unit whose words name it (within two
    sentences). "includes" lists some of it (at most the whole), "comprises" all of it."""
    out = []
    by_sentence = _by_sentence(ctx)
    for index, claims in by_sentence.items():
        sentence = ctx.sentence_at(index)
        opener = _WHOLE_LISTED.match(sentence.text) if sentence is not None else None
        if sentence is None or opener is None:
            continue
        beyond = _BEYOND_THE_LIST.search(sentence.text, opener.end())  # "..., along with 376 rounds"
        stop = sentence.start + (beyond.start() if beyond else len(sentence.text))
        listed = [
            c
            for c in claims
            if c.start - sentence.start >= opener.end() and c.start < stop and not is_percent(c)
        ]
        run = (
            _run(ctx, listed, 0, options["max_joiner_chars"] + 30, lambda c, f=listed[0]: same_unit(c, f))
            if listed
            else []
        )
        if len(run) < 2 or not _parts_joined(ctx, run):
            continue
        stem = opener.group(1).lower()[:5]
        earlier = [
            c
            for i in (index - 1, index - 2)
            for c in by_sentence.get(i, [])
            if same_unit(c, run[0]) and (stem in ctx.before(c, 30).lower() or stem == "total")
        ]  # "The total was made up of": the nearest sum of its unit before
        if stem == "total":
            earlier = earlier[:1]
        if earlier:
            relation: Relation = "eq" if opener.group(2).lower().startswith(_ALL_OF) else "le"
            out.append(Breakdown(earlier[0], run, relation, "low", "a whole named back, listed"))
    return out


# what a list adds beyond the whole it lists: "comprised nine rifles and 14 pistols, along with 376 rounds"
_BEYOND_THE_LIST = re.compile(
    r"\b(?:along\s+with|as\s+well\s+as|together\s+with|in\s+addition\s+to|besides|alongside)\b", re.I
)
# "The appeal includes", "The package comprises", "The plan consists of": a whole by its noun, its list
_WHOLE_LISTED = re.compile(
    r"^\W*the\s+(?:[a-z]+\s+)?([a-z]{4,})\s+(includes|included|comprises|comprised|consists\s+of|covers|"
    r"(?:is|was|were)\s+made\s+up\s+of|breaks\s+down\s+as|broke\s+down\s+as)\s+",
    re.I,
)
_ALL_OF = ("compris", "consist", "is made", "was made", "were made", "breaks", "broke")


def _alike_part(ctx: Context, c: Claim, rest: Claim) -> bool:
    """A figure of the rest's unit and kind that counts no harm and is no side of a score ("52-30")."""
    return same_unit(c, rest) and c.category not in HARM_CATEGORIES and not side_of_a_score(ctx, c)


_OTHER_AFTER = re.compile(r"\s+other\b", re.I)
# "Another 2.1 million", "A further $3m": one more part after a part the sentence before gave
_A_FURTHER_OPENS = re.compile(
    r"(?:^|[.;:]\s*|\n)\W*(?:another|a\s+further)\s*[$\u00a3\u20ac\u00a5]?\s*$", re.I
)
# "..., just over 40 per cent of the total": the figure's own clause gives it as a share of a whole
_SHARE_OF_A_WHOLE_AFTER = re.compile(
    r"[^.;:\d]{0,25}?,\s*(?:[a-z]+\s+){0,3}?(?:\d[\d.]*\s*(?:%|per\s*cent|percent)|(?:a|one)\s+(?:quarter|third|fifth)|"
    r"half|two\s+thirds|three\s+quarters)\s+of\s+(?:the|its|all)\b",
    re.I,
)
_OF_THE_AFTER = re.compile(r"\s+of\s+(?:the|its|their)\b", re.I)
# "Of the jobs to go, ": a clause opening on a group by its noun, no number
_OF_THE_NOUN_OPENS = re.compile(r"^\W*(?:of|among)\s+the\s+([a-z]{3,})\b[^,.;:\d]{0,40},\s*$", re.I)


def _counts(ctx: Context, c: Claim, noun: str) -> bool:
    """The figure is followed (past one word at most) by `noun`: "1,450 jobs", "1,450 office jobs"."""
    return bool(re.match(rf"\s+(?:[a-z-]+\s+)?{re.escape(noun)}\b", ctx.after(c, 40), re.I))


_REST_BEFORE = re.compile(
    r"\bthe\s+(?:remaining|other|rest\s+of\s+the|rest\s+at|(?:rest|balance|remainder)\s*,)\s*"
    r"[$\u00a3\u20ac\u00a5]?\s*$",
    re.I,
)  # "women make up the rest at 12,482", "with the rest, $450,000, from events"


# "Those detained were", "The 23 dead were", "The victims were": a group named back, then its list
_GROUP_WERE = re.compile(
    r"^\W*(?:those\s+[a-z]+|the\s+(?:\d[\d,]*\s+|[a-z]+\s+)?(?:dead|injured|wounded|victims|detained|"
    r"arrested|missing|hostages|casualties))\s+(?:were|are)\s+",
    re.I,
)


_IN_ALL_OPENS = re.compile(rf"\W*(?:{_IN_ALL_WORDS})\s*,?\s*(?:(?:at\s+least|some|about|nearly)\s+)?", re.I)
_SPAN_OF_TIME = re.compile(
    r"\b(?:this|that|the\s+past|the\s+last)\s+(?:year|month|week|decade)\b|\bsince\b", re.I
)


def _listed_run(ctx: Context, parts: list[Claim]) -> list[Claim]:
    """The last two of `parts` and those listed before them ("eight soldiers, three police and two
    civilians"); none when there are fewer than two."""
    if len(parts) < 2:
        return []
    run = parts[-2:]
    while len(parts) > len(run) and _listed_before(ctx, parts[-len(run) - 1], run[0]):
        run.insert(0, parts[-len(run) - 1])
    return run


def _counted_with(whole: Claim, part: Claim) -> bool:
    """ "eight soldiers and three civilians were killed, 12 people in all": a head-count summing up
    parts of one harm takes their harm."""
    return (
        whole.category == "count" and whole.unit == part.unit == "people" and part.category in HARM_CATEGORIES
    )


def _part_before_a_total(whole: Claim, part: Claim) -> bool:
    """A figure the total after it may sum: of its kind, a harm's head-count summed by a head-count,
    or a head-count summed by a bare total ("eight soldiers and four civilians, a total of 12")."""
    bare_total = whole.unit is None and whole.kind == "bare" and part.unit == "people"
    return _compatible(whole, part) or _counted_with(whole, part) or bare_total


def _brought_to(ctx: Context, options: dict[str, Any]) -> list[Breakdown]:
    """ "killed 11 workers. Three more died in hospital, bringing the toll to 14": the new toll is the
    toll before it plus the figure announced as more, of its harm (less sure)."""
    out = []
    for claims in _by_sentence(ctx).values():
        for j, whole in enumerate(claims):
            if j == 0 or not _BRINGING_TO.search(ctx.before(whole, 60)):
                continue
            more = next((c for c in reversed(claims[:j]) if updated(ctx, c) and _compatible(whole, c)), None)
            if more is None:
                # "Eight soldiers and four civilians were killed, bringing the toll to 12": these
                # deaths are among the new toll
                harmed = [c for c in claims[:j] if c.category == whole.category and same_unit(c, whole)]
                run = _listed_run(ctx, harmed)
                if run and _parts_joined(ctx, run):
                    out.append(Breakdown(whole, run, "le", "low", "a toll brought up to date, these in it"))
                continue
            # its own sentence too: "A first shipment of 250,000 ... and a further 400,000"
            earlier = [c for c in _tolls_before(ctx, whole, more) if _the_same_things(ctx, c, more)]
            if earlier:
                out.append(Breakdown(whole, [earlier[-1], more], "eq", "low", "a toll brought up to date"))
    return out


def _the_same_things(ctx: Context, earlier: Claim, more: Claim) -> bool:
    """A bare number counts what its words say: an earlier one is the same things as the one
    announced as more only in its sentence or when both count one noun ("431 accidents" is no
    stock of "250 more cameras"). Harms, head-counts and measures say what they count."""
    if more.unit is not None or more.category != "other" or earlier.sentence == more.sentence:
        return True
    noun = counted_noun(ctx, earlier)
    return noun is not None and noun == counted_noun(ctx, more)


def _tolls_before(ctx: Context, toll: Claim, anchor: Claim) -> list[Claim]:
    """The figures of the toll's harm and unit before `anchor`, in its sentence and the six before
    it, that are no change themselves: the toll as it stood."""
    return [
        c
        for c in ctx.figures_in(max(0, anchor.sentence - 6), anchor.sentence)
        if c.end <= anchor.start
        and c.category == toll.category
        and same_unit(c, toll)
        and not updated(ctx, c)
    ]


def _risen_after_more(ctx: Context, options: dict[str, Any]) -> list[Breakdown]:
    """ "The toll rose to 57 after six more injured persons succumbed ... officials had put the
    number of dead at 51"; "has risen to 11 after the bodies of two herders were retrieved. Nine
    people had been confirmed dead": a toll risen to N after M more is the toll before plus M. The
    toll before is the last of its harm in the six sentences before (not itself a change), or one
    the next two sentences give in the past perfect ("had put", "had been confirmed"). Less sure."""
    out = []
    for claims in _by_sentence(ctx).values():
        for j, whole in enumerate(claims):
            if whole.category not in HARM_CATEGORIES or not RISEN_TO.search(ctx.before(whole, 20)):
                continue
            more = next(
                (
                    c
                    for c in claims[j + 1 :]
                    if _compatible(whole, c) and _AFTER_WORD.search(ctx.between(whole, c))
                ),
                None,
            )
            if more is None or (more.value or 0) >= (whole.value or 0):
                continue
            before = _tolls_before(ctx, whole, whole)
            after = [
                c
                for c in ctx.figures_in(whole.sentence + 1, whole.sentence + 2)
                if c.category == whole.category and same_unit(c, whole) and _in_past_perfect(ctx, c)
            ]
            old = before[-1] if before else (after[0] if after else None)
            if old is not None and (old.value or 0) < (whole.value or 0):
                out.append(Breakdown(whole, [old, more], "eq", "low", "a toll risen after more"))
    return out


def _in_past_perfect(ctx: Context, c: Claim) -> bool:
    """ "officials had put the number of dead at 51", "Nine people had been confirmed dead": a figure
    its clause gives in the past perfect, a toll that stood before."""
    return bool(_HAD_BEFORE.search(ctx.before(c, 60)) or _HAD_AFTER.match(ctx.after(c, 40)))


_AFTER_WORD = re.compile(r"\bafter\b", re.I)
_HAD_BEFORE = re.compile(r"\bhad\s+(?:been\s+)?[a-z]+(?:ed|t|en)\b[^.;]*$", re.I)
_HAD_AFTER = re.compile(r"^\s*(?:[a-z]+\s+){0,2}?had\s+(?:been\s+)?[a-z]+(?:ed|t|en)\b", re.I)


# "bringing the toll to", "raising the death toll to", "taking the total number of dead to"
_BRINGING_TO = re.compile(
    r"\b(?:bringing|taking|raising|pushing|lifting)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?"
    r"(?:toll|total|number|tally|count)\b[^.;:]{0,30}?\bto\s*$",
    re.I,
)


def _listed_before(ctx: Context, a: Claim, b: Claim) -> bool:
    return bool(_LISTED_BEFORE.match(ctx.between(a, b)))


# "eight soldiers, three police": a comma; "health (£40bn), education (£30bn)": a bracketed amount
# after its label, then the next label
_LISTED_BEFORE = re.compile(
    r"^[^.;:()]{0,30}?,\s*$|^\s*\)\s*,\s*[A-Za-z][^.;:()\d]{0,30}\(\s*[$\u00a3\u20ac\u00a5]?$"
)


# "a total of" before the whole; "in all", "in total", "altogether" after it (and its noun)
_TOTAL_OF = re.compile(
    r"\b(?:a\s+total\s+of|totall?ing|totall?ed|adding\s+up\s+to|making(?:\s+a\s+total\s+of)?)\s*"
    r"[$\u00a3\u20ac\u00a5]?\s*$",
    re.I,
)
_IN_ALL = re.compile(rf"^\s*(?:[a-z]+\s+)?(?:{_IN_ALL_WORDS})\b", re.I)
# between the last part and the whole: its noun, then a comma or a dash (and "a total of")
_BEFORE_TOTAL = re.compile(
    r"^\s*\)?\s*(?:[a-z]+(?:\s+[a-z]+){0,2})?\s*\)?\s*(?:,|\s[-\u2013\u2014])\s*"
    r"(?:a\s+total\s+of\s+|totall?ing\s+|adding\s+up\s+to\s+|making(?:\s+a\s+total\s+of)?\s+|some\s+)?"
    r"[$\u00a3\u20ac\u00a5]?\s*$",
    re.I,
)


def _parts_joined(ctx: Context, parts: list[Claim]) -> bool:
    """The parts read as one list: the last two joined by "and" (or "plus")."""
    last_gap = ctx.between(parts[-2], parts[-1])
    return bool(_AND_OR_PLUS.search(last_gap))


_AND_OR_PLUS = re.compile(r"\b(?:and|plus)\b", re.I)


def _compatible(whole: Claim, part: Claim) -> bool:
    if whole.category == "casualties":
        return part.category in PART_CATEGORIES
    if whole.unit == "people" or part.unit == "people":
        return whole.unit == part.unit and part.category in (whole.category, "count", "other")
    return same_unit(whole, part) and part.value is not None and whole.value is not None


def _taxonomy(ctx: Context, options: dict[str, Any]) -> list[Breakdown]:
    """Killed + wounded (+ missing, captured) in one sentence, against a casualty aggregate."""
    out = []
    aggregates = [c for c in ctx.figures if c.category == "casualties"]
    for claims in _by_sentence(ctx).values():
        i = 0
        while i < len(claims):
            if claims[i].category not in PART_CATEGORIES:
                i += 1
                continue
            group = _run(ctx, claims, i, options["max_joiner_chars"], lambda c: c.category in PART_CATEGORIES)
            i += len(group)
            # "Eight people, among them two paramedics, were killed": a part of a part is no item
            group = [c for c in group if not NAMED_A_PART.search(ctx.before(c, 20))]
            cats = {c.category for c in group}
            if len(group) < 2 or len(cats) < 2 or not cats & {"killed", "wounded"}:
                continue
            whole = _aggregate_for(ctx, group, aggregates)
            if whole is not None and (
                _REST_BEFORE.search(ctx.before(whole, 25)) or _OTHER_AFTER.match(ctx.after(whole, 10))
            ):
                continue  # "The other four victims", "Six other victims": the rest of a group, no total
            if whole is not None and _names_the_dead(ctx, whole, group):
                continue  # "Four killed, 37 injured ... All four victims were crew members"
            if whole is not None and not (
                whole.sentence != group[0].sentence
                and _other_sources(whole, group)
                and not _opens_on_the_whole(ctx, group[0])
            ):
                out.append(_taxonomy_breakdown(ctx, whole, group))
    return out


def _names_the_dead(ctx: Context, whole: Claim, group: list[Claim]) -> bool:
    """Victims named back definitely ("All four victims were crew members") as many as the group's
    dead are the dead, no casualty total of the killed and the wounded."""
    dead = sum(c.value or 0 for c in group if c.category == "killed")
    return _victims_named_back(ctx, whole) and whole.value == dead


def _victims_named_back(ctx: Context, claim: Claim) -> bool:
    """ "the six victims", "all four victims": victims named back definitely, a group already counted."""
    after = ctx.doc.prose[number_end(claim) : number_end(claim) + 12]
    return bool(_VICTIMS_AFTER.match(after) and _DEFINITE_BEFORE.search(ctx.before(claim, 12)))


_VICTIMS_AFTER = re.compile(r"^\s+victims\b", re.I)
_DEFINITE_BEFORE = re.compile(r"\b(?:the|all|those|these|both|all\s+the)\s*$", re.I)


def _aggregate_for(ctx: Context, group: list[Claim], aggregates: list[Claim]) -> Claim | None:
    """The casualty aggregate the group breaks down: in its sentence, else the only one that fits."""
    first = group[0]
    here = [a for a in aggregates if a.sentence == first.sentence and a.start < first.start]
    if here:
        return here[-1]
    fitting = [a for a in aggregates if all(same_subject(a, p) for p in group)]
    if len({a.value for a in fitting}) != 1:
        return None
    before = [a for a in fitting if a.start < first.start and ctx.paragraph(first) - ctx.paragraph(a) <= 6]
    if before:
        return before[-1]
    if in_other_period(ctx, first):
        return None  # parts in a story's background ("Earlier this year, a gunman killed three ...")
    after = [  # "killed 20 and wounded 30 ... the attack left 50 casualties": the total given later
        a
        for a in fitting
        if a.start > group[-1].end
        and ctx.paragraph(a) - ctx.paragraph(first) <= 6
        and not _updated_toll(ctx, a)
        and not in_other_period(ctx, a)
    ]
    return after[0] if after else None


def _opens_on_the_whole(ctx: Context, first: Claim) -> bool:
    """ "Of those, 17 were killed and 68 wounded": the parts' sentence opens by pointing at the total
    before it, so they break that total down whoever gives them."""
    return bool(_POINTS_BACK.match(ctx.before(first, 60)))


# at the start of a sentence, nothing but a pointer at the group before and its verb
_POINTS_BACK = re.compile(
    r"^\W*(?:of|among)\s+(?:those|them|these|the\s+(?:casualties|victims))\b[^.;:\d]*$", re.I
)


def _other_sources(whole: Claim, parts: list[Claim]) -> bool:
    """A total and parts from another sentence that rest on originators they do not share ("at least
    50 killed or wounded, an official said" ... "12 killed and 12 injured, the governor's spokesman
    said") are two sources' figures, which the contested rule compares, not one breakdown."""
    of_whole = set(originators(whole))
    of_parts = set().union(*(originators(p) for p in parts))
    return bool(of_whole) and bool(of_parts) and not of_whole & of_parts


def _taxonomy_breakdown(ctx: Context, whole: Claim, group: list[Claim]) -> Breakdown:
    same_sentence = whole.sentence == group[0].sentence
    gap = ctx.between(whole, group[0]) if same_sentence else ""
    if same_sentence and has_cue(gap, "part_cues"):
        return Breakdown(whole, group, "le", "high", "taxonomy: some of the casualties")
    if same_sentence:
        return Breakdown(whole, group, "eq", "high", "taxonomy: the casualties broken down")
    return Breakdown(whole, group, "eq", "low", "taxonomy: casualties >= killed + wounded")


def _difference(ctx: Context, options: dict[str, Any]) -> list[Breakdown]:
    """ "A - B less than C": C = A + B; "A, B more than C": A = C + B."""
    out = []
    for claims in _by_sentence(ctx).values():
        for a, b, c in zip(claims, claims[1:], claims[2:], strict=False):
            if not (same_unit(a, b) and same_unit(b, c)) or a.kind in ("count", "bare", "percent"):
                continue
            gap_bc = ctx.doc.prose[number_end(b) : c.number_start]
            if len(ctx.between(a, b)) > 12:
                continue
            if starts_with_cue(gap_bc, "difference_less") and len(gap_bc) < 20:
                out.append(Breakdown(c, [a, b], "eq", "high", "difference"))
            elif starts_with_cue(gap_bc, "difference_more") and len(gap_bc) < 20:
                out.append(Breakdown(a, [c, b], "eq", "high", "difference"))
    return out


def _named_difference(ctx: Context, options: dict[str, Any]) -> list[Breakdown]:
    """ "The gap between exports and imports reached $412.5bn" (or "the trade deficit of $410bn")
    and, elsewhere, "exports grew to $0.93tn ... imports to $1.34tn": the larger term is the smaller plus
    the difference. Each term's figure is the first of the difference's unit stated after the term's
    word in one clause; less sure than a sum in one sentence, so it fails one severity lower."""
    out = []
    for gap in ctx.figures:
        if gap.kind != "money":
            continue
        terms = ctx.read(("difference-terms", gap.start, gap.sentence), partial(_terms_before, ctx, gap))
        if terms is None:
            continue
        first, second = (_term_figure(ctx, gap, words) for words in terms)
        if first is None or second is None or first is second or _after_another_of_its_unit(ctx, gap):
            continue
        small, large = sorted((first, second), key=lambda c: c.value or 0.0)
        out.append(Breakdown(large, [small, gap], "eq", "low", "a named difference"))
    return out


def _difference_beside(ctx: Context, options: dict[str, Any]) -> list[Breakdown]:
    """ "Exports of $1.2tn and imports of $1.8tn left a deficit of $600bn": a difference noun ("a deficit
    of", "a gap of") before a figure whose sentence gives two earlier figures of its unit, joined by
    "and": the larger is the smaller plus the difference (less sure: it fails one severity lower)."""
    out = []
    for claims in _by_sentence(ctx).values():
        for k, gap in enumerate(claims):
            if k < 2 or not _difference_of().search(ctx.before(gap, 30)):
                continue
            terms = [c for c in claims[:k] if same_unit(c, gap) and not _is_share(c)]
            if len(terms) != 2 or not _TERMS_JOINED.match(ctx.between(*terms)):
                continue
            small, large = sorted(terms, key=lambda c: c.value or 0.0)
            out.append(Breakdown(large, [small, gap], "eq", "low", "a named difference"))
    return out


def _is_share(c: Claim) -> bool:
    return c.unit in ("percent", "percentage_point")


@cache
def _difference_of() -> re.Pattern[str]:
    """ "a deficit of", "a gap of £": a difference noun of the lexicon right before a figure."""
    nouns = words_pattern(lexicon()["difference_nouns"])
    return re.compile(rf"\b(?:{nouns})\s+of\s+[$\u00a3\u20ac\u00a5]?\s*$", re.I)


# between the two terms: "and imports of", "and spending at", with no clause break
_TERMS_JOINED = re.compile(
    r"^[^.;:()\d]{0,12}\band\s+[A-Za-z-]+(?:\s+[A-Za-z-]+)?\s+(?:of|at|were|was|totalled|totaled|reached)\s+[$\u00a3\u20ac\u00a5]?\s*$"
    r"|^\s*(?:votes?\s+)?(?:to|against)\s+$",  # "passed by 320 votes to 280, a majority of 40"
    re.I,
)


# a clause break that leaves decimal points alone ("grew 8.5% to $0.93tn")
_TERM_CLAUSE = re.compile(r"[;!?]|\.(?!\d)|\b(?:but|while|whereas|although|because)\b", re.I)


def _after_another_of_its_unit(ctx: Context, gap: Claim) -> bool:
    """ "The deficit widened to $4.2bn, up from $3.1bn": a figure after another of its unit in the
    clause is an earlier value or a change, not the difference the clause names."""
    clause = _term_clause(ctx, gap)
    same = ctx.figures_in(gap.sentence, gap.sentence)
    return any(c.start < gap.start and same_unit(c, gap) and c.text in clause for c in same)


def _terms_before(ctx: Context, gap: Claim) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    return _difference_terms(ctx.before(gap, 80))


def _term_clause(ctx: Context, claim: Claim) -> str:
    return _TERM_CLAUSE.split(ctx.before(claim, 80))[-1]


def _difference_terms(before: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The two terms a difference names in the clause before its figure (each as the words that may
    name it), or None."""
    clause = _TERM_CLAUSE.split(before)[-1]
    if not _may_name_a_difference(clause):
        return None
    named, between = _DIFFERENCE_PATTERNS()
    for pattern, terms in named:
        if pattern.search(clause):
            return terms
    m = between.search(clause)
    return ((m.group(1).lower(),), (m.group(2).lower(),)) if m else None


def _may_name_a_difference(clause: str) -> bool:
    """False when the clause holds neither a named difference nor "between": in ASCII text, which
    folds case as the patterns do, they are searched only where one is."""
    if not clause.isascii():
        return True
    lowered = clause.lower()
    return "between" in lowered or any(phrase in lowered for phrase in _DIFFERENCE_PHRASES())


@cache
def _DIFFERENCE_PHRASES() -> tuple[str, ...]:  # noqa: N802 - a constant read once
    return tuple(str(p).lower() for p in lexicon()["named_differences"])


_Terms = tuple[tuple[str, ...], tuple[str, ...]]


@cache
def _DIFFERENCE_PATTERNS() -> tuple[list[tuple[re.Pattern[str], _Terms]], re.Pattern[str]]:  # noqa: N802
    """The named differences ("trade gap") with their terms, and "the gap between X and Y"."""
    named = [
        (re.compile(rf"\b{re.escape(p)}\b", re.I), (_words(t[0]), _words(t[1])))
        for p, t in lexicon()["named_differences"].items()
    ]
    nouns = words_pattern(lexicon()["difference_nouns"])
    between = re.compile(
        rf"\b(?:{nouns})\s+between\s+(?:the\s+)?(?:\w+\s+)??(\w+)\s+and\s+(?:\w+\s+)??(\w+)", re.I
    )
    return named, between


def _words(term: str | list[str]) -> tuple[str, ...]:
    return (term,) if isinstance(term, str) else tuple(term)


def _term_figure(ctx: Context, gap: Claim, words: tuple[str, ...]) -> Claim | None:
    """The first figure of `gap`'s unit after one of `words` in the same clause, outside `gap`'s
    sentence."""
    pattern = re.compile(rf"\b(?:{words_pattern(list(words))})\b", re.I)
    for c in ctx.figures:
        if c.sentence == gap.sentence or not same_unit(c, gap):
            continue
        clause = ctx.read(("term-clause", c.start, c.sentence), partial(_term_clause, ctx, c))
        if pattern.search(clause):
            return c
    return None


def _per_event(ctx: Context, options: dict[str, Any]) -> list[Breakdown]:
    """ "Seven militants were killed in two explosions ... killing the three ... Four militants were
    killed": a toll that names its number of events (or of places: "in two villages"), then one
    figure per event in the sentences that follow (each in its own sentence, within `_EVENT_REACH`
    sentences)."""
    out = []
    heads = set(headline_sentences(ctx))
    for whole in ctx.figures:
        if whole.category not in ("killed", "wounded") or whole.sentence in heads:
            continue
        events = _events_named(ctx, whole)
        if events is None:
            continue
        parts: list[Claim] = []
        for p in ctx.figures:
            if p.sentence <= whole.sentence or p.category != whole.category or p.value is None:
                continue
            if p.sentence - whole.sentence > _EVENT_REACH or any(q.sentence == p.sentence for q in parts):
                break
            if _restates(ctx, whole, p):
                continue
            if in_other_period(ctx, p):
                break
            parts.append(p)
            if len(parts) == events:
                out.append(Breakdown(whole, parts, "eq", "low", f"one figure for each of {events} events"))
                break
    return out


_EVENT_REACH = 6


def _events_named(ctx: Context, whole: Claim) -> int | None:
    """The number of events right after a toll ("killed in two accidental explosions" -> 2)."""
    m = _EVENTS().match(ctx.after(whole, 80))
    if not m:
        return None
    count = _SMALL_NUMBERS.get(m.group(1).lower())
    return count if count and count >= 2 else None


_SMALL_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}


@cache
def _EVENTS() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    """ "in two explosions", "in three separate attacks", "in two villages": events, or places each
    with its own share of the toll."""
    places = [w[:-1] + "ies" if w.endswith("y") else w + "s" for w in data("casualties")["populated_places"]]
    nouns = words_pattern([*lexicon()["event_nouns"], *places])
    return re.compile(
        rf"^[^.;]{{0,40}}?\bin\s+(two|three|four|five|[2-5])\s+(?:[a-z-]+\s+){{0,2}}(?:{nouns})\b", re.I
    )


def _itemized(ctx: Context, options: dict[str, Any]) -> list[Breakdown]:
    """A toll, then later figures of its category that account for it ("one man ... four other people").

    Read from meaning first, so a wrong figure keeps the pairing and fails:
    - the rest: the figures that follow, in order, up to one marked as the rest of the toll ("four
      other people", "another two", "the remaining 12"), within `_ITEM_REACH` sentences and before
      any sentence placed in another event or period;
    - a list: the lede's toll, and the next mention of that harm given as a list of groups in one
      sentence ("Police said two women and one man died").
    Otherwise, the figures that follow until their stated values add up to the toll: found only
    because they agree, so a wrong one loses the pairing ("itemized: the parts add up")."""
    out: list[Breakdown] = []
    heads = set(headline_sentences(ctx))
    taken: set[tuple[str, ...]] = set()
    listed = _listed(ctx, options)
    if listed is not None:
        taken.add(tuple(p.id for p in listed.parts))
        out.append(listed)
    for category in _ITEMIZED_HARMS:
        figures = [c for c in ctx.figures if c.category == category and c.sentence not in heads]
        for i in range(len(figures) - 1, -1, -1):
            found = _itemize(ctx, figures[i], figures[i + 1 :], options)
            if found is not None and tuple(p.id for p in found.parts) not in taken:
                taken.add(tuple(p.id for p in found.parts))
                out.append(found)
    return out


_ITEM_REACH = 6  # sentences: the rest of a toll is told soon after it
_ITEMIZED_HARMS = ("killed", "wounded", "captured", "missing", "displaced")


def _itemize(ctx: Context, whole: Claim, later: list[Claim], options: dict[str, Any]) -> Breakdown | None:
    if whole.value is None or whole.value <= 0 or superseded(ctx, whole):
        return None  # "revising down an earlier toll of 31": the parts that follow are the new toll's
    if _named_as_a_part(ctx, whole) or part_of_group(sentence_up_to(ctx, whole)):
        return None  # "about 38,000 of the newly displaced", "Of the injured, 27 were ...": a part

    def candidates() -> Iterator[Claim]:  # read lazily: a long document's later figures are many
        return (p for p in later if p.sentence != whole.sentence and p.value and not _restates(ctx, whole, p))

    near = [
        p for p in _without_nested(ctx, _near_parts(ctx, whole, candidates())) if _an_item_of_a_toll(ctx, p)
    ]
    rest = next((i for i, p in enumerate(near) if i >= 1 and _complement(ctx, p)), None)
    if rest is not None and not all(_within(whole, p) for p in near[: rest + 1]):
        rest = None  # "two soldiers ... five civilians ... three other civilians": not the soldiers' parts
    if rest is not None and _rest_of_a_part_before(ctx, near, rest):
        rest = None  # "confirmed 12 of the deaths and are checking the remaining two": that split's rest
    if rest is not None:
        return Breakdown(whole, near[: rest + 1], "eq", "low", "itemized: the rest")
    if vague(whole):
        return None  # "thousands": any parts past two thousand would add up to it
    return _adding_up(whole, (p for p in candidates() if _within(whole, p)), options)


def _rest_of_a_part_before(ctx: Context, near: list[Claim], rest: int) -> bool:
    """The rest completes a part given earlier in its own sentence ("12 of the deaths ... the remaining
    two"): it is the rest of that split, not of a toll told sentences before."""
    marked = near[rest]
    return any(
        p.sentence == marked.sentence and _PARTITIVE_AFTER.match(ctx.after(p, 30)) for p in near[:rest]
    )


_PARTITIVE_AFTER = re.compile(r"^\s+of\s+(?:the|them|those|these|whom)\b", re.I)


def _within(whole: Claim, part: Claim) -> bool:
    """The part counts people the whole may hold: the same noun, people in general, or a noun of sex
    or age ("five people ... one man")."""
    return same_subject(whole, part) or head(part.subject) in lexicon()["demographic_heads"]


def _an_item_of_a_toll(ctx: Context, p: Claim) -> bool:
    """An item a toll is told in: no open bound ("now shelters more than 46,000"), no group it is
    among ("were among five fishermen snatched")."""
    return (
        p.qualifier not in ("more_than", "at_least", "less_than", "at_most")
        and not _AMONG_BEFORE.search(ctx.before(p, 15))
        and not SEVERE_STATE.match(ctx.after(p, 40))  # "27 were in a serious condition": a state
    )


_AMONG_BEFORE = re.compile(r"\bamong\s+(?:the\s+)?$", re.I)


def _without_nested(ctx: Context, parts: list[Claim]) -> list[Claim]:
    """ "Five were taken to hospital - one with burns and four with smoke inhalation. The other two":
    figures set off after a dash or colon that add up to the part before them break that part down,
    and are no items of the toll themselves."""
    out: list[Claim] = []
    i = 0
    while i < len(parts):
        head = parts[i]
        out.append(head)
        j = i + 1
        if (
            j < len(parts)
            and parts[j].sentence == head.sentence
            and _DASH_OR_COLON_AFTER.search(ctx.between(head, parts[j]))
        ):
            total_ = 0.0
            for k in range(j, len(parts)):
                if parts[k].sentence != head.sentence:
                    break
                total_ += parts[k].value or 0
                if total_ == head.value:
                    i = k
                    break
        i += 1
    return out


_DASH_OR_COLON_AFTER = re.compile(r"[:\u2013\u2014]|\s-\s")


def _near_parts(ctx: Context, whole: Claim, parts: Iterable[Claim]) -> list[Claim]:
    """The parts before the reach ends or a sentence is placed in another event or period ("another
    two people" is the rest of the toll, not another event)."""
    out = []
    for p in parts:
        if p.sentence - whole.sentence > _ITEM_REACH or _placed_elsewhere(ctx, p):
            break
        out.append(p)
    return out


def _placed_elsewhere(ctx: Context, claim: Claim) -> bool:
    """The figure's sentence is placed in another event or period, its own "another" aside. Read once
    per figure: every earlier toll of its category asks it of the figures after."""
    key = ("placed-elsewhere", claim.sentence, claim.start)  # its sentence, from the figure on
    return ctx.read(key, lambda: _read_placed_elsewhere(ctx, claim))


def _read_placed_elsewhere(ctx: Context, claim: Claim) -> bool:
    s = ctx.sentence(claim)
    if s is None:
        return False
    before = _ANOTHER_BEFORE.sub("", ctx.doc.prose[s.start : claim.start])
    return other_period(before + ctx.doc.prose[claim.start : s.end])


_ANOTHER_BEFORE = re.compile(r"\banother\s*$", re.I)


def _adding_up(
    whole: Claim, parts: Iterable[Claim], options: dict[str, Any], how: str = "itemized: the parts add up"
) -> Breakdown | None:
    """The first parts whose stated values add up to the toll (within its rounding); the parts are
    read only as far as needed."""
    target = interval(whole, options["approx_tolerance"])
    value = whole.value or 0.0
    exact_hi = target.hi if target.hi != float("inf") else value
    stated = 0.0
    taken: list[Claim] = []
    for p in parts:
        taken.append(p)
        stated += p.value or 0.0
        if len(taken) >= 2 and abs(stated - value) <= max(exact_hi - value, 1e-9):
            return Breakdown(whole, taken, "eq", "low", how)
        if stated > exact_hi:
            return None
    return None


def _amounts_adding_up(ctx: Context, options: dict[str, Any]) -> list[Breakdown]:
    """ "a premium of $26,230 ... Workers paid $6,420, while employers paid $19,810": figures of a
    whole's unit in the two sentences after it, each smaller than it, whose stated values add up to it
    exactly (within its rounding) are its parts. Found only because they agree, like the toll's
    parts that add up, so it only ever shows a passing check. Money, measures and head-counts only:
    bare numbers, durations and bounds add up by chance too often (tolls are `_itemized`'s; old
    values after "from" are no parts)."""
    out = []
    for whole in ctx.figures:
        if whole.value is None or whole.value <= 0 or is_percent(whole) or vague(whole):
            continue
        if whole.category in HARM_CATEGORIES or ends_with_cue(ctx.before(whole, 25), "from_words"):
            continue
        if whole.unit is None or whole.unit in _SPANS_OF_TIME or whole.qualifier in ("at_most", "range"):
            continue  # bare numbers, durations and bounds add up by chance too often ("58 = 54 + 2 + 2")
        parts = (
            c
            for c in ctx.figures_in(whole.sentence + 1, whole.sentence + 2)
            if same_unit(c, whole)
            and not is_percent(c)
            and whole.value / 100 <= (c.value or 0) < whole.value  # "$14,600 a cinema" is no part of $148m
            and not ends_with_cue(ctx.before(c, 25), "from_words")
        )
        found = _adding_up(whole, parts, options, how="the parts add up")
        if found is not None:
            out.append(found)
    return out


def _items_exceeding(ctx: Context, options: dict[str, Any]) -> list[Breakdown]:
    """ "issued 48,312 tickets ... officers issued 31,450, with 11,207 in car parks. Cameras caught a
    further 6,555": the figures of a total's unit and kind told one after another in the three
    sentences after it, each smaller than it, are items of it; items told apart from each other do
    not overlap, so together they are no more than it. Read only when they come to more, by no more
    than `_JUST_OVER` (a slip in one item; two lists over the same total come to twice it): a failing
    check, less sure, as no list is marked complete. Money, measures and head-counts (bare numbers
    add up by chance), no running total."""
    out = []
    for whole in ctx.figures:
        if not _may_hold_items(ctx, whole):
            continue
        items = _items_after(ctx, whole)
        if len(items) < 2:
            continue
        together = total(items, options["approx_tolerance"])
        stated = interval(whole, options["approx_tolerance"])
        if together.lo > stated.hi and together.lo <= _JUST_OVER * (whole.value or 0):
            out.append(Breakdown(whole, items, "le", "low", "items told after a total"))
    return out


# Items that come to more than their total by a writer's slip come to a little more ("4,720" for
# "4,270" in one of five items is 2% of the total); items of another list, or a list that ran on into
# the next, come to a fifth more or twice it.
_JUST_OVER = 1.05


def _may_hold_items(ctx: Context, whole: Claim) -> bool:
    if whole.value is None or whole.value <= 0 or is_percent(whole) or vague(whole):
        return False
    if updated(ctx, whole):
        return False  # "the toll has risen to 52": earlier tolls follow it as often as its parts
    if any(
        c.value == whole.value and same_unit(c, whole)
        for c in ctx.figures_in(whole.sentence + 1, whole.sentence + 3)
    ):
        return False  # told again below (the headline's total in the lede): the later one holds them
    if whole.unit is None or whole.unit in _SPANS_OF_TIME or whole.qualifier not in ("exact", "approx"):
        return False
    if any(
        same_unit(o, whole) and (o.value or 0) > whole.value
        for o in ctx.figures_in(whole.sentence, whole.sentence)
    ):
        return False  # "central GST ₹30,062 crore, state GST ₹38,171 crore": an item itself
    return not (
        ends_with_cue(ctx.before(whole, 25), "from_words")
        or _named_as_a_part(ctx, whole)
        or (of_sentence(ctx, whole, other_period_or_event) and not _beside_a_comparison(ctx, whole))
    )


def _items_after(ctx: Context, whole: Claim) -> list[Claim]:
    """The figures of the whole's unit and kind in the three sentences after it, in order, up to one
    that is no item (as large as the whole, a share, an old value, another period's, a change, a part
    of an item)."""
    items: list[Claim] = []
    for c in ctx.figures_in(whole.sentence + 1, whole.sentence + 3):
        if not same_unit(c, whole) or c.category != whole.category or c.value == whole.value:
            continue  # another unit, or the total told again
        if not _an_item(ctx, c, whole) or _OF_THEM_AFTER.match(ctx.after(c, 20)):
            break  # "12 remained in hospital, three of them in a serious condition": an item's part
        if c.sentence > whole.sentence + 1 and _A_GROUP_OPENS.match(sentence_up_to(ctx, c)):
            break  # "Within the whitefish catch, haddock accounted for ...": an item's own list
        items.append(c)
    return items


def _an_item(ctx: Context, c: Claim, whole: Claim) -> bool:
    before = ctx.before(c, 40)
    return (
        whole.value is not None
        and whole.value / 100 <= (c.value or 0) < whole.value
        and c.qualifier in ("exact", "approx")
        and not vague(c)
        and not _is_a_share(ctx, c)
        and not ends_with_cue(ctx.before(c, 25), "from_words")
        and not _COMPARED_WITH.search(before)
        and not NAMED_A_PART.search(ctx.before(c, 20))
        and not _EACH_BEFORE.search(ctx.before(c, 30))
        and not in_other_period(ctx, c)
        and not updated(ctx, c)
        and not _PER_PERIOD.match(ctx.after(c, 20))  # "earning around £1,900 a month": a rate
        and not superseded(ctx, c)
        and not _in_past_perfect(ctx, c)  # "had put the toll at 36 on Friday"
        and not _INCLUDED_BEFORE.search(ctx.before(c, 30))  # "the victims included 11 women"
    )


_A_GROUP_OPENS = re.compile(r"^\W*(?:within|of|among)\s+(?:the|its|their|these|those|this)\b", re.I)
_INCLUDED_BEFORE = re.compile(r"\binclud(?:ed|e|es|ing)\s+(?:[a-z-]+\s+){0,2}$", re.I)
_OF_THEM_AFTER = re.compile(r"^\W*(?:of\s+(?:them|whom|which|those)|including)\b", re.I)
_PER_PERIOD = re.compile(r"^\s*(?:a|per|each|every)\s+(?:year|month|week|day|annum|head|person)\b", re.I)


_SPANS_OF_TIME = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})


def _listed(ctx: Context, options: dict[str, Any]) -> Breakdown | None:
    """The lede's toll, then its next mention given as a list of groups in one sentence."""
    lede = set(lede_sentences(ctx))
    tolls = [c for c in ctx.figures if c.sentence in lede and c.category in ("killed", "wounded")]
    if not tolls:
        return None
    whole = tolls[0]
    later = [c for c in ctx.figures if c.category == whole.category and c.sentence > whole.sentence]
    if not later or _updated_toll(ctx, later[0]) or in_other_period(ctx, later[0]):
        return None
    same_sentence = [c for c in ctx.figures if c.sentence == later[0].sentence]
    first = same_sentence.index(later[0])
    run = _run(ctx, same_sentence, first, options["max_joiner_chars"], lambda c: c.category == whole.category)
    named = [head(c.subject) for c in run]
    if len(run) < 2 or None in named or len(set(named)) < len(named):  # "two women and a man"
        return None
    if head(whole.subject) in named or not _parts_joined(ctx, run):
        return None  # "the three bank workers, two women ...": the toll restated, then its list
    if ends_with_cue(ctx.before(run[0], 30), "part_of_group_words") or part_of_group(ctx.before(run[0], 40)):
        return None  # "including two women and a man", "Among the dead were ...": some of the dead
    return Breakdown(whole, run, "eq", "low", "itemized: the dead listed")


def _updated_toll(ctx: Context, claim: Claim) -> bool:
    return of_sentence(ctx, claim, running_total)


def _restates(ctx: Context, whole: Claim, other: Claim) -> bool:
    """An equal figure for the same group, unless marked as the rest ("five other people")."""
    return other.value == whole.value and same_subject(whole, other) and not _complement(ctx, other)


def _complement(ctx: Context, claim: Claim) -> bool:
    """ "four other people", "another two", "the remaining 12": the rest of a total."""
    key = ("complement", claim.sentence, claim.start, claim.end, claim.number_end)
    return ctx.read(key, partial(_reads_as_complement, ctx, claim))


def _reads_as_complement(ctx: Context, claim: Claim) -> bool:
    end = number_end(claim)
    after = ctx.doc.prose[end : end + 20]
    before = ctx.before(claim, 20)
    return starts_with_cue(after, "complement_words") or ends_with_cue(before, "complement_words")
