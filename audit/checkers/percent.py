"""percent-change and percent-of: shares and changes recomputed from the figures they cite.

A share is read with its part and whole in the forms copy uses: "A, or P% of B"; "A of B (P%)"; "P% of
B, or A"; "Of the B, A, or P%"; "A of them, or P%" (the group counted before); "P%, with A of B";
"A, or P% of its staff" (a workforce counted before); and a fraction word with its part ("a quarter
of the 800 homes, or 200").

"jumped 76% to $1.13bn from $639m": (1.13bn - 639m) / 639m = 76.8%, within the rounding of
"76%" (two values of one measure share one precision: "410,000 from 400,000" is to the 10,000).
"rose 50% from 4 to 8" is 100% and fails. "doubled/tripled/halved" are ratios. A percent
change between two percentages may be meant in percentage points, which the check says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from audit.checkers import Confidence, Context, Outcome, checker
from audit.checkers.bounds import Interval, beside, fmt, interval, point, printed_unit, step
from audit.checkers.relate import (
    OF_THE_OPENS,
    POSSESSOR,
    counts_alike,
    cue_pattern,
    ends_with_cue,
    headline_sentences,
    in_other_period,
    is_percent,
    label,
    lede_sentences,
    lexicon,
    same_unit,
)
from audit.lexicon import words_pattern
from audit.model import Claim


@dataclass
class Change:
    percent: Claim | None  # None for "doubled"
    new: Claim
    old: Claim
    direction: int  # +1 rise, -1 fall
    factor: float | None  # for doubled/tripled/halved
    confidence: Confidence


@checker(
    "percent-change", options={"approx_tolerance": 0.1, "multiplier_tolerance": 0.1, "look_back_sentences": 6}
)
def percent_change(ctx: Context, options: dict[str, Any]) -> list[Outcome]:
    """A stated change must match the old and new values it cites."""
    out = []
    for change in _changes(ctx, options):
        outcome = _check_change(change, options)
        if outcome is not None:
            out.append(outcome)
    return out


def _changes(ctx: Context, options: dict[str, Any]) -> list[Change]:
    found: list[Change] = []
    by_sentence = ctx.figures_by_sentence
    used: set[str] = set()  # an earlier "X, up from Y" pairs with the first change after it only
    for idx, claims in sorted(by_sentence.items()):
        sentence = s.text if (s := ctx.sentence_at(idx)) is not None else ""
        for p in (c for c in claims if is_percent(c) or _fraction_of_change(ctx, c)):
            direction = change_direction(ctx, p)
            if direction == 0 or _a_rate_per_period(ctx, p):
                continue
            pair = (
                to_from(ctx, [c for c in claims if c is not p], p)
                or _pair_just_before(ctx, p, claims)
                or _from_with_new_before(ctx, p, claims, by_sentence)
                or _old_in_brackets(ctx, p, claims)
                or _old_after_a_pointer_back(ctx, p, claims, by_sentence)
            )
            if pair is not None:
                found.append(Change(p, pair[0], pair[1], direction, None, "high"))
                continue
            reach = options["look_back_sentences"]
            told = _old_told_with_the_new(ctx, p, claims, by_sentence, direction, reach)
            if told is not None:
                found.append(Change(p, told[0], told[1], direction, None, "low"))
                continue
            near = _nearby_pair(ctx, by_sentence, p, direction, options["look_back_sentences"], used)
            if near is not None:
                used.add(near[0].id)
                found.append(Change(p, near[0], near[1], direction, None, "low"))
        for p in (c for c in claims if is_percent(c) and change_direction(ctx, p) == 0):
            above = _above_an_old_value(ctx, p, claims)
            if above is not None:
                found.append(Change(p, above[0], above[1], above[2], None, "low"))
        factor = _multiplier(sentence)
        if factor is not None:
            pair = to_from(ctx, claims, None)
            if pair is not None:
                found.append(Change(None, pair[0], pair[1], 1 if factor > 1 else -1, factor, "high"))
    return found


def _old_told_with_the_new(
    ctx: Context,
    p: Claim,
    claims: list[Claim],
    by_sentence: dict[int, list[Claim]],
    direction: int,
    reach: int,
) -> tuple[Claim, Claim] | None:
    """ "visitor numbers rising by 12% to 468,000. The museum welcomed 468,000 visitors, up from
    412,000": a change with its own new value and no old one takes the old value a nearby sentence
    gives beside that same new value (less sure)."""
    own = next((c for c in claims if c.start > p.end and _own_new_value(ctx, p, c)), None)
    if own is None:
        return None
    around = range(p.sentence - reach, p.sentence + reach + 1)
    for idx in sorted(around, key=lambda i: abs(i - p.sentence)):
        pair = _pair_in(ctx, by_sentence.get(idx, [])) if idx != p.sentence else None
        if pair is None or pair[2] != direction:
            continue
        if pair[0].value == own.value and counts_alike(pair[0], own):
            return own, pair[1]
    return None


def _a_rate_per_period(ctx: Context, p: Claim) -> bool:
    """ "an average real-terms increase of 3% a year", "growing 4% annually": a rate per period, or
    one in real terms, is not the change between the two values it is told with."""
    return bool(_PER_PERIOD_AFTER.match(ctx.after(p, 20)) or _AVERAGED_BEFORE.search(ctx.before(p, 40)))


_PER_PERIOD_AFTER = re.compile(
    r"\s*(?:(?:a|per|each|every)\s+(?:year|annum|month|week|quarter|decade)\b|annually\b|compounded\b)", re.I
)
_AVERAGED_BEFORE = re.compile(
    r"\b(?:average|averaging|annuali[sz]ed|compound(?:ed)?|real[- ]terms|in\s+real\s+terms)\b[^.;:\d]*$", re.I
)


def _fraction_of_change(ctx: Context, c: Claim) -> bool:
    """ "Sales grew by a fifth", "fell by half": a fraction word as the size of a change."""
    return c.kind == "fraction" and bool(_BY_BEFORE.search(ctx.before(c, 12)))


_BY_BEFORE = re.compile(r"\bby\s+(?:(?:about|almost|nearly|more\s+than|over|roughly|some)\s+)?$", re.I)


def _pair_just_before(ctx: Context, p: Claim, claims: list[Claim]) -> tuple[Claim, Claim] | None:
    """ "Profits were $50m, up from $40m a year ago, a rise of 25%": (new, old) of an "X, up from Y"
    pair in the change's own clause, right before it."""
    before = [c for c in claims if c.end <= p.start and not is_percent(c)]
    pair = _pair_in(ctx, before)
    if pair is None or pair[2] != change_direction(ctx, p):
        return None
    new, old, _ = pair
    gap = ctx.between(old, p)  # not "up from 286,250 in April and 2.1% higher than a year earlier"
    # the old value's own period may stand between: "up from 12 at the same point last year, an increase of"
    return (new, old) if len(gap) <= 64 and not _BREAK.search(gap) and not _AND.search(gap) else None


def _old_in_brackets(ctx: Context, p: Claim, claims: list[Claim]) -> tuple[Claim, Claim] | None:
    """ "Profits rose 30% to £48m (£40m last year)": the new value after "to", and the old one in the
    brackets right after it, dated to an earlier period."""
    later = [c for c in claims if c.start > p.end]
    for new, old in zip(later, later[1:], strict=False):
        if not _preceded_by(ctx, new, "to_words") or not same_unit(new, old) or is_percent(new):
            continue
        if _OPEN_BRACKET.fullmatch(ctx.between(new, old)) and _EARLIER_IN_BRACKETS.match(ctx.after(old, 30)):
            return new, old
    return None


_OPEN_BRACKET = re.compile(r"\s*\(\s*")
_EARLIER_IN_BRACKETS = re.compile(
    r"\s*(?:in\s+(?:19|20)\d\d|last\s+year|a\s+year\s+(?:earlier|ago|before)|the\s+year\s+before|previously)"
    r"\s*\)",
    re.I,
)


def _from_with_new_before(
    ctx: Context, p: Claim, claims: list[Claim], by_sentence: dict[int, list[Claim]]
) -> tuple[Claim, Claim] | None:
    """ "a profit of £48m, up 20% from £40m": the old value after "from" in the change's clause, the
    new one the nearest figure of its unit before the change in that clause; in a sentence that
    opens by pointing back ("That was up 20% from £40m"), the last figure of its unit in the
    sentence before."""
    old = next(
        (
            c
            for c in claims
            if c.start > p.end and (_preceded_by(ctx, c, "from_words") or _measured_on(ctx, c))
        ),
        None,
    )
    if old is None or not same_clause(ctx, p, old):
        return None

    def fits(c: Claim) -> bool:
        alike = (same_unit(c, old) or counts_alike(c, old)) and not _minor_unit_mismatch(c, old)
        a_part = _A_PART_BEFORE.search(ctx.before(c, 30))  # "including 9.1 million tonnes of grain"
        return (
            c is not old
            and alike
            and is_percent(c) == is_percent(old)
            and _within_tenfold(c, old)
            and not a_part
        )

    here = [c for c in claims if c.end <= p.start and fits(c)]
    if here:
        return (here[-1], old) if same_clause(ctx, here[-1], p) else None
    sentence = ctx.sentence(p)
    opening = ctx.doc.prose[sentence.start : p.start] if sentence is not None else ""
    if not _POINTS_BACK.match(opening):
        return None
    earlier = [c for c in by_sentence.get(p.sentence - 1, []) if fits(c)]
    return (earlier[-1], old) if earlier else None


# "a 9.4 per cent increase on last year's", "an increase of 9.9% over the revised estimate of": the
# old value a change is measured on, after the change's noun
_CHANGE_ON = re.compile(
    r"\b(?:increase|rise|fall|drop|decline|decrease|growth|gain|jump|cut|reduction)\s+"
    r"(?:of\s+(?:about\s+|almost\s+|nearly\s+)?[\d.,]+\s*(?:%|per\s*cent|percent)\s+)?(?:on|over)\s+"
    r"(?:(?:the\s+)?(?:previous|last|prior)\s+(?:year|month|quarter|week)['\u2019]s\s+|last\s+year['\u2019]s\s+|"
    r"(?:the\s+)?(?:[a-z]+\s+)?(?:estimate|figure|total|level|budget|allocation)\s+of\s+)?[$\u00a3\u20ac\u20b9]?\s*$",
    re.I,
)


_A_PART_BEFORE = re.compile(
    r"\b(?:including|of\s+which|among\s+them)\s+(?:about\s+|some\s+|nearly\s+)?$", re.I
)


def _within_tenfold(new: Claim, old: Claim) -> bool:
    """A new value and an old one a percent change joins are within ten times each other ("312,450
    students sat at least one exam, up 2% on 306,300": "one" is no new value)."""
    a, b = abs(new.value or 0.0), abs(old.value or 0.0)
    return a > 0 and b > 0 and max(a, b) <= 10 * min(a, b)


def _measured_on(ctx: Context, c: Claim) -> bool:
    """The figure is the old value a change before it is measured on ("an increase of 9.9% over", "up
    23 per cent on the 72,000 who came last year")."""
    before = ctx.before(c, 80)
    return bool(_CHANGE_ON.search(before) or _UP_ON.search(before))


# "up 23 per cent on the", "down 4% on last year's": the old value after "on"
_UP_ON = re.compile(
    r"\b(?:up|down)\s+(?:by\s+)?(?:about\s+|almost\s+|nearly\s+)?[\d.,]+\s*(?:%|per\s*cent|percent)\s+on\s+"
    r"(?:the\s+|last\s+year['\u2019]s\s+|(?:the\s+)?(?:previous|prior)\s+(?:year|month|quarter)['\u2019]s\s+)?"
    r"[$\u00a3\u20ac\u20b9]?\s*$",
    re.I,
)


def _old_after_a_pointer_back(
    ctx: Context, p: Claim, claims: list[Claim], by_sentence: dict[int, list[Claim]]
) -> tuple[Claim, Claim] | None:
    """ "... reached a record 57,900. The total is up from 48,200 a year earlier, an increase of 26%":
    a sentence that opens by naming the figure before ("The total", "That") and gives its old value,
    then the change; the new value is the last figure of the old one's unit in the sentence before."""
    before = [c for c in claims if c.end <= p.start and not is_percent(c)]
    if len(before) != 1:
        return None
    old = before[0]
    sentence = ctx.sentence(p)
    opening = ctx.doc.prose[sentence.start : old.start] if sentence is not None else ""
    if not _POINTER_THEN_FROM.match(opening) or not _no_break(ctx.between(old, p)):
        return None
    earlier = [
        c
        for c in by_sentence.get(p.sentence - 1, [])
        if same_unit(c, old) and not is_percent(c) and not _minor_unit_mismatch(c, old)
    ]
    return (earlier[-1], old) if earlier else None


# "The total is up from", "That was down from", "The figure compares with"
_POINTER_THEN_FROM = re.compile(
    r"^\W*(?:that|this|it|the\s+(?:total|figure|number|tally|count|level))\s+(?:is|was|has\s+(?:risen|fallen)|"
    r"rose|fell)?\s*(?:up|down)?\s*(?:from|compared\s+with|against)\s*[$\u00a3\u20ac]?\s*$",
    re.I,
)


# "That was up 20%", "This is 5% more", "It was down 3%": a sentence whose subject is the figure before
_POINTS_BACK = re.compile(r"^\W*(?:that|this|it)\s+(?:was|is|marks|marked|represents|represented)\b", re.I)


_TO_BEFORE = re.compile(r"\bto\s*$", re.I)
_COMPARED = re.compile(
    r"^\s*(?:(above|higher\s+than|more\s+than|up\s+on)|(below|lower\s+than|less\s+than|down\s+on))\b", re.I
)


def _above_an_old_value(ctx: Context, p: Claim, claims: list[Claim]) -> tuple[Claim, Claim, int] | None:
    """ "The deficit for last year was 24.4% above the previous record of $496.5bn", after a lede
    that gives last year's deficit ($671.7bn): (new, old, direction). The old value follows the
    percent in its clause; the new one is the figure of its unit right before the percent in the
    same clause ("reached $820bn, 12.5% above ..."), else the headline's or the lede's figure in the
    same unit that names the same measure (`measure_synonyms`)."""
    compared = _COMPARED.match(ctx.after(p, 20))
    if compared is None:
        return None
    later = [c for c in claims if c.start > p.end and not is_percent(c)]
    old = later[0] if later and not _COLONS.search(ctx.between(p, later[0])) else None
    if old is None or len(ctx.between(p, old)) > 80:
        return None
    way = 1 if compared.group(1) else -1
    here = [c for c in claims if c.end <= p.start and same_unit(c, old) and not is_percent(c)]
    if here and _TO_BEFORE.search(ctx.between(here[-1], p)):
        return None  # "3,214 brings arrivals to 12% above": the figure before is no new value
    if here and same_clause(ctx, here[-1], p):  # "reached $820bn, 12.5% above the record of $729bn"
        return here[-1], old, way
    opening = set(headline_sentences(ctx)) | set(lede_sentences(ctx))
    news = [
        c
        for c in ctx.figures
        if c.sentence in opening
        and c.sentence < p.sentence
        and same_unit(c, old)
        and not is_percent(c)
        and not _preceded_by(ctx, c, "from_words")  # "1.48 million, up 19% from 1.24 million": an old value
    ]
    new = next((c for c in news if _same_measure(ctx, p, c)), None)
    return (new, old, way) if new is not None else None


def change_direction(ctx: Context, p: Claim) -> int:
    """+1 when a rise word stands just before the figure ("rose 5%", "rose by $3"), -1 for a fall, else 0."""
    key = ("direction", p.start, p.end, p.sentence)  # what `before` and `after` read
    # the words since the figure before: "fell to 38% from 41%, with 54% disapproving" gives 54% none
    return ctx.read(key, lambda: direction_of(_DIGIT.split(ctx.before(p, 40))[-1], ctx.after(p, 20)))


def direction_of(before: str, after: str) -> int:
    """The direction a figure is given by the last four words before it, or the word right after it.

    The words before are letters and hyphens: their whole words, lower-cased, are looked up in the
    cue word sets, not searched for with each list's pattern (the same answer while every cue is one
    lower-case word; else the patterns are searched)."""
    if _SHARE_VERB_UP.search(before):
        return 0  # "now make up 21.3 per cent of residents": a share, not a rise
    words = _LETTERS.findall(before)[-4:]
    runs = {run.lower() for word in words for run in word.split("-")}
    for name, sign in (("increase_words", 1), ("decrease_words", -1)):
        cues = _single_words(name)
        before_cue = not cues.isdisjoint(runs) if cues else bool(cue_pattern(name).search(" ".join(words)))
        if before_cue or _cue_ahead(name).match(after):
            return sign
    return 0


_LETTERS = re.compile(r"[A-Za-z-]+")
_DIGIT = re.compile(r"\d")
_SHARE_VERB_UP = re.compile(
    r"\b(?:ma(?:ke|kes|de|king)|t(?:ake|akes|aken|aking|ook))\s+up\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|roughly\s+|just\s+)?$",
    re.I,
)


@cache
def _single_words(name: str) -> frozenset[str]:
    """The cues of list `name` when each is one lower-case ASCII word, else none."""
    words = [str(w) for w in lexicon()[name]]
    one_word = all(w.isascii() and w.isalpha() and w.islower() for w in words)
    return frozenset(words) if one_word else frozenset()


@cache
def _cue_ahead(name: str) -> re.Pattern[str]:
    """A cue of list `name` right after a figure, past spaces."""
    return re.compile(rf"^\s*(?:{cue_pattern(name).pattern})", re.I)


def to_from(ctx: Context, claims: list[Claim], p: Claim | None) -> tuple[Claim, Claim] | None:
    """(new, old): the figure after "to" and the one after "from" in the sentence, same unit."""
    near = claims if p is None else _clause_of(ctx, p, claims)
    new = [c for c in near if _preceded_by(ctx, c, "to_words") and (p is None or not _is_target_of(p, c))]
    old = [c for c in near if _preceded_by(ctx, c, "from_words")]
    own = [c for c in near if p is not None and c.start > p.end and _OWN_NEW.fullmatch(ctx.between(p, c))]
    if own and p is not None:  # "on revenue up 14% to €9.72bn": its own new value, and an old one after it
        new = own  # ... in its own clause: not "to $1.52bn and operating profit jumped to $188m from $141m"
        old = [
            c
            for c in old
            if c.start > own[0].end
            and len(ctx.between(own[0], c)) <= 80
            and _OWN_OLD.fullmatch(ctx.between(own[0], c))
        ]
    for n in new:
        for o in old:
            if (
                n is not o
                and same_unit(n, o)
                and not _minor_unit_mismatch(n, o)
                and (p is None or (not is_percent(n) or is_percent(o)))
                and not (
                    p is not None
                    and p.unit == "percent"
                    and is_percent(n)
                    and _TAKING.search(ctx.between(p, n))
                )
            ):
                return n, o
    return None


# "prices rose 0.4% in August, taking the annual rate to 3.7% from 3.2%": the rate the change moved is
# another measure than the change (the month's rise of prices), so its values are no old and new of it
_TAKING = re.compile(
    r"\b(?:taking|bringing|pushing|lifting|driving|sending|leaving)\s+(?:the|its|their)\b", re.I
)


_AND = re.compile(r"\band\b", re.I)
# a new clause between a change and a figure: "down from $3.8bn, while revenue rose 4.5%"; "rose 5.9%,
# with manufacturing slowing to 3.2% from 8.4%" (another subject); "..., and expect the bank to cut"
_BREAK = re.compile(
    r"[;:]|\b(?:while|whereas|but|although|and its|and the)\b|,\s*with\b"
    r"|,\s*and\s+(?:expect|said|says|added)\b",
    re.I,
)
# between a change's own new value and its old value: "to €9.72bn from €8.5bn", "to 286p, from 274p"
# ("to $1.13bn (£600m) for the three months to December, from $639m"), within its clause (no "and")
_OWN_OLD = re.compile(
    r"(?:(?!\band\b)[^;])*?\b(?:from|compared\s+(?:with|to)|against|versus)\s*[$\u00a3\u20ac\u00a5]?\s*", re.I
)
# between a change and its own new value: "14% to", "14 per cent, to", "14% year on year to"
_OWN_NEW = re.compile(r"\s*,?\s*(?:[a-z-]+\s+){0,3}?(?:to|at)\s*[$\u00a3\u20ac\u00a5]?\s*", re.I)


def _clause_of(ctx: Context, p: Claim, claims: list[Claim]) -> list[Claim]:
    """The figures of `p`'s clause: those reached from `p` figure by figure with no clause break
    between neighbours ("rose from 480,000 tonnes in the first quarter to 640,000 tonnes in the
    second quarter, an increase of 25%": the old value is far from the change, but its clause runs on
    through the new one)."""
    ordered = sorted([*claims, p], key=lambda c: c.start)
    at = ordered.index(p)
    found: list[Claim] = []
    for side in (ordered[at + 1 :], ordered[:at][::-1]):
        last = p
        for c in side:
            if not same_clause(ctx, last, c):
                break
            found.append(c)
            last = c
    return sorted(found, key=lambda c: c.start)


def same_clause(ctx: Context, p: Claim, c: Claim) -> bool:
    """No clause break between the two figures, in either order ("down from $3.8bn, while revenue rose
    4.5%")."""
    return ctx.read(("same-clause", p.start, p.end, c.start, c.end), lambda: _no_break(ctx.between(p, c)))


def _no_break(between: str) -> bool:
    return len(between) <= 80 and not _BREAK.search(between)


_MINOR = re.compile(r"\d\s*(?:cents?|pence|p|c|\u00a2)\b", re.I)


def _minor_unit_mismatch(a: Claim, b: Claim) -> bool:
    """ "from 40 to 50 cents": one side written in cents, the other bare; their scales cannot be trusted."""
    return a.kind == "money" and bool(_MINOR.search(a.text)) != bool(_MINOR.search(b.text))


def _is_target_of(p: Claim, c: Claim) -> bool:
    return c is p


def _preceded_by(ctx: Context, claim: Claim, cues: str) -> bool:
    return ctx.read(("preceded-by", claim.start, cues), lambda: _ends_with(ctx.doc.prose, claim.start, cues))


def _ends_with(prose: str, start: int, cues: str) -> bool:
    """Do the 25 characters before `start` end with a cue of list `cues` (a currency sign aside)?"""
    before = prose[max(0, start - 25) : start]
    before = re.sub(r"[$\u00a3\u20ac\u00a5]\s*$", "", before)
    return ends_with_cue(before, cues)


def _nearby_pair(
    ctx: Context, by_sentence: dict[int, list[Claim]], p: Claim, direction: int, reach: int, used: set[str]
) -> tuple[Claim, Claim] | None:
    """The old and new values of a change stated in another sentence: "54 million, up from 34
    million" a few sentences before "had risen by 60%"; or, for a change stated in the lede
    ("profits dropped 25%"), the next sentence with figures when its first figure of that kind is
    the new value ("It earned $312m (€290m), down from $416m", "in the three months it made a profit
    of £60m compared with £80m a year earlier"). The pair must change the same way, and pairs
    with one change only."""
    if ends_with_cue(ctx.before(p, 20), "from_words"):
        return None  # "down from 16.3%" is the old value of a change, not a change
    own = by_sentence.get(p.sentence, [])
    if any(c.start > p.end and _own_new_value(ctx, p, c) for c in own):
        return None  # "Shares rose 4.1% to 286p": the change has its own new value, of its own measure
    if any(c is not p and is_percent(c) and change_direction(ctx, c) == direction for c in own):
        return None  # "rose 0.4% in February and were 2.8% higher than a year earlier": which one?
    named_back = (
        _CHANGE_NAMED_BACK.match(ctx.after(p, 20)) and _THE_BEFORE.search(ctx.before(p, 8))
    ) or _pointer_to_a_change(ctx, p)
    back = range(p.sentence - 1, max(-1, p.sentence - reach - 1), -1)
    pairs = [pair for idx in back if (pair := _pair_before(ctx, by_sentence.get(idx, []), bool(named_back)))]
    fitting = [pair for pair in pairs if _fits_change(ctx, p, pair, direction, used)]
    if fitting:
        return fitting[0][0], fitting[0][1]
    told_last = [pair for pair in pairs if pair[2] == direction and pair[0].id not in used]
    if named_back and told_last:  # "The 1.9-percent increase was driven by ...": the change told last
        return told_last[0][0], told_last[0][1]
    if p.sentence not in lede_sentences(ctx):
        return None
    following = next((i for i in sorted(by_sentence) if i > p.sentence), None)
    figures = by_sentence.get(following, []) if following is not None else []
    pair = _pair_in(ctx, figures) or _to_from_pair(ctx, figures)
    if (
        pair is not None
        and pair[0]
        is next(c for c in figures if c.kind == pair[0].kind and not _preceded_by(ctx, c, "from_words"))
        and _fits_change(ctx, p, pair, direction, used)
    ):
        return pair[0], pair[1]
    return _lede_change_told_later(ctx, by_sentence, p, direction, reach, used)


def _lede_change_told_later(
    ctx: Context, by_sentence: dict[int, list[Claim]], p: Claim, direction: int, reach: int, used: set[str]
) -> tuple[Claim, Claim] | None:
    """ "sales fell 17.7 per cent in the six months" in the lede ... "Total sales were $350 million,
    down from $412 million" a few sentences on: the first later "X, up (down) from Y" of the change's
    own measure, its sentence holding no percentage of its own, gives the lede's change its values."""
    for idx in sorted(i for i in by_sentence if p.sentence + 1 < i <= p.sentence + reach):
        figures = by_sentence[idx]
        pair = None if any(is_percent(c) for c in figures) else _pair_in(ctx, figures)
        if (
            pair is not None
            and _fits_change(ctx, p, pair, direction, used)
            and _named_in_its_clause(ctx, p, pair[0])
        ):
            return pair[0], pair[1]
    return None


def _named_in_its_clause(ctx: Context, p: Claim, value: Claim) -> bool:
    """The value's own clause names the change's measure ("Total sales were $350 million"), not
    merely its sentence: far from the lede, a sentence's other clauses may tell of another measure."""
    clause = _COMMAS_OR_COLONS.split(ctx.before(value, 60))[-1]
    around = (
        _COMMAS_OR_COLONS.split(ctx.before(p, 60))[-1] + " " + _COMMAS_OR_COLONS.split(ctx.after(p, 30))[0]
    )
    return bool(_measure_terms(clause) & _measure_terms(around))


def _pair_before(ctx: Context, figures: list[Claim], named_back: bool) -> tuple[Claim, Claim, int] | None:
    """A sentence's "X, up from Y"; for a change named back, its "to X from Y" too."""
    return _pair_in(ctx, figures) or (_to_from_pair(ctx, figures) if named_back else None)


# the nouns a change is named by, and the opening of a sentence that points at the figures before it
_CHANGE_NOUN = r"(?:increase|rise|hike|jump|growth|gain|drop|fall|decline|decrease|cut|reduction)"
_POINTER_VERBS = r"is|was|represents|represented|marks|marked|amounts\s+to"
# "The 9.2% hike in the per-unit rate", "The 1.9-percent increase": a change named back by its noun
_CHANGE_NAMED_BACK = re.compile(rf"^\s*{_CHANGE_NOUN}\b", re.I)
_THE_BEFORE = re.compile(r"\b(?:the|this|that)\s*$", re.I)


def _own_new_value(ctx: Context, p: Claim, c: Claim) -> bool:
    """ "rose 4.1% to 286p", "up 14 per cent year on year to £2bn": a figure right after the change,
    "to" it, is its new value; not one "to" in a later clause ("an increase of 17 per cent, at a time
    when the trust was told to reduce such waits to close to zero")."""
    return (
        not is_percent(c) and _preceded_by(ctx, c, "to_words") and bool(_OWN_NEW.fullmatch(ctx.between(p, c)))
    )


def _pointer_to_a_change(ctx: Context, p: Claim) -> bool:
    """ "... rose from 4,270 to 5,130. That is an increase of 20 per cent": a sentence opening on a
    pointer to the figures before, then the change named by its noun, names that change back."""
    sentence = ctx.sentence(p)
    opening = ctx.doc.prose[sentence.start : p.start] if sentence is not None else ""
    return bool(_POINTER_TO_A_CHANGE.match(opening))


_POINTER_TO_A_CHANGE = re.compile(
    rf"^\W*(?:that|this|it)\s+(?:{_POINTER_VERBS})\s+(?:an?\s+)?(?:[a-z]+\s+){{0,2}}?{_CHANGE_NOUN}"
    r"\s+of\s+(?:(?:about|around|some|nearly|almost|roughly|more\s+than|over|just\s+over|just\s+under)\s+)?$",
    re.I,
)


def _to_from_pair(ctx: Context, figures: list[Claim]) -> tuple[Claim, Claim, int] | None:
    """ "Pre-tax profit climbed to £86.4m from £71.2m": (new, old, way) of a sentence's "to ... from"."""
    if any(is_percent(c) for c in figures):
        return None  # a sentence with a percentage of its own keeps its pair to itself
    pair = to_from(ctx, figures, None)
    if pair is None or pair[0].value is None or pair[1].value is None or pair[0].value == pair[1].value:
        return None
    return pair[0], pair[1], 1 if pair[0].value > pair[1].value else -1


def _fits_change(
    ctx: Context, p: Claim, pair: tuple[Claim, Claim, int], direction: int, used: set[str]
) -> bool:
    """A pair from another sentence fits change `p`: not taken yet, the same way, the same measure."""
    new, old, way = pair
    return new.id not in used and way == direction and _same_measure(ctx, p, old)


def _same_measure(ctx: Context, p: Claim, value: Claim) -> bool:
    """The change and the sentence of one of its values name the same measure ("a 25% drop in
    profits" / "a profit of £60m"; "profits dropped 25%" / "it earned $312m"; "the deficit was 24.4%
    above ..." / "the gap ... hit $671.7bn"), read from the words around the percent and the words
    before the value in its sentence."""
    window = _COLONS.split(ctx.before(p, 60))[-1]
    clause = _COMMAS_OR_COLONS.split(window)[-1]
    # the change's own clause names its measure; else the words before it, up to a clause of cause or
    # time that names another ("fell 3% after it cut its profit forecast, before closing down 5%")
    before = clause if _measure_terms(clause) else _SUBORDINATE.split(window)[0]
    around = before + " " + _COMMAS_OR_COLONS.split(ctx.after(p, 30))[0]
    sentence = ctx.sentence(value)
    start = sentence.start if sentence is not None else max(0, value.start - 200)
    return bool(_measure_terms(around) & _measure_terms(ctx.doc.prose[start : value.start]))


_SUBORDINATE = re.compile(r"\b(?:after|because|since|following|amid|as|when|while)\b", re.I)


_COLONS = re.compile(r"[;:]")
_COMMAS_OR_COLONS = re.compile(r"[,;:]")
_THREE_LETTERS = re.compile(r"[A-Za-z]{3,}")


def _measure_terms(text: str) -> set[str]:
    """Words of four letters or more that are no change or filler word, a synonym group's first word
    standing for the group."""
    stops, groups = _measure_vocabulary()
    words = {w.lower() for w in _THREE_LETTERS.findall(text)}
    words = {w for w in words if len(w) >= 4 or w in groups} - stops  # "gap" is a measure word too
    return {groups.get(w, w) for w in words}


@cache
def _measure_vocabulary() -> tuple[frozenset[str], dict[str, str]]:
    lex = lexicon()
    stops = (
        frozenset(lex["measure_stops"]) | frozenset(lex["increase_words"]) | frozenset(lex["decrease_words"])
    )
    groups = {word: group[0] for group in lex["measure_synonyms"] for word in group}
    return stops, groups


# "up from", "down from a record", "compared with the revised"
_UP_DOWN_FROM = re.compile(
    r"\b(?:(up|down)\s+from|compared\s+(?:with|to)|against|versus|vs\.?)\s*(?:(?:a|an|the)\s+[a-z-]+\s+)?\W?$",
    re.I,
)


def _pair_in(ctx: Context, claims: list[Claim]) -> tuple[Claim, Claim, int] | None:
    """ "X, up from Y", "X (£Z), down from Y", "X compared with Y": (new, old, way) in one sentence;
    a conversion in brackets between them is skipped. A sentence that states a percentage of its
    own ("up from $3.85tn, a rise of about 5.5%") keeps its pair to itself."""
    if any(is_percent(c) for c in claims):
        return None
    for i, new in enumerate(claims):
        for j, old in enumerate(claims[i + 1 : i + 3]):
            if j and same_unit(claims[i + 1], new):
                break  # "9.2p ..., taking the payout to 13.5p, up from 12.6p": 13.5p is the new value
            gap = ctx.between(new, old)
            m = _UP_DOWN_FROM.search(gap)
            if not m or not counts_alike(new, old) or is_percent(new) or not _close_enough(gap, m):
                continue
            if m.group(1):
                return new, old, 1 if m.group(1).lower() == "up" else -1
            if new.value is not None and old.value is not None and new.value != old.value:
                return new, old, 1 if new.value > old.value else -1
    return None


def _close_enough(gap: str, m: re.Match[str]) -> bool:
    """ "X, compared with Y" within 80 characters; "X ... in the fiscal year that ended June 30, down
    from a record Y" within 120, with no clause break: "down from" says which figure it follows."""
    return len(gap) < 80 or (m.group(1) is not None and len(gap) < 120 and not _BREAK.search(gap))


def _multiplier(sentence: str) -> float | None:
    factors: dict[str, float] = lexicon()["multiplier_words"]
    if sentence.isascii() and not _holds_a_stem(sentence.lower()):
        return None  # none of the words is in the sentence: the pattern cannot match (ASCII folds alike)
    present = {" ".join(m.group(0).lower().split()) for m in _multiplier_words().finditer(sentence)}
    return next((float(f) for word, f in factors.items() if word.lower() in present), None)


def _holds_a_stem(lowered: str) -> bool:
    for stem in _multiplier_stems():  # noqa: SIM110 - a loop is twice as fast as any() here
        if stem in lowered:
            return True
    return False


@cache
def _multiplier_stems() -> tuple[str, ...]:
    """The first word of each multiplier, lower-cased: one must be in a sentence for any to match."""
    return tuple(str(w).lower().split()[0] for w in lexicon()["multiplier_words"])


@cache
def _multiplier_words() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{words_pattern(lexicon()['multiplier_words'])})\b", re.I)


def _stated(claim: Claim, approx: float) -> Interval:
    """ "just over 54 million" changes by what it states: its point, not its open bound."""
    if claim.qualifier in ("at_least", "more_than", "at_most", "less_than"):
        return point(claim, approx)
    return interval(claim, approx)


def shared_precision(a: Claim, b: Claim) -> tuple[Claim, Claim]:
    """ "to 410,000 tonnes, up from 400,000": two values of one measure compared in one sentence are
    written to one precision, so a round figure whose trailing zeros leave its step open (100,000 or
    10,000?) takes its partner's finer step; never finer than its own last printed digit."""
    if not same_unit(a, b):
        return a, b
    step_a, step_b = step(a), step(b)
    return _to_step(a, step_b), _to_step(b, step_a)


def _to_step(claim: Claim, finer: float) -> Claim:
    own = step(claim)
    printed = printed_unit(claim)
    if printed is None or not 0 < finer < own or finer < printed or claim.qualifier != "exact":
        return claim
    return replace(claim, step=finer)


def _check_change(change: Change, options: dict[str, Any]) -> Outcome | None:
    approx = options["approx_tolerance"]
    new_claim, old_claim = shared_precision(change.new, change.old)
    new, old = _stated(new_claim, approx), _stated(old_claim, approx)
    if old.lo <= 0 or new.hi == float("inf") or old.hi == float("inf"):
        return None
    ratio = Interval(new.lo / old.hi, new.hi / old.lo)
    stated = (change.new.value or 0) / (change.old.value or 1)
    claims = [c for c in (change.percent, change.new, change.old) if c is not None]
    if change.factor is not None:
        tol = options["multiplier_tolerance"]
        target = Interval(change.factor * (1 - tol), change.factor * (1 + tol))
        msg = f"{label(change.old)} -> {label(change.new)} is x{stated:.2f}"
        ratio_details = {"ratio": round(stated, 4), "factor": change.factor}
        if ratio.overlaps(target):
            return Outcome("pass", claims, f"{msg}, as stated (x{change.factor:g})", ratio_details)
        return Outcome("fail", claims, f"{msg}, not x{change.factor:g}", ratio_details, anchor=change.new)
    assert change.percent is not None
    fraction = change.percent.kind == "fraction"
    p = _fraction_band(change.percent, approx) if fraction else interval(change.percent, approx)
    computed = ratio.scale(100.0)
    computed = Interval(computed.lo - 100.0, computed.hi - 100.0)
    if change.direction < 0:
        computed = Interval(-computed.hi, -computed.lo)
    pct = (stated - 1) * 100 * change.direction
    details: dict[str, Any] = {
        "computed": round(pct, 3),
        "computed_range": computed.to_json(),
        "stated_range": p.to_json(),
    }
    arrow = "rise" if change.direction > 0 else "fall"
    msg = f"{label(change.old)} -> {label(change.new)} is a {fmt(round(pct, 1))}% {arrow}"
    claims = [change.percent, change.new, change.old]
    if computed.overlaps(p):
        return Outcome(
            "pass", claims, f"{msg}; stated {label(change.percent)}", details, confidence=change.confidence
        )
    if is_percent(change.new) and is_percent(change.old):
        points = abs((change.new.value or 0) - (change.old.value or 0))
        if abs(points - (change.percent.value or 0)) <= 0.5:
            return Outcome(
                "fail",
                claims,
                f"{msg}; the stated {label(change.percent)} is the change in percentage points: say so",
                details,
                anchor=change.percent,
                confidence="low",
            )
    return Outcome(
        "fail",
        claims,
        f"{msg}, not {label(change.percent)}",
        details,
        anchor=change.percent,
        confidence=change.confidence,
    )


@checker("percent-of", options={"approx_tolerance": 0.1})
def percent_of(ctx: Context, options: dict[str, Any]) -> list[Outcome]:
    """ "258 civilians, or 52% of the 496 killed": the share recomputed from part and whole."""
    out = []
    figures = ctx.figures
    for i, p in enumerate(figures):
        if not is_percent(p):
            continue
        fraction = figures[i - 1] if i > 0 else None
        if fraction is not None and _fraction_restated(ctx, fraction, p):
            out.append(_check_fraction(p, fraction, options["approx_tolerance"]))
            continue
        triple = (
            _share(ctx, figures, i) or _share_then_part(ctx, figures, i) or _whole_opening(ctx, figures, i)
        )
        confidence: Confidence = "high"
        if triple is None:
            triple, confidence = _share_pointing_back(ctx, figures, i), "low"
        if triple is None:
            triple, confidence = _share_of_named_total(ctx, figures, i), "low"
        if triple is None:
            triple, confidence = _share_of_them(ctx, figures, i), "low"
        if triple is None:
            triple, confidence = _share_with_part(ctx, figures, i), "low"
        if triple is None:
            triple, confidence = _share_of_staff(ctx, figures, i), "low"
        if triple is None:
            triple, confidence = _rate_of_a_part(ctx, figures, i), "low"
        if triple is None:
            triple, confidence = _share_linked_to_its_whole(ctx, figures, i), "low"
        if triple is None:
            triple, confidence = _fraction_of_them(ctx, figures, i), "low"
        if triple is None:
            continue
        part, whole = triple
        out.append(_check_share(p, part, whole, options["approx_tolerance"], confidence))
    for i, f in enumerate(figures):  # "A quarter of the 800 homes, or 200": a fraction stated with its part
        if f.kind != "fraction":
            continue
        approx = options["approx_tolerance"]
        if (triple := _share_then_part(ctx, figures, i)) is not None:
            out.append(_check_share(f, *triple, approx, stated=_fraction_band(f, approx)))
        elif (triple := _fraction_of_them(ctx, figures, i) or _share_of_staff(ctx, figures, i)) is not None:
            out.append(_check_share(f, *triple, approx, "low", _fraction_band(f, approx)))
    return out


# the hedges a part, a rate or a share may carry before its number ("a rate of about 5%")
_ROUGHLY = r"(?:(?:about|around|some|nearly|almost|roughly|approximately|just\s+over|just\s+under)\s+)?"
_WITH_BEFORE_PART = re.compile(rf"^\s*,\s*with\s+{_ROUGHLY}$", re.I)
_OUT_OF = re.compile(rf"^\s*(?:out\s+)?of\s+(?:{POSSESSOR}|the\s+|a\s+total\s+of\s+)?$", re.I)


def _share_pointing_back(ctx: Context, figures: list[Claim], i: int) -> tuple[Claim, Claim] | None:
    """ "The appeal has raised $340,000. That is 86 per cent of the $500,000 target": a share whose
    sentence opens on a pointer to the figure before ("That is", "This represents") and names its
    whole after "of"; the part is the last figure of the whole's unit in the sentence before (less
    sure)."""
    p = figures[i]
    whole = figures[i + 1] if i + 1 < len(figures) else None
    sentence = ctx.sentence(p)
    if whole is None or sentence is None or whole.sentence != p.sentence:
        return None
    if not _OUT_OF.match(ctx.between(p, whole)) or not _POINTER_IS.match(
        ctx.doc.prose[sentence.start : p.start]
    ):
        return None
    earlier = [
        c
        for c in ctx.figures_by_sentence.get(p.sentence - 1, [])
        if same_unit(c, whole) and not is_percent(c) and c.value is not None
    ]
    return (earlier[-1], whole) if earlier else None


# "That is", "This represents", "It was about": a sentence whose subject is the figure before
_POINTER_IS = re.compile(
    rf"^\W*(?:that|this|it)\s+(?:{_POINTER_VERBS}|equals|makes\s+up)\s+" + _ROUGHLY + "$",
    re.I,
)


def _share_with_part(ctx: Context, figures: list[Claim], i: int) -> tuple[Claim, Claim] | None:
    """ "Turnout was 85%, with 2.1 million of 3.7 million voters casting ballots": a share with no base
    of its own, then the part and whole it was taken from (less sure: "40% of the vote, with 12 of 30
    seats" shares two bases, and is left alone for its "of")."""
    if i + 2 >= len(figures) or _OF_AFTER.match(ctx.after(figures[i], 6)):
        return None
    p, part, whole = figures[i], figures[i + 1], figures[i + 2]
    if not (p.sentence == part.sentence == whole.sentence) or is_percent(part) or is_percent(whole):
        return None
    if not (_WITH_BEFORE_PART.match(ctx.between(p, part)) and _OUT_OF.match(ctx.between(part, whole))):
        return None
    return (part, whole) if _part_of(whole, part) else None


def _fraction_of_them(ctx: Context, figures: list[Claim], i: int) -> tuple[Claim, Claim] | None:
    """ "About 3,000 people were evacuated. Nearly half of them, some 1,400, were children": a share of
    the group counted before, with its part beside it (less sure)."""
    if i + 1 >= len(figures):
        return None
    share, part = figures[i], figures[i + 1]
    gap = ctx.between(share, part)
    if share.sentence != part.sentence or is_percent(part):
        return None
    of_them = re.match(r"^\s*of\s+(?:them|those|these|whom)\b", gap, re.I)
    if of_them is None or not _PART_BESIDE.match(gap[of_them.end() :]):
        return None
    whole = _group_counted_before(ctx, share, part)
    return (part, whole) if whole is not None else None


# "of the 500 delegates": between a share and its whole
_OF_THE_WHOLE = re.compile(r"^\s*of\s+(?:the\s+|its\s+|their\s+|all\s+|those\s+)?$", re.I)
# after the whole (and its noun): the part set beside it ("..., or 300", "(300)", ", about 450 people")
_PART_BESIDE = re.compile(
    r"^[^.;:()\d]{0,30}?(?:,\s*(?:or\s+)?|\(\s*|\s[-\u2013\u2014]\s*)"
    rf"{_ROUGHLY}$",
    re.I,
)


def _share_then_part(ctx: Context, figures: list[Claim], i: int) -> tuple[Claim, Claim] | None:
    """ "60% of the 500 delegates, or 300", "30% of the 1,500 displaced, about 450 people": (part,
    whole) after the share."""
    if i + 2 >= len(figures):
        return None
    p, whole, part = figures[i], figures[i + 1], figures[i + 2]
    if not (p.sentence == whole.sentence == part.sentence) or not _OF_THE_WHOLE.match(ctx.between(p, whole)):
        return None
    if not _PART_BESIDE.match(ctx.between(whole, part)) or is_percent(part):
        return None
    return (part, whole) if _part_of(whole, part) else None


def _whole_opening(ctx: Context, figures: list[Claim], i: int) -> tuple[Claim, Claim] | None:
    """ "Of the 40 people killed, 10, or 25%, were children"; "Of the 120 staff, 30 (25%)": (part,
    whole), the whole opening the clause and the share right after the part."""
    if i < 2:
        return None
    part, p = figures[i - 1], figures[i]
    rate = _RATE_NAMED.search(ctx.before(p, 40))
    whole = _whole_opening_the_sentence(ctx, figures, i - 1)
    if rate:  # "Of the 84,000 children, 61,300 have had two doses, a coverage rate of 73%": the part
        # opens its clause; later figures count other things (doses)
        clause = [c for c in figures[:i] if c.sentence == p.sentence and not is_percent(c)]
        opener = next((c for c in clause if _OPENS_ON(ctx, c)), None)
        after_opener = [c for c in clause if opener is None or c.start > opener.end]
        counts = [c for c in after_opener if c.kind in ("count", "bare") and c.unit in (None, "people")]
        # "48,260 were formal and 2,910 informal, an informal rate of 5.7%": the part the rate names
        named = _named_by_the_rate(ctx, counts, rate)
        part = named or next(iter(counts), part)
        whole = opener
    opened = whole is not None
    those = next(
        (c for c in figures[:i] if c.sentence == p.sentence and _THOSE_OPENS.search(ctx.before(c, 30))), None
    )
    if whole is None and those is not None:
        # "The department saw 4,812 patients. Of those, 3,140 were seen in four hours, or 65%": the
        # group the sentence before counted
        before = [c for c in ctx.figures_in(p.sentence - 1, p.sentence - 1) if not is_percent(c)]
        part, whole = those, _those_counted(before, those, p)
    if whole is None or part.sentence != p.sentence:
        return None
    between = _DIGIT.sub("x", ctx.between(whole, part))
    if opened and not re.match(r"^[^.;:()\d]{0,80}?,[^.;:()\d,]{0,30}$", between):
        return None  # "Of the 650 seats, 326", "Of the 650 seats, the party won 326"
    gap = ctx.between(part, p)  # "10, or 25%", "40 reported side effects, or 16%"
    near = _OR_BEFORE.search(gap) and len(gap) <= 40 and not re.search(r"[\d.;:]", gap)
    far = (rate or (those is not None and _OR_BEFORE.search(gap))) and len(gap) <= 100
    if not near and not (far and not re.search(r"[.;:]", gap)):
        return None
    return (part, whole) if _part_of(whole, part) else None


def _those_counted(before: list[Claim], part: Claim, p: Claim) -> Claim | None:
    """The group "Of those" points at in the sentence before: its last figure that can hold the part
    ("36,042 votes cast from an enrolment of 48,930. Of those, 1,288 were informal, a rate of 3.6 per
    cent"); when several can, the one the share holds of, if any: the copy does not say which."""
    holding = [c for c in before if _part_of(c, part) and (c.value or 0) >= (part.value or 0)]
    fitting = [c for c in holding if _share_fits(p, part, c)]
    chosen = fitting or holding or before
    return chosen[-1] if chosen else None


def _share_fits(p: Claim, part: Claim, whole: Claim) -> bool:
    stated = interval(p)
    share = 100.0 * (part.value or 0) / (whole.value or 1)
    return stated.lo - 0.5 <= share <= stated.hi + 0.5


def _named_by_the_rate(ctx: Context, counts: list[Claim], rate: re.Match[str]) -> Claim | None:
    """The count the rate's own word follows ("2,910 informal" for "an informal rate of")."""
    word = re.search(r"([a-z-]+)\s+(?:rate|turnout|proportion|share)\s+of", rate.group(0), re.I)
    if word is None:
        return None
    follows = re.compile(rf"^\s+(?:(?:were|was|are|is)\s+)?{re.escape(word.group(1))}\b", re.I)
    return next((c for c in counts if follows.match(ctx.after(c, 30))), None)


def _OPENS_ON(ctx: Context, c: Claim) -> bool:  # noqa: N802 - reads like the patterns it joins
    """ "Of the 84,000", "Of the district's 84,000": a figure a clause opens on as its whole."""
    before = ctx.before(c, 40)
    return bool(OF_THE_OPENS.search(before) or _OF_A_POSSESSOR_OPENS.search(before))


_OF_A_POSSESSOR_OPENS = re.compile(rf"(?:^|[.;:]\s*|\n)\W*(?:of|among)\s+{POSSESSOR}$", re.I)
# "Of those, ", "Of them, ", "Among these, ": a clause opening on the group counted just before
_THOSE_OPENS = re.compile(r"(?:^|[.;:]\s*|\n)\W*(?:of|among)\s+(?:those|them|these)\s*,\s*$", re.I)
# ", a coverage rate of", ", a turnout of", ", an offer rate of": the share the part makes of its whole
_RATE_NAMED = re.compile(
    r",\s*(?:an?\s+)?(?:[a-z-]+\s+)?(?:rate|turnout|share|proportion)\s+of\s+(?:about\s+|almost\s+|nearly\s+)?$",
    re.I,
)


def _whole_opening_the_sentence(ctx: Context, figures: list[Claim], j: int) -> Claim | None:
    """The figure "Of the" opens the part's sentence on ("Of the 640 households surveyed in three
    districts, 160 ..."), when no figure between it and the part counts the same things."""
    part = figures[j]
    for k in range(j - 1, -1, -1):
        whole = figures[k]
        if whole.sentence != part.sentence:
            return None
        if OF_THE_OPENS.search(ctx.before(whole, 30)):
            between = figures[k + 1 : j]
            return None if any(c.unit is not None and same_unit(whole, c) for c in between) else whole
    return None


def _share_of_them(ctx: Context, figures: list[Claim], i: int) -> tuple[Claim, Claim] | None:
    """ "The council has 70 seats. The party won 45 of them, or 64%": the part's "of them" points at
    the group counted in its sentence or the one before (less sure)."""
    if i < 1:
        return None
    part, p = figures[i - 1], figures[i]
    gap = ctx.between(part, p)
    apposed = gap.rstrip().endswith(",") and bool(_CLOSED_AFTER.match(ctx.after(p, 3)))  # "750 of them, 15%,"
    if part.sentence != p.sentence or not (_OR_BEFORE.search(gap) or apposed):
        return None
    opens_on_them = bool(_OF_THOSE_OPENS.match(ctx.before(part, 40)))  # "Of these, 48,000, or 57%"
    if not (re.match(r"^\s*of\s+(?:them|those|these|whom)\b[^.;:]{0,10}$", gap) or opens_on_them):
        return None
    whole = _group_counted_before(ctx, part, part)
    return (part, whole) if whole is not None else None


def _share_linked_to_its_whole(ctx: Context, figures: list[Claim], i: int) -> tuple[Claim, Claim] | None:
    """ "$40bn, accounting for 20% of the total $200bn", "The 35 seats amount to 12% of the 290 in
    parliament": a share of a whole that follows it ("of the total"), linked to the part before it
    by "or", a bracket, or a verb of making up (less sure)."""
    if i < 1 or i + 1 >= len(figures):
        return None
    part, p, whole = figures[i - 1], figures[i], figures[i + 1]
    if not (part.sentence == p.sentence == whole.sentence) or is_percent(part) or is_percent(whole):
        return None
    if not (_OF_A_WHOLE.match(ctx.between(p, whole)) and _SHARE_LINK.search(ctx.between(part, p))):
        return None
    return (part, whole) if _part_of(whole, part) else None


# between a share and its whole: "of the total", "of the country's", "of all"
_OF_A_WHOLE = re.compile(
    r"^\s*of\s+(?:(?:the|its|their|all|a|an)\s+)?(?:[A-Za-z'\u2019-]+\s+){0,3}?[$\u00a3\u20ac\u00a5]?\s*$",
    re.I,
)
# between a part and its share: ", or", "(", ", accounting for", " amount to", " make up"
_SHARE_LINK = re.compile(
    r"^[^.;:()\d%]{0,40}?(?:,\s*or|\(|,\s*(?:accounting\s+for|representing|making\s+up|equal\s+to)|"
    r"\s(?:amount(?:s|ed)?\s+to|represent(?:s|ed)?|make\s+up|makes\s+up|made\s+up|account(?:s|ed)?\s+for|"
    r"equals?|(?:is|are|was|were)\s+equal\s+to))\s*"
    rf"{_ROUGHLY}$",
    re.I,
)


def _rate_of_a_part(ctx: Context, figures: list[Claim], i: int) -> tuple[Claim, Claim] | None:
    """ "Of the 4,120 cases, 212 were fatal, a death rate of about 5%", "4,120 cases and 212 deaths, a
    fatality rate of 5.1%", "Of those, 212 were fatal, a death rate of 5%": a rate set beside a part
    is the part's share of the whole the clause opens on, or of the count just before the part and
    joined to it by "and", or of the group "Of those" points at (less sure)."""
    if i < 1:
        return None
    part, p = figures[i - 1], figures[i]
    if not _RATE_OF_END.search(ctx.before(p, 40)):
        return None
    whole_last = _part_then_its_whole(ctx, figures, i)
    if whole_last is not None:
        return whole_last
    pair = _a_part_of_a_whole_before(ctx, figures, i)  # "312 of the 480 graduates ..., a rate of 65%"
    if pair is not None:
        return pair
    if part.sentence != p.sentence or is_percent(part) or not _A_RATE_OF.match(ctx.between(part, p)):
        return None
    opening = _whole_opening_the_sentence(ctx, figures, i - 1)  # "Of the 540,000 aged 15 to 24 ..., 96,000"
    if opening is not None:
        return (part, opening) if _part_of(opening, part) or _both_counts(opening, part) else None
    before = [c for c in ctx.figures_in(part.sentence, part.sentence) if c.end <= part.start]
    whole = before[-1] if before else None
    if whole is not None and (
        OF_THE_OPENS.search(ctx.before(whole, 30)) or _COUNTS_AND.match(ctx.between(whole, part))
    ):
        return (part, whole) if _part_of(whole, part) or _both_counts(whole, part) else None
    if (not before and _OF_THOSE_OPENS.match(ctx.before(part, 40))) or _OF_THEM_AFTER.match(
        ctx.after(part, 12)
    ):
        whole = _group_counted_before(ctx, part, part)  # "Of those, 212 ...", "90 of them ..."
        return (part, whole) if whole is not None else None
    return None


_OF_THEM_AFTER = re.compile(r"\s+of\s+(?:them|those|these|whom)\b", re.I)


def _part_then_its_whole(ctx: Context, figures: list[Claim], i: int) -> tuple[Claim, Claim] | None:
    """ "5,212 ballot papers were issued in a ward with an electorate of 18,460, giving a turnout of
    34.1%": the whole named by "of" right before the rate, the part the count before it in the clause."""
    if i < 2:
        return None
    part, whole, p = figures[i - 2], figures[i - 1], figures[i]
    if not (part.sentence == whole.sentence == p.sentence) or is_percent(part) or is_percent(whole):
        return None
    if not _WHOLE_NAMED_OF.search(ctx.before(whole, 30)) or re.search(r"[.;:]", ctx.between(part, whole)):
        return None
    if not _A_RATE_OF.match(ctx.between(whole, p)) or (whole.value or 0) <= (part.value or 0):
        return None
    return (part, whole) if _both_counts(whole, part) or _part_of(whole, part) else None


# "an electorate of", "a population of", "a total of", "a workforce of": a whole named before its number
_WHOLE_NAMED_OF = re.compile(
    r"\b(?:electorate|population|total|workforce|membership|roll|register|field|pool|intake)\s+of\s*$", re.I
)


def _both_counts(whole: Claim, part: Claim) -> bool:
    """ "4,120 cases and 212 deaths": two counts, bare or of people (cases are people counted)."""
    counts = (None, "people")
    kinds = whole.unit in counts and part.unit in counts and whole.kind != "fraction"
    return whole.value is not None and kinds


def _a_part_of_a_whole_before(ctx: Context, figures: list[Claim], i: int) -> tuple[Claim, Claim] | None:
    """The nearest "A of the B" (or "of its B") before the rate in its sentence, A and B counts of one
    kind, with no other such pair or clause break between it and the rate."""
    p = figures[i]
    before = [c for c in figures[:i] if c.sentence == p.sentence]
    for a, b in reversed(list(zip(before, before[1:], strict=False))):
        if _OF_ITS.fullmatch(ctx.between(a, b)) and not re.search(r"[;:]", ctx.between(b, p)):
            return (a, b) if _part_of(b, a) or _both_counts(b, a) else None
    return None


_OF_ITS = re.compile(
    rf"\s*(?:[a-z-]+\s+){{0,2}}?(?:out\s+)?of\s+(?:{POSSESSOR}|(?:the|its|their|his|her)\s+)", re.I
)
_RATE_OF_END = re.compile(rf"\b(?:rate|turnout|proportion|share)\s+of\s+{_ROUGHLY}$", re.I)


# between a part and its rate: ", a death rate of", ", a case fatality rate of about", ", a turnout of"
_A_RATE_OF = re.compile(
    r"^[^.;:()\d]{0,40}?,\s*(?:an?\s+)?(?:[a-z-]+\s+){0,2}(?:rate|turnout|proportion|share)\s+of\s+"
    rf"{_ROUGHLY}$",
    re.I,
)
# "4,120 cases and 212 deaths": two counts of the clause joined by "and", the first with its noun
_COUNTS_AND = re.compile(r"^\s*[a-z-]+\s+and\s*$", re.I)
# "Of those, 212 ...": the sentence opens on the group counted before
_OF_THOSE_OPENS = re.compile(r"^\W*(?:of|among)\s+(?:those|them|these)\b[^.;:\d]*$", re.I)


_CLOSED_AFTER = re.compile(r"\s*[,)]")


def _group_counted_before(ctx: Context, at: Claim, part: Claim) -> Claim | None:
    """The group "of them" points at: the last count before `at`, in its sentence or the one before,
    that `part` can be a part of; passing over a count smaller than the part when a larger one comes
    before it ("312 samples at 26 stations ... 304 of them": the samples)."""
    earlier = [
        c
        for c in ctx.figures_in(at.sentence - 1, at.sentence)
        if c.end <= at.start and not is_percent(c) and c.kind != "fraction" and _part_of(c, part)
    ]
    large_enough = [c for c in earlier if (c.value or 0) >= (part.value or 0)]
    return (large_enough or earlier)[-1] if earlier else None


def _part_of(whole: Claim, part: Claim) -> bool:
    """Counts of one kind: the same unit, or a bare part of a head-count."""
    if whole.value is None or part.value is None or is_percent(whole):
        return False
    return same_unit(whole, part) or (whole.unit == "people" and part.unit in (None, "people"))


def _fraction_band(fraction: Claim, approx: float) -> Interval:
    """A fraction word as a percentage, read loosely (a word, not a measurement): "a quarter" is
    22.5%-27.5%; "nearly half" wider by its qualifier."""
    stated = (fraction.value or 0) * 100
    width = max(approx * stated, 2.5)
    low, high = stated - width, stated + width
    if fraction.qualifier in ("approx", "at_most", "less_than"):
        low -= width
    if fraction.qualifier in ("approx", "at_least", "more_than"):
        high += width
    return Interval(low, high)


_OR_BEFORE = re.compile(r"(?:,|\(|\s[-\u2013\u2014])\s*or\s*$|\(\s*$", re.I)


def _share_of_staff(ctx: Context, figures: list[Claim], i: int) -> tuple[Claim, Claim] | None:
    """ "The firm, which employs 2,000 people, will cut 500 jobs, or 25% of its staff" (or "a quarter
    of its staff"): a share of a workforce counted earlier (after "employs", or as "2,000 staff"),
    its part right before it (less sure: a warning)."""
    share, part = figures[i], figures[i - 1] if i > 0 else None
    if part is None or part.sentence != share.sentence or is_percent(part) or part.unit != "people":
        return None
    if not _STAFF_SHARE_GAP.match(ctx.between(part, share)) or not _OF_STAFF.match(ctx.after(share, 30)):
        return None
    wholes = [
        c
        for c in figures[: i - 1]
        if c.unit == "people"
        and share.sentence - c.sentence <= 1
        and (c.value or 0) > (part.value or 0)
        and (_EMPLOYS_BEFORE.search(ctx.before(c, 30)) or _STAFF_AFTER.match(ctx.after(c, 20)))
    ]
    return (part, wholes[-1]) if wholes else None


_STAFF = r"(?:staff|workforce|employees|workers)"
_OF_STAFF = re.compile(rf"^\s*of\s+(?:its|the|their|his|her)\s+(?:\w+\s+)?{_STAFF}\b", re.I)
_STAFF_AFTER = re.compile(rf"^\s*(?:\w+\s+)?{_STAFF}\b", re.I)
_EMPLOYS_BEFORE = re.compile(
    r"\b(?:employs|employed|employing|employ|workforce\s+of|staff\s+of)\s+(?:some\s+|about\s+|around\s+|nearly\s+|more\s+than\s+)?$",
    re.I,
)
# between the part and its share: "500 jobs, or 25%", "500 jobs (25%", "500 jobs, a quarter"
_STAFF_SHARE_GAP = re.compile(
    r"^[^.;:\d]{0,20}?(?:,\s*(?:or\s+)?|\(\s*)(?:about\s+|some\s+|nearly\s+|almost\s+)?$", re.I
)


_OF_NAMED_TOTAL = re.compile(
    r"^\s*of\s+(?:the\s+|its\s+|their\s+)?(?:total|overall|entire|whole|all)\s+([a-z]{3,})", re.I
)


def _share_of_named_total(ctx: Context, figures: list[Claim], i: int) -> tuple[Claim, Claim] | None:
    """ "$41bn - or 40% of the total debt": a share of a total named by its noun and given earlier in
    the copy. The whole is the largest earlier figure of the part's unit with that noun beside it
    ("a $102.6bn debt", "debt of $102.6bn"), the nearest of equals; less sure than a share whose
    whole follows in the sentence."""
    p = figures[i]
    named = _OF_NAMED_TOTAL.match(ctx.after(p, 40))
    part = figures[i - 1] if i > 0 else None
    if named is None or part is None or part.sentence != p.sentence or is_percent(part):
        return None
    if not _OR_BEFORE.search(ctx.between(part, p)) or len(ctx.between(part, p)) > 12:
        return None
    noun = re.compile(rf"\b{re.escape(named.group(1).lower())}", re.I)
    wholes = [
        c
        for c in figures[: i - 1]
        if c.sentence < p.sentence
        and same_unit(c, part)
        and (c.value or 0) > (part.value or 0)
        and (noun.search(ctx.after(c, 40)) or noun.search(ctx.before(c, 25)))
        and not (in_other_period(ctx, c) and not in_other_period(ctx, p))  # "peaked at 7.77m in 2023"
    ]
    if not wholes:
        return None
    return part, max(reversed(wholes), key=lambda c: c.value or 0)


def _share(ctx: Context, figures: list[Claim], i: int) -> tuple[Claim, Claim] | None:
    p = figures[i]
    prev = figures[i - 1] if i > 0 else None
    nxt = figures[i + 1] if i + 1 < len(figures) else None
    after_p = ctx.doc.prose[p.end : p.end + 12]
    # "A, or P% of B" / "A (P% of B)"
    if prev is not None and nxt is not None and prev.sentence == p.sentence == nxt.sentence:
        gap = ctx.between(prev, p)
        if (
            re.match(r"^\s*of\b", after_p)
            and len(ctx.between(p, nxt)) <= 16
            and len(gap) <= 30
            and re.search(r"(?:,\s*or|\()\s*(?:about|around|some|nearly|almost)?\s*$", gap)
            and same_unit(prev, nxt)
        ):
            return prev, nxt
    # "A of B (P%)" / "A out of B, or P%"
    if i >= 2:
        a, b = figures[i - 2], figures[i - 1]
        if a.sentence == b.sentence == p.sentence and _part_of(
            b, a
        ):  # "Some 1,200 of the 3,000 workers (40%)"
            ab, bp = ctx.between(a, b), ctx.between(b, p)
            if (
                _PART_OF_WHOLE.match(ab)
                and not re.search(r"\d", ab)
                and not _A_CHANGE_OF.search(ab)  # "up from $84.70 - an increase of $8.72, or 10.3%"
                and _SHARE_TAIL.search(bp)
            ):
                return a, b
    return None


_A_CHANGE_OF = re.compile(rf"\b{_CHANGE_NOUN}\s+of\b", re.I)


# between a part and its whole: "of", "out of", "seats out of", "of the country's" (no figure between)
_PART_OF_WHOLE = re.compile(r"^\W*(?:[a-z]+\s+){0,2}?(?:out\s+)?of\b[^.;:()]{0,24}$", re.I)


# between the whole and its percentage: "(", "or", or the whole's own noun then ", or" ("10 of the 40
# people killed, or 25%"), with no clause break
_SHARE_TAIL = re.compile(
    r"^(?:\s*\(|\W*or\s*|[^.;:()\d]{0,60}?(?:,\s*or\s*|\s\())"
    rf"{_ROUGHLY}$",
    re.I,
)


def _fraction_restated(ctx: Context, fraction: Claim, p: Claim) -> bool:
    """ "one in five (20%)", "two-thirds, or 67%": a fraction given again as a percentage; not when the
    percentage names a base of its own ("a third of spending, or 12% of GDP")."""
    return (
        fraction.kind == "fraction"
        and bool(_OR_BEFORE.search(ctx.between(fraction, p)))
        and not _OF_AFTER.match(ctx.after(p, 6))
    )


_OF_AFTER = re.compile(r"\s*of\b")


def _check_fraction(p: Claim, fraction: Claim, approx: float) -> Outcome:
    """ "12 out of 40 (30%)", "two-thirds, or 67%": the fraction as a percentage, to the percentage's
    rounding."""
    computed = (fraction.value or 0) * 100
    stated = interval(p, approx)
    details = {"computed": round(computed, 3), "stated_range": stated.to_json()}
    shown = round(computed, 1) if computed >= 1 else float(f"{computed:.2g}")  # "1 in 12,000 is 0.0083%"
    msg = f"{label(fraction)} is {fmt(shown)}%"
    if stated.contains(computed):
        return Outcome("pass", [p, fraction], f"{msg}; stated {label(p)}", details)
    return Outcome("fail", [p, fraction], f"{msg}, not {label(p)}", details, anchor=p)


def _check_share(
    p: Claim,
    part: Claim,
    whole: Claim,
    approx: float,
    confidence: Confidence = "high",
    stated: Interval | None = None,
) -> Outcome:
    """part / whole against the share `p` states (`stated`: its band, when not read from its number:
    a fraction word's)."""
    a, b = beside(part, whole, approx), beside(whole, part, approx)
    stated = stated if stated is not None else interval(p, approx)
    claims = [p, part, whole]
    if b.lo <= 0 or a.hi == float("inf") or b.hi == float("inf"):
        msg = f"{label(part)} of {label(whole)}: share not computable from open bounds"
        return Outcome("pass", claims, msg, {})
    share = Interval(a.lo / b.hi * 100, a.hi / b.lo * 100)
    computed = (part.value or 0) / (whole.value or 1) * 100
    details = {
        "computed": round(computed, 3),
        "computed_range": share.to_json(),
        "stated_range": stated.to_json(),
    }
    msg = f"{label(part)} / {label(whole)} = {fmt(round(computed, 1))}%"
    if share.overlaps(stated):
        return Outcome("pass", claims, f"{msg}; stated {label(p)}", details, confidence=confidence)
    return Outcome("fail", claims, f"{msg}, not {label(p)}", details, anchor=p, confidence=confidence)
