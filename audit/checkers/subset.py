"""subset: a part inside its total ("496 killed, 258 of them civilians"; "nine of our 11 businesses").

Pairings, surest first:
- partitive: "N of them / of whom / of the M": the part points at its total;
- including: "M killed, including N children";
- casualty taxonomy: "shot three co-workers, killing two" (casualties >= killed);
- severity: "around 50 injured ... around 30 seriously injured" in the next sentences;
- a group named back: "31 people died ... Of the dead, 12 were firefighters", "Among the injured were 12
  children": the part of the group of that harm counted just before (less sure);
- a group referred to: "Among them were three children", "Of those, 30 were children", "They
  included two policemen", "Thirty of the victims were children": part of the people counted in
  the sentence before (less sure);
- the victims named back: "the three victims" counts the harmed of the story, so the lede's killed
  and its wounded are each part of it (less sure);
- a group itemized after a colon: "Three bombs exploded outside the camp: two landed on the
  outskirts" (less sure);
- a counted group opening the clause: "Of the 40 injured, 25 were children", "Among the 12 dead were
  three police officers": the group's own figure is the whole of the next figure in its sentence;
- a counted group that includes its part: "The 12 dead included three police officers", "the toll
  of 45 includes 12 rebels";
- a part placed among the harmed after its noun: "Five children were among the dead" (less sure).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from audit.checkers import Confidence, Context, Outcome, checker
from audit.checkers.bounds import beside, fmt, interval, step, total
from audit.checkers.relate import (
    NAMED_A_PART,
    OF_A_POSSESSOR,
    OF_THE_OPENS,
    POSSESSOR,
    SEVERE_STATE,
    THE_REST_BEFORE,
    after_from,
    counted_noun,
    cue_pattern,
    ends_with_cue,
    has_cue,
    headline_sentences,
    is_age,
    is_people,
    is_percent,
    label,
    lede_sentences,
    lexicon,
    may_end_with,
    nearest_before,
    number_end,
    number_start,
    of_sentence,
    other_period_or_event,
    people_nouns,
    same_unit,
    starts_with_cue,
    superseded,
    vague,
)
from audit.checkers.tolls import part_of_group, rival_sources
from audit.lexicon import data, words_pattern
from audit.model import HARM_CATEGORIES, Claim

_CLAUSE = re.compile(r"[.;!?]")
_OF_WHICH = re.compile(r"^\s*,\s*of\s+(?:which|whom)\b", re.I)
# right after the part, in its sentence ("48,930. Of those, 1,288 ..." is the next sentence's whole)
_BACK = re.compile(r"^[^\w.!?;:]*of\s+(?:them|whom|which|those|these|us|(?:with|from)\s+whom)\b", re.I)


@checker("subset", options={"approx_tolerance": 0.1, "severity_span": 2})
def subset(ctx: Context, options: dict[str, Any]) -> list[Outcome]:
    """A part can be no larger than the total it belongs to."""
    pairs: dict[tuple[str, str], tuple[Claim, Claim, str, Confidence]] = {}
    for finder in (
        _partitive,
        _including,
        _taxonomy,
        _severity,
        _the_other,
        _place_parts,
        _of_the_group,
        _of_the_named_noun,
        _of_a_possessors_noun,
        _of_the_nouns_counted,
        _of_the_group_sized,
        _of_the_counted,
        _counted_includes,
        _victims_named_back,
        _after_a_colon,
        _group_referred_to,
        _part_and_the_rest,
    ):
        for whole, part, how, confidence in finder(ctx, options):
            if not (is_age(ctx, whole) or is_age(ctx, part)):  # "over 70, including an 84-year-old"
                pairs.setdefault((whole.id, part.id), (whole, part, how, confidence))
    for whole, part, how, confidence in _listed_with(ctx, list(pairs.values())):
        pairs.setdefault((whole.id, part.id), (whole, part, how, confidence))
    approx = options["approx_tolerance"]
    out = [_outcome(w, p, how, conf, approx) for w, p, how, conf in pairs.values()]
    return out + _parts_together(ctx, list(pairs.values()), approx)


def _listed_with(
    ctx: Context, pairs: list[tuple[Claim, Claim, str, Confidence]]
) -> list[tuple[Claim, Claim, str, Confidence]]:
    """ "200 of them seriously and 150 lightly", "including 12 children and 30 women": the figures
    listed right after a part, in its sentence and of its kind, are parts of the same whole."""
    out = []
    for whole, part, how, confidence in pairs:
        following = [c for c in ctx.figures_in(part.sentence, part.sentence) if c.start > part.end]
        previous = part
        for c in following:
            if after_from(ctx, c):
                previous = c  # "46,000 on work visas, up from 41,300, and 31,000 ...": an old value
                continue
            if c.unit != part.unit and _MODIFIER_MEASURE.search(c.text):
                continue  # "138 chose the 100-mile route, 64 ...": a measure naming the part's label

            if previous.end <= whole.start < c.start or not _LISTED.match(ctx.between(previous, c)):
                break  # the whole stands between them: "12 of them ... 40 ... and 30" lists no part of it
            if _BACK.match(ctx.doc.prose[number_end(c) : number_end(c) + 30]):
                break  # "the other 28 were hurt, four of them critically": a part of the part
            if _NO_PEOPLE_AFTER().match(ctx.doc.prose[number_end(c) : number_end(c) + 30]):
                break  # "34 of the dead were children and that 70,000 head of livestock": no people
            if (
                part.unit == "people"
                and c.unit is None
                and (counted_noun(ctx, c) is not None or _of_things(ctx, c))
            ):
                break  # "neutralised 47 attackers and recovered dozens of weapons and nine motorbikes"
            same_kind = c.category == part.category or (c.kind == "bare" and not c.subject)
            if not same_kind or not _fits_back(whole, c) or _CLAUSE_OPENER.search(ctx.between(previous, c)):
                break  # "and wounded 30 others": another harm; "when three shells landed": another clause
            counted = counted_noun(ctx, part)
            if (
                counted is not None
                and counted == counted_noun(ctx, whole) != counted_noun(ctx, c) is not None
            ):
                break  # "6 missiles ..., of which 4 missiles and 51 drones": the drones are none of them
            out.append((whole, c, f"{how}, listed with another part", confidence))
            previous = c
    return out


def _parts_together(
    ctx: Context, pairs: list[tuple[Claim, Claim, str, Confidence]], approx: float
) -> list[Outcome]:
    """ "300 injured, 200 of them seriously and 150 lightly"; "40 killed in Florida and 25 in
    Georgia, bringing the toll to 60": parts of one whole listed together in one sentence, joined by
    "and" or commas, count different people, so together they are no larger than the whole."""
    by_whole: dict[str, list[tuple[Claim, Claim, str, Confidence]]] = {}
    for pair in pairs:
        by_whole.setdefault(pair[0].id, []).append(pair)
    out = []
    wholes = {pair[0].id for pair in pairs}
    for group in by_whole.values():
        whole = group[0][0]
        group = [g for g in group if g[1].id not in wholes]  # a part that has parts of its own overlaps them
        if not group:
            continue
        parts = sorted(
            (p for _, p, _, _ in group if p.sentence == group[-1][1].sentence), key=lambda c: c.start
        )
        listed = [p for i, p in enumerate(parts) if i == 0 or _LISTED.match(ctx.between(parts[i - 1], p))]
        if len(listed) < 2 or len(listed) != len(parts) or _may_nest(ctx, listed):
            continue
        together = total(listed, approx)
        confidence: Confidence = "low" if any(c == "low" for *_, c in group) else "high"
        claims = [whole, *listed]
        sum_text = " + ".join(label(p) for p in listed)
        details = {"how": "parts listed together", "parts_range": together.to_json()}
        w = interval(whole, approx)
        added = fmt(sum(p.value or 0 for p in listed))
        groups = _complete_partition(ctx, listed)  # "640 were men, 410 women and 105 children"
        finest = min(listed, key=step)
        if groups and together.hi < beside(whole, finest, approx).lo - 1e-9:
            msg = f"{sum_text} = {added}, but the {groups} make up all of the {label(whole)}"
            details["how"] = "a complete list of parts"
            out.append(Outcome("fail", claims, msg, details, anchor=listed[-1], confidence=confidence))
        elif together.lo <= w.hi + 1e-9:
            how = f"the {groups} make up" if groups else "within"
            msg = f"{sum_text} = {added}, {how} {label(whole)}"
            out.append(Outcome("pass", claims, msg, details, confidence=confidence))
        else:
            msg = f"{sum_text} = {added}, more than the {label(whole)} they are in"
            out.append(Outcome("fail", claims, msg, details, anchor=listed[-1], confidence=confidence))
    return out


def _complete_partition(ctx: Context, listed: list[Claim]) -> str:
    """ "640 were men, 410 women and 105 children": parts labelled with every group of a complete
    partition of people (relations.yaml), or ending on "the remaining 71", not introduced as some of
    them ("including", "among"), name all of their whole: what makes them all, as a phrase ("men,
    women and children"), or ''."""
    lex = lexicon()
    before = ctx.before(listed[0], 40)
    if _SOME_OF_BEFORE.search(before) or _COLON_RIGHT_BEFORE.search(before):
        return ""  # a list after a colon is breakdown-sum's: "killed 30 people: 12 men, ..."
    if THE_REST_BEFORE.search(ctx.before(listed[-1], 20)):
        return "parts up to the remaining " + label(listed[-1])  # "..., and the remaining 71 were cyclists"
    labels = []
    for part in listed:  # the first label among the three words after the number
        words = _WORD.findall(ctx.after(part, 30).lower())[:3]
        labels.append(next((lex["partition_labels"][w] for w in words if w in lex["partition_labels"]), None))
    if len(set(labels)) != len(labels) or not any(set(labels) == set(g) for g in lex["complete_partitions"]):
        return ""
    return ", ".join(str(x) for x in labels[:-1]) + f" and {labels[-1]}"


_WORD = re.compile(r"[a-z]+")
# a measure joined to its unit by a hyphen, which modifies a noun: "the 100-mile route", "a three-day stay"
_MODIFIER_MEASURE = re.compile(r"\d[-\u2013][a-z]", re.I)
_COLON_RIGHT_BEFORE = re.compile(r":\s*(?:[A-Za-z]+\s+){0,2}$")
_SOME_OF_BEFORE = re.compile(r"\b(?:including|among|amongst|such\s+as|incl)\b[^.;:]*$", re.I)


def _of_things(ctx: Context, c: Claim) -> bool:
    """ "dozens of weapons": a count of a plural after "of" that names no people."""
    m = _OF_A_PLURAL_AFTER.match(ctx.after(c, 30))
    return m is not None and m.group(1).lower() not in people_nouns()


_OF_A_PLURAL_AFTER = re.compile(r"^\s+of\s+([a-z]+s)\b", re.I)


@cache
def _NO_PEOPLE_AFTER() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    """Right after a figure, animals or things no part of a group of people counts ("head of
    livestock", "cattle")."""
    things = words_pattern([*data("casualties")["uncounted_things"], "head"])
    return re.compile(rf"^\s+(?:[a-z-]+\s+)?(?:{things})\b", re.I)


_CLAUSE_OPENER = re.compile(r"\b(?:when|after|before|as|because|while|since|who|which|where|until)\b", re.I)


# between two listed parts: "and", a comma, "while", with at most a few words of the first part's own
def _may_nest(ctx: Context, listed: list[Claim]) -> bool:
    """ "Eleven of them, including all seven independents": a part told as included in the one before
    is inside it; "Of those, 968 started and 941 finished": parts told only by what they did, no harm
    and no noun of their own, may be the same people at two stages. Neither is a list of groups apart."""
    if any(_INCLUDED.search(ctx.between(a, b)) for a, b in zip(listed, listed[1:], strict=False)):
        return True
    return all(
        p.category not in HARM_CATEGORIES and _BY_WHAT_THEY_DID.match(ctx.after(p, 30)) for p in listed
    )


_INCLUDED = re.compile(r"\b(?:including|among\s+them|of\s+whom|of\s+which)\b", re.I)
_BY_WHAT_THEY_DID = re.compile(
    r"^\s+(?:(?:were|was|had|have|has)\s+)?(?:[a-z]+ed|began|ran|went|won|lost|left|came|stayed|got)\b", re.I
)


_LISTED = re.compile(r"^[^.;:()]{0,40}?(?:,\s*(?:and\s+|while\s+)?|\s+and\s+)(?:[a-z]+\s+){0,2}$", re.I)


def _outcome(whole: Claim, part: Claim, how: str, confidence: Confidence, approx: float) -> Outcome:
    w, p = beside(whole, part, approx), beside(part, whole, approx)
    details = {"how": how, "part_range": p.to_json(), "total_range": w.to_json()}
    if p.lo <= w.hi + 1e-9:
        bound = whole.value or 0
        allowed = ""
        if (part.value or 0) > bound:  # "Some 5,300 ... 5,800 of them": only its band allows it
            bound, allowed = w.hi, f", as far as the rounding or approximation of {label(whole)} allows"
        msg = f"{label(part)} is part of {label(whole)}: {fmt(part.value or 0)} <= {fmt(bound)}{allowed}"
        return Outcome("pass", [whole, part], msg, details, confidence=confidence)
    msg = (
        f"{label(part)} is more than the {label(whole)} it is part of ({fmt(part.value or 0)} > {fmt(w.hi)})"
    )
    return Outcome("fail", [whole, part], msg, details, anchor=part, confidence=confidence)


def _fits(whole: Claim, part: Claim) -> bool:
    if whole is part or whole.value is None or part.value is None:
        return False
    if is_people(whole) or is_people(part):
        return is_people(whole) and is_people(part)
    return same_unit(whole, part)


def _partitive(ctx: Context, options: dict[str, Any]) -> list[tuple[Claim, Claim, str, Confidence]]:
    out: list[tuple[Claim, Claim, str, Confidence]] = []
    figures = ctx.figures
    for i, part in enumerate(figures):
        after = ctx.doc.prose[number_end(part) : number_end(part) + 30]
        possessor = OF_A_POSSESSOR.match(_gap_after(ctx, part, i))
        if not (starts_with_cue(after, "partitive_after") or _BACK.match(after) or possessor):
            continue
        nxt = figures[i + 1] if i + 1 < len(figures) else None
        close = (
            nxt is not None and nxt.sentence == part.sentence and (possessor or _close_after(ctx, part, nxt))
        )
        if (
            close and nxt is not None and _OF_WHICH.match(after)
        ):  # "$5bn, of which $3bn ...": the next is the part
            if _fits_back(part, nxt):
                out.append((part, nxt, "N, of which M", "high"))
            continue
        if close and nxt is not None and _fits_back(nxt, part) and not _BACK.match(after):
            # "Nine of the 12 victims": nine victims (not "more than 60 of them, with two or three")
            out.append((nxt, part, "N of the M", "high"))
            continue
        if _BACK.match(after) and not _NEW_GROUP.match(after):
            # "unbeaten in nine league matches, winning seven of them": the group named just before
            own = _whole_just_before(ctx, figures, i)
            if own is not None:
                out.append((own, part, "N of them", "high"))
                continue
            # "them" is the group the sentence is about, not one named in a phrase after a preposition
            # ("2.3 million children are out of school in areas of three countries. Burkina Faso
            # accounts for 1.1 million of them"), unless no other group is counted near
            whole = nearest_before(
                ctx,
                part,
                lambda c, p=part: (
                    _shares_back(c, p)
                    and _near(ctx, c, p)
                    and not _after_a_preposition(ctx, c)
                    and not _each_of_many(ctx, c)
                    and _a_group_them_may_mean(ctx, c, p)
                ),
                1,
            ) or nearest_before(
                ctx,
                part,
                lambda c, p=part, a=after: (
                    _shares_back(c, p)
                    and _near(ctx, c, p)
                    and not _things_against_people(ctx, c, a)
                    and not _each_of_many(ctx, c)
                    and _a_group_them_may_mean(ctx, c, p)
                ),
                1,
            )
            if whole is not None and _harm_named_fits(after, whole):
                out.append((whole, part, "N of them", "high"))
    return out


def _a_group_them_may_mean(ctx: Context, c: Claim, part: Claim) -> bool:
    """ "them" is no part named inside a group ("The injured, including two women, ... Nine of
    them"), no item of a list ("The rescued migrants - 31 Afghans, 11 Syrians and five Eritreans -
    ... Seven of them"), and no group of another harm ("five herders were still missing ... We have
    buried six of them")."""
    if NAMED_A_PART.search(ctx.before(c, 20)):
        return False
    if any(
        o is not c
        and o.end <= part.start
        and o.unit == c.unit
        and o.category == c.category  # not "killing seven and injuring 40, 15 of them on Qeshm"
        and _LISTED.match(ctx.between(*sorted((o, c), key=lambda x: x.start)))
        for o in ctx.figures_in(c.sentence, c.sentence)
    ):
        return False
    harms = {c.category, part.category} - {"count", "other", "casualties"}
    return len(harms) < 2 or not harms <= HARM_CATEGORIES


def _each_of_many(ctx: Context, c: Claim) -> bool:
    """ "12 councillors across four wards, three to each ward": a figure given for each of several is
    no group a later "N of them" is part of."""
    return bool(_EACH_AFTER.match(ctx.after(c, 30)))


_EACH_AFTER = re.compile(
    r"^\s*(?:[a-z]+\s+)?(?:(?:to|for|in|from)\s+each|each|apiece|a\s+piece|per\s+[a-z]+)\b", re.I
)


def _part_and_the_rest(ctx: Context, options: dict[str, Any]) -> list[tuple[Claim, Claim, str, Confidence]]:
    """ "Police seized 12,400 litres of brew ... Officers destroyed 14,200 litres at the scene, with the
    rest kept as exhibits": a measured figure whose clause says what became of the rest is a part of
    the nearest earlier figure of its unit within `_REST_REACH` sentences (not a part itself, not an
    old value; less sure)."""
    out: list[tuple[Claim, Claim, str, Confidence]] = []
    for part in ctx.figures:
        if part.unit in (None, "people", "percent") or not _WITH_THE_REST.match(ctx.after(part, 80)):
            continue
        earlier = [
            c
            for c in ctx.figures_in(part.sentence - _REST_REACH, part.sentence)
            if c.end <= part.start and same_unit(c, part) and not after_from(ctx, c) and not vague(c)
        ]
        if earlier and not _A_PART_OF.match(ctx.after(earlier[-1], 20)):
            out.append((earlier[-1], part, "a part and the rest of it", "low"))
    return out


_REST_REACH = 6  # sentences back to the whole a part and its rest divide

# the rest of the part's clause, then "with the rest", "while the rest", "and the rest" and a verb
_WITH_THE_REST = re.compile(
    r"^[^.;:\d]{0,60}?,\s*(?:with|while|and)\s+the\s+(?:rest|remainder)\s+(?:being\s+|to\s+be\s+)?"
    r"(?:[a-z]+(?:ed|en)|kept|held|sent|left|sold|given|taken|stored|put|going)\b",
    re.I,
)


def _harm_named_fits(after: str, whole: Claim) -> bool:
    """ "four of those killed" is part of a toll of the dead, not of "two [wounded] in intensive care"
    counted just before: a harm the words name must be the whole's (or the casualties')."""
    m = _OF_THOSE_HARMED().match(after)
    if m is None:
        return True
    harm = lexicon()["referred_groups"].get(m.group(1).lower(), "any")
    return harm == "any" or whole.category in (harm, "casualties")


@cache
def _OF_THOSE_HARMED() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    groups = words_pattern(list(lexicon()["referred_groups"]))
    return re.compile(rf"^\W*of\s+(?:those|them)\s+({groups})\b", re.I)


def _things_against_people(ctx: Context, whole: Claim, after_part: str) -> bool:
    """ "housed in 14 temporary shelters ... 1,150 of them were children": a count of things cannot be
    the group whose part the copy says is people."""
    noun = counted_noun(ctx, whole)
    people = _PEOPLE_PART().match(after_part)
    return noun is not None and not is_people(whole) and people is not None


@cache
def _PEOPLE_PART() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    nouns = words_pattern(data("casualties")["people_nouns"])
    return re.compile(
        rf"\s+of\s+(?:them|whom)\s+(?:were|are|was|is)\s+(?:[\w-]+\s+){{0,2}}?(?:{nouns})\b", re.I
    )


def _whole_just_before(ctx: Context, figures: list[Claim], i: int) -> Claim | None:
    """The figure right before "N of them" in its clause, when it can hold the part: the group named
    last ("unbeaten in nine league matches, winning seven of them")."""
    part = figures[i]
    if i == 0:
        return None
    whole = figures[i - 1]
    gap = ctx.between(whole, part)
    if whole.sentence != part.sentence or len(gap) > 40 or re.search(r"[.;:]", gap):
        return None
    if i >= 2 and _after_a_preposition(ctx, whole):
        # "scored 14 goals in 22 appearances, 17 of them in the league": the verb's object, not the
        # phrase after it, when the object is counted right before that phrase
        obj = figures[i - 2]
        between = ctx.between(obj, whole)
        led = len(between) <= 25 and _PREPOSITION_LED.match(between) and not re.search(r"[,.;:]", between)
        if (
            led
            and obj.sentence == part.sentence
            and _shares_back(obj, part)
            and not _after_a_preposition(ctx, obj)
        ):
            whole = obj
    return whole if _shares_back(whole, part) and (whole.value or 0) >= (part.value or 0) else None


# "goals in ", "passengers on ": the noun a figure counts, then the preposition of a phrase after it
_PREPOSITION_LED = re.compile(r"^\s+[a-z-]+\s+(?:in|on|at|over|across|from)\s+(?:the\s+)?$", re.I)


def _after_a_preposition(ctx: Context, claim: Claim) -> bool:
    """ "in areas of three countries", "across 12 provinces": a figure inside a prepositional phrase
    (not "A total of 86 homes", which names the figure itself)."""
    before = ctx.before(claim, 25)
    return bool(_PREPOSITION_BEFORE.search(before)) and not _TOTAL_OF.search(before)


_TOTAL_OF = re.compile(r"\b(?:total|number|tally|sum)\s+of\s*$", re.I)


_PREPOSITION_BEFORE = re.compile(
    r"\b(?:of|in|across|from|at|for|with|among|between)\s+(?:(?:the|its|their|some|about|around|nearly|"
    r"more\s+than|at\s+least|[a-z]+['\u2019]s)\s+)*$",  # "across the city's four wards"
    re.I,
)


# "14% of those aged 30-39", "9% of those who do not": "those" opens a group described anew, no
# group counted before
_NEW_GROUP = re.compile(
    r"^\W*of\s+(?:those|these)\s+(?:who|whose|aged|with|without|living|earning|born|under|over|in|on)\b",
    re.I,
)


def _shares_back(whole: Claim, part: Claim) -> bool:
    """ "N of them" back to a figure: as `_fits_back`, but a percentage is no part of an earlier
    percentage (shares of two groups: "16% of parents ... 9% of those without children")."""
    return _fits_back(whole, part) and not (is_percent(whole) and is_percent(part))


def _fits_back(whole: Claim, part: Claim) -> bool:
    """ "N of them": the part may be a bare number; the total must count people or things like it."""
    if whole is part or whole.value is None or part.value is None:
        return False
    return _fits(whole, part) or (is_people(whole) and part.kind in ("bare", "count") and part.unit is None)


def _the_other(ctx: Context, options: dict[str, Any]) -> list[tuple[Claim, Claim, str, Confidence]]:
    """ "She shot the other three": the rest of a group counted just before. With several head-counts
    before it ("Six were wounded. One is in critical condition. The other five ..."; "killed 12 of the
    40 passengers. The other 28 ..."), the group is the largest of them: the others are parts."""
    out: list[tuple[Claim, Claim, str, Confidence]] = []
    for part in ctx.figures:
        before = ctx.before(part, 16)
        if not (may_end_with(before, _OTHER_OR_REMAINING) and THE_REST_BEFORE.search(before)):
            continue
        counted = [
            c
            for c in ctx.figures_in(part.sentence - 2, part.sentence)
            if is_people(c)
            and c.start < part.start
            and _harms_alike(c, part)
            and not _A_PART_OF.match(ctx.after(c, 20))  # "rescued 11 of the pupils ... the remaining 36"
            and (c.sentence < part.sentence or OF_THE_OPENS.search(ctx.before(c, 30)))
            and not _an_item_of_a_list(ctx, c)
        ]  # "Of the 23 injured, five ... and the other 18": a group opening its sentence too; not the dead
        nearest = nearest_before(ctx, part, lambda c, p=part: is_people(c) and _harms_alike(c, p), 1)
        if nearest is not None and _A_PART_OF.match(ctx.after(nearest, 20)) and nearest not in counted:
            continue  # "74 of the injured. The remaining 38": the rest of the injured, counted elsewhere
        counted = [c for c in counted if not SEVERE_STATE.match(ctx.after(c, 40))]
        whole = max(counted, key=lambda c: c.value or 0.0) if counted else None  # not "27 were in a
        if whole is not None and _fits_back(whole, part):  # serious condition": a state of some of them
            out.append((whole, part, "the other N", "low"))
    return out


def _an_item_of_a_list(ctx: Context, c: Claim) -> bool:
    """ "four counties account for half: Turkana with 412,000 people, Mandera with 276,000 ...": an
    item of a list after a colon, or of places each given a figure, is one part; "the remaining N"
    after the list is the rest of the list's whole, never of an item."""
    return bool(_AFTER_A_COLON.search(ctx.before(c, 80)) or _NEXT_PLACE_ITEM.match(ctx.after(c, 50)))


_AFTER_A_COLON = re.compile(r":[^.;:]*$")
_NEXT_PLACE_ITEM = re.compile(
    r"^[^.;:\d]{0,20},\s+(?:[A-Z][\w'\u2019-]*\s+){1,3}(?:with|on|at)\s+(?:about\s+|some\s+)?\d"
)


# "11 of the pupils", "12 of them": a figure that is itself a part of a group
_A_PART_OF = re.compile(r"^\s+of\s+(?:the|them|those|these|its|their|our)\b", re.I)


def _harms_alike(whole: Claim, part: Claim) -> bool:
    """Not two different harms ("six killed" holds no "18 injured"); casualties hold both."""
    harms = HARM_CATEGORIES
    if whole.category in harms and part.category in harms:
        return whole.category in (part.category, "casualties")
    return True


def _of_the_group(ctx: Context, options: dict[str, Any]) -> list[tuple[Claim, Claim, str, Confidence]]:
    """ "Of the dead, 12 were firefighters", "Among the injured were 12 children", "34 of the dead were
    children": a figure that counts part of a group of the harmed named back by a definite noun,
    whose size is a figure of that harm in this sentence or the three before it (`_the_whole_group`),
    or, with none there, the lede's toll of that harm."""
    out: list[tuple[Claim, Claim, str, Confidence]] = []
    for part in ctx.figures:
        if part.category not in HARM_CATEGORIES:
            continue
        clause = _clause_before(ctx, part)
        named = _GROUP_BEFORE().search(clause)
        if named is not None:
            named_at = part.start - len(clause) + named.start()
            if any(c.end <= named_at <= c.end + 2 for c in ctx.figures_in(part.sentence, part.sentence)):
                continue  # "12 of the dead were soldiers and 15 ...": the words belong to the 12
        elif _HARMED_GROUP_AFTER().match(ctx.doc.prose[number_end(part) : number_end(part) + 30]):
            named_at = part.start  # "34 of the dead were children", "six of the injured"
        else:
            continue
        near = [
            c
            for c in ctx.figures_in(part.sentence - _NAMED_GROUP_REACH, part.sentence)
            if c.category == part.category and _fits_back(c, part) and c.end <= named_at
        ]
        # the lede's toll ("At least 78 died ... 34 of the dead"): far from any other count, or for
        # "N of the dead", the story's toll against a rival's nearer count
        lede = [] if near and named is not None else _lede_counts(ctx, part, named_at)
        candidates = near + lede if named is None else near or lede
        whole = _the_whole_group(ctx, part, candidates)
        if whole is not None:
            out.append((whole, part, "a group named back", "low"))
    return out


def _lede_counts(ctx: Context, part: Claim, before: int) -> list[Claim]:
    """The lede's figures of the part's harm that may hold it, ending before `before`."""
    return [
        c
        for i in lede_sentences(ctx)
        for c in ctx.figures_in(i, i)
        if c.category == part.category and _fits_back(c, part) and c.end <= before
    ]


def _the_whole_group(ctx: Context, part: Claim, candidates: list[Claim]) -> Claim | None:
    """Which of the harm's head-counts before "Of the dead" the dead are: not an old value ("up from
    29 in 2022") or another period's or event's, and of those the largest: the toll as it now stands,
    not an earlier day's ("rose to 63 ... stood at 52 on Thursday. Of the dead, 41 ...")."""
    current = [c for c in candidates if not ends_with_cue(ctx.before(c, 20), "from_words")]
    if not of_sentence(ctx, part, other_period_or_event):
        current = [c for c in current if not of_sentence(ctx, c, other_period_or_event)]
    counted = [c for c in current if not vague(c)] or current  # "thousands" is no toll beside "78"
    return max(counted, key=lambda c: c.value or 0.0) if counted else None


def _of_the_named_noun(ctx: Context, options: dict[str, Any]) -> list[tuple[Claim, Claim, str, Confidence]]:
    """ "cut 1,200 jobs ... Of the jobs to be cut, 800 will be in Germany", "3.4 million people need
    aid ... Of the people in need, 1.3 million are children": a sentence that opens on a group by the
    noun an earlier figure counted (within three sentences, the nearest) counts part of it."""
    out: list[tuple[Claim, Claim, str, Confidence]] = []
    for part in ctx.figures:
        opener = _OF_THE_NOUN.match(_clause_before(ctx, part))
        if opener is None or part.category in HARM_CATEGORIES:
            continue  # a harmed group is `_of_the_group`'s
        whole = _last_counting(
            ctx, part, _group_noun(opener.group(1)), _NAMED_GROUP_REACH, same_sentence=False, by_head=True
        )
        if whole is not None:
            out.append((whole, part, "a group named back by its noun", "low"))
    return out


def _group_noun(phrase: str) -> str:
    """The noun a group is named by: the first plural of its first two words ("Cebu visitors",
    "damaged houses"), else its first word ("jobs to be cut", "people in need")."""
    words = phrase.lower().split()
    plural = next((w for w in words[:2] if len(w) > 3 and w.endswith("s") and not w.endswith("ss")), None)
    return plural or words[0]


def _of_a_possessors_noun(
    ctx: Context, options: dict[str, Any]
) -> list[tuple[Claim, Claim, str, Confidence]]:
    """ "They have scored 24 league goals ... Okafor has scored 20 of Harlow's league goals": a part
    "of" a possessor's noun counts part of the nearest earlier figure of that noun (within six
    sentences: the possessor and the noun name it; less sure)."""
    out: list[tuple[Claim, Claim, str, Confidence]] = []
    for part in ctx.figures:
        m = _OF_POSSESSORS_NOUN.match(ctx.doc.prose[number_end(part) : number_end(part) + 50])
        if m is None:
            continue
        whole = _last_counting(ctx, part, m.group(1).lower(), _POSSESSED_NOUN_REACH, same_sentence=True)
        if whole is not None and _possessor_named_near(ctx, m.group(0)[: m.start(1)], whole):
            out.append((whole, part, "N of a possessor's noun", "low"))
    return out


def _possessor_named_near(ctx: Context, possessor: str, whole: Claim) -> bool:
    """ "Okafor has scored 20 of Harlow's league goals": a named possessor (a capitalised name) is named
    in the whole's sentence or the one before ("Harlow have won six ... They have scored 24 league
    goals"); "31,420 of May's sales" is no part of Toyota's 19,870 sales."""
    name = _POSSESSOR_NAME.search(possessor)
    if name is None or not name.group(1)[0].isupper():
        return True
    near = (ctx.sentence_at(i) for i in (whole.sentence - 1, whole.sentence))
    text = " ".join(s.text for s in near if s is not None)
    return re.search(rf"\b{re.escape(name.group(1))}\b", text) is not None


_POSSESSOR_NAME = re.compile(r"([A-Za-z-]+)(?:['\u2019]s|s['\u2019])\s+$")


def _of_the_nouns_counted(
    ctx: Context, options: dict[str, Any]
) -> list[tuple[Claim, Claim, str, Confidence]]:
    """ "left 23,800 homes without power ... 9,600 of the affected homes", "manages 1,640 homes ...
    found damp in 310 of its homes": a part "of the", "of its" or "of their" noun (a modifier or two
    between) counts part of the noun's figures told before it, within six sentences. With several,
    it is held against the largest that is no part itself: a part larger than every earlier count of
    its noun has no whole in the story (less sure)."""
    out: list[tuple[Claim, Claim, str, Confidence]] = []
    for part in ctx.figures:
        if part.category in HARM_CATEGORIES or is_percent(part):
            continue  # a harmed group is `_of_the_group`'s, a share `percent`'s
        m = _OF_THE_NOUNS.match(ctx.doc.prose[number_end(part) : number_end(part) + 60])
        if m is None:
            continue
        counts = [
            c
            for c in _counting(ctx, part, m.group(1).lower(), _POSSESSED_NOUN_REACH, same_sentence=True)
            if c.category not in HARM_CATEGORIES and not of_sentence(ctx, c, other_period_or_event)
        ]
        if counts:
            out.append((max(counts, key=lambda c: c.value or 0), part, "N of the noun counted before", "low"))
    return out


def _of_the_group_sized(ctx: Context, options: dict[str, Any]) -> list[tuple[Claim, Claim, str, Confidence]]:
    """ "The 24-strong squad ... 27 of the squad swam personal bests", "a workforce of 3,000 ... 400
    of its workforce": a part "of the" group a collective noun names (`collective_nouns`) is part of
    the figure that sized that group before it, within six sentences (less sure)."""
    out: list[tuple[Claim, Claim, str, Confidence]] = []
    for part in ctx.figures:
        m = _OF_THE_COLLECTIVE().match(ctx.doc.prose[number_end(part) : number_end(part) + 50])
        if m is None or part.category in HARM_CATEGORIES:
            continue
        noun = m.group(1).lower()
        sized = [
            c
            for c in ctx.figures_in(part.sentence - _POSSESSED_NOUN_REACH, part.sentence)
            if c.end <= part.start and c is not part and _sizes(ctx, c, noun)
        ]
        if sized:
            out.append((sized[-1], part, "N of the group sized before", "low"))
    return out


@cache
def _OF_THE_COLLECTIVE() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    nouns = words_pattern(lexicon()["collective_nouns"])
    return re.compile(rf"^\s+of\s+(?:the|its|their)\s+(?:[a-z-]+\s+){{0,2}}?({nouns})\b(?!['\u2019])", re.I)


def _sizes(ctx: Context, c: Claim, noun: str) -> bool:
    """ "the 24-strong squad", "a 12-member panel", "a workforce of 3,000": the figure sizes the group."""
    after = ctx.doc.prose[number_end(c) : number_end(c) + 40].lower()
    glued = re.match(rf"^-(?:strong|member|man|woman|person|player)\s+(?:[a-z-]+\s+){{0,2}}?{noun}\b", after)
    return bool(
        glued or re.search(rf"\b{noun}\s+of\s+(?:about\s+|some\s+|nearly\s+)?$", ctx.before(c, 30), re.I)
    )


# "9,600 of the affected homes", "310 of its homes", "45 of the 17th-century houses": the noun, plural
_OF_THE_NOUNS = re.compile(
    r"^\s+of\s+(?:the|its|their)\s+(?:[a-z-]+\s+){0,2}?([a-z]{3,}s)\b(?!['\u2019])", re.I
)
_POSSESSED_NOUN_REACH = 6
_OF_POSSESSORS_NOUN = re.compile(rf"^\s+of\s+{POSSESSOR}([a-z]{{3,}})\b", re.I)


def _last_counting(
    ctx: Context, part: Claim, noun: str, reach: int, same_sentence: bool, by_head: bool = False
) -> Claim | None:
    """The last of `_counting`."""
    earlier = _counting(ctx, part, noun, reach, same_sentence, by_head)
    return earlier[-1] if earlier else None


def _counting(
    ctx: Context, part: Claim, noun: str, reach: int, same_sentence: bool, by_head: bool = False
) -> list[Claim]:
    """The figures before the part that count `noun` and can hold the part, within `reach` sentences
    before it (and in its own sentence, when `same_sentence`), in document order."""
    last = part.sentence if same_sentence else part.sentence - 1
    return [
        c
        for c in ctx.figures_in(part.sentence - reach, last)
        if c.end <= part.start
        and _counts_noun(ctx, c, noun, by_head)
        and _fits_back(c, part)
        and not THE_REST_BEFORE.search(ctx.before(c, 16))  # "The remaining 16,480 seats": a rest, no whole
    ]


def _counts_noun(ctx: Context, claim: Claim, noun: str, by_head: bool = False) -> bool:
    """Does the figure count `noun` ("1,200 jobs", "3.4 million people")? By its head, for a group a
    sentence opens on ("Among the vehicles registered were ..."): the noun past up to two modifiers
    ("1,124 electric vehicles"), or a compound ending in it ("126 volcanic earthquakes": quakes)."""
    m = _NOUN_AFTER.match(ctx.after(claim, 40))
    if m is not None and m.group(1).lower() == noun:
        return True
    head = _head_noun_after(ctx, claim) if by_head else None
    return head is not None and (
        head == noun or (len(noun) >= 5 and head.endswith(noun) and len(head) > len(noun) + 3)
    )


def _head_noun_after(ctx: Context, claim: Claim) -> str | None:
    """The first plural word right after a figure, past up to two modifiers, before any preposition
    ("126 volcanic earthquakes in ...": earthquakes; "2,100 at its plants": none)."""
    for word in _WORDS.findall(ctx.after(claim, 40))[:3]:
        lowered = word.lower()
        if lowered in _PHRASE_ENDS or lowered in _NARROWING:
            return None  # "212 new cases": a week's, no whole of "the cases"
        if len(lowered) > 3 and lowered.endswith("s") and not lowered.endswith("ss"):
            return lowered
    return None


_NARROWING = frozenset(
    {"new", "fresh", "additional", "further", "more", "recent", "other", "extra", "latest"}
)
_WORDS = re.compile(r"[A-Za-z-]+|[^\sA-Za-z-]")
_PHRASE_ENDS = frozenset(
    {
        "at",
        "in",
        "of",
        "on",
        "for",
        "from",
        "to",
        "with",
        "by",
        "its",
        "their",
        "the",
        "and",
        "or",
        "a",
        "an",
        "were",
        "was",
        "are",
        "is",
        "had",
        "have",
        "has",
        ",",
        ".",
        ";",
        ":",
        "(",
        ")",
    }
)


# a sentence opening "Of the jobs to be cut,", "Among the people in need,": the group's noun
_OF_THE_NOUN = re.compile(r"^\W*(?:of|among)\s+the\s+([a-z][^,.;:\d]{0,50}?)(?:,|\s(?:were|are))\s*$", re.I)
_NOUN_AFTER = re.compile(r"\s+(?:[a-z-]+\s+){0,2}?([a-z]{3,})\b", re.I)


def _of_the_counted(ctx: Context, options: dict[str, Any]) -> list[tuple[Claim, Claim, str, Confidence]]:
    """ "Of the 40 injured, 25 were children", "Among the 12 dead were three officers": a figure
    that opens its clause as "of/among the N ..." names a group; the next figure of the sentence
    that can be part of it counts part of it."""
    out: list[tuple[Claim, Claim, str, Confidence]] = []
    figures = ctx.figures
    for i, whole in enumerate(figures):
        before = ctx.before(whole, 40)
        if not (may_end_with(before, _GROUP_DETERMINERS) and _OPENS_GROUP.search(before)):
            continue
        part = next((c for c in figures[i + 1 :] if c.sentence == whole.sentence), None)
        if part is not None and _fits_back(whole, part) and not _CLAUSE.search(ctx.between(whole, part)):
            out.append((whole, part, "of the N counted, M", "high"))
    return out


def _counted_includes(ctx: Context, options: dict[str, Any]) -> list[tuple[Claim, Claim, str, Confidence]]:
    """ "The 12 dead included three police officers", "the toll of 45 includes 12 rebels": a counted
    group, a verb "include" (with only the group's noun between), then its part."""
    out: list[tuple[Claim, Claim, str, Confidence]] = []
    figures = ctx.figures
    for whole, part in zip(figures, figures[1:], strict=False):
        joined = whole.sentence == part.sentence and _INCLUDES.fullmatch(ctx.between(whole, part))
        if joined and _fits_back(whole, part):
            out.append((whole, part, "N ... included M", "high"))
    return out


# between a counted group and its part: the group's noun (at most three words), then "include"
_INCLUDES = re.compile(
    r"\s*(?:[A-Za-z-]+\s+){0,3}?(?:has\s+|have\s+)?(?:include|includes|included|including)\s+"
    r"(?:at\s+least\s+|some\s+|about\s+|around\s+|nearly\s+)?",
    re.I,
)


def _group_referred_to(ctx: Context, options: dict[str, Any]) -> list[tuple[Claim, Claim, str, Confidence]]:
    """ "12 people died. Among them were three children" (also "Of those, ...", "They included ...",
    "The dead included ...", "Three of the victims were ..."): a figure counting part of a group
    referred to by a pronoun or a word for the harmed. The group is counted before the words that
    refer to it: the nearest head-count of the harm the word names, in this sentence or the three
    before, or, for "them" and "the victims", the largest head-count (all the harmed) of this
    sentence or the one before."""
    out: list[tuple[Claim, Claim, str, Confidence]] = []
    for part in ctx.figures:
        referred = _group_referred(ctx, part)
        if referred is None or after_from(ctx, part):
            continue
        harm, reference_start = referred
        reach = 1 if harm == "any" else _NAMED_GROUP_REACH  # "them" points at the sentence before
        # "Of the 412 volunteers, 206 were given the drug. Among those, 180 ...": a bare "those" after no
        # harm names the group just told, itself a part of another
        just_told = (
            harm == "any"
            and part.category not in HARM_CATEGORIES
            and _BARE_THOSE.match(_clause_before(ctx, part))
        )
        candidates = [
            c
            for c in ctx.figures_in(part.sentence - reach, part.sentence)
            if c.end <= reference_start
            and (
                is_people(c)
                or (harm == "any" and _a_bare_count(c) and not is_people(part) and not _placed(ctx, c))
            )
            and (harm == "any" or c.category == harm)
            and (just_told or not part_of_group(ctx.before(c, 40)))  # "12 ..., including seven children"
            and not after_from(ctx, c)  # "down from a record 81,900": an old value
        ]
        described = _DESCRIBED_THOSE.match(_clause_before(ctx, part)) if harm == "any" else None
        if described:  # "Of those rescued": the count told with its word, if the copy has one
            candidates = _told_with_word(ctx, part, reference_start, described.group(1)) or candidates
        if not candidates and harm != "any":  # "31 of the injured", paragraphs after the lede's injured
            candidates = _ledes_figures_of(ctx, harm, part)
        if not candidates:
            continue
        if harm != "any":
            whole = _the_whole_group(ctx, part, candidates)
        elif just_told:
            whole = max(candidates, key=lambda c: (c.sentence, c.start))
        else:
            whole = max(candidates, key=lambda c: c.value or 0.0)  # "Among them", "Of those rescued": all
        if whole is not None and _fits_back(whole, part):
            out.append((whole, part, "a group referred to", "low"))
    return out


_NAMED_GROUP_REACH = 3  # sentences: "Four of the injured" may follow a sentence about one of them
# "Among those, ", "Of these, ": the pronoun alone, no words saying which (not "Of those rescued, ")
_BARE_THOSE = re.compile(r"^\W*(?:of|among|amongst)\s+(?:those|these|them)\s*,\s*$", re.I)


# "Of those rescued, ", "Among those evacuated, ": a group described by a word of its own
_DESCRIBED_THOSE = re.compile(r"^\W*(?:of|among|amongst)\s+(?:those|these)\s+([a-z]{4,})\b[^.;:]*$", re.I)


def _told_with_word(ctx: Context, part: Claim, reference_start: int, word: str) -> list[Claim]:
    """The counts of the sentence before told with the word that describes the group ("rescuers had
    brought 29 to the surface" for "Of those rescued"), people or a bare number."""
    return [
        c
        for c in ctx.figures_in(part.sentence - 1, part.sentence)
        if c.end <= reference_start
        and (is_people(c) or _a_bare_count(c))
        and not after_from(ctx, c)
        and _told_with(ctx, c, word)
    ]


def _told_with(ctx: Context, whole: Claim, word: str) -> bool:
    """Does the clause of `whole` say the word that describes the group ("rescued" for "those
    rescued"), in any inflection (the first five letters: "rescue", "rescuers", "rescued")?"""
    around = ctx.before(whole, 60) + ctx.doc.prose[whole.start : whole.end] + ctx.after(whole, 60)
    return word[:5].lower() in around.lower()


def _ledes_figures_of(ctx: Context, harm: str, part: Claim) -> list[Claim]:
    """The lede's head-counts of `harm` before the part: the story's harmed, whom "of the injured"
    names however far after the lede it stands."""
    lede = set(lede_sentences(ctx))
    return [
        c
        for c in ctx.figures
        if c.sentence in lede and c.sentence < part.sentence and c.category == harm and is_people(c)
    ]


def _placed(ctx: Context, c: Claim) -> bool:
    """ "housed in 14 temporary shelters": a count of places after "in", "at" or "across", no group
    that "of them" could name."""
    return bool(_PLACE_PREPOSITION.search(ctx.before(c, 14)))


_PLACE_PREPOSITION = re.compile(r"\b(?:in|at|across|into|from)\s+(?:some\s+|about\s+|nearly\s+)?$", re.I)


def _a_bare_count(c: Claim) -> bool:
    """ "482 confirmed cases": a whole number with no unit, which "Of those" may point at."""
    return c.unit is None and c.kind in ("bare", "count") and float(c.value or 0.5).is_integer()


def _group_referred(ctx: Context, part: Claim) -> tuple[str, int] | None:
    """(the harm of the group a figure is part of, "any" for "them" or "the victims"; where the words
    referring to the group start), or None."""
    clause = _clause_before(ctx, part)
    included, of_harmed_after = _REFERRED_GROUPS()
    m = _PRONOUN_GROUP.search(clause) or included.search(clause)
    start = part.start - len(clause)
    if m is None:
        m = of_harmed_after.match(ctx.doc.prose[number_end(part) : number_end(part) + 40])
        start = part.start
        if m is None:
            return None
    word = (m.groupdict().get("group") or "").lower()
    return lexicon()["referred_groups"].get(word, "any"), start


# "Among them were", "Of those,": at the start of the clause before the figure
_PRONOUN_GROUP = re.compile(r"^\W*(?:among|amongst|of)\s+(?:them|those|these)\b[^.;:]*$", re.I)


@cache
def _REFERRED_GROUPS() -> tuple[re.Pattern[str], re.Pattern[str]]:  # noqa: N802 - compiled once
    """ "They included", "Those killed included", "The dead included" (before the figure); "three of
    the victims", "two of those killed" (after it; not "three of the 12 victims", a whole of its own)."""
    harmed = rf"(?P<group>{words_pattern(list(lexicon()['referred_groups']))})"
    included = re.compile(
        rf"^\W*(?:they|those|the)(?:\s+{harmed})?\s+(?:included|include|includes)\b[^.;:]*$", re.I
    )
    of_harmed_after = re.compile(
        rf"^\s*(?:of|(?:[a-z-]+\s+){{0,2}}?(?:were|was|are|is)\s+(?:also\s+)?among)\s+(?:the|those|these)\s+"
        rf"(?:[a-z]+\s+)?{harmed}\b",
        re.I,
    )  # "three of the victims", "five children were among the dead"
    return included, of_harmed_after


def _victims_named_back(ctx: Context, options: dict[str, Any]) -> list[tuple[Claim, Claim, str, Confidence]]:
    """ "killing two co-workers and critically injuring a third ... she shot the three victims": a
    definite count of the victims or casualties (with no modifier: not "the two other victims"),
    outside the lede and headline, is the story's
    harmed, so the lede's first killed figure and its first wounded figure are each part of it."""
    skip = set(headline_sentences(ctx)) | set(lede_sentences(ctx))
    wholes = [
        c
        for c in ctx.figures
        if c.sentence not in skip
        and (c.subject or "").lower() in _VICTIMS
        and _DEFINITE_BEFORE.search(ctx.before(c, 20))
    ]
    if not wholes:
        return []
    lede = set(lede_sentences(ctx))
    parts: dict[str, Claim] = {}
    for c in ctx.figures:
        if c.sentence in lede and c.category in ("killed", "wounded") and c.value is not None:
            parts.setdefault(c.category, c)
    return [
        (w, p, "the victims named back", "low") for w in wholes for p in parts.values() if _fits_back(w, p)
    ]


_VICTIMS = {"victims", "casualties"}  # no modifier: "the two other victims" are not all of them
_DEFINITE_BEFORE = re.compile(r"\b(?:the|those|these|all|its|their)\s+$", re.I)


def _after_a_colon(ctx: Context, options: dict[str, Any]) -> list[tuple[Claim, Claim, str, Confidence]]:
    """ "Three bombs exploded outside the camp: two landed on the outskirts": a figure opening what a
    colon introduces is part of the last figure before the colon in its sentence."""
    out: list[tuple[Claim, Claim, str, Confidence]] = []
    figures = ctx.figures
    for whole, part in zip(figures, figures[1:], strict=False):
        gap = ctx.between(whole, part)
        if whole.sentence == part.sentence and _COLON_THEN_FIGURE.search(gap) and _fits_back(whole, part):
            out.append((whole, part, "itemized after a colon", "low"))
    return out


# the gap between the whole and its part: no clause break before the colon, at most two words after
_COLON_THEN_FIGURE = re.compile(r"^[^.;:!?\d]{1,80}:\s+(?:[A-Za-z]+\s+){0,2}$")


# "Of the", "among those", at the start of a sentence or after a clause break
_GROUP_DETERMINERS = ("the", "those", "these", "its", "their")  # the last words _OPENS_GROUP allows
_OTHER_OR_REMAINING = ("other", "remaining")  # and THE_REST_BEFORE
_OPENS_GROUP = re.compile(r"(?:^|[.;:,]\s+|\n)(?:of|among|amongst)\s+(?:the|those|these|its|their)\s+$", re.I)


@cache
def _HARMED_GROUP_AFTER() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    """Right after a figure: "of the dead", "of the injured", "of those killed", "of the deaths"."""
    words = words_pattern([*lexicon()["harmed_group_words"], "deaths", "fatalities"])
    return re.compile(rf"^\s+of\s+(?:the|those|these)\s+(?:[a-z]+\s+)?(?:{words})\b", re.I)


@cache
def _GROUP_BEFORE() -> re.Pattern[str]:  # noqa: N802 - a compiled constant, built once
    words = words_pattern(lexicon()["harmed_group_words"])
    return re.compile(rf"\b(?:of|among)\s+(?:the|those|these)\s+(?:[a-z]+\s+)?(?:{words})\b[^.;:]*$", re.I)


def _clause_before(ctx: Context, claim: Claim) -> str:
    """The clause before a figure (within 80 characters), read once per figure for several finders."""
    key = ("clause-before", claim.sentence, claim.start)  # what `before` reads
    return ctx.read(key, lambda: _CLAUSE.split(ctx.before(claim, 80))[-1])


_PLACE_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,3}(?:from|in)\s+(?:the\s+)?([A-Z][a-z]+)")
_PLACE_BEFORE = re.compile(
    r"\b[Ii]n\s+(?:the\s+)?([A-Z][a-z]+)(?:\s+[A-Z][a-z]+)?,\s+where\s+(?:\w+\s+){0,2}$"
)


def _place_parts(ctx: Context, options: dict[str, Any]) -> list[tuple[Claim, Claim, str, Confidence]]:
    """ "three people from Scotland died", "in Thailand, where 5,000 were killed": a place's share of
    the overall toll (the largest figure of the category stated for no particular place). A
    headline's place is where its one event happened ("Five hurt by quake in southern Iran"), and a
    month or a weekday is no place ("killed two co-workers in September"): no share."""
    out: list[tuple[Claim, Claim, str, Confidence]] = []
    heads = set(headline_sentences(ctx))
    for category in ("killed", "wounded"):
        figures = [
            c
            for c in ctx.figures
            if c.category == category and c.value is not None and not _background(ctx, c)
        ]
        placed = [c for c in figures if c.sentence not in heads and _for_a_place(ctx, c)]
        taken = {id(c) for c in placed}
        overall = [c for c in figures if id(c) not in taken and not superseded(ctx, c)]  # "the initial toll"
        if not placed or not overall:
            continue
        whole = max(overall, key=lambda c: c.value or 0.0)
        out.extend((whole, part, "a place's share of the toll", "low") for part in placed)
    return out


_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
)
_BACKGROUND = re.compile(
    r"\b(?:19|20)\d\d\b|\blast\s+(?:year|month|week)\b|\bsince\b|\bprevious\b|\bearlier\b|\bdeadliest\b|\bago\b"
    rf"|\bbetween\s+{_MONTH}\.?\s+and\s+{_MONTH}\b|\b(?:first|second|third|fourth|last)\s+quarter\b|\bquarterly\b",
    re.I,
)  # "murdered between October and December", "the quarterly crime statistics": a period's statistics


def _background(ctx: Context, claim: Claim) -> bool:
    """A sentence about another time ("the 2004 tsunami killed 220,000"): not this story's toll."""
    return ctx.sentence(claim) is not None and of_sentence(ctx, claim, _in_background)


def _in_background(sentence: str) -> bool:
    return bool(_BACKGROUND.search(sentence))


def _for_a_place(ctx: Context, claim: Claim) -> bool:
    m = _PLACE_AFTER.match(ctx.after(claim, 60)) or _PLACE_BEFORE.search(ctx.before(claim, 50))
    return m is not None and m.group(1).lower() not in lexicon()["calendar_words"]


def _gap_after(ctx: Context, part: Claim, i: int) -> str:
    """The prose between the part's number and the next figure's, when that figure is in its sentence."""
    figures = ctx.figures
    nxt = figures[i + 1] if i + 1 < len(figures) else None
    if nxt is None or nxt.sentence != part.sentence:
        return ""
    return _numbers_between(ctx, part, nxt)


def _numbers_between(ctx: Context, a: Claim, b: Claim) -> str:
    """The prose from the end of a's number to the start of b's."""
    return ctx.doc.prose[number_end(a) : number_start(b)]


def _close_after(ctx: Context, part: Claim, whole: Claim) -> bool:
    gap = _numbers_between(ctx, part, whole)
    return len(gap) <= 16 and not _CLAUSE.search(gap)


def _near(ctx: Context, whole: Claim, part: Claim) -> bool:
    """The total is in the same sentence, or the one before."""
    return 0 <= part.sentence - whole.sentence <= 1


def _including(ctx: Context, options: dict[str, Any]) -> list[tuple[Claim, Claim, str, Confidence]]:
    out: list[tuple[Claim, Claim, str, Confidence]] = []
    figures = ctx.figures
    for i, part in enumerate(figures):
        whole = _whole_before_including(ctx, figures, i)
        if whole is None:
            continue
        gap = ctx.between(whole, part)
        near_gap = ctx.between(figures[i - 1], part)  # past a span of time passed over
        if _BACK.match(gap):
            continue  # "20 of them seriously, and 300 ...": the 20 is itself a part, of a group before it
        if len(near_gap) <= _gap_allowed(whole, part) and _cue_reaches(near_gap) and not _CLAUSE.search(gap):
            if whole.category in HARM_CATEGORIES and part.category not in (whole.category, "count", "other"):
                continue
            out.append((whole, part, "including", "high"))
    return out


def _cue_reaches(gap: str) -> bool:
    """A part cue that governs the figure after the gap: "including 12", "mostly in the north, 30";
    not "mostly for severance, and to save about $200 million", where a new clause comes between."""
    cues = list(cue_pattern("part_cues").finditer(gap))
    return bool(cues) and not _NEW_CLAUSE_AFTER.search(gap, cues[-1].end())


_NEW_CLAUSE_AFTER = re.compile(r",\s*and\b|\band\s+to\b", re.I)


def _whole_before_including(ctx: Context, figures: list[Claim], i: int) -> Claim | None:
    """The figure before the part in its sentence that it may be part of; a span of time between them
    is passed over ("cut 1,200 jobs over the next two years, including 2,100 in the UK")."""
    part = figures[i]
    for whole in reversed(figures[max(0, i - 2) : i]):
        if whole.sentence != part.sentence:
            return None
        if _fits_back(whole, part):
            return _of_the_parts_noun(ctx, figures, i, whole)
        if whole.unit not in _TIME_UNITS:
            return None
    return None


def _of_the_parts_noun(ctx: Context, figures: list[Claim], i: int, whole: Claim) -> Claim | None:
    """ "3,740 shows in 288 venues, among them 1,210 comedy shows": when the part counts a plural noun
    the figure before it does not, and another figure of its sentence counts that noun, that figure
    is the whole."""
    part = figures[i]
    noun, theirs = counted_noun(ctx, part), counted_noun(ctx, whole)
    if noun is None or theirs is None or noun == theirs:
        return whole
    same = [c for c in figures[:i] if c.sentence == part.sentence and counted_noun(ctx, c) == noun]
    if not same:
        return whole  # "14 members of a clan, including six boys": a noun of its own within the whole's
    return same[-1] if _fits_back(same[-1], part) else None


_TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second"})


def _gap_allowed(whole: Claim, part: Claim) -> int:
    """How far "including" may stand from the whole: further for people, whose noun may carry an "of"
    phrase first ("12 members of one extended family, including seven children")."""
    return 60 if is_people(whole) and is_people(part) else 40


def _taxonomy(ctx: Context, options: dict[str, Any]) -> list[tuple[Claim, Claim, str, Confidence]]:
    """A casualty aggregate followed in its sentence by one killed or wounded figure."""
    out: list[tuple[Claim, Claim, str, Confidence]] = []
    figures = ctx.figures
    for whole, part in zip(figures, figures[1:], strict=False):
        if (
            whole.sentence == part.sentence
            and whole.category == "casualties"
            and part.category in ("killed", "wounded")
            and len(ctx.between(whole, part)) <= 40
        ):
            nxt = [
                c
                for c in ctx.figures_in(part.sentence, part.sentence)
                if c.start > part.start and c.category in ("killed", "wounded", "missing", "captured")
            ]
            if not nxt:
                out.append((whole, part, "casualties include the killed", "high"))
    return out


def _severity(ctx: Context, options: dict[str, Any]) -> list[tuple[Claim, Claim, str, Confidence]]:
    """A seriously hurt figure shortly after a broader wounded figure, in its sentence ("13 were hurt
    but 11 were still in hospital") or the next ones."""
    out: list[tuple[Claim, Claim, str, Confidence]] = []
    span = options["severity_span"]
    for part in ctx.figures:
        if part.category != "wounded" or not _severe(ctx, part):
            continue
        whole = nearest_before(
            ctx,
            part,
            lambda c, p=part: (
                c.category == "wounded"
                and not _severe(ctx, c)
                and 0 <= p.sentence - c.sentence <= span
                and c.start < p.start
                and not _A_PART_OF.match(ctx.doc.prose[number_end(c) : number_end(c) + 20])
                and not _A_PART_NAMED.search(ctx.before(c, 20))
            ),  # not "Nine of the injured were critical, and 31 remained in hospital": a part itself;
            span,  # nor "Fifteen people, among them two members of the rescue team, were treated"
        )
        if (
            whole is not None
            and ctx.paragraph(part) - ctx.paragraph(whole) <= 1
            and not rival_sources(whole, part)
        ):
            out.append((whole, part, "seriously hurt among the hurt", "low"))
    return out


# "among them two", "including three": a figure given as a part of the group before it
_A_PART_NAMED = re.compile(
    r"\b(?:among\s+(?:them|whom)|including|of\s+whom)\s+(?:(?:some|about|nearly|at\s+least)\s+)?$", re.I
)


def _severe(ctx: Context, claim: Claim) -> bool:
    """Severity words after the figure, before the next figure of its sentence ("Of the 25 injured, six
    were in serious condition": the six are, not the 25)."""
    s = ctx.sentence(claim)
    if s is None:
        return False
    end = min(s.end, claim.end + 40)
    later = [c for c in ctx.figures_in(claim.sentence, claim.sentence) if c.start > claim.end]
    if later and _OF_THE_NEXT.match(ctx.between(claim, later[0])):
        later = later[1:]  # "30 of the 80 wounded remained in hospital": the words after 80 are the 30's
    window = ctx.doc.prose[claim.start : min([end, *(c.start for c in later)])]
    return has_cue(window, "severity_words")


_OF_THE_NEXT = re.compile(r"^\s*(?:out\s+)?of\s+(?:the|those|these|its|their)?\s*$", re.I)
